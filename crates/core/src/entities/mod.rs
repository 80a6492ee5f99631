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
//! "us" is not the United States. A word of a name written with a trailing
//! `*` is a stem that also matches itself followed by a short case ending in
//! its own script ("Карабах*" finds "Карабаха", "Нагорного Карабаха" needs
//! "Нагорн* Карабах*"), see [`stems`].
//!
//! ```
//! use dossier_core::entities::Gazetteer;
//! let g = Gazetteer::default();
//! let found = g.find("Erdogan met Aliyev in Nakhichevan.");
//! let ids: Vec<_> = found.iter().map(|m| g.entities()[m.entity].id.as_str()).collect();
//! assert_eq!(ids, ["erdogan", "aliyev", "nakhchivan"]);
//! assert_eq!(&"Erdogan met Aliyev in Nakhichevan."[found[2].start..found[2].end], "Nakhichevan");
//! ```

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use serde::{Deserialize, Serialize};

use crate::model::{Article, Mention};

/// The gazetteer that ships with Dossier, seeded from the first corpus.
pub const DEFAULT_GAZETTEER: &str = include_str!("../../../../corpus/gazetteer.toml");

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
    /// Which of `words` are stems (written with a trailing `*`).
    stem: Vec<bool>,
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
    /// The patterns whose first word is a stem, by that stem, longest
    /// first: looked up with each word and the word less its last one to
    /// [`stems::MAX_ENDING`] letters.
    stems: HashMap<String, Vec<Pattern>, BuildFnv>,
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
        let mut stems: HashMap<String, Vec<Pattern>, BuildFnv> = HashMap::default();
        let mut ids = std::collections::BTreeSet::new();
        for (i, entity) in entities.iter().enumerate() {
            if !ids.insert(entity.id.as_str()) {
                return Err(GazetteerError::DuplicateId(entity.id.clone()));
            }
            for name in entity.names() {
                let ranges: Vec<(usize, usize)> = words(name).collect();
                let words: Vec<String> = ranges.iter().map(|&(s, e)| fold(&name[s..e])).collect();
                let stem: Vec<bool> = ranges
                    .iter()
                    .map(|&(_, e)| name[e..].starts_with(stems::MARKER))
                    .collect();
                let Some(first) = words.first().cloned() else {
                    return Err(GazetteerError::EmptyName {
                        id: entity.id.clone(),
                        name: name.to_string(),
                    });
                };
                let letters: Vec<char> = name.chars().filter(|c| c.is_alphabetic()).collect();
                let capitals_only = letters.len() >= 2 && letters.iter().all(|c| c.is_uppercase());
                let by_first = if stem[0] { &mut stems } else { &mut index };
                by_first.entry(first).or_default().push(Pattern {
                    words,
                    stem,
                    capitals_only,
                    entity: i,
                });
            }
        }
        for patterns in index.values_mut().chain(stems.values_mut()) {
            // Longest first; ties keep file order (stable sort).
            patterns.sort_by_key(|p| std::cmp::Reverse(p.words.len()));
        }
        Ok(Gazetteer {
            entities,
            index,
            stems,
        })
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
            let matches = |p: &&Pattern| {
                let n = p.words.len();
                i + n <= tokens.len()
                    && (0..n).all(|k| {
                        if p.stem[k] {
                            stems::matches_stem(folded[i + k], &p.words[k])
                        } else {
                            folded[i + k] == p.words[k]
                        }
                    })
                    && (!p.capitals_only
                        || tokens[i..i + n]
                            .iter()
                            .all(|&(s, e)| text[s..e].chars().all(|c| !c.is_lowercase())))
                    && joined_as_one_name(text, &tokens[i..i + n])
            };
            // A name spelled out in full first, then stems, the longest stem
            // (shortest ending) first; among them the name of most words wins,
            // so "Нагорного Карабаха" is one mention, not "Карабаха" alone.
            let exact = self
                .index
                .get(folded[i])
                .and_then(|ps| ps.iter().find(matches));
            let mut hit = exact;
            if !self.stems.is_empty() {
                for stem in stems::stems_of(folded[i]) {
                    let Some(p) = self.stems.get(stem).and_then(|ps| ps.iter().find(matches))
                    else {
                        continue;
                    };
                    if hit.is_none_or(|h| p.words.len() > h.words.len()) {
                        hit = Some(p);
                    }
                }
            }
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
/// joined across a comma or a sentence end). A dot before a space ends a
/// sentence unless the word before it is an initial or a short
/// abbreviation ("U.S. Congress", "Mr. Aliyev"): "Горис. Переговоры" is
/// two sentences, not a name.
pub(super) fn joined_as_one_name(text: &str, tokens: &[(usize, usize)]) -> bool {
    tokens.windows(2).all(|w| {
        let gap = &text[w[0].1..w[1].0];
        let sentence_end = gap.contains('.')
            && gap.contains(char::is_whitespace)
            && text[w[0].0..w[0].1].chars().count() > 2;
        gap.chars().count() <= 2
            && !sentence_end
            && gap
                .chars()
                .all(|c| c.is_whitespace() || c == '-' || c == '.' || c == '/')
    })
}

mod candidates;
pub mod stems;
mod words;

pub use candidates::{candidates, merge_candidates, Candidate};
use words::fold_into;
pub use words::{fold, words, Words};

#[cfg(test)]
mod tests;
