//! What each fuzz target runs on one input, and the invariants every result must keep. Shared by the
//! targets and by `crates/sift-core/tests/fuzz_regressions.rs`, which replays `fuzz/regressions/` with
//! plain `cargo test`: a crash the fuzzer finds is fixed and its input kept there.

// Each target (and the replay test) uses only some of these.
#![allow(dead_code)]

use sift_core::Analysis;

/// `analyze_html` target: bytes decoded as the CLI does, then the page analysis, and the same markup as
/// a late-clutter fragment (the extension sends added subtrees from the page).
pub fn analyze_html(data: &[u8]) {
    let Ok(html) = sift_core::decode(data) else {
        return;
    };
    if let Ok(analysis) = sift_core::analyze_html(&html, &sift_core::Options::default()) {
        check(&analysis);
    }
    if let Ok(tags) = sift_core::analyze_fragment(&html) {
        serde_json::to_string(&tags).expect("fragment tags serialise to JSON");
    }
}

/// `analyze_text` target: bytes lossily decoded as UTF-8, then the text analysis.
pub fn analyze_text(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    if let Ok(analysis) = sift_core::analyze_text(&text, &sift_core::Options::default()) {
        check(&analysis);
    }
}

/// `decode` target: BOMs, `<meta charset>` prescans, invalid sequences.
pub fn decode(data: &[u8]) {
    if let Ok(text) = sift_core::decode(data) {
        // Decoding never invents text out of nothing.
        assert!(!data.is_empty());
        assert!(text.len() <= data.len().saturating_mul(3).saturating_add(3));
    }
}

/// Panics (a fuzz crash) if `analysis` breaks an invariant of the schema: it serialises to JSON, and
/// every span lies within the article text it refers to.
pub fn check(analysis: &Analysis) {
    let json = serde_json::to_string(analysis).expect("analysis serialises to JSON");
    assert!(json.starts_with('{'));
    let text_chars = analysis
        .article
        .as_ref()
        .map_or(0, |article| article.text.chars().count());
    let in_text = |[start, end]: [usize; 2], what: &str| {
        assert!(
            start <= end && end <= text_chars,
            "{what} span [{start}, {end}) outside the article text of {text_chars} chars"
        );
    };
    if let Some(article) = &analysis.article {
        for paragraph in &article.paragraphs {
            in_text(paragraph.span, "paragraph");
        }
    }
    for item in &analysis.summary {
        in_text(item.span, "summary");
    }
    for attribution in &analysis.attributions {
        in_text(attribution.source_span, "attribution source");
        in_text(attribution.cue_span, "attribution cue");
        in_text(attribution.content_span, "attribution content");
    }
}
