//! Unit tests of `facets`.

use super::*;
use crate::model::{Article, Fact, Paragraph, Provenance};
use crate::search::{SearchConfig, SearchOptions, SearchResults};

fn article(outlet: Option<&str>, date: Option<&str>) -> Article {
    Article {
        id: "x".into(),
        headline: "Baku".into(),
        paragraphs: vec![Paragraph::body("text")],
        outlet: outlet.map(|o| Fact::new(o.to_string(), Provenance::Text)),
        published: date.map(|d| Fact::new(PartialDate::parse(d).unwrap(), Provenance::Manifest)),
        ..Default::default()
    }
}

fn corpus() -> Vec<Article> {
    vec![
        article(Some("A"), Some("2021-09-08")),
        article(Some("A"), Some("2021-10")),
        article(Some("B"), Some("2022")),
        article(None, None),
    ]
}

fn run(query: &str, filters: &Filters) -> SearchResults {
    let articles = corpus();
    let index = SearchIndex::build(&articles, &SearchConfig::default());
    index.search_text(&articles, query, false, filters, &SearchOptions::default())
}

fn counts(values: &[FacetValue]) -> Vec<(&str, usize)> {
    values.iter().map(|v| (v.value.as_str(), v.count)).collect()
}

#[test]
fn counts_without_selection() {
    let r = run("baku", &Filters::default());
    assert_eq!(r.total, 4);
    assert_eq!(counts(&r.facets.outlets), [("A", 2), ("B", 1)]);
    assert_eq!(counts(&r.facets.years), [("2021", 2), ("2022", 1)]);
    assert_eq!(counts(&r.facets.months), [("2021-09", 1), ("2021-10", 1)]);
    assert_eq!((r.approximate_dates, r.undated), (2, 1));
}

#[test]
fn a_facet_ignores_its_own_selection() {
    let r = run(
        "",
        &Filters {
            outlets: vec!["B".into()],
            ..Default::default()
        },
    );
    assert_eq!(r.total, 1);
    assert_eq!(counts(&r.facets.outlets), [("A", 2), ("B", 1)]);
    assert!(r.facets.outlets[1].selected);
    assert_eq!(counts(&r.facets.years), [("2022", 1)]);
}

#[test]
fn values_within_a_facet_are_alternatives() {
    let r = run(
        "",
        &Filters {
            years: vec!["2021".into(), "2022".into()],
            ..Default::default()
        },
    );
    assert_eq!(r.total, 3);
}

#[test]
fn an_unknown_selected_value_matches_nothing() {
    let r = run(
        "",
        &Filters {
            outlets: vec!["Nobody".into()],
            ..Default::default()
        },
    );
    assert_eq!(r.total, 0);
}

#[test]
fn date_range_excludes_undated_and_respects_precision() {
    let filters = Filters {
        after: PartialDate::parse("2021-10-15").ok(),
        ..Default::default()
    };
    let r = run("", &filters);
    // 2021-10 may be after the 15th; 2022 certainly is; the undated is out.
    assert_eq!(r.total, 2);
    assert_eq!(r.approximate_dates, 2);
}

#[test]
fn query_outlet_values_match_loosely() {
    let column = Column::build([vec!["Antiwar.com"], vec!["Al-Monitor"]].into_iter());
    assert_eq!(resolve_loosely(&column, "antiwar.com"), [1]);
    assert_eq!(resolve_loosely(&column, "monitor"), [0]);
    assert!(resolve_loosely(&column, "times").is_empty());
}

#[test]
fn an_unknown_query_outlet_gives_zero_and_a_message() {
    let r = run("outlet:nobody", &Filters::default());
    assert_eq!(r.total, 0);
    assert_eq!(r.messages.len(), 1);
}

#[test]
fn lang_without_language_data_is_ignored_with_a_message() {
    let r = run("lang:en", &Filters::default());
    assert_eq!(r.total, 4);
    assert_eq!(r.messages.len(), 1);
}

#[test]
fn zero_matches_give_zero_counts() {
    let r = run(
        "zzzz",
        &Filters {
            years: vec!["2021".into()],
            ..Default::default()
        },
    );
    assert_eq!(r.total, 0);
    assert_eq!(counts(&r.facets.years), [("2021", 0)]);
    assert!(r.facets.outlets.is_empty());
}
