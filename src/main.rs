//! The Dossier explorer: mounts [`app::App`] and nothing else.

mod app;
mod components;
mod data;
mod engine;
mod keys;
mod panic;
mod route;
mod shards;
mod state;
mod text;

fn main() {
    panic::install_hook();
    let root = gloo::utils::document()
        .get_element_by_id("app")
        .expect("index.html has an element with id=app");
    // Drop the "Loading…" placeholder that index.html shows before the app starts.
    root.set_text_content(None);
    yew::Renderer::<app::App>::with_root(root).render();
}
