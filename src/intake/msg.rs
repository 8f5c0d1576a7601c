//! Outlook `.msg` messages (MS-OXMSG, a compound file): every attachment becomes an input,
//! embedded messages are opened in turn, and the sender and date go with what they carried.
//!
//! Layout read: `__attach_version1.0_#XXXXXXXX/__substg1.0_37010102` (data),
//! `…_3707001F` / `…_3704001F` (long / short file name, UTF-16LE), `…_3701000D` (an embedded
//! message storage); sender from the transport headers (`007D001F`) or `0C1F001F` /
//! `5D01001F`; date from the transport headers or `PR_CLIENT_SUBMIT_TIME` in
//! `__properties_version1.0`.

use std::borrow::Cow;
use std::collections::HashSet;
use std::io::{Cursor, Read};

use cfb::CompoundFile;
use mail_parser::MessageParser;

use super::email::rfc3339_utc;
use super::{
    base_name, clean_name, limits, unique_name, Container, Expansion, Found, Held, Holder,
    EMPTY_MESSAGE,
};
use crate::record::FailureKind;

type Cfb<'a> = CompoundFile<Cursor<&'a [u8]>>;

/// Expand an Outlook message into `exp`.
pub(super) fn expand(exp: &mut Expansion, held: Held<'_>) {
    let (source, bytes, depth, env) = (held.source, held.bytes, held.depth, held.env);
    match CompoundFile::open(Cursor::new(bytes)) {
        Ok(mut cf) => walk(exp, &mut cf, "", true, source, depth, env),
        Err(e) => exp.fail(
            source.to_string(),
            env,
            FailureKind::Corrupt,
            format!("damaged Outlook message ({e}); save it again from Outlook"),
        ),
    }
}

/// A path inside the compound file: `storage` is "" for the root.
fn join(storage: &str, name: &str) -> String {
    format!("{storage}/{name}")
}

/// Read a stream, at most `limit` bytes; `None` when absent or unreadable.
fn read_stream(cf: &mut Cfb<'_>, path: &str, limit: u64) -> Option<Vec<u8>> {
    let len = cf.entry(path).ok().filter(|e| e.is_stream())?.len();
    if len > limit {
        return None;
    }
    let stream = cf.open_stream(path).ok()?;
    let mut data = Vec::new();
    stream.take(limit).read_to_end(&mut data).ok()?;
    Some(data)
}

/// A string property: `…001F` is UTF-16LE, `…001E` an 8-bit code page (read as Latin-1).
fn read_string(cf: &mut Cfb<'_>, storage: &str, id: &str) -> Option<String> {
    let limit = 1 << 20;
    let text = if let Some(raw) =
        read_stream(cf, &join(storage, &format!("__substg1.0_{id}001F")), limit)
    {
        let units: Vec<u16> = raw
            .chunks_exact(2)
            .map(|c| u16::from_le_bytes([c[0], c[1]]))
            .collect();
        String::from_utf16_lossy(&units)
    } else {
        let raw = read_stream(cf, &join(storage, &format!("__substg1.0_{id}001E")), limit)?;
        raw.iter().map(|&b| char::from(b)).collect()
    };
    let text = text.trim_end_matches('\0').trim().to_string();
    (!text.is_empty()).then_some(text)
}

/// The `FILETIME` of a fixed-size property in a `__properties_version1.0` stream.
fn read_time(cf: &mut Cfb<'_>, storage: &str, top: bool, tag: u32) -> Option<String> {
    let props = read_stream(cf, &join(storage, "__properties_version1.0"), 1 << 20)?;
    // The header is 32 bytes for the message itself, 24 for an embedded message.
    let header = if top { 32 } else { 24 };
    for entry in props.get(header..)?.chunks_exact(16) {
        let (tag_bytes, value) = entry.split_at(8);
        let entry_tag = u32::from_le_bytes(tag_bytes.get(..4)?.try_into().ok()?);
        if entry_tag == tag {
            let filetime = u64::from_le_bytes(value.try_into().ok()?);
            // 100 ns ticks since 1601-01-01.
            let seconds = i64::try_from(filetime / 10_000_000).ok()? - 11_644_473_600;
            return rfc3339_utc(seconds);
        }
    }
    None
}

const PR_CLIENT_SUBMIT_TIME: u32 = 0x0039_0040;
const PR_MESSAGE_DELIVERY_TIME: u32 = 0x0E06_0040;

/// Sender, date and subject of the message in `storage`, falling back on `outer`.
fn envelope(
    cf: &mut Cfb<'_>,
    storage: &str,
    top: bool,
    source: &str,
    outer: &Container,
) -> Container {
    let mut from = None;
    let mut date = None;
    // Transport headers, when the message came through SMTP, say it the way an .eml would.
    if let Some(headers) = read_string(cf, storage, "007D") {
        let mut headers = headers.into_bytes();
        headers.extend_from_slice(b"\r\n\r\n");
        if let Some(parsed) = MessageParser::new().parse_headers(&headers) {
            from = parsed
                .from()
                .and_then(|a| a.first())
                .and_then(|a| a.address())
                .map(|a| a.trim().to_string())
                .filter(|a| a.contains('@'));
            date = parsed
                .date()
                .filter(|d| d.is_valid())
                .and_then(|d| rfc3339_utc(d.to_timestamp()));
        }
    }
    if from.is_none() {
        // 0C1F: sender e-mail address (an X.500 DN inside Exchange); 5D01: its SMTP form.
        for id in ["0C1F", "5D01", "0065", "5D02"] {
            if let Some(address) = read_string(cf, storage, id).filter(|a| a.contains('@')) {
                from = Some(address);
                break;
            }
        }
    }
    if date.is_none() {
        date = read_time(cf, storage, top, PR_CLIENT_SUBMIT_TIME)
            .or_else(|| read_time(cf, storage, top, PR_MESSAGE_DELIVERY_TIME));
    }
    let subject = read_string(cf, storage, "0037");
    Container {
        source: source.to_string(),
        email_from: from.or_else(|| outer.email_from.clone()),
        email_date: date.or_else(|| outer.email_date.clone()),
        email_subject: subject.or_else(|| outer.email_subject.clone()),
    }
}

/// The attachments of the message in `storage`. Recursion is bounded: one level per embedded
/// message, at most `limits::MAX_NESTING`.
fn walk(
    exp: &mut Expansion,
    cf: &mut Cfb<'_>,
    storage: &str,
    top: bool,
    source: &str,
    depth: usize,
    outer: &Container,
) {
    let env = envelope(cf, storage, top, source, outer);
    let listing = if storage.is_empty() { "/" } else { storage };
    let mut attachments: Vec<String> = match cf.read_storage(listing) {
        Ok(entries) => entries
            .filter(|e| e.is_storage() && e.name().starts_with("__attach_version1.0_#"))
            .map(|e| e.name().to_string())
            .collect(),
        Err(_) => Vec::new(),
    };
    // Numbered in hex with a fixed width: name order is attachment order.
    attachments.sort();
    let mut used = HashSet::new();
    for (i, attach) in attachments.iter().enumerate() {
        if !exp.count() {
            return;
        }
        let path = join(storage, attach);
        let embedded = join(&path, "__substg1.0_3701000D");
        let is_message = cf.is_storage(&embedded)
            && cf
                .read_storage(&embedded)
                .is_ok_and(|mut entries| entries.any(|e| e.name().starts_with("__substg1.0_")));
        let file_name = read_string(cf, &path, "3707")
            .or_else(|| read_string(cf, &path, "3704"))
            .or_else(|| read_string(cf, &path, "3001"))
            .map(|n| clean_name(base_name(&n)))
            .filter(|n| !n.is_empty());
        if is_message {
            let name = file_name.unwrap_or_else(|| {
                let subject = read_string(cf, &embedded, "0037")
                    .map(|s| clean_name(&s))
                    .unwrap_or_default();
                super::message_file_name(&subject, "embedded message", "msg")
            });
            let name = unique_name(&mut used, &name);
            let what = format!("attachment '{name}'");
            let note = (what.as_str(), EMPTY_MESSAGE);
            exp.nested(format!("{source}!{name}"), depth, &env, note, |exp, at| {
                walk(exp, cf, &embedded, false, at, depth + 1, &env);
            });
            continue;
        }
        let name = file_name.unwrap_or_else(|| format!("unnamed attachment {}", i + 1));
        let name = unique_name(&mut used, &name);
        let member = format!("{source}!{name}");
        attachment(exp, cf, &path, (member, &name), depth, &env);
    }
}

/// One attachment of a message, stored at `path`, found as `member` (its source) named `name`.
fn attachment(
    exp: &mut Expansion,
    cf: &mut Cfb<'_>,
    path: &str,
    (member, name): (String, &str),
    depth: usize,
    env: &Container,
) {
    let data_path = join(path, "__substg1.0_37010102");
    match cf.entry(&data_path) {
        Ok(entry) if entry.is_stream() && entry.len() > limits::MAX_ENTRY_BYTES => {
            exp.fail(
                member,
                env,
                FailureKind::TooLarge,
                format!(
                    "the attachment is {} MiB, above the limit of {} MiB",
                    entry.len() >> 20,
                    limits::MAX_ENTRY_BYTES >> 20
                ),
            );
        }
        // Streams may share sectors in a forged file: the total is bounded too.
        Ok(entry) if entry.is_stream() && entry.len() > exp.budget => {
            exp.fail(
                member,
                env,
                FailureKind::TooLarge,
                format!(
                    "the attachments of the Outlook message come to more than {} MiB in all: not read",
                    limits::MAX_TOTAL_BYTES >> 20
                ),
            );
        }
        Ok(entry) if entry.is_stream() => {
            match read_stream(cf, &data_path, limits::MAX_ENTRY_BYTES) {
                Some(data) => {
                    exp.budget = exp.budget.saturating_sub(data.len() as u64);
                    exp.member(
        Found {
            source: member,
            name,
            mime: None,
            within: Holder::Msg,
        },
        Cow::Owned(data),
        depth,
        env,
    )
                }
                None => exp.fail(
                    member,
                    env,
                    FailureKind::Corrupt,
                    "the attachment cannot be read from the Outlook message: save it from Outlook and run on the file".to_string(),
                ),
            }
        }
        _ => {
            let message = format!(
                "attachment '{name}' is not a reply form (an embedded object or a link, not a file)"
            );
            exp.push(member, env, super::Content::Other { message });
        }
    }
}
