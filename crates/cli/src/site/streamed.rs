//! A folder site written from a streamed corpus: the articles pass once,
//! in bundle order, and each is used as it passes (indexed, its catalog
//! entry and hash taken, its shard written), so no step holds them all.
//!
//! Three kinds of thread share the work: the worker pool reads articles
//! back and writes the shards; one thread builds the search index (the
//! longest single step, fed in batches through a short queue); this thread
//! hashes the bundle's JSON and writes the catalog.

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::mpsc;

use anyhow::{Context, Result};
use dossier_core::bundle::BundleWriter;
use dossier_core::search::{SearchConfig, SearchIndex};
use dossier_core::{Article, SiteInfo};
use sha2::{Digest, Sha256};

use super::{datafile, hex, pack, shards, sums, Site, DATA_DIR};
use crate::corpus::Corpus;
use shards::SHARD_SIZE;

/// Articles handed to the index thread at a time.
const INDEX_BATCH: usize = 256;

/// Batches that may wait for the index thread: bounds memory when it is the
/// slowest step (it usually is).
const INDEX_QUEUE: usize = 4;

impl Site {
    /// Writes the site for `corpus` as the folder `out`, as
    /// [`Site::build_folder`] does for a bundle in memory (the same bytes),
    /// reading the articles once and holding a few hundred at a time.
    pub fn build_folder_streamed(
        &mut self,
        corpus: &mut Corpus,
        search: &SearchConfig,
        built: &str,
        out: &Path,
    ) -> Result<SiteInfo> {
        let timer = crate::timings::Timer::start();
        pack::classic_scripts(&mut self.files)?;
        let previous = sums::listed(out).unwrap_or_default();
        std::fs::create_dir_all(out.join(DATA_DIR).join("shards"))
            .with_context(|| format!("cannot create {}", out.display()))?;
        let title = corpus.title.clone();
        let (sender, receiver) = mpsc::sync_channel::<Vec<Article>>(INDEX_QUEUE);
        let data = |file: &str| out.join(DATA_DIR).join(file);
        let (info, mut hashes) = std::thread::scope(|scope| -> Result<_> {
            let index = scope.spawn(move || {
                let timer = crate::timings::Timer::start();
                let mut builder = SearchIndex::builder(search);
                for batch in receiver {
                    for article in &batch {
                        builder.add(article);
                    }
                }
                timer.lap("index: articles added");
                let index = builder.finish();
                crate::memory::release_free_memory();
                timer.lap("index: finished");
                let bytes = index.to_split_bytes();
                drop(index);
                crate::memory::release_free_memory();
                timer.lap("index: as bytes");
                bytes
            });
            let streamed = stream_into(corpus, &title, out, sender);
            timer.lap("articles streamed (shards, catalog, hash)");
            // The catalog goes to disk while the index finishes, so its
            // text is gone before the index's peak.
            let corpus_js = streamed.and_then(|(hash, catalog, shards, articles)| {
                let info = SiteInfo {
                    title: title.clone(),
                    articles,
                    built: built.to_string(),
                    corpus_sha256: hash,
                    dossier_version: env!("CARGO_PKG_VERSION").to_string(),
                    shard_size: SHARD_SIZE,
                };
                let file = data("corpus.js");
                let hash = datafile::corpus_script(&file, &catalog, &info)?;
                Ok((info, shards, hash))
            });
            let index = index.join().expect("the index build does not panic");
            timer.lap("search index (after the rest)");
            let (info, shards, corpus_hash) = corpus_js?;
            let mut hashes: BTreeMap<String, String> = shards.into_iter().collect();
            hashes.insert(format!("{DATA_DIR}corpus.js"), corpus_hash);
            // Word positions (over half the index, read only for phrases)
            // go in a file of their own that the page loads when a phrase
            // needs it.
            let (index, positions) = index;
            let hash = datafile::base64_script(&data("index.js"), "__dossierIndex", &index)?;
            hashes.insert(format!("{DATA_DIR}index.js"), hash);
            drop(index);
            let hash =
                datafile::base64_script(&data("positions.js"), "__dossierPositions", &positions)?;
            hashes.insert(format!("{DATA_DIR}positions.js"), hash);
            Ok((info, hashes))
        })?;
        self.files.retain(|path, _| !path.starts_with(DATA_DIR));
        pack::set_title(&mut self.files, &title)?;
        pack::content_security_policy(&mut self.files)?;
        self.write_folder(
            out,
            previous,
            std::mem::take(&mut hashes).into_iter().collect(),
        )?;
        timer.lap("data and app files");
        Ok(info)
    }
}

/// Streams the corpus: shards written by the workers, the bundle hashed
/// and the catalog written here, and the articles sent on to the index.
/// Returns the bundle's SHA-256, the catalog's JSON, the shards' hashes and
/// the number of articles.
#[allow(clippy::type_complexity)]
fn stream_into(
    corpus: &mut Corpus,
    title: &str,
    out: &Path,
    index: mpsc::SyncSender<Vec<Article>>,
) -> Result<(String, Vec<u8>, Vec<(String, String)>, usize)> {
    // The fingerprint is of the whole bundle, as `dossier ingest` writes it.
    let mut hash = BundleWriter::new(Sha256::new(), title)?;
    let mut catalog = BundleWriter::new(Vec::new(), title)?;
    let mut shard_hashes = Vec::new();
    let mut batch = Vec::with_capacity(INDEX_BATCH);
    let mut count = 0;
    corpus.stream(
        SHARD_SIZE,
        |n, _, json| shards::write_one(out, n, json),
        |group| {
            shard_hashes.push(group.extra);
            for (article, json) in group.articles.into_iter().zip(&group.json) {
                hash.article_json(json)?;
                catalog.article(&article.catalog_entry())?;
                batch.push(article);
                count += 1;
            }
            if batch.len() >= INDEX_BATCH {
                // A closed queue means the index thread died: its panic
                // surfaces when it is joined.
                let _ = index.send(std::mem::replace(
                    &mut batch,
                    Vec::with_capacity(INDEX_BATCH),
                ));
            }
            Ok(())
        },
    )?;
    let _ = index.send(batch);
    drop(index);
    let hash = hex(&hash.finish()?.finalize());
    Ok((hash, catalog.finish()?, shard_hashes, count))
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;
    use std::path::Path;

    use dossier_core::search::SearchConfig;

    use super::super::tests::trunk_output;
    use super::super::{fingerprint, read_dir_into, shards, sums, Site};
    use super::SHARD_SIZE;

    /// A corpus read from files: `n` Markdown articles of one outlet, each
    /// with its own text and a line the outlet prints on every page (so
    /// repetition marks it), and the first two with the same long body (so
    /// one is merged into the other).
    fn corpus(n: usize) -> (tempfile::TempDir, crate::corpus::Corpus) {
        let dir = tempfile::tempdir().unwrap();
        let articles = dir.path().join("articles");
        std::fs::create_dir(&articles).unwrap();
        let shared = "Officials from both countries met in the capital on Monday to discuss \
            the new railway line, the border crossings and the future of the pipeline that \
            crosses the mountains, while farmers asked for water.";
        for i in 0..n {
            let body = if i < 2 {
                shared.to_string()
            } else {
                format!("Story number {i} tells of </script> and \"quotes\" in Şuşa.")
            };
            std::fs::write(
                articles.join(format!("a{i:03}.md")),
                format!(
                    "---\ntitle: Headline {i}\noutlet: Daily\ndate: 2021-{:02}-01\n---\n\n{body}\n\nThe Daily is read in every valley of the region.\n",
                    1 + i % 12
                ),
            )
            .unwrap();
        }
        let options = crate::folder::Options {
            spill_dir: Some(dir.path().to_path_buf()),
            ..Default::default()
        };
        let corpus = crate::corpus::read(&articles, &options).unwrap();
        (dir, corpus)
    }

    /// Every file under `dir`, by relative path.
    fn files_in(dir: &Path) -> BTreeMap<String, Vec<u8>> {
        let mut files = BTreeMap::new();
        read_dir_into(dir, dir, &mut files).unwrap();
        files
    }

    #[test]
    fn a_streamed_folder_is_the_in_memory_site_byte_for_byte() {
        let app = trunk_output();
        let out = tempfile::tempdir().unwrap();
        let search = SearchConfig::default();
        let (_dir, mut corpus) = corpus(SHARD_SIZE * 2 + 3);
        let info = Site::from_app_dir(app.path())
            .unwrap()
            .build_folder_streamed(&mut corpus, &search, "2026-01-01", out.path())
            .unwrap();
        assert!(sums::verify(out.path()).unwrap().is_ok());
        assert_eq!(corpus.report.merges.len(), 1);
        assert_eq!(corpus.report.repeated_furniture.len(), 1);

        // The same corpus, whole in memory, through the in-memory steps.
        let (_dir, mut again) = self::corpus(SHARD_SIZE * 2 + 3);
        let bundle = again.collect_bundle().unwrap();
        assert_eq!(bundle.articles.len(), SHARD_SIZE * 2 + 2);
        assert!(bundle.articles[0].duplicates.len() == 1);
        let mut site = Site::from_app_dir(app.path()).unwrap();
        let expected = site.complete(&bundle, &search, "2026-01-01").unwrap();
        assert_eq!(info, expected);
        assert_eq!(info.corpus_sha256, fingerprint(&bundle));
        shards::insert(&mut site.files, &bundle.articles);
        let mut written = files_in(out.path());
        written.remove(sums::FILE_NAME);
        assert_eq!(
            written.keys().collect::<Vec<_>>(),
            site.files.keys().collect::<Vec<_>>()
        );
        for (path, bytes) in &site.files {
            assert!(written[path] == *bytes, "{path} differs");
        }
        // No temporary file is left behind.
        assert!(!std::fs::read_dir(_dir.path()).unwrap().any(|e| e
            .unwrap()
            .file_name()
            .to_string_lossy()
            .starts_with(".dossier-spill")));
    }

    #[test]
    fn a_rebuild_over_a_site_is_identical_and_leaves_no_stale_shard() {
        let app = trunk_output();
        let out = tempfile::tempdir().unwrap();
        let search = SearchConfig::default();
        let build = |app: &Path, n: usize| {
            let (_dir, mut corpus) = corpus(n);
            Site::from_app_dir(app)
                .unwrap()
                .build_folder_streamed(&mut corpus, &search, "2026-01-01", out.path())
                .unwrap();
            assert!(sums::verify(out.path()).unwrap().is_ok());
            files_in(out.path())
        };
        let first = build(app.path(), SHARD_SIZE * 2 + 3);
        assert!(out.path().join("data/shards/2.js").exists());
        // Building again with the written site as the app changes nothing.
        assert_eq!(build(out.path(), SHARD_SIZE * 2 + 3), first);
        // A smaller dossier written over it leaves no stale shard behind.
        build(out.path(), 3);
        assert!(out.path().join("data/shards/0.js").exists());
        assert!(!out.path().join("data/shards/1.js").exists());
    }
}
