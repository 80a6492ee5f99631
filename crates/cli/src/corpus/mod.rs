//! A corpus read in two passes, so `dossier build` needs memory for a few
//! hundred bytes an article rather than for every article at once.
//!
//! 1. **Read** ([`read`]): every file is ingested on the worker pool, in
//!    path order; each article's JSON goes to a spill file (`spill.rs`) and
//!    only what the corpus-wide passes need stays in memory: its facts for
//!    the keep order and the kept article's list of copies, its
//!    [`Fingerprint`] for duplicates and its line hashes for repetition.
//!    The duplicate merges and the repeated lines are decided from those.
//! 2. **Stream** ([`Corpus::stream`], `stream.rs`): the kept articles are
//!    read back one at a time in bundle order (by date), with the decisions
//!    applied, and handed on: to the index builder, the shard writer, the
//!    bundle's hash, the `dossier ingest` JSON writer.
//!
//! The result is byte for byte what ingesting everything into one
//! [`dossier_core::Bundle`] gives (the core's in-memory passes are the same
//! functions, applied to all articles at once).

mod spill;
mod stream;

use std::collections::{BTreeSet, HashMap};
use std::path::Path;

use anyhow::{Context, Result};
use dossier_core::entities::Gazetteer;
use dossier_core::ingest::duplicates::{self, Fingerprint};
use dossier_core::ingest::repetition::{self, Repetition};
use dossier_core::ingest::Ingester;
use dossier_core::manifest::Manifest;
use dossier_core::model::DuplicateOf;
use dossier_core::Article;

use crate::folder::{Options, Progress, MANIFEST_NAME};
use crate::report::{FileReport, MergedCopy, Outcome, Report};
use spill::{Spill, SpillWriter};

/// Files read per step of the worker pool's window: enough to keep every
/// core busy past a slow file, few enough that their articles (on their
/// way to the spill file) stay a small part of memory.
const FILE_WINDOW: usize = 64;

/// A corpus after the first pass: its articles in the spill file, the
/// decisions of the corpus-wide passes, and the report so far.
pub struct Corpus {
    /// The dossier's title (the manifest's; the caller may override it).
    pub title: String,
    /// Every file and what became of it; the candidate names and repeated
    /// lines are added by [`Corpus::stream`].
    pub report: Report,
    spill: Spill,
    /// The kept articles' spill numbers, in bundle order.
    order: Vec<usize>,
    /// The copies each kept article gains, by spill number.
    copies: HashMap<usize, Vec<DuplicateOf>>,
    repetition: Repetition,
    gazetteer: Gazetteer,
}

impl Corpus {
    /// How many articles the bundle holds.
    pub fn len(&self) -> usize {
        self.order.len()
    }

    /// Whether it holds none.
    pub fn is_empty(&self) -> bool {
        self.order.is_empty()
    }
}

/// Why a `dossier.toml` in a sub-folder changed nothing: only the articles
/// folder's own manifest is read, and its keys name files below it.
pub const NESTED_MANIFEST: &str =
    "not read: only the dossier.toml at the top of the articles folder is; \
move these settings there, naming the files by their path (for example [articles.\"sub/name\"])";

/// What reading one file gave.
enum Read {
    Manifest,
    Skipped,
    Unreadable(String),
    Articles(Vec<Result<Ingested, dossier_core::ingest::IngestError>>),
}

/// One ingested article on its way to the spill file.
struct Ingested {
    /// Its facts without its text (see [`summary`]).
    summary: Article,
    notes: Vec<String>,
    fingerprint: Fingerprint,
    lines: Vec<u64>,
    json: Vec<u8>,
}

/// What the corpus-wide passes need to know of an article besides its
/// fingerprint and line hashes: the facts the keep order and a kept
/// article's list of copies read.
fn summary(article: &Article) -> Article {
    Article {
        id: article.id.clone(),
        source_file: article.source_file.clone(),
        headline: article.headline.clone(),
        outlet: article.outlet.clone(),
        published: article.published.clone(),
        url: article.url.clone(),
        ..Default::default()
    }
}

/// The first pass over the article files under `dir` (sorted by path, so
/// output never depends on directory order): ingests them, spills the
/// articles to a file in `options.spill_dir`, decides duplicates and repetition, and
/// accounts for every file. Whether errors are fatal is the caller's call.
pub fn read(dir: &Path, options: &Options) -> Result<Corpus> {
    let manifest_path = options
        .manifest
        .clone()
        .or_else(|| Some(dir.join(MANIFEST_NAME)).filter(|p| p.is_file()));
    let manifest = match &manifest_path {
        Some(path) => {
            let text = std::fs::read_to_string(path)
                .with_context(|| format!("cannot read the manifest {}", path.display()))?;
            Manifest::from_toml(&text).with_context(|| format!("in {}", path.display()))?
        }
        None => Manifest::default(),
    };
    let gazetteer = crate::folder::load_gazetteer(options.gazetteer.as_deref())?;
    let ingester = Ingester::new(&manifest, &gazetteer);

    let walk = crate::walk::walk(dir, &options.outputs)
        .with_context(|| format!("cannot read the folder {}", dir.display()))?;
    let mut files = walk.files;
    files.sort();

    // Ids come from file names; files sharing a name stem (recs.csv,
    // recs.json) are told apart by extension (`ingest::ids`).
    let relatives: Vec<String> = files
        .iter()
        .map(|p| {
            p.strip_prefix(dir)
                .unwrap_or(p)
                .to_string_lossy()
                .replace('\\', "/")
        })
        .collect();
    let id_stems = dossier_core::ingest::ids::id_stems(&relatives);
    let timer = crate::timings::Timer::start();
    let progress = Progress::new(files.len() as u64);
    let manifest_path = manifest_path.as_ref();
    // Beside the output when asked (a folder we can write), else, or if
    // that fails, in the system's temporary folder.
    let mut spill = match &options.spill_dir {
        Some(dir) => {
            SpillWriter::create(dir).or_else(|_| SpillWriter::create(&std::env::temp_dir()))?
        }
        None => SpillWriter::create(&std::env::temp_dir())?,
    };
    let mut report = Report {
        not_read: walk.not_read,
        ..Report::default()
    };
    let mut summaries = Vec::new();
    let mut prints = Vec::new();
    let mut lines = Vec::new();
    let mut ids = BTreeSet::new();
    // Read and ingest on every core; each file's articles are taken in
    // path order, so the result never depends on which thread finished
    // first. The worker also takes the fingerprint and line hashes and
    // writes the JSON, so this thread only files them.
    let read_one = |index: usize, path: &std::path::PathBuf| {
        let relative = path
            .strip_prefix(dir)
            .unwrap_or(path)
            .to_string_lossy()
            .replace('\\', "/");
        let extension = path
            .extension()
            .and_then(|e| e.to_str())
            .unwrap_or("")
            .to_ascii_lowercase();
        let kind = if Some(path) == manifest_path {
            Read::Manifest
        } else if !dossier_core::ingest::ids::is_article_extension(&extension) {
            Read::Skipped
        } else {
            match std::fs::read(path) {
                Err(err) => Read::Unreadable(format!("{relative}: cannot read: {err}")),
                Ok(bytes) => {
                    let stem = &id_stems[index];
                    Read::Articles(
                        ingester
                            .file(stem, &relative, &bytes)
                            .into_iter()
                            .map(|r| {
                                r.map(|mut a| Ingested {
                                    summary: summary(&a),
                                    fingerprint: Fingerprint::of(&a),
                                    lines: repetition::line_hashes(&a),
                                    json: serde_json::to_vec(&a).expect("an article serialises"),
                                    notes: std::mem::take(&mut a.notes),
                                })
                            })
                            .collect(),
                    )
                }
            }
        };
        progress.tick();
        (relative, kind)
    };
    crate::parallel::for_each_ordered(&files, FILE_WINDOW, read_one, |_, (relative, kind)| {
        let mut entry = FileReport {
            file: relative,
            outcome: Outcome::Ingested,
            articles: Vec::new(),
            merged: Vec::new(),
            errors: Vec::new(),
            notes: Vec::new(),
        };
        match kind {
            Read::Manifest => entry.outcome = Outcome::Manifest,
            Read::Skipped => {
                entry.outcome = Outcome::Skipped;
                if entry.file.ends_with(&format!("/{MANIFEST_NAME}")) {
                    entry.notes.push(NESTED_MANIFEST.to_string());
                }
            }
            Read::Unreadable(err) => {
                entry.outcome = Outcome::Failed;
                entry.errors.push(err);
            }
            Read::Articles(results) => {
                for result in results {
                    match result {
                        Ok(article) => {
                            let Ingested {
                                summary,
                                notes,
                                fingerprint,
                                lines: hashes,
                                json,
                            } = article;
                            if !ids.insert(summary.id.clone()) {
                                entry.errors.push(format!(
                                    "{}: another file already has the id {:?}",
                                    summary.source_file, summary.id
                                ));
                                continue;
                            }
                            for note in notes {
                                if !entry.notes.contains(&note) {
                                    entry.notes.push(note);
                                }
                            }
                            entry.articles.push(summary.id.clone());
                            spill.push(&json)?;
                            summaries.push(summary);
                            prints.push(fingerprint);
                            lines.push(hashes.into_boxed_slice());
                        }
                        Err(err) => entry.errors.push(err.to_string()),
                    }
                }
                entry.outcome = match (entry.articles.is_empty(), entry.errors.is_empty()) {
                    (false, true) => Outcome::Ingested,
                    (false, false) => Outcome::Partial,
                    (true, _) => Outcome::Failed,
                };
            }
        }
        report.files.push(entry);
        Ok::<(), anyhow::Error>(())
    })?;
    progress.finish();
    let spill = spill.finish()?;
    let known: BTreeSet<&str> = ids.iter().map(String::as_str).collect();
    for unknown in manifest.unknown_ids(&known) {
        report.errors.push(format!(
            "manifest: [articles.{unknown:?}] matches no article file"
        ));
    }
    drop(known);
    drop(ids);
    timer.lap("read and ingest files");

    // Duplicates, from the fingerprints; the few candidate pairs are
    // checked on their text, read back from the spill file.
    let mut failed = None;
    let plan = duplicates::plan_merges(&summaries, &prints, &manifest.duplicates, |i| match spill
        .article(i)
    {
        Ok(article) => duplicates::shingle_set(&article),
        Err(err) => {
            failed.get_or_insert(err);
            Vec::new()
        }
    });
    if let Some(err) = failed {
        return Err(err);
    }
    drop(prints);
    let (copies, merges) = plan.take_copies(&mut summaries);
    let kept: Vec<usize> = (0..summaries.len()).filter(|&i| plan.is_kept(i)).collect();
    // Repetition over the kept articles (merged copies do not count twice).
    let repetition = Repetition::count(
        kept.iter().map(|&i| {
            (
                summaries[i].outlet.as_ref().map(|o| o.value.as_str()),
                &*lines[i],
            )
        }),
        &manifest.repetition,
    );
    drop(lines);
    // Bundle order: by date, then id (as `Bundle::new` sorts).
    let mut order = kept;
    order.sort_by(|&a, &b| summaries[a].chronological(&summaries[b]));
    drop(summaries);
    crate::memory::release_free_memory();
    timer.lap("duplicates and repetition");

    account_for_merges(&mut report, merges);
    report.articles = order.len();
    Ok(Corpus {
        title: manifest.title.clone(),
        report,
        spill,
        order,
        copies: copies.into_iter().collect(),
        repetition,
        gazetteer,
    })
}

/// Puts each merge in the report, and under the file of each merged copy.
fn account_for_merges(report: &mut Report, merges: Vec<duplicates::Merge>) {
    let by_file: HashMap<&str, usize> = report
        .files
        .iter()
        .enumerate()
        .map(|(i, f)| (f.file.as_str(), i))
        .collect();
    let mut merged_in: Vec<(usize, MergedCopy)> = Vec::new();
    for m in &merges {
        // Records of JSON and CSV files are named `FILE:LINE`.
        let file = by_file
            .get(m.merged_file.as_str())
            .or_else(|| {
                m.merged_file
                    .rsplit_once(':')
                    .and_then(|(f, _)| by_file.get(f))
            })
            .copied();
        if let Some(i) = file {
            merged_in.push((
                i,
                MergedCopy {
                    article: m.merged.clone(),
                    into: m.kept.clone(),
                    similarity: m.similarity,
                    exact: m.exact,
                },
            ));
        }
    }
    drop(by_file);
    for (i, copy) in merged_in {
        report.files[i].merged.push(copy);
    }
    for f in &mut report.files {
        if !f.merged.is_empty() && f.merged.len() == f.articles.len() {
            f.outcome = Outcome::Merged;
        }
    }
    report.merges = merges;
}
