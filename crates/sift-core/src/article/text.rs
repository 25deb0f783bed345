//! Paragraph assembly: the text of the chosen parts, one line per block, with boilerplate blocks left
//! out (Readability's conditional cleaning, on the precomputed statistics) and furniture lines dropped.

use super::boilerplate;
use super::nodes::{Flat, FlatNode};

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
    if node.dropped {
        return true;
    }
    if is_part {
        return false;
    }
    let tag = node.tag;
    if tag == "h1" || (!KEEP_CAPTIONS && tag == "figcaption") {
        return true;
    }
    if tag == "header" && node.chars.saturating_mul(2) < part_chars && !node.standfirst {
        return true;
    }
    let holds_article =
        part_prose > 0 && f64::from(node.prose) >= CLEAN_MAX_PROSE_SHARE * f64::from(part_prose);
    if node.furniture
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

/// Builds lines from the text of `parts`.
pub fn assemble(flat: &Flat<'_>, parts: &[usize]) -> Vec<Line> {
    let mut lines = Vec::new();
    for &part in parts {
        let Some(p) = flat.nodes.get(part) else {
            continue;
        };
        let part_chars = p.chars;
        let part_prose = p.prose;
        let mut line = String::new();
        let mut line_block = part;
        let mut pending_space = false;
        let mut open: Vec<usize> = Vec::new(); // ends of open block elements
        let mut pre_depth_end: Vec<usize> = Vec::new();
        let mut i = part;
        let end = p.end;
        while i < end {
            while open.last().is_some_and(|&e| e <= i) {
                open.pop();
                flush(&mut lines, &mut line, line_block);
            }
            while pre_depth_end.last().is_some_and(|&e| e <= i) {
                pre_depth_end.pop();
            }
            let Some(node) = flat.nodes.get(i) else { break };
            if node.is_element() {
                if skip(node, i == part, part_chars, part_prose) {
                    i = node.end.max(i + 1);
                    continue;
                }
                if node.is_block {
                    flush(&mut lines, &mut line, line_block);
                    pending_space = false;
                    if node.end > i + 1 {
                        open.push(node.end);
                    }
                }
                if node.tag == "pre" {
                    pre_depth_end.push(node.end);
                }
                if matches!(node.tag, "td" | "th") {
                    pending_space = !line.is_empty();
                }
            } else if let Some(text) = node.text {
                let in_pre = !pre_depth_end.is_empty();
                for ch in text.chars() {
                    if in_pre && ch == '\n' {
                        flush(&mut lines, &mut line, line_block);
                        pending_space = false;
                    } else if ch.is_whitespace() {
                        pending_space = !line.is_empty();
                    } else {
                        if line.is_empty() {
                            line_block = node.block;
                        } else if pending_space {
                            line.push(' ');
                        }
                        pending_space = false;
                        line.push(ch);
                    }
                }
            }
            i += 1;
        }
        flush(&mut lines, &mut line, line_block);
    }
    lines.retain(|l| !boilerplate::is_furniture_line(&l.text));
    drop_orphan_headings(flat, &mut lines);
    lines
}

/// Whether a line comes from a heading element.
fn is_heading_line(flat: &Flat<'_>, line: &Line) -> bool {
    flat.nodes
        .get(line.block)
        .is_some_and(|n| matches!(n.tag, "h2" | "h3" | "h4" | "h5" | "h6"))
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

fn flush(lines: &mut Vec<Line>, line: &mut String, block: usize) {
    if !line.is_empty() {
        lines.push(Line {
            text: std::mem::take(line),
            block,
        });
    }
}
