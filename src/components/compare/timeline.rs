//! The events timeline: the dates the articles mention, grouped by month or
//! by day (`group=`), on a time axis, with the articles' publication dates
//! as a second series (squares); below, each date's sentences with links to
//! their paragraphs. One outlet can be shown alone (`only=`) without
//! changing the search.

use std::collections::BTreeMap;
use std::rc::Rc;

use dossier_core::stats::{events_timeline, only_outlet, outlets_of, Granularity, Timeline};
use dossier_core::PartialDate;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use super::changed;
use super::chart::{on_activate, series_class, table_toggle};
use crate::engine::Engine;
use crate::route::{Compare, View};
use crate::state::Action;

/// Props for [`EventsTimeline`].
#[derive(Properties, PartialEq)]
pub struct EventsTimelineProps {
    /// The dossier (every selected text loaded).
    pub engine: Rc<Engine>,
    /// The compared articles.
    pub selection: Rc<Vec<usize>>,
    /// The current view, for links.
    pub view: View,
    /// The Compare settings (`group`, `only`).
    pub compare: Compare,
    /// Where changes go.
    pub on_action: Callback<Action>,
}

const LEFT: f64 = 110.0;
const PLOT_W: f64 = 520.0;
const EVENTS_Y: f64 = 34.0;
const PUBS_Y: f64 = 84.0;
const AXIS_Y: f64 = 112.0;
/// The width of the compressed band for years long before the articles.
const EARLY_W: f64 = 70.0;
/// The gap in that band's end, where the break mark sits.
const BREAK_GAP: f64 = 12.0;

/// A month as a number on the axis; a year-only date sits mid-year.
fn month_index(date: &PartialDate) -> i64 {
    i64::from(date.year_number()) * 12 + i64::from(date.month_number().unwrap_or(7)) - 1
}

/// Where a date sits on the axis, in months: a day at its place within its
/// month (so days of one month do not pile up), a month at its start.
fn position(date: &PartialDate) -> f64 {
    let day = date
        .day_number()
        .map_or(0.0, |d| (f64::from(d) - 1.0) / 31.0);
    month_index(date) as f64 + day
}

fn plural(n: usize, word: &str) -> String {
    format!("{n} {word}{}", if n == 1 { "" } else { "s" })
}

/// The chart (or table) and the list of dates with their sentences.
#[function_component(EventsTimeline)]
pub fn events_timeline_view(props: &EventsTimelineProps) -> Html {
    let engine = props.engine.clone();
    let as_table = use_state(|| false);
    let c = &props.compare;
    // The date the reader picked on the chart, kept in the link (`date=`).
    let chosen = c.date;
    let outlets = outlets_of(&engine.articles(), &props.selection);
    let only = c.only.clone().filter(|o| outlets.contains(o));
    let data: Rc<Timeline> = use_memo(
        (
            props.selection.clone(),
            only.clone(),
            c.group,
            engine.generation(),
        ),
        move |(selection, only, group, _)| {
            let articles = engine.articles();
            let shown = only_outlet(&articles, selection, only.as_deref());
            events_timeline(&articles, &shown, *group)
        },
    );
    let controls = {
        let emit = {
            let (c, on_action) = (c.clone(), props.on_action.clone());
            move |change: Box<dyn FnOnce(&mut Compare)>| {
                let mut c = changed(&c, change);
                c.date = None;
                on_action.emit(Action::SetCompare(c))
            }
        };
        let group = |g: Granularity, label: &'static str| {
            let emit = emit.clone();
            let onclick = Callback::from(move |_: MouseEvent| {
                emit(Box::new(move |c: &mut Compare| c.group = g))
            });
            html! { <button type="button" class="group" aria-pressed={(c.group == g).to_string()} {onclick}>{ label }</button> }
        };
        let month = group(Granularity::Month, "Month");
        let day = group(Granularity::Day, "Day");
        let pick_outlet = Callback::from(move |e: Event| {
            if let Some(s) = e
                .target()
                .and_then(|t| t.dyn_into::<web_sys::HtmlSelectElement>().ok())
            {
                let value = Some(s.value()).filter(|v| !v.is_empty());
                emit(Box::new(move |c: &mut Compare| c.only = value));
            }
        });
        html! {
            <div class="controls timeline-controls">
                <span role="group" aria-label="Group dates">{ "Group by " }{ month }{ " " }{ day }</span>
                <label>{ "Outlet " }
                    <select id="timeline-outlet" onchange={pick_outlet}>
                        <option value="" selected={only.is_none()}>{ "every outlet" }</option>
                        { for outlets.iter().map(|o| html! { <option value={o.clone()} selected={only.as_ref() == Some(o)}>{ o }</option> }) }
                    </select>
                </label>
            </div>
        }
    };
    if data.events.is_empty() {
        return html! { <div class="timeline">{ controls }<p class="empty">{ "These articles mention no dates with a known year." }</p></div> };
    }
    let by = if c.group == Granularity::Day {
        "day"
    } else {
        "month"
    };
    let articles = props.engine.articles();
    // Publications per month: (date, outlets, count).
    let mut pubs: BTreeMap<i64, (PartialDate, Vec<String>)> = BTreeMap::new();
    for p in &data.publications {
        let key = month_index(&p.date);
        let entry = pubs.entry(key).or_insert((p.date, Vec::new()));
        entry.1.push(p.outlet.clone());
    }
    let indices = data
        .events
        .iter()
        .map(|e| month_index(&e.date))
        .chain(pubs.keys().copied());
    let (lo, hi) = (
        indices.clone().min().unwrap_or(0),
        indices.max().unwrap_or(0),
    );
    let (lo, hi) = (lo - lo.rem_euclid(12), hi - hi.rem_euclid(12) + 12);
    // A broken axis when the articles look back far (1991 beside 2020–2024):
    // the years before the focus (three years before the first publication)
    // get a narrow band of their own, so the dense recent dates stay apart.
    let focus = pubs
        .keys()
        .min()
        .map(|&m| m - m.rem_euclid(12) - 36)
        .filter(|&f| f - lo >= 24 && hi > f)
        .unwrap_or(lo);
    let early_w = if focus > lo { EARLY_W } else { 0.0 };
    let x = |i: f64| {
        if i < focus as f64 {
            LEFT + (i - lo as f64) / (focus - lo) as f64 * (early_w - BREAK_GAP)
        } else {
            LEFT + early_w + (i - focus as f64) / (hi - focus).max(1) as f64 * (PLOT_W - early_w)
        }
    };
    let years = (hi - focus) / 12;
    let year_step = (years as usize).div_ceil(8).max(1) as i64;
    let title =
        format!("Dates the articles mention (circles, by {by}) and publication dates (squares)");
    let pick = {
        let (c, on_action) = (c.clone(), props.on_action.clone());
        move |date: Option<PartialDate>| {
            let mut c = c.clone();
            c.date = date;
            on_action.emit(Action::SetCompare(c))
        }
    };
    let choose = |date: PartialDate| {
        let pick = pick.clone();
        Callback::from(move |_: ()| pick(Some(date)))
    };
    let body = if *as_table {
        html! {
            <table class="chart-table">
                <caption>{ format!("Dates mentioned, by {by}") }</caption>
                <thead><tr><th scope="col">{ "Date" }</th><th scope="col">{ "Mentions" }</th><th scope="col">{ "Articles" }</th><th scope="col">{ "Outlets" }</th></tr></thead>
                <tbody>{ for data.events.iter().map(|e| html! {
                    <tr><th scope="row">{ e.date.to_string() }</th><td>{ e.mentions.len() }</td><td>{ e.articles.len() }</td><td>{ e.outlets.join(", ") }</td></tr>
                }) }</tbody>
            </table>
        }
    } else {
        let events = data.events.iter().map(|e| {
            let n = e.mentions.len();
            let tip = format!("{}: {} in {} ({})", e.date, plural(n, "mention"), plural(e.articles.len(), "article"), e.outlets.join(", "));
            let pick = choose(e.date);
            html! {
                <circle class={classes!("mark", "event", series_class(0))} tabindex="0" role="button" aria-label={tip.clone()}
                        data-date={e.date.iso()} data-count={n.to_string()} cx={format!("{:.1}", x(position(&e.date)))} cy={EVENTS_Y.to_string()}
                        r={format!("{:.1}", 4.0 + (n as f64).sqrt() * 2.0)}
                        onclick={pick.reform(|_: MouseEvent| ())} onkeydown={on_activate(pick)}>
                    <title>{ tip }</title>
                </circle>
            }
        });
        let publications = pubs.iter().map(|(&i, (date, outlets))| {
            let month = PartialDate::month(date.year_number(), date.month_number().unwrap_or(1)).unwrap_or(*date);
            let label = if date.month_number().is_some() { month.to_string() } else { date.to_string() };
            let tip = format!("Published {label}: {} ({})", plural(outlets.len(), "article"), outlets.join(", "));
            html! {
                <rect class={classes!("mark", "publication", series_class(1))} tabindex="0" aria-label={tip.clone()}
                      x={format!("{:.1}", x(i as f64) - 5.0)} y={(PUBS_Y - 5.0).to_string()} width="10" height="10">
                    <title>{ tip }</title>
                </rect>
            }
        });
        let early_tick = (focus > lo).then_some(lo);
        let year_ticks = early_tick.into_iter().chain((0..=years).filter(|y| y % year_step == 0).map(|y| focus + y * 12)).map(|m| {
            let at = x(m as f64);
            html! { <>
                <line class="grid" x1={at.to_string()} x2={at.to_string()} y1="10" y2={AXIS_Y.to_string()} />
                <text class="tick" x={at.to_string()} y={(AXIS_Y + 14.0).to_string()} text-anchor="middle">{ (m / 12).to_string() }</text>
            </> }
        });
        html! {
            <svg class="chart timeline-chart" viewBox={format!("0 0 {} {}", LEFT + PLOT_W + 20.0, AXIS_Y + 40.0)} role="group" aria-label={title.clone()}>
                <title>{ title.clone() }</title>
                { for year_ticks }
                <text class="series-label" x={(LEFT - 8.0).to_string()} y={(EVENTS_Y + 4.0).to_string()} text-anchor="end">{ "Mentioned" }</text>
                <text class="series-label" x={(LEFT - 8.0).to_string()} y={(PUBS_Y + 4.0).to_string()} text-anchor="end">{ "Published" }</text>
                <line class="axis" x1={LEFT.to_string()} x2={(LEFT + PLOT_W).to_string()} y1={AXIS_Y.to_string()} y2={AXIS_Y.to_string()} />
                if focus > lo {
                    <path class="axis-break" d={{
                        let b = LEFT + early_w - BREAK_GAP / 2.0;
                        format!("M{:.1} {:.1} l4 -8 M{:.1} {:.1} l4 -8", b - 4.0, AXIS_Y + 4.0, b, AXIS_Y + 4.0)
                    }} />
                }
                <text class="axis-label" x={(LEFT + PLOT_W / 2.0).to_string()} y={(AXIS_Y + 34.0).to_string()} text-anchor="middle">{ "Year" }</text>
                { for events }
                { for publications }
            </svg>
        }
    };
    let shown = data
        .events
        .iter()
        .filter(|e| chosen.is_none_or(|d| d == e.date));
    let list = shown.map(|e| {
        let items = e.mentions.iter().map(|m| {
            let article = &articles[m.at.article];
            let href = props.view.at_paragraph(&article.id, m.at.paragraph).to_hash();
            html! { <li>
                <q>{ &m.sentence }</q>{ " — " }
                <a {href}>{ format!("{} ({})", article.headline, article.outlet.as_ref().map_or("outlet unknown", |o| o.value.as_str())) }</a>
            </li> }
        });
        html! {
            <li class="event" data-date={e.date.iso()}>
                <h3>{ e.date.to_string() }<span class="count">{ format!(" {} · {}", plural(e.mentions.len(), "mention"), e.outlets.join(", ")) }</span></h3>
                <ul>{ for items }</ul>
            </li>
        }
    });
    let show_all = {
        let pick = pick.clone();
        Callback::from(move |_: MouseEvent| pick(None))
    };
    html! {
        <div class="timeline">
            { controls }
            <figure class="chart-figure">
                <figcaption>{ title }{ " " }{ table_toggle(&as_table) }</figcaption>
                { body }
                if focus > lo && !*as_table {
                    <p class="hint">{ format!("The axis is compressed before {} (the break): dates that far back get a narrow band.", focus / 12) }</p>
                }
            </figure>
            if let Some(date) = chosen {
                <p class="chosen">{ format!("Showing {date} only. ") }<button type="button" onclick={show_all}>{ "Show every date" }</button></p>
            }
            <ol class="events">{ for list }</ol>
            if !data.unresolved.is_empty() {
                <p class="hint">{ format!("{} with no known year are not placed.", plural(data.unresolved.len(), "date mention")) }</p>
            }
        </div>
    }
}
