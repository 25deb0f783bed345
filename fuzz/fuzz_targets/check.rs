//! Invariants every analysis must keep, whatever the input: it serialises to JSON, and every span
//! lies within the article text it refers to.

use sift_core::Analysis;

/// Panics (a fuzz crash) if `analysis` breaks an invariant of the schema.
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
