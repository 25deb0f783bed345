// The corpus pages the benchmarks use: AEB html, Readability source.html and Trafilatura html from
// ../shared/corpora (or $SIFT_SHARED), in a fixed order, and an evenly spread selection of them.
import { readdirSync, statSync, existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

/** The shared/ folder, or null when it is absent. */
export function sharedDir() {
  const candidates = [process.env.SIFT_SHARED, path.join(ROOT, "../shared")].filter(Boolean);
  return candidates.find((d) => existsSync(path.join(d, "corpora"))) || null;
}

const sorted = (dir) => (existsSync(dir) ? readdirSync(dir).sort() : []);

/** Every corpus page as {name, file, bytes}, in a fixed order. */
export function allPages() {
  const shared = sharedDir();
  if (!shared) return [];
  const corpora = path.join(shared, "corpora");
  const pages = [];
  for (const f of sorted(path.join(corpora, "aeb/html"))) {
    pages.push({ name: `aeb/${f.slice(0, 12)}`, file: path.join(corpora, "aeb/html", f) });
  }
  for (const d of sorted(path.join(corpora, "readability"))) {
    const file = path.join(corpora, "readability", d, "source.html");
    if (existsSync(file)) pages.push({ name: `readability/${d}`, file });
  }
  for (const f of sorted(path.join(corpora, "trafilatura/html"))) {
    pages.push({ name: `trafilatura/${f}`, file: path.join(corpora, "trafilatura/html", f) });
  }
  for (const p of pages) p.bytes = statSync(p.file).size;
  return pages;
}

/** `n` pages spread evenly over the whole list (all of them when n >= the count). */
export function spread(pages, n) {
  if (n >= pages.length) return pages.slice();
  const out = [];
  for (let i = 0; i < n; i++) out.push(pages[Math.floor((i * pages.length) / n)]);
  return out;
}

/** The q-quantile (0..1) of numbers, nearest-rank. */
export function quantile(values, q) {
  const v = values.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (!v.length) return NaN;
  const rank = Math.min(v.length - 1, Math.max(0, Math.ceil(q * v.length) - 1));
  return v[rank];
}

/** Command-line flags `--name value` into an object of strings. */
export function flags(argv) {
  const out = {};
  for (let i = 0; i < argv.length; i++) {
    if (argv[i].startsWith("--")) {
      const next = argv[i + 1];
      if (next === undefined || next.startsWith("--")) out[argv[i].slice(2)] = "true";
      else out[argv[i].slice(2)] = argv[++i];
    }
  }
  return out;
}

export const verdict = (ok) => (ok ? "PASS" : "FAIL");
