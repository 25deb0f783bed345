//! `sift eval bench`: not built yet.

/// Runs the benchmark.
pub fn run(_args: &[String]) -> Result<(), String> {
    Err("not implemented yet".to_string())
}
