//! Clutter detection: donation asks, newsletter signup forms and audio players, found by what they are.
//!
//! Entry points: [`detect`] finds candidates, [`retain_safe`] drops any that would hide article text,
//! [`to_tags`] turns them into [`ClutterTag`]s with element paths.

use ego_tree::NodeId;
use scraper::{ElementRef, Html, Selector};

use crate::analysis::{ClutterCategory, ClutterTag};
use crate::article::Extraction;
use crate::dom;

/// A clutter candidate before it is given a path.
#[derive(Debug, Clone, PartialEq)]
pub struct Detection {
    /// What kind of clutter.
    pub category: ClutterCategory,
    /// The element to hide.
    pub node: NodeId,
    /// The evidence, for people.
    pub reason: String,
    /// Confidence in `[0, 1]`.
    pub score: f32,
}

/// Longest text (chars) a newsletter widget may hold; larger containers are not one widget.
const MAX_WIDGET_TEXT: usize = 600;

/// Finds clutter candidates in `doc`.
pub fn detect(doc: &Html) -> Vec<Detection> {
    let mut found = Vec::new();
    let Ok(email_inputs) = Selector::parse("input[type=email]") else {
        return found;
    };
    for input in doc.select(&email_inputs) {
        let Some(form) = input
            .ancestors()
            .filter_map(ElementRef::wrap)
            .find(|e| dom::tag_name(e) == "form")
        else {
            continue;
        };
        let container = widest_within(form, MAX_WIDGET_TEXT);
        let text = dom::visible_text(*container).to_lowercase();
        if ["newsletter", "subscribe", "sign up"]
            .iter()
            .any(|cue| text.contains(cue))
        {
            found.push(Detection {
                category: ClutterCategory::Newsletter,
                node: container.id(),
                reason: "email input in a form + 'subscribe'/'newsletter' text".to_string(),
                score: 0.8,
            });
        }
    }
    found.sort_by_key(|d| d.node);
    found.dedup_by_key(|d| d.node);
    found
}

/// The outermost ancestor-or-self of `el` whose visible text stays within `max_chars`.
fn widest_within(el: ElementRef<'_>, max_chars: usize) -> ElementRef<'_> {
    let mut best = el;
    for ancestor in el.ancestors().filter_map(ElementRef::wrap) {
        if matches!(dom::tag_name(&ancestor), "body" | "html")
            || dom::visible_text_len(*ancestor) > max_chars
        {
            break;
        }
        best = ancestor;
    }
    best
}

/// Drops detections whose element is, or contains, the article's root.
pub fn retain_safe(detections: &mut Vec<Detection>, doc: &Html, extraction: &Extraction) {
    let Some(root) = extraction.root else { return };
    detections.retain(|d| {
        doc.tree.get(root).is_none_or(|root_node| {
            root_node.id() != d.node && !root_node.ancestors().any(|a| a.id() == d.node)
        })
    });
}

/// Gives each detection its path; nested detections of one category keep only the outermost.
pub fn to_tags(doc: &Html, detections: Vec<Detection>) -> Vec<ClutterTag> {
    let mut tags = Vec::new();
    for d in &detections {
        let Some(el) = doc.tree.get(d.node).and_then(ElementRef::wrap) else {
            continue;
        };
        let nested = el.ancestors().any(|a| {
            detections
                .iter()
                .any(|o| o.node == a.id() && o.category == d.category)
        });
        if nested {
            continue;
        }
        if let Some(path) = dom::element_path(el) {
            tags.push(ClutterTag {
                category: d.category,
                path,
                tag: dom::tag_name(&el).to_string(),
                reason: d.reason.clone(),
                score: d.score,
            });
        }
    }
    tags
}
