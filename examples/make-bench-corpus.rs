//! Builds the benchmark corpus: `COUNT` reply files made from the generated samples
//! (`samples/*.docx`) and, when present, the practice replies (`../shared/replies/circ42/*.docx`).
//!
//! ```sh
//! cargo run --release --example make-bench-corpus -- [OUT_DIR [COUNT]] [--samples-only] [--small] [--circulars N]
//! # defaults: bench/corpus and 2000
//! ```
//!
//! `--samples-only` leaves the practice replies out: every file then answers Circular 117.
//! `--circulars N` (samples only) makes the files replies to N circulars in turn, 117, 127,
//! 137 and so on (the number rewritten where the sample names 117), and writes each
//! circular's blank form (`samples/form/blank_circ117_en.docx` renumbered) into
//! `OUT_DIR-forms/`: a mailbox of several circulars open at once (issue 10).
//! `--small` draws sizes between 20 and 40 KB instead (a reply as Word saves it, with no cover
//! letter to speak of): the set on which per-file costs show.
//!
//! Each file is one source reply (taken in turn, so languages and checkbox mechanisms vary as
//! in the sources) grown to a target size drawn log-uniformly between 20 KB and 2 MB: a cover
//! letter of filler paragraphs (a page to some sixty) is put before the form, and a file
//! larger than its text carries letterhead pictures for the rest (`word/media/imageN.png`,
//! their relationships and `w:drawing` runs), as do three in ten of the others. Most files
//! keep the source's name with a number; one in ten gets a generic name. The output is
//! deterministic: the same sources give the same bytes.

#[path = "make-bench-corpus/grow.rs"]
mod grow;

use std::fs;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use grow::{grow, package, png, unpack, Res, Rng, Source};
use rayon::prelude::*;

const MIN_SIZE: f64 = 20_000.0;
const MAX_SIZE: f64 = 2_000_000.0;
/// Largest file with `--small`.
const MAX_SMALL: f64 = 40_000.0;
/// Compressed bytes of filler text in one file: drawn log-uniformly between these (a cover
/// letter of about a page to some sixty pages). A file larger than its text and the form
/// carries pictures for the rest, as real replies do: their size is letterheads and scans.
const MIN_TEXT: f64 = 4_000.0;
const MAX_TEXT: f64 = 60_000.0;
/// Smallest picture added.
const MIN_PICTURE: u64 = 4_000;

fn main() -> ExitCode {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let all: Vec<std::ffi::OsString> = std::env::args_os().skip(1).collect();
    let mut circulars = 0;
    if let Some(at) = all.iter().position(|a| a == "--circulars") {
        match all
            .get(at + 1)
            .map(|n| n.to_string_lossy().parse::<usize>())
        {
            Some(Ok(n)) if n > 0 => circulars = n,
            _ => {
                eprintln!("make-bench-corpus: --circulars needs a number of circulars (1 or more)");
                return ExitCode::FAILURE;
            }
        }
    }
    let samples_only = circulars > 0 || all.iter().any(|a| a == "--samples-only");
    let max_size = if all.iter().any(|a| a == "--small") {
        MAX_SMALL
    } else {
        MAX_SIZE
    };
    let mut skip_next = false;
    let mut args = all.into_iter().filter(move |a| {
        let flag = a == "--samples-only" || a == "--small" || a == "--circulars" || skip_next;
        skip_next = a == "--circulars";
        !flag
    });
    let out = args
        .next()
        .map(PathBuf::from)
        .unwrap_or_else(|| root.join("bench/corpus"));
    let count: usize = match args.next().map(|a| a.to_string_lossy().parse()) {
        None => 2000,
        Some(Ok(n)) => n,
        Some(Err(e)) => {
            eprintln!("make-bench-corpus: COUNT: {e}");
            return ExitCode::FAILURE;
        }
    };
    let made = run(&root, &out, count, samples_only, max_size, circulars)
        .and_then(|st| write_forms(&root, &out, circulars).map(|()| st));
    match made {
        Ok(st) => {
            println!(
                "wrote {} files ({:.1} MB; {} with pictures; word/document.xml: {:.1} MB in all) into {}",
                st.files,
                st.bytes as f64 / 1e6,
                st.with_pictures,
                st.xml_bytes as f64 / 1e6,
                out.display()
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("make-bench-corpus: {e}");
            ExitCode::FAILURE
        }
    }
}

/// What was written.
#[derive(Default)]
struct Stats {
    files: usize,
    bytes: u64,
    with_pictures: usize,
    xml_bytes: u64,
}

/// One file made.
struct Made {
    name: String,
    bytes: Vec<u8>,
    pictures: usize,
    xml_bytes: usize,
}

/// The number of the `k`-th circular of `--circulars`.
fn circular_number(k: usize) -> String {
    (117 + 10 * k).to_string()
}

/// `src` as a reply to Circular `number`: 117 rewritten in its name and its main part.
fn renumbered(src: &Source, number: &str) -> Source {
    let parts = src
        .parts
        .iter()
        .map(|(name, data)| {
            if name != "word/document.xml" {
                return (name.clone(), data.clone());
            }
            let text = String::from_utf8_lossy(data).replace("117", number);
            (name.clone(), text.into_bytes())
        })
        .collect();
    Source {
        stem: src.stem.replace("117", number),
        parts,
    }
}

/// Each circular's blank form, into `OUT-forms/` (none without `--circulars`).
fn write_forms(root: &Path, out: &Path, circulars: usize) -> Res<()> {
    if circulars == 0 {
        return Ok(());
    }
    let blank = unpack(&root.join("samples/form/blank_circ117_en.docx"))?;
    let dir = forms_dir(out);
    fs::create_dir_all(&dir)?;
    for k in 0..circulars {
        let n = circular_number(k);
        let bytes = package(&renumbered(&blank, &n), "", &[])?;
        fs::write(dir.join(format!("blank_circ{n}_en.docx")), bytes)?;
    }
    Ok(())
}

/// `OUT-forms`, beside `OUT`: the blank forms are not among the replies read.
fn forms_dir(out: &Path) -> PathBuf {
    let mut name = out.file_name().unwrap_or_default().to_os_string();
    name.push("-forms");
    out.with_file_name(name)
}

fn run(
    root: &Path,
    out: &Path,
    count: usize,
    samples_only: bool,
    max_size: f64,
    circulars: usize,
) -> Res<Stats> {
    let mut sources = Vec::new();
    let mut dirs = vec![root.join("samples")];
    if !samples_only {
        dirs.push(root.join("../shared/replies/circ42"));
    }
    for dir in dirs {
        let Ok(entries) = fs::read_dir(&dir) else {
            continue;
        };
        let mut paths: Vec<PathBuf> = entries
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|e| e == "docx"))
            .collect();
        paths.sort();
        for p in paths {
            // A damaged practice file cannot be grown; it is left out.
            if let Ok(s) = unpack(&p) {
                sources.push(s);
            }
        }
    }
    if sources.is_empty() {
        return Err("no source replies found in samples/".into());
    }
    // With circulars: every source once per circular, taken circular by circular in turn.
    if circulars > 0 {
        let per: Vec<Vec<Source>> = (0..circulars)
            .map(|k| {
                let n = circular_number(k);
                sources.iter().map(|s| renumbered(s, &n)).collect()
            })
            .collect();
        let n_src = sources.len();
        sources = (0..n_src * circulars)
            .map(|j| {
                let (k, i) = (j % circulars, (j / circulars) % n_src);
                Source {
                    stem: per[k][i].stem.clone(),
                    parts: per[k][i].parts.clone(),
                }
            })
            .collect();
    }
    fs::create_dir_all(out)?;
    // Old corpus files would be counted too.
    for e in fs::read_dir(out)? {
        let p = e?.path();
        if p.extension().is_some_and(|e| e == "docx") {
            fs::remove_file(p)?;
        }
    }
    let made: Vec<(u64, usize, usize)> = (0..count)
        .into_par_iter()
        .map(|i| -> Res<(u64, usize, usize)> {
            let src = &sources[i % sources.len()];
            let m = variant(src, i, max_size)?;
            fs::write(out.join(&m.name), &m.bytes)?;
            Ok((m.bytes.len() as u64, m.pictures, m.xml_bytes))
        })
        .collect::<Res<Vec<_>>>()?;
    let mut st = Stats::default();
    for (bytes, pictures, xml) in made {
        st.files += 1;
        st.bytes += bytes;
        st.with_pictures += usize::from(pictures > 0);
        st.xml_bytes += xml as u64;
    }
    Ok(st)
}

/// The `i`-th corpus file: its name and bytes.
fn variant(src: &Source, i: usize, max_size: f64) -> Res<Made> {
    let mut rng = Rng::new(i as u64);
    let target = log_uniform(&mut rng, MIN_SIZE, max_size) as u64;
    let text_cap = log_uniform(&mut rng, MIN_TEXT, MAX_TEXT) as u64;
    // Three in ten carry a letterhead whatever their size.
    let logo = rng.below(10) < 3;
    let name = if rng.below(10) == 0 {
        format!("reply_{i:04}.docx")
    } else {
        format!("{}__{i:04}.docx", src.stem)
    };
    let base = package(src, "", &[])?.len() as u64;
    let body = target.saturating_sub(base);
    let (text_target, pictures) = if logo || body > text_cap + MIN_PICTURE {
        let text = text_cap.min(body.saturating_sub(MIN_PICTURE));
        let room = body.saturating_sub(text).max(MIN_PICTURE);
        // 1 to 3 pictures.
        let n = 1 + rng.below(3);
        let pics: Vec<Vec<u8>> = (0..n).map(|_| png(&mut rng, room / n)).collect();
        (text, pics)
    } else {
        (body, Vec::new())
    };
    let seed = rng.next();
    let (bytes, xml_bytes) = grow(src, seed, text_target, &pictures, target)?;
    Ok(Made {
        name,
        bytes,
        pictures: pictures.len(),
        xml_bytes,
    })
}

fn log_uniform(rng: &mut Rng, low: f64, high: f64) -> f64 {
    low * (high / low).powf(rng.unit())
}
