//! The selection as a Markdown reading list: numbered headlines with
//! outlet, author and a marked date, each linked to its original when that
//! is a web address; and the escapes the Markdown citation shares.
//!
//! Every field comes from an article file, so the escapes assume the worst:
//! `<`, `>` and `&` become HTML entities (original Markdown, unlike
//! CommonMark, does not honour `\<`, and would pass `<img onerror=…>`
//! through as HTML), Markdown's own characters get a backslash, and only an
//! http(s) address is ever made a link; any other address is shown as code,
//! which no renderer makes clickable.

use super::ris::ris_value;
use super::{date_mark, pick, web_url};
use crate::date::PartialDate;
use crate::model::{Article, Fact};

/// One character of text for Markdown: HTML's characters as entities,
/// Markdown's (those in `special`) after a backslash.
fn push_escaped(out: &mut String, c: char, special: &str) {
    match c {
        '<' => out.push_str("&lt;"),
        '>' => out.push_str("&gt;"),
        '&' => out.push_str("&amp;"),
        c => {
            if special.contains(c) {
                out.push('\\');
            }
            out.push(c);
        }
    }
}

/// Escapes Markdown's and HTML's special characters so a headline reads as
/// text wherever it stands on a line: it can become neither a link, nor
/// emphasis, nor an HTML tag.
pub fn markdown_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in ris_value(text).chars() {
        push_escaped(&mut out, c, "\\`*_{}[]()#+-.!|~");
    }
    out
}

/// Escapes text inside a line (not at its start; see [`escape_line_start`])
/// with fewer backslashes than [`markdown_escape`]: only what can open a
/// link, emphasis, code or HTML there, so a citation stays readable
/// ("Antiwar.com", not "Antiwar\.com").
pub(crate) fn markdown_inline_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in ris_value(text).chars() {
        push_escaped(&mut out, c, "\\`*_[]|~");
    }
    out
}

/// A backslash before what would make a line a heading, quote, list item
/// or rule ("# 1", "- x", "1984. Title").
pub(crate) fn escape_line_start(line: &str) -> String {
    if line.starts_with(['#', '-', '+', '=']) {
        return format!("\\{line}");
    }
    let digits = line.len() - line.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    if digits > 0 && line[digits..].starts_with(['.', ')']) {
        return format!("{}\\{}", &line[..digits], &line[digits..]);
    }
    line.to_string()
}

/// A web address as a link destination `(…)`: whitespace, parentheses,
/// angle brackets and backslashes percent-encoded, so none can end the
/// link early or escape its closing parenthesis.
fn markdown_url(url: &str) -> String {
    let mut out = String::with_capacity(url.len());
    for c in url.chars() {
        match c {
            ' ' => out.push_str("%20"),
            '(' => out.push_str("%28"),
            ')' => out.push_str("%29"),
            '<' => out.push_str("%3C"),
            '>' => out.push_str("%3E"),
            '\\' => out.push_str("%5C"),
            c if c.is_whitespace() => {
                let mut bytes = [0; 4];
                for b in c.encode_utf8(&mut bytes).bytes() {
                    out.push_str(&format!("%{b:02X}"));
                }
            }
            c => out.push(c),
        }
    }
    out
}

/// A web address inside an autolink `<…>`: the angle brackets, which
/// would end it, percent-encoded.
pub(crate) fn autolink_url(url: &str) -> String {
    url.replace('<', "%3C").replace('>', "%3E")
}

/// `text` as a code span: shown literally, never a link or markup. The
/// fence is one backtick longer than any run inside.
fn code_span(text: &str) -> String {
    let text = ris_value(text);
    let longest = text.split(|c| c != '`').map(str::len).max().unwrap_or(0);
    let fence = "`".repeat(longest + 1);
    format!("{fence} {text} {fence}")
}

/// The date as a reader reads it, with its mark ("October 2021 [date
/// curated]").
fn shown_date(fact: &Fact<PartialDate>) -> String {
    match date_mark(fact) {
        Some(mark) => format!("{} {mark}", fact.value),
        None => fact.value.to_string(),
    }
}

/// The selection as a Markdown reading list: a numbered list of headlines
/// with outlet, author and date. A headline links to its original only
/// when that is an http(s) address; any other address (`javascript:`,
/// `data:`) follows the date as code, to be read, not clicked.
pub fn reading_list(articles: &[Article], selection: &[usize], title: &str) -> String {
    let mut out = format!("# {}\n\n", markdown_escape(title));
    for (n, a) in pick(articles, selection).into_iter().enumerate() {
        let headline = markdown_escape(&a.headline);
        let web = web_url(a);
        let linked = match web {
            Some(u) => format!("[{headline}]({})", markdown_url(u)),
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
        if let (None, Some(u)) = (web, &a.url) {
            if !u.value.trim().is_empty() {
                facts.push(format!("address {} (not a web link)", code_span(&u.value)));
            }
        }
        out.push_str(&format!("{}. **{linked}** — {}\n", n + 1, facts.join(", ")));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Provenance;

    fn article(headline: &str, url: &str) -> Article {
        Article {
            headline: headline.into(),
            url: Some(Fact::new(url.into(), Provenance::Text)),
            ..Default::default()
        }
    }

    fn item(a: Article) -> String {
        reading_list(&[a], &[0], "List")
            .lines()
            .nth(2)
            .unwrap()
            .to_string()
    }

    #[test]
    fn a_javascript_address_is_not_a_link() {
        let line = item(article("Hostile", "javascript:alert(4)"));
        assert_eq!(
            line,
            "1. **Hostile** — undated, address ` javascript:alert(4) ` (not a web link)"
        );
        assert!(!line.contains("]("));
    }

    #[test]
    fn a_data_address_is_not_a_link() {
        let line = item(article("Data", "data:text/html,<script>alert(9)</script>"));
        assert!(!line.contains("]("), "{line}");
        assert!(line.contains("` data:text/html,<script>alert(9)</script> `"));
    }

    #[test]
    fn a_web_address_is_a_link() {
        let line = item(article("Talks", " https://x.org/a\\b(c) "));
        assert_eq!(line, "1. **[Talks](https://x.org/a%5Cb%28c%29)** — undated");
    }

    #[test]
    fn backticks_in_an_address_cannot_close_its_code_span() {
        assert_eq!(code_span("a``b"), "``` a``b ```");
    }

    #[test]
    fn html_in_fields_is_text() {
        let a = Article {
            headline: "<img src=x onerror=alert(1)> [x](javascript:alert(2))".into(),
            author: Some(Fact::new("<svg onload=alert(3)>".into(), Provenance::Text)),
            outlet: Some(Fact::new("<b>Evil</b> & co".into(), Provenance::Text)),
            ..Default::default()
        };
        let line = item(a);
        for bad in ["<img", "<svg", "<b>", "](", "& co"] {
            assert!(!line.contains(bad), "{bad} in {line}");
        }
        assert!(line.contains("&lt;img src=x onerror=alert\\(1\\)&gt; \\[x\\]\\(javascript:"));
        assert!(line.contains("*&lt;b&gt;Evil&lt;/b&gt; &amp; co*"));
    }

    #[test]
    fn a_line_cannot_start_a_block() {
        assert_eq!(escape_line_start("1984. Orwell"), "1984\\. Orwell");
        assert_eq!(escape_line_start("# one"), "\\# one");
        assert_eq!(escape_line_start("Plain 1."), "Plain 1.");
    }
}
