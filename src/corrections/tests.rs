use super::*;
use crate::record::Evidence;

const SHA: &str = "56f902eafbf28a3f817b67899b66885bab3f3633222707a5bc0badbb5f47d9a4";

fn states(iso3: &str) -> Option<MemberState> {
    let name = match iso3 {
        "KOR" => "Korea (Rep. of)",
        "CHE" => "Switzerland",
        _ => return None,
    };
    Some(MemberState {
        name: name.into(),
        iso3: iso3.into(),
    })
}

fn same(a: &Answer, d: &str) -> bool {
    a.draft.eq_ignore_ascii_case(d)
}

fn reply(sha: &str) -> Reply {
    Reply {
        source: "replies/kor.docx".into(),
        sha256: sha.into(),
        language: "en".into(),
        member_state: states("CHE"),
        sender: Default::default(),
        date: Some("2023-02-01".into()),
        answers: ["X.1353", "X.1644"]
            .iter()
            .map(|d| Answer {
                draft: d.to_string(),
                provisional: None,
                decision: Decision::Conflict,
                comments: None,
                text: String::new(),
                evidence: Evidence::LegacyCheckbox,
                scan: None,
            })
            .collect(),
        ..Reply::default()
    }
}

fn example() -> String {
    format!(
        r#"# corrections made by hand
[[reply]]
sha256 = "{SHA}"
source = "circ42/Reply_Circ42_KOR.docx"
member_state = "KOR"
reason = "Permanent Mission of the Republic of Korea in Geneva"
by = "SG17 secretariat"
on = "2023-02-10"

[[reply.answer]]
draft = "X.1644"
decision = "authorize"
comments = "no_comments"
reason = "confirmed by e-mail of 10 February"
"#
    )
}

#[test]
fn the_contract_example_parses() {
    let c = parse(&example(), &states).unwrap();
    assert_eq!(c.replies.len(), 1);
    let r = &c.replies[0];
    assert_eq!(r.line, 2);
    assert_eq!(r.fix.member_state, Some(states("KOR")));
    assert_eq!(r.note.by.as_deref(), Some("SG17 secretariat"));
    assert_eq!(r.answers.len(), 1);
    assert_eq!(r.answers[0].line, 10);
    assert_eq!(r.answers[0].change.decision, Some(Decision::Authorize));
    assert_eq!(r.answers[0].change.comments, Some(Comments::NoComments));
}

fn error_of(text: &str) -> (usize, String) {
    parse(text, &states).expect_err("should be refused")
}

#[test]
fn errors_name_the_line() {
    let bad_decision = example().replace("decision = \"authorize\"", "decision = \"yes\"");
    let (line, msg) = error_of(&bad_decision);
    assert_eq!(line, 12, "{msg}");
    assert!(msg.contains("yes") || msg.contains("variant"), "{msg}");

    let unknown_key = example().replace("by = \"SG17", "who = \"SG17");
    let (line, msg) = error_of(&unknown_key);
    assert_eq!(line, 7, "{msg}");
    assert!(msg.contains("who"), "{msg}");

    let (line, msg) = error_of(&example().replace("\"KOR\"", "\"XYZ\""));
    assert_eq!(line, 5, "{msg}");
    assert!(msg.contains("XYZ"), "{msg}");

    let (line, msg) = error_of(&example().replace(SHA, "abc"));
    assert_eq!(line, 3, "{msg}");

    let (line, msg) = error_of(&example().replace("on = \"2023-02-10\"", "on = \"10/02/2023\""));
    assert_eq!(line, 8, "{msg}");
    assert!(msg.contains("YYYY-MM-DD"), "{msg}");

    let (line, _) =
        error_of(&example().replace("reason = \"confirmed by e-mail of 10 February\"\n", ""));
    assert_eq!(line, 10);

    let (line, msg) = error_of("[[reply]]\nsha256 = \"x\n");
    assert_eq!(line, 2, "{msg}");
}

#[test]
fn two_entries_for_one_file_are_refused() {
    let twice = format!("{}\n{}", example(), example());
    let (line, msg) = error_of(&twice);
    assert_eq!(line, 17, "{msg}");
    assert!(msg.contains("line 2"), "{msg}");
}

#[test]
fn applied_corrections_keep_the_tools_reading() {
    let c = parse(&example(), &states).unwrap();
    let mut rs = vec![reply(SHA), reply(&"0".repeat(64))];
    let unmatched = apply(&mut rs, &c, &same);
    assert!(unmatched.is_empty(), "{unmatched:?}");
    let r = &rs[0];
    assert_eq!(r.member_state, states("KOR"));
    assert_eq!(r.answers[1].decision, Decision::Authorize);
    assert_eq!(r.answers[1].comments, Some(Comments::NoComments));
    assert_eq!(
        r.answers[0].decision,
        Decision::Conflict,
        "other draft untouched"
    );
    let fields: Vec<&str> = r.corrections.iter().map(|c| c.field.as_str()).collect();
    assert_eq!(
        fields,
        ["member_state", "X.1644.decision", "X.1644.comments"]
    );
    assert_eq!(r.corrections[0].from["iso3"], "CHE");
    assert_eq!(r.corrections[0].to["iso3"], "KOR");
    assert_eq!(r.corrections[1].from, "conflict");
    assert_eq!(
        r.corrections[1].reason,
        "confirmed by e-mail of 10 February"
    );
    assert_eq!(
        rs[1],
        reply(&"0".repeat(64)),
        "another file is never touched"
    );
}

#[test]
fn a_correction_for_a_file_not_read_is_unmatched() {
    let c = parse(&example(), &states).unwrap();
    let mut rs = vec![reply(&"1".repeat(64))];
    let unmatched = apply(&mut rs, &c, &same);
    assert_eq!(unmatched.len(), 1);
    assert_eq!(unmatched[0].line, 2);
    assert!(unmatched[0].message.contains("Reply_Circ42_KOR.docx"));
    assert!(rs[0].corrections.is_empty());
}

#[test]
fn a_draft_not_answered_is_unmatched() {
    let c = parse(&example().replace("X.1644", "X.9999"), &states).unwrap();
    let mut rs = vec![reply(SHA)];
    let unmatched = apply(&mut rs, &c, &same);
    assert_eq!(unmatched.len(), 1);
    assert_eq!(unmatched[0].line, 10);
    assert!(unmatched[0].message.contains("X.9999"));
    assert_eq!(
        rs[0].member_state,
        states("KOR"),
        "the reply's own part applies"
    );
}

#[test]
fn comments_on_a_refusal_are_not_applied() {
    let text = example().replace("decision = \"authorize\"\n", "");
    let c = parse(&text, &states).unwrap();
    let mut rs = vec![reply(SHA)];
    let unmatched = apply(&mut rs, &c, &same);
    assert_eq!(unmatched.len(), 1, "conflict + comments is refused");
    assert_eq!(rs[0].answers[1].comments, None);
}

#[test]
fn exclusion_and_none() {
    let text = example().replace(
        "member_state = \"KOR\"",
        "member_state = \"none\"\nexclude = true",
    );
    let c = parse(&text, &states).unwrap();
    let mut rs = vec![reply(SHA)];
    apply(&mut rs, &c, &same);
    assert_eq!(rs[0].member_state, None);
    assert!(rs[0].excluded);
    let json = serde_json::to_value(&rs[0]).unwrap();
    assert_eq!(json["excluded"], true);
    assert_eq!(json["corrections"][0]["to"], serde_json::Value::Null);
}

fn change(draft: Option<&str>) -> Change {
    Change {
        sha256: SHA.into(),
        source: Some("circ42/kor.docx".into()),
        answer: draft.map(|d| AnswerChange {
            draft: d.into(),
            decision: Some(Decision::NotAuthorize),
            comments: None,
            text: Some("Needs more work".into()),
        }),
        reason: "decided on the page".into(),
        ..Change::default()
    }
}

#[test]
fn the_page_writes_a_file_the_parser_reads() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("corrections.toml");
    let mut c = change(None);
    c.reply.member_state = Some("KOR".into());
    record_change(&path, &c, &states).unwrap();
    record_change(&path, &change(Some("X.1644")), &states).unwrap();
    record_change(&path, &change(Some("X.1353")), &states).unwrap();
    let read = load(&path, &states).unwrap();
    assert_eq!(read.replies.len(), 1);
    let r = &read.replies[0];
    assert_eq!(r.fix.member_state, Some(states("KOR")));
    let drafts: Vec<&str> = r.answers.iter().map(|a| a.change.draft.as_str()).collect();
    assert_eq!(drafts, ["X.1644", "X.1353"], "two decisions, neither lost");
    assert_eq!(r.answers[0].change.text.as_deref(), Some("Needs more work"));
}

#[test]
fn hand_written_comments_and_entries_stay() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("corrections.toml");
    let other = "0".repeat(64);
    let hand = format!(
        "{}\n# kept\n[[reply]]\nsha256 = \"{other}\"\nexclude = true\nreason = \"withdrawn\"\n",
        example()
    );
    std::fs::write(&path, &hand).unwrap();
    record_change(&path, &change(Some("X.1353")), &states).unwrap();
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.starts_with("# corrections made by hand\n"), "{text}");
    assert!(text.contains("# kept"), "{text}");
    let read = load(&path, &states).unwrap();
    assert_eq!(read.replies.len(), 2);
    assert_eq!(read.replies[0].answers.len(), 2);
    assert_eq!(read.replies[1].fix.exclude, Some(true));
}

#[test]
fn a_change_that_would_break_the_file_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("corrections.toml");
    std::fs::write(&path, example()).unwrap();
    let mut c = change(None);
    c.reply.member_state = Some("XYZ".into());
    let err = record_change(&path, &c, &states).unwrap_err().to_string();
    assert!(err.contains("XYZ"), "{err}");
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        example(),
        "file untouched"
    );
}
