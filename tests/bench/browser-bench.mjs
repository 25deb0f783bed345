// Browser benchmark (issue 8): headless Chromium with the built extension (dist/chrome) over corpus
// pages served from 127.0.0.1. Per page it reads the content script's `sift:*` performance measures
// (script start to tags applied: serialise, message incl. wasm analysis, apply; the longest synchronous
// stretch between yields), then injects Readability.js into the same page and times
// `new Readability(document.cloneNode(true)).parse()` with the same clock. At the end it checks the
// background service worker's memory (wasm memory and JS heap after GC, over the DevTools protocol)
// against its baseline after the first page.
//
//   node tests/bench/browser-bench.mjs [--pages 120] [--dist dist/chrome] [--json FILE] [--quick]
//                                      [--only NAME,NAME [--repeat N]]
//
// --quick skips the second, memory-only pass (for quick comparisons of the timings).
import { createServer } from "node:http";
import { readFileSync, mkdtempSync, rmSync, existsSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { ROOT, allPages, spread, quantile, flags, verdict } from "./pages.mjs";

const args = flags(process.argv.slice(2));
const N_PAGES = Number(args.pages || 120);
const DIST = path.resolve(ROOT, args.dist || "dist/chrome");
const CHROMIUM = process.env.SIFT_CHROMIUM || "/usr/bin/chromium";
/** Upper bound for one page's analysis to finish. */
const PAGE_TIMEOUT_MS = 30000;
/** Targets of issue 8. */
const TARGET = { median: 15, p95: 60, vsReadability: 0.5, block: 16 };
/** Allowed JS-heap drift of the background after 100 pages, relative and absolute (GC noise). */
const HEAP_SLACK = { ratio: 0.1, bytes: 512 * 1024 };

const READABILITY = path.join(ROOT, "node_modules/@mozilla/readability/Readability.js");

function fail(message) {
  console.error(`browser bench: ${message}`);
  process.exit(2);
}

if (!existsSync(path.join(DIST, "manifest.json"))) fail(`${DIST}/manifest.json missing: run ./build.sh first`);
if (!existsSync(CHROMIUM)) fail(`${CHROMIUM} missing (set SIFT_CHROMIUM)`);
if (!existsSync(READABILITY)) fail(`${READABILITY} missing: npm ci`);
/** `--only a,b`: just the pages whose names contain one of these, each `--repeat` times (experiments). */
const ONLY = args.only ? args.only.split(",") : null;
const pages = ONLY
  ? allPages().filter((p) => ONLY.some((o) => p.name.includes(o))).flatMap((p) => Array(Number(args.repeat || 1)).fill(p))
  : spread(allPages(), N_PAGES);
if (!pages.length) fail("shared corpora not found (set SIFT_SHARED)");
const readabilitySource = readFileSync(READABILITY, "utf8");

// --- a static server for the selected pages ---------------------------------------------------------

const server = createServer((req, res) => {
  const m = /^\/p\/(\d+)\.html$/.exec(new URL(req.url, "http://x").pathname);
  const page = m && pages[Number(m[1])];
  if (!page) {
    res.writeHead(404, { "content-type": "text/plain" });
    res.end("not found");
    return;
  }
  // No charset: the browser sniffs the page's own <meta charset>, as from disk.
  res.writeHead(200, { "content-type": "text/html", "cache-control": "no-store" });
  res.end(readFileSync(page.file));
});
await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
const origin = `http://127.0.0.1:${server.address().port}`;

// --- Chromium with the extension ----------------------------------------------------------------------

const { chromium } = await import("playwright-core");
const userDataDir = mkdtempSync(path.join(tmpdir(), "sift-bench-"));
const context = await chromium.launchPersistentContext(userDataDir, {
  executablePath: CHROMIUM,
  headless: true,
  args: [
    "--no-sandbox", "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--no-first-run", "--disable-quic", `--disable-extensions-except=${DIST}`, `--load-extension=${DIST}`,
    // Offline: every other host fails at once instead of waiting for DNS.
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
    // A second DevTools endpoint, to reach the service worker's heap (Playwright drives the pipe).
    "--remote-debugging-port=0",
  ],
});
const worker = context.serviceWorkers()[0] || (await context.waitForEvent("serviceworker", { timeout: 20000 }));
const extensionId = new URL(worker.url()).host;

// --- the service worker over the DevTools protocol (memory) -----------------------------------------

async function workerSession() {
  const portFile = path.join(userDataDir, "DevToolsActivePort");
  for (let i = 0; i < 50 && !existsSync(portFile); i++) await new Promise((r) => setTimeout(r, 100));
  const port = readFileSync(portFile, "utf8").split("\n")[0];
  const targets = await (await fetch(`http://127.0.0.1:${port}/json/list`)).json();
  const target = targets.find((t) => t.type === "service_worker" && t.url.includes(extensionId));
  if (!target) return null;
  const { default: WebSocket } = await import("ws");
  const ws = new WebSocket(target.webSocketDebuggerUrl, { perMessageDeflate: false });
  await new Promise((resolve, reject) => {
    ws.once("open", resolve);
    ws.once("error", reject);
  });
  let id = 0;
  const pending = new Map();
  ws.on("message", (data) => {
    const msg = JSON.parse(data.toString());
    if (msg.id && pending.has(msg.id)) {
      const { resolve, reject } = pending.get(msg.id);
      pending.delete(msg.id);
      if (msg.error) reject(new Error(msg.error.message));
      else resolve(msg.result);
    }
  });
  const send = (method, params = {}) =>
    new Promise((resolve, reject) => {
      const mid = ++id;
      pending.set(mid, { resolve, reject });
      ws.send(JSON.stringify({ id: mid, method, params }));
    });
  return { targetId: target.id, send, close: () => ws.close() };
}

/** The worker's JS heap after a full GC and the byte sizes of every WebAssembly.Memory it holds. */
async function workerMemory(session) {
  await session.send("HeapProfiler.collectGarbage");
  const heap = await session.send("Runtime.getHeapUsage");
  const proto = await session.send("Runtime.evaluate", { expression: "WebAssembly.Memory.prototype" });
  const found = await session.send("Runtime.queryObjects", { prototypeObjectId: proto.result.objectId });
  const sizes = await session.send("Runtime.callFunctionOn", {
    objectId: found.objects.objectId,
    functionDeclaration: "function () { return this.map((m) => m.buffer.byteLength); }",
    returnByValue: true,
  });
  await session.send("Runtime.releaseObjectGroup", { objectGroup: "" }).catch(() => {});
  const wasm = sizes.result.value || [];
  return { heapUsed: heap.usedSize, heapTotal: heap.totalSize, wasm: wasm.reduce((a, b) => a + b, 0), instances: wasm.length };
}

// --- one page --------------------------------------------------------------------------------------

const tab = await context.newPage();
await tab.setViewportSize({ width: 1200, height: 900 });

async function measurePage(index) {
  await tab.goto(`${origin}/p/${index}.html`, { waitUntil: "load", timeout: PAGE_TIMEOUT_MS });
  await tab.waitForFunction(() => performance.getEntriesByName("sift:total").length > 0, null, {
    timeout: PAGE_TIMEOUT_MS,
    polling: 20,
  });
  const sift = await tab.evaluate(() => {
    const get = (n) => {
      const e = performance.getEntriesByName(n)[0];
      return e ? e.duration : null;
    };
    return {
      total: get("sift:total"),
      serialize: get("sift:serialize"),
      message: get("sift:message"),
      wasm: get("sift:wasm"),
      toBackground: get("sift:to-background"),
      background: get("sift:background"),
      coreCall: get("sift:core-call"),
      fromBackground: get("sift:from-background"),
      hello: get("sift:hello"),
      sentChars: (performance.getEntriesByName("sift:serialize")[0] || {}).detail?.chars ?? null,
      apply: get("sift:apply"),
      block: get("sift:longest-block"),
      blockPhase: (performance.getEntriesByName("sift:longest-block")[0] || {}).detail?.phase ?? null,
      sendSync: get("sift:send-sync"),
      tags: document.querySelectorAll("[data-sift]").length,
      // What the serialised HTML is made of: script/style/template bodies are never analysed as text
      // (the elements themselves must stay, paths count them); time of one native outerHTML.
      ...(() => {
        const t = performance.now();
        const html = document.documentElement.outerHTML.length;
        const outerMs = performance.now() - t;
        let rawText = 0;
        for (const el of document.querySelectorAll("script, style, template")) {
          rawText += el.localName === "template" ? el.innerHTML.length : el.textContent.length;
        }
        let styleAttr = 0;
        for (const el of document.querySelectorAll("[style]")) styleAttr += el.getAttribute("style").length;
        return { htmlChars: html, rawTextChars: rawText, styleAttrChars: styleAttr, outerMs };
      })(),
    };
  });
  await tab.addScriptTag({ content: readabilitySource });
  const readability = await tab.evaluate(() => {
    const t0 = performance.now();
    let ok = false;
    try {
      ok = Boolean(new globalThis.Readability(document.cloneNode(true)).parse());
    } catch (_e) {
      ok = false;
    }
    return { ms: performance.now() - t0, ok };
  });
  return { ...sift, readability: readability.ms, readabilityOk: readability.ok };
}

// --- run ---------------------------------------------------------------------------------------------

const results = [];
let cold = null;
let memory = null;
try {
  // Warm-up on the largest selected page: compiles the wasm in the background, sets its memory
  // high-water mark, and is not counted.
  const largest = pages.reduce((best, p, i) => (p.bytes > pages[best].bytes ? i : best), 0);
  cold = await measurePage(largest);
  const session = await workerSession().catch((e) => {
    console.error(`no DevTools session on the service worker: ${e.message}`);
    return null;
  });
  const baseline = session ? await workerMemory(session) : null;
  const trend = [];
  for (let i = 0; i < pages.length; i++) {
    try {
      results.push({ page: pages[i].name, bytes: pages[i].bytes, ...(await measurePage(i)) });
    } catch (e) {
      results.push({ page: pages[i].name, bytes: pages[i].bytes, error: String(e.message || e).split("\n")[0] });
    }
    if (session && (i + 1) % 25 === 0) trend.push({ after: i + 1, ...(await workerMemory(session)) });
    process.stderr.write(`\rpage ${i + 1}/${pages.length}`);
  }
  process.stderr.write("\n");
  // Second pass over the same pages, memory only: the wasm memory has reached its high-water mark in
  // the first pass, so any growth now is memory kept from page to page.
  let second = null;
  if (session && !args.quick) {
    const before = await workerMemory(session);
    for (let i = 0; i < pages.length; i++) {
      try {
        await tab.goto(`${origin}/p/${i}.html`, { waitUntil: "load", timeout: PAGE_TIMEOUT_MS });
        await tab.waitForFunction(() => performance.getEntriesByName("sift:total").length > 0, null, { timeout: PAGE_TIMEOUT_MS, polling: 20 });
      } catch (_e) {
        // counted in the first pass
      }
      process.stderr.write(`\rmemory pass ${i + 1}/${pages.length}`);
    }
    process.stderr.write("\n");
    second = { before, after: await workerMemory(session) };
  }
  if (session) {
    const sameWorker = ((await (await fetch(`http://127.0.0.1:${readFileSync(path.join(userDataDir, "DevToolsActivePort"), "utf8").split("\n")[0]}/json/list`)).json())
      .some((t) => t.id === session.targetId));
    memory = { baseline, trend, second, sameWorker };
    session.close();
  }
} finally {
  await context.close().catch(() => {});
  server.close();
  rmSync(userDataDir, { recursive: true, force: true });
}

// --- report ------------------------------------------------------------------------------------------

const ok = results.filter((r) => !r.error && Number.isFinite(r.total));
const col = (k) => ok.map((r) => r[k]);
const sum = (v) => v.reduce((a, b) => a + b, 0);
const med = (k) => quantile(col(k), 0.5);
const p95 = (k) => quantile(col(k), 0.95);
const both = ok.filter((r) => r.readabilityOk || Number.isFinite(r.readability));
const siftMedian = med("total");
const siftP95 = p95("total");
const readMedian = quantile(both.map((r) => r.readability), 0.5);
const ratioMedian = siftMedian / readMedian;
const ratioTotal = sum(both.map((r) => r.total)) / sum(both.map((r) => r.readability));
const blockMax = Math.max(...col("block"));
const blockP95 = p95("block");
const f = (x, d = 1) => (Number.isFinite(x) ? x.toFixed(d) : "n/a");

console.log(`browser bench: Chromium (${CHROMIUM}), ${pages.length} corpus pages from ${origin}, extension ${extensionId}`);
console.log(`pages measured: ${ok.length}; failed: ${results.length - ok.length}`);
for (const r of results.filter((x) => x.error).slice(0, 5)) console.log(`  failed ${r.page}: ${r.error}`);
if (cold) console.log(`first (warm-up) page, cold wasm: ${f(cold.total)} ms (not counted)`);
console.log("");
console.log("per page, ms              median     p95     max");
const ROWS = [["total", "sift total"], ["serialize", "  serialise"], ["message", "  message"],
  ["toBackground", "    to background"], ["background", "    in background"], ["coreCall", "      core call"],
  ["wasm", "        wasm analysis"], ["fromBackground", "    reply to page"], ["apply", "  apply"],
  ["hello", "  (hello round trip)"],
  ["sendSync", "  (sending, synchronous)"], ["block", "longest block"], ["readability", "Readability.js"]];
for (const [k, label] of ROWS) {
  if (k !== "readability" && !col(k).some(Number.isFinite)) continue;
  const v = k === "readability" ? both.map((r) => r.readability) : col(k);
  console.log(`${label.padEnd(24)} ${f(quantile(v, 0.5), 2).padStart(8)} ${f(quantile(v, 0.95), 2).padStart(7)} ${f(Math.max(...v), 2).padStart(7)}`);
}
console.log(`sums: sift ${f(sum(col("total")))} ms, Readability.js ${f(sum(both.map((r) => r.readability)))} ms over ${both.length} pages`);
console.log(`ratio sift/Readability.js: median-to-median ${f(ratioMedian, 3)}, total-to-total ${f(ratioTotal, 3)}`);
const slowest = ok.slice().sort((a, b) => b.total - a.total).slice(0, 5);
console.log("slowest pages (sift total ms: serialise / message (wasm) / apply; KB):");
for (const r of slowest) {
  console.log(`  ${r.page.padEnd(44)} ${f(r.total)}: ${f(r.serialize)} / ${f(r.message)} (${f(r.wasm)}) / ${f(r.apply)}; ${f(r.bytes / 1024, 0)} KB`);
}
const chars = sum(col("htmlChars"));
console.log(`page outerHTML: ${f(chars / 1e6, 2)} M chars over ${ok.length} pages; script/style/template bodies ${f((100 * sum(col("rawTextChars"))) / chars)}%, style attributes ${f((100 * sum(col("styleAttrChars"))) / chars)}%; one native outerHTML median ${f(med("outerMs"), 2)} ms`);
const sent = ok.filter((r) => Number.isFinite(r.sentChars));
if (sent.length) {
  console.log(`sent to the background: ${f(sum(sent.map((r) => r.sentChars)) / 1e6, 2)} M chars, ${f((100 * sum(sent.map((r) => r.sentChars))) / sum(sent.map((r) => r.htmlChars)))}% of outerHTML (bodies of script/style/noscript/template left out)`);
}
const phases = {};
for (const r of ok) if (r.blockPhase) phases[r.blockPhase] = (phases[r.blockPhase] || 0) + 1;
if (Object.keys(phases).length) {
  const worst = ok.slice().sort((a, b) => b.block - a.block).slice(0, 5);
  console.log(`longest block by phase (pages): ${Object.entries(phases).map(([k, v]) => `${k} ${v}`).join(", ")}; ` +
    `worst: ${worst.map((r) => `${r.page} ${f(r.block)} ms (${r.blockPhase})`).join(", ")}`);
}
let memoryPass = null;
if (memory && memory.baseline) {
  const b = memory.baseline;
  const last = memory.trend[memory.trend.length - 1] || b;
  console.log("");
  console.log("background service worker memory (after GC):");
  console.log(`  baseline after warm-up: JS heap ${f(b.heapUsed / 1024, 0)} KB, wasm memory ${f(b.wasm / 1048576, 2)} MB (${b.instances} instance)`);
  for (const t of memory.trend) {
    console.log(`  after ${String(t.after).padStart(3)} pages:     JS heap ${f(t.heapUsed / 1024, 0)} KB, wasm memory ${f(t.wasm / 1048576, 2)} MB (${t.instances} instance)`);
  }
  const s2 = memory.second;
  if (s2) {
    console.log(`  second pass over the same ${pages.length} pages: JS heap ${f(s2.before.heapUsed / 1024, 0)} -> ${f(s2.after.heapUsed / 1024, 0)} KB, wasm memory ${f(s2.before.wasm / 1048576, 2)} -> ${f(s2.after.wasm / 1048576, 2)} MB`);
  }
  const end = s2 ? s2.after : last;
  // JS heap back to the baseline after GC; wasm memory (which never shrinks) no larger after the second
  // pass than after the first: the high-water mark of the largest page, not growth from page to page.
  const heapOk = end.heapUsed <= b.heapUsed * (1 + HEAP_SLACK.ratio) + HEAP_SLACK.bytes;
  const wasmOk = s2 ? s2.after.wasm <= s2.before.wasm && s2.after.instances === b.instances : last.wasm <= b.wasm;
  memoryPass = heapOk && wasmOk && memory.sameWorker;
  console.log(`  same service worker throughout: ${memory.sameWorker}; JS heap back to baseline: ${heapOk}; wasm no growth in second pass: ${wasmOk}`);
}

console.log("");
const targets = [
  [`Chromium median ${f(siftMedian, 2)} ms <= ${TARGET.median} ms`, siftMedian <= TARGET.median],
  [`Chromium p95 ${f(siftP95, 2)} ms <= ${TARGET.p95} ms`, siftP95 <= TARGET.p95],
  [`Chromium sift/Readability.js median ${f(ratioMedian, 3)} <= ${TARGET.vsReadability}`, ratioMedian <= TARGET.vsReadability],
  [`content-script longest block ${f(blockMax, 2)} ms (p95 ${f(blockP95, 2)}) <= ${TARGET.block} ms`, blockMax <= TARGET.block],
];
if (memoryPass !== null && !args.quick) targets.push([`background memory back to baseline over ${pages.length} pages twice (JS heap within 10% + 512 KB, wasm no growth in pass 2)`, memoryPass]);
for (const [what, pass] of targets) console.log(`TARGET ${what}: ${verdict(pass)}`);

if (args.json) {
  writeFileSync(args.json, JSON.stringify({ pages: pages.length, cold, results, memory, siftMedian, siftP95, readMedian, ratioMedian, ratioTotal, blockMax }, null, 2));
}
