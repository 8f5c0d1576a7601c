//! The floor of the speed benchmark: the least any correct reader of these files must do on
//! this machine. It opens each .docx as a zip, streams `word/document.xml` through quick-xml
//! and counts its elements, on as many threads as there are cores (rayon). Nothing is kept
//! and nothing is written.
//!
//! ```sh
//! cargo run --release --example floor -- DIR...
//! ```

use std::fs::File;
use std::io::BufReader;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use quick_xml::events::Event;
use rayon::prelude::*;

fn main() -> ExitCode {
    let dirs: Vec<PathBuf> = std::env::args_os().skip(1).map(PathBuf::from).collect();
    if dirs.is_empty() {
        eprintln!("usage: floor DIR...");
        return ExitCode::FAILURE;
    }
    let start = Instant::now();
    let mut files: Vec<PathBuf> = Vec::new();
    for d in &dirs {
        for e in walkdir::WalkDir::new(d).sort_by_file_name() {
            let Ok(e) = e else { continue };
            if e.file_type().is_file() && e.path().extension().is_some_and(|x| x == "docx") {
                files.push(e.into_path());
            }
        }
    }
    let counts: Vec<Option<u64>> = files.par_iter().map(count).collect();
    let secs = start.elapsed().as_secs_f64();
    let failed = counts.iter().filter(|c| c.is_none()).count();
    let elements: u64 = counts.iter().flatten().sum();
    println!(
        "floor: {} files, {elements} elements, {failed} unreadable, {secs:.3} s, {:.0} files/s",
        files.len(),
        files.len() as f64 / secs
    );
    ExitCode::SUCCESS
}

/// Elements in the file's `word/document.xml`; `None` when it cannot be read.
fn count(path: &PathBuf) -> Option<u64> {
    let mut zip = zip::ZipArchive::new(File::open(path).ok()?).ok()?;
    let part = zip.by_name("word/document.xml").ok()?;
    let mut reader = quick_xml::Reader::from_reader(BufReader::with_capacity(64 << 10, part));
    let mut buf = Vec::with_capacity(4096);
    let mut n = 0u64;
    loop {
        match reader.read_event_into(&mut buf).ok()? {
            Event::Start(_) | Event::Empty(_) => n += 1,
            Event::Eof => return Some(n),
            _ => {}
        }
        buf.clear();
    }
}
