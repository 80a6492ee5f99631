//! Ingest: one article file's text becomes an [`Article`].
//!
//! Version 0 reads plain text as the seed corpus is written: the headline on
//! the first line, then one paragraph per non-empty line. Leading navigation
//! links that pages put before the headline ("Skip to main content") are kept
//! as furniture rather than taken for the headline. Richer formats, boilerplate
//! roles, dates from the text and entities build on this module.

use crate::model::{Article, Paragraph, Role};

/// Why a file could not become an article. The caller (the CLI) names the
/// file and decides whether to stop or skip.
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
}

/// Parses a plain-text article: headline on the first line, then one
/// paragraph per non-empty line.
///
/// `id` is the article's stable identifier and `file` its path for messages
/// and traceability.
pub fn parse_plain_text(id: &str, file: &str, text: &str) -> Result<Article, IngestError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut lines = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .peekable();
    if lines.peek().is_none() {
        return Err(IngestError::Empty { file: file.into() });
    }
    let mut paragraphs = Vec::new();
    let headline = loop {
        match lines.next() {
            Some(line) if is_navigation_link(line) => paragraphs.push(Paragraph {
                text: line.to_string(),
                role: Role::Furniture,
            }),
            Some(line) => break line.to_string(),
            None => return Err(IngestError::NoHeadline { file: file.into() }),
        }
    };
    paragraphs.extend(lines.map(Paragraph::body));
    Ok(Article {
        id: id.to_string(),
        source_file: file.to_string(),
        headline,
        paragraphs,
        outlet: None,
        author: None,
        published: None,
    })
}

/// The accessibility links a saved web page carries before its content
/// ("Skip to main content", "Skip to content", "Jump to navigation"). A
/// general rule about web pages, not a list of one outlet's strings.
fn is_navigation_link(line: &str) -> bool {
    let lower = line.to_lowercase();
    let words: Vec<&str> = lower.split_whitespace().collect();
    matches!(words.first(), Some(&"skip") | Some(&"jump"))
        && matches!(words.get(1), Some(&"to"))
        && words.len() <= 5
        && words.last().is_some_and(|w| {
            ["content", "navigation", "main", "menu", "search", "footer"]
                .contains(&w.trim_end_matches('.'))
        })
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
        assert!(a.paragraphs.iter().all(|p| p.role == Role::Body));
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
            Paragraph {
                text: "Skip to main content".into(),
                role: Role::Furniture
            }
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
}
