//! The explorer app this binary carries (empty unless it was built with
//! `DOSSIER_APP_DIR`; see `build.rs`): file name → bytes.

include!(concat!(env!("OUT_DIR"), "/app_template.rs"));
