//! Fuzzes `analyze_text` on arbitrary bytes (lossily decoded as UTF-8).
#![no_main]

mod check;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| check::analyze_text(data));
