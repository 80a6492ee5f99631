//! Facts read from an article's text and metadata: its detected language,
//! a metadata date, the byline's name, the outlet an author bio names, and
//! the dates the text mentions.

use std::sync::OnceLock;

use super::dates::{self, DateOrder, TextDate};
use super::text;
use crate::date::PartialDate;
use crate::model::{Article, MentionedDate, Role, YearSource};

/// The ISO 639-1 code of a detected language (ISO 639-3 when there is no
/// two-letter code).
pub(super) fn language_code(lang: whatlang::Lang) -> &'static str {
    let code = lang.code();
    const TWO_LETTER: &[(&str, &str)] = &[
        ("eng", "en"),
        ("tur", "tr"),
        ("rus", "ru"),
        ("fra", "fr"),
        ("deu", "de"),
        ("spa", "es"),
        ("ita", "it"),
        ("por", "pt"),
        ("nld", "nl"),
        ("pes", "fa"),
        ("ara", "ar"),
        ("heb", "he"),
        ("hye", "hy"),
        ("aze", "az"),
        ("ukr", "uk"),
        ("pol", "pl"),
        ("kat", "ka"),
        ("cmn", "zh"),
        ("jpn", "ja"),
        ("ell", "el"),
    ];
    TWO_LETTER
        .iter()
        .find(|(three, _)| *three == code)
        .map_or(code, |(_, two)| two)
}

/// A date from metadata: ISO (with an optional time), or any format the
/// text rules read.
pub(super) fn parse_metadata_date(raw: &str, order: Option<DateOrder>) -> Option<PartialDate> {
    let head = raw.split(['T', ' ']).next().unwrap_or(raw);
    if let Ok(d) = PartialDate::parse(head) {
        return Some(d);
    }
    if let Some(d) = dotted_date(head) {
        return Some(d);
    }
    let found = dates::find_dates(raw, order);
    found
        .iter()
        .filter_map(TextDate::date)
        .max_by_key(|d| d.precision())
}

/// `D.M.YYYY` (`12.03.2022`, `1.3.2022`): always day first, whatever the
/// outlet's locale. Dots are the day-first convention of the region's
/// sites (Russian, Turkish, Azerbaijani, German); US sites write dates with
/// slashes, so a dotted date is never read month first.
fn dotted_date(text: &str) -> Option<PartialDate> {
    let parts: Vec<&str> = text.trim().split('.').collect();
    let [day, month, year] = parts[..] else {
        return None;
    };
    let digits = |p: &str, len: std::ops::RangeInclusive<usize>| {
        len.contains(&p.len()) && p.bytes().all(|b| b.is_ascii_digit())
    };
    if !(digits(day, 1..=2) && digits(month, 1..=2) && digits(year, 4..=4)) {
        return None;
    }
    PartialDate::day(year.parse().ok()?, month.parse().ok()?, day.parse().ok()?)
}

pub(super) fn byline_name(text: &str) -> Option<String> {
    let lower = text.to_lowercase();
    for prefix in [
        "author:",
        "author",
        "written by",
        "words by",
        "reporting by",
        "posted by",
        "by:",
        "by",
    ] {
        if lower.starts_with(prefix) {
            let name = text[prefix.len()..].trim().trim_start_matches(':').trim();
            if !name.is_empty() {
                return Some(name.to_string());
            }
        }
    }
    None
}

/// The outlet an author bio names: "… editor of X", "… reporter at X".
pub(super) fn bio_outlet(text: &str) -> Option<String> {
    static RE: OnceLock<regex::Regex> = OnceLock::new();
    let re = RE.get_or_init(|| {
        regex::Regex::new(
            r"\b(?:editor|reporter|correspondent|writer|journalist|columnist|contributor|analyst|producer|chief)\s+(?:of|at|for)\s+(?:the\s+)?(?P<outlet>\p{Lu}[\p{L}\p{N}.&'’-]*(?:\s+\p{Lu}[\p{L}\p{N}.&'’-]*){0,4})",
        )
        .expect("valid")
    });
    let outlet = re.captures(text)?.name("outlet")?.as_str();
    Some(outlet.trim_end_matches(['.', ',', '’', '\'']).to_string())
}

/// Every date mentioned in the body, dek and captions, with its sentence
/// and year resolved from the same paragraph or the publication date.
pub(super) fn mentioned_dates(article: &Article, order: Option<DateOrder>) -> Vec<MentionedDate> {
    let mut out = Vec::new();
    let dateline_paragraph = article.paragraphs.iter().position(|p| p.role == Role::Body);
    for (pi, p) in article.paragraphs.iter().enumerate() {
        if !matches!(p.role, Role::Body | Role::Dek | Role::Caption) {
            continue;
        }
        let text = p.text.as_str();
        let skip_until = if Some(pi) == dateline_paragraph {
            dates::dateline(text, order).map_or(0, |d| d.text.len())
        } else {
            0
        };
        let bounds = text::sentences(text);
        let mut context_year: Option<i32> = None;
        for d in dates::find_dates(text, order) {
            if d.start < skip_until {
                continue;
            }
            let (ss, se) = text::sentence_at(&bounds, d.start, text.len());
            let mut m = MentionedDate {
                text: text[d.start..d.end].to_string(),
                paragraph: pi,
                start: d.start,
                end: d.end,
                sentence: text[ss..se.max(d.end)].trim().to_string(),
                date: None,
                month: d.month,
                day: d.day,
                year_from: YearSource::Unresolved,
            };
            if let Some(y) = d.year {
                m.year_from = YearSource::Stated;
                m.date = d.date().or(Some(PartialDate::year(y)));
                if d.month.is_some() {
                    context_year = Some(y);
                }
            } else if let Some(month) = d.month {
                let resolved = if let Some(y) = context_year {
                    Some((y, YearSource::Context))
                } else {
                    article
                        .published
                        .as_ref()
                        .filter(|f| f.value.precision() >= crate::DatePrecision::Month)
                        .map(|f| {
                            let (_, (py, pm, pd)) = f.value.span();
                            let not_after = (month, d.day.unwrap_or(1)) <= (pm, pd);
                            (if not_after { py } else { py - 1 }, YearSource::Publication)
                        })
                };
                if let Some((y, source)) = resolved {
                    let date = match d.day {
                        Some(day) => PartialDate::day(y, month, day),
                        None => PartialDate::month(y, month),
                    };
                    if date.is_some() {
                        m.date = date;
                        m.year_from = source;
                    }
                }
            }
            out.push(m);
        }
    }
    out
}
