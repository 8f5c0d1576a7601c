//! Reading a PDF: PDF bytes → the same [`Document`](crate::docx::model::Document) the form
//! reader gets from a `.docx` (the "reading the document" stage for PDFs, beside
//! [`crate::docx`]).
//!
//! Owns opening a PDF within bounds ([`load`]: lopdf's object graph, encryption, page count,
//! every stream decoded here through a bounded reader), running pdf-extract's interpreter over
//! each page to collect characters and paths ([`page`]), and rebuilding from positions what a
//! word processor had: lines and words (x-gaps make spaces), paragraphs, table cells from the
//! ruling lines, right-to-left lines in logical order, strike-through and highlight, and the
//! marks ([`layout`]): ballot-box glyphs, Wingdings private-use codes, squares that are only
//! drawn (a printed legacy check box) and AcroForm check boxes and radio buttons
//! ([`fields`]). pdf-extract panics on odd PDFs: every call into it is isolated here, so a
//! hostile file is a [`PdfError`], never a crash.

mod fields;
pub(crate) mod layout;
mod load;
pub(crate) mod page;
mod pictures;

use crate::docx::model::Document;

pub mod limits {
    /// Most pages read: a reply form with its cover letter has a few.
    pub const MAX_PAGES: usize = 100;
    /// Most bytes one stream may decode to (a page's content stream is tens of KB, an embedded
    /// font a few hundred).
    pub const MAX_DECODED_STREAM: usize = 16 << 20;
    /// Most bytes all streams of one file may decode to together.
    pub const MAX_DECODED_TOTAL: usize = 64 << 20;
    /// Most pixels an image may declare (a 300 dpi A4 page has 8.7 million).
    pub const MAX_IMAGE_PIXELS: u64 = 100_000_000;
    /// Most characters and paths kept per page (a dense page has a few thousand).
    pub const MAX_ITEMS_PER_PAGE: usize = 50_000;
}

/// Why a PDF could not be read.
#[derive(Debug, thiserror::Error)]
pub enum PdfError {
    #[error("damaged or not a PDF ({0}); ask the sender to send it again")]
    Corrupt(String),
    #[error("password-protected PDF: ask the sender for an unprotected copy")]
    Encrypted,
    #[error("refused: {0}")]
    TooLarge(String),
    #[error("a scanned PDF (pages are images, no text): reading scans (OCR) is not done yet; ask the sender for the Word file or a PDF saved from it")]
    Scan,
    #[error("a PDF with no text to read; ask the sender for the Word file or a PDF saved from it")]
    NoText,
    #[error("the PDF could not be interpreted ({0}); ask the sender for the Word file or a PDF saved from it")]
    Unreadable(String),
}

/// Reads a PDF into the document model. Never panics: the PDF libraries' panics are caught.
pub fn read(bytes: &[u8]) -> Result<Document, PdfError> {
    let loaded = isolate(|| load::load(bytes))?;
    let mut pages = Vec::with_capacity(loaded.pages.len());
    for (i, id) in loaded.pages.iter().enumerate() {
        let n = u32::try_from(i + 1).unwrap_or(u32::MAX);
        let page = isolate(|| {
            let mut c = page::Collector::new();
            pdf_extract::output_doc_page(&loaded.doc, &mut c, n)
                .map_err(|e| PdfError::Unreadable(e.to_string()))?;
            Ok(c.page)
        });
        match page {
            Ok(mut p) => {
                p.marks = fields::widgets(&loaded.doc, *id);
                pages.push(p)
            }
            // One page the interpreter cannot follow costs that page, not the reply.
            Err(PdfError::Unreadable(e)) => pages.push(page::Page::unreadable(e)),
            Err(e) => return Err(e),
        }
    }
    if pages
        .iter()
        .all(|p| p.glyphs.is_empty() && p.marks.is_empty())
    {
        return Err(if loaded.images > 0 {
            PdfError::Scan
        } else {
            PdfError::NoText
        });
    }
    // Pictures count as marks only on pages with text: a page that is one image is a scan.
    for (p, id) in pages.iter_mut().zip(&loaded.pages) {
        if p.unreadable.is_none() {
            p.marks
                .extend(pictures::placed(&loaded.doc, *id, &loaded.inks));
        }
    }
    Ok(layout::document(&pages))
}

/// Runs `f`, a panic inside it made an error.
fn isolate<T>(f: impl FnOnce() -> Result<T, PdfError>) -> Result<T, PdfError> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(f)).unwrap_or_else(|p| {
        let what = p
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| p.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "the PDF library stopped".to_string());
        Err(PdfError::Unreadable(what.chars().take(200).collect()))
    })
}
