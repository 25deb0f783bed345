//! Punctuation that shapes an attribution: clause boundaries, quote marks, and which tokens
//! stand inside quotes.

use crate::claims::tokens::Token;

/// Whether the token separates clauses.
pub(super) fn is_boundary(t: &Token) -> bool {
    t.is(',') || t.is(';') || t.is(':') || t.is('—') || t.is('–') || t.is('(') || t.is(')')
}

/// Most tokens inside a parenthetical read as part of a name ("Sen. Lindsey Graham (R-S.C.)",
/// "Jones (who was there)"); a longer one is an aside, and its brackets stay boundaries.
const MAX_PARENTHETICAL_TOKENS: usize = 12;

/// Where the parenthetical closed by the `)` at `close` opens, when it is short (at most
/// [`MAX_PARENTHETICAL_TOKENS`] inside) and unnested.
pub(super) fn parenthetical_open(tokens: &[Token], close: usize) -> Option<usize> {
    if !tokens.get(close)?.is(')') {
        return None;
    }
    (close.saturating_sub(MAX_PARENTHETICAL_TOKENS + 1)..close)
        .rev()
        .find(|&k| tokens.get(k).is_some_and(|t| t.is('(') || t.is(')')))
        .filter(|&k| tokens.get(k).is_some_and(|t| t.is('(')))
}

/// Where the parenthetical opened by the `(` at `open` closes (see [`parenthetical_open`]).
pub(super) fn parenthetical_close(tokens: &[Token], open: usize) -> Option<usize> {
    if !tokens.get(open)?.is('(') {
        return None;
    }
    (open + 1..=open + MAX_PARENTHETICAL_TOKENS + 1)
        .find(|&k| tokens.get(k).is_some_and(|t| t.is('(') || t.is(')')))
        .filter(|&k| tokens.get(k).is_some_and(|t| t.is(')')))
}

/// Whether the token at `k` closes a quote that ends in a question or exclamation ("…?” he asked",
/// "…?’” he asked"): a clause boundary as a comma would be.
pub(super) fn closes_exclaimed_quote(tokens: &[Token], k: usize) -> bool {
    tokens
        .get(k)
        .is_some_and(|t| matches!(t.lower(), "\"" | "”" | "»" | "“"))
        && tokens
            .get(..k)
            .and_then(|before| before.iter().rev().find(|t| !is_quote(t)))
            .is_some_and(|t| t.is('?') || t.is('!') || t.is('…'))
}

/// Whether the token is a quote mark.
pub(super) fn is_quote(t: &Token) -> bool {
    ["\"", "“", "”", "«", "»", "„", "‘", "’", "'"].contains(&t.lower())
}

/// For each token, whether it stands inside quotation marks (a cue word there is quoted speech,
/// not an attribution).
/// `open` is where the quote open when the sentence starts began (its mark's char offset);
/// fills `mask` (cleared first: one buffer for all sentences) and returns where the quote open
/// at its end began.
pub(super) fn inside_quotes(
    tokens: &[Token],
    open: Option<usize>,
    mask: &mut Vec<bool>,
) -> Option<usize> {
    let mut inside = open;
    mask.clear();
    let mut k = 0;
    while let Some(t) = tokens.get(k) {
        // Two adjacent apostrophes are a double quote (''…'', as some wires write).
        let doubled = t.lower() == "'"
            && tokens
                .get(k + 1)
                .is_some_and(|n| n.lower() == "'" && n.start == t.end);
        let toggles = doubled || matches!(t.lower(), "\"" | "“");
        if toggles {
            // "“" closes German „…“ and opens English “…”.
            inside = match inside {
                Some(_) => None,
                None => Some(t.start),
            };
        } else if matches!(t.lower(), "«" | "„") {
            inside = Some(t.start);
        } else if matches!(t.lower(), "”" | "»") {
            inside = None;
        } else {
            mask.push(inside.is_some());
            k += 1;
            continue;
        }
        mask.push(false);
        if doubled {
            mask.push(false);
            k += 1;
        }
        k += 1;
    }
    inside
}
