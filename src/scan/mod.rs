//! Reading a scan: page images (an image-only PDF, or `.png`/`.jpg`/`.tif` files) → the same
//! [`Document`] the form reader gets from a text PDF (the "reading the document" stage for
//! scans, beside [`crate::pdf`]).
//!
//! Owns rendering an image-only PDF's pages (poppler's `pdftoppm`) and decoding image files,
//! within bounds; deskewing each page ([`raster`]); OCR with the `tesseract` CLI, its script
//! told first so the right language packs read it ([`ocr`]); and finding the hollow squares
//! of check boxes in the pixels, each measured for the ink inside it. Words, ruling lines and
//! boxes become a [`crate::pdf`] page in points, so the PDF layout code rebuilds lines, cells
//! and marks exactly as for a text PDF: the form reader is the same one.

mod ocr;
mod raster;

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Duration;

use crate::docx::model::{Checkbox, Document, Mechanism};
use crate::pdf::page::{Glyph, Page, Rect, Segment, Widget};
use raster::Gray;
use std::collections::BTreeMap;

pub mod limits {
    /// Most pages read from one scan (a reply with its letter has a few).
    pub const MAX_PAGES: usize = 12;
    /// Most pixels an image file may declare before it is decoded.
    pub const MAX_PIXELS: u64 = 100_000_000;
    /// Pages are worked on with their longest side at most this (about 200 dpi on A4).
    pub const MAX_SIDE: u32 = 2400;
    /// Longest one program (pdftoppm for all pages, tesseract for one) may run.
    pub const SECONDS_PER_PAGE: u64 = 120;
}

/// Share of the inside of a box darker than light gray from which it is read as marked
/// (measured on tests/fixtures/pdf/scans, Germany at 200 dpi: empty boxes 0.000–0.008,
/// LibreOffice's hairline cross 0.046–0.063 after blur and JPEG, a hand tick 0.24).
pub const MARKED_INK: f64 = 0.02;
/// Below this confidence an answer read from a scan is a `decide` item (README, "Scans").
/// Above 1: every answer read from a scan is a `decide` item, until the scan reader is measured
/// at the target (decisions 40.7 % right on the fixture scans today; answers read with
/// a confidence of 0.75 and more were still wrong).
pub const REVIEW_BELOW: f64 = 1.01;
/// Widths of an A4 and a Letter page, in points: a page image's scale when it has no dpi.
const PAGE_WIDTH_PT: f64 = 595.0;

pub const INSTALL: &str = "apt-get install tesseract-ocr tesseract-ocr-eng tesseract-ocr-fra tesseract-ocr-spa tesseract-ocr-rus tesseract-ocr-ara tesseract-ocr-chi-sim poppler-utils";

/// Why a scan could not be read.
#[derive(Debug, thiserror::Error)]
pub enum ScanError {
    #[error("a scan (pages are images): reading it needs Tesseract OCR, not found on the PATH; install it ({INSTALL}) and run again, or ask the sender for the Word file")]
    NoTesseract,
    #[error("a scanned PDF whose pages could not be rendered ({0}); install poppler-utils, or ask the sender for the Word file")]
    Render(String),
    #[error("an image that could not be decoded ({0}); ask the sender to send it again")]
    Decode(String),
    #[error("refused: {0}")]
    TooLarge(String),
    #[error("OCR failed ({0}); ask the sender for the Word file")]
    Ocr(String),
}

/// Whether a file name is one of the image types read as a scan.
pub fn is_image_name(name: &str) -> bool {
    let lower = name.to_lowercase();
    [".png", ".jpg", ".jpeg", ".tif", ".tiff"]
        .iter()
        .any(|e| lower.ends_with(e))
}

/// Reads an image-only PDF: each page rendered, then read as a scan.
pub fn read_pdf(bytes: &[u8]) -> Result<Document, ScanError> {
    let exe = ocr::find().ok_or(ScanError::NoTesseract)?;
    let dir = tempfile::tempdir().map_err(|e| ScanError::Render(e.to_string()))?;
    let pdf = dir.path().join("in.pdf");
    std::fs::write(&pdf, bytes).map_err(|e| ScanError::Render(e.to_string()))?;
    let mut cmd = Command::new("pdftoppm");
    cmd.args(["-gray", "-png", "-l", &limits::MAX_PAGES.to_string()])
        .args(["-scale-to", &limits::MAX_SIDE.to_string()])
        .arg(&pdf)
        .arg(dir.path().join("p"))
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null());
    let timeout = Duration::from_secs(limits::SECONDS_PER_PAGE);
    match crate::intake::convert::run_bounded(cmd, timeout) {
        Ok(s) if s.success() => {}
        Ok(s) => return Err(ScanError::Render(format!("pdftoppm stopped with {s}"))),
        Err(_) => {
            return Err(ScanError::Render(
                "pdftoppm did not run or took too long".into(),
            ))
        }
    }
    let mut names: Vec<_> = std::fs::read_dir(dir.path())
        .map_err(|e| ScanError::Render(e.to_string()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "png"))
        .collect();
    // p-1.png … p-10.png: pdftoppm pads the numbers to the same width, so names sort.
    names.sort();
    let pages = names
        .iter()
        .map(|p| std::fs::read(p).map_err(|e| ScanError::Render(e.to_string())))
        .map(|b| b.and_then(|b| decode(&b)).map(|mut v| v.remove(0)))
        .collect::<Result<Vec<_>, _>>()?;
    read_pages(&exe, pages, dir.path())
}

/// Reads an image file (every page of a multi-page TIFF).
pub fn read_image(bytes: &[u8]) -> Result<Document, ScanError> {
    let exe = ocr::find().ok_or(ScanError::NoTesseract)?;
    let pages = decode(bytes)?;
    let dir = tempfile::tempdir().map_err(|e| ScanError::Ocr(e.to_string()))?;
    read_pages(&exe, pages, dir.path())
}

/// The pages of an image file, gray, each at most [`limits::MAX_SIDE`] on its longest side.
fn decode(bytes: &[u8]) -> Result<Vec<Gray>, ScanError> {
    if bytes.starts_with(b"II*\0") || bytes.starts_with(b"MM\0*") {
        return decode_tiff(bytes);
    }
    let mut reader = image::ImageReader::new(std::io::Cursor::new(bytes))
        .with_guessed_format()
        .map_err(|e| ScanError::Decode(e.to_string()))?;
    reader.limits(image_limits());
    let img = reader.decode().map_err(|e| match e {
        image::ImageError::Limits(l) => ScanError::TooLarge(format!("image too large ({l})")),
        e => ScanError::Decode(e.to_string()),
    })?;
    Ok(vec![gray(img.to_luma8())])
}

fn image_limits() -> image::Limits {
    let mut l = image::Limits::default();
    l.max_image_width = Some(20_000);
    l.max_image_height = Some(20_000);
    l.max_alloc = Some(limits::MAX_PIXELS * 4);
    l
}

/// Each page of a TIFF (a fax-like scan keeps all pages in one file).
fn decode_tiff(bytes: &[u8]) -> Result<Vec<Gray>, ScanError> {
    let err = |e: tiff::TiffError| ScanError::Decode(e.to_string());
    let mut dec = tiff::decoder::Decoder::new(std::io::Cursor::new(bytes)).map_err(err)?;
    let mut pages = Vec::new();
    while pages.len() < limits::MAX_PAGES {
        let (w, h) = dec.dimensions().map_err(err)?;
        if u64::from(w) * u64::from(h) > limits::MAX_PIXELS {
            return Err(ScanError::TooLarge(format!(
                "a TIFF page of {w}×{h} pixels"
            )));
        }
        // 0: WhiteIsZero (bilevel fax pages), 1: BlackIsZero.
        let photometric = dec
            .get_tag_u32(tiff::tags::Tag::PhotometricInterpretation)
            .unwrap_or(1);
        let buf = match dec.read_image().map_err(err)? {
            tiff::decoder::DecodingResult::U8(b) => b,
            _ => {
                return Err(ScanError::Decode(
                    "a TIFF with 16- or 32-bit samples".into(),
                ))
            }
        };
        pages.push(tiff_gray(w as usize, h as usize, buf, photometric == 0)?);
        if !dec.more_images() {
            break;
        }
        dec.next_image().map_err(err)?;
    }
    Ok(pages)
}

/// A decoded TIFF page as gray: bilevel (one bit a pixel, rows padded to bytes), gray or RGB.
fn tiff_gray(w: usize, h: usize, buf: Vec<u8>, white_is_zero: bool) -> Result<Gray, ScanError> {
    let mut px: Vec<u8> = if buf.len() == w * h {
        buf
    } else if buf.len() == w * h * 3 {
        buf.chunks_exact(3)
            .map(|c| ((u32::from(c[0]) * 3 + u32::from(c[1]) * 6 + u32::from(c[2])) / 10) as u8)
            .collect()
    } else if buf.len() == w.div_ceil(8) * h {
        let row = w.div_ceil(8);
        (0..h)
            .flat_map(|y| (0..w).map(move |x| (y, x)))
            .map(|(y, x)| {
                if (buf[y * row + x / 8] >> (7 - x % 8)) & 1 == 1 {
                    255
                } else {
                    0
                }
            })
            .collect()
    } else {
        return Err(ScanError::Decode("a TIFF of an unsupported layout".into()));
    };
    if white_is_zero {
        px.iter_mut().for_each(|p| *p = 255 - *p);
    }
    Ok(shrink(Gray { w, h, px }))
}

fn gray(img: image::GrayImage) -> Gray {
    let (w, h) = (img.width() as usize, img.height() as usize);
    shrink(Gray {
        w,
        h,
        px: img.into_raw(),
    })
}

/// A page larger than [`limits::MAX_SIDE`] reduced by a whole factor (averaging blocks).
fn shrink(g: Gray) -> Gray {
    let f = (g.w.max(g.h)).div_ceil(limits::MAX_SIDE as usize).max(1);
    if f == 1 {
        return g;
    }
    let (w, h) = (g.w / f, g.h / f);
    let mut px = vec![255u8; w * h];
    for y in 0..h {
        for x in 0..w {
            let mut s = 0u32;
            for dy in 0..f {
                for dx in 0..f {
                    s += u32::from(g.px[(y * f + dy) * g.w + x * f + dx]);
                }
            }
            px[y * w + x] = (s / (f * f) as u32) as u8;
        }
    }
    Gray { w, h, px }
}

/// OCR and boxes of every page, then the PDF layout's document.
fn read_pages(exe: &Path, pages: Vec<Gray>, dir: &Path) -> Result<Document, ScanError> {
    if pages.is_empty() {
        return Err(ScanError::Decode("no page in the file".into()));
    }
    let mut lang = None;
    let mut out = Vec::new();
    let mut notes = Vec::new();
    for (n, g) in pages.into_iter().take(limits::MAX_PAGES).enumerate() {
        let bilevel = raster::few_levels(&g);
        let angle = raster::skew(&g);
        let g = raster::rotate(&g, angle);
        let png = dir.join(format!("page{n}.png"));
        image::GrayImage::from_raw(g.w as u32, g.h as u32, g.px.clone())
            .ok_or_else(|| ScanError::Ocr("page buffer".into()))?
            .save(&png)
            .map_err(|e| ScanError::Ocr(e.to_string()))?;
        // REPLYTALLY_SCAN_KEEP=DIR keeps each straightened page image, to look at by eye.
        if let Some(keep) = std::env::var_os("REPLYTALLY_SCAN_KEEP") {
            let _ = std::fs::copy(&png, Path::new(&keep).join(format!("page{n}.png")));
        }
        let lang = *lang.get_or_insert_with(|| ocr::languages(exe, &png, dir));
        let ppt = g.w as f64 / PAGE_WIDTH_PT;
        let dpi = (ppt * 72.0).round() as u32;
        let mut words = ocr::words(exe, &png, dir, lang, dpi)?;
        ocr::fix_series(&mut words);
        ocr::fix_arabic_labels(&mut words);
        if std::env::var_os("REPLYTALLY_SCAN_DEBUG").is_some() {
            eprintln!(
                "words {:?}",
                words.iter().map(|w| w.text.as_str()).collect::<Vec<_>>()
            );
        }
        notes.push(format!(
            "scan page {}: OCR by Tesseract ({lang}), turned {angle:.2}° straight, {} words",
            n + 1,
            words.len()
        ));
        out.push(page_of(&g, ppt, &words, bilevel));
    }
    let mut doc = crate::pdf::layout::document(&out);
    if std::env::var_os("REPLYTALLY_SCAN_DEBUG").is_some() {
        for p in doc.paragraphs() {
            eprintln!("| {}", p.text());
        }
        debug_blocks(&doc.body, "");
    }
    doc.notes.extend(notes);
    Ok(doc)
}

/// The document's blocks as text, marks as `[x]` and `[ ]`, table cells as `row.cell`
/// (REPLYTALLY_SCAN_DEBUG).
fn debug_blocks(blocks: &[crate::docx::model::Block], indent: &str) {
    use crate::docx::model::{Block, Inline};
    let line = |p: &crate::docx::model::Paragraph| {
        p.inlines
            .iter()
            .map(|i| match i {
                Inline::Text { text, .. } => text.clone(),
                Inline::Tab => "\t".into(),
                Inline::Break => "\n".into(),
                Inline::Checkbox(c) if c.checked == Some(true) => "[x]".into(),
                Inline::Checkbox(_) => "[ ]".into(),
            })
            .collect::<String>()
    };
    for b in blocks {
        match b {
            Block::Paragraph(p) => eprintln!("{indent}¶ {}", line(p)),
            Block::Table(t) => {
                eprintln!("{indent}table");
                for (r, row) in t.rows.iter().enumerate() {
                    for (c, cell) in row.cells.iter().enumerate() {
                        eprintln!("{indent}  {r}.{c} (grid {}):", cell.grid_col);
                        debug_blocks(&cell.blocks, &format!("{indent}    "));
                    }
                }
            }
        }
    }
}

/// How a mark's ink is read: marked from `at`; sure empty at or below `empty`, sure marked
/// at or above `marked`.
pub struct Levels {
    pub empty: f64,
    pub at: f64,
    pub marked: f64,
    /// Highest threshold a page's own marks may raise `at` to ([`Levels::on_page`]).
    pub at_most: f64,
    /// Least ink of the upper group of a gap that raises `at` ([`Levels::on_page`]): a
    /// typed ☒ is crossed corner to corner (0.5 and more), a hand tick is lighter (0.24–0.27)
    /// and a page with one beside a hairline cross (0.026) must not make the cross empty.
    pub raise_from: f64,
}

/// Gray levels up to this are ink when faint boxes are looked for ([`page_of`]): all but the
/// paper (the fixture scans' clean-up makes everything over 228 white).
const FAINT_INK: u8 = 228;

/// Inks below this are all alike (speckle): ratios between them mean nothing.
const INK_FLOOR: f64 = 0.005;
/// Two groups of a page's marks are empty and marked when their inks are this many times apart.
const GAP_RATIO: f64 = 3.0;

/// A square box: its inside is measured clear of the edges, so a hairline cross shows.
pub const SQUARE: Levels = Levels {
    empty: 0.01,
    at: MARKED_INK,
    marked: 0.04,
    at_most: 0.15,
    raise_from: 0.4,
};
/// A circle's inner disc: a letter taken for a circle (an e, an a) has strokes inside it
/// (0.1–0.2 on the fixture scans), a filled ● is near 1, a hollow ○ near 0.
pub const CIRCLE: Levels = Levels {
    empty: 0.05,
    at: 0.35,
    marked: 0.6,
    at_most: 0.5,
    raise_from: 0.6,
};

impl Levels {
    /// The levels for one page's marks of one shape, from their own inks: when they fall in
    /// two groups far apart (the largest ratio between neighbouring inks, at least
    /// [`GAP_RATIO`], the upper group from `raise_from`), the threshold is raised to the middle
    /// of the gap (geometric), within `at`–`at_most`. A typed ☐ whose thick edges blur
    /// inwards (0.02) beside ☒ (0.6) is then empty; a hairline cross (0.05) beside empty boxes
    /// (0.01) stays marked. Never lowered: with no clear gap the fixed levels hold.
    pub fn on_page(&self, marks: &[raster::Square]) -> Levels {
        let mut inks: Vec<f64> = marks.iter().map(|m| m.ink.max(INK_FLOOR)).collect();
        inks.sort_by(f64::total_cmp);
        let gap = inks
            .windows(2)
            .map(|w| (w[1] / w[0], w[0], w[1]))
            .filter(|g| g.2 >= self.raise_from.max(self.marked))
            .max_by(|a, b| a.0.total_cmp(&b.0));
        let at = match gap {
            Some((ratio, lo, hi)) if ratio >= GAP_RATIO => {
                (lo * hi).sqrt().clamp(self.at, self.at_most)
            }
            _ => self.at,
        };
        let scale = at / self.at;
        Levels {
            empty: self.empty * scale,
            at,
            marked: self.marked * scale,
            at_most: self.at_most,
            raise_from: self.raise_from,
        }
    }

    /// How sure a mark's reading is, from how far its ink lies from `at`: 1.0 at or beyond
    /// `empty` and `marked`, down to 0.5 at the threshold itself.
    pub fn confidence(&self, ink: f64) -> f64 {
        let c = if ink < self.at {
            0.5 + 0.5 * (self.at - ink) / (self.at - self.empty)
        } else {
            0.5 + 0.5 * (ink - self.at) / (self.marked - self.at)
        };
        c.clamp(0.5, 1.0)
    }
}

/// Round option marks (○, ⃝, ●, a radio button) of radius 2.2–7 pt that are not a letter: a
/// circle inside an OCR word of several letters that goes on past it is an o, an e or a 0
/// (a ○ typed before its label is a word of its own, a tab away).
fn option_circles(
    g: &Gray,
    map: &raster::InkMap,
    ppt: f64,
    words: &[ocr::Word],
    squares: &[raster::Square],
) -> Vec<raster::Square> {
    let px = |pt: f64| (pt * ppt).round() as usize;
    let mut found = raster::circles(g, map, px(2.2), px(7.0), squares);
    found.retain(|c| !inside_word(c, words));
    found
}

/// Whether a mark found in the pixels lies inside an OCR word of several letters that goes on
/// past it: then it is one of the word's letters.
fn inside_word(c: &raster::Square, words: &[ocr::Word]) -> bool {
    let (cx, cy) = (c.x + c.side / 2, c.y + c.side / 2);
    words.iter().any(|w| {
        let inside = w.left <= cx && cx < w.left + w.width && w.top <= cy && cy < w.top + w.height;
        let longer = w.left + c.side / 2 < c.x || c.x + c.side + c.side / 2 < w.left + w.width;
        inside && w.text.chars().count() > 1 && longer
    })
}

/// One page image as a PDF page in points: words as glyphs, ruling lines, boxes as marks.
/// `bilevel`: the page came as black and white pixels ([`raster::few_levels`]).
fn page_of(g: &Gray, ppt: f64, words: &[ocr::Word], bilevel: bool) -> Page {
    let level = raster::otsu(g);
    let map = raster::InkMap::new(g.w, g.h, &raster::binarize_at(g, level));
    let px = |pt: f64| (pt * ppt).round() as usize;
    // Drawn boxes are 11–15 pt, a ☐ typed in the text 6.5–9 pt; a small square inside an OCR
    // word that goes on past it is a letter (口, a D), as for circles.
    let mut squares = raster::squares(&map, px(6.5), px(17.0));
    // A hairline box can come out lighter than Otsu's black: a bilevel fax page averaged down
    // to the working size and straightened leaves its one-pixel edges 160–225 gray. On such a
    // page boxes are looked for again with all but near-white as ink, and those found only so
    // whose edges are faint (at most one of them black) are added: a letter thickened by the
    // light threshold ("и", "H") has black strokes. On a gray page (JPEG) the light threshold
    // finds letters, not boxes, and is not used.
    if bilevel && level < FAINT_INK {
        let faint = raster::InkMap::new(g.w, g.h, &raster::binarize_at(g, FAINT_INK));
        for q in raster::squares(&faint, px(6.5), px(17.0)) {
            if raster::inked_edges(&map, &q) <= 1 && !squares.iter().any(|k| raster::overlap(&q, k))
            {
                squares.push(q);
            }
        }
    }
    squares.retain(|q| q.side >= px(10.0) || !inside_word(q, words));
    // The ink inside: pixels darker than light gray (Otsu's black misses a hairline cross
    // blurred to gray); REPLYTALLY_SCAN_MEASURE=otsu measures as the first, untuned version
    // did, for scripts/score-scan.py's before/after.
    if std::env::var("REPLYTALLY_SCAN_MEASURE").as_deref() != Ok("otsu") {
        for q in &mut squares {
            q.ink = raster::dark_share(g, q, 200);
        }
    }
    let circles = option_circles(g, &map, ppt, words, &squares);
    let (sq, ci) = (SQUARE.on_page(&squares), CIRCLE.on_page(&circles));
    let marks: Vec<(raster::Square, &Levels)> = squares
        .iter()
        .map(|q| (*q, &sq))
        .chain(circles.iter().map(|c| (*c, &ci)))
        .collect();
    let (h, v) = raster::rules(&map, px(40.0));
    if std::env::var_os("REPLYTALLY_SCAN_DEBUG").is_some() {
        eprintln!(
            "ppt {ppt:.3} squares {:?} rules {h:?} {v:?}",
            marks
                .iter()
                .map(|(q, _)| (q.x, q.y, q.side, (q.ink * 1000.0).round()))
                .collect::<Vec<_>>(),
        );
    }
    let mut page = Page {
        width: g.w as f64 / ppt,
        height: g.h as f64 / ppt,
        ..Page::default()
    };
    let pt = |p: usize| p as f64 / ppt;
    page.lines.extend(h.iter().map(|&(y, a, b)| Segment {
        x0: pt(a),
        y0: pt(y),
        x1: pt(b),
        y1: pt(y),
    }));
    page.lines.extend(v.iter().map(|&(x, a, b)| Segment {
        x0: pt(x),
        y0: pt(a),
        x1: pt(x),
        y1: pt(b),
    }));
    for (q, levels) in &marks {
        let rect = Rect {
            l: pt(q.x),
            t: pt(q.y),
            r: pt(q.x + q.side),
            b: pt(q.y + q.side),
        };
        let conf = levels.confidence(q.ink);
        page.marks.push(Widget::Box(
            rect,
            Checkbox {
                mechanism: Mechanism::Scan,
                checked: Some(q.ink >= levels.at),
                detail: format!("ink {:.3} in the box, confidence {conf:.2}", q.ink),
            },
        ));
    }
    page.glyphs = glyphs(words, &squares, &cell_borders(&h, &v), ppt);
    page
}

/// Words as characters spread over their boxes, on the baseline of their line. A word over a
/// box is the box read as letters: left out. Right-to-left words are laid out as a PDF draws
/// them (visual order), which the layout turns back.
///
/// A word's size is kept small enough that a cell border under it stays out of the reach the
/// layout gives an underline (0.22 of the size below the baseline): OCR's measure of a line's
/// height is rough, and text sits close to the rule under it, which the layout would else
/// take for an underline and lose the row (`borders`, in pixels: (y, x0, x1)).
fn glyphs(
    words: &[ocr::Word],
    squares: &[raster::Square],
    borders: &[raster::Run],
    ppt: f64,
) -> Vec<Glyph> {
    let lines = line_extents(words);
    let over_box = |w: &ocr::Word| {
        squares.iter().any(|q| {
            let ix = (w.left + w.width).min(q.x + q.side) as i64 - w.left.max(q.x) as i64;
            let iy = (w.top + w.height).min(q.y + q.side) as i64 - w.top.max(q.y) as i64;
            ix > 0 && iy > 0 && (ix * iy) as f64 > 0.3 * (w.width * w.height) as f64
        })
    };
    let mut out = Vec::new();
    for w in words {
        if over_box(w) || w.text.chars().all(|c| "|_[]{}()".contains(c)) {
            continue;
        }
        let (top, bottom) = lines[&w.line];
        let lh = (bottom - top) as f64 / ppt;
        let (size, baseline) = match w.base {
            // Tesseract's own baseline of the line, when it lies within the line.
            Some(b)
                if (top as f64..=(bottom + b.size as usize / 4) as f64)
                    .contains(&b.y_at((w.left + w.width / 2) as f64)) =>
            {
                (
                    b.size / ppt * 0.8,
                    b.y_at((w.left + w.width / 2) as f64) / ppt,
                )
            }
            _ => (lh * 0.85, top as f64 / ppt + lh * 0.78),
        };
        let cx = w.left + w.width / 2;
        let under = borders
            .iter()
            .filter(|&&(y, x0, x1)| x0 <= cx && cx <= x1 && y as f64 / ppt > baseline)
            .map(|&(y, _, _)| y as f64 / ppt - baseline)
            .reduce(f64::min);
        let size = match under {
            Some(d) if d < size * UNDERLINE_REACH => d / UNDERLINE_REACH,
            _ => size,
        };
        let size = size.clamp(4.0, 30.0);
        let mut chars: Vec<char> = w.text.chars().collect();
        if chars.iter().any(|&c| is_rtl(c)) {
            chars.reverse();
        }
        let cw = w.width as f64 / ppt / chars.len().max(1) as f64;
        for (i, c) in chars.into_iter().enumerate() {
            out.push(Glyph {
                x: w.left as f64 / ppt + i as f64 * cw,
                y: baseline,
                width: cw,
                size,
                text: c.to_string(),
            });
        }
    }
    out
}

/// How far below the baseline, as a share of the size, a glyph's rule may lie and still be
/// read as a border rather than an underline: the layout takes lines within 0.22 as
/// underlines; a little more kept clear.
const UNDERLINE_REACH: f64 = 0.3;

/// The horizontal rules that meet a vertical one (a corner or a T, within a few pixels): the
/// borders of a table's cells, never an underline.
fn cell_borders(h: &[raster::Run], v: &[raster::Run]) -> Vec<raster::Run> {
    const NEAR: usize = 4;
    h.iter()
        .filter(|&&(y, x0, x1)| {
            v.iter().any(|&(x, y0, y1)| {
                y0 <= y + NEAR && y <= y1 + NEAR && x0 <= x + NEAR && x <= x1 + NEAR
            })
        })
        .copied()
        .collect()
}

/// Each OCR line's top and bottom, in pixels, from its words of ordinary height, and never
/// reaching into the next line below it: Tesseract often boxes the first line of an Arabic or
/// Chinese cell as tall as two, and its glyphs would then be twice the size and the layout
/// would merge the line with the next one, their letters interleaved.
fn line_extents(words: &[ocr::Word]) -> BTreeMap<(u32, u32, u32), (usize, usize)> {
    let mut by_line: BTreeMap<(u32, u32, u32), Vec<&ocr::Word>> = BTreeMap::new();
    for w in words {
        by_line.entry(w.line).or_default().push(w);
    }
    // (top, bottom, left, right, usual word height) of each line.
    type Extent = (usize, usize, usize, usize, usize);
    let mut ext: BTreeMap<(u32, u32, u32), Extent> = by_line
        .iter()
        .map(|(&k, ws)| {
            let mut h: Vec<usize> = ws.iter().map(|w| w.height).collect();
            h.sort_unstable();
            let usual = h[h.len() / 2];
            let mut e = (usize::MAX, 0, usize::MAX, 0, usual);
            for w in ws.iter().filter(|w| w.height * 2 <= usual * 3) {
                e.0 = e.0.min(w.top);
                e.1 = e.1.max(w.top + w.height);
                e.2 = e.2.min(w.left);
                e.3 = e.3.max(w.left + w.width);
            }
            (k, e)
        })
        .collect();
    let all: Vec<_> = ext.values().copied().collect();
    for e in ext.values_mut() {
        let below = all
            .iter()
            .filter(|o| o.0 >= e.0 + e.4 / 2 && o.0 < e.1 && o.2 < e.3 && e.2 < o.3)
            .map(|o| o.0)
            .min();
        if let Some(t) = below {
            e.1 = t;
        }
    }
    ext.into_iter().map(|(k, e)| (k, (e.0, e.1))).collect()
}

fn is_rtl(c: char) -> bool {
    matches!(c as u32, 0x0590..=0x08FF | 0xFB1D..=0xFDFF | 0xFE70..=0xFEFF)
}

/// A reply read from a scan: every answer's evidence `scan`, its confidence (the least sure
/// box of its draft's lines; 50 when no box was found, since then OCR'd words alone decided),
/// its text marked as OCR, and a `decide` warning on each draft below [`REVIEW_BELOW`] or
/// named in the scan's text with no answer read ([`unanswered_drafts`]).
pub fn settle(r: &mut crate::record::Reply, doc: &Document) {
    use crate::warning::{Warning, WarningKind};
    name_by_text(r, doc);
    let mut unsure = Vec::new();
    for a in &mut r.answers {
        let conf = r
            .excerpts
            .drafts
            .iter()
            .filter(|d| d.draft == a.draft)
            .flat_map(|d| d.excerpt.rows.iter())
            .flat_map(|row| row.cells.iter().flatten())
            .flat_map(|line| line.runs.iter())
            .filter_map(|run| match run {
                crate::form::excerpt::Run::Mark(m) => mark_confidence(&m.detail),
                _ => None,
            })
            .reduce(f64::min)
            .unwrap_or(0.5);
        a.evidence = crate::record::Evidence::Scan;
        a.scan = Some(crate::record::ScanReading {
            confidence: (conf * 100.0).round() as u8,
            text_ocr: !a.text.is_empty(),
        });
        if conf < REVIEW_BELOW {
            unsure.push(Warning::on_draft(
                WarningKind::ScanUnsure,
                &a.draft,
                format!(
                    "{}: read from a scan with confidence {:.0} %: look at the page image and confirm the decision",
                    a.draft,
                    conf * 100.0
                ),
            ));
        }
    }
    r.warnings.push(Warning::new(
        WarningKind::Scanned,
        "read from a scan (OCR by Tesseract, boxes measured in the image): reasons and comments are OCR text",
    ));
    r.warnings.extend(unsure);
    for d in unanswered_drafts(r, doc) {
        let name = match &d.provisional {
            Some(p) => format!("{} ({p})", d.draft),
            None => d.draft.clone(),
        };
        r.warnings.push(Warning::on_draft(
            WarningKind::ScanUnsure,
            &d.draft,
            format!(
                "{name}: named in the scan, but no answer to it was read (its boxes or its name may be unreadable): look at the page image"
            ),
        ));
    }
}

/// Drafts the scan's text names (in the letter, the table, anywhere) that no answer is for and
/// no warning names yet: on a scan that means a table row whose name or boxes OCR did not
/// read, and its answer must not go missing silently. Lines are read two at a time as well,
/// since a name is often wrapped ("Q.3962 (Q.sig-" / "iot)").
pub fn unanswered_drafts(
    r: &crate::record::Reply,
    doc: &Document,
) -> Vec<crate::form::drafts::DraftName> {
    let mut named = named_drafts(doc);
    named.retain(|d| {
        let answered = r
            .answers
            .iter()
            .any(|a| d.names(&a.draft, a.provisional.as_deref()));
        let warned = r
            .warnings
            .iter()
            .any(|w| w.drafts.iter().any(|n| d.names(n, None)) || w.text.contains(&d.draft));
        !answered && !warned
    });
    named
}

/// Answers whose draft OCR misread, put right by the drafts the scan's own text lists with a
/// number and a provisional name (the letter's subject line, the table): a provisional name
/// alone ("E.ACCP") takes its number, and a name one slip from exactly one listed draft not
/// otherwise answered ("E.165.1", "E.CLLsp") is read as it; each such reading is a
/// `draft_misnamed` warning naming both. Without two such drafts in the text nothing changes.
fn name_by_text(r: &mut crate::record::Reply, doc: &Document) {
    use crate::warning::{Warning, WarningKind};
    let listed: Vec<_> = named_drafts(doc)
        .into_iter()
        .filter(|d| d.provisional.is_some() && is_number(&d.draft))
        .collect();
    if listed.len() < 2 {
        return;
    }
    let taken = |r: &crate::record::Reply, d: &crate::form::drafts::DraftName| {
        r.answers.iter().any(|a| {
            a.draft == d.draft
                || d.names(&a.draft, a.provisional.as_deref()) && !is_number(&a.draft)
        })
    };
    for i in 0..r.answers.len() {
        let a = &r.answers[i];
        if listed.iter().any(|d| d.draft == a.draft) {
            continue;
        }
        let by_name = listed
            .iter()
            .find(|d| d.names(&a.draft, a.provisional.as_deref()));
        let close: Vec<_> = listed
            .iter()
            .filter(|d| !taken(r, d) && slip_apart(&a.draft, d))
            .collect();
        let Some(d) = by_name.or(match close.as_slice() {
            [d] => Some(*d),
            _ => None,
        }) else {
            continue;
        };
        let (from, to) = (a.draft.clone(), d.clone());
        r.excerpts.rename(&from, &to.draft);
        let a = &mut r.answers[i];
        a.draft = to.draft.clone();
        a.provisional = to.provisional.clone();
        r.warnings.push(Warning::on_draft(
            WarningKind::DraftMisnamed,
            &to.draft,
            format!(
                "{}: the scan's table reads {from}; read as {} ({}), a draft the scan's text names (check the name)",
                to.draft,
                to.draft,
                to.provisional.as_deref().unwrap_or_default()
            ),
        ));
    }
}

/// A draft number ("E.156.1"), not a provisional name ("E.ACCP").
fn is_number(name: &str) -> bool {
    name.split('.')
        .nth(1)
        .is_some_and(|n| n.starts_with(|c: char| c.is_ascii_digit()))
}

/// Whether an OCR'd draft name is one misreading from a listed draft: a number one edit from
/// its number (same series), or a provisional name within a third
/// of its provisional name's length of it, or a cut-off start of it of five characters or more.
fn slip_apart(read: &str, d: &crate::form::drafts::DraftName) -> bool {
    let same_series = read.chars().next() == d.draft.chars().next();
    if !same_series || read.is_empty() {
        return false;
    }
    if is_number(read) {
        // One substitution, insertion, deletion or swap ("E.165.1"): two would reach another
        // real draft of the same circular (E.118.1 / E.156.1).
        return strsim::osa_distance(read, &d.draft) == 1;
    }
    let Some(p) = d.provisional.as_deref() else {
        return false;
    };
    let dist = strsim::levenshtein(&read.to_lowercase(), &p.to_lowercase());
    dist * 3 <= p.len() || (read.len() >= 5 && p.starts_with(read))
}

/// Drafts the scan's text names anywhere, in order, without repeats.
pub fn named_drafts(doc: &Document) -> Vec<crate::form::drafts::DraftName> {
    use crate::form::drafts::{find_drafts, DraftName};
    let texts: Vec<String> = doc.paragraphs().iter().map(|p| p.text()).collect();
    let mut named: Vec<DraftName> = Vec::new();
    // A hyphen ends a wrapped name's first half; else the lines are words apart.
    let pairs = texts.windows(2).map(|w| {
        let sep = if w[0].ends_with('-') { "" } else { " " };
        format!("{}{sep}{}", w[0], w[1])
    });
    for t in texts.iter().cloned().chain(pairs) {
        for d in find_drafts(&t) {
            if !named
                .iter()
                .any(|n| n.names(&d.draft, d.provisional.as_deref()))
            {
                named.push(d);
            }
        }
    }
    named
}

/// The confidence written in a scanned box's detail ("…, confidence 0.93").
fn mark_confidence(detail: &str) -> Option<f64> {
    detail.contains("in the box, confidence").then_some(())?;
    detail.rsplit("confidence ").next()?.trim().parse().ok()
}

#[cfg(test)]
mod tests {
    use crate::form::drafts::DraftName;

    fn draft(n: &str, p: &str) -> DraftName {
        DraftName {
            draft: n.into(),
            provisional: Some(p.into()),
        }
    }

    fn marks(inks: &[f64]) -> Vec<crate::scan::raster::Square> {
        inks.iter()
            .map(|&ink| crate::scan::raster::Square {
                x: 0,
                y: 0,
                side: 20,
                ink,
            })
            .collect()
    }

    #[test]
    fn a_page_of_clear_marks_raises_its_threshold_and_never_lowers_it() {
        // Typed ☐ / ☒: the blurred empty box at 0.02 is empty.
        let l = super::SQUARE.on_page(&marks(&[0.0, 0.004, 0.02, 0.6, 0.61]));
        assert!(l.at > 0.02 && l.at <= 0.15, "{}", l.at);
        // Hairline crosses beside empty boxes and a hand tick: the crosses stay marked.
        let l = super::SQUARE.on_page(&marks(&[0.0, 0.002, 0.011, 0.052, 0.074, 0.25]));
        assert!(l.at < 0.052, "{}", l.at);
        // A hand tick (0.27) beside a light hairline cross (0.026): the cross stays marked.
        let l = super::SQUARE.on_page(&marks(&[0.0, 0.0, 0.026, 0.27]));
        assert!(l.at < 0.026, "{}", l.at);
        // No marks, or all empty: the fixed levels.
        assert_eq!(super::SQUARE.on_page(&marks(&[])).at, super::MARKED_INK);
        assert_eq!(
            super::SQUARE.on_page(&marks(&[0.0, 0.01])).at,
            super::MARKED_INK
        );
    }

    fn word(top: usize, height: usize, line: u32) -> crate::scan::ocr::Word {
        crate::scan::ocr::Word {
            left: 100,
            top,
            width: 50,
            height,
            conf: 90.0,
            text: "word".into(),
            line: (1, 1, line),
            base: None,
        }
    }

    #[test]
    fn a_line_boxed_two_lines_tall_stops_at_the_next_line() {
        // Line 1's words boxed 700–763 (two lines), line 2 at 732.
        let w = [word(700, 63, 1), word(700, 63, 1), word(732, 31, 2)];
        let e = super::line_extents(&w);
        assert_eq!(e[&(1, 1, 1)], (700, 732));
        assert_eq!(e[&(1, 1, 2)], (732, 763));
        // A word twice the height of the line's others is left out of its extent.
        let w = [word(700, 30, 1), word(702, 28, 1), word(700, 63, 1)];
        assert_eq!(super::line_extents(&w)[&(1, 1, 1)], (700, 730));
    }

    #[test]
    fn a_cell_border_under_a_word_is_out_of_underline_reach() {
        let h = [(740, 50, 400), (900, 500, 600)];
        let v = [(50, 600, 800), (400, 600, 800)];
        // The rule at 740 meets the verticals; the one at 900 meets none (an underline).
        assert_eq!(super::cell_borders(&h, &v), [(740, 50, 400)]);
        let mut w = word(700, 38, 1);
        w.base = Some(crate::scan::ocr::Baseline {
            left: 100,
            bottom: 738,
            slope: 0.0,
            offset: -5.0,
            size: 40.0,
        });
        let g = super::glyphs(&[w], &[], &super::cell_borders(&h, &v), 2.0);
        // Baseline at 733 px; the border 7 px below: the size keeps 0.3 × size under 3.5 pt.
        assert!(
            g[0].size * super::UNDERLINE_REACH <= 3.5 + 1e-9,
            "{}",
            g[0].size
        );
        assert!((g[0].y - 366.5).abs() < 1e-9);
    }

    #[test]
    fn misread_names_are_one_slip_from_the_listed_draft() {
        let d = draft("E.156.1", "E.ACCP");
        assert!(super::slip_apart("E.165.1", &d));
        assert!(super::slip_apart("E.156.7", &d));
        assert!(super::slip_apart("E.ACP", &d));
        assert!(!super::slip_apart("E.118.1", &d));
        assert!(!super::slip_apart("F.156.1", &d));
        let q = draft("Q.3960", "Q.dlt-amd");
        assert!(super::slip_apart("Q.dlt-a", &q));
        assert!(!super::slip_apart("Q.3057", &q));
    }
}
