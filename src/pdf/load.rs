//! Opening a PDF within bounds: the object graph parsed by lopdf, encryption and page count
//! checked, and every stream decoded here through a bounded reader before pdf-extract sees it
//! (lopdf and pdf-extract inflate streams without any limit).

use std::collections::HashMap;
use std::io::Read;

use pdf_extract::{Dictionary, Document, Object, ObjectId, Stream};

use super::pictures::{self, Ink};
use super::{limits, PdfError};

/// A loaded PDF whose streams are decoded (within [`limits`]) and whose images are emptied.
pub struct Loaded {
    pub doc: Document,
    /// Page object ids in page order, at most [`limits::MAX_PAGES`].
    pub pages: Vec<ObjectId>,
    /// Image XObjects found (a page of images and no text is a scan).
    pub images: usize,
    /// What each small image shows, read before the images are emptied.
    pub inks: HashMap<ObjectId, Ink>,
}

pub fn load(bytes: &[u8]) -> Result<Loaded, PdfError> {
    if !bytes.windows(5).take(1024).any(|w| w == b"%PDF-") {
        return Err(PdfError::Corrupt("no PDF header".into()));
    }
    let mut doc = Document::load_mem(bytes).map_err(|e| PdfError::Corrupt(e.to_string()))?;
    if doc.trailer.get(b"Encrypt").is_ok() || doc.was_encrypted() {
        return Err(PdfError::Encrypted);
    }
    if doc.trailer.get(b"Root").is_err() {
        return Err(PdfError::Corrupt(
            "the trailer has no /Root (no catalog)".into(),
        ));
    }
    let pages: Vec<ObjectId> = doc.page_iter().take(limits::MAX_PAGES + 1).collect();
    if pages.len() > limits::MAX_PAGES {
        return Err(PdfError::TooLarge(format!(
            "more than {} pages; a reply form has a few",
            limits::MAX_PAGES
        )));
    }
    if pages.is_empty() {
        return Err(PdfError::Corrupt("no page could be found".into()));
    }
    let inks = pictures::inks(&doc);
    let images = bound_streams(&mut doc)?;
    normalise_painting(&mut doc, &pages);
    Ok(Loaded {
        doc,
        pages,
        images,
        inks,
    })
}

/// Decodes every stream in place within the limits, and empties image streams (their pixels
/// are not needed to read text, and pdf-extract would otherwise inflate them). Returns the
/// number of images.
fn bound_streams(doc: &mut Document) -> Result<usize, PdfError> {
    let mut total = 0usize;
    let mut images = 0usize;
    for obj in doc.objects.values_mut() {
        let Object::Stream(stream) = obj else {
            continue;
        };
        if is_image(&stream.dict) {
            images += 1;
            let dim = |k: &[u8]| match stream.dict.get(k) {
                Ok(Object::Integer(n)) => u64::try_from(*n).unwrap_or(0),
                _ => 0,
            };
            if dim(b"Width").saturating_mul(dim(b"Height")) > limits::MAX_IMAGE_PIXELS {
                return Err(PdfError::TooLarge(format!(
                    "an image of {} x {} pixels (a 300 dpi A4 scan has about 2,500 x 3,500)",
                    dim(b"Width"),
                    dim(b"Height")
                )));
            }
            stream.dict.remove(b"Filter");
            stream.dict.remove(b"DecodeParms");
            stream.set_content(Vec::new());
            continue;
        }
        if stream.dict.get(b"Filter").is_err() {
            total += stream.content.len();
            continue;
        }
        let left = limits::MAX_DECODED_TOTAL.saturating_sub(total);
        let data = decode(stream, left.min(limits::MAX_DECODED_STREAM))?;
        total += data.len();
        stream.dict.remove(b"Filter");
        stream.dict.remove(b"DecodeParms");
        stream.set_content(data);
    }
    Ok(images)
}

/// pdf-extract reports only `S` and `f`/`F`: the other painting operators (`f*` for
/// LibreOffice's highlights, `B`, `b`, `s`) would be lost and leave their path to the next
/// one, so they are rewritten as the nearest it knows, in page and form content streams.
fn normalise_painting(doc: &mut Document, pages: &[ObjectId]) {
    use pdf_extract::content::{Content, Operation};
    let mut ids: Vec<ObjectId> = pages
        .iter()
        .flat_map(|p| doc.get_page_contents(*p))
        .collect();
    ids.extend(doc.objects.iter().filter_map(|(id, o)| match o {
        Object::Stream(s) if matches!(s.dict.get(b"Subtype"), Ok(Object::Name(n)) if n == b"Form") => Some(*id),
        _ => None,
    }));
    for id in ids {
        let Some(Object::Stream(stream)) = doc.objects.get_mut(&id) else {
            continue;
        };
        let Ok(content) = Content::decode(&stream.content) else {
            continue;
        };
        let mut ops: Vec<Operation> = Vec::with_capacity(content.operations.len());
        let mut changed = false;
        for op in content.operations {
            let close = matches!(op.operator.as_str(), "b" | "b*" | "s");
            let to = match op.operator.as_str() {
                "f*" => "f",
                "B" | "B*" | "b" | "b*" | "s" => "S",
                _ => {
                    ops.push(op);
                    continue;
                }
            };
            changed = true;
            if close {
                ops.push(Operation::new("h", vec![]));
            }
            ops.push(Operation::new(to, vec![]));
        }
        if changed {
            if let Ok(data) = (Content { operations: ops }).encode() {
                stream.set_content(data);
            }
        }
    }
}

fn is_image(dict: &Dictionary) -> bool {
    matches!(dict.get(b"Subtype"), Ok(Object::Name(n)) if n == b"Image")
}

fn too_large(cap: usize) -> PdfError {
    PdfError::TooLarge(format!(
        "a stream inflates past {} MiB (a decompression bomb, or far larger than a reply form)",
        cap >> 20
    ))
}

/// One stream's data, every filter applied, refused once it passes `cap` bytes.
pub(super) fn decode(stream: &Stream, cap: usize) -> Result<Vec<u8>, PdfError> {
    let filters: Vec<Vec<u8>> = stream
        .filters()
        .map(|f| f.into_iter().map(|n| n.to_vec()).collect())
        .map_err(|e| PdfError::Corrupt(format!("a stream's /Filter: {e}")))?;
    let params = stream.dict.get(b"DecodeParms").ok().cloned();
    let mut data = stream.content.clone();
    for f in &filters {
        data = match f.as_slice() {
            b"FlateDecode" | b"Fl" if !has_predictor(params.as_ref()) => inflate(&data, cap)?,
            // Other filters and predictors go through lopdf, only when their output is bounded
            // by the input's size (LZW expands at most a few thousand times).
            _ if data.len().saturating_mul(4096) <= cap => {
                let mut one = Stream::new(stream.dict.clone(), data);
                one.dict.set("Filter", Object::Name(f.clone()));
                one.decompressed_content()
                    .map_err(|e| PdfError::Corrupt(format!("a stream cannot be decoded: {e}")))?
            }
            _ => return Err(too_large(cap)),
        };
        if data.len() > cap {
            return Err(too_large(cap));
        }
    }
    Ok(data)
}

fn has_predictor(params: Option<&Object>) -> bool {
    let dict = match params {
        Some(Object::Dictionary(d)) => d,
        Some(Object::Array(a)) => match a.first() {
            Some(Object::Dictionary(d)) => d,
            _ => return false,
        },
        _ => return false,
    };
    matches!(dict.get(b"Predictor"), Ok(Object::Integer(p)) if *p > 1)
}

/// zlib inflation through `take(cap + 1)`; a stream cut short keeps what inflated (viewers do
/// the same).
fn inflate(data: &[u8], cap: usize) -> Result<Vec<u8>, PdfError> {
    let mut out = Vec::new();
    let mut dec = flate2::read::ZlibDecoder::new(data).take(cap as u64 + 1);
    if dec.read_to_end(&mut out).is_err() && out.is_empty() {
        // Some writers emit raw deflate without the zlib header.
        out.clear();
        let _ = flate2::read::DeflateDecoder::new(data)
            .take(cap as u64 + 1)
            .read_to_end(&mut out);
    }
    if out.len() > cap {
        return Err(too_large(cap));
    }
    Ok(out)
}
