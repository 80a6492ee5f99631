//! Ordering the hits: relevance or date, a partial sort for the page, and
//! outlets taken in turn.

use std::cmp::Ordering;

use super::{Candidate, SearchOptions, Sort, TOP_K_BY_INSERTION};
use crate::search::index::SearchIndex;

impl SearchIndex {
    /// Orders the hits; only the first `needed` are guaranteed in order
    /// (the rest are dropped) unless outlets are interleaved.
    pub(super) fn sort(&self, hits: &mut Vec<Candidate>, options: &SearchOptions, needed: usize) {
        let date = |d: u32| (self.date_start[d as usize], self.precision[d as usize]);
        let dated = |d: u32| self.precision[d as usize] > 0;
        let order = |a: &Candidate, b: &Candidate| {
            let relevance = || b.2.cmp(&a.2).then(b.1.total_cmp(&a.1));
            let newest = || dated(b.0).cmp(&dated(a.0)).then(date(b.0).cmp(&date(a.0)));
            let oldest = || dated(b.0).cmp(&dated(a.0)).then(date(a.0).cmp(&date(b.0)));
            match options.sort {
                Sort::Relevance => relevance().then_with(newest),
                Sort::Newest => newest().then_with(relevance),
                Sort::Oldest => oldest().then_with(relevance),
            }
            .then(a.0.cmp(&b.0))
        };
        if options.interleave_outlets {
            hits.sort_unstable_by(order);
            *hits = interleave(hits, |d| self.outlets.of(d as usize).first().copied());
            return;
        }
        if needed == 0 {
            hits.clear();
            return;
        }
        if needed <= TOP_K_BY_INSERTION && needed < hits.len() {
            if options.sort == Sort::Relevance {
                // Most hits lose to the page's last on exactness and score
                // alone, which this tells without the full comparison.
                let loses = |hit: &Candidate, last: &Candidate| {
                    (!hit.2 && last.2) || (hit.2 == last.2 && hit.1.total_cmp(&last.1).is_lt())
                };
                top_k(hits, needed, order, loses);
            } else {
                top_k(hits, needed, order, |_, _| false);
            }
            return;
        }
        if needed < hits.len() {
            hits.select_nth_unstable_by(needed - 1, order);
            hits.truncate(needed);
        }
        hits.sort_unstable_by(order);
    }
}

/// The best `k` hits in order, by one pass keeping a sorted short list: most
/// hits lose against the list's last with one comparison, so a page of 20
/// out of 50,000 hits costs little more than reading them. The order is
/// total (ties by article), so this equals a full sort's first `k`.
///
/// `loses(hit, last)` is a cheap test that may say a hit comes after the
/// list's last (it must never say so wrongly); the full `order` decides
/// the rest.
fn top_k(
    hits: &mut Vec<Candidate>,
    k: usize,
    order: impl Fn(&Candidate, &Candidate) -> Ordering,
    loses: impl Fn(&Candidate, &Candidate) -> bool,
) {
    let mut top: Vec<Candidate> = Vec::with_capacity(k + 1);
    for hit in hits.iter() {
        if top.len() == k && (loses(hit, &top[k - 1]) || order(hit, &top[k - 1]) != Ordering::Less)
        {
            continue;
        }
        let at = top.partition_point(|t| order(t, hit) == Ordering::Less);
        top.insert(at, *hit);
        top.truncate(k);
    }
    *hits = top;
}

/// Takes one hit from each outlet in turn (outlets in order of their best
/// hit; articles without an outlet count as one outlet).
pub(super) fn interleave(
    hits: &[Candidate],
    outlet: impl Fn(u32) -> Option<u32>,
) -> Vec<Candidate> {
    let mut queues: Vec<(Option<u32>, std::collections::VecDeque<Candidate>)> = Vec::new();
    for &hit in hits {
        let key = outlet(hit.0);
        match queues.iter_mut().find(|q| q.0 == key) {
            Some(q) => q.1.push_back(hit),
            None => queues.push((key, std::collections::VecDeque::from([hit]))),
        }
    }
    let mut out = Vec::with_capacity(hits.len());
    while out.len() < hits.len() {
        for q in queues.iter_mut() {
            if let Some(hit) = q.1.pop_front() {
                out.push(hit);
            }
        }
    }
    out
}
