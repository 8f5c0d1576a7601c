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
        if let Some(nested) = part.message() {
            let name = name.unwrap_or_else(|| {
                let subject = nested.subject().map(clean_name).unwrap_or_default();
                // The name a mail program gives a forwarded message when saving it.
                let subject: String = subject
                    .chars()
                    .map(|c| {
                        if matches!(c, '/' | '\\' | '!' | ':') {
                            '_'
                        } else {
                            c
                        }
                    })
                    .collect();
                if subject.is_empty() {
                    "forwarded message.eml".to_string()
                } else {
                    format!("{subject}.eml")
                }
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

    #[test]
    fn utc_dates() {
        assert_eq!(
            rfc3339_utc(1_675_877_400).as_deref(),
            Some("2023-02-08T17:30:00Z")
        );
        assert_eq!(rfc3339_utc(i64::MAX), None);
    }
}
