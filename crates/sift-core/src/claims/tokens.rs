//! Words and punctuation with their char spans: the one tokenisation every claims module reads.

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    /// Letters (and digits mixed in), with inner hyphens, apostrophes and initialism dots ("U.S").
    Word,
    /// Digits, with inner `,` `.` separators ("1,000", "3.5").
    Number,
    /// Any other single visible char (punctuation, quote marks, symbols).
    Punct,
}

/// One token of the text.
#[derive(Debug, Clone, Copy)]
pub struct Token<'a> {
    /// First char offset.
    pub start: usize,
    /// One past the last char offset.
    pub end: usize,
    /// The token lower-cased, borrowed from its [`Tokenized`] buffer.
    lower: &'a str,
    /// Its kind.
    pub kind: TokenKind,
    /// Whether the first char is upper case.
    pub capital: bool,
}

impl<'a> Token<'a> {
    /// The token lower-cased.
    pub fn lower(&self) -> &'a str {
        self.lower
    }

    /// Whether this is punctuation `c`.
    pub fn is(&self, c: char) -> bool {
        self.kind == TokenKind::Punct && self.lower.starts_with(c)
    }

    /// Whether this is a word (not a number or punctuation).
    pub fn is_word(&self) -> bool {
        self.kind == TokenKind::Word
    }
}

/// One token before its lower-cased text is borrowable: char span, byte range in
/// [`Tokenized::lower`], kind, capital.
#[derive(Debug, Clone)]
struct Span {
    start: usize,
    end: usize,
    lower: std::ops::Range<usize>,
    kind: TokenKind,
    capital: bool,
}

/// The tokens of one or more char ranges (an article's sentences), with one lower-cased buffer for
/// all of them: built in one pass, then read as [`Token`]s borrowing the buffer (no allocation or
/// reference count per sentence or token).
#[derive(Debug, Clone, Default)]
pub struct Tokenized {
    /// The lower-cased text of every token, token after token.
    lower: String,
    /// Every token, range after range.
    spans: Vec<Span>,
    /// Where each range's tokens end in `spans`.
    ends: Vec<usize>,
}

impl Tokenized {
    /// Tokenises each `[start, end)` range of `chars`, in order.
    pub fn new(chars: &[char], ranges: impl IntoIterator<Item = (usize, usize)>) -> Self {
        // Sized once for the whole text (the ranges are its sentences).
        let mut out = Self {
            lower: String::with_capacity(chars.len()),
            spans: Vec::with_capacity(chars.len() / CHARS_PER_TOKEN + 1),
            ends: Vec::new(),
        };
        for (start, end) in ranges {
            out.push(chars, start, end);
            out.ends.push(out.spans.len());
        }
        out
    }

    /// All tokens, range after range (cut them with [`Tokenized::ranges`]).
    pub fn tokens(&self) -> Vec<Token<'_>> {
        self.spans
            .iter()
            .map(|s| Token {
                start: s.start,
                end: s.end,
                lower: self.lower.get(s.lower.clone()).unwrap_or(""),
                kind: s.kind,
                capital: s.capital,
            })
            .collect()
    }

    /// `tokens` (from [`Tokenized::tokens`]) cut into one slice per range.
    pub fn ranges<'t, 'a>(&self, tokens: &'t [Token<'a>]) -> Vec<&'t [Token<'a>]> {
        let mut from = 0;
        self.ends
            .iter()
            .map(|&to| {
                let range = tokens.get(from..to).unwrap_or(&[]);
                from = to;
                range
            })
            .collect()
    }

    /// Tokenises `chars[start..end]` onto the spans and buffer, lower-casing each char as the
    /// scan takes it (one pass).
    fn push(&mut self, chars: &[char], start: usize, end: usize) {
        let end = end.min(chars.len());
        let at = |i: usize| chars.get(i).copied().unwrap_or(' ');
        let lower = &mut self.lower;
        let mut i = start;
        while i < end {
            let c = at(i);
            if c.is_whitespace() {
                i += 1;
                continue;
            }
            let s = i;
            let from = lower.len();
            push_lower(c, lower);
            i += 1;
            let kind = if numeral(c) {
                while i < end {
                    let d = at(i);
                    if numeral(d) || (matches!(d, ',' | '.') && i + 1 < end && numeral(at(i + 1))) {
                        push_lower(d, lower);
                        i += 1;
                    } else {
                        break;
                    }
                }
                // A number glued to letters ("3rd", "10km") stays one token.
                while i < end && letter(at(i)) {
                    push_lower(at(i), lower);
                    i += 1;
                }
                TokenKind::Number
            } else if letter(c) {
                while i < end {
                    let d = at(i);
                    if d.is_ascii_alphanumeric() {
                        // The common case, without the joiner and initialism checks.
                        lower.push(d.to_ascii_lowercase());
                        i += 1;
                    } else if letter_or_numeral(d)
                        || (joins_letters(d) && i + 1 < end && letter(at(i + 1)))
                    {
                        push_lower(d, lower);
                        i += 1;
                    } else if d == '.'
                        && i + 1 < end
                        && letter(at(i + 1))
                        && i - s == 1
                        && chars.get(i + 2).is_some_and(|e| *e == '.')
                    {
                        // Initialisms: "U.S", "a.m" (the final dot stays punctuation).
                        loop {
                            push_lower(d, lower);
                            push_lower(at(i + 1), lower);
                            i += 2;
                            if !(i + 1 < end
                                && chars.get(i).is_some_and(|e| *e == '.')
                                && chars.get(i + 1).is_some_and(|&e| letter(e))
                                && chars.get(i + 2).is_some_and(|e| *e == '.'))
                            {
                                break;
                            }
                        }
                        break;
                    } else {
                        break;
                    }
                }
                TokenKind::Word
            } else {
                TokenKind::Punct
            };
            self.spans.push(Span {
                start: s,
                end: i,
                lower: from..lower.len(),
                kind,
                capital: c.is_uppercase(),
            });
        }
    }
}

/// Chars that may join two letters inside one word.
fn joins_letters(c: char) -> bool {
    matches!(c, '-' | '\'' | '’' | '‐')
}

/// `c` lower-cased onto `out` (ASCII, Latin-1 and basic Cyrillic capitals without the
/// Unicode tables, a binary search per char).
fn push_lower(c: char, out: &mut String) {
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
    } else if let Some(l) = common_lower(c) {
        out.push(l);
    } else {
        out.extend(c.to_lowercase());
    }
}

/// Capitals whose lower case is a fixed offset away: Latin-1 "À".."Þ" (not "×") and Cyrillic
/// "Ѐ".."Џ" and "А".."Я", the capitals of the corpus's European languages.
const OFFSET_CAPITALS: &[(std::ops::RangeInclusive<char>, u32)] = &[
    // Latin-1 Supplement: À..Ö, Ø..Þ
    ('\u{C0}'..='\u{D6}', 0x20),
    ('\u{D8}'..='\u{DE}', 0x20),
    // Cyrillic: Ѐ..Џ (Ukrainian Є, І, Ї among them), А..Я
    ('\u{400}'..='\u{40F}', 0x50),
    ('\u{410}'..='\u{42F}', 0x20),
];

/// Lower-case letters and caseless letters of the same blocks, unchanged by lower-casing.
const UNCASED_OR_LOWER: &[std::ops::RangeInclusive<char>] = &[
    // Latin-1 Supplement: ß..ö, ø..ÿ
    '\u{DF}'..='\u{F6}',
    '\u{F8}'..='\u{FF}',
    // Cyrillic: а..џ
    '\u{430}'..='\u{45F}',
];

/// `c` lower-cased when it is one char of the ranges above, without the Unicode tables.
fn common_lower(c: char) -> Option<char> {
    if UNCASED_OR_LOWER.iter().any(|r| r.contains(&c)) {
        return Some(c);
    }
    OFFSET_CAPITALS
        .iter()
        .find(|(r, _)| r.contains(&c))
        .and_then(|(_, offset)| char::from_u32(u32::from(c) + offset))
}

/// Letters of Latin-1 Supplement and Latin Extended-A/B (but "×" and "÷") and of basic Cyrillic
/// ("Ѐ".."ҁ"): the non-ASCII letters of the corpus's European languages, answered without the
/// Unicode tables.
fn common_letter(c: char) -> bool {
    (('\u{C0}'..='\u{24F}').contains(&c) && c != '×' && c != '÷')
        || ('\u{400}'..='\u{481}').contains(&c)
}

/// The General Punctuation block (dashes, curly quotes, ellipsis, thin spaces): the most frequent
/// non-ASCII chars of news text, none of them a letter or numeral, so the Unicode tables (a slow
/// lookup outside ASCII) can be skipped for them.
const GENERAL_PUNCTUATION: std::ops::RangeInclusive<char> = '\u{2000}'..='\u{206F}';

/// Whether `c` is a letter (`char::is_alphabetic`).
pub(crate) fn letter(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphabetic();
    }
    common_letter(c) || (!GENERAL_PUNCTUATION.contains(&c) && c.is_alphabetic())
}

/// Whether `c` is a numeral (`char::is_numeric`).
fn numeral(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_digit();
    }
    !common_letter(c) && !GENERAL_PUNCTUATION.contains(&c) && c.is_numeric()
}

/// Whether `c` is a letter or numeral (`char::is_alphanumeric`).
pub(crate) fn letter_or_numeral(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    common_letter(c) || (!GENERAL_PUNCTUATION.contains(&c) && c.is_alphanumeric())
}

/// Typical chars per token, to size the token list once.
const CHARS_PER_TOKEN: usize = 5;

/// Tokenises `chars[start..end]` (read the tokens with [`Tokenized::tokens`]).
pub fn tokenize(chars: &[char], start: usize, end: usize) -> Tokenized {
    Tokenized::new(chars, [(start, end)])
}

/// The text of `chars[start..end]`.
pub fn slice(chars: &[char], start: usize, end: usize) -> String {
    chars
        .get(start.min(end)..end.min(chars.len()))
        .unwrap_or(&[])
        .iter()
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(s: &str) -> Vec<String> {
        let chars: Vec<char> = s.chars().collect();
        tokenize(&chars, 0, chars.len())
            .tokens()
            .into_iter()
            .map(|t| t.lower().to_string())
            .collect()
    }

    /// The shortcut of [`letter`] and [`numeral`] is exact only while the block holds none.
    #[test]
    fn general_punctuation_holds_no_letters_or_numerals() {
        for c in GENERAL_PUNCTUATION {
            assert!(!c.is_alphabetic() && !c.is_numeric(), "{c:?}");
        }
    }

    /// The shortcuts of [`letter`], [`numeral`], [`letter_or_numeral`] and [`push_lower`] give
    /// what the Unicode tables give, over all of ASCII and the blocks they shortcut.
    #[test]
    fn shortcuts_match_the_unicode_tables() {
        for c in ('\0'..='\u{4FF}').chain(GENERAL_PUNCTUATION) {
            assert_eq!(letter(c), c.is_alphabetic(), "{c:?}");
            assert_eq!(numeral(c), c.is_numeric(), "{c:?}");
            assert_eq!(letter_or_numeral(c), c.is_alphanumeric(), "{c:?}");
            let mut ours = String::new();
            push_lower(c, &mut ours);
            assert_eq!(ours, c.to_lowercase().collect::<String>(), "{c:?}");
        }
    }

    #[test]
    fn keeps_initialisms_numbers_and_hyphens() {
        assert_eq!(
            words("The U.S. sent 1,000 long-range missiles."),
            [
                "the",
                "u.s",
                ".",
                "sent",
                "1,000",
                "long-range",
                "missiles",
                "."
            ]
        );
        assert_eq!(
            words("«Так», — заявив"),
            ["«", "так", "»", ",", "—", "заявив"]
        );
    }
}
