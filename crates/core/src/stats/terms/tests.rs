//! Unit tests of `terms`.

use super::*;
use crate::model::Paragraph;
use written::Seen;

fn article(text: &str) -> Article {
    Article {
        paragraphs: vec![Paragraph::body(text)],
        ..Default::default()
    }
}

fn close(x: f64, y: f64) -> bool {
    (x - y).abs() < 1e-6
}

/// The worked example, by hand. A = "war war war peace", B = "peace
/// peace talks war"; no stop words; background = A + B.
///
/// Counts: A: war 3, peace 1 (n_a = 4). B: peace 2, talks 1, war 1
/// (n_b = 4). Background: war 4, peace 3, talks 1 (bg_n = 8), so
/// α0 = 8 and α_w = 8 · bg_w / 8 = bg_w: α_war = 4, α_peace = 3,
/// α_talks = 1.
///
/// war:   δ = ln((3+4)/(4+8−3−4)) − ln((1+4)/(4+8−1−4))
///          = ln(7/5) − ln(5/7) = 2·ln 1.4 = 0.672944
///        σ² = 1/7 + 1/5 = 12/35 = 0.342857, σ = 0.585540
///        z = 0.672944 / 0.585540 = 1.149271
/// peace: δ = ln((1+3)/(4+8−1−3)) − ln((2+3)/(4+8−2−3))
///          = ln(4/8) − ln(5/7) = −0.693147 + 0.336472 = −0.356675
///        σ² = 1/4 + 1/5 = 0.45, σ = 0.670820
///        z = −0.356675 / 0.670820 = −0.531700
/// talks: δ = ln((0+1)/(4+8−0−1)) − ln((1+1)/(4+8−1−1))
///          = ln(1/11) − ln(2/10) = −2.397895 + 1.609438 = −0.788457
///        σ² = 1/1 + 1/2 = 1.5, σ = 1.224745
///        z = −0.788457 / 1.224745 = −0.643773
///
/// So A's side is [war]; B's is [talks, peace]: "talks" (never in A)
/// outranks the more frequent "peace", which A also uses.
#[test]
fn log_odds_match_the_worked_example() {
    let articles = vec![
        article("war war war peace"),
        article("peace peace talks war"),
    ];
    let options = DistinctiveOptions {
        stop_words: Vec::new(),
        ..Default::default()
    };
    let d = distinctive_terms(&articles, &[0], &[1], &options);
    let u = &d.unigrams;
    assert_eq!((u.total_a, u.total_b), (4, 4));
    assert_eq!(u.a.len(), 1);
    assert_eq!(u.a[0].term, "war");
    assert_eq!((u.a[0].count_a, u.a[0].count_b), (3, 1));
    assert!(close(u.a[0].prior, 4.0));
    assert!(close(u.a[0].delta, 0.672944), "{}", u.a[0].delta);
    assert!(close(u.a[0].z, 1.149271), "{}", u.a[0].z);
    let b: Vec<&str> = u.b.iter().map(|s| s.term.as_str()).collect();
    assert_eq!(b, ["talks", "peace"]);
    assert!(close(u.b[0].delta, -0.788457));
    assert!(close(u.b[0].z, -0.643773));
    assert!(close(u.b[1].delta, -0.356675));
    assert!(close(u.b[1].z, -0.531700));

    // Bigrams: A "war war" ×2, "war peace"; B "peace peace", "peace
    // talks", "talks war".
    assert_eq!((d.bigrams.total_a, d.bigrams.total_b), (3, 3));
    assert_eq!(d.bigrams.a[0].term, "war war");
}

#[test]
fn stop_words_and_punctuation_break_bigrams() {
    let articles = vec![
        article("The ethnic cleansing of Armenians. Cleansing, ethnic."),
        article("Liberated lands"),
    ];
    let d = distinctive_terms(&articles, &[0], &[1], &DistinctiveOptions::default());
    let a: Vec<&str> = d.bigrams.a.iter().map(|s| s.term.as_str()).collect();
    assert_eq!(a, ["ethnic cleansing"]);
    assert!(!d
        .unigrams
        .a
        .iter()
        .any(|s| s.term == "the" || s.term == "of"));
    assert_eq!(d.bigrams.b[0].term, "liberated lands");
}

#[test]
fn top_n_and_empty_selections_are_safe() {
    let articles = vec![article("a b c d e f"), article("g")];
    let options = DistinctiveOptions {
        top_n: 2,
        stop_words: Vec::new(),
        ..Default::default()
    };
    let d = distinctive_terms(&articles, &[0], &[1], &options);
    assert_eq!(d.unigrams.a.len(), 2);
    let empty = distinctive_terms(&articles, &[], &[], &options);
    assert!(empty.unigrams.a.is_empty() && empty.unigrams.b.is_empty());
}

/// QA: the Compare page listed "susa", "karabag", "gosterisler",
/// words no article writes.
#[test]
fn terms_are_shown_as_the_articles_write_them() {
    let articles = vec![
        Article {
            headline: "ŞUŞA Gösterişler".into(),
            paragraphs: vec![
                Paragraph::body("Şuşa'da gösterişler. Gösterişler Şuşa’nın Dağlık Karabağ."),
                Paragraph::body("Dağlık Karabağ ve İstanbul. İstanbul ve"),
            ],
            ..Default::default()
        },
        article("Liberated lands"),
    ];
    let d = distinctive_terms(&articles, &[0], &[1], &DistinctiveOptions::default());
    let mut shown: Vec<(&str, &str)> = d
        .unigrams
        .a
        .iter()
        .map(|s| (s.folded.as_str(), s.term.as_str()))
        .collect();
    shown.sort();
    assert_eq!(
        shown,
        [
            ("daglik", "Dağlık"),
            ("gosterisler", "gösterişler"),
            ("istanbul", "İstanbul"),
            ("karabag", "Karabağ"),
            ("susa", "Şuşa"),
            ("ve", "ve"),
        ]
    );
    let pair = &d.bigrams.a[0];
    assert_eq!(
        (pair.folded.as_str(), pair.term.as_str()),
        ("daglik karabag", "Dağlık Karabağ")
    );
    // Only ever opening a sentence: nothing says it is a name.
    let b: Vec<&str> = d.unigrams.b.iter().map(|s| s.term.as_str()).collect();
    assert_eq!(b, ["lands", "liberated"]);
    assert_eq!(d.bigrams.b[0].term, "liberated lands");
}

#[test]
fn the_shown_spelling_is_the_most_written_one() {
    let seen = |v: &[(&str, bool)]| -> Option<String> {
        let mut seen = Seen::default();
        for (w, opens) in v {
            seen.add(w.to_string(), *opens);
        }
        seen.most_written()
    };
    let shown = seen(&[("ŞUŞA", true), ("Şuşa", false)]);
    assert_eq!(shown.as_deref(), Some("Şuşa"));
    assert_eq!(seen(&[("NATO", false)]).as_deref(), Some("NATO"));
    let war = seen(&[("War", false), ("war", false), ("War", true)]);
    assert_eq!(war.as_deref(), Some("war"));
    assert_eq!(seen(&[("İRƏLİ", true)]).as_deref(), Some("irəli"));
}
