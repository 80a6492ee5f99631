//! A citation of one article in APA (7th edition) or Chicago (17th
//! edition), marking a curated or estimated date.

use serde::{Deserialize, Serialize};

use super::markdown::{autolink_url, escape_line_start, markdown_inline_escape};
use super::names::{parse_authors, Author};
use super::{date_mark, web_url};
use crate::date::{DatePrecision, PartialDate};
use crate::model::{Article, Fact};

#[rustfmt::skip]
const MONTHS: [&str; 12] = [
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
];

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

/// APA's author element: "Smith, J., & Doe, J.", a group as written
/// ("Associated Press."), always ending in a period; past 20 authors the
/// first 19, an ellipsis and the last, as APA 7 asks.
fn apa_authors(authors: &[Author]) -> String {
    let names: Vec<String> = authors.iter().map(Author::apa).collect();
    let list = match names.as_slice() {
        [] => String::new(),
        [one] => one.clone(),
        [first @ .., last] if names.len() > 20 => {
            format!("{}, . . . {last}", first[..19].join(", "))
        }
        [first @ .., last] => format!("{}, & {last}", first.join(", ")),
    };
    if list.ends_with('.') {
        list
    } else {
        format!("{list}.")
    }
}

/// Chicago's author element: the first name inverted, the others in
/// reading order ("Smith, John, and Jane Doe"), ending in a period.
fn chicago_authors(authors: &[Author]) -> String {
    let names: Vec<String> = authors
        .iter()
        .enumerate()
        .map(|(i, a)| if i == 0 { a.inverted() } else { a.natural() })
        .collect();
    let list = match names.as_slice() {
        [] => String::new(),
        [one] => one.clone(),
        [first @ .., last] => format!("{}, and {last}", first.join(", ")),
    };
    if list.ends_with('.') {
        list
    } else {
        format!("{list}.")
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
/// "n.d."), never invented. The address is given only when a reader can
/// follow it (http or https); the Markdown form escapes every field, so a
/// headline or byline cannot turn into markup or a link.
pub fn cite(article: &Article, style: CitationStyle) -> Citation {
    let mut plain = compose(article, style, &|t: &str| t.to_string(), "", "");
    let mut markdown =
        escape_line_start(&compose(article, style, &markdown_inline_escape, "*", "*"));
    if let Some(u) = web_url(article) {
        plain.push_str(&format!(" {u}"));
        // An autolink ends at `<`, `>` or a space: encode the first two.
        markdown.push_str(&format!(" <{}>", autolink_url(u)));
    }
    Citation { plain, markdown }
}

/// The citation without its address; every field passes through `esc`
/// and the outlet sits between `open` and `close` (the italics).
fn compose(
    article: &Article,
    style: CitationStyle,
    esc: &dyn Fn(&str) -> String,
    open: &str,
    close: &str,
) -> String {
    let title = esc(article.headline.trim().trim_end_matches('.'));
    let date = article.published.as_ref();
    let authors = article
        .author
        .as_ref()
        .map(|a| parse_authors(&a.value))
        .unwrap_or_default();
    // (text before the outlet, text after it); only the outlet is
    // formatted (italics).
    let (mut text, after) = match style {
        CitationStyle::Apa => {
            let before = if authors.is_empty() {
                format!("{title}. {}.", apa_date(date))
            } else {
                format!(
                    "{} {}. {title}.",
                    esc(&apa_authors(&authors)),
                    apa_date(date)
                )
            };
            (before, ".".to_string())
        }
        CitationStyle::Chicago => {
            let name = if authors.is_empty() {
                String::new()
            } else {
                format!("{} ", esc(&chicago_authors(&authors)))
            };
            let before = format!("{name}“{title}.”");
            let d = chicago_date(date);
            let end = if d.ends_with('.') { "" } else { "." };
            (before, format!(", {d}{end}"))
        }
    };
    match article.outlet.as_ref().map(|o| o.value.as_str()) {
        Some(o) => text.push_str(&format!(" {open}{}{close}{after}", esc(o))),
        None if style == CitationStyle::Chicago => text.push_str(after.trim_start_matches(',')),
        None => {}
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Provenance;

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
        assert_eq!(
            apa_authors(&parse_authors("Jean Paul Sartre")),
            "Sartre, J. P."
        );
    }

    fn by(byline: &str) -> Article {
        Article {
            headline: "Talks resume".into(),
            author: Some(Fact::new(byline.into(), Provenance::Text)),
            ..Default::default()
        }
    }

    fn apa(byline: &str) -> String {
        cite(&by(byline), CitationStyle::Apa).plain
    }

    #[test]
    fn apa_names_two_authors_with_an_ampersand() {
        assert_eq!(
            apa("John Smith and Jane Doe"),
            "Smith, J., & Doe, J. (n.d.). Talks resume."
        );
        assert_eq!(
            apa("John Smith, Jane Doe and Bob Roe"),
            "Smith, J., Doe, J., & Roe, B. (n.d.). Talks resume."
        );
    }

    #[test]
    fn apa_keeps_an_inverted_name() {
        assert_eq!(apa("Smith, John"), "Smith, J. (n.d.). Talks resume.");
    }

    #[test]
    fn apa_drops_the_word_by() {
        assert_eq!(apa("By Dave DeCamp"), "DeCamp, D. (n.d.). Talks resume.");
    }

    #[test]
    fn apa_writes_a_group_author_as_it_stands() {
        assert_eq!(
            apa("Associated Press"),
            "Associated Press. (n.d.). Talks resume."
        );
        assert_eq!(apa("Reuters"), "Reuters. (n.d.). Talks resume.");
    }

    #[test]
    fn chicago_inverts_only_the_first_author() {
        assert_eq!(
            cite(&by("By John Smith and Jane Doe"), CitationStyle::Chicago).plain,
            "Smith, John, and Jane Doe. “Talks resume.” n.d."
        );
        assert_eq!(
            cite(&by("Associated Press"), CitationStyle::Chicago).plain,
            "Associated Press. “Talks resume.” n.d."
        );
    }

    fn hostile() -> Article {
        Article {
            headline: "<img src=x onerror=alert(1)> [x](javascript:alert(2))".into(),
            author: Some(Fact::new("<svg onload=alert(3)>".into(), Provenance::Text)),
            outlet: Some(Fact::new("<b>Evil</b>".into(), Provenance::Text)),
            url: Some(Fact::new("javascript:alert(4)".into(), Provenance::Text)),
            ..Default::default()
        }
    }

    #[test]
    fn markdown_citation_has_no_markup_from_the_article() {
        for style in [CitationStyle::Apa, CitationStyle::Chicago] {
            let c = cite(&hostile(), style);
            for bad in ["<img", "<svg", "<b>", "alert(4)"] {
                assert!(!c.markdown.contains(bad), "{bad} in {}", c.markdown);
            }
            // The headline's brackets are escaped, so they open no link.
            assert!(c.markdown.contains("\\[x\\](javascript:alert(2))"));
            assert!(!c.plain.contains("alert(4)"), "{}", c.plain);
        }
    }

    #[test]
    fn a_web_address_stays_in_the_citation() {
        let mut a = by("Dave DeCamp");
        a.url = Some(Fact::new("https://x.org/a?b=<c>".into(), Provenance::Text));
        let c = cite(&a, CitationStyle::Apa);
        assert!(c.plain.ends_with(" https://x.org/a?b=<c>"), "{}", c.plain);
        assert!(
            c.markdown.ends_with(" <https://x.org/a?b=%3Cc%3E>"),
            "{}",
            c.markdown
        );
    }
}
