//! Nothing lost, and the same bytes every time: a folder of a few hundred mixed inputs (the
//! sample replies under many names, every kind of failure, e-mails with and without replies,
//! zips, nested zips, duplicates) built in a temporary directory and run through the real
//! binary.
//!
//! - every file given appears in `records.json` as a reply or a failure, and every file inside
//!   an e-mail or a zip as a reply, a failure or a warning naming it; exit status 1; every
//!   output file written, no temporary file left;
//! - the output files are byte-identical with `--jobs 1`, `--jobs 2` and from run to run.

use crate::common;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

use common::build::{
    self, attachment, encrypted_package, legacy_doc_with_table, text_body, zip_of, DATE,
};
use serde_json::Value;

fn samples() -> Vec<(String, Vec<u8>)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("samples");
    let mut out: Vec<(String, Vec<u8>)> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "docx"))
        .map(|p| {
            (
                p.file_name().unwrap().to_string_lossy().into_owned(),
                std::fs::read(&p).unwrap(),
            )
        })
        .collect();
    out.sort();
    assert!(out.len() >= 5, "samples/ should hold the sample replies");
    out
}

/// An e-mail with a text body and these attachments.
fn eml(from: &str, attachments: &[(String, Vec<u8>)]) -> Vec<u8> {
    let mut parts = vec![text_body("Dear TSB, please find our reply attached.")];
    parts.extend(
        attachments
            .iter()
            .map(|(name, data)| attachment("application/octet-stream", name, data)),
    );
    build::eml(from, DATE, "Reply to TSB Circular 117", &parts).into_bytes()
}

/// A Word document that is not a reply form (a cover letter).
fn cover_letter() -> Vec<u8> {
    zip_of(&[
        (
            "[Content_Types].xml".to_string(),
            br#"<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>"#.to_vec(),
        ),
        (
            "word/document.xml".to_string(),
            br#"<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>Dear Director, we are pleased to send our reply.</w:t></w:r></w:p></w:body></w:document>"#.to_vec(),
        ),
    ])
}

/// Deterministic pseudo-random bytes.
fn noise(seed: u64, len: usize) -> Vec<u8> {
    let mut x = seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1;
    (0..len)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            (x >> 24) as u8
        })
        .collect()
}

/// What a file put in the folder must become.
#[derive(Debug, Clone)]
enum Expect {
    /// A reply or a failure (whatever the form reader makes of a sample).
    Accounted,
    Failure(&'static str),
    /// A container: each member must be a reply, a failure or a warning naming it.
    Container(Vec<String>),
}

/// Build the folder: `copies` sets the size (each set is about 30 files).
fn build(root: &Path, copies: usize) -> BTreeMap<PathBuf, Expect> {
    let samples = samples();
    let good = &samples[0].1;
    let mut files: BTreeMap<PathBuf, (Vec<u8>, Expect)> = BTreeMap::new();
    let mut put = |rel: String, data: Vec<u8>, expect: Expect| {
        files.insert(root.join(rel), (data, expect));
    };
    let legacy = legacy_doc_with_table();
    let encrypted = encrypted_package();
    let odt = zip_of(&[
        (
            "mimetype".to_string(),
            b"application/vnd.oasis.opendocument.text".to_vec(),
        ),
        ("content.xml".to_string(), b"<x/>".to_vec()),
    ]);
    let mut corrupt_zip = good.clone();
    let len = corrupt_zip.len();
    for b in &mut corrupt_zip[len - 200..] {
        *b = 0;
    }
    for n in 0..copies {
        // The samples under varied names and folders.
        for (i, (name, data)) in samples.iter().enumerate() {
            let stem = name.trim_end_matches(".docx");
            let rel = match (n + i) % 5 {
                0 => format!("batch{n}/{name}"),
                1 => format!("batch{n}/sub folder/{stem} (copy {n}).docx"),
                2 => format!("batch{n}/réponses/{stem}_{n}.DOCX"),
                3 => format!("batch{n}/{stem}-{n}.docm"),
                _ => format!("batch{n}/deep/a/b/{stem}.dotx"),
            };
            put(rel, data.clone(), Expect::Accounted);
        }
        // Each kind of failure.
        put(
            format!("batch{n}/failures/old-{n}.doc"),
            legacy.clone(),
            Expect::Failure("legacy_doc"),
        );
        put(
            format!("batch{n}/failures/disguised-{n}.docx"),
            legacy.clone(),
            Expect::Failure("legacy_doc"),
        );
        put(
            format!("batch{n}/failures/protected-{n}.docx"),
            encrypted.clone(),
            Expect::Failure("encrypted"),
        );
        put(
            format!("batch{n}/failures/scan-{n}.pdf"),
            b"%PDF-1.7\n%\xE2\xE3\xCF\xD3\n1 0 obj\n<<>>\nendobj\n".to_vec(),
            Expect::Failure("pdf"),
        );
        put(
            format!("batch{n}/failures/pdf-named-{n}.docx"),
            b"%PDF-1.4\n1 0 obj".to_vec(),
            Expect::Failure("pdf"),
        );
        put(
            format!("batch{n}/failures/broken-{n}.zip"),
            b"PK\x03\x04garbage that is not a zip".to_vec(),
            Expect::Failure("corrupt"),
        );
        put(
            format!("batch{n}/failures/cut-{n}.docx"),
            good[..good.len() / 2].to_vec(),
            Expect::Failure("corrupt"),
        );
        put(
            format!("batch{n}/failures/zeroed-{n}.docx"),
            corrupt_zip.clone(),
            Expect::Accounted,
        );
        put(
            format!("batch{n}/failures/text-{n}.odt"),
            odt.clone(),
            Expect::Failure("unsupported"),
        );
        put(
            format!("batch{n}/failures/letter-{n}.docx"),
            cover_letter(),
            Expect::Failure("not_a_reply_form"),
        );
        put(
            format!("batch{n}/failures/noise-{n}.bin"),
            noise(n as u64, 3000),
            Expect::Failure("unsupported"),
        );
        put(
            format!("batch{n}/failures/noise-{n}.docx"),
            noise(n as u64 + 1000, 3000),
            Expect::Failure("corrupt"),
        );
        put(
            format!("batch{n}/failures/empty-{n}.docx"),
            Vec::new(),
            Expect::Failure("corrupt"),
        );
        // E-mails: a reply with a cover letter and a logo; only a cover letter.
        let (name, data) = &samples[n % samples.len()];
        let members = vec![
            (name.clone(), data.clone()),
            ("Cover letter.docx".to_string(), cover_letter()),
            (
                "logo.png".to_string(),
                b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec(),
            ),
        ];
        let names = members.iter().map(|(n, _)| n.clone()).collect();
        put(
            format!("batch{n}/mail/reply-{n}.eml"),
            eml("delegate@example.org", &members),
            Expect::Container(names),
        );
        put(
            format!("batch{n}/mail/cover-only-{n}.eml"),
            eml(
                "delegate@example.org",
                &[("Cover letter.docx".to_string(), cover_letter())],
            ),
            Expect::Failure("not_a_reply_form"),
        );
        // A zip of replies with a stray text file, and a zip inside a zip.
        let (name2, data2) = &samples[(n + 1) % samples.len()];
        let members = vec![
            (format!("replies/{name}"), data.clone()),
            (format!("replies/{name2}"), data2.clone()),
            ("readme.txt".to_string(), b"replies".to_vec()),
        ];
        let inner = zip_of(&members);
        let names = members.iter().map(|(n, _)| n.clone()).collect();
        put(
            format!("batch{n}/zips/replies-{n}.zip"),
            inner.clone(),
            Expect::Container(names),
        );
        put(
            format!("batch{n}/zips/nested-{n}.zip"),
            zip_of(&[
                ("inner.zip".to_string(), inner),
                (name.clone(), data.clone()),
            ]),
            Expect::Container(vec![
                format!("inner.zip!replies/{name}"),
                format!("inner.zip!replies/{name2}"),
                "inner.zip!readme.txt".to_string(),
                name.clone(),
            ]),
        );
        // Exact duplicates.
        put(
            format!("batch{n}/duplicates/{name}"),
            data.clone(),
            Expect::Accounted,
        );
    }
    let mut expect = BTreeMap::new();
    for (path, (data, e)) in files {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, data).unwrap();
        expect.insert(path, e);
    }
    expect
}

fn run(input: &Path, out: &Path, jobs: usize) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_replytally"))
        .arg("run")
        .arg(input)
        .arg("--out")
        .arg(out)
        .arg("--jobs")
        .arg(jobs.to_string())
        .arg("--no-progress")
        .output()
        .unwrap()
}

/// Every regular file below `dir`, relative path → bytes.
fn files_below(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .map(|e| e.unwrap())
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            (
                e.path()
                    .strip_prefix(dir)
                    .unwrap()
                    .to_string_lossy()
                    .into_owned(),
                std::fs::read(e.path()).unwrap(),
            )
        })
        .collect()
}

#[test]
fn every_input_is_accounted_for() {
    let tmp = tempfile::tempdir().unwrap();
    let input = tmp.path().join("inbox");
    let out = tmp.path().join("out");
    let expect = build(&input, 8);
    assert!(expect.len() >= 250, "{} files", expect.len());

    let output = run(&input, &out, 2);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    // The one-line tally, and no progress bar when stderr is not a terminal.
    assert!(stderr.contains("replies read"), "{stderr}");
    assert!(!stderr.contains('\r'), "{stderr}");

    // Every output written, no temporary file left (the reading cache's entries are expected).
    let mut written = files_below(&out);
    written.retain(|k, _| !(k.starts_with(".cache/") && k.ends_with(".entry")));
    for name in replytally::report::FILE_NAMES {
        assert!(
            written.get(name).is_some_and(|b| !b.is_empty()),
            "{name} missing: {:?}",
            written.keys()
        );
    }
    assert!(
        written.keys().all(|k| !k.starts_with('.')),
        "{:?}",
        written.keys()
    );

    let records: Value = serde_json::from_slice(&written["records.json"]).unwrap();
    common::assert_no_internal(&records);
    let replies = records["replies"].as_array().unwrap();
    let failures = records["failures"].as_array().unwrap();
    let reply_sources: Vec<&str> = replies
        .iter()
        .map(|r| r["source"].as_str().unwrap())
        .collect();
    let failure_kinds: BTreeMap<&str, &str> = failures
        .iter()
        .map(|f| (f["source"].as_str().unwrap(), f["kind"].as_str().unwrap()))
        .collect();
    let warnings: Vec<(&str, String)> = replies
        .iter()
        .map(|r| {
            (
                r["source"].as_str().unwrap(),
                r["warnings"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|w| w.as_str().unwrap().to_string())
                    .collect::<Vec<_>>()
                    .join("\n"),
            )
        })
        .collect();
    let mut replies_seen = 0;
    for (path, e) in &expect {
        let source = path.to_string_lossy();
        let source = source.as_ref();
        match e {
            Expect::Accounted => {
                let n = reply_sources.iter().filter(|s| **s == source).count()
                    + usize::from(failure_kinds.contains_key(source));
                assert_eq!(n, 1, "{source} is not accounted for exactly once");
                replies_seen += usize::from(reply_sources.contains(&source));
            }
            Expect::Failure(kind) => {
                assert_eq!(failure_kinds.get(source).copied(), Some(*kind), "{source}");
                assert!(!reply_sources.contains(&source));
            }
            Expect::Container(members) => {
                for m in members {
                    let inner = format!("{source}!{m}");
                    let base = m.rsplit(['/', '!']).next().unwrap();
                    let as_reply = reply_sources.contains(&inner.as_str());
                    let as_failure = failure_kinds.contains_key(inner.as_str());
                    let as_warning = warnings
                        .iter()
                        .any(|(s, w)| s.starts_with(&format!("{source}!")) && w.contains(base));
                    assert!(
                        as_reply || as_failure || as_warning,
                        "{inner} is not accounted for"
                    );
                }
            }
        }
    }
    assert!(replies_seen > 100, "{replies_seen} replies");
    // Nothing in the records that was not given.
    let given: Vec<String> = expect
        .keys()
        .map(|p| p.to_string_lossy().into_owned())
        .collect();
    for s in reply_sources.iter().chain(failure_kinds.keys()) {
        let top = s.split('!').next().unwrap();
        assert!(given.iter().any(|g| g == top), "{s} was not given");
    }
}

#[test]
fn outputs_are_the_same_bytes_whatever_the_jobs() {
    let tmp = tempfile::tempdir().unwrap();
    let input = tmp.path().join("inbox");
    build(&input, 2);
    let mut outputs = Vec::new();
    for (i, jobs) in [1, 2, 2].into_iter().enumerate() {
        let out = tmp.path().join(format!("out{i}"));
        let output = run(&input, &out, jobs);
        assert_eq!(
            output.status.code(),
            Some(1),
            "{}",
            String::from_utf8_lossy(&output.stderr)
        );
        outputs.push(files_below(&out));
    }
    assert!(outputs[0].len() >= replytally::report::FILE_NAMES.len());
    for other in &outputs[1..] {
        assert_eq!(
            outputs[0].keys().collect::<Vec<_>>(),
            other.keys().collect::<Vec<_>>()
        );
        for (name, bytes) in &outputs[0] {
            assert!(other[name] == *bytes, "{name} differs between runs");
        }
    }
}

/// The progress bar is drawn on a terminal (run under `script`, which gives the program a
/// pseudo-terminal) and not with `--no-progress`; the one-line tally is printed either way.
#[test]
fn progress_bar_on_a_terminal_only() {
    let has_script = Command::new("script")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    if !has_script {
        return common::skip(
            "util-linux `script`",
            "it gives the program a terminal; install util-linux",
        );
    }
    let tmp = tempfile::tempdir().unwrap();
    let input = tmp.path().join("inbox");
    build(&input, 1);
    let bin = env!("CARGO_BIN_EXE_replytally");
    let under_terminal = |extra: &str| {
        let out = tmp.path().join("out");
        let cmd = format!(
            "'{bin}' run '{}' --out '{}' --jobs 2 {extra}",
            input.display(),
            out.display()
        );
        let o = Command::new("script")
            .args(["-qec", &cmd, "/dev/null"])
            .output()
            .unwrap();
        String::from_utf8_lossy(&o.stdout).into_owned()
    };
    let shown = under_terminal("");
    assert!(shown.contains("files read"), "{shown}");
    assert!(shown.contains("replies read"), "{shown}");
    let hidden = under_terminal("--no-progress");
    assert!(!hidden.contains("files read"), "{hidden}");
    assert!(hidden.contains("replies read"), "{hidden}");
}
