// The walking skeleton end to end: the built site lists the seed dossier,
// opens an article, keeps it in the URL, and loads from http and file://.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { serve, fileUrl, launch, openPage, screenshot } from "./harness.mjs";

// The five seeds, newest first (an empty search lists by date), with each date at its known precision
// (corpus/README.md): only 000 and 004 are known to the day; "≈" marks a
// curated date, not one read in the text.
const EXPECTED = [
  ["NATO Chief Praises Turkey’s Military Support for Azerbaijan", "March 2024 ≈"],
  ["Turkey’s Erdogan meets Azerbaijan’s Aliyev as Armenians flee Nagorno-Karabakh", "25 September 2023 ≈"],
  ["Ankara-Baku ties mark level of strategic alliance (FM Bayramov)", "August 2022 ≈"],
  ["Azerbaijan Holds Military Drills with Turkey as Tensions with Iran Grow", "October 2021 ≈"],
  ["Turkey-Azerbaijan Relations Knit Even Closer Together", "8 September 2021"],
];
const BAYRAMOV_FIRST = "“Turkish-Azerbaijani relations have reached the level of strategic alliances.";

let browser, server;
before(async () => {
  browser = await launch();
  server = await serve();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

async function listedArticles(page) {
  const items = page.locator("ol.article-list > li");
  await items.first().waitFor();
  return items.evaluateAll((lis) =>
    lis.map((li) => [li.querySelector("a").textContent.trim(), li.querySelector("time").textContent.trim()]),
  );
}

for (const [how, url] of [
  ["over http", () => server.url],
  ["from file://", () => fileUrl()],
]) {
  test(`lists the five seed articles in date order with dates at their precision (${how})`, async () => {
    const { page, context, problems } = await openPage(browser);
    await page.goto(url());
    assert.deepEqual(await listedArticles(page), EXPECTED);
    const links = await page.locator("ol.article-list a").evaluateAll((as) => as.map((a) => a.getAttribute("href")));
    assert.ok(links.every((href) => href.startsWith("#/article/")), links.join(" "));
    await screenshot(page, `list-${how === "over http" ? "http" : "file"}`);
    assert.deepEqual(problems, []);
    await context.close();
  });
}

test("opening an article shows its text, survives a reload, and goes back", async () => {
  const { page, context, problems } = await openPage(browser);
  await page.goto(server.url);
  await page.getByRole("link", { name: EXPECTED[2][0] }).click();

  const article = page.locator("article");
  await assert.doesNotReject(article.getByRole("heading", { level: 1, name: EXPECTED[2][0] }).waitFor());
  assert.match(await article.locator(".body p").first().textContent(), new RegExp("^" + BAYRAMOV_FIRST));
  assert.match(page.url(), /#\/article\/003_2a5776a987d213dd$/);
  await screenshot(page, "reading-view");

  await page.reload();
  await article.getByRole("heading", { level: 1, name: EXPECTED[2][0] }).waitFor();
  assert.match(await article.locator(".body p").first().textContent(), new RegExp("^" + BAYRAMOV_FIRST));

  await page.getByRole("link", { name: "← Results" }).click();
  assert.equal((await listedArticles(page)).length, 5);
  await page.goBack();
  await article.getByRole("heading", { level: 1, name: EXPECTED[2][0] }).waitFor();
  assert.deepEqual(problems, []);
  await context.close();
});

test("a shared link opens the article directly, and the date says where it came from", async () => {
  const { page, context, problems } = await openPage(browser);
  await page.goto(server.url + "#/article/001_7108eb63bde59dc4");
  await page.getByRole("heading", { level: 1, name: EXPECTED[3][0] }).waitFor();
  const date = page.locator("article time");
  assert.equal(await date.getAttribute("datetime"), "2021-10");
  assert.match(await date.getAttribute("title"), /^curated: .*Unshakable Brotherhood/);
  assert.deepEqual(problems, []);
  await context.close();
});

test("a link to an unknown article shows a notice and the list, not a blank page", async () => {
  const { page, context, problems } = await openPage(browser);
  await page.goto(server.url + "#/article/no-such-article");
  await page.locator(".notice").waitFor();
  assert.match(await page.locator(".notice").textContent(), /no article with the id “no-such-article”/);
  assert.equal(new URL(page.url()).hash, "#/");
  assert.equal((await listedArticles(page)).length, 5);
  assert.deepEqual(problems, []);
  await context.close();
});

test("the page requests nothing outside its own folder", async () => {
  const { page, context, requests } = await openPage(browser);
  await page.goto(server.url + "#/article/002_f12498e0a3b23f5d");
  await page.locator("article h1").waitFor();
  const outside = requests.filter((r) => !r.startsWith(server.url));
  assert.deepEqual(outside, []);
  await context.close();
});
