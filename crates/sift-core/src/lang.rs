//! Language detection restricted to the languages Sift supports.

/// A supported language, or `Undetermined`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Lang {
    /// English.
    En,
    /// Ukrainian.
    Uk,
    /// Russian.
    Ru,
    /// German.
    De,
    /// French.
    Fr,
    /// Spanish.
    Es,
    /// None of the above, or too little text to tell.
    #[default]
    Undetermined,
}

impl Lang {
    /// ISO 639-1 code (`und` when undetermined).
    pub fn as_str(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Uk => "uk",
            Lang::Ru => "ru",
            Lang::De => "de",
            Lang::Fr => "fr",
            Lang::Es => "es",
            Lang::Undetermined => "und",
        }
    }

    /// Parses a code such as `en`, `en-US` or `uk_UA`.
    pub fn from_code(code: &str) -> Lang {
        let primary = code
            .split(['-', '_'])
            .next()
            .unwrap_or("")
            .trim()
            .to_ascii_lowercase();
        match primary.as_str() {
            "en" => Lang::En,
            "uk" => Lang::Uk,
            "ru" => Lang::Ru,
            "de" => Lang::De,
            "fr" => Lang::Fr,
            "es" => Lang::Es,
            _ => Lang::Undetermined,
        }
    }
}

/// Frequent function words per Latin-script language, used to tell them apart.
const STOPWORDS: &[(Lang, &[&str])] = &[
    (
        Lang::En,
        &[
            "the", "and", "of", "to", "is", "that", "with", "for", "was", "said", "in", "on",
            "are", "this", "from", "have", "has", "it", "by", "be",
        ],
    ),
    (
        Lang::De,
        &[
            "der", "die", "und", "das", "ist", "nicht", "mit", "sich", "auf", "ein", "dem", "den",
            "eine", "auch", "wird", "sagte", "von", "zu", "im", "für",
        ],
    ),
    (
        Lang::Fr,
        &[
            "le", "la", "les", "et", "des", "est", "une", "dans", "pour", "qui", "du", "au", "sur",
            "pas", "avec", "ont", "été", "aux", "ce", "il",
        ],
    ),
    (
        Lang::Es,
        &[
            "el", "la", "los", "y", "que", "del", "las", "una", "por", "con", "para", "es", "fue",
            "según", "como", "más", "sus", "al", "dijo", "pero",
        ],
    ),
];

/// Letters found in Ukrainian but not Russian.
const UKRAINIAN_LETTERS: &[char] = &['і', 'ї', 'є', 'ґ', 'І', 'Ї', 'Є', 'Ґ'];
/// Letters found in Russian but not Ukrainian.
const RUSSIAN_LETTERS: &[char] = &['ы', 'э', 'ъ', 'ё', 'Ы', 'Э', 'Ъ', 'Ё'];

/// Frequent words that tell Ukrainian from Russian when the letters alone do not.
const CYRILLIC_WORDS: &[(Lang, &[&str])] = &[
    (
        Lang::Uk,
        &[
            "що",
            "та",
            "як",
            "це",
            "від",
            "він",
            "вона",
            "але",
            "про",
            "заявив",
            "також",
        ],
    ),
    (
        Lang::Ru,
        &[
            "что",
            "как",
            "это",
            "от",
            "он",
            "она",
            "но",
            "о",
            "заявил",
            "также",
            "был",
        ],
    ),
];

/// Letters that mark one Latin-script language, each worth this many stopword hits.
const LATIN_LETTERS: &[(Lang, &[char])] = &[
    (Lang::De, &['ß', 'ä', 'ö', 'ü']),
    (Lang::Es, &['ñ', '¿', '¡']),
    (Lang::Fr, &['ç', 'è', 'ê', 'œ', 'à']),
];
/// Weight of one marking letter against one stopword.
const LETTER_WEIGHT: usize = 1;
/// Fewest letters of a script before its text is judged (below: the declared language decides).
const MIN_LETTERS: usize = 20;

/// How many chars of text are enough to decide.
const SAMPLE_CHARS: usize = 20_000;

/// Detects the language of `text`; `declared` (e.g. `<html lang>`) decides when the text is too short
/// or ambiguous.
pub fn detect(text: &str, declared: Option<&str>) -> Lang {
    let declared = declared.map(Lang::from_code).unwrap_or_default();
    let mut cyrillic = 0usize;
    let mut latin = 0usize;
    let mut uk = 0usize;
    let mut ru = 0usize;
    for ch in text.chars().take(SAMPLE_CHARS) {
        if ('\u{0400}'..='\u{04FF}').contains(&ch) {
            cyrillic += 1;
            uk += usize::from(UKRAINIAN_LETTERS.contains(&ch));
            ru += usize::from(RUSSIAN_LETTERS.contains(&ch));
        } else if ch.is_ascii_alphabetic() || ('\u{00C0}'..='\u{024F}').contains(&ch) {
            latin += 1;
        }
    }
    if cyrillic > latin && cyrillic >= MIN_LETTERS {
        let sample: String = text
            .chars()
            .take(SAMPLE_CHARS)
            .collect::<String>()
            .to_lowercase();
        for word in sample.split(|c: char| !c.is_alphabetic()) {
            for (lang, words) in CYRILLIC_WORDS {
                if words.contains(&word) {
                    match lang {
                        Lang::Uk => uk += 1,
                        _ => ru += 1,
                    }
                }
            }
        }
        return match uk.cmp(&ru) {
            std::cmp::Ordering::Greater => Lang::Uk,
            std::cmp::Ordering::Less => Lang::Ru,
            std::cmp::Ordering::Equal if matches!(declared, Lang::Uk | Lang::Ru) => declared,
            std::cmp::Ordering::Equal => Lang::Undetermined,
        };
    }
    if latin < MIN_LETTERS {
        return declared;
    }
    let sample: String = text
        .chars()
        .take(SAMPLE_CHARS)
        .collect::<String>()
        .to_lowercase();
    let mut best = (Lang::Undetermined, 0usize);
    for (lang, words) in STOPWORDS {
        let letters = LATIN_LETTERS
            .iter()
            .find(|(l, _)| l == lang)
            .map_or(0, |(_, marks)| {
                sample.chars().filter(|c| marks.contains(c)).count()
            });
        let hits = sample
            .split(|c: char| !c.is_alphabetic())
            .filter(|w| words.contains(w))
            .count()
            + LETTER_WEIGHT * letters;
        if hits > best.1 {
            best = (*lang, hits);
        }
    }
    if best.1 == 0 {
        declared
    } else {
        best.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detects_the_six_languages() {
        let cases = [
            (
                "The Kremlin said on Monday that the outgoing administration wants escalation.",
                Lang::En,
            ),
            (
                "Der Kreml erklärte am Montag, die scheidende Regierung wolle die Eskalation.",
                Lang::De,
            ),
            (
                "Le Kremlin a déclaré lundi que l'administration sortante veut l'escalade.",
                Lang::Fr,
            ),
            (
                "El Kremlin dijo el lunes que la administración saliente quiere la escalada.",
                Lang::Es,
            ),
            (
                "Кремль заявив у понеділок, що адміністрація прагне ескалації війни.",
                Lang::Uk,
            ),
            (
                "Кремль заявил в понедельник, что администрация хочет эскалации войны.",
                Lang::Ru,
            ),
        ];
        for (text, lang) in cases {
            assert_eq!(detect(text, None), lang, "{text}");
        }
        // Too little text: the declared language decides; unsupported stays undetermined.
        assert_eq!(detect("OK", Some("de-AT")), Lang::De);
        assert_eq!(detect("OK", Some("pl")), Lang::Undetermined);
    }
}
