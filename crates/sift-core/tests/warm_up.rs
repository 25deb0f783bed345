//! `warm_up` builds the analysis' lasting tables only as far as its page reaches every stage: the
//! page must give an article, one tag of each clutter kind, a summary and attributions.

use sift_core::ClutterCategory;

#[test]
fn warm_up_page_reaches_every_stage() {
    let analysis = sift_core::warm_up().expect("the warm-up page is analysed");
    let article = analysis.article.expect("the warm-up page has an article");
    assert!(article.text.contains("new bridge"), "{}", article.text);
    for category in ClutterCategory::ALL {
        assert!(
            analysis.clutter.iter().any(|t| t.category == category),
            "no {} tag: {:?}",
            category.as_str(),
            analysis.clutter
        );
    }
    assert!(!analysis.summary.is_empty());
    assert!(
        analysis
            .attributions
            .iter()
            .any(|a| a.source.contains("John Smith")),
        "{:?}",
        analysis.attributions
    );
    assert!(!analysis.facts.numbers.is_empty() && !analysis.facts.dates.is_empty());
}
