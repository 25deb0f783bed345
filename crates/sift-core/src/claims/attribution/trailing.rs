//! A prepositional attribution after others in its sentence ("His campaign manager, Jeff Weaver,
//! says his streak is proof …, | according to the Associated Press."). The others' content runs
//! to the sentence's end; PolNeAR ends it at the comma before the closing cue and annotates that
//! cue, with the sentence before it as its content.

use super::spans::trim_punct;
use super::Found;
use crate::claims::tokens::Token;

/// Adds `closing` (a prepositional cue after the sentence's last comma, its content the sentence
/// before that comma) to `found`, unless one of them already has its cue; a content of theirs
/// running past the comma then ends before it.
pub(super) fn add_after_others(tokens: &[Token], found: &mut Vec<(Found, bool)>, closing: Found) {
    let (cue_start, cue_end) = closing.cue;
    if found
        .iter()
        .any(|(f, _)| f.cue.0 < cue_end && cue_start < f.cue.1)
    {
        return;
    }
    for (f, _) in found.iter_mut() {
        let (from, to) = f.content;
        if from < cue_start && cue_start < to {
            f.content = trim_punct(tokens, from, cue_start);
        }
    }
    found.push((closing, false));
}
