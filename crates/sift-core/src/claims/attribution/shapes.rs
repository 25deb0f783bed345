//! The sentence shapes around a cue: source first, content first, prepositional and participle;
//! each yields the source, cue and content ranges.

use super::coordination::clause_joiner;
use super::cues::{cues_by_first_word, verb_cue_at, CueKind};
use super::dropped;
use super::interrupted::describes_the_source;
use super::punctuation::{
    closes_exclaimed_quote, is_boundary, is_quote, parenthetical_close, parenthetical_open,
};
use super::spans::{
    is_adverb, leading_connective, trim_addressee, trim_punct, trim_source, words_in,
};
use super::speakers::PRONOUNS;
use super::subjects::{introductory_word, leading_subject, names_a_subject, subject_before_commas};
use super::{Found, MAX_APPOSITIVE_SOURCE_WORDS, MAX_SOURCE_TOKENS, MIN_CONTENT_WORDS};
use crate::claims::dates;
use crate::claims::table_lookup;
use crate::claims::tokens::{Token, TokenKind};
use crate::lang::Lang;

/// What the shapes need to know of the sentence's language.
#[derive(Debug, Clone, Copy)]
pub(super) struct Grammar {
    /// The finite verb comes second (German): `Laut SOURCE VERB …`.
    pub verb_second: bool,
    /// English word order rules apply ([`takes_object_en`]).
    pub english: bool,
    /// A verb's subject may be left out (Spanish): `“…”, dijo.` ([`dropped::quote_then_cue`]).
    pub drops_subject: bool,
}

impl Grammar {
    /// The grammar of `lang` (undetermined text is read as English, as the cue model reads it).
    pub fn of(lang: Lang) -> Self {
        Self {
            verb_second: lang == Lang::De,
            english: matches!(lang, Lang::En | Lang::Undetermined),
            drops_subject: lang == Lang::Es,
        }
    }
}

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

/// Words after which a subject starts afresh inside a source segment ("… when she said").
const SUBORDINATORS: &[&str] = &[
    "when",
    "whenever",
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
    "unless",
    "once",
    "wenn",
    "weil",
    "als",
    "quand",
    "cuando",
    "коли",
    "когда",
];

/// English words right before which a cue word is a noun, not a verb ("following reports that …",
/// "the claims", "amid fears"): a verb's subject is never a bare preposition or article. ("a" and
/// "on" are left out: French "il a déclaré", "on dit".)
const NOUN_MARKERS: &[&str] = &[
    "the",
    "an",
    "following",
    "amid",
    "after",
    "before",
    "despite",
    "of",
    "over",
];

/// Reflexive objects after which a cue verb means "make oneself known", not speech ("заявила о
/// себе на весь мир", "заявив про себе").
const REFLEXIVE_OBJECTS: &[(&str, &str)] = &[("о", "себе"), ("про", "себе")];

/// Is the cue ending at `ce` followed by a [`REFLEXIVE_OBJECTS`] pair?
fn takes_reflexive_object(tokens: &[Token], ce: usize) -> bool {
    let (Some(a), Some(b)) = (tokens.get(ce), tokens.get(ce + 1)) else {
        return false;
    };
    REFLEXIVE_OBJECTS
        .iter()
        .any(|&(x, y)| a.lower() == x && b.lower() == y)
}

/// Is the cue at `c` a noun: right after a lower-case [`NOUN_MARKERS`] word?
fn follows_noun_marker(tokens: &[Token], c: usize) -> bool {
    c.checked_sub(1)
        .and_then(|k| tokens.get(k))
        .is_some_and(|t| !t.capital && noun_marker(t.lower()))
}

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

/// Finite auxiliaries: a phrase after a cue holding one is a clause, not a source ("X, the
/// leader, said | the deal was bad"), so the sentence is not content-first.
const FINITE_AUXILIARIES: &[&str] = &[
    "is",
    "are",
    "was",
    "were",
    "will",
    "would",
    "has",
    "have",
    "had",
    "can",
    "could",
    "should",
    "may",
    "might",
    "must",
    "does",
    "did",
    "isn't",
    "aren't",
    "wasn't",
    "weren't",
    "won't",
    "don't",
    "doesn't",
    "didn't",
    "hasn't",
    "haven't",
    "hadn't",
    "can't",
    "couldn't",
    "wouldn't",
    "shouldn't",
    "ist",
    "sind",
    "war",
    "waren",
    "wird",
    "werden",
    "est",
    "sont",
    "était",
    "sera",
    "son",
    "era",
    "fue",
    "será",
];

/// How far after a cue a "that" may come and still open the content ("told the media on Nov. 18 that").
const MAX_THAT_GAP: usize = 8;
/// Tokens either side of a cue examined in an over-long "sentence" (a stretch of text with no
/// sentence end): bounds each cue's shape scan so such stretches cost linear time, not quadratic.
/// Real sentences are far shorter, so their attributions are unchanged.
const CUE_WINDOW_TOKENS: usize = 120;

/// End of the phrase after `from`: up to the next boundary or the sentence's end, and with
/// `stop_at_prepositions`, before a preposition or a day word ("said Peskov | on Monday", "a
/// déclaré le maire | mercredi").
fn phrase_after(tokens: &[Token], from: usize, stop_at_prepositions: bool) -> usize {
    let mut e = from;
    while e < tokens.len() && e - from < MAX_SOURCE_TOKENS {
        if let Some(close) = parenthetical_close(tokens, e).filter(|_| e > from) {
            e = close + 1;
            continue;
        }
        match tokens.get(e) {
            Some(t) if is_boundary(t) => break,
            Some(t) if (t.is('.') || t.is('!') || t.is('?')) && e + 1 >= tokens.len() => break,
            Some(t)
                if stop_at_prepositions
                    && e > from
                    && ((!t.capital && source_stop(t.lower()))
                        || dates::is_day_word(t.lower())) =>
            {
                break
            }
            Some(_) => e += 1,
            None => break,
        }
    }
    e
}

/// [`shape`] on at most [`CUE_WINDOW_TOKENS`] tokens either side of the cue, spans shifted back
/// to the whole sentence.
pub(super) fn shape_windowed(
    tokens: &[Token],
    c: usize,
    ce: usize,
    kind: CueKind,
    grammar: Grammar,
) -> Option<Found> {
    if tokens.len() <= 2 * CUE_WINDOW_TOKENS {
        return shape(tokens, c, ce, kind, grammar);
    }
    let lo = c.saturating_sub(CUE_WINDOW_TOKENS);
    let hi = ce.saturating_add(CUE_WINDOW_TOKENS).min(tokens.len());
    let window = tokens.get(lo..hi)?;
    let shift = |(a, b): (usize, usize)| (a + lo, b + lo);
    shape(window, c - lo, ce - lo, kind, grammar).map(|f| Found {
        source: shift(f.source),
        cue: shift(f.cue),
        content: shift(f.content),
    })
}

/// Tries the sentence shapes around a cue at `[c, ce)`: for a preposition, [`prepositional`];
/// for a verb, [`content_first`], then [`participle`], then [`source_first`].
fn shape(tokens: &[Token], c: usize, ce: usize, kind: CueKind, grammar: Grammar) -> Option<Found> {
    let boundary = boundary_before(tokens, c);
    match kind {
        CueKind::Prep => prepositional(tokens, c, ce, grammar.verb_second),
        CueKind::Post => postpositional(tokens, c, ce, boundary),
        CueKind::Verb => {
            let found = verb_shape(tokens, c, ce, boundary, grammar)?;
            if grammar.drops_subject {
                dropped::subject_or_dropped(tokens, found)
            } else {
                Some(found)
            }
        }
    }
}

/// The shapes around a verb cue at `[c, ce)`, `boundary` the last clause boundary before it.
fn verb_shape(
    tokens: &[Token],
    c: usize,
    ce: usize,
    boundary: Option<usize>,
    grammar: Grammar,
) -> Option<Found> {
    {
        {
            if follows_noun_marker(tokens, c) || takes_reflexive_object(tokens, ce) {
                return None;
            }
            let subject_in_cue = dropped::pronoun_in_cue(tokens, c, ce);
            if grammar.drops_subject || subject_in_cue {
                if let Some(found) =
                    boundary.and_then(|q| dropped::quote_then_cue(tokens, c, ce, q, subject_in_cue))
                {
                    return Some(found);
                }
            }
            let (content_start, sqc_evidence) = content_start(tokens, c, ce);
            // "X endorsed Cruz, saying …": a participle after a comma takes the sentence's subject.
            let participle_cue = tokens.get(c).is_some_and(|t| t.lower().ends_with("ing"));
            if let Some(q) = boundary {
                let object = grammar.english && takes_object_en(tokens, c, ce);
                if let Some(found) =
                    content_first(tokens, c, ce, q, sqc_evidence, !participle_cue, object)
                {
                    return Some(found);
                }
            }
            if participle_cue && boundary == Some(c.saturating_sub(1)) {
                return participle(tokens, c, ce, content_start);
            }
            source_first(tokens, c, ce, boundary, content_start)
        }
    }
}

/// The last clause boundary before the cue at `c`: a comma, dash or colon, a quote closing on a
/// question or exclamation, or a quote from the sentence's start closing right before the cue; a short parenthetical is read past, as part of a name ("Graham (R-S.C.)
/// said").
fn boundary_before(tokens: &[Token], c: usize) -> Option<usize> {
    // A quote from the sentence's start closing right before the cue, without a comma
    // ("„Das macht Sebastian K.“ sagt uns die Quelle"): the quote is the content, not the subject.
    // (A comma inside the quote, "“…,” said I", is the boundary, found below.)
    let before = c.checked_sub(1);
    let inside = c.checked_sub(2).and_then(|k| tokens.get(k));
    if before.is_some_and(|k| k > 0 && tokens.get(k).is_some_and(is_quote))
        && tokens.first().is_some_and(is_quote)
        && !inside.is_some_and(is_boundary)
    {
        return before;
    }
    let mut k = c;
    while k > 0 {
        k -= 1;
        if let Some(open) = parenthetical_open(tokens, k) {
            k = open;
            continue;
        }
        if tokens.get(k).is_some_and(is_boundary) || closes_exclaimed_quote(tokens, k) {
            return Some(k);
        }
    }
    None
}

/// `According to SOURCE, CONTENT` (the cue opens the sentence) or `CONTENT, according to SOURCE`;
/// in a verb-second language also `Laut SOURCE VERB …` without a comma ([`verb_second_end`]).
fn prepositional(tokens: &[Token], c: usize, ce: usize, verb_second: bool) -> Option<Found> {
    let n = tokens.len();
    let first_word = (0..c).find(|&k| tokens.get(k).is_some_and(|t| t.is_word()));
    let at_start = first_word.is_none_or(|w| {
        w == c
            || tokens.get(w..c).is_some_and(|s| {
                s.iter()
                    .all(|t| leading_connective(t.lower()) || !t.is_word())
            })
    });
    // "laut dem Bericht" names a source; "laut und stanken" ("loud and …") does not.
    let names_next = tokens
        .get(ce)
        .is_some_and(|t| t.is_word() && !leading_connective(t.lower()));
    if !names_next {
        return None;
    }
    let mut se = phrase_after(tokens, ce, true);
    if verb_second {
        se = verb_second_end(tokens, ce, se);
    }
    let mut source = trim_source(tokens, ce, se);
    let content = if at_start {
        // "According to the spokesman, John Smith, the …": the name is the source's.
        if let Some(name_end) = appositive_name(tokens, source.1, se) {
            source.1 = name_end;
            se = name_end;
        }
        trim_punct(tokens, se, n)
    } else {
        trim_punct(tokens, 0, c)
    };
    found(tokens, source, (c, ce), content)
}

/// Most words in a name set off by commas after a role ("the spokesman, John Smith,").
const MAX_APPOSITIVE_NAME_WORDS: usize = 3;

/// Nouns of a person's role, lower-case, in the six languages: a name set off by commas right after
/// one is that person's ("the ministry's spokesman, John Smith, …"), while after an organisation
/// or a place it starts the content ("According to police, John Smith, 45, was arrested").
const ROLE_NOUNS: &[&str] = &[
    // English
    "adviser",
    "advisor",
    "aide",
    "ambassador",
    "analyst",
    "attorney",
    "ceo",
    "chair",
    "chairman",
    "chairwoman",
    "chief",
    "commander",
    "coach",
    "director",
    "economist",
    "editor",
    "expert",
    "founder",
    "governor",
    "head",
    "lawyer",
    "leader",
    "manager",
    "mayor",
    "minister",
    "official",
    "president",
    "professor",
    "prosecutor",
    "representative",
    "researcher",
    "secretary",
    "senator",
    "spokesman",
    "spokesperson",
    "spokeswoman",
    // German
    "anwalt",
    "anwältin",
    "bürgermeister",
    "bürgermeisterin",
    "chefin",
    "direktorin",
    "experte",
    "expertin",
    "leiter",
    "leiterin",
    "ministerin",
    "präsident",
    "präsidentin",
    "sprecher",
    "sprecherin",
    // French
    "directeur",
    "directrice",
    "ministre",
    "porte-parole",
    "présidente",
    "président",
    // Spanish
    "directora",
    "ministra",
    "ministro",
    "portavoz",
    "presidenta",
    "presidente",
    // Ukrainian and Russian
    "міністр",
    "речник",
    "речниця",
    "директор",
    "голова",
    "президент",
    "министр",
    "представитель",
    "пресс-секретарь",
];

/// The end of a name set off by commas after a source ending in a [`ROLE_NOUNS`] word at
/// `source_end`, the first comma at `comma`: 1 to [`MAX_APPOSITIVE_NAME_WORDS`] capitalised words
/// and a second comma, with more to come that is not a list going on ("…, Paris, London and
/// Berlin agreed").
fn appositive_name(tokens: &[Token], source_end: usize, comma: usize) -> Option<usize> {
    let role = tokens.get(source_end.checked_sub(1)?)?;
    if !role_noun(role.lower()) || !tokens.get(comma)?.is(',') {
        return None;
    }
    let words = tokens
        .get(comma + 1..)?
        .iter()
        .take_while(|t| t.is_word() && t.capital)
        .count();
    let close = comma + 1 + words;
    if words == 0 || words > MAX_APPOSITIVE_NAME_WORDS || !tokens.get(close)?.is(',') {
        return None;
    }
    let next = tokens.get(close + 1)?;
    let list_goes_on = next.is_word()
        && next.capital
        && tokens
            .get(close + 2)
            .is_some_and(|t| t.is(',') || list_joiner(t.lower()));
    (!list_goes_on).then_some(close)
}

/// Words that join the last item of a list, in the six languages.
const LIST_JOINERS: &[&str] = &[
    "and", "or", "und", "oder", "et", "ou", "y", "o", "і", "та", "и",
];

/// The attribution of these spans, when its source is not empty and its content holds at least
/// [`MIN_CONTENT_WORDS`].
fn found(
    tokens: &[Token],
    source: (usize, usize),
    cue: (usize, usize),
    content: (usize, usize),
) -> Option<Found> {
    (source.1 > source.0 && words_in(tokens, content.0, content.1) >= MIN_CONTENT_WORDS).then_some(
        Found {
            source,
            cue,
            content,
        },
    )
}

/// `SOURCE zufolge, CONTENT` ("Den Aussagen der Whistleblower zufolge hielt der Täter …"): the
/// source is the noun phrase from the sentence's start (or the last boundary) to the cue, and only
/// a noun phrase: where a verb comes before it ("Das Amt kontrollierte den Angaben zufolge …") the
/// phrase's start is not known, and nothing is found.
fn postpositional(tokens: &[Token], c: usize, ce: usize, boundary: Option<usize>) -> Option<Found> {
    let start = boundary.map_or(0, |b| b + 1);
    if c <= start || c - start > MAX_SOURCE_TOKENS || verb_second_end(tokens, start, c) < c {
        return None;
    }
    let source = trim_source(tokens, start, c);
    let content = trim_punct(tokens, ce, tokens.len());
    found(tokens, source, (c, ce), content)
}

/// Words of a German noun phrase that may follow its noun in lower case: determiners (a genitive
/// "der Zeitung"), prepositions and conjunctions joining a second noun ("Polizei und Feuerwehr").
const NOUN_PHRASE_LINKS_DE: &[&str] = &[
    "der", "die", "das", "des", "dem", "den", "ein", "eine", "einer", "eines", "einem", "einen",
    "von", "vom", "zur", "zum", "aus", "für", "mit", "und", "oder", "sowie",
];

table_lookup!(
    /// Whether the word is in [`FINITE_AUXILIARIES`].
    fn finite_auxiliary_in_table => FINITE_AUXILIARIES
);

/// Whether the word is a finite auxiliary ([`FINITE_AUXILIARIES`]), its apostrophe straight or
/// curly ("didn’t").
pub(super) fn finite_auxiliary(word: &str) -> bool {
    if word.contains('’') {
        finite_auxiliary_in_table(&word.replace('’', "'"))
    } else {
        finite_auxiliary_in_table(word)
    }
}

table_lookup!(
    /// Whether the word is in [`ADVERBIAL_OPENERS_EN`].
    fn adverbial_opener_en => ADVERBIAL_OPENERS_EN
);

table_lookup!(
    /// Whether the word is in [`DETERMINERS_EN`].
    fn determiner_en => DETERMINERS_EN
);

table_lookup!(
    /// Whether the word is in [`NOUN_PHRASE_LINKS_DE`].
    fn noun_phrase_link_de => NOUN_PHRASE_LINKS_DE
);

/// Where a source phrase `[from, end)` after a German "laut" / "nach Angaben" ends: German puts the
/// finite verb second, right after the fronted phrase, and writes nouns capitalised, so the phrase
/// ends at the first lower-case word right after a noun that does not carry the noun phrase on
/// ("Laut einem Bericht der Zeitung plant die Regierung …": "einem Bericht der Zeitung").
fn verb_second_end(tokens: &[Token], from: usize, end: usize) -> usize {
    (from + 1..end)
        .find(|&k| {
            let after_noun = tokens.get(k - 1).is_some_and(|p| p.is_word() && p.capital);
            tokens.get(k).is_some_and(|t| {
                after_noun && t.is_word() && !t.capital && !noun_phrase_link_de(t.lower())
            })
        })
        .unwrap_or(end)
}

/// Words after an English verb cue that open an adverbial, not an object ("…, Smith said | on
/// Monday", "…, she said | again"). "to" is decided by the word after it ([`takes_object_en`]).
const ADVERBIAL_OPENERS_EN: &[&str] = &[
    "about",
    "according",
    "after",
    "afterward",
    "afterwards",
    "again",
    "ago",
    "also",
    "as",
    "at",
    "before",
    "by",
    "during",
    "earlier",
    "early",
    "from",
    "here",
    "in",
    "instead",
    "last",
    "late",
    "later",
    "now",
    "of",
    "on",
    "over",
    "since",
    "then",
    "there",
    "this",
    "through",
    "today",
    "tomorrow",
    "tonight",
    "too",
    "until",
    "via",
    "when",
    "while",
    "with",
    "yesterday",
];

/// Determiners: after "to" they make it a preposition ("said to the crowd"), not an infinitive.
const DETERMINERS_EN: &[&str] = &[
    "a", "an", "the", "his", "her", "its", "their", "our", "my", "your", "this", "that", "these",
    "those",
];

/// Whether an English verb cue at `[c, ce)` has an object or complement after it ("noted | the
/// rule", "declined | to comment", "endorsed | Trump", "said | “…”"), rather than closing its
/// clause or going on with an adverbial ("said.", "said | on Monday", "said | Tuesday", "said |
/// repeatedly"). An addressee ("told | reporters") is not an object here: "…, she told reporters."
/// closes a content-first sentence.
fn takes_object_en(tokens: &[Token], c: usize, ce: usize) -> bool {
    if tokens.get(c).is_some_and(|t| addressee_cue(t.lower())) {
        return false;
    }
    // Adverbs are read past ("said repeatedly", "express privately | reservations").
    let k = (ce..tokens.len())
        .find(|&k| tokens.get(k).is_none_or(|t| !is_adverb(t)))
        .unwrap_or(tokens.len());
    let Some(t) = tokens.get(k) else {
        return false;
    };
    match t.kind {
        TokenKind::Number => true,
        TokenKind::Punct => is_quote(t) || t.is(':'),
        TokenKind::Word if t.lower() == "to" => tokens
            .get(k + 1)
            .is_some_and(|n| n.is_word() && !n.capital && !determiner_en(n.lower())),
        TokenKind::Word if t.capital => !dates::is_calendar_word(t.lower()),
        TokenKind::Word => !adverbial_opener_en(t.lower()),
    }
}

/// Whether a token opens reported content: a complementizer, a quote mark or a colon.
fn opens_content(t: &Token) -> bool {
    complementizer(t.lower()) || is_quote(t) || t.is(':')
}

/// Where the content after a verb cue at `[c, ce)` opens: right after the cue, or after an
/// addressee or time phrase ("told the media on Nov. 18 that …") at a "that", a quote or a colon.
/// Also whether that opening is evidence of a source-cue-content order (a skipped phrase, or
/// a "that", quote or colon right after the cue).
fn content_start(tokens: &[Token], c: usize, ce: usize) -> (usize, bool) {
    let n = tokens.len();
    let mut content_start = ce;
    let next = tokens.get(ce);
    let skips = next.is_some_and(|t| !opens_content(t))
        && (tokens.get(c).is_some_and(|t| addressee_cue(t.lower()))
            || next.is_some_and(|t| phrase_opener(t.lower()) || t.capital));
    if skips {
        let window_end = (ce + MAX_THAT_GAP).min(n);
        if let Some(k) = (ce..window_end).find(|&k| tokens.get(k).is_some_and(opens_content)) {
            content_start = k;
        }
    }
    let sqc_evidence = content_start != ce || next.is_some_and(opens_content);
    (content_start, sqc_evidence)
}

/// Content first, the content before the boundary `q`: "…, SOURCE said." or, when `inverted`
/// may be tried, "…, said SOURCE." (not for a participle: "…, fearing an escalation" names what
/// was feared, not who). `object`: the cue has an object after it, which is then the content
/// ("Through a spokesman, he declined | to comment"), unless a quote opens the sentence.
fn content_first(
    tokens: &[Token],
    c: usize,
    ce: usize,
    q: usize,
    sqc_evidence: bool,
    inverted: bool,
    object: bool,
) -> Option<Found> {
    let n = tokens.len();
    let between = words_in(tokens, q + 1, c);
    let rest_short = words_in(tokens, ce, n) <= MAX_SOURCE_TOKENS;
    let before_words = words_in(tokens, 0, q);
    // "„…", sagt der Philosoph X, und fügt hinzu …": a source phrase closed by a comma or a
    // clause joiner, with the sentence going on after it.
    let closed_source = tokens
        .get(ce)
        .is_some_and(|t| t.is_word() && !opens_content(t))
        && tokens
            .get(phrase_after(tokens, ce, true))
            .is_some_and(|t| is_boundary(t) || clause_joiner(t.lower()));
    let mut se = phrase_after(tokens, ce, true);
    // "…, Mr. Daniloff said | by telephone": a phrase opening on a preposition is no source
    // (not read where a quote opens the sentence: the shapes after this one would take the
    // quote for the source).
    let opens_on_preposition = !tokens.first().is_some_and(is_quote)
        && tokens.get(ce).is_some_and(|t| {
            !t.capital && (introductory_word(t.lower()) || preposition_after_cue(t.lower()))
        });
    let names_source = || {
        !opens_on_preposition
            && tokens
                .get(ce..se)
                .is_some_and(|p| !p.iter().any(|t| finite_auxiliary(t.lower())))
    };
    // "Keron Blair, executive director of AROS, called for …": in English a name set off by a
    // comma before an inverted cue is the subject, with its object after the cue.
    let subject_first = object && names_a_subject(tokens, q);
    if inverted
        && !subject_first
        && before_words >= MIN_CONTENT_WORDS
        && between == 0
        && (rest_short || closed_source)
        && words_in(tokens, ce, n) > 0
        && names_source()
    {
        // "said Senator Coons, Democrat of Delaware.": the appositive closing the
        // sentence belongs to the source, however long ("said Kenneth Baer, a former Obama
        // administration official who runs …"), as PolNeAR's sources take it.
        if tokens.get(se).is_some_and(|t| t.is(','))
            && !relative_speech(tokens, se + 1)
            && tokens.get(se + 1).is_some_and(|t| {
                // Not a participle: "…, said Smith, adding that …" is a second cue.
                t.capital
                    || role_noun(t.lower())
                    || (!t.lower().ends_with("ing") && describes_the_source(tokens, se + 1))
            })
        {
            se = n;
        }
        let mut source = trim_addressee(tokens, trim_source(tokens, ce, se));
        // "…, sagte er nervös", "…, fügte er hinzu": a pronoun is the whole source.
        if tokens
            .get(source.0)
            .is_some_and(|t| PRONOUNS.contains(&t.lower()))
        {
            source.1 = source.1.min(source.0 + 1);
        }
        let content = trim_punct(tokens, 0, q);
        if let Some(found) = Found::with_source(source, (c, ce), content) {
            return Some(found);
        }
    }
    let clause_end = phrase_after(tokens, ce, false);
    let after_words = words_in(tokens, ce, clause_end);
    let tail_is_short = after_words <= MAX_THAT_GAP && clause_end >= n.saturating_sub(1);
    // A long tail without "that" after the cue is still content-first unless the
    // part before the comma is an introductory phrase ("After the meeting, …").
    let introductory = (0..q)
        .find(|&k| tokens.get(k).is_some_and(|t| t.is_word()))
        .and_then(|k| tokens.get(k))
        .is_some_and(|t| introductory_word(t.lower()));
    // "“It was calm,” she said, …": a quote from the sentence's start to the comma is content.
    let quote_first = tokens.first().is_some_and(is_quote)
        && (q.saturating_sub(1)..=q + 1).any(|k| k > 0 && tokens.get(k).is_some_and(is_quote));
    let looks_content_first = quote_first
        || (!object
            && (tail_is_short
                || (!sqc_evidence && !introductory && before_words >= MIN_CLAUSE_WORDS)));
    // "…, said Beck, | who said there were …": a relative pronoun's clause says what follows.
    let relative_subject = relative_speech(tokens, q + 1);
    if before_words >= MIN_CONTENT_WORDS
        && between > 0
        && between <= MAX_SOURCE_TOKENS
        && looks_content_first
        && !relative_subject
    {
        let source = trim_source(tokens, q + 1, c);
        let content = trim_punct(tokens, 0, q);
        if let Some(found) = Found::with_source(source, (c, ce), content) {
            return Some(found);
        }
    }
    None
}

/// Prepositions that open a phrase after a cue rather than an inverted source ("said | by
/// telephone", "wrote | of Ms. Merkel"), beside the introductory words
/// ([`introductory_word`]: "in", "on", "at", "with", "for" and the other languages').
const PREPOSITIONS_AFTER_CUE: &[&str] =
    &["of", "to", "about", "over", "by", "through", "from", "into"];

table_lookup!(
    /// Whether the word is in [`PREPOSITIONS_AFTER_CUE`].
    fn preposition_after_cue => PREPOSITIONS_AFTER_CUE
);

/// Perfect auxiliaries read past before a relative clause's verb ("who has said").
const PERFECT_AUXILIARIES_EN: &[&str] = &["has", "have", "had"];

/// Whether an English relative clause with a speech verb of its own opens at `at` ("…, said
/// Beck, | who said there were …"): a second attribution, whose source is the relative pronoun,
/// not part of the first one's source. Only the written verb table counts: a learned cue there
/// is mostly an action or a passive ("who backed …", "who is listed as …"), still the source's
/// description.
fn relative_speech(tokens: &[Token], at: usize) -> bool {
    if !tokens
        .get(at)
        .is_some_and(|t| relative_pronoun_en(t.lower()))
    {
        return false;
    }
    (at + 1..tokens.len())
        .find_map(|k| {
            let t = tokens.get(k)?;
            let skipped = is_adverb(t) || PERFECT_AUXILIARIES_EN.contains(&t.lower());
            (!skipped).then_some(k)
        })
        .is_some_and(|k| verb_cue_at(tokens, k, cues_by_first_word(Lang::En)).is_some())
}

/// A participle cue right after a comma ("X endorsed Cruz, saying …"): the source is the
/// sentence's subject.
fn participle(tokens: &[Token], c: usize, ce: usize, content_start: usize) -> Option<Found> {
    let source = leading_subject(tokens, c);
    let content = trim_punct(tokens, content_start, tokens.len());
    found(tokens, source, (c, ce), content)
}

/// Source first: "SOURCE [aux] said [to X] [that] CONTENT", the source after the last
/// `boundary` before the cue (or the sentence's subject with its appositives).
fn source_first(
    tokens: &[Token],
    c: usize,
    ce: usize,
    boundary: Option<usize>,
    content_start: usize,
) -> Option<Found> {
    let seg_start = match boundary {
        Some(q) if words_in(tokens, q + 1, c) > 0 => q + 1,
        // "X, who spoke to Reuters, said": the subject is the sentence's first phrase.
        Some(_) => 0,
        None => 0,
    };
    let mut source = trim_source(tokens, seg_start, c);
    let mut with_appositives = false;
    if seg_start == 0 {
        if let Some(q) = boundary {
            if words_in(tokens, q + 1, c) == 0 {
                source = subject_before_commas(tokens, q);
                with_appositives = true;
            }
        }
    }
    // A closing parenthetical ("X (who wrote the story above) noted") is read as an appositive:
    // the source may be as long, and no subordinating word is looked for inside it.
    let parenthetical = source
        .1
        .checked_sub(1)
        .and_then(|last| parenthetical_open(tokens, last))
        .filter(|&open| open >= source.0);
    // "… when she said": the subject is what follows the last subordinating word (not
    // for a subject with its appositives: "X, as well as Y, said").
    let subordinate = (source.0..parenthetical.unwrap_or(source.1))
        .rev()
        .find(|&k| tokens.get(k).is_some_and(|t| subordinator(t.lower())));
    if let (Some(k), false) = (subordinate, with_appositives) {
        if k + 1 < source.1 {
            source = trim_source(tokens, k + 1, source.1);
        }
    }
    if !with_appositives {
        source = source_in_clause_en(tokens, source, parenthetical.unwrap_or(source.1));
    }
    let longest = if with_appositives || parenthetical.is_some() {
        MAX_APPOSITIVE_SOURCE_WORDS
    } else {
        MAX_SOURCE_TOKENS
    };
    // "Scott beamed and said …": a cue coordinated with an earlier verb takes the clause's
    // subject, not the words of the first verb's clause.
    if let Some(joiner) = coordinating_joiner_before(tokens, c) {
        let subject = leading_subject(tokens, joiner);
        // A subject, not a lone opening word ("In an interview … and said", "The doctors
        // found … and said": the phrase is not known, and the segment stays).
        let named = tokens.get(subject.0..subject.1).is_some_and(|words| {
            words.first().is_some_and(|w| !introductory_word(w.lower()))
                && !(words.len() == 1 && words.iter().all(|w| determiner_en(w.lower())))
        });
        if named && subject.0 >= source.0 {
            source = subject;
        }
    }
    let source_words = words_in(tokens, source.0, source.1);
    // A bare relative pronoun ("eine Studie, die sagt …") stands for a phrase this shape does
    // not reach: no source rather than a wrong one.
    if source_words == 0 {
        return None;
    }
    if source_words > longest {
        // Keep the phrase nearest the cue: from its last capitalised word or determiner run.
        let keep_from = source.1.saturating_sub(MAX_SOURCE_TOKENS / 2);
        source = (keep_from, source.1);
    }
    let content = trim_punct(tokens, content_start, tokens.len());
    (words_in(tokens, content.0, content.1) >= MIN_CONTENT_WORDS).then_some(Found {
        source,
        cue: (c, ce),
        content,
    })
}

/// English relative pronouns: one inside a source segment is itself the source ("a staffer at
/// the State Department who | said", as PolNeAR reads it), unless a subject follows it ("a
/// lawsuit in which Democrats | argued", "…, which he | said would be …"); one opening a clause
/// with a speech verb after a speaker is a second attribution's source ([`relative_speech`]);
/// the attributions inside a paraphrase read them too (`inner`).
const RELATIVE_PRONOUNS_EN: &[&str] = &["who", "which", "whom"];

table_lookup!(
    /// Whether the word is in [`RELATIVE_PRONOUNS_EN`].
    pub(super) fn relative_pronoun_en => RELATIVE_PRONOUNS_EN
);
/// English subject pronouns, a subject after a relative pronoun as a name is.
const SUBJECT_PRONOUNS_EN: &[&str] = &["he", "she", "they", "we", "i", "it", "you"];
/// English words after which a source segment's subject follows ("the gap between what Trump |
/// says", "one of the reasons that Trump | gave").
const CLAUSE_OPENERS_EN: &[&str] = &["what", "that"];

/// The source inside a segment `source` holding a relative or clause-opening word (the last one
/// before `search_end`: not inside a closing parenthetical).
fn source_in_clause_en(
    tokens: &[Token],
    source: (usize, usize),
    search_end: usize,
) -> (usize, usize) {
    let opener = (source.0..search_end).rev().find(|&k| {
        tokens.get(k).is_some_and(|t| {
            !t.capital && (relative_pronoun_en(t.lower()) || CLAUSE_OPENERS_EN.contains(&t.lower()))
        })
    });
    let Some(k) = opener else {
        return source;
    };
    let subject_follows = k + 1 < source.1
        && tokens.get(k + 1).is_some_and(|t| {
            t.is_word()
                && (t.capital
                    || determiner_en(t.lower())
                    || SUBJECT_PRONOUNS_EN.contains(&t.lower()))
        });
    let relative = tokens
        .get(k)
        .is_some_and(|t| relative_pronoun_en(t.lower()));
    if relative && !subject_follows {
        (k, k + 1)
    } else if k + 1 < source.1 {
        trim_source(tokens, k + 1, source.1)
    } else {
        source
    }
}

/// The "and" or "but" right before the cue at `c` (adverbs read past: "and also said"), with
/// words before it: the cue is a clause's second verb.
fn coordinating_joiner_before(tokens: &[Token], c: usize) -> Option<usize> {
    let k = (0..c).rev().find(|&k| {
        tokens
            .get(k)
            .is_none_or(|t| !(is_adverb(t) || t.lower() == "also"))
    })?;
    let joiner = tokens.get(k)?;
    (matches!(joiner.lower(), "and" | "but") && words_in(tokens, 0, k) > 0).then_some(k)
}

/// The content after a cue ending at `from`, up to `end`: past an addressee or time phrase to a
/// "that", a quote or a colon when one comes soon ("adding to reporters that …").
pub(super) fn content_after(tokens: &[Token], from: usize, end: usize) -> (usize, usize) {
    let start = if tokens.get(from).is_some_and(opens_content) {
        from
    } else {
        (from..(from + MAX_THAT_GAP).min(end))
            .find(|&k| {
                tokens
                    .get(k)
                    .is_some_and(|t| t.is(':') || t.lower() == "that")
            })
            .unwrap_or(from)
    };
    trim_punct(tokens, start, end)
}

table_lookup!(
    /// Whether the word is in [`COMPLEMENTIZERS`].
    fn complementizer => COMPLEMENTIZERS
);
table_lookup!(
    /// Whether the word is in [`ADDRESSEE_CUES`].
    fn addressee_cue => ADDRESSEE_CUES
);
table_lookup!(
    /// Whether the word is in [`PHRASE_OPENERS`].
    pub(super) fn phrase_opener => PHRASE_OPENERS
);
table_lookup!(
    /// Whether the word is in [`SUBORDINATORS`].
    pub(super) fn subordinator => SUBORDINATORS
);
table_lookup!(
    /// Whether the word is in [`NOUN_MARKERS`].
    fn noun_marker => NOUN_MARKERS
);
table_lookup!(
    /// Whether the word is in [`SOURCE_STOPS`].
    fn source_stop => SOURCE_STOPS
);
table_lookup!(
    /// Whether the word is in [`ROLE_NOUNS`].
    fn role_noun => ROLE_NOUNS
);
table_lookup!(
    /// Whether the word is in [`LIST_JOINERS`].
    fn list_joiner => LIST_JOINERS
);
