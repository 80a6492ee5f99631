//! The controls of distinctive terms: what to compare (outlets or date
//! ranges), the two sides, and the stop words (the default English list or
//! none, plus the reader's own). Every change goes to the URL.

use std::rc::Rc;

use dossier_core::stats::{published, DateRange};
use dossier_core::PartialDate;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use super::changed;
use crate::engine::Engine;
use crate::route::{Compare, StopList, TermsVs};
use crate::state::Action;

/// Props for [`TermsControls`].
#[derive(Properties, PartialEq)]
pub struct TermsControlsProps {
    /// The current settings.
    pub compare: Compare,
    /// The selection's outlets, sorted.
    pub outlets: Vec<String>,
    /// The compared articles (for default date ranges).
    pub selection: Rc<Vec<usize>>,
    /// The dossier.
    pub engine: Rc<Engine>,
    /// Where changes go.
    pub on_action: Callback<Action>,
}

/// A range as a reader says it: "2022", "2021-09 to 2022-12", "2023 onwards",
/// "up to 2021", "any date".
pub fn range_label(range: &DateRange) -> String {
    match (range.from, range.to) {
        (Some(f), Some(t)) if f == t => f.iso(),
        (Some(f), Some(t)) => format!("{} to {}", f.iso(), t.iso()),
        (Some(f), None) => format!("{} onwards", f.iso()),
        (None, Some(t)) => format!("up to {}", t.iso()),
        (None, None) => "any date".into(),
    }
}

/// Ranges to start from when a reader switches to dates: the selection's
/// publication years split at the middle year (A: up to it, B: after it).
fn default_ranges(engine: &Engine, selection: &[usize]) -> (DateRange, DateRange) {
    let articles = engine.articles();
    let mut years: Vec<i32> = selection
        .iter()
        .filter_map(|&i| published(&articles[i]))
        .map(|d| d.year_number())
        .collect();
    years.sort_unstable();
    years.dedup();
    let (Some(first), Some(last)) = (years.first(), years.last()) else {
        return Default::default();
    };
    let middle = years[(years.len() - 1) / 2];
    if first == last {
        return Default::default();
    }
    let range = |from: i32, to: i32| DateRange {
        from: Some(PartialDate::year(from)),
        to: Some(PartialDate::year(to)),
    };
    (range(*first, middle), range(middle + 1, *last))
}

fn target<T: JsCast>(e: &Event) -> Option<T> {
    e.target().and_then(|t| t.dyn_into::<T>().ok())
}

/// The controls row.
#[function_component(TermsControls)]
pub fn terms_controls(props: &TermsControlsProps) -> Html {
    let c = &props.compare;
    let emit = {
        let (c, on_action) = (c.clone(), props.on_action.clone());
        move |change: Box<dyn FnOnce(&mut Compare)>| {
            on_action.emit(Action::SetCompare(changed(&c, change)))
        }
    };
    let vs = {
        let (emit, engine, selection) =
            (emit.clone(), props.engine.clone(), props.selection.clone());
        Callback::from(move |e: Event| {
            let Some(s) = target::<web_sys::HtmlSelectElement>(&e) else {
                return;
            };
            let dates = s.value() == "dates";
            let defaults = default_ranges(&engine, &selection);
            emit(Box::new(move |c: &mut Compare| {
                c.vs = if dates {
                    TermsVs::Dates
                } else {
                    TermsVs::Outlets
                };
                if dates && c.range_a.is_open() && c.range_b.is_open() {
                    (c.range_a, c.range_b) = defaults;
                }
            }))
        })
    };
    let outlet_select = |id: &'static str,
                         current: Option<String>,
                         rest: Option<&'static str>,
                         set: fn(&mut Compare, Option<String>)| {
        let emit = emit.clone();
        let onchange = Callback::from(move |e: Event| {
            if let Some(s) = target::<web_sys::HtmlSelectElement>(&e) {
                let value = Some(s.value()).filter(|v| !v.is_empty());
                emit(Box::new(move |c: &mut Compare| set(c, value)));
            }
        });
        html! {
            <select {id} {onchange}>
                if let Some(rest) = rest { <option value="" selected={current.is_none()}>{ rest }</option> }
                { for props.outlets.iter().map(|o| html! { <option value={o.clone()} selected={current.as_ref() == Some(o)}>{ o }</option> }) }
            </select>
        }
    };
    let date_field = |id: &'static str,
                      label: &'static str,
                      current: Option<PartialDate>,
                      set: fn(&mut Compare, Option<PartialDate>)| {
        let emit = emit.clone();
        let onchange = Callback::from(move |e: Event| {
            let Some(input) = target::<web_sys::HtmlInputElement>(&e) else {
                return;
            };
            let text = input.value();
            let text = text.trim();
            // A date that does not parse is marked, not applied.
            match PartialDate::parse(text) {
                _ if text.is_empty() => {
                    let _ = input.remove_attribute("aria-invalid");
                    emit(Box::new(move |c: &mut Compare| set(c, None)))
                }
                Ok(date) => {
                    let _ = input.remove_attribute("aria-invalid");
                    emit(Box::new(move |c: &mut Compare| set(c, Some(date))))
                }
                Err(_) => input.set_attribute("aria-invalid", "true").unwrap_or(()),
            }
        });
        html! {
            <label>{ label }
                <input {id} type="text" class="date-field" inputmode="numeric" placeholder="YYYY-MM"
                       value={current.map(|d| d.iso()).unwrap_or_default()} {onchange} autocomplete="off" />
            </label>
        }
    };
    let sides = match c.vs {
        TermsVs::Outlets => {
            let a =
                c.a.clone()
                    .filter(|a| props.outlets.contains(a))
                    .or_else(|| props.outlets.first().cloned());
            html! { <>
                <label>{ "Outlet A " }{ outlet_select("terms-a", a, None, |c, v| c.a = v) }</label>
                <label>{ " against " }{ outlet_select("terms-b", c.b.clone(), Some("the other outlets"), |c, v| c.b = v) }</label>
            </> }
        }
        TermsVs::Dates => html! { <>
            <fieldset class="range"><legend>{ "A: published" }</legend>
                { date_field("terms-a-from", "from ", c.range_a.from, |c, d| c.range_a.from = d) }
                { date_field("terms-a-to", " to ", c.range_a.to, |c, d| c.range_a.to = d) }
            </fieldset>
            <fieldset class="range"><legend>{ "B: published" }</legend>
                { date_field("terms-b-from", "from ", c.range_b.from, |c, d| c.range_b.from = d) }
                { date_field("terms-b-to", " to ", c.range_b.to, |c, d| c.range_b.to = d) }
            </fieldset>
        </> },
    };
    let default_stops = {
        let emit = emit.clone();
        Callback::from(move |e: Event| {
            if let Some(input) = target::<web_sys::HtmlInputElement>(&e) {
                let on = input.checked();
                emit(Box::new(move |c: &mut Compare| {
                    c.stop_list = if on {
                        StopList::Default
                    } else {
                        StopList::None
                    }
                }))
            }
        })
    };
    let extra = Callback::from(move |e: Event| {
        if let Some(input) = target::<web_sys::HtmlInputElement>(&e) {
            let text = input.value().trim().to_string();
            emit(Box::new(move |c: &mut Compare| c.stop_extra = text))
        }
    });
    html! {
        <div class="controls terms-controls">
            <label>{ "Compare " }
                <select id="terms-vs" onchange={vs}>
                    <option value="outlets" selected={c.vs == TermsVs::Outlets}>{ "outlets" }</option>
                    <option value="dates" selected={c.vs == TermsVs::Dates}>{ "date ranges" }</option>
                </select>
            </label>
            { sides }
            <fieldset class="stops"><legend>{ "Stop words" }</legend>
                <label><input id="terms-default-stops" type="checkbox" checked={c.stop_list == StopList::Default} onchange={default_stops} />
                    { " leave out common English words" }</label>
                <label>{ " and also " }
                    <input id="terms-stop" type="text" value={c.stop_extra.clone()} onchange={extra}
                           placeholder="said, azerbaijan" autocomplete="off" spellcheck="false" />
                </label>
            </fieldset>
        </div>
    }
}
