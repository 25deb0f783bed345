//! Content the attribution interrupts: "“A,” she wrote, “B.”" and "A, Mr. Clarke said, until B."
//! are one claim, A and B; PolNeAR takes the content as running over the attribution to the
//! sentence's end (a discontinuous span counts as its outer extent).

use super::cues::{any_cue_at, verb_cue_at, ByFirst};
use super::punctuation::is_quote;
use super::spans::{trim_punct, words_in};
use super::subjects::RELATIVES;
use super::Found;
use crate::claims::tokens::Token;

/// Fewest words after the attribution (in the quote, for a quoted content) for the content to go
/// on there.
const MIN_WORDS_AFTER: usize = 2;
/// Most words between the attribution and a quote that goes on with the content ("“A,” he said,
/// but “B.”", "…, referring to the 1 percent excuse, “B.”").
const MAX_WORDS_BEFORE_QUOTE: usize = 8;

/// Widens `f`'s content over the rest of the sentence when the content opens the sentence and the
/// sentence goes on after the attribution: for a quoted content, with a quote opening within a few
/// words, a comma before it; for a paraphrase, when `paraphrase` allows it (English, whose phrases
/// about a source are known here), after a comma right behind the attribution. Never over a cue
/// of its own (a verb cue before the quote; any cue in a paraphrase's rest).
pub(super) fn widen_over_attribution(
    tokens: &[Token],
    by_first: &ByFirst,
    paraphrase: bool,
    f: &mut Found,
) {
    let attribution = (f.source.0.min(f.cue.0), f.source.1.max(f.cue.1));
    let opens_sentence = words_in(tokens, 0, f.content.0) == 0;
    let before = f.content.1 <= attribution.0 && f.content.1 > f.content.0;
    if !(opens_sentence && before) {
        return;
    }
    let after = attribution.1;
    let n = tokens.len();
    let quoted_content = tokens
        .get(f.content.0..attribution.0)
        .is_some_and(|c| c.iter().any(is_quote));
    // A cue of its own is another attribution ("…,” he said, adding that …"; "…, according to a
    // report"): a verb cue before a quote, any cue in a paraphrase's rest.
    let cue_in = |to: usize| (after..to).any(|k| verb_cue_at(tokens, k, by_first).is_some());
    let any_cue_in = |to: usize| (after..to).any(|k| any_cue_at(tokens, k, by_first).is_some());
    let comma_in = |to: usize| (after..to).any(|k| tokens.get(k).is_some_and(|t| t.is(',')));
    let goes_on = if quoted_content {
        // The quote going on, a comma before it ("…,” Skaik said of the patients, “…”).
        (after..n)
            .find(|&k| tokens.get(k).is_some_and(is_quote))
            .is_some_and(|q| {
                comma_in(q)
                    && words_in(tokens, after, q) <= MAX_WORDS_BEFORE_QUOTE
                    && words_in(tokens, q, n) >= MIN_WORDS_AFTER
                    && !cue_in(q)
            })
    } else {
        paraphrase
            && tokens.get(after).is_some_and(|t| t.is(','))
            && words_in(tokens, after, n) >= MIN_WORDS_AFTER
            && !any_cue_in(n)
            && !describes_the_source(tokens, after + 1)
    };
    if goes_on {
        f.content.1 = trim_punct(tokens, f.content.0, n).1;
    }
}

/// Words opening a phrase about the source rather than more of its claim ("…, said Lily
/// Batchelder, a former aide", "…, said Skaik, of the Turkish Friendship Hospital").
const SOURCE_PHRASE_OPENERS: &[&str] = &["a", "an", "the", "of"];
/// Prepositions that, as the second to fourth word, mark a role ("head of the National Center",
/// "portfolio manager at Tocqueville", "senior currency trader at Tempus").
const ROLE_PREPOSITIONS: &[&str] = &["of", "at"];

/// Whether the words from `at` describe the source (an appositive, a role, a relative clause, a
/// participle: "…, Twitter announced, gaining 22,000 followers") instead of going on with the
/// content.
pub(super) fn describes_the_source(tokens: &[Token], at: usize) -> bool {
    let mut words = tokens
        .get(at..)
        .unwrap_or_default()
        .iter()
        .filter(|t| t.is_word());
    let Some(first) = words.next() else {
        return false;
    };
    let word = first.lower();
    SOURCE_PHRASE_OPENERS.contains(&word)
        || RELATIVES.contains(&word)
        || word.ends_with("ing")
        || words
            .take(3)
            .any(|t| ROLE_PREPOSITIONS.contains(&t.lower()))
}
