//! Article safety: never hide what the reader came for.
//!
//! Detection already refuses containers holding article-like prose ([`super::container`]); here the
//! extracted article has the last word: a detection whose element holds the article's root falls
//! back to its seed when the seed is outside the root's ancestry, and is dropped otherwise.

use ego_tree::NodeId;
use scraper::Html;

use super::Detection;
use crate::article::Extraction;

/// Drops (or narrows to their seed) detections whose element is, or contains, the article's root.
pub fn retain_safe(detections: &mut Vec<Detection>, doc: &Html, extraction: &Extraction) {
    let Some(root) = extraction.root else { return };
    let Some(root_node) = doc.tree.get(root) else {
        return;
    };
    let holds_root: std::collections::HashSet<NodeId> = std::iter::once(root)
        .chain(root_node.ancestors().map(|a| a.id()))
        .collect();
    detections.retain_mut(|d| {
        if !holds_root.contains(&d.node) {
            return true;
        }
        if holds_root.contains(&d.seed) {
            return false;
        }
        d.node = d.seed;
        true
    });
}
