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
            let place = tables
                .get(c)
                .and_then(|t| t.get(usize::from(local)))
                .map(|m| m.1);
            if !matches!(place, Some(p) if p == want || p == Place::Both) {
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
}
