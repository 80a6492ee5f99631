//! The article facts a page's JSON-LD (`<script type="application/ld+json">`)
//! gives. Sites write it in many shapes: one object, a top-level array of
//! objects, a `@graph` of nodes that point at each other by `@id`, or the
//! article nested under `mainEntity`. Each shape is searched for the one
//! node whose `@type` is an article type.

use serde_json::Value;

/// The `@type`s that mark a node as the article itself.
const ARTICLE_TYPES: [&str; 7] = [
    "NewsArticle",
    "Article",
    "ReportageNewsArticle",
    "AnalysisNewsArticle",
    "OpinionNewsArticle",
    "BlogPosting",
    "Report",
];

/// The facts of the page's article node, as written (dates unparsed).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ArticleNode {
    /// `headline` (or `name`).
    pub headline: Option<String>,
    /// `description`.
    pub description: Option<String>,
    /// The author names, joined with ", ".
    pub author: Option<String>,
    /// The publisher's name.
    pub publisher: Option<String>,
    /// `datePublished` (else `dateCreated`).
    pub published: Option<String>,
    /// `url` (else `mainEntityOfPage`'s `@id`).
    pub url: Option<String>,
    /// `inLanguage`.
    pub language: Option<String>,
}

/// The article node among the JSON-LD blocks' texts, the first one found.
/// Blocks that are not valid JSON are skipped: a broken script elsewhere on
/// the page must not hide the article.
pub fn article<'t>(scripts: impl IntoIterator<Item = &'t str>) -> Option<ArticleNode> {
    scripts.into_iter().find_map(|script| {
        let value: Value = serde_json::from_str(script.trim()).ok()?;
        let mut nodes = Vec::new();
        collect_nodes(&value, &mut nodes);
        let node = nodes.iter().copied().find(|n| is_article(n))?;
        Some(read(node, &nodes))
    })
}

/// Every object in `value`, depth first: array elements, `@graph` members
/// and nested objects (`mainEntity`, `hasPart`) alike, so the article is
/// found wherever the site put it.
fn collect_nodes<'v>(value: &'v Value, out: &mut Vec<&'v Value>) {
    match value {
        Value::Array(items) => items.iter().for_each(|v| collect_nodes(v, out)),
        Value::Object(map) => {
            out.push(value);
            map.values().for_each(|v| collect_nodes(v, out));
        }
        _ => {}
    }
}

fn is_article(node: &Value) -> bool {
    let is_type = |t: &Value| {
        t.as_str().is_some_and(|t| {
            let t = t.rsplit(['/', ':']).next().unwrap_or(t);
            ARTICLE_TYPES.contains(&t)
        })
    };
    match node.get("@type") {
        Some(Value::Array(types)) => types.iter().any(is_type),
        Some(t) => is_type(t),
        None => false,
    }
}

/// A node an `@id` reference points at, or the value itself when it is not
/// a bare reference.
fn resolve<'v>(value: &'v Value, nodes: &[&'v Value]) -> &'v Value {
    let Value::Object(map) = value else {
        return value;
    };
    match map.get("@id").and_then(Value::as_str) {
        Some(id) if !map.contains_key("name") => nodes
            .iter()
            .copied()
            .find(|n| n.get("@id").and_then(Value::as_str) == Some(id) && n.get("name").is_some())
            .unwrap_or(value),
        _ => value,
    }
}

/// A person or organisation as its name: a string, an object with `name`
/// (or an `@id` pointing at one), or an array of either (names joined).
fn names(value: &Value, nodes: &[&Value]) -> Option<String> {
    let list: Vec<String> = match value {
        Value::Array(items) => items.iter().filter_map(|v| names(v, nodes)).collect(),
        Value::String(s) => vec![s.clone()],
        other => resolve(other, nodes)
            .get("name")
            .and_then(|n| names(n, nodes))
            .into_iter()
            .collect(),
    };
    let list: Vec<String> = list
        .into_iter()
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
        .collect();
    (!list.is_empty()).then(|| list.join(", "))
}

fn text(node: &Value, key: &str) -> Option<String> {
    match node.get(key)? {
        Value::String(s) => Some(s.trim().to_string()).filter(|s| !s.is_empty()),
        Value::Array(items) => items.iter().find_map(|v| v.as_str()).map(str::to_string),
        Value::Object(map) => map
            .get("@id")
            .or_else(|| map.get("name"))
            .and_then(Value::as_str)
            .map(str::to_string),
        _ => None,
    }
}

fn read(node: &Value, nodes: &[&Value]) -> ArticleNode {
    ArticleNode {
        headline: text(node, "headline").or_else(|| text(node, "name")),
        description: text(node, "description"),
        author: node.get("author").and_then(|a| names(a, nodes)),
        publisher: node.get("publisher").and_then(|p| names(p, nodes)),
        published: text(node, "datePublished").or_else(|| text(node, "dateCreated")),
        url: text(node, "url").or_else(|| text(node, "mainEntityOfPage")),
        language: text(node, "inLanguage"),
    }
}
