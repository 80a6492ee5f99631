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
                    if alt.kind == own_kind
                        || group.iter().any(|a| a.kind == alt.kind)
                        || completes(group, &alt.kind)
                    {
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
    /// None for a word with a digit: "2021" is not a typo for "2022", nor
    /// "s-300" for "s-400", nor one document code for the next.
    pub(super) fn similar_words(&self, word: &str) -> Vec<String> {
        if word.chars().any(|c| c.is_ascii_digit()) {
            return Vec::new();
        }
        let chars: Vec<char> = word.chars().collect();
        let max = match chars.len() {
            0..=4 => return Vec::new(),
            5..=8 => 1,
            _ => 2,
        };
        let first = &word[..chars[0].len_utf8()];
        let mut found: Vec<(usize, std::cmp::Reverse<u32>, usize)> = Vec::new();
        // One scratch for every comparison, and bytes rather than chars
        // when both words are ASCII: the scan reads thousands of words.
        let mut rows = Rows::default();
        let mut other: Vec<char> = Vec::new();
        let ascii = word.is_ascii();
        let mut letters = [0u8; 128];
        if ascii {
            for &b in word.as_bytes() {
                letters[usize::from(b)] = letters[usize::from(b)].saturating_add(1);
            }
        }
        for t in self.terms.prefix_range(first) {
            let candidate = self.terms.get(t);
            let d = if ascii && candidate.is_ascii() {
                if candidate.len().abs_diff(word.len()) > max
                    || candidate == word
                    || bag_distance(&letters, candidate.as_bytes(), word.len()) > max
                {
                    continue;
                }
                rows.distance(word.as_bytes(), candidate.as_bytes(), max)
            } else {
                other.clear();
                other.extend(candidate.chars());
                if other.len().abs_diff(chars.len()) > max || other == chars {
                    continue;
                }
                rows.distance(&chars, &other, max)
            };
            if let Some(d) = d {
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

/// Whether a similar spelling's forms are all among the completions of the
/// open word in `group`: it would find no article they do not, and its note
/// ("stoltenber → stoltenberg") would only repeat what the reader is typing.
fn completes(group: &[Alternative], kind: &Kind) -> bool {
    let Kind::Forms(forms) = kind else {
        return false;
    };
    group.iter().any(|a| match (&a.origin, &a.kind) {
        (Origin::Completion, Kind::Forms(completed)) => {
            forms.iter().all(|t| completed.binary_search(t).is_ok())
        }
        _ => false,
    })
}

/// A lower bound of the edit distance between an ASCII word (its letter
/// counts `letters`, its length `len`) and `other`: letters one has beyond
/// the other's, counted on the side with more (each edit changes at most one
/// on each side; a swap none). Cheap enough to skip most of a dictionary
/// before the full comparison.
fn bag_distance(letters: &[u8; 128], other: &[u8], len: usize) -> usize {
    let mut left = *letters;
    let mut extra = 0;
    for &b in other {
        let slot = &mut left[usize::from(b & 0x7f)];
        if *slot == 0 {
            extra += 1;
        } else {
            *slot -= 1;
        }
    }
    let missing = len - (other.len() - extra);
    extra.max(missing)
}

/// Optimal-string-alignment distance (adjacent swaps count one), or `None`
/// when above `max`.
#[cfg(test)]
fn edit_distance(a: &[char], b: &[char], max: usize) -> Option<usize> {
    Rows::default().distance(a, b, max)
}

/// The three dynamic-programming rows of [`edit_distance`], kept between
/// comparisons so scanning the dictionary allocates nothing per word.
#[derive(Default)]
struct Rows {
    prev2: Vec<usize>,
    prev: Vec<usize>,
    cur: Vec<usize>,
}

impl Rows {
    fn distance<T: PartialEq>(&mut self, a: &[T], b: &[T], max: usize) -> Option<usize> {
        let width = b.len() + 1;
        let Rows { prev2, prev, cur } = self;
        prev2.clear();
        prev2.resize(width, 0);
        prev.clear();
        prev.extend(0..width);
        cur.clear();
        cur.resize(width, 0);
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
            std::mem::swap(prev2, prev);
            std::mem::swap(prev, cur);
        }
        let d = prev[b.len()];
        (d <= max).then_some(d)
    }
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

    #[test]
    fn bag_distance_never_exceeds_the_edit_distance() {
        let words = [
            "erdogan", "erdgoan", "kitten", "sitting", "", "ab", "aliyev", "aliyeva",
        ];
        for a in words {
            let mut letters = [0u8; 128];
            for &b in a.as_bytes() {
                letters[usize::from(b)] += 1;
            }
            for b in words {
                let d = edit_distance(&chars(a), &chars(b), 10).unwrap();
                assert!(
                    bag_distance(&letters, b.as_bytes(), a.len()) <= d,
                    "{a} {b}"
                );
            }
        }
        let mut letters = [0u8; 128];
        "kitten".bytes().for_each(|b| letters[usize::from(b)] += 1);
        assert_eq!(bag_distance(&letters, b"sitting", 6), 3);
    }

    #[test]
    fn reused_rows_give_the_same_distances_on_bytes() {
        let mut rows = Rows::default();
        let words = [
            "erdogan", "erdgoan", "kitten", "sitting", "", "ab", "aliyev",
        ];
        for a in words {
            for b in words {
                let expected = edit_distance(&chars(a), &chars(b), 2);
                assert_eq!(rows.distance(a.as_bytes(), b.as_bytes(), 2), expected);
            }
        }
    }
}
