//! The index: a sorted term dictionary with compressed positional postings,
//! a stem table over it, and per-article columns for ranking and facets.
//!
//! Layout (all plain vectors, so it serialises compactly and loads fast):
//! - `terms`: every folded word form, sorted, concatenated in one string.
//! - `postings`: per term, in article order, varint-encoded
//!   `article delta, headline count, body count, position deltas…`.
//! - `stems` → the term ids sharing that stem (CSR), with document frequency.
//! - columns: token counts, date span and precision, outlet/author/language/
//!   entity ids (multi-valued CSR) and the TF-IDF norm for related articles.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use super::analyze::{tokenize_into, Analyzer, Token};
use super::store::write_varint;
pub(crate) use super::store::{Column, Dictionary, Postings};
use crate::model::{Article, Role};

/// Settings that shape the index and ranking; stored in the index.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct SearchConfig {
    /// Groups of names for the same thing (`["Shusha", "Shushi", "Şuşa"]`):
    /// searching one also finds the others, and results say so.
    pub aliases: Vec<Vec<String>>,
    /// BM25F weight of a headline match.
    pub headline_weight: f32,
    /// BM25F weight of a body match.
    pub body_weight: f32,
    /// BM25 term-frequency saturation.
    pub k1: f32,
    /// BM25 length normalisation (0 = none, 1 = full).
    pub b: f32,
    /// Similar spellings are tried when fewer than this many articles match
    /// exactly.
    pub typo_threshold: usize,
    /// Language code of the stemmer (`"en"`).
    pub language: String,
}

impl Default for SearchConfig {
    fn default() -> Self {
        SearchConfig {
            aliases: Vec::new(),
            headline_weight: 3.0,
            body_weight: 1.0,
            k1: 1.2,
            b: 0.75,
            typo_threshold: 3,
            language: "en".into(),
        }
    }
}

/// A prebuilt search index over a list of articles. Build it with
/// [`SearchIndex::build`] (or load a serialised one) and query it with
/// [`SearchIndex::search`]; article numbers are indices into the slice it
/// was built from, which must be passed again for highlights.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct SearchIndex {
    pub(crate) config: SearchConfig,
    pub(crate) terms: Dictionary,
    pub(crate) postings_start: Vec<u32>,
    pub(crate) postings: Vec<u8>,
    pub(crate) stems: Dictionary,
    pub(crate) stem_df: Vec<u32>,
    pub(crate) stem_terms_start: Vec<u32>,
    pub(crate) stem_terms: Vec<u32>,
    pub(crate) headline_len: Vec<u32>,
    pub(crate) body_len: Vec<u32>,
    pub(crate) avg_headline_len: f32,
    pub(crate) avg_body_len: f32,
    /// Date span as `yyyymmdd` numbers and precision (0 undated, 1 year,
    /// 2 month, 3 day).
    pub(crate) date_start: Vec<i32>,
    pub(crate) date_end: Vec<i32>,
    pub(crate) precision: Vec<u8>,
    pub(crate) outlets: Column,
    pub(crate) authors: Column,
    pub(crate) languages: Column,
    pub(crate) entities: Column,
    pub(crate) norms: Vec<f32>,
}

/// The paragraphs that are searched: body, standfirst and captions.
pub(crate) fn is_searched(role: Role) -> bool {
    matches!(role, Role::Body | Role::Dek | Role::Caption)
}

/// `yyyymmdd` as one sortable number.
pub(crate) fn day_number((y, m, d): (i32, u8, u8)) -> i32 {
    y * 10_000 + i32::from(m) * 100 + i32::from(d)
}

fn outlet_of(article: &Article) -> Vec<&str> {
    article.outlet.iter().map(|f| f.value.as_str()).collect()
}

fn author_of(article: &Article) -> Vec<&str> {
    article.author.iter().map(|f| f.value.as_str()).collect()
}

fn language_of(article: &Article) -> Vec<&str> {
    article.language.iter().map(|f| f.value.as_str()).collect()
}

/// Gazetteer entity ids the article mentions (the facet value is the id; the
/// UI names it from the gazetteer).
fn entities_of(article: &Article) -> Vec<&str> {
    article.mentions.iter().map(|m| m.entity.as_str()).collect()
}

impl SearchIndex {
    /// Builds the index over `articles` (headline, body, standfirst and
    /// captions; page furniture, bylines and bios are not searched).
    pub fn build(articles: &[Article], config: &SearchConfig) -> SearchIndex {
        let analyzer = Analyzer::for_language(&config.language);
        let mut term_ids: HashMap<String, u32> = HashMap::new();
        let mut term_texts: Vec<String> = Vec::new();
        let mut term_stem: Vec<u32> = Vec::new();
        let mut term_postings: Vec<Vec<u8>> = Vec::new();
        let mut term_last_doc: Vec<u32> = Vec::new();
        let mut stem_ids: HashMap<String, u32> = HashMap::new();
        let mut stem_df: Vec<u32> = Vec::new();
        let mut index = SearchIndex {
            config: config.clone(),
            ..Default::default()
        };
        let mut tokens: Vec<Token> = Vec::new();
        let mut occurrences: Vec<(u32, u32)> = Vec::new();
        let mut doc_stems: Vec<u32> = Vec::new();
        for (doc, article) in articles.iter().enumerate() {
            occurrences.clear();
            tokens.clear();
            tokenize_into(&article.headline, &mut tokens);
            let headline_len = tokens.len() as u32;
            let mut body_len = 0;
            // Positions: headline 0.., then each searched paragraph after a
            // one-position gap, so a phrase never spans two paragraphs.
            let mut positions: Vec<u32> = (0..headline_len).collect();
            let mut position = headline_len;
            for paragraph in article.paragraphs.iter().filter(|p| is_searched(p.role)) {
                position += 1;
                let before = tokens.len();
                tokenize_into(&paragraph.text, &mut tokens);
                let added = (tokens.len() - before) as u32;
                positions.extend(position..position + added);
                position += added;
                body_len += added;
            }
            for (token, pos) in tokens.drain(..).zip(positions) {
                let id = match term_ids.get(&token.text) {
                    Some(&id) => id,
                    None => {
                        let id = term_texts.len() as u32;
                        let stem = analyzer.stem(&token.text).into_owned();
                        let next_stem = stem_ids.len() as u32;
                        let stem_id = *stem_ids.entry(stem).or_insert(next_stem);
                        if stem_id == next_stem {
                            stem_df.push(0);
                        }
                        term_stem.push(stem_id);
                        term_postings.push(Vec::new());
                        term_last_doc.push(0);
                        term_texts.push(token.text.clone());
                        term_ids.insert(token.text, id);
                        id
                    }
                };
                occurrences.push((id, pos));
            }
            occurrences.sort_unstable();
            doc_stems.clear();
            let mut i = 0;
            while i < occurrences.len() {
                let id = occurrences[i].0;
                let run = occurrences[i..].iter().take_while(|o| o.0 == id).count();
                let slice = &occurrences[i..i + run];
                let in_headline = slice.iter().filter(|o| o.1 < headline_len).count() as u32;
                let out = &mut term_postings[id as usize];
                write_varint(out, doc as u32 - term_last_doc[id as usize]);
                term_last_doc[id as usize] = doc as u32;
                write_varint(out, in_headline);
                write_varint(out, run as u32 - in_headline);
                let mut last = 0;
                for &(_, pos) in slice {
                    write_varint(out, pos - last);
                    last = pos;
                }
                doc_stems.push(term_stem[id as usize]);
                i += run;
            }
            doc_stems.sort_unstable();
            doc_stems.dedup();
            for &s in &doc_stems {
                stem_df[s as usize] += 1;
            }
            index.headline_len.push(headline_len);
            index.body_len.push(body_len);
            let (start, end, precision) = match &article.published {
                Some(fact) => {
                    let (s, e) = fact.value.span();
                    (
                        day_number(s),
                        day_number(e),
                        fact.value.precision() as u8 + 1,
                    )
                }
                None => (0, 0, 0),
            };
            index.date_start.push(start);
            index.date_end.push(end);
            index.precision.push(precision);
        }
        // Sort the dictionaries and renumber.
        let mut term_order: Vec<u32> = (0..term_texts.len() as u32).collect();
        term_order.sort_unstable_by(|&a, &b| term_texts[a as usize].cmp(&term_texts[b as usize]));
        let sorted_terms: Vec<&str> = term_order
            .iter()
            .map(|&t| term_texts[t as usize].as_str())
            .collect();
        index.terms = Dictionary::from_sorted(&sorted_terms);
        index.postings_start.push(0);
        for &t in &term_order {
            index.postings.extend_from_slice(&term_postings[t as usize]);
            index.postings_start.push(index.postings.len() as u32);
        }
        let mut stem_texts: Vec<(&str, u32)> =
            stem_ids.iter().map(|(s, &id)| (s.as_str(), id)).collect();
        stem_texts.sort_unstable();
        let mut stem_rank = vec![0u32; stem_texts.len()];
        for (rank, &(_, id)) in stem_texts.iter().enumerate() {
            stem_rank[id as usize] = rank as u32;
        }
        index.stems = Dictionary::from_sorted(&stem_texts.iter().map(|s| s.0).collect::<Vec<_>>());
        index.stem_df = stem_texts
            .iter()
            .map(|&(_, id)| stem_df[id as usize])
            .collect();
        let mut members: Vec<(u32, u32)> = term_order
            .iter()
            .enumerate()
            .map(|(new_term, &old)| (stem_rank[term_stem[old as usize] as usize], new_term as u32))
            .collect();
        members.sort_unstable();
        index.stem_terms_start = vec![0; stem_texts.len() + 1];
        for &(stem, term) in &members {
            index.stem_terms_start[stem as usize + 1] += 1;
            index.stem_terms.push(term);
        }
        for s in 0..stem_texts.len() {
            index.stem_terms_start[s + 1] += index.stem_terms_start[s];
        }
        let n = articles.len().max(1) as f32;
        index.avg_headline_len = index.headline_len.iter().sum::<u32>() as f32 / n;
        index.avg_body_len = index.body_len.iter().sum::<u32>() as f32 / n;
        index.outlets = Column::build(articles.iter().map(outlet_of));
        index.authors = Column::build(articles.iter().map(author_of));
        index.languages = Column::build(articles.iter().map(language_of));
        index.entities = Column::build(articles.iter().map(entities_of));
        index.norms = super::related::norms(&index);
        index
    }

    /// Number of articles indexed.
    pub fn len(&self) -> usize {
        self.headline_len.len()
    }

    /// Whether no article is indexed.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The settings the index was built with.
    pub fn config(&self) -> &SearchConfig {
        &self.config
    }

    /// Number of distinct word forms.
    pub fn word_count(&self) -> usize {
        self.terms.len()
    }

    /// Approximate memory held by the index, in bytes.
    pub fn size_bytes(&self) -> usize {
        let columns = [
            &self.outlets,
            &self.authors,
            &self.languages,
            &self.entities,
        ]
        .iter()
        .map(|c| {
            c.names.iter().map(|n| n.len() + 24).sum::<usize>() + 4 * (c.starts.len() + c.ids.len())
        })
        .sum::<usize>();
        self.terms.text.len()
            + 4 * self.terms.ends.len()
            + 4 * self.postings_start.len()
            + self.postings.len()
            + self.stems.text.len()
            + 4 * (self.stems.ends.len()
                + self.stem_df.len()
                + self.stem_terms_start.len()
                + self.stem_terms.len())
            + 4 * 6 * self.len()
            + self.precision.len()
            + columns
    }

    /// The index as JSON, to ship prebuilt with a bundle.
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    /// Reads an index written by [`SearchIndex::to_json`].
    pub fn from_json(json: &str) -> Result<SearchIndex, serde_json::Error> {
        serde_json::from_str(json)
    }

    pub(crate) fn postings(&self, term: usize) -> Postings<'_> {
        let range = self.postings_start[term] as usize..self.postings_start[term + 1] as usize;
        Postings {
            bytes: &self.postings[range],
            at: 0,
            doc: 0,
        }
    }

    /// Term ids sharing the stem with id `stem`.
    pub(crate) fn stem_members(&self, stem: usize) -> &[u32] {
        &self.stem_terms
            [self.stem_terms_start[stem] as usize..self.stem_terms_start[stem + 1] as usize]
    }

    pub(crate) fn analyzer(&self) -> Analyzer {
        Analyzer::for_language(&self.config.language)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Paragraph;

    fn with_role(text: &str, role: Role) -> Paragraph {
        let mut p = Paragraph::body(text);
        p.role = role;
        p
    }

    fn article(headline: &str, paragraphs: &[&str]) -> Article {
        Article {
            id: headline.into(),
            headline: headline.into(),
            paragraphs: paragraphs.iter().map(|p| Paragraph::body(*p)).collect(),
            ..Default::default()
        }
    }

    #[test]
    fn postings_record_headline_and_body_counts_and_positions() {
        let index = SearchIndex::build(
            &[article("Baku news", &["Baku and Baku.", "More Baku"])],
            &SearchConfig::default(),
        );
        let t = index.terms.find("baku").unwrap();
        let p: Vec<_> = index.postings(t).collect();
        assert_eq!((p[0].doc, p[0].headline, p[0].body), (0, 1, 3));
        // headline 0..2, gap, paragraph 3..6, gap, paragraph 7..9
        assert_eq!(p[0].positions(), [0, 3, 5, 8]);
    }

    #[test]
    fn stems_group_word_forms() {
        let index = SearchIndex::build(
            &[article("Talks", &["talk talking"])],
            &SearchConfig::default(),
        );
        let s = index.stems.find("talk").unwrap();
        let forms: Vec<&str> = index
            .stem_members(s)
            .iter()
            .map(|&t| index.terms.get(t as usize))
            .collect();
        assert_eq!(forms, ["talk", "talking", "talks"]);
        assert_eq!(index.stem_df[s], 1);
    }

    #[test]
    fn furniture_and_bylines_are_not_indexed() {
        let mut a = article("Headline", &["Body"]);
        a.paragraphs.push(with_role("Subscribe", Role::Furniture));
        a.paragraphs
            .push(with_role("Author: Someone", Role::Byline));
        a.paragraphs.push(with_role("Map caption", Role::Caption));
        let index = SearchIndex::build(&[a], &SearchConfig::default());
        assert!(index.terms.find("subscribe").is_none());
        assert!(index.terms.find("someone").is_none());
        assert!(index.terms.find("caption").is_some());
        assert_eq!(index.body_len, [3]);
    }

    #[test]
    fn empty_corpus_builds() {
        let index = SearchIndex::build(&[], &SearchConfig::default());
        assert!(index.is_empty());
        assert_eq!(index.word_count(), 0);
    }

    #[test]
    fn build_is_deterministic() {
        let articles = [
            article("Şuşa talks", &["Erdoğan met Aliyev."]),
            article("Baku", &["Aliyev spoke."]),
        ];
        let a = SearchIndex::build(&articles, &SearchConfig::default()).to_json();
        let b = SearchIndex::build(&articles, &SearchConfig::default()).to_json();
        assert_eq!(a, b);
    }
}
