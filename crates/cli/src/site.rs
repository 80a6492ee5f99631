//! Writes an explorer site: the built app, made loadable from `file://`,
//! plus the dossier's data.
//!
//! Trunk writes an `index.html` that starts the app from a `<script
//! type="module">` and fetches the `.wasm` file; a page opened from disk
//! can do neither in Chromium. So the site keeps to classic scripts only:
//!
//! ```text
//! index.html                <script src> tags only, relative URLs
//! dossier-app-HASH.js       wasm-bindgen's no-modules glue (global `wasm_bindgen`)
//! dossier-app-HASH_bg.wasm.js   window.__dossierWasm = "<base64 of the wasm>"
//! boot.js                   decodes the wasm and starts the app
//! data/corpus.js            window.__dossierCorpus = "<bundle JSON>"
//! ```
//!
//! The same files work unchanged over http.

use std::path::Path;

use anyhow::{bail, Context, Result};
use base64::Engine as _;
use dossier_core::Bundle;

const BOOT_START: &str = "<!-- dossier:boot -->";
const BOOT_END: &str = "<!-- /dossier:boot -->";

/// Completes `out` as a site for `bundle`, copying the app from `app` first
/// unless they are the same folder.
pub fn write(app: &Path, out: &Path, bundle: &Bundle) -> Result<()> {
    std::fs::create_dir_all(out).with_context(|| format!("cannot create {}", out.display()))?;
    let same = app.canonicalize().ok() == out.canonicalize().ok();
    if !same {
        copy_dir(app, out)
            .with_context(|| format!("cannot copy the app from {}", app.display()))?;
    }
    pack_for_file_urls(out)?;
    let data = out.join("data");
    std::fs::create_dir_all(&data)?;
    std::fs::write(data.join("corpus.js"), corpus_script(bundle))?;
    Ok(())
}

/// The bundle as a classic script assigning its JSON text to a global.
///
/// The JSON stays a string (parsed by the app with serde) because a JS
/// string literal parses far faster than an object literal, and `</` is
/// escaped so the same text can be inlined into an HTML page.
pub fn corpus_script(bundle: &Bundle) -> String {
    let literal = serde_json::to_string(&bundle.to_json()).expect("a string serialises");
    format!(
        "window.__dossierCorpus = {};\n",
        literal.replace("</", "<\\/")
    )
}

/// Rewrites Trunk's output in `dir` so it starts from classic scripts.
/// Idempotent: packing a packed site changes nothing.
pub fn pack_for_file_urls(dir: &Path) -> Result<()> {
    let wasm_name = single_file_ending(dir, "_bg.wasm")?;
    let stem = wasm_name.trim_end_matches("_bg.wasm");
    let glue = format!("{stem}.js");
    if !dir.join(&glue).is_file() {
        bail!(
            "{}: the app's {glue} is missing next to {wasm_name}",
            dir.display()
        );
    }
    let wasm = std::fs::read(dir.join(&wasm_name))?;
    let wasm_script = format!("{wasm_name}.js");
    std::fs::write(
        dir.join(&wasm_script),
        format!(
            "window.__dossierWasm = \"{}\";\n",
            base64::engine::general_purpose::STANDARD.encode(wasm)
        ),
    )?;

    let index_path = dir.join("index.html");
    let html = std::fs::read_to_string(&index_path)
        .with_context(|| format!("cannot read {}", index_path.display()))?;
    let mut html = remove_elements(&html, "<script", "</script>", |tag| {
        tag.contains("type=\"module\"")
    });
    html = remove_elements(&html, "<link", ">", |tag| {
        tag.contains("modulepreload") || (tag.contains("rel=\"preload\"") && tag.contains(".wasm"))
    });
    html = remove_between(&html, BOOT_START, BOOT_END);
    let boot = format!(
        "{BOOT_START}<script src=\"./{glue}\"></script><script src=\"./{wasm_script}\"></script>\
         <script src=\"./data/corpus.js\"></script><script src=\"./boot.js\"></script>{BOOT_END}"
    );
    let Some(at) = html.rfind("</body>") else {
        bail!(
            "{}: no </body> to put the app's scripts before",
            index_path.display()
        );
    };
    html.insert_str(at, &boot);
    std::fs::write(&index_path, html)?;
    Ok(())
}

fn single_file_ending(dir: &Path, suffix: &str) -> Result<String> {
    let mut found = Vec::new();
    for entry in std::fs::read_dir(dir).with_context(|| format!("cannot read {}", dir.display()))? {
        let name = entry?.file_name().to_string_lossy().into_owned();
        if name.ends_with(suffix) {
            found.push(name);
        }
    }
    match found.as_slice() {
        [one] => Ok(one.clone()),
        [] => bail!(
            "{}: no built app here (no *{suffix} file); build it with `./dev build`",
            dir.display()
        ),
        many => bail!(
            "{}: several apps here ({}); expected one",
            dir.display(),
            many.join(", ")
        ),
    }
}

/// Removes every element that starts with `open`, ends with the next
/// `close`, and whose text satisfies `matches`. HTML comments are kept as
/// they are, even when they mention a tag.
fn remove_elements(html: &str, open: &str, close: &str, matches: impl Fn(&str) -> bool) -> String {
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
        if !matches(&rest[start..end]) {
            out.push_str(&rest[start..end]);
        }
        rest = &rest[end..];
    }
    out.push_str(rest);
    out
}

fn remove_between(html: &str, start: &str, end: &str) -> String {
    match (html.find(start), html.find(end)) {
        (Some(s), Some(e)) if e > s => format!("{}{}", &html[..s], &html[e + end.len()..]),
        _ => html.to_string(),
    }
}

fn copy_dir(from: &Path, to: &Path) -> std::io::Result<()> {
    std::fs::create_dir_all(to)?;
    for entry in std::fs::read_dir(from)? {
        let entry = entry?;
        let target = to.join(entry.file_name());
        if entry.file_type()?.is_dir() {
            copy_dir(&entry.path(), &target)?;
        } else {
            std::fs::copy(entry.path(), target)?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    const TRUNK_HTML: &str = r#"<html><head><link rel="stylesheet" href="./style-1.css"/>
<!-- a comment that mentions <script src> and <link rel="modulepreload"> -->
<link rel="modulepreload" href="./app-1.js" crossorigin="anonymous">
<link rel="preload" href="./app-1_bg.wasm" crossorigin="anonymous" as="fetch" type="application/wasm"></head>
<body><script type="module">import init from './app-1.js'; await init('./app-1_bg.wasm');</script></body></html>"#;

    fn trunk_output() -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("index.html"), TRUNK_HTML).unwrap();
        std::fs::write(dir.path().join("app-1.js"), "var wasm_bindgen;").unwrap();
        std::fs::write(dir.path().join("app-1_bg.wasm"), b"\0asm\x01\0\0\0").unwrap();
        dir
    }

    #[test]
    fn packing_leaves_only_classic_scripts_and_is_idempotent() {
        let dir = trunk_output();
        pack_for_file_urls(dir.path()).unwrap();
        let once = std::fs::read_to_string(dir.path().join("index.html")).unwrap();
        assert!(!once.contains("type=\"module\""), "{once}");
        assert!(!once.contains(r#"<link rel="modulepreload" href"#));
        assert!(!once.contains(r#"<link rel="preload""#));
        assert!(once.contains(
            r#"<script src="./app-1.js"></script><script src="./app-1_bg.wasm.js"></script>"#
        ));
        assert!(once.contains(r#"href="./style-1.css""#));
        assert!(once.contains(
            r#"<!-- a comment that mentions <script src> and <link rel="modulepreload"> -->"#
        ));
        pack_for_file_urls(dir.path()).unwrap();
        assert_eq!(
            std::fs::read_to_string(dir.path().join("index.html")).unwrap(),
            once
        );
        let wasm_js = std::fs::read_to_string(dir.path().join("app-1_bg.wasm.js")).unwrap();
        assert_eq!(wasm_js, "window.__dossierWasm = \"AGFzbQEAAAA=\";\n");
    }

    #[test]
    fn corpus_script_is_a_js_string_that_cannot_close_a_script_tag() {
        let article = dossier_core::Article {
            id: "a".into(),
            headline: "</script><img src=x onerror=alert(1)>".into(),
            ..Default::default()
        };
        let script = corpus_script(&Bundle::new("t".into(), vec![article]));
        assert!(!script.contains("</script>"));
        let literal = script
            .trim_start_matches("window.__dossierCorpus = ")
            .trim_end_matches(";\n");
        let json: String = serde_json::from_str(&literal.replace("<\\/", "</")).unwrap();
        assert_eq!(
            Bundle::from_json(&json).unwrap().articles[0].headline,
            "</script><img src=x onerror=alert(1)>"
        );
    }

    #[test]
    fn a_folder_without_an_app_is_a_clear_error() {
        let dir = tempfile::tempdir().unwrap();
        let err = pack_for_file_urls(dir.path()).unwrap_err();
        assert!(err.to_string().contains("no built app here"), "{err}");
    }
}
