//! Pictures as marks: a person who pastes a tick picture in place of a box, or a word
//! processor that prints a check box as an image, leaves an image XObject on the line. Owns
//! reading small images' pixels for ink ([`inks`], before [`super::load`] empties the image
//! streams) and finding where each image is drawn on a page ([`placed`]), as
//! [`Mechanism::Drawing`] marks: checked when its middle is inked, unchecked when only its
//! border is (a picture of an empty box), of unknown state otherwise.

use std::collections::HashMap;

use pdf_extract::content::Content;
use pdf_extract::{Dictionary, Document, Object, ObjectId, Stream};

use super::page::{Rect, Widget};
use crate::docx::model::{Checkbox, Mechanism};

/// Most pixels a picture may have to be read as a mark (a tick picture has a few thousand).
const MAX_MARK_PIXELS: u64 = 512 * 512;
/// A picture drawn between these sizes, in points, can stand for a box (a box is 8–14 pt).
const MARK_MIN_PT: f64 = 5.0;
const MARK_MAX_PT: f64 = 28.0;
/// Most content operations and form nesting followed per page.
const MAX_OPS: usize = 200_000;
const MAX_DEPTH: usize = 8;
/// A pixel is ink when its darkest channel is below this (a green tick is, light grey is not).
const INK_LEVEL: u8 = 170;
/// Share of inked pixels in the picture's middle that makes it a checked mark.
const CHECKED_SHARE: f64 = 0.04;

/// What a small picture shows, by its image object.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Ink {
    /// Ink in its middle: a tick, a cross, a filled box.
    Middle,
    /// Ink only near its edges: an empty box.
    Border,
    /// Ink that is neither, or pixels that could not be read.
    Unclear,
}

/// The ink of every small image in the document; blank and large images are left out.
pub fn inks(doc: &Document) -> HashMap<ObjectId, Ink> {
    let mut out = HashMap::new();
    for (id, obj) in &doc.objects {
        let Object::Stream(s) = obj else { continue };
        if !is_image(&s.dict) {
            continue;
        }
        let (w, h) = (dim(&s.dict, b"Width"), dim(&s.dict, b"Height"));
        if w == 0 || h == 0 || w.saturating_mul(h) > MAX_MARK_PIXELS {
            continue;
        }
        match coverage(doc, s, w as usize, h as usize) {
            Some(ink) => {
                if let Some(k) = ink.kind() {
                    out.insert(*id, k);
                }
            }
            None => {
                out.insert(*id, Ink::Unclear);
            }
        }
    }
    out
}

/// Where the pictures of `inks` are drawn on the page, those of a box's size, as marks in page
/// coordinates (y from the top).
pub fn placed(doc: &Document, page: ObjectId, inks: &HashMap<ObjectId, Ink>) -> Vec<Widget> {
    if inks.is_empty() {
        return Vec::new();
    }
    let Ok(dict) = doc.get_dictionary(page) else {
        return Vec::new();
    };
    let height = super::fields::page_height(doc, dict);
    let Ok(content) = doc.get_page_content(page) else {
        return Vec::new();
    };
    let resources = page_resources(doc, page);
    let mut walk = Walk {
        doc,
        inks,
        found: Vec::new(),
        ops: 0,
    };
    walk.content(&content, &resources, IDENTITY, 0);
    walk.found
        .into_iter()
        .filter_map(|(rect, ink)| mark(rect, ink, height))
        .collect()
}

type Matrix = [f64; 6];
const IDENTITY: Matrix = [1.0, 0.0, 0.0, 1.0, 0.0, 0.0];

/// `m` then `ctm` (PDF's `cm` concatenates the new matrix before the current one).
fn concat(m: Matrix, ctm: Matrix) -> Matrix {
    [
        m[0] * ctm[0] + m[1] * ctm[2],
        m[0] * ctm[1] + m[1] * ctm[3],
        m[2] * ctm[0] + m[3] * ctm[2],
        m[2] * ctm[1] + m[3] * ctm[3],
        m[4] * ctm[0] + m[5] * ctm[2] + ctm[4],
        m[4] * ctm[1] + m[5] * ctm[3] + ctm[5],
    ]
}

struct Walk<'a> {
    doc: &'a Document,
    inks: &'a HashMap<ObjectId, Ink>,
    /// The unit square of each image drawn, in PDF user space (y up), with its ink.
    found: Vec<([f64; 4], Ink)>,
    ops: usize,
}

impl Walk<'_> {
    fn content(&mut self, bytes: &[u8], resources: &[&Dictionary], start: Matrix, depth: usize) {
        let Ok(content) = Content::decode(bytes) else {
            return;
        };
        let mut ctm = start;
        let mut saved: Vec<Matrix> = Vec::new();
        for op in &content.operations {
            self.ops += 1;
            if self.ops > MAX_OPS {
                return;
            }
            match op.operator.as_str() {
                "q" if saved.len() < 64 => saved.push(ctm),
                "Q" => ctm = saved.pop().unwrap_or(start),
                "cm" => {
                    if let Some(m) = matrix(&op.operands) {
                        ctm = concat(m, ctm);
                    }
                }
                "Do" => {
                    if let Some(Object::Name(name)) = op.operands.first() {
                        self.draw(name, resources, ctm, depth);
                    }
                }
                _ => {}
            }
        }
    }

    fn draw(&mut self, name: &[u8], resources: &[&Dictionary], ctm: Matrix, depth: usize) {
        let Some(id) = xobject(self.doc, resources, name) else {
            return;
        };
        let Ok(Object::Stream(s)) = self.doc.get_object(id) else {
            return;
        };
        if let Some(ink) = self.inks.get(&id) {
            self.found.push((unit_square(ctm), *ink));
            return;
        }
        let is_form = matches!(s.dict.get(b"Subtype"), Ok(Object::Name(n)) if n == b"Form");
        if !is_form || depth >= MAX_DEPTH {
            return;
        }
        let m = s
            .dict
            .get(b"Matrix")
            .ok()
            .and_then(|o| match o {
                Object::Array(a) => matrix(a),
                _ => None,
            })
            .unwrap_or(IDENTITY);
        let own = match s
            .dict
            .get(b"Resources")
            .ok()
            .and_then(|o| deref(self.doc, o))
        {
            Some(Object::Dictionary(d)) => vec![d],
            _ => resources.to_vec(),
        };
        let content = s.content.clone();
        self.content(&content, &own, concat(m, ctm), depth + 1);
    }
}

fn unit_square(m: Matrix) -> [f64; 4] {
    let pts = [(0.0, 0.0), (1.0, 0.0), (0.0, 1.0), (1.0, 1.0)];
    let (mut l, mut b, mut r, mut t) = (f64::MAX, f64::MAX, f64::MIN, f64::MIN);
    for (x, y) in pts {
        let px = m[0] * x + m[2] * y + m[4];
        let py = m[1] * x + m[3] * y + m[5];
        l = l.min(px);
        r = r.max(px);
        b = b.min(py);
        t = t.max(py);
    }
    [l, b, r, t]
}

/// A picture of a box's size and shape as a mark, y flipped to grow downwards.
fn mark(square: [f64; 4], ink: Ink, height: f64) -> Option<Widget> {
    let [l, b, r, t] = square;
    let (w, h) = (r - l, t - b);
    let fits = |v: f64| (MARK_MIN_PT..=MARK_MAX_PT).contains(&v);
    if !fits(w) || !fits(h) || !(0.4..=2.5).contains(&(w / h)) {
        return None;
    }
    let (checked, what) = match ink {
        Ink::Middle => (Some(true), "inked in its middle"),
        Ink::Border => (Some(false), "inked only at its edges (an empty box)"),
        Ink::Unclear => (None, "whose ink does not show a mark or an empty box"),
    };
    Some(Widget::Box(
        Rect {
            l,
            r,
            t: height - t,
            b: height - b,
        },
        Checkbox {
            mechanism: Mechanism::Drawing,
            checked,
            detail: format!("picture in the PDF ({w:.0}×{h:.0} pt), {what}"),
        },
    ))
}

fn matrix(operands: &[Object]) -> Option<Matrix> {
    if operands.len() != 6 {
        return None;
    }
    let mut m = [0.0; 6];
    for (v, o) in m.iter_mut().zip(operands) {
        *v = super::fields::num(o)?;
    }
    m.iter().all(|v| v.is_finite()).then_some(m)
}

fn deref<'a>(doc: &'a Document, o: &'a Object) -> Option<&'a Object> {
    match o {
        Object::Reference(id) => doc.get_object(*id).ok(),
        o => Some(o),
    }
}

/// The page's resource dictionaries, its own first, then those it inherits.
fn page_resources(doc: &Document, page: ObjectId) -> Vec<&Dictionary> {
    let Ok((own, ids)) = doc.get_page_resources(page) else {
        return Vec::new();
    };
    own.into_iter()
        .chain(ids.into_iter().filter_map(|id| doc.get_dictionary(id).ok()))
        .collect()
}

fn xobject(doc: &Document, resources: &[&Dictionary], name: &[u8]) -> Option<ObjectId> {
    resources.iter().find_map(|r| {
        let Some(Object::Dictionary(x)) = r.get(b"XObject").ok().and_then(|o| deref(doc, o)) else {
            return None;
        };
        match x.get(name) {
            Ok(Object::Reference(id)) => Some(*id),
            _ => None,
        }
    })
}

fn is_image(dict: &Dictionary) -> bool {
    matches!(dict.get(b"Subtype"), Ok(Object::Name(n)) if n == b"Image")
}

fn dim(dict: &Dictionary, key: &[u8]) -> u64 {
    match dict.get(key) {
        Ok(Object::Integer(n)) => u64::try_from(*n).unwrap_or(0),
        _ => 0,
    }
}

/// Inked pixels of a picture, counted in its middle and in all.
struct Coverage {
    middle: usize,
    middle_px: usize,
    all: usize,
}

impl Coverage {
    fn kind(&self) -> Option<Ink> {
        if self.all == 0 {
            return None;
        }
        let share = self.middle as f64 / self.middle_px.max(1) as f64;
        Some(if share >= CHECKED_SHARE {
            Ink::Middle
        } else if self.middle == 0 {
            Ink::Border
        } else {
            Ink::Unclear
        })
    }
}

/// Counts ink over the picture's pixels, `None` when they cannot be read.
fn coverage(doc: &Document, s: &Stream, w: usize, h: usize) -> Option<Coverage> {
    let ink = ink_map(doc, s, w, h)?;
    let alpha = match s.dict.get(b"SMask") {
        Ok(Object::Reference(id)) => match doc.get_object(*id) {
            Ok(Object::Stream(m)) if dim(&m.dict, b"Width") as usize == w => {
                // The mask's own "ink" is where it is dark, that is, transparent.
                ink_map(doc, m, w, dim(&m.dict, b"Height") as usize)
                    .filter(|a| a.len() == ink.len())
            }
            _ => None,
        },
        _ => None,
    };
    let mut c = Coverage {
        middle: 0,
        middle_px: 0,
        all: 0,
    };
    for y in 0..h {
        for x in 0..w {
            let i = y * w + x;
            let inked = ink[i] && !alpha.as_ref().is_some_and(|a| a[i]);
            let middle = (w / 4..w - w / 4).contains(&x) && (h / 4..h - h / 4).contains(&y);
            c.middle_px += usize::from(middle);
            c.middle += usize::from(inked && middle);
            c.all += usize::from(inked);
        }
    }
    Some(c)
}

/// Whether each pixel is ink, row by row.
fn ink_map(doc: &Document, s: &Stream, w: usize, h: usize) -> Option<Vec<bool>> {
    if filter_is(s, b"DCTDecode") {
        let img = image::load_from_memory_with_format(&s.content, image::ImageFormat::Jpeg).ok()?;
        let rgb = img.to_rgb8();
        if rgb.width() as usize != w || rgb.height() as usize != h {
            return None;
        }
        return Some(
            rgb.pixels()
                .map(|p| p.0.iter().min() < Some(&INK_LEVEL))
                .collect(),
        );
    }
    let data = super::load::decode(s, w * h * 4 + 1024).ok()?;
    if matches!(s.dict.get(b"ImageMask"), Ok(Object::Boolean(true))) {
        // A stencil: 1-bit samples, painted where 0 unless /Decode says [1 0].
        let painted_on = decode_inverted(&s.dict);
        return bits(&data, w, h, 1)
            .map(|v| v.into_iter().map(|b| (b != 0) == painted_on).collect());
    }
    let bpc = dim(&s.dict, b"BitsPerComponent").max(1) as usize;
    let space = colour_space(doc, s.dict.get(b"ColorSpace").ok())?;
    let comps = space.components();
    let samples = bits(&data, w * comps, h, bpc)?;
    let max = ((1u32 << bpc.min(8)) - 1) as f64;
    let level = |v: u8| (f64::from(v) / max * 255.0) as u8;
    Some(
        samples
            .chunks(comps)
            .map(|px| space.darkest(px, level) < INK_LEVEL)
            .collect(),
    )
}

fn filter_is(s: &Stream, name: &[u8]) -> bool {
    match s.dict.get(b"Filter") {
        Ok(Object::Name(n)) => n == name,
        Ok(Object::Array(a)) => a.len() == 1 && matches!(&a[0], Object::Name(n) if n == name),
        _ => false,
    }
}

fn decode_inverted(dict: &Dictionary) -> bool {
    matches!(dict.get(b"Decode"), Ok(Object::Array(a))
        if a.first().and_then(super::fields::num) == Some(1.0))
}

/// Samples of `bpc` bits each (1, 2, 4 or 8), rows padded to a byte, `None` when short.
fn bits(data: &[u8], per_row: usize, rows: usize, bpc: usize) -> Option<Vec<u8>> {
    if !matches!(bpc, 1 | 2 | 4 | 8) {
        return None;
    }
    let row_bytes = (per_row * bpc).div_ceil(8);
    if data.len() < row_bytes * rows {
        return None;
    }
    let mut out = Vec::with_capacity(per_row * rows);
    for row in data.chunks(row_bytes).take(rows) {
        for i in 0..per_row {
            let bit = i * bpc;
            let byte = row[bit / 8];
            let shift = 8 - bpc - bit % 8;
            out.push((byte >> shift) & ((1u16 << bpc) - 1) as u8);
        }
    }
    Some(out)
}

enum Space {
    Gray,
    Rgb,
    Cmyk,
    /// A palette of RGB (or gray) entries.
    Indexed(Vec<u8>, usize),
}

impl Space {
    fn components(&self) -> usize {
        match self {
            Space::Gray | Space::Indexed(..) => 1,
            Space::Rgb => 3,
            Space::Cmyk => 4,
        }
    }

    /// The darkest channel of one pixel, 0–255.
    fn darkest(&self, px: &[u8], level: impl Fn(u8) -> u8) -> u8 {
        match self {
            Space::Gray => level(px[0]),
            Space::Rgb => px.iter().map(|v| level(*v)).min().unwrap_or(255),
            // Ink in CMYK: the most of any colorant, with black.
            Space::Cmyk => {
                let k = level(px[3]);
                let most = px[..3].iter().map(|v| level(*v)).max().unwrap_or(0);
                255 - most.saturating_add(k)
            }
            Space::Indexed(table, n) => {
                let at = usize::from(px[0]) * n;
                table
                    .get(at..at + n)
                    .and_then(|e| e.iter().min().copied())
                    .unwrap_or(255)
            }
        }
    }
}

fn colour_space(doc: &Document, o: Option<&Object>) -> Option<Space> {
    match o.and_then(|o| deref(doc, o))? {
        Object::Name(n) => match n.as_slice() {
            b"DeviceGray" | b"CalGray" | b"G" => Some(Space::Gray),
            b"DeviceRGB" | b"CalRGB" | b"RGB" => Some(Space::Rgb),
            b"DeviceCMYK" | b"CMYK" => Some(Space::Cmyk),
            _ => None,
        },
        Object::Array(a) => match a.first() {
            Some(Object::Name(n)) if n == b"ICCBased" => {
                let Some(Object::Stream(icc)) = a.get(1).and_then(|o| deref(doc, o)) else {
                    return None;
                };
                match dim(&icc.dict, b"N") {
                    1 => Some(Space::Gray),
                    3 => Some(Space::Rgb),
                    4 => Some(Space::Cmyk),
                    _ => None,
                }
            }
            Some(Object::Name(n)) if n == b"Indexed" || n == b"I" => indexed(doc, a),
            Some(Object::Name(n)) if n == b"CalRGB" => Some(Space::Rgb),
            Some(Object::Name(n)) if n == b"CalGray" => Some(Space::Gray),
            _ => None,
        },
        _ => None,
    }
}

fn indexed(doc: &Document, a: &[Object]) -> Option<Space> {
    let n = match colour_space(doc, a.get(1))? {
        Space::Gray => 1,
        Space::Rgb => 3,
        _ => return None,
    };
    let table = match a.get(3).and_then(|o| deref(doc, o))? {
        Object::String(s, _) => s.clone(),
        Object::Stream(s) => super::load::decode(s, 256 * 4).ok()?,
        _ => return None,
    };
    Some(Space::Indexed(table, n))
}
