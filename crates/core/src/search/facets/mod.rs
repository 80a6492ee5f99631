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
        candidates: Vec<Candidate>,
    ) -> (Vec<Candidate>, Facets) {
        let columns = [
            &index.outlets,
            &index.authors,
            &index.languages,
            &index.entities,
        ];
        let hard = self.date.is_some() || self.query_columns.iter().any(Option::is_some);
        let candidates = if hard {
            let mut c = candidates;
            c.retain(|c| self.passes_hard(index, c.0 as usize));
            c
        } else {
            candidates
        };
        let mut column_counts: Vec<Vec<u32>> =
            columns.iter().map(|c| vec![0; c.names.len()]).collect();
        let mut years = Counter::default();
        let mut months = Counter::default();
        let year_of =
            |doc: usize| (index.precision[doc] > 0).then(|| index.date_start[doc] / 10_000);
        let month_of = |doc: usize| (index.precision[doc] > 1).then(|| index.date_start[doc] / 100);
        if self.selection.iter().all(Option::is_none) {
            // Nothing selected: every candidate passes and counts everywhere.
            for (f, column) in columns.iter().enumerate() {
                let counts = &mut column_counts[f];
                if column.names.is_empty() {
                    continue;
                }
                for c in &candidates {
                    for &v in column.of(c.0 as usize) {
                        counts[v as usize] += 1;
                    }
                }
            }
            for c in &candidates {
                let doc = c.0 as usize;
                if let Some(y) = year_of(doc) {
                    years.add(y);
                }
                if let Some(m) = month_of(doc) {
                    months.add(m);
                }
            }
            let facets = self.facets(index, &column_counts, &years, &months);
            return (candidates, facets);
        }
        // Per column facet, whether each value is selected.
        let selected_values: Vec<Option<Vec<bool>>> = (0..4)
            .map(|f| {
                self.selection[f].as_ref().map(|sel| {
                    let mut mask = vec![false; columns[f].names.len()];
                    for &v in sel {
                        if let Some(slot) = mask.get_mut(v as usize) {
                            *slot = true;
                        }
                    }
                    mask
                })
            })
            .collect();
        let mut passing = Vec::with_capacity(candidates.len());
        for &candidate in &candidates {
            let doc = candidate.0 as usize;
            let year = year_of(doc);
            let month = month_of(doc);
            let pass: [bool; FACETS] = std::array::from_fn(|f| match f {
                YEAR | MONTH => match &self.selection[f] {
                    None => true,
                    Some(sel) => {
                        let v = if f == YEAR { year } else { month };
                        v.is_some_and(|v| sel.contains(&i64::from(v)))
                    }
                },
                _ => match &selected_values[f] {
                    None => true,
                    Some(mask) => columns[f].of(doc).iter().any(|&v| mask[v as usize]),
                },
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
                match f {
                    YEAR => {
                        if let Some(y) = year {
                            years.add(y);
                        }
                    }
                    MONTH => {
                        if let Some(m) = month {
                            months.add(m);
                        }
                    }
                    _ => {
                        for &v in columns[f].of(doc) {
                            column_counts[f][v as usize] += 1;
                        }
                    }
                }
            }
        }
        let facets = self.facets(index, &column_counts, &years, &months);
        (passing, facets)
    }

    /// The facet lists from the counts.
    fn facets(
        &self,
        index: &SearchIndex,
        column_counts: &[Vec<u32>],
        years: &Counter,
        months: &Counter,
    ) -> Facets {
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
                        .then(|| index.config.entities.iter().find(|e| e.id == *name))
                        .flatten();
                    FacetValue {
                        value: name.clone(),
                        label: info.map_or_else(|| name.clone(), |e| e.name.clone()),
                        count: column_counts[f][i] as usize,
                        selected: selected.contains(&(i as i64)),
                        kind: info.map(|e| e.kind.clone()),
                    }
                })
                .collect();
            out.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.label.cmp(&b.label)));
            out
        };
        let dated_facet = |f: usize, counter: &Counter| -> Vec<FacetValue> {
            let mut counts: BTreeMap<i64, usize> = counter.entries().collect();
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
        Facets {
            outlets: column_facet(OUTLET),
            authors: column_facet(AUTHOR),
            languages: column_facet(LANGUAGE),
            entities: column_facet(ENTITY),
            years: dated_facet(YEAR, years),
            months: dated_facet(MONTH, months),
        }
    }
}

/// Counts of small integer keys (years, `yyyymm` months) in a dense,
/// growing array: no hashing or tree per article.
#[derive(Default)]
struct Counter {
    base: i32,
    counts: Vec<u32>,
}

impl Counter {
    #[inline]
    fn add(&mut self, key: i32) {
        if self.counts.is_empty() {
            self.base = key;
        }
        if key < self.base {
            let grow = (self.base - key) as usize;
            self.counts.splice(0..0, std::iter::repeat_n(0, grow));
            self.base = key;
        }
        let slot = (key - self.base) as usize;
        if slot >= self.counts.len() {
            self.counts.resize(slot + 1, 0);
        }
        self.counts[slot] += 1;
    }

    fn entries(&self) -> impl Iterator<Item = (i64, usize)> + '_ {
        self.counts
            .iter()
            .enumerate()
            .filter(|(_, &c)| c > 0)
            .map(|(i, &c)| (i64::from(self.base) + i as i64, c as usize))
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
mod tests;
