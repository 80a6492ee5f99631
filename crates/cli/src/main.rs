//! `dossier`: turns a folder of articles into a dossier bundle or a whole
//! explorer site. A thin shell: flags, files and messages here; every rule
//! about articles lives in `dossier-core`.

mod corpus;
mod folder;
mod memory;
mod parallel;
mod report;
mod serve;
mod site;
mod template;
mod timings;
mod walk;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, Result};
use clap::{Args, Parser, Subcommand};

use dossier_core::bundle::BundleWriter;
use dossier_core::search::SearchConfig;

use crate::site::Site;

/// Build and inspect dossiers: collections of news articles you can read
/// and compare offline.
#[derive(Parser)]
#[command(name = "dossier", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

/// How to read an articles folder; shared by `build` and `ingest`.
#[derive(Args)]
struct IngestArgs {
    /// The manifest; defaults to ARTICLES/dossier.toml when present.
    #[arg(long)]
    manifest: Option<PathBuf>,
    /// Also write the ingest report (every file and what became of it,
    /// errors, unknown names) as JSON to this file.
    #[arg(long)]
    report: Option<PathBuf>,
    /// Build from what could be read even when some files have errors
    /// (they are still reported); without it any error fails the run.
    #[arg(long)]
    lenient: bool,
    /// A gazetteer (TOML) to use instead of the shipped one.
    #[arg(long)]
    gazetteer: Option<PathBuf>,
}

impl IngestArgs {
    /// The folder reader's options for these flags, for a run writing
    /// `out`: its temporary file goes beside it (the disk being written
    /// to, rather than a `/tmp` that may be small).
    fn options(&self, out: &Path) -> folder::Options {
        let beside = out
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        folder::Options {
            manifest: self.manifest.clone(),
            gazetteer: self.gazetteer.clone(),
            report: self.report.clone(),
            lenient: self.lenient,
            verbose: true,
            spill_dir: Some(beside.to_path_buf()),
            outputs: std::iter::once(out.to_path_buf())
                .chain(self.report.clone())
                .collect(),
        }
    }
}

#[derive(Subcommand)]
enum Command {
    /// Read a folder of articles and write the explorer site around them:
    /// a folder that opens from disk or any web host, or one HTML file.
    Build {
        /// Folder of article files: `.txt` (headline on the first line),
        /// `.md`, `.html`, `.json`, `.jsonl`, `.csv`, and its dossier.toml.
        articles: PathBuf,
        /// Where to write the site: a folder, or with --single-file an .html file.
        #[arg(long, short)]
        out: PathBuf,
        /// Write one self-contained .html file (app, styles and data inlined)
        /// for mail or a USB stick.
        #[arg(long)]
        single_file: bool,
        /// The dossier's title (overrides the manifest's).
        #[arg(long)]
        title: Option<String>,
        #[command(flatten)]
        ingest: IngestArgs,
        /// A built explorer app to use instead of the one this binary carries
        /// (Trunk's output folder, or any site); may be the --out folder.
        #[arg(long)]
        app: Option<PathBuf>,
    },
    /// Read a folder of articles and write the dossier bundle as JSON only.
    Ingest {
        /// Folder of article files.
        articles: PathBuf,
        /// Where to write the bundle (JSON).
        #[arg(long, short)]
        out: PathBuf,
        #[command(flatten)]
        ingest: IngestArgs,
    },
    /// Serve a site on 127.0.0.1 for a local preview.
    Serve {
        /// The site folder.
        site: PathBuf,
        /// The port (0 picks a free one).
        #[arg(long, default_value_t = 8080)]
        port: u16,
    },
    /// Check that every file of a site is exactly as built (SHA256SUMS).
    Verify {
        /// The site folder.
        site: PathBuf,
    },
}

fn main() -> ExitCode {
    match run(Cli::parse()) {
        Ok(code) => code,
        Err(err) => {
            eprintln!("dossier: error: {}", error_message(&err));
            ExitCode::FAILURE
        }
    }
}

/// The error and its chain of causes on one line, like anyhow's `{:#}`,
/// but leaving out a cause whose text the line already holds: core's
/// errors often show their source in their own message ("manifest:
/// {toml error}") and also give it as their `source()`, which `{:#}`
/// printed a second time.
fn error_message(err: &anyhow::Error) -> String {
    let mut line = String::new();
    for cause in err.chain() {
        let text = cause.to_string();
        if line.is_empty() {
            line = text;
        } else if !line.contains(&text) {
            line.push_str(": ");
            line.push_str(&text);
        }
    }
    line
}

fn run(cli: Cli) -> Result<ExitCode> {
    match cli.command {
        Command::Build {
            articles,
            out,
            single_file,
            title,
            app,
            ingest,
        } => {
            let search = search_config(ingest.gazetteer.as_deref())?;
            let options = ingest.options(&out);
            let mut site = match &app {
                Some(dir) => Site::from_app_dir(dir)?,
                None => Site::embedded()?,
            };
            let mut corpus = folder::open(&articles, &options)?;
            if let Some(title) = title {
                corpus.title = title;
            }
            let timer = timings::Timer::start();
            let info = if single_file {
                // One file holds every text anyway: the bundle in memory.
                let bundle = corpus.collect_bundle()?;
                folder::publish_report(&corpus.report, &options)?;
                let info = site.complete(&bundle, &search, &build_date())?;
                std::fs::write(&out, site.single_file(&bundle)?)
                    .with_context(|| format!("cannot write {}", out.display()))?;
                eprintln!("wrote {} articles into {}", info.articles, out.display());
                info
            } else {
                let info = site.build_folder_streamed(&mut corpus, &search, &build_date(), &out)?;
                folder::publish_report(&corpus.report, &options)?;
                eprintln!(
                    "wrote a site with {} articles to {} (open {})",
                    info.articles,
                    out.display(),
                    out.join("index.html").display()
                );
                info
            };
            timer.lap("write the site");
            eprintln!("corpus sha256 {}", info.corpus_sha256);
        }
        Command::Ingest {
            articles,
            out,
            ingest,
        } => {
            let options = ingest.options(&out);
            let mut corpus = folder::open(&articles, &options)?;
            let timer = timings::Timer::start();
            // Streamed, article by article: a 100k-article bundle is a
            // gigabyte of JSON.
            let cannot = || format!("cannot write {}", out.display());
            let file = std::fs::File::create(&out).with_context(cannot)?;
            let title = corpus.title.clone();
            let mut writer =
                BundleWriter::new(std::io::BufWriter::new(file), &title).with_context(cannot)?;
            corpus.stream(
                256,
                |_, _, _| Ok(()),
                |group| {
                    for json in &group.json {
                        writer.article_json(json).with_context(cannot)?;
                    }
                    Ok(())
                },
            )?;
            writer
                .finish()
                .and_then(|mut w| std::io::Write::flush(&mut w))
                .with_context(cannot)?;
            timer.lap("write the bundle");
            folder::publish_report(&corpus.report, &options)?;
            eprintln!("wrote {} articles to {}", corpus.len(), out.display());
        }
        Command::Serve { site, port } => serve::serve(&site, port)?,
        Command::Verify { site } => return verify(&site),
    }
    Ok(ExitCode::SUCCESS)
}

fn verify(site: &Path) -> Result<ExitCode> {
    let check = site::sums::verify(site)?;
    for path in &check.changed {
        println!("CHANGED  {path}");
    }
    for path in &check.missing {
        println!("MISSING  {path}");
    }
    for path in &check.unlisted {
        println!("UNLISTED {path}");
    }
    if check.is_ok() {
        println!(
            "ok: all {} files of {} are as built",
            check.ok,
            site.display()
        );
        Ok(ExitCode::SUCCESS)
    } else {
        println!(
            "FAILED: {} changed, {} missing, {} not in the list ({} ok)",
            check.changed.len(),
            check.missing.len(),
            check.unlisted.len(),
            check.ok
        );
        Ok(ExitCode::FAILURE)
    }
}

/// The search settings for a site: names, kinds and aliases from the same
/// gazetteer ingest used, so "Shusha" also finds "Shushi" in the page.
fn search_config(gazetteer: Option<&Path>) -> Result<SearchConfig> {
    Ok(SearchConfig::from_gazetteer(&folder::load_gazetteer(
        gazetteer,
    )?))
}

/// The build's date (UTC): from `SOURCE_DATE_EPOCH` when set, so a
/// reproducible build gives the same bytes, else today.
fn build_date() -> String {
    let seconds = std::env::var("SOURCE_DATE_EPOCH")
        .ok()
        .and_then(|s| s.parse::<i64>().ok())
        .unwrap_or_else(|| {
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(0, |d| d.as_secs() as i64)
        });
    let (y, m, d) = civil_from_days(seconds.div_euclid(86_400));
    format!("{y:04}-{m:02}-{d:02}")
}

/// Days since 1970-01-01 → (year, month, day), proleptic Gregorian
/// (Howard Hinnant's `civil_from_days`).
fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (yoe + era * 400 + i64::from(m <= 2), m, d)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// An error that shows its source in its own message, as core's
    /// `#[error("manifest: {0}")]` with `#[from]` does.
    #[derive(Debug)]
    struct Repeats(std::num::ParseIntError);

    impl std::fmt::Display for Repeats {
        fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            write!(f, "manifest: {}", self.0)
        }
    }

    impl std::error::Error for Repeats {
        fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
            Some(&self.0)
        }
    }

    #[test]
    fn a_cause_is_printed_once() {
        let parse = "x".parse::<u8>().unwrap_err();
        let err = anyhow::Error::new(Repeats(parse)).context("in dossier.toml");
        assert_eq!(
            error_message(&err),
            "in dossier.toml: manifest: invalid digit found in string"
        );
        // A cause that adds something is still printed.
        let io = std::io::Error::other("disk full");
        let err = anyhow::Error::new(io).context("cannot write out.html");
        assert_eq!(error_message(&err), "cannot write out.html: disk full");
    }

    #[test]
    fn a_manifest_error_names_the_toml_problem_once() {
        let tmp = tempfile::tempdir().unwrap();
        std::fs::write(tmp.path().join("a.txt"), "A\n\nBody.").unwrap();
        std::fs::write(
            tmp.path().join(folder::MANIFEST_NAME),
            "[articles.\"a\"]\npublished = { value = \"2022-02-30\", source = \"manifest\" }\n",
        )
        .unwrap();
        let err = folder::open(tmp.path(), &folder::Options::default())
            .err()
            .expect("a bad manifest fails the run");
        let message = error_message(&err);
        assert_eq!(message.matches("TOML parse error").count(), 1, "{message}");
        assert!(message.starts_with("in "), "{message}");
    }

    #[test]
    fn civil_dates() {
        assert_eq!(civil_from_days(0), (1970, 1, 1));
        assert_eq!(civil_from_days(19_782), (2024, 2, 29));
        assert_eq!(civil_from_days(20_416), (2025, 11, 24));
        assert_eq!(civil_from_days(-1), (1969, 12, 31));
    }
}
