//! Quotes: who is quoted saying what.
//!
//! A quotation (between “ ”, " ", « » or „ “) is attributed when the
//! sentence around it names a speaker with a speech verb: `“…,” X said`,
//! `“…,” said X`, `X said (that) “…”`, `X told … “…”`, `according to X,
//! “…”`; Russian, Armenian, Turkish and Azerbaijani have their own shapes
//! ([`languages`]). "He" or "she" (or "он", "նա", "o") is the person the
//! text named last. A paragraph that is all
//! quotation, right after a quoted paragraph, continues that speaker. A
//! speaker containing a gazetteer person or organisation links to it.

mod languages;

use std::sync::OnceLock;

use regex::Regex;

use self::languages::{Attribution, Who};
use super::text::{sentence_at, sentences};
use crate::entities::{EntityKind, Gazetteer};
use crate::model::{Article, Mention, Quote, Role};

const VERBS: &str = r"said|says|say|told|tells|added|adds|warned|stated|noted|urged|declared|wrote|claimed|insisted|argued|explained|asked|announced|stressed|emphasized|emphasised|tweeted|continued|complained|replied|remarked";

fn verb_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| Regex::new(&format!(r"(?-u:\b)(?:{VERBS})(?-u:\b)")).expect("valid"))
}

/// Speech verbs in `text`, except inside hyphenated words ("self-declared")
/// or next to a non-ASCII letter, which the ASCII word bound lets through
/// (Turkish "sayısı" is not "say").
fn speech_verbs(text: &str) -> impl Iterator<Item = regex::Match<'_>> {
    verb_re().find_iter(text).filter(|m| {
        let joined = |c: char| c == '-' || c.is_alphabetic();
        !text[..m.start()].ends_with(joined) && !text[m.end()..].starts_with(joined)
    })
}

fn according_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"(?i)(?-u:\b)according to\s+(?P<who>[^,.;:]{2,80})").expect("valid")
    })
}

/// Quoted spans of a paragraph as byte ranges including the marks.
fn quoted_spans(text: &str) -> Vec<(usize, usize)> {
    let mut spans = Vec::new();
    let mut open: Option<(usize, char)> = None;
    for (i, c) in text.char_indices() {
        match (open, c) {
            (None, '“') => open = Some((i, '”')),
            (None, '"') => open = Some((i, '"')),
            (None, '«') => open = Some((i, '»')),
            // Russian „…“: its closing mark opens an English quotation.
            (None, '„') => open = Some((i, '“')),
            (Some((s, close)), c) if c == close => {
                spans.push((s, i + c.len_utf8()));
                open = None;
            }
            _ => {}
        }
    }
    if let Some((s, _)) = open {
        // A quotation running on into the next paragraph.
        spans.push((s, text.len()));
    }
    spans
}

/// The paragraph with every quotation's inside replaced by `_` and its
/// marks by `"`, byte for byte, so the words outside can be searched
/// without matching the quoted words, at the same offsets.
fn mask(text: &str, spans: &[(usize, usize)]) -> String {
    let mut bytes = text.as_bytes().to_vec();
    for &(s, e) in spans {
        for b in &mut bytes[s..e] {
            *b = b'_';
        }
        bytes[s] = b'"';
        bytes[e - 1] = b'"';
    }
    // Only ASCII bytes were written over whole character ranges, except
    // inside multi-byte characters at span ends, which are all masked too.
    String::from_utf8_lossy(&bytes).into_owned()
}

const PRONOUNS: &[&str] = &["he", "she"];
const ADVERBS: &[&str] = &[
    "also",
    "later",
    "previously",
    "again",
    "then",
    "once",
    "further",
    "reportedly",
    "recently",
];
const CONNECTORS: &[&str] = &["and", "but", "as", "while", "who", "which", "that"];

/// The speaker phrase just before a verb at `verb_start` in `masked`: the
/// words back to the clause start, without adverbs, trailing time phrases
/// and leading conjunctions. `None` when there is no phrase or it is a
/// coordination ("… and said") that names nobody.
fn speaker_before(masked: &str, verb_start: usize) -> Option<(usize, usize)> {
    let before = &masked[..verb_start];
    let clause_start = before
        .rfind([',', ';', ':', '"', '(', '.', '—', '–'])
        .map(|i| i + before[i..].chars().next().map_or(1, char::len_utf8))
        .unwrap_or(0);
    let mut words: Vec<(usize, usize)> = crate::entities::words(&masked[clause_start..verb_start])
        .map(|(s, e)| (s + clause_start, e + clause_start))
        .collect();
    // Possessive "’s" and similar leave one-letter words; keep them inside.
    while let Some(&(s, e)) = words.last() {
        let w = masked[s..e].to_lowercase();
        if ADVERBS.contains(&w.as_str()) {
            words.pop();
        } else {
            break;
        }
    }
    // "… on Monday said", "… on Sept. 20 said": drop a trailing time phrase.
    if let Some(on) = words.iter().rposition(|&(s, e)| &masked[s..e] == "on") {
        if on > 0 && words.len() - on <= 3 {
            words.truncate(on);
        }
    }
    let first_kept = words
        .iter()
        .position(|&(s, e)| !CONNECTORS.contains(&masked[s..e].to_lowercase().as_str()))?;
    if first_kept > 0 && words.len() == first_kept {
        return None;
    }
    let words = &words[first_kept..];
    if words.is_empty() || words.len() > 8 {
        // Too long for a speaker phrase: keep only a trailing run of
        // capitalised words (a name), if any.
        let mut run = words.len();
        while run > 0 && masked[words[run - 1].0..].starts_with(|c: char| c.is_uppercase()) {
            run -= 1;
        }
        if run == words.len() {
            return None;
        }
        return Some((words[run].0, words[words.len() - 1].1));
    }
    Some((words[0].0, words[words.len() - 1].1))
}

/// The speaker phrase just after a verb ("…,” said X.").
fn speaker_after(masked: &str, verb_end: usize) -> Option<(usize, usize)> {
    let rest = &masked[verb_end..];
    let stop = rest
        .find([',', ';', ':', '"', '.', '—', '–'])
        .unwrap_or(rest.len());
    let words: Vec<(usize, usize)> = crate::entities::words(&rest[..stop]).take(8).collect();
    let first = words.first()?;
    if !rest[first.0..].starts_with(|c: char| c.is_uppercase()) {
        return None;
    }
    Some((verb_end + first.0, verb_end + words.last()?.1))
}

struct Speaker {
    name: String,
    entity: Option<String>,
    cue: String,
}

/// Finds the quotes of an article. `mentions` are the article's gazetteer
/// mentions (for links and for resolving "he said").
pub fn find_quotes(article: &Article, mentions: &[Mention], gazetteer: &Gazetteer) -> Vec<Quote> {
    let linkable = |id: &str| {
        gazetteer
            .get(id)
            .is_some_and(|e| matches!(e.kind, EntityKind::Person | EntityKind::Organisation))
    };
    let is_person = |id: &str| {
        gazetteer
            .get(id)
            .is_some_and(|e| e.kind == EntityKind::Person)
    };
    let mut out: Vec<Quote> = Vec::new();
    let mut previous_paragraph_speaker: Option<(usize, String, Option<String>)> = None;
    for (pi, p) in article.paragraphs.iter().enumerate() {
        if !matches!(p.role, Role::Body | Role::Dek) {
            continue;
        }
        let text = p.text.as_str();
        let spans = quoted_spans(text);
        if spans.is_empty() {
            continue;
        }
        let masked = mask(text, &spans);
        let bounds = sentences(&masked);
        // The entity mentioned inside a range of this paragraph, if any.
        let link = |s: usize, e: usize| -> Option<&Mention> {
            let mut inside = mentions.iter().filter(|m| {
                m.paragraph == Some(pi) && m.start >= s && m.end <= e && linkable(&m.entity)
            });
            inside
                .clone()
                .find(|m| is_person(&m.entity))
                .or_else(|| inside.next_back())
        };
        // The last person named before byte `at` of this paragraph.
        let last_person = |at: usize| -> Option<&Mention> {
            mentions
                .iter()
                .filter(|m| match m.paragraph {
                    Some(q) => q < pi || (q == pi && m.end <= at),
                    None => false,
                })
                .rfind(|m| is_person(&m.entity))
        };
        // `english`: a phrase must start with a capital or "the "; the
        // other languages' patterns checked their phrase themselves
        // (Russian titles are lowercase: "пресс-секретарь МИД …").
        let resolve = |s: usize, e: usize, cue: &str, english: bool| -> Option<Speaker> {
            let phrase = text[s..e].trim();
            let lower = phrase.to_lowercase();
            if PRONOUNS.contains(&lower.as_str()) || languages::PRONOUNS.contains(&lower.as_str()) {
                let m = last_person(s)?;
                return Some(Speaker {
                    name: m.text.clone(),
                    entity: Some(m.entity.clone()),
                    cue: format!("{} {cue}", phrase.to_lowercase()),
                });
            }
            if english
                && phrase.chars().next().is_some_and(char::is_lowercase)
                && !phrase.starts_with("the ")
            {
                return None;
            }
            let linked = link(s, e);
            Some(Speaker {
                name: match linked {
                    Some(m) if is_person(&m.entity) => m.text.clone(),
                    _ => phrase.to_string(),
                },
                entity: linked.map(|m| m.entity.clone()),
                cue: cue.to_string(),
            })
        };
        let mut quoted_here: Option<(String, Option<String>)> = None;
        for (qi, &(qs, qe)) in spans.iter().enumerate() {
            let (ss, se) = sentence_at(&bounds, qs, masked.len());
            let se = se.max(qe);
            let next_quote = spans.get(qi + 1).map_or(se, |n| n.0.min(se));
            // After the quotation: “…,” X said / “…,” said X.
            let after = speech_verbs(&masked[qe..next_quote.max(qe)]).find_map(|v| {
                let (vs, ve) = (qe + v.start(), qe + v.end());
                let found = speaker_before(&masked, vs)
                    .filter(|&(s, _)| s >= qe)
                    .or_else(|| speaker_after(&masked, ve));
                found.and_then(|(s, e)| resolve(s, e, v.as_str(), true))
            });
            // Before it: X said (that) “…”, according to X, “…”.
            let before = || {
                let region = &masked[ss..qs];
                let verbs: Vec<_> = speech_verbs(region).collect();
                verbs
                    .iter()
                    .rev()
                    .find_map(|v| {
                        let vs = ss + v.start();
                        speaker_before(&masked, vs)
                            .filter(|&(s, _)| s >= ss)
                            .and_then(|(s, e)| resolve(s, e, v.as_str(), true))
                    })
                    .or_else(|| {
                        let c = according_re().captures_iter(region).last()?;
                        let who = c.name("who")?;
                        let (s, e) = (ss + who.start(), ss + who.end());
                        resolve(s, e, "according to", true)
                    })
            };
            let whole_paragraph =
                qi == 0 && qs == 0 && spans.len() == 1 && text[qe..].trim().len() <= 2;
            // Russian, Armenian, Turkish, Azerbaijani.
            let other = || match languages::attribute(&masked, &spans, qi)? {
                Attribution {
                    who: Who::Phrase(s, e),
                    cue,
                } => resolve(s, e, &cue, false),
                Attribution {
                    who: Who::Unnamed,
                    cue,
                } => last_person(qs).map(|m| Speaker {
                    name: m.text.clone(),
                    entity: Some(m.entity.clone()),
                    cue,
                }),
            };
            let speaker = after.or_else(before).or_else(other).or_else(|| {
                let (_, name, entity) = previous_paragraph_speaker
                    .as_ref()
                    .filter(|(at, _, _)| *at + 1 == pi)?;
                whole_paragraph.then(|| Speaker {
                    name: name.clone(),
                    entity: entity.clone(),
                    cue: "continued".to_string(),
                })
            });
            let Some(speaker) = speaker else { continue };
            let open_len = text[qs..].chars().next().map_or(1, char::len_utf8);
            let close_len = if qe == text.len() && !text.ends_with(['”', '"', '»', '“']) {
                0
            } else {
                text[..qe].chars().next_back().map_or(1, char::len_utf8)
            };
            // A lone quotation mark has nothing between its ends: `to` can fall
            // before `from`, and `get` also refuses a cut inside a character.
            let (from, to) = (qs + open_len, qe.saturating_sub(close_len));
            let Some(words) = text.get(from..to.max(from)) else {
                continue;
            };
            let words = words.trim();
            let words = words.trim_end_matches([',', ' ']);
            if words.is_empty() {
                continue;
            }
            quoted_here = Some((speaker.name.clone(), speaker.entity.clone()));
            out.push(Quote {
                speaker: speaker.name,
                entity: speaker.entity,
                quote: words.to_string(),
                paragraph: pi,
                cue: speaker.cue,
            });
        }
        previous_paragraph_speaker = quoted_here.map(|(n, e)| (pi, n, e));
    }
    out
}

#[cfg(test)]
mod tests;
