//! The selection as tables: CSV (one row per article) and JSON Lines (each
//! article as the bundle stores it).

use super::{pick, source_name, value};
use crate::model::{Article, Provenance};

/// The selection as CSV (RFC 4180: CRLF line ends, fields quoted when
/// needed, quotes doubled), one row per article, with a header row. Each
/// fact's source sits in the next column, so a curated date stays marked.
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
