//! Key claims: the summary sentences, who said what, and key facts, all verbatim from the article.
//!
//! Entry points: [`analyze`] (the product's 3–5 sentence summary) and [`analyze_with`] (a fixed
//! summary length, as the evaluation uses). Stages, each its own module: [`sentences`]
//! (segmentation), [`tokens`], [`attribution`] (who said what), [`dates`] (date mentions resolved
//! against the published date), [`facts`] (numbers, dates, names), [`summary`] (sentence
//! selection). One pass over the text for tokens, then linear passes per sentence.

pub mod attribution;
pub mod dates;
pub mod facts;
pub mod sentences;
pub mod summary;
pub mod tokens;

use std::hash::{BuildHasherDefault, Hasher};

use crate::analysis::{Article, Attribution, Facts, SummaryItem};
use crate::lang::Lang;

/// A fast, non-cryptographic hasher for the short keys of the claims stages (words, stems):
/// the Fx multiply-rotate scheme. The maps hold only the page's own words, so resistance to
/// crafted collisions is not needed, and SipHash was a visible share of the per-page time.
#[derive(Default, Clone, Copy)]
pub struct FastHasher {
    hash: u64,
}

/// Multiplier of [`FastHasher`] (from rustc's FxHasher).
const FX_SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

impl FastHasher {
    fn add(&mut self, word: u64) {
        self.hash = (self.hash.rotate_left(5) ^ word).wrapping_mul(FX_SEED);
    }
}

impl Hasher for FastHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let mut word = [0u8; 8];
            word.copy_from_slice(chunk);
            self.add(u64::from_le_bytes(word));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            // The tail zero-padded, little-endian, as `u64::from_le_bytes` of a padded copy would
            // read it, without the variable-length copy (a `memcpy` call per short key).
            let word = rest
                .iter()
                .enumerate()
                .fold(0u64, |w, (k, &b)| w | u64::from(b) << (8 * k));
            self.add(word);
        }
    }

    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }

    fn write_u32(&mut self, i: u32) {
        self.add(u64::from(i));
    }

    fn write_u64(&mut self, i: u64) {
        self.add(i);
    }

    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }

    fn finish(&self) -> u64 {
        self.hash
    }
}

/// A `HashMap` with [`FastHasher`].
pub type FastMap<K, V> = std::collections::HashMap<K, V, BuildHasherDefault<FastHasher>>;
/// A `HashSet` with [`FastHasher`].
pub type FastSet<K> = std::collections::HashSet<K, BuildHasherDefault<FastHasher>>;

/// Summary, attributions and facts of one article.
#[derive(Debug, Clone, Default)]
pub struct Claims {
    /// Key sentences in article order.
    pub summary: Vec<SummaryItem>,
    /// Who said what.
    pub attributions: Vec<Attribution>,
    /// Numbers, dates, names.
    pub facts: Facts,
}

/// Words of at least this many bytes pass [`WordFilter`] unchecked (its masks hold shorter ones).
const FILTER_MAX_LEN: usize = 64;

/// A quick pre-check of a word table: for each first byte, the byte lengths of its words. Most
/// words of a page share no first byte and length with any entry and skip the hash lookup.
pub(crate) struct WordFilter {
    /// Bit `n` of entry `b`: some word of the table starts with byte `b` and is `n` bytes long.
    lengths: [u64; 256],
}

impl WordFilter {
    /// The filter of `words`.
    pub(crate) fn new<'w>(words: impl IntoIterator<Item = &'w str>) -> Self {
        let mut lengths = [0u64; 256];
        for w in words {
            let first = w.as_bytes().first().copied().unwrap_or(0);
            if let Some(mask) = lengths.get_mut(usize::from(first)) {
                *mask |= 1u64 << w.len().min(FILTER_MAX_LEN - 1);
            }
        }
        Self { lengths }
    }

    /// Whether `word` may be in the table (false: it is certainly not).
    pub(crate) fn may_hold(&self, word: &str) -> bool {
        let first = word.as_bytes().first().copied().unwrap_or(0);
        let mask = self.lengths.get(usize::from(first)).copied().unwrap_or(0);
        mask >> word.len().min(FILTER_MAX_LEN - 1) & 1 == 1
    }
}

/// A word table as a set, with its [`WordFilter`].
pub(crate) type TableSet = (FastSet<&'static str>, WordFilter);

/// Whether `word` is in `table`, through a set built once per table (the tables are small but
/// looked up for every token, and a set lookup beats a linear scan of string compares).
pub(crate) fn in_table(
    cell: &'static std::sync::OnceLock<TableSet>,
    table: &'static [&'static str],
    word: &str,
) -> bool {
    let (set, filter) = cell.get_or_init(|| {
        (
            table.iter().copied().collect(),
            WordFilter::new(table.iter().copied()),
        )
    });
    filter.may_hold(word) && set.contains(word)
}

/// `fn NAME(word: &str) -> bool`: whether `word` is in `TABLE`, through [`in_table`] and a set built
/// once for that table.
macro_rules! table_lookup {
    ($(#[$doc:meta])* $vis:vis fn $name:ident => $table:expr) => {
        $(#[$doc])*
        $vis fn $name(word: &str) -> bool {
            static SET: std::sync::OnceLock<$crate::claims::TableSet> = std::sync::OnceLock::new();
            $crate::claims::in_table(&SET, $table, word)
        }
    };
}
pub(crate) use table_lookup;

/// Fewest summary sentences.
const MIN_SUMMARY_SENTENCES: usize = 3;
/// Most summary sentences.
const MAX_SUMMARY_SENTENCES: usize = 5;
/// One more summary sentence per this many sentences of article, between the bounds above.
const SENTENCES_PER_SUMMARY_SENTENCE: usize = 12;

/// Summary length for an article of `sentences` sentences: 3 for short articles, up to 5.
fn summary_length(sentences: usize) -> usize {
    (sentences / SENTENCES_PER_SUMMARY_SENTENCE).clamp(MIN_SUMMARY_SENTENCES, MAX_SUMMARY_SENTENCES)
}

/// Finds the key claims of `article`, with a summary of 3–5 sentences by article length.
pub fn analyze(article: &Article, lang: Lang) -> Claims {
    analyze_with(article, lang, None)
}

/// Finds the key claims of `article`; `summary_sentences` fixes the summary's length.
pub fn analyze_with(article: &Article, lang: Lang, summary_sentences: Option<usize>) -> Claims {
    let chars: Vec<char> = article.text.chars().collect();
    let published = article
        .published
        .as_deref()
        .and_then(dates::Civil::parse_iso);
    let sentences = sentences::split(&chars, &article.paragraphs, lang);
    let tokenized =
        tokens::Tokenized::new(&chars, sentences.iter().map(|s| (s.span[0], s.span[1])));
    let all_tokens = tokenized.tokens();
    let token_lists = tokenized.ranges(&all_tokens);
    // Date mentions per sentence, found once for attributions and facts.
    let date_lists: Vec<Vec<dates::DateMention>> = token_lists
        .iter()
        .map(|t| dates::find(t, published, lang))
        .collect();
    let path_of = |paragraph: usize| {
        article
            .paragraphs
            .get(paragraph)
            .and_then(|p| p.path.clone())
    };
    let for_attribution: Vec<attribution::SentenceTokens<'_>> = sentences
        .iter()
        .zip(&token_lists)
        .zip(&date_lists)
        .map(|((s, &t), d)| attribution::SentenceTokens {
            tokens: t,
            dates: d,
            path: path_of(s.paragraph),
            paragraph: s.paragraph,
        })
        .collect();
    let attributions = attribution::find(&chars, &for_attribution, lang);
    let facts = facts::find(&chars, &token_lists, &date_lists);

    // Sentences (by start) holding an attribution's cue: sentences are in text order.
    let attributed: FastSet<usize> = attributions
        .iter()
        .filter_map(|a| {
            let k = sentences.partition_point(|s| s.span[0] <= a.cue_span[0]);
            k.checked_sub(1)
                .and_then(|k| sentences.get(k))
                .map(|s| s.span[0])
        })
        .collect();
    // Paragraphs whose last sentence ends with a photo credit are captions.
    let mut caption_paragraphs: FastSet<usize> = FastSet::default();
    for (s, t) in sentences.iter().zip(&token_lists) {
        if summary::ends_with_credit(t) {
            caption_paragraphs.insert(s.paragraph);
        }
    }
    let candidates: Vec<summary::Candidate<'_>> = sentences
        .iter()
        .zip(&token_lists)
        .map(|(s, &t)| summary::Candidate {
            tokens: t,
            attributed: attributed.contains(&s.span[0]),
            paragraph: s.paragraph,
            caption: caption_paragraphs.contains(&s.paragraph) || summary::places_in_photo(t),
        })
        .collect();
    let count = summary_sentences.unwrap_or_else(|| summary_length(sentences.len()));
    let summary = summary::select(&candidates, count)
        .into_iter()
        .filter_map(|i| sentences.get(i))
        .map(|s| SummaryItem {
            text: tokens::slice(&chars, s.span[0], s.span[1]),
            span: s.span,
            path: path_of(s.paragraph),
        })
        .collect();
    Claims {
        summary,
        attributions,
        facts,
    }
}

/// The sentences of `text` (one paragraph per line), as strings: the segmentation the summary
/// uses, exposed for evaluations (Lead-3) and tests.
pub fn split_sentences(text: &str, lang: Lang) -> Vec<String> {
    let article = crate::article::from_plain_text(text);
    let chars: Vec<char> = article.text.chars().collect();
    sentences::split(&chars, &article.paragraphs, lang)
        .iter()
        .map(|s| tokens::slice(&chars, s.span[0], s.span[1]))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::WordFilter;

    /// The filter never turns away a word of its table, and turns away other first bytes and
    /// lengths (also past the length masks' end).
    #[test]
    fn word_filter_keeps_every_entry() {
        let long = "x".repeat(100);
        let table = ["said", "según", "заявив", "", long.as_str()];
        let filter = WordFilter::new(table);
        for w in table {
            assert!(filter.may_hold(w), "{w:?}");
        }
        assert!(!filter.may_hold("sad"));
        assert!(!filter.may_hold("told"));
        assert!(!filter.may_hold(&"y".repeat(100)));
        assert!(filter.may_hold(&"x".repeat(70)));
    }
}
