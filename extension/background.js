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

async function analyze(message) {
  if (typeof message.html !== "string" || message.html.length > MAX_HTML) {
    return { ok: false, error: "page too large or not text" };
  }
  await core();
  const url = typeof message.url === "string" ? message.url : undefined;
  return { ok: true, analysis: sift.analyzeHtml(message.html, url), version: sift.version() };
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
