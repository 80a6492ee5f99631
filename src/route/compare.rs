//! The Compare page's part of a link: the open tab and each tab's settings.
//!
//! ```text
//! #/compare/terms?a=Antiwar.com&b=Al-Monitor
//! #/compare/terms?vs=dates&a_from=2022&a_to=2022&b_from=2023&stopwords=none&stop=said,baku
//! #/compare/timeline?group=day&only=Al-Monitor
//! #/compare/quotes?speaker=entity:erdogan&only=Al-Monitor
//! ```
//!
//! Every setting has a default that is left out of the link, so equal
//! settings give equal links; a value that cannot be read is dropped with a
//! notice, as everywhere in [`super`].

use dossier_core::stats::{DateRange, Granularity, KwicSort, MAX_TREND_TERMS};
use dossier_core::PartialDate;

pub use super::compare_tab::{kwic_sort_from_name, kwic_sort_name, CompareTab};

/// What distinctive terms compares (`vs=`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum TermsVs {
    /// Outlet A against outlet B, or against every other outlet.
    #[default]
    Outlets,
    /// Articles published in range A against those in range B (`vs=dates`).
    Dates,
}

/// Which stop words distinctive terms leaves out, besides the reader's own
/// (`stopwords=`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum StopList {
    /// The default English list.
    #[default]
    Default,
    /// None but the reader's own (`stopwords=none`).
    None,
}

/// The Compare page's settings: the open tab and each tab's own
/// parameters (kept when switching tabs, so a reader can go back and forth).
#[derive(Clone, Debug, PartialEq)]
pub struct Compare {
    /// The open tab.
    pub tab: CompareTab,
    /// The concordance's word, `prefix*` or phrase (`term=`).
    pub term: String,
    /// The concordance's order (`sort=left` …).
    pub kwic_sort: KwicSort,
    /// Distinctive terms: outlets or date ranges (`vs=dates`).
    pub vs: TermsVs,
    /// Distinctive terms: outlet A (`a=`; none: the first outlet).
    pub a: Option<String>,
    /// Distinctive terms: outlet B (`b=`; none: every other outlet).
    pub b: Option<String>,
    /// Distinctive terms: date range A (`a_from=`, `a_to=`).
    pub range_a: DateRange,
    /// Distinctive terms: date range B (`b_from=`, `b_to=`).
    pub range_b: DateRange,
    /// Distinctive terms: the default stop words or none (`stopwords=none`).
    pub stop_list: StopList,
    /// Distinctive terms: the reader's own stop words as typed (`stop=`).
    pub stop_extra: String,
    /// Distinctive terms: two-word phrases rather than words (`words=2`).
    pub phrases: bool,
    /// Trends: up to five terms (`terms=occup*,liberat*`).
    pub terms: Vec<String>,
    /// Events timeline: grouped by month (the default) or day (`group=day`).
    pub group: Granularity,
    /// Events timeline: the one date whose sentences are listed (`date=`).
    pub date: Option<PartialDate>,
    /// Events timeline and who is quoted: one outlet only (`only=`),
    /// without changing the search.
    pub only: Option<String>,
    /// Who is quoted: the chosen speaker's key (`speaker=entity:erdogan`).
    pub speaker: Option<String>,
}

impl Default for Compare {
    fn default() -> Self {
        Compare {
            tab: CompareTab::default(),
            term: String::new(),
            kwic_sort: KwicSort::default(),
            vs: TermsVs::default(),
            a: None,
            b: None,
            range_a: DateRange::default(),
            range_b: DateRange::default(),
            stop_list: StopList::default(),
            stop_extra: String::new(),
            phrases: false,
            terms: Vec::new(),
            // A month groups a story's dates readably; days on request.
            group: Granularity::Month,
            date: None,
            only: None,
            speaker: None,
        }
    }
}

/// The link keys the Compare page reads (besides `sort`, which it shares
/// with the result list).
pub(super) const KEYS: [&str; 16] = [
    "term",
    "a",
    "b",
    "terms",
    "vs",
    "a_from",
    "a_to",
    "b_from",
    "b_to",
    "stopwords",
    "stop",
    "words",
    "group",
    "date",
    "only",
    "speaker",
];

impl Compare {
    /// The default settings on `tab`.
    pub fn tab(tab: CompareTab) -> Compare {
        Compare {
            tab,
            ..Compare::default()
        }
    }

    /// These settings on another tab.
    pub fn on(&self, tab: CompareTab) -> Compare {
        Compare {
            tab,
            ..self.clone()
        }
    }

    /// Reads one of [`KEYS`] from a link, with a notice if its value
    /// cannot be read (the setting then keeps its default).
    pub(super) fn read(&mut self, key: &str, value: &str, notices: &mut Vec<String>) {
        let text = || Some(value.to_string()).filter(|v| !v.is_empty());
        match key {
            "term" => self.term = value.to_string(),
            "a" => self.a = text(),
            "b" => self.b = text(),
            "terms" => {
                self.terms = value
                    .split(',')
                    .map(str::trim)
                    .filter(|t| !t.is_empty())
                    .map(String::from)
                    .collect();
                if self.terms.len() > MAX_TREND_TERMS {
                    notices.push(format!(
                        "Trends chart at most {MAX_TREND_TERMS} terms; the rest were dropped."
                    ));
                    self.terms.truncate(MAX_TREND_TERMS);
                }
            }
            "vs" => match value {
                "dates" => self.vs = TermsVs::Dates,
                "outlets" => self.vs = TermsVs::Outlets,
                _ => notices.push(format!(
                    "Distinctive terms compares outlets or dates, not “{value}”; comparing outlets."
                )),
            },
            "a_from" | "a_to" | "b_from" | "b_to" => match PartialDate::parse(value) {
                Ok(date) => {
                    let range = if key.starts_with('a') {
                        &mut self.range_a
                    } else {
                        &mut self.range_b
                    };
                    if key.ends_with("from") {
                        range.from = Some(date);
                    } else {
                        range.to = Some(date);
                    }
                }
                Err(_) => notices.push(format!(
                    "The link's date “{value}” for side {} is not a date; that end is open.",
                    if key.starts_with('a') { "A" } else { "B" }
                )),
            },
            "stopwords" => match value {
                "none" => self.stop_list = StopList::None,
                "default" => self.stop_list = StopList::Default,
                _ => notices.push(format!(
                    "The link's stop words “{value}” are unknown; using the default list."
                )),
            },
            "stop" => self.stop_extra = value.to_string(),
            "words" => match value {
                "2" => self.phrases = true,
                "1" => self.phrases = false,
                _ => notices.push(format!(
                    "Distinctive terms shows words (1) or two-word phrases (2), not “{value}”; showing words."
                )),
            },
            "group" => match value {
                "day" => self.group = Granularity::Day,
                "month" => self.group = Granularity::Month,
                _ => notices.push(format!(
                    "The timeline groups by day or month, not “{value}”; grouping by month."
                )),
            },
            "date" => match PartialDate::parse(value) {
                Ok(date) => self.date = Some(date),
                Err(_) => notices.push(format!(
                    "The link's timeline date “{value}” is not a date; showing every date."
                )),
            },
            "only" => self.only = text(),
            "speaker" => self.speaker = text(),
            _ => {}
        }
    }

    /// Writes the settings that differ from the defaults, in a fixed order.
    pub(super) fn write(&self, params: &mut Vec<(&'static str, String)>) {
        if self.kwic_sort != KwicSort::Position {
            params.push(("sort", kwic_sort_name(self.kwic_sort).into()));
        }
        if !self.term.is_empty() {
            params.push(("term", self.term.clone()));
        }
        if self.vs == TermsVs::Dates {
            params.push(("vs", "dates".into()));
        }
        params.extend(self.a.iter().map(|a| ("a", a.clone())));
        params.extend(self.b.iter().map(|b| ("b", b.clone())));
        for (key, date) in [
            ("a_from", self.range_a.from),
            ("a_to", self.range_a.to),
            ("b_from", self.range_b.from),
            ("b_to", self.range_b.to),
        ] {
            params.extend(date.map(|d| (key, d.iso())));
        }
        if self.stop_list == StopList::None {
            params.push(("stopwords", "none".into()));
        }
        if !self.stop_extra.is_empty() {
            params.push(("stop", self.stop_extra.clone()));
        }
        if self.phrases {
            params.push(("words", "2".into()));
        }
        if !self.terms.is_empty() {
            params.push(("terms", self.terms.join(",")));
        }
        if self.group == Granularity::Day {
            params.push(("group", "day".into()));
        }
        params.extend(self.date.map(|d| ("date", d.iso())));
        params.extend(self.only.iter().map(|o| ("only", o.clone())));
        params.extend(self.speaker.iter().map(|s| ("speaker", s.clone())));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::route::View;
    use dossier_core::search::{Filters, Sort};

    #[test]
    fn every_compare_setting_round_trips() {
        let view = View {
            query: "karabakh".into(),
            filters: Filters {
                outlets: vec!["Antiwar.com".into()],
                ..Default::default()
            },
            sort: Sort::Oldest,
            compare: Some(Compare {
                tab: CompareTab::Kwic,
                term: "liberat*".into(),
                kwic_sort: KwicSort::Left,
                a: Some("Antiwar.com".into()),
                b: Some("Al-Monitor".into()),
                terms: vec!["occup*".into(), "ethnic cleansing".into()],
                ..Default::default()
            }),
            ..Default::default()
        };
        let hash = view.to_hash();
        assert!(hash.starts_with("#/compare/kwic?q=karabakh"), "{hash}");
        assert!(hash.contains("term=liberat*"), "{hash}");
        assert!(hash.contains("terms=occup*,ethnic%20cleansing"), "{hash}");
        assert_eq!(View::from_hash(&hash), (view, vec![]));
        for tab in CompareTab::ALL {
            let view = View::default().with_compare(Compare::tab(tab));
            assert_eq!(View::from_hash(&view.to_hash()), (view, vec![]), "{tab:?}");
        }
    }

    #[test]
    fn the_brief_compare_links_read_as_written() {
        let (view, notices) = View::from_hash("#/compare/trends?terms=occup*,liberat*");
        assert!(notices.is_empty(), "{notices:?}");
        let c = view.compare.unwrap();
        assert_eq!(
            (c.tab, c.terms),
            (CompareTab::Trends, vec!["occup*".into(), "liberat*".into()])
        );
        let (view, _) = View::from_hash("#/compare/kwic?term=liberat%2A&sort=left&sort=newest");
        let c = view.compare.unwrap();
        assert_eq!((c.term.as_str(), c.kwic_sort), ("liberat*", KwicSort::Left));
        assert_eq!(view.sort, Sort::Newest);
        assert_eq!(
            View::from_hash("#/compare").0.compare,
            Some(Compare::default())
        );
    }

    #[test]
    fn a_bad_compare_link_keeps_what_it_can_with_notices() {
        let (view, notices) =
            View::from_hash("#/compare/pie?term=x&sort=sideways&terms=a,b,c,d,e,f,g");
        let c = view.compare.unwrap();
        assert_eq!(
            (c.tab, c.term.as_str(), c.terms.len()),
            (CompareTab::Naming, "x", 5)
        );
        assert_eq!(notices.len(), 3, "{notices:?}");
        // Outside the Compare page its settings are unknown.
        let (view, notices) = View::from_hash("#/?term=x");
        assert_eq!((view.compare, notices.len()), (None, 1));
    }

    #[test]
    fn the_new_compare_settings_round_trip() {
        let range = |from: Option<&str>, to: Option<&str>| DateRange {
            from: from.map(|d| PartialDate::parse(d).unwrap()),
            to: to.map(|d| PartialDate::parse(d).unwrap()),
        };
        let view = View::default().with_compare(Compare {
            tab: CompareTab::Terms,
            vs: TermsVs::Dates,
            range_a: range(Some("2022"), Some("2022-12")),
            range_b: range(Some("2023-09-25"), None),
            stop_list: StopList::None,
            stop_extra: "said, Türkiye".into(),
            phrases: true,
            group: Granularity::Day,
            date: Some(PartialDate::parse("2020-11-10").unwrap()),
            only: Some("Al-Monitor".into()),
            speaker: Some("entity:erdogan".into()),
            ..Default::default()
        });
        let hash = view.to_hash();
        assert_eq!(
            hash,
            "#/compare/terms?vs=dates&a_from=2022&a_to=2022-12&b_from=2023-09-25&stopwords=none\
             &stop=said,%20T%C3%BCrkiye&words=2&group=day&date=2020-11-10&only=Al-Monitor&speaker=entity%3Aerdogan"
        );
        assert_eq!(View::from_hash(&hash), (view, vec![]));
        // The defaults write nothing.
        assert_eq!(
            View::default()
                .with_compare(Compare::tab(CompareTab::Timeline))
                .to_hash(),
            "#/compare/timeline"
        );
    }

    #[test]
    fn bad_new_compare_settings_are_dropped_with_notices() {
        let (view, notices) = View::from_hash(
            "#/compare/terms?vs=moons&a_from=2022-13&stopwords=some&group=week&b_to=2023&words=3",
        );
        let c = view.compare.unwrap();
        assert_eq!(c.vs, TermsVs::Outlets);
        assert_eq!(c.range_a, DateRange::default());
        assert_eq!(c.range_b.to, Some(PartialDate::year(2023)));
        assert_eq!(
            (c.stop_list, c.group, c.phrases),
            (StopList::Default, Granularity::Month, false)
        );
        assert_eq!(notices.len(), 5, "{notices:?}");
    }
}
