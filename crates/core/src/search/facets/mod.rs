//! Filters and facet counts.
//!
//! Two kinds of restriction:
//! - *constraints* from the query text (`outlet:`, `lang:`, dates) and the
//!   date range of [`Filters`]: they apply to results and to every count
//!   (except the timeline, which ignores the range of [`Filters`]);
//! - *facet selections* from [`Filters`] (outlets, authors, languages,
//!   entities, years, months): values within a facet are alternatives, and a
//!   facet's counts ignore that facet's own selection (disjunctive faceting),
//!   so choosing one outlet does not make the other outlets show zero.

mod count;

use std::collections::BTreeMap;

use super::analyze::fold;
use super::index::{day_number, Column, SearchIndex};
use super::parse::Query;
use super::{FacetValue, Facets, Filters};
use crate::date::PartialDate;
use crate::entities::stems;
use crate::language::language_name;

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
    /// Inclusive `yyyymmdd` range an article's date span must overlap,
    /// from the query text (`after:`, `before:`, `on:`).
    query_date: Option<(i32, i32)>,
    /// The same from the date range of [`Filters`]: kept apart because the
    /// timeline ignores it.
    range: Option<(i32, i32)>,
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
                let found = match f {
                    ENTITY => resolve_entity(index, value),
                    LANGUAGE => resolve_language(columns[f], value),
                    _ => resolve_loosely(columns[f], value),
                };
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
        let query_date = date_range(&[query.after, query.on], &[query.before, query.on]);
        let range = date_range(&[filters.after], &[filters.before]);
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
            query_date,
            range,
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

    /// The facet lists from the counts.
    fn facets(
        &self,
        index: &SearchIndex,
        column_counts: &[Vec<u32>],
        years: &[(i64, u32)],
        months: &[(i64, u32)],
        timeline: &[(i64, u32)],
    ) -> (Facets, Vec<FacetValue>) {
        let columns = [
            &index.outlets,
            &index.authors,
            &index.languages,
            &index.entities,
        ];
        let column_facet = |f: usize| -> Vec<FacetValue> {
            let selected = self.selection[f].as_deref().unwrap_or(&[]);
            let mut out: Vec<FacetValue> = columns[f]
                .names
                .iter()
                .enumerate()
                .filter(|&(i, _)| column_counts[f][i] > 0 || selected.contains(&(i as i64)))
                .map(|(i, name)| {
                    let info = (f == ENTITY)
                        .then(|| index.derived().entity_info[i])
                        .flatten()
                        .map(|e| &index.config.entities[e as usize]);
                    FacetValue {
                        value: name.clone(),
                        label: match info {
                            Some(e) => e.name.clone(),
                            None if f == LANGUAGE => {
                                language_name(name).map_or_else(|| name.clone(), str::to_string)
                            }
                            None => name.clone(),
                        },
                        count: column_counts[f][i] as usize,
                        selected: selected.contains(&(i as i64)),
                        kind: info.map(|e| e.kind.clone()),
                    }
                })
                .collect();
            out.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.label.cmp(&b.label)));
            out
        };
        let dated_facet = |f: usize, counted: &[(i64, u32)]| -> Vec<FacetValue> {
            let mut counts: BTreeMap<i64, usize> =
                counted.iter().map(|&(k, c)| (k, c as usize)).collect();
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
                        kind: None,
                    }
                })
                .collect()
        };
        let facets = Facets {
            outlets: column_facet(OUTLET),
            authors: column_facet(AUTHOR),
            languages: column_facet(LANGUAGE),
            entities: column_facet(ENTITY),
            years: dated_facet(YEAR, years),
            months: dated_facet(MONTH, months),
        };
        (facets, dated_facet(MONTH, timeline))
    }
}

/// The inclusive `yyyymmdd` range from the given lower and upper bounds
/// (the latest start, the earliest end); `None` when there are none.
fn date_range(starts: &[Option<PartialDate>], ends: &[Option<PartialDate>]) -> Option<(i32, i32)> {
    let lo = starts
        .iter()
        .flatten()
        .map(|d| day_number(d.span().0))
        .max();
    let hi = ends.iter().flatten().map(|d| day_number(d.span().1)).min();
    (lo.is_some() || hi.is_some()).then(|| (lo.unwrap_or(i32::MIN), hi.unwrap_or(i32::MAX)))
}

/// Column ids matching a value typed in the query: the same name once
/// folded, else every name containing it (`antiwar` finds `Antiwar.com`).
fn resolve_loosely(column: &Column, value: &str) -> Vec<u32> {
    let names: Vec<(String, u32)> = column
        .names
        .iter()
        .enumerate()
        .map(|(i, n)| (fold(n), i as u32))
        .collect();
    match_loosely(&names, value)
}

/// Language ids matching a value typed after `lang:`, by code or by the
/// language's name (`lang:russian` finds `ru`), with the rule of
/// [`resolve_loosely`].
fn resolve_language(column: &Column, value: &str) -> Vec<u32> {
    let mut names: Vec<(String, u32)> = Vec::new();
    for (i, code) in column.names.iter().enumerate() {
        names.push((fold(code), i as u32));
        if let Some(name) = language_name(code) {
            names.push((fold(name), i as u32));
        }
    }
    match_loosely(&names, value)
}

/// Entity ids matching a value typed after `entity:`, by id or by any of
/// the gazetteer's names for it (`entity:Şuşa` and `entity:Шуша` find the
/// id `shusha`), with the rule of [`resolve_loosely`].
fn resolve_entity(index: &SearchIndex, value: &str) -> Vec<u32> {
    let info = &index.derived().entity_info;
    let mut names: Vec<(String, u32)> = Vec::new();
    for (i, id) in index.entities.names.iter().enumerate() {
        names.push((fold(id), i as u32));
        if let Some(e) = info[i] {
            let name = &index.config.entities[e as usize].name;
            names.push((fold(name), i as u32));
            let group = index
                .config
                .aliases
                .iter()
                .find(|g| g.first() == Some(name));
            for alias in group.into_iter().flatten().skip(1) {
                names.push((fold(&stems::without_markers(alias)), i as u32));
            }
        }
    }
    match_loosely(&names, value)
}

/// The ids of the folded names equal to `value` folded, else of those
/// containing it; sorted, each once.
fn match_loosely(names: &[(String, u32)], value: &str) -> Vec<u32> {
    let wanted = fold(value.trim());
    let pick = |keep: &dyn Fn(&str) -> bool| -> Vec<u32> {
        let mut ids: Vec<u32> = names
            .iter()
            .filter(|(n, _)| keep(n))
            .map(|&(_, i)| i)
            .collect();
        ids.sort_unstable();
        ids.dedup();
        ids
    };
    let exact = pick(&|n| n == wanted);
    if !exact.is_empty() || wanted.is_empty() {
        return exact;
    }
    pick(&|n| n.contains(&wanted))
}

#[cfg(test)]
mod tests;
