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

use std::collections::{BTreeMap, HashMap, HashSet};

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
    if settings.min_outlet_articles == 0 {
        return Vec::new();
    }
    // Outlets by name, with their article counts.
    let mut outlets: BTreeMap<String, usize> = BTreeMap::new();
    for a in articles.iter() {
        if let Some(o) = &a.outlet {
            if let Some(n) = outlets.get_mut(o.value.as_str()) {
                *n += 1;
            } else {
                outlets.insert(o.value.clone(), 1);
            }
        }
    }
    let ids: HashMap<String, (u32, usize)> = outlets
        .iter()
        .enumerate()
        .map(|(i, (name, &count))| (name.clone(), (i as u32, count)))
        .collect();
    let big = |count: usize| count >= settings.min_outlet_articles;
    // (outlet, line) → number of the outlet's articles with the line.
    let mut counts: HashMap<(u32, u64), u32> = HashMap::new();
    let mut seen = HashSet::new();
    for a in articles.iter() {
        let Some(&(outlet, count)) = a.outlet.as_ref().and_then(|o| ids.get(o.value.as_str()))
        else {
            continue;
        };
        if !big(count) {
            continue;
        }
        seen.clear();
        for p in a.paragraphs.iter().filter(|p| candidate(p.role)) {
            let h = line_hash(&p.text);
            if seen.insert(h) {
                *counts.entry((outlet, h)).or_default() += 1;
            }
        }
    }
    let repeated = |outlet: u32, count: usize, h: u64| -> Option<usize> {
        let n = *counts.get(&(outlet, h))? as usize;
        (n >= settings.min_articles.max(2) && n as f64 >= settings.min_share * count as f64)
            .then_some(n)
    };
    let names: Vec<&String> = outlets.keys().collect();
    let mut found: BTreeMap<(u32, String), usize> = BTreeMap::new();
    for a in articles.iter_mut() {
        let Some(&(outlet, count)) = a.outlet.as_ref().and_then(|o| ids.get(o.value.as_str()))
        else {
            continue;
        };
        if !big(count) {
            continue;
        }
        let mut changed = Vec::new();
        for (i, p) in a.paragraphs.iter_mut().enumerate() {
            if !candidate(p.role) {
                continue;
            }
            if let Some(n) = repeated(outlet, count, line_hash(&p.text)) {
                p.role = Role::Furniture;
                p.rule = Some(format!(
                    "repeated across {n} articles of {}",
                    names[outlet as usize]
                ));
                found.entry((outlet, p.text.clone())).or_insert(n);
                changed.push(i);
            }
        }
        if !changed.is_empty() {
            a.quotes.retain(|q| !changed.contains(&q.paragraph));
            a.mentioned_dates
                .retain(|d| !changed.contains(&d.paragraph));
        }
    }
    found
        .into_iter()
        .map(|((outlet, text), n)| RepeatedLine {
            outlet: names[outlet as usize].clone(),
            text,
            articles: n,
            of: outlets[names[outlet as usize]],
        })
        .collect()
}
