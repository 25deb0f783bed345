// The wasm module's allocator (crates/sift-wasm/src/allocator.rs), in node: no browser needed.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { DIST } from "./harness.mjs";

const WASM_DIR = path.join(DIST, "chrome/wasm");

/** A fresh instance of the built module, with the allocator entry points wasm-bindgen's glue uses. */
async function freshInstance() {
  const glueFile = path.join(WASM_DIR, "sift_wasm.js");
  const glueSource = await readFile(glueFile, "utf8");
  // wasm-bindgen renames its exports; the glue says which is which where it copies a string in and frees it.
  const malloc = glueSource.match(/passStringToWasm0\(html, wasm\.(\w+),/)?.[1];
  const free = glueSource.match(/if \(ptr0\) \{ wasm\.(\w+)\(ptr0, len0 \* 1, 1\); \}/)?.[1];
  assert.ok(malloc && free, "the glue's allocator exports were not found: has wasm-bindgen's output changed?");
  // A query string makes a module instance (and a wasm instance) of its own.
  const glue = await import(`${pathToFileURL(glueFile).href}?fresh=${Math.random()}`);
  const wasm = glue.initSync({ module: await readFile(path.join(WASM_DIR, "sift_wasm_bg.wasm")) });
  return { glue, wasm, malloc: (n) => wasm[malloc](n, 1) >>> 0, free: (p, n) => wasm[free](p, n, 1) };
}

const KIB = 1024;

describe("wasm memory", () => {
  it("grows by what an allocation lacks, using the free memory at the top of the heap first", async () => {
    const { wasm, malloc, free } = await freshInstance();
    const size = () => wasm.memory.buffer.byteLength;
    const first = malloc(768 * KIB);
    const before = size();
    free(first, 768 * KIB);
    // 1 MiB, with 768 KiB free at the top: the memory grows by about the 256 KiB missing (Rust's
    // default allocator grew it by the whole 1 MiB).
    const second = malloc(1024 * KIB);
    const grown = size() - before;
    assert.ok(grown <= 384 * KIB, `grew by ${grown / KIB} KiB`);
    assert.ok(second >= first, "the second allocation starts in the freed memory");
    free(second, 1024 * KIB);
  });

  it("analyses pages in a fresh instance after growing in small steps", async () => {
    const { glue } = await freshInstance();
    const page = `<html lang="en"><body><article>${"<p>The council said on Monday that 42 homes were built.</p>".repeat(4000)}</article></body></html>`;
    const [clutter, details] = glue.analyzeTab(new TextEncoder().encode(page), "https://example.org/a");
    assert.deepEqual(JSON.parse(clutter), []);
    assert.equal(JSON.parse(details).article.words, 40000);
  });
});
