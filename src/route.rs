//! What is on screen, as it is written in the URL hash.
//!
//! The hash (not the path) holds the whole view so the same links work from
//! `file://`, on GitHub Pages and from any sub-folder, and so a copied link
//! reproduces the view exactly:
//!
//! ```text
//! #/?q=erdogan&outlet=Antiwar.com&from=2021-09&to=2024-03&sort=newest
//! #/article/003_2a5776a987d213dd?q=shusha&p=27
//! #/compare/kwic?q=shusha&term=liberat*&sort=left
//! #/compare/terms?a=Antiwar.com&b=Al-Monitor
//! #/compare/trends?terms=occup*,liberat*
//! ```
//!
//! On the Compare page (`#/compare/<tab>`: `naming`, `terms`, `kwic`,
//! `trends`, `timeline`, `quotes`, `export`) `sort` may also name the
//! concordance's order (`position`, `left`, `right`, `outlet`, `date`); the
//! two vocabularies do not overlap, so both can be given.
//!
//! The Compare page's settings are read and written in [`compare`]; its tabs
//! and the concordance's orders are named in [`compare_tab`].
//!
//! Parsing never fails: anything it cannot read is dropped with a notice
//! the page shows, and the rest of the view is kept.

mod compare;
mod compare_tab;

use dossier_core::search::{Filters, Sort};
use dossier_core::PartialDate;

pub use compare::{kwic_sort_from_name, kwic_sort_name, Compare, CompareTab, StopList, TermsVs};

/// Everything a link needs to reproduce a view.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct View {
    /// The search text as typed.
    pub query: String,
    /// Facet selections.
    pub filters: Filters,
    /// The order of results.
    pub sort: Sort,
    /// The open article, by id.
    pub article: Option<String>,
    /// The paragraph a link points at, in the open article.
    pub paragraph: Option<usize>,
    /// The Compare page, when it is open (and no article is).
    pub compare: Option<Compare>,
}

impl View {
    /// Reads a location hash (with or without `#`), with a notice for each
    /// part that could not be read.
    pub fn from_hash(hash: &str) -> (View, Vec<String>) {
        let mut view = View::default();
        let mut notices = Vec::new();
        let hash = hash.trim_start_matches('#');
        let (path, params) = hash.split_once('?').unwrap_or((hash, ""));
        let path = path.trim_matches('/');
        match path.split_once('/') {
            Some(("article", id)) if !id.is_empty() => view.article = Some(decode(id)),
            None if path.is_empty() => {}
            None if path == "compare" => view.compare = Some(Compare::default()),
            Some(("compare", tab)) => {
                let found = CompareTab::from_slug(tab);
                if found.is_none() {
                    notices.push(format!(
                        "The Compare page has no tab “{}”; showing the naming lens.",
                        decode(tab)
                    ));
                }
                view.compare = Some(Compare::tab(found.unwrap_or_default()));
            }
            _ => notices.push(format!(
                "The link's page “{}” is not one this explorer has; showing the list.",
                decode(path)
            )),
        }
        for pair in params.split('&').filter(|p| !p.is_empty()) {
            let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
            let value = decode(value);
            let f = &mut view.filters;
            match key {
                "q" => view.query = value,
                "outlet" => f.outlets.push(value),
                "author" => f.authors.push(value),
                "lang" => f.languages.push(value),
                "entity" => f.entities.push(value),
                "year" => f.years.push(value),
                "month" => f.months.push(value),
                "from" | "to" => match PartialDate::parse(&value) {
                    Ok(date) if key == "from" => f.after = Some(date),
                    Ok(date) => f.before = Some(date),
                    Err(_) => notices.push(format!(
                        "The link's date “{value}” is not a date; the date range was reset."
                    )),
                },
                key if view.compare.is_some() && compare::KEYS.contains(&key) => {
                    if let Some(c) = view.compare.as_mut() {
                        c.read(key, &value, &mut notices);
                    }
                }
                "sort" => match value.as_str() {
                    "relevance" => view.sort = Sort::Relevance,
                    "newest" => view.sort = Sort::Newest,
                    "oldest" => view.sort = Sort::Oldest,
                    name if view.compare.is_some() && kwic_sort_from_name(name).is_some() => {
                        if let (Some(c), Some(sort)) =
                            (view.compare.as_mut(), kwic_sort_from_name(name))
                        {
                            c.kwic_sort = sort;
                        }
                    }
                    _ => notices.push(format!(
                        "The link's sort order “{value}” is unknown; sorting by relevance."
                    )),
                },
                "p" => match value.parse() {
                    Ok(p) => view.paragraph = Some(p),
                    Err(_) => {
                        notices.push(format!("The link's paragraph “{value}” is not a number."))
                    }
                },
                _ => notices.push(format!(
                    "The link has a setting “{}” this explorer does not know; it was ignored.",
                    decode(key)
                )),
            }
        }
        (view, notices)
    }

    /// The hash for this view, including the `#`. Only what differs from
    /// the defaults is written, in a fixed order, so equal views have equal
    /// links.
    pub fn to_hash(&self) -> String {
        let mut out = String::from("#/");
        if let Some(id) = &self.article {
            out.push_str("article/");
            out.push_str(&encode(id));
        } else if let Some(c) = &self.compare {
            out.push_str("compare/");
            out.push_str(c.tab.slug());
        }
        let mut params: Vec<(&str, String)> = Vec::new();
        if !self.query.is_empty() {
            params.push(("q", self.query.clone()));
        }
        let f = &self.filters;
        for (key, values) in [
            ("outlet", &f.outlets),
            ("author", &f.authors),
            ("lang", &f.languages),
            ("entity", &f.entities),
            ("year", &f.years),
            ("month", &f.months),
        ] {
            params.extend(values.iter().map(|v| (key, v.clone())));
        }
        if let Some(date) = f.after {
            params.push(("from", date.iso()));
        }
        if let Some(date) = f.before {
            params.push(("to", date.iso()));
        }
        match self.sort {
            Sort::Relevance => {}
            Sort::Newest => params.push(("sort", "newest".into())),
            Sort::Oldest => params.push(("sort", "oldest".into())),
        }
        if let (Some(p), Some(_)) = (self.paragraph, &self.article) {
            params.push(("p", p.to_string()));
        }
        if let (Some(c), None) = (&self.compare, &self.article) {
            c.write(&mut params);
        }
        for (i, (key, value)) in params.iter().enumerate() {
            out.push(if i == 0 { '?' } else { '&' });
            out.push_str(key);
            out.push('=');
            out.push_str(&encode(value));
        }
        out
    }

    /// The same search as a list of results (no article, no Compare page).
    pub fn list(&self) -> View {
        View {
            article: None,
            paragraph: None,
            compare: None,
            ..self.clone()
        }
    }

    /// The same search with `id` open.
    pub fn with_article(&self, id: &str) -> View {
        View {
            article: Some(id.to_string()),
            paragraph: None,
            compare: None,
            ..self.clone()
        }
    }

    /// The same search with `id` open at `paragraph` (`None`: the headline).
    pub fn at_paragraph(&self, id: &str, paragraph: Option<usize>) -> View {
        View {
            paragraph,
            ..self.with_article(id)
        }
    }

    /// The same search on the Compare page with these settings.
    pub fn with_compare(&self, compare: Compare) -> View {
        View {
            compare: Some(compare),
            ..self.list()
        }
    }

    /// The view the browser is showing now, with notices.
    pub fn current() -> (View, Vec<String>) {
        View::from_hash(&gloo::utils::window().location().hash().unwrap_or_default())
    }
}

/// Percent-encodes everything but unreserved characters (RFC 3986), so any
/// text round-trips through a link.
pub(crate) fn encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        match byte {
            // `*` and `,` are allowed in a fragment and keep `liberat*` and
            // `occup*,liberat*` readable.
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' | b'*' | b',' => {
                out.push(byte as char)
            }
            _ => out.push_str(&format!("%{byte:02X}")),
        }
    }
    out
}

/// Decodes `%XX` escapes (and `+` as a space, as forms write it); invalid
/// escapes are kept as written rather than failing.
pub(crate) fn decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let escaped = (bytes[i] == b'%')
            .then(|| bytes.get(i + 1..i + 3))
            .flatten()
            .and_then(|h| std::str::from_utf8(h).ok())
            .and_then(|h| u8::from_str_radix(h, 16).ok());
        match (bytes[i], escaped) {
            (_, Some(b)) => {
                out.push(b);
                i += 3;
            }
            (b'+', None) => {
                out.push(b' ');
                i += 1;
            }
            (b, None) => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_empty_hash_is_the_plain_list() {
        for hash in ["", "#", "#/", "#/?"] {
            assert_eq!(View::from_hash(hash), (View::default(), vec![]), "{hash}");
        }
    }

    #[test]
    fn every_part_of_a_view_round_trips() {
        let view = View {
            query: "erdoğan \"ethnic cleansing\" -nato & co".into(),
            filters: Filters {
                outlets: vec!["Antiwar.com".into(), "Al-Monitor".into()],
                years: vec!["2023".into()],
                after: PartialDate::month(2021, 9),
                before: PartialDate::month(2024, 3),
                ..Default::default()
            },
            sort: Sort::Newest,
            article: Some("003_2a5776a987d213dd".into()),
            paragraph: Some(27),
            compare: None,
        };
        let hash = view.to_hash();
        assert!(
            hash.starts_with("#/article/003_2a5776a987d213dd?q=erdo%C4%9Fan"),
            "{hash}"
        );
        assert_eq!(View::from_hash(&hash), (view, vec![]));
    }

    #[test]
    fn bad_parts_are_dropped_with_a_notice_and_the_rest_kept() {
        let (view, notices) = View::from_hash("#/?q=karabakh&from=2021-13&sort=sideways&zzz=1&p=x");
        assert_eq!(view.query, "karabakh");
        assert_eq!(view.filters.after, None);
        assert_eq!(view.sort, Sort::Relevance);
        assert_eq!(notices.len(), 4, "{notices:?}");
    }

    #[test]
    fn an_unknown_page_falls_back_to_the_list() {
        let (view, notices) = View::from_hash("#/nowhere/at/all?q=x");
        assert_eq!((view.article, view.query.as_str()), (None, "x"));
        assert_eq!(notices.len(), 1);
    }

    #[test]
    fn malformed_escapes_do_not_panic() {
        let (view, _) = View::from_hash("#/article/%E2%82?q=%zz%4");
        assert_eq!(view.query, "%zz%4");
        assert!(view.article.is_some());
    }

    #[test]
    fn opening_an_article_leaves_the_compare_page() {
        let view = View::default().with_compare(Compare::tab(CompareTab::Kwic));
        let open = view.at_paragraph("a", Some(3));
        assert_eq!(open.to_hash(), "#/article/a?p=3");
        assert_eq!(open.list(), View::default());
    }
}
