//! Article extraction: the main text of a page, its paragraphs' elements, and its metadata.
//!
//! Entry points: [`extract`] for HTML, [`from_plain_text`] for text input.
//!
//! Method (docs/extraction.md): the document is flattened once with per-element statistics computed
//! bottom-up (`nodes`); paragraphs score their ancestors as in Readability.js and the best container
//! (with its content siblings) becomes the root (`candidates`); its text is assembled one block per
//! line, leaving out boilerplate found by class/id patterns, link density and short furniture lines
//! (`text`, `boilerplate`); metadata comes from JSON-LD, `<meta>`, `<time>` and visible bylines
//! ([`metadata`]); [`verdict`] says when a page is not an article.

mod boilerplate;
mod candidates;
mod dates;
pub mod metadata;
mod nodes;
mod text;
pub mod verdict;

use std::collections::HashSet;
use std::hash::{BuildHasher, RandomState};

use ego_tree::NodeId;
use scraper::Html;

use crate::analysis::{Article, ElementPath, Paragraph};

/// What [`extract`] needs besides the document.
/// `S` is the set's hasher: the analysis passes a fast one (every element is looked up).
#[derive(Debug, Clone, Copy)]
pub struct ExtractOptions<'a, S = RandomState> {
    /// The page's URL, when known.
    pub url: Option<&'a str>,
    /// Elements already tagged as clutter: never part of the article.
    pub exclude: &'a HashSet<NodeId, S>,
}

/// The outcome of extraction.
#[derive(Debug, Clone, Default)]
pub struct Extraction {
    /// The article, or `None` for pages that are not articles.
    pub article: Option<Article>,
    /// Why the page is not an article, when `article` is `None`.
    pub not_article_reason: Option<String>,
    /// The article's root element.
    pub root: Option<NodeId>,
    /// The language the page declares (`<html lang>`), if any.
    pub declared_lang: Option<String>,
}

/// Extracts the article from `doc`.
pub fn extract<S: BuildHasher>(doc: &Html, options: &ExtractOptions<'_, S>) -> Extraction {
    let meta = metadata::read(doc, options.url);
    // Strict first (class/id boilerplate left out); relaxed when that leaves too little text, as
    // Readability retries with its flags cleared.
    let mut flat = nodes::flatten(doc, options.exclude);
    flat.protect_wrappers();
    flat.prepare(true);
    let mut attempt = run(&flat);
    if attempt.text_chars < verdict::MIN_ARTICLE_CHARS {
        flat.prepare(false);
        let relaxed = run(&flat);
        if relaxed.text_chars > attempt.text_chars {
            attempt = relaxed;
        }
    }
    // The table is done with: its memory goes before the text is built (wasm memory never shrinks,
    // so peaks add up).
    drop(flat);
    let reason = verdict::judge(&verdict::Evidence {
        meta: &meta,
        url: options.url,
        text_chars: attempt.text_chars,
        lines: attempt.lines.len(),
        page_link_density: attempt.page_link_density,
    });
    let declared_lang = meta.lang.clone();
    if let Some(reason) = reason {
        return Extraction {
            not_article_reason: Some(reason),
            declared_lang,
            ..Extraction::default()
        };
    }
    // Sized once: lines and the newlines between them.
    let bytes = attempt
        .lines
        .iter()
        .map(|l| l.text.len() + 1)
        .sum::<usize>();
    let mut text = String::with_capacity(bytes.saturating_sub(1));
    let mut paragraphs = Vec::with_capacity(attempt.lines.len());
    let mut offset = 0usize;
    for (line, path) in attempt.lines.iter().zip(attempt.paths) {
        if !text.is_empty() {
            text.push('\n');
            offset += 1;
        }
        let len = line.text.chars().count();
        text.push_str(&line.text);
        paragraphs.push(Paragraph {
            span: [offset, offset + len],
            path: Some(path),
        });
        offset += len;
    }
    Extraction {
        article: Some(Article {
            title: meta.title,
            byline: meta.byline,
            published: meta.published,
            site_name: meta.site_name,
            canonical_url: meta.canonical_url,
            text,
            path: attempt.root_path,
            paragraphs,
        }),
        not_article_reason: None,
        root: attempt.root,
        declared_lang,
    }
}

/// One extraction attempt.
struct Attempt {
    lines: Vec<text::Line>,
    paths: Vec<ElementPath>,
    text_chars: usize,
    root: Option<NodeId>,
    root_path: ElementPath,
    page_link_density: f64,
}

fn run(flat: &nodes::Flat<'_>) -> Attempt {
    let page_link_density = flat
        .body
        .and_then(|b| flat.nodes.get(b))
        .map_or(0.0, |b| b.link_density());
    let choice = candidates::choose(flat).or_else(|| {
        flat.body.map(|b| candidates::Choice {
            root: b,
            parts: vec![b],
        })
    });
    let Some(choice) = choice else {
        return Attempt {
            lines: Vec::new(),
            paths: Vec::new(),
            text_chars: 0,
            root: None,
            root_path: Vec::new(),
            page_link_density,
        };
    };
    let lines = text::assemble(flat, &choice.parts);
    let paths = lines.iter().map(|l| flat.path(l.block)).collect();
    let text_chars = lines.iter().map(|l| l.text.chars().count()).sum();
    Attempt {
        paths,
        text_chars,
        root: flat.nodes.get(choice.root).map(|n| n.id),
        root_path: flat.path(choice.root),
        lines,
        page_link_density,
    }
}

/// An article from plain text: `text` kept exactly as given, each non-blank line a paragraph.
pub fn from_plain_text(text: &str) -> Article {
    let mut paragraphs = Vec::new();
    let mut offset = 0usize;
    for line in text.split('\n') {
        let len = line.chars().count();
        let trimmed_start = line.chars().take_while(|c| c.is_whitespace()).count();
        let trimmed_len = line.trim().chars().count();
        if trimmed_len > 0 {
            let start = offset + trimmed_start;
            paragraphs.push(Paragraph {
                span: [start, start + trimmed_len],
                path: None,
            });
        }
        offset += len + 1;
    }
    Article {
        text: text.to_string(),
        paragraphs,
        ..Article::default()
    }
}
