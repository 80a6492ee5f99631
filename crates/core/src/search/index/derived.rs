//! Per-article data derived from the stored columns the first time a search
//! needs it, shaped for the per-hit loops: BM25 length norms, facet values
//! as dense slots, so counting a hit is a few array increments.
//!
//! None of it is serialised: it is cheap to recompute (one pass over the
//! columns) and keeping it out of the file keeps the index small.

use std::sync::OnceLock;

use super::SearchIndex;
use crate::search::analyze::tokenize;
use crate::search::store::Column;

/// The slot of "no value" in the dense year and month slots.
pub(crate) const NO_SLOT: u16 = u16::MAX;
/// The value of "no value" in a single-valued column.
pub(crate) const NO_VALUE: u32 = u32::MAX;

/// Derived per-article data (see the module documentation).
#[derive(Clone, Debug, Default, PartialEq)]
pub(crate) struct Derived {
    /// BM25 length normalisation of the headline, `1 - b + b·len/avg`.
    pub(crate) headline_norm: Vec<f32>,
    /// BM25 length normalisation of the body.
    pub(crate) body_norm: Vec<f32>,
    /// Per column (outlet, author, language, entity): when no article has
    /// more than one value, each article's value id ([`NO_VALUE`] for none),
    /// so counting reads one number instead of a slice.
    pub(crate) single: [Option<Vec<u32>>; 4],
    /// The distinct publication years, ascending.
    pub(crate) years: Vec<i32>,
    /// Per article, its year's index in `years` ([`NO_SLOT`] if undated).
    pub(crate) year_slot: Vec<u16>,
    /// The distinct publication months as `yyyymm`, ascending.
    pub(crate) months: Vec<i32>,
    /// Per article, its month's index in `months` ([`NO_SLOT`] when not
    /// dated to the month).
    pub(crate) month_slot: Vec<u16>,
    /// Per entity id of the entity column, its entry in
    /// [`super::SearchConfig::entities`] (the first with that id), so the
    /// facet finds names and kinds without a scan per value.
    pub(crate) entity_info: Vec<Option<u32>>,
    /// Articles per value of each column (outlet, author, language,
    /// entity) over the whole index: a query matching most articles counts
    /// its facets as these minus the articles it does not match.
    pub(crate) column_totals: [Vec<u32>; 4],
    /// Articles per year slot over the whole index.
    pub(crate) year_totals: Vec<u32>,
    /// Articles per month slot over the whole index.
    pub(crate) month_totals: Vec<u32>,
    /// Per alias group of [`super::SearchConfig::aliases`], each name as its
    /// search words: alias expansion compares these with what was typed at
    /// every query, so they are tokenized once.
    pub(crate) alias_words: Vec<Vec<Vec<String>>>,
}

/// A once-computed [`Derived`] that never takes part in comparisons: two
/// indexes are equal by their stored data alone, whether or not either has
/// been searched yet.
#[derive(Clone, Default)]
pub(crate) struct LazyDerived(OnceLock<Derived>);

impl PartialEq for LazyDerived {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

impl std::fmt::Debug for LazyDerived {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("LazyDerived")
    }
}

impl SearchIndex {
    /// The derived per-article data, computed on first use.
    pub(crate) fn derived(&self) -> &Derived {
        self.derived.0.get_or_init(|| Derived::new(self))
    }
}

impl Derived {
    fn new(index: &SearchIndex) -> Self {
        let c = &index.config;
        // The same arithmetic as scoring used to do per hit, so scores are
        // bit-for-bit what they were.
        let norm = |len: u32, avg: f32| 1.0 - c.b + c.b * len as f32 / avg.max(1.0);
        let headline_norm = index
            .headline_len
            .iter()
            .map(|&l| norm(l, index.avg_headline_len))
            .collect();
        let body_norm = index
            .body_len
            .iter()
            .map(|&l| norm(l, index.avg_body_len))
            .collect();
        let single = [
            &index.outlets,
            &index.authors,
            &index.languages,
            &index.entities,
        ]
        .map(|column| single_valued(column, index.len()));
        let year = |doc: usize| (index.precision[doc] > 0).then(|| index.date_start[doc] / 10_000);
        let month = |doc: usize| (index.precision[doc] > 1).then(|| index.date_start[doc] / 100);
        let (years, year_slot) = slots(index.len(), year);
        let (months, month_slot) = slots(index.len(), month);
        let mut info_of = std::collections::HashMap::new();
        for (i, e) in c.entities.iter().enumerate() {
            info_of.entry(e.id.as_str()).or_insert(i as u32);
        }
        let entity_info = index
            .entities
            .names
            .iter()
            .map(|name| info_of.get(name.as_str()).copied())
            .collect();
        let column_totals = [
            &index.outlets,
            &index.authors,
            &index.languages,
            &index.entities,
        ]
        .map(|column| {
            let mut totals = vec![0u32; column.names.len()];
            for &v in &column.ids {
                totals[v as usize] += 1;
            }
            totals
        });
        let slot_totals = |slots: &[u16], len: usize| {
            let mut totals = vec![0u32; len];
            for &s in slots.iter().filter(|&&s| s != NO_SLOT) {
                totals[usize::from(s)] += 1;
            }
            totals
        };
        let year_totals = slot_totals(&year_slot, years.len());
        let month_totals = slot_totals(&month_slot, months.len());
        let alias_words = c
            .aliases
            .iter()
            .map(|names| names.iter().map(|n| search_words(n)).collect())
            .collect();
        Derived {
            alias_words,
            column_totals,
            year_totals,
            month_totals,
            entity_info,
            headline_norm,
            body_norm,
            single,
            years,
            year_slot,
            months,
            month_slot,
        }
    }
}

fn single_valued(column: &Column, n: usize) -> Option<Vec<u32>> {
    if column.ids.len() > n {
        return None;
    }
    let mut out = Vec::with_capacity(n);
    for doc in 0..n {
        match column.of(doc) {
            [] => out.push(NO_VALUE),
            [v] => out.push(*v),
            _ => return None,
        }
    }
    Some(out)
}

/// The distinct keys, ascending, and each article's index among them.
fn slots(n: usize, key: impl Fn(usize) -> Option<i32>) -> (Vec<i32>, Vec<u16>) {
    let mut keys: Vec<i32> = (0..n).filter_map(&key).collect();
    keys.sort_unstable();
    keys.dedup();
    // More distinct months than slots (over 5,000 years) cannot happen
    // with real dates; such keys share the last slot rather than panic.
    let slot_of = |k: i32| -> u16 {
        let i = keys.binary_search(&k).unwrap_or(0);
        i.min(usize::from(NO_SLOT) - 1) as u16
    };
    let slot = (0..n)
        .map(|doc| key(doc).map_or(NO_SLOT, slot_of))
        .collect();
    (keys, slot)
}

/// A name as the words search would see in it.
pub(crate) fn search_words(name: &str) -> Vec<String> {
    tokenize(name).into_iter().map(|t| t.text).collect()
}
