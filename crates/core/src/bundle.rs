//! The dossier bundle: the versioned JSON document the explorer loads.
//!
//! Layout (schema version 1):
//!
//! ```json
//! { "schema_version": 1,
//!   "title": "…",
//!   "articles": [ { "id": "…", "source_file": "…", "headline": "…",
//!                   "paragraphs": [ { "text": "…", "role": "caption" } ],
//!                   "outlet": { "value": "…", "source": "manifest", "note": "…" },
//!                   "published": { "value": "2021-10", "source": "manifest" } } ] }
//! ```
//!
//! Compatibility rule: adding an optional field keeps the version (readers
//! ignore fields they do not know, and default the ones they miss); changing
//! the meaning or type of a field bumps [`SCHEMA_VERSION`], and a reader
//! refuses a version it does not know with a message saying which.

use serde::{Deserialize, Serialize};

use crate::model::Article;

/// The bundle format version this build writes and reads.
pub const SCHEMA_VERSION: u32 = 1;

/// A whole dossier: its title and its articles, ordered by publication date.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Bundle {
    /// Format version; see the module docs.
    pub schema_version: u32,
    /// The dossier's title, from the manifest.
    pub title: String,
    /// The articles, oldest first; undated articles last.
    pub articles: Vec<Article>,
}

/// Why a bundle could not be read.
#[derive(Debug, thiserror::Error)]
pub enum BundleError {
    /// The text is not JSON, or lacks the version field.
    #[error("the dossier data is damaged (not a dossier bundle): {0}")]
    Malformed(serde_json::Error),
    /// Written by another version of Dossier.
    #[error(
        "this dossier was built with data format version {found}, but this explorer reads version {expected}; rebuild the dossier with a matching `dossier build`"
    )]
    UnknownVersion {
        /// The version found in the data.
        found: u32,
        /// The version this build reads.
        expected: u32,
    },
}

impl Bundle {
    /// A bundle of the current version, with articles put in date order.
    pub fn new(title: String, mut articles: Vec<Article>) -> Self {
        sort_by_date(&mut articles);
        Bundle {
            schema_version: SCHEMA_VERSION,
            title,
            articles,
        }
    }

    /// Serialises to compact JSON. Deterministic: the same bundle gives the
    /// same bytes.
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).expect("a bundle always serialises")
    }

    /// Reads a bundle, checking its version before anything else so an old
    /// or newer file gets a clear message rather than a field error.
    pub fn from_json(json: &str) -> Result<Self, BundleError> {
        #[derive(Deserialize)]
        struct Header {
            schema_version: u32,
        }
        let header: Header = serde_json::from_str(json).map_err(BundleError::Malformed)?;
        if header.schema_version != SCHEMA_VERSION {
            return Err(BundleError::UnknownVersion {
                found: header.schema_version,
                expected: SCHEMA_VERSION,
            });
        }
        serde_json::from_str(json).map_err(BundleError::Malformed)
    }

    /// The article with this id.
    pub fn article(&self, id: &str) -> Option<&Article> {
        self.articles.iter().find(|a| a.id == id)
    }
}

/// Writes a bundle's JSON article by article, byte for byte as
/// [`Bundle::to_json`] would, so a caller that streams its articles (the
/// CLI at 100,000 articles) never holds them, or the text, all at once.
/// Give it each article, or each article's JSON as `serde_json` writes it
/// compactly, in bundle order.
pub struct BundleWriter<W: std::io::Write> {
    out: W,
    first: bool,
}

impl<W: std::io::Write> BundleWriter<W> {
    /// Starts a bundle (of the current version) titled `title`.
    pub fn new(mut out: W, title: &str) -> std::io::Result<Self> {
        out.write_all(b"{\"schema_version\":")?;
        out.write_all(SCHEMA_VERSION.to_string().as_bytes())?;
        out.write_all(b",\"title\":")?;
        serde_json::to_writer(&mut out, title)?;
        out.write_all(b",\"articles\":[")?;
        Ok(BundleWriter { out, first: true })
    }

    /// Adds the next article.
    pub fn article(&mut self, article: &Article) -> std::io::Result<()> {
        self.separator()?;
        serde_json::to_writer(&mut self.out, article)?;
        Ok(())
    }

    /// Adds the next article as its compact JSON (`serde_json::to_vec`).
    pub fn article_json(&mut self, json: &[u8]) -> std::io::Result<()> {
        self.separator()?;
        self.out.write_all(json)
    }

    fn separator(&mut self) -> std::io::Result<()> {
        if !std::mem::take(&mut self.first) {
            self.out.write_all(b",")?;
        }
        Ok(())
    }

    /// Ends the bundle and gives the writer back.
    pub fn finish(mut self) -> std::io::Result<W> {
        self.out.write_all(b"]}")?;
        Ok(self.out)
    }
}

/// Facts about one build of a dossier site, shown in the explorer's About
/// panel so two readers can tell whether they hold the same dossier.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SiteInfo {
    /// The dossier's title.
    pub title: String,
    /// How many articles it holds.
    pub articles: usize,
    /// The day the site was built (`YYYY-MM-DD`, UTC).
    pub built: String,
    /// SHA-256 of the bundle's JSON text, in hex: the same dossier has the
    /// same hash whoever built it and whenever.
    pub corpus_sha256: String,
    /// The version of Dossier that built the site.
    pub dossier_version: String,
    /// How many articles each body shard (`data/shards/N.js`) holds: article
    /// `i` of the catalog is in shard `i / shard_size`. Zero for a site
    /// whose catalog carries the bodies itself.
    #[serde(default)]
    pub shard_size: usize,
}

impl Bundle {
    /// The catalog the page loads first: every article's headline and facts,
    /// without its text, mentions, quotes or dates, which stay in the body
    /// shards and load when a snippet or the reading view needs them.
    pub fn catalog(&self) -> Bundle {
        let articles = self.articles.iter().map(Article::catalog_entry).collect();
        Bundle {
            schema_version: self.schema_version,
            title: self.title.clone(),
            articles,
        }
    }
}

/// Oldest first by the start of each date's span; undated articles last;
/// ties by id so the order never depends on input order.
pub fn sort_by_date(articles: &mut [Article]) {
    articles.sort_by(Article::chronological);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Fact, Provenance};
    use crate::PartialDate;

    #[test]
    fn the_catalog_keeps_what_the_list_shows_and_the_date_note() {
        let mut a = article("a", Some("2021-09"));
        a.paragraphs = vec![crate::model::Paragraph::body("Text.")];
        a.language = Some(Fact {
            note: Some("detected".into()),
            ..Fact::new("en".into(), Provenance::Estimated)
        });
        if let Some(date) = &mut a.published {
            date.note = Some("from the manifest".into());
        }
        let bundle = Bundle::new("t".into(), vec![a.clone()]);
        let json = bundle.catalog().to_json();
        for gone in ["source_file", "paragraphs", "detected"] {
            assert!(!json.contains(gone), "{gone} in {json}");
        }
        assert!(json.contains("from the manifest"));
        let back = Bundle::from_json(&json).unwrap();
        assert_eq!(back.articles[0].headline, a.headline);
        assert_eq!(back.articles[0].language.as_ref().unwrap().value, "en");
    }

    #[test]
    fn the_streamed_json_is_the_bundle_json() {
        let mut a = article("a", Some("2021-09"));
        a.paragraphs = vec![crate::model::Paragraph::body("Text \"quoted\" </script>.")];
        for articles in [vec![], vec![a.clone()], vec![a.clone(), article("b", None)]] {
            let bundle = Bundle::new("A \"title\"".into(), articles);
            let mut writer = BundleWriter::new(Vec::new(), &bundle.title).unwrap();
            for (i, a) in bundle.articles.iter().enumerate() {
                if i % 2 == 0 {
                    writer.article(a).unwrap();
                } else {
                    writer
                        .article_json(&serde_json::to_vec(a).unwrap())
                        .unwrap();
                }
            }
            let bytes = writer.finish().unwrap();
            assert_eq!(String::from_utf8(bytes).unwrap(), bundle.to_json());
        }
    }

    fn article(id: &str, date: Option<&str>) -> Article {
        Article {
            id: id.into(),
            source_file: format!("{id}.txt"),
            headline: id.into(),
            published: date
                .map(|d| Fact::new(PartialDate::parse(d).unwrap(), Provenance::Manifest)),
            ..Default::default()
        }
    }

    #[test]
    fn orders_by_date_with_undated_last() {
        let b = Bundle::new(
            "t".into(),
            vec![
                article("c", None),
                article("b", Some("2021-10")),
                article("a", Some("2021-09-08")),
                article("d", Some("2021-10-05")),
            ],
        );
        let ids: Vec<_> = b.articles.iter().map(|a| a.id.as_str()).collect();
        assert_eq!(ids, ["a", "b", "d", "c"]);
    }

    #[test]
    fn refuses_an_unknown_version_by_name() {
        let err = Bundle::from_json(r#"{"schema_version": 99, "title": "x", "articles": []}"#)
            .unwrap_err();
        assert!(matches!(
            err,
            BundleError::UnknownVersion {
                found: 99,
                expected: 1
            }
        ));
        assert!(err.to_string().contains("version 99"));
    }

    #[test]
    fn malformed_json_is_an_error_not_a_panic() {
        assert!(matches!(
            Bundle::from_json("{"),
            Err(BundleError::Malformed(_))
        ));
        assert!(matches!(
            Bundle::from_json("[]"),
            Err(BundleError::Malformed(_))
        ));
    }

    #[test]
    fn ignores_fields_added_later() {
        let json = r#"{"schema_version":1,"title":"t","future":true,"articles":[
            {"id":"a","source_file":"a.txt","headline":"h","entities":[],"paragraphs":[{"text":"p","lang":"en"}]}]}"#;
        let b = Bundle::from_json(json).unwrap();
        assert_eq!(b.articles[0].paragraphs[0].text, "p");
    }
}
