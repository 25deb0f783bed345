//! Fuzzes `analyze_html` on arbitrary bytes (decoded as the CLI does: `decode`, then the analysis).
#![no_main]

mod check;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(html) = sift_core::decode(data) else {
        return;
    };
    if let Ok(analysis) = sift_core::analyze_html(&html, &sift_core::Options::default()) {
        check::check(&analysis);
    }
});
