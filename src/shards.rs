//! Article text on demand. A site keeps its articles' bodies in shards of
//! `shard_size` articles (`data/shards/N.js`, classic scripts, so they load
//! from `file://` too); the page asks for a shard when a snippet or the
//! reading view needs one of its articles, and forgets the least recently
//! used shards beyond [`KEEP`], so memory stays bounded however many
//! articles a reader opens.

use std::collections::{BTreeMap, BTreeSet};

use dossier_core::Article;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

/// Shards kept in memory at most: 2,048 articles at 8 a shard, so a
/// reader's recent results keep their text, and a dossier that small is
/// held whole (see `Engine::prefetch_small`).
pub const KEEP: usize = 256;

const GLOBAL: &str = "__dossierShards";
/// Where shard scripts file their text as base64.
const GLOBAL_BASE64: &str = "__dossierShards64";

/// Which shards are loaded, which are on their way, and when each was last
/// needed.
#[derive(Default)]
pub struct Shards {
    /// Articles per shard (0: the catalog carries the text itself).
    pub size: usize,
    loaded: BTreeMap<usize, u64>,
    pending: BTreeSet<usize>,
    tick: u64,
}

impl Shards {
    /// A tracker for shards of `size` articles.
    pub fn new(size: usize) -> Self {
        Shards {
            size,
            ..Default::default()
        }
    }

    /// The shard holding article `position`, if the site has shards.
    pub fn of(&self, position: usize) -> Option<usize> {
        (self.size > 0).then(|| position / self.size)
    }

    /// Notes that `shard` is needed now; true if it must be fetched.
    pub fn want(&mut self, shard: usize) -> bool {
        self.tick += 1;
        if let Some(used) = self.loaded.get_mut(&shard) {
            *used = self.tick;
            return false;
        }
        self.pending.insert(shard)
    }

    /// Records that `shard` arrived; returns shards to forget (least
    /// recently needed first) so that at most [`KEEP`] stay, never one in
    /// `needed`.
    pub fn arrived(&mut self, shard: usize, needed: &BTreeSet<usize>) -> Vec<usize> {
        self.pending.remove(&shard);
        self.tick += 1;
        self.loaded.insert(shard, self.tick);
        let mut by_age: Vec<(u64, usize)> = self.loaded.iter().map(|(s, t)| (*t, *s)).collect();
        by_age.sort();
        let excess = self.loaded.len().saturating_sub(KEEP);
        let evict: Vec<usize> = by_age
            .into_iter()
            .map(|(_, s)| s)
            .filter(|s| !needed.contains(s))
            .take(excess)
            .collect();
        for s in &evict {
            self.loaded.remove(s);
        }
        evict
    }

    /// Whether `shard` has been asked for and is not here yet.
    pub fn is_pending(&self, shard: usize) -> bool {
        self.pending.contains(&shard)
    }

    /// Whether `shard` is in memory.
    pub fn is_loaded(&self, shard: usize) -> bool {
        self.loaded.contains_key(&shard)
    }

    /// Records that `shard` could not be loaded (it may be asked for again).
    pub fn failed(&mut self, shard: usize) {
        self.pending.remove(&shard);
    }
}

/// Takes shard `n`'s articles if its script has run, freeing the JS copy.
pub fn take(n: usize) -> Option<Result<Vec<Article>, String>> {
    let damaged = |e: String| format!("part {n} of the dossier's text is damaged: {e}");
    // Base64 of the JSON (what `dossier build` writes: ASCII, which the
    // browser reads about twice as fast as a JSON string literal full of
    // escapes), or the JSON text itself.
    if let Some(encoded) = take_entry(GLOBAL_BASE64, n) {
        let Ok(encoded) = encoded.dyn_into::<js_sys::JsString>() else {
            return Some(Err(damaged("not text".to_string())));
        };
        return Some(match crate::data::decode_base64(&encoded) {
            // Through `str`, as the catalog is read: one copy of the article
            // decoder in the wasm, not a second one for byte slices.
            Some(bytes) => std::str::from_utf8(&bytes)
                .map_err(|e| damaged(e.to_string()))
                .and_then(|json| serde_json::from_str(json).map_err(|e| damaged(e.to_string()))),
            None => Err(damaged("not base64".to_string())),
        });
    }
    let json = take_entry(GLOBAL, n)?.as_string()?;
    Some(serde_json::from_str(&json).map_err(|e| damaged(e.to_string())))
}

/// Takes entry `n` out of the page-wide map `global` (so its text can be
/// freed once decoded); `None` when there is no such entry.
fn take_entry(global: &str, n: usize) -> Option<JsValue> {
    let map = js_sys::Reflect::get(&gloo::utils::window(), &JsValue::from_str(global)).ok()?;
    if map.is_undefined() || map.is_null() {
        return None;
    }
    let key = JsValue::from_f64(n as f64);
    let value = js_sys::Reflect::get(&map, &key).ok()?;
    if value.is_undefined() {
        return None;
    }
    let _ = js_sys::Reflect::delete_property(map.unchecked_ref::<js_sys::Object>(), &key);
    Some(value)
}

/// Loads shard `n`'s script; `done(n, ok)` runs when it has run or failed.
pub fn fetch(n: usize, done: impl FnOnce(usize, bool) + 'static) {
    load_script(&format!("./data/shards/{n}.js"), move |ok| done(n, ok));
}

/// Runs the classic script at `src` (relative to the page, so it works from
/// `file://` too); `done(ok)` runs when it has run or failed to load.
pub fn load_script(src: &str, done: impl FnOnce(bool) + 'static) {
    let document = gloo::utils::document();
    let Ok(script) = document.create_element("script") else {
        done(false);
        return;
    };
    let script: web_sys::HtmlScriptElement = script.unchecked_into();
    script.set_src(src);
    let done = std::rc::Rc::new(std::cell::RefCell::new(Some(done)));
    let finish = |ok: bool| {
        let done = done.clone();
        Closure::once_into_js(move || {
            if let Some(done) = done.borrow_mut().take() {
                done(ok);
            }
        })
    };
    script.set_onload(Some(finish(true).unchecked_ref()));
    script.set_onerror(Some(finish(false).unchecked_ref()));
    let insert = move || {
        if let Some(head) = gloo::utils::document().head() {
            let _ = head.append_child(&script);
            // The script has done its work once it ran; keep the DOM small.
            let _ = head.remove_child(&script);
        }
    };
    // Inserting a script element starts reading its file on the spot, a
    // few milliseconds of the main thread each: a page that can paint
    // does so first, so a keystroke shows its results before their texts
    // are asked for.
    if document.hidden() {
        insert();
    } else {
        crate::after_paint::after_next_paint(insert);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_shard_is_fetched_once_and_the_oldest_unneeded_are_forgotten() {
        let mut s = Shards::new(64);
        assert_eq!(s.of(130), Some(2));
        assert!(s.want(0));
        assert!(!s.want(0), "already on its way");
        assert!(s.arrived(0, &BTreeSet::new()).is_empty());
        assert!(!s.want(0), "already here");
        for n in 1..=KEEP {
            s.want(n);
            let needed = BTreeSet::from([n]);
            let evicted = s.arrived(n, &needed);
            if n == KEEP {
                assert_eq!(evicted, vec![0]);
            } else {
                assert!(evicted.is_empty());
            }
        }
    }

    #[test]
    fn a_needed_shard_is_never_forgotten() {
        let mut s = Shards::new(1);
        for n in 0..=KEEP + 3 {
            s.want(n);
            let needed: BTreeSet<usize> = (0..=n).collect();
            assert!(s.arrived(n, &needed).is_empty());
        }
    }
}
