// Background: runs the wasm core (extension pages may compile wasm; content scripts on strict-CSP pages
// may not), sets the toolbar badge and handles the keyboard shortcut. Listeners are registered at the top
// level so a restarted service worker / event page receives the message that woke it.
import "./compat.js";
import init, * as sift from "./wasm/sift_wasm.js";

const { api, onMessage, sendToTab, setBadge } = globalThis.SiftCompat;

/** Largest HTML (UTF-16 code units) analysed; larger pages are refused with a readable error. */
const MAX_HTML = 16 * 1024 * 1024;
/** Largest fragment analysed for late clutter. */
const MAX_FRAGMENT = 512 * 1024;

/** Tab of each page URL analysed (latest wins): lets a popup opened as a page find its tab by URL. */
const tabsByUrl = new Map();
/** Most URLs remembered. */
const MAX_REMEMBERED_TABS = 200;

function rememberTab(sender) {
  if (!sender || !sender.tab || sender.tab.id === undefined || typeof sender.url !== "string") return;
  tabsByUrl.delete(sender.url);
  tabsByUrl.set(sender.url, sender.tab.id);
  if (tabsByUrl.size > MAX_REMEMBERED_TABS) tabsByUrl.delete(tabsByUrl.keys().next().value);
}

let ready = null;
function core() {
  if (!ready) {
    ready = init({ module_or_path: new URL("./wasm/sift_wasm_bg.wasm", import.meta.url) }).catch((e) => {
      ready = null;
      throw e;
    });
  }
  return ready;
}

/**
 * Pages arriving in parts (content.js sends a page's HTML in pieces while serialising it), by the
 * sender's id: {parts, chars, at, wake}. Entries leave when their page is analysed, or after
 * PARTS_TTL_MS (a tab closed half-way), so nothing is kept from page to page.
 */
const incoming = new Map();
const PARTS_TTL_MS = 60 * 1000;
/** Longest wait for parts still on their way when the request arrives. */
const PARTS_WAIT_MS = 10 * 1000;

function dropStaleParts() {
  const now = Date.now();
  for (const [id, entry] of incoming) if (now - entry.at > PARTS_TTL_MS) incoming.delete(id);
}

function partsEntry(id) {
  let entry = incoming.get(id);
  if (!entry) {
    entry = { parts: [], chars: 0, at: Date.now(), wake: null };
    incoming.set(id, entry);
  }
  return entry;
}

function receivePart(message) {
  dropStaleParts();
  const { id, index, text } = message;
  if (typeof id !== "string" || !Number.isInteger(index) || index < 0 || typeof text !== "string") {
    return { ok: false, error: "bad page part" };
  }
  const entry = partsEntry(id);
  // At most MAX_HTML chars per page are kept, whatever arrives.
  if (entry.parts[index] === undefined && index <= MAX_HTML / 1024 && entry.chars + text.length <= MAX_HTML) {
    entry.parts[index] = text;
    entry.chars += text.length;
  }
  if (entry.wake) entry.wake();
  return { ok: true };
}

/** The whole HTML of a request whose first `count` parts came separately, or null (too large, lost). */
async function assemble(message) {
  const count = message.parts;
  if (!Number.isInteger(count) || count < 0 || count > MAX_HTML / 1024) return null;
  const entry = partsEntry(message.id);
  const until = Date.now() + PARTS_WAIT_MS;
  const missing = () => {
    for (let i = 0; i < count; i++) if (entry.parts[i] === undefined) return true;
    return false;
  };
  while (missing() && Date.now() < until) {
    await new Promise((resolve) => {
      entry.wake = resolve;
      setTimeout(resolve, 200);
    });
  }
  incoming.delete(message.id);
  if (missing() || entry.chars + message.html.length > MAX_HTML) return null;
  entry.parts.length = count;
  entry.parts.push(message.html);
  return entry.parts.join("");
}

const encoder = new TextEncoder();
/** Milliseconds on a clock shared with the content script (same time origin after conversion). */
const clock = () => performance.timeOrigin + performance.now();

/**
 * Analyses a page. The HTML goes into wasm memory as exact UTF-8 bytes (a JS string would be copied
 * through a buffer of three bytes per character), and the analysis comes back as the core's JSON text,
 * which goes to the content script as it is (no JS object built here only to be serialised again).
 */
async function analyze(message) {
  const received = clock();
  dropStaleParts();
  if (typeof message.html !== "string" || message.html.length > MAX_HTML) {
    return { ok: false, error: "page too large or not text" };
  }
  const html = typeof message.id === "string" ? await assemble(message) : message.html;
  if (html === null) return { ok: false, error: "page too large, or parts of it lost" };
  await core();
  const url = typeof message.url === "string" ? message.url : undefined;
  const start = performance.now();
  let json;
  if (typeof sift.analyzePage === "function") {
    json = sift.analyzePage(encoder.encode(html), url);
  } else {
    json = JSON.stringify(sift.analyzeHtml(html, url));
  }
  const call = performance.now() - start;
  return { ok: true, json, version: sift.version(), timing: { received, call, sent: clock() } };
}

async function analyzeFragment(message) {
  await core();
  if (typeof sift.analyzeFragment !== "function") return { ok: true, clutter: [], unsupported: true };
  if (typeof message.html !== "string" || message.html.length > MAX_FRAGMENT) return { ok: true, clutter: [] };
  // Paths in the result are relative to the fragment's root element ([] is the root).
  const result = sift.analyzeFragment(message.html);
  const clutter = Array.isArray(result) ? result : result && Array.isArray(result.clutter) ? result.clutter : [];
  return { ok: true, clutter };
}

/** Toggles hiding on `tab` (the browser passes the active tab), or the active tab; what the shortcut does. */
async function handleCommand(name, tab) {
  if (name !== "toggle-hiding") return undefined;
  let target = tab;
  if (!target || target.id === undefined) {
    [target] = await api.tabs.query({ active: true, lastFocusedWindow: true });
  }
  if (!target || target.id === undefined) return undefined;
  return sendToTab(target.id, { type: "sift:toggle" });
}
// Tests reach the same handler the browser's shortcut dispatch calls (see tests/browser/).
globalThis.siftHandleCommand = handleCommand;

api.commands.onCommand.addListener((name, tab) => {
  handleCommand(name, tab).catch(() => {});
});

onMessage((message, sender) => {
  if (!message || typeof message !== "object") return undefined;
  // Only this extension's own scripts talk to the background.
  if (sender && sender.id !== undefined && sender.id !== api.runtime.id) return undefined;
  switch (message.type) {
    case "sift:analyze":
      rememberTab(sender);
      return analyze(message);
    case "sift:page-part":
      return Promise.resolve(receivePart(message));
    case "sift:hello":
      rememberTab(sender);
      return Promise.resolve({ ok: true });
    case "sift:find-tab":
      return Promise.resolve({ ok: true, tabId: tabsByUrl.get(message.url) ?? null });
    case "sift:fragment":
      return analyzeFragment(message);
    case "sift:badge":
      if (sender.tab && sender.tab.id !== undefined) {
        return setBadge(sender.tab.id, Number(message.count) || 0).then(() => ({ ok: true }));
      }
      return undefined;
    case "sift:command":
      return handleCommand(message.name, message.tab).then((reply) => ({ ok: true, reply }));
    default:
      return undefined;
  }
});
