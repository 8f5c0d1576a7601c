//! `replytally run [INPUT]...`: read every input and write records, summary and reports into
//! `--out`.

use std::io::Write;
use std::path::PathBuf;

use replytally::{cache, pipeline, tally};

use super::{CmdError, Status};

#[derive(clap::Args)]
pub struct Args {
    /// Files or folders (searched recursively) of returned replies.
    #[arg(default_value = "samples")]
    inputs: Vec<PathBuf>,
    /// Folder the output files are written into.
    #[arg(long, default_value = "out")]
    out: PathBuf,
    /// The circular's blank reply form: its drafts are the expected list. Give it once per
    /// circular to tally several circulars in one run.
    #[arg(long, value_name = "BLANK.docx")]
    form: Vec<PathBuf>,
    /// Due date (2023-02-09 = 23:59 UTC that day, or RFC 3339); later replies are marked late.
    #[arg(long, value_name = "DATE")]
    deadline: Option<String>,
    /// Percentage of support needed, inclusive (Resolution 1 §9.4.5).
    #[arg(long, value_name = "PERCENT", default_value_t = tally::DEFAULT_THRESHOLD)]
    threshold: f64,
    /// Number of files read at once (default: one per core).
    #[arg(long, value_name = "N")]
    jobs: Option<usize>,
    /// Do not show a progress bar.
    #[arg(long)]
    no_progress: bool,
    /// Convert Word 97-2003 .doc files with LibreOffice (`soffice` on the PATH) and read them.
    #[arg(long)]
    convert: bool,
    /// The corrections file (default: corrections.toml at the top of the first input folder).
    #[arg(long, value_name = "FILE")]
    corrections: Option<PathBuf>,
    /// Where each file's reading is kept, so that a re-run reads only new or changed files
    /// (default: DIR/.cache, DIR being --out). Keyed by the file's content, replytally's build
    /// and --convert; entries a run does not use are removed.
    #[arg(long, value_name = "DIR", conflicts_with = "no_cache")]
    cache: Option<PathBuf>,
    /// Read every file; use no cache and leave it as it is.
    #[arg(long)]
    no_cache: bool,
}

/// `--cache DIR` / `--no-cache` (for `run` and `review`).
pub fn cache_location(
    dir: Option<PathBuf>,
    off: bool,
    default: cache::Location,
) -> cache::Location {
    match (dir, off) {
        (_, true) => cache::Location::Off,
        (Some(d), false) => cache::Location::At(d),
        (None, false) => default,
    }
}

pub fn run(args: Args) -> Result<Status, CmdError> {
    let opts = pipeline::RunOptions {
        inputs: args.inputs,
        out: args.out,
        forms: args.form,
        deadline: args.deadline,
        threshold: args.threshold,
        jobs: args.jobs,
        convert: args.convert,
        progress: !args.no_progress,
        corrections: args.corrections.map_or(
            pipeline::CorrectionsFile::Default,
            pipeline::CorrectionsFile::At,
        ),
        cache: cache_location(args.cache, args.no_cache, cache::Location::InOut),
        excerpts: false,
    };
    let outcome = pipeline::run(&opts)?;
    // A closed stderr is no reason to fail a run whose outputs are written.
    let _ = writeln!(
        std::io::stderr(),
        "replytally: {} inputs, {} replies read, {} failures, {} warnings{}; wrote {}",
        outcome.inputs,
        outcome.replies().count(),
        outcome.failures(),
        outcome.warnings(),
        // Passed over on purpose (the tool's own files, mailbox messages without attachments).
        match outcome.skipped() {
            0 => String::new(),
            n => format!(", {n} skipped"),
        },
        opts.out.display()
    );
    if !outcome.circulars.is_empty() {
        let _ = writeln!(
            std::io::stderr(),
            "replytally: {} circulars, each in its folder; see {}",
            outcome.circulars.len(),
            opts.out.join(replytally::report::INDEX_HTML).display()
        );
    }
    let _ = writeln!(std::io::stderr(), "replytally: {}", outcome.cache);
    Ok(Status::of(outcome.failures()))
}
