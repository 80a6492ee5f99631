//! Hands the dossier's data to the core.
//!
//! `data/corpus.js`, a classic script loaded before the app starts (so it
//! works from `file://`, where `fetch` does not), leaves the bundle's JSON
//! in `window.__dossierCorpus64`, base64-encoded (sites from before kept the
//! JSON text in `window.__dossierCorpus`; both are read). This module takes
//! it from there and lets `dossier-core` decode it.

use base64::Engine as _;
use dossier_core::search::SearchIndex;
use dossier_core::{Bundle, SiteInfo};
use wasm_bindgen::{JsCast, JsValue};

const GLOBAL: &str = "__dossierCorpus";
const GLOBAL_BASE64: &str = "__dossierCorpus64";
const SITE_GLOBAL: &str = "__dossierSite";
const INDEX_GLOBAL: &str = "__dossierIndex";
const POSITIONS_GLOBAL: &str = "__dossierPositions";

/// Reads and decodes the bundle, or explains in a reader's words why not.
pub fn load_corpus() -> Result<Bundle, String> {
    const MISSING: &str = "The dossier's data (data/corpus.js) did not load. Keep the site's files together in one folder and open index.html again.";
    let window = gloo::utils::window();
    // Base64 of the JSON, as `dossier build` writes it (ASCII reads about
    // twice as fast as a JSON string literal), or the JSON text itself.
    let present = js_sys::Reflect::get(&window, &JsValue::from_str(GLOBAL_BASE64))
        .is_ok_and(|v| !v.is_undefined() && !v.is_null());
    if present {
        let bytes = take_base64(
            GLOBAL_BASE64,
            MISSING,
            "The dossier's data (data/corpus.js) is damaged; rebuild the dossier.",
        )?;
        let json = std::str::from_utf8(&bytes).map_err(|e| e.to_string())?;
        return Bundle::from_json(json).map_err(|err| err.to_string());
    }
    let value =
        js_sys::Reflect::get(&window, &JsValue::from_str(GLOBAL)).unwrap_or(JsValue::UNDEFINED);
    let Some(json) = value.as_string() else {
        return Err(MISSING.to_string());
    };
    // The text is only needed until it is decoded; let the JS side free it.
    let _ = js_sys::Reflect::set(&window, &JsValue::from_str(GLOBAL), &JsValue::NULL);
    Bundle::from_json(&json).map_err(|err| err.to_string())
}

/// Facts about this build of the site (title, date, corpus hash), for the
/// About panel; `None` if the site was written without them.
pub fn load_site_info() -> Option<SiteInfo> {
    let window = gloo::utils::window();
    let json = js_sys::Reflect::get(&window, &JsValue::from_str(SITE_GLOBAL))
        .ok()?
        .as_string()?;
    serde_json::from_str(&json).ok()
}

/// The search index `dossier build` made (`data/index.js`), or why it
/// cannot be used.
pub fn load_index() -> Result<SearchIndex, String> {
    let bytes = take_base64(
        INDEX_GLOBAL,
        "The dossier's search index (data/index.js) did not load. Keep the site's files \
         together in one folder and open index.html again.",
        "The dossier's search index (data/index.js) is damaged; rebuild the dossier.",
    )?;
    SearchIndex::from_bytes(&bytes).map_err(|e| {
        format!("The dossier's search index cannot be read: {e}. Rebuild the dossier.")
    })
}

/// Whether the index's word positions (`data/positions.js`) have loaded.
pub fn positions_present() -> bool {
    js_sys::Reflect::get(&gloo::utils::window(), &JsValue::from_str(POSITIONS_GLOBAL))
        .is_ok_and(|v| v.is_string())
}

/// The index's word positions, taken from the page (the JS copy is freed).
pub fn load_positions() -> Result<Vec<u8>, String> {
    take_base64(
        POSITIONS_GLOBAL,
        "Part of the dossier's search index (data/positions.js) did not load; \
         phrases are matched by their words only. Keep the site's files together.",
        "The dossier's word positions (data/positions.js) are damaged; rebuild the dossier.",
    )
}

/// Takes the base64 text a data script left in `window[global]` (freeing
/// the JS copy) and decodes it; `missing` or `damaged` says what went wrong.
fn take_base64(global: &str, missing: &str, damaged: &str) -> Result<Vec<u8>, String> {
    let window = gloo::utils::window();
    let key = JsValue::from_str(global);
    let value = js_sys::Reflect::get(&window, &key).unwrap_or(JsValue::UNDEFINED);
    let Ok(encoded) = value.dyn_into::<js_sys::JsString>() else {
        return Err(missing.to_string());
    };
    let _ = js_sys::Reflect::set(&window, &key, &JsValue::NULL);
    decode_base64(&encoded).ok_or_else(|| damaged.to_string())
}

/// Decodes base64 text held by JavaScript into bytes. The browser's own
/// decoder (`Uint8Array.fromBase64`, where it exists) is several times
/// faster than decoding in wasm and spares copying the text into wasm
/// memory first; older browsers take the Rust route.
pub(crate) fn decode_base64(encoded: &js_sys::JsString) -> Option<Vec<u8>> {
    let uint8 =
        js_sys::Reflect::get(&gloo::utils::window(), &JsValue::from_str("Uint8Array")).ok()?;
    let native = js_sys::Reflect::get(&uint8, &JsValue::from_str("fromBase64"))
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok());
    if let Some(from_base64) = native {
        return match from_base64.call1(&uint8, encoded) {
            Ok(array) => Some(js_sys::Uint8Array::new(&array).to_vec()),
            Err(_) => None,
        };
    }
    let text = String::from(encoded);
    base64::engine::general_purpose::STANDARD
        .decode(text.as_bytes())
        .ok()
}
