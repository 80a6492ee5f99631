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

#[test]
fn the_timeline_is_the_months_facet_without_the_date_range() {
    let filters = Filters {
        outlets: vec!["A".into()],
        months: vec!["2021-10".into()],
        after: PartialDate::parse("2021-10").ok(),
        before: PartialDate::parse("2021-12").ok(),
        ..Default::default()
    };
    let r = run("baku", &filters);
    // The range drops 2021-09 from the months facet, not from the timeline.
    assert_eq!(counts(&r.facets.months), [("2021-10", 1)]);
    assert_eq!(counts(&r.timeline), [("2021-09", 1), ("2021-10", 1)]);
    let unranged = run(
        "baku",
        &Filters {
            after: None,
            before: None,
            ..filters.clone()
        },
    );
    assert_eq!(r.timeline, unranged.facets.months);
    // Without a range, the timeline is the months facet itself.
    assert_eq!(unranged.timeline, unranged.facets.months);
    // The query text's own dates still apply to it (a selected month stays
    // listed, at zero, as in the months facet).
    let r = run("baku before:2021-09", &filters);
    assert_eq!(counts(&r.timeline), [("2021-09", 1), ("2021-10", 0)]);
}

mod brute_force {
    //! Facet counts, the timeline and the total against a scan of every
    //! article, on random corpora with multi-valued entities and all the
    //! selections the UI makes.

    use super::*;
    use proptest::prelude::*;

    const OUTLETS: [&str; 3] = ["A", "B", "C"];
    const ENTITIES: [&str; 4] = ["e0", "e1", "e2", "e3"];

    #[derive(Clone, Debug)]
    struct Doc {
        baku: bool,
        outlet: Option<usize>,
        entities: Vec<usize>,
        /// (year offset from 2020, month 1–12 or 0 for year precision)
        date: Option<(i32, u8)>,
    }

    fn doc() -> impl Strategy<Value = Doc> {
        (
            any::<bool>(),
            prop::option::of(0..OUTLETS.len()),
            prop::collection::vec(0..ENTITIES.len(), 0..4),
            prop::option::of((0..3i32, 0..13u8)),
        )
            .prop_map(|(baku, outlet, entities, date)| Doc {
                baku,
                outlet,
                entities,
                date,
            })
    }

    fn to_article(d: &Doc) -> Article {
        Article {
            id: "x".into(),
            headline: if d.baku { "Baku" } else { "Ankara" }.into(),
            outlet: d
                .outlet
                .map(|o| Fact::new(OUTLETS[o].into(), Provenance::Text)),
            published: d.date.map(|(y, m)| {
                let date = match m {
                    0 => PartialDate::year(2020 + y),
                    m => PartialDate::month(2020 + y, m).unwrap(),
                };
                Fact::new(date, Provenance::Text)
            }),
            mentions: d
                .entities
                .iter()
                .map(|&e| crate::model::Mention {
                    entity: ENTITIES[e].into(),
                    ..Default::default()
                })
                .collect(),
            ..Default::default()
        }
    }

    /// (selected outlets, entities, months as (year offset, month), range
    /// as year offsets after/before)
    type Picks = (
        Vec<usize>,
        Vec<usize>,
        Vec<(i32, u8)>,
        Option<i32>,
        Option<i32>,
    );

    /// Half the time nothing at all, so the path for searches without
    /// selections (counting the articles that do not match when most do)
    /// is checked as often as the general one.
    fn picks() -> impl Strategy<Value = Picks> {
        prop_oneof![
            Just((Vec::new(), Vec::new(), Vec::new(), None, None)),
            (
                prop::collection::vec(0..OUTLETS.len(), 0..2),
                prop::collection::vec(0..ENTITIES.len(), 0..3),
                prop::collection::vec((0..3i32, 1..13u8), 0..3),
                prop::option::of(0..3i32),
                prop::option::of(0..3i32),
            ),
        ]
    }

    proptest! {
        #[test]
        fn counts_equal_a_scan(docs in prop::collection::vec(doc(), 0..24), word in any::<bool>(), picks in picks()) {
            let (outlets, entities, months, after, before) = picks;
            let articles: Vec<Article> = docs.iter().map(to_article).collect();
            let index = SearchIndex::build(&articles, &SearchConfig { typo_threshold: 0, ..Default::default() });
            let filters = Filters {
                outlets: outlets.iter().map(|&o| OUTLETS[o].to_string()).collect(),
                entities: entities.iter().map(|&e| ENTITIES[e].to_string()).collect(),
                months: months.iter().map(|&(y, m)| format!("{}-{m:02}", 2020 + y)).collect(),
                after: after.map(|y| PartialDate::year(2020 + y)),
                before: before.map(|y| PartialDate::year(2020 + y)),
                ..Default::default()
            };
            let r = index.search_text(&articles, if word { "baku" } else { "" }, false, &filters, &SearchOptions::default());
            let matches = |d: &Doc| !word || d.baku;
            let in_range = |d: &Doc| {
                (after.is_none() && before.is_none())
                    || d.date.is_some_and(|(y, _)| after.is_none_or(|a| y >= a) && before.is_none_or(|b| y <= b))
            };
            let outlet_ok = |d: &Doc| outlets.is_empty() || d.outlet.is_some_and(|o| outlets.contains(&o));
            let entity_ok = |d: &Doc| entities.is_empty() || d.entities.iter().any(|e| entities.contains(e));
            let month_ok = |d: &Doc| months.is_empty() || d.date.is_some_and(|(y, m)| months.contains(&(y, m)));
            let all = |d: &Doc| matches(d) && in_range(d) && outlet_ok(d) && entity_ok(d) && month_ok(d);
            prop_assert_eq!(r.total, docs.iter().filter(|d| all(d)).count());
            for (o, name) in OUTLETS.iter().enumerate() {
                let expected = docs.iter().filter(|d| matches(d) && in_range(d) && entity_ok(d) && month_ok(d) && d.outlet == Some(o)).count();
                let got = r.facets.outlets.iter().find(|f| f.value == *name).map_or(0, |f| f.count);
                prop_assert_eq!(got, expected, "outlet {}", name);
            }
            for (e, name) in ENTITIES.iter().enumerate() {
                let expected = docs.iter().filter(|d| matches(d) && in_range(d) && outlet_ok(d) && month_ok(d) && d.entities.contains(&e)).count();
                let got = r.facets.entities.iter().find(|f| f.value == *name).map_or(0, |f| f.count);
                prop_assert_eq!(got, expected, "entity {}", name);
            }
            for y in 0..3 {
                for m in 1..13u8 {
                    let value = format!("{}-{m:02}", 2020 + y);
                    let in_month = |d: &Doc| d.date == Some((y, m));
                    let base = |d: &Doc| matches(d) && outlet_ok(d) && entity_ok(d) && in_month(d);
                    let facet = docs.iter().filter(|d| base(d) && in_range(d)).count();
                    let timeline = docs.iter().filter(|d| base(d)).count();
                    let got = |values: &[FacetValue]| values.iter().find(|f| f.value == value).map_or(0, |f| f.count);
                    prop_assert_eq!(got(&r.facets.months), facet, "month {}", value);
                    prop_assert_eq!(got(&r.timeline), timeline, "timeline {}", value);
                }
            }
        }
    }
}

#[test]
fn entity_matches_the_gazetteer_name_as_well_as_the_id() {
    let mention = |entity: &str| crate::model::Mention {
        entity: entity.into(),
        ..Default::default()
    };
    let mut a = article(Some("A"), None);
    a.mentions = vec![mention("shusha")];
    let mut b = article(Some("B"), None);
    b.mentions = vec![mention("jens-stoltenberg")];
    let articles = [a, b];
    let config = SearchConfig {
        entities: vec![
            crate::search::EntityInfo {
                id: "shusha".into(),
                name: "Şuşa".into(),
                kind: "place".into(),
            },
            crate::search::EntityInfo {
                id: "jens-stoltenberg".into(),
                name: "Jens Stoltenberg".into(),
                kind: "person".into(),
            },
        ],
        aliases: vec![vec!["Şuşa".into(), "Shushi".into(), "Шуш*".into()]],
        ..Default::default()
    };
    let index = SearchIndex::build(&articles, &config);
    let found = |q: &str| {
        let r = index.search_text(
            &articles,
            q,
            false,
            &Filters::default(),
            &SearchOptions::default(),
        );
        r.hits.iter().map(|h| h.article).collect::<Vec<_>>()
    };
    assert_eq!(found("entity:shusha"), [0]);
    assert_eq!(found("entity:Şuşa"), [0]);
    assert_eq!(found("entity:susa"), [0]);
    // Any of its names: an alias, a stem's letters.
    assert_eq!(found("entity:Shushi"), [0]);
    assert_eq!(found("entity:Шуш"), [0]);
    assert_eq!(found("entity:\"Jens Stoltenberg\""), [1]);
    assert_eq!(found("entity:stoltenberg"), [1]);
    assert!(found("entity:nobody").is_empty());
}

#[test]
fn languages_are_named_and_filtered_by_code() {
    let mut articles = corpus();
    for (a, code) in articles.iter_mut().zip(["ru", "hy", "ru", "xx"]) {
        a.language = Some(Fact::new(code.to_string(), Provenance::Manifest));
    }
    let index = SearchIndex::build(&articles, &SearchConfig::default());
    let r = index.search_text(
        &articles,
        "",
        false,
        &Filters::default(),
        &SearchOptions::default(),
    );
    let languages: Vec<(&str, &str, usize)> = r
        .facets
        .languages
        .iter()
        .map(|v| (v.value.as_str(), v.label.as_str(), v.count))
        .collect();
    assert_eq!(
        languages,
        [("ru", "Russian", 2), ("hy", "Armenian", 1), ("xx", "xx", 1)]
    );
    for typed in ["lang:ru", "lang:Russian", "language:russian"] {
        let r = index.search_text(
            &articles,
            typed,
            false,
            &Filters::default(),
            &SearchOptions::default(),
        );
        assert_eq!(r.total, 2, "{typed}");
    }
}

#[test]
fn a_merged_copy_counts_for_its_own_outlet_too() {
    let mut articles = corpus();
    articles[2].duplicates.push(crate::model::DuplicateOf {
        id: "copy".into(),
        source_file: "copy.md".into(),
        headline: None,
        outlet: Some(Fact::new("C".into(), Provenance::Manifest)),
        published: None,
        url: None,
        similarity: 1.0,
        exact: true,
    });
    let index = SearchIndex::build(&articles, &SearchConfig::default());
    let all = index.search_text(
        &articles,
        "",
        false,
        &Filters::default(),
        &SearchOptions::default(),
    );
    assert_eq!(counts(&all.facets.outlets), [("A", 2), ("B", 1), ("C", 1)]);
    let c = index.search_text(
        &articles,
        "outlet:C",
        false,
        &Filters::default(),
        &SearchOptions::default(),
    );
    assert_eq!(c.hits.iter().map(|h| h.article).collect::<Vec<_>>(), [2]);
}
