//! Sentence segmentation that survives abbreviations, initials, ordinals and quotes in the six
//! supported languages ("U.S.", "Nov. 18", "Dr.", "3. März", «…», „…").

use super::attribution::opens_verb_cue;
use super::attribution::signed::{MAX_SIGNATURE_WORDS, SIGNATURE_DASHES};
use super::tokens::{letter, letter_or_numeral};
use crate::analysis::Paragraph;
use crate::lang::Lang;

/// One sentence: its char span in the article text and the paragraph holding it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sentence {
    /// `[start, end)` in chars, trimmed.
    pub span: [usize; 2],
    /// Index into `article.paragraphs`.
    pub paragraph: usize,
}

/// Abbreviations (lower case, without the final dot) after which a dot never ends a sentence:
/// titles, and words that always need a following word.
const TITLE_ABBREVIATIONS: &[&str] = &[
    // English titles and ranks
    "mr",
    "mrs",
    "ms",
    "dr",
    "prof",
    "gen",
    "col",
    "lt",
    "sgt",
    "capt",
    "cmdr",
    "adm",
    "maj",
    "sen",
    "rep",
    "gov",
    "pres",
    "rev",
    "hon",
    "st",
    "mt",
    "ft",
    "vs",
    "v",
    "approx",
    "dept",
    "est",
    "e.g",
    "i.e",
    "cf",
    "al",
    "ca",
    // German: Dr., Nr., z. B., bzw., vgl., Str., Hr., Fr. (Frau)
    "nr",
    "bzw",
    "vgl",
    "str",
    "hr",
    "fr",
    "z.b",
    "u.a",
    "d.h",
    "ggf",
    "evtl",
    "ca",
    "dipl",
    "ing",
    // French: M. (Monsieur), Mme, Mlle, av.
    "m",
    "mme",
    "mlle",
    "mm",
    "av",
    "env",
    // Spanish: Sr., Sra., Srta., Dña., Ud.
    "sr",
    "sra",
    "srta",
    "dña",
    "ud",
    "uds",
    "dra",
    "lic",
    "ee.uu",
    "pág",
    // Ukrainian and Russian: вул. (street), ім. (named after), див. (see), напр., ул., им., см., т. е.
    "вул",
    "ім",
    "див",
    "напр",
    "ул",
    "им",
    "см",
    "пл",
    "просп",
    "проф",
    "акад",
    "т.е",
    "т.д",
];

/// Month abbreviations and names (lower case): a dot after a month abbreviation, or an ordinal dot
/// before a month name, does not end a sentence when a number follows or precedes.
const MONTHS: &[&str] = &[
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
    // German month names (after "3.")
    "januar",
    "jänner",
    "februar",
    "märz",
    "april",
    "mai",
    "juni",
    "juli",
    "august",
    "september",
    "oktober",
    "november",
    "dezember",
    // English month names
    "january",
    "february",
    "march",
    "may",
    "june",
    "july",
    "october",
    "december",
];

/// Abbreviations that stand before a number ("No. 5", "Nr. 3", "Fig. 2"): a dot after them ends
/// no sentence when a digit follows.
const NUMBER_ABBREVIATIONS: &[&str] = &["no", "nos", "nr", "fig", "vol", "art", "p", "pp", "núm"];

/// Abbreviations that can end a sentence (company suffixes, "Jr."): split only before a word that
/// usually starts one.
const FINAL_ABBREVIATIONS: &[&str] = &[
    "inc", "co", "corp", "ltd", "jr", "sr", "llc", "plc", "etc", "usw", "bzw", "gmbh", "ag", "тис",
    "млн", "млрд", "грн", "руб", "тыс", "р", "г", "рр", "гг", "ст",
];

/// Words that usually start a sentence, checked after initialisms ("U.S.") and final
/// abbreviations, where a dot may or may not end the sentence.
const SENTENCE_STARTERS: &[&str] = &[
    "the",
    "a",
    "an",
    "he",
    "she",
    "it",
    "they",
    "we",
    "i",
    "but",
    "and",
    "in",
    "on",
    "this",
    "that",
    "these",
    "those",
    "there",
    "his",
    "her",
    "its",
    "their",
    "our",
    "as",
    "at",
    "after",
    "for",
    "if",
    "when",
    "while",
    "however",
    "meanwhile",
    "according",
    "some",
    "many",
    "most",
    "der",
    "die",
    "das",
    "er",
    "sie",
    "es",
    "le",
    "la",
    "les",
    "il",
    "elle",
    "el",
    "los",
    "las",
];

/// Chars that close a quote or bracket and stay with the sentence before.
fn is_closer(c: char) -> bool {
    matches!(c, '"' | '”' | '’' | '\'' | '»' | '“' | ')' | ']' | '›')
}

/// Chars that end a sentence.
fn is_terminator(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '…' | '。' | '！' | '？')
}

/// Whether a sentence may start with `c`.
fn may_start_sentence(c: char) -> bool {
    c.is_uppercase()
        || c.is_numeric()
        || matches!(
            c,
            '"' | '“'
                | '”'
                | '„'
                | '«'
                | '‘'
                | '\''
                | '('
                | '['
                | '—'
                | '–'
                | '-'
                | '¿'
                | '¡'
                | '‹'
        )
}

/// The word right before `dot` (letters, digits and inner dots), lower-cased into `out` (cleared
/// first; one buffer reused for every candidate dot).
fn word_before(chars: &[char], dot: usize, floor: usize, out: &mut String) {
    let mut s = dot;
    while s > floor
        && chars
            .get(s - 1)
            .is_some_and(|&c| letter_or_numeral(c) || c == '.')
    {
        s -= 1;
    }
    let word = chars.get(s..dot).unwrap_or(&[]);
    let dots = word.iter().take_while(|&&c| c == '.').count();
    lower_into(word.get(dots..).unwrap_or(&[]), out);
}

/// The word starting at `at` (letters only), lower-cased into `out` (cleared first).
fn word_at(chars: &[char], at: usize, end: usize, out: &mut String) {
    let mut e = at;
    while e < end && chars.get(e).is_some_and(|&c| letter(c)) {
        e += 1;
    }
    lower_into(chars.get(at..e).unwrap_or(&[]), out);
}

/// `chars` lower-cased into `out`, cleared first (char by char: the same text as
/// `str::to_lowercase` for every word the tables below hold).
fn lower_into(chars: &[char], out: &mut String) {
    out.clear();
    for &c in chars {
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
        } else {
            out.extend(c.to_lowercase());
        }
    }
}

/// Reused buffers for the words around a candidate dot.
#[derive(Default)]
struct DotWords {
    /// The word before the dot.
    before: String,
    /// The word after it.
    next: String,
}

/// Longest signature read, in chars.
const MAX_SIGNATURE_CHARS: usize = 80;

/// Whether the char before `close_end` closes a quote (the closers a signature or cue may follow).
fn closes_quote_before(chars: &[char], close_end: usize) -> bool {
    close_end
        .checked_sub(1)
        .and_then(|k| chars.get(k))
        .is_some_and(|&q| matches!(q, '"' | '”' | '»' | '“'))
}

/// Whether a quote closing before `close_end` is signed by what runs from `at` to the paragraph's
/// `end`: a [`SIGNATURE_DASHES`] dash, then at most [`MAX_SIGNATURE_WORDS`] capitalised words and an
/// optional full stop.
/// The signature stays with the quote's last sentence (the attribution finder reads it there).
fn signs_quote(chars: &[char], close_end: usize, at: usize, end: usize) -> bool {
    let closes_quote = closes_quote_before(chars, close_end);
    if !closes_quote || !chars.get(at).is_some_and(|c| SIGNATURE_DASHES.contains(c)) {
        return false;
    }
    let rest = chars.get(at + 1..end).unwrap_or(&[]);
    if rest.len() > MAX_SIGNATURE_CHARS {
        return false;
    }
    let text: String = rest.iter().collect();
    let text = text.trim_end().trim_end_matches('.');
    let words: Vec<&str> = text.split_whitespace().collect();
    (1..=MAX_SIGNATURE_WORDS).contains(&words.len())
        && words.iter().all(|w| {
            w.chars().next().is_some_and(char::is_uppercase)
                && w.chars()
                    .all(|c| c.is_alphabetic() || matches!(c, '-' | '\'' | '’' | '.'))
        })
}

/// Most words between a quote ending in a question or exclamation and the cue that attributes it
/// ("“Why?” Sen. Claire McCaskill asked.").
const MAX_WORDS_BEFORE_CUE: usize = 5;

/// Whether a quote ending in a question or exclamation (its terminator `terminator`, the quote
/// closing before `close_end`) is attributed by what follows from `at`: a verb cue within
/// [`MAX_WORDS_BEFORE_CUE`] words, before any sentence end ("“How many times?” Clinton said.").
/// The attribution stays with the quote's sentence, as after a comma.
fn attributes_quote(
    chars: &[char],
    terminator: char,
    close_end: usize,
    at: usize,
    end: usize,
    lang: Lang,
) -> bool {
    let closes_quote = closes_quote_before(chars, close_end);
    if !closes_quote || !matches!(terminator, '?' | '!' | '…') {
        return false;
    }
    let rest = chars.get(at..end).unwrap_or(&[]);
    let mut word = String::new();
    for raw in rest
        .split(|c| c.is_whitespace())
        .filter(|w| !w.is_empty())
        .take(MAX_WORDS_BEFORE_CUE + 1)
    {
        word.clear();
        word.extend(
            raw.iter()
                .filter(|&&c| letter(c) || c == '\'' || c == '’')
                .flat_map(|c| c.to_lowercase()),
        );
        if opens_verb_cue(&word, lang) {
            return true;
        }
        let ends_sentence = raw.last().is_some_and(|&c| is_terminator(c));
        let abbreviation = TITLE_ABBREVIATIONS.contains(&word.as_str())
            || (word.chars().count() == 1 && raw.first().is_some_and(|c| c.is_uppercase()));
        if ends_sentence && !abbreviation {
            return false;
        }
    }
    false
}

/// Whether the dot at `dot` (followed by whitespace, then `next` at `next_at`) ends a sentence.
fn dot_ends_sentence(
    chars: &[char],
    dot: usize,
    floor: usize,
    next_at: usize,
    end: usize,
    words: &mut DotWords,
) -> bool {
    word_before(chars, dot, floor, &mut words.before);
    let before = words.before.as_str();
    if before.is_empty() {
        return true;
    }
    let next_char = chars.get(next_at).copied().unwrap_or(' ');
    word_at(chars, next_at, end, &mut words.next);
    let next_word = words.next.as_str();
    let next_is_starter = SENTENCE_STARTERS.contains(&next_word);
    if TITLE_ABBREVIATIONS.contains(&before) {
        return false;
    }
    if (MONTHS.contains(&before) && before.len() <= 4) || NUMBER_ABBREVIATIONS.contains(&before) {
        // "Nov. 18": the abbreviation needs its day.
        return !next_char.is_numeric();
    }
    if FINAL_ABBREVIATIONS.contains(&before) {
        return next_is_starter;
    }
    let letters = before.chars().filter(|&c| letter(c)).count();
    if before.contains('.') {
        // Initialisms: "U.S. officials" (no split) vs "in the U.S. The ..." (split).
        return next_is_starter;
    }
    if letters == 1 && before.chars().all(letter) {
        // An initial ("J. R. R. Tolkien") or a one-letter abbreviation ("z. B.").
        let upper = chars
            .get(dot.saturating_sub(1))
            .is_some_and(|c| c.is_uppercase());
        return upper && next_is_starter && next_word != "a" && next_word != "i";
    }
    if before.chars().all(|c| c.is_numeric()) && before.chars().count() <= 2 {
        // Ordinals: "3. März", "am 18. November".
        return !MONTHS.contains(&next_word);
    }
    true
}

/// Splits each paragraph of `chars` into sentences.
pub fn split(chars: &[char], paragraphs: &[Paragraph], lang: Lang) -> Vec<Sentence> {
    let mut out = Vec::new();
    let mut words = DotWords::default();
    for (index, para) in paragraphs.iter().enumerate() {
        let [start, end] = para.span;
        let end = end.min(chars.len());
        let mut sentence_start = start;
        let mut i = start;
        while i < end {
            // The next terminator, by one scan of the slice (no per-char bounds checks).
            let Some(at) = chars
                .get(i..end)
                .and_then(|rest| rest.iter().position(|&d| is_terminator(d)))
            else {
                break;
            };
            i += at;
            let c = chars.get(i).copied().unwrap_or(' ');
            let mut j = i + 1;
            while j < end
                && chars
                    .get(j)
                    .is_some_and(|&d| is_terminator(d) || is_closer(d))
            {
                j += 1;
            }
            if j >= end {
                break;
            }
            if !chars.get(j).is_some_and(|d| d.is_whitespace()) {
                i = j;
                continue;
            }
            let mut k = j;
            while k < end && chars.get(k).is_some_and(|d| d.is_whitespace()) {
                k += 1;
            }
            if k >= end {
                break;
            }
            let next = chars.get(k).copied().unwrap_or(' ');
            let ends = may_start_sentence(next)
                && !signs_quote(chars, j, k, end)
                && !attributes_quote(chars, c, j, k, end, lang)
                && (c != '.'
                    || j > i + 1
                    || dot_ends_sentence(chars, i, sentence_start, k, end, &mut words));
            if ends {
                push(chars, &mut out, sentence_start, j, index);
                sentence_start = k;
            }
            i = k;
        }
        push(chars, &mut out, sentence_start, end, index);
    }
    out
}

/// Adds the trimmed sentence `[start, end)` when it has any letter or digit.
fn push(chars: &[char], out: &mut Vec<Sentence>, start: usize, end: usize, paragraph: usize) {
    let mut s = start;
    let mut e = end;
    while s < e && chars.get(s).is_some_and(|c| c.is_whitespace()) {
        s += 1;
    }
    while e > s && chars.get(e - 1).is_some_and(|c| c.is_whitespace()) {
        e -= 1;
    }
    if chars
        .get(s..e)
        .is_some_and(|w| w.iter().any(|&c| letter_or_numeral(c)))
    {
        out.push(Sentence {
            span: [s, e],
            paragraph,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sentences(text: &str, lang: Lang) -> Vec<String> {
        let chars: Vec<char> = text.chars().collect();
        let para = Paragraph {
            span: [0, chars.len()],
            path: None,
        };
        split(&chars, &[para], lang)
            .iter()
            .map(|s| chars[s.span[0]..s.span[1]].iter().collect())
            .collect()
    }

    #[test]
    fn a_dash_and_a_name_after_a_quote_stay_with_it() {
        assert_eq!(
            sentences(
                "“It was racism. He represents our shame.” — Sonya Herridge",
                Lang::En
            ),
            [
                "“It was racism.",
                "He represents our shame.” — Sonya Herridge"
            ]
        );
        // More than a name, or no quote before the dash: a new sentence, as a dash may open one
        // (Ukrainian and Russian dialogue).
        assert_eq!(
            sentences("“We left.” — Then the rain came down on us.", Lang::En),
            ["“We left.”", "— Then the rain came down on us."]
        );
        assert_eq!(
            sentences("Ми пішли. — Сказав Петро", Lang::Uk),
            ["Ми пішли.", "— Сказав Петро"]
        );
    }

    #[test]
    fn a_cue_after_a_question_in_quotes_stays_with_it() {
        assert_eq!(
            sentences(
                "“How many times must we see this?” Clinton said. “In Tulsa, a man died.”",
                Lang::En
            ),
            [
                "“How many times must we see this?” Clinton said.",
                "“In Tulsa, a man died.”"
            ]
        );
        assert_eq!(
            sentences(
                "“Why now?!” Sen. Claire McCaskill asked. Nobody knew.",
                Lang::En
            ),
            ["“Why now?!” Sen. Claire McCaskill asked.", "Nobody knew."]
        );
        // No cue before the next sentence's end, or a full stop in the quote: a new sentence.
        assert_eq!(
            sentences(
                "“Why now?” The crowd cheered. Then Smith said no.",
                Lang::En
            ),
            ["“Why now?”", "The crowd cheered.", "Then Smith said no."]
        );
        assert_eq!(
            sentences("“We won.” Clinton said it twice.", Lang::En),
            ["“We won.”", "Clinton said it twice."]
        );
    }

    #[test]
    fn english_abbreviations_initials_and_quotes() {
        let got = sentences(
            "Kremlin spokesperson Dmitry Peskov told the media on Nov. 18 that U.S. officials erred. \
             Dr. J. Smith agreed. \"It is obvious,\" he said. \"Why?\" she asked. It grew 3.5% in the U.S. The end.",
            Lang::En,
        );
        assert_eq!(
            got,
            [
                "Kremlin spokesperson Dmitry Peskov told the media on Nov. 18 that U.S. officials erred.",
                "Dr. J. Smith agreed.",
                "\"It is obvious,\" he said.",
                "\"Why?\" she asked.",
                "It grew 3.5% in the U.S.",
                "The end.",
            ]
        );
    }

    #[test]
    fn german_ordinals_and_low_quotes() {
        let got = sentences(
            "Am 3. März sagte Dr. Müller: „Wir sind bereit.“ Die Regierung schwieg. Es gab z. B. Proteste.",
            Lang::De,
        );
        assert_eq!(
            got,
            [
                "Am 3. März sagte Dr. Müller: „Wir sind bereit.“",
                "Die Regierung schwieg.",
                "Es gab z. B. Proteste.",
            ]
        );
    }

    #[test]
    fn french_spanish_ukrainian_russian() {
        assert_eq!(
            sentences(
                "« Nous sommes prêts », a déclaré M. Dupont. Le gouvernement a refusé.",
                Lang::Fr
            ),
            [
                "« Nous sommes prêts », a déclaré M. Dupont.",
                "Le gouvernement a refusé."
            ]
        );
        assert_eq!(
            sentences(
                "¿Qué pasará? El Sr. García dijo que no. Nadie respondió.",
                Lang::Es
            ),
            [
                "¿Qué pasará?",
                "El Sr. García dijo que no.",
                "Nadie respondió."
            ]
        );
        assert_eq!(
            sentences(
                "«Це ескалація», — заявив Пєсков. Київ мовчить. Вул. Хрещатик закрита.",
                Lang::Uk
            ),
            [
                "«Це ескалація», — заявив Пєсков.",
                "Київ мовчить.",
                "Вул. Хрещатик закрита."
            ]
        );
        assert_eq!(
            sentences(
                "Об этом сообщил г. Иванов. В 2024 г. Россия… Нет.",
                Lang::Ru
            ),
            ["Об этом сообщил г. Иванов.", "В 2024 г. Россия…", "Нет."]
        );
    }
}
