//! Stems: a gazetteer word written with a trailing `*` ("Карабах*",
//! "Հայաստան*", "Qarabağ*") matches itself followed by a short ending in
//! the same script ("Карабаха", "Հայաստանում", "Qarabağda").
//!
//! Russian and Armenian decline names, and Azerbaijani adds its suffixes
//! without an apostrophe, so a whole-word match on the nominative misses
//! most mentions; listing every case form as an alias would swell the file
//! and the naming view with a column per form. The ending is at most
//! [`MAX_ENDING`] letters (Russian "-ого", "-ами", Armenian "-ում",
//! Azerbaijani "-dan" fit; longer derived words such as "карабахский" do
//! not) and must be in the stem's script, so "Qarabağ*" never takes a
//! Cyrillic tail. Where a stem plus a short ending spells another word
//! (a demonym such as "азербайджанец"), the gazetteer lists that word too:
//! a name spelled out in full, then the longest stem, wins.

/// The character that marks a stem in a gazetteer name.
pub const MARKER: char = '*';

/// The most letters a stem's ending may have.
pub const MAX_ENDING: usize = 3;

/// A name as readers write it: the stem markers taken out ("Нагорн*
/// Карабах*" → "Нагорн Карабах"), for labels.
pub fn without_markers(name: &str) -> String {
    name.replace(MARKER, "")
}

/// Whether `text`, a mention as an article wrote it, is `name` in one of
/// its forms: word for word equal when folded, a stem word followed by a
/// short ending of its script ("Нагорного Карабаха" is "Нагорн* Карабах*").
pub fn written_as(name: &str, text: &str) -> bool {
    let mut written = super::words(text).map(|(s, e)| super::fold(&text[s..e]));
    let mut named = super::words(name);
    loop {
        match (named.next(), written.next()) {
            (None, None) => return true,
            (Some((s, e)), Some(word)) => {
                let stem = super::fold(&name[s..e]);
                let ok = if name[e..].starts_with(MARKER) {
                    matches_stem(&word, &stem)
                } else {
                    word == stem
                };
                if !ok {
                    return false;
                }
            }
            _ => return false,
        }
    }
}

/// The writing systems a stem's ending may be checked against.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Script {
    Latin,
    Cyrillic,
    Armenian,
}

/// The script of a letter, if it is one stems know (other letters never
/// end a stem's match, so a stem in them matches only itself).
fn script(c: char) -> Option<Script> {
    if !c.is_alphabetic() {
        return None;
    }
    match u32::from(c) {
        0x41..=0x7a | 0xc0..=0x24f | 0x1e00..=0x1eff => Some(Script::Latin),
        0x400..=0x52f => Some(Script::Cyrillic),
        0x531..=0x58f | 0xfb13..=0xfb17 => Some(Script::Armenian),
        _ => None,
    }
}

/// Whether the folded `word` is the folded `stem` followed by at most
/// [`MAX_ENDING`] letters of the stem's script.
pub(super) fn matches_stem(word: &str, stem: &str) -> bool {
    let Some(ending) = word.strip_prefix(stem) else {
        return false;
    };
    let Some(last) = stem.chars().next_back().and_then(script) else {
        return ending.is_empty();
    };
    ending.chars().count() <= MAX_ENDING && ending.chars().all(|c| script(c) == Some(last))
}

/// The stems the folded `word` may be written with: itself, then itself
/// less its last one, two, … [`MAX_ENDING`] letters, as long as those are
/// letters of the script of the letter before them (the longest stem
/// first). No allocation: this runs for every word of every paragraph.
pub(super) fn stems_of(word: &str) -> impl Iterator<Item = &str> {
    let mut end = word.len();
    let mut ending_script = None;
    let mut letters = 0;
    std::iter::once(word).chain(std::iter::from_fn(move || {
        if letters == MAX_ENDING {
            return None;
        }
        // Move one letter of `word` from the stem into the ending.
        let (at, c) = word[..end].char_indices().next_back()?;
        let c_script = script(c)?;
        if ending_script.is_some_and(|s| s != c_script) {
            return None;
        }
        ending_script = Some(c_script);
        end = at;
        letters += 1;
        let stem = &word[..end];
        // The ending must be in the script of the stem's last letter.
        let last = stem.chars().next_back().and_then(script)?;
        (last == c_script).then_some(stem)
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stems_of_a_word_drop_up_to_three_letters_of_one_script() {
        fn all(w: &str) -> Vec<&str> {
            stems_of(w).collect()
        }
        assert_eq!(all("армении"), ["армении", "армени", "армен", "арме"]);
        assert_eq!(all("ab"), ["ab", "a"]);
        // No ending crosses into another script.
        assert_eq!(all("qarabagом"), ["qarabagом", "qarabagо"]);
    }

    #[test]
    fn matches_a_stem_with_a_short_same_script_ending() {
        assert!(matches_stem("карабахом", "карабах"));
        assert!(!matches_stem("карабахский", "карабах"));
        assert!(!matches_stem("qarabagом", "qarabag"));
        assert_eq!(without_markers("Нагорн* Карабах*"), "Нагорн Карабах");
        assert!(written_as("Нагорн* Карабах*", "Нагорного Карабаха"));
        assert!(written_as("Şuşa", "ŞUŞA"));
        assert!(!written_as("Нагорн* Карабах*", "Карабаха"));
        assert!(!written_as("Şuşa", "Şuşada"));
    }
}
