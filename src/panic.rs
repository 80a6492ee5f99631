//! A Rust panic becomes a visible error banner instead of a frozen page.

use wasm_bindgen::JsCast;

/// Installs a panic hook that logs the panic to the console and shows it in
/// the page's `#fatal` banner (plain text, never HTML). Through Yew's own
/// setter: a plain `std::panic::set_hook` is replaced by Yew's console-only
/// hook when the app first renders (the browser test caught that).
pub fn install_hook() {
    yew::set_custom_panic_hook(Box::new(|info| {
        let message = format!("The explorer stopped because of a bug: {info}");
        gloo::console::error!(message.clone());
        let document = gloo::utils::document();
        if let Some(banner) = document
            .get_element_by_id("fatal")
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
        {
            banner.set_text_content(Some(&format!("{message}. Reload the page to start again.")));
            banner.set_hidden(false);
        }
    }));
}
