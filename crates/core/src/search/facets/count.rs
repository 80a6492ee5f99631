//! Filtering the candidates and counting facets in one pass over them.
//!
//! Every count is an increment in a dense array indexed by an integer id
//! (column value ids, year and month slots from the index's derived data);
//! names are only attached to the values returned, at the end.

use super::{Constraints, FacetValue, Facets, FACETS, MONTH, YEAR};
use crate::search::index::{Column, SearchIndex, NO_SLOT, NO_VALUE};
use crate::search::run::Candidate;

/// The bit of the date range of [`crate::search::Filters`] in a mask of
/// failed restrictions (facets use bits `0..FACETS`).
const RANGE: usize = FACETS;

/// Dense counters for one search.
struct Counts {
    columns: [Vec<u32>; 4],
    years: Vec<u32>,
    months: Vec<u32>,
    /// Months ignoring the date range of the filters.
    timeline: Vec<u32>,
}

impl Counts {
    fn new(index: &SearchIndex) -> Self {
        let d = index.derived();
        Counts {
            columns: columns(index).map(|c| vec![0; c.names.len()]),
            years: vec![0; d.years.len()],
            months: vec![0; d.months.len()],
            timeline: vec![0; d.months.len()],
        }
    }
}

/// The columns behind the column facets, in facet order (outlet, author,
/// language, entity), as `Counts::columns` holds their counts.
fn columns(index: &SearchIndex) -> [&Column; 4] {
    [
        &index.outlets,
        &index.authors,
        &index.languages,
        &index.entities,
    ]
}

/// Adds one article to the counts of column facet `f`.
#[inline(always)]
fn count_column(index: &SearchIndex, counts: &mut [u32], f: usize, doc: usize) {
    match &index.derived().single[f] {
        Some(values) => {
            let v = values[doc];
            if v != NO_VALUE {
                counts[v as usize] += 1;
            }
        }
        None => {
            let column = columns(index)[f];
            for &v in column.of(doc) {
                counts[v as usize] += 1;
            }
        }
    }
}

/// The articles of the index missing from `candidates` (sorted by article),
/// as candidates.
fn not_in(candidates: &[Candidate], n: usize) -> Vec<Candidate> {
    let mut out = Vec::with_capacity(n - candidates.len());
    let mut next = 0u32;
    for c in candidates {
        out.extend((next..c.0).map(|d| (d, 0.0, false)));
        next = c.0 + 1;
    }
    out.extend((next..n as u32).map(|d| (d, 0.0, false)));
    out
}

/// Adds every article of `docs` to every facet's counts: one tight loop per
/// facet (column by column) rather than every facet per article, so each
/// loop reads one array.
fn count_docs(index: &SearchIndex, live: &[usize], counts: &mut Counts, docs: &[Candidate]) {
    let d = index.derived();
    for &f in live {
        count_all(index, &mut counts.columns[f], f, docs);
    }
    for c in docs {
        let doc = c.0 as usize;
        count_slot(&mut counts.years, d.year_slot[doc]);
        count_slot(&mut counts.months, d.month_slot[doc]);
    }
}

/// Adds every candidate to the counts of column facet `f`.
fn count_all(index: &SearchIndex, counts: &mut [u32], f: usize, candidates: &[Candidate]) {
    match &index.derived().single[f] {
        Some(values) => {
            for c in candidates {
                let v = values[c.0 as usize];
                if v != NO_VALUE {
                    counts[v as usize] += 1;
                }
            }
        }
        None => {
            let column = columns(index)[f];
            for c in candidates {
                for &v in column.of(c.0 as usize) {
                    counts[v as usize] += 1;
                }
            }
        }
    }
}

#[inline(always)]
fn count_slot(counts: &mut [u32], slot: u16) {
    if slot != NO_SLOT {
        counts[usize::from(slot)] += 1;
    }
}

/// Whether an article's date span overlaps the inclusive range.
#[inline]
fn in_range(index: &SearchIndex, doc: usize, (lo, hi): (i32, i32)) -> bool {
    index.precision[doc] > 0 && index.date_start[doc] <= hi && index.date_end[doc] >= lo
}

impl Constraints {
    fn passes_hard(&self, index: &SearchIndex, doc: usize) -> bool {
        let columns = columns(index);
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
        self.query_date.is_none_or(|r| in_range(index, doc, r))
    }

    /// Keeps the candidates passing every restriction and counts facets and
    /// the timeline (months, ignoring the date range of the filters).
    pub(crate) fn apply(
        &self,
        index: &SearchIndex,
        candidates: Vec<Candidate>,
    ) -> (Vec<Candidate>, Facets, Vec<FacetValue>) {
        let d = index.derived();
        let hard = self.query_date.is_some() || self.query_columns.iter().any(Option::is_some);
        let mut candidates = candidates;
        if hard {
            candidates.retain(|c| self.passes_hard(index, c.0 as usize));
        }
        let mut counts = Counts::new(index);
        // Column facets that have values at all (others are skipped).
        let live: Vec<usize> = (0..4).filter(|&f| !counts.columns[f].is_empty()).collect();
        let passing = if self.selection.iter().all(Option::is_none) && self.range.is_none() {
            // Nothing selected: every candidate passes and counts everywhere.
            if !hard && candidates.len() > index.len() / 2 {
                // Most articles match: count those that do not, and take
                // them from the whole index's totals (a common word then
                // costs what a rare one does).
                let others = not_in(&candidates, index.len());
                count_docs(index, &live, &mut counts, &others);
                let less = |totals: &[u32], counted: &mut Vec<u32>| {
                    for (c, &t) in counted.iter_mut().zip(totals) {
                        *c = t - *c;
                    }
                };
                for &f in &live {
                    less(&d.column_totals[f], &mut counts.columns[f]);
                }
                less(&d.year_totals, &mut counts.years);
                less(&d.month_totals, &mut counts.months);
            } else {
                count_docs(index, &live, &mut counts, &candidates);
            }
            counts.timeline.clone_from(&counts.months);
            candidates
        } else {
            self.count_selected(index, candidates, &live, &mut counts)
        };
        let entries = |keys: &[i32], counts: &[u32]| -> Vec<(i64, u32)> {
            keys.iter()
                .zip(counts)
                .filter(|(_, &c)| c > 0)
                .map(|(&k, &c)| (i64::from(k), c))
                .collect()
        };
        let (facets, timeline) = self.facets(
            index,
            &counts.columns,
            &entries(&d.years, &counts.years),
            &entries(&d.months, &counts.months),
            &entries(&d.months, &counts.timeline),
        );
        (passing, facets, timeline)
    }

    /// The general case: some facet values are selected or a date range is
    /// set. Each candidate gets a mask of the restrictions it fails; a facet
    /// counts it when it fails none but (perhaps) that facet's own.
    fn count_selected(
        &self,
        index: &SearchIndex,
        candidates: Vec<Candidate>,
        live: &[usize],
        counts: &mut Counts,
    ) -> Vec<Candidate> {
        let d = index.derived();
        let columns = columns(index);
        // Per column facet, whether each value is selected.
        let column_masks: Vec<Option<Vec<bool>>> = (0..4)
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
        // Per year and month slot, whether it is selected.
        let slot_mask = |f: usize, keys: &[i32]| -> Option<Vec<bool>> {
            self.selection[f]
                .as_ref()
                .map(|sel| keys.iter().map(|&k| sel.contains(&i64::from(k))).collect())
        };
        let year_mask = slot_mask(YEAR, &d.years);
        let month_mask = slot_mask(MONTH, &d.months);
        let slot_passes = |mask: &Option<Vec<bool>>, slot: u16| match mask {
            None => true,
            Some(m) => slot != NO_SLOT && m[usize::from(slot)],
        };
        let mut passing = Vec::with_capacity(candidates.len());
        for candidate in candidates {
            let doc = candidate.0 as usize;
            let mut failed = 0u32;
            for (f, mask) in column_masks.iter().enumerate() {
                let Some(mask) = mask else { continue };
                let pass = match &d.single[f] {
                    Some(values) => values[doc] != NO_VALUE && mask[values[doc] as usize],
                    None => columns[f].of(doc).iter().any(|&v| mask[v as usize]),
                };
                failed |= u32::from(!pass) << f;
            }
            let (year, month) = (d.year_slot[doc], d.month_slot[doc]);
            failed |= u32::from(!slot_passes(&year_mask, year)) << YEAR;
            failed |= u32::from(!slot_passes(&month_mask, month)) << MONTH;
            if let Some(range) = self.range {
                failed |= u32::from(!in_range(index, doc, range)) << RANGE;
            }
            if failed == 0 {
                passing.push(candidate);
            }
            // Count facet `f` when nothing but `f` itself failed.
            let counts_for = |f: usize| failed & !(1 << f) == 0;
            for &f in live {
                if counts_for(f) {
                    count_column(index, &mut counts.columns[f], f, doc);
                }
            }
            if counts_for(YEAR) {
                count_slot(&mut counts.years, year);
            }
            if counts_for(MONTH) {
                count_slot(&mut counts.months, month);
            }
            if failed & !((1 << MONTH) | (1 << RANGE)) == 0 {
                count_slot(&mut counts.timeline, month);
            }
        }
        passing
    }
}
