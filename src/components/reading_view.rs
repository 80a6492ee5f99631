//! One article, for reading: the text with the query's matches and (on
//! request) entity mentions marked, where every fact came from, and a side
//! panel of who and what it mentions, who it quotes, the dates it names and
//! related articles.

use std::rc::Rc;

use dossier_core::search::{SearchResults, Span};
use dossier_core::{Article, Role};
use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::components::compare::cite::CiteControl;
use crate::components::date_label::DateLabel;
use crate::engine::Engine;
use crate::route::View;
use crate::state::Action;
use crate::text::{marked, marked_with};

/// Props for [`ReadingView`].
#[derive(Properties, PartialEq)]
pub struct ReadingViewProps {
    /// The dossier.
    pub engine: Rc<Engine>,
    /// The article's position in the dossier.
    pub position: usize,
    /// The current results, for highlights and previous/next.
    pub results: Rc<SearchResults>,
    /// The paragraph a link points at.
    pub paragraph: Option<usize>,
    /// The current view (for links).
    pub view: View,
    /// Where changes go.
    pub on_action: Callback<Action>,
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

/// The reading view.
#[function_component(ReadingView)]
pub fn reading_view(props: &ReadingViewProps) -> Html {
    let show_all = use_state(|| false);
    let show_entities = use_state(|| false);
    let engine = &props.engine;
    let articles = engine.articles();
    let article: &Article = &articles[props.position];
    let has_text = engine.has_text(props.position);
    let hits = &props.results.hits;
    let at = hits.iter().position(|h| h.article == props.position);
    let hit = at.map(|i| &hits[i]);

    // A link to a caption or to furniture opens with everything shown, so
    // the linked paragraph is there to see.
    let target_hidden = props
        .paragraph
        .and_then(|p| article.paragraphs.get(p))
        .is_some_and(|p| !matches!(p.role, Role::Body | Role::Dek));
    {
        let show_all = show_all.clone();
        use_effect_with(
            (props.position, props.paragraph, target_hidden),
            move |(_, _, hidden)| {
                if *hidden {
                    show_all.set(true);
                }
            },
        );
    }

    // A link to a paragraph the article does not have (known once its
    // text is here) opens the article at its start, and says so.
    {
        let missing = props
            .paragraph
            .filter(|&p| has_text && p >= article.paragraphs.len());
        let view = props.view.clone();
        let on_action = props.on_action.clone();
        let count = article.paragraphs.len();
        use_effect_with(missing, move |missing| {
            if let Some(p) = *missing {
                let mut start = view;
                start.paragraph = None;
                let notice = format!(
                    "The link points at paragraph {p}, but this article has {count}; showing its start."
                );
                on_action.emit(Action::FromUrl(Box::new(start), vec![notice]));
            }
        });
    }

    // Bring a linked paragraph into view (and the top of the article
    // otherwise), again once its text or hidden paragraphs appear.
    {
        let target = props.paragraph;
        use_effect_with(
            (props.position, target, has_text, *show_all),
            move |(_, target, _, _)| {
                let document = gloo::utils::document();
                let element = match target {
                    Some(p) => document.get_element_by_id(&format!("p{p}")),
                    None => document.get_element_by_id("headline"),
                };
                if let Some(element) = element {
                    element.scroll_into_view();
                    if let Ok(el) = element.dyn_into::<web_sys::HtmlElement>() {
                        let _ = el.focus();
                    }
                }
            },
        );
    }

    let hidden = article
        .paragraphs
        .iter()
        .filter(|p| !matches!(p.role, Role::Body | Role::Dek))
        .count();
    let words = article.word_count();
    let toggle = |s: &UseStateHandle<bool>| {
        let s = s.clone();
        Callback::from(move |_: Event| s.set(!*s))
    };
    let neighbour = |step: isize| {
        at.and_then(|i| i.checked_add_signed(step))
            .and_then(|i| hits.get(i))
            .map(|h| props.view.with_article(&articles[h.article].id).to_hash())
    };
    let spans_for = |i: usize| -> Vec<(Span, &'static str)> {
        let mut spans: Vec<(Span, &'static str)> = hit
            .and_then(|h| h.highlights.paragraphs.iter().find(|p| p.paragraph == i))
            .map(|p| p.spans.iter().map(|s| (*s, "hit")).collect())
            .unwrap_or_default();
        if *show_entities {
            spans.extend(
                article
                    .mentions
                    .iter()
                    .filter(|m| m.paragraph == Some(i))
                    .map(|m| {
                        (
                            Span {
                                start: m.start,
                                end: m.end,
                            },
                            "entity",
                        )
                    }),
            );
        }
        spans
    };
    let paragraph = |i: usize, p: &dossier_core::Paragraph| {
        let mut link = props.view.with_article(&article.id);
        link.paragraph = Some(i);
        let class = classes!(
            "para",
            format!("role-{}", role_name(p.role)),
            (props.paragraph == Some(i)).then_some("target")
        );
        html! {
            <p id={format!("p{i}")} {class} tabindex="-1">
                { marked_with(&p.text, &spans_for(i)) }
                <a class="pilcrow" href={link.to_hash()} aria-label={format!("Link to paragraph {}", i + 1)}
                   title={p.rule.as_ref().map(|r| format!("{} ({r})", role_name(p.role)))}>{ "¶" }</a>
            </p>
        }
    };

    let mut entities = engine.top_entities(article, 20);
    entities.sort_by(|a, b| {
        b.1.cmp(&a.1)
            .then_with(|| engine.entity_name(&a.0).cmp(engine.entity_name(&b.0)))
    });
    let related = engine.index().related(&articles, props.position, 5);

    html! {
        <div class="reading-layout">
            <article class="reading" aria-labelledby="headline">
                <nav class="reading-nav" aria-label="Results">
                    <a class="back" href={props.view.list().to_hash()}>{ "← Results" }</a>
                    if let Some(i) = at {
                        <span class="position">
                            if let Some(href) = neighbour(-1) { <a class="prev" {href} rel="prev">{ "‹ Previous" }</a> }
                            { format!(" {} of {} ", i + 1, props.results.total) }
                            if let Some(href) = neighbour(1) { <a class="next" {href} rel="next">{ "Next ›" }</a> }
                        </span>
                    }
                </nav>
                <h1 id="headline" tabindex="-1">{ marked(&article.headline, hit.map_or(&[][..], |h| &h.highlights.headline)) }</h1>
                { for article.paragraphs.iter().enumerate().filter(|(_, p)| p.role == Role::Dek).map(|(i, p)| paragraph(i, p)) }
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
                    // Only a web address becomes a link; any other is shown
                    // as text, so a `javascript:` one cannot run.
                    if let Some(url) = article.web_address() {
                        { " · " }
                        <a class="source-link" href={url.to_string()} rel="noopener noreferrer nofollow"
                           title={format!("The original at {url} ({})", article.url.as_ref().map_or("", |u| u.source.describe()))}>
                            { format!("original at {}", dossier_core::web_host(url)) }
                        </a>
                    } else if let Some(url) = &article.url {
                        { " · " }
                        <span class="source-text" title="Not a web address, so not a link">{ format!("source: {}", url.value) }</span>
                    }
                </p>
                if !article.duplicates.is_empty() {
                    <div class="copies">
                        <p>{ "The same text was also published:" }</p>
                        <ul>
                            { for article.duplicates.iter().map(|copy| html! {
                                <li>
                                    { copy.outlet.as_ref().map_or("outlet unknown", |o| o.value.as_str()) }
                                    { " · " }
                                    <DateLabel date={copy.published.clone()} />
                                    if let Some(url) = copy.web_address() {
                                        { " · " }
                                        <a href={url.to_string()} rel="noopener noreferrer nofollow" title={format!("The copy at {url}")}>
                                            { format!("at {}", dossier_core::web_host(url)) }
                                        </a>
                                    }
                                    if let Some(headline) = &copy.headline {
                                        { format!(" · as “{headline}”") }
                                    }
                                    { if copy.exact { " · identical".to_string() } else { format!(" · {:.0} % the same", copy.similarity * 100.0) } }
                                </li>
                            }) }
                        </ul>
                    </div>
                }
                <p class="stats">
                    { format!("{words} words · {} min read", words.div_ceil(230).max(1)) }
                    <span class="entity-toggle">
                        { " · " }
                        <label class="toggle">
                            <input type="checkbox" checked={*show_entities} onchange={toggle(&show_entities)} />
                            { " mark names" }
                        </label>
                    </span>
                </p>
                <CiteControl engine={engine.clone()} position={props.position} />
                if !has_text {
                    <p class="loading" role="status">{ "Loading the article's text…" }</p>
                }
                <div class="body">
                    { for article.paragraphs.iter().enumerate()
                        .filter(|(_, p)| p.role != Role::Dek && (*show_all || p.role == Role::Body))
                        .map(|(i, p)| paragraph(i, p)) }
                </div>
                if hidden > 0 {
                    <button type="button" class="reveal" aria-pressed={show_all.to_string()} onclick={toggle(&show_all).reform(|e: MouseEvent| e.into())}>
                        { if *show_all {
                            "Show the article text only".to_string()
                        } else {
                            format!("Show everything that was on the page ({hidden})")
                        } }
                    </button>
                }
            </article>
            <aside class="side-panel" aria-label="About this article">
                if !entities.is_empty() {
                    <section><h2>{ "Mentioned" }</h2>
                        <ul class="side-list">{ for entities.iter().map(|(id, n)| html! {
                            <li>{ engine.entity_name(id) }<span class="count">{ n }</span></li>
                        }) }</ul>
                    </section>
                }
                if !article.quotes.is_empty() {
                    <section><h2>{ "Quoted" }</h2>
                        <ul class="side-list quotes">{ for article.quotes.iter().map(|q| {
                            let mut link = props.view.with_article(&article.id);
                            link.paragraph = Some(q.paragraph);
                            html! { <li><a href={link.to_hash()}><strong>{ &q.speaker }</strong></a>{ format!(": “{}”", q.quote) }</li> }
                        }) }</ul>
                    </section>
                }
                if !article.mentioned_dates.is_empty() {
                    <section><h2>{ "Dates it mentions" }</h2>
                        <ul class="side-list">{ for article.mentioned_dates.iter().map(|d| {
                            let mut link = props.view.with_article(&article.id);
                            link.paragraph = Some(d.paragraph);
                            let label = d.date.map_or(format!("{} (year unknown)", d.text), |date| date.to_string());
                            html! { <li><a href={link.to_hash()} title={d.sentence.clone()}>{ label }</a></li> }
                        }) }</ul>
                    </section>
                }
                if !related.is_empty() {
                    <section><h2>{ "Related" }</h2>
                        <ul class="side-list">{ for related.iter().map(|(i, _)| {
                            let other = &articles[*i];
                            html! { <li><a href={props.view.with_article(&other.id).to_hash()}>{ &other.headline }</a></li> }
                        }) }</ul>
                    </section>
                }
            </aside>
        </div>
    }
}
