//! Claims speed on a ~2,000-word article, stage by stage (issue 5: at most 10 ms natively).
//! A measurement, not a timed assertion: run it in release with
//! `cargo test --release -p sift-core --test claims_speed -- --ignored --nocapture`;
//! `sift eval bench` prints the same total on a corpus article.

use std::time::Instant;

use sift_core::claims::{self, attribution, dates, facts, sentences, summary, tokens};
use sift_core::lang::Lang;

/// Words in the timed article.
const WORDS: usize = 2000;
/// Runs averaged.
const RUNS: u32 = 20;

/// A ~2,000-word article: the seed paragraphs repeated with varied numbers, when `../shared` is
/// there; else a built text of news-like sentences.
fn article_text() -> String {
    let base = "The outgoing U.S. administration intends to provoke an escalation of the war in Ukraine, \
Kremlin spokesperson Dmitry Peskov told the media on Nov. 18 following reports that Washington eased \
restrictions on long-range strikes. Several media outlets reported on Nov. 17 that U.S. President Joe \
Biden permitted Ukraine to use its ATACMS missiles to strike against targets on Russian soil. \
\"It is obvious,\" Peskov said, RIA Novosti reported. Russian President Vladimir Putin has previously \
said that long-range strikes would mean NATO's involvement in the war. The army lost 1,200 soldiers.";
    let mut text = String::new();
    let mut n = 0;
    let mut i = 0;
    while n < WORDS {
        let para = base.replace("1,200", &format!("{},{:03}", i % 9 + 1, i % 997));
        n += para.split_whitespace().count();
        text.push_str(&para);
        text.push('\n');
        i += 1;
    }
    text
}

#[test]
#[ignore = "a measurement: run in release with --ignored --nocapture"]
fn claims_on_2000_words() {
    let text = article_text();
    let article = sift_core::article::from_plain_text(&text);
    let chars: Vec<char> = article.text.chars().collect();
    let t = Instant::now();
    for _ in 0..RUNS {
        std::hint::black_box(claims::analyze(&article, Lang::En));
    }
    let total = t.elapsed().as_secs_f64() * 1000.0 / f64::from(RUNS);
    let t = Instant::now();
    for _ in 1..RUNS {
        std::hint::black_box(sentences::split(&chars, &article.paragraphs, Lang::En));
    }
    let sents = sentences::split(&chars, &article.paragraphs, Lang::En);
    let t_split = t.elapsed().as_secs_f64() * 1000.0 / f64::from(RUNS);
    let t = Instant::now();
    for _ in 1..RUNS {
        for s in &sents {
            std::hint::black_box(tokens::tokenize(&chars, s.span[0], s.span[1]).tokens());
        }
    }
    let tokenized = tokens::Tokenized::new(&chars, sents.iter().map(|s| (s.span[0], s.span[1])));
    let all = tokenized.tokens();
    let lists = tokenized.ranges(&all);
    let t_tok = t.elapsed().as_secs_f64() * 1000.0 / f64::from(RUNS);
    let date_lists: Vec<_> = lists
        .iter()
        .map(|t| dates::find(t, None, Lang::En))
        .collect();
    let st: Vec<attribution::SentenceTokens<'_>> = lists
        .iter()
        .zip(&date_lists)
        .map(|(&t, d)| attribution::SentenceTokens {
            tokens: t,
            dates: d,
            path: None,
            paragraph: 0,
        })
        .collect();
    let t = Instant::now();
    for _ in 1..RUNS {
        std::hint::black_box(attribution::find(&chars, &st, Lang::En));
    }
    let attributions = attribution::find(&chars, &st, Lang::En);
    let t_attr = t.elapsed().as_secs_f64() * 1000.0 / f64::from(RUNS);
    let t = Instant::now();
    for _ in 0..RUNS {
        let date_lists: Vec<_> = lists
            .iter()
            .map(|t| dates::find(t, None, Lang::En))
            .collect();
        std::hint::black_box(facts::find(&chars, &lists, &date_lists));
    }
    let t_facts = t.elapsed().as_secs_f64() * 1000.0 / f64::from(RUNS);
    let cands: Vec<summary::Candidate<'_>> = lists
        .iter()
        .map(|&t| summary::Candidate {
            tokens: t,
            attributed: false,
            paragraph: 0,
            caption: false,
        })
        .collect();
    let t = Instant::now();
    for _ in 0..RUNS {
        std::hint::black_box(summary::select(&cands, 3));
    }
    let t_sum = t.elapsed().as_secs_f64() * 1000.0 / f64::from(RUNS);
    println!(
        "claims on {} words: {total:.2} ms (split {t_split:.2}, tokens {t_tok:.2}, attribution {t_attr:.2} [{}], facts {t_facts:.2}, summary {t_sum:.2})",
        text.split_whitespace().count(),
        attributions.len()
    );
}

#[path = "../src/test_corpus.rs"]
mod test_corpus;

/// Every corpus page, decoded; empty when `../shared` is absent.
fn corpus_pages() -> Vec<String> {
    test_corpus::page_paths()
        .iter()
        .filter_map(|p| std::fs::read(p).ok())
        .filter_map(|b| sift_core::decode(&b).ok())
        .collect()
}

/// Claims (language detection and `claims::analyze`) over every corpus page's extracted article,
/// against parse-only time of the same pages: the claims share of issue 8's budget (<= 0.1x).
/// Also the loop to profile (`perf record` on this test binary).
#[test]
#[ignore = "a measurement: run in release with --ignored --nocapture"]
fn claims_over_corpus() {
    let pages = corpus_pages();
    if pages.is_empty() {
        eprintln!("skipping: ../shared/corpora not found");
        return;
    }
    let options = sift_core::Options::default();
    let articles: Vec<(sift_core::analysis::Article, String)> = pages
        .iter()
        .filter_map(|html| sift_core::analyze_html(html, &options).ok())
        .filter_map(|a| Some((a.article?, a.lang)))
        .collect();
    let reps: u32 = std::env::var("SIFT_REPS")
        .ok()
        .and_then(|r| r.parse().ok())
        .unwrap_or(3);
    // SIFT_PARSE_REPS=0 skips the parse timing (to profile the claims loop alone).
    let parse_reps: u32 = std::env::var("SIFT_PARSE_REPS")
        .ok()
        .and_then(|r| r.parse().ok())
        .unwrap_or(reps);
    let t = Instant::now();
    for _ in 0..parse_reps {
        for html in &pages {
            std::hint::black_box(sift_core::limits::parse_document(html).ok());
        }
    }
    let parse = t.elapsed().as_secs_f64() * 1000.0 / f64::from(parse_reps.max(1));
    let t = Instant::now();
    for _ in 0..reps {
        for (article, lang) in &articles {
            let lang = sift_core::lang::detect(&article.text, Some(lang));
            std::hint::black_box(claims::analyze(article, lang));
        }
    }
    let claims_ms = t.elapsed().as_secs_f64() * 1000.0 / f64::from(reps);
    println!(
        "{} pages ({} articles): parse {parse:.1} ms, claims {claims_ms:.1} ms = {:.3}x parse",
        pages.len(),
        articles.len(),
        claims_ms / parse.max(1e-9)
    );
}
