// Content script: sends the page to the background for analysis, marks the clutter it finds with data-sift
// attributes (sift.css hides them), answers the popup, highlights claims, and watches for late clutter.
// It never removes or rewrites page content, never throws into the page, and works in small time slices.
(function () {
  "use strict";
  if (globalThis.__siftContentLoaded) return;
  globalThis.__siftContentLoaded = true;

  const { api, sendMessage, onMessage } = globalThis.SiftCompat;
  const Settings = globalThis.SiftSettings;

  /** Longest main-thread slice (ms) before yielding to the page. */
  const SLICE_MS = 8;
  /** An element with fewer descendants than this is serialised natively in one go. */
  const SERIALIZE_NATIVE_BELOW = 1500;
  /** Quiet time (ms) after the last DOM change before late clutter is analysed. */
  const LATE_DEBOUNCE_MS = 400;
  /** Most late-clutter batches per page, and fragments per batch. */
  const LATE_MAX_BATCHES = 40;
  const LATE_MAX_FRAGMENTS = 20;
  /** Fragments with less text than this are too small to be a widget. */
  const LATE_MIN_TEXT = 20;
  /** Most added nodes looked at per batch, and the largest subtree (elements) sent as one fragment. */
  const LATE_MAX_PENDING = 500;
  const LATE_MAX_FRAGMENT_ELEMENTS = 5000;
  /** Reading speed for the popup's reading time. */
  const WORDS_PER_MINUTE = 230;
  const ATTRS = ["data-sift", "data-sift-reason", "data-sift-reveal"];

  const state = {
    status: "loading", // loading | ready | error | disabled
    error: null,
    analysis: null,
    settings: Settings.defaults(),
    marks: [], // {el, category, reason}
    skipped: 0, // paths that did not resolve to an element of the expected tag
    hiding: false,
    reveal: false,
    focused: null,
    lateBatches: 0,
    version: null,
  };

  const now = () => performance.now();
  const scriptStart = now();

  // Timing for the benchmark (tests/bench): `performance.measure` entries named sift:* (visible to the
  // page's own timeline, no DOM change), and the longest synchronous stretch between yields.
  const timing = { runFrom: scriptStart, longest: 0 };
  const pauseRun = () => {
    timing.longest = Math.max(timing.longest, now() - timing.runFrom);
  };
  const resumeRun = () => {
    timing.runFrom = now();
  };
  function measure(name, start, end) {
    try {
      performance.measure(name, { start, end });
    } catch (_e) {
      // no user timing here: the benchmark reads nothing, the page is unaffected
    }
  }

  const yieldToPage = () => {
    pauseRun();
    return new Promise((resolve) => setTimeout(resolve, 0)).then(resumeRun);
  };

  function safe(fn) {
    return (...args) => {
      try {
        const r = fn(...args);
        if (r && typeof r.catch === "function") r.catch(() => {});
        return r;
      } catch (_e) {
        return undefined;
      }
    };
  }

  // --- serialising the page in slices ---------------------------------------------------------------

  const RAW_TEXT = new Set(["script", "style", "xmp", "iframe", "noembed", "noframes", "plaintext", "noscript"]);
  const VOID = new Set(["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"]);

  const escapeText = (s) => s.replace(/&/g, "&amp;").replace(/\u00a0/g, "&nbsp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  const escapeAttr = (s) => s.replace(/&/g, "&amp;").replace(/\u00a0/g, "&nbsp;").replace(/"/g, "&quot;");

  function openTag(el) {
    let s = "<" + el.localName;
    for (const a of el.attributes) s += " " + a.name + '="' + escapeAttr(a.value) + '"';
    return s + ">";
  }

  /**
   * The document's HTML, as outerHTML would give it, built in slices of at most SLICE_MS: small subtrees
   * are serialised natively, big ones are opened and their children queued.
   */
  async function serializeDocument() {
    const parts = ["<!DOCTYPE html>"];
    const stack = [document.documentElement];
    let sliceStart = now();
    while (stack.length) {
      const node = stack.pop();
      if (typeof node === "string") {
        parts.push(node);
      } else if (node.nodeType === Node.ELEMENT_NODE) {
        const name = node.localName;
        if (node.namespaceURI !== "http://www.w3.org/1999/xhtml" || RAW_TEXT.has(name) || name === "template" ||
            node.getElementsByTagName("*").length < SERIALIZE_NATIVE_BELOW) {
          parts.push(node.outerHTML);
        } else {
          parts.push(openTag(node));
          if (!VOID.has(name)) {
            stack.push("</" + name + ">");
            for (let i = node.childNodes.length - 1; i >= 0; i--) stack.push(node.childNodes[i]);
          }
        }
      } else if (node.nodeType === Node.TEXT_NODE) {
        parts.push(escapeText(node.data));
      } else if (node.nodeType === Node.COMMENT_NODE) {
        parts.push("<!--" + node.data + "-->");
      }
      if (now() - sliceStart > SLICE_MS) {
        await yieldToPage();
        sliceStart = now();
      }
    }
    return parts.join("");
  }

  // --- paths and marks --------------------------------------------------------------------------------

  /** The element at `path` (element-child indices) below `root`, or null. */
  function resolvePath(root, path) {
    let el = root;
    if (!Array.isArray(path)) return null;
    for (const i of path) {
      if (!el || !Number.isInteger(i) || i < 0) return null;
      el = el.children[i] || null;
    }
    return el;
  }

  /** Records tags below `root` as marks, checking each path's element has the expected tag. */
  async function addMarks(root, tags) {
    let sliceStart = now();
    const known = new Set(state.marks.map((m) => m.el));
    for (const tag of tags) {
      const el = resolvePath(root, tag && tag.path);
      if (!el || typeof tag.tag !== "string" || el.localName !== tag.tag.toLowerCase() ||
          el === document.documentElement || el === document.body) {
        state.skipped++;
        continue;
      }
      if (known.has(el)) continue;
      known.add(el);
      state.marks.push({ el, category: String(tag.category), reason: String(tag.reason || "") });
      if (now() - sliceStart > SLICE_MS) {
        await yieldToPage();
        sliceStart = now();
      }
    }
  }

  function isActive(mark) {
    return state.hiding && state.settings.categories[mark.category] === true && mark.el.isConnected;
  }

  /** Brings every mark's attributes in line with the state, in slices. */
  async function render() {
    let sliceStart = now();
    for (const mark of state.marks.slice()) {
      const el = mark.el;
      if (isActive(mark)) {
        if (el.getAttribute("data-sift") !== mark.category) el.setAttribute("data-sift", mark.category);
        if (el.getAttribute("data-sift-reason") !== mark.reason) el.setAttribute("data-sift-reason", mark.reason);
        if (state.reveal) {
          if (!el.hasAttribute("data-sift-reveal")) el.setAttribute("data-sift-reveal", "");
        } else if (el.hasAttribute("data-sift-reveal")) {
          el.removeAttribute("data-sift-reveal");
        }
      } else {
        for (const a of ATTRS) if (el.hasAttribute(a)) el.removeAttribute(a);
      }
      if (now() - sliceStart > SLICE_MS) {
        await yieldToPage();
        sliceStart = now();
      }
    }
    reportBadge();
  }

  function hiddenCount() {
    return state.marks.filter(isActive).length;
  }

  function reportBadge() {
    sendMessage({ type: "sift:badge", count: hiddenCount() });
  }

  // --- claims: scroll to and highlight a sentence -------------------------------------------------------

  /** A Range over the first occurrence of `sentence` in `el`'s text, comparing with collapsed whitespace. */
  function findSentence(el, sentence) {
    const want = String(sentence).replace(/\s+/g, " ").trim();
    if (!want) return null;
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    let text = "";
    const map = []; // for each char of `text`: [node, offset]
    let lastSpace = true;
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const data = node.data;
      for (let i = 0; i < data.length; i++) {
        const isSpace = /\s/.test(data[i]);
        if (isSpace && lastSpace) continue;
        text += isSpace ? " " : data[i];
        map.push([node, i]);
        lastSpace = isSpace;
      }
    }
    const at = text.indexOf(want);
    if (at < 0) return null;
    const range = document.createRange();
    const [startNode, startOffset] = map[at];
    const [endNode, endOffset] = map[at + want.length - 1];
    range.setStart(startNode, startOffset);
    range.setEnd(endNode, endOffset + 1);
    return range;
  }

  function clearFocus() {
    if (state.focused && state.focused.isConnected) state.focused.removeAttribute("data-sift-focus");
    state.focused = null;
    try {
      if (globalThis.CSS && CSS.highlights) CSS.highlights.delete("sift-claim");
    } catch (_e) {
      // no highlight API: the outline alone marks the claim
    }
  }

  function focusClaim(index) {
    const item = state.analysis && state.analysis.summary && state.analysis.summary[index];
    if (!item) return { ok: false };
    const el = resolvePath(document.documentElement, item.path) ||
      (state.analysis.article && resolvePath(document.documentElement, state.analysis.article.path));
    if (!el) return { ok: false };
    clearFocus();
    const range = findSentence(el, item.text);
    el.setAttribute("data-sift-focus", "");
    state.focused = el;
    let highlighted = false;
    try {
      if (range && globalThis.CSS && CSS.highlights && typeof Highlight === "function") {
        CSS.highlights.set("sift-claim", new Highlight(range));
        highlighted = true;
      }
    } catch (_e) {
      highlighted = false;
    }
    el.scrollIntoView({ block: "center", behavior: "instant" });
    return { ok: true, highlighted, found: Boolean(range) };
  }

  // --- the popup's view -----------------------------------------------------------------------------

  function view() {
    const a = state.analysis;
    const found = { donation: 0, newsletter: 0, audio: 0 };
    const hidden = { donation: 0, newsletter: 0, audio: 0 };
    for (const m of state.marks) {
      if (m.category in found) found[m.category]++;
      if (isActive(m) && m.category in hidden) hidden[m.category]++;
    }
    const article = a && a.article;
    const words = article ? (article.text.match(/\S+/g) || []).length : 0;
    return {
      status: state.status,
      error: state.error,
      url: location.href,
      host: location.hostname,
      settings: state.settings,
      hiding: state.hiding,
      reveal: state.reveal,
      found,
      hidden,
      hiddenTotal: hiddenCount(),
      skipped: state.skipped,
      version: state.version,
      lang: a ? a.lang : null,
      notArticleReason: a ? a.not_article_reason : null,
      article: article ? {
        title: article.title || document.title,
        byline: article.byline,
        published: article.published,
        siteName: article.site_name || location.hostname,
        minutes: Math.max(1, Math.round(words / WORDS_PER_MINUTE)),
        words,
      } : null,
      summary: a ? a.summary.map((s) => s.text) : [],
      attributions: a ? a.attributions.map((x) => ({ source: x.source, cue: x.cue, content: x.content, date: x.date })) : [],
      facts: a ? { numbers: a.facts.numbers.map((f) => f.text), dates: a.facts.dates.map((f) => ({ text: f.text, kind: f.kind })) } : { numbers: [], dates: [] },
    };
  }

  // --- analysis -------------------------------------------------------------------------------------

  async function analyzePage() {
    state.status = "loading";
    const t0 = now();
    const html = await serializeDocument();
    const t1 = now();
    pauseRun();
    const reply = await sendMessage({ type: "sift:analyze", html, url: location.href });
    resumeRun();
    const t2 = now();
    if (!reply || !reply.ok) {
      state.status = "error";
      state.error = (reply && reply.error) || "no reply from the background";
      return;
    }
    state.analysis = reply.analysis;
    state.version = reply.version;
    await addMarks(document.documentElement, reply.analysis.clutter || []);
    state.hiding = state.settings.mode === "auto";
    state.status = "ready";
    await render();
    const t3 = now();
    pauseRun();
    const wasmMs = Number(reply.analysis.timings_ms && reply.analysis.timings_ms.total) || 0;
    measure("sift:serialize", t0, t1);
    measure("sift:message", t1, t2);
    measure("sift:wasm", t1, t1 + wasmMs);
    measure("sift:apply", t2, t3);
    measure("sift:longest-block", t3 - timing.longest, t3);
    measure("sift:total", scriptStart, t3);
    watchLateClutter();
  }

  async function setHiding(on) {
    if (state.status === "disabled") return view();
    if (!state.analysis) await analyzePage();
    state.hiding = Boolean(on);
    if (!state.hiding) {
      // Off means the page exactly as it was: no reveal outlines, no claim highlight either.
      state.reveal = false;
      clearFocus();
    }
    await render();
    return view();
  }

  // --- late clutter ----------------------------------------------------------------------------------

  let observer = null;
  let pending = new Set();
  let timer = 0;

  function watchLateClutter() {
    if (observer || !document.body) return;
    observer = new MutationObserver(safe((records) => {
      // A page that never stops changing never lets the debounce fire: keep at most LATE_MAX_PENDING
      // nodes, dropping those already removed again, so removed nodes are not held for ever.
      if (pending.size >= LATE_MAX_PENDING) for (const n of pending) if (!n.isConnected) pending.delete(n);
      for (const r of records) {
        for (const n of r.addedNodes) {
          if (n.nodeType === Node.ELEMENT_NODE && pending.size < LATE_MAX_PENDING) pending.add(n);
        }
      }
      if (pending.size) {
        clearTimeout(timer);
        timer = setTimeout(safe(processLate), LATE_DEBOUNCE_MS);
      }
    }));
    observer.observe(document.body, { childList: true, subtree: true });
  }

  async function processLate() {
    const nodes = [...pending].filter((n) => n.isConnected);
    pending = new Set();
    if (!nodes.length) return;
    if (++state.lateBatches > LATE_MAX_BATCHES) {
      if (observer) observer.disconnect();
      return;
    }
    // Keep only outermost added nodes that are not inside something already marked: one walk up
    // from each node (linear in nodes x depth, never pairwise).
    const added = new Set(nodes.slice(0, LATE_MAX_PENDING));
    const marked = new Set(state.marks.map((m) => m.el));
    const outermost = (n) => {
      for (let p = n.parentElement; p; p = p.parentElement) if (added.has(p) || marked.has(p)) return false;
      return !marked.has(n);
    };
    const roots = [...added].filter(outermost)
      .filter((n) => n.getElementsByTagName("*").length < LATE_MAX_FRAGMENT_ELEMENTS)
      .filter((n) => (n.textContent || "").trim().length >= LATE_MIN_TEXT || n.querySelector("audio, input[type=email]"))
      .slice(0, LATE_MAX_FRAGMENTS);
    let found = false;
    for (const root of roots) {
      const reply = await sendMessage({ type: "sift:fragment", html: root.outerHTML, url: location.href });
      if (!reply || !reply.ok || reply.unsupported) {
        if (reply && reply.unsupported && observer) observer.disconnect();
        if (reply && reply.unsupported) return;
        continue;
      }
      if (reply.clutter.length) {
        // Fragment paths are relative to the fragment's root element: resolve from a virtual parent.
        await addMarks({ children: [root] }, reply.clutter.map((t) => ({ ...t, path: [0, ...(t.path || [])] })));
        found = true;
      }
    }
    if (found) await render();
  }

  // --- messages from the popup and the background ------------------------------------------------------

  onMessage((message) => {
    if (!message || typeof message.type !== "string") return undefined;
    switch (message.type) {
      case "sift:state":
        return Promise.resolve(view());
      case "sift:toggle":
        return setHiding(!state.hiding);
      case "sift:set-hiding":
        return setHiding(message.on);
      case "sift:set-category":
        if (Settings.CATEGORIES.includes(message.category)) {
          state.settings = { ...state.settings, categories: { ...state.settings.categories, [message.category]: Boolean(message.on) } };
        }
        return render().then(view);
      case "sift:set-reveal":
        state.reveal = Boolean(message.on) && state.hiding;
        return render().then(view);
      case "sift:focus-claim":
        return Promise.resolve(focusClaim(Number(message.index)));
      case "sift:enable-site":
        if (state.status === "disabled") {
          return analyzePage().then(view);
        }
        return Promise.resolve(view());
      default:
        return undefined;
    }
  });

  api.storage.onChanged.addListener(safe((changes, area) => {
    if (area !== "sync" || !changes[Settings.STORAGE_KEY]) return;
    state.settings = Settings.sanitize(changes[Settings.STORAGE_KEY].newValue);
    render();
  }));

  async function start() {
    sendMessage({ type: "sift:hello" });
    pauseRun();
    state.settings = await Settings.load();
    resumeRun();
    if (Settings.isSiteDisabled(state.settings, location.hostname)) {
      state.status = "disabled";
      return;
    }
    await analyzePage();
  }

  start().catch((e) => {
    state.status = "error";
    state.error = String(e && e.message ? e.message : e);
  });
})();
