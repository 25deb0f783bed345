//! Summary: the article's key sentences, verbatim, chosen by centrality, position and the presence
//! of attributions, numbers and names, with near-duplicates removed and shown in article order.

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

use super::tokens::{Token, TokenKind};

/// What the selector knows about one sentence.
pub struct Candidate<'a> {
    /// Its tokens.
    pub tokens: &'a [Token],
    /// Whether an attribution was found in it.
    pub attributed: bool,
    /// Index of its paragraph.
    pub paragraph: usize,
    /// Whether its paragraph reads as a photo caption (ends with a credit in brackets).
    pub caption: bool,
}

/// Function words left out of centrality and redundancy (six languages).
const STOPWORDS: &[&str] = &[
    "the", "a", "an", "of", "to", "in", "on", "at", "and", "or", "for", "by", "with", "from", "is",
    "was", "are", "were", "be", "been", "has", "have", "had", "that", "this", "it", "its", "as",
    "but", "not", "he", "she", "they", "his", "her", "their", "will", "would", "said", "says",
    "who", "which", "after", "into", "than", "also", "more", "about", "over", "there", "can",
    "der", "die", "das", "und", "ist", "nicht", "mit", "sich", "auf", "ein", "eine", "den", "le",
    "la", "les", "et", "des", "est", "une", "dans", "pour", "qui", "du", "un", "el", "los", "las",
    "y", "que", "del", "una", "por", "con", "se", "de", "en", "і", "та", "що", "не", "на", "як",
    "до", "за", "це", "від", "и", "что", "это", "как", "по",
];

/// Words of address typical of fundraising and signup copy rather than reporting ("our readers",
/// "help us", "you").
const ADDRESS_WORDS: &[&str] = &[
    "we", "our", "us", "you", "your", "we're", "we’re", "you're", "you’re", "wir", "unsere", "sie",
    "nous", "notre", "vous", "nosotros", "nuestro", "usted", "ми", "наш", "ви", "мы", "вы",
];

/// Fewest words in a summary sentence.
const MIN_WORDS: usize = 8;
/// Most words in a summary sentence.
const MAX_WORDS: usize = 70;
/// Share of a sentence's content words already in the summary above which it is redundant.
const MAX_OVERLAP: f64 = 0.5;
/// Content words are compared on this many leading chars (a crude stemmer for six languages).
const STEM_CHARS: usize = 6;
/// Weight of each feature in a sentence's score.
const W_CENTRALITY: f64 = 1.0;
const W_POSITION: f64 = 2.0;
const W_ATTRIBUTION: f64 = 0.2;
const W_NUMBER: f64 = 0.1;
const W_NAME: f64 = 0.03;
const W_ADDRESS: f64 = 3.0;
const W_REPEATED: f64 = 1.0;
/// Penalty for a sentence of a photo caption.
const W_CAPTION: f64 = 1.5;
/// Penalty per ten words beyond [`LONG_SENTENCE_WORDS`] (key claims read best short).
const W_LONG: f64 = 0.3;
/// Length in words above which a sentence starts to lose score.
const LONG_SENTENCE_WORDS: f64 = 22.0;
/// Position weight halves every this many candidate sentences.
const POSITION_HALF_LIFE: f64 = 4.0;

/// Words of a photo credit in brackets closing a caption ("(Contributor/Getty Images)").
const CREDIT_WORDS: &[&str] = &[
    "getty",
    "images",
    "photo",
    "photos",
    "ap",
    "reuters",
    "afp",
    "epa",
    "foto",
    "фото",
    "shutterstock",
    "contributor",
    "courtesy",
    "file",
];

/// Whether `tokens` (a paragraph's last sentence) end with a bracketed photo credit.
pub fn ends_with_credit(tokens: &[Token]) -> bool {
    let Some(last) = tokens.iter().rposition(|t| t.is(')')) else {
        return false;
    };
    if tokens.iter().skip(last + 1).any(|t| t.is_word()) {
        return false;
    }
    let Some(open) = tokens
        .get(..last)
        .and_then(|b| b.iter().rposition(|t| t.is('(')))
    else {
        return false;
    };
    tokens.get(open..last).is_some_and(|inside| {
        inside
            .iter()
            .any(|t| t.is('/') || CREDIT_WORDS.contains(&t.lower.as_str()))
    })
}

/// The stem of a content word, or `None` for function words, numbers and punctuation.
fn stem(t: &Token) -> Option<&str> {
    static STOP: OnceLock<HashSet<&'static str>> = OnceLock::new();
    let stop = STOP.get_or_init(|| STOPWORDS.iter().copied().collect());
    if t.kind != TokenKind::Word || t.lower.chars().count() < 3 || stop.contains(t.lower.as_str()) {
        return None;
    }
    let cut = t
        .lower
        .char_indices()
        .nth(STEM_CHARS)
        .map_or(t.lower.len(), |(i, _)| i);
    t.lower.get(..cut)
}

/// Share of a sentence's content words found in another sentence above which both are taken as
/// repeated boilerplate (a fundraising line printed twice).
const REPEAT_OVERLAP: f64 = 0.7;
/// Only this many sentences are compared for repeats (bounds the quadratic pass).
const REPEAT_WINDOW: usize = 250;

/// Which sentences nearly repeat another one. Stems are interned to numbers and compared as
/// sorted lists (a merge per pair).
fn repeated_sentences(stems: &[HashSet<&str>]) -> Vec<bool> {
    let mut ids: HashMap<&str, u32> = HashMap::new();
    let lists: Vec<Vec<u32>> = stems
        .iter()
        .take(REPEAT_WINDOW)
        .map(|set| {
            let mut list: Vec<u32> = set
                .iter()
                .map(|s| {
                    let next = ids.len() as u32;
                    *ids.entry(*s).or_insert(next)
                })
                .collect();
            list.sort_unstable();
            list
        })
        .collect();
    let mut out = vec![false; stems.len()];
    for (i, a) in lists.iter().enumerate() {
        for (j, b) in lists.iter().enumerate().skip(i + 1) {
            let small = a.len().min(b.len());
            if small < 3 {
                continue;
            }
            let (mut x, mut y, mut shared) = (0, 0, 0usize);
            while let (Some(p), Some(q)) = (a.get(x), b.get(y)) {
                match p.cmp(q) {
                    std::cmp::Ordering::Less => x += 1,
                    std::cmp::Ordering::Greater => y += 1,
                    std::cmp::Ordering::Equal => {
                        shared += 1;
                        x += 1;
                        y += 1;
                    }
                }
            }
            if shared as f64 >= REPEAT_OVERLAP * small as f64 {
                for k in [i, j] {
                    if let Some(flag) = out.get_mut(k) {
                        *flag = true;
                    }
                }
            }
        }
    }
    out
}

/// Picks `count` sentences; returns their indices in article order.
pub fn select(candidates: &[Candidate<'_>], count: usize) -> Vec<usize> {
    let stems: Vec<HashSet<&str>> = candidates
        .iter()
        .map(|c| c.tokens.iter().filter_map(stem).collect())
        .collect();
    let mut frequency: HashMap<&str, usize> = HashMap::new();
    for set in &stems {
        for s in set {
            *frequency.entry(*s).or_default() += 1;
        }
    }
    let repeated = repeated_sentences(&stems);
    let mut eligible_rank = 0usize;
    let mut scored: Vec<(usize, f64)> = Vec::new();
    for (i, c) in candidates.iter().enumerate() {
        let words = c
            .tokens
            .iter()
            .filter(|t| t.is_word() || t.kind == TokenKind::Number)
            .count();
        if !(MIN_WORDS..=MAX_WORDS).contains(&words) {
            continue;
        }
        let Some(set) = stems.get(i) else { continue };
        if set.is_empty() {
            continue;
        }
        let centrality = set
            .iter()
            .map(|s| (frequency.get(*s).copied().unwrap_or(1) as f64).ln())
            .sum::<f64>()
            / (set.len() as f64).sqrt()
            / 2.0;
        let position = 0.5f64.powf(eligible_rank as f64 / POSITION_HALF_LIFE);
        eligible_rank += 1;
        let numbers = c.tokens.iter().any(|t| t.kind == TokenKind::Number);
        let names = c
            .tokens
            .iter()
            .skip(1)
            .filter(|t| t.is_word() && t.capital)
            .count()
            .min(4);
        let address = c
            .tokens
            .iter()
            .any(|t| ADDRESS_WORDS.contains(&t.lower.as_str()));
        let repeated = repeated.get(i).copied().unwrap_or(false);
        let long = (words as f64 - LONG_SENTENCE_WORDS).max(0.0) / 10.0;
        let score = W_CENTRALITY * centrality
            + W_POSITION * position
            + W_ATTRIBUTION * f64::from(u8::from(c.attributed))
            + W_NUMBER * f64::from(u8::from(numbers))
            + W_NAME * names as f64
            - W_ADDRESS * f64::from(u8::from(address))
            - W_REPEATED * f64::from(u8::from(repeated))
            - W_CAPTION * f64::from(u8::from(c.caption))
            - W_LONG * long;
        scored.push((i, score));
    }
    scored.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    let mut chosen: Vec<usize> = Vec::new();
    let mut covered: HashSet<&str> = HashSet::new();
    for (i, _) in scored {
        if chosen.len() == count {
            break;
        }
        let Some(set) = stems.get(i) else { continue };
        let overlap =
            set.iter().filter(|s| covered.contains(*s)).count() as f64 / set.len().max(1) as f64;
        if overlap > MAX_OVERLAP {
            continue;
        }
        covered.extend(set.iter().copied());
        chosen.push(i);
    }
    chosen.sort_unstable();
    chosen
}
