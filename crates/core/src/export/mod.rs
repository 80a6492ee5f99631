//! Export and cite: the current selection as CSV, JSONL, BibTeX, RIS or a
//! Markdown reading list, and a citation (APA or Chicago) for one article.
//!
//! Everything returns a `String`; the page turns it into a download (a Blob
//! URL, so it works from `file://`). A date that was curated or estimated,
//! not read in the article, is marked as such ("[date curated]") wherever
//! a reader sees it, so a citation never passes a guess off as a fact.
//!
//! Selections keep their order (the reader's sort); indices out of range
//! and repeats are skipped.
//!
//! One file per output: [`csv`] (CSV and JSON Lines, the tables), [`bibtex`],
//! [`ris`], [`markdown`] (the reading list) and [`cite`] (APA, Chicago);
//! this module holds what they share: picking the selection, the date mark
//! and the address a reader may follow; [`names`] reads a byline as a list
//! of authors for every format that names them one by one.
//!
//! Every field comes from an article file, so none is trusted: a
//! `javascript:` or `data:` address is never written where a reader could
//! click it, Markdown and BibTeX values are escaped so a headline cannot
//! turn into markup, and CSV cells cannot start a spreadsheet formula.

mod bibtex;
mod cite;
mod csv;
mod markdown;
mod names;
mod ris;

use crate::date::PartialDate;
use crate::model::{Article, Fact, Provenance};

pub use bibtex::{bibtex_escape, to_bibtex};
pub use cite::{cite, Citation, CitationStyle};
pub use csv::{to_csv, to_jsonl};
pub use markdown::{markdown_escape, reading_list};
pub use ris::to_ris;

/// The selected articles, in the given order, each once.
pub(crate) fn pick<'a>(articles: &'a [Article], selection: &[usize]) -> Vec<&'a Article> {
    let mut seen = std::collections::BTreeSet::new();
    selection
        .iter()
        .filter(|&&i| i < articles.len() && seen.insert(i))
        .map(|&i| &articles[i])
        .collect()
}

/// The reader's mark for a date not read in the article itself:
/// `[date curated]` (from the manifest) or `[date estimated]`; `None` for
/// a date stated in the text or the file's metadata.
pub fn date_mark(fact: &Fact<PartialDate>) -> Option<&'static str> {
    match fact.source {
        Provenance::Manifest => Some("[date curated]"),
        Provenance::Estimated => Some("[date estimated]"),
        Provenance::Text | Provenance::FrontMatter => None,
    }
}

pub(crate) fn source_name(p: Provenance) -> &'static str {
    match p {
        Provenance::Text => "text",
        Provenance::FrontMatter => "front_matter",
        Provenance::Manifest => "curated",
        Provenance::Estimated => "estimated",
    }
}

pub(crate) fn value(fact: &Option<Fact<String>>) -> &str {
    fact.as_ref().map_or("", |f| f.value.as_str())
}

/// The article's address when a reader may follow it, as written (trimmed):
/// an `http:` or `https:` address with a host, as [`Article::web_address`]
/// decides for the page; anything else (`javascript:`, `data:`, `file:`) is
/// `None`, so no export makes a link or a URL field of it. Whitespace
/// inside is read as if percent-encoded first: files keep an address as a
/// browser showed it ("…/a (1)"), and each format encodes it its own way.
pub(crate) fn web_url(a: &Article) -> Option<&str> {
    let raw = a.url.as_ref()?.value.trim();
    let encoded: String = raw
        .chars()
        .map(|c| {
            if c.is_whitespace() {
                "%20".to_string()
            } else {
                c.to_string()
            }
        })
        .collect();
    let probe = Article {
        url: Some(Fact::new(encoded, Provenance::Text)),
        ..Default::default()
    };
    probe.web_address().is_some().then_some(raw)
}

pub(crate) fn note(a: &Article) -> Option<String> {
    let p = a.published.as_ref()?;
    let mark = date_mark(p)?;
    let why = p
        .note
        .as_deref()
        .map(|n| format!(": {n}"))
        .unwrap_or_default();
    Some(format!("{} {mark}{why}", p.value))
}

/// An article with just this byline and address, for the formats' tests.
#[cfg(test)]
pub(crate) fn article_by(author: &str, url: &str) -> Article {
    Article {
        id: "a".into(),
        headline: "T".into(),
        author: Some(Fact::new(author.into(), Provenance::Text)),
        url: Some(Fact::new(url.into(), Provenance::Text)),
        ..Default::default()
    }
}
