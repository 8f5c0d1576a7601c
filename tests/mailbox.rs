//! Mailboxes as they are exported (mbox, Maildir, Outlook `.pst` through readpst) and the
//! tool's own outputs found among the inputs: the real binary on files built here.

use crate::common;
use std::ffi::OsStr;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use common::build::{attached, eml, text_body, DATE};
use serde_json::Value;

const DOCX: &str = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

fn sample(name: &str) -> Vec<u8> {
    std::fs::read(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("samples")
            .join(name),
    )
    .unwrap()
}

fn write(path: &Path, data: &[u8]) -> PathBuf {
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, data).unwrap();
    path.to_path_buf()
}

/// `replytally run INPUTS --out OUT` (PATH as given when `path` is set): exit code, records.
fn run_with(inputs: &[&Path], out: &Path, path: Option<&OsStr>) -> (i32, Value) {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_replytally"));
    cmd.arg("run")
        .args(inputs)
        .arg("--out")
        .arg(out)
        .arg("--no-progress");
    if let Some(p) = path {
        cmd.env("PATH", p);
    }
    let status = cmd.status().expect("the replytally binary runs");
    let records = common::load(&out.join("records.json"));
    common::assert_no_internal(&records);
    (status.code().unwrap_or(-1), records)
}

fn run(inputs: &[&Path], out: &Path) -> (i32, Value) {
    run_with(inputs, out, None)
}

fn list<'a>(records: &'a Value, key: &str) -> Vec<&'a Value> {
    records[key]
        .as_array()
        .map(|a| a.iter().collect())
        .unwrap_or_default()
}

fn sources(records: &Value, key: &str) -> Vec<String> {
    list(records, key)
        .iter()
        .map(|r| r["source"].as_str().unwrap().to_string())
        .collect()
}

/// A reply e-mail carrying `file` as `name`.
fn reply_mail(from: &str, subject: &str, name: &str, file: &[u8]) -> String {
    eml(
        from,
        DATE,
        subject,
        &[
            text_body("Please find our reply."),
            attached(DOCX, name, file),
        ],
    )
}

/// An mbox as Thunderbird writes it: `From - date` separators, a blank line after each
/// message, `From ` at the start of a body line quoted as `>From `.
fn mbox_of(messages: &[String]) -> Vec<u8> {
    let mut out = String::new();
    for m in messages {
        out.push_str("From - Mon Feb  6 10:00:00 2023\n");
        for line in m.split_inclusive('\n') {
            let bare = line.trim_start_matches('>');
            if bare.starts_with("From ") {
                out.push('>');
            }
            out.push_str(line);
        }
        out.push('\n');
    }
    out.into_bytes()
}

#[test]
fn mbox_messages_are_read_one_by_one() {
    let dir = tempfile::tempdir().unwrap();
    let chat = eml(
        "a@b.c",
        DATE,
        "Meeting next week",
        &[text_body("From the chair: see you.\r\n>From a quote\r\n")],
    );
    let germany = reply_mail(
        "tsb@bnetza.de",
        "Re: TSB Circular 117",
        "Germany_Circ117_reply.docx",
        &sample("Germany_Circ117_reply.docx"),
    );
    let japan = reply_mail(
        "tsb@soumu.go.jp",
        "Reply! TSB/117",
        "Japan.docx",
        &sample("Japan_TSB-Circ117.docx"),
    );
    // A Thunderbird folder file has no extension.
    let inbox = write(
        &dir.path().join("replies/Inbox"),
        &mbox_of(&[chat, germany, japan]),
    );
    let out = dir.path().join("out");
    let (code, records) = run(&[&dir.path().join("replies")], &out);
    let mbox = inbox.to_string_lossy().into_owned();
    assert_eq!(
        sources(&records, "replies"),
        [
            format!("{mbox}!2:Re: TSB Circular 117!Germany_Circ117_reply.docx"),
            format!("{mbox}!3:Reply_ TSB_117!Japan.docx"),
        ]
    );
    let states: Vec<&str> = list(&records, "replies")
        .iter()
        .map(|r| r["member_state"]["iso3"].as_str().unwrap_or("?"))
        .collect();
    assert_eq!(states, ["DEU", "JPN"]);
    // The attachment's bytes came through whole: the same digest as the file.
    let digest = replytally::pipeline::sha256_hex(&sample("Germany_Circ117_reply.docx"));
    assert_eq!(records["replies"][0]["sha256"], digest.as_str());
    // The discussion around the replies is passed over with a reason, not a failure.
    let skipped = list(&records, "skipped");
    assert_eq!(skipped.len(), 1, "{skipped:?}");
    assert_eq!(skipped[0]["source"], format!("{mbox}!1:Meeting next week"));
    assert!(skipped[0]["message"]
        .as_str()
        .unwrap()
        .contains("without an attachment"));
    assert!(list(&records, "failures").is_empty(), "{records}");
    assert_eq!(code, 0);
}

/// Thunderbird's `Inbox.msf` beside `Inbox`; Apple Mail's `Inbox.mbox/` folder, with its
/// `mbox`, `Table of Contents` and `Info.plist`; a Google Takeout `.mbox` with CRLF lines.
#[test]
fn mail_program_exports_as_they_come() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("export");
    let de = reply_mail(
        "a@de.de",
        "R",
        "de.docx",
        &sample("Germany_Circ117_reply.docx"),
    );
    let jp = reply_mail("b@jp.jp", "R", "jp.docx", &sample("Japan_TSB-Circ117.docx"));
    write(
        &root.join("Thunderbird/Inbox"),
        &mbox_of(std::slice::from_ref(&de)),
    );
    write(
        &root.join("Thunderbird/Inbox.msf"),
        b"// <!-- <mdb:mork:z v=\"1.4\"/> -->\n",
    );
    write(
        &root.join("Apple/Inbox.mbox/mbox"),
        &mbox_of(std::slice::from_ref(&jp)),
    );
    write(
        &root.join("Apple/Inbox.mbox/Table of Contents"),
        b"\x00\x00\x01binary toc",
    );
    write(
        &root.join("Apple/Inbox.mbox/Info.plist"),
        b"<?xml version=\"1.0\"?><plist/>",
    );
    let takeout = String::from_utf8(mbox_of(std::slice::from_ref(&de))).unwrap();
    let takeout = takeout.replace("From - Mon", "From 1757812345678901234@xxx Mon");
    let takeout = takeout.replace("\r\n", "\n").replace('\n', "\r\n");
    write(&root.join("Takeout/Mail/All mail.mbox"), takeout.as_bytes());
    let (code, records) = run(&[&root], &dir.path().join("out"));
    let r = root.to_string_lossy();
    assert_eq!(
        sources(&records, "replies"),
        [
            format!("{r}/Apple/Inbox.mbox/mbox!1:R!jp.docx"),
            format!("{r}/Takeout/Mail/All mail.mbox!1:R!de.docx"),
            format!("{r}/Thunderbird/Inbox!1:R!de.docx"),
        ]
    );
    assert_eq!(
        sources(&records, "skipped"),
        [
            format!("{r}/Apple/Inbox.mbox/Info.plist"),
            format!("{r}/Apple/Inbox.mbox/Table of Contents"),
            format!("{r}/Thunderbird/Inbox.msf"),
        ]
    );
    assert!(list(&records, "failures").is_empty(), "{records}");
    assert_eq!(code, 0);
}

#[test]
fn maildir_messages_are_read_and_tmp_is_not() {
    let dir = tempfile::tempdir().unwrap();
    let md = dir.path().join("Maildir");
    let germany = reply_mail(
        "tsb@bnetza.de",
        "Circular 117",
        "de.docx",
        &sample("Germany_Circ117_reply.docx"),
    );
    let japan = reply_mail(
        "tsb@soumu.go.jp",
        "Circular 117",
        "jp.docx",
        &sample("Japan_TSB-Circ117.docx"),
    );
    write(&md.join("cur/1675677600.M1P1.host:2,S"), germany.as_bytes());
    write(&md.join("new/1675677700.M2P1.host"), japan.as_bytes());
    write(
        &md.join("tmp/1675677800.M3P1.host"),
        b"From: half delivered",
    );
    write(&md.join("dovecot-uidlist"), b"3 V1675677600 N4\n");
    let out = dir.path().join("out");
    let (code, records) = run(&[&md], &out);
    let md = md.to_string_lossy().into_owned();
    assert_eq!(
        sources(&records, "replies"),
        [
            format!("{md}/cur/1675677600.M1P1.host:2,S!de.docx"),
            format!("{md}/new/1675677700.M2P1.host!jp.docx"),
        ]
    );
    assert_eq!(
        sources(&records, "skipped"),
        [format!("{md}/dovecot-uidlist")]
    );
    assert!(list(&records, "failures").is_empty(), "{records}");
    assert_eq!(code, 0);
}

/// Failures of one run, as (source, kind, message).
fn failures(records: &Value) -> Vec<(String, String, String)> {
    list(records, "failures")
        .iter()
        .map(|f| {
            (
                f["source"].as_str().unwrap().to_string(),
                f["kind"].as_str().unwrap().to_string(),
                f["message"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

#[test]
fn hostile_mailboxes_are_refused_or_read_never_hang() {
    let dir = tempfile::tempdir().unwrap();
    let head = "From - Mon Feb  6 10:00:00 2023\nFrom: a@b.c\nSubject: x\n\n";
    // A million tiny messages: refused once the count passes the limit.
    let mut million = head.as_bytes().to_vec();
    for _ in 0..1_000_000 {
        million.extend_from_slice(b"From a 10:00\n\n");
    }
    let million = write(&dir.path().join("million.mbox"), &million);
    // One giant line: one message, above the limit for one message, never read whole.
    let mut giant = head.as_bytes().to_vec();
    giant.resize(giant.len() + (70 << 20), b'A');
    let giant = write(&dir.path().join("giant"), &giant);
    // No separator after the first, then binary garbage: one message that holds nothing.
    let mut garbage = head.as_bytes().to_vec();
    garbage.extend((0..200_000u32).map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8));
    let garbage = write(&dir.path().join("garbage.mbox"), &garbage);
    // Named .mbox, but no mailbox at all.
    let fake = write(
        &dir.path().join("fake.mbox"),
        b"\x00\x01binary, no From line",
    );
    let started = Instant::now();
    let out = dir.path().join("out");
    let (code, records) = run(&[&million, &giant, &garbage, &fake], &out);
    assert!(started.elapsed() < Duration::from_secs(60));
    assert_eq!(code, 1);
    let failures = failures(&records);
    let find = |src: &Path| {
        let src = src.to_string_lossy();
        failures
            .iter()
            .find(|f| f.0.starts_with(src.as_ref()))
            .cloned()
            .unwrap_or_else(|| panic!("no failure for {src}: {failures:?}"))
    };
    let (_, kind, message) = find(&million);
    assert_eq!(kind, "too_large");
    assert!(message.contains("more than 100000 messages"), "{message}");
    let (source, kind, message) = find(&giant);
    assert_eq!(
        (source.as_str(), kind.as_str()),
        (&*format!("{}!1", giant.display()), "too_large")
    );
    assert!(
        message.contains("limit of 64 MiB for one message"),
        "{message}"
    );
    let (_, kind, _) = find(&fake);
    assert_eq!(kind, "unsupported");
    // The garbage message is read and found to hold nothing: skipped, or a failure that says why.
    let garbage = garbage.to_string_lossy();
    let accounted = sources(&records, "skipped")
        .iter()
        .chain(failures.iter().map(|f| &f.0))
        .any(|s| s.starts_with(&format!("{garbage}!1")));
    assert!(accounted, "{records}");
    assert!(list(&records, "replies").is_empty());
}

/// A stand-in `readpst` that writes two messages as readpst `-e -o DIR` does.
#[cfg(unix)]
fn fake_readpst(bin: &Path, messages: &Path) {
    use std::os::unix::fs::PermissionsExt;
    let script = format!(
        "#!/bin/sh\nprev=''\nfor a in \"$@\"; do if [ \"$prev\" = -o ]; then out=\"$a\"; fi; prev=\"$a\"; done\nmkdir -p \"$out/Personal Folders/Inbox\"\ncp '{0}/1.eml' '{0}/2.eml' '{0}/10.eml' \"$out/Personal Folders/Inbox/\"\n",
        messages.display()
    );
    let path = write(&bin.join("readpst"), script.as_bytes());
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755)).unwrap();
}

#[cfg(unix)]
#[test]
fn pst_through_readpst_and_without_it() {
    let dir = tempfile::tempdir().unwrap();
    let pst = write(
        &dir.path().join("in/archive.pst"),
        b"!BDN stand-in for a .pst",
    );
    let msgs = dir.path().join("msgs");
    let germany = reply_mail(
        "tsb@bnetza.de",
        "Re: Circular 117",
        "de.docx",
        &sample("Germany_Circ117_reply.docx"),
    );
    write(&msgs.join("1.eml"), germany.as_bytes());
    write(
        &msgs.join("2.eml"),
        eml("a@b.c", DATE, "Thanks", &[]).as_bytes(),
    );
    let japan = reply_mail(
        "j@p.jp",
        "Circular 117",
        "jp.docx",
        &sample("Japan_TSB-Circ117.docx"),
    );
    write(&msgs.join("10.eml"), japan.as_bytes());
    let bin = dir.path().join("bin");
    fake_readpst(&bin, &msgs);
    let out = dir.path().join("out");
    let mut path = bin.clone().into_os_string();
    path.push(":/usr/bin:/bin");
    let (code, records) = run_with(&[&pst], &out, Some(&path));
    let p = pst.to_string_lossy();
    assert_eq!(
        sources(&records, "replies"),
        [
            format!("{p}!Personal Folders/Inbox/1:Re: Circular 117!de.docx"),
            format!("{p}!Personal Folders/Inbox/10:Circular 117!jp.docx"),
        ]
    );
    assert_eq!(
        sources(&records, "skipped"),
        [format!("{p}!Personal Folders/Inbox/2:Thanks")]
    );
    assert_eq!(code, 0);

    // Without readpst: a failure saying what to install.
    let empty = dir.path().join("empty-bin");
    std::fs::create_dir_all(&empty).unwrap();
    let (code, records) = run_with(&[&pst], &out, Some(empty.as_os_str()));
    assert_eq!(code, 1);
    let f = failures(&records);
    assert_eq!(f.len(), 1, "{f:?}");
    assert_eq!((f[0].0.as_str(), f[0].1.as_str()), (&*p, "unsupported"));
    assert!(f[0].2.contains("apt install pst-utils"), "{}", f[0].2);
}

/// The real readpst on a real .pst (java-libpst's, see tests/fixtures/pst/SOURCE.md): it holds
/// contacts and a calendar, no e-mail.
#[test]
fn real_pst_with_real_readpst() {
    if common::program(&["readpst"], "pst-utils").is_none() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let pst = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/pst/dist-list.pst");
    let (code, records) = run(&[&pst], &dir.path().join("out"));
    let f = failures(&records);
    assert_eq!(f.len(), 1, "{f:?}");
    assert_eq!(f[0].1, "not_a_reply_form");
    assert!(f[0].2.contains("no e-mail in it"), "{}", f[0].2);
    assert_eq!(code, 1);
    // A damaged one: readpst's own complaint.
    let bad = write(&dir.path().join("bad.pst"), b"!BDN and nothing else");
    let (_, records) = run(&[&bad], &dir.path().join("out2"));
    let f = failures(&records);
    assert_eq!(f[0].1, "corrupt", "{f:?}");
    assert!(f[0].2.contains("readpst could not read"), "{}", f[0].2);
}

#[test]
fn own_outputs_are_not_inputs() {
    let dir = tempfile::tempdir().unwrap();
    let replies = dir.path().join("replies");
    for name in ["Germany_Circ117_reply.docx", "Japan_TSB-Circ117.docx"] {
        write(&replies.join(name), &sample(name));
    }
    let out = replies.join("results");
    let (code, first) = run(&[&replies], &out);
    assert_eq!(code, 0);
    let first_bytes = std::fs::read(out.join("records.json")).unwrap();
    let (code, second) = run(&[&replies], &out);
    assert_eq!(code, 0);
    assert_eq!(first, second);
    assert_eq!(
        first_bytes,
        std::fs::read(out.join("records.json")).unwrap()
    );
    assert_eq!(list(&second, "replies").len(), 2);
    assert!(list(&second, "skipped").is_empty());

    // Copied elsewhere (and zipped), or walked when another folder is the output:
    // recognised by what is in them, skipped with a note.
    let copy = dir.path().join("copy");
    let names = replytally::report::FILE_NAMES;
    for name in names {
        write(
            &copy.join(format!("old-{name}")),
            &std::fs::read(out.join(name)).unwrap(),
        );
    }
    let entries: Vec<(String, Vec<u8>)> = names
        .iter()
        .map(|n| (n.to_string(), std::fs::read(out.join(n)).unwrap()))
        .collect();
    write(&copy.join("results.zip"), &common::build::zip_of(&entries));
    let (code, third) = run(&[&replies, &copy], &dir.path().join("out3"));
    assert_eq!(list(&third, "replies").len(), 2);
    assert!(list(&third, "failures").is_empty(), "{third}");
    let skipped = list(&third, "skipped");
    // replies/results (not this run's output now), the copies, the zip.
    assert_eq!(skipped.len(), 2 * names.len() + 1, "{skipped:?}");
    for s in skipped {
        assert!(
            s["message"]
                .as_str()
                .unwrap()
                .contains("written by replytally"),
            "{s}"
        );
    }
    assert_eq!(code, 0);
}
