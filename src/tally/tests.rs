//! The tally's tests: thresholds, counts, late and superseded replies, draft matching.

use super::*;
use crate::record::{Evidence, MemberState, Sender};

pub(crate) fn answer(draft: &str, decision: Decision) -> Answer {
    Answer {
        draft: draft.to_string(),
        provisional: None,
        decision,
        comments: (decision == Decision::Authorize).then_some(Comments::NoComments),
        text: String::new(),
        evidence: Evidence::LegacyCheckbox,
        scan: None,
    }
}

pub(crate) fn reply(
    source: &str,
    iso3: Option<&str>,
    date: Option<&str>,
    answers: Vec<Answer>,
) -> Reply {
    Reply {
        source: source.to_string(),
        sha256: "00".repeat(32),
        language: "en".to_string(),
        member_state: iso3.map(|c| MemberState {
            name: c.to_string(),
            iso3: c.to_string(),
        }),
        sender: Sender::default(),
        date: date.map(str::to_string),
        answers,
        ..Reply::default()
    }
}

/// A reply answering draft X.1 only.
fn x1(source: &str, iso3: Option<&str>, date: Option<&str>, decision: Decision) -> Reply {
    reply(source, iso3, date, vec![answer("X.1", decision)])
}

/// The decisions, short, for the tables of replies below.
const A: Decision = Decision::Authorize;
const N: Decision = Decision::NotAuthorize;
const R: Decision = Decision::NoReply;

/// Replies answering draft X.1 only: (source, ISO3, date, decision) each.
fn x1s(specs: &[(&str, Option<&str>, Option<&str>, Decision)]) -> Vec<Reply> {
    specs
        .iter()
        .map(|&(s, iso3, date, d)| x1(s, iso3, date, d))
        .collect()
}

/// A draft of the blank form.
fn draft(number: &str, provisional: Option<&str>) -> DraftRef {
    DraftRef {
        draft: number.into(),
        provisional: provisional.map(Into::into),
    }
}

/// `a` authorize, `n` not authorize, `c` conflict replies to draft X.1, each a distinct state.
fn votes(a: usize, n: usize, c: usize) -> Vec<Reply> {
    let mut out = Vec::new();
    let mut k = 0;
    for (count, d) in [
        (a, Decision::Authorize),
        (n, Decision::NotAuthorize),
        (c, Decision::Conflict),
    ] {
        for _ in 0..count {
            k += 1;
            let code = format!("S{k:02}");
            out.push(x1(
                &format!("{code}.docx"),
                Some(&code),
                Some("2023-02-01"),
                d,
            ));
        }
    }
    out
}

fn one(replies: &[Reply], threshold: f64) -> DraftTally {
    let s = tally(
        replies,
        &Options {
            threshold,
            expected: None,
        },
    );
    assert_eq!(s.drafts.len(), 1, "{s:?}");
    s.drafts.into_iter().next().unwrap()
}

#[test]
fn exact_threshold_is_inclusive() {
    let t = one(&votes(7, 3, 0), 70.0);
    assert_eq!((t.authorize, t.not_authorize), (7, 3));
    assert_eq!(t.support, Some(70.0));
    assert_eq!(t.meets_threshold, Some(true));
}

#[test]
fn just_below_threshold_fails_even_if_rounding_reaches_it() {
    // 699/1000 = 69.9 → false.
    let t = one(&votes(699, 301, 0), 70.0);
    assert_eq!(t.support, Some(69.9));
    assert_eq!(t.meets_threshold, Some(false));
    // 69.97 % rounds to 70.0 but is below: the unrounded ratio decides.
    let t = one(&votes(6997, 3003, 0), 70.0);
    assert_eq!(t.support, Some(70.0));
    assert_eq!(t.meets_threshold, Some(false));
}

#[test]
fn support_rounds_to_one_decimal() {
    assert_eq!(support(10, 1), Some(90.9));
    assert_eq!(support(14, 1), Some(93.3));
    assert_eq!(support(13, 2), Some(86.7));
    assert_eq!(support(2, 1), Some(66.7));
    assert_eq!(support(15, 0), Some(100.0));
    assert_eq!(support(0, 0), None);
}

#[test]
fn no_replies_meets_threshold() {
    let s = tally(
        &[],
        &Options {
            threshold: 70.0,
            expected: Some(vec![draft("X.1", Some("X.one"))]),
        },
    );
    assert_eq!(s.member_states_replied, 0);
    let t = &s.drafts[0];
    assert_eq!(t.provisional.as_deref(), Some("X.one"));
    assert_eq!(
        (t.authorize, t.not_authorize, t.conflict, t.no_reply),
        (0, 0, 0, 0)
    );
    assert_eq!(t.support, None);
    assert_eq!(t.meets_threshold, Some(true));
}

#[test]
fn only_no_reply_meets_threshold_with_null_support() {
    let rs = x1s(&[("a", Some("FRA"), None, R), ("b", Some("DEU"), None, R)]);
    let t = one(&rs, 70.0);
    assert_eq!(t.no_reply, 2);
    assert_eq!(t.support, None);
    assert_eq!(t.meets_threshold, Some(true));
}

#[test]
fn conflicts_that_cannot_change_the_verdict() {
    // 12 for, 2 against, 1 conflict: 12/15 = 80 % and 13/15 both pass.
    let t = one(&votes(12, 2, 1), 70.0);
    assert_eq!(t.conflict, 1);
    assert_eq!(t.support, Some(85.7));
    assert_eq!(t.meets_threshold, Some(true));
    // 1 for, 5 against, 1 conflict: fails either way.
    let t = one(&votes(1, 5, 1), 70.0);
    assert_eq!(t.meets_threshold, Some(false));
}

#[test]
fn conflicts_that_can_change_the_verdict() {
    // 6 for, 3 against, 1 conflict: 7/10 passes, 6/10 fails.
    let t = one(&votes(6, 3, 1), 70.0);
    assert_eq!(t.support, Some(66.7));
    assert_eq!(t.meets_threshold, None);
    assert!(t.needs_review());
    assert_eq!(t.verdict().as_str(), "undecided — review conflicts");
    // Only conflicts: all for → 100 %, all against → 0 %.
    let t = one(&votes(0, 0, 2), 70.0);
    assert_eq!(t.support, None);
    assert_eq!(t.meets_threshold, None);
}

#[test]
fn fractional_threshold() {
    // 2/3 = 66.67 % ≥ 66.5; and 66.7·3 is not exactly 200.1 in binary.
    let t = one(&votes(2, 1, 0), 66.5);
    assert_eq!(t.meets_threshold, Some(true));
    let t = one(&votes(2, 1, 0), 66.7);
    assert_eq!(t.meets_threshold, Some(false));
    // 62.5 % of 8 = 5 exactly.
    assert_eq!(one(&votes(5, 3, 0), 62.5).meets_threshold, Some(true));
    assert_eq!(one(&votes(603, 397, 0), 60.3).meets_threshold, Some(true));
    assert_eq!(one(&votes(602, 398, 0), 60.3).meets_threshold, Some(false));
}

#[test]
fn threshold_serialization() {
    let mut s = tally(&votes(1, 0, 0), &Options::default());
    let j = serde_json::to_string(&s).unwrap();
    assert!(j.contains("\"threshold\":70,"), "{j}");
    s.threshold = 66.5;
    let j = serde_json::to_string(&s).unwrap();
    assert!(j.contains("\"threshold\":66.5,"), "{j}");
    let back: Summary = serde_json::from_str(&j).unwrap();
    assert_eq!(back, s);
    let v: serde_json::Value = serde_json::from_str(&j).unwrap();
    assert_eq!(v["drafts"][0]["support"], serde_json::json!(100.0));
    assert_eq!(v["drafts"][0]["meets_threshold"], serde_json::json!(true));
    assert_eq!(v["schema"], serde_json::json!(SUMMARY_SCHEMA));
}

#[test]
fn with_comments_counted_within_authorize() {
    let mut a = answer("X.1", Decision::Authorize);
    a.comments = Some(Comments::WithComments);
    let mut u = answer("X.1", Decision::Authorize);
    u.comments = Some(Comments::Unspecified);
    let rs = vec![
        reply("a", Some("FRA"), None, vec![a]),
        reply("b", Some("DEU"), None, vec![u]),
    ];
    let t = one(&rs, 70.0);
    assert_eq!((t.authorize, t.with_comments), (2, 1));
}

/// A reply whose Member State is told only weakly (here: by the file name) never replaces one
/// whose Member State is sure, even when it is later; two weak ones: the later stands.
#[test]
fn weak_reply_never_supersedes_a_sure_one() {
    let weak = |mut r: Reply| {
        r.warnings
            .push(Warning::new(WarningKind::StateFromFileName, "weak"));
        r
    };
    let mut rs = vec![
        x1("swiss.docx", Some("CHE"), Some("2026-03-01"), A),
        weak(x1("mission.docx", Some("CHE"), Some("2026-03-05"), N)),
    ];
    mark_superseded(&mut rs);
    assert_eq!(rs[0].superseded_by, None);
    assert_eq!(rs[1].superseded_by.as_deref(), Some("swiss.docx"));
    let mut rs = vec![
        weak(x1("a.docx", Some("CHE"), Some("2026-03-01"), A)),
        weak(x1("b.docx", Some("CHE"), Some("2026-03-05"), N)),
    ];
    mark_superseded(&mut rs);
    assert_eq!(rs[0].superseded_by.as_deref(), Some("b.docx"));
}

#[test]
fn superseded_later_date_wins() {
    let mut rs = x1s(&[
        ("late.docx", Some("FRA"), Some("2023-02-07"), A),
        ("early.docx", Some("FRA"), Some("2023-02-01"), N),
        ("de.docx", Some("DEU"), Some("2023-02-01"), A),
    ]);
    mark_superseded(&mut rs);
    assert_eq!(rs[0].superseded_by, None);
    assert_eq!(rs[1].superseded_by.as_deref(), Some("late.docx"));
    assert_eq!(rs[2].superseded_by, None);
    let s = tally(&rs, &Options::default());
    assert_eq!(s.member_states_replied, 2);
    assert_eq!((s.drafts[0].authorize, s.drafts[0].not_authorize), (2, 0));
    assert_eq!(counted(&rs).count(), 2);
    assert_eq!(left_out(&rs).superseded, 1);
}

#[test]
fn superseded_same_date_later_input_wins() {
    let mut rs = x1s(&[
        ("one.docx", Some("FRA"), Some("2023-02-01"), N),
        ("two.docx", Some("fra"), Some("2023-02-01"), A),
    ]);
    mark_superseded(&mut rs);
    assert_eq!(rs[0].superseded_by.as_deref(), Some("two.docx"));
    assert_eq!(rs[1].superseded_by, None);
    // Idempotent.
    mark_superseded(&mut rs);
    assert_eq!(rs[0].superseded_by.as_deref(), Some("two.docx"));
    assert_eq!(rs[1].superseded_by, None);
}

#[test]
fn superseded_undated_loses_to_dated() {
    let mut rs = vec![
        reply("dated.docx", Some("FRA"), Some("2023-02-01"), vec![]),
        reply("undated.docx", Some("FRA"), None, vec![]),
        reply("undated2.docx", Some("DEU"), None, vec![]),
        reply("undated3.docx", Some("DEU"), None, vec![]),
    ];
    mark_superseded(&mut rs);
    assert_eq!(rs[0].superseded_by, None);
    assert_eq!(rs[1].superseded_by.as_deref(), Some("dated.docx"));
    assert_eq!(rs[2].superseded_by.as_deref(), Some("undated3.docx"));
    assert_eq!(rs[3].superseded_by, None);
}

#[test]
fn tally_keeps_one_reply_per_state_even_unmarked() {
    let rs = x1s(&[
        ("one.docx", Some("FRA"), Some("2023-02-03"), N),
        ("two.docx", Some("FRA"), Some("2023-02-01"), A),
    ]);
    let t = one(&rs, 70.0);
    assert_eq!((t.authorize, t.not_authorize), (0, 1));
}

/// One definition of the replies that count, for the tally and every report: on time, from a
/// known Member State, the latest of each — whether or not the replies were marked.
#[test]
fn counted_is_one_per_member_state_marked_or_not() {
    let mut rs = x1s(&[
        ("fr-old.docx", Some("FRA"), Some("2023-02-01"), N),
        ("fr-new.docx", Some("fra"), Some("2023-02-03"), A),
        ("de-late.docx", Some("DEU"), Some("2023-02-20"), A),
        ("who.docx", None, None, A),
        ("it.docx", Some("ITA"), None, N),
    ]);
    rs[2].late = true;
    let sources = |rs: &[Reply]| counted(rs).map(|r| r.source.clone()).collect::<Vec<_>>();
    let unmarked = sources(&rs);
    assert_eq!(unmarked, ["fr-new.docx", "it.docx"]);
    assert_eq!(tally(&rs, &Options::default()).member_states_replied, 2);
    mark_superseded(&mut rs);
    assert_eq!(rs[0].superseded_by.as_deref(), Some("fr-new.docx"));
    assert_eq!(sources(&rs), unmarked);
    let t = one(&rs, 70.0);
    assert_eq!((t.authorize, t.not_authorize), (1, 1));
}

#[test]
fn late_excluded() {
    let deadline = parse_deadline("2023-02-09").unwrap();
    let mut rs = x1s(&[
        ("ontime.docx", Some("FRA"), Some("2023-02-09"), A),
        ("late.docx", Some("DEU"), Some("2023-02-10"), N),
        ("undated.docx", Some("ITA"), None, A),
        ("stamp.docx", Some("ESP"), Some("2023-02-09T23:59:30Z"), A),
        (
            "stamp2.docx",
            Some("PRT"),
            Some("2023-02-10T00:30:00+01:00"),
            A,
        ),
    ]);
    mark_late(&mut rs, deadline);
    assert!(!rs[0].late);
    assert!(rs[1].late);
    assert!(!rs[2].late);
    assert_eq!(rs[2].warnings.len(), 1);
    assert_eq!(rs[2].warnings[0].kind, crate::warning::WarningKind::Undated);
    assert_eq!(rs[2].warnings[0].text, UNDATED_WARNING);
    assert!(!rs[3].late);
    assert!(!rs[4].late, "23:30 UTC on the 9th");
    mark_late(&mut rs, deadline);
    assert_eq!(rs[2].warnings.len(), 1, "warning added once");
    let t = one(&rs, 70.0);
    assert_eq!((t.authorize, t.not_authorize), (4, 0));
    assert_eq!(left_out(&rs).late, 1);
}

#[test]
fn late_reply_does_not_supersede_one_in_time() {
    let mut rs = x1s(&[
        ("first.docx", Some("FRA"), Some("2023-02-01"), N),
        ("second.docx", Some("FRA"), Some("2023-02-12"), A),
    ]);
    mark(&mut rs, Some(parse_deadline("2023-02-09").unwrap()));
    assert_eq!(rs[0].superseded_by, None);
    assert!(!rs[0].late);
    assert!(rs[1].late);
    assert_eq!(rs[1].superseded_by, None);
    let t = one(&rs, 70.0);
    assert_eq!((t.authorize, t.not_authorize), (0, 1));
}

#[test]
fn deadline_parsing() {
    let d = parse_deadline("2023-02-09").unwrap();
    assert_eq!(d.to_string(), "2023-02-09T23:59:59.999999999Z");
    let d = parse_deadline("2023-02-09T12:00:00+01:00").unwrap();
    assert_eq!(d.to_string(), "2023-02-09T11:00:00Z");
    assert!(parse_deadline("9 Feb 2023").is_err());
    assert!(parse_deadline("").is_err());
    let e = parse_deadline("tomorrow").unwrap_err();
    assert!(e.to_string().contains("2023-02-09"));
}

#[test]
fn unidentified_excluded() {
    let rs = x1s(&[
        ("who.docx", None, None, N),
        ("blank.docx", Some(" "), None, N),
        ("fr.docx", Some("FRA"), None, A),
    ]);
    let s = tally(&rs, &Options::default());
    assert_eq!(s.member_states_replied, 1);
    assert_eq!((s.drafts[0].authorize, s.drafts[0].not_authorize), (1, 0));
    assert_eq!(left_out(&rs).unidentified, 2);
    assert_eq!(counted(&rs).count(), 1);
}

#[test]
fn expected_drafts_order_and_missing_answers() {
    let mut prov = answer("X.ztd-iot", Decision::NotAuthorize);
    prov.provisional = None;
    let rs = vec![
        reply(
            "fr.docx",
            Some("FRA"),
            None,
            vec![
                answer("X.2", Decision::Authorize),
                answer("X.9", Decision::Authorize),
            ],
        ),
        reply("de.docx", Some("DEU"), None, vec![prov]),
    ];
    let opts = Options {
        threshold: 70.0,
        expected: Some(vec![draft("X.1353", Some("X.ztd-iot")), draft("X.2", None)]),
    };
    let s = tally(&rs, &opts);
    let names: Vec<&str> = s.drafts.iter().map(|d| d.draft.as_str()).collect();
    assert_eq!(names, ["X.1353", "X.2"], "X.9 is not on the form");
    assert_eq!((s.drafts[0].not_authorize, s.drafts[0].no_reply), (1, 1));
    assert_eq!((s.drafts[1].authorize, s.drafts[1].no_reply), (1, 1));
    assert_eq!(s.drafts[1].support, Some(100.0));
}

#[test]
fn drafts_without_form_in_order_of_first_appearance() {
    let mut with_prov = answer("X.1", Decision::Authorize);
    with_prov.provisional = Some("X.one".into());
    let rs = vec![
        reply(
            "late.docx",
            Some("ITA"),
            None,
            vec![answer("X.0", Decision::Authorize)],
        ),
        reply(
            "fr.docx",
            Some("FRA"),
            None,
            vec![
                answer("X.2", Decision::Authorize),
                answer("X.1", Decision::NotAuthorize),
            ],
        ),
        reply(
            "de.docx",
            Some("DEU"),
            None,
            vec![with_prov, answer("X.3", Decision::Authorize)],
        ),
    ];
    let mut rs = rs;
    rs[0].late = true;
    let s = tally(&rs, &Options::default());
    let names: Vec<&str> = s.drafts.iter().map(|d| d.draft.as_str()).collect();
    assert_eq!(
        names,
        ["X.2", "X.1", "X.3"],
        "drafts of left-out replies are not listed"
    );
    assert_eq!(s.drafts[1].provisional.as_deref(), Some("X.one"));
    assert_eq!(s.drafts[2].no_reply, 1);
}

#[test]
fn draft_matching() {
    let r = draft("X.1353", Some("X.ztd-iot"));
    let mut a = answer("x. 1353", Decision::Authorize);
    assert!(same_draft(&a, &r));
    a.draft = "X.1354".into();
    assert!(!same_draft(&a, &r));
    a.provisional = Some("X.ZTD-IOT".into());
    assert!(same_draft(&a, &r));
    let bare = draft("X.ztd-iot", None);
    assert!(same_draft(&a, &bare));
    let empty = draft("X.9", Some(""));
    let mut e = answer("X.8", Decision::Authorize);
    e.provisional = Some(String::new());
    assert!(!same_draft(&e, &empty));
}

/// The practice fixtures' expected records, tallied, give the expected tallies.
#[test]
fn truth_fixture_tallies() {
    let shared = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared");
    let path = shared.join("replies/truth.json");
    if !shared.exists() {
        eprintln!("skipped: {} is absent", shared.display());
        return;
    }
    let truth: serde_json::Value = serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap();
    let s = |v: &serde_json::Value| v.as_str().map(str::to_string);
    let mut replies: Vec<Reply> = Vec::new();
    for r in truth["replies"].as_array().unwrap() {
        let answers = r["answers"]
            .as_array()
            .unwrap()
            .iter()
            .map(|a| Answer {
                draft: s(&a["draft"]).unwrap(),
                provisional: s(&a["provisional"]),
                decision: serde_json::from_value(a["decision"].clone()).unwrap(),
                comments: serde_json::from_value(a["comments"].clone()).unwrap(),
                text: s(&a["text"]).unwrap_or_default(),
                evidence: serde_json::from_value(a["evidence"].clone()).unwrap(),
                scan: None,
            })
            .collect();
        let mut reply = reply(
            &s(&r["source"]).unwrap(),
            r["member_state"]["iso3"].as_str(),
            r["date"].as_str(),
            answers,
        );
        reply.superseded_by = s(&r["superseded_by"]);
        replies.push(reply);
    }
    assert!(replies.len() >= 10, "truth.json lists the replies");
    let expected: Vec<DraftRef> = serde_json::from_value(truth["drafts"].clone()).unwrap();
    mark_superseded(&mut replies);
    for r in &replies {
        let want = truth["replies"]
            .as_array()
            .unwrap()
            .iter()
            .find(|t| t["source"].as_str() == Some(r.source.as_str()))
            .unwrap();
        assert_eq!(
            r.superseded_by.as_deref(),
            want["superseded_by"].as_str(),
            "{}",
            r.source
        );
    }
    let threshold = truth["threshold"].as_f64().unwrap();
    let summary = tally(
        &replies,
        &Options {
            threshold,
            expected: Some(expected),
        },
    );
    let got = serde_json::to_value(&summary).unwrap();
    let want = &truth["tallies"];
    assert_eq!(got["member_states_replied"], want["member_states_replied"]);
    assert_eq!(got["drafts"], want["drafts"]);
    assert_eq!(got["threshold"], truth["threshold"]);
}

#[test]
fn reply_instants() {
    let mut r = reply("a", None, Some("2023-02-01"), vec![]);
    assert_eq!(
        reply_instant(&r).unwrap().to_string(),
        "2023-02-01T00:00:00Z"
    );
    r.date = Some("2023-02-01T10:00:00".into());
    assert_eq!(
        reply_instant(&r).unwrap().to_string(),
        "2023-02-01T10:00:00Z"
    );
    r.date = Some("garbage".into());
    assert_eq!(reply_instant(&r), None);
    r.date = Some("2023-02-01 (Geneva)".into());
    assert_eq!(
        reply_instant(&r).unwrap().to_string(),
        "2023-02-01T00:00:00Z"
    );
    r.date = Some("2023-€2".into());
    assert_eq!(reply_instant(&r), None);
}
