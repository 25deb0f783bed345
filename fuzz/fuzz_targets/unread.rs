//! Leaving out unread bodies (`sift_core::unread::prepare`) must change the parsed tree by those
//! bodies' text and nothing else, whatever the markup; and the analysis' lean parse of what is left
//! must differ from scraper's only by whitespace between blocks (`sift_core::lean_sink`), whether
//! it is parsed as one text or in the pieces kept, as the analysis parses it; and the page freed and
//! read again in blocks (`sift_core::limits::parse_reread`, as the wasm binding parses) must parse as
//! its pieces do.
#![no_main]

use libfuzzer_sys::fuzz_target;
use sift_core::lean_sink::{difference_from_full_parse, difference_of_prepared};
use sift_core::limits::{parse_prepared, parse_reread};
use sift_core::unread::{prepare, tree_without_bodies};

fuzz_target!(|data: &[u8]| {
    let Ok(html) = std::str::from_utf8(data) else {
        return;
    };
    let prepared = prepare(html);
    let stripped = prepared.html();
    assert_eq!(
        tree_without_bodies(&stripped),
        tree_without_bodies(html),
        "stripped: {stripped:?}"
    );
    assert_eq!(
        difference_from_full_parse(&stripped),
        None,
        "lean parse of {stripped:?}"
    );
    assert_eq!(
        difference_of_prepared(&prepared),
        None,
        "lean parse of the pieces of {stripped:?}"
    );
    // Blocks of 1 to 16 bytes, so that cuts fall everywhere.
    let block = 1 + usize::from(data.first().copied().unwrap_or(0) % 16);
    let read = |range: std::ops::Range<usize>| html.get(range).unwrap_or("\u{fffd}").to_owned();
    assert_eq!(
        parse_reread(html.to_owned(), block, read).map(|doc| doc.html()),
        parse_prepared(&prepared).map(|doc| doc.html()),
        "read again in blocks of {block}"
    );
});
