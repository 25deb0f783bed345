//! An attribution of its own inside another's paraphrase. The shapes run a paraphrase to the
//! sentence's end; PolNeAR ends it where another speaker's clause begins ("About four in 10 voters
//! said A, | while nine in 10 said B", "…, and the mayor said B") and annotates that one too.

use super::cues::ByFirst;
use super::shapes::{relative_pronoun_en, subordinator, Grammar};
use super::spans::{leading_connective, trim_punct, widen_cue, words_in};
use super::{cue_hit, Found, MIN_CONTENT_WORDS};
use crate::claims::table_lookup;
use crate::claims::tokens::Token;

/// Words before a source inside a paraphrase that make its clause part of that paraphrase, a
/// complement or an adverbial clause ("said | that Trump told …", "asked | what Cruz calls …"):
/// no attribution of its own there.
const COMPLEMENT_OPENERS: &[&str] = &["that", "what", "if", "because", "whether", "how", "why"];

table_lookup!(
    /// Whether the word is in [`COMPLEMENT_OPENERS`].
    fn complement_opener => COMPLEMENT_OPENERS
);

/// The attribution whose cue (a lexicon entry) is at token `i`, inside `host`'s English paraphrase
/// (after its cue, outside quotes), with its length in tokens. Its source must open after the paraphrase has run at least
/// [`MIN_CONTENT_WORDS`] words; the paraphrase then ends before that source (and the connective or
/// subordinator before it), unless a relative pronoun opens the source's clause. Not a clause
/// opening the paraphrase ("said | Clinton claimed B": nested speech) nor a complement; and its
/// own content follows its cue (a closing "…, Hoover said." is `closing_after_speech`'s).
pub(super) fn inner_attribution(
    tokens: &[Token],
    quoted: &[bool],
    i: usize,
    host: &mut Found,
    by_first: &ByFirst,
    model: bool,
    grammar: Grammar,
) -> Option<(Found, usize)> {
    let (from, to) = host.content;
    // Cheap tests first: the shapes and the cue model are the cost of a cue.
    let lexicon_word = tokens
        .get(i)
        .is_some_and(|t| by_first.get(t.lower()).is_some());
    if !grammar.english
        || !lexicon_word
        || from < host.cue.1
        || i <= from + MIN_CONTENT_WORDS
        || i >= to
    {
        return None;
    }
    let (mut f, len) = cue_hit(tokens, i, by_first, model, grammar)?;
    let (a, b) = f.source;
    if b <= a
        || a <= from
        || b > f.cue.0
        || f.content.0 < f.cue.1
        || (a..b).any(|k| quoted.get(k).copied().unwrap_or(false))
    {
        return None;
    }
    let before = a.checked_sub(1).and_then(|k| tokens.get(k));
    if before.is_some_and(|t| complement_opener(t.lower())) {
        return None;
    }
    // An attribution after a relative pronoun is the relative clause's ("the report, which Carson
    // said was false, …"), found but nested, the paraphrase left whole.
    let relative = before.is_some_and(|t| relative_pronoun_en(t.lower()));
    let mut end = a;
    while end > from
        && tokens
            .get(end - 1)
            .is_some_and(|t| leading_connective(t.lower()) || subordinator(t.lower()))
    {
        end -= 1;
    }
    let kept = trim_punct(tokens, from, end);
    if words_in(tokens, kept.0, kept.1) < MIN_CONTENT_WORDS {
        return None;
    }
    widen_cue(tokens, &mut f);
    if !relative {
        host.content = kept;
    }
    Some((f, len))
}
