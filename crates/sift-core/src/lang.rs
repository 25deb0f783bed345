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
            "the", "and", "of", "to", "is", "that", "with", "for", "was", "said",
        ],
    ),
    (
        Lang::De,
        &[
            "der", "die", "und", "das", "ist", "nicht", "mit", "sich", "auf", "ein",
        ],
    ),
    (
        Lang::Fr,
        &[
            "le", "la", "les", "et", "des", "est", "une", "dans", "pour", "qui",
        ],
    ),
    (
        Lang::Es,
        &[
            "el", "la", "los", "y", "que", "del", "las", "una", "por", "con",
        ],
    ),
];

/// Letters found in Ukrainian but not Russian, and the reverse.
const UKRAINIAN_LETTERS: &[char] = &['і', 'ї', 'є', 'ґ', 'І', 'Ї', 'Є', 'Ґ'];
const RUSSIAN_LETTERS: &[char] = &['ы', 'э', 'ъ', 'ё', 'Ы', 'Э', 'Ъ', 'Ё'];

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
    if cyrillic > latin {
        return match uk.cmp(&ru) {
            std::cmp::Ordering::Greater => Lang::Uk,
            std::cmp::Ordering::Less => Lang::Ru,
            std::cmp::Ordering::Equal if matches!(declared, Lang::Uk | Lang::Ru) => declared,
            std::cmp::Ordering::Equal => Lang::Undetermined,
        };
    }
    if latin == 0 {
        return declared;
    }
    let sample: String = text
        .chars()
        .take(SAMPLE_CHARS)
        .collect::<String>()
        .to_lowercase();
    let mut best = (Lang::Undetermined, 0usize);
    for (lang, words) in STOPWORDS {
        let hits = sample
            .split(|c: char| !c.is_alphabetic())
            .filter(|w| words.contains(w))
            .count();
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
