//! Dates known only as precisely as the evidence allows.
//!
//! A news article is often dated only to the month ("early October 2021").
//! Storing that as `2021-10-01` would invent a day, so a [`PartialDate`] keeps
//! the precision and every display and comparison respects it.

use std::cmp::Ordering;
use std::fmt;

use serde::{Deserialize, Serialize};

/// How precisely a date is known.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DatePrecision {
    /// Only the year is known.
    Year,
    /// Year and month are known, the day is not.
    Month,
    /// The exact day is known.
    Day,
}

/// A calendar date with an optional month and day, such as `2021`, `2021-10`
/// or `2021-09-08`.
///
/// Serialised as that ISO-8601 prefix, so the JSON stays readable and the
/// precision is visible in the data itself.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct PartialDate {
    year: i32,
    month: Option<u8>,
    day: Option<u8>,
}

/// Why a text is not a valid [`PartialDate`].
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{input:?} is not a date: {reason} (expected YYYY, YYYY-MM or YYYY-MM-DD)")]
pub struct DateError {
    input: String,
    reason: &'static str,
}

const MONTH_NAMES: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

impl PartialDate {
    /// A date known to the year.
    pub fn year(year: i32) -> Self {
        PartialDate {
            year,
            month: None,
            day: None,
        }
    }

    /// A date known to the month; `None` if the month is not 1–12.
    pub fn month(year: i32, month: u8) -> Option<Self> {
        (1..=12).contains(&month).then_some(PartialDate {
            year,
            month: Some(month),
            day: None,
        })
    }

    /// A date known to the day; `None` if no such day exists.
    pub fn day(year: i32, month: u8, day: u8) -> Option<Self> {
        let valid = (1..=12).contains(&month) && day >= 1 && day <= days_in_month(year, month);
        valid.then_some(PartialDate {
            year,
            month: Some(month),
            day: Some(day),
        })
    }

    /// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, rejecting impossible dates.
    pub fn parse(text: &str) -> Result<Self, DateError> {
        let err = |reason| DateError {
            input: text.to_string(),
            reason,
        };
        let mut parts = text.trim().split('-');
        let year = parts
            .next()
            .filter(|y| y.len() == 4 && y.bytes().all(|b| b.is_ascii_digit()))
            .ok_or_else(|| err("the year must have four digits"))?
            .parse::<i32>()
            .map_err(|_| err("bad year"))?;
        let number = |p: Option<&str>| -> Result<Option<u8>, DateError> {
            match p {
                None => Ok(None),
                Some(p) if p.len() == 2 && p.bytes().all(|b| b.is_ascii_digit()) => {
                    Ok(Some(p.parse().map_err(|_| err("bad number"))?))
                }
                Some(_) => Err(err("month and day must have two digits")),
            }
        };
        let month = number(parts.next())?;
        let day = number(parts.next())?;
        if parts.next().is_some() {
            return Err(err("too many parts"));
        }
        match (month, day) {
            (None, _) => Ok(PartialDate::year(year)),
            (Some(m), None) => PartialDate::month(year, m).ok_or_else(|| err("no such month")),
            (Some(m), Some(d)) => PartialDate::day(year, m, d).ok_or_else(|| err("no such day")),
        }
    }

    /// How precisely this date is known.
    pub fn precision(&self) -> DatePrecision {
        match (self.month, self.day) {
            (None, _) => DatePrecision::Year,
            (Some(_), None) => DatePrecision::Month,
            (Some(_), Some(_)) => DatePrecision::Day,
        }
    }

    /// The year.
    pub fn year_number(&self) -> i32 {
        self.year
    }

    /// The month (1–12), if known.
    pub fn month_number(&self) -> Option<u8> {
        self.month
    }

    /// The day of the month, if known.
    pub fn day_number(&self) -> Option<u8> {
        self.day
    }

    /// The ISO-8601 prefix: `2021`, `2021-10` or `2021-09-08`.
    pub fn iso(&self) -> String {
        match (self.month, self.day) {
            (None, _) => format!("{:04}", self.year),
            (Some(m), None) => format!("{:04}-{:02}", self.year, m),
            (Some(m), Some(d)) => format!("{:04}-{:02}-{:02}", self.year, m, d),
        }
    }

    /// The first and last day this date covers, as `(year, month, day)`;
    /// a month-precision date covers the whole month.
    pub fn span(&self) -> ((i32, u8, u8), (i32, u8, u8)) {
        match (self.month, self.day) {
            (None, _) => ((self.year, 1, 1), (self.year, 12, 31)),
            (Some(m), None) => (
                (self.year, m, 1),
                (self.year, m, days_in_month(self.year, m)),
            ),
            (Some(m), Some(d)) => ((self.year, m, d), (self.year, m, d)),
        }
    }

    /// Chronological order that never pretends to more precision than known:
    /// by start of the span, and a less precise date (which covers more) first
    /// on ties.
    pub fn chronological(&self, other: &Self) -> Ordering {
        self.span()
            .0
            .cmp(&other.span().0)
            .then(self.precision().cmp(&other.precision()))
    }
}

/// Reads as a person writes it, at its precision: `8 September 2021`,
/// `October 2021`, `2021`.
impl fmt::Display for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let month_name = |m: u8| MONTH_NAMES[usize::from(m - 1)];
        match (self.month, self.day) {
            (None, _) => write!(f, "{}", self.year),
            (Some(m), None) => write!(f, "{} {}", month_name(m), self.year),
            (Some(m), Some(d)) => write!(f, "{} {} {}", d, month_name(m), self.year),
        }
    }
}

impl TryFrom<String> for PartialDate {
    type Error = DateError;
    fn try_from(text: String) -> Result<Self, Self::Error> {
        PartialDate::parse(&text)
    }
}

impl From<PartialDate> for String {
    fn from(date: PartialDate) -> String {
        date.iso()
    }
}

fn is_leap(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        2 if is_leap(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_each_precision() {
        assert_eq!(
            PartialDate::parse("2021").unwrap().precision(),
            DatePrecision::Year
        );
        assert_eq!(
            PartialDate::parse("2021-10").unwrap().precision(),
            DatePrecision::Month
        );
        assert_eq!(
            PartialDate::parse("2021-09-08").unwrap().precision(),
            DatePrecision::Day
        );
    }

    #[test]
    fn displays_at_its_precision_never_inventing_a_day() {
        assert_eq!(
            PartialDate::parse("2021-10").unwrap().to_string(),
            "October 2021"
        );
        assert_eq!(
            PartialDate::parse("2021-09-08").unwrap().to_string(),
            "8 September 2021"
        );
        assert_eq!(PartialDate::parse("2024").unwrap().to_string(), "2024");
    }

    #[test]
    fn rejects_impossible_dates() {
        for bad in [
            "2021-13",
            "2021-02-29",
            "2021-00",
            "21-01",
            "2021-1-01",
            "2021-01-01-01",
            "",
            "soon",
        ] {
            assert!(PartialDate::parse(bad).is_err(), "{bad} should be rejected");
        }
        assert!(PartialDate::parse("2024-02-29").is_ok());
    }

    #[test]
    fn round_trips_through_json_as_iso_prefix() {
        let d = PartialDate::month(2022, 8).unwrap();
        let json = serde_json::to_string(&d).unwrap();
        assert_eq!(json, "\"2022-08\"");
        assert_eq!(serde_json::from_str::<PartialDate>(&json).unwrap(), d);
        assert!(serde_json::from_str::<PartialDate>("\"2022-13\"").is_err());
    }

    #[test]
    fn month_span_covers_the_whole_month() {
        let d = PartialDate::month(2024, 2).unwrap();
        assert_eq!(d.span(), ((2024, 2, 1), (2024, 2, 29)));
    }

    #[test]
    fn chronological_puts_the_vaguer_date_first_on_ties() {
        let month = PartialDate::month(2021, 9).unwrap();
        let day = PartialDate::day(2021, 9, 1).unwrap();
        let later = PartialDate::day(2021, 9, 8).unwrap();
        assert_eq!(month.chronological(&day), Ordering::Less);
        assert_eq!(day.chronological(&later), Ordering::Less);
        assert_eq!(later.chronological(&month), Ordering::Greater);
    }
}
