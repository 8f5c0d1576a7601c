//! The annex's tables: results, the counts of one draft, the Member States × drafts matrix,
//! and the two tables that grow with the number of files (replies left out, files not read),
//! whose rows are made one at a time by [`super::edits`] while the document is written out.

use docx_rs::{AlignmentType, HeightRule, Paragraph, Run, Table, TableCell, TableRow};

use super::layout::*;
use crate::record::{Failure, Records, Reply};
use crate::report::view;
use crate::tally::{DraftTally, Summary, Verdict};

/// A draft's verdict, bold on the verdict's colour.
fn verdict_cell(v: Verdict, width: usize, align: AlignmentType) -> TableCell {
    cell_of(width)
        .shading(shaded(verdict_fill(v)))
        .add_paragraph(
            Paragraph::new()
                .style("TableText")
                .align(align)
                .add_run(Run::new().add_text(v.as_str()).bold()),
        )
}

/// The header row of a table: one cell per heading, aligned as given.
fn head_row<'a>(
    heads: impl Iterator<Item = (&'a &'a str, AlignmentType)>,
    widths: &[usize],
) -> TableRow {
    header_row(
        heads
            .zip(widths)
            .map(|((h, a), w)| head_cell(h, *w, a))
            .collect(),
    )
}

/// The headings of the results table and of a draft's counts, as they read across.
#[rustfmt::skip]
const RESULT_HEADS: [&str; 8] = [
    "Draft", "Replies", "Authorize", "with comments", "Do not authorize", "Both marked",
    "Support", "Verdict",
];
#[rustfmt::skip]
const COUNT_HEADS: [&str; 8] = [
    "Replies", "Authorize", "of which with comments", "Does not authorize",
    "Conflicts (both marked)", "No reply", "Support", "Verdict",
];

/// The results table: one row per draft.
pub(super) fn results_table(summary: &Summary) -> Table {
    let widths = [1900, 900, 1150, 1150, 1100, 900, 950, 1588];
    debug_assert_eq!(widths.iter().sum::<usize>(), PORTRAIT_WIDTH);
    let c = AlignmentType::Center;
    let l = AlignmentType::Left;
    let heads = RESULT_HEADS.iter().zip([l, c, c, c, c, c, c, l]);
    let mut rows = vec![head_row(heads, &widths)];
    for d in &summary.drafts {
        let mut draft_cell = cell_of(widths[0]).add_paragraph(
            Paragraph::new()
                .style("TableText")
                .add_run(Run::new().add_text(t(&d.draft)).bold()),
        );
        if let Some(pv) = d
            .provisional
            .as_deref()
            .filter(|p| !p.is_empty() && *p != d.draft)
        {
            draft_cell = draft_cell.add_paragraph(p("TableText", &format!("({pv})")));
        }
        let cells = vec![
            draft_cell,
            cell(&view::answered(d).to_string(), widths[1], c),
            cell(&d.authorize.to_string(), widths[2], c),
            cell(&d.with_comments.to_string(), widths[3], c),
            cell(&d.not_authorize.to_string(), widths[4], c),
            cell(&d.conflict.to_string(), widths[5], c),
            cell(&view::support_text(d), widths[6], c),
            verdict_cell(d.verdict(), widths[7], l),
        ];
        rows.push(row(cells));
    }
    table(rows, &widths)
}

/// The counts of one draft, for its own section: a header row and a row of numbers.
pub(super) fn draft_counts_table(d: &DraftTally) -> Table {
    let widths = [900, 1150, 1150, 1150, 1150, 900, 950, 2288];
    debug_assert_eq!(widths.iter().sum::<usize>(), PORTRAIT_WIDTH);
    let c = AlignmentType::Center;
    let heads = COUNT_HEADS.iter().zip([c; 8]);
    let head = head_row(heads, &widths);
    let values = [
        view::answered(d).to_string(),
        d.authorize.to_string(),
        d.with_comments.to_string(),
        d.not_authorize.to_string(),
        d.conflict.to_string(),
        d.no_reply.to_string(),
        view::support_text(d),
    ];
    let mut cells: Vec<TableCell> = values
        .iter()
        .zip(widths)
        .map(|(v, w)| cell(v, w, c))
        .collect();
    cells.push(verdict_cell(d.verdict(), widths[7], c));
    table(vec![head, row(cells)], &widths)
}

/// The matrix tables (several when there are many drafts), with a support row at the foot.
pub(super) fn matrix_tables(summary: &Summary, records: &Records) -> Vec<Table> {
    let drafts = view::drafts(summary);
    let rows = view::matrix(records, &drafts);
    let mut tables = Vec::new();
    let chunks: Vec<(usize, usize)> = (0..drafts.len())
        .step_by(MATRIX_DRAFTS_PER_TABLE)
        .map(|s| (s, (s + MATRIX_DRAFTS_PER_TABLE).min(drafts.len())))
        .collect();
    for (from, to) in chunks {
        let n = to - from;
        let name_w = 3200;
        let col_w = ((LANDSCAPE_WIDTH - name_w) / n.max(1)).min(1600);
        let mut widths = vec![name_w];
        widths.extend(std::iter::repeat_n(col_w, n));
        let c = AlignmentType::Center;
        let mut head = vec![head_cell("Member State", name_w, AlignmentType::Left)];
        for d in drafts.get(from..to).unwrap_or_default() {
            let label = match d.provisional.as_deref() {
                Some(pv) if !pv.is_empty() && pv != d.draft => format!("{}\n{pv}", d.draft),
                _ => d.draft.clone(),
            };
            head.push(head_cell(&label, col_w, c));
        }
        let mut out = vec![header_row(head)];
        // Tight rows, so that some thirty Member States fit on one landscape page.
        let tight = |text: &str, width: usize, align: AlignmentType| {
            cell_of(width).add_paragraph(p("MatrixText", text).align(align))
        };
        for r in &rows {
            let mut cells = vec![tight(
                &view::state_name(r.reply),
                name_w,
                AlignmentType::Left,
            )];
            for m in r.marks.get(from..to).unwrap_or_default() {
                let mut tc = tight(m.code(), col_w, c);
                if let Some(fill) = mark_fill(*m) {
                    tc = tc.shading(shaded(fill));
                }
                cells.push(tc);
            }
            out.push(row(cells));
        }
        let mut foot = vec![cell_of(name_w)
            .shading(shaded(HEADER_FILL))
            .add_paragraph(p("TableHeading", "Support"))];
        for d in summary.drafts.get(from..to).unwrap_or_default() {
            foot.push(
                cell_of(col_w)
                    .shading(shaded(HEADER_FILL))
                    .add_paragraph(p("TableHeading", &view::support_text(d)).align(c)),
            );
        }
        out.push(row(foot));
        tables.push(
            table(out, &widths).margins(docx_rs::TableCellMargins::new().margin(10, 70, 10, 70)),
        );
    }
    tables
}

/// Row height that marks where [`super::edits`] writes the rows of a long table, one at a time
/// (`val` 2: the replies left out; 3: the files that could not be read). The tables that grow
/// with the number of files are built with their header row and this row only, so that the
/// document model never holds a row per file. Element markup, so no reply text can forge it.
pub(super) const LEFT_OUT_ROWS: &str = r#"<w:trHeight w:val="2" w:hRule="exact" />"#;
pub(super) const FAILURE_ROWS: &str = r#"<w:trHeight w:val="3" w:hRule="exact" />"#;

/// The stand-in row for [`LEFT_OUT_ROWS`] (`val` 2) or [`FAILURE_ROWS`] (`val` 3).
pub(super) fn rows_mark(val: f32) -> TableRow {
    TableRow::new(Vec::new())
        .row_height(val)
        .height_rule(HeightRule::Exact)
}

pub(super) const LEFT_OUT_WIDTHS: [usize; 4] = [1700, 3300, 1300, 3338];
pub(super) const FAILURE_WIDTHS: [usize; 3] = [3638, 1500, 4500];

/// A table that grows with the number of files: its header row (left-aligned headings) and
/// the stand-in for its rows (`mark`, see [`rows_mark`]).
fn long_table(heads: &[&str], widths: &[usize], mark: f32) -> Table {
    debug_assert_eq!(widths.iter().sum::<usize>(), PORTRAIT_WIDTH);
    let heads = heads.iter().zip(std::iter::repeat(AlignmentType::Left));
    table(vec![head_row(heads, widths), rows_mark(mark)], widths)
}

/// A row of left-aligned table text.
fn text_row(texts: &[&str], widths: &[usize]) -> TableRow {
    row(texts
        .iter()
        .zip(widths)
        .map(|(text, w)| cell(text, *w, AlignmentType::Left))
        .collect())
}

/// The table of replies not counted: its header row and the stand-in for its rows
/// ([`left_out_row`], written by [`super::edits`]).
pub(super) fn left_out_table(records: &Records) -> Option<Table> {
    left_out(records).next()?;
    let heads = ["Member State", "File", "Date", "Why it is not counted"];
    Some(long_table(&heads, &LEFT_OUT_WIDTHS, 2.0))
}

/// The replies left out, in input order, each with its first reason (as [`view::left_out`],
/// without keeping them).
pub(super) fn left_out(records: &Records) -> impl Iterator<Item = (&Reply, &'static str)> {
    records
        .replies
        .iter()
        .filter_map(|r| Some((r, view::left_out_kind(r)?)))
}

pub(super) fn left_out_row((reply, kind): (&Reply, &str)) -> TableRow {
    let by = match kind {
        "superseded" => reply.superseded_by.as_deref(),
        _ => None,
    };
    let why = match (kind, by) {
        ("excluded", _) => format!(
            "Excluded by a correction: {}.",
            view::exclusion_reason(reply).trim_end_matches('.')
        ),
        ("late", _) => "Late: received after the due date.".to_string(),
        ("superseded", Some(by)) => format!(
            "Superseded: a later reply of the same Member State stands ({}).",
            path_text(by)
        ),
        ("superseded", None) => {
            "Superseded: a later reply of the same Member State stands.".to_string()
        }
        _ => "The replying Member State could not be identified.".to_string(),
    };
    let texts = [
        &view::state_name(reply),
        &path_text(&reply.source),
        reply.date.as_deref().unwrap_or("—"),
        &why,
    ];
    text_row(&texts, &LEFT_OUT_WIDTHS)
}

/// The table of files that could not be read: header row and the stand-in for its rows
/// ([`failure_row`], written by [`super::edits`]).
pub(super) fn failures_table(records: &Records) -> Option<Table> {
    if records.failures.is_empty() {
        return None;
    }
    let heads = ["File", "Problem", "What to do"];
    Some(long_table(&heads, &FAILURE_WIDTHS, 3.0))
}

pub(super) fn failure_row(f: &Failure) -> TableRow {
    let texts = [&path_text(&f.source), f.kind.as_str(), &f.message];
    text_row(&texts, &FAILURE_WIDTHS)
}
