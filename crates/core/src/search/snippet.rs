//! Highlights and snippets for the articles shown, found by re-reading their
//! text (only the page's articles, so the index needs no byte offsets).

use std::collections::BTreeSet;

use super::analyze::{fold, tokenize, Token};
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

    /// Marked spans of a text and, per token, whether it is marked.
    fn mark(&self, tokens: &[Token]) -> (Vec<Span>, Vec<bool>) {
        let mut spans = Vec::new();
        let mut flags = vec![false; tokens.len()];
        for (i, token) in tokens.iter().enumerate() {
            if self.words.contains(&token.text) {
                flags[i] = true;
                spans.push(Span {
                    start: token.start,
                    end: token.end,
                });
            }
            for phrase in &self.phrases {
                let k = phrase.len();
                if k > 0
                    && i + k <= tokens.len()
                    && tokens[i..i + k]
                        .iter()
                        .zip(phrase)
                        .all(|(t, w)| &t.text == w)
                {
                    flags[i..i + k].iter_mut().for_each(|f| *f = true);
                    spans.push(Span {
                        start: token.start,
                        end: tokens[i + k - 1].end,
                    });
                }
            }
        }
        (merge(spans), flags)
    }
}

/// Whether a text has a word at all (the fallback snippet needs one).
fn has_word(text: &str) -> bool {
    if text.is_ascii() {
        text.bytes().any(|b| b.is_ascii_alphanumeric())
    } else {
        !tokenize(text).is_empty()
    }
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

/// The best window so far: (marked tokens, paragraph, first token, the
/// paragraph's tokens, its marked spans).
type Window = (usize, usize, usize, Vec<Token>, Vec<Span>);

/// Highlights for the whole article and its best snippet.
pub(crate) fn highlight(article: &Article, marker: &Marker) -> (Highlights, Option<Snippet>) {
    let (headline, _) = marker.mark(&tokenize(&article.headline));
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
        folded.clear();
        if text.is_ascii() {
            folded.extend(
                text.bytes()
                    .filter(|&b| b != b'\'')
                    .map(|b| char::from(b.to_ascii_lowercase())),
            );
        } else {
            // Folding is character by character, so every token's folded
            // form (apostrophes dropped) is a substring of this.
            folded.push_str(&fold(text));
            folded.retain(|c| c != '\'');
        }
        if !marker.may_match(&folded) {
            if fallback.is_none() && has_word(text) {
                fallback = Some(p);
            }
            continue;
        }
        let tokens = tokenize(text);
        if fallback.is_none() && !tokens.is_empty() {
            fallback = Some(p);
        }
        let (spans, flags) = marker.mark(&tokens);
        let (count, start) = densest_window(&flags, SNIPPET_WORDS);
        if count > 0 && best.as_ref().is_none_or(|b| count > b.0) {
            best = Some((count, p, start, tokens, spans.clone()));
        }
        if !spans.is_empty() {
            highlights.paragraphs.push(ParagraphHighlights {
                paragraph: p,
                spans,
            });
        }
    }
    if best.is_none() {
        best = fallback.map(|p| (0, p, 0, tokenize(&article.paragraphs[p].text), Vec::new()));
    }
    let snippet = best.map(|(_, p, first, tokens, spans)| {
        let text = &article.paragraphs[p].text;
        let last = (first + SNIPPET_WORDS).min(tokens.len()) - 1;
        let start = if first == 0 { 0 } else { tokens[first].start };
        let end = if last + 1 == tokens.len() {
            text.len()
        } else {
            tokens[last].end
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
mod tests {
    use super::*;
    use crate::model::{Paragraph, Role};

    fn with_role(text: &str, role: Role) -> Paragraph {
        let mut p = Paragraph::body(text);
        p.role = role;
        p
    }

    fn marker(words: &[&str], phrases: &[&[&str]]) -> Marker {
        let mut marker = Marker {
            words: words.iter().map(|w| w.to_string()).collect(),
            phrases: phrases
                .iter()
                .map(|p| p.iter().map(|w| w.to_string()).collect())
                .collect(),
            needles: Vec::new(),
        };
        marker.prepare();
        marker
    }

    fn article(headline: &str, paragraphs: &[&str]) -> Article {
        Article {
            id: "x".into(),
            headline: headline.into(),
            paragraphs: paragraphs.iter().map(|p| Paragraph::body(*p)).collect(),
            ..Default::default()
        }
    }

    #[test]
    fn marks_words_in_headline_and_paragraphs() {
        let a = article(
            "Erdoğan meets Aliyev",
            &["Nothing here.", "Then Erdoğan’s speech."],
        );
        let (h, _) = highlight(&a, &marker(&["erdogan"], &[]));
        assert_eq!(
            &a.headline[h.headline[0].start..h.headline[0].end],
            "Erdoğan"
        );
        assert_eq!(h.paragraphs.len(), 1);
        assert_eq!(h.paragraphs[0].paragraph, 1);
        let s = h.paragraphs[0].spans[0];
        assert_eq!(&a.paragraphs[1].text[s.start..s.end], "Erdoğan");
    }

    #[test]
    fn a_phrase_is_one_mark() {
        let a = article("H", &["It ended in ethnic cleansing, they said."]);
        let (h, _) = highlight(&a, &marker(&[], &[&["ethnic", "cleansing"]]));
        let s = h.paragraphs[0].spans[0];
        assert_eq!(&a.paragraphs[0].text[s.start..s.end], "ethnic cleansing");
    }

    #[test]
    fn snippet_is_the_densest_window() {
        let filler = "word ".repeat(50);
        let text = format!("{filler} baku lachin baku {filler}");
        let a = article("H", &["baku once", &text]);
        let (_, snippet) = highlight(&a, &marker(&["baku", "lachin"], &[]));
        let snippet = snippet.unwrap();
        assert_eq!(snippet.paragraph, 1);
        assert_eq!(snippet.marks.len(), 3);
        assert!(snippet.cut_before && snippet.cut_after);
        for m in &snippet.marks {
            assert!(["baku", "lachin"].contains(&&snippet.text[m.start..m.end]));
        }
    }

    #[test]
    fn no_match_gives_the_start_of_the_first_paragraph() {
        let a = article("H", &["First paragraph.", "Second."]);
        let (_, snippet) = highlight(&a, &marker(&["zzz"], &[]));
        let snippet = snippet.unwrap();
        assert_eq!(snippet.text, "First paragraph.");
        assert!(!snippet.cut_before && !snippet.cut_after);
    }

    #[test]
    fn furniture_is_neither_marked_nor_snippeted() {
        let mut a = article("H", &["Body text."]);
        a.paragraphs
            .insert(0, with_role("Subscribe to Baku", Role::Furniture));
        let (h, snippet) = highlight(&a, &marker(&["baku"], &[]));
        assert!(h.paragraphs.is_empty());
        assert_eq!(snippet.unwrap().paragraph, 1);
    }

    #[test]
    fn common_start_stops_at_a_character_boundary() {
        let words = |w: &[&str]| w.iter().map(|w| w.to_string()).collect::<Vec<_>>();
        assert_eq!(common_start(&words(&["cease", "ceasefire", "cell"])), "ce");
        assert_eq!(common_start(&words(&["şuşa", "şuşi"])), "şuş");
        assert_eq!(common_start(&words(&["é", "è"])), "");
        assert_eq!(common_start(&words(&["baku"])), "baku");
        assert_eq!(common_start(&[]), "");
    }

    #[test]
    fn a_group_of_many_forms_is_one_quick_test() {
        let forms: Vec<String> = ["cease", "ceasefire", "cell", "centre", "century", "certain"]
            .iter()
            .map(|w| w.to_string())
            .collect();
        let mut marker = Marker::default();
        marker.add_forms(forms);
        marker.add_forms(vec!["baku".into()]);
        marker.prepare();
        assert_eq!(marker.needles, ["baku", "ce"]);
        // Marks only the forms, not every word that shares their start.
        let a = article(
            "H",
            &["No match.", "A ceasefire in the centre, cerulean Baku."],
        );
        let (h, _) = highlight(&a, &marker);
        let text = &a.paragraphs[1].text;
        let marked: Vec<&str> = h.paragraphs[0]
            .spans
            .iter()
            .map(|s| &text[s.start..s.end])
            .collect();
        assert_eq!(marked, ["ceasefire", "centre", "Baku"]);
        assert_eq!(h.paragraphs.len(), 1);
    }

    #[test]
    fn overlapping_spans_merge() {
        let spans = vec![
            Span { start: 5, end: 9 },
            Span { start: 0, end: 6 },
            Span { start: 12, end: 13 },
        ];
        assert_eq!(
            merge(spans),
            [Span { start: 0, end: 9 }, Span { start: 12, end: 13 }]
        );
    }

    #[test]
    fn window_is_centred_on_its_marks() {
        let mut flags = vec![false; 100];
        flags[50] = true;
        let (count, start) = densest_window(&flags, 10);
        assert_eq!(count, 1);
        assert!(start <= 50 && 50 < start + 10 && start >= 45);
    }
}
