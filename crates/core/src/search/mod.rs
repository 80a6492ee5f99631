//! Search: finding articles by what they say, with facets, dates and
//! highlights, computed entirely here so the page and the tests agree.
//!
//! ```
//! use dossier_core::{ingest, search::{SearchIndex, SearchConfig, Filters, SearchOptions}};
//!
//! let articles = vec![
//!     ingest::parse_plain_text("a", "a.txt", "Erdoğan visits Baku\n\nTalks in Şuşa.").unwrap(),
//!     ingest::parse_plain_text("b", "b.txt", "Weather\n\nRain in Ankara.").unwrap(),
//! ];
//! let config = SearchConfig { aliases: vec![vec!["Shusha".into(), "Susa".into()]], ..Default::default() };
//! let index = SearchIndex::build(&articles, &config);
//! let results = index.search_text(&articles, "erdogan shusha", false, &Filters::default(), &SearchOptions::default());
//! assert_eq!(results.total, 1);
//! assert_eq!(results.hits[0].article, 0);
//! assert_eq!(results.aliases_matched[0].also_matching, "Susa");
//! ```
//!
//! The pieces: [`analyze`] (words, folding, stemming), [`parse`] (the query
//! language), [`SearchIndex`] (built once, serialisable), `run` (matching,
//! BM25F ranking, typo tolerance, aliases), `facets` (filters and counts),
//! `snippet` (highlights and the best passage), `related` (similar articles).

pub mod analyze;
mod facets;
mod index;
pub mod parse;
mod related;
mod run;
mod score;
mod snippet;
mod store;
mod typo;

use serde::{Deserialize, Serialize};

use crate::date::PartialDate;
use crate::model::Article;

pub use analyze::{fold, tokenize, Analyzer, Token};
pub use index::{EntityInfo, IndexBuilder, IndexFormatError, SearchConfig, SearchIndex};
pub use parse::{parse_query, Group, ParsedQuery, Query, Term};

/// The reader's facet selections, as picked in the UI. Within one facet the
/// values are alternatives (outlet A *or* B); different facets all apply.
/// Values are the [`FacetValue::value`] strings the results report.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Filters {
    /// Outlet names.
    pub outlets: Vec<String>,
    /// Author names.
    pub authors: Vec<String>,
    /// Language codes.
    pub languages: Vec<String>,
    /// Entity names.
    pub entities: Vec<String>,
    /// Years, as `"2021"`.
    pub years: Vec<String>,
    /// Months, as `"2021-10"`.
    pub months: Vec<String>,
    /// Only articles whose date may fall on or after the start of this date.
    pub after: Option<PartialDate>,
    /// Only articles whose date may fall on or before the end of this date.
    pub before: Option<PartialDate>,
}

/// The order of results.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Sort {
    /// Best match first; ties newest first, then in dossier order.
    #[default]
    Relevance,
    /// Newest first (undated last); ties by relevance.
    Newest,
    /// Oldest first (undated last); ties by relevance.
    Oldest,
}

/// How to present results.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SearchOptions {
    /// The order.
    pub sort: Sort,
    /// Take results from each outlet in turn, so one prolific outlet cannot
    /// fill the first page.
    pub interleave_outlets: bool,
    /// How many results to skip (paging).
    pub offset: usize,
    /// How many results to return, with highlights and snippets.
    pub limit: usize,
}

impl Default for SearchOptions {
    fn default() -> Self {
        SearchOptions {
            sort: Sort::Relevance,
            interleave_outlets: false,
            offset: 0,
            limit: 20,
        }
    }
}

/// A byte range `start..end` in a text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Span {
    /// Offset of the first byte.
    pub start: usize,
    /// Offset just past the last byte.
    pub end: usize,
}

/// The matched words of one paragraph.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ParagraphHighlights {
    /// Index into the article's `paragraphs` (all roles counted).
    pub paragraph: usize,
    /// Matched ranges of that paragraph's text, in order, not overlapping.
    pub spans: Vec<Span>,
}

/// Where the query matched in one article, for marking the text.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Highlights {
    /// Matched ranges of the headline.
    pub headline: Vec<Span>,
    /// Matched ranges per paragraph (only paragraphs with matches).
    pub paragraphs: Vec<ParagraphHighlights>,
}

/// The passage that best shows why an article matched.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Snippet {
    /// Index into the article's `paragraphs`.
    pub paragraph: usize,
    /// Where the passage is in that paragraph's text.
    pub range: Span,
    /// The passage itself.
    pub text: String,
    /// Matched ranges, relative to [`Snippet::text`].
    pub marks: Vec<Span>,
    /// Whether the passage starts after the paragraph's start (show "…").
    pub cut_before: bool,
    /// Whether the passage stops before the paragraph's end (show "…").
    pub cut_after: bool,
}

/// One matching article.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Hit {
    /// Index of the article in the slice the index was built from.
    pub article: usize,
    /// Relevance score (BM25F); 0 when the query has no words.
    pub score: f32,
    /// Where the query matched.
    pub highlights: Highlights,
    /// The best passage, if the article has body text.
    pub snippet: Option<Snippet>,
}

/// One value of a facet with its count.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FacetValue {
    /// The value to put in [`Filters`] to select it.
    pub value: String,
    /// How to show it (`October 2021` for `2021-10`).
    pub label: String,
    /// Matching articles with this value, given the query and the *other*
    /// facets' selections.
    pub count: usize,
    /// Whether it is selected in the [`Filters`].
    pub selected: bool,
    /// For entities named in [`SearchConfig::entities`], their kind
    /// (`person`, `place`, `country`…); `None` elsewhere.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
}

/// Counts for each facet. Values with no matching article are left out
/// unless selected. Outlets, authors, languages and entities are ordered by
/// count then name; years and months by date.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Facets {
    /// By outlet.
    pub outlets: Vec<FacetValue>,
    /// By author.
    pub authors: Vec<FacetValue>,
    /// By language (empty when articles record none).
    pub languages: Vec<FacetValue>,
    /// By entity (empty when articles record none); each value carries its
    /// kind when [`SearchConfig::entities`] knows it (see
    /// [`Facets::entities_of_kind`]).
    pub entities: Vec<FacetValue>,
    /// By year of publication.
    pub years: Vec<FacetValue>,
    /// By month of publication (articles dated at least to the month).
    pub months: Vec<FacetValue>,
}

impl Facets {
    /// The entity values of one kind (`"person"`, `"place"`…), in facet
    /// order; `None` gives the entities of no known kind.
    pub fn entities_of_kind<'a>(
        &'a self,
        kind: Option<&'a str>,
    ) -> impl Iterator<Item = &'a FacetValue> + 'a {
        self.entities
            .iter()
            .filter(move |v| v.kind.as_deref() == kind)
    }

    /// The entity kinds present in [`Facets::entities`], sorted, each once.
    pub fn entity_kinds(&self) -> Vec<&str> {
        let mut kinds: Vec<&str> = self
            .entities
            .iter()
            .filter_map(|v| v.kind.as_deref())
            .collect();
        kinds.sort_unstable();
        kinds.dedup();
        kinds
    }
}

/// A name from the alias table that matched on the reader's behalf.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AliasMatch {
    /// What the reader typed (`Shusha`).
    pub searched: String,
    /// The other name that also matched (`Shushi`).
    pub also_matching: String,
}

/// A word the reader typed that was also matched as a similar word.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Correction {
    /// What the reader typed.
    pub typed: String,
    /// The word in the dossier that was matched instead.
    pub corrected: String,
}

/// What a search found.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct SearchResults {
    /// The requested page of results, in order.
    pub hits: Vec<Hit>,
    /// How many articles match in all.
    pub total: usize,
    /// Counts per facet value.
    pub facets: Facets,
    /// Articles per month for the query and every filter except the date
    /// range (`after`/`before` of [`Filters`]) and the months selection:
    /// the same values and labels as [`Facets::months`] would have with the
    /// range cleared. For the date slider's histogram, which shows what
    /// lies outside the range too, without a second search.
    #[serde(default)]
    pub timeline: Vec<FacetValue>,
    /// Alias names that matched (for "also matching: Shushi").
    pub aliases_matched: Vec<AliasMatch>,
    /// Similar words matched because exact matches were few.
    pub typo_corrections: Vec<Correction>,
    /// How many matching articles are dated only to the month or year.
    pub approximate_dates: usize,
    /// How many matching articles have no date.
    pub undated: usize,
    /// Notes for the reader about the query.
    pub messages: Vec<String>,
    /// Whether the query has a phrase that was matched by its words only,
    /// because the index's word positions are not attached yet (see
    /// [`SearchIndex::attach_positions`]); search again once they are.
    #[serde(default)]
    pub phrases_pending: bool,
    /// The words and phrases the hits were marked with, kept so highlights
    /// can be made again when an article's text arrives after the search
    /// (see [`SearchResults::highlight_arrived`]).
    #[serde(skip)]
    pub(crate) marker: snippet::Marker,
}

impl SearchResults {
    /// The same results with highlights and a snippet for every hit whose
    /// text is in `articles` now but was not when it was searched (a page
    /// that loads texts on demand); `None` when no hit gained its text.
    /// Cheaper than searching again: only those hits are read.
    pub fn highlight_arrived(&self, articles: &[Article]) -> Option<SearchResults> {
        let arrived = |hit: &Hit| {
            hit.snippet.is_none()
                && articles
                    .get(hit.article)
                    .is_some_and(|a| !a.paragraphs.is_empty())
        };
        if !self.hits.iter().any(arrived) {
            return None;
        }
        let mut results = self.clone();
        for hit in &mut results.hits {
            if arrived(hit) {
                (hit.highlights, hit.snippet) =
                    snippet::highlight(&articles[hit.article], &self.marker);
            }
        }
        Some(results)
    }
}
