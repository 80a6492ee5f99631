//! Who is quoted: speakers per outlet as a stacked bar chart (or a table),
//! and a facet (outlet, speaker) that filters the quote list; each quote
//! links to its paragraph. A bar, a bar's segment or a speaker's name
//! chooses; the choice is in the URL (`speaker=`, `only=`).

use std::rc::Rc;

use dossier_core::stats::{who_is_quoted, Speakers};
use wasm_bindgen::JsCast;
use yew::prelude::*;

use super::changed;
use super::chart::{number, on_activate, series_class, table_toggle, ticks};
use crate::engine::Engine;
use crate::route::{Compare, View};
use crate::state::Action;

/// Props for [`WhoIsQuoted`].
#[derive(Properties, PartialEq)]
pub struct WhoIsQuotedProps {
    /// The dossier (every selected text loaded).
    pub engine: Rc<Engine>,
    /// The compared articles.
    pub selection: Rc<Vec<usize>>,
    /// The current view, for links.
    pub view: View,
    /// The Compare settings (`speaker`, `only`).
    pub compare: Compare,
    /// Where changes go.
    pub on_action: Callback<Action>,
}

/// The chart shows the most quoted speakers; the table shows everyone.
const CHART_SPEAKERS: usize = 15;
const LABEL: f64 = 210.0;
const PLOT: f64 = 380.0;
const ROW: f64 = 22.0;
const TOP: f64 = 8.0;

fn plural(n: usize, word: &str) -> String {
    format!("{n} {word}{}", if n == 1 { "" } else { "s" })
}

/// The chart, the facet and the chosen quotes.
#[function_component(WhoIsQuoted)]
pub fn who_is_quoted_view(props: &WhoIsQuotedProps) -> Html {
    let engine = props.engine.clone();
    let as_table = use_state(|| false);
    let data: Rc<Speakers> = use_memo(
        (props.selection.clone(), engine.generation()),
        move |(selection, _)| who_is_quoted(&engine.articles(), selection),
    );
    if data.speakers.is_empty() {
        return html! { <p class="empty">{ "Nobody is quoted in these articles (as far as ingest can tell)." }</p> };
    }
    let c = &props.compare;
    let speaker = c.speaker.clone().filter(|k| data.get(k).is_some());
    let only = c.only.clone().filter(|o| data.outlets.contains(o));
    // Choosing: `None` inside clears that part of the facet.
    let choose = {
        let (c, on_action) = (c.clone(), props.on_action.clone());
        move |speaker: Option<String>, only: Option<String>| {
            let (c, on_action) = (c.clone(), on_action.clone());
            Callback::from(move |_: ()| {
                let (speaker, only) = (speaker.clone(), only.clone());
                on_action.emit(Action::SetCompare(changed(&c, |c| {
                    c.speaker = speaker;
                    c.only = only;
                })))
            })
        }
    };
    let title = "Quotes per speaker, by outlet";
    let body = if *as_table {
        let rows = data.speakers.iter().map(|s| {
            let pressed = speaker.as_deref() == Some(s.key.as_str());
            let pick = choose((!pressed).then(|| s.key.clone()), only.clone());
            html! {
                <tr data-speaker={s.key.clone()}>
                    <th scope="row"><button type="button" class="link" aria-pressed={pressed.to_string()} onclick={pick.reform(|_: MouseEvent| ())}>{ &s.name }</button></th>
                    { for data.outlets.iter().map(|o| {
                        let n = s.by_outlet.get(o).copied().unwrap_or(0);
                        html! { <td class={(n == 0).then_some("zero")}>{ n }</td> }
                    }) }
                    <td class="total">{ s.total }</td>
                </tr>
            }
        });
        html! {
            <table class="chart-table speakers">
                <caption>{ "Quotes per speaker and outlet" }</caption>
                <thead><tr><th scope="col">{ "Speaker" }</th>
                    { for data.outlets.iter().map(|o| html! { <th scope="col">{ o }</th> }) }
                    <th scope="col">{ "All" }</th></tr></thead>
                <tbody>{ for rows }</tbody>
            </table>
        }
    } else {
        let shown = &data.speakers[..data.speakers.len().min(CHART_SPEAKERS)];
        let max = shown.iter().map(|s| s.total).max().unwrap_or(1) as f64;
        let ticks = ticks(max);
        let top = ticks.last().copied().unwrap_or(1.0).max(1.0);
        let scale = |v: f64| v / top * PLOT;
        let axis_y = TOP + ROW * shown.len() as f64;
        let rows = shown.iter().enumerate().map(|(i, s)| {
            let y = TOP + ROW * i as f64;
            let mut at = LABEL;
            let segments = data.outlets.iter().enumerate().filter_map(|(k, o)| {
                let n = s.by_outlet.get(o).copied().unwrap_or(0);
                (n > 0).then(|| {
                    let (x, w) = (at, scale(n as f64));
                    at += w;
                    let tip = format!("{}: {} in {o}", s.name, plural(n, "quote"));
                    let pick = choose(Some(s.key.clone()), Some(o.clone()));
                    let chosen = speaker.as_deref() == Some(s.key.as_str()) && only.as_deref() == Some(o.as_str());
                    html! {
                        <rect class={classes!("mark", "segment", series_class(k), chosen.then_some("chosen"))} tabindex="0" role="button"
                              aria-label={tip.clone()} data-speaker={s.key.clone()} data-outlet={o.clone()} data-count={n.to_string()}
                              x={format!("{x:.1}")} y={(y + 3.0).to_string()} width={format!("{:.1}", w.max(1.0))} height={(ROW - 6.0).to_string()}
                              onclick={pick.reform(|_: MouseEvent| ())} onkeydown={on_activate(pick)}>
                            <title>{ tip }</title>
                        </rect>
                    }
                })
            }).collect::<Html>();
            let pick = choose(Some(s.key.clone()), None);
            let tip = format!("{}: {}", s.name, plural(s.total, "quote"));
            html! {
                <g class="speaker-row" data-speaker={s.key.clone()}>
                    <text class={classes!("bar-label", "mark", (speaker.as_deref() == Some(s.key.as_str())).then_some("chosen"))}
                          tabindex="0" role="button" aria-label={tip.clone()} x={(LABEL - 6.0).to_string()} y={(y + ROW * 0.7).to_string()}
                          text-anchor="end" onclick={pick.reform(|_: MouseEvent| ())} onkeydown={on_activate(pick)}>
                        <title>{ tip }</title>{ &s.name }
                    </text>
                    { segments }
                    <text class="tick total" x={(at + 4.0).to_string()} y={(y + ROW * 0.7).to_string()}>{ s.total }</text>
                </g>
            }
        });
        html! {
            <svg class="chart quotes-chart" viewBox={format!("0 0 {} {}", LABEL + PLOT + 30.0, axis_y + 40.0)} role="group" aria-label={title}>
                <title>{ title }</title>
                <line class="axis" x1={LABEL.to_string()} x2={(LABEL + PLOT).to_string()} y1={axis_y.to_string()} y2={axis_y.to_string()} />
                { for ticks.iter().map(|&t| html! {
                    <text class="tick" x={(LABEL + scale(t)).to_string()} y={(axis_y + 14.0).to_string()} text-anchor="middle">{ number(t) }</text>
                }) }
                <text class="axis-label" x={(LABEL + PLOT / 2.0).to_string()} y={(axis_y + 32.0).to_string()} text-anchor="middle">{ "Quotes" }</text>
                { for rows }
            </svg>
        }
    };
    let more = data.speakers.len().saturating_sub(CHART_SPEAKERS);
    // The facet: each option counts what choosing it would list, given the
    // other choice.
    let facet_select = |id: &'static str,
                        all: String,
                        options: Vec<(String, String, usize)>,
                        current: Option<String>,
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
                <option value="" selected={current.is_none()}>{ all }</option>
                { for options.into_iter().map(|(value, label, n)| html! {
                    <option selected={current.as_ref() == Some(&value)} value={value.clone()}>{ format!("{label} ({n})") }</option>
                }) }
            </select>
        }
    };
    let outlet_options = data
        .outlets
        .iter()
        .map(|o| {
            (
                o.clone(),
                o.clone(),
                data.quotes_of(speaker.as_deref(), Some(o)).len(),
            )
        })
        .collect();
    let speaker_options = data
        .speakers
        .iter()
        .map(|s| {
            (
                s.key.clone(),
                s.name.clone(),
                data.quotes_of(Some(&s.key), only.as_deref()).len(),
            )
        })
        .collect();
    let articles = props.engine.articles();
    let listed = (speaker.is_some() || only.is_some())
        .then(|| data.quotes_of(speaker.as_deref(), only.as_deref()));
    let heading = match (
        speaker.as_deref().and_then(|k| data.get(k)),
        only.as_deref(),
    ) {
        (Some(s), Some(o)) => format!("{} in {o}", s.name),
        (Some(s), None) => s.name.clone(),
        (None, Some(o)) => format!("Everyone quoted in {o}"),
        (None, None) => String::new(),
    };
    let list = listed.map(|quotes| html! {
        <section class="speaker-quotes" aria-live="polite">
            <h3>{ format!("{heading}: {}", plural(quotes.len(), "quote")) }</h3>
            <ul>{ for quotes.iter().map(|q| {
                let article = &articles[q.article];
                let href = props.view.at_paragraph(&article.id, Some(q.paragraph)).to_hash();
                let who = if speaker.is_none() { format!("{}: ", q.speaker) } else { String::new() };
                html! { <li>{ who }<q>{ &q.quote }</q>{ format!(" ({}) — ", q.cue) }<a {href}>{ format!("{}, {}", article.headline, q.outlet) }</a></li> }
            }) }</ul>
        </section>
    });
    html! {
        <div class="quotes">
            <figure class="chart-figure">
                <figcaption>{ title }{ " " }{ table_toggle(&as_table) }</figcaption>
                if !*as_table {
                    <ul class="legend">{ for data.outlets.iter().enumerate().map(|(k, o)| html! {
                        <li><svg class="swatch" viewBox="0 0 10 10" aria-hidden="true"><rect class={series_class(k)} x="1" y="1" width="8" height="8" /></svg>{ o }</li>
                    }) }</ul>
                }
                { body }
                if more > 0 && !*as_table {
                    <p class="hint">{ format!("The {CHART_SPEAKERS} most quoted; {} more in the table.", plural(more, "speaker")) }</p>
                }
            </figure>
            <div class="controls quotes-facet" role="group" aria-label="Filter the quotes">
                <label>{ "Speaker " }{ facet_select("quotes-speaker", "everyone".into(), speaker_options, speaker.clone(), |c, v| c.speaker = v) }</label>
                <label>{ "Outlet " }{ facet_select("quotes-outlet", "every outlet".into(), outlet_options, only.clone(), |c, v| c.only = v) }</label>
            </div>
            { for list }
            if speaker.is_none() && only.is_none() {
                <p class="hint">{ "Choose a speaker, a bar or an outlet to read the quotes." }</p>
            }
        </div>
    }
}
