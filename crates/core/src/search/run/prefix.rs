//! Words being typed: the forms a prefix searches (the most frequent
//! within a budget), and the completions of an open last word.

use super::{tokenize, Alternative, Kind, Origin, SearchIndex, Term};

/// A prefix matches at most this many word forms (the most frequent ones).
pub(super) const MAX_PREFIX_FORMS: usize = 200;
/// A prefix reads at most this many bytes of postings per article in the
/// index (most frequent forms first; see [`SearchIndex::resolve`]): about
/// two postings an article, so a one-letter prefix costs what a common word
/// does, not what two hundred of them do.
const PREFIX_BYTES_PER_ARTICLE: usize = 4;
/// ... and never less than this, so a small dossier expands every prefix.
const MIN_PREFIX_BYTES: usize = 1 << 16;

impl SearchIndex {
    /// The forms of the index starting with `start`, within the prefix
    /// budget ([`frequent_forms`]).
    pub(super) fn prefix_forms(&self, start: &str) -> Vec<u32> {
        let forms: Vec<u32> = self.terms.prefix_range(start).map(|t| t as u32).collect();
        let budget = (PREFIX_BYTES_PER_ARTICLE * self.len()).max(MIN_PREFIX_BYTES);
        frequent_forms(forms, |t| self.postings_bytes(t as usize), budget)
    }

    /// For an open word (still being typed), the longer words it starts,
    /// less the forms it already matches as a finished word (`resolved`):
    /// those stay exact, and no postings are read twice. `None` for any
    /// other term, or when the word starts nothing more.
    pub(super) fn completions(&self, term: &Term, resolved: &Alternative) -> Option<Alternative> {
        let Term::Word {
            text, open: true, ..
        } = term
        else {
            return None;
        };
        // One word only: "nagorno-karabakh" typed open is a phrase, and
        // stays one (as a finished word it would be too).
        let [token] = tokenize(text).try_into().ok()?;
        let mut forms = self.prefix_forms(&token.text);
        if let Kind::Forms(own) = &resolved.kind {
            forms.retain(|t| own.binary_search(t).is_err());
        }
        (!forms.is_empty()).then_some(Alternative {
            kind: Kind::Forms(forms),
            weight: 1.0,
            origin: Origin::Completion,
            plain_word: None,
        })
    }
}

/// The forms a prefix searches: all of them when they are few and their
/// postings fit `budget` bytes; else the most frequent first (by postings
/// size), while they fit, at least one and at most [`MAX_PREFIX_FORMS`]. A
/// short prefix ("c" while typing "ceasefire") then costs a bounded read,
/// and the forms left out are the rare ones, whose articles the frequent
/// forms mostly cover already. Returned in term order.
pub(super) fn frequent_forms(
    mut forms: Vec<u32>,
    size: impl Fn(u32) -> usize,
    budget: usize,
) -> Vec<u32> {
    if forms.len() <= MAX_PREFIX_FORMS && forms.iter().map(|&t| size(t)).sum::<usize>() <= budget {
        return forms;
    }
    forms.sort_by_key(|&t| (std::cmp::Reverse(size(t)), t));
    let mut spent = 0;
    let keep = forms
        .iter()
        .take_while(|&&t| {
            spent += size(t);
            spent <= budget
        })
        .count()
        .clamp(1, MAX_PREFIX_FORMS);
    forms.truncate(keep);
    forms.sort_unstable();
    forms
}
