//! Fuzzes the query parser: any input, typed or submitted, must parse
//! without panicking, and the parsed query must run against a small index
//! without panicking either.
#![no_main]

use std::sync::OnceLock;

use dossier_core::model::{Article, Paragraph};
use dossier_core::search::{parse_query, Filters, SearchConfig, SearchIndex, SearchOptions};
use libfuzzer_sys::fuzz_target;

fn corpus() -> &'static (Vec<Article>, SearchIndex) {
    static CORPUS: OnceLock<(Vec<Article>, SearchIndex)> = OnceLock::new();
    CORPUS.get_or_init(|| {
        let articles: Vec<Article> = [
            (
                "Erdoğan visits Şuşa",
                "Talks in Shusha about ethnic cleansing.",
            ),
            (
                "Baku and Yerevan",
                "Aliyev met Pashinyan; Nagorno-Karabakh talks.",
            ),
            ("Weather", "Rain in Ankara, Türkiye."),
        ]
        .iter()
        .enumerate()
        .map(|(i, (h, b))| Article {
            id: format!("{i:03}"),
            headline: h.to_string(),
            paragraphs: vec![Paragraph::body(*b)],
            ..Default::default()
        })
        .collect();
        let config = SearchConfig {
            aliases: vec![vec!["Shusha".into(), "Shushi".into(), "Şuşa".into()]],
            ..Default::default()
        };
        let index = SearchIndex::build(&articles, &config);
        (articles, index)
    })
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let typing = text.len() % 2 == 0;
    let parsed = parse_query(text, typing);
    let (articles, index) = corpus();
    let _ = index.search(
        articles,
        &parsed.query,
        &Filters::default(),
        &SearchOptions::default(),
    );
});
