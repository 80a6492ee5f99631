//! The concordance (keyword in context): every occurrence of a word,
//! `prefix*` or phrase in the selection, aligned on the keyword and
//! sortable, each line opening the reading view at its paragraph.

use std::rc::Rc;

use dossier_core::stats::{concordance, sort_lines, KwicLine, KwicOptions};
use wasm_bindgen::JsCast;
use yew::prelude::*;

use super::changed;
use super::lines::KwicList;
use crate::engine::Engine;
use crate::route::{kwic_sort_from_name, kwic_sort_name, Compare, View};
use crate::state::Action;

/// Props for [`Concordance`].
#[derive(Properties, PartialEq)]
pub struct ConcordanceProps {
    /// The dossier (every selected text loaded).
    pub engine: Rc<Engine>,
    /// The compared articles.
    pub selection: Rc<Vec<usize>>,
    /// The current view, for links.
    pub view: View,
    /// The Compare settings (`term`, `kwic_sort`).
    pub compare: Compare,
    /// Where changes go.
    pub on_action: Callback<Action>,
}

/// The concordance tab: a term field, an order, and the lines.
#[function_component(Concordance)]
pub fn concordance_view(props: &ConcordanceProps) -> Html {
    let engine = props.engine.clone();
    let c = &props.compare;
    let lines: Rc<Vec<KwicLine>> = use_memo(
        (
            props.selection.clone(),
            c.term.clone(),
            c.kwic_sort,
            engine.generation(),
        ),
        move |(selection, term, sort, _)| {
            let mut lines =
                concordance(&engine.articles(), selection, term, &KwicOptions::default());
            sort_lines(&mut lines, *sort);
            lines
        },
    );
    let oninput = {
        let (c, on_action) = (c.clone(), props.on_action.clone());
        Callback::from(move |e: InputEvent| {
            if let Some(input) = e
                .target()
                .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
            {
                on_action.emit(Action::SetCompare(changed(&c, |c| c.term = input.value())));
            }
        })
    };
    let onchange = {
        let (c, on_action) = (c.clone(), props.on_action.clone());
        Callback::from(move |e: Event| {
            if let Some(select) = e
                .target()
                .and_then(|t| t.dyn_into::<web_sys::HtmlSelectElement>().ok())
            {
                if let Some(sort) = kwic_sort_from_name(&select.value()) {
                    on_action.emit(Action::SetCompare(changed(&c, |c| c.kwic_sort = sort)));
                }
            }
        })
    };
    let articles: std::collections::BTreeSet<&str> =
        lines.iter().map(|l| l.article_id.as_str()).collect();
    let current = kwic_sort_name(c.kwic_sort);
    html! {
        <div class="concordance">
            <div class="controls">
                <label>{ "Word, prefix* or phrase " }
                    <input id="kwic-term" type="search" value={c.term.clone()} {oninput}
                           placeholder="liberat*" autocomplete="off" spellcheck="false" />
                </label>
                <label>{ " Order " }
                    <select id="kwic-sort" {onchange}>
                        { for [("position", "as in the dossier"), ("left", "by the words before"), ("right", "by the words after"), ("outlet", "by outlet"), ("date", "by date")]
                            .into_iter().map(|(value, label)| html! {
                                <option {value} selected={value == current}>{ label }</option>
                            }) }
                    </select>
                </label>
            </div>
            if c.term.trim().is_empty() {
                <p class="hint">{ "Type a word (occupied), a prefix (liberat*) or a phrase (ethnic cleansing) to see every place it occurs." }</p>
            } else {
                <p class="kwic-count" role="status">
                    { format!("{} line{} in {} article{}", lines.len(), if lines.len() == 1 { "" } else { "s" },
                              articles.len(), if articles.len() == 1 { "" } else { "s" }) }
                </p>
                <KwicList lines={lines.clone()} view={props.view.clone()} label={format!("Concordance of {}", c.term)} />
            }
        </div>
    }
}
