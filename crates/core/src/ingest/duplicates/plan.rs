//! The decisions of duplicate detection (which copy is kept, which are
//! merged into it) taken from fingerprints and a few facts per article,
//! apart from applying them, for a caller that does not hold the articles.

use std::collections::HashMap;

use super::{band_rows, jaccard, keep_order, mix, round3, Fingerprint, Merge};
use crate::manifest::DuplicateSettings;
use crate::model::{Article, DuplicateOf};

/// Which articles are merged into which: the decisions of
/// [`merge_duplicates`], taken from what is known of each article without
/// its text, so a caller that keeps its articles elsewhere (the CLI spills
/// them to a file at 100,000 articles) can apply them as it reads them back.
#[derive(Clone, Debug, Default)]
pub struct MergePlan {
    /// Per article: `(kept article, similarity, identical)` when merged.
    merged_into: Vec<Option<(usize, f64, bool)>>,
    /// The articles in keep order.
    order: Vec<usize>,
}

impl MergePlan {
    /// Whether article `i` stays (is not merged into another).
    pub fn is_kept(&self, i: usize) -> bool {
        self.merged_into.get(i).is_some_and(Option::is_none)
    }

    /// Takes each merged article's record from `summaries` (id, file,
    /// headline, outlet, date and URL: all that a kept article lists of its
    /// copies) and returns the copies each kept article gains, by its index
    /// and in keep order, with the merges for the report, by kept article.
    /// `summaries` may be the whole articles or just those fields.
    pub fn take_copies(
        &self,
        summaries: &mut [Article],
    ) -> (Vec<(usize, Vec<DuplicateOf>)>, Vec<Merge>) {
        let n = summaries.len();
        let mut rank = vec![0usize; n];
        for (r, &i) in self.order.iter().enumerate() {
            rank[i] = r;
        }
        let mut merges = Vec::new();
        let mut copies: Vec<Vec<DuplicateOf>> = vec![Vec::new(); n];
        for &i in &self.order {
            let Some((kept, similarity, exact)) = self.merged_into[i] else {
                continue;
            };
            let headline = (summaries[i].headline != summaries[kept].headline)
                .then(|| summaries[i].headline.clone());
            merges.push((
                rank[kept],
                Merge {
                    kept: summaries[kept].id.clone(),
                    kept_file: summaries[kept].source_file.clone(),
                    merged: summaries[i].id.clone(),
                    merged_file: summaries[i].source_file.clone(),
                    similarity,
                    exact,
                },
            ));
            let copy = &mut summaries[i];
            copies[kept].push(DuplicateOf {
                id: std::mem::take(&mut copy.id),
                source_file: std::mem::take(&mut copy.source_file),
                headline,
                outlet: copy.outlet.take(),
                published: copy.published.take(),
                url: copy.url.take(),
                similarity,
                exact,
            });
        }
        // By kept article, then (stable) in the merged copies' keep order.
        merges.sort_by_key(|(kept, _)| *kept);
        let copies = copies
            .into_iter()
            .enumerate()
            .filter(|(_, list)| !list.is_empty())
            .collect();
        (copies, merges.into_iter().map(|(_, m)| m).collect())
    }
}

/// Decides the merges of [`merge_duplicates`] without changing anything.
/// `summaries` need only each article's id, source file and publication
/// date (the keep order); the bodies come from `shingles`, which gives
/// article `i`'s [`shingle_set`] and is asked only for the few articles
/// whose signatures make them candidates, to check them exactly.
///
/// # Panics
///
/// If `fingerprints` is not as long as `summaries`.
pub fn plan_merges(
    summaries: &[Article],
    fingerprints: &[Fingerprint],
    settings: &DuplicateSettings,
    mut shingles: impl FnMut(usize) -> Vec<u64>,
) -> MergePlan {
    assert_eq!(summaries.len(), fingerprints.len(), "one fingerprint each");
    let n = summaries.len();
    // A body long enough to be compared by its words; a shorter one is
    // merged only with identical copies under the same headline.
    let long = |i: usize| fingerprints[i].words >= settings.min_words.max(1);
    // The order in which copies are kept: earliest first, then by id.
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_by(|&a, &b| keep_order(&summaries[a], &summaries[b]));
    let mut rank = vec![0usize; n];
    for (r, &i) in order.iter().enumerate() {
        rank[i] = r;
    }
    // Identical bodies: groups by hash (and, for short bodies, headline),
    // each represented by its first member in keep order.
    let mut groups: HashMap<(u128, Option<u64>), Vec<usize>> = HashMap::new();
    for &i in &order {
        if let Some(h) = fingerprints[i].exact {
            let headline = (!long(i)).then_some(fingerprints[i].headline);
            groups.entry((h, headline)).or_default().push(i);
        }
    }
    let mut representative = vec![usize::MAX; n];
    let mut members: HashMap<usize, Vec<usize>> = HashMap::new();
    for group in groups.values() {
        for &i in group {
            representative[i] = group[0];
        }
        members.insert(group[0], group.clone());
    }

    // Near-duplicate candidates between representatives, by LSH banding.
    let rows = band_rows(settings.threshold);
    // Each representative's (band, band hash, rank), sorted: a bucket is a
    // run of equal (band, hash), its members in keep order. (One flat sort
    // rather than a hash map of small vectors: at 100,000 articles that is
    // 1.6 million entries, and no allocation each.)
    let mut banded: Vec<(usize, u64, usize)> = Vec::new();
    for &i in &order {
        if representative[i] != i || !long(i) {
            continue;
        }
        let signature = &fingerprints[i].signature;
        for (band, chunk) in signature.chunks(rows).enumerate() {
            let key = chunk
                .iter()
                .fold(band as u64, |h, &v| mix(h ^ u64::from(v)));
            banded.push((band, key, rank[i]));
        }
    }
    banded.sort_unstable();
    let mut pairs: Vec<(usize, usize)> = Vec::new();
    for bucket in banded.chunk_by(|x, y| (x.0, x.1) == (y.0, y.1)) {
        for (x, &(_, _, a)) in bucket.iter().enumerate() {
            for &(_, _, b) in &bucket[x + 1..] {
                // Sorted by rank within the bucket: `a` comes first.
                pairs.push((order[a], order[b]));
            }
        }
    }
    drop(banded);
    pairs.sort_unstable_by_key(|&(a, b)| (rank[a], rank[b]));
    pairs.dedup();
    // Verified edges, from each representative to later ones.
    let mut near: HashMap<usize, Vec<(usize, f64)>> = HashMap::new();
    let mut cache: HashMap<usize, Vec<u64>> = HashMap::new();
    for (a, b) in pairs {
        for i in [a, b] {
            cache.entry(i).or_insert_with(|| shingles(i));
        }
        let similarity = jaccard(&cache[&a], &cache[&b]);
        if similarity >= settings.threshold {
            near.entry(a).or_default().push((b, similarity));
        }
    }
    drop(cache);

    // Greedy, in keep order: each representative not yet merged keeps its
    // identical copies and its near-duplicates (with their own copies).
    let mut merged_into: Vec<Option<(usize, f64, bool)>> = vec![None; n];
    for &i in &order {
        if representative[i] != i || merged_into[i].is_some() {
            continue;
        }
        for &copy in members
            .get(&i)
            .map_or(&[][..], Vec::as_slice)
            .iter()
            .skip(1)
        {
            merged_into[copy] = Some((i, 1.0, true));
        }
        for &(other, similarity) in near.get(&i).map_or(&[][..], Vec::as_slice) {
            if merged_into[other].is_some() {
                continue;
            }
            for &copy in members.get(&other).map_or(&[][..], Vec::as_slice) {
                merged_into[copy] = Some((i, round3(similarity), false));
            }
        }
    }

    MergePlan { merged_into, order }
}
