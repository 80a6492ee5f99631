//! [`Ingester`]: one file (or one record of a structured file) becomes an
//! [`Article`], in the steps the module docs list.

use super::dates::{self, DateOrder, TextDate};
use super::facts::{bio_outlet, byline_name, language_code, mentioned_dates, parse_metadata_date};
use super::roles::{self, Line};
use super::{decode, formats, quotes, IngestError, Metadata};
use crate::entities::Gazetteer;
use crate::manifest::Manifest;
use crate::model::{Article, Fact, Paragraph, Provenance, Role};

mod web;

/// Runs ingest with a manifest and a gazetteer.
#[derive(Clone, Debug)]
pub struct Ingester<'a> {
    manifest: &'a Manifest,
    gazetteer: &'a Gazetteer,
    furniture: Vec<(String, regex::Regex)>,
}

impl<'a> Ingester<'a> {
    /// An ingester applying `manifest` and finding `gazetteer`'s entities.
    /// The manifest's furniture patterns must be valid (as
    /// [`Manifest::from_toml`] checks); invalid ones are ignored.
    pub fn new(manifest: &'a Manifest, gazetteer: &'a Gazetteer) -> Self {
        let furniture = manifest
            .outlets
            .iter()
            .flat_map(|(outlet, facts)| {
                facts
                    .furniture
                    .iter()
                    .filter_map(|p| regex::Regex::new(p).ok().map(|re| (outlet.clone(), re)))
            })
            .collect();
        Ingester {
            manifest,
            gazetteer,
            furniture,
        }
    }

    /// One file, in any supported format (by its extension), as articles:
    /// one for `.txt`, `.md` and `.html`, one per record for `.json`,
    /// `.jsonl` and `.csv`. `stem` is the file's id stem, usually its name
    /// without extension (the id of a single article, the prefix of its
    /// numbered records): see [`super::ids`] for names shared by several
    /// files. Non-UTF-8 bytes are decoded with the
    /// detected encoding, which is noted on each article.
    pub fn file(&self, stem: &str, file: &str, bytes: &[u8]) -> Vec<Result<Article, IngestError>> {
        let decoded = decode::decode(bytes);
        let extension = file
            .rsplit_once('.')
            .map(|(_, e)| e.to_ascii_lowercase())
            .unwrap_or_default();
        let file_error = |err| vec![Err(err)];
        if !super::ids::is_article_extension(&extension) {
            return file_error(IngestError::UnknownFormat { file: file.into() });
        }
        // Checked before any format reads the text, so that binary data is
        // named as such rather than as a page with no text or bad JSON.
        if decode::looks_binary(&decoded.text) {
            return file_error(IngestError::NotText { file: file.into() });
        }
        // Blank is empty in every format (not "bad JSON", "no title column").
        if decoded
            .text
            .trim_start_matches('\u{feff}')
            .trim()
            .is_empty()
        {
            return file_error(IngestError::Empty { file: file.into() });
        }
        let fields = &self.manifest.fields;
        let mut results = match extension.as_str() {
            "txt" | "text" => vec![self.text(stem, file, &decoded.text, Metadata::default())],
            "md" | "markdown" => vec![formats::markdown(&decoded.text, file, fields)
                .and_then(|(meta, body)| self.text(stem, file, &body, meta))],
            "html" | "htm" => {
                vec![formats::page(&decoded.text, file)
                    .and_then(|page| self.web_page(stem, file, page))]
            }
            "json" | "jsonl" | "ndjson" | "csv" => {
                let records = match extension.as_str() {
                    "csv" => formats::csv(&decoded.text, file, fields),
                    "json" => formats::json(&decoded.text, file, fields),
                    _ => formats::jsonl(&decoded.text, file, fields),
                };
                match records {
                    Err(err) => vec![Err(err)],
                    // No article at all is an error, as an empty file is.
                    Ok(records) if records.is_empty() => file_error(IngestError::NoRecords {
                        file: file.into(),
                        header_only: extension == "csv",
                    }),
                    Ok(records) => records
                        .into_iter()
                        .enumerate()
                        .map(|(i, r)| {
                            let r = r?;
                            let id =
                                r.id.clone()
                                    .unwrap_or_else(|| format!("{stem}_{:04}", i + 1));
                            self.text(&id, &format!("{file}:{}", r.line), &r.body, r.meta)
                        })
                        .collect(),
                }
            }
            _ => vec![Err(IngestError::UnknownFormat {
                file: file.to_string(),
            })],
        };
        if let Some(encoding) = decoded.encoding {
            for article in results.iter_mut().flatten() {
                article.notes.insert(
                    0,
                    format!("decoded from {encoding} (detected; the file is not UTF-8)"),
                );
            }
        }
        results
    }

    /// An article from its text (headline on the first line unless `meta`
    /// has one) and its file's metadata.
    pub fn text(
        &self,
        id: &str,
        file: &str,
        text: &str,
        meta: Metadata,
    ) -> Result<Article, IngestError> {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let mut lines = Vec::new();
        let mut blank_before = true;
        for raw in text.lines() {
            let trimmed = raw.trim();
            if trimmed.is_empty() {
                blank_before = true;
            } else {
                lines.push(Line {
                    text: trimmed,
                    blank_before,
                });
                blank_before = false;
            }
        }
        if lines.is_empty() && meta.headline.is_none() {
            return Err(IngestError::Empty { file: file.into() });
        }
        let mut paragraphs = Vec::new();
        let mut rest = &lines[..];
        let headline = match meta.headline.clone().filter(|h| !h.trim().is_empty()) {
            Some(h) => one_line(&h),
            None => loop {
                let Some((first, tail)) = rest.split_first() else {
                    return Err(IngestError::NoHeadline { file: file.into() });
                };
                rest = tail;
                match roles::classify_line(first.text) {
                    Some((Role::Furniture, rule)) => {
                        paragraphs.push(Paragraph::with_role(first.text, Role::Furniture, rule))
                    }
                    _ => break first.text.to_string(),
                }
            },
        };
        if let Some(dek) = meta.dek.as_deref().map(one_line).filter(|d| !d.is_empty()) {
            paragraphs.push(Paragraph::with_role(dek, Role::Dek, "front-matter"));
        }
        let has_dek = paragraphs.iter().any(|p| p.role == Role::Dek);
        let mut assigned = roles::classify(rest);
        if has_dek {
            // The metadata gave the dek; the first line is not one.
            for a in &mut assigned {
                if a.1 == Some("dek-after-headline") || a.1 == Some("caption-under-dek") {
                    *a = (Role::Body, None);
                }
            }
        }
        for (line, (role, rule)) in rest.iter().zip(assigned) {
            paragraphs.push(Paragraph {
                text: line.text.to_string(),
                role,
                rule: rule.map(str::to_string),
            });
        }
        Ok(self.finish(id, file, headline, paragraphs, &meta))
    }

    /// The article from its headline and paragraphs (their roles assigned):
    /// metadata, outlet furniture, facts from the text, the manifest, then
    /// everything derived.
    fn finish(
        &self,
        id: &str,
        file: &str,
        headline: String,
        paragraphs: Vec<Paragraph>,
        meta: &Metadata,
    ) -> Article {
        let mut article = Article {
            id: id.to_string(),
            source_file: file.to_string(),
            headline,
            paragraphs,
            ..Default::default()
        };
        self.apply_metadata(&mut article, meta);
        self.outlet_furniture(&mut article);
        self.facts_from_text(&mut article);
        self.manifest.apply(id, &mut article);
        self.derive(&mut article);
        article
    }

    fn apply_metadata(&self, article: &mut Article, meta: &Metadata) {
        let fact = |v: &Option<String>| {
            v.as_deref()
                .map(one_line)
                .filter(|v| !v.is_empty())
                .map(|v| Fact::new(v, Provenance::FrontMatter))
        };
        article.outlet = fact(&meta.outlet);
        article.author = fact(&meta.author);
        article.url = fact(&meta.url);
        article.language = fact(&meta.language);
        if let Some(raw) = meta
            .published
            .as_deref()
            .map(str::trim)
            .filter(|v| !v.is_empty())
        {
            let order = self
                .manifest
                .date_order(self.outlet_name(article).as_deref());
            match metadata_date(raw, order) {
                Some(date) => {
                    article.published = Some(Fact {
                        value: date,
                        source: Provenance::FrontMatter,
                        note: Some(format!("metadata date {raw:?}")),
                    })
                }
                None => article.notes.push(format!(
                    "the metadata date {raw:?} is not a date ingest can read"
                )),
            }
        }
    }

    fn outlet_name(&self, article: &Article) -> Option<String> {
        self.manifest
            .outlet_of(&article.id)
            .map(str::to_string)
            .or_else(|| article.outlet.as_ref().map(|o| o.value.clone()))
    }

    /// Per-outlet furniture patterns from the manifest.
    fn outlet_furniture(&self, article: &mut Article) {
        let Some(outlet) = self.outlet_name(article) else {
            return;
        };
        for p in &mut article.paragraphs {
            if p.role != Role::Furniture
                && self
                    .furniture
                    .iter()
                    .any(|(o, re)| *o == outlet && re.is_match(&p.text))
            {
                p.role = Role::Furniture;
                p.rule = Some("manifest-furniture".to_string());
            }
        }
    }

    /// Author from the byline, outlet from the bio or dateline, date from
    /// the dateline.
    fn facts_from_text(&self, article: &mut Article) {
        if article.author.is_none() {
            if let Some(p) = article.paragraphs.iter().find(|p| p.role == Role::Byline) {
                if let Some(name) = byline_name(&p.text) {
                    article.author = Some(Fact {
                        value: name,
                        source: Provenance::Text,
                        note: Some(format!("byline {:?}", p.text)),
                    });
                }
            }
        }
        if article.outlet.is_none() {
            if let Some((outlet, bio)) = article
                .paragraphs
                .iter()
                .filter(|p| p.role == Role::Bio)
                .find_map(|p| bio_outlet(&p.text).map(|o| (o, p.text.clone())))
            {
                article.outlet = Some(Fact {
                    value: outlet,
                    source: Provenance::Text,
                    note: Some(format!("author bio {bio:?}")),
                });
            }
        }
        // The dateline opens the first body paragraph.
        let Some(first) = article.paragraphs.iter().position(|p| p.role == Role::Body) else {
            return;
        };
        let first_text = article.paragraphs[first].text.clone();
        let Some(probe) = dates::dateline(&first_text, None) else {
            return;
        };
        if article.outlet.is_none() {
            if let Some(outlet) = &probe.outlet {
                article.outlet = Some(Fact {
                    value: outlet.clone(),
                    source: Provenance::Text,
                    note: Some(format!("dateline {:?}", probe.text)),
                });
            }
        }
        let outlet = self.outlet_name(article).or(probe.outlet.clone());
        let order = self.manifest.date_order(outlet.as_deref());
        let Some(line) = dates::dateline(&first_text, order) else {
            return;
        };
        let Some(found) = line.date else { return };
        if article.published.is_some() {
            return;
        }
        match found.date() {
            Some(date) => {
                let how = match (found.day, &probe.date) {
                    (
                        Some(_),
                        Some(TextDate {
                            ambiguous: Some(_), ..
                        }),
                    ) => format!(
                        ", {} order ({} locale in the manifest)",
                        if order == Some(DateOrder::MonthFirst) {
                            "month/day"
                        } else {
                            "day/month"
                        },
                        outlet
                            .as_deref()
                            .map_or("the corpus".to_string(), |o| format!("{o}'s"))
                    ),
                    _ => String::new(),
                };
                article.published = Some(Fact {
                    value: date,
                    source: Provenance::Text,
                    note: Some(format!(
                        "dateline {:?}{how}",
                        &line.text[found.start..found.end]
                    )),
                });
                // A paragraph that is only that date is the dateline, not
                // text to read: hidden as furniture (the date shows in the
                // article's facts), and never the list's snippet.
                if line.text.trim() == first_text.trim() {
                    let p = &mut article.paragraphs[first];
                    p.role = Role::Furniture;
                    p.rule = Some("date-line".to_string());
                }
            }
            None => {
                if let Some((mf, df)) = found.ambiguous {
                    article.notes.push(format!(
                        "the dateline date {:?} is ambiguous ({mf} or {df}); give the outlet's locale in the manifest",
                        &line.text[found.start..found.end]
                    ));
                }
            }
        }
    }

    /// Language, mentioned dates, entities and quotes.
    fn derive(&self, article: &mut Article) {
        if article.language.is_none() {
            // The first 600 bytes of body text are plenty to tell the
            // language, and keep detection cheap on long articles.
            let mut body = String::new();
            for p in article.body() {
                if body.len() >= 600 {
                    break;
                }
                body.push_str(&p.text);
                body.push('\n');
            }
            if let Some(info) = whatlang::detect(&body) {
                if info.is_reliable() || body.len() > 200 {
                    article.language = Some(Fact {
                        value: language_code(info.lang()).to_string(),
                        source: Provenance::Estimated,
                        note: Some(format!(
                            "detected from the body text (confidence {:.2})",
                            info.confidence()
                        )),
                    });
                }
            }
        }
        article.mentioned_dates = mentioned_dates(
            article,
            self.manifest
                .date_order(self.outlet_name(article).as_deref()),
        );
        article.mentions = self.gazetteer.mentions(article);
        article.quotes = quotes::find_quotes(article, &article.mentions, self.gazetteer);
    }
}

/// A metadata date ([`parse_metadata_date`]), or the date written out in
/// it when that says more: "2022 թ. մայիսի 22" starts with a year, which
/// alone would read as a bare 2022.
fn metadata_date(raw: &str, order: Option<DateOrder>) -> Option<crate::date::PartialDate> {
    let read = parse_metadata_date(raw, order);
    let written = dates::find_dates(raw, order)
        .iter()
        .filter_map(TextDate::date)
        .max_by_key(|d| d.precision());
    match (read, written) {
        (Some(r), Some(w)) if w.precision() > r.precision() => Some(w),
        (read, written) => read.or(written),
    }
}

/// A metadata field that is one line (headline, dek, outlet, author, URL,
/// language), with every run of whitespace, line breaks included, as one
/// space: a CSV cell or JSON string may hold a line break the page never
/// showed.
fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}
