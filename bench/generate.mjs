#!/usr/bin/env node
// Deterministic generator of benchmark corpora for Dossier (issue 8).
//
//   node bench/generate.mjs --n 10000 [--seed 8] [--out bench/data/10000]
//
// Writes OUT/articles/ (ingest formats: .txt with the headline on the first
// line, a blank line, then paragraphs; .md with YAML front matter; a
// dossier.toml manifest carrying the outlet, date and author of the .txt
// articles) and OUT/corpus.json (the same articles as [{id, title, body,
// outlet, date, author}] for the peers). The same N and seed always give the
// same bytes. No dependencies beyond Node.
import { mkdirSync, readFileSync, writeFileSync, rmSync, existsSync } from "node:fs";
import { join, dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(HERE, "..");

// ---------------------------------------------------------------- random
/** mulberry32: small, fast, seeded. */
export function rng(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  next.int = (n) => Math.floor(next() * n);
  next.pick = (list) => list[Math.floor(next() * list.length)];
  next.normal = () => {
    const u = 1 - next();
    const v = next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  };
  return next;
}

/** Cumulative Zipf weights over `n` ranks (exponent `s`); sample by bisection. */
function zipf(n, s) {
  const cum = new Float64Array(n);
  let total = 0;
  for (let i = 0; i < n; i++) cum[i] = total += 1 / Math.pow(i + 1, s);
  return (r) => {
    const x = r() * total;
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cum[mid] < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
}

// ---------------------------------------------------------------- vocabulary
const FUNCTION_WORDS = (
  "the of and to a in that is was for on with as by it at from his he said " +
  "be have are has had not this but which they were their an or its who been " +
  "will after more would also than over other new about into two when there " +
  "last up one out all we so what some can could no her them our under while " +
  "government minister president officials talks border peace war troops region " +
  "conflict agreement foreign military security week year people country forces"
).split(" ");

const ONSETS = ["b", "c", "d", "f", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "w", "z",
  "br", "ch", "cl", "dr", "fr", "gr", "kr", "pl", "pr", "sh", "sl", "st", "str", "th", "tr", ""];
const NUCLEI = ["a", "e", "i", "o", "u", "ai", "ea", "io", "ou", "ee", "oa"];
const CODAS = ["", "", "", "n", "r", "s", "t", "l", "m", "nd", "st", "rt", "ck", "ng", "x"];
const SUFFIXES = ["", "", "", "", "ing", "ed", "s", "ion", "ity", "al", "er", "ment", "ous", "ly"];

/** `count` distinct pseudo-words, pronounceable, 2–4 syllables. */
function pseudoWords(r, count) {
  const seen = new Set(FUNCTION_WORDS);
  const words = [];
  while (words.length < count) {
    const syllables = 1 + r.int(3) + (r() < 0.3 ? 1 : 0);
    let w = "";
    for (let i = 0; i < syllables; i++) w += r.pick(ONSETS) + r.pick(NUCLEI) + (i === syllables - 1 ? r.pick(CODAS) : "");
    w += r.pick(SUFFIXES);
    if (w.length < 3 || w.length > 14 || seen.has(w)) continue;
    seen.add(w);
    words.push(w);
  }
  return words;
}

/** Names from the gazetteer (name and aliases), without a TOML parser. */
function gazetteerNames() {
  const text = readFileSync(join(ROOT, "corpus/gazetteer.toml"), "utf8");
  const names = [];
  for (const line of text.split("\n")) {
    let m = line.match(/^name\s*=\s*"([^"]+)"/);
    if (m) names.push(m[1]);
    m = line.match(/^aliases\s*=\s*\[(.*)\]/);
    if (m) for (const a of m[1].matchAll(/"([^"]+)"/g)) names.push(a[1]);
  }
  return names;
}

const DIACRITIC_NAMES = ["Erdoğan", "Çavuşoğlu", "Şuşa", "Türkiye", "Nakhchivan", "Naxçıvan", "Pashinyan",
  "Aliyev", "İlham Əliyev", "Stepanakert", "Xankəndi", "Ağdam", "Füzuli", "Gəncə", "Kəlbəcər", "Şentop",
  "Bayramov", "Zəngilan", "İstanbul", "Müslüm", "Gülşən Məmmədova", "Ümit Özdağ", "Ağrı", "Iğdır"];

const OUTLET_A = ["Caspian", "Anatolian", "Caucasus", "Eurasia", "Baltic", "Levant", "Meridian", "Northern",
  "Continental", "Atlas", "Harbor", "Summit"];
const OUTLET_B = ["Herald", "Times", "Monitor", "Post", "Review", "Dispatch", "Ledger", "Observer", "Wire",
  "Tribune", "Courier", "Gazette"];
const FIRST = ["Anna", "David", "Leyla", "Murat", "Ani", "Tigran", "Elif", "Rashad", "Sarah", "Jonas", "Nigar",
  "Ömer", "Aylin", "Karen", "Mariam", "Farid", "Zeynep", "Lusine", "Mehmet", "Claire"];
const LAST = ["Hartley", "Yılmaz", "Hakobyan", "Quliyev", "Keller", "Demir", "Grigoryan", "Məmmədov", "Novak",
  "Şahin", "Petrosyan", "Brennan", "Aksoy", "Hüseynova", "Ward", "Sarkisian"];

/** The whole generated world for one seed: vocabulary, outlets, authors. */
function world(seed) {
  const r = rng(seed ^ 0x5eed);
  const pseudo = pseudoWords(r, 40000);
  // Interleave: function words hold the top ranks, pseudo-words the long tail.
  const vocab = [...FUNCTION_WORDS, ...pseudo];
  const outlets = [];
  const seen = new Set();
  while (outlets.length < 36) {
    const name = (r() < 0.5 ? "The " : "") + r.pick(OUTLET_A) + " " + r.pick(OUTLET_B);
    if (!seen.has(name)) outlets.push(name), seen.add(name);
  }
  const authors = [];
  for (let i = 0; i < 300; i++) authors.push(r.pick(FIRST) + " " + r.pick(LAST));
  return { vocab, outlets, authors, names: [...gazetteerNames(), ...DIACRITIC_NAMES] };
}

// ---------------------------------------------------------------- articles
const cap = (w) => w.charAt(0).toLocaleUpperCase("en") + w.slice(1);
const pad = (n, w = 2) => String(n).padStart(w, "0");

/** `n` articles, each {id, file kind, title, paragraphs, outlet, date, author}. */
export function* articles(n, seed = 8) {
  const w = world(seed);
  const r = rng(seed);
  const word = zipf(w.vocab.length, 1.07);
  const outletRank = zipf(w.outlets.length, 0.9);
  const nameRank = zipf(w.names.length, 0.8);
  const start = Date.UTC(2015, 0, 1);
  const span = Date.UTC(2025, 0, 1) - start;
  const sentence = (minWords, maxWords) => {
    const len = minWords + r.int(maxWords - minWords + 1);
    const out = [];
    for (let i = 0; i < len; i++) {
      if (r() < 0.035) out.push(w.names[nameRank(r)]);
      else out.push(w.vocab[word(r)]);
    }
    out[0] = cap(out[0]);
    return out.join(" ") + (r() < 0.08 ? "?" : ".");
  };
  for (let i = 0; i < n; i++) {
    // Bodies log-normal around 3,500 characters.
    const target = Math.round(Math.exp(Math.log(3500) + 0.45 * r.normal()));
    const paragraphs = [];
    let size = 0;
    while (size < target) {
      const sentences = 1 + r.int(4);
      const p = Array.from({ length: sentences }, () => sentence(8, 26)).join(" ");
      paragraphs.push(p);
      size += p.length + 2;
    }
    const title = sentence(5, 11).replace(/[.?]$/, "").split(" ").map((t, j) => (j === 0 || t.length > 3 ? cap(t) : t)).join(" ");
    const d = new Date(start + Math.floor(r() * span));
    const monthOnly = r() < 0.15;
    const date = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}` + (monthOnly ? "" : `-${pad(d.getUTCDate())}`);
    const outlet = w.outlets[outletRank(r)];
    const author = r() < 0.8 ? w.authors[r.int(w.authors.length)] : null;
    const kind = r() < 0.6 ? "txt" : "md";
    const id = `a${pad(i, 6)}`;
    yield { id, kind, title, paragraphs, outlet, date, author };
  }
}

const yamlString = (s) => JSON.stringify(s); // a JSON string is a valid YAML double-quoted scalar
const tomlString = (s) => JSON.stringify(s); // and a valid TOML basic string for our characters

/** Writes the corpus for `n` articles into `out`. Returns the number written. */
export function generate(n, out, seed = 8) {
  const dir = join(out, "articles");
  if (existsSync(dir)) rmSync(dir, { recursive: true });
  mkdirSync(dir, { recursive: true });
  const manifest = [
    "# Generated by bench/generate.mjs: a synthetic benchmark dossier (not real news).",
    `title = ${tomlString(`Benchmark dossier, ${n} generated articles`)}`,
    "",
  ];
  const json = [];
  for (const a of articles(n, seed)) {
    const shard = join(dir, a.id.slice(0, 4)); // 1,000 files per folder
    if (json.length % 1000 === 0) mkdirSync(shard, { recursive: true });
    if (a.kind === "txt") {
      writeFileSync(join(shard, `${a.id}.txt`), `${a.title}\n\n${a.paragraphs.join("\n\n")}\n`);
      manifest.push(`[articles.${a.id}]`, `outlet = ${tomlString(a.outlet)}`, `published = ${tomlString(a.date)}`);
      if (a.author) manifest.push(`author = ${tomlString(a.author)}`);
      manifest.push("");
    } else {
      const front = ["---", `title: ${yamlString(a.title)}`, `date: ${yamlString(a.date)}`, `source: ${yamlString(a.outlet)}`];
      if (a.author) front.push(`author: ${yamlString(a.author)}`);
      front.push("---", "");
      writeFileSync(join(shard, `${a.id}.md`), front.join("\n") + "\n" + a.paragraphs.join("\n\n") + "\n");
    }
    json.push({ id: a.id, title: a.title, body: a.paragraphs.join("\n\n"), outlet: a.outlet, date: a.date, author: a.author });
  }
  writeFileSync(join(dir, "dossier.toml"), manifest.join("\n"));
  // One article per line: a valid JSON array that streams and diffs well.
  writeFileSync(join(out, "corpus.json"), "[\n" + json.map((a) => JSON.stringify(a)).join(",\n") + "\n]\n");
  return json.length;
}

/** The fixed list of benchmark queries for a corpus of `n` articles (seeded). */
export function queries(count = 200, seed = 8) {
  const w = world(seed);
  const r = rng(seed ^ 0xbeef);
  const mid = (lo, hi) => w.vocab[lo + r.int(hi - lo)];
  const plain = (s) => s.normalize("NFKD").replace(/\p{M}/gu, "").replace(/[ıİ]/g, "i").toLowerCase();
  const names = ["erdogan", "aliyev", "pashinyan", "nakhchivan", "stepanakert", "karabakh", "turkiye",
    "cavusoglu", "shusha", "baku", "ankara", "yerevan", "putin", "stoltenberg", "xankendi"];
  const out = [];
  while (out.length < count) {
    const k = r();
    let q;
    if (k < 0.3) q = mid(150, 3000); // one common-ish word
    else if (k < 0.5) q = mid(3000, 20000); // one rare word
    else if (k < 0.75) q = `${mid(150, 2000)} ${mid(150, 6000)}`; // two words
    else if (k < 0.9) q = r.pick(names); // a name, typed without diacritics
    else q = `${r.pick(names)} ${mid(150, 3000)}`;
    out.push(plain(q));
  }
  return out;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const opt = (name, dflt) => {
    const i = args.indexOf(`--${name}`);
    return i >= 0 ? args[i + 1] : dflt;
  };
  const n = Number(opt("n", "1000"));
  const seed = Number(opt("seed", "8"));
  const out = resolve(opt("out", join(HERE, "data", String(n))));
  const t = Date.now();
  generate(n, out, seed);
  console.log(`generated ${n} articles into ${out} in ${((Date.now() - t) / 1000).toFixed(1)} s`);
}
