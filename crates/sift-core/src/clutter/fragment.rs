//! Clutter that arrives later (modals after a delay, forms injected on scroll): the extension hands
//! over an added subtree's outerHTML, and gets back tags with paths relative to that subtree's root.

use ego_tree::NodeId;
use scraper::ElementRef;

use crate::analysis::{ClutterTag, ElementPath};
use crate::SiftError;

/// Tags the clutter in an added subtree, given its outerHTML.
///
/// Paths are element-child indices from the fragment's root element (the first element of `html`):
/// `[]` is that element itself, `[0, 2]` its first child's third child. There is no article to
/// protect in a fragment, so only detection's own safety rules (no article-like prose) apply.
pub fn analyze_fragment(html: &str) -> Result<Vec<ClutterTag>, SiftError> {
    crate::check_size_and_content(html)?;
    let doc = crate::limits::parse_prepared_fragment(&crate::unread::prepare(html))?;
    let Some(root) = doc.root_element().child_elements().next() else {
        return Ok(Vec::new());
    };
    let detections = super::detect(&doc);
    Ok(super::tags_under(&doc, detections, Some(root.id())))
}

/// Path of `el` from the element `root` (`None` when `el` is not `root` or inside it).
pub(super) fn path_from(el: ElementRef<'_>, root: NodeId) -> Option<ElementPath> {
    let mut path = Vec::new();
    let mut node = *el;
    while node.id() != root {
        let index = node
            .prev_siblings()
            .filter(|sibling| sibling.value().is_element())
            .count();
        path.push(u32::try_from(index).unwrap_or(u32::MAX));
        node = node.parent()?;
    }
    path.reverse();
    Some(path)
}
