//! Distinctive terms as the articles write them: ranking uses the folded
//! form ("susa"), the page shows the spelling ("Şuşa").

use std::collections::{BTreeMap, BTreeSet, HashMap};

use super::{joined, Distinctive, TermSides};
use crate::model::Article;
use crate::search::tokenize;
use crate::stats::Scope;

/// The spellings of one shown term in the compared articles.
#[derive(Default)]
pub(super) struct Seen {
    /// Occurrences of each spelling, as written.
    spellings: BTreeMap<String, usize>,
    /// Whether an occurrence inside a sentence was capitalised.
    capitalised_inside: bool,
    /// Whether an occurrence inside a sentence was in lower case.
    lower_inside: bool,
}

impl Seen {
    /// Counts one occurrence. Only one inside a sentence tells whether
    /// the term is always capitalised: a headline's or a sentence's first
    /// word is capitalised whatever it is.
    pub(super) fn add(&mut self, written: String, opens_sentence: bool) {
        if !opens_sentence {
            if capitalised(&written) {
                self.capitalised_inside = true;
            } else {
                self.lower_inside = true;
            }
        }
        *self.spellings.entry(written).or_default() += 1;
    }

    /// The spelling to show: the most frequent, as written if every
    /// occurrence inside a sentence is capitalised (a name, an acronym),
    /// else in lower case with the lower-cased counts added up
    /// ("Gösterişler" opening a sentence counts for "gösterişler"). Ties
    /// go to the spelling not in capitals, then to the first in
    /// code-point order.
    pub(super) fn most_written(&self) -> Option<String> {
        let tally = if self.capitalised_inside && !self.lower_inside {
            self.spellings.clone()
        } else {
            let mut lowered = BTreeMap::new();
            for (w, n) in &self.spellings {
                *lowered.entry(lower(w)).or_default() += n;
            }
            lowered
        };
        let in_capitals = |w: &str| {
            w.chars().filter(|c| c.is_alphabetic()).count() > 1
                && !w.chars().any(char::is_lowercase)
        };
        tally
            .into_iter()
            .min_by(|(x, nx), (y, ny)| {
                ny.cmp(nx)
                    .then_with(|| in_capitals(x).cmp(&in_capitals(y)))
                    .then_with(|| x.cmp(y))
            })
            .map(|(w, _)| w)
    }
}

fn capitalised(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

/// Whether a word after `gap` (the text since the previous word, `None`
/// for a text's first word) starts a sentence or a quotation.
fn opens_sentence(gap: Option<&str>) -> bool {
    gap.is_none_or(|g| g.contains(['.', '!', '?', '…', ':', '"', '“', '«', '„', '—', '–']))
}

/// Sets each shown term's [`TermScore::term`] to its spelling in the
/// compared articles. Only after ranking, and only for the shown terms
/// (at most four times `top_n`): tallying every spelling of every word
/// while counting would cost a map entry per distinct spelling of the
/// whole vocabulary, over thousands of articles in the page.
pub(super) fn spell_as_written(
    d: &mut Distinctive,
    articles: &[Article],
    compared: &BTreeSet<usize>,
    scope: &Scope,
) {
    let keys = |sides: &TermSides| -> Vec<String> {
        sides
            .a
            .iter()
            .chain(&sides.b)
            .map(|s| s.folded.clone())
            .collect()
    };
    let mut words: HashMap<String, Seen> = keys(&d.unigrams)
        .into_iter()
        .map(|k| (k, Seen::default()))
        .collect();
    let mut pairs: HashMap<String, Seen> = keys(&d.bigrams)
        .into_iter()
        .map(|k| (k, Seen::default()))
        .collect();
    // A bigram's first word, so most pairs are passed over without
    // formatting their key.
    let firsts: BTreeSet<String> = pairs
        .keys()
        .filter_map(|k| k.split(' ').next().map(str::to_string))
        .collect();
    if words.is_empty() && pairs.is_empty() {
        return;
    }
    for &ai in compared {
        for (paragraph, text) in scope.texts(&articles[ai]) {
            let tokens = tokenize(text);
            // Every headline word may be capitalised ("Troops Enter Shusha").
            let opens = |i: usize| {
                paragraph.is_none()
                    || opens_sentence((i > 0).then(|| &text[tokens[i - 1].end..tokens[i].start]))
            };
            for (i, t) in tokens.iter().enumerate() {
                if let Some(seen) = words.get_mut(&t.text) {
                    seen.add(text[t.start..t.end].to_string(), opens(i));
                }
            }
            for (i, pair) in tokens.windows(2).enumerate() {
                let (x, y) = (&pair[0], &pair[1]);
                if !firsts.contains(&x.text) || !joined(&text[x.end..y.start]) {
                    continue;
                }
                if let Some(seen) = pairs.get_mut(&format!("{} {}", x.text, y.text)) {
                    let written = format!("{} {}", &text[x.start..x.end], &text[y.start..y.end]);
                    seen.add(written, opens(i));
                }
            }
        }
    }
    for (sides, seen) in [(&mut d.unigrams, &words), (&mut d.bigrams, &pairs)] {
        for s in sides.a.iter_mut().chain(sides.b.iter_mut()) {
            if let Some(shown) = seen.get(&s.folded).and_then(Seen::most_written) {
                s.term = shown;
            }
        }
    }
}

/// Lower case as Turkish and Azerbaijani write it for `İ` (`İstanbul` →
/// `istanbul`, where plain Unicode lower-casing adds a combining dot).
fn lower(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    for c in word.chars() {
        match c {
            'İ' => out.push('i'),
            c => out.extend(c.to_lowercase()),
        }
    }
    out
}
