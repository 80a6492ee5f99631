//! Article text with marks: plain text nodes and `<mark>` spans built from
//! byte ranges the core computed. Never HTML from the corpus.

use dossier_core::search::Span;
use yew::prelude::*;

/// `text` with each span wrapped in `<mark>`.
pub fn marked(text: &str, spans: &[Span]) -> Html {
    let classed: Vec<(Span, &'static str)> = spans.iter().map(|s| (*s, "hit")).collect();
    marked_with(text, &classed)
}

/// `text` with each span wrapped in `<mark class=…>`. Spans are taken in
/// order of their start; one that overlaps an earlier span, lies out of
/// range or cuts a character is skipped rather than trusted.
pub fn marked_with(text: &str, spans: &[(Span, &'static str)]) -> Html {
    let mut spans = spans.to_vec();
    spans.sort_by_key(|(s, _)| (s.start, s.end));
    let mut parts = Vec::new();
    let mut at = 0;
    for (span, class) in spans {
        if span.start < at {
            continue;
        }
        let (Some(before), Some(hit)) = (text.get(at..span.start), text.get(span.start..span.end))
        else {
            continue;
        };
        parts.push(html! { { before } });
        parts.push(html! { <mark class={class}>{ hit }</mark> });
        at = span.end;
    }
    parts.push(html! { { text.get(at..).unwrap_or_default() } });
    parts.into_iter().collect()
}
