//! Related articles: TF-IDF cosine similarity over stems.
//!
//! Each article is a vector of `(1 + ln tf) · ln(1 + N / df)` per stem; the
//! norms are computed once at build. On open, the article's own text is
//! re-read, its most distinctive stems (at most [`QUERY_STEMS`]) are looked
//! up, and only their postings are walked, so the cost is a few postings
//! lists, not the whole corpus.

use std::collections::BTreeMap;

use super::analyze::tokenize_into;
use super::index::{is_searched, SearchIndex};
use crate::model::Article;

/// How many of the article's stems are compared.
pub const QUERY_STEMS: usize = 40;

fn stem_idf(n: usize, df: u32) -> f32 {
    (1.0 + n as f32 / df.max(1) as f32).ln()
}

fn weight(tf: u32, idf: f32) -> f32 {
    (1.0 + (tf as f32).ln()) * idf
}

/// Sums a stem's term frequency per article (over its word forms) into
/// `tf`, recording touched articles; calls `each(doc, tf)` then resets.
fn per_doc_tf(
    index: &SearchIndex,
    stem: usize,
    tf: &mut [u32],
    touched: &mut Vec<u32>,
    mut each: impl FnMut(u32, u32),
) {
    for &term in index.stem_members(stem) {
        for p in index.postings(term as usize) {
            let slot = &mut tf[p.doc as usize];
            if *slot == 0 {
                touched.push(p.doc);
            }
            *slot += p.headline + p.body;
        }
    }
    for &doc in touched.iter() {
        each(doc, tf[doc as usize]);
        tf[doc as usize] = 0;
    }
    touched.clear();
}

/// The TF-IDF vector length of every article.
pub(crate) fn norms(index: &SearchIndex) -> Vec<f32> {
    let n = index.len();
    let mut squares = vec![0f32; n];
    let mut tf = vec![0u32; n];
    let mut touched = Vec::new();
    for stem in 0..index.stems.len() {
        let idf = stem_idf(n, index.stem_df[stem]);
        per_doc_tf(index, stem, &mut tf, &mut touched, |doc, t| {
            squares[doc as usize] += weight(t, idf).powi(2);
        });
    }
    squares.into_iter().map(f32::sqrt).collect()
}

impl SearchIndex {
    /// The `n` articles most similar to article number `article`, with
    /// their cosine similarity (0–1), most similar first (ties in dossier
    /// order). `articles` is the slice the index was built from.
    pub fn related(&self, articles: &[Article], article: usize, n: usize) -> Vec<(usize, f32)> {
        let Some(source) = articles.get(article) else {
            return Vec::new();
        };
        if article >= self.len() || n == 0 {
            return Vec::new();
        }
        let analyzer = self.analyzer_for(source);
        let mut tokens = Vec::new();
        tokenize_into(&source.headline, &mut tokens);
        for p in source.paragraphs.iter().filter(|p| is_searched(p.role)) {
            tokenize_into(&p.text, &mut tokens);
        }
        let mut counts: BTreeMap<&str, u32> = BTreeMap::new();
        for t in &tokens {
            *counts.entry(t.text.as_str()).or_default() += 1;
        }
        let mut stems: BTreeMap<usize, u32> = BTreeMap::new();
        for (word, count) in counts {
            if let Some(s) = self.stems.find(&analyzer.stem(word)) {
                *stems.entry(s).or_default() += count;
            }
        }
        let total = self.len();
        let mut weights: Vec<(f32, usize)> = stems
            .iter()
            .map(|(&s, &tf)| (weight(tf, stem_idf(total, self.stem_df[s])), s))
            .collect();
        let query_norm = weights.iter().map(|w| w.0 * w.0).sum::<f32>().sqrt();
        weights.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
        weights.truncate(QUERY_STEMS);
        let mut dots = vec![0f32; total];
        let mut tf = vec![0u32; total];
        let mut touched = Vec::new();
        for (w, stem) in weights {
            let idf = stem_idf(total, self.stem_df[stem]);
            per_doc_tf(self, stem, &mut tf, &mut touched, |doc, t| {
                dots[doc as usize] += w * weight(t, idf);
            });
        }
        let mut scored: Vec<(usize, f32)> = dots
            .into_iter()
            .enumerate()
            .filter(|&(d, dot)| d != article && dot > 0.0 && self.norms[d] > 0.0)
            .map(|(d, dot)| (d, (dot / (query_norm * self.norms[d])).min(1.0)))
            .collect();
        scored.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        scored.truncate(n);
        scored
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Paragraph;
    use crate::search::SearchConfig;

    fn article(text: &str) -> Article {
        Article {
            id: text.into(),
            headline: String::new(),
            paragraphs: vec![Paragraph::body(text)],
            ..Default::default()
        }
    }

    #[test]
    fn the_most_similar_article_comes_first() {
        let articles = [
            article("military drills in Lachin corridor"),
            article("bread prices rise at the capital"),
            article("joint military drills near Lachin"),
            article("drills"),
        ];
        let index = SearchIndex::build(&articles, &SearchConfig::default());
        let related = index.related(&articles, 0, 5);
        assert_eq!(related[0].0, 2);
        assert!(related.iter().all(|r| r.0 != 0 && r.0 != 1));
    }

    #[test]
    fn an_identical_article_scores_one() {
        let articles = [
            article("baku lachin"),
            article("baku lachin"),
            article("other words"),
        ];
        let index = SearchIndex::build(&articles, &SearchConfig::default());
        let related = index.related(&articles, 0, 1);
        assert_eq!(related[0].0, 1);
        assert!((related[0].1 - 1.0).abs() < 1e-4);
    }

    #[test]
    fn out_of_range_or_zero_asks_give_nothing() {
        let articles = [article("baku")];
        let index = SearchIndex::build(&articles, &SearchConfig::default());
        assert!(index.related(&articles, 5, 3).is_empty());
        assert!(index.related(&articles, 0, 0).is_empty());
        assert!(index.related(&articles, 0, 3).is_empty());
    }

    #[test]
    fn norms_are_positive_for_articles_with_words() {
        let articles = [article("baku"), article("")];
        let index = SearchIndex::build(&articles, &SearchConfig::default());
        assert!(index.norms[0] > 0.0);
        assert_eq!(index.norms[1], 0.0);
    }
}
