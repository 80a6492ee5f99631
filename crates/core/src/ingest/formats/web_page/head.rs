//! The metadata a page's `<head>` gives: `<meta>` tags (Open Graph,
//! Twitter cards, article and Dublin Core names) and the `<title>`.

use dom_query::Document;

use super::clutter::squash;

/// The first non-empty `content` of the `<meta>` tags with these `property`
/// or `name` values, in order of preference.
pub fn meta(doc: &Document, keys: &[&str]) -> Option<String> {
    keys.iter().find_map(|key| {
        doc.select(&format!(
            r#"meta[property="{key}" i], meta[name="{key}" i], meta[itemprop="{key}" i]"#
        ))
        .nodes()
        .iter()
        .filter_map(|n| n.attr("content"))
        .map(|c| squash(&c))
        .find(|c| !c.is_empty())
    })
}

/// The page's canonical address (`<link rel="canonical" href>`), when it
/// is an absolute http(s) URL: a relative one has no site to resolve
/// against, and other schemes are no address for a reader.
pub fn canonical(doc: &Document) -> Option<String> {
    doc.select(r#"link[rel~="canonical" i][href]"#)
        .nodes()
        .iter()
        .filter_map(|n| n.attr("href"))
        .map(|h| h.trim().to_string())
        .find(|h| {
            let lower = h.to_ascii_lowercase();
            (lower.starts_with("https://") || lower.starts_with("http://")) && h.len() > 8
        })
}

/// The page's `<title>`.
pub fn title(doc: &Document) -> Option<String> {
    Some(squash(&doc.select("head title, title").first().text())).filter(|t| !t.is_empty())
}

/// A title without its trailing " | Site", " - Site", " – Site" or
/// " — Site" part, when that part is the site's name (compared without
/// case). A title whose last part is anything else is kept whole: a dash
/// inside a headline is not a separator.
pub fn without_site_name(title: &str, site: Option<&str>) -> String {
    let Some(site) = site.map(str::trim).filter(|s| !s.is_empty()) else {
        return title.to_string();
    };
    for separator in [" | ", " - ", " – ", " — ", " :: ", " · "] {
        if let Some((head, tail)) = title.rsplit_once(separator) {
            if tail.trim().to_lowercase() == site.to_lowercase() && !head.trim().is_empty() {
                return head.trim().to_string();
            }
        }
        // The site name first: "Site | Headline".
        if let Some((head, tail)) = title.split_once(separator) {
            if head.trim().to_lowercase() == site.to_lowercase() && !tail.trim().is_empty() {
                return tail.trim().to_string();
            }
        }
    }
    title.to_string()
}
