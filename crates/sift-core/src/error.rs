//! The core's error type: every way `analyze` can refuse an input.

use thiserror::Error;

/// Why an input could not be analysed. Each variant's message is shown to users as is.
#[derive(Debug, Error, Clone, PartialEq, Eq)]
pub enum SiftError {
    /// The input holds no bytes (or only whitespace).
    #[error("the page is empty")]
    Empty,
    /// The input is larger than [`crate::limits::MAX_INPUT_BYTES`].
    #[error("the page is {size} bytes, over the limit of {limit} bytes")]
    TooLarge {
        /// Size of the input in bytes.
        size: usize,
        /// The limit it exceeded.
        limit: usize,
    },
    /// The input does not look like text (binary data, e.g. an image or an archive).
    #[error("the input is not text (it looks like binary data)")]
    NotText,
    /// The parsed page holds more than [`crate::limits::MAX_NODES`] nodes.
    #[error("the page holds more than {limit} nodes, over the limit")]
    TooManyNodes {
        /// The limit it exceeded.
        limit: usize,
    },
    /// The page nests elements deeper than [`crate::limits::MAX_PARSE_DEPTH`].
    #[error("the page nests elements more than {limit} levels deep, over the limit")]
    TooDeep {
        /// The limit it exceeded.
        limit: usize,
    },
    /// Parsing the page would take more than [`crate::limits::MAX_PARSE_WORK`] steps (many tags
    /// at a great depth).
    #[error(
        "the page is too complex to parse (deep nesting over many tags, or very many attributes on a tag: more than {limit} steps)"
    )]
    TooComplex {
        /// The limit it exceeded.
        limit: u64,
    },
}
