//! The compact binary form of an index, to ship prebuilt in a bundle.
//!
//! Layout (all integers little-endian or LEB128 varints):
//!
//! ```text
//! magic   b"DSRX"
//! version u32 = FORMAT_VERSION
//! then, in order, each field of the index:
//!   string      varint byte length, UTF-8 bytes
//!   bytes       varint length, raw bytes
//!   u32 list    varint count, varint values
//!   offsets     varint count, varint deltas from the previous value
//!   f32 list    varint count, 4 bytes each
//!   i32 list    varint count, zig-zag varint deltas
//! config (JSON string), terms (string, offsets), postings (offsets, bytes),
//! positions (offsets, bytes), stem languages (count, strings), stems
//! (string, offsets), stem df (u32s), stem terms (offsets, u32s),
//! headline and body lengths (u32s), average lengths (f32s), date start and
//! end (i32s), precision (bytes), outlet/author/language/entity columns
//! (count, names, offsets, u32s), norms (f32s).
//! ```
//!
//! Reading checks every length, offset and posting, so a damaged or foreign
//! file gives an error, never a panic.

use super::super::store::{read_varint, write_varint, Column, Dictionary};
use super::{SearchConfig, SearchIndex};

/// The first four bytes of a binary index.
pub const MAGIC: &[u8; 4] = b"DSRX";
/// The version of the binary layout; bumped on any change.
pub const FORMAT_VERSION: u32 = 1;

/// Why bytes could not be read as an index.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum IndexFormatError {
    /// The bytes do not start with [`MAGIC`].
    #[error("not a Dossier search index")]
    NotAnIndex,
    /// Written by another version of the layout.
    #[error("search index format version {0} is not supported (expected {FORMAT_VERSION})")]
    Version(u32),
    /// Cut short or inconsistent.
    #[error("damaged search index: {0}")]
    Damaged(&'static str),
}

type Result<T> = std::result::Result<T, IndexFormatError>;

fn damaged<T>(what: &'static str) -> Result<T> {
    Err(IndexFormatError::Damaged(what))
}

struct Writer(Vec<u8>);

impl Writer {
    fn len(&mut self, n: usize) {
        write_varint(&mut self.0, n as u32);
    }
    fn bytes(&mut self, b: &[u8]) {
        self.len(b.len());
        self.0.extend_from_slice(b);
    }
    fn u32s(&mut self, v: &[u32]) {
        self.len(v.len());
        for &x in v {
            write_varint(&mut self.0, x);
        }
    }
    fn offsets(&mut self, v: &[u32]) {
        self.len(v.len());
        let mut last = 0;
        for &x in v {
            write_varint(&mut self.0, x.wrapping_sub(last));
            last = x;
        }
    }
    fn f32s(&mut self, v: &[f32]) {
        self.len(v.len());
        for &x in v {
            self.0.extend_from_slice(&x.to_le_bytes());
        }
    }
    fn i32s(&mut self, v: &[i32]) {
        self.len(v.len());
        let mut last = 0i32;
        for &x in v {
            let d = x.wrapping_sub(last);
            write_varint(&mut self.0, ((d << 1) ^ (d >> 31)) as u32);
            last = x;
        }
    }
    fn dictionary(&mut self, d: &Dictionary) {
        self.bytes(d.text.as_bytes());
        self.offsets(&d.ends);
    }
    fn column(&mut self, c: &Column) {
        self.len(c.names.len());
        for n in &c.names {
            self.bytes(n.as_bytes());
        }
        self.offsets(&c.starts);
        self.u32s(&c.ids);
    }
}

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    fn varint(&mut self) -> Result<u32> {
        if self.at >= self.bytes.len() {
            return damaged("cut short");
        }
        Ok(read_varint(self.bytes, &mut self.at))
    }
    /// A count, checked against what is left (each item takes a byte or more).
    fn len(&mut self, min_item_bytes: usize) -> Result<usize> {
        let n = self.varint()? as usize;
        if n.saturating_mul(min_item_bytes) > self.bytes.len() - self.at {
            return damaged("a length runs past the end");
        }
        Ok(n)
    }
    fn bytes(&mut self) -> Result<&'a [u8]> {
        let n = self.len(1)?;
        let out = &self.bytes[self.at..self.at + n];
        self.at += n;
        Ok(out)
    }
    fn string(&mut self) -> Result<String> {
        match std::str::from_utf8(self.bytes()?) {
            Ok(s) => Ok(s.to_string()),
            Err(_) => damaged("text is not UTF-8"),
        }
    }
    fn u32s(&mut self) -> Result<Vec<u32>> {
        let n = self.len(1)?;
        (0..n).map(|_| self.varint()).collect()
    }
    fn offsets(&mut self) -> Result<Vec<u32>> {
        let n = self.len(1)?;
        let mut last = 0u32;
        (0..n)
            .map(|_| {
                last = match last.checked_add(self.varint()?) {
                    Some(v) => v,
                    None => return damaged("offset overflow"),
                };
                Ok(last)
            })
            .collect()
    }
    fn f32s(&mut self) -> Result<Vec<f32>> {
        let n = self.len(4)?;
        let out = self.bytes[self.at..self.at + 4 * n]
            .chunks_exact(4)
            .map(|c| f32::from_le_bytes([c[0], c[1], c[2], c[3]]))
            .collect();
        self.at += 4 * n;
        Ok(out)
    }
    fn i32s(&mut self) -> Result<Vec<i32>> {
        let n = self.len(1)?;
        let mut last = 0i32;
        (0..n)
            .map(|_| {
                let z = self.varint()?;
                let d = ((z >> 1) as i32) ^ -((z & 1) as i32);
                last = last.wrapping_add(d);
                Ok(last)
            })
            .collect()
    }
    fn dictionary(&mut self) -> Result<Dictionary> {
        let text = self.string()?;
        let ends = self.offsets()?;
        if ends.last().is_some_and(|&e| e as usize != text.len())
            || (ends.is_empty() && !text.is_empty())
            || ends.iter().any(|&e| !text.is_char_boundary(e as usize))
        {
            return damaged("dictionary offsets");
        }
        Ok(Dictionary { text, ends })
    }
    fn column(&mut self, n: usize) -> Result<Column> {
        let count = self.len(1)?;
        let names = (0..count)
            .map(|_| self.string())
            .collect::<Result<Vec<_>>>()?;
        let starts = self.offsets()?;
        let ids = self.u32s()?;
        if starts.len() != n + 1
            || starts.first() != Some(&0)
            || starts.last().map(|&s| s as usize) != Some(ids.len())
            || ids.iter().any(|&i| i as usize >= names.len())
        {
            return damaged("column");
        }
        Ok(Column { names, starts, ids })
    }
}

/// Checks that offsets start at 0, never decrease and end at `len`.
fn check_offsets(offsets: &[u32], count: usize, len: usize, what: &'static str) -> Result<()> {
    if offsets.len() != count + 1
        || offsets[0] != 0
        || offsets.windows(2).any(|w| w[0] > w[1])
        || offsets[count] as usize != len
    {
        return damaged(what);
    }
    Ok(())
}

impl SearchIndex {
    /// The index in the compact binary form described in the module
    /// documentation (smaller and faster to load than JSON).
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut w = Writer(Vec::with_capacity(
            self.postings.len() + self.positions.len() + 1024,
        ));
        w.0.extend_from_slice(MAGIC);
        w.0.extend_from_slice(&FORMAT_VERSION.to_le_bytes());
        w.bytes(
            serde_json::to_string(&self.config)
                .unwrap_or_default()
                .as_bytes(),
        );
        w.dictionary(&self.terms);
        w.offsets(&self.postings_start);
        w.bytes(&self.postings);
        w.offsets(&self.positions_start);
        w.bytes(&self.positions);
        w.len(self.stem_languages.len());
        for l in &self.stem_languages {
            w.bytes(l.as_bytes());
        }
        w.dictionary(&self.stems);
        w.u32s(&self.stem_df);
        w.offsets(&self.stem_terms_start);
        w.u32s(&self.stem_terms);
        w.u32s(&self.headline_len);
        w.u32s(&self.body_len);
        w.f32s(&[self.avg_headline_len, self.avg_body_len]);
        w.i32s(&self.date_start);
        w.i32s(&self.date_end);
        w.bytes(&self.precision);
        for c in [
            &self.outlets,
            &self.authors,
            &self.languages,
            &self.entities,
        ] {
            w.column(c);
        }
        w.f32s(&self.norms);
        w.0
    }

    /// Reads an index written by [`SearchIndex::to_bytes`].
    pub fn from_bytes(bytes: &[u8]) -> std::result::Result<SearchIndex, IndexFormatError> {
        if bytes.len() < 8 || &bytes[..4] != MAGIC {
            return Err(IndexFormatError::NotAnIndex);
        }
        let version = u32::from_le_bytes([bytes[4], bytes[5], bytes[6], bytes[7]]);
        if version != FORMAT_VERSION {
            return Err(IndexFormatError::Version(version));
        }
        let mut r = Reader { bytes, at: 8 };
        let config: SearchConfig = match serde_json::from_slice(r.bytes()?) {
            Ok(c) => c,
            Err(_) => return damaged("settings"),
        };
        let terms = r.dictionary()?;
        let postings_start = r.offsets()?;
        let postings = r.bytes()?.to_vec();
        let positions_start = r.offsets()?;
        let positions = r.bytes()?.to_vec();
        let languages = r.len(1)?;
        let stem_languages = (0..languages)
            .map(|_| r.string())
            .collect::<Result<Vec<_>>>()?;
        let stems = r.dictionary()?;
        let stem_df = r.u32s()?;
        let stem_terms_start = r.offsets()?;
        let stem_terms = r.u32s()?;
        let headline_len = r.u32s()?;
        let body_len = r.u32s()?;
        let averages = r.f32s()?;
        let date_start = r.i32s()?;
        let date_end = r.i32s()?;
        let precision = r.bytes()?.to_vec();
        let n = headline_len.len();
        let outlets = r.column(n)?;
        let authors = r.column(n)?;
        let languages = r.column(n)?;
        let entities = r.column(n)?;
        let norms = r.f32s()?;
        if r.at != bytes.len() {
            return damaged("trailing bytes");
        }
        if averages.len() != 2
            || [
                body_len.len(),
                date_start.len(),
                date_end.len(),
                norms.len(),
            ]
            .iter()
            .any(|&l| l != n)
            || precision.len() != n
            || precision.iter().any(|&p| p > 3)
            || stem_df.len() != stems.len()
            || stem_terms.iter().any(|&t| t as usize >= terms.len())
        {
            return damaged("per-article columns");
        }
        check_offsets(&postings_start, terms.len(), postings.len(), "postings")?;
        check_offsets(&positions_start, terms.len(), positions.len(), "positions")?;
        check_offsets(&stem_terms_start, stems.len(), stem_terms.len(), "stems")?;
        let index = SearchIndex {
            config,
            terms,
            postings_start,
            postings,
            positions_start,
            positions,
            stem_languages,
            stems,
            stem_df,
            stem_terms_start,
            stem_terms,
            headline_len,
            body_len,
            avg_headline_len: averages[0],
            avg_body_len: averages[1],
            date_start,
            date_end,
            precision,
            outlets,
            authors,
            languages,
            entities,
            norms,
            derived: Default::default(),
        };
        for t in 0..index.terms.len() {
            let mut last: Option<u32> = None;
            for p in index.postings(t) {
                if p.doc as usize >= n || last.is_some_and(|l| p.doc <= l) {
                    return damaged("a posting names no article");
                }
                last = Some(p.doc);
            }
        }
        Ok(index)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Article, Fact, Paragraph, Provenance};
    use crate::PartialDate;

    fn index() -> SearchIndex {
        let articles = [
            Article {
                id: "a".into(),
                headline: "Şuşa talks".into(),
                paragraphs: vec![Paragraph::body("Erdoğan met Aliyev in Baku.")],
                outlet: Some(Fact::new("Alpha".to_string(), Provenance::Text)),
                published: Some(Fact::new(PartialDate::year(2021), Provenance::Text)),
                ..Default::default()
            },
            Article {
                id: "b".into(),
                headline: "Baku".into(),
                paragraphs: vec![Paragraph::body("Aliyev spoke.")],
                ..Default::default()
            },
        ];
        SearchIndex::build(&articles, &SearchConfig::default())
    }

    #[test]
    fn bytes_round_trip() {
        let index = index();
        let bytes = index.to_bytes();
        assert_eq!(&bytes[..4], MAGIC);
        assert_eq!(SearchIndex::from_bytes(&bytes).unwrap(), index);
        let empty = SearchIndex::build(&[], &SearchConfig::default());
        assert_eq!(SearchIndex::from_bytes(&empty.to_bytes()).unwrap(), empty);
    }

    #[test]
    fn foreign_or_damaged_bytes_are_errors_not_panics() {
        assert_eq!(
            SearchIndex::from_bytes(b"nope"),
            Err(IndexFormatError::NotAnIndex)
        );
        let mut bytes = index().to_bytes();
        bytes[4] = 9;
        assert_eq!(
            SearchIndex::from_bytes(&bytes),
            Err(IndexFormatError::Version(9))
        );
        let bytes = index().to_bytes();
        for cut in 0..bytes.len() {
            assert!(SearchIndex::from_bytes(&bytes[..cut]).is_err());
        }
        for i in 8..bytes.len() {
            let mut b = bytes.clone();
            b[i] ^= 0x5a;
            let _ = SearchIndex::from_bytes(&b);
        }
    }
}
