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
const N = 300; // 38 shards of 8

let browser, site;
before(async () => {
  browser = await launch();
  const dir = mkdtempSync(join(tmpdir(), "dossier-scale-"));
  const articles = join(dir, "articles");
  mkdirSync(articles);
  for (let i = 0; i < N; i++) {
    const date = new Date(Date.UTC(2000, 0, 1 + i * 10)).toISOString().slice(0, 10);
    const word = `marker${String(i).padStart(3, "0")}`;
    writeFileSync(
      join(articles, `a${String(i).padStart(3, "0")}.md`),
      `---\ntitle: Article number ${i}\ndate: ${date}\nsource: Outlet ${i % 7}\n---\n\nThe body of article ${i} mentions ${word} once, among other words about the region.\n`,
    );
  }
  site = join(dir, "site");
  execFileSync(DOSSIER, ["build", articles, "--out", site], { stdio: "ignore" });
});
after(async () => {
  await browser?.close();
});

test("the site keeps article text in shards and the page fetches only those on screen", async () => {
  assert.equal(readdirSync(join(site, "data/shards")).length, 38);
  const { page, context, problems, requests } = await openPage(browser);
  await page.goto(pathToFileURL(join(site, "index.html")).href);
  await page.locator("ol.article-list > li .snippet").first().waitFor();
  assert.equal(await page.locator(".summary .count").textContent(), `${N} articles`);
  const shards = () => [...new Set(requests.filter((r) => r.includes("/data/shards/")).map((r) => r.split("/").pop()))];
  // The first page lists the 50 newest articles (positions 250–299, shards
  // 31–37); only those near the screen asked for their text.
  await page.waitForTimeout(300);
  const first = shards();
  assert.ok(first.includes("37.js"), first.join(" "));
  assert.ok(first.every((s) => Number.parseInt(s) >= 31), first.join(" "));
  assert.ok(first.length < 7, `fetched ${first.join(" ")} for a screenful`);
  // Scrolling to the end of the page brings the rest.
  await page.locator("ol.article-list > li").last().scrollIntoViewIfNeeded();
  await page.locator("ol.article-list > li").last().locator(".snippet").waitFor();
  assert.ok(shards().includes("31.js"), shards().join(" "));

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
