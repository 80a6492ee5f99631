//! Markdown with YAML or TOML front matter: the front matter's fields
//! through the [`FieldMap`], the body as one paragraph per block with the
//! inline markup dropped.

use serde_json::Value;

use super::{line_of, malformed, metadata, FieldMap};
use crate::ingest::{IngestError, Metadata};

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
            .and_then(|mid| link_end(&after[mid + 2..]).map(|end| (mid, mid + 2 + end)))
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
    without_emphasis(&out.replace('`', ""))
}

/// The offset of the `)` that closes a link's address: parentheses inside
/// it must balance, as in `https://en.wikipedia.org/wiki/Karabakh_(region)`.
fn link_end(address: &str) -> Option<usize> {
    let mut depth = 0usize;
    for (i, c) in address.char_indices() {
        match c {
            '(' => depth += 1,
            ')' if depth == 0 => return Some(i),
            ')' => depth -= 1,
            '\n' => return None,
            _ => {}
        }
    }
    None
}

/// Drops emphasis marks: `**x**`, `__x__`, `*x*`, `_x_`. A mark opens only
/// before a non-space and closes only after one, so `5 * 3 * 2` keeps its
/// stars; underscores count only at word edges, so
/// `words_with_underscores` keep theirs (CommonMark's rules, simplified).
fn without_emphasis(text: &str) -> String {
    // `regex` has no back references, so each mark has its own branch.
    static MARKS: std::sync::OnceLock<[regex::Regex; 2]> = std::sync::OnceLock::new();
    let [stars, underscores] = MARKS.get_or_init(|| {
        let inner = |m: &str| format!("([^\\s{m}](?:[^{m}]*?[^\\s{m}])?)");
        [
            regex::Regex::new(&format!(r"\*\*{0}\*\*|\*{0}\*", inner(r"\*"))).unwrap(),
            regex::Regex::new(&format!(
                r"(^|[^\p{{L}}\p{{N}}_])(?:__{0}__|_{0}_)($|[^\p{{L}}\p{{N}}_])",
                inner("_")
            ))
            .unwrap(),
        ]
    });
    let inside = |c: &regex::Captures, at: usize| {
        c.get(at)
            .or(c.get(at + 1))
            .map_or("", |m| m.as_str())
            .to_string()
    };
    let mut text = stars
        .replace_all(text, |c: &regex::Captures| inside(c, 1))
        .into_owned();
    // A match takes the character after it, which may be the start of the
    // next one (`_a_ _b_`): repeat until nothing changes.
    loop {
        let next = underscores.replace_all(&text, |c: &regex::Captures| {
            format!("{}{}{}", &c[1], inside(c, 2), &c[4])
        });
        if next == text {
            return text;
        }
        text = next.into_owned();
    }
}
