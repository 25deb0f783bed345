//! Summary: the article's key sentences, verbatim, chosen by centrality, position and the presence
//! of attributions, numbers and names, with near-duplicates removed and shown in article order.

use std::sync::OnceLock;

use super::{in_table, FastMap, TableSet};

use super::tokens::{Token, TokenKind};

/// What the selector knows about one sentence.
pub struct Candidate<'a> {
    /// Its tokens.
    pub tokens: &'a [Token<'a>],
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

/// A link's "click" in each language ("Click here to download"): it addresses the reader too.
const CLICK_WORDS: &[&str] = &[
    "click",
    "klicken",
    "cliquez",
    "clic",
    "натисніть",
    "нажмите",
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
            .any(|t| t.is('/') || CREDIT_WORDS.contains(&t.lower()))
    })
}

/// Words of a bracketed note placing someone in a photo ("(pictured)", "(second left)", "(links)",
/// "(à droite)", "(справа)"): a caption's, not the article's.
const PHOTO_POSITION_WORDS: &[&str] = &[
    // English
    "pictured",
    "l-r",
    "file",
    "left",
    "right",
    "centre",
    "center",
    "above",
    "below",
    "inset",
    // German
    "links",
    "rechts",
    "mitte",
    "oben",
    "unten",
    "bild",
    // French
    "gauche",
    "droite",
    "ci-dessus",
    "ci-dessous",
    // Spanish
    "izquierda",
    "derecha",
    "arriba",
    "abajo",
    // Russian
    "слева",
    "справа",
    "центре",
    "снимке",
    // Ukrainian
    "ліворуч",
    "праворуч",
    "центрі",
    "світлині",
];

/// Short words a photo-position note may hold beside a position ("second left", "far right",
/// "im Bild", "à gauche", "на фото").
const PHOTO_POSITION_FILLERS: &[&str] = &[
    "second", "third", "far", "from", "top", "bottom", "front", "back", "and", "with", "picture",
    "im", "à", "au", "en", "la", "a", "на", "в", "фото", "foto", "photo",
];

/// Most words in a photo-position note.
const PHOTO_NOTE_MAX_WORDS: usize = 3;

/// Whether `tokens` (a sentence) hold a bracketed photo-position note: the sentence is a caption.
pub fn places_in_photo(tokens: &[Token]) -> bool {
    let mut open = None;
    for (i, t) in tokens.iter().enumerate() {
        if t.is('(') {
            open = Some(i);
        } else if t.is(')') {
            let Some(inside) = open.take().and_then(|o| tokens.get(o + 1..i)) else {
                continue;
            };
            let words = || inside.iter().filter(|t| t.is_word());
            let only_words = inside.iter().all(|t| t.is_word() || t.is(','));
            if only_words
                && words().count() <= PHOTO_NOTE_MAX_WORDS
                && words().any(|w| PHOTO_POSITION_WORDS.contains(&w.lower()))
                && words().all(|w| {
                    PHOTO_POSITION_WORDS.contains(&w.lower())
                        || PHOTO_POSITION_FILLERS.contains(&w.lower())
                })
            {
                return true;
            }
        }
    }
    false
}

/// The stem of a content word, or `None` for function words, numbers and punctuation.
fn stem<'a>(t: &Token<'a>) -> Option<&'a str> {
    static STOP: OnceLock<TableSet> = OnceLock::new();
    if t.kind != TokenKind::Word
        || t.lower().chars().nth(2).is_none()
        || in_table(&STOP, STOPWORDS, t.lower())
    {
        return None;
    }
    let cut = t
        .lower()
        .char_indices()
        .nth(STEM_CHARS)
        .map_or(t.lower().len(), |(i, _)| i);
    t.lower().get(..cut)
}

/// Whether a sentence uses words of address.
fn addresses_reader(tokens: &[Token]) -> bool {
    static ADDRESS: OnceLock<TableSet> = OnceLock::new();
    static CLICK: OnceLock<TableSet> = OnceLock::new();
    tokens.iter().any(|t| {
        t.is_word()
            && (in_table(&ADDRESS, ADDRESS_WORDS, t.lower())
                || in_table(&CLICK, CLICK_WORDS, t.lower()))
    })
}

/// Share of a sentence's content words found in another sentence above which both are taken as
/// repeated boilerplate (a fundraising line printed twice).
const REPEAT_OVERLAP: f64 = 0.7;
/// Only this many sentences are compared for repeats (bounds the worst case).
const REPEAT_WINDOW: usize = 250;

/// Number of shared ids of two sorted id lists (a merge).
fn shared_ids(a: &[u32], b: &[u32]) -> usize {
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
    shared
}

/// For each stem id, the sentences holding it, in order: one flat list cut at `starts` (two passes,
/// no list per id).
struct Postings {
    /// Where each id's sentences begin in `sentences`; one more entry than ids.
    starts: Vec<usize>,
    /// The sentence indices of every id, id after id.
    sentences: Vec<u32>,
}

impl Postings {
    /// The postings of `sets` (sorted stem ids per sentence) over `ids` ids.
    fn new(sets: &[&[u32]], ids: usize) -> Self {
        let mut starts = vec![0usize; ids + 1];
        for &id in sets.iter().copied().flatten() {
            if let Some(n) = starts.get_mut(id as usize + 1) {
                *n += 1;
            }
        }
        for k in 1..starts.len() {
            let before = starts.get(k - 1).copied().unwrap_or(0);
            if let Some(n) = starts.get_mut(k) {
                *n += before;
            }
        }
        let mut next = starts.clone();
        let mut sentences = vec![0u32; starts.last().copied().unwrap_or(0)];
        for (i, set) in sets.iter().enumerate() {
            for &id in *set {
                let Some(at) = next.get_mut(id as usize) else {
                    continue;
                };
                if let Some(slot) = sentences.get_mut(*at) {
                    *slot = i as u32;
                }
                *at += 1;
            }
        }
        Self { starts, sentences }
    }

    /// The sentences holding stem `id`, in order.
    fn of(&self, id: u32) -> &[u32] {
        let id = id as usize;
        match (self.starts.get(id), self.starts.get(id + 1)) {
            (Some(&a), Some(&b)) => self.sentences.get(a..b).unwrap_or(&[]),
            _ => &[],
        }
    }
}

/// Which sentences nearly repeat another one (share at least [`REPEAT_OVERLAP`] of the smaller
/// one's stems). `sets` are sorted stem ids; `frequency` counts sentences per id. Prefix
/// filtering keeps it near linear: a pair that shares that much must share one of the
/// `len - ceil(0.7 len) + 1` rarest stems of its smaller sentence, so each sentence is compared
/// only with the sentences holding one of those, then verified by a merge.
fn repeated_sentences(sets: &[&[u32]], frequency: &[u32]) -> Vec<bool> {
    let window = sets.len().min(REPEAT_WINDOW);
    let postings = Postings::new(sets.get(..window).unwrap_or(&[]), frequency.len());
    let mut out = vec![false; sets.len()];
    let mut checked_for = vec![usize::MAX; window];
    let mut rare: Vec<u32> = Vec::new();
    for (i, a) in sets.iter().take(window).enumerate() {
        if a.len() < 3 {
            continue;
        }
        let need = (REPEAT_OVERLAP * a.len() as f64).ceil() as usize;
        let prefix = a.len().saturating_sub(need) + 1;
        rare.clear();
        rare.extend_from_slice(a);
        // Ids are distinct, so no two keys are equal and an unstable sort gives the one order.
        rare.sort_unstable_by_key(|id| (frequency.get(*id as usize).copied().unwrap_or(0), *id));
        for id in rare.iter().take(prefix) {
            for &j in postings.of(*id) {
                let j = j as usize;
                if j == i || checked_for.get(j) == Some(&i) {
                    continue;
                }
                if let Some(c) = checked_for.get_mut(j) {
                    *c = i;
                }
                let Some(b) = sets.get(j) else { continue };
                // The pair is found from its smaller sentence (both, when of equal size).
                if b.len() < a.len() {
                    continue;
                }
                if shared_ids(a, b) as f64 >= REPEAT_OVERLAP * a.len() as f64 {
                    for k in [i, j] {
                        if let Some(flag) = out.get_mut(k) {
                            *flag = true;
                        }
                    }
                }
            }
        }
    }
    out
}

/// Each candidate's content stems as sorted, deduplicated ids, and each id's sentence count.
/// The ids of all candidates share one list (`StemSets::ids`); `StemSets::ranges` cut it.
fn stem_sets(candidates: &[Candidate<'_>]) -> StemSets {
    let tokens: usize = candidates.iter().map(|c| c.tokens.len()).sum();
    let mut ids: FastMap<&str, u32> =
        FastMap::with_capacity_and_hasher(tokens / 2, Default::default());
    let mut out = StemSets {
        ids: Vec::with_capacity(tokens / 2),
        ranges: Vec::with_capacity(candidates.len()),
        frequency: Vec::new(),
    };
    // One sentence's ids, reused from sentence to sentence.
    let mut set: Vec<u32> = Vec::new();
    for c in candidates {
        set.clear();
        set.extend(c.tokens.iter().filter_map(stem).map(|s| {
            let next = ids.len() as u32;
            *ids.entry(s).or_insert(next)
        }));
        set.sort_unstable();
        set.dedup();
        for &id in &set {
            match out.frequency.get_mut(id as usize) {
                Some(f) => *f += 1,
                None => out.frequency.push(1),
            }
        }
        let from = out.ids.len();
        out.ids.extend_from_slice(&set);
        out.ranges.push(from..out.ids.len());
    }
    out
}

/// The stem sets of [`stem_sets`].
struct StemSets {
    /// Every candidate's sorted stem ids, candidate after candidate.
    ids: Vec<u32>,
    /// Each candidate's range in `ids`.
    ranges: Vec<std::ops::Range<usize>>,
    /// Sentences holding each id.
    frequency: Vec<u32>,
}

/// Picks `count` sentences; returns their indices in article order.
pub fn select(candidates: &[Candidate<'_>], count: usize) -> Vec<usize> {
    let StemSets {
        ids,
        ranges,
        frequency,
    } = stem_sets(candidates);
    let stems: Vec<&[u32]> = ranges
        .into_iter()
        .map(|r| ids.get(r).unwrap_or(&[]))
        .collect();
    let repeated = repeated_sentences(&stems, &frequency);
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
            .map(|s| f64::from(frequency.get(*s as usize).copied().unwrap_or(1)).ln())
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
        let address = addresses_reader(c.tokens);
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
    // Sentence indices are distinct: an unstable sort gives the one order.
    scored.sort_unstable_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    let mut chosen: Vec<usize> = Vec::new();
    let mut covered = vec![false; frequency.len()];
    for (i, _) in scored {
        if chosen.len() == count {
            break;
        }
        let Some(set) = stems.get(i) else { continue };
        let overlap = set
            .iter()
            .filter(|s| covered.get(**s as usize).copied().unwrap_or(false))
            .count() as f64
            / set.len().max(1) as f64;
        if overlap > MAX_OVERLAP {
            continue;
        }
        for s in *set {
            if let Some(c) = covered.get_mut(*s as usize) {
                *c = true;
            }
        }
        chosen.push(i);
    }
    chosen.sort_unstable();
    chosen
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::claims::tokens::tokenize;

    fn in_photo(sentence: &str) -> bool {
        let chars: Vec<char> = sentence.chars().collect();
        places_in_photo(&tokenize(&chars, 0, chars.len()).tokens())
    }

    #[test]
    fn photo_position_notes_mark_captions_in_each_language() {
        for caption in [
            "Debra and Dale Krein (pictured) have been awarded $240,000.",
            "Lexy Wood, 13 (back left), has apologized to Rebecca Boyd (right).",
            "Dominic Solanke (second right) scores for Chelsea.",
            "(L-R) Tobin Heath, Alex Morgan and Sydne Leroux pose in their new kits.",
            "Aaron Hernandez during his trial for murder (file photo) in Fall River.",
            "Die Ministerin (links) und der Kanzler (Mitte) beim Treffen.",
            "Le président (à droite) accueille son homologue.",
            "El ministro (izquierda) saluda al presidente.",
            "Министр (справа) и президент на встрече.",
            "Міністр (ліворуч) під час зустрічі.",
        ] {
            assert!(in_photo(caption), "{caption}");
        }
    }

    #[test]
    fn calls_to_click_address_the_reader() {
        let addresses = |s: &str| {
            let chars: Vec<char> = s.chars().collect();
            addresses_reader(&tokenize(&chars, 0, chars.len()).tokens())
        };
        assert!(addresses("Click here for more information."));
        assert!(addresses("Hier klicken, um das Spiel herunterzuladen."));
        assert!(!addresses("The minister said the game is out in May."));
    }

    #[test]
    fn other_brackets_do_not() {
        for sentence in [
            "Kremlin spokesperson Dmitry Peskov attends a press conference (Contributor/Getty Images).",
            "Oversight Chairman Jason Chaffetz (R-Utah) said in a statement.",
            "The party (left of centre since 1990) won the vote.",
            "Voters on the left (and many on the right) agreed.",
            "He turned right (after the bridge) and stopped.",
            "Prices rose 3% (left unchanged in March).",
        ] {
            assert!(!in_photo(sentence), "{sentence}");
        }
    }
}
