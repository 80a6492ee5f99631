//! The selection as tables: CSV (one row per article) and JSON Lines (each
//! article as the bundle stores it).

use super::{pick, source_name, value};
use crate::model::{Article, Provenance};

/// A text cell that a spreadsheet would run as a formula (it starts with
/// `=`, `+`, `-`, `@`, a tab or a carriage return) gets a leading `'`, the
/// OWASP rule against CSV injection: the cell then shows as text, and the
/// quote is visible, so nothing is silently changed.
pub(crate) fn inert_cell(text: &str) -> String {
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text.to_string()
    }
}

/// The selection as CSV (RFC 4180: CRLF line ends, fields quoted when
/// needed, quotes doubled), one row per article, with a header row. Each
/// fact's source sits in the next column, so a curated date stays marked.
///
/// Cells copied from the article file (id, headline, outlet, author, url,
/// language, source file) pass through [`inert_cell`]; the cells this code
/// writes itself (the sources, the ISO date, the word count) cannot start
/// a formula and stay as they are, so `words` still sorts as a number.
pub fn to_csv(articles: &[Article], selection: &[usize]) -> String {
    let mut w = ::csv::WriterBuilder::new()
        .terminator(::csv::Terminator::CRLF)
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
            inert_cell(&a.id),
            inert_cell(&a.headline),
            inert_cell(value(&a.outlet)),
            src(a.outlet.as_ref().map(|f| f.source)).to_string(),
            inert_cell(value(&a.author)),
            a.published
                .as_ref()
                .map_or(String::new(), |f| f.value.iso()),
            src(a.published.as_ref().map(|f| f.source)).to_string(),
            inert_cell(value(&a.url)),
            inert_cell(value(&a.language)),
            a.word_count().to_string(),
            inert_cell(&a.source_file),
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Fact;

    #[test]
    fn formulas_are_written_as_text() {
        let a = Article {
            id: "-x".into(),
            headline: "=HYPERLINK(\"http://evil.example\",\"click\")".into(),
            outlet: Some(Fact::new("+Evil".into(), Provenance::FrontMatter)),
            author: Some(Fact::new("@SUM(A1)".into(), Provenance::Text)),
            url: Some(Fact::new("\t=1".into(), Provenance::Text)),
            language: Some(Fact::new("\r=1".into(), Provenance::Text)),
            source_file: "=cmd|' /C calc'!A0".into(),
            ..Default::default()
        };
        let text = to_csv(&[a], &[0]);
        let mut reader = ::csv::Reader::from_reader(text.as_bytes());
        let row = reader.records().next().unwrap().unwrap();
        assert_eq!(&row[0], "'-x");
        assert_eq!(&row[1], "'=HYPERLINK(\"http://evil.example\",\"click\")");
        assert_eq!(&row[2], "'+Evil");
        assert_eq!(&row[3], "front_matter");
        assert_eq!(&row[4], "'@SUM(A1)");
        assert_eq!(&row[7], "'\t=1");
        assert_eq!(&row[8], "'\r=1");
        assert_eq!(&row[9], "0", "the word count stays a number");
        assert_eq!(&row[10], "'=cmd|' /C calc'!A0");
    }

    #[test]
    fn ordinary_text_is_unchanged() {
        for text in ["Talks resume", "", "a=b", "100% sure", "'quoted'"] {
            assert_eq!(inert_cell(text), text);
        }
    }
}
