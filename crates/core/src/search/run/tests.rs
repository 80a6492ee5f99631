//! Unit tests of `run`.

use super::*;
use crate::model::Paragraph;
use crate::search::index::SearchConfig;

fn articles(texts: &[(&str, &str)]) -> Vec<Article> {
    texts
        .iter()
        .map(|(h, b)| Article {
            id: h.to_string(),
            headline: h.to_string(),
            paragraphs: b.split('\n').map(Paragraph::body).collect(),
            ..Default::default()
        })
        .collect()
}

fn found(articles: &[Article], query: &str) -> Vec<usize> {
    let config = SearchConfig {
        typo_threshold: 0,
        ..Default::default()
    };
    let index = SearchIndex::build(articles, &config);
    let mut hits: Vec<usize> = index
        .search_text(
            articles,
            query,
            false,
            &Filters::default(),
            &SearchOptions::default(),
        )
        .hits
        .iter()
        .map(|h| h.article)
        .collect();
    hits.sort_unstable();
    hits
}

/// `query` over `index` (built from `articles`), finished as typed.
fn search_in(index: &SearchIndex, articles: &[Article], query: &str) -> SearchResults {
    index.search_text(
        articles,
        query,
        false,
        &Filters::default(),
        &SearchOptions::default(),
    )
}

/// The hits' article positions, sorted.
fn sorted_hits(r: &SearchResults) -> Vec<usize> {
    let mut hits: Vec<usize> = r.hits.iter().map(|h| h.article).collect();
    hits.sort_unstable();
    hits
}

#[test]
fn all_words_must_match() {
    let a = articles(&[("one", "baku lachin"), ("two", "baku only")]);
    assert_eq!(found(&a, "baku lachin"), [0]);
    assert_eq!(found(&a, "baku"), [0, 1]);
}

#[test]
fn words_match_other_inflections() {
    let a = articles(&[("one", "the talks failed"), ("two", "nothing")]);
    assert_eq!(found(&a, "talk"), [0]);
    assert_eq!(found(&a, "talking"), [0]);
}

#[test]
fn a_name_matches_its_turkish_and_azerbaijani_cases() {
    let a = articles(&[
        ("bir", "Şuşa'nın kurtuluşu ve Erdoğan’ın ziyareti"),
        ("iki", "Prezident Əliyev Xankəndidə və Şuşa’da çıxış etdi"),
        ("three", "Shushi, not Susanin"),
    ]);
    assert_eq!(found(&a, "Şuşa"), [0, 1]);
    assert_eq!(found(&a, "susa"), [0, 1]);
    assert_eq!(found(&a, "Erdogan"), [0]);
    assert_eq!(found(&a, "Eliyev"), [1]);
}

#[test]
fn a_quoted_word_matches_only_that_form() {
    let a = articles(&[("one", "the talks failed"), ("two", "we talk")]);
    assert_eq!(found(&a, "\"talk\""), [1]);
}

#[test]
fn phrases_need_the_words_in_order_within_a_paragraph() {
    let a = articles(&[
        ("one", "ethnic cleansing"),
        ("two", "cleansing ethnic"),
        ("three", "ethnic\ncleansing"),
    ]);
    assert_eq!(found(&a, "\"ethnic cleansing\""), [0]);
}

#[test]
fn hyphenated_words_are_phrases() {
    let a = articles(&[
        ("one", "in Nagorno-Karabakh"),
        ("two", "Karabakh, not Nagorno"),
    ]);
    assert_eq!(found(&a, "nagorno-karabakh"), [0]);
}

#[test]
fn a_phrase_may_span_headline_and_nothing_else() {
    let a = articles(&[("Ethnic", "cleansing")]);
    assert!(found(&a, "\"ethnic cleansing\"").is_empty());
}

#[test]
fn only_exclusions_match_everything_else() {
    let a = articles(&[("one", "baku"), ("two", "ankara")]);
    assert_eq!(found(&a, "-baku"), [1]);
}

#[test]
fn unknown_word_matches_nothing() {
    let a = articles(&[("one", "baku")]);
    assert!(found(&a, "baku zzzz").is_empty());
}

#[test]
fn punctuation_only_terms_are_ignored_with_a_message() {
    let a = articles(&[("one", "baku")]);
    let index = SearchIndex::build(&a, &SearchConfig::default());
    let r = search_in(&index, &a, "baku !!!");
    assert_eq!(r.total, 1);
    assert_eq!(r.messages.len(), 1);
}

#[test]
fn headline_outweighs_body() {
    let a = articles(&[("other", "baku is here"), ("Baku", "is the headline")]);
    let index = SearchIndex::build(&a, &SearchConfig::default());
    let r = search_in(&index, &a, "baku");
    assert_eq!(r.hits[0].article, 1);
}

#[test]
fn typos_rank_below_exact_matches() {
    let a = articles(&[
        ("a", "stoltenberg stoltenberg stoltenberg"),
        ("b", "stoltenbreg"),
    ]);
    let index = SearchIndex::build(&a, &SearchConfig::default());
    let r = search_in(&index, &a, "stoltenbreg");
    assert_eq!(r.hits.iter().map(|h| h.article).collect::<Vec<_>>(), [1, 0]);
    assert_eq!(r.typo_corrections[0].typed, "stoltenbreg");
}

#[test]
fn short_words_get_no_typo_tolerance() {
    let a = articles(&[("a", "baku")]);
    let index = SearchIndex::build(&a, &SearchConfig::default());
    let r = search_in(&index, &a, "bakx");
    assert_eq!(r.total, 0);
}

#[test]
fn typos_are_not_tried_when_exact_matches_are_many() {
    let a = articles(&[
        ("a", "ankara"),
        ("b", "ankara"),
        ("c", "ankara"),
        ("d", "ankary"),
    ]);
    assert_eq!(found(&a, "ankara"), [0, 1, 2]);
    let index = SearchIndex::build(&a, &SearchConfig::default());
    let r = search_in(&index, &a, "ankara");
    assert_eq!(r.total, 3);
    assert!(r.typo_corrections.is_empty());
}

#[test]
fn multi_word_aliases_are_phrases() {
    let a = articles(&[
        ("a", "in Artsakh"),
        ("b", "in Nagorno-Karabakh"),
        ("c", "Nagorno is not Karabakh"),
    ]);
    let config = SearchConfig {
        aliases: vec![vec!["Nagorno-Karabakh".into(), "Artsakh".into()]],
        typo_threshold: 0,
        ..Default::default()
    };
    let index = SearchIndex::build(&a, &config);
    let r = search_in(&index, &a, "artsakh");
    assert_eq!(sorted_hits(&r), [0, 1]);
    assert_eq!(r.aliases_matched[0].also_matching, "Nagorno-Karabakh");
    // In quotes, only that name.
    let r = search_in(&index, &a, "\"artsakh\"");
    assert_eq!(sorted_hits(&r), [0]);
    assert!(r.aliases_matched.is_empty());
}

#[test]
fn a_stem_alias_finds_its_case_forms_and_is_named_without_its_marker() {
    let a = articles(&[
        ("a", "в Нагорном Карабахе"),
        ("b", "in Karabakh"),
        ("c", "Karabakhi"),
    ]);
    let config = SearchConfig {
        aliases: vec![vec!["Karabakh".into(), "Карабах*".into()]],
        typo_threshold: 0,
        ..Default::default()
    };
    let index = SearchIndex::build(&a, &config);
    let r = search_in(&index, &a, "karabakh");
    assert_eq!(sorted_hits(&r), [0, 1]);
    assert_eq!(r.aliases_matched[0].also_matching, "Карабах…");
    // A case form of the stem is a name of the group too.
    let r = search_in(&index, &a, "Карабаха");
    assert_eq!(r.aliases_matched[0].also_matching, "Karabakh");
}

#[test]
fn aliases_that_match_nothing_are_not_reported() {
    let a = articles(&[("a", "in Shusha")]);
    let config = SearchConfig {
        aliases: vec![vec!["Shusha".into(), "Shushi".into()]],
        ..Default::default()
    };
    let index = SearchIndex::build(&a, &config);
    let r = search_in(&index, &a, "shusha");
    assert!(r.aliases_matched.is_empty());
}

#[test]
fn prefix_matches_word_starts() {
    let a = articles(&[("a", "azerbaijani"), ("b", "azeris"), ("c", "baku")]);
    assert_eq!(found(&a, "aze*"), [0, 1]);
}

#[test]
fn interleave_takes_outlets_in_turn() {
    let hits: Vec<Candidate> = (0..5).map(|d| (d, 1.0, true)).collect();
    let outlet = |d: u32| Some(if d < 3 { 0 } else { 1 });
    let order: Vec<u32> = interleave(&hits, outlet).iter().map(|h| h.0).collect();
    assert_eq!(order, [0, 3, 1, 4, 2]);
}

#[test]
fn relevance_ties_go_to_the_newer_then_the_first_article() {
    use crate::model::{Fact, Provenance};
    use crate::PartialDate;
    let mut a = articles(&[("a", "baku"), ("b", "baku"), ("c", "baku")]);
    a[1].published = Some(Fact::new(PartialDate::year(2024), Provenance::Manifest));
    let index = SearchIndex::build(&a, &SearchConfig::default());
    let r = search_in(&index, &a, "baku");
    assert_eq!(
        r.hits.iter().map(|h| h.article).collect::<Vec<_>>(),
        [1, 0, 2]
    );
}

#[test]
fn highlights_for_texts_that_arrive_later_equal_a_search_with_them() {
    let full = articles(&[
        ("talks in baku", "nothing here\nthe talks in Baku failed"),
        ("other", "talks again, in Baku"),
        ("none", "unrelated words"),
    ]);
    let index = SearchIndex::build(&full, &SearchConfig::default());
    let search = |articles: &[Article]| {
        index.search_text(
            articles,
            "baku talks",
            false,
            &Filters::default(),
            &SearchOptions::default(),
        )
    };
    let expected = search(&full);
    assert!(expected.hits.iter().all(|h| h.snippet.is_some()));
    // Only the headlines at first, as a page has before texts load.
    let mut page: Vec<Article> = full.iter().map(Article::catalog_entry).collect();
    let early = search(&page);
    assert!(early.hits.iter().all(|h| h.snippet.is_none()));
    assert!(
        early.highlight_arrived(&page).is_none(),
        "no text arrived yet"
    );
    // One text arrives: only that hit gains its snippet.
    page[1] = full[1].clone();
    let partly = early.highlight_arrived(&page).expect("one text arrived");
    let snippets: Vec<bool> = partly.hits.iter().map(|h| h.snippet.is_some()).collect();
    let position = partly.hits.iter().position(|h| h.article == 1).unwrap();
    assert_eq!(snippets.iter().filter(|&&s| s).count(), 1);
    assert!(snippets[position]);
    // All arrive: the same highlights and snippets as searching with them.
    page[0] = full[0].clone();
    let done = partly.highlight_arrived(&page).expect("the other arrived");
    assert_eq!(done.hits, expected.hits);
    assert!(done.highlight_arrived(&page).is_none());
}

#[test]
fn a_prefix_reads_its_most_frequent_forms_within_a_budget() {
    let sizes = [5usize, 100, 1, 40, 60];
    let size = |t: u32| sizes[t as usize];
    let all: Vec<u32> = (0..5).collect();
    // Within the budget: every form, in term order.
    assert_eq!(frequent_forms(all.clone(), size, 206), all);
    // Over it: the biggest first while they fit (100 + 60 + 40 = 200).
    assert_eq!(frequent_forms(all.clone(), size, 200), [1, 3, 4]);
    // Always one form, however small the budget.
    assert_eq!(frequent_forms(all.clone(), size, 10), [1]);
    // Never more than MAX_PREFIX_FORMS.
    let many: Vec<u32> = (0..MAX_PREFIX_FORMS as u32 + 50).collect();
    assert_eq!(
        frequent_forms(many, |_| 1, usize::MAX).len(),
        MAX_PREFIX_FORMS
    );
}

/// A corpus with repeated scores (ties), headline and body matches, dates
/// of every precision and a similar spelling, for the ordering tests.
fn varied() -> Vec<Article> {
    use crate::model::{Fact, Provenance};
    use crate::PartialDate;
    let mut a = Vec::new();
    for i in 0..60 {
        let body = match i % 5 {
            0 => "karabakh karabakh and more words here",
            1 => "karabakh",
            2 => "only karabagh misspelt here",
            3 => "talks in karabakh today",
            _ => "karabakh karabakh karabakh",
        };
        let headline = if i % 7 == 0 { "Karabakh news" } else { "News" };
        let mut article = Article {
            id: format!("{i:02}"),
            headline: headline.into(),
            paragraphs: vec![Paragraph::body(body)],
            ..Default::default()
        };
        article.published = match i % 4 {
            0 => None,
            1 => Some(PartialDate::year(2020 + i % 3)),
            2 => PartialDate::month(2021, (1 + i % 12) as u8),
            _ => PartialDate::day(2022, 3, (1 + i % 28) as u8),
        }
        .map(|d| Fact::new(d, Provenance::Manifest));
        a.push(article);
    }
    a
}

#[test]
fn a_page_is_the_start_of_the_full_order() {
    let a = varied();
    // Typos on, so exact and similar-spelling hits mix (`karabagh`).
    let config = SearchConfig {
        typo_threshold: 1000,
        ..Default::default()
    };
    let index = SearchIndex::build(&a, &config);
    for sort in [Sort::Relevance, Sort::Newest, Sort::Oldest] {
        let all = |limit: usize| {
            let options = SearchOptions {
                sort,
                limit,
                ..Default::default()
            };
            index.search_text(&a, "karabakh", false, &Filters::default(), &options)
        };
        let full: Vec<(usize, f32)> = all(usize::MAX)
            .hits
            .iter()
            .map(|h| (h.article, h.score))
            .collect();
        assert!(full.len() > 40, "{}", full.len());
        assert!(!all(0).typo_corrections.is_empty());
        for limit in 1..=25 {
            let page: Vec<(usize, f32)> = all(limit)
                .hits
                .iter()
                .map(|h| (h.article, h.score))
                .collect();
            assert_eq!(page, full[..limit], "{sort:?}, {limit}");
        }
    }
}

#[test]
fn one_word_scores_equal_those_of_its_matches() {
    // A one-word query is scored in its own loop; it must give what the
    // general path (`matches`, used for alternatives) gives, bit for bit.
    let a = varied();
    let index = SearchIndex::build(&a, &SearchConfig::default());
    let analyzers = index.analyzers();
    for word in ["karabakh", "talks", "news", "words"] {
        let alt = index.resolve(&analyzers, &Term::word(word)).unwrap();
        let scored: Vec<(u32, u32)> = index
            .evaluate(&[vec![alt.clone()]], &[])
            .iter()
            .map(|c| (c.0, c.1.to_bits()))
            .collect();
        let expected: Vec<(u32, u32)> = index
            .matches(&alt)
            .iter()
            .map(|m| (m.0, m.1.to_bits()))
            .collect();
        assert!(!expected.is_empty(), "{word}");
        assert_eq!(scored, expected, "{word}");
    }
}

mod typing;
