// Issue 2: the seed fixture in real Chromium and Firefox with the built extension: clutter not rendered,
// the article still visible (also under a strict CSP), the popup's counts and summary, and hiding off
// restoring the page exactly.
import { it } from "node:test";
import assert from "node:assert/strict";
import { describeInBrowsers, openPopup, waitFor, pageReport, seedProblems } from "./harness.mjs";

const SUITE_TIMEOUT_MS = 240000;

describeInBrowsers("seed fixture", { timeout: SUITE_TIMEOUT_MS }, (ctx) => {
  async function checkSeed(url) {
    const { page, view } = await ctx.openAnalysed(url);
    assert.equal(view.status, "ready", `analysis finished (${view.error || ""})`);
    const problems = await seedProblems(page, ctx.expected);
    assert.deepEqual(problems, [], `seed fixture at ${url}:\n  ${problems.join("\n  ")}\nSift marked: ${JSON.stringify(view.found)}`);
    assert.equal(view.skipped, 0, "every clutter path resolved to an element of the expected tag");
    await page.close();
  }

  it("hides every expected clutter element and keeps every article paragraph visible", async () => {
    await checkSeed(ctx.seedUrl);
  });

  it("does the same on the page served with a strict CSP (no 'wasm-unsafe-eval')", async () => {
    await checkSeed(`${ctx.origin}/strict/seed/index.html`);
  });

  it("popup shows the counts per category and the summary", async () => {
    const url = ctx.seedUrl;
    const { page, view } = await ctx.openAnalysed(url);
    const popup = await openPopup(ctx.browser, url);
    const shown = await popup.eval(() => ({
      counts: Object.fromEntries([...document.querySelectorAll("[data-count]")].map((o) => [o.dataset.count, Number(o.textContent)])),
      claims: [...document.querySelectorAll("#claims button")].map((b) => b.textContent),
      claimsVisible: !document.getElementById("claims-card").hidden,
    }));
    assert.deepEqual(shown.counts, view.found, "popup counts equal what the content script marked");
    for (const cat of ["donation", "newsletter", "audio"]) {
      const want = ctx.expected.clutter.filter((c) => c.category === cat).length;
      assert.ok(shown.counts[cat] >= want, `${cat}: popup shows ${shown.counts[cat]}, the seed has ${want}`);
    }
    assert.ok(shown.claims.length >= 1 && shown.claimsVisible, "the popup shows at least one key claim");
    const articleText = ctx.expected.paragraphs.join("\n");
    for (const claim of shown.claims) {
      assert.ok(articleText.includes(claim), `claim is a verbatim sentence of the article: "${claim}"`);
    }
    await popup.close();
    await page.close();
  });

  it("turning hiding off restores the page exactly, and on again hides it", async () => {
    const url = ctx.seedUrl;
    const { page, view } = await ctx.openAnalysed(url);
    assert.ok(view.hiddenTotal > 0, "something was hidden to begin with");
    const marked = await page.eval(() => document.querySelectorAll("[data-sift]").length);
    assert.equal(marked, view.hiddenTotal);

    const popup = await openPopup(ctx.browser, url);
    assert.equal(await popup.eval(() => document.getElementById("hiding").checked), true);
    await popup.click("#hiding");
    await waitFor(() => page.eval(() => document.querySelectorAll("[data-sift]").length === 0), "marks to be removed");
    // The reference: the same document as the browser parses it, untouched by any script.
    const same = await page.eval(async () => {
      const html = await (await fetch(location.href)).text();
      const ref = new DOMParser().parseFromString(html, "text/html").documentElement.outerHTML;
      return ref === document.documentElement.outerHTML ? true : { live: document.documentElement.outerHTML.length, ref: ref.length };
    });
    assert.equal(same, true, "the live DOM equals the page as parsed, once hiding is off");
    const shown = await page.eval(pageReport, [".top-strip", ".post-audio", ".members-block", ".subscribe-box"]);
    for (const [sel, r] of Object.entries(shown)) assert.equal(r.rendered, true, `${sel} is rendered again`);

    await popup.click("#hiding");
    await waitFor(() => page.eval(() => document.querySelectorAll("[data-sift]").length), "marks to come back");
    assert.equal(await page.eval(() => document.querySelectorAll("[data-sift]").length), marked);
    await popup.close();
    await page.close();
  });
});
