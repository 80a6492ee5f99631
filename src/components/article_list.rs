//! The list of the dossier's articles, oldest first.

use std::rc::Rc;

use dossier_core::Bundle;
use yew::prelude::*;

use crate::components::date_label::DateLabel;
use crate::route::Route;

/// Props for [`ArticleList`].
#[derive(Properties, PartialEq)]
pub struct ArticleListProps {
    /// The dossier.
    pub corpus: Rc<Bundle>,
}

/// Every article as a link to its reading view, with outlet and date.
#[function_component(ArticleList)]
pub fn article_list(props: &ArticleListProps) -> Html {
    html! {
        <section aria-labelledby="list-heading">
            <h2 id="list-heading" class="visually-hidden">{ "Articles" }</h2>
            <ol class="article-list">
                { for props.corpus.articles.iter().map(|article| html! {
                    <li key={article.id.clone()} class="article-item">
                        <a class="headline" href={Route::Article(article.id.clone()).to_hash()}>
                            { &article.headline }
                        </a>
                        <p class="meta">
                            <span class="outlet">
                                { article.outlet.as_ref().map_or("outlet unknown", |o| o.value.as_str()) }
                            </span>
                            { " · " }
                            <DateLabel date={article.published.clone()} />
                        </p>
                    </li>
                }) }
            </ol>
        </section>
    }
}
