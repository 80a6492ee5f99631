//! The filters a reader has set, one by one, as the chips above the
//! results and the no-results suggestions both list them.

use dossier_core::search::Filters;
use dossier_core::PartialDate;

use crate::engine::Engine;
use crate::state::{Action, Facet};

/// One filter the reader has set: a facet value, or the date range
/// (`facet` is `None`).
pub struct ActiveFilter {
    /// Its facet, or `None` for the date range.
    pub facet: Option<Facet>,
    /// The value as the URL holds it (empty for the date range).
    pub value: String,
    /// How it reads: the outlet, the entity's name, "2022 – …".
    pub label: String,
}

impl ActiveFilter {
    /// The action that removes it.
    pub fn remove(&self) -> Action {
        match self.facet {
            Some(facet) => Action::ToggleFacet(facet, self.value.clone()),
            None => Action::SetRange(None, None),
        }
    }

    /// What kind of filter it is, in a reader's words.
    pub fn kind(&self) -> &'static str {
        match self.facet {
            Some(Facet::Outlet) => "outlet",
            Some(Facet::Entity) => "mentions",
            Some(Facet::Language) => "language",
            Some(Facet::Year) => "year",
            Some(Facet::Month) => "month",
            Some(Facet::Author) => "author",
            None => "dates",
        }
    }

    /// `filters` without this one.
    pub fn without(&self, filters: &Filters) -> Filters {
        let mut rest = filters.clone();
        match self.facet {
            Some(facet) => facet.values_mut(&mut rest).retain(|v| *v != self.value),
            None => {
                rest.after = None;
                rest.before = None;
            }
        }
        rest
    }
}

/// The reader's filters in the order the chips show them: outlets,
/// entities, languages, years, months, authors, then the date range.
pub fn active_filters(engine: &Engine, f: &Filters) -> Vec<ActiveFilter> {
    let value = |facet: Facet, v: &String, label: String| ActiveFilter {
        facet: Some(facet),
        value: v.clone(),
        label,
    };
    let mut all: Vec<ActiveFilter> = Vec::new();
    all.extend(f.outlets.iter().map(|v| value(Facet::Outlet, v, v.clone())));
    all.extend(
        f.entities
            .iter()
            .map(|v| value(Facet::Entity, v, engine.entity_name(v).to_string())),
    );
    all.extend(f.languages.iter().map(|v| {
        let name = dossier_core::language::language_name(v);
        value(
            Facet::Language,
            v,
            name.map_or_else(|| v.clone(), str::to_string),
        )
    }));
    all.extend(f.years.iter().map(|v| value(Facet::Year, v, v.clone())));
    // "March 2022" for `2022-03`.
    all.extend(f.months.iter().map(|v| {
        let label = PartialDate::parse(v).map_or_else(|_| v.clone(), |d| d.to_string());
        value(Facet::Month, v, label)
    }));
    all.extend(f.authors.iter().map(|v| value(Facet::Author, v, v.clone())));
    if f.after.is_some() || f.before.is_some() {
        all.push(ActiveFilter {
            facet: None,
            value: String::new(),
            label: format!(
                "{} – {}",
                f.after.map_or("…".to_string(), |d| d.to_string()),
                f.before.map_or("…".to_string(), |d| d.to_string())
            ),
        });
    }
    all
}
