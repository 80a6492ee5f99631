//! The index: a sorted term dictionary with compressed postings, a stem
//! table over it, and per-article columns for ranking and facets.
//!
//! Layout (all plain vectors, so it serialises compactly and loads fast):
//! - `terms`: every folded word form, sorted, concatenated in one string.
//! - `postings`: per term, in article order, the *document stream*: varint
//!   `article delta << 1 | single`, then headline and body counts unless
//!   `single` (one body occurrence, none in the headline).
//! - `positions`: per term, in the same order, the position deltas of each
//!   posting (read only for phrases).
//! - `stems` → the term ids sharing that stem (CSR), with document
//!   frequency; each article is stemmed in its own language.
//! - columns: token counts, date span and precision, outlet/author/language/
//!   entity ids (multi-valued CSR) and the TF-IDF norm for related articles.
//!
//! [`SearchIndex::to_bytes`] writes it in a compact binary form (see
//! `bytes.rs` for the layout).

mod build;
mod bytes;
mod derived;
mod split;

use serde::{Deserialize, Serialize};

use super::analyze::Analyzer;
pub(crate) use super::store::{Column, Dictionary, Positions, Postings};
use crate::entities::Gazetteer;
use crate::model::Role;
pub use build::IndexBuilder;
pub use bytes::IndexFormatError;
pub(crate) use derived::{search_words, Derived, NO_SLOT, NO_VALUE};

/// How the entity facet shows an entity: its name and kind, from the
/// gazetteer.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct EntityInfo {
    /// The entity id used in mentions (`nagorno-karabakh`).
    pub id: String,
    /// The name to show (`Nagorno-Karabakh`).
    pub name: String,
    /// The kind, as the gazetteer spells it (`place`, `person`…).
    pub kind: String,
}

/// Settings that shape the index and ranking; stored in the index.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct SearchConfig {
    /// Groups of names for the same thing (`["Shusha", "Shushi", "Şuşa"]`):
    /// searching one also finds the others, and results say so.
    pub aliases: Vec<Vec<String>>,
    /// BM25F weight of a headline match.
    pub headline_weight: f32,
    /// BM25F weight of a body match.
    pub body_weight: f32,
    /// BM25 term-frequency saturation.
    pub k1: f32,
    /// BM25 length normalisation (0 = none, 1 = full).
    pub b: f32,
    /// Similar spellings are tried when fewer than this many articles match
    /// exactly.
    pub typo_threshold: usize,
    /// Language code of the stemmer for articles whose language has none
    /// (or is not recorded) (`"en"`).
    pub language: String,
    /// Names and kinds of entities, for the entity facet (see
    /// [`SearchConfig::from_gazetteer`]); entities not listed show their id.
    pub entities: Vec<EntityInfo>,
    /// Whether word positions ship apart from the index and are attached
    /// when a phrase needs them (see [`SearchIndex::to_split_bytes`]).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub positions_separate: bool,
}

impl Default for SearchConfig {
    fn default() -> Self {
        SearchConfig {
            aliases: Vec::new(),
            headline_weight: 3.0,
            body_weight: 1.0,
            k1: 1.2,
            b: 0.75,
            typo_threshold: 3,
            language: "en".into(),
            entities: Vec::new(),
            positions_separate: false,
        }
    }
}

impl SearchConfig {
    /// The default settings with the gazetteer's alias groups and entity
    /// names and kinds.
    pub fn from_gazetteer(gazetteer: &Gazetteer) -> Self {
        let entities = gazetteer
            .entities()
            .iter()
            .map(|e| EntityInfo {
                id: e.id.clone(),
                name: e.name.clone(),
                kind: serde_json::to_value(e.kind)
                    .ok()
                    .and_then(|v| v.as_str().map(str::to_string))
                    .unwrap_or_default(),
            })
            .collect();
        SearchConfig {
            aliases: gazetteer.alias_groups(),
            entities,
            ..Default::default()
        }
    }
}

/// A prebuilt search index over a list of articles. Build it with
/// [`SearchIndex::build`] (or load a serialised one) and query it with
/// [`SearchIndex::search`]; article numbers are indices into the slice it
/// was built from, which must be passed again for highlights.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct SearchIndex {
    pub(crate) config: SearchConfig,
    pub(crate) terms: Dictionary,
    pub(crate) postings_start: Vec<u32>,
    pub(crate) postings: Vec<u8>,
    pub(crate) positions_start: Vec<u32>,
    pub(crate) positions: Vec<u8>,
    /// Languages whose stemmer stemmed some article (query words are
    /// stemmed in each).
    pub(crate) stem_languages: Vec<String>,
    pub(crate) stems: Dictionary,
    pub(crate) stem_df: Vec<u32>,
    pub(crate) stem_terms_start: Vec<u32>,
    pub(crate) stem_terms: Vec<u32>,
    pub(crate) headline_len: Vec<u32>,
    pub(crate) body_len: Vec<u32>,
    pub(crate) avg_headline_len: f32,
    pub(crate) avg_body_len: f32,
    /// Date span as `yyyymmdd` numbers and precision (0 undated, 1 year,
    /// 2 month, 3 day).
    pub(crate) date_start: Vec<i32>,
    pub(crate) date_end: Vec<i32>,
    pub(crate) precision: Vec<u8>,
    pub(crate) outlets: Column,
    pub(crate) authors: Column,
    pub(crate) languages: Column,
    pub(crate) entities: Column,
    pub(crate) norms: Vec<f32>,
    /// Length norms and dense facet slots, computed on first search (not
    /// stored: see `derived.rs`).
    #[serde(skip)]
    pub(crate) derived: derived::LazyDerived,
}

/// The paragraphs that are searched: body, standfirst and captions.
pub(crate) fn is_searched(role: Role) -> bool {
    matches!(role, Role::Body | Role::Dek | Role::Caption)
}

/// `yyyymmdd` as one sortable number.
pub(crate) fn day_number((y, m, d): (i32, u8, u8)) -> i32 {
    y * 10_000 + i32::from(m) * 100 + i32::from(d)
}

impl SearchIndex {
    /// Number of articles indexed.
    pub fn len(&self) -> usize {
        self.headline_len.len()
    }

    /// Whether no article is indexed.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The settings the index was built with.
    pub fn config(&self) -> &SearchConfig {
        &self.config
    }

    /// Number of distinct word forms.
    pub fn word_count(&self) -> usize {
        self.terms.len()
    }

    /// Approximate memory held by the index, in bytes.
    pub fn size_bytes(&self) -> usize {
        let columns = [
            &self.outlets,
            &self.authors,
            &self.languages,
            &self.entities,
        ]
        .iter()
        .map(|c| {
            c.names.iter().map(|n| n.len() + 24).sum::<usize>() + 4 * (c.starts.len() + c.ids.len())
        })
        .sum::<usize>();
        self.terms.text.len()
            + 4 * self.terms.ends.len()
            + 4 * self.postings_start.len()
            + self.postings.len()
            + 4 * self.positions_start.len()
            + self.positions.len()
            + self.stems.text.len()
            + 4 * (self.stems.ends.len()
                + self.stem_df.len()
                + self.stem_terms_start.len()
                + self.stem_terms.len())
            + 4 * 6 * self.len()
            + self.precision.len()
            + columns
    }

    /// The index as JSON, to ship prebuilt with a bundle.
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    /// Reads an index written by [`SearchIndex::to_json`].
    pub fn from_json(json: &str) -> Result<SearchIndex, serde_json::Error> {
        serde_json::from_str(json)
    }

    /// Bytes of the document stream of term `term` (a cheap size estimate).
    pub(crate) fn postings_bytes(&self, term: usize) -> usize {
        (self.postings_start[term + 1] - self.postings_start[term]) as usize
    }

    /// The position stream of term `term`, walked alongside its postings.
    pub(crate) fn positions(&self, term: usize) -> Positions<'_> {
        let range = self.positions_start[term] as usize..self.positions_start[term + 1] as usize;
        Positions {
            bytes: &self.positions[range],
            at: 0,
        }
    }

    pub(crate) fn postings(&self, term: usize) -> Postings<'_> {
        let range = self.postings_start[term] as usize..self.postings_start[term + 1] as usize;
        Postings {
            bytes: &self.postings[range],
            at: 0,
            doc: 0,
        }
    }

    /// Term ids sharing the stem with id `stem`.
    pub(crate) fn stem_members(&self, stem: usize) -> &[u32] {
        &self.stem_terms
            [self.stem_terms_start[stem] as usize..self.stem_terms_start[stem + 1] as usize]
    }

    /// The analyser for the configured (fallback) language.
    pub(crate) fn analyzer(&self) -> Analyzer {
        Analyzer::for_language(&self.config.language)
    }

    /// The analysers whose stems the index holds (query words are stemmed
    /// with each); the configured language first.
    pub(crate) fn analyzers(&self) -> Vec<Analyzer> {
        let mut out = vec![self.analyzer()];
        for code in &self.stem_languages {
            let a = Analyzer::for_language(code);
            if !out.iter().any(|o| o.language() == a.language()) {
                out.push(a);
            }
        }
        out
    }

    /// The analyser that stemmed `article`.
    pub(crate) fn analyzer_for(&self, article: &crate::model::Article) -> Analyzer {
        match &article.language {
            Some(fact) => {
                let a = Analyzer::for_language(&fact.value);
                if a.language().is_empty() {
                    self.analyzer()
                } else {
                    a
                }
            }
            None => self.analyzer(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Article, Paragraph};

    fn with_role(text: &str, role: Role) -> Paragraph {
        let mut p = Paragraph::body(text);
        p.role = role;
        p
    }

    fn article(headline: &str, paragraphs: &[&str]) -> Article {
        Article {
            id: headline.into(),
            headline: headline.into(),
            paragraphs: paragraphs.iter().map(|p| Paragraph::body(*p)).collect(),
            ..Default::default()
        }
    }

    #[test]
    fn postings_record_headline_and_body_counts_and_positions() {
        let index = SearchIndex::build(
            &[article("Baku news", &["Baku and Baku.", "More Baku"])],
            &SearchConfig::default(),
        );
        let t = index.terms.find("baku").unwrap();
        let p: Vec<_> = index.postings(t).collect();
        assert_eq!((p[0].doc, p[0].headline, p[0].body), (0, 1, 3));
        // headline 0..2, gap, paragraph 3..6, gap, paragraph 7..9
        let mut positions = Vec::new();
        index.positions(t).read(4, &mut positions);
        assert_eq!(positions, [0, 3, 5, 8]);
    }

    #[test]
    fn stems_group_word_forms() {
        let index = SearchIndex::build(
            &[article("Talks", &["talk talking"])],
            &SearchConfig::default(),
        );
        let s = index.stems.find("talk").unwrap();
        let forms: Vec<&str> = index
            .stem_members(s)
            .iter()
            .map(|&t| index.terms.get(t as usize))
            .collect();
        assert_eq!(forms, ["talk", "talking", "talks"]);
        assert_eq!(index.stem_df[s], 1);
    }

    #[test]
    fn furniture_and_bylines_are_not_indexed() {
        let mut a = article("Headline", &["Body"]);
        a.paragraphs.push(with_role("Subscribe", Role::Furniture));
        a.paragraphs
            .push(with_role("Author: Someone", Role::Byline));
        a.paragraphs.push(with_role("Map caption", Role::Caption));
        let index = SearchIndex::build(&[a], &SearchConfig::default());
        assert!(index.terms.find("subscribe").is_none());
        assert!(index.terms.find("someone").is_none());
        assert!(index.terms.find("caption").is_some());
        assert_eq!(index.body_len, [3]);
    }

    #[test]
    fn articles_are_stemmed_in_their_language() {
        use crate::model::{Fact, Provenance};
        let mut german = article("Verhandlungen", &["Die Verhandlungen"]);
        german.language = Some(Fact::new("de".to_string(), Provenance::Text));
        let english = article("Talks", &["talking"]);
        let index = SearchIndex::build(&[german, english], &SearchConfig::default());
        assert_eq!(index.stem_languages, ["de", "en"]);
        // German Snowball: verhandlungen -> verhandl
        assert!(index.stems.find("verhandl").is_some());
        assert!(index.stems.find("talk").is_some());
    }

    #[test]
    fn empty_corpus_builds() {
        let index = SearchIndex::build(&[], &SearchConfig::default());
        assert!(index.is_empty());
        assert_eq!(index.word_count(), 0);
    }

    #[test]
    fn build_is_deterministic() {
        let articles = [
            article("Şuşa talks", &["Erdoğan met Aliyev."]),
            article("Baku", &["Aliyev spoke."]),
        ];
        let a = SearchIndex::build(&articles, &SearchConfig::default()).to_json();
        let b = SearchIndex::build(&articles, &SearchConfig::default()).to_json();
        assert_eq!(a, b);
    }
}
