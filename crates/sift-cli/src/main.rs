//! `sift`: runs Sift's analysis on saved pages and prints JSON or text; runs the project's evaluations.
//!
//! ```text
//! sift analyze FILE... [--url URL] [--format text|json|jsonl]
//! sift eval clutter|extract|summary|attribution [ARGS...]
//! ```

mod render;

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};
use sift_core::{Analysis, Options, SiftError};

#[derive(Parser)]
#[command(
    name = "sift",
    version,
    about = "Sift: clutter, article and key claims of news pages"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Analyse saved pages (.html/.htm) or plain article text (.txt).
    Analyze {
        /// Files to analyse.
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// The page's URL (helps with metadata); applies to every file.
        #[arg(long)]
        url: Option<String>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Json)]
        format: Format,
    },
    /// Run one of the project's evaluations or benchmarks on ../shared/corpora (README, "Measured
    /// figures", links each one's method).
    Eval {
        /// Which evaluation: clutter, extract, summary, attribution, bench.
        name: String,
        /// Arguments for that evaluation.
        #[arg(trailing_var_arg = true, allow_hyphen_values = true)]
        args: Vec<String>,
    },
}

#[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
enum Format {
    /// A readable report.
    Text,
    /// One pretty JSON document per file (an array when there are several).
    Json,
    /// One JSON object per line, with a `file` field.
    Jsonl,
}

/// Why one file could not be analysed.
#[derive(Debug)]
enum FileError {
    Read(std::io::Error),
    Analysis(SiftError),
}

impl std::fmt::Display for FileError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            FileError::Read(e) => write!(f, "cannot read: {e}"),
            FileError::Analysis(e) => write!(f, "{e}"),
        }
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Analyze { files, url, format } => analyze_files(&files, url.as_deref(), format),
        Command::Eval { name, args } => match sift_eval::run(&name, &args) {
            Ok(()) => ExitCode::SUCCESS,
            Err(message) => {
                eprintln!("sift eval {name}: {message}");
                ExitCode::FAILURE
            }
        },
    }
}

fn analyze_file(path: &Path, url: Option<&str>) -> Result<Analysis, FileError> {
    let bytes = std::fs::read(path).map_err(FileError::Read)?;
    let text = sift_core::decode(&bytes).map_err(FileError::Analysis)?;
    let options = Options {
        url,
        ..Options::default()
    };
    let is_text = path
        .extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("txt"));
    if is_text {
        sift_core::analyze_text(&text, &options)
    } else {
        sift_core::analyze_html(&text, &options)
    }
    .map_err(FileError::Analysis)
}

fn analyze_files(files: &[PathBuf], url: Option<&str>, format: Format) -> ExitCode {
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let mut failures = 0usize;
    let many = files.len() > 1;
    let mut json_array = Vec::new();
    for path in files {
        let name = path.display().to_string();
        match analyze_file(path, url) {
            Ok(analysis) => {
                let written = match format {
                    Format::Jsonl => {
                        let mut value = serde_json::to_value(&analysis).unwrap_or_default();
                        if let Some(object) = value.as_object_mut() {
                            object.insert("file".into(), serde_json::Value::String(name));
                        }
                        writeln!(out, "{value}")
                    }
                    Format::Json if many => {
                        let mut value = serde_json::to_value(&analysis).unwrap_or_default();
                        if let Some(object) = value.as_object_mut() {
                            object.insert("file".into(), serde_json::Value::String(name));
                        }
                        json_array.push(value);
                        Ok(())
                    }
                    Format::Json => serde_json::to_writer_pretty(&mut out, &analysis)
                        .map_err(std::io::Error::other)
                        .and_then(|()| writeln!(out)),
                    Format::Text => write!(out, "{}", render::text_report(&name, &analysis)),
                };
                if written.is_err() {
                    return ExitCode::FAILURE; // stdout closed: nothing more to do.
                }
            }
            Err(error) => {
                failures += 1;
                eprintln!("sift: {name}: {error}");
                if format == Format::Jsonl {
                    let line = serde_json::json!({"file": name, "error": error.to_string()});
                    if writeln!(out, "{line}").is_err() {
                        return ExitCode::FAILURE;
                    }
                }
            }
        }
    }
    if !json_array.is_empty()
        && serde_json::to_writer_pretty(&mut out, &json_array)
            .map_err(std::io::Error::other)
            .and_then(|()| writeln!(out))
            .is_err()
    {
        return ExitCode::FAILURE;
    }
    if out.flush().is_err() || failures > 0 {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}
