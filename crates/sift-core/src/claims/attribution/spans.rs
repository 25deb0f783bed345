//! Token ranges of sources, cues and contents: trimming punctuation, connectives and
//! auxiliaries, widening a cue over its auxiliaries, counting words.

use super::punctuation::{is_boundary, is_quote, parenthetical_open};
use super::Found;
use crate::claims::dates;
use crate::claims::table_lookup;
use crate::claims::tokens::{Token, TokenKind};

/// Words that may stand between a source and its cue and belong to neither ("has previously said").
const AUXILIARIES: &[&str] = &[
    "could",
    "can",
    "should",
    "may",
    "might",
    "must",
    "further",
    "already",
    "has",
    "have",
    "had",
    "been",
    "be",
    "being",
    "even",
    "also",
    "previously",
    "repeatedly",
    "later",
    "then",
    "once",
    "would",
    "will",
    "did",
    "does",
    "do",
    "not",
    "never",
    "again",
    "first",
    "publicly",
    "just",
    "recently",
    "now",
    "often",
    "long",
    "still",
    "is",
    "isn't",
    "isn’t",
    "was",
    "wasn't",
    "wasn’t",
    "are",
    "were",
    "hat",
    "habe",
    "auch",
    "a",
    "aussi",
    "ha",
    "han",
    "también",
    "також",
    "тоже",
    "также",
    "уже",
    "вже",
    "ещё",
    "ще",
];

/// Words that open a sentence without being part of its source.
const LEADING_CONNECTIVES: &[&str] = &[
    "but",
    "and",
    "so",
    "yet",
    "still",
    "meanwhile",
    "however",
    "now",
    "instead",
    "then",
    "later",
    "aber",
    "dann",
    "danach",
    "später",
    "puis",
    "ensuite",
    "luego",
    "después",
    "потім",
    "тоді",
    "згодом",
    "потом",
    "затем",
    "тогда",
    "позже",
    "und",
    "mais",
    "et",
    "pero",
    "y",
    "але",
    "і",
    "та",
    "а",
    "но",
    "и",
];

/// Nouns and pronouns naming the people spoken to, not the speaker ("dijo el ministro a los
/// periodistas", "сказал Песков журналистам").
const ADDRESSEES: &[&str] = &[
    "reporters",
    "journalists",
    "journalisten",
    "reportern",
    "journalistes",
    "periodistas",
    "журналістам",
    "журналістами",
    "журналистам",
    "журналистами",
    "репортерам",
    // Pronouns of the people spoken to ("sagt uns die Quelle", "сказал нам").
    "uns",
    "mir",
    "ihm",
    "ihnen",
    "нам",
    "мне",
    "мені",
];

/// Prepositions and articles that lead an addressee ("to", "a los", "aux", "den", "перед").
const ADDRESSEE_LEADERS: &[&str] = &[
    "to",
    "the",
    "gegenüber",
    "vor",
    "den",
    "à",
    "aux",
    "les",
    "devant",
    "a",
    "al",
    "los",
    "ante",
    "перед",
];

/// A source range without an addressee phrase at either end: "el ministro [a los periodistas]",
/// "[журналистам] Песков". Unchanged when nothing else would be left.
pub(super) fn trim_addressee(tokens: &[Token], (a, b): (usize, usize)) -> (usize, usize) {
    let is_addressee = |k: usize| tokens.get(k).is_some_and(|t| addressee(t.lower()));
    let Some(k) = (a..b).find(|&k| is_addressee(k)) else {
        return (a, b);
    };
    let mut p = k;
    while p > a
        && tokens
            .get(p - 1)
            .is_some_and(|t| addressee_leader(t.lower()))
    {
        p -= 1;
    }
    let kept = if p == a { (k + 1, b) } else { (a, p) };
    let kept = trim_source(tokens, kept.0, kept.1);
    if words_in(tokens, kept.0, kept.1) > 0 {
        kept
    } else {
        (a, b)
    }
}

/// Trims punctuation and quote marks from both ends of a token range.
pub(super) fn trim_punct(tokens: &[Token], mut a: usize, mut b: usize) -> (usize, usize) {
    while a < b
        && tokens
            .get(a)
            .is_some_and(|t| !t.is_word() && t.kind != TokenKind::Number && !is_quote(t))
    {
        a += 1;
    }
    while b > a
        && tokens
            .get(b - 1)
            .is_some_and(|t| !t.is_word() && t.kind != TokenKind::Number && !is_quote(t))
    {
        b -= 1;
    }
    (a, b)
}

/// Trims a source range: leading connectives, trailing auxiliaries and adverbs, punctuation (but
/// not the bracket closing a short parenthetical inside: "Graham (R-S.C.)").
pub(super) fn trim_source(tokens: &[Token], a: usize, b: usize) -> (usize, usize) {
    let (mut a, mut b) = trim_punct(tokens, a, b);
    while a < b {
        let Some(t) = tokens.get(a) else { break };
        if leading_connective(t.lower()) || is_quote(t) || is_boundary(t) {
            a += 1;
        } else {
            break;
        }
    }
    while b > a {
        let Some(t) = tokens.get(b - 1) else { break };
        if auxiliary(t.lower()) || is_adverb(t) || is_quote(t) || is_boundary(t) {
            b -= 1;
        } else if let Some(start) = time_phrase_ending(tokens, a, b) {
            b = start;
        } else {
            break;
        }
    }
    // The closing bracket, right after or after a full stop ("(D-Mo.)" ends "Mo", ".", ")").
    let closing = (b..b + 2)
        .find(|&k| parenthetical_open(tokens, k).is_some_and(|open| open >= a && open < b));
    match closing {
        Some(close) if b > a => (a, close + 1),
        _ => (a, b),
    }
}

/// Words before a period word that make a time phrase of it ("on Saturday", "this month").
const TIME_PHRASE_LEADS: &[&str] = &["on", "this", "last", "next", "earlier", "later"];
/// Period words that close a time phrase after a lead ("this month").
const PERIOD_WORDS: &[&str] = &["week", "month", "year", "weekend", "morning", "evening"];

/// Where a time phrase closing `[a, b)` starts ("The Times | on Saturday", "Wells Fargo | this
/// month"): a day word with an optional lead, or a lead and a period word. Not the whole range.
fn time_phrase_ending(tokens: &[Token], a: usize, b: usize) -> Option<usize> {
    let last = tokens.get(b.checked_sub(1)?)?;
    let word = last.lower();
    let lead_before = |k: usize| {
        k.checked_sub(1).filter(|&p| p > a).filter(|&p| {
            tokens
                .get(p)
                .is_some_and(|t| TIME_PHRASE_LEADS.contains(&t.lower()))
        })
    };
    let start = if dates::is_day_word(word) {
        lead_before(b - 1).unwrap_or(b - 1)
    } else if PERIOD_WORDS.contains(&word) {
        lead_before(b - 1)?
    } else {
        return None;
    };
    (start > a).then_some(start)
}

/// Number of words (and numbers) in a range.
pub(super) fn words_in(tokens: &[Token], a: usize, b: usize) -> usize {
    tokens
        .get(a..b)
        .unwrap_or(&[])
        .iter()
        .filter(|t| t.is_word() || t.kind == TokenKind::Number)
        .count()
}

/// Shortest word taken for an adverb by its "-ly" ending ("only" and "ally" are not).
const MIN_LY_ADVERB_CHARS: usize = 5;

/// Nouns ending in "-ly" that a source holds and a cue never widens over ("the family said").
const LY_NOUNS: &[&str] = &[
    "family",
    "assembly",
    "rally",
    "supply",
    "monopoly",
    "anomaly",
    "bully",
    "reply",
    "homily",
    "jelly",
    "belly",
    "folly",
    "gully",
    "oligopoly",
    "butterfly",
    "dragonfly",
];

/// Whether a token is an adverb by its ending ("publicly", "repeatedly"), in lower case.
pub(super) fn is_adverb(t: &Token) -> bool {
    let word = t.lower();
    !t.capital
        && word.ends_with("ly")
        && word.chars().count() >= MIN_LY_ADVERB_CHARS
        && !ly_noun(word)
}

/// Widens a cue over the auxiliaries and adverbs between its source and itself ("has also
/// said"), as PolNeAR's cues take them.
pub(super) fn widen_cue(tokens: &[Token], f: &mut Found) {
    let (s_end, c) = (f.source.1, f.cue.0);
    if f.source.1 <= f.source.0 || s_end >= c {
        return;
    }
    let all_aux = tokens
        .get(s_end..c)
        .is_some_and(|between| between.iter().all(|t| auxiliary(t.lower()) || is_adverb(t)));
    if all_aux {
        f.cue.0 = s_end;
    }
}

table_lookup!(
    /// Whether the word is in [`AUXILIARIES`].
    fn auxiliary => AUXILIARIES
);
table_lookup!(
    /// Whether the word is in [`LY_NOUNS`].
    fn ly_noun => LY_NOUNS
);
table_lookup!(
    /// Whether the word is in [`LEADING_CONNECTIVES`].
    pub(super) fn leading_connective => LEADING_CONNECTIVES
);
table_lookup!(
    /// Whether the word is in [`ADDRESSEES`].
    fn addressee => ADDRESSEES
);
table_lookup!(
    /// Whether the word is in [`ADDRESSEE_LEADERS`].
    fn addressee_leader => ADDRESSEE_LEADERS
);

/// Widens `f`'s cue on to token `new_end` (words after it: a speech noun, a continuation) when its
/// content follows and keeps a word after them, or comes before the cue, and nothing taken is
/// quoted or in the source; a content after the cue then starts past the words taken.
pub(super) fn extend_cue(tokens: &[Token], quoted: &[bool], f: &mut Found, new_end: usize) {
    let end = f.cue.1;
    let (from, to) = f.content;
    let after = trim_punct(tokens, from.max(new_end), to);
    let content_after = from >= end && words_in(tokens, after.0, after.1) > 0;
    let content_before = to <= f.cue.0;
    let taken_wrongly = (end..new_end)
        .any(|k| quoted.get(k).copied().unwrap_or(false) || (f.source.0..f.source.1).contains(&k));
    if !(content_after || content_before) || taken_wrongly {
        return;
    }
    f.cue.1 = new_end;
    if content_after {
        f.content = after;
    }
}
