//! Who is quoted: speakers per outlet (from ingest's quotes), and each
//! speaker's quotes. A speaker the gazetteer knows is one row however the
//! text names them ("Recep Tayyip Erdoğan", "Erdogan"); others are grouped
//! by their folded words ("the Iranian Foreign Ministry").

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::{normalise, order, outlet_name};
use crate::model::Article;
use crate::search::tokenize;

/// One quote, where it is.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuoteRef {
    /// The article (index).
    pub article: usize,
    /// The paragraph (index into [`Article::paragraphs`]).
    pub paragraph: usize,
    /// The article's outlet.
    pub outlet: String,
    /// The speaker as this text names them.
    pub speaker: String,
    /// The quoted words.
    pub quote: String,
    /// The attribution words ("said", "told").
    pub cue: String,
}

/// A speaker with their counts and quotes.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Speaker {
    /// The grouping key: `entity:ID` for a gazetteer entity, else the
    /// folded words of the name (stable, for links and facets).
    pub key: String,
    /// The name shown: the form used most often (ties: the longest, then
    /// alphabetical).
    pub name: String,
    /// The gazetteer entity, when the speaker is one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub entity: Option<String>,
    /// Quotes per outlet.
    pub by_outlet: BTreeMap<String, usize>,
    /// All quotes.
    pub total: usize,
    /// The quotes, in dossier order.
    pub quotes: Vec<QuoteRef>,
}

/// Who is quoted in a selection.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Speakers {
    /// The selection's outlets, sorted (the chart's series).
    pub outlets: Vec<String>,
    /// Speakers, most quoted first (ties by name).
    pub speakers: Vec<Speaker>,
}

impl Speakers {
    /// The speaker with this key or gazetteer id.
    pub fn get(&self, key_or_entity: &str) -> Option<&Speaker> {
        self.speakers
            .iter()
            .find(|s| s.key == key_or_entity || s.entity.as_deref() == Some(key_or_entity))
    }

    /// The facet: the quotes of one speaker (key or gazetteer id; `None`:
    /// everyone) from one outlet (`None`: every outlet), in dossier order
    /// (article, then paragraph).
    pub fn quotes_of(&self, speaker: Option<&str>, outlet: Option<&str>) -> Vec<&QuoteRef> {
        let mut quotes: Vec<&QuoteRef> = self
            .speakers
            .iter()
            .filter(|s| speaker.is_none_or(|k| s.key == k || s.entity.as_deref() == Some(k)))
            .flat_map(|s| &s.quotes)
            .filter(|q| outlet.is_none_or(|o| q.outlet == o))
            .collect();
        // Stable: one paragraph's quotes keep their speakers' order.
        order::sort_by(&mut quotes, |a, b| {
            (a.article, a.paragraph).cmp(&(b.article, b.paragraph))
        });
        quotes
    }
}

/// Speakers per outlet and their quotes in the selected articles.
pub fn who_is_quoted(articles: &[Article], selection: &[usize]) -> Speakers {
    let mut groups: BTreeMap<String, Vec<(QuoteRef, Option<String>)>> = BTreeMap::new();
    let mut outlets = Vec::new();
    for ai in normalise(selection, articles) {
        let article = &articles[ai];
        let outlet = outlet_name(article);
        if !outlets.contains(&outlet) {
            outlets.push(outlet.clone());
        }
        for q in &article.quotes {
            let key = match &q.entity {
                Some(id) => format!("entity:{id}"),
                None => tokenize(&q.speaker)
                    .into_iter()
                    .map(|t| t.text)
                    .collect::<Vec<_>>()
                    .join(" "),
            };
            groups.entry(key).or_default().push((
                QuoteRef {
                    article: ai,
                    paragraph: q.paragraph,
                    outlet: outlet.clone(),
                    speaker: q.speaker.clone(),
                    quote: q.quote.clone(),
                    cue: q.cue.clone(),
                },
                q.entity.clone(),
            ));
        }
    }
    outlets.sort();
    let mut speakers: Vec<Speaker> = groups
        .into_iter()
        .map(|(key, quotes)| {
            let entity = quotes.iter().find_map(|(_, e)| e.clone());
            let quotes: Vec<QuoteRef> = quotes.into_iter().map(|(q, _)| q).collect();
            let mut forms: BTreeMap<&str, usize> = BTreeMap::new();
            let mut by_outlet: BTreeMap<String, usize> = BTreeMap::new();
            for q in &quotes {
                *forms.entry(q.speaker.as_str()).or_default() += 1;
                *by_outlet.entry(q.outlet.clone()).or_default() += 1;
            }
            let name = forms
                .iter()
                .max_by(|(a, na), (b, nb)| {
                    na.cmp(nb)
                        .then(a.chars().count().cmp(&b.chars().count()))
                        .then(b.cmp(a))
                })
                .map(|(f, _)| f.to_string())
                .unwrap_or_default();
            Speaker {
                key,
                name,
                entity,
                by_outlet,
                total: quotes.len(),
                quotes,
            }
        })
        .collect();
    order::sort_by(&mut speakers, |a, b| {
        b.total.cmp(&a.total).then_with(|| a.name.cmp(&b.name))
    });
    Speakers { outlets, speakers }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Fact, Provenance, Quote};

    fn quote(speaker: &str, entity: Option<&str>) -> Quote {
        Quote {
            speaker: speaker.into(),
            entity: entity.map(str::to_string),
            quote: "words".into(),
            paragraph: 1,
            cue: "said".into(),
        }
    }

    #[test]
    fn groups_speakers_by_entity_or_folded_name() {
        let articles = vec![
            Article {
                outlet: Some(Fact::new("A".into(), Provenance::Text)),
                quotes: vec![
                    quote("Recep Tayyip Erdoğan", Some("erdogan")),
                    quote("Erdoğan", Some("erdogan")),
                    quote("The Foreign Ministry", None),
                ],
                ..Default::default()
            },
            Article {
                quotes: vec![
                    quote("Erdogan", Some("erdogan")),
                    quote("the foreign ministry", None),
                ],
                ..Default::default()
            },
        ];
        let s = who_is_quoted(&articles, &[0, 1]);
        assert_eq!(s.outlets, ["(unknown outlet)", "A"]);
        let e = s.get("erdogan").unwrap();
        assert_eq!(e.total, 3);
        assert_eq!(e.name, "Recep Tayyip Erdoğan");
        assert_eq!(e.by_outlet["A"], 2);
        assert_eq!(e.by_outlet[crate::stats::UNKNOWN_OUTLET], 1);
        let m = s.get("the foreign ministry").unwrap();
        assert_eq!(m.total, 2);
        assert_eq!(s.speakers[0].key, "entity:erdogan");
        // The facet: one speaker, one outlet, or both.
        assert_eq!(s.quotes_of(Some("erdogan"), Some("A")).len(), 2);
        assert_eq!(s.quotes_of(Some("entity:erdogan"), None).len(), 3);
        let from_a: Vec<&str> = s
            .quotes_of(None, Some("A"))
            .iter()
            .map(|q| q.speaker.as_str())
            .collect();
        assert_eq!(
            from_a,
            ["Recep Tayyip Erdoğan", "Erdoğan", "The Foreign Ministry"]
        );
        assert_eq!(s.quotes_of(None, None).len(), 5);
        assert!(s.quotes_of(Some("nobody"), None).is_empty());
    }
}
