// Readability.js peer for `sift eval extract`: runs @mozilla/readability (with jsdom) over many pages in
// one process and prints one JSON line per page: {file, ok, title, byline, text, ms}.
//
// Usage: node tests/peers/readability.mjs FILE... (or file paths on stdin, one a line, when no args).
// A page's URL may be given as FILE=URL (jsdom resolves relative links against it).
import { readFileSync } from "node:fs";
import { JSDOM, VirtualConsole } from "jsdom";
import { Readability } from "@mozilla/readability";

function pages() {
  const args = process.argv.slice(2);
  if (args.length > 0) return args;
  return readFileSync(0, "utf8").split("\n").filter((l) => l.trim() !== "");
}

// Silence jsdom's CSS and script warnings: they would interleave with the JSON lines.
const quiet = new VirtualConsole();

for (const spec of pages()) {
  const eq = spec.indexOf("=");
  const file = eq >= 0 ? spec.slice(0, eq) : spec;
  const url = eq >= 0 ? spec.slice(eq + 1) : "http://localhost/";
  const t0 = performance.now();
  let out;
  try {
    // A Buffer lets jsdom sniff the encoding (BOM, <meta charset>) as a browser would.
    const html = readFileSync(file);
    const dom = new JSDOM(html, { url, virtualConsole: quiet });
    const article = new Readability(dom.window.document).parse();
    out = {
      file,
      ok: article !== null,
      title: article?.title ?? null,
      byline: article?.byline ?? null,
      text: article?.textContent ?? "",
    };
    dom.window.close();
  } catch (err) {
    out = { file, ok: false, title: null, byline: null, text: "", error: String(err) };
  }
  out.ms = performance.now() - t0;
  process.stdout.write(JSON.stringify(out) + "\n");
}
