//! # sift-eval
//!
//! The project's own measurements on `../shared/corpora`, with the metric definitions of
//! `../shared/DATA.md` and the peers (filter lists, Readability.js, stored summaries) measured in the
//! same run. Entry point: [`run`], behind `sift eval NAME`.

pub mod attribution;
pub mod bench;
pub mod clutter;
pub mod corpora;
pub mod extract;
pub mod summary;

/// One evaluation: its name, what it measures, and its entry point.
type Evaluation = (
    &'static str,
    &'static str,
    fn(&[String]) -> Result<(), String>,
);

/// Every evaluation `sift eval` knows.
const EVALUATIONS: &[Evaluation] = &[
    (
        "clutter",
        "clutter tags vs the hand labels, beside the filter lists (DATA.md §1)",
        clutter::run,
    ),
    (
        "extract",
        "article text vs AEB, Readability and Trafilatura gold, beside Readability.js (§2)",
        extract::run,
    ),
    (
        "summary",
        "3-sentence summary vs ROSE references and key facts, beside Lead-3 and 4 systems (§3)",
        summary::run,
    ),
    (
        "attribution",
        "who-said-what vs PolNeAR dev (§4)",
        attribution::run,
    ),
    (
        "bench",
        "native speed: full analysis vs parse-only over the corpus pages, per stage (issue 8)",
        bench::run,
    ),
];

/// Runs the evaluation called `name` with its `args`, printing its report to stdout.
pub fn run(name: &str, args: &[String]) -> Result<(), String> {
    match EVALUATIONS.iter().find(|(n, _, _)| *n == name) {
        Some((_, _, entry)) => entry(args),
        None => {
            let known: Vec<String> = EVALUATIONS
                .iter()
                .map(|(n, about, _)| format!("  {n:<12} {about}"))
                .collect();
            Err(format!(
                "unknown evaluation; choose one of:\n{}",
                known.join("\n")
            ))
        }
    }
}
