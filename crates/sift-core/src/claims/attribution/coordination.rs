//! A second attribution inside the content of a first: "X said A and told B", "X said A,
//! adding B", "X endorsed A, but Y rejected B".

use super::cues::{verb_cue_at, ByFirst};
use super::shapes::content_after;
use super::spans::{trim_punct, trim_source, words_in};
use super::speakers::PRONOUNS;
use super::{Found, MIN_CONTENT_WORDS};
use crate::claims::table_lookup;
use crate::claims::tokens::Token;

/// Words joining a second clause with its own subject ("…, but Jones rejected it").
const CLAUSE_JOINERS: &[&str] = &["but", "while", "whereas", "and", "though", "although"];
/// Longest subject, in tokens, of a clause split off a content.
const MAX_CLAUSE_SUBJECT: usize = 5;

/// Splits a second attribution off the content of `last`: "SOURCE criticized X and said Y" and
/// "SOURCE said X, adding Y" (a verb cue right after "and", a participle cue right after a comma:
/// the source is implicit, `last`'s) and "X endorsed A, but Jones rejected B" (a clause with its
/// own short subject and cue). Returns it, with `last`'s content cut before it.
pub(super) fn split_coordinated(
    tokens: &[Token],
    quoted: &[bool],
    by_first: &ByFirst,
    last: &mut Found,
) -> Option<Found> {
    let (cs, ce) = last.content;
    for j in cs..ce {
        if quoted.get(j).copied().unwrap_or(true) {
            continue;
        }
        let Some(t) = tokens.get(j) else { continue };
        let and = t.lower() == "and";
        let participle = t.is(',')
            && tokens
                .get(j + 1)
                .is_some_and(|n| n.lower().ends_with("ing") && !n.capital);
        // "…, but Jones rejected it": a clause with its own short subject and cue. Not the last
        // item of a list ("Washington, Paris and Berlin agreed"): a capitalised word between a
        // comma and the "and" makes it one.
        let ends_list = j >= 2
            && tokens.get(j - 1).is_some_and(|p| p.is_word() && p.capital)
            && tokens.get(j - 2).is_some_and(|p| p.is(','));
        let clause = t.is(',') || t.is(';') || (clause_joiner(t.lower()) && !ends_list);
        let found = if and || participle {
            verb_cue_at(tokens, j + 1, by_first).map(|len| ((j + 1, j + 1), j + 1, len))
        } else {
            None
        };
        let found = found.or_else(|| {
            if !clause {
                return None;
            }
            let from = if t.is(',') && tokens.get(j + 1).is_some_and(|n| clause_joiner(n.lower())) {
                j + 2
            } else {
                j + 1
            };
            (from + 1..(from + MAX_CLAUSE_SUBJECT).min(ce)).find_map(|k| {
                let subject = tokens.get(from..k)?;
                let named = subject.first().is_some_and(|f| {
                    f.capital || PRONOUNS.contains(&f.lower()) || f.lower() == "the"
                }) && subject.iter().all(|w| w.is_word() || w.is('.'));
                if !named {
                    return None;
                }
                verb_cue_at(tokens, k, by_first).map(|len| ((from, k), k, len))
            })
        });
        let Some((source, c, len)) = found else {
            continue;
        };
        let cue_end = c + len;
        let content = content_after(tokens, cue_end, ce);
        // A clause with its own subject leaves the first a content, and not a lone name:
        // "According to Reuters, Washington, Paris and Berlin agreed …" is a list going on, not
        // "Washington" reported ("no group claimed responsibility, the bloodshed raised fears …"
        // does split).
        let kept = trim_punct(tokens, cs, j);
        let kept_words = words_in(tokens, kept.0, kept.1);
        let lone_name = kept_words == 1 && tokens.get(kept.0).is_some_and(|k| k.capital);
        let own_subject = source.1 > source.0;
        if words_in(tokens, content.0, content.1) < MIN_CONTENT_WORDS
            || (own_subject && (kept_words == 0 || lone_name))
        {
            continue;
        }
        last.content = kept;
        let source = if source.1 > source.0 {
            trim_source(tokens, source.0, source.1)
        } else {
            source
        };
        return Some(Found {
            source,
            cue: (c, cue_end),
            content,
        });
    }
    None
}

table_lookup!(
    /// Whether the word is in [`CLAUSE_JOINERS`].
    pub(super) fn clause_joiner => CLAUSE_JOINERS
);
