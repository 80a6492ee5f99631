//! The selection as RIS (`TY  - NEWS` … `ER  - `), CRLF line ends.

use super::bibtex::bibtex_key;
use super::{note, pick, split_name};
use crate::model::Article;

/// One RIS value: on one line, whitespace collapsed.
pub(crate) fn ris_value(text: &str) -> String {
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
