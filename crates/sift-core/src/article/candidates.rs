//! Choosing the article's root: Readability's scoring (each paragraph scores its ancestors by its text,
//! commas and length; a container's score is discounted by its link density), then climbing to a
//! shared ancestor and joining content siblings.

use super::nodes::{flag, Flat, FlatNode};

/// Fewest non-link chars of own text for a block to score its ancestors.
const MIN_SCORING_CHARS: u32 = 25;
/// Chars of text per point of paragraph score, and the most points length can give.
const CHARS_PER_POINT: u32 = 100;
const MAX_LENGTH_POINTS: u32 = 3;
/// How many ancestors a paragraph scores.
const ANCESTOR_LEVELS: usize = 5;
/// Alternatives scoring at least this share of the top one hint that the article spans them.
const ALTERNATIVE_SHARE: f64 = 0.75;
/// How many such alternatives below a shared ancestor make it the root.
const MIN_ALTERNATIVES: usize = 3;
/// How many top candidates are compared.
const TOP_CANDIDATES: usize = 5;
/// Climbing to a parent with more prose: at least this relative gain...
const CLIMB_MIN_PROSE_GAIN: f64 = 0.15;
/// ... and this many more chars of prose...
const CLIMB_MIN_EXTRA_PROSE: u32 = 150;
/// ... in a parent with at most this link density.
const CLIMB_MAX_LINK_DENSITY: f64 = 0.25;
/// Sibling joining: a sibling joins when it scores at least this share of the root's score...
const SIBLING_SHARE: f64 = 0.2;
/// ... and at least this much.
const SIBLING_MIN_SCORE: f64 = 10.0;
/// A paragraph sibling joins when it has this many chars and little link text.
const SIBLING_PARAGRAPH_CHARS: u32 = 80;
const SIBLING_MAX_LINK_DENSITY: f64 = 0.25;

/// The chosen root and the parts (the root or its joined siblings) that hold the article.
#[derive(Debug, Clone)]
pub struct Choice {
    /// The element standing for the article (the common parent when siblings were joined).
    pub root: usize,
    /// Elements whose text forms the article, in document order.
    pub parts: Vec<usize>,
}

/// Base score of a container by its tag (Readability's `_initializeNode`).
fn tag_score(tag: &str) -> f64 {
    match tag {
        "div" | "article" | "main" | "section" => 5.0,
        "pre" | "td" | "blockquote" => 3.0,
        "address" | "ol" | "ul" | "dl" | "dd" | "dt" | "li" | "form" => -3.0,
        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "th" => -5.0,
        _ => 0.0,
    }
}

/// Score points of one paragraph.
fn paragraph_points(n: &FlatNode<'_>) -> Option<f64> {
    if n.has(flag::IN_DROPPED) || matches!(n.tag(), "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "th")
    {
        return None;
    }
    let own = n.inline_chars.saturating_sub(n.inline_link_chars);
    if own < MIN_SCORING_CHARS {
        return None;
    }
    // Commas only when the block holds no other paragraph (its subtree's commas are its own).
    let commas = if n.paragraphs <= 1 { n.commas } else { 0 };
    Some(1.0 + f64::from(commas) + f64::from((own / CHARS_PER_POINT).min(MAX_LENGTH_POINTS)))
}

/// Scores every container; returns the scores (NaN-free, 0 where unscored) and which were scored.
fn score(flat: &Flat<'_>) -> (Vec<f64>, Vec<bool>) {
    let n = flat.nodes.len();
    let mut scores = vec![0.0f64; n];
    let mut scored = vec![false; n];
    for (i, node) in flat.nodes.iter().enumerate() {
        let Some(points) = paragraph_points(node) else {
            continue;
        };
        let mut anc = node.parent;
        for level in 0..ANCESTOR_LEVELS {
            let Some(a) = flat.nodes.get(anc) else { break };
            if a.has(flag::IN_DROPPED) {
                break;
            }
            if let (Some(s), Some(done)) = (scores.get_mut(anc), scored.get_mut(anc)) {
                if !*done {
                    *done = true;
                    *s = tag_score(a.tag()) + f64::from(a.class_weight);
                }
                let divider = match level {
                    0 => 1.0,
                    1 => 2.0,
                    _ => level as f64 * 3.0,
                };
                *s += points / divider;
            }
            anc = a.parent;
        }
        // A text block that is its own container (a <div> of text) scores itself too.
        if node.tag() != "p" && node.paragraphs <= 1 {
            if let (Some(s), Some(done)) = (scores.get_mut(i), scored.get_mut(i)) {
                if !*done {
                    *done = true;
                    *s = tag_score(node.tag()) + f64::from(node.class_weight);
                }
            }
        }
    }
    for (i, node) in flat.nodes.iter().enumerate() {
        if let Some(s) = scores.get_mut(i) {
            *s *= 1.0 - node.link_density();
        }
    }
    (scores, scored)
}

/// Whether `anc` is `i` or an ancestor of it.
fn contains(flat: &Flat<'_>, anc: usize, i: usize) -> bool {
    flat.nodes.get(anc).is_some_and(|a| anc <= i && i < a.end)
}

/// Picks the article's root, or `None` when nothing scored.
pub fn choose(flat: &Flat<'_>) -> Option<Choice> {
    let (scores, scored) = score(flat);
    let score_of = |i: usize| scores.get(i).copied().unwrap_or(0.0);
    let is_scored = |i: usize| scored.get(i).copied().unwrap_or(false);
    let mut top: Vec<usize> = Vec::new();
    for (i, _) in scored.iter().enumerate().filter(|(_, s)| **s) {
        let s = score_of(i);
        let pos = top
            .iter()
            .position(|&t| score_of(t) < s)
            .unwrap_or(top.len());
        if pos < TOP_CANDIDATES {
            top.insert(pos, i);
            top.truncate(TOP_CANDIDATES);
        }
    }
    let body = flat.body.unwrap_or(0);
    let mut best = *top.first()?;
    let best_score = score_of(best);

    // Several near-equal candidates under one ancestor: the article spans them.
    let alternatives: Vec<usize> = top
        .iter()
        .skip(1)
        .copied()
        .filter(|&t| best_score > 0.0 && score_of(t) / best_score >= ALTERNATIVE_SHARE)
        .collect();
    if alternatives.len() >= MIN_ALTERNATIVES {
        let mut parent = flat.nodes.get(best).map_or(usize::MAX, |n| n.parent);
        while parent != usize::MAX && parent != body {
            let under = alternatives
                .iter()
                .filter(|&&a| contains(flat, parent, a))
                .count();
            if under >= MIN_ALTERNATIVES {
                best = parent;
                break;
            }
            parent = flat.nodes.get(parent).map_or(usize::MAX, |n| n.parent);
        }
    }

    // Climb while the parent scores higher (the article's text spread over its children).
    let mut last = score_of(best);
    let threshold = last / 3.0;
    let mut parent = flat.nodes.get(best).map_or(usize::MAX, |n| n.parent);
    while parent != usize::MAX && parent != body {
        if !is_scored(parent) {
            parent = flat.nodes.get(parent).map_or(usize::MAX, |n| n.parent);
            continue;
        }
        let ps = score_of(parent);
        if ps < threshold {
            break;
        }
        if ps > last {
            best = parent;
            break;
        }
        last = ps;
        parent = flat.nodes.get(parent).map_or(usize::MAX, |n| n.parent);
    }

    // Climb while the parent holds much more prose at a low link density: the article's paragraphs
    // split over sibling containers (a lede block and a body block).
    while let Some(node) = flat.nodes.get(best) {
        let parent = node.parent;
        match flat.nodes.get(parent) {
            Some(p)
                if parent != body
                    && !p.has(flag::IN_DROPPED)
                    && f64::from(p.prose)
                        >= f64::from(node.prose) * (1.0 + CLIMB_MIN_PROSE_GAIN)
                    && p.prose.saturating_sub(node.prose) >= CLIMB_MIN_EXTRA_PROSE
                    && p.link_density() <= CLIMB_MAX_LINK_DENSITY =>
            {
                best = parent
            }
            _ => break,
        }
    }

    // An only child stands for its parent.
    while let Some(node) = flat.nodes.get(best) {
        let parent = node.parent;
        match flat.nodes.get(parent) {
            Some(p) if parent != body && p.element_children == 1 && !p.has(flag::IN_DROPPED) => {
                best = parent
            }
            _ => break,
        }
    }

    let mut choice = join_siblings(flat, best, score_of(best), &scores);
    add_standfirst(flat, &mut choice);
    Some(choice)
}

/// Fewest chars of non-link text for a standfirst.
const STANDFIRST_MIN_CHARS: u32 = 40;
/// Most link density of a standfirst.
const STANDFIRST_MAX_LINK_DENSITY: f64 = 0.3;
/// How many levels above the first part the standfirst is looked for.
const STANDFIRST_LEVELS: usize = 3;

/// Adds the standfirst (deck, summary, lede with such a class) printed before the first part and
/// outside it, within a few levels above it: headers often hold it apart from the body's container.
fn add_standfirst(flat: &Flat<'_>, choice: &mut Choice) {
    let Some(&first) = choice.parts.first() else {
        return;
    };
    let mut scope = first;
    for _ in 0..STANDFIRST_LEVELS {
        match flat.nodes.get(scope) {
            Some(n) if n.parent != usize::MAX && Some(n.parent) != flat.body => scope = n.parent,
            _ => break,
        }
    }
    let mut i = scope + 1;
    while i < first {
        let Some(n) = flat.nodes.get(i) else { break };
        if n.has(flag::IN_DROPPED) {
            i = n.end.max(i + 1);
            continue;
        }
        let holds_first = i < first && first < n.end;
        if !holds_first
            && n.has(flag::STANDFIRST)
            && n.chars.saturating_sub(n.link_chars) >= STANDFIRST_MIN_CHARS
            && n.link_density() <= STANDFIRST_MAX_LINK_DENSITY
        {
            choice.parts.insert(0, i);
            return;
        }
        i += 1;
    }
}

/// The root plus those of its siblings that look like more of the article.
fn join_siblings(flat: &Flat<'_>, best: usize, best_score: f64, scores: &[f64]) -> Choice {
    let Some(node) = flat.nodes.get(best) else {
        return Choice {
            root: best,
            parts: vec![best],
        };
    };
    let parent = node.parent;
    let Some(p) = flat.nodes.get(parent) else {
        return Choice {
            root: best,
            parts: vec![best],
        };
    };
    let threshold = SIBLING_MIN_SCORE.max(best_score * SIBLING_SHARE);
    let mut parts = Vec::new();
    let mut i = parent + 1;
    while i < p.end {
        let Some(s) = flat.nodes.get(i) else { break };
        if i == best {
            parts.push(i);
        } else if !s.has(flag::IN_DROPPED) && !s.has(flag::FURNITURE) {
            let score = scores.get(i).copied().unwrap_or(0.0);
            let joins = score >= threshold
                || (s.tag() == "p"
                    && s.chars >= SIBLING_PARAGRAPH_CHARS
                    && s.link_density() < SIBLING_MAX_LINK_DENSITY);
            if joins {
                parts.push(i);
            }
        }
        i = s.end.max(i + 1);
    }
    let root = if parts.len() > 1 { parent } else { best };
    Choice { root, parts }
}
