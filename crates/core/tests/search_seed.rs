//! Search over the five seed articles, with the facts the corpus manifest
//! records (set here by hand so the test does not depend on the manifest).

use dossier_core::ingest::parse_plain_text;
use dossier_core::search::{
    Filters, SearchConfig, SearchIndex, SearchOptions, SearchResults, Sort,
};
use dossier_core::{Article, Fact, PartialDate, Provenance};

const SEEDS: [(&str, &str); 5] = [
    (
        "000_8db539debded9aa6",
        include_str!("../../../corpus/articles/000_8db539debded9aa6.txt"),
    ),
    (
        "001_7108eb63bde59dc4",
        include_str!("../../../corpus/articles/001_7108eb63bde59dc4.txt"),
    ),
    (
        "002_f12498e0a3b23f5d",
        include_str!("../../../corpus/articles/002_f12498e0a3b23f5d.txt"),
    ),
    (
        "003_2a5776a987d213dd",
        include_str!("../../../corpus/articles/003_2a5776a987d213dd.txt"),
    ),
    (
        "004_2488162bdfdb6eff",
        include_str!("../../../corpus/articles/004_2488162bdfdb6eff.txt"),
    ),
];

fn seeds() -> Vec<Article> {
    let facts = [
        (Some("International Christian Concern"), None, "2021-09-08"),
        (Some("Breitbart News"), None, "2021-10"),
        (Some("Antiwar.com"), Some("Dave DeCamp"), "2024-03"),
        (None, None, "2022-08"),
        (Some("Al-Monitor"), None, "2023-09-25"),
    ];
    SEEDS
        .iter()
        .zip(facts)
        .map(|((id, text), (outlet, author, date))| {
            let mut a = parse_plain_text(id, &format!("{id}.txt"), text).unwrap();
            a.outlet = outlet.map(|o| Fact::new(o.to_string(), Provenance::Manifest));
            a.author = author.map(|o| Fact::new(o.to_string(), Provenance::Text));
            a.published = Some(Fact::new(
                PartialDate::parse(date).unwrap(),
                Provenance::Manifest,
            ));
            a
        })
        .collect()
}

fn config() -> SearchConfig {
    SearchConfig {
        aliases: vec![
            vec!["Shusha".into(), "Shushi".into(), "Şuşa".into()],
            vec![
                "Nagorno-Karabakh".into(),
                "Karabakh".into(),
                "Artsakh".into(),
            ],
        ],
        ..Default::default()
    }
}

struct Seeds {
    articles: Vec<Article>,
    index: SearchIndex,
}

impl Seeds {
    fn new() -> Self {
        let articles = seeds();
        let index = SearchIndex::build(&articles, &config());
        Seeds { articles, index }
    }

    fn search(&self, text: &str) -> SearchResults {
        self.search_with(text, &Filters::default(), &SearchOptions::default())
    }

    fn search_with(&self, text: &str, filters: &Filters, options: &SearchOptions) -> SearchResults {
        self.index
            .search_text(&self.articles, text, false, filters, options)
    }

    /// The matching article numbers ("000"…), sorted.
    fn found(&self, text: &str) -> Vec<String> {
        let mut ids: Vec<String> = self
            .search(text)
            .hits
            .iter()
            .map(|h| self.articles[h.article].id[..3].to_string())
            .collect();
        ids.sort();
        ids
    }
}

#[test]
fn erdogan_finds_both_spellings() {
    let s = Seeds::new();
    assert_eq!(s.found("erdogan"), ["000", "001", "003", "004"]);
    assert_eq!(s.found("Erdoğan"), ["000", "001", "003", "004"]);
    assert_eq!(s.found("ERDOGAN"), ["000", "001", "003", "004"]);
}

#[test]
fn turkiye_finds_the_dotted_spelling() {
    let s = Seeds::new();
    assert_eq!(s.found("turkiye"), ["003", "004"]);
}

#[test]
fn phrase_ethnic_cleansing_finds_only_002() {
    let s = Seeds::new();
    assert_eq!(s.found("\"ethnic cleansing\""), ["002"]);
}

#[test]
fn shushi_and_shusha_find_each_other_through_aliases() {
    let s = Seeds::new();
    assert_eq!(s.found("Shushi"), ["000", "003"]);
    assert_eq!(s.found("shusha"), ["000", "003"]);
    let r = s.search("Shushi");
    assert_eq!(r.aliases_matched.len(), 1);
    assert_eq!(r.aliases_matched[0].searched, "Shushi");
    assert_eq!(r.aliases_matched[0].also_matching, "Shusha");
}

/// Found in the browser: while typing, the last word is a prefix, and
/// prefixes skipped alias expansion, so "shusha" lost Shushi until a space.
#[test]
fn a_whole_name_typed_last_still_finds_its_aliases() {
    let s = Seeds::new();
    let opts = SearchOptions::default();
    let typing = s
        .index
        .search_text(&s.articles, "shusha", true, &Filters::default(), &opts);
    assert_eq!(typing.total, 2);
    assert_eq!(typing.aliases_matched[0].also_matching, "Shushi");
    // A partial name is only a prefix: no alias is guessed from "shus".
    let partial = s
        .index
        .search_text(&s.articles, "shus", true, &Filters::default(), &opts);
    assert!(partial.aliases_matched.is_empty());
}

#[test]
fn without_aliases_shushi_finds_shusha_only_as_a_similar_spelling() {
    let articles = seeds();
    let index = SearchIndex::build(&articles, &SearchConfig::default());
    let r = index.search_text(
        &articles,
        "shushi",
        false,
        &Filters::default(),
        &SearchOptions::default(),
    );
    assert!(r.aliases_matched.is_empty());
    // One exact match is few, so the similar "shusha" is also tried, ranked below.
    assert_eq!(r.hits.iter().map(|h| h.article).collect::<Vec<_>>(), [0, 3]);
    assert_eq!(r.typo_corrections[0].corrected, "shusha");
    let strict = SearchConfig {
        typo_threshold: 0,
        ..Default::default()
    };
    let index = SearchIndex::build(&articles, &strict);
    let r = index.search_text(
        &articles,
        "shushi",
        false,
        &Filters::default(),
        &SearchOptions::default(),
    );
    assert_eq!(r.total, 1);
}

#[test]
fn outlet_and_date_fields_find_002() {
    let s = Seeds::new();
    assert_eq!(s.found("outlet:antiwar.com after:2024"), ["002"]);
    assert_eq!(s.found("outlet:antiwar after:2024"), ["002"]);
    assert!(s.found("outlet:antiwar before:2024-02").is_empty());
}

#[test]
fn month_precision_dates_overlap_ranges() {
    let s = Seeds::new();
    // 001 is "2021-10": it may fall on 5 October.
    assert_eq!(s.found("on:2021-10-05"), ["001"]);
    assert_eq!(
        s.found("after:2021-10-31 before:2022-08-01"),
        ["001", "003"]
    );
    let r = s.search("after:2021");
    assert_eq!(r.total, 5);
    assert_eq!(r.approximate_dates, 3);
    assert_eq!(r.undated, 0);
}

#[test]
fn exclusion_removes_articles() {
    let s = Seeds::new();
    assert_eq!(
        s.found("erdogan -stoltenberg"),
        ["000", "001", "003", "004"]
    );
    assert_eq!(s.found("karabakh -erdogan"), ["002"]);
    assert_eq!(
        s.found("karabakh -\"ethnic cleansing\""),
        ["000", "001", "003", "004"]
    );
}

#[test]
fn or_prefix_and_typing() {
    let s = Seeds::new();
    assert_eq!(s.found("stoltenberg OR shushi"), ["000", "002", "003"]);
    assert_eq!(s.found("stolten*"), ["002"]);
    let typing = s.index.search_text(
        &s.articles,
        "stolten",
        true,
        &Filters::default(),
        &SearchOptions::default(),
    );
    assert_eq!(typing.total, 1);
}

#[test]
fn a_typo_is_corrected_and_reported() {
    let s = Seeds::new();
    let r = s.search("stoltenbreg");
    assert_eq!(r.total, 1);
    assert_eq!(r.typo_corrections[0].corrected, "stoltenberg");
}

#[test]
fn gibberish_finds_nothing_and_zero_facets() {
    let s = Seeds::new();
    let r = s.search("xqzvwk");
    assert_eq!(r.total, 0);
    assert!(r.facets.outlets.is_empty() && r.facets.years.is_empty());
    let r = s.search_with(
        "xqzvwk",
        &Filters {
            outlets: vec!["Antiwar.com".into()],
            ..Default::default()
        },
        &SearchOptions::default(),
    );
    assert_eq!(r.total, 0);
    assert_eq!(r.facets.outlets.len(), 1);
    assert_eq!(r.facets.outlets[0].count, 0);
    assert!(r.facets.outlets[0].selected);
}

#[test]
fn facets_are_disjunctive() {
    let s = Seeds::new();
    let filters = Filters {
        outlets: vec!["Antiwar.com".into()],
        ..Default::default()
    };
    let r = s.search_with("karabakh", &filters, &SearchOptions::default());
    assert_eq!(r.total, 1);
    // The other outlets still show what selecting them would add.
    let outlets: Vec<(&str, usize)> = r
        .facets
        .outlets
        .iter()
        .map(|f| (f.value.as_str(), f.count))
        .collect();
    assert_eq!(outlets.len(), 4);
    assert!(outlets.contains(&("Breitbart News", 1)));
    // Years are counted within the selected outlet.
    let years: Vec<(&str, usize)> = r
        .facets
        .years
        .iter()
        .map(|f| (f.value.as_str(), f.count))
        .collect();
    assert_eq!(years, [("2024", 1)]);
    let months: Vec<&str> = r.facets.months.iter().map(|f| f.label.as_str()).collect();
    assert_eq!(months, ["March 2024"]);
}

#[test]
fn year_and_month_filters() {
    let s = Seeds::new();
    let filters = Filters {
        years: vec!["2021".into()],
        ..Default::default()
    };
    assert_eq!(
        s.search_with("", &filters, &SearchOptions::default()).total,
        2
    );
    let filters = Filters {
        months: vec!["2021-10".into()],
        ..Default::default()
    };
    let r = s.search_with("", &filters, &SearchOptions::default());
    assert_eq!(r.total, 1);
    assert_eq!(r.approximate_dates, 1);
}

#[test]
fn sorting_by_date() {
    let s = Seeds::new();
    let ids = |sort| {
        let options = SearchOptions {
            sort,
            ..Default::default()
        };
        s.search_with("", &Filters::default(), &options)
            .hits
            .iter()
            .map(|h| h.article)
            .collect::<Vec<_>>()
    };
    assert_eq!(ids(Sort::Newest), [2, 4, 3, 1, 0]);
    assert_eq!(ids(Sort::Oldest), [0, 1, 3, 4, 2]);
}

#[test]
fn headline_matches_rank_first() {
    let s = Seeds::new();
    let r = s.search("erdogan");
    // 004's headline says Erdogan.
    assert_eq!(r.hits[0].article, 4);
    let h = &r.hits[0].highlights.headline[0];
    assert_eq!(&s.articles[4].headline[h.start..h.end], "Erdogan");
}

#[test]
fn snippets_show_the_match() {
    let s = Seeds::new();
    let r = s.search("\"ethnic cleansing\"");
    let snippet = r.hits[0].snippet.as_ref().unwrap();
    let mark = snippet.marks[0];
    assert_eq!(&snippet.text[mark.start..mark.end], "ethnic cleansing");
}

#[test]
fn paging_keeps_the_total() {
    let s = Seeds::new();
    let options = SearchOptions {
        offset: 1,
        limit: 2,
        ..Default::default()
    };
    let r = s.search_with("karabakh", &Filters::default(), &options);
    assert_eq!(r.total, 5);
    assert_eq!(r.hits.len(), 2);
}

#[test]
fn messages_for_bad_input_still_search() {
    let s = Seeds::new();
    let r = s.search("erdogan after:2021-02-30 colour:red");
    assert_eq!(r.messages.len(), 2);
    assert_eq!(r.total, 0, "colour and red are searched as words");
    let r = s.search("erdogan after:2021-02-30");
    assert_eq!(r.total, 4);
}

#[test]
fn related_articles_exclude_the_article_itself() {
    let s = Seeds::new();
    let related = s.index.related(&s.articles, 0, 3);
    assert_eq!(related.len(), 3);
    assert!(related
        .iter()
        .all(|&(a, score)| a != 0 && score > 0.0 && score <= 1.0));
    assert!(related.windows(2).all(|w| w[0].1 >= w[1].1));
}

#[test]
fn index_survives_json() {
    let s = Seeds::new();
    let loaded = SearchIndex::from_json(&s.index.to_json()).unwrap();
    let a = s.search("erdogan karabakh");
    let b = loaded.search_text(
        &s.articles,
        "erdogan karabakh",
        false,
        &Filters::default(),
        &SearchOptions::default(),
    );
    assert_eq!(a, b);
}
