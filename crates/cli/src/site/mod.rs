//! Writes an explorer site: the built app, made loadable from `file://`,
//! plus the dossier's data, as a folder or as one self-contained HTML file.
//!
//! Trunk writes an `index.html` that starts the app from a `<script
//! type="module">` and fetches the `.wasm` file; a page opened from disk
//! can do neither in Chromium. So a site keeps to classic scripts only:
//!
//! ```text
//! index.html                   <script src> tags only, relative URLs, a CSP
//! dossier-app-HASH.js          wasm-bindgen's no-modules glue (global `wasm_bindgen`)
//! dossier-app-HASH_bg.wasm.js  window.__dossierWasm = "<base64 of the wasm>"
//! boot.js                      decodes the wasm and starts the app
//! data/corpus.js               window.__dossierCorpus64 = "<base64 of catalog JSON>" (+ site info)
//! data/index.js                window.__dossierIndex = "<base64 of the search index>"
//! data/positions.js            window.__dossierPositions = "<base64 of its word positions>"
//! data/shards/N.js             (window.__dossierShards64 ||= {})[N] = "<base64 of articles JSON>"
//! SHA256SUMS                   every file's hash, for `dossier verify`
//! ```
//!
//! The page loads the catalog (headlines and facts) and the prebuilt index
//! up front, which is all that search, facets and the date slider need.
//! The rest arrives when needed: word positions when a phrase is searched,
//! article text in shards of [`SHARD_SIZE`] articles when a snippet or the
//! reading view needs them; so a dossier of 100,000 articles opens without
//! reading 100,000 bodies.
//!
//! The same files work unchanged over http and under any sub-path.
//! A site's app and data files are assembled in memory ([`Site`]) and then
//! written out, so the folder and the single file come from the same
//! steps; the body shards, most of the bytes, are written to a folder as
//! they are made (see `shards.rs`), never all held at once.

mod datafile;
mod pack;
mod shards;
mod streamed;
pub mod sums;

use std::collections::BTreeMap;
use std::path::Path;

use anyhow::{bail, Context, Result};
use base64::Engine as _;
use dossier_core::search::{SearchConfig, SearchIndex};
use dossier_core::{Bundle, SiteInfo};
use sha2::{Digest, Sha256};

use shards::SHARD_SIZE;

/// Where the data lives inside a site; never part of the app template.
const DATA_DIR: &str = "data/";

/// A site being assembled: relative path → bytes.
#[derive(Debug, Default)]
pub struct Site {
    files: BTreeMap<String, Vec<u8>>,
}

impl Site {
    /// The app files from a built app folder (Trunk's `dist/`, or any site
    /// written before); its data and file list are left behind.
    pub fn from_app_dir(dir: &Path) -> Result<Site> {
        let mut site = Site::default();
        read_dir_into(dir, dir, &mut site.files)
            .with_context(|| format!("cannot read the app in {}", dir.display()))?;
        site.files
            .retain(|path, _| !path.starts_with(DATA_DIR) && path != sums::FILE_NAME);
        Ok(site)
    }

    /// The app files built into this `dossier` binary, if it was built with
    /// one (see `build.rs`).
    pub fn embedded() -> Result<Site> {
        if crate::template::APP_FILES.is_empty() {
            bail!(
                "this dossier binary carries no explorer app; pass --app DIR (a built site such as dist/), \
                 or build the binary with `./dev cli`"
            );
        }
        Ok(Site {
            files: crate::template::APP_FILES
                .iter()
                .map(|(path, bytes)| (path.to_string(), bytes.to_vec()))
                .collect(),
        })
    }

    /// Makes the app start from classic scripts, adds the dossier's data
    /// (catalog and prebuilt search index) and returns what the About panel
    /// will show: the in-memory site for [`Site::single_file`], which
    /// inlines the body shards from the same `bundle`. (A folder site is
    /// written from a streamed corpus instead: `streamed.rs`.)
    pub fn complete(
        &mut self,
        bundle: &Bundle,
        search: &SearchConfig,
        built: &str,
    ) -> Result<SiteInfo> {
        let timer = crate::timings::Timer::start();
        pack::classic_scripts(&mut self.files)?;
        // The search index (the longest single step, which only reads the
        // articles) builds on another thread meanwhile.
        let (index, info, catalog) = std::thread::scope(|scope| {
            let index =
                scope.spawn(|| SearchIndex::build(&bundle.articles, search).to_split_bytes());
            let info = SiteInfo {
                title: bundle.title.clone(),
                articles: bundle.articles.len(),
                built: built.to_string(),
                // The fingerprint is of the whole bundle, as `dossier ingest` writes it.
                corpus_sha256: fingerprint(bundle),
                dossier_version: env!("CARGO_PKG_VERSION").to_string(),
                shard_size: SHARD_SIZE,
            };
            let catalog = corpus_script(&bundle.catalog().to_json(), &info);
            timer.lap("fingerprint and catalog");
            let index = index.join().expect("the index build does not panic");
            timer.lap("search index (after the rest)");
            (index, info, catalog)
        });
        self.add_data(&bundle.title, catalog, index)?;
        Ok(info)
    }

    /// Writes the app and data files to `out` with `SHA256SUMS` listing
    /// them and the shards already written there, and removes the files
    /// an earlier build (`previous`) listed that this one does not have.
    fn write_folder(
        &self,
        out: &Path,
        previous: Vec<String>,
        shard_hashes: Vec<(String, String)>,
    ) -> Result<()> {
        let mut hashes: BTreeMap<String, String> = shard_hashes.into_iter().collect();
        for (path, bytes) in &self.files {
            let target = out.join(path);
            std::fs::write(&target, bytes)
                .with_context(|| format!("cannot write {}", target.display()))?;
            hashes.insert(path.clone(), hex(&Sha256::digest(bytes)));
        }
        for stale in previous {
            if !hashes.contains_key(&stale) {
                let _ = std::fs::remove_file(out.join(&stale));
            }
        }
        std::fs::write(out.join(sums::FILE_NAME), sums::render_hashes(&hashes))?;
        Ok(())
    }

    /// Puts the data files in the site (the catalog script, and the index
    /// and its word positions, each as base64 in a script) and sets the
    /// page's title and Content-Security-Policy.
    fn add_data(&mut self, title: &str, catalog: String, index: (Vec<u8>, Vec<u8>)) -> Result<()> {
        self.files.retain(|path, _| !path.starts_with(DATA_DIR));
        self.files
            .insert(format!("{DATA_DIR}corpus.js"), catalog.into_bytes());
        // Word positions (over half the index, read only for phrases) go
        // in a file of their own that the page loads when a phrase needs it.
        let (index, positions) = index;
        for (file, global, bytes) in [
            ("index.js", "__dossierIndex", index),
            ("positions.js", "__dossierPositions", positions),
        ] {
            let mut script = String::with_capacity(bytes.len() / 3 * 4 + 64);
            script.push_str(&format!("window.{global} = \""));
            base64::engine::general_purpose::STANDARD.encode_string(&bytes, &mut script);
            drop(bytes);
            script.push_str("\";\n");
            self.files
                .insert(format!("{DATA_DIR}{file}"), script.into_bytes());
        }
        pack::set_title(&mut self.files, title)?;
        pack::content_security_policy(&mut self.files)?;
        Ok(())
    }

    /// The whole site as one HTML file: styles, scripts, wasm and data
    /// (with `bundle`'s body shards) inlined, with a CSP that allows
    /// exactly those inline scripts.
    pub fn single_file(mut self, bundle: &Bundle) -> Result<String> {
        shards::insert(&mut self.files, &bundle.articles);
        pack::inline_everything(&self.files)
    }
}

/// The bundle and site info as a classic script: the bundle's JSON in
/// base64, the small site info as a JSON string.
///
/// Base64 because the browser reads an ASCII script about twice as fast as
/// a JSON string literal full of escapes and non-ASCII names (measured at
/// 100,000 articles: 35 MB of string literal took 4–5.7 s to load, 41 MB of
/// base64 1.9–2.7 s), and the app decodes it natively, with no UTF-16 copy
/// of the text. Neither form can contain `</`, so the same text can be
/// inlined into an HTML page.
pub fn corpus_script(bundle_json: &str, info: &SiteInfo) -> String {
    use base64::Engine as _;
    let info_json = serde_json::to_string(info).expect("site info serialises");
    let info_literal = serde_json::to_string(&info_json)
        .expect("a string serialises")
        .replace("</", "<\\/");
    format!(
        "window.__dossierCorpus64 = \"{}\";\nwindow.__dossierSite = {};\n",
        base64::engine::general_purpose::STANDARD.encode(bundle_json),
        info_literal
    )
}

/// SHA-256 of the bundle's JSON as `dossier ingest` writes it, hashed as it
/// is serialised rather than held whole in memory.
pub fn fingerprint(bundle: &Bundle) -> String {
    let mut hasher = Sha256::new();
    serde_json::to_writer(&mut hasher, bundle).expect("a bundle always serialises");
    hex(&hasher.finalize())
}

/// Lower-case hex of a digest.
pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn read_dir_into(
    root: &Path,
    dir: &Path,
    files: &mut BTreeMap<String, Vec<u8>>,
) -> std::io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let entry = entry?;
        let path = entry.path();
        if entry.file_type()?.is_dir() {
            read_dir_into(root, &path, files)?;
        } else {
            let relative = path
                .strip_prefix(root)
                .unwrap_or(&path)
                .to_string_lossy()
                .replace('\\', "/");
            files.insert(relative, std::fs::read(&path)?);
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What Trunk writes, in miniature.
    pub(crate) fn trunk_output() -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("index.html"), pack::tests::TRUNK_HTML).unwrap();
        std::fs::write(
            dir.path().join("app-1.js"),
            "var wasm_bindgen = function () {};",
        )
        .unwrap();
        std::fs::write(dir.path().join("app-1_bg.wasm"), b"\0asm\x01\0\0\0").unwrap();
        std::fs::write(dir.path().join("style-1.css"), "body { color: black }").unwrap();
        std::fs::write(dir.path().join("boot.js"), "wasm_bindgen();").unwrap();
        dir
    }

    fn bundle(headline: &str) -> Bundle {
        let article = dossier_core::Article {
            id: "a".into(),
            headline: headline.into(),
            ..Default::default()
        };
        Bundle::new("A title".into(), vec![article])
    }

    #[test]
    fn corpus_script_is_base64_that_cannot_close_a_script_tag() {
        use base64::Engine as _;
        let hostile = "</script><img src=x onerror=alert(1)>";
        let b = bundle(hostile);
        let info = SiteInfo {
            title: "A </script> title".into(),
            ..Default::default()
        };
        let script = corpus_script(&b.to_json(), &info);
        assert!(!script.contains("</"));
        let mut lines = script.lines();
        let encoded = lines
            .next()
            .unwrap()
            .trim_start_matches("window.__dossierCorpus64 = \"")
            .trim_end_matches("\";");
        let json = base64::engine::general_purpose::STANDARD
            .decode(encoded)
            .unwrap();
        let decoded = Bundle::from_json(std::str::from_utf8(&json).unwrap()).unwrap();
        assert_eq!(decoded.articles[0].headline, hostile);
        let site = lines
            .next()
            .unwrap()
            .trim_start_matches("window.__dossierSite = ")
            .trim_end_matches(';');
        let site: String = serde_json::from_str(&site.replace("<\\/", "</")).unwrap();
        assert!(site.contains("A </script> title"));
    }

    #[test]
    fn the_fingerprint_is_the_hash_of_the_bundle_json() {
        let b = bundle("x");
        assert_eq!(
            fingerprint(&b),
            hex(&Sha256::digest(b.to_json().as_bytes()))
        );
    }

    #[test]
    fn the_corpus_hash_depends_on_the_content_only() {
        let app = trunk_output();
        let info = |headline: &str, built: &str| {
            let mut site = Site::from_app_dir(app.path()).unwrap();
            site.complete(&bundle(headline), &SearchConfig::default(), built)
                .unwrap()
        };
        assert_eq!(
            info("x", "2026-01-01").corpus_sha256,
            info("x", "2027-05-05").corpus_sha256
        );
        assert_ne!(
            info("x", "2026-01-01").corpus_sha256,
            info("y", "2026-01-01").corpus_sha256
        );
        assert_eq!(info("x", "2026-01-01").corpus_sha256.len(), 64);
    }

    #[test]
    fn a_folder_without_an_app_is_a_clear_error() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("index.html"), "<html><body></body></html>").unwrap();
        let mut site = Site::from_app_dir(dir.path()).unwrap();
        let err = site
            .complete(&bundle("x"), &SearchConfig::default(), "2026-01-01")
            .unwrap_err();
        assert!(err.to_string().contains("no built app here"), "{err}");
    }
}
