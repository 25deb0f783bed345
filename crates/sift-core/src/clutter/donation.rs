//! Donation asks: appeals for money or membership to support the publisher.
//!
//! Evidence: text cues ([`super::cues`]: ask, support framing, membership, reader funding), links to
//! donation / membership URLs and class, id, ARIA or data tokens from [`MARKERS`], and payment-brand
//! logos beside an ask.

use super::cues::kind;
use super::markers::{Marker, Place};
use super::stats::Entry;
use super::Seed;

/// Attribute tokens and URL fragments of donation widgets.
pub const MARKERS: &[Marker] = &[
    ("donat", Place::Both, "donate / donation"), // en, fr, es: donate, donation, donar
    ("spende", Place::Both, "Spende"),           // de
    ("support-us", Place::Both, "support-us"),   // en: /support-us, .support-us
    ("supportus", Place::Both, "supportus"),     // en
    ("support-our", Place::Both, "support-our"), // en: .support-our-journalism
    ("/support", Place::Url, "/support URL"),    // en: /support, /supporter
    ("membership", Place::Both, "membership"),
    ("members-", Place::Attr, "members"), // en: .members-block, .members-cta   // en
    ("/member", Place::Url, "/member URL"), // en: /membership, /members
    ("become-a-member", Place::Both, "become-a-member"), // en
    ("contribut", Place::Both, "contribute"), // en
    ("fundrais", Place::Both, "fundraising"), // en
    ("reader-revenue", Place::Attr, "reader-revenue"), // en: reader revenue modules
    ("unterstuetz", Place::Url, "/unterstuetzen URL"), // de
    ("mitglied", Place::Both, "Mitglied"), // de
    ("soutenir", Place::Url, "/soutenir URL"), // fr
    ("/don/", Place::Url, "/don/ URL"),   // fr
    ("/dons", Place::Url, "/dons URL"),   // fr
    ("apoya", Place::Url, "/apoya URL"),  // es
    ("paypal.com/donate", Place::Url, "PayPal donate"), // PayPal donate button
    ("paypal.me", Place::Url, "PayPal.me"), // PayPal personal page
    ("patreon.com", Place::Url, "Patreon"), // Patreon
    ("ko-fi.com", Place::Url, "Ko-fi"),   // Ko-fi
    ("buymeacoffee", Place::Url, "Buy Me a Coffee"), // Buy Me a Coffee
    ("liberapay", Place::Url, "Liberapay"), // Liberapay
    ("steadyhq", Place::Url, "Steady"),   // Steady (de membership platform)
    ("betterplace", Place::Url, "betterplace"), // betterplace.org (de)
    ("gofundme", Place::Url, "GoFundMe"), // GoFundMe
    ("fundraiseup", Place::Url, "FundraiseUp"), // FundraiseUp donation forms
    ("donorbox", Place::Url, "Donorbox"), // Donorbox
];

/// Longest text (chars) of a donation seed.
const MAX_SEED_TEXT: u32 = 1200;
/// Longest text of a seed found by wording and a call to action alone.
const MAX_TEXT_ONLY_SEED: u32 = 700;
/// Fewest cue-carrying text nodes of an appeal box without a link.
const MIN_APPEAL_NODES: u16 = 2;
/// Longest text of a seed that is only a link with a cue (a button or a link in a bar).
const MAX_LINK_SEED_TEXT: u32 = 80;

/// A text node of at least this many chars carrying one kind of donation wording, alone in its box,
/// is a note about donations (a tax-exemption notice), not an ask.
const NOTE_CHARS: u32 = super::stats::PROSE_CHARS;

/// Longest text of an ask that explains itself in one cue-less sentence (an opening ask, the
/// explanation, a link to the donation page).
const MAX_EXPLAINED_ASK: u32 = 400;
/// Longest text of a seed found by markers alone (a donation class/id around a donation link).
const MAX_MARKER_SEED: u32 = 300;

/// Does `entry` hold an ask that explains itself in one sentence without ask words ("Our goal
/// is an informed society ..."): it opens with the ask, names two kinds of it and links to a
/// donation page, in a short box?
pub fn is_explained_ask(entry: &Entry) -> bool {
    let s = &entry.stats;
    s.prose == 1
        && s.text <= MAX_EXPLAINED_ASK
        && entry.lead_cues & kind::DONATION_ANY != 0
        && (s.cues & kind::DONATION_ANY).count_ones() >= 2
        && s.url[0] > 0
}

/// Is the subtree `s` the smallest element that holds a donation ask?
pub fn seed(entry: &Entry) -> Option<Seed> {
    let s = &entry.stats;
    let in_nav = entry.in_nav;
    let has_url = s.url[0] > 0;
    let has_attr = s.attr[0] > 0;
    let cues = s.cues & kind::DONATION_ANY;
    let kinds = cues.count_ones();
    if s.text > MAX_SEED_TEXT || (s.prose > 0 && !is_explained_ask(entry)) {
        return None;
    }
    if cues == 0 {
        // A box named for donations around a link to a donation page (or an embedded donation
        // form), whatever its wording: "See fewer ads ... Learn more".
        // Text-less, it is an embed (a frame), not a row of icon links.
        let shape = s.text > 0 || s.links == 0;
        if has_url && has_attr && !in_nav && shape && s.text <= MAX_MARKER_SEED {
            return Some(Seed {
                score: 0.6,
                evidence: vec!["donation class/id + link or frame to a donation URL".to_string()],
            });
        }
        return None;
    }
    let payment = s.cues & kind::PAYMENT != 0 || s.payment > 0;
    // One long sentence that mentions donations once ("... is recognised as a charity. Your
    // donation is tax-deductible. More") with a link is a note about donations, not an appeal.
    let note =
        kinds == 1 && s.cue_nodes[0] == 1 && s.cue_text[0] >= NOTE_CHARS && !has_attr && !payment;
    if note {
        return None;
    }
    let only_link = s.link_text * 10 >= s.text * 9;
    // A single short link in a menu is navigation, not an appeal (labelling guide).
    if in_nav && only_link && s.text <= MAX_LINK_SEED_TEXT {
        return None;
    }
    let mut evidence = Vec::new();
    let mut score: f32 = 0.0;
    let has_cta = s.links + s.submit > 0;
    // A box of appeal wording: several text nodes, nearly all of them carrying donation cues.
    let appeal_box = s.cue_nodes[0] >= MIN_APPEAL_NODES && s.cue_text[0] * 10 >= s.text * 8;
    if kinds >= 2 && (has_cta || appeal_box) && s.text <= MAX_TEXT_ONLY_SEED {
        evidence.push(if has_cta {
            "ask + support framing text + call to action".to_string()
        } else {
            "a box of appeal wording (ask + support framing)".to_string()
        });
        score += 0.6;
    }
    if has_url {
        evidence.push("link to a donation/membership URL".to_string());
        score += 0.4;
    }
    if has_attr {
        evidence.push("donation class/id".to_string());
        score += 0.3;
    }
    if payment {
        evidence.push("payment-brand logos".to_string());
        score += 0.3;
    }
    if evidence.is_empty() {
        return None;
    }
    score += 0.2;
    Some(Seed {
        score: score.min(1.0),
        evidence,
    })
}

/// Longest text of a lone button or link, which alone is not an appeal.
const MAX_LONE_CTA_TEXT: u32 = 20;

/// Is the container `entry` a lone "Donate" / "Jetzt spenden" button or link, with no appeal
/// wording or payment choice around it? Without a real ask it is navigation, not an appeal.
pub fn is_lone_cta(entry: &Entry) -> bool {
    let s = &entry.stats;
    s.text > 0 && s.text <= MAX_LONE_CTA_TEXT && s.payment == 0 && s.cues & kind::PAYMENT == 0
}

/// Fewest links of a link list (a menu or a bar of social links); at least three quarters of its
/// text is link text (the rest: a column heading, separators).
const MIN_LIST_LINKS: u16 = 3;

/// Is the container `entry` a list of links that is navigation, for category `category`: asks are
/// a minority of it, or it is not named for the category (a menu or a footer column with a
/// "Donate" or "Newsletter" item)? Single nav/footer links are not appeals (labelling guide).
pub fn is_link_list(entry: &Entry, category: usize) -> bool {
    let s = &entry.stats;
    let cue_text = s.cue_text.get(category).copied().unwrap_or(0);
    let named = s.attr.get(category).copied().unwrap_or(0) > 0;
    // A menu's items may be buttons opening sub-menus; a newsletter form's buttons are its own.
    let items = if category == 0 {
        s.links.saturating_add(s.submit)
    } else {
        s.links
    };
    items >= MIN_LIST_LINKS && s.link_text * 4 >= s.text * 3 && (cue_text * 2 < s.text || !named)
}

/// Most elements of a list's item (`li > a > span > i`); a banner built of blocks inside its link
/// is not an item.
const MAX_ITEM_ELEMENTS: u32 = 5;

/// Is the container `entry` a single link (no form field) whose parent `parent` is a list of links
/// (an item of a category list or a menu)?
pub fn is_list_item(entry: &Entry, parent: Option<&Entry>) -> bool {
    let s = &entry.stats;
    let Some(p) = parent.map(|p| &p.stats) else {
        return false;
    };
    s.links == 1
        && entry.size <= MAX_ITEM_ELEMENTS
        && s.email + s.text_input == 0
        && s.link_text * 10 >= s.text * 9
        && p.links >= MIN_LIST_LINKS
        && p.link_text * 10 >= p.text * 9
}
