//! What the list says when nothing matches: which one filter to remove to
//! get results back, and how many each would give, so zero results is a
//! step to take rather than a dead end.

use dossier_core::search::{Filters, SearchOptions};
use yew::prelude::*;

use crate::components::articles;
use crate::engine::Engine;
use crate::route::View;
use crate::state::{Action, Facet};

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
    let f = &view.filters;
    let mut options: Vec<(String, Action, Filters)> = Vec::new();
    let mut per_value =
        |facet: Facet, kind: &str, values: &[String], name: &dyn Fn(&str) -> String| {
            for v in values {
                let mut without = f.clone();
                let list = match facet {
                    Facet::Outlet => &mut without.outlets,
                    Facet::Author => &mut without.authors,
                    Facet::Language => &mut without.languages,
                    Facet::Entity => &mut without.entities,
                    Facet::Year => &mut without.years,
                };
                list.retain(|x| x != v);
                let label = format!("{} ({kind})", name(v));
                options.push((label, Action::ToggleFacet(facet, v.clone()), without));
            }
        };
    let same = |v: &str| v.to_string();
    per_value(Facet::Outlet, "outlet", &f.outlets, &same);
    per_value(Facet::Entity, "mentions", &f.entities, &|v| {
        engine.entity_name(v).to_string()
    });
    per_value(Facet::Language, "language", &f.languages, &same);
    per_value(Facet::Year, "year", &f.years, &same);
    per_value(Facet::Author, "author", &f.authors, &same);
    if f.after.is_some() || f.before.is_some() {
        let label = format!(
            "{} – {} (dates)",
            f.after.map_or("…".to_string(), |d| d.to_string()),
            f.before.map_or("…".to_string(), |d| d.to_string())
        );
        let without = Filters {
            after: None,
            before: None,
            ..f.clone()
        };
        options.push((label, Action::SetRange(None, None), without));
    }
    let count_only = SearchOptions {
        sort: view.sort,
        limit: 0,
        ..Default::default()
    };
    let articles = engine.articles();
    let mut found: Vec<Loosening> = options
        .into_iter()
        .map(|(label, action, without)| Loosening {
            total: engine
                .index()
                .search_text(&articles, &view.query, true, &without, &count_only)
                .total,
            label,
            action,
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
