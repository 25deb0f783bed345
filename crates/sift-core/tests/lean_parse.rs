//! The analysis' parse (`limits::parse_prepared`, whose tree sink leaves out whitespace between
//! blocks) against scraper's own parse of the same markup, on every corpus page: the same elements
//! with the same attributes in the same places (so the same element paths), the same text but for
//! whitespace, the same visible text, and fewer nodes only by whitespace-only texts.

use ego_tree::NodeRef;
use scraper::{Html, Node};

/// Every corpus page (`../shared/corpora/{aeb/html,readability/*/source.html,trafilatura/html}`),
/// decoded; empty when `../shared` is absent.
fn corpus_pages() -> Vec<(String, String)> {
    let root = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpora");
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
        .iter()
        .filter_map(|p| {
            let html = sift_core::decode(&std::fs::read(p).ok()?).ok()?;
            Some((p.display().to_string(), html))
        })
        .collect()
}

/// An element as compared: its depth, name and attributes.
type ElementSketch = (usize, String, Vec<(String, String)>);

/// Elements in document order.
fn elements(doc: &Html) -> Vec<ElementSketch> {
    let mut out = Vec::new();
    let mut depth = 0usize;
    for edge in doc.tree.root().traverse() {
        match edge {
            ego_tree::iter::Edge::Open(n) => {
                if let Some(e) = n.value().as_element() {
                    let attrs = e
                        .attrs()
                        .map(|(k, v)| (k.to_string(), v.to_string()))
                        .collect();
                    out.push((depth, e.name().to_string(), attrs));
                }
                depth += 1;
            }
            ego_tree::iter::Edge::Close(_) => depth -= 1,
        }
    }
    out
}

/// All text of the tree with whitespace removed.
fn dense_text(doc: &Html) -> String {
    doc.tree
        .values()
        .filter_map(Node::as_text)
        .flat_map(|t| t.chars().filter(|c| !c.is_whitespace()))
        .collect()
}

fn whitespace_texts(root: NodeRef<'_, Node>) -> usize {
    root.descendants()
        .filter(|n| {
            n.value()
                .as_text()
                .is_some_and(|t| t.chars().all(char::is_whitespace))
        })
        .count()
}

#[test]
fn lean_parse_changes_only_whitespace_between_blocks() {
    let pages = corpus_pages();
    if pages.is_empty() {
        eprintln!("skipping: ../shared/corpora not found");
        return;
    }
    let (mut lean_nodes, mut full_nodes) = (0usize, 0usize);
    for (path, html) in &pages {
        let page = sift_core::unread::prepare(html);
        let Ok(lean) = sift_core::limits::parse_prepared(&page) else {
            continue;
        };
        let full = Html::parse_document(&page.html);
        assert!(
            elements(&lean) == elements(&full),
            "{path}: elements differ"
        );
        assert_eq!(dense_text(&lean), dense_text(&full), "{path}: text differs");
        assert_eq!(
            sift_core::dom::visible_text(lean.tree.root()),
            sift_core::dom::visible_text(full.tree.root()),
            "{path}: visible text differs"
        );
        let (l, f) = (lean.tree.values().len(), full.tree.values().len());
        let dropped = whitespace_texts(full.tree.root()) - whitespace_texts(lean.tree.root());
        assert!(l <= f && f - l <= dropped, "{path}: {l} nodes against {f}");
        lean_nodes += l;
        full_nodes += f;
    }
    // The point of it: a large share of the nodes goes (27% on the corpus when written).
    assert!(
        lean_nodes * 10 < full_nodes * 8,
        "{lean_nodes} nodes against {full_nodes}"
    );
}
