//! A word still being typed (the open last word of a live search) finds
//! what it finds once finished (its stem forms, its aliases, and similar
//! spellings when few articles match), and the words it starts besides.

use super::*;
use crate::model::{Fact, Provenance};

/// The search as the live search box runs it (`typing`), with the default
/// typo threshold.
fn live(articles: &[Article], config: &SearchConfig, query: &str) -> SearchResults {
    let index = SearchIndex::build(articles, config);
    index.search_text(
        articles,
        query,
        true,
        &Filters::default(),
        &SearchOptions::default(),
    )
}

/// The headline's marked words.
fn marked(article: &Article, hit: &Hit) -> Vec<String> {
    hit.highlights
        .headline
        .iter()
        .map(|s| article.headline[s.start..s.end].to_string())
        .collect()
}

#[test]
fn an_open_word_is_stemmed() {
    let a = articles(&[
        ("Praises for the deal", "it was praised"),
        ("other", "nothing"),
    ]);
    let config = SearchConfig::default();
    assert_eq!(sorted_hits(&live(&a, &config, "praising ")), [0]);
    assert_eq!(sorted_hits(&live(&a, &config, "praising")), [0]);
}

#[test]
fn an_open_word_is_corrected_like_a_finished_one() {
    let a = articles(&[("Stoltenberg speaks", "nato"), ("other", "nothing")]);
    let config = SearchConfig::default();
    for query in ["stoltenberk ", "stoltenberk"] {
        let r = live(&a, &config, query);
        assert_eq!(sorted_hits(&r), [0], "{query:?}");
        assert_eq!(r.typo_corrections.len(), 1, "{query:?}");
        assert_eq!(r.typo_corrections[0].corrected, "stoltenberg");
    }
}

#[test]
fn an_open_russian_word_is_stemmed() {
    let mut a = articles(&[
        ("Переговоры в Баку", "стороны начали переговоры"),
        ("Текст договоров", "подписание договор"),
        ("other", "ничего"),
    ]);
    for article in &mut a {
        article.language = Some(Fact::new("ru".into(), Provenance::FrontMatter));
    }
    let config = SearchConfig {
        typo_threshold: 0,
        ..Default::default()
    };
    assert_eq!(sorted_hits(&live(&a, &config, "переговорах")), [0]);
    assert_eq!(sorted_hits(&live(&a, &config, "договора")), [1]);
}

#[test]
fn an_open_word_finds_a_finished_words_matches_and_its_completions() {
    let a = articles(&[
        ("talks in baku", "they talked"),
        ("talkative envoy", "a talkative man"),
        ("other", "baku"),
    ]);
    let config = SearchConfig {
        typo_threshold: 0,
        ..Default::default()
    };
    assert_eq!(sorted_hits(&live(&a, &config, "talking ")), [0]);
    assert_eq!(sorted_hits(&live(&a, &config, "talk ")), [0]);
    assert_eq!(sorted_hits(&live(&a, &config, "talk")), [0, 1]);
    assert_eq!(sorted_hits(&live(&a, &config, "talking")), [0]);
    assert_eq!(sorted_hits(&live(&a, &config, "baku talk")), [0]);
}

#[test]
fn an_open_word_ranks_its_whole_word_matches_before_completions() {
    let a = articles(&[
        (
            "talkative talkative talkative",
            "talkative talkative talkative",
        ),
        (
            "a",
            "one talk among many other words in a long body of text",
        ),
    ]);
    let config = SearchConfig {
        typo_threshold: 0,
        ..Default::default()
    };
    let r = live(&a, &config, "talk");
    assert_eq!(r.hits.iter().map(|h| h.article).collect::<Vec<_>>(), [1, 0]);
}

#[test]
fn an_open_word_marks_stem_forms_and_completions() {
    let a = articles(&[("Praises and praisingly", "x"), ("praised", "x")]);
    let config = SearchConfig {
        typo_threshold: 0,
        ..Default::default()
    };
    let r = live(&a, &config, "praising");
    let hit = |n: usize| r.hits.iter().find(|h| h.article == n).expect("a hit");
    assert_eq!(marked(&a[0], hit(0)), ["Praises", "praisingly"]);
    assert_eq!(marked(&a[1], hit(1)), ["praised"]);
}

#[test]
fn an_open_word_expands_aliases_once_complete() {
    let a = articles(&[("in Shushi", "x"), ("in Shusha", "x"), ("other", "x")]);
    let config = SearchConfig {
        aliases: vec![vec!["Shusha".into(), "Shushi".into()]],
        typo_threshold: 0,
        ..Default::default()
    };
    assert_eq!(sorted_hits(&live(&a, &config, "shusha")), [0, 1]);
    assert_eq!(sorted_hits(&live(&a, &config, "shusha ")), [0, 1]);
}

#[test]
fn words_with_digits_are_never_corrected() {
    // One article a code: "marker002" must not also find its neighbours
    // as typos, typed or finished, nor a year the next year.
    let a = articles(&[
        ("Report marker002", "in 2021"),
        ("Report marker003", "in 2022"),
        ("Report marker012", "in 2023"),
    ]);
    let config = SearchConfig::default();
    for query in ["marker002", "marker002 ", "2021 "] {
        let r = live(&a, &config, query);
        assert_eq!(sorted_hits(&r), [0], "{query:?}");
        assert!(r.typo_corrections.is_empty(), "{query:?}");
    }
}

#[test]
fn an_open_word_whose_completions_find_enough_needs_no_similar_spellings() {
    // Three articles say "stoltenberg" (the threshold), one "stoltenbarg":
    // typing "stoltenber" finds the three through its completion and
    // spends no keystroke on similar spellings; finished, "stoltenber " is
    // a word no article has, and is corrected.
    let a = articles(&[
        ("one", "stoltenberg said"),
        ("two", "stoltenberg spoke"),
        ("three", "stoltenberg left"),
        ("four", "stoltenbarg typo"),
    ]);
    let config = SearchConfig::default();
    let typing = live(&a, &config, "stoltenber");
    assert_eq!(sorted_hits(&typing), [0, 1, 2]);
    assert!(typing.typo_corrections.is_empty());
    let finished = live(&a, &config, "stoltenber ");
    assert!(!finished.typo_corrections.is_empty());
}
