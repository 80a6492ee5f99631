//! What the list says when nothing matches: which one filter to remove to
//! get results back, and how many each would give, so zero results is a
//! step to take rather than a dead end.

use dossier_core::search::{Filters, SearchOptions};
use yew::prelude::*;

use crate::components::active_filter::active_filters;
use crate::components::articles;
use crate::engine::Engine;
use crate::route::View;
use crate::state::Action;

/// One filter the reader could drop: how it reads, the action that drops
/// it, and how many articles the search would then find.
struct Loosening {
    label: String,
    action: Action,
    total: usize,
}

/// Each active filter whose removal alone gives results, most results
/// first. Runs a count-only search per active filter, and only when
/// nothing matches.
fn loosenings(engine: &Engine, view: &View) -> Vec<Loosening> {
    let count_only = SearchOptions {
        sort: view.sort,
        limit: 0,
        ..Default::default()
    };
    let articles = engine.articles();
    let mut found: Vec<Loosening> = active_filters(engine, &view.filters)
        .into_iter()
        .map(|filter| Loosening {
            total: engine
                .index()
                .search_text(
                    &articles,
                    &view.query,
                    true,
                    &filter.without(&view.filters),
                    &count_only,
                )
                .total,
            label: format!("{} ({})", filter.label, filter.kind()),
            action: filter.remove(),
        })
        .filter(|l| l.total > 0)
        .collect();
    found.sort_by_key(|l| std::cmp::Reverse(l.total));
    found
}

/// Props for [`NoResults`].
#[derive(Properties, PartialEq)]
pub struct NoResultsProps {
    /// The dossier.
    pub engine: std::rc::Rc<Engine>,
    /// The current view.
    pub view: View,
    /// Where changes go.
    pub on_action: Callback<Action>,
}

/// The empty list: filters to remove, or how to change the query.
#[function_component(NoResults)]
pub fn no_results(props: &NoResultsProps) -> Html {
    let has_filters = props.view.filters != Filters::default();
    if !has_filters {
        return html! {
            <div class="empty">
                <p>{ "Nothing matches. Check the spelling, use fewer words, or press ? for the search syntax." }</p>
            </div>
        };
    }
    let options = loosenings(&props.engine, &props.view);
    let clear = {
        let on_action = props.on_action.clone();
        Callback::from(move |_| on_action.emit(Action::ClearFilters))
    };
    html! {
        <div class="empty">
            <p>{ "Nothing matches with these filters." }
                if options.is_empty() { { " Removing any one of them alone finds nothing either." } }
            </p>
            if !options.is_empty() {
                <ul class="loosen" aria-label="Filters to remove">
                    { for options.into_iter().map(|l| {
                        let on_action = props.on_action.clone();
                        let action = l.action.clone();
                        let onclick = Callback::from(move |_| on_action.emit(action.clone()));
                        html! {
                            <li><button type="button" class="link" {onclick}>
                                { format!("Remove {}: {}", l.label, articles(l.total)) }
                            </button></li>
                        }
                    }) }
                </ul>
            }
            <p><button type="button" class="link" onclick={clear}>{ "Remove all filters" }</button></p>
        </div>
    }
}
