//! The About panel: which dossier this is, and the promise that reading it
//! sends nothing anywhere.

use dossier_core::SiteInfo;
use yew::prelude::*;

/// Props for [`About`].
#[derive(Properties, PartialEq)]
pub struct AboutProps {
    /// This build's facts, if the site carries them.
    pub info: Option<SiteInfo>,
    /// How many articles the loaded dossier holds.
    pub articles: usize,
    /// Closes the panel.
    pub on_close: Callback<MouseEvent>,
}

/// Title, article count, build date and the corpus fingerprint, so two
/// readers can tell they hold the same dossier; and what the page does
/// (and does not do) with the network.
#[function_component(About)]
pub fn about(props: &AboutProps) -> Html {
    let facts = match &props.info {
        Some(info) => html! {
            <dl class="facts">
                <dt>{ "Dossier" }</dt><dd class="about-title">{ &info.title }</dd>
                <dt>{ "Articles" }</dt><dd class="about-articles">{ props.articles }</dd>
                <dt>{ "Built" }</dt><dd class="about-built">{ &info.built }</dd>
                <dt>{ "Fingerprint" }</dt>
                <dd>
                    <code class="about-hash" title="SHA-256 of the dossier's data: the same dossier has the same fingerprint, whoever built it">
                        { format!("sha256:{}", info.corpus_sha256) }
                    </code>
                </dd>
                <dt>{ "Made with" }</dt><dd>{ format!("Dossier {}", info.dossier_version) }</dd>
            </dl>
        },
        None => {
            html! { <p>{ format!("{} articles. This site carries no build information.", props.articles) }</p> }
        }
    };
    html! {
        <section id="about" class="about" aria-labelledby="about-heading">
            <h2 id="about-heading">{ "About this dossier" }</h2>
            { facts }
            <p class="privacy">
                { "Private and offline: this page makes no network requests. Everything it shows comes from \
                   its own folder (or file), and its Content-Security-Policy forbids connecting anywhere else." }
            </p>
            <p class="privacy">
                { "Two readers hold the same dossier when their fingerprints match. To check every file of a \
                   site folder: " }
                <code>{ "dossier verify FOLDER" }</code>{ " or " }<code>{ "sha256sum -c SHA256SUMS" }</code>{ "." }
            </p>
            <button type="button" class="close" onclick={props.on_close.clone()}>{ "Close" }</button>
        </section>
    }
}
