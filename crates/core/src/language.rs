//! Languages by name: articles carry ISO 639-1 codes (`ru`, `hy`), which
//! the reader sees as the language's English name.

/// Codes and English names of the languages a dossier on the region is
/// likely to hold: its own, its neighbours', and the major languages of
/// international news. Sorted by code.
const NAMES: [(&str, &str); 46] = [
    ("ab", "Abkhaz"),
    ("ar", "Arabic"),
    ("az", "Azerbaijani"),
    ("be", "Belarusian"),
    ("bg", "Bulgarian"),
    ("cs", "Czech"),
    ("da", "Danish"),
    ("de", "German"),
    ("el", "Greek"),
    ("en", "English"),
    ("es", "Spanish"),
    ("et", "Estonian"),
    ("fa", "Persian"),
    ("fi", "Finnish"),
    ("fr", "French"),
    ("he", "Hebrew"),
    ("hr", "Croatian"),
    ("hu", "Hungarian"),
    ("hy", "Armenian"),
    ("it", "Italian"),
    ("ja", "Japanese"),
    ("ka", "Georgian"),
    ("kk", "Kazakh"),
    ("ko", "Korean"),
    ("ku", "Kurdish"),
    ("ky", "Kyrgyz"),
    ("lt", "Lithuanian"),
    ("lv", "Latvian"),
    ("nl", "Dutch"),
    ("no", "Norwegian"),
    ("pl", "Polish"),
    ("pt", "Portuguese"),
    ("ro", "Romanian"),
    ("ru", "Russian"),
    ("sk", "Slovak"),
    ("sl", "Slovenian"),
    ("sq", "Albanian"),
    ("sr", "Serbian"),
    ("sv", "Swedish"),
    ("ta", "Tamil"),
    ("tg", "Tajik"),
    ("tk", "Turkmen"),
    ("tr", "Turkish"),
    ("uk", "Ukrainian"),
    ("uz", "Uzbek"),
    ("zh", "Chinese"),
];

/// The English name of a language code (`"hy"` → `"Armenian"`; a region
/// or script after it is ignored: `"en-GB"` → `"English"`), or `None` for
/// a code not in the table, which the reader then sees as written.
///
/// ```
/// use dossier_core::language::language_name;
/// assert_eq!(language_name("hy"), Some("Armenian"));
/// assert_eq!(language_name("az-Latn"), Some("Azerbaijani"));
/// assert_eq!(language_name("xx"), None);
/// ```
pub fn language_name(code: &str) -> Option<&'static str> {
    let primary = code.split(['-', '_']).next()?.trim().to_ascii_lowercase();
    NAMES
        .binary_search_by(|(c, _)| c.cmp(&primary.as_str()))
        .ok()
        .map(|i| NAMES[i].1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_is_sorted_so_lookups_find_every_code() {
        assert!(NAMES.windows(2).all(|w| w[0].0 < w[1].0));
        for (code, name) in NAMES {
            assert_eq!(language_name(code), Some(name));
        }
        assert_eq!(language_name("RU"), Some("Russian"));
        assert_eq!(language_name(""), None);
    }
}
