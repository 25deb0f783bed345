//! Where the shared corpora are: `$SIFT_SHARED`, else `../shared` beside the workspace root.

use std::path::PathBuf;

/// The `shared/` folder, or an error saying where it was looked for.
pub fn shared_dir() -> Result<PathBuf, String> {
    if let Some(dir) = std::env::var_os("SIFT_SHARED") {
        return Ok(PathBuf::from(dir));
    }
    let candidates = [
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared"),
        PathBuf::from("../shared"),
    ];
    candidates
        .iter()
        .find(|p| p.join("corpora").is_dir())
        .cloned()
        .ok_or_else(|| {
            "shared corpora not found: set SIFT_SHARED or place shared/ beside the checkout"
                .to_string()
        })
}

/// `shared/corpora/<name>`.
pub fn corpus_dir(name: &str) -> Result<PathBuf, String> {
    let dir = shared_dir()?.join("corpora").join(name);
    if dir.is_dir() {
        Ok(dir)
    } else {
        Err(format!("corpus not found: {}", dir.display()))
    }
}
