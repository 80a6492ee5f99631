//! One shared stable sort for the comparisons' lists.
//!
//! Each `slice::sort_by` call with its own closure makes the compiler emit a
//! whole copy of the standard library's sort (3–5 KB of wasm each, and the
//! page carries every copy). The comparisons sort short lists once per
//! change of settings, so speed is not the concern here but size is: this
//! module sorts *positions* through one non-generic function that takes the
//! comparison as `&dyn Fn`, so every caller shares a single copy of the sort,
//! then moves the items into that order with swaps.

use std::cmp::Ordering;

/// Sorts `items` by `compare`, keeping equal items in their order (stable,
/// like `slice::sort_by`), with one shared copy of the sort code.
pub fn sort_by<T>(items: &mut [T], compare: impl Fn(&T, &T) -> Ordering) {
    if items.len() < 2 {
        return;
    }
    let order = sorted_positions(items.len(), &|a, b| compare(&items[a], &items[b]));
    permute(items, order);
}

/// The positions `0..len` in the order `compare` gives them, ties by
/// position. Not generic, so the program holds one copy of this sort.
#[inline(never)]
fn sorted_positions(len: usize, compare: &dyn Fn(usize, usize) -> Ordering) -> Vec<usize> {
    let mut order: Vec<usize> = (0..len).collect();
    order.sort_by(|&a, &b| compare(a, b));
    order
}

/// Rearranges `items` so that `items[k]` becomes the old `items[order[k]]`,
/// in place, by following each cycle of the permutation with swaps.
fn permute<T>(items: &mut [T], mut order: Vec<usize>) {
    for start in 0..items.len() {
        let mut at = start;
        loop {
            let from = order[at];
            // Marks the slot as placed, so the cycle is walked only once.
            order[at] = at;
            if from == start {
                break;
            }
            items.swap(at, from);
            at = from;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_like_the_standard_stable_sort() {
        // Pairs sorted by their first element only: ties must keep order.
        let mut seed = 7u32;
        for len in 0..60 {
            let items: Vec<(u32, usize)> = (0..len)
                .map(|i| {
                    seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12_345);
                    ((seed >> 16) % 5, i)
                })
                .collect();
            let mut ours = items.clone();
            sort_by(&mut ours, |a, b| a.0.cmp(&b.0));
            let mut std = items;
            std.sort_by_key(|a| a.0);
            assert_eq!(ours, std, "length {len}");
        }
    }

    #[test]
    fn descending_comparisons_and_owned_items() {
        let mut words = vec!["b".to_string(), "c".into(), "a".into(), "c".into()];
        sort_by(&mut words, |a, b| b.cmp(a));
        assert_eq!(words, ["c", "c", "b", "a"]);
    }
}
