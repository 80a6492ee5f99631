//! Distinctive terms: which words and two-word phrases one selection uses
//! more than another, by the weighted log-odds ratio with an informative
//! Dirichlet prior (Monroe, Colaresi & Quinn 2008, "Fightin' Words",
//! eqs. 16–22).
//!
//! For a term `w` with counts `y_a`, `y_b` in selections of `n_a`, `n_b`
//! terms, and a prior `α_w = α0 · bg_w / bg_n` from the background (every
//! article given):
//!
//! ```text
//! δ_w = ln((y_a + α_w) / (n_a + α0 − y_a − α_w)) − ln((y_b + α_w) / (n_b + α0 − y_b − α_w))
//! σ²_w ≈ 1 / (y_a + α_w) + 1 / (y_b + α_w)
//! z_w = δ_w / σ_w
//! ```
//!
//! A positive z favours selection A. The prior shrinks rare terms towards
//! the background, so one odd word in a short article does not top the
//! list. Words and bigrams are two separate vocabularies, each with its own
//! totals. Stop words are removed before counting (`n` counts only kept
//! terms); a bigram is dropped if either word is a stop word, and never
//! spans punctuation or a paragraph end.
//!
//! Terms are counted and ranked folded ("susa" for Şuşa, Şuşa’da and
//! ŞUŞA), but shown as the compared articles write them: a second pass
//! reads the occurrences of the few terms finally shown ([`spell_as_written`]).

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use super::{normalise, order, Scope};
use crate::model::Article;
use crate::search::tokenize;

/// How to compare two selections.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DistinctiveOptions {
    /// How many terms to return on each side.
    pub top_n: usize,
    /// Folded words never counted (default: [`super::DEFAULT_STOP_WORDS`]).
    pub stop_words: Vec<String>,
    /// The prior's total weight `α0`; `None` uses the background's own term
    /// count (Monroe et al.'s choice: the prior is the whole collection).
    pub alpha0: Option<f64>,
    /// Terms seen fewer times than this in A and B together are left out.
    pub min_count: usize,
    /// Which texts to read. By default the headline and every paragraph
    /// but page furniture ("Subscribe…" is no framing).
    pub scope: Scope,
}

impl Default for DistinctiveOptions {
    fn default() -> Self {
        DistinctiveOptions {
            top_n: 20,
            stop_words: super::default_stop_words(),
            alpha0: None,
            min_count: 1,
            scope: Scope {
                headline: true,
                furniture: false,
            },
        }
    }
}

/// One term's score.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TermScore {
    /// The word or two words separated by a space, as the compared
    /// articles most often write it: lower case unless every occurrence
    /// is capitalised (a name keeps its capital: "Şuşa", "Dağlık
    /// Karabağ"). Searching for it (as a phrase) finds every spelling.
    pub term: String,
    /// The folded form the counts are keyed by (`susa`), which the text
    /// itself rarely writes.
    pub folded: String,
    /// Occurrences in selection A.
    pub count_a: usize,
    /// Occurrences in selection B.
    pub count_b: usize,
    /// The prior pseudo-count `α_w`.
    pub prior: f64,
    /// The log-odds ratio `δ_w` (A over B).
    pub delta: f64,
    /// `δ_w / σ_w`: positive favours A, negative B.
    pub z: f64,
}

/// The most distinctive terms of each side, strongest first.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct TermSides {
    /// Terms favouring A (z > 0), highest z first.
    pub a: Vec<TermScore>,
    /// Terms favouring B (z < 0), lowest z first.
    pub b: Vec<TermScore>,
    /// Terms counted in A (`n_a`).
    pub total_a: usize,
    /// Terms counted in B (`n_b`).
    pub total_b: usize,
}

/// The comparison of two selections.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Distinctive {
    /// Single words.
    pub unigrams: TermSides,
    /// Two-word phrases.
    pub bigrams: TermSides,
}

type Counts = BTreeMap<String, usize>;

/// Unigram and bigram counts of the selected articles.
fn count(
    articles: &[Article],
    selection: &[usize],
    scope: &Scope,
    stop: &BTreeSet<&str>,
) -> (Counts, Counts) {
    let (mut uni, mut bi) = (Counts::new(), Counts::new());
    for &ai in selection {
        for (_, text) in scope.texts(&articles[ai]) {
            let tokens = tokenize(text);
            for t in &tokens {
                if !stop.contains(t.text.as_str()) {
                    *uni.entry(t.text.clone()).or_default() += 1;
                }
            }
            for pair in tokens.windows(2) {
                let (x, y) = (&pair[0], &pair[1]);
                if stop.contains(x.text.as_str()) || stop.contains(y.text.as_str()) {
                    continue;
                }
                if joined(&text[x.end..y.start]) {
                    *bi.entry(format!("{} {}", x.text, y.text)).or_default() += 1;
                }
            }
        }
    }
    (uni, bi)
}

/// Whether two words are adjacent in a phrase: only spaces or hyphens
/// between them, after a possessive `’s`.
fn joined(gap: &str) -> bool {
    let gap = ["’s", "'s", "’S", "'S"]
        .iter()
        .find_map(|p| gap.strip_prefix(p))
        .unwrap_or(gap);
    gap.chars()
        .all(|c| c.is_whitespace() || matches!(c, '-' | '‐' | '‑'))
}

fn score(a: &Counts, b: &Counts, bg: &Counts, options: &DistinctiveOptions) -> TermSides {
    let total = |c: &Counts| c.values().sum::<usize>();
    let (na, nb, bg_n) = (total(a), total(b), total(bg));
    let alpha0 = options.alpha0.unwrap_or(bg_n as f64);
    let terms: BTreeSet<&String> = a.keys().chain(b.keys()).collect();
    let mut scores = Vec::new();
    for term in terms {
        let ya = a.get(term).copied().unwrap_or(0);
        let yb = b.get(term).copied().unwrap_or(0);
        let bg_w = bg.get(term).copied().unwrap_or(0);
        if ya + yb < options.min_count || bg_w == 0 || bg_n == 0 {
            continue;
        }
        let alpha = alpha0 * bg_w as f64 / bg_n as f64;
        let (ya_f, yb_f) = (ya as f64, yb as f64);
        let delta = ((ya_f + alpha) / (na as f64 + alpha0 - ya_f - alpha)).ln()
            - ((yb_f + alpha) / (nb as f64 + alpha0 - yb_f - alpha)).ln();
        let variance = 1.0 / (ya_f + alpha) + 1.0 / (yb_f + alpha);
        let z = delta / variance.sqrt();
        if z.is_finite() {
            scores.push(TermScore {
                term: term.clone(),
                folded: term.clone(),
                count_a: ya,
                count_b: yb,
                prior: alpha,
                delta,
                z,
            });
        }
    }
    let mut side_a: Vec<TermScore> = scores.iter().filter(|s| s.z > 0.0).cloned().collect();
    order::sort_by(&mut side_a, |x, y| {
        y.z.total_cmp(&x.z).then_with(|| x.term.cmp(&y.term))
    });
    side_a.truncate(options.top_n);
    let mut side_b: Vec<TermScore> = scores.into_iter().filter(|s| s.z < 0.0).collect();
    order::sort_by(&mut side_b, |x, y| {
        x.z.total_cmp(&y.z).then_with(|| x.term.cmp(&y.term))
    });
    side_b.truncate(options.top_n);
    TermSides {
        a: side_a,
        b: side_b,
        total_a: na,
        total_b: nb,
    }
}

/// Compares selection `a` with selection `b` (an outlet against the rest,
/// two outlets, two date ranges), with every article of `articles` as the
/// prior's background.
pub fn distinctive_terms(
    articles: &[Article],
    a: &[usize],
    b: &[usize],
    options: &DistinctiveOptions,
) -> Distinctive {
    let stop: BTreeSet<&str> = options.stop_words.iter().map(String::as_str).collect();
    let (a, b) = (normalise(a, articles), normalise(b, articles));
    let (ua, ba) = count(articles, &a, &options.scope, &stop);
    let (ub, bb) = count(articles, &b, &options.scope, &stop);
    let (ubg, bbg) = count(articles, &super::all(articles), &options.scope, &stop);
    let mut d = Distinctive {
        unigrams: score(&ua, &ub, &ubg, options),
        bigrams: score(&ba, &bb, &bbg, options),
    };
    let compared: BTreeSet<usize> = a.iter().chain(&b).copied().collect();
    written::spell_as_written(&mut d, articles, &compared, &options.scope);
    d
}

#[cfg(test)]
mod tests;
mod written;
