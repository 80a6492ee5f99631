//! Highlights and snippets for the articles shown, found by re-reading their
//! text (only the page's articles, so the index needs no byte offsets).

use std::collections::BTreeSet;

use super::analyze::for_each_word;
use super::index::is_searched;
use super::{Highlights, ParagraphHighlights, Snippet, Span};
use crate::model::Article;

/// The longest start all `words` share (on a character boundary).
fn common_start(words: &[String]) -> &str {
    let Some((first, rest)) = words.split_first() else {
        return "";
    };
    let mut len = first.len();
    for w in rest {
        len = first
            .char_indices()
            .zip(w.chars())
            .take_while(|((_, a), b)| a == b)
            .map(|((i, a), _)| i + a.len_utf8())
            .last()
            .unwrap_or(0)
            .min(len);
    }
    &first[..len]
}

/// Words in a snippet.
pub(crate) const SNIPPET_WORDS: usize = 30;

/// What to mark: folded word forms, and phrases as folded word sequences.
#[derive(Clone, Debug, Default, PartialEq)]
pub(crate) struct Marker {
    pub(crate) words: BTreeSet<String>,
    pub(crate) phrases: Vec<Vec<String>>,
    /// Strings one of which a paragraph must contain to have a word to
    /// mark: each group's common start when it has many forms (a typed
    /// prefix's 200 forms are one test, not 200 scans of every paragraph),
    /// else its forms; those that start with another are left out. Filled
    /// by [`Marker::add_forms`] and [`Marker::prepare`].
    needles: Vec<String>,
}

/// A group with more forms than this is tested by the start they share.
const FORMS_TESTED_ONE_BY_ONE: usize = 4;

impl Marker {
    /// Marks these forms (one query word's alternatives).
    pub(crate) fn add_forms(&mut self, forms: Vec<String>) {
        let shared = common_start(&forms);
        if forms.len() > FORMS_TESTED_ONE_BY_ONE && !shared.is_empty() {
            self.needles.push(shared.to_string());
        } else {
            self.needles.extend(forms.iter().cloned());
        }
        self.words.extend(forms);
    }

    /// Readies the quick test for paragraphs without marks (words added
    /// straight to `words` are tested one by one). In sorted order, a
    /// string that starts with a kept needle is covered by it.
    pub(crate) fn prepare(&mut self) {
        let mut candidates = std::mem::take(&mut self.needles);
        candidates.extend(self.words.iter().cloned());
        candidates.sort_unstable();
        candidates.dedup();
        for w in candidates {
            if !self
                .needles
                .last()
                .is_some_and(|n| w.starts_with(n.as_str()))
            {
                self.needles.push(w);
            }
        }
    }

    /// Whether a text may contain something to mark, given it folded
    /// without apostrophes in `folded`.
    fn may_match(&self, folded: &str) -> bool {
        self.needles.iter().any(|n| folded.contains(n.as_str()))
            || self
                .phrases
                .iter()
                .any(|p| !p.is_empty() && p.iter().all(|w| folded.contains(w.as_str())))
    }

    /// Marked spans of a text and, per word, whether it is marked.
    fn mark(&self, words: &Words) -> (Vec<Span>, Vec<bool>) {
        let mut spans = Vec::new();
        let mut flags = vec![false; words.len()];
        for i in 0..words.len() {
            if self.words.contains(words.folded(i)) {
                flags[i] = true;
                spans.push(words.spans[i]);
            }
            for phrase in &self.phrases {
                let k = phrase.len();
                if k > 0
                    && i + k <= words.len()
                    && phrase
                        .iter()
                        .enumerate()
                        .all(|(j, w)| words.folded(i + j) == w)
                {
                    flags[i..i + k].iter_mut().for_each(|f| *f = true);
                    spans.push(Span {
                        start: words.spans[i].start,
                        end: words.spans[i + k - 1].end,
                    });
                }
            }
        }
        (merge(spans), flags)
    }
}

/// One text's words as highlighting reads them: where each is in the text
/// and its folded form, all the folded forms in one string, so reading a
/// paragraph allocates nothing per word (the buffers are reused from
/// paragraph to paragraph).
#[derive(Default)]
struct Words {
    /// Each word's byte range in the text.
    spans: Vec<Span>,
    /// Where each word's folded form ends in `folded`.
    ends: Vec<usize>,
    /// The folded forms, one after the other.
    folded: String,
    /// The tokenizer's folding buffer.
    buffer: String,
}

impl Words {
    /// Reads the words of `text` (as [`super::tokenize`] finds them),
    /// replacing those held.
    fn read(&mut self, text: &str) {
        self.spans.clear();
        self.ends.clear();
        self.folded.clear();
        let Words {
            spans,
            ends,
            folded,
            buffer,
        } = self;
        for_each_word(text, buffer, |word, start, end| {
            folded.push_str(word);
            ends.push(folded.len());
            spans.push(Span { start, end });
        });
    }

    fn len(&self) -> usize {
        self.spans.len()
    }

    /// The folded form of word `i`.
    fn folded(&self, i: usize) -> &str {
        let start = if i == 0 { 0 } else { self.ends[i - 1] };
        &self.folded[start..self.ends[i]]
    }
}

/// Whether an ASCII text has a word at all (the fallback snippet needs one).
fn has_word(text: &str) -> bool {
    text.bytes().any(|b| b.is_ascii_alphanumeric())
}

/// Sorts spans and joins overlapping ones.
fn merge(mut spans: Vec<Span>) -> Vec<Span> {
    spans.sort_unstable();
    let mut out: Vec<Span> = Vec::with_capacity(spans.len());
    for span in spans {
        match out.last_mut() {
            Some(last) if span.start <= last.end => last.end = last.end.max(span.end),
            _ => out.push(span),
        }
    }
    out
}

/// The best window so far: (marked words, paragraph, first word, where the
/// paragraph's words are, its marked spans).
type Window = (usize, usize, usize, Vec<Span>, Vec<Span>);

/// Highlights for the whole article and its best snippet.
pub(crate) fn highlight(article: &Article, marker: &Marker) -> (Highlights, Option<Snippet>) {
    let mut words = Words::default();
    words.read(&article.headline);
    let (headline, _) = marker.mark(&words);
    let mut highlights = Highlights {
        headline,
        paragraphs: Vec::new(),
    };
    let mut best: Option<Window> = None;
    // The first paragraph with words: the snippet when nothing matched.
    let mut fallback: Option<usize> = None;
    let mut folded = String::new();
    for (p, paragraph) in article.paragraphs.iter().enumerate() {
        if !is_searched(paragraph.role) {
            continue;
        }
        let text = &paragraph.text;
        // A quick test first, on ASCII text only: lower-casing it is one
        // copy, and every word's folded form (apostrophes dropped) is a
        // substring of the result. Other text is folded character by
        // character, which costs about what reading its words does, so its
        // words are read straight away.
        if text.is_ascii() {
            folded.clear();
            folded.push_str(text);
            folded.make_ascii_lowercase();
            if folded.contains('\'') {
                folded.retain(|c| c != '\'');
            }
            if !marker.may_match(&folded) {
                if fallback.is_none() && has_word(text) {
                    fallback = Some(p);
                }
                continue;
            }
        }
        words.read(text);
        if fallback.is_none() && words.len() > 0 {
            fallback = Some(p);
        }
        let (spans, flags) = marker.mark(&words);
        let (count, start) = densest_window(&flags, SNIPPET_WORDS);
        if count > 0 && best.as_ref().is_none_or(|b| count > b.0) {
            best = Some((count, p, start, words.spans.clone(), spans.clone()));
        }
        if !spans.is_empty() {
            highlights.paragraphs.push(ParagraphHighlights {
                paragraph: p,
                spans,
            });
        }
    }
    if best.is_none() {
        best = fallback.map(|p| {
            words.read(&article.paragraphs[p].text);
            (0, p, 0, words.spans.clone(), Vec::new())
        });
    }
    let snippet = best.map(|(_, p, first, at, spans)| {
        let text = &article.paragraphs[p].text;
        let last = (first + SNIPPET_WORDS).min(at.len()) - 1;
        let start = if first == 0 { 0 } else { at[first].start };
        let end = if last + 1 == at.len() {
            text.len()
        } else {
            at[last].end
        };
        let marks = spans
            .iter()
            .filter(|s| s.start >= start && s.end <= end)
            .map(|s| Span {
                start: s.start - start,
                end: s.end - start,
            })
            .collect();
        Snippet {
            paragraph: p,
            range: Span { start, end },
            text: text[start..end].to_string(),
            marks,
            cut_before: start > 0,
            cut_after: end < text.len(),
        }
    });
    (highlights, snippet)
}

/// The window of `width` tokens with the most marked tokens: (count, first
/// token), centred on its marks, earliest on ties.
fn densest_window(flags: &[bool], width: usize) -> (usize, usize) {
    if flags.len() <= width {
        return (flags.iter().filter(|f| **f).count(), 0);
    }
    let mut count = flags[..width].iter().filter(|f| **f).count();
    let (mut best, mut best_start) = (count, 0);
    for start in 1..=flags.len() - width {
        count = count + usize::from(flags[start + width - 1]) - usize::from(flags[start - 1]);
        if count > best {
            best = count;
            best_start = start;
        }
    }
    if best == 0 {
        return (0, 0);
    }
    // Centre the marks inside the window.
    let window = &flags[best_start..best_start + width];
    let first = window.iter().position(|f| *f).unwrap_or(0);
    let last = window.iter().rposition(|f| *f).unwrap_or(0);
    let slack = width - (last - first + 1);
    let start = (best_start + first)
        .saturating_sub(slack / 2)
        .min(flags.len() - width);
    (best, start)
}

#[cfg(test)]
mod tests;
