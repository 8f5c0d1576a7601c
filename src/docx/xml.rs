//! Streaming WordprocessingML (a document, header, footer or notes part) into the [`model`],
//! plus the two small XML formats next to it: `.rels` parts and `activeX*.xml`.
//!
//! One pass over quick-xml events with explicit stacks (elements, open containers, runs,
//! fields, content controls): no recursion, so depth is bounded by [`limits::MAX_XML_DEPTH`]
//! and never by the thread's stack. Elements are matched by namespace URI, never by prefix.

use std::borrow::Cow;

use quick_xml::events::{BytesStart, Event};
use quick_xml::name::ResolveResult;
use quick_xml::NsReader;

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
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Ns {
    W,
    W14,
    Mc,
    R,
    Ax,
    /// No prefix and no default namespace (lenient attribute matching).
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
        Ns::W => match local {
            "p" => El::P,
            "pPr" => El::PPr,
            "pStyle" => El::PStyle,
            "bidi" => El::Bidi,
            "shd" => El::Shd,
            "tbl" => El::Tbl,
            "tr" => El::Tr,
            "trPr" => El::TrPr,
            "gridBefore" => El::GridBefore,
            "tc" => El::Tc,
            "tcPr" => El::TcPr,
            "gridSpan" => El::GridSpan,
            "vMerge" => El::VMerge,
            "cellDel" => El::CellDel,
            "cellIns" | "cellMerge" => El::CellIns,
            "sdt" => El::Sdt,
            "sdtPr" => El::SdtPr,
            "txbxContent" => El::TxbxContent,
            "r" => El::R,
            "rPr" => El::RPr,
            "b" => El::B,
            "u" => El::U,
            "strike" => El::Strike,
            "dstrike" => El::DStrike,
            "highlight" => El::Highlight,
            "rFonts" => El::RFonts,
            "t" => El::T,
            "delText" | "delInstrText" => El::DelText,
            "instrText" => El::InstrText,
            "tab" => El::Tab,
            "ptab" => El::Ptab,
            "br" => El::Br,
            "cr" => El::Cr,
            "noBreakHyphen" => El::NoBreakHyphen,
            "sym" => El::Sym,
            "fldChar" => El::FldChar,
            "ffData" => El::FfData,
            "fldSimple" => El::FldSimple,
            "checkBox" => El::FfCheckBox,
            "checked" => El::FfChecked,
            "default" => El::FfDefault,
            "del" => El::Del,
            "ins" => El::Ins,
            "moveFrom" => El::MoveFrom,
            "moveTo" => El::MoveTo,
            "control" => El::Control,
            // Formatting revisions hold the *old* properties: never read them as current.
            l if l.ends_with("PrChange") || l == "numberingChange" => El::PrChange,
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
    !matches!(
        v.map(|s| s.trim().to_ascii_lowercase()).as_deref(),
        Some("0" | "false" | "off")
    )
}

/// A `w:shd w:fill` that colours the background (not white, not auto, not empty).
fn fill_colours(fill: Option<&str>) -> bool {
    match fill.map(|s| s.trim().to_ascii_lowercase()) {
        None => false,
        Some(f) => !(f.is_empty() || f == "auto" || f == "ffffff"),
    }
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
    text: Option<String>,
    instr: Option<String>,
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
    let text = decode(xml)?;
    let mut reader = NsReader::from_str(&text);
    {
        let cfg = reader.config_mut();
        cfg.expand_empty_elements = true;
        cfg.check_end_names = true;
    }
    let mut p = Parser {
        nodes: vec![Node::Root(Vec::new())],
        frames: Vec::new(),
        runs: Vec::new(),
        fields: Vec::new(),
        sdts: Vec::new(),
        alts: Vec::new(),
        text: None,
        instr: None,
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
        let (res, ev) = reader
            .read_resolved_event()
            .map_err(|e| DocxError::Xml(format!("{e} (near byte {pos})")))?;
        let ns = ns_of(&res);
        match ev {
            Event::Start(e) => {
                saw_root = true;
                if p.frames.len() >= limits::MAX_XML_DEPTH {
                    return Err(DocxError::Corrupt(format!(
                        "XML nested deeper than {} levels",
                        limits::MAX_XML_DEPTH
                    )));
                }
                if p.skip.is_some() {
                    p.frames.push(Frame {
                        el: El::Other,
                        node: false,
                    });
                    continue;
                }
                let local = e.local_name();
                let el = classify(ns, local.as_ref());
                p.start(el, &e, &reader);
            }
            Event::End(_) => {
                let Some(frame) = p.frames.pop() else {
                    return Err(DocxError::Xml("unexpected end tag".into()));
                };
                if let Some(s) = p.skip {
                    if p.frames.len() == s {
                        p.skip = None;
                    }
                    continue;
                }
                p.end(frame);
            }
            Event::Empty(_) => {
                // expand_empty_elements turns these into Start + End.
            }
            Event::Text(t) => {
                if p.skip.is_none() {
                    p.push_text(&t.xml10_content());
                }
            }
            Event::CData(t) => {
                if p.skip.is_none() {
                    p.push_text(&t.xml10_content());
                }
            }
            Event::GeneralRef(r) => {
                if p.skip.is_none() {
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
                        p.push_text(c.encode_utf8(&mut [0u8; 4]));
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
            .map_err(|e| DocxError::Xml(format!("invalid UTF-8 text: {e}"))),
        [0xFF, 0xFE, rest @ ..] => utf16(rest, true),
        [0xFE, 0xFF, rest @ ..] => utf16(rest, false),
        _ => std::str::from_utf8(xml)
            .map(Cow::Borrowed)
            .map_err(|e| DocxError::Xml(format!("invalid UTF-8 text: {e}"))),
    }
}

/// Value of attribute `local` whose namespace is one of `accept` (unprefixed attributes are
/// accepted too: some writers omit the prefix).
fn attr(
    reader: &NsReader<&[u8]>,
    e: &BytesStart<'_>,
    local: &str,
    accept: &[Ns],
) -> Option<String> {
    for a in e.attributes().with_checks(false).flatten() {
        let (res, ln) = reader.resolver().resolve_attribute(a.key);
        if ln.as_ref() != local {
            continue;
        }
        let ns = ns_of(&res);
        if ns == Ns::None || accept.contains(&ns) {
            return a
                .normalized_value(quick_xml::XmlVersion::Implicit1_0)
                .ok()
                .map(|v| v.into_owned());
        }
    }
    None
}

impl Parser<'_, '_> {
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

    fn start(&mut self, el: El, e: &BytesStart<'_>, reader: &NsReader<&[u8]>) {
        let w = &[Ns::W];
        let val = || attr(reader, e, "val", w);
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
                    p.style = v;
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
                let solid = attr(reader, e, "val", w).is_some_and(|v| v == "solid");
                let coloured = fill_colours(attr(reader, e, "fill", w).as_deref())
                    || (solid && fill_colours(attr(reader, e, "color", w).as_deref()));
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
                let get = |k: &str| attr(reader, e, k, w).and_then(|f| symbols::symbol_font(&f));
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
                let v = attr(reader, e, "val", &[Ns::W14, Ns::W]);
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
            El::T => self.text = Some(String::new()),
            El::DelText => skip = true,
            El::InstrText => self.instr = Some(String::new()),
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
                let font = attr(reader, e, "font", w).unwrap_or_default();
                let ch = attr(reader, e, "char", w).unwrap_or_default();
                self.symbol(&font, &ch);
            }
            El::FldChar => match attr(reader, e, "fldCharType", w).as_deref() {
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
                let instr = attr(reader, e, "instr", w).unwrap_or_default();
                self.fields.push(Field {
                    in_result: true,
                    checkbox: None,
                    formcheckbox: instr.to_ascii_uppercase().contains("FORMCHECKBOX"),
                });
            }
            El::FfCheckBox if self.parent() == El::FfData => {
                if let Some(f) = self.fields.last_mut() {
                    f.checkbox = Some(FfBox::default());
                }
            }
            El::FfChecked | El::FfDefault if self.parent() == El::FfCheckBox => {
                let v = val();
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
                let id = attr(reader, e, "id", &[Ns::R]).unwrap_or_default();
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
            El::T => {
                if let Some(t) = self.text.take() {
                    self.emit_text(&t);
                }
            }
            El::InstrText => {
                if let Some(t) = self.instr.take() {
                    if let Some(f) = self.fields.last_mut() {
                        if !f.in_result && t.to_ascii_uppercase().contains("FORMCHECKBOX") {
                            f.formcheckbox = true;
                        }
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
                let empty = p.inlines.iter().all(|i| match i {
                    Inline::Text { text, .. } => text.trim().is_empty(),
                    _ => false,
                });
                // A paragraph deleted whole (its text and its mark) is gone once accepted.
                if !(mark_deleted && empty) {
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

    fn push_text(&mut self, s: &str) {
        if let Some(t) = self.text.as_mut() {
            t.push_str(s);
        } else if let Some(t) = self.instr.as_mut() {
            t.push_str(s);
        }
    }

    /// Emit an inline into the current paragraph; a mark with no paragraph waits for the next.
    fn emit(&mut self, inline: Inline) {
        if let Some(p) = self.para() {
            push_inline(p, inline);
        } else if let Inline::Checkbox(c) = inline {
            self.pending.push(c);
        }
    }

    fn emit_plain(&mut self, s: &str) {
        let format = self.runs.last().map(|r| r.format).unwrap_or_default();
        self.emit(Inline::Text {
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
        // Latin font is a symbol font: most text is one plain piece.
        if s.is_ascii() && run.sym_latin.is_none() {
            if !s.is_empty() {
                self.emit(Inline::Text {
                    text: s.to_string(),
                    format: run.format,
                });
            }
            return;
        }
        // The glyph shown by a check-box content control is not a mark of its own.
        let in_cc = self.in_checkbox_sdt();
        let mut buf = String::new();
        let mut after_mark = false;
        for c in s.chars() {
            // An emoji presentation selector after a mark (✔️) belongs to the mark.
            if after_mark && matches!(c, '\u{FE0E}' | '\u{FE0F}') {
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
            match mark {
                Some(m) => {
                    if !buf.is_empty() {
                        let text = std::mem::take(&mut buf);
                        self.emit(Inline::Text {
                            text,
                            format: run.format,
                        });
                    }
                    if !in_cc {
                        self.emit(Inline::Checkbox(m));
                    }
                }
                None => buf.push(c),
            }
        }
        if !buf.is_empty() {
            self.emit(Inline::Text {
                text: buf,
                format: run.format,
            });
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

fn push_inline(p: &mut Paragraph, inline: Inline) {
    if let Inline::Text { text, format } = &inline {
        if let Some(Inline::Text {
            text: prev,
            format: pf,
        }) = p.inlines.last_mut()
        {
            if pf == format {
                prev.push_str(text);
                return;
            }
        }
    }
    p.inlines.push(inline);
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
    let mut reader = NsReader::from_str(&text);
    let mut out = Vec::new();
    let mut depth = 0usize;
    loop {
        let ev = reader
            .read_event()
            .map_err(|e| DocxError::Xml(format!("relationships: {e}")))?;
        let (e, opens) = match ev {
            Event::Start(e) => (e, true),
            Event::Empty(e) => (e, false),
            Event::End(_) => {
                depth = depth.saturating_sub(1);
                continue;
            }
            Event::Eof => break,
            _ => continue,
        };
        if opens {
            depth += 1;
            if depth > limits::MAX_XML_DEPTH {
                return Err(DocxError::Corrupt("relationships nested too deep".into()));
            }
        }
        if e.local_name().as_ref() == "Relationship" {
            let get = |k: &str| {
                e.attributes()
                    .with_checks(false)
                    .flatten()
                    .find(|a| a.key.local_name().as_ref() == k)
                    .and_then(|a| {
                        a.normalized_value(quick_xml::XmlVersion::Implicit1_0)
                            .ok()
                            .map(|v| v.into_owned())
                    })
            };
            out.push(Relationship {
                id: get("Id").unwrap_or_default(),
                rel_type: get("Type").unwrap_or_default(),
                target: get("Target").unwrap_or_default(),
                external: get("TargetMode").is_some_and(|m| m == "External"),
            });
        }
    }
    Ok(out)
}

/// `ax:classid` and the `r:id` of the binary part, from an `activeX*.xml` part.
pub fn parse_activex(xml: &[u8]) -> Result<(Option<String>, Option<String>), DocxError> {
    let text = decode(xml)?;
    let mut reader = NsReader::from_str(&text);
    loop {
        let (res, ev) = reader
            .read_resolved_event()
            .map_err(|e| DocxError::Xml(format!("activeX part: {e}")))?;
        let is_ocx = matches!(ns_of(&res), Ns::Ax | Ns::Other);
        match ev {
            Event::Start(e) | Event::Empty(e) if is_ocx && e.local_name().as_ref() == "ocx" => {
                let class = attr(&reader, &e, "classid", &[Ns::Ax]);
                let id = attr(&reader, &e, "id", &[Ns::R]);
                return Ok((class, id));
            }
            Event::Eof => return Ok((None, None)),
            _ => {}
        }
    }
}
