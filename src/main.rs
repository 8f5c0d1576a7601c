//! The `replytally` command line: parses arguments, dispatches to the command (each in
//! [`cmd`]) and maps its outcome to the exit status (0 every input processed, 1 outputs written
//! but some inputs failed, 2 usage error or nothing could be written).

mod cmd;

use std::io::Write;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use cmd::{CmdError, Status};

// Reading a reply allocates many small strings and vectors; mimalloc halves what glibc's
// allocator costs on them (bench/README.md).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[derive(Parser)]
#[command(
    name = "replytally",
    version,
    about = "Reads returned ITU-T TSB Circular reply forms and tallies them (Resolution 1 §9.4.5)",
    long_about = "Reads returned ITU-T TSB Circular reply forms (.docx, e-mails, zips), turns each into \
a record and tallies every draft against the approval threshold.\n\nWithout a command it runs \
`replytally run samples --out out`."
)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand)]
enum Command {
    /// Read every input and write records, summary and reports into --out.
    Run(cmd::run::Args),
    /// Print the reply records of these files as JSON on stdout, nothing else.
    Extract(cmd::extract::Args),
    /// Show how one file was read: every mark found and where, and each draft's decision and why.
    Explain(cmd::explain::Args),
    /// Serve a local page on which to settle the readings that need a person.
    Review(cmd::review::Args),
}

fn main() -> ExitCode {
    let command = match Cli::parse().command {
        Some(command) => command,
        // No command is `run` with its defaults, parsed as if typed.
        None => match Cli::parse_from(["replytally", "run"]).command {
            Some(command) => command,
            None => return ExitCode::from(2),
        },
    };
    let result = match command {
        Command::Run(args) => cmd::run::run(args),
        Command::Extract(args) => cmd::extract::run(args),
        Command::Explain(args) => cmd::explain::run(args),
        Command::Review(args) => cmd::review::run(args),
    };
    match result {
        Ok(Status::AllRead) => ExitCode::SUCCESS,
        Ok(Status::SomeFailed) => ExitCode::from(1),
        Err(e) => {
            let _ = writeln!(std::io::stderr(), "replytally: {e}");
            ExitCode::from(match e {
                // The file given could not be read: like an input that failed.
                CmdError::Explain(_) => 1,
                CmdError::Run(_) | CmdError::Review(_) | CmdError::Output(_) => 2,
            })
        }
    }
}
