//! Reading one curated fact of `[articles."id"]`: a bare value or a
//! `{ value, source, note }` table, with errors that name the field, the
//! bad value and what is allowed.
//!
//! serde's untagged enums can only say "data did not match any variant",
//! so the two shapes are told apart by hand here.

use serde::de::{Deserialize, Deserializer, Error as _};

use super::CuratedFact;
use crate::date::PartialDate;
use crate::model::Provenance;

/// The sources a `{ value, source }` table may name, as the manifest
/// spells them.
const SOURCES: [(&str, Provenance); 4] = [
    ("text", Provenance::Text),
    ("front_matter", Provenance::FrontMatter),
    ("manifest", Provenance::Manifest),
    ("estimated", Provenance::Estimated),
];

/// A value a curated fact may hold, read from its TOML value with a
/// message a curator can act on.
pub trait CuratedValue: Sized {
    /// Reads the value, or says what is wrong with it.
    fn read(value: toml::Value) -> Result<Self, String>;
}

impl CuratedValue for String {
    fn read(value: toml::Value) -> Result<Self, String> {
        match value {
            toml::Value::String(s) => Ok(s),
            other => Err(format!(
                "{} is not text: expected a quoted string",
                shown(&other)
            )),
        }
    }
}

impl CuratedValue for PartialDate {
    fn read(value: toml::Value) -> Result<Self, String> {
        let toml::Value::String(text) = value else {
            return Err(format!(
                "{} is not a date: expected a quoted \"YYYY\", \"YYYY-MM\" or \"YYYY-MM-DD\"",
                shown(&value)
            ));
        };
        PartialDate::parse(&text).map_err(|err| match month_length(&text) {
            // The general message says "no such day"; the curator wants
            // to know how many days the month has.
            Some((month, days)) => format!("{text:?} is not a date: {month} has {days} days"),
            None => err.to_string(),
        })
    }
}

/// For `YYYY-MM-DD` with a real month but a day past its end: the month
/// ("February 2022") and its number of days.
fn month_length(text: &str) -> Option<(String, u8)> {
    let mut parts = text.trim().splitn(3, '-');
    let year: i32 = parts.next()?.parse().ok()?;
    let month: u8 = parts.next()?.parse().ok()?;
    let day: u8 = parts.next()?.parse().ok()?;
    let days = (28..=31)
        .rev()
        .find(|&d| PartialDate::day(year, month, d).is_some())?;
    (day > days).then(|| (PartialDate::month(year, month).unwrap().to_string(), days))
}

impl<'de, T: CuratedValue> Deserialize<'de> for CuratedFact<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        read(toml::Value::deserialize(deserializer)?).map_err(D::Error::custom)
    }
}

/// A bare value, or a table of `value`, `source` and `note`.
fn read<T: CuratedValue>(value: toml::Value) -> Result<CuratedFact<T>, String> {
    let toml::Value::Table(mut table) = value else {
        return T::read(value).map(CuratedFact::Plain);
    };
    if let Some(key) = table
        .keys()
        .find(|k| !["value", "source", "note"].contains(&k.as_str()))
    {
        return Err(format!(
            "unknown key {key:?} (a fact's table has value, source and note)"
        ));
    }
    let value = table
        .remove("value")
        .ok_or("the table has no `value` (write { value = \"…\", source = \"…\" })")?;
    let source = match table.remove("source") {
        None => Provenance::Manifest,
        Some(toml::Value::String(s)) => SOURCES
            .iter()
            .find(|(name, _)| *name == s)
            .map(|(_, p)| *p)
            .ok_or_else(|| format!("source {s:?} is not one of: {}", source_names()))?,
        Some(other) => {
            return Err(format!(
                "source {} is not one of: {}",
                shown(&other),
                source_names()
            ))
        }
    };
    let note = match table.remove("note") {
        None => None,
        Some(toml::Value::String(s)) => Some(s),
        Some(other) => {
            return Err(format!(
                "note {} is not text: expected a quoted string",
                shown(&other)
            ))
        }
    };
    Ok(CuratedFact::Detailed {
        value: T::read(value)?,
        source,
        note,
    })
}

/// A TOML value as a curator wrote it, roughly (the `toml` crate's own
/// printer is behind a feature we do not need otherwise).
fn shown(value: &toml::Value) -> String {
    match value {
        toml::Value::String(s) => format!("{s:?}"),
        toml::Value::Integer(n) => n.to_string(),
        toml::Value::Float(x) => x.to_string(),
        toml::Value::Boolean(b) => b.to_string(),
        toml::Value::Datetime(d) => d.to_string(),
        toml::Value::Array(_) => "a list".to_string(),
        toml::Value::Table(_) => "a table".to_string(),
    }
}

fn source_names() -> String {
    SOURCES.map(|(name, _)| name).join(", ")
}

/// One field of an article's facts, its name prefixed to any error.
pub fn field<'de, D: Deserializer<'de>, T: CuratedValue>(
    name: &str,
    deserializer: D,
) -> Result<Option<CuratedFact<T>>, D::Error> {
    read(toml::Value::deserialize(deserializer)?)
        .map(Some)
        .map_err(|msg| D::Error::custom(format!("{name}: {msg}")))
}

/// The table header (`[articles."id"]`) above byte `at` of the manifest,
/// to name the article an error is in.
pub fn article_at(text: &str, at: usize) -> Option<String> {
    let header = text.get(..at)?.lines().rev().find_map(|line| {
        let line = line.trim();
        line.strip_prefix('[')
            .filter(|l| !l.starts_with('['))
            .and_then(|l| l.split(']').next())
    })?;
    let id = header.trim().strip_prefix("articles.")?.trim();
    Some(id.trim_matches(|c| c == '"' || c == '\'').to_string())
}
