//! Language detection restricted to the languages Sift supports.

use crate::claims::tokens::letter;

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
/// Whether `ch` may be or lower-case to one of [`LATIN_LETTERS`]: they and their capitals lie in
/// "¡".."œ", and "ẞ" lower-cases to "ß". Other chars (ASCII, curly quotes, Cyrillic) skip the
/// lower-casing table.
fn may_mark(ch: char) -> bool {
    ('\u{A1}'..='\u{153}').contains(&ch) || ch == '\u{1E9E}'
}
/// Weight of one marking letter against one stopword.
const LETTER_WEIGHT: usize = 1;
/// Fewest letters of a script before its text is judged (below: the declared language decides).
const MIN_LETTERS: usize = 20;

/// How many chars of text are enough to decide (about a thousand words: on the 404 corpus pages
/// 6,000 decide as 20,000 did, every page alike).
const SAMPLE_CHARS: usize = 6_000;

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

/// The state of [`detect`]'s pass: the counts, and the current word (lower-cased, up to the longest
/// table word) with its length in chars.
struct Scan {
    c: Counts,
    word: String,
    word_chars: usize,
    longest: usize,
}

impl Scan {
    /// An ASCII letter (`b` is one).
    fn ascii_letter(&mut self, b: u8) {
        self.c.latin += 1;
        self.word_chars += 1;
        if self.word_chars <= self.longest {
            self.word.push(char::from(b.to_ascii_lowercase()));
        }
    }

    /// A char that is not a letter: the current word, if any, ends.
    fn end_word(&mut self) {
        if self.word_chars > 0 && self.word_chars <= self.longest {
            self.c.word(&self.word);
        }
        self.word.clear();
        self.word_chars = 0;
    }

    /// A non-ASCII char: letters by script, word letters, marking letters.
    fn non_ascii(&mut self, ch: char) {
        let c = &mut self.c;
        if letter(ch) {
            if ('\u{0400}'..='\u{04FF}').contains(&ch) {
                c.cyrillic += 1;
                c.uk_letters += usize::from(UKRAINIAN_LETTERS.contains(&ch));
                c.ru_letters += usize::from(RUSSIAN_LETTERS.contains(&ch));
            } else if ('\u{00C0}'..='\u{024F}').contains(&ch) {
                c.latin += 1;
            }
            self.word_chars += 1;
            if self.word_chars <= self.longest {
                self.word.extend(ch.to_lowercase());
            }
        } else {
            self.end_word();
        }
        // Marking letters (¿ ¡ are not letters), compared lower-cased.
        if may_mark(ch) {
            for lower in ch.to_lowercase() {
                for (lang, marks) in LATIN_LETTERS {
                    if marks.contains(&lower) {
                        if let Some(bit) = LATIN_LANGS.iter().position(|l| l == lang) {
                            if let Some(h) = self.c.latin_hits.get_mut(bit) {
                                *h += LETTER_WEIGHT;
                            }
                        }
                    }
                }
            }
        }
    }
}

/// The counts of [`detect`]'s one pass over at most [`SAMPLE_CHARS`] chars of `text`.
fn count(text: &str) -> Counts {
    let mut scan = Scan {
        c: Counts::default(),
        word: String::new(),
        word_chars: 0,
        longest: word_table().1,
    };
    // ASCII chars (nearly all of Latin-script text) are read as bytes; others decoded one by one.
    let bytes = text.as_bytes();
    let mut i = 0usize;
    let mut taken = 0usize;
    while taken < SAMPLE_CHARS {
        let Some(&b) = bytes.get(i) else { break };
        taken += 1;
        if b.is_ascii() {
            i += 1;
            if b.is_ascii_alphabetic() {
                scan.ascii_letter(b);
            } else {
                scan.end_word();
            }
            continue;
        }
        // `i` is always at a char boundary: it moves by whole chars.
        let Some(ch) = text.get(i..).and_then(|rest| rest.chars().next()) else {
            break;
        };
        i += ch.len_utf8();
        scan.non_ascii(ch);
    }
    // The last word ends with the text.
    scan.end_word();
    scan.c
}

/// Detects the language of `text`; `declared` (e.g. `<html lang>`) decides when the text is too short
/// or ambiguous. One pass over at most `SAMPLE_CHARS` chars: letters by script, marking letters,
/// and the words of the tables (each looked up once, lower-cased in a reused buffer).
pub fn detect(text: &str, declared: Option<&str>) -> Lang {
    let declared = declared.map(Lang::from_code).unwrap_or_default();
    let c = count(text);
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

    /// [`detect`]'s counts as first written, char by char, for comparison.
    fn reference_counts(text: &str) -> [usize; 10] {
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
                    word.extend(ch.to_lowercase());
                }
            } else {
                if word_chars > 0 && word_chars <= longest {
                    c.word(&word);
                }
                word.clear();
                word_chars = 0;
            }
            if !ch.is_ascii() {
                for lower in ch.to_lowercase() {
                    for (lang, marks) in LATIN_LETTERS {
                        if marks.contains(&lower) {
                            let bit = LATIN_LANGS.iter().position(|l| l == lang).unwrap_or(0);
                            c.latin_hits[bit] += LETTER_WEIGHT;
                        }
                    }
                }
            }
        }
        flat(&c)
    }

    fn flat(c: &Counts) -> [usize; 10] {
        let h = c.latin_hits;
        [
            c.cyrillic,
            c.latin,
            c.uk_letters,
            c.ru_letters,
            c.uk_words,
            c.ru_words,
            h[0],
            h[1],
            h[2],
            h[3],
        ]
    }

    #[test]
    fn byte_scan_counts_as_the_char_by_char_pass() {
        let long = "Die Straße, sagte er, “ist nicht für ÄRZTE” — und das war’s. ".repeat(400);
        for text in [
            "",
            "the",
            "The Kremlin said “no” — ÀÉÎ Œuvre ẞ ß ¿qué? ¡Sí! ",
            "Кремль заявив, що це Її ґанок; ЭТО ЁЖ. від",
            "mixed: café naïve 中文 ٣ Ⅻ x²",
            long.as_str(),
        ] {
            assert_eq!(flat(&count(text)), reference_counts(text), "{text:.40}");
        }
    }

    #[test]
    fn only_chars_that_may_mark_lower_case_to_a_marking_letter() {
        for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
            let marks = c
                .to_lowercase()
                .any(|l| LATIN_LETTERS.iter().any(|(_, m)| m.contains(&l)));
            assert!(!marks || may_mark(c), "{c:?}");
        }
    }

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
