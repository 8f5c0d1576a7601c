//! Runs the built binary on the second circular's fixtures and checks what it reads:
//!
//! - `tests/fixtures/circ205/` — TSB Circular 205 (SG2, E-series), replies in all six languages
//!   marked in every way and laid out in every structure (made by examples/make-samples.rs,
//!   expected readings in `tests/fixtures/circ205_expected.json`), read with `--form` its blank;
//! - `tests/fixtures/libreoffice/` — some of those replies round-tripped through LibreOffice 7.4
//!   by `scripts/make-libreoffice-fixtures.sh` (committed, so LibreOffice is not needed here),
//!   expected readings in `tests/fixtures/libreoffice_expected.json`.
//!
//! Beyond the fields `compare_replies` checks, every answer marked `"warn": true` must have a
//! warning naming its draft, and a header field left as the form's placeholder must read `null`.

mod common;

use common::{compare_replies, compare_tally, load, replytally};
use serde_json::Value;
use std::path::{Path, PathBuf};

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
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

/// Every answer the truth marks `"warn": true` has a warning naming its draft (its number or
/// its provisional name).
fn check_warnings(records: &Value, truth: &[Value], prefix: &str, problems: &mut Vec<String>) {
    for t in truth {
        let src = format!("{prefix}{}", t["source"].as_str().unwrap_or_default());
        let Some(r) = record(records, &src) else {
            continue; // compare_replies reports it
        };
        let warnings: Vec<&str> = r["warnings"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(Value::as_str)
            .collect();
        for a in t["answers"].as_array().into_iter().flatten() {
            if a["warn"] != Value::Bool(true) {
                continue;
            }
            let names: Vec<&str> = [&a["draft"], &a["provisional"]]
                .into_iter()
                .filter_map(Value::as_str)
                .collect();
            if !warnings.iter().any(|w| names.iter().any(|n| w.contains(n))) {
                problems.push(format!(
                    "{src}: {}: no warning names the draft (decision {}, comments {}); warnings: {warnings:?}",
                    names.join("/"),
                    a["decision"],
                    a["comments"]
                ));
            }
        }
    }
}

/// Sender fields the truth gives as `null` (the form's placeholder left in) read `null`:
/// placeholders are never values.
fn check_placeholders(records: &Value, truth: &[Value], prefix: &str, problems: &mut Vec<String>) {
    for t in truth {
        let src = format!("{prefix}{}", t["source"].as_str().unwrap_or_default());
        let Some(r) = record(records, &src) else {
            continue;
        };
        for f in ["name", "title", "email"] {
            if t["sender"][f].is_null() && !r["sender"][f].is_null() {
                problems.push(format!(
                    "{src}: sender.{f}: got {}, want null (a placeholder left in the form)",
                    r["sender"][f]
                ));
            }
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

/// The exit status and `failures` go into `problems` rather than stopping the test, so that one
/// run lists everything that is read wrong.
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

fn circ205() -> (PathBuf, PathBuf, Value) {
    let dir = root().join("tests/fixtures/circ205");
    let truth = load(&root().join("tests/fixtures/circ205_expected.json"));
    let form = dir.join(truth["form"].as_str().expect("form"));
    (dir, form, truth)
}

#[test]
fn circ205_replies_read_as_expected() {
    let (dir, form, truth) = circ205();
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
    check_placeholders(&records, replies, &prefix, &mut problems);
    compare_tally(&summary, &truth["tallies"], &mut problems);
    report("TSB Circular 205", &problems);
}

#[test]
fn circ205_tally_with_deadline() {
    let (dir, form, truth) = circ205();
    let deadline = truth["deadline"].as_str().expect("deadline");
    let (records, summary, code) = run(&dir, &form, Some(deadline));
    let prefix = format!("{}/", dir.display());
    let replies = truth["replies"].as_array().expect("replies");
    assert!(replies.iter().any(|r| r["late"] == true), "a late reply");
    let mut problems = Vec::new();
    check_run(&records, code, &mut problems);
    check_late(&records, replies, &prefix, &mut problems);
    compare_tally(&summary, &truth["tallies_with_deadline"], &mut problems);
    report("TSB Circular 205 with --deadline", &problems);
}

#[test]
fn libreoffice_replies_read_as_expected() {
    let dir = root().join("tests/fixtures/libreoffice");
    let truth = load(&root().join("tests/fixtures/libreoffice_expected.json"));
    let (_, form, _) = circ205();
    let (records, _summary, code) = run(&dir, &form, None);
    let prefix = format!("{}/", dir.display());
    let replies = truth["replies"].as_array().expect("replies");
    assert!(
        replies.len() >= 5,
        "the truth lists {} replies",
        replies.len()
    );
    // Every converted file is listed in the truth, and was written by LibreOffice.
    let listed: Vec<&str> = replies
        .iter()
        .filter_map(|r| r["source"].as_str())
        .collect();
    for e in std::fs::read_dir(&dir)
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
    let mut problems = Vec::new();
    check_run(&records, code, &mut problems);
    compare_replies(&records, replies, &prefix, &mut problems);
    check_warnings(&records, replies, &prefix, &mut problems);
    check_placeholders(&records, replies, &prefix, &mut problems);
    report("LibreOffice round trips", &problems);
}
