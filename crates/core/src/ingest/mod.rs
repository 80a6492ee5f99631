//! Ingest: one article file becomes an [`Article`] with every field it can
//! derive, each traceable to the text or the manifest.
//!
//! The steps, in order:
//!
//! 1. **Lines and headline**: the headline is the first line that is not
//!    page furniture ("Skip to main content" before it is kept as
//!    furniture); then one paragraph per non-empty line.
//! 2. **Roles** ([`roles`]): body, dek, caption, byline, bio or furniture,
//!    each with the name of the rule that decided it.
//! 3. **Facts from the text**: the byline gives the author, an author bio
//!    ("the news editor of X") the outlet, a dateline (`09/08/2021 Turkey
//!    (Outlet) –`) the publication date and outlet ([`dates`]).
//! 4. **The manifest** overrides or adds facts (see [`crate::manifest`]).
//! 5. **Mentioned dates**, **entity mentions** ([`crate::entities`]) and
//!    **quotes** ([`quotes`]).
//!
//! [`parse_plain_text`] runs all of it with no manifest and the shipped
//! gazetteer; [`Ingester`] runs it with a manifest and gazetteer of one's
//! own, and reads the other input formats ([`formats`]).
//!
//! Two passes then look at the corpus as a whole ([`corpus_passes`]):
//! [`duplicates`] merges copies of the same text, keeping every outlet and
//! URL, and [`repetition`] marks lines repeated across an outlet's
//! articles as furniture.

pub mod dates;
pub mod decode;
pub mod duplicates;
pub mod formats;
pub mod quotes;
pub mod repetition;
pub mod roles;
pub mod text;

use std::sync::OnceLock;

use crate::date::PartialDate;
use crate::entities::Gazetteer;
use crate::manifest::Manifest;
use crate::model::{Article, Fact, MentionedDate, Paragraph, Provenance, Role, YearSource};
use dates::{DateOrder, TextDate};
use roles::Line;

/// Why a file (or one record of it) could not become an article. The
/// caller (the CLI) decides whether to stop or skip; every message names
/// the file, and the line when there is one.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum IngestError {
    /// The file has no text at all.
    #[error("{file}: the file is empty")]
    Empty {
        /// The file's path.
        file: String,
    },
    /// The file has text but nothing that can be a headline.
    #[error("{file}: no headline found (only navigation links)")]
    NoHeadline {
        /// The file's path.
        file: String,
    },
    /// A structured file (JSON, CSV, front matter) is malformed.
    #[error("{file}:{line}: {message}")]
    Malformed {
        /// The file's path.
        file: String,
        /// The line (1-based) where the problem is.
        line: usize,
        /// What is wrong.
        message: String,
    },
    /// A record has no headline or no text.
    #[error("{file}:{line}: the record has no {field}")]
    MissingField {
        /// The file's path.
        file: String,
        /// The line (1-based) the record starts on.
        line: usize,
        /// The missing field ("title", "body").
        field: String,
    },
    /// The file's extension is not one ingest reads.
    #[error("{file}: not an article format (expected .txt, .md, .html, .json, .jsonl or .csv)")]
    UnknownFormat {
        /// The file's path.
        file: String,
    },
}

/// The facts a file's own metadata gives (front matter, JSON fields,
/// `<meta>` tags), recorded with [`Provenance::FrontMatter`].
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Metadata {
    /// Headline, when the metadata has one (else the first line is).
    pub headline: Option<String>,
    /// Standfirst.
    pub dek: Option<String>,
    /// Outlet.
    pub outlet: Option<String>,
    /// Author.
    pub author: Option<String>,
    /// Publication date as written (parsed by the date rules).
    pub published: Option<String>,
    /// URL.
    pub url: Option<String>,
    /// Language code.
    pub language: Option<String>,
}

/// Runs ingest with a manifest and a gazetteer.
#[derive(Clone, Debug)]
pub struct Ingester<'a> {
    manifest: &'a Manifest,
    gazetteer: &'a Gazetteer,
    furniture: Vec<(String, regex::Regex)>,
}

/// The shipped gazetteer, parsed once.
pub fn default_gazetteer() -> &'static Gazetteer {
    static G: OnceLock<Gazetteer> = OnceLock::new();
    G.get_or_init(Gazetteer::default)
}

fn empty_manifest() -> &'static Manifest {
    static M: OnceLock<Manifest> = OnceLock::new();
    M.get_or_init(Manifest::default)
}

/// Parses a plain-text article: headline on the first line, then one
/// paragraph per non-empty line, with every derived field (roles, dates,
/// entities, quotes) and no manifest.
///
/// `id` is the article's stable identifier and `file` its path for messages
/// and traceability.
pub fn parse_plain_text(id: &str, file: &str, text: &str) -> Result<Article, IngestError> {
    Ingester::new(empty_manifest(), default_gazetteer()).text(id, file, text, Metadata::default())
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
    /// `.jsonl` and `.csv`. `stem` is the file name without extension (the
    /// id of a single article). Non-UTF-8 bytes are decoded with the
    /// detected encoding, which is noted on each article.
    pub fn file(&self, stem: &str, file: &str, bytes: &[u8]) -> Vec<Result<Article, IngestError>> {
        let decoded = decode::decode(bytes);
        let extension = file
            .rsplit_once('.')
            .map(|(_, e)| e.to_ascii_lowercase())
            .unwrap_or_default();
        let fields = &self.manifest.fields;
        let mut results = match extension.as_str() {
            "txt" | "text" => vec![self.text(stem, file, &decoded.text, Metadata::default())],
            "md" | "markdown" => vec![formats::markdown(&decoded.text, file, fields)
                .and_then(|(meta, body)| self.text(stem, file, &body, meta))],
            "html" | "htm" => {
                vec![formats::html(&decoded.text, file)
                    .and_then(|(meta, body)| self.text(stem, file, &body, meta))]
            }
            "json" | "jsonl" | "ndjson" | "csv" => {
                let records = match extension.as_str() {
                    "csv" => formats::csv(&decoded.text, file, fields),
                    "json" => formats::json(&decoded.text, file, fields),
                    _ => formats::jsonl(&decoded.text, file, fields),
                };
                match records {
                    Err(err) => vec![Err(err)],
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
            Some(h) => h.trim().to_string(),
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
        if let Some(dek) = meta.dek.as_deref().map(str::trim).filter(|d| !d.is_empty()) {
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
        let mut article = Article {
            id: id.to_string(),
            source_file: file.to_string(),
            headline,
            paragraphs,
            ..Default::default()
        };
        self.apply_metadata(&mut article, &meta);
        self.outlet_furniture(&mut article);
        self.facts_from_text(&mut article);
        self.manifest.apply(id, &mut article);
        self.derive(&mut article);
        Ok(article)
    }

    fn apply_metadata(&self, article: &mut Article, meta: &Metadata) {
        let fact = |v: &Option<String>| {
            v.as_deref()
                .map(str::trim)
                .filter(|v| !v.is_empty())
                .map(|v| Fact::new(v.to_string(), Provenance::FrontMatter))
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
            match parse_metadata_date(raw, order) {
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

/// What the corpus-wide passes did, for the ingest report.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct CorpusPasses {
    /// Each duplicate merged, by kept article.
    pub merges: Vec<duplicates::Merge>,
    /// Each line found to be an outlet's furniture by repetition.
    pub repeated: Vec<repetition::RepeatedLine>,
}

/// Runs the corpus-wide passes over every ingested article, with the
/// manifest's settings: merges duplicates (`fingerprints` are the
/// articles' [`duplicates::Fingerprint`]s, in the same order), then marks
/// lines repeated across an outlet's articles as furniture.
pub fn corpus_passes(
    articles: &mut Vec<Article>,
    fingerprints: &[duplicates::Fingerprint],
    manifest: &Manifest,
) -> CorpusPasses {
    let merges = duplicates::merge_duplicates(articles, fingerprints, &manifest.duplicates);
    let repeated = repetition::mark_repeated_furniture(articles, &manifest.repetition);
    CorpusPasses { merges, repeated }
}

/// The ISO 639-1 code of a detected language (ISO 639-3 when there is no
/// two-letter code).
fn language_code(lang: whatlang::Lang) -> &'static str {
    let code = lang.code();
    const TWO_LETTER: &[(&str, &str)] = &[
        ("eng", "en"),
        ("tur", "tr"),
        ("rus", "ru"),
        ("fra", "fr"),
        ("deu", "de"),
        ("spa", "es"),
        ("ita", "it"),
        ("por", "pt"),
        ("nld", "nl"),
        ("pes", "fa"),
        ("ara", "ar"),
        ("heb", "he"),
        ("hye", "hy"),
        ("aze", "az"),
        ("ukr", "uk"),
        ("pol", "pl"),
        ("kat", "ka"),
        ("cmn", "zh"),
        ("jpn", "ja"),
        ("ell", "el"),
    ];
    TWO_LETTER
        .iter()
        .find(|(three, _)| *three == code)
        .map_or(code, |(_, two)| two)
}

/// A date from metadata: ISO (with an optional time), or any format the
/// text rules read.
fn parse_metadata_date(raw: &str, order: Option<DateOrder>) -> Option<PartialDate> {
    let head = raw.split(['T', ' ']).next().unwrap_or(raw);
    if let Ok(d) = PartialDate::parse(head) {
        return Some(d);
    }
    let found = dates::find_dates(raw, order);
    found
        .iter()
        .filter_map(TextDate::date)
        .max_by_key(|d| d.precision())
}

fn byline_name(text: &str) -> Option<String> {
    let lower = text.to_lowercase();
    for prefix in [
        "author:",
        "author",
        "written by",
        "words by",
        "reporting by",
        "posted by",
        "by:",
        "by",
    ] {
        if lower.starts_with(prefix) {
            let name = text[prefix.len()..].trim().trim_start_matches(':').trim();
            if !name.is_empty() {
                return Some(name.to_string());
            }
        }
    }
    None
}

/// The outlet an author bio names: "… editor of X", "… reporter at X".
fn bio_outlet(text: &str) -> Option<String> {
    static RE: OnceLock<regex::Regex> = OnceLock::new();
    let re = RE.get_or_init(|| {
        regex::Regex::new(
            r"\b(?:editor|reporter|correspondent|writer|journalist|columnist|contributor|analyst|producer|chief)\s+(?:of|at|for)\s+(?:the\s+)?(?P<outlet>\p{Lu}[\p{L}\p{N}.&'’-]*(?:\s+\p{Lu}[\p{L}\p{N}.&'’-]*){0,4})",
        )
        .expect("valid")
    });
    let outlet = re.captures(text)?.name("outlet")?.as_str();
    Some(outlet.trim_end_matches(['.', ',', '’', '\'']).to_string())
}

/// Every date mentioned in the body, dek and captions, with its sentence
/// and year resolved from the same paragraph or the publication date.
fn mentioned_dates(article: &Article, order: Option<DateOrder>) -> Vec<MentionedDate> {
    let mut out = Vec::new();
    let dateline_paragraph = article.paragraphs.iter().position(|p| p.role == Role::Body);
    for (pi, p) in article.paragraphs.iter().enumerate() {
        if !matches!(p.role, Role::Body | Role::Dek | Role::Caption) {
            continue;
        }
        let text = p.text.as_str();
        let skip_until = if Some(pi) == dateline_paragraph {
            dates::dateline(text, order).map_or(0, |d| d.text.len())
        } else {
            0
        };
        let bounds = text::sentences(text);
        let mut context_year: Option<i32> = None;
        for d in dates::find_dates(text, order) {
            if d.start < skip_until {
                continue;
            }
            let (ss, se) = text::sentence_at(&bounds, d.start, text.len());
            let mut m = MentionedDate {
                text: text[d.start..d.end].to_string(),
                paragraph: pi,
                start: d.start,
                end: d.end,
                sentence: text[ss..se.max(d.end)].trim().to_string(),
                date: None,
                month: d.month,
                day: d.day,
                year_from: YearSource::Unresolved,
            };
            if let Some(y) = d.year {
                m.year_from = YearSource::Stated;
                m.date = d.date().or(Some(PartialDate::year(y)));
                if d.month.is_some() {
                    context_year = Some(y);
                }
            } else if let Some(month) = d.month {
                let resolved = if let Some(y) = context_year {
                    Some((y, YearSource::Context))
                } else {
                    article
                        .published
                        .as_ref()
                        .filter(|f| f.value.precision() >= crate::DatePrecision::Month)
                        .map(|f| {
                            let (_, (py, pm, pd)) = f.value.span();
                            let not_after = (month, d.day.unwrap_or(1)) <= (pm, pd);
                            (if not_after { py } else { py - 1 }, YearSource::Publication)
                        })
                };
                if let Some((y, source)) = resolved {
                    let date = match d.day {
                        Some(day) => PartialDate::day(y, month, day),
                        None => PartialDate::month(y, month),
                    };
                    if date.is_some() {
                        m.date = date;
                        m.year_from = source;
                    }
                }
            }
            out.push(m);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn first_line_is_the_headline_and_each_line_a_paragraph() {
        let a = parse_plain_text("x", "x.txt", "Headline\n\nOne.\nTwo.  \n\n\nThree.").unwrap();
        assert_eq!(a.headline, "Headline");
        let texts: Vec<_> = a.paragraphs.iter().map(|p| p.text.as_str()).collect();
        assert_eq!(texts, ["One.", "Two.", "Three."]);
    }

    #[test]
    fn a_skip_link_before_the_headline_is_furniture() {
        let a = parse_plain_text(
            "x",
            "x.txt",
            "Skip to main content\n\nReal headline\n\nBody.",
        )
        .unwrap();
        assert_eq!(a.headline, "Real headline");
        assert_eq!(
            a.paragraphs[0],
            Paragraph::with_role("Skip to main content", Role::Furniture, "navigation-link")
        );
        assert_eq!(a.body().count(), 1);
    }

    #[test]
    fn a_headline_that_starts_with_skip_is_still_a_headline() {
        let a = parse_plain_text("x", "x.txt", "Skip to the end: why talks failed\nBody.").unwrap();
        assert_eq!(a.headline, "Skip to the end: why talks failed");
    }

    #[test]
    fn empty_and_headless_files_are_errors_naming_the_file() {
        assert_eq!(
            parse_plain_text("x", "dir/x.txt", " \n\n\t\n"),
            Err(IngestError::Empty {
                file: "dir/x.txt".into()
            })
        );
        let err = parse_plain_text("x", "x.txt", "Skip to content\n").unwrap_err();
        assert_eq!(
            err.to_string(),
            "x.txt: no headline found (only navigation links)"
        );
    }

    #[test]
    fn byte_order_mark_and_crlf_are_not_text() {
        let a = parse_plain_text("x", "x.txt", "\u{feff}Title\r\n\r\nBody line\r\n").unwrap();
        assert_eq!(a.headline, "Title");
        assert_eq!(a.paragraphs[0].text, "Body line");
    }

    #[test]
    fn byline_sets_the_author_and_bio_the_outlet_from_the_text() {
        let text = "H\n\nBody one.\n\nBody two.\n\nBy Jane Roe\n\nJane Roe is a reporter at The Daily Example.";
        let a = parse_plain_text("x", "x.txt", text).unwrap();
        let author = a.author.unwrap();
        assert_eq!(
            (author.value.as_str(), author.source),
            ("Jane Roe", Provenance::Text)
        );
        assert_eq!(a.outlet.unwrap().value, "The Daily Example");
    }

    #[test]
    fn an_ambiguous_dateline_is_noted_not_guessed_and_a_locale_settles_it() {
        let text = "H\n\n09/08/2021 Ankara (Example News) – Body text here.\n\nMore.\n\nMore.";
        let a = parse_plain_text("x", "x.txt", text).unwrap();
        assert_eq!(a.published, None);
        assert!(a.notes[0].contains("ambiguous"), "{:?}", a.notes);
        assert_eq!(a.outlet.as_ref().unwrap().value, "Example News");
        let m = Manifest::from_toml("[outlets.\"Example News\"]\nlocale = \"en-GB\"\n").unwrap();
        let b = Ingester::new(&m, default_gazetteer())
            .text("x", "x.txt", text, Metadata::default())
            .unwrap();
        let published = b.published.unwrap();
        assert_eq!(
            (published.value.iso(), published.source),
            ("2021-08-09".to_string(), Provenance::Text)
        );
    }

    #[test]
    fn mentioned_dates_take_their_year_from_the_paragraph_or_the_publication() {
        let text = "H\n\nThe war broke out on September 27, 2020 and ended on November 10.\n\nOn Sept. 20, it fell. It began in 2023.\n\nMore.";
        let m = Manifest::from_toml("[articles.x]\npublished = \"2023-09-25\"\n").unwrap();
        let a = Ingester::new(&m, default_gazetteer())
            .text("x", "x.txt", text, Metadata::default())
            .unwrap();
        let got: Vec<_> = a
            .mentioned_dates
            .iter()
            .map(|d| (d.text.as_str(), d.date.map(|d| d.iso()), d.year_from))
            .collect();
        assert_eq!(
            got,
            [
                (
                    "September 27, 2020",
                    Some("2020-09-27".into()),
                    YearSource::Stated
                ),
                (
                    "November 10",
                    Some("2020-11-10".into()),
                    YearSource::Context
                ),
                (
                    "Sept. 20",
                    Some("2023-09-20".into()),
                    YearSource::Publication
                ),
                ("2023", Some("2023".into()), YearSource::Stated),
            ]
        );
        assert_eq!(a.mentioned_dates[2].sentence, "On Sept. 20, it fell.");
        let plain = parse_plain_text("x", "x.txt", text).unwrap();
        assert_eq!(plain.mentioned_dates[2].year_from, YearSource::Unresolved);
        assert_eq!(
            (plain.mentioned_dates[2].month, plain.mentioned_dates[2].day),
            (Some(9), Some(20))
        );
    }

    #[test]
    fn manifest_furniture_patterns_apply_to_their_outlet() {
        let m = Manifest::from_toml(
            "[articles.x]\noutlet = \"O\"\n[outlets.O]\nfurniture = [\"^Read our\"]\n",
        )
        .unwrap();
        let a = Ingester::new(&m, default_gazetteer())
            .text("x", "x.txt", "H\n\nA long enough first paragraph that is not a dek at all because it goes on and on for many more words than a standfirst ever would.\n\nRead our latest.\n\nMore.", Metadata::default())
            .unwrap();
        assert_eq!(a.paragraphs[1].rule.as_deref(), Some("manifest-furniture"));
    }
}
