//! Fuzzes `analyze_html` (and `analyze_fragment`) on arbitrary bytes, decoded as the CLI does.
#![no_main]

mod check;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| check::analyze_html(data));
