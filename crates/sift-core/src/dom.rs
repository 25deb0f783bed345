//! Small, iterative helpers over the parsed document: element paths and visible text.
//!
//! Nothing here recurses, so arbitrarily deep documents cannot overflow the stack.

use ego_tree::NodeRef;
use scraper::{ElementRef, Html, Node};

use crate::analysis::ElementPath;

/// Elements whose text is never shown to a reader.
pub const NON_TEXT_ELEMENTS: &[&str] = &["script", "style", "noscript", "template", "head"];

/// Whether an element (its lower-case local name) breaks the text around it: a block or a line
/// break, as article extraction reads blocks (`article::nodes`, whose table a test compares with
/// this one). Readers of the tree treat its edges as whitespace, so whitespace-only text next to it
/// says nothing ([`crate::lean_sink`] leaves it out). Invisible elements that may stand between two
/// words (`<meta>`, `<script>` in a paragraph) are not in it: the whitespace beside them is kept.
pub fn separates_text(name: &[u8]) -> bool {
    SEPARATING_KEYS.binary_search(&tag_key(name)).is_ok()
}

/// The elements [`separates_text`] names.
pub(crate) const SEPARATING: [&[u8]; 41] = [
    b"address",
    b"article",
    b"aside",
    b"blockquote",
    b"body",
    b"br",
    b"dd",
    b"details",
    b"dialog",
    b"div",
    b"dl",
    b"dt",
    b"fieldset",
    b"figcaption",
    b"figure",
    b"footer",
    b"form",
    b"h1",
    b"h2",
    b"h3",
    b"h4",
    b"h5",
    b"h6",
    b"header",
    b"hr",
    b"li",
    b"main",
    b"nav",
    b"ol",
    b"p",
    b"pre",
    b"section",
    b"summary",
    b"table",
    b"tbody",
    b"td",
    b"tfoot",
    b"th",
    b"thead",
    b"tr",
    b"ul",
];

/// [`SEPARATING`] as sorted [`tag_key`]s: a few integer compares per look-up (it is asked for every
/// whitespace-only text the parser sees).
const SEPARATING_KEYS: [u128; SEPARATING.len()] = {
    let mut keys = [0u128; SEPARATING.len()];
    let mut i = 0;
    while i < keys.len() {
        keys[i] = tag_key(SEPARATING[i]);
        // Insertion sort (a `const` block cannot call `sort`).
        let mut j = i;
        while j > 0 && keys[j - 1] > keys[j] {
            let swap = keys[j - 1];
            keys[j - 1] = keys[j];
            keys[j] = swap;
            j -= 1;
        }
        i += 1;
    }
    keys
};

/// A tag name of up to 16 bytes as one number (its bytes, big-endian); 0 for longer names, which
/// no table here holds.
const fn tag_key(name: &[u8]) -> u128 {
    if name.len() > 16 {
        return 0;
    }
    let mut key = 0u128;
    let mut i = 0;
    while i < name.len() {
        key = (key << 8) | name[i] as u128;
        i += 1;
    }
    key
}

/// The document's `<html>` element (html5ever always creates one).
pub fn html_element(doc: &Html) -> ElementRef<'_> {
    doc.root_element()
}

/// Path of `el` from `<html>` by element-child indices; `None` if `el` is not under `<html>`.
pub fn element_path(el: ElementRef<'_>) -> Option<ElementPath> {
    let mut path = Vec::new();
    let mut node = *el;
    loop {
        let parent = node.parent()?;
        if !parent.value().is_element() {
            // `node` is the <html> element (its parent is the document).
            path.reverse();
            return Some(path);
        }
        let index = node
            .prev_siblings()
            .filter(|sibling| sibling.value().is_element())
            .count();
        path.push(u32::try_from(index).unwrap_or(u32::MAX));
        node = parent;
    }
}

/// The element at `path` from `<html>`, if there is one.
pub fn element_at<'a>(doc: &'a Html, path: &[u32]) -> Option<ElementRef<'a>> {
    let mut el = html_element(doc);
    for &index in path {
        el = el.child_elements().nth(index as usize)?;
    }
    Some(el)
}

/// Lower-case local name of an element.
pub fn tag_name<'a>(el: &ElementRef<'a>) -> &'a str {
    el.value().name()
}

/// Text a reader would see in `node`'s subtree: script, style, noscript and template text left out,
/// whitespace runs collapsed to one space, trimmed.
pub fn visible_text(node: NodeRef<'_, Node>) -> String {
    let mut out = String::new();
    let mut pending_space = false;
    for_each_text(node, |text| {
        for ch in text.chars() {
            if ch.is_whitespace() {
                pending_space = !out.is_empty();
            } else {
                if pending_space {
                    out.push(' ');
                    pending_space = false;
                }
                out.push(ch);
            }
        }
    });
    out
}

/// Number of chars of [`visible_text`] without building the string.
pub fn visible_text_len(node: NodeRef<'_, Node>) -> usize {
    let mut len = 0;
    let mut pending_space = false;
    for_each_text(node, |text| {
        add_collapsed_len(text, &mut len, &mut pending_space)
    });
    len
}

/// Adds to `len` the chars `text` adds to a whitespace-collapsed text (runs of whitespace count as
/// one space, none before the first char): `pending_space` carries a run across calls.
pub fn add_collapsed_len(text: &str, len: &mut usize, pending_space: &mut bool) {
    if text.is_ascii() {
        // Byte by byte: the same chars as `char::is_whitespace` below (tab to carriage return, space).
        for &b in text.as_bytes() {
            if b == b' ' || (b'\t'..=b'\r').contains(&b) {
                *pending_space = *len > 0;
            } else {
                *len += 1 + usize::from(*pending_space);
                *pending_space = false;
            }
        }
        return;
    }
    for ch in text.chars() {
        if ch.is_whitespace() {
            *pending_space = *len > 0;
        } else {
            *len += 1 + usize::from(*pending_space);
            *pending_space = false;
        }
    }
}

/// Calls `f` with each text node of `node`'s subtree that a reader would see, in document order,
/// and with a space at each edge of an element that [`separates_text`] (so `<p>a</p><p>b</p>`
/// reads `a b`, with or without whitespace between the two).
pub fn for_each_text<'a>(node: NodeRef<'a, Node>, mut f: impl FnMut(&'a str)) {
    let separates = |n: NodeRef<'_, Node>| {
        n.value()
            .as_element()
            .is_some_and(|e| separates_text(e.name().as_bytes()))
    };
    let mut edges = node.traverse();
    while let Some(edge) = edges.next() {
        match edge {
            ego_tree::iter::Edge::Open(n) => {
                if separates(n) {
                    f(" ");
                }
                match n.value() {
                    Node::Text(text) => f(text),
                    Node::Element(e) if NON_TEXT_ELEMENTS.contains(&e.name()) && n != node => {
                        // Skip the subtree: advance until its Close edge.
                        for inner in edges.by_ref() {
                            if let ego_tree::iter::Edge::Close(closed) = inner {
                                if closed == n {
                                    break;
                                }
                            }
                        }
                    }
                    _ => {}
                }
            }
            ego_tree::iter::Edge::Close(n) => {
                if separates(n) {
                    f(" ");
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn path_round_trips() {
        let doc = Html::parse_document(
            "<html><head></head><body><div></div><p id=x>hi</p></body></html>",
        );
        let sel = scraper::Selector::parse("#x").expect("selector");
        let p = doc.select(&sel).next().expect("p");
        let path = element_path(p).expect("path");
        assert_eq!(path, vec![1, 1]);
        assert_eq!(element_at(&doc, &path).map(|e| e.id()), Some(p.id()));
        assert_eq!(element_path(html_element(&doc)), Some(vec![]));
    }

    #[test]
    fn visible_text_skips_scripts_and_collapses_space() {
        let doc = Html::parse_document(
            "<body><p> Hello \n <b>big</b><script>var x;</script>  world </p><style>p{}</style></body>",
        );
        let body = doc
            .select(&scraper::Selector::parse("body").expect("sel"))
            .next()
            .expect("body");
        assert_eq!(visible_text(*body), "Hello big world");
        assert_eq!(visible_text_len(*body), "Hello big world".chars().count());
    }

    #[test]
    fn collapsed_len_matches_the_collapsed_text() {
        // ASCII (with a vertical tab, which `char::is_whitespace` counts) and non-ASCII texts, whose
        // whitespace includes a no-break space and an ideographic space.
        for text in [
            "",
            "   ",
            " a  b\t\x0bc\r\n",
            "x",
            "Grüße\u{a0}\u{a0}aus  Köln ",
            "\u{3000}日本\u{3000}語",
        ] {
            let collapsed = text.split_whitespace().collect::<Vec<_>>().join(" ");
            let mut len = 0;
            add_collapsed_len(text, &mut len, &mut false);
            assert_eq!(len, collapsed.chars().count(), "{text:?}");
        }
    }
}
