//! Exported files parse back: CSV through the csv crate, BibTeX and RIS
//! through strict structural checks written here; citations mark curated
//! dates; special characters are escaped.

use dossier_core::export::{self, CitationStyle};
use dossier_core::model::{Fact, Paragraph, Provenance};
use dossier_core::{Article, PartialDate};

fn tricky() -> Vec<Article> {
    vec![
        Article {
            id: "a-1".into(),
            source_file: "a 1.txt".into(),
            headline: "“Quotes”, commas, \"doubled\" & 100% {braces} #_$~^\\".into(),
            paragraphs: vec![Paragraph::body("one two\nthree")],
            author: Some(Fact::new("Dave DeCamp".into(), Provenance::Text)),
            outlet: Some(Fact::new("Antiwar.com".into(), Provenance::Text)),
            published: Some(Fact::new(
                PartialDate::month(2024, 3).unwrap(),
                Provenance::Manifest,
            )),
            url: Some(Fact::new(
                "https://example.org/a (1)".into(),
                Provenance::Text,
            )),
            ..Default::default()
        },
        Article {
            id: "b".into(),
            headline: "Line\nbreak, and *stars*".into(),
            ..Default::default()
        },
    ]
}

#[test]
fn csv_parses_back_with_the_csv_crate() {
    let articles = tricky();
    let text = export::to_csv(&articles, &[0, 1, 0, 9]);
    assert!(text.contains("\r\n"));
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let header = reader.headers().unwrap().clone();
    assert_eq!(&header[1], "headline");
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 2, "repeats and out-of-range indices skipped");
    assert_eq!(&rows[0][1], articles[0].headline);
    assert_eq!(&rows[0][5], "2024-03");
    assert_eq!(&rows[0][6], "curated");
    assert_eq!(&rows[0][9], "3");
    assert_eq!(&rows[1][1], "Line\nbreak, and *stars*");
}

#[test]
fn jsonl_is_one_article_per_line() {
    let articles = tricky();
    let text = export::to_jsonl(&articles, &[1, 0]);
    let back: Vec<Article> = text
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(back, [articles[1].clone(), articles[0].clone()]);
}

/// A BibTeX entry: type, key, fields.
type Entry = (String, String, Vec<(String, String)>);

/// A strict BibTeX check: entries `@type{key,` … `}`, braces balanced
/// (escaped `\{` `\}` aside), every field `name = {value},`, required
/// fields present. Returns (type, key, fields) per entry.
fn check_bibtex(text: &str) -> Vec<Entry> {
    let mut entries = Vec::new();
    let mut lines = text.lines().peekable();
    while let Some(line) = lines.next() {
        if line.trim().is_empty() {
            continue;
        }
        let head = line.strip_prefix('@').expect("entry starts with @");
        let (kind, rest) = head.split_once('{').expect("@type{");
        assert!(kind.chars().all(|c| c.is_ascii_lowercase()), "{kind}");
        let key = rest.strip_suffix(',').expect("key ends with a comma");
        assert!(!key.is_empty());
        assert!(key
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "-_:".contains(c)));
        let mut fields = Vec::new();
        loop {
            let line = lines.next().expect("entry is closed");
            if line == "}" {
                break;
            }
            let (name, value) = line.trim().split_once(" = ").expect("name = value");
            assert!(name.chars().all(|c| c.is_ascii_lowercase()), "{name}");
            let value = value.strip_suffix(',').expect("field ends with a comma");
            let inner = value
                .strip_prefix('{')
                .and_then(|v| v.strip_suffix('}'))
                .expect("braced value");
            // Balanced braces, never closing the value early.
            let mut depth = 0i32;
            let mut chars = inner.chars();
            while let Some(c) = chars.next() {
                match c {
                    '\\' => {
                        chars.next();
                    }
                    '{' => depth += 1,
                    '}' => {
                        depth -= 1;
                        assert!(depth >= 0, "unbalanced in {value}");
                    }
                    '%' | '&' | '#' | '$' | '_' | '~' | '^' => {
                        panic!("unescaped {c} in {value}")
                    }
                    _ => {}
                }
            }
            assert_eq!(depth, 0, "unbalanced in {value}");
            fields.push((name.to_string(), inner.to_string()));
        }
        let has = |f: &str| fields.iter().any(|(n, _)| n == f);
        assert!(has("title"));
        if kind == "article" {
            assert!(has("journal") && has("year"));
        }
        entries.push((kind.to_string(), key.to_string(), fields));
    }
    entries
}

#[test]
fn bibtex_passes_the_strict_check_and_escapes() {
    let articles = tricky();
    let text = export::to_bibtex(&articles, &[0, 1]);
    let entries = check_bibtex(&text);
    assert_eq!(entries.len(), 2);
    assert_eq!(
        (entries[0].0.as_str(), entries[0].1.as_str()),
        ("article", "a-1")
    );
    assert_eq!(entries[1].0, "misc");
    let field = |f: &str| entries[0].2.iter().find(|(n, _)| n == f).unwrap().1.clone();
    assert!(field("title").contains("100\\% \\{braces\\} \\#\\_\\$"));
    assert_eq!(field("author"), "DeCamp, Dave");
    assert_eq!(field("year"), "2024");
    assert!(field("note").contains("[date curated]"));
}

/// A strict RIS check: every line `XX  - value` (two capitals or a capital
/// and a digit), each record opens with `TY` and closes with `ER  - `.
fn check_ris(text: &str) -> Vec<Vec<(String, String)>> {
    assert!(text.ends_with("\r\n"));
    let mut records = Vec::new();
    let mut current: Option<Vec<(String, String)>> = None;
    for line in text.split("\r\n").filter(|l| !l.is_empty()) {
        let b = line.as_bytes();
        assert!(
            b.len() >= 6
                && b[0].is_ascii_uppercase()
                && (b[1].is_ascii_uppercase() || b[1].is_ascii_digit())
                && &line[2..6] == "  - ",
            "bad RIS line {line:?}"
        );
        assert!(!line.contains('\n') && !line.contains('\r'));
        let (tag, value) = (&line[..2], &line[6..]);
        match tag {
            "TY" => {
                assert!(current.is_none(), "TY inside a record");
                current = Some(vec![(tag.into(), value.into())]);
            }
            "ER" => {
                assert_eq!(value, "");
                records.push(current.take().expect("ER closes a record"));
            }
            _ => current
                .as_mut()
                .expect("tag inside a record")
                .push((tag.into(), value.into())),
        }
    }
    assert!(current.is_none(), "record not closed");
    for r in &records {
        assert!(r.iter().any(|(t, _)| t == "TI"));
    }
    records
}

#[test]
fn ris_passes_the_strict_check() {
    let articles = tricky();
    let records = check_ris(&export::to_ris(&articles, &[0, 1]));
    assert_eq!(records.len(), 2);
    let get =
        |r: &Vec<(String, String)>, t: &str| r.iter().find(|(x, _)| x == t).map(|(_, v)| v.clone());
    assert_eq!(get(&records[0], "TY").unwrap(), "NEWS");
    assert_eq!(get(&records[0], "AU").unwrap(), "DeCamp, Dave");
    assert_eq!(get(&records[0], "DA").unwrap(), "2024/03//");
    assert!(get(&records[0], "N1").unwrap().contains("[date curated]"));
    assert_eq!(get(&records[1], "TI").unwrap(), "Line break, and *stars*");
}

#[test]
fn reading_list_escapes_markdown_and_marks_dates() {
    let articles = tricky();
    let md = export::reading_list(&articles, &[0, 1], "My *list*");
    let lines: Vec<&str> = md.lines().collect();
    assert_eq!(lines[0], "# My \\*list\\*");
    assert!(lines[2].starts_with("1. **[“Quotes”, commas"));
    assert!(lines[2].contains("(https://example.org/a%20%281%29)"));
    assert!(lines[2].ends_with("March 2024 [date curated]"));
    assert_eq!(lines[3], "2. **Line break, and \\*stars\\*** — undated");
}

#[test]
fn citations_mark_curated_and_estimated_dates() {
    let mut a = tricky().remove(0);
    a.headline = "NATO chief visits Baku".into();
    assert_eq!(
        export::cite(&a, CitationStyle::Apa).plain,
        "DeCamp, D. (2024, March [date curated]). NATO chief visits Baku. Antiwar.com. https://example.org/a (1)"
    );
    assert_eq!(
        export::cite(&a, CitationStyle::Chicago).markdown,
        "DeCamp, Dave. “NATO chief visits Baku.” *Antiwar.com*, March 2024 [date curated]. <https://example.org/a (1)>"
    );
    a.published.as_mut().unwrap().source = Provenance::Estimated;
    a.published.as_mut().unwrap().value = PartialDate::day(2024, 3, 19).unwrap();
    assert!(export::cite(&a, CitationStyle::Chicago)
        .plain
        .contains("March 19, 2024 [date estimated]"));
    a.published.as_mut().unwrap().source = Provenance::Text;
    assert!(export::cite(&a, CitationStyle::Apa)
        .plain
        .contains("(2024, March 19)."));
    let bare = Article {
        headline: "Untitled".into(),
        ..Default::default()
    };
    assert_eq!(
        export::cite(&bare, CitationStyle::Apa).plain,
        "Untitled. (n.d.)."
    );
    assert_eq!(
        export::cite(&bare, CitationStyle::Chicago).plain,
        "“Untitled.” n.d."
    );
}
