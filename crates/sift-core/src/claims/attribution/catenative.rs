//! A verb that leads into another in its cue: PolNeAR's cues run on over the verb it leads to
//! ("continued to say", "tried to explain", "are quick to point out", "went on to say", "went so
//! far as to call"), over what completes a phrase ("made it clear", "went further") and over
//! the verb after a negated auxiliary or an adverb of frequency ("didn't disclose", "often
//! questions"), whether the cue was found at the leading verb or at the verb it leads to.

use super::spans::{extend_cue, trim_punct, words_in};
use super::Found;
use crate::claims::tokens::{Token, TokenKind};

/// Stands in a continuation for any lower-case word (the verb led into).
const VERB: &str = "";

/// Forms of "continue", "try", "attempt", and "quick" ("are quick to"): they lead into a verb.
const LEADING: &[&str] = &[
    "continue",
    "continues",
    "continued",
    "continuing",
    "try",
    "tries",
    "tried",
    "trying",
    "attempt",
    "attempts",
    "attempted",
    "attempting",
    "quick",
];
/// Negated auxiliaries (apostrophes written straight): alone they are no cue, the verb after them
/// is ("don't | think", "didn't | disclose").
const NEGATED: &[&str] = &[
    "don't",
    "doesn't",
    "didn't",
    "won't",
    "wouldn't",
    "can't",
    "cannot",
    "couldn't",
    "shouldn't",
    "isn't",
    "aren't",
    "wasn't",
    "weren't",
    "hasn't",
    "haven't",
    "hadn't",
];
/// Adverbs of frequency and duration: a cue found at one alone ("Sanders | often | questions …")
/// runs on over the verb after it, as the negated auxiliaries do.
const FREQUENCY: &[&str] = &[
    "often",
    "still",
    "never",
    "always",
    "sometimes",
    "rarely",
    "frequently",
    "usually",
];
/// Forms of "go".
const GO: &[&str] = &["go", "goes", "went", "going", "gone"];
/// Forms of "make".
const MAKE: &[&str] = &["make", "makes", "made", "making"];

/// The cue's last word (one of a list) and the words it takes after it, [`VERB`] any lower-case
/// word; the first continuation that matches is taken.
const CONTINUATIONS: &[(&[&str], &[&str])] = &[
    (LEADING, &["to", VERB]),
    (GO, &["on", "to", VERB]),
    (GO, &["so", "far", "as", "to", VERB]),
    (GO, &["out", "of", "his", "way", "to", VERB]),
    (GO, &["out", "of", "her", "way", "to", VERB]),
    (GO, &["out", "of", "their", "way", "to", VERB]),
    (GO, &["further"]),
    (MAKE, &["it", "clear"]),
    (MAKE, &["clear"]),
    (NEGATED, &[VERB]),
    (FREQUENCY, &[VERB]),
];

/// `t`'s lower-case word with its apostrophes straight, as the tables write them.
fn straight(t: &Token) -> String {
    t.lower().replace('’', "'")
}

/// Whether `t` is the continuation word `word` ([`VERB`]: any lower-case word but an
/// auxiliary: "How often | should I …" leads into no verb here).
fn fits(t: &Token, word: &str) -> bool {
    if word == VERB {
        t.kind == TokenKind::Word && !t.capital && !super::shapes::finite_auxiliary(t.lower())
    } else {
        t.lower() == word
    }
}

/// Widens `f`'s cue back over a verb leading into its first word, when the cue found was the verb
/// led into ("She | went on to say", found as "She went on to | say"): the source then ends
/// before the leading verb, and must keep a word.
pub(super) fn take_leading_verb(tokens: &[Token], quoted: &[bool], f: &mut Found) {
    let start = f.cue.0;
    let Some(lead) = CONTINUATIONS
        .iter()
        .filter(|(_, words)| words.last() == Some(&VERB) && words.len() < start)
        .find_map(|(heads, words)| {
            let lead = start - words.len();
            let before = tokens.get(lead + 1..start)?;
            let head = tokens.get(lead)?;
            (heads.contains(&straight(head).as_str())
                && words.iter().zip(before).all(|(w, t)| fits(t, w)))
            .then_some(lead)
        })
    else {
        return;
    };
    let (from, to) = f.source;
    let source = trim_punct(tokens, from, lead);
    if to != start
        || words_in(tokens, source.0, source.1) == 0
        || (lead..start).any(|k| quoted.get(k).copied().unwrap_or(false))
    {
        return;
    }
    f.source = source;
    f.cue.0 = lead;
}

/// Widens `f`'s cue over the continuation of its last word, when the content follows and keeps a
/// word (or comes before the cue) and nothing taken is quoted or in the source.
pub(super) fn take_continuation(tokens: &[Token], quoted: &[bool], f: &mut Found) {
    let end = f.cue.1;
    let Some(last) = end.checked_sub(1).and_then(|k| tokens.get(k)) else {
        return;
    };
    let Some(rest) = tokens.get(end..) else {
        return;
    };
    let head = straight(last);
    let Some(words) = CONTINUATIONS
        .iter()
        .filter(|(heads, _)| heads.contains(&head.as_str()))
        .map(|(_, words)| *words)
        .find(|words| words.len() <= rest.len() && words.iter().zip(rest).all(|(w, t)| fits(t, w)))
    else {
        return;
    };
    extend_cue(tokens, quoted, f, end + words.len());
}
