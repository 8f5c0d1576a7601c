//! Growing a reply into a benchmark file: filler text before the form, letterhead pictures,
//! zipped deterministically. Shared by `make-bench-corpus` and `benches/stages.rs`.

use std::error::Error;
use std::fs;
use std::io::{Cursor, Read, Write};
use std::path::Path;

use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, DateTime, ZipArchive, ZipWriter};

pub type Res<T> = Result<T, Box<dyn Error + Send + Sync>>;

/// SplitMix64: small, fixed, reproducible.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed ^ 0x5DEE_CE66_D1CE_4E5B)
    }
    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    pub fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
    pub fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }
}

/// One source reply, unpacked.
pub struct Source {
    pub stem: String,
    pub parts: Vec<(String, Vec<u8>)>,
}

/// Filler words: Latin, so that they name no member state, draft, date or form label.
pub const WORDS: [&str; 64] = [
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

pub fn unpack(path: &Path) -> Res<Source> {
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

/// The source grown to about `target` bytes: `pictures` added and filler text of about
/// `text_target` compressed bytes before the form (sized by a few tries, deflate's ratio being
/// known only once tried). Also gives the size of `word/document.xml`.
pub fn grow(
    src: &Source,
    seed: u64,
    text_target: u64,
    pictures: &[Vec<u8>],
    target: u64,
) -> Res<(Vec<u8>, usize)> {
    let with_pics = package(src, "", pictures)?.len() as u64;
    let mut ratio = 6.0;
    let mut bytes = Vec::new();
    let mut xml_bytes = 0;
    for _ in 0..6 {
        let want = (text_target as f64 * ratio) as usize;
        let text = filler(seed, want);
        bytes = package(src, &text, pictures)?;
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
    Ok((bytes, xml_bytes))
}

/// Paragraphs of filler text, about `len` bytes of XML: sentences of Latin words, capitalised,
/// with commas and full stops, in one to three runs a paragraph (the second one bold).
pub fn filler(seed: u64, len: usize) -> String {
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
            for _ in 0..1 + rng.below(3) {
                let words = 6 + rng.below(15);
                for w in 0..words {
                    let word = WORDS[rng.below(WORDS.len() as u64) as usize];
                    if w == 0 {
                        let mut cs = word.chars();
                        out.extend(cs.next().map(|c| c.to_ascii_uppercase()));
                        out.push_str(cs.as_str());
                    } else {
                        out.push(' ');
                        out.push_str(word);
                    }
                    if w + 1 < words && rng.below(8) == 0 {
                        out.push(',');
                    }
                }
                out.push_str(". ");
            }
            out.push_str("</w:t></w:r>");
        }
        out.push_str("</w:p>");
    }
    out
}

/// A valid PNG of noise (incompressible, like a photograph) of about `size` bytes.
pub fn png(rng: &mut Rng, size: u64) -> Vec<u8> {
    let width: u32 = 512;
    let row = 1 + width as usize * 3;
    let height = (size as usize / row).max(1) as u32;
    let mut raw = Vec::with_capacity(row * height as usize);
    for _ in 0..height {
        // Each row: its filter type (0, none), then the pixels.
        let pixels = (0..width * 3 / 8).flat_map(|_| rng.next().to_le_bytes());
        raw.extend(std::iter::once(0u8).chain(pixels));
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

pub fn chunk(out: &mut Vec<u8>, kind: &[u8; 4], data: &[u8]) {
    out.extend_from_slice(&(data.len() as u32).to_be_bytes());
    let start = out.len();
    out.extend_from_slice(kind);
    out.extend_from_slice(data);
    let crc = crc32(&out[start..]);
    out.extend_from_slice(&crc.to_be_bytes());
}

pub fn crc32(data: &[u8]) -> u32 {
    let mut crc = !0u32;
    for &b in data {
        crc ^= u32::from(b);
        for _ in 0..8 {
            crc = (crc >> 1) ^ (0xEDB8_8320 & (crc & 1).wrapping_neg());
        }
    }
    !crc
}

pub fn adler32(data: &[u8]) -> u32 {
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

pub const PICTURE_REL: &str =
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/image";

/// A letterhead picture paragraph showing relationship `rid`.
pub fn drawing(n: usize, rid: &str) -> String {
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
pub fn insert_after_start(xml: &str, tag: &str, what: &str) -> Res<String> {
    let at = xml
        .find(&format!("<{tag}>"))
        .or_else(|| xml.find(&format!("<{tag} ")))
        .ok_or_else(|| format!("no <{tag}>"))?;
    let end = at + xml[at..].find('>').ok_or("unclosed tag")? + 1;
    Ok(format!("{}{what}{}", &xml[..end], &xml[end..]))
}

/// Inserts `what` right before `</tag>`.
pub fn insert_before_end(xml: &str, tag: &str, what: &str) -> Res<String> {
    let at = xml
        .rfind(&format!("</{tag}>"))
        .ok_or_else(|| format!("no </{tag}>"))?;
    Ok(format!("{}{what}{}", &xml[..at], &xml[at..]))
}

/// The source's parts with the filler and pictures added, zipped deterministically.
pub fn package(src: &Source, filler: &str, pictures: &[Vec<u8>]) -> Res<Vec<u8>> {
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

pub fn picture_rels(n: usize) -> String {
    (1..=n)
        .map(|k| {
            format!(
                "<Relationship Id=\"rIdBench{k}\" Type=\"{PICTURE_REL}\" Target=\"media/image{k}.png\"/>"
            )
        })
        .collect()
}
