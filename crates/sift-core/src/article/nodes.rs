//! The document flattened in pre-order, with per-element statistics computed once, bottom-up.
//!
//! Every later step (scoring, cleaning, paragraph assembly) reads these numbers instead of re-walking
//! subtrees, so extraction stays linear in the size of the page. An element's subtree is the index
//! range `i..nodes[i].end`.

use std::collections::{HashMap, HashSet};

use ego_tree::NodeId;
use scraper::{Html, Node};

use super::boilerplate::{self, MAYBE_CONTENT, NEGATIVE, POSITIVE, UNLIKELY, UNLIKELY_ROLES};

/// Subtrees never read for text.
/// (`rt`/`rp`: ruby annotations, e.g. furigana, which would split the words they annotate.)
fn is_skipped_tag(tag: &str) -> bool {
    matches!(
        tag,
        "script" | "style" | "noscript" | "template" | "head" | "svg" | "math" | "rt" | "rp"
    )
}

/// Elements that start a new block of text (a line break before and after).
pub fn is_block_tag(tag: &str) -> bool {
    matches!(
        tag,
        "address"
            | "article"
            | "aside"
            | "blockquote"
            | "body"
            | "br"
            | "dd"
            | "details"
            | "dialog"
            | "div"
            | "dl"
            | "dt"
            | "fieldset"
            | "figcaption"
            | "figure"
            | "footer"
            | "form"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "header"
            | "hr"
            | "li"
            | "main"
            | "nav"
            | "ol"
            | "p"
            | "pre"
            | "section"
            | "summary"
            | "table"
            | "tbody"
            | "td"
            | "tfoot"
            | "th"
            | "thead"
            | "tr"
            | "ul"
    )
}

/// Elements that never hold article text, whatever they contain.
pub fn is_never_content_tag(tag: &str) -> bool {
    matches!(
        tag,
        "button"
            | "select"
            | "textarea"
            | "input"
            | "option"
            | "iframe"
            | "object"
            | "embed"
            | "canvas"
            | "audio"
            | "video"
            | "nav"
            | "dialog"
            | "label"
    )
}

/// One node of the flattened document: an element or a text node.
#[derive(Debug, Clone)]
pub struct FlatNode<'a> {
    /// The node in the parsed tree.
    pub id: NodeId,
    /// Tag name for elements, `""` for text.
    pub tag: &'a str,
    /// Text, for text nodes.
    pub text: Option<&'a str>,
    /// Index of the parent (`usize::MAX` for the first node).
    pub parent: usize,
    /// One past the last index of this node's subtree.
    pub end: usize,
    /// Index among the parent's element children (for element paths).
    pub child_index: u32,
    /// Number of element children (skipped ones included).
    pub element_children: u32,
    /// Whether the element starts a block of text ([`is_block_tag`]).
    pub is_block: bool,
    /// Nearest block ancestor-or-self (index).
    pub block: usize,
    /// Non-whitespace chars of visible text in the subtree.
    pub chars: u32,
    /// Of which inside links.
    pub link_chars: u32,
    /// Commas (any script's) in the subtree's text.
    pub commas: u32,
    /// Non-whitespace chars of text whose nearest block is this element (its own inline text).
    pub inline_chars: u32,
    /// Of which inside links.
    pub inline_link_chars: u32,
    /// Non-link chars of the subtree's paragraphs (blocks with at least [`PARAGRAPH_MIN_CHARS`] of
    /// their own non-link text): the prose it holds.
    pub prose: u32,
    /// `<p>`-like blocks in the subtree with at least some text.
    pub paragraphs: u32,
    /// List items in the subtree.
    pub items: u32,
    /// Images in the subtree.
    pub images: u32,
    /// Form inputs in the subtree.
    pub inputs: u32,
    /// Class/id weight: +25 positive, -25 negative, both or neither 0.
    pub class_weight: i32,
    /// Class/id says "small furniture inside an article" ([`boilerplate::IN_ARTICLE_FURNITURE`]).
    pub furniture: bool,
    /// Hidden (attribute, ARIA, inline style), already tagged clutter, or never content: left out
    /// with its subtree.
    pub dropped: bool,
    /// This node or an ancestor is `dropped`.
    pub in_dropped: bool,
    /// This node or an ancestor is `unlikely`.
    pub in_unlikely: bool,
}

impl FlatNode<'_> {
    /// Whether this is an element.
    pub fn is_element(&self) -> bool {
        !self.tag.is_empty()
    }

    /// Share of the subtree's text inside links.
    pub fn link_density(&self) -> f64 {
        if self.chars == 0 {
            0.0
        } else {
            f64::from(self.link_chars) / f64::from(self.chars)
        }
    }
}

/// The flattened document.
pub struct Flat<'a> {
    /// Nodes in pre-order (document order).
    pub nodes: Vec<FlatNode<'a>>,
    /// Index of `<body>`, if any.
    pub body: Option<usize>,
}

/// The attributes extraction reads, gathered in one pass over an element's attributes.
#[derive(Default)]
struct Attrs<'a> {
    class: Option<&'a str>,
    id: Option<&'a str>,
    role: Option<&'a str>,
    hidden: bool,
}

fn read_attrs(el: &scraper::node::Element) -> Attrs<'_> {
    let mut a = Attrs::default();
    for (name, value) in el.attrs() {
        match name {
            "class" => a.class = Some(value),
            "id" => a.id = Some(value),
            "role" => a.role = Some(value),
            "hidden" => a.hidden = true,
            "aria-hidden" => a.hidden |= value == "true",
            "style" => a.hidden |= style_hides(value),
            _ => {}
        }
    }
    a
}

/// Whether an inline style hides the element.
fn style_hides(style: &str) -> bool {
    if !style.contains("none") && !style.contains("hidden") {
        return false;
    }
    let s: String = style
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect::<String>()
        .to_ascii_lowercase();
    s.contains("display:none") || s.contains("visibility:hidden")
}

/// What an element's `class` and `id` say ([`boilerplate`] tables).
#[derive(Debug, Clone, Copy, Default)]
struct ClassFlags {
    weight: i32,
    unlikely: bool,
    furniture: bool,
}

/// Reads the flags of a `class`/`id` pair (lower-cased, substring matches).
fn class_flags(class: Option<&str>, id: Option<&str>) -> ClassFlags {
    let mut ci = String::new();
    if let Some(c) = class {
        ci.push_str(c);
    }
    if let Some(i) = id {
        ci.push(' ');
        ci.push_str(i);
    }
    let ci = ci.to_lowercase();
    let positive = boilerplate::contains_any(&ci, POSITIVE);
    let negative = boilerplate::contains_any(&ci, NEGATIVE);
    ClassFlags {
        weight: i32::from(positive) * 25 - i32::from(negative) * 25,
        unlikely: boilerplate::contains_any(&ci, UNLIKELY)
            && !boilerplate::contains_any(&ci, MAYBE_CONTENT),
        furniture: boilerplate::contains_any(&ci, boilerplate::IN_ARTICLE_FURNITURE),
    }
}

/// Counts non-whitespace chars and commas of a text.
fn text_stats(text: &str) -> (u32, u32) {
    let mut chars = 0u32;
    let mut commas = 0u32;
    for c in text.chars() {
        if !c.is_whitespace() {
            chars = chars.saturating_add(1);
            if matches!(c, ',' | '，' | '、' | '،') {
                commas = commas.saturating_add(1);
            }
        }
    }
    (chars, commas)
}

/// Builds the flattened document; `exclude` holds elements already tagged as clutter. When `strict`,
/// blocks whose class, id or role says "not content" are dropped too.
pub fn flatten<'a>(doc: &'a Html, exclude: &HashSet<NodeId>, strict: bool) -> Flat<'a> {
    let mut nodes: Vec<FlatNode<'a>> = Vec::new();
    let mut body = None;
    // Stack of open element indices; `link_depth` counts open <a> elements.
    let mut stack: Vec<usize> = Vec::new();
    let mut link_depth = 0usize;
    let mut child_counts: Vec<u32> = Vec::new();
    let mut class_cache: HashMap<(Option<&str>, Option<&str>), ClassFlags> = HashMap::new();
    let root = doc.root_element();
    let mut edges = root.traverse();
    while let Some(edge) = edges.next() {
        match edge {
            ego_tree::iter::Edge::Open(n) => match n.value() {
                Node::Element(e) => {
                    let tag = e.name();
                    let child_index = match child_counts.last_mut() {
                        Some(c) => {
                            let i = *c;
                            *c += 1;
                            i
                        }
                        None => 0,
                    };
                    if is_skipped_tag(tag) {
                        // Skip the subtree entirely.
                        for inner in edges.by_ref() {
                            if let ego_tree::iter::Edge::Close(c) = inner {
                                if c == n {
                                    break;
                                }
                            }
                        }
                        continue;
                    }
                    let parent = stack.last().copied().unwrap_or(usize::MAX);
                    let index = nodes.len();
                    let is_block = is_block_tag(tag);
                    let parent_node = nodes.get(parent);
                    let block = if is_block {
                        index
                    } else {
                        parent_node.map_or(index, |p| p.block)
                    };
                    let attrs = read_attrs(e);
                    let (class, id) = (attrs.class, attrs.id);
                    // Pages repeat a few class names thousands of times: match each pair once.
                    let flags = if class.is_none() && id.is_none() {
                        ClassFlags::default()
                    } else {
                        *class_cache
                            .entry((class, id))
                            .or_insert_with(|| class_flags(class, id))
                    };
                    let class_weight = flags.weight;
                    let role_unlikely = attrs
                        .role
                        .is_some_and(|r| UNLIKELY_ROLES.contains(&r.to_ascii_lowercase().as_str()));
                    let structural = matches!(tag, "html" | "body" | "article" | "main");
                    let unlikely = !structural
                        && (role_unlikely || flags.unlikely || matches!(tag, "aside" | "footer"));
                    let dropped = (strict && unlikely)
                        || exclude.contains(&n.id())
                        || attrs.hidden
                        || is_never_content_tag(tag);
                    let in_dropped = dropped || parent_node.is_some_and(|p| p.in_dropped);
                    let in_unlikely = unlikely || parent_node.is_some_and(|p| p.in_unlikely);
                    if tag == "body" && body.is_none() {
                        body = Some(index);
                    }
                    nodes.push(FlatNode {
                        id: n.id(),
                        tag,
                        text: None,
                        parent,
                        end: index + 1,
                        child_index,
                        element_children: 0,
                        is_block,
                        block,
                        chars: 0,
                        link_chars: 0,
                        commas: 0,
                        inline_chars: 0,
                        inline_link_chars: 0,
                        prose: 0,
                        paragraphs: 0,
                        items: u32::from(tag == "li"),
                        images: u32::from(tag == "img"),
                        inputs: u32::from(matches!(tag, "input" | "textarea" | "select")),
                        class_weight,
                        furniture: flags.furniture,
                        dropped,
                        in_dropped,
                        in_unlikely,
                    });
                    if tag == "a" {
                        link_depth += 1;
                    }
                    stack.push(index);
                    child_counts.push(0);
                }
                Node::Text(t) => {
                    let parent = stack.last().copied().unwrap_or(usize::MAX);
                    let Some(p) = nodes.get(parent) else { continue };
                    let (chars, commas) = text_stats(t);
                    let block = p.block;
                    let (in_dropped, in_unlikely) = (p.in_dropped, p.in_unlikely);
                    let link_chars = if link_depth > 0 { chars } else { 0 };
                    if !in_dropped {
                        if let Some(b) = nodes.get_mut(block) {
                            b.inline_chars = b.inline_chars.saturating_add(chars);
                            b.inline_link_chars = b.inline_link_chars.saturating_add(link_chars);
                        }
                    }
                    let index = nodes.len();
                    nodes.push(FlatNode {
                        id: n.id(),
                        tag: "",
                        text: Some(t),
                        parent,
                        end: index + 1,
                        child_index: 0,
                        element_children: 0,
                        is_block: false,
                        block,
                        chars,
                        link_chars,
                        commas,
                        inline_chars: 0,
                        inline_link_chars: 0,
                        prose: 0,
                        paragraphs: 0,
                        items: 0,
                        images: 0,
                        inputs: 0,
                        class_weight: 0,
                        furniture: false,
                        dropped: false,
                        in_dropped,
                        in_unlikely,
                    });
                }
                _ => {}
            },
            ego_tree::iter::Edge::Close(n) => {
                if let Node::Element(e) = n.value() {
                    if is_skipped_tag(e.name()) {
                        continue;
                    }
                    if let Some(i) = stack.pop() {
                        let len = nodes.len();
                        let children = child_counts.pop().unwrap_or(0);
                        if let Some(node) = nodes.get_mut(i) {
                            node.end = len;
                            node.element_children = children;
                        }
                        if e.name() == "a" {
                            link_depth = link_depth.saturating_sub(1);
                        }
                    }
                }
            }
        }
    }
    accumulate(&mut nodes);
    Flat { nodes, body }
}

/// Minimum inline chars for a block to count as a paragraph.
const PARAGRAPH_MIN_CHARS: u32 = 25;

/// Sums subtree statistics bottom-up (children have higher indices than their parent). Dropped
/// subtrees contribute nothing to their ancestors.
fn accumulate(nodes: &mut [FlatNode<'_>]) {
    for i in (0..nodes.len()).rev() {
        let Some(node) = nodes.get_mut(i) else {
            continue;
        };
        if node.is_element() && node.inline_chars >= PARAGRAPH_MIN_CHARS {
            node.paragraphs = node.paragraphs.saturating_add(1);
        }
        let own_prose = node.inline_chars.saturating_sub(node.inline_link_chars);
        if node.is_element() && own_prose >= PARAGRAPH_MIN_CHARS {
            node.prose = node.prose.saturating_add(own_prose);
        }
        if node.dropped {
            continue;
        }
        let (parent, prose, chars, link, commas, paras, items, images, inputs) = (
            node.parent,
            node.prose,
            node.chars,
            node.link_chars,
            node.commas,
            node.paragraphs,
            node.items,
            node.images,
            node.inputs,
        );
        if let Some(p) = nodes.get_mut(parent) {
            p.chars = p.chars.saturating_add(chars);
            p.prose = p.prose.saturating_add(prose);
            p.link_chars = p.link_chars.saturating_add(link);
            p.commas = p.commas.saturating_add(commas);
            p.paragraphs = p.paragraphs.saturating_add(paras);
            p.items = p.items.saturating_add(items);
            p.images = p.images.saturating_add(images);
            p.inputs = p.inputs.saturating_add(inputs);
        }
    }
}

impl Flat<'_> {
    /// Element path of node `i` (child indices from `<html>`).
    pub fn path(&self, i: usize) -> Vec<u32> {
        let mut path = Vec::new();
        let mut cur = i;
        while let Some(n) = self.nodes.get(cur) {
            if n.parent == usize::MAX {
                break;
            }
            path.push(n.child_index);
            cur = n.parent;
        }
        path.reverse();
        path
    }
}
