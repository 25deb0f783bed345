//! Verbs whose subject is not the source. A subject that holds no attitude: "The White House is
//! expected to sign the measure", "Sanders seemed rattled" (nobody named expects or judges; the
//! subject belongs to what is expected or seen). A passive speech verb's subject, the one
//! addressed: "Trump was asked about …", "He was told that …". PolNeAR draws these without a
//! source and with the subject inside the content (on train 49 of 52 `seemed` cues and 72 of 76
//! `expected` that Sift found have no source). And a passive with its agent: "criticized | by
//! some of his rivals", where the agent is the source.

use super::Found;
use crate::claims::table_lookup;
use crate::claims::tokens::Token;

/// Verbs of appearance, taken whatever comes before them ("seemed", "appears to").
const APPEARANCE_VERBS: &[&str] = &["seem", "seems", "seemed", "appear", "appears", "appeared"];

/// Participles whose passive names no holder ("is expected to", "was seen as", "is known to").
const PASSIVE_PARTICIPLES: &[&str] = &["expected", "seen", "known"];

/// Participles whose passive subject is the one addressed ("was asked about", "were pressed
/// on"): not the source, nor part of the content (what was asked).
const ADDRESSED_PARTICIPLES: &[&str] = &["asked", "questioned", "pressed", "told"];

/// Forms of "be" that make a participle passive.
const BE_FORMS: &[&str] = &[
    "is",
    "are",
    "was",
    "were",
    "be",
    "been",
    "being",
    "isn't",
    "isn’t",
    "wasn't",
    "wasn’t",
    "aren't",
    "aren’t",
    "weren't",
    "weren’t",
    "'s",
    "’s",
];

table_lookup!(
    /// Whether the word is in [`APPEARANCE_VERBS`].
    fn appearance_verb => APPEARANCE_VERBS
);
table_lookup!(
    /// Whether the word is in [`PASSIVE_PARTICIPLES`].
    fn passive_participle => PASSIVE_PARTICIPLES
);
table_lookup!(
    /// Whether the word is in [`ADDRESSED_PARTICIPLES`].
    fn addressed_participle => ADDRESSED_PARTICIPLES
);
table_lookup!(
    /// Whether the word is in [`BE_FORMS`].
    fn be_form => BE_FORMS
);

/// When the English cue of `f` is such a verb with its subject before it, moves the subject
/// into the content (which then runs from the subject over the cue; not the one addressed),
/// leaves the source empty and returns the subject's range (still the speaker of a coordinated
/// cue: "Sanders seemed rattled and | said …"). Adverbs between "be" and the participle are read
/// past ("is widely expected").
pub(super) fn holder_unstated(tokens: &[Token], f: &mut Found) -> Option<(usize, usize)> {
    let (c, ce) = f.cue;
    let verb = ce.checked_sub(1).and_then(|k| tokens.get(k))?;
    // A participle of the cue ("was asked | about") with a form of "be" before it.
    let passive_of = |table: fn(&str) -> bool| {
        (c..ce).any(|j| {
            tokens.get(j).is_some_and(|t| table(t.lower()))
                && tokens
                    .get(..j)
                    .unwrap_or_default()
                    .iter()
                    .rev()
                    .find(|t| !super::spans::is_adverb(t) && !matches!(t.lower(), "not" | "also"))
                    .is_some_and(|t| be_form(t.lower()))
        })
    };
    let addressed = passive_of(addressed_participle);
    let raising = appearance_verb(verb.lower()) || passive_of(passive_participle) || addressed;
    let subject_before = f.source.1 > f.source.0 && f.source.1 <= c;
    if !raising || !subject_before {
        return None;
    }
    let subject = f.source;
    if !addressed {
        f.content.0 = f.content.0.min(subject.0);
    }
    f.source = (c, c);
    Some(subject)
}

/// Words that end a passive's agent ("criticized by some of his rivals | for failing …", "seen by
/// organizers | as a lifeboat").
const AGENT_STOPS: &[&str] = &[
    "for", "as", "to", "that", "because", "after", "before", "on", "in", "at", "during", "with",
    "over", "since", "when", "while", "about",
];

/// Most words of a passive's agent.
const MAX_AGENT_WORDS: usize = 12;

/// A passive English cue followed by its agent ("Trump has been criticized | by some of his
/// rivals", "was first reported | by MSNBC"): the agent is the source, and the subject before the
/// cue, when there is one, the content (what was criticized or reported), as PolNeAR draws it.
/// Returns whether it applied.
pub(super) fn passive_agent(tokens: &[Token], f: &mut Found) -> bool {
    let (c, ce) = f.cue;
    let participle = ce
        .checked_sub(1)
        .and_then(|k| tokens.get(k))
        .is_some_and(|t| {
            let w = t.lower();
            w.ends_with("ed")
                || w.ends_with("en")
                || passive_participle(w)
                || addressed_participle(w)
        });
    let by = tokens.get(ce).is_some_and(|t| t.lower() == "by");
    if !participle || !by {
        return false;
    }
    let from = ce + 1;
    let end = (from..tokens.len())
        .take(MAX_AGENT_WORDS)
        .find(|&k| {
            tokens
                .get(k)
                .is_none_or(|t| !t.is_word() || AGENT_STOPS.contains(&t.lower()))
        })
        .unwrap_or_else(|| (from + MAX_AGENT_WORDS).min(tokens.len()));
    if end <= from {
        return false;
    }
    let subject = f.source;
    // Not a lone lower-case word ("as | reported by X"): that is no subject.
    let lone_word = subject.1 == subject.0 + 1 && tokens.get(subject.0).is_some_and(|t| !t.capital);
    let content = if subject.1 > subject.0 && subject.1 <= c && !lone_word {
        subject
    } else {
        super::spans::trim_punct(tokens, end, f.content.1.max(end))
    };
    if content.1 <= content.0 {
        return false;
    }
    f.content = content;
    f.source = (from, end);
    true
}
