//! Storage primitives of the index: a sorted string dictionary, multi-valued
//! columns, and varint-encoded postings (documents and positions in
//! separate streams, so plain word queries never decode positions).

use std::ops::Range;

use serde::{Deserialize, Serialize};

/// A sorted list of strings stored as one string plus end offsets.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct Dictionary {
    pub(crate) text: String,
    pub(crate) ends: Vec<u32>,
}

impl Dictionary {
    pub(crate) fn from_sorted(words: &[&str]) -> Self {
        let mut dict = Dictionary::default();
        for w in words {
            dict.text.push_str(w);
            dict.ends.push(dict.text.len() as u32);
        }
        dict
    }

    pub(crate) fn len(&self) -> usize {
        self.ends.len()
    }

    pub(crate) fn get(&self, i: usize) -> &str {
        let start = if i == 0 { 0 } else { self.ends[i - 1] as usize };
        &self.text[start..self.ends[i] as usize]
    }

    pub(crate) fn find(&self, word: &str) -> Option<usize> {
        let (mut lo, mut hi) = (0, self.len());
        while lo < hi {
            let mid = (lo + hi) / 2;
            match self.get(mid).cmp(word) {
                std::cmp::Ordering::Less => lo = mid + 1,
                std::cmp::Ordering::Greater => hi = mid,
                std::cmp::Ordering::Equal => return Some(mid),
            }
        }
        None
    }

    /// The ids of all words starting with `prefix`.
    pub(crate) fn prefix_range(&self, prefix: &str) -> Range<usize> {
        let lower = self.partition(|w| w < prefix);
        let upper = self.partition(|w| w < prefix || w.starts_with(prefix));
        lower..upper
    }

    pub(crate) fn partition(&self, pred: impl Fn(&str) -> bool) -> usize {
        let (mut lo, mut hi) = (0, self.len());
        while lo < hi {
            let mid = (lo + hi) / 2;
            if pred(self.get(mid)) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        lo
    }
}

/// A multi-valued column: names (sorted) and each article's name ids.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct Column {
    pub(crate) names: Vec<String>,
    pub(crate) starts: Vec<u32>,
    pub(crate) ids: Vec<u32>,
}

impl Column {
    pub(crate) fn build<'a>(values: impl Iterator<Item = Vec<&'a str>> + Clone) -> Self {
        let mut names: Vec<String> = values.clone().flatten().map(str::to_string).collect();
        names.sort();
        names.dedup();
        let mut column = Column {
            names,
            starts: vec![0],
            ids: Vec::new(),
        };
        for article_values in values {
            let mut ids: Vec<u32> = article_values
                .iter()
                .filter_map(|v| column.names.binary_search_by(|n| n.as_str().cmp(v)).ok())
                .map(|i| i as u32)
                .collect();
            ids.sort_unstable();
            ids.dedup();
            column.ids.extend(ids);
            column.starts.push(column.ids.len() as u32);
        }
        column
    }

    /// The name ids of an article.
    pub(crate) fn of(&self, doc: usize) -> &[u32] {
        &self.ids[self.starts[doc] as usize..self.starts[doc + 1] as usize]
    }
}

pub(crate) fn write_varint(out: &mut Vec<u8>, mut v: u32) {
    while v >= 0x80 {
        out.push((v as u8) | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

#[inline]
pub(crate) fn read_varint(bytes: &[u8], at: &mut usize) -> u32 {
    if let Some(&b) = bytes.get(*at) {
        if b < 0x80 {
            *at += 1;
            return u32::from(b);
        }
    }
    let mut v = 0u32;
    let mut shift = 0;
    while let Some(&b) = bytes.get(*at) {
        *at += 1;
        v |= u32::from(b & 0x7f) << shift;
        if b < 0x80 || shift >= 28 {
            break;
        }
        shift += 7;
    }
    v
}

/// Appends one article's entry to a term's document stream: the article
/// delta shifted left once, the low bit set for the common case of one body
/// occurrence and none in the headline; otherwise the two counts follow.
pub(crate) fn write_posting(out: &mut Vec<u8>, delta: u32, headline: u32, body: u32) {
    if headline == 0 && body == 1 {
        write_varint(out, (delta << 1) | 1);
    } else {
        write_varint(out, delta << 1);
        write_varint(out, headline);
        write_varint(out, body);
    }
}

/// One article's entry in a term's postings.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Posting {
    pub(crate) doc: u32,
    pub(crate) headline: u32,
    pub(crate) body: u32,
}

/// Iterates a term's document stream in article order (no positions).
pub(crate) struct Postings<'a> {
    pub(crate) bytes: &'a [u8],
    pub(crate) at: usize,
    pub(crate) doc: u32,
}

impl Iterator for Postings<'_> {
    type Item = Posting;
    #[inline]
    fn next(&mut self) -> Option<Posting> {
        if self.at >= self.bytes.len() {
            return None;
        }
        let head = read_varint(self.bytes, &mut self.at);
        self.doc = self.doc.wrapping_add(head >> 1);
        let (headline, body) = if head & 1 == 1 {
            (0, 1)
        } else {
            (
                read_varint(self.bytes, &mut self.at),
                read_varint(self.bytes, &mut self.at),
            )
        };
        Some(Posting {
            doc: self.doc,
            headline,
            body,
        })
    }
}

/// Walks a term's position stream alongside its postings: each posting has
/// `headline + body` position deltas (the first from 0).
pub(crate) struct Positions<'a> {
    pub(crate) bytes: &'a [u8],
    pub(crate) at: usize,
}

impl Positions<'_> {
    /// Skips the positions of one posting with `count` occurrences.
    pub(crate) fn skip(&mut self, count: u32) {
        let mut left = count;
        while left > 0 && self.at < self.bytes.len() {
            if self.bytes[self.at] < 0x80 {
                left -= 1;
            }
            self.at += 1;
        }
    }

    /// Reads the positions of one posting with `count` occurrences into
    /// `out` (cleared first).
    pub(crate) fn read(&mut self, count: u32, out: &mut Vec<u32>) {
        out.clear();
        let mut pos = 0u32;
        for _ in 0..count {
            if self.at >= self.bytes.len() {
                break;
            }
            pos = pos.wrapping_add(read_varint(self.bytes, &mut self.at));
            out.push(pos);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn varints_round_trip() {
        let values = [0, 1, 127, 128, 300, 16_383, 16_384, u32::MAX];
        let mut bytes = Vec::new();
        for &v in &values {
            write_varint(&mut bytes, v);
        }
        let mut at = 0;
        let read: Vec<u32> = values
            .iter()
            .map(|_| read_varint(&bytes, &mut at))
            .collect();
        assert_eq!(read, values);
        assert_eq!(at, bytes.len());
    }

    #[test]
    fn reading_a_truncated_varint_stops_at_the_end() {
        let mut at = 0;
        assert_eq!(read_varint(&[0x80, 0x80], &mut at), 0);
        assert_eq!(at, 2);
    }

    #[test]
    fn dictionary_finds_words_and_prefixes() {
        let dict = Dictionary::from_sorted(&["baku", "karabakh", "karabakhi", "karachi", "lachin"]);
        assert_eq!(dict.find("karachi"), Some(3));
        assert_eq!(dict.find("kara"), None);
        assert_eq!(dict.prefix_range("karab"), 1..3);
        assert_eq!(dict.prefix_range("z"), 5..5);
        assert_eq!(dict.prefix_range(""), 0..5);
    }

    #[test]
    fn columns_are_sorted_and_shared() {
        let column = Column::build([vec!["b"], vec![], vec!["a", "b"]].into_iter());
        assert_eq!(column.names, ["a", "b"]);
        assert_eq!(column.of(0), [1]);
        assert!(column.of(1).is_empty());
        assert_eq!(column.of(2), [0, 1]);
    }
}
