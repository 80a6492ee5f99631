//! Issue 7's hand-checkable numbers on the five seed articles, counting
//! every paragraph (headline, captions and furniture included). Each can be
//! checked with a case-insensitive find in `corpus/articles/*.txt`.

mod common;

use common::seeds;
use dossier_core::entities::Gazetteer;
use dossier_core::stats::{self, Granularity, KwicOptions, KwicSort, Scope};
use dossier_core::{Article, PartialDate};

/// Occurrences of `term` per seed article (000…004).
fn per_article(articles: &[Article], term: &str) -> Vec<usize> {
    let lines = stats::concordance(
        articles,
        &stats::all(articles),
        term,
        &KwicOptions::default(),
    );
    (0..articles.len())
        .map(|i| lines.iter().filter(|l| l.at.article == i).count())
        .collect()
}

#[test]
fn the_issues_counts_hold_on_the_seeds() {
    let a = seeds();
    assert_eq!(a.len(), 5);
    // "Artsakh": 000 "(Armenian: Artsakh)"; 002 a map caption and a body
    // paragraph ("Republic of Artsakh" both times); 004 "Republic of Artsakh".
    assert_eq!(per_article(&a, "Artsakh"), [1, 0, 2, 0, 1]);
    // "liberat*": 003 only: liberated ×4, liberate ×1.
    assert_eq!(per_article(&a, "liberat*"), [0, 0, 0, 5, 0]);
    // "occup*": 003 occupied ×5, occupation ×2, occupying ×1; 004 occupied ×1.
    assert_eq!(per_article(&a, "occup*"), [0, 0, 0, 8, 1]);
}

#[test]
fn one_artsakh_in_002_is_in_a_caption() {
    let a = seeds();
    let lines = stats::concordance(&a, &[2], "artsakh", &KwicOptions::default());
    let roles: Vec<_> = lines
        .iter()
        .map(|l| a[2].paragraphs[l.at.paragraph.unwrap()].role)
        .collect();
    assert_eq!(
        roles,
        [dossier_core::Role::Caption, dossier_core::Role::Body]
    );
    for l in &lines {
        let text = &a[2].paragraphs[l.at.paragraph.unwrap()].text;
        assert_eq!(&text[l.at.start..l.at.end], "Artsakh");
        assert_eq!(l.left.split_whitespace().last(), Some("of"));
    }
}

#[test]
fn the_naming_lens_shows_who_says_artsakh_and_turkiye() {
    let a = seeds();
    let g = Gazetteer::default();
    let tables = stats::naming_lens(&a, &stats::all(&a), &g);
    let nk = tables
        .iter()
        .find(|t| t.entity == "nagorno-karabakh")
        .unwrap();
    assert_eq!(
        nk.outlets,
        [
            "(unknown outlet)",
            "Al-Monitor",
            "Antiwar.com",
            "Breitbart News",
            "International Christian Concern"
        ]
    );
    // The issue's Artsakh count by variant: the gazetteer prefers the
    // longest name, so 002 and 004 write "Republic of Artsakh".
    assert_eq!(nk.count("International Christian Concern", "Artsakh"), 1);
    assert_eq!(nk.count("Antiwar.com", "Republic of Artsakh"), 2);
    assert_eq!(nk.count("Al-Monitor", "Republic of Artsakh"), 1);
    assert_eq!(
        nk.variant_total("Artsakh") + nk.variant_total("Republic of Artsakh"),
        4
    );
    // 003 (outlet unknown) says "Karabakh" 10 times, "Nagorno-Karabakh" twice.
    assert_eq!(nk.count("(unknown outlet)", "Karabakh"), 10);
    assert_eq!(nk.count("(unknown outlet)", "Nagorno-Karabakh"), 2);
    assert_eq!(nk.total, 35);
    // Each cell's occurrences open concordance lines on the exact words.
    let cell = nk.cell("Antiwar.com", "Republic of Artsakh").unwrap();
    let lines = stats::lines_at(&a, &cell.occurrences, 5);
    assert_eq!(lines.len(), 2);
    assert!(lines.iter().all(|l| l.keyword == "Republic of Artsakh"));

    let turkey = tables.iter().find(|t| t.entity == "turkey").unwrap();
    assert!(turkey.count("(unknown outlet)", "Türkiye") > 0);
    assert_eq!(turkey.count("Al-Monitor", "Republic of Türkiye"), 1);
    let shusha = tables.iter().find(|t| t.entity == "shusha").unwrap();
    assert_eq!(shusha.count("International Christian Concern", "Shushi"), 1);
    assert!(shusha.count("(unknown outlet)", "Shusha") > 0);
}

#[test]
fn concordance_sorts_by_outlet_and_date() {
    let a = seeds();
    let mut lines = stats::concordance(&a, &stats::all(&a), "occup*", &KwicOptions::default());
    stats::sort_lines(&mut lines, KwicSort::Outlet);
    assert_eq!(lines[0].outlet, "(unknown outlet)");
    assert_eq!(lines[8].outlet, "Al-Monitor");
    stats::sort_lines(&mut lines, KwicSort::Date);
    // 003 is dated August 2022, 004 25 September 2023.
    assert_eq!(lines[0].article_id, "003_2a5776a987d213dd");
    assert_eq!(lines[8].article_id, "004_2488162bdfdb6eff");
}

#[test]
fn trends_count_per_month_with_word_totals() {
    let a = seeds();
    let terms = vec![
        "occup*".to_string(),
        "liberat*".to_string(),
        "Artsakh".to_string(),
    ];
    let t = stats::trends(&a, &stats::all(&a), &terms, &Scope::default());
    let month = |m: &str| {
        t.months
            .iter()
            .find(|x| x.month.as_deref() == Some(m))
            .unwrap()
    };
    assert_eq!(t.months.first().unwrap().month.as_deref(), Some("2021-09"));
    assert_eq!(t.months.last().unwrap().month.as_deref(), Some("2024-03"));
    assert_eq!(t.months.len(), 31);
    assert_eq!(month("2022-08").counts, [8, 5, 0]);
    assert_eq!(month("2023-09").counts, [1, 0, 1]);
    assert_eq!(month("2024-03").counts, [0, 0, 2]);
    assert_eq!(month("2021-09").counts, [0, 0, 1]);
    let aug = month("2022-08");
    let rate = aug.per_thousand[0].unwrap();
    assert!((rate - 8000.0 / aug.words as f64).abs() < 1e-9);
    assert!(aug.words > 900);
    assert!(t.undated.articles.is_empty());
    let total: usize = t.months.iter().map(|m| m.counts[0]).sum();
    assert_eq!(total, 9);
}

#[test]
fn the_timeline_has_the_war_and_the_ceasefire() {
    let a = seeds();
    let t = stats::events_timeline(&a, &stats::all(&a), Granularity::Day);
    let start = t.event(&PartialDate::day(2020, 9, 27).unwrap()).unwrap();
    assert_eq!(start.articles, [3]);
    let ceasefire = t.event(&PartialDate::day(2020, 11, 10).unwrap()).unwrap();
    assert_eq!(ceasefire.mentions.len(), 2);
    assert!(ceasefire.mentions[0].sentence.contains("November 10"));
    let by_month = stats::events_timeline(&a, &stats::all(&a), Granularity::Month);
    let november = by_month
        .event(&PartialDate::month(2020, 11).unwrap())
        .unwrap();
    // 000 "November 2020"; 001 "November 9" (year from its publication
    // date); 003 "November 10" and "November 10, 2020".
    assert_eq!(november.articles, [0, 1, 3]);
    assert_eq!(november.mentions.len(), 4);
    assert_eq!(t.publications.len(), 5);
    assert_eq!(t.publications[0].article, 0);
    assert_eq!(t.publications[4].article, 2);
}

#[test]
fn who_is_quoted_in_the_seeds() {
    let a = seeds();
    let s = stats::who_is_quoted(&a, &stats::all(&a));
    let erdogan = s.get("erdogan").unwrap();
    assert_eq!(erdogan.total, 8);
    assert_eq!(erdogan.by_outlet["(unknown outlet)"], 5);
    assert_eq!(erdogan.by_outlet["Al-Monitor"], 3);
    assert_eq!(s.get("stoltenberg").unwrap().by_outlet["Antiwar.com"], 4);
    assert_eq!(s.speakers[0].key, "entity:erdogan");
}

#[test]
fn distinctive_terms_set_003_apart() {
    let a = seeds();
    let rest = [0, 1, 2, 4];
    let d = stats::distinctive_terms(&a, &[3], &rest, &stats::DistinctiveOptions::default());
    let top: Vec<&str> = d.unigrams.a.iter().map(|s| s.term.as_str()).collect();
    assert!(top.contains(&"liberated"), "{top:?}");
    assert!(d.unigrams.a.iter().all(|s| s.z > 0.0));
    assert!(d.unigrams.b.iter().all(|s| s.z < 0.0));
    assert_eq!(d.unigrams.a.len(), 20);
    // Deterministic: the same call gives the same answer.
    assert_eq!(
        d,
        stats::distinctive_terms(&a, &[3], &rest, &stats::DistinctiveOptions::default())
    );
}

/// Publication dates of the seeds: 000 8 Sep 2021, 001 October 2021, 002
/// March 2024, 003 August 2022, 004 25 Sep 2023 (dossier.toml).
fn year(from: i32, to: i32) -> stats::DateRange {
    stats::DateRange {
        from: Some(PartialDate::year(from)),
        to: Some(PartialDate::year(to)),
    }
}

#[test]
fn two_date_ranges_set_2022_against_2023_on() {
    let a = seeds();
    let later = stats::DateRange {
        from: Some(PartialDate::year(2023)),
        to: None,
    };
    let sides = stats::Sides::Dates(year(2022, 2022), later);
    let split = stats::split_selection(&a, &stats::all(&a), &sides);
    assert_eq!(
        (&split.a[..], &split.b[..], &split.left_out[..]),
        (&[3][..], &[2, 4][..], &[0, 1][..])
    );
    let d = stats::distinctive_terms(
        &a,
        &split.a,
        &split.b,
        &stats::DistinctiveOptions::default(),
    );
    // "liberated": four times in 003 (2022), never in 002 or 004.
    let liberated = d.unigrams.a.iter().find(|s| s.term == "liberated").unwrap();
    assert_eq!((liberated.count_a, liberated.count_b), (4, 0));
}

#[test]
fn a_typed_stop_word_leaves_the_chart() {
    let a = seeds();
    let options = stats::DistinctiveOptions {
        stop_words: stats::stop_words_with(true, "Liberated"),
        ..Default::default()
    };
    let d = stats::distinctive_terms(&a, &[3], &[0, 1, 2, 4], &options);
    assert!(d.unigrams.a.iter().all(|s| s.term != "liberated"));
    assert!(d
        .bigrams
        .a
        .iter()
        .all(|s| !s.term.split(' ').any(|w| w == "liberated")));
    // No stop words at all: "the" is counted, so more words are.
    let none = stats::DistinctiveOptions {
        stop_words: stats::stop_words_with(false, ""),
        ..Default::default()
    };
    let all_words = stats::distinctive_terms(&a, &[3], &[0, 1, 2, 4], &none);
    let default = stats::distinctive_terms(&a, &[3], &[0, 1, 2, 4], &Default::default());
    assert!(all_words.unigrams.total_a > default.unigrams.total_a);
}

#[test]
fn the_quote_facet_lists_erdogans_quotes_in_al_monitor() {
    let a = seeds();
    let s = stats::who_is_quoted(&a, &stats::all(&a));
    let quotes = s.quotes_of(Some("erdogan"), Some("Al-Monitor"));
    assert_eq!(quotes.len(), 3);
    assert!(quotes.iter().all(|q| q.article == 4));
    assert_eq!(
        s.quotes_of(None, Some("Antiwar.com")).len(),
        s.speakers
            .iter()
            .map(|x| x.by_outlet.get("Antiwar.com").copied().unwrap_or(0))
            .sum::<usize>()
    );
}

#[test]
fn the_timeline_of_one_outlet_by_day() {
    let a = seeds();
    let only = stats::only_outlet(&a, &stats::all(&a), Some("Al-Monitor"));
    assert_eq!(only, [4]);
    let t = stats::events_timeline(&a, &only, Granularity::Day);
    assert!(t.events.iter().all(|e| e.outlets == ["Al-Monitor"]));
    assert_eq!(t.publications.len(), 1);
}
