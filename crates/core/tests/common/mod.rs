//! What several integration tests share: the five seed articles, ingested
//! with their manifest and the shipped gazetteer as `dossier build` does.

use std::path::{Path, PathBuf};

use dossier_core::entities::Gazetteer;
use dossier_core::ingest::Ingester;
use dossier_core::manifest::Manifest;
use dossier_core::Article;

/// The seed corpus folder.
fn corpus() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../corpus/articles")
}

/// The five seeds, in file order.
pub fn seeds() -> Vec<Article> {
    let dir = corpus();
    let manifest =
        Manifest::from_toml(&std::fs::read_to_string(dir.join("dossier.toml")).unwrap()).unwrap();
    let gazetteer = Gazetteer::default();
    let ingester = Ingester::new(&manifest, &gazetteer);
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    files
        .iter()
        .map(|path| {
            let stem = path.file_stem().unwrap().to_str().unwrap();
            let name = path.file_name().unwrap().to_str().unwrap();
            let mut results = ingester.file(stem, name, &std::fs::read(path).unwrap());
            assert_eq!(results.len(), 1);
            results.remove(0).unwrap()
        })
        .collect()
}
