//! A web page saved from a browser: the main text found by the Readability
//! algorithm, and the metadata its `<meta>` tags, JSON-LD and headline
//! give.
//!
//! The page is read in three steps:
//!
//! 1. **Metadata** from the whole page ([`head`], [`json_ld`]): the
//!    headline is `og:title`, else the JSON-LD headline, else the article's
//!    `<h1>`, and only then the `<title>` (without a trailing site name),
//!    which on many sites is the site's name alone.
//! 2. **Clutter** ([`clutter`]): banners, consent dialogs, navigation,
//!    forms and adverts are removed; the standfirst and byline are taken
//!    out, so they are read as what they are and not as body paragraphs.
//! 3. **Main text**: Readability (`dom_smoothie`) over what is left, one
//!    paragraph per block; figure captions are captions, and a line that
//!    only shows the date (what is left of "Author | 25 September 2023"
//!    once the byline is taken out) is furniture ([`time`]).
//!
//! When no `<meta>` tag or JSON-LD gives the publication date, the
//! article's `<time datetime>` does ([`time::publication_time`]).

mod clutter;
mod head;
mod json_ld;
mod time;

use dom_query::Document;
use dom_smoothie::Readability;

use super::malformed;
use crate::ingest::{IngestError, Metadata};
use crate::model::{Paragraph, Role};

use clutter::squash;
pub use time::PageTime;

/// A saved page read: its metadata and its paragraphs after the headline,
/// each with the role the page's markup gives it (body, caption, byline).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct WebPage {
    /// Headline, standfirst, outlet, author, date, URL and language.
    pub meta: Metadata,
    /// The paragraphs in page order: body text, figure captions (rule
    /// `html-figcaption`), the byline (rule `html-byline`) and lines that
    /// only show the date (furniture, rule `html-date-line`).
    pub paragraphs: Vec<Paragraph>,
    /// The `<time>` element that gave `meta.published`, when the page's
    /// `<meta>` tags and JSON-LD gave none: so the date can name where it
    /// was read.
    pub time: Option<PageTime>,
}

/// The elements whose text is a paragraph of the main text.
const BLOCKS: &str = "p, h2, h3, h4, h5, h6, li, figcaption, blockquote, pre";

/// A saved HTML page as metadata and plain text, one paragraph per block:
/// the body paragraphs of [`page`]. Captions and the byline are left out of
/// the text, so the text rules cannot take them for body paragraphs (the
/// byline still gives the author when the metadata names none).
pub fn html(text: &str, file: &str) -> Result<(Metadata, String), IngestError> {
    let page = page(text, file)?;
    let mut out = String::new();
    for p in page.paragraphs.iter().filter(|p| p.role == Role::Body) {
        out.push_str(&p.text);
        out.push_str("\n\n");
    }
    Ok((page.meta, out))
}

/// A saved HTML page: the metadata from `<meta>` tags, JSON-LD and the
/// article's markup, and the main text by the Readability algorithm with
/// each paragraph's role. Falls back to every block of the page (furniture
/// removed) when no main text stands out.
pub fn page(text: &str, file: &str) -> Result<WebPage, IngestError> {
    // One parse of the page serves the metadata, the clutter removal and
    // Readability, which reads the same (cleaned) document.
    let mut readability = Readability::new(text, None, None)
        .map_err(|e| malformed(file, 1, format!("cannot read the page: {e}")))?;
    let mut meta = page_metadata(&readability);
    let h1 = clutter::article_h1(&readability.doc);
    clutter::remove_furniture(&readability.doc);
    // Before the byline is taken out: it often holds the date.
    let times = time::shown_times(&readability.doc);
    let time = time::publication_time(&readability.doc).filter(|_| meta.published.is_none());
    if let Some(time) = &time {
        meta.published = Some(time.datetime.clone());
    }
    let standfirst = clutter::take_standfirst(&readability.doc);
    let byline = clutter::take_byline(&readability.doc);

    let mut paragraphs = match readability.parse() {
        Ok(article) => blocks(&Document::from(article.content.as_ref())),
        Err(_) => {
            // No main text stands out (a short page): every block of the
            // page, furniture removed. Readability changed its copy while
            // trying, so the page is read again.
            let doc = Document::from(text);
            clutter::remove_furniture(&doc);
            clutter::take_standfirst(&doc);
            clutter::take_byline(&doc);
            blocks(&doc)
        }
    };
    // The headline and standfirst are shown on their own: Readability keeps
    // the `<h1>` (as a heading) at the top of the text.
    let same = |a: &str, b: &str| a.to_lowercase() == b.to_lowercase();
    paragraphs.retain(|p| {
        ![
            meta.headline.as_deref(),
            h1.as_deref(),
            standfirst.as_deref(),
        ]
        .into_iter()
        .flatten()
        .any(|h| same(h, &p.text))
    });
    for p in paragraphs.iter_mut().filter(|p| p.role == Role::Body) {
        if time::is_date_line(&p.text, &times, byline.as_deref()) {
            p.role = Role::Furniture;
            p.rule = Some("html-date-line".to_string());
        }
    }
    if let Some(byline) = &byline {
        paragraphs.insert(0, Paragraph::with_role(byline, Role::Byline, "html-byline"));
    }

    meta.headline = meta.headline.or(h1);
    // The article's own standfirst element is what the page prints under
    // the headline; the description tags are the next best. A description
    // that only repeats the first paragraph is no standfirst.
    meta.dek = standfirst
        .or(meta.dek)
        .filter(|d| !starts_the_body(d, &paragraphs));
    meta.author = meta.author.or_else(|| byline.as_deref().map(byline_name));
    if meta.headline.is_none() {
        meta.headline = head::title(&readability.doc)
            .map(|t| head::without_site_name(&t, meta.outlet.as_deref()));
    }
    Ok(WebPage {
        meta,
        paragraphs,
        time,
    })
}

/// The metadata the page states, read before any element is removed:
/// `<meta>` tags first, then the article's JSON-LD node, then what
/// Readability's own reading finds (it knows more `<meta>` names). The
/// headline is left empty when only `<h1>` or `<title>` could give it, and
/// the dek holds the description tags only (see [`page`]).
fn page_metadata(readability: &Readability) -> Metadata {
    let doc = &readability.doc;
    let scripts: Vec<String> = doc
        .select(r#"script[type="application/ld+json" i]"#)
        .nodes()
        .iter()
        .map(|n| n.text().to_string())
        .collect();
    let ld = json_ld::article(scripts.iter().map(String::as_str)).unwrap_or_default();
    // Readability's title and excerpt are not used: its title prefers
    // `<title>`, which is often the site's name, and its excerpt can be any
    // paragraph of the page, a cookie banner included.
    let found = readability.get_article_metadata(None);
    let outlet = head::meta(doc, &["og:site_name", "application-name", "twitter:site"])
        .filter(|s| !s.starts_with('@'))
        .or(ld.publisher)
        .or_else(|| clean(found.site_name));
    let headline = head::meta(doc, &["og:title", "twitter:title"])
        .or(ld.headline)
        .map(|t| head::without_site_name(&t, outlet.as_deref()));
    Metadata {
        headline,
        dek: head::meta(
            doc,
            &["og:description", "description", "twitter:description"],
        )
        .or(ld.description),
        author: head::meta(doc, &["author", "article:author", "dc.creator", "byl"])
            .filter(|a| !a.starts_with("http"))
            .or(ld.author)
            .or_else(|| clean(found.byline)),
        published: head::meta(doc, &["article:published_time", "datePublished"])
            .or(ld.published)
            .or_else(|| clean(found.published_time)),
        url: head::meta(doc, &["og:url"])
            .or(ld.url)
            .or_else(|| head::canonical(doc))
            .or_else(|| clean(found.url)),
        language: clean(found.lang).or(ld.language),
        outlet,
    }
}

/// The blocks of a document's text with their roles: figure captions are
/// captions, everything else body text.
fn blocks(content: &Document) -> Vec<Paragraph> {
    let mut out = Vec::new();
    for node in content.select(BLOCKS).nodes() {
        // A block holding blocks is read through its inner ones.
        if has_block_inside(node) {
            continue;
        }
        let text = squash(&node.text());
        if text.is_empty() {
            continue;
        }
        let in_caption =
            node.is("figcaption") || node.ancestors(None).iter().any(|a| a.is("figcaption"));
        out.push(if in_caption {
            Paragraph::with_role(text, Role::Caption, "html-figcaption")
        } else {
            Paragraph {
                text,
                role: Role::Body,
                rule: None,
            }
        });
    }
    out
}

fn has_block_inside(node: &dom_query::NodeRef<'_>) -> bool {
    node.descendants().iter().any(|d| d.is("p, li, blockquote"))
}

/// Whether a description is the first body paragraph (or its opening, cut
/// with an ellipsis), as sites often make it: then it is no standfirst.
fn starts_the_body(description: &str, paragraphs: &[Paragraph]) -> bool {
    let Some(first) = paragraphs.iter().find(|p| p.role == Role::Body) else {
        return false;
    };
    // A cut description keeps at least a few words; a short one must be the
    // whole paragraph ("Baku." does not start every paragraph with "Baku").
    let opening = description.trim_end_matches(['…', '.', ' ']);
    first.text == description
        || (opening.split_whitespace().count() >= 5 && first.text.starts_with(opening))
}

/// The name in a byline: "By Jane Roe" gives "Jane Roe".
fn byline_name(byline: &str) -> String {
    let lower = byline.to_lowercase();
    for prefix in ["by:", "by ", "author:", "written by "] {
        if lower.starts_with(prefix) {
            if let Some(name) = byline.get(prefix.len()..) {
                return name.trim().to_string();
            }
        }
    }
    byline.to_string()
}

fn clean(s: Option<String>) -> Option<String> {
    s.map(|s| squash(&s)).filter(|s| !s.is_empty())
}

#[cfg(test)]
mod tests;
