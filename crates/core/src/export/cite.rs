//! A citation of one article in APA (7th edition) or Chicago (17th
//! edition), marking a curated or estimated date.

use serde::{Deserialize, Serialize};

use super::{date_mark, split_name};
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

/// "Dave DeCamp" → "DeCamp, D."; "Jean Paul Sartre" → "Sartre, J. P.".
fn apa_author(name: &str) -> String {
    let (last, first) = split_name(name);
    let initials: Vec<String> = first
        .split_whitespace()
        .filter_map(|w| w.chars().next())
        .map(|c| format!("{c}."))
        .collect();
    if initials.is_empty() {
        last
    } else {
        format!("{last}, {}", initials.join(" "))
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
/// "n.d."), never invented.
pub fn cite(article: &Article, style: CitationStyle) -> Citation {
    let title = article.headline.trim().trim_end_matches('.');
    let date = article.published.as_ref();
    let author = article.author.as_ref().map(|a| a.value.as_str());
    // (text before the outlet, outlet, text after it); only the outlet is
    // formatted (italics).
    let (before, after) = match style {
        CitationStyle::Apa => {
            let before = match author {
                Some(a) => format!("{} {}. {title}.", apa_author(a), apa_date(date)),
                None => format!("{title}. {}.", apa_date(date)),
            };
            (before, ".".to_string())
        }
        CitationStyle::Chicago => {
            let name = author.map(|a| match split_name(a) {
                (last, first) if first.is_empty() => format!("{last}. "),
                (last, first) => format!("{last}, {first}. "),
            });
            let before = format!("{}“{title}.”", name.unwrap_or_default());
            let d = chicago_date(date);
            let end = if d.ends_with('.') { "" } else { "." };
            (before, format!(", {d}{end}"))
        }
    };
    let (mut plain, mut markdown) = (before.clone(), before);
    match article.outlet.as_ref().map(|o| o.value.as_str()) {
        Some(o) => {
            plain.push_str(&format!(" {o}{after}"));
            markdown.push_str(&format!(" *{o}*{after}"));
        }
        None if style == CitationStyle::Chicago => {
            let bare = after.trim_start_matches(',');
            plain.push_str(bare);
            markdown.push_str(bare);
        }
        None => {}
    }
    if let Some(u) = &article.url {
        plain.push_str(&format!(" {}", u.value));
        markdown.push_str(&format!(" <{}>", u.value));
    }
    Citation { plain, markdown }
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
        assert_eq!(apa_author("Jean Paul Sartre"), "Sartre, J. P.");
    }
}
