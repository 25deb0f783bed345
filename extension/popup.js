// Popup: shows what Sift found on the tab and controls it. The clutter and the controls' state come
// from the tab's content script; the article's details (head, claims, quotes, facts) from the background,
// which keeps them per tab. Page-derived strings are inserted with textContent only, never as HTML.
const { api, sendMessage, sendToTab, t } = globalThis.SiftCompat;

const $ = (id) => document.getElementById(id);
/** How long (ms) to wait for a page still being analysed. */
const LOADING_WAIT_MS = 20000;
const POLL_MS = 250;
/** Longest speaker shown whole in "who said what" (longer ones are shortened; see shortSource). */
const MAX_SOURCE_CHARS = 60;
/** Reading speed for the reading time. */
const WORDS_PER_MINUTE = 230;

let tabId = null;
/** The page's details from the background (see popupDetails), or null. */
let details = null;
/** What is shown: the content script's view with the details merged in. */
let current = null;

function localize() {
  for (const el of document.querySelectorAll("[data-i18n]")) {
    const text = t(el.dataset.i18n);
    if (text && text !== el.dataset.i18n) el.textContent = text;
  }
  document.documentElement.lang = globalThis.SiftCompat.uiLanguage().split("-")[0] || "en";
}

/**
 * The tab the popup is about: the active tab, or ?target=URL when the popup is opened as a page (tests);
 * the background knows which tab each analysed URL is in, so no "tabs" permission is needed.
 */
async function findTab() {
  const target = new URLSearchParams(location.search).get("target");
  if (target) {
    const reply = await sendMessage({ type: "sift:find-tab", url: target });
    return reply && reply.tabId !== undefined ? reply.tabId : null;
  }
  const [tab] = await api.tabs.query({ active: true, currentWindow: true });
  return tab ? tab.id : null;
}

function showMessage(key, extra) {
  const el = $("message");
  el.hidden = false;
  delete el.dataset.loading;
  el.textContent = t(key) + (extra ? " " + extra : "");
}

function el(tag, className, text) {
  const e = document.createElement(tag);
  if (className) e.className = className;
  if (text !== undefined && text !== null) e.textContent = String(text);
  return e;
}

function fill(list, items, make) {
  list.replaceChildren(...items.map(make));
  list.closest(".card").hidden = items.length === 0;
}

/**
 * The background's details of the page the content script's `view` is about, in the popup's terms;
 * null when the background has none for that page.
 */
function popupDetails(d, view) {
  if (!d) return null;
  const a = d.article;
  return {
    lang: d.lang,
    notArticleReason: d.not_article_reason,
    article: a ? {
      title: a.title || d.title,
      byline: a.byline,
      published: a.published,
      siteName: a.site_name || view.host,
      minutes: Math.max(1, Math.round(a.words / WORDS_PER_MINUTE)),
      words: a.words,
      path: a.path,
    } : null,
    claims: d.summary.map((s) => ({ text: s.text, path: s.path })),
    summary: d.summary.map((s) => s.text),
    attributions: d.attributions,
    facts: d.facts,
  };
}

/** What the popup shows before (or without) the details: no article, nothing listed. */
const NO_DETAILS = { lang: null, notArticleReason: null, article: null, claims: [], summary: [], attributions: [], facts: { numbers: [], dates: [] } };

function render(contentView) {
  const view = { ...contentView, ...(details || NO_DETAILS) };
  current = view;
  const app = $("app");
  app.setAttribute("aria-busy", "false");
  $("message").hidden = true;
  const hiding = $("hiding");
  hiding.checked = view.hiding;
  hiding.disabled = view.status !== "ready";
  const siteSwitch = $("site-switch");
  siteSwitch.hidden = !view.host || view.status === "loading";
  siteSwitch.textContent = t(view.status === "disabled" ? "siteTurnOn" : "siteTurnOff");

  if (view.status === "disabled" || view.status === "error") {
    // Nothing of an earlier render stays (the site may have just been switched off).
    for (const card of document.querySelectorAll(".card")) card.hidden = true;
    if (view.status === "disabled") showMessage("siteDisabled");
    else showMessage("analysisFailed", view.error || "");
    return;
  }

  // Article header or the not-an-article state.
  if (view.article) {
    $("article").hidden = false;
    $("title").textContent = view.article.title || "";
    $("site").textContent = view.article.siteName || view.host;
    $("byline").textContent = view.article.byline || "";
    $("reading").textContent = t("readingTime", [String(view.article.minutes)]);
  } else {
    $("article").hidden = true;
    showMessage("notArticle");
  }

  // Clutter counts and toggles.
  const total = view.found.donation + view.found.newsletter + view.found.audio;
  $("clutter").hidden = false;
  for (const input of document.querySelectorAll("[data-category]")) {
    const c = input.dataset.category;
    input.checked = view.settings.categories[c] === true;
    input.disabled = !view.hiding;
    document.querySelector(`[data-count="${c}"]`).textContent = String(view.found[c]);
  }
  const reveal = $("reveal");
  reveal.checked = view.reveal;
  reveal.disabled = !view.hiding || total === 0;
  $("clutter-h").textContent = total === 0 ? t("nothingFound") : t("clutterHeading");
  const skipped = $("skipped");
  skipped.hidden = view.skipped === 0;
  skipped.textContent = t("skippedNote", [String(view.skipped)]);

  // Claims, quotes, facts.
  fill($("claims"), view.claims, (claim) => findButton(claim, claim.text));
  fill($("quotes"), view.attributions, (q) => {
    // No holder named ("X is expected to …"): say so rather than leave a gap.
    const who = q.source ? el("span", "who", shortSource(q.source)) : el("span", "who none", t("unattributed"));
    if (q.source && who.textContent !== q.source) who.title = q.source;
    // In the text's order: "Peskov said", "According to some reports".
    const said = q.cue_first ? [document.createTextNode(q.cue + " "), who] : [who, document.createTextNode(" " + q.cue)];
    return findButton({ text: q.content, path: q.path },
      ...said, q.date ? el("span", "when", ` (${q.date})`) : "", el("span", "what", q.content));
  });
  fill($("facts"), keyFacts(view.facts), (f) => findButton(f, f.text));
}

/** A list item whose button (showing `parts`) scrolls to and highlights `target` ({text, path}) on the page. */
function findButton(target, ...parts) {
  const li = el("li");
  const b = el("button");
  b.type = "button";
  b.append(...parts);
  b.addEventListener("click", () => focusOnPage(target));
  li.append(b);
  return li;
}

/**
 * A speaker as listed: a long one ("Kenneth Baer, a former official who runs …") up to its first
 * comma, shortened with an ellipsis; the whole phrase stays in the element's title.
 */
function shortSource(source) {
  if (source.length <= MAX_SOURCE_CHARS) return source;
  const head = source.split(",")[0].trim();
  return `${head.length <= MAX_SOURCE_CHARS ? head : head.slice(0, MAX_SOURCE_CHARS).trimEnd()}…`;
}

/** Key numbers, then dates, each text once (its first place). */
function keyFacts(facts) {
  const seen = new Set();
  return [...facts.numbers, ...facts.dates].filter((f) => !seen.has(f.text) && seen.add(f.text));
}

async function refresh() {
  const started = Date.now();
  for (;;) {
    const view = tabId === null ? undefined : await sendToTab(tabId, { type: "sift:state" });
    if (!view) {
      $("app").setAttribute("aria-busy", "false");
      showMessage("unavailable");
      $("hiding").disabled = true;
      return;
    }
    if (view.status !== "loading" || Date.now() - started > LOADING_WAIT_MS) {
      render(view.status === "ready" ? await fetchDetails(view) : view);
      return;
    }
    showMessage("analysing");
    $("message").dataset.loading = "true";
    await new Promise((r) => setTimeout(r, POLL_MS));
  }
}

/** Asks the background for the details of `view`'s page; returns the view to render. */
async function fetchDetails(view) {
  const ask = async (v) => {
    const reply = await sendMessage({ type: "sift:details", tabId, pageId: v.pageId });
    return reply && reply.ok ? popupDetails(reply.details, v) : null;
  };
  details = await ask(view);
  if (details) return view;
  // None for this page (the background keeps only a tab's newest page): the page analyses itself again.
  const again = await sendToTab(tabId, { type: "sift:reanalyze" });
  if (!again || again.status !== "ready") return again || view;
  details = await ask(again);
  return again;
}

async function send(message) {
  const view = await sendToTab(tabId, message);
  if (view && view.status) render(view);
  return view;
}

/** Scrolls the page to `target.text` in the element at `target.path` (else in the article) and highlights it. */
async function focusOnPage(target) {
  if (!current) return;
  const articlePath = current.article ? current.article.path : null;
  await sendToTab(tabId, { type: "sift:focus-claim", text: target.text, path: target.path, articlePath });
}

/** The summary as Markdown: title, source line, claims, quotes and key facts. */
function toMarkdown(view) {
  const lines = [];
  const md = (s) => String(s).replace(/([\\`*_[\]<>#|])/g, "\\$1");
  if (view.article) {
    lines.push(`# ${md(view.article.title || "")}`, "");
    const meta = [view.article.siteName, view.article.byline, view.article.published].filter(Boolean).map(md);
    if (meta.length) lines.push(meta.join(" · "), "");
  }
  lines.push(`<${view.url}>`, "");
  if (view.summary.length) {
    lines.push(`## ${t("claimsHeading")}`, "", ...view.summary.map((s) => `- ${md(s)}`), "");
  }
  if (view.attributions.length) {
    lines.push(`## ${t("quotesHeading")}`, "", ...view.attributions.map((q) => {
      const who = q.source ? `**${md(q.source)}**` : `*${md(t("unattributed"))}*`;
      return `- ${q.cue_first ? `${md(q.cue)} ${who}` : `${who} ${md(q.cue)}`}: ${md(q.content)}`;
    }), "");
  }
  const facts = keyFacts(view.facts);
  if (facts.length) lines.push(`## ${t("factsHeading")}`, "", ...facts.map((f) => `- ${md(f.text)}`), "");
  return lines.join("\n");
}

async function copyMarkdown() {
  if (!current) return;
  const text = toMarkdown(current);
  // The last copy stays in an off-screen field: the fallback copies from it, tests read it.
  const area = $("markdown");
  area.value = text;
  let ok = false;
  try {
    await navigator.clipboard.writeText(text);
    ok = true;
  } catch (_e) {
    area.select();
    ok = document.execCommand("copy");
  }
  $("copy-status").textContent = t(ok ? "copied" : "copyFailed");
}

/**
 * Switches Sift off on the tab's site (adds it to the settings' list and restores the page) or back on
 * (removes every listed entry covering it, and the page is analysed).
 */
async function toggleSite() {
  const host = current && globalThis.SiftSettings.normalizeHost(current.host);
  if (!host) return;
  const off = current.status !== "disabled";
  const settings = await globalThis.SiftSettings.load();
  settings.disabledSites = off
    ? [...settings.disabledSites, host]
    : settings.disabledSites.filter((s) => !globalThis.SiftSettings.isSiteDisabled({ disabledSites: [s] }, host));
  await globalThis.SiftSettings.save(settings);
  if (off) {
    details = null;
    await send({ type: "sift:disable-site" });
  } else {
    await sendToTab(tabId, { type: "sift:enable-site" });
    await refresh();
  }
}

async function main() {
  localize();
  $("site-switch").addEventListener("click", () => toggleSite().catch((e) => showMessage("analysisFailed", String(e && e.message ? e.message : e))));
  $("hiding").addEventListener("change", (e) => send({ type: "sift:set-hiding", on: e.target.checked }));
  $("reveal").addEventListener("change", (e) => send({ type: "sift:set-reveal", on: e.target.checked }));
  for (const input of document.querySelectorAll("[data-category]")) {
    input.addEventListener("change", (e) => send({ type: "sift:set-category", category: e.target.dataset.category, on: e.target.checked }));
  }
  $("copy").addEventListener("click", copyMarkdown);
  $("options").addEventListener("click", (e) => {
    e.preventDefault();
    api.runtime.openOptionsPage();
    window.close();
  });
  tabId = await findTab();
  await refresh();
}

main().catch((e) => showMessage("analysisFailed", String(e && e.message ? e.message : e)));
