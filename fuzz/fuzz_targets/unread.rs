//! Leaving out unread bodies (`sift_core::unread::prepare`) must change the parsed tree by those
//! bodies' text and nothing else, whatever the markup.
#![no_main]

use libfuzzer_sys::fuzz_target;
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
});
