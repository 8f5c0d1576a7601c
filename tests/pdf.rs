//! PDFs (issue 14, parts 1 and 4) through the real binary: the replies LibreOffice exported to
//! PDF read as replies with decisions and options right at least as often as the floors below
//! (what the reader reaches today, from `scripts/score-pdf.py`), and every hostile PDF refused
//! with the failure kind `tests/fixtures/pdf/truth.json` expects, quickly and in bounded memory.

use crate::common;
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// Share of decisions and of options (authorize answers' comments) read right, per export.
const DECISIONS_FLOOR: f64 = 0.97;
const OPTIONS_FLOOR: f64 = 0.95;

/// What one hostile PDF may take (debug build, 2 busy cores), and the peak resident size.
const QUICK: Duration = Duration::from_secs(15);
const MAX_PEAK_KB: u64 = 512 << 10;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/pdf")
}

fn truth() -> Value {
    common::load(&root().join("truth.json"))
}

/// `replytally extract` on `path`: the records, the time taken and the peak resident size (KB,
/// polled from /proc while it runs; 0 where /proc is not there).
fn extract(path: &Path) -> (Value, Duration, u64) {
    let start = Instant::now();
    let mut child = Command::new(env!("CARGO_BIN_EXE_replytally"))
        .arg("extract")
        .arg(path)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let status = format!("/proc/{}/status", child.id());
    let mut peak = 0;
    // Read stdout on a thread so that a large output cannot block the child.
    let mut out = child.stdout.take().unwrap();
    let reader = std::thread::spawn(move || {
        let mut s = String::new();
        std::io::Read::read_to_string(&mut out, &mut s).unwrap();
        s
    });
    while child.try_wait().unwrap().is_none() {
        if start.elapsed() > QUICK * 4 {
            let _ = child.kill();
            panic!(
                "{} still running after {:?}",
                path.display(),
                start.elapsed()
            );
        }
        if let Ok(s) = std::fs::read_to_string(&status) {
            let hwm = s.lines().find_map(|l| l.strip_prefix("VmHWM:"));
            let kb = hwm.and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok());
            peak = peak.max(kb.unwrap_or(0));
        }
        std::thread::sleep(Duration::from_millis(5));
    }
    let elapsed = start.elapsed();
    let text = reader.join().unwrap();
    (serde_json::from_str(&text).unwrap(), elapsed, peak)
}

/// (decisions right, decisions, options right, options) over the exported PDFs of `kind`.
fn score(kind: &str) -> (usize, usize, usize, usize) {
    let truth = truth();
    let mut s = (0, 0, 0, 0);
    let files: Vec<&Value> = truth["files"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["kind"] == kind)
        .collect();
    assert!(
        files.len() >= 20,
        "{kind}: {} files in truth.json",
        files.len()
    );
    for f in files {
        let path = root().join(f["files"][0].as_str().unwrap());
        let (records, _, _) = extract(&path);
        common::assert_no_internal(&records);
        let replies = records["replies"].as_array().unwrap();
        assert_eq!(
            replies.len(),
            1,
            "{}: not read as one reply: {records}",
            path.display()
        );
        let answers = replies[0]["answers"].as_array().unwrap();
        for t in f["answers"].as_array().unwrap() {
            let got = answers.iter().find(|a| a["draft"] == t["draft"]);
            let decision = got.map(|a| &a["decision"]);
            s.1 += 1;
            s.0 += usize::from(decision == Some(&t["decision"]));
            if t["decision"] == "authorize" {
                s.3 += 1;
                let right = decision == Some(&t["decision"])
                    && got.map(|a| &a["comments"]) == Some(&t["comments"]);
                s.2 += usize::from(right);
            }
        }
    }
    s
}

fn check_export(kind: &str) {
    let (d, dn, o, on) = score(kind);
    let (dr, or) = (d as f64 / dn as f64, o as f64 / on as f64);
    eprintln!("{kind}: decisions {d}/{dn}, options {o}/{on}");
    assert!(
        dr >= DECISIONS_FLOOR,
        "{kind}: decisions {d}/{dn} below the floor"
    );
    assert!(
        or >= OPTIONS_FLOOR,
        "{kind}: options {o}/{on} below the floor"
    );
}

#[test]
fn exported_plain_pdfs_read_as_replies() {
    check_export("exported_plain");
}

#[test]
fn exported_pdfs_with_fields_read_as_replies() {
    check_export("exported_fields");
}

/// Decision per draft and the warnings of the one reply read from an exported PDF.
fn reading(name: &str) -> (Vec<(String, String)>, Vec<String>) {
    let (records, _, _) = extract(&root().join("exported/plain").join(name));
    let reply = &records["replies"][0];
    let answers = reply["answers"].as_array().expect("one reply");
    let decisions = answers
        .iter()
        .map(|a| {
            (
                a["draft"].as_str().unwrap().to_string(),
                a["decision"].as_str().unwrap_or("").to_string(),
            )
        })
        .collect();
    let warnings = reply["warnings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|w| w.as_str().map_or_else(|| w.to_string(), str::to_string))
        .collect();
    (decisions, warnings)
}

fn decision_of<'a>(d: &'a [(String, String)], draft: &str) -> &'a str {
    d.iter()
        .find(|(n, _)| n == draft)
        .map_or("missing", |(_, v)| v.as_str())
}

/// Printed with tracked changes shown, a box's old mark is struck through beside the new one:
/// the struck one is taken back (Belarus: E.212 was authorizes, now does not; E.157.1's tick
/// was deleted), and the reply says marks were struck, instead of a conflict.
#[test]
fn struck_through_marks_of_tracked_changes_are_taken_back_and_told() {
    let (d, w) = reading("circ205-Belarus_Circ205.pdf");
    assert_eq!(decision_of(&d, "E.212"), "not_authorize", "{d:?}");
    assert_eq!(decision_of(&d, "E.157.1"), "no_reply", "{d:?}");
    assert!(w.iter().any(|w| w.contains("struck through")), "{w:?}");
    // Content controls (Nigeria) the same way.
    let (d, w) = reading("circ205-Nigeria_Circ205_reply.pdf");
    assert_eq!(decision_of(&d, "E.212"), "authorize", "{d:?}");
    assert!(w.iter().any(|w| w.contains("struck through")), "{w:?}");
}

/// A table row the word processor split at a page break is one row again: ARCEP's Q.3057 row
/// starts on page 1 (its box) and its draft name ends on page 2.
#[test]
fn a_row_split_by_a_page_break_is_one_row() {
    let (d, _) = reading("habits-ARCEP_reponse_Circulaire77.pdf");
    assert_eq!(decision_of(&d, "Q.4073"), "not_authorize", "{d:?}");
    assert_eq!(decision_of(&d, "Q.3057"), "authorize", "{d:?}");
}

/// In Chinese text a Latin word is cut anywhere at a line's end ("E.CLI-sp" / "oof)"), and a
/// typed X starts an option line: Singapore's drafts all read.
#[test]
fn chinese_reply_with_cut_words_and_typed_marks_reads() {
    let (d, _) = reading("circ205-Singapore_Circ205_zh.pdf");
    assert_eq!(decision_of(&d, "E.118.1"), "authorize", "{d:?}");
    assert_eq!(decision_of(&d, "E.157.1"), "authorize", "{d:?}");
}

/// A reply whose boxes are real AcroForm check boxes (`scripts/make-acroform-fixture.py`: Brazil's
/// export with each drawn square replaced by a widget, /V and /AS /Yes or /Off): the same
/// decisions as the export, each from the field (`pdf_field`), not from anything drawn.
#[test]
fn acroform_check_boxes_are_read_as_pdf_fields() {
    let read = |p: &Path| {
        let (records, _, _) = extract(p);
        common::assert_no_internal(&records);
        records["replies"][0]["answers"]
            .as_array()
            .expect("one reply")
            .iter()
            .map(|a| {
                (
                    a["draft"].clone(),
                    a["decision"].clone(),
                    a["comments"].clone(),
                    a["evidence"].clone(),
                )
            })
            .collect::<Vec<_>>()
    };
    let fields = read(&root().join("acroform/Brazil_Circ117_acroform.pdf"));
    let drawn = read(&root().join("exported/plain/samples-Reply_Circ117_Brazil.pdf"));
    assert_eq!(fields.len(), 5, "{fields:?}");
    for (f, d) in fields.iter().zip(&drawn) {
        assert_eq!((&f.0, &f.1, &f.2), (&d.0, &d.1, &d.2), "{fields:?}");
        assert_eq!(f.3, "pdf_field", "{fields:?}");
        assert_eq!(d.3, "legacy_checkbox", "{drawn:?}");
    }
}

#[test]
fn hostile_pdfs_are_refused_quickly_in_bounded_memory() {
    let truth = truth();
    let hostile: Vec<&Value> = truth["files"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["kind"] == "hostile")
        .collect();
    assert!(hostile.len() >= 15);
    let mut problems = Vec::new();
    for f in hostile {
        let path = root().join(f["files"][0].as_str().unwrap());
        let (records, took, peak) = extract(&path);
        common::assert_no_internal(&records);
        let kinds: Vec<&Value> = records["failures"]
            .as_array()
            .unwrap()
            .iter()
            .map(|x| &x["kind"])
            .collect();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        if kinds != [&f["expect"]["failure"]] {
            problems.push(format!(
                "{name}: failures {kinds:?}, expected {}",
                f["expect"]["failure"]
            ));
        }
        if took > QUICK {
            problems.push(format!("{name}: took {took:?}"));
        }
        if peak > MAX_PEAK_KB {
            problems.push(format!("{name}: peak {peak} KB"));
        }
    }
    assert!(problems.is_empty(), "{problems:#?}");
}
