//! The selection as BibTeX, with LaTeX escapes and a note for a curated or
//! estimated date.

use super::{note, pick, split_name};
use crate::model::Article;

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
pub(crate) fn bibtex_key(id: &str) -> String {
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
