//! The spill file: each ingested article's JSON, written once as files are
//! read and read back one article at a time, so a run's memory does not
//! grow with the corpus (at 100,000 articles the articles are a gigabyte or
//! more; what stays in memory is a few hundred bytes each).
//!
//! It lives next to the output (the same disk as what is being written, and
//! not a small `/tmp`) under a hidden name, and is removed when dropped; on
//! Unix its name is removed at once, so even a killed run leaves nothing.

use std::fs::File;
use std::io::{BufWriter, Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use anyhow::{Context, Result};

/// Articles being written to the spill file.
pub struct SpillWriter {
    /// `None` once finished.
    out: Option<BufWriter<File>>,
    path: PathBuf,
    end: u64,
    places: Vec<(u64, u32)>,
}

/// A finished spill file: article `i`'s JSON by its number.
pub struct Spill {
    file: Mutex<File>,
    path: PathBuf,
    places: Vec<(u64, u32)>,
}

impl SpillWriter {
    /// A new, empty spill file in `dir`.
    pub fn create(dir: &Path) -> Result<SpillWriter> {
        std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
        let stamp = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos());
        let path = dir.join(format!(".dossier-spill-{}-{stamp}.tmp", std::process::id()));
        let file = File::options()
            .read(true)
            .write(true)
            .create_new(true)
            .open(&path)
            .with_context(|| format!("cannot create the temporary file {}", path.display()))?;
        // The open handle keeps the data; the name is not needed any more.
        #[cfg(unix)]
        let _ = std::fs::remove_file(&path);
        Ok(SpillWriter {
            out: Some(BufWriter::with_capacity(1 << 20, file)),
            path,
            end: 0,
            places: Vec::new(),
        })
    }

    /// Appends one article's JSON; it is article number `len()` before the call.
    pub fn push(&mut self, json: &[u8]) -> Result<()> {
        self.out
            .as_mut()
            .expect("not finished")
            .write_all(json)
            .with_context(|| format!("cannot write the temporary file {}", self.path.display()))?;
        let len = u32::try_from(json.len()).context("an article over 4 GB")?;
        self.places.push((self.end, len));
        self.end += u64::from(len);
        Ok(())
    }

    /// Ends writing; the spill is ready to read.
    pub fn finish(mut self) -> Result<Spill> {
        let path = self.path.clone();
        let places = std::mem::take(&mut self.places);
        let file = self
            .out
            .take()
            .expect("finished once")
            .into_inner()
            .map_err(|e| e.into_error())
            .with_context(|| format!("cannot write the temporary file {}", path.display()))?;
        Ok(Spill {
            file: Mutex::new(file),
            path,
            places,
        })
    }
}

impl Spill {
    /// Article `i`'s JSON.
    pub fn read(&self, i: usize) -> Result<Vec<u8>> {
        let (start, len) = self.places[i];
        let mut bytes = vec![0; len as usize];
        let mut file = self.file.lock().unwrap_or_else(|e| e.into_inner());
        file.seek(SeekFrom::Start(start))
            .and_then(|_| file.read_exact(&mut bytes))
            .with_context(|| format!("cannot read the temporary file {}", self.path.display()))?;
        Ok(bytes)
    }

    /// Article `i`, read back.
    pub fn article(&self, i: usize) -> Result<dossier_core::Article> {
        Ok(serde_json::from_slice(&self.read(i)?)?)
    }
}

impl Drop for Spill {
    fn drop(&mut self) {
        // Already gone on Unix; elsewhere removed now.
        let _ = std::fs::remove_file(&self.path);
    }
}

impl Drop for SpillWriter {
    fn drop(&mut self) {
        // Only when writing stopped part way: a finished spill removes
        // its own file.
        if self.out.is_some() {
            let _ = std::fs::remove_file(&self.path);
        }
    }
}
