// Background: runs the wasm core (extension pages may compile wasm; content scripts on strict-CSP pages
// may not), sets the toolbar badge and handles the keyboard shortcut. Listeners are registered at the top
// level so a restarted service worker / event page receives the message that woke it.
import "./compat.js";
import "./settings.js";
import init, * as sift from "./wasm/sift_wasm.js";

const { api, onMessage, sendToTab, setBadge } = globalThis.SiftCompat;
const Settings = globalThis.SiftSettings;

/**
 * The settings, read once per background start and kept current from storage.onChanged: a content
 * script gets them with its hello, one message to a warm background instead of a storage read of its own.
 */
let settings = null;
const currentSettings = () => {
  if (!settings) settings = Settings.load();
  return settings;
};
api.storage.onChanged.addListener((changes, area) => {
  if (area === "sync" && changes[Settings.STORAGE_KEY]) {
    settings = Promise.resolve(Settings.sanitize(changes[Settings.STORAGE_KEY].newValue));
  }
});

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
 * Pages arriving in parts (content.js sends a page's HTML in pieces while serialising it, through a
 * port, or as runtime messages where it has none), by the sender's id: {parts, chars, at, wake}.
 * Entries leave when their page is analysed, or after PARTS_TTL_MS (a tab closed half-way), so nothing
 * is kept from page to page.
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

// --- the popup's details, per tab ------------------------------------------------------------------
//
// The content script gets only what it applies (the clutter tags); what the popup shows (the article's
// head, claims, attributions, facts) stays here, per tab, for the popup to ask for. Kept in memory and
// mirrored to storage.session (memory only, cleared when the browser closes) so a service worker or
// event page restarted while idle still has it. An entry goes when its tab closes or loads another
// page; at most MAX_DETAIL_TABS are kept, each at most MAX_DETAIL_CHARS of JSON.

/** Most tabs whose details are kept (least recently analysed dropped first). */
const MAX_DETAIL_TABS = 50;
/** Largest details JSON kept for one page (UTF-16 units): far above a real page's few KB. */
const MAX_DETAIL_CHARS = 256 * 1024;
/** Longest page title kept (the popup's fallback when the article has none). */
const MAX_TITLE_CHARS = 1000;
/** Tab id to {pageId, url, title, details} (details: the core's, parsed). */
const details = new Map();
const session = api.storage && api.storage.session;
const detailsKey = (tabId) => `details:${tabId}`;

function forgetTab(tabId) {
  details.delete(tabId);
  if (session) session.remove(detailsKey(tabId)).catch(() => {});
}

/** Keeps `entry` for `tabId` (replacing the tab's last) in memory and, when not too large, in session storage. */
function keepDetails(tabId, entry, chars) {
  details.delete(tabId);
  details.set(tabId, entry);
  while (details.size > MAX_DETAIL_TABS) forgetTab(details.keys().next().value);
  if (!session) return;
  if (chars <= MAX_DETAIL_CHARS) session.set({ [detailsKey(tabId)]: entry }).catch(() => {});
  else session.remove(detailsKey(tabId)).catch(() => {});
}

/** A tab's details if they are those of page `pageId` (any page when pageId is not given), or null. */
async function detailsOf(tabId, pageId) {
  let entry = details.get(tabId);
  if (!entry && session) {
    const key = detailsKey(tabId);
    entry = (await session.get(key).catch(() => ({})))[key] || null;
    if (entry) details.set(tabId, entry);
  }
  if (!entry || (pageId !== undefined && entry.pageId !== pageId)) return null;
  return entry;
}

/** The popup's reply: the tab's details with the page's id, URL and title, or null when there are none. */
async function detailsReply(message) {
  if (!Number.isInteger(message.tabId)) return { ok: false, error: "no tab" };
  const entry = await detailsOf(message.tabId, typeof message.pageId === "string" ? message.pageId : undefined);
  if (!entry) return { ok: true, details: null };
  return { ok: true, details: { ...entry.details, pageId: entry.pageId, url: entry.url, title: entry.title } };
}

/** Called when a tab's content script starts on a new page: the old page's details go. */
function newPage(sender) {
  if (sender && sender.tab && sender.tab.id !== undefined) forgetTab(sender.tab.id);
}

if (api.tabs && api.tabs.onRemoved) api.tabs.onRemoved.addListener((tabId) => forgetTab(tabId));
// Tests make the background forget a tab's details, as a restarted one without them would (tests/browser/).
globalThis.siftForgetTab = (tabId) => {
  forgetTab(tabId);
  return true;
};

/**
 * Analyses a page. The HTML goes into wasm memory as exact UTF-8 bytes (a JS string would be copied
 * through a buffer of three bytes per character). The reply to the content script carries only the
 * clutter tags; the popup's details are kept for the sender's tab after the reply has gone.
 */
async function analyze(message, sender) {
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
  const [clutterJson, detailsJson] = sift.analyzeTab(encoder.encode(html), url);
  const call = performance.now() - start;
  const clutter = JSON.parse(clutterJson).map(({ category, path, tag, reason }) => ({ category, path, tag, reason }));
  const parsed = JSON.parse(detailsJson);
  const tabId = sender && sender.tab ? sender.tab.id : undefined;
  if (tabId !== undefined) {
    const entry = {
      pageId: typeof message.pageId === "string" ? message.pageId : "",
      url: url || "",
      title: typeof message.title === "string" ? message.title.slice(0, MAX_TITLE_CHARS) : "",
      details: parsed,
    };
    // In memory at once (the popup may ask before the timer runs); session storage after the reply.
    details.delete(tabId);
    details.set(tabId, entry);
    setTimeout(() => keepDetails(tabId, entry, detailsJson.length), 0);
  }
  const wasm = Number(parsed.timings_ms && parsed.timings_ms.total) || 0;
  return { ok: true, clutter, version: sift.version(), timing: { received, call, wasm, sent: clock() } };
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

// Page parts arrive through a port per page (see content.js: one channel, read here only).
api.runtime.onConnect.addListener((port) => {
  if (port.name !== "sift:parts" || (port.sender && port.sender.id !== undefined && port.sender.id !== api.runtime.id)) {
    port.disconnect();
    return;
  }
  port.onMessage.addListener((message) => {
    if (message && message.type === "sift:page-part") receivePart(message);
  });
});

onMessage((message, sender) => {
  if (!message || typeof message !== "object") return undefined;
  // Only this extension's own scripts talk to the background.
  if (sender && sender.id !== undefined && sender.id !== api.runtime.id) return undefined;
  switch (message.type) {
    case "sift:analyze":
      rememberTab(sender);
      return analyze(message, sender);
    case "sift:page-part":
      return Promise.resolve(receivePart(message));
    case "sift:hello":
      rememberTab(sender);
      newPage(sender);
      return currentSettings().then((s) => ({ ok: true, settings: s }));
    case "sift:details":
      return detailsReply(message);
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
