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
  it("Ukrainian has every English message, with the same placeholders", async () => {
    const en = await readJson(path.join(ROOT, "extension/_locales/en/messages.json"));
    const uk = await readJson(path.join(ROOT, "extension/_locales/uk/messages.json"));
    assert.deepEqual(Object.keys(uk).sort(), Object.keys(en).sort());
    for (const key of Object.keys(en)) {
      assert.deepEqual(Object.keys(uk[key].placeholders || {}), Object.keys(en[key].placeholders || {}), key);
      assert.ok(uk[key].message.trim(), `${key} translated`);
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
