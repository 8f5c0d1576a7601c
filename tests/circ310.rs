//! Runs the built binary on the third circular's fixtures and checks what it reads:
//! `tests/fixtures/circ310/` — TSB Circular 310 (SG16, F-/H-series), replies laid out and marked
//! in ways the other two sets do not use (made by examples/make-samples/circ310.rs, expected
//! readings in `tests/fixtures/circ310_expected.json`), read with `--form` its blank.
//!
//! Beyond the fields `compare_replies` checks, every answer marked `"warn": true` must have a
//! warning naming its draft, a reply that is not from a Member State (`member_state` `null`)
//! must say so in a warning, and a legacy box that also shows a glyph in its field result is
//! one mark in `explain`, not two.

use crate::common;
use common::compare_tally;
use common::fixture_set::{matched, report, warnings, FixtureSet};
use serde_json::Value;
use std::process::Command;

fn circ310() -> FixtureSet {
    FixtureSet::open(
        "tests/fixtures/circ310",
        "tests/fixtures/circ310_expected.json",
    )
}

/// A reply the truth gives no Member State (a Sector Member, an observer) reads `null` and
/// says why in a warning about the Member State.
fn check_non_members(records: &Value, truth: &[Value], prefix: &str, problems: &mut Vec<String>) {
    let non_members =
        matched(records, truth, prefix).filter(|(_, t, _)| t["member_state"].is_null());
    for (src, _, r) in non_members {
        let ws = warnings(r);
        if !ws.iter().any(|w| w.to_lowercase().contains("member state")) {
            problems.push(format!(
                "{src}: not from a Member State, but no warning says so; warnings: {ws:?}"
            ));
        }
    }
}

#[test]
fn circ310_replies_read_as_expected() {
    let set = circ310();
    let (out, mut problems) = set.check_replies(&set.form(), 20);
    check_non_members(&out.records, set.replies(), &set.prefix, &mut problems);
    compare_tally(&out.summary, &set.truth["tallies"], &mut problems);
    report("TSB Circular 310", &problems);
}

#[test]
fn circ310_tally_with_deadline() {
    circ310().check_deadline("TSB Circular 310 with --deadline");
}

/// A checked legacy box whose field result also shows ☒ (and an empty one showing ☐) is one
/// legacy mark: `explain --json` lists exactly the 24 boxes of the six drafts' four lines as
/// legacy check boxes, and no ☒/☐ glyph besides. (The ⃝ printed in each *Authorizes*
/// instruction may be listed as an unchecked glyph or not: 0 or 6 of them.)
#[test]
fn legacy_box_with_glyph_result_is_one_mark() {
    let file = circ310().dir.join("NewZealand_Circ310.docx");
    let out = Command::new(env!("CARGO_BIN_EXE_replytally"))
        .arg("explain")
        .arg(&file)
        .arg("--json")
        .output()
        .expect("the replytally binary runs");
    assert!(out.status.success(), "explain failed: {out:?}");
    let v: Value = serde_json::from_slice(&out.stdout).expect("explain --json is JSON");
    let marks = v["marks"].as_array().expect("marks");
    let count = |mech: &str, checked: bool| {
        marks
            .iter()
            .filter(|m| m["mechanism"] == mech && m["checked"] == checked)
            .count()
    };
    // Six drafts: authorize + no-comments ticked on four, authorize + with-comments on two.
    let mut problems: Vec<String> = [
        ("legacy_checkbox", true, 12),
        ("legacy_checkbox", false, 12),
        ("glyph", true, 0),
    ]
    .into_iter()
    .filter_map(|(mech, checked, want)| {
        let got = count(mech, checked);
        (got != want).then(|| format!("{mech} checked={checked}: {got} marks, want {want}"))
    })
    .collect();
    let empty_glyphs = count("glyph", false);
    if empty_glyphs != 0 && empty_glyphs != 6 {
        problems.push(format!(
            "glyph checked=false: {empty_glyphs} marks, want 0 or 6 (the instructions' ⃝)"
        ));
    }
    let others = marks.len() - 24 - empty_glyphs;
    if others != 0 {
        problems.push(format!("{others} marks of other mechanisms"));
    }
    report(
        &format!("explain {} ({} marks)", file.display(), marks.len()),
        &problems,
    );
}
