//! Statistics for comparing how outlets frame a story (issue 7): the naming
//! lens, distinctive terms, concordance (KWIC), trends, the events timeline
//! and who is quoted.
//!
//! Every function takes the dossier's articles and a *selection* (the indices
//! of the articles the current query, filters and date range keep) and
//! returns plain serialisable values: no I/O, no clocks, and no hash-map
//! order in any output, so the page, the CLI and the tests see the same
//! numbers. Indices outside the slice are ignored and repeated ones count
//! once (see [`normalise`]).
//!
//! Words are the search core's words ([`crate::search::tokenize`]: folded,
//! diacritic-free, possessive `’s` dropped), so a count here agrees with a
//! search there.
//!
//! ```
//! use dossier_core::{ingest, stats};
//! let articles = vec![
//!     ingest::parse_plain_text("a", "a.txt", "Shusha liberated\n\nThe city was liberated.").unwrap(),
//! ];
//! let lines = stats::concordance(&articles, &[0], "liberat*", &stats::KwicOptions::default());
//! assert_eq!(lines.len(), 2);
//! assert_eq!(lines[1].keyword, "liberated");
//! ```

mod kwic;
mod naming;
pub mod order;
mod pattern;
mod quotes;
mod sides;
mod stopwords;
mod terms;
mod timeline;
mod trends;

use serde::{Deserialize, Serialize};

use crate::date::PartialDate;
use crate::model::{Article, Role};

pub use kwic::{concordance, lines_at, sort_lines, KwicLine, KwicOptions, KwicSort};
pub use naming::{naming_lens, NamingCell, NamingTable};
pub use pattern::Pattern;
pub use quotes::{who_is_quoted, QuoteRef, Speaker, Speakers};
pub use sides::{only_outlet, outlets_of, split_selection, DateRange, Sides, Split};
pub use stopwords::{default_stop_words, extra_stop_words, stop_words_with, DEFAULT_STOP_WORDS};
pub use terms::{distinctive_terms, Distinctive, DistinctiveOptions, TermScore, TermSides};
pub use timeline::{
    events_timeline, Event, EventMention, Granularity, PublicationMark, Timeline, UnresolvedMention,
};
pub use trends::{trends, TrendMonth, Trends, MAX_TREND_TERMS};

/// The outlet shown for an article whose outlet nobody knows, so it still
/// has a row in per-outlet tables.
pub const UNKNOWN_OUTLET: &str = "(unknown outlet)";

/// The outlet an article is grouped under: its outlet's name, or
/// [`UNKNOWN_OUTLET`]. Merged duplicates stay under the kept article's outlet.
pub fn outlet_name(article: &Article) -> String {
    article
        .outlet
        .as_ref()
        .map(|f| f.value.clone())
        .unwrap_or_else(|| UNKNOWN_OUTLET.to_string())
}

/// The article's publication date, if known at any precision.
pub fn published(article: &Article) -> Option<PartialDate> {
    article.published.as_ref().map(|f| f.value)
}

/// Which texts of an article the statistics read.
///
/// The default reads everything (headline and every paragraph, captions,
/// bylines and page furniture included): the issue's hand-checkable counts
/// count every paragraph, and a reader checking a number with Ctrl-F sees
/// the same.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Scope {
    /// Read the headline (reported as paragraph `None`).
    pub headline: bool,
    /// Read page furniture (navigation, subscription prompts).
    pub furniture: bool,
}

impl Default for Scope {
    fn default() -> Self {
        Scope {
            headline: true,
            furniture: true,
        }
    }
}

impl Scope {
    /// The headline (paragraph `None`) then each paragraph this scope
    /// reads, with its index in [`Article::paragraphs`].
    pub fn texts<'a>(
        &self,
        article: &'a Article,
    ) -> impl Iterator<Item = (Option<usize>, &'a str)> {
        let scope = *self;
        let headline = scope.headline.then_some((None, article.headline.as_str()));
        headline.into_iter().chain(
            article
                .paragraphs
                .iter()
                .enumerate()
                .filter(move |(_, p)| scope.furniture || p.role != Role::Furniture)
                .map(|(i, p)| (Some(i), p.text.as_str())),
        )
    }
}

/// The text of the headline (`None`) or a paragraph, empty when out of
/// range.
pub fn text_of(article: &Article, paragraph: Option<usize>) -> &str {
    match paragraph {
        None => &article.headline,
        Some(i) => article.paragraphs.get(i).map_or("", |p| p.text.as_str()),
    }
}

/// Where something is: an article (index into the slice), a paragraph
/// (`None` for the headline) and a byte range of that text. What a cell,
/// a concordance line or a chart mark links to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Occurrence {
    /// Index of the article in the slice given.
    pub article: usize,
    /// Index into [`Article::paragraphs`]; `None` for the headline.
    pub paragraph: Option<usize>,
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset just past the last byte.
    pub end: usize,
}

/// A selection made safe: sorted, without repeats, only indices into
/// `articles`.
pub fn normalise(selection: &[usize], articles: &[Article]) -> Vec<usize> {
    let mut out: Vec<usize> = selection
        .iter()
        .copied()
        .filter(|&i| i < articles.len())
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// Every article: the selection when nothing is filtered.
pub fn all(articles: &[Article]) -> Vec<usize> {
    (0..articles.len()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Fact, Paragraph, Provenance};

    #[test]
    fn scope_reads_headline_and_can_skip_furniture() {
        let a = Article {
            headline: "H".into(),
            paragraphs: vec![
                Paragraph::body("b"),
                Paragraph::with_role("f", Role::Furniture, "x"),
                Paragraph::with_role("c", Role::Caption, "y"),
            ],
            ..Default::default()
        };
        let all: Vec<_> = Scope::default().texts(&a).collect();
        assert_eq!(
            all,
            [(None, "H"), (Some(0), "b"), (Some(1), "f"), (Some(2), "c")]
        );
        let reading = Scope {
            headline: false,
            furniture: false,
        };
        let some: Vec<_> = reading.texts(&a).collect();
        assert_eq!(some, [(Some(0), "b"), (Some(2), "c")]);
        assert_eq!(text_of(&a, Some(2)), "c");
        assert_eq!(text_of(&a, Some(9)), "");
    }

    #[test]
    fn selections_are_sorted_deduplicated_and_in_range() {
        let articles = vec![Article::default(), Article::default()];
        assert_eq!(normalise(&[1, 5, 0, 1], &articles), [0, 1]);
        assert_eq!(all(&articles), [0, 1]);
    }

    #[test]
    fn unknown_outlets_get_a_label() {
        let mut a = Article::default();
        assert_eq!(outlet_name(&a), UNKNOWN_OUTLET);
        a.outlet = Some(Fact::new("X".into(), Provenance::Text));
        assert_eq!(outlet_name(&a), "X");
    }
}
