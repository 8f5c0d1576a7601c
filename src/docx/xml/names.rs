//! Namespaces: the URIs this reader cares about ([`Ns`]) and how the names of a part resolve
//! to them ([`Names`]), as quick-xml's `NsReader` would resolve them but without its cost on
//! every element; [`Tags`] walks the start tags of a small part with them.

use quick_xml::events::{BytesStart, Event};
use quick_xml::name::{NamespaceError, NamespaceResolver, PrefixDeclaration, QName, ResolveResult};
use quick_xml::Reader;

use super::{offset, scanned};

pub(super) const W_TRANSITIONAL: &str =
    "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
pub(super) const W_STRICT: &str = "http://purl.oclc.org/ooxml/wordprocessingml/main";
pub(super) const W14: &str = "http://schemas.microsoft.com/office/word/2010/wordml";
pub(super) const MC: &str = "http://schemas.openxmlformats.org/markup-compatibility/2006";
pub(super) const R_TRANSITIONAL: &str =
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
pub(super) const R_STRICT: &str = "http://purl.oclc.org/ooxml/officeDocument/relationships";
pub(super) const AX: &str = "http://schemas.microsoft.com/office/2006/activeX";
/// DrawingML in Word: the frame of a picture or shape (`wp:inline`, `wp:anchor`, `wp:docPr`).
pub(super) const WP: &str =
    "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing";
/// DrawingML main: `a:prstGeom`, `a:blip`.
pub(super) const A: &str = "http://schemas.openxmlformats.org/drawingml/2006/main";
/// VML, the drawings of older Word and of `mc:Fallback` branches (`v:oval`, `v:imagedata`).
pub(super) const V: &str = "urn:schemas-microsoft-com:vml";

/// The namespaces this reader cares about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(super) enum Ns {
    W,
    W14,
    Mc,
    R,
    Ax,
    Wp,
    A,
    V,
    /// No prefix and no default namespace (lenient attribute matching).
    #[default]
    None,
    Other,
}

pub(super) fn ns_of(r: &ResolveResult<'_>) -> Ns {
    match r {
        ResolveResult::Bound(n) => match n.0 {
            W_TRANSITIONAL | W_STRICT => Ns::W,
            W14 => Ns::W14,
            MC => Ns::Mc,
            R_TRANSITIONAL | R_STRICT => Ns::R,
            AX => Ns::Ax,
            WP => Ns::Wp,
            A => Ns::A,
            V => Ns::V,
            _ => Ns::Other,
        },
        ResolveResult::Unbound => Ns::None,
        ResolveResult::Unknown(_) => Ns::Other,
    }
}

/// every element (a scan of the attributes for `xmlns`, a search of the bindings for every
/// name). Only a start tag whose text holds `xmlns` can declare a namespace: the next
/// occurrence in the part is looked up once, and only such an element goes through the
/// resolver. Names resolve through a small table of the prefixes in scope that are bound to the
/// namespaces read here, rebuilt when an element declares some and restored when it closes.
#[derive(Default)]
pub(super) struct Names {
    resolver: NamespaceResolver,
    /// Prefixes in scope bound to a namespace other than [`Ns::Other`] (the main one first).
    table: Vec<(Box<str>, Ns)>,
    /// The namespace of unprefixed element names.
    default: Ns,
    /// Per open element that went through the resolver: how to undo what it changed.
    scopes: Vec<Scope>,
    /// Reused to ask the resolver about a prefix.
    probe: String,
    /// No `xmlns` in the text from `searched` up to `next` (`usize::MAX`: none after
    /// `searched`).
    searched: usize,
    next: usize,
}

/// What an element's namespace declarations changed in [`Names`], undone when it closes.
struct Scope {
    /// Open elements before it.
    depth: usize,
    /// Prefixes rebound, with the namespace each had before.
    undo: Vec<(Box<str>, Ns)>,
    default: Ns,
}

/// Finds `xmlns` (built once: every part uses it).
static XMLNS: std::sync::LazyLock<memchr::memmem::Finder<'static>> =
    std::sync::LazyLock::new(|| memchr::memmem::Finder::new(b"xmlns"));

impl Names {
    /// A start tag at `depth` (open elements before it) spanning `tag` in `text`.
    pub(super) fn open(
        &mut self,
        e: &BytesStart<'_>,
        depth: usize,
        text: &[u8],
        tag: std::ops::Range<usize>,
    ) -> Result<(), NamespaceError> {
        // `NsReader` counts every open element and gives up past `u16::MAX` of them.
        if depth >= usize::from(u16::MAX) {
            return Err(NamespaceError::TooDeeplyNested(usize::from(u16::MAX)));
        }
        if self.next < tag.start || self.searched > tag.start {
            self.searched = tag.start;
            self.next = text
                .get(tag.start..)
                .and_then(|t| XMLNS.find(t))
                .map_or(usize::MAX, |i| i + tag.start);
        }
        if self.next >= tag.end {
            // Declares nothing: the bindings in scope stay as they are.
            return Ok(());
        }
        self.resolver.push(e)?;
        let mut scope = Scope {
            depth,
            undo: Vec::new(),
            default: self.default,
        };
        for a in e.attributes().with_checks(false) {
            // `NamespaceResolver::push` stops at the first malformed attribute too.
            let Ok(a) = a else { break };
            match a.key.as_namespace_binding() {
                Some(PrefixDeclaration::Named(prefix)) => {
                    // What the resolver now says of a name with this prefix.
                    self.probe.clear();
                    self.probe.push_str(prefix);
                    self.probe.push_str(":x");
                    let ns = ns_of(&self.resolver.resolve_attribute(QName(&self.probe)).0);
                    let old = self.lookup(prefix);
                    if ns != old {
                        scope.undo.push((prefix.into(), old));
                        self.set(prefix, ns);
                    }
                }
                Some(PrefixDeclaration::Default) | None => {}
            }
        }
        // Asked every time: the resolver also takes `xmlns:=` for a default declaration.
        self.default = ns_of(&self.resolver.resolve_element(QName("x")).0);
        self.scopes.push(scope);
        Ok(())
    }

    /// An end tag; `depth` is the number of elements still open.
    pub(super) fn close(&mut self, depth: usize) {
        if self.scopes.last().is_some_and(|s| s.depth == depth) {
            if let Some(scope) = self.scopes.pop() {
                self.resolver.pop();
                for (prefix, ns) in scope.undo.iter().rev() {
                    self.set(prefix, *ns);
                }
                self.default = scope.default;
            }
        }
    }

    /// Bind `prefix` to `ns` in the table (the main namespace first; [`Ns::Other`] is left out).
    fn set(&mut self, prefix: &str, ns: Ns) {
        self.table.retain(|(p, _)| **p != *prefix);
        if ns == Ns::W {
            self.table.insert(0, (prefix.into(), ns));
        } else if ns != Ns::Other {
            self.table.push((prefix.into(), ns));
        }
    }

    fn lookup(&self, prefix: &str) -> Ns {
        self.table
            .iter()
            .find(|(p, _)| **p == *prefix)
            .map_or(Ns::Other, |(_, ns)| *ns)
    }

    /// Namespace and local name of an element.
    pub(super) fn element<'n>(&self, name: QName<'n>) -> (Ns, &'n str) {
        match split_name(name.0) {
            (None, local) => (self.default, local),
            (Some(prefix), local) => (self.lookup(prefix), local),
        }
    }

    /// Namespace and local name of an attribute (an unprefixed one is [`Ns::None`]).
    pub(super) fn attribute<'n>(&self, name: QName<'n>) -> (Ns, &'n str) {
        match split_name(name.0) {
            (None, local) => (Ns::None, local),
            (Some(prefix), local) => (self.lookup(prefix), local),
        }
    }
}

/// `prefix:local` → (prefix, local) at the first colon, as quick-xml's `QName::decompose`
/// (names are short: a plain loop beats a call to `memchr`).
fn split_name(name: &str) -> (Option<&str>, &str) {
    match name.bytes().position(|b| b == b':') {
        Some(i) => (name.get(..i), name.get(i + 1..).unwrap_or("")),
        None => (None, name),
    }
}

/// The start tags of a small part (`.rels`, `activeX*.xml`) in order, each with the namespaces
/// in scope at it; text and end tags are only followed, not returned.
pub(super) struct Tags<'t> {
    reader: Reader<&'t [u8]>,
    text: &'t str,
    pub(super) names: Names,
    /// Open elements, counting the last tag returned when it opens one.
    pub(super) depth: usize,
    /// The last tag returned was empty: it closes before the next is read.
    empty: bool,
}

impl<'t> Tags<'t> {
    pub(super) fn new(text: &'t str) -> Tags<'t> {
        Tags {
            reader: Reader::from_str(text),
            text,
            names: Names::default(),
            depth: 0,
            empty: false,
        }
    }

    /// The next start or empty tag, `None` at the end of the part. Its namespace declarations
    /// are checked as everywhere else.
    pub(super) fn next_tag(&mut self) -> Result<Option<BytesStart<'t>>, quick_xml::Error> {
        if std::mem::take(&mut self.empty) {
            self.names.close(self.depth);
        }
        loop {
            let tag_start = offset(&self.reader);
            let (e, opens) = match self.reader.read_event()? {
                Event::Start(e) => (e, true),
                Event::Empty(e) => (e, false),
                Event::End(_) => {
                    self.depth = self.depth.saturating_sub(1);
                    self.names.close(self.depth);
                    continue;
                }
                Event::Eof => return Ok(None),
                _ => continue,
            };
            let tag = tag_start..offset(&self.reader);
            self.names.open(&e, self.depth, scanned(self.text), tag)?;
            if opens {
                self.depth = self.depth.saturating_add(1);
            } else {
                self.empty = true;
            }
            return Ok(Some(e));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use quick_xml::NsReader;

    /// Every element's and attribute's namespace, or where reading failed.
    type Resolved = Vec<Result<(Ns, String, Vec<(Ns, String)>), ()>>;

    /// Every attribute of `e`, resolved by `resolve`.
    fn attributes(
        e: &BytesStart<'_>,
        resolve: impl Fn(QName<'_>) -> (Ns, String),
    ) -> Vec<(Ns, String)> {
        e.attributes()
            .with_checks(false)
            .flatten()
            .map(|a| resolve(a.key))
            .collect()
    }

    /// What quick-xml's `NsReader` resolves: the reference [`Names`] must match.
    fn with_ns_reader(xml: &str) -> Resolved {
        let mut reader = NsReader::from_str(xml);
        let mut out = Vec::new();
        loop {
            match reader.read_event() {
                Ok(Event::Start(e) | Event::Empty(e)) => {
                    let r = reader.resolver();
                    let (res, local) = r.resolve_element(e.name());
                    let attrs = attributes(&e, |key| {
                        let (res, local) = r.resolve_attribute(key);
                        (ns_of(&res), local.into_inner().to_string())
                    });
                    out.push(Ok((ns_of(&res), local.into_inner().to_string(), attrs)));
                }
                Ok(Event::Eof) => return out,
                Ok(_) => {}
                Err(_) => {
                    out.push(Err(()));
                    return out;
                }
            }
        }
    }

    fn with_names(xml: &str) -> Resolved {
        let mut tags = Tags::new(xml);
        let mut out = Vec::new();
        loop {
            let e = match tags.next_tag() {
                Ok(Some(e)) => e,
                Ok(None) => return out,
                Err(_) => {
                    out.push(Err(()));
                    return out;
                }
            };
            let names = &tags.names;
            let (ns, local) = names.element(e.name());
            let attrs = attributes(&e, |key| {
                let (ns, local) = names.attribute(key);
                (ns, local.to_string())
            });
            out.push(Ok((ns, local.to_string(), attrs)));
        }
    }

    fn same(xml: &str) {
        assert_eq!(with_names(xml), with_ns_reader(xml), "{xml}");
    }

    #[test]
    fn namespaces_resolve_as_ns_reader_does() {
        const W: &str = W_TRANSITIONAL;
        for xml in [
            format!(
                r#"<w:document xmlns:w="{W}"><w:body><w:p w:val="1" x="2"/></w:body></w:document>"#
            ),
            // The main namespace under another prefix, as the default, declared deeper.
            format!(r#"<ns0:document xmlns:ns0="{W_STRICT}"><ns0:p ns0:val="1"/></ns0:document>"#),
            format!(r#"<document xmlns="{W}"><body><p val="1"/></body></document>"#),
            format!(
                r#"<x:doc xmlns:x="urn:x"><x:body><w:p xmlns:w="{W}"><w:r/></w:p><w:p/></x:body></x:doc>"#
            ),
            // Rebound below the root, and back once that element closes.
            format!(
                r#"<w:document xmlns:w="{W}"><w:body xmlns:w="urn:other"><w:p w:val="x"/></w:body><w:p/></w:document>"#
            ),
            format!(
                r#"<document xmlns="{W}"><p xmlns="urn:other"><r/></p><p><r xmlns=""/></p></document>"#
            ),
            format!(r#"<w:document xmlns:w="{W}"><w:p xmlns:w=""><w:r/></w:p><w:p/></w:document>"#),
            format!(
                r#"<w:document xmlns:w="{W}"><w:sdt><w:sdtPr xmlns:w14="{W14}"><w14:checkbox><w14:checked w14:val="1"/></w14:checkbox></w:sdtPr></w:sdt><w14:checkbox/></w:document>"#
            ),
            format!(
                r#"<w:document xmlns:w="{W}"><mc:AlternateContent xmlns:mc="{MC}"><mc:Choice/></mc:AlternateContent><mc:Choice/></w:document>"#
            ),
            format!(
                r#"<w:document xmlns:w="{W}"><w:control r:id="rId1" xmlns:r="{R_TRANSITIONAL}"/><w:control r:id="rId2"/></w:document>"#
            ),
            // `xmlns` in a value or text only; two top-level elements; the `xml` prefix.
            format!(
                r#"<w:document xmlns:w="{W}"><w:pStyle w:val="xmlns"/><w:t xml:space="preserve">xmlns:w="urn:x"</w:t></w:document><w:p/>"#
            ),
            format!(r#"<a/><w:document xmlns:w="{W}"/><w:p xmlns:w="{W}"/><w:p/>"#),
            format!(r#"<w:document xmlns:w="{W}" xmlns:w="urn:twice"><w:p/></w:document>"#),
            // Declarations the resolver refuses.
            format!(r#"<w:document xmlns:w="{W}"><w:p xmlns:xml="urn:bad"/></w:document>"#),
            r#"<w:document xmlns:xmlns="urn:bad"/>"#.to_string(),
            format!(
                r#"<w:document xmlns:w="{W}"><w:p xmlns:x="http://www.w3.org/2000/xmlns/"/></w:document>"#
            ),
            format!(
                r#"<w:document xmlns:w="{W}"><w:p xmlns:xml="http://www.w3.org/XML/1998/namespace"><xml:p/></w:p></w:document>"#
            ),
            // Undeclared and odd prefixes.
            r#"<q:document><w:p/><:p/><p:/><w:p :a="1" w:="2"/></q:document>"#.to_string(),
            format!(r#"<p xmlns:="{W}"><p/><:p xmlns:=""/><p/></p>"#),
            // A byte-order mark, which the reader skips.
            format!(
                "{}<w:d xmlns:w=\"{W}\"><w:p xmlns:w=\"\"><w:r/></w:p><w:p/></w:d>",
                '\u{FEFF}'
            ),
            format!(r#"<w:document xmlns:w="{W}"><w:p xmlns:="{W}"><p/></w:p><p/></w:document>"#),
        ] {
            same(&xml);
        }
    }

    #[test]
    fn nesting_beyond_what_ns_reader_takes_is_an_error() {
        let n = usize::from(u16::MAX) + 1;
        let xml = format!("{}{}", "<a>".repeat(n), "</a>".repeat(n));
        assert_eq!(with_names(&xml).last(), Some(&Err(())));
        assert_eq!(with_ns_reader(&xml).last(), Some(&Err(())));
        assert_eq!(with_names(&xml).len(), with_ns_reader(&xml).len());
        assert!(super::super::parse_activex(xml.as_bytes()).is_err());
    }

    #[test]
    fn namespaces_resolve_as_ns_reader_does_on_random_trees() {
        // Small random trees of elements with random prefixes and declarations.
        let prefixes = ["", "w", "x", "mc", "w14"];
        let uris = [
            W_TRANSITIONAL,
            W_STRICT,
            W14,
            MC,
            R_TRANSITIONAL,
            "urn:other",
            "",
        ];
        let mut seed = 0x2545_f491_4f6c_dd1d_u64;
        let mut next = |n: usize| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            usize::try_from(seed % n as u64).unwrap_or(0)
        };
        for _ in 0..3000 {
            let mut xml = String::new();
            let mut open: Vec<String> = Vec::new();
            for _ in 0..(1 + next(12)) {
                if !open.is_empty() && next(3) == 0 {
                    let name = open.pop().unwrap_or_default();
                    xml.push_str(&format!("</{name}>"));
                    continue;
                }
                let p = prefixes[next(prefixes.len())];
                let name = if p.is_empty() {
                    "p".to_string()
                } else {
                    format!("{p}:p")
                };
                xml.push_str(&format!("<{name}"));
                for _ in 0..next(3) {
                    let d = prefixes[next(prefixes.len())];
                    let uri = uris[next(uris.len())];
                    if d.is_empty() {
                        xml.push_str(&format!(r#" xmlns="{uri}""#));
                    } else {
                        xml.push_str(&format!(r#" xmlns:{d}="{uri}""#));
                    }
                }
                let a = prefixes[next(prefixes.len())];
                if a.is_empty() {
                    xml.push_str(r#" val="1""#);
                } else {
                    xml.push_str(&format!(r#" {a}:val="1""#));
                }
                if next(2) == 0 {
                    xml.push_str("/>");
                } else {
                    xml.push('>');
                    open.push(name);
                }
            }
            while let Some(name) = open.pop() {
                xml.push_str(&format!("</{name}>"));
            }
            same(&xml);
        }
    }
}
