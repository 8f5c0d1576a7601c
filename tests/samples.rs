//! Runs the built binary on `samples/` (the repository's own replies of TSB Circular 117) and
//! checks every reply and the tally against `tests/fixtures/samples_expected.json`, which the
//! sample generator derives from the same specs as the files. Needs nothing outside the repo.

use crate::common;
use common::fixture_set::{check_late, report, FixtureSet};
use common::{compare_replies, compare_tally};

fn samples() -> FixtureSet {
    FixtureSet::open("samples", "tests/fixtures/samples_expected.json")
}

#[test]
fn samples_read_as_expected() {
    let set = samples();
    let out = set.run(None, None);
    let records = &out.records;
    assert_eq!(out.code, Some(0), "every sample is processed");
    let mut problems = Vec::new();
    compare_replies(records, set.replies(), &set.prefix, &mut problems);
    compare_tally(&out.summary, &set.truth["tallies"], &mut problems);
    // Answers the reader must not read silently carry a warning naming their draft.
    common::fixture_set::check_warnings(records, set.replies(), &set.prefix, &mut problems);
    // The blank form among the samples is the form, not a reply.
    let form = format!("{}{}", set.prefix, set.truth["form"].as_str().unwrap());
    assert!(!records["replies"]
        .as_array()
        .unwrap()
        .iter()
        .any(|r| r["source"] == form.as_str()));
    let forms = records["forms"]
        .as_array()
        .expect("records.json lists the blank form");
    assert!(forms
        .iter()
        .any(|f| f["source"] == form.as_str() && f["drafts"].as_array().map(Vec::len) == Some(5)));
    assert_eq!(records["failures"].as_array().map(Vec::len), Some(0));
    report("samples", &problems);
}

#[test]
fn deadline_leaves_late_replies_out() {
    let set = samples();
    let out = set.run(None, Some(set.truth["deadline"].as_str().unwrap()));
    let mut problems = Vec::new();
    compare_tally(
        &out.summary,
        &set.truth["tallies_with_deadline"],
        &mut problems,
    );
    check_late(&out.records, set.replies(), &set.prefix, &mut problems);
    report("samples with --deadline", &problems);
}
