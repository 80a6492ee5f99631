//! Matching and BM25F scoring: which articles an alternative matches, how
//! groups combine (any alternative, all groups, no exclusion), phrases.

use super::index::SearchIndex;
use super::run::{Alternative, Candidate, Kind, Origin};

impl SearchIndex {
    /// All articles matching every group and no exclusion, sorted by article.
    pub(super) fn evaluate(
        &self,
        groups: &[Vec<Alternative>],
        excluded: &[Alternative],
    ) -> Vec<Candidate> {
        let mut result: Option<Vec<Candidate>> = None;
        for group in groups {
            let mut merged: Vec<Candidate> = Vec::new();
            for alt in group {
                let exact = !matches!(alt.origin, Origin::Typo { .. });
                merged.extend(
                    self.matches(alt)
                        .into_iter()
                        .map(|(d, s)| (d, s * alt.weight, exact)),
                );
            }
            merged.sort_unstable_by_key(|c| c.0);
            merged.dedup_by(|later, kept| {
                if later.0 == kept.0 {
                    kept.1 = kept.1.max(later.1);
                    kept.2 |= later.2;
                    true
                } else {
                    false
                }
            });
            result = Some(match result {
                None => merged,
                Some(previous) => intersect(&previous, &merged),
            });
        }
        let mut result =
            result.unwrap_or_else(|| (0..self.len() as u32).map(|d| (d, 0.0, true)).collect());
        for alt in excluded {
            let gone = self.matches(alt);
            result.retain(|c| gone.binary_search_by_key(&c.0, |g| g.0).is_err());
        }
        result
    }

    /// The articles an alternative matches with their BM25F scores.
    pub(super) fn matches(&self, alt: &Alternative) -> Vec<(u32, f32)> {
        match &alt.kind {
            Kind::Nothing => Vec::new(),
            Kind::Forms(forms) => {
                let mut counts: Vec<(u32, u32, u32)> = Vec::new();
                for &t in forms {
                    counts.extend(
                        self.postings(t as usize)
                            .map(|p| (p.doc, p.headline, p.body)),
                    );
                }
                if forms.len() > 1 {
                    counts.sort_unstable_by_key(|c| c.0);
                    counts.dedup_by(|later, kept| {
                        if later.0 == kept.0 {
                            kept.1 += later.1;
                            kept.2 += later.2;
                            true
                        } else {
                            false
                        }
                    });
                }
                let idf = self.idf(counts.len());
                counts
                    .into_iter()
                    .map(|(d, h, b)| (d, self.bm25f(d, h, b, idf)))
                    .collect()
            }
            Kind::Phrase(ids) => self.phrase_matches(ids),
        }
    }

    pub(super) fn phrase_matches(&self, ids: &[u32]) -> Vec<(u32, f32)> {
        let lists: Vec<Vec<_>> = ids
            .iter()
            .map(|&t| self.postings(t as usize).collect())
            .collect();
        let idf: f32 = lists.iter().map(|l| self.idf(l.len())).sum();
        let mut cursors = vec![0usize; lists.len()];
        let mut out = Vec::new();
        let Some(first) = lists.first() else {
            return out;
        };
        'docs: for p in first {
            for (k, list) in lists.iter().enumerate().skip(1) {
                while cursors[k] < list.len() && list[cursors[k]].doc < p.doc {
                    cursors[k] += 1;
                }
                if cursors[k] == list.len() {
                    break 'docs;
                }
                if list[cursors[k]].doc != p.doc {
                    continue 'docs;
                }
            }
            let positions: Vec<Vec<u32>> = lists
                .iter()
                .zip(&cursors)
                .enumerate()
                .map(|(k, (l, &c))| {
                    if k == 0 {
                        p.positions()
                    } else {
                        l[c].positions()
                    }
                })
                .collect();
            let headline_len = self.headline_len[p.doc as usize];
            let (mut h, mut b) = (0, 0);
            for &start in &positions[0] {
                let all = positions
                    .iter()
                    .enumerate()
                    .skip(1)
                    .all(|(k, ps)| ps.binary_search(&(start + k as u32)).is_ok());
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

    pub(super) fn bm25f(&self, doc: u32, headline: u32, body: u32, idf: f32) -> f32 {
        let c = &self.config;
        let d = doc as usize;
        let norm = |len: u32, avg: f32| 1.0 - c.b + c.b * len as f32 / avg.max(1.0);
        let tf = c.headline_weight * headline as f32
            / norm(self.headline_len[d], self.avg_headline_len)
            + c.body_weight * body as f32 / norm(self.body_len[d], self.avg_body_len);
        idf * tf * (c.k1 + 1.0) / (c.k1 + tf)
    }
}

fn intersect(a: &[Candidate], b: &[Candidate]) -> Vec<Candidate> {
    let (mut i, mut j, mut out) = (0, 0, Vec::new());
    while i < a.len() && j < b.len() {
        match a[i].0.cmp(&b[j].0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                out.push((a[i].0, a[i].1 + b[j].1, a[i].2 && b[j].2));
                i += 1;
                j += 1;
            }
        }
    }
    out
}
