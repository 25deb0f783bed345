//! `analyze_owned_html` (the page handed over and freed once parsed) and `analyze_reread_html` (freed
//! before the parse and read again in blocks, as the wasm binding calls it) give what `analyze_html`
//! gives, on pages and on input it refuses.

use sift_core::{analyze_html, analyze_owned_html, analyze_reread_html, Analysis, Options};

/// A clock that always reads 0, so the two analyses' timings compare equal.
fn still_clock() -> f64 {
    0.0
}

type Outcome = Result<Analysis, String>;

/// The borrowed, owned and read-again analyses of `html`.
fn all(html: &str) -> (Outcome, Outcome, Outcome) {
    let options = Options {
        url: Some("https://example.org/news/a"),
        clock: still_clock,
    };
    let read = |range: std::ops::Range<usize>| html.get(range).unwrap_or_default().to_string();
    (
        analyze_html(html, &options).map_err(|e| e.to_string()),
        analyze_owned_html(html.to_string(), &options).map_err(|e| e.to_string()),
        analyze_reread_html(html.to_string(), read, &options).map_err(|e| e.to_string()),
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
        let (borrowed, owned, reread) = all(&html);
        assert_eq!(owned, borrowed, "{page}");
        assert_eq!(reread, borrowed, "{page} read again");
    }
    // Pages longer than a block, so that the read-again one is read in several.
    let long = std::fs::read_to_string(dir.join(pages[0]))
        .expect("seed")
        .repeat(3);
    assert!(long.len() > 2 * sift_core::REREAD_BLOCK_BYTES);
    let (borrowed, _, reread) = all(&long);
    assert_eq!(reread, borrowed, "seed page thrice");
    // Not a comparison of two empty results: the seed page has clutter and claims.
    let seed = std::fs::read_to_string(dir.join(pages[0])).expect("seed");
    let (_, owned, _) = all(&seed);
    let owned = owned.expect("seed analysed");
    assert!(!owned.clutter.is_empty() && !owned.summary.is_empty());
}

#[test]
fn the_owned_page_is_refused_as_the_borrowed_one() {
    for html in ["", "   ", "\u{0}\u{1}\u{2}\u{3}\u{4}\u{5}"] {
        let (borrowed, owned, reread) = all(html);
        assert!(borrowed.is_err(), "{html:?}");
        assert_eq!(owned.map(|_| ()), borrowed.clone().map(|_| ()), "{html:?}");
        assert_eq!(reread.map(|_| ()), borrowed.map(|_| ()), "{html:?}");
    }
}
