//! Article extraction through the public API: text and boilerplate, the paragraph contract (spans and
//! element paths), metadata, the not-an-article verdict, and pathological pages.
//! The corpus figures (AEB, Readability, Trafilatura) are tested in `sift-eval` (`extract.rs`).

use std::collections::HashSet;
use std::time::Instant;

use ego_tree::NodeId;
use scraper::Html;
use sift_core::article::{extract, ExtractOptions};
use sift_core::dom;

const PROSE: &str =
    "The council voted on Tuesday to expand the program, which had been running for \
three years, after a long debate about its cost, its reach and the families it serves.";

fn page(body: &str, head: &str) -> String {
    format!("<html lang=\"en\"><head>{head}</head><body>{body}</body></html>")
}

fn article_page() -> String {
    let paras: String = (0..6)
        .map(|i| format!("<p>{PROSE} Paragraph {i}.</p>"))
        .collect();
    page(
        &format!(
            r##"<nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li></ul></nav>
            <article class="story">
              <h1>Council expands program</h1>
              <div class="share-bar"><a href="#">Facebook</a> <a href="#">Twitter</a></div>
              {paras}
              <h2>What comes next</h2>
              <ul><li>A first step, taken in spring, with a budget of its own.</li>
                  <li>A second step, planned for autumn, once the review is done.</li></ul>
              <blockquote>"We are proud of this," the mayor said, to applause.</blockquote>
              <p>Advertisement</p>
              <div class="related-links"><h3>Related</h3><ul>
                <li><a href="/a">Another story about something else entirely</a></li>
                <li><a href="/b">Yet another story about a different matter</a></li></ul></div>
            </article>
            <div id="comments"><p>{PROSE} A reader's comment.</p></div>
            <footer><p>Copyright 2024 The Daily, all rights reserved, everywhere.</p></footer>"##
        ),
        r#"<title>Council expands program | The Daily</title>
        <meta property="og:site_name" content="The Daily">
        <meta property="og:type" content="article">
        <meta name="author" content="Jane Roe">
        <meta property="article:published_time" content="2024-11-18T09:00:00Z">
        <link rel="canonical" href="https://daily.example/council">"#,
    )
}

fn run(html: &str, url: Option<&str>) -> sift_core::article::Extraction {
    extract_from(&Html::parse_document(html), url, &HashSet::new())
}

/// Extracts from a parsed `doc`, leaving out the `exclude`d elements.
fn extract_from(
    doc: &Html,
    url: Option<&str>,
    exclude: &HashSet<NodeId>,
) -> sift_core::article::Extraction {
    extract(doc, &ExtractOptions { url, exclude })
}

#[test]
fn keeps_the_story_and_leaves_out_boilerplate() {
    let ex = run(&article_page(), None);
    let a = ex.article.expect("an article");
    assert!(a.text.contains("Paragraph 0.") && a.text.contains("Paragraph 5."));
    assert!(a.text.contains("What comes next"), "sub-headings are kept");
    assert!(
        a.text.contains("A second step, planned for autumn"),
        "list items are kept"
    );
    assert!(a.text.contains("the mayor said"), "quotes are kept");
    for junk in [
        "Facebook",
        "Home",
        "Another story",
        "A reader's comment",
        "Copyright",
        "Advertisement",
    ] {
        assert!(!a.text.contains(junk), "{junk:?} leaked into {:?}", a.text);
    }
    assert!(
        !a.text.contains("Council expands program"),
        "the headline is metadata, not text"
    );
}

#[test]
fn paragraph_spans_and_paths_point_at_their_text() {
    let html = article_page();
    let doc = Html::parse_document(&html);
    let a = extract_from(&doc, None, &HashSet::new())
        .article
        .expect("an article");
    let chars: Vec<char> = a.text.chars().collect();
    assert_eq!(a.paragraphs.len(), a.text.lines().count());
    for (p, line) in a.paragraphs.iter().zip(a.text.lines()) {
        let span: String = chars[p.span[0]..p.span[1]].iter().collect();
        assert_eq!(span, line);
        let path = p.path.as_ref().expect("a path");
        let el = dom::element_at(&doc, path).expect("the path resolves");
        assert!(
            dom::visible_text(*el).contains(line),
            "{line:?} not in its element"
        );
    }
    assert!(
        dom::element_at(&doc, &a.path).is_some(),
        "the root path resolves"
    );
}

#[test]
fn metadata_from_meta_tags() {
    let a = run(&article_page(), None).article.expect("an article");
    assert_eq!(a.title.as_deref(), Some("Council expands program"));
    assert_eq!(a.byline.as_deref(), Some("Jane Roe"));
    assert_eq!(a.published.as_deref(), Some("2024-11-18T09:00:00Z"));
    assert_eq!(a.site_name.as_deref(), Some("The Daily"));
    assert_eq!(
        a.canonical_url.as_deref(),
        Some("https://daily.example/council")
    );
}

#[test]
fn clutter_already_tagged_is_left_out() {
    let html = article_page().replace(
        "<h2>What comes next</h2>",
        r#"<div id="ask"><p>Please support our journalism with a monthly gift today, it matters.</p></div><h2>What comes next</h2>"#,
    );
    let doc = Html::parse_document(&html);
    let sel = scraper::Selector::parse("#ask").expect("selector");
    let ask = doc.select(&sel).next().expect("ask").id();
    let exclude: HashSet<_> = [ask].into_iter().collect();
    let a = extract_from(&doc, None, &exclude)
        .article
        .expect("an article");
    assert!(!a.text.contains("monthly gift"));
}

#[test]
fn front_pages_and_listings_are_not_articles() {
    let teasers: String = (0..30)
        .map(|i| format!("<li><h3><a href=\"/s{i}\">Headline number {i} about the news of the day</a></h3><p>Short teaser {i}.</p></li>"))
        .collect();
    let html = page(
        &format!("<main><ul>{teasers}</ul></main>"),
        "<title>The Daily</title>",
    );
    let home = run(&html, Some("https://daily.example/"));
    assert!(home.article.is_none());
    assert!(home.not_article_reason.is_some());
    let listing = run(&html, None);
    assert!(
        listing.article.is_none(),
        "{:?}",
        listing.article.map(|a| a.text)
    );
    let search = run(
        &article_page(),
        Some("https://daily.example/search?q=council"),
    );
    assert_eq!(search.not_article_reason.as_deref(), Some("search results"));
}

#[test]
fn empty_and_tiny_pages_are_not_articles() {
    for html in ["", "<p>Hi</p>", "<html><body><div></div></body></html>"] {
        let ex = run(html, None);
        assert!(ex.article.is_none());
    }
}

/// Extraction itself on deep and wide trees (the parser's own limits are `analyze_html`'s business:
/// html5ever's scope checks make a direct parse of very deep input slow, so 10,000 levels here).
#[test]
fn deep_and_wide_pages_finish_quickly() {
    const DEPTH: usize = 10_000;
    const MAX_SECS: u64 = 20;
    let deep = format!(
        "{}<p>{PROSE}</p>{}",
        "<div>".repeat(DEPTH),
        "</div>".repeat(DEPTH)
    );
    let wide: String = (0..20_000)
        .map(|i| format!("<div><a href=\"/{i}\">link {i}</a></div>"))
        .collect();
    let exclude = HashSet::new();
    for html in [deep, wide] {
        let doc = Html::parse_document(&html);
        let start = Instant::now();
        let _ = extract_from(&doc, None, &exclude);
        // Generous for unoptimised test builds (about 0.1 s each in release); a quadratic walk over
        // these trees would take minutes.
        assert!(
            start.elapsed().as_secs() < MAX_SECS,
            "took {:?}",
            start.elapsed()
        );
    }
}
