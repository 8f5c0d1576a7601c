//! Runs the built binary on the practice set `../shared/replies/` and checks every field its
//! `truth.json` gives. Skips (with a printed reason) when `../shared` is absent.

use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::Command;

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

fn load(p: &Path) -> Value {
    let s = std::fs::read_to_string(p).unwrap_or_else(|e| panic!("{}: {e}", p.display()));
    serde_json::from_str(&s).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}

#[test]
fn practice_set_matches_truth() {
    let Some(dir) = shared() else { return };
    let truth = load(&dir.join("truth.json"));
    let input = dir.join(truth["input"].as_str().unwrap());
    let form = dir.join(truth["form"].as_str().unwrap());
    let out = tempfile::tempdir().unwrap();
    let status = Command::new(env!("CARGO_BIN_EXE_replytally"))
        .arg("run")
        .arg(&input)
        .arg("--form")
        .arg(&form)
        .arg("--out")
        .arg(out.path())
        .arg("--no-progress")
        .status()
        .unwrap();
    // The set holds a .doc and a damaged .docx: outputs written, some inputs failed.
    assert_eq!(status.code(), Some(1));
    let records = load(&out.path().join("records.json"));
    let summary = load(&out.path().join("summary.json"));
    let prefix = format!("{}/", input.display());

    let replies = records["replies"].as_array().unwrap();
    let mut problems = Vec::new();
    let expected = truth["replies"].as_array().unwrap();
    assert!(!expected.is_empty());
    for t in expected {
        let src = format!("{prefix}{}", t["source"].as_str().unwrap());
        let Some(r) = replies.iter().find(|r| r["source"] == src.as_str()) else {
            problems.push(format!("{src}: no reply record"));
            continue;
        };
        let check = |problems: &mut Vec<String>, what: &str, got: &Value, want: &Value| {
            if got != want {
                problems.push(format!("{src}: {what}: got {got}, want {want}"));
            }
        };
        check(&mut problems, "language", &r["language"], &t["language"]);
        check(
            &mut problems,
            "iso3",
            &r["member_state"]["iso3"],
            &t["member_state"]["iso3"],
        );
        check(&mut problems, "date", &r["date"], &t["date"]);
        let want_sup = t["superseded_by"]
            .as_str()
            .map(|s| Value::from(format!("{prefix}{s}")))
            .unwrap_or(Value::Null);
        check(
            &mut problems,
            "superseded_by",
            &r["superseded_by"],
            &want_sup,
        );
        if let Some(name) = t["sender"]["name"].as_str() {
            check(
                &mut problems,
                "sender.name",
                &r["sender"]["name"],
                &Value::from(name),
            );
        }
        if let Some(email) = t["sender"]["email"].as_str() {
            check(
                &mut problems,
                "sender.email",
                &r["sender"]["email"],
                &Value::from(email),
            );
        }
        let answers = r["answers"].as_array().cloned().unwrap_or_default();
        for ta in t["answers"].as_array().unwrap() {
            let d = ta["draft"].as_str().unwrap();
            let Some(a) = answers.iter().find(|a| a["draft"] == d) else {
                problems.push(format!("{src}: {d}: no answer"));
                continue;
            };
            for f in ["decision", "comments", "text", "evidence"] {
                let want = if f == "comments" && ta["decision"] != "authorize" {
                    Value::Null
                } else {
                    ta[f].clone()
                };
                check(&mut problems, &format!("{d}.{f}"), &a[f], &want);
            }
        }
    }
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
    // The tally.
    let tt = &truth["tallies"];
    if summary["member_states_replied"] != tt["member_states_replied"] {
        problems.push(format!(
            "member_states_replied {} want {}",
            summary["member_states_replied"], tt["member_states_replied"]
        ));
    }
    for td in tt["drafts"].as_array().unwrap() {
        let Some(sd) = summary["drafts"]
            .as_array()
            .unwrap()
            .iter()
            .find(|d| d["draft"] == td["draft"])
        else {
            problems.push(format!("summary: no draft {}", td["draft"]));
            continue;
        };
        for f in [
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
                || (g.as_f64().is_some()
                    && (g.as_f64().unwrap() - w.as_f64().unwrap_or(f64::NAN)).abs() < 1e-9);
            if !same {
                problems.push(format!("summary {}.{f}: got {g} want {w}", td["draft"]));
            }
        }
    }
    assert!(
        problems.is_empty(),
        "{} mismatches:\n{}",
        problems.len(),
        problems.join("\n")
    );
}
