//! Building the index from articles: tokenising, stemming each article in
//! its own language, and writing the document and position streams.

use std::collections::HashMap;

use super::super::analyze::{tokenize_into, Analyzer, Token};
use super::super::store::{write_posting, write_varint, Column, Dictionary};
use super::{day_number, is_searched, SearchConfig, SearchIndex};
use crate::model::Article;

/// Marks a term whose stem in some language is not computed yet.
const UNSTEMMED: u32 = u32::MAX;

/// The outlets that printed the article: its own, then those of the
/// copies merged into it, so the outlet facet and `outlet:` find a text
/// under every outlet that published it.
fn outlet_of(article: &Article) -> Vec<&str> {
    let mut outlets: Vec<&str> = Vec::new();
    let copies = article.duplicates.iter().filter_map(|d| d.outlet.as_ref());
    for outlet in article.outlet.iter().chain(copies) {
        if !outlets.contains(&outlet.value.as_str()) {
            outlets.push(&outlet.value);
        }
    }
    outlets
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

/// The analysers in use: slot 0 is the configured (fallback) language, the
/// others are article languages that have a stemmer.
struct Analyzers {
    slots: Vec<Analyzer>,
    used: Vec<bool>,
}

impl Analyzers {
    fn new(config: &SearchConfig) -> Self {
        Analyzers {
            slots: vec![Analyzer::for_language(&config.language)],
            used: vec![false],
        }
    }

    /// The slot stemming `article`: its language when a stemmer exists for
    /// it, else the configured language.
    fn slot_of(&mut self, article: &Article) -> usize {
        let slot = match &article.language {
            Some(fact) => {
                let analyzer = Analyzer::for_language(&fact.value);
                if analyzer.language().is_empty() {
                    0
                } else {
                    match self
                        .slots
                        .iter()
                        .position(|a| a.language() == analyzer.language())
                    {
                        Some(slot) => slot,
                        None => {
                            self.slots.push(analyzer);
                            self.used.push(false);
                            self.slots.len() - 1
                        }
                    }
                }
            }
            None => 0,
        };
        self.used[slot] = true;
        slot
    }
}

/// The growing dictionaries and streams.
#[derive(Default)]
struct Builder {
    term_ids: HashMap<String, u32>,
    term_texts: Vec<String>,
    /// Per analyser slot, each term's stem id (or [`UNSTEMMED`]).
    term_stem: Vec<Vec<u32>>,
    docs: Vec<Vec<u8>>,
    positions: Vec<Vec<u8>>,
    last_doc: Vec<u32>,
    stem_ids: HashMap<String, u32>,
    stem_df: Vec<u32>,
}

impl Builder {
    fn term(&mut self, text: &str) -> u32 {
        if let Some(&id) = self.term_ids.get(text) {
            return id;
        }
        let id = self.term_texts.len() as u32;
        self.term_texts.push(text.to_string());
        self.term_ids.insert(text.to_string(), id);
        for stems in &mut self.term_stem {
            stems.push(UNSTEMMED);
        }
        self.docs.push(Vec::new());
        self.positions.push(Vec::new());
        self.last_doc.push(0);
        id
    }

    fn stem(&mut self, term: u32, slot: usize, analyzers: &Analyzers) -> u32 {
        while self.term_stem.len() <= slot {
            self.term_stem.push(vec![UNSTEMMED; self.term_texts.len()]);
        }
        let known = self.term_stem[slot][term as usize];
        if known != UNSTEMMED {
            return known;
        }
        let stem = analyzers.slots[slot]
            .stem(&self.term_texts[term as usize])
            .into_owned();
        let next = self.stem_ids.len() as u32;
        let id = *self.stem_ids.entry(stem).or_insert(next);
        if id == next {
            self.stem_df.push(0);
        }
        self.term_stem[slot][term as usize] = id;
        id
    }
}

impl SearchIndex {
    /// Builds the index over `articles` (headline, body, standfirst and
    /// captions; page furniture, bylines and bios are not searched). Each
    /// article is stemmed in its own language when a stemmer exists for it,
    /// else in [`SearchConfig::language`]. The same as adding each article
    /// to an [`IndexBuilder`] in turn.
    pub fn build(articles: &[Article], config: &SearchConfig) -> SearchIndex {
        let mut builder = IndexBuilder::new(config);
        for article in articles {
            builder.add(article);
        }
        builder.finish()
    }

    /// An [`IndexBuilder`]: the index built one article at a time, for a
    /// caller that never holds every article at once.
    pub fn builder(config: &SearchConfig) -> IndexBuilder {
        IndexBuilder::new(config)
    }
}

/// Builds a [`SearchIndex`] one article at a time, in dossier order, so a
/// big dossier can be indexed as it streams past (`dossier build` at
/// 100,000 articles) instead of from a slice of them all. What it keeps is
/// the index itself plus each article's facet values; the articles are not
/// kept. [`SearchIndex::build`] is this over a slice, so both give the same
/// bytes.
pub struct IndexBuilder {
    analyzers: Analyzers,
    b: Builder,
    index: SearchIndex,
    /// Each article's outlet, author, language and entity values, as ids
    /// into `names` (the columns are built from them at the end, when
    /// every name is known).
    columns: [FacetValues; 4],
    tokens: Vec<Token>,
    occurrences: Vec<(u32, u32)>,
    doc_stems: Vec<u32>,
}

/// One facet's values per article, interned: a few bytes an article
/// rather than a copy of its strings.
#[derive(Default)]
struct FacetValues {
    ids: HashMap<String, u32>,
    names: Vec<String>,
    starts: Vec<u32>,
    values: Vec<u32>,
}

impl FacetValues {
    fn push(&mut self, values: Vec<&str>) {
        if self.starts.is_empty() {
            self.starts.push(0);
        }
        for v in values {
            let id = match self.ids.get(v) {
                Some(&id) => id,
                None => {
                    let id = self.names.len() as u32;
                    self.names.push(v.to_string());
                    self.ids.insert(v.to_string(), id);
                    id
                }
            };
            self.values.push(id);
        }
        self.starts.push(self.values.len() as u32);
    }

    /// The column, built exactly as from the articles' own strings.
    fn column(&self) -> Column {
        let per_article: Vec<Vec<&str>> = self
            .starts
            .windows(2)
            .map(|w| {
                self.values[w[0] as usize..w[1] as usize]
                    .iter()
                    .map(|&id| self.names[id as usize].as_str())
                    .collect()
            })
            .collect();
        Column::build(per_article.iter().cloned())
    }
}

impl IndexBuilder {
    /// An empty index with these settings.
    pub fn new(config: &SearchConfig) -> Self {
        IndexBuilder {
            analyzers: Analyzers::new(config),
            b: Builder::default(),
            index: SearchIndex {
                config: config.clone(),
                ..Default::default()
            },
            columns: Default::default(),
            tokens: Vec::new(),
            occurrences: Vec::new(),
            doc_stems: Vec::new(),
        }
    }

    /// How many articles were added.
    pub fn len(&self) -> usize {
        self.index.headline_len.len()
    }

    /// Whether no article was added yet.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Adds the next article: it becomes article number [`Self::len`]
    /// (before the call) of the index.
    pub fn add(&mut self, article: &Article) {
        let doc = self.len();
        let IndexBuilder {
            analyzers,
            b,
            index,
            columns,
            tokens,
            occurrences,
            doc_stems,
        } = self;
        let slot = analyzers.slot_of(article);
        occurrences.clear();
        tokens.clear();
        tokenize_into(&article.headline, tokens);
        let headline_len = tokens.len() as u32;
        for (pos, token) in tokens.iter().enumerate() {
            occurrences.push((b.term(&token.text), pos as u32));
        }
        let mut body_len = 0;
        // Positions: headline 0.., then each searched paragraph after a
        // one-position gap, so a phrase never spans two paragraphs.
        let mut position = headline_len;
        for paragraph in article.paragraphs.iter().filter(|p| is_searched(p.role)) {
            position += 1;
            tokens.clear();
            tokenize_into(&paragraph.text, tokens);
            for token in tokens.iter() {
                occurrences.push((b.term(&token.text), position));
                position += 1;
            }
            body_len += tokens.len() as u32;
        }
        occurrences.sort_unstable();
        doc_stems.clear();
        let mut i = 0;
        while i < occurrences.len() {
            let id = occurrences[i].0;
            let run = occurrences[i..].iter().take_while(|o| o.0 == id).count();
            let slice = &occurrences[i..i + run];
            let in_headline = slice.iter().filter(|o| o.1 < headline_len).count() as u32;
            let t = id as usize;
            let delta = doc as u32 - b.last_doc[t];
            b.last_doc[t] = doc as u32;
            write_posting(&mut b.docs[t], delta, in_headline, run as u32 - in_headline);
            let mut last = 0;
            for &(_, pos) in slice {
                write_varint(&mut b.positions[t], pos - last);
                last = pos;
            }
            let stem = b.stem(id, slot, analyzers);
            doc_stems.push(stem);
            i += run;
        }
        doc_stems.sort_unstable();
        doc_stems.dedup();
        for &s in doc_stems.iter() {
            b.stem_df[s as usize] += 1;
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
        let [outlets, authors, languages, entities] = columns;
        outlets.push(outlet_of(article));
        authors.push(author_of(article));
        languages.push(language_of(article));
        entities.push(entities_of(article));
    }

    /// The finished index over every article added, in the order added.
    pub fn finish(self) -> SearchIndex {
        let IndexBuilder {
            analyzers,
            b,
            mut index,
            columns,
            ..
        } = self;
        index.stem_languages = analyzers
            .slots
            .iter()
            .zip(&analyzers.used)
            .filter(|(_, used)| **used)
            .map(|(a, _)| a.language().to_string())
            .collect();
        index.stem_languages.sort();
        index.stem_languages.dedup();
        finish(&mut index, b, &columns);
        index
    }
}

/// Sorts the dictionaries, renumbers, concatenates the streams and fills
/// the columns.
fn finish(index: &mut SearchIndex, mut b: Builder, columns: &[FacetValues; 4]) {
    // Memory: what is not needed any more goes first, and each term's
    // streams are freed as they are copied into place, so the peak stays
    // near one copy of the index rather than two.
    drop(std::mem::take(&mut b.term_ids));
    drop(std::mem::take(&mut b.last_doc));
    let mut term_order: Vec<u32> = (0..b.term_texts.len() as u32).collect();
    term_order.sort_unstable_by(|&x, &y| b.term_texts[x as usize].cmp(&b.term_texts[y as usize]));
    let sorted_terms: Vec<&str> = term_order
        .iter()
        .map(|&t| b.term_texts[t as usize].as_str())
        .collect();
    index.terms = Dictionary::from_sorted(&sorted_terms);
    index.postings_start.reserve_exact(term_order.len() + 1);
    index.positions_start.reserve_exact(term_order.len() + 1);
    index.postings_start.push(0);
    index.positions_start.push(0);
    index
        .postings
        .reserve_exact(b.docs.iter().map(Vec::len).sum());
    index
        .positions
        .reserve_exact(b.positions.iter().map(Vec::len).sum());
    for &t in &term_order {
        let docs = std::mem::take(&mut b.docs[t as usize]);
        index.postings.extend_from_slice(&docs);
        drop(docs);
        index.postings_start.push(index.postings.len() as u32);
        let positions = std::mem::take(&mut b.positions[t as usize]);
        index.positions.extend_from_slice(&positions);
        drop(positions);
        index.positions_start.push(index.positions.len() as u32);
    }
    drop(std::mem::take(&mut b.docs));
    drop(std::mem::take(&mut b.positions));
    let mut stem_texts: Vec<(&str, u32)> =
        b.stem_ids.iter().map(|(s, &id)| (s.as_str(), id)).collect();
    stem_texts.sort_unstable();
    let mut stem_rank = vec![0u32; stem_texts.len()];
    for (rank, &(_, id)) in stem_texts.iter().enumerate() {
        stem_rank[id as usize] = rank as u32;
    }
    index.stems = Dictionary::from_sorted(&stem_texts.iter().map(|s| s.0).collect::<Vec<_>>());
    index.stem_df = stem_texts
        .iter()
        .map(|&(_, id)| b.stem_df[id as usize])
        .collect();
    let mut members: Vec<(u32, u32)> = Vec::new();
    for (new_term, &old) in term_order.iter().enumerate() {
        for stems in &b.term_stem {
            let stem = stems[old as usize];
            if stem != UNSTEMMED {
                members.push((stem_rank[stem as usize], new_term as u32));
            }
        }
    }
    members.sort_unstable();
    members.dedup();
    index.stem_terms_start = vec![0; stem_texts.len() + 1];
    for &(stem, term) in &members {
        index.stem_terms_start[stem as usize + 1] += 1;
        index.stem_terms.push(term);
    }
    for s in 0..stem_texts.len() {
        index.stem_terms_start[s + 1] += index.stem_terms_start[s];
    }
    let n = index.headline_len.len().max(1) as f32;
    index.avg_headline_len = index.headline_len.iter().sum::<u32>() as f32 / n;
    index.avg_body_len = index.body_len.iter().sum::<u32>() as f32 / n;
    let [outlets, authors, languages, entities] = columns;
    index.outlets = outlets.column();
    index.authors = authors.column();
    index.languages = languages.column();
    index.entities = entities.column();
    index.norms = super::super::related::norms(index);
}
