//! Verbs whose subject holds no attitude: "The White House is expected to sign the measure",
//! "Sanders seemed rattled". Nobody named expects or judges; the subject belongs to what is
//! expected or seen. PolNeAR draws these without a source and with the subject inside the
//! content (on train 49 of 52 `seemed` cues and 72 of 76 `expected` have no source).

use super::Found;
use crate::claims::table_lookup;
use crate::claims::tokens::Token;

/// Verbs of appearance, taken whatever comes before them ("seemed", "appears to").
const APPEARANCE_VERBS: &[&str] = &["seem", "seems", "seemed", "appear", "appears", "appeared"];

/// Participles whose passive names no holder ("is expected to", "was seen as", "is known to").
const PASSIVE_PARTICIPLES: &[&str] = &["expected", "seen", "known"];

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
    /// Whether the word is in [`BE_FORMS`].
    fn be_form => BE_FORMS
);

/// When the English cue of `f` is such a verb with its subject before it, moves the subject
/// into the content (which then runs from the subject over the cue), leaves the source empty
/// and returns the subject's range (still the speaker of a coordinated cue: "Sanders seemed
/// rattled and | said …"). Adverbs between "be" and the participle are read past ("is widely
/// expected").
pub(super) fn holder_unstated(tokens: &[Token], f: &mut Found) -> Option<(usize, usize)> {
    let (c, ce) = f.cue;
    let verb = ce.checked_sub(1).and_then(|k| tokens.get(k))?;
    let word = verb.lower();
    let raising = appearance_verb(word)
        || (passive_participle(word)
            && tokens
                .get(..ce - 1)
                .unwrap_or_default()
                .iter()
                .rev()
                .find(|t| !super::spans::is_adverb(t) && t.lower() != "not")
                .is_some_and(|t| be_form(t.lower())));
    let subject_before = f.source.1 > f.source.0 && f.source.1 <= c;
    if !raising || !subject_before {
        return None;
    }
    let subject = f.source;
    f.content.0 = f.content.0.min(subject.0);
    f.source = (c, c);
    Some(subject)
}
