//! A saved web page as an article: its markup already says which blocks
//! are captions and which is the byline, so those keep their roles, and
//! the text rules only look for furniture and bios among the body blocks.

use super::{one_line, Ingester};
use crate::ingest::formats::WebPage;
use crate::ingest::roles::{self, Line};
use crate::ingest::IngestError;
use crate::model::{Article, Paragraph, Provenance, Role};

/// Rules that guess a role from a line's place under the headline. A page
/// needs no guess: its dek is its standfirst, its captions are figcaptions.
const POSITION_RULES: [&str; 2] = ["dek-after-headline", "caption-under-dek"];

impl Ingester<'_> {
    /// The article of a page read by [`crate::ingest::formats::page`].
    pub(super) fn web_page(
        &self,
        id: &str,
        file: &str,
        page: WebPage,
    ) -> Result<Article, IngestError> {
        let WebPage {
            meta,
            paragraphs: blocks,
            time,
        } = page;
        // One line per block: a block's own line breaks (a <br>, a <pre>)
        // do not make it two paragraphs.
        let texts: Vec<String> = blocks.iter().map(|b| one_line(&b.text)).collect();
        let mut body = blocks
            .iter()
            .zip(&texts)
            .enumerate()
            .filter(|(_, (b, t))| b.role == Role::Body && !t.is_empty())
            .map(|(i, _)| i)
            .peekable();
        // With no headline in the metadata, the first body block is it.
        let headline = match meta.headline.as_deref().map(one_line) {
            Some(h) if !h.is_empty() => h,
            _ => match body.next() {
                Some(i) => texts[i].clone(),
                None => return Err(IngestError::NoHeadline { file: file.into() }),
            },
        };
        let body: Vec<usize> = body.collect();
        let lines: Vec<Line> = body
            .iter()
            .map(|&i| Line {
                text: &texts[i],
                blank_before: true,
            })
            .collect();
        let mut assigned = roles::classify(&lines).into_iter();
        let mut paragraphs = Vec::with_capacity(blocks.len() + 1);
        if let Some(dek) = meta.dek.as_deref().map(one_line).filter(|d| !d.is_empty()) {
            paragraphs.push(Paragraph::with_role(dek, Role::Dek, "front-matter"));
        }
        for (i, block) in blocks.into_iter().enumerate() {
            if body.binary_search(&i).is_ok() {
                let (role, rule) = match assigned.next() {
                    Some((_, Some(rule))) if POSITION_RULES.contains(&rule) => (Role::Body, None),
                    Some(assigned) => assigned,
                    None => (Role::Body, None),
                };
                paragraphs.push(Paragraph {
                    text: texts[i].clone(),
                    role,
                    rule: rule.map(str::to_string),
                });
            } else if block.role != Role::Body {
                // A caption or the byline, as the markup said.
                paragraphs.push(Paragraph {
                    text: texts[i].clone(),
                    ..block
                });
            }
        }
        let mut article = self.finish(id, file, headline, paragraphs, &meta);
        // The date a `<time>` element gave went in as the page's metadata
        // (so it is parsed, and dates the text's month-and-day mentions,
        // as a `<meta>` date would be); its note names the element and
        // what the page shows. A date the manifest curated is left alone.
        if let (Some(time), Some(published)) = (&time, &mut article.published) {
            let from_time = published.source == Provenance::FrontMatter
                && published.note.as_deref()
                    == Some(format!("metadata date {:?}", time.datetime).as_str());
            if from_time {
                published.note = Some(format!(
                    "the page's <time datetime={:?}>, shown as {:?}",
                    time.datetime, time.shown
                ));
            }
        }
        Ok(article)
    }
}
