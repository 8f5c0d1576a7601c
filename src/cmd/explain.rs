//! `replytally explain FILE [--json]`: how one file was read (the logic is
//! [`replytally::explain`]; this prints it).

use std::path::PathBuf;

use replytally::explain;

use super::{print, CmdError, Status};

#[derive(clap::Args)]
pub struct Args {
    /// The reply file (.docx).
    file: PathBuf,
    /// Print JSON instead of text.
    #[arg(long)]
    json: bool,
}

pub fn run(args: Args) -> Result<Status, CmdError> {
    let e = explain::explain(&args.file)?;
    let text = if args.json {
        let mut s = serde_json::to_string_pretty(&e)
            .map_err(|e| CmdError::Output(std::io::Error::other(e)))?;
        s.push('\n');
        s
    } else {
        explain::render_text(&e)
    };
    print(text.as_bytes())?;
    Ok(Status::AllRead)
}
