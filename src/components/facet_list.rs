//! The facet panel: outlet, entity, language, year, author, each value
//! with its count for the current query and the other filters.

use std::rc::Rc;

use dossier_core::search::{FacetValue, Facets};
use yew::prelude::*;

use crate::after_paint::use_after_paint;
use crate::engine::Engine;
use crate::state::{Action, Facet};

/// Props for [`FacetPanel`].
#[derive(Properties, PartialEq)]
pub struct FacetPanelProps {
    /// The dossier (for entity names).
    pub engine: Rc<Engine>,
    /// Counts from the current results.
    pub facets: Facets,
    /// Where clicks go.
    pub on_action: Callback<Action>,
}

/// Checkbox lists, one per facet; empty facets are left out.
#[function_component(FacetPanel)]
pub fn facet_panel(props: &FacetPanelProps) -> Html {
    // Drawn one frame after the results (see `use_after_paint`), so a
    // keystroke's frame lays out the list and not the panel too.
    let facets = use_after_paint(props.facets.clone());
    let f = &facets;
    let group = |title: &str, facet: Facet, values: &[&FacetValue], limit: usize| -> Html {
        if values.is_empty() {
            return html! {};
        }
        let id = format!("facet-{}", title.to_lowercase());
        html! {
            <fieldset class="facet" aria-labelledby={id.clone()}>
                <legend id={id}>{ title }</legend>
                <ul>
                    { for values.iter().take(limit).map(|v| {
                        let label = match facet {
                            Facet::Entity => props.engine.entity_name(&v.value).to_string(),
                            _ => v.label.clone(),
                        };
                        let on_action = props.on_action.clone();
                        let value = v.value.clone();
                        let onchange = Callback::from(move |_| on_action.emit(Action::ToggleFacet(facet, value.clone())));
                        html! {
                            <li key={v.value.clone()}>
                                <label class={classes!((v.count == 0 && !v.selected).then_some("empty"))}>
                                    <input type="checkbox" checked={v.selected} {onchange} />
                                    <span class="facet-label">{ label }</span>
                                    <span class="count">{ v.count }</span>
                                </label>
                            </li>
                        }
                    }) }
                </ul>
            </fieldset>
        }
    };
    fn all(values: &[FacetValue]) -> Vec<&FacetValue> {
        values.iter().collect()
    }
    // Entities by type, so people, places and organisations do not crowd each other out.
    let kinds: [(&str, &str); 5] = [
        ("person", "People"),
        ("place", "Places"),
        ("country", "Countries"),
        ("organisation", "Organisations"),
        ("people", "Peoples"),
    ];
    let untyped: Vec<&FacetValue> = f.entities_of_kind(None).collect();
    html! {
        <>
            { group("Outlet", Facet::Outlet, &all(&f.outlets), 30) }
            { for kinds.iter().map(|(kind, title)| {
                let values: Vec<&FacetValue> = f.entities_of_kind(Some(kind)).collect();
                group(title, Facet::Entity, &values, 10)
            }) }
            { group("Other names", Facet::Entity, &untyped, 10) }
            { group("Language", Facet::Language, &all(&f.languages), 10) }
            { group("Year", Facet::Year, &all(&f.years), 30) }
            { group("Author", Facet::Author, &all(&f.authors), 15) }
        </>
    }
}
