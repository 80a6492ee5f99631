//! The Compare page (issue 7): how outlets frame the story, over every
//! article the current query, filters and date range keep. Each tab is one
//! component; the numbers come from `dossier_core::stats` and
//! `dossier_core::export`, the page only draws them.

pub mod bar_chart;
pub mod chart;
pub mod cite;
pub mod export;
pub mod kwic;
pub mod lines;
pub mod naming;
pub mod quotes;
pub mod terms;
pub mod terms_controls;
pub mod timeline;
pub mod trends;

use std::rc::Rc;

use dossier_core::search::SearchOptions;
use yew::prelude::*;

use crate::engine::Engine;
use crate::route::{Compare, CompareTab, View};
use crate::state::Action;

/// At most this many articles are compared: the page keeps the texts of
/// 24 shards (of 64 articles) at once, and the statistics need every text.
pub const MAX_SELECTION: usize = 1_500;

/// Props for [`ComparePage`].
#[derive(Properties, PartialEq)]
pub struct ComparePageProps {
    /// The dossier.
    pub engine: Rc<Engine>,
    /// The current view (query, filters, Compare settings).
    pub view: View,
    /// Where changes go.
    pub on_action: Callback<Action>,
}

/// The Compare page: tabs, the selection it describes, and the open tab.
#[function_component(ComparePage)]
pub fn compare_page(props: &ComparePageProps) -> Html {
    let engine = props.engine.clone();
    let view = &props.view;
    let compare = view.compare.clone().unwrap_or_default();
    // Every article the search keeps, in the reader's order, capped.
    // A phrase needs the index's word positions; until they are in, it
    // matches by its words, so the selection is made again when they arrive.
    {
        let engine = engine.clone();
        let redraw = use_force_update();
        use_effect_with(view.query.contains('"'), move |&phrase| {
            if phrase {
                engine.ensure_positions(Callback::from(move |_| redraw.force_update()));
            }
        });
    }
    let found: Rc<(Vec<usize>, usize)> = {
        let engine = engine.clone();
        let pending = engine.index().positions_pending();
        use_memo(
            (view.query.clone(), view.filters.clone(), view.sort, pending),
            move |(q, f, sort, _)| {
                let articles = engine.articles();
                let count = |limit| SearchOptions {
                    sort: *sort,
                    limit,
                    ..Default::default()
                };
                let total = engine
                    .index()
                    .search_text(&articles, q, true, f, &count(0))
                    .total;
                let hits = engine
                    .index()
                    .search_text(&articles, q, true, f, &count(total.min(MAX_SELECTION)))
                    .hits;
                (hits.iter().map(|h| h.article).collect(), total)
            },
        )
    };
    let selection = use_memo(found.clone(), |found| found.0.clone());
    let total = found.1;
    {
        let engine = engine.clone();
        let redraw = use_force_update();
        use_effect_with(selection.clone(), move |selection| {
            engine.ensure(
                selection.iter().copied(),
                Callback::from(move |_| redraw.force_update()),
            );
        });
    }
    let loaded = selection.iter().filter(|&&p| engine.has_text(p)).count();

    let tabs = CompareTab::ALL.iter().map(|&tab| {
        let href = view.with_compare(compare.on(tab)).to_hash();
        let current = (tab == compare.tab).then_some("page");
        html! { <li><a {href} aria-current={current}>{ tab.label() }</a></li> }
    });
    let described = if view.query.trim().is_empty() {
        "every article".to_string()
    } else {
        format!("the articles matching “{}”", view.query.trim())
    };
    let body = if selection.is_empty() {
        html! { <p class="empty">{ "No articles match the search; there is nothing to compare." }</p> }
    } else if loaded < selection.len() {
        html! { <p class="loading" role="status">{ format!("Loading texts… ({loaded} of {})", selection.len()) }</p> }
    } else {
        let (engine, selection, view, on_action) = (
            engine.clone(),
            selection.clone(),
            view.clone(),
            props.on_action.clone(),
        );
        let c = compare.clone();
        match compare.tab {
            CompareTab::Naming => {
                html! { <naming::NamingLens {engine} {selection} {view} compare={c} {on_action} /> }
            }
            CompareTab::Terms => {
                html! { <terms::DistinctiveTerms {engine} {selection} {view} compare={c} {on_action} /> }
            }
            CompareTab::Kwic => {
                html! { <kwic::Concordance {engine} {selection} {view} compare={c} {on_action} /> }
            }
            CompareTab::Trends => {
                html! { <trends::TrendsChart {engine} {selection} {view} compare={c} {on_action} /> }
            }
            CompareTab::Timeline => {
                html! { <timeline::EventsTimeline {engine} {selection} {view} compare={c} {on_action} /> }
            }
            CompareTab::Quotes => {
                html! { <quotes::WhoIsQuoted {engine} {selection} {view} compare={c} {on_action} /> }
            }
            CompareTab::Export => html! { <export::ExportPanel {engine} {selection} /> },
        }
    };
    html! {
        <section class="compare" aria-labelledby="compare-heading">
            <nav class="compare-nav" aria-label="Compare">
                <a class="back" href={view.list().to_hash()}>{ "← Results" }</a>
                <ul class="compare-tabs">{ for tabs }</ul>
            </nav>
            <h1 id="compare-heading">{ compare.tab.label() }</h1>
            <p class="compare-scope">
                { format!("Comparing {described}: {} article{}.", selection.len(), if selection.len() == 1 { "" } else { "s" }) }
                if total > selection.len() {
                    <span class="cap-note">{ format!(" The search found {total}; only the first {} are compared — narrow the search to compare the rest.", selection.len()) }</span>
                }
            </p>
            { body }
        </section>
    }
}

/// Compare settings with one change, for a tab's own controls.
pub fn changed(compare: &Compare, change: impl FnOnce(&mut Compare)) -> Compare {
    let mut next = compare.clone();
    change(&mut next);
    next
}
