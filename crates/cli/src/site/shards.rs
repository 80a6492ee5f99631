//! Body shards (`data/shards/N.js`): article texts, [`SHARD_SIZE`] to a
//! file, in catalog order.
//!
//! They are most of a site's bytes (about the size of the bundle JSON), so
//! a folder site never holds them all in memory: each shard is made from
//! its articles' JSON as they stream past, hashed for `SHA256SUMS` and
//! written on a worker thread, then dropped ([`write_one`]). Only a
//! single-file site, which inlines them anyway, puts them all in memory
//! ([`insert`]).

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

/// Body shard `n` as a classic script: it files its articles' JSON, in
/// base64, under its number, where the page picks it up (see
/// `src/shards.rs`). Base64 because the browser reads ASCII about twice as
/// fast as a JSON string literal with escapes (see `corpus_script`).
fn script(n: usize, articles: &[Article]) -> Vec<u8> {
    let json = serde_json::to_vec(articles).expect("articles serialise");
    script_of_json(n, &json)
}

/// [`script`] from the articles' JSON (each as `serde_json::to_vec` writes
/// it), for a caller that has it already.
fn script_from_json(n: usize, articles: &[Vec<u8>]) -> Vec<u8> {
    let mut json = Vec::with_capacity(articles.iter().map(|a| a.len() + 1).sum::<usize>() + 2);
    json.push(b'[');
    for (i, article) in articles.iter().enumerate() {
        if i > 0 {
            json.push(b',');
        }
        json.extend_from_slice(article);
    }
    json.push(b']');
    script_of_json(n, &json)
}

fn script_of_json(n: usize, json: &[u8]) -> Vec<u8> {
    use base64::Engine as _;
    format!(
        "(window.__dossierShards64 = window.__dossierShards64 || {{}})[{n}] = \"{}\";\n",
        base64::engine::general_purpose::STANDARD.encode(json)
    )
    .into_bytes()
}

/// Adds every shard to an in-memory site (for the single file).
pub fn insert(files: &mut BTreeMap<String, Vec<u8>>, articles: &[Article]) {
    for (n, chunk) in articles.chunks(SHARD_SIZE).enumerate() {
        files.insert(shard_path(n), script(n, chunk));
    }
}

/// Writes shard `n` of a site under `out` from its articles' JSON, and
/// returns its path and SHA-256 (hex) for the site's file list.
pub fn write_one(out: &Path, n: usize, articles: &[Vec<u8>]) -> Result<(String, String)> {
    let bytes = script_from_json(n, articles);
    let path = shard_path(n);
    let target = out.join(&path);
    std::fs::write(&target, &bytes)
        .with_context(|| format!("cannot write {}", target.display()))?;
    Ok((path, hex(&Sha256::digest(&bytes))))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_shard_from_json_is_the_shard_from_articles() {
        let articles: Vec<Article> = ["a", "</script>", "\u{1F600} \"q\""]
            .iter()
            .map(|h| Article {
                id: h.to_string(),
                headline: h.to_string(),
                paragraphs: vec![dossier_core::Paragraph::body(h.to_string())],
                ..Default::default()
            })
            .collect();
        let json: Vec<Vec<u8>> = articles
            .iter()
            .map(|a| serde_json::to_vec(a).unwrap())
            .collect();
        assert_eq!(script_from_json(3, &json), script(3, &articles));
        assert_eq!(script_from_json(0, &[]), script(0, &[]));
    }
}
