//! Export and cite: the current selection as CSV, JSONL, BibTeX, RIS or a
//! Markdown reading list, and a citation (APA or Chicago) for one article.
//!
//! Everything returns a `String`; the page turns it into a download (a Blob
//! URL, so it works from `file://`). A date that was curated or estimated,
//! not read in the article, is marked as such ("[date curated]") wherever
//! a reader sees it, so a citation never passes a guess off as a fact.
//!
//! Selections keep their order (the reader's sort); indices out of range
//! and repeats are skipped.

use serde::{Deserialize, Serialize};

use crate::date::{DatePrecision, PartialDate};
use crate::model::{Article, Fact, Provenance};

#[rustfmt::skip]
const MONTHS: [&str; 12] = [
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
];

/// The selected articles, in the given order, each once.
fn pick<'a>(articles: &'a [Article], selection: &[usize]) -> Vec<&'a Article> {
    let mut seen = std::collections::BTreeSet::new();
    selection
        .iter()
        .filter(|&&i| i < articles.len() && seen.insert(i))
        .map(|&i| &articles[i])
        .collect()
}

/// The reader's mark for a date not read in the article itself:
/// `[date curated]` (from the manifest) or `[date estimated]`; `None` for
/// a date stated in the text or the file's metadata.
pub fn date_mark(fact: &Fact<PartialDate>) -> Option<&'static str> {
    match fact.source {
        Provenance::Manifest => Some("[date curated]"),
        Provenance::Estimated => Some("[date estimated]"),
        Provenance::Text | Provenance::FrontMatter => None,
    }
}

fn source_name(p: Provenance) -> &'static str {
    match p {
        Provenance::Text => "text",
        Provenance::FrontMatter => "front_matter",
        Provenance::Manifest => "curated",
        Provenance::Estimated => "estimated",
    }
}

fn value(fact: &Option<Fact<String>>) -> &str {
    fact.as_ref().map_or("", |f| f.value.as_str())
}

/// The selection as CSV (RFC 4180: CRLF line ends, fields quoted when
/// needed, quotes doubled), one row per article, with a header row. Each
/// fact's source sits in the next column, so a curated date stays marked.
pub fn to_csv(articles: &[Article], selection: &[usize]) -> String {
    let mut w = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new());
    #[rustfmt::skip]
    let header = [
        "id", "headline", "outlet", "outlet_source", "author", "published", "published_source",
        "url", "language", "words", "source_file",
    ];
    // Writing into a Vec cannot fail.
    w.write_record(header).expect("write to memory");
    for a in pick(articles, selection) {
        let src = |f: Option<Provenance>| f.map_or("", source_name);
        let record = [
            a.id.clone(),
            a.headline.clone(),
            value(&a.outlet).to_string(),
            src(a.outlet.as_ref().map(|f| f.source)).to_string(),
            value(&a.author).to_string(),
            a.published
                .as_ref()
                .map_or(String::new(), |f| f.value.iso()),
            src(a.published.as_ref().map(|f| f.source)).to_string(),
            value(&a.url).to_string(),
            value(&a.language).to_string(),
            a.word_count().to_string(),
            a.source_file.clone(),
        ];
        w.write_record(&record).expect("write to memory");
    }
    let bytes = w.into_inner().expect("flush to memory");
    String::from_utf8(bytes).expect("CSV of UTF-8 fields is UTF-8")
}

/// The selection as JSON Lines: each article as the bundle stores it, one
/// per line.
pub fn to_jsonl(articles: &[Article], selection: &[usize]) -> String {
    pick(articles, selection)
        .into_iter()
        .map(|a| serde_json::to_string(a).expect("articles serialise") + "\n")
        .collect()
}

/// Escapes text for a braced BibTeX field: `\ { } % & $ # _ ~ ^` become
/// LaTeX commands; Unicode is kept (biber and BibTeX 8-bit read it).
pub fn bibtex_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .chars()
    {
        match c {
            '\\' => out.push_str("\\textbackslash{}"),
            '~' => out.push_str("\\textasciitilde{}"),
            '^' => out.push_str("\\textasciicircum{}"),
            '{' | '}' | '%' | '&' | '$' | '#' | '_' => {
                out.push('\\');
                out.push(c);
            }
            c => out.push(c),
        }
    }
    out
}

/// An entry key from an id: ASCII letters, digits, `-` and `_` only.
fn bibtex_key(id: &str) -> String {
    let key: String = id
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' {
                c
            } else {
                '_'
            }
        })
        .collect();
    if key.is_empty() {
        "article".into()
    } else {
        key
    }
}

/// "Dave DeCamp" → ("DeCamp", "Dave"); one word → (word, "").
fn split_name(name: &str) -> (String, String) {
    let words: Vec<&str> = name.split_whitespace().collect();
    match words.split_last() {
        Some((last, first)) => (last.to_string(), first.join(" ")),
        None => (String::new(), String::new()),
    }
}

fn note(a: &Article) -> Option<String> {
    let p = a.published.as_ref()?;
    let mark = date_mark(p)?;
    let why = p
        .note
        .as_deref()
        .map(|n| format!(": {n}"))
        .unwrap_or_default();
    Some(format!("{} {mark}{why}", p.value))
}

/// The selection as BibTeX: `@article` (journal = outlet) when outlet and
/// year are known, else `@misc`. A curated or estimated date is explained
/// in `note`.
pub fn to_bibtex(articles: &[Article], selection: &[usize]) -> String {
    let mut out = String::new();
    for a in pick(articles, selection) {
        let date = a.published.as_ref().map(|f| f.value);
        let kind = if a.outlet.is_some() && date.is_some() {
            "article"
        } else {
            "misc"
        };
        let mut fields: Vec<(&str, String)> =
            vec![("title", format!("{{{}}}", bibtex_escape(&a.headline)))];
        if let Some(author) = &a.author {
            let (last, first) = split_name(&author.value);
            let name = if first.is_empty() {
                last
            } else {
                format!("{last}, {first}")
            };
            fields.push(("author", bibtex_escape(&name)));
        }
        if let Some(outlet) = &a.outlet {
            let field = if kind == "article" {
                "journal"
            } else {
                "howpublished"
            };
            fields.push((field, bibtex_escape(&outlet.value)));
        }
        if let Some(d) = date {
            fields.push(("year", d.year_number().to_string()));
            if let Some(m) = d.month_number() {
                fields.push(("month", m.to_string()));
            }
            fields.push(("date", d.iso()));
        }
        if let Some(url) = &a.url {
            fields.push(("url", bibtex_escape(&url.value)));
        }
        if let Some(lang) = &a.language {
            fields.push(("language", bibtex_escape(&lang.value)));
        }
        if let Some(n) = note(a) {
            fields.push(("note", bibtex_escape(&n)));
        }
        out.push_str(&format!("@{kind}{{{},\n", bibtex_key(&a.id)));
        for (name, v) in fields {
            out.push_str(&format!("  {name} = {{{v}}},\n"));
        }
        out.push_str("}\n\n");
    }
    out
}

/// One RIS value: on one line, whitespace collapsed.
fn ris_value(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The selection as RIS (`TY  - NEWS` … `ER  - `, CRLF line ends): title,
/// author, outlet (`T2`), year, date (`DA  - YYYY/MM/DD/`, empty parts
/// for an unknown month or day), URL, language, and a note for a curated
/// or estimated date.
pub fn to_ris(articles: &[Article], selection: &[usize]) -> String {
    let mut out = String::new();
    for a in pick(articles, selection) {
        let mut tags: Vec<(&str, String)> = vec![("TY", "NEWS".into()), ("ID", bibtex_key(&a.id))];
        tags.push(("TI", ris_value(&a.headline)));
        if let Some(author) = &a.author {
            let (last, first) = split_name(&author.value);
            tags.push((
                "AU",
                if first.is_empty() {
                    last
                } else {
                    format!("{last}, {first}")
                },
            ));
        }
        if let Some(outlet) = &a.outlet {
            tags.push(("T2", ris_value(&outlet.value)));
        }
        if let Some(d) = a.published.as_ref().map(|f| f.value) {
            tags.push(("PY", format!("{:04}", d.year_number())));
            let part = |x: Option<u8>| x.map_or(String::new(), |x| format!("{x:02}"));
            let da = format!(
                "{:04}/{}/{}/",
                d.year_number(),
                part(d.month_number()),
                part(d.day_number())
            );
            tags.push(("DA", da));
        }
        if let Some(url) = &a.url {
            tags.push(("UR", ris_value(&url.value)));
        }
        if let Some(lang) = &a.language {
            tags.push(("LA", ris_value(&lang.value)));
        }
        if let Some(n) = note(a) {
            tags.push(("N1", ris_value(&n)));
        }
        for (tag, v) in tags {
            out.push_str(&format!("{tag}  - {v}\r\n"));
        }
        out.push_str("ER  - \r\n");
    }
    out
}

/// Escapes Markdown's special characters so a headline reads as text.
pub fn markdown_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in ris_value(text).chars() {
        if "\\`*_{}[]()<>#+-.!|~".contains(c) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

fn markdown_url(url: &str) -> String {
    url.replace(' ', "%20")
        .replace('(', "%28")
        .replace(')', "%29")
        .replace('<', "%3C")
        .replace('>', "%3E")
}

/// The date as a reader reads it, with its mark ("October 2021 [date
/// curated]").
fn shown_date(fact: &Fact<PartialDate>) -> String {
    match date_mark(fact) {
        Some(mark) => format!("{} {mark}", fact.value),
        None => fact.value.to_string(),
    }
}

/// The selection as a Markdown reading list: a numbered list of linked
/// headlines with outlet, author and date.
pub fn reading_list(articles: &[Article], selection: &[usize], title: &str) -> String {
    let mut out = format!("# {}\n\n", markdown_escape(title));
    for (n, a) in pick(articles, selection).into_iter().enumerate() {
        let headline = markdown_escape(&a.headline);
        let linked = match &a.url {
            Some(u) => format!("[{headline}]({})", markdown_url(&u.value)),
            None => headline,
        };
        let mut facts: Vec<String> = Vec::new();
        facts.extend(
            a.outlet
                .as_ref()
                .map(|o| format!("*{}*", markdown_escape(&o.value))),
        );
        facts.extend(a.author.as_ref().map(|x| markdown_escape(&x.value)));
        facts.push(a.published.as_ref().map_or("undated".into(), shown_date));
        out.push_str(&format!("{}. **{linked}** — {}\n", n + 1, facts.join(", ")));
    }
    out
}

/// A citation style.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CitationStyle {
    /// APA, 7th edition (news article).
    Apa,
    /// Chicago, 17th edition, bibliography entry.
    Chicago,
}

/// A citation, as plain text (for the clipboard) and as Markdown (with the
/// outlet in italics).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Citation {
    /// Without formatting.
    pub plain: String,
    /// With the outlet in `*italics*`.
    pub markdown: String,
}

/// "Dave DeCamp" → "DeCamp, D."; "Jean Paul Sartre" → "Sartre, J. P.".
fn apa_author(name: &str) -> String {
    let (last, first) = split_name(name);
    let initials: Vec<String> = first
        .split_whitespace()
        .filter_map(|w| w.chars().next())
        .map(|c| format!("{c}."))
        .collect();
    if initials.is_empty() {
        last
    } else {
        format!("{last}, {}", initials.join(" "))
    }
}

fn apa_date(fact: Option<&Fact<PartialDate>>) -> String {
    let Some(f) = fact else {
        return "(n.d.)".into();
    };
    let d = f.value;
    let month = |m: u8| MONTHS[usize::from(m - 1)];
    let text = match (d.month_number(), d.day_number()) {
        (Some(m), Some(day)) => format!("{}, {} {day}", d.year_number(), month(m)),
        (Some(m), None) => format!("{}, {}", d.year_number(), month(m)),
        _ => d.year_number().to_string(),
    };
    match date_mark(f) {
        Some(mark) => format!("({text} {mark})"),
        None => format!("({text})"),
    }
}

fn chicago_date(fact: Option<&Fact<PartialDate>>) -> String {
    let Some(f) = fact else { return "n.d.".into() };
    let d = f.value;
    let month = |m: u8| MONTHS[usize::from(m - 1)];
    let text = match (d.precision(), d.month_number(), d.day_number()) {
        (DatePrecision::Day, Some(m), Some(day)) => {
            format!("{} {day}, {}", month(m), d.year_number())
        }
        (_, Some(m), _) => format!("{} {}", month(m), d.year_number()),
        _ => d.year_number().to_string(),
    };
    match date_mark(f) {
        Some(mark) => format!("{text} {mark}"),
        None => text,
    }
}

/// A citation of one article in `style`. A curated or estimated date
/// carries its mark; a missing author, outlet or date is left out (or
/// "n.d."), never invented.
pub fn cite(article: &Article, style: CitationStyle) -> Citation {
    let title = article.headline.trim().trim_end_matches('.');
    let date = article.published.as_ref();
    let author = article.author.as_ref().map(|a| a.value.as_str());
    // (text before the outlet, outlet, text after it); only the outlet is
    // formatted (italics).
    let (before, after) = match style {
        CitationStyle::Apa => {
            let before = match author {
                Some(a) => format!("{} {}. {title}.", apa_author(a), apa_date(date)),
                None => format!("{title}. {}.", apa_date(date)),
            };
            (before, ".".to_string())
        }
        CitationStyle::Chicago => {
            let name = author.map(|a| match split_name(a) {
                (last, first) if first.is_empty() => format!("{last}. "),
                (last, first) => format!("{last}, {first}. "),
            });
            let before = format!("{}“{title}.”", name.unwrap_or_default());
            let d = chicago_date(date);
            let end = if d.ends_with('.') { "" } else { "." };
            (before, format!(", {d}{end}"))
        }
    };
    let (mut plain, mut markdown) = (before.clone(), before);
    match article.outlet.as_ref().map(|o| o.value.as_str()) {
        Some(o) => {
            plain.push_str(&format!(" {o}{after}"));
            markdown.push_str(&format!(" *{o}*{after}"));
        }
        None if style == CitationStyle::Chicago => {
            let bare = after.trim_start_matches(',');
            plain.push_str(bare);
            markdown.push_str(bare);
        }
        None => {}
    }
    if let Some(u) = &article.url {
        plain.push_str(&format!(" {}", u.value));
        markdown.push_str(&format!(" <{}>", u.value));
    }
    Citation { plain, markdown }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_from_the_text_are_not_marked() {
        let d = PartialDate::day(2021, 9, 8).unwrap();
        assert_eq!(date_mark(&Fact::new(d, Provenance::Text)), None);
        assert_eq!(
            date_mark(&Fact::new(d, Provenance::Estimated)),
            Some("[date estimated]")
        );
        assert_eq!(
            apa_date(Some(&Fact::new(d, Provenance::Text))),
            "(2021, September 8)"
        );
        assert_eq!(
            chicago_date(Some(&Fact::new(d, Provenance::Text))),
            "September 8, 2021"
        );
        assert_eq!(apa_author("Jean Paul Sartre"), "Sartre, J. P.");
    }
}
