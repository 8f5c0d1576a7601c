//! Builders of test inputs in memory: zips (Word packages, archives), MIME e-mails and compound
//! files (`.doc`, `.msg`, encrypted packages), shared by the intake, hostile-input, conversion
//! and nothing-lost tests.

use std::io::{Cursor, Write};
use std::path::Path;

/// A zip of `entries`, deflated, in the order given.
pub fn zip_of<N: AsRef<str>, D: AsRef<[u8]>>(entries: &[(N, D)]) -> Vec<u8> {
    let mut w = zip::ZipWriter::new(Cursor::new(Vec::new()));
    for (name, data) in entries {
        w.start_file(
            name.as_ref(),
            zip::write::SimpleFileOptions::default()
                .compression_method(zip::CompressionMethod::Deflated),
        )
        .unwrap();
        w.write_all(data.as_ref()).unwrap();
    }
    w.finish().unwrap().into_inner()
}

/// [`zip_of`] for literal entries: byte strings of different lengths coerce to one slice type.
pub fn zip_with(entries: &[(&str, &[u8])]) -> Vec<u8> {
    zip_of(entries)
}

/// A compound file holding `streams` (absolute paths; their storages are created as needed).
pub fn cfb_with(streams: &[(&str, &[u8])]) -> Vec<u8> {
    let mut cf = cfb::CompoundFile::create(Cursor::new(Vec::new())).unwrap();
    for (path, data) in streams {
        if let Some(parent) = Path::new(path).parent() {
            if parent != Path::new("/") && !cf.exists(parent) {
                cf.create_storage_all(parent).unwrap();
            }
        }
        cf.create_stream(path).unwrap().write_all(data).unwrap();
    }
    cf.flush().unwrap();
    cf.into_inner().into_inner()
}

/// The start of a Word 97-2003 `WordDocument` stream (its FIB magic), enough for a reader to
/// take the compound file for a `.doc`.
pub const WORD_FIB: &[u8] = b"\xEC\xA5\xC1\x00\x00\x00\x00\x00\x00\x00\x00\x00";

/// A Word 97-2003 `.doc`: a compound file with a `WordDocument` stream.
pub fn legacy_doc() -> Vec<u8> {
    cfb_with(&[("/WordDocument", WORD_FIB)])
}

/// A `.doc` with its `1Table` stream as well.
pub fn legacy_doc_with_table() -> Vec<u8> {
    cfb_with(&[("/WordDocument", WORD_FIB), ("/1Table", b"t")])
}

/// A password-protected Office package: a compound file with `EncryptionInfo` and
/// `EncryptedPackage`.
pub fn encrypted_package() -> Vec<u8> {
    cfb_with(&[
        ("/EncryptionInfo", b"\x04\x00\x04\x00"),
        ("/EncryptedPackage", b"\0\0\0\0"),
    ])
}

/// Base64 in lines of 76 characters, as mailers write it.
pub fn base64(data: &[u8]) -> String {
    use base64::Engine as _;
    let flat = base64::engine::general_purpose::STANDARD.encode(data);
    let lines: Vec<&str> = flat
        .as_bytes()
        .chunks(76)
        .map(|l| std::str::from_utf8(l).expect("base64 is ASCII"))
        .collect();
    lines.join("\r\n")
}

/// Quoted-printable with soft line breaks before 72 characters.
pub fn quoted_printable(data: &[u8]) -> String {
    let mut out = String::new();
    let mut line = 0;
    for &b in data {
        let piece = if (33..=126).contains(&b) && b != b'=' {
            (b as char).to_string()
        } else {
            format!("={b:02X}")
        };
        if line + piece.len() > 72 {
            out.push_str("=\r\n");
            line = 0;
        }
        line += piece.len();
        out.push_str(&piece);
    }
    out
}

/// One part of a multipart e-mail: its header lines (each ending in CRLF) and its body.
pub struct Part {
    pub headers: String,
    pub body: String,
}

/// An attachment encoded in base64.
pub fn attachment_b64(content_type: &str, disposition: &str, data: &[u8]) -> Part {
    Part {
        headers: format!(
            "Content-Type: {content_type}\r\nContent-Disposition: {disposition}\r\nContent-Transfer-Encoding: base64\r\n"
        ),
        body: base64(data),
    }
}

/// An attachment with the disposition `attachment; filename="{filename}"`.
pub fn attached(content_type: &str, filename: &str, data: &[u8]) -> Part {
    attachment_b64(
        content_type,
        &format!("attachment; filename=\"{filename}\""),
        data,
    )
}

/// An attachment named `name`: `Content-Type: {content_type}; name="…"`, disposition
/// `attachment; filename="…"`.
pub fn attachment(content_type: &str, name: &str, data: &[u8]) -> Part {
    attachment_b64(
        &format!("{content_type}; name=\"{name}\""),
        &format!("attachment; filename=\"{name}\""),
        data,
    )
}

/// A plain-text body in UTF-8.
pub fn text_body(text: &str) -> Part {
    Part {
        headers: "Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n"
            .to_string(),
        body: text.to_string(),
    }
}

/// A `multipart/mixed` e-mail to the TSB with these parts.
pub fn eml(from: &str, date: &str, subject: &str, parts: &[Part]) -> String {
    let boundary = format!("b-{}-{}", subject.len(), parts.len());
    let mut s = format!(
        "From: {from}\r\nTo: tsbsg17@itu.int\r\nSubject: {subject}\r\nDate: {date}\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"{boundary}\"\r\n\r\nThis is a MIME message.\r\n"
    );
    for p in parts {
        s.push_str(&format!("--{boundary}\r\n{}\r\n{}\r\n", p.headers, p.body));
    }
    s.push_str(&format!("--{boundary}--\r\n"));
    s
}

/// The date the built e-mails carry when the test does not care.
pub const DATE: &str = "Mon, 6 Feb 2023 10:00:00 +0000";
