//! Property tests: ingest never panics, whatever the bytes, and is
//! deterministic.

use dossier_core::entities::Gazetteer;
use dossier_core::ingest::duplicates::fingerprints;
use dossier_core::ingest::{corpus_passes, parse_plain_text, Ingester};
use dossier_core::manifest::Manifest;
use proptest::prelude::*;

fn texty() -> impl Strategy<Value = String> {
    // Article-like text: words, dates, quotes, names, odd Unicode and line breaks.
    let pieces = prop::sample::select(vec![
        "Erdoğan",
        "said",
        "“",
        "”",
        "\"",
        "09/08/2021",
        "Sept.",
        "20,",
        "2021",
        "May",
        "8",
        "Author:",
        "By",
        "—",
        " - ",
        "(",
        ")",
        "via AP",
        "$100 per year",
        "Comments are closed.",
        "\n",
        "\n\n",
        " ",
        "İ",
        "ı",
        "e\u{301}",
        "\u{feff}",
        "Skip to main content",
        "he",
        "told",
        "according to",
        "@",
        "Republic of Artsakh",
        ".",
        "…",
        "\r\n",
    ]);
    prop::collection::vec(pieces, 0..60).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_bytes_never_panic_in_any_format(bytes in prop::collection::vec(any::<u8>(), 0..400), ext in prop::sample::select(vec!["txt", "md", "html", "json", "jsonl", "csv", "bin"])) {
        let manifest = Manifest::default();
        let gazetteer = Gazetteer::default();
        let _ = Ingester::new(&manifest, &gazetteer).file("x", &format!("x.{ext}"), &bytes);
    }

    #[test]
    fn article_like_text_never_panics_and_is_deterministic(text in texty()) {
        let once = parse_plain_text("x", "x.txt", &text);
        let twice = parse_plain_text("x", "x.txt", &text);
        prop_assert_eq!(&once, &twice);
        if let Ok(a) = once {
            for m in &a.mentions {
                let source = m.paragraph.map_or(a.headline.as_str(), |p| a.paragraphs[p].text.as_str());
                prop_assert_eq!(&source[m.start..m.end], m.text.as_str());
            }
            for d in &a.mentioned_dates {
                prop_assert_eq!(&a.paragraphs[d.paragraph].text[d.start..d.end], d.text.as_str());
            }
        }
    }

    #[test]
    fn corpus_passes_never_panic_and_account_for_every_article(
        texts in prop::collection::vec((texty(), 0..3usize), 0..12),
        threshold in 0.05f64..=1.0,
    ) {
        let manifest = Manifest::from_toml(&format!(
            "[duplicates]\nthreshold = {threshold}\nmin_words = 1\n[repetition]\nmin_outlet_articles = 2\nmin_articles = 2\n"
        )).unwrap();
        let gazetteer = Gazetteer::default();
        let ingester = Ingester::new(&manifest, &gazetteer);
        let mut articles: Vec<_> = texts
            .iter()
            .enumerate()
            .filter_map(|(i, (t, outlet))| {
                let mut a = ingester.text(&format!("a{i}"), "x.txt", t, Default::default()).ok()?;
                a.outlet = Some(dossier_core::Fact::new(format!("O{outlet}"), dossier_core::Provenance::Manifest));
                Some(a)
            })
            .collect();
        let before = articles.len();
        let prints = fingerprints(&articles);
        let passes = corpus_passes(&mut articles, &prints, &manifest);
        prop_assert_eq!(articles.len() + passes.merges.len(), before);
        let listed: usize = articles.iter().map(|a| a.duplicates.len()).sum();
        prop_assert_eq!(listed, passes.merges.len());
        for a in &articles {
            for d in &a.duplicates {
                prop_assert!(d.similarity >= threshold.min(1.0) - 1e-3 || d.exact);
            }
        }
    }
}
