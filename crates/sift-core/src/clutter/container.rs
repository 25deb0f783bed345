//! Choosing the element to hide: from a seed (the smallest element holding the evidence), climb to
//! the outermost ancestor that still holds only the widget (labelling guide: "the outermost element
//! that contains the whole widget and nothing else of substance").

use super::stats::{Entry, CATEGORIES};

/// Index of the donation category.
const DONATION: usize = 0;
/// Index of the newsletter category (the one whose parts are found apart: a signup's heading, its
/// form and its legal text are often siblings in a bare wrapper).
const NEWSLETTER: usize = 1;
/// Most levels climbed from a seed.
const MAX_CLIMB: usize = 12;
/// A container never holds more text than this (chars).
const MAX_CONTAINER_TEXT: u32 = 1600;
/// One level up may add at most this many chars of text ...
const STEP_CHARS: u32 = 150;
/// The step from an element with no text at all (a label such as "Listen", not a paragraph).
const EMPTY_STEP_CHARS: u32 = 40;
/// ... or this factor of the current text, whichever is more.
const STEP_FACTOR: f64 = 1.5;
/// Extra text above which a level made mostly of links (a menu, a list of stories) stops the climb.
const LINK_LIST_CHARS: u32 = 60;
/// Elements never taken as a widget container (page regions: a page's header, footer or menu
/// holds more than one widget).
const NEVER_CONTAINERS: &[&str] = &["html", "body", "main", "article", "header", "footer", "nav"];

/// Most text of an element that joins several parts of one widget (heading, form, legal text found
/// as separate seeds).
const MAX_JOINED_TEXT: u32 = 600;

/// The table index of the element to hide for a seed at `seed` of category `category`.
pub fn climb(table: &[Entry], seed: usize, category: usize) -> usize {
    let mut cur = seed;
    for _ in 0..MAX_CLIMB {
        let Some(c) = table.get(cur) else { break };
        let parent = usize::try_from(c.parent).unwrap_or(usize::MAX);
        let Some(p) = table.get(parent) else { break };
        if !may_grow(c, p, category) && !joins_parts(c, p, category) {
            break;
        }
        cur = parent;
    }
    cur
}

/// May the container grow from `c` to its parent `p`?
fn may_grow(c: &Entry, p: &Entry, category: usize) -> bool {
    let (cs, ps) = (&c.stats, &p.stats);
    // A menu (named so by its class or role) holds navigation, not one widget, unless its own
    // class names the widget (`menu__newsletter`).
    let menu = p.nav_self && p.marker(category).is_none();
    if NEVER_CONTAINERS.contains(&p.tag()) || menu || ps.text > MAX_CONTAINER_TEXT {
        return false;
    }
    // A list of links around a newsletter promo (a row of tiles, a footer column) is navigation:
    // stop below it (the promo is what the list holds; a lone list item is refused after the
    // climb). Donation asks keep climbing (a row of amounts is the ask's own choice of links).
    if category == NEWSLETTER
        && super::donation::is_link_list(p, category)
        && !super::donation::is_link_list(c, category)
    {
        return false;
    }
    // A donation link that is one item of a list of other links (a footer column "Coming soon:
    // Membership, Forum, Podcast" with its heading) is navigation: stop below the list, so the
    // lone link is refused after the climb. A row whose other items also ask or lead to a donation
    // page (a row of amounts) is the ask's own choice and is climbed.
    if category == DONATION && is_other_links(c, p) {
        return false;
    }
    // Article-like prose, or another category's widget, is something else of substance.
    // An ask explaining itself in one sentence takes its sentence (and skips the step below).
    let explained = category == DONATION && super::donation::is_explained_ask(p);
    if ps.prose > cs.prose && !explained {
        return false;
    }
    if (0..CATEGORIES).any(|o| o != category && ps.seeds.get(o) > cs.seeds.get(o)) {
        return false;
    }
    // Login, search and comment forms are other widgets.
    if ps.password > cs.password || ps.search > cs.search || ps.textarea > cs.textarea {
        return false;
    }
    // A signup link takes the sentence around it (a paragraph or inline element) when that
    // sentence is itself a call to sign up ("Sign up for the free daily newsletter").
    let sentence = matches!(p.tag(), "p" | "span" | "*");
    if explained || (category == NEWSLETTER && sentence && super::newsletter::is_worded_signup(p)) {
        return true;
    }
    let extra = ps.text.saturating_sub(cs.text);
    let extra_links = ps.link_text.saturating_sub(cs.link_text);
    if extra > LINK_LIST_CHARS && extra_links * 2 > extra {
        return false;
    }
    // An empty widget (a player or placeholder a script fills in) only takes a labelled wrapper; a
    // form of bare inputs takes its heading and copy.
    let step = if cs.text == 0 && cs.email + cs.submit == 0 {
        EMPTY_STEP_CHARS
    } else {
        STEP_CHARS
    };
    let limit = (f64::from(cs.text) * STEP_FACTOR).max(f64::from(cs.text + step));
    // The widget's own wording (text carrying this category's cues) does not count against the step.
    let cue_extra = ps
        .cue_text
        .get(category)
        .copied()
        .unwrap_or(0)
        .saturating_sub(cs.cue_text.get(category).copied().unwrap_or(0));
    f64::from(ps.text.saturating_sub(cue_extra)) <= limit
}

/// Does the parent `p` join `c` with another part of the same newsletter widget: it holds another
/// seed of the category (a signup's heading and its form, a form's topic list and its address field), no
/// prose, no other category's widget, no other form, and little text?
fn joins_parts(c: &Entry, p: &Entry, category: usize) -> bool {
    let (cs, ps) = (&c.stats, &p.stats);
    category == NEWSLETTER
        && ps.seeds.get(category) > cs.seeds.get(category)
        && !NEVER_CONTAINERS.contains(&p.tag())
        && ps.text <= MAX_JOINED_TEXT
        && ps.prose == 0
        && (0..CATEGORIES).all(|o| o == category || ps.seeds.get(o) == cs.seeds.get(o))
        && ps.password == cs.password
        && ps.search == cs.search
        && ps.textarea == cs.textarea
}

/// Fewest links of a list around a lone donation link.
const MIN_OTHER_LINKS: u16 = 3;
/// Most text (chars) of a list's non-link text (a column heading such as "Coming soon NEW").
const MAX_LIST_HEADING: u32 = 30;

/// Is `c` (at most one link) an item of a list of links `p` (≥ 3 links, its non-link text at most
/// a short heading) whose only donation evidence (wording, donation URLs, donation class/id,
/// buttons) is that of `c`?
fn is_other_links(c: &Entry, p: &Entry) -> bool {
    let (cs, ps) = (&c.stats, &p.stats);
    ps.links >= MIN_OTHER_LINKS
        && cs.links <= 1
        && ps.text.saturating_sub(ps.link_text) <= MAX_LIST_HEADING
        && ps.link_text * 2 >= ps.text
        && ps.cue_text[DONATION] == cs.cue_text[DONATION]
        && ps.url[DONATION] == cs.url[DONATION]
        && ps.attr[DONATION] == cs.attr[DONATION]
        && ps.submit == cs.submit
        && ps.payment == cs.payment
}
