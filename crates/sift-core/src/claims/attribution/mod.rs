//! Who said what: source, cue and content of each attribution, found by cue words and the
//! shape of the sentence around them.
//!
//! Three shapes cover most news attributions:
//! - source first: `SOURCE CUE [that] CONTENT` ("Putin has previously said that …");
//! - content first: `CONTENT, SOURCE CUE` / `CONTENT, CUE SOURCE` ("…," Peskov said; «…», — заявив
//!   Пєсков);
//! - prepositional: `According to SOURCE, CONTENT` / `CONTENT, according to SOURCE`.
//!
//! A pronoun source ("he", "вона", "er") or a bare role ("the spokesperson") resolves to the last
//! named speaker (for a role, the last one with that role).

mod lexicon_en;

use std::collections::HashMap;

use super::dates::{self, Civil};
use super::tokens::{slice, Token};
use crate::analysis::Attribution;
use crate::lang::Lang;

/// How a cue relates to its source.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum CueKind {
    /// A verb of saying or thinking: the source is its subject.
    Verb,
    /// A preposition ("according to"): the source follows it.
    Prep,
}

/// One cue: its words (lower case, split on spaces) and kind.
type Cue = (&'static str, CueKind);

use CueKind::{Prep, Verb};

/// Cue verbs and phrases per language, written by hand. English entries were chosen from the verbs
/// most often annotated as cues in PolNeAR's training split; the learned lexicon
/// ([`lexicon_en::LEARNED`], generated from train) is added to them. The others are the usual
/// reporting verbs of wire copy in each language.
const CUES: &[(Lang, &[Cue])] = &[
    (
        Lang::En,
        &[
            ("according to", Prep),
            ("said", Verb),
            ("says", Verb),
            ("say", Verb),
            ("saying", Verb),
            ("told", Verb),
            ("tells", Verb),
            ("telling", Verb),
            ("tell", Verb),
            ("added", Verb),
            ("adds", Verb),
            ("adding", Verb),
            ("wrote", Verb),
            ("writes", Verb),
            ("write", Verb),
            ("asked", Verb),
            ("asks", Verb),
            ("asking", Verb),
            ("reported", Verb),
            ("reports", Verb),
            ("reportedly", Verb),
            ("noted", Verb),
            ("notes", Verb),
            ("noting", Verb),
            ("announced", Verb),
            ("announces", Verb),
            ("announcing", Verb),
            ("suggested", Verb),
            ("suggests", Verb),
            ("suggesting", Verb),
            ("suggest", Verb),
            ("argued", Verb),
            ("argues", Verb),
            ("arguing", Verb),
            ("argue", Verb),
            ("tweeted", Verb),
            ("tweeting", Verb),
            ("posted", Verb),
            ("explained", Verb),
            ("explains", Verb),
            ("explaining", Verb),
            ("acknowledged", Verb),
            ("acknowledging", Verb),
            ("admitted", Verb),
            ("claimed", Verb),
            ("claims", Verb),
            ("claiming", Verb),
            ("claim", Verb),
            ("warned", Verb),
            ("warning", Verb),
            ("cautioned", Verb),
            ("stated", Verb),
            ("stating", Verb),
            ("declared", Verb),
            ("declaring", Verb),
            ("insisted", Verb),
            ("insists", Verb),
            ("insist", Verb),
            ("insisting", Verb),
            ("believes", Verb),
            ("believe", Verb),
            ("believed", Verb),
            ("thinks", Verb),
            ("recalled", Verb),
            ("recalling", Verb),
            ("replied", Verb),
            ("responded", Verb),
            ("answered", Verb),
            ("urged", Verb),
            ("urging", Verb),
            ("vowed", Verb),
            ("vows", Verb),
            ("vowing", Verb),
            ("promised", Verb),
            ("pledged", Verb),
            ("predicted", Verb),
            ("predicting", Verb),
            ("estimated", Verb),
            ("concluded", Verb),
            ("revealed", Verb),
            ("confirmed", Verb),
            ("denied", Verb),
            ("emphasized", Verb),
            ("emphasised", Verb),
            ("stressed", Verb),
            ("reiterated", Verb),
            ("indicated", Verb),
            ("pointed out", Verb),
            ("complained", Verb),
            ("conceded", Verb),
            ("asserted", Verb),
            ("remarked", Verb),
            ("joked", Verb),
            ("lamented", Verb),
            ("accused", Verb),
            ("accusing", Verb),
            ("criticized", Verb),
            ("blamed", Verb),
            ("called", Verb),
            ("calling", Verb),
            ("described", Verb),
            ("describing", Verb),
            ("hopes", Verb),
            ("fears", Verb),
            ("expects", Verb),
            ("wants", Verb),
            ("citing", Verb),
            ("cited", Verb),
            ("quoted", Verb),
            ("quoting", Verb),
            // Stance verbs annotated as cues in PolNeAR train at least 60% of the time.
            ("continued", Verb),
            ("endorsed", Verb),
            ("declined", Verb),
            ("refused", Verb),
            ("defended", Verb),
            ("praised", Verb),
            ("questioned", Verb),
            ("rejected", Verb),
            ("dismissed", Verb),
            ("denounced", Verb),
            ("blasted", Verb),
            ("expressed", Verb),
            ("agreed", Verb),
            ("referring to", Verb),
            ("shows", Verb),
            ("showed", Verb),
            ("found", Verb),
            ("finds", Verb),
        ],
    ),
    (
        Lang::De,
        &[
            ("laut", Prep),
            ("zufolge", Prep),
            ("nach angaben", Prep),
            ("sagte", Verb),
            ("sagt", Verb),
            ("sagten", Verb),
            ("erklärte", Verb),
            ("erklärt", Verb),
            ("betonte", Verb),
            ("meinte", Verb),
            ("teilte", Verb),
            ("berichtete", Verb),
            ("berichtet", Verb),
            ("warnte", Verb),
            ("schrieb", Verb),
            ("kritisierte", Verb),
            ("forderte", Verb),
            ("kündigte", Verb),
            ("hieß", Verb),
            ("sagte", Verb),
            ("bestätigte", Verb),
            ("räumte", Verb),
            ("fügte", Verb),
        ],
    ),
    (
        Lang::Fr,
        &[
            ("selon", Prep),
            ("d'après", Prep),
            ("d’après", Prep),
            ("a déclaré", Verb),
            ("déclare", Verb),
            ("a dit", Verb),
            ("dit", Verb),
            ("a affirmé", Verb),
            ("affirme", Verb),
            ("a indiqué", Verb),
            ("indique", Verb),
            ("a expliqué", Verb),
            ("explique", Verb),
            ("a ajouté", Verb),
            ("ajoute", Verb),
            ("a souligné", Verb),
            ("souligne", Verb),
            ("estime", Verb),
            ("a annoncé", Verb),
            ("a précisé", Verb),
            ("précise", Verb),
            ("a assuré", Verb),
            ("a averti", Verb),
            ("a estimé", Verb),
            ("a confirmé", Verb),
            ("a écrit", Verb),
        ],
    ),
    (
        Lang::Es,
        &[
            ("según", Prep),
            ("de acuerdo con", Prep),
            ("dijo", Verb),
            ("afirmó", Verb),
            ("aseguró", Verb),
            ("declaró", Verb),
            ("explicó", Verb),
            ("señaló", Verb),
            ("indicó", Verb),
            ("añadió", Verb),
            ("agregó", Verb),
            ("advirtió", Verb),
            ("informó", Verb),
            ("anunció", Verb),
            ("sostuvo", Verb),
            ("destacó", Verb),
            ("subrayó", Verb),
            ("ha dicho", Verb),
            ("dice", Verb),
            ("afirma", Verb),
            ("asegura", Verb),
            ("escribió", Verb),
        ],
    ),
    (
        Lang::Uk,
        &[
            ("за словами", Prep),
            ("як повідомляє", Prep),
            ("за даними", Prep),
            ("заявив", Verb),
            ("заявила", Verb),
            ("заявили", Verb),
            ("заявляє", Verb),
            ("сказав", Verb),
            ("сказала", Verb),
            ("сказали", Verb),
            ("каже", Verb),
            ("повідомив", Verb),
            ("повідомила", Verb),
            ("повідомили", Verb),
            ("зазначив", Verb),
            ("зазначила", Verb),
            ("зазначили", Verb),
            ("наголосив", Verb),
            ("наголосила", Verb),
            ("підкреслив", Verb),
            ("додав", Verb),
            ("додала", Verb),
            ("розповів", Verb),
            ("розповіла", Verb),
            ("написав", Verb),
            ("написала", Verb),
            ("пояснив", Verb),
            ("пояснила", Verb),
            ("вважає", Verb),
            ("попередив", Verb),
            ("запевнив", Verb),
        ],
    ),
    (
        Lang::Ru,
        &[
            ("по словам", Prep),
            ("по данным", Prep),
            ("как сообщает", Prep),
            ("заявил", Verb),
            ("заявила", Verb),
            ("заявили", Verb),
            ("заявляет", Verb),
            ("сказал", Verb),
            ("сказала", Verb),
            ("сказали", Verb),
            ("говорит", Verb),
            ("сообщил", Verb),
            ("сообщила", Verb),
            ("сообщили", Verb),
            ("отметил", Verb),
            ("отметила", Verb),
            ("отметили", Verb),
            ("подчеркнул", Verb),
            ("подчеркнула", Verb),
            ("добавил", Verb),
            ("добавила", Verb),
            ("рассказал", Verb),
            ("рассказала", Verb),
            ("написал", Verb),
            ("написала", Verb),
            ("пояснил", Verb),
            ("пояснила", Verb),
            ("считает", Verb),
            ("предупредил", Verb),
        ],
    ),
];

/// Words that may stand between a source and its cue and belong to neither ("has previously said").
const AUXILIARIES: &[&str] = &[
    "has",
    "have",
    "had",
    "also",
    "previously",
    "repeatedly",
    "later",
    "then",
    "once",
    "would",
    "will",
    "did",
    "does",
    "do",
    "not",
    "never",
    "again",
    "first",
    "publicly",
    "just",
    "recently",
    "hat",
    "habe",
    "auch",
    "a",
    "aussi",
    "ha",
    "han",
    "también",
    "також",
    "тоже",
    "также",
    "уже",
    "вже",
    "ещё",
    "ще",
];

/// Words that open a sentence without being part of its source.
const LEADING_CONNECTIVES: &[&str] = &[
    "but",
    "and",
    "so",
    "yet",
    "still",
    "meanwhile",
    "however",
    "now",
    "instead",
    "aber",
    "und",
    "mais",
    "et",
    "pero",
    "y",
    "але",
    "і",
    "та",
    "а",
    "но",
    "и",
];

/// Pronouns that stand for a person speaking, resolved to the last named speaker.
const PRONOUNS: &[&str] = &[
    "he", "she", "they", "er", "sie", "il", "elle", "ils", "elles", "él", "ella", "ellos", "він",
    "вона", "вони", "он", "она", "они",
];

/// Words that open reported content ("said that …"), kept as part of the content.
const COMPLEMENTIZERS: &[&str] = &["that", "dass", "que", "qu'", "що", "что", "чтобы"];

/// Cues followed by an addressee before their content ("told reporters that …").
const ADDRESSEE_CUES: &[&str] = &[
    "told",
    "tells",
    "telling",
    "tell",
    "asked",
    "asks",
    "warned",
    "assured",
    "reminded",
    "informed",
    "urged",
    "sagte",
    "erklärte",
    "dijo",
    "сказав",
    "сказал",
    "заявив",
    "заявил",
];

/// Words that open a phrase between a cue and its content ("said on Monday that", "said in a
/// statement that").
const PHRASE_OPENERS: &[&str] = &[
    "on", "in", "at", "during", "last", "earlier", "this", "to", "after", "before", "while",
    "when", "late", "early", "am", "im", "le", "lors", "el", "en", "в", "у", "під", "во",
];

/// Relative pronouns opening a clause after a subject ("X, who …, said").
const RELATIVES: &[&str] = &[
    "who",
    "which",
    "whose",
    "whom",
    "der",
    "die",
    "qui",
    "que",
    "який",
    "яка",
    "который",
    "которая",
];

/// Words after which a subject starts afresh inside a source segment ("… when she said").
const SUBORDINATORS: &[&str] = &[
    "when",
    "because",
    "while",
    "if",
    "after",
    "before",
    "since",
    "where",
    "as",
    "though",
    "although",
    "whether",
    "than",
    "until",
    "once",
    "wenn",
    "weil",
    "als",
    "quand",
    "cuando",
    "коли",
    "когда",
];

/// Words opening an introductory phrase before a comma ("After the meeting, Trump said …").
const INTRODUCTORY_WORDS: &[&str] = &[
    "after",
    "when",
    "in",
    "on",
    "as",
    "while",
    "if",
    "although",
    "though",
    "despite",
    "before",
    "since",
    "during",
    "at",
    "speaking",
    "asked",
    "earlier",
    "later",
    "last",
    "for",
    "with",
    "nach",
    "als",
    "wenn",
    "während",
    "après",
    "quand",
    "lors",
    "después",
    "cuando",
    "durante",
    "після",
    "коли",
    "під",
    "после",
    "когда",
    "во",
];

/// Fewest words before a comma for a clause taken as content when nothing else decides.
const MIN_CLAUSE_WORDS: usize = 4;

/// Words after which a source named after its cue stops ("said Peskov on Monday").
const SOURCE_STOPS: &[&str] = &[
    "on",
    "in",
    "at",
    "during",
    "after",
    "following",
    "before",
    "when",
    "while",
    "am",
    "im",
    "bei",
    "nach",
    "lors",
    "en",
    "el",
    "durante",
    "в",
    "у",
    "во",
    "после",
    "під",
];

/// Determiners that open a bare role ("the spokesperson", "der Sprecher").
const DEFINITE_ARTICLES: &[&str] = &["the", "der", "die", "le", "la", "el"];

/// Words joining a second clause with its own subject ("…, but Jones rejected it").
const CLAUSE_JOINERS: &[&str] = &["but", "while", "whereas", "and", "though", "although"];
/// Longest subject, in tokens, of a clause split off a content.
const MAX_CLAUSE_SUBJECT: usize = 5;
/// Longest source, in words, kept whole with its appositives ("X, a former aide to Y,").
const MAX_APPOSITIVE_SOURCE_WORDS: usize = 20;
/// Most attributions taken from one sentence (bounds the work in run-on text).
const MAX_PER_SENTENCE: usize = 8;
/// Longest source, in tokens.
const MAX_SOURCE_TOKENS: usize = 10;
/// How far after a cue a "that" may come and still open the content ("told the media on Nov. 18 that").
const MAX_THAT_GAP: usize = 8;
/// Fewest words a content needs.
const MIN_CONTENT_WORDS: usize = 2;
/// Tokens either side of a cue examined in an over-long "sentence" (a stretch of text with no
/// sentence end): bounds each cue's shape scan so such stretches cost linear time, not quadratic.
/// Real sentences are far shorter, so their attributions are unchanged.
const CUE_WINDOW_TOKENS: usize = 120;

/// One sentence ready for attribution: its tokens and where it is.
pub struct SentenceTokens<'a> {
    /// The tokens of the sentence.
    pub tokens: &'a [Token],
    /// Element path of its paragraph.
    pub path: Option<Vec<u32>>,
    /// Index of its paragraph (quotes do not run across paragraphs).
    pub paragraph: usize,
}

/// A found attribution as token ranges, before spans are filled.
#[derive(Clone, Copy)]
struct Found {
    source: (usize, usize),
    cue: (usize, usize),
    content: (usize, usize),
}

impl Found {
    /// The attribution, when its source span holds at least one token.
    fn with_source(
        source: (usize, usize),
        cue: (usize, usize),
        content: (usize, usize),
    ) -> Option<Self> {
        (source.1 > source.0).then_some(Self {
            source,
            cue,
            content,
        })
    }
}

/// Cues indexed by first word, longest first, so each token costs one lookup.
type ByFirst = HashMap<&'static str, Vec<Cue>>;

/// The cue table of `lang` (English when undetermined, with the learned lexicon) indexed by first
/// word, longest phrase first; built once per language per process.
fn cues_by_first_word(lang: Lang) -> &'static ByFirst {
    static MAPS: std::sync::OnceLock<Vec<(Lang, ByFirst)>> = std::sync::OnceLock::new();
    static EMPTY: std::sync::OnceLock<ByFirst> = std::sync::OnceLock::new();
    let maps = MAPS.get_or_init(|| {
        CUES.iter()
            .map(|(l, cues)| {
                let mut all: Vec<Cue> = cues.to_vec();
                if *l == Lang::En {
                    // A learned word that opens a hand-written preposition ("according") is
                    // only a cue as that preposition.
                    let prep_heads: Vec<&str> = cues
                        .iter()
                        .filter(|c| c.1 == Prep)
                        .filter_map(|c| c.0.split(' ').next())
                        .collect();
                    for (words, _, _) in lexicon_en::LEARNED {
                        if !all.iter().any(|c| c.0 == *words) && !prep_heads.contains(words) {
                            all.push((words, Verb));
                        }
                    }
                }
                let mut by_first: ByFirst = HashMap::new();
                for cue in all {
                    let first = cue.0.split(' ').next().unwrap_or(cue.0);
                    by_first.entry(first).or_default().push(cue);
                }
                for list in by_first.values_mut() {
                    list.sort_by_key(|c| std::cmp::Reverse(c.0.split(' ').count()));
                }
                (*l, by_first)
            })
            .collect()
    });
    let wanted = if lang == Lang::Undetermined {
        Lang::En
    } else {
        lang
    };
    maps.iter()
        .find(|(l, _)| *l == wanted)
        .map(|(_, m)| m)
        .unwrap_or_else(|| EMPTY.get_or_init(HashMap::new))
}

/// The verb cue at token `i`, if any: its token length.
fn verb_cue_at(tokens: &[Token], i: usize, by_first: &ByFirst) -> Option<usize> {
    tokens
        .get(i)
        .and_then(|t| by_first.get(t.lower.as_str()))?
        .iter()
        .filter(|(_, kind)| *kind == Verb)
        .find_map(|(words, _)| cue_at(tokens, i, words))
}

/// Whether the cue `words` matches at token `i`; returns its token length.
fn cue_at(tokens: &[Token], i: usize, words: &str) -> Option<usize> {
    let mut n = 0;
    for (k, w) in words.split(' ').enumerate() {
        if tokens.get(i + k)?.lower != w {
            return None;
        }
        n += 1;
    }
    Some(n)
}

/// Whether the token separates clauses.
fn is_boundary(t: &Token) -> bool {
    t.is(',') || t.is(';') || t.is(':') || t.is('—') || t.is('–') || t.is('(') || t.is(')')
}

/// Whether the token is a quote mark.
fn is_quote(t: &Token) -> bool {
    ["\"", "“", "”", "«", "»", "„", "‘", "’", "'"].contains(&t.lower.as_str())
}

/// Trims punctuation and quote marks from both ends of a token range.
fn trim_punct(tokens: &[Token], mut a: usize, mut b: usize) -> (usize, usize) {
    while a < b
        && tokens.get(a).is_some_and(|t| {
            !t.is_word() && t.kind != super::tokens::TokenKind::Number && !is_quote(t)
        })
    {
        a += 1;
    }
    while b > a
        && tokens.get(b - 1).is_some_and(|t| {
            !t.is_word() && t.kind != super::tokens::TokenKind::Number && !is_quote(t)
        })
    {
        b -= 1;
    }
    (a, b)
}

/// Trims a source range: leading connectives, trailing auxiliaries and adverbs, punctuation.
fn trim_source(tokens: &[Token], a: usize, b: usize) -> (usize, usize) {
    let (mut a, mut b) = trim_punct(tokens, a, b);
    while a < b {
        let Some(t) = tokens.get(a) else { break };
        if LEADING_CONNECTIVES.contains(&t.lower.as_str()) || is_quote(t) || is_boundary(t) {
            a += 1;
        } else {
            break;
        }
    }
    while b > a {
        let Some(t) = tokens.get(b - 1) else { break };
        let adverb = !t.capital && t.lower.ends_with("ly") && t.lower.chars().count() > 4;
        if AUXILIARIES.contains(&t.lower.as_str()) || adverb || is_quote(t) || is_boundary(t) {
            b -= 1;
        } else {
            break;
        }
    }
    (a, b)
}

/// Number of words (and numbers) in a range.
fn words_in(tokens: &[Token], a: usize, b: usize) -> usize {
    tokens
        .get(a..b)
        .unwrap_or(&[])
        .iter()
        .filter(|t| t.is_word() || t.kind == super::tokens::TokenKind::Number)
        .count()
}

/// End of the phrase after `from`: up to the next boundary or the sentence's end, and with
/// `stop_at_prepositions`, before a preposition ("said Peskov | on Monday").
fn phrase_after(tokens: &[Token], from: usize, stop_at_prepositions: bool) -> usize {
    let mut e = from;
    while e < tokens.len() && e - from < MAX_SOURCE_TOKENS {
        match tokens.get(e) {
            Some(t) if is_boundary(t) => break,
            Some(t) if (t.is('.') || t.is('!') || t.is('?')) && e + 1 >= tokens.len() => break,
            Some(t)
                if stop_at_prepositions
                    && e > from
                    && !t.capital
                    && SOURCE_STOPS.contains(&t.lower.as_str()) =>
            {
                break
            }
            Some(_) => e += 1,
            None => break,
        }
    }
    e
}

/// Tries the sentence shapes around a cue at `[c, ce)`.
/// [`shape`] on at most [`CUE_WINDOW_TOKENS`] tokens either side of the cue, spans shifted back
/// to the whole sentence.
fn shape_windowed(tokens: &[Token], c: usize, ce: usize, kind: CueKind) -> Option<Found> {
    if tokens.len() <= 2 * CUE_WINDOW_TOKENS {
        return shape(tokens, c, ce, kind);
    }
    let lo = c.saturating_sub(CUE_WINDOW_TOKENS);
    let hi = ce.saturating_add(CUE_WINDOW_TOKENS).min(tokens.len());
    let window = tokens.get(lo..hi)?;
    let shift = |(a, b): (usize, usize)| (a + lo, b + lo);
    shape(window, c - lo, ce - lo, kind).map(|f| Found {
        source: shift(f.source),
        cue: shift(f.cue),
        content: shift(f.content),
    })
}

fn shape(tokens: &[Token], c: usize, ce: usize, kind: CueKind) -> Option<Found> {
    let n = tokens.len();
    // Last boundary before the cue (comma, dash, closing quote after a comma).
    let boundary = (0..c)
        .rev()
        .find(|&k| tokens.get(k).is_some_and(is_boundary));
    let first_word = (0..c).find(|&k| tokens.get(k).is_some_and(|t| t.is_word()));
    match kind {
        CueKind::Prep => {
            let at_start = first_word.is_none_or(|w| {
                w == c
                    || tokens.get(w..c).is_some_and(|s| {
                        s.iter().all(|t| {
                            LEADING_CONNECTIVES.contains(&t.lower.as_str()) || !t.is_word()
                        })
                    })
            });
            let se = phrase_after(tokens, ce, true);
            let source = trim_source(tokens, ce, se);
            let content = if at_start {
                trim_punct(tokens, se, n)
            } else {
                trim_punct(tokens, 0, c)
            };
            (source.1 > source.0 && words_in(tokens, content.0, content.1) >= MIN_CONTENT_WORDS)
                .then_some(Found {
                    source,
                    cue: (c, ce),
                    content,
                })
        }
        CueKind::Verb => {
            // Content opens right after the cue, or after an addressee or time phrase
            // ("told the media on Nov. 18 that …") at a "that", a quote or a colon.
            let mut content_start = ce;
            let opens_content =
                |t: &Token| COMPLEMENTIZERS.contains(&t.lower.as_str()) || is_quote(t) || t.is(':');
            let next = tokens.get(ce);
            let skips = next.is_some_and(|t| !opens_content(t))
                && (tokens
                    .get(c)
                    .is_some_and(|t| ADDRESSEE_CUES.contains(&t.lower.as_str()))
                    || next
                        .is_some_and(|t| PHRASE_OPENERS.contains(&t.lower.as_str()) || t.capital));
            if skips {
                let window_end = (ce + MAX_THAT_GAP).min(n);
                if let Some(k) =
                    (ce..window_end).find(|&k| tokens.get(k).is_some_and(opens_content))
                {
                    content_start = k;
                }
            }
            let sqc_evidence = content_start != ce || next.is_some_and(opens_content);
            // Content first: "…, SOURCE said." or "…, said SOURCE."
            if let Some(q) = boundary {
                let between = words_in(tokens, q + 1, c);
                let rest_short = words_in(tokens, ce, n) <= MAX_SOURCE_TOKENS;
                let before_words = words_in(tokens, 0, q);
                if before_words >= MIN_CONTENT_WORDS
                    && between == 0
                    && rest_short
                    && words_in(tokens, ce, n) > 0
                {
                    let mut se = phrase_after(tokens, ce, true);
                    // "said Senator Coons, Democrat of Delaware.": the appositive closing the
                    // sentence belongs to the source.
                    if tokens.get(se).is_some_and(|t| t.is(','))
                        && tokens.get(se + 1).is_some_and(|t| {
                            t.capital || ["a", "an", "the"].contains(&t.lower.as_str())
                        })
                    {
                        se = n;
                    }
                    let source = trim_source(tokens, ce, se);
                    let content = trim_punct(tokens, 0, q);
                    if let Some(found) = Found::with_source(source, (c, ce), content) {
                        return Some(found);
                    }
                }
                let clause_end = phrase_after(tokens, ce, false);
                let after_words = words_in(tokens, ce, clause_end);
                let tail_is_short =
                    after_words <= MAX_THAT_GAP && clause_end >= n.saturating_sub(1);
                // A long tail without "that" after the cue is still content-first unless the
                // part before the comma is an introductory phrase ("After the meeting, …").
                let introductory = (0..q)
                    .find(|&k| tokens.get(k).is_some_and(|t| t.is_word()))
                    .and_then(|k| tokens.get(k))
                    .is_some_and(|t| INTRODUCTORY_WORDS.contains(&t.lower.as_str()));
                let content_first = tail_is_short
                    || (!sqc_evidence && !introductory && before_words >= MIN_CLAUSE_WORDS);
                if before_words >= MIN_CONTENT_WORDS
                    && between > 0
                    && between <= MAX_SOURCE_TOKENS
                    && content_first
                {
                    let source = trim_source(tokens, q + 1, c);
                    let content = trim_punct(tokens, 0, q);
                    if let Some(found) = Found::with_source(source, (c, ce), content) {
                        return Some(found);
                    }
                }
            }
            // "X endorsed Cruz, saying …": a participle after a comma takes the sentence's subject.
            let participle = tokens.get(c).is_some_and(|t| t.lower.ends_with("ing"));
            if participle && boundary == Some(c.saturating_sub(1)) {
                let source = leading_subject(tokens, c);
                let content = trim_punct(tokens, content_start, n);
                return (source.1 > source.0
                    && words_in(tokens, content.0, content.1) >= MIN_CONTENT_WORDS)
                    .then_some(Found {
                        source,
                        cue: (c, ce),
                        content,
                    });
            }
            // Source first: "SOURCE [aux] said [to X] [that] CONTENT".
            let seg_start = match boundary {
                Some(q) if words_in(tokens, q + 1, c) > 0 => q + 1,
                // "X, who spoke to Reuters, said": the subject is the sentence's first phrase.
                Some(_) => 0,
                None => 0,
            };
            let mut source = trim_source(tokens, seg_start, c);
            let mut longest = MAX_SOURCE_TOKENS;
            if seg_start == 0 {
                if let Some(q) = boundary {
                    if words_in(tokens, q + 1, c) == 0 {
                        source = subject_before_commas(tokens, q);
                        longest = MAX_APPOSITIVE_SOURCE_WORDS;
                    }
                }
            }
            // "… when she said": the subject is what follows the last subordinating word (not
            // for a subject with its appositives: "X, as well as Y, said").
            let subordinate = (source.0..source.1).rev().find(|&k| {
                tokens
                    .get(k)
                    .is_some_and(|t| SUBORDINATORS.contains(&t.lower.as_str()))
            });
            if let (Some(k), MAX_SOURCE_TOKENS) = (subordinate, longest) {
                if k + 1 < source.1 {
                    source = trim_source(tokens, k + 1, source.1);
                }
            }
            let source_words = words_in(tokens, source.0, source.1);
            if source_words == 0 {
                return None;
            }
            if source_words > longest {
                // Keep the phrase nearest the cue: from its last capitalised word or determiner run.
                let keep_from = source.1.saturating_sub(MAX_SOURCE_TOKENS / 2);
                source = (keep_from, source.1);
            }
            let content = trim_punct(tokens, content_start, n);
            (words_in(tokens, content.0, content.1) >= MIN_CONTENT_WORDS).then_some(Found {
                source,
                cue: (c, ce),
                content,
            })
        }
    }
}

/// The subject opening a sentence (before `limit`): a pronoun, or a run of capitalised words and
/// titles, after connectives and an introductory phrase ("Hours later, Trump returned …").
fn leading_subject(tokens: &[Token], limit: usize) -> (usize, usize) {
    let mut a = 0;
    let first_word =
        |from: usize| (from..limit).find(|&k| tokens.get(k).is_some_and(|t| t.is_word()));
    if let Some(k) = first_word(0) {
        a = k;
        let intro = tokens
            .get(k)
            .is_some_and(|t| INTRODUCTORY_WORDS.contains(&t.lower.as_str()) || !t.capital);
        if intro {
            if let Some(q) = (k..limit).find(|&q| tokens.get(q).is_some_and(|t| t.is(','))) {
                a = q + 1;
            }
        }
    }
    while tokens
        .get(a)
        .is_some_and(|t| !t.is_word() || LEADING_CONNECTIVES.contains(&t.lower.as_str()))
        && a < limit
    {
        a += 1;
    }
    let Some(first) = tokens.get(a) else {
        return (0, 0);
    };
    if PRONOUNS.contains(&first.lower.as_str()) {
        return (a, a + 1);
    }
    let mut b = a;
    while b < limit
        && tokens.get(b).is_some_and(|t| {
            (t.is_word() && (t.capital || TITLE_WORDS.contains(&t.lower.as_str())))
                || t.is('.')
                || t.lower == "'s"
                || t.lower == "’s"
        })
    {
        b += 1;
    }
    trim_source(tokens, a, b)
}

/// Lower-case words that belong inside a capitalised source ("spokesperson" in "Kremlin
/// spokesperson Dmitry Peskov").
const TITLE_WORDS: &[&str] = &[
    "spokesperson",
    "spokesman",
    "spokeswoman",
    "president",
    "minister",
    "secretary",
    "senator",
    "governor",
    "official",
    "officials",
    "candidate",
    "nominee",
    "chairman",
    "director",
    "of",
    "state",
    "former",
    "presidential",
    "republican",
    "democratic",
];

/// The subject of "X, APPOSITIVE, said" (up to `last_comma`): the sentence's opening phrase with
/// its appositive, but without a closing relative clause ("X, who spoke to Reuters, said").
fn subject_before_commas(tokens: &[Token], last_comma: usize) -> (usize, usize) {
    let commas: Vec<usize> = (0..last_comma)
        .filter(|&k| tokens.get(k).is_some_and(is_boundary))
        .collect();
    // An introductory phrase ("In a series of posts Sunday, Mr. Frum, a former …, said") is not
    // part of the subject.
    let introductory = (0..last_comma)
        .find(|&k| tokens.get(k).is_some_and(|t| t.is_word()))
        .and_then(|k| tokens.get(k))
        .is_some_and(|t| INTRODUCTORY_WORDS.contains(&t.lower.as_str()));
    let start = match commas.first() {
        Some(&q) if introductory && commas.len() >= 2 => q + 1,
        _ => 0,
    };
    // PolNeAR's sources keep their appositives and relative clauses ("X, who spoke to
    // Reuters,"), within a bound.
    let whole = trim_source(tokens, start, last_comma);
    if words_in(tokens, whole.0, whole.1) <= MAX_APPOSITIVE_SOURCE_WORDS {
        return whole;
    }
    let mut end = last_comma;
    // Drop trailing relative clauses, innermost last.
    for &k in commas.iter().rev() {
        let opens_relative = tokens
            .get(k + 1)
            .is_some_and(|t| RELATIVES.contains(&t.lower.as_str()));
        if opens_relative {
            end = k;
        } else {
            break;
        }
    }
    let source = trim_source(tokens, start, end);
    if words_in(tokens, source.0, source.1) > MAX_SOURCE_TOKENS {
        let first = commas.iter().copied().find(|&q| q > start).unwrap_or(end);
        return trim_source(tokens, start, first);
    }
    source
}

/// For each token, whether it stands inside quotation marks (a cue word there is quoted speech,
/// not an attribution).
/// `open` is where the quote open when the sentence starts began (its mark's char offset);
/// returns the mask and where the quote open at its end began.
fn inside_quotes(tokens: &[Token], open: Option<usize>) -> (Vec<bool>, Option<usize>) {
    let mut inside = open;
    let mut mask = Vec::with_capacity(tokens.len());
    let mut k = 0;
    while let Some(t) = tokens.get(k) {
        // Two adjacent apostrophes are a double quote (''…'', as some wires write).
        let doubled = t.lower == "'"
            && tokens
                .get(k + 1)
                .is_some_and(|n| n.lower == "'" && n.start == t.end);
        let toggles = doubled || matches!(t.lower.as_str(), "\"" | "“");
        if toggles {
            // "“" closes German „…“ and opens English “…”.
            inside = match inside {
                Some(_) => None,
                None => Some(t.start),
            };
        } else if matches!(t.lower.as_str(), "«" | "„") {
            inside = Some(t.start);
        } else if matches!(t.lower.as_str(), "”" | "»") {
            inside = None;
        } else {
            mask.push(inside.is_some());
            k += 1;
            continue;
        }
        mask.push(false);
        if doubled {
            mask.push(false);
            k += 1;
        }
        k += 1;
    }
    (mask, inside)
}

/// Splits a second attribution off the content of `last`: "SOURCE criticized X and said Y" and
/// "SOURCE said X, adding Y" (a verb cue right after "and", a participle cue right after a comma:
/// the source is implicit, `last`'s) and "X endorsed A, but Jones rejected B" (a clause with its
/// own short subject and cue). Returns it, with `last`'s content cut before it.
fn split_coordinated(
    tokens: &[Token],
    quoted: &[bool],
    by_first: &ByFirst,
    last: &mut Found,
) -> Option<Found> {
    let (cs, ce) = last.content;
    for j in cs..ce {
        if quoted.get(j).copied().unwrap_or(true) {
            continue;
        }
        let Some(t) = tokens.get(j) else { continue };
        let and = t.lower == "and";
        let participle = t.is(',')
            && tokens
                .get(j + 1)
                .is_some_and(|n| n.lower.ends_with("ing") && !n.capital);
        // "…, but Jones rejected it": a clause with its own short subject and cue.
        let clause = t.is(',') || t.is(';') || CLAUSE_JOINERS.contains(&t.lower.as_str());
        let found = if and || participle {
            verb_cue_at(tokens, j + 1, by_first).map(|len| ((j + 1, j + 1), j + 1, len))
        } else {
            None
        };
        let found = found.or_else(|| {
            if !clause {
                return None;
            }
            let from = if t.is(',')
                && tokens
                    .get(j + 1)
                    .is_some_and(|n| CLAUSE_JOINERS.contains(&n.lower.as_str()))
            {
                j + 2
            } else {
                j + 1
            };
            (from + 1..(from + MAX_CLAUSE_SUBJECT).min(ce)).find_map(|k| {
                let subject = tokens.get(from..k)?;
                let named = subject.first().is_some_and(|f| {
                    f.capital || PRONOUNS.contains(&f.lower.as_str()) || f.lower == "the"
                }) && subject.iter().all(|w| w.is_word() || w.is('.'));
                if !named {
                    return None;
                }
                verb_cue_at(tokens, k, by_first).map(|len| ((from, k), k, len))
            })
        });
        let Some((source, c, len)) = found else {
            continue;
        };
        let cue_end = c + len;
        let content = content_after(tokens, cue_end, ce);
        if words_in(tokens, content.0, content.1) < MIN_CONTENT_WORDS {
            continue;
        }
        last.content = trim_punct(tokens, cs, j);
        let source = if source.1 > source.0 {
            trim_source(tokens, source.0, source.1)
        } else {
            source
        };
        return Some(Found {
            source,
            cue: (c, cue_end),
            content,
        });
    }
    None
}

/// The content after a cue ending at `from`, up to `end`: past an addressee or time phrase to a
/// "that", a quote or a colon when one comes soon ("adding to reporters that …").
fn content_after(tokens: &[Token], from: usize, end: usize) -> (usize, usize) {
    let opens_content =
        |t: &Token| COMPLEMENTIZERS.contains(&t.lower.as_str()) || is_quote(t) || t.is(':');
    let start = if tokens.get(from).is_some_and(opens_content) {
        from
    } else {
        (from..(from + MAX_THAT_GAP).min(end))
            .find(|&k| {
                tokens
                    .get(k)
                    .is_some_and(|t| t.is(':') || t.lower == "that")
            })
            .unwrap_or(from)
    };
    trim_punct(tokens, start, end)
}

/// Widens a cue over the auxiliaries and adverbs between its source and itself ("has also
/// said"), as PolNeAR's cues take them.
fn widen_cue(tokens: &[Token], f: &mut Found) {
    let (s_end, c) = (f.source.1, f.cue.0);
    if f.source.1 <= f.source.0 || s_end >= c {
        return;
    }
    let all_aux = tokens.get(s_end..c).is_some_and(|between| {
        between.iter().all(|t| {
            AUXILIARIES.contains(&t.lower.as_str())
                || (!t.capital && t.lower.ends_with("ly") && t.lower.chars().count() > 4)
        })
    });
    if all_aux {
        f.cue.0 = s_end;
    }
}

/// Whether token `k` lies in one of `f`'s spans.
fn covers(f: &Found, k: usize) -> bool {
    [f.source, f.cue, f.content]
        .iter()
        .any(|&(a, b)| a <= k && k < b)
}

/// A named speaker seen so far, for resolving pronouns and roles.
struct Speaker {
    text: String,
    lower: String,
}

/// Finds the attributions in `sentences`; `chars` is the article text.
pub fn find(
    chars: &[char],
    sentences: &[SentenceTokens<'_>],
    lang: Lang,
    published: Option<Civil>,
) -> Vec<Attribution> {
    let by_first = cues_by_first_word(lang);
    let mut out: Vec<Attribution> = Vec::new();
    let mut speakers: Vec<Speaker> = Vec::new();
    let mut quote_open: Option<usize> = None;
    let mut paragraph = usize::MAX;
    // The last attribution whose quoted content may go on in the next sentence.
    let mut extendable: Option<usize> = None;
    for sentence in sentences {
        let tokens = sentence.tokens;
        if sentence.paragraph != paragraph {
            paragraph = sentence.paragraph;
            quote_open = None;
            extendable = None;
        }
        let starts_inside = quote_open.is_some();
        let carried_quote = quote_open;
        let (quoted, open_at_end) = inside_quotes(tokens, quote_open);
        quote_open = open_at_end;
        let opens_with_quote = tokens.first().is_some_and(is_quote);
        // Every attribution of the sentence, left to right; a cue inside one already found
        // (nested speech) is not another: PolNeAR gives each token one attribution.
        let mut found: Vec<(Found, bool)> = Vec::new();
        let mut i = 0;
        while i < tokens.len() && found.len() < MAX_PER_SENTENCE {
            let inside_found = found.iter().any(|(f, _)| covers(f, i));
            let candidates = tokens.get(i).and_then(|t| by_first.get(t.lower.as_str()));
            let (Some(candidates), false, false) = (
                candidates,
                quoted.get(i).copied().unwrap_or(false),
                inside_found,
            ) else {
                i += 1;
                continue;
            };
            let mut hit = None;
            for (words, kind) in candidates {
                if let Some(len) = cue_at(tokens, i, words) {
                    if let Some(f) = shape_windowed(tokens, i, i + len, *kind) {
                        hit = Some((f, len));
                        break;
                    }
                }
            }
            let Some((mut f, len)) = hit else {
                i += 1;
                continue;
            };
            // A source inside an earlier attribution is that one's: this one's is implicit.
            let implicit = found
                .iter()
                .any(|(g, _)| (f.source.0..f.source.1).any(|k| covers(g, k)));
            if implicit {
                f.source = (f.cue.0, f.cue.0);
            }
            widen_cue(tokens, &mut f);
            let split = split_coordinated(tokens, &quoted, by_first, &mut f);
            found.push((f, implicit));
            if let Some(g) = split {
                found.push((g, g.source.1 <= g.source.0));
            }
            i += len;
        }
        let Some(_) = found.first() else {
            // A quote going on from an attributed sentence belongs to the same content.
            if let Some(last) = extendable.and_then(|k| out.get_mut(k)) {
                if starts_inside || opens_with_quote {
                    let (_, b) = trim_punct(tokens, 0, tokens.len());
                    if let Some(end) = b.checked_sub(1).and_then(|l| tokens.get(l)) {
                        last.content_span[1] = end.end;
                        last.content = slice(chars, last.content_span[0], last.content_span[1]);
                    }
                    continue;
                }
            }
            extendable = None;
            continue;
        };
        let first_unquoted = quoted.iter().position(|q| !q).unwrap_or(tokens.len());
        let mut previous_source: Option<String> = None;
        let date = dates::find(tokens, published, lang)
            .into_iter()
            .find_map(|d| d.iso);
        for (f, implicit) in found {
            let span = |(a, b): (usize, usize)| -> [usize; 2] {
                match (tokens.get(a), b.checked_sub(1).and_then(|l| tokens.get(l))) {
                    (Some(x), Some(y)) if b > a => [x.start, y.end],
                    _ => [0, 0],
                }
            };
            let source_span = span(f.source);
            let cue_span = span(f.cue);
            let mut content_span = span(f.content);
            // A content opening inside a quote begun in an earlier sentence starts where the
            // quote does ("“A. B,” he said": the whole quote).
            if let Some(from) = carried_quote {
                if f.content.0 <= first_unquoted && content_span[1] > content_span[0] {
                    content_span[0] = content_span[0].min(from);
                }
            }
            let written = slice(chars, source_span[0], source_span[1]);
            let source = match (&previous_source, implicit) {
                (Some(p), true) => p.clone(),
                _ => resolve_source(&written, &mut speakers),
            };
            previous_source = Some(source.clone());
            let quotes_content = tokens
                .get(f.content.0..f.content.1)
                .is_some_and(|c| c.iter().any(is_quote));
            extendable = quotes_content.then_some(out.len());
            out.push(Attribution {
                source,
                cue: slice(chars, cue_span[0], cue_span[1]),
                content: slice(chars, content_span[0], content_span[1]),
                source_span,
                cue_span,
                content_span,
                date: date.clone(),
                path: sentence.path.clone(),
            });
        }
    }
    out
}

/// The speaker a written source stands for: itself, or for a pronoun or bare role the last named
/// speaker that matches; records named speakers in `speakers`.
fn resolve_source(written: &str, speakers: &mut Vec<Speaker>) -> String {
    let lower = written.to_lowercase();
    let words: Vec<&str> = lower.split_whitespace().collect();
    let named = written
        .split_whitespace()
        .skip(1)
        .any(|w| w.chars().next().is_some_and(char::is_uppercase))
        || written.split_whitespace().count() == 1
            && written.chars().next().is_some_and(char::is_uppercase)
            && !PRONOUNS.contains(&lower.as_str());
    if words.len() == 1 && PRONOUNS.contains(&lower.as_str()) {
        if let Some(s) = speakers.last() {
            return s.text.clone();
        }
    } else if words.len() == 2 && words.first().is_some_and(|d| DEFINITE_ARTICLES.contains(d)) {
        if let Some(role) = words.get(1) {
            if let Some(s) = speakers.iter().rev().find(|s| s.lower.contains(role)) {
                return s.text.clone();
            }
        }
    }
    if named {
        speakers.push(Speaker {
            text: written.to_string(),
            lower,
        });
    }
    written.to_string()
}

#[cfg(test)]
mod tests {
    use super::super::tokens::tokenize;
    use super::*;

    /// (source, cue, content) of each attribution, one sentence per item.
    fn attributions(sentences: &[&str], lang: Lang) -> Vec<(String, String, String)> {
        let text = sentences.join("\n");
        let chars: Vec<char> = text.chars().collect();
        let mut token_lists = Vec::new();
        let mut offset = 0;
        for s in sentences {
            let n = s.chars().count();
            token_lists.push(tokenize(&chars, offset, offset + n));
            offset += n + 1;
        }
        let st: Vec<SentenceTokens<'_>> = token_lists
            .iter()
            .map(|t| SentenceTokens {
                tokens: t,
                path: None,
                paragraph: 0,
            })
            .collect();
        find(&chars, &st, lang, None)
            .into_iter()
            .map(|a| (a.source, a.cue, a.content))
            .collect()
    }

    fn triple(s: &str, c: &str, q: &str) -> (String, String, String) {
        (s.to_string(), c.to_string(), q.to_string())
    }

    #[test]
    fn english_shapes_and_pronouns() {
        let got = attributions(
            &[
                "The outgoing administration intends to provoke an escalation, Kremlin spokesperson Dmitry Peskov told the media on Nov. 18.",
                "\"It is obvious,\" he said.",
                "Russian President Vladimir Putin has previously said that strikes would mean war.",
                "According to some reports, this concerns only Kursk Oblast.",
                "The weather was fine on Tuesday.",
            ],
            Lang::En,
        );
        assert_eq!(
            got,
            [
                triple(
                    "Kremlin spokesperson Dmitry Peskov",
                    "told",
                    "The outgoing administration intends to provoke an escalation"
                ),
                triple(
                    "Kremlin spokesperson Dmitry Peskov",
                    "said",
                    "\"It is obvious"
                ),
                // The cue takes its auxiliaries and adverbs, as PolNeAR's cues do.
                triple(
                    "Russian President Vladimir Putin",
                    "has previously said",
                    "that strikes would mean war"
                ),
                triple(
                    "some reports",
                    "According to",
                    "this concerns only Kursk Oblast"
                ),
            ]
        );
    }

    #[test]
    fn several_attributions_in_one_sentence() {
        let got = attributions(
            &[
                "The senator said the bill was dead, adding that talks would resume in March.",
                "Smith endorsed the plan, but Jones rejected it on Monday.",
                "He said that the mayor told him nothing.",
            ],
            Lang::En,
        );
        assert_eq!(
            got,
            [
                triple("The senator", "said", "the bill was dead"),
                // A participle after a comma: the source is the sentence's speaker, implicit.
                triple("The senator", "adding", "that talks would resume in March"),
                triple("Smith", "endorsed", "the plan"),
                triple("Jones", "rejected", "it on Monday"),
                // Nested speech inside a content is not a second attribution.
                triple("Jones", "said", "that the mayor told him nothing"),
            ]
        );
    }

    #[test]
    fn other_languages() {
        assert_eq!(
            attributions(&["«Це ескалація», — заявив Дмитро Пєсков."], Lang::Uk),
            [triple("Дмитро Пєсков", "заявив", "«Це ескалація»")]
        );
        assert_eq!(
            attributions(
                &["Песков заявил, что Запад провоцирует эскалацию."],
                Lang::Ru
            ),
            [triple(
                "Песков",
                "заявил",
                "что Запад провоцирует эскалацию"
            )]
        );
        assert_eq!(
            attributions(
                &["„Wir sind bereit“, sagte Kanzler Scholz am Montag."],
                Lang::De
            ),
            [triple("Kanzler Scholz", "sagte", "„Wir sind bereit“")]
        );
        assert_eq!(
            attributions(
                &["Selon le ministère, la situation reste tendue."],
                Lang::Fr
            ),
            [triple("le ministère", "Selon", "la situation reste tendue")]
        );
        assert_eq!(
            attributions(&["El portavoz dijo que la situación es grave."], Lang::Es),
            [triple("El portavoz", "dijo", "que la situación es grave")]
        );
    }
}
