//! The corpus manifest: a curator's TOML file naming the dossier and adding
//! or overriding facts about single articles.
//!
//! ```toml
//! title = "Turkey–Azerbaijan, 2021–2024"
//!
//! [articles."000_8db539debded9aa6"]
//! outlet = "International Christian Concern"           # curated (source = manifest)
//! published = { value = "2021-09-08", source = "text", note = "dateline 09/08/2021" }
//! ```
//!
//! A field is either a bare value (a curated fact) or a table with `value`,
//! `source` (`text`, `front_matter`, `manifest`, `estimated`) and an optional
//! `note` giving the evidence. Unknown keys are errors, so a typo in a
//! curated fact is never silently ignored.
//!
//! Facts about an outlet (rather than one article) go in `[outlets."Name"]`:
//! its `locale` (`en-US` reads `09/08/2021` as 8 September) and `furniture`,
//! regular expressions for lines of its pages that are page furniture.
//!
//! ```toml
//! locale = "en-GB"                          # the corpus default
//! [outlets."International Christian Concern"]
//! locale = "en-US"
//! furniture = ["^ICC is on a mission"]
//! ```
//!
//! Corpus-wide passes have their own tables, every key optional (the
//! defaults shown):
//!
//! ```toml
//! [duplicates]
//! threshold = 0.9     # near-duplicates: Jaccard similarity of 5-word shingles
//! min_words = 25      # shorter bodies merge only when identical, headline too
//!
//! [repetition]        # furniture by repetition within one outlet
//! min_articles = 3    # a line in at least this many of the outlet's articles
//! min_share = 0.3     # … and in at least this share of them
//! min_outlet_articles = 5  # only outlets with this many articles; 0 turns it off
//! ```

use std::collections::{BTreeMap, BTreeSet};

use serde::Deserialize;

use crate::date::PartialDate;
use crate::model::{Article, Fact, Provenance};

mod curated;
pub use curated::CuratedValue;

/// A parsed manifest.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Manifest {
    /// The dossier's title, shown in the explorer's header.
    #[serde(default = "default_title")]
    pub title: String,
    /// Facts per article, keyed by article id (the file name without
    /// extension, or with it when several files share a name: see
    /// [`crate::ingest::ids`]).
    #[serde(default)]
    pub articles: BTreeMap<String, ArticleFacts>,
    /// The locale of numeric dates for outlets without one of their own
    /// (`en-US`: month first; any other: day first). Without any, an
    /// ambiguous numeric date stays unresolved.
    #[serde(default)]
    pub locale: Option<String>,
    /// Facts about outlets, keyed by the outlet's name as the articles'
    /// `outlet` gives it.
    #[serde(default)]
    pub outlets: BTreeMap<String, OutletFacts>,
    /// Which fields of JSON, CSV and front-matter records hold which
    /// article field (`[fields] title = ["headline"]`); sensible defaults.
    #[serde(default)]
    pub fields: crate::ingest::formats::FieldMap,
    /// How duplicates are recognised and merged
    /// ([`crate::ingest::duplicates`]).
    #[serde(default)]
    pub duplicates: DuplicateSettings,
    /// When a line repeated across an outlet's articles is page furniture
    /// ([`crate::ingest::repetition`]).
    #[serde(default)]
    pub repetition: RepetitionSettings,
}

/// The `[duplicates]` table: when two articles are the same text.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct DuplicateSettings {
    /// Two bodies whose 5-word shingle sets have at least this Jaccard
    /// similarity (0 < threshold ≤ 1) are near-duplicates; 1 merges only
    /// identical shingle sets. Default 0.9.
    pub threshold: f64,
    /// Bodies with fewer words than this are never merged as
    /// near-duplicates (too short to tell a copy from a coincidence), and
    /// as identical only under the same headline. Default 25.
    pub min_words: usize,
}

impl Default for DuplicateSettings {
    fn default() -> Self {
        DuplicateSettings {
            threshold: 0.9,
            min_words: 25,
        }
    }
}

/// The `[repetition]` table: a body line printed verbatim on many of one
/// outlet's pages is page furniture (a slogan, a boilerplate appeal).
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct RepetitionSettings {
    /// The line is in at least this many of the outlet's articles.
    /// Default 3.
    pub min_articles: usize,
    /// … and in at least this share (0–1) of them. Default 0.3.
    pub min_share: f64,
    /// Only outlets with at least this many articles are considered (the
    /// rule is for big corpora: in a handful of articles a repeated line is
    /// as likely a quoted background sentence); 0 turns the rule off.
    /// Default 5.
    pub min_outlet_articles: usize,
}

impl Default for RepetitionSettings {
    fn default() -> Self {
        RepetitionSettings {
            min_articles: 3,
            min_share: 0.3,
            min_outlet_articles: 5,
        }
    }
}

/// What the manifest says about one outlet.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OutletFacts {
    /// The outlet's locale, which settles the order of day and month in its
    /// numeric dates (`en-US`: month first).
    pub locale: Option<String>,
    /// Regular expressions: a paragraph of this outlet's articles that
    /// matches one is page furniture (rule `manifest-furniture`).
    #[serde(default)]
    pub furniture: Vec<String>,
}

fn default_title() -> String {
    "Dossier".to_string()
}

/// What the manifest says about one article. Every field is optional.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ArticleFacts {
    /// Replaces the headline read from the file.
    pub headline: Option<String>,
    /// The outlet.
    #[serde(default, deserialize_with = "fields::outlet")]
    pub outlet: Option<CuratedFact<String>>,
    /// The author.
    #[serde(default, deserialize_with = "fields::author")]
    pub author: Option<CuratedFact<String>>,
    /// The publication date, at its precision (`YYYY`, `YYYY-MM`, `YYYY-MM-DD`).
    #[serde(default, deserialize_with = "fields::published")]
    pub published: Option<CuratedFact<PartialDate>>,
    /// Where the article was published online.
    #[serde(default, deserialize_with = "fields::url")]
    pub url: Option<CuratedFact<String>>,
    /// The article's language (`en`, `tr`, …), overriding detection.
    #[serde(default, deserialize_with = "fields::language")]
    pub language: Option<CuratedFact<String>>,
}

/// One reader per curated field, so that an error names the field.
mod fields {
    use super::{curated::field, CuratedFact, PartialDate};
    use serde::Deserializer;

    macro_rules! readers {
        ($($name:ident: $t:ty),*) => {$(
            pub fn $name<'de, D: Deserializer<'de>>(d: D) -> Result<Option<CuratedFact<$t>>, D::Error> {
                field(stringify!($name), d)
            }
        )*};
    }
    readers!(outlet: String, author: String, published: PartialDate, url: String, language: String);
}

/// A manifest field: a bare value (curated) or a value with its provenance.
/// Read by hand ([`CuratedValue`]) so that errors say what is wrong.
#[derive(Clone, Debug, PartialEq)]
pub enum CuratedFact<T> {
    /// A value with its source and evidence spelled out.
    Detailed {
        /// The value.
        value: T,
        /// Where it came from; `manifest` if omitted.
        source: Provenance,
        /// The evidence.
        note: Option<String>,
    },
    /// A bare value: a curated fact.
    Plain(T),
}

impl<T> From<CuratedFact<T>> for Fact<T> {
    fn from(fact: CuratedFact<T>) -> Fact<T> {
        match fact {
            CuratedFact::Plain(value) => Fact::new(value, Provenance::Manifest),
            CuratedFact::Detailed {
                value,
                source,
                note,
            } => Fact {
                value,
                source,
                note,
            },
        }
    }
}

/// Why a manifest could not be read.
#[derive(Debug, thiserror::Error)]
pub enum ManifestError {
    /// Not valid TOML, an unknown key or a bad value; the message names the
    /// line and the key, and the article when the error is in one.
    ///
    /// The TOML error is part of the message and deliberately not the
    /// error's `source()`: callers that print the chain (anyhow's `{:#}`)
    /// would otherwise print it twice.
    #[error("manifest: {message}")]
    Toml {
        /// The article (`[articles."id"]`) the error is in, if any.
        article: Option<String>,
        /// What is wrong, where ("TOML parse error at line 3 …").
        message: String,
    },
    /// A furniture pattern is not a valid regular expression.
    #[error("manifest: outlet {outlet:?}: furniture pattern {pattern:?} is not a valid regular expression: {reason}")]
    Pattern {
        /// The outlet whose pattern it is.
        outlet: String,
        /// The pattern.
        pattern: String,
        /// The regular-expression error.
        reason: String,
    },
    /// A corpus setting is out of range.
    #[error("manifest: [{table}] {key} = {value}: {expected}")]
    Setting {
        /// The table (`duplicates`, `repetition`).
        table: &'static str,
        /// The key.
        key: &'static str,
        /// The value given.
        value: String,
        /// What the value must be.
        expected: &'static str,
    },
}

impl Manifest {
    /// Parses a manifest. Errors name the line and the offending key.
    pub fn from_toml(text: &str) -> Result<Self, ManifestError> {
        let manifest: Manifest = toml::from_str(text).map_err(|err| {
            let article = err.span().and_then(|s| curated::article_at(text, s.start));
            let message = match &article {
                Some(id) => format!("article {id:?}: {err}"),
                None => err.to_string(),
            };
            ManifestError::Toml { article, message }
        })?;
        for (outlet, facts) in &manifest.outlets {
            for pattern in &facts.furniture {
                if let Err(err) = regex::Regex::new(pattern) {
                    return Err(ManifestError::Pattern {
                        outlet: outlet.clone(),
                        pattern: pattern.clone(),
                        reason: err.to_string(),
                    });
                }
            }
        }
        let threshold = manifest.duplicates.threshold;
        if !(threshold > 0.0 && threshold <= 1.0) {
            return Err(ManifestError::Setting {
                table: "duplicates",
                key: "threshold",
                value: threshold.to_string(),
                expected: "must be above 0 and at most 1",
            });
        }
        let share = manifest.repetition.min_share;
        if !(0.0..=1.0).contains(&share) {
            return Err(ManifestError::Setting {
                table: "repetition",
                key: "min_share",
                value: share.to_string(),
                expected: "must be between 0 and 1",
            });
        }
        Ok(manifest)
    }

    /// The order of day and month in numeric dates for `outlet`: its own
    /// locale, else the corpus locale, else unknown.
    pub fn date_order(&self, outlet: Option<&str>) -> Option<crate::ingest::dates::DateOrder> {
        let own = outlet
            .and_then(|o| self.outlets.get(o))
            .and_then(|f| f.locale.as_deref());
        own.or(self.locale.as_deref())
            .map(crate::ingest::dates::DateOrder::from_locale)
    }

    /// The outlet the manifest gives for article `id`, if any.
    pub fn outlet_of(&self, id: &str) -> Option<&str> {
        match self.articles.get(id)?.outlet.as_ref()? {
            CuratedFact::Plain(v) | CuratedFact::Detailed { value: v, .. } => Some(v.as_str()),
        }
    }

    /// Applies what the manifest says about `id` to `article`, overriding
    /// what ingest read from the file.
    pub fn apply(&self, id: &str, article: &mut Article) {
        let Some(facts) = self.articles.get(id) else {
            return;
        };
        if let Some(headline) = &facts.headline {
            article.headline = headline.clone();
        }
        if let Some(outlet) = &facts.outlet {
            article.outlet = Some(outlet.clone().into());
        }
        if let Some(author) = &facts.author {
            article.author = Some(author.clone().into());
        }
        if let Some(published) = &facts.published {
            article.published = Some(published.clone().into());
        }
        if let Some(url) = &facts.url {
            article.url = Some(url.clone().into());
        }
        if let Some(language) = &facts.language {
            article.language = Some(language.clone().into());
        }
    }

    /// Article keys in the manifest that match no ingested article: almost
    /// always a typo or a renamed file, reported as an error.
    pub fn unknown_ids<'a>(&'a self, known: &BTreeSet<&str>) -> Vec<&'a str> {
        self.articles
            .keys()
            .map(String::as_str)
            .filter(|id| !known.contains(id))
            .collect()
    }
}

#[cfg(test)]
mod tests;
