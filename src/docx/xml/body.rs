//! The body streamer: one pass over a WordprocessingML part's quick-xml events into a
//! [`Document`], with explicit stacks (elements, open containers, runs, fields, content
//! controls) and no recursion, so depth is bounded by [`limits::MAX_XML_DEPTH`] and never by the
//! thread's stack.
//!
//! This file owns the event loop, the containers (paragraphs, tables, rows, cells, text boxes)
//! and tracked changes; [`props`] reads paragraph, cell and run properties, [`marks`] the
//! check-box marks (fields, content controls, ActiveX controls, symbols and box glyphs).

mod drawings;
mod marks;
mod props;

use quick_xml::events::{BytesRef, BytesStart, Event};
use quick_xml::Reader;

use super::elements::{classify, El};
use super::names::Names;
use super::{decode, offset, scanned_bytes, utf8_error, Tag, UTF8_BOM};
use crate::docx::limits;
use crate::docx::model::{
    Block, Cell, Checkbox, Document, Inline, Paragraph, Row, RunFormat, Table,
};
use crate::docx::package::DocxError;
use marks::{Field, Sdt};
use props::RunState;

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
    /// The picture or shape being read.
    drawing: Option<drawings::Drawing>,
    /// The note being read in a notes part: its key and where its blocks start at top level.
    note: Option<(String, usize)>,
    note_texts: Vec<(String, String)>,
    controls: &'r mut ControlResolver<'a>,
}

impl<'r, 'a> Parser<'r, 'a> {
    fn new(controls: &'r mut ControlResolver<'a>) -> Self {
        Parser {
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
            drawing: None,
            note: None,
            note_texts: Vec::new(),
            controls,
        }
    }
}

/// What a start tag asks of the streamer besides the state it sets.
#[derive(Debug, Default)]
struct Opened {
    /// It pushed a [`Node`] that its end pops.
    node: bool,
    /// Its subtree is not read (deleted text, old properties, a second branch).
    skip: bool,
}

impl Opened {
    const NOTHING: Opened = Opened {
        node: false,
        skip: false,
    };
    const NODE: Opened = Opened {
        node: true,
        skip: false,
    };
    const SKIP: Opened = Opened {
        node: false,
        skip: true,
    };
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

/// Read a part's XML (`bytes`, what `reader` reads) into a [`Document`].
fn read_part_xml(
    mut reader: Reader<&[u8]>,
    bytes: &[u8],
    controls: &mut ControlResolver<'_>,
) -> Result<Document, DocxError> {
    reader.config_mut().check_end_names = true;
    let text = scanned_bytes(bytes);
    let mut names = Names::default();
    let mut p = Parser::new(controls);
    let mut saw_root = false;
    loop {
        let pos = reader.buffer_position();
        let tag_start = offset(&reader);
        let xml_error = |e: quick_xml::Error| DocxError::Xml(format!("{e} (near byte {pos})"));
        let ev = reader.read_event().map_err(xml_error)?;
        match ev {
            // An empty element is a start and an end (read here rather than with the reader's
            // `expand_empty_elements`, which allocates for every one).
            Event::Start(ref e) | Event::Empty(ref e) => {
                saw_root = true;
                let tag = tag_start..offset(&reader);
                names
                    .open(e, p.frames.len(), text, tag)
                    .map_err(|e| xml_error(e.into()))?;
                p.open(e, &names)?;
                if matches!(ev, Event::Empty(_)) {
                    p.close(&mut names)?;
                }
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
                    buf.extend(entity(&r));
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

/// The character a reference stands for: a character reference or one of XML's five entities.
/// Custom entities are never expanded.
fn entity(r: &BytesRef<'_>) -> Option<char> {
    if r.is_char_ref() {
        return r.resolve_char_ref().ok().flatten();
    }
    match &**r {
        "amp" => Some('&'),
        "lt" => Some('<'),
        "gt" => Some('>'),
        "quot" => Some('"'),
        "apos" => Some('\''),
        _ => None,
    }
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
        self.start(el, Tag { e, names });
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

    fn mark_tracked(&mut self) {
        self.tracked = true;
        if let Some(p) = self.any_para() {
            p.revised = true;
        }
    }

    fn start(&mut self, el: El, tag: Tag<'_, '_>) {
        let opened = match el {
            El::TxbxContent => {
                self.start_drawing(el, tag);
                self.start_container(el)
            }
            El::P | El::Tbl | El::Tr | El::Tc => self.start_container(el),
            El::Drawing
            | El::DocPr
            | El::Extent
            | El::DrawingInline
            | El::PositionH
            | El::PositionV
            | El::PosOffset
            | El::PrstGeom
            | El::Picture
            | El::VShape => {
                self.start_drawing(el, tag);
                Opened::NOTHING
            }
            El::PStyle
            | El::Bidi
            | El::Shd
            | El::BorderSide
            | El::GridBefore
            | El::GridSpan
            | El::VMerge
            | El::NumId
            | El::Ilvl => {
                self.block_property(el, tag);
                Opened::NOTHING
            }
            El::B | El::U | El::Strike | El::DStrike | El::Highlight | El::Color | El::RFonts => {
                self.run_property(el, tag);
                Opened::NOTHING
            }
            El::CellDel
            | El::CellIns
            | El::Del
            | El::MoveFrom
            | El::Ins
            | El::MoveTo
            | El::PrChange => self.start_revision(el),
            El::Sdt
            | El::W14Checkbox
            | El::W14Checked
            | El::Sym
            | El::FldChar
            | El::FldSimple
            | El::FfCheckBox
            | El::FfChecked
            | El::FfDefault
            | El::FfDdList
            | El::FfResult
            | El::FfListEntry
            | El::Control => {
                self.start_mark(el, tag);
                Opened::NOTHING
            }
            El::R | El::T | El::DelText | El::InstrText => self.start_run_part(el),
            El::Tab | El::Ptab | El::Br | El::Cr | El::NoBreakHyphen => {
                self.start_run_char(el);
                Opened::NOTHING
            }
            El::AltContent | El::Choice | El::Fallback => self.start_alternate(el),
            El::NoteReference | El::Note => {
                self.start_note(tag);
                Opened::NOTHING
            }
            _ => Opened::NOTHING,
        };
        if opened.skip {
            self.skip = Some(self.frames.len());
        }
        self.frames.push(Frame {
            el,
            node: opened.node,
        });
    }

    /// A paragraph, table, row, cell or text box: a container the blocks inside go into.
    fn start_container(&mut self, el: El) -> Opened {
        let node = match el {
            El::P => {
                let mut p = Paragraph {
                    in_text_box: self.text_box_depth > 0,
                    ..Paragraph::default()
                };
                p.inlines
                    .extend(self.pending.drain(..).map(Inline::Checkbox));
                Node::Para {
                    p,
                    text_boxes: Vec::new(),
                    mark_deleted: false,
                }
            }
            El::Tbl => Node::Table(Table::default()),
            El::Tr => Node::Row {
                row: Row::default(),
                next_col: 0,
                deleted: false,
            },
            El::Tc => Node::Cell {
                cell: Cell {
                    grid_span: 1,
                    ..Cell::default()
                },
                deleted: false,
            },
            El::TxbxContent => {
                self.text_box_depth += 1;
                Node::TextBox(Vec::new())
            }
            _ => return Opened::NOTHING,
        };
        self.nodes.push(node);
        Opened::NODE
    }

    /// Tracked changes: deleted and moved-away content is skipped (the document as it reads
    /// once every change is accepted), and the paragraph is marked `revised`.
    fn start_revision(&mut self, el: El) -> Opened {
        match el {
            El::CellDel => {
                self.mark_tracked();
                if self.parent() == El::TcPr {
                    if let Some(Node::Cell { deleted, .. }) = self.nodes.last_mut() {
                        *deleted = true;
                    }
                }
                Opened::SKIP
            }
            El::CellIns => {
                self.mark_tracked();
                Opened::SKIP
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
                Opened::SKIP
            }
            El::Ins | El::MoveTo => {
                self.mark_tracked();
                Opened::NOTHING
            }
            El::PrChange => Opened::SKIP,
            _ => Opened::NOTHING,
        }
    }

    /// A note anchored in the paragraph (kept as its key, resolved once its part is read), or
    /// the start of a note's content in a notes part.
    fn start_note(&mut self, tag: Tag<'_, '_>) {
        let Some(id) = tag.w("id") else {
            return;
        };
        let local = tag.local_name();
        let key = format!("{}:{id}", local.trim_end_matches("Reference"));
        if local.ends_with("Reference") {
            if let Some(p) = self.para() {
                if !p.notes.contains(&key) {
                    p.notes.push(key);
                }
            }
        } else if let Some(Node::Root(blocks)) = self.nodes.first() {
            self.note = Some((key, blocks.len()));
        }
    }

    /// The end of a note's content: its paragraphs' text, kept under its key.
    fn end_note(&mut self) {
        let (Some((key, from)), Some(Node::Root(blocks))) = (self.note.take(), self.nodes.first())
        else {
            return;
        };
        let text: Vec<String> = blocks[from.min(blocks.len())..]
            .iter()
            .filter_map(|b| match b {
                Block::Paragraph(p) => Some(p.text().trim().to_string()),
                Block::Table(_) => None,
            })
            .filter(|t| !t.is_empty())
            .collect();
        self.note_texts.push((key, text.join("\n")));
    }

    /// A run and the elements holding its text.
    fn start_run_part(&mut self, el: El) -> Opened {
        match el {
            El::R => self.runs.push(RunState::default()),
            El::T => self.text.start(),
            El::DelText => return Opened::SKIP,
            El::InstrText => self.instr.start(),
            _ => {}
        }
        Opened::NOTHING
    }

    /// A character written as an element of a run (tab, break, non-breaking hyphen).
    fn start_run_char(&mut self, el: El) {
        if self.parent() != El::R || self.suppressed() {
            return;
        }
        match el {
            El::Tab | El::Ptab => self.emit(Inline::Tab),
            El::Br | El::Cr => self.emit(Inline::Break),
            El::NoBreakHyphen => self.emit_plain("-"),
            _ => {}
        }
    }

    /// `mc:AlternateContent`: read the first branch only (Choice and Fallback hold the same
    /// content).
    fn start_alternate(&mut self, el: El) -> Opened {
        match el {
            El::AltContent => self.alts.push(false),
            El::Choice | El::Fallback if self.parent() == El::AltContent => {
                match self.alts.last_mut() {
                    Some(taken) if *taken => return Opened::SKIP,
                    Some(taken) => *taken = true,
                    None => {}
                }
            }
            _ => {}
        }
        Opened::NOTHING
    }

    fn end(&mut self, frame: Frame) {
        match frame.el {
            El::T if self.text.open => {
                self.text.open = false;
                let t = std::mem::take(&mut self.text.buf);
                self.emit_text(&t);
                self.text.buf = t;
            }
            El::R => {
                self.runs.pop();
            }
            El::AltContent => {
                self.alts.pop();
            }
            El::InstrText | El::FldSimple | El::FldChar | El::SdtPr | El::Sdt => {
                self.end_mark(frame.el);
            }
            El::Note => self.end_note(),
            El::Drawing | El::PosOffset => self.end_drawing(frame.el),
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
    /// Where character data goes: the open `w:t`, else the open `w:instrText`; nowhere while
    /// a subtree is skipped.
    fn capture(&mut self) -> Option<&mut String> {
        if self.skip.is_some() {
            None
        } else if self.text.open {
            Some(&mut self.text.buf)
        } else if self.instr.open {
            Some(&mut self.instr.buf)
        } else if let Some(d) = self.drawing.as_mut().filter(|d| d.offset.open) {
            Some(&mut d.offset.buf)
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
            page_headers: Vec::new(),
            note_texts: self.note_texts,
        }
    }
}
