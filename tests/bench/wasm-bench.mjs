// Size and memory of the wasm core (issue 8).
// - Size: the built .wasm (dist/chrome/wasm, already through `wasm-opt -Oz` by build.sh) raw and
//   gzipped, the same after one more `wasm-opt -Oz` pass here, and each store zip in dist/.
// - Memory: for each corpus page, a fresh wasm instance (own worker thread) analyses the page the way
//   the extension does (`analyzePage` on UTF-8 bytes); the instance's `memory.buffer.byteLength`
//   afterwards is its peak (wasm memory never shrinks), compared with the page's HTML size, both as the
//   whole memory and as growth over the fresh instance's starting memory. Twice per page: on the file's
//   HTML as it is, and on what the content script sends (the page parsed by jsdom, serialised, with the
//   bodies of script/style/noscript/template left out by content.js's own `stripBodies`).
// - An instance per page: in the second of those runs, the compile (of bytes V8 has not cached),
//   instantiation and first analysis are timed, then the same page once more: what running the core
//   in each page's content script, instead of one warm instance in the background, would cost.
//
//   node tests/bench/wasm-bench.mjs [--pages 120] [--dist dist] [--json FILE]
import { readFileSync, existsSync, readdirSync, statSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { execFileSync } from "node:child_process";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import { ROOT, allPages, spread, quantile, flags, verdict } from "./pages.mjs";

const args = flags(process.argv.slice(2));
const DIST = path.resolve(ROOT, args.dist || "dist");
const WASM_DIR = path.join(DIST, "chrome/wasm");
const N_PAGES = Number(args.pages || 120);
/** Targets of issue 8. */
const MAX_GZIP_BYTES = 450 * 1024;
const MAX_MEMORY_OVER_HTML = 8;
/** Pages smaller than this are shown but not judged (64 KiB growth steps dominate them). */
const JUDGED_MIN_BYTES = 64 * 1024;

const wasmFile = path.join(WASM_DIR, "sift_wasm_bg.wasm");
const glueFile = path.join(WASM_DIR, "sift_wasm.js");
if (!existsSync(wasmFile) || !existsSync(glueFile)) {
  console.error(`wasm bench: ${wasmFile} missing: run ./build.sh first`);
  process.exit(2);
}
const f = (x, d = 1) => (Number.isFinite(x) ? x.toFixed(d) : "n/a");
const kb = (b) => `${f(b / 1024, 1)} KB`;

// --- size ----------------------------------------------------------------------------------------------

const raw = readFileSync(wasmFile);
const gz = gzipSync(raw, { level: 9 }).length;
console.log(`wasm (${path.relative(ROOT, wasmFile)}): raw ${kb(raw.length)}, gzip -9 ${kb(gz)}`);
let gzOz = null;
try {
  const tmp = mkdtempSync(path.join(tmpdir(), "sift-wasm-"));
  const out = path.join(tmp, "oz.wasm");
  execFileSync("wasm-opt", ["-Oz", "--all-features", "--strip-debug", "--strip-producers", wasmFile, "-o", out], { stdio: "pipe" });
  const oz = readFileSync(out);
  gzOz = gzipSync(oz, { level: 9 }).length;
  console.log(`  after another wasm-opt -Oz here: raw ${kb(oz.length)}, gzip -9 ${kb(gzOz)}`);
  rmSync(tmp, { recursive: true, force: true });
} catch (e) {
  console.log(`  wasm-opt not run: ${String(e.message).split("\n")[0]}`);
}
const glue = readFileSync(glueFile);
console.log(`glue (sift_wasm.js): raw ${kb(glue.length)}, gzip -9 ${kb(gzipSync(glue, { level: 9 }).length)}`);
for (const zip of existsSync(DIST) ? readdirSync(DIST).filter((n) => n.endsWith(".zip")).sort() : []) {
  console.log(`store zip ${zip}: ${kb(statSync(path.join(DIST, zip)).size)}`);
}

// --- memory, one fresh instance per page ---------------------------------------------------------------

const pages = spread(allPages(), N_PAGES);
const module = new WebAssembly.Module(raw);
const glueUrl = pathToFileURL(glueFile).href;
const workerSource = `
  const { parentPort, workerData } = require("node:worker_threads");
  const fs = require("node:fs");
  (async () => {
    globalThis.performance ??= require("node:perf_hooks").performance;
    const glue = await import(workerData.glueUrl);
    // Timed runs compile their own module, as an instance made per page (in the content script)
    // would have to: compile, instantiate, first analysis, then the same page again, warm.
    const clock = () => performance.now();
    const t0 = clock();
    const module = workerData.timed ? await WebAssembly.compile(workerData.bytes) : workerData.module;
    const t1 = clock();
    const wasm = glue.initSync({ module });
    const t2 = clock();
    const start = wasm.memory.buffer.byteLength;
    // UTF-8 with replacement characters: the size of what the analysis gets, near enough.
    const text = workerData.text ?? new TextDecoder("utf-8").decode(fs.readFileSync(workerData.file));
    let ok = true, error = null;
    try {
      if (workerData.parseOnly) glue.benchParseOnly(new TextEncoder().encode(text));
      else if (typeof glue.analyzePage === "function") glue.analyzePage(new TextEncoder().encode(text), undefined);
      else glue.analyzeHtml(text, undefined);
    } catch (e) { ok = false; error = String(e && e.message || e); }
    const t3 = clock();
    const peak = wasm.memory.buffer.byteLength;
    let times = null;
    if (workerData.timed && ok) {
      glue.analyzePage(new TextEncoder().encode(text), undefined);
      times = { compile: t1 - t0, instantiate: t2 - t1, first: t3 - t2, warm: clock() - t3 };
    }
    parentPort.postMessage({ start, peak, utf8: Buffer.byteLength(text), ok, error, times });
  })().catch((e) => parentPort.postMessage({ fatal: String(e && e.stack || e) }));
`;

// What the content script sends: content.js's serialiser pieces, run on jsdom's serialisation.
let sentHtml = null;
try {
  const { JSDOM, VirtualConsole } = await import("jsdom");
  const src = readFileSync(path.join(ROOT, "extension/content.js"), "utf8");
  const from = src.indexOf("  // --- serialising the page in slices");
  const to = src.indexOf("  /** Collects serialised pieces");
  const stripBodies = new Function(`${src.slice(from, to)}; return stripBodies;`)();
  sentHtml = (file) => {
    const dom = new JSDOM(readFileSync(file), { virtualConsole: new VirtualConsole() });
    const html = dom.window.document.documentElement.outerHTML;
    dom.window.close();
    const out = [];
    for (const _ of stripBodies(html, out)) { /* no slicing here */ }
    return "<!DOCTYPE html>" + out.join("");
  };
} catch (e) {
  console.log(`(no jsdom: memory measured on the file HTML only: ${String(e.message).split("\n")[0]})`);
}

/**
 * `bytes` with a custom section of its own appended (custom sections do not change what a module
 * does): V8 keeps compiled modules per process by their bytes, and the module compiled above for
 * the memory runs must not make a timed compile a cache hit.
 */
let nonce = 0;
function uncached(bytes) {
  const name = Buffer.from("sift-bench-nonce");
  const payload = Buffer.from(String(nonce++).padStart(8, "0"));
  // Section id 0, size, name length, name, payload (sizes are one LEB128 byte: all under 128).
  const section = Buffer.concat([Buffer.from([0, 1 + name.length + payload.length, name.length]), name, payload]);
  return Buffer.concat([bytes, section]);
}

function measure(page, text, parseOnly = false, timed = false) {
  return new Promise((resolve) => {
    const data = { glueUrl, module, file: page.file, text, parseOnly, timed, bytes: timed ? uncached(raw) : null };
    const w = new Worker(workerSource, { eval: true, workerData: data });
    w.once("message", (m) => {
      w.terminate();
      resolve(m);
    });
    w.once("error", (e) => resolve({ fatal: String(e) }));
  });
}

const rows = [];
for (let i = 0; i < pages.length; i++) {
  const m = await measure(pages[i]);
  if (m.fatal) {
    console.error(`wasm bench: ${pages[i].name}: ${m.fatal}`);
    process.exit(2);
  }
  const row = { page: pages[i].name, ...m, total: m.peak / m.utf8, growth: (m.peak - m.start) / m.utf8 };
  if (sentHtml) {
    const html = sentHtml(pages[i].file);
    const s = await measure(pages[i], html, false, true);
    // The parse alone (tree built, then dropped), where the module has the hook.
    const p = module && WebAssembly.Module.exports(module).some((e) => e.name === "benchParseOnly") ? await measure(pages[i], html, true) : null;
    if (s.fatal) {
      console.error(`wasm bench: ${pages[i].name} (as sent): ${s.fatal}`);
      process.exit(2);
    }
    // Against the page's own HTML size (m.utf8): what the extension's analysis costs per page byte.
    row.sent = { bytes: s.utf8, peak: s.peak, ok: s.ok, growth: (s.peak - s.start) / m.utf8, total: s.peak / m.utf8, times: s.times,
      parseGrowth: p && !p.fatal ? (p.peak - p.start) / m.utf8 : null };
  }
  rows.push(row);
  process.stderr.write(`\rmemory ${i + 1}/${pages.length}`);
}
process.stderr.write("\n");
const growth = rows.map((r) => r.growth);
const total = rows.map((r) => r.total);
const worst = rows.slice().sort((a, b) => b.growth - a.growth).slice(0, 5);
const start = rows[0] ? rows[0].start : 0;
console.log("");
console.log(`peak wasm memory per page, ${rows.length} pages, fresh instance each (starting memory ${f(start / 1048576, 2)} MB):`);
console.log(`  growth / HTML bytes:        median ${f(quantile(growth, 0.5), 2)}x, p95 ${f(quantile(growth, 0.95), 2)}x, max ${f(Math.max(...growth), 2)}x`);
console.log(`  whole memory / HTML bytes:  median ${f(quantile(total, 0.5), 2)}x, p95 ${f(quantile(total, 0.95), 2)}x, max ${f(Math.max(...total), 2)}x`);
console.log("  largest growth ratios:");
for (const r of worst) {
  console.log(`    ${r.page.padEnd(44)} HTML ${kb(r.utf8).padStart(10)}  peak ${f(r.peak / 1048576, 2)} MB  growth ${f(r.growth, 2)}x${r.ok ? "" : `  (error: ${r.error})`}`);
}
// Wasm memory grows in 64 KiB pages from a fixed start (stack, statics): on small pages that, not the
// analysis, sets the ratio. The target is judged on pages of at least JUDGED_MIN_BYTES.
const judged = rows.filter((r) => r.utf8 >= JUDGED_MIN_BYTES);
const judgedGrowth = Math.max(...judged.map((r) => r.growth));
console.log(`  pages >= ${JUDGED_MIN_BYTES / 1024} KB (${judged.length}): growth / HTML median ${f(quantile(judged.map((r) => r.growth), 0.5), 2)}x, max ${f(judgedGrowth, 2)}x; whole memory / HTML max ${f(Math.max(...judged.map((r) => r.total)), 2)}x`);
let judgedSent = null;
if (sentHtml) {
  const sent = judged.filter((r) => r.sent);
  judgedSent = Math.max(...sent.map((r) => r.sent.growth));
  const sumBytes = (v) => v.reduce((a, b) => a + b, 0);
  console.log(`as the extension sends it (script/style/noscript/template bodies left out: ${f((100 * sumBytes(rows.filter((r) => r.sent).map((r) => r.sent.bytes))) / sumBytes(rows.filter((r) => r.sent).map((r) => r.utf8)))}% of the bytes), growth / page HTML bytes:`);
  console.log(`  all ${rows.length} pages: median ${f(quantile(rows.filter((r) => r.sent).map((r) => r.sent.growth), 0.5), 2)}x; pages >= ${JUDGED_MIN_BYTES / 1024} KB (${sent.length}): median ${f(quantile(sent.map((r) => r.sent.growth), 0.5), 2)}x, max ${f(judgedSent, 2)}x; whole memory / HTML max ${f(Math.max(...sent.map((r) => r.sent.total)), 2)}x`);
  const parse = sent.filter((r) => Number.isFinite(r.sent.parseGrowth));
  if (parse.length) {
    console.log(`  the parse alone (input + tree + parser), same pages >= ${JUDGED_MIN_BYTES / 1024} KB: median ${f(quantile(parse.map((r) => r.sent.parseGrowth), 0.5), 2)}x, max ${f(Math.max(...parse.map((r) => r.sent.parseGrowth)), 2)}x`);
  }
  for (const r of sent.slice().sort((a, b) => b.sent.growth - a.sent.growth).slice(0, 5)) {
    console.log(`    ${r.page.padEnd(44)} HTML ${kb(r.utf8).padStart(10)}  sent ${kb(r.sent.bytes).padStart(10)}  peak ${f(r.sent.peak / 1048576, 2)} MB  growth ${f(r.sent.growth, 2)}x  (parse alone ${f(r.sent.parseGrowth, 2)}x)`);
  }
  // What an instance made per page would cost (the alternative to the background's warm instance).
  const timed = rows.filter((r) => r.sent && r.sent.times).map((r) => r.sent.times);
  if (timed.length) {
    const med = (k) => f(quantile(timed.map((t) => t[k]), 0.5));
    const fresh = timed.map((t) => t.compile + t.instantiate + t.first);
    console.log(`an instance per page, ${timed.length} pages as sent, medians (node ${process.versions.node}, V8 ${process.versions.v8}): ` +
      `compile ${med("compile")} ms, instantiate ${med("instantiate")} ms, first analysis ${med("first")} ms; ` +
      `all three ${f(quantile(fresh, 0.5))} ms; the same page again in that instance ${med("warm")} ms`);
  }
}
console.log("");
console.log(`TARGET wasm gzipped ${kb(gz)} <= ${kb(MAX_GZIP_BYTES)}: ${verdict(gz <= MAX_GZIP_BYTES)}`);
const judgedMax = judgedSent ?? judgedGrowth;
console.log(`TARGET peak wasm memory growth per page (pages >= ${JUDGED_MIN_BYTES / 1024} KB, ${judgedSent === null ? "file HTML" : "as the extension sends it"}) max ${f(judgedMax, 2)}x <= ${MAX_MEMORY_OVER_HTML}x HTML: ${verdict(judgedMax <= MAX_MEMORY_OVER_HTML)}`);
if (args.json) writeFileSync(args.json, JSON.stringify({ raw: raw.length, gz, gzOz, rows }, null, 2));
