//! Listen-to-this-article players and AI-audio disclosures.
//!
//! Evidence: the documented embed markers of text-to-speech vendors ([`MARKERS`], each naming its
//! vendor), listen / AI-voice wording ([`super::cues`]), an `<audio>` element beside such wording,
//! and an `<audio>` player titled with the article's own headline ([`titled_players`]).
//! Podcast wording without a vendor marker or an AI disclosure is left alone (a podcast is content).

use scraper::{ElementRef, Html};

use super::cues::kind;
use super::markers::{Marker, Place};
use super::stats::Entry;
use super::Seed;
use crate::article::metadata::clean_title;
use crate::dom;

/// Text-to-speech vendor markers (class, id, data attributes, custom elements, script/iframe URLs).
pub const MARKERS: &[Marker] = &[
    ("beyondwords", Place::Both, "BeyondWords player"), // BeyondWords: data-beyondwords-*, beyondwords.io
    ("trinity-audio", Place::Both, "Trinity Audio player"), // Trinity Audio: .trinity-audio-placeholder
    ("trinity_audio", Place::Attr, "Trinity Audio player"), // Trinity Audio (WordPress plugin ids)
    ("trinityaudio", Place::Both, "Trinity Audio player"),  // Trinity Audio
    ("trinitymedia.ai", Place::Url, "Trinity Audio player"), // Trinity Audio script host
    ("elevenlabs", Place::Both, "ElevenLabs audio player"), // ElevenLabs AudioNative: #elevenlabs-audionative-widget
    ("readspeaker", Place::Both, "ReadSpeaker player"), // ReadSpeaker webReader: #readspeaker_button1, readspeaker.com
    ("rsbtn", Place::Attr, "ReadSpeaker player"),       // ReadSpeaker webReader button class
    ("rs_addtools", Place::Attr, "ReadSpeaker player"), // ReadSpeaker: placeholder its button is added to
    ("remixd", Place::Both, "Remixd player"), // Remixd: remixd-audio-player, tags.remixd.com
    ("adauris", Place::Both, "Ad Auris player"), // Ad Auris: adauris.ai
    ("ad-auris", Place::Both, "Ad Auris player"), // Ad Auris: player.ad-auris.com
    ("speechkit", Place::Both, "SpeechKit player"), // SpeechKit: speechkit.io, .speechkit-wrapper
    ("spkt.io", Place::Url, "SpeechKit player"), // SpeechKit player host
    ("instaread", Place::Both, "Instaread player"), // Instaread: <instaread-player>, instaread.co
    ("polly", Place::Both, "Amazon Polly player"), // Amazon Polly (WordPress plugin): .amazon-polly-*
    ("amazon-ai-player", Place::Attr, "Amazon Polly player"), // Amazon Polly plugin player class
    ("playht", Place::Both, "Play.ht player"),     // Play.ht: playht-audio-player, play.ht
    ("play.ht", Place::Url, "Play.ht player"),     // Play.ht
    ("speechify", Place::Both, "Speechify player"), // Speechify embed
    ("responsivevoice", Place::Both, "ResponsiveVoice"), // ResponsiveVoice TTS
    ("gspeech", Place::Attr, "GSpeech player"),    // GSpeech (WordPress TTS plugin)
    ("newsoveraudio", Place::Url, "NewsOverAudio player"), // NewsOverAudio (NOA)
    ("noa-player", Place::Attr, "NewsOverAudio player"), // NewsOverAudio
    ("audioeye-tts", Place::Attr, "TTS player"),   // generic tts class
    ("text-to-speech", Place::Both, "text-to-speech"), // generic
    ("texttospeech", Place::Both, "text-to-speech"), // generic
    ("tts-", Place::Attr, "text-to-speech"),       // generic: .tts-player, .tts-button
    ("-tts", Place::Attr, "text-to-speech"),       // generic: .article-tts
    ("listen-to-article", Place::Attr, "listen-to-article"), // generic
    ("article-audio", Place::Attr, "article-audio"), // generic
    ("audio-article", Place::Attr, "audio-article"), // generic
    ("vorlesen", Place::Attr, "Vorlesen"),         // de: generic read-aloud buttons
    ("audio-player", Place::Attr, "audio player"), // generic article audio player box
    ("toggle-audio", Place::Attr, "audio toggle"), // generic: a button opening the article's audio
];

/// Markers of [`MARKERS`] that name no vendor (any audio box may carry them, podcasts too).
const GENERIC_MARKERS: &[&str] = &[
    "audioeye-tts",
    "text-to-speech",
    "texttospeech",
    "tts-",
    "-tts",
    "listen-to-article",
    "article-audio",
    "audio-article",
    "vorlesen",
    "audio-player",
    "toggle-audio",
];

/// Is marker `index` of [`MARKERS`] a text-to-speech vendor's (not a generic word)?
pub fn is_vendor(index: u16) -> bool {
    MARKERS
        .get(usize::from(index))
        .is_some_and(|m| !GENERIC_MARKERS.contains(&m.0))
}

/// Elements whose TTS tokens mark text to be read aloud rather than a player (their markers are
/// not counted, see `stats`).
pub const READ_REGIONS: &[&str] = &["h1", "h2", "h3", "h4", "h5", "h6", "p"];

/// Longest text (chars) of an audio seed found by wording.
const MAX_TEXT_SEED: u32 = 160;
/// Longest text of an audio seed found by a vendor marker.
const MAX_VENDOR_SEED: u32 = 400;

/// Phrasing elements that, set inside a sentence, are part of it.
const INLINE_TAGS: &[&str] = &[
    "a", "span", "em", "strong", "b", "i", "u", "small", "mark", "cite",
];
/// Letters of the sentence before an inline element from which it is read as part of a sentence.
const SENTENCE_LETTERS: usize = 16;

/// Are the listen words of `entry` (which has no player marker and no `<audio>`) part of the text
/// rather than a player's label: a heading ("Pour écouter parler un génie"), or an inline element
/// that a sentence runs into ("…, nicht nur dann, <a>wenn sie Kindern Geschichten vorlesen</a>")?
pub fn is_wording_in_text(doc: &Html, entry: &Entry) -> bool {
    let s = &entry.stats;
    if s.attr[AUDIO] > 0 || s.url[AUDIO] > 0 || s.audio > 0 {
        return false;
    }
    if READ_REGIONS.contains(&entry.tag()) {
        return true;
    }
    let Some(node) = doc.tree.get(entry.id) else {
        return false;
    };
    if !ElementRef::wrap(node).is_some_and(|el| INLINE_TAGS.contains(&dom::tag_name(&el))) {
        return false;
    }
    // The text before it: at least a few words that do not end a sentence.
    node.prev_sibling()
        .and_then(|n| n.value().as_text())
        .is_some_and(|t| {
            let t = t.trim_end();
            let ends_sentence = t.ends_with(['.', '!', '?', ':', '…']);
            !ends_sentence
                && t.chars()
                    .rev()
                    .filter(|c| c.is_alphabetic())
                    .take(SENTENCE_LETTERS)
                    .count()
                    >= SENTENCE_LETTERS
        })
}

/// Is the subtree `s` the smallest element that holds an audio player or disclosure?
pub fn seed(entry: &Entry) -> Option<Seed> {
    let s = &entry.stats;
    // A "Listen" item of a menu links to a podcast section; it is navigation, not a player.
    let menu_item = entry.in_nav && s.link_text * 10 >= s.text * 9;
    if s.prose > 0 {
        return None;
    }
    let cues = s.cues & kind::AUDIO_ANY;
    let podcast = s.cues & kind::PODCAST != 0;
    let mut evidence = Vec::new();
    let mut score: f32 = 0.0;
    if s.attr[2] > 0 || s.url[2] > 0 {
        // A heading or paragraph carrying a TTS token is a region marked for reading, not a player.
        if s.text > MAX_VENDOR_SEED || READ_REGIONS.contains(&entry.tag()) {
            return None;
        }
        // A generic audio box around a podcast or radio segment is content, not this article read
        // aloud; a vendor's TTS player is what it is.
        if podcast && s.vendor == 0 {
            return None;
        }
        evidence.push("text-to-speech player marker".to_string());
        score += 0.8;
    }
    if cues & kind::AI_AUDIO != 0 && s.text <= MAX_TEXT_SEED {
        evidence.push("AI-audio disclosure".to_string());
        score += 0.8;
    } else if cues & kind::LISTEN != 0 && s.text <= MAX_TEXT_SEED && !podcast && !menu_item {
        evidence.push("listen-to-this-article wording".to_string());
        score += 0.6;
    }
    if evidence.is_empty() {
        return None;
    }
    if s.audio > 0 {
        evidence.push("<audio> element".to_string());
        score += 0.1;
    }
    Some(Seed {
        score: score.min(1.0),
        evidence,
    })
}

/// Is the container `entry` a podcast or radio segment's box (podcast wording, no TTS vendor
/// marker, no AI-voice disclosure)? Its player plays content, not this article read aloud.
pub fn is_podcast_box(entry: &Entry) -> bool {
    let s = &entry.stats;
    s.cues & kind::PODCAST != 0 && s.vendor == 0 && s.cues & kind::AI_AUDIO == 0
}

/// Fewest words of a headline that a player's title must repeat (shorter ones are section names).
const MIN_HEADLINE_WORDS: usize = 4;
/// Most levels from an `<audio>` element up to the box that titles it.
const MAX_TITLE_LEVELS: usize = 3;
/// Most `<h1>` headlines read (a page of many is a list of stories, not one article).
const MAX_HEADLINES: usize = 3;
/// Most `<audio>` elements looked at: each costs up to a walk of its box's subtree, so a page of
/// thousands of players inside one box would otherwise cost players × box size.
const MAX_TITLED_PLAYERS: usize = 20;
/// Index of the audio category in per-category arrays.
pub(crate) const AUDIO: usize = 2;

/// Seeds for `<audio>` players titled with the article's own headline (its `<h1>` or `<title>`):
/// the story's audio edition, whatever the box is called ("JIS News | Presented by: ..."). The box
/// is the smallest ancestor, a few levels up, whose short, prose-free text repeats the headline and
/// which holds no `<h1>` itself (an article header is not a player).
pub fn titled_players(doc: &Html, table: &[Entry]) -> Vec<(usize, Seed)> {
    let players: Vec<usize> = (0..table.len())
        .filter(|&i| {
            table
                .get(i)
                .is_some_and(|e| e.tag() == "audio" && e.stats.seeds[AUDIO] == 0)
        })
        .take(MAX_TITLED_PLAYERS)
        .collect();
    if players.is_empty() {
        return Vec::new();
    }
    let headlines = headlines(doc, table);
    if headlines.is_empty() {
        return Vec::new();
    }
    let mut out: Vec<(usize, Seed)> = Vec::new();
    for player in players {
        let mut cur = player;
        for _ in 0..MAX_TITLE_LEVELS {
            let Some(box_index) = table.get(cur).and_then(|e| usize::try_from(e.parent).ok())
            else {
                break;
            };
            let Some(entry) = table.get(box_index) else {
                break;
            };
            let s = &entry.stats;
            if s.prose > 0
                || s.text > MAX_TEXT_SEED
                || s.seeds[AUDIO] > 0
                || holds_h1(table, box_index)
            {
                break;
            }
            let text = doc
                .tree
                .get(entry.id)
                .map(|n| dom::visible_text(n).to_lowercase())
                .unwrap_or_default();
            if headlines.iter().any(|h| text.contains(h.as_str())) {
                if !out.iter().any(|(i, _)| *i == box_index) {
                    out.push((
                        box_index,
                        Seed {
                            score: 0.7,
                            evidence: vec![
                                "<audio> player titled with the article's headline".to_string()
                            ],
                        },
                    ));
                }
                break;
            }
            cur = box_index;
        }
    }
    out
}

/// Does the subtree of table entry `index` hold an `<h1>`?
fn holds_h1(table: &[Entry], index: usize) -> bool {
    let size = table.get(index).map_or(0, |e| e.size as usize);
    table.iter().skip(index).take(size).any(|e| e.tag() == "h1")
}

/// The article's headline candidates, lower-cased with whitespace collapsed: the first `<h1>`s'
/// text and the `<title>` without its site suffix, each of at least [`MIN_HEADLINE_WORDS`] words.
fn headlines(doc: &Html, table: &[Entry]) -> Vec<String> {
    let mut out: Vec<String> = table
        .iter()
        .filter(|e| e.tag() == "h1")
        .take(MAX_HEADLINES)
        .filter_map(|e| doc.tree.get(e.id))
        .map(|n| dom::visible_text(n).to_lowercase())
        .collect();
    let title = dom::html_element(doc)
        .children()
        .filter_map(ElementRef::wrap)
        .filter(|e| e.value().name() == "head")
        .flat_map(|head| head.children().filter_map(ElementRef::wrap))
        .find(|e| e.value().name() == "title");
    if let Some(title) = title {
        out.push(clean_title(&dom::visible_text(*title), None).to_lowercase());
    }
    out.retain(|h| h.split_whitespace().count() >= MIN_HEADLINE_WORDS);
    out
}
