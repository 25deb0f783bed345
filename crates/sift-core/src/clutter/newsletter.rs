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
    ("optin", Place::Attr, "opt-in"),                           // en: email opt-in boxes
    ("opt-in", Place::Attr, "opt-in"),                          // en
    ("email-signup", Place::Attr, "email-signup"),              // en
    ("emailsignup", Place::Attr, "email-signup"),               // en
    ("signup", Place::Attr, "signup"),                          // en
    ("sign-up", Place::Attr, "sign-up"),                        // en
    ("subscribe", Place::Attr, "subscribe"),                    // en
    ("abonn", Place::Attr, "abonnieren / abonnement"),          // de, fr
    ("infolettre", Place::Attr, "infolettre"),                  // fr
    ("boletin", Place::Attr, "boletín"),                        // es
    ("/newsletter", Place::Url, "/newsletter URL"),             // en, de, fr, es
];

/// Index in [`MARKERS`] of the plain "newsletter" token (the only one an empty placeholder may use).
const NEWSLETTER_MARKER: u16 = 0;
/// Longest text (chars) of a newsletter seed.
const MAX_SEED_TEXT: u32 = 900;
/// Longest text of a seed made of wording only (no email field).
const MAX_TEXT_SEED: u32 = 240;

/// Is the subtree `s` the smallest element that holds a newsletter signup?
pub fn seed(entry: &Entry) -> Option<Seed> {
    let s = &entry.stats;
    let in_nav = entry.in_nav;
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
    } else if s.text <= MAX_TEXT_SEED && !other_form && !account && noun && verb {
        let only_link = s.link_text * 10 >= s.text * 9;
        if in_nav && only_link {
            return None;
        }
        evidence.push("newsletter + sign-up wording".to_string());
        score += 0.6;
    } else if s.text == 0
        && s.links + s.submit + s.email == 0
        && ((matches!(entry.tag, "div" | "section" | "aside" | "form")
            && entry.marker[1] == Some(NEWSLETTER_MARKER))
            // A signup form served in a frame ("Email Sign-up Form").
            || (entry.tag == "iframe" && entry.marker[1].is_some()))
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
