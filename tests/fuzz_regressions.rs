//! Inputs that once crashed, hung or overflowed the stack (found by `cargo fuzz` on
//! `fuzz/fuzz_targets/bytes_to_records.rs` or by hand), kept in `tests/fixtures/fuzz/` and run
//! through the same path as the fuzz target: bytes → intake → readers → records, on a thread
//! with the 2 MiB stack of a rayon worker.
//!
//! A fixture is the raw fuzzer input: `XML:` followed by bytes means those bytes as
//! `word/document.xml` of a fresh .docx; anything else is the file itself, named by its
//! extension when it has one, else by its length as the fuzz target does.
//!
//! - `encoded-forwarded-chain.eml`: 1,500 forwarded messages nested inside a base64-encoded
//!   one; the mail parser opened them recursively and overflowed the stack (now refused by
//!   `intake::limits::MAX_EMBEDDED_MESSAGES` before parsing).

use crate::common;
use std::io::{Cursor, Write};
use std::path::Path;
use std::time::{Duration, Instant};

const NAMES: [&str; 5] = [
    "reply.docx",
    "mail.eml",
    "inbox.zip",
    "message.msg",
    "reply.doc",
];

fn docx_with(document: &[u8]) -> Vec<u8> {
    let mut w = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let stored =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    w.start_file("[Content_Types].xml", stored).unwrap();
    w.write_all(br#"<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>"#).unwrap();
    w.start_file("word/document.xml", stored).unwrap();
    w.write_all(document).unwrap();
    w.finish().unwrap().into_inner()
}

/// What the fuzz target does with one input (no reader may panic: see [`common::read_bytes`]);
/// returns how many records came out.
fn bytes_to_records(file_name: &str, data: Vec<u8>) -> usize {
    let (name, bytes) = match data.strip_prefix(b"XML:") {
        Some(xml) => ("reply.docx".to_string(), docx_with(xml)),
        None if Path::new(file_name).extension().is_some() => (file_name.to_string(), data),
        None => (NAMES[data.len() % NAMES.len()].to_string(), data),
    };
    let (inputs, records, forms) = common::read_bytes(&format!("fuzz/{name}"), &name, bytes);
    assert!(!inputs.is_empty());
    let _ = replytally::report::records_json(&records);
    records.replies.len() + records.failures.len() + forms.len()
}

#[test]
fn fuzz_findings_stay_fixed() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/fuzz");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_file())
        .collect();
    files.sort();
    assert!(!files.is_empty(), "no fixtures in {}", dir.display());
    for path in files {
        let data = std::fs::read(&path).unwrap();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let start = Instant::now();
        let shown = name.clone();
        let n = std::thread::Builder::new()
            .stack_size(2 << 20)
            .spawn(move || bytes_to_records(&name, data))
            .unwrap()
            .join()
            .unwrap_or_else(|_| panic!("{shown}: panicked"));
        assert!(n >= 1, "{shown}: nothing came out");
        assert!(
            start.elapsed() < Duration::from_secs(10),
            "{shown}: took {:?}",
            start.elapsed()
        );
    }
}
