//! Subjects a language leaves out (Spanish: `“…”, dijo.`, `Al respecto, señaló que …`): the
//! speaker is the one spoken of before, and the source is empty, resolved later as a pronoun is
//! ([`super::speakers`]). Without this the words before the cue were read as the subject: the
//! quote, or an introductory phrase.

use super::punctuation::is_quote;
use super::spans::{trim_punct, words_in};
use super::{Found, MIN_CONTENT_WORDS};
use crate::claims::table_lookup;
use crate::claims::tokens::Token;

/// Prepositions: a phrase opened by one is no subject ("Al respecto", "Sin embargo", "a la red
/// Erbol", "por lo que").
const PREPOSITIONS: &[&str] = &[
    "a", "al", "ante", "bajo", "con", "contra", "de", "del", "desde", "durante", "en", "entre",
    "hacia", "hasta", "mediante", "para", "por", "según", "sin", "sobre", "tras",
];

/// Conjunctions, relative words and adverbs that may stand before a subject ("que la Corte
/// anunció", "Ahora Bustos asegura"), passed over; alone, they leave the subject out ("aunque
/// agregó", "quien señaló").
const BEFORE_SUBJECT: &[&str] = &[
    "que",
    "quien",
    "quienes",
    "aunque",
    "pero",
    "pues",
    "porque",
    "como",
    "cuando",
    "donde",
    "mientras",
    "si",
    "bien",
    "y",
    "e",
    "o",
    "ni",
    "también",
    "además",
    "luego",
    "después",
    "entonces",
    "así",
    "ahora",
    "ya",
    "incluso",
    "finalmente",
    "asimismo",
    "igualmente",
    "posteriormente",
    "anteriormente",
    "hoy",
    "ayer",
];

/// The word opening a content clause after a verb ("señaló que …").
const COMPLEMENTIZER: &str = "que";

/// The impersonal "se" before a verb ("se anunció"): nobody is named, nobody is meant.
const IMPERSONAL: &str = "se";

table_lookup!(
    /// Whether the word is in [`PREPOSITIONS`].
    fn preposition => PREPOSITIONS
);
table_lookup!(
    /// Whether the word is in [`BEFORE_SUBJECT`].
    fn before_subject => BEFORE_SUBJECT
);

/// `found` with its source checked for a language that leaves subjects out. Past the words that
/// may stand before a subject, a source (before or after the cue) that is empty or opens with a
/// preposition or a gerund is no subject: the source is left empty; else those words are dropped
/// from it; a relative word right after a name and a comma stands for that name. A plural verb
/// ("dijeron") otherwise keeps what was found: its left-out subject is rarely the last speaker.
/// None after an impersonal "se".
pub(super) fn subject_or_dropped(tokens: &[Token], found: Found) -> Option<Found> {
    let (from, to) = found.source;
    let before_cue = found.cue.0.checked_sub(1).and_then(|k| tokens.get(k));
    if (to > found.cue.0 && from < found.cue.1) || to <= from {
        return Some(found);
    }
    if before_cue.is_some_and(|t| t.lower() == IMPERSONAL) && from < found.cue.0 {
        return None;
    }
    // "Al respecto, señaló que …": what follows the cue is its content, not its subject.
    if from >= found.cue.1
        && tokens
            .get(from)
            .is_some_and(|t| t.lower() == COMPLEMENTIZER)
    {
        let content = trim_punct(tokens, from, tokens.len());
        return Some(Found {
            source: (found.cue.0, found.cue.0),
            content,
            ..found
        });
    }
    let plural = found
        .cue
        .1
        .checked_sub(1)
        .and_then(|k| tokens.get(k))
        .is_some_and(|t| t.lower().ends_with('n'));
    let start = (from..to)
        .find(|&k| tokens.get(k).is_none_or(|t| !before_subject(t.lower())))
        .unwrap_or(to);
    let dropped = tokens.get(start).filter(|_| start < to).is_none_or(|t| {
        let w = t.lower();
        preposition(w) || w.ends_with("ndo") || w.ends_with("ndose")
    });
    let left_out = (found.cue.0, found.cue.0);
    let source = match (dropped, antecedent(tokens, from)) {
        (false, _) => (start, to),
        (true, Some(name)) => name,
        (true, None) if plural => return Some(found),
        (true, None) => left_out,
    };
    Some(Found { source, ..found })
}

/// Words that may join the capitalised words of a name ("Ministerio de Salud").
const NAME_JOINERS: &[&str] = &["de", "del", "la", "las", "los", "y"];

/// The name a relative word at `relative` stands for, right before its comma ("… a Yurramendi,
/// quien señaló": "Yurramendi"): capitalised words, joined by [`NAME_JOINERS`].
fn antecedent(tokens: &[Token], relative: usize) -> Option<(usize, usize)> {
    let is_relative = tokens
        .get(relative)
        .is_some_and(|t| matches!(t.lower(), "quien" | "quienes" | "que"));
    let comma = relative.checked_sub(1)?;
    if !is_relative || !tokens.get(comma)?.is(',') {
        return None;
    }
    let mut start = comma;
    while let Some(t) = start.checked_sub(1).and_then(|k| tokens.get(k)) {
        if t.capital && t.is_word() || NAME_JOINERS.contains(&t.lower()) && start < comma {
            start -= 1;
        } else {
            break;
        }
    }
    // Joiners do not open the name.
    while start < comma && tokens.get(start).is_some_and(|t| !t.capital) {
        start += 1;
    }
    (start < comma).then_some((start, comma))
}

/// Endings of a verb with its subject pronoun joined (French `a-t-il`, `dit-elle`): the cue holds
/// its subject, which stands for the last speaker as a left-out one does.
const JOINED_PRONOUNS: &[&str] = &["-il", "-elle", "-ils", "-elles"];

/// Whether a word of the cue at `[c, ce)` ends in one of [`JOINED_PRONOUNS`].
pub(super) fn pronoun_in_cue(tokens: &[Token], c: usize, ce: usize) -> bool {
    tokens.get(c..ce).is_some_and(|cue| {
        cue.iter()
            .any(|t| JOINED_PRONOUNS.iter().any(|p| t.lower().ends_with(p)))
    })
}

/// Words after a verb whose subject was left out that go on with the sentence, not name the
/// subject ("“…”, dijo | y agregó que …").
const AFTER_DROPPED_SUBJECT: &[&str] = &["y", "e"];

table_lookup!(
    /// Whether the word is in [`AFTER_DROPPED_SUBJECT`].
    fn after_dropped_subject => AFTER_DROPPED_SUBJECT
);

/// A quote from the sentence's start (opened there or in an earlier sentence), a comma, and the
/// cue with no subject after it (`“…”, dijo.`, `… nada”, contó y sumó que …`): in a language that
/// leaves subjects out, the speaker is the one spoken of before, and the source is empty (resolved
/// later, as a pronoun is). Without this the quote itself was read as the subject.
pub(super) fn quote_then_cue(
    tokens: &[Token],
    c: usize,
    ce: usize,
    q: usize,
    subject_in_cue: bool,
) -> Option<Found> {
    let closing =
        (q.saturating_sub(1)..=q + 1).find(|&k| k > 0 && tokens.get(k).is_some_and(is_quote))?;
    let marks_before = tokens
        .get(..closing)?
        .iter()
        .filter(|t| is_quote(t))
        .count();
    // Opened at the start, or before the sentence (no mark of its own before the closing one).
    let quote_from_start =
        marks_before == 0 || (marks_before == 1 && tokens.first().is_some_and(is_quote));
    let next_word = tokens.get(ce..)?.iter().find(|t| t.is_word());
    let nothing_named =
        subject_in_cue || next_word.is_none_or(|t| after_dropped_subject(t.lower()));
    let content = trim_punct(tokens, 0, q);
    (quote_from_start
        && words_in(tokens, q + 1, c) == 0
        && nothing_named
        && words_in(tokens, content.0, content.1) >= MIN_CONTENT_WORDS)
        .then_some(Found {
            source: (c, c),
            cue: (c, ce),
            content,
        })
}
