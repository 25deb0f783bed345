//! Source-and-cue shapes that are not speech: an English discourse marker ("That said, …",
//! "That being said, …"), and in a verb-second language a demonstrative object opening the
//! sentence ("Das berichtet das Magazin …": the subject follows the verb, and what "das" stands
//! for is in the sentence before, not here).

use super::Found;
use crate::claims::table_lookup;
use crate::claims::tokens::Token;

/// Demonstratives that open a sentence as the object of a verb-second cue.
const DEMONSTRATIVES_V2: &[&str] = &["das", "dies", "dieses"];

/// Words opening a content after a cue: with one, the demonstrative before the cue is its subject
/// ("Das zeigt, dass …").
const COMPLEMENT_OPENERS_V2: &[&str] = &["dass", "ob", "wie", "wer", "was"];

table_lookup!(
    /// Whether the word is in [`DEMONSTRATIVES_V2`].
    fn demonstrative_v2 => DEMONSTRATIVES_V2
);
table_lookup!(
    /// Whether the word is in [`COMPLEMENT_OPENERS_V2`].
    fn complement_opener_v2 => COMPLEMENT_OPENERS_V2
);

/// English discourse markers opening a sentence, "said" in them no speech ("That said, …").
const MARKERS_EN: &[&[&str]] = &[
    &["that", "said"],
    &["that", "being", "said"],
    &["having", "said", "that"],
];

/// Where a discourse marker opening the sentence ends (after its comma, if any), or 0: no cue
/// is looked for inside it, and no source reaches into it.
pub(super) fn marker_end(tokens: &[Token]) -> usize {
    let Some(first) = tokens.iter().position(Token::is_word) else {
        return 0;
    };
    let rest = tokens.get(first..).unwrap_or_default();
    MARKERS_EN
        .iter()
        .find(|m| m.len() <= rest.len() && m.iter().zip(rest).all(|(w, t)| t.lower() == *w))
        .map_or(0, |m| {
            let end = first + m.len();
            end + usize::from(tokens.get(end).is_some_and(|t| t.is(',')))
        })
}

/// Whether `f` (found in `tokens`, one sentence, in a verb-second language when `verb_second`)
/// opens with a demonstrative object before its cue ("Das berichtet das Magazin …").
pub(super) fn demonstrative_object(tokens: &[Token], f: &Found, verb_second: bool) -> bool {
    let first_word = tokens.iter().position(Token::is_word);
    verb_second
        && f.source.1 == f.source.0 + 1
        && first_word == Some(f.source.0)
        && tokens
            .get(f.source.0)
            .is_some_and(|t| demonstrative_v2(t.lower()))
        && f.content.0 >= f.cue.1
        && tokens
            .get(f.content.0)
            .is_some_and(|t| t.is_word() && !complement_opener_v2(t.lower()))
}
