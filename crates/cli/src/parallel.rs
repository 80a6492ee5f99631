//! Work spread over every core, with results in input order, so output
//! never depends on which thread finished first. (The core crate stays
//! single-threaded: it must also run in the page, on wasm32.)

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;

/// `f(index, item)` for each of `items`, on all available cores; the
/// results in input order. Items are handed out one at a time, so a slow
/// item does not hold up a whole chunk.
pub fn map<T: Sync, R: Send>(items: &[T], f: impl Fn(usize, &T) -> R + Sync) -> Vec<R> {
    let workers = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(items.len().max(1));
    let next = AtomicUsize::new(0);
    let done = Mutex::new(Vec::with_capacity(items.len()));
    std::thread::scope(|scope| {
        for _ in 0..workers {
            scope.spawn(|| {
                let mut mine = Vec::new();
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    let Some(item) = items.get(i) else { break };
                    mine.push((i, f(i, item)));
                }
                done.lock().expect("no worker panicked").extend(mine);
            });
        }
    });
    let mut results = done.into_inner().expect("no worker panicked");
    results.sort_unstable_by_key(|(i, _)| *i);
    results.into_iter().map(|(_, r)| r).collect()
}

#[cfg(test)]
mod tests {
    #[test]
    fn results_come_back_in_input_order() {
        let items: Vec<usize> = (0..1000).collect();
        let out = super::map(&items, |i, &x| {
            assert_eq!(i, x);
            x * 2
        });
        assert_eq!(out, (0..1000).map(|x| x * 2).collect::<Vec<_>>());
        assert!(super::map(&[] as &[u8], |_, _| 0).is_empty());
    }
}
