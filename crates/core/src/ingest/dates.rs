//! Dates written in English text: datelines, and the dates a body mentions.
//!
//! Recognised: `2021-09-08`, `09/08/2021` (and `09.08.2021`), `8 September
//! 2021`, `8th of September 2021`, `September 8, 2021`, `Sept. 8, 2021`,
//! `Sep 8th 2021`, and partial dates: `November 10`, `September 2023`,
//! `in 2023`. Month names must be capitalised ("may" is not May). A numeric
//! date whose day and month could be swapped is resolved by the outlet's
//! [`DateOrder`], or reported as ambiguous: a day is never made up.

use std::sync::OnceLock;

use regex::Regex;
use serde::{Deserialize, Serialize};

use crate::date::PartialDate;

/// The order of day and month in numeric dates, from an outlet's locale.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DateOrder {
    /// `09/08/2021` is 8 September (US usage).
    MonthFirst,
    /// `09/08/2021` is 9 August (most of the world).
    DayFirst,
}

impl DateOrder {
    /// The order a locale tag implies: `en-US` (and the few other
    /// month-first locales) is month first, any other tag day first.
    pub fn from_locale(locale: &str) -> DateOrder {
        let region = locale
            .rsplit(['-', '_'])
            .next()
            .unwrap_or("")
            .to_ascii_uppercase();
        match region.as_str() {
            "US" | "PH" | "FM" | "MH" | "PW" | "AS" | "GU" | "PR" | "VI" | "UM" => {
                DateOrder::MonthFirst
            }
            _ => DateOrder::DayFirst,
        }
    }
}

/// A date found in a text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TextDate {
    /// Byte offset of the first character.
    pub start: usize,
    /// Byte offset just past the date.
    pub end: usize,
    /// The year, if written.
    pub year: Option<i32>,
    /// The month (1–12), if written.
    pub month: Option<u8>,
    /// The day, if written.
    pub day: Option<u8>,
    /// For a numeric date whose order the hint could not settle: the two
    /// readings (month first, day first). `month` and `day` are then `None`.
    pub ambiguous: Option<(PartialDate, PartialDate)>,
}

impl TextDate {
    /// The date, if its year is written and it is not ambiguous.
    pub fn date(&self) -> Option<PartialDate> {
        if self.ambiguous.is_some() {
            return None;
        }
        let year = self.year?;
        match (self.month, self.day) {
            (None, _) => Some(PartialDate::year(year)),
            (Some(m), None) => PartialDate::month(year, m),
            (Some(m), Some(d)) => PartialDate::day(year, m, d),
        }
    }
}

const MONTH: &str = r"(?P<MONTHNAME>January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)";

fn month_re(group: &str) -> String {
    MONTH.replace("MONTHNAME", group)
}

fn pattern() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        let alternatives = [
            // 2021-09-08
            r"(?P<iso_y>\d{4})-(?P<iso_m>\d{2})-(?P<iso_d>\d{2})".to_string(),
            // 09/08/2021, 09.08.2021
            r"(?P<num_a>\d{1,2})(?P<sep>[/.])(?P<num_b>\d{1,2})[/.](?P<num_y>\d{4})".to_string(),
            // September 8, 2021; Sept. 8, 2021; Sep 8th 2021; September 8
            format!(
                r"{}\.?\s+(?P<md_d>\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(?P<md_y>\d{{4}}))?",
                month_re("md_m")
            ),
            // 8 September 2021; 8th of September 2021; 8 September
            format!(
                r"(?P<dm_d>\d{{1,2}})(?:st|nd|rd|th)?(?:\s+of)?\s+{}\.?(?:,?\s+(?P<dm_y>\d{{4}}))?",
                month_re("dm_m")
            ),
            // September 2023
            format!(r"{}\.?,?\s+(?P<my_y>\d{{4}})", month_re("my_m")),
            // 2023
            r"(?P<y>1[89]\d{2}|20\d{2})".to_string(),
        ];
        let body = alternatives.join("|");
        // ASCII word boundaries: dates are ASCII, and they keep the fast engine.
        Regex::new(&format!(r"(?-u:\b)(?:{body})(?-u:\b)")).expect("valid date pattern")
    })
}

fn month_number(name: &str) -> Option<u8> {
    let key = name.get(..3)?;
    let months = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    months.iter().position(|m| *m == key).map(|i| i as u8 + 1)
}

fn plausible_year(y: i32) -> bool {
    (1800..=2100).contains(&y)
}

/// Every date in `text`, in order. `order` settles numeric dates whose day
/// and month could be swapped; without it they come back ambiguous.
pub fn find_dates(text: &str, order: Option<DateOrder>) -> Vec<TextDate> {
    let mut out = Vec::new();
    for caps in pattern().captures_iter(text) {
        let whole = caps.get(0).expect("match");
        let (start, end) = (whole.start(), whole.end());
        let num = |name: &str| caps.name(name).and_then(|m| m.as_str().parse::<i32>().ok());
        let mut found = TextDate {
            start,
            end,
            year: None,
            month: None,
            day: None,
            ambiguous: None,
        };
        if let (Some(y), Some(m), Some(d)) = (num("iso_y"), num("iso_m"), num("iso_d")) {
            found.year = Some(y);
            found.month = u8::try_from(m).ok();
            found.day = u8::try_from(d).ok();
        } else if let (Some(a), Some(b), Some(y)) = (num("num_a"), num("num_b"), num("num_y")) {
            let (a, b) = (a as u8, b as u8);
            found.year = Some(y);
            let month_first = PartialDate::day(y, a, b);
            let day_first = PartialDate::day(y, b, a);
            let pick = match (month_first, day_first) {
                (Some(mf), Some(df)) if mf == df => Some(mf),
                (Some(mf), Some(df)) => match order {
                    Some(DateOrder::MonthFirst) => Some(mf),
                    Some(DateOrder::DayFirst) => Some(df),
                    None => {
                        found.ambiguous = Some((mf, df));
                        None
                    }
                },
                (Some(mf), None) => Some(mf),
                (None, Some(df)) => Some(df),
                (None, None) => continue,
            };
            if let Some(p) = pick {
                found.month = p.month_number();
                found.day = p.day_number();
            }
        } else if let Some(m) = caps.name("md_m") {
            found.month = month_number(m.as_str());
            found.day = num("md_d").map(|d| d as u8);
            found.year = num("md_y");
        } else if let Some(m) = caps.name("dm_m") {
            found.month = month_number(m.as_str());
            found.day = num("dm_d").map(|d| d as u8);
            found.year = num("dm_y");
        } else if let Some(m) = caps.name("my_m") {
            found.month = month_number(m.as_str());
            found.year = num("my_y");
        } else if let Some(y) = num("y") {
            // A bare year: not "1990s", not part of "$2021" or "2,021".
            let after = &text[end..];
            let before = &text[..start];
            if after.starts_with(['s', '%', '’', '\''])
                || after.starts_with(',') && after[1..].starts_with(|c: char| c.is_ascii_digit())
                || before.ends_with(['$', '€', '£', '#', '-', '/', '.'])
                || before.ends_with(',')
                    && before[..before.len() - 1].ends_with(|c: char| c.is_ascii_digit())
            {
                continue;
            }
            found.year = Some(y);
        }
        if found.year.is_some_and(|y| !plausible_year(y)) {
            continue;
        }
        // A day that does not exist in its month is not a date.
        if let (Some(m), Some(d)) = (found.month, found.day) {
            let probe_year = found.year.unwrap_or(2000);
            if PartialDate::day(probe_year, m, d).is_none() {
                continue;
            }
        }
        if found.year.is_none() && found.month.is_none() {
            continue;
        }
        out.push(found);
    }
    out
}

/// A dateline at the start of an article's first paragraph: the words
/// before the first dash, such as `09/08/2021 Turkey (International
/// Christian Concern) –` or `BAKU, Azerbaijan, Sept. 8, 2021 (AP) —`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Dateline {
    /// The dateline's words, without the dash.
    pub text: String,
    /// The date in it, if any (possibly ambiguous).
    pub date: Option<TextDate>,
    /// The outlet or agency named in brackets, if any.
    pub outlet: Option<String>,
}

/// Reads a dateline at the start of `paragraph`, if it has one: at most
/// twelve words before a dash, with a date or a bracketed outlet.
pub fn dateline(paragraph: &str, order: Option<DateOrder>) -> Option<Dateline> {
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

#[cfg(test)]
mod tests {
    use super::*;

    fn one(text: &str, order: Option<DateOrder>) -> Option<String> {
        find_dates(text, order)
            .first()
            .and_then(|d| d.date())
            .map(|d| d.iso())
    }

    #[test]
    fn reads_the_common_english_formats() {
        for (text, iso) in [
            ("on 2021-09-08.", "2021-09-08"),
            ("on 8 September 2021", "2021-09-08"),
            ("the 8th of September 2021", "2021-09-08"),
            ("on September 8, 2021", "2021-09-08"),
            ("Sept. 8, 2021", "2021-09-08"),
            ("Sep 8th 2021", "2021-09-08"),
            ("Wednesday, Sept. 29, 2021.", "2021-09-29"),
            ("in September 2023 following", "2023-09"),
            ("in 2023", "2023"),
            ("on 25/12/2021", "2021-12-25"),
            ("on 12/25/2021", "2021-12-25"),
        ] {
            assert_eq!(one(text, None).as_deref(), Some(iso), "{text}");
        }
    }

    #[test]
    fn numeric_dates_follow_the_locale_or_stay_ambiguous() {
        assert_eq!(
            one("09/08/2021", Some(DateOrder::MonthFirst)).as_deref(),
            Some("2021-09-08")
        );
        assert_eq!(
            one("09/08/2021", Some(DateOrder::DayFirst)).as_deref(),
            Some("2021-08-09")
        );
        let d = &find_dates("09/08/2021", None)[0];
        assert_eq!(d.date(), None);
        let (mf, df) = d.ambiguous.unwrap();
        assert_eq!(
            (mf.iso(), df.iso()),
            ("2021-09-08".into(), "2021-08-09".into())
        );
        assert_eq!(DateOrder::from_locale("en-US"), DateOrder::MonthFirst);
        assert_eq!(DateOrder::from_locale("en-GB"), DateOrder::DayFirst);
    }

    #[test]
    fn partial_dates_keep_what_is_written() {
        let d = &find_dates("On Sept. 20, the", None)[0];
        assert_eq!((d.year, d.month, d.day), (None, Some(9), Some(20)));
        let d = &find_dates("ended on November 10.", None)[0];
        assert_eq!((d.month, d.day), (Some(11), Some(10)));
    }

    #[test]
    fn ignores_what_is_not_a_date() {
        for text in [
            "over 100,000 people",
            "the 1990s",
            "Only $100 per year",
            "24/7 news",
            "COVID-19 pandemic",
            "may 8 people",
            "the 13th conference",
            "February 30, 2021",
            "$2021",
        ] {
            assert!(
                find_dates(text, None).is_empty(),
                "{text}: {:?}",
                find_dates(text, None)
            );
        }
    }

    #[test]
    fn reads_datelines() {
        let d = dateline(
            "09/08/2021 Turkey\u{a0} (International Christian Concern) –\u{a0} Nearly one year since",
            Some(DateOrder::MonthFirst),
        )
        .unwrap();
        assert_eq!(d.date.unwrap().date().unwrap().iso(), "2021-09-08");
        assert_eq!(d.outlet.as_deref(), Some("International Christian Concern"));
        let ap = dateline("BAKU, Azerbaijan (AP) — Troops moved", None).unwrap();
        assert_eq!((ap.date, ap.outlet.as_deref()), (None, Some("AP")));
        assert!(dateline("Turkey backed Azerbaijan - and won", None).is_none());
    }
}
