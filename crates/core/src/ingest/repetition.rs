//! Furniture by repetition: in a big corpus, a line printed verbatim on
//! many of one outlet's pages is the outlet's page furniture (a slogan, a
//! newsletter appeal, a boilerplate "about us"), whatever its words.
//!
//! A body or dek paragraph of an outlet's article becomes furniture, with
//! the rule `repeated across N articles of OUTLET`, when the same text
//! (after trimming) appears in
//!
//! - at least `min_articles` of the outlet's articles (default 3), and
//! - at least `min_share` of them (default 0.3, so 30 %),
//!
//! and the outlet has at least `min_outlet_articles` articles (default 5;
//! 0 turns the rule off). The thresholds are the manifest's
//! `[repetition]` table. Articles without an outlet are left alone, and
//! captions, bylines and bios keep their roles (a credit line or a
//! columnist's bio repeats by nature). Quotes and mentioned dates found in
//! a paragraph that becomes furniture are dropped with it, as they would
//! have been had a rule recognised it at first.
//!
//! Run it after duplicates are merged, so a story saved twice does not
//! count twice.

use std::collections::{BTreeMap, HashMap};

use crate::manifest::RepetitionSettings;
use crate::model::{Article, Role};

/// A line found to be an outlet's furniture, for the ingest report.
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub struct RepeatedLine {
    /// The outlet.
    pub outlet: String,
    /// The line.
    pub text: String,
    /// In how many of the outlet's articles.
    pub articles: usize,
    /// How many articles the outlet has.
    pub of: usize,
}

fn line_hash(text: &str) -> u64 {
    // FNV-1a over the bytes, then a finaliser.
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in text.as_bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h ^= h >> 33;
    h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
    h ^ (h >> 33)
}

fn candidate(role: Role) -> bool {
    matches!(role, Role::Body | Role::Dek)
}

/// Marks the lines repeated across each outlet's articles as furniture and
/// returns them, by outlet then text.
pub fn mark_repeated_furniture(
    articles: &mut [Article],
    settings: &RepetitionSettings,
) -> Vec<RepeatedLine> {
    let lines: Vec<Vec<u64>> = articles.iter().map(line_hashes).collect();
    let outlets: Vec<Option<&str>> = articles
        .iter()
        .map(|a| a.outlet.as_ref().map(|o| o.value.as_str()))
        .collect();
    let repetition = Repetition::count(
        outlets.iter().copied().zip(lines.iter().map(Vec::as_slice)),
        settings,
    );
    drop(outlets);
    let mut found = Found::default();
    for a in articles.iter_mut() {
        repetition.mark(a, &mut found);
    }
    repetition.lines(found)
}

/// The hashes of an article's body and dek lines, each once (sorted):
/// all that counting repetition needs of an article (8 bytes a line), so a
/// caller can count a corpus it does not hold in memory.
pub fn line_hashes(article: &Article) -> Vec<u64> {
    let mut out: Vec<u64> = article
        .paragraphs
        .iter()
        .filter(|p| candidate(p.role))
        .map(|p| line_hash(&p.text))
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// The lines repeated across each outlet's articles, counted over a whole
/// corpus ([`Repetition::count`]), ready to mark them in each article as it
/// comes ([`Repetition::mark`]).
#[derive(Clone, Debug, Default)]
pub struct Repetition {
    /// Outlets by name, with their article counts.
    outlets: BTreeMap<String, usize>,
    /// The outlets' names, by id.
    names: Vec<String>,
    /// Outlet name → (id, article count).
    ids: HashMap<String, (u32, usize)>,
    /// (outlet, line) → number of the outlet's articles with the line.
    counts: HashMap<(u32, u64), u32>,
    settings: RepetitionSettings,
}

/// The repeated lines found while marking, for the report: collect them
/// from any number of articles, in any order, and merge ([`Found::extend`]).
#[derive(Clone, Debug, Default)]
pub struct Found(BTreeMap<(u32, String), usize>);

impl Found {
    /// Adds the lines found elsewhere.
    pub fn extend(&mut self, other: Found) {
        for (key, n) in other.0 {
            self.0.entry(key).or_insert(n);
        }
    }
}

impl Repetition {
    /// Counts the lines of a corpus given as each article's outlet and
    /// [`line_hashes`], after duplicates are merged.
    pub fn count<'a>(
        articles: impl Iterator<Item = (Option<&'a str>, &'a [u64])> + Clone,
        settings: &RepetitionSettings,
    ) -> Self {
        let mut r = Repetition {
            settings: settings.clone(),
            ..Default::default()
        };
        if settings.min_outlet_articles == 0 {
            return r;
        }
        for (outlet, _) in articles.clone() {
            if let Some(o) = outlet {
                if let Some(n) = r.outlets.get_mut(o) {
                    *n += 1;
                } else {
                    r.outlets.insert(o.to_string(), 1);
                }
            }
        }
        r.names = r.outlets.keys().cloned().collect();
        r.ids = r
            .outlets
            .iter()
            .enumerate()
            .map(|(i, (name, &count))| (name.clone(), (i as u32, count)))
            .collect();
        for (outlet, lines) in articles {
            let Some(&(outlet, count)) = outlet.and_then(|o| r.ids.get(o)) else {
                continue;
            };
            if count < settings.min_outlet_articles {
                continue;
            }
            for &h in lines {
                *r.counts.entry((outlet, h)).or_default() += 1;
            }
        }
        // Most lines appear once: only those seen often enough to be
        // furniture are worth keeping (at 100,000 articles, millions of
        // entries against a handful).
        let least = settings.min_articles.max(2) as u32;
        r.counts.retain(|_, n| *n >= least);
        r.counts.shrink_to_fit();
        r
    }

    /// In how many of its outlet's articles a line is repeated, when that
    /// makes it furniture.
    fn repeated(&self, outlet: u32, count: usize, h: u64) -> Option<usize> {
        let n = *self.counts.get(&(outlet, h))? as usize;
        (n >= self.settings.min_articles.max(2)
            && n as f64 >= self.settings.min_share * count as f64)
            .then_some(n)
    }

    /// Marks `article`'s repeated lines as furniture (dropping the quotes
    /// and mentioned dates found in them) and notes them in `found`;
    /// whether it changed anything.
    pub fn mark(&self, article: &mut Article, found: &mut Found) -> bool {
        if self.settings.min_outlet_articles == 0 {
            return false;
        }
        let Some(&(outlet, count)) = article
            .outlet
            .as_ref()
            .and_then(|o| self.ids.get(o.value.as_str()))
        else {
            return false;
        };
        if count < self.settings.min_outlet_articles {
            return false;
        }
        let mut changed = Vec::new();
        for (i, p) in article.paragraphs.iter_mut().enumerate() {
            if !candidate(p.role) {
                continue;
            }
            if let Some(n) = self.repeated(outlet, count, line_hash(&p.text)) {
                let name = &self.names[outlet as usize];
                p.role = Role::Furniture;
                p.rule = Some(format!("repeated across {n} articles of {name}"));
                found.0.entry((outlet, p.text.clone())).or_insert(n);
                changed.push(i);
            }
        }
        if !changed.is_empty() {
            article.quotes.retain(|q| !changed.contains(&q.paragraph));
            article
                .mentioned_dates
                .retain(|d| !changed.contains(&d.paragraph));
        }
        !changed.is_empty()
    }

    /// The lines found, by outlet then text, for the report.
    pub fn lines(&self, found: Found) -> Vec<RepeatedLine> {
        found
            .0
            .into_iter()
            .map(|((outlet, text), n)| {
                let name = &self.names[outlet as usize];
                RepeatedLine {
                    outlet: name.clone(),
                    text,
                    articles: n,
                    of: self.outlets[name],
                }
            })
            .collect()
    }
}
