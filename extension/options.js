// Options page: categories, when to hide, per-site disable list; saved to storage.sync on every change.
const { t } = globalThis.SiftCompat;
const Settings = globalThis.SiftSettings;
const $ = (sel) => document.querySelector(sel);

function localize() {
  for (const el of document.querySelectorAll("[data-i18n]")) {
    const text = t(el.dataset.i18n);
    if (text && text !== el.dataset.i18n) el.textContent = text;
  }
  document.title = t("optionsTitle");
}

function show(settings) {
  for (const box of document.querySelectorAll("input[name=category]")) box.checked = settings.categories[box.value] === true;
  for (const radio of document.querySelectorAll("input[name=mode]")) radio.checked = radio.value === settings.mode;
  $("#sites").value = settings.disabledSites.join("\n");
}

function read() {
  const categories = {};
  for (const box of document.querySelectorAll("input[name=category]")) categories[box.value] = box.checked;
  const mode = document.querySelector("input[name=mode]:checked")?.value;
  const disabledSites = $("#sites").value.split(/\s+/).filter(Boolean);
  return { version: 1, categories, mode, disabledSites };
}

let saveTimer = 0;
async function save() {
  try {
    const clean = await Settings.save(read());
    document.body.dataset.saved = String(Date.now());
    $("#status").textContent = t("saved");
    if (document.activeElement !== $("#sites")) show(clean);
  } catch (e) {
    $("#status").textContent = t("saveFailed") + " " + String(e && e.message ? e.message : e);
  }
}

async function main() {
  localize();
  show(await Settings.load());
  document.body.dataset.ready = "true";
  for (const input of document.querySelectorAll("input")) input.addEventListener("change", save);
  $("#sites").addEventListener("input", () => {
    clearTimeout(saveTimer);
    saveTimer = setTimeout(save, 300);
  });
  $("#sites").addEventListener("change", save);
}

main();
