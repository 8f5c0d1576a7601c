//! Builds the benchmark corpus: `COUNT` reply files made from the generated samples
//! (`samples/*.docx`) and, when present, the practice replies (`../shared/replies/circ42/*.docx`).
//!
//! ```sh
//! cargo run --release --example make-bench-corpus -- [OUT_DIR [COUNT]] [--samples-only]
//! # defaults: bench/corpus and 2000
//! ```
//!
//! `--samples-only` leaves the practice replies out: every file then answers Circular 117.
//!
//! Each file is one source reply (taken in turn, so languages and checkbox mechanisms vary as
//! in the sources) grown to a target size drawn log-uniformly between 20 KB and 2 MB: a cover
//! letter of filler paragraphs is put before the form, and some files (all the large ones)
//! carry a letterhead picture (`word/media/imageN.png`, its relationship and a `w:drawing`
//! run). Most files keep the source's name with a number; one in ten gets a generic name.
//! The output is deterministic: the same sources give the same bytes.

use std::error::Error;
use std::fs;
use std::io::{Cursor, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use rayon::prelude::*;
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, DateTime, ZipArchive, ZipWriter};

const MIN_SIZE: f64 = 20_000.0;
const MAX_SIZE: f64 = 2_000_000.0;
/// Compressed bytes of filler text in one file: drawn log-uniformly between these (a cover
/// letter of about a page to some sixty pages). A file larger than its text and the form
/// carries pictures for the rest, as real replies do: their size is letterheads and scans.
const MIN_TEXT: f64 = 4_000.0;
const MAX_TEXT: f64 = 60_000.0;
/// Smallest picture added.
const MIN_PICTURE: u64 = 4_000;

type Res<T> = Result<T, Box<dyn Error + Send + Sync>>;

/// SplitMix64: small, fixed, reproducible.
struct Rng(u64);

impl Rng {
    fn new(seed: u64) -> Rng {
        Rng(seed ^ 0x5DEE_CE66_D1CE_4E5B)
    }
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }
}

/// One source reply, unpacked.
struct Source {
    stem: String,
    parts: Vec<(String, Vec<u8>)>,
}

/// Filler words: Latin, so that they name no member state, draft, date or form label.
const WORDS: [&str; 64] = [
    "lorem",
    "ipsum",
    "dolor",
    "sit",
    "amet",
    "consectetur",
    "adipiscing",
    "elit",
    "sed",
    "do",
    "eiusmod",
    "tempor",
    "incididunt",
    "ut",
    "labore",
    "et",
    "dolore",
    "magna",
    "aliqua",
    "enim",
    "ad",
    "minim",
    "veniam",
    "quis",
    "nostrud",
    "exercitation",
    "ullamco",
    "laboris",
    "nisi",
    "aliquip",
    "ex",
    "ea",
    "commodo",
    "consequat",
    "duis",
    "aute",
    "irure",
    "reprehenderit",
    "voluptate",
    "velit",
    "esse",
    "cillum",
    "fugiat",
    "nulla",
    "pariatur",
    "excepteur",
    "sint",
    "occaecat",
    "cupidatat",
    "non",
    "proident",
    "sunt",
    "culpa",
    "qui",
    "officia",
    "deserunt",
    "mollit",
    "anim",
    "est",
    "laborum",
    "praesentium",
    "voluptatum",
    "deleniti",
    "atque",
];

fn main() -> ExitCode {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let all: Vec<std::ffi::OsString> = std::env::args_os().skip(1).collect();
    let samples_only = all.iter().any(|a| a == "--samples-only");
    let mut args = all.into_iter().filter(|a| a != "--samples-only");
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
    match run(&root, &out, count, samples_only) {
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

fn run(root: &Path, out: &Path, count: usize, samples_only: bool) -> Res<Stats> {
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
            let m = variant(src, i)?;
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

fn unpack(path: &Path) -> Res<Source> {
    let mut zip = ZipArchive::new(Cursor::new(fs::read(path)?))?;
    let mut parts = Vec::new();
    for i in 0..zip.len() {
        let mut f = zip.by_index(i)?;
        if f.is_dir() {
            continue;
        }
        let mut data = Vec::new();
        f.read_to_end(&mut data)?;
        let name = f.name()?.into_owned();
        parts.push((name, data));
    }
    if !parts.iter().any(|(n, _)| n == "word/document.xml") {
        return Err("no word/document.xml".into());
    }
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    Ok(Source { stem, parts })
}

/// The `i`-th corpus file: its name and bytes.
fn variant(src: &Source, i: usize) -> Res<Made> {
    let mut rng = Rng::new(i as u64);
    let target = log_uniform(&mut rng, MIN_SIZE, MAX_SIZE) as u64;
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
    let with_pics = package(src, "", &pictures)?.len() as u64;
    // Size the filler: guess the compression ratio, then correct it until the size is near.
    let mut ratio = 6.0;
    let mut bytes = Vec::new();
    let mut xml_bytes = 0;
    for _ in 0..6 {
        let want = (text_target as f64 * ratio) as usize;
        let text = filler(seed, want);
        bytes = package(src, &text, &pictures)?;
        xml_bytes = text.len();
        let got = (bytes.len() as u64).saturating_sub(with_pics).max(1);
        if text.is_empty() || (bytes.len() as f64 / target as f64 - 1.0).abs() < 0.02 {
            break;
        }
        ratio = text.len() as f64 / got as f64;
    }
    xml_bytes += src
        .parts
        .iter()
        .find(|(n, _)| n == "word/document.xml")
        .map_or(0, |(_, d)| d.len());
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

/// Paragraphs of filler text, about `len` bytes of XML.
fn filler(seed: u64, len: usize) -> String {
    let mut rng = Rng::new(seed);
    let mut out = String::with_capacity(len + 1024);
    while out.len() < len {
        out.push_str("<w:p><w:pPr><w:spacing w:after=\"120\"/></w:pPr>");
        let runs = 1 + rng.below(3);
        for r in 0..runs {
            if r == 1 {
                out.push_str("<w:r><w:rPr><w:b/></w:rPr><w:t xml:space=\"preserve\">");
            } else {
                out.push_str("<w:r><w:t xml:space=\"preserve\">");
            }
            let words = 8 + rng.below(40);
            for w in 0..words {
                if w > 0 {
                    out.push(' ');
                }
                out.push_str(WORDS[rng.below(WORDS.len() as u64) as usize]);
            }
            out.push_str(if r + 1 == runs {
                ".</w:t></w:r>"
            } else {
                " </w:t></w:r>"
            });
        }
        out.push_str("</w:p>");
    }
    out
}

/// A valid PNG of noise (incompressible, like a photograph) of about `size` bytes.
fn png(rng: &mut Rng, size: u64) -> Vec<u8> {
    let width: u32 = 512;
    let row = 1 + width as usize * 3;
    let height = (size as usize / row).max(1) as u32;
    let mut raw = Vec::with_capacity(row * height as usize);
    for _ in 0..height {
        raw.push(0); // filter: none
        for _ in 0..width * 3 / 8 {
            raw.extend_from_slice(&rng.next().to_le_bytes());
        }
    }
    // zlib stream of stored deflate blocks.
    let mut z = vec![0x78, 0x01];
    let mut chunks = raw.chunks(65_535).peekable();
    while let Some(c) = chunks.next() {
        z.push(u8::from(chunks.peek().is_none()));
        let n = c.len() as u16;
        z.extend_from_slice(&n.to_le_bytes());
        z.extend_from_slice(&(!n).to_le_bytes());
        z.extend_from_slice(c);
    }
    z.extend_from_slice(&adler32(&raw).to_be_bytes());
    let mut ihdr = Vec::new();
    ihdr.extend_from_slice(&width.to_be_bytes());
    ihdr.extend_from_slice(&height.to_be_bytes());
    ihdr.extend_from_slice(&[8, 2, 0, 0, 0]);
    let mut out = b"\x89PNG\r\n\x1a\n".to_vec();
    chunk(&mut out, b"IHDR", &ihdr);
    chunk(&mut out, b"IDAT", &z);
    chunk(&mut out, b"IEND", &[]);
    out
}

fn chunk(out: &mut Vec<u8>, kind: &[u8; 4], data: &[u8]) {
    out.extend_from_slice(&(data.len() as u32).to_be_bytes());
    let start = out.len();
    out.extend_from_slice(kind);
    out.extend_from_slice(data);
    let crc = crc32(&out[start..]);
    out.extend_from_slice(&crc.to_be_bytes());
}

fn crc32(data: &[u8]) -> u32 {
    let mut crc = !0u32;
    for &b in data {
        crc ^= u32::from(b);
        for _ in 0..8 {
            crc = (crc >> 1) ^ (0xEDB8_8320 & (crc & 1).wrapping_neg());
        }
    }
    !crc
}

fn adler32(data: &[u8]) -> u32 {
    let (mut a, mut b) = (1u32, 0u32);
    for chunk in data.chunks(5552) {
        for &x in chunk {
            a += u32::from(x);
            b += a;
        }
        a %= 65_521;
        b %= 65_521;
    }
    (b << 16) | a
}

const PICTURE_REL: &str =
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/image";

/// A letterhead picture paragraph showing relationship `rid`.
fn drawing(n: usize, rid: &str) -> String {
    format!(
        "<w:p><w:r><w:drawing><wp:inline distT=\"0\" distB=\"0\" distL=\"0\" distR=\"0\" \
xmlns:wp=\"http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing\">\
<wp:extent cx=\"5486400\" cy=\"914400\"/><wp:docPr id=\"{id}\" name=\"Picture {n}\"/>\
<a:graphic xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\">\
<a:graphicData uri=\"http://schemas.openxmlformats.org/drawingml/2006/picture\">\
<pic:pic xmlns:pic=\"http://schemas.openxmlformats.org/drawingml/2006/picture\">\
<pic:nvPicPr><pic:cNvPr id=\"{id}\" name=\"image{n}.png\"/><pic:cNvPicPr/></pic:nvPicPr>\
<pic:blipFill><a:blip r:embed=\"{rid}\" \
xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"/>\
<a:stretch><a:fillRect/></a:stretch></pic:blipFill>\
<pic:spPr><a:xfrm><a:off x=\"0\" y=\"0\"/><a:ext cx=\"5486400\" cy=\"914400\"/></a:xfrm>\
<a:prstGeom prst=\"rect\"><a:avLst/></a:prstGeom></pic:spPr></pic:pic></a:graphicData>\
</a:graphic></wp:inline></w:drawing></w:r></w:p>",
        id = 9000 + n,
    )
}

/// Inserts `what` right after the first `<tag …>` start tag of `xml`.
fn insert_after_start(xml: &str, tag: &str, what: &str) -> Res<String> {
    let at = xml
        .find(&format!("<{tag}>"))
        .or_else(|| xml.find(&format!("<{tag} ")))
        .ok_or_else(|| format!("no <{tag}>"))?;
    let end = at + xml[at..].find('>').ok_or("unclosed tag")? + 1;
    Ok(format!("{}{what}{}", &xml[..end], &xml[end..]))
}

/// Inserts `what` right before `</tag>`.
fn insert_before_end(xml: &str, tag: &str, what: &str) -> Res<String> {
    let at = xml
        .rfind(&format!("</{tag}>"))
        .ok_or_else(|| format!("no </{tag}>"))?;
    Ok(format!("{}{what}{}", &xml[..at], &xml[at..]))
}

/// The source's parts with the filler and pictures added, zipped deterministically.
fn package(src: &Source, filler: &str, pictures: &[Vec<u8>]) -> Res<Vec<u8>> {
    let time = DateTime::from_date_and_time(2023, 2, 6, 10, 0, 0)?;
    let xml_opts = SimpleFileOptions::default()
        .compression_method(CompressionMethod::Deflated)
        .compression_level(Some(6))
        .last_modified_time(time);
    // Noise does not compress: stored, as Word's deflate would end up storing it anyway.
    let media_opts = SimpleFileOptions::default()
        .compression_method(CompressionMethod::Stored)
        .last_modified_time(time);
    let mut parts: Vec<(String, Vec<u8>)> = Vec::new();
    let mut has_rels = false;
    for (name, data) in &src.parts {
        let data = match name.as_str() {
            "word/document.xml" => {
                let xml = std::str::from_utf8(data)?;
                let mut head: String = (0..pictures.len())
                    .map(|n| drawing(n + 1, &format!("rIdBench{}", n + 1)))
                    .collect();
                head.push_str(filler);
                insert_after_start(xml, "w:body", &head)?.into_bytes()
            }
            "word/_rels/document.xml.rels" => {
                has_rels = true;
                let xml = std::str::from_utf8(data)?;
                insert_before_end(xml, "Relationships", &picture_rels(pictures.len()))?.into_bytes()
            }
            "[Content_Types].xml" if !pictures.is_empty() => {
                let xml = std::str::from_utf8(data)?;
                if xml.contains("Extension=\"png\"") {
                    data.clone()
                } else {
                    insert_after_start(
                        xml,
                        "Types",
                        "<Default Extension=\"png\" ContentType=\"image/png\"/>",
                    )?
                    .into_bytes()
                }
            }
            _ => data.clone(),
        };
        parts.push((name.clone(), data));
    }
    if !has_rels && !pictures.is_empty() {
        return Err("the source has no word/_rels/document.xml.rels".into());
    }
    for (n, p) in pictures.iter().enumerate() {
        parts.push((format!("word/media/image{}.png", n + 1), p.clone()));
    }
    let mut zip = ZipWriter::new(Cursor::new(Vec::new()));
    for (name, data) in parts {
        let opts = if name.starts_with("word/media/") {
            media_opts
        } else {
            xml_opts
        };
        zip.start_file(name, opts)?;
        zip.write_all(&data)?;
    }
    Ok(zip.finish()?.into_inner())
}

fn picture_rels(n: usize) -> String {
    (1..=n)
        .map(|k| {
            format!(
                "<Relationship Id=\"rIdBench{k}\" Type=\"{PICTURE_REL}\" Target=\"media/image{k}.png\"/>"
            )
        })
        .collect()
}
