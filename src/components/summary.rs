//! The line above the results: how many match (announced to screen
//! readers), what else was matched on the reader's behalf, the active
//! filters as removable chips, and the sort order.

use std::rc::Rc;

use dossier_core::search::{SearchResults, Sort};
use wasm_bindgen::JsCast;
use web_sys::HtmlSelectElement;
use yew::prelude::*;

use crate::components::active_filter::active_filters;
use crate::components::articles;
use crate::engine::Engine;
use crate::route::View;
use crate::state::Action;

/// Props for [`Summary`].
#[derive(Properties, PartialEq)]
pub struct SummaryProps {
    /// The dossier.
    pub engine: Rc<Engine>,
    /// The current results.
    pub results: Rc<SearchResults>,
    /// The current view.
    pub view: View,
    /// Where changes go.
    pub on_action: Callback<Action>,
}

/// Count, alias and typo notes, parser messages, chips and sort.
#[function_component(Summary)]
pub fn summary(props: &SummaryProps) -> Html {
    let r = &props.results;
    let f = &props.view.filters;
    let chips: Vec<Html> = active_filters(&props.engine, f)
        .into_iter()
        .map(|filter| {
            let on_action = props.on_action.clone();
            let action = filter.remove();
            let onclick = Callback::from(move |_| on_action.emit(action.clone()));
            let what = if filter.facet.is_some() { "filter" } else { "date range" };
            let label = filter.label;
            html! {
                <li><button type="button" class="chip" {onclick} aria-label={format!("Remove {what} {label}")}>
                    { label.clone() }<span aria-hidden="true">{ " ×" }</span>
                </button></li>
            }
        })
        .collect();
    let onchange = {
        let on_action = props.on_action.clone();
        Callback::from(move |e: Event| {
            let Some(select) = e
                .target()
                .and_then(|t| t.dyn_into::<HtmlSelectElement>().ok())
            else {
                return;
            };
            let sort = match select.value().as_str() {
                "newest" => Sort::Newest,
                "oldest" => Sort::Oldest,
                _ => Sort::Relevance,
            };
            on_action.emit(Action::SetSort(sort));
        })
    };
    let sort = props.view.sort;
    let count = match r.total {
        0 => "No articles match".to_string(),
        n => articles(n),
    };
    html! {
        <div class="summary">
            <p class="count" role="status" aria-live="polite">{ count }</p>
            if !r.aliases_matched.is_empty() {
                <p class="also">{ "Also matching: " }
                    { r.aliases_matched.iter().map(|a| a.also_matching.clone()).collect::<Vec<_>>().join(" · ") }
                </p>
            }
            if !r.typo_corrections.is_empty() {
                <p class="also">{ "Including similar words: " }
                    { r.typo_corrections.iter().map(|c| format!("{} → {}", c.typed, c.corrected)).collect::<Vec<_>>().join(" · ") }
                </p>
            }
            { for r.messages.iter().map(|m| html! { <p class="message">{ m }</p> }) }
            if !chips.is_empty() {
                <ul class="chips" aria-label="Active filters">{ for chips }</ul>
            }
            <label class="sort">{ "Sort " }
                <select {onchange}>
                    <option value="relevance" selected={sort == Sort::Relevance}>{ "by relevance" }</option>
                    <option value="newest" selected={sort == Sort::Newest}>{ "newest first" }</option>
                    <option value="oldest" selected={sort == Sort::Oldest}>{ "oldest first" }</option>
                </select>
            </label>
        </div>
    }
}
