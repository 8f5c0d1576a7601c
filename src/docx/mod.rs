//! Reading a .docx package: the zip container (with limits) and `word/document.xml` streamed
//! into the [`model`], plus the checkbox-like marks of headers, footers and notes, and the text
//! of the page headers the sections show (where a letterhead often is).

mod activex;
mod bullets;
pub mod model;
mod package;
pub(crate) mod symbols;
mod xml;

pub use package::{DocxError, Package, Relationship};

use model::{Block, Checkbox, Document, Inline, Mechanism, PageHeader, PlacedMark};

/// Limits that keep a hostile or broken package from exhausting memory or stack: the zip
/// ones are the policy of [`zipsafe`](crate::zipsafe), the same for every zip read.
pub mod limits {
    pub use crate::zipsafe::{
        MAX_COMPRESSION_RATIO, MAX_ENTRIES, MAX_ENTRY_BYTES, MAX_TOTAL_BYTES, RATIO_EXEMPT_BYTES,
    };
    /// Deepest XML element nesting.
    pub const MAX_XML_DEPTH: usize = 256;
}

const REL_OFFICE_DOCUMENT: &str = "/officeDocument";
const MAIN_PART_FALLBACK: &str = "word/document.xml";
/// Relationship types (last path segment) of parts scanned for marks besides the body.
const OTHER_PART_TYPES: [&str; 5] = ["/header", "/footer", "/footnotes", "/endnotes", "/comments"];

/// Convenience: bytes → Document.
pub fn read_docx(bytes: &[u8]) -> Result<Document, DocxError> {
    let mut pkg = Package::open(bytes)?;
    read_document(&mut pkg)
}

/// Parse one WordprocessingML XML part (a document body) without its package: ActiveX
/// controls cannot be resolved and are left out.
pub fn parse_document_xml(xml: &[u8]) -> Result<Document, DocxError> {
    xml::parse_part(xml, &mut |_: &str| None)
}

/// Read the main document part (found through `_rels/.rels`, falling back to
/// `word/document.xml`) into the model, and list the marks of headers, footers and notes in
/// `other_marks`.
pub fn read_document(pkg: &mut Package<'_>) -> Result<Document, DocxError> {
    let main = main_part_name(pkg)?;
    let rels = pkg.relationships(&main).unwrap_or_default();
    let bytes = pkg.read_part(&main)?.ok_or(DocxError::MissingMainPart)?;
    let referenced = header_references(&bytes);
    let mut doc = parse_bytes_in(pkg, &bytes, &rels)?;
    drop(bytes);
    for rel in &rels {
        if rel.external || !OTHER_PART_TYPES.iter().any(|t| rel.rel_type.ends_with(t)) {
            continue;
        }
        if !pkg.has_part(&rel.target) {
            continue;
        }
        let part_rels = pkg.relationships(&rel.target).unwrap_or_default();
        match parse_part_in(pkg, &rel.target, &part_rels) {
            Ok(part_doc) => {
                doc.other_marks
                    .extend(placed_in(&part_doc.body, &rel.target));
                // A page header the sections show is the letterhead: its text is kept.
                let shown = referenced.contains(&rel.id);
                if rel.rel_type.ends_with("/header") && shown {
                    let paragraphs: Vec<String> = part_doc
                        .paragraphs()
                        .iter()
                        .map(|p| p.text().trim().to_string())
                        .filter(|t| !t.is_empty())
                        .collect();
                    if !paragraphs.is_empty() {
                        doc.page_headers.push(PageHeader {
                            part: rel.target.clone(),
                            paragraphs,
                        });
                    }
                }
                doc.notes.extend(part_doc.notes);
                doc.note_texts.extend(part_doc.note_texts);
            }
            Err(e) => doc
                .notes
                .push(format!("part {} was not read: {e}", rel.target)),
        }
    }
    resolve_notes(&mut doc);
    if let Some(rel) = rels
        .iter()
        .find(|r| !r.external && r.rel_type.ends_with("/numbering"))
    {
        match pkg
            .read_part(&rel.target)
            .map(|b| b.map(|b| xml::parse_numbering(&b)))
        {
            Ok(Some(Ok(numbering))) => bullets::mark_bullets(&mut doc, &numbering),
            Ok(Some(Err(e))) | Err(e) => doc
                .notes
                .push(format!("part {} was not read: {e}", rel.target)),
            Ok(None) => {}
        }
    }
    Ok(doc)
}

/// Puts each note's text where it is referenced: a paragraph's keys (`comment:3`) become the
/// texts of the notes; a key with no note, or an empty note, is dropped.
pub(crate) fn resolve_notes(doc: &mut Document) {
    let texts = std::mem::take(&mut doc.note_texts);
    let mut stack: Vec<&mut Vec<Block>> = vec![&mut doc.body];
    while let Some(blocks) = stack.pop() {
        for b in blocks {
            match b {
                Block::Paragraph(p) => {
                    p.notes = p
                        .notes
                        .iter()
                        .filter_map(|k| texts.iter().find(|(key, _)| key == k))
                        .map(|(_, t)| t.clone())
                        .filter(|t| !t.is_empty())
                        .collect();
                }
                Block::Table(t) => {
                    for row in &mut t.rows {
                        for cell in &mut row.cells {
                            stack.push(&mut cell.blocks);
                        }
                    }
                }
            }
        }
    }
    doc.note_texts = texts;
}

fn main_part_name(pkg: &mut Package<'_>) -> Result<String, DocxError> {
    // A damaged package-level .rels should not hide an intact document part.
    if let Ok(rels) = pkg.relationships("") {
        if let Some(r) = rels
            .iter()
            .find(|r| !r.external && r.rel_type.ends_with(REL_OFFICE_DOCUMENT))
        {
            if pkg.has_part(&r.target) {
                return Ok(r.target.clone());
            }
        }
    }
    if pkg.has_part(MAIN_PART_FALLBACK) {
        Ok(MAIN_PART_FALLBACK.to_string())
    } else {
        Err(DocxError::MissingMainPart)
    }
}

/// Parse one part of the package, resolving its ActiveX controls through its relationships
/// `rels`.
fn parse_part_in(
    pkg: &mut Package<'_>,
    part: &str,
    rels: &[Relationship],
) -> Result<Document, DocxError> {
    let bytes = pkg.read_part(part)?.ok_or(DocxError::MissingMainPart)?;
    parse_bytes_in(pkg, &bytes, rels)
}

/// The relationship ids of the page headers the section properties name
/// (`w:sectPr/w:headerReference r:id`), in order: a plain scan of the bytes, whatever the
/// namespace prefixes are.
fn header_references(xml: &[u8]) -> Vec<String> {
    let mut ids = Vec::new();
    for at in memchr::memmem::find_iter(xml, b"headerReference") {
        let rest = &xml[at..];
        let end = memchr::memchr(b'>', rest).unwrap_or(rest.len());
        let tag = &rest[..end];
        let Some(id_at) = memchr::memmem::find(tag, b":id=") else {
            continue;
        };
        let value = &tag[id_at + 4..];
        let Some((&quote, value)) = value.split_first() else {
            continue;
        };
        if let Some(close) = memchr::memchr(quote, value) {
            ids.push(String::from_utf8_lossy(&value[..close]).into_owned());
        }
    }
    ids
}

/// Parse the bytes of one part, resolving its ActiveX controls through its relationships.
fn parse_bytes_in(
    pkg: &mut Package<'_>,
    bytes: &[u8],
    rels: &[Relationship],
) -> Result<Document, DocxError> {
    let mut notes = Vec::new();
    let mut resolve = |id: &str| -> Option<Checkbox> {
        let rel = rels.iter().find(|r| r.id == id && !r.external)?;
        match activex_mark(pkg, &rel.target) {
            Ok(m) => m,
            Err(e) => {
                notes.push(format!("ActiveX control {} was not read: {e}", rel.target));
                None
            }
        }
    };
    let mut doc = xml::parse_part(bytes, &mut resolve)?;
    doc.notes.extend(notes);
    Ok(doc)
}

/// An ActiveX check box / option button as a mark; `Ok(None)` for other controls.
fn activex_mark(pkg: &mut Package<'_>, part: &str) -> Result<Option<Checkbox>, DocxError> {
    let Some(bytes) = pkg.read_part(part)? else {
        return Ok(None);
    };
    let (classid, bin_id) = xml::parse_activex(&bytes)?;
    let Some(kind) = classid.as_deref().and_then(activex::mark_kind) else {
        return Ok(None);
    };
    let mut checked = None;
    if let Some(bin_id) = bin_id {
        let rels = pkg.relationships(part)?;
        if let Some(rel) = rels.iter().find(|r| r.id == bin_id && !r.external) {
            if let Some(bin) = pkg.read_part(&rel.target)? {
                checked = activex::decode_state(&bin);
            }
        }
    }
    Ok(Some(Checkbox {
        mechanism: Mechanism::Activex,
        checked,
        detail: format!("{kind} ({part})"),
    }))
}

/// Every checkbox-like mark with its place, for `explain`: body marks in order, then
/// `doc.other_marks`.
pub fn placed_marks(doc: &Document) -> Vec<PlacedMark> {
    let mut out = placed_in(&doc.body, MAIN_PART_FALLBACK);
    out.extend(doc.other_marks.iter().cloned());
    out
}

/// Marks of a block list with human-readable places (1-based): `paragraph 14`,
/// `table 2, row 3, cell 2`, nested tables appended as `; table 1, row 1, cell 1`.
fn placed_in(blocks: &[Block], part: &str) -> Vec<PlacedMark> {
    let mut out = Vec::new();
    // Explicit stack of (blocks, next index, location prefix, paragraph/table counters).
    struct Level<'a> {
        blocks: &'a [Block],
        next: usize,
        prefix: String,
        paragraphs: usize,
        tables: usize,
    }
    let mut stack = vec![Level {
        blocks,
        next: 0,
        prefix: String::new(),
        paragraphs: 0,
        tables: 0,
    }];
    while let Some(level) = stack.last_mut() {
        let Some(block) = level.blocks.get(level.next) else {
            stack.pop();
            continue;
        };
        level.next += 1;
        match block {
            Block::Paragraph(p) => {
                level.paragraphs += 1;
                let in_table = !level.prefix.is_empty();
                let location = if in_table {
                    level.prefix.clone()
                } else {
                    format!("paragraph {}", level.paragraphs)
                };
                let location = if p.in_text_box {
                    format!("{location} (text box)")
                } else {
                    location
                };
                for i in &p.inlines {
                    if let Inline::Checkbox(c) = i {
                        out.push(PlacedMark {
                            checkbox: c.clone(),
                            part: part.to_string(),
                            location: location.clone(),
                        });
                    }
                }
            }
            Block::Table(t) => {
                level.tables += 1;
                let table_no = level.tables;
                let prefix = level.prefix.clone();
                // Push cells in reverse so they are visited in order.
                for (ri, row) in t.rows.iter().enumerate().rev() {
                    for (ci, cell) in row.cells.iter().enumerate().rev() {
                        let here = format!("table {table_no}, row {}, cell {}", ri + 1, ci + 1);
                        stack.push(Level {
                            blocks: &cell.blocks,
                            next: 0,
                            prefix: if prefix.is_empty() {
                                here
                            } else {
                                format!("{prefix}; {here}")
                            },
                            paragraphs: 0,
                            tables: 0,
                        });
                    }
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests;
