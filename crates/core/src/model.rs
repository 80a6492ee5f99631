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
    /// so every derived field can be traced back to its bytes. (Empty in a
    /// catalog entry, which the full article replaces when it loads.)
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub source_file: String,
    /// The headline as the outlet printed it.
    pub headline: String,
    /// The text after the headline, one entry per paragraph, in order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
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
    /// Where the article was published online, when the file or manifest
    /// says so, so a reader can go to the original.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<Fact<String>>,
    /// The article's language as a BCP-47-like code (`en`, `tr`, `ru`):
    /// given by the file or manifest, or detected from the body text
    /// (then [`Provenance::Estimated`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<Fact<String>>,
    /// Dates the text mentions ("September 27, 2020", "November 10",
    /// "in 2023"), in reading order, for the events timeline.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub mentioned_dates: Vec<MentionedDate>,
    /// Every place the headline or a paragraph names a gazetteer entity,
    /// in reading order, with the exact variant used (the naming view).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub mentions: Vec<Mention>,
    /// Who is quoted saying what, in reading order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub quotes: Vec<Quote>,
    /// What ingest noticed but could not decide (an ambiguous dateline, a
    /// guessed encoding), in a curator's words, so nothing is silently
    /// assumed.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<String>,
    /// Other files with the same text (or nearly: see
    /// [`crate::ingest::duplicates`]) that were merged into this article,
    /// each with its own outlet, date and URL, so no publication of the
    /// text is lost. Empty for an article printed once.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub duplicates: Vec<DuplicateOf>,
}

/// Another copy of an article's text, merged into it: where it was read
/// and who published it.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct DuplicateOf {
    /// The id the copy would have had.
    pub id: String,
    /// The file the copy was read from.
    pub source_file: String,
    /// The copy's headline, when it differs from the kept article's.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub headline: Option<String>,
    /// The outlet that printed the copy.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outlet: Option<Fact<String>>,
    /// When the copy was published.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published: Option<Fact<PartialDate>>,
    /// Where the copy was published online.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<Fact<String>>,
    /// Jaccard similarity of the two bodies' 5-word shingles (0–1, three
    /// decimals); 1 for an identical text.
    pub similarity: f64,
    /// The bodies are identical once normalised (case, punctuation and
    /// spacing aside).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub exact: bool,
}

impl DuplicateOf {
    /// The copy's address, when it is a web address (see [`web_address`]).
    pub fn web_address(&self) -> Option<&str> {
        web_address(&self.url.as_ref()?.value)
    }
}

impl Article {
    /// The original's address when it is a web address (`http:` or
    /// `https:`), the only kind a page should make a link of: the address
    /// comes from the article's file, and a `javascript:` or `data:` one
    /// would run or show something else when clicked.
    pub fn web_address(&self) -> Option<&str> {
        web_address(&self.url.as_ref()?.value)
    }

    /// The paragraphs a reader reads by default: body text, without captions
    /// or page furniture.
    pub fn body(&self) -> impl Iterator<Item = &Paragraph> {
        self.paragraphs.iter().filter(|p| p.role == Role::Body)
    }

    /// Date order that never pretends to more precision than known: the
    /// earliest first (see [`PartialDate::chronological`]), undated last,
    /// then by id, so the order never depends on input order.
    pub fn chronological(&self, other: &Article) -> std::cmp::Ordering {
        let date = |x: &Article| x.published.as_ref().map(|f| f.value);
        match (date(self), date(other)) {
            (Some(x), Some(y)) => x.chronological(&y),
            (Some(_), None) => std::cmp::Ordering::Less,
            (None, Some(_)) => std::cmp::Ordering::Greater,
            (None, None) => std::cmp::Ordering::Equal,
        }
        .then_with(|| self.id.cmp(&other.id))
    }

    /// This article as the catalog lists it: headline and facts, without
    /// text, mentions, quotes or dates (see [`crate::Bundle::catalog`]), nor
    /// the source file and the language detector's note: what the result
    /// list shows before an article's text arrives, kept small because the
    /// page reads the whole catalog at start (a third less at 10,000
    /// articles). The publication date keeps its note: where a date came
    /// from is shown beside it.
    pub fn catalog_entry(&self) -> Article {
        Article {
            id: self.id.clone(),
            headline: self.headline.clone(),
            outlet: self.outlet.clone(),
            author: self.author.clone(),
            published: self.published.clone(),
            url: self.url.clone(),
            language: self.language.as_ref().map(|l| Fact {
                note: None,
                ..l.clone()
            }),
            ..Default::default()
        }
    }

    /// Number of words in the body paragraphs (whitespace-separated).
    pub fn word_count(&self) -> usize {
        self.body().map(|p| p.text.split_whitespace().count()).sum()
    }
}

/// One paragraph of an article with the part it plays on the page.
///
/// Build one with [`Paragraph::body`], [`Paragraph::with_role`] or
/// `Paragraph { text, ..Default::default() }`, so new optional fields do not
/// break existing code.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Paragraph {
    /// The paragraph's text, trimmed of surrounding whitespace. Plain text:
    /// never HTML, and never rendered as HTML.
    pub text: String,
    /// What this paragraph is: body text unless ingest recognised otherwise.
    #[serde(default, skip_serializing_if = "Role::is_body")]
    pub role: Role,
    /// The name of the rule that gave this paragraph its role
    /// (`comment-notice`, `photo-credit`, `manifest-furniture`, …), so a
    /// curator can see why a line was hidden and correct the rule. `None`
    /// for body text that no rule claimed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rule: Option<String>,
}

impl Paragraph {
    /// A body paragraph.
    pub fn body(text: impl Into<String>) -> Self {
        Paragraph {
            text: text.into(),
            ..Default::default()
        }
    }

    /// A paragraph with the role a named rule gave it.
    pub fn with_role(text: impl Into<String>, role: Role, rule: &str) -> Self {
        Paragraph {
            text: text.into(),
            role,
            rule: Some(rule.to_string()),
        }
    }
}

/// A date mentioned in an article's text, as precise as the text allows.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct MentionedDate {
    /// The words as written ("Sept. 20", "May 8, 1992", "2023").
    pub text: String,
    /// Index of the paragraph in [`Article::paragraphs`].
    pub paragraph: usize,
    /// Byte offset of the mention in the paragraph's text.
    pub start: usize,
    /// Byte offset just past the mention.
    pub end: usize,
    /// The sentence the mention is in, for the timeline's context.
    pub sentence: String,
    /// The date, when its year is stated or could be resolved; `None` when
    /// the text gives no year (see `month` and `day`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<PartialDate>,
    /// The month as written (1–12), whether or not the year is known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub month: Option<u8>,
    /// The day of the month as written, whether or not the year is known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub day: Option<u8>,
    /// Where the year came from.
    pub year_from: YearSource,
}

/// How a mentioned date's year was found.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum YearSource {
    /// Written in the mention itself ("May 8, 1992").
    Stated,
    /// Taken from a full date earlier in the same paragraph ("September 27,
    /// 2020 … on November 10").
    Context,
    /// Taken from the article's publication date: the latest such date not
    /// after publication.
    Publication,
    /// Not known: the text gives no year.
    #[default]
    Unresolved,
}

/// One place where the text names a gazetteer entity.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mention {
    /// The entity's id in the gazetteer (`nagorno-karabakh`).
    pub entity: String,
    /// Index of the paragraph in [`Article::paragraphs`]; `None` for the
    /// headline.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub paragraph: Option<usize>,
    /// Byte offset of the mention in the paragraph (or headline) text.
    pub start: usize,
    /// Byte offset just past the mention.
    pub end: usize,
    /// The exact variant used, as written ("Artsakh", "Türkiye").
    pub text: String,
}

/// Someone quoted in an article.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Quote {
    /// The speaker as the text names them ("Stoltenberg", "the head of
    /// Azerbaijan's diplomacy"); for "he said" the person named before.
    pub speaker: String,
    /// The gazetteer entity the speaker is, when one matches.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub entity: Option<String>,
    /// The quoted words, without the quotation marks.
    pub quote: String,
    /// Index of the paragraph in [`Article::paragraphs`].
    pub paragraph: usize,
    /// The words that attribute the quote ("said", "told", "according to",
    /// "he added", "continued").
    pub cue: String,
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

/// `url` if it is an `http(s)` address with a host and no spaces, the
/// only kind the explorer makes a link of (a `javascript:` one never is).
pub fn web_address(url: &str) -> Option<&str> {
    let url = url.trim();
    let scheme = url.split_once("://")?.0;
    let web = scheme.eq_ignore_ascii_case("https") || scheme.eq_ignore_ascii_case("http");
    let host = web_host(url);
    (web && !host.is_empty() && !url.chars().any(char::is_whitespace)).then_some(url)
}

/// The host of a web address, without `www.` (`https://www.antiwar.com/x`
/// → `antiwar.com`): how a reader names the site an article came from.
pub fn web_host(url: &str) -> &str {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    let host = rest.split(['/', '?', '#']).next().unwrap_or("");
    let host = host.rsplit_once('@').map_or(host, |(_, h)| h);
    host.strip_prefix("www.").unwrap_or(host)
}

#[cfg(test)]
mod web_address_tests {
    use super::*;

    fn with_url(url: &str) -> Article {
        Article {
            url: Some(Fact {
                value: url.into(),
                source: Provenance::Text,
                note: None,
            }),
            ..Default::default()
        }
    }

    #[test]
    fn only_http_and_https_addresses_are_links() {
        for ok in [
            "https://antiwar.com/a",
            "HTTP://example.org",
            " https://x.org/p?q=1 ",
        ] {
            assert!(with_url(ok).web_address().is_some(), "{ok}");
        }
        for bad in [
            "javascript:alert(1)",
            "JavaScript://%0aalert(1)",
            "data:text/html,<script>",
            "file:///etc/passwd",
            "//example.org",
            "https://",
            "https://exa mple.org",
            "example.org",
        ] {
            assert_eq!(with_url(bad).web_address(), None, "{bad}");
        }
        assert_eq!(Article::default().web_address(), None);
    }

    #[test]
    fn the_host_names_the_site() {
        assert_eq!(web_host("https://www.antiwar.com/blog/x"), "antiwar.com");
        assert_eq!(web_host("http://user@al-monitor.com?x#y"), "al-monitor.com");
        assert_eq!(web_host("https://example.org"), "example.org");
    }
}
