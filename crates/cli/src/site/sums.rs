//! `SHA256SUMS`: every file of a site with its SHA-256, in the format
//! `sha256sum -c` reads, so readers can check a dossier with `dossier
//! verify` or with standard tools.

use std::collections::BTreeMap;
use std::path::Path;

use anyhow::{bail, Context, Result};
use sha2::{Digest, Sha256};

use super::hex;

/// The file list's name, at the site's root.
pub const FILE_NAME: &str = "SHA256SUMS";

/// The file list for these files, sorted by path.
#[cfg(test)]
pub fn render(files: &BTreeMap<String, Vec<u8>>) -> String {
    let hashes = files
        .iter()
        .map(|(path, bytes)| (path.clone(), hex(&Sha256::digest(bytes))))
        .collect();
    render_hashes(&hashes)
}

/// The file list for files already hashed (path → SHA-256 in hex), sorted
/// by path: for a site whose biggest files were hashed as they were
/// written, never all held at once.
pub fn render_hashes(hashes: &BTreeMap<String, String>) -> String {
    hashes
        .iter()
        .map(|(path, hash)| format!("{hash}  {path}\n"))
        .collect()
}

/// The paths a site's file list names (empty if it has none).
pub fn listed(site: &Path) -> Result<Vec<String>> {
    Ok(parse(&std::fs::read_to_string(site.join(FILE_NAME))?)?
        .into_keys()
        .collect())
}

fn parse(text: &str) -> Result<BTreeMap<String, String>> {
    let mut sums = BTreeMap::new();
    for (n, line) in text
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
    {
        let Some((hash, path)) = line.split_once("  ") else {
            bail!("{FILE_NAME} line {}: expected `HASH  PATH`", n + 1);
        };
        if path.split('/').any(|part| part == ".." || part.is_empty()) {
            bail!(
                "{FILE_NAME} line {}: {path:?} points outside the site",
                n + 1
            );
        }
        sums.insert(path.to_string(), hash.to_string());
    }
    Ok(sums)
}

/// What checking a site found.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Check {
    /// Files whose content differs from the list.
    pub changed: Vec<String>,
    /// Listed files that are missing.
    pub missing: Vec<String>,
    /// Files present but not listed.
    pub unlisted: Vec<String>,
    /// Files that match.
    pub ok: usize,
}

impl Check {
    /// Whether the site is exactly what was built.
    pub fn is_ok(&self) -> bool {
        self.changed.is_empty() && self.missing.is_empty() && self.unlisted.is_empty()
    }
}

/// Checks every file of the site at `site` against its list.
pub fn verify(site: &Path) -> Result<Check> {
    let list = site.join(FILE_NAME);
    let text = std::fs::read_to_string(&list).with_context(|| {
        format!(
            "{} has no {FILE_NAME}: was it built by `dossier build`?",
            site.display()
        )
    })?;
    let sums = parse(&text)?;
    let mut check = Check::default();
    for (path, expected) in &sums {
        match std::fs::read(site.join(path)) {
            Ok(bytes) if hex(&Sha256::digest(&bytes)) == *expected => check.ok += 1,
            Ok(_) => check.changed.push(path.clone()),
            Err(_) => check.missing.push(path.clone()),
        }
    }
    let mut present = BTreeMap::new();
    super::read_dir_into(site, site, &mut present)?;
    check.unlisted = present
        .into_keys()
        .filter(|p| p != FILE_NAME && !sums.contains_key(p))
        .collect();
    Ok(check)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn site() -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        let files = BTreeMap::from([
            ("index.html".to_string(), b"<html></html>".to_vec()),
            ("data/corpus.js".to_string(), b"window.x = 1;".to_vec()),
        ]);
        std::fs::create_dir(dir.path().join("data")).unwrap();
        for (path, bytes) in &files {
            std::fs::write(dir.path().join(path), bytes).unwrap();
        }
        std::fs::write(dir.path().join(FILE_NAME), render(&files)).unwrap();
        dir
    }

    #[test]
    fn an_untouched_site_verifies() {
        let dir = site();
        let check = verify(dir.path()).unwrap();
        assert!(check.is_ok());
        assert_eq!(check.ok, 2);
    }

    #[test]
    fn one_changed_byte_fails() {
        let dir = site();
        std::fs::write(dir.path().join("data/corpus.js"), b"window.x = 2;").unwrap();
        assert_eq!(verify(dir.path()).unwrap().changed, ["data/corpus.js"]);
    }

    #[test]
    fn missing_and_added_files_fail() {
        let dir = site();
        std::fs::remove_file(dir.path().join("index.html")).unwrap();
        std::fs::write(dir.path().join("extra.js"), b"alert(1)").unwrap();
        let check = verify(dir.path()).unwrap();
        assert_eq!(
            (check.missing, check.unlisted),
            (vec!["index.html".to_string()], vec!["extra.js".to_string()])
        );
    }

    #[test]
    fn paths_outside_the_site_are_refused() {
        let dir = site();
        std::fs::write(dir.path().join(FILE_NAME), "00  ../../etc/passwd\n").unwrap();
        assert!(verify(dir.path())
            .unwrap_err()
            .to_string()
            .contains("outside the site"));
    }
}
