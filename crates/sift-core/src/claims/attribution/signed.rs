//! Attributions marked by punctuation alone, which PolNeAR annotates with the punctuation as cue:
//! - quotes signed with a dash after them, `“CONTENT” ― SOURCE` (testimonials, reader voices,
//!   pull quotes, epigraphs);
//! - an interview's turns, paragraphs opening with the speaker's name and a colon, `NAME: CONTENT`
//!   ("PRECHT: Nein, das ist …"), read only where two or more speakers take turns.

use super::punctuation::is_quote;
use super::spans::{trim_punct, words_in};
use super::{Found, SentenceTokens, MIN_CONTENT_WORDS};
use crate::claims::tokens::{Token, TokenKind};
use crate::claims::{table_lookup, FastMap, FastSet};

/// Dashes that sign a quote (the quotation dash `―` first). The sentence splitter keeps a dash
/// and a name after a closing quote with the quote's sentence by the same two bounds.
pub(in crate::claims) const SIGNATURE_DASHES: &[char] = &['―', '—', '–'];
/// Most words in the name after a signing dash.
pub(in crate::claims) const MAX_SIGNATURE_WORDS: usize = 4;

/// A signed quote, its content reaching back before the sentence when its opening mark is not in it.
pub(super) struct Signed {
    pub(super) found: Found,
    /// The quote opened before this sentence (or its opening mark is missing): the content starts
    /// where the quote does, else where the paragraph does.
    pub(super) opened_before: bool,
}

fn is_dash(t: &Token) -> bool {
    // A punctuation token is one char.
    t.kind == TokenKind::Punct
        && t.lower()
            .chars()
            .next()
            .is_some_and(|c| SIGNATURE_DASHES.contains(&c))
}

/// `“CONTENT” ― SOURCE`: a closing quote, a dash, then a name of capitalised words ending the
/// sentence (or followed by a comma, a bracket or a full stop). `quoted` masks quoted tokens.
pub(super) fn quote_signature(tokens: &[Token], quoted: &[bool]) -> Option<Signed> {
    let dash = tokens.iter().position(is_dash)?;
    let close = dash.checked_sub(1)?;
    if !is_quote(tokens.get(close)?) {
        return None;
    }
    let name_end = dash
        + 1
        + tokens
            .get(dash + 1..)?
            .iter()
            .take_while(|t| t.is_word() && t.capital)
            .count();
    let words = name_end - dash - 1;
    if words == 0 || words > MAX_SIGNATURE_WORDS {
        return None;
    }
    if let Some(next) = tokens.get(name_end) {
        if !(next.is('.') || next.is(',') || next.is('(')) {
            return None;
        }
    }
    // The quote's opening mark: just before the run of quoted tokens that ends at the closing one.
    let run_start = (0..close)
        .rev()
        .take_while(|&k| quoted.get(k).copied().unwrap_or(false))
        .last()
        .unwrap_or(close);
    let opening = run_start
        .checked_sub(1)
        .filter(|&k| run_start < close && tokens.get(k).is_some_and(is_quote));
    let content = (opening.unwrap_or(0), close + 1);
    (words_in(tokens, content.0, content.1) >= MIN_CONTENT_WORDS).then_some(Signed {
        found: Found {
            source: (dash + 1, name_end),
            cue: (dash, dash + 1),
            content,
        },
        opened_before: opening.is_none(),
    })
}

/// Most words in a speaker's label opening an interview turn ("Karin Fischer:", "PENCE:").
const MAX_TURN_SPEAKER_WORDS: usize = 3;
/// Fewest turns each speaker takes, and fewest such speakers, for labelled paragraphs to be read
/// as an interview: a colon after a paragraph's first words also ends labels, field names and
/// list terms ("Update:", "Host:", "Need:"), which seldom come as two or more names each heading
/// two or more paragraphs of prose.
const MIN_TURNS: usize = 2;
const MIN_SPEAKERS: usize = 2;

/// First words of labels that end in a colon and name no speaker, lower-case, in the six
/// languages: section and media labels, notes, interview cues.
const LABELS: &[&str] = &[
    "a",
    "abstract",
    "also",
    "answer",
    "background",
    "correction",
    "editor's",
    "example",
    "foto",
    "frage",
    "note",
    "photo",
    "posted",
    "proof",
    "published",
    "q",
    "question",
    "related",
    "source",
    "summary",
    "update",
    "updated",
    "video",
    "warning",
    "written",
    "antwort",
    "quelle",
    "hinweis",
    "réponse",
    "respuesta",
    "pregunta",
    "фото",
    "відео",
    "видео",
    "джерело",
    "источник",
    "питання",
    "вопрос",
    "відповідь",
    "ответ",
];

table_lookup!(
    /// Whether `word` opens a [`LABELS`] label.
    fn label => LABELS
);

/// `NAME: …` opening a sentence (after the quote mark of a quoted transcript): the name's token
/// range and the colon's index. The name is 1 to [`MAX_TURN_SPEAKER_WORDS`] capitalised words,
/// not a [`LABELS`] label; what follows opens with a capital, a number or a quote.
pub(super) fn turn_label(tokens: &[Token]) -> Option<(usize, usize)> {
    let from = usize::from(tokens.first().is_some_and(is_quote));
    let colon = from
        + tokens
            .get(from..)?
            .iter()
            .take(MAX_TURN_SPEAKER_WORDS + 1)
            .position(|t| t.is(':'))?;
    let name = tokens.get(from..colon)?;
    let first = name.first()?;
    if !name.iter().all(|t| t.is_word() && t.capital)
        || first.lower().chars().count() < 2
        || label(first.lower())
    {
        return None;
    }
    let opens = tokens.get(colon + 1)?;
    (opens.capital || opens.kind == TokenKind::Number || is_quote(opens)).then_some((from, colon))
}

/// A label's name as [`interview_speakers`] lists it: its last word, lower-case, so that a first
/// turn under the full name ("Karin Fischer:") is the same speaker's as the later ones ("Fischer:").
pub(super) fn name_key(tokens: &[Token], from: usize, colon: usize) -> String {
    tokens
        .get(from..colon)
        .and_then(<[Token]>::last)
        .map_or_else(String::new, |t| t.lower().to_string())
}

/// The turn a paragraph's first sentence opens, when its label names one of `speakers`
/// ([`interview_speakers`]): the name as source, the colon as cue, the rest as content.
pub(super) fn interview_turn(tokens: &[Token], speakers: &FastSet<String>) -> Option<Found> {
    if speakers.is_empty() {
        return None;
    }
    let (from, colon) = turn_label(tokens)?;
    let name = name_key(tokens, from, colon);
    if !speakers.contains(&name) {
        return None;
    }
    labelled(tokens, from, colon, MIN_CONTENT_WORDS)
}

/// The attribution of `NAME: …` with the name at `[from, colon)`: the name as source, the colon
/// as cue, the rest as content when it holds at least `min_words` words.
fn labelled(tokens: &[Token], from: usize, colon: usize, min_words: usize) -> Option<Found> {
    let content = trim_punct(tokens, colon + 1, tokens.len());
    (words_in(tokens, content.0, content.1) >= min_words).then_some(Found {
        source: (from, colon),
        cue: (colon, colon + 1),
        content,
    })
}

/// A headline's claim, `NAME: CLAIM` (`Poll: Wealthy Voters Abandon …`, `Sanders: Clinton needs
/// to …`; the caller checks it stands alone in its paragraph): the name as source, the colon as
/// cue, the rest as content, as for an interview's turn.
pub(super) fn headline_claim(tokens: &[Token]) -> Option<Found> {
    let (from, colon) = turn_label(tokens)?;
    // "Superbugs: What They Are and How You Get Them" is a topic and its subtitle.
    if tokens
        .get(colon + 1)
        .is_some_and(|t| SUBTITLE_OPENERS.contains(&t.lower()))
    {
        return None;
    }
    labelled(tokens, from, colon, MIN_HEADLINE_CLAIM_WORDS)
}

/// Words opening a subtitle rather than a claim after a headline's colon.
const SUBTITLE_OPENERS: &[&str] = &["what", "how", "why", "when", "where", "who", "which"];

/// Fewest words of a headline's claim ([`headline_claim`]): fewer is a label ("Update: Live").
const MIN_HEADLINE_CLAIM_WORDS: usize = 3;

/// Whether a sentence ends as prose does: `.`, `?`, `!` or `…`, perhaps inside a closing quote.
fn ends_as_prose(tokens: &[Token]) -> bool {
    tokens
        .iter()
        .rev()
        .find(|t| !is_quote(t))
        .is_some_and(|t| t.is('.') || t.is('?') || t.is('!') || t.is('…'))
}

/// The speakers of an interview in `sentences` (their labels' [`name_key`]s):
/// labels opening paragraphs of prose ([`turn_label`], the paragraph's last sentence ending as
/// prose), kept when at least [`MIN_SPEAKERS`] labels take [`MIN_TURNS`] turns each; else none.
pub(super) fn interview_speakers(sentences: &[SentenceTokens<'_>]) -> FastSet<String> {
    let mut turns: FastMap<String, usize> = FastMap::default();
    let mut open: Option<String> = None;
    for (k, sentence) in sentences.iter().enumerate() {
        let first = k == 0 || sentences.get(k - 1).map(|s| s.paragraph) != Some(sentence.paragraph);
        if first {
            open = turn_label(sentence.tokens)
                .map(|(from, colon)| name_key(sentence.tokens, from, colon));
        }
        let last = sentences.get(k + 1).map(|s| s.paragraph) != Some(sentence.paragraph);
        if last {
            if let Some(name) = open.take().filter(|_| ends_as_prose(sentence.tokens)) {
                *turns.entry(name).or_default() += 1;
            }
        }
    }
    let speakers: FastSet<String> = turns
        .into_iter()
        .filter(|(_, count)| *count >= MIN_TURNS)
        .map(|(name, _)| name)
        .collect();
    if speakers.len() < MIN_SPEAKERS {
        return FastSet::default();
    }
    speakers
}
