//! Runs the built binary on the second circular's fixtures and checks what it reads:
//!
//! - `tests/fixtures/circ205/` — TSB Circular 205 (SG2, E-series), replies in all six languages
//!   marked in every way and laid out in every structure (made by examples/make-samples.rs,
//!   expected readings in `tests/fixtures/circ205_expected.json`), read with `--form` its blank;
//! - `tests/fixtures/libreoffice/` — some of those replies round-tripped through LibreOffice 7.4
//!   by `scripts/make-libreoffice-fixtures.sh` (committed, so LibreOffice is not needed here),
//!   expected readings in `tests/fixtures/libreoffice_expected.json`.
//!
//! Every field of every reply and answer is compared with the truth both ways (a header field
//! left as the form's placeholder must read `null`), and every answer has a warning about its
//! draft exactly when the truth marks it `"warn": true`.

use crate::common;
use common::compare_tally;
use common::fixture_set::{report, FixtureSet};

fn circ205() -> FixtureSet {
    FixtureSet::open(
        "tests/fixtures/circ205",
        "tests/fixtures/circ205_expected.json",
    )
}

#[test]
fn circ205_replies_read_as_expected() {
    let set = circ205();
    let (out, mut problems) = set.check_replies(&set.form(), 20);
    compare_tally(&out.summary, &set.truth["tallies"], &mut problems);
    report("TSB Circular 205", &problems);
}

#[test]
fn circ205_tally_with_deadline() {
    circ205().check_deadline("TSB Circular 205 with --deadline");
}

#[test]
fn libreoffice_replies_read_as_expected() {
    let set = FixtureSet::open(
        "tests/fixtures/libreoffice",
        "tests/fixtures/libreoffice_expected.json",
    );
    // Every converted file is listed in the truth, and was written by LibreOffice.
    let listed: Vec<&str> = set
        .replies()
        .iter()
        .filter_map(|r| r["source"].as_str())
        .collect();
    for e in std::fs::read_dir(&set.dir)
        .expect("tests/fixtures/libreoffice")
        .flatten()
    {
        let name = e.file_name().to_string_lossy().into_owned();
        if name.ends_with(".docx") {
            assert!(
                listed.contains(&name.as_str()),
                "{name} is not in the truth"
            );
        }
    }
    let (_, problems) = set.check_replies(&circ205().form(), 5);
    report("LibreOffice round trips", &problems);
}
