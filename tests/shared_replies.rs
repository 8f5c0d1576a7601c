//! Runs the built binary on the practice set `../shared/replies/` and checks every field its
//! `truth.json` gives. Skips (with a printed reason) when `../shared` is absent, or fails under
//! `REPLYTALLY_REQUIRE=1`.

use crate::common;
use common::fixture_set::{report, FixtureSet};
use common::{compare_replies, compare_tally, load};
use serde_json::Value;

#[test]
fn practice_set_matches_truth() {
    let Some(truth_file) = common::shared("replies/truth.json") else {
        return;
    };
    let dir = truth_file.parent().unwrap();
    let truth = load(&dir.join("truth.json"));
    let form = dir.join(truth["form"].as_str().unwrap());
    let set = FixtureSet::new(dir.join(truth["input"].as_str().unwrap()), truth);
    let out = set.run(Some(&form), None);
    // The set holds a .doc and a damaged .docx: outputs written, some inputs failed.
    assert_eq!(out.code, Some(1));
    let (records, truth, prefix) = (&out.records, &set.truth, &set.prefix);
    let mut problems = Vec::new();
    compare_replies(records, set.replies(), prefix, &mut problems);

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
    let listed = |f: &Value| {
        truth["failures"].as_array().unwrap().iter().any(|tf| {
            f["source"].as_str() == Some(&format!("{prefix}{}", tf["source"].as_str().unwrap()))
        })
    };
    for f in failures.iter().filter(|f| !listed(f)) {
        problems.push(format!(
            "{}: failure {} the truth does not list: {}",
            f["source"], f["kind"], f["message"]
        ));
    }
    compare_tally(&out.summary, &truth["tallies"], &mut problems);
    report("practice set", &problems);
}
