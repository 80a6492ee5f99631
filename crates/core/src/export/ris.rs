//! The selection as RIS (`TY  - NEWS` … `ER  - `), CRLF line ends.

use super::bibtex::bibtex_key;
use super::names::parse_authors;
use super::{note, pick, web_url};
use crate::model::Article;

/// One RIS value: on one line, whitespace collapsed.
pub(crate) fn ris_value(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The selection as RIS (`TY  - NEWS` … `ER  - `, CRLF line ends): title,
/// authors (one `AU` each), outlet (`T2`), year, date (`DA  - YYYY/MM/DD/`,
/// empty parts for an unknown month or day), URL (http or https only),
/// language, and a note for a curated or estimated date.
pub fn to_ris(articles: &[Article], selection: &[usize]) -> String {
    let mut out = String::new();
    for a in pick(articles, selection) {
        let mut tags: Vec<(&str, String)> = vec![("TY", "NEWS".into()), ("ID", bibtex_key(&a.id))];
        tags.push(("TI", ris_value(&a.headline)));
        // One `AU` line per author, "Last, First" (a group as written).
        for author in a.author.iter().flat_map(|x| parse_authors(&x.value)) {
            tags.push(("AU", ris_value(&author.inverted())));
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
        // Only a web address: reference managers make `UR` a live link.
        if let Some(url) = web_url(a) {
            tags.push(("UR", ris_value(url)));
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

#[cfg(test)]
mod tests {
    use super::*;

    fn record(author: &str, url: &str) -> String {
        to_ris(&[super::super::article_by(author, url)], &[0])
    }

    #[test]
    fn each_author_has_an_au_line() {
        let text = record("John Smith and Jane Doe", "https://x.org/");
        assert!(
            text.contains("AU  - Smith, John\r\nAU  - Doe, Jane\r\n"),
            "{text}"
        );
        assert!(text.contains("UR  - https://x.org/\r\n"));
        assert!(record("By Associated Press", "").contains("AU  - Associated Press\r\n"));
    }

    #[test]
    fn a_script_address_is_not_a_ur_line() {
        for bad in ["javascript:alert(4)", "data:text/html,<script>"] {
            assert!(!record("Dave DeCamp", bad).contains("UR  -"));
        }
    }
}
