//! The big data scripts of a folder site (`data/corpus.js`, `index.js`,
//! `positions.js`) written straight to disk as they are encoded, and
//! hashed on the way, rather than assembled in memory first: at 100,000
//! articles they are 35, 72 and 113 MB, and their in-memory copies were
//! the peak of a whole build.
//!
//! The bytes are exactly those of [`super::corpus_script`] and of the
//! base64 scripts `Site::add_data` makes (the tests check both).

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::Path;

use anyhow::{Context, Result};
use base64::write::EncoderWriter;
use dossier_core::SiteInfo;
use sha2::{Digest, Sha256};

use super::hex;

/// Writes to a file and hashes what it writes.
struct Hashing {
    out: BufWriter<File>,
    hash: Sha256,
}

impl Write for Hashing {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let n = self.out.write(buf)?;
        self.hash.update(&buf[..n]);
        Ok(n)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.out.flush()
    }
}

/// Writes `write`'s output to `path` and returns its SHA-256 (hex).
fn hashed_file(
    path: &Path,
    write: impl FnOnce(&mut Hashing) -> std::io::Result<()>,
) -> Result<String> {
    let file = File::create(path).with_context(|| format!("cannot write {}", path.display()))?;
    let mut out = Hashing {
        out: BufWriter::with_capacity(1 << 16, file),
        hash: Sha256::new(),
    };
    write(&mut out)
        .and_then(|()| out.flush())
        .with_context(|| format!("cannot write {}", path.display()))?;
    Ok(hex(&out.hash.finalize()))
}

/// `window.GLOBAL = "<base64 of bytes>";` at `path`; returns its hash.
pub fn base64_script(path: &Path, global: &str, bytes: &[u8]) -> Result<String> {
    hashed_file(path, |out| {
        write!(out, "window.{global} = \"")?;
        let mut encoder = EncoderWriter::new(out, &base64::engine::general_purpose::STANDARD);
        encoder.write_all(bytes)?;
        encoder.finish()?.write_all(b"\";\n")
    })
}

/// [`super::corpus_script`] of the catalog's JSON at `path`; returns its hash.
pub fn corpus_script(path: &Path, catalog_json: &[u8], info: &SiteInfo) -> Result<String> {
    let info_json = serde_json::to_vec(info).expect("site info serialises");
    hashed_file(path, |out| {
        out.write_all(b"window.__dossierCorpus64 = \"")?;
        {
            let mut encoder =
                EncoderWriter::new(&mut *out, &base64::engine::general_purpose::STANDARD);
            encoder.write_all(catalog_json)?;
            encoder.finish()?;
        }
        out.write_all(b"\";\nwindow.__dossierSite = ")?;
        js_string(out, &info_json)?;
        out.write_all(b";\n")
    })
}

/// `text` (UTF-8) as a JSON string literal, escaped exactly as `serde_json`
/// escapes a string, with every `</` written `<\/` so it cannot end an
/// inline `<script>`.
fn js_string(out: &mut impl Write, text: &[u8]) -> std::io::Result<()> {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    out.write_all(b"\"")?;
    let mut start = 0;
    for (i, &byte) in text.iter().enumerate() {
        let escaped: &[u8] = match byte {
            b'"' => b"\\\"",
            b'\\' => b"\\\\",
            b'\x08' => b"\\b",
            b'\x0c' => b"\\f",
            b'\n' => b"\\n",
            b'\r' => b"\\r",
            b'\t' => b"\\t",
            0..=0x1f => &[
                b'\\',
                b'u',
                b'0',
                b'0',
                HEX[(byte >> 4) as usize],
                HEX[(byte & 0xf) as usize],
            ],
            b'/' if i > 0 && text[i - 1] == b'<' => b"\\/",
            _ => continue,
        };
        out.write_all(&text[start..i])?;
        out.write_all(escaped)?;
        start = i + 1;
    }
    out.write_all(&text[start..])?;
    out.write_all(b"\"")
}

#[cfg(test)]
mod tests {
    use super::*;
    use base64::Engine as _;

    #[test]
    fn the_streamed_scripts_are_the_in_memory_ones() {
        let dir = tempfile::tempdir().unwrap();
        let mut text: String = (0u8..0x80).map(char::from).collect();
        text.push_str("</script> <\\/ \u{e9}\u{2028}\u{1F600} \"</\" <<//");
        let catalog = serde_json::to_string(&text).unwrap();
        let info = SiteInfo {
            title: "A </title>".into(),
            ..Default::default()
        };
        let path = dir.path().join("corpus.js");
        let hash = corpus_script(&path, catalog.as_bytes(), &info).unwrap();
        let expected = crate::site::corpus_script(&catalog, &info);
        assert_eq!(std::fs::read_to_string(&path).unwrap(), expected);
        assert_eq!(hash, hex(&Sha256::digest(expected.as_bytes())));

        for len in [0, 1, 2, 3, 1000, 70_001] {
            let bytes: Vec<u8> = (0..len).map(|i| (i * 7 % 256) as u8).collect();
            let path = dir.path().join("index.js");
            let hash = base64_script(&path, "__dossierIndex", &bytes).unwrap();
            let expected = format!(
                "window.__dossierIndex = \"{}\";\n",
                base64::engine::general_purpose::STANDARD.encode(&bytes)
            );
            assert_eq!(std::fs::read_to_string(&path).unwrap(), expected);
            assert_eq!(hash, hex(&Sha256::digest(expected.as_bytes())));
        }
    }
}
