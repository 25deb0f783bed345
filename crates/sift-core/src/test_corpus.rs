//! The shared corpus pages, for the unit tests that check a rule on every one of them.

use std::path::PathBuf;

/// Every corpus page (`../shared/corpora/{aeb/html,readability/*/source.html,trafilatura/html}`),
/// sorted; empty when `../shared` is absent.
pub fn page_paths() -> Vec<PathBuf> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpora");
    let mut paths = Vec::new();
    for dir in ["aeb/html", "trafilatura/html"] {
        if let Ok(rd) = std::fs::read_dir(root.join(dir)) {
            paths.extend(rd.filter_map(Result::ok).map(|e| e.path()));
        }
    }
    if let Ok(rd) = std::fs::read_dir(root.join("readability")) {
        paths.extend(
            rd.filter_map(Result::ok)
                .map(|e| e.path().join("source.html")),
        );
    }
    paths.sort();
    paths
}
