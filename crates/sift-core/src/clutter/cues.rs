//! Multilingual text cues (en, uk, ru, de, fr, es, plus pt and cs where pages use them): one table of
//! lower-case patterns, each giving one kind of evidence.
//!
//! Matching is a plain substring search on lower-cased text, so patterns carry their own word edges
//! (a leading or trailing space) where a short stem would otherwise match inside other words.

/// Kinds of evidence a cue gives, as bits (a node's cues are OR-ed together).
pub mod kind {
    /// An explicit ask for money: "donate", "Spende", "faire un don".
    pub const DONATE: u32 = 1 << 0;
    /// "Support our journalism", "unterstützen Sie", "підтримайте".
    pub const SUPPORT: u32 = 1 << 1;
    /// "Become a member", "Mitglied werden", "hazte socio".
    pub const MEMBER: u32 = 1 << 2;
    /// Reader funding: "funded by readers", "spendenfinanziert", "financial contribution".
    pub const FUNDING: u32 = 1 << 3;
    /// The newsletter itself: "newsletter", "mailing list", "inbox", "розсилка".
    pub const NL_NOUN: u32 = 1 << 4;
    /// The signup act: "sign up", "subscribe", "abonnieren", "suscríbete".
    pub const NL_VERB: u32 = 1 << 5;
    /// Asking for an address: "your email", "E-Mail-Adresse", "correo electrónico".
    pub const NL_EMAIL: u32 = 1 << 6;
    /// Signup legal text: "* indicates required", "unsubscribe at any time".
    pub const NL_LEGAL: u32 = 1 << 7;
    /// Listen to this article: "listen to this article", "Vorlesen", "écouter l'article".
    pub const LISTEN: u32 = 1 << 8;
    /// AI-audio disclosure: "this audio is created with AI assistance".
    pub const AI_AUDIO: u32 = 1 << 9;
    /// A podcast: audio that is content or a promo, not this article read aloud.
    pub const PODCAST: u32 = 1 << 10;
    /// Payment brands next to an ask: "Visa", "Mastercard", "PayPal".
    pub const PAYMENT: u32 = 1 << 11;
    /// Accounts, comments and sharing: "log in", "register", "send to a friend" (not a signup).
    pub const ACCOUNT: u32 = 1 << 12;
    /// A privacy or consent notice ("your privacy is important to us", "Datenschutzerklärung"): a
    /// form's small print, not article prose. Evidence for no category; such text is not prose.
    pub const NOTICE: u32 = 1 << 13;

    /// A recurring price ("$5 a month", "por $195/mes"): with support framing, a reader-revenue
    /// ask; alone, nothing.
    pub const PRICE: u32 = 1 << 14;

    /// Donation kinds.
    pub const DONATION_ANY: u32 = DONATE | SUPPORT | MEMBER | FUNDING | PRICE;
    /// Newsletter kinds.
    pub const NEWSLETTER_ANY: u32 = NL_NOUN | NL_VERB | NL_EMAIL | NL_LEGAL;
    /// Audio kinds.
    pub const AUDIO_ANY: u32 = LISTEN | AI_AUDIO;
}

use std::sync::OnceLock;

use super::matcher::Matcher;
use kind::*;

/// Every text cue: lower-case pattern and the evidence kind it gives.
pub const TEXT_CUES: &[(&str, u32)] = &[
    // --- donation: explicit asks ---
    ("donate", DONATE),             // en
    ("donation", DONATE),           // en, fr
    ("spende", DONATE),             // de: Spende, spenden, Spendenkonto
    ("faire un don", DONATE),       // fr
    ("faites un don", DONATE),      // fr
    ("je donne", DONATE),           // fr
    ("donar", DONATE),              // es
    ("donación", DONATE),           // es
    ("donativo", DONATE),           // es
    ("пожертв", DONATE),            // uk/ru: пожертвувати, пожертвовать
    ("задонат", DONATE),            // uk/ru
    ("донат", DONATE),              // uk/ru
    ("благодійний внесок", DONATE), // uk
    ("patreon", DONATE),            // en: membership platform named in asks
    ("buy us a coffee", DONATE),    // en
    ("iban", DONATE),               // de/fr/es: bank details for a donation
    // --- donation: support framing ---
    ("support our journalism", SUPPORT),
    ("support independent journalism", SUPPORT),
    ("support quality journalism", SUPPORT),
    ("support local journalism", SUPPORT),
    ("support our work", SUPPORT),
    ("support our mission", SUPPORT),
    ("support us", SUPPORT),
    ("supporting our", SUPPORT), // en: consider supporting our work
    ("support the ", SUPPORT),
    ("support local", SUPPORT),
    ("needs your help", SUPPORT),
    ("need your help", SUPPORT),
    ("we rely on you", SUPPORT),
    ("help fund", SUPPORT),
    ("help us ", SUPPORT),
    ("unterstützen sie", SUPPORT),   // de
    ("unterstütze ", SUPPORT),       // de
    ("jetzt unterstützen", SUPPORT), // de
    ("unterstützung", SUPPORT),      // de
    ("fördern sie", SUPPORT),        // de
    ("helfen sie", SUPPORT),         // de
    ("soutenez", SUPPORT),           // fr
    ("soutenir", SUPPORT),           // fr
    ("apoya", SUPPORT),              // es: apoya, apóyanos
    ("apóyanos", SUPPORT),           // es
    ("підтримайте", SUPPORT),        // uk
    ("підтримати", SUPPORT),         // uk
    ("поддержите", SUPPORT),         // ru
    ("поддержать", SUPPORT),         // ru
    // --- donation: membership ---
    ("become a member", MEMBER),
    ("becoming a member", MEMBER),
    ("become a supporter", MEMBER),
    ("become a patron", MEMBER),
    ("gift a membership", MEMBER),
    ("gift membership", MEMBER),
    ("membership", MEMBER),
    ("mitglied werden", MEMBER),   // de
    ("fördermitglied", MEMBER),    // de
    ("dauerspender", MEMBER),      // de
    ("devenez membre", MEMBER),    // fr
    ("adhérez", MEMBER),           // fr
    ("hazte socio", MEMBER),       // es
    ("hazte miembro", MEMBER),     // es
    ("станьте членом", MEMBER),    // ru/uk
    ("стати членом", MEMBER),      // uk
    ("станьте учасником", MEMBER), // uk
    // --- donation: reader funding ---
    ("funded by readers", FUNDING),
    ("funded by our readers", FUNDING),
    ("reader-funded", FUNDING),
    ("reader funded", FUNDING),
    ("financial contribution", FUNDING),
    ("contribute", FUNDING),
    ("contribution", FUNDING),
    ("independent journalism", FUNDING),
    ("spendenfinanziert", FUNDING),         // de
    ("unabhängigen journalismus", FUNDING), // de
    ("journalisme indépendant", FUNDING),   // fr
    ("grâce à vos dons", FUNDING),          // fr
    ("periodismo independiente", FUNDING),  // es
    ("depende de vos", FUNDING),            // es (rioplatense)
    ("depende de ti", FUNDING),             // es
    ("незалежн", FUNDING),                  // uk/ru: незалежна журналістика
    ("независим", FUNDING),                 // ru
    // --- donation: a recurring price (counts only beside another kind) ---
    ("a month", PRICE),
    ("/month", PRICE),
    ("/mes", PRICE),     // es: $195/mes
    ("/monat", PRICE),   // de
    ("par mois", PRICE), // fr
    ("/mois", PRICE),    // fr
    // --- newsletter: the product ---
    ("newsletter", NL_NOUN), // en, de, fr, es, pt, cs
    ("news letter", NL_NOUN),
    ("mailing list", NL_NOUN),
    ("email updates", NL_NOUN),
    ("e-mail updates", NL_NOUN),
    ("email alerts", NL_NOUN),
    ("email list", NL_NOUN),
    ("inbox", NL_NOUN),
    ("send you an email", NL_NOUN),
    ("infolettre", NL_NOUN),           // fr (Québec)
    ("lettre d'information", NL_NOUN), // fr
    ("lettre d’information", NL_NOUN), // fr
    ("boletín", NL_NOUN),              // es
    ("розсилк", NL_NOUN),              // uk
    ("рассылк", NL_NOUN),              // ru
    ("do e-mailu", NL_NOUN),           // cs
    // --- newsletter: the signup act ---
    ("sign up", NL_VERB),
    ("signup", NL_VERB),
    ("subscribe", NL_VERB),
    ("subscribing", NL_VERB),
    ("never miss", NL_VERB),
    ("stay informed", NL_VERB),
    ("stay up to date", NL_VERB),
    ("keep up to date", NL_VERB),
    ("get the latest", NL_VERB),
    ("delivered to your", NL_VERB),
    ("delivered straight", NL_VERB),
    ("keep you informed", NL_VERB),
    ("keep you up to date", NL_VERB),
    ("informieren sie regelmäßig", NL_VERB), // de: wir informieren Sie regelmäßig
    ("informieren wir sie regelmäßig", NL_VERB), // de
    ("abonnieren", NL_VERB),                 // de
    ("newsletter anfordern", NL_VERB),       // de (not "Passwort anfordern")
    ("dem laufenden", NL_VERB),              // de: bleiben Sie auf dem Laufenden
    ("anmelden", NL_VERB),                   // de
    ("abonnez", NL_VERB),                    // fr
    ("s'abonner", NL_VERB),                  // fr
    ("inscrivez", NL_VERB),                  // fr
    ("suscrib", NL_VERB),                    // es: suscríbete, suscribite, suscribirse
    ("suscríb", NL_VERB),                    // es
    ("inscríbete", NL_VERB),                 // es
    ("recibe", NL_VERB),                     // es
    ("recibí", NL_VERB),                     // es (rioplatense)
    ("receba", NL_VERB),                     // pt
    ("підпиш", NL_VERB),                     // uk: підпишіться
    ("підписат", NL_VERB),                   // uk
    ("подпиш", NL_VERB),                     // ru: подпишитесь
    ("подписат", NL_VERB),                   // ru
    ("přihl", NL_VERB),                      // cs: přihlásit
    // --- newsletter: address asks ---
    ("your email", NL_EMAIL),
    ("email address", NL_EMAIL),
    ("e-mail address", NL_EMAIL),
    ("e-mail-adresse", NL_EMAIL),     // de
    ("adresse e-mail", NL_EMAIL),     // fr
    ("adresse courriel", NL_EMAIL),   // fr
    ("correo electrónico", NL_EMAIL), // es
    ("tu correo", NL_EMAIL),          // es
    ("електронн", NL_EMAIL),          // uk
    ("электронн", NL_EMAIL),          // ru
    // --- newsletter: legal and status text ---
    ("indicates required", NL_LEGAL),
    ("unsubscribe", NL_LEGAL),
    ("thank you for signing up", NL_LEGAL),
    ("thanks for signing up", NL_LEGAL),
    ("thanks for subscribing", NL_LEGAL),
    ("successfully subscribed", NL_LEGAL),
    ("successfuly subscribed", NL_LEGAL),
    ("abmelden", NL_LEGAL),      // de
    ("désinscri", NL_LEGAL),     // fr
    ("désabonner", NL_LEGAL),    // fr
    ("darte de baja", NL_LEGAL), // es
    ("darse de baja", NL_LEGAL), // es
    ("відписатися", NL_LEGAL),   // uk
    ("отписаться", NL_LEGAL),    // ru
    ("odhlásit", NL_LEGAL),      // cs: odhlásit se můžete kdykoliv
    // --- privacy and consent notices (a form's small print) ---
    ("privacy policy", NOTICE),
    ("information you provide", NOTICE),
    ("datenschutz", NOTICE),  // de: Datenschutzerklärung, Datenschutzhinweise
    ("osobní údaje", NOTICE), // cs
    // --- audio: listen to this article ---
    ("listen to this article", LISTEN),
    ("listen to the article", LISTEN),
    ("listen to article", LISTEN),
    ("listen to this story", LISTEN),
    ("listen to the story", LISTEN),
    ("listen to this", LISTEN),
    ("audio version", LISTEN),
    ("hear this article", LISTEN),
    ("text to speech", LISTEN),
    ("text-to-speech", LISTEN),
    ("read aloud", LISTEN),
    ("narrated by", LISTEN),
    ("vorlesen", LISTEN),            // de
    ("anhören", LISTEN),             // de
    ("vorgelesen", LISTEN),          // de
    ("artikel hören", LISTEN),       // de
    ("écouter cet article", LISTEN), // fr
    ("écouter l'article", LISTEN),   // fr
    ("écouter l’article", LISTEN),   // fr
    ("écouter", LISTEN),             // fr
    ("escuchar", LISTEN),            // es
    ("escucha la nota", LISTEN),     // es
    ("escucha este", LISTEN),        // es
    ("escuchá", LISTEN),             // es (rioplatense): escuchá este artículo
    ("leído por", LISTEN),           // es: read by (a narrator)
    ("ouvir", LISTEN),               // pt
    ("ouça", LISTEN),                // pt
    ("слухати", LISTEN),             // uk
    ("прослухати", LISTEN),          // uk
    ("послухати", LISTEN),           // uk
    ("слушать", LISTEN),             // ru
    ("прослушать", LISTEN),          // ru
    ("послушать", LISTEN),           // ru
    // --- audio: AI-audio disclosures ---
    ("audio is created with ai", AI_AUDIO),
    ("created with ai assistance", AI_AUDIO),
    ("ai-generated audio", AI_AUDIO),
    ("ai generated audio", AI_AUDIO),
    ("ai-generated voice", AI_AUDIO),
    ("automated voice", AI_AUDIO),
    ("synthetic voice", AI_AUDIO),
    ("computer-generated voice", AI_AUDIO),
    ("künstliche stimme", AI_AUDIO),         // de
    ("künstlichen stimme", AI_AUDIO),        // de
    ("ki-stimme", AI_AUDIO),                 // de
    ("voix de synthèse", AI_AUDIO),          // fr
    ("voix artificielle", AI_AUDIO),         // fr
    ("voz sintética", AI_AUDIO),             // es
    ("voz artificial", AI_AUDIO),            // es
    ("штучного інтелекту", AI_AUDIO),        // uk
    ("искусственного интеллекта", AI_AUDIO), // ru
    // --- audio that is not this article ---
    ("podcast", PODCAST),
    ("radiobeitrag", PODCAST), // de: a radio segment (content)
    ("подкаст", PODCAST),      // uk/ru
    // --- accounts, comments, sharing: other forms ---
    ("log in", ACCOUNT),
    ("login", ACCOUNT),
    ("sign in", ACCOUNT),
    ("register", ACCOUNT),
    ("account", ACCOUNT),
    ("comment", ACCOUNT),
    ("send to email", ACCOUNT),
    ("your name", ACCOUNT),
    ("registrieren", ACCOUNT),   // de
    ("connexion", ACCOUNT),      // fr
    ("iniciar sesión", ACCOUNT), // es
    ("увійти", ACCOUNT),         // uk
    ("войти", ACCOUNT),          // ru
    // --- payment brands ---
    ("visa", PAYMENT),
    ("mastercard", PAYMENT),
    ("americanexpress", PAYMENT),
    ("american express", PAYMENT),
    ("paypal", PAYMENT),
    ("apple pay", PAYMENT),
    ("google pay", PAYMENT),
];

/// Reported (past-tense) forms of donation words: news about a gift, not an ask.
const REPORTED: &[&str] = &[
    "donated",     // en
    "contributed", // en
    "spendete",    // de: spendete, spendeten
    "a donné",     // fr
];

/// The cues of `lower` (already lower-case): OR of kinds, and the index of the first cue in the table.
pub fn scan(lower: &str) -> (u32, Option<u16>) {
    static MATCHER: OnceLock<Matcher> = OnceLock::new();
    let matcher = MATCHER.get_or_init(|| Matcher::new(TEXT_CUES.iter().map(|c| c.0)));
    let mut bits = 0;
    let mut first: Option<u16> = None;
    matcher.for_each_at(lower, |i, at| {
        if let Some(&(pat, k)) = TEXT_CUES.get(usize::from(i)) {
            // Donation words count only at a word's start: "Wahlkampfspende" (a campaign donation in
            // the news) or "Libanon" are not asks (a price follows its digits: "$195/mes").
            if k & DONATION_ANY & !PRICE != 0 && !word_start(lower, at) {
                return;
            }
            // Audio wording counts only as whole words: "automated voicemails" are not a voice.
            if k & AUDIO_ANY != 0 && !word_end(lower, at + pat.len()) {
                return;
            }
            // A past tense reports a gift in the news ("had also donated $500"); it asks nothing.
            let rest = lower.get(at..).unwrap_or("");
            if k & DONATION_ANY != 0 && REPORTED.iter().any(|r| rest.starts_with(r)) {
                return;
            }
            bits |= k;
            first = Some(first.map_or(i, |f| f.min(i)));
        }
    });
    (bits, first)
}

/// Does a word start at byte `at` of `text` (no letter or digit just before it)?
pub fn word_start(text: &str, at: usize) -> bool {
    text.get(..at)
        .and_then(|before| before.chars().next_back())
        .is_none_or(|c| !c.is_alphanumeric())
}

/// Does a word end at byte `at` of `text` (no letter or digit just after)?
pub fn word_end(text: &str, at: usize) -> bool {
    text.get(at..)
        .and_then(|after| after.chars().next())
        .is_none_or(|c| !c.is_alphanumeric())
}

/// The pattern of cue `index`, for reasons.
pub fn pattern(index: u16) -> &'static str {
    TEXT_CUES.get(usize::from(index)).map_or("", |c| c.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_cues_in_each_language() {
        assert_eq!(scan("sign up for our newsletter").0, NL_NOUN | NL_VERB);
        assert_ne!(scan("jetzt spenden!").0 & DONATE, 0);
        assert_ne!(scan("підтримайте нас").0 & SUPPORT, 0);
        assert_ne!(scan("écouter cet article").0 & LISTEN, 0);
        assert_ne!(scan("read by an automated voice.").0 & AI_AUDIO, 0);
        assert_eq!(scan("robocalls and automated voicemails").0 & AI_AUDIO, 0);
        assert_ne!(
            scan("this audio is created with ai assistance").0 & AI_AUDIO,
            0
        );
        assert_eq!(scan("the minister said on tuesday").0, 0);
        // Compounds in news prose are not asks; the word itself is.
        assert_eq!(scan("afd zahlt wahlkampfspende nicht zurück").0 & DONATE, 0);
        assert_eq!(scan("anonyme großspender helfen").0 & DONATE, 0);
        assert_ne!(scan("die spende aus der schweiz").0 & DONATE, 0);
        // A price follows its digits; privacy small print is a notice, not prose or a signup.
        assert_ne!(scan("suscribite por $195/mes").0 & PRICE, 0);
        assert_eq!(scan("ihre privatsphäre").0 & PRICE, 0);
        assert_eq!(scan("siehe unsere datenschutzerklärung").0, NOTICE);
        assert_eq!(scan("passwort anfordern").0 & NL_VERB, 0);
        // News of a gift is not an ask.
        assert_eq!(scan("the ceo had also donated $500 to").0 & DONATE, 0);
        assert_ne!(scan("donate $5 today").0 & DONATE, 0);
    }
}
