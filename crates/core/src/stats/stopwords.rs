//! The default English stop words for distinctive terms: function words
//! that differ between outlets by style, not by framing. Configurable:
//! [`super::DistinctiveOptions::stop_words`] takes any list.

/// Default English stop words, folded (lower case, no apostrophes: the
/// search core reads "don't" as `dont`), sorted.
pub const DEFAULT_STOP_WORDS: &[&str] = &[
    "a",
    "about",
    "above",
    "after",
    "again",
    "against",
    "all",
    "also",
    "am",
    "an",
    "and",
    "any",
    "are",
    "arent",
    "as",
    "at",
    "be",
    "because",
    "been",
    "before",
    "being",
    "below",
    "between",
    "both",
    "but",
    "by",
    "can",
    "cannot",
    "could",
    "couldnt",
    "did",
    "didnt",
    "do",
    "does",
    "doesnt",
    "doing",
    "dont",
    "down",
    "during",
    "each",
    "few",
    "for",
    "from",
    "further",
    "had",
    "hadnt",
    "has",
    "hasnt",
    "have",
    "havent",
    "having",
    "he",
    "hed",
    "hell",
    "her",
    "here",
    "hers",
    "herself",
    "hes",
    "him",
    "himself",
    "his",
    "how",
    "i",
    "id",
    "if",
    "ill",
    "im",
    "in",
    "into",
    "is",
    "isnt",
    "it",
    "its",
    "itself",
    "ive",
    "just",
    "let",
    "lets",
    "me",
    "more",
    "most",
    "mr",
    "ms",
    "my",
    "myself",
    "no",
    "nor",
    "not",
    "now",
    "of",
    "off",
    "on",
    "once",
    "one",
    "only",
    "or",
    "other",
    "ought",
    "our",
    "ours",
    "ourselves",
    "out",
    "over",
    "own",
    "s",
    "said",
    "same",
    "says",
    "she",
    "shed",
    "shell",
    "shes",
    "should",
    "shouldnt",
    "so",
    "some",
    "such",
    "t",
    "than",
    "that",
    "thats",
    "the",
    "their",
    "theirs",
    "them",
    "themselves",
    "then",
    "there",
    "theres",
    "these",
    "they",
    "theyd",
    "theyll",
    "theyre",
    "theyve",
    "this",
    "those",
    "through",
    "to",
    "too",
    "under",
    "until",
    "up",
    "upon",
    "us",
    "very",
    "was",
    "wasnt",
    "we",
    "wed",
    "well",
    "were",
    "werent",
    "weve",
    "what",
    "whats",
    "when",
    "where",
    "which",
    "while",
    "who",
    "whom",
    "whos",
    "why",
    "will",
    "with",
    "wont",
    "would",
    "wouldnt",
    "you",
    "youd",
    "youll",
    "your",
    "youre",
    "yours",
    "yourself",
    "yourselves",
    "youve",
];

/// [`DEFAULT_STOP_WORDS`] as owned strings, for
/// [`super::DistinctiveOptions`].
pub fn default_stop_words() -> Vec<String> {
    DEFAULT_STOP_WORDS.iter().map(|s| s.to_string()).collect()
}

/// The stop words a reader asked for: the default list or none, plus
/// their own words. `extra` is what they typed, words separated by commas
/// or spaces ("Azerbaijan, Baku"); each is folded as the search core folds
/// words, so "Türkiye" leaves out `turkiye`. Sorted, without repeats.
pub fn stop_words_with(use_default: bool, extra: &str) -> Vec<String> {
    let mut words: Vec<String> = if use_default {
        default_stop_words()
    } else {
        Vec::new()
    };
    words.extend(extra_stop_words(extra));
    words.sort();
    words.dedup();
    words
}

/// The words of a typed stop-word list, folded, in the order typed,
/// without repeats. Punctuation separates words as it does in a search
/// ("don't" is one word, `dont`).
pub fn extra_stop_words(extra: &str) -> Vec<String> {
    let mut words: Vec<String> = Vec::new();
    for token in crate::search::tokenize(extra) {
        if !words.contains(&token.text) {
            words.push(token.text);
        }
    }
    words
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typed_stop_words_are_folded_and_join_the_default_or_stand_alone() {
        assert_eq!(
            extra_stop_words(" Türkiye, said  Said;don't "),
            ["turkiye", "said", "dont"]
        );
        let none = stop_words_with(false, "said, the");
        assert_eq!(none, ["said", "the"]);
        let both = stop_words_with(true, "Azerbaijan");
        assert!(both.contains(&"azerbaijan".to_string()) && both.contains(&"the".to_string()));
        assert_eq!(both.len(), DEFAULT_STOP_WORDS.len() + 1);
        assert_eq!(stop_words_with(true, "the").len(), DEFAULT_STOP_WORDS.len());
        assert!(stop_words_with(false, "").is_empty());
    }

    #[test]
    fn the_default_list_is_sorted_folded_and_unique() {
        assert!(DEFAULT_STOP_WORDS.windows(2).all(|w| w[0] < w[1]));
        for w in DEFAULT_STOP_WORDS {
            assert_eq!(crate::search::fold(w), *w);
            assert!(!w.contains('\''));
        }
    }
}
