// The built packages: manifests per browser, permissions, CSP, locales. No browser needed.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { readFile, readdir } from "node:fs/promises";
import path from "node:path";
import { DIST, ROOT } from "./harness.mjs";

const readJson = async (file) => JSON.parse(await readFile(file, "utf8"));

describe("built manifests", () => {
  it("Chrome uses a module service worker, Firefox module background scripts with a gecko id", async () => {
    const chrome = await readJson(path.join(DIST, "chrome/manifest.json"));
    const firefox = await readJson(path.join(DIST, "firefox/manifest.json"));
    assert.deepEqual(chrome.background, { service_worker: "background.js", type: "module" });
    assert.equal(chrome.browser_specific_settings, undefined);
    assert.deepEqual(firefox.background, { scripts: ["background.js"], type: "module" });
    assert.equal(firefox.browser_specific_settings.gecko.strict_min_version, "142.0");
    assert.deepEqual(firefox.browser_specific_settings.gecko.data_collection_permissions, { required: ["none"] });
    for (const m of [chrome, firefox]) {
      assert.equal(m.manifest_version, 3);
      assert.deepEqual(m.permissions, ["storage"], "only storage is requested");
      assert.equal(m.host_permissions, undefined);
      assert.match(m.content_security_policy.extension_pages, /script-src 'self' 'wasm-unsafe-eval'/);
      assert.deepEqual(m.content_scripts[0].css, ["sift.css"]);
      assert.ok(m.commands["toggle-hiding"]);
    }
  });

  it("every file a manifest or page names is in the package", async () => {
    for (const browser of ["chrome", "firefox"]) {
      const dir = path.join(DIST, browser);
      const m = await readJson(path.join(dir, "manifest.json"));
      const files = [
        ...Object.values(m.icons), m.action.default_popup, m.options_ui.page,
        ...m.content_scripts.flatMap((c) => [...c.js, ...c.css]),
        ...(m.background.scripts || [m.background.service_worker]),
        "wasm/sift_wasm.js", "wasm/sift_wasm_bg.wasm",
      ];
      for (const f of files) await readFile(path.join(dir, f));
    }
  });
});

describe("locales", () => {
  // The UI speaks the languages Sift reads articles in.
  const LOCALES = ["de", "en", "es", "fr", "ru", "uk"];
  // The Chrome Web Store rejects a manifest whose description is longer (and Firefox shows at most this).
  const MAX_DESCRIPTION_CHARS = 132;

  it("each reading language has a catalogue with every English message and the same placeholders", async () => {
    assert.deepEqual((await readdir(path.join(ROOT, "extension/_locales"))).sort(), LOCALES);
    const en = await readJson(path.join(ROOT, "extension/_locales/en/messages.json"));
    for (const lang of LOCALES) {
      const messages = await readJson(path.join(ROOT, `extension/_locales/${lang}/messages.json`));
      assert.deepEqual(Object.keys(messages).sort(), Object.keys(en).sort(), lang);
      for (const key of Object.keys(en)) {
        const placeholders = Object.keys(en[key].placeholders || {});
        assert.deepEqual(Object.keys(messages[key].placeholders || {}), placeholders, `${lang} ${key}`);
        assert.ok(messages[key].message.trim(), `${lang} ${key} translated`);
        for (const name of placeholders) {
          assert.ok(messages[key].message.includes(`$${name.toUpperCase()}$`), `${lang} ${key} uses $${name}$`);
        }
      }
      if (lang !== "en") assert.notEqual(messages.hideClutter.message, en.hideClutter.message, `${lang} is translated`);
    }
  });

  it("the store description fits the stores' limit in every language", async () => {
    for (const lang of LOCALES) {
      const { extDescription } = await readJson(path.join(ROOT, `extension/_locales/${lang}/messages.json`));
      const chars = [...extDescription.message].length;
      assert.ok(chars <= MAX_DESCRIPTION_CHARS, `${lang}: ${chars} characters`);
    }
  });

  it("every data-i18n key used by the pages exists", async () => {
    const en = await readJson(path.join(ROOT, "extension/_locales/en/messages.json"));
    const dir = path.join(ROOT, "extension");
    for (const file of (await readdir(dir)).filter((f) => /\.(html|js)$/.test(f))) {
      const text = await readFile(path.join(dir, file), "utf8");
      for (const [, key] of text.matchAll(/data-i18n="([A-Za-z]+)"/g)) assert.ok(en[key], `${file}: ${key}`);
      for (const [, key] of text.matchAll(/\bt\("([A-Za-z]+)"/g)) assert.ok(en[key], `${file}: ${key}`);
    }
  });
});
