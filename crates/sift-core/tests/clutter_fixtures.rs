//! Clutter detection on hand-made fixtures (`tests/fixtures/audio`, `tests/fixtures/clutter`) and the
//! seed page (`tests/fixtures/seed`): every marked widget is tagged with its category, nothing marked
//! `none` and no article paragraph is tagged.
//!
//! Fixture convention: the element expected to be tagged carries `data-fixture="<category>"` (audio
//! fixtures: `data-fixture="expected"`, category audio); `data-fixture="none"` marks look-alikes that
//! must not be tagged; `<p class="body">` is article text.

use std::path::{Path, PathBuf};

use scraper::{ElementRef, Html, Selector};
use sift_core::{analyze_fragment, analyze_html, dom, ClutterCategory, ClutterTag, Options};

fn fixtures(sub: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/fixtures")
        .join(sub)
}

fn select<'a>(doc: &'a Html, css: &str) -> Vec<ElementRef<'a>> {
    let sel = Selector::parse(css).expect("valid selector");
    doc.select(&sel).collect()
}

/// Thin wrapper rule of DATA.md §1.
fn thin_wrapper(outer: ElementRef<'_>, inner: ElementRef<'_>) -> bool {
    let li = dom::visible_text_len(*inner) as f64;
    inner.ancestors().any(|a| a.id() == outer.id())
        && dom::visible_text_len(*outer) as f64 <= (1.5 * li).max(li + 150.0)
}

/// Does a tag of `category` find `expected` (is it, inside it, or a thin wrapper of it)?
fn finds(
    doc: &Html,
    tags: &[ClutterTag],
    category: ClutterCategory,
    expected: ElementRef<'_>,
) -> bool {
    tags.iter().filter(|t| t.category == category).any(|t| {
        let Some(el) = dom::element_at(doc, &t.path) else {
            return false;
        };
        el.id() == expected.id()
            || el.ancestors().any(|a| a.id() == expected.id())
            || thin_wrapper(el, expected)
    })
}

/// Asserts no tag is, contains or lies inside an element of `forbidden`.
fn assert_untouched(doc: &Html, tags: &[ClutterTag], forbidden: &[ElementRef<'_>], what: &str) {
    for t in tags {
        let el = dom::element_at(doc, &t.path).expect("tag path resolves");
        for f in forbidden {
            let overlaps = el.id() == f.id()
                || el.ancestors().any(|a| a.id() == f.id())
                || f.ancestors().any(|a| a.id() == el.id());
            assert!(
                !overlaps,
                "{what}: tag {:?} ({}) overlaps a forbidden element: {}",
                t.category,
                t.reason,
                dom::visible_text(**f)
            );
        }
    }
}

fn analyze(path: &Path) -> (Html, Vec<ClutterTag>) {
    let html = std::fs::read_to_string(path).expect("fixture readable");
    // Sift reads `data-*` values as markers: the fixture's own marking ("newsletter") must not be
    // evidence. A plain `fixture` attribute is never read; the tree (and so every path) is the same.
    let unmarked = html.replace(" data-fixture=", " fixture=");
    let analysis = analyze_html(&unmarked, &Options::default()).expect("analysis");
    (Html::parse_document(&html), analysis.clutter)
}

#[test]
fn every_tts_vendor_fixture_is_tagged_audio() {
    let dir = fixtures("audio");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("tests/fixtures/audio exists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "html"))
        .collect();
    files.sort();
    assert!(files.len() >= 10, "expected a fixture per vendor");
    let mut failures = Vec::new();
    for path in &files {
        let (doc, tags) = analyze(path);
        let expected = select(&doc, "[data-fixture=expected]");
        let expected = expected.first().expect("fixture marks its widget");
        if !finds(&doc, &tags, ClutterCategory::Audio, *expected) {
            failures.push(format!("{}: {:?}", path.display(), tags));
        }
        assert_untouched(
            &doc,
            &tags,
            &select(&doc, "p.body"),
            &path.display().to_string(),
        );
    }
    assert!(
        failures.is_empty(),
        "audio widgets not tagged:\n{}",
        failures.join("\n")
    );
}

#[test]
fn multilingual_donation_and_newsletter_fixture() {
    check_donation_and_newsletter_fixture("clutter/multilingual.html");
}

/// Asks explained by one cue-less sentence, a donation frame, a form of bare inputs with its copy,
/// a footer signup box; footer link columns and a category list stay untagged.
#[test]
fn explained_asks_and_footer_boxes_fixture() {
    check_donation_and_newsletter_fixture("clutter/explained-asks-and-footers.html");
}

/// Every `data-fixture` donation/newsletter element is found, no look-alike or article paragraph
/// is touched, and every tag has a reason and a score.
fn check_donation_and_newsletter_fixture(name: &str) {
    let path = fixtures(name);
    let (doc, tags) = analyze(&path);
    for (category, css) in [
        (ClutterCategory::Donation, "[data-fixture=donation]"),
        (ClutterCategory::Newsletter, "[data-fixture=newsletter]"),
        (ClutterCategory::Audio, "[data-fixture=audio]"),
    ] {
        for expected in select(&doc, css) {
            assert!(
                finds(&doc, &tags, category, expected),
                "{} widget not tagged: {}\ntags: {tags:#?}",
                category.as_str(),
                dom::visible_text(*expected)
            );
        }
    }
    assert_untouched(
        &doc,
        &tags,
        &select(&doc, "[data-fixture=none]"),
        "look-alikes",
    );
    assert_untouched(&doc, &tags, &select(&doc, "p.body"), "article text");
    assert!(tags
        .iter()
        .all(|t| !t.reason.is_empty() && t.score > 0.0 && t.score <= 1.0));
}

#[test]
fn fragment_api_tags_an_injected_modal_with_relative_paths() {
    let modal = r#"<div class="modal"><button class="close">×</button>
        <div class="inner"><h2>Never miss a story</h2><p>Get our newsletter in your inbox.</p>
        <form><input type="email" placeholder="Email address"><button type="submit">Subscribe</button></form></div></div>"#;
    let tags = analyze_fragment(modal).expect("fragment analysed");
    let tag = tags
        .iter()
        .find(|t| t.category == ClutterCategory::Newsletter)
        .expect("newsletter tagged in the fragment");
    // The path is relative to the fragment's root element ([] is the root itself).
    assert!(
        tag.path.is_empty() || tag.path == vec![1],
        "path {:?}",
        tag.path
    );
    assert!(analyze_fragment("   ").is_err());
    assert!(analyze_fragment("<p>Plain text, nothing to hide.</p>")
        .expect("fragment analysed")
        .is_empty());
}

/// The seed page (the product was conceived from it): every expected tag found, no article text tagged.
#[test]
fn seed_fixture_is_fully_tagged() {
    let dir = fixtures("seed");
    let (html_path, expected_path) = (dir.join("index.html"), dir.join("expected.json"));
    if !html_path.exists() || !expected_path.exists() {
        eprintln!("skipping: tests/fixtures/seed/index.html + expected.json not present yet");
        return;
    }
    let (doc, tags) = analyze(&html_path);
    let expected: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&expected_path).expect("expected.json"))
            .expect("expected.json parses");
    let items = expected
        .get("clutter")
        .and_then(|c| c.as_array())
        .or_else(|| expected.as_array())
        .cloned()
        .unwrap_or_default();
    assert!(!items.is_empty(), "expected.json lists the seed's clutter");
    for item in &items {
        let category = item
            .get("category")
            .and_then(|c| c.as_str())
            .and_then(|c| ClutterCategory::ALL.into_iter().find(|k| k.as_str() == c))
            .expect("expected item has a category");
        let element = if let Some(sel) = item.get("selector").and_then(|s| s.as_str()) {
            select(&doc, sel).into_iter().next()
        } else {
            item.get("path").and_then(|p| p.as_array()).and_then(|p| {
                let path: Vec<u32> = p
                    .iter()
                    .filter_map(|i| i.as_u64())
                    .map(|i| i as u32)
                    .collect();
                dom::element_at(&doc, &path)
            })
        };
        let element = element.unwrap_or_else(|| panic!("expected element resolves: {item}"));
        assert!(
            finds(&doc, &tags, category, element),
            "seed: {} not tagged: {}",
            category.as_str(),
            dom::visible_text(*element)
                .chars()
                .take(120)
                .collect::<String>()
        );
    }
    // Kept elements (navigation, title, article...) are neither tagged nor inside a tag.
    for keep in expected
        .get("keep")
        .and_then(|k| k.as_array())
        .into_iter()
        .flatten()
    {
        let Some(sel) = keep.get("selector").and_then(|s| s.as_str()) else {
            continue;
        };
        for el in select(&doc, sel) {
            for t in &tags {
                let tagged = dom::element_at(&doc, &t.path).expect("path");
                assert!(
                    tagged.id() != el.id() && !el.ancestors().any(|a| a.id() == tagged.id()),
                    "seed: kept element {sel} is hidden by a {} tag ({})",
                    t.category.as_str(),
                    t.reason
                );
            }
        }
    }
    let paragraphs: Vec<&str> = expected
        .get("paragraphs")
        .and_then(|a| a.as_array())
        .into_iter()
        .flatten()
        .filter_map(|p| p.as_str())
        .collect();
    assert!(
        !paragraphs.is_empty(),
        "expected.json lists the article paragraphs"
    );
    for t in &tags {
        let text = dom::visible_text(*dom::element_at(&doc, &t.path).expect("path"));
        for p in &paragraphs {
            assert!(
                !text.contains(p),
                "seed: tag {} hides article text {p}",
                t.reason
            );
        }
    }
}

/// Newsletter shapes without a classic form: heading and button links to a signup page or a
/// Mailchimp link, a promo's parts as siblings, a bare text field in a box named for newsletters,
/// a form with a long country list, a topic form found in parts, a privacy notice, an
/// OptinMonster holder, a form in a menu; a footer column, a bare "Newsletter" link, MailMunch's
/// empty slots and a headline stay untagged.
#[test]
fn signup_links_and_widget_parts_fixture() {
    check_donation_and_newsletter_fixture("clutter/signup-links-and-parts.html");
}

/// An `<audio>` element with fallback text beside a listen widget (es), a banner that is one link
/// to a donation page inside a header of links, an ad-blocker ask and a paywall snackbar with
/// support framing and a monthly price; a menu panel of buttons with one donation link, a
/// generic audio box in or beside a radio segment's wording and a header whose headline carries a TTS class stay
/// untagged.
#[test]
fn audio_elements_and_banner_asks_fixture() {
    check_donation_and_newsletter_fixture("clutter/audio-elements-and-banners.html");
}

/// An `<audio>` player titled with the article's headline (its audio edition), and a footer
/// menu's sentence-long link appealing with two kinds of donation wording; an article header
/// holding the headline and a sound clip, another programme's player, a headline about donations
/// in a list of stories and a short "Spenden" menu item stay untagged.
#[test]
fn titled_players_and_menu_appeals_fixture() {
    check_donation_and_newsletter_fixture("clutter/titled-players-and-nav-appeals.html");
}

/// A row of donation amounts and a short tax-deductible ask with its button are tagged; a footer
/// column whose one membership link sits among other links under a short heading, and a long
/// tax-exemption note with a "More" link to the donation page, stay untagged; a sentence calling to
/// sign up is tagged, a footer row of links with "Subscribe" and "Newsletter" items is not.
#[test]
fn list_items_and_donation_notes_fixture() {
    check_donation_and_newsletter_fixture("clutter/list-items-and-notes.html");
}

/// Markers and listen words inside longer words or sentences: an author "contributor", a
/// "massachusetts-news" category class, a "google-play.html" link, "automated voicemails", a heading
/// and a link in a sentence that say "écouter" and "vorlesen" all stay untagged; the article's real
/// audio player is tagged.
#[test]
fn words_inside_other_words_fixture() {
    check_donation_and_newsletter_fixture("clutter/words-inside-words.html");
}

/// A story header holding the headline (`<h1>`) and a donate button is not tagged: hiding it would
/// hide the headline.
#[test]
fn headline_header_fixture() {
    check_donation_and_newsletter_fixture("clutter/headline-header.html");
}

/// A comment form's "join the discussion via email" opt-in is the comment form's, not a newsletter
/// signup; the newsletter box beside it is tagged.
#[test]
fn comment_form_fixture() {
    check_donation_and_newsletter_fixture("clutter/comment-form.html");
}
