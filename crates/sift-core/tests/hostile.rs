//! Hostile and pathological pages, generated at test time: each gets a result or a clear error,
//! within a time bound, and never a panic. Results are checked against the schema's invariants (every
//! span inside the article text, every clutter path resolving to an element of its tag).
//!
//! The limits are in `sift_core::limits` and `docs/hardening.md`; measured times and peak memory for
//! these pages (release build) are there too. The heavy pages run one at a time (see [`heavy`]).

use std::sync::mpsc;
use std::sync::Mutex;
use std::time::{Duration, Instant};

#[path = "../../../fuzz/fuzz_targets/check.rs"]
mod check;

use sift_core::{analyze_html, analyze_text, limits, Analysis, Options, SiftError};

/// Time allowed for one analysis in these tests: generous (debug build, shared machine), only there
/// to turn a hang or a quadratic blow-up into a failure instead of a stuck test run.
const HANG_BOUND: Duration = Duration::from_secs(240);

/// Serialises the tests that build large inputs, so their memory does not add up.
static HEAVY: Mutex<()> = Mutex::new(());

/// Runs `f` while holding the heavy-test lock (a poisoned lock is fine: that test already failed).
fn heavy<T>(f: impl FnOnce() -> T) -> T {
    let _guard = HEAVY
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    f()
}

/// Analyses `html` on another thread; fails the test if it takes longer than [`HANG_BOUND`] or
/// panics. Checks the result's invariants and prints the time taken.
fn analyze_bounded(name: &str, html: String) -> Result<Analysis, SiftError> {
    let (tx, rx) = mpsc::channel();
    let bytes = html.len();
    let start = Instant::now();
    let worker = std::thread::spawn(move || {
        let result = analyze_html(&html, &Options::default());
        if let Ok(analysis) = &result {
            check_invariants(&html, analysis);
        }
        let _ = tx.send(result);
    });
    match rx.recv_timeout(HANG_BOUND) {
        Ok(result) => {
            let _ = worker.join();
            eprintln!(
                "{name}: {bytes} bytes in {:.0} ms -> {}",
                start.elapsed().as_secs_f64() * 1000.0,
                match &result {
                    Ok(a) => format!(
                        "ok ({} chars of article, {} clutter tags)",
                        a.article.as_ref().map_or(0, |a| a.text.chars().count()),
                        a.clutter.len()
                    ),
                    Err(e) => format!("error: {e}"),
                }
            );
            result
        }
        Err(mpsc::RecvTimeoutError::Disconnected) => {
            let panic = worker.join().err();
            panic!("{name}: the analysis panicked: {panic:?}")
        }
        Err(mpsc::RecvTimeoutError::Timeout) => {
            panic!("{name}: no result within {HANG_BOUND:?} (hang or quadratic work)")
        }
    }
}

/// The schema's invariants: those every fuzz target checks (the analysis serialises, spans lie inside
/// the article text), and clutter paths resolve to their tag.
fn check_invariants(html: &str, analysis: &Analysis) {
    check::check(analysis);
    if analysis.clutter.is_empty() {
        return;
    }
    let doc = limits::parse_document(html).expect("the page parsed once already");
    for tag in &analysis.clutter {
        let el = sift_core::dom::element_at(&doc, &tag.path);
        assert_eq!(
            el.map(|e| e.value().name().to_string()),
            Some(tag.tag.clone()),
            "clutter path {:?} does not resolve to a <{}>",
            tag.path,
            tag.tag
        );
    }
}

/// One paragraph of plausible news prose with a quote, numbers and a date, `i` making it unique.
fn news_paragraph(i: usize) -> String {
    format!(
        "The city council approved {i} new housing units on Tuesday, officials said. \
         \"We expect construction to start in March {y},\" said Maria Lopez, the council's \
         housing director, adding that the plan would cost $ {m} million. Critics argued the \
         budget of {p} percent was too small for a city of 2.4 million people.",
        y = 2000 + i % 30,
        m = 10 + i % 90,
        p = 1 + i % 9
    )
}

/// A news page with `paragraphs` paragraphs and a newsletter form, wrapped in ordinary chrome.
fn news_page(paragraphs: usize) -> String {
    let mut html = String::from(
        "<!doctype html><html lang=en><head><meta charset=utf-8><title>Council approves housing</title>\
         <meta property='og:title' content='Council approves housing'></head><body>\
         <header><nav><a href=/>Home</a> <a href=/news>News</a></nav></header><main><article>\
         <h1>Council approves housing</h1>",
    );
    for i in 0..paragraphs {
        html.push_str("<p>");
        html.push_str(&news_paragraph(i));
        html.push_str("</p>\n");
    }
    html.push_str(
        "</article><aside><form action=/subscribe><h3>Get our newsletter</h3>\
         <input type=email placeholder='Enter your email'><button>Subscribe</button></form></aside>\
         </main><footer>© News</footer></body></html>",
    );
    html
}

/// A deterministic stream of pseudo-random bytes (xorshift), for garbage inputs.
fn garbage(len: usize, seed: u64) -> Vec<u8> {
    let mut x = seed.max(1);
    (0..len)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            (x >> 24) as u8
        })
        .collect()
}

// --- empty and tiny inputs ---------------------------------------------------------------------

#[test]
fn empty_and_whitespace_only_input_is_a_clear_error() {
    for input in ["", " ", "\n\t\r\n  ", "\u{3000}\u{a0}"] {
        let html = analyze_html(input, &Options::default());
        let text = analyze_text(input, &Options::default());
        assert!(
            matches!(html, Err(SiftError::Empty)),
            "{input:?} as HTML: {html:?}"
        );
        assert!(
            matches!(text, Err(SiftError::Empty)),
            "{input:?} as text: {text:?}"
        );
    }
}

#[test]
fn tiny_and_odd_documents_give_a_result() {
    let pages = [
        "<",
        "<>",
        "</",
        "<!",
        "<!--",
        "<![CDATA[",
        "<?xml version='1.0'?>",
        "<html>",
        "</html></body></head>",
        "<!doctype html>",
        "<script>",
        "<style>",
        "<plaintext><p>not a tag",
        "<textarea>",
        "<table><td>cell",
        "<select><option>a<option>b",
        "<math><mi>x</mi></math>",
        "<svg><foreignObject><p>inside</p></foreignObject></svg>",
        "&#x110000;&#0;&#xD800;&amp",
        "<a href='\u{0}'>\u{0}</a>",
    ];
    for page in pages {
        let result = analyze_bounded(&format!("tiny {page:?}"), page.to_string());
        assert!(
            !matches!(
                result,
                Err(SiftError::TooDeep { .. }
                    | SiftError::TooComplex { .. }
                    | SiftError::TooManyNodes { .. }
                    | SiftError::TooLarge { .. })
            ),
            "{page:?}: {result:?}"
        );
    }
}

// --- structure ---------------------------------------------------------------------------------

#[test]
fn hundred_thousand_deep_nesting_is_refused_quickly() {
    heavy(|| {
        for tag in ["div", "span", "b", "blockquote"] {
            let html = format!(
                "<p>{}</p>{}deep{}",
                news_paragraph(0),
                format!("<{tag}>").repeat(100_000),
                format!("</{tag}>").repeat(100_000)
            );
            let result = analyze_bounded(&format!("100,000 nested <{tag}>"), html);
            assert!(
                matches!(result, Err(SiftError::TooDeep { limit }) if limit == limits::MAX_PARSE_DEPTH),
                "<{tag}>: {result:?}"
            );
        }
        let tables = "<table><tr><td>".repeat(40_000);
        let result = analyze_bounded("40,000 nested tables", tables);
        assert!(
            matches!(result, Err(SiftError::TooDeep { .. })),
            "{result:?}"
        );
    });
}

#[test]
fn nesting_past_the_analysed_depth_keeps_the_article_above_it() {
    heavy(|| {
        let depth = limits::MAX_DEPTH + 400;
        let mut html = news_page(8);
        let deep = format!(
            "{}<form><input type=email>subscribe</form>{}",
            "<div>".repeat(depth),
            "</div>".repeat(depth)
        );
        html = html.replace("</main>", &format!("{deep}</main>"));
        let analysis = analyze_bounded("article beside 912-deep nesting", html).expect("a result");
        let article = analysis.article.expect("the article is still found");
        assert!(article.text.contains("Maria Lopez"), "{}", article.text);
        for tag in &analysis.clutter {
            assert!(tag.path.len() < limits::MAX_DEPTH, "{:?}", tag.path);
        }
    });
}

#[test]
fn article_nested_four_hundred_deep_is_still_found() {
    let depth = 400;
    let html = format!(
        "<html><body>{}<article><h1>Deep</h1>{}</article>{}</body></html>",
        "<div>".repeat(depth),
        (0..6)
            .map(|i| format!("<p>{}</p>", news_paragraph(i)))
            .collect::<String>(),
        "</div>".repeat(depth)
    );
    let analysis = analyze_bounded("article at depth 400", html).expect("a result");
    assert!(
        analysis
            .article
            .as_ref()
            .is_some_and(|a| a.text.contains("Maria Lopez")),
        "{:?}",
        analysis.not_article_reason
    );
}

#[test]
fn millions_of_tiny_elements_are_bounded() {
    heavy(|| {
        // One million empty elements: within the node limit, so analysed.
        let html = format!(
            "<p>{}</p>{}",
            news_paragraph(1),
            "<span></span>".repeat(1_000_000)
        );
        let result = analyze_bounded("1,000,000 empty <span>", html);
        assert!(result.is_ok(), "{result:?}");
        // Three million: refused by the node limit, before the tree grows further.
        let html = "<i></i>".repeat(3_000_000);
        let result = analyze_bounded("3,000,000 empty <i>", html);
        assert!(
            matches!(result, Err(SiftError::TooManyNodes { limit }) if limit == limits::MAX_NODES),
            "{result:?}"
        );
    });
}

#[test]
fn many_audio_players_in_one_box_are_bounded() {
    heavy(|| {
        // Catches a walk of the players' shared box per player (quadratic: players × box size):
        // 200,000 text-less players in one box, under a headline the box does not hold.
        let html = format!(
            "<title>Council adopts the transport budget - Gazette</title><h1>Council adopts the \
             transport budget</h1><p>{}</p><div class=players>{}</div>",
            news_paragraph(1),
            "<audio src=a.mp3></audio>".repeat(200_000)
        );
        let result = analyze_bounded("200,000 <audio> in one box", html);
        assert!(result.is_ok(), "{result:?}");
    });
}

#[test]
#[cfg_attr(
    debug_assertions,
    ignore = "tens of megabytes take minutes in a debug build: cargo test --release -p sift-core --test hostile"
)]
fn many_small_paragraphs_each_in_its_own_container() {
    heavy(|| {
        // Catches per-paragraph scans of all candidates (quadratic in the number of containers).
        let mut html = String::from("<html><body>");
        for i in 0..100_000 {
            html.push_str(&format!(
                "<div class=c{i}><p>Item {i} is here. It has words.</p></div>"
            ));
        }
        html.push_str("</body></html>");
        let result = analyze_bounded("100,000 <div><p> pairs", html);
        assert!(result.is_ok(), "{result:?}");
    });
}

#[test]
fn misnested_formatting_that_multiplies_elements_is_refused() {
    heavy(|| {
        let mut html = String::from("<p>");
        for i in 0..450 {
            html.push_str(&format!("<b id=b{i}><i class=i{i}>"));
        }
        html.push_str("</p>");
        html.push_str(&"<p>x</p>".repeat(3000));
        let result = analyze_bounded("900 formatting elements reopened 3,000 times", html);
        assert!(
            matches!(result, Err(SiftError::TooManyNodes { .. })),
            "{result:?}"
        );
    });
}

#[test]
fn hostile_fragments_meet_the_same_limits_as_pages() {
    heavy(|| {
        // Late clutter: the extension hands over added subtrees, which a page controls entirely.
        let deep = "<div>".repeat(100_000);
        assert_eq!(
            sift_core::analyze_fragment(&deep).err(),
            Some(SiftError::TooDeep {
                limit: limits::MAX_PARSE_DEPTH
            })
        );
        let mut misnested = String::from("<p>");
        for i in 0..900 {
            misnested.push_str(&format!("<b id=b{i}>"));
        }
        misnested.push_str("</p>");
        misnested.push_str(&"<p>x</p>".repeat(3000));
        assert!(matches!(
            sift_core::analyze_fragment(&misnested),
            Err(SiftError::TooManyNodes { .. })
        ));
        let attributes: String = (0..20_000).map(|i| format!(" a{i}=v")).collect();
        assert!(matches!(
            sift_core::analyze_fragment(&format!("<div{attributes}>")),
            Err(SiftError::TooComplex { .. })
        ));
        // Nested just within the limits: a result, with the deep part cut.
        let nested = format!(
            "{}<form><input type=email><button>Subscribe</button></form>",
            "<div>".repeat(limits::MAX_DEPTH + 100)
        );
        assert!(sift_core::analyze_fragment(&nested).is_ok());
    });
}

#[test]
fn pages_without_body_and_framesets_give_a_result_without_an_article() {
    let pages = [
        (
            "head only",
            "<html><head><title>t</title><meta name=author content=x></head></html>",
        ),
        ("frameset", "<html><head><title>Frames</title></head><frameset cols='50%,50%'><frame src=a.html><frame src=b.html><noframes><p>No frames.</p></noframes></frameset></html>"),
        ("nested framesets", &"<frameset>".repeat(800)),
        ("comment only", "<!-- nothing here -->"),
        ("doctype only", "<!DOCTYPE html PUBLIC \"-//W3C//DTD HTML 4.01//EN\">"),
    ];
    for (name, page) in pages {
        let analysis = analyze_bounded(name, page.to_string()).expect("a result");
        assert!(analysis.article.is_none(), "{name}: {:?}", analysis.article);
        assert!(analysis.not_article_reason.is_some(), "{name}");
    }
}

#[test]
fn a_page_that_is_not_an_article_says_so() {
    let mut html = String::from("<html><body><nav><ul>");
    for i in 0..2000 {
        html.push_str(&format!("<li><a href=/item/{i}>Item {i}</a></li>"));
    }
    html.push_str(
        "</ul></nav><form><input type=search><button>Search</button></form></body></html>",
    );
    let analysis = analyze_bounded("link directory", html).expect("a result");
    assert!(
        analysis.article.is_none(),
        "{:?}",
        analysis.article.map(|a| a.text.len())
    );
    assert!(analysis.not_article_reason.is_some());
}

#[test]
fn svg_and_mathml_heavy_pages() {
    heavy(|| {
        let mut html = String::from("<html><body><article><h1>Charts</h1>");
        for i in 0..4 {
            html.push_str(&format!("<p>{}</p>", news_paragraph(i)));
        }
        html.push_str("<svg viewBox='0 0 100 100'>");
        for i in 0..100_000 {
            html.push_str(&format!(
                "<g><path d='M{i} 0L{i} 100'/><text x='{i}'>t{i}</text></g>"
            ));
        }
        html.push_str("</svg><math>");
        for i in 0..20_000 {
            html.push_str(&format!(
                "<mrow><msup><mi>x</mi><mn>{i}</mn></msup><mo>+</mo><mtext><p>p</p></mtext></mrow>"
            ));
        }
        html.push_str("</math></article></body></html>");
        let analysis =
            analyze_bounded("100,000 SVG groups + 20,000 MathML rows", html).expect("a result");
        assert!(analysis
            .article
            .is_some_and(|a| a.text.contains("Maria Lopez")));
    });
}

#[test]
fn templates_scripts_and_raw_text_at_scale() {
    heavy(|| {
        let mut html = news_page(5);
        let junk = format!(
            "<template>{}</template><script>{}</script><style>{}</style><noscript>{}</noscript>",
            "<p>in template</p>".repeat(50_000),
            "if (a < b && c > d) { document.write('<p>'); }\n".repeat(50_000),
            "p > a { color: red }\n".repeat(50_000),
            "<p>no script</p>".repeat(50_000)
        );
        html = html.replace("<body>", &format!("<body>{junk}"));
        let analysis = analyze_bounded("templates, scripts and styles of 2.5 MB each", html)
            .expect("a result");
        let text = analysis.article.map(|a| a.text).unwrap_or_default();
        assert!(text.contains("Maria Lopez"));
        assert!(
            !text.contains("document.write"),
            "script text leaked into the article"
        );
    });
}

// --- size --------------------------------------------------------------------------------------

#[test]
#[cfg_attr(
    debug_assertions,
    ignore = "tens of megabytes take minutes in a debug build: cargo test --release -p sift-core --test hostile"
)]
fn fifty_megabyte_article_page_is_analysed() {
    heavy(|| {
        let mut html = news_page(0);
        let mut body = String::with_capacity(50 * 1024 * 1024 + 4096);
        let mut i = 0;
        while body.len() < 50 * 1024 * 1024 {
            body.push_str("<p>");
            body.push_str(&news_paragraph(i));
            body.push_str("</p>\n");
            i += 1;
        }
        html = html.replace(
            "<h1>Council approves housing</h1>",
            &format!("<h1>Council approves housing</h1>{body}"),
        );
        drop(body);
        assert!(html.len() > 50 * 1024 * 1024 && html.len() <= limits::MAX_INPUT_BYTES);
        let analysis = analyze_bounded("50 MB article page", html).expect("a result");
        let article = analysis.article.expect("an article");
        assert!(
            article.paragraphs.len() >= i / 2,
            "{} of {i} paragraphs",
            article.paragraphs.len()
        );
    });
}

#[test]
fn input_over_the_size_limit_is_refused_before_parsing() {
    heavy(|| {
        let html = "<p>a</p>".repeat(limits::MAX_INPUT_BYTES / 8 + 1);
        let start = Instant::now();
        let result = analyze_html(&html, &Options::default());
        assert_eq!(
            result.err(),
            Some(SiftError::TooLarge {
                size: html.len(),
                limit: limits::MAX_INPUT_BYTES
            })
        );
        // Refused by a length check, not after parsing 64 MB.
        assert!(start.elapsed() < Duration::from_secs(5));
        let text = analyze_text(&html, &Options::default());
        assert!(matches!(text, Err(SiftError::TooLarge { .. })));
    });
}

#[test]
#[cfg_attr(
    debug_assertions,
    ignore = "tens of megabytes take minutes in a debug build: cargo test --release -p sift-core --test hostile"
)]
fn huge_attributes_and_text_nodes() {
    heavy(|| {
        let big_attr = "x".repeat(20 * 1024 * 1024);
        let html = format!(
            "<div data-x='{big_attr}' class='{cls}'>{}</div>",
            (0..5)
                .map(|i| format!("<p>{}</p>", news_paragraph(i)))
                .collect::<String>(),
            cls = "c ".repeat(1_000_000)
        );
        drop(big_attr);
        let analysis =
            analyze_bounded("20 MB attribute + 1,000,000 classes", html).expect("a result");
        assert!(analysis.article.is_some());

        // The tokenizer's duplicate check makes a tag's attributes cost their count squared.
        let many_attrs: String = (0..200_000).map(|i| format!(" a{i}=v")).collect();
        let html = format!("<div{many_attrs}><p>{}</p></div>", news_paragraph(0));
        let result = analyze_bounded("200,000 attributes on one element", html);
        assert!(
            matches!(result, Err(SiftError::TooComplex { .. })),
            "{result:?}"
        );
        let some_attrs: String = (0..5_000).map(|i| format!(" a{i}=v")).collect();
        let html = format!("<div{some_attrs}><p>{}</p></div>", news_paragraph(0));
        assert!(analyze_bounded("5,000 attributes on one element", html).is_ok());

        let sentence = news_paragraph(7);
        let text = sentence.repeat(20 * 1024 * 1024 / sentence.len());
        let html = format!("<article><p>{text}</p></article>");
        let analysis = analyze_bounded("20 MB text node of sentences", html).expect("a result");
        assert!(!analysis.summary.is_empty());

        let html = format!("<p>{}</p>", "a".repeat(20 * 1024 * 1024));
        assert!(analyze_bounded("20 MB word without spaces", html).is_ok());

        let html = format!("<p>{}</p>", "\u{0301}é\u{200d}👩‍👩‍👧".repeat(1024 * 1024));
        assert!(analyze_bounded("combining marks and ZWJ emoji, 17 MB", html).is_ok());
    });
}

#[test]
#[cfg_attr(
    debug_assertions,
    ignore = "tens of megabytes take minutes in a debug build: cargo test --release -p sift-core --test hostile"
)]
fn huge_plain_text_input() {
    heavy(|| {
        let mut text = String::new();
        let mut i = 0;
        while text.len() < 20 * 1024 * 1024 {
            text.push_str(&news_paragraph(i));
            text.push('\n');
            i += 1;
        }
        let start = Instant::now();
        let analysis = analyze_text(&text, &Options::default()).expect("a result");
        eprintln!(
            "20 MB plain text: {:.0} ms",
            start.elapsed().as_secs_f64() * 1000.0
        );
        let chars = text.chars().count();
        for s in &analysis.summary {
            assert!(s.span[0] <= s.span[1] && s.span[1] <= chars);
        }
        let one_line = "word ".repeat(4 * 1024 * 1024);
        assert!(analyze_text(&one_line, &Options::default()).is_ok());
        let newlines = "\n.\n".repeat(4 * 1024 * 1024);
        assert!(analyze_text(&newlines, &Options::default()).is_ok());
    });
}

// --- encodings and garbage ---------------------------------------------------------------------

/// Decodes `bytes` as the CLI does and analyses them as a page.
fn decode_and_analyze(name: &str, bytes: &[u8]) -> Result<Analysis, SiftError> {
    let text = sift_core::decode(bytes)?;
    analyze_bounded(name, text)
}

#[test]
fn odd_encodings_are_decoded() {
    let page = news_page(4).replace("Maria Lopez", "Марія Лопес");
    // UTF-16 with a BOM, both byte orders.
    let mut le = vec![0xFF, 0xFE];
    let mut be = vec![0xFE, 0xFF];
    for unit in page.encode_utf16() {
        le.extend_from_slice(&unit.to_le_bytes());
        be.extend_from_slice(&unit.to_be_bytes());
    }
    for (name, bytes) in [("UTF-16LE with BOM", le), ("UTF-16BE with BOM", be)] {
        let analysis = decode_and_analyze(name, &bytes).expect("a result");
        assert!(
            analysis
                .article
                .is_some_and(|a| a.text.contains("Марія Лопес")),
            "{name}"
        );
    }
    // UTF-8 with a BOM.
    let mut bom = vec![0xEF, 0xBB, 0xBF];
    bom.extend_from_slice(page.as_bytes());
    assert!(decode_and_analyze("UTF-8 with BOM", &bom)
        .expect("a result")
        .article
        .is_some_and(|a| a.text.contains("Марія Лопес")));

    // windows-1251 declared by <meta charset>: "Київ" is CA E8 BF E2.
    let mut cp1251 = b"<meta charset=windows-1251><title>t</title><p>".to_vec();
    cp1251.extend_from_slice(&[0xCA, 0xE8, 0xBF, 0xE2]);
    cp1251.extend_from_slice(b"</p>");
    assert!(sift_core::decode(&cp1251)
        .expect("decoded")
        .contains("Київ"));
    assert!(decode_and_analyze("windows-1251", &cp1251).is_ok());

    // Shift_JIS declared by http-equiv: "日本語" is 93 FA 96 7B 8C EA.
    let mut sjis =
        b"<meta http-equiv='Content-Type' content='text/html; charset=Shift_JIS'><p>".to_vec();
    sjis.extend_from_slice(&[0x93, 0xFA, 0x96, 0x7B, 0x8C, 0xEA]);
    sjis.extend_from_slice(b"</p>");
    assert!(sift_core::decode(&sjis)
        .expect("decoded")
        .contains("日本語"));
    assert!(decode_and_analyze("Shift_JIS", &sjis).is_ok());
}

#[test]
fn mislabeled_charsets_still_give_a_result() {
    // Declares windows-1251 but is UTF-8: mojibake, but a result.
    let utf8 = format!(
        "<meta charset=windows-1251>{}",
        news_page(4).replace("Maria", "Марія")
    );
    assert!(decode_and_analyze("UTF-8 labelled windows-1251", utf8.as_bytes()).is_ok());
    // Declares UTF-8 but holds windows-1252 bytes (é = E9): invalid UTF-8, read as windows-1252.
    let mut latin = b"<meta charset=utf-8><p>caf".to_vec();
    latin.push(0xE9);
    latin.extend_from_slice(b"</p>");
    assert!(sift_core::decode(&latin).expect("decoded").contains("café"));
    // Declares UTF-16 in a <meta> while the bytes are ASCII: browsers read such pages as UTF-8
    // (the HTML standard's prescan turns UTF-16 labels into UTF-8), and so must we.
    let page = format!("<meta charset=utf-16>{}", news_page(4));
    let analysis = decode_and_analyze("ASCII labelled UTF-16", page.as_bytes()).expect("a result");
    assert!(analysis
        .article
        .is_some_and(|a| a.text.contains("Maria Lopez")));
    // Unknown and empty labels fall back to UTF-8.
    for label in ["klingon", "", "\"", "'utf-8", "x-user-defined"] {
        let page = format!("<meta charset={label}>{}", news_page(4));
        assert!(
            decode_and_analyze(&format!("charset={label}"), page.as_bytes()).is_ok(),
            "{label}"
        );
    }
}

#[test]
fn invalid_utf8_sequences_give_a_result() {
    let mut bytes = news_page(6).into_bytes();
    // Overlong encodings, lone continuation bytes, surrogates, truncated sequences, 0xFF.
    let bad: &[&[u8]] = &[
        &[0xC0, 0xAF],
        &[0x80],
        &[0xED, 0xA0, 0x80],
        &[0xF0, 0x9F],
        &[0xFF, 0xFE, 0xFD],
        &[0xF4, 0x90, 0x80, 0x80],
    ];
    let mut at = 300;
    for seq in bad.iter().cycle().take(60) {
        if at >= bytes.len() {
            break;
        }
        bytes.splice(at..at, seq.iter().copied());
        at += 97;
    }
    assert!(std::str::from_utf8(&bytes).is_err());
    let analysis =
        decode_and_analyze("invalid UTF-8 sprinkled in a page", &bytes).expect("a result");
    assert!(analysis.article.is_some());
    // Cut in the middle of a multi-byte char.
    let cut = "<p>Київ Київ Київ</p>".as_bytes();
    assert!(decode_and_analyze("cut mid-char", &cut[..cut.len() - 6]).is_ok());
}

#[test]
fn binary_garbage_is_refused_or_analysed_but_never_panics() {
    heavy(|| {
        let mut png = vec![0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A];
        png.extend(garbage(1024 * 1024, 7));
        assert_eq!(
            decode_and_analyze("1 MB PNG-like", &png).err(),
            Some(SiftError::NotText)
        );
        let zeros = vec![0u8; 1024 * 1024];
        assert_eq!(
            decode_and_analyze("1 MB of NUL", &zeros).err(),
            Some(SiftError::NotText)
        );
        for seed in 1..=16u64 {
            let bytes = garbage(64 * 1024, seed);
            let _ = decode_and_analyze(&format!("garbage seed {seed}"), &bytes);
        }
        // Garbage with a UTF-16 BOM: decodes to arbitrary code units, lone surrogates included.
        let mut utf16 = vec![0xFF, 0xFE];
        utf16.extend(garbage(256 * 1024, 99));
        let _ = decode_and_analyze("UTF-16 garbage", &utf16);
        // Markup-shaped garbage: random tags, attributes and entities.
        let pieces = [
            "<div",
            "<p>",
            "</p",
            ">",
            "<b>",
            "</i>",
            "<table",
            "<td>",
            "&amp;",
            "&#",
            "=\"",
            "'",
            "<!--",
            "-->",
            "<svg",
            "<math",
            "<form",
            "<input type=email",
            " subscribe ",
            "said",
            "\"",
            ". ",
            "\n",
        ];
        let noise = garbage(400_000, 3);
        let markup: String = noise
            .iter()
            .map(|&b| pieces[b as usize % pieces.len()])
            .collect();
        let _ = analyze_bounded("400,000 random markup pieces", markup);
    });
}

/// Writes the large pathological pages to `$SIFT_HOSTILE_DIR` for measuring time and peak memory of
/// the release CLI (`/usr/bin/time -v sift analyze FILE`; see docs/hardening.md).
#[test]
#[ignore = "a tool, not a test: writes pages for measurement when SIFT_HOSTILE_DIR is set"]
fn write_hostile_pages() {
    let Some(dir) = std::env::var_os("SIFT_HOSTILE_DIR").map(std::path::PathBuf::from) else {
        eprintln!("set SIFT_HOSTILE_DIR to write the pages");
        return;
    };
    std::fs::create_dir_all(&dir).expect("dir");
    let write = |name: &str, bytes: &[u8]| std::fs::write(dir.join(name), bytes).expect("write");
    let mut body = String::new();
    let mut i = 0;
    while body.len() < 50 * 1024 * 1024 {
        body.push_str(&format!("<p>{}</p>\n", news_paragraph(i)));
        i += 1;
    }
    write(
        "article-50mb.html",
        news_page(0)
            .replace("</h1>", &format!("</h1>{body}"))
            .as_bytes(),
    );
    drop(body);
    write("deep-div-100000.html", "<div>".repeat(100_000).as_bytes());
    write(
        "deep-div-900.html",
        format!("{}{}", news_page(6), "<div>".repeat(900)).as_bytes(),
    );
    write(
        "span-1000000.html",
        "<span></span>".repeat(1_000_000).as_bytes(),
    );
    write("i-3000000.html", "<i></i>".repeat(3_000_000).as_bytes());
    let pairs: String = (0..100_000)
        .map(|i| format!("<div class=c{i}><p>Item {i} is here. It has words.</p></div>"))
        .collect();
    write("div-p-100000.html", pairs.as_bytes());
    let text = news_paragraph(7).repeat(20 * 1024 * 1024 / news_paragraph(7).len());
    write(
        "text-node-20mb.html",
        format!("<article><p>{text}</p></article>").as_bytes(),
    );
    let attrs: String = (0..200_000).map(|i| format!(" a{i}=v")).collect();
    write(
        "attributes-200000.html",
        format!("<div{attrs}><p>x</p></div>").as_bytes(),
    );
    let mut fmt = String::from("<p>");
    (0..450).for_each(|i| fmt.push_str(&format!("<b id=b{i}><i class=i{i}>")));
    fmt.push_str("</p>");
    fmt.push_str(&"<p>x</p>".repeat(3000));
    write("formatting-reopened.html", fmt.as_bytes());
    let mut svg = String::from("<svg>");
    (0..300_000).for_each(|i| svg.push_str(&format!("<g><path d='M{i} 0'/><text>t{i}</text></g>")));
    write("svg-300000.html", svg.as_bytes());
    write("garbage-4mb.html", &garbage(4 * 1024 * 1024, 5));
}
