//! The XML of a package: WordprocessingML parts (a document, header, footer or notes part)
//! streamed into the [`model`](super::model), and the two small formats next to them, `.rels`
//! parts and `activeX*.xml`.
//!
//! - [`names`]: the namespaces read here and how element names resolve to them;
//! - [`elements`]: which WordprocessingML elements have a meaning here;
//! - [`body`]: the streamer that builds the model from a part's events;
//! - [`parts`]: `.rels` and ActiveX parts.
//!
//! This file holds what they share: decoding a part's bytes to text, attribute values, ST_OnOff.
//! Elements are matched by namespace URI, never by prefix.

mod body;
mod elements;
mod names;
mod numbering;
mod parts;

use std::borrow::Cow;

use quick_xml::events::BytesStart;
use quick_xml::Reader;

use super::package::DocxError;
use names::{Names, Ns};

pub use body::parse_part;
pub use numbering::{parse_numbering, Level, Numbering};
pub use parts::{parse_activex, parse_relationships};

const UTF8_BOM: &[u8] = &[0xEF, 0xBB, 0xBF];

/// The bytes a reader's positions count from: it skips a byte-order mark at the start.
fn scanned_bytes(bytes: &[u8]) -> &[u8] {
    bytes.strip_prefix(UTF8_BOM).unwrap_or(bytes)
}

fn scanned(text: &str) -> &[u8] {
    scanned_bytes(text.as_bytes())
}

/// The reader's position as an index into its text.
fn offset(reader: &Reader<&[u8]>) -> usize {
    usize::try_from(reader.buffer_position()).unwrap_or(usize::MAX)
}

fn utf8_error(e: std::str::Utf8Error) -> DocxError {
    DocxError::Xml(format!("invalid UTF-8 text: {e}"))
}

/// Bytes of an XML part → UTF-8 text (UTF-8 with or without BOM, or UTF-16 with BOM).
fn decode(xml: &[u8]) -> Result<Cow<'_, str>, DocxError> {
    let utf16 = |bytes: &[u8], le: bool| -> Result<Cow<'_, str>, DocxError> {
        let units = bytes.chunks_exact(2).map(|c| {
            let pair = [c[0], c.get(1).copied().unwrap_or(0)];
            if le {
                u16::from_le_bytes(pair)
            } else {
                u16::from_be_bytes(pair)
            }
        });
        char::decode_utf16(units)
            .collect::<Result<String, _>>()
            .map(Cow::Owned)
            .map_err(|_| DocxError::Xml("invalid UTF-16 text".into()))
    };
    match xml {
        [0xEF, 0xBB, 0xBF, rest @ ..] => std::str::from_utf8(rest)
            .map(Cow::Borrowed)
            .map_err(utf8_error),
        [0xFF, 0xFE, rest @ ..] => utf16(rest, true),
        [0xFE, 0xFF, rest @ ..] => utf16(rest, false),
        _ => std::str::from_utf8(xml)
            .map(Cow::Borrowed)
            .map_err(utf8_error),
    }
}

/// Value of attribute `local` whose namespace is one of `accept` (unprefixed attributes are
/// accepted too: some writers omit the prefix).
fn attr<'e>(
    names: &Names,
    e: &'e BytesStart<'_>,
    local: &str,
    accept: &[Ns],
) -> Option<Cow<'e, str>> {
    for a in e.attributes().with_checks(false).flatten() {
        let (ns, name) = names.attribute(a.key);
        if name != local {
            continue;
        }
        if ns == Ns::None || accept.contains(&ns) {
            return a.normalized_value(quick_xml::XmlVersion::Implicit1_0).ok();
        }
    }
    None
}

/// A start tag with the namespaces in scope at it, to read its attributes.
#[derive(Clone, Copy)]
struct Tag<'a, 'b> {
    e: &'a BytesStart<'b>,
    names: &'a Names,
}

impl<'a> Tag<'a, '_> {
    /// Attribute `local` in one of the namespaces `accept` (see [`attr`]).
    fn attr(self, local: &str, accept: &[Ns]) -> Option<Cow<'a, str>> {
        attr(self.names, self.e, local, accept)
    }

    /// Attribute `w:local`.
    fn w(self, local: &str) -> Option<Cow<'a, str>> {
        self.attr(local, &[Ns::W])
    }

    /// The element's local name ("footnoteReference").
    fn local_name(self) -> String {
        self.e.local_name().into_inner().to_string()
    }

    /// `w:val`.
    fn val(self) -> Option<Cow<'a, str>> {
        self.w("val")
    }
}

/// ST_OnOff: absent value means on.
fn on_off(v: Option<&str>) -> bool {
    let Some(v) = v.map(str::trim) else {
        return true;
    };
    !(v == "0" || v.eq_ignore_ascii_case("false") || v.eq_ignore_ascii_case("off"))
}

/// `hay` contains `needle` ignoring ASCII case (`needle` not empty).
fn contains_ignore_ascii_case(hay: &str, needle: &str) -> bool {
    hay.as_bytes()
        .windows(needle.len().max(1))
        .any(|w| w.eq_ignore_ascii_case(needle.as_bytes()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use quick_xml::events::Event;

    #[test]
    fn positions_count_from_after_a_byte_order_mark() {
        let text = "\u{FEFF}<a>";
        let mut reader = Reader::from_str(text);
        assert!(matches!(reader.read_event(), Ok(Event::Start(_))));
        assert_eq!(offset(&reader), 3);
        assert_eq!(scanned(text), b"<a>");
        let mut reader = Reader::from_reader(text.as_bytes());
        assert!(matches!(reader.read_event(), Ok(Event::Start(_))));
        assert_eq!(offset(&reader), 3);
    }

    #[test]
    fn invalid_utf8_anywhere_is_reported_as_such() {
        let xml = format!(
            r#"<?xml version="1.0"?><!-- c --><w:document xmlns:w="{}"><w:body><w:p><w:pPr><w:pStyle w:val="A"/></w:pPr><w:r><w:t xml:space="preserve">Réponse ☒ &amp; x</w:t></w:r></w:p><w:p><w:r><w:t><![CDATA[z]]></w:t></w:r></w:p></w:body></w:document> "#,
            names::W_TRANSITIONAL
        );
        let ok = |b: &[u8]| parse_part(b, &mut |_: &str| None);
        assert!(ok(xml.as_bytes()).is_ok());
        let mut with_bom = UTF8_BOM.to_vec();
        with_bom.extend_from_slice(xml.as_bytes());
        assert!(ok(&with_bom).is_ok());
        with_bom.splice(0..0, UTF8_BOM.iter().copied());
        assert!(ok(&with_bom).is_ok(), "two marks: the second is skipped");
        // Every position, with bytes that are never UTF-8, or a sequence cut short.
        for bad in [&[0xFF][..], &[0xC3][..], &[0xE2, 0x98][..], &[0x80][..]] {
            for i in 0..=xml.len() {
                let mut b = xml.as_bytes().to_vec();
                b.splice(i..i, bad.iter().copied());
                let e = ok(&b).unwrap_err();
                assert!(
                    e.to_string().contains("invalid UTF-8 text"),
                    "{bad:?} at {i}: {e}"
                );
            }
        }
    }
}
