//! The subject a cue takes when it is not next to it: the sentence's opening subject, or a
//! subject with its appositives before "…, said".

use super::punctuation::{is_boundary, is_quote};
use super::spans::{leading_connective, trim_source, words_in};
use super::speakers::PRONOUNS;
use super::{Found, MAX_APPOSITIVE_SOURCE_WORDS, MAX_SOURCE_TOKENS};
use crate::claims::table_lookup;
use crate::claims::tokens::Token;

/// Relative pronouns opening a clause after a subject ("X, who …, said").
pub(super) const RELATIVES: &[&str] = &[
    "who",
    "which",
    "whose",
    "whom",
    "der",
    "die",
    "qui",
    "que",
    "який",
    "яка",
    "который",
    "которая",
];

/// Words opening an introductory phrase before a comma ("After the meeting, Trump said …").
const INTRODUCTORY_WORDS: &[&str] = &[
    "after",
    "when",
    "in",
    "on",
    "as",
    "while",
    "if",
    "although",
    "though",
    "despite",
    "before",
    "since",
    "during",
    "at",
    "speaking",
    "asked",
    "earlier",
    "later",
    "last",
    "for",
    "with",
    "nach",
    "als",
    "wenn",
    "während",
    "après",
    "quand",
    "lors",
    "después",
    "cuando",
    "durante",
    "en",
    "dentro",
    "tras",
    "ante",
    "desde",
    "con",
    "para",
    "dans",
    "avec",
    "pour",
    "depuis",
    "pendant",
    "avant",
    "im",
    "am",
    "beim",
    "bei",
    "mit",
    "vor",
    "seit",
    "після",
    "у",
    "в",
    "на",
    "коли",
    "під",
    "после",
    "когда",
    "во",
];

/// The subject opening a sentence (before `limit`): a pronoun, or a run of capitalised words and
/// titles, after connectives and an introductory phrase ("Hours later, Trump returned …").
pub(super) fn leading_subject(tokens: &[Token], limit: usize) -> (usize, usize) {
    let mut a = 0;
    let first_word =
        |from: usize| (from..limit).find(|&k| tokens.get(k).is_some_and(|t| t.is_word()));
    if let Some(k) = first_word(0) {
        a = k;
        let intro = tokens
            .get(k)
            .is_some_and(|t| introductory_word(t.lower()) || !t.capital);
        if intro {
            if let Some(q) = (k..limit).find(|&q| tokens.get(q).is_some_and(|t| t.is(','))) {
                a = q + 1;
            }
        }
    }
    while tokens
        .get(a)
        .is_some_and(|t| !t.is_word() || leading_connective(t.lower()))
        && a < limit
    {
        a += 1;
    }
    let Some(first) = tokens.get(a) else {
        return (0, 0);
    };
    if PRONOUNS.contains(&first.lower()) {
        return (a, a + 1);
    }
    let mut b = a;
    while b < limit
        && tokens.get(b).is_some_and(|t| {
            (t.is_word() && (t.capital || TITLE_WORDS.contains(&t.lower())))
                || t.is('.')
                || t.lower() == "'s"
                || t.lower() == "’s"
        })
    {
        b += 1;
    }
    trim_source(tokens, a, b)
}

/// Lower-case words that belong inside a capitalised source ("spokesperson" in "Kremlin
/// spokesperson Dmitry Peskov").
const TITLE_WORDS: &[&str] = &[
    "spokesperson",
    "spokesman",
    "spokeswoman",
    "president",
    "minister",
    "secretary",
    "senator",
    "governor",
    "official",
    "officials",
    "candidate",
    "nominee",
    "chairman",
    "director",
    "of",
    "state",
    "former",
    "presidential",
    "republican",
    "democratic",
];

/// The subject of "X, APPOSITIVE, said" (up to `last_comma`): the sentence's opening phrase with
/// its appositive, but without a closing relative clause ("X, who spoke to Reuters, said").
pub(super) fn subject_before_commas(tokens: &[Token], last_comma: usize) -> (usize, usize) {
    let commas: Vec<usize> = (0..last_comma)
        .filter(|&k| tokens.get(k).is_some_and(is_boundary))
        .collect();
    // An introductory phrase ("In a series of posts Sunday, Mr. Frum, a former …, said") is not
    // part of the subject.
    let introductory = (0..last_comma)
        .find(|&k| tokens.get(k).is_some_and(|t| t.is_word()))
        .and_then(|k| tokens.get(k))
        .is_some_and(|t| introductory_word(t.lower()));
    let start = match commas.first() {
        Some(&q) if introductory && commas.len() >= 2 => q + 1,
        _ => 0,
    };
    // A participle phrase closing the subject ("Trump, speaking to a veterans group,") tells the
    // moment, not the speaker: PolNeAR's sources leave it out.
    let last_comma = commas
        .iter()
        .copied()
        .filter(|&k| k >= start)
        .find(|&k| tokens.get(k + 1).is_some_and(opens_participle_phrase))
        .unwrap_or(last_comma);
    // PolNeAR's sources keep their appositives and relative clauses ("X, who spoke to
    // Reuters,"), within a bound.
    let whole = trim_source(tokens, start, last_comma);
    if words_in(tokens, whole.0, whole.1) <= MAX_APPOSITIVE_SOURCE_WORDS {
        return whole;
    }
    let mut end = last_comma;
    // Drop trailing relative clauses, innermost last.
    for &k in commas.iter().rev() {
        let opens_relative = tokens
            .get(k + 1)
            .is_some_and(|t| RELATIVES.contains(&t.lower()));
        if opens_relative {
            end = k;
        } else {
            break;
        }
    }
    let source = trim_source(tokens, start, end);
    if words_in(tokens, source.0, source.1) > MAX_SOURCE_TOKENS {
        let first = commas.iter().copied().find(|&q| q > start).unwrap_or(end);
        return trim_source(tokens, start, first);
    }
    source
}

/// Most words of a name set off by commas ([`names_a_subject`]).
const MAX_NAME_WORDS: usize = 4;

/// Whether the words before `end` hold a name set off by a comma: a segment of one to
/// [`MAX_NAME_WORDS`] capitalised words (after a connective such as "But") that is not an
/// introductory phrase. Such a stretch is a subject with its appositive ("Keron Blair, executive
/// director of AROS, | called for …"), not a clause reported by what follows.
pub(super) fn names_a_subject(tokens: &[Token], end: usize) -> bool {
    let mut from = 0;
    for k in (0..end).filter(|&k| tokens.get(k).is_some_and(is_boundary)) {
        // A quoted stretch ("“Well, we’ll see,” said Pence") is speech, not a name.
        if tokens.get(from).is_some_and(is_quote) {
            from = k + 1;
            continue;
        }
        let mut words = tokens
            .get(from..k)
            .unwrap_or(&[])
            .iter()
            .filter(|t| t.is_word())
            .skip_while(|t| leading_connective(t.lower()))
            .peekable();
        let opens_name = words.peek().is_some_and(|t| !introductory_word(t.lower()));
        let (count, capitalised) = words.fold((0, true), |(n, all), t| (n + 1, all && t.capital));
        if opens_name && capitalised && count <= MAX_NAME_WORDS {
            return true;
        }
        from = k + 1;
    }
    false
}

/// "-ing" words that are prepositions, not participles ("X, including Y,").
const ING_PREPOSITIONS: &[&str] = &[
    "including",
    "during",
    "according",
    "concerning",
    "regarding",
];

/// Whether a token opens a participle phrase: a lower-case "-ing" word that is not a preposition.
fn opens_participle_phrase(t: &Token) -> bool {
    let word = t.lower();
    t.is_word() && !t.capital && word.ends_with("ing") && !ING_PREPOSITIONS.contains(&word)
}

table_lookup!(
    /// Whether the word is in [`INTRODUCTORY_WORDS`].
    pub(super) fn introductory_word => INTRODUCTORY_WORDS
);

/// English subject and relative pronouns ([`closing_pronoun`]).
const CLOSING_PRONOUNS_EN: &[&str] = &["i", "he", "she", "we", "they", "that", "which", "who"];

/// Words joining a pronoun to a name before it ("Clinton and he"): the whole is the subject.
const PRONOUN_JOINERS: &[&str] = &["and", "or", "nor"];

/// Dashes set off by spaces (a hyphen inside a word is part of it): "in Palm Beach - | Lewandowski
/// continued".
const DASHES: &[&str] = &["-", "--", "―", "—", "–"];

/// The source `source`, or only its end where the words before belong to another clause: after
/// its last dash ("his 757 jet ― | Trump declined"), or its last word when that is an English
/// subject or relative pronoun after other words ("One of the things | he | wanted", "an
/// organization | that | endorsed": a clause the pronoun's verb sits in, its subject the pronoun),
/// not "Clinton and he".
pub(super) fn closing_pronoun(tokens: &[Token], source: (usize, usize)) -> (usize, usize) {
    let (a, b) = source;
    let spaced_dash = |k: usize| {
        let (Some(before), Some(t), Some(after)) = (
            k.checked_sub(1).and_then(|p| tokens.get(p)),
            tokens.get(k),
            tokens.get(k + 1),
        ) else {
            return false;
        };
        !t.is_word() && DASHES.contains(&t.lower()) && before.end < t.start && t.end < after.start
    };
    if let Some(dash) = (a..b).rev().find(|&k| spaced_dash(k)) {
        let after = trim_source(tokens, dash + 1, b);
        if words_in(tokens, after.0, after.1) > 0 {
            return after;
        }
    }
    let Some(last) = b.checked_sub(1).filter(|&l| l > a) else {
        return source;
    };
    let pronoun = tokens
        .get(last)
        .is_some_and(|t| CLOSING_PRONOUNS_EN.contains(&t.lower()));
    let joined = tokens
        .get(last - 1)
        .is_some_and(|t| PRONOUN_JOINERS.contains(&t.lower()));
    if pronoun && !joined {
        (last, b)
    } else {
        source
    }
}

/// Words that end a clause and join the next: a source ending in one is the end of another
/// verb's clause, not a subject ("a lower court ruling and | sided", "… while | adding").
const CLAUSE_JOINERS_EN: &[&str] = &["and", "but", "or", "while"];

/// When the source of `f` ends in a clause joiner (the cue is a second verb whose subject the
/// shapes did not find: "The 6th Circuit … overturned a lower court ruling and | sided with …"),
/// or is a lone subordinator opening a clause without its subject ("When | asked about …",
/// "Once | told …"), empties it and returns the empty range: no source
/// is named rather than a wrong one. On PolNeAR train 2 of 134 sources ending in a joiner were
/// right.
pub(super) fn lost_subject(tokens: &[Token], f: &mut Found) -> Option<(usize, usize)> {
    let (a, b) = f.source;
    let last = b.checked_sub(1).filter(|&l| l >= a)?;
    let lone_subordinator = b == a + 1
        && tokens
            .get(a)
            .is_some_and(|t| super::shapes::subordinator(t.lower()));
    (lone_subordinator
        || tokens
            .get(last)
            .is_some_and(|t| CLAUSE_JOINERS_EN.contains(&t.lower())))
    .then(|| {
        f.source = (f.cue.0, f.cue.0);
        f.source
    })
}
