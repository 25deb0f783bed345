//! Who a written source stands for: pronouns and bare roles resolve to the last named speaker.

/// Words opening a relative clause after a comma in a speaker's text ("X, who …", "X, quien …"),
/// whose words do not describe the speaker for a bare role (German "der"/"die" also open
/// appositives, "Merkel, die Kanzlerin", and are left out).
const RELATIVE_OPENERS: &[&str] = &[
    "who",
    "which",
    "whose",
    "whom",
    "quien",
    "quienes",
    "que",
    "qui",
    "який",
    "яка",
    "які",
    "который",
    "которая",
    "которые",
];

/// Pronouns that stand for a person speaking, resolved to the last named speaker.
pub(super) const PRONOUNS: &[&str] = &[
    "he", "she", "they", "er", "sie", "il", "elle", "ils", "elles", "él", "ella", "ellos", "він",
    "вона", "вони", "он", "она", "они",
];

/// Of [`PRONOUNS`], those standing for one person: never for a title, a definite article and
/// capitalised words ("The Volcker Rule", "The New York Times"), which names no person ("The CMO"
/// may be one).
const PERSONAL_SINGULAR: &[&str] = &[
    "he", "she", "er", "il", "elle", "él", "ella", "він", "вона", "он", "она",
];

/// Capitalised words after a definite article that make a name a title ([`PERSONAL_SINGULAR`]).
const MIN_TITLE_CAPITALS: usize = 2;

/// Words that, standing alone as a source, name nobody another source could stand for: first and
/// second persons, impersonal subjects and demonstratives, in the six languages (lower case).
const NOT_SPEAKERS: &[&str] = &[
    "i", "we", "you", "it", "one", "this", "that", "these", "those", "here", "there", "who", "ich",
    "wir", "du", "ihr", "es", "man", "das", "je", "nous", "tu", "vous", "on", "cela", "ce", "yo",
    "nosotros", "tú", "usted", "ustedes", "eso", "я", "ми", "ти", "ви", "воно", "це", "мы", "ты",
    "вы", "оно", "это",
];

/// Determiners that open a bare role ("the spokesperson", "der Sprecher").
const DEFINITE_ARTICLES: &[&str] = &["the", "der", "die", "le", "la", "el"];

/// A named speaker seen so far, for resolving pronouns and roles.
pub(super) struct Speaker {
    text: String,
    lower: String,
    /// A title: a definite article and two or more capitalised words ("The New York Times").
    titled: bool,
}

/// The speaker a written source stands for: itself, or for a pronoun or bare role the last named
/// speaker that matches; records named speakers in `speakers`.
pub(super) fn resolve_source(written: &str, speakers: &mut Vec<Speaker>) -> String {
    // A subject left out ("“…”, dijo.") stands for the last speaker, as a pronoun does.
    if written.trim().is_empty() {
        return speakers.last().map(|s| s.text.clone()).unwrap_or_default();
    }
    let lower = written.to_lowercase();
    let words: Vec<&str> = lower.split_whitespace().collect();
    let capitals_after_first = written
        .split_whitespace()
        .skip(1)
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
        .count();
    // A name has a capitalised word after its first, or is one capitalised word; its last word is
    // no pronoun ("Actually I" names nobody).
    let named = (capitals_after_first > 0
        || words.len() == 1 && written.chars().next().is_some_and(char::is_uppercase))
        && words
            .last()
            .is_some_and(|w| !PRONOUNS.contains(w) && !NOT_SPEAKERS.contains(w));
    if words.len() == 1 && PRONOUNS.contains(&lower.as_str()) {
        let person = PERSONAL_SINGULAR.contains(&lower.as_str());
        let matching = |s: &&Speaker| !person || !s.titled;
        if let Some(s) = speakers.iter().rev().find(matching) {
            return s.text.clone();
        }
    } else if words.len() == 2 && words.first().is_some_and(|d| DEFINITE_ARTICLES.contains(d)) {
        // A bare role: a speaker holding it as a word before any relative clause ("the UK" is
        // not "Cheuk …"; "la Alcaldía" is not "el concejal X, quien … a la Alcaldía").
        if let Some(role) = words.get(1) {
            let holds = |s: &&Speaker| {
                s.lower
                    .split(", ")
                    .take_while(|part| {
                        part.split_whitespace()
                            .next()
                            .is_none_or(|w| !RELATIVE_OPENERS.contains(&w))
                    })
                    .flat_map(|part| part.split(|c: char| !c.is_alphanumeric()))
                    .any(|w| w == *role)
            };
            if let Some(s) = speakers.iter().rev().find(holds) {
                return s.text.clone();
            }
        }
    }
    if named {
        let titled = words.first().is_some_and(|w| DEFINITE_ARTICLES.contains(w))
            && capitals_after_first >= MIN_TITLE_CAPITALS;
        speakers.push(Speaker {
            text: written.to_string(),
            lower,
            titled,
        });
    }
    written.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn resolved(written: &[&str]) -> Vec<String> {
        let mut speakers = Vec::new();
        written
            .iter()
            .map(|w| resolve_source(w, &mut speakers))
            .collect()
    }

    #[test]
    fn pronouns_and_roles_resolve_to_the_last_matching_named_speaker() {
        assert_eq!(
            resolved(&[
                "Kremlin spokesperson Dmitry Peskov",
                "The Volcker Rule",
                "We",
                "she",
                "Actually I",
                "they",
                "вона",
                "the spokesperson",
            ]),
            [
                "Kremlin spokesperson Dmitry Peskov",
                "The Volcker Rule",
                // A first person names nobody a pronoun could stand for.
                "We",
                // "she" is a person, and a title names none.
                "Kremlin spokesperson Dmitry Peskov",
                "Actually I",
                "The Volcker Rule",
                "Kremlin spokesperson Dmitry Peskov",
                "Kremlin spokesperson Dmitry Peskov",
            ]
        );
        // One capitalised word after "The" may be a person's role.
        assert_eq!(resolved(&["The CMO", "he"]), ["The CMO", "The CMO"]);
        // A role is a whole word of the speaker's, outside a relative clause; after a comma too.
        assert_eq!(
            resolved(&[
                "Natalia Lopera, gerente de Cootraespeciales",
                "el concejal Daniel Duque, quien habló con la Alcaldía",
                "Cheuk Hau-yip",
                "la Alcaldía",
                "the UK",
                "la gerente",
            ]),
            [
                "Natalia Lopera, gerente de Cootraespeciales",
                "el concejal Daniel Duque, quien habló con la Alcaldía",
                "Cheuk Hau-yip",
                "la Alcaldía",
                "the UK",
                "Natalia Lopera, gerente de Cootraespeciales",
            ]
        );
    }
}
