//! A byline as a list of authors, the one parser behind every format that
//! names authors one by one (APA and Chicago citations, BibTeX `author`,
//! RIS `AU` lines), so they never disagree about who wrote an article.
//!
//! Bylines arrive as the article printed them: "By Dave DeCamp", "John
//! Smith and Jane Doe", "Smith, John", "Associated Press". The rules:
//!
//! - a leading "By " is the newspaper's, not part of a name;
//! - authors are separated by " and ", " & " or ";", and by commas only
//!   when every part has a space ("John Smith, Jane Doe"): "Smith, John"
//!   is one name, already inverted (family name first);
//! - a name holding a word such as Press, News, Agency or Staff, or a
//!   single word ("Reuters"), is a group author, written as it stands;
//! - otherwise the last word is the family name, with lower-case
//!   particles before it ("Ludwig van Beethoven" → "van Beethoven").

/// One author of an article.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Author {
    /// A person: family name ("DeCamp", "van Beethoven") and given names
    /// ("Dave", "Jean Paul"; empty when unknown).
    Person { family: String, given: String },
    /// An organisation or a desk, written as it stands ("Associated
    /// Press", "Reuters").
    Group(String),
}

/// Words that make a name a group author. Compared without case; a
/// constant table, so "Reuters Staff" and "BBC News" read as groups.
const GROUP_WORDS: [&str; 22] = [
    "press",
    "news",
    "agency",
    "staff",
    "reuters",
    "associated",
    "service",
    "bureau",
    "desk",
    "editorial",
    "team",
    "editors",
    "board",
    "newsroom",
    "correspondents",
    "ministry",
    "office",
    "committee",
    "council",
    "inc",
    "ltd",
    "wire",
];

impl Author {
    /// The name inverted, family name first: "DeCamp, Dave"; a group or a
    /// name without given names as it stands. BibTeX and RIS both want
    /// this form.
    pub(crate) fn inverted(&self) -> String {
        match self {
            Author::Person { family, given } if !given.is_empty() => format!("{family}, {given}"),
            Author::Person { family, .. } => family.clone(),
            Author::Group(name) => name.clone(),
        }
    }

    /// The name in reading order: "Dave DeCamp"; a group as it stands.
    pub(crate) fn natural(&self) -> String {
        match self {
            Author::Person { family, given } if !given.is_empty() => format!("{given} {family}"),
            Author::Person { family, .. } => family.clone(),
            Author::Group(name) => name.clone(),
        }
    }

    /// APA's form: "DeCamp, D.", "Sartre, J. P.", "Lévy, J.-P."; a group
    /// as it stands.
    pub(crate) fn apa(&self) -> String {
        match self {
            Author::Person { family, given } => {
                let initials: Vec<String> = given.split_whitespace().map(initials).collect();
                if initials.is_empty() {
                    family.clone()
                } else {
                    format!("{family}, {}", initials.join(" "))
                }
            }
            Author::Group(name) => name.clone(),
        }
    }
}

/// "Jean-Paul" → "J.-P.", "Dave" → "D.", "J." → "J.".
fn initials(given: &str) -> String {
    given
        .split('-')
        .filter_map(|part| part.chars().next())
        .map(|c| format!("{c}."))
        .collect::<Vec<_>>()
        .join("-")
}

/// The authors named in a byline, in order; empty for an empty byline.
pub(crate) fn parse_authors(byline: &str) -> Vec<Author> {
    let byline = strip_by(byline.trim());
    split_authors(byline)
        .into_iter()
        .filter_map(|name| parse_one(&name))
        .collect()
}

/// "By Dave DeCamp" → "Dave DeCamp" (also "by", "BY", "By:").
fn strip_by(byline: &str) -> &str {
    if byline.eq_ignore_ascii_case("by") {
        return "";
    }
    let lower = byline.get(..3).map(str::to_ascii_lowercase);
    match lower.as_deref() {
        Some("by ") | Some("by:") => byline[3..].trim_start(),
        _ => byline,
    }
}

/// The byline cut into one string per author (see the module docs).
fn split_authors(byline: &str) -> Vec<String> {
    let mut parts = Vec::new();
    for chunk in byline.split(';') {
        let words: Vec<&str> = chunk.split_whitespace().collect();
        let mut current: Vec<&str> = Vec::new();
        for w in words {
            if w.eq_ignore_ascii_case("and") || w == "&" {
                parts.push(current.join(" "));
                current.clear();
            } else {
                current.push(w);
            }
        }
        parts.push(current.join(" "));
    }
    // Commas separate authors only when every part is a whole name
    // ("John Smith, Jane Doe"); "Smith, John" is one inverted name.
    parts
        .into_iter()
        .flat_map(|part| {
            let pieces: Vec<&str> = part.split(',').map(str::trim).collect();
            if pieces.len() > 1 && pieces.iter().all(|p| p.contains(' ')) {
                pieces.into_iter().map(String::from).collect()
            } else {
                vec![part]
            }
        })
        .map(|p| p.trim().trim_matches(',').trim().to_string())
        .filter(|p| !p.is_empty())
        .collect()
}

/// Whether `name` is an organisation or desk rather than a person.
fn is_group(name: &str) -> bool {
    let words: Vec<&str> = name.split_whitespace().collect();
    words.len() == 1
        || words.iter().any(|w| {
            let w = w.trim_matches(|c: char| !c.is_alphanumeric());
            GROUP_WORDS.iter().any(|g| g.eq_ignore_ascii_case(w))
        })
}

/// One author's name, already cut from the byline.
fn parse_one(name: &str) -> Option<Author> {
    if name.is_empty() {
        return None;
    }
    if is_group(name) {
        return Some(Author::Group(name.to_string()));
    }
    if let Some((family, given)) = name.split_once(',') {
        return Some(Author::Person {
            family: family.trim().to_string(),
            given: given.split_whitespace().collect::<Vec<_>>().join(" "),
        });
    }
    let words: Vec<&str> = name.split_whitespace().collect();
    // The family name is the last word plus the lower-case particles just
    // before it ("van", "de la"), but never the first word.
    let mut start = words.len() - 1;
    while start > 1
        && words[start - 1]
            .chars()
            .next()
            .is_some_and(char::is_lowercase)
    {
        start -= 1;
    }
    Some(Author::Person {
        family: words[start..].join(" "),
        given: words[..start].join(" "),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn person(family: &str, given: &str) -> Author {
        Author::Person {
            family: family.into(),
            given: given.into(),
        }
    }

    #[test]
    fn two_authors_joined_by_and_are_two_people() {
        assert_eq!(
            parse_authors("John Smith and Jane Doe"),
            [person("Smith", "John"), person("Doe", "Jane")]
        );
        assert_eq!(
            parse_authors("John Smith & Jane Doe; Bob Roe"),
            [
                person("Smith", "John"),
                person("Doe", "Jane"),
                person("Roe", "Bob")
            ]
        );
    }

    #[test]
    fn commas_split_only_whole_names() {
        assert_eq!(
            parse_authors("John Smith, Jane Doe"),
            [person("Smith", "John"), person("Doe", "Jane")]
        );
        assert_eq!(parse_authors("Smith, John"), [person("Smith", "John")]);
        assert_eq!(
            parse_authors("Smith, John and Doe, Jane"),
            [person("Smith", "John"), person("Doe", "Jane")]
        );
    }

    #[test]
    fn a_leading_by_is_not_a_name() {
        assert_eq!(parse_authors("By Dave DeCamp"), [person("DeCamp", "Dave")]);
        assert_eq!(parse_authors("by: Dave DeCamp"), [person("DeCamp", "Dave")]);
        // A name that merely starts with "By" keeps it.
        assert_eq!(parse_authors("Byron Smith"), [person("Smith", "Byron")]);
    }

    #[test]
    fn organisations_are_written_as_they_stand() {
        for group in ["Associated Press", "Reuters", "BBC News", "Reuters Staff"] {
            assert_eq!(
                parse_authors(group),
                [Author::Group(group.into())],
                "{group}"
            );
        }
        assert_eq!(
            parse_authors("Associated Press and Reuters"),
            [
                Author::Group("Associated Press".into()),
                Author::Group("Reuters".into())
            ]
        );
    }

    #[test]
    fn particles_belong_to_the_family_name() {
        assert_eq!(
            parse_authors("Ludwig van Beethoven"),
            [person("van Beethoven", "Ludwig")]
        );
        assert_eq!(parse_authors("Jean Paul Sartre")[0].apa(), "Sartre, J. P.");
        assert_eq!(parse_authors("Jean-Paul Lévy")[0].apa(), "Lévy, J.-P.");
    }

    #[test]
    fn an_empty_byline_names_nobody() {
        assert_eq!(parse_authors("  "), []);
        assert_eq!(parse_authors("By "), []);
    }
}
