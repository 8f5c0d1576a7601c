//! Runs the built binary on the third circular's fixtures and checks what it reads:
//! `tests/fixtures/circ310/` — TSB Circular 310 (SG16, F-/H-series), replies laid out and marked
//! in ways the other two sets do not use (made by examples/make-samples/circ310.rs, expected
//! readings in `tests/fixtures/circ310_expected.json`), read with `--form` its blank.
//!
//! Beyond the fields `compare_replies` checks, every answer marked `"warn": true` must have a
//! warning naming its draft, a reply that is not from a Member State (`member_state` `null`)
//! must say so in a warning, and a legacy box that also shows a glyph in its field result is
//! one mark in `explain`, not two.

mod common;

use common::{compare_replies, compare_tally, load, replytally};
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::Command;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn circ310() -> (PathBuf, PathBuf, Value) {
    let dir = root().join("tests/fixtures/circ310");
    let truth = load(&root().join("tests/fixtures/circ310_expected.json"));
    let form = dir.join(truth["form"].as_str().expect("form"));
    (dir, form, truth)
}

/// `replytally run DIR --form FORM [--deadline D] --out TMP`: (records, summary, exit code).
fn run(dir: &Path, form: &Path, deadline: Option<&str>) -> (Value, Value, Option<i32>) {
    let out = tempfile::tempdir().expect("temporary directory");
    let mut args: Vec<&std::ffi::OsStr> = vec![
        "run".as_ref(),
        dir.as_os_str(),
        "--form".as_ref(),
        form.as_os_str(),
        "--out".as_ref(),
        out.path().as_os_str(),
    ];
    if let Some(d) = deadline {
        args.push("--deadline".as_ref());
        args.push(d.as_ref());
    }
    let code = replytally(&args);
    (
        load(&out.path().join("records.json")),
        load(&out.path().join("summary.json")),
        code,
    )
}

fn record<'a>(records: &'a Value, src: &str) -> Option<&'a Value> {
    records["replies"]
        .as_array()?
        .iter()
        .find(|r| r["source"] == src)
}

fn warnings(r: &Value) -> Vec<&str> {
    r["warnings"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(Value::as_str)
        .collect()
}

/// Every answer the truth marks `"warn": true` has a warning naming its draft (its number or
/// its provisional name).
fn check_warnings(records: &Value, truth: &[Value], prefix: &str, problems: &mut Vec<String>) {
    for t in truth {
        let src = format!("{prefix}{}", t["source"].as_str().unwrap_or_default());
        let Some(r) = record(records, &src) else {
            continue; // compare_replies reports it
        };
        let ws = warnings(r);
        for a in t["answers"].as_array().into_iter().flatten() {
            if a["warn"] != Value::Bool(true) {
                continue;
            }
            let names: Vec<&str> = [&a["draft"], &a["provisional"]]
                .into_iter()
                .filter_map(Value::as_str)
                .collect();
            if !ws.iter().any(|w| names.iter().any(|n| w.contains(n))) {
                problems.push(format!(
                    "{src}: {}: no warning names the draft (decision {}, comments {}); warnings: {ws:?}",
                    names.join("/"),
                    a["decision"],
                    a["comments"]
                ));
            }
        }
    }
}

/// A reply the truth gives no Member State (a Sector Member, an observer) reads `null` and
/// says why in a warning about the Member State.
fn check_non_members(records: &Value, truth: &[Value], prefix: &str, problems: &mut Vec<String>) {
    for t in truth.iter().filter(|t| t["member_state"].is_null()) {
        let src = format!("{prefix}{}", t["source"].as_str().unwrap_or_default());
        let Some(r) = record(records, &src) else {
            continue;
        };
        let ws = warnings(r);
        if !ws.iter().any(|w| w.to_lowercase().contains("member state")) {
            problems.push(format!(
                "{src}: not from a Member State, but no warning says so; warnings: {ws:?}"
            ));
        }
    }
}

fn check_late(records: &Value, truth: &[Value], prefix: &str, problems: &mut Vec<String>) {
    for t in truth {
        let src = format!("{prefix}{}", t["source"].as_str().unwrap_or_default());
        if let Some(r) = record(records, &src) {
            if r["late"] != t["late"] {
                problems.push(format!(
                    "{src}: late: got {}, want {}",
                    r["late"], t["late"]
                ));
            }
        }
    }
}

fn check_run(records: &Value, code: Option<i32>, problems: &mut Vec<String>) {
    if code != Some(0) {
        problems.push(format!(
            "exit status {code:?}, want 0 (every file processed)"
        ));
    }
    for f in records["failures"].as_array().into_iter().flatten() {
        problems.push(format!(
            "{}: failure {}: {}",
            f["source"].as_str().unwrap_or_default(),
            f["kind"],
            f["message"]
        ));
    }
}

fn report(what: &str, problems: &[String]) {
    assert!(
        problems.is_empty(),
        "{what}: {} mismatches:\n{}",
        problems.len(),
        problems.join("\n")
    );
}

#[test]
fn circ310_replies_read_as_expected() {
    let (dir, form, truth) = circ310();
    let (records, summary, code) = run(&dir, &form, None);
    let prefix = format!("{}/", dir.display());
    let replies = truth["replies"].as_array().expect("replies");
    assert!(
        replies.len() >= 20,
        "the truth lists {} replies",
        replies.len()
    );
    let mut problems = Vec::new();
    check_run(&records, code, &mut problems);
    compare_replies(&records, replies, &prefix, &mut problems);
    check_warnings(&records, replies, &prefix, &mut problems);
    check_non_members(&records, replies, &prefix, &mut problems);
    compare_tally(&summary, &truth["tallies"], &mut problems);
    report("TSB Circular 310", &problems);
}

#[test]
fn circ310_tally_with_deadline() {
    let (dir, form, truth) = circ310();
    let deadline = truth["deadline"].as_str().expect("deadline");
    let (records, summary, code) = run(&dir, &form, Some(deadline));
    let prefix = format!("{}/", dir.display());
    let replies = truth["replies"].as_array().expect("replies");
    assert!(replies.iter().any(|r| r["late"] == true), "a late reply");
    let mut problems = Vec::new();
    check_run(&records, code, &mut problems);
    check_late(&records, replies, &prefix, &mut problems);
    compare_tally(&summary, &truth["tallies_with_deadline"], &mut problems);
    report("TSB Circular 310 with --deadline", &problems);
}

/// A checked legacy box whose field result also shows ☒ (and an empty one showing ☐) is one
/// legacy mark: `explain --json` lists exactly the 24 boxes of the six drafts' four lines as
/// legacy check boxes, and no ☒/☐ glyph besides. (The ⃝ printed in each *Authorizes*
/// instruction may be listed as an unchecked glyph or not: 0 or 6 of them.)
#[test]
fn legacy_box_with_glyph_result_is_one_mark() {
    let (dir, _, _) = circ310();
    let file = dir.join("NewZealand_Circ310.docx");
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
