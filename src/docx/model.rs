//! The project's own small document model: what the form reader needs of a WordprocessingML
//! body, and nothing else. Built by [`super::xml`], read by `crate::form`.
//!
//! The model is the document *as it would print with all tracked changes accepted*: deleted
//! runs are gone, inserted ones are there. Text-box content is flattened into blocks placed
//! right after the paragraph that anchors it.

/// How a checkbox-like mark is stored.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Mechanism {
    /// `FORMCHECKBOX` field with `w:ffData/w:checkBox`.
    LegacyCheckbox,
    /// `w:sdt` with `w14:checkbox`.
    ContentControl,
    /// An entry of a `FORMDROPDOWN` field (`w:ffData/w:ddList`): checked on the entry shown.
    Dropdown,
    /// A Unicode box/tick/cross character typed as text (☒ ☐ ● ○ ⃝ …).
    Glyph,
    /// `w:sym`, or a private-use/low-byte character in a symbol-font run.
    Symbol,
    /// `w:control` pointing at an ActiveX `Forms.CheckBox.1` / `Forms.OptionButton.1`.
    Activex,
    /// A PDF AcroForm check box or radio button (`/AS`, `/V`); only [`crate::pdf`] makes it.
    PdfField,
    /// A box found in a page image and measured for ink; only [`crate::scan`] makes it.
    Scan,
    /// A picture or a shape the person put in the line (a tick picture in place of the box, an
    /// ellipse drawn round a choice): checked when what it is says so, else of unknown state.
    Drawing,
}

/// A checkbox-like mark found in the text flow.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Checkbox {
    pub mechanism: Mechanism,
    /// `None` when the state cannot be known (an ActiveX box not decoded, an ambiguous glyph).
    pub checked: Option<bool>,
    /// What was seen, for warnings and `explain`: e.g. `w:checked w:val="0", w:default="1"`,
    /// `Wingdings F0FE`, `U+2612`.
    pub detail: String,
}

impl Checkbox {
    /// What an empty box filled by its run's shading or highlight says of itself (see
    /// [`Checkbox::filled_by_shading`]).
    const FILLED: &'static str = ", shaded or highlighted (prints filled)";

    /// An empty box or circle whose run is shaded or highlighted prints filled (■, ●): the
    /// person changed the box's formatting instead of its character, which marks it as surely.
    pub fn filled_by_shading(self) -> Checkbox {
        if self.checked != Some(false) {
            return self;
        }
        Checkbox {
            checked: Some(true),
            detail: format!("{}{}", self.detail, Self::FILLED),
            ..self
        }
    }

    /// Checked by its formatting alone (evidence `highlight`, not its glyph's).
    pub fn is_filled_by_shading(&self) -> bool {
        self.checked == Some(true) && self.detail.ends_with(Self::FILLED)
    }
}

/// Character formatting that can carry meaning on a form (emphasis as a mark).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct RunFormat {
    pub bold: bool,
    pub underline: bool,
    pub strike: bool,
    /// `w:color` other than automatic or black.
    pub colour: bool,
    /// `w:highlight` other than `none`, or a run `w:shd` fill that is not white/auto.
    pub highlight: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Inline {
    Text { text: String, format: RunFormat },
    Tab,
    Break,
    Checkbox(Checkbox),
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Paragraph {
    pub inlines: Vec<Inline>,
    /// Paragraph style id (`w:pStyle`), e.g. `Heading1`.
    pub style: Option<String>,
    /// Right-to-left paragraph (`w:bidi`).
    pub bidi: bool,
    /// The list the paragraph is in (`w:numPr`): its `w:numId` and level.
    pub list: Option<(String, u8)>,
    /// Paragraph shading (`w:pPr/w:shd` fill not white/auto).
    pub shaded: bool,
    /// Sides of a border drawn round the paragraph (`w:pPr/w:pBdr`), as [`BORDER_TOP`] and
    /// the other bits.
    pub borders: u8,
    /// The paragraph came from inside a text box.
    pub in_text_box: bool,
    /// Tracked changes (`w:ins`/`w:del`/moves) touched this paragraph.
    pub revised: bool,
    /// Notes the person anchored here: the text of each Word comment, footnote or endnote
    /// referenced from this paragraph (while parsing, their keys such as `comment:3`).
    pub notes: Vec<String>,
}

pub const BORDER_TOP: u8 = 1;
pub const BORDER_LEFT: u8 = 2;
pub const BORDER_BOTTOM: u8 = 4;
pub const BORDER_RIGHT: u8 = 8;

impl Paragraph {
    /// A border round the paragraph (above and below it, or on both sides): the form's own
    /// lines have none, so a person framing a line chose it, as with shading.
    pub fn framed(&self) -> bool {
        let both = |a: u8, b: u8| self.borders & a != 0 && self.borders & b != 0;
        both(BORDER_TOP, BORDER_BOTTOM) || both(BORDER_LEFT, BORDER_RIGHT)
    }

    /// Plain text: tabs as `\t`, breaks as `\n`, checkboxes left out.
    pub fn text(&self) -> String {
        let mut s = String::new();
        for i in &self.inlines {
            match i {
                Inline::Text { text, .. } => s.push_str(text),
                Inline::Tab => s.push('\t'),
                Inline::Break => s.push('\n'),
                Inline::Checkbox(_) => {}
            }
        }
        s
    }

    pub fn checkboxes(&self) -> impl Iterator<Item = &Checkbox> {
        self.inlines.iter().filter_map(|i| match i {
            Inline::Checkbox(c) => Some(c),
            _ => None,
        })
    }
}

/// Vertical merge state of a cell (`w:vMerge`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum VMerge {
    #[default]
    None,
    /// `w:vMerge w:val="restart"`: the top cell of a merged column.
    Restart,
    /// `w:vMerge` without a value: continues the cell above.
    Continue,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Cell {
    pub blocks: Vec<Block>,
    /// First grid column this cell covers (0-based), after `w:gridBefore` and `w:gridSpan`.
    pub grid_col: usize,
    /// Number of grid columns covered (`w:gridSpan`, at least 1).
    pub grid_span: usize,
    pub v_merge: VMerge,
    /// Cell shading (`w:tcPr/w:shd` fill not white/auto).
    pub shaded: bool,
}

impl Cell {
    /// All paragraphs of the cell in reading order, nested tables included.
    pub fn paragraphs(&self) -> Vec<&Paragraph> {
        let mut out = Vec::new();
        collect_paragraphs(&self.blocks, &mut out);
        out
    }

    pub fn text(&self) -> String {
        self.paragraphs()
            .iter()
            .map(|p| p.text())
            .collect::<Vec<_>>()
            .join("\n")
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Row {
    pub cells: Vec<Cell>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Table {
    pub rows: Vec<Row>,
}

impl Table {
    /// The cell that covers grid column `col` of row `row`, following `w:vMerge` continuations
    /// up to the cell that starts the merge. `None` when no cell covers that column.
    pub fn resolved_cell(&self, row: usize, col: usize) -> Option<&Cell> {
        let mut r = row;
        loop {
            let cell = self
                .rows
                .get(r)?
                .cells
                .iter()
                .find(|c| c.grid_col <= col && col < c.grid_col + c.grid_span.max(1))?;
            if cell.v_merge == VMerge::Continue && r > 0 {
                r -= 1;
                continue;
            }
            return Some(cell);
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    Paragraph(Paragraph),
    Table(Table),
}

/// A checkbox-like mark with its place in the document, for `explain`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlacedMark {
    pub checkbox: Checkbox,
    /// Package part, e.g. `word/document.xml`.
    pub part: String,
    /// Human-readable place: `table 2, row 3, cell 2` or `paragraph 14`.
    pub location: String,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Document {
    pub body: Vec<Block>,
    /// Tracked changes were present (they were read as accepted).
    pub tracked_changes: bool,
    /// Marks in parts other than the main body (headers, footers, footnotes) and ActiveX
    /// controls, listed for `explain`; the form reader looks only at `body`.
    pub other_marks: Vec<PlacedMark>,
    /// Things the reader noticed that a person may need to know (unknown symbol, depth cut).
    pub notes: Vec<String>,
    /// The page headers (`word/header*.xml`) the section properties show, in the order of
    /// the relationships: a letterhead often lives there and nowhere else.
    pub page_headers: Vec<PageHeader>,
    /// In a comments, footnotes or endnotes part: each note's key (`comment:3`) and text,
    /// paragraphs joined with `\n`.
    pub note_texts: Vec<(String, String)>,
}

/// The text of one page header part.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PageHeader {
    /// Package part, e.g. `word/header1.xml`.
    pub part: String,
    /// Its non-empty paragraphs, trimmed, tables and text boxes included.
    pub paragraphs: Vec<String>,
}

impl Document {
    /// All paragraphs in reading order, table cells and nested tables included.
    pub fn paragraphs(&self) -> Vec<&Paragraph> {
        let mut out = Vec::new();
        collect_paragraphs(&self.body, &mut out);
        out
    }
}

fn collect_paragraphs<'a>(blocks: &'a [Block], out: &mut Vec<&'a Paragraph>) {
    // An explicit stack: tables nest arbitrarily deep and rayon threads have small stacks.
    let mut stack: Vec<std::slice::Iter<'a, Block>> = vec![blocks.iter()];
    while let Some(top) = stack.last_mut() {
        match top.next() {
            None => {
                stack.pop();
            }
            Some(Block::Paragraph(p)) => out.push(p),
            Some(Block::Table(t)) => {
                // Push cells in reverse so they come out in order.
                for row in t.rows.iter().rev() {
                    for cell in row.cells.iter().rev() {
                        stack.push(cell.blocks.iter());
                    }
                }
            }
        }
    }
}
