//! Concordance (keyword in context): every occurrence of a term with a few
//! words either side, aligned on the keyword, each line pointing at its
//! paragraph so the reading view can open there.

use std::cmp::Ordering;

use serde::{Deserialize, Serialize};

use super::{normalise, order, outlet_name, published, text_of, Occurrence, Pattern, Scope};
use crate::date::PartialDate;
use crate::model::Article;
use crate::search::{tokenize, Token};

/// How to build concordance lines.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct KwicOptions {
    /// Words of context on each side.
    pub width: usize,
    /// Which texts to read (everything by default).
    pub scope: Scope,
}

impl Default for KwicOptions {
    fn default() -> Self {
        KwicOptions {
            width: 8,
            scope: Scope::default(),
        }
    }
}

/// One concordance line. Context never crosses a paragraph's end.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct KwicLine {
    /// Where the keyword is (article index, paragraph, byte span).
    pub at: Occurrence,
    /// The article's id, for links.
    pub article_id: String,
    /// The article's outlet ([`super::UNKNOWN_OUTLET`] when unknown).
    pub outlet: String,
    /// The article's publication date, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published: Option<PartialDate>,
    /// The words before the keyword, as written (right-aligned in the view).
    pub left: String,
    /// The keyword as written.
    pub keyword: String,
    /// The words after the keyword, as written.
    pub right: String,
}

/// The orders a concordance can be read in.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum KwicSort {
    /// Dossier order: article, paragraph, position.
    #[default]
    Position,
    /// By the left context read backwards from the keyword (the word just
    /// before first), so the same lead-ins group together.
    Left,
    /// By the right context, from the word just after.
    Right,
    /// By outlet name.
    Outlet,
    /// Oldest first; undated last.
    Date,
}

/// Every occurrence of `term` ([`Pattern`] syntax: word, `prefix*` or
/// phrase) in the selected articles, in dossier order. An empty term
/// gives no lines.
pub fn concordance(
    articles: &[Article],
    selection: &[usize],
    term: &str,
    options: &KwicOptions,
) -> Vec<KwicLine> {
    let Some(pattern) = Pattern::parse(term) else {
        return Vec::new();
    };
    let mut lines = Vec::new();
    for ai in normalise(selection, articles) {
        let article = &articles[ai];
        for (paragraph, text) in options.scope.texts(article) {
            let tokens = tokenize(text);
            for (first, last) in pattern.find(&tokens) {
                let at = Occurrence {
                    article: ai,
                    paragraph,
                    start: tokens[first].start,
                    end: tokens[last - 1].end,
                };
                lines.push(line(article, at, text, &tokens, options.width));
            }
        }
    }
    lines
}

/// Concordance lines for known places (a naming-lens cell's occurrences),
/// in the order given. Places outside the articles are skipped.
pub fn lines_at(articles: &[Article], places: &[Occurrence], width: usize) -> Vec<KwicLine> {
    places
        .iter()
        .filter_map(|&at| {
            let article = articles.get(at.article)?;
            let text = text_of(article, at.paragraph);
            let ok = at.start <= at.end
                && at.end <= text.len()
                && text.is_char_boundary(at.start)
                && text.is_char_boundary(at.end);
            ok.then(|| line(article, at, text, &tokenize(text), width))
        })
        .collect()
}

fn line(article: &Article, at: Occurrence, text: &str, tokens: &[Token], width: usize) -> KwicLine {
    let before: Vec<&Token> = tokens.iter().filter(|t| t.end <= at.start).collect();
    let after: Vec<&Token> = tokens.iter().filter(|t| t.start >= at.end).collect();
    let left_from = before
        .len()
        .checked_sub(width)
        .and_then(|i| before.get(i))
        .map_or(if width == 0 { at.start } else { 0 }, |t| t.start);
    let right_to = match width {
        0 => at.end,
        w => after.get(w - 1).map_or(text.len(), |t| t.end),
    };
    KwicLine {
        at,
        article_id: article.id.clone(),
        outlet: outlet_name(article),
        published: published(article),
        left: text[left_from..at.start].trim().to_string(),
        keyword: text[at.start..at.end].to_string(),
        right: text[at.end..right_to].trim().to_string(),
    }
}

/// Sorts concordance lines in place; ties keep dossier order.
pub fn sort_lines(lines: &mut [KwicLine], sort: KwicSort) {
    let words = |s: &str| -> Vec<String> { tokenize(s).into_iter().map(|t| t.text).collect() };
    let mut keyed: Vec<(Vec<String>, KwicLine)> = lines
        .iter()
        .map(|l| {
            let key = match sort {
                KwicSort::Left => words(&l.left).into_iter().rev().collect(),
                KwicSort::Right => words(&l.right),
                _ => Vec::new(),
            };
            (key, l.clone())
        })
        .collect();
    order::sort_by(&mut keyed, |(ka, a), (kb, b)| {
        let first = match sort {
            KwicSort::Outlet => a.outlet.cmp(&b.outlet),
            KwicSort::Date => match (&a.published, &b.published) {
                (Some(x), Some(y)) => x.chronological(y),
                (Some(_), None) => Ordering::Less,
                (None, Some(_)) => Ordering::Greater,
                (None, None) => Ordering::Equal,
            },
            _ => ka.cmp(kb),
        };
        first.then(a.at.cmp(&b.at))
    });
    for (slot, (_, l)) in lines.iter_mut().zip(keyed) {
        *slot = l;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Paragraph;

    fn article(id: &str, paragraphs: &[&str]) -> Article {
        Article {
            id: id.into(),
            headline: "Headline".into(),
            paragraphs: paragraphs.iter().map(|p| Paragraph::body(*p)).collect(),
            ..Default::default()
        }
    }

    #[test]
    fn lines_are_aligned_on_the_keyword_with_n_words_each_side() {
        let a = article("a", &["one two three liberated four, five six."]);
        let opts = KwicOptions {
            width: 2,
            ..Default::default()
        };
        let lines = concordance(&[a], &[0], "liberat*", &opts);
        assert_eq!(lines.len(), 1);
        let l = &lines[0];
        assert_eq!(
            (l.left.as_str(), l.keyword.as_str(), l.right.as_str()),
            ("two three", "liberated", "four, five")
        );
        assert_eq!(l.at.paragraph, Some(0));
        assert_eq!((l.at.start, l.at.end), (14, 23));
    }

    #[test]
    fn context_stops_at_the_paragraph_edge_and_phrases_match() {
        let a = article("a", &["Ethnic cleansing ends here"]);
        let lines = concordance(&[a], &[0], "ethnic cleansing", &KwicOptions::default());
        assert_eq!(lines[0].left, "");
        assert_eq!(lines[0].keyword, "Ethnic cleansing");
        assert_eq!(lines[0].right, "ends here");
    }

    #[test]
    fn sorts_by_left_context_backwards_and_by_right_context() {
        let a = article("a", &["zeta alpha X beta", "alpha zeta X alpha"]);
        let mut lines = concordance(&[a], &[0], "x", &KwicOptions::default());
        sort_lines(&mut lines, KwicSort::Left);
        // Left contexts backwards: "alpha zeta" (para 0) vs "zeta alpha".
        assert_eq!(lines[0].at.paragraph, Some(0));
        sort_lines(&mut lines, KwicSort::Right);
        assert_eq!(lines[0].right, "alpha");
        sort_lines(&mut lines, KwicSort::Position);
        assert_eq!(lines[0].at.paragraph, Some(0));
    }

    #[test]
    fn lines_at_known_places_skip_bad_spans() {
        let a = article("a", &["Artsakh and Karabakh"]);
        let ok = Occurrence {
            article: 0,
            paragraph: Some(0),
            start: 12,
            end: 20,
        };
        let bad = Occurrence { end: 99, ..ok };
        let lines = lines_at(&[a], &[ok, bad], 3);
        assert_eq!(lines.len(), 1);
        assert_eq!(lines[0].left, "Artsakh and");
        assert_eq!(lines[0].keyword, "Karabakh");
    }
}
