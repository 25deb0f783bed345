//! The "not an article" verdict: home pages, listings and search results get no article, so the
//! extension does not summarise a front page.

use super::metadata::Metadata;

/// Fewest chars of article text for a page to count as an article.
pub const MIN_ARTICLE_CHARS: usize = 250;
/// Fewest chars when the page declares itself an article (JSON-LD, `og:type`, a published date).
pub const MIN_DECLARED_ARTICLE_CHARS: usize = 80;
/// A page whose text is this many lines or more, nearly all short, reads as a list of teasers...
const LISTING_MIN_LINES: usize = 12;
/// ... when the mean line is shorter than this (chars) ...
const LISTING_MAX_MEAN_CHARS: usize = 70;
/// ... and the page's text is mostly link text.
const LISTING_MIN_PAGE_LINK_DENSITY: f64 = 0.45;

/// URL path fragments of search result pages.
const SEARCH_PATHS: &[&str] = &[
    "/search",
    "/suche",
    "/recherche",
    "/buscar",
    "/busqueda",
    "/poisk",
    "/poshuk",
];
/// Query keys of search result pages.
const SEARCH_QUERIES: &[&str] = &["?q=", "&q=", "?s=", "&s=", "?query=", "&query=", "?search="];

/// What the verdict looks at.
#[derive(Debug, Clone, Copy)]
pub struct Evidence<'a> {
    /// The page's metadata.
    pub meta: &'a Metadata,
    /// The page's URL, when known.
    pub url: Option<&'a str>,
    /// Chars of extracted text.
    pub text_chars: usize,
    /// Lines of extracted text.
    pub lines: usize,
    /// Share of the whole page's text inside links.
    pub page_link_density: f64,
}

/// The path and query of a URL (`/` when it has none).
fn path_and_query(url: &str) -> &str {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    match rest.find('/') {
        Some(i) => rest.get(i..).unwrap_or("/"),
        None => "/",
    }
}

/// Whether the page declares itself an article (JSON-LD, `og:type`, a published date).
fn says_article(m: &Metadata) -> bool {
    m.ld_article
        || m.og_type
            .as_deref()
            .is_some_and(|t| t == "article" || t.starts_with("article"))
        || m.published.is_some()
}

/// Why the page is not an article, or `None` when it is one.
pub fn judge(e: &Evidence<'_>) -> Option<String> {
    let m = e.meta;
    let says_article = says_article(m);
    let min_chars = if says_article {
        MIN_DECLARED_ARTICLE_CHARS
    } else {
        MIN_ARTICLE_CHARS
    };
    if e.text_chars < min_chars {
        return Some("too little text for an article".to_string());
    }
    if let Some(url) = e.url {
        let pq = path_and_query(url).to_lowercase();
        let path = pq.split(['?', '#']).next().unwrap_or("/");
        if !says_article && matches!(path, "" | "/" | "/index.html" | "/index.php") {
            return Some("home page".to_string());
        }
        if SEARCH_PATHS.iter().any(|s| path.starts_with(s))
            || SEARCH_QUERIES.iter().any(|q| pq.contains(q))
        {
            return Some("search results".to_string());
        }
    }
    if m.ld_listing && !m.ld_article {
        return Some("listing page (JSON-LD)".to_string());
    }
    let mean = e.text_chars / e.lines.max(1);
    if !says_article
        && e.lines >= LISTING_MIN_LINES
        && mean < LISTING_MAX_MEAN_CHARS
        && e.page_link_density >= LISTING_MIN_PAGE_LINK_DENSITY
    {
        return Some("listing: short teaser lines on a page of links".to_string());
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn evidence<'a>(meta: &'a Metadata, url: Option<&'a str>) -> Evidence<'a> {
        Evidence {
            meta,
            url,
            text_chars: 2000,
            lines: 10,
            page_link_density: 0.2,
        }
    }

    #[test]
    fn home_and_search_pages_are_not_articles() {
        let m = Metadata::default();
        assert_eq!(
            judge(&evidence(&m, Some("https://news.example/"))).as_deref(),
            Some("home page")
        );
        assert_eq!(
            judge(&evidence(&m, Some("https://news.example/search?q=budget"))).as_deref(),
            Some("search results")
        );
        assert_eq!(
            judge(&evidence(&m, Some("https://news.example/2024/11/budget"))),
            None
        );
    }

    #[test]
    fn an_article_home_url_with_article_metadata_stays_an_article() {
        let m = Metadata {
            ld_article: true,
            ..Metadata::default()
        };
        assert_eq!(judge(&evidence(&m, Some("https://blog.example/"))), None);
    }

    #[test]
    fn listings_and_short_pages() {
        let m = Metadata {
            ld_listing: true,
            ..Metadata::default()
        };
        assert!(judge(&evidence(&m, None)).is_some());
        let plain = Metadata::default();
        let short = Evidence {
            text_chars: 100,
            ..evidence(&plain, None)
        };
        assert!(judge(&short).is_some());
        let teasers = Evidence {
            lines: 40,
            text_chars: 40 * 50,
            page_link_density: 0.6,
            ..evidence(&plain, None)
        };
        assert!(judge(&teasers).is_some());
    }
}
