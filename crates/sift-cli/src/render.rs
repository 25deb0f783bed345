//! The `--format text` report: what a person wants to read in a terminal.

use std::fmt::Write;

use sift_core::Analysis;

/// How many chars of each clutter reason and claim are shown.
const LINE_CHARS: usize = 160;

fn clip(text: &str) -> String {
    let mut clipped: String = text.chars().take(LINE_CHARS).collect();
    if text.chars().count() > LINE_CHARS {
        clipped.push('…');
    }
    clipped
}

/// Renders one file's analysis as a readable report.
pub fn text_report(file: &str, analysis: &Analysis) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "== {file} (lang {})", analysis.lang);
    match &analysis.article {
        Some(article) => {
            for (label, value) in [
                ("title:    ", &article.title),
                ("byline:   ", &article.byline),
                ("published:", &article.published),
                ("site:     ", &article.site_name),
            ] {
                let _ = writeln!(out, "{label} {}", value.as_deref().unwrap_or("-"));
            }
            let words = article.text.split_whitespace().count();
            let _ = writeln!(
                out,
                "article:   {words} words in {} paragraphs",
                article.paragraphs.len()
            );
        }
        None => {
            let reason = analysis.not_article_reason.as_deref().unwrap_or("unknown");
            let _ = writeln!(out, "not an article: {reason}");
        }
    }
    let _ = writeln!(out, "clutter:   {} element(s)", analysis.clutter.len());
    for tag in &analysis.clutter {
        let _ = writeln!(
            out,
            "  - {:<10} <{}> {:?} score {:.2}: {}",
            tag.category.as_str(),
            tag.tag,
            tag.path,
            tag.score,
            clip(&tag.reason)
        );
    }
    if !analysis.summary.is_empty() {
        let _ = writeln!(out, "key claims:");
        for item in &analysis.summary {
            let _ = writeln!(out, "  * {}", clip(&item.text));
        }
    }
    if !analysis.attributions.is_empty() {
        let _ = writeln!(out, "who said what:");
        for a in &analysis.attributions {
            let when = a
                .date
                .as_deref()
                .map(|d| format!(" ({d})"))
                .unwrap_or_default();
            // In the text's order: "Peskov said", "According to some reports".
            // No holder named ("X is expected to …"): said so.
            let source = if a.source.is_empty() {
                "(no source named)"
            } else {
                a.source.as_str()
            };
            let (first, second) = if a.cue_first() {
                (a.cue.as_str(), source)
            } else {
                (source, a.cue.as_str())
            };
            let _ = writeln!(out, "  * {first} {second}{when}: {}", clip(&a.content));
        }
    }
    let _ = writeln!(out, "time:      {:.1} ms", analysis.timings_ms.total);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn who_said_what_keeps_the_texts_order() {
        let text = "According to some reports, talks will resume next week.\n\
            \"We are ready,\" the minister said on Monday.\n";
        let analysis =
            sift_core::analyze_text(text, &sift_core::Options::default()).expect("analysed");
        let report = text_report("t.txt", &analysis);
        assert!(
            report.contains("* According to some reports"),
            "cue before its source: {report}"
        );
        assert!(
            report.contains("* the minister said"),
            "source before its cue: {report}"
        );
    }
}
