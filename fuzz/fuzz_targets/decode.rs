//! Fuzzes `decode` on raw bytes: BOMs, `<meta charset>` prescans, invalid sequences.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = sift_core::decode(data) {
        // Decoding never invents text out of nothing.
        assert!(!data.is_empty());
        assert!(text.len() <= data.len().saturating_mul(3).saturating_add(3));
    }
});
