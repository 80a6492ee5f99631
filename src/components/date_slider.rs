//! The date range: two month handles over a histogram of articles per
//! month, keyboard-accessible (`input type=range`), respecting dates known
//! only to the month.

use std::rc::Rc;

use dossier_core::search::FacetValue;
use dossier_core::PartialDate;
use wasm_bindgen::JsCast;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::after_paint::use_after_paint;
use crate::components::articles;
use crate::engine::Engine;
use crate::latest::Latest;
use crate::state::Action;

/// Props for [`DateSlider`].
#[derive(Properties, PartialEq)]
pub struct DateSliderProps {
    /// The dossier (for its span of months).
    pub engine: Rc<Engine>,
    /// Articles per month for the query and facets, ignoring the range.
    pub histogram: Vec<FacetValue>,
    /// The range's start, if set.
    pub after: Option<PartialDate>,
    /// The range's end, if set.
    pub before: Option<PartialDate>,
    /// Matching articles dated only to the month or year.
    pub approximate: usize,
    /// Matching articles with no date.
    pub undated: usize,
    /// Matching articles.
    pub total: usize,
    /// Where changes go.
    pub on_action: Callback<Action>,
}

/// A month's bar in the histogram's own units, a gap of one included.
const BAR: usize = 10;
/// The histogram's height in its own units.
const HEIGHT: usize = 48;

fn short(date: &PartialDate) -> String {
    const NAMES: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    let m = date
        .month_number()
        .map_or("", |m| NAMES[usize::from(m - 1)]);
    format!("{m} {}", date.year_number())
}

/// One SVG path of the bars of the months `chosen` picks, in whole units
/// (a bar is BAR wide; the SVG scales them to the width). One attribute to
/// write per keystroke, not three nodes per month.
fn bars(counts: &[usize], max: usize, chosen: impl Fn(usize) -> bool) -> String {
    use std::fmt::Write;
    let mut d = String::new();
    for (i, &c) in counts.iter().enumerate() {
        if c > 0 && chosen(i) {
            let h = (c * (HEIGHT - 2)).div_ceil(max);
            let _ = write!(
                d,
                "M{} {}h{}v{h}h-{}z",
                i * BAR,
                HEIGHT - h,
                BAR - 1,
                BAR - 1
            );
        }
    }
    d
}

/// The slider with its histogram.
#[function_component(DateSlider)]
pub fn date_slider(props: &DateSliderProps) -> Html {
    // The counts follow the handles one frame late (see `use_after_paint`):
    // a drag or a keystroke draws the results first.
    let (histogram, approximate, undated, total) = use_after_paint((
        props.histogram.clone(),
        props.approximate,
        props.undated,
        props.total,
    ));
    let months = &props.engine.months;
    if months.is_empty() {
        return html! {};
    }
    let last = months.len() - 1;
    let index_of = |date: Option<PartialDate>, default: usize| {
        date.and_then(|d| {
            let iso = d.iso();
            months.iter().position(|m| m.iso() == iso)
        })
        .unwrap_or(default)
    };
    let from = index_of(props.after, 0);
    let to = index_of(props.before, last);
    // The histogram lists months as `yyyy-mm`, ascending, like `months`:
    // one walk pairs them (this runs at every keystroke).
    let mut counts = vec![0usize; months.len()];
    let mut values = histogram.iter().peekable();
    for (count, month) in counts.iter_mut().zip(months.iter()) {
        let iso = month.iso();
        while values
            .next_if(|v| v.value.as_str() < iso.as_str())
            .is_some()
        {}
        if let Some(v) = values.next_if(|v| v.value == iso) {
            *count = v.count;
        }
    }
    let max = counts.iter().copied().max().unwrap_or(0).max(1);
    // Dragging is answered in a task of its own (see `Latest`).
    let dragged = (*use_memo((), |_| Latest::<Action>::default())).clone();
    let changed = |which: &'static str| {
        let on_action = props.on_action.clone();
        let dragged = dragged.clone();
        let months = months.clone();
        Callback::from(move |e: InputEvent| {
            let Some(input) = e
                .target()
                .and_then(|t| t.dyn_into::<HtmlInputElement>().ok())
            else {
                return;
            };
            let Ok(i) = input.value().parse::<usize>() else {
                return;
            };
            let i = i.min(last);
            let (mut a, mut b) = (from, to);
            if which == "from" {
                a = i.min(b);
            } else {
                b = i.max(a);
            }
            let after = (a > 0).then(|| months[a]);
            let before = (b < last).then(|| months[b]);
            dragged.set(Action::SetRange(after, before), on_action.clone());
        })
    };

    // The month under the pointer, read out beside the range: one readout
    // instead of a tooltip per bar, which every keystroke rewrote.
    let hovered_state = use_state_eq(|| None::<usize>);
    let hovered = *hovered_state;
    let onpointermove = {
        let hovered = hovered_state.clone();
        let n = months.len();
        Callback::from(move |e: PointerEvent| {
            let Some(svg) = e
                .current_target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            else {
                return;
            };
            let rect = svg.get_bounding_client_rect();
            if rect.width() > 0.0 {
                let x = (f64::from(e.client_x()) - rect.left()) / rect.width();
                hovered.set(Some(((x * n as f64) as usize).min(n - 1)));
            }
        })
    };
    let onpointerleave = {
        let hovered = hovered_state.clone();
        Callback::from(move |_: PointerEvent| hovered.set(None))
    };

    let note = if approximate > 0 || undated > 0 {
        let mut parts = Vec::new();
        if approximate > 0 {
            parts.push(format!(
                "{approximate} of {total} dates known only to the month or year"
            ));
        }
        if undated > 0 {
            parts.push(format!("{undated} undated"));
        }
        parts.join(" · ")
    } else {
        String::new()
    };

    // One month has no range to choose: a slider with nowhere to go and a
    // single bar the width of the page would only look broken.
    if last == 0 {
        return html! {
            <div class="date-range">
                <p class="range-label">
                    <span class="range-text">{ format!("{}: {}", short(&months[0]), articles(counts[0])) }</span>
                    if !note.is_empty() { <span class="approx-note">{ format!(" · {note}") }</span> }
                </p>
            </div>
        };
    }
    html! {
        <div class="date-range">
            <svg class="histogram" viewBox={format!("0 0 {} {HEIGHT}", BAR * counts.len())} preserveAspectRatio="none"
                 role="img" aria-label="Articles per month" {onpointermove} {onpointerleave}>
                <title>{ "Articles per month" }</title>
                <path class="bar in" d={bars(&counts, max, |i| i >= from && i <= to)} />
                <path class="bar out" d={bars(&counts, max, |i| i < from || i > to)} />
            </svg>
            <div class="handles">
                <input type="range" class="from" min="0" max={last.to_string()} value={from.to_string()}
                       aria-label="From month" aria-valuetext={format!("{}, {} that month", short(&months[from]), articles(counts[from]))} oninput={changed("from")} />
                <input type="range" class="to" min="0" max={last.to_string()} value={to.to_string()}
                       aria-label="To month" aria-valuetext={format!("{}, {} that month", short(&months[to]), articles(counts[to]))} oninput={changed("to")} />
            </div>
            <p class="range-label">
                <span class="range-text">{ format!("{} – {}", short(&months[from]), short(&months[to])) }</span>
                if let Some(i) = hovered.filter(|&i| i < months.len()) {
                    <span class="hover-readout">{ format!(" · {}: {}", short(&months[i]), articles(counts[i])) }</span>
                }
                if !note.is_empty() { <span class="approx-note">{ format!(" · {note}") }</span> }
            </p>
        </div>
    }
}
