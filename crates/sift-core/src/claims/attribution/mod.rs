//! Who said what: source, cue and content of each attribution, found by cue words and the
//! shape of the sentence around them.
//!
//! Three shapes cover most news attributions:
//! - source first: `SOURCE CUE [that] CONTENT` ("Putin has previously said that …");
//! - content first: `CONTENT, SOURCE CUE` / `CONTENT, CUE SOURCE` ("…," Peskov said; «…», — заявив
//!   Пєсков);
//! - prepositional: `According to SOURCE, CONTENT` / `CONTENT, according to SOURCE`.
//!
//! A quote followed by a dash and a name, an interview's turn (`NAME: …` paragraphs where two
//! or more speakers take turns) and a headline `NAME: CLAIM` opening the text are marked by
//! punctuation alone (`signed`).
//!
//! A pronoun source ("he", "вона", "er") or a bare role ("the spokesperson") resolves to the last
//! named speaker (for a role, the last one with that role).
//!
//! Entry point: [`find`], over a page's sentences. Per sentence it masks quoted tokens
//! (`punctuation`), looks up cues token by token (`cues`, with the learned English lexicon
//! `lexicon_en`; in English, the classifier [`cue_model`] drops lexicon cues it scores low and
//! proposes candidate words it scores high), tries the shapes around each cue (`shapes`, whose subjects away from the cue
//! come from `subjects`), trims and widens the ranges (`spans`), splits a second attribution
//! off a content (`coordination`), runs a content over an attribution that interrupts it
//! (`interrupted`) or ends it where another clause begins (`clause_end`), and resolves each
//! source to a speaker (`speakers`); a verb whose subject holds no attitude ("is expected to",
//! "seemed") names no source (`raising`).

mod catenative;
mod clause_end;
mod coordination;
pub mod cue_model;
mod cue_weights_en;
mod cues;
mod dropped;
mod inner;
mod interrupted;
mod lexicon_en;
mod not_speech;
mod punctuation;
mod raising;
mod shapes;
pub(in crate::claims) mod signed;
mod spans;
mod speakers;
mod speech_noun;
mod subjects;
mod trailing;

use super::dates::DateMention;
use super::tokens::{slice, Token, TokenKind};
use crate::analysis::Attribution;
use crate::lang::Lang;
use catenative::{take_continuation, take_leading_verb};
use clause_end::end_at_next_clause;
use coordination::split_coordinated;
use cue_model::{features, score, Features};
use cues::{cue_at, cues_by_first_word, prep_cue_at, verb_cue_at, ByFirst, CueKind};
use inner::inner_attribution;
use interrupted::widen_over_attribution;
use punctuation::{inside_quotes, is_quote};
use raising::{holder_unstated, passive_agent};
use shapes::{shape_windowed, Grammar};
use spans::{trim_punct, widen_cue, words_in};
use speakers::{resolve_source, Speaker};
use speech_noun::take_speech_noun;
use subjects::{closing_pronoun, lost_subject};

/// Longest source, in words, kept whole with its appositives ("X, a former aide to Y,").
const MAX_APPOSITIVE_SOURCE_WORDS: usize = 20;
/// Most attributions taken from one sentence (bounds the work in run-on text).
const MAX_PER_SENTENCE: usize = 8;
/// Longest source, in tokens.
const MAX_SOURCE_TOKENS: usize = 10;
/// Fewest words a content needs.
const MIN_CONTENT_WORDS: usize = 2;
/// Least [`cue_model`] score for an English lexicon cue to be kept (a lower one is a word in
/// non-attributive use: "called" as "named"). Chosen on held-out train.
const REJECT_BELOW: i32 = -100;
/// Least [`cue_model`] score for a word outside the lexicon ([`cue_weights_en::CANDIDATES`]) to
/// be taken as a cue. Chosen on held-out train.
const PROPOSE_FROM: i32 = 0;

crate::claims::table_lookup!(
    /// Whether the word may be proposed by the cue model ([`cue_weights_en::CANDIDATES`]).
    fn model_candidate => cue_weights_en::CANDIDATES
);

/// Whether `lang` finds its cues with the English table, and so with the cue model.
fn uses_model(lang: Lang) -> bool {
    matches!(lang, Lang::En | Lang::Undetermined)
}

/// One sentence ready for attribution: its tokens and where it is.
pub struct SentenceTokens<'a> {
    /// The tokens of the sentence.
    pub tokens: &'a [Token<'a>],
    /// Its date mentions ([`super::dates::find`]); an attribution takes the first resolved one.
    pub dates: &'a [DateMention],
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

    /// A verb right after its source, or before it ("sources said", "said Mr. Barrett"), not a
    /// verb group ("were told", "was named").
    fn bare_verb(&self) -> bool {
        self.source.1 == self.cue.0 || self.cue.1 <= self.source.0
    }
}

/// English particles a verb cue takes with it ("spoke about", "shot back", "voted against",
/// "lashed out", "opened up", "shrugged off"), as PolNeAR's annotators take them: in train a gold
/// cue goes on with "about" 154 times and stops before it 24 times, with "out" 90 times and 0.
const CUE_PARTICLES_EN: &[&str] = &["about", "back", "against", "out", "up", "off"];

/// Forms of "say", whose cue stays the verb ("what he said about it").
const SAY_FORMS_EN: &[&str] = &["say", "says", "said", "saying"];

impl Found {
    /// The attribution with its cue taking the English particle right after it, the content then
    /// starting after the particle. Not after a form of "say", nor before a number ("said about 40
    /// people"), "up" before "to" or "out" before "of" (prepositions: "up to 5%", "out of the
    /// box"), nor a particle inside the source or quoted.
    fn with_particle(self, tokens: &[Token<'_>], quoted: &[bool]) -> Self {
        let k = self.cue.1;
        let Some(particle) = tokens.get(k).filter(|t| t.is_word()) else {
            return self;
        };
        let last_cue_word = k.checked_sub(1).and_then(|l| tokens.get(l));
        let next = tokens.get(k + 1);
        let before_amount = next.is_some_and(|n| {
            n.kind == TokenKind::Number
                || n.is('$')
                || (particle.lower() == "up" && n.lower() == "to")
                || (particle.lower() == "out" && n.lower() == "of")
        });
        let (content_from, content_to) = self.content;
        if !CUE_PARTICLES_EN.contains(&particle.lower())
            || last_cue_word.is_some_and(|w| SAY_FORMS_EN.contains(&w.lower()))
            || before_amount
            || quoted.get(k).copied().unwrap_or(false)
            || (self.source.0 <= k && k < self.source.1)
            || (content_from < k && k < content_to)
            || (content_from == k && content_to <= k + 1)
        {
            return self;
        }
        let content_from = if content_from == k {
            k + 1
        } else {
            content_from
        };
        Self {
            cue: (self.cue.0, k + 1),
            content: (content_from, content_to),
            ..self
        }
    }
}

/// Whether token `k` lies in one of `f`'s spans.
fn covers(f: &Found, k: usize) -> bool {
    [f.source, f.cue, f.content]
        .iter()
        .any(|&(a, b)| a <= k && k < b)
}

/// Quotes carried from sentence to sentence within a paragraph (they do not run across
/// paragraphs), read alike by [`find`] and [`visit_candidates`].
struct QuoteTracker {
    /// Where the quote still open after the last sentence began, if one is.
    open: Option<usize>,
    /// The last sentence's paragraph (`usize::MAX` before the first).
    paragraph: usize,
    /// Which tokens of the current sentence stand inside quotes.
    quoted: Vec<bool>,
}

impl QuoteTracker {
    fn new() -> Self {
        Self {
            open: None,
            paragraph: usize::MAX,
            quoted: Vec::new(),
        }
    }

    /// Moves on to `sentence` and masks its quoted tokens in `quoted`. Returns whether it opens a
    /// new paragraph, and where the quote it starts inside began (`None` when it starts outside).
    fn next(&mut self, sentence: &SentenceTokens<'_>) -> (bool, Option<usize>) {
        let new_paragraph = sentence.paragraph != self.paragraph;
        if new_paragraph {
            self.paragraph = sentence.paragraph;
            self.open = None;
        }
        let carried = self.open;
        self.open = inside_quotes(sentence.tokens, self.open, &mut self.quoted);
        (new_paragraph, carried)
    }
}

/// Finds the attributions in `sentences`; `chars` is the article text.
pub fn find(chars: &[char], sentences: &[SentenceTokens<'_>], lang: Lang) -> Vec<Attribution> {
    let by_first = cues_by_first_word(lang);
    let model = uses_model(lang);
    let grammar = Grammar::of(lang);
    let mut out: Vec<Attribution> = Vec::new();
    let mut speakers: Vec<Speaker> = Vec::new();
    let mut quotes = QuoteTracker::new();
    // The last attribution whose quoted content may go on in the next sentence.
    let mut extendable: Option<usize> = None;
    // Where the current paragraph's text begins.
    let mut paragraph_start = 0;
    // An interview's speakers, and the turn whose paragraph is being read.
    let interview = signed::interview_speakers(sentences);
    let mut turn: Option<usize> = None;
    // A paragraph ending `SOURCE CUE:` with no attribution of its own, whose content may be the
    // quote opening the next paragraph.
    let mut lead_in: Option<&[Token<'_>]> = None;
    for (k, sentence) in sentences.iter().enumerate() {
        let tokens = sentence.tokens;
        let (new_paragraph, carried_quote) = quotes.next(sentence);
        if new_paragraph {
            extendable = None;
        }
        let starts_inside = carried_quote.is_some();
        let quoted = &quotes.quoted;
        let opens_with_quote = tokens.first().is_some_and(is_quote);
        if new_paragraph {
            paragraph_start = tokens.first().map_or(0, |t| t.start);
            turn = None;
        }
        let interview_turn = new_paragraph
            .then(|| signed::interview_turn(tokens, &interview))
            .flatten();
        // A quote signed with a dash is that speaker's, cue words inside included (nested
        // speech); else the cue words decide. Its content may reach back before the sentence,
        // to where the quote opened.
        let mut reaches_back = None;
        let signed = signed::quote_signature(tokens, quoted).map(|s| {
            reaches_back = s
                .opened_before
                .then(|| carried_quote.unwrap_or(paragraph_start));
            s.found
        });
        let ends_paragraph = sentences
            .get(k + 1)
            .is_none_or(|next| next.paragraph != sentence.paragraph);
        // The text's first paragraph, one sentence `NAME: CLAIM`, outside an interview: the
        // headline's claim. (Anywhere else such a line is far more often a label and its value:
        // `Dauer: 1 Stunde`, `Portion Fix Containers: 1 Green, 1 Red`.)
        let headline = (k == 0 && ends_paragraph && interview.is_empty())
            .then(|| signed::headline_claim(tokens))
            .flatten();
        let mut found = match signed.or(interview_turn).or(headline) {
            Some(f) => vec![(f, false)],
            None => sentence_attributions(tokens, quoted, by_first, model, grammar),
        };
        let lead = lead_in.take();
        if found.is_empty()
            && ends_paragraph
            && tokens.last().is_some_and(|t| t.is(':'))
            && !quoted.iter().any(|&q| q)
        {
            lead_in = Some(sentence.tokens);
        }
        // The quote opening a paragraph after a lead-in is its content: the two are read as one
        // sentence (rare: the tokens are copied).
        let joined: Option<(Vec<Token<'_>>, Vec<bool>)> = lead
            .filter(|_| found.is_empty() && new_paragraph && opens_with_quote)
            .map(|lead| {
                let tokens: Vec<Token<'_>> = lead.iter().chain(tokens).copied().collect();
                let mut mask = vec![false; lead.len()];
                mask.extend_from_slice(quoted);
                (tokens, mask)
            });
        let (tokens, quoted) = match &joined {
            Some((joined_tokens, joined_quoted)) => {
                found =
                    sentence_attributions(joined_tokens, joined_quoted, by_first, model, grammar);
                if found.is_empty() {
                    (tokens, quoted.as_slice())
                } else {
                    (joined_tokens.as_slice(), joined_quoted.as_slice())
                }
            }
            None => (tokens, quoted.as_slice()),
        };
        if signed.is_none() && interview_turn.is_some() {
            turn = Some(out.len());
        }
        let Some(_) = found.first() else {
            // A quote going on from an attributed sentence belongs to the same content (when the
            // sentence is all quote: words after it may name another speaker the cues missed,
            // "« … », a-t-il estimé"), and an interview's turn runs on to the end of its paragraph.
            let all_quote = || {
                tokens
                    .iter()
                    .zip(quoted.iter())
                    .all(|(t, &q)| q || !t.is_word())
            };
            let going_on =
                turn.or(extendable.filter(|_| (starts_inside || opens_with_quote) && all_quote()));
            if let Some(last) = going_on.and_then(|k| out.get_mut(k)) {
                let (_, b) = trim_punct(tokens, 0, tokens.len());
                if let Some(end) = b.checked_sub(1).and_then(|l| tokens.get(l)) {
                    last.content_span[1] = end.end;
                    last.content = slice(chars, last.content_span[0], last.content_span[1]);
                }
                continue;
            }
            extendable = None;
            continue;
        };
        let first_unquoted = quoted.iter().position(|q| !q).unwrap_or(tokens.len());
        let mut previous_source: Option<String> = None;
        let date = sentence.dates.iter().find_map(|d| d.iso.clone());
        for (f, implicit) in found {
            let mut f = f;
            // The subject of an attribution that names no source ("X is expected to …"; empty
            // where the subject was not found): no source is resolved for it.
            let mut unstated = None;
            if grammar.english {
                take_leading_verb(tokens, quoted, &mut f);
                take_continuation(tokens, quoted, &mut f);
                f = f.with_particle(tokens, quoted);
                take_speech_noun(tokens, quoted, &mut f);
                f.source = closing_pronoun(tokens, f.source);
                if !passive_agent(tokens, &mut f) {
                    unstated =
                        holder_unstated(tokens, &mut f).or_else(|| lost_subject(tokens, &mut f));
                }
            }
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
            let mut quotes_content = tokens
                .get(f.content.0..f.content.1)
                .is_some_and(|c| c.iter().any(is_quote));
            if let Some(from) = carried_quote {
                if f.content.0 <= first_unquoted && content_span[1] > content_span[0] {
                    content_span[0] = content_span[0].min(from);
                    quotes_content = true;
                }
            }
            if let Some(from) = reaches_back {
                content_span[0] = content_span[0].min(from);
            }
            let written = match unstated {
                Some(subject) => {
                    let [a, b] = span(subject);
                    slice(chars, a, b)
                }
                None => slice(chars, source_span[0], source_span[1]),
            };
            let source = match (&previous_source, implicit) {
                _ if unstated.is_some() && written.is_empty() => String::new(),
                (Some(p), true) => p.clone(),
                _ => resolve_source(&written, &mut speakers),
            };
            if source.is_empty() && unstated.is_none() {
                // A subject left out with no speaker before it: who spoke is not known.
                continue;
            }
            if !source.is_empty() {
                previous_source = Some(source.clone());
            }
            let source = if unstated.is_some() {
                String::new()
            } else {
                source
            };
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

/// Whether `word` (lower case) opens a verb cue of `lang`: how the sentence splitter tells an
/// attribution after a quote ("“…?” Clinton said.") from a new sentence.
pub(in crate::claims) fn opens_verb_cue(word: &str, lang: Lang) -> bool {
    cues_by_first_word(lang)
        .get(word)
        .is_some_and(|cues| cues.iter().any(|(_, kind)| *kind == CueKind::Verb))
}

/// Tokens after a proposed cue within which a lexicon verb cue takes precedence over it ("Several
/// cast members said …": "said" is the cue, not "cast").
const PROPOSAL_YIELDS_WITHIN: usize = 2;

/// Whether a lexicon verb cue follows token `i` within [`PROPOSAL_YIELDS_WITHIN`] words.
fn lexicon_verb_follows(tokens: &[Token], i: usize, by_first: &ByFirst) -> bool {
    (i + 1..=i + PROPOSAL_YIELDS_WITHIN)
        .take_while(|&k| tokens.get(k).is_some_and(Token::is_word))
        .any(|k| verb_cue_at(tokens, k, by_first).is_some())
}

/// The attribution whose cue starts at token `i`, with the cue's length in tokens: a cue of the
/// lexicon (unless the model rejects a verb cue in non-attributive use, "called" = named), or with
/// `model` a word the lexicon lacks where the classifier is confident; and a sentence shape
/// around it.
fn cue_hit(
    tokens: &[Token],
    i: usize,
    by_first: &ByFirst,
    model: bool,
    grammar: Grammar,
) -> Option<(Found, usize)> {
    let t = tokens.get(i)?;
    if let Some(candidates) = by_first.get(t.lower()) {
        let verb = candidates.first().is_some_and(|c| c.1 == CueKind::Verb);
        if model && verb && score(&features(tokens, i, true)) < REJECT_BELOW {
            return None;
        }
        return candidates.iter().find_map(|(words, kind)| {
            let mut len = cue_at(tokens, i, words)?;
            if *kind == CueKind::Prep && !grammar.english {
                len += verb_after_preposition(tokens, i + len, by_first);
            }
            shape_windowed(tokens, i, i + len, *kind, grammar).map(|f| (f, len))
        });
    }
    let proposed = model
        && t.is_word()
        && model_candidate(t.lower())
        && !lexicon_verb_follows(tokens, i, by_first)
        && score(&features(tokens, i, false)) >= PROPOSE_FROM;
    proposed
        .then(|| shape_windowed(tokens, i, i + 1, CueKind::Verb, grammar))
        .flatten()
        .map(|f| (f, 1))
}

/// The length of a verb cue at token `k`, right after a prepositional cue, or 0: the verb joins the
/// preposition and its subject, after it, is the source ("Según informó la DGSA, …", "…, según
/// contó la vecina": cue "según informó", source "la DGSA"). Not in English, where such a word is
/// a noun ("according to reports").
fn verb_after_preposition(tokens: &[Token], k: usize, by_first: &ByFirst) -> usize {
    verb_cue_at(tokens, k, by_first).unwrap_or(0)
}

/// Tokens from a sentence's end searched for the cue of a closing attribution (room for a source
/// with its appositive: "…, said Mr. Barrett, the lawyer for the state's environmental agency.").
const CLOSING_CUE_WITHIN: usize = 30;
/// Most words after a closing attribution's source and cue, ending in a day ("…, officials said on
/// Monday.").
const MAX_WORDS_AFTER_CLOSING: usize = 3;

/// A sentence's closing attribution, as [`closing_attribution`] finds it.
enum Closing {
    /// The sentence's only attribution: its content is everything before it.
    Whole(Found),
    /// A prepositional cue closing a sentence whose verb cues are set off by commas ("His
    /// campaign manager, Jeff Weaver, says A, | according to the AP."): found after the others,
    /// which end at its comma ([`trailing::add_after_others`]).
    AfterOthers(Found),
}

/// An attribution closing the sentence whose content is everything before it ("X did Y, sources
/// said.", "…, said Mr. Barrett, the lawyer for …"): the sentence is that source's claim, and a
/// cue inside it is nested speech, which PolNeAR leaves unannotated ("Secret Service protocol
/// called for …, sources said": the cue is "said", not "called").
fn closing_attribution(
    tokens: &[Token],
    quoted: &[bool],
    by_first: &ByFirst,
    model: bool,
    grammar: Grammar,
) -> Option<Closing> {
    let first_word = tokens
        .iter()
        .position(|t| t.is_word() || t.kind == TokenKind::Number)?;
    // The cue follows one of the last two commas ("…, sources said", "…, said Mr. Barrett, the
    // lawyer for …"): looked for after them only, and only the last lexicon verb (not a word the
    // model would propose) is tried, so a sentence costs at most one shape.
    let from = tokens.len().saturating_sub(CLOSING_CUE_WITHIN);
    let mut commas = (from..tokens.len())
        .rev()
        .filter(|&k| tokens.get(k).is_some_and(|t| t.is(',')));
    let last_comma = commas.next()?;
    if let Some(f) = closing_prepositional(tokens, quoted, by_first, model, grammar, last_comma) {
        // A verb cue set off by a comma inside is an attribution of its own ("Growth will slow,
        // officials said, and unemployment will rise, according to the minutes").
        let set_off_cue = (0..last_comma)
            .any(|k| verb_cue_at(tokens, k, by_first).is_some() && comma_shortly_before(tokens, k));
        return Some(if set_off_cue {
            Closing::AfterOthers(f)
        } else {
            Closing::Whole(f)
        });
    }
    let search_from = commas.next().unwrap_or(last_comma) + 1;
    let last_verb = last_verb_cue(tokens, quoted, by_first, search_from)?;
    if !comma_shortly_before(tokens, last_verb) {
        return None;
    }
    let (f, _) = cue_hit(tokens, last_verb, by_first, model, grammar)?;
    let opens_sentence = words_in(tokens, 0, f.content.0) == 0 && f.content.0 <= first_word + 1;
    // "CONTENT, SOURCE CUE" or "CONTENT, CUE SOURCE": a comma (or a quote closing on one) between.
    let attribution_start = f.source.0.min(f.cue.0);
    let set_off = f.content.1 <= attribution_start
        && tokens
            .get(f.content.1..attribution_start)
            .is_some_and(|between| {
                between.iter().any(|t| t.is(','))
                    && words_in(tokens, f.content.1, attribution_start) == 0
            });
    let before_both = set_off && f.bare_verb() && names_a_speaker(tokens, f.source, by_first);
    let closes = closes_sentence(tokens, &f);
    // A quote in it has its own speaker, who comes first ("“…,” Peskov said in response …, RIA
    // Novosti reported": Peskov's claim).
    (opens_sentence && before_both && closes && !holds_quote(tokens, quoted, f.content))
        .then_some(Closing::Whole(f))
}

/// Whether nothing follows `f`'s source and cue but a day ("…, officials said Monday.", "… on
/// Monday.").
fn closes_sentence(tokens: &[Token], f: &Found) -> bool {
    let attribution_end = f.source.1.max(f.cue.1);
    tokens.get(attribution_end..).is_some_and(|after| {
        let words: Vec<&Token> = after.iter().filter(|t| t.is_word()).collect();
        let day = |t: &&Token| crate::claims::dates::is_day_word(t.lower());
        let opens_time = |t: &&Token| day(t) || shapes::phrase_opener(t.lower());
        words.len() <= MAX_WORDS_AFTER_CLOSING
            && words.first().is_none_or(opens_time)
            && words.last().is_none_or(day)
    })
}

/// A second speaker closing a sentence that an earlier attribution's content runs into ("Rhimes
/// urged voters to act, and the group is “ready to fight,” Hoover said."; "… the need for strong
/// will: “Change the world,” she said."): when a clause boundary (`:`, `;`, `, and`, `, but`)
/// parts the two, the earlier content ends there and the clause after it is the closing
/// speaker's. Without one the earlier attribution is kept as found.
fn closing_after_speech(
    tokens: &[Token],
    quoted: &[bool],
    by_first: &ByFirst,
    model: bool,
    grammar: Grammar,
    found: &mut Vec<(Found, bool)>,
) {
    // Only a content running on after its cue can hold a closing attribution.
    if found
        .last()
        .is_none_or(|(earlier, _)| earlier.content.1 <= earlier.cue.1)
    {
        return;
    }
    let from = tokens.len().saturating_sub(CLOSING_CUE_WITHIN);
    let Some(last_verb) = last_verb_cue(tokens, quoted, by_first, from) else {
        return;
    };
    let Some((mut closing, _)) = cue_hit(tokens, last_verb, by_first, model, grammar) else {
        return;
    };
    let start = closing.source.0.min(closing.cue.0);
    // "…, SOURCE CUE" or "…, CUE SOURCE" with a named speaker or a pronoun, after a comma (and a
    // closing quote) and nothing else.
    let comma = (from..start)
        .rev()
        .take_while(|&k| tokens.get(k).is_some_and(|t| !t.is_word()))
        .find(|&k| tokens.get(k).is_some_and(|t| t.is(',')));
    let Some(comma) = comma else {
        return;
    };
    if !closing.bare_verb()
        || !names_a_speaker(tokens, closing.source, by_first)
        || !closes_sentence(tokens, &closing)
    {
        return;
    }
    let Some((earlier, _)) = found.last_mut() else {
        return;
    };
    if !(earlier.cue.1 < start && earlier.content.0 < start && start < earlier.content.1) {
        return;
    }
    let unquoted = |k: usize| !quoted.get(k).copied().unwrap_or(false);
    let is_at = |k: usize, c: char| tokens.get(k).is_some_and(|t| t.is(c));
    let joins = |k: usize| {
        tokens
            .get(k + 1)
            .is_some_and(|n| matches!(n.lower(), "and" | "but"))
    };
    let boundary = (earlier.content.0.max(earlier.cue.1)..comma)
        .rev()
        .find(|&k| unquoted(k) && (is_at(k, ':') || is_at(k, ';') || (is_at(k, ',') && joins(k))));
    let Some(b) = boundary else {
        return;
    };
    let after = if is_at(b, ',') { b + 2 } else { b + 1 };
    let (before, said) = (
        trim_punct(tokens, earlier.content.0, b),
        trim_punct(tokens, after, comma),
    );
    if before.1 <= before.0 || said.1 <= said.0 {
        return;
    }
    earlier.content = before;
    closing.content = said;
    widen_cue(tokens, &mut closing);
    found.push((closing, false));
}

/// The last verb cue of the lexicon from token `from` on, outside quotes.
fn last_verb_cue(
    tokens: &[Token],
    quoted: &[bool],
    by_first: &ByFirst,
    from: usize,
) -> Option<usize> {
    (from..tokens.len()).rev().find(|&i| {
        !quoted.get(i).copied().unwrap_or(false) && verb_cue_at(tokens, i, by_first).is_some()
    })
}

/// Whether a comma stands within a source's length before token `k` ("…, sources | said").
fn comma_shortly_before(tokens: &[Token], k: usize) -> bool {
    (k.saturating_sub(MAX_SOURCE_TOKENS + 1)..k).any(|j| tokens.get(j).is_some_and(|t| t.is(',')))
}

/// Whether the range holds a quote mark or a quoted token.
fn holds_quote(tokens: &[Token], quoted: &[bool], (a, b): (usize, usize)) -> bool {
    (a..b).any(|k| quoted.get(k).copied().unwrap_or(false) || tokens.get(k).is_some_and(is_quote))
}

/// A prepositional cue right after the sentence's last comma ("Clinton plans to visit Charlotte
/// on Sunday, | according to a campaign aide."): the sentence before it is the source's claim.
fn closing_prepositional(
    tokens: &[Token],
    quoted: &[bool],
    by_first: &ByFirst,
    model: bool,
    grammar: Grammar,
    last_comma: usize,
) -> Option<Found> {
    let at = last_comma + 1;
    if prep_cue_at(tokens, at, by_first).is_none() || quoted.get(at).copied().unwrap_or(false) {
        return None;
    }
    let (f, _) = cue_hit(tokens, at, by_first, model, grammar)?;
    let opens_sentence = words_in(tokens, 0, f.content.0) == 0;
    (opens_sentence && f.content.1 <= f.cue.0 && !holds_quote(tokens, quoted, f.content))
        .then_some(f)
}

/// Most words of a closing attribution's source that opens in lower case ("people familiar with
/// the talks"); one opening with a capital may run to its appositive's end.
const MAX_LOWER_CASE_SPEAKER_WORDS: usize = 5;

/// Whether `source` reads as a speaker, not a clause cut short: no finite auxiliary,
/// subordinating word, relative pronoun or verb cue in it ("though there is no indication she |
/// has shown", "the Palestinians pledged new measures to | oppose"), and short unless it opens
/// with a capital.
fn names_a_speaker(tokens: &[Token], source: (usize, usize), by_first: &ByFirst) -> bool {
    let Some(words) = tokens.get(source.0..source.1).filter(|w| !w.is_empty()) else {
        return false;
    };
    let clause_word = (source.0..source.1).any(|k| {
        tokens.get(k).is_some_and(|t| {
            shapes::finite_auxiliary(t.lower())
                || shapes::subordinator(t.lower())
                || subjects::RELATIVES.contains(&t.lower())
        }) || verb_cue_at(tokens, k, by_first).is_some()
    });
    let capital = words.first().is_some_and(|t| t.capital);
    !clause_word
        && (capital || words_in(tokens, source.0, source.1) <= MAX_LOWER_CASE_SPEAKER_WORDS)
}

/// Every attribution of a sentence, left to right, each with whether its source is implicit
/// (another's); `quoted` masks the tokens inside quotes. A cue inside one already found is nested
/// speech, not another, unless it opens another speaker's clause in a paraphrase
/// ([`inner_attribution`]). `model`: the cue classifier checks and proposes verb cues (English);
/// `grammar`: what the shapes need of the language.
fn sentence_attributions(
    tokens: &[Token],
    quoted: &[bool],
    by_first: &ByFirst,
    model: bool,
    grammar: Grammar,
) -> Vec<(Found, bool)> {
    let after_others = match closing_attribution(tokens, quoted, by_first, model, grammar) {
        Some(Closing::Whole(mut f)) => {
            widen_cue(tokens, &mut f);
            return vec![(f, false)];
        }
        Some(Closing::AfterOthers(f)) => Some(f),
        None => None,
    };
    let mut found: Vec<(Found, bool)> = Vec::new();
    let marker_end = if grammar.english {
        not_speech::marker_end(tokens)
    } else {
        0
    };
    let mut i = 0;
    while i < tokens.len() && found.len() < MAX_PER_SENTENCE {
        if quoted.get(i).copied().unwrap_or(false) {
            i += 1;
            continue;
        }
        if let Some(h) = found.iter().position(|(f, _)| covers(f, i)) {
            let inner = found.get_mut(h).and_then(|(host, _)| {
                inner_attribution(tokens, quoted, i, host, by_first, model, grammar)
            });
            match inner {
                Some((f, len)) => {
                    found.push((f, false));
                    i += len;
                }
                None => i += 1,
            }
            continue;
        }
        if i < marker_end {
            i += 1;
            continue;
        }
        let Some((mut f, len)) = cue_hit(tokens, i, by_first, model, grammar)
            .filter(|(f, _)| !not_speech::demonstrative_object(tokens, f, grammar.verb_second))
        else {
            i += 1;
            continue;
        };
        // No source reaches into an opening discourse marker ("That said the government argued").
        if f.source.0 < marker_end {
            f.source.0 = marker_end.min(f.source.1);
            if f.source.1 <= f.source.0 {
                i += 1;
                continue;
            }
        }
        // A source inside an earlier attribution is that one's: this one's is implicit.
        let implicit = found
            .iter()
            .any(|(g, _)| (f.source.0..f.source.1).any(|k| covers(g, k)));
        if implicit {
            f.source = (f.cue.0, f.cue.0);
        }
        widen_cue(tokens, &mut f);
        let split = split_coordinated(tokens, quoted, by_first, &mut f);
        if split.is_none() {
            widen_over_attribution(tokens, by_first, model, &mut f);
            end_at_next_clause(tokens, quoted, &mut f);
        }
        found.push((f, implicit));
        if let Some(g) = split {
            found.push((g, g.source.1 <= g.source.0));
        }
        i += len;
    }
    if found.len() < MAX_PER_SENTENCE {
        closing_after_speech(tokens, quoted, by_first, model, grammar, &mut found);
    }
    if let Some(f) = after_others.filter(|_| found.len() < MAX_PER_SENTENCE) {
        trailing::add_after_others(tokens, &mut found, f);
    }
    found
}

/// Calls `visit` on every English cue candidate of `sentences` outside quotes, in text order:
/// each token whose word opens a cue of the English table or passes `extra`, with whether the
/// table holds it and its [`cue_model::features`]. Quotes are tracked by the same tracker as in [`find`];
/// this is how the trainer (`sift eval attribution model`) sees the tokens the finder scores.
pub fn visit_candidates(
    sentences: &[SentenceTokens<'_>],
    extra: impl Fn(&str) -> bool,
    mut visit: impl FnMut(&Token<'_>, bool, &Features),
) {
    let by_first = cues_by_first_word(Lang::En);
    let mut quotes = QuoteTracker::new();
    for sentence in sentences {
        let tokens = sentence.tokens;
        quotes.next(sentence);
        for (i, t) in tokens.iter().enumerate() {
            if !t.is_word() || quotes.quoted.get(i).copied().unwrap_or(false) {
                continue;
            }
            let in_lexicon = by_first.get(t.lower()).is_some();
            if in_lexicon || extra(t.lower()) {
                visit(t, in_lexicon, &features(tokens, i, in_lexicon));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::tokens::Tokenized;
    use super::*;

    /// (source, cue, content) of each attribution, one sentence per item.
    fn attributions(sentences: &[&str], lang: Lang) -> Vec<(String, String, String)> {
        attributions_in(&[sentences], lang)
    }

    /// [`attributions`] over several paragraphs of sentences.
    fn attributions_in(paragraphs: &[&[&str]], lang: Lang) -> Vec<(String, String, String)> {
        let sentences: Vec<&str> = paragraphs.iter().flat_map(|p| p.iter().copied()).collect();
        let paragraph_of: Vec<usize> = paragraphs
            .iter()
            .enumerate()
            .flat_map(|(k, p)| std::iter::repeat_n(k, p.len()))
            .collect();
        let text = sentences.join("\n");
        let chars: Vec<char> = text.chars().collect();
        let mut ranges = Vec::new();
        let mut offset = 0;
        for s in &sentences {
            let n = s.chars().count();
            ranges.push((offset, offset + n));
            offset += n + 1;
        }
        let tokenized = Tokenized::new(&chars, ranges);
        let all = tokenized.tokens();
        let lists = tokenized.ranges(&all);
        let date_lists: Vec<_> = lists
            .iter()
            .map(|t| crate::claims::dates::find(t, None, lang))
            .collect();
        let st: Vec<SentenceTokens<'_>> = lists
            .iter()
            .zip(&date_lists)
            .zip(&paragraph_of)
            .map(|((&t, d), &paragraph)| SentenceTokens {
                tokens: t,
                dates: d,
                path: None,
                paragraph,
            })
            .collect();
        find(&chars, &st, lang)
            .into_iter()
            .map(|a| (a.source, a.cue, a.content))
            .collect()
    }

    fn triple(s: &str, c: &str, q: &str) -> (String, String, String) {
        (s.to_string(), c.to_string(), q.to_string())
    }

    /// Each attribution's source and cue.
    fn sources_and_cues(got: &[(String, String, String)]) -> Vec<(&str, &str)> {
        got.iter()
            .map(|(s, c, _)| (s.as_str(), c.as_str()))
            .collect()
    }

    /// Each attribution's source, cue and content, borrowed.
    fn borrowed(got: &[(String, String, String)]) -> Vec<(&str, &str, &str)> {
        got.iter()
            .map(|(s, c, q)| (s.as_str(), c.as_str(), q.as_str()))
            .collect()
    }

    #[test]
    fn a_lead_in_ending_a_paragraph_takes_the_quote_opening_the_next() {
        let got = attributions_in(
            &[
                &["Cruz continued:"],
                &["“You look at the questions.", "They are a joke.”"],
                &["Breitbart News responded:"],
                &["The weather was fine that day."],
            ],
            Lang::En,
        );
        assert_eq!(
            borrowed(&got),
            [(
                "Cruz",
                "continued",
                "“You look at the questions.\nThey are a joke.”"
            )]
        );
    }

    #[test]
    fn a_second_speakers_clause_inside_a_paraphrase_is_its_own() {
        let got = attributions(
            &[
                "About four out of 10 voters said life would be worse than today, while nine in 10 said the economy favors the wealthy.",
                // A complement clause stays in the paraphrase (nested speech).
                "Trump said that Clinton told donors the race was close.",
                // A relative clause is found, and the paraphrase holding it stays whole.
                "He said the report, which Carson said was written in May, was false.",
            ],
            Lang::En,
        );
        assert_eq!(
            got,
            [
                triple(
                    "About four out of 10 voters",
                    "said",
                    "life would be worse than today"
                ),
                triple("nine in 10", "said", "the economy favors the wealthy"),
                triple(
                    "Trump",
                    "said",
                    "that Clinton told donors the race was close"
                ),
                triple(
                    "Trump",
                    "said",
                    "the report, which Carson said was written in May, was false"
                ),
                triple("Carson", "said", "was written in May, was false"),
            ]
        );
    }

    #[test]
    fn a_light_verb_takes_its_speech_noun_into_the_cue() {
        let got = attributions(
            &[
                "Hawk Sawyer issued a statement about the charges.",
                "Lee also expressed concern about how the declaration might affect relations with Japan.",
                "The attack raised concerns that the government would be pressured.",
            ],
            Lang::En,
        );
        assert_eq!(
            got,
            [
                triple("Hawk Sawyer", "issued a statement about", "the charges"),
                triple(
                    "Lee",
                    "also expressed concern about",
                    "how the declaration might affect relations with Japan"
                ),
                triple(
                    "The attack",
                    "raised concerns",
                    "that the government would be pressured"
                ),
            ]
        );
    }

    #[test]
    fn discourse_markers_and_demonstrative_objects_are_no_speakers() {
        let got = attributions(
            &[
                "That said, the agency says that the border remains the main entry point.",
                "That said the government argued that the numbers could drop.",
            ],
            Lang::En,
        );
        assert_eq!(
            sources_and_cues(&got),
            [("the agency", "says"), ("the government", "argued")]
        );
        // "Das" is the object: the subject follows the verb, and what it stands for is elsewhere.
        assert_eq!(
            attributions(
                &["Das berichtet das Magazin in seiner aktuellen Ausgabe."],
                Lang::De
            ),
            []
        );
        // With a complement after the cue, "Das" is the subject.
        assert_eq!(
            sources_and_cues(&attributions(
                &["Dies bestätigte, dass die Preise wieder steigen werden."],
                Lang::De
            )),
            [("Dies", "bestätigte")]
        );
    }

    #[test]
    fn a_quote_opening_on_a_capitalised_word_and_comma_is_no_name() {
        let got = attributions(
            &[
                "“Well, we’ll see,” said Pence.",
                "“Yes, it is,” said the governor.",
                // A name set off by commas before an inverted cue with an object is the subject.
                "Keron Blair, executive director of AROS, called for a vote.",
            ],
            Lang::En,
        );
        let pairs = sources_and_cues(&got);
        assert_eq!(
            pairs,
            [
                ("Pence", "said"),
                ("the governor", "said"),
                ("Keron Blair, executive director of AROS", "called")
            ]
        );
    }

    #[test]
    fn a_relative_clause_with_its_own_cue_is_a_second_attribution() {
        let got = attributions(
            &[
                "“He is a danger,” said Beck, who said there were “too many things.”",
                // A relative clause without speech stays the source's description.
                "“It is a great day,” said Kenneth Baer, a former official who runs a firm.",
            ],
            Lang::En,
        );
        assert_eq!(
            got,
            [
                ("Beck".into(), "said".into(), "“He is a danger".into()),
                (
                    "who".into(),
                    "said".into(),
                    "there were “too many things.”".into()
                ),
                (
                    "Kenneth Baer, a former official who runs a firm".into(),
                    "said".into(),
                    "“It is a great day".into()
                ),
            ]
        );
    }

    #[test]
    fn a_verb_whose_subject_holds_no_attitude_names_no_source() {
        let got = attributions(
            &[
                "The White House is widely expected to sign the measure.",
                "Sanders seemed rattled by the attacks and said that he would fight on.",
                // Active: the one who expected is named.
                "Trump had expected to win the state.",
                // The one asked is no source, nor part of what was asked.
                "Trump was asked about the speeches on Friday.",
                "When asked about the dispute, the campaign declined to comment.",
            ],
            Lang::En,
        );
        assert_eq!(
            got,
            [
                (
                    String::new(),
                    "is widely expected".into(),
                    "The White House is widely expected to sign the measure".into()
                ),
                (
                    String::new(),
                    "seemed".into(),
                    "Sanders seemed rattled by the attacks".into()
                ),
                // The subject still speaks in the clause coordinated with it.
                (
                    "Sanders".into(),
                    "said".into(),
                    "that he would fight on".into()
                ),
                (
                    "Trump".into(),
                    "had expected".into(),
                    "to win the state".into()
                ),
                (
                    String::new(),
                    "was asked about".into(),
                    "the speeches on Friday".into()
                ),
                (String::new(), "asked about".into(), "the dispute".into()),
                (
                    "the campaign".into(),
                    "declined".into(),
                    "to comment".into()
                ),
            ]
        );
    }

    #[test]
    fn a_pronoun_or_dash_closing_a_clause_before_the_cue_leaves_the_source_after_it() {
        let got = attributions(
            &[
                "The last time he encouraged a fast was in May.",
                "The lawsuit we filed a year ago aimed to end the program.",
                // Joined to a name, the pronoun is part of the subject.
                "Clinton and he said that the deal was fair.",
                // After a dash set off by spaces, not a hyphen inside "17-year-old".
                "On the flight home on his 757 jet ― Trump declined to say that the plan had failed.",
                "The 17-year-old Jared Potts said that the vote was fair.",
            ],
            Lang::En,
        );
        let pairs = sources_and_cues(&got);
        assert_eq!(
            pairs,
            [
                ("he", "encouraged"),
                ("we", "filed"),
                ("Clinton and he", "said"),
                ("Trump", "declined"),
                ("The 17-year-old Jared Potts", "said")
            ]
        );
    }

    #[test]
    fn a_second_verb_whose_subject_is_not_found_names_no_source() {
        let got = attributions(
            &[
                "The 6th Circuit Court of Appeals overturned a lower court ruling and sided with the state on voting hours.",
                // Found: the clause's subject.
                "Scott beamed and said that the cuts were too deep.",
            ],
            Lang::En,
        );
        let pairs = sources_and_cues(&got);
        assert_eq!(pairs, [("", "sided"), ("Scott", "said")]);
    }

    #[test]
    fn a_passive_cue_takes_its_agent_as_source() {
        let got = attributions(
            &[
                "Trump has been criticized by some of his rivals for failing to release his taxes.",
                "The scheme, as reported by the OCCRP, worked like this: firms paid fees.",
            ],
            Lang::En,
        );
        assert_eq!(
            got,
            [
                (
                    "some of his rivals".into(),
                    "has been criticized".into(),
                    "Trump".into()
                ),
                (
                    "the OCCRP".into(),
                    "reported".into(),
                    "worked like this: firms paid fees".into()
                ),
            ]
        );
    }

    #[test]
    fn a_phrase_opening_on_a_preposition_after_the_cue_is_no_source() {
        let got = attributions(
            &[
                "On Sunday, Hillary Clinton, the Democratic front-runner, called on tech companies to act.",
                "Another user, Roland Z, wrote of Ms. Merkel: “Your boss is still bringing them in.”",
            ],
            Lang::En,
        );
        let pairs = sources_and_cues(&got);
        assert_eq!(
            pairs,
            [
                ("Hillary Clinton, the Democratic front-runner", "called"),
                ("Another user, Roland Z", "wrote")
            ]
        );
    }

    #[test]
    fn a_verb_leading_into_another_takes_it_into_the_cue() {
        let got = attributions(
            &[
                "She went on to say that the vote was rigged.",
                "Advisers to the mayor are quick to point out that he placed second.",
                "The governor made it clear that she would not run.",
                "Most officials don’t think that the deal will pass.",
                "Sanders often questions Clinton’s ties to super PACs.",
                // No lower-case word after "to": the continuation is not taken.
                "The candidate tried to Boston, said an aide.",
            ],
            Lang::En,
        );
        let cues: Vec<&str> = got.iter().map(|(_, c, _)| c.as_str()).collect();
        assert_eq!(
            cues,
            [
                "went on to say",
                "are quick to point out",
                "made it clear",
                "don’t think",
                "often questions",
                "said"
            ]
        );
        assert_eq!(
            got.first().map(|t| t.2.as_str()),
            Some("that the vote was rigged")
        );
    }

    #[test]
    fn a_particle_after_a_verb_cue_is_part_of_it() {
        let got = attributions(
            &[
                "Trump shot back that the senator was a loser.",
                "Clinton spoke about the economy on Monday.",
                "Officials said about 40 people died in the fire.",
                "The mayor said up to 12 homes were lost.",
            ],
            Lang::En,
        );
        assert_eq!(
            borrowed(&got),
            [
                ("Trump", "shot back", "that the senator was a loser"),
                ("Clinton", "spoke about", "the economy on Monday"),
                ("Officials", "said", "about 40 people died in the fire"),
                ("The mayor", "said", "up to 12 homes were lost"),
            ]
        );
        // Not in other languages: "out" is no German particle.
        let de = attributions(&["Merkel sagte about, dass es gut sei."], Lang::De);
        assert!(de.iter().all(|(_, cue, _)| cue == "sagte"), "{de:?}");
    }

    #[test]
    fn auxiliaries_and_adverbs_before_a_cue_are_the_cues() {
        let got = attributions(
            &[
                "Donald Trump is defending his early-morning tweets about the pageant.",
                "Mexicans often say that the border is far from God.",
                // A word the model might propose yields to a lexicon cue right after it.
                "Several cast members said Trump had asked a contestant to twirl.",
                // A noun ending in "-ly" is no adverb.
                "The video was released on Thursday, attorneys for the family said.",
                // A perfect's "been" belongs to the cue, not the source.
                "Biden has been long adamant about not allowing Western weapons to be used.",
            ],
            Lang::En,
        );
        assert_eq!(
            sources_and_cues(&got),
            [
                ("Donald Trump", "is defending"),
                ("Mexicans", "often say"),
                ("Several cast members", "said"),
                ("attorneys for the family", "said"),
                ("Biden", "has been long adamant about"),
            ]
        );
    }

    #[test]
    fn an_attribution_closing_the_sentence_holds_the_rest() {
        let got = attributions(
            &[
                "Secret Service protocol called for the nominee to go to a trauma center, sources said.",
                "No one has shown symptoms such as fever so far, the commission said on Monday.",
                // A quote inside has its own speaker, who comes first.
                "“We are ready to respond,” Peskov said in reply to a question, RIA Novosti reported.",
                // A prepositional cue after the last comma closes the sentence too.
                "The mayor plans to visit the city on Sunday, according to a campaign aide.",
            ],
            Lang::En,
        );
        assert_eq!(
            got.last(),
            Some(&triple(
                "a campaign aide",
                "according to",
                "The mayor plans to visit the city on Sunday"
            ))
        );
        assert!(got.iter().all(|(_, c, _)| c != "plans"), "{got:?}");
        let got = sources_and_cues(&got);
        assert_eq!(got.first(), Some(&("sources", "said")));
        assert_eq!(got.get(1), Some(&("the commission", "said")));
        assert_eq!(got.get(2), Some(&("Peskov", "said")));
        // The cue inside the content ("called for") is nested speech, not another attribution.
        assert!(
            got.iter().all(|(s, _)| *s != "Secret Service protocol"),
            "{got:?}"
        );
    }

    #[test]
    fn a_prepositional_cue_after_set_off_speakers_is_found_after_them() {
        let got = attributions(
            &[
                "His campaign manager, Jeff Weaver, says the streak is proof the gap can close, \
               according to the Associated Press.",
            ],
            Lang::En,
        );
        assert_eq!(
            got,
            vec![
                triple(
                    "His campaign manager, Jeff Weaver",
                    "says",
                    "the streak is proof the gap can close"
                ),
                triple(
                    "the Associated Press",
                    "according to",
                    "His campaign manager, Jeff Weaver, says the streak is proof the gap can close"
                ),
            ]
        );
    }

    #[test]
    fn a_second_speaker_closing_the_sentence_takes_the_clause_before_it() {
        let got = attributions(
            &[
                "Rhimes urged voters to act, and the group is “ready to fight,” Hoover said.",
                "Rhimes declared the need for strong will: “Change the world,” she said.",
                // No clause boundary between the two: the first content is kept whole.
                "Rhimes said the plan would fail within a year, Hoover said.",
            ],
            Lang::En,
        );
        assert_eq!(
            got.get(..4),
            Some(
                &[
                    triple("Rhimes", "urged", "voters to act"),
                    triple("Hoover", "said", "the group is “ready to fight"),
                    triple("Rhimes", "declared", "the need for strong will"),
                    triple("Rhimes", "said", "“Change the world"),
                ][..]
            ),
            "{got:?}"
        );
        assert_eq!(got.len(), 5, "{got:?}");
        assert_eq!(got.get(4).map(|t| t.1.as_str()), Some("said"));
    }

    #[test]
    fn a_content_the_attribution_interrupts_runs_over_it() {
        let got = attributions(
            &[
                "\"The number has doubled,\" she wrote, \"and most of these women work.\"",
                "\"When it was emptied,\" Skaik said of the patients, \"the cases were moved.\"",
                "Lenox was a juggernaut, Mr. Clarke said, until it went bankrupt in 1999.",
                // Not over a cue of its own, nor over a phrase about the source.
                "\"We do not see a link,\" the mayor said, adding that it would take hours.",
                "\"We certainly cannot afford this anymore,\" she said, adding later, \"It will take hours.\"",
                "Taxes would go up, according to Lily Batchelder, a former aide at NYU.",
                "Growth will slow next year, officials said, and unemployment will rise, according to minutes of the meeting.",
                "Stocks may follow, says John Petrides, portfolio manager at Tocqueville.",
                "Rates may fall, said Ann Lee, senior currency trader at Tempus.",
                // A quoted word in the words after the cue, no comma before it: not the quote
                // going on.
                "\"The talks are over,\" she said of the \"peace deal.\"",
                // Nor a one-word quote.
                "\"We stayed until the end,\" he said, \"Gladly.\"",
            ],
            Lang::En,
        );
        let contents: Vec<&str> = got.iter().map(|(_, _, q)| q.as_str()).collect();
        assert_eq!(
            contents,
            [
                "\"The number has doubled,\" she wrote, \"and most of these women work.\"",
                "\"When it was emptied,\" Skaik said of the patients, \"the cases were moved.\"",
                "Lenox was a juggernaut, Mr. Clarke said, until it went bankrupt in 1999",
                "\"We do not see a link",
                "that it would take hours",
                "\"We certainly cannot afford this anymore",
                "later, \"It will take hours.\"",
                "Taxes would go up",
                "Growth will slow next year",
                "Growth will slow next year, officials said, and unemployment will rise",
                "Stocks may follow",
                "Rates may fall",
                "\"The talks are over",
                "\"We stayed until the end",
            ]
        );
    }

    #[test]
    fn a_quote_with_words_after_it_does_not_go_on_with_the_last_speaker() {
        // "a-t-il estimé" is no cue the French table knows; the words after the quote still
        // keep it from the previous speaker's content.
        let got = attributions(
            &[
                "« Je n'ai pas l'intention de démissionner, » a déclaré le ministre.",
                "« Je n'ai enfreint aucune règle, » a-t-il estimé.",
            ],
            Lang::Fr,
        );
        assert_eq!(
            got.first().map(|(_, _, q)| q.as_str()),
            Some("« Je n'ai pas l'intention de démissionner")
        );
    }

    #[test]
    fn a_paraphrase_interrupted_in_another_language_stays_before_the_attribution() {
        // Phrases about a source are known for English only: "directeur de la société" is not
        // read as one, so the content does not run over it.
        let got = attributions(
            &["La situation est très grave, a déclaré Dupont, directeur de la société."],
            Lang::Fr,
        );
        assert_eq!(
            got.iter().map(|(_, _, q)| q.as_str()).collect::<Vec<_>>(),
            ["La situation est très grave"]
        );
    }

    #[test]
    fn a_short_quote_opening_the_sentence_is_content() {
        let got = attributions(
            &["\"It was calm,\" she said, adding, \"It will take hours.\""],
            Lang::En,
        );
        assert_eq!(
            got,
            [
                triple("she", "said", "\"It was calm"),
                triple("she", "adding", "\"It will take hours.\""),
            ]
        );
    }

    #[test]
    fn a_quote_begun_before_the_attribution_goes_on_after_it() {
        let got = attributions(
            &[
                "“It’s not what worked in 2012.",
                "Those are just distractions,” he said.",
                "“What really works is change.”",
            ],
            Lang::En,
        );
        assert_eq!(
            got,
            [triple(
                "he",
                "said",
                "“It’s not what worked in 2012.\nThose are just distractions,” he said.\n“What really works is change.”"
            )]
        );
    }

    #[test]
    fn a_clause_cut_short_names_no_speaker() {
        let by_first = cues_by_first_word(Lang::En);
        let reads_as_speaker = |text: &str| {
            let chars: Vec<char> = text.chars().collect();
            let tokenized = Tokenized::new(&chars, vec![(0, chars.len())]);
            let tokens = tokenized.tokens();
            names_a_speaker(&tokens, (0, tokens.len()), by_first)
        };
        for speaker in [
            "sources",
            "people familiar with the talks",
            "Brian K. Coombes, PhD, of McMaster University in Ontario",
        ] {
            assert!(reads_as_speaker(speaker), "{speaker}");
        }
        for clause in [
            "though there is no indication she",
            "the Palestinians pledged new measures to",
            "which the company",
            "nor as good as the organisers",
            "not the top-of-the-line experience that we all saw",
        ] {
            assert!(!reads_as_speaker(clause), "{clause}");
        }
    }

    #[test]
    fn a_quote_ending_in_a_question_is_attributed() {
        let got = attributions(
            &[
                "“How many times do we have to see this in our country?” Clinton said.",
                "“Why should anyone believe him?” asked the senator.",
                "“We will win!” Warren said on Monday.",
            ],
            Lang::En,
        );
        assert_eq!(
            got,
            [
                triple(
                    "Clinton",
                    "said",
                    "“How many times do we have to see this in our country"
                ),
                triple("the senator", "asked", "“Why should anyone believe him"),
                triple("Warren", "said", "“We will win"),
            ]
        );
    }

    #[test]
    fn a_short_parenthetical_is_part_of_the_source() {
        let got = attributions(
            &[
                "Sen. Lindsey Graham (R-S.C.) said the deal was bad.",
                "“Mitt Romney was a worthy foe,” Sen. Claire McCaskill (D-Mo.) said.",
                "The deal was bad, said Sen. Lindsey Graham (R-S.C.).",
                "Commenter Paul Stoffregen (who was the author of the story) noted that it is new.",
            ],
            Lang::En,
        );
        assert_eq!(
            got.iter().map(|(s, _, _)| s.as_str()).collect::<Vec<_>>(),
            [
                "Sen. Lindsey Graham (R-S.C.)",
                "Sen. Claire McCaskill (D-Mo.)",
                "Sen. Lindsey Graham (R-S.C.)",
                "Commenter Paul Stoffregen (who was the author of the story)",
            ]
        );
    }

    #[test]
    fn a_clause_after_the_cue_is_content_not_a_source() {
        let got = attributions(
            &[
                "Rep. Jim Clyburn, the assistant leader of the caucus, said the deal was bad.",
                // Without a finite verb the phrase after the cue is the source.
                "The deal was bad, said the assistant leader of the caucus.",
                // A contraction is finite too, its apostrophe straight or curly.
                "Aparna Mathur, who studies tax policy, said the statement didn’t clarify it.",
            ],
            Lang::En,
        );
        assert_eq!(
            got,
            [
                triple(
                    "Rep. Jim Clyburn, the assistant leader of the caucus",
                    "said",
                    "the deal was bad"
                ),
                triple(
                    "the assistant leader of the caucus",
                    "said",
                    "The deal was bad"
                ),
                triple(
                    "Aparna Mathur, who studies tax policy",
                    "said",
                    "the statement didn’t clarify it"
                ),
            ]
        );
    }

    #[test]
    fn a_cue_with_an_object_takes_its_content_after_it() {
        let got = attributions(
            &[
                // An introductory phrase before the comma is not the content.
                "Speaking at a rally in Ohio, the senator says the plant will reopen.",
                "Through a spokeswoman, the mayor declined to comment.",
                "In her 2015 memoir, Jones recalled the first night of the strike.",
                "At a dinner in Boston, Smith called the plan “a disgrace.”",
                // A cue closing its clause, or followed by an adverbial or an addressee, keeps
                // the clause before the comma.
                "The plant will reopen, the senator said on Monday.",
                "The plant will reopen, the senator said Tuesday.",
                "The plant will reopen, the senator told reporters.",
                "The plant will reopen, the senator said repeatedly.",
                "The plant will reopen, the senator said according to the transcript.",
            ],
            Lang::En,
        );
        assert_eq!(
            borrowed(&got),
            [
                ("the senator", "says", "the plant will reopen"),
                ("the mayor", "declined", "to comment"),
                ("Jones", "recalled", "the first night of the strike"),
                ("Smith", "called", "the plan “a disgrace.”"),
                ("the senator", "said", "The plant will reopen"),
                ("the senator", "said", "The plant will reopen"),
                ("the senator", "told", "The plant will reopen"),
                ("the senator", "said", "The plant will reopen"),
                ("the senator", "said", "The plant will reopen"),
                (
                    "the transcript",
                    "according to",
                    "The plant will reopen, the senator said"
                ),
            ]
        );
    }

    #[test]
    fn a_paraphrase_ends_where_another_clause_begins() {
        let got = attributions(
            &[
                "Polls showed the senator was ahead, but the lead is small.",
                "The agency estimates that the plan would cost $1 billion; a think tank puts it at half that.",
                "Although the mayor has admitted raising taxes, she does not defend it.",
                "Even as the mayor said taxes would rise, the council cut spending.",
                // A subordinate clause closed before the cue, a list after it, a quote: kept.
                "When the vote ended, the mayor said Paris, London and Berlin had agreed.",
                "The mayor said “we won, but barely.”",
            ],
            Lang::En,
        );
        let contents: Vec<&str> = got.iter().map(|(_, _, q)| q.as_str()).collect();
        assert_eq!(
            contents,
            [
                "the senator was ahead",
                "that the plan would cost $1 billion",
                "raising taxes",
                "taxes would rise",
                "Paris, London and Berlin had agreed",
                "“we won, but barely.”",
            ]
        );
    }

    #[test]
    fn sources_inside_a_clause_and_after_an_inverted_cue() {
        let got = attributions(
            &[
                // A cue coordinated with an earlier verb takes the clause's subject.
                "Scott beamed and said he was happy.",
                "The governor toured the plant and also said it would reopen.",
                // A relative pronoun before the cue is the source, unless a subject follows it;
                // after "what" or "that" the subject follows.
                "She met a staffer who said the server was wiped.",
                "It was a lawsuit in which Democrats argued that the map was illegal.",
                "It was one of the reasons that the mayor said he would resign.",
                // An inverted source keeps a role or relative clause set off after it, not a
                // participle (a cue of its own).
                "Rates will fall, said Ann Lee, president of the bank.",
                "Rates will fall, said Ann Lee, who runs the bank.",
                "Rates will fall, said Ann Lee, senior trader at the bank.",
                "Rates will fall, said Ann Lee, spokeswoman for the bank.",
                "Rates will fall, said Ann Lee, adding that prices would rise.",
            ],
            Lang::En,
        );
        let sources: Vec<&str> = got.iter().map(|(s, _, _)| s.as_str()).collect();
        assert_eq!(
            sources,
            [
                "Scott",
                "The governor",
                "who",
                "Democrats",
                "the mayor",
                "Ann Lee, president of the bank",
                "Ann Lee, who runs the bank",
                "Ann Lee, senior trader at the bank",
                "Ann Lee, spokeswoman for the bank",
                "Ann Lee",
                "Ann Lee",
            ]
        );
        // A pronoun after the relative pronoun is the subject too.
        let got = attributions(
            &["Spending will sink to 1 percent, which he said would be its lowest ever."],
            Lang::En,
        );
        assert_eq!(
            sources_and_cues(&got)
                .iter()
                .map(|(s, c)| (s.to_lowercase(), *c))
                .collect::<Vec<_>>(),
            [("he".to_string(), "said")]
        );
    }

    #[test]
    fn a_source_sheds_time_phrases_modals_and_participle_phrases() {
        let got = attributions(
            &[
                "He could argue that the law is unfair.",
                "Trump, speaking to a veterans group in Virginia, said the VA was broken.",
                "The Times on Saturday reported that the deal was off.",
                "Wells Fargo this month announced that it would end the practice.",
                "Mook further argued that the polls were wrong.",
                "Nothing changes unless the council says the budget is final.",
                // A list set off by "including" stays in the source.
                "Several firms, including Patriot, said they would appeal.",
            ],
            Lang::En,
        );
        assert_eq!(
            sources_and_cues(&got),
            [
                ("He", "could argue"),
                ("Trump", "said"),
                ("The Times", "reported"),
                ("Wells Fargo", "announced"),
                ("Mook", "further argued"),
                ("the council", "says"),
                ("Several firms, including Patriot", "said"),
            ]
        );
    }

    #[test]
    fn a_headline_names_its_speaker_before_a_colon() {
        let claim = "Sanders: Clinton needs to talk about the economy.";
        let got = attributions_in(&[&[claim], &["The senator spoke in Ohio."]], Lang::En);
        assert_eq!(
            got,
            [triple(
                "Sanders",
                ":",
                "Clinton needs to talk about the economy"
            )]
        );
        // Not a line further down (a label and its value, more often), nor a topic and its
        // subtitle, nor a label.
        let later = attributions_in(
            &[&["The senator spoke in Ohio."], &[claim], &["He left."]],
            Lang::En,
        );
        assert_eq!(later, []);
        let subtitle = "Superbugs: What They Are and How You Get Them";
        assert_eq!(attributions_in(&[&[subtitle]], Lang::En), []);
        let label = "Summary: Three divers won the state championship.";
        assert_eq!(attributions_in(&[&[label]], Lang::En), []);
    }

    #[test]
    fn a_name_set_off_before_a_cue_with_an_object_is_the_source() {
        let got = attributions(
            &[
                "Maria Lopez, the head of the union, described the offer as an insult.",
                "But Tom Reed, a lawyer for the city, noted the ruling in a statement.",
                // Inverted, the phrase after the cue is the source as before.
                "The offer was an insult, said Maria Lopez, the head of the union.",
            ],
            Lang::En,
        );
        assert_eq!(
            borrowed(&got),
            [
                (
                    "Maria Lopez, the head of the union",
                    "described",
                    "the offer as an insult"
                ),
                (
                    "Tom Reed, a lawyer for the city",
                    "noted",
                    "the ruling in a statement"
                ),
                (
                    "Maria Lopez, the head of the union",
                    "said",
                    "The offer was an insult"
                ),
            ]
        );
    }

    #[test]
    fn a_name_set_off_after_a_role_is_the_source() {
        let got = attributions(
            &[
                "According to the ministry's spokesman, John Smith, the situation is stable.",
                "According to police, John Smith, 45, was arrested on Monday.",
                "According to the minister, Paris, London and Berlin agreed on new sanctions.",
            ],
            Lang::En,
        );
        assert_eq!(
            got.iter()
                .map(|(s, _, c)| (s.as_str(), c.as_str()))
                .collect::<Vec<_>>(),
            [
                (
                    "the ministry's spokesman, John Smith",
                    "the situation is stable"
                ),
                ("police", "John Smith, 45, was arrested on Monday"),
                (
                    "the minister",
                    "Paris, London and Berlin agreed on new sanctions"
                ),
            ]
        );
    }

    #[test]
    fn an_interviews_turns_are_its_speakers() {
        let interview: &[&[&str]] = &[
            &["Karin Fischer: Will robots take our jobs?", "Many fear it."],
            &[
                "PRECHT: Not all of them.",
                "Drivers will go first.",
                "He said so himself.",
            ],
            &["FISCHER: And then what?"],
            &["PRECHT: Then we need another economy."],
        ];
        let got = attributions_in(interview, Lang::En);
        assert_eq!(
            got,
            vec![
                triple(
                    "Karin Fischer",
                    ":",
                    "Will robots take our jobs?\nMany fear it"
                ),
                // A cue inside a turn gives an attribution of its own.
                triple("PRECHT", ":", "Not all of them.\nDrivers will go first"),
                triple("PRECHT", "said", "so himself"),
                triple("FISCHER", ":", "And then what"),
                triple("PRECHT", ":", "Then we need another economy"),
            ]
        );
        // One speaker, labels that are not names, or labels over lists: no interview.
        let not_interviews: &[&[&[&str]]] = &[
            &[&["Proof: Take any matrix."], &["Proof: By definition."]],
            &[
                &["Host: 3pp.io"],
                &["Authorization: Bearer abc"],
                &["Host: 3pp.io"],
                &["Authorization: Bearer abc"],
            ],
            &[
                &["Update: Markets reopened."],
                &["Note: Prices fell."],
                &["Update: Shares rose."],
                &["Note: Bonds fell."],
            ],
        ];
        for paragraphs in not_interviews {
            assert_eq!(attributions_in(paragraphs, Lang::En), vec![]);
        }
    }

    #[test]
    fn quotes_signed_with_a_dash() {
        let got = attributions_in(
            &[
                &[
                    "“Trump embodies the legacy of racism.",
                    "He represents our greatest shame.” ― Sonya Herridge",
                ],
                // The opening mark miswritten as a closing one: the content is the paragraph.
                &["”He makes blanket statements about people.”― Pamela Padilla"],
                &["“We are tax-paying entrepreneurs,” — Carla Sanchez, a business owner."],
                // No quote before the dash, or no name after it: nothing.
                &["The vote was close — Senate Democrats held firm."],
                &["“It was a long night” — and a longer morning."],
            ],
            Lang::En,
        );
        assert_eq!(
            got,
            vec![
                triple(
                    "Sonya Herridge",
                    "―",
                    "“Trump embodies the legacy of racism.\nHe represents our greatest shame.”"
                ),
                triple(
                    "Pamela Padilla",
                    "―",
                    "”He makes blanket statements about people.”"
                ),
                triple("Carla Sanchez", "—", "“We are tax-paying entrepreneurs,”"),
            ]
        );
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

    #[test]
    fn appositive_closing_the_sentence_belongs_to_the_source() {
        let got = attributions(
            &["\"These are strange days,\" said Peter Morgan, a lawyer for the Sierra Club who has been challenging the coal industry for years."],
            Lang::En,
        );
        assert_eq!(
            got.first().map(|(s, c, _)| (s.as_str(), c.as_str())),
            Some((
                "Peter Morgan, a lawyer for the Sierra Club who has been challenging the coal industry for years",
                "said"
            ))
        );
    }

    #[test]
    fn german_inverted_sources_after_the_cue() {
        let got = attributions(
            &[
                "„Wir weichen nicht zurück“, sagte Verteidigungsminister Boris Pistorius.",
                // A pronoun is the whole source: not "er hinzu", "er nervös".
                "„Das ist eine Provokation“, fügte er hinzu.",
                "Die Lage sei ernst, sagte er nervös.",
                // A quote closing right before the cue, without a comma, is the content; the
                // people spoken to ("uns") are not the source.
                "„Das macht Sebastian K.“ sagt uns die Quelle.",
            ],
            Lang::De,
        );
        assert_eq!(
            sources_and_cues(&got),
            [
                ("Verteidigungsminister Boris Pistorius", "sagte"),
                ("Verteidigungsminister Boris Pistorius", "fügte"),
                ("Verteidigungsminister Boris Pistorius", "sagte"),
                ("die Quelle", "sagt"),
            ]
        );
    }

    #[test]
    fn a_french_incise_with_its_pronoun_speaks_for_the_last_speaker() {
        let got = attributions(
            &[
                "Le ministre de la Défense a indiqué que l’armée était prête.",
                "« C’est une provocation », a-t-il ajouté.",
                "« Je n’ai enfreint aucune règle », estime-t-elle, soulignant la date.",
                "« Rien ne change », dit-il.",
            ],
            Lang::Fr,
        );
        assert_eq!(
            sources_and_cues(&got),
            [
                ("Le ministre de la Défense", "a indiqué"),
                ("Le ministre de la Défense", "a-t-il ajouté"),
                ("Le ministre de la Défense", "estime-t-elle"),
                ("Le ministre de la Défense", "dit-il"),
            ]
        );
        assert_eq!(
            got.get(1).map(|t| t.2.as_str()),
            Some("« C’est une provocation »")
        );
    }

    #[test]
    fn spanish_subjects_left_out_and_verbs_after_segun() {
        let got = attributions(
            &[
                "El alcalde Juan Pérez dijo que el plan avanza.",
                // The subject left out: the last speaker, not the quote before the verb.
                "“Vamos a ganar la elección”, dijo.",
                "“Al otro día ya no había nada”, contó y sumó que fue gente de afuera.",
                // "según" with a verb: its subject, after it, is the source.
                "Según informó la ministra, el acuerdo se firmará en junio.",
                "Es larga la lista de problemas, según contó una vecina.",
            ],
            Lang::Es,
        );
        assert_eq!(
            got,
            [
                triple("El alcalde Juan Pérez", "dijo", "que el plan avanza"),
                triple(
                    "El alcalde Juan Pérez",
                    "dijo",
                    "“Vamos a ganar la elección”"
                ),
                triple(
                    "El alcalde Juan Pérez",
                    "contó",
                    "“Al otro día ya no había nada”"
                ),
                triple(
                    "la ministra",
                    "Según informó",
                    "el acuerdo se firmará en junio"
                ),
                triple(
                    "una vecina",
                    "según contó",
                    "Es larga la lista de problemas"
                ),
            ]
        );
        // An introductory phrase, a conjunction or a relative word before the cue is no subject.
        let got = attributions(
            &[
                "El ministro Luis Pérez dijo que el plan avanza.",
                "Al respecto, señaló que habrá una reunión en junio.",
                "La diaria consultó a Ana Gómez, quien señaló que el área es muy grande.",
                "Ahora Bustos asegura que no mostró todo el material.",
                "En el mismo evento se anunció a los ganadores del premio.",
                "En el máximo tribunal dijeron que no estaba previsto.",
            ],
            Lang::Es,
        );
        assert_eq!(
            sources_and_cues(&got),
            [
                ("El ministro Luis Pérez", "dijo"),
                ("El ministro Luis Pérez", "señaló"),
                ("Ana Gómez", "señaló"),
                ("Bustos", "asegura"),
                // A plural verb's subject is not the last speaker: the phrase stays.
                ("En el máximo tribunal", "dijeron"),
            ]
        );
        // A phrase opened by a preposition before the subject is not the subject.
        let got = attributions(
            &[
                "Dentro de los documentos, el concejal Daniel Duque, quien lidera la oposición, \
               reveló que las placas son de la flota.",
            ],
            Lang::Es,
        );
        assert_eq!(
            got.first().map(|t| t.0.as_str()),
            Some("el concejal Daniel Duque, quien lidera la oposición")
        );
        // No speaker before: who spoke is not known, and nothing is claimed.
        assert_eq!(
            attributions(&["“Vamos a ganar la elección”, dijo."], Lang::Es),
            []
        );
    }

    #[test]
    fn sources_after_the_cue_in_other_languages() {
        // A source closed by a comma, the sentence going on after it.
        let got = attributions(
            &["„Es ist nur eine Frage der Zeit\", sagt der Philosoph Richard David Precht, und fügt hinzu, dass die Menschen weiter arbeiten werden."],
            Lang::De,
        );
        assert_eq!(
            got.first().map(|(s, c, _)| (s.as_str(), c.as_str())),
            Some(("der Philosoph Richard David Precht", "sagt"))
        );
        // A weekday after the source is not part of it.
        assert_eq!(
            attributions(
                &["« Notre règlement est clair », a déclaré le maire de Montréal mercredi."],
                Lang::Fr
            ),
            [triple(
                "le maire de Montréal",
                "a déclaré",
                "« Notre règlement est clair »"
            )]
        );
        // The people spoken to are not the source.
        for (sentence, lang, source) in [
            (
                "El gobierno aprobará el presupuesto la próxima semana, dijo el ministro de Hacienda a los periodistas.",
                Lang::Es,
                "el ministro de Hacienda",
            ),
            (
                "«Это очевидно», — сказал пресс-секретарь Кремля Дмитрий Песков журналистам.",
                Lang::Ru,
                "пресс-секретарь Кремля Дмитрий Песков",
            ),
            (
                "«Це ескалація», — сказав журналістам Дмитро Пєсков.",
                Lang::Uk,
                "Дмитро Пєсков",
            ),
            (
                "„Wir sind bereit“, sagte Kanzler Scholz den Journalisten.",
                Lang::De,
                "Kanzler Scholz",
            ),
        ] {
            let got = attributions(&[sentence], lang);
            assert_eq!(
                got.first().map(|(s, _, _)| s.as_str()),
                Some(source),
                "{sentence}"
            );
        }
        // "laut" before "und" is "loud", not "according to".
        assert!(attributions(&["Die Autos waren damals laut und stanken."], Lang::De).is_empty());
        assert_eq!(
            attributions(
                &["Drei Menschen wurden verletzt, laut dem Bericht der Polizei."],
                Lang::De
            ),
            [triple(
                "dem Bericht der Polizei",
                "laut",
                "Drei Menschen wurden verletzt"
            )]
        );
    }

    #[test]
    fn a_list_of_names_is_not_split_into_a_second_clause() {
        // "…, Paris and Berlin agreed" goes on the list "Washington, …": one attribution.
        assert_eq!(
            attributions(
                &["According to Reuters, Washington, Paris and Berlin agreed on new sanctions."],
                Lang::En
            ),
            [triple(
                "Reuters",
                "According to",
                "Washington, Paris and Berlin agreed on new sanctions"
            )]
        );
    }

    #[test]
    fn german_sources_end_before_the_second_place_verb() {
        // German puts the verb second: "laut X" without a comma ends before it.
        for (sentence, source, cue, content) in [
            (
                "Laut Polizei wurde der Mann am Montag festgenommen.",
                "Polizei",
                "Laut",
                "wurde der Mann am Montag festgenommen",
            ),
            (
                "Laut einem Bericht der Zeitung plant die Regierung neue Steuern.",
                "einem Bericht der Zeitung",
                "Laut",
                "plant die Regierung neue Steuern",
            ),
            (
                "Die Werbeaktionen kosteten laut Schätzungen mehrere Millionen Euro.",
                "Schätzungen",
                "laut",
                "Die Werbeaktionen kosteten",
            ),
            // "zufolge" comes after its source.
            (
                "Den Aussagen der Whistleblower zufolge hielt der Täter die Hunde an Ketten.",
                "Den Aussagen der Whistleblower",
                "zufolge",
                "hielt der Täter die Hunde an Ketten",
            ),
        ] {
            let got = attributions(&[sentence], Lang::De);
            assert_eq!(got, [triple(source, cue, content)], "{sentence}");
        }
        // Before "zufolge", a verb: where its source starts is not known, so no attribution.
        assert!(attributions(
            &["Das Amt kontrollierte den Angaben zufolge zwar zeitnah die Lage vor Ort."],
            Lang::De
        )
        .is_empty());
    }

    #[test]
    fn nouns_and_participles_are_not_read_as_speech() {
        // "following reports that …": "reports" is a noun; the sentence has one speaker.
        let got = attributions(
            &["The administration intends to provoke an escalation, Kremlin spokesperson Dmitry \
               Peskov told the media on Nov. 18 following reports that Washington eased restrictions."],
            Lang::En,
        );
        let sources: Vec<&str> = got.iter().map(|(s, _, _)| s.as_str()).collect();
        assert_eq!(sources, ["Kremlin spokesperson Dmitry Peskov"], "{got:?}");
        // "…, fearing an escalation": what was feared, not who feared it.
        let got = attributions(
            &[
                "Biden has long been adamant about not allowing the weapons to be used on Russian \
               soil, fearing an escalation.",
            ],
            Lang::En,
        );
        assert!(got.iter().all(|(s, _, _)| s != "an escalation"), "{got:?}");
    }

    #[test]
    fn sequence_adverbs_and_reflexive_idioms_are_not_sources_or_speech() {
        // "Потом добавил, что …" (then [he] added): "потом" is not the speaker.
        let got = attributions(
            &["Потом добавил, что бюджет вырастет на десять процентов в следующем году."],
            Lang::Ru,
        );
        assert!(got.iter().all(|(s, _, _)| s != "Потом"), "{got:?}");
        // "Then" opens the sentence; the speaker follows it.
        let got = attributions(
            &["Then Smith said that the plan would fail before the end of the year."],
            Lang::En,
        );
        let sources: Vec<&str> = got.iter().map(|(s, _, _)| s.as_str()).collect();
        assert_eq!(sources, ["Smith"], "{got:?}");
        // "заявила о себе" (made herself known) is no statement.
        let got = attributions(
            &["В восьмидесятых годах чешская красавица заявила о себе на весь мир."],
            Lang::Ru,
        );
        assert!(got.is_empty(), "{got:?}");
    }
}
