//! Running a query: resolving words to index terms (stems, prefixes,
//! phrases, aliases, similar spellings), BM25F scoring, filtering, sorting
//! and the page of hits with highlights.

use super::analyze::{tokenize, Analyzer};
use super::facets::Constraints;
use super::index::{search_words, SearchIndex};
use super::parse::{parse_query, Query, Term};
use super::snippet::{highlight, Marker};
use super::{AliasMatch, Correction, Filters, Hit, SearchOptions, SearchResults, Sort};
use crate::entities::stems;
use crate::model::Article;
#[cfg(test)]
use order::interleave;
#[cfg(test)]
use prefix::{frequent_forms, MAX_PREFIX_FORMS};

/// Similar spellings tried per typed word.
pub(super) const MAX_CORRECTIONS: usize = 3;
/// Pages up to this long are picked by [`top_k`]; longer ones by a
/// selection then a sort.
pub(super) const TOP_K_BY_INSERTION: usize = 64;
/// Score factor of an alias match relative to the typed name.
const ALIAS_WEIGHT: f32 = 0.9;
/// Score factor of a similar-spelling match.
pub(super) const TYPO_WEIGHT: f32 = 0.5;

/// Where an alternative came from, for reporting.
#[derive(Clone, Debug, PartialEq)]
pub(super) enum Origin {
    Typed,
    Alias {
        searched: String,
        name: String,
    },
    Typo {
        typed: String,
        corrected: String,
    },
    /// The longer words an open word (still being typed) starts; ranked
    /// after the articles it matches as a finished word.
    Completion,
}

impl Origin {
    /// Whether a match through this alternative ranks in the first tier:
    /// the words as typed (and their aliases), not a similar spelling or a
    /// completion of a word still being typed.
    pub(super) fn is_exact(&self) -> bool {
        !matches!(self, Origin::Typo { .. } | Origin::Completion)
    }
}

#[derive(Clone, Debug, PartialEq)]
pub(super) enum Kind {
    /// Any of these word forms.
    Forms(Vec<u32>),
    /// These word forms in a row.
    Phrase(Vec<u32>),
    /// A word the dossier does not contain.
    Nothing,
}

#[derive(Clone, Debug)]
pub(super) struct Alternative {
    pub(super) kind: Kind,
    pub(super) weight: f32,
    pub(super) origin: Origin,
    /// For typo tolerance: the folded word, when this is a typed whole word.
    pub(super) plain_word: Option<String>,
}

/// One matching article before filtering: (article, score, matched exactly
/// rather than only through a similar spelling or a completion).
pub(crate) type Candidate = (u32, f32, bool);

impl SearchIndex {
    /// Parses `text` with [`parse_query`] and searches; the parser's messages
    /// come first in [`SearchResults::messages`].
    pub fn search_text(
        &self,
        articles: &[Article],
        text: &str,
        typing: bool,
        filters: &Filters,
        options: &SearchOptions,
    ) -> SearchResults {
        let parsed = parse_query(text, typing);
        let mut results = self.search(articles, &parsed.query, filters, options);
        let mut messages = parsed.messages;
        messages.append(&mut results.messages);
        results.messages = messages;
        results
    }

    /// Finds the articles matching `query` and `filters`.
    ///
    /// `articles` must be the slice the index was built from; it is read
    /// only for the page's highlights and snippets (an empty slice gives
    /// hits without them).
    pub fn search(
        &self,
        articles: &[Article],
        query: &Query,
        filters: &Filters,
        options: &SearchOptions,
    ) -> SearchResults {
        let mut messages = Vec::new();
        let analyzer = self.analyzers();
        let mut groups: Vec<Vec<Alternative>> = Vec::new();
        for group in &query.groups {
            let mut alternatives = Vec::new();
            for term in &group.any_of {
                match self.resolve(&analyzer, term) {
                    Some(alt) => {
                        let aliases = self.aliases_of(&analyzer, term, &alt, &group.any_of);
                        let completions = self.completions(term, &alt);
                        alternatives.push(alt);
                        alternatives.extend(aliases);
                        alternatives.extend(completions);
                    }
                    None => messages.push(format!(
                        "{} has no letters or digits to search for; it was ignored.",
                        term.display()
                    )),
                }
            }
            if !alternatives.is_empty() {
                groups.push(alternatives);
            }
        }
        let excluded: Vec<Alternative> = query
            .excluded
            .iter()
            .filter_map(|t| self.resolve(&analyzer, t))
            .collect();
        let mut candidates = self.evaluate(&groups, &excluded);
        // Similar spellings only when the query finds few articles, its
        // open word's completions included: while a word is being typed,
        // the words it starts are the likelier intent, and the dictionary
        // scan at every keystroke cost a 10k page 2-3 ms a key. A finished
        // word still gets every correction it would alone.
        let threshold = self.config.typo_threshold;
        let found = candidates.len().min(threshold);
        if !groups.is_empty() && found < threshold && self.add_typos(&mut groups) {
            candidates = self.evaluate(&groups, &excluded);
        }
        let constraints = Constraints::new(self, query, filters, &mut messages);
        let (mut passing, facets, timeline) = constraints.apply(self, candidates);
        let mut results = SearchResults {
            total: passing.len(),
            facets,
            timeline,
            ..Default::default()
        };
        // Without branches: which precision an article has is as good as
        // random, and a mispredicted branch per hit cost more than the
        // counting itself.
        let (mut undated, mut approximate) = (0, 0);
        for &(doc, _, _) in &passing {
            let precision = self.precision[doc as usize];
            undated += usize::from(precision == 0);
            approximate += usize::from(precision == 1 || precision == 2);
        }
        results.undated = undated;
        results.approximate_dates = approximate;
        // Completions have nothing to report: the reader sees the word
        // being typed.
        if groups
            .iter()
            .flatten()
            .any(|a| matches!(a.origin, Origin::Alias { .. } | Origin::Typo { .. }))
        {
            self.report_expansions(&groups, &passing, &mut results);
        }
        self.sort(
            &mut passing,
            options,
            options.offset.saturating_add(options.limit),
        );
        let marker = self.marker(&groups);
        results.hits = passing
            .iter()
            .skip(options.offset)
            .take(options.limit)
            .map(|&(doc, score, _)| {
                let (highlights, snippet) = match articles.get(doc as usize) {
                    Some(article) => highlight(article, &marker),
                    None => Default::default(),
                };
                Hit {
                    article: doc as usize,
                    score,
                    highlights,
                    snippet,
                }
            })
            .collect();
        results.marker = marker;
        // Only a phrase the reader typed waits for the word positions: an
        // alias that is a phrase ("Nagorno-Karabakh" for "karabakh") is
        // matched by its words meanwhile, so a word typed never costs the
        // positions' download.
        results.phrases_pending = self.positions_pending()
            && groups.iter().flatten().chain(&excluded).any(|a| {
                matches!(a.kind, Kind::Phrase(_)) && !matches!(a.origin, Origin::Alias { .. })
            });
        results.messages = messages;
        results
    }

    /// Resolves a typed term to word forms of the index; `None` when it has
    /// nothing to search for. An open word resolves as a finished one; its
    /// completions are [`SearchIndex::completions`].
    pub(super) fn resolve(&self, analyzers: &[Analyzer], term: &Term) -> Option<Alternative> {
        let (text, prefix, phrase) = match term {
            Term::Word { text, prefix, open } => (text, *prefix && !*open, false),
            Term::Phrase(text) => (text, false, true),
        };
        let tokens = tokenize(text);
        let alternative = |kind, plain_word| Alternative {
            kind,
            weight: 1.0,
            origin: Origin::Typed,
            plain_word,
        };
        match tokens.as_slice() {
            [] => None,
            [token] if prefix => Some(alternative(
                Kind::Forms(self.prefix_forms(&token.text)),
                None,
            )),
            [token] if phrase => {
                let kind = match self.terms.find(&token.text) {
                    Some(t) => Kind::Forms(vec![t as u32]),
                    None => Kind::Nothing,
                };
                Some(alternative(kind, None))
            }
            [token] => {
                let mut forms: Vec<u32> = Vec::new();
                for analyzer in analyzers {
                    if let Some(s) = self.stems.find(&analyzer.stem(&token.text)) {
                        forms.extend_from_slice(self.stem_members(s));
                    }
                }
                forms.sort_unstable();
                forms.dedup();
                let kind = if forms.is_empty() {
                    Kind::Nothing
                } else {
                    Kind::Forms(forms)
                };
                Some(alternative(kind, Some(token.text.clone())))
            }
            tokens => {
                let ids: Option<Vec<u32>> = tokens
                    .iter()
                    .map(|t| self.terms.find(&t.text).map(|i| i as u32))
                    .collect();
                Some(alternative(ids.map_or(Kind::Nothing, Kind::Phrase), None))
            }
        }
    }

    /// The other names of every alias group one of whose names is `term`.
    fn aliases_of(
        &self,
        analyzer: &[Analyzer],
        term: &Term,
        resolved: &Alternative,
        group: &[Term],
    ) -> Vec<Alternative> {
        // A word still being typed (a prefix) expands too, but only once it
        // spells a whole name of a group: "shus" does not, "shusha" does.
        // Quotes ask for exactly what is inside them: "Artsakh" is what a
        // reader types to see who writes that name, so it gets no aliases.
        let text = match term {
            Term::Word { text, .. } => text,
            Term::Phrase(_) => return Vec::new(),
        };
        if self.config.aliases.is_empty() {
            return Vec::new();
        }
        let typed = search_words(text);
        let typed_in_group: Vec<Vec<String>> = group
            .iter()
            .map(|t| search_words(&t.display().replace(['"', '*'], "")))
            .collect();
        let mut out: Vec<Alternative> = Vec::new();
        let alias_words = &self.derived().alias_words;
        for (names, words_of) in self.config.aliases.iter().zip(alias_words) {
            // "Армения" is a form of the gazetteer's stem "Армени*".
            let is_a_name = words_of.contains(&typed)
                || names
                    .iter()
                    .zip(words_of)
                    .any(|(n, words)| n.contains(stems::MARKER) && forms_of(&typed, words));
            if !is_a_name {
                continue;
            }
            for (name, words) in names.iter().zip(words_of) {
                if words.is_empty() || typed_in_group.contains(words) {
                    continue;
                }
                // A gazetteer stem ("Карабах*") is searched as the prefix
                // it is, and named as one ("Карабах…").
                let shown = stems::without_markers(name);
                let label = name.replace(stems::MARKER, "…");
                let alias_term = if words.len() == 1 {
                    Term::Word {
                        text: shown.clone(),
                        prefix: name.ends_with(stems::MARKER),
                        open: false,
                    }
                } else {
                    Term::Phrase(shown.clone())
                };
                if let Some(mut alt) = self.resolve(analyzer, &alias_term) {
                    if out.iter().any(|o| o.kind == alt.kind) || alt.kind == resolved.kind {
                        continue;
                    }
                    alt.weight = ALIAS_WEIGHT;
                    alt.plain_word = None;
                    alt.origin = Origin::Alias {
                        searched: text.trim().to_string(),
                        name: label,
                    };
                    out.push(alt);
                }
            }
        }
        out
    }

    fn report_expansions(
        &self,
        groups: &[Vec<Alternative>],
        passing: &[Candidate],
        results: &mut SearchResults,
    ) {
        let mut in_results = vec![false; self.len()];
        for c in passing {
            in_results[c.0 as usize] = true;
        }
        for alt in groups.iter().flatten() {
            let matched = || self.matches(alt).iter().any(|m| in_results[m.0 as usize]);
            match &alt.origin {
                Origin::Alias { searched, name } if matched() => {
                    let m = AliasMatch {
                        searched: searched.clone(),
                        also_matching: name.clone(),
                    };
                    if !results.aliases_matched.contains(&m) {
                        results.aliases_matched.push(m);
                    }
                }
                Origin::Typo { typed, corrected } if matched() => {
                    results.typo_corrections.push(Correction {
                        typed: typed.clone(),
                        corrected: corrected.clone(),
                    })
                }
                _ => {}
            }
        }
    }

    fn marker(&self, groups: &[Vec<Alternative>]) -> Marker {
        let mut marker = Marker::default();
        for alt in groups.iter().flatten() {
            match &alt.kind {
                Kind::Forms(forms) => marker.add_forms(
                    forms
                        .iter()
                        .map(|&t| self.terms.get(t as usize).to_string())
                        .collect(),
                ),
                Kind::Phrase(ids) => marker.phrases.push(
                    ids.iter()
                        .map(|&t| self.terms.get(t as usize).to_string())
                        .collect(),
                ),
                Kind::Nothing => {}
            }
        }
        marker.prepare();
        marker
    }
}

mod order;
mod prefix;

#[cfg(test)]
mod tests;

/// Whether the typed words are forms of a stemmed name's words: each the
/// same word, or it followed by at most [`stems::MAX_ENDING`] letters of
/// its script. Read from the words the index keeps for every name (no
/// folding or allocation here: it runs for every alias group at every
/// keystroke), which treats each word of a name with a stem as one.
fn forms_of(typed: &[String], words: &[String]) -> bool {
    typed.len() == words.len()
        && typed.iter().zip(words).all(|(t, w)| {
            let Some(ending) = t.strip_prefix(w.as_str()) else {
                return false;
            };
            let ascii = w.chars().next_back().is_some_and(|c| c.is_ascii());
            ending.chars().count() <= stems::MAX_ENDING
                && ending
                    .chars()
                    .all(|c| c.is_alphabetic() && c.is_ascii() == ascii)
        })
}
