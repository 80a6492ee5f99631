//! Dossier's core: everything that turns article files into a dossier and
//! answers questions about it, with no knowledge of the page or the disk.
//!
//! The explorer (a Yew app compiled to wasm32) and the `dossier` command are
//! thin shells over this crate. It takes `&str`/`&[u8]` and returns values:
//! no `std::fs`, no web bindings, no clocks, so it runs the same natively (tests,
//! CLI) and inside the page (a later in-browser ingest).
//!
//! The pieces, in data-flow order:
//!
//! - [`manifest`]: the curator's TOML file that names a corpus and adds or
//!   overrides facts about single articles.
//! - [`ingest`]: one article file's text becomes an [`Article`].
//! - [`model`]: [`Article`], [`Paragraph`], [`Fact`] (a value with where it
//!   came from) and [`PartialDate`] (a date only as precise as it is known).
//! - [`bundle`]: the versioned JSON the page loads, and its decoder.
//!
//! ```
//! use dossier_core::{ingest, manifest::Manifest, bundle::Bundle};
//!
//! let manifest = Manifest::from_toml(r#"
//!     title = "Example"
//!     [articles.first]
//!     outlet = "The Example Times"
//!     published = { value = "2021-10", source = "manifest" }
//! "#).unwrap();
//! let text = "A headline\n\nFirst paragraph.\n\nSecond paragraph.\n";
//! let mut article = ingest::parse_plain_text("first", "first.txt", text).unwrap();
//! manifest.apply("first", &mut article);
//! assert_eq!(article.published.as_ref().unwrap().value.to_string(), "October 2021");
//!
//! let bundle = Bundle::new(manifest.title.clone(), vec![article]);
//! let json = bundle.to_json();
//! assert_eq!(Bundle::from_json(&json).unwrap(), bundle);
//! ```
#![deny(missing_docs)]

pub mod bundle;
pub mod date;
pub mod entities;
pub mod export;
pub mod ingest;
pub mod language;
pub mod manifest;
pub mod model;
pub mod search;
pub mod stats;

pub use bundle::{Bundle, SiteInfo};
pub use date::{DatePrecision, PartialDate};
pub use model::{web_address, web_host, Mention, MentionedDate, Quote, YearSource};
pub use model::{Article, Fact, Paragraph, Provenance, Role};
