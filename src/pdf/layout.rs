//! From positioned characters and paths back to a word processor's structure: table cells
//! from ruling lines, lines from baselines, words from x-gaps, paragraphs from wrapping, runs
//! with strike-through and highlight, right-to-left lines in logical order, and the marks
//! (glyphs, Wingdings codes, drawn squares, AcroForm widgets) inline where they sit.

use std::collections::BTreeMap;

use unicode_normalization::UnicodeNormalization;

use super::page::{Glyph, Page, Rect, Segment, Widget};
use crate::docx::model::{
    Block, Cell, Checkbox, Document, Inline, Mechanism, Paragraph, Row, RunFormat, Table, VMerge,
};
use crate::docx::symbols;

/// Side of the square LibreOffice draws for a legacy check box (13 pt), with slack.
const BOX_MIN: f64 = 7.0;
const BOX_MAX: f64 = 18.0;
/// Shortest ruling line taken as a cell border.
const MIN_RULE: f64 = 4.0;
/// Position tolerance, in points.
const EPS: f64 = 1.5;

/// What sits on a line: a piece of text or a mark.
#[derive(Debug, Clone)]
enum Kind {
    Text(String, RunFormat),
    Mark(Checkbox),
}

#[derive(Debug, Clone)]
struct Item {
    l: f64,
    r: f64,
    /// Vertical middle, and height (font size or box side).
    mid: f64,
    size: f64,
    kind: Kind,
}

/// PDF text string bytes → text (UTF-16BE with a BOM, else PDFDocEncoding taken as Latin-1).
pub fn pdf_string(b: &[u8]) -> String {
    if b.starts_with(&[0xFE, 0xFF]) {
        let units: Vec<u16> = b[2..]
            .chunks_exact(2)
            .map(|c| u16::from_be_bytes([c[0], c[1]]))
            .collect();
        return String::from_utf16_lossy(&units);
    }
    b.iter().map(|&c| c as char).collect()
}

/// The document of all pages, blocks in reading order.
pub fn document(pages: &[Page]) -> Document {
    let mut doc = Document::default();
    let (mut pairs, mut struck) = (0, 0);
    // The edges of the last block so far, when it is a table.
    let mut last_edges: Option<Edges> = None;
    for (n, page) in pages.iter().enumerate() {
        if let Some(why) = &page.unreadable {
            doc.notes
                .push(format!("PDF page {} could not be read: {why}", n + 1));
            continue;
        }
        if page.truncated {
            doc.notes.push(format!(
                "PDF page {}: more than {} characters and paths, the rest left out",
                n + 1,
                super::limits::MAX_ITEMS_PER_PAGE
            ));
        }
        let out = page_blocks(page);
        pairs += out.pairs;
        struck += out.struck;
        let mut blocks = out.blocks.into_iter().peekable();
        // A table that runs over a page break is one table, as in the document printed; a row
        // split by the break is one row.
        if let Some((Block::Table(next), edges)) =
            blocks.next_if(|b| matches!(b.0, Block::Table(_)))
        {
            match (doc.body.last_mut(), &last_edges) {
                (Some(Block::Table(prev)), Some(before)) if n > 0 => {
                    let split = edges
                        .as_ref()
                        .is_some_and(|after| continues_row(before, after));
                    join_tables(prev, next, split);
                }
                _ => doc.body.push(Block::Table(next)),
            }
            last_edges = edges;
        }
        for (b, e) in blocks {
            doc.body.push(b);
            last_edges = e;
        }
    }
    if pairs > 0 {
        doc.notes.push(format!(
            "{pairs} pair(s) of marks side by side in the PDF: a document printed with tracked changes shows both the old and the new mark; both are kept"
        ));
    }
    if struck > 0 {
        // As a .docx with tracked changes is read with them accepted.
        doc.tracked_changes = true;
        doc.notes.push(format!(
            "{struck} mark(s) struck through in the PDF (a document printed with its tracked changes shown, the old mark deleted beside the new one): read as taken back, left empty; check the reading against the sender's copy"
        ));
    }
    doc
}

/// The rows of `next` added to `prev`; when `split`, its first row goes on with `prev`'s last
/// one: each cell's blocks after those of the cell in the same column, a paragraph cut by the
/// page break joined again.
fn join_tables(prev: &mut Table, next: Table, split: bool) {
    let mut rows = next.rows.into_iter();
    if split {
        if let (Some(last), Some(first)) = (prev.rows.last_mut(), rows.next()) {
            for cell in first.cells {
                match last.cells.iter_mut().find(|c| c.grid_col == cell.grid_col) {
                    Some(c) => join_blocks(&mut c.blocks, cell.blocks),
                    None => last.cells.push(cell),
                }
            }
            last.cells.sort_by_key(|c| c.grid_col);
        }
    }
    prev.rows.extend(rows);
}

fn join_blocks(blocks: &mut Vec<Block>, more: Vec<Block>) {
    let mut more = more.into_iter();
    if let (Some(Block::Paragraph(a)), Some(Block::Paragraph(b))) =
        (blocks.last_mut(), more.as_slice().first())
    {
        let (last, next) = (a.text().chars().last(), b.text().chars().next());
        let glued = last == Some('-') || last.is_some_and(is_cjk) || next.is_some_and(is_cjk);
        if !glued && !a.inlines.is_empty() {
            a.inlines.push(text_inline(" ", RunFormat::default()));
        }
        a.inlines.extend(b.inlines.iter().cloned());
        merge_runs(&mut a.inlines);
        more.next();
    }
    blocks.extend(more);
}

/// What one page gives: its blocks in order of their top (tables with their edges), how many
/// marks stand side by side, and how many are struck through.
struct PageOut {
    blocks: Vec<(Block, Option<Edges>)>,
    pairs: usize,
    struck: usize,
}

fn page_blocks(page: &Page) -> PageOut {
    let (boxes, box_sides) = drawn_boxes(page);
    let rules = Rules::of(page, &box_sides);
    let (mut items, struck) = text_items(page, &rules);
    items.extend(boxes);
    items.extend(widget_items(&page.marks));

    // Items by the cell they sit in (None: outside any table).
    let mut by_cell: BTreeMap<CellKey, Vec<Item>> = BTreeMap::new();
    let mut body: Vec<Item> = Vec::new();
    for it in items {
        match rules.cell_at((it.l + it.r) / 2.0, it.mid) {
            Some(k) => by_cell.entry(k).or_default().push(it),
            None => body.push(it),
        }
    }
    let mut placed: Vec<(f64, Block, Option<Edges>)> = Vec::new();
    let mut pairs = 0;
    for (top, para) in paragraphs(body, None, &mut pairs) {
        placed.push((top, Block::Paragraph(para), None));
    }
    for (top, table, edges) in tables(by_cell, &mut pairs) {
        placed.push((top, Block::Table(table), Some(edges)));
    }
    placed.sort_by(|a, b| a.0.total_cmp(&b.0));
    PageOut {
        blocks: placed.into_iter().map(|(_, b, e)| (b, e)).collect(),
        pairs,
        struck,
    }
}

/// A horizontal line: (y, x0, x1).
type HLine = (f64, f64, f64);

/// Axis-aligned ruling lines of a page: the borders of table cells.
struct Rules {
    /// (y, x0, x1)
    h: Vec<(f64, f64, f64)>,
    /// Horizontal lines that underline or strike through characters: not cell borders.
    text_lines: Vec<(f64, f64, f64)>,
    /// (x, y0, y1)
    v: Vec<(f64, f64, f64)>,
}

/// A cell's rectangle, in tenths of a point (a key that sorts and compares exactly).
type CellKey = (i64, i64, i64, i64);

fn key(v: f64) -> i64 {
    (v * 10.0).round() as i64
}

impl Rules {
    fn of(page: &Page, exclude: &[Rect]) -> Rules {
        let mut h = Vec::new();
        let mut v = Vec::new();
        let inside = |s: &Segment| {
            exclude.iter().any(|r| {
                s.x0.min(s.x1) >= r.l - EPS
                    && s.x0.max(s.x1) <= r.r + EPS
                    && s.y0.min(s.y1) >= r.t - EPS
                    && s.y0.max(s.y1) <= r.b + EPS
            })
        };
        let mut segs: Vec<Segment> = page.lines.iter().filter(|s| !inside(s)).copied().collect();
        // Borders are often drawn as thin filled rectangles.
        for (r, _) in &page.fills {
            if r.h() < 2.0 && r.w() >= MIN_RULE {
                let y = (r.t + r.b) / 2.0;
                segs.push(Segment {
                    x0: r.l,
                    y0: y,
                    x1: r.r,
                    y1: y,
                });
            } else if r.w() < 2.0 && r.h() >= MIN_RULE {
                let x = (r.l + r.r) / 2.0;
                segs.push(Segment {
                    x0: x,
                    y0: r.t,
                    x1: x,
                    y1: r.b,
                });
            }
        }
        for s in segs {
            if (s.y0 - s.y1).abs() < 0.5 && (s.x0 - s.x1).abs() >= MIN_RULE {
                h.push((s.y0, s.x0.min(s.x1), s.x0.max(s.x1)));
            } else if (s.x0 - s.x1).abs() < 0.5 && (s.y0 - s.y1).abs() >= MIN_RULE {
                v.push((s.x0, s.y0.min(s.y1), s.y0.max(s.y1)));
            }
        }
        let (text_lines, h) = split_text_lines(h, &page.glyphs);
        Rules { h, v, text_lines }
    }

    /// The cell around the point: the nearest ruling line on each side that spans it.
    fn cell_at(&self, x: f64, y: f64) -> Option<CellKey> {
        let spans_y = |&&(_, a, b): &&(f64, f64, f64)| a - EPS <= y && y <= b + EPS;
        let spans_x = |&&(_, a, b): &&(f64, f64, f64)| a - EPS <= x && x <= b + EPS;
        let left = self
            .v
            .iter()
            .filter(spans_y)
            .map(|l| l.0)
            .filter(|&lx| lx <= x)
            .reduce(f64::max)?;
        let right = self
            .v
            .iter()
            .filter(spans_y)
            .map(|l| l.0)
            .filter(|&lx| lx > x)
            .reduce(f64::min)?;
        let top = self
            .h
            .iter()
            .filter(spans_x)
            .map(|l| l.0)
            .filter(|&ly| ly <= y)
            .reduce(f64::max)?;
        let bottom = self
            .h
            .iter()
            .filter(spans_x)
            .map(|l| l.0)
            .filter(|&ly| ly > y)
            .reduce(f64::min)?;
        Some((key(left), key(top), key(right), key(bottom)))
    }
}

/// How a horizontal line at `y` sits against a character: under it (underline), through it
/// (strike-through), or neither.
fn line_role(y: f64, g: &Glyph) -> Option<bool> {
    let below = y - g.y;
    if (0.0..=g.size * 0.22).contains(&below) {
        Some(false)
    } else if (g.size * 0.1..=g.size * 0.55).contains(&-below) {
        Some(true)
    } else {
        None
    }
}

/// The horizontal lines that underline or strike through characters, apart from the others.
fn split_text_lines(h: Vec<(f64, f64, f64)>, glyphs: &[Glyph]) -> (Vec<HLine>, Vec<HLine>) {
    let mut by_y: Vec<&Glyph> = glyphs
        .iter()
        .filter(|g| g.size > 0.0 && !g.text.trim().is_empty())
        .collect();
    by_y.sort_by(|a, b| a.y.total_cmp(&b.y));
    h.into_iter().partition(|&(y, x0, x1)| {
        // Only characters whose baseline is within a large font's reach of the line.
        let from = by_y.partition_point(|g| g.y < y - 40.0);
        by_y[from..]
            .iter()
            .take_while(|g| g.y <= y + 40.0)
            .any(|g| {
                let cx = g.x + g.width / 2.0;
                x0 <= cx && cx <= x1 && x1 - x0 < g.size * 60.0 && line_role(y, g).is_some()
            })
    })
}

/// Squares drawn by stroking a rectangle of check-box size, checked when two diagonal strokes
/// cross them (LibreOffice's print of a legacy FORMCHECKBOX). Also gives the squares, whose
/// sides are not ruling lines.
fn drawn_boxes(page: &Page) -> (Vec<Item>, Vec<Rect>) {
    let mut squares: Vec<Rect> = Vec::new();
    for r in &page.stroked_rects {
        let square = (BOX_MIN..=BOX_MAX).contains(&r.w())
            && (BOX_MIN..=BOX_MAX).contains(&r.h())
            && (r.w() - r.h()).abs() < 2.0;
        if square
            && !squares
                .iter()
                .any(|q| (q.l - r.l).abs() < EPS && (q.t - r.t).abs() < EPS)
        {
            squares.push(*r);
        }
    }
    let items = squares
        .iter()
        .map(|q| {
            let diagonals = page
                .lines
                .iter()
                .filter(|s| {
                    let within = |x: f64, y: f64| {
                        x >= q.l - EPS && x <= q.r + EPS && y >= q.t - EPS && y <= q.b + EPS
                    };
                    within(s.x0, s.y0)
                        && within(s.x1, s.y1)
                        && (s.x0 - s.x1).abs() > q.w() * 0.5
                        && (s.y0 - s.y1).abs() > q.h() * 0.5
                })
                .count();
            Item {
                l: q.l,
                r: q.r,
                mid: (q.t + q.b) / 2.0,
                size: q.h(),
                kind: Kind::Mark(Checkbox {
                    mechanism: Mechanism::LegacyCheckbox,
                    checked: Some(diagonals >= 2),
                    detail: format!(
                        "drawn square {:.1} pt{} (a printed legacy check box)",
                        q.w(),
                        if diagonals >= 2 { ", crossed" } else { "" }
                    ),
                }),
            }
        })
        .collect();
    (items, squares)
}

fn widget_items(widgets: &[Widget]) -> Vec<Item> {
    widgets
        .iter()
        .map(|w| match w {
            Widget::Box(r, c) => Item {
                l: r.l,
                r: r.r,
                mid: (r.t + r.b) / 2.0,
                size: r.h().max(1.0),
                kind: Kind::Mark(c.clone()),
            },
            Widget::Text(r, t) => Item {
                l: r.l,
                r: r.r,
                mid: (r.t + r.b) / 2.0,
                size: r.h().clamp(1.0, 14.0),
                kind: Kind::Text(t.clone(), RunFormat::default()),
            },
        })
        .collect()
}

/// Characters as items, marks recognised, strike-through and highlight read from the paths
/// that cross or lie under them. Also says how many marks were struck through.
fn text_items(page: &Page, rules: &Rules) -> (Vec<Item>, usize) {
    let mut out = Vec::new();
    let mut struck = 0;
    let mut prev: Option<&Glyph> = None;
    for g in &page.glyphs {
        let text: String = if g.text.chars().any(is_arabic_form) {
            g.text.nfkc().collect()
        } else {
            g.text.clone()
        };
        if text.chars().all(char::is_whitespace) || g.size <= 0.0 {
            continue;
        }
        let after = prev.replace(g);
        let mid = g.y - g.size * 0.3;
        let kind = match mark_of(&text) {
            // A combining mark with no base ("⃝" alone) is shaped as two glyphs, the second
            // of no advance, both mapped to the one character: one mark, as in the document.
            Some(_) if g.width.abs() < 0.01 && after.is_some_and(|p| same_cluster(p, g)) => {
                continue
            }
            Some(mut c) => {
                // A mark struck through was taken back: the deletion of a document printed with
                // its tracked changes shown (the new mark, underlined, stands beside it), or a
                // person's own strike. It stays a mark, left empty, and the reader is told.
                if format_of(g, page, rules).strike {
                    struck += 1;
                    c.checked = Some(false);
                    c.detail.push_str(STRUCK);
                }
                Kind::Mark(c)
            }
            None => Kind::Text(text, format_of(g, page, rules)),
        };
        out.push(Item {
            l: g.x,
            r: g.x + g.width.max(0.0),
            mid,
            size: g.size,
            kind,
        });
    }
    (out, struck)
}

/// Said of a mark struck through, in its detail.
const STRUCK: &str = " (struck through)";

/// The second glyph is the first one's character again, drawn where the first ends.
fn same_cluster(first: &Glyph, second: &Glyph) -> bool {
    first.text == second.text
        && (first.y - second.y).abs() < 0.5
        && (first.x + first.width - second.x).abs() < 0.5
}

fn is_arabic_form(c: char) -> bool {
    matches!(c as u32, 0xFB50..=0xFDFF | 0xFE70..=0xFEFF)
}

/// A character that stands for a box: a ballot-box glyph in any font, or a Wingdings code in
/// the private-use range (the font's name is not known here: Wingdings, the common one).
fn mark_of(text: &str) -> Option<Checkbox> {
    let mut chars = text.chars();
    let c = chars.next()?;
    if chars.next().is_some() {
        return None;
    }
    if let Some(state) = symbols::glyph_state(c) {
        return Some(Checkbox {
            mechanism: Mechanism::Glyph,
            checked: Some(state),
            detail: symbols::glyph_detail(c),
        });
    }
    if (0xF000..=0xF0FF).contains(&(c as u32)) {
        let code = symbols::font_code(c)?;
        let font = symbols::SymbolFont::Wingdings;
        let state = symbols::symbol_state(font, code)?;
        return Some(Checkbox {
            mechanism: Mechanism::Symbol,
            checked: Some(state),
            detail: symbols::symbol_detail(font, code),
        });
    }
    None
}

/// Strike-through: a horizontal line through the middle of the character that is not a cell
/// border. Highlight: a coloured fill of about a line's height under it.
fn format_of(g: &Glyph, page: &Page, rules: &Rules) -> RunFormat {
    let cx = g.x + g.width / 2.0;
    let band = (g.y - g.size * 0.55)..(g.y - g.size * 0.1);
    let role = |want: bool| {
        rules
            .text_lines
            .iter()
            .any(|&(y, x0, x1)| x0 <= cx && cx <= x1 && line_role(y, g) == Some(want))
    };
    let underline = role(false);
    let strike = role(true)
        || page.fills.iter().any(|(r, _)| {
            r.h() < 2.0 && band.contains(&((r.t + r.b) / 2.0)) && r.l <= cx && cx <= r.r
        });
    let cy = g.y - g.size * 0.3;
    let highlight = page.fills.iter().any(|(r, white)| {
        !white
            && r.h() >= g.size * 0.6
            && r.h() <= g.size * 2.5
            && r.l <= cx
            && cx <= r.r
            && r.t <= cy
            && cy <= r.b
    });
    RunFormat {
        strike,
        underline,
        highlight,
        ..RunFormat::default()
    }
}

/// A line of items left to right, and its extent.
struct Line {
    items: Vec<Item>,
    top: f64,
    mid: f64,
    size: f64,
    l: f64,
    r: f64,
}

/// Items grouped by their vertical middle, each group sorted left to right.
fn lines(mut items: Vec<Item>) -> Vec<Line> {
    items.sort_by(|a, b| a.mid.total_cmp(&b.mid));
    let mut out: Vec<Line> = Vec::new();
    for it in items {
        let text_size = if matches!(it.kind, Kind::Text(..)) {
            it.size
        } else {
            0.0
        };
        match out.last_mut() {
            Some(line) if (it.mid - line.mid).abs() <= line.size.max(it.size.min(12.0)) * 0.45 => {
                line.l = line.l.min(it.l);
                line.r = line.r.max(it.r);
                line.top = line.top.min(it.mid - it.size / 2.0);
                if text_size > line.size {
                    line.size = text_size;
                }
                line.items.push(it);
            }
            _ => out.push(Line {
                top: it.mid - it.size / 2.0,
                mid: it.mid,
                size: if text_size > 0.0 {
                    text_size
                } else {
                    it.size.min(12.0)
                },
                l: it.l,
                r: it.r,
                items: vec![it],
            }),
        }
    }
    for line in &mut out {
        line.items.sort_by(|a, b| a.l.total_cmp(&b.l));
    }
    out
}

/// The paragraphs of one region (a cell, or the page outside tables), each with its top: a
/// line continues the paragraph above when that one ran to the region's edge (it wrapped).
fn paragraphs(items: Vec<Item>, _cell: Option<Rect>, pairs: &mut usize) -> Vec<(f64, Paragraph)> {
    let lines = lines(items);
    let left = lines.iter().map(|l| l.l).fold(f64::MAX, f64::min);
    let right = lines.iter().map(|l| l.r).fold(f64::MIN, f64::max);
    let mut out: Vec<(f64, Paragraph)> = Vec::new();
    let mut prev: Option<(&Line, bool)> = None;
    for line in &lines {
        let (inlines, rtl) = line_inlines(line, pairs);
        let starts_with_mark = matches!(line.items.first().map(|i| &i.kind), Some(Kind::Mark(_)))
            || matches!(line.items.last().map(|i| &i.kind), Some(Kind::Mark(_))) && rtl
            // A mark typed at the start ("X  No comments") begins a choice as a box does.
            || typed_mark_first(&inlines);
        let continues = prev.is_some_and(|(p, prtl)| {
            // It wrapped when the next line's first word would not have fitted after it.
            let word = first_word(line, prtl) + p.size * 0.3;
            let wrapped = if prtl {
                p.l - word <= left + 1.0
            } else {
                p.r + word >= right - 1.0
            };
            wrapped
                && prtl == rtl
                && !starts_with_mark
                && line.mid - p.mid <= p.size * 1.8
                // Two lines with marks are two choices, however long the first.
                && !(has_mark(p) && has_mark(line))
        });
        match out.last_mut() {
            Some((_, para)) if continues => {
                // A line that wrapped after a hyphen ("ITU-" / "T") goes on without a space.
                // Nor does Chinese text, or a draft number cut after a digit or a dot.
                let last = match para.inlines.last() {
                    Some(Inline::Text { text, .. }) => text.chars().last(),
                    _ => None,
                };
                let next = match inlines.first() {
                    Some(Inline::Text { text, .. }) => text.chars().next(),
                    _ => None,
                };
                let cjk = |c: Option<char>| c.is_some_and(is_cjk);
                // In Chinese text a word processor breaks a Latin word anywhere ("E.CLI-sp" /
                // "oof)"): a line that ran flush to the edge there goes on in the same word.
                let latin = |c: Option<char>| c.is_some_and(|c| c.is_ascii_alphanumeric());
                let flush = prev.is_some_and(|(p, _)| p.r >= right - p.size * 0.6);
                let cut_word = latin(last)
                    && latin(next)
                    && flush
                    && (para.text().chars().any(is_cjk)
                        || inlines.iter().any(
                            |i| matches!(i, Inline::Text { text, .. } if text.chars().any(is_cjk)),
                        ));
                let glued = last == Some('-')
                    || cjk(last)
                    || cjk(next)
                    || cut_word
                    || (last.is_some_and(|c| c == '.' || c.is_ascii_digit())
                        && next.is_some_and(|c| c.is_ascii_digit())
                        && is_cut_number(para, &inlines));
                if !glued {
                    para.inlines.push(Inline::Text {
                        text: " ".into(),
                        format: RunFormat::default(),
                    });
                }
                para.inlines.extend(inlines);
            }
            _ => out.push((
                line.top,
                Paragraph {
                    inlines,
                    bidi: rtl,
                    ..Paragraph::default()
                },
            )),
        }
        prev = Some((line, rtl));
    }
    for (_, p) in &mut out {
        merge_runs(&mut p.inlines);
    }
    out
}

/// The line's text, up to its first mark, starts with a typed mark.
fn typed_mark_first(inlines: &[Inline]) -> bool {
    let mut text = String::new();
    for i in inlines {
        match i {
            Inline::Text { text: t, .. } => text.push_str(t),
            _ => break,
        }
    }
    !text.trim().is_empty() && crate::form::layout::typed_mark(&text).is_some()
}

fn is_cjk(c: char) -> bool {
    matches!(c as u32, 0x3000..=0x9FFF | 0xF900..=0xFAFF | 0xFF00..=0xFFEF)
}

/// A draft number cut at the end of a line ("E.1" / "57.1"): the text before the break ends in
/// a letter, a dot and digits, and the next line starts with digits.
fn is_cut_number(para: &Paragraph, _next: &[Inline]) -> bool {
    let Some(Inline::Text { text, .. }) = para.inlines.last() else {
        return false;
    };
    let tail: String = text
        .chars()
        .rev()
        .take_while(|c| !c.is_whitespace())
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    let mut parts = tail.splitn(2, '.');
    let (Some(series), Some(num)) = (parts.next(), parts.next()) else {
        return false;
    };
    series
        .chars()
        .last()
        .is_some_and(|c| c.is_ascii_uppercase())
        && series.chars().filter(|c| c.is_ascii_alphabetic()).count() <= 3
        && num.chars().all(|c| c.is_ascii_digit() || c == '.')
}

/// Width of the first word of a line (the rightmost one when it reads right to left).
fn first_word(line: &Line, rtl: bool) -> f64 {
    let gap = line.size * 0.15;
    let items: Vec<&Item> = if rtl {
        line.items.iter().rev().collect()
    } else {
        line.items.iter().collect()
    };
    let Some(first) = items.first() else {
        return 0.0;
    };
    let (mut l, mut r) = (first.l, first.r);
    for pair in items.windows(2) {
        let (a, b) = (pair[0], pair[1]);
        let apart = if rtl { a.l - b.r } else { b.l - a.r };
        if apart > gap {
            break;
        }
        l = l.min(b.l);
        r = r.max(b.r);
    }
    r - l
}

fn has_mark(line: &Line) -> bool {
    line.items.iter().any(|i| matches!(i.kind, Kind::Mark(_)))
}

/// Bidi class of a token, enough to put a line back in logical order.
#[derive(Clone, Copy, PartialEq)]
enum Dir {
    L,
    R,
    N,
}

fn dir_of(s: &str) -> Dir {
    for c in s.chars() {
        if is_rtl(c) {
            return Dir::R;
        }
        if c.is_alphanumeric() {
            return Dir::L;
        }
    }
    Dir::N
}

fn is_rtl(c: char) -> bool {
    matches!(c as u32, 0x0590..=0x08FF | 0xFB1D..=0xFDFF | 0xFE70..=0xFEFF)
}

/// The inlines of a line in logical order (words from x-gaps; a right-to-left line reversed,
/// its left-to-right runs kept as they read), and whether it reads right to left.
fn line_inlines(line: &Line, pairs: &mut usize) -> (Vec<Inline>, bool) {
    // Tokens in visual order: (text or mark, direction).
    let mut tokens: Vec<(Inline, Dir)> = Vec::new();
    let mut last_r: Option<f64> = None;
    let mut last_mark = false;
    let mut last_hyphen = false;
    for it in &line.items {
        if let Some(r) = last_r {
            // A non-breaking hyphen is often drawn with a wrong advance: no word ends there.
            let gap = if last_hyphen { 0.6 } else { 0.15 };
            if it.l - r > line.size * gap {
                tokens.push((text_inline(" ", RunFormat::default()), Dir::N));
            }
        }
        match &it.kind {
            Kind::Text(t, f) => {
                last_hyphen = matches!(t.as_str(), "-" | "\u{2010}" | "\u{2011}");
                let t = if t == "\u{2011}" { "-" } else { t.as_str() };
                tokens.push((text_inline(t, *f), dir_of(t)));
                last_mark = false;
            }
            Kind::Mark(c) => {
                // A struck mark beside another is a tracked change already told of.
                let struck = c.detail.ends_with(STRUCK);
                if last_mark && !struck {
                    *pairs += 1;
                }
                tokens.push((Inline::Checkbox(c.clone()), Dir::N));
                last_mark = !struck;
                last_hyphen = false;
            }
        }
        last_r = Some(last_r.map_or(it.r, |r: f64| r.max(it.r)));
    }
    let rtl = tokens.iter().filter(|t| t.1 == Dir::R).count()
        > tokens.iter().filter(|t| t.1 == Dir::L).count();
    if !rtl {
        return (tokens.into_iter().map(|t| t.0).collect(), false);
    }
    // Neutrals between two left-to-right tokens go with them; the rest read right to left.
    let dirs: Vec<Dir> = tokens.iter().map(|t| t.1).collect();
    let resolved: Vec<Dir> = (0..dirs.len())
        .map(|i| match dirs[i] {
            Dir::N => {
                let before = dirs[..i].iter().rev().find(|d| **d != Dir::N);
                let after = dirs[i + 1..].iter().find(|d| **d != Dir::N);
                if before == Some(&Dir::L) && after == Some(&Dir::L) {
                    Dir::L
                } else {
                    Dir::R
                }
            }
            d => d,
        })
        .collect();
    let mut out: Vec<Inline> = Vec::with_capacity(tokens.len());
    let mut i = tokens.len();
    while i > 0 {
        if resolved[i - 1] == Dir::L {
            let end = i;
            while i > 0 && resolved[i - 1] == Dir::L {
                i -= 1;
            }
            out.extend(tokens[i..end].iter().map(|t| t.0.clone()));
        } else {
            i -= 1;
            out.push(mirror(tokens[i].0.clone()));
        }
    }
    (out, true)
}

fn text_inline(t: &str, format: RunFormat) -> Inline {
    Inline::Text {
        text: t.to_string(),
        format,
    }
}

/// Brackets read right to left are drawn mirrored.
fn mirror(i: Inline) -> Inline {
    match i {
        Inline::Text { text, format } => Inline::Text {
            text: text
                .chars()
                .map(|c| match c {
                    '(' => ')',
                    ')' => '(',
                    '[' => ']',
                    ']' => '[',
                    c => c,
                })
                .collect(),
            format,
        },
        other => other,
    }
}

/// Adjacent text pieces of the same format joined into one run.
fn merge_runs(inlines: &mut Vec<Inline>) {
    let mut out: Vec<Inline> = Vec::with_capacity(inlines.len());
    for i in inlines.drain(..) {
        match (out.last_mut(), i) {
            (Some(Inline::Text { text, format }), Inline::Text { text: t, format: f })
                if *format == f || t == " " =>
            {
                text.push_str(&t)
            }
            (_, i) => out.push(i),
        }
    }
    *inlines = out;
}

/// Cells grouped into tables (cells that share a border belong together), rows by the top of
/// their cells, grid columns by the distinct x of their borders.
fn tables(by_cell: BTreeMap<CellKey, Vec<Item>>, pairs: &mut usize) -> Vec<(f64, Table, Edges)> {
    let cells: Vec<(CellKey, Vec<Item>)> = by_cell.into_iter().collect();
    let n = cells.len();
    let mut group: Vec<usize> = (0..n).collect();
    fn find(g: &mut [usize], mut i: usize) -> usize {
        while g[i] != i {
            g[i] = g[g[i]];
            i = g[i];
        }
        i
    }
    let touch = |a: &CellKey, b: &CellKey| {
        let e = 15; // 1.5 pt in tenths
        let xo = a.0 < b.2 + e && b.0 < a.2 + e;
        let yo = a.1 < b.3 + e && b.1 < a.3 + e;
        xo && yo
    };
    for i in 0..n {
        for j in i + 1..n {
            if touch(&cells[i].0, &cells[j].0) {
                let (a, b) = (find(&mut group, i), find(&mut group, j));
                group[a] = b;
            }
        }
    }
    let mut groups: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for i in 0..n {
        let g = find(&mut group, i);
        groups.entry(g).or_default().push(i);
    }
    let mut cells: Vec<Option<(CellKey, Vec<Item>)>> = cells.into_iter().map(Some).collect();
    groups
        .into_values()
        .map(|members| {
            let taken: Vec<(CellKey, Vec<Item>)> =
                members.iter().filter_map(|&i| cells[i].take()).collect();
            table_of(taken, pairs)
        })
        .collect()
}

/// Distinct values, those within 1.5 pt of each other taken as one.
fn distinct(mut v: Vec<i64>) -> Vec<i64> {
    v.sort_unstable();
    let mut out: Vec<i64> = Vec::new();
    for x in v {
        if out.last().is_none_or(|l| x - l > 15) {
            out.push(x);
        }
    }
    out
}

fn index_of(grid: &[i64], x: i64) -> usize {
    grid.iter()
        .position(|g| (g - x).abs() <= 15)
        .unwrap_or_else(|| grid.iter().filter(|g| **g < x).count())
}

/// Where the text of a table's first and last rows begins and ends, to tell whether a row
/// runs on over a page break (see [`continues_row`]).
#[derive(Debug, Default, Clone)]
pub(crate) struct Edges {
    /// Per cell of the first row: its grid column and the width its first line's first word
    /// needs (with the space before it), when it has text.
    first: Vec<(usize, Option<f64>)>,
    /// Per cell of the last row: its grid column and the room left after its last line, when
    /// it has text.
    last: Vec<(usize, Option<f64>)>,
}

/// The first word's width and the room after the last line of a cell's text, against the
/// cell's own borders less its padding (taken as the same on both sides).
fn cell_edge(items: &[Item], rect: Rect) -> (Option<f64>, Option<f64>) {
    let lines = lines(items.to_vec());
    let texty = |l: &&Line| l.items.iter().any(|i| matches!(i.kind, Kind::Text(..)));
    let (Some(first), Some(last)) = (lines.iter().find(texty), lines.iter().rev().find(texty))
    else {
        return (None, None);
    };
    let pad_l = lines
        .iter()
        .map(|l| l.l - rect.l)
        .fold(f64::MAX, f64::min)
        .max(0.0);
    let pad_r = lines
        .iter()
        .map(|l| rect.r - l.r)
        .fold(f64::MAX, f64::min)
        .max(0.0);
    let rtl = line_rtl(last);
    let room = if rtl {
        last.l - (rect.l + pad_r)
    } else {
        (rect.r - pad_l) - last.r
    };
    // A line that ends a sentence or a bracket ended its paragraph, whatever room it left.
    let end = if rtl {
        last.items.first()
    } else {
        last.items.last()
    };
    let ended = matches!(end.map(|i| &i.kind), Some(Kind::Text(t, _))
        if t.ends_with(['.', ')', ':', ';', '!', '?', '。', '）', '：', '؛', '؟']));
    let room = if ended { f64::INFINITY } else { room };
    let word = first_word(first, line_rtl(first)) + first.size * 0.3;
    (Some(word), Some(room))
}

/// A line reads right to left: more of its text is right-to-left than left-to-right.
fn line_rtl(line: &Line) -> bool {
    let (mut r, mut l) = (0, 0);
    for i in &line.items {
        if let Kind::Text(t, _) = &i.kind {
            match dir_of(t) {
                Dir::R => r += 1,
                Dir::L => l += 1,
                Dir::N => {}
            }
        }
    }
    r > l
}

/// The first row of a table at the top of a page goes on with the last row of the table at the
/// foot of the page before (the word processor split the row at the page break): in every
/// column with text on both sides, the first word on the new page would not have fitted after
/// the last line on the old one — the text wrapped there, it did not end.
pub(crate) fn continues_row(before: &Edges, after: &Edges) -> bool {
    let mut pairs = 0;
    for (col, word) in &after.first {
        let Some(word) = word else { continue };
        let Some((_, room)) = before.last.iter().find(|(c, _)| c == col) else {
            continue;
        };
        let Some(room) = room else { continue };
        if word <= room {
            return false;
        }
        pairs += 1;
    }
    pairs > 0
}

fn table_of(cells: Vec<(CellKey, Vec<Item>)>, pairs: &mut usize) -> (f64, Table, Edges) {
    let tops = distinct(cells.iter().map(|c| c.0 .1).collect());
    let cols = distinct(cells.iter().flat_map(|c| [c.0 .0, c.0 .2]).collect());
    let mut rows: Vec<Row> = vec![Row::default(); tops.len()];
    // A right-to-left table's first column is its rightmost, as in the document.
    let rtl = {
        let dirs = cells
            .iter()
            .flat_map(|c| &c.1)
            .filter_map(|i| match &i.kind {
                Kind::Text(t, _) => Some(dir_of(t)),
                _ => None,
            });
        let (r, l) = dirs.fold((0, 0), |(r, l), d| match d {
            Dir::R => (r + 1, l),
            Dir::L => (r, l + 1),
            Dir::N => (r, l),
        });
        r > l
    };
    let last = cols.len().saturating_sub(1);
    let mut edges = Edges::default();
    for (k, items) in cells {
        let (l, t, r, b) = k;
        let row = index_of(&tops, t);
        let (from, to) = (index_of(&cols, l), index_of(&cols, r));
        let span = to.saturating_sub(from).max(1);
        let col = if rtl { last.saturating_sub(to) } else { from };
        let covered = tops.iter().filter(|&&y| y > t + 15 && y < b - 15).count();
        let rect = Rect {
            l: l as f64 / 10.0,
            t: t as f64 / 10.0,
            r: r as f64 / 10.0,
            b: b as f64 / 10.0,
        };
        if row == 0 || row + 1 + covered == tops.len() {
            let (word, room) = cell_edge(&items, rect);
            if row == 0 {
                edges.first.push((col, word));
            }
            if row + 1 + covered == tops.len() {
                edges.last.push((col, room));
            }
        }
        let blocks = paragraphs(items, Some(rect), pairs)
            .into_iter()
            .map(|(_, p)| Block::Paragraph(p))
            .collect();
        rows[row].cells.push(Cell {
            blocks,
            grid_col: col,
            grid_span: span,
            v_merge: if covered > 0 {
                VMerge::Restart
            } else {
                VMerge::None
            },
            shaded: false,
        });
        for next in rows.iter_mut().skip(row + 1).take(covered) {
            next.cells.push(Cell {
                blocks: Vec::new(),
                grid_col: col,
                grid_span: span,
                v_merge: VMerge::Continue,
                shaded: false,
            });
        }
    }
    for row in &mut rows {
        row.cells.sort_by_key(|c| c.grid_col);
    }
    let top = tops.first().copied().unwrap_or(0) as f64 / 10.0;
    (top, Table { rows }, edges)
}
