//! Where the shared corpora are: `$SIFT_SHARED`, else `../shared` beside the workspace root.

use std::path::{Path, PathBuf};

use serde::Deserialize;

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

/// One page's gold record in `aeb/ground-truth-dev.json` (the file maps page ids to these).
#[derive(Deserialize)]
pub struct AebGold {
    /// The article's text.
    #[serde(rename = "articleBody")]
    pub article_body: String,
    /// The page's URL, when recorded.
    pub url: Option<String>,
}

/// Reads and deserialises a JSON file, with the path in the error.
pub fn read_json<T: for<'de> Deserialize<'de>>(path: &Path) -> Result<T, String> {
    let bytes = std::fs::read(path).map_err(|e| format!("{}: {e}", path.display()))?;
    serde_json::from_slice(&bytes).map_err(|e| format!("{}: {e}", path.display()))
}
