//! Documented limits that bound the work done on any input.

/// Largest input accepted, in bytes. Larger pages get [`crate::SiftError::TooLarge`].
pub const MAX_INPUT_BYTES: usize = 64 * 1024 * 1024;
