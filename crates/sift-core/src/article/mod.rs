//! Article extraction: the main text of a page, its paragraphs' elements, and its metadata.
//!
//! Entry points: [`extract`] for HTML, [`from_plain_text`] for text input.

use std::collections::HashSet;

use ego_tree::NodeId;
use scraper::{ElementRef, Html, Selector};

use crate::analysis::{Article, Paragraph};
use crate::dom;

/// What [`extract`] needs besides the document.
#[derive(Debug, Clone, Copy)]
pub struct ExtractOptions<'a> {
    /// The page's URL, when known.
    pub url: Option<&'a str>,
    /// Elements already tagged as clutter: never part of the article.
    pub exclude: &'a HashSet<NodeId>,
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

/// Elements whose text forms the article's paragraphs.
const PARAGRAPH_TAGS: &[&str] = &["p", "h2", "h3", "h4", "li", "blockquote", "pre"];
/// Fewest chars of paragraph text for a page to count as an article.
const MIN_ARTICLE_CHARS: usize = 250;

/// Extracts the article from `doc`.
pub fn extract(doc: &Html, options: &ExtractOptions<'_>) -> Extraction {
    let declared_lang = dom::html_element(doc)
        .value()
        .attr("lang")
        .map(str::to_string);
    let Ok(paragraph_sel) = Selector::parse("p") else {
        return Extraction::default();
    };
    // Score each paragraph's parent by its paragraph text; the best parent is the root.
    let mut scores: Vec<(NodeId, usize)> = Vec::new();
    for p in doc.select(&paragraph_sel) {
        if p.ancestors().any(|a| options.exclude.contains(&a.id())) {
            continue;
        }
        let Some(parent) = p.parent() else { continue };
        let len = dom::visible_text_len(*p);
        match scores.iter_mut().find(|(id, _)| *id == parent.id()) {
            Some(entry) => entry.1 += len,
            None => scores.push((parent.id(), len)),
        }
    }
    let Some(&(root_id, total)) = scores.iter().max_by_key(|(_, len)| *len) else {
        return not_an_article(declared_lang, "no paragraphs of text");
    };
    if total < MIN_ARTICLE_CHARS {
        return not_an_article(declared_lang, "too little paragraph text for an article");
    }
    let Some(root) = doc.tree.get(root_id).and_then(ElementRef::wrap) else {
        return Extraction::default();
    };
    let mut text = String::new();
    let mut paragraphs = Vec::new();
    for el in root.descendants().filter_map(ElementRef::wrap) {
        if !PARAGRAPH_TAGS.contains(&dom::tag_name(&el))
            || el.ancestors().any(|a| options.exclude.contains(&a.id()))
            || el
                .ancestors()
                .take_while(|a| a.id() != root.id())
                .filter_map(ElementRef::wrap)
                .any(|a| PARAGRAPH_TAGS.contains(&dom::tag_name(&a)))
        {
            continue;
        }
        let para = dom::visible_text(*el);
        if para.is_empty() {
            continue;
        }
        if !text.is_empty() {
            text.push('\n');
        }
        let start = text.chars().count();
        text.push_str(&para);
        paragraphs.push(Paragraph {
            span: [start, start + para.chars().count()],
            path: dom::element_path(el),
        });
    }
    Extraction {
        article: Some(Article {
            title: meta_content(doc, "meta[property='og:title']").or_else(|| first_text(doc, "h1")),
            byline: meta_content(doc, "meta[name=author]"),
            published: meta_content(doc, "meta[property='article:published_time']"),
            site_name: meta_content(doc, "meta[property='og:site_name']"),
            canonical_url: first_attr(doc, "link[rel=canonical]", "href")
                .or_else(|| options.url.map(str::to_string)),
            text,
            path: dom::element_path(root).unwrap_or_default(),
            paragraphs,
        }),
        not_article_reason: None,
        root: Some(root.id()),
        declared_lang,
    }
}

fn not_an_article(declared_lang: Option<String>, reason: &str) -> Extraction {
    Extraction {
        not_article_reason: Some(reason.to_string()),
        declared_lang,
        ..Extraction::default()
    }
}

fn meta_content(doc: &Html, selector: &str) -> Option<String> {
    first_attr(doc, selector, "content")
}

fn first_attr(doc: &Html, selector: &str, attr: &str) -> Option<String> {
    let sel = Selector::parse(selector).ok()?;
    let value = doc.select(&sel).next()?.value().attr(attr)?.trim();
    (!value.is_empty()).then(|| value.to_string())
}

fn first_text(doc: &Html, selector: &str) -> Option<String> {
    let sel = Selector::parse(selector).ok()?;
    let text = dom::visible_text(*doc.select(&sel).next()?);
    (!text.is_empty()).then_some(text)
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
