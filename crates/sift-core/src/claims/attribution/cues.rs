//! The cue words and phrases of each language, and their lookup: one hash lookup per token,
//! longest phrase first.

use crate::claims::{FastMap, WordFilter};

use super::lexicon_en;
use crate::claims::tokens::Token;
use crate::lang::Lang;

/// How a cue relates to its source.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum CueKind {
    /// A verb of saying or thinking: the source is its subject.
    Verb,
    /// A preposition ("according to"): the source follows it.
    Prep,
    /// A postposition ("den Angaben zufolge"): the source comes before it.
    Post,
}

/// One cue: its words (lower case, split on spaces) and kind.
pub(super) type Cue = (&'static str, CueKind);

use CueKind::{Post, Prep, Verb};

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
            ("zufolge", Post),
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
            ("contó", Verb),
            ("comentó", Verb),
            ("admitió", Verb),
            ("manifestó", Verb),
            ("aclaró", Verb),
            ("expresó", Verb),
            ("opinó", Verb),
            ("consideró", Verb),
            ("recordó", Verb),
            ("detalló", Verb),
            ("precisó", Verb),
            ("relató", Verb),
            ("confirmó", Verb),
            ("reveló", Verb),
            ("dijeron", Verb),
            ("afirmaron", Verb),
            ("aseguraron", Verb),
            ("explicaron", Verb),
            ("señalaron", Verb),
            ("indicaron", Verb),
            ("informaron", Verb),
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

/// French subject pronouns put after the verb in an incise (`« … », a-t-il ajouté`).
const FRENCH_INVERTED_PRONOUNS: &[&str] = &["il", "elle"];

/// The inverted forms of French verb cues, the pronoun joined by hyphens (`a déclaré` →
/// `a-t-il déclaré`, `estime` → `estime-t-il`, `dit` → `dit-elle`: a euphonic `t` after a vowel).
/// Built once per process; the strings live as long as the tables.
fn french_inversions(cues: &[Cue]) -> Vec<Cue> {
    let mut out = Vec::new();
    for &(words, kind) in cues {
        if kind != Verb {
            continue;
        }
        let mut parts = words.split(' ');
        let (first, rest) = (parts.next().unwrap_or(words), parts.next());
        for pronoun in FRENCH_INVERTED_PRONOUNS {
            let joiner = if first.ends_with(['a', 'e']) {
                "-t-"
            } else {
                "-"
            };
            let inverted = match rest {
                Some(participle) => format!("{first}{joiner}{pronoun} {participle}"),
                None => format!("{first}{joiner}{pronoun}"),
            };
            out.push((&*Box::leak(inverted.into_boxed_str()), Verb));
        }
    }
    out
}

/// Cues indexed by first word, longest first, so each token costs one lookup (none for most
/// tokens, through the first words' [`WordFilter`]).
pub(super) struct ByFirst {
    /// First word to its cues.
    map: FastMap<&'static str, Vec<Cue>>,
    /// The first words' filter.
    filter: WordFilter,
}

impl ByFirst {
    /// The cues opening with `word`, longest first.
    pub(super) fn get(&self, word: &str) -> Option<&Vec<Cue>> {
        if !self.filter.may_hold(word) {
            return None;
        }
        self.map.get(word)
    }
}

/// The cue table of `lang` (English when undetermined, with the learned lexicon) indexed by first
/// word, longest phrase first; built once per language per process.
pub(super) fn cues_by_first_word(lang: Lang) -> &'static ByFirst {
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
                if *l == Lang::Fr {
                    all.extend(french_inversions(cues));
                }
                let mut map: FastMap<&'static str, Vec<Cue>> = FastMap::default();
                for cue in all {
                    let first = cue.0.split(' ').next().unwrap_or(cue.0);
                    map.entry(first).or_default().push(cue);
                }
                for list in map.values_mut() {
                    list.sort_by_key(|c| std::cmp::Reverse(c.0.split(' ').count()));
                }
                let filter = WordFilter::new(map.keys().copied());
                (*l, ByFirst { map, filter })
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
        .unwrap_or_else(|| {
            EMPTY.get_or_init(|| ByFirst {
                map: FastMap::default(),
                filter: WordFilter::new([]),
            })
        })
}

/// The verb cue at token `i`, if any: its token length.
pub(super) fn verb_cue_at(tokens: &[Token], i: usize, by_first: &ByFirst) -> Option<usize> {
    cue_of_kind_at(tokens, i, by_first, |kind| kind == Verb)
}

/// The prepositional cue ("according to") at token `i`, if any: its token length.
pub(super) fn prep_cue_at(tokens: &[Token], i: usize, by_first: &ByFirst) -> Option<usize> {
    cue_of_kind_at(tokens, i, by_first, |kind| kind == Prep)
}

/// The cue of any kind at token `i` (a verb, "according to", a noun), if any: its token length.
pub(super) fn any_cue_at(tokens: &[Token], i: usize, by_first: &ByFirst) -> Option<usize> {
    cue_of_kind_at(tokens, i, by_first, |_| true)
}

/// The first cue at token `i` whose kind passes `kind_ok`: its token length.
fn cue_of_kind_at(
    tokens: &[Token],
    i: usize,
    by_first: &ByFirst,
    kind_ok: impl Fn(CueKind) -> bool,
) -> Option<usize> {
    tokens
        .get(i)
        .and_then(|t| by_first.get(t.lower()))?
        .iter()
        .filter(|(_, kind)| kind_ok(*kind))
        .find_map(|(words, _)| cue_at(tokens, i, words))
}

/// Whether the cue `words` matches at token `i`; returns its token length.
pub(super) fn cue_at(tokens: &[Token], i: usize, words: &str) -> Option<usize> {
    let mut n = 0;
    for (k, w) in words.split(' ').enumerate() {
        if tokens.get(i + k)?.lower() != w {
            return None;
        }
        n += 1;
    }
    Some(n)
}
