//! Streaming WordprocessingML (a document, header, footer or notes part) into the [`model`],
//! plus the two small XML formats next to it: `.rels` parts and `activeX*.xml`.
//!
//! One pass over quick-xml events with explicit stacks (elements, open containers, runs,
//! fields, content controls): no recursion, so depth is bounded by [`limits::MAX_XML_DEPTH`]
//! and never by the thread's stack. Elements are matched by namespace URI, never by prefix.

use std::borrow::Cow;

use quick_xml::events::{BytesStart, Event};
use quick_xml::name::{NamespaceError, NamespaceResolver, PrefixDeclaration, QName, ResolveResult};
use quick_xml::Reader;

use super::limits;
use super::model::{
    Block, Cell, Checkbox, Document, Inline, Mechanism, Paragraph, Row, RunFormat, Table, VMerge,
};
use super::package::{DocxError, Relationship};
use super::symbols::{self, SymbolFont};

const W_TRANSITIONAL: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const W_STRICT: &str = "http://purl.oclc.org/ooxml/wordprocessingml/main";
const W14: &str = "http://schemas.microsoft.com/office/word/2010/wordml";
const MC: &str = "http://schemas.openxmlformats.org/markup-compatibility/2006";
const R_TRANSITIONAL: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const R_STRICT: &str = "http://purl.oclc.org/ooxml/officeDocument/relationships";
const AX: &str = "http://schemas.microsoft.com/office/2006/activeX";

/// The namespaces this reader cares about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
enum Ns {
    W,
    W14,
    Mc,
    R,
    Ax,
    /// No prefix and no default namespace (lenient attribute matching).
    #[default]
    None,
    Other,
}

fn ns_of(r: &ResolveResult<'_>) -> Ns {
    match r {
        ResolveResult::Bound(n) => match n.0 {
            W_TRANSITIONAL | W_STRICT => Ns::W,
            W14 => Ns::W14,
            MC => Ns::Mc,
            R_TRANSITIONAL | R_STRICT => Ns::R,
            AX => Ns::Ax,
            _ => Ns::Other,
        },
        ResolveResult::Unbound => Ns::None,
        ResolveResult::Unknown(_) => Ns::Other,
    }
}

/// Elements with a meaning here; everything else is `Other` and only passes content through.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum El {
    P,
    PPr,
    PStyle,
    Bidi,
    Shd,
    Tbl,
    Tr,
    TrPr,
    GridBefore,
    Tc,
    TcPr,
    GridSpan,
    VMerge,
    CellDel,
    CellIns,
    Sdt,
    SdtPr,
    TxbxContent,
    R,
    RPr,
    B,
    U,
    Strike,
    DStrike,
    Highlight,
    RFonts,
    T,
    DelText,
    InstrText,
    Tab,
    Ptab,
    Br,
    Cr,
    NoBreakHyphen,
    Sym,
    FldChar,
    FfData,
    FldSimple,
    FfCheckBox,
    FfChecked,
    FfDefault,
    Del,
    Ins,
    MoveFrom,
    MoveTo,
    PrChange,
    Control,
    W14Checkbox,
    W14Checked,
    AltContent,
    Choice,
    Fallback,
    Other,
}

fn classify(ns: Ns, local: &str) -> El {
    match ns {
        // Formatting revisions hold the *old* properties: never read them as current.
        Ns::W if local.ends_with("PrChange") || local == "numberingChange" => El::PrChange,
        // By length first: one integer switch, then a few comparisons (this runs for every
        // element of the part).
        Ns::W => match local.len() {
            1 => match local {
                "p" => El::P,
                "r" => El::R,
                "t" => El::T,
                "b" => El::B,
                "u" => El::U,
                _ => El::Other,
            },
            2 => match local {
                "tr" => El::Tr,
                "tc" => El::Tc,
                "br" => El::Br,
                "cr" => El::Cr,
                _ => El::Other,
            },
            3 => match local {
                "rPr" => El::RPr,
                "pPr" => El::PPr,
                "shd" => El::Shd,
                "tbl" => El::Tbl,
                "sdt" => El::Sdt,
                "tab" => El::Tab,
                "sym" => El::Sym,
                "del" => El::Del,
                "ins" => El::Ins,
                _ => El::Other,
            },
            4 => match local {
                "tcPr" => El::TcPr,
                "trPr" => El::TrPr,
                "bidi" => El::Bidi,
                "ptab" => El::Ptab,
                _ => El::Other,
            },
            5 => match local {
                "sdtPr" => El::SdtPr,
                _ => El::Other,
            },
            6 => match local {
                "rFonts" => El::RFonts,
                "pStyle" => El::PStyle,
                "vMerge" => El::VMerge,
                "strike" => El::Strike,
                "ffData" => El::FfData,
                "moveTo" => El::MoveTo,
                _ => El::Other,
            },
            7 => match local {
                "fldChar" => El::FldChar,
                "cellDel" => El::CellDel,
                "cellIns" => El::CellIns,
                "dstrike" => El::DStrike,
                "delText" => El::DelText,
                "checked" => El::FfChecked,
                "default" => El::FfDefault,
                "control" => El::Control,
                _ => El::Other,
            },
            8 => match local {
                "gridSpan" => El::GridSpan,
                "checkBox" => El::FfCheckBox,
                "moveFrom" => El::MoveFrom,
                _ => El::Other,
            },
            9 => match local {
                "instrText" => El::InstrText,
                "highlight" => El::Highlight,
                "cellMerge" => El::CellIns,
                "fldSimple" => El::FldSimple,
                _ => El::Other,
            },
            10 => match local {
                "gridBefore" => El::GridBefore,
                _ => El::Other,
            },
            11 => match local {
                "txbxContent" => El::TxbxContent,
                _ => El::Other,
            },
            12 => match local {
                "delInstrText" => El::DelText,
                _ => El::Other,
            },
            13 => match local {
                "noBreakHyphen" => El::NoBreakHyphen,
                _ => El::Other,
            },
            _ => El::Other,
        },
        Ns::W14 => match local {
            "checkbox" => El::W14Checkbox,
            "checked" => El::W14Checked,
            _ => El::Other,
        },
        Ns::Mc => match local {
            "AlternateContent" => El::AltContent,
            "Choice" => El::Choice,
            "Fallback" => El::Fallback,
            _ => El::Other,
        },
        _ => El::Other,
    }
}

/// ST_OnOff: absent value means on.
fn on_off(v: Option<&str>) -> bool {
    let Some(v) = v.map(str::trim) else {
        return true;
    };
    !(v == "0" || v.eq_ignore_ascii_case("false") || v.eq_ignore_ascii_case("off"))
}

/// A `w:shd w:fill` that colours the background (not white, not auto, not empty).
fn fill_colours(fill: Option<&str>) -> bool {
    match fill.map(str::trim) {
        None => false,
        Some(f) => {
            !(f.is_empty() || f.eq_ignore_ascii_case("auto") || f.eq_ignore_ascii_case("ffffff"))
        }
    }
}

/// Namespace resolution of a part: the results of quick-xml's `NsReader`, without its cost on
/// every element (a scan of the attributes for `xmlns`, a search of the bindings for every
/// name). Only a start tag whose text holds `xmlns` can declare a namespace: the next
/// occurrence in the part is looked up once, and only such an element goes through the
/// resolver. Names resolve through a small table of the prefixes in scope that are bound to the
/// namespaces read here, rebuilt when an element declares some and restored when it closes.
#[derive(Default)]
struct Names {
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
    fn open(
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
    fn close(&mut self, depth: usize) {
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
    fn element<'n>(&self, name: QName<'n>) -> (Ns, &'n str) {
        match split_name(name.0) {
            (None, local) => (self.default, local),
            (Some(prefix), local) => (self.lookup(prefix), local),
        }
    }

    /// Namespace and local name of an attribute (an unprefixed one is [`Ns::None`]).
    fn attribute<'n>(&self, name: QName<'n>) -> (Ns, &'n str) {
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

/// The reader's position as an index into its text.
fn offset(reader: &Reader<&[u8]>) -> usize {
    usize::try_from(reader.buffer_position()).unwrap_or(usize::MAX)
}

#[derive(Debug)]
struct Frame {
    el: El,
    /// This element pushed a [`Node`] that its end pops.
    node: bool,
}

/// An open container being built.
#[derive(Debug)]
enum Node {
    /// The part's root (body, header…): paragraphs and tables at top level.
    Root(Vec<Block>),
    TextBox(Vec<Block>),
    Table(Table),
    Row {
        row: Row,
        next_col: usize,
        deleted: bool,
    },
    Cell {
        cell: Cell,
        deleted: bool,
    },
    Para {
        p: Paragraph,
        /// Text boxes anchored in this paragraph, placed after it.
        text_boxes: Vec<Block>,
        /// The paragraph mark is a tracked deletion (`w:pPr/w:rPr/w:del`).
        mark_deleted: bool,
    },
}

#[derive(Debug, Default, Clone)]
struct RunState {
    format: RunFormat,
    /// Symbol font of the Latin slots (`ascii`/`hAnsi`): decides low-byte characters.
    sym_latin: Option<SymbolFont>,
    /// Symbol font in any slot: decides private-use `U+F0xx` characters.
    sym_any: Option<SymbolFont>,
}

#[derive(Debug, Default)]
struct FfBox {
    /// `Some(val)` when `w:checked` is present (`val` = its `w:val`, if any).
    checked: Option<Option<String>>,
    default: Option<Option<String>>,
}

#[derive(Debug, Default)]
struct Field {
    in_result: bool,
    checkbox: Option<FfBox>,
    formcheckbox: bool,
}

/// The text of an element being collected; the buffer is reused from one element to the next.
#[derive(Debug, Default)]
struct Capture {
    open: bool,
    buf: String,
}

impl Capture {
    fn start(&mut self) {
        self.open = true;
        self.buf.clear();
    }
}

#[derive(Debug, Default)]
struct Sdt {
    /// `Some(checked)` for a `w14:checkbox` content control.
    checkbox: Option<(bool, String)>,
}

/// Looks up an ActiveX control by relationship id: `Some(mark)` for a check box or option
/// button, `None` for other controls.
pub type ControlResolver<'a> = dyn FnMut(&str) -> Option<Checkbox> + 'a;

struct Parser<'r, 'a> {
    nodes: Vec<Node>,
    frames: Vec<Frame>,
    runs: Vec<RunState>,
    fields: Vec<Field>,
    sdts: Vec<Sdt>,
    /// Per open `mc:AlternateContent`: a branch has been taken.
    alts: Vec<bool>,
    /// Text of the open `w:t`.
    text: Capture,
    /// Text of the open `w:instrText` (when no `w:t` is open inside it).
    instr: Capture,
    /// Index in `frames` of the element whose subtree is being skipped.
    skip: Option<usize>,
    tracked: bool,
    notes: Vec<String>,
    /// Marks found outside any paragraph (a block-level content control's `w:sdtPr`), waiting
    /// for the next paragraph.
    pending: Vec<Checkbox>,
    text_box_depth: usize,
    controls: &'r mut ControlResolver<'a>,
}

/// Parse one WordprocessingML part (document, header, footer, footnotes…) into a [`Document`].
/// ActiveX controls are looked up through `controls`.
pub fn parse_part(xml: &[u8], controls: &mut ControlResolver<'_>) -> Result<Document, DocxError> {
    match utf8_body(xml) {
        // quick-xml checks every byte it reads as UTF-8, so a part read through is valid and
        // needs no pass of its own; a part that fails is checked whole, so that invalid UTF-8
        // is reported as such wherever it is, as when it was checked before reading.
        Some(body) => read_part_xml(Reader::from_reader(body), body, controls).map_err(|e| {
            match std::str::from_utf8(body) {
                Err(u) => utf8_error(u),
                Ok(_) => e,
            }
        }),
        None => {
            let text = decode(xml)?;
            read_part_xml(Reader::from_str(&text), text.as_bytes(), controls)
        }
    }
}

/// A UTF-8 part without its byte-order mark; `None` when it starts like UTF-16 (which
/// [`decode`] converts, or refuses after a UTF-8 mark).
fn utf8_body(xml: &[u8]) -> Option<&[u8]> {
    let body = xml.strip_prefix(UTF8_BOM).unwrap_or(xml);
    if body.starts_with(&[0xFF, 0xFE]) || body.starts_with(&[0xFE, 0xFF]) {
        None
    } else {
        Some(body)
    }
}

const UTF8_BOM: &[u8] = &[0xEF, 0xBB, 0xBF];

/// The bytes a reader's positions count from: it skips a byte-order mark at the start.
fn scanned_bytes(bytes: &[u8]) -> &[u8] {
    bytes.strip_prefix(UTF8_BOM).unwrap_or(bytes)
}

fn scanned(text: &str) -> &[u8] {
    scanned_bytes(text.as_bytes())
}

fn utf8_error(e: std::str::Utf8Error) -> DocxError {
    DocxError::Xml(format!("invalid UTF-8 text: {e}"))
}

/// Read a part's XML (`bytes`, what `reader` reads) into a [`Document`].
fn read_part_xml(
    mut reader: Reader<&[u8]>,
    bytes: &[u8],
    controls: &mut ControlResolver<'_>,
) -> Result<Document, DocxError> {
    reader.config_mut().check_end_names = true;
    let text = scanned_bytes(bytes);
    let mut names = Names::default();
    let mut p = Parser {
        nodes: vec![Node::Root(Vec::new())],
        frames: Vec::new(),
        runs: Vec::new(),
        fields: Vec::new(),
        sdts: Vec::new(),
        alts: Vec::new(),
        text: Capture::default(),
        instr: Capture::default(),
        skip: None,
        tracked: false,
        notes: Vec::new(),
        pending: Vec::new(),
        text_box_depth: 0,
        controls,
    };
    let mut saw_root = false;
    loop {
        let pos = reader.buffer_position();
        let tag_start = offset(&reader);
        let xml_error = |e: quick_xml::Error| DocxError::Xml(format!("{e} (near byte {pos})"));
        let ev = reader.read_event().map_err(xml_error)?;
        match ev {
            Event::Start(e) => {
                saw_root = true;
                names
                    .open(&e, p.frames.len(), text, tag_start..offset(&reader))
                    .map_err(|e| xml_error(e.into()))?;
                p.open(&e, &names)?;
            }
            // An empty element is a start and an end (read here rather than with the reader's
            // `expand_empty_elements`, which allocates for every one).
            Event::Empty(e) => {
                saw_root = true;
                names
                    .open(&e, p.frames.len(), text, tag_start..offset(&reader))
                    .map_err(|e| xml_error(e.into()))?;
                p.open(&e, &names)?;
                p.close(&mut names)?;
            }
            Event::End(_) => p.close(&mut names)?,
            // Text matters only inside `w:t` and `w:instrText`.
            Event::Text(t) => {
                if let Some(buf) = p.capture() {
                    buf.push_str(&t.xml10_content());
                }
            }
            Event::CData(t) => {
                if let Some(buf) = p.capture() {
                    buf.push_str(&t.xml10_content());
                }
            }
            Event::GeneralRef(r) => {
                if let Some(buf) = p.capture() {
                    let c = if r.is_char_ref() {
                        r.resolve_char_ref().ok().flatten()
                    } else {
                        match &*r {
                            "amp" => Some('&'),
                            "lt" => Some('<'),
                            "gt" => Some('>'),
                            "quot" => Some('"'),
                            "apos" => Some('\''),
                            // Custom entities are never expanded.
                            _ => None,
                        }
                    };
                    if let Some(c) = c {
                        buf.push(c);
                    }
                }
            }
            Event::Eof => {
                if !p.frames.is_empty() {
                    return Err(DocxError::Corrupt(format!(
                        "the XML ends early, inside {} open elements (file truncated)",
                        p.frames.len()
                    )));
                }
                if !saw_root {
                    return Err(DocxError::Corrupt("a document part is empty".into()));
                }
                break;
            }
            Event::Comment(_) | Event::Decl(_) | Event::PI(_) | Event::DocType(_) => {}
        }
    }
    Ok(p.finish())
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

/// `hay` contains `needle` ignoring ASCII case (`needle` not empty).
fn contains_ignore_ascii_case(hay: &str, needle: &str) -> bool {
    hay.as_bytes()
        .windows(needle.len().max(1))
        .any(|w| w.eq_ignore_ascii_case(needle.as_bytes()))
}

impl Parser<'_, '_> {
    /// A start tag (its namespace declarations already taken into `names`).
    fn open(&mut self, e: &BytesStart<'_>, names: &Names) -> Result<(), DocxError> {
        if self.frames.len() >= limits::MAX_XML_DEPTH {
            return Err(DocxError::Corrupt(format!(
                "XML nested deeper than {} levels",
                limits::MAX_XML_DEPTH
            )));
        }
        if self.skip.is_some() {
            self.frames.push(Frame {
                el: El::Other,
                node: false,
            });
            return Ok(());
        }
        let (ns, local) = names.element(e.name());
        let el = classify(ns, local);
        self.start(el, e, names);
        Ok(())
    }

    /// An end tag.
    fn close(&mut self, names: &mut Names) -> Result<(), DocxError> {
        let Some(frame) = self.frames.pop() else {
            return Err(DocxError::Xml("unexpected end tag".into()));
        };
        names.close(self.frames.len());
        if let Some(s) = self.skip {
            if self.frames.len() == s {
                self.skip = None;
            }
            return Ok(());
        }
        self.end(frame);
        Ok(())
    }

    fn parent(&self) -> El {
        self.frames.last().map_or(El::Other, |f| f.el)
    }

    fn grandparent(&self) -> El {
        let n = self.frames.len();
        if n >= 2 {
            self.frames.get(n - 2).map_or(El::Other, |f| f.el)
        } else {
            El::Other
        }
    }

    fn para(&mut self) -> Option<&mut Paragraph> {
        match self.nodes.last_mut() {
            Some(Node::Para { p, .. }) => Some(p),
            _ => None,
        }
    }

    /// The innermost open paragraph, even under other containers (for `revised`).
    fn any_para(&mut self) -> Option<&mut Paragraph> {
        self.nodes.iter_mut().rev().find_map(|n| match n {
            Node::Para { p, .. } => Some(p),
            _ => None,
        })
    }

    fn run_props(&mut self) -> Option<&mut RunState> {
        // Only the run's own properties, not the paragraph mark's (`w:pPr/w:rPr`).
        if self.parent() == El::RPr && self.grandparent() == El::R {
            self.runs.last_mut()
        } else {
            None
        }
    }

    fn mark_tracked(&mut self) {
        self.tracked = true;
        if let Some(p) = self.any_para() {
            p.revised = true;
        }
    }

    fn start(&mut self, el: El, e: &BytesStart<'_>, names: &Names) {
        let w = &[Ns::W];
        let val = || attr(names, e, "val", w);
        let mut node = false;
        let mut skip = false;
        match el {
            El::P => {
                let mut p = Paragraph {
                    in_text_box: self.text_box_depth > 0,
                    ..Paragraph::default()
                };
                p.inlines
                    .extend(self.pending.drain(..).map(Inline::Checkbox));
                self.nodes.push(Node::Para {
                    p,
                    text_boxes: Vec::new(),
                    mark_deleted: false,
                });
                node = true;
            }
            El::PStyle if self.parent() == El::PPr => {
                let v = val();
                if let Some(p) = self.para() {
                    p.style = v.map(Cow::into_owned);
                }
            }
            El::Bidi if self.parent() == El::PPr => {
                let on = on_off(val().as_deref());
                if let Some(p) = self.para() {
                    p.bidi = on;
                }
            }
            El::Shd => {
                // A solid pattern paints `w:color`; otherwise the fill shows.
                let solid = attr(names, e, "val", w).is_some_and(|v| v == "solid");
                let coloured = fill_colours(attr(names, e, "fill", w).as_deref())
                    || (solid && fill_colours(attr(names, e, "color", w).as_deref()));
                match self.parent() {
                    El::PPr => {
                        if let Some(p) = self.para() {
                            p.shaded = coloured;
                        }
                    }
                    El::TcPr => {
                        if let Some(Node::Cell { cell, .. }) = self.nodes.last_mut() {
                            cell.shaded = coloured;
                        }
                    }
                    _ => {
                        if let Some(r) = self.run_props() {
                            r.format.highlight |= coloured;
                        }
                    }
                }
            }
            El::B => {
                let on = on_off(val().as_deref());
                if let Some(r) = self.run_props() {
                    r.format.bold = on;
                }
            }
            El::U => {
                let v = val();
                let on = !matches!(v.as_deref(), Some("none" | "0" | "false" | "off"));
                if let Some(r) = self.run_props() {
                    r.format.underline = on;
                }
            }
            El::Strike | El::DStrike => {
                let on = on_off(val().as_deref());
                if let Some(r) = self.run_props() {
                    r.format.strike |= on;
                }
            }
            El::Highlight => {
                let v = val();
                let on = !matches!(v.as_deref(), Some("none") | None);
                if let Some(r) = self.run_props() {
                    r.format.highlight |= on;
                }
            }
            El::RFonts => {
                let get = |k: &str| attr(names, e, k, w).and_then(|f| symbols::symbol_font(&f));
                let latin = get("ascii").or_else(|| get("hAnsi"));
                let any = latin.or_else(|| get("eastAsia")).or_else(|| get("cs"));
                if let Some(r) = self.run_props() {
                    r.sym_latin = latin;
                    r.sym_any = any;
                }
            }
            El::Tbl => {
                self.nodes.push(Node::Table(Table::default()));
                node = true;
            }
            El::Tr => {
                self.nodes.push(Node::Row {
                    row: Row::default(),
                    next_col: 0,
                    deleted: false,
                });
                node = true;
            }
            El::GridBefore if self.parent() == El::TrPr => {
                let n = val()
                    .and_then(|v| v.trim().parse::<usize>().ok())
                    .unwrap_or(0);
                if let Some(Node::Row { next_col, .. }) = self.nodes.last_mut() {
                    *next_col = n.min(1000);
                }
            }
            El::Tc => {
                self.nodes.push(Node::Cell {
                    cell: Cell {
                        grid_span: 1,
                        ..Cell::default()
                    },
                    deleted: false,
                });
                node = true;
            }
            El::GridSpan if self.parent() == El::TcPr => {
                let n = val()
                    .and_then(|v| v.trim().parse::<usize>().ok())
                    .unwrap_or(1);
                if let Some(Node::Cell { cell, .. }) = self.nodes.last_mut() {
                    cell.grid_span = n.clamp(1, 1000);
                }
            }
            El::VMerge if self.parent() == El::TcPr => {
                let m = match val().as_deref() {
                    Some("restart") => VMerge::Restart,
                    _ => VMerge::Continue,
                };
                if let Some(Node::Cell { cell, .. }) = self.nodes.last_mut() {
                    cell.v_merge = m;
                }
            }
            El::CellDel => {
                self.mark_tracked();
                if self.parent() == El::TcPr {
                    if let Some(Node::Cell { deleted, .. }) = self.nodes.last_mut() {
                        *deleted = true;
                    }
                }
                skip = true;
            }
            El::CellIns => {
                self.mark_tracked();
                skip = true;
            }
            El::Sdt => self.sdts.push(Sdt::default()),
            El::W14Checkbox => {
                if let Some(s) = self.sdts.last_mut() {
                    s.checkbox = Some((false, "w14:checked absent".into()));
                }
            }
            El::W14Checked if self.parent() == El::W14Checkbox => {
                let v = attr(names, e, "val", &[Ns::W14, Ns::W]);
                if let Some(s) = self.sdts.last_mut() {
                    let detail = match &v {
                        Some(v) => format!("w14:checked val=\"{v}\""),
                        None => "w14:checked".into(),
                    };
                    s.checkbox = Some((on_off(v.as_deref()), detail));
                }
            }
            El::TxbxContent => {
                self.nodes.push(Node::TextBox(Vec::new()));
                self.text_box_depth += 1;
                node = true;
            }
            El::R => self.runs.push(RunState::default()),
            El::T => self.text.start(),
            El::DelText => skip = true,
            El::InstrText => self.instr.start(),
            El::Tab | El::Ptab if self.parent() == El::R && !self.suppressed() => {
                self.emit(Inline::Tab);
            }
            El::Br | El::Cr if self.parent() == El::R && !self.suppressed() => {
                self.emit(Inline::Break);
            }
            El::NoBreakHyphen if self.parent() == El::R && !self.suppressed() => {
                self.emit_plain("-");
            }
            El::Sym if self.parent() == El::R => {
                let font = attr(names, e, "font", w).unwrap_or_default();
                let ch = attr(names, e, "char", w).unwrap_or_default();
                self.symbol(&font, &ch);
            }
            El::FldChar => match attr(names, e, "fldCharType", w).as_deref() {
                Some("begin") => self.fields.push(Field::default()),
                Some("separate") => {
                    if let Some(f) = self.fields.last_mut() {
                        f.in_result = true;
                    }
                }
                Some("end") => {
                    self.fields.pop();
                }
                _ => {}
            },
            // A simple field: its children are the result. WPS writes check boxes as a
            // `w:fldSimple w:instr=" FORMCHECKBOX "` holding the `w:ffData` itself.
            El::FldSimple => {
                let instr = attr(names, e, "instr", w).unwrap_or_default();
                self.fields.push(Field {
                    in_result: true,
                    checkbox: None,
                    formcheckbox: contains_ignore_ascii_case(&instr, "FORMCHECKBOX"),
                });
            }
            El::FfCheckBox if self.parent() == El::FfData => {
                if let Some(f) = self.fields.last_mut() {
                    f.checkbox = Some(FfBox::default());
                }
            }
            El::FfChecked | El::FfDefault if self.parent() == El::FfCheckBox => {
                let v = val().map(Cow::into_owned);
                if let Some(b) = self.fields.last_mut().and_then(|f| f.checkbox.as_mut()) {
                    if el == El::FfChecked {
                        b.checked = Some(v);
                    } else {
                        b.default = Some(v);
                    }
                }
            }
            El::Del | El::MoveFrom => {
                self.tracked = true;
                match (self.parent(), self.grandparent()) {
                    (El::TrPr, _) => {
                        if let Some(Node::Row { deleted, .. }) = self.nodes.last_mut() {
                            *deleted = true;
                        }
                    }
                    (El::RPr, El::PPr) => {
                        if let Some(Node::Para { mark_deleted, .. }) = self.nodes.last_mut() {
                            *mark_deleted = true;
                        }
                    }
                    _ => {}
                }
                if let Some(p) = self.any_para() {
                    p.revised = true;
                }
                skip = true;
            }
            El::Ins | El::MoveTo => self.mark_tracked(),
            El::PrChange => skip = true,
            El::Control => {
                let id = attr(names, e, "id", &[Ns::R]).unwrap_or_default();
                if !self.suppressed() {
                    if let Some(cb) = (self.controls)(&id) {
                        self.emit(Inline::Checkbox(cb));
                    }
                }
            }
            El::AltContent => self.alts.push(false),
            El::Choice | El::Fallback if self.parent() == El::AltContent => {
                // Read the first branch only: Choice and Fallback hold the same content.
                match self.alts.last_mut() {
                    Some(taken) if *taken => skip = true,
                    Some(taken) => *taken = true,
                    None => {}
                }
            }
            _ => {}
        }
        if skip {
            self.skip = Some(self.frames.len());
        }
        self.frames.push(Frame { el, node });
    }

    fn end(&mut self, frame: Frame) {
        match frame.el {
            El::T if self.text.open => {
                self.text.open = false;
                let t = std::mem::take(&mut self.text.buf);
                self.emit_text(&t);
                self.text.buf = t;
            }
            El::InstrText if self.instr.open => {
                self.instr.open = false;
                if let Some(f) = self.fields.last_mut() {
                    if !f.in_result && contains_ignore_ascii_case(&self.instr.buf, "FORMCHECKBOX") {
                        f.formcheckbox = true;
                    }
                }
            }
            El::R => {
                self.runs.pop();
            }
            El::FldSimple => {
                if let Some(b) = self.fields.pop().and_then(|f| f.checkbox) {
                    let outer_suppressed =
                        self.fields.iter().any(|f| !f.in_result || f.formcheckbox);
                    if !outer_suppressed {
                        self.emit(Inline::Checkbox(legacy_mark(&b)));
                    }
                }
            }
            El::FldChar => {
                // The `begin` fldChar has just closed: its ffData is complete.
                let mark = self.fields.last_mut().and_then(|f| {
                    if f.in_result {
                        return None;
                    }
                    f.checkbox.as_ref().map(legacy_mark)
                });
                if let Some(cb) = mark {
                    // Emit once: clear the pending state but remember it is a checkbox field.
                    if let Some(f) = self.fields.last_mut() {
                        f.formcheckbox = true;
                        f.checkbox = None;
                    }
                    let outer_suppressed = self
                        .fields
                        .iter()
                        .rev()
                        .skip(1)
                        .any(|f| !f.in_result || f.formcheckbox);
                    if !outer_suppressed {
                        self.emit(Inline::Checkbox(cb));
                    }
                }
            }
            El::SdtPr => {
                let n = self.sdts.len();
                let outer_has = self
                    .sdts
                    .iter()
                    .take(n.saturating_sub(1))
                    .any(|s| s.checkbox.is_some());
                if let Some((checked, detail)) = self.sdts.last().and_then(|s| s.checkbox.clone()) {
                    if !outer_has && !self.suppressed() {
                        self.emit(Inline::Checkbox(Checkbox {
                            mechanism: Mechanism::ContentControl,
                            checked: Some(checked),
                            detail,
                        }));
                    }
                }
            }
            El::Sdt => {
                self.sdts.pop();
            }
            El::AltContent => {
                self.alts.pop();
            }
            _ => {}
        }
        if frame.node {
            self.close_node();
        }
    }

    fn close_node(&mut self) {
        let Some(node) = self.nodes.pop() else {
            return;
        };
        match node {
            Node::Root(blocks) => {
                // Never pushed by an element; put it back.
                self.nodes.push(Node::Root(blocks));
            }
            Node::Para {
                p,
                text_boxes,
                mark_deleted,
            } => {
                let empty = || {
                    p.inlines.iter().all(|i| match i {
                        Inline::Text { text, .. } => text.trim().is_empty(),
                        _ => false,
                    })
                };
                // A paragraph deleted whole (its text and its mark) is gone once accepted.
                if !(mark_deleted && empty()) {
                    self.push_block(Block::Paragraph(p));
                }
                for b in text_boxes {
                    self.push_block(b);
                }
            }
            Node::TextBox(blocks) => {
                self.text_box_depth = self.text_box_depth.saturating_sub(1);
                let anchor = self.nodes.iter_mut().rev().find_map(|n| match n {
                    Node::Para { text_boxes, .. } => Some(text_boxes),
                    _ => None,
                });
                match anchor {
                    Some(tb) => tb.extend(blocks),
                    None => {
                        for b in blocks {
                            self.push_block(b);
                        }
                    }
                }
            }
            Node::Table(t) => self.push_block(Block::Table(t)),
            Node::Row { row, deleted, .. } => {
                if deleted {
                    return;
                }
                match self.nodes.last_mut() {
                    Some(Node::Table(t)) => t.rows.push(row),
                    _ => {
                        for c in row.cells {
                            for b in c.blocks {
                                self.push_block(b);
                            }
                        }
                    }
                }
            }
            Node::Cell { mut cell, deleted } => {
                if deleted {
                    return;
                }
                match self.nodes.last_mut() {
                    Some(Node::Row { row, next_col, .. }) => {
                        cell.grid_span = cell.grid_span.max(1);
                        cell.grid_col = *next_col;
                        *next_col = next_col.saturating_add(cell.grid_span);
                        row.cells.push(cell);
                    }
                    _ => {
                        for b in cell.blocks {
                            self.push_block(b);
                        }
                    }
                }
            }
        }
    }

    /// Add a block to the innermost open block container.
    fn push_block(&mut self, b: Block) {
        for n in self.nodes.iter_mut().rev() {
            match n {
                Node::Root(v) | Node::TextBox(v) => {
                    v.push(b);
                    return;
                }
                Node::Cell { cell, .. } => {
                    cell.blocks.push(b);
                    return;
                }
                _ => {}
            }
        }
    }

    /// Text is not part of the printed result: inside a field instruction or the result of a
    /// check-box field.
    fn suppressed(&self) -> bool {
        self.fields
            .iter()
            .any(|f| !f.in_result || f.formcheckbox || f.checkbox.is_some())
    }

    fn in_checkbox_sdt(&self) -> bool {
        self.sdts.iter().any(|s| s.checkbox.is_some())
    }

    /// Where character data goes: the open `w:t`, else the open `w:instrText`; nowhere while
    /// a subtree is skipped.
    fn capture(&mut self) -> Option<&mut String> {
        if self.skip.is_some() {
            None
        } else if self.text.open {
            Some(&mut self.text.buf)
        } else if self.instr.open {
            Some(&mut self.instr.buf)
        } else {
            None
        }
    }

    /// Emit an inline (not text: see [`Parser::emit_str`]) into the current paragraph; a mark
    /// with no paragraph waits for the next.
    fn emit(&mut self, inline: Inline) {
        if let Some(p) = self.para() {
            p.inlines.push(inline);
        } else if let Inline::Checkbox(c) = inline {
            self.pending.push(c);
        }
    }

    fn emit_plain(&mut self, s: &str) {
        let format = self.runs.last().map(|r| r.format).unwrap_or_default();
        self.emit_str(s, format);
    }

    /// Emit text into the current paragraph, joined to the text before it when the format is
    /// the same (no allocation then); text outside a paragraph is dropped.
    fn emit_str(&mut self, s: &str, format: RunFormat) {
        let Some(p) = self.para() else {
            return;
        };
        if let Some(Inline::Text {
            text: prev,
            format: pf,
        }) = p.inlines.last_mut()
        {
            if *pf == format {
                prev.push_str(s);
                return;
            }
        }
        p.inlines.push(Inline::Text {
            text: s.to_string(),
            format,
        });
    }

    /// Emit `w:t` content: box glyphs and symbol-font box codes become marks in place.
    fn emit_text(&mut self, s: &str) {
        if self.suppressed() {
            return;
        }
        let run = self.runs.last().cloned().unwrap_or_default();
        // Every box glyph is outside ASCII, and ASCII codes are symbols only in a run whose
        // Latin font is a symbol font: most text is one plain piece. The glyphs are all in
        // U+2000–U+2FFF, whose UTF-8 starts with the byte E2: without it, and without a symbol
        // font, text in any script is plain too.
        let plain = if run.sym_latin.is_some() {
            false
        } else if s.is_ascii() {
            true
        } else {
            run.sym_any.is_none() && memchr::memchr(0xE2, s.as_bytes()).is_none()
        };
        if plain {
            if !s.is_empty() {
                self.emit_str(s, run.format);
            }
            return;
        }
        // The glyph shown by a check-box content control is not a mark of its own.
        let in_cc = self.in_checkbox_sdt();
        // Start of the text not emitted yet.
        let mut from = 0;
        let mut after_mark = false;
        for (i, c) in s.char_indices() {
            // An emoji presentation selector after a mark (✔️) belongs to the mark.
            if after_mark && matches!(c, '\u{FE0E}' | '\u{FE0F}') {
                from = i + c.len_utf8();
                continue;
            }
            let mark = if let Some((font, code, st)) = symbol_in_run(&run, c) {
                Some(Checkbox {
                    mechanism: Mechanism::Symbol,
                    checked: Some(st),
                    detail: symbols::symbol_detail(font, code),
                })
            } else {
                symbols::glyph_state(c).map(|st| Checkbox {
                    mechanism: Mechanism::Glyph,
                    checked: Some(st),
                    detail: symbols::glyph_detail(c),
                })
            };
            after_mark = mark.is_some();
            if let Some(m) = mark {
                if let Some(before) = s.get(from..i).filter(|t| !t.is_empty()) {
                    self.emit_str(before, run.format);
                }
                if !in_cc {
                    self.emit(Inline::Checkbox(m));
                }
                from = i + c.len_utf8();
            }
        }
        if let Some(rest) = s.get(from..).filter(|t| !t.is_empty()) {
            self.emit_str(rest, run.format);
        }
    }

    /// `w:sym`: a box code of a known symbol font is a mark; an unknown code of a box font is a
    /// mark of unknown state (with a note); other fonts' symbols are decoration.
    fn symbol(&mut self, font_name: &str, ch: &str) {
        if self.suppressed() || self.in_checkbox_sdt() {
            return;
        }
        let Some(font) = symbols::symbol_font(font_name) else {
            return;
        };
        let code = symbols::sym_char_code(ch);
        let (checked, detail) = match code {
            Some(code) => (
                symbols::symbol_state(font, code),
                symbols::symbol_detail(font, code),
            ),
            None => (None, format!("{} {ch}", font.name())),
        };
        if checked.is_none() {
            self.notes.push(format!(
                "symbol {detail} (w:sym) is not a known check-box symbol; its state was not read"
            ));
        }
        self.emit(Inline::Checkbox(Checkbox {
            mechanism: Mechanism::Symbol,
            checked,
            detail,
        }));
    }

    fn finish(mut self) -> Document {
        if !self.pending.is_empty() {
            let p = Paragraph {
                inlines: self.pending.drain(..).map(Inline::Checkbox).collect(),
                ..Paragraph::default()
            };
            self.push_block(Block::Paragraph(p));
        }
        let body = match self.nodes.pop() {
            Some(Node::Root(b)) => b,
            _ => Vec::new(),
        };
        Document {
            body,
            tracked_changes: self.tracked,
            other_marks: Vec::new(),
            notes: self.notes,
        }
    }
}

/// A character of a symbol-font run that is a known box code.
fn symbol_in_run(run: &RunState, c: char) -> Option<(SymbolFont, u8, bool)> {
    let u = c as u32;
    let font = if (0xF000..=0xF0FF).contains(&u) {
        run.sym_latin.or(run.sym_any)?
    } else {
        run.sym_latin?
    };
    let code = symbols::font_code(c)?;
    symbols::symbol_state(font, code).map(|st| (font, code, st))
}

fn legacy_mark(b: &FfBox) -> Checkbox {
    let desc = |name: &str, v: &Option<Option<String>>| match v {
        None => format!("{name} absent"),
        Some(None) => name.to_string(),
        Some(Some(v)) => format!("{name} w:val=\"{v}\""),
    };
    let checked = match (&b.checked, &b.default) {
        (Some(v), _) => on_off(v.as_deref()),
        (None, Some(v)) => on_off(v.as_deref()),
        (None, None) => false,
    };
    Checkbox {
        mechanism: Mechanism::LegacyCheckbox,
        checked: Some(checked),
        detail: format!(
            "{}, {}",
            desc("w:checked", &b.checked),
            desc("w:default", &b.default)
        ),
    }
}

/// Parse a `.rels` part. Targets are returned as written (see `Package::relationships`).
pub fn parse_relationships(xml: &[u8]) -> Result<Vec<Relationship>, DocxError> {
    let text = decode(xml)?;
    let mut reader = Reader::from_str(&text);
    // Namespaces are not looked at, but their declarations are checked as everywhere else.
    let mut names = Names::default();
    let error = |e: quick_xml::Error| DocxError::Xml(format!("relationships: {e}"));
    let mut out = Vec::new();
    let mut depth = 0usize;
    loop {
        let tag_start = offset(&reader);
        let ev = reader.read_event().map_err(error)?;
        let (e, opens) = match ev {
            Event::Start(e) => (e, true),
            Event::Empty(e) => (e, false),
            Event::End(_) => {
                depth = depth.saturating_sub(1);
                names.close(depth);
                continue;
            }
            Event::Eof => break,
            _ => continue,
        };
        names
            .open(&e, depth, scanned(&text), tag_start..offset(&reader))
            .map_err(|e| error(e.into()))?;
        if opens {
            depth += 1;
            if depth > limits::MAX_XML_DEPTH {
                return Err(DocxError::Corrupt("relationships nested too deep".into()));
            }
        } else {
            names.close(depth);
        }
        if e.local_name().as_ref() == "Relationship" {
            // The first attribute of each name, in one pass: `Id`, `Type`, `Target`,
            // `TargetMode` (its value, `None` if it cannot be read).
            let mut found: [Option<Option<Cow<'_, str>>>; 4] = Default::default();
            for a in e.attributes().with_checks(false).flatten() {
                let i = match a.key.local_name().as_ref() {
                    "Id" => 0,
                    "Type" => 1,
                    "Target" => 2,
                    "TargetMode" => 3,
                    _ => continue,
                };
                if let Some(slot @ None) = found.get_mut(i) {
                    *slot = Some(a.normalized_value(quick_xml::XmlVersion::Implicit1_0).ok());
                }
            }
            let [id, rel_type, target, mode] = found.map(|v| v.flatten());
            out.push(Relationship {
                id: id.map(Cow::into_owned).unwrap_or_default(),
                rel_type: rel_type.map(Cow::into_owned).unwrap_or_default(),
                target: target.map(Cow::into_owned).unwrap_or_default(),
                external: mode.is_some_and(|m| m == "External"),
            });
        }
    }
    Ok(out)
}

/// `ax:classid` and the `r:id` of the binary part, from an `activeX*.xml` part.
pub fn parse_activex(xml: &[u8]) -> Result<(Option<String>, Option<String>), DocxError> {
    let text = decode(xml)?;
    let mut reader = Reader::from_str(&text);
    let mut names = Names::default();
    let error = |e: quick_xml::Error| DocxError::Xml(format!("activeX part: {e}"));
    let mut depth = 0usize;
    loop {
        let tag_start = offset(&reader);
        let ev = reader.read_event().map_err(error)?;
        let (e, opens) = match ev {
            Event::Start(e) => (e, true),
            Event::Empty(e) => (e, false),
            Event::End(_) => {
                depth = depth.saturating_sub(1);
                names.close(depth);
                continue;
            }
            Event::Eof => return Ok((None, None)),
            _ => continue,
        };
        names
            .open(&e, depth, scanned(&text), tag_start..offset(&reader))
            .map_err(|e| error(e.into()))?;
        let (ns, local) = names.element(e.name());
        if matches!(ns, Ns::Ax | Ns::Other) && local == "ocx" {
            let class = attr(&names, &e, "classid", &[Ns::Ax]).map(Cow::into_owned);
            let id = attr(&names, &e, "id", &[Ns::R]).map(Cow::into_owned);
            return Ok((class, id));
        }
        if opens {
            depth = depth.saturating_add(1);
        } else {
            names.close(depth);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use quick_xml::NsReader;

    /// Every element's and attribute's namespace, or where reading failed.
    type Resolved = Vec<Result<(Ns, String, Vec<(Ns, String)>), ()>>;

    /// What quick-xml's `NsReader` resolves: the reference [`Names`] must match.
    fn with_ns_reader(xml: &str) -> Resolved {
        let mut reader = NsReader::from_str(xml);
        let mut out = Vec::new();
        loop {
            match reader.read_event() {
                Ok(Event::Start(e) | Event::Empty(e)) => {
                    let r = reader.resolver();
                    let (res, local) = r.resolve_element(e.name());
                    let attrs = e
                        .attributes()
                        .with_checks(false)
                        .flatten()
                        .map(|a| {
                            let (res, local) = r.resolve_attribute(a.key);
                            (ns_of(&res), local.into_inner().to_string())
                        })
                        .collect();
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
        let mut reader = Reader::from_str(xml);
        let mut names = Names::default();
        let mut depth = 0usize;
        let mut out = Vec::new();
        loop {
            let tag_start = offset(&reader);
            let (e, opens) = match reader.read_event() {
                Ok(Event::Start(e)) => (e, true),
                Ok(Event::Empty(e)) => (e, false),
                Ok(Event::End(_)) => {
                    depth = depth.saturating_sub(1);
                    names.close(depth);
                    continue;
                }
                Ok(Event::Eof) => return out,
                Ok(_) => continue,
                Err(_) => {
                    out.push(Err(()));
                    return out;
                }
            };
            if names
                .open(&e, depth, scanned(xml), tag_start..offset(&reader))
                .is_err()
            {
                out.push(Err(()));
                return out;
            }
            let (ns, local) = names.element(e.name());
            let attrs = e
                .attributes()
                .with_checks(false)
                .flatten()
                .map(|a| {
                    let (ns, local) = names.attribute(a.key);
                    (ns, local.to_string())
                })
                .collect();
            out.push(Ok((ns, local.to_string(), attrs)));
            if opens {
                depth += 1;
            } else {
                names.close(depth);
            }
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
            r#"<?xml version="1.0"?><!-- c --><w:document xmlns:w="{W_TRANSITIONAL}"><w:body><w:p><w:pPr><w:pStyle w:val="A"/></w:pPr><w:r><w:t xml:space="preserve">Réponse ☒ &amp; x</w:t></w:r></w:p><w:p><w:r><w:t><![CDATA[z]]></w:t></w:r></w:p></w:body></w:document> "#
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

    #[test]
    fn nesting_beyond_what_ns_reader_takes_is_an_error() {
        let n = usize::from(u16::MAX) + 1;
        let xml = format!("{}{}", "<a>".repeat(n), "</a>".repeat(n));
        assert_eq!(with_names(&xml).last(), Some(&Err(())));
        assert_eq!(with_ns_reader(&xml).last(), Some(&Err(())));
        assert_eq!(with_names(&xml).len(), with_ns_reader(&xml).len());
        assert!(parse_activex(xml.as_bytes()).is_err());
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
