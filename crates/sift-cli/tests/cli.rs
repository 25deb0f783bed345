//! The `sift` binary's behaviour on good, bad and missing input: a clear message on stderr and a
//! non-zero exit for input it cannot read, the other files still processed; and valid JSON of the
//! schema for every page of `../shared/corpora` (skipped with a message when it is absent).

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;

/// Fields every analysis object carries (docs/schema.md).
const SCHEMA_FIELDS: &[&str] = &[
    "schema",
    "lang",
    "article",
    "clutter",
    "summary",
    "attributions",
    "timings_ms",
];

fn sift(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_sift"))
        .args(args)
        .output()
        .expect("the sift binary runs")
}

/// A fresh scratch directory for one test.
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("sift-cli-test-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("scratch dir");
    dir
}

fn good_page() -> String {
    let para = "The council approved 120 new homes on Tuesday, officials said, in a vote that \
                followed months of debate about the budget and the city's plans.";
    format!(
        "<html lang=en><head><title>Homes</title></head><body><article><h1>Homes</h1>{}</article>\
         </body></html>",
        format!("<p>{para}</p>").repeat(4)
    )
}

fn assert_schema(value: &Value, what: &str) {
    let object = value
        .as_object()
        .unwrap_or_else(|| panic!("{what}: not an object"));
    for field in SCHEMA_FIELDS {
        assert!(
            object.contains_key(*field),
            "{what}: no `{field}` in {value}"
        );
    }
    assert!(value["schema"].as_u64().is_some(), "{what}: schema");
    assert!(value["lang"].is_string(), "{what}: lang");
    assert!(value["clutter"].is_array(), "{what}: clutter");
    assert!(value["summary"].is_array(), "{what}: summary");
    assert!(value["attributions"].is_array(), "{what}: attributions");
    assert!(value["timings_ms"].is_object(), "{what}: timings_ms");
    assert!(
        value["article"].is_null() || value["article"]["text"].is_string(),
        "{what}: article"
    );
}

fn stdout_lines(output: &Output) -> Vec<Value> {
    String::from_utf8_lossy(&output.stdout)
        .lines()
        .map(|line| {
            serde_json::from_str(line).unwrap_or_else(|e| panic!("invalid JSON line {line:?}: {e}"))
        })
        .collect()
}

#[test]
fn missing_file_is_a_clear_error_and_the_others_are_still_processed() {
    let dir = scratch("missing");
    let good = dir.join("good.html");
    std::fs::write(&good, good_page()).expect("write");
    let missing = dir.join("no-such-page.html");
    let output = sift(&[
        "analyze",
        "--format",
        "jsonl",
        missing.to_str().expect("utf-8 path"),
        good.to_str().expect("utf-8 path"),
    ]);
    assert!(!output.status.success(), "exit status {:?}", output.status);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("no-such-page.html") && stderr.contains("cannot read"),
        "stderr: {stderr}"
    );
    assert!(!stderr.contains("panicked"), "stderr: {stderr}");
    let lines = stdout_lines(&output);
    assert_eq!(lines.len(), 2, "one line per file");
    assert!(lines[0]["error"].is_string(), "{}", lines[0]);
    assert_schema(&lines[1], "good.html");
    assert!(lines[1]["article"]["text"]
        .as_str()
        .is_some_and(|t| t.contains("120 new homes")));
}

#[test]
fn directory_and_unreadable_file_are_clear_errors() {
    let dir = scratch("unreadable");
    let sub = dir.join("a-directory.html");
    std::fs::create_dir_all(&sub).expect("dir");
    let good = dir.join("good.html");
    std::fs::write(&good, good_page()).expect("write");
    for args in [
        vec!["analyze", sub.to_str().expect("path")],
        vec![
            "analyze",
            "--format",
            "text",
            sub.to_str().expect("path"),
            good.to_str().expect("path"),
        ],
    ] {
        let output = sift(&args);
        assert!(!output.status.success(), "{args:?}: {:?}", output.status);
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(stderr.contains("a-directory.html"), "stderr: {stderr}");
        assert!(!stderr.contains("panicked"), "stderr: {stderr}");
    }
    // A file without read permission (root can read anything: then the check is moot).
    let locked = dir.join("locked.html");
    std::fs::write(&locked, good_page()).expect("write");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000)).expect("chmod");
        if std::fs::read(&locked).is_err() {
            let output = sift(&["analyze", locked.to_str().expect("path")]);
            assert!(!output.status.success());
            assert!(String::from_utf8_lossy(&output.stderr).contains("locked.html"));
        } else {
            eprintln!(
                "running as a user who can read a mode-000 file: permission case not checked"
            );
        }
    }
}

#[test]
fn empty_binary_and_garbage_files_are_clear_errors_without_panic() {
    let dir = scratch("garbage");
    let empty = dir.join("empty.html");
    std::fs::write(&empty, b"").expect("write");
    let blank = dir.join("blank.txt");
    std::fs::write(&blank, b"  \n\n\t ").expect("write");
    let binary = dir.join("image.html");
    let mut png = vec![0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A];
    png.extend((0..65536u32).map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8));
    std::fs::write(&binary, &png).expect("write");
    let good = dir.join("good.html");
    std::fs::write(&good, good_page()).expect("write");
    let files: Vec<&str> = [&empty, &blank, &binary, &good]
        .iter()
        .map(|p| p.to_str().expect("path"))
        .collect();
    let mut args = vec!["analyze", "--format", "jsonl"];
    args.extend(files);
    let output = sift(&args);
    assert!(!output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(!stderr.contains("panicked"), "stderr: {stderr}");
    assert!(
        stderr.contains("empty.html: the page is empty"),
        "stderr: {stderr}"
    );
    assert!(
        stderr.contains("image.html: the input is not text"),
        "stderr: {stderr}"
    );
    let lines = stdout_lines(&output);
    assert_eq!(lines.len(), 4);
    for line in &lines[..3] {
        assert!(line["error"].is_string(), "{line}");
    }
    assert_schema(&lines[3], "good.html");
}

#[test]
fn good_files_exit_zero_in_every_format() {
    let dir = scratch("formats");
    let page = dir.join("page.html");
    std::fs::write(&page, good_page()).expect("write");
    let text = dir.join("article.txt");
    std::fs::write(
        &text,
        "\"It works,\" said Ana Diaz on Monday.\nSecond paragraph with more words here.\n",
    )
    .expect("write");
    let (page, text) = (page.to_str().expect("path"), text.to_str().expect("path"));
    let json = sift(&["analyze", page]);
    assert!(
        json.status.success(),
        "{}",
        String::from_utf8_lossy(&json.stderr)
    );
    assert_schema(
        &serde_json::from_slice(&json.stdout).expect("one JSON document"),
        "json",
    );
    let many = sift(&["analyze", "--format", "json", page, text]);
    assert!(many.status.success());
    let array: Value = serde_json::from_slice(&many.stdout).expect("a JSON array");
    assert_eq!(array.as_array().map(Vec::len), Some(2));
    let report = sift(&["analyze", "--format", "text", page, text]);
    assert!(report.status.success());
    assert!(!report.stdout.is_empty());
}

/// `$SIFT_SHARED`, else `../shared` beside the workspace root (this crate is two levels down).
fn shared_dir() -> Option<PathBuf> {
    let dir = std::env::var_os("SIFT_SHARED").map_or_else(
        || Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared"),
        PathBuf::from,
    );
    dir.join("corpora").is_dir().then_some(dir)
}

/// Every page of the corpora the CLI is promised to handle: all aeb pages, readability
/// `source.html`, trafilatura pages, and the seed text.
fn corpus_files(shared: &Path) -> Vec<PathBuf> {
    let corpora = shared.join("corpora");
    let mut files = Vec::new();
    let list = |dir: PathBuf| -> Vec<PathBuf> {
        std::fs::read_dir(dir)
            .map(|entries| entries.filter_map(Result::ok).map(|e| e.path()).collect())
            .unwrap_or_default()
    };
    files.extend(
        list(corpora.join("aeb/html"))
            .into_iter()
            .filter(|p| p.extension().is_some_and(|e| e == "html")),
    );
    files.extend(
        list(corpora.join("readability"))
            .into_iter()
            .map(|d| d.join("source.html"))
            .filter(|p| p.is_file()),
    );
    files.extend(
        list(corpora.join("trafilatura/html"))
            .into_iter()
            .filter(|p| p.is_file()),
    );
    files.extend(
        list(shared.join("seed"))
            .into_iter()
            .filter(|p| p.extension().is_some_and(|e| e == "txt")),
    );
    files.sort();
    files
}

#[test]
fn every_corpus_page_gives_one_valid_json_object_of_the_schema() {
    let Some(shared) = shared_dir() else {
        eprintln!("skipped: ../shared/corpora not found");
        return;
    };
    let files = corpus_files(&shared);
    assert!(files.len() > 300, "only {} corpus files found", files.len());
    let mut args = vec!["analyze".to_string(), "--format".into(), "jsonl".into()];
    args.extend(files.iter().map(|p| p.display().to_string()));
    let output = Command::new(env!("CARGO_BIN_EXE_sift"))
        .args(&args)
        .output()
        .expect("the sift binary runs");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(!stderr.contains("panicked"), "stderr: {stderr}");
    let lines = stdout_lines(&output);
    assert_eq!(
        lines.len(),
        files.len(),
        "one line per file; stderr: {stderr}"
    );
    let mut errors = Vec::new();
    for (line, file) in lines.iter().zip(&files) {
        assert_eq!(
            line["file"].as_str(),
            Some(file.display().to_string().as_str()),
            "lines in file order"
        );
        if line.get("error").is_some() {
            errors.push(format!("{}: {}", file.display(), line["error"]));
            continue;
        }
        assert_schema(line, &file.display().to_string());
    }
    assert!(
        errors.is_empty(),
        "corpus pages refused:\n{}",
        errors.join("\n")
    );
    assert!(output.status.success(), "stderr: {stderr}");
    eprintln!(
        "{} corpus files analysed, each one JSON object of the schema",
        files.len()
    );
}
