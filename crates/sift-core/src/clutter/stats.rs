//! Per-element statistics of the whole tree in two linear passes: a pre-order walk that reads each
//! element's own text, attributes and form controls, then a reverse sweep that adds each element's
//! totals into its parent's (so every element holds its subtree's totals without re-walking it).

use ego_tree::iter::Edge;
use ego_tree::NodeId;
use html5ever::{local_name, LocalName};
use scraper::{Html, Node};

use super::cues;
use super::markers;

/// Index of categories in per-category arrays: donation, newsletter, audio.
pub const CATEGORIES: usize = 3;
/// A text node of at least this many chars with no cue at all is prose (article-like text).
pub const PROSE_CHARS: u32 = 140;
/// A text node at least this long is prose whatever its words (and is not scanned for cues: no
/// seed or container may hold it).
pub const LONG_PROSE_CHARS: u32 = 600;
/// Most chars of a shorter text node lower-cased and scanned for cues (whitespace counts here, so
/// a node under [`LONG_PROSE_CHARS`] visible chars can still be long).
const MAX_CUE_TEXT: usize = 1200;
/// A link text longer than this is a headline, whose words are the story's, not an appeal.
const LONG_LINK_TEXT: u32 = 50;
/// Fewest kinds of donation wording that make a long or menu link an appeal (see `read_text`).
const MIN_LINK_APPEAL_KINDS: u32 = 2;
/// Longest `data-*` value read (longer ones are configuration blobs).
const MAX_DATA_VALUE: usize = 60;
/// Longest attribute text read per element (data attributes can hold large JSON).
const MAX_ATTR_TEXT: usize = 600;

/// Totals of an element's subtree.
#[derive(Debug, Default, Clone, Copy)]
pub struct Stats {
    /// Visible text chars (whitespace runs collapsed).
    pub text: u32,
    /// Of which inside links.
    pub link_text: u32,
    /// Prose text nodes (see [`PROSE_CHARS`]).
    pub prose: u32,
    /// OR of the cue kinds of its text ([`cues::kind`]).
    pub cues: u32,
    /// Chars of text nodes carrying a cue of each category (a widget's own wording).
    pub cue_text: [u32; CATEGORIES],
    /// Text nodes carrying a cue of each category.
    pub cue_nodes: [u16; CATEGORIES],
    /// Elements with an attribute marker, per category.
    pub attr: [u16; CATEGORIES],
    /// Elements with a URL marker, per category.
    pub url: [u16; CATEGORIES],
    /// Email inputs.
    pub email: u16,
    /// Password inputs.
    pub password: u16,
    /// Textareas.
    pub textarea: u16,
    /// Search inputs.
    pub search: u16,
    /// Plain text inputs not named for mail or search (an address field a label names, "E-Mail:").
    pub text_input: u16,
    /// Buttons and submit inputs.
    pub submit: u16,
    /// Links.
    pub links: u16,
    /// `<audio>` elements.
    pub audio: u16,
    /// Elements with a text-to-speech vendor's marker (not a generic audio word).
    pub vendor: u16,
    /// Images named for a payment brand.
    pub payment: u16,
    /// Detection seeds, per category.
    pub seeds: [u16; CATEGORIES],
}

impl Stats {
    fn add(&mut self, o: &Stats) {
        self.text = self.text.saturating_add(o.text);
        self.link_text = self.link_text.saturating_add(o.link_text);
        self.prose = self.prose.saturating_add(o.prose);
        self.cues |= o.cues;
        for (mine, theirs) in self.cue_text.iter_mut().zip(o.cue_text) {
            *mine = mine.saturating_add(theirs);
        }
        for (mine, theirs) in self.cue_nodes.iter_mut().zip(o.cue_nodes) {
            *mine = mine.saturating_add(theirs);
        }
        for i in 0..CATEGORIES {
            self.attr[i] = self.attr[i].saturating_add(o.attr[i]);
            self.url[i] = self.url[i].saturating_add(o.url[i]);
            self.seeds[i] = self.seeds[i].saturating_add(o.seeds[i]);
        }
        self.email = self.email.saturating_add(o.email);
        self.password = self.password.saturating_add(o.password);
        self.textarea = self.textarea.saturating_add(o.textarea);
        self.search = self.search.saturating_add(o.search);
        self.text_input = self.text_input.saturating_add(o.text_input);
        self.submit = self.submit.saturating_add(o.submit);
        self.links = self.links.saturating_add(o.links);
        self.audio = self.audio.saturating_add(o.audio);
        self.vendor = self.vendor.saturating_add(o.vendor);
        self.payment = self.payment.saturating_add(o.payment);
    }
}

/// Largest [`Entry`]: checked when compiling, so a field added grows the table knowingly.
const ENTRY_MAX_BYTES: usize = if cfg!(target_pointer_width = "32") {
    100
} else {
    104
};
const _: () = assert!(std::mem::size_of::<Entry>() <= ENTRY_MAX_BYTES);

/// An optional index below `u16::MAX` in two bytes (an `Option<u16>` takes four): the table has an
/// entry per element and, in wasm, adds to the peak memory beside the tree.
#[derive(Debug, Clone, Copy)]
struct Slot(u16);

impl Slot {
    const NONE: Slot = Slot(u16::MAX);

    fn get(self) -> Option<u16> {
        (self.0 != u16::MAX).then_some(self.0)
    }

    fn of(index: Option<u16>) -> Slot {
        Slot(index.filter(|&i| i != u16::MAX).unwrap_or(u16::MAX))
    }
}

/// One element of the table, in document (pre-)order.
#[derive(Debug, Clone)]
pub struct Entry {
    /// The element.
    pub id: NodeId,
    /// Index of its parent element in the table (`u32::MAX` for the top).
    pub parent: u32,
    /// Its local name, as an index in [`STATIC_TAGS`] ([`Entry::tag`]).
    tag: u8,
    /// Inside a navigation menu (or one itself).
    pub in_nav: bool,
    /// A navigation menu itself.
    pub nav_self: bool,
    /// Subtree totals (after [`sweep`]).
    pub stats: Stats,
    /// Elements in its subtree, itself included (after [`sweep`]); the subtree is the table range
    /// `index..index + size`.
    pub size: u32,
    /// First cue index found in its own text ([`Entry::cue`]).
    cue: Slot,
    /// First marker index per category, own attributes or URLs ([`Entry::marker`]).
    marker: [Slot; CATEGORIES],
    /// Cue kinds of the first text node of its subtree (a widget's opening words: its heading).
    pub lead_cues: u32,
}

impl Entry {
    /// Its local name for the tags the rules read, `"*"` for others.
    pub fn tag(&self) -> &'static str {
        STATIC_TAGS
            .get(usize::from(self.tag))
            .copied()
            .unwrap_or("*")
    }

    /// First cue index found in its own text.
    pub fn cue(&self) -> Option<u16> {
        self.cue.get()
    }

    /// First marker index of `category` (own attributes or URLs).
    pub fn marker(&self, category: usize) -> Option<u16> {
        self.marker.get(category).and_then(|m| m.get())
    }
}

/// The names [`Entry::tag`] gives: those of the tags the rules read, `"*"` (the first) for others.
const STATIC_TAGS: &[&str] = &[
    "*", "html", "body", "main", "article", "nav", "header", "footer", "aside", "section", "div",
    "form", "p", "a", "li", "ul", "span", "script", "iframe", "audio", "button", "input", "h1",
    "h2", "h3", "h4", "h5", "h6", "dialog", "figure", "table", "td", "tr", "head", "link", "meta",
];

/// The index in [`STATIC_TAGS`] of an element's name. Matched on the parser's interned name (a
/// number compare, not a string compare per tag).
fn static_tag(local: &LocalName) -> u8 {
    use html5ever::local_name as n;
    match *local {
        n!("html") => 1,
        n!("body") => 2,
        n!("main") => 3,
        n!("article") => 4,
        n!("nav") => 5,
        n!("header") => 6,
        n!("footer") => 7,
        n!("aside") => 8,
        n!("section") => 9,
        n!("div") => 10,
        n!("form") => 11,
        n!("p") => 12,
        n!("a") => 13,
        n!("li") => 14,
        n!("ul") => 15,
        n!("span") => 16,
        n!("script") => 17,
        n!("iframe") => 18,
        n!("audio") => 19,
        n!("button") => 20,
        n!("input") => 21,
        n!("h1") => 22,
        n!("h2") => 23,
        n!("h3") => 24,
        n!("h4") => 25,
        n!("h5") => 26,
        n!("h6") => 27,
        n!("dialog") => 28,
        n!("figure") => 29,
        n!("table") => 30,
        n!("td") => 31,
        n!("tr") => 32,
        n!("head") => 33,
        n!("link") => 34,
        n!("meta") => 35,
        _ => 0,
    }
}

/// Builds the table of `root`'s elements (the document, or a fragment's root).
pub fn build(doc: &Html) -> Vec<Entry> {
    // One entry per element, reserved once: grown by doubling, the table's old and new buffers
    // together were the analysis' largest peak on pages of many small elements (wasm memory never
    // shrinks).
    let elements = doc.tree.values().filter(|v| v.is_element()).count();
    let mut table: Vec<Entry> = Vec::with_capacity(elements);
    let mut stack: Vec<u32> = Vec::new();
    let mut link_depth = 0usize;
    let mut anchor_depth = 0usize;
    // Open elements at stack positions from here on have seen no text yet.
    let mut untexted = 0usize;
    let mut nav_depth = 0usize;
    let mut edges = doc.tree.root().traverse();
    let mut lower = String::new();
    let mut urls = String::new();
    while let Some(edge) = edges.next() {
        match edge {
            Edge::Open(node) => match node.value() {
                Node::Element(el) => {
                    let name = el.name();
                    let skip = skipped(&el.name.local);
                    let index = u32::try_from(table.len()).unwrap_or(u32::MAX);
                    let own = OwnAttrs::of(el);
                    let nav_self = is_nav(name, &own);
                    let mut entry = Entry {
                        id: node.id(),
                        parent: stack.last().copied().unwrap_or(u32::MAX),
                        tag: static_tag(&el.name.local),
                        in_nav: nav_depth > 0 || nav_self,
                        nav_self,
                        stats: Stats::default(),
                        size: 1,
                        cue: Slot::NONE,
                        marker: [Slot::NONE; CATEGORIES],
                        lead_cues: 0,
                    };
                    read_element(el, &own, &mut entry, &mut lower, &mut urls);
                    table.push(entry);
                    if skip {
                        // Its text is never shown: skip the subtree (its markers were read above).
                        for inner in edges.by_ref() {
                            if let Edge::Close(closed) = inner {
                                if closed == node {
                                    break;
                                }
                            }
                        }
                        continue;
                    }
                    if is_control(name) {
                        link_depth += 1;
                    }
                    if name == "a" {
                        anchor_depth += 1;
                    }
                    if nav_self {
                        nav_depth += 1;
                    }
                    stack.push(index);
                }
                Node::Text(text) => {
                    let Some(entry) = stack
                        .last()
                        .and_then(|&i| table.get_mut(usize::try_from(i).unwrap_or(usize::MAX)))
                    else {
                        continue;
                    };
                    let place = TextPlace {
                        in_control: link_depth > 0,
                        in_nav_link: anchor_depth > 0 && nav_depth > 0,
                    };
                    let bits = read_text(text, entry, place, &mut lower);
                    // This is the first text of every open element opened since the last text.
                    if let Some(bits) = bits {
                        for &i in stack.get(untexted..).unwrap_or(&[]) {
                            if let Some(e) = table.get_mut(usize::try_from(i).unwrap_or(usize::MAX))
                            {
                                e.lead_cues = bits;
                            }
                        }
                        untexted = stack.len();
                    }
                }
                _ => {}
            },
            Edge::Close(node) => {
                if let Node::Element(el) = node.value() {
                    if skipped(&el.name.local) {
                        continue;
                    }
                    let closed = stack.pop();
                    untexted = untexted.min(stack.len());
                    if el.name() == "a" {
                        anchor_depth = anchor_depth.saturating_sub(1);
                    }
                    if is_control(el.name()) {
                        link_depth = link_depth.saturating_sub(1);
                        // A long link is a story's headline: its URL slug is not a donation or
                        // newsletter page.
                        let entry = closed
                            .and_then(|i| table.get_mut(usize::try_from(i).unwrap_or(usize::MAX)));
                        // (Its text total counts one separator per text node.)
                        let long = |e: &&mut Entry| e.stats.text > LONG_LINK_TEXT + 1;
                        if let Some(entry) = entry.filter(long) {
                            for n in entry.stats.url.iter_mut().take(2) {
                                *n = 0;
                            }
                        }
                    }
                    let was_nav = closed
                        .and_then(|i| table.get(usize::try_from(i).unwrap_or(usize::MAX)))
                        .is_some_and(|e| e.nav_self);
                    if was_nav {
                        nav_depth = nav_depth.saturating_sub(1);
                    }
                }
            }
        }
    }
    table
}

/// Links and buttons: their text is a control's label, not prose or an appeal's copy.
fn is_control(name: &str) -> bool {
    matches!(name, "a" | "button")
}

/// Elements whose text is never read: text that is not shown (an `<audio>` element's fallback
/// "your browser does not support audio" included), and a `<select>`'s options (a list of
/// countries or topics is a control's choices, not a widget's copy or prose).
fn skipped(local: &LocalName) -> bool {
    use html5ever::local_name as n;
    // NON_TEXT_ELEMENTS, then the two of this module.
    matches!(
        *local,
        n!("script") | n!("style") | n!("noscript") | n!("template") | n!("head")
    ) || matches!(*local, n!("select") | n!("audio"))
}

/// The attributes read for every element, found in one pass over its attribute list (scraper's
/// `attr` interns the asked name on each call).
#[derive(Debug, Default, Clone, Copy)]
struct OwnAttrs<'a> {
    id: Option<&'a str>,
    class: Option<&'a str>,
    role: Option<&'a str>,
}

impl<'a> OwnAttrs<'a> {
    fn of(el: &'a scraper::node::Element) -> Self {
        let mut own = Self::default();
        // By local name, whatever the namespace (as `Element::attrs` names them), matched as the
        // parser's interned names.
        for (key, value) in &el.attrs {
            let value: &str = value;
            match key.local {
                local_name!("id") => own.id = Some(value),
                local_name!("class") => own.class = Some(value),
                local_name!("role") => own.role = Some(value),
                _ => {}
            }
        }
        own
    }
}

/// Where a text node sits.
#[derive(Debug, Clone, Copy)]
struct TextPlace {
    /// Inside a link or button.
    in_control: bool,
    /// Inside a link of a navigation menu (a menu item; a form's button in a menu is not one).
    in_nav_link: bool,
}

/// Is `el` a navigation menu (`<nav>`, ARIA navigation, or a menu/nav class or id)? A page footer
/// is not one: it holds signup and appeal boxes beside its link lists (which the link-list rules
/// refuse).
fn is_nav(name: &str, own: &OwnAttrs<'_>) -> bool {
    if name == "nav" || own.role == Some("navigation") {
        return true;
    }
    // Class names are lower case in practice; no allocation per element.
    let named = |v: Option<&str>| v.is_some_and(names_menu);
    matches!(name, "ul" | "ol" | "div" | "li") && (named(own.class) || named(own.id))
}

/// Does `value` contain a class or id fragment of navigation menus ("menu", "navbar",
/// "navigation", "nav-", "-nav", "nav_", "_nav")? One pass over its bytes (this runs for most
/// elements; a `contains` per token was a visible share of detection).
fn names_menu(value: &str) -> bool {
    let bytes = value.as_bytes();
    let at = |i: usize, word: &[u8]| bytes.get(i..).is_some_and(|rest| rest.starts_with(word));
    (0..bytes.len()).any(|i| match bytes.get(i) {
        Some(b'm') => at(i, b"menu"),
        Some(b'n') if at(i, b"nav") => {
            let before = i.checked_sub(1).and_then(|j| bytes.get(j));
            matches!(before, Some(b'-' | b'_'))
                || ["bar", "igation", "-", "_"]
                    .iter()
                    .any(|next| at(i + 3, next.as_bytes()))
        }
        _ => false,
    })
}

/// Class or id fragments of navigation menus: what [`names_menu`] finds in one pass (the test
/// `menu_names_are_the_nav_tokens` checks the two agree).
#[cfg(test)]
const NAV_TOKENS: &[&str] = &[
    "menu",
    "navbar",
    "navigation",
    "nav-",
    "-nav",
    "nav_",
    "_nav",
];

/// Reads an element's own evidence: form controls, markers in attributes and URLs.
fn read_element(
    el: &scraper::node::Element,
    own: &OwnAttrs<'_>,
    entry: &mut Entry,
    attrs: &mut String,
    urls: &mut String,
) {
    let name = el.name();
    let s = &mut entry.stats;
    attrs.clear();
    urls.clear();
    if name.contains('-') {
        // Custom elements name their vendor (e.g. <instaread-player>).
        attrs.push_str(name);
        attrs.push(' ');
    }
    for (qual, value) in &el.attrs {
        let value: &str = value;
        // The named attributes matched as the parser's interned names; only others are read as
        // text, for the `data-` prefix.
        let (key, is_url, is_attr): (&str, bool, bool) = match qual.local {
            local_name!("href") | local_name!("src") | local_name!("action") => ("", true, false),
            local_name!("id")
            | local_name!("class")
            | local_name!("aria-label")
            | local_name!("title")
            | local_name!("name")
            | local_name!("role") => ("", false, true),
            ref local => {
                let key: &str = local;
                let data = key.starts_with("data-");
                let is_url = key == "data-src"
                    || (data && (value.starts_with("http") || value.starts_with("//")));
                (key, is_url, data)
            }
        };
        if is_url {
            push_lower(urls, value);
        } else if is_attr {
            if key.starts_with("data-") {
                // The name (data-beyondwords-player); values are often large JSON.
                push_lower(attrs, key);
                if value.len() > MAX_DATA_VALUE {
                    attrs.push(' ');
                    continue;
                }
                attrs.push(' ');
            }
            push_lower(attrs, value);
        } else {
            continue;
        }
        if is_url {
            urls.push(' ');
        } else {
            attrs.push(' ');
        }
    }
    match name {
        "input" => {
            let kind = el.attr("type").unwrap_or("text").to_ascii_lowercase();
            match kind.as_str() {
                "email" => s.email += 1,
                "password" => s.password += 1,
                "search" => s.search += 1,
                "image" => {
                    s.submit += 1;
                    // A PayPal "Donate" image button.
                    if is_payment_logo(el) {
                        s.payment += 1;
                    }
                }
                "submit" | "button" => s.submit += 1,
                "text" | "" => {
                    let hint = format!(
                        "{} {} {}",
                        el.attr("name").unwrap_or(""),
                        el.attr("id").unwrap_or(""),
                        el.attr("placeholder").unwrap_or("")
                    )
                    .to_lowercase();
                    if hint.contains("mail") || hint.contains("почт") || hint.contains("correo")
                    {
                        s.email += 1;
                    } else if matches!(el.attr("name"), Some("q" | "s" | "query" | "search"))
                        || hint.contains("search")
                    {
                        s.search += 1;
                    } else {
                        s.text_input += 1;
                    }
                }
                _ => {}
            }
        }
        "button" => s.submit += 1,
        "textarea" => s.textarea += 1,
        "audio" => s.audio += 1,
        "a" => s.links += 1,
        "img" | "svg" if is_payment_logo(el) => s.payment += 1,
        _ => {}
    }
    // OptinMonster's inline embed is an empty `<div id="om-{campaign}-holder">` its script fills
    // with an opt-in form; its id has no word to match, so name the vendor.
    if own
        .id
        .is_some_and(|id| id.starts_with("om-") && id.ends_with("-holder"))
    {
        attrs.push_str(" optinmonster ");
    }
    let mut hits = markers::find_all(attrs, urls);
    // A heading or paragraph with a TTS token is text marked for reading aloud, not a player.
    if let Some(audio) = hits.get_mut(2).filter(|a| a.0.or(a.1).is_some()) {
        if super::audio::READ_REGIONS.contains(&name) {
            *audio = (None, None);
        }
        if audio.0.or(audio.1).is_some_and(super::audio::is_vendor) {
            entry.stats.vendor += 1;
        }
    }
    for (i, (attr_hit, url_hit)) in hits.iter().enumerate() {
        // Menu links to /donate or /newsletter are navigation (labelling guide); players are not.
        let nav_link = entry.in_nav && name == "a" && i < 2;
        let url_hit = if nav_link { &None } else { url_hit };
        if attr_hit.is_some() {
            if let Some(n) = entry.stats.attr.get_mut(i) {
                *n += 1;
            }
        }
        if url_hit.is_some() {
            if let Some(n) = entry.stats.url.get_mut(i) {
                *n += 1;
            }
        }
        if let Some(m) = entry.marker.get_mut(i) {
            *m = Slot::of(attr_hit.or(*url_hit));
        }
    }
}

/// Payment brands named in an image's alt text, file name or class.
const PAYMENT_BRANDS: &[&str] = &[
    "visa",
    "mastercard",
    "paypal",
    "amex",
    "american-express",
    "sepa",
];

/// Is the image `el` a payment brand's logo or button? A brand named in its `alt`, `src` or
/// `class`, in any case. Read in place, without lower-casing a copy (a `src` may be a long `data:`
/// URL): the brands are ASCII without spaces, so an ASCII case-insensitive search of each value
/// finds what a search of the values lower-cased and joined by spaces finds (the only non-ASCII
/// chars that lower-case to ASCII letters give "k", in no brand, and "i" followed by a combining
/// dot; tested).
fn is_payment_logo(el: &scraper::node::Element) -> bool {
    use html5ever::ns;
    el.attrs.iter().any(|(k, v)| {
        k.ns == ns!()
            && k.prefix.is_none()
            && matches!(
                k.local,
                local_name!("alt") | local_name!("src") | local_name!("class")
            )
            && names_payment_brand(v)
    })
}

/// Whether `value` holds one of [`PAYMENT_BRANDS`], ASCII case-insensitively.
fn names_payment_brand(value: &str) -> bool {
    let bytes = value.as_bytes();
    bytes.iter().enumerate().any(|(i, &b)| {
        BRAND_FIRST_BYTES[usize::from(b)]
            && PAYMENT_BRANDS.iter().any(|brand| {
                bytes
                    .get(i..i + brand.len())
                    .is_some_and(|w| w.eq_ignore_ascii_case(brand.as_bytes()))
            })
    })
}

/// Which bytes start one of [`PAYMENT_BRANDS`] in either case: the others are passed over with one
/// table lookup.
const BRAND_FIRST_BYTES: [bool; 256] = {
    let mut table = [false; 256];
    let mut i = 0;
    while i < PAYMENT_BRANDS.len() {
        let p = PAYMENT_BRANDS[i].as_bytes();
        if !p.is_empty() {
            table[p[0].to_ascii_lowercase() as usize] = true;
            table[p[0].to_ascii_uppercase() as usize] = true;
        }
        i += 1;
    }
    table
};

fn push_lower(out: &mut String, value: &str) {
    let room = MAX_ATTR_TEXT.saturating_sub(out.len());
    lower_into(out, value, room);
}

/// Appends at most `max_chars` chars of `value`, lower-cased, to `out` (ASCII fast path).
fn lower_into(out: &mut String, value: &str, max_chars: usize) {
    if value.is_ascii() {
        let end = value.len().min(max_chars);
        let start = out.len();
        out.push_str(value.get(..end).unwrap_or(value));
        if let Some(tail) = out.get_mut(start..) {
            tail.make_ascii_lowercase();
        }
        return;
    }
    for ch in value.chars().take(max_chars) {
        // Mixed text is mostly ASCII letters: those need no case table.
        if ch.is_ascii() {
            out.push(ch.to_ascii_lowercase());
        } else {
            out.extend(ch.to_lowercase());
        }
    }
}

/// Adds a text node to its element: length, link text, cues or prose.
/// Returns the node's cue kinds (`None` for whitespace).
fn read_text(text: &str, entry: &mut Entry, place: TextPlace, lower: &mut String) -> Option<u32> {
    let mut chars = 0usize;
    crate::dom::add_collapsed_len(text, &mut chars, &mut false);
    let len = u32::try_from(chars).unwrap_or(u32::MAX);
    if len == 0 {
        return None;
    }
    let s = &mut entry.stats;
    let long_link = place.in_control && len > LONG_LINK_TEXT;
    // One separator between text nodes, as whitespace-collapsed text mostly has.
    let len = len + 1;
    s.text = s.text.saturating_add(len);
    if place.in_control {
        s.link_text = s.link_text.saturating_add(len);
    }
    // A text node this long is prose whatever its words, and no seed or container ever holds
    // prose of its length (seeds and climbs refuse it), so its cues could change no tag: not
    // scanned.
    if len >= LONG_PROSE_CHARS {
        s.prose += 1;
        return Some(0);
    }
    lower.clear();
    lower_into(lower, text, MAX_CUE_TEXT);
    let (mut bits, first) = cues::scan(lower);
    if place.in_nav_link || long_link {
        // A menu item's wording is navigation, not an appeal (labelling guide); a long link is a
        // headline. A sentence-long link with several kinds of donation wording ("We are funded
        // by donations. Support us with a standing order!") is neither: an appeal.
        let donation = bits & cues::kind::DONATION_ANY;
        let appeal = len > LONG_LINK_TEXT && donation.count_ones() >= MIN_LINK_APPEAL_KINDS;
        bits &= !(cues::kind::DONATION_ANY | cues::kind::NEWSLETTER_ANY);
        if appeal {
            bits |= donation;
        }
    }
    s.cues |= bits;
    let masks = [
        cues::kind::DONATION_ANY,
        cues::kind::NEWSLETTER_ANY,
        cues::kind::AUDIO_ANY,
    ];
    for ((chars, nodes), mask) in s.cue_text.iter_mut().zip(s.cue_nodes.iter_mut()).zip(masks) {
        if bits & mask != 0 {
            *chars = chars.saturating_add(len);
            *nodes = nodes.saturating_add(1);
        }
    }
    if entry.cue.get().is_none() {
        entry.cue = Slot::of(first);
    }
    if bits == 0 && len >= PROSE_CHARS {
        s.prose += 1;
    }
    Some(bits)
}

/// Adds every element's totals into its parent's, deepest first; `on_complete` sees each element
/// once its subtree totals are final (and may set its seeds before they propagate).
pub fn sweep(table: &mut [Entry], mut on_complete: impl FnMut(usize, &mut Entry)) {
    for i in (0..table.len()).rev() {
        let (head, tail) = table.split_at_mut(i);
        let Some(entry) = tail.first_mut() else {
            continue;
        };
        on_complete(i, entry);
        let stats = entry.stats;
        let size = entry.size;
        if let Some(parent) = head.get_mut(usize::try_from(entry.parent).unwrap_or(usize::MAX)) {
            parent.stats.add(&stats);
            parent.size = parent.size.saturating_add(size);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn static_tags_name_themselves_and_others_are_a_star() {
        for (i, &name) in STATIC_TAGS.iter().enumerate().skip(1) {
            assert_eq!(usize::from(static_tag(&LocalName::from(name))), i, "{name}");
        }
        for other in ["b", "em", "ol", "svg", "instaread-player"] {
            assert_eq!(static_tag(&LocalName::from(other)), 0, "{other}");
        }
        assert_eq!(STATIC_TAGS.first(), Some(&"*"));
    }

    /// [`is_payment_logo`] as first written: the three values joined and lower-cased.
    fn payment_logo_by_lowercased_copy(el: &scraper::node::Element) -> bool {
        let hay = format!(
            "{} {} {}",
            el.attr("alt").unwrap_or(""),
            el.attr("src").unwrap_or(""),
            el.attr("class").unwrap_or("")
        )
        .to_lowercase();
        PAYMENT_BRANDS.iter().any(|b| hay.contains(b))
    }

    #[test]
    fn payment_logo_search_in_place_matches_the_lowercased_copy() {
        let values = [
            "",
            "VISA",
            "logo-Visa.svg",
            "vi sa",
            "v\u{130}sa",
            "\u{130}",
            "\u{212a}",
            "MasterCard",
            "pay pal",
            "PAYPAL",
            "american express",
            "American-Express",
            "amex",
            "sepa",
            "seps",
            "data:image/png;base64,QUJDcGF5cGFs",
            "viSA\u{e9}",
            "\u{e9}Paypal",
            "amer",
        ];
        for alt in values {
            for src in ["", "/img/x.png", "https://x/Visa.png"] {
                let html =
                    format!("<img alt=\"{alt}\" src=\"{src}\" class=\"{alt}\"><img alt=\"{alt}\">");
                let doc = Html::parse_fragment(&html);
                for node in doc.tree.nodes() {
                    if let Node::Element(el) = node.value() {
                        assert_eq!(
                            is_payment_logo(el),
                            payment_logo_by_lowercased_copy(el),
                            "{html}"
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn interned_name_tables_agree_with_the_string_ones() {
        for name in crate::dom::NON_TEXT_ELEMENTS
            .iter()
            .chain(&["select", "audio"])
        {
            assert!(skipped(&LocalName::from(*name)), "{name} is skipped");
        }
        assert!(!skipped(&LocalName::from("div")));
    }

    #[test]
    fn menu_names_are_the_nav_tokens() {
        for value in [
            "menu",
            "main-menu open",
            "navbar",
            "site-navigation",
            "nav-primary",
            "footer-nav",
            "c-nav_item",
            "top_nav",
            "nav",
            "canvas",
            "unavailable",
            "navy-blue",
            "c-nav-flyout__item",
            "navigator",
            "menue",
            "",
            "n",
            "na",
            "nav-",
            "-nav",
        ] {
            let by_table = NAV_TOKENS.iter().any(|t| value.contains(t));
            assert_eq!(names_menu(value), by_table, "{value:?}");
        }
    }
}
