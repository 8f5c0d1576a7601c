//! samples/ is exactly what examples/make-samples.rs writes: the generator's modules are
//! compiled in here, run into a temporary directory, and every file compared byte for byte.

#[path = "../examples/make-samples/expected.rs"]
mod expected;
#[path = "../examples/make-samples/form.rs"]
mod form;
#[path = "../examples/make-samples/generate.rs"]
mod generate;
#[path = "../examples/make-samples/ooxml.rs"]
mod ooxml;
#[path = "../examples/make-samples/spec.rs"]
mod spec;

use std::collections::BTreeSet;
use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};

/// Every file below `dir`, relative to it.
fn files(dir: &Path) -> BTreeSet<PathBuf> {
    let mut out = BTreeSet::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let Ok(entries) = fs::read_dir(&d) else {
            continue;
        };
        for e in entries.flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else if let Ok(rel) = p.strip_prefix(dir) {
                out.insert(rel.to_path_buf());
            }
        }
    }
    out
}

#[test]
fn samples_are_what_the_generator_writes() {
    let samples = Path::new(env!("CARGO_MANIFEST_DIR")).join("samples");
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let tmp = tempfile::tempdir().expect("temporary directory");
    let expected = tmp.path().join("expected/samples_expected.json");
    let out = tmp.path().join("samples");
    let written = generate::write_all(&out, &expected).expect("generator runs");
    assert!(written.len() >= 16, "only {} files written", written.len());
    let committed = fs::read(root.join("tests/fixtures/samples_expected.json"))
        .expect("tests/fixtures/samples_expected.json");
    assert!(
        committed == fs::read(&expected).expect("generated expected JSON"),
        "tests/fixtures/samples_expected.json differs from the generator's; run `cargo run --example make-samples`"
    );
    let tmp_path = out;

    let fresh = files(tmp_path.as_path());
    // Other files (a README) may sit in samples/; every generated one must be there, equal.
    for rel in &fresh {
        let want = fs::read(tmp_path.as_path().join(rel)).expect("generated file");
        let have = fs::read(samples.join(rel)).unwrap_or_else(|e| {
            panic!(
                "samples/{} missing ({e}); run `cargo run --example make-samples`",
                rel.display()
            )
        });
        assert!(
            want == have,
            "samples/{} differs from the generator's output; run `cargo run --example make-samples`",
            rel.display()
        );
    }
    let stale: Vec<_> = files(&samples)
        .into_iter()
        .filter(|p| p.extension().is_some_and(|e| e == "docx") && !fresh.contains(p))
        .collect();
    assert!(
        stale.is_empty(),
        "samples/ holds .docx files the generator does not make: {stale:?}"
    );
}

#[test]
fn expected_json_lists_every_reply_file() {
    let tmp = tempfile::tempdir().expect("temporary directory");
    let expected = tmp.path().join("expected.json");
    generate::write_all(tmp.path(), &expected).expect("generator runs");
    let text = fs::read_to_string(&expected).expect("expected.json");
    let v: serde_json::Value = serde_json::from_str(&text).expect("valid JSON");
    let replies = v["replies"].as_array().expect("replies array");
    assert!(replies.len() >= 14);
    for r in replies {
        let source = r["source"].as_str().expect("source");
        let path = tmp.path().join(source);
        let bytes = fs::read(&path).expect("reply file exists");
        // A real zip with a readable main part.
        let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("zip");
        let mut xml = String::new();
        zip.by_name("word/document.xml")
            .expect("document part")
            .read_to_string(&mut xml)
            .expect("UTF-8 document");
        assert_eq!(
            r["answers"].as_array().map(Vec::len),
            Some(spec::DRAFTS.len())
        );
        for a in r["answers"].as_array().into_iter().flatten() {
            let draft = a["draft"].as_str().expect("draft");
            assert!(xml.contains(draft), "{source}: {draft} not in the document");
        }
    }
    // The superseded reply names the one that stands, and that one exists.
    let superseded: Vec<_> = replies
        .iter()
        .filter_map(|r| r["superseded_by"].as_str())
        .collect();
    assert_eq!(superseded, ["India_Circ117_reply_rev1.docx"]);
    let form = v["form"].as_str().expect("form");
    assert!(tmp.path().join(form).is_file());
}
