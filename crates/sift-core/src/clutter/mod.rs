//! Clutter detection: donation asks, newsletter signup forms and audio players, found by what they are
//! on any site (see `docs/clutter.md`).
//!
//! How: [`stats`] computes every element's subtree totals in two linear passes (text length, link
//! text, form controls, multilingual [`cues`], attribute and URL markers); each category's rule
//! ([`donation`], [`newsletter`], [`audio`]) marks the smallest elements holding its evidence as
//! seeds; [`container`] climbs from each seed to the outermost element that holds only the widget.
//!
//! Entry points: [`detect`] finds candidates, [`retain_safe`] drops any that would hide article text,
//! [`to_tags`] turns them into [`ClutterTag`]s with element paths; [`analyze_fragment`] does all three
//! for a subtree added to the page later.

pub mod audio;
pub mod container;
pub mod cues;
pub mod donation;
mod fragment;
pub mod markers;
pub(crate) mod matcher;
pub mod newsletter;
mod safety;
pub mod stats;

use std::collections::HashSet;

use ego_tree::NodeId;
use scraper::{ElementRef, Html};

use crate::analysis::{ClutterCategory, ClutterTag};
use crate::dom;
pub use fragment::analyze_fragment;
pub use safety::retain_safe;

/// A clutter candidate before it is given a path.
#[derive(Debug, Clone, PartialEq)]
pub struct Detection {
    /// What kind of clutter.
    pub category: ClutterCategory,
    /// The element to hide.
    pub node: NodeId,
    /// The smallest element holding the evidence (inside or equal to `node`).
    pub seed: NodeId,
    /// The evidence, for people.
    pub reason: String,
    /// Confidence in `[0, 1]`.
    pub score: f32,
}

/// What a category's rule found at a seed.
#[derive(Debug, Clone, PartialEq)]
pub struct Seed {
    /// Confidence in `[0, 1]`.
    pub score: f32,
    /// Evidence, one short phrase each.
    pub evidence: Vec<String>,
}

/// Most seeds kept per page (a page of thousands of asks is not helped by more).
const MAX_SEEDS: usize = 400;
/// Most elements of a seed's subtree searched for the cue quoted in its reason.
const REASON_SCAN: usize = 200;
/// Lowest score tagged.
const MIN_SCORE: f32 = 0.5;
/// Elements that are never seeds themselves (their evidence belongs to their parent).
/// `head`, `link` and `meta` are never rendered (a TTS vendor's stylesheet link is not its player).
/// (A `matches!` on constant strings compiles to a few integer compares; this runs per element.)
fn is_never_seed(tag: &str) -> bool {
    matches!(tag, "html" | "body" | "script" | "head" | "link" | "meta")
}

/// Finds clutter candidates in `doc`.
pub fn detect(doc: &Html) -> Vec<Detection> {
    let mut table = stats::build(doc);
    let mut seeds: Vec<(usize, usize, Seed)> = Vec::new();
    stats::sweep(&mut table, |i, entry| {
        if is_never_seed(entry.tag()) || seeds.len() >= MAX_SEEDS {
            return;
        }
        // A menu or page footer itself holds navigation and other widgets, never one widget.
        let region = entry.nav_self || matches!(entry.tag(), "header" | "footer");
        let rules: [fn(&stats::Entry) -> Option<Seed>; stats::CATEGORIES] =
            [donation::seed, newsletter::seed, audio::seed];
        for (c, rule) in rules.iter().enumerate() {
            if entry.stats.seeds.get(c).copied().unwrap_or(0) > 0 || (region && c < 2) {
                continue;
            }
            if let Some(seed) = rule(entry) {
                // (The page is read only for seeds that would count.)
                if seed.score >= MIN_SCORE
                    && !(c == audio::AUDIO && audio::is_wording_in_text(doc, entry))
                {
                    if let Some(n) = entry.stats.seeds.get_mut(c) {
                        *n += 1;
                    }
                    seeds.push((i, c, seed));
                }
            }
        }
    });
    seeds.extend(
        audio::titled_players(doc, &table)
            .into_iter()
            .map(|(i, seed)| (i, audio::AUDIO, seed)),
    );
    let mut found: Vec<Detection> = Vec::new();
    for (i, c, seed) in seeds {
        if c == 1 && newsletter::in_comment_form(&table, i) {
            continue;
        }
        let top = container::climb(&table, i, c);
        let (Some(seed_entry), Some(top_entry)) = (table.get(i), table.get(top)) else {
            continue;
        };
        if c < 2 && donation::is_link_list(top_entry, c) {
            continue;
        }
        if c == 0 && donation::is_lone_cta(top_entry) {
            continue;
        }
        if c == 2 && audio::is_podcast_box(top_entry) {
            continue;
        }
        // One item of a list of links (a category list, a menu without a menu class) is navigation.
        let parent = usize::try_from(top_entry.parent)
            .ok()
            .and_then(|p| table.get(p));
        // (A newsletter box named so by its class is not a list's item.)
        let named = c == 1 && top_entry.stats.attr[1] > 0;
        if c < 2 && !named && donation::is_list_item(top_entry, parent) {
            continue;
        }
        let category = ClutterCategory::ALL
            .get(c)
            .copied()
            .unwrap_or(ClutterCategory::Newsletter);
        let reason = reason(&table, i, c, &seed);
        match found
            .iter_mut()
            .find(|d| d.node == top_entry.id && d.category == category)
        {
            Some(d) => {
                if seed.score > d.score {
                    d.score = seed.score;
                    d.reason = reason;
                    d.seed = seed_entry.id;
                }
            }
            None => found.push(Detection {
                category,
                node: top_entry.id,
                seed: seed_entry.id,
                reason,
                score: seed.score,
            }),
        }
    }
    add_audio_elements(&table, &mut found);
    found
}

/// Tags each `<audio>` element that sits beside a listen-to-this-article player or disclosure (its
/// parent holds an audio seed) and is not one itself: the player's sound, a part of the widget
/// that the climb cannot take when the parent also holds article text.
fn add_audio_elements(table: &[stats::Entry], found: &mut Vec<Detection>) {
    use audio::AUDIO;
    for entry in table.iter().filter(|e| e.tag() == "audio") {
        let Some(parent) = usize::try_from(entry.parent)
            .ok()
            .and_then(|p| table.get(p))
        else {
            continue;
        };
        let beside = parent.stats.seeds.get(AUDIO).copied().unwrap_or(0) > 0;
        let itself = entry.stats.seeds.get(AUDIO).copied().unwrap_or(0) > 0;
        if !beside || itself || found.iter().any(|d| d.node == entry.id) {
            continue;
        }
        found.push(Detection {
            category: ClutterCategory::Audio,
            node: entry.id,
            seed: entry.id,
            reason: "<audio> element beside a listen-to-this-article player".to_string(),
            score: 0.6,
        });
    }
}

/// A readable reason: the evidence, the quoted cue and the vendor or marker name.
fn reason(table: &[stats::Entry], seed: usize, category: usize, found: &Seed) -> String {
    let mask = match category {
        0 => cues::kind::DONATION_ANY,
        1 => cues::kind::NEWSLETTER_ANY,
        _ => cues::kind::AUDIO_ANY,
    };
    let marker_table: &[markers::Marker] = match category {
        0 => donation::MARKERS,
        1 => newsletter::MARKERS,
        _ => audio::MARKERS,
    };
    let size = table
        .get(seed)
        .map_or(1, |e| usize::try_from(e.size).unwrap_or(1));
    let mut quote = None;
    let mut marker = None;
    for entry in table.iter().skip(seed).take(size.min(REASON_SCAN)) {
        if quote.is_none() {
            quote = entry.cue().filter(|&q| {
                cues::TEXT_CUES
                    .get(usize::from(q))
                    .is_some_and(|c| c.1 & mask != 0)
            });
        }
        if marker.is_none() {
            marker = entry.marker(category);
        }
    }
    let mut parts = found.evidence.clone();
    if let Some(q) = quote {
        parts.push(format!("'{}' text", cues::pattern(q)));
    }
    if let Some(m) = marker.and_then(|m| marker_table.get(usize::from(m))) {
        parts.push(format!("marker '{}' ({})", m.0, m.2));
    }
    parts.join(" + ")
}

/// Gives each detection its path; nested detections of one category keep only the outermost.
pub fn to_tags(doc: &Html, detections: Vec<Detection>) -> Vec<ClutterTag> {
    tags_under(doc, detections, None)
}

/// Tags with paths from `<html>`, or from `root` when given (a fragment's root element).
fn tags_under(doc: &Html, detections: Vec<Detection>, root: Option<NodeId>) -> Vec<ClutterTag> {
    let marked: HashSet<(ClutterCategory, NodeId)> =
        detections.iter().map(|d| (d.category, d.node)).collect();
    let mut tags: Vec<(NodeId, ClutterTag)> = Vec::new();
    for d in detections {
        let Some(el) = doc.tree.get(d.node).and_then(ElementRef::wrap) else {
            continue;
        };
        let nested = el
            .ancestors()
            .any(|a| marked.contains(&(d.category, a.id())));
        if nested {
            continue;
        }
        let path = match root {
            None => dom::element_path(el),
            Some(r) => fragment::path_from(el, r),
        };
        if let Some(path) = path {
            tags.push((
                d.node,
                ClutterTag {
                    category: d.category,
                    path,
                    tag: dom::tag_name(&el).to_string(),
                    reason: d.reason,
                    score: d.score,
                },
            ));
        }
    }
    // Document order, outermost first (a path sorts before its descendants' paths).
    tags.sort_by(|a, b| a.1.path.cmp(&b.1.path));
    tags.into_iter().map(|(_, t)| t).collect()
}
