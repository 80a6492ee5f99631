//! The light/dark switch. The page follows the system's theme until the
//! reader picks one here; the pick is remembered in `localStorage` and put
//! on `<html data-theme>` by `static/theme.js` before the first paint, so a
//! reloaded page never flashes the other theme.

use gloo::events::EventListener;
use yew::prelude::*;

/// Where the reader's pick is kept (`"light"` or `"dark"`).
const KEY: &str = "dossier-theme";
const DARK_QUERY: &str = "(prefers-color-scheme: dark)";

fn system_dark() -> bool {
    gloo::utils::window()
        .match_media(DARK_QUERY)
        .ok()
        .flatten()
        .is_some_and(|m| m.matches())
}

/// The theme on screen, as `static/theme.js` or the last click set it.
fn shown_dark() -> bool {
    gloo::utils::document_element()
        .get_attribute("data-theme")
        .is_some_and(|t| t == "dark")
}

fn show(dark: bool) {
    let _ = gloo::utils::document_element()
        .set_attribute("data-theme", if dark { "dark" } else { "light" });
}

fn stored() -> Option<String> {
    gloo::utils::window()
        .local_storage()
        .ok()
        .flatten()
        .and_then(|s| s.get_item(KEY).ok().flatten())
}

/// Remembers the pick; picking the system's own theme forgets it, so the
/// page follows the system again. Storage that is off only means the
/// pick lasts until the page closes.
fn remember(dark: bool) {
    if let Ok(Some(storage)) = gloo::utils::window().local_storage() {
        let _ = if dark == system_dark() {
            storage.remove_item(KEY)
        } else {
            storage.set_item(KEY, if dark { "dark" } else { "light" })
        };
    }
}

/// A toggle button, pressed when the dark theme is on.
#[function_component(ThemeToggle)]
pub fn theme_toggle() -> Html {
    let dark = use_state_eq(shown_dark);
    // Follow the system's changes while the reader has not picked.
    {
        let dark = dark.clone();
        use_effect_with((), move |_| {
            let listener = gloo::utils::window()
                .match_media(DARK_QUERY)
                .ok()
                .flatten()
                .map(|query| {
                    EventListener::new(&query, "change", move |_| {
                        if stored().is_none() {
                            let now = system_dark();
                            show(now);
                            dark.set(now);
                        }
                    })
                });
            move || drop(listener)
        });
    }
    let onclick = {
        let dark = dark.clone();
        Callback::from(move |_: MouseEvent| {
            let next = !shown_dark();
            show(next);
            remember(next);
            dark.set(next);
        })
    };
    html! {
        <button type="button" class="theme-toggle" aria-pressed={dark.to_string()} {onclick}
                title="Dark theme (remembered on this device)">
            <span aria-hidden="true">{ "◐" }</span>
            <span class="visually-hidden">{ "Dark theme" }</span>
        </button>
    }
}
