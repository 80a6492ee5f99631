//! The two selections distinctive terms compare: an outlet against the
//! rest, one outlet against another, or one date range against another;
//! and the outlets of a selection, for pickers and facets.

use serde::{Deserialize, Serialize};

use super::{normalise, outlet_name, published};
use crate::date::PartialDate;
use crate::model::Article;

/// A range of publication dates; either end may be open.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DateRange {
    /// The first date (from the start of its span); `None`: no lower bound.
    pub from: Option<PartialDate>,
    /// The last date (to the end of its span); `None`: no upper bound.
    pub to: Option<PartialDate>,
}

impl DateRange {
    /// Whether a date lies wholly inside the range. A date known only to
    /// its month or year counts only when its whole span is inside, so
    /// "2022" is not in "2022-03 to 2022-12": we do not know it is.
    pub fn contains(&self, date: &PartialDate) -> bool {
        let (start, end) = date.span();
        self.from.is_none_or(|f| start >= f.span().0) && self.to.is_none_or(|t| end <= t.span().1)
    }

    /// Whether neither end is set (every dated article is inside).
    pub fn is_open(&self) -> bool {
        self.from.is_none() && self.to.is_none()
    }
}

/// Which two selections to compare.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Sides {
    /// One outlet's articles against every other article.
    OutletVsRest(String),
    /// One outlet's articles against another's.
    Outlets(String, String),
    /// Articles published in one range against those published in another.
    Dates(DateRange, DateRange),
}

/// A selection split in two.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Split {
    /// Side A's articles, sorted.
    pub a: Vec<usize>,
    /// Side B's articles, sorted.
    pub b: Vec<usize>,
    /// Articles on neither side, sorted: another outlet, undated, known
    /// only too roughly to place, or inside both date ranges (counting one
    /// article on both sides would cancel it out).
    pub left_out: Vec<usize>,
}

/// Splits `selection` into the two sides.
pub fn split_selection(articles: &[Article], selection: &[usize], sides: &Sides) -> Split {
    let mut split = Split::default();
    for i in normalise(selection, articles) {
        let article = &articles[i];
        let (in_a, in_b) = match sides {
            Sides::OutletVsRest(a) => {
                let mine = outlet_name(article) == *a;
                (mine, !mine)
            }
            Sides::Outlets(a, b) => {
                let outlet = outlet_name(article);
                (outlet == *a, outlet == *b && a != b)
            }
            Sides::Dates(a, b) => match published(article) {
                Some(date) => (a.contains(&date), b.contains(&date)),
                None => (false, false),
            },
        };
        match (in_a, in_b) {
            (true, false) => split.a.push(i),
            (false, true) => split.b.push(i),
            _ => split.left_out.push(i),
        }
    }
    split
}

/// The outlets of the selected articles, sorted, each once.
pub fn outlets_of(articles: &[Article], selection: &[usize]) -> Vec<String> {
    let mut outlets: Vec<String> = normalise(selection, articles)
        .into_iter()
        .map(|i| outlet_name(&articles[i]))
        .collect();
    outlets.sort();
    outlets.dedup();
    outlets
}

/// The selected articles from one outlet (`None`: all of them), sorted.
pub fn only_outlet(articles: &[Article], selection: &[usize], outlet: Option<&str>) -> Vec<usize> {
    normalise(selection, articles)
        .into_iter()
        .filter(|&i| outlet.is_none_or(|o| outlet_name(&articles[i]) == o))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Fact, Provenance};

    fn article(outlet: &str, published: Option<&str>) -> Article {
        Article {
            outlet: Some(Fact::new(outlet.into(), Provenance::Text)),
            published: published
                .map(|d| Fact::new(PartialDate::parse(d).unwrap(), Provenance::Text)),
            ..Default::default()
        }
    }

    fn range(from: Option<&str>, to: Option<&str>) -> DateRange {
        let parse = |d: &str| PartialDate::parse(d).unwrap();
        DateRange {
            from: from.map(parse),
            to: to.map(parse),
        }
    }

    fn dossier() -> Vec<Article> {
        vec![
            article("A", Some("2021-09-08")),
            article("B", Some("2022-08")),
            article("A", Some("2023")),
            article("C", None),
            article("B", Some("2024-03-01")),
        ]
    }

    #[test]
    fn an_outlet_against_the_rest_or_another_outlet() {
        let d = dossier();
        let all = [4, 3, 2, 1, 0, 0];
        let rest = split_selection(&d, &all, &Sides::OutletVsRest("A".into()));
        assert_eq!(
            (rest.a, rest.b, rest.left_out),
            (vec![0, 2], vec![1, 3, 4], vec![])
        );
        let two = split_selection(&d, &all, &Sides::Outlets("A".into(), "B".into()));
        assert_eq!(
            (two.a, two.b, two.left_out),
            (vec![0, 2], vec![1, 4], vec![3])
        );
        let same = split_selection(&d, &all, &Sides::Outlets("A".into(), "A".into()));
        assert!(same.b.is_empty());
    }

    #[test]
    fn date_ranges_take_only_dates_wholly_inside() {
        let d = dossier();
        let sides = Sides::Dates(range(None, Some("2022")), range(Some("2023-01"), None));
        let s = split_selection(&d, &[0, 1, 2, 3, 4], &sides);
        assert_eq!((s.a, s.b, s.left_out), (vec![0, 1], vec![2, 4], vec![3]));
        // "2023" is not wholly inside March to December 2023; "2022-08" is
        // inside both overlapping ranges, so on neither side.
        let sides = Sides::Dates(
            range(Some("2022"), Some("2022-12-31")),
            range(Some("2022-06"), Some("2023-12")),
        );
        let s = split_selection(&d, &[0, 1, 2, 3, 4], &sides);
        assert_eq!((s.a, s.b, s.left_out), (vec![], vec![2], vec![0, 1, 3, 4]));
        assert!(range(None, None).is_open());
        assert!(!range(Some("2023-03"), None).contains(&PartialDate::year(2023)));
    }

    #[test]
    fn outlets_and_one_outlets_articles() {
        let d = dossier();
        assert_eq!(outlets_of(&d, &[4, 3, 1]), ["B", "C"]);
        assert_eq!(only_outlet(&d, &[4, 1, 0], Some("B")), [1, 4]);
        assert_eq!(only_outlet(&d, &[4, 1, 0], None), [0, 1, 4]);
    }
}
