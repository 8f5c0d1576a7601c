//! Intake end to end: fixtures built programmatically in a temporary directory (e-mails by hand,
//! zips with the zip crate, compound files with the cfb crate), plus the circ42 practice set.

use crate::common;
use std::io::Cursor;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use common::build::{
    attached, attachment_b64, cfb_with, eml, encrypted_package, legacy_doc, legacy_doc_with_table,
    quoted_printable, text_body, zip_with, Part,
};
use replytally::intake::{collect, limits, Content, Input};
use replytally::record::FailureKind;

// ---------------------------------------------------------------- builders

fn docx(marker: &str) -> Vec<u8> {
    zip_with(&[
        ("[Content_Types].xml", b"<Types/>".as_slice()),
        (
            "word/document.xml",
            format!("<w:document><w:t>{marker}</w:t></w:document>").as_bytes(),
        ),
    ])
}

const PNG: &[u8] = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR fake image";

fn utf16(s: &str) -> Vec<u8> {
    s.encode_utf16().flat_map(u16::to_le_bytes).collect()
}

fn write(dir: &Path, name: &str, data: &[u8]) -> PathBuf {
    let path = dir.join(name);
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).unwrap();
    }
    std::fs::write(&path, data).unwrap();
    path
}

fn word_text(input: &Input) -> Option<String> {
    match &input.content {
        Content::Word(bytes) => {
            let mut zip = zip::ZipArchive::new(Cursor::new(bytes.as_slice())).ok()?;
            let mut s = String::new();
            std::io::Read::read_to_string(&mut zip.by_name("word/document.xml").ok()?, &mut s)
                .ok()?;
            Some(s)
        }
        _ => None,
    }
}

fn failure(input: &Input) -> Option<FailureKind> {
    match &input.content {
        Content::Failed { kind, .. } => Some(*kind),
        _ => None,
    }
}

fn message(input: &Input) -> &str {
    match &input.content {
        Content::Failed { message, .. }
        | Content::Other { message }
        | Content::Skipped { message } => message,
        Content::Word(_) | Content::Pdf(_) => "",
    }
}

/// Fails, showing the message, unless the message of `input` says `what`.
#[track_caller]
fn assert_says(input: &Input, what: &str) {
    let m = message(input);
    assert!(m.contains(what), "{m}");
}

/// The sources of what intake made, in order.
fn sources(inputs: &[Input]) -> Vec<&str> {
    inputs.iter().map(|i| i.source.as_str()).collect()
}

fn one(path: &Path) -> Vec<Input> {
    collect(&[path.to_path_buf()])
}

// ---------------------------------------------------------------- e-mail

#[test]
fn email_attachments_encodings_and_names() {
    let dir = tempfile::tempdir().unwrap();
    let reply = docx("base64-rfc2231");
    let qp_reply = docx("quoted-printable-rfc2047");
    let mail = eml(
        "\"Yao Kouassi\" <normes@artci.ci>",
        "Wed, 08 Feb 2023 18:30:00 +0100",
        "=?UTF-8?Q?R=C3=A9ponse?= Circular 42",
        &[
            text_body("Please find our reply attached."),
            attachment_b64(
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                "attachment; filename*=UTF-8''R%C3%A9ponse.docx",
                &reply,
            ),
            Part {
                headers: "Content-Type: application/octet-stream; name=\"=?UTF-8?B?UsOpcG9uc2UgMi5kb2N4?=\"\r\nContent-Disposition: attachment\r\nContent-Transfer-Encoding: quoted-printable\r\n".to_string(),
                body: quoted_printable(&qp_reply),
            },
            attachment_b64("image/png", "inline; filename=\"logo.png\"", PNG),
            attached("application/pkcs7-signature", "smime.p7s", b"\x30\x82\x01\x00"),
        ],
    );
    let path = write(dir.path(), "mail/reply.eml", mail.as_bytes());
    let out = one(&path);
    let src = path.to_string_lossy().into_owned();
    let sources = sources(&out);
    assert_eq!(
        sources,
        [
            format!("{src}!Réponse.docx"),
            format!("{src}!Réponse 2.docx"),
            format!("{src}!logo.png"),
            format!("{src}!smime.p7s"),
        ]
    );
    assert_eq!(
        word_text(&out[0]).unwrap(),
        "<w:document><w:t>base64-rfc2231</w:t></w:document>"
    );
    assert!(word_text(&out[1])
        .unwrap()
        .contains("quoted-printable-rfc2047"));
    assert!(matches!(out[2].content, Content::Other { .. }));
    assert_eq!(
        message(&out[2]),
        "attachment 'logo.png' is not a reply form (image)"
    );
    assert_says(&out[3], "signature");
    let c = out[0].container.as_ref().unwrap();
    assert_eq!(c.source, src);
    assert_eq!(c.email_from.as_deref(), Some("normes@artci.ci"));
    assert_eq!(c.email_date.as_deref(), Some("2023-02-08T17:30:00Z"));
    assert_eq!(c.email_subject.as_deref(), Some("Réponse Circular 42"));
}

#[test]
fn forwarded_message_inside_an_email() {
    let dir = tempfile::tempdir().unwrap();
    let inner = eml(
        "Dr. A <ref@ministry.example.pl>",
        "Mon, 06 Feb 2023 09:00:00 +0000",
        "Reply to Circular 42",
        &[
            text_body("Our reply."),
            attached("application/octet-stream", "reply.docx", &docx("inner")),
        ],
    );
    let outer = eml(
        "Colleague <fwd@itu.int>",
        "Fri, 10 Feb 2023 12:00:00 +0000",
        "Fwd: Reply",
        &[
            text_body("Forwarding."),
            Part {
                headers: "Content-Type: message/rfc822\r\nContent-Disposition: attachment; filename=\"original.eml\"\r\n".to_string(),
                body: inner,
            },
            // A forwarded message without a name and without attachments: a note, not a failure.
            Part {
                headers: "Content-Type: message/rfc822\r\n".to_string(),
                body: eml("x@y.z", "Mon, 06 Feb 2023 09:00:00 +0000", "Thanks", &[text_body("thanks")]),
            },
        ],
    );
    let path = write(dir.path(), "fwd.eml", outer.as_bytes());
    let out = one(&path);
    let src = path.to_string_lossy().into_owned();
    assert_eq!(out.len(), 2, "{out:#?}");
    assert_eq!(out[0].source, format!("{src}!original.eml!reply.docx"));
    assert!(word_text(&out[0]).unwrap().contains("inner"));
    let c = out[0].container.as_ref().unwrap();
    assert_eq!(c.source, format!("{src}!original.eml"));
    assert_eq!(c.email_from.as_deref(), Some("ref@ministry.example.pl"));
    assert_eq!(c.email_date.as_deref(), Some("2023-02-06T09:00:00Z"));
    assert_eq!(out[1].source, format!("{src}!Thanks.eml"));
    assert!(matches!(out[1].content, Content::Other { .. }));
}

#[test]
fn email_without_reply_form_is_one_failure() {
    let dir = tempfile::tempdir().unwrap();
    let bare = eml(
        "a@b.c",
        "Mon, 06 Feb 2023 09:00:00 +0000",
        "Hello",
        &[text_body("no attachment")],
    );
    let path = write(dir.path(), "bare.eml", bare.as_bytes());
    let out = one(&path);
    assert_eq!(out.len(), 1);
    assert_eq!(failure(&out[0]), Some(FailureKind::NotAReplyForm));
    assert_says(&out[0], "has no attachment");
    assert!(out[0].container.is_none());

    let logo_only = eml(
        "a@b.c",
        "Mon, 06 Feb 2023 09:00:00 +0000",
        "Hello",
        &[text_body("x"), attached("image/png", "logo.png", PNG)],
    );
    let path = write(dir.path(), "logo.eml", logo_only.as_bytes());
    let out = one(&path);
    assert_eq!(out.len(), 1);
    assert_eq!(failure(&out[0]), Some(FailureKind::NotAReplyForm));
    assert_says(&out[0], "logo.png");
}

#[test]
fn failing_members_of_an_email_stay_failures() {
    let dir = tempfile::tempdir().unwrap();
    let doc = legacy_doc();
    let mail = eml(
        "a@b.c",
        "Mon, 06 Feb 2023 09:00:00 +0000",
        "Reply",
        &[
            attached("application/msword", "reply.doc", &doc),
            attached("application/pdf", "reply.pdf", b"%PDF-1.5\n"),
        ],
    );
    let path = write(dir.path(), "r.eml", mail.as_bytes());
    let out = one(&path);
    let kinds: Vec<_> = out.iter().map(failure).collect();
    assert_eq!(kinds, [Some(FailureKind::LegacyDoc), None]);
    // A PDF goes on to the PDF reader (this one, a bare header, ends as a `pdf` failure there).
    assert!(matches!(out[1].content, Content::Pdf(_)));
    assert!(out
        .iter()
        .all(|i| i.container.as_ref().unwrap().email_from.as_deref() == Some("a@b.c")));
}

#[test]
fn attachment_names_lose_their_folders_and_stay_unique() {
    let dir = tempfile::tempdir().unwrap();
    let mail = eml(
        "a@b.c",
        "Mon, 06 Feb 2023 09:00:00 +0000",
        "Reply",
        &[
            attachment_b64(
                "application/octet-stream",
                "attachment; filename=\"C:\\\\Users\\\\me\\\\reply.docx\"",
                &docx("one"),
            ),
            attached("application/octet-stream", "reply.docx", &docx("two")),
            attachment_b64("application/octet-stream", "attachment", &docx("three")),
            attached("text/html", "old.doc", b"<html><body>reply</body></html>"),
        ],
    );
    let path = write(dir.path(), "m.eml", mail.as_bytes());
    let out = one(&path);
    let names: Vec<&str> = out
        .iter()
        .map(|i| i.source.rsplit('!').next().unwrap())
        .collect();
    assert_eq!(
        names,
        [
            "reply.docx",
            "reply (2).docx",
            "unnamed attachment 1",
            "old.doc"
        ]
    );
    assert!(word_text(&out[2]).unwrap().contains("three"));
    assert_eq!(failure(&out[3]), Some(FailureKind::Unsupported));
    assert_says(&out[3], "web page");
}

// ---------------------------------------------------------------- zip

#[test]
fn zip_members_and_nested_zip() {
    let dir = tempfile::tempdir().unwrap();
    let inner = zip_with(&[("b.docx", &docx("nested"))]);
    let outer = zip_with(&[
        ("a.docx", &docx("top")),
        ("logo.png", PNG),
        ("__MACOSX/._a.docx", b"\0\x05\x16\x07"),
        ("more/inner.zip", &inner),
        ("notes.txt", b"plain text"),
        ("~$a.docx", b"\x0bJohn Smith"),
    ]);
    let path = write(dir.path(), "batch.zip", &outer);
    let out = one(&path);
    let src = path.to_string_lossy().into_owned();
    let sources = sources(&out);
    assert_eq!(
        sources,
        [
            format!("{src}!a.docx"),
            format!("{src}!logo.png"),
            format!("{src}!more/inner.zip!b.docx"),
            format!("{src}!notes.txt"),
            format!("{src}!~$a.docx"),
        ]
    );
    assert!(
        matches!(out[4].content, Content::Other { .. }),
        "{:?}",
        out[4]
    );
    assert!(word_text(&out[0]).unwrap().contains("top"));
    assert!(word_text(&out[2]).unwrap().contains("nested"));
    assert_eq!(
        message(&out[1]),
        "file 'logo.png' is not a reply form (image)"
    );
    assert_eq!(out[2].container.as_ref().unwrap().source, src);
    assert!(out[2].container.as_ref().unwrap().email_from.is_none());
}

#[test]
fn zip_bombs_are_refused_without_inflating() {
    let dir = tempfile::tempdir().unwrap();
    // High ratio: 4 MiB of zeros deflate to a few kilobytes.
    let zeros = vec![0u8; 4 << 20];
    let ratio = zip_with(&[("zeros.docx", &zeros), ("ok.docx", &docx("fine"))]);
    // Declared huge: patch the sizes of a small entry to 3 GiB in both headers.
    let mut declared = zip_with(&[("huge.docx", b"small")]);
    let huge = 3u32 << 30;
    for (sig, offset) in [(b"PK\x03\x04", 22), (b"PK\x01\x02", 24)] {
        let at = declared.windows(4).position(|w| w == sig).unwrap() + offset;
        declared[at..at + 4].copy_from_slice(&huge.to_le_bytes());
    }
    let p1 = write(dir.path(), "ratio.zip", &ratio);
    let p2 = write(dir.path(), "declared.zip", &declared);
    let start = Instant::now();
    let out = collect(&[p1, p2]);
    assert!(start.elapsed() < Duration::from_secs(5));
    assert_eq!(out.len(), 3, "{out:#?}");
    assert_eq!(failure(&out[0]), Some(FailureKind::TooLarge));
    assert_says(&out[0], "zip bomb");
    assert!(word_text(&out[1]).is_some());
    assert_eq!(failure(&out[2]), Some(FailureKind::TooLarge));
    assert!(out[2].source.ends_with("declared.zip!huge.docx"));
}

#[test]
fn too_many_entries_and_too_deep() {
    let dir = tempfile::tempdir().unwrap();
    let names: Vec<String> = (0..=limits::MAX_ARCHIVE_ENTRIES)
        .map(|i| format!("f{i}"))
        .collect();
    let entries: Vec<(&str, &[u8])> = names.iter().map(|n| (n.as_str(), b"".as_slice())).collect();
    let path = write(dir.path(), "many.zip", &zip_with(&entries));
    let out = one(&path);
    assert_eq!(out.len(), 1);
    assert_eq!(failure(&out[0]), Some(FailureKind::TooLarge));

    let mut nested = docx("deep");
    for _ in 0..limits::MAX_NESTING + 2 {
        nested = zip_with(&[("n.zip", &nested)]);
    }
    let path = write(dir.path(), "deep.zip", &nested);
    let out = one(&path);
    assert_eq!(out.len(), 1, "{out:#?}");
    assert_eq!(failure(&out[0]), Some(FailureKind::TooLarge));
    assert_eq!(out[0].source.matches('!').count(), limits::MAX_NESTING);
}

#[test]
fn damaged_and_disguised_files() {
    let dir = tempfile::tempdir().unwrap();
    let good = docx("x");
    let truncated = write(dir.path(), "a_truncated.docx", &good[..good.len() / 2]);
    let pdf = write(
        dir.path(),
        "b_pdf.docx",
        b"%PDF-1.7\n%\xE2\xE3\xCF\xD3\n1 0 obj",
    );
    let doc = write(dir.path(), "c_legacy.docx", &legacy_doc_with_table());
    let enc = write(dir.path(), "d_encrypted.docx", &encrypted_package());
    let odt = write(
        dir.path(),
        "e.odt",
        &zip_with(&[
            ("mimetype", b"application/vnd.oasis.opendocument.text"),
            ("content.xml", b"<x/>"),
        ]),
    );
    let empty = write(dir.path(), "f_empty.docx", b"");
    let renamed = write(dir.path(), "g_reply.pdf", &docx("renamed"));
    let out = collect(&[truncated, pdf, doc, enc, odt, empty, renamed]);
    let kinds: Vec<_> = out.iter().map(failure).collect();
    assert_eq!(
        kinds,
        [
            Some(FailureKind::Corrupt),
            // Read by the PDF reader, which makes it a `pdf` failure (tests/pdf.rs).
            None,
            Some(FailureKind::LegacyDoc),
            Some(FailureKind::Encrypted),
            Some(FailureKind::Unsupported),
            Some(FailureKind::Corrupt),
            None,
        ]
    );
    assert_eq!(
        message(&out[2]),
        "a Word 97-2003 .doc file: open it in Word or LibreOffice and save it as .docx, then run again"
    );
    assert_eq!(
        message(&out[3]),
        "password-protected: ask the sender for an unprotected copy or remove the password, save, and run again"
    );
    assert!(message(&out[4]).starts_with("an OpenDocument text: save it as .docx"));
    assert!(word_text(&out[6]).unwrap().contains("renamed"));
}

#[test]
fn oversized_file_is_refused_before_reading() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("big.docx");
    let f = std::fs::File::create(&path).unwrap();
    f.set_len(limits::MAX_INPUT_BYTES + 1).unwrap(); // sparse: nothing written
    let out = one(&path);
    assert_eq!(out.len(), 1);
    assert_eq!(failure(&out[0]), Some(FailureKind::TooLarge));
}

// ---------------------------------------------------------------- Outlook .msg

#[test]
fn outlook_msg_attachments() {
    let dir = tempfile::tempdir().unwrap();
    // PR_CLIENT_SUBMIT_TIME = 2023-02-08T17:30:00Z as FILETIME.
    let filetime: u64 = (1_675_877_400 + 11_644_473_600) * 10_000_000;
    let mut props = vec![0u8; 32];
    props.extend_from_slice(&0x0039_0040u32.to_le_bytes());
    props.extend_from_slice(&6u32.to_le_bytes());
    props.extend_from_slice(&filetime.to_le_bytes());
    let reply = docx("from-msg");
    let inner_reply = docx("embedded-msg");
    let msg = cfb_with(&[
        ("/__substg1.0_0C1F001F", &utf16("sender@gov.example")),
        ("/__substg1.0_0037001F", &utf16("Reply to Circular 42")),
        ("/__properties_version1.0", &props),
        ("/__attach_version1.0_#00000000/__substg1.0_37010102", &reply),
        ("/__attach_version1.0_#00000000/__substg1.0_3707001F", &utf16("Réponse.docx")),
        ("/__attach_version1.0_#00000000/__substg1.0_3704001F", &utf16("REPONS~1.DOC")),
        ("/__attach_version1.0_#00000001/__substg1.0_37010102", PNG),
        ("/__attach_version1.0_#00000001/__substg1.0_3704001F", &utf16("image001.png")),
        (
            "/__attach_version1.0_#00000002/__substg1.0_3701000D/__substg1.0_0C1F001F",
            &utf16("other@gov.example"),
        ),
        (
            "/__attach_version1.0_#00000002/__substg1.0_3701000D/__attach_version1.0_#00000000/__substg1.0_37010102",
            &inner_reply,
        ),
        (
            "/__attach_version1.0_#00000002/__substg1.0_3701000D/__attach_version1.0_#00000000/__substg1.0_3707001F",
            &utf16("inner.docx"),
        ),
        ("/__attach_version1.0_#00000002/__substg1.0_3001001F", &utf16("Forwarded reply")),
    ]);
    let path = write(dir.path(), "reply.msg", &msg);
    let out = one(&path);
    let src = path.to_string_lossy().into_owned();
    let sources = sources(&out);
    assert_eq!(
        sources,
        [
            format!("{src}!Réponse.docx"),
            format!("{src}!image001.png"),
            format!("{src}!Forwarded reply!inner.docx"),
        ]
    );
    assert!(word_text(&out[0]).unwrap().contains("from-msg"));
    assert!(matches!(out[1].content, Content::Other { .. }));
    assert!(word_text(&out[2]).unwrap().contains("embedded-msg"));
    let c = out[0].container.as_ref().unwrap();
    assert_eq!(c.email_from.as_deref(), Some("sender@gov.example"));
    assert_eq!(c.email_date.as_deref(), Some("2023-02-08T17:30:00Z"));
    assert_eq!(c.email_subject.as_deref(), Some("Reply to Circular 42"));
    let c = out[2].container.as_ref().unwrap();
    assert_eq!(c.email_from.as_deref(), Some("other@gov.example"));
    assert_eq!(c.email_date.as_deref(), Some("2023-02-08T17:30:00Z"));
}

// ---------------------------------------------------------------- walking

#[test]
fn walking_a_directory() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(root, "b.docx", &docx("b"));
    write(root, "a/z.docx", &docx("az"));
    write(root, ".git/config", b"[core]");
    write(root, ".hidden.docx", &docx("hidden"));
    write(root, "README.md", b"# notes\n");
    write(
        root,
        "~$b.docx",
        b"\x0bJohn Smith                                   ",
    );
    let out = one(root);
    let r = root.to_string_lossy().into_owned();
    let sources = sources(&out);
    assert_eq!(
        sources,
        [
            format!("{r}/README.md"),
            format!("{r}/a/z.docx"),
            format!("{r}/b.docx"),
            format!("{r}/~$b.docx"),
        ]
    );
    assert_eq!(failure(&out[0]), Some(FailureKind::Unsupported));
    assert!(word_text(&out[1]).is_some());
    assert!(word_text(&out[2]).is_some());
    assert_eq!(failure(&out[3]), Some(FailureKind::Unsupported));
    assert_says(&out[3], "lock file");

    // A path that does not exist is a failure, not a crash.
    let out = one(&root.join("missing.docx"));
    assert_eq!(failure(&out[0]), Some(FailureKind::Unsupported));
}

#[cfg(unix)]
#[test]
fn symlinks_do_not_leave_the_tree() {
    let outside = tempfile::tempdir().unwrap();
    let target = write(outside.path(), "secret.docx", &docx("outside"));
    let dir = tempfile::tempdir().unwrap();
    let inside = write(dir.path(), "real.docx", &docx("inside"));
    std::os::unix::fs::symlink(&target, dir.path().join("out_link.docx")).unwrap();
    std::os::unix::fs::symlink(&inside, dir.path().join("in_link.docx")).unwrap();
    let out = one(dir.path());
    assert_eq!(out.len(), 2, "{out:#?}");
    assert!(out[0].source.ends_with("/out_link.docx"));
    assert_eq!(failure(&out[0]), Some(FailureKind::Unsupported));
    assert!(out[1].source.ends_with("/real.docx"));
}

// ---------------------------------------------------------------- practice set

#[test]
fn circ42_practice_set() {
    let Some(dir) = common::shared("replies/circ42") else {
        return;
    };
    let out = one(&dir);
    let base = dir.to_string_lossy().into_owned();
    let find = |name: &str| {
        out.iter()
            .find(|i| i.source == format!("{base}/{name}"))
            .unwrap_or_else(|| panic!("{name} missing from {out:#?}"))
    };
    let cote = find("Cote_dIvoire_reply.eml!Cote_dIvoire_reply_circ42.docx");
    assert!(matches!(cote.content, Content::Word(_)));
    let c = cote.container.as_ref().unwrap();
    assert_eq!(c.email_from.as_deref(), Some("normes@artci.ci"));
    assert_eq!(c.email_date.as_deref(), Some("2023-02-08T17:30:00Z"));
    assert_eq!(c.source, format!("{base}/Cote_dIvoire_reply.eml"));
    assert_eq!(
        failure(find("Poland_reply_circ42.doc")),
        Some(FailureKind::LegacyDoc)
    );
    assert_eq!(
        failure(find("Greece_reply_circ42.docx")),
        Some(FailureKind::Corrupt)
    );
    // 14 Word files in the folder plus the one attached to the e-mail; nothing else.
    let words = out
        .iter()
        .filter(|i| matches!(i.content, Content::Word(_)))
        .count();
    assert_eq!(words, 15);
    assert_eq!(out.len(), 17);
    // Sorted walk: deterministic order.
    let sources = sources(&out);
    let mut sorted = sources.clone();
    sorted.sort();
    assert_eq!(sources, sorted);
}
