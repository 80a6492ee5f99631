//! Input that arrives faster than the page can answer it.

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use yew::Callback;

/// The latest value of a burst of input events, applied in a task of its
/// own after the event's.
///
/// Typing and dragging answer with a search and a new list. Done inside
/// the input event, that work shares one task with what the browser does
/// there (for a text field it lays the page out, for the caret), and the
/// task outlasts a frame; apart, neither does. Events that arrive while
/// the answer runs are answered once, with the latest value.
pub struct Latest<T>(Rc<RefCell<Option<T>>>);

impl<T> Clone for Latest<T> {
    fn clone(&self) -> Self {
        Latest(self.0.clone())
    }
}

impl<T> Default for Latest<T> {
    fn default() -> Self {
        Latest(Rc::new(RefCell::new(None)))
    }
}

impl<T: 'static> Latest<T> {
    /// Keeps `value` as the one to apply; the first of a burst schedules
    /// `apply` in a new task, which then takes the latest value.
    pub fn set(&self, value: T, apply: Callback<T>) {
        if self.0.borrow_mut().replace(value).is_some() {
            return; // already on its way; it takes this value
        }
        let slot = self.0.clone();
        let run = move || {
            let value = slot.borrow_mut().take();
            if let Some(value) = value {
                apply.emit(value);
            }
        };
        let task = Closure::once_into_js(run.clone());
        if gloo::utils::window()
            .set_timeout_with_callback_and_timeout_and_arguments_0(task.unchecked_ref(), 0)
            .is_err()
        {
            run();
        }
    }
}
