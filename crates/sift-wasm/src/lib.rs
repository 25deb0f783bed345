//! # sift-wasm
//!
//! The browser's view of [`sift_core`]: converts values with serde-wasm-bindgen and errors into JS
//! `Error`s with a readable message. No logic lives here.
//!
//! Entry points (JS names): `analyzeHtml(html, url?)`, `analyzeText(text)`, `analyzeFragment(html)`,
//! `version()`.

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

/// Installs the panic hook once, so a panic logs its message to the console instead of "unreachable".
#[wasm_bindgen(start)]
pub fn start() {
    console_error_panic_hook::set_once();
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
