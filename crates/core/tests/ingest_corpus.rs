//! The corpus-wide passes: duplicates merged keeping every outlet and URL,
//! and furniture recognised by repetition across an outlet's articles.

use dossier_core::entities::Gazetteer;
use dossier_core::ingest::duplicates::{fingerprints, Fingerprint};
use dossier_core::ingest::{corpus_passes, Ingester, Metadata};
use dossier_core::manifest::Manifest;
use dossier_core::{Article, Role};

/// A body of `n` sentences that differ from any other seed's.
fn body(seed: u64, sentences: usize) -> String {
    let words = [
        "minister", "border", "talks", "corridor", "village", "council", "army", "treaty",
        "refugees", "pipeline", "summit", "election", "river", "market", "school", "mayor",
        "bridge", "harvest", "court", "envoy", "railway", "airport", "factory", "museum",
    ];
    let mut state = seed
        .wrapping_mul(6364136223846793005)
        .wrapping_add(1442695040888963407);
    let mut out = String::new();
    for s in 0..sentences {
        let mut sentence = Vec::new();
        for _ in 0..12 {
            state = state
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            sentence.push(words[(state >> 33) as usize % words.len()]);
        }
        out.push_str(&format!("The {} {}.", s, sentence.join(" ")));
        out.push_str(if s % 3 == 2 { "\n\n" } else { " " });
    }
    out
}

fn article(ingester: &Ingester, id: &str, headline: &str, text: &str) -> Article {
    ingester
        .text(
            id,
            &format!("{id}.txt"),
            &format!("{headline}\n\n{text}"),
            Metadata::default(),
        )
        .unwrap()
}

fn run(manifest: &str, files: &[(&str, &str, String)]) -> (Vec<Article>, Manifest) {
    let manifest = Manifest::from_toml(manifest).unwrap();
    let gazetteer = Gazetteer::default();
    let ingester = Ingester::new(&manifest, &gazetteer);
    let mut articles: Vec<Article> = files
        .iter()
        .map(|(id, h, t)| article(&ingester, id, h, t))
        .collect();
    let prints = fingerprints(&articles);
    corpus_passes(&mut articles, &prints, &manifest);
    (articles, manifest)
}

const DUP_MANIFEST: &str = r#"
[articles.a]
outlet = "Outlet A"
published = "2021-05-02"
url = "https://a.example/1"
[articles.b]
outlet = "Outlet B"
published = "2021-05-01"
url = "https://b.example/1"
[articles.c]
outlet = "Outlet C"
published = "2021-05-03"
"#;

#[test]
fn identical_texts_merge_into_the_earliest_keeping_every_outlet_and_url() {
    let text = body(1, 9);
    // The copy differs only in case, punctuation, spacing and furniture.
    let copy = format!(
        "{}\n\nComments are closed.",
        text.to_uppercase().replace('.', " !")
    );
    let (articles, _) = run(
        DUP_MANIFEST,
        &[
            ("a", "Headline", text.clone()),
            ("b", "Another headline", copy),
            ("c", "Unrelated", body(2, 9)),
        ],
    );
    let ids: Vec<&str> = articles.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(ids, ["b", "c"], "b is the earliest copy");
    let kept = &articles[0];
    assert_eq!(kept.outlet.as_ref().unwrap().value, "Outlet B");
    assert_eq!(kept.duplicates.len(), 1);
    let d = &kept.duplicates[0];
    assert_eq!((d.id.as_str(), d.source_file.as_str()), ("a", "a.txt"));
    assert_eq!(d.outlet.as_ref().unwrap().value, "Outlet A");
    assert_eq!(d.url.as_ref().unwrap().value, "https://a.example/1");
    assert_eq!(d.published.as_ref().unwrap().value.iso(), "2021-05-02");
    assert_eq!(d.headline.as_deref(), Some("Headline"));
    assert!(d.exact);
    assert_eq!(d.similarity, 1.0);
    assert!(articles[1].duplicates.is_empty());
}

/// `text` with one word in every `every` changed.
fn edit(text: &str, every: usize) -> String {
    text.split(' ')
        .enumerate()
        .map(|(i, w)| if i % every == every - 1 { "CHANGED" } else { w })
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn near_duplicates_merge_above_the_threshold_and_not_below() {
    let text = body(3, 30);
    // One word in 200 changed: about 95% of the shingles survive.
    let (articles, _) = run(
        DUP_MANIFEST,
        &[("a", "H", text.clone()), ("b", "H", edit(&text, 200))],
    );
    assert_eq!(articles.len(), 1);
    let d = &articles[0].duplicates[0];
    assert!(!d.exact);
    assert!(
        d.similarity >= 0.9 && d.similarity < 1.0,
        "{}",
        d.similarity
    );
    assert_eq!(d.headline, None, "same headline");

    // One word in 10 changed: about half the shingles survive.
    let (articles, _) = run(
        DUP_MANIFEST,
        &[("a", "H", text.clone()), ("b", "H", edit(&text, 10))],
    );
    assert_eq!(articles.len(), 2);
    assert!(articles.iter().all(|a| a.duplicates.is_empty()));

    // The same pair merges under a lower threshold from the manifest.
    let (articles, _) = run(
        &format!("[duplicates]\nthreshold = 0.25\n{DUP_MANIFEST}"),
        &[("a", "H", text.clone()), ("b", "H", edit(&text, 10))],
    );
    assert_eq!(articles.len(), 1);
    let s = articles[0].duplicates[0].similarity;
    assert!((0.25..0.6).contains(&s), "{s}");
}

#[test]
fn short_bodies_under_other_headlines_are_not_merged() {
    let (articles, _) = run(
        "",
        &[
            ("a", "A", "Body.\n\nMore.\n\nEnd.".into()),
            ("b", "B", "Body.\n\nMore.\n\nEnd.".into()),
        ],
    );
    assert_eq!(articles.len(), 2);
}

#[test]
fn merging_is_deterministic_whatever_the_input_order() {
    let text = body(4, 30);
    let files = vec![
        ("a", "H1", text.clone()),
        ("b", "H2", edit(&text, 200)),
        ("c", "H3", text.clone()),
        ("d", "H4", body(5, 12)),
        ("e", "H5", body(5, 12)),
    ];
    let (first, _) = run("", &files);
    let mut reversed = files.clone();
    reversed.reverse();
    let (second, _) = run("", &reversed);
    let ids = |v: &[Article]| {
        let mut out: Vec<(String, Vec<String>)> = v
            .iter()
            .map(|a| {
                (
                    a.id.clone(),
                    a.duplicates.iter().map(|d| d.id.clone()).collect(),
                )
            })
            .collect();
        out.sort();
        out
    };
    // Undated: the smallest id is kept, copies listed in id order.
    assert_eq!(
        ids(&first),
        [
            ("a".to_string(), vec!["b".to_string(), "c".to_string()]),
            ("d".to_string(), vec!["e".to_string()]),
        ]
    );
    assert_eq!(ids(&first), ids(&second));
    let fp = Fingerprint::of(&first[0]);
    assert_eq!(fp, Fingerprint::of(&first[0].clone()));
    assert!(fp.words() > 100);
}

#[test]
fn a_line_repeated_across_an_outlets_articles_is_furniture() {
    let slogan = "The Example Herald brings you the region every day.";
    let mut manifest = String::new();
    let mut files = Vec::new();
    for i in 0..10 {
        let id = format!("h{i}");
        manifest.push_str(&format!("[articles.{id}]\noutlet = \"Example Herald\"\n"));
        // The slogan in 4 of 10 articles; a shared sentence in only 2.
        let mut text = body(100 + i, 6);
        if i < 4 {
            text.push_str(&format!("\n\n{slogan}"));
        }
        if i < 2 {
            text.push_str("\n\nThe war ended with a cease-fire on November 9, 2020.");
        }
        files.push((id, format!("Headline {i}"), text));
    }
    // Another outlet prints the slogan three times in its twelve articles:
    // under 30%, so there it stays body text.
    for i in 0..12 {
        let id = format!("o{i}");
        manifest.push_str(&format!("[articles.{id}]\noutlet = \"Other\"\n"));
        let mut text = body(200 + i, 6);
        if i < 3 {
            text.push_str(&format!("\n\n{slogan}"));
        }
        files.push((id, format!("Other {i}"), text));
    }
    let files: Vec<(&str, &str, String)> = files
        .iter()
        .map(|(a, b, c)| (a.as_str(), b.as_str(), c.clone()))
        .collect();
    let manifest = Manifest::from_toml(&manifest).unwrap();
    let gazetteer = Gazetteer::default();
    let ingester = Ingester::new(&manifest, &gazetteer);
    let mut articles: Vec<Article> = files
        .iter()
        .map(|(id, h, t)| article(&ingester, id, h, t))
        .collect();
    let prints = fingerprints(&articles);
    let passes = corpus_passes(&mut articles, &prints, &manifest);
    assert!(passes.merges.is_empty());
    assert_eq!(passes.repeated.len(), 1);
    assert_eq!(
        (
            passes.repeated[0].outlet.as_str(),
            passes.repeated[0].articles,
            passes.repeated[0].of
        ),
        ("Example Herald", 4, 10)
    );
    let slogan_role = |a: &Article| {
        a.paragraphs
            .iter()
            .find(|p| p.text == slogan)
            .map(|p| (p.role, p.rule.clone()))
    };
    assert_eq!(
        slogan_role(&articles[0]),
        Some((
            Role::Furniture,
            Some("repeated across 4 articles of Example Herald".to_string())
        ))
    );
    assert_eq!(slogan_role(&articles[10]).unwrap().0, Role::Body);
    // The sentence in 2 articles stays body text, with its date.
    let shared = articles[0]
        .paragraphs
        .iter()
        .position(|p| p.text.starts_with("The war ended"))
        .unwrap();
    assert_eq!(articles[0].paragraphs[shared].role, Role::Body);
    assert!(articles[0]
        .mentioned_dates
        .iter()
        .any(|d| d.paragraph == shared));
}

#[test]
fn small_outlets_and_a_zero_setting_are_left_alone() {
    let slogan = "Read us every day for the region's news in depth.";
    let mut manifest = String::from("[repetition]\nmin_outlet_articles = 0\n");
    let mut files = Vec::new();
    for i in 0..6 {
        manifest.push_str(&format!("[articles.s{i}]\noutlet = \"Small\"\n"));
        files.push((
            format!("s{i}"),
            format!("H{i}"),
            format!("{}\n\n{slogan}", body(300 + i, 6)),
        ));
    }
    let files: Vec<(&str, &str, String)> = files
        .iter()
        .map(|(a, b, c)| (a.as_str(), b.as_str(), c.clone()))
        .collect();
    let (articles, _) = run(&manifest, &files);
    assert!(articles
        .iter()
        .all(|a| a.paragraphs.iter().all(|p| p.role != Role::Furniture)));
    // With the default settings the same six articles do show it.
    let manifest = manifest.replace("[repetition]\nmin_outlet_articles = 0\n", "");
    let (articles, _) = run(&manifest, &files[..4]);
    assert!(articles
        .iter()
        .all(|a| a.paragraphs.iter().all(|p| p.role != Role::Furniture)));
    let (articles, _) = run(&manifest, &files);
    assert!(articles.iter().all(|a| a
        .paragraphs
        .iter()
        .any(|p| p.rule.as_deref() == Some("repeated across 6 articles of Small"))));
}
