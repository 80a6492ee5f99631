//! The selection as a Markdown reading list: numbered, linked headlines
//! with outlet, author and a marked date.

use super::ris::ris_value;
use super::{date_mark, pick};
use crate::date::PartialDate;
use crate::model::{Article, Fact};

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
