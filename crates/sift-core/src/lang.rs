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

/// Latin-script languages in [`STOPWORDS`] order (ties go to the earlier one).
const LATIN_LANGS: [Lang; 4] = [Lang::En, Lang::De, Lang::Fr, Lang::Es];

/// Which languages' tables a word is in: a bit per [`LATIN_LANGS`] entry, and Ukrainian/Russian.
#[derive(Clone, Copy, Default)]
struct WordLangs {
    latin: u8,
    uk: bool,
    ru: bool,
}

/// Every table word with its languages, built once; and the longest word in chars.
fn word_table() -> &'static (crate::claims::FastMap<&'static str, WordLangs>, usize) {
    static TABLE: std::sync::OnceLock<(crate::claims::FastMap<&'static str, WordLangs>, usize)> =
        std::sync::OnceLock::new();
    TABLE.get_or_init(|| {
        let mut map: crate::claims::FastMap<&'static str, WordLangs> = Default::default();
        for (lang, words) in STOPWORDS {
            let bit = LATIN_LANGS.iter().position(|l| l == lang).unwrap_or(0);
            for w in *words {
                map.entry(w).or_default().latin |= 1 << bit;
            }
        }
        for (lang, words) in CYRILLIC_WORDS {
            for w in *words {
                let e = map.entry(w).or_default();
                match lang {
                    Lang::Uk => e.uk = true,
                    _ => e.ru = true,
                }
            }
        }
        let longest = map.keys().map(|w| w.chars().count()).max().unwrap_or(0);
        (map, longest)
    })
}

/// Counts gathered in one pass over the sample.
#[derive(Default)]
struct Counts {
    cyrillic: usize,
    latin: usize,
    /// Ukrainian-only letters plus Ukrainian table words.
    uk_letters: usize,
    ru_letters: usize,
    uk_words: usize,
    ru_words: usize,
    /// Per [`LATIN_LANGS`]: table words plus marking letters.
    latin_hits: [usize; 4],
}

impl Counts {
    fn word(&mut self, word: &str) {
        let Some(langs) = word_table().0.get(word) else {
            return;
        };
        for (bit, hits) in self.latin_hits.iter_mut().enumerate() {
            if langs.latin & (1 << bit) != 0 {
                *hits += 1;
            }
        }
        self.uk_words += usize::from(langs.uk);
        self.ru_words += usize::from(langs.ru);
    }
}

/// Detects the language of `text`; `declared` (e.g. `<html lang>`) decides when the text is too short
/// or ambiguous. One pass over at most `SAMPLE_CHARS` chars: letters by script, marking letters,
/// and the words of the tables (each looked up once, lower-cased in a reused buffer).
pub fn detect(text: &str, declared: Option<&str>) -> Lang {
    let declared = declared.map(Lang::from_code).unwrap_or_default();
    let longest = word_table().1;
    let mut c = Counts::default();
    let mut word = String::new();
    let mut word_chars = 0usize;
    for ch in text.chars().take(SAMPLE_CHARS).chain(std::iter::once(' ')) {
        if ch.is_alphabetic() {
            if ('\u{0400}'..='\u{04FF}').contains(&ch) {
                c.cyrillic += 1;
                c.uk_letters += usize::from(UKRAINIAN_LETTERS.contains(&ch));
                c.ru_letters += usize::from(RUSSIAN_LETTERS.contains(&ch));
            } else if ch.is_ascii_alphabetic() || ('\u{00C0}'..='\u{024F}').contains(&ch) {
                c.latin += 1;
            }
            word_chars += 1;
            if word_chars <= longest {
                if ch.is_ascii() {
                    word.push(ch.to_ascii_lowercase());
                } else {
                    word.extend(ch.to_lowercase());
                }
            }
        } else {
            if word_chars > 0 && word_chars <= longest {
                c.word(&word);
            }
            word.clear();
            word_chars = 0;
        }
        // Marking letters (¿ ¡ are not letters), compared lower-cased.
        if !ch.is_ascii() {
            for lower in ch.to_lowercase() {
                for (lang, marks) in LATIN_LETTERS {
                    if marks.contains(&lower) {
                        if let Some(bit) = LATIN_LANGS.iter().position(|l| l == lang) {
                            if let Some(h) = c.latin_hits.get_mut(bit) {
                                *h += LETTER_WEIGHT;
                            }
                        }
                    }
                }
            }
        }
    }
    if c.cyrillic > c.latin && c.cyrillic >= MIN_LETTERS {
        let uk = c.uk_letters + c.uk_words;
        let ru = c.ru_letters + c.ru_words;
        return match uk.cmp(&ru) {
            std::cmp::Ordering::Greater => Lang::Uk,
            std::cmp::Ordering::Less => Lang::Ru,
            std::cmp::Ordering::Equal if matches!(declared, Lang::Uk | Lang::Ru) => declared,
            std::cmp::Ordering::Equal => Lang::Undetermined,
        };
    }
    if c.latin < MIN_LETTERS {
        return declared;
    }
    let mut best = (Lang::Undetermined, 0usize);
    for (lang, hits) in LATIN_LANGS.iter().zip(c.latin_hits) {
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
