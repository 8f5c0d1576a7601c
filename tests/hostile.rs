//! Hostile inputs through the whole path (intake → document reader → form reader → records):
//! one test per limit of `intake::limits` and `docx::limits`, plus zip bombs, a billion-laughs
//! DOCTYPE, external entities and deep nesting of XML, zips and e-mails. Each must end as a
//! failure of the right kind (or a reply with warnings) quickly, without a panic and in bounded
//! memory (the peak resident size of the test process is checked after each test: it is the
//! one integration-test binary, so the bound holds for every test in it together).

use crate::common;
use std::io::{Cursor, Read};
use std::path::Path;
use std::time::{Duration, Instant};

use common::build::{attachment, base64, cfb_with, eml, text_body, zip_of, DATE};
use replytally::docx::limits as docx_limits;
use replytally::intake::{self, limits, Content, Input};
use replytally::pipeline::BlankForm;
use replytally::record::{FailureKind, Records};

/// What one hostile case may take (debug build, 2 busy cores).
const QUICK: Duration = Duration::from_secs(10);

/// Peak resident size allowed for the whole test process (all integration tests share it).
const MAX_PEAK_BYTES: u64 = 1 << 30;

// ---------------------------------------------------------------- helpers

fn samples() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("samples")
}

/// The parts of a real reply form (a sample), in archive order.
fn sample_parts() -> Vec<(String, Vec<u8>)> {
    let bytes = std::fs::read(samples().join("Kenya_reply_circ117.docx")).unwrap();
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
    (0..zip.len())
        .map(|i| {
            let mut f = zip.by_index(i).unwrap();
            let name = f.name().unwrap().into_owned();
            let mut data = Vec::new();
            f.read_to_end(&mut data).unwrap();
            (name, data)
        })
        .collect()
}

/// The sample reply with its `word/document.xml` replaced.
fn reply_with_document(document: &[u8]) -> Vec<u8> {
    let parts: Vec<(String, Vec<u8>)> = sample_parts()
        .into_iter()
        .map(|(n, d)| {
            if n == "word/document.xml" {
                (n, document.to_vec())
            } else {
                (n, d)
            }
        })
        .collect();
    zip_of(&parts)
}

fn sample_document() -> Vec<u8> {
    sample_parts()
        .into_iter()
        .find(|(n, _)| n == "word/document.xml")
        .unwrap()
        .1
}

/// Bytes → records, as a run does it (no reader may panic), timed and checked for memory.
fn records_of(name: &str, bytes: Vec<u8>) -> (Vec<Input>, Records, Vec<BlankForm>) {
    let start = Instant::now();
    let (inputs, records, forms) = common::read_bytes(name, name, bytes);
    let took = start.elapsed();
    assert!(took < QUICK, "{name} took {took:?}");
    check_memory();
    assert!(
        !records.replies.is_empty() || !records.failures.is_empty() || !forms.is_empty(),
        "{name}: nothing came out"
    );
    (inputs, records, forms)
}

fn only_failure(records: &Records) -> (FailureKind, String, String) {
    assert!(records.replies.is_empty(), "{:#?}", records.replies);
    assert_eq!(records.failures.len(), 1, "{:#?}", records.failures);
    let f = &records.failures[0];
    (f.kind, f.source.clone(), f.message.clone())
}

/// [`records_of`] and [`only_failure`] on a thread with the 2 MiB stack rayon's threads have.
fn only_failure_on_small_stack(
    name: &'static str,
    bytes: Vec<u8>,
) -> (FailureKind, String, String) {
    std::thread::Builder::new()
        .stack_size(2 << 20)
        .spawn(move || {
            let (_, records, _) = records_of(name, bytes);
            only_failure(&records)
        })
        .unwrap()
        .join()
        .unwrap()
}

/// The peak resident size of this process (Linux), which every hostile case shares.
fn check_memory() {
    let Ok(status) = std::fs::read_to_string("/proc/self/status") else {
        return;
    };
    let peak_kib: u64 = status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .unwrap_or(0);
    assert!(
        peak_kib * 1024 < MAX_PEAK_BYTES,
        "peak resident size {peak_kib} KiB"
    );
}

/// An e-mail carrying `docx` as an attachment named `reply.docx`.
fn eml_with(docx: &[u8]) -> String {
    eml(
        "a@example.org",
        DATE,
        "reply",
        &[
            text_body("Please find our reply."),
            attachment(
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                "reply.docx",
                docx,
            ),
        ],
    )
}

/// `inner` forwarded `levels` times, each as a `message/rfc822` part (built without copying
/// the growing message at every level).
fn forwarded(inner: &str, levels: usize) -> Vec<u8> {
    let mut head = String::new();
    let mut tail = Vec::new();
    for level in 0..levels {
        head.push_str(&format!(
            "From: l{level}@example.org\r\nSubject: Fwd {level}\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"b{level}\"\r\n\r\n--b{level}\r\nContent-Type: message/rfc822\r\n\r\n"
        ));
        tail.push(format!("\r\n--b{level}--\r\n"));
    }
    let mut out = head;
    out.push_str(inner);
    for t in tail.iter().rev() {
        out.push_str(t);
    }
    out.into_bytes()
}

/// Offsets of the central-directory records of a zip, read from its end record (a scan for
/// signatures could hit stored bytes of a member).
fn central_records(zip: &[u8]) -> Vec<usize> {
    let eocd = zip.windows(4).rposition(|w| w == b"PK\x05\x06").unwrap();
    let u16_at = |i: usize| usize::from(u16::from_le_bytes([zip[i], zip[i + 1]]));
    let u32_at = |i: usize| u32::from_le_bytes(zip[i..i + 4].try_into().unwrap()) as usize;
    let count = u16_at(eocd + 10);
    let mut at = u32_at(eocd + 16);
    let mut out = Vec::new();
    for _ in 0..count {
        assert_eq!(&zip[at..at + 4], b"PK\x01\x02");
        out.push(at);
        at += 46 + u16_at(at + 28) + u16_at(at + 30) + u16_at(at + 32);
    }
    out
}

/// Patch the uncompressed size of the first `n` entries, in the central directory and in
/// their local headers.
fn declare_size(zip: &mut [u8], size: u32, n: usize) {
    for cd in central_records(zip).into_iter().take(n) {
        zip[cd + 24..cd + 28].copy_from_slice(&size.to_le_bytes());
        let lh = u32::from_le_bytes(zip[cd + 42..cd + 46].try_into().unwrap()) as usize;
        zip[lh + 22..lh + 26].copy_from_slice(&size.to_le_bytes());
    }
}

// ---------------------------------------------------------------- the sample itself

#[test]
fn the_unmodified_sample_is_a_reply() {
    let (_, records, _) = records_of("ok.docx", reply_with_document(&sample_document()));
    assert_eq!(records.replies.len(), 1, "{:#?}", records.failures);
}

// ---------------------------------------------------------------- zip bombs

/// docx::limits::MAX_COMPRESSION_RATIO: a reply whose document part inflates 8 MiB of zeros.
#[test]
fn zip_bomb_document_part_is_too_large() {
    let (_, records, _) = records_of("bomb.docx", reply_with_document(&vec![b' '; 8 << 20]));
    let (kind, _, message) = only_failure(&records);
    assert_eq!(kind, FailureKind::TooLarge, "{message}");
    assert!(message.contains("zip bomb"), "{message}");
    assert_eq!(docx_limits::MAX_COMPRESSION_RATIO, 200);
}

/// docx::limits::MAX_ENTRY_BYTES: one part declaring more than the limit.
#[test]
fn part_declaring_too_much_is_too_large() {
    let mut docx = reply_with_document(&sample_document());
    declare_size(
        &mut docx,
        u32::try_from(docx_limits::MAX_ENTRY_BYTES + 1).unwrap(),
        usize::MAX,
    );
    let (_, records, _) = records_of("declared.docx", docx);
    let (kind, _, message) = only_failure(&records);
    assert_eq!(kind, FailureKind::TooLarge, "{message}");
}

/// docx::limits::MAX_TOTAL_BYTES: parts each under the per-part limit, too much together.
#[test]
fn parts_declaring_too_much_in_all_are_too_large() {
    let parts: Vec<(String, Vec<u8>)> = (0..6)
        .map(|i| (format!("word/media/p{i}.bin"), vec![b'x'; 100]))
        .chain(sample_parts())
        .collect();
    let mut docx = zip_of(&parts);
    // 6 × 50 MiB = 300 MiB declared, each part under MAX_ENTRY_BYTES.
    let each = 50u64 << 20;
    assert!(each <= docx_limits::MAX_ENTRY_BYTES);
    assert!(6 * each > docx_limits::MAX_TOTAL_BYTES);
    declare_size(&mut docx, u32::try_from(each).unwrap(), 6);
    let (_, records, _) = records_of("parts.docx", docx);
    let (kind, _, message) = only_failure(&records);
    assert_eq!(kind, FailureKind::TooLarge, "{message}");
}

/// docx::limits::MAX_ENTRIES.
#[test]
fn package_with_too_many_parts_is_too_large() {
    let mut parts = sample_parts();
    parts
        .extend((0..docx_limits::MAX_ENTRIES).map(|i| (format!("customXml/i{i}.xml"), Vec::new())));
    let (_, records, _) = records_of("many.docx", zip_of(&parts));
    let (kind, _, message) = only_failure(&records);
    assert_eq!(kind, FailureKind::TooLarge, "{message}");
}

/// intake::limits::MAX_COMPRESSION_RATIO and MAX_ENTRY_BYTES for a zip of replies: the bomb
/// is refused from the central directory, the reply beside it is read.
#[test]
fn zip_bomb_beside_a_reply() {
    let good = reply_with_document(&sample_document());
    let mut declared = zip_of(&[("huge.docx", b"small".as_slice())]);
    declare_size(
        &mut declared,
        u32::try_from(limits::MAX_ENTRY_BYTES + 1).unwrap(),
        1,
    );
    let archive = zip_of(&[
        ("zeros.docx", vec![0u8; 4 << 20]),
        ("reply.docx", good),
        ("declared.zip", declared),
    ]);
    let (inputs, records, _) = records_of("inbox.zip", archive);
    assert_eq!(records.replies.len(), 1, "{:#?}", records.failures);
    let unread: Vec<&str> = records.replies[0]
        .warnings
        .iter()
        .filter(|w| w.kind == replytally::warning::WarningKind::UnreadInContainer)
        .map(|w| w.text.as_str())
        .collect();
    let warnings = unread.join("\n");
    assert_eq!(unread.len(), 2, "{warnings}");
    assert!(warnings.contains("zeros.docx (too_large)"), "{warnings}");
    assert!(warnings.contains("huge.docx (too_large)"), "{warnings}");
    let kinds: Vec<_> = inputs
        .iter()
        .filter_map(|i| match &i.content {
            Content::Failed { kind, .. } => Some(*kind),
            _ => None,
        })
        .collect();
    assert_eq!(kinds, [FailureKind::TooLarge, FailureKind::TooLarge]);
}

/// A member that inflates to more than it declares is cut at the declared size and refused.
#[test]
fn zip_member_lying_about_its_size_is_refused() {
    let good = reply_with_document(&sample_document());
    let mut archive = zip_of(&[("reply.docx", good)]);
    declare_size(&mut archive, 1000, 1);
    let (_, records, _) = records_of("liar.zip", archive);
    let (kind, source, message) = only_failure(&records);
    assert_eq!(kind, FailureKind::Corrupt, "{message}");
    assert_eq!(source, "liar.zip!reply.docx");
}

/// intake::limits::MAX_MEMBERS: archives of archives multiply (like 42.zip): 16 copies at each
/// of 4 levels, 16 zip bombs in each innermost one — one `too_large` failure, quickly.
#[test]
fn archives_of_archives_are_refused_whole() {
    let bomb = zip_of(&[("zeros.bin", vec![0u8; 2 << 20])]);
    let mut level = zip_of(
        &(0..16)
            .map(|i| (format!("b{i}.zip"), bomb.clone()))
            .collect::<Vec<_>>(),
    );
    for depth in 0..4 {
        level = zip_of(
            &(0..16)
                .map(|i| (format!("l{depth}-{i}.zip"), level.clone()))
                .collect::<Vec<_>>(),
        );
    }
    assert!(16usize.pow(5) > limits::MAX_MEMBERS);
    let (_, records, _) = records_of("42.zip", level);
    let (kind, source, message) = only_failure(&records);
    assert_eq!(kind, FailureKind::TooLarge, "{message}");
    assert_eq!(source, "42.zip");
    assert!(message.contains("zip bomb"), "{message}");
}

/// intake::limits::MAX_NESTING for zips inside zips.
#[test]
fn zips_nested_too_deeply() {
    let mut nested = reply_with_document(&sample_document());
    for _ in 0..limits::MAX_NESTING + 2 {
        nested = zip_of(&[("n.zip", nested)]);
    }
    let (_, records, _) = records_of("deep.zip", nested);
    let (kind, source, _) = only_failure(&records);
    assert_eq!(kind, FailureKind::TooLarge);
    assert_eq!(source.matches('!').count(), limits::MAX_NESTING);
}

// ---------------------------------------------------------------- e-mails

/// intake::limits::MAX_NESTING for forwarded messages inside forwarded messages; the reply at
/// the limit is still read.
#[test]
fn emails_nested_too_deeply() {
    let inner = eml_with(&reply_with_document(&sample_document()));
    let (_, records, _) = records_of("ok.eml", forwarded(&inner, limits::MAX_NESTING - 1));
    assert_eq!(records.replies.len(), 1, "{:#?}", records.failures);
    assert_eq!(
        records.replies[0].source.matches('!').count(),
        limits::MAX_NESTING
    );

    let (_, records, _) = records_of("deep.eml", forwarded(&inner, limits::MAX_NESTING + 3));
    let (kind, source, message) = only_failure(&records);
    assert_eq!(kind, FailureKind::TooLarge, "{message}");
    assert_eq!(source.matches('!').count(), limits::MAX_NESTING);
}

/// Tens of thousands of forwarded levels: no stack overflow (parsing, walking or dropping the
/// message tree), and one failure.
#[test]
fn extreme_email_nesting_does_not_overflow_the_stack() {
    let inner = eml_with(b"not a docx");
    let bytes = forwarded(&inner, 30_000);
    let out = only_failure_on_small_stack("deep.eml", bytes);
    assert_eq!(out.0, FailureKind::TooLarge, "{}", out.2);

    // The same chain hidden in a base64-encoded forwarded message (the mail parser decodes
    // and opens those itself).
    let chain: String = "Content-Type: message/rfc822\r\n\r\n".repeat(20_000);
    let bytes = format!(
        "From: a@example.org\r\nContent-Type: message/rfc822\r\nContent-Transfer-Encoding: base64\r\n\r\n{}\r\n",
        base64(chain.as_bytes())
    )
    .into_bytes();
    let out = only_failure_on_small_stack("encoded.eml", bytes);
    assert_eq!(out.0, FailureKind::TooLarge, "{}", out.2);
    assert!(out.2.contains("forwarded messages"), "{}", out.2);
}

/// Zips inside e-mails inside zips: the nesting counts both.
#[test]
fn zips_and_emails_nested_together() {
    let mut blob = reply_with_document(&sample_document());
    let mut is_zip = false;
    for _ in 0..limits::MAX_NESTING + 2 {
        blob = if is_zip {
            eml_with(&blob).into_bytes()
        } else {
            zip_of(&[("r.docx", blob)])
        };
        // eml_with names it reply.docx: a nested zip is sniffed by content.
        is_zip = !is_zip;
    }
    let (_, records, _) = records_of("mixed.eml", blob);
    let (kind, _, message) = only_failure(&records);
    assert_eq!(kind, FailureKind::TooLarge, "{message}");
}

// ---------------------------------------------------------------- XML

/// A billion-laughs DOCTYPE in a real reply: quick-xml does not expand custom entities, so
/// nothing grows; the reply is still read (the references are dropped) or the file fails,
/// and never a panic or a hang.
#[test]
fn billion_laughs_in_a_reply_form() {
    let mut doctype = String::from("<!DOCTYPE w:document [\n<!ENTITY lol \"lol\">\n");
    doctype.push_str("<!ENTITY lol1 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">\n");
    for i in 2..=9 {
        let p = i - 1;
        doctype.push_str(&format!(
            "<!ENTITY lol{i} \"{}\">\n",
            format!("&lol{p};").repeat(10)
        ));
    }
    doctype.push_str("]>");
    let xml = String::from_utf8(sample_document()).unwrap();
    // After the XML declaration, and a reference in the first text run.
    let decl_end = xml.find("?>").map_or(0, |i| i + 2);
    let mut doc = format!("{}{doctype}{}", &xml[..decl_end], &xml[decl_end..]);
    let t = doc.find("<w:t>").or_else(|| doc.find("<w:t ")).unwrap();
    let t_end = t + doc[t..].find('>').unwrap() + 1;
    doc.insert_str(t_end, "&lol9;&lol9;&lol9;");
    let (_, records, _) = records_of("laughs.docx", reply_with_document(doc.as_bytes()));
    let json = String::from_utf8(replytally::report::records_json(&records)).unwrap();
    assert!(json.len() < 1 << 20);
    assert!(!json.contains("lollol"), "entities were expanded");
    assert!(records.replies.len() + records.failures.len() == 1);
}

/// An external entity naming a local file is never read.
#[test]
fn external_entities_are_not_fetched() {
    let dir = tempfile::tempdir().unwrap();
    let secret = dir.path().join("secret.txt");
    std::fs::write(&secret, "TOP-SECRET-CONTENT").unwrap();
    let xml = String::from_utf8(sample_document()).unwrap();
    let decl_end = xml.find("?>").map_or(0, |i| i + 2);
    let mut doc = format!(
        "{}<!DOCTYPE w:document [<!ENTITY xxe SYSTEM \"file://{}\">]>{}",
        &xml[..decl_end],
        secret.display(),
        &xml[decl_end..]
    );
    let t = doc.find("<w:t>").or_else(|| doc.find("<w:t ")).unwrap();
    let t_end = t + doc[t..].find('>').unwrap() + 1;
    doc.insert_str(t_end, "&xxe;");
    let (_, records, _) = records_of("xxe.docx", reply_with_document(doc.as_bytes()));
    let json = String::from_utf8(replytally::report::records_json(&records)).unwrap();
    assert!(!json.contains("TOP-SECRET"));
}

/// docx::limits::MAX_XML_DEPTH: deep nesting in the document part is `corrupt`, read on the
/// worker threads (2 MiB stacks) without overflowing them.
#[test]
fn deep_xml_nesting_is_corrupt() {
    // Under 1 MiB: not refused as a zip bomb first.
    let n = 20_000;
    let xml = format!(
        "<?xml version=\"1.0\"?><w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>{}{}</w:body></w:document>",
        "<w:tbl><w:tr><w:tc>".repeat(n),
        "</w:tc></w:tr></w:tbl>".repeat(n)
    );
    let (_, records, _) = records_of("deep.docx", reply_with_document(xml.as_bytes()));
    let (kind, _, message) = only_failure(&records);
    assert_eq!(kind, FailureKind::Corrupt, "{message}");
    assert!(docx_limits::MAX_XML_DEPTH < 3 * n);

    // Unknown elements nest as deep.
    let n = 100_000;
    let xml = format!(
        "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body><w:p>{}{}</w:p></w:body></w:document>",
        "<x>".repeat(n),
        "</x>".repeat(n)
    );
    let (_, records, _) = records_of("deep2.docx", reply_with_document(xml.as_bytes()));
    let (kind, _, message) = only_failure(&records);
    assert_eq!(kind, FailureKind::Corrupt, "{message}");
}

/// A relationships part nested deeply does not hide an intact document.
#[test]
fn deep_xml_in_relationships_is_survived() {
    let n = 100_000;
    let rels = format!(
        "<Relationships>{}{}</Relationships>",
        "<a>".repeat(n),
        "</a>".repeat(n)
    );
    let parts: Vec<(String, Vec<u8>)> = sample_parts()
        .into_iter()
        .map(|(name, d)| {
            if name == "word/_rels/document.xml.rels" {
                (name, rels.clone().into_bytes())
            } else {
                (name, d)
            }
        })
        .collect();
    let (_, records, _) = records_of("rels.docx", zip_of(&parts));
    assert_eq!(records.replies.len() + records.failures.len(), 1);
}

/// intake::limits::MAX_INPUT_BYTES is checked before reading (the sparse file is never read).
#[test]
fn oversized_input_is_refused_before_reading() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("big.eml");
    let f = std::fs::File::create(&path).unwrap();
    f.set_len(limits::MAX_INPUT_BYTES + 1).unwrap();
    let start = Instant::now();
    let inputs = intake::collect(&[path]);
    assert!(start.elapsed() < QUICK);
    assert_eq!(inputs.len(), 1);
    assert!(matches!(
        inputs[0].content,
        Content::Failed {
            kind: FailureKind::TooLarge,
            ..
        }
    ));
    check_memory();
}

// ---------------------------------------------------------------- Outlook messages

/// intake::limits::MAX_NESTING for Outlook messages embedded in one another (the cfb crate
/// walks storages with explicit stacks: deep storages need no test of their own).
#[test]
fn outlook_messages_nested_too_deeply() {
    let attach = "__attach_version1.0_#00000000";
    let embedded = "__substg1.0_3701000D";
    // The subject stream that marks a storage as a message.
    let subject: Vec<u8> = "Fwd".encode_utf16().flat_map(u16::to_le_bytes).collect();
    let mut path = String::new();
    let mut streams = Vec::new();
    for _ in 0..limits::MAX_NESTING + 3 {
        path.push_str(&format!("/{attach}/{embedded}"));
        streams.push(format!("{path}/__substg1.0_0037001F"));
    }
    let msg = cfb_with(
        &streams
            .iter()
            .map(|p| (p.as_str(), subject.as_slice()))
            .collect::<Vec<_>>(),
    );
    let (_, records, _) = records_of("deep.msg", msg);
    let (kind, source, message) = only_failure(&records);
    assert_eq!(kind, FailureKind::TooLarge, "{message}");
    assert_eq!(source.matches('!').count(), limits::MAX_NESTING);
}
