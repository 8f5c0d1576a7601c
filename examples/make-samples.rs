//! Generates the sample replies of two circulars, with the expected readings derived from the
//! same specs:
//!
//! - TSB Circular 117 (Study Group 13, Y-series) into `samples/` (the default run's inputs) and
//!   `tests/fixtures/samples_expected.json`;
//! - TSB Circular 205 (Study Group 2, E-series; replies in all six languages, every way of
//!   marking and every table structure) into `tests/fixtures/circ205/` and
//!   `tests/fixtures/circ205_expected.json`;
//! - TSB Circular 310 (Study Group 16, F-/H-series; layouts, marks and headers the other two
//!   sets do not use: matrix forms, boxes beside or above the labels, comments columns,
//!   replies from non-Member States) into `tests/fixtures/circ310/` and
//!   `tests/fixtures/circ310_expected.json`.
//!
//! ```sh
//! cargo run --example make-samples                       # all three, at the default places
//! cargo run --example make-samples -- 117 OUT_DIR EXPECTED_JSON
//! cargo run --example make-samples -- 205 OUT_DIR EXPECTED_JSON
//! cargo run --example make-samples -- 310 OUT_DIR EXPECTED_JSON
//! ```
//!
//! The output is deterministic byte for byte (fixed zip timestamps, parts in name order, a
//! fixed-seed PRNG); `tests/samples_generated.rs` checks that the committed files are what this
//! writes.

#[path = "make-samples/circ205.rs"]
mod circ205;
#[path = "make-samples/circ310.rs"]
mod circ310;
#[path = "make-samples/expected.rs"]
mod expected;
#[path = "make-samples/form.rs"]
mod form;
#[path = "make-samples/generate.rs"]
mod generate;
#[path = "make-samples/ooxml.rs"]
mod ooxml;
#[path = "make-samples/spec.rs"]
mod spec;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

const USAGE: &str = "usage: make-samples [117|205|310 OUT_DIR EXPECTED_JSON]";

/// TSB Circular 310 is written by its own module (its layouts are not the TSB table's).
fn circ310(out: &Path, expected: &Path) -> ExitCode {
    match circ310::write_all(out, expected) {
        Ok(paths) => {
            println!(
                "TSB Circular {}: wrote {} files into {}",
                circ310::NUMBER,
                paths.len(),
                out.display()
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("make-samples: TSB Circular {}: {e}", circ310::NUMBER);
            ExitCode::FAILURE
        }
    }
}

fn main() -> ExitCode {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let args: Vec<String> = std::env::args().skip(1).collect();
    let jobs: Vec<(&spec::Circular, PathBuf, PathBuf)> = match args.as_slice() {
        [] => {
            let code = circ310(
                &root.join(circ310::DEFAULT_DIR),
                &root.join(circ310::DEFAULT_EXPECTED),
            );
            if code != ExitCode::SUCCESS {
                return code;
            }
            [&spec::CIRC117, &circ205::CIRC205]
                .into_iter()
                .map(|c| (c, root.join(c.default_dir), root.join(c.default_expected)))
                .collect()
        }
        [n, out, exp] if n == "310" => return circ310(Path::new(out), Path::new(exp)),
        [n, out, exp] => {
            let circ = match n.as_str() {
                "117" => &spec::CIRC117,
                "205" => &circ205::CIRC205,
                _ => {
                    eprintln!("make-samples: unknown circular {n}; {USAGE}");
                    return ExitCode::FAILURE;
                }
            };
            vec![(circ, PathBuf::from(out), PathBuf::from(exp))]
        }
        _ => {
            eprintln!("{USAGE}");
            return ExitCode::FAILURE;
        }
    };
    for (circ, out, expected) in jobs {
        match generate::write_all(circ, &out, &expected) {
            Ok(paths) => println!(
                "TSB Circular {}: wrote {} files into {}",
                circ.number,
                paths.len(),
                out.display()
            ),
            Err(e) => {
                eprintln!("make-samples: TSB Circular {}: {e}", circ.number);
                return ExitCode::FAILURE;
            }
        }
    }
    ExitCode::SUCCESS
}
