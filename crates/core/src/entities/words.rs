//! Words and folding for entity matching: word boundaries as byte ranges,
//! and the case- and diacritic-folded form names are compared in.

use unicode_normalization::char::{decompose_canonical, is_combining_mark};

/// The words of `text` as byte ranges: runs of letters, digits and
/// combining marks. Apostrophes, hyphens and dots separate words, so
/// "Turkey’s" contains the word "Turkey".
pub fn words(text: &str) -> Words<'_> {
    Words {
        text,
        at: 0,
        ascii: text.is_ascii(),
    }
}

/// The iterator [`words`] returns. An all-ASCII text (most paragraphs of
/// an English corpus) is scanned byte by byte, which gives the same words
/// as the general path: in ASCII, letters and digits are exactly the
/// alphanumeric characters, and there are no combining marks.
#[derive(Clone, Debug)]
pub struct Words<'a> {
    pub(super) text: &'a str,
    /// Byte offset where the next search starts.
    pub(super) at: usize,
    pub(super) ascii: bool,
}

impl Iterator for Words<'_> {
    type Item = (usize, usize);

    fn next(&mut self) -> Option<(usize, usize)> {
        let (start, end) = if self.ascii {
            let bytes = self.text.as_bytes();
            let start = self.at
                + bytes[self.at..]
                    .iter()
                    .position(u8::is_ascii_alphanumeric)?;
            let end = bytes[start..]
                .iter()
                .position(|b| !b.is_ascii_alphanumeric())
                .map_or(bytes.len(), |n| start + n);
            (start, end)
        } else {
            let (first, _) = self.text[self.at..]
                .char_indices()
                .find(|(_, c)| c.is_alphanumeric())?;
            let start = self.at + first;
            // The first character is alphanumeric, so it passes this test.
            let end = self.text[start..]
                .char_indices()
                .find(|&(_, c)| !(c.is_alphanumeric() || is_combining_mark(c)))
                .map_or(self.text.len(), |(i, _)| start + i);
            (start, end)
        };
        self.at = end;
        Some((start, end))
    }
}

/// Folds a word for matching: lower case, diacritics removed, and the
/// letters that do not decompose mapped by hand (Turkish ı and İ,
/// Azerbaijani ə, ø, ł, đ, ß, æ, œ, and the Armenian ligature և, which
/// outlets also write as its two letters եւ: "Ալիև" and "Ալիեւ" are one name).
pub fn fold(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    fold_into(word, &mut out);
    out
}

/// [`fold`], appending to `out` (so a caller folding many words can reuse
/// one buffer).
pub(super) fn fold_into(word: &str, out: &mut String) {
    if word.is_ascii() {
        out.extend(word.bytes().map(|b| char::from(b.to_ascii_lowercase())));
        return;
    }
    for c in word.chars() {
        match c {
            'ı' | 'İ' => out.push('i'),
            'ə' | 'Ə' => out.push('e'),
            'ø' | 'Ø' => out.push('o'),
            'ł' | 'Ł' => out.push('l'),
            'đ' | 'Đ' => out.push('d'),
            'ß' => out.push_str("ss"),
            'æ' | 'Æ' => out.push_str("ae"),
            'œ' | 'Œ' => out.push_str("oe"),
            'և' => out.push_str("եւ"),
            c if c.is_ascii() => out.push(c.to_ascii_lowercase()),
            c => decompose_canonical(c, |d| {
                if !is_combining_mark(d) {
                    out.extend(d.to_lowercase());
                }
            }),
        }
    }
}
