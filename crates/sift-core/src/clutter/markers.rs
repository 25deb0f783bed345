//! Attribute and URL markers: the shape of the per-category marker tables and their matching.

use std::sync::OnceLock;

use super::matcher::Matcher;

/// Where a marker is looked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Place {
    /// Class, id, ARIA label, `data-*` names and values, custom element names.
    Attr,
    /// `href`, `src`, `action` and `data-src` URLs.
    Url,
    /// Both.
    Both,
}

/// A marker: lower-case pattern, where it counts, and a name for reasons.
pub type Marker = (&'static str, Place, &'static str);

/// The marker tables of the three categories (donation, newsletter, audio).
fn tables() -> [&'static [Marker]; 3] {
    [
        super::donation::MARKERS,
        super::newsletter::MARKERS,
        super::audio::MARKERS,
    ]
}

/// One matcher over the three tables together, and each pattern's (category, index in its table).
struct Combined {
    matcher: Matcher,
    origin: Vec<(usize, u16)>,
}

fn combined() -> &'static Combined {
    static COMBINED: OnceLock<Combined> = OnceLock::new();
    COMBINED.get_or_init(|| {
        let mut origin = Vec::new();
        let mut patterns = Vec::new();
        for (c, table) in tables().iter().enumerate() {
            for (i, m) in table.iter().enumerate() {
                origin.push((c, u16::try_from(i).unwrap_or(u16::MAX)));
                patterns.push(m.0);
            }
        }
        Combined {
            matcher: Matcher::new(patterns),
            origin,
        }
    })
}

/// Fewest hyphens in a URL path segment that is a story's slug (`/afd-und-die-spende-aus-der-schweiz`).
const SLUG_HYPHENS: usize = 4;

/// Does byte `at` of the URL text `hay` lie in a path segment that is a story's slug?
fn in_slug(hay: &str, at: usize) -> bool {
    let bytes = hay.as_bytes();
    let is_end = |b: &u8| matches!(b, b'/' | b'?' | b'#' | b' ' | b'&' | b'=');
    let start = bytes
        .get(..at)
        .and_then(|b| b.iter().rposition(is_end))
        .map_or(0, |p| p + 1);
    let end = bytes
        .get(at..)
        .and_then(|b| b.iter().position(is_end))
        .map_or(bytes.len(), |p| p + at);
    bytes
        .get(start..end)
        .is_some_and(|seg| seg.iter().filter(|&&b| b == b'-').count() >= SLUG_HYPHENS)
}

/// Markers that count only where a word starts (no letter or digit just before): "tts-" also ends
/// "massachusetts-" in a category class.
const AT_WORD_START: &[&str] = &["tts-"];

/// Longer words that begin with a marker but mean something else: an article's "contributor" is
/// its author, not a call to contribute.
const FALSE_FRIENDS: &[&str] = &["contributor"];

/// Does marker `pattern`, found at byte `at` of `hay`, count there? A host name ("play.ht") must end
/// where the host does ("google-play.html" is a file name); see also [`AT_WORD_START`] and
/// [`FALSE_FRIENDS`].
fn counts_at(pattern: &str, hay: &str, at: usize) -> bool {
    let bytes = hay.as_bytes();
    let before = at.checked_sub(1).and_then(|i| bytes.get(i));
    let after = bytes.get(at + pattern.len());
    let is_word = |b: Option<&u8>| b.is_some_and(u8::is_ascii_alphanumeric);
    let ends_in_host = pattern
        .rsplit_once('.')
        .is_some_and(|(_, tld)| tld.bytes().all(|b| b.is_ascii_alphabetic()));
    if ends_in_host && is_word(after) {
        return false;
    }
    if AT_WORD_START.contains(&pattern) && is_word(before) {
        return false;
    }
    let rest = hay.get(at..).unwrap_or("");
    !FALSE_FRIENDS.iter().any(|w| rest.starts_with(w))
}

/// Per category, the index of the first marker found in `attrs` (attribute text) and in `urls`
/// (URL text): one scan of each text for all three tables.
pub fn find_all(attrs: &str, urls: &str) -> [(Option<u16>, Option<u16>); 3] {
    let all = combined();
    let tables = tables();
    let mut out = [(None, None); 3];
    for (hay, want) in [(attrs, Place::Attr), (urls, Place::Url)] {
        if hay.is_empty() {
            continue;
        }
        all.matcher.for_each_at(hay, |i, at| {
            let Some(&(c, local)) = all.origin.get(usize::from(i)) else {
                return;
            };
            // A donation or newsletter word inside a story's slug names the story, not the page.
            if want == Place::Url && c < 2 && in_slug(hay, at) {
                return;
            }
            let Some(&(pattern, place, _)) = tables.get(c).and_then(|t| t.get(usize::from(local)))
            else {
                return;
            };
            if !(place == want || place == Place::Both) || !counts_at(pattern, hay, at) {
                return;
            }
            if let Some(slot) = out.get_mut(c) {
                let hit = if want == Place::Attr {
                    &mut slot.0
                } else {
                    &mut slot.1
                };
                *hit = Some(hit.map_or(local, |h: u16| h.min(local)));
            }
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn story_slugs_give_no_url_evidence() {
        let story = find_all("", "/2019/afd-meuthen-und-die-spende-aus-der-schweiz/");
        assert_eq!(story[0].1, None);
        let page = find_all("", "https://example.org/spenden/");
        assert!(page[0].1.is_some());
    }

    #[test]
    fn markers_inside_other_words_give_no_evidence() {
        const AUDIO: usize = 2;
        // A host ends where the host does; a file name only begins like it.
        assert!(find_all("", "https://play.ht/embed/1")[AUDIO].1.is_some());
        assert_eq!(find_all("", "/2016/12/google-play.html")[AUDIO].1, None);
        // "tts-" begins a token; inside "massachusetts-" it is a place name.
        assert!(find_all("tts-player", "")[AUDIO].0.is_some());
        assert_eq!(find_all("category-massachusetts-news", "")[AUDIO].0, None);
        // A contributor is an author; a contribution is an ask.
        assert!(find_all("contribution-box", "")[0].0.is_some());
        assert_eq!(find_all("author-contributor", "")[0].0, None);
    }
}
