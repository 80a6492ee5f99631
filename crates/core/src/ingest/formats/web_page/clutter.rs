//! What around and inside an article is not its text: the page's
//! furniture (banners, consent dialogs, navigation, forms, adverts) is
//! removed, and the parts with a role of their own (the standfirst, the
//! byline) are taken out so they are not read as body paragraphs.
//!
//! Elements are recognised by what HTML says they are (tag, `role`) and by
//! the words in their `class` and `id`, never by one site's markup.

use dom_query::{Document, NodeRef};

use crate::ingest::invisible::remove_invisible;

/// Tags that are page furniture wherever they are. `header` is only
/// furniture outside the article: inside it, it holds the headline and the
/// standfirst.
const FURNITURE_TAGS: &str =
    "nav, aside, footer, form, dialog, noscript, script, style, template, \
     [role=dialog], [role=alertdialog], [role=navigation], [role=banner], \
     [role=contentinfo], [role=complementary], [aria-modal=true]";

/// Words in a `class` or `id` that mark an element as furniture, matched
/// against its parts (split at `-`, `_` and spaces): `cookie-banner`,
/// `newsletter_signup`, `ad-slot`. Whole parts, not substrings: a
/// `subscriber-content` block is the article itself on many sites.
const FURNITURE_PARTS: [&str; 13] = [
    "banner",
    "newsletter",
    "subscribe",
    "subscription",
    "signup",
    "popup",
    "modal",
    "overlay",
    "ad",
    "ads",
    "advert",
    "sponsored",
    "promo",
];

/// Beginnings of a `class` or `id` part that mark furniture however the
/// part ends: `cookiebar`, `consentmanager`, `gdprnotice`, `advertisement`.
const FURNITURE_PREFIXES: [&str; 4] = ["cookie", "consent", "gdpr", "advert"];

/// Class or id parts (split at `-`, `_` and spaces) that mark the
/// article's standfirst.
const STANDFIRST_PARTS: [&str; 9] = [
    "dek",
    "standfirst",
    "subtitle",
    "subheadline",
    "summary",
    "lead",
    "lede",
    "excerpt",
    "intro",
];

/// The lower-cased `class` and `id` of an element, space separated.
fn class_and_id(node: &NodeRef<'_>) -> String {
    let class = node.attr("class").unwrap_or_default();
    let id = node.attr("id").unwrap_or_default();
    format!("{class} {id}").to_lowercase()
}

fn has_part(node: &NodeRef<'_>, parts: &[&str]) -> bool {
    class_and_id(node)
        .split([' ', '-', '_'])
        .any(|p| parts.contains(&p))
}

fn is_furniture(node: &NodeRef<'_>) -> bool {
    has_part(node, &FURNITURE_PARTS)
        || class_and_id(node)
            .split([' ', '-', '_'])
            .any(|p| FURNITURE_PREFIXES.iter().any(|w| p.starts_with(w)))
}

/// The element that holds the article: `<article>`, else `<main>`, else
/// `[role=main]`, else the page's body.
pub fn container_selector(doc: &Document) -> &'static str {
    ["article", "main", "[role=main]"]
        .into_iter()
        .find(|s| doc.select(s).exists())
        .unwrap_or("body")
}

fn holds_article(node: &NodeRef<'_>) -> bool {
    node.descendants()
        .iter()
        .any(|d| d.is("article, main, [role=main], h1"))
}

/// Removes the page furniture, in place. An element holding the article
/// (its container or its `<h1>`) is never removed by its class, even when
/// a site gives a wrapper a `has-ads` or `cookie-consent-open` class.
pub fn remove_furniture(doc: &Document) {
    // A `header` that is not inside the article is the site's masthead.
    for header in doc.select("header").nodes() {
        let in_article = header
            .ancestors(None)
            .iter()
            .any(|a| a.is("article, main, [role=main]"));
        if !in_article {
            header.remove_from_parent();
        }
    }
    doc.select(FURNITURE_TAGS).remove();
    for node in doc.select("[class], [id]").nodes() {
        if node.is("html, body, main, article, [role=main]") {
            continue;
        }
        if is_furniture(node) && !holds_article(node) {
            node.remove_from_parent();
        }
    }
}

/// Normalises whitespace: one space between words, none at the ends; and
/// removes the invisible characters that split words, which a page can
/// write as entities (`&shy;`, `&#8203;`) the decoded file did not hold.
pub fn squash(text: &str) -> String {
    remove_invisible(text)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Takes the article's standfirst element out of the page and returns its
/// text: the first element inside the article's container whose class or
/// id names it a dek, standfirst, subtitle, summary or lead. Headings are
/// skipped (a `h2.subtitle` inside the body is a crosshead).
pub fn take_standfirst(doc: &Document) -> Option<String> {
    let container = container_selector(doc);
    let found = doc
        .select(container)
        .select("[class], [id]")
        .nodes()
        .iter()
        .find(|n| {
            !n.is("article, main, section, h1, li, figcaption, figure")
                && has_part(n, &STANDFIRST_PARTS)
                // `lead-image`, `intro-video`: the lead photo, not the text.
                && !has_part(n, &["image", "img", "photo", "media", "video", "figure"])
                && !squash(&n.text()).is_empty()
        })
        .cloned()?;
    let text = squash(&found.text());
    found.remove_from_parent();
    Some(text)
}

/// Takes the bylines out of the page and returns the first one's text:
/// elements whose class or id names a byline, short ones (a name, perhaps a
/// date) whose class or id names the author, and `itemprop="author"` or
/// `rel="author"` outside a paragraph.
pub fn take_byline(doc: &Document) -> Option<String> {
    let nodes: Vec<NodeRef<'_>> = doc
        .select("[class], [id], [itemprop=author], [rel=author]")
        .nodes()
        .iter()
        .filter(|n| {
            // An author's name inside a sentence stays in the sentence.
            let in_sentence = || n.ancestors(None).iter().any(|a| a.is("p"));
            let names_author = (has_part(n, &["author", "writer"])
                && !has_part(n, &["bio", "about", "box", "card"])
                && n.text().split_whitespace().count() <= 8)
                || n.is("[itemprop=author], [rel=author]");
            !n.is("html, body, main, article")
                && (has_part(n, &["byline"]) || (names_author && !in_sentence()))
        })
        .cloned()
        .collect();
    let first = nodes
        .iter()
        .map(|n| squash(&n.text()))
        .find(|t| !t.is_empty());
    for n in &nodes {
        n.remove_from_parent();
    }
    first
}

/// The text of the article's first `<h1>` (inside its container, else
/// anywhere on the page).
pub fn article_h1(doc: &Document) -> Option<String> {
    let container = container_selector(doc);
    [format!("{container} h1"), "h1".to_string()]
        .iter()
        .map(|s| squash(&doc.select(s).first().text()))
        .find(|t| !t.is_empty())
}
