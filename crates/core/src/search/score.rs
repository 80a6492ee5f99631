//! Matching and BM25F scoring: which articles an alternative matches, how
//! groups combine (any alternative, all groups, no exclusion), phrases.
//!
//! Plain words decode only the document streams; positions are read for
//! phrases alone. A word whose stem has many forms is merged through a
//! dense per-article accumulator rather than by sorting.

use super::index::{Derived, SearchIndex};
use super::run::{Alternative, Candidate, Kind, Origin};
use super::store::Posting;

/// One group's matches, as the intersection reads them: raw counts still
/// to be scored (a group of one plain-word alternative, the common case),
/// or already scored (phrases, aliases, similar spellings).
enum GroupList {
    /// Per-article counts of one alternative's word forms; scored only for
    /// the articles that survive the intersection.
    Counts {
        postings: Vec<Posting>,
        idf: f32,
        weight: f32,
        exact: bool,
    },
    Scored(Vec<Candidate>),
    /// A word being typed: per-article counts of its whole-word forms and
    /// completions together, scored as [`GroupList::Counts`] is; exact
    /// only where a whole-word form occurs (a bit per article in
    /// `exact`). Keeps the typed word on the one-list path: scoring both
    /// alternatives in full and merging them cost a keystroke about half
    /// as much again at 100k articles.
    Open {
        postings: Vec<Posting>,
        idf: f32,
        exact: Vec<u64>,
    },
}

impl GroupList {
    fn len(&self) -> usize {
        match self {
            GroupList::Counts { postings, .. } | GroupList::Open { postings, .. } => postings.len(),
            GroupList::Scored(list) => list.len(),
        }
    }

    #[inline(always)]
    fn doc(&self, i: usize) -> u32 {
        match self {
            GroupList::Counts { postings, .. } | GroupList::Open { postings, .. } => {
                postings[i].doc
            }
            GroupList::Scored(list) => list[i].0,
        }
    }

    /// The score and exactness of entry `i`.
    #[inline(always)]
    fn score(&self, index: &SearchIndex, norms: &Derived, i: usize) -> (f32, bool) {
        match self {
            GroupList::Counts {
                postings,
                idf,
                weight,
                exact,
            } => {
                let p = postings[i];
                let s = index.bm25f_with(norms, p.doc, p.headline, p.body, *idf);
                (s * weight, *exact)
            }
            GroupList::Scored(list) => (list[i].1, list[i].2),
            GroupList::Open {
                postings,
                idf,
                exact,
            } => {
                let p = postings[i];
                let d = p.doc as usize;
                let s = index.bm25f_with(norms, p.doc, p.headline, p.body, *idf);
                (s, exact[d / 64] & (1 << (d % 64)) != 0)
            }
        }
    }
}

impl SearchIndex {
    /// All articles matching every group and no exclusion, sorted by article.
    ///
    /// Groups are intersected from the shortest list up on article numbers
    /// alone; BM25F is computed only for the articles in every list, and
    /// summed in that same order (shortest first).
    pub(super) fn evaluate(
        &self,
        groups: &[Vec<Alternative>],
        excluded: &[Alternative],
    ) -> Vec<Candidate> {
        let norms = self.derived();
        let mut lists: Vec<GroupList> = groups.iter().map(|g| self.group_list(g)).collect();
        // Stable, so equal lengths keep query order (and the sum its order).
        lists.sort_by_key(GroupList::len);
        let mut result = match lists.split_first() {
            None => (0..self.len() as u32).map(|d| (d, 0.0, true)).collect(),
            // One word (the common query): every posting is a hit, scored in
            // one tight loop.
            Some((
                GroupList::Counts {
                    postings,
                    idf,
                    weight,
                    exact,
                },
                [],
            )) => postings
                .iter()
                .map(|p| {
                    let s = self.bm25f_with(norms, p.doc, p.headline, p.body, *idf);
                    (p.doc, s * weight, *exact)
                })
                .collect(),
            Some((first, rest)) => {
                let mut out = Vec::with_capacity(if rest.is_empty() { first.len() } else { 0 });
                let mut cursors = vec![0usize; rest.len()];
                'docs: for i in 0..first.len() {
                    let doc = first.doc(i);
                    for (list, at) in rest.iter().zip(cursors.iter_mut()) {
                        while *at < list.len() && list.doc(*at) < doc {
                            *at += 1;
                        }
                        if *at == list.len() {
                            break 'docs;
                        }
                        if list.doc(*at) != doc {
                            continue 'docs;
                        }
                    }
                    let (mut score, mut exact) = first.score(self, norms, i);
                    for (list, &at) in rest.iter().zip(&cursors) {
                        let (s, e) = list.score(self, norms, at);
                        score += s;
                        exact &= e;
                    }
                    out.push((doc, score, exact));
                }
                out
            }
        };
        for alt in excluded {
            if result.is_empty() {
                break;
            }
            let gone = self.docs_of(alt);
            result = difference(&result, &gone);
        }
        result
    }

    /// A group's matches for [`SearchIndex::evaluate`].
    ///
    /// Alternatives that match nothing are left out first: a word being
    /// typed that is not yet a word ("ceasef") is one, beside its
    /// completions, which then take the one-list path as a bare prefix did.
    fn group_list(&self, group: &[Alternative]) -> GroupList {
        let mut live = group.iter().filter(|a| a.kind != Kind::Nothing);
        match (live.next(), live.next()) {
            (
                Some(Alternative {
                    kind: Kind::Forms(forms),
                    weight,
                    origin,
                    ..
                }),
                None,
            ) => {
                let postings = self.form_counts(forms);
                GroupList::Counts {
                    idf: self.idf(postings.len()),
                    postings,
                    weight: *weight,
                    exact: origin.is_exact(),
                }
            }
            (
                Some(Alternative {
                    kind: Kind::Forms(whole),
                    origin: Origin::Typed,
                    weight,
                    ..
                }),
                Some(Alternative {
                    kind: Kind::Forms(completed),
                    origin: Origin::Completion,
                    ..
                }),
            ) if live.next().is_none() && *weight == 1.0 => {
                let mut exact = vec![0u64; self.len().div_ceil(64)];
                for &t in whole {
                    for p in self.postings(t as usize) {
                        let d = p.doc as usize;
                        exact[d / 64] |= 1 << (d % 64);
                    }
                }
                let mut forms = [whole.as_slice(), completed].concat();
                forms.sort_unstable();
                let postings = self.form_counts(&forms);
                GroupList::Open {
                    idf: self.idf(postings.len()),
                    postings,
                    exact,
                }
            }
            _ => GroupList::Scored(self.group_matches(group)),
        }
    }

    /// The articles an alternative matches, in article order (no scores).
    fn docs_of(&self, alt: &Alternative) -> Vec<u32> {
        match &alt.kind {
            Kind::Nothing => Vec::new(),
            Kind::Forms(forms) => self.form_counts(forms).iter().map(|p| p.doc).collect(),
            Kind::Phrase(ids) => self.phrase_matches(ids).iter().map(|m| m.0).collect(),
        }
    }

    /// The articles matching any alternative of a group: the best score and
    /// whether any exact (not similar-spelling, not completion) alternative
    /// matched.
    fn group_matches(&self, group: &[Alternative]) -> Vec<Candidate> {
        let mut merged: Vec<Candidate> = Vec::new();
        for alt in group {
            let exact = alt.origin.is_exact();
            let list: Vec<Candidate> = self
                .matches(alt)
                .into_iter()
                .map(|(d, s)| (d, s * alt.weight, exact))
                .collect();
            merged = if merged.is_empty() {
                list
            } else {
                union(&merged, &list)
            };
        }
        merged
    }

    /// The articles an alternative matches with their BM25F scores, in
    /// article order.
    pub(super) fn matches(&self, alt: &Alternative) -> Vec<(u32, f32)> {
        match &alt.kind {
            Kind::Nothing => Vec::new(),
            Kind::Forms(forms) => {
                let counts = self.form_counts(forms);
                let idf = self.idf(counts.len());
                let norms = self.derived();
                counts
                    .into_iter()
                    .map(|p| {
                        (
                            p.doc,
                            self.bm25f_with(norms, p.doc, p.headline, p.body, idf),
                        )
                    })
                    .collect()
            }
            Kind::Phrase(ids) => self.phrase_matches(ids),
        }
    }

    /// Per article, the summed headline and body counts of any of `forms`.
    fn form_counts(&self, forms: &[u32]) -> Vec<Posting> {
        let bytes: usize = forms.iter().map(|&t| self.postings_bytes(t as usize)).sum();
        let mut out: Vec<Posting> = Vec::with_capacity(bytes / 2 + 1);
        match forms {
            [] => {}
            [t] => out.extend(self.postings(*t as usize)),
            _ if bytes < self.len() / 4 => {
                for &t in forms {
                    out.extend(self.postings(t as usize));
                }
                out.sort_unstable_by_key(|p| p.doc);
                out.dedup_by(|later, kept| {
                    if later.doc == kept.doc {
                        kept.headline += later.headline;
                        kept.body += later.body;
                        true
                    } else {
                        false
                    }
                });
            }
            _ => {
                let n = self.len();
                let mut acc = vec![(0u32, 0u32); n];
                let mut seen = vec![0u64; n.div_ceil(64)];
                for &t in forms {
                    for p in self.postings(t as usize) {
                        let d = p.doc as usize;
                        acc[d].0 += p.headline;
                        acc[d].1 += p.body;
                        seen[d / 64] |= 1 << (d % 64);
                    }
                }
                for (w, &word) in seen.iter().enumerate() {
                    let mut bits = word;
                    while bits != 0 {
                        let d = w * 64 + bits.trailing_zeros() as usize;
                        bits &= bits - 1;
                        out.push(Posting {
                            doc: d as u32,
                            headline: acc[d].0,
                            body: acc[d].1,
                        });
                    }
                }
            }
        }
        out
    }

    pub(super) fn phrase_matches(&self, ids: &[u32]) -> Vec<(u32, f32)> {
        if self.positions_pending() {
            return self.all_words_matches(ids);
        }
        let lists: Vec<Vec<Posting>> = ids
            .iter()
            .map(|&t| self.postings(t as usize).collect())
            .collect();
        let mut streams: Vec<_> = ids.iter().map(|&t| self.positions(t as usize)).collect();
        let idf: f32 = lists.iter().map(|l| self.idf(l.len())).sum();
        let k = lists.len();
        let mut cursors = vec![0usize; k];
        // How many postings of each list have had their positions consumed.
        let mut read = vec![0usize; k];
        let mut positions: Vec<Vec<u32>> = vec![Vec::new(); k];
        let mut out = Vec::new();
        let Some(first) = lists.first() else {
            return out;
        };
        'docs: for (i, p) in first.iter().enumerate() {
            cursors[0] = i;
            for (j, list) in lists.iter().enumerate().skip(1) {
                while cursors[j] < list.len() && list[cursors[j]].doc < p.doc {
                    cursors[j] += 1;
                }
                if cursors[j] == list.len() {
                    break 'docs;
                }
                if list[cursors[j]].doc != p.doc {
                    continue 'docs;
                }
            }
            for j in 0..k {
                let list = &lists[j];
                while read[j] < cursors[j] {
                    let q = list[read[j]];
                    streams[j].skip(q.headline + q.body);
                    read[j] += 1;
                }
                let q = list[cursors[j]];
                streams[j].read(q.headline + q.body, &mut positions[j]);
                read[j] += 1;
            }
            let headline_len = self.headline_len[p.doc as usize];
            let (mut h, mut b) = (0, 0);
            for &start in &positions[0] {
                let all = positions
                    .iter()
                    .enumerate()
                    .skip(1)
                    .all(|(j, ps)| ps.binary_search(&(start + j as u32)).is_ok());
                if all {
                    if start < headline_len {
                        h += 1;
                    } else {
                        b += 1;
                    }
                }
            }
            if h + b > 0 {
                out.push((p.doc, self.bm25f(p.doc, h, b, idf)));
            }
        }
        out
    }

    pub(super) fn idf(&self, df: usize) -> f32 {
        let n = self.len() as f32;
        let df = df as f32;
        (1.0 + (n - df + 0.5) / (df + 0.5)).ln()
    }

    #[inline]
    pub(super) fn bm25f(&self, doc: u32, headline: u32, body: u32, idf: f32) -> f32 {
        self.bm25f_with(self.derived(), doc, headline, body, idf)
    }

    /// BM25F with the length norms precomputed per article (`norms`, this
    /// index's derived data, passed in so hot loops fetch it once).
    #[inline(always)]
    fn bm25f_with(&self, norms: &Derived, doc: u32, headline: u32, body: u32, idf: f32) -> f32 {
        let c = &self.config;
        let d = doc as usize;
        let mut tf = c.body_weight * body as f32 / norms.body_norm[d];
        if headline > 0 {
            tf += c.headline_weight * headline as f32 / norms.headline_norm[d];
        }
        idf * tf * (c.k1 + 1.0) / (c.k1 + tf)
    }
}

/// Articles in either list: the better score, exact if either is.
fn union(a: &[Candidate], b: &[Candidate]) -> Vec<Candidate> {
    let (mut i, mut j) = (0, 0);
    let mut out = Vec::with_capacity(a.len() + b.len());
    while i < a.len() || j < b.len() {
        let order = match (a.get(i), b.get(j)) {
            (Some(x), Some(y)) => x.0.cmp(&y.0),
            (Some(_), None) => std::cmp::Ordering::Less,
            _ => std::cmp::Ordering::Greater,
        };
        match order {
            std::cmp::Ordering::Less => {
                out.push(a[i]);
                i += 1;
            }
            std::cmp::Ordering::Greater => {
                out.push(b[j]);
                j += 1;
            }
            std::cmp::Ordering::Equal => {
                out.push((a[i].0, a[i].1.max(b[j].1), a[i].2 || b[j].2));
                i += 1;
                j += 1;
            }
        }
    }
    out
}

/// The candidates not in `gone` (both in article order).
fn difference(a: &[Candidate], gone: &[u32]) -> Vec<Candidate> {
    let mut j = 0;
    a.iter()
        .filter(|c| {
            while j < gone.len() && gone[j] < c.0 {
                j += 1;
            }
            j >= gone.len() || gone[j] != c.0
        })
        .copied()
        .collect()
}
