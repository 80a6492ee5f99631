//! `dossier`: turns a folder of articles into a dossier bundle or a whole
//! explorer site. A thin shell: flags, files and messages here; every rule
//! about articles lives in `dossier-core`.

mod folder;
mod site;

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context, Result};
use clap::{Parser, Subcommand};

/// Build and inspect dossiers: collections of news articles you can read
/// and compare offline.
#[derive(Parser)]
#[command(name = "dossier", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Read a folder of articles (and its dossier.toml manifest) and write
    /// the dossier bundle as JSON.
    Ingest {
        /// Folder of article files (`.txt`: headline on the first line).
        articles: PathBuf,
        /// Where to write the bundle (JSON).
        #[arg(long, short)]
        out: PathBuf,
        /// The manifest; defaults to ARTICLES/dossier.toml when present.
        #[arg(long)]
        manifest: Option<PathBuf>,
    },
    /// Ingest a folder of articles and write the explorer site around it.
    Build {
        /// Folder of article files.
        articles: PathBuf,
        /// Folder to write the site into (created if missing).
        #[arg(long, short)]
        out: PathBuf,
        /// The built explorer app to use (Trunk's output folder); may be the
        /// same folder as --out, which is then completed in place.
        #[arg(long)]
        app: PathBuf,
        /// The manifest; defaults to ARTICLES/dossier.toml when present.
        #[arg(long)]
        manifest: Option<PathBuf>,
    },
}

fn main() -> ExitCode {
    match run(Cli::parse()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("dossier: error: {err:#}");
            ExitCode::FAILURE
        }
    }
}

fn run(cli: Cli) -> Result<()> {
    match cli.command {
        Command::Ingest {
            articles,
            out,
            manifest,
        } => {
            let bundle = folder::ingest(&articles, manifest.as_deref())?;
            std::fs::write(&out, bundle.to_json())
                .with_context(|| format!("cannot write {}", out.display()))?;
            eprintln!(
                "wrote {} articles to {}",
                bundle.articles.len(),
                out.display()
            );
        }
        Command::Build {
            articles,
            out,
            app,
            manifest,
        } => {
            let bundle = folder::ingest(&articles, manifest.as_deref())?;
            site::write(&app, &out, &bundle)?;
            eprintln!(
                "wrote a site with {} articles to {} (open {})",
                bundle.articles.len(),
                out.display(),
                out.join("index.html").display()
            );
        }
    }
    Ok(())
}
