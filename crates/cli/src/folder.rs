//! Reads a folder of article files into a bundle, accounting for every file.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use anyhow::{bail, Context, Result};
use dossier_core::manifest::Manifest;
use dossier_core::{ingest, Bundle};

/// The manifest's file name inside an articles folder.
pub const MANIFEST_NAME: &str = "dossier.toml";

/// Ingests every `.txt` file under `dir` (sorted by path, so output never
/// depends on directory order), applies the manifest, and reports each file
/// on stderr. Any error stops the run: nothing is silently dropped.
pub fn ingest(dir: &Path, manifest_path: Option<&Path>) -> Result<Bundle> {
    let manifest_path = manifest_path
        .map(Path::to_path_buf)
        .or_else(|| Some(dir.join(MANIFEST_NAME)).filter(|p| p.is_file()));
    let manifest = match &manifest_path {
        Some(path) => {
            let text = std::fs::read_to_string(path)
                .with_context(|| format!("cannot read the manifest {}", path.display()))?;
            Manifest::from_toml(&text).with_context(|| format!("in {}", path.display()))?
        }
        None => Manifest::default(),
    };

    let mut files = Vec::new();
    collect_files(dir, &mut files)
        .with_context(|| format!("cannot read the folder {}", dir.display()))?;
    files.sort();

    let mut articles = Vec::new();
    let mut errors = Vec::new();
    let mut ids = BTreeSet::new();
    for path in &files {
        let relative = path
            .strip_prefix(dir)
            .unwrap_or(path)
            .to_string_lossy()
            .replace('\\', "/");
        if Some(path) == manifest_path.as_ref() {
            eprintln!("  {relative}: manifest");
            continue;
        }
        if path.extension().and_then(|e| e.to_str()) != Some("txt") {
            eprintln!("  {relative}: skipped (not a .txt article)");
            continue;
        }
        let id = path
            .file_stem()
            .unwrap_or_default()
            .to_string_lossy()
            .into_owned();
        if !ids.insert(id.clone()) {
            errors.push(format!(
                "{relative}: another file already has the id {id:?}"
            ));
            continue;
        }
        let text = match std::fs::read(path) {
            Ok(bytes) => match String::from_utf8(bytes) {
                Ok(text) => text,
                Err(_) => {
                    errors.push(format!("{relative}: not UTF-8 text"));
                    continue;
                }
            },
            Err(err) => {
                errors.push(format!("{relative}: cannot read: {err}"));
                continue;
            }
        };
        match ingest::parse_plain_text(&id, &relative, &text) {
            Ok(mut article) => {
                manifest.apply(&id, &mut article);
                eprintln!("  {relative}: article {:?}", article.headline);
                articles.push(article);
            }
            Err(err) => errors.push(err.to_string()),
        }
    }
    let known: BTreeSet<&str> = ids.iter().map(String::as_str).collect();
    for unknown in manifest.unknown_ids(&known) {
        errors.push(format!(
            "manifest: [articles.{unknown:?}] matches no article file"
        ));
    }
    if !errors.is_empty() {
        for err in &errors {
            eprintln!("  error: {err}");
        }
        bail!(
            "{} of {} files could not be ingested",
            errors.len(),
            files.len()
        );
    }
    if articles.is_empty() {
        bail!("no articles found in {}", dir.display());
    }
    Ok(Bundle::new(manifest.title.clone(), articles))
}

fn collect_files(dir: &Path, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let entry = entry?;
        let path = entry.path();
        let hidden = entry.file_name().to_string_lossy().starts_with('.');
        if hidden {
            continue;
        } else if entry.file_type()?.is_dir() {
            collect_files(&path, out)?;
        } else {
            out.push(path);
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn write(dir: &Path, name: &str, text: &str) {
        std::fs::write(dir.join(name), text).unwrap();
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
        assert_eq!(err.to_string(), "2 of 3 files could not be ingested");
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
}
