//! The analysis value: what `analyze` returns, serialised as the JSON documented in `docs/schema.md`.
//!
//! Bump [`SCHEMA_VERSION`] on any change that could break a reader of the JSON.

use serde::Serialize;

/// Version of the JSON shape below; carried in [`Analysis::schema`].
pub const SCHEMA_VERSION: u32 = 1;

/// A path to an element: element-child indices from `<html>` (`[1, 0]` is the first element child of
/// `<html>`'s second element child). The empty path is `<html>` itself.
pub type ElementPath = Vec<u32>;

/// A `[start, end)` span in Unicode scalar (char) offsets.
pub type Span = [usize; 2];

/// Everything Sift found on one page.
#[derive(Debug, Clone, Serialize, Default, PartialEq)]
pub struct Analysis {
    /// Version of this JSON shape ([`SCHEMA_VERSION`]).
    pub schema: u32,
    /// Language of the article (or page), an ISO 639-1 code among `en uk ru de fr es`, or `und`.
    pub lang: String,
    /// The article, or `None` when the page is not an article (see `not_article_reason`).
    pub article: Option<Article>,
    /// Why the page was judged not to be an article, when `article` is `None`.
    pub not_article_reason: Option<String>,
    /// Clutter elements to hide, outermost first in document order.
    pub clutter: Vec<ClutterTag>,
    /// The key claims: verbatim sentences of the article, in article order.
    pub summary: Vec<SummaryItem>,
    /// Who said what.
    pub attributions: Vec<Attribution>,
    /// Key numbers, dates and names.
    pub facts: Facts,
    /// Wall-clock time of each stage, in milliseconds (zero where no clock is available).
    pub timings_ms: Timings,
}

/// The extracted article.
#[derive(Debug, Clone, Serialize, Default, PartialEq)]
pub struct Article {
    /// Headline.
    pub title: Option<String>,
    /// Author(s) as printed.
    pub byline: Option<String>,
    /// Publication date, ISO 8601 (`2024-11-18` or a full timestamp) where it could be read.
    pub published: Option<String>,
    /// Name of the publication.
    pub site_name: Option<String>,
    /// Canonical URL, when the page declares one.
    pub canonical_url: Option<String>,
    /// Plain text, one paragraph per line.
    pub text: String,
    /// Path of the article's root element (empty for plain-text input).
    pub path: ElementPath,
    /// Each paragraph (line of `text`) with the element it came from.
    pub paragraphs: Vec<Paragraph>,
}

/// One paragraph of the article text.
#[derive(Debug, Clone, Serialize, Default, PartialEq)]
pub struct Paragraph {
    /// Span of the paragraph in `article.text`.
    pub span: Span,
    /// Path of the element holding it (`None` for plain-text input).
    pub path: Option<ElementPath>,
}

/// The kinds of clutter Sift hides.
#[derive(Debug, Clone, Copy, Serialize, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[serde(rename_all = "lowercase")]
pub enum ClutterCategory {
    /// Appeals for money or membership to support the publisher.
    Donation,
    /// Email newsletter signup modules.
    Newsletter,
    /// Listen-to-this-article players and AI-audio disclosures.
    Audio,
}

impl ClutterCategory {
    /// All categories, in display order.
    pub const ALL: [ClutterCategory; 3] = [Self::Donation, Self::Newsletter, Self::Audio];

    /// The category's name as used in the JSON and the labels.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Donation => "donation",
            Self::Newsletter => "newsletter",
            Self::Audio => "audio",
        }
    }
}

/// One element tagged as clutter.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct ClutterTag {
    /// What kind of clutter it is.
    pub category: ClutterCategory,
    /// Where the element is.
    pub path: ElementPath,
    /// The element's tag name (lower case), so a client can check the path still points at it.
    pub tag: String,
    /// The evidence, readable by a person (e.g. "email input + 'Subscribe' button").
    pub reason: String,
    /// Confidence in `[0, 1]`.
    pub score: f32,
}

/// One key claim of the summary.
#[derive(Debug, Clone, Serialize, Default, PartialEq)]
pub struct SummaryItem {
    /// The sentence, verbatim.
    pub text: String,
    /// Its span in `article.text`.
    pub span: Span,
    /// Path of the element holding it (`None` for plain-text input).
    pub path: Option<ElementPath>,
}

/// Who said what, and when.
#[derive(Debug, Clone, Serialize, Default, PartialEq)]
pub struct Attribution {
    /// The speaker as written, with role or organisation where given; empty where the text
    /// names no holder ("X is expected to …", "X seemed …": the subject is in `content`) or
    /// the speaker of a second verb was not found.
    pub source: String,
    /// The verb or phrase that marks the attribution ("said", "according to").
    pub cue: String,
    /// What was said: a direct quote or a paraphrase.
    pub content: String,
    /// Span of `source` in `article.text`. For a resolved pronoun, the pronoun's span.
    pub source_span: Span,
    /// Span of `cue` in `article.text`.
    pub cue_span: Span,
    /// Span of `content` in `article.text`.
    pub content_span: Span,
    /// When it was said, ISO 8601, where the text says and it could be resolved.
    pub date: Option<String>,
    /// Path of the element holding the cue (`None` for plain-text input).
    pub path: Option<ElementPath>,
}

impl Attribution {
    /// Whether the text names the cue before its source ("According to some reports", "said
    /// Peskov"), so that a listing can keep the text's order. False when the source is implicit.
    pub fn cue_first(&self) -> bool {
        self.source_span[1] > self.source_span[0] && self.cue_span[0] < self.source_span[0]
    }
}

/// Key facts: numbers, dates and names found in the article.
#[derive(Debug, Clone, Serialize, Default, PartialEq)]
pub struct Facts {
    /// Numbers with what they count.
    pub numbers: Vec<Fact>,
    /// Dates mentioned.
    pub dates: Vec<Fact>,
    /// Named people, places and organisations.
    pub entities: Vec<Fact>,
}

/// One key fact.
#[derive(Debug, Clone, Serialize, Default, PartialEq)]
pub struct Fact {
    /// The fact as written (e.g. "1,000 new members").
    pub text: String,
    /// Kind of fact: for numbers the unit or counted noun, for dates the resolved ISO date, for
    /// entities `person`, `place` or `organisation`.
    pub kind: String,
    /// Span in `article.text`.
    pub span: Span,
}

/// Time spent in each stage, in milliseconds.
#[derive(Debug, Clone, Serialize, Default, PartialEq)]
pub struct Timings {
    /// Parsing the HTML.
    pub parse: f64,
    /// Clutter detection.
    pub clutter: f64,
    /// Article extraction.
    pub article: f64,
    /// Summary, attributions and facts.
    pub claims: f64,
    /// The whole analysis.
    pub total: f64,
}
