//! # sift-core
//!
//! Sift's analysis of a news page, in pure Rust with no browser types: it tags clutter (donation asks,
//! newsletter forms, listen-to-this-article players), extracts the article, and picks its key claims
//! with who said what.
//!
//! Entry points:
//! - [`analyze_html`]: a page's HTML to an [`Analysis`] ([`analyze_owned_html`] frees the page once
//!   parsed, [`analyze_reread_html`] before the parse, reading it again from its host).
//! - [`analyze_text`]: plain article text (no clutter; spans refer to the text as given).
//!
//! Stages, each its own module: [`clutter`] (what to hide), [`article`] (what the reader came for),
//! [`claims`] (summary, attributions, facts), with [`lang`] and [`dom`] as shared ground. Before the
//! parse, [`unread`] leaves out the script and style bodies no stage reads and counts the tree's
//! nodes, and [`limits`] bounds it; its tree sink leaves out whitespace between blocks ([`lean_sink`]).

pub mod analysis;
pub mod article;
mod calendar;
pub mod claims;
pub mod clutter;
#[cfg(feature = "encoding")]
mod decode;
pub mod dom;
mod error;
pub mod lang;
pub mod lean_sink;
pub mod limits;
#[cfg(test)]
mod test_corpus;
pub mod unread;

pub use analysis::*;
pub use clutter::analyze_fragment;
#[cfg(feature = "encoding")]
pub use decode::decode;
pub use error::SiftError;

/// A monotonic clock in milliseconds, used only to fill [`Timings`].
pub type Clock = fn() -> f64;

/// How to analyse a page.
#[derive(Debug, Clone, Copy)]
pub struct Options<'a> {
    /// The page's URL, when known (helps with metadata and relative links).
    pub url: Option<&'a str>,
    /// The clock for [`Timings`]; [`default_clock`] natively, the host's on wasm.
    pub clock: Clock,
}

impl Default for Options<'_> {
    fn default() -> Self {
        Self {
            url: None,
            clock: default_clock,
        }
    }
}

/// Milliseconds since the first call, natively; always 0 on wasm32 (where `std::time` is unavailable:
/// the wasm binding passes the host's clock instead).
pub fn default_clock() -> f64 {
    #[cfg(not(target_arch = "wasm32"))]
    {
        use std::sync::OnceLock;
        use std::time::Instant;
        static START: OnceLock<Instant> = OnceLock::new();
        START.get_or_init(Instant::now).elapsed().as_secs_f64() * 1000.0
    }
    #[cfg(target_arch = "wasm32")]
    {
        0.0
    }
}

/// Refuses input that is too large or blank (shared by pages and fragments).
pub(crate) fn check_size_and_content(input: &str) -> Result<(), SiftError> {
    if input.len() > limits::MAX_INPUT_BYTES {
        return Err(SiftError::TooLarge {
            size: input.len(),
            limit: limits::MAX_INPUT_BYTES,
        });
    }
    if input.trim().is_empty() {
        return Err(SiftError::Empty);
    }
    Ok(())
}

/// Refuses inputs that cannot be a page: empty, too large, or binary.
fn check_input(input: &str) -> Result<(), SiftError> {
    check_size_and_content(input)?;
    if looks_binary(input) {
        return Err(SiftError::NotText);
    }
    Ok(())
}

/// Share of control characters (other than whitespace) above which input is taken for binary data.
const BINARY_CONTROL_SHARE: f64 = 0.10;
/// How many leading chars are sampled to judge binary input.
const BINARY_SAMPLE_CHARS: usize = 4096;

fn looks_binary(input: &str) -> bool {
    let mut total = 0usize;
    let mut control = 0usize;
    for ch in input.chars().take(BINARY_SAMPLE_CHARS) {
        total += 1;
        if (ch.is_control() && !ch.is_whitespace()) || ch == '\u{FFFD}' {
            control += 1;
        }
    }
    total > 0 && control as f64 / total as f64 > BINARY_CONTROL_SHARE
}

/// A small page with an article and one of each kind of clutter, analysed by [`warm_up`].
const WARM_UP_PAGE: &str = include_str!("warm_up.html");

/// Builds the lookup tables the analysis keeps for the life of the process (pattern matchers, word
/// tables) by analysing a small page, and returns that analysis. Without it they are built during
/// the first page's analysis. A long-lived host calls it once at start: the first page is then no
/// slower than the others, and in wasm, whose memory never shrinks, the tables are not allocated
/// between a page's tree and the analysis' tables, where they kept the freed memory from being
/// reused (`wasm-bench.mjs`, pages of at least 64 KB, with the attribute change of the same commit:
/// median peak 5.82 → 5.21 times the HTML). The page's custom element and `data-` attributes build
/// the parser's table of names outside its static set (32 KB in wasm, kept for the process): built
/// by the first page with such a name, it split the memory a later large page needed, and the
/// browser benchmark's second pass over its pages grew the wasm memory by 128 KB.
pub fn warm_up() -> Result<Analysis, SiftError> {
    analyze_html(WARM_UP_PAGE, &Options::default())
}

/// Analyses a page's HTML.
pub fn analyze_html(html: &str, options: &Options<'_>) -> Result<Analysis, SiftError> {
    check_input(html)?;
    let t0 = (options.clock)();
    let doc = limits::parse_prepared(&unread::prepare(html))?;
    analyze_parsed(doc, t0, options)
}

/// [`analyze_html`] of a page handed over: it is freed once parsed (the tree holds copies of what
/// the analysis reads), before the analysis' own tables are built. In wasm, whose memory never
/// shrinks, that keeps the page out of the peak, where it was about its own size once more.
pub fn analyze_owned_html(html: String, options: &Options<'_>) -> Result<Analysis, SiftError> {
    check_input(&html)?;
    let t0 = (options.clock)();
    let doc = limits::parse_prepared(&unread::prepare(&html))?;
    drop(html);
    analyze_parsed(doc, t0, options)
}

/// Most bytes [`analyze_reread_html`] asks its host for at a time.
pub const REREAD_BLOCK_BYTES: usize = 16 * 1024;

/// [`analyze_owned_html`] for a host that keeps the page and can hand parts of it over again (the
/// wasm binding: the bytes stay in a JS array). `html` is freed before the parse, as soon as the
/// parts to read are known, and the parser gets them through `read`: byte ranges of `html`, in
/// order, at char boundaries, at most [`REREAD_BLOCK_BYTES`] each (or one char). `read` should
/// return exactly those bytes as text; what it returns is what is parsed. In wasm, whose memory
/// never shrinks, a page freed after the parse left a hole of its size below the tree that the next
/// table was too large to use; freed before the parse, the tree's small allocations fill it.
pub fn analyze_reread_html(
    html: String,
    read: impl FnMut(std::ops::Range<usize>) -> String,
    options: &Options<'_>,
) -> Result<Analysis, SiftError> {
    check_input(&html)?;
    let t0 = (options.clock)();
    let doc = limits::parse_reread(html, REREAD_BLOCK_BYTES, read)?;
    analyze_parsed(doc, t0, options)
}

/// The analysis of a page parsed from `t0` on (by `options.clock`).
fn analyze_parsed(
    doc: scraper::Html,
    t0: f64,
    options: &Options<'_>,
) -> Result<Analysis, SiftError> {
    let clock = options.clock;
    let t_parse = clock();

    let mut detections = clutter::detect(&doc);
    let t_clutter = clock();

    // Looked up for every element during extraction: the fast hasher, not SipHash.
    let exclude: claims::FastSet<_> = detections.iter().map(|d| d.node).collect();
    let extraction = article::extract(
        &doc,
        &article::ExtractOptions {
            url: options.url,
            exclude: &exclude,
        },
    );
    clutter::retain_safe(&mut detections, &doc, &extraction);
    let clutter_tags = clutter::to_tags(&doc, detections);
    // Claims read only the extracted article: the tree goes first, so its memory is reused (wasm
    // memory never shrinks, so peaks add up).
    drop(doc);
    let t_article = clock();

    let lang = lang::detect(
        extraction.article.as_ref().map_or("", |a| a.text.as_str()),
        extraction.declared_lang.as_deref(),
    );
    let claims = extraction
        .article
        .as_ref()
        .map(|a| claims::analyze(a, lang))
        .unwrap_or_default();
    let t_claims = clock();

    Ok(Analysis {
        schema: SCHEMA_VERSION,
        lang: lang.as_str().to_string(),
        clutter: clutter_tags,
        article: extraction.article,
        not_article_reason: extraction.not_article_reason,
        summary: claims.summary,
        attributions: claims.attributions,
        facts: claims.facts,
        timings_ms: Timings {
            parse: t_parse - t0,
            clutter: t_clutter - t_parse,
            article: t_article - t_clutter,
            claims: t_claims - t_article,
            total: t_claims - t0,
        },
    })
}

/// Analyses plain article text: one paragraph per line, no clutter, spans into `text` as given.
pub fn analyze_text(text: &str, options: &Options<'_>) -> Result<Analysis, SiftError> {
    check_input(text)?;
    let clock = options.clock;
    let t0 = clock();
    let article = article::from_plain_text(text);
    let t_article = clock();
    let lang = lang::detect(text, None);
    let claims = claims::analyze(&article, lang);
    let t_claims = clock();
    Ok(Analysis {
        schema: SCHEMA_VERSION,
        lang: lang.as_str().to_string(),
        article: Some(article),
        not_article_reason: None,
        clutter: Vec::new(),
        summary: claims.summary,
        attributions: claims.attributions,
        facts: claims.facts,
        timings_ms: Timings {
            article: t_article - t0,
            claims: t_claims - t_article,
            total: t_claims - t0,
            ..Timings::default()
        },
    })
}
