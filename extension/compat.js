// Browser differences in one place. Loaded as a classic script (content scripts, popup, options) and
// imported for its side effect by the background module; it defines globalThis.SiftCompat.
(function () {
  "use strict";
  if (globalThis.SiftCompat) return;
  // Firefox exposes promise-based `browser`; Chrome's `chrome` returns promises in MV3 for the calls used here.
  const api = globalThis.browser ?? globalThis.chrome;
  const isFirefox = typeof globalThis.browser !== "undefined" && typeof globalThis.browser.runtime?.getBrowserInfo === "function";

  /** Sends a message to the extension; resolves to the reply or undefined when nobody answers. */
  async function sendMessage(message) {
    try {
      return await api.runtime.sendMessage(message);
    } catch (_e) {
      return undefined;
    }
  }

  /** Sends a message to a tab's content script; resolves to undefined when there is none. */
  async function sendToTab(tabId, message) {
    try {
      return await api.tabs.sendMessage(tabId, message);
    } catch (_e) {
      return undefined;
    }
  }

  /**
   * Registers a message handler that may answer asynchronously. The handler returns a promise (or
   * undefined for messages it does not handle). Chrome needs sendResponse + `return true`; Firefox accepts
   * both, so this form works in each.
   */
  function onMessage(handler) {
    api.runtime.onMessage.addListener((message, sender, sendResponse) => {
      let result;
      try {
        result = handler(message, sender);
      } catch (e) {
        sendResponse({ ok: false, error: String(e && e.message ? e.message : e) });
        return false;
      }
      if (result === undefined) return false;
      Promise.resolve(result).then(sendResponse, (e) =>
        sendResponse({ ok: false, error: String(e && e.message ? e.message : e) }),
      );
      return true;
    });
  }

  /** A localised UI string, or the key's English fallback when i18n is unavailable. */
  function t(key, substitutions) {
    try {
      return api.i18n.getMessage(key, substitutions) || key;
    } catch (_e) {
      return key;
    }
  }

  /** The browser's UI language, e.g. "en" or "uk". */
  function uiLanguage() {
    try {
      return api.i18n.getUILanguage();
    } catch (_e) {
      return "en";
    }
  }

  async function setBadge(tabId, count) {
    if (!api.action) return;
    const text = count > 0 ? String(Math.min(count, 999)) : "";
    try {
      await api.action.setBadgeText({ tabId, text });
      await api.action.setBadgeBackgroundColor({ tabId, color: "#4b5563" });
    } catch (_e) {
      // The tab may have closed; nothing to do.
    }
  }

  globalThis.SiftCompat = Object.freeze({ api, isFirefox, sendMessage, sendToTab, onMessage, t, uiLanguage, setBadge });
})();
