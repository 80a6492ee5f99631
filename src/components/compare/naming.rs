//! The naming lens: for every alias group the selection mentions, a table
//! outlet × variant of counts on a heat scale; a cell opens the
//! concordance lines behind it.

use std::rc::Rc;

use dossier_core::stats::{lines_at, naming_lens, order, NamingTable};
use wasm_bindgen::JsCast;
use yew::prelude::*;

use super::chart::heat_class;
use super::lines::KwicList;
use crate::engine::Engine;
use crate::route::{Compare, View};
use crate::state::Action;

/// Props for [`NamingLens`].
#[derive(Properties, PartialEq)]
pub struct NamingLensProps {
    /// The dossier (every selected text loaded).
    pub engine: Rc<Engine>,
    /// The compared articles.
    pub selection: Rc<Vec<usize>>,
    /// The current view, for links.
    pub view: View,
    /// The Compare settings.
    pub compare: Compare,
    /// Where changes go.
    pub on_action: Callback<Action>,
}

/// One table per alias group with any mention in the selection.
#[function_component(NamingLens)]
pub fn naming_lens_view(props: &NamingLensProps) -> Html {
    let engine = props.engine.clone();
    let tables: Rc<Vec<NamingTable>> = use_memo(
        (props.selection.clone(), engine.generation()),
        move |(selection, _)| {
            let Some(gazetteer) = &engine.gazetteer else {
                return Vec::new();
            };
            let tables = naming_lens(&engine.articles(), selection, gazetteer);
            tables.into_iter().filter(|t| t.total > 0).collect()
        },
    );
    // The open cell: (entity, outlet, variant).
    let open = use_state(|| None::<(String, String, String)>);
    // Opening a cell redraws its table, which loses the focus: it goes
    // back to the cell's button, and the lines it opened come into view.
    use_effect_with((*open).clone(), |open| {
        if open.is_none() {
            return;
        }
        let document = gloo::utils::document();
        let pressed = document
            .query_selector("section.naming-table td button[aria-pressed=\"true\"]")
            .ok()
            .flatten()
            .and_then(|b| b.dyn_into::<web_sys::HtmlElement>().ok());
        if let Some(button) = pressed {
            let _ = button.focus();
        }
        if let Ok(Some(lines)) = document.query_selector(".naming-table .cell-lines") {
            let options = web_sys::ScrollIntoViewOptions::new();
            options.set_block(web_sys::ScrollLogicalPosition::Nearest);
            lines.scroll_into_view_with_scroll_into_view_options(&options);
        }
    });
    if tables.is_empty() {
        return html! { <p class="empty">{ "None of these articles names anything the gazetteer knows by more than one name." }</p> };
    }
    let render = |table: &NamingTable| {
        let max = table.cells.iter().map(|c| c.count).max().unwrap_or(0);
        // Only the names these articles use: a column of zeros per unused
        // name in five languages would bury the comparison.
        let used = table.used_variants();
        let rows = table.outlets.iter().map(|outlet| {
            let cells = used.iter().map(|&variant| {
                let count = table.count(outlet, variant);
                let key = (table.entity.clone(), outlet.clone(), variant.clone());
                let pressed = open.as_ref() == Some(&key);
                let label = format!("{outlet}, “{variant}”: {count} mention{}", if count == 1 { "" } else { "s" });
                let class = classes!("cell", heat_class(count, max));
                if count == 0 {
                    return html! { <td {class} data-outlet={outlet.clone()} data-variant={variant.clone()}>{ "0" }</td> };
                }
                let onclick = {
                    let open = open.clone();
                    Callback::from(move |_: MouseEvent| {
                        open.set(if pressed { None } else { Some(key.clone()) })
                    })
                };
                html! {
                    <td {class} data-outlet={outlet.clone()} data-variant={variant.clone()}>
                        <button type="button" aria-pressed={pressed.to_string()} aria-label={label.clone()} title={label} {onclick}>{ count }</button>
                    </td>
                }
            });
            html! { <tr><th scope="row">{ outlet }</th>{ for cells }</tr> }
        });
        let totals = used
            .iter()
            .map(|v| html! { <td class="total">{ table.variant_total(v) }</td> });
        let lines = open.as_ref().filter(|(e, _, _)| *e == table.entity).and_then(|(_, o, v)| {
            let cell = table.cell(o, v)?;
            let lines = lines_at(&props.engine.articles(), &cell.occurrences, 8);
            Some(html! {
                <div class="cell-lines">
                    <h3>{ format!("{o} writes “{v}” ({})", cell.count) }</h3>
                    <KwicList lines={Rc::new(lines)} view={props.view.clone()} label={format!("Where {o} writes {v}")} />
                </div>
            })
        });
        html! {
            <section class="naming-table" data-entity={table.entity.clone()}>
                <table class="heat">
                    <caption>{ format!("{}: mentions by outlet and name used ({} in all)", table.name, table.total) }</caption>
                    <thead><tr>
                        <th scope="col">{ "Outlet" }</th>
                        { for used.iter().map(|v| html! { <th scope="col">{ v }</th> }) }
                    </tr></thead>
                    <tbody>{ for rows }</tbody>
                    <tfoot><tr><th scope="row">{ "All outlets" }</th>{ for totals }</tr></tfoot>
                </table>
                { for lines }
            </section>
        }
    };
    // Names written more than one way come first, most mentioned first;
    // the rest wait behind a disclosure.
    let used = |t: &NamingTable| t.used_variants().len();
    let mut varied: Vec<&NamingTable> = tables.iter().filter(|t| used(t) > 1).collect();
    order::sort_by(&mut varied, |a, b| {
        used(b).cmp(&used(a)).then(b.total.cmp(&a.total))
    });
    let single: Vec<&NamingTable> = tables.iter().filter(|t| used(t) <= 1).collect();
    html! {
        <div class="naming">
            <p class="hint">{ "Each cell counts the mentions of one name in one outlet's articles (headlines and every paragraph, captions included). Darker is more. Choose a number to read the lines behind it." }</p>
            { for varied.into_iter().map(render) }
            if !single.is_empty() {
                <details class="naming-single">
                    <summary>{ format!("{} more, each written only one way here", single.len()) }</summary>
                    <div class="naming">{ for single.into_iter().map(render) }</div>
                </details>
            }
        </div>
    }
}
