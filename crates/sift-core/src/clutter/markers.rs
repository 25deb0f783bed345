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
        all.matcher.for_each(hay, |i| {
            let Some(&(c, local)) = all.origin.get(usize::from(i)) else {
                return;
            };
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
