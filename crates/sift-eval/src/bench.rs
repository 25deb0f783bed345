//! `sift eval bench`: native speed of the analysis against the parse floor (issue 8).
//!
//! Over every corpus page (AEB html, Readability `source.html`, Trafilatura html) it times
//! parse-only (`scraper::Html::parse_document`, the floor) and the full [`sift_core::analyze_html`],
//! interleaved page by page and repeated, and keeps each page's median. It prints totals, the ratio
//! full/parse, MB/s, each stage's share (from `Analysis.timings_ms`), the slowest pages by ratio, and
//! the claims time of a ~2,000-word article through [`sift_core::analyze_text`].
//!
//! ```text
//! sift eval bench [--reps N] [--limit N] [--json FILE]
//! ```
//! Run it from a release build: debug timings mean nothing.

use std::fs;
use std::path::{Path, PathBuf};
use std::time::Instant;

use scraper::Html;
use sift_core::{Analysis, Options};

use crate::corpora::corpus_dir;

/// Repetitions of each page when `--reps` is not given.
const DEFAULT_REPS: usize = 5;
/// Target of issue 8: full analysis at most this many times parse-only, over the corpus.
const MAX_FULL_OVER_PARSE: f64 = 1.5;
/// Target of issue 5: claims of a ~2,000-word article within this many milliseconds.
const MAX_CLAIMS_MS_2000_WORDS: f64 = 10.0;
/// Per-stage budgets as shares of parse time (COMMON.md): clutter, article, claims.
const STAGE_BUDGETS: [(&str, f64); 3] = [("clutter", 0.2), ("article", 0.2), ("claims", 0.1)];
/// Words of the long article used for the claims timing.
const LONG_ARTICLE_WORDS: usize = 2000;
/// How many of the slowest pages (by ratio) are listed.
const SLOWEST_SHOWN: usize = 10;

/// One corpus page, decoded.
struct Page {
    /// `corpus/name`, for the report.
    name: String,
    /// The page's text as the analysis sees it.
    html: String,
}

/// A page's median timings, in milliseconds.
struct PageTimes {
    parse: f64,
    full: f64,
    /// Median of each stage of `timings_ms`: parse, clutter, article, claims.
    stages: [f64; 4],
    failed: bool,
}

/// Parsed command-line arguments.
struct Args {
    reps: usize,
    limit: Option<usize>,
    json: Option<PathBuf>,
}

fn parse_args(args: &[String]) -> Result<Args, String> {
    let mut out = Args {
        reps: DEFAULT_REPS,
        limit: None,
        json: None,
    };
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        let mut value = |name: &str| {
            it.next()
                .cloned()
                .ok_or_else(|| format!("{name} needs a value"))
        };
        match arg.as_str() {
            "--reps" => {
                out.reps = value("--reps")?
                    .parse()
                    .map_err(|e| format!("--reps: {e}"))?;
            }
            "--limit" => {
                out.limit = Some(
                    value("--limit")?
                        .parse()
                        .map_err(|e| format!("--limit: {e}"))?,
                );
            }
            "--json" => out.json = Some(PathBuf::from(value("--json")?)),
            other => {
                return Err(format!(
                    "unknown argument {other}; usage: sift eval bench [--reps N] [--limit N] [--json FILE]"
                ))
            }
        }
    }
    out.reps = out.reps.max(1);
    Ok(out)
}

/// Every `.html`-ish file directly in `dir`, sorted by name.
fn files_in(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = fs::read_dir(dir)
        .map(|rd| {
            rd.filter_map(Result::ok)
                .map(|e| e.path())
                .filter(|p| p.is_file())
                .collect()
        })
        .unwrap_or_default();
    files.sort();
    files
}

/// All benchmark pages of the three corpora.
fn load_pages() -> Result<Vec<Page>, String> {
    let mut paths: Vec<(String, PathBuf)> = Vec::new();
    for path in files_in(&corpus_dir("aeb")?.join("html")) {
        let stem = path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        paths.push((format!("aeb/{}", stem.get(..12).unwrap_or(&stem)), path));
    }
    let readability = corpus_dir("readability")?;
    let mut dirs: Vec<PathBuf> = fs::read_dir(&readability)
        .map_err(|e| format!("{}: {e}", readability.display()))?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.join("source.html").is_file())
        .collect();
    dirs.sort();
    for dir in dirs {
        let name = dir
            .file_name()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        paths.push((format!("readability/{name}"), dir.join("source.html")));
    }
    for path in files_in(&corpus_dir("trafilatura")?.join("html")) {
        let name = path
            .file_name()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        paths.push((format!("trafilatura/{name}"), path));
    }
    let mut pages = Vec::with_capacity(paths.len());
    for (name, path) in paths {
        let bytes = fs::read(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        if let Ok(html) = sift_core::decode(&bytes) {
            pages.push(Page { name, html });
        }
    }
    Ok(pages)
}

fn median(values: &mut [f64]) -> f64 {
    if values.is_empty() {
        return 0.0;
    }
    values.sort_by(f64::total_cmp);
    let mid = values.len() / 2;
    if values.len() % 2 == 1 {
        values.get(mid).copied().unwrap_or(0.0)
    } else {
        let a = values.get(mid - 1).copied().unwrap_or(0.0);
        let b = values.get(mid).copied().unwrap_or(0.0);
        (a + b) / 2.0
    }
}

fn ms_since(start: Instant) -> f64 {
    start.elapsed().as_secs_f64() * 1000.0
}

/// Parse-only wall time of `html`, dropping the tree inside the timing (as the full analysis does).
fn time_parse(html: &str) -> f64 {
    let start = Instant::now();
    let doc = Html::parse_document(html);
    drop(std::hint::black_box(doc));
    ms_since(start)
}

/// Full-analysis wall time of `html` and its stage timings.
fn time_full(html: &str) -> (f64, Option<[f64; 4]>) {
    let options = Options::default();
    let start = Instant::now();
    let result = sift_core::analyze_html(html, &options);
    let stages = result.as_ref().ok().map(|a: &Analysis| {
        let t = &a.timings_ms;
        [t.parse, t.clutter, t.article, t.claims]
    });
    drop(std::hint::black_box(result));
    (ms_since(start), stages)
}

/// Times every page `reps` times, alternating which of parse/full goes first, and keeps medians.
fn measure(pages: &[Page], reps: usize) -> Vec<PageTimes> {
    let n = pages.len();
    let mut parse: Vec<Vec<f64>> = vec![Vec::with_capacity(reps); n];
    let mut full: Vec<Vec<f64>> = vec![Vec::with_capacity(reps); n];
    let mut stages: Vec<[Vec<f64>; 4]> = (0..n).map(|_| Default::default()).collect();
    let mut failed = vec![false; n];
    for rep in 0..reps {
        for (i, page) in pages.iter().enumerate() {
            let parse_first = (rep + i) % 2 == 0;
            if parse_first {
                if let Some(p) = parse.get_mut(i) {
                    p.push(time_parse(&page.html));
                }
            }
            let (t, st) = time_full(&page.html);
            if let Some(f) = full.get_mut(i) {
                f.push(t);
            }
            match (st, stages.get_mut(i)) {
                (Some(st), Some(slot)) => {
                    for (acc, v) in slot.iter_mut().zip(st) {
                        acc.push(v);
                    }
                }
                (None, _) => {
                    if let Some(f) = failed.get_mut(i) {
                        *f = true;
                    }
                }
                _ => {}
            }
            if !parse_first {
                if let Some(p) = parse.get_mut(i) {
                    p.push(time_parse(&page.html));
                }
            }
        }
        eprint!("\rrep {}/{reps}", rep + 1);
    }
    eprintln!();
    parse
        .into_iter()
        .zip(full)
        .zip(stages)
        .zip(failed)
        .map(|(((mut p, mut f), st), failed)| {
            let [mut a, mut b, mut c, mut d] = st;
            PageTimes {
                parse: median(&mut p),
                full: median(&mut f),
                stages: [
                    median(&mut a),
                    median(&mut b),
                    median(&mut c),
                    median(&mut d),
                ],
                failed,
            }
        })
        .collect()
}

/// The longest AEB gold article body (else ROSE source), cut to [`LONG_ARTICLE_WORDS`] words, one
/// paragraph per line.
fn long_article() -> Result<(String, String), String> {
    let mut best: Option<(String, String)> = None;
    let mut consider = |label: String, text: &str| {
        let words = text.split_whitespace().count();
        if best
            .as_ref()
            .is_none_or(|(_, b)| b.split_whitespace().count() < words)
        {
            best = Some((label, text.to_string()));
        }
    };
    if let Ok(dir) = corpus_dir("aeb") {
        if let Ok(raw) = fs::read_to_string(dir.join("ground-truth-dev.json")) {
            if let Ok(serde_json::Value::Object(map)) = serde_json::from_str(&raw) {
                for (id, v) in map {
                    if let Some(body) = v.get("articleBody").and_then(|b| b.as_str()) {
                        consider(format!("aeb/{}", id.get(..12).unwrap_or(&id)), body);
                    }
                }
            }
        }
    }
    if let Ok(dir) = corpus_dir("rose") {
        if let Ok(raw) = fs::read_to_string(dir.join("cnndm-llm-dev.json")) {
            if let Ok(serde_json::Value::Array(items)) = serde_json::from_str(&raw) {
                for v in items {
                    let id = v
                        .get("example_id")
                        .map(|x| x.to_string())
                        .unwrap_or_default();
                    if let Some(src) = v.get("source").and_then(|b| b.as_str()) {
                        consider(format!("rose/{id}"), src);
                    }
                }
            }
        }
    }
    let (label, text) = best.ok_or("no long article found in aeb or rose")?;
    // Keep the line structure (paragraphs) while cutting to the word budget.
    let mut out = String::new();
    let mut words = 0;
    for line in text.lines() {
        if words >= LONG_ARTICLE_WORDS {
            break;
        }
        let mut kept: Vec<&str> = Vec::new();
        for w in line.split_whitespace() {
            if words >= LONG_ARTICLE_WORDS {
                break;
            }
            kept.push(w);
            words += 1;
        }
        if !kept.is_empty() {
            out.push_str(&kept.join(" "));
            out.push('\n');
        }
    }
    Ok((format!("{label} cut to {words} words"), out))
}

/// Median claims and total ms of `analyze_text` on `text` over `reps` runs.
fn time_claims(text: &str, reps: usize) -> Option<(f64, f64)> {
    let options = Options::default();
    let mut claims = Vec::new();
    let mut total = Vec::new();
    for _ in 0..reps.max(5) {
        let a = sift_core::analyze_text(text, &options).ok()?;
        claims.push(a.timings_ms.claims);
        total.push(a.timings_ms.total);
    }
    Some((median(&mut claims), median(&mut total)))
}

fn verdict(pass: bool) -> &'static str {
    if pass {
        "PASS"
    } else {
        "FAIL"
    }
}

/// Runs the benchmark and prints its report.
pub fn run(args: &[String]) -> Result<(), String> {
    let args = parse_args(args)?;
    if cfg!(debug_assertions) {
        eprintln!("warning: debug build; use `cargo run --release` for meaningful timings");
    }
    let mut pages = load_pages()?;
    if let Some(limit) = args.limit {
        pages.truncate(limit);
    }
    if pages.is_empty() {
        return Err("no corpus pages found".to_string());
    }
    let bytes: usize = pages.iter().map(|p| p.html.len()).sum();
    println!(
        "native bench: {} pages, {:.1} MB, {} repetitions interleaved, per-page medians",
        pages.len(),
        bytes as f64 / 1e6,
        args.reps
    );
    let times = measure(&pages, args.reps);

    let failed = times.iter().filter(|t| t.failed).count();
    let parse_total: f64 = times.iter().map(|t| t.parse).sum();
    let full_total: f64 = times.iter().map(|t| t.full).sum();
    let mut stage_total = [0.0f64; 4];
    for t in &times {
        for (acc, v) in stage_total.iter_mut().zip(t.stages) {
            *acc += v;
        }
    }
    let ratio = full_total / parse_total.max(1e-9);
    let mb = bytes as f64 / 1e6;
    let mut ratios: Vec<f64> = times.iter().map(|t| t.full / t.parse.max(1e-9)).collect();
    let ratio_median = median(&mut ratios);

    println!();
    println!(
        "parse-only  total {:>9.1} ms  {:>7.1} MB/s",
        parse_total,
        mb / (parse_total / 1000.0)
    );
    println!(
        "full        total {:>9.1} ms  {:>7.1} MB/s",
        full_total,
        mb / (full_total / 1000.0)
    );
    println!("ratio full/parse over the corpus: {ratio:.3}  (median page ratio {ratio_median:.3}; analysis failed on {failed} pages)");
    println!();
    println!("stages (sum of per-page medians of Analysis.timings_ms), as share of parse-only:");
    let names = ["parse", "clutter", "article", "claims"];
    for (name, v) in names.iter().zip(stage_total) {
        let budget = STAGE_BUDGETS
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, b)| {
                format!(
                    "  budget <= {b:.1}x  {}",
                    verdict(v / parse_total.max(1e-9) <= *b)
                )
            })
            .unwrap_or_default();
        println!(
            "  {name:<8} {v:>9.1} ms  {:>5.1}% of full  {:>6.3}x parse{budget}",
            100.0 * v / full_total.max(1e-9),
            v / parse_total.max(1e-9)
        );
    }

    let mut order: Vec<usize> = (0..pages.len()).collect();
    order.sort_by(|&a, &b| {
        let ra = times.get(a).map_or(0.0, |t| t.full / t.parse.max(1e-9));
        let rb = times.get(b).map_or(0.0, |t| t.full / t.parse.max(1e-9));
        rb.total_cmp(&ra)
    });
    println!();
    println!("{SLOWEST_SHOWN} slowest pages by ratio full/parse:");
    println!(
        "  {:<44} {:>8} {:>8} {:>8} {:>6}   {:>7} {:>7} {:>7}",
        "page", "KB", "parse", "full", "ratio", "clutter", "article", "claims"
    );
    for &i in order.iter().take(SLOWEST_SHOWN) {
        if let (Some(p), Some(t)) = (pages.get(i), times.get(i)) {
            println!(
                "  {:<44} {:>8.0} {:>8.2} {:>8.2} {:>6.2}   {:>7.2} {:>7.2} {:>7.2}",
                p.name,
                p.html.len() as f64 / 1024.0,
                t.parse,
                t.full,
                t.full / t.parse.max(1e-9),
                t.stages[1],
                t.stages[2],
                t.stages[3]
            );
        }
    }

    let claims = long_article().ok().and_then(|(label, text)| {
        time_claims(&text, args.reps).map(|(c, total)| (label, c, total))
    });
    println!();
    match &claims {
        Some((label, c, total)) => println!(
            "claims on a long article ({label}): claims {c:.2} ms, analyze_text total {total:.2} ms  (target <= {MAX_CLAIMS_MS_2000_WORDS} ms: {})",
            verdict(*c <= MAX_CLAIMS_MS_2000_WORDS)
        ),
        None => println!("claims on a long article: no article text found or analysis failed"),
    }

    println!();
    println!(
        "TARGET native full/parse {ratio:.3} <= {MAX_FULL_OVER_PARSE}: {}",
        verdict(ratio <= MAX_FULL_OVER_PARSE)
    );
    if let Some((_, c, _)) = &claims {
        println!(
            "TARGET claims 2000 words {c:.2} ms <= {MAX_CLAIMS_MS_2000_WORDS} ms: {}",
            verdict(*c <= MAX_CLAIMS_MS_2000_WORDS)
        );
    }

    if let Some(path) = &args.json {
        let per_page: Vec<serde_json::Value> = pages
            .iter()
            .zip(&times)
            .map(|(p, t)| {
                serde_json::json!({
                    "page": p.name, "bytes": p.html.len(), "parse_ms": t.parse, "full_ms": t.full,
                    "stages_ms": t.stages, "failed": t.failed,
                })
            })
            .collect();
        let summary = serde_json::json!({
            "pages": pages.len(), "bytes": bytes, "reps": args.reps,
            "parse_ms": parse_total, "full_ms": full_total, "ratio": ratio,
            "stages_ms": {"parse": stage_total[0], "clutter": stage_total[1],
                          "article": stage_total[2], "claims": stage_total[3]},
            "claims_2000_words_ms": claims.as_ref().map(|c| c.1),
            "per_page": per_page,
        });
        let text = serde_json::to_string_pretty(&summary).map_err(|e| e.to_string())?;
        fs::write(path, text).map_err(|e| format!("{}: {e}", path.display()))?;
    }
    Ok(())
}
