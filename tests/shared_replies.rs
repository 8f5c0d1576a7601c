//! Runs the built binary on the practice set `../shared/replies/` and checks every field its
//! `truth.json` gives. Skips (with a printed reason) when `../shared` is absent.

mod common;

use common::{compare_replies, compare_tally, load, replytally};
use std::path::{Path, PathBuf};

fn shared() -> Option<PathBuf> {
    let p = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/replies");
    if p.join("truth.json").is_file() {
        Some(p)
    } else {
        eprintln!(
            "SKIPPED: {} not found (../shared is not beside this checkout)",
            p.display()
        );
        None
    }
}

#[test]
fn practice_set_matches_truth() {
    let Some(dir) = shared() else { return };
    let truth = load(&dir.join("truth.json"));
    let input = dir.join(truth["input"].as_str().unwrap());
    let form = dir.join(truth["form"].as_str().unwrap());
    let out = tempfile::tempdir().unwrap();
    let code = replytally(&[
        "run".as_ref(),
        input.as_os_str(),
        "--form".as_ref(),
        form.as_os_str(),
        "--out".as_ref(),
        out.path().as_os_str(),
    ]);
    // The set holds a .doc and a damaged .docx: outputs written, some inputs failed.
    assert_eq!(code, Some(1));
    let records = load(&out.path().join("records.json"));
    let summary = load(&out.path().join("summary.json"));
    let prefix = format!("{}/", input.display());
    let mut problems = Vec::new();
    compare_replies(
        &records,
        truth["replies"].as_array().unwrap(),
        &prefix,
        &mut problems,
    );

    let failures = records["failures"].as_array().unwrap();
    for tf in truth["failures"].as_array().unwrap() {
        let src = format!("{prefix}{}", tf["source"].as_str().unwrap());
        match failures.iter().find(|f| f["source"] == src.as_str()) {
            None if tf["optional"] == true => {}
            None => problems.push(format!("{src}: expected a failure")),
            Some(f) => {
                let ok = f["kind"] == tf["kind"]
                    || tf["also_accept"]
                        .as_array()
                        .is_some_and(|a| a.contains(&f["kind"]));
                if !ok {
                    problems.push(format!(
                        "{src}: failure kind {} want {}",
                        f["kind"], tf["kind"]
                    ));
                }
                assert!(!f["message"].as_str().unwrap_or("").is_empty());
            }
        }
    }
    compare_tally(&summary, &truth["tallies"], &mut problems);
    assert!(
        problems.is_empty(),
        "{} mismatches:\n{}",
        problems.len(),
        problems.join("\n")
    );
}
