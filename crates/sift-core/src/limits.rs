//! Documented limits that bound the work done on any input, and the bounded parser that enforces them.
//!
//! Every page the browser hands over is analysed, including broken and hostile ones, so the work is
//! bounded by the input's size, not by what the markup asks for:
//! - input larger than [`MAX_INPUT_BYTES`] is refused before parsing;
//! - the parser is fed in chunks ([`chunk_bytes`]) and stopped with [`SiftError::TooManyNodes`] as
//!   soon as the tree holds more than [`MAX_NODES`] nodes (markup such as misnested formatting
//!   elements can make the tree grow faster than the input); a chunk is never larger than the room
//!   left under the limit allows, so the limit is overshot by at most [`PARSE_CHUNK_BYTES`];
//! - the parser's own work is bounded too: html5ever checks "is an element in scope" by scanning its
//!   stack of open elements for most block tags, so a page that nests deeply and keeps opening tags
//!   costs tags × depth. After each chunk the parser's depth (that of the newest node) is checked
//!   against [`MAX_PARSE_DEPTH`] and the tags × depth estimate against [`MAX_PARSE_WORK`]
//!   ([`SiftError::TooDeep`], [`SiftError::TooComplex`]); the tokenizer checks each attribute
//!   against the earlier ones of its tag, so a tag's attributes cost their count squared, which is
//!   added to the same budget before parsing: counted by the scan that leaves out unread bodies
//!   ([`crate::unread::prepare`]), or by a lexical prescan ([`attribute_work`]);
//! - content nested deeper than [`MAX_DEPTH`] elements is cut from the tree before analysis
//!   (Chromium's parser stops nesting at the same depth), so every later walk up or down the tree is
//!   bounded by it. Elements above the cut keep their element paths.
//!
//! See `docs/hardening.md` for the measured time and memory on pathological pages.

use std::borrow::Cow;

use ego_tree::iter::Edge;
use ego_tree::{NodeId, Tree};
use html5ever::driver::{self, ParseOpts};
use html5ever::tendril::{StrTendril, TendrilSink};
use html5ever::{local_name, ns, QualName};
use scraper::node::Comment;
use scraper::{Html, Node};

use crate::dom::separates_text;
use crate::lean_sink::LeanSink;
use crate::unread::is_space;

use crate::SiftError;

/// Largest input accepted, in bytes. Larger pages get [`SiftError::TooLarge`].
pub const MAX_INPUT_BYTES: usize = 64 * 1024 * 1024;

/// Most nodes (elements, text, comments) the parsed tree may hold; more gives
/// [`SiftError::TooManyNodes`]. Real pages hold well under 200,000 (the single-page HTML standard,
/// one of the largest documents on the web, about 1.5 million); a node costs roughly 150 bytes, so
/// this bounds the tree to a few hundred megabytes.
pub const MAX_NODES: usize = 2_000_000;

/// Deepest element nesting analysed; content below is cut from the tree. Chromium's HTML parser
/// stops nesting at 512 too, so a browser never shows deeper structure.
pub const MAX_DEPTH: usize = 512;

/// Deepest the parser may nest while parsing (the depth of the newest node, checked after each
/// chunk); deeper pages get [`SiftError::TooDeep`]. Browsers never build such trees (Chromium stops
/// nesting at 512), so only saved or hand-made pages reach it.
pub const MAX_PARSE_DEPTH: usize = 1024;

/// Most parser work allowed, counted as tags (`<`) × parse depth summed over the chunks, plus each
/// tag's attribute count squared over two ([`attribute_work`]); more gives
/// [`SiftError::TooComplex`]. A large real page (1 million tags at depth 15) costs 1.5e7; the limit
/// allows under ten seconds of html5ever's scope scans on this machine.
pub const MAX_PARSE_WORK: u64 = 100_000_000;

/// Smallest chunk of input fed to the parser between two checks of the limits, fed once the tree
/// comes within one such chunk's worth of [`MAX_NODES`]: small enough that one chunk cannot build
/// a huge tree, large enough that the checks cost nothing.
pub const PARSE_CHUNK_BYTES: usize = 1024;

/// Largest chunk fed to the parser, while the tree is far from [`MAX_NODES`]: each chunk costs the
/// parser a fresh buffer and a restart, and 1 KiB chunks took 2% more of the corpus' parse time
/// than chunks of 4 to 8 KiB (the native benchmark, alternated runs).
pub const MAX_PARSE_CHUNK_BYTES: usize = 8 * 1024;

/// Most tree nodes one byte of markup adds: `<p>x` (4 bytes) re-opens every formatting element left
/// open before it, of which there are at most [`MAX_PARSE_DEPTH`] (more make the page too deep)
/// and one chunk's new ones (about a thousand: identical elements are re-opened at most three
/// times, so each needs attributes of its own).
pub const NODES_PER_BYTE: usize = MAX_PARSE_DEPTH / 2;

/// Bytes to feed the parser next when the tree holds `nodes`: as many as cannot take it past
/// [`MAX_NODES`] at [`NODES_PER_BYTE`], within [`PARSE_CHUNK_BYTES`] to [`MAX_PARSE_CHUNK_BYTES`].
/// (The other limits are checked after each chunk as well; one chunk's worth of markup is at most
/// a few thousand tags, which no limit minds.)
pub fn chunk_bytes(nodes: usize) -> usize {
    (MAX_NODES.saturating_sub(nodes) / NODES_PER_BYTE)
        .clamp(PARSE_CHUNK_BYTES, MAX_PARSE_CHUNK_BYTES)
}

/// Parses `html` as a document within [`MAX_NODES`] and [`MAX_DEPTH`].
pub fn parse_document(html: &str) -> Result<Html, SiftError> {
    parse_document_with_work(
        &mut std::iter::once(Cow::Borrowed(html)),
        attribute_work(html.as_bytes()),
        Shape::of(html),
    )
}

/// Parses a page [`prepare`](crate::unread::prepare)d for it, as [`parse_document`] does.
pub fn parse_prepared(page: &crate::unread::Prepared<'_>) -> Result<Html, SiftError> {
    parse_document_with_work(
        &mut page.pieces().map(Cow::Borrowed),
        page.attribute_work,
        page.shape,
    )
}

/// Parses a page [`prepare`](crate::unread::prepare)d for it, as [`parse_prepared`] does, from a
/// `page` handed over and freed before the parse: the parser reads the kept parts through `read`,
/// given the byte ranges of [`Prepared::blocks`](crate::unread::Prepared::blocks) of at most
/// `block` bytes, in order. See [`crate::analyze_reread_html`].
pub fn parse_reread(
    page: String,
    block: usize,
    mut read: impl FnMut(std::ops::Range<usize>) -> String,
) -> Result<Html, SiftError> {
    let (blocks, attribute_work, shape) = {
        let prepared = crate::unread::prepare(&page);
        (
            prepared.blocks(block),
            prepared.attribute_work,
            prepared.shape,
        )
    };
    drop(page);
    parse_document_with_work(
        &mut blocks.into_iter().map(|range| Cow::Owned(read(range))),
        attribute_work,
        shape,
    )
}

/// [`parse_document`] of the text `pieces` make, with its [`attribute_work`] and [`Shape`]
/// already counted.
fn parse_document_with_work(
    pieces: &mut dyn Iterator<Item = Cow<'_, str>>,
    attribute_work: u64,
    shape: Shape,
) -> Result<Html, SiftError> {
    let sink = sized_sink(Html::new_document(), Node::Document, shape);
    let parser = driver::parse_document(sink, ParseOpts::default());
    parse_bounded(parser, pieces, attribute_work)
}

/// Parses `html` as a fragment in a `<body>` context (as [`Html::parse_fragment`] does), within the
/// same limits as [`parse_document`]: fragments come from pages too, and may be as hostile.
pub fn parse_fragment(html: &str) -> Result<Html, SiftError> {
    parse_fragment_with_work(
        &mut std::iter::once(Cow::Borrowed(html)),
        attribute_work(html.as_bytes()),
        Shape::of(html),
    )
}

/// Parses a fragment [`prepare`](crate::unread::prepare)d for it, as [`parse_fragment`] does.
pub fn parse_prepared_fragment(page: &crate::unread::Prepared<'_>) -> Result<Html, SiftError> {
    parse_fragment_with_work(
        &mut page.pieces().map(Cow::Borrowed),
        page.attribute_work,
        page.shape,
    )
}

/// [`parse_fragment`] of the text `pieces` make, with its [`attribute_work`] and [`Shape`]
/// already counted.
fn parse_fragment_with_work(
    pieces: &mut dyn Iterator<Item = Cow<'_, str>>,
    attribute_work: u64,
    shape: Shape,
) -> Result<Html, SiftError> {
    let sink = sized_sink(Html::new_fragment(), Node::Fragment, shape);
    let parser = driver::parse_fragment(
        sink,
        ParseOpts::default(),
        QualName::new(None, ns!(html), local_name!("body")),
        Vec::new(),
        false,
    );
    parse_bounded(parser, pieces, attribute_work)
}

/// The sink to parse into `doc`, its tree allocated once for the nodes `shape` expects (under
/// `root`, the document or fragment node).
fn sized_sink(mut doc: Html, root: Node, shape: Shape) -> LeanSink {
    doc.tree = Tree::with_capacity(root, shape.nodes.min(MAX_NODES + 1));
    LeanSink::new(doc, shape.keeps_whitespace, crate::lean_sink::OWNS_TEXT)
}

/// Tree nodes the parser adds beyond those seen in the markup: the document's `html`, `head` and
/// `body` when implied, a `tbody`, and a little room for elements the tree builder reopens.
pub(crate) const IMPLIED_NODES: usize = 16;

/// What a lexical pass over a page tells the parse before it starts: counted by the scan that
/// leaves out unread bodies ([`crate::unread::prepare`]), or by [`Shape::of`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shape {
    /// The tree's expected node count, so the tree is allocated once at its final size instead of
    /// growing by doubling (wasm memory never shrinks: every doubling stays in the peak). Each `<`
    /// that opens a tag, comment or doctype brings a node, and so does each text run between two
    /// tags unless [`LeanSink`] leaves it out (whitespace after a tag that [`separates_text`] or in
    /// the head) or the parser drops it (after `<html>`). An upper bound on all 404 corpus pages,
    /// 1.9% above the actual count at the median (the scan; the lexical count alone, 5.3%).
    pub nodes: usize,
    /// Whether a tag opens an element that shows its whitespace as written (`<pre>`, `<listing>`).
    pub keeps_whitespace: bool,
    /// Whether whitespace right after the markup read last is left out of the tree.
    after_unread_edge: bool,
    /// Inside the head: after `<head>`, before `</head>` or anything the head cannot hold.
    in_head: bool,
    /// Past the head, or past content that made the parser start the body.
    past_head: bool,
}

impl Default for Shape {
    /// Nothing read yet: the nodes the parser adds of its own.
    fn default() -> Self {
        Self {
            nodes: IMPLIED_NODES,
            keeps_whitespace: false,
            after_unread_edge: false,
            in_head: false,
            past_head: false,
        }
    }
}

impl Shape {
    /// The shape of `html`, read lexically.
    pub fn of(html: &str) -> Self {
        let mut shape = Self::default();
        shape.add_markup(html.as_bytes());
        shape
    }

    /// Adds the nodes of the markup `html` (read lexically, without modelling raw text: a `<` in
    /// a script counts as a tag, an overcount).
    pub fn add_markup(&mut self, html: &[u8]) {
        // Start of the text run after the markup read last (past its `>`).
        let mut from = 0;
        for at in memchr::memchr_iter(b'<', html) {
            if at < from {
                // Inside the previous tag (an attribute value).
                continue;
            }
            self.add_text_run(html.get(from..at).unwrap_or_default());
            let markup = html.get(at + 1..).unwrap_or_default();
            match markup.first() {
                Some(b) if b.is_ascii_alphabetic() => self.add_tag(&TagName::read(markup), false),
                Some(b'/') => {
                    let name = markup.get(1..).unwrap_or_default();
                    self.add_tag(&TagName::read(name), true);
                }
                Some(b'!' | b'?') => self.add_other(),
                // A `<` that starts nothing is text, counted with the run it ends.
                _ => {
                    from = at;
                    continue;
                }
            }
            from = memchr::memchr(b'>', markup).map_or(html.len(), |gt| at + gt + 2);
        }
        self.add_text_run(html.get(from..).unwrap_or_default());
    }

    /// Adds a start or end tag by its lower-cased name.
    pub fn add_tag(&mut self, name: &impl AsRef<[u8]>, end_tag: bool) {
        let name = name.as_ref();
        if !end_tag {
            self.nodes += 1;
            self.keeps_whitespace |= matches!(name, b"pre" | b"listing");
        }
        match (name, end_tag) {
            // A head opens only before anything of the body.
            (b"head", false) => self.in_head = !self.past_head,
            (b"html", false) => {}
            (b"head", true) => self.leave_head(),
            // Anything else ends the head (the parser moves on to the body).
            _ if !HEAD_CONTENT.contains(&name) => self.leave_head(),
            _ => {}
        }
        // (Whitespace right after `<html>` is dropped by the parser itself.)
        self.after_unread_edge =
            separates_text(name) || self.in_head || (name == b"html" && !end_tag);
    }

    /// Adds a comment, doctype or processing instruction (a node each).
    pub fn add_other(&mut self) {
        self.nodes += 1;
        self.after_unread_edge = self.in_head;
    }

    /// Adds the text between two pieces of markup (from past the `>` of one to the `<` of the
    /// next).
    pub fn add_text_run(&mut self, run: &[u8]) {
        if run.is_empty() {
            return;
        }
        let blank = run.iter().all(|&b| is_space(b));
        if !(blank && self.after_unread_edge) {
            self.nodes += 1;
        }
        if !blank {
            // Text ends the head, as any body content does.
            self.leave_head();
        }
    }

    fn leave_head(&mut self) {
        self.in_head = false;
        self.past_head = true;
    }
}

/// Elements the parser keeps in the head.
const HEAD_CONTENT: &[&[u8]] = &[
    b"base",
    b"link",
    b"meta",
    b"noscript",
    b"script",
    b"style",
    b"template",
    b"title",
];

/// A tag's name as [`Shape::of`] reads it: lower-cased, empty when longer than [`Self::LONGEST`]
/// (no name it looks for is longer).
struct TagName {
    bytes: [u8; Self::LONGEST],
    len: usize,
}

impl TagName {
    const LONGEST: usize = 10;

    /// The name at the start of `markup` (ended by anything but a letter or digit).
    fn read(markup: &[u8]) -> Self {
        let mut name = Self {
            bytes: [0; Self::LONGEST],
            len: 0,
        };
        for &b in markup {
            if !b.is_ascii_alphanumeric() {
                break;
            }
            let Some(slot) = name.bytes.get_mut(name.len) else {
                name.len = 0;
                break;
            };
            *slot = b.to_ascii_lowercase();
            name.len += 1;
        }
        name
    }

    fn as_bytes(&self) -> &[u8] {
        self.bytes.get(..self.len).unwrap_or_default()
    }
}

impl AsRef<[u8]> for TagName {
    fn as_ref(&self) -> &[u8] {
        self.as_bytes()
    }
}

/// Feeds the text `pieces` make to `parser` in chunks, checking the limits after each (the
/// parser's work starting at `attribute_work`), then cuts the tree at [`MAX_DEPTH`]. A chunk joins
/// short pieces (one per chunk made the parse stage 2% slower on the corpus: a page may keep
/// thousands of pieces between its comments).
fn parse_bounded(
    mut parser: driver::Parser<LeanSink>,
    pieces: &mut dyn Iterator<Item = Cow<'_, str>>,
    attribute_work: u64,
) -> Result<Html, SiftError> {
    let mut work = attribute_work;
    if work > MAX_PARSE_WORK {
        return Err(SiftError::TooComplex {
            limit: MAX_PARSE_WORK,
        });
    }
    let mut nodes = 0;
    let mut chunk = StrTendril::new();
    for piece in pieces {
        let mut rest: &str = &piece;
        while !rest.is_empty() {
            let room = chunk_bytes(nodes).saturating_sub(chunk.len());
            if rest.len() < room {
                chunk.push_slice(rest);
                break;
            }
            let (head, tail) = rest.split_at(chunk_end(rest, room));
            chunk.push_slice(head);
            rest = tail;
            (nodes, work) = feed(&mut parser, std::mem::take(&mut chunk), work)?;
        }
    }
    if !chunk.is_empty() {
        feed(&mut parser, chunk, work)?;
    }
    let mut doc = parser.finish();
    cut_below_depth(&mut doc, MAX_DEPTH);
    Ok(doc)
}

/// Feeds `chunk` to `parser` and checks the limits, the parser's work so far being `work`: the
/// tree's node count and the work after it.
fn feed(
    parser: &mut driver::Parser<LeanSink>,
    chunk: StrTendril,
    work: u64,
) -> Result<(usize, u64), SiftError> {
    let tags = memchr::memchr_iter(b'<', chunk.as_bytes()).count();
    parser.process(chunk);
    let html_doc = parser.tokenizer.sink.sink.inner.0.borrow();
    let nodes = html_doc.tree.nodes().len();
    if nodes > MAX_NODES {
        return Err(SiftError::TooManyNodes { limit: MAX_NODES });
    }
    let depth = html_doc
        .tree
        .nodes()
        .next_back()
        .map_or(0, |newest| newest.ancestors().count());
    if depth > MAX_PARSE_DEPTH {
        return Err(SiftError::TooDeep {
            limit: MAX_PARSE_DEPTH,
        });
    }
    let work = work.saturating_add(tags as u64 * depth as u64);
    if work > MAX_PARSE_WORK {
        return Err(SiftError::TooComplex {
            limit: MAX_PARSE_WORK,
        });
    }
    Ok((nodes, work))
}

/// Elements whose content the tokenizer reads as raw text, where `<` starts no tag.
const RAW_TEXT_ELEMENTS: &[&[u8]] = &[
    b"script",
    b"style",
    b"textarea",
    b"title",
    b"xmp",
    b"iframe",
    b"noembed",
    b"noframes",
    b"noscript",
];

/// Tags shorter than this (in bytes, `<` to `>`) are not counted by [`attribute_work`]: one holds
/// at most `len / 2` attributes, so its comparisons are at most `len * LONG_TAG_BYTES / 8`, linear
/// in the input. Only longer tags can make the tokenizer's work grow faster than the page.
pub const LONG_TAG_BYTES: usize = 256;

/// Estimated tokenizer work for attributes: for each start tag of at least [`LONG_TAG_BYTES`], its
/// attribute count squared over two (html5ever compares each new attribute with the tag's earlier
/// ones). A lexical approximation of the tokenizer: comments and raw-text elements are skipped,
/// quoted values honoured. Jumps between `<`, `>` and quotes with `memchr`, so it runs at memory
/// speed on ordinary markup.
pub fn attribute_work(html: &[u8]) -> u64 {
    let mut work = 0u64;
    let mut i = 0usize;
    while let Some(offset) = html.get(i..).and_then(|rest| memchr::memchr(b'<', rest)) {
        i += offset + 1;
        let rest = html.get(i..).unwrap_or_default();
        if rest.starts_with(b"!--") {
            i +=
                3 + find(rest.get(3..).unwrap_or_default(), b"-->").map_or(rest.len(), |at| at + 3);
            continue;
        }
        if !rest.first().is_some_and(u8::is_ascii_alphabetic) {
            continue;
        }
        let name_len = rest
            .iter()
            .position(|b| !b.is_ascii_alphanumeric())
            .unwrap_or(rest.len());
        let name = rest.get(..name_len).unwrap_or_default();
        let end = tag_end(rest);
        if end >= LONG_TAG_BYTES {
            let attributes = count_attributes(rest.get(name_len..end).unwrap_or_default());
            work = work.saturating_add(attributes * attributes / 2);
        }
        i += end;
        if RAW_TEXT_ELEMENTS
            .iter()
            .any(|raw| raw.eq_ignore_ascii_case(name))
        {
            let rest = html.get(i..).unwrap_or_default();
            i += find_end_tag(rest, name).unwrap_or(rest.len());
        }
    }
    work
}

/// Offset of the `>` that ends the tag starting `tag` (quotes honoured), or `tag.len()`.
fn tag_end(tag: &[u8]) -> usize {
    let mut at = 0usize;
    while let Some(offset) = tag
        .get(at..)
        .and_then(|rest| memchr::memchr3(b'>', b'"', b'\'', rest))
    {
        at += offset;
        match tag.get(at) {
            Some(&quote @ (b'"' | b'\'')) => {
                let after = tag.get(at + 1..).unwrap_or_default();
                match memchr::memchr(quote, after) {
                    Some(close) => at += close + 2,
                    None => return tag.len(),
                }
            }
            _ => return at,
        }
    }
    tag.len()
}

/// Attributes in a tag's inside (after its name, before `>`): runs of name characters after
/// whitespace or `/`, with quoted values skipped.
fn count_attributes(inside: &[u8]) -> u64 {
    let mut attributes = 0u64;
    let mut quote = None;
    let mut after_space = false;
    for &b in inside {
        if let Some(q) = quote {
            if b == q {
                quote = None;
            }
            continue;
        }
        match b {
            b'"' | b'\'' => quote = Some(b),
            b' ' | b'\t' | b'\n' | b'\r' | b'\x0c' | b'/' => after_space = true,
            _ => {
                attributes += u64::from(after_space);
                after_space = false;
            }
        }
    }
    attributes
}

/// Position of `needle` in `haystack`.
fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    memchr::memmem::find(haystack, needle)
}

/// Position of the end tag `</name` in `haystack`, ignoring ASCII case. Looks only at each `<`, so
/// long script and style bodies are skipped at memory speed.
fn find_end_tag(haystack: &[u8], name: &[u8]) -> Option<usize> {
    let mut from = 0usize;
    while let Some(offset) = haystack
        .get(from..)
        .and_then(|rest| memchr::memchr(b'<', rest))
    {
        let at = from + offset;
        let after = haystack.get(at + 1..).unwrap_or_default();
        if after.first() == Some(&b'/')
            && after
                .get(1..1 + name.len())
                .is_some_and(|candidate| candidate.eq_ignore_ascii_case(name))
        {
            return Some(at);
        }
        from = at + 1;
    }
    None
}

/// Where the next chunk of `rest` ends: at most `bytes` on, but never right before a U+FEFF.
/// html5ever drops a byte order mark at the start of every chunk it is fed, not only at the start
/// of the input (its `discard_bom` flag is never cleared), so a chunk may not start with one.
pub(crate) fn chunk_end(rest: &str, bytes: usize) -> usize {
    let mut end = char_boundary_at_or_before(rest, bytes);
    while rest
        .get(end..)
        .is_some_and(|tail| tail.starts_with('\u{feff}'))
    {
        end += '\u{feff}'.len_utf8();
    }
    end
}

/// The largest char boundary of `s` that is at most `max` (and above 0 when `s` is not empty).
fn char_boundary_at_or_before(s: &str, max: usize) -> usize {
    if s.len() <= max {
        return s.len();
    }
    let mut at = max;
    while at > 0 && !s.is_char_boundary(at) {
        at -= 1;
    }
    if at == 0 {
        // `max` is smaller than one char: take that char whole.
        at = s.chars().next().map_or(s.len(), char::len_utf8);
    }
    at
}

/// Cuts every node nested more than `max_depth` elements deep out of `doc`. Each cut node is
/// detached (so `select` and walks from the root never reach it) and emptied (so walks over
/// `tree.values()` see only empty comments and its attributes and text are freed).
pub fn cut_below_depth(doc: &mut Html, max_depth: usize) {
    let mut too_deep: Vec<NodeId> = Vec::new();
    let mut depth = 0usize;
    for edge in doc.tree.root().traverse() {
        match edge {
            Edge::Open(node) if node.value().is_element() => {
                depth += 1;
                if depth > max_depth {
                    too_deep.push(node.id());
                }
            }
            Edge::Open(node) => {
                if depth >= max_depth {
                    too_deep.push(node.id());
                }
            }
            Edge::Close(node) if node.value().is_element() => depth = depth.saturating_sub(1),
            Edge::Close(_) => {}
        }
    }
    // Children before parents, so each detach only unlinks a leaf.
    for id in too_deep.into_iter().rev() {
        if let Some(mut node) = doc.tree.get_mut(id) {
            node.detach();
            *node.value() = Node::Comment(Comment {
                comment: StrTendril::new(),
            });
        }
    }
}

/// Depth of the deepest element of `doc` (`<html>` is depth 1).
pub fn max_element_depth(doc: &Html) -> usize {
    let mut depth = 0usize;
    let mut deepest = 0usize;
    for edge in doc.tree.root().traverse() {
        match edge {
            Edge::Open(node) if node.value().is_element() => {
                depth += 1;
                deepest = deepest.max(depth);
            }
            Edge::Close(node) if node.value().is_element() => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    deepest
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn node_estimate_covers_the_tree_without_waste() {
        // Links separated by commas: three nodes for every two `<`, a shape a per-`<` estimate
        // falls short on (tag lists on fan-fiction and blog pages).
        let links: String = (0..200)
            .map(|i| format!("<a href=\"/t/{i}\">Tag {i}</a>, "))
            .collect();
        let page = format!(
            "<!DOCTYPE html><html><head><title>T</title></head><body><!-- c --><ul>\n<li>{links}</li></ul><p>a <b>b</b> c</p></body></html>"
        );
        let nodes = parse_document(&page).expect("parsed").tree.nodes().count();
        let estimate = Shape::of(&page).nodes;
        assert!(estimate >= nodes, "{estimate} < {nodes}");
        assert!(estimate <= nodes + IMPLIED_NODES, "{estimate} vs {nodes}");
    }

    /// The parse of a page freed and read again in blocks of every size is the parse of its pieces.
    #[test]
    fn a_page_read_again_in_blocks_parses_as_its_pieces() {
        let seed = std::fs::read_to_string(
            std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("../../tests/fixtures/seed/index.html"),
        )
        .expect("seed page");
        let generated = format!(
            "\u{feff}<!DOCTYPE html><p>Привіт 👋 «світ»</p><!-- c -->\u{feff}б<script>x()</script>{}",
            "<p>ї <b>ї</b> ї</p>\u{feff}".repeat(40)
        );
        for html in [seed.as_str(), generated.as_str()] {
            let expected = parse_prepared(&crate::unread::prepare(html))
                .expect("parsed")
                .html();
            for block in [1, 2, 3, 5, 64, 1000, crate::REREAD_BLOCK_BYTES] {
                let mut reads = 0;
                let doc = parse_reread(html.to_string(), block, |range| {
                    reads += 1;
                    html.get(range).expect("a char boundary").to_string()
                })
                .expect("parsed");
                assert_eq!(doc.html(), expected, "block {block}");
                assert!(
                    reads >= html.len() / 2 / block.max(1),
                    "block {block}: {reads} reads"
                );
            }
        }
    }

    #[test]
    fn attribute_work_counts_attributes_per_long_tag() {
        assert_eq!(attribute_work(b"<p>x</p>"), 0);
        let long_value = "v".repeat(LONG_TAG_BYTES);
        // Four attributes (a `>` inside quotes does not end the tag): 4 * 4 / 2.
        let long = format!("<a href={long_value} title='a b > c' class=\"d e\" id=x>");
        assert_eq!(attribute_work(long.as_bytes()), 8);
        // Short tags cost linear work and are not counted.
        assert_eq!(
            attribute_work(b"<a href=x title='a b > c' class=\"d e\" id=x>"),
            0
        );
        // Comments and script text hold no tags.
        let hidden = format!("<!-- {long} --><script>if(a<b c d e f g) {long}</script>");
        assert_eq!(attribute_work(hidden.as_bytes()), 0);
        // An end tag in another case still ends the script.
        let after = format!("<script>x</SCRIPT>{long}");
        assert_eq!(attribute_work(after.as_bytes()), 8);
        let many: String = (0..20_000).map(|i| format!(" a{i}=v")).collect();
        assert_eq!(
            attribute_work(format!("<div{many}>").as_bytes()),
            200_000_000
        );
        assert!(matches!(
            parse_document(&format!("<div{many}>")),
            Err(SiftError::TooComplex { .. })
        ));
    }

    #[test]
    fn chunked_fragment_parse_equals_whole_fragment_parse_and_is_bounded() {
        let html =
            "<div class=ask><p>Support us</p><form><input type=email></form></div>".repeat(300);
        let chunked = parse_fragment(&html).expect("parsed");
        assert_eq!(chunked.html(), Html::parse_fragment(&html).html());
        assert_eq!(
            parse_fragment(&"<div>".repeat(MAX_PARSE_DEPTH * 2)).err(),
            Some(SiftError::TooDeep {
                limit: MAX_PARSE_DEPTH
            })
        );
    }

    #[test]
    fn chunks_split_on_char_boundaries() {
        let s = "aé€😀";
        for max in 1..=s.len() {
            let at = char_boundary_at_or_before(s, max);
            assert!(at > 0 && at <= s.len().max(max) && s.is_char_boundary(at));
        }
        assert_eq!(char_boundary_at_or_before("😀x", 1), 4);
    }

    #[test]
    fn chunks_are_large_until_the_tree_nears_the_node_limit() {
        assert_eq!(chunk_bytes(1), MAX_NODES / NODES_PER_BYTE);
        assert!(chunk_bytes(1) > 2 * PARSE_CHUNK_BYTES);
        for nodes in (0..=MAX_NODES + 10).step_by(997) {
            let bytes = chunk_bytes(nodes);
            assert!((PARSE_CHUNK_BYTES..=MAX_PARSE_CHUNK_BYTES).contains(&bytes));
            // A chunk larger than the smallest never takes the tree past the limit.
            assert!(bytes == PARSE_CHUNK_BYTES || nodes + bytes * NODES_PER_BYTE <= MAX_NODES);
        }
    }

    #[test]
    fn chunked_parse_equals_whole_parse() {
        let mut html = String::from("<html lang=en><body>");
        for i in 0..2000 {
            html.push_str(&format!(
                "<p class=c{i}>Ünïcödé paragraph {i} &amp; <b>bold</b></p>"
            ));
        }
        let chunked = parse_document(&html).expect("parsed");
        assert_eq!(chunked.html(), Html::parse_document(&html).html());
        // A byte order mark where a chunk would start is kept, as in one whole feed (found by the
        // `unread` fuzz target).
        let boms = "\u{feff}".repeat(3);
        // (The first chunk is fed to a tree holding the document node.)
        let first_chunk = chunk_bytes(1);
        let html = format!("<p>{}{boms}x</p>", "a".repeat(first_chunk - 3));
        assert_eq!(chunk_end(&html, first_chunk), first_chunk + boms.len());
        let chunked = parse_document(&html).expect("parsed");
        assert_eq!(chunked.html(), Html::parse_document(&html).html());
        assert!(chunked.html().contains(&format!("a{boms}x")));
    }

    #[test]
    fn nesting_deeper_than_the_parse_limit_is_refused() {
        let html = "<div>".repeat(MAX_PARSE_DEPTH * 2);
        assert_eq!(
            parse_document(&html).err(),
            Some(SiftError::TooDeep {
                limit: MAX_PARSE_DEPTH
            })
        );
    }

    #[test]
    fn many_tags_at_great_depth_exceed_the_work_limit() {
        let depth = MAX_PARSE_DEPTH - PARSE_CHUNK_BYTES / 5 - 10;
        let html = format!("{}{}", "<div>".repeat(depth), "<p>".repeat(200_000));
        assert_eq!(
            parse_document(&html).err(),
            Some(SiftError::TooComplex {
                limit: MAX_PARSE_WORK
            })
        );
    }

    #[test]
    fn deep_nesting_is_cut_at_the_limit_and_shallow_paths_survive() {
        let depth = MAX_DEPTH + 300;
        let html = format!(
            "<p id=top>x</p>{}deep{}",
            "<div>".repeat(depth),
            "</div>".repeat(depth)
        );
        let doc = parse_document(&html).expect("parsed");
        assert_eq!(max_element_depth(&doc), MAX_DEPTH);
        let divs = scraper::Selector::parse("div").expect("selector");
        // html and body take two levels.
        assert_eq!(doc.select(&divs).count(), MAX_DEPTH - 2);
        let top = scraper::Selector::parse("#top").expect("selector");
        let p = doc.select(&top).next().expect("p kept");
        assert_eq!(crate::dom::element_path(p), Some(vec![1, 0]));
        assert!(!doc.html().contains("deep"));
    }

    #[test]
    fn runaway_formatting_reconstruction_is_stopped() {
        // Each `<p>x</p>` re-opens every formatting element left open in the first paragraph: the
        // tree grows quadratically with the input.
        let mut html = String::from("<p>");
        for i in 0..900 {
            html.push_str(&format!("<b id=b{i}>"));
        }
        html.push_str("</p>");
        html.push_str(&"<p>x</p>".repeat(3000));
        assert_eq!(
            parse_document(&html).err(),
            Some(SiftError::TooManyNodes { limit: MAX_NODES })
        );
    }
}
