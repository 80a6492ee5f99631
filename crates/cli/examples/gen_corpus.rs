//! Writes a deterministic synthetic corpus for measuring ingest at scale.
//!
//! ```text
//! cargo run --release -p dossier-cli --example gen_corpus -- /tmp/corpus10k 10000
//! /usr/bin/time -v target/release/dossier ingest /tmp/corpus10k --out /tmp/x.json
//! ```
//!
//! Each article is about 4 KB of English-like text (so 10,000 articles are
//! about 40 MB): a headline, a dek, a dateline naming the outlet, body
//! paragraphs with gazetteer names, quotes and dates, and page furniture
//! that repeats across an outlet's articles. About 1% of the articles are
//! exact copies of an earlier one under another outlet, and about 1% are
//! near copies (a few words changed), so duplicate detection has work to do.
//! The same arguments always write the same bytes. Write it outside the
//! repository (for example under /tmp).

use std::fmt::Write as _;
use std::path::PathBuf;

/// A small, fast, deterministic generator (SplitMix64).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

const NAMES: &[&str] = &[
    "Erdogan",
    "Erdoğan",
    "Aliyev",
    "Pashinyan",
    "Putin",
    "Stoltenberg",
    "Nagorno-Karabakh",
    "Artsakh",
    "Karabakh",
    "Turkey",
    "Türkiye",
    "Azerbaijan",
    "Armenia",
    "Baku",
    "Yerevan",
    "Ankara",
    "Shusha",
    "Shushi",
    "Nakhchivan",
    "Iran",
    "Russia",
    "NATO",
    "Lachin",
];

const MONTHS: &[&str] = &[
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// Builds a vocabulary of pronounceable made-up words, so the shingles of
/// different articles rarely coincide (as in real text).
fn vocabulary(rng: &mut Rng, n: usize) -> Vec<String> {
    const ONSETS: &[&str] = &[
        "b", "c", "d", "f", "g", "h", "l", "m", "n", "p", "r", "s", "t", "v", "w", "st", "tr",
        "pl", "gr", "ch", "sh",
    ];
    const VOWELS: &[&str] = &["a", "e", "i", "o", "u", "ai", "ea", "ou"];
    const CODAS: &[&str] = &["", "", "n", "r", "s", "t", "l", "nd", "st", "ck"];
    let common = [
        "the", "of", "and", "to", "in", "a", "that", "is", "for", "on", "with", "as", "was", "by",
        "at", "from", "its", "has", "have", "said", "will", "an", "be", "are", "which",
    ];
    let mut words: Vec<String> = common.iter().map(|w| w.to_string()).collect();
    while words.len() < n {
        let syllables = 1 + rng.below(3);
        let mut w = String::new();
        for _ in 0..syllables {
            w.push_str(rng.pick(ONSETS));
            w.push_str(rng.pick(VOWELS));
        }
        w.push_str(rng.pick(CODAS));
        words.push(w);
    }
    words
}

fn sentence(rng: &mut Rng, vocab: &[String], out: &mut String) {
    let len = 10 + rng.below(16);
    for i in 0..len {
        if i > 0 {
            out.push(' ');
        }
        if rng.below(12) == 0 {
            out.push_str(rng.pick(NAMES));
        } else {
            // Zipf-like: common words far more often.
            let w = if rng.below(3) == 0 {
                &vocab[rng.below(25)]
            } else {
                &vocab[rng.below(vocab.len())]
            };
            if i == 0 {
                let mut c = w.chars();
                if let Some(f) = c.next() {
                    out.extend(f.to_uppercase());
                    out.push_str(c.as_str());
                }
            } else {
                out.push_str(w);
            }
        }
    }
    match rng.below(10) {
        0 => {
            let _ = write!(
                out,
                " on {} {}, {}",
                rng.pick(MONTHS),
                1 + rng.below(28),
                2015 + rng.below(10)
            );
        }
        1 => {
            let _ = write!(out, " in {}", 2015 + rng.below(10));
        }
        _ => {}
    }
    out.push('.');
}

fn paragraph(rng: &mut Rng, vocab: &[String]) -> String {
    let mut p = String::new();
    if rng.below(6) == 0 {
        p.push('“');
        sentence(rng, vocab, &mut p);
        p.pop();
        let _ = write!(p, ",” {} said.", rng.pick(&NAMES[..6]));
        return p;
    }
    for i in 0..(3 + rng.below(4)) {
        if i > 0 {
            p.push(' ');
        }
        sentence(rng, vocab, &mut p);
    }
    p
}

fn main() {
    let mut args = std::env::args().skip(1);
    let (Some(dir), Some(count)) = (args.next(), args.next()) else {
        eprintln!("usage: gen_corpus DIR COUNT");
        std::process::exit(2);
    };
    let dir = PathBuf::from(dir);
    let count: usize = count.parse().expect("COUNT is a number");
    std::fs::create_dir_all(&dir).expect("can create DIR");
    let mut rng = Rng(0x5EED_D055_1E55);
    let vocab = vocabulary(&mut rng, 20_000);
    let outlets: Vec<String> = (0..40)
        .map(|i| {
            format!(
                "{} Daily {}",
                ["Caspian", "Anatolian", "Caucasus", "Eurasia"][i % 4],
                i
            )
        })
        .collect();
    // Each outlet's own boilerplate lines, repeated on many of its pages.
    let boilerplate: Vec<String> = (0..outlets.len())
        .map(|i| {
            format!(
                "{} brings you reporting from the region {}.",
                outlets[i],
                ["every day", "since 1998", "without a paywall", "in depth"][i % 4]
            )
        })
        .collect();
    let mut manifest = String::from("title = \"Synthetic corpus\"\nlocale = \"en-US\"\n");
    let mut recent: Vec<String> = Vec::new();
    let mut bytes = 0usize;
    for n in 0..count {
        let o = rng.below(outlets.len());
        let (month, day, year) = (1 + rng.below(12), 1 + rng.below(28), 2015 + rng.below(10));
        let mut text = String::new();
        let copy = rng.below(100);
        if copy == 0 && !recent.is_empty() {
            // An exact copy of an earlier article's text (body and all).
            text = recent[rng.below(recent.len())].clone();
        } else if copy == 1 && !recent.is_empty() {
            // A near copy: one word in about 150 changed.
            let source = recent[rng.below(recent.len())].clone();
            for (i, word) in source.split(' ').enumerate() {
                if i > 0 {
                    text.push(' ');
                }
                if i > 20 && rng.below(150) == 0 {
                    text.push_str(&vocab[rng.below(vocab.len())]);
                } else {
                    text.push_str(word);
                }
            }
        } else {
            let mut headline = String::new();
            sentence(&mut rng, &vocab, &mut headline);
            headline.pop();
            let _ = writeln!(text, "{headline}\n");
            let mut dek = String::new();
            sentence(&mut rng, &vocab, &mut dek);
            let _ = writeln!(text, "{dek}\n");
            let _ = write!(
                text,
                "{month:02}/{day:02}/{year} {} ({}) – ",
                rng.pick(&NAMES[13..16]),
                outlets[o]
            );
            while text.len() < 3_600 {
                let p = paragraph(&mut rng, &vocab);
                text.push_str(&p);
                text.push_str("\n\n");
                if rng.below(9) == 0 {
                    text.push_str(&boilerplate[o]);
                    text.push_str("\n\n");
                }
            }
            if rng.below(3) > 0 {
                text.push_str(&boilerplate[o]);
                text.push_str("\n\n");
            }
            text.push_str("Comments are closed.\n");
            if recent.len() < 200 {
                recent.push(text.clone());
            } else {
                let slot = rng.below(recent.len());
                recent[slot] = text.clone();
            }
        }
        let id = format!("{n:06}");
        let path = dir
            .join(format!("{:03}", n / 1000))
            .join(format!("{id}.txt"));
        if n % 1000 == 0 {
            std::fs::create_dir_all(path.parent().expect("has a parent")).expect("can create");
        }
        bytes += text.len();
        std::fs::write(&path, &text).expect("can write");
        if copy <= 1 {
            // A copy is republished by another outlet, which the manifest names.
            let _ = writeln!(
                manifest,
                "[articles.\"{id}\"]\noutlet = \"{}\"\nurl = \"https://example.org/{id}\"\n",
                outlets[(o + 1) % outlets.len()]
            );
        } else if n % 10 == 0 {
            let _ = writeln!(
                manifest,
                "[articles.\"{id}\"]\nurl = \"https://example.org/{id}\"\n"
            );
        }
    }
    std::fs::write(dir.join("dossier.toml"), manifest).expect("can write the manifest");
    eprintln!(
        "wrote {count} articles ({:.1} MB) to {}",
        bytes as f64 / 1e6,
        dir.display()
    );
}
