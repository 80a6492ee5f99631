//! Search benchmarks over a deterministic generated corpus.
//!
//! `cargo bench -p dossier-core --bench search` first prints a report (index
//! build time, index size against raw text, p50/p95 query latency) for 10k
//! and 100k articles (set `DOSSIER_BENCH_SIZES=10000` to skip 100k), then
//! runs the criterion benchmarks on 10k articles.
//!
//! Two vocabularies: `harsh` (about 12k word forms, so a one-word query
//! matches about half the corpus) and `zipf` (Zipf over about 200k forms,
//! closer to real news text). `DOSSIER_BENCH_VOCAB=harsh` or `zipf` picks
//! one; `DOSSIER_BENCH_REPORT_ONLY=1` skips the criterion runs;
//! `DOSSIER_BENCH_REPEAT=5` times each report query five times and keeps
//! its fastest run (steadier percentiles on a shared machine);
//! `DOSSIER_BENCH_SLOWEST=1` lists each query kind's slowest queries.
//!
//! Articles carry 0–8 entity mentions (400 entities) and most an author
//! (300), so facet counting does the work it does on a real dossier.

use std::hint::black_box;
use std::time::{Duration, Instant};

use criterion::Criterion;
use dossier_core::search::{Filters, SearchConfig, SearchIndex, SearchOptions};
use dossier_core::{Article, Fact, Mention, Paragraph, PartialDate, Provenance};

/// Knuth's MMIX linear congruential generator: deterministic, no `rand`.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        self.0 >> 33
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn unit(&mut self) -> f64 {
        self.next() as f64 / (1u64 << 31) as f64
    }
    /// A Zipf-like rank in `0..n`: log-uniform, so rank r has weight ~1/r.
    fn zipf(&mut self, n: usize) -> usize {
        ((n as f64).powf(self.unit()) as usize)
            .saturating_sub(1)
            .min(n - 1)
    }
}

const SYLLABLES: [&str; 24] = [
    "ka", "ra", "bakh", "ba", "ku", "la", "chin", "an", "ar", "men", "tur", "ki", "ye", "sha",
    "al", "iy", "ev", "na", "to", "te", "hran", "do", "gan", "stan",
];
const NAMES: [&str; 12] = [
    "Erdoğan",
    "Türkiye",
    "Şuşa",
    "Aliyev",
    "İlham",
    "Paşinyan",
    "Gökçe",
    "Çelik",
    "Öztürk",
    "Ağdam",
    "Gəncə",
    "Shushi",
];
const OUTLETS: [&str; 8] = [
    "Alpha News",
    "Beta Times",
    "Gamma Post",
    "Delta Wire",
    "Epsilon",
    "Zeta Daily",
    "Eta",
    "Theta",
];

/// Distinct generated entities (0–8 mentioned per article, Zipf-like).
const ENTITIES: usize = 400;
/// Distinct generated authors (three articles in four have one).
const AUTHORS: usize = 300;

/// Which generated vocabulary.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Vocab {
    /// 30k draws of 1–3 syllables: about 12k distinct forms.
    Harsh,
    /// 200k draws of 1–4 syllables: Zipf over about 200k forms.
    Zipf,
}

fn vocabulary(rng: &mut Lcg, size: usize, syllables: usize) -> Vec<String> {
    let mut words: Vec<String> = NAMES.iter().map(|s| s.to_string()).collect();
    while words.len() < size {
        let n = 1 + rng.below(syllables);
        let word: String = (0..n)
            .map(|_| SYLLABLES[rng.below(SYLLABLES.len())])
            .collect();
        words.push(format!(
            "{word}{}",
            ["", "s", "ed", "ing", "er"][rng.below(5)]
        ));
    }
    words
}

fn corpus(n: usize, kind: Vocab) -> Vec<Article> {
    let mut rng = Lcg(42);
    let vocab = match kind {
        Vocab::Harsh => vocabulary(&mut rng, 30_000, 3),
        Vocab::Zipf => vocabulary(&mut rng, 200_000, 4),
    };
    let sentence = |rng: &mut Lcg, words: usize| -> String {
        let mut s: Vec<&str> = (0..words)
            .map(|_| vocab[rng.zipf(vocab.len())].as_str())
            .collect();
        if rng.below(4) == 0 {
            s.push(NAMES[rng.below(NAMES.len())]);
        }
        let mut text = s.join(" ");
        text.push('.');
        text
    };
    (0..n)
        .map(|i| {
            // Entities and authors from their own generator, so the text
            // (and the query set) stays the same as before they were added.
            let mut meta = Lcg(1_000_003 + i as u64);
            let mentions = (0..meta.below(9))
                .map(|_| Mention {
                    entity: format!("entity-{:03}", meta.zipf(ENTITIES)),
                    ..Default::default()
                })
                .collect();
            let author = (meta.below(4) != 0).then(|| {
                Fact::new(
                    format!("Author {:03}", meta.zipf(AUTHORS)),
                    Provenance::Text,
                )
            });
            let paragraphs = (0..3 + rng.below(6))
                .map(|_| {
                    let words = 20 + rng.below(40);
                    Paragraph::body(sentence(&mut rng, words))
                })
                .collect();
            let headline_words = 6 + rng.below(6);
            let headline = sentence(&mut rng, headline_words);
            let year = 2015 + rng.below(10) as i32;
            let month = 1 + rng.below(12) as u8;
            let date = match rng.below(3) {
                0 => PartialDate::month(year, month).unwrap(),
                _ => PartialDate::day(year, month, 1 + rng.below(28) as u8).unwrap(),
            };
            Article {
                id: format!("{i:06}"),
                headline,
                paragraphs,
                outlet: Some(Fact::new(
                    OUTLETS[rng.zipf(OUTLETS.len())].to_string(),
                    Provenance::Text,
                )),
                published: Some(Fact::new(date, Provenance::Text)),
                author,
                mentions,
                ..Default::default()
            }
        })
        .collect()
}

fn raw_bytes(articles: &[Article]) -> usize {
    articles
        .iter()
        .map(|a| a.headline.len() + a.paragraphs.iter().map(|p| p.text.len()).sum::<usize>())
        .sum()
}

fn queries(articles: &[Article], words: usize, count: usize) -> Vec<String> {
    let mut rng = Lcg(7);
    (0..count)
        .map(|_| {
            let a = &articles[rng.below(articles.len())];
            let text = &a.paragraphs[0].text;
            let all: Vec<&str> = text.split(' ').collect();
            let start = rng.below(all.len().saturating_sub(words).max(1));
            all[start..(start + words).min(all.len())]
                .join(" ")
                .trim_end_matches('.')
                .to_string()
        })
        .collect()
}

fn percentiles(mut times: Vec<Duration>) -> (Duration, Duration) {
    times.sort();
    (times[times.len() / 2], times[times.len() * 95 / 100])
}

fn report(n: usize, kind: Vocab) -> (Vec<Article>, SearchIndex) {
    let articles = corpus(n, kind);
    let raw = raw_bytes(&articles);
    let started = Instant::now();
    let index = SearchIndex::build(&articles, &SearchConfig::default());
    let build = started.elapsed();
    let json = index.to_json().len();
    let started = Instant::now();
    let bytes = index.to_bytes();
    let write = started.elapsed();
    let started = Instant::now();
    let loaded = SearchIndex::from_bytes(&bytes).expect("index reads back");
    let read = started.elapsed();
    assert_eq!(loaded.word_count(), index.word_count());
    println!(
        "== {n} articles ({kind:?} vocabulary), {:.1} MB raw text, {} word forms",
        raw as f64 / 1e6,
        index.word_count()
    );
    println!("build: {:.2} s", build.as_secs_f64());
    println!(
        "index: {:.1} MB in memory ({:.0}% of raw text), {:.1} MB as JSON",
        index.size_bytes() as f64 / 1e6,
        100.0 * index.size_bytes() as f64 / raw as f64,
        json as f64 / 1e6
    );
    println!(
        "index: {:.1} MB as bytes ({:.0}% of raw text), written in {:.0} ms, read in {:.0} ms",
        bytes.len() as f64 / 1e6,
        100.0 * bytes.len() as f64 / raw as f64,
        ms(write),
        ms(read)
    );
    let filters = Filters {
        outlets: vec![OUTLETS[0].into(), OUTLETS[2].into()],
        years: vec!["2020".into()],
        ..Default::default()
    };
    let page = SearchOptions::default();
    let no_page = SearchOptions {
        limit: 0,
        ..Default::default()
    };
    for (label, words, filters, options) in [
        (
            "1 word, page of 20 with snippets",
            1,
            Filters::default(),
            &page,
        ),
        ("1 word, counts only", 1, Filters::default(), &no_page),
        (
            "3 words + facet filters, page of 20",
            3,
            filters.clone(),
            &page,
        ),
        ("3 words + facet filters, counts only", 3, filters, &no_page),
    ] {
        let qs = queries(&articles, words, 300);
        let mut totals = 0;
        let times: Vec<Duration> = qs
            .iter()
            .map(|q| {
                (0..repeat())
                    .map(|run| {
                        let t = Instant::now();
                        let r = index.search_text(&articles, q, false, &filters, options);
                        if run == 0 {
                            totals += r.total;
                        }
                        t.elapsed()
                    })
                    .min()
                    .unwrap_or_default()
            })
            .collect();
        if std::env::var_os("DOSSIER_BENCH_SLOWEST").is_some() {
            let mut by_time: Vec<(Duration, &String)> = times.iter().copied().zip(&qs).collect();
            by_time.sort();
            for (t, q) in by_time.iter().rev().take(8) {
                println!("  slow: {:.3} ms {q:?}", ms(*t));
            }
        }
        let (p50, p95) = percentiles(times);
        println!(
            "query {label}: p50 {:.3} ms, p95 {:.3} ms (avg {} hits, best of {})",
            ms(p50),
            ms(p95),
            totals / qs.len(),
            repeat()
        );
    }
    // What typing costs the search: two-word queries typed key by key,
    // each prefix searched as the live search box does (the last word a
    // prefix), with a page of snippets.
    let mut typed = Vec::new();
    for q in queries(&articles, 2, 60) {
        for end in (1..=q.len()).filter(|&e| q.is_char_boundary(e)) {
            let t = Instant::now();
            black_box(index.search_text(&articles, &q[..end], true, &Filters::default(), &page));
            typed.push(t.elapsed());
        }
    }
    let keys = typed.len();
    let slowest = typed.iter().max().copied().unwrap_or_default();
    let (p50, p95) = percentiles(typed);
    println!(
        "query typed key by key (2 words, {keys} keystrokes, page of 20): p50 {:.3} ms, p95 {:.3} ms, max {:.1} ms",
        ms(p50),
        ms(p95),
        ms(slowest)
    );
    let times: Vec<Duration> = (0..100)
        .map(|i| {
            let t = Instant::now();
            black_box(index.related(&articles, i * 37 % n, 5));
            t.elapsed()
        })
        .collect();
    let (p50, p95) = percentiles(times);
    println!("related (5): p50 {:.3} ms, p95 {:.3} ms", ms(p50), ms(p95));
    (articles, index)
}

/// Runs per query in the report (`DOSSIER_BENCH_REPEAT`, default 1); each
/// query's time is its fastest run, which filters out the moments a shared
/// machine gives the benchmark no core.
fn repeat() -> usize {
    std::env::var("DOSSIER_BENCH_REPEAT")
        .ok()
        .and_then(|r| r.parse().ok())
        .unwrap_or(1)
        .max(1)
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}

fn main() {
    let sizes: Vec<usize> = std::env::var("DOSSIER_BENCH_SIZES")
        .ok()
        .map(|s| s.split(',').filter_map(|n| n.trim().parse().ok()).collect())
        .unwrap_or_else(|| vec![10_000, 100_000]);
    let vocabs: Vec<Vocab> = match std::env::var("DOSSIER_BENCH_VOCAB").as_deref() {
        Ok("harsh") => vec![Vocab::Harsh],
        Ok("zipf") => vec![Vocab::Zipf],
        _ => vec![Vocab::Harsh, Vocab::Zipf],
    };
    for &kind in &vocabs {
        for &n in sizes.iter().filter(|&&n| n != 10_000) {
            report(n, kind);
        }
    }
    for &kind in vocabs.iter().skip(1) {
        report(10_000, kind);
    }
    let (articles, index) = report(10_000, vocabs[0]);
    if std::env::var_os("DOSSIER_BENCH_REPORT_ONLY").is_some() {
        return;
    }
    let mut c = Criterion::default().configure_from_args().sample_size(30);
    let one = queries(&articles, 1, 50);
    let three = queries(&articles, 3, 50);
    let filters = Filters {
        outlets: vec![OUTLETS[0].into()],
        ..Default::default()
    };
    let options = SearchOptions::default();
    c.bench_function("10k: 1-word query (50 queries)", |b| {
        b.iter(|| {
            one.iter()
                .map(|q| {
                    index
                        .search_text(&articles, q, false, &Filters::default(), &options)
                        .total
                })
                .sum::<usize>()
        })
    });
    c.bench_function("10k: 3-word query + outlet facet (50 queries)", |b| {
        b.iter(|| {
            three
                .iter()
                .map(|q| {
                    index
                        .search_text(&articles, q, false, &filters, &options)
                        .total
                })
                .sum::<usize>()
        })
    });
    let small = &articles[..1000];
    c.bench_function("1k: index build", |b| {
        b.iter(|| SearchIndex::build(black_box(small), &SearchConfig::default()))
    });
    c.final_summary();
}
