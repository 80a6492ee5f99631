//! Who is quoted: speakers per outlet as a table; a speaker lists their
//! quotes, each linking to its paragraph.

use std::rc::Rc;

use dossier_core::stats::{who_is_quoted, Speakers};
use yew::prelude::*;

use crate::engine::Engine;
use crate::route::View;

/// Props for [`WhoIsQuoted`].
#[derive(Properties, PartialEq)]
pub struct WhoIsQuotedProps {
    /// The dossier (every selected text loaded).
    pub engine: Rc<Engine>,
    /// The compared articles.
    pub selection: Rc<Vec<usize>>,
    /// The current view, for links.
    pub view: View,
}

/// The speakers table and the chosen speaker's quotes.
#[function_component(WhoIsQuoted)]
pub fn who_is_quoted_view(props: &WhoIsQuotedProps) -> Html {
    let engine = props.engine.clone();
    let chosen = use_state(|| None::<String>);
    let data: Rc<Speakers> = use_memo(
        (props.selection.clone(), engine.generation()),
        move |(selection, _)| who_is_quoted(&engine.articles(), selection),
    );
    if data.speakers.is_empty() {
        return html! { <p class="empty">{ "Nobody is quoted in these articles (as far as ingest can tell)." }</p> };
    }
    let articles = props.engine.articles();
    let rows = data.speakers.iter().map(|s| {
        let pressed = chosen.as_deref() == Some(s.key.as_str());
        let onclick = {
            let (chosen, key) = (chosen.clone(), s.key.clone());
            Callback::from(move |_: MouseEvent| chosen.set(if pressed { None } else { Some(key.clone()) }))
        };
        html! {
            <tr data-speaker={s.key.clone()}>
                <th scope="row"><button type="button" class="link" aria-pressed={pressed.to_string()} {onclick}>{ &s.name }</button></th>
                { for data.outlets.iter().map(|o| {
                    let n = s.by_outlet.get(o).copied().unwrap_or(0);
                    html! { <td class={(n == 0).then_some("zero")}>{ n }</td> }
                }) }
                <td class="total">{ s.total }</td>
            </tr>
        }
    });
    let quotes = chosen.as_deref().and_then(|key| data.get(key)).map(|s| html! {
        <section class="speaker-quotes">
            <h3>{ format!("{} ({})", s.name, s.total) }</h3>
            <ul>{ for s.quotes.iter().map(|q| {
                let article = &articles[q.article];
                let href = props.view.at_paragraph(&article.id, Some(q.paragraph)).to_hash();
                html! { <li><q>{ &q.quote }</q>{ format!(" ({}) — ", q.cue) }<a {href}>{ format!("{}, {}", article.headline, q.outlet) }</a></li> }
            }) }</ul>
        </section>
    });
    html! {
        <div class="quotes">
            <table class="chart-table speakers">
                <caption>{ "Quotes per speaker and outlet" }</caption>
                <thead><tr><th scope="col">{ "Speaker" }</th>
                    { for data.outlets.iter().map(|o| html! { <th scope="col">{ o }</th> }) }
                    <th scope="col">{ "All" }</th></tr></thead>
                <tbody>{ for rows }</tbody>
            </table>
            { for quotes }
        </div>
    }
}
