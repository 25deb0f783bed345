//! When a comment can go without changing the text around it. The parser reads the text on both
//! sides of a comment as two runs; without the comment they are one, and one run can parse to other
//! text than two: a character reference split by the comment, a `\r` before it and a `\n` after it
//! (one line break when joined), a `<pre>`'s leading newline (dropped only right after the tag), and
//! in a table, where a run with any non-whitespace moves out of the table whole while whitespace
//! stays. So a comment goes only where the runs cannot mix: one side has no text, or both are
//! whitespace that is not a split line break.

use super::is_space;

/// The text since the last tag, across the comments left out since.
#[derive(Default)]
pub(super) struct TextRun {
    /// Some text (or a `<` read as text) is in it.
    has_text: bool,
    /// Some of it is not whitespace.
    has_non_space: bool,
    ends_with_cr: bool,
    /// The tag before it opens a `pre` or `listing`, whose first newline the parser drops.
    after_pre_start: bool,
}

impl TextRun {
    /// A new run after a tag; `opens_pre` for a `pre` or `listing` start tag.
    pub(super) fn after_tag(opens_pre: bool) -> Self {
        TextRun {
            after_pre_start: opens_pre,
            ..TextRun::default()
        }
    }

    /// Adds the text between two pieces of markup.
    pub(super) fn add(&mut self, text: &[u8]) {
        if let Some(&last) = text.last() {
            self.has_text = true;
            self.has_non_space |= !text.iter().all(|&b| is_space(b));
            self.ends_with_cr = last == b'\r';
        }
    }

    /// Adds a `<` the tokenizer reads as text.
    pub(super) fn add_lt(&mut self) {
        self.add(b"<");
    }

    /// Can a comment between this run and `after` (the input after the comment) go? `after`'s
    /// text runs to its first `<`; it counts as ended there only if a tag or comment starts there
    /// (anything else may leave the run going).
    pub(super) fn may_leave_out_comment_before(&self, after: &[u8]) -> bool {
        let text_len = after.iter().position(|&b| b == b'<').unwrap_or(after.len());
        let (text, markup) = after.split_at(text_len);
        let first = text.first().copied();
        if !self.has_text && self.after_pre_start && matches!(first, Some(b'\n' | b'\r')) {
            return false;
        }
        let ends_run = starts_tag_or_comment(markup);
        let blank = text.iter().all(|&b| is_space(b));
        !self.has_text
            || (text.is_empty() && ends_run)
            || (ends_run
                && blank
                && !self.has_non_space
                && !(self.ends_with_cr && first == Some(b'\n')))
    }
}

/// Does `markup` (from a `<`) start a tag or a comment, ending the text before it?
fn starts_tag_or_comment(markup: &[u8]) -> bool {
    match markup {
        [b'<', b'/', b, ..] | [b'<', b, ..] if b.is_ascii_alphabetic() => true,
        [b'<', b'!', b'-', b'-', ..] => true,
        _ => false,
    }
}
