// Shared pieces of the browser tests: a static server for tests/fixtures on 127.0.0.1 and one small
// interface over real headless Chromium (Playwright) and Firefox ESR (geckodriver via selenium-webdriver).
import { describe, before, after, afterEach } from "node:test";
import { createServer } from "node:http";
import { readFile, mkdtemp, rm, access } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const FIXTURES = path.join(ROOT, "tests/fixtures");
export const DIST = path.join(ROOT, "dist");
/** A CSP as strict as many news sites send: no 'wasm-unsafe-eval', no inline script or style. */
export const STRICT_CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'";
export const GECKO_ID = "sift@sift-reader.org";
export const FIREFOX_UUID = "6b1d2b8e-5c8f-4a52-9a43-5a3c1f0d7e21";
/** Upper bound for one browser action, so a missing or stuck browser fails instead of hanging. */
export const STEP_TIMEOUT_MS = 20000;

const TYPES = { ".html": "text/html; charset=utf-8", ".css": "text/css", ".js": "text/javascript", ".json": "application/json", ".svg": "image/svg+xml" };

/**
 * Hostile pages that are the seed page plus one script of tests/fixtures/hostile/ (`<name>.js`, which says
 * what the page does): served as /hostile/<name>.html, composed from the seed so the seed is kept once.
 */
export const SEED_WITH_SCRIPT = ["bursts", "mutating", "overrides", "spoof"];

/** The seed page with `<base href="/seed/">` and /hostile/<name>.js inserted after its charset. */
async function seedWithScript(name) {
  const seed = await readFile(path.join(FIXTURES, "seed/index.html"), "utf8");
  const charset = '<meta charset="utf-8">\n';
  if (!seed.includes(charset)) throw new Error("seed page without its charset line");
  const head = `<base href="/seed/">\n<!-- hostile fixture: the seed page with /hostile/${name}.js (issue 7) -->\n<script src="/hostile/${name}.js"></script>\n`;
  return seed.replace(charset, charset + head);
}

/**
 * Serves tests/fixtures (and the pages of SEED_WITH_SCRIPT). Paths under /strict/ are the same files sent
 * with STRICT_CSP. Returns
 * { origin, close }. `onRequest(req)`, if given, sees every request the server receives.
 */
export async function startServer({ onRequest } = {}) {
  const server = createServer(async (req, res) => {
    if (onRequest) onRequest(req);
    try {
      let urlPath = decodeURIComponent(new URL(req.url, "http://x").pathname);
      let csp = null;
      if (urlPath.startsWith("/strict/")) {
        csp = STRICT_CSP;
        urlPath = urlPath.slice("/strict".length);
      }
      const file = path.join(FIXTURES, path.normalize(urlPath));
      if (!file.startsWith(FIXTURES)) throw new Error("outside fixtures");
      const composed = SEED_WITH_SCRIPT.find((name) => urlPath === `/hostile/${name}.html`);
      const body = composed ? await seedWithScript(composed) : await readFile(file);
      const headers = { "content-type": TYPES[path.extname(file)] || "application/octet-stream", "cache-control": "no-store" };
      if (csp) headers["content-security-policy"] = csp;
      res.writeHead(200, headers);
      res.end(body);
    } catch (_e) {
      res.writeHead(404, { "content-type": "text/plain" });
      res.end("not found");
    }
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address();
  return { origin: `http://127.0.0.1:${port}`, close: () => new Promise((r) => server.close(r)) };
}

export async function readExpected() {
  return JSON.parse(await readFile(path.join(FIXTURES, "seed/expected.json"), "utf8"));
}

/** Rejects after `ms` with a message naming `what`. */
export function withTimeout(promise, ms, what) {
  let timer;
  return Promise.race([
    Promise.resolve(promise).finally(() => clearTimeout(timer)),
    new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms: ${what}`)), ms);
    }),
  ]);
}

/** Polls `fn` until it returns a truthy value; returns it, or throws with the last value seen. */
export async function waitFor(fn, what, timeoutMs = STEP_TIMEOUT_MS, intervalMs = 100) {
  const start = Date.now();
  let last;
  for (;;) {
    try {
      last = await fn();
      if (last) return last;
    } catch (e) {
      last = e;
    }
    if (Date.now() - start > timeoutMs) {
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}; last: ${last instanceof Error ? last.message : JSON.stringify(last)}`);
    }
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}

async function mustExist(file, hint) {
  try {
    await access(file);
  } catch {
    throw new Error(`${file} is missing: ${hint}`);
  }
}

// --- Chromium -------------------------------------------------------------------------------------------

/** The region a UI language's POSIX locale names (`uk_UA`); others use the language's own code (`de_DE`). */
const REGIONS = { en: "US", uk: "UA" };

async function launchChromium({ colorScheme, lang } = {}) {
  const executablePath = process.env.SIFT_CHROMIUM || "/usr/bin/chromium";
  await mustExist(executablePath, "install Debian's chromium (./build.sh does)");
  const extDir = path.join(DIST, "chrome");
  await mustExist(path.join(extDir, "manifest.json"), "run ./build.sh first");
  const { chromium } = await import("playwright-core");
  const userDataDir = await mkdtemp(path.join(tmpdir(), "sift-chromium-"));
  const context = await withTimeout(chromium.launchPersistentContext(userDataDir, {
    executablePath,
    headless: true,
    colorScheme: colorScheme || "light",
    timeout: STEP_TIMEOUT_MS,
    ...(lang ? { locale: lang, env: { ...process.env, LANGUAGE: lang, LANG: `${lang}_${REGIONS[lang] || lang.toUpperCase()}.UTF-8` } } : {}),
    args: [
      ...(lang ? [`--lang=${lang}`] : []),
      "--no-sandbox", "--disable-background-networking", "--disable-component-update", "--disable-sync",
      "--no-first-run", "--disable-quic", `--disable-extensions-except=${extDir}`, `--load-extension=${extDir}`,
    ],
  }), STEP_TIMEOUT_MS, "launching Chromium");
  context.setDefaultTimeout(STEP_TIMEOUT_MS);
  const worker = context.serviceWorkers()[0] || (await context.waitForEvent("serviceworker", { timeout: STEP_TIMEOUT_MS }));
  const extensionId = new URL(worker.url()).host;
  const base = `chrome-extension://${extensionId}`;

  const opened = new Set();
  const wrap = (page) => ({
    page,
    goto: (url) => page.goto(url, { waitUntil: "load" }),
    reload: () => page.reload({ waitUntil: "load" }),
    // A string expression goes through the DevTools protocol, which a page's CSP does not restrict.
    eval: (fn, ...args) => page.evaluate(`(${fn.toString()})(...${JSON.stringify(args)})`),
    click: (selector) => page.click(selector),
    front: () => page.bringToFront(),
    press: (key) => page.keyboard.press(key),
    type: (selector, text) => page.fill(selector, text),
    screenshot: (file) => page.screenshot({ path: file, fullPage: true }),
    close: () => page.close(),
  });

  return {
    name: "chromium",
    base,
    /** The Playwright browser context (for request events). */
    context,
    async newTab(url, { width = 1200, height = 900 } = {}) {
      const page = await context.newPage();
      await page.setViewportSize({ width, height });
      if (url) await page.goto(url, { waitUntil: "load" });
      const tab = wrap(page);
      opened.add(tab);
      return tab;
    },
    /** Closes every tab opened since `keep` (so a failed test leaves nothing behind). */
    async closeTabsExcept(keep) {
      for (const tab of [...opened]) {
        if (tab !== keep) await tab.close().catch(() => {});
        if (tab !== keep) opened.delete(tab);
      }
    },
    /** Runs the background's keyboard-shortcut handler (headless browsers have no accelerator keys). */
    async runCommand(name, tabId) {
      const sw = context.serviceWorkers()[0];
      return sw.evaluate(([n, id]) => globalThis.siftHandleCommand(n, id === undefined ? undefined : { id }), [name, tabId]);
    },
    /** Makes the background forget a tab's popup details (what a restarted background without them sees). */
    async forgetDetails(tabId) {
      const sw = context.serviceWorkers()[0];
      return sw.evaluate((id) => globalThis.siftForgetTab(id), tabId);
    },
    async close() {
      await context.close().catch(() => {});
      await rm(userDataDir, { recursive: true, force: true });
    },
  };
}

// --- Firefox --------------------------------------------------------------------------------------------

async function launchFirefox({ colorScheme } = {}) {
  const binary = process.env.SIFT_FIREFOX || "/usr/bin/firefox-esr";
  await mustExist(binary, "install Debian's firefox-esr (./build.sh does)");
  const zip = path.join(DIST, "sift-firefox.zip");
  await mustExist(zip, "run ./build.sh first");
  const { Builder, By, Key } = await import("selenium-webdriver");
  const firefox = await import("selenium-webdriver/firefox.js");
  const { execFileSync } = await import("node:child_process");
  let geckodriver = process.env.SIFT_GECKODRIVER;
  if (!geckodriver) {
    try {
      geckodriver = execFileSync("sh", ["-c", "command -v geckodriver"], { encoding: "utf8" }).trim();
    } catch {
      throw new Error("geckodriver not found on PATH: ./build.sh installs it with cargo install geckodriver");
    }
  }
  const options = new firefox.Options()
    .setBinary(binary)
    .addArguments("-headless")
    .setPreference("extensions.originControls.grantByDefault", true)
    .setPreference("extensions.webextensions.uuids", JSON.stringify({ [GECKO_ID]: FIREFOX_UUID }))
    .setPreference("browser.shell.checkDefaultBrowser", false)
    .setPreference("datareporting.policy.dataSubmissionEnabled", false)
    .setPreference("layout.css.prefers-color-scheme.content-override", colorScheme === "dark" ? 0 : 1);
  const service = new firefox.ServiceBuilder(geckodriver).addArguments("--allow-system-access");
  const driver = await withTimeout(
    new Builder().forBrowser("firefox").setFirefoxOptions(options).setFirefoxService(service).build(),
    STEP_TIMEOUT_MS * 2, "launching Firefox through geckodriver");
  await driver.manage().setTimeouts({ script: STEP_TIMEOUT_MS, pageLoad: STEP_TIMEOUT_MS });
  await driver.installAddon(zip, true);
  const base = `moz-extension://${FIREFOX_UUID}`;
  let active = null;

  const wrap = (handle) => {
    const focus = async () => {
      if (active !== handle) {
        await driver.switchTo().window(handle);
        active = handle;
      }
    };
    return {
      handle,
      goto: async (url) => { await focus(); await driver.get(url); },
      reload: async () => { await focus(); await driver.navigate().refresh(); },
      eval: async (fn, ...args) => {
        await focus();
        return driver.executeScript(`return (${fn.toString()}).apply(null, arguments)`, ...args);
      },
      front: focus,
      click: async (selector) => { await focus(); await (await driver.findElement(By.css(selector))).click(); },
      press: async (key) => {
        await focus();
        const k = { Tab: Key.TAB, Enter: Key.RETURN, Space: Key.SPACE, "Shift+Tab": Key.chord(Key.SHIFT, Key.TAB) }[key] || key;
        await driver.actions().sendKeys(k).perform();
      },
      type: async (selector, text) => {
        await focus();
        const e = await driver.findElement(By.css(selector));
        await e.clear();
        await e.sendKeys(text);
      },
      screenshot: async (file) => {
        await focus();
        const { writeFile } = await import("node:fs/promises");
        await writeFile(file, Buffer.from(await driver.takeScreenshot(), "base64"));
      },
      close: async () => { await focus(); await driver.close(); active = null; const hs = await driver.getAllWindowHandles(); if (hs.length) { await driver.switchTo().window(hs[0]); active = hs[0]; } },
    };
  };

  let first = true;
  const opened = new Set();
  return {
    name: "firefox",
    base,
    async newTab(url, { width = 1200, height = 900 } = {}) {
      let handle;
      if (first) {
        first = false;
        handle = await driver.getWindowHandle();
      } else {
        await driver.switchTo().newWindow("tab");
        handle = await driver.getWindowHandle();
      }
      active = handle;
      await driver.manage().window().setRect({ width, height }).catch(() => {});
      const tab = wrap(handle);
      opened.add(tab);
      if (url) await tab.goto(url);
      return tab;
    },
    /** Closes every tab but `keep` (so a failed test leaves nothing behind). */
    async closeTabsExcept(keep) {
      for (const h of await driver.getAllWindowHandles()) {
        if (keep && h === keep.handle) continue;
        await driver.switchTo().window(h);
        await driver.close();
      }
      opened.clear();
      if (keep) {
        opened.add(keep);
        await driver.switchTo().window(keep.handle);
        active = keep.handle;
      }
    },
    /** Runs the background's keyboard-shortcut handler through the background page (event page in Firefox). */
    async runCommand(name, tabId, extensionTab) {
      return extensionTab.eval(async (n, id) => {
        const bg = await browser.runtime.getBackgroundPage();
        return bg.siftHandleCommand(n, id === undefined ? undefined : { id });
      }, name, tabId);
    },
    /** Makes the background forget a tab's popup details, through the background page. */
    async forgetDetails(tabId, extensionTab) {
      return extensionTab.eval(async (id) => {
        const bg = await browser.runtime.getBackgroundPage();
        return bg.siftForgetTab(id);
      }, tabId);
    },
    async close() {
      await withTimeout(driver.quit(), STEP_TIMEOUT_MS, "quitting Firefox").catch(() => {});
    },
  };
}

export const BROWSERS = { chromium: launchChromium, firefox: launchFirefox };

/** The browsers to test: all, or those named in SIFT_BROWSERS (comma-separated). */
export function browserNames() {
  const only = process.env.SIFT_BROWSERS;
  return only ? only.split(",").map((s) => s.trim()).filter((s) => s in BROWSERS) : Object.keys(BROWSERS);
}

// --- suite lifecycle ------------------------------------------------------------------------------------

/**
 * Registers, in the current `describe`, the hooks every browser suite needs, and returns the object they
 * fill in. `before`: starts the fixture server, reads the seed's expected.json, launches browser `name`
 * with the built extension (`launch`: its options, e.g. `{ lang: "uk" }`) and opens the extension tab
 * (options.html, the page tests talk to content scripts from). `afterEach`: closes every other tab.
 * `after`: closes the browser and the server. With `skip`, nothing is started (for a suite whose tests are
 * all skipped). Hooks the suite registers after this call run after these.
 *
 * The object: `{ name, onRequest, server, origin, seedUrl, expected, browser, ext, openAnalysed(url) }`;
 * read its fields in hooks and tests (`before` sets them).
 */
export function useBrowser(name, { launch = {}, skip = false } = {}) {
  const ctx = {
    name,
    /** Set it (when registering tests) to see every request the fixture server receives. */
    onRequest: null,
    server: null,
    /** The fixture server's origin, e.g. http://127.0.0.1:PORT. */
    origin: null,
    /** The seed page on the fixture server. */
    seedUrl: null,
    /** tests/fixtures/seed/expected.json. */
    expected: null,
    browser: null,
    /** The extension tab (options.html). */
    ext: null,
    /** Opens `url` in a new tab and waits until it is analysed: `{ page, tabId, view }` (see tabState). */
    async openAnalysed(url) {
      const page = await ctx.browser.newTab(url);
      return { page, ...(await tabState(ctx.ext, url)) };
    },
  };
  before(async () => {
    if (skip) return;
    ctx.server = await startServer({ onRequest: (req) => ctx.onRequest?.(req) });
    ctx.origin = ctx.server.origin;
    ctx.seedUrl = `${ctx.origin}/seed/index.html`;
    ctx.expected = await readExpected();
    ctx.browser = await BROWSERS[name](launch);
    ctx.ext = await ctx.browser.newTab(`${ctx.browser.base}/options.html`);
  });
  afterEach(async () => {
    await ctx.browser?.closeTabsExcept(ctx.ext);
  });
  after(async () => {
    await ctx.browser?.close();
    await ctx.server?.close();
  });
  return ctx;
}

/**
 * One `describe` per selected browser, titled "`title` in <browser>", with useBrowser's lifecycle;
 * `body(ctx)` registers the suite's tests (and any hooks of its own). `options`: `timeout` for the suite,
 * the rest as for useBrowser.
 */
export function describeInBrowsers(title, { timeout, ...options }, body) {
  for (const name of browserNames()) {
    describe(`${title} in ${name}`, { timeout }, () => body(useBrowser(name, options)));
  }
}

// --- page-side helpers (serialised into the page; keep them self-contained) ----------------------------

/** In the page: whether the element for `selector` is rendered (has a box and is not visibility-hidden). */
export function pageRendered(selector) {
  const el = document.querySelector(selector);
  if (!el) return null;
  const visible = typeof el.checkVisibility === "function" ? el.checkVisibility({ visibilityProperty: true }) : true;
  const r = el.getBoundingClientRect();
  return visible && el.getClientRects().length > 0 && r.width > 0 && r.height > 0;
}

/** In the page: the sift state as the DOM shows it. */
export function pageMarks() {
  return [...document.querySelectorAll("[data-sift]")].map((e) => ({ tag: e.localName, cls: e.className, category: e.getAttribute("data-sift"), reason: e.getAttribute("data-sift-reason") }));
}

// --- extension-side helpers -------------------------------------------------------------------------------

/** Opens the popup as a page about the tab showing `targetUrl`, and waits until it has rendered. */
export async function openPopup(browser, targetUrl, { width = 380, height = 760 } = {}) {
  const tab = await browser.newTab(`${browser.base}/popup.html?target=${encodeURIComponent(targetUrl)}`, { width, height });
  await waitFor(() => tab.eval(() => {
    const app = document.getElementById("app");
    const msg = document.getElementById("message");
    return app && app.getAttribute("aria-busy") === "false" && !(msg && !msg.hidden && msg.dataset.loading === "true");
  }), "the popup to render");
  return tab;
}

/**
 * From an extension page: the view of the tab showing `url` (waits until analysed) as the popup sees it:
 * the content script's state with the background's details of that page merged in (`summary` as the
 * claims' texts, `attributions`, `facts`, `article`; `details` is null when the background has none).
 */
export async function tabState(extTab, url) {
  return waitFor(() => extTab.eval(async (u) => {
    const found = await globalThis.SiftCompat.sendMessage({ type: "sift:find-tab", url: u });
    if (!found || found.tabId === null || found.tabId === undefined) return null;
    const view = await globalThis.SiftCompat.sendToTab(found.tabId, { type: "sift:state" });
    if (!view || view.status === "loading") return null;
    const reply = await globalThis.SiftCompat.sendMessage({ type: "sift:details", tabId: found.tabId, pageId: view.pageId });
    const d = reply && reply.ok ? reply.details : null;
    const merged = {
      ...view,
      details: d,
      article: d ? d.article : null,
      summary: d ? d.summary.map((s) => s.text) : [],
      attributions: d ? d.attributions : [],
      facts: d ? d.facts : { numbers: [], dates: [] },
    };
    return { tabId: found.tabId, view: merged };
  }, url), `the content script's state for ${url}`);
}

/** From an extension page: sends `message` to the content script of the tab showing `url`. */
export async function tabSend(extTab, url, message) {
  return extTab.eval(async (u, m) => {
    const found = await globalThis.SiftCompat.sendMessage({ type: "sift:find-tab", url: u });
    return found && found.tabId !== null ? globalThis.SiftCompat.sendToTab(found.tabId, m) : null;
  }, url, message);
}

/** In the page: rendered state of many selectors, and whether each lies inside a Sift mark. */
export function pageReport(selectors) {
  const out = {};
  for (const selector of selectors) {
    const el = document.querySelector(selector);
    if (!el) {
      out[selector] = null;
      continue;
    }
    const visible = typeof el.checkVisibility === "function" ? el.checkVisibility({ visibilityProperty: true }) : true;
    const r = el.getBoundingClientRect();
    const mark = el.closest("[data-sift]");
    out[selector] = { rendered: visible && r.width > 0 && r.height > 0, mark: mark ? mark.getAttribute("data-sift") : null };
  }
  return out;
}

/** In the page: for each paragraph text, whether some <p> with exactly that text is rendered. */
export function pageParagraphs(texts) {
  const ps = [...document.querySelectorAll("p")];
  return texts.map((text) => {
    const p = ps.find((e) => e.textContent.replace(/\s+/g, " ").trim() === text.replace(/\s+/g, " ").trim());
    if (!p) return { text, found: false, rendered: false };
    const r = p.getBoundingClientRect();
    const visible = typeof p.checkVisibility === "function" ? p.checkVisibility({ visibilityProperty: true }) : true;
    return { text, found: true, rendered: visible && r.width > 0 && r.height > 0 };
  });
}

/** In the page: a CSS selector (nth-child chain) for the first element Sift marked with `category`. */
export function pageMarkedSelector(category) {
  const el = document.querySelector(`[data-sift="${category}"]`);
  if (!el) return null;
  const parts = [];
  for (let e = el; e && e !== document.documentElement; e = e.parentElement) {
    parts.unshift(`${e.localName}:nth-child(${[...e.parentElement.children].indexOf(e) + 1})`);
  }
  return "html > " + parts.join(" > ");
}

// --- checks -------------------------------------------------------------------------------------------------

/**
 * What is wrong with the seed page (or a page built on it) in `page`, against `expected` (expected.json):
 * an expected clutter element missing, still rendered or not tagged with its category; a `keep` element
 * or an article paragraph not rendered. Empty when all is as expected.
 */
export async function seedProblems(page, expected) {
  const report = await page.eval(pageReport, [...expected.clutter.map((c) => c.selector), ...expected.keep.map((k) => k.selector)]);
  const problems = [];
  for (const c of expected.clutter) {
    const r = report[c.selector];
    if (!r) problems.push(`${c.selector}: missing from the page`);
    else if (r.rendered) problems.push(`${c.category} ${c.selector} is still rendered (mark: ${r.mark})`);
    else if (r.mark !== c.category) problems.push(`${c.category} ${c.selector} not tagged by Sift as ${c.category} (mark: ${r.mark})`);
  }
  for (const k of expected.keep) {
    if (!report[k.selector]?.rendered) problems.push(`${k.selector} (not clutter) is not rendered`);
  }
  for (const p of await page.eval(pageParagraphs, expected.paragraphs)) {
    if (!p.rendered) problems.push(`article paragraph not visible: "${p.text.slice(0, 60)}…"`);
  }
  return problems;
}
