//! One article, for reading.

use std::rc::Rc;

use dossier_core::{Article, Role};
use yew::prelude::*;

use crate::components::date_label::DateLabel;
use crate::route::Route;

/// Props for [`ReadingView`].
#[derive(Properties, PartialEq)]
pub struct ReadingViewProps {
    /// The article to show.
    pub article: Rc<Article>,
}

/// Headline, outlet, author and date, then the body paragraphs. Captions and
/// page furniture the copying kept are behind a toggle, so nothing is lost
/// and nothing distracts.
#[function_component(ReadingView)]
pub fn reading_view(props: &ReadingViewProps) -> Html {
    let show_all = use_state(|| false);
    let article = &props.article;
    let hidden = article
        .paragraphs
        .iter()
        .filter(|p| p.role != Role::Body)
        .count();
    let words = article.word_count();
    let toggle = {
        let show_all = show_all.clone();
        Callback::from(move |_| show_all.set(!*show_all))
    };

    html! {
        <article class="reading" aria-labelledby="headline">
            <a class="back" href={Route::List.to_hash()}>{ "← All articles" }</a>
            <h1 id="headline">{ &article.headline }</h1>
            <p class="meta">
                if let Some(outlet) = &article.outlet {
                    <span class="outlet" title={outlet.source.describe()}>{ &outlet.value }</span>
                    { " · " }
                }
                if let Some(author) = &article.author {
                    <span class="author" title={author.source.describe()}>{ &author.value }</span>
                    { " · " }
                }
                <DateLabel date={article.published.clone()} />
            </p>
            <p class="stats">{ format!("{words} words · {} min read", words.div_ceil(230).max(1)) }</p>
            <div class="body">
                { for article.paragraphs.iter().enumerate()
                    .filter(|(_, p)| *show_all || p.role == Role::Body)
                    .map(|(i, p)| {
                        let class = format!("para role-{}", role_name(p.role));
                        html! { <p id={format!("p{i}")} {class}>{ &p.text }</p> }
                    }) }
            </div>
            if hidden > 0 {
                <button type="button" class="reveal" aria-pressed={show_all.to_string()} onclick={toggle}>
                    { if *show_all {
                        "Show the article text only".to_string()
                    } else {
                        format!("Show everything that was on the page ({hidden})")
                    } }
                </button>
            }
        </article>
    }
}

fn role_name(role: Role) -> &'static str {
    match role {
        Role::Body => "body",
        Role::Dek => "dek",
        Role::Caption => "caption",
        Role::Byline => "byline",
        Role::Bio => "bio",
        Role::Furniture => "furniture",
    }
}
