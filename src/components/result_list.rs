//! The results: headline, outlet, date at its precision, the best snippet
//! with highlights, and the entities the article mentions most. Paged, so
//! 100,000 results render as fast as fifty; and only the results on (or
//! near) the screen ask for their text, so typing a query does not load the
//! text of fifty articles at every key.

use std::rc::Rc;

use dossier_core::search::SearchResults;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{IntersectionObserver, IntersectionObserverEntry, IntersectionObserverInit};
use yew::prelude::*;

use crate::after_paint::use_after_paint;
use crate::components::date_label::DateLabel;
use crate::components::no_results::NoResults;
use crate::engine::Engine;
use crate::route::View;
use crate::same::Same;
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
    /// Called with the positions of results that came on screen (their
    /// text is needed for snippets and entity chips).
    pub on_visible: Callback<Vec<usize>>,
}

/// Results drawn in the frame that shows new results: more than a tall
/// desktop screen holds (about 9 at 1440 pixels high); the page's others
/// follow a frame later.
const DRAWN_FIRST: usize = 10;

/// A list of links, one per result.
#[function_component(ResultList)]
pub fn result_list(props: &ResultListProps) -> Html {
    let r = &props.results;
    let engine = &props.engine;
    let list = use_node_ref();
    // New results draw their first screen in the keystroke's frame and the
    // rest in the next (see `use_after_paint`). Results already on the
    // page stay: "Show more" and arriving texts redraw the whole list.
    let settled = use_after_paint(Same(r.clone()));
    let drawn = if Rc::ptr_eq(&settled.0, r) {
        r.hits.len()
    } else {
        let kept = r
            .hits
            .iter()
            .zip(&settled.0.hits)
            .take_while(|(new, old)| new.article == old.article)
            .count();
        kept.max(DRAWN_FIRST)
    };
    {
        // The items drawn, so that the rest are watched once they are.
        let positions: Vec<usize> = r.hits.iter().take(drawn).map(|h| h.article).collect();
        let on_visible = props.on_visible.clone();
        use_effect_with((positions, list.clone()), move |(_, list)| {
            let watch = list
                .cast::<web_sys::Element>()
                .and_then(|list| watch_items(&list, on_visible));
            move || {
                if let Some((observer, _callback)) = watch {
                    observer.disconnect();
                }
            }
        });
    }
    // The keyboard cursor stays on screen: j and k scroll the page as far
    // as the result they move to needs, and no further. Once per move: a
    // cursor that moved onto a result drawn a frame later is scrolled to
    // then, and "Show more" or arriving texts leave the page where it is.
    {
        let list = list.clone();
        let scrolled_to = use_mut_ref(|| Some(0usize));
        use_effect_with((props.cursor, drawn), move |&(cursor, _)| {
            if *scrolled_to.borrow() == Some(cursor) {
                return;
            }
            let item = list
                .cast::<web_sys::Element>()
                .and_then(|list| list.children().item(cursor as u32));
            if let Some(item) = item {
                let options = web_sys::ScrollIntoViewOptions::new();
                options.set_block(web_sys::ScrollLogicalPosition::Nearest);
                item.scroll_into_view_with_scroll_into_view_options(&options);
                *scrolled_to.borrow_mut() = Some(cursor);
            }
        });
    }
    let articles = engine.articles();
    if r.total == 0 {
        return html! {
            <NoResults engine={engine.clone()} view={props.view.clone()} on_action={props.on_action.clone()} />
        };
    }
    let more = r.total.saturating_sub(r.hits.len());
    let show_more = {
        let on_action = props.on_action.clone();
        Callback::from(move |_| on_action.emit(Action::ShowMore))
    };
    html! {
        <>
            <ol class="article-list" ref={list}>
                { for r.hits.iter().take(drawn).enumerate().map(|(i, hit)| {
                    let article = &articles[hit.article];
                    let href = props.view.with_article(&article.id).to_hash();
                    let entities = engine.top_entities(article, 4);
                    html! {
                        <li key={article.id.clone()} class={classes!("article-item", (i == props.cursor).then_some("cursor"))}
                            data-position={hit.article.to_string()}
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

/// The observer and its callback (kept alive together) that report the
/// list's items within a screen's height of the viewport.
type Watch = (IntersectionObserver, Closure<dyn FnMut(js_sys::Array)>);

/// Watches the items of `list`; `on_visible` gets the `data-position` of
/// each item as it comes near the screen.
fn watch_items(list: &web_sys::Element, on_visible: Callback<Vec<usize>>) -> Option<Watch> {
    let callback = Closure::<dyn FnMut(js_sys::Array)>::new(move |entries: js_sys::Array| {
        let near: Vec<usize> = entries
            .iter()
            .filter_map(|e| e.dyn_into::<IntersectionObserverEntry>().ok())
            .filter(IntersectionObserverEntry::is_intersecting)
            .filter_map(|e| e.target().get_attribute("data-position")?.parse().ok())
            .collect();
        if !near.is_empty() {
            on_visible.emit(near);
        }
    });
    let options = IntersectionObserverInit::new();
    options.set_root_margin("50% 0px");
    let observer =
        IntersectionObserver::new_with_options(callback.as_ref().unchecked_ref(), &options).ok()?;
    let items = list.children();
    for i in 0..items.length() {
        if let Some(item) = items.item(i) {
            observer.observe(&item);
        }
    }
    Some((observer, callback))
}
