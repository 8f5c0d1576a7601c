//! Every edit made to the bytes docx-rs writes, in one place, and the re-zip. docx-rs cannot
//! write some things and writes others where Word's schema does not allow them:
//!
//! - every WordprocessingML part: children in schema order, nothing the schema has no place
//!   for ([`schema::conform`]);
//! - `word/document.xml`: `w:tblHeader` on the header rows (in place of [`HEADER_MARK`]); the
//!   rows of the long tables made and written one at a time in place of their stand-in rows
//!   ([`LEFT_OUT_ROWS`], [`FAILURE_ROWS`]); paragraph ids numbered in document order (docx-rs
//!   numbers them from a per-thread counter), as in headers and footers;
//! - `word/styles.xml`: `Normal` as the default paragraph style;
//! - `docProps/core.xml`: the tool as creator, the title and what the annex was made from
//!   (the dates are set through [`docx_rs::Docx::created_at`]);
//! - the package: fixed timestamps and permissions, so that the same inputs give the same bytes.

use std::fmt::Write as _;
use std::io::{Cursor, Read, Seek, Write};

use docx_rs::{BuildXML, TableRow};
use quick_xml::escape::escape;

use super::layout::HEADER_MARK;
use super::schema::{self, Malformed};
use super::tables::{failure_row, left_out, left_out_row, FAILURE_ROWS, LEFT_OUT_ROWS};
use super::AnnexError;
use crate::record::Records;
use crate::report::view;
use crate::report::RunInfo;

impl From<Malformed> for AnnexError {
    fn from(e: Malformed) -> AnnexError {
        AnnexError::Build(e.0)
    }
}

/// The package docx-rs wrote (`packed`), edited part by part and zipped again into `out`.
pub(super) fn finish<W: Write + Seek>(
    packed: &[u8],
    out: W,
    records: &Records,
    info: &RunInfo,
) -> Result<W, AnnexError> {
    let mut zin = zip::ZipArchive::new(Cursor::new(packed))?;
    let mut out = zip::ZipWriter::new(out);
    let opts = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .last_modified_time(zip::DateTime::default())
        .unix_permissions(0o644);
    for i in 0..zin.len() {
        let mut entry = zin.by_index(i)?;
        let name = entry.name()?.to_string();
        if entry.is_dir() {
            continue;
        }
        let mut data = Vec::new();
        entry.read_to_end(&mut data)?;
        drop(entry);
        out.start_file(name.as_str(), opts)?;
        let xml = String::from_utf8_lossy(&data);
        let data = match name.as_str() {
            "word/document.xml" => {
                write_document(&mut out, &xml, records)?;
                continue;
            }
            n if n.starts_with("word/footer") || n.starts_with("word/header") => {
                let mut part = String::new();
                conform_part(&mut part, &xml, &mut 0)?;
                part.into_bytes()
            }
            "word/styles.xml" => {
                let mut part = String::new();
                schema::conform(&mut part, &xml)?;
                part.replacen(
                    r#"w:styleId="Normal""#,
                    r#"w:styleId="Normal" w:default="1""#,
                    1,
                )
                .into_bytes()
            }
            "word/numbering.xml" | "word/settings.xml" => {
                let mut part = String::new();
                schema::conform(&mut part, &xml)?;
                part.into_bytes()
            }
            "docProps/core.xml" => core_xml(&xml, info).into_bytes(),
            _ => data,
        };
        out.write_all(&data)?;
    }
    Ok(out.finish()?)
}

/// Text is written out in pieces of about this size.
pub(super) const CHUNK: usize = 1 << 16;

/// `word/document.xml`: header rows marked, paragraphs renumbered in document order, each
/// stand-in row replaced by its table's rows, built by docx-rs one by one and written out.
pub(super) fn write_document(
    out: &mut impl Write,
    xml: &str,
    records: &Records,
) -> Result<(), AnnexError> {
    let mut ids = 0;
    let mut buf = String::with_capacity(CHUNK * 2);
    let mut rest = xml;
    // In document order; a table is there when it has rows.
    let long: [(&str, bool, Box<dyn Iterator<Item = TableRow> + '_>); 2] = [
        (
            LEFT_OUT_ROWS,
            left_out(records).next().is_some(),
            Box::new(left_out(records).map(left_out_row)),
        ),
        (
            FAILURE_ROWS,
            !records.failures.is_empty(),
            Box::new(records.failures.iter().map(failure_row)),
        ),
    ];
    for (mark, present, table_rows) in long {
        if !present {
            continue;
        }
        let found = rest.find(mark).and_then(|at| {
            let start = rest[..at].rfind("<w:tr>")?;
            let end = at + rest[at..].find("</w:tr>")? + "</w:tr>".len();
            Some((start, end))
        });
        let Some((start, end)) = found else {
            return Err(AnnexError::Build(
                "docx-rs did not write a long table where it belongs".into(),
            ));
        };
        document_part(&mut buf, &rest[..start], &mut ids)?;
        for r in table_rows {
            conform_part(&mut buf, &String::from_utf8_lossy(&r.build()), &mut ids)?;
            if buf.len() >= CHUNK {
                out.write_all(buf.as_bytes())?;
                buf.clear();
            }
        }
        rest = &rest[end..];
    }
    document_part(&mut buf, rest, &mut ids)?;
    out.write_all(buf.as_bytes())?;
    Ok(())
}

/// A piece of `word/document.xml` as docx-rs wrote it: header rows marked (only they carry
/// the mark, see [`super::layout::header_row`]), then as [`conform_part`].
fn document_part(out: &mut String, xml: &str, ids: &mut u32) -> Result<(), Malformed> {
    conform_part(out, &xml.replace(HEADER_MARK, "<w:tblHeader />"), ids)
}

/// A part, or a piece of one, in schema order with its paragraph ids renumbered from `ids`.
fn conform_part(out: &mut String, xml: &str, ids: &mut u32) -> Result<(), Malformed> {
    let mut ordered = String::with_capacity(xml.len());
    schema::conform(&mut ordered, xml)?;
    renumber_para_ids(out, &ordered, ids);
    Ok(())
}

/// docx-rs numbers paragraphs from a per-thread counter: renumber them in document order,
/// counting on from `n`, into `out`.
pub(super) fn renumber_para_ids(out: &mut String, xml: &str, n: &mut u32) {
    const ATTR: &str = "w14:paraId=\"";
    out.reserve(xml.len());
    let mut rest = xml;
    while let Some(at) = rest.find(ATTR) {
        let value_start = at + ATTR.len();
        let Some(len) = rest[value_start..].find('"') else {
            break;
        };
        *n += 1;
        out.push_str(&rest[..value_start]);
        // Word wants ids below 0x80000000.
        let _ = write!(out, "{:08X}", *n);
        rest = &rest[value_start + len..];
    }
    out.push_str(rest);
}

/// The document properties: the tool as creator, the title and what the annex was made from
/// (the dates, from the inputs and not the clock, are docx-rs's own).
fn core_xml(xml: &str, info: &RunInfo) -> String {
    let text = |s: &str| escape(view::xml_safe(s)).into_owned();
    let creator = text(&format!("replytally {}", info.tool_version));
    let mut xml = xml
        .replace(
            "<dc:creator>unknown</dc:creator>",
            &format!("<dc:creator>{creator}</dc:creator>"),
        )
        .replace(
            "<cp:lastModifiedBy>unknown</cp:lastModifiedBy>",
            &format!("<cp:lastModifiedBy>{creator}</cp:lastModifiedBy>"),
        );
    if let Some(end) = xml.rfind("</cp:coreProperties>") {
        let extra = format!(
            "<dc:title>{}</dc:title><dc:description>{}</dc:description>",
            text(&view::title(info)),
            text(&view::made_from(info))
        );
        xml.insert_str(end, &extra);
    }
    xml
}
