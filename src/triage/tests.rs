use super::*;
use crate::record::{Answer, Correction, Evidence, MemberState, Reply};
use crate::warning::Warning;

fn reply(source: &str, iso3: Option<&str>) -> Reply {
    Reply {
        source: source.into(),
        sha256: format!("{:0>64}", source.len()),
        language: "en".into(),
        member_state: iso3.map(|i| MemberState {
            name: i.into(),
            iso3: i.into(),
        }),
        sender: Default::default(),
        date: Some("2023-02-01".into()),
        answers: ["X.1", "X.2", "X.3"]
            .iter()
            .map(|d| Answer::authorized(d, Evidence::Highlight))
            .collect(),
        ..Reply::default()
    }
}

fn records(replies: Vec<Reply>) -> Records {
    Records {
        schema: crate::record::RECORDS_SCHEMA.into(),
        replies,
        failures: Vec::new(),
        forms: Vec::new(),
        review: Vec::new(),
        skipped: Vec::new(),
    }
}

#[test]
fn one_item_per_reply_and_cause() {
    let mut r = reply("a.docx", Some("FRA"));
    for d in ["X.1", "X.2", "X.3"] {
        r.warnings.push(Warning::on_draft(
            WarningKind::DecisionFromEmphasis,
            d,
            format!("{d}: no box is marked; the decision was read from highlighting"),
        ));
    }
    r.warnings.push(Warning::new(
        WarningKind::TrackedChanges,
        "tracked changes were present",
    ));
    let items = review_list(&records(vec![r]), &[], None);
    assert_eq!(items.len(), 2, "{items:#?}");
    assert_eq!(items[0].kind, "decision_from_emphasis");
    assert_eq!(items[0].severity, Severity::Check);
    assert_eq!(items[0].drafts, ["X.1", "X.2", "X.3"]);
    assert_eq!(
        items[0].message,
        "X.1, X.2, X.3: no box is marked; the decision was read from highlighting"
    );
    assert_eq!(items[1].severity, Severity::Note);
}

#[test]
fn one_item_keeps_each_drafts_own_reading() {
    let mut r = reply("a.docx", Some("NGA"));
    for (d, line) in [
        ("X.1", "authorizes"),
        ("X.2", "does not authorize"),
        ("X.3", "authorizes"),
    ] {
        r.warnings.push(Warning::on_draft(
            WarningKind::DecisionFromDeletion,
            d,
            format!("{d}: no box is marked; only the '{line}' line is left"),
        ));
    }
    let items = review_list(&records(vec![r]), &[], None);
    assert_eq!(items.len(), 1, "{items:#?}");
    assert_eq!(
        items[0].message,
        "X.1, X.3: no box is marked; only the 'authorizes' line is left; X.2: no box is marked; only the 'does not authorize' line is left"
    );
}

#[test]
fn conflicts_and_unknown_senders_are_decide_first() {
    let mut a = reply("a.docx", Some("FRA"));
    a.warnings
        .push(Warning::new(WarningKind::TrackedChanges, "tracked changes"));
    let mut b = reply("b.docx", None);
    b.answers[1].decision = Decision::Conflict;
    let items = review_list(&records(vec![a, b]), &[], None);
    let kinds: Vec<(&str, Severity)> = items
        .iter()
        .map(|i| (i.kind.as_str(), i.severity))
        .collect();
    assert_eq!(
        kinds,
        [
            ("no_member_state", Severity::Decide),
            ("conflict", Severity::Check),
            ("tracked_changes", Severity::Note)
        ],
        "a conflict on a reply nobody can count waits for its sender: {items:#?}"
    );
}

#[test]
fn a_conflict_on_a_counted_reply_is_decide_and_a_correction_resolves_it() {
    let mut r = reply("a.docx", Some("FRA"));
    r.answers[0].decision = Decision::Conflict;
    let items = review_list(&records(vec![r.clone()]), &[], None);
    assert_eq!(items.len(), 1);
    assert_eq!(
        (items[0].severity, items[0].resolved),
        (Severity::Decide, false)
    );
    r.corrections.push(Correction {
        field: "X.1.decision".into(),
        from: "conflict".into(),
        to: "authorize".into(),
        reason: "asked".into(),
        by: None,
        on: None,
    });
    r.answers[0].decision = Decision::Authorize;
    let items = review_list(&records(vec![r]), &[], None);
    assert!(items.iter().all(|i| i.resolved), "{items:#?}");
    let c = counts(&items);
    assert_eq!((c.decide, c.resolved), (0, items.len()));
}

#[test]
fn a_weak_duplicate_is_decide_a_plain_one_a_note() {
    let mut old = reply("old.docx", Some("FRA"));
    old.superseded_by = Some("new.docx".into());
    let new = reply("new.docx", Some("FRA"));
    let items = review_list(&records(vec![old.clone(), new.clone()]), &[], None);
    assert_eq!(items.len(), 1);
    assert_eq!(
        (items[0].kind.as_str(), items[0].severity),
        ("superseded", Severity::Note)
    );
    let mut weak = new;
    weak.warnings.push(Warning::new(
        WarningKind::StateFromFileName,
        "told by the file name",
    ));
    let items = review_list(&records(vec![old, weak]), &[], None);
    let dup = items
        .iter()
        .find(|i| i.kind == "duplicate_weak")
        .expect("listed");
    assert_eq!(dup.severity, Severity::Decide);
    assert_eq!(dup.source, "old.docx");
}

#[test]
fn late_by_a_day_is_decide_by_a_month_a_note() {
    let deadline: jiff::Timestamp = "2023-01-31T23:59:00Z".parse().unwrap();
    let mut r = reply("a.docx", Some("FRA"));
    r.late = true;
    let items = review_list(&records(vec![r.clone()]), &[], Some(deadline));
    assert_eq!(
        (items[0].kind.as_str(), items[0].severity),
        ("late_near_deadline", Severity::Decide)
    );
    r.date = Some("2023-03-01".into());
    let items = review_list(&records(vec![r]), &[], Some(deadline));
    assert_eq!(
        (items[0].kind.as_str(), items[0].severity),
        ("late", Severity::Note)
    );
}

#[test]
fn unmatched_corrections_and_unreadable_files_are_decide() {
    let mut recs = records(vec![]);
    recs.failures.push(crate::record::Failure {
        source: "x.doc".into(),
        kind: crate::record::FailureKind::LegacyDoc,
        message: "save it as .docx".into(),
    });
    let u = Unmatched {
        line: 3,
        sha256: "a".repeat(64),
        source: Some("gone.docx".into()),
        message: "no file".into(),
    };
    let items = review_list(&recs, &[u], None);
    let kinds: Vec<&str> = items.iter().map(|i| i.kind.as_str()).collect();
    assert_eq!(kinds, ["unreadable_legacy_doc", "correction_unmatched"]);
    assert!(items
        .iter()
        .all(|i| i.severity == Severity::Decide && !i.resolved));
    assert!(items[1].message.contains("line 3"));
}

#[test]
fn one_cause_seen_twice_is_one_item() {
    let mut r = reply("a.docx", Some("FRA"));
    let w = |k, d: &str, t: &str| Warning::on_draft(k, d, format!("{d}: {t}"));
    for d in ["X.1", "X.2"] {
        r.warnings
            .push(w(WarningKind::UnreadableMark, d, "mark not read"));
        r.warnings.push(w(WarningKind::NoOption, d, "no option"));
    }
    r.warnings
        .push(w(WarningKind::NoOption, "X.3", "no option"));
    r.warnings.push(Warning::new(
        WarningKind::UnreadControl,
        "symbol Wingdings F06C is not known",
    ));
    r.warnings
        .push(w(WarningKind::DraftNotOnForm, "X.9", "not on the form"));
    r.warnings
        .push(w(WarningKind::DraftMissing, "X.4", "not found"));
    let items = review_list(&records(vec![r.clone()]), &[], None);
    let kinds: Vec<(&str, &[String])> = items
        .iter()
        .map(|i| (i.kind.as_str(), i.drafts.as_slice()))
        .collect();
    assert_eq!(
        kinds,
        [
            ("unreadable_mark", &["X.1".to_string(), "X.2".into()][..]),
            ("no_option", &["X.3".to_string()][..]),
            ("draft_missing", &["X.4".to_string(), "X.9".into()][..]),
        ],
        "{items:#?}"
    );
    assert!(items.iter().all(|i| i.severity == Severity::Decide));
    assert!(
        items[0].message.contains("Wingdings F06C"),
        "{}",
        items[0].message
    );
    assert!(
        items[2].message.contains("names X.9 instead"),
        "{}",
        items[2].message
    );

    // Correcting the form's draft settles the pair.
    r.corrections.push(Correction {
        field: "X.4.decision".into(),
        from: "no_reply".into(),
        to: "authorize".into(),
        reason: "the reply's X.9 is X.4".into(),
        by: None,
        on: None,
    });
    let items = review_list(&records(vec![r]), &[], None);
    assert!(items
        .iter()
        .any(|i| i.kind == "draft_missing" && i.resolved));
}

#[test]
fn a_date_order_that_crosses_the_deadline_is_decide() {
    let mut r = reply("a.docx", Some("FRA"));
    r.date = Some("2026-03-02".into());
    r.warnings.push(Warning::new(
        WarningKind::DateOrder,
        "the date '02/03/2026' could be day/month or month/day",
    ));
    let at = |s: &str| format!("{s}T00:00:00Z").parse::<jiff::Timestamp>().ok();
    let far = review_list(&records(vec![r.clone()]), &[], at("2026-03-20"));
    assert_eq!(far[0].severity, Severity::Note, "{far:#?}");
    let near = review_list(&records(vec![r]), &[], at("2026-02-10"));
    assert_eq!(near.len(), 1, "{near:#?}");
    assert_eq!(near[0].severity, Severity::Decide);
    assert!(
        near[0].message.contains("2026-02-03"),
        "{}",
        near[0].message
    );
}

#[test]
fn a_reply_with_no_date_is_one_item() {
    let mut r = reply("a.docx", Some("FRA"));
    r.date = None;
    r.warnings.push(Warning::new(
        WarningKind::NoDate,
        "no date found on the form",
    ));
    r.warnings.push(Warning::new(
        WarningKind::Undated,
        "reply has no date: it could not be checked against the deadline",
    ));
    let items = review_list(&records(vec![r]), &[], None);
    let kinds: Vec<&str> = items.iter().map(|i| i.kind.as_str()).collect();
    assert_eq!(kinds, ["undated"], "{items:#?}");
}
