//! Input formats other than plain text: Markdown with YAML or TOML front
//! matter, saved HTML pages, JSON arrays, JSON Lines and CSV. Each becomes
//! the same thing: metadata (recorded as [`Provenance::FrontMatter`]) and a
//! plain text with one paragraph per line, which the text rules then read.
//!
//! Structured records find their fields through a [`FieldMap`] (sensible
//! defaults, configurable in the manifest's `[fields]` table).
//!
//! [`Provenance::FrontMatter`]: crate::model::Provenance::FrontMatter

use serde::Deserialize;
use serde_json::{Map, Value};

use super::{IngestError, Metadata};

/// Which field names of a record (JSON, CSV, front matter) hold which
/// article field. Names are matched case-insensitively, first one present
/// wins.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct FieldMap {
    /// The article's id (else the file name and record number).
    pub id: Vec<String>,
    /// The headline.
    pub title: Vec<String>,
    /// The text (a string, or an array of paragraphs).
    pub body: Vec<String>,
    /// The standfirst.
    pub dek: Vec<String>,
    /// The publication date.
    pub date: Vec<String>,
    /// The outlet.
    pub outlet: Vec<String>,
    /// The author(s).
    pub author: Vec<String>,
    /// The URL.
    pub url: Vec<String>,
    /// The language code.
    pub language: Vec<String>,
}

fn names(list: &[&str]) -> Vec<String> {
    list.iter().map(|s| s.to_string()).collect()
}

impl Default for FieldMap {
    fn default() -> Self {
        FieldMap {
            id: names(&["id"]),
            title: names(&["title", "headline"]),
            body: names(&["body", "text", "content"]),
            dek: names(&["dek", "standfirst", "subtitle", "description", "summary"]),
            date: names(&[
                "date",
                "published",
                "published_at",
                "publication_date",
                "pubdate",
                "datePublished",
            ]),
            outlet: names(&["source", "outlet", "publication", "publisher", "site_name"]),
            author: names(&["author", "authors", "byline"]),
            url: names(&["url", "link", "canonical_url"]),
            language: names(&["language", "lang"]),
        }
    }
}

/// One article of a structured file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Record {
    /// The line (1-based) the record starts on.
    pub line: usize,
    /// The record's own id, if it has one.
    pub id: Option<String>,
    /// The text, one paragraph per line.
    pub body: String,
    /// Its metadata.
    pub meta: Metadata,
}

/// A value as text: strings as they are, numbers written out, arrays of
/// names joined with ", ", objects by their `name` (or `@value`, or a TOML
/// date).
fn as_text(value: &Value) -> Option<String> {
    match value {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        Value::Bool(b) => Some(b.to_string()),
        Value::Array(items) => {
            let parts: Vec<String> = items.iter().filter_map(as_text).collect();
            (!parts.is_empty()).then(|| parts.join(", "))
        }
        Value::Object(map) => ["name", "@value", "$__toml_private_datetime", "value"]
            .iter()
            .find_map(|k| map.get(*k))
            .and_then(as_text),
        Value::Null => None,
    }
}

fn field<'v>(map: &'v Map<String, Value>, names: &[String]) -> Option<&'v Value> {
    names.iter().find_map(|name| {
        map.iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v)
            .filter(|v| !v.is_null())
    })
}

fn text_field(map: &Map<String, Value>, names: &[String]) -> Option<String> {
    field(map, names)
        .and_then(as_text)
        .filter(|s| !s.trim().is_empty())
}

/// The metadata a map of fields gives.
pub fn metadata(map: &Map<String, Value>, fields: &FieldMap) -> Metadata {
    Metadata {
        headline: text_field(map, &fields.title),
        dek: text_field(map, &fields.dek),
        outlet: text_field(map, &fields.outlet),
        author: text_field(map, &fields.author),
        published: text_field(map, &fields.date),
        url: text_field(map, &fields.url),
        language: text_field(map, &fields.language),
    }
}

/// A record's body: a string, or an array of paragraphs (one per line).
fn body(map: &Map<String, Value>, fields: &FieldMap) -> Option<String> {
    match field(map, &fields.body)? {
        Value::Array(items) => {
            let parts: Vec<String> = items.iter().filter_map(as_text).collect();
            Some(parts.join("\n\n"))
        }
        other => as_text(other),
    }
    .filter(|s| !s.trim().is_empty())
}

fn record(
    map: &Map<String, Value>,
    line: usize,
    file: &str,
    fields: &FieldMap,
) -> Result<Record, IngestError> {
    let meta = metadata(map, fields);
    let missing = |field: &str| IngestError::MissingField {
        file: file.to_string(),
        line,
        field: field.to_string(),
    };
    if meta.headline.is_none() {
        return Err(missing(
            fields.title.first().map_or("title", String::as_str),
        ));
    }
    let body = body(map, fields)
        .ok_or_else(|| missing(fields.body.first().map_or("body", String::as_str)))?;
    Ok(Record {
        line,
        id: text_field(map, &fields.id),
        body,
        meta,
    })
}

fn malformed(file: &str, line: usize, message: impl Into<String>) -> IngestError {
    IngestError::Malformed {
        file: file.to_string(),
        line,
        message: message.into(),
    }
}

/// The byte offsets where the elements of a top-level JSON array start.
fn array_element_starts(text: &str) -> Vec<usize> {
    let mut starts = Vec::new();
    let (mut depth, mut in_string, mut escaped, mut expecting) = (0usize, false, false, false);
    for (i, b) in text.bytes().enumerate() {
        if in_string {
            match (escaped, b) {
                (true, _) => escaped = false,
                (false, b'\\') => escaped = true,
                (false, b'"') => in_string = false,
                _ => {}
            }
            continue;
        }
        if expecting && !b.is_ascii_whitespace() && b != b']' {
            starts.push(i);
            expecting = false;
        }
        match b {
            b'"' => in_string = true,
            b'[' | b'{' => {
                depth += 1;
                if depth == 1 && b == b'[' {
                    expecting = true;
                }
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            b',' if depth == 1 => expecting = true,
            _ => {}
        }
    }
    starts
}

fn line_of(text: &str, offset: usize) -> usize {
    text.as_bytes()[..offset.min(text.len())]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
        + 1
}

/// A JSON file: an array of article objects (or one object).
pub fn json(
    text: &str,
    file: &str,
    fields: &FieldMap,
) -> Result<Vec<Result<Record, IngestError>>, IngestError> {
    let value: Value = serde_json::from_str(text)
        .map_err(|e| malformed(file, e.line(), format!("not valid JSON: {e}")))?;
    match value {
        Value::Array(items) => {
            let starts = array_element_starts(text);
            Ok(items
                .iter()
                .enumerate()
                .map(|(i, item)| {
                    let line = starts.get(i).map_or(1, |&o| line_of(text, o));
                    match item {
                        Value::Object(map) => record(map, line, file, fields),
                        _ => Err(malformed(file, line, "an array element is not an object")),
                    }
                })
                .collect())
        }
        Value::Object(map) => Ok(vec![record(&map, 1, file, fields)]),
        _ => Err(malformed(file, 1, "expected an array of objects")),
    }
}

/// A JSON Lines file: one article object per non-empty line.
pub fn jsonl(
    text: &str,
    file: &str,
    fields: &FieldMap,
) -> Result<Vec<Result<Record, IngestError>>, IngestError> {
    Ok(text
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(i, l)| match serde_json::from_str::<Value>(l) {
            Ok(Value::Object(map)) => record(&map, i + 1, file, fields),
            Ok(_) => Err(malformed(file, i + 1, "the line is not a JSON object")),
            Err(e) => Err(malformed(file, i + 1, format!("not valid JSON: {e}"))),
        })
        .collect())
}

/// A CSV file with a header row naming the fields.
pub fn csv(
    text: &str,
    file: &str,
    fields: &FieldMap,
) -> Result<Vec<Result<Record, IngestError>>, IngestError> {
    let mut reader = ::csv::ReaderBuilder::new()
        .flexible(false)
        .from_reader(text.as_bytes());
    let headers = reader
        .headers()
        .map_err(|e| malformed(file, 1, format!("cannot read the header row: {e}")))?
        .clone();
    if field(
        &headers
            .iter()
            .map(|h| (h.trim().to_string(), Value::Bool(true)))
            .collect(),
        &fields.title,
    )
    .is_none()
    {
        return Err(malformed(
            file,
            1,
            format!(
                "the header row has no title column (one of {})",
                fields.title.join(", ")
            ),
        ));
    }
    let mut out = Vec::new();
    for row in reader.records() {
        match row {
            Ok(row) => {
                let line = row.position().map_or(0, |p| p.line() as usize);
                let map: Map<String, Value> = headers
                    .iter()
                    .zip(row.iter())
                    .map(|(h, v)| (h.trim().to_string(), Value::String(v.to_string())))
                    .collect();
                out.push(record(&map, line, file, fields));
            }
            Err(e) => {
                let line = e.position().map_or(0, |p| p.line() as usize);
                out.push(Err(malformed(file, line, format!("bad CSV row: {e}"))));
            }
        }
    }
    Ok(out)
}

/// A Markdown file, with optional YAML (`---`) or TOML (`+++`) front
/// matter. Returns the metadata and the text (headline first when the front
/// matter has none: the first `#` heading or line), one paragraph per line.
pub fn markdown(
    text: &str,
    file: &str,
    fields: &FieldMap,
) -> Result<(Metadata, String), IngestError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let (meta, body) = split_front_matter(text, file, fields)?;
    let mut out = String::new();
    let mut paragraph: Vec<String> = Vec::new();
    let flush = |paragraph: &mut Vec<String>, out: &mut String| {
        if !paragraph.is_empty() {
            out.push_str(&paragraph.join(" "));
            out.push_str("\n\n");
            paragraph.clear();
        }
    };
    let mut in_code = false;
    for line in body.lines() {
        let t = line.trim();
        if t.starts_with("```") || t.starts_with("~~~") {
            in_code = !in_code;
            flush(&mut paragraph, &mut out);
            continue;
        }
        if in_code {
            continue;
        }
        if t.is_empty() || t.chars().all(|c| matches!(c, '-' | '*' | '_' | '=')) && t.len() >= 3 {
            flush(&mut paragraph, &mut out);
            continue;
        }
        let heading = t.starts_with('#');
        let item = t.starts_with("- ") || t.starts_with("* ") || t.starts_with("+ ");
        let stripped = t.trim_start_matches('#').trim_start_matches('>').trim();
        let stripped = if item { &stripped[2..] } else { stripped };
        if heading || item {
            flush(&mut paragraph, &mut out);
            paragraph.push(inline(stripped));
            flush(&mut paragraph, &mut out);
        } else {
            paragraph.push(inline(stripped));
        }
    }
    flush(&mut paragraph, &mut out);
    Ok((meta, out))
}

fn split_front_matter<'t>(
    text: &'t str,
    file: &str,
    fields: &FieldMap,
) -> Result<(Metadata, &'t str), IngestError> {
    for (fence, yaml) in [("---", true), ("+++", false)] {
        let Some(rest) = text
            .strip_prefix(fence)
            .filter(|r| r.starts_with('\n') || r.starts_with("\r\n"))
        else {
            continue;
        };
        let close = format!("\n{fence}");
        let Some(end) = rest.find(&close) else {
            return Err(malformed(
                file,
                1,
                format!("the front matter opened with {fence} is never closed"),
            ));
        };
        let front = &rest[..end];
        let after = &rest[end + close.len()..];
        let body = after.split_once('\n').map_or("", |(_, b)| b);
        let value: Value = if yaml {
            let v: serde_yaml_ng::Value = serde_yaml_ng::from_str(front).map_err(|e| {
                // `front` starts with the fence line's end, so its lines are the file's.
                let line = e.location().map_or(1, |l| l.line());
                malformed(file, line, format!("bad YAML front matter: {e}"))
            })?;
            serde_json::to_value(v)
                .map_err(|e| malformed(file, 2, format!("bad YAML front matter: {e}")))?
        } else {
            let v: toml::Table = toml::from_str(front).map_err(|e| {
                let line = e.span().map_or(1, |s| line_of(front, s.start));
                malformed(
                    file,
                    line,
                    format!("bad TOML front matter: {}", e.message()),
                )
            })?;
            serde_json::to_value(v)
                .map_err(|e| malformed(file, 2, format!("bad TOML front matter: {e}")))?
        };
        let meta = match &value {
            Value::Object(map) => metadata(map, fields),
            Value::Null => Metadata::default(),
            _ => {
                return Err(malformed(
                    file,
                    2,
                    "the front matter is not a table of fields",
                ))
            }
        };
        return Ok((meta, body));
    }
    Ok((Metadata::default(), text))
}

/// Inline Markdown to plain text: links and images keep their words,
/// emphasis and code marks go.
fn inline(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(open) = rest.find('[') {
        let (before, after) = rest.split_at(open);
        out.push_str(before.strip_suffix('!').unwrap_or(before));
        match after
            .find("](")
            .and_then(|mid| after[mid..].find(')').map(|close| (mid, mid + close)))
        {
            Some((mid, close)) if !after[1..mid].contains('[') => {
                out.push_str(&after[1..mid]);
                rest = &after[close + 1..];
            }
            _ => {
                out.push('[');
                rest = &after[1..];
            }
        }
    }
    out.push_str(rest);
    out.replace("**", "").replace("__", "").replace('`', "")
}

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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_records_map_default_fields_and_name_their_lines() {
        let text = "[\n {\"headline\": \"A\", \"text\": [\"One.\", \"Two.\"], \"published\": \"2021-09-08\", \"source\": {\"name\": \"X\"}},\n {\"title\": \"B\"}\n]";
        let records = json(text, "f.json", &FieldMap::default()).unwrap();
        let a = records[0].as_ref().unwrap();
        assert_eq!(
            (a.line, a.meta.headline.as_deref(), a.body.as_str()),
            (2, Some("A"), "One.\n\nTwo.")
        );
        assert_eq!(a.meta.outlet.as_deref(), Some("X"));
        assert_eq!(
            records[1].as_ref().unwrap_err().to_string(),
            "f.json:3: the record has no body"
        );
        let err = json("[{\"title\": ", "f.json", &FieldMap::default()).unwrap_err();
        assert!(
            err.to_string().starts_with("f.json:1: not valid JSON"),
            "{err}"
        );
    }

    #[test]
    fn jsonl_and_csv_records() {
        let recs = jsonl(
            "{\"title\":\"A\",\"body\":\"x\"}\n\nnot json\n",
            "f.jsonl",
            &FieldMap::default(),
        )
        .unwrap();
        assert!(recs[0].is_ok());
        assert!(recs[1]
            .as_ref()
            .unwrap_err()
            .to_string()
            .starts_with("f.jsonl:3: not valid JSON"));
        let csv_text =
            "Title,Content,Date,Outlet\nA,\"Line one.\nLine two.\",2021-10,X\nB,,2021,Y\n";
        let recs = csv(csv_text, "f.csv", &FieldMap::default()).unwrap();
        let a = recs[0].as_ref().unwrap();
        assert_eq!((a.line, a.meta.published.as_deref()), (2, Some("2021-10")));
        assert_eq!(
            recs[1].as_ref().unwrap_err().to_string(),
            "f.csv:4: the record has no body"
        );
        assert!(csv("x,y\n1,2\n", "f.csv", &FieldMap::default())
            .unwrap_err()
            .to_string()
            .contains("no title column"));
    }

    #[test]
    fn markdown_with_yaml_and_toml_front_matter() {
        let md = "---\ntitle: A title\nauthor: Jane Roe\ndate: 2021-09-08\n---\nFirst line\nwraps here with a [link](http://x).\n\n## Sub\n\n- item\n";
        let (meta, body) = markdown(md, "a.md", &FieldMap::default()).unwrap();
        assert_eq!(
            (meta.headline.as_deref(), meta.author.as_deref()),
            (Some("A title"), Some("Jane Roe"))
        );
        assert_eq!(meta.published.as_deref(), Some("2021-09-08"));
        assert_eq!(
            body,
            "First line wraps here with a link.\n\nSub\n\nitem\n\n"
        );
        let md = "+++\ntitle = \"T\"\ndate = 2021-09-08\n+++\n# Heading\n\nText.\n";
        let (meta, body) = markdown(md, "a.md", &FieldMap::default()).unwrap();
        assert_eq!(
            (meta.headline.as_deref(), meta.published.as_deref()),
            (Some("T"), Some("2021-09-08"))
        );
        assert!(body.starts_with("Heading\n\nText."));
        let err = markdown("---\ntitle: [\n---\nx", "a.md", &FieldMap::default()).unwrap_err();
        assert!(err.to_string().starts_with("a.md:"), "{err}");
        assert!(markdown("---\ntitle: x\n", "a.md", &FieldMap::default())
            .unwrap_err()
            .to_string()
            .contains("never closed"));
    }

    #[test]
    fn html_main_text_and_metadata() {
        let page = r#"<!doctype html><html lang="en"><head><title>Site | Headline here</title>
            <meta property="og:title" content="Headline here">
            <meta property="og:site_name" content="Example News">
            <meta name="author" content="Jane Roe">
            <meta property="article:published_time" content="2021-09-08T10:00:00Z">
            </head><body><nav><a href="/">Home</a><a href="/world">World</a></nav>
            <article><h1>Headline here</h1>
            <p>Azerbaijan and Turkey held joint military exercises near Lachin this week, the ministry said, in a sign of closer ties between the two countries.</p>
            <p>The drills, which involved several hundred troops, come a year after the war in Nagorno-Karabakh ended with a ceasefire brokered by Russia.</p>
            <p>Officials in Ankara said further exercises were planned for the autumn, and that cooperation would extend to training and equipment.</p>
            </article><footer><p>Copyright Example News</p></footer></body></html>"#;
        let (meta, body) = html(page, "a.html").unwrap();
        assert_eq!(meta.headline.as_deref(), Some("Headline here"));
        assert_eq!(meta.outlet.as_deref(), Some("Example News"));
        assert_eq!(meta.author.as_deref(), Some("Jane Roe"));
        assert!(meta.published.as_deref().unwrap().starts_with("2021-09-08"));
        assert!(body.starts_with("Azerbaijan and Turkey"), "{body}");
        assert!(
            !body.contains("Home") && !body.contains("Copyright"),
            "{body}"
        );
    }
}
