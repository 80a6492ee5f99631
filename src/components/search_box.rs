//! The search box: results update as the reader types.

use wasm_bindgen::JsCast;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::latest::Latest;
use crate::state::Action;

/// Props for [`SearchBox`].
#[derive(Properties, PartialEq)]
pub struct SearchBoxProps {
    /// The query as typed.
    pub query: String,
    /// Where changes go.
    pub on_action: Callback<Action>,
}

/// A labelled `type=search` field; `/` focuses it from anywhere.
#[function_component(SearchBox)]
pub fn search_box(props: &SearchBoxProps) -> Html {
    // What was typed is searched in a task of its own (see `Latest`).
    let typed = (*use_memo((), |_| Latest::<Action>::default())).clone();
    let oninput = {
        let on_action = props.on_action.clone();
        Callback::from(move |e: InputEvent| {
            if let Some(input) = e
                .target()
                .and_then(|t| t.dyn_into::<HtmlInputElement>().ok())
            {
                typed.set(Action::SetQuery(input.value()), on_action.clone());
            }
        })
    };
    html! {
        <form class="search" role="search" onsubmit={Callback::from(|e: SubmitEvent| e.prevent_default())}>
            <label for="search" class="visually-hidden">{ "Search the dossier" }</label>
            <input id="search" type="search" value={props.query.clone()} {oninput} autocomplete="off" spellcheck="false"
                   placeholder={"Search: words, \"a phrase\", -exclude, outlet:name, after:2022 … (press ? for help)"} />
        </form>
    }
}
