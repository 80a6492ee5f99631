//! Candidate discovery: capitalised names the corpus uses that the
//! gazetteer does not know, listed in the ingest report for a curator.

use std::collections::{BTreeMap, HashSet};
use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

use super::{fold, joined_as_one_name, words, Gazetteer};
use crate::model::Article;

/// A capitalised name seen in the corpus but not in the gazetteer, for a
/// curator to add (or not).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Candidate {
    /// The name as first written.
    pub name: String,
    /// How many times it appears.
    pub count: usize,
    /// The ids of the articles it appears in, sorted.
    pub articles: Vec<String>,
}

/// Words that start sentences or titles but are not names.
const NOT_NAMES: &[&str] = &[
    "a",
    "an",
    "the",
    "and",
    "or",
    "but",
    "in",
    "on",
    "at",
    "of",
    "for",
    "to",
    "by",
    "with",
    "from",
    "as",
    "it",
    "its",
    "he",
    "she",
    "they",
    "we",
    "i",
    "you",
    "his",
    "her",
    "their",
    "our",
    "this",
    "that",
    "these",
    "those",
    "there",
    "when",
    "while",
    "after",
    "before",
    "during",
    "since",
    "following",
    "meanwhile",
    "however",
    "although",
    "even",
    "only",
    "also",
    "later",
    "earlier",
    "last",
    "now",
    "then",
    "what",
    "who",
    "which",
    "where",
    "why",
    "how",
    "if",
    "not",
    "no",
    "yes",
    "all",
    "some",
    "many",
    "most",
    "more",
    "both",
    "each",
    "other",
    "such",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "first",
    "second",
    "new",
    "fresh",
    "relations",
    "citing",
    "noting",
    "according",
    "through",
    "under",
    "over",
    "about",
    "against",
    "between",
    "into",
    "will",
    "would",
    "can",
    "could",
    "may",
    "might",
    "must",
    "should",
    "is",
    "are",
    "was",
    "were",
    "be",
    "been",
    "has",
    "have",
    "had",
    "do",
    "does",
    "did",
    "please",
    "join",
    "access",
    "only",
    "president",
    "prime",
    "minister",
    "foreign",
    "secretary",
    "general",
    "supreme",
    "leader",
    "author",
    "map",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "january",
    "february",
    "march",
    "april",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "sept",
    "comments",
    "skip",
    "ethnic",
    "turkey",
];

/// [`NOT_NAMES`] as a set: looked up for every capitalised word.
fn not_names() -> &'static HashSet<&'static str> {
    static SET: OnceLock<HashSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| NOT_NAMES.iter().copied().collect())
}

/// Capitalised names in the body, dek and caption paragraphs that the
/// gazetteer does not know, most frequent first (then alphabetically).
/// Sequences of capitalised words are taken as one name ("Husseiniyya
/// Mosque"); a single capitalised word at a sentence start is skipped.
pub fn candidates(articles: &[Article], gazetteer: &Gazetteer) -> Vec<Candidate> {
    let mut seen: BTreeMap<String, Candidate> = BTreeMap::new();
    for article in articles {
        // Each paragraph's mentions, gathered in one pass over the article's
        // mentions: filtering all of them per paragraph was quadratic in the
        // length of one long article (20,000 paragraphs: seconds).
        let mut by_paragraph: Vec<Vec<(usize, usize)>> = vec![Vec::new(); article.paragraphs.len()];
        for m in &article.mentions {
            if let Some(slot) = m.paragraph.and_then(|pi| by_paragraph.get_mut(pi)) {
                slot.push((m.start, m.end));
            }
        }
        for (pi, p) in article.paragraphs.iter().enumerate() {
            if p.role == crate::model::Role::Furniture {
                continue;
            }
            let text = p.text.as_str();
            // The article's own mentions, else (an article ingested without
            // entities) a fresh search.
            let known: Vec<(usize, usize)> = if article.mentions.is_empty() {
                gazetteer
                    .find(text)
                    .iter()
                    .map(|f| (f.start, f.end))
                    .collect()
            } else {
                std::mem::take(&mut by_paragraph[pi])
            };
            let tokens: Vec<(usize, usize)> = words(text).collect();
            let mut i = 0;
            while i < tokens.len() {
                let is_name_word = |&(s, e): &(usize, usize)| {
                    let w = &text[s..e];
                    w.chars().next().is_some_and(char::is_uppercase)
                        && !not_names().contains(fold(w).as_str())
                        && !crate::ingest::dates::is_month_name(w)
                        && !known.iter().any(|&(ks, ke)| s < ke && e > ks)
                        && !w.chars().all(|c| c.is_ascii_digit())
                };
                if !is_name_word(&tokens[i]) {
                    i += 1;
                    continue;
                }
                let mut j = i + 1;
                while j < tokens.len()
                    && is_name_word(&tokens[j])
                    && joined_as_one_name(text, &tokens[j - 1..=j])
                {
                    j += 1;
                }
                let (s, e) = (tokens[i].0, tokens[j - 1].1);
                let before = text[..s].trim_end();
                let sentence_start = before.is_empty()
                    || before.ends_with(['.', '!', '?', '“', '"', ':', '–', '—', '-']);
                let single_letter = e - s == 1;
                if !(single_letter || sentence_start && j - i == 1) {
                    let name = &text[s..e];
                    let entry = seen.entry(fold(name)).or_insert_with(|| Candidate {
                        name: name.to_string(),
                        count: 0,
                        articles: Vec::new(),
                    });
                    entry.count += 1;
                    // An article's names are counted together, so it is
                    // either the last one listed or not listed yet.
                    if entry.articles.last() != Some(&article.id) {
                        entry.articles.push(article.id.clone());
                    }
                }
                i = j;
            }
        }
    }
    let mut out: Vec<Candidate> = seen.into_values().collect();
    for c in &mut out {
        c.articles.sort();
    }
    out.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.name.cmp(&b.name)));
    out
}

/// Joins the [`candidates`] of consecutive slices of a corpus (in corpus
/// order) into the candidates of the whole, exactly as one call over the
/// whole corpus would give them: so a caller may find them in parallel.
pub fn merge_candidates(parts: Vec<Vec<Candidate>>) -> Vec<Candidate> {
    let mut seen: BTreeMap<String, Candidate> = BTreeMap::new();
    for part in parts {
        for c in part {
            match seen.entry(fold(&c.name)) {
                std::collections::btree_map::Entry::Vacant(slot) => {
                    slot.insert(c);
                }
                std::collections::btree_map::Entry::Occupied(mut slot) => {
                    // The earlier slice wrote it first: its spelling stays.
                    let kept = slot.get_mut();
                    kept.count += c.count;
                    kept.articles.extend(c.articles);
                }
            }
        }
    }
    let mut out: Vec<Candidate> = seen.into_values().collect();
    for c in &mut out {
        c.articles.sort();
        c.articles.dedup();
    }
    out.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.name.cmp(&b.name)));
    out
}
