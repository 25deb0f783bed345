//! Attribute and URL markers: the shape of the per-category marker tables and their matching.

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

/// Index of the first marker of `table` found in `attrs` (attribute text) or `urls` (URL text).
pub fn find(table: &[Marker], attrs: &str, urls: &str) -> (Option<u16>, Option<u16>) {
    let mut attr_hit = None;
    let mut url_hit = None;
    for (i, (pattern, place, _)) in table.iter().enumerate() {
        let index = u16::try_from(i).ok();
        if attr_hit.is_none()
            && matches!(place, Place::Attr | Place::Both)
            && !attrs.is_empty()
            && attrs.contains(pattern)
        {
            attr_hit = index;
        }
        if url_hit.is_none()
            && matches!(place, Place::Url | Place::Both)
            && !urls.is_empty()
            && urls.contains(pattern)
        {
            url_hit = index;
        }
        if attr_hit.is_some() && url_hit.is_some() {
            break;
        }
    }
    (attr_hit, url_hit)
}
