//! The popup's view of an analysis: what it shows and what a clicked claim, quote or key fact needs
//! to be found on the page, without the article's text and paragraphs (the bulk of the analysis,
//! which the popup never shows). Borrowed from the [`Analysis`]; serialised to JSON by `analyzeTab`.

use serde::Serialize;
use sift_core::{Analysis, ElementPath, Fact, Timings};

/// What the popup shows about one page.
#[derive(Debug, Serialize)]
pub struct Details<'a> {
    /// The article's language (`und` when unknown).
    pub lang: &'a str,
    /// Why the page is not an article, when it is not.
    pub not_article_reason: Option<&'a str>,
    /// The article's head, when the page is one.
    pub article: Option<Head<'a>>,
    /// The key claims, in article order.
    pub summary: Vec<Claim<'a>>,
    /// Who said what.
    pub attributions: Vec<Quote<'a>>,
    /// Key numbers and dates.
    pub facts: KeyFacts<'a>,
    /// The core's stage timings.
    pub timings_ms: &'a Timings,
}

/// The article's metadata and length.
#[derive(Debug, Serialize)]
pub struct Head<'a> {
    /// Headline.
    pub title: Option<&'a str>,
    /// Author(s).
    pub byline: Option<&'a str>,
    /// Publication date.
    pub published: Option<&'a str>,
    /// Publication name.
    pub site_name: Option<&'a str>,
    /// Path of the article's root element.
    pub path: &'a ElementPath,
    /// Words in the article's text (runs of non-whitespace).
    pub words: usize,
}

/// One key claim and where it is.
#[derive(Debug, Serialize)]
pub struct Claim<'a> {
    /// The sentence, verbatim.
    pub text: &'a str,
    /// Path of the element holding it.
    pub path: Option<&'a ElementPath>,
}

/// One attribution as the popup lists it.
#[derive(Debug, Serialize)]
pub struct Quote<'a> {
    /// Who.
    pub source: &'a str,
    /// The reporting verb.
    pub cue: &'a str,
    /// What was said.
    pub content: &'a str,
    /// When, if stated.
    pub date: Option<&'a str>,
    /// Path of the paragraph holding `content` (else of the cue's element), to find it on the page.
    pub path: Option<&'a ElementPath>,
    /// Whether the text names the cue before the source ("According to some reports", "said
    /// Peskov"), so the popup can list them in that order.
    pub cue_first: bool,
}

/// Key numbers and dates.
#[derive(Debug, Serialize)]
pub struct KeyFacts<'a> {
    /// Numbers as written.
    pub numbers: Vec<KeyFact<'a>>,
    /// Dates as written, with their kind.
    pub dates: Vec<KeyFact<'a>>,
}

/// One key number or date and where it is.
#[derive(Debug, Serialize)]
pub struct KeyFact<'a> {
    /// As written.
    pub text: &'a str,
    /// For numbers what they count, for dates the resolved date.
    pub kind: &'a str,
    /// Path of the paragraph holding it.
    pub path: Option<&'a ElementPath>,
}

/// Path of the article paragraph holding char offset `at` of the article's text.
fn paragraph_path(analysis: &Analysis, at: usize) -> Option<&ElementPath> {
    let paragraphs = &analysis.article.as_ref()?.paragraphs;
    let i = paragraphs.partition_point(|p| p.span[1] <= at);
    paragraphs
        .get(i)
        .filter(|p| p.span[0] <= at)
        .and_then(|p| p.path.as_ref())
}

/// The popup's entries for `facts`.
fn key_facts<'a>(analysis: &'a Analysis, facts: &'a [Fact]) -> Vec<KeyFact<'a>> {
    facts
        .iter()
        .map(|f| KeyFact {
            text: &f.text,
            kind: &f.kind,
            path: paragraph_path(analysis, f.span[0]),
        })
        .collect()
}

impl<'a> Details<'a> {
    /// The details of `analysis`.
    pub fn of(analysis: &'a Analysis) -> Self {
        Self {
            lang: &analysis.lang,
            not_article_reason: analysis.not_article_reason.as_deref(),
            article: analysis.article.as_ref().map(|a| Head {
                title: a.title.as_deref(),
                byline: a.byline.as_deref(),
                published: a.published.as_deref(),
                site_name: a.site_name.as_deref(),
                path: &a.path,
                words: a.text.split_whitespace().count(),
            }),
            summary: analysis
                .summary
                .iter()
                .map(|s| Claim {
                    text: &s.text,
                    path: s.path.as_ref(),
                })
                .collect(),
            attributions: analysis
                .attributions
                .iter()
                .map(|x| Quote {
                    source: &x.source,
                    cue: &x.cue,
                    content: &x.content,
                    date: x.date.as_deref(),
                    path: paragraph_path(analysis, x.content_span[0]).or(x.path.as_ref()),
                    cue_first: x.cue_first(),
                })
                .collect(),
            facts: KeyFacts {
                numbers: key_facts(analysis, &analysis.facts.numbers),
                dates: key_facts(analysis, &analysis.facts.dates),
            },
            timings_ms: &analysis.timings_ms,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn details_keep_what_the_popup_shows_and_drop_the_text() {
        let html = "<html><head><title>T</title></head><body><article><h1>Headline here</h1>\
            <p>The minister said on Monday that 1,200 people were evacuated from the town.</p>\
            <p>\"We will rebuild,\" said the mayor, who spoke to reporters in the square.</p>\
            <p>Officials said the river rose by 3 metres overnight, the highest in 40 years.</p>\
            <p>According to the fire service, the water will fall again by the end of the week.</p>\
            </article></body></html>";
        let analysis =
            sift_core::analyze_html(html, &sift_core::Options::default()).expect("analysed");
        let json = serde_json::to_value(Details::of(&analysis)).expect("serialised");
        assert_eq!(json["lang"], analysis.lang.as_str());
        assert_eq!(
            json["summary"].as_array().map(Vec::len),
            Some(analysis.summary.len())
        );
        assert_eq!(
            json["attributions"].as_array().map(Vec::len),
            Some(analysis.attributions.len())
        );
        if let Some(article) = &analysis.article {
            assert_eq!(
                json["article"]["words"],
                article.text.split_whitespace().count()
            );
            assert!(json["article"].get("text").is_none());
            assert!(json["article"].get("paragraphs").is_none());
            // Each quote and key number carries the path of the paragraph that holds it.
            let paragraph_text = |path: &serde_json::Value| -> Option<String> {
                let p = article
                    .paragraphs
                    .iter()
                    .find(|p| serde_json::to_value(&p.path).ok().as_ref() == Some(path))?;
                Some(
                    article
                        .text
                        .chars()
                        .skip(p.span[0])
                        .take(p.span[1] - p.span[0])
                        .collect(),
                )
            };
            let quotes = json["attributions"].as_array().cloned().unwrap_or_default();
            assert!(!quotes.is_empty(), "the mayor's quote is found");
            for q in &quotes {
                let text = paragraph_text(&q["path"]).expect("a quote's path is a paragraph's");
                assert!(
                    text.contains(q["content"].as_str().unwrap_or("\u{0}")),
                    "{q}"
                );
            }
            // The cue comes first where the text puts it first.
            let order: Vec<(&str, bool)> = quotes
                .iter()
                .map(|q| {
                    (
                        q["cue"].as_str().unwrap_or(""),
                        q["cue_first"].as_bool().unwrap_or(false),
                    )
                })
                .collect();
            assert!(order.contains(&("According to", true)), "{order:?}");
            assert!(
                order.iter().any(|&(c, first)| c == "said" && !first),
                "{order:?}"
            );
            let numbers = json["facts"]["numbers"]
                .as_array()
                .cloned()
                .unwrap_or_default();
            assert!(numbers.len() >= 2, "1,200 people and 3 metres: {numbers:?}");
            for n in &numbers {
                let text = paragraph_text(&n["path"]).expect("a number's path is a paragraph's");
                assert!(text.contains(n["text"].as_str().unwrap_or("\u{0}")), "{n}");
            }
        } else {
            assert!(json["article"].is_null());
        }
    }
}
