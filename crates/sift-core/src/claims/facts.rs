//! Key facts, rule-based: numbers with what they count, dates, and named people, places and
//! organisations.

use std::sync::OnceLock;

use super::{in_table, FastMap, FastSet, TableSet};

use super::dates::DateMention;
use super::tokens::{slice, Token, TokenKind};
use crate::analysis::{Fact, Facts};

/// Scale and unit words that belong to the number before them.
const SCALES: &[&str] = &[
    "thousand",
    "million",
    "billion",
    "trillion",
    "percent",
    "per",
    "%",
    "tausend",
    "millionen",
    "milliarden",
    "prozent",
    "mille",
    "millions",
    "milliards",
    "pour",
    "mil",
    "millones",
    "por",
    "тис",
    "тисяч",
    "млн",
    "млрд",
    "тыс",
    "тысяч",
    "відсотків",
    "процентов",
];

/// Currency signs that belong to the number after them.
const CURRENCIES: &[char] = &['$', '€', '£', '₴', '₽', '¥'];

/// Words that never name what a number counts (function words in the six languages).
const STOPWORDS: &[&str] = &[
    "the", "a", "an", "of", "to", "in", "on", "at", "and", "or", "for", "by", "with", "from", "is",
    "was", "are", "were", "be", "that", "this", "it", "as", "than", "more", "about", "der", "die",
    "das", "und", "von", "zu", "im", "mit", "le", "la", "les", "de", "des", "du", "et", "en", "el",
    "los", "las", "y", "que", "del", "і", "та", "в", "у", "на", "з", "и", "с", "по", "до", "від",
    "от",
];

/// Words inside a capitalised name that make it an organisation.
const ORGANISATION_WORDS: &[&str] = &[
    "ministry",
    "party",
    "council",
    "committee",
    "agency",
    "university",
    "bank",
    "army",
    "forces",
    "administration",
    "government",
    "office",
    "news",
    "times",
    "post",
    "inc",
    "corp",
    "company",
    "group",
    "association",
    "union",
    "institute",
    "commission",
    "department",
    "parliament",
    "congress",
    "senate",
    "court",
    "police",
    "reuters",
    "kremlin",
    "nato",
    "novosti",
    "press",
    "ministerium",
    "partei",
    "regierung",
    "ministère",
    "gouvernement",
    "ministerio",
    "gobierno",
    "міністерство",
    "уряд",
    "рада",
    "министерство",
    "правительство",
];

/// Words inside or before a capitalised name that make it a place.
const PLACE_WORDS: &[&str] = &[
    "oblast",
    "city",
    "region",
    "province",
    "state",
    "county",
    "river",
    "island",
    "street",
    "square",
    "district",
    "область",
    "місто",
    "город",
    "район",
];

/// Prepositions after which a capitalised name is usually a place.
const PLACE_PREPOSITIONS: &[&str] = &[
    "in", "from", "near", "to", "across", "into", "nach", "à", "в", "у",
];

/// Titles and roles that precede a person's name (and are dropped from it).
const TITLES: &[&str] = &[
    "president",
    "prime",
    "minister",
    "spokesperson",
    "spokesman",
    "spokeswoman",
    "secretary",
    "senator",
    "sen",
    "rep",
    "gov",
    "governor",
    "mr",
    "mrs",
    "ms",
    "dr",
    "prof",
    "general",
    "gen",
    "chancellor",
    "king",
    "queen",
    "pope",
    "mayor",
    "judge",
    "chief",
    "press",
    "presidential",
    "foreign",
    "defense",
    "defence",
    "deputy",
    "former",
    "lawmaker",
    "ceo",
    "präsident",
    "kanzler",
    "kanzlerin",
    "président",
    "presidente",
    "президент",
    "прем'єр",
    "речник",
    "пресс-секретарь",
    "міністр",
    "министр",
];

/// Most entities listed.
const MAX_ENTITIES: usize = 15;
/// Most numbers listed.
const MAX_NUMBERS: usize = 20;
/// Most words taken as what a number counts.
const MAX_COUNTED_WORDS: usize = 2;

/// Finds the key facts of the sentences (token lists) of one article; `date_lists` holds each
/// sentence's date mentions ([`super::dates::find`]).
pub fn find(chars: &[char], sentences: &[&[Token]], date_lists: &[Vec<DateMention>]) -> Facts {
    let mut facts = Facts::default();
    let mut entity_index: FastMap<String, (usize, usize)> = FastMap::default();
    let mut entities: Vec<(Fact, usize)> = Vec::new();
    // Texts of the numbers already kept: a set, so deduplication stays linear on long articles.
    let mut seen_numbers: FastSet<String> = FastSet::default();
    for (tokens, mentions) in sentences.iter().zip(date_lists) {
        let in_date = |k: usize| mentions.iter().any(|m| (m.first..m.last).contains(&k));
        for m in mentions {
            if let (Some(a), Some(b)) = (
                tokens.get(m.first),
                m.last.checked_sub(1).and_then(|l| tokens.get(l)),
            ) {
                facts.dates.push(Fact {
                    text: slice(chars, a.start, b.end),
                    kind: m.iso.clone().unwrap_or_else(|| "unresolved".to_string()),
                    span: [a.start, b.end],
                });
            }
        }
        numbers(
            chars,
            tokens,
            &in_date,
            &mut facts.numbers,
            &mut seen_numbers,
        );
        names(chars, tokens, &mut entity_index, &mut entities);
    }
    facts.numbers.truncate(MAX_NUMBERS);
    // Unstable sorts below give the stable order: no two keys are equal (each entity starts at
    // its own first mention).
    entities.sort_unstable_by(|a, b| b.1.cmp(&a.1).then(a.0.span[0].cmp(&b.0.span[0])));
    facts.entities = entities
        .into_iter()
        .take(MAX_ENTITIES)
        .map(|(f, _)| f)
        .collect();
    facts
}

/// Numbers with their scale and the noun they count ("1,000 new members").
fn numbers(
    chars: &[char],
    tokens: &[Token],
    in_date: &dyn Fn(usize) -> bool,
    out: &mut Vec<Fact>,
    seen: &mut FastSet<String>,
) {
    for (i, t) in tokens.iter().enumerate() {
        // Only the first MAX_NUMBERS are kept: stop looking once they are found.
        if out.len() >= MAX_NUMBERS {
            return;
        }
        if t.kind != TokenKind::Number || in_date(i) {
            continue;
        }
        let is_year =
            t.lower().len() == 4 && t.lower().starts_with(['1', '2']) && !t.lower().contains(',');
        let mut start = t.start;
        if let Some(prev) = i.checked_sub(1).and_then(|p| tokens.get(p)) {
            if prev
                .lower()
                .chars()
                .next()
                .is_some_and(|c| CURRENCIES.contains(&c))
            {
                start = prev.start;
            }
        }
        let mut j = i + 1;
        let mut kind = String::new();
        while tokens.get(j).is_some_and(|n| SCALES.contains(&n.lower())) {
            if let Some(n) = tokens.get(j) {
                kind = n.lower().to_string();
            }
            j += 1;
        }
        let mut counted = 0;
        while counted < MAX_COUNTED_WORDS {
            match tokens.get(j) {
                Some(n) if n.is_word() && !n.capital && !STOPWORDS.contains(&n.lower()) => {
                    kind = n.lower().to_string();
                    counted += 1;
                    j += 1;
                }
                _ => break,
            }
        }
        if is_year && kind.is_empty() {
            continue;
        }
        let end = j
            .checked_sub(1)
            .and_then(|l| tokens.get(l))
            .map_or(t.end, |l| l.end);
        if kind.is_empty() {
            kind = "number".to_string();
        }
        let text = slice(chars, start, end);
        if seen.insert(text.clone()) {
            out.push(Fact {
                text,
                kind,
                span: [start, end],
            });
        }
    }
}

/// Whether `word` is a title ([`TITLES`]).
fn is_title(word: &str) -> bool {
    static SET: OnceLock<TableSet> = OnceLock::new();
    in_table(&SET, TITLES, word)
}

/// Whether `word` is an organisation word ([`ORGANISATION_WORDS`]).
fn is_organisation_word(word: &str) -> bool {
    static SET: OnceLock<TableSet> = OnceLock::new();
    in_table(&SET, ORGANISATION_WORDS, word)
}

/// Whether `word` is a place word ([`PLACE_WORDS`]).
fn is_place_word(word: &str) -> bool {
    static SET: OnceLock<TableSet> = OnceLock::new();
    in_table(&SET, PLACE_WORDS, word)
}

/// Runs of capitalised words, classified as person, place or organisation.
fn names(
    chars: &[char],
    tokens: &[Token],
    index: &mut FastMap<String, (usize, usize)>,
    out: &mut Vec<(Fact, usize)>,
) {
    let mut i = 0;
    while i < tokens.len() {
        let Some(t) = tokens.get(i) else { break };
        if !(t.is_word() && t.capital) {
            i += 1;
            continue;
        }
        let mut j = i;
        while tokens.get(j).is_some_and(|n| n.is_word() && n.capital) {
            j += 1;
        }
        let run = tokens.get(i..j).unwrap_or(&[]);
        let titled = run.iter().any(|n| is_title(n.lower()));
        // Drop leading titles and the adjectives before them ("Russian President Vladimir Putin").
        let mut a = 0;
        while a < run.len() {
            let here = run.get(a).is_some_and(|n| is_title(n.lower()));
            let next = run.get(a + 1).is_some_and(|n| is_title(n.lower()));
            if here || next {
                a += 1;
            } else {
                break;
            }
        }
        let name = run.get(a..).unwrap_or(&[]);
        let prev = i.checked_sub(1).and_then(|p| tokens.get(p));
        let at_sentence_start = i == 0
            || prev.is_some_and(|p| !p.is_word() && p.kind == TokenKind::Punct && !p.is(','));
        let kind = if run.iter().any(|n| is_organisation_word(n.lower()))
            || (name.len() == 1
                && name.first().is_some_and(|n| {
                    n.lower().chars().count() >= 3
                        && n.lower().chars().all(|c| c.is_alphabetic())
                        && chars
                            .get(n.start..n.end)
                            .is_some_and(|cs| cs.iter().all(|c| c.is_uppercase()))
                })) {
            Some("organisation")
        } else if run.iter().any(|n| is_place_word(n.lower()))
            || prev.is_some_and(|p| PLACE_PREPOSITIONS.contains(&p.lower()))
        {
            Some("place")
        } else if name.len() >= 2 || (titled && !name.is_empty()) {
            Some("person")
        } else {
            None
        };
        // A lone capitalised word opening a sentence is usually just a sentence's first word.
        let lone_opener = at_sentence_start && run.len() == 1;
        if let (Some(kind), Some(first), Some(last)) = (kind, name.first(), name.last()) {
            if !lone_opener {
                let text = slice(chars, first.start, last.end);
                match index.get(&text) {
                    Some(&(k, _)) => {
                        if let Some(e) = out.get_mut(k) {
                            e.1 += 1;
                        }
                    }
                    None => {
                        index.insert(text.clone(), (out.len(), 1));
                        out.push((
                            Fact {
                                text,
                                kind: kind.to_string(),
                                span: [first.start, last.end],
                            },
                            1,
                        ));
                    }
                }
            }
        }
        i = j.max(i + 1);
    }
}

#[cfg(test)]
mod tests {
    use super::super::tokens::tokenize;
    use super::*;
    use crate::lang::Lang;

    #[test]
    fn numbers_dates_and_names() {
        let text =
            "Goal: 1,000 new members by Nov. 18. Russian President Vladimir Putin spoke in Minsk. \
                    Kremlin spokesperson Dmitry Peskov met NATO officials and paid $3.5 billion.";
        let chars: Vec<char> = text.chars().collect();
        let tokenized = tokenize(&chars, 0, chars.len());
        let all = tokenized.tokens();
        let tokens = [all.as_slice()];
        let published = crate::claims::dates::Civil::parse_iso("2024-11-19");
        let date_lists = [crate::claims::dates::find(&all, published, Lang::En)];
        let facts = find(&chars, &tokens, &date_lists);
        let numbers: Vec<(&str, &str)> = facts
            .numbers
            .iter()
            .map(|f| (f.text.as_str(), f.kind.as_str()))
            .collect();
        assert_eq!(
            numbers,
            [
                ("1,000 new members", "members"),
                ("$3.5 billion", "billion")
            ]
        );
        assert_eq!(
            facts.dates.first().map(|d| d.kind.as_str()),
            Some("2024-11-18")
        );
        let entities: Vec<(&str, &str)> = facts
            .entities
            .iter()
            .map(|f| (f.text.as_str(), f.kind.as_str()))
            .collect();
        assert!(
            entities.contains(&("Vladimir Putin", "person")),
            "{entities:?}"
        );
        assert!(
            entities.contains(&("Dmitry Peskov", "person")),
            "{entities:?}"
        );
        assert!(entities.contains(&("Minsk", "place")), "{entities:?}");
        assert!(entities.contains(&("NATO", "organisation")), "{entities:?}");
    }
}
