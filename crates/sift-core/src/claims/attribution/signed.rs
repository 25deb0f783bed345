//! Quotes signed with a dash after them, `“CONTENT” ― SOURCE` (testimonials, reader voices, pull
//! quotes, epigraphs): an attribution marked by punctuation alone, which PolNeAR annotates with the
//! dash as its cue.

use super::punctuation::is_quote;
use super::spans::words_in;
use super::{Found, MIN_CONTENT_WORDS};
use crate::claims::tokens::{Token, TokenKind};

/// Dashes that sign a quote (the quotation dash `―` first).
const SIGNATURE_DASHES: &[&str] = &["―", "—", "–"];
/// Most words in the name after a signing dash.
const MAX_SIGNATURE_WORDS: usize = 4;

/// A signed quote, its content reaching back before the sentence when its opening mark is not in it.
pub(super) struct Signed {
    pub(super) found: Found,
    /// The quote opened before this sentence (or its opening mark is missing): the content starts
    /// where the quote does, else where the paragraph does.
    pub(super) opened_before: bool,
}

fn is_dash(t: &Token) -> bool {
    t.kind == TokenKind::Punct && SIGNATURE_DASHES.contains(&t.lower())
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
