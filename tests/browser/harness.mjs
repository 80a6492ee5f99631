// Shared pieces of the browser tests: a static server for the built site on
// 127.0.0.1, Debian's headless Chromium driven by playwright-core, and a
// record of console errors, page errors and every request a page makes.
import { createRequire } from "node:module";
import { createServer } from "node:http";
import { readFile, mkdir, stat } from "node:fs/promises";
import { extname, join, resolve, sep } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const require = createRequire(new URL("../../tools/", import.meta.url));
const { chromium } = require("playwright-core");

export const ROOT = resolve(fileURLToPath(new URL("../..", import.meta.url)));
// DOSSIER_DIST and DOSSIER_ARTIFACTS let a second checkout's build or a
// parallel run use its own folders; `./dev test` leaves them unset.
export const DIST = process.env.DOSSIER_DIST ? resolve(process.env.DOSSIER_DIST) : join(ROOT, "dist");
export const ARTIFACTS = process.env.DOSSIER_ARTIFACTS
  ? resolve(process.env.DOSSIER_ARTIFACTS)
  : join(ROOT, "test-artifacts");

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".wasm": "application/wasm",
  ".json": "application/json",
  ".svg": "image/svg+xml",
};

/** Serves `dir` under `prefix` (e.g. "/" or "/some-repo/") on a free port. */
export async function serve(dir = DIST, prefix = "/") {
  const root = resolve(dir);
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, "http://x").pathname);
    if (!path.startsWith(prefix)) {
      res.writeHead(404).end("not under " + prefix);
      return;
    }
    let file = resolve(join(root, path.slice(prefix.length)));
    if (file !== root && !file.startsWith(root + sep)) {
      res.writeHead(403).end();
      return;
    }
    try {
      if ((await stat(file)).isDirectory()) file = join(file, "index.html");
      const body = await readFile(file);
      res.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream" });
      res.end(body);
    } catch {
      res.writeHead(404).end("not found");
    }
  });
  await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
  const url = `http://127.0.0.1:${server.address().port}${prefix}`;
  return { url, close: () => new Promise((ok) => server.close(ok)) };
}

/** The URL of a site's index.html opened from disk. */
export function fileUrl(dir = DIST) {
  return pathToFileURL(join(dir, "index.html")).href;
}

/** Launches Debian's Chromium, headless, with no background networking. */
export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

/**
 * A new page that records console errors, uncaught exceptions and requests.
 * `problems` lists everything that went wrong, for one assertion at the end.
 */
export async function openPage(browser, options = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, ...options });
  const page = await context.newPage();
  const problems = [];
  const requests = [];
  page.on("console", (msg) => {
    if (msg.type() === "error") problems.push(`console error: ${msg.text()}`);
  });
  page.on("pageerror", (err) => problems.push(`page error: ${err.message}`));
  page.on("requestfailed", (req) => problems.push(`request failed: ${req.url()}`));
  page.on("request", (req) => requests.push(req.url()));
  page.on("response", (res) => {
    if (res.status() >= 400) problems.push(`HTTP ${res.status()} for ${res.url()}`);
  });
  return { page, context, problems, requests };
}

/** Saves a screenshot under test-artifacts/. */
export async function screenshot(page, name) {
  await mkdir(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
}
