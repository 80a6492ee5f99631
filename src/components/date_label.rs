//! A publication date shown at its precision, with where it came from.

use dossier_core::{Fact, PartialDate};
use yew::prelude::*;

/// Props for [`DateLabel`].
#[derive(Properties, PartialEq)]
pub struct DateLabelProps {
    /// The date, or `None` when unknown.
    pub date: Option<Fact<PartialDate>>,
}

/// `8 September 2021` or `October 2021 ≈`: the `≈` marks a date not read in
/// the article's text; the tooltip says where it came from and why.
#[function_component(DateLabel)]
pub fn date_label(props: &DateLabelProps) -> Html {
    let Some(fact) = &props.date else {
        return html! { <span class="date unknown">{ "date unknown" }</span> };
    };
    let mut tooltip = fact.source.describe().to_string();
    if let Some(note) = &fact.note {
        tooltip.push_str(": ");
        tooltip.push_str(note);
    }
    html! {
        <time class="date" datetime={fact.value.iso()} title={tooltip}>
            { fact.value.to_string() }
            if fact.source.is_approximate() {
                <span class="approx" aria-label="(curated date)">{ " ≈" }</span>
            }
        </time>
    }
}
