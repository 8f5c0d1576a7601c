//! Matrix forms: one row per draft and a column per choice, under a header of one or more rows
//! ("Authorizes" spanning "No comments" and "Comments attached", then "Does not authorize").
//! A column is known by the grid columns it covers, so a header cell that spans several
//! columns (`w:gridSpan`) stands over each of them.

use super::labels::LineKind;
use super::Info;
use crate::form::layout::Line;

/// The header of a matrix table: its rows and what each column stands for.
pub(super) struct MatrixHeader {
    pub table: usize,
    /// First and last header row (1-based).
    pub rows: (usize, usize),
    columns: Vec<Column>,
}

/// A header label and the grid columns it covers.
#[derive(Debug, Clone, Copy)]
struct Column {
    grid: (usize, usize),
    kind: LineKind,
}

/// What a cell of a draft's row stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Choice {
    pub kind: LineKind,
    /// An option column under a header *authorizes* spanning it: its box is also the
    /// *authorizes* box.
    pub under_authorize: bool,
}

impl MatrixHeader {
    pub fn is_header_row(&self, row: usize) -> bool {
        (self.rows.0..=self.rows.1).contains(&row)
    }

    /// The choice of the cell covering grid columns `grid`: the narrowest header over it.
    pub fn choice(&self, grid: (usize, usize)) -> Option<Choice> {
        let over = |c: &&Column| c.grid.0 <= grid.0 && grid.1 <= c.grid.1;
        let narrowest = self
            .columns
            .iter()
            .filter(over)
            .min_by_key(|c| c.grid.1 - c.grid.0)?;
        let option = matches!(
            narrowest.kind,
            LineKind::NoComments | LineKind::WithComments
        );
        let under_authorize = option
            && self
                .columns
                .iter()
                .filter(over)
                .any(|c| c.kind == LineKind::Authorize);
        Some(Choice {
            kind: narrowest.kind,
            under_authorize,
        })
    }

    /// The kinds of line every draft row of this table has.
    pub fn kinds(&self) -> impl Iterator<Item = LineKind> + '_ {
        self.columns.iter().map(|c| c.kind)
    }
}

/// Finds matrix headers: the rows of a table before its first draft row, with no marks and no
/// draft named, whose labels hold both decisions in different columns.
pub(super) fn matrix_headers(
    lines: &[Line],
    infos: &[Info],
    start: usize,
    last: usize,
) -> Vec<MatrixHeader> {
    let mut out: Vec<MatrixHeader> = Vec::new();
    let mut open: Option<MatrixHeader> = None;
    for row in rows(lines, infos, start, last) {
        if out.iter().any(|m| m.table == row.table) {
            continue;
        }
        let follows = open
            .as_ref()
            .is_some_and(|h| h.table == row.table && row.row == h.rows.1 + 1);
        if !follows {
            open = None;
        }
        if row.clean {
            let h = open.get_or_insert(MatrixHeader {
                table: row.table,
                rows: (row.row, row.row),
                columns: Vec::new(),
            });
            h.rows.1 = row.row;
            for c in row.labels {
                if !h.columns.iter().any(|o| o.grid == c.grid) {
                    h.columns.push(c);
                }
            }
        } else if let Some(h) = open.take() {
            // The first draft row ends the header.
            if decisions_apart(&h.columns) {
                out.push(h);
            }
        }
    }
    out
}

/// One table row as the header search sees it.
struct Row {
    table: usize,
    row: usize,
    /// No marks, nothing typed, no draft named.
    clean: bool,
    labels: Vec<Column>,
}

/// The table rows of lines `start..=last`, in order.
fn rows(lines: &[Line], infos: &[Info], start: usize, last: usize) -> Vec<Row> {
    let mut out: Vec<Row> = Vec::new();
    for i in start..=last {
        let (place, info) = (lines[i].place, &infos[i]);
        if place.table == 0 {
            continue;
        }
        if !out
            .last()
            .is_some_and(|r| r.table == place.table && r.row == place.row)
        {
            out.push(Row {
                table: place.table,
                row: place.row,
                clean: true,
                labels: Vec::new(),
            });
        }
        let Some(r) = out.last_mut() else { continue };
        r.clean &= lines[i].marks.is_empty() && info.typed.is_none() && info.drafts.is_empty();
        if let Some(l) = info.label.filter(|l| !l.sentence) {
            r.labels.push(Column {
                grid: place.grid,
                kind: l.kind,
            });
        }
    }
    out
}

/// Both decisions head columns of their own.
fn decisions_apart(columns: &[Column]) -> bool {
    let of = |k: LineKind| columns.iter().find(|c| c.kind == k).map(|c| c.grid);
    match (of(LineKind::Authorize), of(LineKind::NotAuthorize)) {
        (Some(a), Some(n)) => a.1 <= n.0 || n.1 <= a.0,
        _ => false,
    }
}
