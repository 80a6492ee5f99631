//! The results: headline, outlet, date at its precision, the best snippet
//! with highlights, and the entities the article mentions most. Paged, so
//! 100,000 results render as fast as fifty.

use std::rc::Rc;

use dossier_core::search::SearchResults;
use yew::prelude::*;

use crate::components::date_label::DateLabel;
use crate::engine::Engine;
use crate::route::View;
use crate::state::{Action, Facet};
use crate::text::marked;

/// Props for [`ResultList`].
#[derive(Properties, PartialEq)]
pub struct ResultListProps {
    /// The dossier.
    pub engine: Rc<Engine>,
    /// The current results (the first `shown` of them).
    pub results: Rc<SearchResults>,
    /// The current view (for the links).
    pub view: View,
    /// The keyboard cursor.
    pub cursor: usize,
    /// How many results are shown.
    pub shown: usize,
    /// Where changes go.
    pub on_action: Callback<Action>,
}

/// A list of links, one per result.
#[function_component(ResultList)]
pub fn result_list(props: &ResultListProps) -> Html {
    let r = &props.results;
    let engine = &props.engine;
    let articles = engine.articles();
    if r.total == 0 {
        let on_action = props.on_action.clone();
        let has_filters = props.view.filters != Default::default();
        return html! {
            <div class="empty">
                if has_filters {
                    <p>{ "Nothing matches with these filters. " }
                        <button type="button" class="link" onclick={Callback::from(move |_| on_action.emit(Action::ClearFilters))}>
                            { "Remove all filters" }
                        </button>
                    </p>
                } else {
                    <p>{ "Nothing matches. Check the spelling, use fewer words, or press ? for the search syntax." }</p>
                }
            </div>
        };
    }
    let more = r.total.saturating_sub(r.hits.len());
    let show_more = {
        let on_action = props.on_action.clone();
        Callback::from(move |_| on_action.emit(Action::ShowMore))
    };
    html! {
        <>
            <ol class="article-list">
                { for r.hits.iter().enumerate().map(|(i, hit)| {
                    let article = &articles[hit.article];
                    let href = props.view.with_article(&article.id).to_hash();
                    let entities = engine.top_entities(article, 4);
                    html! {
                        <li key={article.id.clone()} class={classes!("article-item", (i == props.cursor).then_some("cursor"))}
                            aria-current={(i == props.cursor).then_some("true")}>
                            <a class="headline" {href}>{ marked(&article.headline, &hit.highlights.headline) }</a>
                            <p class="meta">
                                <span class="outlet">{ article.outlet.as_ref().map_or("outlet unknown", |o| o.value.as_str()) }</span>
                                { " · " }
                                <DateLabel date={article.published.clone()} />
                            </p>
                            if let Some(snippet) = &hit.snippet {
                                <p class="snippet">
                                    if snippet.cut_before { { "… " } }
                                    { marked(&snippet.text, &snippet.marks) }
                                    if snippet.cut_after { { " …" } }
                                </p>
                            }
                            if !entities.is_empty() {
                                <ul class="entity-chips" aria-label="Mentions">
                                    { for entities.into_iter().map(|(id, count)| {
                                        let on_action = props.on_action.clone();
                                        let name = engine.entity_name(&id).to_string();
                                        let value = id.clone();
                                        let onclick = Callback::from(move |_| on_action.emit(Action::ToggleFacet(Facet::Entity, value.clone())));
                                        html! { <li><button type="button" class="entity" {onclick} title={format!("{count} mentions; filter by {name}")}>{ name.clone() }</button></li> }
                                    }) }
                                </ul>
                            }
                        </li>
                    }
                }) }
            </ol>
            if more > 0 {
                <button type="button" class="more" onclick={show_more}>{ format!("Show more ({more} not shown)") }</button>
            }
        </>
    }
}
