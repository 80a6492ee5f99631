//! What a reader types to count or find: a word (`Artsakh`), a prefix
//! (`liberat*`) or a phrase (`ethnic cleansing`, quotes optional), matched
//! on the search core's folded words, so case and diacritics never matter.

use serde::{Deserialize, Serialize};

use crate::search::{tokenize, Token};

/// A parsed term: folded words to match in a row, the last one possibly a
/// prefix.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Pattern {
    /// The term as the reader typed it, trimmed (the label in charts).
    pub label: String,
    /// The folded words, in order.
    pub words: Vec<String>,
    /// Whether the last word is a prefix (`liberat*` finds `liberated`).
    pub prefix: bool,
}

impl Pattern {
    /// Reads a term; `None` when it has no words (`""`, `"*"`, `"—"`).
    ///
    /// ```
    /// use dossier_core::stats::Pattern;
    /// let p = Pattern::parse("Liberat*").unwrap();
    /// assert_eq!((p.words, p.prefix), (vec!["liberat".to_string()], true));
    /// let p = Pattern::parse("\"Ethnic  Cleansing\"").unwrap();
    /// assert_eq!(p.words, ["ethnic", "cleansing"]);
    /// ```
    pub fn parse(term: &str) -> Option<Pattern> {
        let label = term.trim().to_string();
        let body = label.trim_matches(|c: char| c == '"' || c == '“' || c == '”');
        let body = body.trim_end();
        let prefix = body.ends_with('*');
        let words: Vec<String> = tokenize(body.trim_end_matches('*'))
            .into_iter()
            .map(|t| t.text)
            .collect();
        if words.is_empty() {
            return None;
        }
        Some(Pattern {
            label,
            words,
            prefix,
        })
    }

    /// Where this pattern matches in `tokens`: ranges of token indices
    /// (`first..last + 1`), in order, not overlapping.
    pub fn find(&self, tokens: &[Token]) -> Vec<(usize, usize)> {
        let n = self.words.len();
        let mut out = Vec::new();
        let mut i = 0;
        while i + n <= tokens.len() {
            let hit = self.words.iter().enumerate().all(|(k, w)| {
                let t = tokens[i + k].text.as_str();
                if self.prefix && k == n - 1 {
                    t.starts_with(w.as_str())
                } else {
                    t == w
                }
            });
            if hit {
                out.push((i, i + n));
                i += n;
            } else {
                i += 1;
            }
        }
        out
    }

    /// How many times this pattern occurs in `text`.
    pub fn count_in(&self, text: &str) -> usize {
        self.find(&tokenize(text)).len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_prefixes_and_phrases_match_folded_text() {
        let text = "Liberated Şuşa; the LIBERATION of Shusha. Ethnic cleansing, ethnic  cleansing.";
        assert_eq!(Pattern::parse("liberat*").unwrap().count_in(text), 2);
        assert_eq!(Pattern::parse("liberated").unwrap().count_in(text), 1);
        assert_eq!(Pattern::parse("susa").unwrap().count_in(text), 1);
        assert_eq!(
            Pattern::parse("\"ethnic cleansing\"")
                .unwrap()
                .count_in(text),
            2
        );
        assert_eq!(Pattern::parse("of shusha").unwrap().count_in(text), 1);
    }

    #[test]
    fn empty_terms_are_rejected() {
        assert!(Pattern::parse("").is_none());
        assert!(Pattern::parse(" * ").is_none());
        assert!(Pattern::parse("“”").is_none());
    }

    #[test]
    fn matches_do_not_overlap() {
        let p = Pattern::parse("a a").unwrap();
        assert_eq!(p.find(&tokenize("a a a a a")), [(0, 2), (2, 4)]);
    }
}
