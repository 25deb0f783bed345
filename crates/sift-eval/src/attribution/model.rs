//! `sift eval attribution model`: trains the English cue classifier on PolNeAR train and prints
//! it as `crates/sift-core/src/claims/attribution/cue_weights_en.rs`.
//!
//! Every word token outside quotes is an example (its features from
//! `sift_core::claims::attribution::visit_candidates`, the finder's own extraction), labelled by
//! whether it heads a gold cue (its first word after auxiliaries and adverbs, as the lexicon
//! counts). Only the lexicon's words and the candidate words (below) are learned from and scored.
//! Texts are taken in name order; every [`HELDOUT_EVERY`]th is held out (thresholds, features and
//! epochs were chosen on it), the rest fit the model. Dev is never read.

use std::collections::{BTreeMap, BTreeSet};

use sift_core::claims::attribution::cue_model::{Features, FEATURES};
use sift_core::claims::attribution::{visit_candidates, SentenceTokens};
use sift_core::claims::sentences;
use sift_core::claims::tokens::Tokenized;
use sift_core::lang::Lang;

use super::{first_annotator_files, is_modifier, parse_ann, read};
use crate::corpora::corpus_dir;

/// Every this-many-th train text (in name order, the last of each group) is held out.
pub const HELDOUT_EVERY: usize = 5;
/// Bits of the hashed weight table.
const TABLE_BITS: u32 = 14;
/// Passes over the fitting examples.
const EPOCHS: usize = 6;
/// Fewest times a word outside the lexicon must head a gold cue in the fitting texts to become a
/// candidate the model may propose.
const CANDIDATE_MIN_HITS: usize = 3;
/// Least share of its occurrences a candidate word must head a gold cue.
const CANDIDATE_MIN_SHARE: f64 = 0.1;
/// Quantisation: this share of the non-zero weights (by magnitude) fits i8 unclipped.
const QUANTILE: f64 = 0.999;

/// One example: text index, word, whether in the lexicon, label, features.
struct Example {
    text: usize,
    word: String,
    in_lexicon: bool,
    cue: bool,
    features: Features,
}

/// Whether the train text at `index` (name order) is held out.
pub fn held_out(index: usize) -> bool {
    index % HELDOUT_EVERY == HELDOUT_EVERY - 1
}

/// Every word token outside quotes of the train texts, with its label.
fn examples() -> Result<(Vec<Example>, usize), String> {
    let dir = corpus_dir("polnear")?.join("data").join("train");
    let first = first_annotator_files(&dir)?;
    let mut out = Vec::new();
    for (index, (name, ann)) in first.iter().enumerate() {
        let text = read(&dir.join("text").join(format!("{name}.txt")))?;
        let gold = parse_ann(&read(&dir.join("attributions").join(ann))?);
        let article = sift_core::article::from_plain_text(&text);
        let chars: Vec<char> = article.text.chars().collect();
        let split = sentences::split(&chars, &article.paragraphs, Lang::En);
        let tokenized = Tokenized::new(&chars, split.iter().map(|s| (s.span[0], s.span[1])));
        let all = tokenized.tokens();
        let lists = tokenized.ranges(&all);
        // Char offsets of the tokens heading a gold cue.
        let mut heads = BTreeSet::new();
        for c in gold.get("Cue").map(Vec::as_slice).unwrap_or(&[]) {
            if let Some(t) = all
                .iter()
                .find(|t| t.start >= c[0] && t.start < c[1] && !is_modifier(t.lower()))
            {
                heads.insert(t.start);
            }
        }
        let st: Vec<SentenceTokens<'_>> = split
            .iter()
            .zip(&lists)
            .map(|(s, &t)| SentenceTokens {
                tokens: t,
                dates: &[],
                path: None,
                paragraph: s.paragraph,
            })
            .collect();
        visit_candidates(
            &st,
            |w| !is_modifier(w),
            |t, in_lexicon, f| {
                out.push(Example {
                    text: index,
                    word: t.lower().to_string(),
                    in_lexicon,
                    cue: heads.contains(&t.start),
                    features: *f,
                })
            },
        );
    }
    Ok((out, first.len()))
}

/// The candidate words outside the lexicon: heading a gold cue in the fitting texts often enough.
fn candidates(examples: &[Example]) -> BTreeSet<String> {
    let mut counts: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
    for e in examples
        .iter()
        .filter(|e| !held_out(e.text) && !e.in_lexicon)
    {
        let c = counts.entry(&e.word).or_default();
        c.1 += 1;
        if e.cue {
            c.0 += 1;
        }
    }
    counts
        .into_iter()
        .filter(|(_, (hits, total))| {
            *hits >= CANDIDATE_MIN_HITS && *hits as f64 >= CANDIDATE_MIN_SHARE * *total as f64
        })
        .map(|(w, _)| w.to_string())
        .collect()
}

/// A deterministic shuffle (xorshift64) of `0..n`.
fn shuffled(n: usize, seed: u64) -> Vec<usize> {
    let mut order: Vec<usize> = (0..n).collect();
    let mut s = seed.max(1);
    for k in (1..n).rev() {
        s ^= s << 13;
        s ^= s >> 7;
        s ^= s << 17;
        order.swap(k, (s % (k as u64 + 1)) as usize);
    }
    order
}

/// Averaged perceptron weights over the examples `fit` (indices into `examples`).
fn train(examples: &[Example], fit: &[usize]) -> Vec<f64> {
    let size = 1usize << TABLE_BITS;
    let mask = size - 1;
    let mut w = vec![0i64; size];
    let mut u = vec![0i64; size];
    let mut c: i64 = 1;
    for epoch in 0..EPOCHS {
        for &k in &shuffled(fit.len(), 0x9e37_79b9_7f4a_7c15 ^ epoch as u64) {
            let Some(e) = fit.get(k).and_then(|&x| examples.get(x)) else {
                continue;
            };
            let s: i64 = e
                .features
                .iter()
                .map(|&h| w.get(h as usize & mask).copied().unwrap_or(0))
                .sum();
            let y: i64 = if e.cue { 1 } else { -1 };
            if y * s <= 0 {
                for &h in &e.features {
                    if let (Some(wi), Some(ui)) =
                        (w.get_mut(h as usize & mask), u.get_mut(h as usize & mask))
                    {
                        *wi += y;
                        *ui += y * c;
                    }
                }
            }
            c += 1;
        }
    }
    w.iter()
        .zip(&u)
        .map(|(&wi, &ui)| wi as f64 - ui as f64 / c as f64)
        .collect()
}

/// The weights quantised to i8: scaled so [`QUANTILE`] of the non-zero magnitudes fit.
fn quantise(weights: &[f64]) -> Vec<i8> {
    let mut mags: Vec<f64> = weights
        .iter()
        .map(|w| w.abs())
        .filter(|&m| m > 0.0)
        .collect();
    mags.sort_by(|a, b| a.total_cmp(b));
    let top = mags
        .get(((mags.len() as f64 * QUANTILE) as usize).min(mags.len().saturating_sub(1)))
        .copied()
        .unwrap_or(1.0)
        .max(f64::MIN_POSITIVE);
    weights
        .iter()
        .map(|w| (w / top * 127.0).round().clamp(-127.0, 127.0) as i8)
        .collect()
}

/// Score of `f` under quantised `table`.
fn score(table: &[i8], f: &Features) -> i32 {
    let mask = table.len() - 1;
    f.iter()
        .map(|&h| table.get(h as usize & mask).map_or(0, |&w| i32::from(w)))
        .sum()
}

/// Trains the model on the fitting texts and prints it as Rust source; token-level figures on the
/// held-out texts go to stderr.
pub fn model() -> Result<String, String> {
    let (examples, texts) = examples()?;
    let extra = candidates(&examples);
    let used = |e: &Example| e.in_lexicon || extra.contains(&e.word);
    let fit: Vec<usize> = (0..examples.len())
        .filter(|&k| {
            examples
                .get(k)
                .is_some_and(|e| !held_out(e.text) && used(e))
        })
        .collect();
    let table = quantise(&train(&examples, &fit));
    report_heldout(&examples, &table, &used);
    let mut out = String::new();
    out.push_str(&format!(
        "//! English cue classifier weights, generated by `sift eval attribution model` from PolNeAR\n\
         //! train ({texts} texts, first annotator file of each; every {HELDOUT_EVERY}th text in name \
         order held out, dev never read). Do not edit by hand.\n\
         //!\n\
         //! Averaged perceptron, {EPOCHS} epochs, over the {FEATURES} hashed features of \
         `cue_model::features`, weights scaled to i8.\n\n\
         /// Words outside the lexicon the model may propose as cue heads: heading a gold cue at \
         least {CANDIDATE_MIN_HITS} times and in at least {CANDIDATE_MIN_SHARE} of their \
         occurrences in the fitting texts.\n\
         pub const CANDIDATES: &[&str] = &[\n"
    ));
    for w in &extra {
        out.push_str(&format!("    {w:?},\n"));
    }
    out.push_str("];\n\n");
    out.push_str(&format!(
        "/// Hashed feature weights (index: feature hash modulo 2^{TABLE_BITS}).\n\
         #[rustfmt::skip]\n\
         pub const WEIGHTS: [i8; 1 << {TABLE_BITS}] = [\n"
    ));
    for chunk in table.chunks(32) {
        let line: Vec<String> = chunk.iter().map(|w| w.to_string()).collect();
        out.push_str(&format!("    {},\n", line.join(", ")));
    }
    out.push_str("];\n");
    Ok(out)
}

/// Token-level precision and recall on the held-out texts at a range of thresholds, separately
/// for lexicon words (kept when the score reaches the threshold) and candidates (proposed).
fn report_heldout(examples: &[Example], table: &[i8], used: &dyn Fn(&Example) -> bool) {
    let held: Vec<(&Example, i32)> = examples
        .iter()
        .filter(|e| held_out(e.text) && used(e))
        .map(|e| (e, score(table, &e.features)))
        .collect();
    let gold_heads = examples
        .iter()
        .filter(|e| held_out(e.text) && e.cue)
        .count();
    eprintln!(
        "held-out: {} gold cue heads outside quotes; candidate tokens {}",
        gold_heads,
        held.len()
    );
    let best = (-400..=400)
        .step_by(10)
        .map(|t| {
            let kept = held.iter().filter(|(_, s)| *s >= t).count();
            let hits = held.iter().filter(|(e, s)| *s >= t && e.cue).count();
            (2.0 * hits as f64 / (kept + gold_heads).max(1) as f64, t)
        })
        .fold((0.0, 0), |a, b| if b.0 > a.0 { b } else { a });
    eprintln!("best token F1 {:.4} at {}", best.0, best.1);
    for lexicon in [true, false] {
        eprintln!(
            "{}: threshold, kept, of which cues (precision), cues missed",
            if lexicon { "lexicon" } else { "candidates" }
        );
        let part: Vec<&(&Example, i32)> = held
            .iter()
            .filter(|(e, _)| e.in_lexicon == lexicon)
            .collect();
        for t in (-300..=300).step_by(50) {
            let kept = part.iter().filter(|(_, s)| *s >= t).count();
            let hits = part.iter().filter(|(e, s)| *s >= t && e.cue).count();
            let missed = part.iter().filter(|(e, s)| *s < t && e.cue).count();
            eprintln!(
                "  {t:>5} {kept:>6} {hits:>6} ({:.3}) {missed:>6}",
                hits as f64 / kept.max(1) as f64
            );
        }
    }
}
