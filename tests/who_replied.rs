//! Who replied, as a user sees it in `records.json` and `summary.json`: a letterhead that is
//! only in the page header (`word/header1.xml`) tells the Member State, a header part no
//! section shows does not, and a Permanent Mission writing from Geneva neither becomes
//! Switzerland nor replaces Switzerland's own reply.

use std::io::Read;
use std::path::Path;
use std::process::Command;

use serde_json::Value;

use crate::common::build::zip_of;
use crate::common::load;

/// A package's parts: (name, bytes) each, in order.
type Parts = Vec<(String, Vec<u8>)>;

fn fixture(name: &str) -> Parts {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/habits/replies")
        .join(name);
    let bytes = std::fs::read(&path).unwrap();
    let mut z = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    (0..z.len())
        .map(|i| {
            let mut f = z.by_index(i).unwrap();
            let mut data = Vec::new();
            f.read_to_end(&mut data).unwrap();
            (f.name().unwrap().to_string(), data)
        })
        .collect()
}

/// The package with `from` replaced by `to` in `part` (which must contain it).
fn edit(entries: &mut [(String, Vec<u8>)], part: &str, from: &str, to: &str) {
    let (_, data) = entries.iter_mut().find(|(n, _)| n == part).unwrap();
    let text = String::from_utf8(data.clone()).unwrap();
    assert!(text.contains(from), "{part} has {from:?}");
    *data = text.replace(from, to).into_bytes();
}

/// Runs `replytally run` on the files given (name, package) and returns records.json and
/// summary.json.
fn run(files: &[(&str, Parts)]) -> (Value, Value) {
    let dir = tempfile::tempdir().unwrap();
    let replies = dir.path().join("replies");
    std::fs::create_dir(&replies).unwrap();
    for (name, entries) in files {
        std::fs::write(replies.join(name), zip_of(entries)).unwrap();
    }
    let out = dir.path().join("out");
    let status = Command::new(env!("CARGO_BIN_EXE_replytally"))
        .arg("run")
        .arg(&replies)
        .args(["--no-progress", "--out"])
        .arg(&out)
        .status()
        .unwrap();
    assert_eq!(status.code(), Some(0));
    (
        load(&out.join("records.json")),
        load(&out.join("summary.json")),
    )
}

fn reply<'a>(records: &'a Value, name: &str) -> &'a Value {
    records["replies"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["source"].as_str().unwrap().ends_with(name))
        .unwrap_or_else(|| panic!("{name} in records.json"))
}

fn iso3(r: &Value) -> Option<&str> {
    r["member_state"]["iso3"].as_str()
}

fn warnings(r: &Value) -> Vec<String> {
    r["warnings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|w| w.as_str().unwrap_or_default().to_string())
        .collect()
}

const LETTERHEAD: &str = "Australian Government</w:t>";

#[test]
fn a_letterhead_only_in_the_page_header_tells_the_member_state() {
    // The reply's From block names a department and a street, no country; the page header
    // (word/header1.xml, shown by the section) carries the letterhead.
    let australia = fixture("Circ77_reply_DITRDCSA.docx");
    let mut kenya = australia.clone();
    edit(
        &mut kenya,
        "word/header1.xml",
        LETTERHEAD,
        "Republic of Kenya</w:t>",
    );
    edit(
        &mut kenya,
        "word/header1.xml",
        "Department of Infrastructure, Transport, Regional Development, Communications, Sport and the Arts",
        "Communications Authority",
    );
    let mut unshown = kenya.clone();
    edit(
        &mut unshown,
        "word/document.xml",
        r#"<w:headerReference w:type="default" r:id="rId10"/>"#,
        "",
    );
    let (records, _) = run(&[
        ("reply_a.docx", australia),
        ("reply_b.docx", kenya),
        ("reply_c.docx", unshown),
    ]);
    let a = reply(&records, "reply_a.docx");
    assert_eq!(iso3(a), Some("AUS"));
    assert!(
        !warnings(a).iter().any(|w| w.contains("told only by")),
        "the letterhead is a strong source: {:?}",
        warnings(a)
    );
    assert_eq!(iso3(reply(&records, "reply_b.docx")), Some("KEN"));
    // A header part that no section shows is not the reply's letterhead.
    assert_ne!(iso3(reply(&records, "reply_c.docx")), Some("KEN"));
}

#[test]
fn a_permanent_mission_is_its_state_and_does_not_replace_switzerland() {
    let korea = fixture("Reply_Circ77_KoreaRep.docx");
    // Switzerland's own reply: the same form, sent by OFCOM from a Swiss address.
    let mut swiss = korea.clone();
    edit(
        &mut swiss,
        "word/document.xml",
        "Permanent Mission of the Republic of Korea to the United Nations Office and other international organizations in Geneva",
        "Federal Office of Communications OFCOM",
    );
    let (records, summary) = run(&[("mission_reply.docx", korea), ("swiss_reply.docx", swiss)]);
    let k = reply(&records, "mission_reply.docx");
    let s = reply(&records, "swiss_reply.docx");
    assert_eq!(iso3(k), Some("KOR"), "{:?}", warnings(k));
    assert_eq!(iso3(s), Some("CHE"), "{:?}", warnings(s));
    for r in [k, s] {
        assert!(r["superseded_by"].is_null(), "{}", r["source"]);
    }
    assert_eq!(summary["member_states_replied"], 2);
}
