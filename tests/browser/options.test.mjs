// Issue 6: the options page (categories, when to hide, per-site disable list) in storage.sync: persists
// across a reload, falls back to defaults on corrupt storage, and changes what pages get, in both browsers.
import { it, before, afterEach } from "node:test";
import assert from "node:assert/strict";
import { describeInBrowsers, openPopup, waitFor, pageReport, pageMarkedSelector } from "./harness.mjs";

const SUITE_TIMEOUT_MS = 240000;

describeInBrowsers("options", { timeout: SUITE_TIMEOUT_MS }, (ctx) => {
  const readForm = (tab) => tab.eval(() => ({
    categories: Object.fromEntries([...document.querySelectorAll("input[name=category]")].map((b) => [b.value, b.checked])),
    mode: document.querySelector("input[name=mode]:checked")?.value ?? null,
    sites: document.getElementById("sites").value,
  }));
  const setStorage = (value) => ctx.ext.eval(async (v) => {
    const api = globalThis.browser ?? globalThis.chrome;
    await api.storage.sync.clear();
    if (v !== null) await api.storage.sync.set({ settings: v });
  }, value);
  const ready = (tab) => waitFor(() => tab.eval(() => document.body.dataset.ready === "true"), "the options page to load");
  const saved = async (tab, action) => {
    const before = await tab.eval(() => document.body.dataset.saved || "");
    await action();
    await waitFor(() => tab.eval((b) => (document.body.dataset.saved || "") !== b, before), "the options to be saved");
  };

  // These run after useBrowser's hooks: its extension tab is the options page under test.
  before(async () => {
    await ready(ctx.ext);
  });
  afterEach(async () => {
    await setStorage(null);
  });

  it("shows the defaults when storage is empty", async () => {
    await setStorage(null);
    await ctx.ext.reload();
    await ready(ctx.ext);
    assert.deepEqual(await readForm(ctx.ext), { categories: { donation: true, newsletter: true, audio: true }, mode: "auto", sites: "" });
  });

  it("falls back to sane defaults when storage is corrupt", async () => {
    for (const junk of ["garbage", 42, [1, 2], { categories: "no", mode: "sometimes", disabledSites: "x" }, { categories: { audio: "yes", donation: false }, disabledSites: [7, "not a host!", "Example.COM"] }]) {
      await setStorage(junk);
      await ctx.ext.reload();
      await ready(ctx.ext);
      const form = await readForm(ctx.ext);
      assert.equal(form.mode, "auto", `mode for ${JSON.stringify(junk)}`);
      assert.equal(form.categories.audio, true, `audio for ${JSON.stringify(junk)}`);
      assert.equal(form.categories.newsletter, true);
    }
    // Valid parts of a partly corrupt value are kept.
    assert.deepEqual(await readForm(ctx.ext), { categories: { donation: false, newsletter: true, audio: true }, mode: "auto", sites: "example.com" });
  });

  it("persists changes across a reload", async () => {
    await ctx.ext.reload();
    await ready(ctx.ext);
    await saved(ctx.ext, () => ctx.ext.click('input[name=category][value="audio"]'));
    await saved(ctx.ext, () => ctx.ext.click('input[name=mode][value="manual"]'));
    await saved(ctx.ext, () => ctx.ext.type("#sites", "news.example\nhttps://www.other.example/path"));
    await ctx.ext.reload();
    await ready(ctx.ext);
    assert.deepEqual(await readForm(ctx.ext), {
      categories: { donation: true, newsletter: true, audio: false },
      mode: "manual",
      sites: "news.example\nother.example",
    });
  });

  it("a category switched off stays rendered on pages", async () => {
    await setStorage({ version: 1, categories: { donation: true, newsletter: true, audio: false }, mode: "auto", disabledSites: [] });
    const { page } = await ctx.openAnalysed(ctx.seedUrl);
    const audio = ctx.expected.clutter.find((c) => c.category === "audio").selector;
    const donation = await page.eval(pageMarkedSelector, "donation");
    assert.ok(donation, "a donation element is marked");
    const r = await page.eval(pageReport, [audio, donation]);
    assert.equal(r[audio].rendered, true, "audio player rendered");
    assert.equal(r[audio].mark, null, "audio player not marked");
    assert.equal(await page.eval(() => document.querySelectorAll('[data-sift="audio"]').length), 0);
    assert.equal(r[donation].rendered, false, "donation ask hidden");
    await page.close();
  });

  it("'only when I ask' leaves the page alone until hiding is turned on", async () => {
    await setStorage({ version: 1, categories: { donation: true, newsletter: true, audio: true }, mode: "manual", disabledSites: [] });
    const { page, view } = await ctx.openAnalysed(ctx.seedUrl);
    assert.equal(view.hiding, false);
    assert.equal(await page.eval(() => document.querySelectorAll("[data-sift]").length), 0);
    const popup = await openPopup(ctx.browser, ctx.seedUrl);
    assert.equal(await popup.eval(() => document.getElementById("hiding").checked), false);
    await popup.click("#hiding");
    await waitFor(() => page.eval(() => document.querySelectorAll("[data-sift]").length > 0), "hiding on request");
    await popup.close();
    await page.close();
  });

  it("a disabled site is left untouched and the popup says so", async () => {
    await setStorage({ version: 1, categories: { donation: true, newsletter: true, audio: true }, mode: "auto", disabledSites: ["127.0.0.1"] });
    const { page, view } = await ctx.openAnalysed(ctx.seedUrl);
    assert.equal(view.status, "disabled");
    assert.equal(await page.eval(() => document.querySelectorAll("[data-sift]").length), 0);
    const r = await page.eval(pageReport, [ctx.expected.clutter[0].selector]);
    assert.equal(r[ctx.expected.clutter[0].selector].rendered, true);
    const popup = await openPopup(ctx.browser, ctx.seedUrl);
    const message = await popup.eval(() => document.getElementById("message").textContent);
    assert.match(message, /off for this site/);
    await popup.close();
    await page.close();
  });

  it("the popup switches Sift off on the page's site and back on", async () => {
    await setStorage(null);
    const { page, view } = await ctx.openAnalysed(ctx.seedUrl);
    assert.equal(view.status, "ready");
    const marked = () => page.eval(() => document.querySelectorAll("[data-sift]").length);
    const listed = () => ctx.ext.eval(async () => (await globalThis.SiftSettings.load()).disabledSites);
    const host = new URL(ctx.seedUrl).hostname;
    assert.ok((await marked()) > 0, "the seed's clutter is marked");
    const popup = await openPopup(ctx.browser, ctx.seedUrl);
    assert.equal(await popup.eval(() => document.getElementById("site-switch").textContent), "Turn off on this site");

    await popup.click("#site-switch");
    await waitFor(async () => (await marked()) === 0, "the page to be restored");
    assert.deepEqual(await listed(), [host]);
    const off = await popup.eval(() => ({
      message: document.getElementById("message").textContent,
      cards: [...document.querySelectorAll(".card")].filter((c) => !c.hidden).length,
      site: document.getElementById("site-switch").textContent,
    }));
    assert.match(off.message, /off for this site/);
    assert.equal(off.cards, 0, "nothing of the page's analysis is still shown");
    assert.equal(off.site, "Turn on for this site");
    // Another page of the site now stays as it is.
    const other = await ctx.openAnalysed(`${ctx.seedUrl}?again`);
    assert.equal(other.view.status, "disabled");
    await other.page.close();

    await popup.click("#site-switch");
    await waitFor(async () => (await marked()) > 0, "the clutter to be hidden again");
    assert.deepEqual(await listed(), []);
    // The list items of the earlier render stay in their hidden card: wait for the card itself.
    const on = await waitFor(() => popup.eval(() => {
      const claims = document.querySelectorAll("#claims li").length;
      const shown = !document.getElementById("claims-card").hidden;
      return claims && shown ? { claims, clutter: !document.getElementById("clutter").hidden } : null;
    }), "the popup to show the page's analysis again");
    assert.equal(on.clutter, true);
    await popup.close();
    await page.close();
  });
});
