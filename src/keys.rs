//! The keyboard: one table from keys to actions, used by the one document
//! key listener in `app.rs`.

/// What a key press asks for, before the app knows the results.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Key {
    /// `/`: focus the search box.
    FocusSearch,
    /// `j`: next result.
    Next,
    /// `k`: previous result.
    Previous,
    /// Enter: open the result under the cursor.
    Open,
    /// Esc: leave a text field; else close help, About or the article.
    Escape,
    /// `]`: next article in the results.
    NextArticle,
    /// `[`: previous article in the results.
    PreviousArticle,
    /// `?`: shortcuts and query help.
    Help,
}

/// The action for a key, or `None`. `typing` is true when focus is in a text
/// field, where only Escape (and Enter, handled by the field) mean anything.
pub fn key_for(key: &str, typing: bool, ctrl_or_meta: bool) -> Option<Key> {
    if ctrl_or_meta {
        return None;
    }
    match (key, typing) {
        ("Escape", _) => Some(Key::Escape),
        (_, true) => None,
        ("/", _) => Some(Key::FocusSearch),
        ("j", _) => Some(Key::Next),
        ("k", _) => Some(Key::Previous),
        ("Enter", _) => Some(Key::Open),
        ("]", _) => Some(Key::NextArticle),
        ("[", _) => Some(Key::PreviousArticle),
        ("?", _) => Some(Key::Help),
        _ => None,
    }
}

/// The shortcuts, for the help panel: (keys, what they do).
pub const SHORTCUTS: &[(&str, &str)] = &[
    ("/", "search (Esc leaves the box)"),
    ("j / k", "next / previous result"),
    ("Enter", "open the result"),
    ("[ / ]", "previous / next article"),
    ("Esc", "close"),
    ("?", "this help"),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn letters_type_into_fields_but_escape_always_works() {
        assert_eq!(key_for("j", true, false), None);
        assert_eq!(key_for("/", true, false), None);
        assert_eq!(key_for("Escape", true, false), Some(Key::Escape));
        assert_eq!(key_for("j", false, false), Some(Key::Next));
        assert_eq!(key_for("j", false, true), None);
    }
}
