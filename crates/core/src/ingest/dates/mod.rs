//! Dates written in text: datelines, and the dates a body mentions, in
//! English and in the region's languages (Russian, Turkish, Azerbaijani,
//! Armenian).
//!
//! Recognised: `2021-09-08`, `09/08/2021` (and `09.08.2021`), `8 September
//! 2021`, `8th of September 2021`, `September 8, 2021`, `Sept. 8, 2021`,
//! `Sep 8th 2021`, `12 марта 2021`, `12 Mart 2021`, `15 iyun 2021`,
//! `22 մայիսի 2022`, `2022 թ. մայիսի 22`, and partial dates: `November
//! 10`, `September 2023`, `в марте 2021`, `in 2023`. Each language's month
//! names are read in the orders it writes dates in (`months.rs`). English
//! month names must be capitalised ("may" is not May); the others are read
//! in lower case too (as Russian and Azerbaijani write them), capitalised
//! or in capitals, except that a lower-case name which is also an everyday
//! word ("may", "mart") needs a year next to it. A numeric date whose day and month could be
//! swapped is resolved by the outlet's [`DateOrder`], or reported as
//! ambiguous: a day is never made up.

mod line;
mod months;
#[cfg(test)]
mod tests;

pub use line::{dateline, Dateline};
pub(crate) use months::is_month_name;

use std::sync::OnceLock;

use regex::Regex;
use serde::{Deserialize, Serialize};

use crate::date::PartialDate;
use months::Order;

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

/// The word for "year" after a year, in Azerbaijani (`2022-ci il`, `2023-cü
/// ilin`: the ordinal ending follows vowel harmony) and Turkish (`2022
/// yılı`, `2022 yılının`, `2022'nin`), before a month name.
const TURKIC_YEAR: &str = r"-(?:ci|cı|cu|cü)\s+il(?:in)?|\s+yılı(?:nın)?|['’]n[iıuü]n";

fn pattern() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        let names = |group: &str, order| months::names_pattern(group, order);
        let alternatives = [
            // 2021-09-08
            r"\b(?P<iso_y>\d{4})-(?P<iso_m>\d{2})-(?P<iso_d>\d{2})\b".to_string(),
            // 09/08/2021, 09.08.2021
            r"\b(?P<num_a>\d{1,2})(?P<sep>[/.])(?P<num_b>\d{1,2})[/.](?P<num_y>\d{4})\b"
                .to_string(),
            // 2022 թ. մայիսի 22 (the year, "թ." or "թվականի" for "year");
            // 2022-ci il fevralın 3-də
            format!(
                r"\b(?P<ymd_y>\d{{4}})\b(?:\s*(?:թվականի|թ\.?)|{TURKIC_YEAR})?\s+{}\s+(?P<ymd_d>\d{{1,2}})\b",
                names("ymd_m", Order::YearMonthDay)
            ),
            // 2022 yılı Mart ayında; 2022-ci ilin fevralında
            format!(
                r"\b(?P<ym_y>\d{{4}})\b(?:{TURKIC_YEAR})\s+{}",
                names("ym_m", Order::YearMonth)
            ),
            // September 8, 2021; Sept. 8, 2021; Sep 8th 2021; September 8
            format!(
                r"{}\.?\s+(?P<md_d>\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(?P<md_y>\d{{4}})\b)?",
                names("md_m", Order::MonthDay)
            ),
            // 8 September 2021; 8th of September 2021; 8 September; 12 марта 2021
            format!(
                r"\b(?P<dm_d>\d{{1,2}})(?:st|nd|rd|th)?\b(?:\s+of)?\s+{}(?:\.?,?\s+(?P<dm_y>\d{{4}})\b)?",
                names("dm_m", Order::DayMonth)
            ),
            // September 2023; в марте 2021
            format!(
                r"{}\.?,?\s+(?P<my_y>\d{{4}})\b",
                names("my_m", Order::DayMonth)
            ),
            // 2023
            r"\b(?P<y>1[89]\d{2}|20\d{2})\b".to_string(),
        ];
        // `\b` at every edge of a number, but an ASCII one: it keeps the
        // regex on its fast engine, and lets the regex try the next
        // reading ("September 2023" is not "September 20" then "23"). A
        // Unicode boundary would leave that engine on non-ASCII text, and
        // an ASCII one sees none around "марта": [`name_at_word_edges`]
        // checks the edges that are month names.
        let body = alternatives.join("|").replace(r"\b", r"(?-u:\b)");
        Regex::new(&body).expect("valid date pattern")
    })
}

/// Whether a match `start..end` of `text` that starts or ends with a
/// month name is a whole word there: a letter or digit next to the name
/// makes it part of a longer word ("Marta", "маяк", "12 мартах"). Edges
/// that are digits are the pattern's own ASCII `\b`s, which also let a
/// year run into a non-ASCII letter (`2021г.`, `2021年`).
fn name_at_word_edges(text: &str, start: usize, end: usize) -> bool {
    let joins = |inside: Option<char>, outside: Option<char>| {
        inside.is_some_and(char::is_alphabetic)
            && outside.is_some_and(|o| o.is_alphanumeric() || o == '_')
    };
    !joins(
        text[start..end].chars().next(),
        text[..start].chars().next_back(),
    ) && !joins(
        text[start..end].chars().next_back(),
        text[end..].chars().next(),
    )
}

/// Whether `after` (text right after a year, starting with an apostrophe)
/// is a Turkish or Azerbaijani case ending: `2022'de` ("in 2022"),
/// `2021’den`. Not the English `1990's` nor a quote's closing mark.
fn case_ending_follows(after: &str) -> bool {
    let mut chars = after.chars();
    chars.next();
    let rest = chars.as_str();
    let ending = rest
        .find(|c: char| !c.is_alphabetic())
        .map_or(rest, |i| &rest[..i]);
    !ending.is_empty() && ending != "s" && ending.chars().all(char::is_lowercase)
}

fn plausible_year(y: i32) -> bool {
    (1800..=2100).contains(&y)
}

/// Every date in `text`, in order. `order` settles numeric dates whose day
/// and month could be swapped; without it they come back ambiguous.
pub fn find_dates(text: &str, order: Option<DateOrder>) -> Vec<TextDate> {
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(caps) = pattern().captures_at(text, from) {
        let whole = caps.get(0).expect("match");
        let (start, end) = (whole.start(), whole.end());
        if !name_at_word_edges(text, start, end) {
            // Inside a longer word: a date may still start further on.
            from = start + text[start..].chars().next().map_or(1, char::len_utf8);
            // A year-first match ends on its month name: "2022-ci ilin
            // fevralındakı" (a form the lists lack) still names the year,
            // which the search could not find again from inside it.
            if let Some(year) = caps.name("ym_y") {
                if let Ok(y) = year.as_str().parse::<i32>() {
                    if plausible_year(y) {
                        out.push(TextDate {
                            start,
                            end: year.end(),
                            year: Some(y),
                            month: None,
                            day: None,
                            ambiguous: None,
                        });
                    }
                }
                from = year.end();
            }
            continue;
        }
        from = end;
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
        } else if let Some((name, day, year)) = [
            ("ymd_m", "ymd_d", "ymd_y"),
            ("ym_m", "", "ym_y"),
            ("md_m", "md_d", "md_y"),
            ("dm_m", "dm_d", "dm_y"),
            ("my_m", "", "my_y"),
        ]
        .into_iter()
        .find_map(|(m, d, y)| Some((caps.name(m)?.as_str(), num(d), num(y))))
        {
            if year.is_none() && months::needs_a_year(name) {
                continue;
            }
            found.month = months::month_number(name);
            found.day = day.map(|d| d as u8);
            found.year = year;
        } else if let Some(y) = num("y") {
            // A bare year: not "1990s", not part of "$2021" or "2,021".
            let after = &text[end..];
            let before = &text[..start];
            if after.starts_with(['s', '%'])
                || after.starts_with(['’', '\'']) && !case_ending_follows(after)
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
