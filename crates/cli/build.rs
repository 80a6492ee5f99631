//! Embeds a built explorer app into the `dossier` binary when the
//! environment variable `DOSSIER_APP_DIR` names one (Trunk's `dist/`), so
//! `dossier build` needs nothing but the binary. Without it the binary
//! carries no app and `dossier build` asks for `--app DIR`. `./dev cli`
//! builds the app first and then the binary with it.

use std::path::Path;

fn main() {
    println!("cargo:rerun-if-env-changed=DOSSIER_APP_DIR");
    let out =
        Path::new(&std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("app_template.rs");
    let mut entries = String::new();
    if let Some(dir) = std::env::var_os("DOSSIER_APP_DIR").filter(|d| !d.is_empty()) {
        let dir = Path::new(&dir)
            .canonicalize()
            .unwrap_or_else(|e| panic!("DOSSIER_APP_DIR={}: {e}", dir.to_string_lossy()));
        println!("cargo:rerun-if-changed={}", dir.display());
        let mut files: Vec<_> = std::fs::read_dir(&dir)
            .expect("DOSSIER_APP_DIR is readable")
            .map(|e| e.expect("a readable entry").path())
            // The app is the top-level files; data/ and the file list belong to one dossier.
            .filter(|p| p.is_file() && p.file_name().is_some_and(|n| n != "SHA256SUMS"))
            .collect();
        files.sort();
        for path in files {
            println!("cargo:rerun-if-changed={}", path.display());
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            entries.push_str(&format!(
                "    ({name:?}, include_bytes!({:?})),\n",
                path.display().to_string()
            ));
        }
    }
    std::fs::write(
        out,
        format!("pub const APP_FILES: &[(&str, &[u8])] = &[\n{entries}];\n"),
    )
    .expect("OUT_DIR is writable");
}
