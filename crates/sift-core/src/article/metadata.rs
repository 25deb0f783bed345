//! Metadata of the page: title, byline, published date, site name, canonical URL, language, read from
//! JSON-LD, `<meta>` (OpenGraph, Dublin Core, Parse.ly, ...), `<title>`, `<time>`, and visible bylines
//! and datelines, in one pass over the document.

use ego_tree::iter::Edge;
use html5ever::{local_name, ns, LocalName};
use scraper::node::Element;
use scraper::{Html, Node};
use serde_json::Value;

use super::dates;

/// JSON-LD `@type`s of articles.
const ARTICLE_TYPES: &[&str] = &[
    "article",
    "newsarticle",
    "blogposting",
    "reportagenewsarticle",
    "analysisnewsarticle",
    "opinionnewsarticle",
    "backgroundnewsarticle",
    "reviewnewsarticle",
    "scholarlyarticle",
    "techarticle",
    "socialmediaposting",
    "liveblogposting",
    "report",
    "posting",
];

/// JSON-LD `@type`s of listing pages (used by the verdict).
pub const LISTING_TYPES: &[&str] = &["collectionpage", "searchresultspage", "itemlist"];

/// `<meta>` keys (name/property/itemprop, lower-cased) for each field, best first.
const TITLE_KEYS: &[&str] = &[
    "dc:title",
    "dcterm:title",
    "og:title",
    "weibo:article:title",
    "weibo:webpage:title",
    "title",
    "twitter:title",
    "parsely-title",
];
const BYLINE_KEYS: &[&str] = &[
    "dc:creator",
    "dcterm:creator",
    "author",
    "parsely-author",
    "article:author",
    "sailthru.author",
    "byl",
];
const DATE_KEYS: &[&str] = &[
    "article:published_time",
    "og:published_time",
    "datepublished",
    "parsely-pub-date",
    "sailthru.date",
    "pubdate",
    "publishdate",
    "publish-date",
    "date",
    "dc.date",
    "dc.date.issued",
    "dcterms.created",
    "article.published",
    "published_time",
    "og:updated_time",
];
const SITE_KEYS: &[&str] = &[
    "og:site_name",
    "application-name",
    "publisher",
    "twitter:site",
];

/// Class/id fragments of visible bylines (Readability's `byline` pattern).
const BYLINE_CLASSES: &[&str] = &["byline", "author", "dateline", "writtenby", "p-author"];
/// Longest visible byline, in chars.
const MAX_BYLINE_CHARS: usize = 100;
/// Title separators between a headline and the site name.
const TITLE_SEPARATORS: &[&str] = &[" | ", " - ", " – ", " — ", " :: ", " · ", " » ", " / "];
/// A headline shorter than this (in words) after cutting a separator is kept whole instead.
const MIN_TITLE_WORDS: usize = 3;

/// What the page says about itself.
#[derive(Debug, Clone, Default)]
pub struct Metadata {
    /// Headline.
    pub title: Option<String>,
    /// Author(s).
    pub byline: Option<String>,
    /// Publication date, ISO 8601.
    pub published: Option<String>,
    /// Publication name.
    pub site_name: Option<String>,
    /// Canonical URL.
    pub canonical_url: Option<String>,
    /// Declared language.
    pub lang: Option<String>,
    /// JSON-LD declares an article.
    pub ld_article: bool,
    /// JSON-LD declares a listing page.
    pub ld_listing: bool,
    /// `og:type`, lower-cased.
    pub og_type: Option<String>,
}

#[derive(Default)]
struct Found {
    metas: Vec<(String, String)>,
    title_tag: Option<String>,
    h1: Option<String>,
    canonical: Option<String>,
    json_ld: Vec<String>,
    time: Option<String>,
    visible_byline: Option<String>,
    lang: Option<String>,
}

/// `s` with runs of whitespace (`char::is_whitespace`) made one space and the ends trimmed: the
/// words of `split_whitespace` joined by spaces, written into one string (ASCII text on its bytes).
fn collapse(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    if s.is_ascii() {
        // The ASCII chars `char::is_whitespace` accepts: space and \t \n \v \f \r (9..=13).
        let mut start = 0;
        for (i, &b) in s.as_bytes().iter().enumerate() {
            if b == b' ' || b.wrapping_sub(b'\t') < 5 {
                push_word(&mut out, s.get(start..i).unwrap_or_default());
                start = i + 1;
            }
        }
        push_word(&mut out, s.get(start..).unwrap_or_default());
        return out;
    }
    for word in s.split_whitespace() {
        push_word(&mut out, word);
    }
    out
}

/// Appends a word to [`collapse`]'s output, a space before it unless it is the first (empty words
/// are left out).
fn push_word(out: &mut String, word: &str) {
    if word.is_empty() {
        return;
    }
    if !out.is_empty() {
        out.push(' ');
    }
    out.push_str(word);
}

/// Whether a class or id value contains one of [`BYLINE_CLASSES`] (as written). One pass over the
/// bytes: a pattern is compared only where its first byte occurs, instead of one substring search per
/// pattern (whose setup cost more than the scan on short class strings).
fn has_byline_class(value: &str) -> bool {
    let bytes = value.as_bytes();
    bytes.iter().enumerate().any(|(i, &b)| {
        BYLINE_FIRST_BYTES[usize::from(b)]
            && BYLINE_CLASSES.iter().any(|p| {
                p.as_bytes().first() == Some(&b)
                    && bytes.get(i..).is_some_and(|r| r.starts_with(p.as_bytes()))
            })
    })
}

/// Which bytes start one of [`BYLINE_CLASSES`]: most bytes of a class string start none, and are
/// passed over with one table lookup.
const BYLINE_FIRST_BYTES: [bool; 256] = {
    let mut table = [false; 256];
    let mut i = 0;
    while i < BYLINE_CLASSES.len() {
        let p = BYLINE_CLASSES[i].as_bytes();
        if !p.is_empty() {
            table[p[0] as usize] = true;
        }
        i += 1;
    }
    table
};

/// Text of the element `n` (scripts included: used for `<script>` JSON and `<title>`).
fn raw_text(n: ego_tree::NodeRef<'_, Node>) -> String {
    let mut s = String::new();
    for d in n.descendants() {
        if let Node::Text(t) = d.value() {
            s.push_str(t);
        }
    }
    s
}

/// Punctuation that separates a byline from what follows it on the line (a date, a section).
const BYLINE_SEPARATORS: &[char] = &['—', '–', '-', '•', '·', '|', ',', ':'];

/// The words of a visible byline element `n`: the text of its `itemprop="name"` descendant when
/// it marks one (schema.org's Person), else its text without dates (`<time>`) and without
/// separators at either end ("Dan Goodin - <time>Apr 16</time>" is "Dan Goodin").
fn byline_text(n: ego_tree::NodeRef<'_, Node>) -> String {
    let named = n.descendants().find(|d| {
        d.value().as_element().is_some_and(|e| {
            own_attrs(e).any(|(k, v)| {
                *k == local_name!("itemprop") && v.split_ascii_whitespace().any(|w| w == "name")
            })
        })
    });
    let mut text = String::new();
    let mut edges = named.unwrap_or(n).traverse();
    while let Some(edge) = edges.next() {
        let d = match edge {
            Edge::Open(d) => d,
            Edge::Close(d) => {
                push_break(&mut text, d);
                continue;
            }
        };
        push_break(&mut text, d);
        match d.value() {
            Node::Text(t) => text.push_str(t),
            Node::Element(e) if e.name.local == local_name!("time") => skip_subtree(&mut edges, d),
            _ => {}
        }
    }
    collapse(&text)
        .trim_matches(|c: char| c.is_whitespace() || BYLINE_SEPARATORS.contains(&c))
        .to_string()
}

/// A space at an edge of an element that breaks the text ([`crate::dom::separates_text`]).
fn push_break(text: &mut String, n: ego_tree::NodeRef<'_, Node>) {
    if n.value()
        .as_element()
        .is_some_and(|e| crate::dom::separates_text(e.name().as_bytes()))
    {
        text.push(' ');
    }
}

/// One pass over the document collecting every metadata source.
fn collect(doc: &Html) -> Found {
    let mut f = Found::default();
    let root = doc.root_element();
    f.lang = root
        .value()
        .attr("lang")
        .or_else(|| root.value().attr("xml:lang"))
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty());
    let mut edges = root.traverse();
    while let Some(edge) = edges.next() {
        let Edge::Open(n) = edge else { continue };
        let Node::Element(e) = n.value() else {
            continue;
        };
        // Names are matched as the parser's interned atoms (a number compare), attributes read in
        // one pass over the element's list (scraper's `attr` interns the asked name on each call).
        match e.name.local {
            local_name!("meta") => {
                let mut a = MetaAttrs::default();
                for (k, v) in own_attrs(e) {
                    match *k {
                        local_name!("property") => a.property = Some(v),
                        local_name!("name") => a.name = Some(v),
                        local_name!("itemprop") => a.itemprop = Some(v),
                        local_name!("content") => a.content = Some(v),
                        local_name!("http-equiv") => a.http_equiv = Some(v),
                        _ => {}
                    }
                }
                let key = a.property.or(a.name).or(a.itemprop);
                if let (Some(key), Some(content)) = (key, a.content) {
                    let content = collapse(content);
                    if !content.is_empty() {
                        // `property` may hold several space-separated keys.
                        for k in key.split_whitespace() {
                            f.metas.push((k.to_lowercase(), content.clone()));
                        }
                    }
                }
                if a.http_equiv
                    .is_some_and(|h| h.eq_ignore_ascii_case("content-language"))
                    && f.lang.is_none()
                {
                    f.lang = a.content.map(|c| c.trim().to_string());
                }
            }
            local_name!("title") if f.title_tag.is_none() => {
                let t = collapse(&raw_text(n));
                if !t.is_empty() {
                    f.title_tag = Some(t);
                }
            }
            local_name!("h1") if f.h1.is_none() => {
                let t = collapse(&raw_text(n));
                if !t.is_empty() {
                    f.h1 = Some(t);
                }
            }
            local_name!("link") if f.canonical.is_none() => {
                let (mut rel, mut href) = (None, None);
                for (k, v) in own_attrs(e) {
                    match *k {
                        local_name!("rel") => rel = Some(v),
                        local_name!("href") => href = Some(v),
                        _ => {}
                    }
                }
                if rel.is_some_and(|r| r.eq_ignore_ascii_case("canonical")) {
                    f.canonical = href.map(|h| h.trim().to_string());
                }
            }
            local_name!("script") => {
                let ty = own_attrs(e).find_map(|(k, v)| (*k == local_name!("type")).then_some(v));
                if ty.is_some_and(|t| t.trim().eq_ignore_ascii_case("application/ld+json")) {
                    f.json_ld.push(raw_text(n));
                }
                skip_subtree(&mut edges, n);
            }
            local_name!("style") | local_name!("noscript") | local_name!("template") => {
                skip_subtree(&mut edges, n)
            }
            local_name!("time") if f.time.is_none() => {
                let v = own_attrs(e)
                    .find_map(|(k, v)| (*k == local_name!("datetime")).then_some(v))
                    .map(str::to_string)
                    .unwrap_or_else(|| collapse(&raw_text(n)));
                f.time = dates::to_iso(&v);
            }
            _ => {
                if f.visible_byline.is_none() {
                    // Class names are matched as written (nearly always lower case), without
                    // allocating for every element; attribute names whatever their namespace.
                    let is_byline = e.attrs.iter().any(|(name, v)| match name.local {
                        local_name!("rel") | local_name!("itemprop") => v.contains("author"),
                        local_name!("class") | local_name!("id") => has_byline_class(v),
                        _ => false,
                    });
                    if is_byline {
                        let t = byline_text(n);
                        let len = t.chars().count();
                        if len > 0 && len < MAX_BYLINE_CHARS {
                            f.visible_byline = Some(t);
                        }
                    }
                }
            }
        }
    }
    f
}

/// The attributes of a `<meta>` that metadata reads.
#[derive(Default)]
struct MetaAttrs<'a> {
    property: Option<&'a str>,
    name: Option<&'a str>,
    itemprop: Option<&'a str>,
    content: Option<&'a str>,
    http_equiv: Option<&'a str>,
}

/// The element's attributes in no namespace and without prefix (those `Element::attr` finds), by
/// interned name.
fn own_attrs(e: &Element) -> impl Iterator<Item = (&LocalName, &str)> {
    e.attrs
        .iter()
        .filter(|(k, _)| k.ns == ns!() && k.prefix.is_none())
        .map(|(k, v)| (&k.local, &**v))
}

fn skip_subtree<'a>(
    edges: &mut ego_tree::iter::Traverse<'a, Node>,
    n: ego_tree::NodeRef<'a, Node>,
) {
    for inner in edges.by_ref() {
        if let Edge::Close(c) = inner {
            if c == n {
                break;
            }
        }
    }
}

/// Fields read from JSON-LD.
#[derive(Default)]
struct LdFields {
    title: Option<String>,
    byline: Option<String>,
    published: Option<String>,
    site_name: Option<String>,
    article: bool,
    listing: bool,
}

fn type_names(v: &Value) -> Vec<String> {
    match v.get("@type") {
        Some(Value::String(s)) => vec![s.to_lowercase()],
        Some(Value::Array(a)) => a
            .iter()
            .filter_map(Value::as_str)
            .map(str::to_lowercase)
            .collect(),
        _ => Vec::new(),
    }
}

fn names(v: &Value) -> Vec<String> {
    match v {
        Value::String(s) => vec![collapse(s)],
        Value::Object(o) => o
            .get("name")
            .and_then(Value::as_str)
            .map(|s| vec![collapse(s)])
            .unwrap_or_default(),
        Value::Array(a) => a.iter().flat_map(names).collect(),
        _ => Vec::new(),
    }
}

/// Reads article fields from JSON-LD texts, walking arrays and `@graph` without recursion.
fn read_json_ld(texts: &[String]) -> LdFields {
    let mut out = LdFields::default();
    for text in texts {
        let Ok(value) = serde_json::from_str::<Value>(text.trim()) else {
            continue;
        };
        let mut stack: Vec<&Value> = vec![&value];
        while let Some(v) = stack.pop() {
            match v {
                Value::Array(a) => stack.extend(a.iter().rev()),
                Value::Object(o) => {
                    if let Some(g) = o.get("@graph") {
                        stack.push(g);
                    }
                    let types = type_names(v);
                    if types.iter().any(|t| LISTING_TYPES.contains(&t.as_str())) {
                        out.listing = true;
                    }
                    if types.iter().any(|t| ARTICLE_TYPES.contains(&t.as_str())) && !out.article {
                        out.article = true;
                        out.title = o
                            .get("headline")
                            .or_else(|| o.get("name"))
                            .and_then(Value::as_str)
                            .map(collapse);
                        let authors: Vec<String> = o
                            .get("author")
                            .map(names)
                            .unwrap_or_default()
                            .into_iter()
                            .filter(|n| !n.is_empty() && !n.starts_with("http"))
                            .collect();
                        if !authors.is_empty() {
                            out.byline = Some(authors.join(", "));
                        }
                        out.published = o
                            .get("datePublished")
                            .or_else(|| o.get("dateCreated"))
                            .and_then(Value::as_str)
                            .and_then(dates::to_iso);
                        out.site_name = o
                            .get("publisher")
                            .map(names)
                            .and_then(|n| n.into_iter().find(|s| !s.is_empty()));
                    }
                }
                _ => {}
            }
        }
    }
    out
}

/// Cuts a " | Site" style suffix (or "Site | " prefix) off a title.
pub fn clean_title(title: &str, site_name: Option<&str>) -> String {
    let title = collapse(title);
    let site = site_name.map(|s| s.to_lowercase());
    for sep in TITLE_SEPARATORS {
        let Some(pos) = title.rfind(sep) else {
            continue;
        };
        let head = title.get(..pos).unwrap_or("").trim();
        let tail = title.get(pos + sep.len()..).unwrap_or("").trim();
        // A known site name on either side goes.
        if let Some(site) = &site {
            if tail.to_lowercase() == *site {
                return head.to_string();
            }
            if head.to_lowercase() == *site {
                return tail.to_string();
            }
        }
        // Otherwise the shorter side after the last separator is taken for the site's name.
        if head.split_whitespace().count() >= MIN_TITLE_WORDS
            && tail.split_whitespace().count() < head.split_whitespace().count()
        {
            return head.to_string();
        }
    }
    title
}

/// First `<meta>` value among `keys`, in key order.
fn meta_first(
    metas: &[(String, String)],
    keys: &[&str],
    keep: impl Fn(&str) -> bool,
) -> Option<String> {
    keys.iter().find_map(|k| {
        metas
            .iter()
            .find(|(mk, v)| mk == k && keep(v))
            .map(|(_, v)| v.clone())
    })
}

/// Reads the page's metadata.
pub fn read(doc: &Html, url: Option<&str>) -> Metadata {
    let f = collect(doc);
    let ld = read_json_ld(&f.json_ld);
    let not_url = |v: &str| !v.starts_with("http://") && !v.starts_with("https://");
    let site_name = meta_first(&f.metas, SITE_KEYS, |v| not_url(v) && !v.starts_with('@'))
        .or(ld.site_name.clone());
    let raw_title = ld
        .title
        .clone()
        .or_else(|| meta_first(&f.metas, TITLE_KEYS, |_| true))
        .or_else(|| f.title_tag.clone())
        .or_else(|| f.h1.clone());
    let title = raw_title.map(|t| clean_title(&t, site_name.as_deref()));
    let byline = ld
        .byline
        .clone()
        .or_else(|| meta_first(&f.metas, BYLINE_KEYS, not_url))
        .or_else(|| f.visible_byline.clone());
    let published = ld
        .published
        .clone()
        .or_else(|| {
            DATE_KEYS.iter().find_map(|k| {
                f.metas
                    .iter()
                    .filter(|(mk, _)| mk == k)
                    .find_map(|(_, v)| dates::to_iso(v))
            })
        })
        .or_else(|| f.time.clone());
    let canonical_url = f
        .canonical
        .clone()
        .filter(|c| !c.is_empty())
        .or_else(|| meta_first(&f.metas, &["og:url"], |_| true))
        .or_else(|| url.map(str::to_string));
    let lang = f.lang.clone().or_else(|| {
        meta_first(&f.metas, &["og:locale", "language", "dc.language"], |_| {
            true
        })
    });
    Metadata {
        title: title.filter(|t| !t.is_empty()),
        byline: byline.filter(|b| !b.is_empty()),
        published,
        site_name,
        canonical_url,
        lang,
        ld_article: ld.article,
        ld_listing: ld.listing,
        og_type: meta_first(&f.metas, &["og:type"], |_| true).map(|t| t.to_lowercase()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn meta(html: &str) -> Metadata {
        read(&Html::parse_document(html), None)
    }

    #[test]
    fn json_ld_comes_first() {
        let m = meta(
            r#"<html lang="uk"><head><title>Other | Site</title>
            <script type="application/ld+json">{"@context":"https://schema.org","@graph":[
              {"@type":"WebSite","name":"Site"},
              {"@type":"NewsArticle","headline":"Kremlin reacts","author":[{"@type":"Person","name":"A. Writer"},{"name":"B. Writer"}],
               "datePublished":"2024-11-18T10:00:00+02:00","publisher":{"name":"The Kyiv Independent"}}]}</script>
            </head><body></body></html>"#,
        );
        assert_eq!(m.title.as_deref(), Some("Kremlin reacts"));
        assert_eq!(m.byline.as_deref(), Some("A. Writer, B. Writer"));
        assert_eq!(m.published.as_deref(), Some("2024-11-18T10:00:00+02:00"));
        assert_eq!(m.site_name.as_deref(), Some("The Kyiv Independent"));
        assert_eq!(m.lang.as_deref(), Some("uk"));
        assert!(m.ld_article);
    }

    #[test]
    fn meta_tags_and_title_suffix() {
        let m = meta(
            r#"<head><title>Budget passes after long night | The Daily</title>
            <meta property="og:site_name" content="The Daily">
            <meta name="author" content="Jane Roe">
            <meta property="article:published_time" content="2023-05-02">
            <link rel="canonical" href="https://daily.example/budget"></head>"#,
        );
        assert_eq!(m.title.as_deref(), Some("Budget passes after long night"));
        assert_eq!(m.byline.as_deref(), Some("Jane Roe"));
        assert_eq!(m.published.as_deref(), Some("2023-05-02"));
        assert_eq!(
            m.canonical_url.as_deref(),
            Some("https://daily.example/budget")
        );
    }

    #[test]
    fn time_element_and_visible_byline() {
        let m = meta(
            r#"<body><h1>Headline here</h1><p class="byline">By Max Muster</p>
            <time datetime="2022-01-31T08:00:00Z">31 January</time><p>Text</p></body>"#,
        );
        assert_eq!(m.title.as_deref(), Some("Headline here"));
        assert_eq!(m.byline.as_deref(), Some("By Max Muster"));
        assert_eq!(m.published.as_deref(), Some("2022-01-31T08:00:00Z"));
    }

    #[test]
    fn visible_byline_leaves_out_its_date_and_separators() {
        for (html, byline) in [
            (
                r#"<p class="byline"><a rel="author">Dan Goodin</a> - <time>Apr 16, 2015</time></p>"#,
                "Dan Goodin",
            ),
            (
                r#"<div class="byline"><span>James Akinaka</span> • <time>8h</time></div>"#,
                "James Akinaka",
            ),
            (
                r#"<span class="article-author" itemprop="author"><span itemprop="name">Nicolas
                Perriault</span> —</span>"#,
                "Nicolas Perriault",
            ),
            (
                r#"<div class="authorInfo"><span>por </span><span itemprop="name">César Salza</span>
                <span>1 de diciembre de 2017</span></div>"#,
                "César Salza",
            ),
        ] {
            let m = meta(&format!(
                "<body><h1>Headline here</h1>{html}<p>Text</p></body>"
            ));
            assert_eq!(m.byline.as_deref(), Some(byline), "{html}");
        }
    }

    #[test]
    fn byline_class_scan_matches_substring_search() {
        for v in [
            "",
            "a",
            "post-byline",
            "Byline",
            "entry-author-name",
            "authors",
            "auth",
            "x-dateline",
            "writtenby",
            "written-by",
            "p-autho",
            "h-card p-author",
            "bbyline aauthor",
            "dateli",
        ] {
            let expected = BYLINE_CLASSES.iter().any(|c| v.contains(c));
            assert_eq!(has_byline_class(v), expected, "{v:?}");
        }
    }

    #[test]
    fn collapse_joins_the_words_of_split_whitespace() {
        for s in [
            "",
            " ",
            "one",
            "  two  words ",
            "tab\tnew\nline\u{0b}vt\u{0c}ff\rcr\u{1c}fs",
            "a\u{a0}nbsp \u{2009}thin\u{3000}end ",
            "\u{85}café  naïve\n",
        ] {
            let expected = s.split_whitespace().collect::<Vec<_>>().join(" ");
            assert_eq!(collapse(s), expected, "{s:?}");
        }
    }

    #[test]
    fn meta_key_is_property_then_name_then_itemprop() {
        let m = meta(
            r#"<head><meta content="Jane Roe" itemprop="x" name="author">
            <meta name="description" property="og:title" content=" A  title ">
            <meta itemprop="datePublished" content="2021-03-04"></head>"#,
        );
        assert_eq!(m.byline.as_deref(), Some("Jane Roe"));
        assert_eq!(m.title.as_deref(), Some("A title"));
        assert_eq!(m.published.as_deref(), Some("2021-03-04"));
    }

    #[test]
    fn broken_json_ld_is_ignored() {
        let m = meta(
            r#"<head><script type="application/ld+json">{"@type": "NewsArt</script><title>T</title></head>"#,
        );
        assert_eq!(m.title.as_deref(), Some("T"));
        assert!(!m.ld_article);
    }
}
