//! `replytally extract FILE...`: the reply records of some files as JSON on stdout, nothing
//! else.

use std::path::PathBuf;

use replytally::{pipeline, report};

use super::{print, CmdError, Status};

#[derive(clap::Args)]
pub struct Args {
    /// Reply files (.docx, .eml, .zip…).
    #[arg(required = true)]
    files: Vec<PathBuf>,
}

pub fn run(args: Args) -> Result<Status, CmdError> {
    let records = pipeline::extract(&args.files);
    print(&report::records_json(&records))?;
    Ok(Status::of(records.failures.len()))
}
