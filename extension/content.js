// Content script: sends the page to the background for analysis, marks the clutter it finds with data-sift
// attributes (sift.css hides them), answers the popup, highlights claims, and watches for late clutter.
// It never removes or rewrites page content, never throws into the page, and works in small time slices.
(function () {
  "use strict";
  if (globalThis.__siftContentLoaded) return;
  globalThis.__siftContentLoaded = true;

  const { api, sendMessage, onMessage } = globalThis.SiftCompat;
  const Settings = globalThis.SiftSettings;

  /** Longest main-thread slice (ms) before yielding to the page (a frame is 16 ms; leave the page room). */
  const SLICE_MS = 6;
  /**
   * An element with at most this many descendants (and no big script or style inside) is serialised
   * natively, one outerHTML, in one go, which cannot be split: measured in Chromium, 650 to 950 elements
   * (120 to 160 K chars) took 7 to 10 ms on an idle machine, too close to a frame once the page or the
   * machine is busy; 250 take 2 to 3 ms.
   */
  const NATIVE_MAX_ELEMENTS = 250;
  /**
   * An unsplittable step (a native outerHTML, sending a part) starts a fresh slice when the current one
   * has already run this long (ms), so a slice is at most about this plus one step.
   */
  const STEP_ROOM_MS = SLICE_MS / 2;
  /** A script or style with a body longer than this (chars) is never serialised natively (see above). */
  const BIG_BODY_CHARS = 16 * 1024;
  /**
   * The page goes to the background in messages of at most this many chars, sent while serialising, each
   * at the start of a slice of its own: a message is serialised synchronously on the page's thread, so
   * one message for a whole page blocked it.
   */
  const PART_CHARS = 64 * 1024;
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
  const ATTRS = ["data-sift", "data-sift-reason", "data-sift-reveal"];

  const state = {
    status: "loading", // loading | ready | error | disabled
    error: null,
    analysed: false, // the page's clutter tags have been applied (the popup's details are in the background)
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
  /** A fresh id (only this extension's scripts can message the background). */
  const freshId = () => `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
  /** This page's id: the background keeps the popup's details under it, the popup asks with it. */
  const pageId = freshId();

  // Timing for the benchmark (tests/bench): `performance.measure` entries named sift:* (visible to the
  // page's own timeline, no DOM change), and the longest synchronous stretch between yields.
  const timing = { runFrom: scriptStart, longest: 0, phase: "start", longestPhase: "start" };
  const pauseRun = () => {
    const ran = now() - timing.runFrom;
    if (ran > timing.longest) {
      timing.longest = ran;
      timing.longestPhase = timing.phase;
    }
  };
  const resumeRun = () => {
    timing.runFrom = now();
  };
  function measure(name, start, end, detail) {
    try {
      performance.measure(name, detail === undefined ? { start, end } : { start, end, detail });
    } catch (_e) {
      // no user timing here: the benchmark reads nothing, the page is unaffected
    }
  }

  /**
   * Lets the page run: `scheduler.yield()` where the browser has it (Chromium: input and rendering go
   * first, then this continues without the 4 ms clamp nested `setTimeout(0)` gets after five levels),
   * else a timer, queued fairly behind the page's own timers.
   */
  function pageTurn() {
    try {
      if (globalThis.scheduler && typeof globalThis.scheduler.yield === "function") {
        return globalThis.scheduler.yield().catch(() => undefined);
      }
    } catch (_e) {
      // fall through to a timer
    }
    return new Promise((resolve) => setTimeout(resolve, 0));
  }

  const yieldToPage = () => {
    pauseRun();
    return pageTurn().then(resumeRun);
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
  //
  // The page's HTML as outerHTML gives it, with one difference: the bodies of script, style, noscript and
  // template elements are left out (the elements stay, with their attributes, so every element keeps its
  // element-child path). The core never reads those bodies (it skips their subtrees), except JSON-LD
  // scripts, which the article metadata reads and which are kept whole. They are about half of what a
  // news page's HTML weighs, and everything serialised is copied four times on its way into the core.

  const HTML_NS = "http://www.w3.org/1999/xhtml";
  /** Elements whose content outerHTML writes as raw text: `<` in it starts no tag. */
  const RAW_TEXT = new Set(["script", "style", "xmp", "iframe", "noembed", "noframes", "plaintext", "noscript"]);
  /** Elements emitted with an empty body (the core skips their subtrees; JSON-LD scripts excepted). */
  const EMPTIED = new Set(["script", "style", "noscript", "template"]);
  const VOID = new Set(["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"]);
  /** Tags scanned between two looks at the clock while stripping a natively serialised subtree. */
  const SCAN_STEP = 256;
  const GT = 62, QUOTE = 34, SLASH = 47, BANG = 33, QUESTION = 63;

  const TEXT_SPECIAL = /[&<>\u00a0]/;
  const ATTR_SPECIAL = /[&"\u00a0]/;
  const escapeText = (s) => (TEXT_SPECIAL.test(s)
    ? s.replace(/&/g, "&amp;").replace(/\u00a0/g, "&nbsp;").replace(/</g, "&lt;").replace(/>/g, "&gt;")
    : s);
  const escapeAttr = (s) => (ATTR_SPECIAL.test(s)
    ? s.replace(/&/g, "&amp;").replace(/\u00a0/g, "&nbsp;").replace(/"/g, "&quot;")
    : s);

  function openTag(el) {
    let s = "<" + el.localName;
    for (const a of el.attributes) s += " " + a.name + '="' + escapeAttr(a.value) + '"';
    return s + ">";
  }

  /** Is a script's type (as the core reads it: trimmed, any case) JSON-LD? */
  const isJsonLdType = (type) => typeof type === "string" && type.trim().toLowerCase() === "application/ld+json";
  const JSON_LD_IN_TAG = / type="([^"]*)"/;
  /** The same question of a serialised start tag, `<script ...>`. */
  const isJsonLdTag = (tag) => {
    const m = JSON_LD_IN_TAG.exec(tag);
    return Boolean(m) && isJsonLdType(m[1]);
  };

  /** Start of a comment, the end of a template, or the start tag of a raw-text element or a template. */
  const TOKEN = /<!--|<\/template>|<(script|style|noscript|template|xmp|iframe|noembed|noframes|plaintext)(?=[\s>])/g;

  /**
   * Does this browser's outerHTML escape `<` and `>` in attribute values (Chromium 138+, Firefox 140+)?
   * Then every `<` in serialised HTML outside comments and raw text starts a tag, and the interesting
   * ones can be found by a native search instead of reading every tag.
   */
  const ATTRIBUTES_ESCAPED = (() => {
    try {
      const probe = document.createElement("i");
      probe.setAttribute("t", "<>");
      return probe.outerHTML.includes("&lt;&gt;");
    } catch (_e) {
      return false;
    }
  })();

  /**
   * Copies serialised HTML `s` (one element's outerHTML) to `out` without the bodies of EMPTIED elements,
   * yielding every SCAN_STEP tokens so the caller can look at the clock. outerHTML's output is canonical:
   * lower-case HTML tag names, attribute values double-quoted with `"` escaped, text escaped, and raw
   * text only inside comments and RAW_TEXT elements, which end at their own `</name`. Linear in `s`.
   */
  function* stripBodies(s, out) {
    if (!ATTRIBUTES_ESCAPED) {
      yield* stripBodiesTagByTag(s, out);
      return;
    }
    const n = s.length;
    const token = new RegExp(TOKEN);
    let from = 0; // start of what is not yet copied to `out`
    let inTemplate = 0; // nesting depth inside a template's content, which is left out
    let steps = 0;
    for (let m = token.exec(s); m; m = token.exec(s)) {
      if (++steps % SCAN_STEP === 0) yield;
      const at = m.index;
      if (m[0] === "<!--") {
        const end = s.indexOf("-->", at + 4);
        token.lastIndex = end < 0 ? n : end + 3;
        continue;
      }
      if (m[0] === "</template>") {
        if (inTemplate && --inTemplate === 0) from = at;
        continue;
      }
      const name = m[1];
      const tagEnd = s.indexOf(">", at) + 1 || n; // no `>` inside attribute values here
      if (name === "template") {
        if (inTemplate++ === 0) out.push(s.slice(from, tagEnd));
        token.lastIndex = tagEnd;
        continue;
      }
      const close = s.indexOf("</" + name, tagEnd);
      const end = close < 0 ? n : close;
      if (!inTemplate && EMPTIED.has(name) && !(name === "script" && isJsonLdTag(s.slice(at, tagEnd)))) {
        out.push(s.slice(from, tagEnd));
        from = end;
      }
      token.lastIndex = end;
    }
    if (inTemplate) out.push("</template>".repeat(inTemplate));
    else out.push(s.slice(from));
  }

  /** stripBodies for browsers that leave `<` and `>` raw in attribute values: reads every tag. */
  function* stripBodiesTagByTag(s, out) {
    const n = s.length;
    let i = 0; // where to look for the next `<`
    let from = 0;
    let inTemplate = 0;
    let steps = 0;
    while (i < n) {
      const lt = s.indexOf("<", i);
      if (lt < 0) break;
      if (++steps % SCAN_STEP === 0) yield;
      const c = s.charCodeAt(lt + 1);
      if (c === BANG) {
        // a comment: raw up to `-->`
        const end = s.indexOf("-->", lt + 4);
        i = end < 0 ? n : end + 3;
        continue;
      }
      if (c === SLASH) {
        if (inTemplate && s.startsWith("template>", lt + 2) && --inTemplate === 0) from = lt;
        i = lt + 2;
        continue;
      }
      if (c === QUESTION) {
        i = lt + 2;
        continue;
      }
      // A start tag: the name, then the `>` that ends it outside quoted attribute values.
      let j = lt + 1;
      for (; j < n; j++) {
        const d = s.charCodeAt(j);
        if (d === 32 || d === GT || d === SLASH || (d >= 9 && d <= 13)) break;
      }
      const name = s.slice(lt + 1, j);
      let k = j;
      let quoted = false;
      while (k < n) {
        const d = s.charCodeAt(k++);
        if (d === QUOTE) quoted = !quoted;
        else if (d === GT && !quoted) break;
      }
      if (name === "template") {
        if (inTemplate++ === 0) out.push(s.slice(from, k));
        i = k;
        continue;
      }
      if (RAW_TEXT.has(name)) {
        const close = s.indexOf("</" + name, k);
        const end = close < 0 ? n : close;
        if (!inTemplate && EMPTIED.has(name) && !(name === "script" && isJsonLdTag(s.slice(lt, k)))) {
          out.push(s.slice(from, k));
          from = end;
        }
        i = end;
        continue;
      }
      i = k;
    }
    if (inTemplate) out.push("</template>".repeat(inTemplate));
    else out.push(s.slice(from));
  }

  /** Collects serialised pieces into parts of at most PART_CHARS, queued in `ready` for sending. */
  class PartSink {
    constructor() {
      this.pieces = [];
      this.chars = 0;
      this.ready = [];
    }

    push(piece) {
      this.pieces.push(piece);
      this.chars += piece.length;
    }

    /** Queues what is collected when it is a part's worth (or anything, when `all`), cut to PART_CHARS. */
    flush(all) {
      if (this.chars >= PART_CHARS || (all && this.pieces.length)) {
        const text = this.pieces.join("");
        this.pieces = [];
        this.chars = 0;
        // A part ends anywhere, even inside a surrogate pair: the background joins the parts first.
        for (let at = 0; at < text.length; at += PART_CHARS) this.ready.push(text.slice(at, at + PART_CHARS));
      }
    }
  }

  /** Elements to open rather than serialise natively: ancestors of scripts and styles with big bodies. */
  function bigBodyAncestors(root) {
    const open = new Set();
    for (const el of root.querySelectorAll("script, style")) {
      if (el.textContent.length <= BIG_BODY_CHARS) continue;
      for (let p = el.parentElement; p && !open.has(p); p = p.parentElement) open.add(p);
    }
    return open;
  }

  /**
   * Serialises the element `root` and its subtree (see above; the document when `root` is its
   * element) in slices of at most about SLICE_MS, handing the HTML to `emit` in parts as it goes, each
   * at the start of a slice: an element with at most NATIVE_MAX_ELEMENTS descendants and no big script
   * or style is serialised natively and stripped; a bigger one is opened and its children queued.
   * Elements are counted only where the walk goes, never per element of the page. Parts are held while
   * `canSend()` is false; at the end the walk waits for `allowed` (a promise of whether to send at all)
   * and returns it: nothing of the page is sent unless it resolves true.
   */
  async function serializeTree(root, emit, canSend, allowed) {
    const out = new PartSink();
    if (root === document.documentElement) out.push("<!DOCTYPE html>");
    let sliceStart = now();
    const mustOpen = bigBodyAncestors(root);
    const stack = [root];
    const due = () => now() - sliceStart > SLICE_MS;
    /** Yields first when the slice has no room left for one more unsplittable step. */
    const makeRoom = async () => {
      if (now() - sliceStart > STEP_ROOM_MS) {
        await yieldToPage();
        sliceStart = now();
      }
    };
    /** Sends the parts that are ready, one per slice. */
    const sendReady = async () => {
      while (out.ready.length && canSend()) {
        await makeRoom();
        emit(out.ready.shift());
      }
    };
    while (stack.length) {
      const node = stack.pop();
      if (typeof node === "string") {
        out.push(node);
      } else if (node.nodeType === Node.ELEMENT_NODE) {
        const name = node.localName;
        const html = node.namespaceURI === HTML_NS;
        if (html && EMPTIED.has(name) && !(name === "script" && isJsonLdType(node.getAttribute("type")))) {
          out.push(openTag(node) + "</" + name + ">");
        } else if (!html || RAW_TEXT.has(name) ||
            (!mustOpen.has(node) && node.getElementsByTagName("*").length <= NATIVE_MAX_ELEMENTS)) {
          await makeRoom();
          for (const _ of stripBodies(node.outerHTML, out)) {
            if (due()) {
              out.flush(false);
              await yieldToPage();
              sliceStart = now();
              await sendReady();
            }
          }
        } else {
          out.push(openTag(node));
          if (!VOID.has(name)) {
            stack.push("</" + name + ">");
            for (let c = node.lastChild; c; c = c.previousSibling) stack.push(c);
          }
        }
      } else if (node.nodeType === Node.TEXT_NODE) {
        out.push(escapeText(node.data));
      } else if (node.nodeType === Node.COMMENT_NODE) {
        out.push("<!--" + node.data + "-->");
      }
      out.flush(false);
      await sendReady();
      if (due()) {
        await yieldToPage();
        sliceStart = now();
      }
    }
    out.flush(true);
    pauseRun();
    const send = await allowed;
    resumeRun();
    sliceStart = now();
    if (!send) return false;
    // Every part, the last too, one per slice: the request that follows is small (see analyzePage).
    await sendReady();
    await makeRoom();
    return true;
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

  /** Scrolls to and highlights the claim `text`, in the element at `path` or else at `articlePath`. */
  function focusClaim(text, path, articlePath) {
    if (typeof text !== "string" || !text) return { ok: false };
    const el = resolvePath(document.documentElement, path) || resolvePath(document.documentElement, articlePath);
    if (!el) return { ok: false };
    clearFocus();
    const range = findSentence(el, text);
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

  /**
   * The popup's view of the clutter and the controls; the popup gets the article's details from the
   * background (under `pageId`).
   */
  function view() {
    const found = { donation: 0, newsletter: 0, audio: 0 };
    const hidden = { donation: 0, newsletter: 0, audio: 0 };
    for (const m of state.marks) {
      if (m.category in found) found[m.category]++;
      if (isActive(m) && m.category in hidden) hidden[m.category]++;
    }
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
      pageId,
    };
  }

  // --- analysis -------------------------------------------------------------------------------------

  /**
   * The port page parts go through (one message channel for all of them, read by the background only;
   * a runtime message would reach every open extension page), or null where it cannot be opened.
   */
  let partsPort = null;
  function openPartsPort() {
    if (partsPort) return partsPort;
    try {
      const port = api.runtime.connect({ name: "sift:parts" });
      port.onDisconnect.addListener(() => {
        if (partsPort === port) partsPort = null;
      });
      partsPort = port;
    } catch (_e) {
      partsPort = null;
    }
    return partsPort;
  }
  function closePartsPort() {
    const port = partsPort;
    partsPort = null;
    try {
      if (port) port.disconnect();
    } catch (_e) {
      // already gone
    }
  }
  /** Sends one part: through the port, else (no port, or it closed) as a runtime message. */
  function sendPart(message) {
    const port = openPartsPort();
    if (port) {
      try {
        port.postMessage(message);
        return;
      } catch (_e) {
        partsPort = null;
      }
    }
    sendMessage(message);
  }

  /**
   * Analyses the page and applies the clutter tags. `enabled`, when given, is a promise of whether Sift
   * runs on this site (the settings, read while serialising): the page is serialised meanwhile, but no
   * part of it is sent before it resolves, and none at all when it resolves false.
   */
  async function analyzePage(enabled) {
    state.status = "loading";
    const t0 = now();
    timing.phase = "serialise";
    // Parts go out while serialising, the request (with no HTML of its own) after the last one.
    const id = freshId();
    let parts = 0;
    let sentChars = 0;
    let sendSync = 0;
    const emit = (text) => {
      const t = now();
      sendPart({ type: "sift:page-part", id, index: parts++, text });
      sendSync = Math.max(sendSync, now() - t);
      sentChars += text.length;
    };
    let known = !enabled;
    let send = !enabled;
    const allowed = enabled ? enabled.then((ok) => {
      known = true;
      send = ok;
      return ok;
    }) : Promise.resolve(true);
    if (!(await serializeTree(document.documentElement, emit, () => known && send, allowed))) {
      state.status = "disabled";
      return;
    }
    const t1 = now();
    pauseRun();
    resumeRun();
    timing.phase = "send";
    const pending = sendMessage({ type: "sift:analyze", id, parts, html: "", url: location.href, pageId, title: document.title });
    sendSync = Math.max(sendSync, now() - t1);
    pauseRun();
    timing.phase = "apply";
    const reply = await pending;
    resumeRun();
    const t2 = now();
    closePartsPort();
    if (!reply || !reply.ok) {
      state.status = "error";
      state.error = (reply && reply.error) || "no reply from the background";
      return;
    }
    if (!Array.isArray(reply.clutter)) {
      state.status = "error";
      state.error = "unreadable analysis from the background";
      return;
    }
    state.analysed = true;
    state.version = reply.version;
    await addMarks(document.documentElement, reply.clutter);
    state.hiding = state.settings.mode === "auto";
    state.status = "ready";
    await render();
    const t3 = now();
    pauseRun();
    const bg = reply.timing;
    const wasmMs = (bg && Number(bg.wasm)) || 0;
    measure("sift:serialize", t0, t1, { chars: sentChars });
    measure("sift:message", t1, t2);
    measure("sift:wasm", t1, t1 + wasmMs);
    // The round trip's parts, from the background's clock (same time origin after conversion).
    if (bg && Number.isFinite(bg.received) && Number.isFinite(bg.sent)) {
      const received = bg.received - performance.timeOrigin;
      const sent = bg.sent - performance.timeOrigin;
      measure("sift:to-background", t1, Math.max(t1, received));
      measure("sift:background", received, Math.max(received, sent));
      measure("sift:core-call", received, received + (Number(bg.call) || 0));
      measure("sift:from-background", sent, Math.max(sent, t2));
    }
    measure("sift:apply", t2, t3);
    measure("sift:send-sync", t1, t1 + sendSync, { parts: parts + 1 }); // the parts and the request
    measure("sift:longest-block", t3 - timing.longest, t3, { phase: timing.longestPhase });
    measure("sift:total", scriptStart, t3);
    watchLateClutter();
  }

  async function setHiding(on) {
    if (state.status === "disabled") return view();
    if (!state.analysed) await analyzePage();
    if (on) {
      state.hiding = true;
      await render();
    } else {
      await restorePage();
    }
    return view();
  }

  /** Hiding off: the page exactly as it was, with no reveal outlines and no claim highlight either. */
  async function restorePage() {
    state.hiding = false;
    state.reveal = false;
    clearFocus();
    await render();
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

  /** The site was just switched off: the page exactly as it was, and nothing more sent from it. */
  async function disableSite() {
    if (observer) observer.disconnect();
    observer = null;
    clearTimeout(timer);
    pending = new Set();
    await restorePage();
    state.status = "disabled";
  }

  async function processLate() {
    timing.phase = "late";
    resumeRun();
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
      // In slices, without script and style bodies, as the page is: a late subtree may be thousands
      // of elements, and one outerHTML of it would hold the page's thread that long.
      const pieces = [];
      await serializeTree(root, (text) => pieces.push(text), () => true, Promise.resolve(true));
      if (!root.isConnected) continue;
      pauseRun();
      const reply = await sendMessage({ type: "sift:fragment", html: pieces.join(""), url: location.href });
      resumeRun();
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
    pauseRun();
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
        return Promise.resolve(focusClaim(message.text, message.path, message.articlePath));
      case "sift:reanalyze":
        // The background lost this page's details (e.g. it kept only the newest page of the tab, and
        // this one came back from the back-forward cache): analyse again, once at a time.
        if (state.status === "ready" || state.status === "error") {
          return analyzePage().then(view);
        }
        return Promise.resolve(view());
      case "sift:disable-site":
        return disableSite().then(view);
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
    // The first calls into the extension APIs set them up, on the page's thread: one per slice, none
    // in the slice that evaluated this script.
    await yieldToPage();
    // The settings come with the background's answer (its copy, kept current), else from storage; they
    // arrive while the page is serialised, and nothing is sent before they say the site is on.
    const helloSent = now();
    const enabled = sendMessage({ type: "sift:hello" })
      .then((reply) => {
        // The round trip of a small message (the background answers from memory): the messaging floor.
        measure("sift:hello", helloSent, now());
        return reply && reply.ok && reply.settings ? Settings.sanitize(reply.settings) : Settings.load();
      })
      .then((settings) => {
        state.settings = settings;
        return !Settings.isSiteDisabled(settings, location.hostname);
      });
    await yieldToPage();
    await analyzePage(enabled);
  }

  start().catch((e) => {
    state.status = "error";
    state.error = String(e && e.message ? e.message : e);
  });
})();
