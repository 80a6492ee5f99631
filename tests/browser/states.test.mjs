// What a reader sees when things go wrong or are unusual: a site whose data
// is missing or from another version, and an accessibility check (axe-core)
// of the list and the reading view.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DIST, fileUrl, launch, openPage, screenshot, serve } from "./harness.mjs";

const AXE = readFileSync(new URL("../../tools/node_modules/axe-core/axe.min.js", import.meta.url), "utf8");

let browser, server;
before(async () => {
  browser = await launch();
  server = await serve();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

function copyOfDist() {
  const dir = join(mkdtempSync(join(tmpdir(), "dossier-states-")), "site");
  cpSync(DIST, dir, { recursive: true });
  return dir;
}

test("a site whose data file is missing says so and what to do", async () => {
  const site = copyOfDist();
  rmSync(join(site, "data/corpus.js"));
  const { page, context } = await openPage(browser);
  await page.goto(fileUrl(site));
  const error = page.locator(".error[role=alert]");
  await error.waitFor();
  assert.match(await error.textContent(), /data \(data\/corpus\.js\) did not load.*open index\.html again/);
  await context.close();
});

test("a dossier with no articles says so and how to make one", async () => {
  const site = copyOfDist();
  const path = join(site, "data/corpus.js");
  const script = readFileSync(path, "utf8");
  const [, encoded] = script.match(/__dossierCorpus64 = "([^"]*)"/);
  const bundle = JSON.parse(Buffer.from(encoded, "base64").toString("utf8"));
  assert.ok(bundle.articles.length > 0);
  bundle.articles = [];
  writeFileSync(path, script.replace(encoded, Buffer.from(JSON.stringify(bundle)).toString("base64")));
  const { page, context, problems } = await openPage(browser);
  await page.goto(fileUrl(site));
  const empty = page.locator(".empty[role=status]");
  await empty.waitFor();
  assert.match(await empty.textContent(), /no articles yet.*dossier build ARTICLES\/ --out SITE\//);
  assert.equal(await page.locator(".error, #fatal:not([hidden])").count(), 0);
  assert.deepEqual(problems, []);
  await context.close();
});

test("data from another version of Dossier is refused by name, not shown wrong", async () => {
  const site = copyOfDist();
  const path = join(site, "data/corpus.js");
  // The catalog travels as base64 of its JSON: decode, change, encode.
  const script = readFileSync(path, "utf8");
  const [, encoded] = script.match(/__dossierCorpus64 = "([^"]*)"/);
  const json = Buffer.from(encoded, "base64").toString("utf8");
  assert.ok(json.includes('"schema_version":1'));
  const changed = Buffer.from(json.replace('"schema_version":1', '"schema_version":99')).toString("base64");
  writeFileSync(path, script.replace(encoded, changed));
  const { page, context } = await openPage(browser);
  await page.goto(fileUrl(site));
  const error = page.locator(".error[role=alert]");
  await error.waitFor();
  assert.match(await error.textContent(), /format version 99.*reads version 1/);
  await screenshot(page, "unknown-version");
  await context.close();
});

for (const [what, script] of [
  ["cut-off JSON in base64", `window.__dossierCorpus64 = "${Buffer.from('{"schema_version":1, "art').toString("base64")}";\n`],
  ["text that is not base64", 'window.__dossierCorpus64 = "not base64 at all!";\n'],
  ["cut-off JSON text (an older site)", 'window.__dossierCorpus = "{\\"schema_version\\":1, \\"art";\n'],
]) {
  test(`damaged data (${what}) gives a message, not a blank page`, async () => {
    const site = copyOfDist();
    writeFileSync(join(site, "data/corpus.js"), script);
    const { page, context } = await openPage(browser);
    await page.goto(fileUrl(site));
    await page.locator(".error[role=alert]").waitFor();
    assert.match(await page.locator(".error").textContent(), /damaged/);
    await context.close();
  });
}

test("a Rust panic shows the error banner, with what to do, over the page", async () => {
  const { page, context, problems } = await openPage(browser);
  await page.goto(server.url + "#/?q=karabakh");
  await page.locator("ol.article-list > li").first().waitFor();
  const banner = page.locator("#fatal");
  assert.equal(await banner.isVisible(), false);
  // A real panic inside the app's wasm, through the hook main.rs installs.
  const thrown = await page.evaluate(() => {
    try {
      wasm_bindgen.dossier_panic_for_testing();
      return null;
    } catch (err) {
      return String(err);
    }
  });
  assert.ok(thrown, "the panic surfaces as an exception to its caller");
  await banner.waitFor({ state: "visible" });
  const text = await banner.textContent();
  assert.match(text, /stopped because of a bug: .*raised on purpose.*Reload the page/s);
  assert.equal(await banner.getAttribute("role"), "alert");
  // The results the reader had stay on screen under the banner.
  assert.ok((await page.locator("ol.article-list > li").count()) > 0);
  await screenshot(page, "panic-banner");
  // The hook also logs the panic to the console, for a bug report.
  assert.ok(problems.some((p) => /raised on purpose/.test(p)), problems.join("\n"));
  await context.close();
});

for (const [name, hash, colorScheme, help] of [
  ["the results", "#/?q=karabakh", "light"],
  ["the reading view", "#/article/002_f12498e0a3b23f5d?q=stoltenberg", "light"],
  ["the results, dark theme", "#/?q=karabakh", "dark"],
  ["the reading view, dark theme", "#/article/002_f12498e0a3b23f5d?q=stoltenberg", "dark"],
  ["the help", "#/?q=karabakh", "light", true],
  ["the help, dark theme", "#/?q=karabakh", "dark", true],
]) {
  test(`axe-core finds no accessibility violations in ${name}`, async () => {
    // axe is injected by the test, so this one page may run a script the CSP
    // does not list; over http, because axe reads the stylesheet with XHR.
    const { page, context, problems } = await openPage(browser, { bypassCSP: true, colorScheme });
    await page.goto(server.url + hash);
    await page.locator("ol.article-list, article h1").first().waitFor();
    if (help) {
      await page.locator("body").click({ position: { x: 5, y: 5 } });
      await page.keyboard.press("?");
      await page.locator(".help").waitFor();
    }
    await page.evaluate(AXE);
    const result = await page.evaluate(() => axe.run(document, { resultTypes: ["violations"] }));
    const violations = result.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
    assert.deepEqual(violations, []);
    assert.deepEqual(problems, []);
    await context.close();
  });
}
