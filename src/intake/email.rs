//! E-mails (RFC 822 / MIME, `.eml`): every attachment becomes an input, forwarded messages
//! (`message/rfc822`) are opened in turn, and the sender, date and subject of the message that
//! carried a file go with it. The text and HTML bodies are not inputs.

use std::borrow::Cow;
use std::collections::HashSet;

use mail_parser::{Message, MessageParser, MimeHeaders};

use super::{
    base_name, clean_name, limits, nesting_message, unique_name, Container, Expansion, Found,
    Holder,
};
use crate::record::FailureKind;

/// Expand the e-mail `bytes` (at `source`) into `exp`.
pub(super) fn expand(
    exp: &mut Expansion,
    source: &str,
    bytes: &[u8],
    depth: usize,
    env: &Container,
) {
    let parser = MessageParser::new();
    // A byte-order mark would hide the first header.
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if embedded_messages(bytes, 0, limits::MAX_EMBEDDED_MESSAGES + 1)
        > limits::MAX_EMBEDDED_MESSAGES
    {
        exp.fail(
            source.to_string(),
            env,
            FailureKind::TooLarge,
            format!(
                "the e-mail declares more than {} forwarded messages: not read; save the reply form from it and run on that file",
                limits::MAX_EMBEDDED_MESSAGES
            ),
        );
        return;
    }
    match parser.parse(bytes) {
        Some(message) => walk(exp, &message, source, depth, env),
        None => exp.fail(
            source.to_string(),
            env,
            FailureKind::Corrupt,
            "not a readable e-mail: save the message again from the mail program (as .eml)"
                .to_string(),
        ),
    }
}

/// How many forwarded messages the raw `bytes` declare (`message/rfc822`, `message/global`,
/// `multipart/digest`, spaces around the `/` allowed, any case), counting inside the bodies
/// the mail parser would decode (after a `Content-Transfer-Encoding` header, read as base64
/// and as quoted-printable whatever it says) down to `MAX_ENCODED_LAYERS`. Stops at `stop`.
/// Only a bound matters: it over-counts rather than under-counts.
fn embedded_messages(bytes: &[u8], layer: usize, stop: usize) -> usize {
    /// The mail parser opens encoded forwarded messages three levels deep.
    const MAX_ENCODED_LAYERS: usize = 3;
    let mut count = declarations(bytes, stop);
    if layer >= MAX_ENCODED_LAYERS || count >= stop {
        return count;
    }
    let needle = b"content-transfer-encoding";
    let mut at = 0;
    while let Some(found) = find_ci(&bytes[at..], needle) {
        let header = at + found + needle.len();
        at = header;
        let Some(body) = body_start(&bytes[header..]).map(|b| header + b) else {
            break;
        };
        for decoded in [decode_base64(&bytes[body..]), decode_qp(&bytes[body..])] {
            count += embedded_messages(&decoded, layer + 1, stop - count.min(stop));
            if count >= stop {
                return count;
            }
        }
    }
    count
}

/// `type/subtype` declarations of forwarded messages in `bytes`, up to `stop`.
fn declarations(bytes: &[u8], stop: usize) -> usize {
    let mut count = 0;
    for (kind, subtypes) in [
        (
            b"message".as_slice(),
            [b"rfc822".as_slice(), b"global".as_slice()],
        ),
        (
            b"multipart".as_slice(),
            [b"digest".as_slice(), b"digest".as_slice()],
        ),
    ] {
        let mut at = 0;
        while let Some(found) = find_ci(&bytes[at..], kind) {
            at += found + kind.len();
            let rest = skip_space(&bytes[at..]);
            let Some(rest) = rest.strip_prefix(b"/") else {
                continue;
            };
            let rest = skip_space(rest);
            if subtypes
                .iter()
                .any(|s| rest.len() >= s.len() && rest[..s.len()].eq_ignore_ascii_case(s))
            {
                count += 1;
                if count >= stop {
                    return count;
                }
            }
        }
    }
    count
}

fn skip_space(bytes: &[u8]) -> &[u8] {
    let n = bytes
        .iter()
        .take_while(|b| matches!(b, b' ' | b'\t' | b'\r' | b'\n'))
        .count();
    &bytes[n..]
}

/// Case-insensitive search for an ASCII `needle`.
fn find_ci(hay: &[u8], needle: &[u8]) -> Option<usize> {
    let first = needle.first()?.to_ascii_lowercase();
    let mut i = 0;
    while i + needle.len() <= hay.len() {
        let rest = &hay[i..];
        match rest.iter().position(|b| b.to_ascii_lowercase() == first) {
            None => return None,
            Some(p) => {
                i += p;
                if i + needle.len() <= hay.len()
                    && hay[i..i + needle.len()].eq_ignore_ascii_case(needle)
                {
                    return Some(i);
                }
                i += 1;
            }
        }
    }
    None
}

/// Where the body after the header block containing the start of `bytes` begins.
fn body_start(bytes: &[u8]) -> Option<usize> {
    let mut at = 0;
    while let Some(nl) = bytes[at..].iter().position(|&b| b == b'\n') {
        let next = at + nl + 1;
        match bytes.get(next..) {
            Some([b'\n', ..]) => return Some(next + 1),
            Some([b'\r', b'\n', ..]) => return Some(next + 2),
            _ => at = next,
        }
    }
    None
}

/// Base64 from the start of `bytes` up to the first character that is neither base64,
/// padding nor white space (where the mail parser stops too).
fn decode_base64(bytes: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    let (mut acc, mut n) = (0u32, 0u8);
    for &b in bytes {
        let v = match b {
            b'A'..=b'Z' => b - b'A',
            b'a'..=b'z' => b - b'a' + 26,
            b'0'..=b'9' => b - b'0' + 52,
            b'+' => 62,
            b'/' => 63,
            b'=' => {
                // Padding ends a group of 2 or 3 characters (1 or 2 bytes).
                let bytes = (acc << (6 * (4 - u32::from(n)))).to_be_bytes();
                match n {
                    2 => out.push(bytes[1]),
                    3 => out.extend_from_slice(&bytes[1..3]),
                    _ => {}
                }
                n = 0;
                acc = 0;
                continue;
            }
            b' ' | b'\t' | b'\r' | b'\n' => continue,
            _ => break,
        };
        acc = (acc << 6) | u32::from(v);
        n += 1;
        if n == 4 {
            out.extend_from_slice(&acc.to_be_bytes()[1..]);
            n = 0;
            acc = 0;
        }
    }
    out
}

/// Quoted-printable from the start of `bytes` up to a line starting with `--` (a boundary).
fn decode_qp(bytes: &[u8]) -> Vec<u8> {
    let hex = |b: u8| (b as char).to_digit(16);
    let mut out = Vec::new();
    let mut i = 0;
    let mut line_start = true;
    while let Some(&b) = bytes.get(i) {
        if line_start && bytes[i..].starts_with(b"--") {
            break;
        }
        line_start = b == b'\n';
        if b == b'=' {
            match (bytes.get(i + 1), bytes.get(i + 2)) {
                (Some(&h), Some(&l)) if hex(h).is_some() && hex(l).is_some() => {
                    let v = hex(h).unwrap_or(0) * 16 + hex(l).unwrap_or(0);
                    out.push(v as u8);
                    i += 3;
                    continue;
                }
                (Some(b'\r'), Some(b'\n')) => {
                    i += 3;
                    continue;
                }
                (Some(b'\n'), _) => {
                    i += 2;
                    continue;
                }
                _ => {}
            }
        }
        out.push(b);
        i += 1;
    }
    out
}

/// The headers of `message`, falling back field by field on those of the enclosing e-mail.
fn envelope(message: &Message<'_>, source: &str, outer: &Container) -> Container {
    let from = message
        .from()
        .and_then(|a| a.first())
        .and_then(|a| a.address())
        .map(|a| a.trim().to_string())
        .filter(|a| !a.is_empty());
    let date = message
        .date()
        .filter(|d| d.is_valid())
        .and_then(|d| rfc3339_utc(d.to_timestamp()));
    let subject = message
        .subject()
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty());
    Container {
        source: source.to_string(),
        email_from: from.or_else(|| outer.email_from.clone()),
        email_date: date.or_else(|| outer.email_date.clone()),
        email_subject: subject.or_else(|| outer.email_subject.clone()),
    }
}

/// Seconds since the Unix epoch → `2023-02-08T17:30:00Z`.
pub(super) fn rfc3339_utc(seconds: i64) -> Option<String> {
    jiff::Timestamp::from_second(seconds)
        .ok()
        .map(|t| t.strftime("%Y-%m-%dT%H:%M:%SZ").to_string())
}

/// The attachments of one message. Recursion is bounded: one level per nested message, at
/// most `limits::MAX_NESTING`.
fn walk(exp: &mut Expansion, message: &Message<'_>, source: &str, depth: usize, outer: &Container) {
    let env = envelope(message, source, outer);
    let mut used = HashSet::new();
    let mut unnamed = 0usize;
    for part in message.attachments() {
        if exp.overflow {
            return;
        }
        let name = part
            .attachment_name()
            .map(|n| clean_name(base_name(n)))
            .filter(|n| !n.is_empty());
        let disposition_attachment = part
            .content_disposition()
            .is_some_and(|d| d.ctype().eq_ignore_ascii_case("attachment"));
        // Text and HTML that are neither named nor marked as attachments are message bodies.
        if part.is_text() && name.is_none() && !disposition_attachment {
            continue;
        }
        let mime = part.content_type().map(|ct| match ct.subtype() {
            Some(sub) => format!("{}/{}", ct.ctype(), sub),
            None => ct.ctype().to_string(),
        });
        if !exp.count() {
            return;
        }
        if let Some(nested) = part.message() {
            let name = name.unwrap_or_else(|| {
                let subject = nested.subject().map(clean_name).unwrap_or_default();
                super::message_file_name(&subject, "forwarded message", "eml")
            });
            let name = unique_name(&mut used, &name);
            let nested_source = format!("{source}!{name}");
            if depth >= limits::MAX_NESTING {
                exp.fail(
                    nested_source,
                    &env,
                    FailureKind::TooLarge,
                    nesting_message(),
                );
                continue;
            }
            let before = exp.out.len();
            walk(exp, nested, &nested_source, depth + 1, &env);
            if exp.out.len() == before {
                let message = format!(
                    "attachment '{name}' is not a reply form (an e-mail without attachments)"
                );
                exp.push(nested_source, &env, super::Content::Other { message });
            }
            continue;
        }
        let name = name.unwrap_or_else(|| {
            unnamed += 1;
            format!("unnamed attachment {unnamed}")
        });
        let name = unique_name(&mut used, &name);
        exp.member(
            Found {
                source: format!("{source}!{name}"),
                name: &name,
                mime: mime.as_deref(),
                within: Holder::Email,
            },
            Cow::Borrowed(part.contents()),
            depth,
            &env,
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn b64(data: &[u8]) -> String {
        use base64::Engine as _;
        base64::engine::general_purpose::STANDARD.encode(data)
    }

    #[test]
    fn declarations_are_counted_in_any_spelling() {
        let s = b"Content-Type: message/rfc822\r\nContent-Type: MESSAGE / Global\r\nContent-Type: multipart/\r\n digest; boundary=x\r\nmessage/rfc82 message text/rfc822";
        assert_eq!(embedded_messages(s, 0, 100), 3);
        assert_eq!(embedded_messages(s, 0, 2), 2);
    }

    #[test]
    fn declarations_inside_encoded_bodies_are_counted() {
        let inner = "Content-Type: message/rfc822\r\n\r\n".repeat(10);
        let once = format!(
            "Content-Type: message/rfc822\r\nContent-Transfer-Encoding: base64\r\n\r\n{}\r\n",
            b64(inner.as_bytes())
        );
        assert_eq!(embedded_messages(once.as_bytes(), 0, 1000), 11);
        let twice = format!(
            "Content-Type: message/rfc822\r\nContent-Transfer-Encoding: base64\r\n\r\n{}\r\n--b--\r\n",
            b64(once.as_bytes())
        );
        assert_eq!(embedded_messages(twice.as_bytes(), 0, 1000), 12);
        let qp = "Content-Transfer-Encoding: quoted-printable\r\n\r\nContent-Type: =6Dessage/rfc822=\r\n\r\n--b\r\nmessage/rfc822";
        // Once decoded (=6D is 'm'), once as written after the boundary.
        assert_eq!(embedded_messages(qp.as_bytes(), 0, 1000), 2);
    }

    #[test]
    fn decoders() {
        assert_eq!(decode_base64(b"aGVs\r\nbG8=\r\n--b"), b"hello");
        assert_eq!(decode_base64(b"aGk=aGk="), b"hihi");
        assert_eq!(decode_qp(b"a=3Db=\r\nc\r\n--x\r\nd"), b"a=bc\r\n");
        assert_eq!(body_start(b"A: b\r\nC: d\r\n\r\nbody"), Some(14));
        assert_eq!(find_ci(b"xxMeSsAge", b"message"), Some(2));
    }

    #[test]
    fn utc_dates() {
        assert_eq!(
            rfc3339_utc(1_675_877_400).as_deref(),
            Some("2023-02-08T17:30:00Z")
        );
        assert_eq!(rfc3339_utc(i64::MAX), None);
    }
}
