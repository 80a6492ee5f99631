//! The loaded dossier with what the page derives from it once: the search
//! index, entity names, the months the date slider spans, and the article
//! texts that have arrived so far (see `shards.rs`).

use std::cell::{Ref, RefCell};
use std::collections::{BTreeMap, BTreeSet};
use std::rc::Rc;

use dossier_core::entities::{Entity, Gazetteer};
use dossier_core::search::{SearchConfig, SearchIndex};
use dossier_core::{Article, Bundle, PartialDate};
use yew::Callback;

use crate::data;
use crate::shards::{self, Shards};

/// A caller to tell when a shard it asked for, already on its way, arrives.
type Waiter = Box<dyn FnOnce()>;

/// Everything the explorer reads; built once when the page starts.
pub struct Engine {
    /// The dossier's title.
    pub title: String,
    /// The search index over the articles (word positions are attached
    /// when a phrase first needs them, see [`Engine::ensure_positions`]).
    index: RefCell<SearchIndex>,
    /// Whether the index's word positions have been asked for.
    positions_asked: std::cell::Cell<bool>,
    /// Entity id → the name to show.
    pub entity_names: BTreeMap<String, String>,
    /// The gazetteer the dossier was built with, as its index records it
    /// (names, kinds, aliases), for the naming lens; `None` if the index
    /// records none that can be used.
    pub gazetteer: Option<Gazetteer>,
    /// Every month from the oldest to the newest publication date.
    pub months: Vec<PartialDate>,
    /// The articles in catalog order; an article's text, mentions and
    /// quotes are empty until its shard has arrived.
    articles: RefCell<Vec<Article>>,
    shards: RefCell<Shards>,
    /// Article id → position.
    positions: BTreeMap<String, usize>,
    /// A message for the reader when a shard could not be read.
    pub trouble: RefCell<Option<String>>,
    /// Counts arrivals of texts, so views that show texts know to recompute.
    generation: std::cell::Cell<u64>,
    /// Per shard on its way, the other callers waiting for it (see
    /// [`Engine::ensure`]).
    waiters: RefCell<BTreeMap<usize, Vec<Waiter>>>,
    /// Counts changes to the index alone (word positions attached), which
    /// a search must be run again for; texts arriving only need highlights.
    index_generation: std::cell::Cell<u64>,
}

impl PartialEq for Engine {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self, other)
    }
}

impl Engine {
    /// The explorer's view of a dossier: its catalog, the index `dossier
    /// build` made for it, and how its texts are sharded.
    pub fn new(catalog: Bundle, index: SearchIndex, shard_size: usize) -> Engine {
        let entity_names = index
            .config()
            .entities
            .iter()
            .map(|e| (e.id.clone(), e.name.clone()))
            .collect();
        let gazetteer = gazetteer_of(index.config());
        let positions = catalog
            .articles
            .iter()
            .enumerate()
            .map(|(i, a)| (a.id.clone(), i))
            .collect();
        let months = month_span(&catalog.articles);
        Engine {
            title: catalog.title,
            index: RefCell::new(index),
            positions_asked: std::cell::Cell::new(false),
            entity_names,
            gazetteer,
            months,
            articles: RefCell::new(catalog.articles),
            shards: RefCell::new(Shards::new(shard_size)),
            positions,
            trouble: RefCell::new(None),
            generation: std::cell::Cell::new(0),
            index_generation: std::cell::Cell::new(0),
            waiters: RefCell::new(BTreeMap::new()),
        }
    }

    /// The search index.
    pub fn index(&self) -> Ref<'_, SearchIndex> {
        self.index.borrow()
    }

    /// Loads the index's word positions (`data/positions.js`), which only
    /// phrases need, once; `changed` runs when they are in place, so the
    /// search that found its phrase unchecked runs again.
    pub fn ensure_positions(self: &Rc<Self>, changed: Callback<()>) {
        if self.positions_asked.replace(true) || !self.index.borrow().positions_pending() {
            return;
        }
        let engine = self.clone();
        let attach = move || {
            let result = data::load_positions()
                .and_then(|bytes| {
                    engine
                        .index
                        .borrow_mut()
                        .attach_positions(&bytes)
                        .map_err(|e| format!("The dossier's word positions cannot be read: {e}. Rebuild the dossier."))
                });
            if let Err(message) = result {
                *engine.trouble.borrow_mut() = Some(message);
            }
            engine.generation.set(engine.generation.get() + 1);
            engine
                .index_generation
                .set(engine.index_generation.get() + 1);
            changed.emit(());
        };
        // A single-file site carries them already; a folder loads the script.
        if data::positions_present() {
            attach();
        } else {
            shards::load_script("./data/positions.js", move |_| attach());
        }
    }

    /// The articles (texts present only for loaded shards).
    pub fn articles(&self) -> Ref<'_, Vec<Article>> {
        self.articles.borrow()
    }

    /// How many articles the dossier holds.
    pub fn len(&self) -> usize {
        self.positions.len()
    }

    /// Changes whenever article texts arrive or are forgotten, or the
    /// index changes.
    pub fn generation(&self) -> u64 {
        self.generation.get()
    }

    /// Changes with the index (not with texts arriving): searches depend
    /// on it, highlights on [`Engine::generation`].
    pub fn index_generation(&self) -> u64 {
        self.index_generation.get()
    }

    /// The position of the article with this id.
    pub fn position(&self, id: &str) -> Option<usize> {
        self.positions.get(id).copied()
    }

    /// Whether the text of the article at `position` is here.
    pub fn has_text(&self, position: usize) -> bool {
        let shards = self.shards.borrow();
        shards.of(position).is_none_or(|s| shards.is_loaded(s))
    }

    /// Makes sure the texts of these articles are (or will be) here;
    /// `changed` runs whenever texts arrive.
    pub fn ensure(
        self: &Rc<Self>,
        positions: impl IntoIterator<Item = usize>,
        changed: Callback<()>,
    ) {
        let needed: BTreeSet<usize> = {
            let shards = self.shards.borrow();
            positions.into_iter().filter_map(|p| shards.of(p)).collect()
        };
        // One redraw when all the shards asked for here have arrived, not
        // one per shard.
        let waiting = Rc::new(std::cell::Cell::new(0usize));
        let arrived = {
            let waiting = waiting.clone();
            let changed = changed.clone();
            move || {
                waiting.set(waiting.get() - 1);
                if waiting.get() == 0 {
                    changed.emit(());
                }
            }
        };
        let mut installed = false;
        for &shard in &needed {
            if !self.shards.borrow_mut().want(shard) {
                // On its way for another part of the page (the list asked
                // for it, and now the reading view): this caller is told
                // too, since its own view may not be drawn again otherwise.
                if self.shards.borrow().is_pending(shard) {
                    waiting.set(waiting.get() + 1);
                    let arrived = arrived.clone();
                    self.waiters
                        .borrow_mut()
                        .entry(shard)
                        .or_default()
                        .push(Box::new(arrived));
                }
                continue;
            }
            // A single-file site already holds every shard.
            if self.install(shard, &needed) {
                installed = true;
                continue;
            }
            waiting.set(waiting.get() + 1);
            let engine = self.clone();
            let needed = needed.clone();
            let arrived = arrived.clone();
            shards::fetch(shard, move |n, ok| {
                if !(ok && engine.install(n, &needed)) {
                    engine.shards.borrow_mut().failed(n);
                    *engine.trouble.borrow_mut() =
                        Some(format!("Part of the dossier's text (data/shards/{n}.js) did not load; keep the site's files together."));
                }
                arrived();
                let others = engine.waiters.borrow_mut().remove(&n).unwrap_or_default();
                for other in others {
                    other();
                }
            });
        }
        if installed && waiting.get() == 0 {
            changed.emit(());
        }
    }

    /// Loads every article's text when they all fit in memory at once
    /// (a dossier of up to [`shards::KEEP`] shards), so typing never waits
    /// for a text there; larger dossiers load texts as results show.
    pub fn prefetch_small(self: &Rc<Self>, changed: Callback<()>) {
        let size = self.shards.borrow().size;
        if size > 0 && self.len() <= shards::KEEP * size {
            self.ensure(0..self.len(), changed);
        }
    }

    /// Puts shard `n`'s articles in place if its script has run, and forgets
    /// the least recently needed shards beyond the limit.
    fn install(&self, n: usize, needed: &BTreeSet<usize>) -> bool {
        let articles = match shards::take(n) {
            None => return false,
            Some(Err(message)) => {
                *self.trouble.borrow_mut() = Some(message);
                return false;
            }
            Some(Ok(articles)) => articles,
        };
        let mut shards = self.shards.borrow_mut();
        let size = shards.size;
        let mut all = self.articles.borrow_mut();
        for (i, article) in articles.into_iter().enumerate() {
            if let Some(slot) = all.get_mut(n * size + i) {
                *slot = article;
            }
        }
        self.generation.set(self.generation.get() + 1);
        for old in shards.arrived(n, needed) {
            for slot in all.iter_mut().skip(old * size).take(size) {
                *slot = slot.catalog_entry();
            }
        }
        true
    }

    /// The name to show for an entity id.
    pub fn entity_name<'a>(&'a self, id: &'a str) -> &'a str {
        self.entity_names.get(id).map_or(id, String::as_str)
    }

    /// The entities an article mentions most, as (id, count), most first.
    pub fn top_entities(&self, article: &Article, n: usize) -> Vec<(String, usize)> {
        let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
        for mention in &article.mentions {
            *counts.entry(mention.entity.as_str()).or_default() += 1;
        }
        let mut counts: Vec<(String, usize)> = counts
            .into_iter()
            .map(|(id, c)| (id.to_string(), c))
            .collect();
        counts.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        counts.truncate(n);
        counts
    }
}

/// The dossier's own gazetteer, rebuilt from what `dossier build` wrote in
/// the index: the names this dossier was built with rather than the ones
/// shipped with the app, and no TOML parser in the page.
fn gazetteer_of(config: &SearchConfig) -> Option<Gazetteer> {
    let entities = config
        .entities
        .iter()
        .filter_map(|info| {
            let kind = serde_json::from_value(serde_json::Value::String(info.kind.clone())).ok()?;
            let aliases = config
                .aliases
                .iter()
                .find(|group| group.first() == Some(&info.name))
                .map(|group| group[1..].to_vec())
                .unwrap_or_default();
            Some(Entity {
                id: info.id.clone(),
                name: info.name.clone(),
                kind,
                aliases,
                of: None,
            })
        })
        .collect();
    Gazetteer::new(entities).ok()
}

/// Every month from the first to the last month any publication date
/// covers (a year-precision date covers its whole year).
fn month_span(articles: &[Article]) -> Vec<PartialDate> {
    let spans = articles
        .iter()
        .filter_map(|a| a.published.as_ref())
        .map(|f| f.value.span());
    let (Some(first), Some(last)) = (spans.clone().map(|s| s.0).min(), spans.map(|s| s.1).max())
    else {
        return Vec::new();
    };
    let mut months = Vec::new();
    let (mut y, mut m) = (first.0, first.1);
    while (y, m) <= (last.0, last.1) {
        months.extend(PartialDate::month(y, m));
        (y, m) = if m == 12 { (y + 1, 1) } else { (y, m + 1) };
    }
    months
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_gazetteer_recorded_in_an_index_is_the_one_it_was_built_with() {
        let shipped = Gazetteer::default();
        let config = SearchConfig::from_gazetteer(&shipped);
        let rebuilt = gazetteer_of(&config).expect("a recorded gazetteer is valid");
        let without_of = |g: &Gazetteer| -> Vec<Entity> {
            g.entities()
                .iter()
                .map(|e| Entity {
                    of: None,
                    ..e.clone()
                })
                .collect()
        };
        assert_eq!(without_of(&rebuilt), without_of(&shipped));
        assert!(rebuilt
            .entities()
            .iter()
            .any(|e| e.aliases.contains(&"Artsakh".to_string())));
    }
}
