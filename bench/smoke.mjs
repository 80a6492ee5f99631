#!/usr/bin/env node
// CI smoke test of the benchmark harness: the 1k corpus (generated into
// bench/data/1000 if missing), Dossier only, a dozen queries, one
// cold load each. Exits non-zero if any step of the harness breaks. Results
// go to bench/data/smoke-results/ (git-ignored), not bench/results/.
//   node bench/smoke.mjs [--engines dossier]   (extra flags pass to run.mjs)
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const run = fileURLToPath(new URL("./run.mjs", import.meta.url));
const out = fileURLToPath(new URL("./data/smoke-results", import.meta.url));
const t = Date.now();
const r = spawnSync(process.execPath, [run, "--smoke", "--out", out, ...process.argv.slice(2)], { stdio: "inherit" });
let ok = r.status === 0;
if (ok) {
  const res = JSON.parse(readFileSync(`${out}/results.json`, "utf8"));
  for (const run of res.runs)
    for (const [engine, e] of Object.entries(run.engines)) {
      const bad = e.error || !(e.ready_ms?.p50 > 0) || !(e.keystroke_ms?.n > 0) || e.queries.every((q) => !/[1-9]/.test(q.count ?? ""));
      if (bad) console.error(`smoke: ${engine} ${run.size}: ${e.error ?? "no usable numbers"}`);
      ok &&= !bad;
    }
}
console.log(`bench smoke: ${ok ? "ok" : "FAILED"} in ${((Date.now() - t) / 1000).toFixed(1)} s`);
process.exit(ok ? 0 : 1);
