//! Where a paraphrase after its cue ends. The shapes run such a content to the sentence's end;
//! PolNeAR's contents stop where the sentence goes on with a clause of its own ("polls showed
//! Clinton was the winner, | but instant polls are not …", "X estimates that A; | the Tax
//! Foundation puts it at B", "Although he has admitted using the tax code, | he does not defend
//! it").

use super::shapes::subordinator;
use super::spans::trim_punct;
use super::Found;
use crate::claims::tokens::Token;

/// Ends `f`'s content, when it follows its cue, outside quotes: before a `, but` or a `;`, and in
/// a sentence opened by a subordinate clause holding the cue, at the comma that closes that
/// clause.
pub(super) fn end_at_next_clause(tokens: &[Token], quoted: &[bool], f: &mut Found) {
    let (start, end) = f.content;
    if start < f.cue.1 || end <= start {
        return;
    }
    let unquoted = |k: usize| !quoted.get(k).copied().unwrap_or(false);
    let is_at = |k: usize, c: char| tokens.get(k).is_some_and(|t| t.is(c));
    let in_subordinate = opens_with_subordinate(tokens) && !(0..f.cue.0).any(|k| is_at(k, ','));
    let cut = (start..end).find(|&k| {
        unquoted(k)
            && (is_at(k, ';')
                || (is_at(k, ',')
                    && (in_subordinate || tokens.get(k + 1).is_some_and(|n| n.lower() == "but"))))
    });
    if let Some(k) = cut {
        let kept = trim_punct(tokens, start, k);
        if kept.1 > kept.0 {
            f.content = kept;
        }
    }
}

/// Whether the sentence opens with a subordinating word ("Although …", "When …", "Even as …").
fn opens_with_subordinate(tokens: &[Token]) -> bool {
    let mut words = tokens.iter().filter(|t| t.is_word()).map(|t| t.lower());
    match words.next() {
        Some("even") => words.next().is_some_and(subordinator),
        Some(first) => subordinator(first),
        None => false,
    }
}
