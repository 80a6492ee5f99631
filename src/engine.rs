//! The loaded dossier with what the page derives from it once: the search
//! index, entity names, and the months the date slider spans.

use std::collections::BTreeMap;

use dossier_core::entities::Gazetteer;
use dossier_core::search::{SearchConfig, SearchIndex};
use dossier_core::{Article, Bundle, PartialDate};

/// Everything the explorer reads; built once when the page starts.
pub struct Engine {
    /// The dossier.
    pub bundle: Bundle,
    /// The search index over `bundle.articles`.
    pub index: SearchIndex,
    /// Entity id → the name to show.
    pub entity_names: BTreeMap<String, String>,
    /// Every month from the oldest to the newest publication date.
    pub months: Vec<PartialDate>,
    /// Article id → position in `bundle.articles`.
    positions: BTreeMap<String, usize>,
}

impl PartialEq for Engine {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self, other)
    }
}

impl Engine {
    /// Indexes the dossier. Aliases come from the gazetteer ingest used, so
    /// a search for one name of a place also finds its other names.
    pub fn new(bundle: Bundle) -> Engine {
        let gazetteer = Gazetteer::default();
        let config = SearchConfig::from_gazetteer(&gazetteer);
        let index = SearchIndex::build(&bundle.articles, &config);
        let entity_names = gazetteer
            .entities()
            .iter()
            .map(|e| (e.id.clone(), e.name.clone()))
            .collect();
        let positions = bundle
            .articles
            .iter()
            .enumerate()
            .map(|(i, a)| (a.id.clone(), i))
            .collect();
        let months = month_span(&bundle.articles);
        Engine {
            bundle,
            index,
            entity_names,
            months,
            positions,
        }
    }

    /// The position of the article with this id.
    pub fn position(&self, id: &str) -> Option<usize> {
        self.positions.get(id).copied()
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
