//! Distinctive terms: one outlet against the rest (or another outlet), by
//! the weighted log-odds ratio with an informative Dirichlet prior; the top
//! terms of each side as bar charts of z-scores. A term runs its search.

use std::rc::Rc;

use dossier_core::stats::{
    distinctive_terms, outlet_name, Distinctive, DistinctiveOptions, TermScore,
};
use wasm_bindgen::JsCast;
use yew::prelude::*;

use super::bar_chart::{Bar, BarChart};
use super::changed;
use crate::engine::Engine;
use crate::route::{Compare, View};
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
    /// The Compare settings (`a`, `b`).
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

/// Outlet pickers and two charts.
#[function_component(DistinctiveTerms)]
pub fn distinctive_terms_view(props: &DistinctiveTermsProps) -> Html {
    let engine = props.engine.clone();
    let phrases = use_state(|| false);
    let outlets: Vec<String> = {
        let articles = engine.articles();
        let mut o: Vec<String> = props
            .selection
            .iter()
            .map(|&i| outlet_name(&articles[i]))
            .collect();
        o.sort();
        o.dedup();
        o
    };
    let c = &props.compare;
    let a =
        c.a.clone()
            .filter(|a| outlets.contains(a))
            .or_else(|| outlets.first().cloned())
            .unwrap_or_default();
    let b = c.b.clone().filter(|b| outlets.contains(b) && *b != a);
    let result: Rc<Distinctive> = {
        let engine = engine.clone();
        use_memo(
            (
                props.selection.clone(),
                a.clone(),
                b.clone(),
                engine.generation(),
            ),
            move |(selection, a, b, _)| {
                let articles = engine.articles();
                let (side_a, side_b): (Vec<usize>, Vec<usize>) = selection
                    .iter()
                    .filter(|&&i| {
                        b.as_ref().is_none_or(|b| {
                            outlet_name(&articles[i]) == *b || outlet_name(&articles[i]) == *a
                        })
                    })
                    .partition(|&&i| outlet_name(&articles[i]) == *a);
                distinctive_terms(&articles, &side_a, &side_b, &DistinctiveOptions::default())
            },
        )
    };
    let select = |id: &'static str,
                  current: Option<String>,
                  rest: Option<&'static str>,
                  set: fn(&mut Compare, Option<String>)| {
        let (c, on_action) = (c.clone(), props.on_action.clone());
        let onchange = Callback::from(move |e: Event| {
            if let Some(s) = e
                .target()
                .and_then(|t| t.dyn_into::<web_sys::HtmlSelectElement>().ok())
            {
                let value = Some(s.value()).filter(|v| !v.is_empty());
                on_action.emit(Action::SetCompare(changed(&c, |c| set(c, value))));
            }
        });
        html! {
            <select {id} {onchange}>
                if let Some(rest) = rest { <option value="" selected={current.is_none()}>{ rest }</option> }
                { for outlets.iter().map(|o| html! { <option value={o.clone()} selected={current.as_ref() == Some(o)}>{ o }</option> }) }
            </select>
        }
    };
    if outlets.len() < 2 {
        return html! { <p class="empty">{ "These articles come from one outlet; widen the search to compare outlets." }</p> };
    }
    let b_name = b.clone().unwrap_or_else(|| "the other outlets".into());
    let sides = if *phrases {
        &result.bigrams
    } else {
        &result.unigrams
    };
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
        let phrases = phrases.clone();
        Callback::from(move |_: MouseEvent| phrases.set(!*phrases))
    };
    html! {
        <div class="terms">
            <div class="controls">
                <label>{ "Outlet A " }{ select("terms-a", Some(a.clone()), None, |c, v| c.a = v) }</label>
                <label>{ " against " }{ select("terms-b", b.clone(), Some("the other outlets"), |c, v| c.b = v) }</label>
                <button type="button" class="phrases" aria-pressed={phrases.to_string()} onclick={toggle}>{ "Two-word phrases" }</button>
            </div>
            <p class="hint">{ format!("Words {a} uses more than {b_name} and the other way round, by weighted log-odds with the whole dossier as prior (Monroe et al. 2008); bar length is the z-score. {} and {} words counted, stop words left out. Choose a term to search for it.", sides.total_a, sides.total_b) }</p>
            <div class="chart-pair">
                <BarChart title={format!("Distinctive of {a}")} axis="z-score" bars={bars(&sides.a, &a, &b_name)} series={0} on_pick={pick.clone()} />
                <BarChart title={format!("Distinctive of {b_name}")} axis="z-score" bars={bars(&sides.b, &a, &b_name)} series={1} on_pick={pick} />
            </div>
        </div>
    }
}
