//! Work that can wait one frame.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// Runs `then` in a task of its own after the browser's next paint: a
/// timeout set from the frame's animation callback (which runs just
/// before the frame is drawn). Where frames or timeouts cannot be had,
/// `then` runs at once: drawing late beats never drawing.
pub fn after_next_paint(then: impl FnOnce() + 'static) {
    let then = Rc::new(RefCell::new(Some(then)));
    let run = {
        let then = then.clone();
        move || {
            if let Some(then) = then.borrow_mut().take() {
                then();
            }
        }
    };
    let frame = Closure::once_into_js(move || {
        let timeout = Closure::once_into_js(run.clone());
        let set = gloo::utils::window()
            .set_timeout_with_callback_and_timeout_and_arguments_0(timeout.unchecked_ref(), 0);
        if set.is_err() {
            run();
        }
    });
    if gloo::utils::window()
        .request_animation_frame(frame.unchecked_ref())
        .is_err()
    {
        if let Some(then) = then.borrow_mut().take() {
            then();
        }
    }
}

/// `value` one paint late: the value of the previous render until the
/// browser has painted this one, then this one (a render of its own).
///
/// For what the reader does not look at while typing or dragging (facet
/// counts, the histogram): the results are drawn in the keystroke's frame
/// and these in the next, so neither frame does all the work. A value that
/// changes again before its turn is skipped for the newer one.
#[hook]
pub fn use_after_paint<T>(value: T) -> T
where
    T: Clone + PartialEq + 'static,
{
    let shown = use_state_eq(|| value.clone());
    {
        let shown = shown.clone();
        use_effect_with(value, move |value| {
            let value = value.clone();
            let stale = Rc::new(Cell::new(false));
            let later = stale.clone();
            after_next_paint(move || {
                if !later.get() {
                    shown.set(value);
                }
            });
            move || stale.set(true)
        });
    }
    (*shown).clone()
}
