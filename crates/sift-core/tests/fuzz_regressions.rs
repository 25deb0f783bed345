//! Replays `fuzz/regressions/` through exactly what each cargo-fuzz target runs
//! (`fuzz/fuzz_targets/check.rs`), with plain `cargo test`: the hand-made edge cases the fuzz corpus is
//! seeded with, and every crash the fuzzer has found, once fixed (see docs/hardening.md; the `unread`
//! target's are replayed by `sift_core::unread`'s unit tests, its oracle being test-only).

#[path = "../../../fuzz/fuzz_targets/check.rs"]
mod check;

use std::path::PathBuf;

/// The inputs kept for `target`, sorted by name.
fn inputs(target: &str) -> Vec<(String, Vec<u8>)> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../fuzz/regressions")
        .join(target);
    let mut out: Vec<(String, Vec<u8>)> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|entry| {
            let path = entry.expect("directory entry").path();
            let bytes = std::fs::read(&path).expect("regression input");
            (path.display().to_string(), bytes)
        })
        .collect();
    out.sort();
    assert!(!out.is_empty(), "no inputs in {}", dir.display());
    out
}

/// Runs `run` on every input of `target`, naming the input that panics.
fn replay(target: &str, run: fn(&[u8])) {
    for (name, bytes) in inputs(target) {
        let result = std::panic::catch_unwind(|| run(&bytes));
        assert!(result.is_ok(), "{target}: {name} panicked");
    }
}

#[test]
fn analyze_html_regressions() {
    replay("analyze_html", check::analyze_html);
}

#[test]
fn analyze_text_regressions() {
    replay("analyze_text", check::analyze_text);
}

#[test]
fn decode_regressions() {
    replay("decode", check::decode);
}
