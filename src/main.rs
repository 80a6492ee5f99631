//! The Dossier explorer: mounts [`app::App`] and nothing else.

mod after_paint;
mod app;
mod components;
mod data;
mod engine;
mod keys;
mod latest;
mod panic;
mod route;
mod same;
mod shards;
mod state;
mod text;

/// Panics on purpose, so the browser tests can prove that a bug in the
/// explorer ends in the error banner rather than a frozen page. Reachable
/// only by calling `wasm_bindgen.dossier_panic_for_testing()` from a
/// console; nothing in the page calls it.
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn dossier_panic_for_testing() {
    panic!("a panic raised on purpose to test the error banner");
}

fn main() {
    panic::install_hook();
    let root = gloo::utils::document()
        .get_element_by_id("app")
        .expect("index.html has an element with id=app");
    // Drop the "Loading…" placeholder that index.html shows before the app starts.
    root.set_text_content(None);
    yew::Renderer::<app::App>::with_root(root).render();
}
