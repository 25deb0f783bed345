//! The tree sink the analysis parses with: scraper's, less the whitespace no reader sees.
//!
//! More than a quarter of the nodes of a parsed news page are whitespace-only text between blocks
//! (the line breaks and indentation of the markup). Every reader of the tree collapses whitespace
//! and treats a block's edges as a break ([`crate::dom::separates_text`]), so such a node is never
//! read; yet each costs a tree node and a node of every table built from the tree. [`LeanSink`]
//! leaves out a whitespace-only text that follows a block element, or opens a block, outside
//! `<pre>`-like elements, and whitespace directly in `<head>`. Element paths count elements only,
//! so they do not change.

use std::borrow::Cow;
use std::cell::Ref;

use ego_tree::{NodeId, NodeRef};
use html5ever::tendril::StrTendril;
use html5ever::tree_builder::{ElementFlags, NodeOrText, QuirksMode, TreeSink};
use html5ever::{local_name, Attribute, QualName};
use scraper::{Html, HtmlTreeSink, Node};

use crate::dom::separates_text;
use crate::unread::is_space;

/// scraper's [`HtmlTreeSink`], with whitespace between blocks left out.
pub struct LeanSink {
    /// The sink everything but the left-out whitespace goes to (its `Html` is the parse's result).
    pub inner: HtmlTreeSink,
    /// Whether the page may hold an element that shows whitespace as written (else no text's
    /// ancestors are looked at).
    keeps_whitespace: bool,
    /// Whether a text node gets a buffer of its own ([`OWNS_TEXT`]).
    owns_text: bool,
}

/// Whether text nodes get buffers of their own rather than share the parser's input chunks: a
/// chunk ([`crate::limits::chunk_bytes`]) stays alive as long as any text cut from it, which on a
/// page of short texts is about the whole input once more. In wasm, whose memory never shrinks,
/// owning took the median peak from 5.21 to 4.88 times the HTML, the largest from 15.27 to 14.78
/// (`wasm-bench.mjs`, pages of at least 64 KB, with 1 KiB chunks); natively the copies cost 2% of
/// the parse and the chunks go with the tree.
pub const OWNS_TEXT: bool = cfg!(target_arch = "wasm32");

impl LeanSink {
    /// A sink building into `html`; `keeps_whitespace` says whether the page may hold a `<pre>`
    /// or `<listing>` (see [`crate::limits::Shape`]), `owns_text` whether text nodes get buffers
    /// of their own ([`OWNS_TEXT`]).
    pub fn new(html: Html, keeps_whitespace: bool, owns_text: bool) -> Self {
        Self {
            inner: HtmlTreeSink::new(html),
            keeps_whitespace,
            owns_text,
        }
    }

    /// Whether a text appended as `parent`'s last child would only be whitespace between blocks.
    fn is_unread_whitespace(&self, parent: NodeId, text: &StrTendril) -> bool {
        if !text.bytes().all(is_space) {
            return false;
        }
        let html = self.inner.0.borrow();
        let Some(parent) = html.tree.get(parent) else {
            return false;
        };
        let at_block_edge = is_unread_container(parent)
            || match parent.last_child() {
                Some(previous) => is_separating(previous),
                None => is_separating(parent),
            };
        at_block_edge
            && !(self.keeps_whitespace && parent.ancestors().chain([parent]).any(keeps_whitespace))
    }

    /// `child`, with a text copied into a buffer of its own when the sink [owns text](OWNS_TEXT).
    fn owned(&self, child: NodeOrText<NodeId>) -> NodeOrText<NodeId> {
        match child {
            NodeOrText::AppendText(text) if self.owns_text => {
                NodeOrText::AppendText(StrTendril::from_slice(&text))
            }
            other => other,
        }
    }
}

fn is_separating(node: NodeRef<'_, Node>) -> bool {
    node.value()
        .as_element()
        .is_some_and(|e| separates_text(e.name().as_bytes()))
}

/// `<head>`: no reader takes text from it. (Whitespace directly in `<html>` is kept: after a
/// frameset it may be all that parts the texts of two `<noframes>`.)
fn is_unread_container(node: NodeRef<'_, Node>) -> bool {
    node.value()
        .as_element()
        .is_some_and(|e| e.name.local == local_name!("head"))
}

/// Elements that show whitespace as written and may hold blocks (a `<textarea>` holds only text,
/// which follows no block).
fn keeps_whitespace(node: NodeRef<'_, Node>) -> bool {
    node.value()
        .as_element()
        .is_some_and(|e| matches!(e.name.local, local_name!("pre") | local_name!("listing")))
}

impl TreeSink for LeanSink {
    type Output = Html;
    type Handle = NodeId;
    type ElemName<'a> = Ref<'a, QualName>;

    fn finish(self) -> Html {
        self.inner.finish()
    }

    fn parse_error(&self, msg: Cow<'static, str>) {
        self.inner.parse_error(msg);
    }

    fn set_quirks_mode(&self, mode: QuirksMode) {
        self.inner.set_quirks_mode(mode);
    }

    fn get_document(&self) -> NodeId {
        self.inner.get_document()
    }

    fn same_node(&self, x: &NodeId, y: &NodeId) -> bool {
        self.inner.same_node(x, y)
    }

    fn elem_name<'a>(&'a self, target: &'a NodeId) -> Ref<'a, QualName> {
        self.inner.elem_name(target)
    }

    fn create_element(
        &self,
        name: QualName,
        mut attrs: Vec<Attribute>,
        flags: ElementFlags,
    ) -> NodeId {
        // The tokenizer's attribute vector has room for at least four, and the tree keeps it as it
        // is: at one or two attributes that was a sixth of a dense page's tree in wasm.
        attrs.shrink_to_fit();
        self.inner.create_element(name, attrs, flags)
    }

    fn create_comment(&self, text: StrTendril) -> NodeId {
        self.inner.create_comment(text)
    }

    fn create_pi(&self, target: StrTendril, data: StrTendril) -> NodeId {
        self.inner.create_pi(target, data)
    }

    fn append(&self, parent: &NodeId, child: NodeOrText<NodeId>) {
        if let NodeOrText::AppendText(text) = &child {
            if self.is_unread_whitespace(*parent, text) {
                return;
            }
        }
        self.inner.append(parent, self.owned(child));
    }

    fn append_based_on_parent_node(
        &self,
        element: &NodeId,
        prev_element: &NodeId,
        child: NodeOrText<NodeId>,
    ) {
        self.inner
            .append_based_on_parent_node(element, prev_element, self.owned(child));
    }

    fn append_doctype_to_document(
        &self,
        name: StrTendril,
        public_id: StrTendril,
        system_id: StrTendril,
    ) {
        self.inner
            .append_doctype_to_document(name, public_id, system_id);
    }

    fn get_template_contents(&self, target: &NodeId) -> NodeId {
        self.inner.get_template_contents(target)
    }

    fn append_before_sibling(&self, sibling: &NodeId, new_node: NodeOrText<NodeId>) {
        self.inner
            .append_before_sibling(sibling, self.owned(new_node));
    }

    fn add_attrs_if_missing(&self, target: &NodeId, attrs: Vec<Attribute>) {
        self.inner.add_attrs_if_missing(target, attrs);
    }

    fn remove_from_parent(&self, target: &NodeId) {
        self.inner.remove_from_parent(target);
    }

    fn reparent_children(&self, node: &NodeId, new_parent: &NodeId) {
        self.inner.reparent_children(node, new_parent);
    }
}

/// How the tree the analysis parses from `html` differs from scraper's own parse of it, beyond the
/// whitespace [`LeanSink`] leaves out: elements (name, attributes, depth, order), text but for
/// whitespace, visible text, or more nodes than whitespace texts left out. `None` when it does not,
/// or when the analysis refuses or cuts the page (its limits). For the tests and the `unread` fuzz
/// target.
#[cfg(any(test, fuzzing))]
pub fn difference_from_full_parse(html: &str) -> Option<String> {
    difference(crate::limits::parse_document(html).ok()?, html)
}

/// [`difference_from_full_parse`] for a [prepared](crate::unread::prepare) page as the analysis
/// parses it (its kept pieces fed one after the other), against scraper's parse of those pieces
/// joined.
#[cfg(any(test, fuzzing))]
pub fn difference_of_prepared(page: &crate::unread::Prepared<'_>) -> Option<String> {
    difference(crate::limits::parse_prepared(page).ok()?, &page.html())
}

/// How `lean` differs from scraper's parse of `html` (see [`difference_from_full_parse`]).
#[cfg(any(test, fuzzing))]
fn difference(lean: Html, html: &str) -> Option<String> {
    let full = Html::parse_document(html);
    if crate::limits::max_element_depth(&full) >= crate::limits::MAX_DEPTH {
        return None;
    }
    if elements(&lean) != elements(&full) {
        return Some("elements differ".into());
    }
    if dense_text(&lean) != dense_text(&full) {
        return Some("text differs".into());
    }
    let (lean_text, full_text) = (
        crate::dom::visible_text(lean.tree.root()),
        crate::dom::visible_text(full.tree.root()),
    );
    if lean_text != full_text {
        return Some(format!("visible text {lean_text:?} against {full_text:?}"));
    }
    let (l, f) = (lean.tree.values().len(), full.tree.values().len());
    let dropped = whitespace_texts(&full).saturating_sub(whitespace_texts(&lean));
    (l > f || f - l > dropped).then(|| format!("{l} nodes against {f}"))
}

/// An element as compared: its depth, name and attributes.
#[cfg(any(test, fuzzing))]
type ElementSketch = (usize, String, Vec<(String, String)>);

/// Elements in document order.
#[cfg(any(test, fuzzing))]
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
            ego_tree::iter::Edge::Close(_) => depth = depth.saturating_sub(1),
        }
    }
    out
}

/// All text of the tree in document order (not the tree's creation order), whitespace removed.
#[cfg(any(test, fuzzing))]
fn dense_text(doc: &Html) -> String {
    doc.tree
        .root()
        .descendants()
        .filter_map(|n| n.value().as_text())
        .flat_map(|t| t.chars().filter(|c| !c.is_whitespace()))
        .collect()
}

#[cfg(any(test, fuzzing))]
fn whitespace_texts(doc: &Html) -> usize {
    doc.tree
        .values()
        .filter(|n| {
            n.as_text()
                .is_some_and(|t| t.chars().all(char::is_whitespace))
        })
        .count()
}

#[cfg(test)]
mod tests {
    use crate::limits::parse_document;

    /// The texts of the tree, in document order.
    fn texts(html: &str) -> Vec<String> {
        let doc = parse_document(html).expect("parsed");
        doc.tree
            .root()
            .descendants()
            .filter_map(|n| n.value().as_text().map(|t| t.to_string()))
            .collect()
    }

    #[test]
    fn owned_text_is_the_same_text_in_buffers_of_its_own() {
        use html5ever::driver::{parse_document, ParseOpts};
        use html5ever::tendril::TendrilSink;
        use scraper::Html;

        // (Text inside a table but outside its cells is fostered out, before the table.)
        let html = format!(
            "<p>{} <b>bold</b> and a longer run of text</p><p>{}</p>\
             <table>fostered out of the table<tr><td>a cell's text</td></tr></table>",
            "word ".repeat(300),
            "x".repeat(3000)
        );
        let parse = |owns_text: bool| {
            let sink = super::LeanSink::new(Html::new_document(), false, owns_text);
            let mut parser = parse_document(sink, ParseOpts::default());
            // In parts, as the analysis feeds it: each part's text shares its buffer.
            for part in html.as_bytes().chunks(1024) {
                parser.process(std::str::from_utf8(part).expect("ASCII").into());
            }
            parser.finish()
        };
        let (shared, owned) = (parse(false), parse(true));
        assert_eq!(owned.html(), shared.html());
        let texts = |doc: &Html| -> Vec<(String, bool)> {
            doc.tree
                .values()
                .filter_map(|v| v.as_text())
                .map(|t| (t.text.to_string(), t.text.is_shared()))
                .collect()
        };
        assert!(
            texts(&shared).iter().any(|t| t.1),
            "the chunks are shared without it"
        );
        assert!(texts(&owned).iter().all(|t| !t.1), "{:?}", texts(&owned));
    }

    #[test]
    fn attributes_are_stored_without_spare_room() {
        let doc = parse_document(r#"<p class=a>x <a href=h title=t>y</a><img src=i alt=""></p>"#)
            .expect("parsed");
        let mut seen = 0;
        for el in doc.tree.values().filter_map(|v| v.as_element()) {
            assert_eq!(el.attrs.capacity(), el.attrs.len(), "{}", el.name());
            seen += el.attrs.len();
        }
        assert_eq!(seen, 5);
    }

    #[test]
    fn whitespace_between_blocks_is_left_out() {
        assert_eq!(
            texts(
                "<html>\n<head>\n<meta charset=utf-8>\n<title>t</title>\n</head>\n<body>\n <div>a</div>\n <div>\n <p>b</p>\n</div>\n<br>\n<ul>\n<li>c</li>\n</ul>"
            ),
            // (The line break after `</head>` is the html element's: kept.)
            ["t", "\n", "a", "b", "c"]
        );
    }

    #[test]
    fn whitespace_that_separates_words_is_kept() {
        assert_eq!(
            texts("<p><a>x</a> <b>y</b>\n<img src=i>\n<span>z</span></p><p><span> </span>w</p>"),
            ["x", " ", "y", "\n", "\n", "z", " ", "w"]
        );
        // Beside an invisible element inside a paragraph, whitespace may be all that parts two
        // words.
        assert_eq!(
            texts(
                "<p><b>x</b><meta itemprop=a content=b>\n<i>y</i><script>1</script>\n<i>z</i></p>"
            ),
            ["x", "\n", "y", "1", "\n", "z"]
        );
        // Whitespace right after a text joins it; in <pre> it is shown as written.
        assert_eq!(texts("<div>t<br>u \n</div>"), ["t", "u \n"]);
        assert_eq!(
            texts("<pre><div>a</div>\n<div>b</div></pre>"),
            ["a", "\n", "b"]
        );
    }

    #[test]
    fn foster_parented_text_keeps_its_place() {
        // Found by the `unread` fuzz target (a bug in the comparison: text compared in the
        // tree's creation order, where the lean tree's foster-parented text comes later).
        let html = "<body c>\n<table><td>so<tbody>o/";
        assert_eq!(super::difference_from_full_parse(html), None);
        assert_eq!(texts(html), ["o/", "so"]);
    }

    #[test]
    fn element_paths_and_visible_text_do_not_change() {
        let lean = "<body><div>a</div>\n<div><p>b</p>\n<p id=x>c</p></div>";
        let doc = parse_document(lean).expect("parsed");
        let full = scraper::Html::parse_document(lean);
        let select = |d: &scraper::Html| {
            let sel = scraper::Selector::parse("#x").expect("selector");
            let el = d.select(&sel).next().expect("#x");
            crate::dom::element_path(el)
        };
        assert_eq!(select(&doc), select(&full));
        assert_eq!(crate::dom::visible_text(doc.tree.root()), "a b c");
        assert_eq!(crate::dom::visible_text(full.tree.root()), "a b c");
        // Blocks separate words with or without whitespace between them.
        let tight = scraper::Html::parse_document("<div>a</div><div>b</div>");
        assert_eq!(crate::dom::visible_text(tight.tree.root()), "a b");
    }

    /// Every corpus page, decoded, with its path.
    fn corpus_pages() -> Vec<(String, String)> {
        crate::test_corpus::page_paths()
            .iter()
            .filter_map(|p| {
                let html = crate::decode(&std::fs::read(p).ok()?).ok()?;
                Some((p.display().to_string(), html))
            })
            .collect()
    }

    #[test]
    fn on_the_corpus_only_whitespace_between_blocks_goes() {
        let pages = corpus_pages();
        if pages.is_empty() {
            eprintln!("skipping: ../shared/corpora not found");
            return;
        }
        let (mut lean_nodes, mut full_nodes) = (0usize, 0usize);
        for (path, html) in &pages {
            let page = crate::unread::prepare(html);
            let html = &page.html();
            assert_eq!(super::difference_from_full_parse(html), None, "{path}");
            // As the analysis parses it: the pieces kept, one after the other.
            assert_eq!(
                super::difference_of_prepared(&page),
                None,
                "{path} in pieces"
            );
            if let Ok(lean) = parse_document(html) {
                lean_nodes += lean.tree.values().len();
                full_nodes += scraper::Html::parse_document(html).tree.values().len();
            }
        }
        // The point of it: a large share of the nodes goes (27% on the corpus when written).
        assert!(
            lean_nodes * 10 < full_nodes * 8,
            "{lean_nodes} nodes against {full_nodes}"
        );
    }
}
