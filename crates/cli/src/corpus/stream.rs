//! The second pass: the kept articles read back from the spill file in
//! bundle order, finished (their copies listed, repeated lines marked as
//! furniture) and handed on in groups, with the candidate names and the
//! repeated lines added to the report on the way.

use anyhow::Result;
use dossier_core::entities::{self, Candidate};
use dossier_core::ingest::repetition::Found;
use dossier_core::{Article, Bundle};

use super::Corpus;

/// Groups waiting for this thread at most: the worker pool runs this far
/// ahead of the consumer and no further.
const GROUP_WINDOW: usize = 64;

/// Candidate lists merged at once: each group's list is small, and merging
/// in batches keeps the merge's sorting off the hot path.
const CANDIDATE_BATCH: usize = 128;

/// Consecutive articles of the bundle, finished.
pub struct Group<T> {
    /// The articles, in bundle order.
    pub articles: Vec<Article>,
    /// Each article's JSON, as `serde_json::to_vec` writes it.
    pub json: Vec<Vec<u8>>,
    /// What the caller's per-group work gave.
    pub extra: T,
}

impl Corpus {
    /// Reads the kept articles back in bundle order, `size` at a time:
    /// each group is finished and given to `work` on a worker thread (with
    /// its number), then to `sink` on this thread, in order. Adds the
    /// candidate names and repeated lines to [`Corpus::report`].
    pub fn stream<T: Send>(
        &mut self,
        size: usize,
        work: impl Fn(usize, &[Article], &[Vec<u8>]) -> Result<T> + Sync,
        mut sink: impl FnMut(Group<T>) -> Result<()>,
    ) -> Result<()> {
        let groups: Vec<&[usize]> = self.order.chunks(size.max(1)).collect();
        let mut candidates: Vec<Vec<Candidate>> = Vec::new();
        let mut found = Found::default();
        let this = &*self;
        crate::parallel::for_each_ordered(
            &groups,
            GROUP_WINDOW,
            |n, numbers| -> Result<_> {
                let mut articles = Vec::with_capacity(numbers.len());
                let mut json = Vec::with_capacity(numbers.len());
                let mut found = Found::default();
                for &i in numbers.iter() {
                    let (article, bytes) = this.finished(i, &mut found)?;
                    articles.push(article);
                    json.push(bytes);
                }
                let names = entities::candidates(&articles, &this.gazetteer);
                let extra = work(n, &articles, &json)?;
                Ok((articles, json, found, names, extra))
            },
            |_, result| {
                let (articles, json, more, names, extra) = result?;
                found.extend(more);
                candidates.push(names);
                if candidates.len() >= CANDIDATE_BATCH {
                    let merged = entities::merge_candidates(std::mem::take(&mut candidates));
                    candidates.push(merged);
                }
                sink(Group {
                    articles,
                    json,
                    extra,
                })
            },
        )?;
        self.report.candidates = entities::merge_candidates(candidates);
        self.report.repeated_furniture = self.repetition.lines(found);
        Ok(())
    }

    /// Article `i` of the spill file as the bundle has it, with its JSON:
    /// the copies merged into it listed, its repeated lines marked.
    fn finished(&self, i: usize, found: &mut Found) -> Result<(Article, Vec<u8>)> {
        let bytes = self.spill.read(i)?;
        let mut article: Article = serde_json::from_slice(&bytes)?;
        let mut changed = false;
        if let Some(copies) = self.copies.get(&i) {
            article.duplicates.extend(copies.iter().cloned());
            changed = true;
        }
        changed |= self.repetition.mark(&mut article, found);
        // Unchanged, the spilled JSON is already the bundle's.
        let bytes = if changed {
            serde_json::to_vec(&article)?
        } else {
            bytes
        };
        Ok((article, bytes))
    }

    /// All the articles in memory, as one bundle: for the single-file site,
    /// which holds every text anyway, and for tests.
    pub fn collect_bundle(&mut self) -> Result<Bundle> {
        let mut articles = Vec::with_capacity(self.len());
        self.stream(
            256,
            |_, _, _| Ok(()),
            |group| {
                articles.extend(group.articles);
                Ok(())
            },
        )?;
        Ok(Bundle {
            schema_version: dossier_core::bundle::SCHEMA_VERSION,
            title: self.title.clone(),
            articles,
        })
    }
}
