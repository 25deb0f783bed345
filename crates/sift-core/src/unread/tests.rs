use super::*;

/// Checks that leaving out the bodies of `html` changes its tree only by those bodies' text, and
/// that the parse of the pieces kept is the parse of them joined.
fn assert_same_tree(html: &str) {
    let page = prepare(html);
    let stripped = page.html();
    assert_eq!(
        tree_without_bodies(&stripped),
        tree_without_bodies(html),
        "input: {html:?}\nstripped: {stripped:?}"
    );
    assert_eq!(
        crate::lean_sink::difference_of_prepared(&page),
        None,
        "pieces of {html:?}"
    );
}

/// `html` with its unread bodies left out, checked against the parser.
fn stripped(html: &str) -> String {
    assert_same_tree(html);
    prepare(html).html().into_owned()
}

#[test]
fn leaves_out_script_style_and_noscript_bodies() {
    assert_eq!(
        stripped("<p>a</p><script>var x = '<p>';</script><style>p>a{}</style><noscript><img src=x></noscript><p>b</p>"),
        "<p>a</p><script></script><style></style><noscript></noscript><p>b</p>"
    );
}

#[test]
fn keeps_json_ld_and_borrows_when_nothing_goes() {
    let page = r#"<script type=" Application/LD+JSON ">{"@type":"NewsArticle"}</script><p>x</p>"#;
    assert!(matches!(prepare(page).html(), Cow::Borrowed(_)));
    assert_same_tree(page);
    // A character reference might spell JSON-LD: kept.
    let page = r#"<script type="application/ld&#43;json">{}</script>"#;
    assert!(matches!(prepare(page).html(), Cow::Borrowed(_)));
    // The first `type` counts, as in the parser.
    assert_eq!(
        stripped(r#"<script type="text/javascript" type="application/ld+json">x()</script>"#),
        r#"<script type="text/javascript" type="application/ld+json"></script>"#
    );
}

#[test]
fn follows_the_tokenizer_where_a_script_tag_is_not_one() {
    for page in [
        // In a comment, an attribute value, a title, a textarea: no script starts.
        "<!-- <script> --><p>kept</p><script>x</script>",
        "<div title='<script>'>kept</div><script>x</script>",
        "<div title=\"a>b<script>\">kept</div>",
        "<title><script>kept</script></title><script>x</script>",
        "<textarea><style>kept</style></textarea><style>x</style>",
        "<xmp><script>kept</xmp><p>kept</p>",
        // Comment endings the tokenizer accepts.
        "<!--><script>x</script><!---><script>y</script><!-- a --!><script>z</script>",
        "<!-- <!--> <script>x</script>",
        // Unquoted and odd attributes.
        "<div a=b>c data-x==\"><script>x</script>",
        "<div \"a=\"b\">\"><script>x</script>",
        "<div a = 'b>' c><script>x</script>",
        // Case and end tags with attributes.
        "<SCRIPT>x</SCRIPT ><p>kept</p><Style>y</sTyLe foo='>'><p>kept</p>",
        "<script>a</scripty>b</script><p>kept</p>",
        "<script/>x</script><p>kept</p>",
        // The end of input inside things.
        "<p>kept<script>never closed",
        "<p>kept<!-- never closed <script>x</script>",
        "<p>kept<div title='never closed",
        "<p>kept</",
    ] {
        assert_same_tree(page);
    }
}

#[test]
fn follows_script_data_escapes() {
    for page in [
        // `<!--` in a script: `</script>` still ends it, unless inside a nested `<script>`.
        "<script><!-- a </script><p>kept</p>",
        "<script><!-- <script> </script> b --> c</script><p>kept</p>",
        "<script><!-- <script> </script> --></script><p>kept</p>",
        "<script><!--> </script><p>kept</p>",
        "<script><!---> <script></script> x</script><p>kept</p>",
        "<script><!-- --> <script> </script><p>kept</p>",
        "<script><!-- <scripts> </script><p>kept</p>",
        "<script><!-- <script/x </script> - -> </script><p>kept</p><script>y</script>",
    ] {
        assert_same_tree(page);
    }
    assert_eq!(
        stripped("<script><!-- <script> </script> --></script><p>kept</p>"),
        "<script></script><p>kept</p>"
    );
}

#[test]
fn follows_svg_and_mathml() {
    for page in [
        // SVG styles and scripts are markup, not raw text.
        "<svg><style>.a>b{}</style><script><![CDATA[ if (a<b) {} ]]></script></svg><script>x</script>",
        "<svg><title>Icon <script>x</script></title></svg><script>y</script>",
        "<svg><title>Icon</title><path d='M0 0'/></svg><style>y</style>",
        "<svg><g><p>breaks out</p><script>x</script></g></svg>",
        "<div><svg><g></div><script>x</script>",
        "<math><mi><script>x</script></mi></math><script>y</script>",
        "<math><mtext>1</mtext></math><noscript>y</noscript>",
        "<svg/><script>x</script>",
        "<svg><svg></svg><script>x</script></svg><script>y</script>",
        "<svg><foreignObject><div><script>x</script></div></foreignObject></svg>",
        "<svg><![CDATA[ </svg> ]]><style>x</style></svg><style>y</style>",
        "<table><svg><tr><script>x</script></tr></svg></table><script>y</script>",
    ] {
        assert_same_tree(page);
    }
    assert_eq!(
        stripped("<svg><title>Icon</title><path d='M0 0'/></svg><style>y</style>"),
        "<svg><title>Icon</title><path d='M0 0'/></svg><style></style>"
    );
}

#[test]
fn leaves_out_the_body_of_an_svg_without_text() {
    // An icon's shapes go; the element stays with its attributes, so later paths keep their indices.
    assert_eq!(
        stripped(
            "<p>a<svg class=icon viewBox='0 0 9 9'>\n <g><path d='M0 0L9 9'/></g>\n</svg>b</p>"
        ),
        "<p>a<svg class=icon viewBox='0 0 9 9'></svg>b</p>"
    );
    assert_eq!(
        stripped("<svg><svg><circle r=1 /></svg><!-- c --></svg><p>x</p>"),
        "<svg></svg><p>x</p>"
    );
    // An SVG the input ends in, inside a tag: the rest is that tag's, and goes with the body.
    assert_eq!(
        stripped("<svg><g a='x><p><!-- c --></p><style>b</style>"),
        "<svg>"
    );
    // Text anywhere inside (a title, a label, CDATA, a stray `<`) keeps the whole body.
    for page in [
        "<svg><title>Share on Facebook</title><path d='M0 0'/></svg>",
        "<svg><g><text>3</text></g></svg>",
        "<svg><![CDATA[x]]></svg>",
        "<svg><g>< b</g></svg>",
    ] {
        assert_eq!(stripped(page), page);
    }
    // An SVG the scan stops in (an HTML tag breaks out of it) keeps its body too.
    let page = "<svg><path/><p>out</p></svg>";
    assert_eq!(stripped(page), page);
    // The left-out tags' attribute work is not counted: the parser never reads them.
    let many = format!("<path {}/>", "a=1 ".repeat(crate::limits::LONG_TAG_BYTES));
    assert_eq!(prepare(&format!("<svg>{many}</svg>")).attribute_work, 0);
    assert!(prepare(&format!("<svg><title>t</title>{many}</svg>")).attribute_work > 0);
}

#[test]
fn leaves_out_comments() {
    assert_eq!(
        stripped("<!-- a --><p>one<!-- two --></p>\n <!-- three -->\n<table><!--x--><tr><td>c</td></tr></table><!---->"),
        "<p>one</p>\n \n<table><tr><td>c</td></tr></table>"
    );
    // Kept where the text on its two sides would parse otherwise as one run: in a table, a
    // character reference, a split line break, a `<pre>`'s first newline; and between two texts.
    for page in [
        "<table>a<!--x--> <tr><td>c</td></tr></table>",
        "<table> <!--x--><!--y-->a<tr><td>c</td></tr></table>",
        "<table>a<!--x--></> <tr><td>c</td></tr></table>",
        "<table> <!--x--> </>a<tr><td>c</td></tr></table>",
        "<p>a&am<!--x-->p;b</p>",
        "<p>a\r<!--x-->\nb</p>",
        "<pre><!--x-->\nfoo</pre>",
        "<p>one<!--x-->two</p>",
    ] {
        assert!(stripped(page).contains("-->"), "{page:?}");
    }
    // Not comments: in a title, an attribute value, a textarea; a doctype stays.
    for page in [
        "<!DOCTYPE html><title><!-- t --></title>",
        "<div title='<!-- x -->'>a</div>",
        "<textarea><!-- x --></textarea>",
    ] {
        assert_eq!(stripped(page), page);
    }
}

#[test]
fn stops_where_it_stops_modelling() {
    for page in [
        "<frameset><script>x</script></frameset>",
        "<plaintext><script>x</script>",
        "<body><frameset></frameset><noframes><script></noframes><script>y</script>",
    ] {
        assert_same_tree(page);
    }
    assert_eq!(
        stripped("<style>a</style><plaintext><script>x</script>"),
        "<style></style><plaintext><script>x</script>"
    );
}

/// Markup generated from a table of tricky pieces: every sequence must keep its tree.
#[test]
fn generated_markup_keeps_its_tree() {
    const PIECES: &[&str] = &[
        "<script>",
        "</script>",
        "<script type=\"application/ld+json\">",
        "<SCRIPT >",
        "</script ",
        "<!--",
        "-->",
        "--!>",
        "<!-->",
        "<style>",
        "</style>",
        "<noscript>",
        "</noscript>",
        "<svg>",
        "</svg>",
        "<math>",
        "</math>",
        "<mi>",
        "</mi>",
        "<title>",
        "</title>",
        "<textarea>",
        "</textarea>",
        "<p>",
        "</p>",
        "<div class='<script>'>",
        "</div>",
        "<b>",
        "<![CDATA[",
        "]]>",
        "<!DOCTYPE html>",
        "<template>",
        "</template>",
        "<table>",
        "<tr>",
        "<path/>",
        "<g>",
        "</g>",
        "<foreignObject>",
        "<a href=x>",
        "</a>",
        "<iframe>",
        "</iframe>",
        "<select>",
        "<option>",
        "text",
        "<",
        ">",
        "\"",
        "'",
        "=",
        "/",
        " ",
        "-",
        "x<y",
        "<script/>",
        "<head>",
        "<body>",
        "<frameset>",
        "<plaintext>",
        "<!--c-->",
        "</>",
        "<pre>",
        "\r",
        "\n",
        "&amp;",
        "&am",
        "p;",
    ];
    check_generated(PIECES, 24, 4000);
}

/// Text around comments, generated from pieces that make the parser's text runs differ.
#[test]
fn generated_text_around_comments_keeps_its_tree() {
    const PIECES: &[&str] = &[
        "<!--c-->",
        "<!-->",
        "a",
        " ",
        "\r",
        "\n",
        "&am",
        "p;",
        "<pre>",
        "<listing>",
        "<table>",
        "<tr>",
        "<td>",
        "<select>",
        "</>",
        "<b>",
        "<",
        "<!doctype html>",
    ];
    check_generated(PIECES, 12, 4000);
}

/// Checks `count` pages, each up to `max_len` pieces drawn by a fixed pseudo-random sequence.
fn check_generated(pieces: &[&str], max_len: u64, count: usize) {
    let mut state = 0x2545_f491_4f6c_dd1d_u64;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    for _ in 0..count {
        let len = 1 + next() % max_len;
        let page: String = (0..len)
            .map(|_| pieces[(next() % pieces.len() as u64) as usize])
            .collect();
        assert_same_tree(&page);
    }
}

/// Every corpus page keeps its tree; skipped when `../shared` is absent.
#[test]
fn corpus_pages_keep_their_trees() {
    let paths = crate::test_corpus::page_paths();
    if paths.is_empty() {
        eprintln!("skipping: ../shared/corpora not found");
        return;
    }
    let (mut bytes, mut left) = (0usize, 0usize);
    for path in &paths {
        let Some(html) = std::fs::read(path)
            .ok()
            .and_then(|b| crate::decode(&b).ok())
        else {
            continue;
        };
        let stripped = prepare(&html).html();
        assert_eq!(
            tree_without_bodies(&stripped),
            tree_without_bodies(&html),
            "{}",
            path.display()
        );
        bytes += html.len();
        left += stripped.len();
    }
    // Not a target, a check that the scan does its job on real pages: about half goes.
    assert!(left * 10 < bytes * 7, "kept {left} of {bytes} bytes");
}

#[test]
fn counts_attribute_work_as_the_prescan_does() {
    use crate::limits::{attribute_work, LONG_TAG_BYTES};
    let long_value = "v".repeat(LONG_TAG_BYTES);
    let many: String = (0..60).map(|i| format!(" a{i}=x")).collect();
    for page in [
        "<p>x</p>".to_string(),
        format!("<div a=1 b='{long_value}' c d=\"e\">"),
        format!("<div{many}>"),
        format!("<script>var s = '<div{many}>';</script><p>x</p>"),
        format!("<!-- <div{many}> --><style>a{{}}</style><div{many}>"),
        // Past the point where the scan stops, the prescan's estimate counts.
        format!("<plaintext><div{many}>"),
    ] {
        assert_eq!(
            prepare(&page).attribute_work,
            attribute_work(page.as_bytes()),
            "{page}"
        );
    }
    assert!(prepare(&format!("<div{many}>")).attribute_work > 0);
}

/// Inputs the `unread` fuzz target once failed on (`fuzz/regressions/unread/`) keep their trees,
/// and their lean parse differs from scraper's only by whitespace.
#[test]
fn fuzz_regressions_keep_their_trees() {
    let dir =
        std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../fuzz/regressions/unread");
    let mut count = 0;
    for entry in std::fs::read_dir(&dir).expect("fuzz/regressions/unread") {
        let bytes =
            std::fs::read(entry.expect("directory entry").path()).expect("regression input");
        if let Ok(html) = std::str::from_utf8(&bytes) {
            assert_same_tree(html);
            // The target's second oracle: the lean parse of what is left.
            let lean = crate::lean_sink::difference_from_full_parse(&prepare(html).html());
            assert_eq!(lean, None, "{html:?}");
            let pieces = crate::lean_sink::difference_of_prepared(&prepare(html));
            assert_eq!(pieces, None, "pieces of {html:?}");
            count += 1;
        }
    }
    assert!(count > 0, "no inputs in {}", dir.display());
}

/// Nodes of `html` parsed as the analysis parses it, and the scan's count.
fn counted_and_parsed(html: &str) -> (Shape, usize) {
    let page = prepare(html);
    let doc = crate::limits::parse_prepared(&page).expect("parsed");
    (page.shape, doc.tree.nodes().count())
}

#[test]
fn counts_the_nodes_the_parse_builds() {
    let page = concat!(
        "<!DOCTYPE html><html><head><title>T</title>\n<style>p{}</style>\n",
        "<script type=\"application/ld+json\">{}</script><script>x()</script></head>\n",
        "<body>\n<!-- c --> <div>a <b>b</b> c</div>\n<svg><title>Icon</title>\n<use/>\n</svg>\n",
        "<math><mi>x</mi></math>\n<ul>\n<li>d</li>\n</ul>\n<p>e<br>\nf</p>\n",
        "<pre>\n<div>g</div>\n</pre>\n<textarea>h</textarea>\ntail"
    );
    let (shape, nodes) = counted_and_parsed(page);
    assert!(shape.nodes >= nodes, "{} < {nodes}", shape.nodes);
    assert!(
        shape.nodes <= nodes + crate::limits::IMPLIED_NODES + 4,
        "{} vs {nodes}",
        shape.nodes
    );
    assert!(shape.keeps_whitespace);
    // Where the scan stops modelling, the rest is counted lexically.
    let (shape, nodes) = counted_and_parsed(&format!("{page}<plaintext><p>i</p>\n<p>j</p>"));
    assert!(shape.nodes >= nodes, "{} < {nodes}", shape.nodes);
    let (shape, _) = counted_and_parsed("<p>no pre</p>");
    assert!(!shape.keeps_whitespace);
    // Without the margin for implied nodes, the markup's own count still covers what it makes: all
    // but the document, html, head and body.
    let own = |shape: Shape| shape.nodes - crate::limits::IMPLIED_NODES;
    let (shape, nodes) = counted_and_parsed("<svg><title>Icon</title>\n<use/>\n</svg>\n<p>k</p>");
    assert!(own(shape) + 4 >= nodes, "{} + 4 < {nodes}", own(shape));
}

#[test]
fn a_comment_before_a_byte_order_mark_stays() {
    // The parser drops a U+FEFF that starts a chunk; the piece after a comment left out would
    // start with it.
    let html = "<p>a</p><!-- c -->\u{feff}b<p>c</p><!-- d -->e";
    assert_eq!(stripped(html), "<p>a</p><!-- c -->\u{feff}b<p>c</p>e");
    let doc = crate::limits::parse_prepared(&prepare(html)).expect("parsed");
    assert!(crate::dom::visible_text(doc.tree.root()).contains("\u{feff}b"));
}

#[test]
fn the_page_is_kept_in_pieces_of_the_input() {
    let html = "<p>a</p><!-- c --><p>b</p><script>x()</script><svg><path/></svg><p>c</p>";
    let page = prepare(html);
    let pieces: Vec<&str> = page.pieces().collect();
    assert_eq!(
        pieces,
        [
            "<p>a</p>",
            "<p>b</p><script>",
            "</script><svg>",
            "</svg><p>c</p>"
        ]
    );
    // Each piece is a slice of the input, not a copy.
    let input = html.as_ptr() as usize..html.as_ptr() as usize + html.len();
    for piece in &pieces {
        assert!(input.contains(&(piece.as_ptr() as usize)), "{piece:?}");
    }
    assert_same_tree(html);
}

#[test]
fn blocks_cover_the_kept_pieces_at_char_boundaries() {
    // Cyrillic (two bytes a char), an emoji (four) and byte order marks next to cuts.
    let html =
        "<p>Привіт, світ 👋</p><!-- c -->\u{feff}\u{feff}б<script>x()</script><p>\u{feff}ї ї ї</p>";
    let page = prepare(html);
    let joined = page.html();
    for max in [1, 2, 3, 4, 5, 7, 16, 1024] {
        let blocks = page.blocks(max);
        let text: String = blocks.iter().map(|r| &html[r.clone()]).collect();
        assert_eq!(text, joined, "max {max}");
        for r in &blocks {
            let block = &html[r.clone()];
            let first = block.chars().next().expect("no empty block");
            assert_ne!(first, '\u{feff}', "max {max}: {block:?} starts with a BOM");
            // Longer than `max` only for one char, or for byte order marks kept with the block
            // before them.
            let core = block.trim_end_matches('\u{feff}');
            assert!(
                core.len() <= max || core.chars().count() == 1,
                "max {max}: {block:?}"
            );
        }
    }
}
