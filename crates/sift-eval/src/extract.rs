//! `sift eval extract`: not built yet.

/// Runs the evaluation.
pub fn run(_args: &[String]) -> Result<(), String> {
    Err("not implemented yet".to_string())
}
