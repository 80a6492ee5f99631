//! Typo tolerance: similar spellings, tried only when exact matches are few,
//! and ranked below them.

use super::index::SearchIndex;
use super::parse::Term;
use super::run::{Alternative, Kind, Origin, MAX_CORRECTIONS, TYPO_WEIGHT};

impl SearchIndex {
    /// Adds similar spellings for typed whole words of 5 letters or more;
    /// returns whether any was added.
    pub(super) fn add_typos(&self, groups: &mut [Vec<Alternative>]) -> bool {
        let analyzers = self.analyzers();
        let mut added = false;
        for group in groups.iter_mut() {
            let typed: Vec<(String, Kind)> = group
                .iter()
                .filter(|a| a.origin == Origin::Typed)
                .filter_map(|a| a.plain_word.clone().map(|w| (w, a.kind.clone())))
                .collect();
            for (word, own_kind) in typed {
                for corrected in self.similar_words(&word) {
                    let Some(mut alt) = self.resolve(&analyzers, &Term::word(corrected.as_str()))
                    else {
                        continue;
                    };
                    if alt.kind == own_kind || group.iter().any(|a| a.kind == alt.kind) {
                        continue;
                    }
                    alt.weight = TYPO_WEIGHT;
                    alt.plain_word = None;
                    alt.origin = Origin::Typo {
                        typed: word.clone(),
                        corrected,
                    };
                    group.push(alt);
                    added = true;
                }
            }
        }
        added
    }

    /// Index words within edit distance 1 (5–8 letters) or 2 (9 or more) of
    /// `word` that start with the same letter, closest and most frequent first.
    pub(super) fn similar_words(&self, word: &str) -> Vec<String> {
        let chars: Vec<char> = word.chars().collect();
        let max = match chars.len() {
            0..=4 => return Vec::new(),
            5..=8 => 1,
            _ => 2,
        };
        let first = &word[..chars[0].len_utf8()];
        let mut found: Vec<(usize, std::cmp::Reverse<u32>, usize)> = Vec::new();
        let mut other: Vec<char> = Vec::new();
        for t in self.terms.prefix_range(first) {
            let candidate = self.terms.get(t);
            other.clear();
            other.extend(candidate.chars());
            if other.len().abs_diff(chars.len()) > max || other == chars {
                continue;
            }
            if let Some(d) = edit_distance(&chars, &other, max) {
                let size = self.postings_start[t + 1] - self.postings_start[t];
                found.push((d, std::cmp::Reverse(size), t));
            }
        }
        found.sort_unstable();
        found
            .into_iter()
            .take(MAX_CORRECTIONS)
            .map(|(_, _, t)| self.terms.get(t).to_string())
            .collect()
    }
}

/// Optimal-string-alignment distance (adjacent swaps count one), or `None`
/// when above `max`.
pub(crate) fn edit_distance(a: &[char], b: &[char], max: usize) -> Option<usize> {
    let width = b.len() + 1;
    let mut prev2 = vec![0; width];
    let mut prev: Vec<usize> = (0..width).collect();
    let mut cur = vec![0; width];
    for i in 1..=a.len() {
        cur[0] = i;
        let mut row_min = i;
        for j in 1..width {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut v = (prev[j] + 1).min(cur[j - 1] + 1).min(prev[j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                v = v.min(prev2[j - 2] + 1);
            }
            cur[j] = v;
            row_min = row_min.min(v);
        }
        if row_min > max {
            return None;
        }
        std::mem::swap(&mut prev2, &mut prev);
        std::mem::swap(&mut prev, &mut cur);
    }
    let d = prev[b.len()];
    (d <= max).then_some(d)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chars(s: &str) -> Vec<char> {
        s.chars().collect()
    }

    #[test]
    fn edit_distance_counts_swaps_as_one() {
        assert_eq!(
            edit_distance(&chars("erdogan"), &chars("erdgoan"), 2),
            Some(1)
        );
        assert_eq!(
            edit_distance(&chars("kitten"), &chars("sitting"), 3),
            Some(3)
        );
        assert_eq!(edit_distance(&chars("kitten"), &chars("sitting"), 2), None);
        assert_eq!(edit_distance(&chars(""), &chars("ab"), 2), Some(2));
        assert_eq!(edit_distance(&chars("same"), &chars("same"), 0), Some(0));
    }
}
