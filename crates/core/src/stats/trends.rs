//! Trends: how often terms appear month by month, per 1,000 words, with the
//! raw counts and word totals beside the rates, so a chart over a handful
//! of articles can show counts honestly instead of a smooth line.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::{normalise, published, Pattern, Scope};
use crate::model::Article;
use crate::search::tokenize;

/// At most this many terms per chart (more lines cannot be told apart).
pub const MAX_TREND_TERMS: usize = 5;

/// One month of a trend (or the bucket of articles with no known month).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TrendMonth {
    /// `YYYY-MM`; `None` for articles dated only to the year, or undated.
    pub month: Option<String>,
    /// The articles published this month (indices, sorted).
    pub articles: Vec<usize>,
    /// Words in those articles (the search core's words, in the scope).
    pub words: usize,
    /// Occurrences of each term, in [`Trends::terms`] order.
    pub counts: Vec<usize>,
    /// Occurrences per 1,000 words, per term; `None` in a month with no
    /// words (a gap, not a zero).
    pub per_thousand: Vec<Option<f64>>,
}

/// Terms over time in a selection.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Trends {
    /// The terms charted, as typed (empty terms dropped, at most
    /// [`MAX_TREND_TERMS`]).
    pub terms: Vec<String>,
    /// Every month from the first to the last with an article, in order,
    /// months without articles included (with no words).
    pub months: Vec<TrendMonth>,
    /// Articles without a known month, counted apart.
    pub undated: TrendMonth,
}

fn empty_month(month: Option<String>, terms: usize) -> TrendMonth {
    TrendMonth {
        month,
        articles: Vec::new(),
        words: 0,
        counts: vec![0; terms],
        per_thousand: vec![None; terms],
    }
}

/// Mentions of up to five `terms` ([`Pattern`] syntax) per month in the
/// selected articles, by publication month.
pub fn trends(
    articles: &[Article],
    selection: &[usize],
    terms: &[String],
    scope: &Scope,
) -> Trends {
    let patterns: Vec<Pattern> = terms
        .iter()
        .filter_map(|t| Pattern::parse(t))
        .take(MAX_TREND_TERMS)
        .collect();
    let n = patterns.len();
    let mut months: BTreeMap<(i32, u8), TrendMonth> = BTreeMap::new();
    let mut undated = empty_month(None, n);
    for ai in normalise(selection, articles) {
        let article = &articles[ai];
        let month = published(article).and_then(|d| Some((d.year_number(), d.month_number()?)));
        let bucket = match month {
            Some((y, m)) => months
                .entry((y, m))
                .or_insert_with(|| empty_month(Some(format!("{y:04}-{m:02}")), n)),
            None => &mut undated,
        };
        bucket.articles.push(ai);
        for (_, text) in scope.texts(article) {
            let tokens = tokenize(text);
            bucket.words += tokens.len();
            for (k, p) in patterns.iter().enumerate() {
                bucket.counts[k] += p.find(&tokens).len();
            }
        }
    }
    // Fill the gaps so the time axis is even.
    if let (Some(&first), Some(&last)) = (months.keys().next(), months.keys().next_back()) {
        let (mut y, mut m) = first;
        while (y, m) < last {
            months
                .entry((y, m))
                .or_insert_with(|| empty_month(Some(format!("{y:04}-{m:02}")), n));
            (y, m) = if m == 12 { (y + 1, 1) } else { (y, m + 1) };
        }
    }
    let rate = |b: &mut TrendMonth| {
        b.per_thousand = b
            .counts
            .iter()
            .map(|&c| (b.words > 0).then(|| c as f64 * 1000.0 / b.words as f64))
            .collect();
    };
    let mut months: Vec<TrendMonth> = months.into_values().collect();
    months.iter_mut().for_each(rate);
    rate(&mut undated);
    Trends {
        terms: patterns.into_iter().map(|p| p.label).collect(),
        months,
        undated,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::date::PartialDate;
    use crate::model::{Fact, Paragraph, Provenance};

    fn article(date: Option<&str>, text: &str) -> Article {
        Article {
            paragraphs: vec![Paragraph::body(text)],
            published: date.map(|d| Fact::new(PartialDate::parse(d).unwrap(), Provenance::Text)),
            ..Default::default()
        }
    }

    #[test]
    fn counts_rates_and_gaps_per_month() {
        let articles = vec![
            article(Some("2021-01-05"), "war and peace war"),
            article(Some("2021-03"), "peace"),
            article(Some("2021"), "war"),
            article(None, "nothing"),
        ];
        let terms = vec!["war".to_string(), "pea*".to_string(), "*".to_string()];
        let t = trends(&articles, &[0, 1, 2, 3], &terms, &Scope::default());
        assert_eq!(t.terms, ["war", "pea*"]);
        let months: Vec<_> = t.months.iter().map(|m| m.month.clone().unwrap()).collect();
        assert_eq!(months, ["2021-01", "2021-02", "2021-03"]);
        assert_eq!(t.months[0].words, 4);
        assert_eq!(t.months[0].counts, [2, 1]);
        assert_eq!(t.months[0].per_thousand, [Some(500.0), Some(250.0)]);
        assert_eq!(t.months[1].words, 0);
        assert_eq!(t.months[1].per_thousand, [None, None]);
        assert_eq!(t.months[2].counts, [0, 1]);
        assert_eq!(t.undated.articles, [2, 3]);
        assert_eq!(t.undated.counts, [1, 0]);
    }

    #[test]
    fn at_most_five_terms() {
        let terms: Vec<String> = (0..7).map(|i| format!("t{i}")).collect();
        let t = trends(&[], &[], &terms, &Scope::default());
        assert_eq!(t.terms.len(), MAX_TREND_TERMS);
        assert!(t.months.is_empty());
    }
}
