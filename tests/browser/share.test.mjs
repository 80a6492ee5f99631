// Sharing a dossier: the site works from a folder on disk, as one HTML
// file, under a sub-path as on GitHub Pages, in Firefox too; `dossier
// build` makes a working site from any folder; the page asks for nothing
// outside its own folder; the About panel identifies the dossier.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { execFileSync } from "node:child_process";
import { createServer } from "node:http";
import { mkdtempSync, writeFileSync, readFileSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { createRequire } from "node:module";
import { DIST, ROOT, serve, fileUrl, launch, openPage, screenshot } from "./harness.mjs";

const DOSSIER = process.env.DOSSIER_BIN ?? join(ROOT, "target/debug/dossier");
const SEED_HEADLINE = "Turkey-Azerbaijan Relations Knit Even Closer Together";

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

function dossier(...args) {
  return execFileSync(DOSSIER, args, { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
}

/** Types a search and waits for the list to shrink to `expected` articles. */
async function searchFilters(page, query, expected) {
  await page.locator("#search").fill(query);
  await page.waitForFunction(
    (n) => document.querySelectorAll("ol.article-list > li").length === n,
    expected,
  );
}

async function headlines(page) {
  const items = page.locator("ol.article-list > li a.headline");
  await items.first().waitFor();
  return items.allTextContents();
}

/** The SHA-256 of the dossier's bundle, computed here independently from `dossier ingest`'s output. */
function bundleHash(articles) {
  const out = join(mkdtempSync(join(tmpdir(), "dossier-hash-")), "bundle.json");
  dossier("ingest", articles, "--out", out);
  return createHash("sha256").update(readFileSync(out)).digest("hex");
}

test("the built site opens as one self-contained HTML file from file://", async () => {
  const dir = mkdtempSync(join(tmpdir(), "dossier-single-"));
  const out = join(dir, "seed.html");
  dossier("build", join(ROOT, "corpus/articles"), "--out", out, "--single-file");
  const html = readFileSync(out, "utf8");
  assert.doesNotMatch(html, /<script src=|rel="stylesheet"/);

  const { page, context, problems, requests } = await openPage(browser);
  await page.goto(pathToFileURL(out).href);
  const listed = await headlines(page);
  assert.equal(listed.length, 5);
  assert.ok(listed.includes(SEED_HEADLINE));
  await searchFilters(page, "stoltenberg", 1);
  assert.deepEqual(requests.filter((r) => r !== pathToFileURL(out).href && !r.startsWith("data:")), []);
  await screenshot(page, "single-file");
  assert.deepEqual(problems, []);
  await context.close();
});

test("the site works under a sub-path, as GitHub Pages serves a project", async () => {
  const server = await serve(DIST, "/some-repo/");
  try {
    const { page, context, problems, requests } = await openPage(browser);
    await page.goto(server.url);
    assert.equal((await headlines(page)).length, 5);
    await searchFilters(page, "shushi", 2);
    await page.getByRole("link", { name: SEED_HEADLINE }).click();
    await page.locator("article h1").waitFor();
    assert.match(page.url(), /\/some-repo\/#\/article\/000_8db539debded9aa6\?q=shushi$/);
    assert.deepEqual(requests.filter((r) => !r.startsWith(server.url) && !r.startsWith("data:")), []);
    assert.deepEqual(problems, []);
    await context.close();
  } finally {
    await server.close();
  }
});

test("dossier build turns any folder of articles into a site that opens from disk", async () => {
  const dir = mkdtempSync(join(tmpdir(), "dossier-build-"));
  const articles = join(dir, "articles");
  mkdirSync(join(articles, "more"), { recursive: true });
  // Three formats: plain text, Markdown with front matter, a saved web page.
  writeFileSync(join(articles, "a.txt"), "First headline\n\nBody of the first, about Baku and Ankara.\n");
  writeFileSync(
    join(articles, "b.md"),
    "---\ntitle: Second <b>headline</b>\ndate: 2021-01-02\nsource: Example News\n---\n\nBody of the second, about Yerevan.\n",
  );
  writeFileSync(
    join(articles, "more", "c.html"),
    `<!doctype html><html lang="en"><head><title>Third headline | Example Times</title>
<meta property="og:title" content="Third headline">
<meta property="og:site_name" content="Example Times">
<meta property="article:published_time" content="2022-03-04T10:00:00Z"></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Third headline</h1>
<p>The third article has a first paragraph long enough to be taken for the text of the page, about talks in Moscow.</p>
<p>And a second paragraph <script>window.pwned = 1</script>with more of the story, so the extractor keeps it.</p></article>
<footer>Subscribe to our newsletter</footer></body></html>`,
  );
  writeFileSync(join(articles, "dossier.toml"), 'title = "Three test articles"\n[articles.a]\npublished = "2020-05"\n');
  const site = join(dir, "site");
  dossier("build", articles, "--out", site);
  assert.match(dossier("verify", site), /^ok: all \d+ files/m);

  const { page, context, problems, requests } = await openPage(browser);
  const url = pathToFileURL(join(site, "index.html")).href;
  await page.goto(url);
  assert.deepEqual((await headlines(page)).sort(), ["First headline", "Second <b>headline</b>", "Third headline"]);
  assert.equal(await page.evaluate(() => window.pwned), undefined);
  await searchFilters(page, "moscow", 1);
  await searchFilters(page, "", 3);
  assert.equal(await page.title(), "Three test articles · Dossier");

  await page.getByRole("button", { name: "About" }).click();
  assert.equal(await page.locator(".about-title").textContent(), "Three test articles");
  assert.equal(await page.locator(".about-articles").textContent(), "3");
  assert.equal(await page.locator(".about-hash").textContent(), "sha256:" + bundleHash(articles));
  assert.match(await page.locator(".about-built").textContent(), /^\d{4}-\d{2}-\d{2}$/);
  await screenshot(page, "about");

  const siteUrl = pathToFileURL(site).href + "/";
  assert.deepEqual(requests.filter((r) => !r.startsWith(siteUrl) && !r.startsWith("data:")), []);
  assert.deepEqual(problems, []);
  await context.close();
});

test("a text two outlets published is one result, found and shown under both; one month has no slider", async () => {
  const dir = mkdtempSync(join(tmpdir(), "dossier-copies-"));
  const articles = join(dir, "articles");
  mkdirSync(articles);
  const body = "Talks in Baku went on late into the night, with ministers of both countries and their advisers, and ended with a statement on the border, transport links and prisoners that each side read in its own way.";
  writeFileSync(join(articles, "x.md"), `---\ntitle: Talks in Baku\ndate: 2023-09-20\nsource: Outlet X\nurl: https://x.example/talks\n---\n\n${body}\n`);
  writeFileSync(join(articles, "y.md"), `---\ntitle: Talks in Baku\ndate: 2023-09-21\nsource: Outlet Y\nurl: javascript:alert(1)\n---\n\n${body}\n`);
  writeFileSync(join(articles, "z.md"), `---\ntitle: Another story\ndate: 2023-09-22\nsource: Outlet Z\nurl: https://z.example/other\n---\n\nSomething else entirely.\n`);
  const site = join(dir, "site");
  dossier("build", articles, "--out", site);
  const { page, context, problems } = await openPage(browser);
  await page.goto(pathToFileURL(join(site, "index.html")).href);
  assert.deepEqual((await headlines(page)).sort(), ["Another story", "Talks in Baku"]);
  const outlets = await page.$$eval("fieldset.facet", (sets) => {
    const set = sets.find((s) => s.querySelector("legend").textContent === "Outlet");
    return [...set.querySelectorAll("li")].map((li) => li.innerText.replace(/\s+/g, " ").trim());
  });
  assert.deepEqual(outlets.sort(), ["Outlet X 1", "Outlet Y 1", "Outlet Z 1"]);
  // Every date in one month: no range to drag, the month and its count.
  assert.equal(await page.locator(".date-range input[type=range]").count(), 0);
  assert.equal(await page.locator(".date-range .range-text").textContent(), "Sep 2023: 2 articles");
  await searchFilters(page, 'outlet:"Outlet Y"', 1);
  await page.locator("ol.article-list a.headline").click();
  const copies = page.locator(".copies li");
  await copies.first().waitFor();
  assert.match(await copies.first().innerText(), /^Outlet Y · 21 September 2023 · identical$/);
  // The copy's address was not a web address: no link is made of it.
  assert.equal(await page.locator(".copies a").count(), 0);
  assert.deepEqual(problems, []);
  await context.close();
});

test("dossier verify fails when one byte of a site changes", () => {
  const dir = mkdtempSync(join(tmpdir(), "dossier-verify-"));
  const site = join(dir, "site");
  dossier("build", join(ROOT, "corpus/articles"), "--out", site);
  assert.match(dossier("verify", site), /^ok:/m);
  const path = join(site, "data/corpus.js");
  const bytes = readFileSync(path);
  bytes[bytes.length - 3] ^= 1;
  writeFileSync(path, bytes);
  assert.throws(() => dossier("verify", site), (err) => err.status === 1 && /CHANGED {2}data\/corpus\.js/.test(err.stdout));
});

test("the page's Content-Security-Policy stops any connection before it is made", async () => {
  // A listener that counts what reaches it: the page's fetch must never arrive.
  let arrived = 0;
  const listener = createServer((req, res) => {
    arrived += 1;
    res.writeHead(200, { "access-control-allow-origin": "*" }).end("leak");
  });
  await new Promise((ok) => listener.listen(0, "127.0.0.1", ok));
  const target = `http://127.0.0.1:${listener.address().port}/beacon`;
  const { page, context } = await openPage(browser);
  await page.goto(fileUrl());
  await headlines(page);
  const outcome = await page.evaluate(async (url) => {
    try {
      await fetch(url, { mode: "no-cors" });
      return "sent";
    } catch (err) {
      return "blocked: " + err.message;
    }
  }, target);
  await new Promise((ok) => listener.close(ok));
  assert.match(outcome, /^blocked/);
  assert.equal(arrived, 0);
  const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute("content");
  assert.match(csp, /connect-src 'none'/);
  await context.close();
});

test("Firefox ESR opens the site from file:// (WebDriver BiDi)", async () => {
  const require = createRequire(new URL("../../tools/", import.meta.url));
  const puppeteer = require("puppeteer-core");
  const firefox = await puppeteer.launch({
    browser: "firefox",
    executablePath: process.env.FIREFOX ?? "/usr/bin/firefox-esr",
    headless: true,
    extraPrefsFirefox: { "network.proxy.type": 0, "app.update.enabled": false },
  });
  try {
    const page = await firefox.newPage();
    const errors = [];
    page.on("pageerror", (err) => errors.push(String(err)));
    page.on("console", (msg) => msg.type() === "error" && errors.push(msg.text()));
    await page.goto(fileUrl());
    await page.waitForSelector("ol.article-list > li a");
    const listed = await page.$$eval("ol.article-list > li a.headline", (as) => as.map((a) => a.textContent.trim()));
    assert.equal(listed.length, 5);
    assert.ok(listed.includes(SEED_HEADLINE));
    await page.locator("#search").fill("stoltenberg");
    await page.waitForFunction(() => document.querySelectorAll("ol.article-list > li").length === 1);
    assert.deepEqual(errors, []);
  } finally {
    await firefox.close();
  }
});
