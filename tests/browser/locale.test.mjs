// Issue 6: the UI follows the browser's language; Ukrainian in Chromium started in Ukrainian.
// (Debian's Firefox ESR ships without the Ukrainian language pack, so Firefox is covered by the
// message-catalogue checks in package.test.mjs.)
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { ROOT, browserNames, useBrowser, openPopup } from "./harness.mjs";

const uk = JSON.parse(await readFile(path.join(ROOT, "extension/_locales/uk/messages.json"), "utf8"));
const chromium = browserNames().includes("chromium");

describe("Ukrainian UI in chromium", { timeout: 120000, skip: chromium ? false : "chromium not selected" }, () => {
  const ctx = useBrowser("chromium", { launch: { lang: "uk" }, skip: !chromium });

  it("popup and options are in Ukrainian", async () => {
    const lang = await ctx.ext.eval(() => chrome.i18n.getUILanguage());
    assert.match(lang, /^uk/, `the browser runs in Ukrainian (${lang})`);
    assert.equal(await ctx.ext.eval(() => document.querySelector("legend").textContent), uk.optCategories.message);
    await ctx.openAnalysed(ctx.seedUrl);
    const popup = await openPopup(ctx.browser, ctx.seedUrl);
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
