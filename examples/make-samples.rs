//! Generates `samples/`: the blank reply form of TSB Circular 117 (Study Group 13) and returned
//! replies exercising every way of marking a box and of placing reasons, with
//! `tests/fixtures/samples_expected.json` derived from the same specs.
//!
//! ```sh
//! cargo run --example make-samples -- [OUT_DIR [EXPECTED_JSON]]
//! # defaults: samples/ and tests/fixtures/samples_expected.json
//! ```
//!
//! The output is deterministic byte for byte (fixed zip timestamps, parts in name order, a
//! fixed-seed PRNG); `tests/samples_generated.rs` checks that samples/ is what this writes.

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

use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let out = std::env::args_os()
        .nth(1)
        .map(PathBuf::from)
        .unwrap_or_else(|| root.join("samples"));
    let expected = std::env::args_os()
        .nth(2)
        .map(PathBuf::from)
        .unwrap_or_else(|| root.join("tests/fixtures/samples_expected.json"));
    match generate::write_all(&out, &expected) {
        Ok(paths) => {
            println!("wrote {} files into {}", paths.len(), out.display());
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("make-samples: {e}");
            ExitCode::FAILURE
        }
    }
}
