//! The document flattened in pre-order, with per-element statistics computed once, bottom-up.
//!
//! Every later step (scoring, cleaning, paragraph assembly) reads these numbers instead of re-walking
//! subtrees, so extraction stays linear in the size of the page. An element's subtree is the index
//! range `i..nodes[i].end`.

use std::collections::HashSet;
use std::hash::BuildHasher;
use std::sync::OnceLock;

use ego_tree::NodeId;
use html5ever::{local_name, LocalName};
use scraper::{Html, Node};

use super::boilerplate::{
    IN_ARTICLE_FURNITURE, MAYBE_CONTENT, NEGATIVE, POSITIVE, STANDFIRST, UNLIKELY, UNLIKELY_ROLES,
};
use crate::claims::FastMap;
use crate::clutter::matcher::Matcher;

/// [`tag_bits`]: a subtree never read for text (`rt`/`rp`: ruby annotations, e.g. furigana, which
/// would split the words they annotate).
const TAG_SKIPPED: u16 = 1;
/// [`tag_bits`]: starts a new block of text (a line break before and after).
const TAG_BLOCK: u16 = 2;
/// [`tag_bits`]: never holds article text, whatever it contains.
const TAG_NEVER_CONTENT: u16 = 4;
/// [`tag_bits`]: `html`, `body`, `article`, `main`: never unlikely.
const TAG_STRUCTURAL: u16 = 8;
/// [`tag_bits`]: `aside`, `footer`: unlikely by tag.
const TAG_UNLIKELY: u16 = 16;
/// [`tag_bits`]: `main`.
const TAG_MAIN: u16 = 32;
/// [`tag_bits`]: `article`.
const TAG_ARTICLE: u16 = 64;
/// [`tag_bits`]: `body`.
const TAG_BODY: u16 = 128;
/// [`tag_bits`]: `a`.
const TAG_LINK: u16 = 256;

/// What the walk reads of an element's tag: the tag lists, matched once on the parser's interned
/// name (number compares instead of string compares against each list).
fn tag_bits(local: &LocalName) -> u16 {
    use html5ever::local_name as n;
    match *local {
        n!("script")
        | n!("style")
        | n!("noscript")
        | n!("template")
        | n!("head")
        | n!("svg")
        | n!("math")
        | n!("rt")
        | n!("rp") => TAG_SKIPPED,
        n!("body") => TAG_BLOCK | TAG_STRUCTURAL | TAG_BODY,
        n!("article") => TAG_BLOCK | TAG_STRUCTURAL | TAG_ARTICLE,
        n!("main") => TAG_BLOCK | TAG_STRUCTURAL | TAG_MAIN,
        n!("html") => TAG_STRUCTURAL,
        n!("aside") | n!("footer") => TAG_BLOCK | TAG_UNLIKELY,
        n!("nav") | n!("dialog") => TAG_BLOCK | TAG_NEVER_CONTENT,
        n!("a") => TAG_LINK,
        n!("address")
        | n!("blockquote")
        | n!("br")
        | n!("dd")
        | n!("details")
        | n!("div")
        | n!("dl")
        | n!("dt")
        | n!("fieldset")
        | n!("figcaption")
        | n!("figure")
        | n!("form")
        | n!("h1")
        | n!("h2")
        | n!("h3")
        | n!("h4")
        | n!("h5")
        | n!("h6")
        | n!("header")
        | n!("hr")
        | n!("li")
        | n!("ol")
        | n!("p")
        | n!("pre")
        | n!("section")
        | n!("summary")
        | n!("table")
        | n!("tbody")
        | n!("td")
        | n!("tfoot")
        | n!("th")
        | n!("thead")
        | n!("tr")
        | n!("ul") => TAG_BLOCK,
        n!("button")
        | n!("select")
        | n!("textarea")
        | n!("input")
        | n!("option")
        | n!("iframe")
        | n!("object")
        | n!("embed")
        | n!("canvas")
        | n!("audio")
        | n!("video")
        | n!("label") => TAG_NEVER_CONTENT,
        _ => 0,
    }
}

/// One element of the flattened document (its text children are [`FlatText`] rows beside it). Kept
/// small (72 bytes in wasm32): the table has a row per element and, in wasm, adds to the peak memory
/// beside the tree.
#[derive(Debug, Clone)]
pub struct FlatNode<'a> {
    /// The node in the parsed tree.
    pub id: NodeId,
    /// Tag name.
    tag: &'a str,
    /// Index of the parent (`usize::MAX` for the first node).
    pub parent: usize,
    /// One past the last index of this element's subtree.
    pub end: usize,
    /// Index among the parent's element children (for element paths).
    pub child_index: u32,
    /// Number of element children (skipped ones included).
    pub element_children: u32,
    /// Nearest block ancestor-or-self (index).
    pub block: usize,
    /// Index in [`Flat::texts`] of the first text after this element's start tag.
    pub first_text: u32,
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
    /// Form inputs in the subtree.
    pub inputs: u32,
    /// Class/id weight: +25 positive, -25 negative, both or neither 0.
    pub class_weight: i8,
    /// The flags below ([`FlatNode::has`], [`FlatNode::set`]).
    flags: u16,
}

/// One text node of the flattened document. Text nodes outnumber elements on most pages (two to
/// one on the densest), so they get a row of their own, small, rather than an element's.
#[derive(Debug, Clone, Copy)]
pub struct FlatText<'a> {
    /// The text as parsed.
    pub text: &'a str,
    /// Index of the parent element in [`Flat::nodes`].
    pub parent: u32,
}

/// Largest [`FlatNode`]: checked when compiling, so a field added grows the table knowingly.
const FLAT_NODE_MAX_BYTES: usize = if cfg!(target_pointer_width = "32") {
    72
} else {
    96
};
const _: () = assert!(std::mem::size_of::<FlatNode<'static>>() <= FLAT_NODE_MAX_BYTES);

/// Largest [`FlatText`], checked likewise.
const FLAT_TEXT_MAX_BYTES: usize = if cfg!(target_pointer_width = "32") {
    12
} else {
    24
};
const _: () = assert!(std::mem::size_of::<FlatText<'static>>() <= FLAT_TEXT_MAX_BYTES);

/// The flags of a [`FlatNode`], one bit each.
pub mod flag {
    /// The element starts a block of text ([`TAG_BLOCK`](super::TAG_BLOCK)).
    pub const IS_BLOCK: u16 = 1;
    /// Class/id says "small furniture inside an article"
    /// ([`IN_ARTICLE_FURNITURE`](crate::article::boilerplate::IN_ARTICLE_FURNITURE)).
    pub const FURNITURE: u16 = 1 << 1;
    /// Class/id says "standfirst" (a deck, summary or lede:
    /// [`boilerplate::STANDFIRST`](crate::article::boilerplate::STANDFIRST)).
    pub const STANDFIRST: u16 = 1 << 2;
    /// Hidden (attribute, ARIA, inline style), already tagged clutter, or never content: left out with
    /// its subtree.
    pub const DROPPED: u16 = 1 << 3;
    /// This node or an ancestor is [`DROPPED`].
    pub const IN_DROPPED: u16 = 1 << 4;
    /// This node or an ancestor is [`UNLIKELY`].
    pub const IN_UNLIKELY: u16 = 1 << 5;
    /// Class, id, role or tag says "not content" (left out in strict mode).
    pub const UNLIKELY: u16 = 1 << 6;
    /// Hidden, already tagged clutter, or never content: left out in every mode.
    pub const HARD_DROP: u16 = 1 << 7;
    /// The subtree holds the page's declared article body (`itemprop=articleBody`, `<main>`,
    /// `role=main`, or the page's only `<article>`): never left out as unlikely.
    pub const HOLDS_BODY: u16 = 1 << 8;
    /// The subtree holds an `<h1>`.
    pub const HOLDS_H1: u16 = 1 << 9;
    /// A link or inside one: its own text is link text.
    pub const IN_LINK: u16 = 1 << 10;

    /// `flag` when `on`, else no flag.
    pub const fn when(on: bool, flag: u16) -> u16 {
        if on {
            flag
        } else {
            0
        }
    }
}

impl<'a> FlatNode<'a> {
    /// An element at `index` with every count zero and every flag off but `flags`; the walk sets
    /// what it knows.
    fn new(
        id: NodeId,
        tag: &'a str,
        flags: u16,
        parent: usize,
        index: usize,
        block: usize,
    ) -> Self {
        Self {
            id,
            tag,
            parent,
            end: index + 1,
            child_index: 0,
            element_children: 0,
            block,
            first_text: 0,
            chars: 0,
            link_chars: 0,
            commas: 0,
            inline_chars: 0,
            inline_link_chars: 0,
            prose: 0,
            paragraphs: 0,
            inputs: 0,
            class_weight: 0,
            flags,
        }
    }

    /// Tag name.
    pub fn tag(&self) -> &'a str {
        self.tag
    }

    /// Whether `flag` (one of the flag constants: [`DROPPED`], …) is set.
    pub fn has(&self, flag: u16) -> bool {
        self.flags & flag != 0
    }

    /// Sets or clears `flag`.
    pub fn set(&mut self, flag: u16, on: bool) {
        if on {
            self.flags |= flag;
        } else {
            self.flags &= !flag;
        }
    }
}

impl FlatNode<'_> {
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
    /// Elements in pre-order (document order).
    pub nodes: Vec<FlatNode<'a>>,
    /// Text nodes in document order: those after element `i`'s start tag and before element
    /// `i + 1`'s are `texts[nodes[i].first_text..nodes[i + 1].first_text]`.
    pub texts: Vec<FlatText<'a>>,
    /// Index of `<body>`, if any.
    pub body: Option<usize>,
    /// Whether the elements' text counts are subtree sums of an earlier [`Flat::prepare`] (else
    /// they are zero).
    summed: bool,
}

/// What marks an element as the article body, found during the walk.
#[derive(Debug, Clone, Copy, PartialEq)]
enum BodyMark {
    None,
    /// `itemprop=articleBody`, `<main>`, `role=main`.
    Declared,
    /// An `<article>` element (a marker only when it is the page's only one).
    Article,
}

/// The attributes extraction reads, gathered in one pass over an element's attributes.
#[derive(Default)]
struct Attrs<'a> {
    class: Option<&'a str>,
    id: Option<&'a str>,
    role: Option<&'a str>,
    itemprop: Option<&'a str>,
    hidden: bool,
}

fn read_attrs(el: &scraper::node::Element) -> Attrs<'_> {
    let mut a = Attrs::default();
    // By local name, whatever the namespace (as `Element::attrs` names them), matched as the
    // parser's interned names.
    for (name, value) in &el.attrs {
        let value: &str = value;
        match name.local {
            local_name!("class") => a.class = Some(value),
            local_name!("id") => a.id = Some(value),
            local_name!("role") => a.role = Some(value),
            local_name!("itemprop") => a.itemprop = Some(value),
            local_name!("hidden") => a.hidden = true,
            local_name!("aria-hidden") => a.hidden |= value == "true",
            local_name!("style") => a.hidden |= style_hides(value),
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

/// The weight a positive (or, negated, a negative) class or id gives an element.
const CLASS_WEIGHT: i8 = 25;

/// What an element's `class` and `id` say ([`boilerplate`] tables).
#[derive(Debug, Clone, Copy, Default, PartialEq)]
struct ClassFlags {
    weight: i8,
    unlikely: bool,
    furniture: bool,
    standfirst: bool,
}

/// Which table a class/id pattern comes from (bits of [`class_matcher`]'s tags).
const T_POSITIVE: u8 = 1;
const T_NEGATIVE: u8 = 2;
const T_UNLIKELY: u8 = 4;
const T_MAYBE: u8 = 8;
const T_FURNITURE: u8 = 16;
const T_STANDFIRST: u8 = 32;

/// One matcher over every class/id table, and each pattern's table bit.
fn class_matcher() -> &'static (Matcher, Vec<u8>) {
    static MATCHER: OnceLock<(Matcher, Vec<u8>)> = OnceLock::new();
    MATCHER.get_or_init(|| {
        let tables: [(&[&'static str], u8); 6] = [
            (POSITIVE, T_POSITIVE),
            (NEGATIVE, T_NEGATIVE),
            (UNLIKELY, T_UNLIKELY),
            (MAYBE_CONTENT, T_MAYBE),
            (IN_ARTICLE_FURNITURE, T_FURNITURE),
            (STANDFIRST, T_STANDFIRST),
        ];
        let mut patterns = Vec::new();
        let mut bits = Vec::new();
        for (table, bit) in tables {
            for p in table {
                patterns.push(*p);
                bits.push(bit);
            }
        }
        (Matcher::new(patterns), bits)
    })
}

/// Reads the flags of a `class`/`id` pair (ASCII lower-cased into `buf`, substring matches, one pass).
fn class_flags(class: Option<&str>, id: Option<&str>, buf: &mut String) -> ClassFlags {
    buf.clear();
    if let Some(c) = class {
        buf.push_str(c);
    }
    if let Some(i) = id {
        buf.push(' ');
        buf.push_str(i);
    }
    buf.make_ascii_lowercase();
    let (matcher, bits) = class_matcher();
    let mut found = 0u8;
    matcher.for_each_at(buf, |i, _| {
        found |= bits.get(usize::from(i)).copied().unwrap_or(0);
    });
    let has = |bit: u8| found & bit != 0;
    ClassFlags {
        weight: i8::from(has(T_POSITIVE)) * CLASS_WEIGHT - i8::from(has(T_NEGATIVE)) * CLASS_WEIGHT,
        unlikely: has(T_UNLIKELY) && !has(T_MAYBE),
        furniture: has(T_FURNITURE),
        standfirst: has(T_STANDFIRST),
    }
}

/// Most distinct `class` values whose flags [`ClassCache`] keeps (beyond it flags are read again for
/// each element): bounds the map on hostile pages with endless distinct classes.
const MAX_CACHED_CLASSES: usize = 4096;

/// Flags of the `class` values already seen on the page, for elements with a class and no id (pages
/// repeat the same few class strings on many elements; ids are nearly always unique, so elements
/// with one are read directly).
struct ClassCache<'a> {
    flags: FastMap<&'a str, ClassFlags>,
    /// Buffer for the lower-cased class/id text.
    buf: String,
}

impl<'a> ClassCache<'a> {
    fn new() -> Self {
        Self {
            flags: FastMap::default(),
            buf: String::new(),
        }
    }

    /// The flags of a `class`/`id` pair, as [`class_flags`] reads them.
    fn get(&mut self, class: Option<&'a str>, id: Option<&str>) -> ClassFlags {
        match (class, id) {
            (None, None) => ClassFlags::default(),
            (Some(c), None) => {
                if let Some(&f) = self.flags.get(c) {
                    return f;
                }
                let f = class_flags(Some(c), None, &mut self.buf);
                if self.flags.len() < MAX_CACHED_CLASSES {
                    self.flags.insert(c, f);
                }
                f
            }
            _ => class_flags(class, id, &mut self.buf),
        }
    }
}

/// Bytes counted per chunk of [`text_stats`]'s ASCII scan (its per-chunk counters are `u8`).
const ASCII_CHUNK: usize = 255;

/// Counts non-whitespace chars and commas of a text, on bytes in chunks with `u8` counters, loops
/// the compiler vectorises: ASCII text (nearly all text nodes) by its bytes; other text by counting
/// chars as the bytes that are not UTF-8 continuation bytes, with the few non-ASCII spaces and commas
/// (see [`non_ascii_class`]) decoded only in chunks that hold one of their lead bytes.
fn text_stats(text: &str) -> (u32, u32) {
    let bytes = text.as_bytes();
    let ascii = bytes.is_ascii();
    let mut spaces = 0usize;
    let mut commas = 0usize;
    let mut continuations = 0usize;
    for (n, chunk) in bytes.chunks(ASCII_CHUNK).enumerate() {
        let (mut s, mut c) = (0u8, 0u8);
        for &b in chunk {
            // The ASCII chars `char::is_whitespace` accepts: space and \t \n \v \f \r (9..=13).
            s += u8::from((b == b' ') | (b.wrapping_sub(b'\t') < 5));
            c += u8::from(b == b',');
        }
        spaces += usize::from(s);
        commas += usize::from(c);
        if ascii {
            continue;
        }
        let (mut k, mut l) = (0u8, 0u8);
        for &b in chunk {
            k += u8::from((b & 0xC0) == 0x80);
            l += u8::from(is_special_lead(b));
        }
        continuations += usize::from(k);
        if l == 0 {
            continue;
        }
        let start = n * ASCII_CHUNK;
        for (j, &b) in chunk.iter().enumerate() {
            if is_special_lead(b) {
                match non_ascii_class(bytes, start + j) {
                    NonAscii::Space => spaces += 1,
                    NonAscii::Comma => commas += 1,
                    NonAscii::Other => {}
                }
            }
        }
    }
    let chars = bytes
        .len()
        .saturating_sub(spaces)
        .saturating_sub(continuations);
    // Counts only grow, so clamping the totals equals saturating every step.
    (
        u32::try_from(chars).unwrap_or(u32::MAX),
        u32::try_from(commas).unwrap_or(u32::MAX),
    )
}

/// Whether `b` is the first byte of a non-ASCII char that [`non_ascii_class`] may find a space
/// or a comma.
fn is_special_lead(b: u8) -> bool {
    (b == 0xC2) | (b == 0xD8) | (b.wrapping_sub(0xE1) < 3) | (b == 0xEF)
}

/// What a non-ASCII char counts as in [`text_stats`].
enum NonAscii {
    /// Whitespace (`char::is_whitespace`).
    Space,
    /// A comma of another script.
    Comma,
    /// Anything else.
    Other,
}

/// Classifies the UTF-8 char whose first byte is at `j` of `bytes`.
fn non_ascii_class(bytes: &[u8], j: usize) -> NonAscii {
    let at = |k: usize| bytes.get(j + k).copied().unwrap_or(0);
    match (at(0), at(1), at(2)) {
        // U+0085 next line, U+00A0 no-break space.
        (0xC2, 0x85 | 0xA0, _)
        // U+1680 ogham space mark.
        | (0xE1, 0x9A, 0x80)
        // U+2000..=U+200A spaces, U+2028 line and U+2029 paragraph separators, U+202F narrow
        // no-break space.
        | (0xE2, 0x80, 0x80..=0x8A | 0xA8 | 0xA9 | 0xAF)
        // U+205F medium mathematical space.
        | (0xE2, 0x81, 0x9F)
        // U+3000 ideographic space.
        | (0xE3, 0x80, 0x80) => NonAscii::Space,
        // U+060C Arabic comma, U+3001 ideographic comma, U+FF0C fullwidth comma.
        (0xD8, 0x8C, _) | (0xE3, 0x80, 0x81) | (0xEF, 0xBC, 0x8C) => NonAscii::Comma,
        _ => NonAscii::Other,
    }
}

/// Builds the flattened document in one walk; `exclude` holds elements already tagged as clutter.
/// The statistics are filled by [`Flat::prepare`].
pub fn flatten<'a, S: BuildHasher>(doc: &'a Html, exclude: &HashSet<NodeId, S>) -> Flat<'a> {
    // At most one row per element or text of the tree: reserved once, so the rows are never moved
    // by the vectors growing.
    let (elements, text_nodes) = doc.tree.values().fold((0, 0), |(e, t), v| match v {
        Node::Element(_) => (e + 1, t),
        Node::Text(_) => (e, t + 1),
        _ => (e, t),
    });
    let mut nodes: Vec<FlatNode<'a>> = Vec::with_capacity(elements);
    let mut texts: Vec<FlatText<'a>> = Vec::with_capacity(text_nodes);
    let mut marks: Vec<BodyMark> = Vec::with_capacity(elements);
    let mut body = None;
    // Stack of open element indices; `link_depth` counts open <a> elements.
    let mut stack: Vec<usize> = Vec::new();
    let mut link_depth = 0usize;
    let mut child_counts: Vec<u32> = Vec::new();
    let mut classes = ClassCache::new();
    let root = doc.root_element();
    let mut edges = root.traverse();
    while let Some(edge) = edges.next() {
        match edge {
            ego_tree::iter::Edge::Open(n) => match n.value() {
                Node::Element(e) => {
                    let tag = e.name();
                    let bits = tag_bits(&e.name.local);
                    let child_index = match child_counts.last_mut() {
                        Some(c) => {
                            let i = *c;
                            *c += 1;
                            i
                        }
                        None => 0,
                    };
                    if bits & TAG_SKIPPED != 0 {
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
                    let is_block = bits & TAG_BLOCK != 0;
                    let block = if is_block {
                        index
                    } else {
                        nodes.get(parent).map_or(index, |p| p.block)
                    };
                    let attrs = read_attrs(e);
                    let flags = classes.get(attrs.class, attrs.id);
                    let role = attrs.role.map(str::to_ascii_lowercase);
                    let role_unlikely =
                        role.as_deref().is_some_and(|r| UNLIKELY_ROLES.contains(&r));
                    let structural = bits & TAG_STRUCTURAL != 0;
                    let unlikely = !structural
                        && (role_unlikely || flags.unlikely || bits & TAG_UNLIKELY != 0);
                    let hard_drop = attrs.hidden
                        || bits & TAG_NEVER_CONTENT != 0
                        || (!exclude.is_empty() && exclude.contains(&n.id()));
                    let mark = if bits & TAG_MAIN != 0
                        || role.as_deref() == Some("main")
                        || attrs
                            .itemprop
                            .is_some_and(|p| p.split_whitespace().any(|w| w == "articleBody"))
                    {
                        BodyMark::Declared
                    } else if bits & TAG_ARTICLE != 0 {
                        BodyMark::Article
                    } else {
                        BodyMark::None
                    };
                    if bits & TAG_BODY != 0 && body.is_none() {
                        body = Some(index);
                    }
                    let node_flags = flag::when(is_block, flag::IS_BLOCK)
                        | flag::when(flags.furniture, flag::FURNITURE)
                        | flag::when(flags.standfirst, flag::STANDFIRST)
                        | flag::when(unlikely, flag::UNLIKELY)
                        | flag::when(hard_drop, flag::HARD_DROP)
                        | flag::when(link_depth > 0 || bits & TAG_LINK != 0, flag::IN_LINK);
                    nodes.push(FlatNode {
                        child_index,
                        class_weight: flags.weight,
                        first_text: u32::try_from(texts.len()).unwrap_or(u32::MAX),
                        ..FlatNode::new(n.id(), tag, node_flags, parent, index, block)
                    });
                    marks.push(mark);
                    if bits & TAG_LINK != 0 {
                        link_depth += 1;
                    }
                    stack.push(index);
                    child_counts.push(0);
                }
                Node::Text(t) => {
                    let parent = stack.last().copied().unwrap_or(usize::MAX);
                    let Some(parent) = u32::try_from(parent)
                        .ok()
                        .filter(|&p| nodes.len() > p as usize)
                    else {
                        continue;
                    };
                    texts.push(FlatText { text: t, parent });
                }
                _ => {}
            },
            ego_tree::iter::Edge::Close(n) => {
                if let Node::Element(e) = n.value() {
                    let bits = tag_bits(&e.name.local);
                    if bits & TAG_SKIPPED != 0 {
                        continue;
                    }
                    if let Some(i) = stack.pop() {
                        let len = nodes.len();
                        let children = child_counts.pop().unwrap_or(0);
                        if let Some(node) = nodes.get_mut(i) {
                            node.end = len;
                            node.element_children = children;
                        }
                        if bits & TAG_LINK != 0 {
                            link_depth = link_depth.saturating_sub(1);
                        }
                    }
                }
            }
        }
    }
    mark_bodies(&mut nodes, &marks);
    Flat {
        nodes,
        texts,
        body,
        summed: false,
    }
}

/// Sets `holds_body` on the declared article body and its ancestors (children have higher indices
/// than their parent, so one reverse pass carries it up).
fn mark_bodies(nodes: &mut [FlatNode<'_>], marks: &[BodyMark]) {
    let articles = marks.iter().filter(|&&m| m == BodyMark::Article).count();
    for i in (0..nodes.len()).rev() {
        let mark = marks.get(i).copied().unwrap_or(BodyMark::None);
        let Some(node) = nodes.get_mut(i) else {
            continue;
        };
        let own = mark == BodyMark::Declared || (mark == BodyMark::Article && articles == 1);
        node.flags |=
            flag::when(own, flag::HOLDS_BODY) | flag::when(node.tag() == "h1", flag::HOLDS_H1);
        let (held, parent) = (
            node.flags & (flag::HOLDS_BODY | flag::HOLDS_H1),
            node.parent,
        );
        if let Some(p) = nodes.get_mut(parent) {
            p.flags |= held;
        }
    }
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
        if node.inline_chars >= PARAGRAPH_MIN_CHARS {
            node.paragraphs = node.paragraphs.saturating_add(1);
        }
        let own_prose = node.inline_chars.saturating_sub(node.inline_link_chars);
        if own_prose >= PARAGRAPH_MIN_CHARS {
            node.prose = node.prose.saturating_add(own_prose);
        }
        if node.has(flag::DROPPED) {
            continue;
        }
        let (parent, prose, chars, link, commas, paras, inputs) = (
            node.parent,
            node.prose,
            node.chars,
            node.link_chars,
            node.commas,
            node.paragraphs,
            node.inputs,
        );
        if let Some(p) = nodes.get_mut(parent) {
            p.chars = p.chars.saturating_add(chars);
            p.prose = p.prose.saturating_add(prose);
            p.link_chars = p.link_chars.saturating_add(link);
            p.commas = p.commas.saturating_add(commas);
            p.paragraphs = p.paragraphs.saturating_add(paras);
            p.inputs = p.inputs.saturating_add(inputs);
        }
    }
}

/// An unlikely-named wrapper holding the headline and at least this share of the page's prose is the
/// article's wrapper ("after-header", "content-with-sidebar"), not boilerplate.
const WRAPPER_MIN_PROSE_SHARE: f64 = 0.5;

impl Flat<'_> {
    /// Marks unlikely-named wrappers of the article as holding its body (never dropped). Fills the
    /// relaxed statistics it reads (`prepare(false)`) only when some unlikely element holds an `<h1>`:
    /// otherwise there is nothing to protect and that pass is skipped.
    pub fn protect_wrappers(&mut self) {
        if !self
            .nodes
            .iter()
            .any(|n| n.has(flag::UNLIKELY) && n.has(flag::HOLDS_H1))
        {
            return;
        }
        self.prepare(false);
        let page_prose = self
            .body
            .and_then(|b| self.nodes.get(b))
            .map_or(0, |b| b.prose);
        if page_prose == 0 {
            return;
        }
        for node in &mut self.nodes {
            if node.has(flag::UNLIKELY)
                && node.has(flag::HOLDS_H1)
                && f64::from(node.prose) >= WRAPPER_MIN_PROSE_SHARE * f64::from(page_prose)
            {
                node.set(flag::HOLDS_BODY, true);
            }
        }
    }

    /// Fills the statistics for one mode: when `strict`, blocks whose class, id, role or tag says
    /// "not content" are left out too (unless they hold the declared article body). Linear; may be
    /// called again to switch modes.
    pub fn prepare(&mut self, strict: bool) {
        self.own_text_counts();
        let nodes = &mut self.nodes;
        for i in 0..nodes.len() {
            let (p_dropped, p_unlikely) =
                match nodes.get(nodes.get(i).map_or(usize::MAX, |n| n.parent)) {
                    Some(p) => (p.has(flag::IN_DROPPED), p.has(flag::IN_UNLIKELY)),
                    None => (false, false),
                };
            let Some(node) = nodes.get_mut(i) else {
                continue;
            };
            let dropped = node.has(flag::HARD_DROP)
                || (strict && node.has(flag::UNLIKELY) && !node.has(flag::HOLDS_BODY));
            node.set(flag::DROPPED, dropped);
            node.inline_chars = 0;
            node.inline_link_chars = 0;
            node.prose = 0;
            node.paragraphs = 0;
            node.inputs = u32::from(matches!(node.tag(), "input" | "textarea" | "select"));
            let in_dropped = dropped || p_dropped;
            node.set(flag::IN_DROPPED, in_dropped);
            let in_unlikely = node.has(flag::UNLIKELY) || p_unlikely;
            node.set(flag::IN_UNLIKELY, in_unlikely);
            // The element's own text counts as inline text of its block (the block's inline counts
            // were reset above or at the block's own row, which comes first).
            if !in_dropped {
                let (block, chars, link_chars) = (node.block, node.chars, node.link_chars);
                if let Some(b) = nodes.get_mut(block) {
                    b.inline_chars = b.inline_chars.saturating_add(chars);
                    b.inline_link_chars = b.inline_link_chars.saturating_add(link_chars);
                }
            }
        }
        accumulate(nodes);
        self.summed = true;
    }

    /// Leaves in each element's `chars`, `link_chars` and `commas` the counts of its own text (its
    /// text children's). Counted from the texts the first time; after that, recovered from the
    /// sums of the mode before, which [`accumulate`] made by adding each element not dropped into
    /// its parent: in document order an element still holds its sum when it is taken from its
    /// parent's. The counts are not kept per element (a row of three counts more made the table
    /// larger than the clutter table before it, whose memory it reuses in wasm), nor counted from
    /// the texts again.
    fn own_text_counts(&mut self) {
        let nodes = &mut self.nodes;
        if self.summed {
            for i in 0..nodes.len() {
                let Some(node) = nodes.get(i).filter(|n| !n.has(flag::DROPPED)) else {
                    continue;
                };
                let (parent, chars, link, commas) =
                    (node.parent, node.chars, node.link_chars, node.commas);
                if let Some(p) = nodes.get_mut(parent) {
                    p.chars = p.chars.saturating_sub(chars);
                    p.link_chars = p.link_chars.saturating_sub(link);
                    p.commas = p.commas.saturating_sub(commas);
                }
            }
            return;
        }
        for text in &self.texts {
            let Some(node) = nodes.get_mut(text.parent as usize) else {
                continue;
            };
            let (chars, commas) = text_stats(text.text);
            node.chars = node.chars.saturating_add(chars);
            if node.has(flag::IN_LINK) {
                node.link_chars = node.link_chars.saturating_add(chars);
            }
            node.commas = node.commas.saturating_add(commas);
        }
    }

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

#[cfg(test)]
mod tests {
    use super::*;

    /// The char-by-char definition `text_stats` must agree with.
    fn reference_stats(text: &str) -> (u32, u32) {
        let chars = text.chars().filter(|c| !c.is_whitespace());
        let commas = chars
            .clone()
            .filter(|c| matches!(c, ',' | '，' | '、' | '،'))
            .count();
        (chars.count() as u32, commas as u32)
    }

    /// Index of the first element with `tag` and its `holds_body` after [`Flat::protect_wrappers`].
    fn protected(html: &str, tag: &str) -> Option<bool> {
        let doc = Html::parse_document(html);
        let mut flat = flatten(&doc, &HashSet::new());
        flat.protect_wrappers();
        flat.nodes
            .iter()
            .find(|n| n.tag() == tag)
            .map(|n| n.has(flag::HOLDS_BODY))
    }

    /// The tag lists as first written, which [`tag_bits`] must agree with: subtrees never read for
    /// text.
    /// (`rt`/`rp`: ruby annotations, e.g. furigana, which would split the words they annotate.)
    fn is_skipped_tag(tag: &str) -> bool {
        matches!(
            tag,
            "script" | "style" | "noscript" | "template" | "head" | "svg" | "math" | "rt" | "rp"
        )
    }

    /// Elements that start a new block of text (a line break before and after).
    fn is_block_tag(tag: &str) -> bool {
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
    fn is_never_content_tag(tag: &str) -> bool {
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

    #[test]
    fn tag_bits_agree_with_the_tag_lists() {
        let names = [
            "script",
            "style",
            "noscript",
            "template",
            "head",
            "svg",
            "math",
            "rt",
            "rp",
            "html",
            "body",
            "article",
            "main",
            "aside",
            "footer",
            "nav",
            "dialog",
            "a",
            "address",
            "blockquote",
            "br",
            "dd",
            "details",
            "div",
            "dl",
            "dt",
            "fieldset",
            "figcaption",
            "figure",
            "form",
            "h1",
            "h2",
            "h3",
            "h4",
            "h5",
            "h6",
            "header",
            "hr",
            "li",
            "ol",
            "p",
            "pre",
            "section",
            "summary",
            "table",
            "tbody",
            "td",
            "tfoot",
            "th",
            "thead",
            "tr",
            "ul",
            "button",
            "select",
            "textarea",
            "input",
            "option",
            "iframe",
            "object",
            "embed",
            "canvas",
            "audio",
            "video",
            "label",
            "span",
            "img",
            "b",
            "em",
            "custom-widget",
            "x",
        ];
        for name in crate::dom::SEPARATING {
            let name = std::str::from_utf8(name).expect("ASCII");
            assert!(tag_bits(&LocalName::from(name)) & TAG_BLOCK != 0, "{name}");
        }
        for name in names {
            let bits = tag_bits(&LocalName::from(name));
            let has = |bit: u16| bits & bit != 0;
            assert_eq!(has(TAG_SKIPPED), is_skipped_tag(name), "{name}");
            // Skipped subtrees are never read further.
            if !has(TAG_SKIPPED) {
                assert_eq!(has(TAG_BLOCK), is_block_tag(name), "{name}");
                // The parse leaves out whitespace beside exactly these blocks (lean_sink).
                let separates = crate::dom::separates_text(name.as_bytes());
                assert_eq!(has(TAG_BLOCK), separates, "{name}");
                assert_eq!(has(TAG_NEVER_CONTENT), is_never_content_tag(name), "{name}");
            }
            let structural = matches!(name, "html" | "body" | "article" | "main");
            assert_eq!(has(TAG_STRUCTURAL), structural, "{name}");
            assert_eq!(
                has(TAG_UNLIKELY),
                matches!(name, "aside" | "footer"),
                "{name}"
            );
            assert_eq!(has(TAG_MAIN), name == "main", "{name}");
            assert_eq!(has(TAG_ARTICLE), name == "article", "{name}");
            assert_eq!(has(TAG_BODY), name == "body", "{name}");
            assert_eq!(has(TAG_LINK), name == "a", "{name}");
        }
    }

    #[test]
    fn unlikely_wrapper_of_the_headline_and_prose_is_protected() {
        let prose = "<p>A sentence long enough to count as a paragraph of prose, with words.</p>";
        let wrapped = format!(
            "<body><section class=\"sidebar\"><h1>Title</h1>{}</section></body>",
            prose.repeat(5)
        );
        assert_eq!(protected(&wrapped, "section"), Some(true));
        // No unlikely element holds the <h1>: nothing is protected (and the pass is skipped).
        let plain = format!(
            "<body><h1>Title</h1><section class=\"sidebar\">{}</section></body>",
            prose.repeat(5)
        );
        assert_eq!(protected(&plain, "section"), Some(false));
    }

    #[test]
    fn text_counts_go_to_their_elements_links_and_blocks() {
        let doc = Html::parse_document(
            "<body><div>Lead, text <a href=/x>link <b>bold</b></a> tail\
             <p>Para <span>one</span>, two</p><nav hidden>Left out</nav></div></body>",
        );
        let mut flat = flatten(&doc, &HashSet::new());
        flat.prepare(true);
        let node = |tag: &str| {
            flat.nodes
                .iter()
                .find(|n| n.tag() == tag)
                .expect("element")
                .clone()
        };
        // Non-whitespace chars: "Lead,text" 9, "link" 4, "bold" 4, "tail" 4; "Para" 4, "one" 3,
        // ",two" 4; the hidden nav's 7 count for it but not for its ancestors.
        let (div, a, b, p, nav) = (node("div"), node("a"), node("b"), node("p"), node("nav"));
        assert_eq!(
            (b.chars, b.link_chars),
            (4, 4),
            "text inside a link's child"
        );
        assert_eq!((a.chars, a.link_chars), (8, 8));
        assert_eq!((p.chars, p.link_chars, p.commas), (11, 0, 1));
        assert_eq!((p.inline_chars, p.inline_link_chars), (11, 0));
        assert_eq!(nav.chars, 7);
        assert_eq!((div.chars, div.link_chars, div.commas), (32, 8, 2));
        // The div's own inline text: its texts and its inline elements', not the <p>'s.
        assert_eq!((div.inline_chars, div.inline_link_chars), (21, 8));
    }

    /// The statistics of a mode are the same whether it is prepared first or after the other.
    #[test]
    fn preparing_again_gives_the_statistics_of_a_first_preparation() {
        let doc = Html::parse_document(
            "<body><div class=sidebar>Side, text <a href=/x>link <b>in, it</b></a>\
             <p>A paragraph long enough to count, with some words in it.</p></div>\
             <nav hidden>Left out, <a href=/y>here</a></nav><article><p>Body text, long \
             enough to be a paragraph of prose.</p><p>More, <a href=/z>linked</a>.</p></article></body>",
        );
        let counts = |flat: &Flat<'_>| -> Vec<[u32; 8]> {
            flat.nodes
                .iter()
                .map(|n| {
                    [
                        n.chars,
                        n.link_chars,
                        n.commas,
                        n.inline_chars,
                        n.inline_link_chars,
                        n.prose,
                        n.paragraphs,
                        u32::from(n.flags),
                    ]
                })
                .collect()
        };
        for strict in [true, false] {
            let mut first = flatten(&doc, &HashSet::new());
            first.prepare(strict);
            let mut again = flatten(&doc, &HashSet::new());
            again.prepare(!strict);
            again.prepare(strict);
            again.prepare(!strict);
            again.prepare(strict);
            assert_eq!(counts(&again), counts(&first), "strict {strict}");
            assert!(counts(&first).iter().any(|c| c[0] > 0 && c[2] > 0));
        }
    }

    #[test]
    fn class_cache_gives_the_flags_read_directly() {
        let mut cache = ClassCache::new();
        let mut buf = String::new();
        let pairs = [
            (Some("article-body entry-content"), None),
            (Some("Sidebar widget"), None),
            (Some("article-body entry-content"), None),
            (Some("sidebar"), Some("comments")),
            (None, Some("main-content")),
            (None, None),
            (Some("Sidebar widget"), None),
            (Some("post-dek"), None),
        ];
        // Twice: the second round reads every class from the cache.
        for (class, id) in pairs.iter().chain(pairs.iter()) {
            assert_eq!(
                cache.get(*class, *id),
                class_flags(*class, *id, &mut buf),
                "{class:?} {id:?}"
            );
        }
        assert_ne!(cache.get(Some("sidebar"), None), ClassFlags::default());
    }

    #[test]
    fn text_stats_match_the_char_definition() {
        for text in [
            "",
            "  plain, ascii text,\twith\ttabs\r\n",
            "\u{0b}\u{0c}\u{85}\u{a0}nbsp\u{2009}thin\u{3000}ideographic",
            "中文，逗号、和 عربي، كلمة",
            "émigré — naïve, café; 😀 emoji,",
            "\u{0b}a,\u{0c}b,,c \u{1c}\u{7f}",
        ] {
            assert_eq!(text_stats(text), reference_stats(text), "{text:?}");
        }
        // Longer than one chunk of the ASCII scan, with a chunk boundary inside a run of spaces.
        let long = format!("{}{}", "word, ".repeat(100), " ".repeat(300));
        assert_eq!(text_stats(&long), reference_stats(&long));
        assert_eq!(text_stats(&long), (500, 100));
    }

    #[test]
    fn text_stats_match_the_char_definition_for_every_char() {
        // Each char alone, between ASCII, and repeated across a chunk boundary of the byte scan.
        for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
            let alone = c.to_string();
            assert_eq!(text_stats(&alone), reference_stats(&alone), "{c:?}");
            let mixed = format!("a{c},b{c}\u{201c}");
            assert_eq!(text_stats(&mixed), reference_stats(&mixed), "{c:?}");
        }
        for c in [
            '\u{a0}', '\u{2009}', '\u{3000}', '\u{ff0c}', '\u{201c}', 'é', '😀',
        ] {
            let long = format!("{}{}", "word, ".repeat(40), c.to_string().repeat(200));
            assert_eq!(text_stats(&long), reference_stats(&long), "{c:?}");
        }
    }
}
