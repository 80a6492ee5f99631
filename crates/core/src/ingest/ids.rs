//! Article ids from file names.
//!
//! A single-article file (`.txt`, `.md`, `.html`) is known by its name
//! without extension, `report.txt` → `report`; the records of a `.json`,
//! `.jsonl` or `.csv` file without an id field of their own are numbered
//! after it, `recs.csv` → `recs_0001`, `recs_0002`, ….
//!
//! Ids must be unique across the corpus, but name stems need not be:
//! `recs.csv` and `recs.json` would both give `recs_0001`. So when several
//! article files share a stem, each of them is known by its stem and
//! extension instead (`recs-csv_0001`, `recs-json_0001`), and if even that
//! is shared (`a/recs.csv`, `b/recs.csv`) by its whole path (`a-recs-csv`).
//! Files whose stem is theirs alone keep the plain stem, so adding a file
//! never renames the ids of unrelated ones, and the seed corpus's ids
//! (the manifest's keys) stay as they are.

use std::collections::BTreeMap;

/// The extensions ingest reads, lowercase; other files get no id.
pub const ARTICLE_EXTENSIONS: [&str; 10] = [
    "txt", "text", "md", "markdown", "html", "htm", "json", "jsonl", "ndjson", "csv",
];

/// Whether ingest reads files with this extension (any case).
pub fn is_article_extension(extension: &str) -> bool {
    ARTICLE_EXTENSIONS.contains(&extension.to_ascii_lowercase().as_str())
}

/// The id stem of each of a corpus's files (paths relative to the corpus
/// folder, `/`-separated), in the same order: the name without extension,
/// unless another article file shares it (see the module docs). Pass
/// every file of the corpus; ones ingest does not read are given their
/// plain stem and never cause a clash.
pub fn id_stems<S: AsRef<str>>(paths: &[S]) -> Vec<String> {
    let parts: Vec<(&str, &str, &str)> = paths.iter().map(|p| split(p.as_ref())).collect();
    let mut by_stem: BTreeMap<&str, usize> = BTreeMap::new();
    let mut by_name: BTreeMap<String, usize> = BTreeMap::new();
    for &(_, stem, extension) in parts.iter().filter(|p| is_article_extension(p.2)) {
        *by_stem.entry(stem).or_default() += 1;
        *by_name.entry(with_extension(stem, extension)).or_default() += 1;
    }
    parts
        .iter()
        .zip(paths)
        .map(|(&(_, stem, extension), path)| {
            if !is_article_extension(extension) || by_stem[stem] == 1 {
                stem.to_string()
            } else if by_name[&with_extension(stem, extension)] == 1 {
                with_extension(stem, extension)
            } else {
                path.as_ref().replace(['/', '.'], "-")
            }
        })
        .collect()
}

/// `recs`, `CSV` → `recs-csv`.
fn with_extension(stem: &str, extension: &str) -> String {
    if extension.is_empty() {
        stem.to_string()
    } else {
        format!("{stem}-{}", extension.to_ascii_lowercase())
    }
}

/// A path's folder, stem and extension: `a/recs.csv` → (`a`, `recs`, `csv`).
fn split(path: &str) -> (&str, &str, &str) {
    let (folder, name) = path.rsplit_once('/').unwrap_or(("", path));
    // A leading dot is part of the name (`.hidden`), as `Path::file_stem`
    // has it.
    match name.rfind('.').filter(|&i| i > 0) {
        Some(i) => (folder, &name[..i], &name[i + 1..]),
        None => (folder, name, ""),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lone_stems_stay_plain() {
        assert_eq!(
            id_stems(&["000_8db539.txt", "a/report.md", "recs.csv"]),
            ["000_8db539", "report", "recs"]
        );
    }

    #[test]
    fn shared_stems_take_their_extension() {
        assert_eq!(
            id_stems(&["recs.csv", "recs.json", "recs.JSONL", "other.txt"]),
            ["recs-csv", "recs-json", "recs-jsonl", "other"]
        );
    }

    #[test]
    fn shared_names_in_two_folders_take_their_path() {
        assert_eq!(
            id_stems(&["a/recs.csv", "b/recs.csv", "c/recs.json"]),
            ["a-recs-csv", "b-recs-csv", "recs-json"]
        );
    }

    #[test]
    fn files_ingest_does_not_read_cause_no_clash() {
        assert_eq!(
            id_stems(&["map.png", "map.txt", "dossier.toml", "dossier.md"]),
            ["map", "map", "dossier", "dossier"]
        );
    }
}
