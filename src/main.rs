//! The `replytally` command line: parses arguments and maps outcomes to exit codes
//! (0 every input processed, 1 outputs written but some inputs failed, 2 usage error or
//! nothing could be written).

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use replytally::{explain, pipeline};

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
    Run(RunArgs),
    /// Print the reply records of these files as JSON on stdout, nothing else.
    Extract {
        /// Reply files (.docx, .eml, .zip…).
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
    /// Show how one file was read: every mark found and where, and each draft's decision and why.
    Explain {
        /// The reply file (.docx).
        file: PathBuf,
        /// Print JSON instead of text.
        #[arg(long)]
        json: bool,
    },
    /// Serve a local page on which to settle the readings that need a person.
    Review(ReviewArgs),
}

#[derive(clap::Args)]
struct ReviewArgs {
    /// Files or folders of returned replies (none: drop them onto the page).
    inputs: Vec<PathBuf>,
    /// The circular's blank reply form.
    #[arg(long, value_name = "BLANK.docx")]
    form: Option<PathBuf>,
    /// The corrections file (default: corrections.toml at the top of the first input folder).
    #[arg(long, value_name = "FILE")]
    corrections: Option<PathBuf>,
    /// Due date, as for `run`.
    #[arg(long, value_name = "DATE")]
    deadline: Option<String>,
    /// Percentage of support needed, inclusive.
    #[arg(long, value_name = "PERCENT", default_value_t = 70.0)]
    threshold: f64,
    /// Port on 127.0.0.1 (default: any free one).
    #[arg(long, default_value_t = 0)]
    port: u16,
    /// Do not open the page in the default browser.
    #[arg(long)]
    no_open: bool,
}

#[derive(clap::Args)]
struct RunArgs {
    /// Files or folders (searched recursively) of returned replies.
    #[arg(default_value = "samples")]
    inputs: Vec<PathBuf>,
    /// Folder the output files are written into.
    #[arg(long, default_value = "out")]
    out: PathBuf,
    /// The circular's blank reply form: its drafts are the expected list.
    #[arg(long, value_name = "BLANK.docx")]
    form: Option<PathBuf>,
    /// Due date (2023-02-09 = 23:59 UTC that day, or RFC 3339); later replies are marked late.
    #[arg(long, value_name = "DATE")]
    deadline: Option<String>,
    /// Percentage of support needed, inclusive (Resolution 1 §9.4.5).
    #[arg(long, value_name = "PERCENT", default_value_t = 70.0)]
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
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command.unwrap_or_else(default_run) {
        Command::Run(args) => run(args),
        Command::Review(args) => review(args),
        Command::Extract { files } => {
            let records = pipeline::extract(&files);
            let json = replytally::report::records_json(&records);
            print!("{}", String::from_utf8_lossy(&json));
            if records.failures.is_empty() {
                ExitCode::SUCCESS
            } else {
                ExitCode::from(1)
            }
        }
        Command::Explain { file, json } => match explain::explain(&file) {
            Ok(e) => {
                if json {
                    match serde_json::to_string_pretty(&e) {
                        Ok(s) => println!("{s}"),
                        Err(err) => {
                            eprintln!("replytally: {err}");
                            return ExitCode::from(2);
                        }
                    }
                } else {
                    print!("{}", explain::render_text(&e));
                }
                ExitCode::SUCCESS
            }
            Err(e) => {
                eprintln!("replytally: {e}");
                ExitCode::from(1)
            }
        },
    }
}

fn default_run() -> Command {
    Command::Run(RunArgs {
        inputs: vec![PathBuf::from("samples")],
        out: PathBuf::from("out"),
        form: None,
        deadline: None,
        threshold: 70.0,
        jobs: None,
        no_progress: false,
        convert: false,
    })
}

fn run(args: RunArgs) -> ExitCode {
    let opts = pipeline::RunOptions {
        inputs: args.inputs,
        out: args.out,
        form: args.form,
        deadline: args.deadline,
        threshold: args.threshold,
        jobs: args.jobs,
        convert: args.convert,
        progress: !args.no_progress,
    };
    match pipeline::run(&opts) {
        Ok(outcome) => {
            let r = &outcome.records;
            eprintln!(
                "replytally: {} inputs, {} replies read, {} failures, {} warnings; wrote {}",
                outcome.inputs,
                r.replies.len(),
                r.failures.len(),
                outcome.warnings(),
                opts.out.display()
            );
            if r.failures.is_empty() {
                ExitCode::SUCCESS
            } else {
                ExitCode::from(1)
            }
        }
        Err(e) => {
            eprintln!("replytally: {e}");
            ExitCode::from(2)
        }
    }
}

fn review(args: ReviewArgs) -> ExitCode {
    let deadline = match args
        .deadline
        .as_deref()
        .map(replytally::tally::parse_deadline)
    {
        None => None,
        Some(Ok(d)) => Some(d),
        Some(Err(e)) => {
            eprintln!("replytally: --deadline: {e}");
            return ExitCode::from(2);
        }
    };
    // Dropped files go into the folder under review, or a new one when none was given.
    let drop_folder = match args.inputs.first() {
        Some(p) if p.is_dir() => p.clone(),
        _ => PathBuf::from("replytally-replies"),
    };
    let corrections = args
        .corrections
        .unwrap_or_else(|| drop_folder.join("corrections.toml"));
    let setup = replytally::review::Setup {
        inputs: args.inputs,
        form: args.form,
        deadline,
        threshold: args.threshold,
        corrections,
        drop_folder,
    };
    match replytally::review::serve(setup, args.port, !args.no_open, &mut std::io::stdout()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("replytally: {e}");
            ExitCode::from(2)
        }
    }
}
