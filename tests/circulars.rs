//! Several circulars in one run (issue 10): the fixtures of TSB Circulars 205, 310 and 77
//! (`tests/fixtures/circ205`, `circ310`, `habits`) read together, each circular tallied as a
//! run over its replies alone would tally it, into `DIR/TSB-Circular-<n>/`, with
//! `DIR/index.html` listing them; a reply whose circular cannot be told is a `decide` item and
//! counted nowhere; with one circular the files stay directly in `DIR`.

use std::fs;
use std::io::{Read as _, Write as _};
use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

use crate::common::load;
use crate::common::review_server::{copy_dir, Server};

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

/// (folder of replies, blank form) of each circular.
fn sets() -> [(&'static str, PathBuf, PathBuf); 3] {
    let f = fixtures();
    [
        (
            "205",
            f.join("circ205"),
            f.join("circ205/form/blank_circ205_en.docx"),
        ),
        (
            "310",
            f.join("circ310"),
            f.join("circ310/form/blank_circ310_en.docx"),
        ),
        (
            "77",
            f.join("habits/replies"),
            f.join("habits/form/blank_circ77_en.docx"),
        ),
    ]
}

/// `replytally run INPUTS --form F… --out OUT`; its exit code.
fn run(inputs: &[&Path], forms: &[&Path], out: &Path) -> i32 {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_replytally"));
    cmd.arg("run").args(inputs);
    for f in forms {
        cmd.arg("--form").arg(f);
    }
    let status = cmd
        .args(["--no-progress", "--out"])
        .arg(out)
        .status()
        .expect("replytally runs");
    status.code().unwrap_or(-1)
}

#[test]
fn each_circular_is_tallied_as_its_own_run() {
    let tmp = tempfile::tempdir().unwrap();
    let all = tmp.path().join("all");
    let sets = sets();
    let inputs: Vec<&Path> = sets.iter().map(|s| s.1.as_path()).collect();
    let forms: Vec<&Path> = sets.iter().map(|s| s.2.as_path()).collect();
    assert_eq!(run(&inputs, &forms, &all), 0);
    assert!(
        !all.join("summary.json").exists(),
        "several circulars: nothing tallied in DIR itself"
    );
    let index = fs::read_to_string(all.join("index.html")).expect("index.html");
    let index_json = load(&all.join("index.json"));
    assert_eq!(index_json["circulars"].as_array().unwrap().len(), 3);
    for (n, replies, form) in &sets {
        let folder = format!("TSB-Circular-{n}");
        let alone = tmp.path().join(format!("alone-{n}"));
        assert_eq!(run(&[replies], &[form], &alone), 0);
        for name in ["summary.json", "records.json", "records.csv", "summary.md"] {
            let together = fs::read(all.join(&folder).join(name)).expect(name);
            let separate = fs::read(alone.join(name)).expect(name);
            assert!(
                together == separate,
                "{folder}/{name} differs from a run over its replies alone"
            );
        }
        let summary = load(&all.join(&folder).join("summary.json"));
        let drafts = summary["drafts"].as_array().unwrap();
        assert!(!drafts.is_empty(), "{folder}: no drafts tallied");
        assert!(summary["member_states_replied"].as_u64().unwrap() > 10);
        // The index lists it, links its report and shows each draft's verdict.
        assert!(index.contains(&format!("TSB Circular {n}</a>")), "{n}");
        assert!(index.contains(&format!("href=\"{folder}/report.html\"")));
        for d in drafts {
            let draft = d["draft"].as_str().unwrap();
            assert!(index.contains(&format!("<li>{draft}: ")), "{draft}");
        }
    }
    assert!(index_json["review"].as_array().unwrap().is_empty());
}

/// A copy of `docx` with `from` replaced by `to` in its document text.
fn doctored(docx: &Path, from: &str, to: &str, into: &Path) {
    let mut zin = zip::ZipArchive::new(fs::File::open(docx).unwrap()).unwrap();
    let mut zout = zip::ZipWriter::new(fs::File::create(into).unwrap());
    for i in 0..zin.len() {
        let mut e = zin.by_index(i).unwrap();
        let name = e.name().unwrap().to_string();
        let mut bytes = Vec::new();
        e.read_to_end(&mut bytes).unwrap();
        if name == "word/document.xml" {
            let xml = String::from_utf8(bytes).unwrap();
            assert!(xml.contains(from), "{from} not in {}", docx.display());
            bytes = xml.replace(from, to).into_bytes();
        }
        zout.start_file(name, zip::write::SimpleFileOptions::default())
            .unwrap();
        zout.write_all(&bytes).unwrap();
    }
    zout.finish().unwrap();
}

fn review_of(v: &Value) -> &Vec<Value> {
    v["review"].as_array().expect("review list")
}

fn sources(records: &Value) -> Vec<&str> {
    records["replies"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["source"].as_str().unwrap())
        .collect()
}

#[test]
fn a_reply_matching_two_circulars_or_none_is_a_decide_item() {
    let tmp = tempfile::tempdir().unwrap();
    let extra = tmp.path().join("extra");
    fs::create_dir_all(&extra).unwrap();
    // Names Circular 77, answers the drafts of Circular 310: two candidates.
    let two = extra.join("Reply_two.docx");
    doctored(
        &fixtures().join("circ310/Zimbabwe_reply_Circ310.docx"),
        "TSB Circular 310",
        "TSB Circular 77",
        &two,
    );
    // A reply to Circular 205, which is not among this run's circulars: none.
    let none = extra.join("Argentina_Circ205.docx");
    fs::copy(fixtures().join("circ205/Argentina_Circ205.docx"), &none).unwrap();
    // A file that cannot be read belongs to no circular.
    let unreadable = extra.join("notes.txt");
    fs::write(&unreadable, "not a reply").unwrap();
    let [_, (_, r310, f310), (_, r77, f77)] = sets();
    let out = tmp.path().join("out");
    assert_eq!(run(&[&r310, &r77, &extra], &[&f310, &f77], &out), 1);
    let index = load(&out.join("index.json"));
    let failures = index["failures"].as_array().unwrap();
    assert_eq!(failures.len(), 1, "{failures:?}");
    assert_eq!(
        failures[0]["source"],
        unreadable.display().to_string().as_str()
    );
    let items = review_of(&index);
    let item = |src: &Path, kind: &str| {
        let src = src.display().to_string();
        items
            .iter()
            .any(|i| i["source"] == src.as_str() && i["kind"] == kind && i["severity"] == "decide")
    };
    assert!(item(&two, "circular_ambiguous"), "{items:?}");
    assert!(item(&none, "circular_unknown"), "{items:?}");
    assert!(item(&unreadable, "unreadable_unsupported"), "{items:?}");
    let html = fs::read_to_string(out.join("index.html")).unwrap();
    for (p, kind) in [(&two, "circular_ambiguous"), (&none, "circular_unknown")] {
        assert!(
            html.contains(&p.display().to_string()),
            "{p:?} in index.html"
        );
        assert!(html.contains(kind));
    }
    // Each candidate lists the ambiguous reply as a decide item; no tally includes either.
    for folder in ["TSB-Circular-310", "TSB-Circular-77"] {
        let records = load(&out.join(folder).join("records.json"));
        assert_eq!(records["failures"].as_array().unwrap().len(), 0, "{folder}");
        let listed = sources(&records);
        assert!(listed.len() > 10, "{folder}");
        for p in [&two, &none] {
            assert!(!listed.contains(&p.display().to_string().as_str()), "{p:?}");
        }
        let ambiguous: Vec<&Value> = review_of(&records)
            .iter()
            .filter(|i| i["kind"] == "circular_ambiguous")
            .collect();
        assert_eq!(ambiguous.len(), 1, "{folder}: {ambiguous:?}");
        assert_eq!(ambiguous[0]["source"], two.display().to_string().as_str());
        assert_eq!(ambiguous[0]["severity"], "decide");
        let summary = load(&out.join(folder).join("summary.json"));
        assert!(summary["review"]["decide"].as_u64().unwrap() >= 1);
    }
}

#[test]
fn one_circular_writes_into_dir_as_before() {
    let tmp = tempfile::tempdir().unwrap();
    let [(_, r205, f205), _, (_, r77, _)] = sets();
    let out = tmp.path().join("one");
    assert_eq!(run(&[&r205], &[&f205], &out), 0);
    for name in replytally::report::FILE_NAMES {
        assert!(out.join(name).is_file(), "{name} directly in DIR");
    }
    assert!(!out.join("index.html").exists());
    assert!(!out.join("TSB-Circular-205").exists());
    // Two blank forms of one circular (English and French) are still one circular.
    let forms = fixtures().join("habits/form");
    let (en, fr) = (
        forms.join("blank_circ77_en.docx"),
        forms.join("blank_circ77_fr.docx"),
    );
    let out = tmp.path().join("two-forms");
    assert_eq!(run(&[&r77], &[&en, &fr], &out), 0);
    assert!(out.join("summary.json").is_file());
    assert!(!out.join("index.html").exists());
    let records = load(&out.join("records.json"));
    let given: Vec<bool> = records["forms"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["given"].as_bool().unwrap())
        .collect();
    assert_eq!(given, [true, true]);
}

#[test]
fn the_review_page_shows_every_circular() {
    let dir = tempfile::tempdir().unwrap();
    let replies = dir.path().join("replies");
    copy_dir(&fixtures().join("circ205"), &replies.join("circ205"));
    copy_dir(&fixtures().join("circ310"), &replies.join("circ310"));
    let page = Server::start_in(dir, &[]);
    let state = |page: &Server| -> Value {
        let (status, body) = page.api("GET", "/api/state", "");
        assert_eq!(status, 200, "{body}");
        serde_json::from_str(&body).unwrap()
    };
    let s = state(&page);
    let circulars = s["circulars"].as_array().expect("circulars");
    let titles: Vec<&str> = circulars
        .iter()
        .map(|c| c["title"].as_str().unwrap())
        .collect();
    assert_eq!(titles, ["TSB Circular 205", "TSB Circular 310"]);
    for c in circulars {
        assert!(!c["summary"]["drafts"].as_array().unwrap().is_empty());
        assert!(!c["records"]["review"].as_array().unwrap().is_empty());
    }
    // A correction of a reply of the second circular is applied there.
    let r = circulars[1]["records"]["replies"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["answers"][0]["decision"] == "authorize")
        .expect("a reply authorizing its first draft");
    let (sha, draft) = (
        r["sha256"].as_str().unwrap(),
        r["answers"][0]["draft"].as_str().unwrap(),
    );
    let change = format!(
        r#"{{"sha256":"{sha}","answer":{{"draft":"{draft}","decision":"not_authorize"}},"reason":"confirmed by e-mail"}}"#
    );
    let (status, body) = page.api("POST", "/api/correct", &change);
    assert_eq!(status, 200, "{body}");
    let s = state(&page);
    let r = s["circulars"][1]["records"]["replies"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["sha256"] == sha)
        .expect("the corrected reply");
    assert_eq!(r["answers"][0]["decision"], "not_authorize");
    let page_html = page.request("GET", &format!("/?key={}", page.key), &[], b"");
    assert!(page_html.1.contains("function groups(s)"));
}

#[test]
fn what_came_in_an_email_goes_with_its_reply_circular() {
    use crate::common::build::{attachment, eml, DATE};
    let tmp = tempfile::tempdir().unwrap();
    let mail = tmp.path().join("mail");
    fs::create_dir_all(&mail).unwrap();
    let docx = fs::read(fixtures().join("circ310/Armenia_Circ310.docx")).unwrap();
    let docx_type = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    let message = eml(
        "Permanent Mission <mission@example.am>",
        DATE,
        "Reply to TSB Circular 310",
        &[
            attachment(docx_type, "Armenia_Circ310.docx", &docx),
            attachment(
                "text/plain",
                "cover.txt",
                b"Please find our reply attached.",
            ),
        ],
    );
    let eml_path = mail.join("reply.eml");
    fs::write(&eml_path, message).unwrap();
    let [(_, r205, f205), (_, _, f310), _] = sets();
    let out = tmp.path().join("out");
    assert_eq!(run(&[&r205, &mail], &[&f205, &f310], &out), 0);
    let records = load(&out.join("TSB-Circular-310/records.json"));
    let replies = records["replies"].as_array().unwrap();
    assert_eq!(replies.len(), 1, "{replies:?}");
    let source = format!("{}!Armenia_Circ310.docx", eml_path.display());
    assert_eq!(replies[0]["source"], source.as_str());
    let warnings = replies[0]["warnings"].to_string();
    assert!(warnings.contains("cover.txt"), "{warnings}");
    let index = load(&out.join("index.json"));
    assert!(index["failures"].as_array().unwrap().is_empty());
    assert!(review_of(&index).is_empty(), "{index}");
}

#[test]
fn without_blank_forms_the_numbers_the_replies_name_are_the_circulars() {
    let tmp = tempfile::tempdir().unwrap();
    // The replies to Circular 310 without their blank form, beside those to Circular 77.
    let r310 = tmp.path().join("r310");
    fs::create_dir_all(&r310).unwrap();
    for e in fs::read_dir(fixtures().join("circ310")).unwrap().flatten() {
        if e.file_type().unwrap().is_file() {
            fs::copy(e.path(), r310.join(e.file_name())).unwrap();
        }
    }
    let r77 = fixtures().join("habits/replies");
    let all = tmp.path().join("all");
    assert_eq!(run(&[&r310, &r77], &[], &all), 0);
    for (n, replies) in [("310", &r310), ("77", &r77)] {
        let alone = tmp.path().join(format!("alone-{n}"));
        assert_eq!(run(&[replies], &[], &alone), 0);
        let folder = all.join(format!("TSB-Circular-{n}"));
        for name in ["summary.json", "records.json"] {
            assert!(
                fs::read(folder.join(name)).expect(name) == fs::read(alone.join(name)).unwrap(),
                "{n}/{name} differs from a run over its replies alone"
            );
        }
    }
    assert!(fs::read_to_string(all.join("index.html"))
        .unwrap()
        .contains("TSB Circular 310</a>"));
}
