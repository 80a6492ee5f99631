//! The events timeline: the dates the articles mention (from ingest), grouped
//! by day or month, each with its sentences and the articles and outlets
//! citing it; and the articles' publication dates as a separate series.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::{normalise, order, outlet_name, Occurrence};
use crate::date::PartialDate;
use crate::model::{Article, Provenance, YearSource};

/// How finely mentioned dates are grouped.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Granularity {
    /// Each date at its own precision: "27 September 2020", "November 2020"
    /// and "2020" are three events.
    #[default]
    Day,
    /// Days joined into their month ("27 September 2020" → September 2020);
    /// year-only dates stay years.
    Month,
}

/// One mention of a date.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct EventMention {
    /// Where the words are.
    pub at: Occurrence,
    /// The words as written ("November 10").
    pub text: String,
    /// The sentence they are in.
    pub sentence: String,
    /// The date at the precision the text gives.
    pub date: PartialDate,
    /// Where the year came from (a stated year is firmer than an inferred one).
    pub year_from: YearSource,
}

/// A date (or month, or year) on the timeline.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Event {
    /// The group's date: a day, month or year.
    pub date: PartialDate,
    /// Every mention, in dossier order.
    pub mentions: Vec<EventMention>,
    /// The citing articles (indices, sorted).
    pub articles: Vec<usize>,
    /// Their outlets, sorted.
    pub outlets: Vec<String>,
}

/// A date mention whose year nobody knows: listed, never placed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct UnresolvedMention {
    /// Where the words are.
    pub at: Occurrence,
    /// The words as written.
    pub text: String,
    /// The sentence they are in.
    pub sentence: String,
    /// The month as written, if any.
    pub month: Option<u8>,
    /// The day as written, if any.
    pub day: Option<u8>,
}

/// An article's publication date, the timeline's second series.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PublicationMark {
    /// The article (index).
    pub article: usize,
    /// Its publication date.
    pub date: PartialDate,
    /// Its outlet.
    pub outlet: String,
    /// Where the date came from (curated and estimated dates are drawn
    /// differently).
    pub source: Provenance,
}

/// The timeline of a selection.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Timeline {
    /// Mentioned dates, grouped, oldest first (a less precise date before
    /// the days it covers).
    pub events: Vec<Event>,
    /// Mentions with no known year, in dossier order.
    pub unresolved: Vec<UnresolvedMention>,
    /// Publication dates, oldest first (ties by article); undated articles
    /// are absent.
    pub publications: Vec<PublicationMark>,
}

impl Timeline {
    /// The event for a date, if any article mentions it.
    pub fn event(&self, date: &PartialDate) -> Option<&Event> {
        self.events.iter().find(|e| e.date == *date)
    }
}

fn group_key(date: PartialDate, granularity: Granularity) -> PartialDate {
    match (granularity, date.month_number()) {
        (Granularity::Month, Some(m)) => PartialDate::month(date.year_number(), m).unwrap_or(date),
        _ => date,
    }
}

/// The events timeline of the selected articles.
pub fn events_timeline(
    articles: &[Article],
    selection: &[usize],
    granularity: Granularity,
) -> Timeline {
    // ISO strings sort chronologically, a less precise date first.
    let mut events: BTreeMap<String, Event> = BTreeMap::new();
    let mut unresolved = Vec::new();
    let mut publications = Vec::new();
    for ai in normalise(selection, articles) {
        let article = &articles[ai];
        let outlet = outlet_name(article);
        if let Some(p) = &article.published {
            publications.push(PublicationMark {
                article: ai,
                date: p.value,
                outlet: outlet.clone(),
                source: p.source,
            });
        }
        for d in &article.mentioned_dates {
            let at = Occurrence {
                article: ai,
                paragraph: Some(d.paragraph),
                start: d.start,
                end: d.end,
            };
            let Some(date) = d.date else {
                unresolved.push(UnresolvedMention {
                    at,
                    text: d.text.clone(),
                    sentence: d.sentence.clone(),
                    month: d.month,
                    day: d.day,
                });
                continue;
            };
            let key = group_key(date, granularity);
            let event = events.entry(key.iso()).or_insert_with(|| Event {
                date: key,
                mentions: Vec::new(),
                articles: Vec::new(),
                outlets: Vec::new(),
            });
            event.mentions.push(EventMention {
                at,
                text: d.text.clone(),
                sentence: d.sentence.clone(),
                date,
                year_from: d.year_from,
            });
            if !event.articles.contains(&ai) {
                event.articles.push(ai);
            }
            if !event.outlets.contains(&outlet) {
                event.outlets.push(outlet.clone());
            }
        }
    }
    let mut events: Vec<Event> = events.into_values().collect();
    for e in &mut events {
        e.outlets.sort();
    }
    order::sort_by(&mut publications, |a, b| {
        a.date
            .chronological(&b.date)
            .then(a.article.cmp(&b.article))
    });
    Timeline {
        events,
        unresolved,
        publications,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Fact, MentionedDate};

    fn mention(text: &str, date: Option<&str>) -> MentionedDate {
        MentionedDate {
            text: text.into(),
            sentence: format!("On {text}."),
            date: date.map(|d| PartialDate::parse(d).unwrap()),
            year_from: if date.is_some() {
                YearSource::Stated
            } else {
                YearSource::Unresolved
            },
            ..Default::default()
        }
    }

    fn article(outlet: &str, published: &str, dates: Vec<MentionedDate>) -> Article {
        Article {
            outlet: Some(Fact::new(outlet.into(), Provenance::Text)),
            published: Some(Fact::new(
                PartialDate::parse(published).unwrap(),
                Provenance::Manifest,
            )),
            mentioned_dates: dates,
            ..Default::default()
        }
    }

    #[test]
    fn groups_by_day_or_month_and_lists_unresolved_apart() {
        let articles = vec![
            article(
                "B",
                "2022-08",
                vec![
                    mention("September 27, 2020", Some("2020-09-27")),
                    mention("November 10", None),
                ],
            ),
            article(
                "A",
                "2021-09-08",
                vec![
                    mention("September 2020", Some("2020-09")),
                    mention("Sept. 27, 2020", Some("2020-09-27")),
                ],
            ),
        ];
        let t = events_timeline(&articles, &[0, 1], Granularity::Day);
        let dates: Vec<String> = t.events.iter().map(|e| e.date.iso()).collect();
        assert_eq!(dates, ["2020-09", "2020-09-27"]);
        let day = t.event(&PartialDate::day(2020, 9, 27).unwrap()).unwrap();
        assert_eq!(day.articles, [0, 1]);
        assert_eq!(day.outlets, ["A", "B"]);
        assert_eq!(t.unresolved.len(), 1);
        assert_eq!(t.unresolved[0].text, "November 10");
        let pubs: Vec<usize> = t.publications.iter().map(|p| p.article).collect();
        assert_eq!(pubs, [1, 0]);
        assert_eq!(t.publications[0].source, Provenance::Manifest);

        let by_month = events_timeline(&articles, &[0, 1], Granularity::Month);
        assert_eq!(by_month.events.len(), 1);
        assert_eq!(by_month.events[0].mentions.len(), 3);
    }
}
