// Issue 8: the content script gets only what it applies; the popup's details (article head, claims,
// attributions, facts) stay in the background per tab, under the page's id, and go when the tab loads
// another page or closes. In real Chromium and Firefox.
import { it } from "node:test";
import assert from "node:assert/strict";
import { describeInBrowsers, tabState, waitFor, openPopup } from "./harness.mjs";

const SUITE_TIMEOUT_MS = 240000;

/** From an extension page: the background's details for `tabId` (and `pageId`, when given), or null. */
const askDetails = (ext, tabId, pageId) => ext.eval(async (t, p) => {
  const reply = await globalThis.SiftCompat.sendMessage({ type: "sift:details", tabId: t, pageId: p === null ? undefined : p });
  return reply && reply.ok ? reply.details : { error: reply && reply.error };
}, tabId, pageId === undefined ? null : pageId);

/** From an extension page: the content script's own view (no details merged in). */
const rawView = (ext, tabId) => ext.eval(async (t) => globalThis.SiftCompat.sendToTab(t, { type: "sift:state" }), tabId);

describeInBrowsers("popup details kept in the background", { timeout: SUITE_TIMEOUT_MS }, (ctx) => {
  it("the content script holds no article data; the background has the page's details under its id", async () => {
    const { page, tabId, view } = await ctx.openAnalysed(ctx.seedUrl);
    assert.equal(view.status, "ready", view.error || "");
    const raw = await rawView(ctx.ext, tabId);
    for (const key of ["article", "summary", "attributions", "facts"]) {
      assert.equal(key in raw, false, `the content script's view has no ${key}`);
    }
    assert.equal(typeof raw.pageId, "string");
    const details = await askDetails(ctx.ext, tabId, raw.pageId);
    assert.ok(details && details.article, "details with the article's head");
    assert.equal(details.article.title, ctx.expected.article.title);
    assert.equal("text" in details.article || "paragraphs" in details.article, false, "no article text kept");
    assert.ok(details.article.words > 100, `a word count (${details.article.words})`);
    assert.ok(details.summary.length >= 1 && details.summary.every((s) => typeof s.text === "string"));
    assert.equal(await askDetails(ctx.ext, tabId, "another-page"), null, "nothing under another page's id");
    await page.close();
  });

  it("another page in the tab replaces the details; closing the tab forgets them", async () => {
    const second = `${ctx.origin}/pages/not-article.html`;
    const { page, tabId, view } = await ctx.openAnalysed(ctx.seedUrl);
    const firstId = view.pageId;
    await page.goto(second);
    const next = await tabState(ctx.ext, second);
    assert.equal(next.tabId, tabId, "same tab");
    assert.notEqual(next.view.pageId, firstId, "a new page id");
    assert.equal(await askDetails(ctx.ext, tabId, firstId), null, "the first page's details are gone");
    const now = await askDetails(ctx.ext, tabId);
    assert.ok(now && now.pageId === next.view.pageId && now.article === null, "the tab's details are the second page's");
    await page.close();
    await waitFor(async () => (await askDetails(ctx.ext, tabId)) === null, "the closed tab's details to be forgotten");
  });

  it("the popup still shows the claims when the background has lost the page's details", async () => {
    const url = ctx.seedUrl;
    const { page, tabId } = await ctx.openAnalysed(url);
    // What a background restarted without its session storage, or a page back from the back-forward
    // cache after the tab moved on, looks like: a content script whose page the background does not know.
    await ctx.browser.forgetDetails(tabId, ctx.ext);
    assert.equal(await askDetails(ctx.ext, tabId), null, "the background has no details for the tab");
    const popup = await openPopup(ctx.browser, url);
    const claims = await waitFor(() => popup.eval(() => document.querySelectorAll("#claims li").length), "claims in the popup");
    assert.ok(claims >= 1, `${claims} claims listed`);
    const { view } = await tabState(ctx.ext, url);
    assert.ok(view.details && view.summary.length === claims, "the page was analysed again and its details kept");
    await popup.close();
    await page.close();
  });
});
