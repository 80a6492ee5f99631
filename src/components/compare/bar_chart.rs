//! A horizontal bar chart drawn as SVG: a title, an axis with its label,
//! each bar focusable with a tooltip and activated by click, Enter or
//! Space; and the same numbers as a table on request.

use yew::prelude::*;

use super::chart::{number, on_activate, series_class, table_toggle, ticks};

/// One bar.
#[derive(Clone, Debug, PartialEq)]
pub struct Bar {
    /// The label beside the bar (and what a click reports).
    pub label: String,
    /// The bar's length, in axis units (not negative).
    pub value: f64,
    /// The tooltip and the table's detail column.
    pub detail: String,
}

/// Props for [`BarChart`].
#[derive(Properties, PartialEq)]
pub struct BarChartProps {
    /// The chart's title.
    pub title: AttrValue,
    /// What the axis measures.
    pub axis: AttrValue,
    /// The bars, top to bottom.
    pub bars: Vec<Bar>,
    /// Which palette colour the bars take.
    #[prop_or_default]
    pub series: usize,
    /// Runs with a bar's label when it is chosen.
    pub on_pick: Callback<String>,
}

const LABEL: f64 = 150.0;
const PLOT: f64 = 230.0;
const ROW: f64 = 20.0;
const TOP: f64 = 8.0;

/// The chart, or its table.
#[function_component(BarChart)]
pub fn bar_chart(props: &BarChartProps) -> Html {
    let as_table = use_state(|| false);
    let max = props.bars.iter().map(|b| b.value).fold(0.0, f64::max);
    let ticks = ticks(max);
    let top_tick = ticks.last().copied().unwrap_or(1.0).max(f64::EPSILON);
    let scale = |v: f64| LABEL + v / top_tick * PLOT;
    let height = TOP + ROW * props.bars.len() as f64 + 40.0;
    let width = LABEL + PLOT + 20.0;
    let body = if *as_table {
        html! {
            <table class="chart-table">
                <caption>{ props.title.clone() }</caption>
                <thead><tr><th scope="col">{ "Term" }</th><th scope="col">{ props.axis.clone() }</th><th scope="col">{ "Detail" }</th></tr></thead>
                <tbody>{ for props.bars.iter().map(|b| {
                    let pick = props.on_pick.clone();
                    let label = b.label.clone();
                    html! { <tr>
                        <th scope="row"><button type="button" class="link" onclick={Callback::from(move |_: MouseEvent| pick.emit(label.clone()))}>{ &b.label }</button></th>
                        <td>{ number(b.value) }</td><td>{ &b.detail }</td>
                    </tr> }
                }) }</tbody>
            </table>
        }
    } else {
        let bars = props.bars.iter().enumerate().map(|(i, b)| {
            let y = TOP + ROW * i as f64;
            let pick = {
                let (on_pick, label) = (props.on_pick.clone(), b.label.clone());
                Callback::from(move |_: ()| on_pick.emit(label.clone()))
            };
            let onclick = pick.reform(|_: MouseEvent| ());
            html! {
                <g class="mark bar" tabindex="0" role="button" aria-label={format!("{}: {}", b.label, b.detail)}
                   {onclick} onkeydown={on_activate(pick)}>
                    <title>{ format!("{}: {}", b.label, b.detail) }</title>
                    <text class="bar-label" x={(LABEL - 6.0).to_string()} y={(y + ROW * 0.7).to_string()} text-anchor="end">{ &b.label }</text>
                    <rect class={series_class(props.series)} x={LABEL.to_string()} y={(y + 3.0).to_string()}
                          width={(scale(b.value) - LABEL).max(1.0).to_string()} height={(ROW - 6.0).to_string()} />
                </g>
            }
        });
        let axis_y = TOP + ROW * props.bars.len() as f64;
        html! {
            <svg class="chart bar-chart" viewBox={format!("0 0 {width} {height}")} role="group" aria-label={props.title.clone()}>
                <title>{ props.title.clone() }</title>
                <line class="axis" x1={LABEL.to_string()} x2={(LABEL + PLOT).to_string()} y1={axis_y.to_string()} y2={axis_y.to_string()} />
                { for ticks.iter().map(|&t| html! {
                    <text class="tick" x={scale(t).to_string()} y={(axis_y + 14.0).to_string()} text-anchor="middle">{ number(t) }</text>
                }) }
                <text class="axis-label" x={(LABEL + PLOT / 2.0).to_string()} y={(axis_y + 32.0).to_string()} text-anchor="middle">{ props.axis.clone() }</text>
                { for bars }
            </svg>
        }
    };
    html! {
        <figure class="chart-figure">
            <figcaption>{ props.title.clone() }{ " " }{ table_toggle(&as_table) }</figcaption>
            { body }
        </figure>
    }
}
