//! Text analysis: how a paragraph becomes the words the index stores.
//!
//! A word is found by Unicode word segmentation (UAX #29), then *folded*:
//! compatibility-normalised (NFKD), stripped of diacritics, lower-cased, with
//! the letters that have no decomposition mapped by hand (Turkish `ı`,
//! Azerbaijani `ə`, `ß`, `ø`, `ł`…). So `Erdoğan`, `ERDOGAN`, `Erdogan’s` and
//! `Erdoğan’ın` all become `erdogan`, `Türkiye` becomes `turkiye` and `Şuşa`
//! becomes `susa`.
//!
//! The folded form is the *exact* form used for phrases and highlighting; its
//! *stem* (Snowball, English by default) is used for recall, so `talks` also
//! finds `talk`. Every token keeps the byte offsets of the original text it
//! was read from, so highlights point at what the reader sees.

use std::borrow::Cow;
use std::fmt;

use rust_stemmers::{Algorithm, Stemmer};
use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;
use unicode_segmentation::UnicodeSegmentation;

/// Words longer than this (in bytes, after folding) are not indexed: they are
/// URLs, hashes or run-together junk, never something a reader types.
pub const MAX_WORD_BYTES: usize = 64;

/// One word of a text: its folded form and where it is in the original.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Token {
    /// The folded (lower-case, diacritic-free) form: `erdogan`.
    pub text: String,
    /// Byte offset of the word's first byte in the analysed text.
    pub start: usize,
    /// Byte offset just past the word's last byte in the analysed text.
    pub end: usize,
}

/// Folds a text for matching: compatibility normalisation, no diacritics,
/// lower case, typographic apostrophes made plain.
///
/// ```
/// use dossier_core::search::fold;
/// assert_eq!(fold("Erdoğan"), "erdogan");
/// assert_eq!(fold("Türkiye"), "turkiye");
/// assert_eq!(fold("Şuşa"), "susa");
/// assert_eq!(fold("İstanbul ılık"), "istanbul ilik");
/// ```
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    fold_into(text, &mut out);
    out
}

/// [`fold`], appending to `out`. Runs of ASCII are copied lower-cased in
/// one go; only the other characters go through decomposition.
fn fold_into(text: &str, out: &mut String) {
    let mut rest = text;
    while !rest.is_empty() {
        let ascii = rest
            .bytes()
            .position(|b| !b.is_ascii())
            .unwrap_or(rest.len());
        let from = out.len();
        out.push_str(&rest[..ascii]);
        out[from..].make_ascii_lowercase();
        rest = &rest[ascii..];
        let mut chars = rest.chars();
        if let Some(c) = chars.next() {
            fold_char(c, out);
            rest = chars.as_str();
        }
    }
}

fn fold_char(c: char, out: &mut String) {
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
        return;
    }
    // Most accented Latin letters fold to one ASCII letter: read from a
    // table rather than decomposed (a test checks every entry against the
    // decomposition below).
    if let Some(&base) = (c as usize)
        .checked_sub(LATIN_FOLDS_FROM)
        .and_then(|i| LATIN_FOLDS.get(i))
    {
        if base != b'.' {
            out.push(char::from(base));
            return;
        }
    }
    fold_char_general(c, out);
}

/// Folds a non-ASCII character: the hand-made cases, else its compatibility
/// decomposition without combining marks, lower-cased.
fn fold_char_general(c: char, out: &mut String) {
    let special = match c {
        // Turkish dotless and dotted i: `İ`.to_lowercase() is "i̇", not "i".
        'ı' | 'İ' => "i",
        // Azerbaijani schwa: `Xankəndi` is written `Xankendi` without an
        // Azerbaijani keyboard, and the gazetteer folds it so too.
        'ə' | 'Ə' => "e",
        // Russian `й` is a letter of its own, not `и` with a mark: the
        // stemmer reads adjective endings by it (`военный`, `военного`).
        'й' | 'Й' => "й",
        'ß' | 'ẞ' => "ss",
        'æ' | 'Æ' => "ae",
        'œ' | 'Œ' => "oe",
        'ø' | 'Ø' => "o",
        'ł' | 'Ł' => "l",
        'đ' | 'Đ' | 'ð' | 'Ð' => "d",
        'þ' | 'Þ' => "th",
        'ħ' | 'Ħ' => "h",
        '\u{2018}' | '\u{2019}' | '\u{02BC}' | '\u{FF07}' => "'",
        _ => "",
    };
    if !special.is_empty() {
        out.push_str(special);
        return;
    }
    for d in std::iter::once(c).nfkd() {
        if !is_combining_mark(d) {
            out.extend(d.to_lowercase());
        }
    }
}

/// The first character of [`LATIN_FOLDS`].
const LATIN_FOLDS_FROM: usize = 0xC0;
/// What `U+00C0`–`U+024F` fold to, when that is one ASCII letter; `.` for
/// the others (`×`, `ß`, `æ`, `þ`, letters without a decomposition…),
/// which take the general path.
const LATIN_FOLDS: &[u8; 0x250 - LATIN_FOLDS_FROM] = b"\
aaaaaa.ceeeeiiiidnooooo.ouuuuy..aaaaaa.ceeeeiiiidnooooo.ouuuuy.y\
aaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiii..jjkk.llllll.\
.llnnnnnn...oooooo..rrrrrrsssssssstttt..uuuuuuuuuuuuwwyyyzzzzzzs\
...............e................oo.............uu...............\
.............aaiioouuuuuuuuuu.aaaa....ggkkoooo..j...gg..nnaa....\
aaaaeeeeiiiioooorrrruuuusstt..hh......aaeeooooooooyy............\
................";

/// Splits a text into folded words with their byte offsets.
///
/// Words are UAX #29 words, further split at `.` and `:` (so `Antiwar.com`
/// is `antiwar` `com`, and `U.S.` is `u` `s`). A possessive `’s` is dropped
/// (`Erdoğan’s` → `erdogan`, offsets cover `Erdoğan`), so is a Turkish or
/// Azerbaijani case ending after a name (`Şuşa’nın` → `susa`), and other
/// apostrophes are removed (`O'Brien` → `obrien`).
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut tokens = Vec::new();
    tokenize_into(text, &mut tokens);
    tokens
}

/// Like [`tokenize`], appending to `tokens` (reuses its allocation).
pub fn tokenize_into(text: &str, tokens: &mut Vec<Token>) {
    let mut folded = String::new();
    for_each_word(text, &mut folded, |word, start, end| {
        tokens.push(Token {
            text: word.to_string(),
            start,
            end,
        })
    });
}

/// The words [`tokenize`] finds, handed to `each` as `(folded, start, end)`
/// one at a time instead of collected: the folded form lives in `buffer`
/// (reused), so reading a text allocates nothing per word. Highlighting
/// the page's articles reads thousands of words per search; this is how it
/// reads them.
pub(crate) fn for_each_word(
    text: &str,
    buffer: &mut String,
    mut each: impl FnMut(&str, usize, usize),
) {
    // ASCII fast path, chunk by chunk. UAX #29 always breaks at ASCII
    // whitespace (a combining mark or format character after it joins the
    // space, not a word), and in ASCII around punctuation other than `_`,
    // `.`, `:`, `,`, `;` and `'` between word characters; so a
    // whitespace-separated chunk whose core (punctuation trimmed from both
    // ends) is only ASCII letters and digits is that one word. Any other
    // chunk (non-ASCII letters included) goes through the full segmentation,
    // so one `Erdoğan` in a paragraph does not send the whole paragraph
    // there.
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        while i < bytes.len() && bytes[i].is_ascii_whitespace() {
            i += 1;
        }
        let start = i;
        while i < bytes.len() && !bytes[i].is_ascii_whitespace() {
            i += 1;
        }
        let chunk = &bytes[start..i];
        let trimmable = |b: &u8| b.is_ascii_punctuation() && *b != b'_';
        let lead = chunk.iter().take_while(|b| trimmable(b)).count();
        let trail = chunk[lead..]
            .iter()
            .rev()
            .take_while(|b| trimmable(b))
            .count();
        let core = &chunk[lead..chunk.len() - trail];
        if core.is_empty() {
            continue;
        }
        if core.iter().all(u8::is_ascii_alphanumeric) {
            // No apostrophe to drop and nothing to decompose: the folded
            // form is the lower-cased word.
            if core.len() <= MAX_WORD_BYTES {
                buffer.clear();
                buffer.push_str(&text[start + lead..i - trail]);
                buffer.make_ascii_lowercase();
                each(buffer, start + lead, i - trail);
            }
        } else if is_latin_word(&text[start + lead..i - trail]) {
            // Latin letters with diacritics (`Erdoğan`, `Gəncə`) are word
            // letters to UAX #29 as ASCII ones are: still one word, folded
            // as the full path would fold it, without the segmentation.
            piece(
                &text[start + lead..i - trail],
                start + lead,
                buffer,
                &mut each,
            );
        } else {
            words_unicode(&text[start..i], start, buffer, &mut each);
        }
    }
}

/// Whether a text is only ASCII letters and digits and the letters of the
/// Latin-1 Supplement, Latin Extended-A and -B and IPA Extensions blocks
/// (`U+00C0`–`U+02AF` but `×` and `÷`): all `ALetter` or `Numeric` to
/// UAX #29, which never breaks between those.
fn is_latin_word(text: &str) -> bool {
    text.chars().all(|c| {
        c.is_ascii_alphanumeric() || (('\u{C0}'..='\u{2AF}').contains(&c) && c != '×' && c != '÷')
    })
}

/// The full segmentation alone, without the ASCII fast path (which the
/// tests check against it).
#[cfg(test)]
fn tokenize_unicode(text: &str, base: usize, tokens: &mut Vec<Token>) {
    let mut buffer = String::new();
    words_unicode(text, base, &mut buffer, &mut |word, start, end| {
        tokens.push(Token {
            text: word.to_string(),
            start,
            end,
        })
    });
}

/// UAX #29 words of `text` (found at byte `base` of the analysed text).
fn words_unicode(
    text: &str,
    base: usize,
    buffer: &mut String,
    each: &mut impl FnMut(&str, usize, usize),
) {
    for (offset, word) in text.unicode_word_indices() {
        let offset = base + offset;
        let mut piece_start = 0;
        for (i, c) in word
            .char_indices()
            .chain(std::iter::once((word.len(), '.')))
        {
            if c == '.' || c == ':' {
                if i > piece_start {
                    piece(&word[piece_start..i], offset + piece_start, buffer, each);
                }
                piece_start = i + c.len_utf8();
            }
        }
    }
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '\u{2018}' | '\u{2019}' | '\u{02BC}' | '\u{FF07}')
}

/// Turkish and Azerbaijani case and plural endings, folded, as they follow
/// an apostrophe after a name or a number (`Şuşa’nın`, `İstanbul’da`,
/// `Bakı’ya`, `2020’de`, `NATO’nun`): vowel harmony's variants fold to one
/// (`nın` `nin` `nun` `nün` → `nin` `nun`), Azerbaijani `ə` to `e`.
const NAME_SUFFIXES: &[&str] = &[
    "a", "e", "i", "u", "ya", "ye", "yi", "yu", "na", "ne", "ni", "nu", "in", "un", "nin", "nun",
    "da", "de", "ta", "te", "nda", "nde", "dan", "den", "tan", "ten", "ndan", "nden", "la", "le",
    "yla", "yle", "ki", "daki", "deki", "taki", "teki", "ndaki", "ndeki", "si", "su", "sin", "sun",
    "sinin", "sunun", "sina", "sine", "suna", "sune", "sinda", "sinde", "sunda", "sunde", "sindan",
    "sinden", "sundan", "sunden", "lar", "ler", "lari", "leri", "larin", "lerin", "lara", "lere",
    "larda", "lerde", "lardan", "lerden", "li", "lu", "dir", "dur", "tir", "tur",
];

/// A name without the Turkish or Azerbaijani ending written after an
/// apostrophe (`Şuşa’nın` → `Şuşa`), so searching the name finds every
/// case of it; as for the English possessive, the offsets then cover the
/// name alone. Only a name or a number takes such an ending, and only
/// the endings themselves are cut: `O’Brien`, `don’t`, `Ba’ath` stay whole.
fn without_case_suffix(piece: &str) -> &str {
    let Some((at, apostrophe)) = piece.char_indices().rev().find(|&(_, c)| is_apostrophe(c)) else {
        return piece;
    };
    let (name, suffix) = (&piece[..at], &piece[at + apostrophe.len_utf8()..]);
    let named = name
        .chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit());
    if !named || suffix.is_empty() || suffix.len() > 12 || !suffix.chars().all(char::is_lowercase) {
        return piece;
    }
    let mut folded = String::with_capacity(suffix.len());
    fold_into(suffix, &mut folded);
    if NAME_SUFFIXES.contains(&folded.as_str()) {
        name
    } else {
        piece
    }
}

/// One word piece (between `.` and `:`) of a UAX #29 word, found at byte
/// `start` of the analysed text.
fn piece(
    piece: &str,
    start: usize,
    buffer: &mut String,
    each: &mut impl FnMut(&str, usize, usize),
) {
    // Drop a possessive `'s` (any apostrophe), keeping offsets on the name.
    let mut piece = piece;
    let mut chars = piece.char_indices().rev();
    if let (Some((_, s)), Some((i, a))) = (chars.next(), chars.next()) {
        if (s == 's' || s == 'S') && is_apostrophe(a) && i > 0 {
            piece = &piece[..i];
        }
    }
    let trimmed = piece.trim_end_matches(is_apostrophe);
    let lead = trimmed.len() - trimmed.trim_start_matches(is_apostrophe).len();
    let piece = without_case_suffix(&trimmed[lead..]);
    if piece.is_empty() {
        return;
    }
    buffer.clear();
    fold_into(piece, buffer);
    if buffer.contains('\'') {
        buffer.retain(|c| c != '\'');
    }
    if buffer.is_empty() || buffer.len() > MAX_WORD_BYTES {
        return;
    }
    each(buffer, start + lead, start + lead + piece.len());
}

/// A text analyser: folding plus a stemmer for one language.
#[derive(Clone)]
pub struct Analyzer {
    language: &'static str,
    stemmer: Option<Algorithm>,
}

impl fmt::Debug for Analyzer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Analyzer")
            .field("language", &self.language)
            .finish()
    }
}

impl Default for Analyzer {
    fn default() -> Self {
        Analyzer::english()
    }
}

const LANGUAGES: [(&str, Algorithm); 18] = [
    ("ar", Algorithm::Arabic),
    ("da", Algorithm::Danish),
    ("de", Algorithm::German),
    ("el", Algorithm::Greek),
    ("en", Algorithm::English),
    ("es", Algorithm::Spanish),
    ("fi", Algorithm::Finnish),
    ("fr", Algorithm::French),
    ("hu", Algorithm::Hungarian),
    ("it", Algorithm::Italian),
    ("nl", Algorithm::Dutch),
    ("no", Algorithm::Norwegian),
    ("pt", Algorithm::Portuguese),
    ("ro", Algorithm::Romanian),
    ("ru", Algorithm::Russian),
    ("sv", Algorithm::Swedish),
    ("ta", Algorithm::Tamil),
    ("tr", Algorithm::Turkish),
];

impl Analyzer {
    /// Folding with the English (Porter 2) stemmer.
    pub fn english() -> Self {
        Analyzer {
            language: "en",
            stemmer: Some(Algorithm::English),
        }
    }

    /// The analyser for an ISO 639-1 language code (`"en"`, `"tr"`, `"ru"`…);
    /// a language without a stemmer folds only (every form is its own stem).
    pub fn for_language(code: &str) -> Self {
        let code = code.trim().to_ascii_lowercase();
        let code = code.split(['-', '_']).next().unwrap_or("");
        match LANGUAGES.iter().find(|(c, _)| *c == code) {
            Some((c, algorithm)) => Analyzer {
                language: c,
                stemmer: Some(*algorithm),
            },
            None => Analyzer {
                language: "",
                stemmer: None,
            },
        }
    }

    /// The language code this analyser stems for (empty when it only folds).
    pub fn language(&self) -> &'static str {
        self.language
    }

    /// The stem of an already folded word: `talks` → `talk`.
    pub fn stem<'a>(&self, folded: &'a str) -> Cow<'a, str> {
        match self.stemmer {
            // Snowball stemmers expect letters; leave numbers and short
            // words (where stemming only hurts) alone.
            Some(algorithm)
                if folded.chars().count() > 3 && !folded.bytes().any(|b| b.is_ascii_digit()) =>
            {
                let stemmed = Stemmer::create(algorithm).stem(folded).into_owned();
                if stemmed.is_empty() {
                    Cow::Borrowed(folded)
                } else {
                    Cow::Owned(stemmed)
                }
            }
            _ => Cow::Borrowed(folded),
        }
    }
}

#[cfg(test)]
mod tests;
