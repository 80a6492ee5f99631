// A dossier larger than one shard: the page loads the catalog and index up
// front and each article's text only when it is shown.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, mkdirSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { ROOT, launch, openPage } from "./harness.mjs";

const DOSSIER = process.env.DOSSIER_BIN ?? join(ROOT, "target/debug/dossier");
// More articles than the page keeps texts of (256 shards of 8), so texts
// load as results show rather than all after the first paint.
const N = 2100; // 263 shards of 8

let browser, site, small;

/** Writes `n` dated articles, each with its own marker word, and builds a site. */
function build(dir, n) {
  const articles = join(dir, "articles");
  mkdirSync(articles);
  for (let i = 0; i < n; i++) {
    const date = new Date(Date.UTC(2000, 0, 1 + i * 10)).toISOString().slice(0, 10);
    const word = `marker${String(i).padStart(3, "0")}`;
    writeFileSync(
      join(articles, `a${String(i).padStart(3, "0")}.md`),
      `---\ntitle: Article number ${i}\ndate: ${date}\nsource: Outlet ${i % 7}\n---\n\nThe body of article ${i} mentions ${word} once, among other words about the region.\n`,
    );
  }
  const out = join(dir, "site");
  execFileSync(DOSSIER, ["build", articles, "--out", out], { stdio: "ignore" });
  return out;
}

before(async () => {
  browser = await launch();
  site = build(mkdtempSync(join(tmpdir(), "dossier-scale-")), N);
  small = build(mkdtempSync(join(tmpdir(), "dossier-small-")), 100);
});
after(async () => {
  await browser?.close();
});

test("the site keeps article text in shards and the page fetches only those on screen", async () => {
  assert.equal(readdirSync(join(site, "data/shards")).length, 263);
  const { page, context, problems, requests } = await openPage(browser);
  await page.goto(pathToFileURL(join(site, "index.html")).href);
  await page.locator("ol.article-list > li .snippet").first().waitFor();
  assert.equal(await page.locator(".summary .count").textContent(), `${N} articles`);
  const shards = () => [...new Set(requests.filter((r) => r.includes("/data/shards/")).map((r) => r.split("/").pop()))];
  // The first page lists the 20 newest articles (positions 2080–2099,
  // shards 260–262); two more pages reach back to position 2040 (shard
  // 255), far below the screen: only the results near it ask for text.
  // Clicked without scrolling to the button, so the screen stays on top.
  for (const n of [40, 60]) {
    await page.evaluate(() => document.querySelector("button.more").click());
    await page.waitForFunction((n) => document.querySelectorAll("ol.article-list > li").length === n, n);
  }
  await page.waitForTimeout(300);
  const first = shards();
  assert.ok(first.includes("262.js"), first.join(" "));
  assert.ok(first.every((s) => Number.parseInt(s) >= 258), first.join(" "));
  assert.ok(first.length < 7, `fetched ${first.join(" ")} for a screenful`);
  // Scrolling to the end of the list brings the rest.
  await page.locator("ol.article-list > li").last().scrollIntoViewIfNeeded();
  await page.locator("ol.article-list > li").last().locator(".snippet").waitFor();
  assert.ok(shards().includes("255.js"), shards().join(" "));

  // A search for a word in the oldest article brings its shard, and its snippet.
  await page.locator("#search").fill("marker002");
  await page.waitForFunction(() => document.querySelector(".summary .count").textContent === "1 article");
  await page.locator("ol.article-list .snippet mark").waitFor();
  assert.equal(await page.locator("ol.article-list .snippet mark").textContent(), "marker002");
  assert.ok(shards().includes("0.js"));

  // Opening an article shows its text.
  await page.locator("ol.article-list a.headline").click();
  await page.locator("article .body p").first().waitFor();
  assert.match(await page.locator("article .body").textContent(), /The body of article 2 mentions marker002/);
  assert.deepEqual(problems, []);
  await context.close();
});

test("new results draw the first screen, then the rest, and the facet counts follow: nothing is left behind", async () => {
  const { page, context, problems } = await openPage(browser);
  await page.goto(pathToFileURL(join(site, "index.html")).href + "#/?q=marker002");
  await page.waitForFunction(() => document.querySelector(".summary .count")?.textContent === "1 article");
  // Every article says "region": the list fills with a page of twenty,
  // each outlet counts its 300, and the last result gets its text when
  // it comes on screen.
  await page.locator("#search").fill("region");
  await page.waitForFunction((n) => document.querySelector(".summary .count")?.textContent === `${n} articles`, N);
  await page.waitForFunction(() => document.querySelectorAll("ol.article-list > li").length === 20);
  const outletCounts = () =>
    page.$$eval("fieldset.facet", (sets) => {
      const outlets = sets.find((s) => s.querySelector("legend").textContent === "Outlet");
      return [...outlets.querySelectorAll("li")].map((li) => li.querySelector(".count").textContent);
    });
  for (let i = 0; i < 50 && (await outletCounts()).join() !== "300,300,300,300,300,300,300"; i++) await page.waitForTimeout(20);
  assert.deepEqual(await outletCounts(), Array(7).fill("300"));
  const positions = await page.$$eval("ol.article-list > li", (items) => items.map((li) => li.dataset.position));
  assert.equal(new Set(positions).size, 20, positions.join(" "));
  await page.locator("ol.article-list > li").last().scrollIntoViewIfNeeded();
  await page.locator("ol.article-list > li").last().locator(".snippet mark").waitFor();
  assert.equal(await page.locator("ol.article-list > li").last().locator(".snippet mark").textContent(), "region");
  // Back to one result: the twenty go, the outlet counts fall again.
  await page.locator("#search").fill("marker002");
  await page.waitForFunction(() => document.querySelectorAll("ol.article-list > li").length === 1);
  for (let i = 0; i < 50 && (await outletCounts()).includes("300"); i++) await page.waitForTimeout(20);
  assert.ok(!(await outletCounts()).includes("300"), (await outletCounts()).join());
  assert.deepEqual(problems, []);
  await context.close();
});

test("a small dossier keeps every text: all its shards load after the first paint, typing loads none", async () => {
  const { page, context, problems, requests } = await openPage(browser);
  await page.goto(pathToFileURL(join(small, "index.html")).href);
  const shards = () => new Set(requests.filter((r) => r.includes("/data/shards/"))).size;
  await page.waitForFunction(() => document.querySelectorAll("ol.article-list > li .snippet").length > 0);
  for (let i = 0; i < 50 && shards() < 13; i++) await page.waitForTimeout(100);
  assert.equal(shards(), 13, "100 articles, 13 shards, all loaded");
  await page.locator("#search").fill("marker007");
  await page.waitForFunction(() => document.querySelector(".summary .count").textContent === "1 article");
  await page.locator("ol.article-list .snippet mark").waitFor();
  assert.equal(shards(), 13, "no shard fetched again");
  assert.deepEqual(problems, []);
  await context.close();
});

test("word positions load only when a phrase is searched, and then decide it", async () => {
  const { page, context, problems, requests } = await openPage(browser);
  await page.goto(pathToFileURL(join(site, "index.html")).href + "#/?q=marker002");
  await page.waitForFunction(() => document.querySelector(".summary .count")?.textContent === "1 article");
  const positions = () => requests.filter((r) => r.endsWith("/data/positions.js")).length;
  assert.equal(positions(), 0, "no phrase, no positions");
  // Both words are in article 2, but not in this order: only the positions
  // can tell, and once they are in, the phrase matches nothing.
  await page.locator("#search").fill('"marker002 mentions"');
  await page.waitForFunction(() => /^No articles|^0 articles/.test(document.querySelector(".summary .count")?.textContent ?? "") || document.querySelector(".empty"));
  assert.equal(positions(), 1);
  await page.locator("#search").fill('"mentions marker002"');
  await page.waitForFunction(() => document.querySelector(".summary .count")?.textContent === "1 article");
  assert.equal(positions(), 1, "loaded once");
  assert.deepEqual(problems, []);
  await context.close();
});

test("a missing shard is reported, not a blank page", async () => {
  const { rmSync } = await import("node:fs");
  rmSync(join(site, "data/shards/12.js"));
  const { page, context } = await openPage(browser);
  await page.goto(pathToFileURL(join(site, "index.html")).href + "#/article/a100");
  await page.locator("article h1").waitFor();
  assert.equal(await page.locator("article h1").textContent(), "Article number 100");
  const trouble = page.locator(".notice.trouble");
  await trouble.waitFor();
  assert.match(await trouble.textContent(), /data\/shards\/12\.js\) did not load/);
  assert.equal(await page.locator("article .loading").count(), 1);
  await context.close();
});

test("j and k keep the cursor's result on screen, into the next page and back", async () => {
  const { page, context, problems } = await openPage(browser);
  await page.goto(pathToFileURL(join(small, "index.html")).href);
  await page.locator("ol.article-list > li").first().waitFor();
  const cursorOnScreen = () =>
    page.waitForFunction(() => {
      const li = document.querySelector("ol.article-list > li.cursor");
      const box = li?.getBoundingClientRect();
      return box && box.top >= -1 && box.bottom <= innerHeight + 1;
    }, null, { timeout: 5000 });
  // Past the first page of twenty: the list grows, the cursor stays seen.
  for (let i = 1; i <= 25; i++) {
    await page.keyboard.press("j");
    await page.waitForFunction((i) => document.querySelector("ol.article-list > li.cursor")?.parentElement.children[i]?.classList.contains("cursor"), i);
    await cursorOnScreen();
  }
  assert.ok(await page.evaluate(() => scrollY > 0), "the page never scrolled");
  for (let i = 0; i < 25; i++) await page.keyboard.press("k");
  await page.waitForFunction(() => document.querySelector("ol.article-list > li:first-child.cursor"));
  await cursorOnScreen();
  // "Show more" leaves the page where the reader put it.
  await page.evaluate(() => scrollTo(0, document.body.scrollHeight));
  const before = await page.evaluate(() => scrollY);
  await page.locator("button.more").click();
  await page.waitForFunction(() => document.querySelectorAll("ol.article-list > li").length === 60);
  await page.waitForTimeout(100);
  assert.equal(await page.evaluate(() => scrollY), before);
  assert.deepEqual(problems, []);
  await context.close();
});

test("a long concordance draws a page of lines and more on request", async () => {
  const { page, context, problems } = await openPage(browser);
  // 2,100 articles, one "region" each; the Compare page takes the first 1,500.
  await page.goto(pathToFileURL(join(site, "index.html")).href + "#/compare/kwic?term=region");
  await page.waitForFunction(() => /^1500 lines in 1500 articles$/.test(document.querySelector(".kwic-count")?.textContent ?? ""), null, { timeout: 30000 });
  const lines = page.locator("ol.kwic > li");
  assert.equal(await lines.count(), 500);
  await page.getByRole("button", { name: "Show more lines (1000 not shown)" }).click();
  await page.waitForFunction(() => document.querySelectorAll("ol.kwic > li").length === 1000);
  assert.deepEqual(problems, []);
  await context.close();
});
