// The explorer as a reader uses it: live search with highlights, facets and
// their chips, the date slider by keyboard and by mouse, the reading view
// with previous/next, the keyboard, Back/Forward, links that reproduce a
// view, bad links, hostile text, and screenshots at two sizes in both themes.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { ROOT, serve, launch, openPage, screenshot } from "./harness.mjs";

const DOSSIER = process.env.DOSSIER_BIN ?? join(ROOT, "target/debug/dossier");

let browser, server;
before(async () => {
  browser = await launch();
  server = await serve();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

const count = (page) => page.locator(".summary .count").textContent();
const headlines = (page) => page.locator("ol.article-list a.headline").allTextContents();

const outletBox = (page, name) =>
  page.getByRole("group", { name: "Outlet" }).getByRole("checkbox", { name: new RegExp("^" + name.replace(".", "\\.")) });

async function ready(page, url) {
  await page.goto(url);
  await page.locator("ol.article-list a.headline").first().waitFor();
}

test("typing a query updates the count and highlights the matches", async () => {
  const { page, context, problems } = await openPage(browser);
  await ready(page, server.url);
  assert.equal(await count(page), "5 articles");
  // "Erdogan" finds Erdoğan too: four seeds name him either way.
  await page.locator("#search").pressSequentially("erdogan", { delay: 20 });
  await page.waitForFunction(() => document.querySelector(".summary .count").textContent === "4 articles");
  const marks = await page.locator("ol.article-list mark").allTextContents();
  assert.ok(marks.some((m) => m === "Erdoğan") && marks.some((m) => m === "Erdogan"), marks.join(","));
  // The address bar follows once typing pauses.
  await page.waitForFunction(() => /q=erdogan/.test(location.hash));
  // An alias: Shusha also finds the article that writes Shushi, and says so.
  await page.locator("#search").fill("shusha");
  await page.waitForFunction(() => document.querySelector(".summary .count").textContent === "2 articles");
  assert.match(await page.locator(".summary .also").first().textContent(), /Shushi/);
  // A word still being typed (no space after it) is already the word:
  // stemmed ("praising" finds "Praises") and corrected ("stoltenberk"),
  // as in a shared link.
  await page.locator("#search").fill("praising");
  await page.waitForFunction(() => document.querySelector(".summary .count").textContent === "1 article");
  assert.match(await page.locator("ol.article-list .headline").textContent(), /Praises/);
  await page.locator("#search").fill("stoltenberk");
  await page.waitForFunction(() => document.querySelector(".summary .count").textContent !== "No articles match" && /stoltenberg/.test(document.querySelector(".summary").textContent));
  await page.locator("#search").fill("zzzqqqxxx");
  await page.waitForFunction(() => document.querySelector(".summary .count").textContent === "No articles match");
  assert.equal(await page.locator("ol.article-list").count(), 0);
  assert.deepEqual(problems, []);
  await context.close();
});

test("a facet click filters, shows a chip, and the chip removes it", async () => {
  const { page, context, problems } = await openPage(browser);
  await ready(page, server.url);
  await outletBox(page, "Antiwar.com").check();
  await page.waitForFunction(() => document.querySelector(".summary .count").textContent === "1 article");
  assert.deepEqual(await headlines(page), ["NATO Chief Praises Turkey’s Military Support for Azerbaijan"]);
  // Disjunctive counts: the other outlets still show what they would add.
  const alMonitor = page.getByRole("group", { name: "Outlet" }).locator("label", { hasText: "Al-Monitor" });
  assert.equal(await alMonitor.locator(".count").textContent(), "1");
  const chip = page.getByRole("button", { name: "Remove filter Antiwar.com" });
  await chip.click();
  await page.waitForFunction(() => document.querySelector(".summary .count").textContent === "5 articles");
  assert.deepEqual(problems, []);
  await context.close();
});

test("a month filter from a link shows as a chip, is counted on the phone's Filters button, and the chip removes it", async () => {
  const { page, context, problems } = await openPage(browser);
  await page.goto(server.url + "#/?month=2024-03");
  await page.waitForFunction(() => document.querySelector(".summary .count")?.textContent === "1 article");
  assert.equal(await page.locator("button.drawer-button").textContent(), "Filters (1)");
  const chip = page.getByRole("button", { name: "Remove filter March 2024" });
  await chip.click();
  await page.waitForFunction(() => document.querySelector(".summary .count").textContent === "5 articles");
  assert.doesNotMatch(new URL(page.url()).hash, /month=/);
  assert.equal(await page.locator("button.drawer-button").textContent(), "Filters");
  assert.deepEqual(problems, []);
  await context.close();
});

test("the date slider moves by keyboard and by mouse, and the histogram follows", async () => {
  const { page, context, problems } = await openPage(browser);
  await ready(page, server.url);
  // A bar per month with articles: one "M" subpath in the in-range or the
  // out-of-range path.
  const bars = (which) => page.locator(`.histogram path.${which}`).evaluate((p) => (p.getAttribute("d").match(/M/g) ?? []).length);
  const inRange = () => bars("in");
  const all = (await bars("in")) + (await bars("out"));
  assert.ok(all >= 4, `a bar for each month with articles (${all})`);
  assert.equal(await inRange(), all);
  assert.match(await page.locator(".approx-note").textContent(), /3 of 5 dates known only to the month/);
  // Keyboard: the "from" handle to the last month leaves only March 2024.
  const from = page.getByRole("slider", { name: "From month" });
  await from.focus();
  await page.keyboard.press("End");
  await page.waitForFunction(() => document.querySelector(".summary .count").textContent === "1 article");
  assert.equal(await inRange(), 1);
  assert.equal(await bars("out"), all - 1);
  // The handle says the month and its count to assistive technology.
  assert.equal(await from.getAttribute("aria-valuetext"), "Mar 2024, 1 article that month");
  // Hovering the chart reads out the month under the pointer.
  const chart = await page.locator(".histogram").boundingBox();
  await page.mouse.move(chart.x + chart.width - 1, chart.y + chart.height - 2);
  assert.match(await page.locator(".hover-readout").textContent(), /Mar 2024: 1 article$/);
  await page.mouse.move(0, 0);
  await page.locator(".hover-readout").waitFor({ state: "detached" });
  await page.keyboard.press("Home");
  await page.waitForFunction(() => document.querySelector(".summary .count").textContent === "5 articles");
  // Mouse: drag the "to" handle to the left end: only September 2021 stays.
  const to = page.getByRole("slider", { name: "To month" });
  const box = await to.boundingBox();
  await page.mouse.move(box.x + box.width - 6, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + 2, box.y + box.height / 2, { steps: 8 });
  await page.mouse.up();
  await page.waitForFunction(() => document.querySelector(".summary .count").textContent === "1 article");
  assert.deepEqual(await headlines(page), ["Turkey-Azerbaijan Relations Knit Even Closer Together"]);
  await page.waitForFunction(() => /to=2021-09/.test(location.hash));
  assert.deepEqual(problems, []);
  await context.close();
});

test("the reading view opens, steps to the next and previous result, and closes", async () => {
  const { page, context, problems } = await openPage(browser);
  await ready(page, server.url + "#/?q=azerbaijan&sort=oldest");
  await page.locator("ol.article-list a.headline").first().click();
  const h1 = page.locator("article h1");
  await h1.waitFor();
  assert.equal(await h1.textContent(), "Turkey-Azerbaijan Relations Knit Even Closer Together");
  // The text may arrive after the headline (its shard loads on demand).
  await page.locator("article .body mark").first().waitFor({ timeout: 10000 });
  assert.match(await page.locator(".reading-nav .position").textContent(), /1 of 5/);
  await page.getByRole("link", { name: "Next ›" }).click();
  await page.waitForFunction(() => document.querySelector("article h1").textContent.startsWith("Azerbaijan Holds"));
  // Captions and furniture are hidden until asked for.
  assert.equal(await page.locator(".para.role-caption").count(), 0);
  await page.getByRole("button", { name: /Show everything that was on the page/ }).click();
  assert.equal(await page.locator(".para.role-caption").count(), 3);
  await page.getByRole("link", { name: "‹ Previous" }).click();
  await page.waitForFunction(() => document.querySelector("article h1").textContent.startsWith("Turkey-Azerbaijan"));
  assert.ok((await page.locator(".side-panel h2", { hasText: "Related" }).count()) === 1);
  await page.getByRole("link", { name: "← Results" }).click();
  await page.locator("ol.article-list").waitFor();
  assert.match(new URL(page.url()).hash, /^#\/\?q=azerbaijan&sort=oldest$/);
  assert.deepEqual(problems, []);
  await context.close();
});

test("the keyboard alone: / to search, j/k to move, Enter to open, ] to go on, Esc to close, ? for help", async () => {
  const { page, context, problems } = await openPage(browser);
  await ready(page, server.url);
  await page.keyboard.press("/");
  assert.equal(await page.evaluate(() => document.activeElement.id), "search");
  // "/" selects what was there, and is not typed itself.
  await page.keyboard.type("karabakh");
  assert.equal(await page.locator("#search").inputValue(), "karabakh");
  await page.waitForFunction(() => /q=karabakh/.test(location.hash));
  // Esc leaves the box; the letters then move the cursor instead of typing.
  await page.keyboard.press("Escape");
  assert.notEqual(await page.evaluate(() => document.activeElement?.id), "search");
  await page.keyboard.press("j");
  await page.keyboard.press("j");
  await page.keyboard.press("k");
  const cursor = await page.locator("li.cursor a.headline").textContent();
  const second = (await headlines(page))[1];
  assert.equal(cursor, second);
  assert.equal(await page.locator("#search").inputValue(), "karabakh");
  await page.keyboard.press("Enter");
  await page.locator("article h1").waitFor();
  assert.equal(await page.locator("article h1").textContent(), second);
  await page.keyboard.press("]");
  await page.waitForFunction((h) => document.querySelector("article h1").textContent !== h, second);
  const third = await page.locator("article h1").textContent();
  await page.keyboard.press("Escape");
  await page.locator("ol.article-list").waitFor();
  // Focus returns to the result that was open.
  await page.waitForFunction(() => document.activeElement?.matches("ol.article-list a.headline"));
  assert.equal(await page.evaluate(() => document.activeElement.textContent), third);
  await page.keyboard.press("?");
  await page.locator(".help").waitFor();
  assert.match(await page.locator(".help").textContent(), /"ethnic cleansing"/);
  // Focus moves into the help, and back to the result on closing it.
  await page.waitForFunction(() => document.activeElement?.id === "help-heading");
  await page.keyboard.press("Escape");
  assert.equal(await page.locator(".help").count(), 0);
  await page.waitForFunction(() => document.activeElement?.matches("ol.article-list a.headline"));
  assert.equal(await page.evaluate(() => document.activeElement.textContent), third);
  assert.deepEqual(problems, []);
  await context.close();
});

test("Back and Forward move through views, and a copied link reproduces one exactly", async () => {
  const { page, context, problems } = await openPage(browser);
  await ready(page, server.url);
  await page.locator("#search").fill("turkey");
  await page.waitForFunction(() => /q=turkey/.test(location.hash));
  await outletBox(page, "Al-Monitor").check();
  await page.waitForFunction(() => document.querySelector(".summary .count").textContent === "1 article");
  const link = page.url();
  await page.goBack();
  await page.waitForFunction(() => document.querySelector(".summary .count").textContent !== "1 article");
  assert.doesNotMatch(new URL(page.url()).hash, /outlet=/);
  await page.goForward();
  await page.waitForFunction(() => document.querySelector(".summary .count").textContent === "1 article");

  const other = await openPage(browser);
  await ready(other.page, link);
  assert.equal(await count(other.page), "1 article");
  assert.equal(await other.page.locator("#search").inputValue(), "turkey");
  assert.equal(await outletBox(other.page, "Al-Monitor").isChecked(), true);
  assert.equal(await other.page.locator(".chips .chip").count(), 1);
  assert.deepEqual([...problems, ...other.problems], []);
  await other.context.close();
  await context.close();
});

test("no results name the filters to remove, with what each would find", async () => {
  const { page, context, problems } = await openPage(browser);
  await page.goto(server.url + "#/?q=nato&outlet=Breitbart%20News&from=2022-01");
  await page.waitForFunction(() => document.querySelector(".summary .count")?.textContent === "No articles match");
  const options = page.getByRole("list", { name: "Filters to remove" }).getByRole("button");
  assert.deepEqual(await options.allTextContents(), [
    "Remove Breitbart News (outlet): 1 article",
    "Remove January 2022 – … (dates): 1 article",
  ]);
  await options.first().click();
  await page.waitForFunction(() => document.querySelector(".summary .count").textContent === "1 article");
  assert.deepEqual(await headlines(page), ["NATO Chief Praises Turkey’s Military Support for Azerbaijan"]);
  assert.doesNotMatch(new URL(page.url()).hash, /outlet=/);
  assert.deepEqual(problems, []);
  await context.close();
});

test("a malformed or stale link shows a notice and the nearest valid view", async () => {
  const { page, context, problems } = await openPage(browser);
  await ready(page, server.url + "#/?q=nato&from=2021-13&outlet=Nowhere%20Times&sort=sideways&p=x");
  const notice = await page.locator(".notice").textContent();
  assert.match(notice, /“2021-13” is not a date/);
  assert.match(notice, /no outlet “Nowhere Times”/);
  assert.match(notice, /sort order “sideways” is unknown/);
  assert.equal(await page.locator("#search").inputValue(), "nato");
  assert.ok((await headlines(page)).length > 0);
  // The address bar drops what was not understood.
  await page.waitForFunction(() => location.hash === "#/?q=nato");

  // The same stale settings arriving by a hash change in an open page,
  // onto the view already shown: notice, and the address is cleaned too.
  await page.getByRole("button", { name: "Dismiss" }).click();
  await page.evaluate(() => { location.hash = "#/?q=nato&sort=sideways"; });
  await page.locator(".notice").waitFor();
  assert.match(await page.locator(".notice").textContent(), /sort order “sideways” is unknown/);
  await page.waitForFunction(() => location.hash === "#/?q=nato");

  // A range that runs backwards is turned round.
  await page.goto(server.url + "#/?from=2024-03&to=2021-09");
  await page.locator(".notice").waitFor();
  assert.match(await page.locator(".notice").textContent(), /ran backwards, from March 2024 to September 2021; showing September 2021 to March 2024/);
  await page.waitForFunction(() => location.hash === "#/?from=2021-09&to=2024-03");
  assert.equal(await count(page), "5 articles");

  // A paragraph the article does not have: its start, and a notice.
  const id = "002_f12498e0a3b23f5d";
  await page.goto(server.url + `#/article/${id}?p=999`);
  await page.locator("article .body p").first().waitFor();
  await page.locator(".notice").waitFor();
  assert.match(await page.locator(".notice").textContent(), /paragraph 999, but this article has \d+; showing its start/);
  await page.waitForFunction((id) => location.hash === `#/article/${id}`, id);
  assert.deepEqual(problems, []);
  await context.close();
});

test("hostile article text renders as inert text", async () => {
  const dir = mkdtempSync(join(tmpdir(), "dossier-hostile-"));
  const articles = join(dir, "articles");
  mkdirSync(articles);
  writeFileSync(
    join(articles, "evil.txt"),
    '<img src=x onerror="window.pwned=1">\n\n<script>window.pwned=2</script> and a <a href="javascript:window.pwned=3">link</a>\n',
  );
  writeFileSync(join(articles, "plain.txt"), "A plain article\n\nNothing to see.\n");
  // Addresses come from the files too: only a web address may become a link.
  writeFileSync(join(articles, "evil-url.md"), "---\ntitle: Evil address\nurl: javascript:window.pwned=4\n---\nBody of the evil address.\n");
  writeFileSync(join(articles, "good-url.md"), "---\ntitle: Good address\nurl: https://www.example.org/news/1\n---\nBody of the good address.\n");
  const site = join(dir, "site");
  execFileSync(DOSSIER, ["build", articles, "--out", site], { stdio: "ignore" });
  const { page, context, problems } = await openPage(browser);
  let dialogs = 0;
  page.on("dialog", (d) => {
    dialogs += 1;
    d.dismiss();
  });
  await ready(page, pathToFileURL(join(site, "index.html")).href);
  assert.ok((await headlines(page)).includes('<img src=x onerror="window.pwned=1">'));
  await page.getByRole("link", { name: '<img src=x onerror="window.pwned=1">' }).click();
  await page.locator("article h1").waitFor();
  assert.match(await page.locator("article .body").textContent(), /<script>window\.pwned=2<\/script>/);
  assert.equal(await page.locator("article img, article script, article .body a[href^='javascript']").count(), 0);
  // A javascript: address is shown as text; a web address is a link.
  await page.getByRole("link", { name: "← Results" }).click();
  await page.getByRole("link", { name: "Evil address" }).click();
  await page.locator("article h1", { hasText: "Evil address" }).waitFor();
  assert.equal(await page.locator(".source-text").textContent(), "source: javascript:window.pwned=4");
  assert.equal(await page.locator("a[href^='javascript' i]").count(), 0);
  await page.locator(".source-text").click();
  await page.getByRole("link", { name: "← Results" }).click();
  await page.getByRole("link", { name: "Good address" }).click();
  const original = page.getByRole("link", { name: "original at example.org" });
  assert.equal(await original.getAttribute("href"), "https://www.example.org/news/1");
  assert.equal(await page.evaluate(() => window.pwned), undefined);
  assert.equal(dialogs, 0);
  assert.deepEqual(problems, []);
  await context.close();
});

test("the theme toggle switches light and dark, and the page remembers it", async () => {
  const { page, context, problems } = await openPage(browser, { colorScheme: "light" });
  await ready(page, server.url);
  const theme = () => page.evaluate(() => [document.documentElement.dataset.theme, getComputedStyle(document.body).backgroundColor]);
  assert.deepEqual(await theme(), ["light", "rgb(253, 252, 249)"]);
  const toggle = page.getByRole("button", { name: "Dark theme" });
  assert.equal(await toggle.getAttribute("aria-pressed"), "false");
  await toggle.click();
  assert.deepEqual(await theme(), ["dark", "rgb(22, 22, 26)"]);
  assert.equal(await toggle.getAttribute("aria-pressed"), "true");
  // Remembered, and applied before the app starts (no flash of light).
  await page.reload();
  assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), "dark");
  await ready(page, server.url);
  assert.equal(await page.getByRole("button", { name: "Dark theme" }).getAttribute("aria-pressed"), "true");
  // Back to the system's own theme: the choice is forgotten, the page follows the system.
  await page.getByRole("button", { name: "Dark theme" }).click();
  assert.deepEqual(await theme(), ["light", "rgb(253, 252, 249)"]);
  assert.equal(await page.evaluate(() => localStorage.getItem("dossier-theme")), null);
  await page.emulateMedia({ colorScheme: "dark" });
  await page.waitForFunction(() => document.documentElement.dataset.theme === "dark");
  assert.deepEqual(problems, []);
  await context.close();
});

test("printing an article gives its text and sources, without the page's controls", async () => {
  const { page, context, problems } = await openPage(browser, { colorScheme: "dark" });
  await ready(page, server.url + "#/?q=nato");
  await page.locator("ol.article-list a.headline").first().click();
  await page.locator("article h1").waitFor();
  await page.locator("article .body mark").first().waitFor();
  await page.emulateMedia({ media: "print" });
  const shown = (sel) => page.locator(sel).first().evaluate((e) => getComputedStyle(e).display !== "none");
  for (const sel of [".masthead", ".search-row", ".reading-nav", ".cite"]) assert.equal(await shown(sel), false, `${sel} is not printed`);
  for (const sel of ["article h1", "article .body", ".side-panel"]) assert.equal(await shown(sel), true, `${sel} is printed`);
  // Black on white even from the dark theme.
  assert.deepEqual(
    await page.evaluate(() => [getComputedStyle(document.body).backgroundColor, getComputedStyle(document.body).color]),
    ["rgb(255, 255, 255)", "rgb(0, 0, 0)"],
  );
  await page.emulateMedia({ media: "screen" });
  assert.equal(await shown(".masthead"), true);
  assert.deepEqual(problems, []);
  await context.close();
});

for (const [name, viewport] of [
  ["desktop", { width: 1280, height: 800 }],
  ["phone", { width: 375, height: 812 }],
]) {
  for (const colorScheme of ["light", "dark"]) {
    test(`screenshots: ${name}, ${colorScheme}`, async () => {
      const { page, context, problems } = await openPage(browser, { viewport, colorScheme });
      await ready(page, server.url + "#/?q=karabakh");
      await screenshot(page, `explorer-${name}-${colorScheme}`);
      await page.locator("ol.article-list a.headline").first().click();
      await page.locator("article h1").waitFor();
      await screenshot(page, `reading-${name}-${colorScheme}`);
      assert.deepEqual(problems, []);
      await context.close();
    });
  }
}
