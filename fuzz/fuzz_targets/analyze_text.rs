//! Fuzzes `analyze_text` on arbitrary bytes (lossily decoded as UTF-8).
#![no_main]

mod check;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    if let Ok(analysis) = sift_core::analyze_text(&text, &sift_core::Options::default()) {
        check::check(&analysis);
    }
});
