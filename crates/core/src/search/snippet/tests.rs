//! Unit tests of `snippet`.

use super::*;
use crate::model::{Paragraph, Role};

fn with_role(text: &str, role: Role) -> Paragraph {
    let mut p = Paragraph::body(text);
    p.role = role;
    p
}

fn marker(words: &[&str], phrases: &[&[&str]]) -> Marker {
    let mut marker = Marker {
        words: words.iter().map(|w| w.to_string()).collect(),
        phrases: phrases
            .iter()
            .map(|p| p.iter().map(|w| w.to_string()).collect())
            .collect(),
        needles: Vec::new(),
    };
    marker.prepare();
    marker
}

fn article(headline: &str, paragraphs: &[&str]) -> Article {
    Article {
        id: "x".into(),
        headline: headline.into(),
        paragraphs: paragraphs.iter().map(|p| Paragraph::body(*p)).collect(),
        ..Default::default()
    }
}

#[test]
fn marks_words_in_headline_and_paragraphs() {
    let a = article(
        "Erdoğan meets Aliyev",
        &["Nothing here.", "Then Erdoğan’s speech."],
    );
    let (h, _) = highlight(&a, &marker(&["erdogan"], &[]));
    assert_eq!(
        &a.headline[h.headline[0].start..h.headline[0].end],
        "Erdoğan"
    );
    assert_eq!(h.paragraphs.len(), 1);
    assert_eq!(h.paragraphs[0].paragraph, 1);
    let s = h.paragraphs[0].spans[0];
    assert_eq!(&a.paragraphs[1].text[s.start..s.end], "Erdoğan");
}

#[test]
fn a_phrase_is_one_mark() {
    let a = article("H", &["It ended in ethnic cleansing, they said."]);
    let (h, _) = highlight(&a, &marker(&[], &[&["ethnic", "cleansing"]]));
    let s = h.paragraphs[0].spans[0];
    assert_eq!(&a.paragraphs[0].text[s.start..s.end], "ethnic cleansing");
}

#[test]
fn snippet_is_the_densest_window() {
    let filler = "word ".repeat(50);
    let text = format!("{filler} baku lachin baku {filler}");
    let a = article("H", &["baku once", &text]);
    let (_, snippet) = highlight(&a, &marker(&["baku", "lachin"], &[]));
    let snippet = snippet.unwrap();
    assert_eq!(snippet.paragraph, 1);
    assert_eq!(snippet.marks.len(), 3);
    assert!(snippet.cut_before && snippet.cut_after);
    for m in &snippet.marks {
        assert!(["baku", "lachin"].contains(&&snippet.text[m.start..m.end]));
    }
}

#[test]
fn no_match_gives_the_start_of_the_first_paragraph() {
    let a = article("H", &["First paragraph.", "Second."]);
    let (_, snippet) = highlight(&a, &marker(&["zzz"], &[]));
    let snippet = snippet.unwrap();
    assert_eq!(snippet.text, "First paragraph.");
    assert!(!snippet.cut_before && !snippet.cut_after);
}

#[test]
fn furniture_is_neither_marked_nor_snippeted() {
    let mut a = article("H", &["Body text."]);
    a.paragraphs
        .insert(0, with_role("Subscribe to Baku", Role::Furniture));
    let (h, snippet) = highlight(&a, &marker(&["baku"], &[]));
    assert!(h.paragraphs.is_empty());
    assert_eq!(snippet.unwrap().paragraph, 1);
}

#[test]
fn common_start_stops_at_a_character_boundary() {
    let words = |w: &[&str]| w.iter().map(|w| w.to_string()).collect::<Vec<_>>();
    assert_eq!(common_start(&words(&["cease", "ceasefire", "cell"])), "ce");
    assert_eq!(common_start(&words(&["şuşa", "şuşi"])), "şuş");
    assert_eq!(common_start(&words(&["é", "è"])), "");
    assert_eq!(common_start(&words(&["baku"])), "baku");
    assert_eq!(common_start(&[]), "");
}

#[test]
fn a_group_of_many_forms_is_one_quick_test() {
    let forms: Vec<String> = ["cease", "ceasefire", "cell", "centre", "century", "certain"]
        .iter()
        .map(|w| w.to_string())
        .collect();
    let mut marker = Marker::default();
    marker.add_forms(forms);
    marker.add_forms(vec!["baku".into()]);
    marker.prepare();
    assert_eq!(marker.needles, ["baku", "ce"]);
    // Marks only the forms, not every word that shares their start.
    let a = article(
        "H",
        &["No match.", "A ceasefire in the centre, cerulean Baku."],
    );
    let (h, _) = highlight(&a, &marker);
    let text = &a.paragraphs[1].text;
    let marked: Vec<&str> = h.paragraphs[0]
        .spans
        .iter()
        .map(|s| &text[s.start..s.end])
        .collect();
    assert_eq!(marked, ["ceasefire", "centre", "Baku"]);
    assert_eq!(h.paragraphs.len(), 1);
}

#[test]
fn overlapping_spans_merge() {
    let spans = vec![
        Span { start: 5, end: 9 },
        Span { start: 0, end: 6 },
        Span { start: 12, end: 13 },
    ];
    assert_eq!(
        merge(spans),
        [Span { start: 0, end: 9 }, Span { start: 12, end: 13 }]
    );
}

#[test]
fn window_is_centred_on_its_marks() {
    let mut flags = vec![false; 100];
    flags[50] = true;
    let (count, start) = densest_window(&flags, 10);
    assert_eq!(count, 1);
    assert!(start <= 50 && 50 < start + 10 && start >= 45);
}
