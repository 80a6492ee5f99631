//! The application shell: loads the dossier once, follows the URL hash, and
//! shows the list or the reading view.

use std::rc::Rc;

use dossier_core::Bundle;
use gloo::events::EventListener;
use yew::prelude::*;

use crate::components::about::About;
use crate::components::article_list::ArticleList;
use crate::components::reading_view::ReadingView;
use crate::data;
use crate::route::Route;

/// The explorer.
#[function_component(App)]
pub fn app() -> Html {
    let corpus = use_memo((), |_| data::load_corpus().map(Rc::new));
    let route = use_state(Route::current);
    let site = use_memo((), |_| data::load_site_info());
    let about_open = use_state(|| false);
    let toggle_about = {
        let about_open = about_open.clone();
        Callback::from(move |_| about_open.set(!*about_open))
    };

    {
        let route = route.clone();
        use_effect_with((), move |_| {
            let listener = EventListener::new(&gloo::utils::window(), "hashchange", move |_| {
                route.set(Route::current());
            });
            move || drop(listener)
        });
    }

    let corpus: Rc<Bundle> = match corpus.as_ref() {
        Ok(corpus) => corpus.clone(),
        Err(message) => {
            return html! {
                <main class="page">
                    <h1>{ "Dossier" }</h1>
                    <p class="error" role="alert">{ message.clone() }</p>
                </main>
            }
        }
    };

    let body = match &*route {
        Route::List => html! { <ArticleList corpus={corpus.clone()} /> },
        Route::Article(id) => match corpus.article(id) {
            Some(article) => html! { <ReadingView article={Rc::new(article.clone())} /> },
            None => html! {
                <>
                    <p class="notice" role="status">
                        { format!("This dossier has no article with the id “{id}”; here are all its articles.") }
                    </p>
                    <ArticleList corpus={corpus.clone()} />
                </>
            },
        },
    };

    html! {
        <>
            <header class="masthead">
                <a class="title" href={Route::List.to_hash()}>{ "Dossier" }</a>
                <span class="dossier-name">
                    { format!("{} · {} articles", corpus.title, corpus.articles.len()) }
                </span>
                <button type="button" class="about-button" aria-expanded={about_open.to_string()}
                        aria-controls="about" onclick={toggle_about.clone()}>
                    { "About" }
                </button>
            </header>
            if *about_open {
                <About info={(*site).clone()} articles={corpus.articles.len()} on_close={toggle_about} />
            }
            <main class="page">{ body }</main>
        </>
    }
}
