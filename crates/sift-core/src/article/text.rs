//! Paragraph assembly: the text of the chosen parts, one line per block, with boilerplate blocks left
//! out (Readability's conditional cleaning, on the precomputed statistics) and furniture lines dropped.

use super::boilerplate;
use super::nodes::{flag, Flat, FlatNode};

/// Containers cleaned conditionally (Readability's `_cleanConditionally` targets).
const CONDITIONAL_TAGS: &[&str] = &[
    "div", "section", "ul", "ol", "dl", "table", "form", "header", "figure", "aside", "center",
];
/// Containers with fewer commas than this are candidates for cleaning.
const CLEAN_MAX_COMMAS: u32 = 10;
/// Containers with less text than this (and no paragraph) are left out.
const CLEAN_MIN_CHARS: u32 = 25;
/// Link density above which a container without a positive class is left out.
const CLEAN_LINK_DENSITY: f64 = 0.2;
/// Link density above which any container is left out.
const CLEAN_LINK_DENSITY_POSITIVE: f64 = 0.5;
/// A block whose text is nearly all link text and is short is a link, not a paragraph.
const LINK_LINE_DENSITY: f64 = 0.7;
/// Furniture blocks (captions, bylines...) are left out when they hold less than this share of the part.
const FURNITURE_MAX_SHARE: f64 = 0.3;
const LINK_LINE_MAX_CHARS: u32 = 120;
/// Whether figure captions are part of the text.
const KEEP_CAPTIONS: bool = false;

/// One assembled line and the block it came from.
#[derive(Debug, Clone)]
pub struct Line {
    /// The text, whitespace collapsed.
    pub text: String,
    /// Index of the block element that holds it.
    pub block: usize,
}

/// A container holding at least this share of its part's prose is the article itself, whatever its
/// link density or class says: conditional cleaning never removes it.
const CLEAN_MAX_PROSE_SHARE: f64 = 0.5;

/// A footer or aside inside the part is the article only when it holds this share of its prose.
const FOOTER_MIN_PROSE_SHARE: f64 = 0.75;

/// Whether the subtree at `i` (inside a part of `part_chars` chars and `part_prose` chars of prose)
/// is left out.
fn skip(node: &FlatNode<'_>, is_part: bool, part_chars: u32, part_prose: u32) -> bool {
    if node.has(flag::DROPPED) {
        return true;
    }
    if is_part {
        return false;
    }
    let tag = node.tag();
    if tag == "h1" || (!KEEP_CAPTIONS && tag == "figcaption") {
        return true;
    }
    if tag == "header" && node.chars.saturating_mul(2) < part_chars && !node.has(flag::STANDFIRST) {
        return true;
    }
    let holds_article =
        part_prose > 0 && f64::from(node.prose) >= CLEAN_MAX_PROSE_SHARE * f64::from(part_prose);
    if node.has(flag::FURNITURE)
        && (f64::from(node.chars) < FURNITURE_MAX_SHARE * f64::from(part_chars) || !holds_article)
    {
        return true;
    }
    // Footers and asides inside the part (kept by the relaxed attempt) unless they hold nearly all
    // of its prose.
    if matches!(tag, "footer" | "aside")
        && f64::from(node.prose) < FOOTER_MIN_PROSE_SHARE * f64::from(part_prose)
    {
        return true;
    }
    let ld = node.link_density();
    if matches!(
        tag,
        "p" | "li" | "dd" | "div" | "h2" | "h3" | "h4" | "h5" | "h6"
    ) && ld >= LINK_LINE_DENSITY
        && node.chars <= LINK_LINE_MAX_CHARS
    {
        return true;
    }
    if CONDITIONAL_TAGS.contains(&tag) && node.commas < CLEAN_MAX_COMMAS && !holds_article {
        if node.class_weight < 0 && node.paragraphs < 2 {
            return true;
        }
        if node.chars < CLEAN_MIN_CHARS && node.paragraphs == 0 {
            return true;
        }
        if node.inputs > 0 && node.inputs.saturating_mul(3) > node.paragraphs {
            return true;
        }
        if node.class_weight < 25 && ld > CLEAN_LINK_DENSITY {
            return true;
        }
        if ld > CLEAN_LINK_DENSITY_POSITIVE {
            return true;
        }
    }
    false
}

/// Lines being built: the finished ones and the open one.
#[derive(Debug, Default)]
struct LineBuf {
    /// Finished lines.
    lines: Vec<Line>,
    /// The open line.
    line: String,
    /// The block the open line's first char came from.
    block: usize,
    /// Whether whitespace came after the open line's last char.
    pending_space: bool,
}

impl LineBuf {
    /// Ends the open line, if it holds anything.
    fn flush(&mut self) {
        if !self.line.is_empty() {
            self.lines.push(Line {
                text: std::mem::take(&mut self.line),
                block: self.block,
            });
        }
    }

    /// Appends the text of a node of `block`, whitespace collapsed (in `<pre>`, each newline ends
    /// the line).
    fn push_text(&mut self, text: &str, in_pre: bool, block: usize) {
        if text.is_ascii() {
            self.push_ascii(text, in_pre, block);
        } else {
            self.push_chars(text, in_pre, block);
        }
    }

    /// The definition: char by char.
    fn push_chars(&mut self, text: &str, in_pre: bool, block: usize) {
        for ch in text.chars() {
            if in_pre && ch == '\n' {
                self.flush();
                self.pending_space = false;
            } else if ch.is_whitespace() {
                self.pending_space = !self.line.is_empty();
            } else {
                if self.line.is_empty() {
                    self.block = block;
                } else if self.pending_space {
                    self.line.push(' ');
                }
                self.pending_space = false;
                self.line.push(ch);
            }
        }
    }

    /// [`Self::push_chars`] for ASCII text: each stretch of words separated by single spaces is
    /// appended whole (it collapses to itself).
    fn push_ascii(&mut self, text: &str, in_pre: bool, block: usize) {
        let bytes = text.as_bytes();
        let mut i = 0;
        while let Some(&b) = bytes.get(i) {
            if in_pre && b == b'\n' {
                self.flush();
                self.pending_space = false;
                i += 1;
            } else if is_ascii_space(b) {
                self.pending_space = !self.line.is_empty();
                i += 1;
            } else {
                let start = i;
                i += 1;
                loop {
                    match bytes.get(i) {
                        Some(&c) if !is_ascii_space(c) => i += 1,
                        Some(b' ') if bytes.get(i + 1).is_some_and(|&c| !is_ascii_space(c)) => {
                            i += 2;
                        }
                        _ => break,
                    }
                }
                if self.line.is_empty() {
                    self.block = block;
                } else if self.pending_space {
                    self.line.push(' ');
                }
                self.pending_space = false;
                self.line.push_str(text.get(start..i).unwrap_or_default());
            }
        }
    }
}

/// Whether an ASCII byte is a char `char::is_whitespace` accepts: space and \t \n \v \f \r.
fn is_ascii_space(b: u8) -> bool {
    b == b' ' || (b'\t'..=b'\r').contains(&b)
}

/// Whether the element spanning `span` (its index and end) holds element `i`.
fn holds(span: (usize, usize), i: usize) -> bool {
    span.0 <= i && i < span.1
}

/// The block and `<pre>` elements open where the walk is, as (index, end).
#[derive(Default)]
struct Open {
    blocks: Vec<(usize, usize)>,
    pres: Vec<(usize, usize)>,
}

impl Open {
    /// Moves to what element `i` holds (element `i` itself, or a text whose parent is `i`): closes
    /// the elements that do not hold it, ending the line at each block.
    fn move_to(&mut self, i: usize, buf: &mut LineBuf) {
        while self.blocks.last().is_some_and(|&b| !holds(b, i)) {
            self.blocks.pop();
            buf.flush();
        }
        while self.pres.last().is_some_and(|&b| !holds(b, i)) {
            self.pres.pop();
        }
    }
}

/// Builds lines from the text of `parts`: their elements in order, each followed by the texts
/// before the next ([`Flat::texts`]).
pub fn assemble(flat: &Flat<'_>, parts: &[usize]) -> Vec<Line> {
    let mut buf = LineBuf::default();
    for &part in parts {
        let Some(p) = flat.nodes.get(part) else {
            continue;
        };
        let part_chars = p.chars;
        let part_prose = p.prose;
        buf.block = part;
        buf.pending_space = false;
        let mut open = Open::default();
        let end = p.end;
        let mut i = part;
        let mut t = p.first_text as usize;
        loop {
            // The texts before element `i` (after the part's last element: the rest of its texts).
            let texts_end = match flat.nodes.get(i) {
                Some(n) if i < end => n.first_text as usize,
                _ => flat.texts.len(),
            };
            while let Some(text) = flat.texts.get(t).filter(|_| t < texts_end) {
                let parent = text.parent as usize;
                if !holds((part, end), parent) {
                    break;
                }
                open.move_to(parent, &mut buf);
                let block = flat.nodes.get(parent).map_or(part, |n| n.block);
                buf.push_text(text.text, !open.pres.is_empty(), block);
                t += 1;
            }
            let Some(node) = flat.nodes.get(i).filter(|_| i < end) else {
                break;
            };
            open.move_to(i, &mut buf);
            let span = (i, node.end.max(i + 1));
            if skip(node, i == part, part_chars, part_prose) {
                // Its texts go with it.
                while flat
                    .texts
                    .get(t)
                    .is_some_and(|text| holds(span, text.parent as usize))
                {
                    t += 1;
                }
                i = span.1;
                continue;
            }
            if node.has(flag::IS_BLOCK) {
                buf.flush();
                buf.pending_space = false;
                open.blocks.push(span);
            }
            if node.tag() == "pre" {
                open.pres.push(span);
            }
            if matches!(node.tag(), "td" | "th") {
                buf.pending_space = !buf.line.is_empty();
            }
            i += 1;
        }
        buf.flush();
    }
    let mut lines = buf.lines;
    lines.retain(|l| !boilerplate::is_furniture_line(&l.text));
    drop_orphan_headings(flat, &mut lines);
    lines
}

/// Whether a line comes from a heading element.
fn is_heading_line(flat: &Flat<'_>, line: &Line) -> bool {
    flat.nodes
        .get(line.block)
        .is_some_and(|n| matches!(n.tag(), "h2" | "h3" | "h4" | "h5" | "h6"))
}

/// Drops headings that head nothing: followed by another heading or by the end of the text (the
/// headings of related-link lists and teaser boxes whose links were left out).
fn drop_orphan_headings(flat: &Flat<'_>, lines: &mut Vec<Line>) {
    let mut keep = vec![true; lines.len()];
    for i in 0..lines.len() {
        let Some(line) = lines.get(i) else { continue };
        if !is_heading_line(flat, line) {
            continue;
        }
        let next_is_heading_or_end = lines.get(i + 1).is_none_or(|n| is_heading_line(flat, n));
        if next_is_heading_or_end {
            if let Some(k) = keep.get_mut(i) {
                *k = false;
            }
        }
    }
    let mut flags = keep.into_iter();
    lines.retain(|_| flags.next().unwrap_or(true));
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The state of a buffer, for comparing two.
    fn state(buf: &LineBuf) -> (Vec<(String, usize)>, String, usize, bool) {
        let lines = buf
            .lines
            .iter()
            .map(|l| (l.text.clone(), l.block))
            .collect();
        (lines, buf.line.clone(), buf.block, buf.pending_space)
    }

    /// The lines of the first `<div>` of `html`, with the blocks' tags.
    fn div_lines(html: &str) -> Vec<(String, &'static str)> {
        let doc = scraper::Html::parse_document(html);
        let mut flat = super::super::nodes::flatten(&doc, &std::collections::HashSet::new());
        flat.prepare(true);
        let div = flat.nodes.iter().position(|n| n.tag() == "div");
        assemble(&flat, &div.into_iter().collect::<Vec<_>>())
            .into_iter()
            .map(|l| {
                let tag = flat.nodes.get(l.block).map_or("", |n| n.tag());
                let tag = ["div", "p", "pre", "li"]
                    .into_iter()
                    .find(|&t| t == tag)
                    .unwrap_or("?");
                (l.text, tag)
            })
            .collect()
    }

    #[test]
    fn texts_between_elements_go_to_their_blocks_and_skipped_subtrees_lose_theirs() {
        let lines = div_lines(
            "<div>Lead <b>bold</b> text<p>First <i>para</i>graph</p>tail after it \
             <nav>Nav text</nav> more <ul><li>item <span>one</span> of a list long enough to stay</li></ul>tail \
             <ul><li>short</li></ul> too<pre>line 1\nline <b>2</b>\n</pre>end</div><p>After</p>",
        );
        let expected = [
            ("Lead bold text", "div"),
            ("First paragraph", "p"),
            // The navigation is left out with its text; no line ends there.
            ("tail after it more", "div"),
            ("item one of a list long enough to stay", "li"),
            // So is the short list (cleaned out as too little text).
            ("tail too", "div"),
            ("line 1", "pre"),
            ("line 2", "pre"),
            ("end", "div"),
        ];
        let expected: Vec<(String, &str)> =
            expected.iter().map(|&(t, b)| (t.to_string(), b)).collect();
        assert_eq!(lines, expected);
    }

    #[test]
    fn ascii_path_matches_the_char_definition() {
        let texts = [
            "",
            " ",
            "word",
            "  two words ",
            "a b  c\td\ne\u{0b}f\u{0c}g\rh",
            "line one\nline two\n\n  indented\n",
            " x  y z\n",
            "end \u{1c}\u{7f} ctl",
        ];
        for first in texts {
            for second in texts {
                for in_pre in [false, true] {
                    for (line, pending) in [("", false), ("open", false), ("open", true)] {
                        let start = || LineBuf {
                            line: line.to_string(),
                            block: 1,
                            pending_space: pending,
                            ..LineBuf::default()
                        };
                        let (mut fast, mut plain) = (start(), start());
                        for (block, text) in [(2, first), (3, second)] {
                            fast.push_ascii(text, in_pre, block);
                            plain.push_chars(text, in_pre, block);
                        }
                        fast.flush();
                        plain.flush();
                        assert_eq!(state(&fast), state(&plain), "{first:?} {second:?} {in_pre}");
                    }
                }
            }
        }
    }
}
