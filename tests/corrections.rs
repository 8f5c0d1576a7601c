//! The corrections file, as a person writes it by hand and as `run` applies it: every output
//! shows the corrected values and that they were corrected; a bad file stops the run with its
//! line named and nothing written; a correction that matches nothing is a `decide` item; the
//! same decisions made on the review page give the same outputs.

use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

use crate::common::{load, review_server::Server};

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn form() -> PathBuf {
    root().join("tests/fixtures/circ205/form/blank_circ205_en.docx")
}

/// A copy of circ205 in a fresh folder.
fn copy_of_circ205() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let to = dir.path().join("replies");
    std::fs::create_dir_all(&to).unwrap();
    for e in std::fs::read_dir(root().join("tests/fixtures/circ205")).unwrap() {
        let e = e.unwrap();
        if e.file_type().unwrap().is_file() {
            std::fs::copy(e.path(), to.join(e.file_name())).unwrap();
        }
    }
    dir
}

/// `replytally run DIR/replies --form … --out DIR/OUT`: (exit code, stderr).
fn run(dir: &Path, out: &str) -> (i32, String) {
    let o = Command::new(env!("CARGO_BIN_EXE_replytally"))
        .arg("run")
        .arg(dir.join("replies"))
        .arg("--form")
        .arg(form())
        .args(["--no-progress", "--out"])
        .arg(dir.join(out))
        .output()
        .unwrap();
    (
        o.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&o.stderr).into(),
    )
}

fn reply<'a>(records: &'a Value, file: &str) -> &'a Value {
    records["replies"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["source"].as_str().unwrap().ends_with(file))
        .unwrap_or_else(|| panic!("{file} read"))
}

fn draft_row<'a>(summary: &'a Value, draft: &str) -> &'a Value {
    summary["drafts"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["draft"] == draft)
        .unwrap()
}

/// Chile's conflict on E.118.1 settled, Kenya's reply excluded, by hand.
fn hand_file(records: &Value) -> String {
    let chile = reply(records, "Chile_reply_Circ205.docx")["sha256"]
        .as_str()
        .unwrap()
        .to_string();
    let kenya = reply(records, "Kenya_reply_circ205.docx")["sha256"]
        .as_str()
        .unwrap()
        .to_string();
    format!(
        r#"# settled with the Member States
[[reply]]
sha256 = "{chile}"
source = "Chile_reply_Circ205.docx"
reason = "asked the Administration"

[[reply.answer]]
draft = "E.118.1"
decision = "not_authorize"
text = "Confirmed by e-mail: does not authorize."
reason = "confirmed by e-mail of 20 February"

[[reply]]
sha256 = "{kenya}"
exclude = true
reason = "withdrawn by the Administration"
"#
    )
}

fn document_xml(docx: &Path) -> String {
    use std::io::Read as _;
    let mut z = zip::ZipArchive::new(std::fs::File::open(docx).unwrap()).expect("a zip");
    let mut s = String::new();
    z.by_name("word/document.xml")
        .unwrap()
        .read_to_string(&mut s)
        .unwrap();
    s
}

#[test]
fn hand_written_corrections_show_in_every_output() {
    let dir = copy_of_circ205();
    assert_eq!(run(dir.path(), "before").0, 0);
    let before = load(&dir.path().join("before/records.json"));
    let before_sum = load(&dir.path().join("before/summary.json"));
    assert_eq!(draft_row(&before_sum, "E.118.1")["conflict"], 1);
    let conflict = before["review"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["kind"] == "conflict");
    assert_eq!(
        conflict.expect("the conflict is listed")["severity"],
        "decide"
    );
    assert!(before_sum["review"]["decide"].as_u64().unwrap() > 0);

    std::fs::write(
        dir.path().join("replies/corrections.toml"),
        hand_file(&before),
    )
    .unwrap();
    let (code, err) = run(dir.path(), "after");
    assert_eq!(
        code, 0,
        "the corrections file is not read as a reply: {err}"
    );
    let after = load(&dir.path().join("after/records.json"));
    let sum = load(&dir.path().join("after/summary.json"));

    let chile = reply(&after, "Chile_reply_Circ205.docx");
    let e118 = chile["answers"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["draft"] == "E.118.1")
        .unwrap();
    assert_eq!(e118["decision"], "not_authorize");
    assert_eq!(e118["text"], "Confirmed by e-mail: does not authorize.");
    let fields: Vec<&str> = chile["corrections"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["field"].as_str().unwrap())
        .collect();
    assert_eq!(fields, ["E.118.1.decision", "E.118.1.text"]);
    assert_eq!(
        chile["corrections"][0]["from"], "conflict",
        "the tool's own reading is kept"
    );
    assert_eq!(reply(&after, "Kenya_reply_circ205.docx")["excluded"], true);

    let row = draft_row(&sum, "E.118.1");
    let was = draft_row(&before_sum, "E.118.1");
    assert_eq!(row["conflict"], 0);
    assert_eq!(
        sum["member_states_replied"].as_u64(),
        before_sum["member_states_replied"].as_u64().map(|n| n - 1)
    );
    assert_ne!(row, was);
    let settled = after["review"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["kind"] == "conflict")
        .unwrap();
    assert_eq!(
        settled["resolved"], true,
        "the conflict stays listed, as resolved"
    );
    assert!(sum["review"]["resolved"].as_u64().unwrap() >= 1);

    let md = std::fs::read_to_string(dir.path().join("after/summary.md")).unwrap();
    assert!(
        md.contains("## Readings corrected") && md.contains("confirmed by e-mail of 20 February"),
        "{md}"
    );
    assert!(md.contains("excluded by a correction"), "{md}");
    let html = std::fs::read_to_string(dir.path().join("after/report.html")).unwrap();
    assert!(
        html.contains("Readings corrected") && html.contains("withdrawn by the Administration")
    );
    let annex = document_xml(&dir.path().join("after/annex.docx"));
    assert!(
        annex.contains("Readings corrected by the secretariat"),
        "the annex lists them"
    );
    assert!(annex.contains("confirmed by e-mail of 20 February"));
}

#[test]
fn a_bad_corrections_file_names_its_line_and_writes_nothing() {
    let dir = copy_of_circ205();
    let bad = "[[reply]]\nsha256 = \"00\"\nreason = \"x\"\n";
    std::fs::write(dir.path().join("replies/corrections.toml"), bad).unwrap();
    let (code, err) = run(dir.path(), "out");
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("line 2") && err.contains("sha256"), "{err}");
    assert!(!dir.path().join("out").exists(), "nothing written");

    let unknown = "[[reply]]\nsha256 = \"00\"\nreason = \"x\"\ncolour = \"red\"\n";
    std::fs::write(dir.path().join("replies/corrections.toml"), unknown).unwrap();
    let (code, err) = run(dir.path(), "out");
    assert_eq!(code, 2);
    assert!(err.contains("line 4") && err.contains("colour"), "{err}");
}

#[test]
fn a_correction_that_matches_nothing_is_a_decide_item() {
    let dir = copy_of_circ205();
    let gone = format!(
        "[[reply]]\nsha256 = \"{}\"\nsource = \"gone.docx\"\nexclude = true\nreason = \"x\"\n",
        "ab".repeat(32)
    );
    std::fs::write(dir.path().join("replies/corrections.toml"), gone).unwrap();
    assert_eq!(run(dir.path(), "out").0, 0);
    let records = load(&dir.path().join("out/records.json"));
    let item = records["review"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["kind"] == "correction_unmatched");
    let item = item.expect("listed");
    assert_eq!(item["severity"], "decide");
    assert!(item["message"].as_str().unwrap().contains("gone.docx"));
}

/// Outputs without the dates a correction was made on (the page stamps today's date).
fn without_dates(mut v: Value) -> Value {
    for r in v["replies"].as_array_mut().unwrap() {
        for c in r["corrections"].as_array_mut().into_iter().flatten() {
            c["on"] = Value::Null;
            c["by"] = Value::Null;
        }
    }
    v
}

#[test]
fn the_page_and_a_hand_written_file_give_the_same_outputs() {
    let hand = copy_of_circ205();
    assert_eq!(run(hand.path(), "before").0, 0);
    let before = load(&hand.path().join("before/records.json"));
    std::fs::write(
        hand.path().join("replies/corrections.toml"),
        hand_file(&before),
    )
    .unwrap();
    assert_eq!(run(hand.path(), "out").0, 0);

    let f = form().display().to_string();
    let page = Server::start(Some("circ205"), &["--form", &f]);
    let chile = reply(&before, "Chile_reply_Circ205.docx")["sha256"]
        .as_str()
        .unwrap()
        .to_string();
    let kenya = reply(&before, "Kenya_reply_circ205.docx")["sha256"]
        .as_str()
        .unwrap()
        .to_string();
    let changes = [
        format!(
            r#"{{"sha256":"{chile}","source":"Chile_reply_Circ205.docx","answer":{{"draft":"E.118.1","decision":"not_authorize","text":"Confirmed by e-mail: does not authorize."}},"reason":"confirmed by e-mail of 20 February"}}"#
        ),
        format!(
            r#"{{"sha256":"{kenya}","reply":{{"exclude":true}},"reason":"withdrawn by the Administration"}}"#
        ),
    ];
    for c in &changes {
        let (status, body) = page.api("POST", "/api/correct", c);
        assert_eq!(status, 200, "{body}");
    }
    let out = page.dir.path().join("out");
    let o = Command::new(env!("CARGO_BIN_EXE_replytally"))
        .arg("run")
        .arg(page.replies())
        .arg("--form")
        .arg(form())
        .args(["--no-progress", "--out"])
        .arg(&out)
        .output()
        .unwrap();
    assert!(o.status.success());
    let mut a = load(&hand.path().join("out/summary.json"));
    let mut b = load(&out.join("summary.json"));
    // The page's copy also holds the blank form's folder: one more input, the same tally.
    a["generated_by"] = Value::Null;
    b["generated_by"] = Value::Null;
    assert_eq!(a, b, "the same tally and review counts");
    let strip_sources = |mut v: Value| {
        // The two copies live in different folders.
        let s = serde_json::to_string(&v).unwrap();
        let hand_dir = hand.path().join("replies").display().to_string();
        let page_dir = page.replies().display().to_string();
        v = serde_json::from_str(
            &s.replace(&hand_dir, "REPLIES")
                .replace(&page_dir, "REPLIES"),
        )
        .unwrap();
        v
    };
    let ra = without_dates(strip_sources(load(&hand.path().join("out/records.json"))));
    let rb = without_dates(strip_sources(load(&out.join("records.json"))));
    assert_eq!(ra["replies"], rb["replies"]);
    assert_eq!(ra["review"], rb["review"]);
}
