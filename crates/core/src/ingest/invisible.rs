//! Invisible characters that split or spoil words: a soft hyphen (U+00AD)
//! is a hyphenation hint inside one word, and a zero-width space (U+200B),
//! word joiner (U+2060) or zero-width no-break space (U+FEFF) inside text
//! is a line-breaking hint. Left in, "Nagorno\u{AD}Karabakh" is not found
//! by `karabakh` and "Sh\u{200B}usha" is two words, "Sh" and "usha"; so
//! ingest removes them from every text it stores.
//!
//! The zero-width non-joiner (U+200C) is kept: in Persian (and Kurdish,
//! Urdu) it is part of the spelling, and the zero-width joiner (U+200D)
//! is kept too, since it builds emoji sequences and Indic ligatures.

use std::borrow::Cow;

/// The characters removed: hints to the renderer with no letter of their
/// own.
const INVISIBLE: [char; 4] = ['\u{AD}', '\u{200B}', '\u{2060}', '\u{FEFF}'];

/// `text` without soft hyphens, zero-width spaces, word joiners and
/// zero-width no-break spaces (byte-order marks); borrowed, without a
/// copy, when it has none (as nearly every text).
pub fn remove_invisible(text: &str) -> Cow<'_, str> {
    // ASCII text (most of an English corpus) cannot hold them.
    if text.is_ascii() || !text.contains(INVISIBLE) {
        return Cow::Borrowed(text);
    }
    Cow::Owned(text.chars().filter(|c| !INVISIBLE.contains(c)).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn soft_hyphens_and_zero_width_spaces_join_their_word() {
        assert_eq!(
            remove_invisible("Nagorno\u{AD}Karabakh and Sh\u{200B}usha"),
            "NagornoKarabakh and Shusha"
        );
        assert_eq!(remove_invisible("\u{FEFF}Ba\u{2060}ku\u{FEFF}"), "Baku");
    }

    #[test]
    fn zwnj_and_zwj_are_kept() {
        // Persian "Qarabağ" with its non-joiner; a family emoji with joiners.
        for text in ["قره\u{200C}باغ", "👨\u{200D}👩\u{200D}👧"] {
            assert!(matches!(remove_invisible(text), Cow::Borrowed(t) if t == text));
        }
    }

    #[test]
    fn text_without_them_is_not_copied() {
        for text in ["Plain ASCII.", "Türkiye ve Azərbaycan", ""] {
            assert!(matches!(remove_invisible(text), Cow::Borrowed(_)));
        }
    }
}
