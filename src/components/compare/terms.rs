//! Distinctive terms: one outlet against the rest or another outlet, or
//! one date range against another, by the weighted log-odds ratio with an
//! informative Dirichlet prior; the top terms of each side as bar charts of
//! z-scores. A term runs its search. The stop words are the reader's to
//! set (see [`super::terms_controls`]).

use std::rc::Rc;

use dossier_core::stats::{
    distinctive_terms, outlets_of, split_selection, stop_words_with, Distinctive,
    DistinctiveOptions, Sides, TermScore,
};
use yew::prelude::*;

use super::bar_chart::{Bar, BarChart};
use super::terms_controls::{range_label, TermsControls};
use crate::engine::Engine;
use crate::route::{Compare, StopList, TermsVs, View};
use crate::state::Action;

/// Props for [`DistinctiveTerms`].
#[derive(Properties, PartialEq)]
pub struct DistinctiveTermsProps {
    /// The dossier (every selected text loaded).
    pub engine: Rc<Engine>,
    /// The compared articles.
    pub selection: Rc<Vec<usize>>,
    /// The current view.
    pub view: View,
    /// The Compare settings (`vs`, `a`, `b`, the ranges, the stop words).
    pub compare: Compare,
    /// Where changes go.
    pub on_action: Callback<Action>,
}

fn bars(scores: &[TermScore], a: &str, b: &str) -> Vec<Bar> {
    scores
        .iter()
        .map(|s| Bar {
            label: s.term.clone(),
            value: s.z.abs(),
            detail: format!(
                "z = {:.2}; {} times in {a}, {} in {b}",
                s.z, s.count_a, s.count_b
            ),
        })
        .collect()
}

fn plural(n: usize, word: &str) -> String {
    format!("{n} {word}{}", if n == 1 { "" } else { "s" })
}

/// "in 2022", "up to 2021", "2023 onwards": a range's label in a sentence.
fn in_range(label: &str) -> String {
    if label == "any date" {
        "at any date".into()
    } else if label.starts_with("up to") || label.ends_with("onwards") {
        label.to_string()
    } else {
        format!("in {label}")
    }
}

/// The two sides the settings name, resolved against the outlets present:
/// (sides, A's name, B's name).
fn resolve(c: &Compare, outlets: &[String]) -> (Sides, String, String) {
    match c.vs {
        TermsVs::Dates => (
            Sides::Dates(c.range_a, c.range_b),
            range_label(&c.range_a),
            range_label(&c.range_b),
        ),
        TermsVs::Outlets => {
            let a =
                c.a.clone()
                    .filter(|a| outlets.contains(a))
                    .or_else(|| outlets.first().cloned())
                    .unwrap_or_default();
            match c.b.clone().filter(|b| outlets.contains(b) && *b != a) {
                Some(b) => (Sides::Outlets(a.clone(), b.clone()), a, b),
                None => (
                    Sides::OutletVsRest(a.clone()),
                    a,
                    "the other outlets".into(),
                ),
            }
        }
    }
}

/// The controls, a note on what was compared, and two charts.
#[function_component(DistinctiveTerms)]
pub fn distinctive_terms_view(props: &DistinctiveTermsProps) -> Html {
    let engine = props.engine.clone();
    let c = &props.compare;
    let outlets = outlets_of(&engine.articles(), &props.selection);
    let (sides, a_name, b_name) = resolve(c, &outlets);
    let stop_words = stop_words_with(c.stop_list == StopList::Default, &c.stop_extra);
    let result: Rc<(Distinctive, usize, usize, usize)> = {
        let engine = engine.clone();
        use_memo(
            (
                props.selection.clone(),
                sides.clone(),
                stop_words,
                engine.generation(),
            ),
            move |(selection, sides, stop_words, _)| {
                let articles = engine.articles();
                let split = split_selection(&articles, selection, sides);
                let options = DistinctiveOptions {
                    stop_words: stop_words.clone(),
                    ..Default::default()
                };
                let d = distinctive_terms(&articles, &split.a, &split.b, &options);
                (d, split.a.len(), split.b.len(), split.left_out.len())
            },
        )
    };
    let (ref d, n_a, n_b, left_out) = *result;
    let controls = html! {
        <TermsControls compare={c.clone()} outlets={outlets.clone()} selection={props.selection.clone()}
                       engine={engine.clone()} on_action={props.on_action.clone()} />
    };
    if c.vs == TermsVs::Outlets && outlets.len() < 2 {
        return html! { <div class="terms">{ controls }
        <p class="empty">{ "These articles come from one outlet; widen the search, or compare two date ranges." }</p></div> };
    }
    let sides_words = if c.phrases { &d.bigrams } else { &d.unigrams };
    let pick = {
        let on_action = props.on_action.clone();
        Callback::from(move |term: String| {
            let query = if term.contains(' ') {
                format!("\"{term}\"")
            } else {
                term
            };
            on_action.emit(Action::RunSearch(query))
        })
    };
    let toggle = {
        let (c, on_action) = (c.clone(), props.on_action.clone());
        Callback::from(move |_: MouseEvent| {
            let mut c = c.clone();
            c.phrases = !c.phrases;
            on_action.emit(Action::SetCompare(c))
        })
    };
    let stops = match (c.stop_list, c.stop_extra.trim().is_empty()) {
        (StopList::Default, true) => "common English words left out",
        (StopList::Default, false) => "common English words and yours left out",
        (StopList::None, true) => "every word counted",
        (StopList::None, false) => "only your stop words left out",
    };
    let counted = format!(
        "Side A: {}, {} counted; side B: {}, {} counted; {stops}.",
        plural(n_a, "article"),
        plural(sides_words.total_a, "term"),
        plural(n_b, "article"),
        plural(sides_words.total_b, "term"),
    );
    let left_note = (left_out > 0).then(|| {
        format!(
            " {} on neither side (another outlet, no date precise enough, or in both ranges).",
            plural(left_out, "article")
        )
    });
    html! {
        <div class="terms">
            { controls }
            <p class="hint">
                { match c.vs {
                    TermsVs::Outlets => format!("Words {a_name} uses more than {b_name} and the other way round"),
                    TermsVs::Dates => format!("Words the articles published {} use more than those published {} and the other way round", in_range(&a_name), in_range(&b_name)),
                } }
                { ", by weighted log-odds with the whole dossier as prior (Monroe et al. 2008); bar length is the z-score. Choose a term to search for it." }
            </p>
            <p class="hint terms-counted">{ counted }{ for left_note }</p>
            <button type="button" class="phrases" aria-pressed={c.phrases.to_string()} onclick={toggle}>{ "Two-word phrases" }</button>
            if n_a == 0 || n_b == 0 {
                <p class="empty">{ "One side has no articles: choose other outlets or date ranges." }</p>
            } else {
                <div class="chart-pair">
                    <BarChart title={format!("Distinctive of {a_name}")} axis="z-score" bars={bars(&sides_words.a, &a_name, &b_name)} series={0} on_pick={pick.clone()} />
                    <BarChart title={format!("Distinctive of {b_name}")} axis="z-score" bars={bars(&sides_words.b, &a_name, &b_name)} series={1} on_pick={pick} />
                </div>
            }
        </div>
    }
}
