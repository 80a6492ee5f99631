//! What every chart on the Compare page shares: the colour-blind-safe
//! palette (Okabe–Ito, as CSS classes so both themes can tune it), the
//! single-hue heat scale, the "show as table" toggle, and downloads.

use wasm_bindgen::{JsCast, JsValue};
use yew::prelude::*;

/// How many series colours there are (`series-0` … `series-4` in
/// `static/style.css`, Okabe–Ito blue, vermillion, bluish green, reddish
/// purple, orange).
pub const SERIES: usize = 5;

/// The CSS class of series `i`'s colour.
pub fn series_class(i: usize) -> String {
    format!("series-{}", i % SERIES)
}

/// Steps of the heat scale (`heat-1` … `heat-6`; `heat-0` is empty).
pub const HEAT_STEPS: usize = 6;

/// The heat class for `count` out of `max`: empty cells `heat-0`, the
/// largest `heat-6`.
pub fn heat_class(count: usize, max: usize) -> String {
    if count == 0 || max == 0 {
        return "heat-0".into();
    }
    let step = (count * HEAT_STEPS).div_ceil(max).clamp(1, HEAT_STEPS);
    format!("heat-{step}")
}

/// The "Show as table" / "Show as chart" button for a toggle state.
pub fn table_toggle(as_table: &UseStateHandle<bool>) -> Html {
    let state = as_table.clone();
    let onclick = Callback::from(move |_: MouseEvent| state.set(!*state));
    html! {
        <button type="button" class="table-toggle" aria-pressed={as_table.to_string()} {onclick}>
            { "Show as table" }
        </button>
    }
}

/// Runs `action` when a focused chart mark gets Enter or Space, as a
/// button would.
pub fn on_activate(action: Callback<()>) -> Callback<KeyboardEvent> {
    Callback::from(move |e: KeyboardEvent| {
        if e.key() == "Enter" || e.key() == " " {
            e.prevent_default();
            action.emit(());
        }
    })
}

/// Offers `text` as a file named `name`: a Blob URL and a temporary
/// `<a download>`, which works from `file://` as well as over http.
pub fn download(name: &str, mime: &str, text: &str) -> Result<(), JsValue> {
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)?;
    let document = gloo::utils::document();
    let link: web_sys::HtmlAnchorElement = document.create_element("a")?.dyn_into()?;
    link.set_href(&url);
    link.set_download(name);
    link.set_class_name("visually-hidden");
    let body = document.body().ok_or("no body")?;
    body.append_child(&link)?;
    link.click();
    link.remove();
    // Revoke later: the download reads the URL after this returns.
    let revoke = wasm_bindgen::closure::Closure::once_into_js(move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    });
    gloo::utils::window()
        .set_timeout_with_callback_and_timeout_and_arguments_0(revoke.unchecked_ref(), 60_000)?;
    Ok(())
}

/// Nice round tick values from 0 to at least `max` (about five of them).
pub fn ticks(max: f64) -> Vec<f64> {
    if max <= 0.0 || !max.is_finite() {
        return vec![0.0, 1.0];
    }
    let rough = max / 4.0;
    let magnitude = 10f64.powf(rough.log10().floor());
    let step = [1.0, 2.0, 2.5, 5.0, 10.0]
        .into_iter()
        .map(|m| m * magnitude)
        .find(|s| *s >= rough)
        .unwrap_or(rough);
    let n = (max / step).ceil() as usize;
    (0..=n.max(1)).map(|i| i as f64 * step).collect()
}

/// A number for a label: integers without decimals, others to one or two.
pub fn number(value: f64) -> String {
    if (value - value.round()).abs() < 1e-9 {
        format!("{}", value.round() as i64)
    } else if value.abs() >= 10.0 {
        format!("{value:.1}")
    } else {
        format!("{value:.2}")
    }
}
