//! Trends: mentions per 1,000 words per month for up to five terms. With
//! few articles the chart shows dots only (each a real month's count),
//! never a smoothed line; the table shows the raw counts beside the rates.

use std::rc::Rc;

use dossier_core::stats::{trends, Scope, Trends, MAX_TREND_TERMS};
use wasm_bindgen::JsCast;
use yew::prelude::*;

use super::changed;
use super::chart::{number, series_class, table_toggle, ticks};
use crate::engine::Engine;
use crate::route::{Compare, View};
use crate::state::Action;

/// Props for [`TrendsChart`].
#[derive(Properties, PartialEq)]
pub struct TrendsChartProps {
    /// The dossier (every selected text loaded).
    pub engine: Rc<Engine>,
    /// The compared articles.
    pub selection: Rc<Vec<usize>>,
    /// The current view.
    pub view: View,
    /// The Compare settings (`terms`).
    pub compare: Compare,
    /// Where changes go.
    pub on_action: Callback<Action>,
}

/// Below this many articles, or months with articles, only dots are drawn.
const FEW: usize = 30;

const LEFT: f64 = 56.0;
const PLOT_W: f64 = 560.0;
const TOP: f64 = 12.0;
const PLOT_H: f64 = 200.0;

/// The terms field, the chart (or table) and a legend.
#[function_component(TrendsChart)]
pub fn trends_chart(props: &TrendsChartProps) -> Html {
    let engine = props.engine.clone();
    let as_table = use_state(|| false);
    let c = &props.compare;
    let data: Rc<Trends> = use_memo(
        (
            props.selection.clone(),
            c.terms.clone(),
            engine.generation(),
        ),
        move |(selection, terms, _)| {
            trends(&engine.articles(), selection, terms, &Scope::default())
        },
    );
    let onchange = {
        let (c, on_action) = (c.clone(), props.on_action.clone());
        Callback::from(move |e: Event| {
            if let Some(input) = e
                .target()
                .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
            {
                let terms = input
                    .value()
                    .split(',')
                    .map(str::trim)
                    .filter(|t| !t.is_empty())
                    .take(MAX_TREND_TERMS)
                    .map(String::from)
                    .collect();
                on_action.emit(Action::SetCompare(changed(&c, |c| c.terms = terms)));
            }
        })
    };
    let field = html! {
        <div class="controls">
            <label>{ format!("Up to {MAX_TREND_TERMS} terms, separated by commas ") }
                <input id="trend-terms" type="text" value={c.terms.join(", ")} {onchange}
                       placeholder="occup*, liberat*" autocomplete="off" spellcheck="false" />
            </label>
        </div>
    };
    if data.terms.is_empty() || data.months.is_empty() {
        return html! { <div class="trends">{ field }
        <p class="hint">{ "Type terms (a word, prefix* or phrase) and press Enter to chart how often each outlet's articles use them, month by month." }</p></div> };
    }
    let months = &data.months;
    let dated_articles: usize = months.iter().map(|m| m.articles.len()).sum();
    let with_text = months.iter().filter(|m| m.words > 0).count();
    let dots_only = dated_articles < FEW || with_text < 6;
    let max = months
        .iter()
        .flat_map(|m| m.per_thousand.iter().flatten())
        .copied()
        .fold(0.0, f64::max);
    let ticks = ticks(max);
    let top = ticks.last().copied().unwrap_or(1.0).max(f64::EPSILON);
    let step = PLOT_W / months.len().max(1) as f64;
    let x = |i: usize| LEFT + step * (i as f64 + 0.5);
    let y = |v: f64| TOP + PLOT_H - v / top * PLOT_H;
    let label_every = months.len().div_ceil(8).max(1);
    let title = format!(
        "Mentions per 1,000 words, by month of publication ({} articles)",
        dated_articles
    );
    let body = if *as_table {
        html! {
            <table class="chart-table trends-table">
                <caption>{ title.clone() }</caption>
                <thead><tr><th scope="col">{ "Month" }</th><th scope="col">{ "Articles" }</th><th scope="col">{ "Words" }</th>
                    { for data.terms.iter().map(|t| html! { <th scope="col">{ t }</th> }) }</tr></thead>
                <tbody>{ for months.iter().filter(|m| !m.articles.is_empty()).map(|m| html! {
                    <tr data-month={m.month.clone()}>
                        <th scope="row">{ m.month.clone().unwrap_or_default() }</th><td>{ m.articles.len() }</td><td>{ m.words }</td>
                        { for m.counts.iter().zip(&m.per_thousand).map(|(n, r)| html! {
                            <td>{ format!("{n} ({} per 1,000)", r.map_or("–".into(), number)) }</td>
                        }) }
                    </tr>
                }) }</tbody>
            </table>
        }
    } else {
        let series = data.terms.iter().enumerate().map(|(k, term)| {
            let points: Vec<(usize, f64)> = months.iter().enumerate()
                .filter_map(|(i, m)| m.per_thousand[k].map(|r| (i, r))).collect();
            let line = (!dots_only).then(|| {
                let d = points.iter().map(|&(i, r)| format!("{:.1},{:.1}", x(i), y(r))).collect::<Vec<_>>().join(" ");
                html! { <polyline class={classes!("trend-line", series_class(k))} points={d} /> }
            });
            let dots = points.iter().map(|&(i, r)| {
                let m = &months[i];
                let month = m.month.clone().unwrap_or_default();
                let tip = format!("{term}, {month}: {} mention{} in {} article{} ({} words), {} per 1,000 words",
                    m.counts[k], if m.counts[k] == 1 { "" } else { "s" }, m.articles.len(),
                    if m.articles.len() == 1 { "" } else { "s" }, m.words, number(r));
                html! {
                    <circle class={classes!("mark", "dot", series_class(k))} tabindex="0" data-term={term.clone()} data-month={month}
                            data-count={m.counts[k].to_string()} cx={format!("{:.1}", x(i))} cy={format!("{:.1}", y(r))} r="4.5"
                            aria-label={tip.clone()}>
                        <title>{ tip }</title>
                    </circle>
                }
            });
            html! { <g class="series">{ for line }{ for dots }</g> }
        });
        html! {
            <svg class="chart trends-chart" viewBox={format!("0 0 {} {}", LEFT + PLOT_W + 10.0, TOP + PLOT_H + 46.0)} role="group" aria-label={title.clone()}>
                <title>{ title.clone() }</title>
                { for ticks.iter().map(|&t| html! { <>
                    <line class="grid" x1={LEFT.to_string()} x2={(LEFT + PLOT_W).to_string()} y1={y(t).to_string()} y2={y(t).to_string()} />
                    <text class="tick" x={(LEFT - 6.0).to_string()} y={(y(t) + 4.0).to_string()} text-anchor="end">{ number(t) }</text>
                </> }) }
                <line class="axis" x1={LEFT.to_string()} x2={(LEFT + PLOT_W).to_string()} y1={(TOP + PLOT_H).to_string()} y2={(TOP + PLOT_H).to_string()} />
                { for months.iter().enumerate().filter(|(i, _)| i % label_every == 0).map(|(i, m)| html! {
                    <text class="tick" x={x(i).to_string()} y={(TOP + PLOT_H + 14.0).to_string()} text-anchor="middle">{ m.month.clone().unwrap_or_default() }</text>
                }) }
                <text class="axis-label" x={(LEFT + PLOT_W / 2.0).to_string()} y={(TOP + PLOT_H + 36.0).to_string()} text-anchor="middle">{ "Month of publication" }</text>
                <text class="axis-label" transform={format!("translate(14 {}) rotate(-90)", TOP + PLOT_H / 2.0)} text-anchor="middle">{ "per 1,000 words" }</text>
                { for series }
            </svg>
        }
    };
    html! {
        <div class="trends">
            { field }
            <figure class="chart-figure">
                <figcaption>{ title }{ " " }{ table_toggle(&as_table) }</figcaption>
                <ul class="legend">{ for data.terms.iter().enumerate().map(|(k, t)| html! {
                    <li><svg class="swatch" viewBox="0 0 10 10" aria-hidden="true"><circle class={series_class(k)} cx="5" cy="5" r="4" /></svg>{ t }</li>
                }) }</ul>
                { body }
                if dots_only {
                    <p class="hint">{ "Few articles: each dot is one month's count, not joined into a line." }</p>
                }
                if !data.undated.articles.is_empty() {
                    <p class="hint">{ format!("{} article(s) without a known month are not charted.", data.undated.articles.len()) }</p>
                }
            </figure>
        </div>
    }
}
