//! The naming lens: who calls what by which name. For every entity the
//! gazetteer knows by more than one name (Nagorno-Karabakh / Karabakh /
//! Artsakh, Turkey / Türkiye), a table outlet × variant of mention counts,
//! with the places behind each cell so the view can open their
//! concordance lines ([`super::lines_at`]).
//!
//! Counts come from ingest's mentions (the headline and every paragraph,
//! captions and furniture included). Variants are grouped case- and
//! diacritic-insensitively onto the gazetteer's own spelling: "Erdogan" and
//! "Erdoğan" are one column, labelled as the gazetteer first writes it.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::{normalise, outlet_name, Occurrence};
use crate::entities::{fold, stems, words, Entity, Gazetteer};
use crate::model::Article;

/// One alias group's table.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct NamingTable {
    /// The entity's gazetteer id (`nagorno-karabakh`).
    pub entity: String,
    /// The entity's display name.
    pub name: String,
    /// The columns: the gazetteer's names in file order (name first), one
    /// per folded spelling, then any written form the gazetteer lacks.
    pub variants: Vec<String>,
    /// The rows: every outlet of the selection, sorted, even one that never
    /// names the entity (an empty row is a finding too).
    pub outlets: Vec<String>,
    /// The non-empty cells, by outlet then variant column.
    pub cells: Vec<NamingCell>,
    /// All mentions of the entity in the selection.
    pub total: usize,
}

/// One non-empty cell of a [`NamingTable`].
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct NamingCell {
    /// The row's outlet.
    pub outlet: String,
    /// The column's variant, as in [`NamingTable::variants`].
    pub variant: String,
    /// How many mentions.
    pub count: usize,
    /// Where each mention is, in dossier order.
    pub occurrences: Vec<Occurrence>,
}

impl NamingTable {
    /// The count in one cell (0 for an empty or unknown cell).
    pub fn count(&self, outlet: &str, variant: &str) -> usize {
        self.cell(outlet, variant).map_or(0, |c| c.count)
    }

    /// One cell, when non-empty.
    pub fn cell(&self, outlet: &str, variant: &str) -> Option<&NamingCell> {
        self.cells
            .iter()
            .find(|c| c.outlet == outlet && c.variant == variant)
    }

    /// A column's total over all outlets.
    pub fn variant_total(&self, variant: &str) -> usize {
        self.cells
            .iter()
            .filter(|c| c.variant == variant)
            .map(|c| c.count)
            .sum()
    }

    /// The names the selected articles use (a total above zero), in
    /// gazetteer order: a gazetteer lists names in several languages, and
    /// most of them are unused in any one selection.
    pub fn used_variants(&self) -> Vec<&String> {
        self.variants
            .iter()
            .filter(|v| self.variant_total(v) > 0)
            .collect()
    }
}

/// A name folded word by word ("Nagorno-Karabakh" → "nagorno karabakh"),
/// the key variants are grouped by.
fn key(name: &str) -> String {
    words(name)
        .map(|(s, e)| fold(&name[s..e]))
        .collect::<Vec<_>>()
        .join(" ")
}

/// The naming lens over the selected articles: one table per gazetteer
/// entity with aliases, in gazetteer order.
pub fn naming_lens(
    articles: &[Article],
    selection: &[usize],
    gazetteer: &Gazetteer,
) -> Vec<NamingTable> {
    let selection = normalise(selection, articles);
    let mut outlets: Vec<String> = selection
        .iter()
        .map(|&i| outlet_name(&articles[i]))
        .collect();
    outlets.sort();
    outlets.dedup();
    gazetteer
        .entities()
        .iter()
        .filter(|e| !e.aliases.is_empty())
        .map(|e| table(articles, &selection, e, &outlets))
        .collect()
}

fn table(
    articles: &[Article],
    selection: &[usize],
    entity: &Entity,
    outlets: &[String],
) -> NamingTable {
    // Columns: folded key → label, in gazetteer order. A name with stems
    // ("Карабах*") is one column for all its case forms, labelled with
    // the stems marked as such ("Карабах…").
    let mut variants: Vec<(String, String)> = Vec::new();
    let stemmed: Vec<&str> = entity
        .names()
        .filter(|n| n.contains(stems::MARKER))
        .collect();
    for name in entity.names() {
        let k = key(name);
        if !variants.iter().any(|(vk, _)| *vk == k) {
            variants.push((k, name.replace(stems::MARKER, "…")));
        }
    }
    // (outlet, column) → occurrences.
    let mut cells: BTreeMap<(String, usize), Vec<Occurrence>> = BTreeMap::new();
    let mut total = 0;
    for &ai in selection {
        let article = &articles[ai];
        let outlet = outlet_name(article);
        for m in article.mentions.iter().filter(|m| m.entity == entity.id) {
            let mut k = key(&m.text);
            if !variants.iter().any(|(vk, _)| *vk == k) {
                if let Some(name) = stemmed.iter().find(|n| stems::written_as(n, &m.text)) {
                    k = key(name);
                }
            }
            let column = match variants.iter().position(|(vk, _)| *vk == k) {
                Some(c) => c,
                None => {
                    variants.push((k, m.text.clone()));
                    variants.len() - 1
                }
            };
            cells
                .entry((outlet.clone(), column))
                .or_default()
                .push(Occurrence {
                    article: ai,
                    paragraph: m.paragraph,
                    start: m.start,
                    end: m.end,
                });
            total += 1;
        }
    }
    NamingTable {
        entity: entity.id.clone(),
        name: entity.name.clone(),
        cells: cells
            .into_iter()
            .map(|((outlet, column), occurrences)| NamingCell {
                outlet,
                variant: variants[column].1.clone(),
                count: occurrences.len(),
                occurrences,
            })
            .collect(),
        variants: variants.into_iter().map(|(_, label)| label).collect(),
        outlets: outlets.to_vec(),
        total,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Fact, Paragraph, Provenance};

    fn article(outlet: &str, text: &str, g: &Gazetteer) -> Article {
        let mut a = Article {
            id: outlet.into(),
            headline: "Türkiye and Karabakh".into(),
            paragraphs: vec![Paragraph::with_role(text, crate::model::Role::Caption, "c")],
            outlet: Some(Fact::new(outlet.into(), Provenance::Text)),
            ..Default::default()
        };
        a.mentions = g.mentions(&a);
        a
    }

    #[test]
    fn counts_variants_per_outlet_folding_case_and_diacritics() {
        let g = Gazetteer::default();
        let articles = vec![
            article("B", "TURKIYE, Erdogan and Erdoğan in Artsakh.", &g),
            article("A", "Turkey.", &g),
        ];
        let tables = naming_lens(&articles, &[0, 1], &g);
        let turkey = tables.iter().find(|t| t.entity == "turkey").unwrap();
        assert_eq!(turkey.outlets, ["A", "B"]);
        assert_eq!(turkey.variants[..2], ["Turkey", "Türkiye"]);
        assert_eq!(turkey.count("B", "Türkiye"), 2); // headline + caption
        assert_eq!(turkey.count("A", "Türkiye"), 1);
        assert_eq!(turkey.count("A", "Turkey"), 1);
        assert_eq!(turkey.variant_total("Türkiye"), 3);
        let cell = turkey.cell("B", "Türkiye").unwrap();
        assert_eq!(cell.occurrences[0].paragraph, None);
        assert_eq!(cell.occurrences[1].paragraph, Some(0));

        let erdogan = tables.iter().find(|t| t.entity == "erdogan").unwrap();
        assert_eq!(erdogan.count("B", "Erdoğan"), 2);
        assert!(!erdogan.variants.contains(&"Erdogan".to_string()));

        // Entities without aliases have no table.
        assert!(!tables.iter().any(|t| t.entity == "israel"));
    }

    #[test]
    fn a_stemmed_name_is_one_column_for_all_its_case_forms() {
        let g = Gazetteer::default();
        let a = article(
            "ТАСС",
            "В Нагорном Карабахе и о Нагорном Карабахе; Карабаха, Карабахом.",
            &g,
        );
        let tables = naming_lens(&[a], &[0], &g);
        let t = tables
            .iter()
            .find(|t| t.entity == "nagorno-karabakh")
            .unwrap();
        assert_eq!(t.count("ТАСС", "Нагорн… Карабах…"), 2);
        assert_eq!(t.count("ТАСС", "Карабах…"), 2);
        assert!(t.variants.iter().all(|v| !v.contains('*')));
    }

    #[test]
    fn a_written_form_the_gazetteer_lacks_gets_its_own_column() {
        let g = Gazetteer::default();
        let mut a = article("A", "Shusha", &g);
        a.mentions[0].text = "Shushy".into();
        let tables = naming_lens(&[a], &[0], &g);
        let t = tables.iter().find(|t| t.entity == "turkey").unwrap();
        assert_eq!(t.variants.last().unwrap(), "Shushy");
        assert_eq!(t.count("A", "Shushy"), 1);
    }
}
