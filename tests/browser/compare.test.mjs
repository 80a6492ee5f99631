// The Compare page (issue 7): each view opens from a link, shows the core's
// numbers on the seeds (crates/core/tests/stats_seed.rs pins the same ones),
// leads from a chart or table to the reading view, exports files that parse
// back, and a bad compare link shows a notice. Screenshots go to
// test-artifacts/compare-*.png.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { serve, launch, openPage, screenshot } from "./harness.mjs";

let browser, server;
before(async () => {
  browser = await launch();
  server = await serve();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

const BAYRAMOV = "003_2a5776a987d213dd";

async function open(hash, options = {}) {
  const opened = await openPage(browser, options);
  await opened.page.goto(server.url + hash);
  await opened.page.locator("section.compare").waitFor();
  return opened;
}

/** Follows a link to the reading view and returns the targeted paragraph's text. */
async function followToReading(page, link) {
  await link.click();
  await page.waitForFunction(() => location.hash.startsWith("#/article/"));
  await page.locator("#headline").waitFor();
  const hash = await page.evaluate(() => location.hash);
  const target = page.locator(".para.target");
  const text = (await target.count()) > 0 ? await target.textContent() : await page.locator("#headline").textContent();
  return { hash, text };
}

/** A strict RFC 4180 reader: quoted fields, doubled quotes, CRLF records. */
function parseCsv(text) {
  const rows = [];
  let row = [], field = "", i = 0, quoted = false;
  while (i < text.length) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i += 2; continue; }
      if (c === '"') { quoted = false; i++; continue; }
      field += c; i++; continue;
    }
    if (c === '"') {
      assert.equal(field, "", "a quote inside an unquoted field");
      quoted = true; i++; continue;
    }
    if (c === ",") { row.push(field); field = ""; i++; continue; }
    if (c === "\r" && text[i + 1] === "\n") { row.push(field); rows.push(row); row = []; field = ""; i += 2; continue; }
    assert.notEqual(c, "\n", "a bare LF ends a record");
    field += c; i++;
  }
  assert.equal(quoted, false, "an unterminated quote");
  if (field !== "" || row.length) { row.push(field); rows.push(row); }
  return rows;
}

async function downloadText(page, button) {
  const [download] = await Promise.all([page.waitForEvent("download"), button.click()]);
  return { name: download.suggestedFilename(), text: await readFile(await download.path(), "utf8") };
}

test("the naming lens shows who writes Artsakh, and a cell leads to its lines and paragraph", async () => {
  const { page, context, problems } = await open("#/compare/naming");
  const table = page.locator('section.naming-table[data-entity="nagorno-karabakh"]');
  await table.waitFor();
  const cell = (outlet, variant) => table.locator(`td[data-outlet="${outlet}"][data-variant="${variant}"]`);
  assert.equal((await cell("International Christian Concern", "Artsakh").textContent()).trim(), "1");
  assert.equal((await cell("Antiwar.com", "Republic of Artsakh").textContent()).trim(), "2");
  assert.equal((await cell("(unknown outlet)", "Karabakh").textContent()).trim(), "10");
  assert.match(await table.locator("caption").textContent(), /35 in all/);
  // Only the names these articles use have a column (none writes "Нагорн… Карабах…").
  const columns = await table.locator("thead th[scope=col]").allTextContents();
  assert.deepEqual(columns.slice(0, 2), ["Outlet", "Nagorno-Karabakh"]);
  assert.ok(columns.includes("Republic of Artsakh") && !columns.some((c) => c.includes("Карабах")), columns.join(" | "));
  // Heat: the largest cell is the darkest step.
  assert.match(await cell("(unknown outlet)", "Karabakh").getAttribute("class"), /heat-6/);
  // By keyboard: Enter on a cell opens its lines, in view, and the focus
  // stays on the cell.
  await cell("Antiwar.com", "Republic of Artsakh").locator("button").focus();
  await page.keyboard.press("Enter");
  const lines = table.locator(".cell-lines li.kwic-line");
  await lines.first().waitFor();
  assert.equal(await lines.count(), 2);
  assert.equal(await page.evaluate(() => document.activeElement.getAttribute("aria-pressed")), "true");
  const box = await table.locator(".cell-lines").boundingBox();
  assert.ok(box.y + box.height <= 800 + 1 && box.y >= -1, `lines at ${box.y}..${box.y + box.height}`);
  for (const key of await table.locator(".cell-lines .kwic-key").allTextContents()) assert.equal(key, "Republic of Artsakh");
  await screenshot(page, "compare-naming");
  // The first line is in a map caption, which the reading view hides by
  // default: a link to it opens with everything shown.
  await table.locator(".cell-lines a.kwic-key").nth(0).click();
  const caption = page.locator("#p5.role-caption.target");
  await caption.waitFor();
  assert.match(await caption.textContent(), /Republic of Artsakh/);
  assert.equal(await page.evaluate(() => location.hash), "#/article/002_f12498e0a3b23f5d?p=5");
  await page.goBack();
  await table.waitFor();
  await cell("Antiwar.com", "Republic of Artsakh").locator("button").click();
  const { hash, text } = await followToReading(page, table.locator(".cell-lines a.kwic-key").nth(1));
  assert.equal(hash, "#/article/002_f12498e0a3b23f5d?p=7");
  assert.match(text, /Republic of Artsakh/);
  // Back returns to the lens.
  await page.goBack();
  await table.waitFor();
  assert.deepEqual(problems, []);
  await context.close();
});

test("the naming lens reads in the dark theme too", async () => {
  const { page, context, problems } = await open("#/compare/naming", { colorScheme: "dark" });
  await page.locator("section.naming-table").first().waitFor();
  await screenshot(page, "compare-naming-dark");
  assert.deepEqual(problems, []);
  await context.close();
});

test("the concordance of liberat* has five lines, all from the Bayramov article, sortable", async () => {
  const { page, context, problems } = await open("#/compare/kwic?term=liberat*");
  const count = page.locator(".kwic-count");
  await count.waitFor();
  assert.equal(await count.textContent(), "5 lines in 1 article");
  const ids = await page.locator("li.kwic-line").evaluateAll((els) => els.map((e) => e.dataset.article));
  assert.deepEqual(ids, Array(5).fill(BAYRAMOV));
  for (const key of await page.locator(".kwic-key").allTextContents()) assert.match(key, /^liberat/i);
  await page.locator("#kwic-sort").selectOption("left");
  await page.waitForFunction(() => location.hash.includes("sort=left"));
  assert.match(await page.evaluate(() => location.hash), /^#\/compare\/kwic\?sort=left&term=liberat\*$/);
  assert.equal(await page.locator("li.kwic-line").count(), 5);
  // Typing a new term updates the lines and the link.
  await page.locator("#kwic-term").fill("occup*");
  await page.waitForFunction(() => document.querySelector(".kwic-count")?.textContent === "9 lines in 2 articles");
  await page.locator("#kwic-term").fill("liberat*");
  await page.waitForFunction(() => document.querySelector(".kwic-count")?.textContent === "5 lines in 1 article");
  await screenshot(page, "compare-kwic");
  const { hash, text } = await followToReading(page, page.locator("a.kwic-key").first());
  assert.ok(hash.startsWith(`#/article/${BAYRAMOV}`), hash);
  assert.match(text, /liberat/i);
  assert.deepEqual(problems, []);
  await context.close();
});

test("distinctive terms chart Antiwar.com against the rest, and a term runs its search", async () => {
  const { page, context, problems } = await open("#/compare/terms?a=Antiwar.com");
  const charts = page.locator("svg.bar-chart");
  await charts.first().waitFor();
  assert.equal(await charts.count(), 2);
  assert.equal(await page.locator("#terms-a").inputValue(), "Antiwar.com");
  const bars = charts.first().locator("g.mark.bar");
  const n = await bars.count();
  assert.ok(n > 0 && n <= 20, `${n} bars`);
  assert.equal(await bars.first().getAttribute("tabindex"), "0");
  assert.match(await bars.first().locator("title").textContent(), /^\S.*: z = \d/);
  await screenshot(page, "compare-terms");
  // The table shows the same terms.
  await page.locator(".chart-figure").first().getByRole("button", { name: "Show as table" }).click();
  const first = page.locator(".chart-figure").first().locator("tbody th button").first();
  const term = await first.textContent();
  await first.click();
  await page.waitForFunction(() => !location.hash.includes("compare"));
  const query = new URL(page.url()).hash;
  assert.ok(query.includes("q="), query);
  await page.locator("ol.article-list a.headline").first().waitFor();
  assert.equal(await page.locator("#search").inputValue(), term.includes(" ") ? `"${term}"` : term);
  assert.deepEqual(problems, []);
  await context.close();
});

test("trends chart occup* with 8 mentions in 2022-08, as dots, and as a table", async () => {
  const { page, context, problems } = await open("#/compare/trends?terms=occup*,liberat*");
  const dot = page.locator('circle.dot[data-term="occup*"][data-month="2022-08"]');
  await dot.waitFor();
  assert.equal(await dot.getAttribute("data-count"), "8");
  assert.equal(await dot.getAttribute("tabindex"), "0");
  assert.match(await dot.locator("title").textContent(), /occup\*, 2022-08: 8 mentions in 1 article/);
  assert.equal(await page.locator("polyline.trend-line").count(), 0, "few articles: dots, no line");
  assert.match(await page.locator("svg.trends-chart .axis-label").first().textContent(), /Month/);
  await screenshot(page, "compare-trends");
  await page.getByRole("button", { name: "Show as table" }).click();
  const row = page.locator('tr[data-month="2022-08"]');
  assert.match(await row.textContent(), /8 \(/);
  assert.deepEqual(problems, []);
  await context.close();
});

test("the events timeline marks September 2020, and its sentence leads to the article", async () => {
  const { page, context, problems } = await open("#/compare/timeline");
  const mark = page.locator('circle.event[data-date="2020-09"]');
  await mark.waitFor();
  assert.match(await mark.locator("title").textContent(), /September 2020: \d+ mentions? in 1 article/);
  assert.ok((await page.locator("rect.publication").count()) > 0);
  await screenshot(page, "compare-timeline");
  await mark.focus();
  await page.keyboard.press("Enter");
  await page.waitForFunction(() => document.querySelectorAll("ol.events > li").length === 1);
  const { hash } = await followToReading(page, page.locator("ol.events a").first());
  assert.ok(hash.startsWith(`#/article/${BAYRAMOV}`), hash);
  assert.deepEqual(problems, []);
  await context.close();
});

test("who is quoted counts Erdoğan's quotes per outlet and lists them", async () => {
  const { page, context, problems } = await open("#/compare/quotes");
  // The chart is the default; its table has every speaker.
  await page.locator("svg.quotes-chart").waitFor();
  await page.getByRole("button", { name: "Show as table" }).click();
  const row = page.locator('tr[data-speaker="entity:erdogan"]');
  await row.waitFor();
  assert.equal(await row.locator("td.total").textContent(), "8");
  await row.locator("button").click();
  assert.equal(await page.locator(".speaker-quotes li").count(), 8);
  await screenshot(page, "compare-quotes");
  const { hash } = await followToReading(page, page.locator(".speaker-quotes a").first());
  assert.match(hash, /^#\/article\/[^?]+\?p=\d+$/);
  assert.deepEqual(problems, []);
  await context.close();
});

test("export downloads CSV, JSONL, BibTeX, RIS and Markdown that parse back", async () => {
  const { page, context, problems } = await open("#/compare/export");
  const button = (name) => page.getByRole("button", { name, exact: true });
  await button("CSV").waitFor();
  await screenshot(page, "compare-export");
  const csv = await downloadText(page, button("CSV"));
  assert.equal(csv.name, "dossier-selection.csv");
  // A byte-order mark first, so Excel reads it as UTF-8.
  assert.ok(csv.text.startsWith("\uFEFF"), "CSV starts with a BOM");
  const rows = parseCsv(csv.text.slice(1));
  assert.equal(rows[0][0], "id");
  assert.equal(rows.length, 6);
  assert.ok(rows.every((r) => r.length === rows[0].length));
  assert.deepEqual(rows.slice(1).map((r) => r[0]).sort(), [
    "000_8db539debded9aa6", "001_7108eb63bde59dc4", "002_f12498e0a3b23f5d", BAYRAMOV, "004_2488162bdfdb6eff",
  ]);
  const jsonl = await downloadText(page, button("JSONL"));
  const records = jsonl.text.trim().split("\n").map((l) => JSON.parse(l));
  assert.equal(records.length, 5);
  const bib = await downloadText(page, button("BibTeX"));
  assert.equal((bib.text.match(/^@\w+\{/gm) ?? []).length, 5);
  let depth = 0;
  for (const c of bib.text) { depth += c === "{" ? 1 : c === "}" ? -1 : 0; assert.ok(depth >= 0); }
  assert.equal(depth, 0, "balanced braces");
  const ris = await downloadText(page, button("RIS"));
  assert.equal((ris.text.match(/^TY {2}- /gm) ?? []).length, 5);
  assert.equal((ris.text.match(/^ER {2}- ?$/gm) ?? []).length, 5);
  const md = await downloadText(page, button("Reading list (Markdown)"));
  assert.equal(md.name, "dossier-selection.md");
  assert.equal((md.text.match(/^\d+\. /gm) ?? []).length, 5);
  // The selection follows the filters.
  await page.goto(server.url + "#/compare/export?outlet=Antiwar.com");
  await page.locator(".compare-scope").filter({ hasText: "1 article." }).waitFor();
  const one = parseCsv((await downloadText(page, button("CSV"))).text);
  assert.equal(one.length, 2);
  assert.equal(one[1][one[0].indexOf("outlet")], "Antiwar.com");
  assert.deepEqual(problems, []);
  await context.close();
});

test("texts still on their way when Compare opens are shown once they arrive", async () => {
  // The list asks for the texts first; Compare then needs the same shard
  // while it is still loading, and must be told when it arrives (slowed
  // down here so the order is certain).
  const { page, context, problems } = await openPage(browser);
  let release;
  const held = new Promise((ok) => (release = ok));
  await page.route("**/data/shards/*.js", async (route) => {
    await held;
    await route.continue();
  });
  await page.goto(server.url + "#/?q=shusha");
  await page.locator("ol.article-list a.headline").first().waitFor();
  await page.getByRole("link", { name: "Compare" }).click();
  await page.locator(".compare-scope").waitFor();
  assert.equal(await page.locator("section.naming-table").count(), 0, "no table before the texts");
  release();
  await page.locator("section.naming-table").first().waitFor({ timeout: 10000 });
  assert.deepEqual(problems, []);
  await context.close();
});

test("the masthead's Compare link keeps the search, and a bad compare link shows a notice", async () => {
  const { page, context, problems } = await openPage(browser);
  await page.goto(server.url + "#/?q=shusha");
  await page.locator("ol.article-list a.headline").first().waitFor();
  await page.getByRole("link", { name: "Compare" }).click();
  await page.locator("section.naming-table").first().waitFor();
  assert.equal(await page.evaluate(() => location.hash), "#/compare/naming?q=shusha");
  assert.match(await page.locator(".compare-scope").textContent(), /matching “shusha”: 2 articles/);
  await page.goto(server.url + "#/compare/pie?term=liberat*&sort=sideways");
  await page.locator(".notice").waitFor();
  const notice = await page.locator(".notice").textContent();
  assert.match(notice, /no tab “pie”/);
  assert.match(notice, /sort order “sideways”/);
  await page.locator("section.naming-table").first().waitFor();
  await screenshot(page, "compare-bad-link");
  // An outlet the dossier does not have, on either side.
  await page.goto(server.url + "#/compare/terms?a=Nobody&b=Al-Monitor");
  await page.waitForFunction(() => /no outlet “Nobody” to compare/.test(document.querySelector(".notice")?.textContent ?? ""));
  await page.waitForFunction(() => location.hash === "#/compare/terms?b=Al-Monitor");
  assert.deepEqual(problems, []);
  await context.close();
});

test("the reading view cites the article in APA and Chicago", async () => {
  const { page, context, problems } = await openPage(browser);
  await page.goto(server.url + `#/article/${BAYRAMOV}`);
  await page.locator("#headline").waitFor();
  const headline = (await page.locator("#headline").textContent()).trim().replace(/\.$/, "");
  await page.locator(".cite").getByRole("button", { name: "APA" }).click();
  const box = page.locator("textarea.citation");
  await box.waitFor();
  const apa = await box.inputValue();
  assert.ok(apa.includes(headline), apa);
  await page.locator(".cite").getByRole("button", { name: "Chicago" }).click();
  await page.waitForFunction((a) => document.querySelector("textarea.citation").value !== a, apa);
  assert.ok((await box.inputValue()).includes(headline));
  await page.locator(".cite-status").filter({ hasText: /Chicago:/ }).waitFor();
  await screenshot(page, "compare-cite");
  assert.deepEqual(problems, []);
  await context.close();
});

// Session 2 (issue 7's remaining gaps): two date ranges, configurable stop
// words, the timeline by day or month and by outlet, the quotes chart and
// facet. Seed facts used below (corpus/articles/dossier.toml and the texts):
// publication dates 000 2021-09-08, 001 2021-10, 002 2024-03, 003 2022-08,
// 004 2023-09-25; "liberated" four times, all in 003.
const AL_MONITOR = "004_2488162bdfdb6eff";

/** The numbers in "Side A: 1 article, 815 terms counted; side B: …". */
async function counted(page) {
  const text = await page.locator(".terms-counted").textContent();
  const m = text.match(/Side A: (\d+) articles?, (\d+) terms? counted; side B: (\d+) articles?, (\d+) terms? counted/);
  assert.ok(m, text);
  return { text, a: +m[1], termsA: +m[2], b: +m[3], termsB: +m[4] };
}

/** Waits for the hash to contain `part`, then returns the hash. */
async function hashWith(page, part) {
  await page.waitForFunction((p) => location.hash.includes(p), part);
  return page.evaluate(() => location.hash);
}

test("distinctive terms compare two date ranges, kept in the URL", async () => {
  const { page, context, problems } = await open("#/compare/terms?vs=dates&a_from=2022&a_to=2022&b_from=2023");
  await page.locator("svg.bar-chart").first().waitFor();
  assert.equal(await page.locator("#terms-vs").inputValue(), "dates");
  assert.equal(await page.locator("#terms-a-from").inputValue(), "2022");
  assert.equal(await page.locator("#terms-b-to").inputValue(), "");
  // 2022: 003 only; 2023 on: 002 and 004; 000 and 001 (2021) on neither.
  const c = await counted(page);
  assert.deepEqual([c.a, c.b], [1, 2]);
  assert.match(c.text, /2 articles on neither side/);
  const liberated = page.locator("svg.bar-chart").first().locator('g.mark.bar[aria-label^="liberated:"]');
  assert.match(await liberated.getAttribute("aria-label"), /4 times in 2022, 0 in 2023 onwards$/);
  assert.match(await page.locator(".chart-figure figcaption").nth(1).textContent(), /Distinctive of 2023 onwards/);
  // Editing a date updates the link; a reload gives the same page.
  await page.locator("#terms-b-from").fill("2024");
  await page.locator("#terms-b-from").press("Enter");
  const hash = await hashWith(page, "b_from=2024");
  assert.equal(hash, "#/compare/terms?vs=dates&a_from=2022&a_to=2022&b_from=2024");
  await page.waitForFunction(() => /side B: 1 article,/.test(document.querySelector(".terms-counted")?.textContent));
  await page.reload();
  await page.locator("svg.bar-chart").first().waitFor();
  assert.equal(await page.locator("#terms-b-from").inputValue(), "2024");
  assert.deepEqual([(await counted(page)).a, (await counted(page)).b], [1, 1]);
  // A date that does not parse is marked, not applied.
  await page.locator("#terms-a-to").fill("2022-13");
  await page.locator("#terms-a-to").press("Enter");
  assert.equal(await page.locator("#terms-a-to").getAttribute("aria-invalid"), "true");
  assert.equal(await page.evaluate(() => location.hash), hash);
  // Back to outlets: the ranges stay in the link for later, the outlets show.
  await page.locator("#terms-vs").selectOption("outlets");
  await page.waitForFunction(() => !location.hash.includes("vs=dates"));
  await page.locator("#terms-a").waitFor();
  assert.deepEqual(problems, []);
  await context.close();
});

test("switching to date ranges starts from the selection's years", async () => {
  const { page, context, problems } = await open("#/compare/terms");
  await page.locator("#terms-vs").selectOption("dates");
  // Years 2021, 2022, 2023, 2024: A up to the middle year, B after it.
  const hash = await hashWith(page, "vs=dates");
  assert.equal(hash, "#/compare/terms?vs=dates&a_from=2021&a_to=2022&b_from=2023&b_to=2024");
  const c = await counted(page);
  assert.deepEqual([c.a, c.b], [3, 2]);
  assert.deepEqual(problems, []);
  await context.close();
});

test("stop words are the reader's: extra words leave the chart, none counts every word", async () => {
  const base = "#/compare/terms?vs=dates&a_from=2022&a_to=2022&b_from=2023";
  const { page, context, problems } = await open(base + "&stop=liberated");
  const first = page.locator("svg.bar-chart").first();
  await first.waitFor();
  assert.equal(await page.locator("#terms-stop").inputValue(), "liberated");
  assert.equal(await first.locator('g.mark.bar[aria-label^="liberated:"]').count(), 0);
  const before = await counted(page);
  // Typed words, folded as a search folds them.
  await page.locator("#terms-stop").fill("Liberated, Ankara");
  await page.locator("#terms-stop").press("Enter");
  await hashWith(page, "stop=Liberated,%20Ankara");
  await page.waitForFunction(() => !document.querySelector('svg.bar-chart g.mark.bar[aria-label^="ankara:"]'));
  // No default list: more words are counted, and the link says so.
  await page.locator("#terms-default-stops").uncheck();
  const hash = await hashWith(page, "stopwords=none");
  assert.equal(hash, base + "&stopwords=none&stop=Liberated,%20Ankara");
  await page.waitForFunction(() => /every word|only your stop words/.test(document.querySelector(".terms-counted")?.textContent));
  const after = await counted(page);
  assert.ok(after.termsA > before.termsA, `${after.termsA} > ${before.termsA}`);
  await page.reload();
  await first.waitFor();
  assert.equal(await page.locator("#terms-default-stops").isChecked(), false);
  assert.equal((await counted(page)).termsA, after.termsA);
  // Two-word phrases instead of words, kept in the link too.
  await page.locator("button.phrases").click();
  await hashWith(page, "words=2");
  await page.waitForFunction(() => {
    const bars = [...document.querySelectorAll("svg.bar-chart g.mark.bar")];
    return bars.length > 0 && bars.every((b) => b.getAttribute("aria-label").split(":")[0].includes(" "));
  });
  await page.reload();
  await first.waitFor();
  assert.equal(await page.locator("button.phrases").getAttribute("aria-pressed"), "true");
  // A term still runs its search (a phrase, quoted).
  const bar = first.locator("g.mark.bar").first();
  const label = (await bar.getAttribute("aria-label")).split(":")[0];
  await bar.click();
  await page.waitForFunction(() => !location.hash.includes("compare"));
  assert.equal(await page.locator("#search").inputValue(), label.includes(" ") ? `"${label}"` : label);
  assert.deepEqual(problems, []);
  await context.close();
});

test("the timeline groups by day or month, shows one outlet, and leads to the article", async () => {
  const { page, context, problems } = await open("#/compare/timeline?group=day");
  const day = page.locator('circle.event[data-date="2020-11-10"]');
  await day.waitFor();
  // 003 names 10 November 2020 twice.
  assert.equal(await day.getAttribute("data-count"), "2");
  assert.match(await day.locator("title").textContent(), /^10 November 2020: 2 mentions in 1 article/);
  assert.match(await page.locator(".timeline .chart-figure figcaption").textContent(), /by day/);
  // Publication dates on the same axis: five articles in five months.
  assert.equal(await page.locator("rect.publication").count(), 5);
  await page.getByRole("button", { name: "Month", exact: true }).click();
  await page.waitForFunction(() => !location.hash.includes("group="));
  // November 2020: 000 "November 2020", 001 "November 9", 003 twice.
  const month = page.locator('circle.event[data-date="2020-11"]');
  await month.waitFor();
  assert.equal(await month.getAttribute("data-count"), "4");
  assert.match(await month.locator("title").textContent(), /4 mentions in 3 articles/);
  await page.locator("#timeline-outlet").selectOption("Al-Monitor");
  assert.equal(await hashWith(page, "only="), "#/compare/timeline?only=Al-Monitor");
  await page.waitForFunction(() => document.querySelectorAll("rect.publication").length === 1);
  // Al-Monitor (004) names 2020 and "Sept. 20" (2023).
  const dates = await page.locator("circle.event").evaluateAll((els) => els.map((e) => e.dataset.date));
  assert.deepEqual(dates, ["2020", "2023-09"]);
  await page.locator('circle.event[data-date="2023-09"]').click();
  await page.waitForFunction(() => document.querySelectorAll("ol.events > li").length === 1);
  // The picked date is in the link: a reload shows the same one date.
  assert.equal(await hashWith(page, "date="), "#/compare/timeline?date=2023-09&only=Al-Monitor");
  await page.reload();
  await page.waitForFunction(() => document.querySelectorAll("ol.events > li").length === 1);
  assert.match(await page.locator("p.chosen").textContent(), /Showing September 2023 only/);
  const { hash } = await followToReading(page, page.locator("ol.events a").first());
  assert.ok(hash.startsWith(`#/article/${AL_MONITOR}`), hash);
  assert.deepEqual(problems, []);
  await context.close();
});

test("who is quoted: a chart segment filters the quotes by speaker and outlet, in the URL", async () => {
  const { page, context, problems } = await open("#/compare/quotes");
  const segment = (speaker, outlet) => page.locator(`rect.segment[data-speaker="${speaker}"][data-outlet="${outlet}"]`);
  await segment("entity:erdogan", "Al-Monitor").waitFor();
  // Erdoğan: 5 quotes in 003 (outlet unknown), 3 in Al-Monitor (004).
  assert.equal(await segment("entity:erdogan", "Al-Monitor").getAttribute("data-count"), "3");
  assert.equal(await segment("entity:erdogan", "(unknown outlet)").getAttribute("data-count"), "5");
  assert.equal(await segment("entity:stoltenberg", "Antiwar.com").getAttribute("data-count"), "4");
  assert.equal(await segment("entity:erdogan", "Al-Monitor").getAttribute("tabindex"), "0");
  await segment("entity:erdogan", "Al-Monitor").click();
  const hash = await hashWith(page, "speaker=");
  assert.equal(hash, "#/compare/quotes?only=Al-Monitor&speaker=entity%3Aerdogan");
  assert.equal(await page.locator(".speaker-quotes li").count(), 3);
  // The facet shows the choice, each option counting what it would list.
  assert.equal(await page.locator("#quotes-outlet").inputValue(), "Al-Monitor");
  assert.equal(await page.locator('#quotes-outlet option[value="(unknown outlet)"]').textContent(), "(unknown outlet) (5)");
  assert.equal(await page.locator('#quotes-speaker option[value="entity:erdogan"]').textContent(), "Recep Tayyip Erdoğan (3)");
  await page.reload();
  await page.locator(".speaker-quotes").waitFor();
  assert.equal(await page.locator(".speaker-quotes li").count(), 3);
  // Every outlet: all eight; only an outlet: everyone quoted there.
  await page.locator("#quotes-outlet").selectOption("");
  await page.waitForFunction(() => document.querySelectorAll(".speaker-quotes li").length === 8);
  await page.locator("#quotes-speaker").selectOption("");
  await page.locator("#quotes-outlet").selectOption("Antiwar.com");
  await page.waitForFunction(() => /Everyone quoted in Antiwar.com: 5 quotes/.test(document.querySelector(".speaker-quotes h3")?.textContent));
  // A speaker's name in the chart lists their quotes; one leads to its paragraph.
  await page.locator("#quotes-outlet").selectOption("");
  await page.locator('g.speaker-row[data-speaker="entity:stoltenberg"] text.bar-label').click();
  await page.waitForFunction(() => document.querySelectorAll(".speaker-quotes li").length === 4);
  const { hash: reading, text } = await followToReading(page, page.locator(".speaker-quotes a").first());
  assert.match(reading, /^#\/article\/002_f12498e0a3b23f5d\?p=\d+$/);
  assert.match(text, /Stoltenberg|said|“/);
  assert.deepEqual(problems, []);
  await context.close();
});

test("the new Compare views in light and dark, on a laptop and a phone", async () => {
  const views = {
    "terms-dates": ["#/compare/terms?vs=dates&a_from=2022&a_to=2022&b_from=2023&stop=said", "svg.bar-chart"],
    "timeline-day": ["#/compare/timeline?group=day", "circle.event"],
    "quotes-chart": ["#/compare/quotes?speaker=entity%3Aerdogan", "svg.quotes-chart"],
    naming: ["#/compare/naming", "section.naming-table"],
  };
  const screens = { laptop: { width: 1280, height: 800 }, phone: { width: 375, height: 812 } };
  for (const [name, [hash, ready]] of Object.entries(views)) {
    for (const [screen, viewport] of Object.entries(screens)) {
      for (const colorScheme of ["light", "dark"]) {
        const { page, context, problems } = await open(hash, { viewport, colorScheme });
        await page.locator(ready).first().waitFor();
        // Nothing wider than the screen.
        const wide = await page.evaluate(() => document.documentElement.scrollWidth);
        assert.ok(wide <= viewport.width, `${name} ${screen}: ${wide}px wide`);
        await screenshot(page, `compare-${name}-${screen}-${colorScheme}`);
        assert.deepEqual(problems, []);
        await context.close();
      }
    }
  }
});
