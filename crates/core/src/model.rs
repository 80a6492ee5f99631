//! The corpus model: what an article is, in a reader's words.
//!
//! Every shown fact about an article (outlet, author, date) is a [`Fact`]:
//! the value plus where it came from, so the explorer can say whether it was
//! read in the text, curated by the corpus editor, or estimated.
//!
//! New fields are added as optional (`#[serde(default)]`) so an older bundle
//! still loads in a newer app; see [`crate::bundle`] for versioning.

use serde::{Deserialize, Serialize};

use crate::date::PartialDate;

/// One news article, as ingested from one file.
///
/// Build one with `Article { id, headline, ..Default::default() }` so new
/// optional fields do not break existing code.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Article {
    /// Stable identifier, unique in the dossier: the file name without its
    /// extension. Used in links (`#/article/ID`), so it never changes between
    /// builds of the same folder.
    pub id: String,
    /// The file this article was read from, relative to the articles folder,
    /// so every derived field can be traced back to its bytes.
    pub source_file: String,
    /// The headline as the outlet printed it.
    pub headline: String,
    /// The text after the headline, one entry per paragraph, in order.
    #[serde(default)]
    pub paragraphs: Vec<Paragraph>,
    /// The publication that printed the article.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outlet: Option<Fact<String>>,
    /// Who wrote it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub author: Option<Fact<String>>,
    /// When it was published, at the precision known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published: Option<Fact<PartialDate>>,
}

impl Article {
    /// The paragraphs a reader reads by default: body text, without captions
    /// or page furniture.
    pub fn body(&self) -> impl Iterator<Item = &Paragraph> {
        self.paragraphs.iter().filter(|p| p.role == Role::Body)
    }

    /// Number of words in the body paragraphs (whitespace-separated).
    pub fn word_count(&self) -> usize {
        self.body().map(|p| p.text.split_whitespace().count()).sum()
    }
}

/// One paragraph of an article with the part it plays on the page.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Paragraph {
    /// The paragraph's text, trimmed of surrounding whitespace. Plain text:
    /// never HTML, and never rendered as HTML.
    pub text: String,
    /// What this paragraph is: body text unless ingest recognised otherwise.
    #[serde(default, skip_serializing_if = "Role::is_body")]
    pub role: Role,
}

impl Paragraph {
    /// A body paragraph.
    pub fn body(text: impl Into<String>) -> Self {
        Paragraph {
            text: text.into(),
            role: Role::Body,
        }
    }
}

/// The part a paragraph plays on the page it was saved from.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// The article's own text.
    #[default]
    Body,
    /// The standfirst under the headline.
    Dek,
    /// A photo or map caption.
    Caption,
    /// A byline ("Author: …").
    Byline,
    /// A note about the author.
    Bio,
    /// Page furniture kept by the copying: navigation links, subscription
    /// prompts, comment notices. Kept so nothing is lost, hidden by default.
    Furniture,
}

impl Role {
    /// Whether this is body text (used to keep the JSON small).
    pub fn is_body(&self) -> bool {
        *self == Role::Body
    }
}

/// A value together with where it came from.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Fact<T> {
    /// The value itself.
    pub value: T,
    /// Where the value came from.
    pub source: Provenance,
    /// The evidence or reasoning, in the curator's or ingest's words
    /// (for example `dateline "09/08/2021", US month/day order`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

impl<T> Fact<T> {
    /// A fact with no note.
    pub fn new(value: T, source: Provenance) -> Self {
        Fact {
            value,
            source,
            note: None,
        }
    }
}

/// Where a fact came from, from most to least direct.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Provenance {
    /// Stated in the article's own text (a dateline, a byline).
    Text,
    /// Given in the file's own metadata (front matter, `<meta>` tags).
    FrontMatter,
    /// Curated: a fact about the world recorded in the corpus manifest,
    /// not stated in the text.
    Manifest,
    /// Estimated from indirect evidence.
    Estimated,
}

impl Provenance {
    /// A reader's description, for tooltips.
    pub fn describe(&self) -> &'static str {
        match self {
            Provenance::Text => "stated in the article's text",
            Provenance::FrontMatter => "from the file's metadata",
            Provenance::Manifest => {
                "curated: recorded by the dossier's editor, not stated in the text"
            }
            Provenance::Estimated => "estimated from indirect evidence",
        }
    }

    /// Whether a reader should see this fact marked as not read in the text.
    pub fn is_approximate(&self) -> bool {
        matches!(self, Provenance::Manifest | Provenance::Estimated)
    }
}
