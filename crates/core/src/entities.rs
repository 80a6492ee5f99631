//! Entities: the gazetteer of people, places, organisations, countries and
//! peoples, and finding where an article names them.
//!
//! The gazetteer is a TOML file in the project (`corpus/gazetteer.toml`,
//! embedded here as the default, see [`Gazetteer::default`]); a dossier may
//! bring its own with [`Gazetteer::from_toml`]. Matching folds case and
//! diacritics (Turkish dotted and dotless i included), so "Erdogan" finds
//! "Erdoğan", works on whole words only, prefers the longest name ("Republic
//! of Artsakh" over "Artsakh"), and records the exact variant the outlet
//! wrote. All-capital aliases (acronyms: NATO, US) only match capitals, so
//! "us" is not the United States.
//!
//! ```
//! use dossier_core::entities::Gazetteer;
//! let g = Gazetteer::default();
//! let found = g.find("Erdogan met Aliyev in Nakhichevan.");
//! let ids: Vec<_> = found.iter().map(|m| g.entities()[m.entity].id.as_str()).collect();
//! assert_eq!(ids, ["erdogan", "aliyev", "nakhchivan"]);
//! assert_eq!(&"Erdogan met Aliyev in Nakhichevan."[found[2].start..found[2].end], "Nakhichevan");
//! ```

use std::collections::{BTreeMap, HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

use serde::{Deserialize, Serialize};
use unicode_normalization::char::{decompose_canonical, is_combining_mark};

use crate::model::{Article, Mention};

/// The gazetteer that ships with Dossier, seeded from the first corpus.
pub const DEFAULT_GAZETTEER: &str = include_str!("../../../corpus/gazetteer.toml");

/// What kind of thing an entity is, for the explorer's facets.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EntityKind {
    /// A named person.
    Person,
    /// A city, region or other place that is not a country.
    Place,
    /// A state, current or historical.
    Country,
    /// A body, institution, company or outlet.
    Organisation,
    /// A people or the adjective naming it ("Azerbaijani", "Turkic").
    People,
}

/// One entry of the gazetteer.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Entity {
    /// Stable identifier, used in mentions and links (`nagorno-karabakh`).
    pub id: String,
    /// The name the explorer shows.
    pub name: String,
    /// What the entity is.
    pub kind: EntityKind,
    /// Other names that mean the same entity ("Artsakh", "Türkiye").
    #[serde(default)]
    pub aliases: Vec<String>,
    /// For a people or a place, the id of the country it belongs to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub of: Option<String>,
}

impl Entity {
    /// The name followed by the aliases: every way of naming this entity.
    pub fn names(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.name.as_str()).chain(self.aliases.iter().map(String::as_str))
    }
}

/// Why a gazetteer could not be read.
#[derive(Debug, thiserror::Error)]
pub enum GazetteerError {
    /// Not valid TOML, or an unknown key (the message names the line).
    #[error("gazetteer: {0}")]
    Toml(#[from] toml::de::Error),
    /// Two entries share an id.
    #[error("gazetteer: the id {0:?} is used twice")]
    DuplicateId(String),
    /// A name folds to nothing (no letters or digits).
    #[error("gazetteer: entity {id:?} has a name with no letters: {name:?}")]
    EmptyName {
        /// The entity's id.
        id: String,
        /// The offending name.
        name: String,
    },
}

/// A found name: which entity, where (byte offsets in the searched text).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Found {
    /// Index of the entity in [`Gazetteer::entities`].
    pub entity: usize,
    /// Byte offset of the first character.
    pub start: usize,
    /// Byte offset just past the last character.
    pub end: usize,
}

/// One name's folded words, ready for matching.
#[derive(Clone, Debug)]
struct Pattern {
    words: Vec<String>,
    /// Acronyms match only text written in capitals.
    capitals_only: bool,
    entity: usize,
}

/// The gazetteer with its matching index.
#[derive(Clone, Debug)]
pub struct Gazetteer {
    entities: Vec<Entity>,
    /// Patterns by their first folded word, longest first. A hash map:
    /// every word of every paragraph is looked up here, and only lookups
    /// are made (never an iteration whose order could show in output).
    index: HashMap<String, Vec<Pattern>, BuildFnv>,
}

/// FNV-1a: a fast hash for the short folded words the matcher looks up
/// (the standard SipHash guards against adversarial keys, which a
/// gazetteer's fixed key set does not need). Lookups only, so the choice
/// never changes output.
#[derive(Default)]
struct Fnv(u64);

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for &b in bytes {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0000_0100_0000_01b3);
        }
        self.0 = h;
    }
}

type BuildFnv = BuildHasherDefault<Fnv>;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct GazetteerFile {
    #[serde(default)]
    entity: Vec<Entity>,
}

impl Default for Gazetteer {
    /// The gazetteer that ships with Dossier ([`DEFAULT_GAZETTEER`]).
    fn default() -> Self {
        Gazetteer::from_toml(DEFAULT_GAZETTEER).expect("the shipped gazetteer is valid")
    }
}

impl Gazetteer {
    /// Reads a gazetteer: `[[entity]]` tables with `id`, `name`, `kind`,
    /// optional `aliases` and `of`.
    pub fn from_toml(text: &str) -> Result<Self, GazetteerError> {
        let file: GazetteerFile = toml::from_str(text)?;
        Gazetteer::new(file.entity)
    }

    /// Builds the matching index over `entities`.
    pub fn new(entities: Vec<Entity>) -> Result<Self, GazetteerError> {
        let mut index: HashMap<String, Vec<Pattern>, BuildFnv> = HashMap::default();
        let mut ids = std::collections::BTreeSet::new();
        for (i, entity) in entities.iter().enumerate() {
            if !ids.insert(entity.id.as_str()) {
                return Err(GazetteerError::DuplicateId(entity.id.clone()));
            }
            for name in entity.names() {
                let words: Vec<String> = words(name).map(|w| fold(&name[w.0..w.1])).collect();
                let Some(first) = words.first().cloned() else {
                    return Err(GazetteerError::EmptyName {
                        id: entity.id.clone(),
                        name: name.to_string(),
                    });
                };
                let letters: Vec<char> = name.chars().filter(|c| c.is_alphabetic()).collect();
                let capitals_only = letters.len() >= 2 && letters.iter().all(|c| c.is_uppercase());
                index.entry(first).or_default().push(Pattern {
                    words,
                    capitals_only,
                    entity: i,
                });
            }
        }
        for patterns in index.values_mut() {
            // Longest first; ties keep file order (stable sort).
            patterns.sort_by_key(|p| std::cmp::Reverse(p.words.len()));
        }
        Ok(Gazetteer { entities, index })
    }

    /// The entries, in file order.
    pub fn entities(&self) -> &[Entity] {
        &self.entities
    }

    /// The entry with this id.
    pub fn get(&self, id: &str) -> Option<&Entity> {
        self.entities.iter().find(|e| e.id == id)
    }

    /// Groups of equivalent names (each entity's name then its aliases), in
    /// file order: the alias table the search index takes, so a search for
    /// "Shusha" also finds "Shushi".
    pub fn alias_groups(&self) -> Vec<Vec<String>> {
        self.entities
            .iter()
            .map(|e| e.names().map(str::to_string).collect())
            .collect()
    }

    /// Every gazetteer name in `text`, in order, without overlaps (the
    /// longest name at a position wins).
    pub fn find(&self, text: &str) -> Vec<Found> {
        let tokens: Vec<(usize, usize)> = words(text).collect();
        // Every word folded into one buffer: one allocation per text, not
        // one per word (this runs over every paragraph of the corpus).
        let mut buffer = String::with_capacity(text.len());
        let mut spans = Vec::with_capacity(tokens.len());
        for &(s, e) in &tokens {
            let start = buffer.len();
            fold_into(&text[s..e], &mut buffer);
            spans.push((start, buffer.len()));
        }
        let folded: Vec<&str> = spans.iter().map(|&(s, e)| &buffer[s..e]).collect();
        let mut found = Vec::new();
        let mut i = 0;
        while i < tokens.len() {
            let hit = self.index.get(folded[i]).and_then(|patterns| {
                patterns.iter().find(|p| {
                    let n = p.words.len();
                    i + n <= tokens.len()
                        && p.words.iter().zip(&folded[i..i + n]).all(|(a, b)| a == b)
                        && (!p.capitals_only
                            || tokens[i..i + n]
                                .iter()
                                .all(|&(s, e)| text[s..e].chars().all(|c| !c.is_lowercase())))
                        && joined_as_one_name(text, &tokens[i..i + n])
                })
            });
            match hit {
                Some(p) => {
                    let n = p.words.len();
                    found.push(Found {
                        entity: p.entity,
                        start: tokens[i].0,
                        end: tokens[i + n - 1].1,
                    });
                    i += n;
                }
                None => i += 1,
            }
        }
        found
    }

    /// Every mention in an article's headline and paragraphs, in reading
    /// order, with the exact variant used.
    pub fn mentions(&self, article: &Article) -> Vec<Mention> {
        let mut out = Vec::new();
        let texts = std::iter::once((None, article.headline.as_str())).chain(
            article
                .paragraphs
                .iter()
                .enumerate()
                .map(|(i, p)| (Some(i), p.text.as_str())),
        );
        for (paragraph, text) in texts {
            for f in self.find(text) {
                out.push(Mention {
                    entity: self.entities[f.entity].id.clone(),
                    paragraph,
                    start: f.start,
                    end: f.end,
                    text: text[f.start..f.end].to_string(),
                });
            }
        }
        out
    }
}

/// Whether the words of a multi-word match are separated only by spaces,
/// hyphens or dots (so "Republic of Artsakh" matches, but a name is never
/// joined across a comma or a sentence end).
fn joined_as_one_name(text: &str, tokens: &[(usize, usize)]) -> bool {
    tokens.windows(2).all(|w| {
        let gap = &text[w[0].1..w[1].0];
        gap.chars().count() <= 2
            && gap
                .chars()
                .all(|c| c.is_whitespace() || c == '-' || c == '.' || c == '/')
    })
}

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
    text: &'a str,
    /// Byte offset where the next search starts.
    at: usize,
    ascii: bool,
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
/// Azerbaijani ə, ø, ł, đ, ß, æ, œ).
pub fn fold(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    fold_into(word, &mut out);
    out
}

/// [`fold`], appending to `out` (so a caller folding many words can reuse
/// one buffer).
fn fold_into(word: &str, out: &mut String) {
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
            c if c.is_ascii() => out.push(c.to_ascii_lowercase()),
            c => decompose_canonical(c, |d| {
                if !is_combining_mark(d) {
                    out.extend(d.to_lowercase());
                }
            }),
        }
    }
}

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
                article
                    .mentions
                    .iter()
                    .filter(|m| m.paragraph == Some(pi))
                    .map(|m| (m.start, m.end))
                    .collect()
            };
            let tokens: Vec<(usize, usize)> = words(text).collect();
            let mut i = 0;
            while i < tokens.len() {
                let is_name_word = |&(s, e): &(usize, usize)| {
                    let w = &text[s..e];
                    w.chars().next().is_some_and(char::is_uppercase)
                        && !not_names().contains(fold(w).as_str())
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

#[cfg(test)]
mod tests {
    use super::*;

    fn ids(g: &Gazetteer, text: &str) -> Vec<(String, String)> {
        g.find(text)
            .into_iter()
            .map(|f| {
                (
                    g.entities()[f.entity].id.clone(),
                    text[f.start..f.end].to_string(),
                )
            })
            .collect()
    }

    /// The words of `text` by the general (character) path only.
    fn words_by_chars(text: &str) -> Vec<(usize, usize)> {
        Words {
            text,
            at: 0,
            ascii: false,
        }
        .collect()
    }

    #[test]
    fn ascii_and_general_word_paths_agree() {
        for text in [
            "",
            "  ",
            "Turkey's troops, 2,000 of them, left Nagorno-Karabakh.",
            "U.S.-led talks",
            "a",
            "end with word",
            "--x--",
        ] {
            assert_eq!(
                words(text).collect::<Vec<_>>(),
                words_by_chars(text),
                "{text:?}"
            );
        }
        let mixed = "Erdoğan (Türkiye) met Aliyev";
        assert_eq!(
            words(mixed).map(|(s, e)| &mixed[s..e]).collect::<Vec<_>>(),
            ["Erdoğan", "Türkiye", "met", "Aliyev"]
        );
    }

    #[test]
    fn folds_turkish_and_other_diacritics() {
        assert_eq!(fold("Erdoğan"), "erdogan");
        assert_eq!(fold("ÇAVUŞOĞLU"), "cavusoglu");
        assert_eq!(fold("İlham"), "ilham");
        assert_eq!(fold("Naxçıvan"), "naxcivan");
        assert_eq!(fold("Xankəndi"), "xankendi");
        assert_eq!(fold("Türkiye"), "turkiye");
    }

    #[test]
    fn matches_variants_and_prefers_the_longest_name() {
        let g = Gazetteer::default();
        assert_eq!(
            ids(
                &g,
                "the Republic of Artsakh, Artsakh and Nagorno-Karabakh’s people"
            ),
            [
                ("nagorno-karabakh".into(), "Republic of Artsakh".into()),
                ("nagorno-karabakh".into(), "Artsakh".into()),
                ("nagorno-karabakh".into(), "Nagorno-Karabakh".into()),
            ]
        );
        assert_eq!(ids(&g, "ERDOGAN and Erdoğan")[1].1, "Erdoğan");
        assert_eq!(
            ids(&g, "Recep Tayyip Erdogan spoke")[0].1,
            "Recep Tayyip Erdogan"
        );
    }

    #[test]
    fn keeps_turkish_and_turkic_apart_and_matches_whole_words_only() {
        let g = Gazetteer::default();
        assert_eq!(ids(&g, "a joint Turkic army")[0].0, "turkic");
        assert_eq!(ids(&g, "Turkish forces")[0].0, "turkish");
        assert!(ids(&g, "Turkeys and Bakunin").is_empty());
        assert_eq!(ids(&g, "Turkey’s role")[0].0, "turkey");
    }

    #[test]
    fn acronyms_only_match_capitals() {
        let g = Gazetteer::default();
        assert!(ids(&g, "Will you join us?").is_empty());
        assert_eq!(ids(&g, "The US suspended aid")[0].0, "united-states");
        assert_eq!(ids(&g, "NATO chief")[0].0, "nato");
    }

    #[test]
    fn names_do_not_join_across_punctuation() {
        let g = Gazetteer::default();
        assert_eq!(ids(&g, "Nagorno, Karabakh")[0].1, "Karabakh");
    }

    #[test]
    fn alias_groups_list_each_entity_with_its_aliases() {
        let g = Gazetteer::default();
        let groups = g.alias_groups();
        let shusha = groups.iter().find(|g| g[0] == "Shusha").unwrap();
        assert!(shusha.contains(&"Shushi".to_string()));
        let turkey = groups.iter().find(|g| g[0] == "Turkey").unwrap();
        assert!(turkey.contains(&"Türkiye".to_string()));
    }

    #[test]
    fn rejects_duplicate_ids_and_unknown_keys() {
        let dup = "[[entity]]\nid='a'\nname='A'\nkind='place'\n[[entity]]\nid='a'\nname='B'\nkind='place'\n";
        assert!(matches!(
            Gazetteer::from_toml(dup),
            Err(GazetteerError::DuplicateId(_))
        ));
        let typo = "[[entity]]\nid='a'\nname='A'\nkind='place'\nalias=['x']\n";
        assert!(Gazetteer::from_toml(typo)
            .unwrap_err()
            .to_string()
            .contains("alias"));
    }

    #[test]
    fn candidates_are_unknown_capitalised_names() {
        let g = Gazetteer::default();
        let a = Article {
            id: "a".into(),
            paragraphs: vec![crate::model::Paragraph::body(
                "Erdogan met Ali Akbar Ojaghnejad in Baku. Later Ali Akbar Ojaghnejad left.",
            )],
            ..Default::default()
        };
        let c = candidates(&[a], &g);
        assert_eq!(c[0].name, "Ali Akbar Ojaghnejad");
        assert_eq!(c[0].count, 2);
        assert!(!c
            .iter()
            .any(|c| c.name.contains("Baku") || c.name == "Later"));
    }

    #[test]
    fn candidates_of_slices_merge_into_those_of_the_whole() {
        let g = Gazetteer::default();
        let article = |id: &str, text: &str| Article {
            id: id.into(),
            paragraphs: vec![crate::model::Paragraph::body(text)],
            ..Default::default()
        };
        let all = [
            article("a", "They met Ali Akbar Ojaghnejad and Mary Roe in Baku."),
            article("b", "Later ALI AKBAR OJAGHNEJAD met Mary Roe."),
            article("c", "Then Mary Roe left with John Doe."),
        ];
        let whole = candidates(&all, &g);
        for split in 0..=all.len() {
            let (x, y) = all.split_at(split);
            let merged = merge_candidates(vec![candidates(x, &g), candidates(y, &g)]);
            assert_eq!(merged, whole, "split at {split}");
        }
    }
}
