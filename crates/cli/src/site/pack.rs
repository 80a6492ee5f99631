//! Rewrites the app's `index.html`: classic scripts instead of Trunk's
//! module loader, the dossier's title, a Content-Security-Policy, and (for
//! the single-file site) everything inlined.

use std::collections::BTreeMap;

use anyhow::{bail, Context, Result};
use base64::Engine as _;
use sha2::{Digest, Sha256};

const INDEX: &str = "index.html";
const BOOT_START: &str = "<!-- dossier:boot -->";
const BOOT_END: &str = "<!-- /dossier:boot -->";
const CSP_START: &str = "<meta http-equiv=\"Content-Security-Policy\"";

/// The policy: the page may run its own scripts and its own wasm, and may
/// connect nowhere (no fetch, no XHR, no websockets, no beacons), load no
/// remote images, fonts or frames, and submit no forms.
fn policy(script_src: &str, style_src: &str) -> String {
    format!(
        "default-src 'none'; script-src {script_src} 'wasm-unsafe-eval'; style-src {style_src}; \
         img-src 'self' data: blob:; connect-src 'none'; base-uri 'none'; form-action 'none'"
    )
}

/// Replaces Trunk's module loader with classic `<script src>` tags and
/// writes the wasm as base64 in a classic script. Idempotent.
pub fn classic_scripts(files: &mut BTreeMap<String, Vec<u8>>) -> Result<()> {
    let wasm_names: Vec<&String> = files
        .keys()
        .filter(|k| k.ends_with("_bg.wasm") && !k.contains('/'))
        .collect();
    let wasm_name = match wasm_names.as_slice() {
        [one] => (*one).clone(),
        [] => bail!("no built app here (no *_bg.wasm file); build it with `./dev build`"),
        many => bail!("several apps here ({:?}); expected one", many),
    };
    let stem = wasm_name.trim_end_matches("_bg.wasm");
    let glue = format!("{stem}.js");
    if !files.contains_key(&glue) {
        bail!("the app's {glue} is missing next to {wasm_name}");
    }
    let wasm_script = format!("{wasm_name}.js");
    let encoded = base64::engine::general_purpose::STANDARD.encode(&files[&wasm_name]);
    files.insert(
        wasm_script.clone(),
        format!("window.__dossierWasm = \"{encoded}\";\n").into_bytes(),
    );

    let mut html = index_html(files)?;
    html = remove_elements(&html, "<script", "</script>", |tag| {
        tag.contains("type=\"module\"")
    });
    html = remove_elements(&html, "<link", ">", |tag| {
        tag.contains("modulepreload") || (tag.contains("rel=\"preload\"") && tag.contains(".wasm"))
    });
    html = remove_between(&html, BOOT_START, BOOT_END);
    let boot = format!(
        "{BOOT_START}<script src=\"./{glue}\"></script><script src=\"./{wasm_script}\"></script>\
         <script src=\"./data/corpus.js\"></script><script src=\"./data/index.js\"></script>\
         <script src=\"./boot.js\"></script>{BOOT_END}"
    );
    let Some(at) = html.rfind("</body>") else {
        bail!("index.html has no </body> to put the app's scripts before");
    };
    html.insert_str(at, &boot);
    files.insert(INDEX.into(), html.into_bytes());
    Ok(())
}

/// Sets the page's `<title>` to the dossier's title.
pub fn set_title(files: &mut BTreeMap<String, Vec<u8>>, title: &str) -> Result<()> {
    let html = index_html(files)?;
    let (Some(start), Some(end)) = (html.find("<title>"), html.find("</title>")) else {
        return Ok(());
    };
    let html = format!(
        "{}<title>{} · Dossier</title>{}",
        &html[..start],
        escape_html(title),
        &html[end + 8..]
    );
    files.insert(INDEX.into(), html.into_bytes());
    Ok(())
}

/// Puts the site's Content-Security-Policy first in `<head>`, allowing
/// scripts and styles from the site's own folder only.
pub fn content_security_policy(files: &mut BTreeMap<String, Vec<u8>>) -> Result<()> {
    let html = index_html(files)?;
    let html = with_policy(&html, "'self'", "'self'");
    files.insert(INDEX.into(), html.into_bytes());
    Ok(())
}

/// The sources a policy lists for inline blocks with these hashes.
fn hash_sources(hashes: &[String]) -> String {
    hashes
        .iter()
        .map(|h| format!("'sha256-{h}'"))
        .collect::<Vec<_>>()
        .join(" ")
}

fn with_policy(html: &str, script_src: &str, style_src: &str) -> String {
    let mut html = remove_elements(html, CSP_START, ">", |_| true);
    let meta = format!("{CSP_START} content=\"{}\">", policy(script_src, style_src));
    let at = html
        .find("<meta charset")
        .and_then(|i| html[i..].find('>').map(|e| i + e + 1));
    let at = at
        .or_else(|| html.find("<head>").map(|i| i + 6))
        .unwrap_or(0);
    // No whitespace of its own, so replacing a policy restores the bytes exactly.
    html.insert_str(at, &meta);
    html
}

/// The whole site as one HTML document: each `<link rel="stylesheet">`
/// becomes a `<style>`, each local `<script src>` an inline script, and the
/// policy allows exactly those by hash.
pub fn inline_everything(files: &BTreeMap<String, Vec<u8>>) -> Result<String> {
    let mut html = index_html(files)?;
    let mut hashes: BTreeMap<&str, Vec<String>> = BTreeMap::new();
    let text = |href: &str| -> Result<String> {
        let path = href.trim_start_matches("./");
        let bytes = files
            .get(path)
            .with_context(|| format!("index.html refers to {href}, which is missing"))?;
        Ok(String::from_utf8_lossy(bytes).into_owned())
    };
    let mut inline = |tag: &'static str, body: String| {
        let body = body.replace(&format!("</{tag}"), &format!("<\\/{tag}"));
        let hash =
            base64::engine::general_purpose::STANDARD.encode(Sha256::digest(body.as_bytes()));
        hashes.entry(tag).or_default().push(hash);
        format!("<{tag}>{body}</{tag}>")
    };
    html = replace_elements(&html, "<link", ">", |el| {
        if !el.contains("rel=\"stylesheet\"") {
            return Ok(None);
        }
        let href = attribute(el, "href").context("a stylesheet link without href")?;
        Ok(Some(inline("style", text(&href)?)))
    })?;
    html = replace_elements(&html, "<script", "</script>", |el| {
        let Some(src) = attribute(el, "src") else {
            return Ok(None);
        };
        Ok(Some(inline("script", text(&src)?)))
    })?;
    // Word positions and body shards load on demand in a folder site; in one
    // file they are all inlined, and the page finds them already in place.
    let mut shards: Vec<(usize, &String)> = files
        .keys()
        .filter_map(|k| {
            Some((
                k.strip_prefix("data/shards/")?
                    .strip_suffix(".js")?
                    .parse()
                    .ok()?,
                k,
            ))
        })
        .collect();
    shards.sort();
    let mut inlined = String::new();
    let positions = "data/positions.js".to_string();
    let later = files.get_key_value(&positions).map(|(k, _)| k);
    for path in later
        .into_iter()
        .chain(shards.into_iter().map(|(_, path)| path))
    {
        inlined.push_str(&inline(
            "script",
            String::from_utf8_lossy(&files[path]).into_owned(),
        ));
    }
    if let Some(at) = html.find(BOOT_START) {
        html.insert_str(at, &inlined);
    }
    let sources = |tag| hash_sources(hashes.get(tag).map_or(&[][..], Vec::as_slice));
    Ok(with_policy(&html, &sources("script"), &sources("style")))
}

fn index_html(files: &BTreeMap<String, Vec<u8>>) -> Result<String> {
    let bytes = files.get(INDEX).context("the app has no index.html")?;
    String::from_utf8(bytes.clone()).context("index.html is not UTF-8")
}

/// The value of `name="…"` in an opening tag.
fn attribute(element: &str, name: &str) -> Option<String> {
    let open_tag = &element[..element.find('>').unwrap_or(element.len())];
    let key = format!(" {name}=\"");
    let start = open_tag.find(&key)? + key.len();
    let len = open_tag[start..].find('"')?;
    Some(open_tag[start..start + len].to_string())
}

/// Removes every element that starts with `open`, ends with the next
/// `close`, and whose text satisfies `matches`.
fn remove_elements(html: &str, open: &str, close: &str, matches: impl Fn(&str) -> bool) -> String {
    replace_elements(html, open, close, |el| Ok(matches(el).then(String::new)))
        .expect("removing cannot fail")
}

/// Replaces every element that starts with `open` and ends with the next
/// `close` by what `replace` returns for it (`None` keeps it). HTML
/// comments are kept as they are, even when they mention a tag.
fn replace_elements(
    html: &str,
    open: &str,
    close: &str,
    mut replace: impl FnMut(&str) -> Result<Option<String>>,
) -> Result<String> {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(start) = rest.find(open) {
        if let Some(comment) = rest[..start].find("<!--") {
            let end = rest[comment..]
                .find("-->")
                .map_or(rest.len(), |e| comment + e + 3);
            out.push_str(&rest[..end]);
            rest = &rest[end..];
            continue;
        }
        let Some(len) = rest[start..].find(close) else {
            break;
        };
        let end = start + len + close.len();
        out.push_str(&rest[..start]);
        match replace(&rest[start..end])? {
            Some(replacement) => out.push_str(&replacement),
            None => out.push_str(&rest[start..end]),
        }
        rest = &rest[end..];
    }
    out.push_str(rest);
    Ok(out)
}

fn remove_between(html: &str, start: &str, end: &str) -> String {
    match (html.find(start), html.find(end)) {
        (Some(s), Some(e)) if e > s => format!("{}{}", &html[..s], &html[e + end.len()..]),
        _ => html.to_string(),
    }
}

fn escape_html(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    pub(crate) const TRUNK_HTML: &str = r#"<html><head><meta charset="utf-8" /><title>Dossier</title>
<link rel="stylesheet" href="./style-1.css"/>
<!-- a comment that mentions <script src> and <link rel="modulepreload"> -->
<link rel="modulepreload" href="./app-1.js" crossorigin="anonymous">
<link rel="preload" href="./app-1_bg.wasm" crossorigin="anonymous" as="fetch" type="application/wasm"></head>
<body><script type="module">import init from './app-1.js'; await init('./app-1_bg.wasm');</script></body></html>"#;

    fn files() -> BTreeMap<String, Vec<u8>> {
        BTreeMap::from([
            (INDEX.to_string(), TRUNK_HTML.as_bytes().to_vec()),
            (
                "app-1.js".into(),
                b"var wasm_bindgen = 1; // '</script>' in a string".to_vec(),
            ),
            ("app-1_bg.wasm".into(), b"\0asm\x01\0\0\0".to_vec()),
            ("style-1.css".into(), b"body{}".to_vec()),
            ("boot.js".into(), b"wasm_bindgen();".to_vec()),
            (
                "data/corpus.js".into(),
                b"window.__dossierCorpus64 = \"e30=\";".to_vec(),
            ),
            (
                "data/index.js".into(),
                b"window.__dossierIndex = \"\";".to_vec(),
            ),
            (
                "data/shards/0.js".into(),
                b"(window.__dossierShards64 = {})[0] = \"W10=\";".to_vec(),
            ),
        ])
    }

    fn index(files: &BTreeMap<String, Vec<u8>>) -> String {
        String::from_utf8(files[INDEX].clone()).unwrap()
    }

    #[test]
    fn leaves_only_classic_scripts_and_is_idempotent() {
        let mut f = files();
        classic_scripts(&mut f).unwrap();
        let once = index(&f);
        assert!(!once.contains("type=\"module\""), "{once}");
        assert!(!once.contains(r#"<link rel="modulepreload" href"#));
        assert!(!once.contains(r#"<link rel="preload""#));
        assert!(once.contains(
            r#"<script src="./app-1.js"></script><script src="./app-1_bg.wasm.js"></script>"#
        ));
        assert!(once.contains(
            r#"<!-- a comment that mentions <script src> and <link rel="modulepreload"> -->"#
        ));
        classic_scripts(&mut f).unwrap();
        assert_eq!(index(&f), once);
        assert_eq!(
            f["app-1_bg.wasm.js"],
            b"window.__dossierWasm = \"AGFzbQEAAAA=\";\n"
        );
    }

    #[test]
    fn the_policy_comes_first_in_head_once_and_blocks_connections() {
        let mut f = files();
        content_security_policy(&mut f).unwrap();
        content_security_policy(&mut f).unwrap();
        let html = index(&f);
        assert_eq!(html.matches("Content-Security-Policy").count(), 1);
        let csp = html.find("Content-Security-Policy").unwrap();
        assert!(csp < html.find("<title>").unwrap());
        assert!(
            html.contains("connect-src 'none'")
                && html.contains("script-src 'self' 'wasm-unsafe-eval'")
        );
    }

    #[test]
    fn the_title_is_escaped() {
        let mut f = files();
        set_title(&mut f, "Tom & <Jerry>").unwrap();
        assert!(index(&f).contains("<title>Tom &amp; &lt;Jerry&gt; · Dossier</title>"));
    }

    #[test]
    fn single_file_inlines_every_script_and_style_and_hashes_them() {
        let mut f = files();
        classic_scripts(&mut f).unwrap();
        let html = inline_everything(&f).unwrap();
        assert!(
            !html.contains("<script src=\"") && !html.contains("stylesheet"),
            "{html}"
        );
        assert!(html.contains("<style>body{}</style>"));
        assert!(html.contains("'<\\/script>' in a string"));
        // Six inline scripts (glue, wasm, catalog, index, one shard, boot) and
        // one style, each allowed by its hash.
        let csp =
            &html[html.find("Content-Security-Policy").unwrap()..html.find("<title>").unwrap()];
        let directive = |name: &str| {
            csp.split(';')
                .find(|d| d.trim_start().starts_with(name))
                .unwrap()
                .to_string()
        };
        assert_eq!(
            directive("script-src").matches("'sha256-").count(),
            6,
            "{csp}"
        );
        assert_eq!(
            directive("style-src").matches("'sha256-").count(),
            1,
            "{csp}"
        );
        assert!(
            !directive("script-src").contains("'self'")
                && !directive("style-src").contains("'self'")
        );
    }

    #[test]
    fn a_missing_script_is_named() {
        let mut f = files();
        classic_scripts(&mut f).unwrap();
        f.remove("boot.js");
        let err = inline_everything(&f).unwrap_err();
        assert!(err.to_string().contains("boot.js"), "{err}");
    }
}
