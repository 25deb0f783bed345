// User settings: defaults, validation and storage. Classic script defining globalThis.SiftSettings.
(function () {
  "use strict";
  if (globalThis.SiftSettings) return;
  const CATEGORIES = Object.freeze(["donation", "newsletter", "audio"]);
  const STORAGE_KEY = "settings";
  /** Longest per-site disable list kept (storage.sync items are limited to 8 KB). */
  const MAX_SITES = 200;

  function defaults() {
    return {
      version: 1,
      categories: { donation: true, newsletter: true, audio: true },
      mode: "auto", // "auto": hide on load; "manual": only when asked (popup or shortcut)
      disabledSites: [],
    };
  }

  /** Lower-cases and trims a host name; returns "" for anything that is not one. */
  function normalizeHost(value) {
    if (typeof value !== "string") return "";
    let host = value.trim().toLowerCase();
    try {
      if (host.includes("://")) host = new URL(host).hostname;
    } catch (_e) {
      return "";
    }
    host = host.replace(/^www\./, "").replace(/\/.*$/, "");
    return /^[a-z0-9.-]{1,253}(:\d{1,5})?$/.test(host) ? host : "";
  }

  /** Returns valid settings from whatever storage held: each bad or missing field gets its default. */
  function sanitize(raw) {
    const out = defaults();
    if (!raw || typeof raw !== "object" || Array.isArray(raw)) return out;
    if (raw.categories && typeof raw.categories === "object") {
      for (const c of CATEGORIES) {
        if (typeof raw.categories[c] === "boolean") out.categories[c] = raw.categories[c];
      }
    }
    if (raw.mode === "auto" || raw.mode === "manual") out.mode = raw.mode;
    if (Array.isArray(raw.disabledSites)) {
      const hosts = raw.disabledSites.map(normalizeHost).filter(Boolean);
      out.disabledSites = [...new Set(hosts)].slice(0, MAX_SITES);
    }
    return out;
  }

  async function load() {
    try {
      const got = await globalThis.SiftCompat.api.storage.sync.get(STORAGE_KEY);
      return sanitize(got ? got[STORAGE_KEY] : undefined);
    } catch (_e) {
      return defaults();
    }
  }

  async function save(settings) {
    const clean = sanitize(settings);
    await globalThis.SiftCompat.api.storage.sync.set({ [STORAGE_KEY]: clean });
    return clean;
  }

  /** Whether Sift is switched off for `hostname` (a listed host also covers its subdomains). */
  function isSiteDisabled(settings, hostname) {
    const host = normalizeHost(hostname);
    if (!host) return false;
    return settings.disabledSites.some((s) => host === s || host.endsWith("." + s));
  }

  globalThis.SiftSettings = Object.freeze({ CATEGORIES, STORAGE_KEY, defaults, sanitize, normalizeHost, load, save, isSiteDisabled });
})();
