//! Who a written source stands for: pronouns and bare roles resolve to the last named speaker.

/// Pronouns that stand for a person speaking, resolved to the last named speaker.
pub(super) const PRONOUNS: &[&str] = &[
    "he", "she", "they", "er", "sie", "il", "elle", "ils", "elles", "él", "ella", "ellos", "він",
    "вона", "вони", "он", "она", "они",
];

/// Determiners that open a bare role ("the spokesperson", "der Sprecher").
const DEFINITE_ARTICLES: &[&str] = &["the", "der", "die", "le", "la", "el"];

/// A named speaker seen so far, for resolving pronouns and roles.
pub(super) struct Speaker {
    text: String,
    lower: String,
}

/// The speaker a written source stands for: itself, or for a pronoun or bare role the last named
/// speaker that matches; records named speakers in `speakers`.
pub(super) fn resolve_source(written: &str, speakers: &mut Vec<Speaker>) -> String {
    let lower = written.to_lowercase();
    let words: Vec<&str> = lower.split_whitespace().collect();
    let named = written
        .split_whitespace()
        .skip(1)
        .any(|w| w.chars().next().is_some_and(char::is_uppercase))
        || written.split_whitespace().count() == 1
            && written.chars().next().is_some_and(char::is_uppercase)
            && !PRONOUNS.contains(&lower.as_str());
    if words.len() == 1 && PRONOUNS.contains(&lower.as_str()) {
        if let Some(s) = speakers.last() {
            return s.text.clone();
        }
    } else if words.len() == 2 && words.first().is_some_and(|d| DEFINITE_ARTICLES.contains(d)) {
        if let Some(role) = words.get(1) {
            if let Some(s) = speakers.iter().rev().find(|s| s.lower.contains(role)) {
                return s.text.clone();
            }
        }
    }
    if named {
        speakers.push(Speaker {
            text: written.to_string(),
            lower,
        });
    }
    written.to_string()
}
