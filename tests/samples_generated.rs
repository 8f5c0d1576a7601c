//! samples/ (TSB Circular 117), tests/fixtures/circ205/ (TSB Circular 205) and
//! tests/fixtures/circ310/ (TSB Circular 310) are exactly what examples/make-samples.rs writes:
//! the generator's modules (compiled into this test binary by `tests/main.rs`) are run into a
//! temporary directory, and every file compared byte for byte, the expected JSONs included.

use crate::{generate, make_circ205 as circ205, make_circ310 as circ310, spec};

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

/// What a circular's generator writes: (out dir, expected JSON) -> the paths written.
type Generate<'a> = &'a dyn Fn(&Path, &Path) -> Result<Vec<PathBuf>, Box<dyn std::error::Error>>;

/// Generates `circ` into a temporary directory and compares every file with the committed
/// ones: the directory's .docx files (no more, no fewer) and the expected JSON.
fn committed_equals_generated(circ: &spec::Circular, min_files: usize) {
    let gen = |out: &Path, exp: &Path| generate::write_all(circ, out, exp);
    committed_equals(circ.default_dir, circ.default_expected, &gen, min_files);
}

/// [`committed_equals_generated`] for any generator: `default_dir` and `default_expected` are
/// the committed places, relative to the repository root.
fn committed_equals(
    default_dir: &str,
    default_expected: &str,
    gen: Generate<'_>,
    min_files: usize,
) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let committed_dir = root.join(default_dir);
    let tmp = tempfile::tempdir().expect("temporary directory");
    let expected = tmp.path().join("expected/expected.json");
    let out = tmp.path().join("out");
    let written = gen(&out, &expected).expect("generator runs");
    assert!(
        written.len() >= min_files,
        "only {} files written",
        written.len()
    );
    let committed = fs::read(root.join(default_expected))
        .unwrap_or_else(|e| panic!("{}: {e}", default_expected));
    assert!(
        committed == fs::read(&expected).expect("generated expected JSON"),
        "{} differs from the generator's; run `cargo run --example make-samples`",
        default_expected
    );

    let fresh = files(&out);
    // Other files (a README) may sit beside them; every generated one must be there, equal.
    for rel in &fresh {
        let want = fs::read(out.join(rel)).expect("generated file");
        let have = fs::read(committed_dir.join(rel)).unwrap_or_else(|e| {
            panic!(
                "{}/{} missing ({e}); run `cargo run --example make-samples`",
                default_dir,
                rel.display()
            )
        });
        assert!(
            want == have,
            "{}/{} differs from the generator's output; run `cargo run --example make-samples`",
            default_dir,
            rel.display()
        );
    }
    let stale: Vec<_> = files(&committed_dir)
        .into_iter()
        .filter(|p| p.extension().is_some_and(|e| e == "docx") && !fresh.contains(p))
        .collect();
    assert!(
        stale.is_empty(),
        "{} holds .docx files the generator does not make: {stale:?}",
        default_dir
    );
}

#[test]
fn samples_are_what_the_generator_writes() {
    committed_equals_generated(&spec::CIRC117, 16);
}

#[test]
fn circ205_fixtures_are_what_the_generator_writes() {
    committed_equals_generated(&circ205::CIRC205, 20);
}

#[test]
fn circ310_fixtures_are_what_the_generator_writes() {
    committed_equals(
        circ310::DEFAULT_DIR,
        circ310::DEFAULT_EXPECTED,
        &circ310::write_all,
        22,
    );
}

#[test]
fn expected_json_lists_every_reply_file() {
    let tmp = tempfile::tempdir().expect("temporary directory");
    let expected = tmp.path().join("expected.json");
    generate::write_all(&spec::CIRC117, tmp.path(), &expected).expect("generator runs");
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

/// Every part the generator writes is well-formed XML (the documents are built as strings).
#[test]
fn generated_parts_are_well_formed_xml() {
    let gens: [Generate<'_>; 3] = [
        &|o, e| generate::write_all(&spec::CIRC117, o, e),
        &|o, e| generate::write_all(&circ205::CIRC205, o, e),
        &circ310::write_all,
    ];
    for gen in gens {
        let tmp = tempfile::tempdir().expect("temporary directory");
        let out = tmp.path().join("out");
        gen(&out, &tmp.path().join("expected.json")).expect("generator runs");
        let docs: Vec<PathBuf> = files(&out).into_iter().collect();
        assert!(docs.len() >= 17);
        for rel in docs {
            let bytes = fs::read(out.join(&rel)).expect("generated file");
            let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("zip");
            for i in 0..zip.len() {
                let mut part = zip.by_index(i).expect("zip entry");
                let name = part.name().map(|n| n.to_string()).unwrap_or_default();
                let mut xml = String::new();
                part.read_to_string(&mut xml).expect("UTF-8 part");
                let mut reader = quick_xml::Reader::from_str(&xml);
                loop {
                    match reader.read_event() {
                        Ok(quick_xml::events::Event::Eof) => break,
                        Ok(_) => {}
                        Err(e) => panic!("{}!{name}: {e}", rel.display()),
                    }
                }
            }
        }
    }
}
