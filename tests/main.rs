//! The integration tests, one binary (linking fifteen took most of a build on two cores). Each
//! module is one area, named as its file was when each was a binary of its own; run one with
//! `cargo test --test integration samples::` or one test by its name.
//!
//! A test that needs something outside the repository (the workplace's `../shared`,
//! LibreOffice, poppler, Chromium, util-linux `script`) skips with a printed reason when it is
//! missing, and fails instead under `REPLYTALLY_REQUIRE=1`, which `.ci/run` sets.

mod common;

mod annex_schema;
mod cache;
mod circ205;
mod circ310;
mod circulars;
mod convert;
mod corpus;
mod corrections;
mod explain_corpus;
mod fuzz_regressions;
mod habits;
mod hostile;
mod inbox;
mod intake;
mod mailbox;
mod mutation;
mod nothing_lost;
mod pdf;
mod proptest_docx;
mod report_outputs;
mod review_browser;
mod review_http;
mod samples;
mod samples_generated;
mod scan;
mod scored_sets;
mod shared_replies;
mod who_replied;

// The sample generator (examples/make-samples.rs), for `samples_generated`: its modules name
// one another `crate::spec` and so on, so they sit at the root.
#[path = "../examples/make-samples/expected.rs"]
mod expected;
#[path = "../examples/make-samples/form.rs"]
mod form;
#[path = "../examples/make-samples/generate.rs"]
mod generate;
#[path = "../examples/make-samples/circ205.rs"]
mod make_circ205;
#[path = "../examples/make-samples/circ310.rs"]
mod make_circ310;
#[path = "../examples/make-samples/ooxml.rs"]
mod ooxml;
#[path = "../examples/make-samples/spec.rs"]
mod spec;

/// Cargo builds only this file (`autotests = false`): a test file not declared above would
/// never run, so each one must be.
#[test]
fn every_test_file_is_a_module_here() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests");
    let main = std::fs::read_to_string(dir.join("main.rs")).expect("tests/main.rs");
    let mut files: Vec<String> = std::fs::read_dir(&dir)
        .expect("tests/")
        .flatten()
        .filter_map(|e| e.file_name().into_string().ok())
        .filter_map(|n| n.strip_suffix(".rs").map(str::to_string))
        .filter(|n| n != "main")
        .collect();
    files.sort();
    assert!(files.len() >= 15, "{files:?}");
    let missing: Vec<&String> = files
        .iter()
        .filter(|m| !main.lines().any(|l| l == format!("mod {m};")))
        .collect();
    assert!(
        missing.is_empty(),
        "tests/*.rs not declared in tests/main.rs: {missing:?}"
    );
}
