//! Concordance lines, aligned on the keyword, each linking to the reading
//! view at its paragraph. Shared by the concordance and the naming lens.

use std::rc::Rc;

use dossier_core::stats::KwicLine;
use yew::prelude::*;

use crate::route::View;
use crate::same::Same;

/// Props for [`KwicList`].
#[derive(Properties, PartialEq)]
pub struct KwicListProps {
    /// The lines, in the order to show.
    pub lines: Rc<Vec<KwicLine>>,
    /// The current view (links keep its search).
    pub view: View,
    /// Read aloud before the list ("Concordance lines for …").
    pub label: AttrValue,
}

/// Lines drawn at first, and added by each "Show more": a common word's
/// concordance runs to tens of thousands of lines, and drawing 12,000 took
/// a 3,000-article page 2.3 s (Voyant pages its concordance too).
const PAGE: usize = 500;

/// Keyword-in-context lines: right-aligned left context, the keyword,
/// left-aligned right context, then the outlet and date.
#[function_component(KwicList)]
pub fn kwic_list(props: &KwicListProps) -> Html {
    let shown = use_state_eq(|| PAGE);
    {
        // New lines (another term, order or selection) start at one page.
        let shown = shown.clone();
        use_effect_with(Same(props.lines.clone()), move |_| shown.set(PAGE));
    }
    let more = props.lines.len().saturating_sub(*shown);
    let show_more = {
        let shown = shown.clone();
        Callback::from(move |_: MouseEvent| shown.set(*shown + PAGE))
    };
    let rows = props.lines.iter().take(*shown).map(|line| {
        let href = props
            .view
            .at_paragraph(&line.article_id, line.at.paragraph)
            .to_hash();
        let place = match line.at.paragraph {
            Some(p) => format!("paragraph {}", p + 1),
            None => "headline".into(),
        };
        let date = line.published.map(|d| d.to_string()).unwrap_or_else(|| "undated".into());
        html! {
            <li class="kwic-line" data-article={line.article_id.clone()}>
                <span class="kwic-left"><span>{ &line.left }</span></span>
                <a class="kwic-key" {href} title={format!("Open at the {place}")}>{ &line.keyword }</a>
                <span class="kwic-right">{ &line.right }</span>
                <span class="kwic-source">{ format!("{} · {date} · {place}", line.outlet) }</span>
            </li>
        }
    });
    html! {
        <>
            <ol class="kwic" aria-label={props.label.clone()}>{ for rows }</ol>
            if more > 0 {
                <button type="button" class="more" onclick={show_more}>
                    { format!("Show more lines ({more} not shown)") }
                </button>
            }
        </>
    }
}
