//! Issue 10's scenario on `tests/fixtures/inbox` (built without reading the reader; see its
//! README): a study group's mailbox export holding replies to TSB Circulars 201, 214 and 233 —
//! a Thunderbird mbox, a Maildir and loose `.eml`/`.docx` files, the blank forms among them —
//! run twice with one new reply in between. Each circular is tallied on its own into
//! `OUT/TSB-Circular-N/` and must match the truth's tally; the second run reads one file and
//! writes the same bytes as a run without the cache.

use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

use crate::common::load;

fn fixture() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/inbox")
}

/// A copy of the fixture's inputs (the later reply left out), to add to between runs.
fn copy_inputs(to: &Path) {
    for dir in ["mbox", "maildir", "loose", "forms"] {
        copy_dir(&fixture().join(dir), &to.join(dir));
    }
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap().flatten() {
        let p = e.path();
        if p.is_dir() {
            copy_dir(&p, &to.join(e.file_name()));
        } else {
            std::fs::copy(&p, to.join(e.file_name())).unwrap();
        }
    }
}

/// `replytally run` over the inputs in `inbox`; its stderr.
fn run(inbox: &Path, out: &Path, extra: &[&str]) -> String {
    let o = Command::new(env!("CARGO_BIN_EXE_replytally"))
        .arg("run")
        .args(["mbox", "maildir", "loose", "forms"].map(|d| inbox.join(d)))
        .arg("--out")
        .arg(out)
        .arg("--no-progress")
        .args(extra)
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&o.stderr).to_string();
    assert!(
        matches!(o.status.code(), Some(0 | 1)),
        "exit {:?}: {err}",
        o.status.code()
    );
    err
}

/// Where a circular's summary differs from the truth's tally.
fn tally_differences(id: &str, got: &Value, want: &Value, problems: &mut Vec<String>) {
    if got["member_states_replied"] != want["member_states_replied"] {
        problems.push(format!(
            "{id}: {} Member States replied, want {}",
            got["member_states_replied"], want["member_states_replied"]
        ));
    }
    for w in want["drafts"].as_array().unwrap() {
        let draft = w["draft"].as_str().unwrap();
        let Some(g) = got["drafts"]
            .as_array()
            .and_then(|ds| ds.iter().find(|d| d["draft"] == w["draft"]))
        else {
            problems.push(format!("{id} {draft}: not in summary.json"));
            continue;
        };
        for field in [
            "authorize",
            "with_comments",
            "not_authorize",
            "conflict",
            "no_reply",
            "meets_threshold",
        ] {
            if g[field] != w[field] {
                problems.push(format!(
                    "{id} {draft}: {field} {}, want {}",
                    g[field], w[field]
                ));
            }
        }
    }
}

fn check_tallies(out: &Path, truth: &Value, after_later: bool) -> Vec<String> {
    let mut problems = Vec::new();
    for c in truth["circulars"].as_array().unwrap() {
        let id = c["id"].as_str().unwrap();
        let summary = out.join(id).join("summary.json");
        if !summary.exists() {
            problems.push(format!("{id}: no {}", summary.display()));
            continue;
        }
        let want = match c.get("tally_after_later") {
            Some(t) if after_later => t,
            _ => &c["tally"],
        };
        tally_differences(id, &load(&summary), want, &mut problems);
    }
    problems
}

/// Every file below `dir` (the cache left out), relative path → bytes.
fn outputs(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut files = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap().flatten() {
            let p = e.path();
            if e.file_name() == ".cache" {
                continue;
            }
            if p.is_dir() {
                stack.push(p);
            } else {
                let rel = p.strip_prefix(dir).unwrap().display().to_string();
                files.push((rel, std::fs::read(&p).unwrap()));
            }
        }
    }
    files.sort();
    files
}

#[test]
fn three_circulars_from_a_mailbox_export_each_tallied_then_one_new_reply() {
    let truth = load(&fixture().parent().unwrap().join("inbox_expected.json"));
    let tmp = tempfile::tempdir().unwrap();
    let inbox = tmp.path().join("inbox");
    copy_inputs(&inbox);
    let out = tmp.path().join("out");

    let first = run(&inbox, &out, &[]);
    assert!(out.join("index.html").exists(), "no index.html: {first}");
    let problems = check_tallies(&out, &truth, false);
    assert!(problems.is_empty(), "first run:\n{}", problems.join("\n"));

    // One reply arrives; the re-run reads it alone and writes what a run without cache writes.
    let later = fixture().join("later/Uzbekistan_reply_214.eml");
    std::fs::copy(&later, inbox.join("loose/Uzbekistan_reply_214.eml")).unwrap();
    let second = run(&inbox, &out, &[]);
    assert!(second.contains("read 1 file,"), "{second}");
    let problems = check_tallies(&out, &truth, true);
    assert!(problems.is_empty(), "second run:\n{}", problems.join("\n"));

    let fresh = tmp.path().join("fresh");
    run(&inbox, &fresh, &["--no-cache"]);
    let (a, b) = (outputs(&out), outputs(&fresh));
    let names = |v: &[(String, Vec<u8>)]| v.iter().map(|(n, _)| n.clone()).collect::<Vec<_>>();
    assert_eq!(names(&a), names(&b));
    // Seven outputs a circular and the index.
    assert!(a.len() > 3 * 7, "{:?}", names(&a));
    for ((name, x), (_, y)) in a.iter().zip(&b) {
        assert!(
            x == y,
            "{name} differs between the cached and the fresh run"
        );
    }
}
