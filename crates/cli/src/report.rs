//! The ingest report: every input file and what became of it, for a
//! person on stderr and as JSON with `--report FILE`.

use std::fmt::Write as _;

use dossier_core::entities::Candidate;
use dossier_core::ingest::duplicates::Merge;
use dossier_core::ingest::repetition::RepeatedLine;
use serde::Serialize;

/// What became of one input file.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    /// Read into one or more articles.
    Ingested,
    /// Some records became articles, others are errors.
    Partial,
    /// Nothing could be read: see the errors.
    Failed,
    /// The corpus manifest.
    Manifest,
    /// Not an article format; left alone.
    Skipped,
    /// Read, but every article in it is a copy of another article and was
    /// merged into it (see `merged`).
    Merged,
}

/// An article of a file that was merged into another as its duplicate.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct MergedCopy {
    /// The id the copy had.
    pub article: String,
    /// The id of the article it was merged into (which lists it in its
    /// `duplicates`).
    pub into: String,
    /// Jaccard similarity of the bodies' shingles (1 when identical).
    pub similarity: f64,
    /// The normalised bodies are identical.
    pub exact: bool,
}

/// One input file in the report.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct FileReport {
    /// The path relative to the articles folder.
    pub file: String,
    /// What became of it.
    pub outcome: Outcome,
    /// The ids of the articles it gave, in order (merged copies included).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub articles: Vec<String>,
    /// Its articles that were merged into another as duplicates.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub merged: Vec<MergedCopy>,
    /// Errors, each naming the file and line where known.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub errors: Vec<String>,
    /// What ingest noticed (detected encoding, ambiguous dates).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<String>,
}

/// A file or folder under the articles folder that was not read, on
/// purpose: so nothing is left out silently.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct NotRead {
    /// The path relative to the articles folder (a folder ends in `/`).
    pub path: String,
    /// Why it was not read ("the output of this run", "a Dossier site …").
    pub reason: String,
}

/// The whole run.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Report {
    /// Every file found under the articles folder, sorted by path.
    pub files: Vec<FileReport>,
    /// What the walk of the articles folder left out, and why: the site
    /// this run writes, or another Dossier site, inside it.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub not_read: Vec<NotRead>,
    /// Errors not tied to one file (manifest entries matching no article).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub errors: Vec<String>,
    /// How many articles the bundle holds (after merging duplicates).
    pub articles: usize,
    /// Every duplicate merged: which article was kept, which merged into it.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub merges: Vec<Merge>,
    /// Lines found to be an outlet's page furniture because they repeat
    /// across its articles.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub repeated_furniture: Vec<RepeatedLine>,
    /// Capitalised names the gazetteer does not know, most frequent first,
    /// for a curator to add.
    pub candidates: Vec<Candidate>,
}

impl Report {
    /// Number of errors, in files and overall.
    pub fn error_count(&self) -> usize {
        self.errors.len() + self.files.iter().map(|f| f.errors.len()).sum::<usize>()
    }

    /// The report for a person: one line per file (only the files needing
    /// attention when there are many), errors, and the top candidates.
    pub fn human(&self) -> String {
        let mut out = String::new();
        let many = self.files.len() > 200;
        for f in &self.files {
            if many && f.outcome == Outcome::Ingested && f.notes.is_empty() && f.merged.is_empty() {
                continue;
            }
            let what = match f.outcome {
                Outcome::Ingested | Outcome::Partial if f.articles.len() == 1 => {
                    format!("article {}", f.articles[0])
                }
                Outcome::Ingested | Outcome::Partial => format!("{} articles", f.articles.len()),
                Outcome::Failed => "not ingested".to_string(),
                Outcome::Manifest => "manifest".to_string(),
                Outcome::Skipped => "skipped (not an article format)".to_string(),
                Outcome::Merged => format!(
                    "merged as a duplicate into {}",
                    f.merged
                        .iter()
                        .map(|m| m.into.as_str())
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            };
            let _ = writeln!(out, "  {}: {what}", f.file);
            for e in &f.errors {
                let _ = writeln!(out, "    error: {e}");
            }
            for n in &f.notes {
                let _ = writeln!(out, "    note: {n}");
            }
        }
        if many {
            let quiet = self
                .files
                .iter()
                .filter(|f| {
                    f.outcome == Outcome::Ingested && f.notes.is_empty() && f.merged.is_empty()
                })
                .count();
            let _ = writeln!(
                out,
                "  … and {quiet} more files ingested without remarks (all listed with --report)"
            );
        }
        for n in &self.not_read {
            let _ = writeln!(out, "  {}: not read ({})", n.path, n.reason);
        }
        for e in &self.errors {
            let _ = writeln!(out, "  error: {e}");
        }
        if !self.merges.is_empty() {
            let exact = self.merges.iter().filter(|m| m.exact).count();
            let _ = writeln!(
                out,
                "  duplicates: {} merged ({exact} identical, {} near), each kept article lists its copies",
                self.merges.len(),
                self.merges.len() - exact
            );
            for m in self.merges.iter().take(if many { 10 } else { usize::MAX }) {
                let _ = writeln!(
                    out,
                    "    {} → {} ({})",
                    m.merged_file,
                    m.kept,
                    if m.exact {
                        "identical".to_string()
                    } else {
                        format!("similarity {:.3}", m.similarity)
                    }
                );
            }
        }
        if !self.repeated_furniture.is_empty() {
            let _ = writeln!(
                out,
                "  furniture by repetition: {} lines",
                self.repeated_furniture.len()
            );
            for r in self.repeated_furniture.iter().take(10) {
                let _ = writeln!(
                    out,
                    "    {}: {:?} (in {} of its {} articles)",
                    r.outlet, r.text, r.articles, r.of
                );
            }
        }
        if !self.candidates.is_empty() {
            let top: Vec<String> = self
                .candidates
                .iter()
                .take(15)
                .map(|c| format!("{} ({})", c.name, c.count))
                .collect();
            let _ = writeln!(
                out,
                "  names not in the gazetteer ({}; most frequent first): {}",
                self.candidates.len(),
                top.join(", ")
            );
        }
        out
    }
}
