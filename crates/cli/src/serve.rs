//! `dossier serve`: a local preview of a site on 127.0.0.1. Sites need no
//! server (they open from disk); this is for checking one as a web host
//! would serve it.

use std::path::{Path, PathBuf};

use anyhow::{anyhow, Result};

/// Serves the files of `site` at http://127.0.0.1:`port`/ until stopped.
pub fn serve(site: &Path, port: u16) -> Result<()> {
    if !site.join("index.html").is_file() {
        return Err(anyhow!(
            "{} has no index.html: is it a site written by `dossier build`?",
            site.display()
        ));
    }
    let server = tiny_http::Server::http(("127.0.0.1", port))
        .map_err(|e| anyhow!("cannot listen on 127.0.0.1:{port}: {e}"))?;
    let port = server.server_addr().to_ip().map_or(port, |a| a.port());
    eprintln!(
        "serving {} at http://127.0.0.1:{port}/ (Ctrl-C to stop)",
        site.display()
    );
    for request in server.incoming_requests() {
        let response = match resolve(site, request.url())
            .and_then(|p| std::fs::read(&p).ok().map(|b| (p, b)))
        {
            Some((path, bytes)) => {
                let header = tiny_http::Header::from_bytes("Content-Type", content_type(&path))
                    .expect("a valid header");
                tiny_http::Response::from_data(bytes).with_header(header)
            }
            None => tiny_http::Response::from_data(b"not found".to_vec()).with_status_code(404),
        };
        let _ = request.respond(response);
    }
    Ok(())
}

/// The file a request URL names inside `site`, or `None` for anything that
/// would leave it.
fn resolve(site: &Path, url: &str) -> Option<PathBuf> {
    let path = url.split(['?', '#']).next().unwrap_or("");
    let path = percent_decode(path)?;
    let mut file = site.to_path_buf();
    for part in path.split('/').filter(|p| !p.is_empty()) {
        if part == ".." || part == "." || part.contains('\\') {
            return None;
        }
        file.push(part);
    }
    if file.is_dir() {
        file.push("index.html");
    }
    Some(file)
}

fn percent_decode(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = std::str::from_utf8(bytes.get(i + 1..i + 3)?).ok()?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

fn content_type(path: &Path) -> &'static str {
    match path.extension().and_then(|e| e.to_str()) {
        Some("html") => "text/html; charset=utf-8",
        Some("js") => "text/javascript; charset=utf-8",
        Some("css") => "text/css; charset=utf-8",
        Some("wasm") => "application/wasm",
        Some("json") => "application/json",
        Some("svg") => "image/svg+xml",
        _ => "application/octet-stream",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn resolves_files_and_folders_inside_the_site() {
        let site = tempfile::tempdir().unwrap();
        std::fs::create_dir(site.path().join("data")).unwrap();
        assert_eq!(
            resolve(site.path(), "/data/corpus.js?x=1"),
            Some(site.path().join("data/corpus.js"))
        );
        assert_eq!(
            resolve(site.path(), "/"),
            Some(site.path().join("index.html"))
        );
        assert_eq!(
            resolve(site.path(), "/a%20b.js"),
            Some(site.path().join("a b.js"))
        );
    }

    #[test]
    fn refuses_to_leave_the_site() {
        let site = tempfile::tempdir().unwrap();
        assert_eq!(resolve(site.path(), "/../etc/passwd"), None);
        assert_eq!(resolve(site.path(), "/%2e%2e/etc/passwd"), None);
        assert_eq!(resolve(site.path(), "/x%zz"), None);
    }
}
