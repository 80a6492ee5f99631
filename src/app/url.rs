//! The URL always says what is on screen, and Back, Forward and pasted
//! links change what is on screen.

use std::rc::Rc;

use gloo::events::EventListener;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use super::validate;
use crate::engine::Engine;
use crate::route::View;
use crate::state::{Action, AppState, History};

/// How long typing or dragging pauses before the URL follows (ms).
const URL_PAUSE_MS: i32 = 300;

/// Puts `hash` in the address bar, as a new history entry or in place of
/// the current one; nothing when it is there already.
fn write_url(hash: &str, history: History) {
    let window = gloo::utils::window();
    let current = window.location().hash().unwrap_or_default();
    if current == hash || (current.is_empty() && hash == "#/") {
        return;
    }
    if let Ok(history_api) = window.history() {
        let null = wasm_bindgen::JsValue::NULL;
        let _ = match history {
            History::Push => history_api.push_state_with_url(&null, "", Some(hash)),
            History::Replace | History::None => {
                history_api.replace_state_with_url(&null, "", Some(hash))
            }
        };
    }
}

/// Keeps the view and the address bar in step, both ways.
#[hook]
pub fn use_url(engine: Rc<Engine>, state: UseReducerHandle<AppState>) {
    // Back, Forward and pasted links.
    {
        let state = state.clone();
        let engine = engine.clone();
        use_effect_with((), move |_| {
            let listener = EventListener::new(&gloo::utils::window(), "hashchange", move |_| {
                let (view, notices) = View::current();
                let (view, notices) = validate(&engine, view, notices);
                // The address bar says what is shown, not the stale part of
                // the link: the view may equal the one on screen, and then
                // the effect below has nothing new to write.
                write_url(&view.to_hash(), History::Replace);
                state.dispatch(Action::FromUrl(Box::new(view), notices));
            });
            move || drop(listener)
        });
    }

    // The URL always says what is on screen. Typing and dragging replace
    // the entry only once they pause: Chromium takes milliseconds per
    // `replaceState`, a keystroke's whole budget. A pending replacement is
    // written first when the next change pushes a new entry, so Back still
    // returns to what was typed.
    let pending_url = use_mut_ref(|| None::<(i32, String)>);
    use_effect_with(
        (state.view.clone(), state.history),
        move |(view, history)| {
            let window = gloo::utils::window();
            let pending = pending_url.borrow_mut().take();
            if let Some((timer, _)) = &pending {
                window.clear_timeout_with_handle(*timer);
            }
            let hash = view.to_hash();
            if *history == History::Replace {
                let slot = pending_url.clone();
                let later = hash.clone();
                let write = Closure::once_into_js(move || {
                    slot.borrow_mut().take();
                    write_url(&later, History::Replace);
                });
                match window.set_timeout_with_callback_and_timeout_and_arguments_0(
                    write.unchecked_ref(),
                    URL_PAUSE_MS,
                ) {
                    Ok(timer) => *pending_url.borrow_mut() = Some((timer, hash)),
                    Err(_) => write_url(&hash, History::Replace),
                }
                return;
            }
            if let Some((_, earlier)) = pending {
                write_url(&earlier, History::Replace);
            }
            write_url(&hash, *history);
        },
    );
}
