//! Leaving out unread bodies (`sift_core::unread::prepare`) must change the parsed tree by those
//! bodies' text and nothing else, whatever the markup; and the analysis' lean parse of what is left
//! must differ from scraper's only by whitespace between blocks (`sift_core::lean_sink`), whether
//! it is parsed as one text or in the pieces kept, as the analysis parses it.
#![no_main]

use libfuzzer_sys::fuzz_target;
use sift_core::lean_sink::{difference_from_full_parse, difference_of_prepared};
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
});
