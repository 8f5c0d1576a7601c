//! Scans (issue 14, part 2) through the real binary: a simulated scan of a reply reads as a
//! reply whose decisions are right at least as often as the floor below (what the reader
//! reaches today, `scripts/score-scan.py`), every answer carries evidence `scan` and a
//! confidence, every wrong answer is warned by name, and without Tesseract a scan is a
//! failure of kind `scan` that says what to install.

use crate::common;
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::Command;

/// Share of decisions read right on the scans below, of the drafts the reading found (a draft
/// not found at all is not counted here; scripts/score-scan.py counts it). Measured today:
/// 2 of 6; the target is 97 %.
const DECISIONS_FLOOR: f64 = 0.3;

/// Two scans kept short for a debug build: a 200 dpi image-only PDF with a hand tick over an
/// empty box, and a 150 dpi PNG page.
const SCANS: [&str; 2] = [
    "scans/samples-Germany_Circ117_reply-200dpi.pdf",
    "scans/circ205-Reponse_Circ205_Cameroun-150dpi.p1.png",
];

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/pdf")
}

fn extract(path: &Path, path_env: Option<&str>) -> Value {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_replytally"));
    cmd.arg("extract").arg(path);
    if let Some(p) = path_env {
        cmd.env("PATH", p);
    }
    let out = cmd.output().unwrap();
    serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "{}: {e}: {}",
            path.display(),
            String::from_utf8_lossy(&out.stderr)
        )
    })
}

fn has_tesseract() -> bool {
    Command::new("tesseract").arg("--version").output().is_ok()
}

#[test]
fn scans_read_with_every_wrong_answer_warned() {
    if !has_tesseract() {
        common::skip(
            "tesseract",
            "apt-get install tesseract-ocr tesseract-ocr-eng tesseract-ocr-fra …",
        );
        return;
    }
    let truth = common::load(&root().join("truth.json"));
    let (mut n, mut right) = (0, 0);
    let mut silent = Vec::new();
    for name in SCANS {
        let entry = truth["files"]
            .as_array()
            .unwrap()
            .iter()
            .find(|f| f["files"].as_array().unwrap().iter().any(|x| x == name))
            .unwrap();
        let rec = extract(&root().join(name), None);
        let reply = &rec["replies"][0];
        assert!(reply.is_object(), "{name}: not read: {rec}");
        let warnings: Vec<&str> = reply["warnings"]
            .as_array()
            .unwrap()
            .iter()
            .filter_map(Value::as_str)
            .collect();
        for got in reply["answers"].as_array().unwrap() {
            assert_eq!(got["evidence"], "scan", "{name}: {got}");
            assert!(
                got["scan"]["confidence"].as_u64().is_some(),
                "{name}: {got}"
            );
            let draft = got["draft"].as_str().unwrap();
            let Some(want) = entry["answers"]
                .as_array()
                .unwrap()
                .iter()
                .find(|a| a["draft"] == draft)
            else {
                continue;
            };
            n += 1;
            if got["decision"] == want["decision"] {
                right += 1;
            } else if !warnings.iter().any(|w| w.contains(draft)) {
                silent.push(format!(
                    "{name}: {draft}: {} (truth {})",
                    got["decision"], want["decision"]
                ));
            }
        }
    }
    assert!(n > 0);
    let share = right as f64 / n as f64;
    assert!(share >= DECISIONS_FLOOR, "decisions right {right}/{n}");
    assert!(silent.is_empty(), "wrong and not warned: {silent:?}");
}

#[test]
fn without_tesseract_a_scan_is_a_scan_failure_saying_what_to_install() {
    let empty = tempfile::tempdir().unwrap();
    let rec = extract(&root().join(SCANS[1]), Some(empty.path().to_str().unwrap()));
    let f = &rec["failures"][0];
    assert_eq!(f["kind"], "scan", "{rec}");
    let msg = f["message"].as_str().unwrap();
    assert!(msg.contains("apt-get install tesseract-ocr"), "{msg}");
    assert!(msg.contains("tesseract-ocr-fra"), "{msg}");
}
