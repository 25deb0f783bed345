//! The English cue classifier: whether a token heads a cue, from the words and punctuation
//! around it. An averaged perceptron over hashed features, trained on PolNeAR train by
//! `sift eval attribution model` and committed as `cue_weights_en.rs`.
//!
//! [`features`] is the one feature extraction: the trainer (sift-eval, through
//! [`visit_candidates`](super::visit_candidates)) and the cue finder both call it, so the two
//! cannot drift apart. Features are 32-bit hashes (FNV-1a over a template number and up to two
//! strings); a model keeps the low bits as its table index.

use crate::claims::tokens::{Token, TokenKind};

use super::cue_weights_en;
use super::punctuation;

/// How many features [`features`] writes per token.
pub const FEATURES: usize = 24;

/// One token's features: hashes, each to be reduced to a table index.
pub type Features = [u32; FEATURES];

/// Tokens before and after a candidate searched for a quote mark or a comma.
const NEAR_TOKENS: usize = 12;
/// Tokens after a candidate searched for "that".
const THAT_TOKENS: usize = 4;

/// FNV-1a offset basis.
const FNV_BASIS: u32 = 0x811c_9dc5;
/// FNV-1a prime.
const FNV_PRIME: u32 = 0x0100_0193;

/// FNV-1a of the template number `template` and the strings `parts` (each closed by 0xff).
fn hash_all(template: u8, parts: &[&str]) -> u32 {
    let mut h = FNV_BASIS;
    let mut eat = |byte: u8| {
        h ^= u32::from(byte);
        h = h.wrapping_mul(FNV_PRIME);
    };
    eat(template);
    for part in parts {
        part.bytes().for_each(&mut eat);
        eat(0xff);
    }
    h
}

/// [`hash_all`] of two strings.
fn hash(template: u8, a: &str, b: &str) -> u32 {
    hash_all(template, &[a, b])
}

/// Whether the token is a quote mark (words and numbers ruled out first, cheaply).
fn is_quote(t: &Token) -> bool {
    t.kind == TokenKind::Punct && punctuation::is_quote(t)
}

/// The word of a neighbour: lower case, numbers as one word, the sentence's edges marked.
fn word_of<'a>(t: Option<&Token<'a>>) -> &'a str {
    match t {
        None => "<edge>",
        Some(t) if t.kind == TokenKind::Number => "<num>",
        Some(t) => t.lower(),
    }
}

/// The shape of a neighbour: capitalised or lower-case word, number, quote mark, or the
/// punctuation itself.
fn shape_of<'a>(t: Option<&Token<'a>>) -> &'a str {
    match t {
        None => "<edge>",
        Some(t) if t.kind == TokenKind::Number => "<num>",
        Some(t) if t.kind == TokenKind::Word && t.capital => "<Cap>",
        Some(t) if t.kind == TokenKind::Word => "<low>",
        Some(t) if is_quote(t) => "<q>",
        Some(t) => t.lower(),
    }
}

/// The last `n` chars of `word` (the whole word when shorter).
fn suffix(word: &str, n: usize) -> &str {
    let from = word
        .char_indices()
        .rev()
        .nth(n.saturating_sub(1))
        .map_or(0, |(k, _)| k);
    word.get(from..).unwrap_or(word)
}

/// A coarse bucket of a distance in tokens: 0, 1, 2, 3–5, 6–11, 12 and more.
fn bucket(d: usize) -> &'static str {
    match d {
        0 => "0",
        1 => "1",
        2 => "2",
        3..=5 => "3",
        6..=11 => "6",
        _ => "12",
    }
}

/// The features of token `i` of a sentence: its word and suffixes, the words and shapes of two
/// tokens either side, quote marks, commas and "that" nearby, its place in the sentence, and
/// whether the cue lexicon holds it (`in_lexicon`).
pub fn features(tokens: &[Token], i: usize, in_lexicon: bool) -> Features {
    let at = |d: isize| i.checked_add_signed(d).and_then(|k| tokens.get(k));
    let w0 = word_of(at(0));
    let (wm1, wp1, wm2, wp2) = (
        word_of(at(-1)),
        word_of(at(1)),
        word_of(at(-2)),
        word_of(at(2)),
    );
    let (sm1, sp1, sm2, sp2) = (
        shape_of(at(-1)),
        shape_of(at(1)),
        shape_of(at(-2)),
        shape_of(at(2)),
    );
    let lexicon = if in_lexicon { "L" } else { "-" };
    let before = tokens.get(i.saturating_sub(NEAR_TOKENS)..i).unwrap_or(&[]);
    let after = tokens
        .get(i + 1..(i + 1 + NEAR_TOKENS).min(tokens.len()))
        .unwrap_or(&[]);
    let quote_before = if before.iter().any(is_quote) {
        "q"
    } else {
        "-"
    };
    let quote_after = if after.iter().any(is_quote) { "q" } else { "-" };
    let quote_close = if before.iter().rev().take(3).any(is_quote) {
        "q"
    } else {
        "-"
    };
    let comma_before = if before.iter().any(|t| t.is(',')) {
        ","
    } else {
        "-"
    };
    let that_after = if after
        .iter()
        .take(THAT_TOKENS)
        .any(|t| t.lower() == "that" || t.is(':'))
    {
        "that"
    } else {
        "-"
    };
    let position = bucket(i);
    let to_end = bucket(tokens.len().saturating_sub(i + 1));
    [
        hash(0, "", ""),
        hash(1, w0, ""),
        hash(2, suffix(w0, 3), ""),
        hash(3, suffix(w0, 2), sm1),
        hash(4, wm1, ""),
        hash(5, wp1, ""),
        hash(6, wm2, ""),
        hash(7, wp2, ""),
        hash(8, sm2, sm1),
        hash(9, sp1, sp2),
        hash(10, w0, wm1),
        hash(11, w0, wp1),
        hash(12, w0, sm1),
        hash(13, w0, sp1),
        hash(14, w0, quote_close),
        hash(15, quote_before, quote_after),
        hash(16, w0, quote_before),
        hash(17, w0, that_after),
        hash(18, lexicon, sm1),
        hash(19, lexicon, sp1),
        hash(20, position, to_end),
        hash(21, w0, to_end),
        hash(22, w0, comma_before),
        hash(23, lexicon, position),
    ]
}

/// The model's score of `features` (higher: more likely a cue head), in the committed table's
/// quantised units.
pub fn score(features: &Features) -> i32 {
    let table = &cue_weights_en::WEIGHTS;
    let mask = table.len().saturating_sub(1);
    features.iter().fold(0i32, |sum, &h| {
        sum + table.get(h as usize & mask).map_or(0, |&w| i32::from(w))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::claims::tokens::tokenize;

    /// The model's score of the first token spelled `word` in `sentence` (in the lexicon or not,
    /// as the finder would ask).
    fn score_of(sentence: &str, word: &str) -> i32 {
        let chars: Vec<char> = sentence.chars().collect();
        let tokenized = tokenize(&chars, 0, chars.len());
        let tokens = tokenized.tokens();
        let i = tokens.iter().position(|t| t.lower() == word).unwrap_or(0);
        let in_lexicon = super::super::cues::cues_by_first_word(crate::lang::Lang::En)
            .get(word)
            .is_some();
        score(&features(&tokens, i, in_lexicon))
    }

    #[test]
    fn speech_scores_above_other_uses() {
        use super::super::{PROPOSE_FROM, REJECT_BELOW};
        // Lexicon cues in speech are kept.
        for (s, w) in [
            ("Smith said that the plan would fail.", "said"),
            ("\"The plan will fail,\" Smith said.", "said"),
            ("The study found that most voters were undecided.", "found"),
        ] {
            assert!(score_of(s, w) >= REJECT_BELOW, "{w}: {s}");
        }
        // Words outside the lexicon: proposed in speech, not in other uses.
        assert!(score_of("Many voters support the plan, polls show.", "show") >= PROPOSE_FROM);
        for (s, w) in [
            ("The figures show a rise in prices.", "show"),
            ("The crowd came to see the show.", "see"),
            ("The plan has wide support in the Senate.", "support"),
        ] {
            assert!(score_of(s, w) < PROPOSE_FROM, "{w}: {s}");
        }
    }

    #[test]
    #[ignore = "known limit: PolNeAR often annotates `called` (\"called the plan a disaster\") as a \
                cue, and the model scores `called` = named as high"]
    fn naming_is_not_speech() {
        use super::super::REJECT_BELOW;
        let s = "The group, called the Freedom Caucus, met on Monday.";
        assert!(score_of(s, "called") < REJECT_BELOW);
    }

    #[test]
    fn features_hold_at_sentence_edges() {
        let chars: Vec<char> = "Said.".chars().collect();
        let tokenized = tokenize(&chars, 0, chars.len());
        let tokens = tokenized.tokens();
        let first = features(&tokens, 0, true);
        // The same token gives the same features; another place, others.
        assert_eq!(first, features(&tokens, 0, true));
        assert_ne!(first, features(&tokens, 1, true));
        // Past the end: edge words and shapes, no panic.
        let _ = score(&features(&tokens, 5, false));
        let _ = score(&features(&[], 0, false));
    }
}
