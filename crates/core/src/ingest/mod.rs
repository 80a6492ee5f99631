//! Ingest: one article file becomes an [`Article`] with every field it can
//! derive, each traceable to the text or the manifest.
//!
//! The steps, in order:
//!
//! 1. **Lines and headline**: the headline is the first line that is not
//!    page furniture ("Skip to main content" before it is kept as
//!    furniture); then one paragraph per non-empty line.
//! 2. **Roles** ([`roles`]): body, dek, caption, byline, bio or furniture,
//!    each with the name of the rule that decided it.
//! 3. **Facts from the text**: the byline gives the author, an author bio
//!    ("the news editor of X") the outlet, a dateline (`09/08/2021 Turkey
//!    (Outlet) –`) the publication date and outlet ([`dates`]).
//! 4. **The manifest** overrides or adds facts (see [`crate::manifest`]).
//! 5. **Mentioned dates**, **entity mentions** ([`crate::entities`]) and
//!    **quotes** ([`quotes`]).
//!
//! [`parse_plain_text`] runs all of it with no manifest and the shipped
//! gazetteer; [`Ingester`] runs it with a manifest and gazetteer of one's
//! own, and reads the other input formats ([`formats`]).
//!
//! Two passes then look at the corpus as a whole ([`corpus_passes`]):
//! [`duplicates`] merges copies of the same text, keeping every outlet and
//! URL, and [`repetition`] marks lines repeated across an outlet's
//! articles as furniture.

pub mod dates;
pub mod decode;
pub mod duplicates;
pub mod formats;
pub mod ids;
pub mod quotes;
pub mod repetition;
pub mod roles;
pub mod text;

mod facts;
mod ingester;
mod invisible;

pub use ingester::Ingester;

use std::sync::OnceLock;

use crate::entities::Gazetteer;
use crate::manifest::Manifest;
use crate::model::Article;

/// Why a file (or one record of it) could not become an article. The
/// caller (the CLI) decides whether to stop or skip; every message names
/// the file, and the line when there is one.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum IngestError {
    /// The file has no text at all.
    #[error("{file}: the file is empty")]
    Empty {
        /// The file's path.
        file: String,
    },
    /// The file's bytes are not text in any encoding (an image, an
    /// archive, random bytes), whatever its extension says.
    #[error("{file}: not text: looks like binary data")]
    NotText {
        /// The file's path.
        file: String,
    },
    /// A structured file (JSON, JSON Lines, CSV) holds no records: as
    /// much an error as an empty file.
    #[error(
        "{file}: {}",
        if *header_only { "the file has a header row but no records" } else { "the file holds no records" }
    )]
    NoRecords {
        /// The file's path.
        file: String,
        /// A CSV file with its header row only.
        header_only: bool,
    },
    /// The file has text but nothing that can be a headline.
    #[error("{file}: no headline found (only navigation links)")]
    NoHeadline {
        /// The file's path.
        file: String,
    },
    /// A structured file (JSON, CSV, front matter) is malformed.
    #[error("{file}:{line}: {message}")]
    Malformed {
        /// The file's path.
        file: String,
        /// The line (1-based) where the problem is.
        line: usize,
        /// What is wrong.
        message: String,
    },
    /// A record has no headline or no text.
    #[error("{file}:{line}: the record has no {field}")]
    MissingField {
        /// The file's path.
        file: String,
        /// The line (1-based) the record starts on.
        line: usize,
        /// The missing field ("title", "body").
        field: String,
    },
    /// The file's extension is not one ingest reads.
    #[error("{file}: not an article format (expected .txt, .md, .html, .json, .jsonl or .csv)")]
    UnknownFormat {
        /// The file's path.
        file: String,
    },
}

/// The facts a file's own metadata gives (front matter, JSON fields,
/// `<meta>` tags), recorded with [`Provenance::FrontMatter`].
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Metadata {
    /// Headline, when the metadata has one (else the first line is).
    pub headline: Option<String>,
    /// Standfirst.
    pub dek: Option<String>,
    /// Outlet.
    pub outlet: Option<String>,
    /// Author.
    pub author: Option<String>,
    /// Publication date as written (parsed by the date rules).
    pub published: Option<String>,
    /// URL.
    pub url: Option<String>,
    /// Language code.
    pub language: Option<String>,
}

/// The shipped gazetteer, parsed once.
pub fn default_gazetteer() -> &'static Gazetteer {
    static G: OnceLock<Gazetteer> = OnceLock::new();
    G.get_or_init(Gazetteer::default)
}

fn empty_manifest() -> &'static Manifest {
    static M: OnceLock<Manifest> = OnceLock::new();
    M.get_or_init(Manifest::default)
}

/// Parses a plain-text article: headline on the first line, then one
/// paragraph per non-empty line, with every derived field (roles, dates,
/// entities, quotes) and no manifest.
///
/// `id` is the article's stable identifier and `file` its path for messages
/// and traceability.
pub fn parse_plain_text(id: &str, file: &str, text: &str) -> Result<Article, IngestError> {
    Ingester::new(empty_manifest(), default_gazetteer()).text(id, file, text, Metadata::default())
}

/// What the corpus-wide passes did, for the ingest report.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct CorpusPasses {
    /// Each duplicate merged, by kept article.
    pub merges: Vec<duplicates::Merge>,
    /// Each line found to be an outlet's furniture by repetition.
    pub repeated: Vec<repetition::RepeatedLine>,
}

/// Runs the corpus-wide passes over every ingested article, with the
/// manifest's settings: merges duplicates (`fingerprints` are the
/// articles' [`duplicates::Fingerprint`]s, in the same order), then marks
/// lines repeated across an outlet's articles as furniture.
pub fn corpus_passes(
    articles: &mut Vec<Article>,
    fingerprints: &[duplicates::Fingerprint],
    manifest: &Manifest,
) -> CorpusPasses {
    let merges = duplicates::merge_duplicates(articles, fingerprints, &manifest.duplicates);
    let repeated = repetition::mark_repeated_furniture(articles, &manifest.repetition);
    CorpusPasses { merges, repeated }
}

#[cfg(test)]
mod tests;
