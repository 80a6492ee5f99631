//! Reads a folder of article files, accounting for every file: the
//! options, the checks that make a run fail, and the report (the reading
//! itself is `corpus/`).

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use anyhow::{bail, Context, Result};
use dossier_core::entities::Gazetteer;
use dossier_core::Bundle;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use crate::corpus::{self, Corpus};
use crate::report::Report;

/// The manifest's file name inside an articles folder.
pub const MANIFEST_NAME: &str = "dossier.toml";

/// How to run an ingest.
#[derive(Clone, Debug, Default)]
pub struct Options {
    /// The manifest; defaults to ARTICLES/dossier.toml when present.
    pub manifest: Option<PathBuf>,
    /// A gazetteer to use instead of the shipped one.
    pub gazetteer: Option<PathBuf>,
    /// Write the report as JSON here.
    pub report: Option<PathBuf>,
    /// Keep going past errors: write the bundle of what could be read.
    pub lenient: bool,
    /// Print the human-readable report on stderr.
    pub verbose: bool,
    /// Where the temporary file of ingested articles goes (see
    /// `corpus/spill.rs`); the system's temporary folder when `None`.
    pub spill_dir: Option<PathBuf>,
    /// What this run writes (the site or single file, the report): never
    /// read as articles when it lies inside the articles folder.
    pub outputs: Vec<PathBuf>,
}

/// Ingests every article file under `dir` (sorted by path, so output never
/// depends on directory order), applies the manifest, and reports each file
/// on stderr. Any error stops the run: nothing is silently dropped.
#[cfg_attr(not(test), allow(dead_code))]
pub fn ingest(dir: &Path, manifest_path: Option<&Path>) -> Result<Bundle> {
    let options = Options {
        manifest: manifest_path.map(Path::to_path_buf),
        verbose: true,
        ..Options::default()
    };
    ingest_with(dir, &options)
}

/// Ingests `dir` with `options` into one bundle in memory: writes the
/// report (stderr, and JSON with `options.report`), and fails on any error
/// unless `options.lenient`.
#[cfg_attr(not(test), allow(dead_code))]
pub fn ingest_with(dir: &Path, options: &Options) -> Result<Bundle> {
    let mut corpus = open(dir, options)?;
    let bundle = corpus.collect_bundle()?;
    publish_report(&corpus.report, options)?;
    Ok(bundle)
}

/// The first pass over `dir` ([`corpus::read`]), failing when the corpus
/// has errors (unless `options.lenient`) or no articles; the report is
/// then written whole, candidate names included, before the error.
/// Otherwise the caller streams the corpus and then calls
/// [`publish_report`].
pub fn open(dir: &Path, options: &Options) -> Result<Corpus> {
    let mut corpus = corpus::read(dir, options)?;
    let errors = corpus.report.error_count();
    let fatal = errors > 0 && !options.lenient;
    if fatal || corpus.is_empty() {
        // Only for the report's candidate names: nothing is written.
        corpus.stream(256, |_, _, _| Ok(()), |_| Ok(()))?;
        publish_report(&corpus.report, options)?;
    }
    let report = &corpus.report;
    // Said whether or not the report is asked for: a manifest that looks
    // read but is not would silently leave articles unlabelled.
    for f in &report.files {
        if f.notes.iter().any(|n| n == corpus::NESTED_MANIFEST) {
            eprintln!("dossier: warning: {}: {}", f.file, corpus::NESTED_MANIFEST);
        }
    }
    if fatal {
        let failed = report.files.iter().filter(|f| !f.errors.is_empty()).count();
        let manifest = match report.errors.len() {
            0 => String::new(),
            1 => ", 1 manifest entry matches no article".to_string(),
            n => format!(", {n} manifest entries match no article"),
        };
        bail!(
            "{errors} errors: {failed} of {} files could not be fully ingested{manifest}; fix them, or pass --lenient to build from what could be read",
            report.files.len(),
        );
    }
    if corpus.is_empty() {
        bail!("no articles found in {}", dir.display());
    }
    Ok(corpus)
}

/// Prints the report on stderr (when `options.verbose`) and writes it as
/// JSON (with `options.report`).
pub fn publish_report(report: &Report, options: &Options) -> Result<()> {
    if options.verbose {
        eprint!("{}", report.human());
    }
    if let Some(path) = &options.report {
        let json = serde_json::to_string_pretty(report).expect("the report serialises") + "\n";
        std::fs::write(path, json)
            .with_context(|| format!("cannot write the report {}", path.display()))?;
    }
    Ok(())
}

/// Reads everything and builds the bundle and the report, without deciding
/// whether errors are fatal.
#[cfg(test)]
pub fn run(dir: &Path, options: &Options) -> Result<(Bundle, Report)> {
    let mut corpus = corpus::read(dir, options)?;
    let bundle = corpus.collect_bundle()?;
    Ok((bundle, corpus.report))
}

/// A progress bar on stderr that appears only once a run has taken more
/// than a second (and only on a terminal).
pub struct Progress {
    bar: ProgressBar,
    start: Instant,
    shown: std::sync::atomic::AtomicBool,
}

impl Progress {
    /// A bar for `len` files, hidden for now.
    pub fn new(len: u64) -> Self {
        let bar = ProgressBar::with_draw_target(Some(len), ProgressDrawTarget::hidden());
        if let Ok(style) =
            ProgressStyle::with_template("{bar:40} {pos}/{len} files, {per_sec}, {eta} left")
        {
            bar.set_style(style);
        }
        Progress {
            bar,
            start: Instant::now(),
            shown: std::sync::atomic::AtomicBool::new(false),
        }
    }

    /// One more file done.
    pub fn tick(&self) {
        use std::sync::atomic::Ordering;
        if !self.shown.load(Ordering::Relaxed)
            && self.start.elapsed() > Duration::from_secs(1)
            && !self.shown.swap(true, Ordering::Relaxed)
        {
            self.bar.set_draw_target(ProgressDrawTarget::stderr());
        }
        self.bar.inc(1);
    }

    /// Done: the bar goes.
    pub fn finish(&self) {
        self.bar.finish_and_clear();
    }
}

/// The gazetteer at `path`, or the one shipped with Dossier.
pub fn load_gazetteer(path: Option<&Path>) -> Result<Gazetteer> {
    match path {
        Some(path) => {
            let text = std::fs::read_to_string(path)
                .with_context(|| format!("cannot read the gazetteer {}", path.display()))?;
            Ok(Gazetteer::from_toml(&text).with_context(|| format!("in {}", path.display()))?)
        }
        None => Ok(Gazetteer::default()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A JSON report as written by `--report`.
    fn read_report(path: &Path) -> serde_json::Value {
        serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
    }

    /// Each file of a report with what became of it, in report order.
    fn outcomes(report: &serde_json::Value) -> Vec<(&str, &str)> {
        report["files"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| (f["file"].as_str().unwrap(), f["outcome"].as_str().unwrap()))
            .collect()
    }

    fn write(dir: &Path, name: &str, text: &str) {
        std::fs::write(dir.join(name), text).unwrap();
    }

    fn quiet(lenient: bool, report: Option<PathBuf>) -> Options {
        Options {
            lenient,
            report,
            ..Options::default()
        }
    }

    #[test]
    fn reads_the_seed_corpus_with_its_manifest() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../corpus/articles");
        let bundle = ingest(&dir, None).unwrap();
        assert_eq!(bundle.articles.len(), 5);
        let first = &bundle.articles[0];
        assert_eq!(first.id, "000_8db539debded9aa6");
        assert_eq!(
            first.published.as_ref().unwrap().value.to_string(),
            "8 September 2021"
        );
    }

    #[test]
    fn a_manifest_in_a_sub_folder_is_reported_as_not_read() {
        let tmp = tempfile::tempdir().unwrap();
        std::fs::create_dir(tmp.path().join("sub")).unwrap();
        write(tmp.path(), "a.txt", "Headline\nBody");
        write(&tmp.path().join("sub"), "b.txt", "Other\nBody");
        write(
            &tmp.path().join("sub"),
            MANIFEST_NAME,
            "[articles.b]\noutlet = \"Nested\"\n",
        );
        let report_path = tmp.path().join("report.json");
        let bundle = ingest_with(tmp.path(), &quiet(false, Some(report_path.clone()))).unwrap();
        assert!(bundle.articles.iter().all(|a| a.outlet.is_none()));
        let report = read_report(&report_path);
        let nested = report["files"]
            .as_array()
            .unwrap()
            .iter()
            .find(|f| f["file"] == "sub/dossier.toml")
            .unwrap();
        assert_eq!(nested["outcome"], "skipped");
        assert_eq!(nested["notes"][0], corpus::NESTED_MANIFEST);
    }

    #[test]
    fn unknown_manifest_ids_and_empty_files_fail_naming_them() {
        let tmp = tempfile::tempdir().unwrap();
        write(tmp.path(), "a.txt", "Headline\nBody");
        write(tmp.path(), "b.txt", "");
        write(
            tmp.path(),
            MANIFEST_NAME,
            "[articles.zzz]\noutlet = \"X\"\n",
        );
        let err = ingest(tmp.path(), None).unwrap_err();
        assert_eq!(
            err.to_string(),
            "2 errors: 1 of 3 files could not be fully ingested, 1 manifest entry matches no article; fix them, or pass --lenient to build from what could be read"
        );
    }

    #[test]
    fn lenient_runs_build_from_what_could_be_read_and_report_every_file() {
        let tmp = tempfile::tempdir().unwrap();
        let articles = tmp.path().join("articles");
        std::fs::create_dir(&articles).unwrap();
        write(&articles, "a.txt", "Headline\n\nBody text.");
        write(&articles, "b.txt", "");
        write(&articles, "c.csv", "title,body\nOne,First body.\nTwo,\n");
        write(&articles, "notes.pdf", "%PDF");
        std::fs::write(
            articles.join("d.txt"),
            b"Caf\xe9 headline\n\nUn th\xe9 tr\xe8s appr\xe9ci\xe9 \xe0 Gen\xe8ve.",
        )
        .unwrap();
        let report_path = tmp.path().join("report.json");
        let bundle = ingest_with(&articles, &quiet(true, Some(report_path.clone()))).unwrap();
        assert_eq!(bundle.articles.len(), 3);
        let report = read_report(&report_path);
        let outcomes = outcomes(&report);
        assert_eq!(
            outcomes,
            [
                ("a.txt", "ingested"),
                ("b.txt", "failed"),
                ("c.csv", "partial"),
                ("d.txt", "ingested"),
                ("notes.pdf", "skipped")
            ]
        );
        assert_eq!(
            report["files"][2]["errors"][0],
            "c.csv:3: the record has no body"
        );
        assert!(report["files"][3]["notes"][0]
            .as_str()
            .unwrap()
            .contains("windows-1252"));
        let strict = ingest_with(&articles, &quiet(false, None)).unwrap_err();
        assert!(
            strict.to_string().starts_with("2 errors: 2 of 5 files"),
            "{strict}"
        );
    }

    #[test]
    fn output_does_not_depend_on_file_order() {
        let tmp = tempfile::tempdir().unwrap();
        write(tmp.path(), "b.txt", "B\nbody");
        write(tmp.path(), "a.txt", "A\nbody");
        let once = ingest(tmp.path(), None).unwrap().to_json();
        let twice = ingest(tmp.path(), None).unwrap().to_json();
        assert_eq!(once, twice);
        assert!(once.find("\"A\"").unwrap() < once.find("\"B\"").unwrap());
    }

    #[test]
    fn the_seed_bundle_is_byte_identical_across_runs() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../corpus/articles");
        let a = run(&dir, &Options::default()).unwrap();
        let b = run(&dir, &Options::default()).unwrap();
        assert_eq!(a.0.to_json(), b.0.to_json());
        assert_eq!(
            serde_json::to_string(&a.1).unwrap(),
            serde_json::to_string(&b.1).unwrap()
        );
        assert!(a
            .1
            .candidates
            .iter()
            .any(|c| c.name == "Ojaghnejad" || c.name.contains("Ojaghnejad")));
    }

    #[test]
    fn duplicates_are_merged_and_every_file_is_still_reported() {
        let tmp = tempfile::tempdir().unwrap();
        let articles = tmp.path().join("articles");
        std::fs::create_dir(&articles).unwrap();
        let body = "Officials from both countries met in the capital on Monday to discuss the new \
            railway line, the border crossings and the future of the pipeline that crosses the \
            mountains, while farmers in the valley asked for water and for roads to the markets.";
        write(
            &articles,
            "a.txt",
            &format!("Talks on the railway\n\n{body}\n\nMore to come."),
        );
        write(
            &articles,
            "b.txt",
            &format!("Railway talks\n\n{body}\n\nMore to come.\n\nComments are closed."),
        );
        write(
            &articles,
            "c.csv",
            &format!("title,body,url\nRailway,\"{body} More to come.\",https://c.example/1\nOther,\"A different story entirely.\",\n"),
        );
        let report_path = tmp.path().join("report.json");
        let bundle = ingest_with(&articles, &quiet(false, Some(report_path.clone()))).unwrap();
        let ids: Vec<&str> = bundle.articles.iter().map(|a| a.id.as_str()).collect();
        assert_eq!(ids, ["a", "c_0002"]);
        let copies: Vec<(&str, &str)> = bundle.articles[0]
            .duplicates
            .iter()
            .map(|d| (d.id.as_str(), d.source_file.as_str()))
            .collect();
        assert_eq!(copies, [("b", "b.txt"), ("c_0001", "c.csv:2")]);
        assert_eq!(
            bundle.articles[0].duplicates[1].url.as_ref().unwrap().value,
            "https://c.example/1"
        );
        let report = read_report(&report_path);
        let outcomes = outcomes(&report);
        assert_eq!(
            outcomes,
            [
                ("a.txt", "ingested"),
                ("b.txt", "merged"),
                ("c.csv", "ingested")
            ]
        );
        assert_eq!(report["files"][1]["merged"][0]["into"], "a");
        assert_eq!(report["files"][2]["merged"][0]["article"], "c_0001");
        assert_eq!(report["merges"].as_array().unwrap().len(), 2);
        assert_eq!(report["articles"], 2);
    }
}
