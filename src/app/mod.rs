//! The application shell: loads the dossier once, keeps the view in the
//! URL, listens to the keyboard, and lays out the explorer.

use std::rc::Rc;

use dossier_core::search::{Filters, SearchOptions, SearchResults};
use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::components::about::About;
use crate::components::active_filter::active_filters;
use crate::components::compare::ComparePage;
use crate::components::date_slider::DateSlider;
use crate::components::facet_list::FacetPanel;
use crate::components::help::Help;
use crate::components::reading_view::ReadingView;
use crate::components::result_list::ResultList;
use crate::components::search_box::SearchBox;
use crate::components::summary::Summary;
use crate::components::theme_toggle::ThemeToggle;
use crate::data;
use crate::engine::Engine;
use crate::route::{Compare, View};
use crate::same::Same;
use crate::state::{Action, AppState};

mod shortcuts;
mod url;

/// The explorer, or a clear message when the dossier cannot be read or
/// holds no articles.
#[function_component(App)]
pub fn app() -> Html {
    let engine = use_memo((), |_| {
        let catalog = data::load_corpus()?;
        if catalog.articles.is_empty() {
            // Nothing to search, and an index for nothing to check.
            return Ok(None);
        }
        let index = data::load_index()?;
        let shard_size = data::load_site_info().map_or(0, |info| info.shard_size);
        Ok::<_, String>(Some(Rc::new(Engine::new(catalog, index, shard_size))))
    });
    match engine.as_ref() {
        Ok(Some(engine)) => html! { <Explorer engine={engine.clone()} /> },
        Ok(None) => html! {
            <main class="page">
                <h1>{ "Dossier" }</h1>
                <div class="empty" role="status">
                    <p>{ "This dossier holds no articles yet." }</p>
                    <p>{ "Make one from a folder of articles (text, Markdown, saved web pages, JSON or CSV): " }
                        <code>{ "dossier build ARTICLES/ --out SITE/" }</code>{ ", then open SITE/index.html." }</p>
                </div>
            </main>
        },
        Err(message) => html! {
            <main class="page">
                <h1>{ "Dossier" }</h1>
                <p class="error" role="alert">{ message.clone() }</p>
            </main>
        },
    }
}

/// Props for [`Explorer`].
#[derive(Properties, PartialEq)]
pub struct ExplorerProps {
    /// The loaded dossier.
    pub engine: Rc<Engine>,
}

/// Checks a view against the dossier: filter values it does not have are
/// dropped (a stale link), with a notice for each.
fn validate(engine: &Engine, mut view: View, mut notices: Vec<String>) -> (View, Vec<String>) {
    if let Some(id) = &view.article {
        if engine.position(id).is_none() {
            notices.push(format!(
                "This dossier has no article with the id “{id}”; showing the results instead."
            ));
            view.article = None;
            view.paragraph = None;
        }
    }
    let f = &mut view.filters;
    // A range that ends before it starts matches nothing: the reader meant
    // the other way round.
    if let (Some(from), Some(to)) = (f.after, f.before) {
        if from.span().0 > to.span().1 {
            notices.push(format!(
                "The link's date range ran backwards, from {from} to {to}; showing {to} to {from}."
            ));
            (f.after, f.before) = (Some(to), Some(from));
        }
    }
    let picks = [
        &f.outlets,
        &f.authors,
        &f.languages,
        &f.entities,
        &f.years,
        &f.months,
    ];
    let compared = view
        .compare
        .as_ref()
        .is_some_and(|c| c.a.is_some() || c.b.is_some());
    if picks.iter().all(|values| values.is_empty()) && !compared {
        // No facet value to check: spares a search over the whole dossier.
        return (view, notices);
    }
    let all = engine.index().search_text(
        &engine.articles(),
        "",
        false,
        &Filters::default(),
        &SearchOptions {
            limit: 0,
            ..Default::default()
        },
    );
    let facets = &all.facets;
    for (name, selected, known) in [
        ("outlet", &mut f.outlets, &facets.outlets),
        ("author", &mut f.authors, &facets.authors),
        ("language", &mut f.languages, &facets.languages),
        ("entity", &mut f.entities, &facets.entities),
        ("year", &mut f.years, &facets.years),
        ("month", &mut f.months, &facets.months),
    ] {
        selected.retain(|value| {
            let ok = known.iter().any(|k| k.value == *value);
            if !ok {
                notices.push(format!(
                    "This dossier has no {name} “{value}”; that filter was removed."
                ));
            }
            ok
        });
    }
    // The Compare page's two sides name outlets too.
    if let Some(compare) = view.compare.as_mut() {
        for side in [&mut compare.a, &mut compare.b] {
            if let Some(outlet) = side.take() {
                if facets.outlets.iter().any(|k| k.value == outlet) {
                    *side = Some(outlet);
                } else {
                    notices.push(format!(
                        "This dossier has no outlet “{outlet}” to compare; comparing the default instead."
                    ));
                }
            }
        }
    }
    (view, notices)
}

/// Results whose text is asked for with the results themselves, before the
/// list reports what is on screen: as many as the list's observer finds
/// near a 1280×800 screen while snippets are still missing (11; 7 on a
/// phone), so one round of loading usually serves both.
const FIRST_SCREEN: usize = 12;

/// The explorer: search, facets, date range, results, reading view.
#[function_component(Explorer)]
pub fn explorer(props: &ExplorerProps) -> Html {
    let engine = props.engine.clone();
    let state = {
        let engine = engine.clone();
        use_reducer(move || {
            let (view, notices) = View::current();
            let (view, notices) = validate(&engine, view, notices);
            AppState::from_view(view, notices)
        })
    };

    url::use_url(engine.clone(), state.clone());

    let view = &state.view;
    // Closing the reading view (Esc, "← Results", Back) returns focus to
    // the result it was opened from, scrolled into view; to the search box
    // when that result is not on the page.
    {
        let engine = engine.clone();
        let last_open = use_mut_ref(|| None::<String>);
        use_effect_with(view.article.clone(), move |article| {
            let previous = last_open.replace(article.clone());
            if let (Some(id), None) = (previous, article) {
                let document = gloo::utils::document();
                let result = engine.position(&id).and_then(|p| {
                    let selector = format!("ol.article-list li[data-position=\"{p}\"] a.headline");
                    document.query_selector(&selector).ok().flatten()
                });
                let target = result.or_else(|| document.get_element_by_id("search"));
                if let Some(element) =
                    target.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
                {
                    let _ = element.focus();
                }
            }
        });
    }
    // Searched again only when the query, filters, sort, page or index
    // change; texts arriving only add highlights to the hits they belong to.
    let searched: Rc<SearchResults> = {
        let engine = engine.clone();
        use_memo(
            (
                view.query.clone(),
                view.filters.clone(),
                view.sort,
                state.shown,
                engine.index_generation(),
            ),
            move |(q, f, sort, shown, _)| {
                let options = SearchOptions {
                    sort: *sort,
                    limit: *shown,
                    ..Default::default()
                };
                engine
                    .index()
                    .search_text(&engine.articles(), q, true, f, &options)
            },
        )
    };
    let results: Rc<SearchResults> = {
        let engine = engine.clone();
        let highlighted = use_memo(
            (Same(searched.clone()), engine.generation()),
            move |(Same(searched), _)| match searched.highlight_arrived(&engine.articles()) {
                Some(results) => Rc::new(results),
                None => searched.clone(),
            },
        );
        (*highlighted).clone()
    };
    // Fetch the text of the open article and of the first results at once
    // (the rest as they come on screen, see `ResultList`); a small dossier's
    // texts all load after the first paint. Render again when they arrive.
    let redraw = use_force_update();
    {
        let engine = engine.clone();
        let redraw = redraw.clone();
        use_effect_with((), move |_| {
            engine.prefetch_small(Callback::from(move |_| redraw.force_update()));
        });
    }
    {
        let engine = engine.clone();
        let redraw = redraw.clone();
        let open = view.article.as_deref().and_then(|id| engine.position(id));
        let first: Vec<usize> = results
            .hits
            .iter()
            .take(FIRST_SCREEN)
            .map(|h| h.article)
            .chain(open)
            .collect();
        use_effect_with(first, move |first| {
            engine.ensure(
                first.iter().copied(),
                Callback::from(move |_| redraw.force_update()),
            );
        });
    }
    // Made once, so the list's props stay equal between renders.
    let on_visible = {
        let engine = engine.clone();
        let redraw = redraw.clone();
        (*use_memo((), move |_| {
            Callback::from(move |positions: Vec<usize>| {
                let redraw = redraw.clone();
                engine.ensure(positions, Callback::from(move |_| redraw.force_update()));
            })
        }))
        .clone()
    };

    // A phrase was matched by its words only: load the word positions (once)
    // and search again when they are in place.
    {
        let engine = engine.clone();
        let redraw = use_force_update();
        use_effect_with(results.phrases_pending, move |&pending| {
            if pending {
                engine.ensure_positions(Callback::from(move |_| redraw.force_update()));
            }
        });
    }

    shortcuts::use_shortcuts(engine.clone(), state.clone(), results.clone());

    // One callback for the page's life: children whose other props did not
    // change are not rendered again.
    let dispatch = {
        let dispatcher = state.dispatcher();
        (*use_memo((), move |_| {
            Callback::from(move |action: Action| dispatcher.dispatch(action))
        }))
        .clone()
    };
    // On a phone the filters sit behind a button; on a desk they are always shown.
    let drawer_open = use_state(|| false);
    let toggle_drawer = {
        let drawer_open = drawer_open.clone();
        Callback::from(move |_| drawer_open.set(!*drawer_open))
    };
    // As many as the chips show.
    let active_filters = active_filters(&engine, &state.view.filters).len();

    let main = match view.article.as_ref().and_then(|id| engine.position(id)) {
        Some(position) => html! {
            <ReadingView engine={engine.clone()} {position} results={results.clone()}
                         paragraph={view.paragraph} view={view.clone()} on_action={dispatch.clone()} />
        },
        None if view.compare.is_some() => html! {
            <ComparePage engine={engine.clone()} view={view.clone()} on_action={dispatch.clone()} />
        },
        None => html! {
            <div class="explorer">
                <button type="button" class="drawer-button" aria-expanded={drawer_open.to_string()}
                        aria-controls="filters" onclick={toggle_drawer}>
                    { if active_filters > 0 { format!("Filters ({active_filters})") } else { "Filters".to_string() } }
                </button>
                <aside id="filters" class={classes!("filters", (*drawer_open).then_some("open"))} aria-label="Filters">
                    <FacetPanel engine={engine.clone()} facets={results.facets.clone()} on_action={dispatch.clone()} />
                </aside>
                <section class="results-column" aria-labelledby="results-heading">
                    <h1 id="results-heading" class="visually-hidden">{ format!("Search {}", engine.title) }</h1>
                    <DateSlider engine={engine.clone()} histogram={results.timeline.clone()}
                                after={view.filters.after} before={view.filters.before}
                                approximate={results.approximate_dates} undated={results.undated}
                                total={results.total} on_action={dispatch.clone()} />
                    <Summary engine={engine.clone()} results={results.clone()} view={view.clone()} on_action={dispatch.clone()} />
                    <ResultList engine={engine.clone()} results={results.clone()} view={view.clone()}
                                cursor={state.cursor} shown={state.shown} on_action={dispatch.clone()}
                                {on_visible} />
                </section>
            </div>
        },
    };

    let trouble = engine.trouble.borrow().clone();
    let toggle_about = {
        let dispatch = dispatch.clone();
        Callback::from(move |_| dispatch.emit(Action::ToggleAbout))
    };
    let toggle_help = {
        let dispatch = dispatch.clone();
        Callback::from(move |_| dispatch.emit(Action::ToggleHelp))
    };
    let dismiss = {
        let dispatch = dispatch.clone();
        Callback::from(move |_| dispatch.emit(Action::DismissNotices))
    };
    html! {
        <>
            <header class="masthead">
                <a class="title" href="#/">{ "Dossier" }</a>
                <span class="dossier-name">{ format!("{} · {} articles", engine.title, engine.len()) }</span>
                <span class="masthead-actions">
                    <a class="compare-link" href={view.with_compare(view.compare.clone().unwrap_or_else(Compare::default)).to_hash()}
                       aria-current={view.compare.is_some().then_some("page")}
                       title="Compare how the outlets frame the story">{ "Compare" }</a>
                    <button type="button" class="help-button" aria-expanded={state.help.to_string()} onclick={toggle_help.clone()}
                            title="Shortcuts and search syntax (?)">{ "?" }</button>
                    <ThemeToggle />
                    <button type="button" class="about-button" aria-expanded={state.about.to_string()}
                            aria-controls="about" onclick={toggle_about.clone()}>{ "About" }</button>
                </span>
            </header>
            <div class="search-row">
                <SearchBox query={view.query.clone()} on_action={dispatch.clone()} />
            </div>
            if !state.notices.is_empty() {
                <div class="notice" role="status">
                    { for state.notices.iter().map(|n| html! { <p>{ n }</p> }) }
                    <button type="button" class="dismiss" onclick={dismiss}>{ "Dismiss" }</button>
                </div>
            }
            if let Some(trouble) = trouble {
                <p class="notice trouble" role="alert">{ trouble }</p>
            }
            if state.about {
                <About info={data::load_site_info()} articles={engine.len()} on_close={toggle_about} />
            }
            if state.help {
                <Help on_close={toggle_help} />
            }
            <main class="page">{ main }</main>
        </>
    }
}
