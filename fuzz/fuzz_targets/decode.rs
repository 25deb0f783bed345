//! Fuzzes `decode` on raw bytes: BOMs, `<meta charset>` prescans, invalid sequences.
#![no_main]

mod check;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| check::decode(data));
