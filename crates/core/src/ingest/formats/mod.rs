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

/// The field separator of a CSV file: whichever of `,`, `;` and tab its
/// header row has most of, outside quotes (spreadsheets in locales with a
/// decimal comma write `;`). A comma when there is none, as for a
/// one-column file.
fn delimiter(text: &str) -> u8 {
    let header = text
        .trim_start_matches('\u{feff}')
        .lines()
        .next()
        .unwrap_or("");
    let mut counts = [(b',', 0), (b';', 0), (b'\t', 0)];
    let mut quoted = false;
    for b in header.bytes() {
        if b == b'"' {
            quoted = !quoted;
        } else if !quoted {
            if let Some(c) = counts.iter_mut().find(|(d, _)| *d == b) {
                c.1 += 1;
            }
        }
    }
    // On a tie the earlier (the comma) wins.
    counts
        .iter()
        .fold((b',', 0), |best, &c| if c.1 > best.1 { c } else { best })
        .0
}

/// A CSV file with a header row naming the fields, separated by commas,
/// semicolons or tabs (see [`delimiter`]).
pub fn csv(
    text: &str,
    file: &str,
    fields: &FieldMap,
) -> Result<Vec<Result<Record, IngestError>>, IngestError> {
    let mut reader = ::csv::ReaderBuilder::new()
        .flexible(false)
        .delimiter(delimiter(text))
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

mod front_matter;
mod web_page;

pub use front_matter::markdown;
pub use web_page::{html, page, WebPage};

#[cfg(test)]
mod tests;
