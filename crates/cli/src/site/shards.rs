//! Body shards (`data/shards/N.js`): article texts, [`SHARD_SIZE`] to a
//! file, in catalog order.
//!
//! They are most of a site's bytes (about the size of the bundle JSON), so
//! a folder site never holds them all in memory: each shard is serialised,
//! hashed for `SHA256SUMS` and written on a worker thread, then dropped
//! ([`write`]). Only a single-file site, which inlines them anyway, puts
//! them all in memory ([`insert`]).

use std::collections::BTreeMap;
use std::path::Path;

use anyhow::{Context, Result};
use dossier_core::Article;
use sha2::{Digest, Sha256};

use super::{hex, DATA_DIR};

/// Articles per body shard. Small, because the results on screen come
/// from all over the dossier: a page of results asks for about as many
/// shards as it shows articles, and each should cost a millisecond to parse,
/// not tens (measured at 64 articles a shard: 146 ms a keystroke at 10,000).
pub const SHARD_SIZE: usize = 8;

/// Where body shard `n` lives in a site.
fn shard_path(n: usize) -> String {
    format!("{DATA_DIR}shards/{n}.js")
}

/// Body shard `n` as a classic script: it files its JSON text under its
/// number, where the page picks it up (see `src/shards.rs`).
fn script(n: usize, articles: &[Article]) -> Vec<u8> {
    let json = serde_json::to_string(articles).expect("articles serialise");
    let literal = serde_json::to_string(&json)
        .expect("a string serialises")
        .replace("</", "<\\/");
    format!("(window.__dossierShards = window.__dossierShards || {{}})[{n}] = {literal};\n")
        .into_bytes()
}

/// Adds every shard to an in-memory site (for the single file).
pub fn insert(files: &mut BTreeMap<String, Vec<u8>>, articles: &[Article]) {
    for (n, chunk) in articles.chunks(SHARD_SIZE).enumerate() {
        files.insert(shard_path(n), script(n, chunk));
    }
}

/// Writes every shard under `out` on all cores, one shard in memory per
/// worker at a time, and returns each shard's path and SHA-256 (hex) for
/// the site's file list.
pub fn write(out: &Path, articles: &[Article]) -> Result<Vec<(String, String)>> {
    let chunks: Vec<&[Article]> = articles.chunks(SHARD_SIZE).collect();
    crate::parallel::map(&chunks, |n, chunk| {
        let bytes = script(n, chunk);
        let path = shard_path(n);
        let target = out.join(&path);
        std::fs::write(&target, &bytes)
            .with_context(|| format!("cannot write {}", target.display()))?;
        Ok((path, hex(&Sha256::digest(&bytes))))
    })
    .into_iter()
    .collect()
}
