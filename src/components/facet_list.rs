//! The facet panel: outlet, entity, language, year, author, each value
//! with its count for the current query and the other filters.

use std::rc::Rc;

use dossier_core::search::{FacetValue, Facets};
use yew::prelude::*;

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
    let f = &props.facets;
    let group = |title: &str, facet: Facet, values: &[FacetValue], limit: usize| -> Html {
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
    html! {
        <>
            { group("Outlet", Facet::Outlet, &f.outlets, 30) }
            { group("Entity", Facet::Entity, &f.entities, 15) }
            { group("Language", Facet::Language, &f.languages, 10) }
            { group("Year", Facet::Year, &f.years, 30) }
            { group("Author", Facet::Author, &f.authors, 15) }
        </>
    }
}
