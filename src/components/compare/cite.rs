//! "Cite" for the open article: APA or Chicago, copied to the clipboard
//! when the browser allows it, and always shown in a selectable box (the
//! clipboard is often unavailable from `file://`).

use std::rc::Rc;

use dossier_core::export::{cite, CitationStyle};
use wasm_bindgen::{JsCast, JsValue};
use yew::prelude::*;

use crate::engine::Engine;

/// Props for [`CiteControl`].
#[derive(Properties, PartialEq)]
pub struct CiteControlProps {
    /// The dossier.
    pub engine: Rc<Engine>,
    /// The article's position.
    pub position: usize,
}

/// Asks the browser to copy `text`; `None` when there is no clipboard.
fn write_clipboard(text: &str) -> Option<js_sys::Promise> {
    let navigator = gloo::utils::window().navigator();
    let clipboard = js_sys::Reflect::get(&navigator, &JsValue::from_str("clipboard")).ok()?;
    if clipboard.is_undefined() || clipboard.is_null() {
        return None;
    }
    let write = js_sys::Reflect::get(&clipboard, &JsValue::from_str("writeText"))
        .ok()?
        .dyn_into::<js_sys::Function>()
        .ok()?;
    write
        .call1(&clipboard, &JsValue::from_str(text))
        .ok()?
        .dyn_into::<js_sys::Promise>()
        .ok()
}

/// Two buttons (APA, Chicago) and the citation they made.
#[function_component(CiteControl)]
pub fn cite_control(props: &CiteControlProps) -> Html {
    // (style name, citation, status message)
    let shown = use_state(|| None::<(&'static str, String, String)>);
    use_effect_with(props.position, {
        let shown = shown.clone();
        move |_| shown.set(None)
    });
    let button = |style: CitationStyle, name: &'static str| {
        let (engine, position, shown) = (props.engine.clone(), props.position, shown.clone());
        let onclick = Callback::from(move |_: MouseEvent| {
            let text = cite(&engine.articles()[position], style).plain;
            match write_clipboard(&text) {
                Some(promise) => {
                    shown.set(Some((name, text.clone(), "Copying…".into())));
                    let shown = shown.clone();
                    wasm_bindgen_futures::spawn_local(async move {
                        let status = match wasm_bindgen_futures::JsFuture::from(promise).await {
                            Ok(_) => "Copied to the clipboard.",
                            Err(_) => "The browser did not allow copying; select the text below and copy it.",
                        };
                        shown.set(Some((name, text, status.into())));
                    });
                }
                None => shown.set(Some((
                    name,
                    text,
                    "This page cannot use the clipboard; select the text below and copy it.".into(),
                ))),
            }
        });
        html! { <button type="button" class={format!("cite-{}", name.to_lowercase())} {onclick}>{ name }</button> }
    };
    html! {
        <div class="cite">
            <span class="cite-label">{ "Cite: " }</span>
            { button(CitationStyle::Apa, "APA") }
            { button(CitationStyle::Chicago, "Chicago") }
            if let Some((name, text, status)) = &*shown {
                <p class="cite-status" role="status">{ format!("{name}: {status}") }</p>
                <textarea class="citation" readonly=true rows="3" aria-label={format!("{name} citation")} value={text.clone()} />
            }
        </div>
    }
}
