//! Datelines: the place and date that open an article, either before a
//! dash at the start of the first paragraph (`BAKU, Azerbaijan, Sept. 8,
//! 2021 (AP) —`) or as a line of their own right under the headline
//! (`March 12, 2021`, `12 марта 2021 г.`, `2022 թ. մայիսի 22`).

use std::sync::OnceLock;

use regex::Regex;

use super::{find_dates, DateOrder, TextDate};

/// A dateline at the start of an article's first paragraph: the words
/// before the first dash, such as `09/08/2021 Turkey (International
/// Christian Concern) –` or `BAKU, Azerbaijan, Sept. 8, 2021 (AP) —`; or
/// a whole paragraph that is only a date, perhaps after a place (`BAKU,
/// March 12, 2021`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Dateline {
    /// The dateline's words, without the dash (the whole paragraph when it
    /// is only a date).
    pub text: String,
    /// The date in it, if any (possibly ambiguous).
    pub date: Option<TextDate>,
    /// The outlet or agency named in brackets, if any.
    pub outlet: Option<String>,
}

/// Reads a dateline at the start of `paragraph`, if it has one: at most
/// twelve words before a dash, with a date or a bracketed outlet; or the
/// whole paragraph when it is only a date (see `date_only`).
pub fn dateline(paragraph: &str, order: Option<DateOrder>) -> Option<Dateline> {
    before_dash(paragraph, order).or_else(|| date_only(paragraph, order))
}

/// The dateline before the first dash of `paragraph`.
fn before_dash(paragraph: &str, order: Option<DateOrder>) -> Option<Dateline> {
    static DASH: OnceLock<Regex> = OnceLock::new();
    let dash = DASH.get_or_init(|| Regex::new(r"\s+(?:–|—|--|-)\s+").expect("valid"));
    let m = dash.find(paragraph)?;
    let head = paragraph[..m.start()].trim();
    if head.is_empty() || head.split_whitespace().count() > 12 || head.contains(['“', '"']) {
        return None;
    }
    let date = find_dates(head, order)
        .into_iter()
        .find(|d| d.year.is_some() && (d.month.is_some() || d.ambiguous.is_some()));
    let outlet = head.rfind('(').and_then(|open| {
        let close = head[open..].find(')')? + open;
        let name = head[open + 1..close].trim();
        (!name.is_empty() && name.chars().next().is_some_and(char::is_uppercase))
            .then(|| name.to_string())
    });
    // Without a date, only an all-capitals place ("BAKU, Azerbaijan (AP)")
    // marks a dateline; otherwise a dash in the first sentence is just a dash.
    let capital_place = head.split_whitespace().next().is_some_and(|w| {
        w.chars().filter(|c| c.is_alphabetic()).count() >= 2 && !w.chars().any(char::is_lowercase)
    });
    if date.is_none() && !(outlet.is_some() && capital_place) {
        return None;
    }
    Some(Dateline {
        text: head.to_string(),
        date,
        outlet,
    })
}

/// A paragraph that is only a date with its year and month, as a `.txt`
/// prints it under the headline: `March 12, 2021`, `12 марта 2021 г.`,
/// `15 Haziran 2021`, `2022 թ. մայիսի 22`. Before the date there may be a
/// place or a weekday, capitalised words ending with a comma (`BAKU,
/// March 12, 2021`, `Friday, 12 March 2021`); after it only the word for
/// "year" (`г.`, `года`, `թ.`, `-ci il`) and a time of day. Anything else
/// makes it a sentence that mentions a date ("March 2021 elections"),
/// which is not a dateline.
fn date_only(paragraph: &str, order: Option<DateOrder>) -> Option<Dateline> {
    static AFTER: OnceLock<Regex> = OnceLock::new();
    let after = AFTER.get_or_init(|| {
        Regex::new(
            r"^(?:\s*(?:года|году|г\.?|թվականի|թ\.?|-?\s*c[iıuü]\s+il|yılı)(?:[\s,.]|$))?[\s,.]*(?:\d{1,2}:\d{2}(?:\s*[AaPp]\.?[Mm]\.?)?)?[\s.]*$",
        )
        .expect("valid")
    });
    let text = paragraph.trim();
    // A dateline is short: the longest above, with a place, is ten words.
    if text.split_whitespace().nth(12).is_some() {
        return None;
    }
    let found = find_dates(text, order);
    let [date] = &found[..] else {
        return None;
    };
    if date.year.is_none() || (date.month.is_none() && date.ambiguous.is_none()) {
        return None;
    }
    let place = text[..date.start].trim_end();
    let place_words: Vec<&str> = place.split_whitespace().collect();
    let place_ok = place.is_empty()
        || (place.ends_with(',')
            && place_words.len() <= 5
            && place_words
                .iter()
                .all(|w| w.chars().next().is_some_and(char::is_uppercase)));
    if !place_ok || !after.is_match(&text[date.end..]) {
        return None;
    }
    Some(Dateline {
        text: text.to_string(),
        date: Some(date.clone()),
        outlet: None,
    })
}
