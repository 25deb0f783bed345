//! Leaving out unread bodies (`sift_core::unread::prepare`) must change the parsed tree by those
//! bodies' text and nothing else, whatever the markup; and the analysis' lean parse of what is left
//! must differ from scraper's only by whitespace between blocks (`sift_core::lean_sink`).
#![no_main]

use libfuzzer_sys::fuzz_target;
use sift_core::lean_sink::difference_from_full_parse;
use sift_core::unread::{prepare, tree_without_bodies};

fuzz_target!(|data: &[u8]| {
    let Ok(html) = std::str::from_utf8(data) else {
        return;
    };
    let prepared = prepare(html);
    assert_eq!(
        tree_without_bodies(&prepared.html),
        tree_without_bodies(html),
        "stripped: {:?}",
        prepared.html
    );
    assert_eq!(
        difference_from_full_parse(&prepared.html),
        None,
        "lean parse of {:?}",
        prepared.html
    );
});
