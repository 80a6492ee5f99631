//! The page's keyboard shortcuts (see `keys.rs` for the table).

use std::rc::Rc;

use dossier_core::search::SearchResults;
use gloo::events::{EventListener, EventListenerOptions};
use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::engine::Engine;
use crate::keys::{self, Key};
use crate::state::{Action, AppState};

/// One keyboard listener for the whole page, acting on the current view
/// and results.
#[hook]
pub fn use_shortcuts(
    engine: Rc<Engine>,
    state: UseReducerHandle<AppState>,
    results: Rc<SearchResults>,
) {
    // One keyboard listener for the page's life. It reads the view and
    // results of the latest render from here: adding and removing it at
    // every render (every keystroke) cost more than handling a key.
    let latest = use_mut_ref(|| (state.clone(), results.clone()));
    *latest.borrow_mut() = (state, results);
    use_effect_with((), move |_| {
        // Not passive: a handled key must not also scroll or type.
        let options = EventListenerOptions::enable_prevent_default();
        let listener = EventListener::new_with_options(
            &gloo::utils::document(),
            "keydown",
            options,
            move |event| {
                let Some(event) = event.dyn_ref::<web_sys::KeyboardEvent>() else {
                    return;
                };
                let target = event
                    .target()
                    .and_then(|t| t.dyn_into::<web_sys::Element>().ok());
                let typing = target.as_ref().is_some_and(|t| {
                    matches!(t.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT")
                });
                // Esc in a text field leaves it, so that j, k and Enter
                // reach the results again; a second Esc closes what is open.
                if typing && event.key() == "Escape" {
                    if let Some(field) = target
                        .as_ref()
                        .and_then(|t| t.dyn_ref::<web_sys::HtmlElement>())
                    {
                        let _ = field.blur();
                    }
                    event.prevent_default();
                    return;
                }
                let (state, results) = latest.borrow().clone();
                let Some(key) = keys::key_for(
                    &event.key(),
                    typing,
                    event.ctrl_key() || event.meta_key() || event.alt_key(),
                ) else {
                    return;
                };
                let ids: Vec<String> = results
                    .hits
                    .iter()
                    .map(|h| engine.articles()[h.article].id.clone())
                    .collect();
                let open = state.view.article.as_deref();
                // The Compare page has no result cursor: its buttons take Enter.
                let comparing = state.view.compare.is_some() && open.is_none();
                let action = match key {
                    Key::Next
                    | Key::Previous
                    | Key::Open
                    | Key::NextArticle
                    | Key::PreviousArticle
                        if comparing =>
                    {
                        None
                    }
                    Key::FocusSearch => {
                        if let Some(input) = gloo::utils::document()
                            .get_element_by_id("search")
                            .and_then(|e| e.dyn_into::<web_sys::HtmlInputElement>().ok())
                        {
                            // The "/" itself must not land in the box it focused.
                            event.prevent_default();
                            let _ = input.focus();
                            input.select();
                        }
                        None
                    }
                    Key::Escape => Some(Action::Escape),
                    Key::Help => Some(Action::ToggleHelp),
                    Key::Next if open.is_none() => Some(Action::MoveCursor(1, results.total)),
                    Key::Previous if open.is_none() => Some(Action::MoveCursor(-1, results.total)),
                    Key::Open if open.is_none() => {
                        ids.get(state.cursor).map(|id| Action::Open(id.to_string()))
                    }
                    Key::NextArticle | Key::PreviousArticle => {
                        let at = open.and_then(|o| ids.iter().position(|id| id == o));
                        let step: isize = if key == Key::NextArticle { 1 } else { -1 };
                        let next = match at {
                            Some(i) => i.checked_add_signed(step),
                            None => Some(state.cursor),
                        };
                        next.and_then(|i| ids.get(i))
                            .map(|id| Action::Open(id.to_string()))
                    }
                    _ => None,
                };
                if let Some(action) = action {
                    event.prevent_default();
                    state.dispatch(action);
                }
            },
        );
        move || drop(listener)
    });
}
