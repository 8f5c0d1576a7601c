//! `replytally review [INPUT]...`: a local page on which a person settles the readings that
//! need one; each decision goes into the corrections file that `run` applies too.

use std::path::PathBuf;

use replytally::{cache, review, tally};

use super::{CmdError, Status};

#[derive(clap::Args)]
pub struct Args {
    /// Files or folders of returned replies (none: drop them onto the page).
    inputs: Vec<PathBuf>,
    /// The circular's blank reply form (once per circular, for several).
    #[arg(long, value_name = "BLANK.docx")]
    form: Vec<PathBuf>,
    /// The corrections file (default: corrections.toml at the top of the first input folder).
    #[arg(long, value_name = "FILE")]
    corrections: Option<PathBuf>,
    /// Due date, as for `run`.
    #[arg(long, value_name = "DATE")]
    deadline: Option<String>,
    /// Percentage of support needed, inclusive.
    #[arg(long, value_name = "PERCENT", default_value_t = tally::DEFAULT_THRESHOLD)]
    threshold: f64,
    /// Port on 127.0.0.1 (default: any free one).
    #[arg(long, default_value_t = 0)]
    port: u16,
    /// Do not open the page in the default browser.
    #[arg(long)]
    no_open: bool,
    /// Where each file's reading is kept between reloads and runs (default: out/.cache, the
    /// cache of `replytally run` with its default --out).
    #[arg(long, value_name = "DIR", conflicts_with = "no_cache")]
    cache: Option<PathBuf>,
    /// Read every file on every reload; use no cache.
    #[arg(long)]
    no_cache: bool,
}

/// Folder where files dropped on the page are saved when no folder was given.
const DROP_FOLDER: &str = "replytally-replies";

pub fn run(args: Args) -> Result<Status, CmdError> {
    // Checked here so that a bad date is a usage error, not a page that cannot load.
    if let Some(Err(e)) = args.deadline.as_deref().map(tally::parse_deadline) {
        return Err(CmdError::Review(review::ReviewError::Usage(format!(
            "--deadline: {e}"
        ))));
    }
    // Dropped files go into the folder under review, or a new one when none was given.
    let drop_folder = match args.inputs.first() {
        Some(p) if p.is_dir() => p.clone(),
        _ => PathBuf::from(DROP_FOLDER),
    };
    let corrections = args
        .corrections
        .unwrap_or_else(|| drop_folder.join(replytally::corrections::DEFAULT_FILE));
    let setup = review::Setup {
        inputs: args.inputs,
        forms: args.form,
        deadline: args.deadline,
        threshold: args.threshold,
        corrections,
        drop_folder,
        cache: super::run::cache_location(
            args.cache,
            args.no_cache,
            cache::Location::At(PathBuf::from("out").join(cache::DEFAULT_DIR)),
        ),
    };
    review::serve(setup, args.port, !args.no_open, &mut std::io::stdout())?;
    Ok(Status::AllRead)
}
