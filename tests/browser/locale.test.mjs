// Issue 6: the UI follows the browser's language. Chromium started in Ukrainian, and in German (the
// longest strings), shows the popup and options in that language. (Debian's Firefox ESR ships
// without these language packs, so Firefox is covered by the catalogue checks in package.test.mjs.)
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { ROOT, browserNames, useBrowser, openPopup } from "./harness.mjs";

const chromium = browserNames().includes("chromium");

for (const lang of ["uk", "de"]) {
  const messages = JSON.parse(await readFile(path.join(ROOT, `extension/_locales/${lang}/messages.json`), "utf8"));
  const readingTime = new RegExp(`^${messages.readingTime.message.replace("$MIN$", "\\d+").replace(/[.]/g, "\\.")}$`);

  describe(`${lang} UI in chromium`, { timeout: 120000, skip: chromium ? false : "chromium not selected" }, () => {
    const ctx = useBrowser("chromium", { launch: { lang }, skip: !chromium });

    it("popup and options are in the browser's language", async () => {
      const uiLanguage = await ctx.ext.eval(() => chrome.i18n.getUILanguage());
      assert.match(uiLanguage, new RegExp(`^${lang}`), `the browser runs in ${lang} (${uiLanguage})`);
      assert.equal(await ctx.ext.eval(() => document.querySelector("legend").textContent), messages.optCategories.message);
      await ctx.openAnalysed(ctx.seedUrl);
      const popup = await openPopup(ctx.browser, ctx.seedUrl);
      const shown = await popup.eval(() => ({
        hide: document.querySelector('[data-i18n="hideClutter"]').textContent,
        claims: document.getElementById("claims-h").textContent,
        reading: document.getElementById("reading").textContent,
        lang: document.documentElement.lang,
        // Longer words must wrap, not widen the popup past its width.
        overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
      }));
      assert.equal(shown.hide, messages.hideClutter.message);
      assert.equal(shown.claims, messages.claimsHeading.message);
      assert.match(shown.reading, readingTime);
      assert.equal(shown.lang, lang);
      assert.ok(shown.overflow <= 0, `the popup scrolls sideways by ${shown.overflow} px`);
    });
  });
}
