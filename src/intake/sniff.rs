//! Classifying one blob by its content, never by its name: file extensions lie (a PDF renamed
//! `.docx`, a reply saved as `.doc` and renamed), magic numbers and package layouts do not.

use std::io::{Cursor, Read};

use zip::ZipArchive;

/// What a blob is, as far as intake cares.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Sniffed {
    /// An OOXML WordprocessingML package (.docx, .docm, .dotx, .dotm): a candidate reply form.
    Word,
    /// An OOXML package of another kind; the text says which ("an Excel workbook").
    OtherOoxml(&'static str),
    /// An OpenDocument package; `text` for a word-processing document (.odt, .ott).
    OpenDocument {
        text: bool,
    },
    /// Any other zip archive: its members are inputs.
    Archive,
    /// Zip magic, but the archive cannot be read (truncated, bad central directory).
    BrokenZip(String),
    /// A Word 97-2003 binary document (CFB with a `WordDocument` stream).
    LegacyDoc {
        encrypted: bool,
    },
    /// A password-protected OOXML file (CFB with `EncryptionInfo` + `EncryptedPackage`).
    Encrypted,
    /// An Outlook `.msg` message (CFB with `__substg1.0_` streams).
    OutlookMsg,
    /// Another compound file (Excel or PowerPoint 97-2003, …); the text says which.
    OtherCfb(&'static str),
    /// CFB magic, but the compound file cannot be read.
    BrokenCfb(String),
    Pdf,
    Rtf,
    /// Looks like an RFC 822 message (`.eml`).
    Email,
    /// A TNEF wrapper (`winmail.dat`), which Outlook uses to hide attachments.
    Tnef,
    /// A Word 2003 XML document or a Flat OPC file: Word, but not a package.
    WordXml,
    /// Zero bytes.
    Empty,
    /// Not a document: what it looks like ("image", "text", …).
    Other(&'static str),
    /// A file replytally wrote (its name among the outputs: "records.json"), recognised by
    /// what it writes into it: never a reply, whatever it is called.
    OwnOutput(&'static str),
}

const ZIP_MAGICS: [&[u8]; 3] = [b"PK\x03\x04", b"PK\x05\x06", b"PK\x07\x08"];
const CFB_MAGIC: &[u8] = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1";
const TNEF_MAGIC: &[u8] = b"\x78\x9F\x3E\x22";

/// Main-part content types that make an OOXML package a Word document.
const WORD_MAIN_TYPES: [&str; 4] = [
    "wordprocessingml.document.main+xml",
    "wordprocessingml.template.main+xml",
    "ms-word.document.macroenabled.main+xml",
    "ms-word.template.macroenabledtemplate.main+xml",
];

/// Classify one blob by content (used for top-level files and container members alike).
pub fn sniff(bytes: &[u8]) -> Sniffed {
    if bytes.is_empty() {
        return Sniffed::Empty;
    }
    if ZIP_MAGICS.iter().any(|m| bytes.starts_with(m)) {
        return sniff_zip(bytes);
    }
    if bytes.starts_with(CFB_MAGIC) {
        return sniff_cfb(bytes);
    }
    if bytes.starts_with(TNEF_MAGIC) {
        return Sniffed::Tnef;
    }
    // The PDF header may follow some junk, within the first kilobyte.
    let head = bytes.get(..1024).unwrap_or(bytes);
    if find(head, b"%PDF-").is_some() {
        return Sniffed::Pdf;
    }
    let text = strip_bom(bytes);
    if text.starts_with(b"{\\rtf") {
        return Sniffed::Rtf;
    }
    if let Some(kind) = image_kind(bytes) {
        return Sniffed::Other(kind);
    }
    if bytes.starts_with(b"MZ") {
        return Sniffed::Other("Windows program");
    }
    if looks_like_email(text) {
        return Sniffed::Email;
    }
    sniff_text(text)
}

fn strip_bom(bytes: &[u8]) -> &[u8] {
    bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes)
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

fn image_kind(bytes: &[u8]) -> Option<&'static str> {
    let is_image = bytes.starts_with(b"\x89PNG")
        || bytes.starts_with(b"\xFF\xD8\xFF")
        || bytes.starts_with(b"GIF87a")
        || bytes.starts_with(b"GIF89a")
        || bytes.starts_with(b"II*\0")
        || bytes.starts_with(b"MM\0*")
        || (bytes.starts_with(b"RIFF") && bytes.get(8..12) == Some(b"WEBP"))
        || (bytes.starts_with(b"BM") && bytes.len() > 26)
        || bytes.starts_with(b"\x01\x00\x00\x00") && bytes.get(40..44) == Some(b" EMF")
        || bytes.starts_with(b"\xD7\xCD\xC6\x9A");
    is_image.then_some("image")
}

/// Text-like content that is not a message: XML, HTML, vCard, iCalendar, plain text.
fn sniff_text(text: &[u8]) -> Sniffed {
    let head = text.get(..4096).unwrap_or(text);
    if let Some(name) = own_text(head) {
        return Sniffed::OwnOutput(name);
    }
    let trimmed = trim_start(head);
    let lower: Vec<u8> = trimmed.iter().map(u8::to_ascii_lowercase).collect();
    if lower.starts_with(b"<?xml") || lower.starts_with(b"<pkg:package") {
        // Word 2003 XML carries a processing instruction naming Word; Flat OPC is a pkg:package.
        if find(&lower, b"progid=\"word.document\"").is_some()
            || find(&lower, b"<pkg:package").is_some()
        {
            return Sniffed::WordXml;
        }
        if find(&lower, b"<html").is_some() {
            return Sniffed::Other("web page");
        }
        return Sniffed::Other("XML file");
    }
    if lower.starts_with(b"<!doctype html") || lower.starts_with(b"<html") {
        return Sniffed::Other("web page");
    }
    if lower.starts_with(b"begin:vcard") {
        return Sniffed::Other("contact card");
    }
    if lower.starts_with(b"begin:vcalendar") {
        return Sniffed::Other("calendar entry");
    }
    if text.starts_with(b"\xFF\xFE") || text.starts_with(b"\xFE\xFF") {
        return Sniffed::Other("text");
    }
    let is_text = !head.contains(&0)
        && match std::str::from_utf8(head) {
            Ok(_) => true,
            // A multi-byte character cut at the 4 KiB boundary is still text.
            Err(e) => e.error_len().is_none(),
        };
    if is_text {
        Sniffed::Other("text")
    } else {
        Sniffed::Other("unrecognised binary file")
    }
}

fn trim_start(bytes: &[u8]) -> &[u8] {
    let start = bytes
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(bytes.len());
    bytes.get(start..).unwrap_or_default()
}

/// Header names that, seen among the first header lines, mark an Internet message.
const MAIL_HEADERS: [&str; 9] = [
    "from",
    "date",
    "mime-version",
    "received",
    "return-path",
    "message-id",
    "delivered-to",
    "x-mailer",
    "x-originating-ip",
];

/// True when the blob starts with an RFC 822 header block naming at least one mail header.
pub(super) fn looks_like_email(text: &[u8]) -> bool {
    let head = text.get(..16 * 1024).unwrap_or(text);
    let mut headers = 0usize;
    let mut mail_header = false;
    for (i, line) in head.split(|&b| b == b'\n').enumerate().take(400) {
        let line = line.strip_suffix(b"\r").unwrap_or(line);
        if line.is_empty() {
            break;
        }
        if line.starts_with(b" ") || line.starts_with(b"\t") {
            if i == 0 {
                return false;
            }
            continue; // folded continuation of the previous header
        }
        let Some(colon) = line.iter().position(|&b| b == b':') else {
            return false;
        };
        let name = line.get(..colon).unwrap_or_default();
        if name.is_empty() || !name.iter().all(|&b| b.is_ascii_graphic()) {
            return false;
        }
        headers += 1;
        let name = String::from_utf8_lossy(name).to_ascii_lowercase();
        if MAIL_HEADERS.contains(&name.as_str()) {
            mail_header = true;
        }
    }
    headers >= 2 && mail_header
}

fn sniff_zip(bytes: &[u8]) -> Sniffed {
    let mut zip = match ZipArchive::new(Cursor::new(bytes)) {
        Ok(zip) => zip,
        Err(e) => return Sniffed::BrokenZip(e.to_string()),
    };
    let mut content_types = None;
    let mut mimetype = None;
    let mut word_document = false;
    let mut prefix_kind = None;
    let mut core = None;
    for i in 0..zip.len() {
        let Ok(entry) = zip.by_index_data(i) else {
            continue;
        };
        let Ok(name) = entry.name() else {
            continue;
        };
        // OPC part names compare case-insensitively.
        let name = name.to_ascii_lowercase();
        match name.as_str() {
            "[content_types].xml" => content_types = Some(i),
            "mimetype" => mimetype = Some(i),
            "word/document.xml" => word_document = true,
            "docprops/core.xml" => core = Some(i),
            _ if name.starts_with("xl/") => prefix_kind = Some("an Excel workbook"),
            _ if name.starts_with("ppt/") => prefix_kind = Some("a PowerPoint presentation"),
            _ if name.starts_with("visio/") => prefix_kind = Some("a Visio drawing"),
            _ => {}
        }
    }
    if let Some(i) = content_types {
        if let Some(own) = core.and_then(|c| own_package(&mut zip, c, word_document)) {
            return own;
        }
        if word_document {
            return Sniffed::Word;
        }
        // A package whose main part is not at word/document.xml still declares its type.
        let declared = read_small(&mut zip, i, 1 << 20).to_ascii_lowercase();
        if WORD_MAIN_TYPES.iter().any(|t| declared.contains(t)) {
            return Sniffed::Word;
        }
        return Sniffed::OtherOoxml(
            prefix_kind.unwrap_or("an Office Open XML package that is not a Word document"),
        );
    }
    if let Some(i) = mimetype {
        let mime = read_small(&mut zip, i, 256);
        if let Some(kind) = mime
            .trim()
            .strip_prefix("application/vnd.oasis.opendocument.")
        {
            return Sniffed::OpenDocument {
                text: kind == "text" || kind == "text-template" || kind == "text-master",
            };
        }
    }
    Sniffed::Archive
}

/// The annex or the workbook replytally writes: its `docProps/core.xml` names replytally as
/// the creator (`src/report/annex/edits.rs`, `src/report/xlsx.rs`).
fn own_package(zip: &mut ZipArchive<Cursor<&[u8]>>, core: usize, word: bool) -> Option<Sniffed> {
    let xml = read_small(zip, core, 64 << 10);
    let creator = xml.split("creator>").nth(1).unwrap_or("");
    creator
        .starts_with("replytally ")
        .then_some(Sniffed::OwnOutput(if word {
            "annex.docx"
        } else {
            "records.xlsx"
        }))
}

/// The text outputs replytally writes, by what it writes into them: the schemas of its JSON
/// files, the header row of its CSV, the generator of its HTML page, the "Made by" line of its
/// Markdown summary.
fn own_text(head: &[u8]) -> Option<&'static str> {
    let first_line = head.split(|&b| b == b'\n').next().unwrap_or_default();
    let first_line = first_line.strip_suffix(b"\r").unwrap_or(first_line);
    if first_line == crate::report::CSV_HEADER.join(",").as_bytes() {
        return Some("records.csv");
    }
    let marks: [(&[u8], &'static str); 4] = [
        (b"\"replytally.records/", "records.json"),
        (b"\"replytally.summary/", "summary.json"),
        (
            b"<meta name=\"generator\" content=\"replytally ",
            "report.html",
        ),
        (b"\n*Made by replytally ", "summary.md"),
    ];
    marks
        .iter()
        .find(|(mark, _)| find(head, mark).is_some())
        .map(|&(_, name)| name)
}

/// Read a small member as text, at most `limit` bytes (a lying header cannot make it bigger).
fn read_small(zip: &mut ZipArchive<Cursor<&[u8]>>, index: usize, limit: u64) -> String {
    let mut buf = Vec::new();
    if let Ok(file) = zip.by_index(index) {
        // An error mid-stream leaves what was read so far, which is enough to classify.
        let _ = file.take(limit).read_to_end(&mut buf);
    }
    String::from_utf8_lossy(&buf).into_owned()
}

fn sniff_cfb(bytes: &[u8]) -> Sniffed {
    let mut cf = match cfb::CompoundFile::open(Cursor::new(bytes)) {
        Ok(cf) => cf,
        Err(e) => return Sniffed::BrokenCfb(e.to_string()),
    };
    let names: Vec<String> = cf
        .read_root_storage()
        .map(|e| e.name().to_string())
        .collect();
    let has = |n: &str| names.iter().any(|x| x.eq_ignore_ascii_case(n));
    if has("EncryptedPackage") {
        return Sniffed::Encrypted;
    }
    if let Some(name) = names
        .iter()
        .find(|x| x.eq_ignore_ascii_case("WordDocument"))
    {
        // FIB: wIdent 0xA5EC at offset 0, flags at 0x0A with fEncrypted = 0x0100.
        let mut fib = [0u8; 12];
        let encrypted = cf
            .open_stream(format!("/{name}"))
            .and_then(|mut s| s.read_exact(&mut fib))
            .is_ok()
            && fib[0..2] == [0xEC, 0xA5]
            && fib[11] & 0x01 != 0;
        return Sniffed::LegacyDoc { encrypted };
    }
    if names
        .iter()
        .any(|n| n.starts_with("__substg1.0_") || n.starts_with("__attach_version1.0_#"))
    {
        return Sniffed::OutlookMsg;
    }
    if has("Workbook") || has("Book") {
        return Sniffed::OtherCfb("an Excel 97-2003 workbook");
    }
    if has("PowerPoint Document") {
        return Sniffed::OtherCfb("a PowerPoint 97-2003 presentation");
    }
    Sniffed::OtherCfb("an OLE compound file that is not a Word document")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::zipsafe::zip_of as zip_with;

    /// A package with a content-types part and a main part at the usual name.
    fn minimal_docx() -> Vec<u8> {
        zip_with(&[
            ("[Content_Types].xml", b"<Types/>"),
            ("word/document.xml", b"<w/>"),
        ])
    }

    #[test]
    fn word_by_main_part() {
        let z = minimal_docx();
        assert_eq!(sniff(&z), Sniffed::Word);
    }

    #[test]
    fn word_by_declared_type() {
        let ct = b"<Types><Override PartName=\"/word/doc2.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>";
        let z = zip_with(&[("[Content_Types].xml", ct), ("word/doc2.xml", b"<w/>")]);
        assert_eq!(sniff(&z), Sniffed::Word);
    }

    #[test]
    fn xlsx_odt_and_plain_zip() {
        let x = zip_with(&[
            ("[Content_Types].xml", b"<Types/>"),
            ("xl/workbook.xml", b"<x/>"),
        ]);
        assert_eq!(sniff(&x), Sniffed::OtherOoxml("an Excel workbook"));
        let o = zip_with(&[
            ("mimetype", b"application/vnd.oasis.opendocument.text"),
            ("content.xml", b"<x/>"),
        ]);
        assert_eq!(sniff(&o), Sniffed::OpenDocument { text: true });
        let a = zip_with(&[("reply.docx", b"x")]);
        assert_eq!(sniff(&a), Sniffed::Archive);
    }

    #[test]
    fn truncated_zip_is_broken() {
        let z = minimal_docx();
        let cut = z.get(..z.len() / 2).unwrap();
        assert!(matches!(sniff(cut), Sniffed::BrokenZip(_)));
    }

    #[test]
    fn magic_numbers() {
        assert_eq!(sniff(b""), Sniffed::Empty);
        assert_eq!(sniff(b"%PDF-1.7\n..."), Sniffed::Pdf);
        assert_eq!(sniff(b"{\\rtf1\\ansi ...}"), Sniffed::Rtf);
        assert_eq!(sniff(b"\x89PNG\r\n\x1a\n...."), Sniffed::Other("image"));
        assert_eq!(sniff(b"\x78\x9F\x3E\x22\x01"), Sniffed::Tnef);
        assert_eq!(sniff(b"hello world\n"), Sniffed::Other("text"));
        assert_eq!(sniff(b"<!DOCTYPE html><html/>"), Sniffed::Other("web page"));
        assert_eq!(sniff(b"BEGIN:VCARD\r\n"), Sniffed::Other("contact card"));
        assert_eq!(
            sniff(b"<?xml version=\"1.0\"?><?mso-application progid=\"Word.Document\"?><w:wordDocument/>"),
            Sniffed::WordXml
        );
        assert!(matches!(
            sniff(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1garbage"),
            Sniffed::BrokenCfb(_)
        ));
    }

    #[test]
    fn email_headers() {
        assert_eq!(
            sniff(b"From: a@b.c\r\nTo: d@e.f\r\nSubject: x\r\n  folded\r\n\r\nbody"),
            Sniffed::Email
        );
        assert_eq!(
            sniff(b"Received: from x\r\n\tby y\r\nDate: Mon, 6 Feb 2023 10:00:00 +0000\r\n\r\n"),
            Sniffed::Email
        );
        // Header-like text without any mail header is just text.
        assert_eq!(
            sniff(b"Title: x\nAuthor: y\n\nbody"),
            Sniffed::Other("text")
        );
        assert_eq!(sniff(b"From: only one line"), Sniffed::Other("text"));
    }
}
