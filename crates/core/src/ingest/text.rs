//! Small text helpers shared by the ingest rules: sentence bounds and word
//! counts.

/// Words that end with a dot without ending a sentence.
const ABBREVIATIONS: &[&str] = &[
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mr",
    "mrs", "ms", "dr", "st", "gen", "sen", "rep", "gov", "lt", "col", "capt", "sgt", "prof", "vs",
    "etc", "inc", "ltd", "co", "jr", "sr", "mt", "ft", "approx", "e.g", "i.e",
    // Russian month abbreviations, as in "1 сент. 2020 года" (see
    // `dates::months`).
    "янв", "фев", "февр", "мар", "апр", "июн", "июл", "авг", "сен", "сент", "окт", "ноя", "нояб",
    "дек",
];

/// Sentence ranges (byte offsets) of `text`: a sentence ends at `.`, `!`,
/// `?` or the Armenian `։` (with any closing quotes or brackets) followed
/// by whitespace, unless
/// the word before the dot is an abbreviation ("Sept.") or a single letter
/// ("U.S."). Pass a text with quotations masked to keep quoted sentences
/// whole.
pub fn sentences(text: &str) -> Vec<(usize, usize)> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        // The Armenian full stop `։` (U+0589) is the two bytes D6 89.
        let armenian = b == 0xD6 && bytes.get(i + 1) == Some(&0x89);
        if matches!(b, b'.' | b'!' | b'?') || armenian {
            let mut end = i + if armenian { 2 } else { 1 };
            // Closing quotes and brackets belong to the sentence.
            loop {
                let rest = &text[end..];
                if let Some(c) = rest
                    .chars()
                    .next()
                    .filter(|c| matches!(c, '"' | '”' | '’' | '\'' | '»' | '“' | ')' | ']'))
                {
                    end += c.len_utf8();
                } else {
                    break;
                }
            }
            let followed_by_space = text[end..].chars().next().is_none_or(char::is_whitespace);
            if followed_by_space && !(b == b'.' && is_abbreviation(&text[start..i])) {
                out.push((start, end));
                let rest = &text[end..];
                start = end + (rest.len() - rest.trim_start().len());
                i = start;
                continue;
            }
            i = end;
            continue;
        }
        i += 1;
    }
    if start < text.len() && !text[start..].trim().is_empty() {
        out.push((start, text.trim_end().len().max(start)));
    }
    out
}

fn is_abbreviation(before: &str) -> bool {
    let word = before
        .rsplit(|c: char| c.is_whitespace() || c == '(' || c == '“' || c == '"')
        .next()
        .unwrap_or("");
    let lower = word.to_lowercase();
    ABBREVIATIONS.contains(&lower.as_str())
        || (word.chars().count() == 1 && word.chars().all(char::is_uppercase))
        || (word.contains('.') && word.split('.').all(|p| p.chars().count() <= 1))
}

/// The range of the sentence containing byte offset `at`.
pub fn sentence_at(sentences: &[(usize, usize)], at: usize, len: usize) -> (usize, usize) {
    sentences
        .iter()
        .copied()
        .find(|&(s, e)| at >= s && at < e.max(s + 1))
        .unwrap_or((0, len))
}

/// Number of whitespace-separated words.
pub fn word_count(text: &str) -> usize {
    text.split_whitespace().count()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<&str> {
        sentences(text)
            .into_iter()
            .map(|(s, e)| &text[s..e])
            .collect()
    }

    #[test]
    fn splits_on_sentence_ends_but_not_abbreviations() {
        assert_eq!(
            split("On Sept. 20, the U.S. said no. He left! Did he?"),
            ["On Sept. 20, the U.S. said no.", "He left!", "Did he?"]
        );
        assert_eq!(split("“A quote.” He said it"), ["“A quote.”", "He said it"]);
        assert_eq!(
            split("С 1 сент. 2020 года он работал. Потом ушёл."),
            ["С 1 сент. 2020 года он работал.", "Потом ушёл."]
        );
        assert_eq!(
            split("Նա ասաց «Մենք պատրաստ ենք»։ Հաջորդ հանդիպումը կլինի Բաքվում։"),
            [
                "Նա ասաց «Մենք պատրաստ ենք»։",
                "Հաջորդ հանդիպումը կլինի Բաքվում։"
            ]
        );
        assert_eq!(split("«Да.» Нет."), ["«Да.»", "Нет."]);
    }
}
