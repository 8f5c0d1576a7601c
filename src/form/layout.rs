//! Flattens the document model into *lines* with their place: the unit the form reader works on.
//!
//! A line is a paragraph, or a part of one between manual breaks. Each knows its table, row and
//! cell, and carries the marks found in it.

use crate::docx::model::{Block, Checkbox, Document, Inline, Mechanism, Paragraph, Table};

/// Where a line sits.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Place {
    /// 1-based table number in document order (nested tables count), 0 outside tables.
    pub table: usize,
    /// 1-based row and cell within that table (0 outside tables).
    pub row: usize,
    pub cell: usize,
    /// 1-based paragraph number in document order.
    pub paragraph: usize,
    /// Number of the top-level table this line is under (0 outside tables).
    pub outer_table: usize,
    /// The grid columns the cell covers (`w:gridSpan`), 0-based: where a cell stands under
    /// a header that spans several columns.
    pub grid: (usize, usize),
}

impl Place {
    pub fn describe(&self) -> String {
        if self.table > 0 {
            format!("table {}, row {}, cell {}", self.table, self.row, self.cell)
        } else {
            format!("paragraph {}", self.paragraph)
        }
    }

    pub fn same_cell(&self, o: &Place) -> bool {
        self.table == o.table && self.row == o.row && self.cell == o.cell && self.table > 0
    }

    pub fn same_row(&self, o: &Place) -> bool {
        self.table == o.table && self.row == o.row && self.table > 0
    }
}

/// A mark on a line, numbered in document order.
#[derive(Debug, Clone)]
pub struct LineMark {
    pub id: usize,
    pub checkbox: Checkbox,
    /// The mark stands before any text of the line.
    pub leading: bool,
}

#[derive(Debug, Clone)]
pub struct Line {
    /// Text with marks removed, tabs kept as `\t`.
    pub text: String,
    pub marks: Vec<LineMark>,
    pub place: Place,
    /// Every text run of the line is highlighted or shaded (emphasis used as a mark).
    pub emphasised: bool,
    /// All text of the line is bold / underlined.
    pub bold: bool,
    pub underline: bool,
    /// Formatting runs: (end byte in `text`, flags `HIGHLIGHT | BOLD | UNDERLINE | STRIKE`).
    pub runs: Vec<(usize, u8)>,
    /// The whole paragraph or its cell is shaded, or the paragraph framed by a border.
    pub shaded: bool,
    pub in_text_box: bool,
    pub bidi: bool,
    /// Tracked changes touched the paragraph (shown on the review page).
    pub revised: bool,
    /// Texts of the Word comments, footnotes and endnotes anchored on this line.
    pub notes: Vec<String>,
}

pub const HIGHLIGHT: u8 = 1;
pub const BOLD: u8 = 2;
pub const UNDERLINE: u8 = 4;
/// Struck through (`w:strike` or `w:dstrike`): text the person removed without deleting it.
pub const STRIKE: u8 = 8;
/// Coloured text (`w:color` not automatic or black).
pub const COLOUR: u8 = 16;

impl Line {
    /// Whether (nearly) all letters in `range` of the text carry `flag` — used on a label's
    /// own words, so that reasons typed after a highlighted label do not hide the emphasis.
    pub fn emphasis_in(&self, range: std::ops::Range<usize>, flag: u8) -> bool {
        if flag == HIGHLIGHT && self.shaded {
            return true;
        }
        let (mut total, mut with) = (0usize, 0usize);
        let mut start = 0;
        for &(end, flags) in &self.runs {
            let (a, b) = (start.max(range.start), end.min(range.end));
            if a < b {
                if let Some(part) = self.text.get(a..b) {
                    let n = part.chars().filter(|c| c.is_alphanumeric()).count();
                    total += n;
                    if flags & flag != 0 {
                        with += n;
                    }
                }
            }
            start = end;
        }
        total > 0 && with * 10 >= total * 9
    }

    pub fn has_text(&self) -> bool {
        !self.text.trim().is_empty()
    }
}

/// Blocks still to read, their place, and whether their cell is shaded.
type Work<'a> = (std::slice::Iter<'a, Block>, Place, bool);

/// Walks the body in reading order without recursion.
pub fn lines(doc: &Document) -> Vec<Line> {
    let mut out = Vec::new();
    let mut table_no = 0usize;
    let mut para_no = 0usize;
    let mut mark_no = 0usize;
    let mut stack: Vec<Work> = vec![(doc.body.iter(), Place::default(), false)];
    while let Some((iter, place, shaded)) = stack.last_mut() {
        let (place, shaded) = (*place, *shaded);
        match iter.next() {
            None => {
                stack.pop();
            }
            Some(Block::Paragraph(p)) => {
                para_no += 1;
                let mut pl = place;
                pl.paragraph = para_no;
                split_paragraph(p, pl, shaded, &mut mark_no, &mut out);
            }
            Some(Block::Table(t)) => {
                table_no += 1;
                let outer = if place.outer_table == 0 {
                    table_no
                } else {
                    place.outer_table
                };
                // Pushed last cell first: the stack pops them in reading order.
                stack.extend(table_cells(t, table_no, outer).into_iter().rev());
            }
        }
    }
    out
}

/// The cells of table number `table_no` (inside table `outer`), row by row.
fn table_cells(t: &Table, table_no: usize, outer: usize) -> Vec<Work<'_>> {
    let mut items = Vec::new();
    for (r, row) in t.rows.iter().enumerate() {
        for (c, cell) in row.cells.iter().enumerate() {
            let pl = Place {
                table: table_no,
                row: r + 1,
                cell: c + 1,
                paragraph: 0,
                outer_table: outer,
                grid: (cell.grid_col, cell.grid_col + cell.grid_span.max(1)),
            };
            items.push((cell.blocks.iter(), pl, cell.shaded));
        }
    }
    items
}

fn split_paragraph(
    p: &Paragraph,
    place: Place,
    cell_shaded: bool,
    mark_no: &mut usize,
    out: &mut Vec<Line>,
) {
    let blank = || Line {
        text: String::new(),
        marks: Vec::new(),
        place,
        emphasised: false,
        bold: false,
        underline: false,
        runs: Vec::new(),
        shaded: p.shaded || cell_shaded || p.framed(),
        in_text_box: p.in_text_box,
        bidi: p.bidi,
        revised: p.revised,
        notes: Vec::new(),
    };
    let first_new = out.len();
    let mut line = blank();
    let mut fmt = FormatCount::default();
    let mut finish = |line: &mut Line, fmt: &mut FormatCount| {
        // A line counts as emphasised only when (nearly) all of its text is: the form's own
        // wording may have a bold word; a person marking a choice highlights the whole line,
        // perhaps missing a bracket or a space at its end.
        let all = |n: usize| fmt.chars > 0 && n * 10 >= fmt.chars * 9;
        line.emphasised = all(fmt.highlight) || (fmt.chars > 0 && (p.shaded || cell_shaded));
        line.bold = all(fmt.bold);
        line.underline = all(fmt.underline);
        out.push(std::mem::replace(line, blank()));
        *fmt = FormatCount::default();
    };
    for inline in &p.inlines {
        match inline {
            Inline::Text { text, format } => {
                // ASCII text (most of it) counted byte by byte: the same count, faster.
                let n = if text.is_ascii() {
                    ascii_alphanumerics(text.as_bytes())
                } else {
                    text.chars().filter(|c| c.is_alphanumeric()).count()
                };
                line.runs.push((
                    line.text.len() + text.len(),
                    (u8::from(format.highlight) * HIGHLIGHT)
                        | (u8::from(format.bold) * BOLD)
                        | (u8::from(format.underline) * UNDERLINE)
                        | (u8::from(format.strike) * STRIKE)
                        | (u8::from(format.colour) * COLOUR),
                ));
                fmt.chars += n;
                fmt.highlight += if format.highlight { n } else { 0 };
                fmt.bold += if format.bold { n } else { 0 };
                fmt.underline += if format.underline { n } else { 0 };
                line.text.push_str(text);
            }
            Inline::Tab => line.text.push('\t'),
            Inline::Break => finish(&mut line, &mut fmt),
            Inline::Checkbox(cb) => {
                *mark_no += 1;
                let leading = line.text.trim().is_empty();
                line.marks.push(LineMark {
                    id: *mark_no,
                    checkbox: cb.clone(),
                    leading,
                });
            }
        }
    }
    finish(&mut line, &mut fmt);
    if let Some(last) = out.last_mut() {
        last.notes = p.notes.clone();
    }
    for line in &mut out[first_new..] {
        typed_marks_to_marks(line, mark_no);
    }
}

/// `bytes.iter().filter(u8::is_ascii_alphanumeric).count()` for ASCII bytes, in blocks the
/// compiler vectorises: for an ASCII byte, `b | 0x20` is a lower-case letter exactly when `b`
/// is a letter.
fn ascii_alphanumerics(bytes: &[u8]) -> usize {
    let is = |b: u8| u8::from(((b | 0x20).wrapping_sub(b'a') < 26) | (b.wrapping_sub(b'0') < 10));
    let mut blocks = bytes.chunks_exact(32);
    let mut n = 0usize;
    for block in &mut blocks {
        n += usize::from(block.iter().fold(0u8, |k, &b| k + is(b)));
    }
    n + blocks
        .remainder()
        .iter()
        .filter(|b| b.is_ascii_alphanumeric())
        .count()
}

/// Letters and digits of a line, and how many of them carry each kind of emphasis.
#[derive(Default)]
struct FormatCount {
    chars: usize,
    highlight: usize,
    bold: usize,
    underline: usize,
}

/// Turns a mark typed as text — "X\tNo comments", "[x] Authorizes", "… options ⃝): [x]" — into
/// a mark of the line, so that it is placed, counted and explained like any other.
fn typed_marks_to_marks(line: &mut Line, mark_no: &mut usize) {
    // A typed mark struck through was taken back: it stays a mark, left empty.
    let new = |checked: bool, struck: bool, seen: &str, leading: bool, mark_no: &mut usize| {
        *mark_no += 1;
        let note = if checked && struck {
            " (struck through)"
        } else {
            ""
        };
        LineMark {
            id: *mark_no,
            checkbox: Checkbox {
                mechanism: TYPED,
                checked: Some(checked && !struck),
                detail: format!("typed '{}'{note}", seen.trim()),
            },
            leading,
        }
    };
    if let Some((checked, len)) = typed_mark(&line.text) {
        let seen = line.text[..len].to_string();
        let mark = new(
            checked,
            line.emphasis_in(0..len, STRIKE),
            &seen,
            line.marks.iter().all(|m| m.leading),
            mark_no,
        );
        line.text.replace_range(..len, "");
        for r in &mut line.runs {
            r.0 = r.0.saturating_sub(len);
        }
        line.marks.insert(0, mark);
    } else if let Some((checked, start)) = trailing_typed_mark(&line.text) {
        let seen = line.text[start..].to_string();
        let struck = line.emphasis_in(start..line.text.len(), STRIKE);
        let mark = new(checked, struck, &seen, false, mark_no);
        line.text.truncate(start);
        line.marks.push(mark);
    }
}

/// A bracketed mark typed at the end of a line ("… options ⃝): [x]"): (checked, where it starts).
pub fn trailing_typed_mark(text: &str) -> Option<(bool, usize)> {
    let t = text.trim_end();
    for (m, checked) in [
        ("[x]", true),
        ("[X]", true),
        ("(x)", true),
        ("(X)", true),
        ("[ ]", false),
        ("( )", false),
    ] {
        if let Some(rest) = t.strip_suffix(m) {
            if rest.ends_with([' ', '\t', ':', '\u{00A0}']) && !rest.trim().is_empty() {
                return Some((checked, rest.len()));
            }
        }
    }
    None
}

/// A typed mark at the start of a line: "X\tNo comments", "[x] Authorizes", "( ) …".
/// Returns (checked, length in bytes of the mark) — the caller strips it from the text.
pub fn typed_mark(text: &str) -> Option<(bool, usize)> {
    let t = text.trim_start();
    let skip = text.len() - t.len();
    const CHECKED: [&str; 9] = [
        "[x]", "[X]", "(x)", "(X)", "[✓]", "[v]", "[V]", "|X|", "|x|",
    ];
    const EMPTY: [&str; 5] = ["[ ]", "( )", "|_|", "[]", "()"];
    for c in CHECKED {
        if let Some(rest) = t.strip_prefix(c) {
            return Some((
                true,
                skip + c.len() + (t.len() - c.len() - rest.trim_start().len()),
            ));
        }
    }
    for c in EMPTY {
        if let Some(rest) = t.strip_prefix(c) {
            return Some((
                false,
                skip + c.len() + (t.len() - c.len() - rest.trim_start().len()),
            ));
        }
    }
    // A lone X: followed by white space or nothing ("X.1353" is a draft, not a mark).
    let mut chars = t.chars();
    if let Some(c @ ('X' | 'x' | '×' | 'Х' | 'х')) = chars.next() {
        let rest = chars.as_str();
        if rest.is_empty() || rest.starts_with([' ', '\t', '\u{00A0}']) {
            return Some((
                true,
                skip + c.len_utf8() + (rest.len() - rest.trim_start().len()),
            ));
        }
    }
    None
}

/// The mark mechanism of a typed mark.
pub const TYPED: Mechanism = Mechanism::Glyph;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn alphanumerics_counted_in_blocks() {
        let all: Vec<u8> = (0u8..128).cycle().take(1000).collect();
        for end in [0, 1, 31, 32, 33, 64, 100, 1000] {
            let s = &all[..end];
            assert_eq!(
                ascii_alphanumerics(s),
                s.iter().filter(|b| b.is_ascii_alphanumeric()).count()
            );
        }
    }

    #[test]
    fn typed_marks() {
        assert_eq!(typed_mark("X\tNo comments"), Some((true, 2)));
        assert_eq!(typed_mark("[x] Authorizes"), Some((true, 4)));
        assert_eq!(typed_mark("( ) Does not"), Some((false, 4)));
        assert_eq!(typed_mark("X.1353 (X.ztd-iot)"), None);
        assert_eq!(typed_mark("Xavier"), None);
        assert_eq!(typed_mark("x"), Some((true, 1)));
    }
}
