//! # sift-wasm
//!
//! The browser's view of [`sift_core`]: converts values with serde-wasm-bindgen and errors into JS
//! `Error`s with a readable message. No logic lives here.
//!
//! Entry points (JS names): `analyzeTab(utf8Bytes, url?)` (what the extension calls: the clutter tags
//! and the popup's details, as two JSON texts), `analyzePage(utf8Bytes, url?)` (the whole analysis as
//! JSON text), `analyzeHtml(html, url?)`, `analyzeText(text)`, `analyzeFragment(html)`, `version()`.

#[cfg(target_arch = "wasm32")]
mod allocator;
mod details;

use js_sys::Uint8Array;
use serde::Serialize;
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    /// `performance.now()`, available in windows and workers alike.
    #[wasm_bindgen(js_namespace = performance, js_name = now)]
    fn performance_now() -> f64;
}

fn host_clock() -> f64 {
    performance_now()
}

/// Installs the panic hook once, so a panic logs its message to the console instead of "unreachable",
/// and builds the core's lasting tables ([`sift_core::warm_up`]) before any page is analysed.
#[wasm_bindgen(start)]
pub fn start() {
    console_error_panic_hook::set_once();
    // The warm-up page's analysis itself is not needed; it cannot fail, and would cost nothing if it did.
    let _ = sift_core::warm_up();
}

fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsError> {
    // Maps (not plain objects) would surprise JS readers; ask for plain objects.
    let serializer = serde_wasm_bindgen::Serializer::new().serialize_maps_as_objects(true);
    value
        .serialize(&serializer)
        .map_err(|e| JsError::new(&format!("sift: could not convert the analysis: {e}")))
}

/// Analyses a page's HTML; `url` helps with metadata. Throws an `Error` with a readable message for
/// input that cannot be analysed.
#[wasm_bindgen(js_name = analyzeHtml)]
pub fn analyze_html(html: &str, url: Option<String>) -> Result<JsValue, JsError> {
    let options = sift_core::Options {
        url: url.as_deref(),
        clock: host_clock,
    };
    let analysis =
        sift_core::analyze_html(html, &options).map_err(|e| JsError::new(&format!("sift: {e}")))?;
    to_js(&analysis)
}

/// Analyses a page given as UTF-8 bytes (`TextEncoder().encode(html)`) and returns the analysis as
/// JSON text (the schema of `docs/schema.md`). This is the extension's path: the bytes are copied
/// into wasm memory at their exact size (a JS string is copied in through a buffer of three bytes per
/// UTF-16 unit), freed before the parse, and read again from the JS array a block at a time as the
/// parser needs them (`analyze_bytes`); the JSON goes on to the content script as it is, with no JS
/// objects built in between. Invalid UTF-8 (never produced by `TextEncoder`) is replaced, as a
/// browser would. Throws an `Error` with a readable message for input that cannot be analysed.
#[wasm_bindgen(js_name = analyzePage)]
pub fn analyze_page(html: &Uint8Array, url: Option<String>) -> Result<String, JsError> {
    let analysis = analyze_bytes(html, url)?;
    serde_json::to_string(&analysis)
        .map_err(|e| JsError::new(&format!("sift: could not write the analysis: {e}")))
}

/// The analysis of a page given as UTF-8 bytes (invalid sequences replaced). Valid UTF-8 goes
/// through [`sift_core::analyze_reread_html`]: the copy in wasm memory is freed once the parts to
/// parse are known, and the parser reads them again from `html` ([`read_block`]), so the page's
/// bytes are not a hole below the tree that the analysis' tables cannot use. Other input is
/// replaced into a copy that is freed once parsed ([`sift_core::analyze_owned_html`]).
fn analyze_bytes(html: &Uint8Array, url: Option<String>) -> Result<sift_core::Analysis, JsError> {
    let options = sift_core::Options {
        url: url.as_deref(),
        clock: host_clock,
    };
    match String::from_utf8(html.to_vec()) {
        Ok(text) => sift_core::analyze_reread_html(text, |range| read_block(html, range), &options),
        Err(invalid) => sift_core::analyze_owned_html(replaced(&invalid), &options),
    }
    .map_err(|e| JsError::new(&format!("sift: {e}")))
}

/// The text of `range` of `bytes` (at char boundaries of valid UTF-8, as the core asks; anything
/// else is replaced rather than trusted).
fn read_block(bytes: &Uint8Array, range: std::ops::Range<usize>) -> String {
    let (Ok(start), Ok(end)) = (u32::try_from(range.start), u32::try_from(range.end)) else {
        return String::new();
    };
    String::from_utf8(bytes.subarray(start, end).to_vec())
        .unwrap_or_else(|invalid| replaced(&invalid))
}

/// Bytes that are not valid UTF-8 as text, each invalid sequence replaced by U+FFFD (as a browser
/// decodes them).
fn replaced(invalid: &std::string::FromUtf8Error) -> String {
    String::from_utf8_lossy(invalid.as_bytes()).into_owned()
}

/// Analyses a page given as UTF-8 bytes, as `analyzePage` does, and returns two JSON texts: the
/// clutter tags (`[{category, path, tag, reason, score}]`, what the content script applies) and the
/// popup's details (see `details::Details`: the article's head and word count, the claims with their
/// paths, attributions and facts; no article text or paragraphs). The extension replies to the page
/// with the first at once and keeps the second in the background.
#[wasm_bindgen(js_name = analyzeTab)]
pub fn analyze_tab(html: &Uint8Array, url: Option<String>) -> Result<Vec<String>, JsError> {
    let analysis = analyze_bytes(html, url)?;
    let write =
        |e: serde_json::Error| JsError::new(&format!("sift: could not write the analysis: {e}"));
    let clutter = serde_json::to_string(&analysis.clutter).map_err(write)?;
    let details = serde_json::to_string(&details::Details::of(&analysis)).map_err(write)?;
    Ok(vec![clutter, details])
}

/// For the memory benchmark (`tests/bench/wasm-bench.mjs`): parses a page (valid UTF-8) as
/// `analyzePage` does and drops the tree, returning its node count, so a fresh instance's memory
/// afterwards is the parse's own peak (input, tree, parser buffers), to set beside the whole
/// analysis' peak.
#[wasm_bindgen(js_name = benchParseOnly)]
pub fn bench_parse_only(html: &Uint8Array) -> Result<u32, JsError> {
    let text = String::from_utf8(html.to_vec())
        .map_err(|_| JsError::new("sift: the page is not valid UTF-8"))?;
    let doc = sift_core::limits::parse_reread(text, sift_core::REREAD_BLOCK_BYTES, |range| {
        read_block(html, range)
    })
    .map_err(|e| JsError::new(&format!("sift: {e}")))?;
    Ok(u32::try_from(doc.tree.nodes().count()).unwrap_or(u32::MAX))
}

/// Analyses plain article text (one paragraph per line).
#[wasm_bindgen(js_name = analyzeText)]
pub fn analyze_text(text: &str) -> Result<JsValue, JsError> {
    let options = sift_core::Options {
        url: None,
        clock: host_clock,
    };
    let analysis =
        sift_core::analyze_text(text, &options).map_err(|e| JsError::new(&format!("sift: {e}")))?;
    to_js(&analysis)
}

/// Tags the clutter in a subtree added to the page later (a modal, a form injected on scroll), given
/// its outerHTML: an array of clutter tags whose paths are relative to the subtree's root element
/// (`[]` is the root itself). Throws an `Error` for empty or oversized input.
#[wasm_bindgen(js_name = analyzeFragment)]
pub fn analyze_fragment(html: &str) -> Result<JsValue, JsError> {
    let tags =
        sift_core::analyze_fragment(html).map_err(|e| JsError::new(&format!("sift: {e}")))?;
    to_js(&tags)
}

/// The core's version and the analysis schema version, e.g. `"0.1.0 (schema 1)"`.
#[wasm_bindgen]
pub fn version() -> String {
    format!(
        "{} (schema {})",
        env!("CARGO_PKG_VERSION"),
        sift_core::SCHEMA_VERSION
    )
}
