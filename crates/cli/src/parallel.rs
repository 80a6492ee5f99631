//! Work spread over every core, with results in input order, so output
//! never depends on which thread finished first. (The core crate stays
//! single-threaded: it must also run in the page, on wasm32.)

use std::collections::BTreeMap;
use std::sync::{Condvar, Mutex};

/// `f(index, item)` for each of `items` on all available cores, with each
/// result handed to `sink` on this thread, in input order, as soon as it
/// and all before it are done. At most `window` results wait unconsumed
/// (workers pause beyond it), so memory stays bounded however many items
/// there are. The first error from `sink` stops the work and is returned.
pub fn for_each_ordered<T: Sync, R: Send, E>(
    items: &[T],
    window: usize,
    f: impl Fn(usize, &T) -> R + Sync,
    mut sink: impl FnMut(usize, R) -> Result<(), E>,
) -> Result<(), E> {
    struct State<R> {
        next: usize,
        consumed: usize,
        done: BTreeMap<usize, R>,
        stop: bool,
    }
    /// Stops everyone when a worker panics, so this thread does not wait
    /// for a result that will never come (the panic then surfaces when
    /// the scope joins).
    struct Alarm<'a, R>(&'a Mutex<State<R>>, &'a Condvar, &'a Condvar);
    impl<R> Drop for Alarm<'_, R> {
        fn drop(&mut self) {
            if std::thread::panicking() {
                if let Ok(mut s) = self.0.lock() {
                    s.stop = true;
                }
                self.1.notify_all();
                self.2.notify_all();
            }
        }
    }
    let window = window.max(1);
    let workers = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(items.len().max(1));
    let state = Mutex::new(State {
        next: 0,
        consumed: 0,
        done: BTreeMap::new(),
        stop: false,
    });
    let ready = Condvar::new();
    let room = Condvar::new();
    let lock = || state.lock().unwrap_or_else(|e| e.into_inner());
    std::thread::scope(|scope| {
        for _ in 0..workers {
            scope.spawn(|| {
                let _alarm = Alarm(&state, &ready, &room);
                loop {
                    let i = {
                        let mut s = lock();
                        while !s.stop && s.next < items.len() && s.next >= s.consumed + window {
                            s = room.wait(s).unwrap_or_else(|e| e.into_inner());
                        }
                        if s.stop || s.next >= items.len() {
                            break;
                        }
                        s.next += 1;
                        s.next - 1
                    };
                    let r = f(i, &items[i]);
                    lock().done.insert(i, r);
                    ready.notify_all();
                }
            });
        }
        let mut outcome = Ok(());
        for i in 0..items.len() {
            let r = {
                let mut s = lock();
                loop {
                    if let Some(r) = s.done.remove(&i) {
                        s.consumed = i + 1;
                        break Some(r);
                    }
                    if s.stop {
                        break None;
                    }
                    s = ready.wait(s).unwrap_or_else(|e| e.into_inner());
                }
            };
            room.notify_all();
            let Some(r) = r else { break };
            if let Err(err) = sink(i, r) {
                outcome = Err(err);
                break;
            }
        }
        lock().stop = true;
        room.notify_all();
        outcome
    })
}

#[cfg(test)]
mod tests {
    #[test]
    fn ordered_results_reach_the_sink_in_order_and_errors_stop_it() {
        let items: Vec<usize> = (0..500).collect();
        let mut seen = Vec::new();
        super::for_each_ordered(
            &items,
            4,
            |i, &x| {
                // Uneven work, so results finish out of order.
                std::thread::sleep(std::time::Duration::from_micros((x % 7) as u64 * 50));
                i + x
            },
            |i, r| {
                seen.push((i, r));
                Ok::<(), ()>(())
            },
        )
        .unwrap();
        assert_eq!(seen, (0..500).map(|i| (i, 2 * i)).collect::<Vec<_>>());
        let mut count = 0;
        let err = super::for_each_ordered(
            &items,
            4,
            |_, &x| x,
            |_, x| {
                count += 1;
                if x == 10 {
                    Err(x)
                } else {
                    Ok(())
                }
            },
        );
        assert_eq!((err, count), (Err(10), 11));
    }
}
