//! A web page saved from a browser: the main text found by the Readability
//! algorithm, and the metadata its `<meta>` tags and JSON-LD give.

use super::malformed;
use crate::ingest::{IngestError, Metadata};

/// A saved HTML page: the main text by the Readability algorithm
/// (`dom_smoothie`), one paragraph per block, and the metadata from
/// `<meta>` tags and JSON-LD. Falls back to every `<p>` of the page when no
/// main text stands out.
pub fn html(text: &str, file: &str) -> Result<(Metadata, String), IngestError> {
    use dom_query::Document;
    use dom_smoothie::Readability;

    let mut readability = Readability::new(text, None, None)
        .map_err(|e| malformed(file, 1, format!("cannot read the page: {e}")))?;
    let json_ld = readability.parse_json_ld();
    let page = readability.get_article_metadata(json_ld);
    let content = match readability.parse() {
        Ok(article) => article.content.to_string(),
        Err(_) => text.to_string(),
    };
    let doc = Document::from(content.as_str());
    let mut out = String::new();
    for node in doc
        .select("p, h2, h3, h4, h5, h6, li, figcaption, blockquote, pre")
        .iter()
    {
        if node.select("p, li, blockquote").exists() {
            continue;
        }
        let words: Vec<String> = node.text().split_whitespace().map(str::to_string).collect();
        if !words.is_empty() {
            out.push_str(&words.join(" "));
            out.push_str("\n\n");
        }
    }
    let clean = |s: Option<String>| {
        s.map(|s| s.split_whitespace().collect::<Vec<_>>().join(" "))
            .filter(|s| !s.is_empty())
    };
    let meta = Metadata {
        headline: clean(Some(page.title)),
        dek: clean(page.excerpt).filter(|e| !out.starts_with(e.as_str())),
        outlet: clean(page.site_name),
        author: clean(page.byline),
        published: clean(page.published_time),
        url: clean(page.url),
        language: clean(page.lang),
    };
    Ok((meta, out))
}
