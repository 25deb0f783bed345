//! `analyze_owned_html` (the page handed over and freed once parsed, as the wasm binding calls it)
//! gives what `analyze_html` gives, on pages and on input it refuses.

use sift_core::{analyze_html, analyze_owned_html, Analysis, Options};

/// A clock that always reads 0, so the two analyses' timings compare equal.
fn still_clock() -> f64 {
    0.0
}

fn both(html: &str) -> (Result<Analysis, String>, Result<Analysis, String>) {
    let options = Options {
        url: Some("https://example.org/news/a"),
        clock: still_clock,
    };
    (
        analyze_html(html, &options).map_err(|e| e.to_string()),
        analyze_owned_html(html.to_string(), &options).map_err(|e| e.to_string()),
    )
}

#[test]
fn the_owned_page_gives_the_same_analysis() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures");
    let pages = [
        "seed/index.html",
        "pages/not-article.html",
        "pages/malicious.html",
    ];
    for page in pages {
        let html = std::fs::read_to_string(dir.join(page)).expect(page);
        let (borrowed, owned) = both(&html);
        assert_eq!(owned, borrowed, "{page}");
    }
    // Not a comparison of two empty results: the seed page has clutter and claims.
    let seed = std::fs::read_to_string(dir.join(pages[0])).expect("seed");
    let (_, owned) = both(&seed);
    let owned = owned.expect("seed analysed");
    assert!(!owned.clutter.is_empty() && !owned.summary.is_empty());
}

#[test]
fn the_owned_page_is_refused_as_the_borrowed_one() {
    for html in ["", "   ", "\u{0}\u{1}\u{2}\u{3}\u{4}\u{5}"] {
        let (borrowed, owned) = both(html);
        assert!(borrowed.is_err(), "{html:?}");
        assert_eq!(owned.map(|_| ()), borrowed.map(|_| ()), "{html:?}");
    }
}
