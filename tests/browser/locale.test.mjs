// Issue 6: the UI follows the browser's language; Ukrainian in Chromium started in Ukrainian.
// (Debian's Firefox ESR ships without the Ukrainian language pack, so Firefox is covered by the
// message-catalogue checks in package.test.mjs.)
import { describe, it, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { BROWSERS, ROOT, browserNames, startServer, openPopup, tabState } from "./harness.mjs";

const uk = JSON.parse(await readFile(path.join(ROOT, "extension/_locales/uk/messages.json"), "utf8"));

describe("Ukrainian UI in chromium", { timeout: 120000, skip: browserNames().includes("chromium") ? false : "chromium not selected" }, () => {
  let browser;
  let server;
  before(async () => {
    server = await startServer();
    browser = await BROWSERS.chromium({ lang: "uk" });
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  it("popup and options are in Ukrainian", async () => {
    const ext = await browser.newTab(`${browser.base}/options.html`);
    const lang = await ext.eval(() => chrome.i18n.getUILanguage());
    assert.match(lang, /^uk/, `the browser runs in Ukrainian (${lang})`);
    assert.equal(await ext.eval(() => document.querySelector("legend").textContent), uk.optCategories.message);
    const url = `${server.origin}/seed/index.html`;
    await browser.newTab(url);
    await tabState(ext, url);
    const popup = await openPopup(browser, url);
    const shown = await popup.eval(() => ({
      hide: document.querySelector('[data-i18n="hideClutter"]').textContent,
      claims: document.getElementById("claims-h").textContent,
      reading: document.getElementById("reading").textContent,
      lang: document.documentElement.lang,
    }));
    assert.equal(shown.hide, uk.hideClutter.message);
    assert.equal(shown.claims, uk.claimsHeading.message);
    assert.match(shown.reading, /хв читання$/);
    assert.equal(shown.lang, "uk");
  });
});
