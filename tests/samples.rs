//! Runs the built binary on `samples/` (the repository's own replies of TSB Circular 117) and
//! checks every reply and the tally against `tests/fixtures/samples_expected.json`, which the
//! sample generator derives from the same specs as the files. Needs nothing outside the repo.

mod common;

use common::{compare_replies, compare_tally, load, replytally};
use std::path::Path;

fn run(
    deadline: Option<&str>,
) -> (
    serde_json::Value,
    serde_json::Value,
    serde_json::Value,
    Option<i32>,
) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let samples = root.join("samples");
    let out = tempfile::tempdir().unwrap();
    let mut args: Vec<&std::ffi::OsStr> = vec![
        "run".as_ref(),
        samples.as_os_str(),
        "--out".as_ref(),
        out.path().as_os_str(),
    ];
    if let Some(d) = deadline {
        args.push("--deadline".as_ref());
        args.push(d.as_ref());
    }
    let code = replytally(&args);
    let records = load(&out.path().join("records.json"));
    let summary = load(&out.path().join("summary.json"));
    (
        load(&root.join("tests/fixtures/samples_expected.json")),
        records,
        summary,
        code,
    )
}

#[test]
fn samples_read_as_expected() {
    let (truth, records, summary, code) = run(None);
    assert_eq!(code, Some(0), "every sample is processed");
    let prefix = format!(
        "{}/",
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("samples")
            .display()
    );
    let mut problems = Vec::new();
    compare_replies(
        &records,
        truth["replies"].as_array().unwrap(),
        &prefix,
        &mut problems,
    );
    compare_tally(&summary, &truth["tallies"], &mut problems);
    // The blank form among the samples is the form, not a reply.
    let form = format!("{prefix}{}", truth["form"].as_str().unwrap());
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
    assert!(
        problems.is_empty(),
        "{} mismatches:\n{}",
        problems.len(),
        problems.join("\n")
    );
}

#[test]
fn deadline_leaves_late_replies_out() {
    let (truth, records, summary, _) = run(Some(truth_deadline().as_str()));
    let mut problems = Vec::new();
    compare_tally(&summary, &truth["tallies_with_deadline"], &mut problems);
    let prefix = format!(
        "{}/",
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("samples")
            .display()
    );
    for t in truth["replies"].as_array().unwrap() {
        let src = format!("{prefix}{}", t["source"].as_str().unwrap());
        let r = records["replies"]
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["source"] == src.as_str());
        match r {
            Some(r) if r["late"] != t["late"] => {
                problems.push(format!("{src}: late {} want {}", r["late"], t["late"]))
            }
            None => problems.push(format!("{src}: missing")),
            _ => {}
        }
    }
    assert!(
        problems.is_empty(),
        "{} mismatches:\n{}",
        problems.len(),
        problems.join("\n")
    );
}

fn truth_deadline() -> String {
    let t =
        load(&Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/samples_expected.json"));
    t["deadline"].as_str().unwrap().to_string()
}
