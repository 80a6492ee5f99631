// Writes a run's results: results.json (everything), results.md (the table)
// and chart.svg (hand-written SVG: keystroke-to-paint p50/p95 and ready time
// per engine and size, log scale).
import { writeFileSync } from "node:fs";
import { join } from "node:path";

const ENGINE_NAMES = { dossier: "Dossier", minisearch: "MiniSearch", pagefind: "Pagefind" };
const COLORS = { dossier: "#2563eb", minisearch: "#d97706", pagefind: "#059669" };
const mb = (b) => (b == null ? "–" : (b / 2 ** 20).toFixed(1));
const ms = (x) => (x == null ? "–" : x >= 100 ? x.toFixed(0) : x.toFixed(1));
const trio = (s) => (s ? `${ms(s.p50)} / ${ms(s.p95)} / ${ms(s.max)}` : "–");
const pair = (s) => (s?.n ? `${ms(s.p50)} / ${ms(s.p95)}` : "–");
// Event Timing: keystrokes over a frame, and the p95 ("< 16" when not reported).
const events = (s) => (s?.n ? `${s.over_frame} of ${s.n} / ${s.p95 ? ms(s.p95) : "< 16"}` : "–");

export function table(result) {
  const rows = [
    "| size | engine | ready, http (ms, median) | ready, file:// (ms, median) | keystroke→paint p50 / p95 / max (ms) | keystroke→first paint p50 / p95 (ms) | keystrokes over a frame / p95 (Event Timing, ms) | drag p50 / p95 / max (ms) | facet click p50 / p95 / max (ms) | JS heap after load / after 100 articles (MB) | wasm memory after load / after (MB) | Chromium PSS after load / after (MB) | bytes loaded raw / gzip (MB) |",
    "| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
  ];
  for (const run of result.runs) {
    for (const [engine, r] of Object.entries(run.engines)) {
      const name = ENGINE_NAMES[engine] ?? engine;
      if (r.error) {
        rows.push(`| ${run.size} | ${name} | failed: ${r.error.split("\n")[0].replace(/\|/g, "\\|")} | | | | | | | | | |`);
        continue;
      }
      const a = r.memory_after_load ?? {};
      const b = r.memory_after_articles ?? {};
      rows.push(
        `| ${run.size.toLocaleString("en")} | ${name} | ${ms(r.ready_ms?.p50)} | ${ms(r.ready_file_ms?.p50)} | ${trio(r.keystroke_ms)} | ${pair(r.keystroke_first_paint_ms)} | ${events(r.keystroke_event_ms)} | ${trio(r.drag_ms)} | ${trio(r.facet_click_ms)} | ${mb(a.js_heap_used)} / ${mb(b.js_heap_used)} | ${mb(a.wasm_memory)} / ${mb(b.wasm_memory)} | ${mb(a.process_pss)} / ${mb(b.process_pss)} | ${mb(r.bytes_loaded?.raw)} / ${mb(r.bytes_loaded?.gzip)} |`,
      );
    }
  }
  return rows.join("\n");
}

function ratios(result) {
  const lines = [];
  for (const run of result.runs) {
    const d = run.engines.dossier;
    if (!d || d.error) continue;
    for (const peer of ["minisearch", "pagefind"]) {
      const p = run.engines[peer];
      if (!p || p.error) continue;
      const r = (a, b) => (a && b ? (a / b).toFixed(2) : "–");
      lines.push(
        `| ${run.size.toLocaleString("en")} | Dossier ÷ ${ENGINE_NAMES[peer]} | ${r(d.keystroke_ms.p50, p.keystroke_ms.p50)} | ${r(d.keystroke_ms.p95, p.keystroke_ms.p95)} | ${r(d.ready_ms.p50, p.ready_ms.p50)} | ${r(d.memory_after_load.js_heap_used + d.memory_after_load.wasm_memory, p.memory_after_load.js_heap_used + p.memory_after_load.wasm_memory)} | ${r(d.bytes_loaded.raw, p.bytes_loaded.raw)} |`,
      );
    }
  }
  if (!lines.length) return "";
  return [
    "| size | ratio | keystroke p50 | keystroke p95 | ready | JS+wasm heap after load | bytes loaded |",
    "| ---: | --- | ---: | ---: | ---: | ---: | ---: |",
    ...lines,
  ].join("\n");
}

export function chart(result) {
  // One panel per metric; bars per size × engine; log10 y from 0.1 ms to the max.
  const panels = [
    { title: "keystroke → paint, p50 (ms)", get: (r) => r.keystroke_ms?.p50 },
    { title: "keystroke → paint, p95 (ms)", get: (r) => r.keystroke_ms?.p95 },
    { title: "cold ready, http (ms)", get: (r) => r.ready_ms?.p50 },
  ];
  const engines = [...new Set(result.runs.flatMap((run) => Object.keys(run.engines)))];
  const W = 300, H = 260, PAD = 44, TOP = 40;
  const width = panels.length * W + 20, height = H + TOP + 60;
  const out = [`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="system-ui,sans-serif" font-size="11">`,
    `<rect width="100%" height="100%" fill="#fff"/>`,
    `<text x="10" y="18" font-size="14" font-weight="bold">Dossier vs MiniSearch vs Pagefind — headless Chromium, ${result.meta.machine.cpus} cores (log scale; lower is better)</text>`];
  panels.forEach((panel, pi) => {
    const x0 = 10 + pi * W + PAD, y0 = TOP + 10, plotW = W - PAD - 16, plotH = H - 40;
    const vals = result.runs.flatMap((run) => engines.map((e) => run.engines[e] && !run.engines[e].error ? panel.get(run.engines[e]) : null)).filter((v) => v > 0);
    const lo = 0.1, hi = Math.max(1, ...vals) * 1.5;
    const y = (v) => y0 + plotH - (Math.log10(Math.max(v, lo) / lo) / Math.log10(hi / lo)) * plotH;
    out.push(`<text x="${x0}" y="${y0 - 6}" font-weight="bold">${panel.title}</text>`);
    for (let t = lo; t <= hi; t *= 10) out.push(`<line x1="${x0}" x2="${x0 + plotW}" y1="${y(t).toFixed(1)}" y2="${y(t).toFixed(1)}" stroke="#ddd"/><text x="${x0 - 4}" y="${(y(t) + 4).toFixed(1)}" text-anchor="end">${t >= 1 ? t.toFixed(0) : t}</text>`);
    out.push(`<line x1="${x0}" x2="${x0}" y1="${y0}" y2="${y0 + plotH}" stroke="#999"/>`);
    const groupW = plotW / result.runs.length, barW = Math.min(24, (groupW - 10) / engines.length);
    result.runs.forEach((run, gi) => {
      const gx = x0 + gi * groupW + (groupW - barW * engines.length) / 2;
      engines.forEach((e, ei) => {
        const r = run.engines[e];
        const v = r && !r.error ? panel.get(r) : null;
        if (v == null) return;
        const top = y(v);
        out.push(`<rect x="${(gx + ei * barW).toFixed(1)}" y="${top.toFixed(1)}" width="${(barW - 2).toFixed(1)}" height="${(y0 + plotH - top).toFixed(1)}" fill="${COLORS[e]}"><title>${ENGINE_NAMES[e]} ${run.size}: ${ms(v)} ms</title></rect>`);
        out.push(`<text x="${(gx + ei * barW + barW / 2 - 1).toFixed(1)}" y="${(top - 3).toFixed(1)}" text-anchor="middle" font-size="9">${ms(v)}</text>`);
      });
      out.push(`<text x="${(x0 + gi * groupW + groupW / 2).toFixed(1)}" y="${y0 + plotH + 14}" text-anchor="middle">${run.size.toLocaleString("en")} articles</text>`);
    });
  });
  engines.forEach((e, i) => out.push(`<rect x="${20 + i * 120}" y="${height - 22}" width="12" height="12" fill="${COLORS[e]}"/><text x="${36 + i * 120}" y="${height - 12}">${ENGINE_NAMES[e]}</text>`));
  out.push("</svg>");
  return out.join("\n") + "\n";
}

export function writeReports(dir, result) {
  writeFileSync(join(dir, "results.json"), JSON.stringify(result, null, 2) + "\n");
  const m = result.meta;
  const md = [
    `# Benchmark results`,
    ``,
    `${m.date.slice(0, 10)} · ${m.machine.cpus} × ${m.machine.cpu} · ${m.machine.mem_gb} GB · Chromium ${m.chromium} (headless) · Node ${m.node} · MiniSearch ${m.versions.minisearch} · Pagefind ${m.versions.pagefind} · ${m.queries} queries typed key by key · ${m.reps} cold loads per engine · ${m.articles} articles opened · run took ${Math.round(m.seconds)} s${m.smoke ? " · SMOKE" : ""}`,
    ``,
    table(result),
    ``,
    ratios(result),
    ``,
    ...result.runs.flatMap((run) => {
      const d = run.engines.dossier;
      const bits = [];
      if (d?.app_wasm) bits.push(`Dossier's app wasm ${(d.app_wasm.wasm_bytes / 1024).toFixed(0)} KB, ${(d.app_wasm.wasm_gzip_bytes / 1024).toFixed(0)} KB gzipped`);
      if (d?.open_article_ms) bits.push(`Dossier opening an article p50 ${ms(d.open_article_ms.p50)} / p95 ${ms(d.open_article_ms.p95)} ms`);
      const b = run.build;
      if (b && Object.keys(b).length) bits.push(`preparation: ${Object.entries(b).map(([k, v]) => `${k} ${v}`).join(", ")}`);
      return bits.length ? [`- ${run.size.toLocaleString("en")}: ${bits.join("; ")}`] : [];
    }),
    ``,
    `![chart](chart.svg)`,
    ``,
  ].join("\n");
  writeFileSync(join(dir, "results.md"), md);
  writeFileSync(join(dir, "chart.svg"), chart(result));
}
