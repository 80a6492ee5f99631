//! The walk of an articles folder: every file under it, except hidden
//! ones, what this run writes, and Dossier sites. A site built into the
//! articles folder (`--out articles/site`) must not come back as articles
//! on the next build: its `index.html` would be read as an article.

use std::path::{Path, PathBuf};

use crate::report::NotRead;
use crate::site::sums;

/// The folder every Dossier site has beside its `SHA256SUMS`.
const SITE_DATA_DIR: &str = "data";

/// What the walk found.
#[derive(Debug, Default)]
pub struct Walk {
    /// Every file to account for, unsorted.
    pub files: Vec<PathBuf>,
    /// What was left out on purpose (beyond hidden files), and why: for the
    /// report, so a folder is never dropped silently.
    pub not_read: Vec<NotRead>,
}

/// Walks `dir`, leaving out hidden entries, the paths in `outputs` (the
/// site, single file or report this run writes, when they are inside
/// `dir`), and any folder that is a Dossier site.
pub fn walk(dir: &Path, outputs: &[PathBuf]) -> std::io::Result<Walk> {
    // Compared as canonical paths, so `--out ./a/site` and `a/site` match;
    // an output that does not exist yet cannot be in the folder either.
    let outputs: Vec<PathBuf> = outputs
        .iter()
        .filter_map(|p| std::fs::canonicalize(p).ok())
        .collect();
    let canonical = std::fs::canonicalize(dir)?;
    let mut walk = Walk::default();
    walk_into(dir, dir, &canonical, &outputs, &mut walk)?;
    // In path order, as the files are read: never in directory order.
    walk.not_read.sort_by(|a, b| a.path.cmp(&b.path));
    Ok(walk)
}

/// Whether `dir` holds a site as `dossier build` writes it: the file list
/// `SHA256SUMS` and the `data/` folder.
pub fn is_site(dir: &Path) -> bool {
    dir.join(sums::FILE_NAME).is_file() && dir.join(SITE_DATA_DIR).is_dir()
}

/// Walks `dir` (whose canonical path is `canonical`) into `walk`; `root`
/// is the articles folder, for the report's relative names.
fn walk_into(
    root: &Path,
    dir: &Path,
    canonical: &Path,
    outputs: &[PathBuf],
    walk: &mut Walk,
) -> std::io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let entry = entry?;
        let name = entry.file_name();
        if name.to_string_lossy().starts_with('.') {
            continue;
        }
        let path = entry.path();
        // Joined rather than canonicalised one by one: one system call per
        // folder, not per file (a symlink is not followed into, below).
        let entry_canonical = canonical.join(&name);
        let is_dir = entry.file_type()?.is_dir();
        let reason = if outputs.contains(&entry_canonical) {
            Some("the output of this run".to_string())
        } else if is_dir && is_site(&path) {
            Some(format!(
                "a Dossier site, with {} and {SITE_DATA_DIR}/",
                sums::FILE_NAME
            ))
        } else {
            None
        };
        if let Some(reason) = reason {
            let relative = path.strip_prefix(root).unwrap_or(&path);
            let mut shown = relative.to_string_lossy().replace('\\', "/");
            if is_dir {
                shown.push('/');
            }
            walk.not_read.push(NotRead {
                path: shown,
                reason,
            });
        } else if is_dir {
            walk_into(root, &path, &entry_canonical, outputs, walk)?;
        } else {
            walk.files.push(path);
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A folder `dir/name` laid out as `dossier build` writes a site.
    fn site(dir: &Path, name: &str) -> PathBuf {
        let site = dir.join(name);
        std::fs::create_dir_all(site.join("data")).unwrap();
        std::fs::write(site.join("SHA256SUMS"), "").unwrap();
        std::fs::write(site.join("index.html"), "<html>").unwrap();
        site
    }

    /// The walk's files, relative to `dir`, sorted.
    fn names(dir: &Path, walk: &Walk) -> Vec<String> {
        let mut names: Vec<String> = walk
            .files
            .iter()
            .map(|p| {
                p.strip_prefix(dir)
                    .unwrap()
                    .to_string_lossy()
                    .replace('\\', "/")
            })
            .collect();
        names.sort();
        names
    }

    #[test]
    fn sites_and_outputs_in_the_articles_folder_are_left_out_and_said_why() {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path();
        std::fs::write(dir.join("a.txt"), "A\n\nBody.").unwrap();
        std::fs::create_dir(dir.join("more")).unwrap();
        std::fs::write(dir.join("more/b.txt"), "B\n\nBody.").unwrap();
        site(dir, "old-site");
        // Not a site: a folder with only one of the two markers is read.
        std::fs::create_dir_all(dir.join("notes/data")).unwrap();
        std::fs::write(dir.join("notes/c.md"), "# C\n\nBody.").unwrap();
        // The output, named with a different spelling of the same path.
        std::fs::create_dir(dir.join("out")).unwrap();
        std::fs::write(dir.join("out/index.html"), "<html>").unwrap();
        std::fs::write(dir.join("report.json"), "{}").unwrap();
        let outputs = [dir.join("more/../out"), dir.join("report.json")];
        let walk = walk(dir, &outputs).unwrap();
        assert_eq!(names(dir, &walk), ["a.txt", "more/b.txt", "notes/c.md"]);
        let not_read: Vec<(&str, &str)> = walk
            .not_read
            .iter()
            .map(|n| (n.path.as_str(), n.reason.as_str()))
            .collect();
        assert_eq!(
            not_read,
            [
                ("old-site/", "a Dossier site, with SHA256SUMS and data/"),
                ("out/", "the output of this run"),
                ("report.json", "the output of this run"),
            ]
        );
    }
}
