//! What is on screen, as it is written in the URL hash.
//!
//! The hash (not the path) holds the state so the same links work from
//! `file://`, on GitHub Pages and from any sub-folder:
//!
//! - `#/` or empty: the list of articles
//! - `#/article/ID`: the reading view of article `ID`

/// A view of the explorer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Route {
    /// The list of articles.
    List,
    /// The reading view of one article, by id.
    Article(String),
}

impl Route {
    /// Reads a location hash (with or without its leading `#`). Anything
    /// unrecognised is the list: a bad link never gives a blank page.
    pub fn from_hash(hash: &str) -> Route {
        let path = hash.trim_start_matches('#').trim_start_matches('/');
        match path.split_once('/') {
            Some(("article", id)) if !id.is_empty() => Route::Article(decode(id)),
            _ => Route::List,
        }
    }

    /// The hash for this view, including the `#`.
    pub fn to_hash(&self) -> String {
        match self {
            Route::List => "#/".to_string(),
            Route::Article(id) => format!("#/article/{}", encode(id)),
        }
    }

    /// The view the browser is showing now.
    pub fn current() -> Route {
        Route::from_hash(&gloo::utils::window().location().hash().unwrap_or_default())
    }
}

fn encode(text: &str) -> String {
    js_sys::encode_uri_component(text).into()
}

fn decode(text: &str) -> String {
    js_sys::decode_uri_component(text)
        .map(String::from)
        .unwrap_or_else(|_| text.to_string())
}
