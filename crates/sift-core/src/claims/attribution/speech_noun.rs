//! A light verb's speech noun in its cue: PolNeAR's cues take the noun that carries the speech
//! after "made", "issued", "expressed", "raised" … ("made no mention of", "issued a statement",
//! "raised questions about", "voiced support for"), and the preposition that opens its content.

use super::spans::{extend_cue, is_adverb};
use super::Found;
use crate::claims::table_lookup;
use crate::claims::tokens::Token;

/// English light verbs: a cue ending in one takes a [`SPEECH_NOUNS`] object.
const LIGHT_VERBS: &[&str] = &[
    "make",
    "makes",
    "made",
    "making",
    "issue",
    "issues",
    "issued",
    "issuing",
    "express",
    "expresses",
    "expressed",
    "expressing",
    "voice",
    "voices",
    "voiced",
    "voicing",
    "raise",
    "raises",
    "raised",
    "raising",
    "release",
    "releases",
    "released",
    "offer",
    "offers",
    "offered",
    "draw",
    "draws",
    "drew",
    "drawn",
    "launch",
    "launches",
    "launched",
    "give",
    "gives",
    "gave",
    "given",
];

/// Nouns that carry what is said after a light verb.
const SPEECH_NOUNS: &[&str] = &[
    "statement",
    "statements",
    "remark",
    "remarks",
    "comment",
    "comments",
    "mention",
    "question",
    "questions",
    "concern",
    "concerns",
    "criticism",
    "attack",
    "attacks",
    "congratulations",
    "support",
    "claim",
    "claims",
    "case",
    "message",
    "warning",
    "warnings",
    "apology",
    "call",
    "plea",
    "speech",
    "announcement",
    "allegation",
    "allegations",
    "charge",
    "charges",
    "accusation",
    "accusations",
    "promise",
    "promises",
    "pledge",
    "pledges",
    "argument",
    "point",
    "note",
    "letter",
    "response",
    "reference",
    "references",
    "suggestion",
    "objection",
    "objections",
    "doubt",
    "doubts",
    "praise",
];

/// Words that may stand between the verb and its noun ("made *no* mention", "drew *sharp*
/// criticism"), besides adverbs in "-ly".
const NOUN_MODIFIERS: &[&str] = &[
    "no",
    "a",
    "an",
    "the",
    "his",
    "her",
    "their",
    "its",
    "our",
    "my",
    "this",
    "that",
    "these",
    "those",
    "some",
    "similar",
    "conflicting",
    "direct",
    "strong",
    "sharp",
    "several",
    "many",
    "new",
    "same",
    "fresh",
    "further",
    "public",
];

/// Most modifiers taken between the verb and its noun.
const MAX_MODIFIERS: usize = 3;

/// Prepositions after the noun that the cue takes too ("mention *of*", "questions *about*").
const NOUN_PREPOSITIONS: &[&str] = &["of", "about", "to", "for", "on", "against", "at", "with"];

table_lookup!(
    /// Whether the word is in [`LIGHT_VERBS`].
    fn light_verb => LIGHT_VERBS
);
table_lookup!(
    /// Whether the word is in [`SPEECH_NOUNS`].
    fn speech_noun => SPEECH_NOUNS
);
table_lookup!(
    /// Whether the word is in [`NOUN_MODIFIERS`].
    fn noun_modifier => NOUN_MODIFIERS
);
table_lookup!(
    /// Whether the word is in [`NOUN_PREPOSITIONS`].
    fn noun_preposition => NOUN_PREPOSITIONS
);

/// Widens `f`'s cue over a light verb's speech noun (and the preposition after it) when the
/// content follows and keeps at least a word; nothing quoted or in the source is taken.
pub(super) fn take_speech_noun(tokens: &[Token], quoted: &[bool], f: &mut Found) {
    let end = f.cue.1;
    let last_cue_word = end.checked_sub(1).and_then(|k| tokens.get(k));
    if !last_cue_word.is_some_and(|t| light_verb(t.lower())) {
        return;
    }
    let modifiers = tokens
        .get(end..)
        .unwrap_or(&[])
        .iter()
        .take(MAX_MODIFIERS)
        .take_while(|t| noun_modifier(t.lower()) || is_adverb(t))
        .count();
    let noun = end + modifiers;
    if !tokens.get(noun).is_some_and(|t| speech_noun(t.lower())) {
        return;
    }
    let mut new_end = noun + 1;
    if tokens
        .get(new_end)
        .is_some_and(|t| noun_preposition(t.lower()))
    {
        new_end += 1;
    }
    extend_cue(tokens, quoted, f, new_end);
}
