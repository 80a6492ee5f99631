//! Duplicates: the same text saved twice, or printed by several outlets,
//! becomes one article that records every copy.
//!
//! Two articles are compared by their **body** paragraphs only (captions,
//! furniture and headlines differ between outlets reprinting a story),
//! normalised to lower-case words with punctuation and spacing dropped:
//!
//! - **identical**: the normalised bodies are equal (a 128-bit hash);
//! - **near-duplicates**: the Jaccard similarity of the two bodies' sets of
//!   5-word shingles is at least the manifest's `[duplicates] threshold`
//!   (default 0.9). Candidates come from MinHash signatures (one-permutation
//!   hashing, 128 bins) banded for locality-sensitive hashing, with the band
//!   width chosen so a pair at the threshold is a candidate with
//!   probability ≥ 0.999; every candidate is then checked with the exact
//!   Jaccard similarity, so a merge never rests on an estimate. Work and
//!   memory grow linearly with the corpus (a 512-byte signature per
//!   article).
//!
//! Bodies shorter than `min_words` (default 25) are never merged as
//! near-duplicates (a few shared words say little), and as identical only
//! when their headlines are the same words too: two copies of one short
//! wire item merge, two stories whose body is one boilerplate line ("Photo
//! gallery.") do not.
//!
//! **Which copy is kept** is decided the same way on every run: the
//! earliest published (in the bundle's date order, undated last), then the
//! smallest id. Going through the articles in that order, each one not yet
//! merged keeps every not-yet-merged article at or above the threshold
//! from it; so every merged copy is within the threshold of the article it
//! was merged into (no chains). The kept article lists the copies in
//! [`Article::duplicates`] with their outlet, date, URL and similarity.

use crate::manifest::DuplicateSettings;
use crate::model::{Article, Role};

mod plan;
pub use plan::{plan_merges, MergePlan};

/// Words per shingle.
pub const SHINGLE: usize = 5;
/// MinHash signature length (bins of the one-permutation hash).
const BINS: usize = 128;

/// What duplicate detection needs to know about one article: computed
/// once per article (the CLI does it on its worker threads), 548 bytes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Fingerprint {
    /// Hash of the normalised body; `None` for an empty body.
    exact: Option<u128>,
    /// Hash of the normalised headline: identical short bodies must share
    /// it to merge.
    headline: u64,
    /// Number of body words.
    words: usize,
    /// One-permutation MinHash signature of the shingle set (empty when
    /// the body has no words).
    signature: Box<[u32]>,
}

impl Fingerprint {
    /// The fingerprint of `article`'s body.
    pub fn of(article: &Article) -> Self {
        let tokens = body_tokens(article);
        if tokens.is_empty() {
            return Fingerprint {
                exact: None,
                headline: 0,
                words: 0,
                signature: Box::new([]),
            };
        }
        let mut a: u64 = 0xcbf2_9ce4_8422_2325;
        let mut b: u64 = 0x8422_2325_cbf2_9ce4;
        for &t in &tokens {
            a = mix(a ^ t);
            b = mix(b.rotate_left(17) ^ t.wrapping_mul(0x9E37_79B9_7F4A_7C15));
        }
        let mut bins = [u32::MAX; BINS];
        let mut filled = [false; BINS];
        for h in shingles(&tokens) {
            let bin = (h >> 57) as usize;
            bins[bin] = bins[bin].min(h as u32);
            filled[bin] = true;
        }
        // Rotation densification: an empty bin borrows the next filled
        // bin's value, offset by the distance, so short texts still get a
        // full signature that estimates Jaccard similarity.
        let mut signature = vec![0u32; BINS];
        for (i, slot) in signature.iter_mut().enumerate() {
            let mut d = 0;
            while !filled[(i + d) % BINS] {
                d += 1;
            }
            let v = bins[(i + d) % BINS];
            *slot = if d == 0 {
                v
            } else {
                v.wrapping_add((d as u32).wrapping_mul(0x9E37_79B9))
            };
        }
        let headline = words(&article.headline).fold(0x2545_f491_4f6c_dd1d, |h, t| mix(h ^ t));
        Fingerprint {
            exact: Some(u128::from(a) << 64 | u128::from(b)),
            headline,
            words: tokens.len(),
            signature: signature.into_boxed_slice(),
        }
    }

    /// Number of words in the body.
    pub fn words(&self) -> usize {
        self.words
    }
}

/// One merge, for the ingest report.
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub struct Merge {
    /// The article kept.
    pub kept: String,
    /// The file it was read from.
    pub kept_file: String,
    /// The article merged into it.
    pub merged: String,
    /// The file the merged article was read from.
    pub merged_file: String,
    /// Jaccard similarity of the bodies' shingles (1 when identical).
    pub similarity: f64,
    /// The normalised bodies are identical.
    pub exact: bool,
}

/// Finds the duplicates among `articles` (with their `fingerprints`, in
/// the same order), merges each into the copy that is kept, and returns
/// the merges in the order of the kept articles. The remaining articles
/// keep their relative order.
///
/// # Panics
///
/// If `fingerprints` is not as long as `articles`.
pub fn merge_duplicates(
    articles: &mut Vec<Article>,
    fingerprints: &[Fingerprint],
    settings: &DuplicateSettings,
) -> Vec<Merge> {
    let plan = {
        let all: &[Article] = articles;
        plan_merges(all, fingerprints, settings, |i| shingle_set(&all[i]))
    };
    let (copies, merges) = plan.take_copies(articles);
    for (i, list) in copies {
        articles[i].duplicates.extend(list);
    }
    let mut index = 0;
    articles.retain(|_| {
        let keep = plan.is_kept(index);
        index += 1;
        keep
    });
    merges
}

/// Earliest published first (undated last), then by id: the copy kept.
fn keep_order(a: &Article, b: &Article) -> std::cmp::Ordering {
    a.chronological(b)
        .then_with(|| a.source_file.cmp(&b.source_file))
}

/// Rows per LSH band: the widest band (fewest false candidates) that
/// still makes a pair at `threshold` a candidate with probability ≥ 0.999.
fn band_rows(threshold: f64) -> usize {
    for rows in [16, 8, 4, 2] {
        let bands = (BINS / rows) as i32;
        let hit = 1.0 - (1.0 - threshold.powi(rows as i32)).powi(bands);
        if hit >= 0.999 {
            return rows;
        }
    }
    1
}

fn round3(x: f64) -> f64 {
    (x * 1000.0).floor() / 1000.0
}

/// A 64-bit finaliser (from SplitMix64): spreads every input bit.
fn mix(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// FNV-1a of a word's lower-cased characters.
fn word_hash(word: &str) -> u64 {
    if word.is_ascii() {
        return ascii_word_hash(word.as_bytes());
    }
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for c in word.chars().flat_map(char::to_lowercase) {
        let mut buf = [0u8; 4];
        for &byte in c.encode_utf8(&mut buf).as_bytes() {
            h ^= u64::from(byte);
            h = h.wrapping_mul(0x0000_0100_0000_01b3);
        }
    }
    h
}

/// [`word_hash`] of an ASCII word, from its bytes.
fn ascii_word_hash(word: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &byte in word {
        h ^= u64::from(byte.to_ascii_lowercase());
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

/// The body's words (letters and digits), hashed, in order.
fn body_tokens(article: &Article) -> Vec<u64> {
    let mut out = Vec::new();
    for p in article.paragraphs.iter().filter(|p| p.role == Role::Body) {
        out.extend(words(&p.text));
    }
    out
}

/// A text's words (letters and digits), hashed, in order.
fn words(text: &str) -> Box<dyn Iterator<Item = u64> + '_> {
    if text.is_ascii() {
        // The same words, split on bytes: in ASCII the alphanumeric
        // characters are exactly the ASCII letters and digits.
        return Box::new(
            text.as_bytes()
                .split(|b| !b.is_ascii_alphanumeric())
                .filter(|w| !w.is_empty())
                .map(ascii_word_hash),
        );
    }
    Box::new(
        text.split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(word_hash),
    )
}

/// The hashes of the 5-word shingles (the whole text when shorter).
fn shingles(tokens: &[u64]) -> impl Iterator<Item = u64> + '_ {
    let width = SHINGLE.min(tokens.len()).max(1);
    tokens.windows(width).map(|w| {
        w.iter()
            .fold(0x51_7cc1_b727_220a_u64, |h, &t| mix(h.rotate_left(5) ^ t))
    })
}

/// The body's shingle set, sorted and without repeats: what a candidate
/// pair is checked by (see [`plan_merges`]).
pub fn shingle_set(article: &Article) -> Vec<u64> {
    let tokens = body_tokens(article);
    let mut set: Vec<u64> = shingles(&tokens).collect();
    set.sort_unstable();
    set.dedup();
    set
}

/// Jaccard similarity of two sorted sets.
fn jaccard(a: &[u64], b: &[u64]) -> f64 {
    if a.is_empty() && b.is_empty() {
        return 1.0;
    }
    let (mut i, mut j, mut common) = (0, 0, 0usize);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                common += 1;
                i += 1;
                j += 1;
            }
        }
    }
    common as f64 / (a.len() + b.len() - common) as f64
}

/// Fingerprints of every article, in order.
pub fn fingerprints(articles: &[Article]) -> Vec<Fingerprint> {
    articles.iter().map(Fingerprint::of).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::parse_plain_text;

    fn merged(files: &[(&str, &str)]) -> (Vec<Article>, Vec<Merge>) {
        let mut articles: Vec<Article> = files
            .iter()
            .map(|(id, text)| parse_plain_text(id, &format!("{id}.txt"), text).unwrap())
            .collect();
        let prints = fingerprints(&articles);
        let merges = merge_duplicates(&mut articles, &prints, &DuplicateSettings::default());
        (articles, merges)
    }

    /// QA: two byte-identical two-line wire items were both kept.
    #[test]
    fn identical_short_articles_merge() {
        let item = "Short identical wire item\nAliyev met Erdogan in Ankara on Monday.\n";
        // The second copy as another outlet's CMS saved it: other spacing.
        let respaced = "Short identical  wire item\n\nAliyev met Erdogan\tin Ankara on Monday.";
        let (articles, merges) = merged(&[("same1", item), ("same2", respaced)]);
        assert_eq!(articles.len(), 1, "{articles:?}");
        assert_eq!(articles[0].duplicates[0].id, "same2");
        assert!(merges[0].exact);
    }

    #[test]
    fn short_identical_bodies_under_other_headlines_stay_apart() {
        let (articles, _) = merged(&[
            ("a", "Gallery: Baku\nPhoto gallery."),
            ("b", "Gallery: Yerevan\nPhoto gallery."),
        ]);
        assert_eq!(articles.len(), 2);
    }

    #[test]
    fn short_near_duplicates_stay_apart() {
        let (articles, _) = merged(&[
            ("a", "Wire item\nAliyev met Erdogan in Ankara on Monday."),
            ("b", "Wire item\nAliyev met Erdogan in Ankara on Tuesday."),
        ]);
        assert_eq!(articles.len(), 2);
    }
}
