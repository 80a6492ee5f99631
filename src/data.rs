//! Hands the dossier's data to the core.
//!
//! `data/corpus.js`, a classic script loaded before the app starts (so it
//! works from `file://`, where `fetch` does not), leaves the bundle's JSON
//! text in `window.__dossierCorpus`. This module takes it from there and
//! lets `dossier-core` decode it.

use base64::Engine as _;
use dossier_core::search::SearchIndex;
use dossier_core::{Bundle, SiteInfo};
use wasm_bindgen::JsValue;

const GLOBAL: &str = "__dossierCorpus";
const SITE_GLOBAL: &str = "__dossierSite";
const INDEX_GLOBAL: &str = "__dossierIndex";

/// Reads and decodes the bundle, or explains in a reader's words why not.
pub fn load_corpus() -> Result<Bundle, String> {
    let window = gloo::utils::window();
    let value =
        js_sys::Reflect::get(&window, &JsValue::from_str(GLOBAL)).unwrap_or(JsValue::UNDEFINED);
    let Some(json) = value.as_string() else {
        return Err(
            "The dossier's data (data/corpus.js) did not load. Keep the site's files together in one folder and open index.html again."
                .to_string(),
        );
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
    let window = gloo::utils::window();
    let key = JsValue::from_str(INDEX_GLOBAL);
    let Some(encoded) = js_sys::Reflect::get(&window, &key)
        .ok()
        .and_then(|v| v.as_string())
    else {
        return Err(
            "The dossier's search index (data/index.js) did not load. Keep the site's files \
                    together in one folder and open index.html again."
                .into(),
        );
    };
    let _ = js_sys::Reflect::set(&window, &key, &JsValue::NULL);
    let bytes = base64::engine::general_purpose::STANDARD
        .decode(encoded.as_bytes())
        .map_err(|_| {
            "The dossier's search index (data/index.js) is damaged; rebuild the dossier."
                .to_string()
        })?;
    SearchIndex::from_bytes(&bytes).map_err(|e| {
        format!("The dossier's search index cannot be read: {e}. Rebuild the dossier.")
    })
}
