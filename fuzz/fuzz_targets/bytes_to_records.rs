//! The whole path from the bytes of one file to records: intake (sniffing, e-mails, zips,
//! Outlook messages, limits) → the document reader → the form reader → assembly.
//!
//! Input layout: `XML:` followed by bytes puts those bytes as `word/document.xml` in a fresh
//! .docx (stored, so the fuzzer mutates the XML and not a compressed stream), which reaches
//! the XML and form readers far more often than mutating a whole zip does. Anything else is
//! the file itself, under a name picked by its length (the name only refines messages).
//!
//! Run (stable Rust, from `fuzz/`; the corpus directory is not committed — seed it with the
//! samples and practice replies):
//!
//! ```sh
//! cargo install cargo-fuzz
//! mkdir -p corpus/bytes_to_records && cp ../samples/*.docx ../../shared/replies/circ42/* corpus/bytes_to_records/
//! cargo fuzz run -s none -a bytes_to_records -- -max_total_time=600 -timeout=10 -rss_limit_mb=2048
//! ```
//!
//! A crash is saved in `artifacts/bytes_to_records/`; once fixed, copy it to
//! `tests/fixtures/fuzz/` so that `tests/fuzz_regressions.rs` keeps it fixed.
//!
//! libfuzzer-sys aborts on any panic (its panic hook runs before `catch_unwind` in
//! `intake::expand_bytes` could hide it), so every panic anywhere on the path is a crash.

#![no_main]

use std::io::{Cursor, Write};

use libfuzzer_sys::fuzz_target;
use replytally::{intake, pipeline};

const NAMES: [&str; 5] = [
    "reply.docx",
    "mail.eml",
    "inbox.zip",
    "message.msg",
    "reply.doc",
];

fn docx_with(document: &[u8]) -> Option<Vec<u8>> {
    let mut w = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let stored =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    let content_types = br#"<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>"#;
    w.start_file("[Content_Types].xml", stored).ok()?;
    w.write_all(content_types).ok()?;
    w.start_file("word/document.xml", stored).ok()?;
    w.write_all(document).ok()?;
    Some(w.finish().ok()?.into_inner())
}

fuzz_target!(|data: &[u8]| {
    let (name, bytes) = match data.strip_prefix(b"XML:") {
        Some(xml) => match docx_with(xml) {
            Some(docx) => ("reply.docx", docx),
            None => return,
        },
        None => (NAMES[data.len() % NAMES.len()], data.to_vec()),
    };
    let inputs = intake::expand_bytes(&format!("fuzz/{name}"), name, bytes);
    assert!(!inputs.is_empty(), "every input must be accounted for");
    let reads = pipeline::read_inputs(&inputs);
    let (records, forms, _) = pipeline::assemble(&inputs, reads, None, None);
    assert!(
        !records.replies.is_empty() || !records.failures.is_empty() || !forms.is_empty(),
        "every input must end as a reply, a failure or a blank form"
    );
    let _ = replytally::report::records_json(&records);
});
