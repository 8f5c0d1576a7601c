//! The reading cache, on the real binary: a re-run reads only the new file and writes the same
//! bytes as a run without the cache, also after its entries are damaged, truncated, swapped or
//! replaced by entries of another build; unused entries go; `review` keeps one too.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;

use replytally::report::FILE_NAMES;
use sha2::{Digest, Sha256};

use crate::common::review_server::Server;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// A folder of replies: every sample but Kenya's, the blank form, a zip holding two replies
/// and a note, a damaged .docx, a damaged PDF and an exported one. Returns how many documents the reader reads in it.
fn replies(dir: &Path) -> usize {
    fs::create_dir_all(dir).unwrap();
    let mut docs = 0;
    for e in fs::read_dir(root().join("samples")).unwrap().flatten() {
        let name = e.file_name().to_string_lossy().into_owned();
        if name.ends_with(".docx") && !name.starts_with("Kenya") {
            fs::copy(e.path(), dir.join(&name)).unwrap();
            docs += 1;
        }
    }
    fs::copy(
        root().join("samples/form/blank_circ117_en.docx"),
        dir.join("blank.docx"),
    )
    .unwrap();
    let mut zip = zip::ZipWriter::new(fs::File::create(dir.join("batch.zip")).unwrap());
    let opts = zip::write::SimpleFileOptions::default();
    for (inner, sample) in [
        ("Kenya copy.docx", "Kenya_reply_circ117.docx"),
        ("Peru.docx", "Reply_Circ117_Brazil.docx"),
    ] {
        zip.start_file(inner, opts).unwrap();
        zip.write_all(&fs::read(root().join("samples").join(sample)).unwrap())
            .unwrap();
    }
    zip.start_file("note.txt", opts).unwrap();
    zip.write_all(b"Please find our replies attached.").unwrap();
    zip.finish().unwrap();
    fs::write(dir.join("damaged.docx"), b"PK\x03\x04 not really a zip").unwrap();
    fs::write(dir.join("scan.pdf"), b"%PDF-1.4\n%%EOF\n").unwrap();
    // A PDF the reader reads (Germany's reply once more, exported: it supersedes or is
    // superseded, which the cache must not change either).
    let pdf = root().join("tests/fixtures/pdf/exported/plain/samples-Germany_Circ117_reply.pdf");
    fs::copy(pdf, dir.join("Germany_reply.pdf")).unwrap();
    // The blank form, two in the zip and both PDFs; intake decides the damaged .docx itself.
    docs + 5
}

/// `replytally run DIR --out OUT EXTRA…`: its exit code and stderr.
fn run(replies: &Path, out: &Path, extra: &[&str]) -> (Option<i32>, String) {
    let o = Command::new(env!("CARGO_BIN_EXE_replytally"))
        .arg("run")
        .arg(replies)
        .arg("--out")
        .arg(out)
        .args(["--no-progress", "--deadline", "2026-02-13"])
        .args(extra)
        .output()
        .expect("replytally runs");
    (
        o.status.code(),
        String::from_utf8_lossy(&o.stderr).into_owned(),
    )
}

/// (read, from the cache) as the stderr line says, e.g. `read 1 file, 48 from the cache`.
fn counts(stderr: &str) -> (usize, usize) {
    let line = stderr
        .lines()
        .find(|l| l.starts_with("replytally: read "))
        .unwrap_or_else(|| panic!("no cache line in {stderr}"));
    let words: Vec<&str> = line.split([' ', ',']).filter(|w| !w.is_empty()).collect();
    let read = words[2].parse().unwrap();
    let cached = words[4].parse().unwrap_or_else(|_| panic!("{line}"));
    (read, cached)
}

/// Every output of `a` is byte for byte that of `b`.
fn same_outputs(a: &Path, b: &Path, when: &str) {
    for name in FILE_NAMES {
        let x = fs::read(a.join(name)).unwrap_or_else(|e| panic!("{name}: {e}"));
        let y = fs::read(b.join(name)).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert!(!x.is_empty(), "{name} is empty");
        assert!(
            x == y,
            "{name} differs from the run without the cache {when}"
        );
    }
}

fn entries(cache: &Path) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = fs::read_dir(cache)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "entry"))
        .collect();
    v.sort();
    v
}

fn hex(b: &[u8]) -> String {
    b.iter().map(|x| format!("{x:02x}")).collect()
}

/// `entry` rewritten with another build in its header and another reading in its body, its
/// checksum right: what an older replytally would have left, were it keyed the same.
fn from_another_build(entry: &[u8]) -> Vec<u8> {
    let nl = entry.iter().position(|&b| b == b'\n').unwrap();
    let header = std::str::from_utf8(&entry[..nl]).unwrap();
    let f: Vec<&str> = header.split(' ').collect();
    assert_eq!(f.len(), 5, "{header}");
    let body = String::from_utf8(entry[nl + 1..].to_vec())
        .unwrap()
        .replace("\"language\":\"", "\"language\":\"x");
    let sum = hex(&Sha256::digest(body.as_bytes()));
    format!("{} {} 0.0.1+1.1 {} {sum}\n{body}", f[0], f[1], f[3]).into_bytes()
}

#[test]
fn a_rerun_reads_only_what_changed_and_writes_the_same_bytes() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("replies");
    let docs = replies(&dir);
    let plain = tmp.path().join("plain");
    let cached = tmp.path().join("cached");

    let (code, err) = run(&dir, &plain, &["--no-cache"]);
    assert_eq!(code, Some(1), "the damaged file and the PDF fail: {err}");
    assert!(
        err.contains(&format!("read {docs} files (no cache)")),
        "{err}"
    );
    assert!(!plain.join(".cache").exists(), "--no-cache keeps nothing");

    let (_, err) = run(&dir, &cached, &[]);
    assert_eq!(counts(&err), (docs, 0), "{err}");
    same_outputs(&plain, &cached, "(first run)");
    assert_eq!(entries(&cached.join(".cache")).len(), docs);
    let (_, err) = run(&dir, &cached, &[]);
    assert_eq!(counts(&err), (0, docs), "{err}");
    same_outputs(&plain, &cached, "(all from the cache)");

    // One new reply arrives: one file read.
    fs::copy(
        root().join("samples/Kenya_reply_circ117.docx"),
        dir.join("Kenya_reply_circ117.docx"),
    )
    .unwrap();
    run(&dir, &plain, &["--no-cache"]);
    let (_, err) = run(&dir, &cached, &[]);
    assert_eq!(counts(&err), (1, docs), "{err}");
    same_outputs(&plain, &cached, "(one new reply)");

    // Damaged entries are read again, never trusted.
    let all = entries(&cached.join(".cache"));
    assert_eq!(all.len(), docs + 1);
    let good = fs::read(&all[0]).unwrap();
    let truncated = &good[..good.len() / 2];
    let mut flipped = fs::read(&all[1]).unwrap();
    let last = flipped.len() - 3;
    flipped[last] ^= 0x20;
    fs::write(&all[0], truncated).unwrap();
    fs::write(&all[1], flipped).unwrap();
    fs::write(&all[2], &good).unwrap(); // another file's entry under this name
    fs::write(&all[3], from_another_build(&fs::read(&all[3]).unwrap())).unwrap();
    fs::write(&all[4], b"").unwrap();
    let (_, err) = run(&dir, &cached, &[]);
    assert_eq!(counts(&err), (5, docs - 4), "{err}");
    assert!(
        err.contains("5 damaged or outdated cache entries read again"),
        "{err}"
    );
    same_outputs(&plain, &cached, "(after damaging five entries)");
    let (_, err) = run(&dir, &cached, &[]);
    assert_eq!(
        counts(&err),
        (0, docs + 1),
        "the damaged entries were rewritten: {err}"
    );

    // A reply taken away: its entry goes, the others stay.
    fs::remove_file(dir.join("Kenya_reply_circ117.docx")).unwrap();
    let (_, err) = run(&dir, &cached, &[]);
    assert_eq!(counts(&err), (0, docs), "{err}");
    assert!(err.contains("1 unused cache entries removed"), "{err}");
    assert_eq!(entries(&cached.join(".cache")).len(), docs);
}

#[test]
fn cache_names_another_folder_and_files_beside_entries_are_kept() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("replies");
    let docs = replies(&dir);
    // Not hidden, inside the folder read: its entries are not taken for replies.
    let store = dir.join("kept readings");
    fs::create_dir_all(&store).unwrap();
    fs::write(store.join("README.txt"), "mine").unwrap();
    let out = tmp.path().join("out");
    let store_arg = store.to_str().unwrap();
    let (_, err) = run(&dir, &out, &["--cache", store_arg]);
    // README.txt is read as an input (a failure) but is no document for the reader.
    assert_eq!(counts(&err), (docs, 0), "{err}");
    let (_, err) = run(&dir, &out, &["--cache", store_arg]);
    assert_eq!(counts(&err), (0, docs), "{err}");
    assert!(!out.join(".cache").exists());
    assert!(
        store.join("README.txt").exists(),
        "pruning leaves other files alone"
    );
    let records = fs::read_to_string(out.join("records.json")).unwrap();
    assert!(
        !records.contains(".entry"),
        "no cache entry among the inputs"
    );
}

#[test]
fn review_keeps_its_readings_in_the_cache_it_is_given() {
    let s = Server::start(Some("circ205"), &["--cache", "readings"]);
    let (status, body) = s.api("GET", "/api/state", "");
    assert_eq!(status, 200, "{body}");
    assert!(body.contains("\"replies\""), "{body}");
    // Relative to the directory the page was started in.
    let n = entries(&s.dir.path().join("readings")).len();
    assert!(n > 0, "review wrote no cache entry");
    let s = Server::start(Some("circ205"), &["--no-cache"]);
    assert_eq!(s.api("GET", "/api/state", "").0, 200);
    assert!(
        !s.dir.path().join("out").exists(),
        "--no-cache keeps nothing"
    );
}
