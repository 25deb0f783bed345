//! Newsletter signup modules: an email field with a submit control and newsletter wording, or a
//! short call to sign up for a newsletter.

use super::cues::kind;
use super::markers::{Marker, Place};
use super::stats::Entry;
use super::Seed;

/// Attribute tokens and URL fragments of newsletter widgets and the signup services behind them.
pub const MARKERS: &[Marker] = &[
    ("newsletter", Place::Both, "newsletter"), // en, de, fr, es
    ("mc_embed_signup", Place::Attr, "Mailchimp embed"), // Mailchimp embedded form
    ("mc4wp", Place::Attr, "Mailchimp for WordPress"), // MC4WP plugin
    ("list-manage.com", Place::Url, "Mailchimp"), // Mailchimp form action
    ("mailchimp", Place::Both, "Mailchimp"),   // Mailchimp
    ("mailpoet", Place::Attr, "MailPoet"),     // MailPoet (WordPress)
    ("mailmunch", Place::Attr, "MailMunch"),   // MailMunch
    ("mimi-", Place::Attr, "Mad Mimi"),        // Mad Mimi signup forms
    ("blog_subscription", Place::Attr, "Jetpack subscription"), // Jetpack "Subscribe to blog via email"
    ("jetpack_subscri", Place::Attr, "Jetpack subscription"),   // Jetpack
    ("sendinblue", Place::Both, "Sendinblue"),                  // Sendinblue / Brevo
    ("klaviyo", Place::Both, "Klaviyo"),                        // Klaviyo
    ("convertkit", Place::Both, "ConvertKit"),                  // ConvertKit
    ("substack.com", Place::Url, "Substack"),                   // Substack embeds
    // (Before "optin", which it contains: an element's first marker names it.)
    ("optinmonster", Place::Attr, "OptinMonster"), // OptinMonster embeds (`#om-{campaign}-holder`, see stats)
    ("optin", Place::Attr, "opt-in"),              // en: email opt-in boxes
    ("opt-in", Place::Attr, "opt-in"),             // en
    ("email-signup", Place::Attr, "email-signup"), // en
    ("emailsignup", Place::Attr, "email-signup"),  // en
    ("signup", Place::Attr, "signup"),             // en
    ("sign-up", Place::Attr, "sign-up"),           // en
    ("subscribe", Place::Attr, "subscribe"),       // en
    ("abonn", Place::Attr, "abonnieren / abonnement"), // de, fr
    ("infolettre", Place::Attr, "infolettre"),     // fr
    ("boletin", Place::Attr, "boletín"),           // es
    ("/newsletter", Place::Url, "/newsletter URL"), // en, de, fr, es
    ("eepurl.com", Place::Url, "Mailchimp signup link"), // Mailchimp's short links to a hosted signup form
    ("campaign-archive", Place::Url, "Mailchimp archive"), // Mailchimp's archive of sent newsletters
];

/// Markers that name an empty placeholder as a signup (the plain word and signup vendors; generic
/// words such as "subscribe" or "signup" also name account and paywall boxes, and MailMunch's
/// `mailmunch-forms-*-post` slots are left empty on most pages).
const PLACEHOLDER_MARKERS: &[&str] = &[
    "newsletter",
    "mc_embed_signup",
    "mc4wp",
    "mailchimp",
    "mailpoet",
    "sendinblue",
    "klaviyo",
    "convertkit",
    "optinmonster",
];
/// Elements that may be an empty signup placeholder.
const PLACEHOLDER_TAGS: &[&str] = &["div", "section", "aside", "form", "article"];
/// Longest text of a seed that is a link or button to a newsletter page or signup service.
const MAX_LINK_SEED_TEXT: u32 = 60;
/// A link whose text is at most this long and has no sign-up verb merely says "Newsletter": a
/// plain navigation or footer link (labelling guide), not a call to sign up.
const ONE_WORD_LINK: u32 = 14;
/// Signup and newsletter services whose links are signups whatever their wording (a bare
/// "Newsletter" link to the site's own page is navigation).
const SERVICE_MARKERS: &[&str] = &[
    "eepurl.com",
    "campaign-archive",
    "list-manage.com",
    "substack.com",
];
/// Longest text (chars) of a newsletter seed.
const MAX_SEED_TEXT: u32 = 900;
/// Longest text of a seed made of wording only (no email field).
const MAX_TEXT_SEED: u32 = 240;

/// Most ancestors looked at for the form around a seed.
const MAX_FORM_CLIMB: usize = 12;

/// Does the seed at table index `i` sit inside a form with a text area (a comment or contact
/// form)? Its email box and "notify me" wording are that form's, not a newsletter signup.
pub fn in_comment_form(table: &[Entry], i: usize) -> bool {
    let mut at = table.get(i).map_or(u32::MAX, |e| e.parent);
    for _ in 0..MAX_FORM_CLIMB {
        let Some(e) = usize::try_from(at).ok().and_then(|k| table.get(k)) else {
            return false;
        };
        if e.tag() == "form" {
            return e.stats.textarea > 0;
        }
        at = e.parent;
    }
    false
}

/// Is the subtree `s` the smallest element that holds a newsletter signup?
pub fn seed(entry: &Entry) -> Option<Seed> {
    let s = &entry.stats;
    if s.text > MAX_SEED_TEXT || s.prose > 0 {
        return None;
    }
    let cues = s.cues & kind::NEWSLETTER_ANY;
    let noun = cues & kind::NL_NOUN != 0;
    let verb = cues & kind::NL_VERB != 0;
    let has_attr = s.attr[1] > 0 || s.url[1] > 0;
    // Login, search and comment forms are not signups.
    let other_form = s.password > 0 || s.textarea > 0 || s.search > 0;
    // Account, comment and share forms name themselves; a newsletter names itself too.
    let account = s.cues & kind::ACCOUNT != 0 && !noun;
    let mut evidence = Vec::new();
    let mut score: f32 = 0.0;
    if s.email > 0 && !other_form && !account && (noun || verb || has_attr) {
        evidence.push("email input".to_string());
        score += 0.6;
        if s.submit > 0 {
            evidence.push("submit control".to_string());
            score += 0.1;
        }
    } else if is_worded_signup(entry) {
        evidence.push("newsletter + sign-up wording".to_string());
        score += 0.6;
    } else if s.text_input > 0
        && s.submit > 0
        && s.text <= MAX_TEXT_SEED
        && !other_form
        && !account
        && has_attr
        && (noun || verb)
    {
        // A plain text field in a box named for newsletters, labelled "E-Mail:".
        evidence.push("text input + submit in a newsletter box".to_string());
        score += 0.6;
    } else if is_signup_link(entry) && !other_form && !account && (noun || verb) {
        evidence.push("link to a newsletter page or signup service".to_string());
        score += 0.5;
    } else if s.text == 0
        && s.links + s.submit + s.email == 0
        && ((PLACEHOLDER_TAGS.contains(&entry.tag()) && names_placeholder(entry))
            // A signup form served in a frame ("Email Sign-up Form").
            || (entry.tag() == "iframe" && entry.marker(1).is_some()))
    {
        // An empty placeholder a signup script fills in (hidden templates count).
        evidence.push("empty newsletter placeholder".to_string());
        score += 0.5;
    } else {
        return None;
    }
    if has_attr {
        evidence.push("newsletter class/id".to_string());
        score += 0.2;
    }
    if cues & kind::NL_LEGAL != 0 {
        evidence.push("signup legal text".to_string());
        score += 0.1;
    }
    Some(Seed {
        score: score.min(1.0),
        evidence,
    })
}

/// Is `entry` a short call to sign up by its wording alone (newsletter and sign-up words, ≤240
/// chars, no other form, not a menu link)?
pub fn is_worded_signup(entry: &Entry) -> bool {
    let s = &entry.stats;
    let cues = s.cues & kind::NEWSLETTER_ANY;
    let other_form = s.password > 0 || s.textarea > 0 || s.search > 0;
    let account = s.cues & kind::ACCOUNT != 0 && cues & kind::NL_NOUN == 0;
    let only_link = s.link_text * 10 >= s.text * 9;
    s.text <= MAX_TEXT_SEED
        && s.prose == 0
        && !other_form
        && !account
        && cues & kind::NL_NOUN != 0
        && cues & kind::NL_VERB != 0
        && !(entry.in_nav && only_link)
        && !is_row_of_links(entry)
}

/// Fewest links of a row of links (a footer's "Contact · About · Subscribe · Newsletter · …").
const MIN_ROW_LINKS: u16 = 5;

/// Is `entry` a row of links (≥ 5 links, mostly link text)? Its newsletter and sign-up words are
/// separate items ("Subscribe" to the magazine, "Newsletter"), not one call to sign up.
fn is_row_of_links(entry: &Entry) -> bool {
    let s = &entry.stats;
    s.email == 0 && s.links >= MIN_ROW_LINKS && s.link_text * 2 >= s.text
}

/// Is `entry` a short link or button (outside menus) to a newsletter page or a signup service
/// ("Sign up here" → `/newsletter/`, "Subscribe now" → `#newsletter`, a Mailchimp signup link),
/// saying more than the bare word "Newsletter"?
fn is_signup_link(entry: &Entry) -> bool {
    let s = &entry.stats;
    let verb = s.cues & kind::NL_VERB != 0;
    s.url[1] > 0
        // Every link goes to a newsletter page ("Newsletter" beside "Devices" is a footer row).
        && s.url[1] >= s.links
        && !entry.in_nav
        && s.text > 0
        && s.text <= MAX_LINK_SEED_TEXT
        && s.link_text * 10 >= s.text * 9
        // Without a sign-up verb: a promo of several links ("Newsletters" + "Click Here"), or a
        // link to a signup service; one link naming the newsletter is a footer link.
        && (verb || (s.text > ONE_WORD_LINK && s.links >= 2) || links_to_service(entry))
}

/// Is `entry` itself a link to a signup service ([`SERVICE_MARKERS`])?
fn links_to_service(entry: &Entry) -> bool {
    entry
        .marker(1)
        .and_then(|m| MARKERS.get(usize::from(m)))
        .is_some_and(|m| SERVICE_MARKERS.contains(&m.0))
}

/// Does the element's own class/id name it as a signup placeholder (see [`PLACEHOLDER_MARKERS`])?
fn names_placeholder(entry: &Entry) -> bool {
    entry
        .marker(1)
        .and_then(|m| MARKERS.get(usize::from(m)))
        .is_some_and(|m| PLACEHOLDER_MARKERS.contains(&m.0))
}
