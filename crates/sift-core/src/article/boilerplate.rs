//! Tables of patterns that mark boilerplate or content, matched on lower-cased `class` + `id` text and
//! on short lines of text. Substring matching, as Readability.js does with its regular expressions (the
//! class/id tables through one multi-pattern matcher, see `nodes.rs`).

/// Class/id fragments of blocks that are almost never the article (Readability's "unlikely candidates",
/// plus the widgets news sites add around the text). A block matching one of these and none of
/// [`MAYBE_CONTENT`] is left out, with all it holds.
pub const UNLIKELY: &[&str] = &[
    "-ad-",         // ad slots (Readability)
    "ad-break",     // ad slots between paragraphs
    "adslot",       // ad slots
    "advert",       // advertisement containers
    "agegate",      // age gates (Readability)
    "ai2html",      // NYT ai2html graphics: labels, not prose (Readability)
    "banner",       // banners
    "breadcrumb",   // breadcrumb trails
    "combx",        // (Readability)
    "comment",      // comment threads and forms
    "community",    // community widgets (Readability)
    "consent",      // cookie consent banners
    "cookie",       // cookie banners
    "cover-wrap",   // (Readability)
    "disqus",       // Disqus comments
    "donat",        // donation appeals
    "extra",        // "extra" rails (Readability)
    "footer",       // page and article footers
    "gdpr",         // consent banners
    "header",       // page headers (the article's own header is handled by the title rule)
    "legends",      // (Readability)
    "menu",         // menus
    "newsletter",   // newsletter signup boxes
    "outbrain",     // Outbrain recommendations
    "pager",        // pagination
    "pagination",   // pagination
    "paywall",      // paywall notices
    "popup",        // popups
    "promo",        // promotions
    "recommend",    // recommended stories
    "related",      // related links
    "remark",       // (Readability)
    "replies",      // comment replies
    "rss",          // feed links
    "share",        // share bars
    "shoutbox",     // (Readability)
    "sidebar",      // side rails
    "skyscraper",   // tall ad units
    "social",       // social buttons
    "sponsor",      // sponsored content
    "subscri",      // subscribe boxes
    "supplemental", // (Readability)
    "taboola",      // Taboola recommendations
    "trending",     // trending stories
    "yom-remote",   // (Readability)
];

/// Class/id fragments that rescue a block matching [`UNLIKELY`] (Readability's `okMaybeItsACandidate`).
pub const MAYBE_CONTENT: &[&str] = &[
    "and", "article", "body", "column", "content", "main", "mathjax", "shadow",
];

/// Class/id fragments that lower a block's score (Readability's `negative`).
pub const NEGATIVE: &[&str] = &[
    "-ad-",       // ad slots
    "banner",     // banners
    "byline",     // author boxes around a short text
    "combx",      // (Readability)
    "comment",    // comments
    "com-",       // (Readability)
    "contact",    // contact boxes
    "footer",     // footers
    "gdpr",       // consent
    "masthead",   // page header
    "media",      // media embeds
    "meta",       // metadata rows
    "outbrain",   // recommendations
    "promo",      // promotions
    "related",    // related links
    "scroll",     // (Readability)
    "share",      // share bars
    "shoutbox",   // (Readability)
    "sidebar",    // side rails
    "skyscraper", // ad units
    "sponsor",    // sponsored
    "shopping",   // shopping widgets
    "tags",       // tag lists
    "widget",     // widgets
];

/// Class/id fragments that raise a block's score (Readability's `positive`).
pub const POSITIVE: &[&str] = &[
    "article", "body", "content", "entry", "hentry", "h-entry", "main", "page", "post", "text",
    "blog", "story",
];

/// Class/id fragments of small blocks inside the article that readers skip over: captions and credits,
/// bylines and timestamps, galleries, calls to action, tool bars. Left out when they hold a minor share
/// of the article's text.
pub const IN_ARTICLE_FURNITURE: &[&str] = &[
    "caption",       // image captions (wp-caption, newsCaption, ...)
    "legend",        // image legends
    "entry-utility", // WordPress post footers ("This entry was posted in ...")
    "postmeta",      // post metadata rows
    "post-meta",     // post metadata rows
    "credit",        // photo credits
    "byline",        // author lines
    "timestamp",     // "Updated 5:27 am"
    "dateline",      // date lines
    "gallery",       // photo galleries
    "slideshow",     // slideshows
    "carousel",      // carousels
    "-cta",          // calls to action (support us, subscribe)
    "cta-",          // calls to action
    "toolbar",       // article tool bars
    "print-",        // print-only headers
    "author-bio",    // author boxes
    "author-info",   // author boxes
    "tags",          // tag lists
    "topics",        // topic lists
    "breadcrumb",    // breadcrumbs
];

/// Class/id fragments of the standfirst: the deck, summary or lede printed between the headline and
/// the body, often outside the body's container. Kept when it is prose (see `candidates.rs`).
pub const STANDFIRST: &[&str] = &[
    "standfirst",   // UK usage
    "subtitle",     // subtitles under the headline
    "subheadline",  // sub-headlines
    "sub-headline", // sub-headlines
    "subhead",      // sub-heads
    "deck",         // US "deck"
    "dek",          // US "dek"
    "lede",         // ledes
    "excerpt",      // WordPress excerpts
    "perex",        // Czech/Slovak "perex"
    "summary",      // article summaries
    "intro",        // intros
    "abstract",     // abstracts
    "strapline",    // straplines
];

/// ARIA roles of blocks that are not the article.
pub const UNLIKELY_ROLES: &[&str] = &[
    "alert",
    "alertdialog",
    "banner",
    "complementary",
    "contentinfo",
    "dialog",
    "menu",
    "menubar",
    "navigation",
    "search",
];

/// Short lines that are page furniture in any article (compared lower-cased, whole line, trailing
/// punctuation removed). Six languages.
pub const FURNITURE_LINES: &[&str] = &[
    "advertisement",          // en ad label
    "advertising",            // en ad label
    "sponsored",              // en
    "story continues below",  // en ad break
    "continue reading",       // en
    "continue reading below", // en
    "read more",              // en
    "see more",               // en
    "share",                  // en
    "share this",             // en
    "share this article",     // en
    "share this story",       // en
    "related",                // en
    "related articles",       // en
    "related stories",        // en
    "recommended",            // en
    "more stories",           // en
    "you may also like",      // en
    "comments",               // en
    "leave a comment",        // en
    "print",                  // en
    "email",                  // en
    "facebook",               // share buttons
    "twitter",                // share buttons
    "linkedin",               // share buttons
    "whatsapp",               // share buttons
    "pinterest",              // share buttons
    "reddit",                 // share buttons
    "telegram",               // share buttons
    "anzeige",                // de ad label
    "werbung",                // de ad label
    "weiterlesen",            // de
    "mehr zum thema",         // de
    "teilen",                 // de
    "publicité",              // fr ad label
    "lire aussi",             // fr
    "lire la suite",          // fr
    "partager",               // fr
    "publicidad",             // es ad label
    "leer más",               // es
    "compartir",              // es
    "te puede interesar",     // es
    "реклама",                // ru/uk ad label
    "читайте также",          // ru
    "поделиться",             // ru
    "читайте також",          // uk
    "поділитися",             // uk
];

/// Whether a whole line is page furniture ([`FURNITURE_LINES`]).
pub fn is_furniture_line(line: &str) -> bool {
    const MAX_FURNITURE_CHARS: usize = 40;
    if line.chars().count() > MAX_FURNITURE_CHARS {
        return false;
    }
    let lower = line.to_lowercase();
    let trimmed = lower.trim().trim_end_matches(|c: char| {
        c.is_ascii_punctuation() || c == '…' || c == '»' || c == '›' || c.is_whitespace()
    });
    FURNITURE_LINES.contains(&trimmed)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn furniture_lines_are_whole_lines_only() {
        assert!(is_furniture_line("Advertisement"));
        assert!(is_furniture_line("Read more »"));
        assert!(is_furniture_line("Читайте также:"));
        assert!(!is_furniture_line(
            "Read more about the budget in our explainer."
        ));
    }
}
