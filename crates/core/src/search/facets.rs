//! Filters and facet counts.
//!
//! Two kinds of restriction:
//! - *constraints* from the query text (`outlet:`, `lang:`, dates) and the
//!   date range of [`Filters`]: they apply to results and to every count;
//! - *facet selections* from [`Filters`] (outlets, authors, languages,
//!   entities, years, months): values within a facet are alternatives, and a
//!   facet's counts ignore that facet's own selection (disjunctive faceting),
//!   so choosing one outlet does not make the other outlets show zero.

use std::collections::BTreeMap;

use super::analyze::fold;
use super::index::{day_number, Column, SearchIndex};
use super::parse::Query;
use super::run::Candidate;
use super::{FacetValue, Facets, Filters};
use crate::date::PartialDate;

const OUTLET: usize = 0;
const AUTHOR: usize = 1;
const LANGUAGE: usize = 2;
const ENTITY: usize = 3;
const YEAR: usize = 4;
const MONTH: usize = 5;
const FACETS: usize = 6;

/// Selected ids (column ids, years, or `yyyymm` months) per facet.
type Selection = [Option<Vec<i64>>; FACETS];

pub(crate) struct Constraints {
    /// From the query text, per column facet (outlet, author, language, entity).
    query_columns: [Option<Vec<u32>>; 4],
    /// Inclusive `yyyymmdd` range an article's date span must overlap.
    date: Option<(i32, i32)>,
    selection: Selection,
}

impl Constraints {
    pub(crate) fn new(
        index: &SearchIndex,
        query: &Query,
        filters: &Filters,
        messages: &mut Vec<String>,
    ) -> Self {
        let columns = [
            &index.outlets,
            &index.authors,
            &index.languages,
            &index.entities,
        ];
        let asked = [
            &query.outlets,
            &query.authors,
            &query.languages,
            &query.entities,
        ];
        let names = ["outlet", "author", "lang", "entity"];
        let what = ["outlet", "author", "language", "entity"];
        let query_columns = std::array::from_fn(|f| {
            if asked[f].is_empty() {
                return None;
            }
            if columns[f].names.is_empty() {
                messages.push(format!(
                    "No article in this dossier has {} data; {}: was ignored.",
                    what[f], names[f]
                ));
                return None;
            }
            let mut ids = Vec::new();
            for value in asked[f] {
                let found = resolve_loosely(columns[f], value);
                if found.is_empty() {
                    messages.push(format!(
                        "No {} in this dossier matches \"{value}\".",
                        what[f]
                    ));
                }
                ids.extend(found);
            }
            ids.sort_unstable();
            ids.dedup();
            Some(ids)
        });
        let mut lo = i32::MIN;
        let mut hi = i32::MAX;
        let mut any_date = false;
        for after in [query.after, filters.after].into_iter().flatten() {
            lo = lo.max(day_number(after.span().0));
            any_date = true;
        }
        for before in [query.before, filters.before].into_iter().flatten() {
            hi = hi.min(day_number(before.span().1));
            any_date = true;
        }
        if let Some(on) = query.on {
            lo = lo.max(day_number(on.span().0));
            hi = hi.min(day_number(on.span().1));
            any_date = true;
        }
        let exact_ids = |column: &Column, values: &[String]| -> Option<Vec<i64>> {
            (!values.is_empty()).then(|| {
                values
                    .iter()
                    .filter_map(|v| column.names.binary_search(v).ok())
                    .map(|i| i as i64)
                    .collect()
            })
        };
        let years = (!filters.years.is_empty()).then(|| {
            filters
                .years
                .iter()
                .filter_map(|y| y.trim().parse().ok())
                .collect()
        });
        let months = (!filters.months.is_empty()).then(|| {
            filters
                .months
                .iter()
                .filter_map(|m| PartialDate::parse(m).ok())
                .filter_map(|d| {
                    d.month_number()
                        .map(|m| i64::from(d.year_number()) * 100 + i64::from(m))
                })
                .collect()
        });
        Constraints {
            query_columns,
            date: any_date.then_some((lo, hi)),
            selection: [
                exact_ids(&index.outlets, &filters.outlets),
                exact_ids(&index.authors, &filters.authors),
                exact_ids(&index.languages, &filters.languages),
                exact_ids(&index.entities, &filters.entities),
                years,
                months,
            ],
        }
    }

    fn passes_hard(&self, index: &SearchIndex, doc: usize) -> bool {
        let columns = [
            &index.outlets,
            &index.authors,
            &index.languages,
            &index.entities,
        ];
        for (f, wanted) in self.query_columns.iter().enumerate() {
            if let Some(wanted) = wanted {
                if !columns[f]
                    .of(doc)
                    .iter()
                    .any(|v| wanted.binary_search(v).is_ok())
                {
                    return false;
                }
            }
        }
        match self.date {
            Some((lo, hi)) => {
                index.precision[doc] > 0 && index.date_start[doc] <= hi && index.date_end[doc] >= lo
            }
            None => true,
        }
    }

    /// Keeps the candidates passing every restriction and counts facets.
    pub(crate) fn apply(
        &self,
        index: &SearchIndex,
        candidates: &[Candidate],
    ) -> (Vec<Candidate>, Facets) {
        let columns = [
            &index.outlets,
            &index.authors,
            &index.languages,
            &index.entities,
        ];
        let mut column_counts: Vec<Vec<usize>> =
            columns.iter().map(|c| vec![0; c.names.len()]).collect();
        let mut years: BTreeMap<i64, usize> = BTreeMap::new();
        let mut months: BTreeMap<i64, usize> = BTreeMap::new();
        let mut passing = Vec::new();
        let mut values: [Vec<i64>; FACETS] = Default::default();
        for &candidate in candidates {
            let doc = candidate.0 as usize;
            if !self.passes_hard(index, doc) {
                continue;
            }
            for (f, column) in columns.iter().enumerate() {
                values[f].clear();
                values[f].extend(column.of(doc).iter().map(|&v| i64::from(v)));
            }
            values[YEAR].clear();
            values[MONTH].clear();
            if index.precision[doc] > 0 {
                values[YEAR].push(i64::from(index.date_start[doc] / 10_000));
            }
            if index.precision[doc] > 1 {
                values[MONTH].push(i64::from(index.date_start[doc] / 100));
            }
            let pass: [bool; FACETS] = std::array::from_fn(|f| match &self.selection[f] {
                None => true,
                Some(selected) => values[f].iter().any(|v| selected.contains(v)),
            });
            let failing = pass.iter().filter(|p| !**p).count();
            if failing == 0 {
                passing.push(candidate);
            }
            for f in 0..FACETS {
                // Count this facet when every *other* facet passes.
                if failing > 1 || (failing == 1 && pass[f]) {
                    continue;
                }
                for &v in &values[f] {
                    match f {
                        YEAR => *years.entry(v).or_default() += 1,
                        MONTH => *months.entry(v).or_default() += 1,
                        _ => column_counts[f][v as usize] += 1,
                    }
                }
            }
        }
        let column_facet = |f: usize| -> Vec<FacetValue> {
            let selected = self.selection[f].as_deref().unwrap_or(&[]);
            let mut out: Vec<FacetValue> = columns[f]
                .names
                .iter()
                .enumerate()
                .filter(|&(i, _)| column_counts[f][i] > 0 || selected.contains(&(i as i64)))
                .map(|(i, name)| FacetValue {
                    value: name.clone(),
                    label: name.clone(),
                    count: column_counts[f][i],
                    selected: selected.contains(&(i as i64)),
                })
                .collect();
            out.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.label.cmp(&b.label)));
            out
        };
        let dated_facet = |f: usize, counts: &BTreeMap<i64, usize>| -> Vec<FacetValue> {
            let mut counts = counts.clone();
            for &s in self.selection[f].as_deref().unwrap_or(&[]) {
                counts.entry(s).or_default();
            }
            let selected = self.selection[f].as_deref().unwrap_or(&[]);
            counts
                .into_iter()
                .map(|(key, count)| {
                    let (value, label) = if f == YEAR {
                        (format!("{key:04}"), format!("{key}"))
                    } else {
                        let date = PartialDate::month((key / 100) as i32, (key % 100) as u8);
                        (
                            format!("{:04}-{:02}", key / 100, key % 100),
                            date.map(|d| d.to_string()).unwrap_or_default(),
                        )
                    };
                    FacetValue {
                        value,
                        label,
                        count,
                        selected: selected.contains(&key),
                    }
                })
                .collect()
        };
        let facets = Facets {
            outlets: column_facet(OUTLET),
            authors: column_facet(AUTHOR),
            languages: column_facet(LANGUAGE),
            entities: column_facet(ENTITY),
            years: dated_facet(YEAR, &years),
            months: dated_facet(MONTH, &months),
        };
        (passing, facets)
    }
}

/// Column ids matching a value typed in the query: the same name once
/// folded, else every name containing it (`antiwar` finds `Antiwar.com`).
fn resolve_loosely(column: &Column, value: &str) -> Vec<u32> {
    let wanted = fold(value.trim());
    let folded: Vec<String> = column.names.iter().map(|n| fold(n)).collect();
    let exact: Vec<u32> = (0..folded.len())
        .filter(|&i| folded[i] == wanted)
        .map(|i| i as u32)
        .collect();
    if !exact.is_empty() || wanted.is_empty() {
        return exact;
    }
    (0..folded.len())
        .filter(|&i| folded[i].contains(&wanted))
        .map(|i| i as u32)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Article, Fact, Paragraph, Provenance};
    use crate::search::{SearchConfig, SearchOptions, SearchResults};

    fn article(outlet: Option<&str>, date: Option<&str>) -> Article {
        Article {
            id: "x".into(),
            headline: "Baku".into(),
            paragraphs: vec![Paragraph::body("text")],
            outlet: outlet.map(|o| Fact::new(o.to_string(), Provenance::Text)),
            published: date
                .map(|d| Fact::new(PartialDate::parse(d).unwrap(), Provenance::Manifest)),
            ..Default::default()
        }
    }

    fn corpus() -> Vec<Article> {
        vec![
            article(Some("A"), Some("2021-09-08")),
            article(Some("A"), Some("2021-10")),
            article(Some("B"), Some("2022")),
            article(None, None),
        ]
    }

    fn run(query: &str, filters: &Filters) -> SearchResults {
        let articles = corpus();
        let index = SearchIndex::build(&articles, &SearchConfig::default());
        index.search_text(&articles, query, false, filters, &SearchOptions::default())
    }

    fn counts(values: &[FacetValue]) -> Vec<(&str, usize)> {
        values.iter().map(|v| (v.value.as_str(), v.count)).collect()
    }

    #[test]
    fn counts_without_selection() {
        let r = run("baku", &Filters::default());
        assert_eq!(r.total, 4);
        assert_eq!(counts(&r.facets.outlets), [("A", 2), ("B", 1)]);
        assert_eq!(counts(&r.facets.years), [("2021", 2), ("2022", 1)]);
        assert_eq!(counts(&r.facets.months), [("2021-09", 1), ("2021-10", 1)]);
        assert_eq!((r.approximate_dates, r.undated), (2, 1));
    }

    #[test]
    fn a_facet_ignores_its_own_selection() {
        let r = run(
            "",
            &Filters {
                outlets: vec!["B".into()],
                ..Default::default()
            },
        );
        assert_eq!(r.total, 1);
        assert_eq!(counts(&r.facets.outlets), [("A", 2), ("B", 1)]);
        assert!(r.facets.outlets[1].selected);
        assert_eq!(counts(&r.facets.years), [("2022", 1)]);
    }

    #[test]
    fn values_within_a_facet_are_alternatives() {
        let r = run(
            "",
            &Filters {
                years: vec!["2021".into(), "2022".into()],
                ..Default::default()
            },
        );
        assert_eq!(r.total, 3);
    }

    #[test]
    fn an_unknown_selected_value_matches_nothing() {
        let r = run(
            "",
            &Filters {
                outlets: vec!["Nobody".into()],
                ..Default::default()
            },
        );
        assert_eq!(r.total, 0);
    }

    #[test]
    fn date_range_excludes_undated_and_respects_precision() {
        let filters = Filters {
            after: PartialDate::parse("2021-10-15").ok(),
            ..Default::default()
        };
        let r = run("", &filters);
        // 2021-10 may be after the 15th; 2022 certainly is; the undated is out.
        assert_eq!(r.total, 2);
        assert_eq!(r.approximate_dates, 2);
    }

    #[test]
    fn query_outlet_values_match_loosely() {
        let column = Column::build([vec!["Antiwar.com"], vec!["Al-Monitor"]].into_iter());
        assert_eq!(resolve_loosely(&column, "antiwar.com"), [1]);
        assert_eq!(resolve_loosely(&column, "monitor"), [0]);
        assert!(resolve_loosely(&column, "times").is_empty());
    }

    #[test]
    fn an_unknown_query_outlet_gives_zero_and_a_message() {
        let r = run("outlet:nobody", &Filters::default());
        assert_eq!(r.total, 0);
        assert_eq!(r.messages.len(), 1);
    }

    #[test]
    fn lang_without_language_data_is_ignored_with_a_message() {
        let r = run("lang:en", &Filters::default());
        assert_eq!(r.total, 4);
        assert_eq!(r.messages.len(), 1);
    }

    #[test]
    fn zero_matches_give_zero_counts() {
        let r = run(
            "zzzz",
            &Filters {
                years: vec!["2021".into()],
                ..Default::default()
            },
        );
        assert_eq!(r.total, 0);
        assert_eq!(counts(&r.facets.years), [("2021", 0)]);
        assert!(r.facets.outlets.is_empty());
    }
}
