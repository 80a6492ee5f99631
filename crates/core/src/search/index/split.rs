//! An index shipped in two parts: everything but word positions, loaded
//! when the page opens, and the positions, loaded only when a phrase needs
//! them.
//!
//! Positions are over half of an index's bytes (8.9 of 15.5 MB for 10,000
//! generated articles) and only `"exact phrase"` queries read them, so a
//! site that holds them back starts in well under half the time. Until they
//! are attached, a phrase matches the articles that contain all its words
//! and [`crate::search::SearchResults::phrases_pending`] says so; the page
//! loads the positions and searches again.
//!
//! Positions part layout: magic `b"DSRP"`, version u32 (little-endian),
//! then varints: article count, term count, postings byte length (together
//! they tie the part to its index), the offsets as deltas, the byte length
//! and the bytes.

use super::bytes::IndexFormatError;
use super::SearchIndex;
use crate::search::store::{read_varint, write_varint, Posting};

/// Starts every positions part.
pub const POSITIONS_MAGIC: &[u8; 4] = b"DSRP";
const POSITIONS_VERSION: u32 = 1;

impl SearchIndex {
    /// The index as two parts: the main part without word positions (read
    /// with [`SearchIndex::from_bytes`]) and the positions (for
    /// [`SearchIndex::attach_positions`]).
    pub fn to_split_bytes(&self) -> (Vec<u8>, Vec<u8>) {
        let mut main = self.clone();
        main.positions = Vec::new();
        main.positions_start = vec![0; self.terms.len() + 1];
        main.config.positions_separate = true;
        let mut part = Vec::with_capacity(self.positions.len() + 4 * self.terms.len() + 32);
        part.extend_from_slice(POSITIONS_MAGIC);
        part.extend_from_slice(&POSITIONS_VERSION.to_le_bytes());
        for n in [self.len(), self.terms.len(), self.postings.len()] {
            write_varint(&mut part, n as u32);
        }
        let mut last = 0;
        for &offset in &self.positions_start {
            write_varint(&mut part, offset - last);
            last = offset;
        }
        write_varint(&mut part, self.positions.len() as u32);
        part.extend_from_slice(&self.positions);
        (main.to_bytes(), part)
    }

    /// Whether word positions were shipped apart and have not been attached
    /// yet (phrases then match articles that contain all their words).
    pub fn positions_pending(&self) -> bool {
        self.config.positions_separate && self.positions.is_empty() && !self.postings.is_empty()
    }

    /// Attaches the positions part written by [`SearchIndex::to_split_bytes`]
    /// for this index; a part from another index, or a damaged one, is
    /// refused and leaves the index as it was.
    pub fn attach_positions(&mut self, bytes: &[u8]) -> Result<(), IndexFormatError> {
        let damaged = |what| Err(IndexFormatError::Damaged(what));
        if bytes.len() < 8 || &bytes[..4] != POSITIONS_MAGIC {
            return Err(IndexFormatError::NotAnIndex);
        }
        let version = u32::from_le_bytes([bytes[4], bytes[5], bytes[6], bytes[7]]);
        if version != POSITIONS_VERSION {
            return Err(IndexFormatError::Version(version));
        }
        let mut at = 8;
        let mut next = || {
            if at >= bytes.len() {
                None
            } else {
                Some(read_varint(bytes, &mut at) as usize)
            }
        };
        let (Some(articles), Some(terms), Some(postings)) = (next(), next(), next()) else {
            return damaged("positions cut short");
        };
        if (articles, terms, postings) != (self.len(), self.terms.len(), self.postings.len()) {
            return damaged("positions of another index");
        }
        let mut starts = Vec::with_capacity(terms + 1);
        let mut last = 0u32;
        for _ in 0..=terms {
            let Some(delta) = next() else {
                return damaged("positions cut short");
            };
            last = match last.checked_add(delta as u32) {
                Some(v) => v,
                None => return damaged("positions offsets"),
            };
            starts.push(last);
        }
        let Some(len) = next() else {
            return damaged("positions cut short");
        };
        if at + len != bytes.len() || starts[0] != 0 || starts[terms] as usize != len {
            return damaged("positions offsets");
        }
        self.positions_start = starts;
        self.positions = bytes[at..].to_vec();
        Ok(())
    }

    /// While positions are pending: the articles containing every word of
    /// a phrase, scored as if each word were searched.
    pub(in crate::search) fn all_words_matches(&self, ids: &[u32]) -> Vec<(u32, f32)> {
        let mut lists: Vec<Vec<Posting>> = ids
            .iter()
            .map(|&t| self.postings(t as usize).collect())
            .collect();
        lists.sort_by_key(Vec::len);
        let idf: Vec<f32> = lists.iter().map(|l| self.idf(l.len())).collect();
        let Some((first, rest)) = lists.split_first() else {
            return Vec::new();
        };
        let mut cursors = vec![0usize; rest.len()];
        let mut out = Vec::new();
        'docs: for p in first {
            let mut score = self.bm25f(p.doc, p.headline, p.body, idf[0]);
            for (j, list) in rest.iter().enumerate() {
                let c = &mut cursors[j];
                while *c < list.len() && list[*c].doc < p.doc {
                    *c += 1;
                }
                match list.get(*c) {
                    Some(q) if q.doc == p.doc => {
                        score += self.bm25f(q.doc, q.headline, q.body, idf[j + 1]);
                    }
                    Some(_) => continue 'docs,
                    None => break 'docs,
                }
            }
            out.push((p.doc, score));
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use crate::ingest::parse_plain_text;
    use crate::search::{Filters, SearchConfig, SearchIndex, SearchOptions};

    fn articles() -> Vec<crate::Article> {
        [
            "Ethnic cleansing\n\nReports of ethnic cleansing in the region.",
            "Cleansing rites\n\nAn ethnic festival with cleansing rites.",
            "Weather\n\nRain in Ankara.",
        ]
        .iter()
        .enumerate()
        .map(|(i, t)| parse_plain_text(&i.to_string(), "a.txt", t).unwrap())
        .collect()
    }

    fn ids(index: &SearchIndex, q: &str) -> (Vec<usize>, bool) {
        let r = index.search_text(
            &[],
            q,
            false,
            &Filters::default(),
            &SearchOptions::default(),
        );
        let mut ids: Vec<usize> = r.hits.iter().map(|h| h.article).collect();
        ids.sort();
        (ids, r.phrases_pending)
    }

    #[test]
    fn a_split_index_answers_phrases_once_its_positions_are_attached() {
        let whole = SearchIndex::build(&articles(), &SearchConfig::default());
        let (main, positions) = whole.to_split_bytes();
        assert!(positions.len() > 8, "the positions went to their own part");
        let mut index = SearchIndex::from_bytes(&main).unwrap();
        assert!(index.positions_pending());
        // Before: every article with both words, and the results say so.
        assert_eq!(ids(&index, "\"ethnic cleansing\""), (vec![0, 1], true));
        assert_eq!(ids(&index, "rain"), (vec![2], false));
        index.attach_positions(&positions).unwrap();
        assert!(!index.positions_pending());
        assert_eq!(ids(&index, "\"ethnic cleansing\""), (vec![0], false));
        assert_eq!(ids(&whole, "\"ethnic cleansing\""), (vec![0], false));
    }

    #[test]
    fn positions_of_another_index_or_damaged_are_refused() {
        let whole = SearchIndex::build(&articles(), &SearchConfig::default());
        let (main, positions) = whole.to_split_bytes();
        let other = SearchIndex::build(&articles()[..2], &SearchConfig::default());
        let (_, other_positions) = other.to_split_bytes();
        let mut index = SearchIndex::from_bytes(&main).unwrap();
        assert!(index.attach_positions(&other_positions).is_err());
        for cut in 0..positions.len() {
            assert!(
                index.attach_positions(&positions[..cut]).is_err(),
                "cut at {cut}"
            );
        }
        assert!(index.positions_pending());
        index.attach_positions(&positions).unwrap();
    }

    #[test]
    fn an_alias_that_is_a_phrase_does_not_wait_for_the_positions() {
        // Typing "cleansing" also searches the alias "ethnic cleansing", a
        // phrase: matched by its words until positions are there, without
        // asking for them (at 100k they are 118 MB, for a word typed).
        let config = SearchConfig {
            aliases: vec![vec![
                "cleansing".to_string(),
                "ethnic cleansing".to_string(),
            ]],
            ..Default::default()
        };
        let whole = SearchIndex::build(&articles(), &config);
        let (main, positions) = whole.to_split_bytes();
        let mut index = SearchIndex::from_bytes(&main).unwrap();
        assert_eq!(ids(&index, "cleansing"), (vec![0, 1], false));
        assert_eq!(ids(&index, "\"ethnic cleansing\""), (vec![0, 1], true));
        index.attach_positions(&positions).unwrap();
        assert_eq!(ids(&index, "cleansing"), (vec![0, 1], false));
    }
}
