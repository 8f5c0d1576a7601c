//! The OPC/zip container of a .docx: opening it with size limits, reading parts, and resolving
//! relationships. Nothing here knows about WordprocessingML.

use std::collections::HashMap;
use std::io::Cursor;

use super::limits;
use crate::zipsafe;

/// Why a package could not be read. Messages say what happened and what the user can do.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DocxError {
    #[error("the file is not a Word .docx package (no zip structure found); if it is a Word 97-2003 .doc or a password-protected file, ask the sender for an unprotected .docx")]
    NotZip,
    #[error("the file is damaged ({0}); ask the sender to send it again")]
    Corrupt(String),
    #[error("the file is too large to read safely ({0}); ask the sender for a smaller copy (without embedded media)")]
    TooLarge(String),
    #[error("the file is encrypted or password-protected; ask the sender for an unprotected copy")]
    Encrypted,
    #[error("the file is a zip but holds no Word document (word/document.xml missing); ask the sender for the .docx reply form")]
    MissingMainPart,
    #[error("the document's XML is damaged ({0}); ask the sender to send it again")]
    Xml(String),
}

/// What the central directory says about one entry, captured once at open time.
#[derive(Debug, Clone)]
struct EntryInfo {
    index: usize,
    name: String,
    size: u64,
    compressed: u64,
    encrypted: bool,
}

/// An opened .docx (any OPC zip). Parts are inflated on demand, each checked against
/// [`limits`] before and while inflating.
pub struct Package<'a> {
    /// Borrows the file's bytes: a package is read where it lies, never copied.
    archive: zip::ZipArchive<Cursor<&'a [u8]>>,
    /// Lower-cased part name (no leading `/`) → entry; OPC part names are case-insensitive.
    entries: HashMap<String, EntryInfo>,
    /// Entry names in archive order, as stored.
    names: Vec<String>,
    /// Bytes inflated so far, bounded by `MAX_TOTAL_BYTES`.
    inflated: u64,
}

impl std::fmt::Debug for Package<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Package")
            .field("parts", &self.names.len())
            .finish()
    }
}

fn zip_error(e: zip::result::ZipError) -> DocxError {
    use zip::result::ZipError as Z;
    match e {
        Z::InvalidPassword => DocxError::Encrypted,
        Z::UnsupportedArchive(m) if m.to_ascii_lowercase().contains("password") => {
            DocxError::Encrypted
        }
        Z::UnsupportedArchive(m) => DocxError::Corrupt(format!("unsupported zip feature: {m}")),
        Z::CompressionMethodNotSupported(m) => {
            DocxError::Corrupt(format!("unsupported zip compression method {m}"))
        }
        Z::InvalidArchive(m) => DocxError::Corrupt(format!("invalid zip: {m}")),
        Z::Io(e) => DocxError::Corrupt(format!("zip read error: {e}")),
        Z::FileNotFound => DocxError::Corrupt("zip entry not found".into()),
        other => DocxError::Corrupt(format!("zip error: {other}")),
    }
}

/// Normalise a part name: no leading `/`, `\` as `/`, lower case for lookup.
fn key(name: &str) -> String {
    name.trim_start_matches('/')
        .replace('\\', "/")
        .to_lowercase()
}

impl<'a> Package<'a> {
    /// Open a package from bytes. Refuses archives with too many entries or a declared total
    /// beyond [`limits::MAX_TOTAL_BYTES`]; per-part limits are checked in [`Package::read_part`].
    pub fn open(bytes: &'a [u8]) -> Result<Package<'a>, DocxError> {
        if bytes.len() < 4 || &bytes[..2] != b"PK" {
            // A zip can in theory start with other data (self-extractors), but a .docx never does.
            if bytes.len() >= 8 && bytes[..8] == [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] {
                // OLE compound file: an encrypted OOXML package or a legacy .doc.
                return Err(DocxError::NotZip);
            }
            if !bytes.windows(4).any(|w| w == b"PK\x05\x06") {
                return Err(DocxError::NotZip);
            }
        }
        let mut archive = match zip::ZipArchive::new(Cursor::new(bytes)) {
            Ok(a) => a,
            Err(e) => {
                // Distinguish "starts like a zip but is cut/damaged" from "not a zip at all".
                return Err(if bytes.starts_with(b"PK") {
                    match zip_error(e) {
                        DocxError::Corrupt(m) => DocxError::Corrupt(format!(
                            "zip central directory missing or unreadable: {m}"
                        )),
                        other => other,
                    }
                } else {
                    DocxError::NotZip
                });
            }
        };
        if archive.len() > limits::MAX_ENTRIES {
            return Err(DocxError::TooLarge(format!(
                "{} zip entries, limit {}",
                archive.len(),
                limits::MAX_ENTRIES
            )));
        }
        let mut entries = HashMap::new();
        let mut names = Vec::new();
        let mut total: u64 = 0;
        for i in 0..archive.len() {
            let f = archive.by_index_raw(i).map_err(zip_error)?;
            let name = match f.name() {
                Ok(n) => n.into_owned(),
                Err(_) => continue,
            };
            if f.is_dir() {
                continue;
            }
            total = total.saturating_add(f.size());
            let info = EntryInfo {
                index: i,
                name: name.clone(),
                size: f.size(),
                compressed: f.compressed_size(),
                encrypted: f.encrypted(),
            };
            names.push(name.clone());
            entries.entry(key(&name)).or_insert(info);
        }
        if total > limits::MAX_TOTAL_BYTES {
            return Err(DocxError::TooLarge(format!(
                "the parts would inflate to {total} bytes, limit {}",
                limits::MAX_TOTAL_BYTES
            )));
        }
        Ok(Package {
            archive,
            entries,
            names,
            inflated: 0,
        })
    }

    pub fn has_part(&self, name: &str) -> bool {
        self.entries.contains_key(&key(name))
    }

    /// Part names as stored in the archive, in archive order (directories left out).
    pub fn part_names(&self) -> Vec<String> {
        self.names.clone()
    }

    /// Inflate one part. `Ok(None)` when the package has no such part.
    pub fn read_part(&mut self, name: &str) -> Result<Option<Vec<u8>>, DocxError> {
        let Some(info) = self.entries.get(&key(name)).cloned() else {
            return Ok(None);
        };
        if info.encrypted {
            return Err(DocxError::Encrypted);
        }
        let remaining = limits::MAX_TOTAL_BYTES.saturating_sub(self.inflated);
        zipsafe::check_entry(info.size, info.compressed, remaining)
            .map_err(|r| DocxError::TooLarge(format!("part {} {r}", info.name)))?;
        let limit = limits::MAX_ENTRY_BYTES.min(remaining);
        let file = self.archive.by_index(info.index).map_err(zip_error)?;
        let out = zipsafe::inflate_at_most(file, info.size, limit)
            .map_err(|e| DocxError::Corrupt(format!("part {} cannot be inflated: {e}", info.name)))?
            .ok_or_else(|| {
                DocxError::TooLarge(format!("part {} inflates beyond {limit} bytes", info.name))
            })?;
        self.inflated = self.inflated.saturating_add(out.len() as u64);
        Ok(Some(out))
    }

    /// Relationships of `part` (from `<dir>/_rels/<file>.rels`): id → (type, absolute target
    /// part name). External targets are left out. Empty when there is no rels part.
    pub fn relationships(&mut self, part: &str) -> Result<Vec<Relationship>, DocxError> {
        let part = part.trim_start_matches('/');
        let (dir, file) = match part.rfind('/') {
            Some(i) => (&part[..i], &part[i + 1..]),
            None => ("", part),
        };
        let rels_name = if dir.is_empty() {
            format!("_rels/{file}.rels")
        } else {
            format!("{dir}/_rels/{file}.rels")
        };
        let Some(bytes) = self.read_part(&rels_name)? else {
            return Ok(Vec::new());
        };
        let mut rels = super::xml::parse_relationships(&bytes)?;
        for r in &mut rels {
            r.target = resolve_target(dir, &r.target);
        }
        Ok(rels)
    }
}

/// One `<Relationship>` of a `.rels` part.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Relationship {
    pub id: String,
    pub rel_type: String,
    /// After [`Package::relationships`]: the absolute part name without leading `/`.
    pub target: String,
    pub external: bool,
}

/// Resolve a relationship target relative to the source part's folder.
fn resolve_target(dir: &str, target: &str) -> String {
    let target = target.replace('\\', "/");
    // Drop a fragment or query: they are not part of the part name.
    let target = target.split(['#', '?']).next().unwrap_or("").to_string();
    let mut parts: Vec<&str> = Vec::new();
    if !target.starts_with('/') {
        parts.extend(dir.split('/').filter(|s| !s.is_empty()));
    }
    for seg in target.split('/') {
        match seg {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            s => parts.push(s),
        }
    }
    parts.join("/")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::zipsafe::zip_of;
    use std::io::Write;

    #[test]
    fn not_a_zip() {
        assert_eq!(
            Package::open(b"hello world, not a zip").unwrap_err(),
            DocxError::NotZip
        );
        assert_eq!(Package::open(b"").unwrap_err(), DocxError::NotZip);
    }

    #[test]
    fn truncated_zip_is_corrupt() {
        let z = zip_of(&[("word/document.xml", b"<x/>")]);
        let cut = &z[..z.len() / 2];
        let e = Package::open(cut).unwrap_err();
        assert!(matches!(e, DocxError::Corrupt(_)), "{e:?}");
        assert!(e.to_string().contains("send it again"));
    }

    #[test]
    fn read_parts_case_insensitive() {
        let z = zip_of(&[("word/document.xml", b"<x/>"), ("[Content_Types].xml", b"")]);
        let mut p = Package::open(&z).unwrap();
        assert!(p.has_part("/Word/Document.xml"));
        assert_eq!(p.read_part("word/document.xml").unwrap().unwrap(), b"<x/>");
        assert_eq!(p.read_part("word/missing.xml").unwrap(), None);
        assert_eq!(p.part_names().len(), 2);
    }

    #[test]
    fn zip_bomb_declared_size_refused() {
        // Deflate 2 MiB of zeros: ratio far above 200:1.
        let zeros = vec![0u8; 2 << 20];
        let mut w = zip::ZipWriter::new(Cursor::new(Vec::new()));
        w.start_file(
            "word/document.xml",
            zip::write::SimpleFileOptions::default()
                .compression_method(zip::CompressionMethod::Deflated),
        )
        .unwrap();
        w.write_all(&zeros).unwrap();
        let z = w.finish().unwrap().into_inner();
        let mut p = Package::open(&z).unwrap();
        let e = p.read_part("word/document.xml").unwrap_err();
        assert!(matches!(e, DocxError::TooLarge(_)), "{e:?}");
        assert!(e.to_string().contains("zip bomb"), "{e}");
    }

    /// Where the (last) central directory header of a zip starts.
    fn central_directory(z: &[u8]) -> usize {
        z.windows(4)
            .rposition(|w| w == b"PK\x01\x02")
            .expect("central directory")
    }

    #[test]
    fn huge_declared_size_refused() {
        // Patch the central directory's uncompressed size to 1 GiB.
        let mut z = zip_of(&[("word/document.xml", b"<w:document/>")]);
        let cd = central_directory(&z);
        z[cd + 24..cd + 28].copy_from_slice(&(1u32 << 30).to_le_bytes());
        let e = match Package::open(&z) {
            Ok(mut p) => p.read_part("word/document.xml").unwrap_err(),
            Err(e) => e,
        };
        assert!(matches!(e, DocxError::TooLarge(_)), "{e:?}");
    }

    #[test]
    fn encrypted_entry_refused() {
        // Set general-purpose bit 0 (encrypted) in the local header and central directory.
        let mut z = zip_of(&[("word/document.xml", b"<w:document/>")]);
        let lh = z
            .windows(4)
            .position(|w| w == b"PK\x03\x04")
            .expect("local header");
        z[lh + 6] |= 1;
        let cd = central_directory(&z);
        z[cd + 8] |= 1;
        let mut p = Package::open(&z).unwrap();
        let e = p.read_part("word/document.xml").unwrap_err();
        assert_eq!(e, DocxError::Encrypted);
    }

    #[test]
    fn relationship_targets() {
        assert_eq!(resolve_target("word", "media/a.png"), "word/media/a.png");
        assert_eq!(
            resolve_target("word", "../customXml/x.xml"),
            "customXml/x.xml"
        );
        assert_eq!(resolve_target("", "word/document.xml"), "word/document.xml");
        assert_eq!(
            resolve_target("word", "/word/document.xml"),
            "word/document.xml"
        );
    }
}
