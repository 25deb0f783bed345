//! Leaves out, before parsing, what the analysis never reads: the bodies of scripts (JSON-LD
//! excepted), styles and noscripts, the bodies of SVG images without text (an icon's shapes), and
//! comments. The elements stay, with their attributes, so every element outside an SVG keeps its
//! element-child path; only their content goes. About half of a news page's bytes are such bodies,
//! and parsing them costs the parser about 15% of its time on the corpus pages (SVG shapes and
//! comments another 4%). The extension's content script sends pages without the bodies of scripts,
//! styles and noscripts, so the core sees the same input from the extension and from a saved page.
//!
//! The scan follows the HTML tokenizer's rules for what it needs (tags with quoted attribute values,
//! comments, raw text, RCDATA, script data with its escapes, SVG and MathML content) and stops
//! stripping at anything whose tokenizing depends on more of the tree builder than it models (a
//! frameset, `<plaintext>`, a start tag inside an SVG or MathML text integration point, an end tag
//! that does not close the foreign element last opened). From there the input is copied as it is,
//! so the tree built from the output is always the tree of the input, less what was left out (the
//! text around a comment becomes one text node; a comment goes only where that node parses as the
//! two did, see the private `text_run` module; tested on the corpus pages, on generated markup and
//! by fuzzing).

use std::borrow::Cow;
use std::ops::Range;

use crate::limits::{Shape, LONG_TAG_BYTES};
use text_run::TextRun;

mod text_run;

/// Raw-text elements whose bodies are left out (the analysis skips their subtrees). `noscript` is
/// raw text because html5ever parses with scripting enabled.
const UNREAD_RAW_TEXT: &[&[u8]] = &[b"style", b"noscript"];

/// Raw-text and RCDATA elements whose bodies are kept: the scan only finds their end.
const KEPT_RAW_TEXT: &[&[u8]] = &[
    b"title",
    b"textarea",
    b"xmp",
    b"iframe",
    b"noembed",
    b"noframes",
];

/// Elements whose first newline the parser drops (`textarea` too, kept raw above).
const PRE_TAGS: &[&[u8]] = &[b"pre", b"listing"];

/// Script `type` whose body the article metadata reads.
const JSON_LD_TYPE: &str = "application/ld+json";

/// Start tags after which the scan stops stripping: `plaintext` makes the rest text, and in a
/// frameset scripts and styles are ignored rather than read as raw text.
const STOP_TAGS: &[&[u8]] = &[b"plaintext", b"frameset"];

/// Start tags that close SVG or MathML content (the spec's breakout list; `font` only with some
/// attributes, taken here always). The scan stops on them rather than follow the tree builder.
const BREAKOUT_TAGS: &[&[u8]] = &[
    b"b",
    b"big",
    b"blockquote",
    b"body",
    b"br",
    b"center",
    b"code",
    b"dd",
    b"div",
    b"dl",
    b"dt",
    b"em",
    b"embed",
    b"h1",
    b"h2",
    b"h3",
    b"h4",
    b"h5",
    b"h6",
    b"head",
    b"hr",
    b"i",
    b"img",
    b"li",
    b"listing",
    b"menu",
    b"meta",
    b"nobr",
    b"ol",
    b"p",
    b"pre",
    b"ruby",
    b"s",
    b"small",
    b"span",
    b"strong",
    b"strike",
    b"sub",
    b"sup",
    b"table",
    b"tt",
    b"u",
    b"ul",
    b"var",
    b"font",
];

/// SVG and MathML elements whose content is parsed as HTML (integration points). Their text is
/// followed; a start tag inside one stops the scan.
const INTEGRATION_POINTS: &[&[u8]] = &[
    b"foreignobject",
    b"desc",
    b"title",
    b"mi",
    b"mo",
    b"mn",
    b"ms",
    b"mtext",
    b"annotation-xml",
];

/// U+FEFF in UTF-8.
const BYTE_ORDER_MARK: &[u8] = "\u{feff}".as_bytes();

/// Longest tag name compared with the tables above; longer names match none.
const MAX_NAME: usize = 24;

/// A page ready for [`crate::limits::parse_prepared`]: the pieces of it that are kept, which the
/// parser is fed one after the other, so no copy of the page is made (in wasm, whose memory never
/// shrinks, a copy would stay in the peak beside the tree: about the page's size once more).
pub struct Prepared<'a> {
    /// The page as given.
    source: &'a str,
    /// The byte ranges of `source` that are kept, in order (ending at char boundaries: each cut
    /// starts at a `<` and ends after a `>` or at a `<`). No piece after a cut starts with a byte
    /// order mark, which the parser would drop at the start of a chunk (see [`Scan::run`]).
    kept: Vec<Range<usize>>,
    /// The tokenizer's attribute work, as [`crate::limits::attribute_work`] estimates it, counted
    /// exactly on the tags read (and estimated on any rest the scan does not model).
    pub attribute_work: u64,
    /// The tree the page will parse to, as far as the parser needs to know beforehand (counted on
    /// the tags read, estimated lexically on any rest).
    pub shape: Shape,
}

impl<'a> Prepared<'a> {
    /// The page without the unread bodies, in the pieces kept of it, in order.
    pub fn pieces(&self) -> impl Iterator<Item = &'a str> + '_ {
        self.kept
            .iter()
            .map(|range| self.source.get(range.clone()).unwrap_or_default())
    }

    /// The kept ranges cut into blocks of at most `max` bytes, in order, for a parse that reads
    /// them again after the page is freed ([`crate::limits::parse_reread`]). Each ends at a char
    /// boundary (a char longer than `max` is one block) and none starts with a byte order mark,
    /// which the parser would drop at the start of a chunk (see `limits::chunk_end`).
    pub fn blocks(&self, max: usize) -> Vec<Range<usize>> {
        let mut out = Vec::with_capacity(self.kept.len());
        for range in &self.kept {
            let mut start = range.start;
            while let Some(rest) = self.source.get(start..range.end).filter(|r| !r.is_empty()) {
                let end = start + crate::limits::chunk_end(rest, max);
                out.push(start..end);
                start = end;
            }
        }
        out
    }

    /// The page without the unread bodies, as one text: borrowed when nothing is left out.
    pub fn html(&self) -> Cow<'a, str> {
        match self.kept.as_slice() {
            [] => Cow::Borrowed(""),
            [whole] if whole.len() == self.source.len() => Cow::Borrowed(self.source),
            _ => Cow::Owned(self.pieces().collect()),
        }
    }
}

/// Leaves out the bodies the analysis never reads, counting the attribute work on the way.
pub fn prepare(html: &str) -> Prepared<'_> {
    let mut scan = Scan {
        html: html.as_bytes(),
        at: 0,
        kept_to: 0,
        kept: Vec::new(),
        attribute_work: 0,
        shape: Shape::default(),
    };
    if !scan.run() {
        let rest = scan.html.get(scan.at..).unwrap_or_default();
        scan.attribute_work = scan
            .attribute_work
            .saturating_add(crate::limits::attribute_work(rest));
        scan.shape.add_markup(rest);
    }
    let mut kept = scan.kept;
    if scan.kept_to < html.len() {
        kept.push(scan.kept_to..html.len());
    }
    Prepared {
        source: html,
        kept,
        attribute_work: scan.attribute_work,
        shape: scan.shape,
    }
}

struct Scan<'a> {
    /// The input's bytes.
    html: &'a [u8],
    /// Next byte to read.
    at: usize,
    /// Input before this offset is in `kept` or left out.
    kept_to: usize,
    /// The ranges of the input kept before `kept_to`, in order.
    kept: Vec<Range<usize>>,
    /// Attribute work of the tags read so far (see [`Prepared::attribute_work`]).
    attribute_work: u64,
    /// The shape of what was read so far (see [`Prepared::shape`]).
    shape: Shape,
}

/// A tag as the scan reads it.
struct Tag {
    /// Lower-cased name, or empty when longer than [`MAX_NAME`].
    name: [u8; MAX_NAME],
    name_len: usize,
    end_tag: bool,
    self_closing: bool,
    /// For a start tag: is its first `type` attribute JSON-LD, or possibly so (a character
    /// reference in the value)?
    maybe_json_ld: bool,
}

impl Tag {
    fn name(&self) -> &[u8] {
        self.name.get(..self.name_len).unwrap_or_default()
    }

    fn is(&self, names: &[&[u8]]) -> bool {
        names.contains(&self.name())
    }
}

/// How SVG or MathML content ends, as [`Scan::foreign`] follows it.
enum Foreign {
    /// At its root's end tag (`end` is the offset of its `<`), or at the end of the input; with or
    /// without text in it (anything but whitespace between its tags, CDATA included).
    Closed { end: usize, has_text: bool },
    /// At a point the scan does not model.
    Stopped,
}

/// What comes after a `<`.
enum Markup {
    Tag(Tag),
    /// A comment, doctype, CDATA (in foreign content) or processing instruction: skipped.
    Other,
    /// A `<` that starts nothing.
    Text,
    /// The input ends inside it.
    Eof,
}

/// Bytes looked at one by one before handing a search to `memchr` (most attribute values and
/// text runs between tags are short, and a call costs more than a few compares).
const INLINE_SEARCH: usize = 16;

/// Position of `needle` in `haystack`.
fn find_byte(needle: u8, haystack: &[u8]) -> Option<usize> {
    let head = haystack.get(..INLINE_SEARCH).unwrap_or(haystack);
    match head.iter().position(|&b| b == needle) {
        Some(at) => Some(at),
        None if head.len() < haystack.len() => {
            memchr::memchr(needle, haystack.get(head.len()..)?).map(|at| at + head.len())
        }
        None => None,
    }
}

/// HTML's whitespace, as the tokenizer counts it: space, tab, line feed, form feed, carriage return.
pub(crate) fn is_space(b: u8) -> bool {
    BYTE_CLASS[usize::from(b)] & SPACE != 0
}

/// Classes of the bytes that end a tag's parts, for [`BYTE_CLASS`].
const SPACE: u8 = 1;
const SLASH: u8 = 2;
const GT: u8 = 4;
const EQUALS: u8 = 8;

/// Each byte's class: whitespace as the tokenizer counts it (`\r` too, which it reads as `\n`),
/// `/`, `>`, `=`.
static BYTE_CLASS: [u8; 256] = {
    let mut table = [0u8; 256];
    table[b' ' as usize] = SPACE;
    table[b'\t' as usize] = SPACE;
    table[b'\n' as usize] = SPACE;
    table[b'\r' as usize] = SPACE;
    table[0x0c] = SPACE;
    table[b'/' as usize] = SLASH;
    table[b'>' as usize] = GT;
    table[b'=' as usize] = EQUALS;
    table
};

impl Scan<'_> {
    fn byte(&self, at: usize) -> Option<u8> {
        self.html.get(at).copied()
    }

    fn rest(&self) -> &[u8] {
        self.html.get(self.at..).unwrap_or_default()
    }

    /// Leaves out the input from `self.at` to `end`.
    fn drop_to(&mut self, end: usize) {
        if end > self.at {
            // Both ends are at ASCII bytes (`>` and `<`), so they are char boundaries.
            if self.at > self.kept_to {
                self.kept.push(self.kept_to..self.at);
            }
            self.kept_to = end;
        }
        self.at = end;
    }

    /// Leaves out the input from `from` to `to`, both behind `self.at`, which stays.
    fn leave_out(&mut self, from: usize, to: usize) {
        let at = self.at;
        self.at = from;
        self.drop_to(to);
        self.at = at;
    }

    /// Moves past the next `<`, or to the end; false at the end.
    fn next_lt(&mut self) -> bool {
        match find_byte(b'<', self.rest()) {
            Some(offset) => {
                self.at += offset + 1;
                true
            }
            None => {
                self.at = self.html.len();
                false
            }
        }
    }

    /// Reads what follows a `<` (at `self.at`), moving past it. `foreign` allows CDATA sections.
    fn markup(&mut self, foreign: bool) -> Markup {
        let rest = self.rest();
        match rest.first() {
            Some(b'!') if rest.starts_with(b"!--") => {
                self.at += 3;
                self.skip_comment()
            }
            Some(b'!') if foreign && rest.starts_with(b"![CDATA[") => {
                self.at += 8;
                self.skip_to(b"]]>")
            }
            Some(b'!' | b'?') => self.skip_to(b">"),
            Some(b'/') => match rest.get(1) {
                Some(b) if b.is_ascii_alphabetic() => {
                    self.at += 1;
                    self.tag(true)
                }
                Some(b'>') => {
                    self.at += 2;
                    Markup::Other
                }
                Some(_) => self.skip_to(b">"),
                None => Markup::Text,
            },
            Some(b) if b.is_ascii_alphabetic() => self.tag(false),
            _ => Markup::Text,
        }
    }

    /// Moves past the next `needle` (the end of a comment-like construct), or to the end.
    fn skip_to(&mut self, needle: &[u8]) -> Markup {
        match memchr::memmem::find(self.rest(), needle) {
            Some(offset) => {
                self.at += offset + needle.len();
                Markup::Other
            }
            None => {
                self.at = self.html.len();
                Markup::Eof
            }
        }
    }

    /// After `<!--`: the comment ends at `-->` or `--!>`, or at once for `<!-->` and `<!--->`.
    fn skip_comment(&mut self) -> Markup {
        let rest = self.rest();
        if rest.starts_with(b">") {
            self.at += 1;
            return Markup::Other;
        }
        if rest.starts_with(b"->") {
            self.at += 2;
            return Markup::Other;
        }
        let mut from = self.at;
        while let Some(offset) = self
            .html
            .get(from..)
            .and_then(|r| memchr::memmem::find(r, b"--"))
        {
            let dashes = from + offset;
            let mut after = dashes + 2;
            while self.byte(after) == Some(b'-') {
                after += 1;
            }
            match self.byte(after) {
                Some(b'>') => {
                    self.at = after + 1;
                    return Markup::Other;
                }
                Some(b'!') if self.byte(after + 1) == Some(b'>') => {
                    self.at = after + 2;
                    return Markup::Other;
                }
                _ => from = dashes + 1,
            }
        }
        self.at = self.html.len();
        Markup::Eof
    }

    /// Moves `self.at` to the first byte of class `stop` (or the end); that byte, if any.
    fn skip_until(&mut self, stop: u8) -> Option<u8> {
        let rest = self.rest();
        let len = rest
            .iter()
            .position(|&b| BYTE_CLASS[usize::from(b)] & stop != 0)
            .unwrap_or(rest.len());
        self.at += len;
        self.byte(self.at)
    }

    /// Moves `self.at` past whitespace; the byte there, if any.
    fn skip_spaces(&mut self) -> Option<u8> {
        while self.byte(self.at).is_some_and(is_space) {
            self.at += 1;
        }
        self.byte(self.at)
    }

    /// Adds a tag's attribute work: for a tag of at least [`LONG_TAG_BYTES`] from `<` to `>`, its
    /// attribute count squared over two.
    fn count_attribute_work(&mut self, name_start: usize, attributes: u64) {
        if self.at - 1 - name_start >= LONG_TAG_BYTES {
            self.attribute_work = self
                .attribute_work
                .saturating_add(attributes * attributes / 2);
        }
    }

    /// Reads a tag from its name (at `self.at`) to past its `>`, following the tokenizer's
    /// attribute states so a `>` in a quoted value does not end it.
    fn tag(&mut self, end_tag: bool) -> Markup {
        let mut tag = Tag {
            name: [0; MAX_NAME],
            name_len: 0,
            end_tag,
            self_closing: false,
            maybe_json_ld: false,
        };
        let name_start = self.at;
        let mut attributes = 0u64;
        if self.skip_until(SPACE | SLASH | GT).is_none() {
            return Markup::Eof;
        }
        let name = self.html.get(name_start..self.at).unwrap_or_default();
        if let Some(slot) = tag.name.get_mut(..name.len()) {
            slot.copy_from_slice(name);
            slot.make_ascii_lowercase();
            tag.name_len = name.len();
        }
        let wants_type = !end_tag && tag.name() == b"script";
        let mut seen_type = false;
        loop {
            // Before an attribute name.
            match self.skip_spaces() {
                None => return Markup::Eof,
                Some(b'>') => {
                    self.at += 1;
                    self.count_attribute_work(name_start, attributes);
                    return Markup::Tag(tag);
                }
                Some(b'/') => {
                    self.at += 1;
                    if self.byte(self.at) == Some(b'>') {
                        self.at += 1;
                        tag.self_closing = true;
                        self.count_attribute_work(name_start, attributes);
                        return Markup::Tag(tag);
                    }
                    continue;
                }
                Some(_) => attributes += 1,
            }
            // The name: to whitespace, `/`, `>` or `=` (a leading `=` is part of it).
            let start = self.at;
            self.at += 1;
            self.skip_until(SPACE | SLASH | GT | EQUALS);
            let is_type = wants_type
                && !seen_type
                && self
                    .html
                    .get(start..self.at)
                    .is_some_and(|n| n.eq_ignore_ascii_case(b"type"));
            seen_type |= is_type;
            if self.skip_spaces() != Some(b'=') {
                continue;
            }
            self.at += 1;
            let value = match self.skip_spaces() {
                Some(quote @ (b'"' | b'\'')) => {
                    self.at += 1;
                    let start = self.at;
                    let Some(len) = find_byte(quote, self.rest()) else {
                        return Markup::Eof;
                    };
                    self.at += len + 1;
                    self.html.get(start..start + len).unwrap_or_default()
                }
                Some(b'>') | None => continue,
                Some(_) => {
                    let start = self.at;
                    self.skip_until(SPACE | GT);
                    self.html.get(start..self.at).unwrap_or_default()
                }
            };
            if is_type {
                tag.maybe_json_ld = value.contains(&b'&')
                    || std::str::from_utf8(value)
                        .is_ok_and(|v| v.trim().eq_ignore_ascii_case(JSON_LD_TYPE));
            }
        }
    }

    /// Offset of the `<` of the end tag `</name` (followed by whitespace, `/` or `>`) that ends a
    /// raw-text or RCDATA body starting at `self.at`.
    fn raw_text_end(&self, name: &[u8]) -> Option<usize> {
        let mut from = self.at;
        while let Some(offset) = self.html.get(from..).and_then(|r| memchr::memchr(b'<', r)) {
            let lt = from + offset;
            if self.is_end_tag(lt, name) {
                return Some(lt);
            }
            from = lt + 1;
        }
        None
    }

    /// Is there `</name` at `lt`, followed by whitespace, `/` or `>`?
    fn is_end_tag(&self, lt: usize, name: &[u8]) -> bool {
        self.byte(lt + 1) == Some(b'/') && self.names_at(lt + 2, name)
    }

    /// Is there `name` (any ASCII case) at `at`, followed by whitespace, `/` or `>`?
    fn names_at(&self, at: usize, name: &[u8]) -> bool {
        self.html
            .get(at..at + name.len())
            .is_some_and(|n| n.eq_ignore_ascii_case(name))
            && self
                .byte(at + name.len())
                .is_some_and(|b| BYTE_CLASS[usize::from(b)] & (SPACE | SLASH | GT) != 0)
    }

    /// Offset of the `<` of the `</script` that ends a script body starting at `self.at`, following
    /// the tokenizer's script data states, escaped (`<!--`) and double escaped (`<script` inside).
    fn script_end(&self) -> Option<usize> {
        #[derive(Clone, Copy, PartialEq)]
        enum State {
            Data,
            Escaped,
            DoubleEscaped,
        }
        let mut state = State::Data;
        // Dashes right before `i` in an escaped state (0, 1, or 2 meaning "two or more").
        let mut dashes = 0u8;
        let mut i = self.at;
        loop {
            if state == State::Data {
                let offset = memchr::memchr(b'<', self.html.get(i..)?)?;
                let lt = i + offset;
                if self.is_end_tag(lt, b"script") {
                    return Some(lt);
                }
                if self.html.get(lt + 1..lt + 4) == Some(b"!--".as_slice()) {
                    state = State::Escaped;
                    dashes = 2;
                    i = lt + 4;
                } else {
                    i = lt + 1;
                }
                continue;
            }
            let b = self.byte(i)?;
            match b {
                b'-' => {
                    dashes = (dashes + 1).min(2);
                    i += 1;
                }
                b'>' if dashes == 2 => {
                    state = State::Data;
                    i += 1;
                }
                b'<' => {
                    dashes = 0;
                    match state {
                        State::Escaped if self.is_end_tag(i, b"script") => return Some(i),
                        State::Escaped if self.names_at(i + 1, b"script") => {
                            state = State::DoubleEscaped;
                            i += 7;
                        }
                        State::DoubleEscaped if self.is_end_tag(i, b"script") => {
                            state = State::Escaped;
                            i += 8;
                        }
                        _ => i += 1,
                    }
                }
                _ => {
                    dashes = 0;
                    i += 1;
                }
            }
        }
    }

    /// Reads the input, leaving out unread bodies, until the end (true) or a point it stops
    /// modelling (false).
    fn run(&mut self) -> bool {
        let mut text = TextRun::default();
        loop {
            let from = self.at;
            if !self.next_lt() {
                let run = self.html.get(from..).unwrap_or_default();
                self.shape.add_text_run(run);
                return true;
            }
            let lt = self.at - 1;
            let run = self.html.get(from..lt).unwrap_or_default();
            text.add(run);
            self.shape.add_text_run(run);
            let comment = self.rest().starts_with(b"!--");
            let tag = match self.markup(false) {
                Markup::Tag(tag) => {
                    self.shape.add_tag(&tag.name(), tag.end_tag);
                    tag
                }
                // Not before a byte order mark, which would then start a piece (see `Prepared`).
                Markup::Other
                    if comment
                        && !self.rest().starts_with(BYTE_ORDER_MARK)
                        && text.may_leave_out_comment_before(self.rest()) =>
                {
                    self.leave_out(lt, self.at);
                    continue;
                }
                Markup::Other => {
                    self.shape.add_other();
                    if comment {
                        text = TextRun::default();
                    }
                    continue;
                }
                Markup::Text => {
                    text.add_lt();
                    continue;
                }
                Markup::Eof => return true,
            };
            text = TextRun::after_tag(!tag.end_tag && tag.is(PRE_TAGS));
            if tag.end_tag {
                continue;
            }
            let name = tag.name();
            if name == b"script" {
                let end = self.script_end();
                if tag.maybe_json_ld {
                    // Its text node.
                    self.shape.nodes += 1;
                    match end {
                        Some(end) => self.at = end,
                        None => return true,
                    }
                } else {
                    self.drop_to(end.unwrap_or(self.html.len()));
                }
            } else if tag.is(UNREAD_RAW_TEXT) {
                let end = self.raw_text_end(name);
                self.drop_to(end.unwrap_or(self.html.len()));
            } else if tag.is(KEPT_RAW_TEXT) {
                self.shape.nodes += 1;
                match self.raw_text_end(name) {
                    Some(end) => self.at = end,
                    None => return true,
                }
            } else {
                let opens_foreign = (name == b"svg" || name == b"math") && !tag.self_closing;
                if tag.is(STOP_TAGS) {
                    return false;
                }
                if opens_foreign {
                    let body = self.at;
                    let work = self.attribute_work;
                    let is_svg = name == b"svg";
                    match self.foreign(tag) {
                        Foreign::Stopped => {
                            // The rest is estimated from here on: count what the scan passed.
                            let read = self.html.get(body..self.at).unwrap_or_default();
                            self.shape.add_markup(read);
                            return false;
                        }
                        Foreign::Closed {
                            end,
                            has_text: false,
                        } if is_svg => {
                            // The body's tags are never built, so their attribute work is not done.
                            self.attribute_work = work;
                            self.leave_out(body, end);
                        }
                        Foreign::Closed { end, .. } => {
                            // Up to the end tag's `<`, so the text before it counts too.
                            let to = (end + 1).min(self.html.len());
                            let content = self.html.get(body..to).unwrap_or_default();
                            self.shape.add_markup(content);
                        }
                    }
                }
            }
        }
    }

    /// Follows SVG or MathML content opened by `root` (its body starting at `self.at`) to its end
    /// tag.
    fn foreign(&mut self, root: Tag) -> Foreign {
        let mut open: Vec<Tag> = vec![root];
        let mut has_text = false;
        loop {
            let from = self.at;
            let found = self.next_lt();
            let lt = if found { self.at - 1 } else { self.at };
            has_text |= self
                .html
                .get(from..lt)
                .is_some_and(|gap| !gap.iter().all(|&b| is_space(b)));
            if !found {
                return Foreign::Closed { end: lt, has_text };
            }
            if self.rest().starts_with(b"![CDATA[") {
                has_text = true;
            }
            let tag = match self.markup(true) {
                Markup::Tag(tag) => tag,
                Markup::Other => continue,
                Markup::Text => {
                    has_text = true;
                    continue;
                }
                Markup::Eof => {
                    // A tag cut off by the end is not emitted; nothing follows it.
                    self.at = self.html.len();
                    return Foreign::Closed {
                        end: self.html.len(),
                        has_text,
                    };
                }
            };
            let in_integration_point = open.last().is_some_and(|t| t.is(INTEGRATION_POINTS));
            if tag.end_tag {
                if open.last().is_some_and(|t| t.name() == tag.name()) && tag.name_len > 0 {
                    open.pop();
                    if open.is_empty() {
                        return Foreign::Closed { end: lt, has_text };
                    }
                } else {
                    return Foreign::Stopped;
                }
            } else if in_integration_point || tag.is(BREAKOUT_TAGS) || tag.name_len == 0 {
                return Foreign::Stopped;
            } else if !tag.self_closing {
                open.push(tag);
            }
        }
    }
}

/// The tree `html` parses to, one line per node, leaving out the text of HTML scripts (JSON-LD
/// excepted), styles and noscripts, what is inside an outermost SVG without text, and comments (with
/// the text around a comment as one node): what must not change when the unread parts are left out.
/// For the tests and the `unread` fuzz target, which compare it before and after [`prepare`].
#[cfg(any(test, fuzzing))]
pub fn tree_without_bodies(html: &str) -> String {
    use scraper::{Html, Node};

    /// A line to write: a node, or the text of adjacent text nodes and comments.
    enum Item<'a> {
        Node(ego_tree::NodeRef<'a, Node>),
        Text(String),
    }

    fn is_unread_text(node: ego_tree::NodeRef<'_, Node>) -> bool {
        let parent = node.parent().and_then(|p| p.value().as_element().cloned());
        parent.is_some_and(|p| {
            p.name.ns == html5ever::ns!(html)
                && match p.name() {
                    "style" | "noscript" => true,
                    "script" => !p
                        .attr("type")
                        .is_some_and(|t| t.trim().eq_ignore_ascii_case(JSON_LD_TYPE)),
                    _ => false,
                }
        })
    }
    fn is_text_less_svg_root(node: ego_tree::NodeRef<'_, Node>) -> bool {
        node.value().as_element().is_some_and(|e| {
            e.name.ns == html5ever::ns!(svg)
                && e.name() == "svg"
                && node
                    .parent()
                    .and_then(|p| p.value().as_element().map(|p| p.name.ns.clone()))
                    != Some(html5ever::ns!(svg))
        }) && !node.descendants().any(|d| {
            d.value()
                .as_text()
                .is_some_and(|t| !t.chars().all(|c| " \t\n\r\x0c".contains(c)))
        })
    }
    /// A node's children as lines: comments left out, adjacent texts joined.
    fn items(node: ego_tree::NodeRef<'_, Node>) -> Vec<Item<'_>> {
        let mut items: Vec<Item> = Vec::new();
        for child in node.children() {
            match child.value() {
                Node::Comment(_) => {}
                Node::Text(_) if is_unread_text(child) => {}
                Node::Text(t) => match items.last_mut() {
                    Some(Item::Text(text)) => text.push_str(t),
                    _ => items.push(Item::Text(t.to_string())),
                },
                _ => items.push(Item::Node(child)),
            }
        }
        items
    }

    let doc = Html::parse_document(html);
    let mut out = String::new();
    let mut stack = vec![(Item::Node(doc.tree.root()), 0usize)];
    while let Some((item, depth)) = stack.pop() {
        out.push_str(&" ".repeat(depth));
        match item {
            Item::Text(text) => out.push_str(&format!("{text:?}")),
            Item::Node(node) => {
                match node.value() {
                    Node::Element(e) => {
                        let attrs: Vec<String> =
                            e.attrs().map(|(k, v)| format!("{k}={v:?}")).collect();
                        out.push_str(&format!("<{:?} {}>", e.name, attrs.join(" ")));
                    }
                    other => out.push_str(&format!("{other:?}")),
                }
                if !is_text_less_svg_root(node) {
                    let children = items(node);
                    stack.extend(children.into_iter().rev().map(|c| (c, depth + 1)));
                }
            }
        }
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests;
