// Issue 6: the popup (article header, claims that scroll to and highlight their sentence, who said what,
// key numbers, per-category toggles, show-hidden outlines, Markdown copy, not-an-article state, keyboard,
// text-only insertion), the toolbar badge and the shortcut, in real Chromium and Firefox. Chromium also
// writes the popup screenshots (light and dark) to docs/screenshots/.
import { it } from "node:test";
import assert from "node:assert/strict";
import { mkdir } from "node:fs/promises";
import path from "node:path";
import { ROOT, describeInBrowsers, openPopup, waitFor, pageReport, pageMarkedSelector } from "./harness.mjs";

const SUITE_TIMEOUT_MS = 300000;
/** Most Tab presses to walk the popup's controls (the seed lists about 30 claims, quotes and facts). */
const MAX_TABS = 80;

/** The page's focused element (scrolled to by the popup): its text, box and highlighted words. */
async function focusedOnPage(page, what) {
  return waitFor(() => page.eval(() => {
    const el = document.querySelector("[data-sift-focus]");
    if (!el) return null;
    const r = el.getBoundingClientRect();
    let highlight = null;
    try {
      const h = CSS.highlights && CSS.highlights.get("sift-claim");
      if (h) for (const range of h) highlight = range.toString();
    } catch (_e) {
      highlight = "unavailable";
    }
    return { text: el.textContent.replace(/\s+/g, " "), top: r.top, bottom: r.bottom, vh: innerHeight, scrollY, highlight };
  }), what);
}
const SCREENSHOTS = path.join(ROOT, "docs/screenshots");

describeInBrowsers("popup, badge and shortcut", { timeout: SUITE_TIMEOUT_MS }, (ctx) => {
  /** Opens `url` in a tab and its popup; returns both and the content script's view. */
  async function openWithPopup(url) {
    const state = await ctx.openAnalysed(url);
    const popup = await openPopup(ctx.browser, url);
    return { popup, ...state };
  }

  it("shows the article's title, site and reading time", async () => {
    const { page, popup } = await openWithPopup(ctx.seedUrl);
    const head = await popup.eval(() => ({
      hidden: document.getElementById("article").hidden,
      title: document.getElementById("title").textContent,
      site: document.getElementById("site").textContent,
      reading: document.getElementById("reading").textContent,
    }));
    assert.equal(head.hidden, false);
    assert.equal(head.title, ctx.expected.article.title);
    assert.equal(head.site, ctx.expected.article.site_name);
    assert.match(head.reading, /^\d+ min read$/);
    await popup.close();
    await page.close();
  });

  it("a claim, clicked, is highlighted on the page and scrolled into view", async () => {
    const { page, popup, view } = await openWithPopup(ctx.seedUrl);
    assert.ok(view.summary.length >= 1, "the seed has key claims");
    const index = view.summary.length - 1; // the last claim: furthest down, so scrolling is needed
    const claim = view.summary[index];
    await page.eval(() => window.scrollTo(0, 0));
    await popup.click(`#claims li:nth-child(${index + 1}) button`);
    const seen = await focusedOnPage(page, "the claim's element to be focused");
    assert.ok(seen.text.includes(claim), "the focused element holds the claim");
    assert.ok(seen.bottom > 0 && seen.top < seen.vh, `the claim is in view (top ${seen.top}, viewport ${seen.vh})`);
    if (seen.highlight !== "unavailable") {
      assert.equal(seen.highlight && seen.highlight.replace(/\s+/g, " "), claim, "exactly the sentence is highlighted");
    }
    await popup.close();
    await page.close();
  });

  it("lists who said what and the key numbers; each, clicked, is highlighted on the page", async () => {
    const { page, popup, view } = await openWithPopup(ctx.seedUrl);
    const shown = await popup.eval(() => ({
      quotes: [...document.querySelectorAll("#quotes li")].map((li) => li.textContent),
      who: [...document.querySelectorAll("#quotes .who")].map((w) => ({ text: w.textContent, title: w.title })),
      facts: [...document.querySelectorAll("#facts li")].map((li) => li.textContent),
    }));
    assert.ok(view.attributions.length >= 1, "the seed has attributions");
    // A long speaker is shortened to its first phrase; the whole stays in the title.
    const long = view.attributions.findIndex((q) => q.source.length > 60);
    assert.ok(long >= 0, "the seed has a long speaker (the unnamed officials and their source)");
    assert.equal(shown.who[long].title, view.attributions[long].source);
    assert.ok(shown.who[long].text.endsWith("…") && shown.who[long].text.length <= 61, JSON.stringify(shown.who[long]));
    assert.ok(view.attributions[long].source.startsWith(shown.who[long].text.slice(0, -1)));
    assert.ok(shown.who.every((w, i) => i === long || w.title === "" || w.title === view.attributions[i].source));
    assert.equal(shown.quotes.length, view.attributions.length);
    const peskov = view.attributions.findIndex((q) => q.source.includes("Peskov"));
    assert.ok(peskov >= 0, `Peskov's statement is listed: ${JSON.stringify(shown.quotes)}`);
    assert.ok(shown.quotes[peskov].includes(view.attributions[peskov].content));
    assert.ok(shown.quotes[peskov].startsWith("Kremlin spokesperson Dmitry Peskov told"), shown.quotes[peskov]);
    // A prepositional cue comes first, as in the text.
    const reports = view.attributions.findIndex((q) => q.cue === "According to");
    assert.ok(reports >= 0 && view.attributions[reports].cue_first, JSON.stringify(view.attributions[reports]));
    assert.ok(shown.quotes[reports].startsWith(`According to ${view.attributions[reports].source}`), shown.quotes[reports]);
    assert.ok(shown.facts.length >= 1, "key numbers and dates are listed");
    const number = view.facts.numbers[0] || view.facts.dates[0];
    assert.ok(number && shown.facts.includes(number.text), `the first key fact is listed: ${JSON.stringify(shown.facts)}`);

    // Each is a button that finds its own words on the page, in the paragraph that holds them.
    const collapse = (s) => s.replace(/\s+/g, " ").trim();
    for (const [selector, text, where] of [
      [`#quotes li:nth-child(${peskov + 1}) button`, view.attributions[peskov].content, view.attributions[peskov].path],
      [`#facts li:nth-child(${shown.facts.indexOf(number.text) + 1}) button`, number.text, number.path],
    ]) {
      assert.ok(Array.isArray(where) && where.length > 0, `"${text}" comes with its paragraph's path`);
      await page.eval(() => window.scrollTo(0, 0));
      await page.eval(() => document.querySelector("[data-sift-focus]")?.removeAttribute("data-sift-focus"));
      await popup.click(selector);
      const seen = await focusedOnPage(page, `the element of "${text}" to be focused`);
      assert.ok(seen.text.includes(collapse(text)), `the focused element holds "${text}": ${seen.text.slice(0, 200)}`);
      const atPath = await page.eval((p) => {
        let el = document.documentElement;
        for (const i of p) el = el && el.children[i];
        return Boolean(el && el.hasAttribute("data-sift-focus"));
      }, where);
      assert.ok(atPath, `the paragraph at ${JSON.stringify(where)} is the one focused, not the whole article`);
      assert.ok(seen.bottom > 0 && seen.top < seen.vh, `"${text}" is in view (top ${seen.top}, viewport ${seen.vh})`);
      if (seen.highlight !== "unavailable") {
        assert.equal(seen.highlight && collapse(seen.highlight), collapse(text), "exactly its words are highlighted");
      }
    }
    await popup.close();
    await page.close();
  });

  it("per-category toggles change what is rendered", async () => {
    const { page, popup } = await openWithPopup(ctx.seedUrl);
    const audio = await page.eval(pageMarkedSelector, "audio");
    const donation = await page.eval(pageMarkedSelector, "donation");
    assert.ok(audio && donation, "Sift marked an audio and a donation element on the seed");
    assert.equal((await page.eval(pageReport, [audio]))[audio].rendered, false);
    await popup.click('input[data-category="audio"]');
    await waitFor(async () => (await page.eval(pageReport, [audio]))[audio].rendered, "the audio player to show");
    assert.equal((await page.eval(pageReport, [donation]))[donation].rendered, false, "donation stays hidden");
    await popup.click('input[data-category="audio"]');
    await waitFor(async () => !(await page.eval(pageReport, [audio]))[audio].rendered, "the audio player to hide again");
    await popup.close();
    await page.close();
  });

  it("show hidden outlines hidden elements with their reason", async () => {
    const { page, popup } = await openWithPopup(ctx.seedUrl);
    const sel = await page.eval(pageMarkedSelector, "donation");
    assert.ok(sel, "Sift marked a donation element on the seed");
    await popup.click("#reveal");
    const shown = await waitFor(() => page.eval((s) => {
      const el = document.querySelector(s);
      const st = getComputedStyle(el);
      if (st.display === "none") return null;
      return { outline: st.outlineStyle, label: getComputedStyle(el, "::before").content, reason: el.getAttribute("data-sift-reason") };
    }, sel), "the hidden element to be shown outlined");
    assert.equal(shown.outline, "dashed");
    assert.ok(shown.reason && shown.reason.length > 0, "the element carries its reason");
    // Chromium resolves attr() in computed `content`; Firefox reports it as written.
    assert.ok(shown.label.includes(shown.reason) || shown.label.includes("attr(data-sift-reason)"), `the label shows the reason: ${shown.label}`);
    await popup.click("#reveal");
    await waitFor(async () => !(await page.eval(pageReport, [sel]))[sel].rendered, "the element to hide again");
    await popup.close();
    await page.close();
  });

  it("copies the summary as Markdown", async () => {
    const { page, popup, view } = await openWithPopup(ctx.seedUrl);
    await popup.click("#copy");
    await waitFor(() => popup.eval(() => document.getElementById("copy-status").textContent !== ""), "the copy to finish");
    const md = await popup.eval(() => document.getElementById("markdown").value);
    assert.ok(md.startsWith(`# ${ctx.expected.article.title}`), md.slice(0, 120));
    assert.ok(md.includes("## Key claims"));
    for (const claim of view.summary) assert.ok(md.includes(claim.replace(/([\\`*_[\]<>#|])/g, "\\$1")), `claim in Markdown: ${claim}`);
    assert.equal(await popup.eval(() => document.getElementById("copy-status").textContent), "Copied");
    await popup.close();
    await page.close();
  });

  it("an attribution naming no holder (\"X is expected to …\") says so, in the list and in the Markdown copy", async () => {
    const url = `${ctx.origin}/pages/malicious.html`;
    const { page, popup, view } = await openWithPopup(url);
    const unstated = view.attributions.findIndex((q) => q.source === "" && q.cue === "is expected");
    assert.ok(unstated >= 0, `an attribution without a source: ${JSON.stringify(view.attributions)}`);
    assert.ok(view.attributions[unstated].content.startsWith("The new flood fund is expected"), view.attributions[unstated].content);
    const shown = await popup.eval((i) => {
      const who = document.querySelectorAll("#quotes .who")[i];
      return { text: who.textContent, none: who.classList.contains("none") };
    }, unstated);
    assert.deepEqual(shown, { text: "no source named", none: true });
    await popup.click("#copy");
    await waitFor(() => popup.eval(() => document.getElementById("copy-status").textContent !== ""), "the copy to finish");
    const md = await popup.eval(() => document.getElementById("markdown").value);
    assert.ok(md.includes("- *no source named* is expected: The new flood fund"), md);
    await popup.close();
    await page.close();
  });

  it("the footer's controls each keep their label on one line at the popup's width", async () => {
    const { page, popup } = await openWithPopup(ctx.seedUrl);
    const lines = await popup.eval(() =>
      ["copy", "site-switch", "options"].map((id) => {
        const el = document.getElementById(id);
        const range = document.createRange();
        range.selectNodeContents(el);
        // One rect per line box the label is laid out on.
        const tops = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
        return { id, text: el.textContent, hidden: el.hidden, lines: tops.size };
      }));
    for (const c of lines) {
      if (!c.hidden) assert.equal(c.lines, 1, `#${c.id} "${c.text}" is laid out on ${c.lines} lines`);
    }
    await popup.close();
    await page.close();
  });

  it("a page that is not an article gets a clear state", async () => {
    const { page, popup } = await openWithPopup(`${ctx.origin}/pages/not-article.html`);
    const shown = await popup.eval(() => ({
      articleHidden: document.getElementById("article").hidden,
      message: document.getElementById("message").hidden ? "" : document.getElementById("message").textContent,
      claims: document.querySelectorAll("#claims li").length,
    }));
    assert.equal(shown.articleHidden, true);
    assert.match(shown.message, /not look like an article/);
    assert.equal(shown.claims, 0);
    await popup.close();
    await page.close();
  });

  it("page strings with markup are shown as text, never as HTML", async () => {
    const url = `${ctx.origin}/pages/malicious.html`;
    const { page, popup } = await openWithPopup(url);
    const shown = await popup.eval(() => ({
      title: document.getElementById("title").textContent,
      byline: document.getElementById("byline").textContent,
      images: document.querySelectorAll("img").length,
      scripts: [...document.querySelectorAll("script")].map((s) => s.getAttribute("src")),
      bold: document.querySelectorAll("main b").length,
      markupInLists: document.querySelectorAll("#claims button *, #quotes li .what *, #quotes li .who *, #facts button *").length,
      claims: [...document.querySelectorAll("#claims button")].map((b) => b.textContent),
      docTitle: document.title,
    }));
    assert.ok(shown.title.includes("<img src=x onerror="), `title shown literally: ${shown.title}`);
    assert.ok(shown.byline.includes("<script>alert(1)</script>"), `byline shown literally: ${shown.byline}`);
    assert.equal(shown.markupInLists, 0, "claims and quotes hold text only");
    assert.ok(shown.claims.some((c) => /<(b|img|script)\b/.test(c)), `a claim with markup-like text is shown literally: ${JSON.stringify(shown.claims)}`);
    assert.equal(shown.images, 1, "only the popup's own icon is an image");
    assert.deepEqual(shown.scripts, ["compat.js", "settings.js", "popup.js"]);
    assert.equal(shown.bold, 0);
    assert.notEqual(shown.docTitle, "pwned");
    assert.notEqual(await page.eval(() => document.title), "pwned", "no injected handler ran in the page");
    await popup.close();
    await page.close();
  });

  it("is keyboard-navigable: Tab reaches every control and Enter on a claim focuses it", async () => {
    const { page, popup, view } = await openWithPopup(ctx.seedUrl);
    await popup.eval(() => document.activeElement && document.activeElement.blur());
    const reached = [];
    for (let i = 0; i < MAX_TABS; i++) {
      await popup.press("Tab");
      reached.push(await popup.eval(() => {
        const a = document.activeElement;
        const list = a && a.closest("#claims, #quotes, #facts");
        return a ? a.id || a.dataset.category || (list ? { claims: "claim", quotes: "quote", facts: "fact" }[list.id] : a.localName) : null;
      }));
      if (reached.at(-1) === "options") break; // the last control: one more Tab leaves the page
    }
    for (const want of ["hiding", "donation", "newsletter", "audio", "reveal", "claim", "quote", "fact", "copy", "site-switch", "options"]) {
      assert.ok(reached.includes(want), `Tab reaches ${want}: ${reached.join(",")}`);
    }
    assert.ok(view.summary.length >= 1);
    // Start again from the first control (Firefox moves focus into its own UI after the last one).
    await popup.eval(() => document.getElementById("hiding").focus());
    for (let i = 0; i < 20 && !(await popup.eval(() => Boolean(document.activeElement?.closest("#claims")))); i++) {
      await popup.press("Tab");
    }
    await popup.press("Enter");
    await waitFor(() => page.eval(() => document.querySelector("[data-sift-focus]") !== null), "Enter on a claim to focus it on the page");
    await popup.close();
    await page.close();
  });

  it("the toolbar badge shows the number of hidden items on the tab", async () => {
    const { page, popup, tabId, view } = await openWithPopup(ctx.seedUrl);
    assert.ok(view.hiddenTotal > 0);
    const text = await waitFor(() => popup.eval(async (id) => {
      const api = globalThis.browser ?? globalThis.chrome;
      return api.action.getBadgeText({ tabId: id });
    }, tabId), "the badge text");
    assert.equal(text, String(view.hiddenTotal));
    await popup.click("#hiding");
    await waitFor(() => popup.eval(async (id) => (await (globalThis.browser ?? globalThis.chrome).action.getBadgeText({ tabId: id })) === "", tabId), "the badge to clear when hiding is off");
    await popup.close();
    await page.close();
  });

  it("the keyboard shortcut's command toggles hiding on the tab", async () => {
    const { page, tabId, view } = await ctx.openAnalysed(ctx.seedUrl);
    assert.ok(view.hiddenTotal > 0);
    const manifest = await ctx.ext.eval(() => (globalThis.browser ?? globalThis.chrome).runtime.getManifest().commands);
    assert.ok(manifest["toggle-hiding"].suggested_key.default, "the command has a default shortcut");
    // Headless browsers have no accelerator keys: run the handler the browser's shortcut dispatch calls.
    await ctx.browser.runCommand("toggle-hiding", tabId, ctx.ext);
    await waitFor(() => page.eval(() => document.querySelectorAll("[data-sift]").length === 0), "hiding to be off");
    await ctx.browser.runCommand("toggle-hiding", tabId, ctx.ext);
    await waitFor(() => page.eval((n) => document.querySelectorAll("[data-sift]").length === n, view.hiddenTotal), "hiding to be on again");
    await page.close();
  });

  if (ctx.name === "chromium") {
    it("writes popup screenshots, light and dark, on the seed fixture", async () => {
      await mkdir(SCREENSHOTS, { recursive: true });
      const { page } = await ctx.openAnalysed(ctx.seedUrl);
      for (const scheme of ["light", "dark"]) {
        const popup = await openPopup(ctx.browser, ctx.seedUrl);
        await popup.page.emulateMedia({ colorScheme: scheme });
        const bg = await popup.eval(() => getComputedStyle(document.body).backgroundColor);
        assert.equal(bg, scheme === "dark" ? "rgb(22, 24, 29)" : "rgb(255, 255, 255)", `${scheme} colours applied`);
        await popup.screenshot(path.join(SCREENSHOTS, `popup-${scheme}.png`));
        await popup.close();
      }
      await page.close();
    });
  }
});
