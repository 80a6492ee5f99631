//! Shortcuts and the query syntax, in one panel (`?`).

use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::keys::SHORTCUTS;

/// Props for [`Help`].
#[derive(Properties, PartialEq)]
pub struct HelpProps {
    /// Closes the panel.
    pub on_close: Callback<MouseEvent>,
}

const SYNTAX: &[(&str, &str)] = &[
    (
        "erdogan aliyev",
        "articles with all the words (Erdoğan or Erdogan, any case or accent)",
    ),
    (
        "\"ethnic cleansing\"  \"Artsakh\"",
        "the exact phrase or word: no other forms, no other names for it",
    ),
    (
        "artsakh",
        "also the names the gazetteer gives the same thing (Nagorno-Karabakh, Карабах…)",
    ),
    ("karabakh -nato", "without a word"),
    ("shusha OR shushi", "either word"),
    (
        "liberat*",
        "words that start so (the last word typed always does)",
    ),
    ("outlet:antiwar  author:decamp", "by outlet or author"),
    ("entity:stoltenberg  lang:en", "by entity or language"),
    (
        "after:2022  before:2023-06  on:2021-09-08",
        "by date (YYYY, YYYY-MM or YYYY-MM-DD)",
    ),
];

/// The help panel.
#[function_component(Help)]
pub fn help(props: &HelpProps) -> Html {
    // Opening moves focus to the panel's heading, so a screen reader reads
    // it; closing gives focus back to where it was (the ? button, say).
    let heading = use_node_ref();
    {
        let heading = heading.clone();
        use_effect_with((), move |_| {
            let before = gloo::utils::document()
                .active_element()
                .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
            if let Some(h) = heading.cast::<web_sys::HtmlElement>() {
                let _ = h.focus();
            }
            move || {
                if let Some(before) = before.filter(|e| e.is_connected()) {
                    let _ = before.focus();
                }
            }
        });
    }
    html! {
        <section class="help" aria-labelledby="help-heading">
            <h2 id="help-heading" tabindex="-1" ref={heading}>{ "Searching and shortcuts" }</h2>
            <div class="help-columns">
                <table class="syntax">
                    <caption>{ "Search syntax" }</caption>
                    <tbody>{ for SYNTAX.iter().map(|(example, meaning)| html! {
                        <tr><td><code>{ *example }</code></td><td>{ *meaning }</td></tr>
                    }) }</tbody>
                </table>
                <table class="shortcuts">
                    <caption>{ "Keyboard" }</caption>
                    <tbody>{ for SHORTCUTS.iter().map(|(keys, what)| html! {
                        <tr><td><kbd>{ *keys }</kbd></td><td>{ *what }</td></tr>
                    }) }</tbody>
                </table>
            </div>
            <p>{ "Names are also searched under their other spellings from the dossier's gazetteer; the results say which. Similar spellings are tried only when exact matches are few." }</p>
            <button type="button" class="close" onclick={props.on_close.clone()}>{ "Close" }</button>
        </section>
    }
}
