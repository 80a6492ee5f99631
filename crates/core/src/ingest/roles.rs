//! Paragraph roles: which lines of a saved page are the article and which
//! are its dek, captions, byline, author bio or page furniture.
//!
//! Every rule is general (about how news pages are built), never a list of
//! one outlet's strings, and has a name that is stored with the paragraph
//! so a curator can see why a line was hidden. The rules, first match wins:
//!
//! | rule | role | what it recognises |
//! | --- | --- | --- |
//! | `navigation-link` | furniture | "Skip to main content", "Jump to navigation" |
//! | `comment-notice` | furniture | "Comments are closed.", notes about commenting |
//! | `subscription-price` | furniture | a short line with a price per period ("Only $100 per year.") |
//! | `press-contact` | furniture | a short line with an e-mail address or "press/media contact" |
//! | `donation-appeal` | furniture | "Will you join us?", "donate", "support our work" |
//! | `call-to-action` | furniture | a short line starting with an imperative (Join, Subscribe, Access…) addressed to the reader |
//! | `byline` | byline | "Author: Name", "By Name" |
//! | `author-bio` | bio | "Name is the news editor of X…", "follow him on…" |
//! | `photo-credit` | caption | a line ending with a photo credit in brackets ("(… via AP)") |
//! | `credit-line` | caption | a line that is only a credit ("The Associated Press", "Photo: …") |
//! | `map-caption` | caption | "Map showing …", "Photo of …" |
//! | `wire-caption` | caption | the agency caption style "… on December 1, 2020. - …" |
//! | `dek-after-headline` | dek | a short first paragraph right after the headline, unless it is a quote or a dateline (a line that is only a date, such as `March 12, 2021`, is one) |
//! | `caption-under-dek` | caption | a short line printed directly under the dek (the lead photo's caption) |
//! | `date-line` | furniture | a first paragraph that is only the date it gave the article (set where the dateline is read, `ingester.rs`) |

use std::sync::OnceLock;

use regex::Regex;

use super::text::word_count;
use crate::model::Role;

/// A line of the input with its layout: whether a blank line preceded it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Line<'a> {
    /// The trimmed text.
    pub text: &'a str,
    /// A blank line came before it (paragraph break), as opposed to a
    /// single line break (same block).
    pub blank_before: bool,
}

/// Compiles a rule pattern once. Word boundaries are ASCII ones (`\b`
/// around English words), which keeps matching on the fast DFA engine even
/// in non-ASCII text.
fn re(cell: &'static OnceLock<Regex>, pattern: &str) -> &'static Regex {
    cell.get_or_init(|| {
        Regex::new(&pattern.replace(r"\b", r"(?-u:\b)")).expect("valid rule pattern")
    })
}

/// The accessibility links a saved web page carries ("Skip to main
/// content", "Skip to content", "Jump to navigation").
pub fn is_navigation_link(line: &str) -> bool {
    // At most five words: checked before lower-casing, which would copy
    // every long body paragraph only to reject it.
    if line.split_whitespace().nth(5).is_some() {
        return false;
    }
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

/// The furniture, byline and bio rules, which do not depend on position.
/// Returns the role and rule name.
pub fn classify_line(text: &str) -> Option<(Role, &'static str)> {
    static COMMENTS: OnceLock<Regex> = OnceLock::new();
    static PRICE: OnceLock<Regex> = OnceLock::new();
    static EMAIL: OnceLock<Regex> = OnceLock::new();
    static CONTACT: OnceLock<Regex> = OnceLock::new();
    static DONATE: OnceLock<Regex> = OnceLock::new();
    static IMPERATIVE: OnceLock<Regex> = OnceLock::new();
    static READER: OnceLock<Regex> = OnceLock::new();
    static BYLINE: OnceLock<Regex> = OnceLock::new();
    static BIO: OnceLock<Regex> = OnceLock::new();
    static FOLLOW: OnceLock<Regex> = OnceLock::new();
    static CREDIT_END: OnceLock<Regex> = OnceLock::new();
    static CREDIT_LINE: OnceLock<Regex> = OnceLock::new();
    static MAP: OnceLock<Regex> = OnceLock::new();
    static WIRE: OnceLock<Regex> = OnceLock::new();

    // Every rule below asks for at most 90 words, so counting stops at 91:
    // a long body paragraph is not walked to its end.
    let words = text.split_whitespace().take(91).count();
    let short = words <= 40;
    if is_navigation_link(text) {
        return Some((Role::Furniture, "navigation-link"));
    }
    let comments = re(
        &COMMENTS,
        r"(?i)^(?:comments? (?:are|is) (?:closed|disabled|off)|(?:be the first to |leave a |post a |add a |view |show |hide |load )comments?\b|\d+ comments?$)|\bcommenting\b|\bcomment (?:policy|section|guidelines)\b",
    );
    if short && comments.is_match(text) {
        return Some((Role::Furniture, "comment-notice"));
    }
    let price = re(
        &PRICE,
        r"(?i)(?:[$€£¥]\s?\d[\d.,]*|\d[\d.,]*\s?(?:USD|EUR|GBP|dollars|euros))\s*(?:/|per|a|an|each)\s*(?:year|month|week|day|yr|mo|annum)\b",
    );
    if words <= 25 && price.is_match(text) {
        return Some((Role::Furniture, "subscription-price"));
    }
    let email = re(&EMAIL, r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+");
    let contact = re(
        &CONTACT,
        r"(?i)\b(?:press|media) (?:contact|inquiries|enquiries|office)\b|\bfor interviews\b|\bplease contact\b|\bcontact us\b",
    );
    if short && (email.is_match(text) || contact.is_match(text)) {
        return Some((Role::Furniture, "press-contact"));
    }
    let donate = re(
        &DONATE,
        r"(?i)\bwill you (?:join|help|support|stand with|give|donate|pray)\b|\bdonat(?:e|ion)s?\b|\bsupport (?:our|independent) (?:work|journalism|mission|reporting)\b|\bmake a (?:gift|contribution)\b|\bbecome a (?:member|supporter|patron)\b",
    );
    if short && donate.is_match(text) {
        return Some((Role::Furniture, "donation-appeal"));
    }
    let imperative = re(
        &IMPERATIVE,
        r"^(?:Access|Join|Subscribe|Sign up|Sign in|Log in|Register|Unlock|Upgrade|Support|Donate|Become|Get (?:unlimited|full|access|the)|Try|Download|Follow us|Share this|Read more|Click|Continue reading|Don’t miss|Don't miss)\b",
    );
    let reader = re(
        &READER,
        r"(?i)\b(?:you|your|our|us|free|today|now|subscribe|subscription|subscribers?|newsletters?|readers?|membership|premium)\b",
    );
    if words <= 30
        && imperative.is_match(text)
        && reader.is_match(text)
        && !text.contains(['“', '"'])
    {
        return Some((Role::Furniture, "call-to-action"));
    }
    let byline = re(
        &BYLINE,
        r"^(?:(?:Author|Written by|Words by|Reporting by|Posted by)\s*:?|By:?)\s+(?P<name>\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*){0,3}(?:\s+and\s+\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*){0,3})?)\s*$",
    );
    if byline.is_match(text) {
        return Some((Role::Byline, "byline"));
    }
    let bio = re(
        &BIO,
        r"^\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*){0,3}\s+(?:is|was|has been)\s+(?:a|an|the)\b.{0,80}?\b(?:editor|reporter|correspondent|writer|journalist|columnist|contributor|author|analyst|fellow|producer|chief|director|researcher)\b",
    );
    let follow = re(&FOLLOW, r"(?i)\bfollow (?:him|her|them|me) (?:on|at)\b");
    if words <= 60 && (bio.is_match(text) || follow.is_match(text)) {
        return Some((Role::Bio, "author-bio"));
    }
    let credit_end = re(
        &CREDIT_END,
        r"(?i)\((?:[^()]*\b(?:via|photo|photograph|credit|getty images|shutterstock|afp|reuters|epa|anadolu)\b[^()]*)\)\s*\.?$",
    );
    if words <= 80 && credit_end.is_match(text) {
        return Some((Role::Caption, "photo-credit"));
    }
    let credit_line = re(
        &CREDIT_LINE,
        r"(?i)^(?:(?:photo|image|picture|credit|source|photograph)s?\s*(?:by\b|:).{0,80}|(?:the )?(?:associated press|ap|afp|reuters|getty images|anadolu(?: agency)?|shutterstock|epa(?:-efe)?|xinhua|tass|sputnik|ria novosti|dpa)(?:\s*(?:photo|/|via|file)\b.{0,60})?)\.?$",
    );
    if words <= 12 && credit_line.is_match(text) {
        return Some((Role::Caption, "credit-line"));
    }
    let map = re(
        &MAP,
        r"(?i)^(?:a |an |the )?(?:map|chart|graphic|infographic|satellite image|photo|picture|image|file photo)\s+(?:showing|shows|of|depicting|illustrating)\b",
    );
    if words <= 40 && map.is_match(text) {
        return Some((Role::Caption, "map-caption"));
    }
    let wire = re(&WIRE, r"\b(?:19|20)\d{2}\s*\.\s+-\s+\S");
    if words <= 90 && wire.is_match(text) {
        return Some((Role::Caption, "wire-caption"));
    }
    None
}

/// Assigns a role and rule to each line after the headline. `lines` are
/// the paragraphs that follow the headline, in order.
pub fn classify(lines: &[Line<'_>]) -> Vec<(Role, Option<&'static str>)> {
    let mut out: Vec<(Role, Option<&'static str>)> = lines
        .iter()
        .map(|l| match classify_line(l.text) {
            Some((role, rule)) => (role, Some(rule)),
            None => (Role::Body, None),
        })
        .collect();
    // The first paragraph under the headline, when short and not a quote or
    // a dateline, is the standfirst; a short line printed directly under it
    // (no blank line between) is the lead photo's caption.
    if let Some(first) = lines.first() {
        let words = word_count(first.text);
        let quote_start = first.text.starts_with(['“', '"', '‘', '\'']);
        let dateline = super::dates::dateline(first.text, None).is_some();
        if out[0].0 == Role::Body
            && words <= 30
            && first.text.len() <= 250
            && !quote_start
            && !dateline
            && lines.len() > 2
        {
            out[0] = (Role::Dek, Some("dek-after-headline"));
            if let Some(next) = lines.get(1) {
                if out[1].0 == Role::Body
                    && !next.blank_before
                    && word_count(next.text) <= 45
                    && lines.len() > 3
                {
                    out[1] = (Role::Caption, Some("caption-under-dek"));
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn role(text: &str) -> Option<(Role, &'static str)> {
        classify_line(text)
    }

    #[test]
    fn recognises_furniture_by_general_rules() {
        for (text, rule) in [
            ("Comments are closed.", "comment-notice"),
            (
                "Please let us know if you're having issues with commenting.",
                "comment-notice",
            ),
            ("12 comments", "comment-notice"),
            ("Only $100 per year.", "subscription-price"),
            ("Subscribe for €5/month", "subscription-price"),
            (
                "For interviews, please contact Jane Roe: press@example.org.",
                "press-contact",
            ),
            ("Media inquiries: call our office.", "press-contact"),
            (
                "We are on a mission to help. Will you join us?",
                "donation-appeal",
            ),
            ("Support our work with a donation today", "donation-appeal"),
            (
                "Access the world news and analysis you can trust",
                "call-to-action",
            ),
            (
                "Join our community of readers to get all of our newsletters.",
                "call-to-action",
            ),
            ("Skip to content", "navigation-link"),
        ] {
            assert_eq!(role(text), Some((Role::Furniture, rule)), "{text}");
        }
    }

    #[test]
    fn recognises_bylines_bios_and_captions() {
        assert_eq!(role("Author: Jane Roe"), Some((Role::Byline, "byline")));
        assert_eq!(
            role("By John Smith and Ann Lee"),
            Some((Role::Byline, "byline"))
        );
        assert_eq!(
            role("Jane Roe is the news editor of Example.com, follow her on Twitter @jr."),
            Some((Role::Bio, "author-bio"))
        );
        assert_eq!(
            role("Leaders meet in Sochi, Wednesday, Sept. 29, 2021. (Jane Roe, Pool Photo via AP)"),
            Some((Role::Caption, "photo-credit"))
        );
        assert_eq!(
            role("The Associated Press"),
            Some((Role::Caption, "credit-line"))
        );
        assert_eq!(
            role("Photo: Jane Roe/Reuters"),
            Some((Role::Caption, "credit-line"))
        );
        assert_eq!(
            role("Map showing the region"),
            Some((Role::Caption, "map-caption"))
        );
        assert_eq!(
            role("Soldiers ride in a truck on December 1, 2020. - Soldiers on December 1 hoisted a flag."),
            Some((Role::Caption, "wire-caption"))
        );
    }

    #[test]
    fn ordinary_body_text_has_no_rule() {
        for text in [
            "Azerbaijan began joint military exercises with Turkey on Tuesday.",
            "“I urge both countries to reach an agreement,” he said.",
            "Join the talks, the minister told reporters, or face sanctions.",
            "The war ended following a cease-fire agreement reached on November 9.",
            "The Associated Press reported that 120,000 people fled the region in a week.",
            "By the end of the week, a war will begin.",
        ] {
            assert_eq!(role(text), None, "{text}");
        }
    }

    #[test]
    fn a_short_first_line_is_the_dek_and_a_line_under_it_a_caption() {
        let lines = [
            Line {
                text: "Ankara backs the drive.",
                blank_before: true,
            },
            Line {
                text: "The president held a meeting with his counterpart.",
                blank_before: false,
            },
            Line {
                text: "A long body paragraph.",
                blank_before: true,
            },
            Line {
                text: "Another.",
                blank_before: true,
            },
        ];
        let roles: Vec<_> = classify(&lines).into_iter().map(|r| r.0).collect();
        assert_eq!(roles, [Role::Dek, Role::Caption, Role::Body, Role::Body]);
    }

    #[test]
    fn a_line_that_is_only_a_date_is_neither_dek_nor_over_a_caption() {
        let lines = [
            Line {
                text: "12 марта 2021 г.",
                blank_before: true,
            },
            Line {
                text: "Президент Азербайджана Ильхам Алиев посетил Шушу.",
                blank_before: false,
            },
            Line {
                text: "A long body paragraph.",
                blank_before: false,
            },
            Line {
                text: "Another.",
                blank_before: false,
            },
        ];
        let roles: Vec<_> = classify(&lines).into_iter().map(|r| r.0).collect();
        assert_eq!(roles, [Role::Body; 4]);
    }
}
