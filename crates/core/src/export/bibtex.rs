//! The selection as BibTeX, with LaTeX escapes and a note for a curated or
//! estimated date.

use super::names::{parse_authors, Author};
use super::{note, pick, web_url};
use crate::model::Article;

/// Escapes text for a braced BibTeX field: `\ { } % & $ # _ ~ ^` become
/// LaTeX commands; Unicode is kept (biber and BibTeX 8-bit read it).
///
/// BibTeX finds a field's end by counting braces and ignores backslashes,
/// so `\}` still closes a brace: a headline with a lone `}` would end the
/// field early and the rest would be read as fields of its own. Braces
/// that pair up within the text stay `\{ \}`; a lone one is written
/// `\textbraceleft{}` or `\textbraceright{}`, which holds no brace of its
/// own to count.
pub fn bibtex_escape(text: &str) -> String {
    let chars: Vec<char> = text
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .chars()
        .collect();
    let paired = paired_braces(&chars);
    let mut out = String::with_capacity(text.len());
    for (i, &c) in chars.iter().enumerate() {
        match c {
            '\\' => out.push_str("\\textbackslash{}"),
            '~' => out.push_str("\\textasciitilde{}"),
            '^' => out.push_str("\\textasciicircum{}"),
            '{' if !paired[i] => out.push_str("\\textbraceleft{}"),
            '}' if !paired[i] => out.push_str("\\textbraceright{}"),
            '{' | '}' | '%' | '&' | '$' | '#' | '_' => {
                out.push('\\');
                out.push(c);
            }
            c => out.push(c),
        }
    }
    out
}

/// For each character, whether it is a brace with a partner: `{` closed
/// by a later `}`, nesting as in the text.
fn paired_braces(chars: &[char]) -> Vec<bool> {
    let mut paired = vec![false; chars.len()];
    let mut open = Vec::new();
    for (i, &c) in chars.iter().enumerate() {
        match c {
            '{' => open.push(i),
            '}' => {
                if let Some(j) = open.pop() {
                    paired[i] = true;
                    paired[j] = true;
                }
            }
            _ => {}
        }
    }
    paired
}

/// The `author` field: each author inverted ("Smith, John"), joined by
/// `and` as BibTeX wants; a group author in braces, so BibTeX keeps
/// "Associated Press" whole instead of reading "Press, Associated".
fn bibtex_authors(authors: &[Author]) -> String {
    authors
        .iter()
        .map(|a| match a {
            Author::Group(name) => format!("{{{}}}", bibtex_escape(name)),
            person => bibtex_escape(&person.inverted()),
        })
        .collect::<Vec<_>>()
        .join(" and ")
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
/// in `note`; an address that is not http(s) is left out.
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
        let authors = a
            .author
            .as_ref()
            .map(|x| parse_authors(&x.value))
            .unwrap_or_default();
        if !authors.is_empty() {
            fields.push(("author", bibtex_authors(&authors)));
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
        // Only a web address: hyperref makes `url` a live link in the PDF.
        if let Some(url) = web_url(a) {
            fields.push(("url", bibtex_escape(url)));
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

#[cfg(test)]
mod tests {
    use super::*;

    /// BibTeX's own reading of a braced value: where the brace opened at
    /// byte 0 closes, counting every brace, backslash or not.
    fn field_end(value: &str) -> Option<usize> {
        let mut depth = 0;
        for (i, c) in value.char_indices() {
            match c {
                '{' => depth += 1,
                '}' => {
                    depth -= 1;
                    if depth == 0 {
                        return Some(i);
                    }
                }
                _ => {}
            }
        }
        None
    }

    #[test]
    fn a_lone_brace_cannot_end_the_field() {
        for text in ["x}", "}, note = {evil", "{x", "a}{b", "ok {pair} }"] {
            let value = format!("{{{}}}", bibtex_escape(text));
            assert_eq!(field_end(&value), Some(value.len() - 1), "{text}: {value}");
        }
        assert_eq!(bibtex_escape("a {b} c"), "a \\{b\\} c");
        assert_eq!(bibtex_escape("x}"), "x\\textbraceright{}");
    }

    fn entry(author: &str, url: &str) -> String {
        to_bibtex(&[super::super::article_by(author, url)], &[0])
    }

    #[test]
    fn authors_are_joined_with_and() {
        let text = entry("By John Smith and Jane Doe", "https://x.org/");
        assert!(
            text.contains("  author = {Smith, John and Doe, Jane},\n"),
            "{text}"
        );
        assert!(text.contains("  url = {https://x.org/},\n"), "{text}");
        let text = entry("Associated Press", "");
        assert!(
            text.contains("  author = {{Associated Press}},\n"),
            "{text}"
        );
        let text = entry("Smith, John", "");
        assert!(text.contains("  author = {Smith, John},\n"), "{text}");
    }

    #[test]
    fn a_script_address_is_not_a_url_field() {
        for bad in ["javascript:alert(4)", "data:text/html,<script>"] {
            let text = entry("Dave DeCamp", bad);
            assert!(!text.contains("url ="), "{text}");
        }
    }
}
