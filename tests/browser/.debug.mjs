import { BROWSERS, startServer } from "./harness.mjs";
const server = await startServer();
const b = await BROWSERS[process.argv[2] || "chromium"]();
const ext = await b.newTab(`${b.base}/options.html`);
await ext.eval(async () => chrome.storage.sync.set({ settings: { version: 1, categories: { donation: true, newsletter: true, audio: true }, mode: "auto", disabledSites: ["127.0.0.1"] } }));
const url = `${server.origin}/seed/index.html`;
const page = await b.newTab(url);
if (page.page) page.page.on("console", (m) => console.log("PAGE:", m.text()));
await new Promise((r) => setTimeout(r, 3000));
console.log(await ext.eval(async (u) => {
  const f = await SiftCompat.sendMessage({ type: "sift:find-tab", url: u });
  let view = null, err = null;
  try { view = f && await chrome.tabs.sendMessage(f.tabId, { type: "sift:state" }); } catch (e) { err = String(e); }
  return JSON.stringify({ f, view, err }).slice(0, 3000);
}, url));
const mal = `${server.origin}/pages/malicious.html`;
await ext.eval(async () => chrome.storage.sync.clear());
const p2 = await b.newTab(mal);
await new Promise((r) => setTimeout(r, 2000));
console.log(await ext.eval(async (u) => {
  const f = await SiftCompat.sendMessage({ type: "sift:find-tab", url: u });
  const view = await chrome.tabs.sendMessage(f.tabId, { type: "sift:state" });
  return JSON.stringify({ a: view.article, s: view.summary });
}, mal));
await b.close(); await server.close();
