//! Property tests for search: the parser never panics, filters only ever
//! remove results, and facet counts agree with a brute-force scan.

use dossier_core::search::{parse_query, Filters, SearchConfig, SearchIndex, SearchOptions};
use dossier_core::{Article, Fact, Paragraph, PartialDate, Provenance};
use proptest::prelude::*;

const WORDS: [&str; 8] = [
    "baku", "lachin", "ankara", "shusha", "nato", "tehran", "aliyev", "yerevan",
];
const OUTLETS: [&str; 3] = ["Alpha", "Beta", "Gamma"];

#[derive(Clone, Debug)]
struct Doc {
    words: Vec<usize>,
    outlet: Option<usize>,
    /// (year offset from 2020, month or 0 for year precision)
    date: Option<(i32, u8)>,
}

fn doc() -> impl Strategy<Value = Doc> {
    (
        prop::collection::vec(0..WORDS.len(), 0..6),
        prop::option::of(0..OUTLETS.len()),
        prop::option::of((0..4i32, 0..13u8)),
    )
        .prop_map(|(words, outlet, date)| Doc {
            words,
            outlet,
            date,
        })
}

fn article(i: usize, d: &Doc) -> Article {
    let text: Vec<&str> = d.words.iter().map(|&w| WORDS[w]).collect();
    Article {
        id: format!("{i:03}"),
        headline: format!("Article {i}"),
        paragraphs: vec![Paragraph::body(text.join(" "))],
        outlet: d
            .outlet
            .map(|o| Fact::new(OUTLETS[o].to_string(), Provenance::Text)),
        published: d.date.map(|(y, m)| {
            let date = if m == 0 {
                PartialDate::year(2020 + y)
            } else {
                PartialDate::month(2020 + y, m).unwrap()
            };
            Fact::new(date, Provenance::Manifest)
        }),
        ..Default::default()
    }
}

fn filters() -> impl Strategy<Value = Filters> {
    (
        prop::collection::vec(0..OUTLETS.len(), 0..3),
        prop::collection::vec(0..4i32, 0..3),
        prop::option::of(0..4i32),
    )
        .prop_map(|(outlets, years, after)| Filters {
            outlets: outlets
                .into_iter()
                .map(|o| OUTLETS[o].to_string())
                .collect(),
            years: years.into_iter().map(|y| (2020 + y).to_string()).collect(),
            after: after.map(|y| PartialDate::year(2020 + y)),
            ..Default::default()
        })
}

fn all() -> SearchOptions {
    SearchOptions {
        limit: usize::MAX,
        ..Default::default()
    }
}

fn strict() -> SearchConfig {
    SearchConfig {
        typo_threshold: 0,
        ..Default::default()
    }
}

proptest! {
    #[test]
    fn parsing_never_panics(text in ".{0,200}", typing in any::<bool>()) {
        let _ = parse_query(&text, typing);
    }

    #[test]
    fn parsing_query_like_text_never_panics(
        text in r#"([a-z:"*()| -]|OR|outlet:|after:|before:|on:|20[0-9]{2}-[0-9]{2}){0,30}"#,
        typing in any::<bool>(),
    ) {
        let _ = parse_query(&text, typing);
    }

    #[test]
    fn searching_any_text_never_panics(docs in prop::collection::vec(doc(), 0..8), text in ".{0,60}") {
        let articles: Vec<Article> = docs.iter().enumerate().map(|(i, d)| article(i, d)).collect();
        let index = SearchIndex::build(&articles, &SearchConfig::default());
        let r = index.search_text(&articles, &text, true, &Filters::default(), &all());
        prop_assert!(r.hits.len() <= articles.len());
    }

    #[test]
    fn filtered_results_are_a_subset_of_unfiltered(
        docs in prop::collection::vec(doc(), 0..20),
        word in prop::option::of(0..WORDS.len()),
        filters in filters(),
    ) {
        let articles: Vec<Article> = docs.iter().enumerate().map(|(i, d)| article(i, d)).collect();
        let index = SearchIndex::build(&articles, &strict());
        let query = word.map(|w| WORDS[w]).unwrap_or("");
        let unfiltered = index.search_text(&articles, query, false, &Filters::default(), &all());
        let filtered = index.search_text(&articles, query, false, &filters, &all());
        let base: Vec<usize> = unfiltered.hits.iter().map(|h| h.article).collect();
        prop_assert!(filtered.hits.iter().all(|h| base.contains(&h.article)));
        prop_assert_eq!(filtered.total, filtered.hits.len());
    }

    #[test]
    fn facet_counts_equal_a_brute_force_scan(
        docs in prop::collection::vec(doc(), 0..20),
        word in prop::option::of(0..WORDS.len()),
        filters in filters(),
    ) {
        let articles: Vec<Article> = docs.iter().enumerate().map(|(i, d)| article(i, d)).collect();
        let index = SearchIndex::build(&articles, &strict());
        let query = word.map(|w| WORDS[w]).unwrap_or("");
        let r = index.search_text(&articles, query, false, &filters, &all());
        let after = filters.after.map(|d| d.year_number());
        let matches = |d: &Doc| word.is_none_or(|w| d.words.contains(&w)) && after.is_none_or(|a| d.date.is_some_and(|(y, _)| 2020 + y >= a));
        let outlet_ok = |d: &Doc| filters.outlets.is_empty() || d.outlet.is_some_and(|o| filters.outlets.contains(&OUTLETS[o].to_string()));
        let year_ok = |d: &Doc| filters.years.is_empty() || d.date.is_some_and(|(y, _)| filters.years.contains(&(2020 + y).to_string()));
        let expected_total = docs.iter().filter(|d| matches(d) && outlet_ok(d) && year_ok(d)).count();
        prop_assert_eq!(r.total, expected_total);
        for (o, name) in OUTLETS.iter().enumerate() {
            let expected = docs.iter().filter(|d| matches(d) && year_ok(d) && d.outlet == Some(o)).count();
            let got = r.facets.outlets.iter().find(|f| f.value == *name).map_or(0, |f| f.count);
            prop_assert_eq!(got, expected, "outlet {}", name);
        }
        for y in 0..4 {
            let expected = docs.iter().filter(|d| matches(d) && outlet_ok(d) && d.date.is_some_and(|(dy, _)| dy == y)).count();
            let value = (2020 + y).to_string();
            let got = r.facets.years.iter().find(|f| f.value == value).map_or(0, |f| f.count);
            prop_assert_eq!(got, expected, "year {}", value);
        }
        let approximate = docs.iter().filter(|d| matches(d) && outlet_ok(d) && year_ok(d) && d.date.is_some()).count();
        prop_assert_eq!(r.approximate_dates, approximate);
    }
}
