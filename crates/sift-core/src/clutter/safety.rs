//! Article safety: never hide what the reader came for.
//!
//! Detection already refuses containers holding article-like prose ([`super::container`]); here the
//! extracted article has the last word: a detection whose element holds the article's root falls
//! back to its seed when the seed is outside the root's ancestry, and is dropped otherwise. The same
//! goes for the article's headline (an `<h1>` reading its title), which may sit outside the root: a
//! story header with the headline and a donate button is not a donation box, and is dropped.

use ego_tree::NodeId;
use scraper::{ElementRef, Html};

use super::Detection;
use crate::article::Extraction;
use crate::dom;

/// Shortest headline (chars) compared with the title: shorter `<h1>`s are a site's name or a label.
const MIN_HEADLINE_CHARS: usize = 12;

/// The first `<h1>` in the subtree of `node` whose text is, or is part of, the article's `title`.
fn headline_in(doc: &Html, node: NodeId, title: &str) -> Option<NodeId> {
    let top = doc.tree.get(node)?;
    top.descendants()
        .filter_map(ElementRef::wrap)
        .filter(|el| dom::tag_name(el) == "h1")
        .find(|el| {
            let text = dom::visible_text(**el);
            let text = text.trim();
            text.chars().count() >= MIN_HEADLINE_CHARS && title.contains(text)
        })
        .map(|el| el.id())
}

/// Drops detections whose element holds the article's headline. (Narrowing them to their seed
/// would leave what the rules refuse on its own: a lone "Donate" button.)
fn keep_headline(detections: &mut Vec<Detection>, doc: &Html, title: &str) {
    detections.retain(|d| headline_in(doc, d.node, title).is_none());
}

/// Drops (or narrows to their seed) detections whose element is, or contains, the article's root or
/// its headline.
pub fn retain_safe(detections: &mut Vec<Detection>, doc: &Html, extraction: &Extraction) {
    if let Some(title) = extraction.article.as_ref().and_then(|a| a.title.as_deref()) {
        keep_headline(detections, doc, title);
    }
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
