//! Export: the compared articles as CSV, JSONL, BibTeX, RIS or a Markdown
//! reading list, downloaded through Blob URLs (so it works from `file://`).

use std::rc::Rc;

use dossier_core::export::{reading_list, to_bibtex, to_csv, to_jsonl, to_ris};
use dossier_core::Article;
use yew::prelude::*;

use super::chart::download;
use crate::engine::Engine;

/// Props for [`ExportPanel`].
#[derive(Properties, PartialEq)]
pub struct ExportPanelProps {
    /// The dossier (every selected text loaded).
    pub engine: Rc<Engine>,
    /// The compared articles, in the reader's order.
    pub selection: Rc<Vec<usize>>,
}

type Writer = fn(&[Article], &[usize], &str) -> String;

/// The formats: button label, file extension, MIME type, writer.
const FORMATS: [(&str, &str, &str, Writer); 5] = [
    // With a byte-order mark: Excel reads a CSV without one in the
    // system's code page, and Cyrillic or Armenian comes out garbled.
    ("CSV", "csv", "text/csv", |a, s, _| {
        format!("\u{feff}{}", to_csv(a, s))
    }),
    ("JSONL", "jsonl", "application/x-ndjson", |a, s, _| {
        to_jsonl(a, s)
    }),
    ("BibTeX", "bib", "application/x-bibtex", |a, s, _| {
        to_bibtex(a, s)
    }),
    (
        "RIS",
        "ris",
        "application/x-research-info-systems",
        |a, s, _| to_ris(a, s),
    ),
    (
        "Reading list (Markdown)",
        "md",
        "text/markdown",
        reading_list,
    ),
];

/// One button per format; each downloads the selection.
#[function_component(ExportPanel)]
pub fn export_panel(props: &ExportPanelProps) -> Html {
    let trouble = use_state(|| None::<String>);
    let buttons = FORMATS.iter().map(|&(label, ext, mime, write)| {
        let (engine, selection, trouble) = (props.engine.clone(), props.selection.clone(), trouble.clone());
        let onclick = Callback::from(move |_: MouseEvent| {
            let text = write(&engine.articles(), &selection, &engine.title);
            let name = format!("dossier-selection.{ext}");
            match download(&name, &format!("{mime};charset=utf-8"), &text) {
                Ok(()) => trouble.set(None),
                Err(e) => trouble.set(Some(format!("The download did not start: {e:?}"))),
            }
        });
        html! { <li><button type="button" class={format!("export-{ext}")} {onclick}>{ label }</button></li> }
    });
    let n = props.selection.len();
    html! {
        <div class="export">
            <p>{ format!("Download the {n} compared article{} (their facts and where each came from; a curated or estimated date is marked as such):", if n == 1 { "" } else { "s" }) }</p>
            <ul class="export-buttons">{ for buttons }</ul>
            if let Some(message) = &*trouble {
                <p class="error" role="alert">{ message }</p>
            }
        </div>
    }
}
