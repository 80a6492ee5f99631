//! The query language, read forgivingly.
//!
//! | Typed                  | Means                                              |
//! |------------------------|----------------------------------------------------|
//! | `turkey azerbaijan`    | articles with both words (any inflection)          |
//! | `"ethnic cleansing"`   | the exact phrase                                   |
//! | `-nato`, `-"red line"` | without that word or phrase                        |
//! | `shusha OR shushi`     | either word (`|` works too)                        |
//! | `karab*`               | words starting with `karab`                        |
//! | `outlet:antiwar.com`   | only that outlet (`author:`, `entity:`, `lang:` too; quote values with spaces) |
//! | `after:2024`           | from 2024 on (`YYYY`, `YYYY-MM`, `YYYY-MM-DD`)     |
//! | `before:2022-08`       | up to the end of August 2022                       |
//! | `on:2021-10`           | in October 2021                                    |
//!
//! [`parse_query`] never fails and never panics: what it cannot read it
//! skips or reads as plain words, and says so in [`ParsedQuery::messages`].

use serde::{Deserialize, Serialize};

use crate::date::PartialDate;

/// Longest query read, in bytes; the rest is ignored (with a message).
pub const MAX_QUERY_BYTES: usize = 1000;
/// Most search terms (words, phrases, exclusions) read from one query.
pub const MAX_TERMS: usize = 32;

/// A search term: a word or a phrase.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Term {
    /// A word, matched in any inflection (`talks` finds `talk`).
    Word {
        /// The word as typed.
        text: String,
        /// Whether any word starting with `text` matches (`karab*`).
        prefix: bool,
        /// Whether the reader is still typing it (the last word of a query
        /// typed live, nothing after it): it matches all a finished word
        /// would (its stem, aliases, similar spellings) and, with `prefix`,
        /// the words it starts. An explicit `karab*` is not open: it asks
        /// for word starts only.
        #[serde(default)]
        open: bool,
    },
    /// Quoted text, matched word for word in this order (no stemming).
    Phrase(String),
}

impl Term {
    /// A whole word.
    pub fn word(text: impl Into<String>) -> Self {
        Term::Word {
            text: text.into(),
            prefix: false,
            open: false,
        }
    }

    /// The term as the user would type it.
    pub fn display(&self) -> String {
        match self {
            Term::Word {
                text,
                prefix: false,
                ..
            } => text.clone(),
            Term::Word {
                text, prefix: true, ..
            } => format!("{text}*"),
            Term::Phrase(text) => format!("\"{text}\""),
        }
    }
}

/// Terms of which an article must contain at least one (`a OR b`); a plain
/// word is a group of one.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Group {
    /// The alternatives.
    pub any_of: Vec<Term>,
}

/// A structured query: what [`parse_query`] reads, or what a UI builds.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Query {
    /// Every group must match.
    pub groups: Vec<Group>,
    /// No article containing any of these matches.
    pub excluded: Vec<Term>,
    /// `outlet:` values (any of them); matched loosely against outlet names.
    pub outlets: Vec<String>,
    /// `author:` values (any of them).
    pub authors: Vec<String>,
    /// `entity:` values (any of them).
    pub entities: Vec<String>,
    /// `lang:` values (any of them).
    pub languages: Vec<String>,
    /// `after:` — on or after the start of this date.
    pub after: Option<PartialDate>,
    /// `before:` — on or before the end of this date.
    pub before: Option<PartialDate>,
    /// `on:` — within this date.
    pub on: Option<PartialDate>,
}

impl Query {
    /// Whether the query asks for nothing at all (every article matches).
    pub fn is_empty(&self) -> bool {
        self == &Query::default()
    }
}

/// A query read from text, with what the reader should be told about it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ParsedQuery {
    /// The best reading of the text.
    pub query: Query,
    /// Plain-language notes about parts that were skipped or read
    /// differently, for the UI to show under the search box.
    pub messages: Vec<String>,
}

enum Item {
    Or,
    Term {
        negated: bool,
        term: Term,
    },
    Field {
        name: String,
        value: String,
        negated: bool,
    },
}

/// Reads a query typed by a reader.
///
/// `typing` is true while the reader is still typing (search-as-you-type):
/// the last word, if nothing follows it, is open (see [`Term::Word`]): it
/// matches what it would as a finished word and also longer words, so a
/// word typed in full finds the same articles with or without the space
/// after it. An unclosed quote is not reported.
///
/// ```
/// use dossier_core::search::{parse_query, Term};
/// let parsed = parse_query(r#"erdogan "ethnic cleansing" -nato after:2022"#, false);
/// assert_eq!(parsed.query.groups.len(), 2);
/// assert_eq!(parsed.query.excluded, [Term::word("nato")]);
/// assert!(parsed.messages.is_empty());
/// ```
pub fn parse_query(input: &str, typing: bool) -> ParsedQuery {
    let mut messages = Vec::new();
    let mut input = input;
    if input.len() > MAX_QUERY_BYTES {
        let mut cut = MAX_QUERY_BYTES;
        while !input.is_char_boundary(cut) {
            cut -= 1;
        }
        input = &input[..cut];
        messages.push(format!(
            "The query is long; only its first {MAX_QUERY_BYTES} characters were searched."
        ));
    }
    let ends_open = typing && !input.ends_with(char::is_whitespace);
    let items = lex(input, typing, &mut messages);
    let mut query = Query::default();
    let mut pending_or = false;
    let mut last_was_positive_term = false;
    let mut terms = 0;
    let item_count = items.len();
    for (i, item) in items.into_iter().enumerate() {
        let is_last = i + 1 == item_count;
        match item {
            Item::Or => {
                if !last_was_positive_term || pending_or {
                    messages.push(
                        "OR needs a word or phrase on each side; a stray OR was ignored.".into(),
                    );
                } else {
                    pending_or = true;
                }
                if is_last && pending_or && !typing {
                    messages.push(
                        "OR needs a word or phrase on each side; a stray OR was ignored.".into(),
                    );
                }
                continue;
            }
            Item::Term { negated, mut term } => {
                terms += 1;
                if terms > MAX_TERMS {
                    if terms == MAX_TERMS + 1 {
                        messages.push(format!(
                            "Only the first {MAX_TERMS} words and phrases were searched."
                        ));
                    }
                    continue;
                }
                if is_last && ends_open && !negated {
                    // An explicit `karab*` stays a bare prefix.
                    if let Term::Word {
                        prefix: prefix @ false,
                        open,
                        ..
                    } = &mut term
                    {
                        *prefix = true;
                        *open = true;
                    }
                }
                if negated {
                    if pending_or {
                        messages.push(
                            "OR cannot join an excluded word; the two were searched separately."
                                .into(),
                        );
                        pending_or = false;
                    }
                    query.excluded.push(term);
                    last_was_positive_term = false;
                } else {
                    match query.groups.last_mut() {
                        Some(group) if pending_or => group.any_of.push(term),
                        _ => query.groups.push(Group { any_of: vec![term] }),
                    }
                    pending_or = false;
                    last_was_positive_term = true;
                }
            }
            Item::Field {
                name,
                value,
                negated,
            } => {
                if pending_or {
                    messages.push(format!("OR cannot join a {name}: filter; it was ignored."));
                    pending_or = false;
                }
                last_was_positive_term = false;
                apply_field(&mut query, &name, &value, negated, &mut messages);
            }
        }
    }
    if let (Some(after), Some(before)) = (query.after, query.before) {
        if after.span().0 > before.span().1 {
            messages.push(format!(
                "after:{} is later than before:{}, so nothing can match.",
                after.iso(),
                before.iso()
            ));
        }
    }
    ParsedQuery { query, messages }
}

fn apply_field(
    query: &mut Query,
    name: &str,
    value: &str,
    negated: bool,
    messages: &mut Vec<String>,
) {
    let value = value.trim();
    if negated {
        messages.push(format!(
            "Excluding with -{name}: is not supported; that filter was ignored."
        ));
        return;
    }
    if value.is_empty() {
        messages.push(format!(
            "{name}: needs a value after the colon; it was ignored."
        ));
        return;
    }
    let list = match name {
        "outlet" | "site" | "source" => &mut query.outlets,
        "author" | "by" => &mut query.authors,
        "entity" => &mut query.entities,
        "lang" | "language" => &mut query.languages,
        "after" | "before" | "on" => {
            match PartialDate::parse(value) {
                Ok(date) => {
                    let slot = match name {
                        "after" => &mut query.after,
                        "before" => &mut query.before,
                        _ => &mut query.on,
                    };
                    *slot = Some(date);
                }
                Err(err) => messages.push(format!("{name}: was ignored: {err}.")),
            }
            return;
        }
        // Only names in `FIELDS` get here; a new one not yet handled is a no-op.
        _ => return,
    };
    if !list.iter().any(|v| v == value) {
        list.push(value.to_string());
    }
}

const FIELDS: [&str; 11] = [
    "outlet", "site", "source", "author", "by", "entity", "lang", "language", "after", "before",
    "on",
];

/// Splits the text into items. Handles quotes (closed or not), leading `-`,
/// `field:value` and `field:"quoted value"`, `OR`/`|` and `word*`.
fn lex(input: &str, typing: bool, messages: &mut Vec<String>) -> Vec<Item> {
    let mut items = Vec::new();
    let mut rest = input;
    loop {
        rest = rest.trim_start();
        if rest.is_empty() {
            break;
        }
        let mut negated = false;
        if let Some(after) = rest.strip_prefix('-') {
            if after.is_empty() || after.starts_with(char::is_whitespace) || after.starts_with('-')
            {
                messages.push(
                    "A lone - was ignored; put it right before a word to exclude that word.".into(),
                );
                rest = after.trim_start_matches('-');
                continue;
            }
            negated = true;
            rest = after;
        }
        if let Some(after) = rest.strip_prefix('"') {
            let (text, tail) = read_quoted(after, typing, messages);
            rest = tail;
            if text.trim().is_empty() {
                messages.push("Empty quotes were ignored.".into());
                continue;
            }
            items.push(Item::Term {
                negated,
                term: Term::Phrase(text.trim().to_string()),
            });
            continue;
        }
        let end = rest
            .find(|c: char| c.is_whitespace() || c == '"')
            .unwrap_or(rest.len());
        let mut chunk = &rest[..end];
        rest = &rest[end..];
        if chunk.is_empty() {
            // A quote inside a word (`foo"bar`): skip it and read on.
            rest = &rest[1..];
            continue;
        }
        if (chunk == "OR" || chunk == "|") && !negated {
            items.push(Item::Or);
            continue;
        }
        if let Some(colon) = chunk.find(':') {
            let name = chunk[..colon].to_ascii_lowercase();
            let is_name = !name.is_empty() && name.bytes().all(|b| b.is_ascii_alphabetic());
            if is_name && FIELDS.contains(&name.as_str()) {
                let mut value = chunk[colon + 1..].to_string();
                if value.is_empty() {
                    if let Some(after) = rest.strip_prefix('"') {
                        let (text, tail) = read_quoted(after, typing, messages);
                        value = text.to_string();
                        rest = tail;
                    }
                }
                items.push(Item::Field {
                    name,
                    value,
                    negated,
                });
                continue;
            }
            if is_name {
                messages.push(format!(
                    "There is no {name}: filter (try outlet:, author:, entity:, lang:, after:, before:, on:); \"{chunk}\" was searched as words."
                ));
                chunk = chunk.trim_end_matches(':');
            }
        }
        let prefix = chunk.ends_with('*');
        let text: String = chunk.chars().filter(|&c| c != '*').collect();
        if text.is_empty() {
            messages.push(
                "A lone * was ignored; put it right after the start of a word (karab*).".into(),
            );
            continue;
        }
        items.push(Item::Term {
            negated,
            term: Term::Word {
                text,
                prefix,
                open: false,
            },
        });
    }
    items
}

/// Reads up to the closing quote; returns the quoted text and what follows.
fn read_quoted<'a>(
    after_quote: &'a str,
    typing: bool,
    messages: &mut Vec<String>,
) -> (&'a str, &'a str) {
    match after_quote.find('"') {
        Some(close) => (&after_quote[..close], &after_quote[close + 1..]),
        None => {
            if !typing {
                messages.push("A closing quote is missing; the text after the quote was searched as a phrase.".into());
            }
            (after_quote, "")
        }
    }
}

#[cfg(test)]
mod tests;
