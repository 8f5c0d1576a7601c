//! A fixture set: a directory of replies with its expected JSON, the binary run on it, and the
//! checks every set shares (exit status and failures, replies, warn flags, late flags). Each
//! test file adds the checks only its set needs.

use super::{assert_no_internal, compare_replies, compare_tally, load, replytally};
use serde_json::Value;
use std::path::{Path, PathBuf};

/// The crate's root directory.
pub fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The replies of one set and what they should read.
pub struct FixtureSet {
    /// The directory given to `replytally run`.
    pub dir: PathBuf,
    /// The expected JSON (`replies`, `tallies`, `form`, `deadline`, …).
    pub truth: Value,
    /// `dir` with a trailing `/`: the records' sources start with it.
    pub prefix: String,
}

/// What one run wrote: `records.json`, `summary.json`, and the exit code.
pub struct Outcome {
    pub records: Value,
    pub summary: Value,
    pub code: Option<i32>,
}

impl FixtureSet {
    pub fn new(dir: PathBuf, truth: Value) -> Self {
        let prefix = format!("{}/", dir.display());
        FixtureSet { dir, truth, prefix }
    }

    /// The set in `dir` with its truth in `expected`, both relative to the crate's root.
    pub fn open(dir: &str, expected: &str) -> Self {
        FixtureSet::new(root().join(dir), load(&root().join(expected)))
    }

    /// The blank form the truth names, in the set's directory.
    pub fn form(&self) -> PathBuf {
        self.dir.join(self.truth["form"].as_str().expect("form"))
    }

    pub fn replies(&self) -> &[Value] {
        self.truth["replies"].as_array().expect("replies")
    }

    /// `replytally run DIR [--form FORM] [--deadline D] --out TMP`.
    pub fn run(&self, form: Option<&Path>, deadline: Option<&str>) -> Outcome {
        let out = tempfile::tempdir().expect("temporary directory");
        let mut args: Vec<&std::ffi::OsStr> = vec!["run".as_ref(), self.dir.as_os_str()];
        if let Some(f) = form {
            args.push("--form".as_ref());
            args.push(f.as_os_str());
        }
        args.push("--out".as_ref());
        args.push(out.path().as_os_str());
        if let Some(d) = deadline {
            args.push("--deadline".as_ref());
            args.push(d.as_ref());
        }
        let code = replytally(&args);
        let records = load(&out.path().join("records.json"));
        assert_no_internal(&records);
        Outcome {
            records,
            summary: load(&out.path().join("summary.json")),
            code,
        }
    }

    /// Runs the set with `form` and checks what every set with a full truth must read: at
    /// least `min_replies` replies in the truth, exit status 0 and no failures, every reply as
    /// the truth gives it, and a warning naming each draft the truth marks `"warn": true`.
    /// Returns the run and the problems found so far, for the caller's own checks.
    pub fn check_replies(&self, form: &Path, min_replies: usize) -> (Outcome, Vec<String>) {
        let out = self.run(Some(form), None);
        let replies = self.replies();
        assert!(
            replies.len() >= min_replies,
            "the truth lists {} replies",
            replies.len()
        );
        let mut problems = Vec::new();
        check_run(&out.records, out.code, &mut problems);
        compare_replies(&out.records, replies, &self.prefix, &mut problems);
        check_warnings(&out.records, replies, &self.prefix, &mut problems);
        (out, problems)
    }

    /// Runs the set with its form and its truth's deadline: exit status 0, no failures, the
    /// truth's late flags, and the tally `tallies_with_deadline`.
    pub fn check_deadline(&self, what: &str) {
        let deadline = self.truth["deadline"].as_str().expect("deadline");
        let out = self.run(Some(&self.form()), Some(deadline));
        let replies = self.replies();
        assert!(replies.iter().any(|r| r["late"] == true), "a late reply");
        let mut problems = Vec::new();
        check_run(&out.records, out.code, &mut problems);
        check_late(&out.records, replies, &self.prefix, &mut problems);
        compare_tally(
            &out.summary,
            &self.truth["tallies_with_deadline"],
            &mut problems,
        );
        report(what, &problems);
    }
}

/// The record whose source is `src`.
pub fn record<'a>(records: &'a Value, src: &str) -> Option<&'a Value> {
    records["replies"]
        .as_array()?
        .iter()
        .find(|r| r["source"] == src)
}

/// The warnings of one record.
pub fn warnings(r: &Value) -> Vec<&str> {
    r["warnings"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(Value::as_str)
        .collect()
}

/// The truth's source of `t`, with `prefix`.
pub fn source(t: &Value, prefix: &str) -> String {
    format!("{prefix}{}", t["source"].as_str().unwrap_or_default())
}

/// Each reply of the truth with its source and its record, leaving out those without a record
/// (`compare_replies` reports them).
pub fn matched<'a>(
    records: &'a Value,
    truth: &'a [Value],
    prefix: &'a str,
) -> impl Iterator<Item = (String, &'a Value, &'a Value)> + 'a {
    truth.iter().filter_map(move |t| {
        let src = source(t, prefix);
        let r = record(records, &src)?;
        Some((src, t, r))
    })
}

/// Every answer the truth marks `"warn": true` has a review item about its draft, and every
/// other answer has none: a reader that warns about everything passes no more than one that
/// warns about nothing. Read from `records.json`'s review list, whose items name the drafts they
/// concern (no matching of message words).
pub fn check_warnings(records: &Value, truth: &[Value], prefix: &str, problems: &mut Vec<String>) {
    let items = records["review"].as_array().cloned().unwrap_or_default();
    for (src, t, r) in matched(records, truth, prefix) {
        let ws = warnings(r);
        for a in t["answers"].as_array().into_iter().flatten() {
            let draft = a["draft"].as_str().unwrap_or_default();
            let about: Vec<&str> = items
                .iter()
                .filter(|i| i["source"] == src.as_str())
                .filter(|i| {
                    i["drafts"]
                        .as_array()
                        .is_some_and(|d| d.iter().any(|d| d == draft))
                })
                .filter_map(|i| i["message"].as_str())
                .collect();
            let want = a["warn"] == Value::Bool(true);
            if want && about.is_empty() {
                problems.push(format!(
                    "{src}: {draft}: no review item about the draft (decision {}, comments {}); warnings: {ws:?}",
                    a["decision"], a["comments"]
                ));
            } else if !want && !about.is_empty() {
                problems.push(format!(
                    "{src}: {draft}: a review item about it, but the truth expects none: {about:?}"
                ));
            }
        }
    }
}

/// Every reply of the truth has a record whose `late` is the truth's.
pub fn check_late(records: &Value, truth: &[Value], prefix: &str, problems: &mut Vec<String>) {
    for t in truth {
        let src = source(t, prefix);
        match record(records, &src) {
            Some(r) if r["late"] != t["late"] => problems.push(format!(
                "{src}: late: got {}, want {}",
                r["late"], t["late"]
            )),
            Some(_) => {}
            None => problems.push(format!("{src}: no reply record")),
        }
    }
}

/// The exit status and `failures` go into `problems` rather than stopping the test, so that one
/// run lists everything that is read wrong.
pub fn check_run(records: &Value, code: Option<i32>, problems: &mut Vec<String>) {
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

/// Fails the test with every problem listed.
pub fn report(what: &str, problems: &[String]) {
    assert!(
        problems.is_empty(),
        "{what}: {} mismatches:\n{}",
        problems.len(),
        problems.join("\n")
    );
}
