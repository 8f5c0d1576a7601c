//! Shared by the integration tests: run the real binary and compare its records with a truth file.
#![allow(dead_code)]

use replytally::intake::{self, Content, Input};
use replytally::pipeline::{self, BlankForm, Read};
use replytally::record::{FailureKind, Records};
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::Command;

/// With `REPLYTALLY_REQUIRE=1` (set by `.ci/run`) a test whose external need is missing —
/// the workplace's `../shared`, LibreOffice, poppler, Chromium, util-linux `script` — fails
/// instead of skipping.
pub const REQUIRE: &str = "REPLYTALLY_REQUIRE";

/// Ends a test (or the part of one) whose need `what` is missing: under `REPLYTALLY_REQUIRE=1`
/// the test fails with `reason`; otherwise the reason is printed (cargo shows it with
/// `--nocapture`) and the caller goes on without it.
pub fn skip(what: &str, reason: &str) {
    let required = std::env::var_os(REQUIRE).is_some_and(|v| v == "1");
    assert!(!required, "{what} is missing ({REQUIRE}=1): {reason}");
    eprintln!("skipped: {what} is missing: {reason}");
}

/// The workplace's shared folder: `$REPLYTALLY_SHARED` when set, else `../shared` beside the
/// checkout.
pub fn shared_root() -> PathBuf {
    std::env::var_os("REPLYTALLY_SHARED").map_or_else(
        || Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared"),
        PathBuf::from,
    )
}

/// `rel` inside the shared folder when it is there; else [`skip`] and `None`.
pub fn shared(rel: &str) -> Option<PathBuf> {
    let p = shared_root().join(rel);
    if p.exists() {
        return Some(p);
    }
    let why = "the workplace's shared folder is not beside this checkout (or set REPLYTALLY_SHARED to it)";
    skip(&p.display().to_string(), why);
    None
}

/// The first of `names` found on the PATH; else [`skip`] saying what to install, and `None`.
pub fn program(names: &[&str], install: &str) -> Option<PathBuf> {
    let path = std::env::var_os("PATH").unwrap_or_default();
    let found = names.iter().find_map(|n| {
        std::env::split_paths(&path)
            .map(|d| d.join(n))
            .find(|p| p.is_file())
    });
    if found.is_none() {
        skip(
            &names.join(" or "),
            &format!("not on the PATH; install {install}"),
        );
    }
    found
}

pub fn load(p: &Path) -> Value {
    let s = std::fs::read_to_string(p).unwrap_or_else(|e| panic!("{}: {e}", p.display()));
    serde_json::from_str(&s).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}

/// Runs `replytally ARGS…` and returns its exit code.
pub fn replytally(args: &[&std::ffi::OsStr]) -> Option<i32> {
    Command::new(env!("CARGO_BIN_EXE_replytally"))
        .args(args)
        .arg("--no-progress")
        .status()
        .expect("the replytally binary runs")
        .code()
}

/// Bytes → inputs → readings → records, as a run does it (`source` is the input's name in the
/// records, `name` its file name). Fails the test when a reader panicked on any input: the
/// guards make that an `internal` failure, a bug in replytally that no test may accept.
pub fn read_bytes(
    source: &str,
    name: &str,
    bytes: Vec<u8>,
) -> (Vec<Input>, Records, Vec<BlankForm>) {
    let inputs = intake::expand_bytes(source, name, bytes);
    let reads = pipeline::read_inputs(&inputs);
    let opened = inputs.iter().filter_map(|i| match &i.content {
        Content::Failed { kind, message, .. } => Some((kind, &i.source, message)),
        _ => None,
    });
    let read = reads.iter().filter_map(|r| match r {
        Read::Failed(f) => Some((&f.kind, &f.source, &f.message)),
        _ => None,
    });
    let internal: Vec<String> = opened
        .chain(read)
        .filter(|(kind, _, _)| **kind == FailureKind::Internal)
        .map(|(_, source, message)| format!("{source}: {message}"))
        .collect();
    assert!(
        internal.is_empty(),
        "a reader panicked (failure kind internal):\n{}",
        internal.join("\n")
    );
    let (records, forms, _) = pipeline::assemble(&inputs, reads, None, None);
    (inputs, records, forms)
}

/// Fails the test when `records.json` holds an `internal` failure (a reader panicked), as a
/// failure or, for a file inside an e-mail or zip with a reply, as a warning on that reply.
pub fn assert_no_internal(records: &Value) {
    let failures = records["failures"].as_array().into_iter().flatten();
    let mut found: Vec<String> = failures
        .filter(|f| f["kind"] == "internal")
        .map(|f| format!("{}: {}", f["source"], f["message"]))
        .collect();
    for r in records["replies"].as_array().into_iter().flatten() {
        let ws = r["warnings"].as_array().into_iter().flatten();
        found.extend(
            ws.filter_map(Value::as_str)
                .filter(|w| w.contains(" (internal): "))
                .map(|w| format!("{}: {w}", r["source"])),
        );
    }
    assert!(
        found.is_empty(),
        "a reader panicked (failure kind internal):\n{}",
        found.join("\n")
    );
}

fn check(problems: &mut Vec<String>, src: &str, what: &str, got: &Value, want: &Value) {
    if got != want {
        problems.push(format!("{src}: {what}: got {got}, want {want}"));
    }
}

/// Compares the records with the truth (sources relative to `prefix`) in both directions:
/// each truth reply with the record of the same source, and every record of a reply or an
/// answer the truth does not list is a problem too.
pub fn compare_replies(records: &Value, truth: &[Value], prefix: &str, problems: &mut Vec<String>) {
    let replies = records["replies"].as_array().expect("replies array");
    assert!(!truth.is_empty(), "the truth lists no replies");
    for t in truth {
        let src = format!("{prefix}{}", t["source"].as_str().unwrap());
        match replies.iter().find(|r| r["source"] == src.as_str()) {
            Some(r) => compare_reply(r, t, &src, prefix, problems),
            None => problems.push(format!("{src}: no reply record")),
        }
    }
    for r in replies {
        let listed = truth.iter().any(|t| {
            r["source"].as_str() == Some(&format!("{prefix}{}", t["source"].as_str().unwrap()))
        });
        if !listed {
            problems.push(format!("{}: a reply the truth does not list", r["source"]));
        }
    }
}

/// One reply: its header fields (a `null` in the truth must read `null`: a placeholder such as
/// "[Name]" left in the form is never a value) and its answers, both ways.
fn compare_reply(r: &Value, t: &Value, src: &str, prefix: &str, problems: &mut Vec<String>) {
    check(problems, src, "language", &r["language"], &t["language"]);
    let (rm, tm) = (&r["member_state"], &t["member_state"]);
    check(problems, src, "member_state.iso3", &rm["iso3"], &tm["iso3"]);
    // The practice set's truth gives the name as written (`name_in_document`), not `name`.
    if tm.get("name").is_some() {
        check(problems, src, "member_state.name", &rm["name"], &tm["name"]);
    }
    check(problems, src, "date", &r["date"], &t["date"]);
    let want_sup = t["superseded_by"]
        .as_str()
        .map(|s| Value::from(format!("{prefix}{s}")))
        .unwrap_or(Value::Null);
    check(
        problems,
        src,
        "superseded_by",
        &r["superseded_by"],
        &want_sup,
    );
    for f in ["name", "title", "email"] {
        let what = format!("sender.{f}");
        check(problems, src, &what, &r["sender"][f], &t["sender"][f]);
    }
    if let Some(sha) = t["sha256"].as_str() {
        check(problems, src, "sha256", &r["sha256"], &Value::from(sha));
    }
    let answers = r["answers"].as_array().cloned().unwrap_or_default();
    let want = t["answers"].as_array().expect("truth answers");
    for ta in want {
        let d = ta["draft"].as_str().unwrap();
        let Some(a) = answers.iter().find(|a| a["draft"] == d) else {
            problems.push(format!("{src}: {d}: no answer"));
            continue;
        };
        for f in ["provisional", "decision", "comments", "text", "evidence"] {
            let want = if f == "comments" && ta["decision"] != "authorize" {
                Value::Null
            } else {
                ta[f].clone()
            };
            check(problems, src, &format!("{d}.{f}"), &a[f], &want);
        }
    }
    for a in &answers {
        if !want.iter().any(|ta| ta["draft"] == a["draft"]) {
            problems.push(format!(
                "{src}: {}: an answer the truth does not list",
                a["draft"]
            ));
        }
    }
}

/// Compares `summary.json` with a truth tally.
pub fn compare_tally(summary: &Value, tt: &Value, problems: &mut Vec<String>) {
    check(
        problems,
        "summary",
        "member_states_replied",
        &summary["member_states_replied"],
        &tt["member_states_replied"],
    );
    let drafts = summary["drafts"].as_array().expect("drafts array");
    let want = tt["drafts"].as_array().expect("truth drafts");
    assert!(!want.is_empty());
    check(
        problems,
        "summary",
        "number of drafts",
        &Value::from(drafts.len()),
        &Value::from(want.len()),
    );
    for td in want {
        let Some(sd) = drafts.iter().find(|d| d["draft"] == td["draft"]) else {
            problems.push(format!("summary: no draft {}", td["draft"]));
            continue;
        };
        for f in [
            "provisional",
            "authorize",
            "with_comments",
            "not_authorize",
            "conflict",
            "no_reply",
            "support",
            "meets_threshold",
        ] {
            let (g, w) = (&sd[f], &td[f]);
            let same = g == w
                || matches!((g.as_f64(), w.as_f64()), (Some(a), Some(b)) if (a - b).abs() < 1e-9);
            if !same {
                problems.push(format!("summary {}.{f}: got {g} want {w}", td["draft"]));
            }
        }
    }
}
pub mod build;
pub mod corpus_index;
pub mod fixture_set;
pub mod review_server;
