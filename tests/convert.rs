//! `--convert`: a Word 97-2003 `.doc` read through LibreOffice (given or inside an e-mail),
//! and the messages when it is not asked for or LibreOffice is missing. The conversion itself
//! needs `soffice` on the PATH and the practice set in ../shared; without them that part is
//! skipped with a reason (or fails under `REPLYTALLY_REQUIRE=1`).

use crate::common;
use std::path::{Path, PathBuf};
use std::process::Command;

use common::build::{self, attachment, legacy_doc, DATE};
use serde_json::Value;

fn run(inputs: &[PathBuf], out: &Path, extra: &[&str], path_env: Option<&str>) -> (i32, Value) {
    let tmp = out.with_extension("tmp");
    std::fs::create_dir_all(&tmp).unwrap();
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_replytally"));
    cmd.arg("run")
        .args(inputs)
        .arg("--out")
        .arg(out)
        .arg("--no-progress")
        .args(extra)
        .env("TMPDIR", &tmp);
    if let Some(p) = path_env {
        cmd.env("PATH", p);
    }
    let output = cmd.output().unwrap();
    // The temporary folders of the conversions are gone.
    let left: Vec<_> = std::fs::read_dir(&tmp).unwrap().collect();
    assert!(left.is_empty(), "left in TMPDIR: {left:?}");
    let records = serde_json::from_slice(&std::fs::read(out.join("records.json")).unwrap())
        .unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&output.stderr)));
    common::assert_no_internal(&records);
    (output.status.code().unwrap_or(-1), records)
}

fn failure<'a>(records: &'a Value, source: &str) -> &'a Value {
    records["failures"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["source"] == source)
        .unwrap_or_else(|| panic!("no failure for {source}: {records:#}"))
}

#[test]
fn without_convert_or_without_libreoffice_a_doc_is_a_failure() {
    let dir = tempfile::tempdir().unwrap();
    let doc = dir.path().join("old.doc");
    std::fs::write(&doc, legacy_doc()).unwrap();
    let source = doc.to_string_lossy().into_owned();

    let (code, records) = run(
        std::slice::from_ref(&doc),
        &dir.path().join("out1"),
        &[],
        None,
    );
    assert_eq!(code, 1);
    let f = failure(&records, &source);
    assert_eq!(f["kind"], "legacy_doc");
    assert_eq!(
        f["message"],
        "a Word 97-2003 .doc file: open it in Word or LibreOffice and save it as .docx, then run again"
    );

    // An empty folder as the whole PATH: no soffice.
    let empty = dir.path().join("nothing-here");
    std::fs::create_dir(&empty).unwrap();
    let (code, records) = run(
        &[doc],
        &dir.path().join("out2"),
        &["--convert"],
        Some(&empty.to_string_lossy()),
    );
    assert_eq!(code, 1);
    let f = failure(&records, &source);
    assert_eq!(f["kind"], "legacy_doc");
    let message = f["message"].as_str().unwrap();
    assert!(message.contains("LibreOffice was not found"), "{message}");
    assert!(message.starts_with("a Word 97-2003 .doc file"), "{message}");
}

#[test]
fn convert_reads_a_doc_with_libreoffice() {
    let Some(poland) = common::shared("replies/circ42/Poland_reply_circ42.doc") else {
        return;
    };
    // The program's own search for LibreOffice, not the test's.
    if replytally::intake::convert::find_soffice().is_none() {
        return common::skip(
            "LibreOffice (soffice)",
            "not found; install libreoffice-writer-nogui",
        );
    }
    let dir = tempfile::tempdir().unwrap();
    let doc_bytes = std::fs::read(&poland).unwrap();
    let doc = dir.path().join("Poland reply.doc");
    std::fs::write(&doc, &doc_bytes).unwrap();
    // The same file attached to an e-mail: converted from the bytes held in memory.
    let eml = dir.path().join("mail.eml");
    let mail = build::eml(
        "delegation@example.pl",
        DATE,
        "reply",
        &[attachment("application/msword", "reply.doc", &doc_bytes)],
    );
    std::fs::write(&eml, mail).unwrap();
    let (code, records) = run(
        &[doc.clone(), eml.clone()],
        &dir.path().join("out"),
        &["--convert", "--jobs", "2"],
        None,
    );
    assert_eq!(code, 0, "{records:#}");
    let replies = records["replies"].as_array().unwrap();
    let sources: Vec<&str> = replies
        .iter()
        .map(|r| r["source"].as_str().unwrap())
        .collect();
    let from_mail = format!("{}!reply.doc", eml.to_string_lossy());
    assert_eq!(
        sources,
        [doc.to_string_lossy().as_ref(), from_mail.as_str()]
    );
    for r in replies {
        assert_eq!(r["member_state"]["iso3"], "POL");
        assert_eq!(r["language"], "en");
        assert_eq!(r["answers"].as_array().unwrap().len(), 11);
        // The digest of the file received, not of LibreOffice's output.
        assert_eq!(
            r["sha256"],
            replytally::pipeline::sha256_hex(&doc_bytes).as_str()
        );
        let warnings = r["warnings"].as_array().unwrap();
        assert!(
            warnings
                .iter()
                .any(|w| w == replytally::intake::convert::CONVERTED_WARNING),
            "{warnings:?}"
        );
    }
}
