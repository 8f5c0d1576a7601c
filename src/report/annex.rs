//! `annex.docx`: the results as a Word document a Counsellor pastes into the meeting report —
//! title, the rule applied, the results table, the Member States × drafts matrix in a
//! landscape section, the reasons and comments per draft, the replies left out, and what the
//! annex was made from.
//!
//! Written with docx-rs, then finished by hand where docx-rs cannot: header rows repeated on
//! each page (`w:tblHeader`; no row split across pages), `Normal` as the default style, fixed paragraph ids and document
//! properties, and a re-zip with fixed timestamps, so that the same inputs give the same bytes.

use std::io::{Cursor, Read, Write};

use docx_rs::{
    AlignmentType, Docx, Footer, HeightRule, LineSpacing, LineSpacingType, NumPages, PageMargin,
    PageNum, PageOrientationType, PageSize, Paragraph, ParagraphBorder, ParagraphBorderPosition,
    ParagraphBorders, Run, RunFonts, Section, Shading, ShdType, Style, StyleType, Table, TableCell,
    TableRow, VAlignType, WidthType,
};

use super::view::{self, Mark};
use super::RunInfo;
use crate::record::Records;
use crate::tally::{Summary, Verdict};

/// Why the annex could not be made (docx-rs or zip failed on our own output).
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct AnnexError(String);

// Page geometry, in twentieths of a point: A4, 2 cm margins.
const A4_SHORT: u32 = 11906;
const A4_LONG: u32 = 16838;
const MARGIN: i32 = 1134;
const PORTRAIT_WIDTH: usize = (A4_SHORT as usize) - 2 * (MARGIN as usize);
const LANDSCAPE_WIDTH: usize = (A4_LONG as usize) - 2 * (MARGIN as usize);
/// Drafts per matrix table: more would make columns too narrow to read.
const MATRIX_DRAFTS_PER_TABLE: usize = 12;

const HEADER_FILL: &str = "D9E2F3";
const ACCENT: &str = "1F3864";

/// Text safe for XML 1.0 (docx-rs writes control characters as they are).
fn t(s: &str) -> String {
    view::xml_safe(s)
}

/// Space before and after (twentieths of a point) and line height (240 = single), auto rule.
fn spacing(before: u32, after: u32, line: i32) -> LineSpacing {
    LineSpacing::new()
        .line_rule(LineSpacingType::Auto)
        .before(before)
        .after(after)
        .line(line)
}

fn styles(docx: Docx) -> Docx {
    let fonts = || {
        RunFonts::new()
            .ascii("Calibri")
            .hi_ansi("Calibri")
            .east_asia("SimSun")
            .cs("Arial")
    };
    let para = |id: &str, name: &str| Style::new(id, StyleType::Paragraph).name(name);
    // docx-rs always writes an empty `Normal` style: the defaults carry the body text format.
    docx.default_fonts(fonts())
        .default_size(21)
        .default_line_spacing(spacing(0, 100, 264))
        .add_style(
            para("Title", "Title")
                .based_on("Normal")
                .next("Normal")
                .size(34)
                .bold()
                .color(ACCENT)
                .line_spacing(spacing(0, 160, 240)),
        )
        .add_style(
            para("Heading1", "heading 1")
                .based_on("Normal")
                .next("Normal")
                .size(28)
                .bold()
                .color(ACCENT)
                .outline_lvl(0)
                .line_spacing(spacing(360, 120, 240)),
        )
        .add_style(
            para("Heading2", "heading 2")
                .based_on("Normal")
                .next("Normal")
                .size(24)
                .bold()
                .color(ACCENT)
                .outline_lvl(1)
                .line_spacing(spacing(240, 80, 240)),
        )
        .add_style(
            para("Heading3", "heading 3")
                .based_on("Normal")
                .next("Normal")
                .size(21)
                .bold()
                .outline_lvl(2)
                .line_spacing(spacing(160, 60, 240)),
        )
        .add_style(
            para("Quote", "Quote")
                .based_on("Normal")
                .italic()
                .indent(Some(567), None, Some(284), None)
                .line_spacing(spacing(0, 120, 264)),
        )
        .add_style(
            para("TableText", "Table Text")
                .based_on("Normal")
                .size(19)
                .line_spacing(spacing(20, 20, 240)),
        )
        .add_style(
            para("MatrixText", "Matrix Text")
                .based_on("TableText")
                .line_spacing(spacing(0, 0, 240)),
        )
        .add_style(
            para("TableHeading", "Table Heading")
                .based_on("TableText")
                .size(17)
                .bold(),
        )
        .add_style(
            para("Note", "Note")
                .based_on("Normal")
                .size(17)
                .color("595959")
                .line_spacing(spacing(100, 80, 252)),
        )
        .add_style(
            para("Footer", "footer")
                .based_on("Normal")
                .size(16)
                .color("595959")
                .align(AlignmentType::Center),
        )
}

fn p(style: &str, text: &str) -> Paragraph {
    Paragraph::new()
        .style(style)
        .add_run(Run::new().add_text(t(text)))
}

/// A paragraph with a thin rule above it.
fn ruled(mut para: Paragraph) -> Paragraph {
    para.property = para.property.set_borders(
        ParagraphBorders::with_empty().set(
            ParagraphBorder::new(ParagraphBorderPosition::Top)
                .size(4)
                .space(4)
                .color("A6A6A6"),
        ),
    );
    para
}

fn heading(level: usize, text: &str) -> Paragraph {
    p(&format!("Heading{level}"), text).keep_next(true)
}

/// A run of text, with what a person must fill in highlighted.
fn runs_with_placeholders(mut para: Paragraph, text: &str) -> Paragraph {
    let mut rest = text;
    while let Some(start) = rest.find('[') {
        let Some(len) = rest[start..].find(']') else {
            break;
        };
        let (before, ph) = (&rest[..start], &rest[start..start + len + 1]);
        if !before.is_empty() {
            para = para.add_run(Run::new().add_text(t(before)));
        }
        para = para.add_run(Run::new().add_text(t(ph)).highlight("yellow"));
        rest = &rest[start + len + 1..];
    }
    if !rest.is_empty() {
        para = para.add_run(Run::new().add_text(t(rest)));
    }
    para
}

fn shaded(fill: &str) -> Shading {
    Shading::new()
        .shd_type(ShdType::Clear)
        .color("auto")
        .fill(fill)
}

fn cell(text: &str, width: usize, align: AlignmentType) -> TableCell {
    TableCell::new()
        .width(width, WidthType::Dxa)
        .vertical_align(VAlignType::Center)
        .add_paragraph(p("TableText", text).align(align))
}

fn head_cell(text: &str, width: usize, align: AlignmentType) -> TableCell {
    let mut c = TableCell::new()
        .width(width, WidthType::Dxa)
        .vertical_align(VAlignType::Bottom)
        .shading(shaded(HEADER_FILL));
    for (i, line) in text.split('\n').enumerate() {
        let style = if i == 0 { "TableHeading" } else { "TableText" };
        c = c.add_paragraph(p(style, line).align(align));
    }
    c
}

/// Row height that marks a header row for [`finish`], which puts `w:tblHeader` in its place
/// (docx-rs cannot write it). One twip "at least" changes nothing if left.
const HEADER_MARK: &str = r#"<w:trHeight w:val="1" w:hRule="atLeast" />"#;

/// The header row, repeated on each page.
fn header_row(cells: Vec<TableCell>) -> TableRow {
    TableRow::new(cells)
        .cant_split()
        .row_height(1.0)
        .height_rule(HeightRule::AtLeast)
}

/// A body row, kept whole on one page.
fn row(cells: Vec<TableCell>) -> TableRow {
    TableRow::new(cells).cant_split()
}

/// A file path with a break opportunity (zero-width space) after each `/` and `!`, so that
/// long paths wrap between their parts, not inside a name.
fn path_text(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 16);
    for c in s.chars() {
        out.push(c);
        if c == '/' || c == '!' {
            out.push('\u{200B}');
        }
    }
    out
}

fn table(rows: Vec<TableRow>, widths: &[usize]) -> Table {
    Table::new(rows)
        .set_grid(widths.to_vec())
        .width(widths.iter().sum(), WidthType::Dxa)
        .margins(docx_rs::TableCellMargins::new().margin(30, 70, 30, 70))
}

fn footer(info: &RunInfo) -> Footer {
    let label = format!(
        "TSB Circular {} — results of the consultation",
        view::circular_number(info).unwrap_or(view::NUMBER_PLACEHOLDER)
    );
    Footer::new().add_paragraph(
        Paragraph::new()
            .style("Footer")
            .add_run(Run::new().add_text(t(&label)))
            .add_run(Run::new().add_text(" · Page "))
            .add_page_num(PageNum::new())
            .add_run(Run::new().add_text(" of "))
            .add_num_pages(NumPages::new()),
    )
}

fn portrait() -> PageSize {
    PageSize::new()
        .size(A4_SHORT, A4_LONG)
        .orient(PageOrientationType::Portrait)
}

fn landscape() -> PageSize {
    PageSize::new()
        .size(A4_LONG, A4_SHORT)
        .orient(PageOrientationType::Landscape)
}

fn margins() -> PageMargin {
    PageMargin::new()
        .top(MARGIN)
        .bottom(MARGIN)
        .left(MARGIN)
        .right(MARGIN)
        .header(567)
        .footer(567)
        .gutter(0)
}

fn verdict_fill(v: Verdict) -> &'static str {
    match v {
        Verdict::MayProceed => "E2EFDA",
        Verdict::MayNotProceed => "FBE2D5",
        Verdict::Undecided => "FFF2CC",
    }
}

fn mark_fill(m: Mark) -> Option<&'static str> {
    match m {
        // Plain authorizations stay white so that the exceptions stand out.
        Mark::Authorize => None,
        Mark::AuthorizeWithComments => Some("E2EFDA"),
        Mark::NotAuthorize => Some("FBE2D5"),
        Mark::Conflict => Some("FFF2CC"),
        Mark::NoReply => None,
    }
}

/// The results table: one row per draft.
fn results_table(summary: &Summary) -> Table {
    let widths = [1900, 900, 1150, 1150, 1100, 900, 950, 1588];
    debug_assert_eq!(widths.iter().sum::<usize>(), PORTRAIT_WIDTH);
    let c = AlignmentType::Center;
    let l = AlignmentType::Left;
    let heads = [
        ("Draft", l),
        ("Replies", c),
        ("Authorize", c),
        ("with comments", c),
        ("Do not authorize", c),
        ("Both marked", c),
        ("Support", c),
        ("Verdict", l),
    ];
    let mut rows = vec![header_row(
        heads
            .iter()
            .zip(widths)
            .map(|((h, a), w)| head_cell(h, w, *a))
            .collect(),
    )];
    for d in &summary.drafts {
        let v = d.verdict();
        let mut draft_cell = TableCell::new()
            .width(widths[0], WidthType::Dxa)
            .vertical_align(VAlignType::Center)
            .add_paragraph(
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
            TableCell::new()
                .width(widths[7], WidthType::Dxa)
                .vertical_align(VAlignType::Center)
                .shading(shaded(verdict_fill(v)))
                .add_paragraph(
                    Paragraph::new()
                        .style("TableText")
                        .add_run(Run::new().add_text(v.as_str()).bold()),
                ),
        ];
        rows.push(row(cells));
    }
    table(rows, &widths)
}

/// The counts of one draft, for its own section: a header row and a row of numbers.
fn draft_counts_table(d: &crate::tally::DraftTally) -> Table {
    let widths = [900, 1150, 1150, 1150, 1150, 900, 950, 2288];
    debug_assert_eq!(widths.iter().sum::<usize>(), PORTRAIT_WIDTH);
    let c = AlignmentType::Center;
    let heads = [
        "Replies",
        "Authorize",
        "of which with comments",
        "Does not authorize",
        "Conflicts (both marked)",
        "No reply",
        "Support",
        "Verdict",
    ];
    let head = header_row(
        heads
            .iter()
            .zip(widths)
            .map(|(h, w)| head_cell(h, w, c))
            .collect(),
    );
    let v = d.verdict();
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
    cells.push(
        TableCell::new()
            .width(widths[7], WidthType::Dxa)
            .vertical_align(VAlignType::Center)
            .shading(shaded(verdict_fill(v)))
            .add_paragraph(
                Paragraph::new()
                    .style("TableText")
                    .align(c)
                    .add_run(Run::new().add_text(v.as_str()).bold()),
            ),
    );
    table(vec![head, row(cells)], &widths)
}

/// The matrix tables (several when there are many drafts), with a support row at the foot.
fn matrix_tables(summary: &Summary, records: &Records) -> Vec<Table> {
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
            TableCell::new()
                .width(width, WidthType::Dxa)
                .vertical_align(VAlignType::Center)
                .add_paragraph(p("MatrixText", text).align(align))
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
        let mut foot = vec![TableCell::new()
            .width(name_w, WidthType::Dxa)
            .shading(shaded(HEADER_FILL))
            .add_paragraph(p("TableHeading", "Support"))];
        for d in summary.drafts.get(from..to).unwrap_or_default() {
            foot.push(
                TableCell::new()
                    .width(col_w, WidthType::Dxa)
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

/// A quotation: the reply's words, line by line, in quotation marks (none around
/// right-to-left text, whose paragraphs run right to left).
fn quote(text: &str) -> Vec<Paragraph> {
    let lines: Vec<&str> = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    let rtl = view::is_rtl(text);
    let last = lines.len().saturating_sub(1);
    lines
        .iter()
        .enumerate()
        .map(|(i, line)| {
            let mut s = String::new();
            if !rtl && i == 0 {
                s.push('“');
            }
            s.push_str(line);
            if !rtl && i == last {
                s.push('”');
            }
            if view::is_rtl(line) {
                // Arabic script is not slanted: italics would only make it harder to read.
                let mut para = Paragraph::new()
                    .style("Quote")
                    .add_run(Run::new().add_text(t(&s)).disable_italic());
                para.property = para.property.bidi(true);
                para
            } else {
                p("Quote", &s)
            }
        })
        .collect()
}

/// A Member State's words on a draft, under a heading that says what they are.
fn said_block(said: &view::Said) -> Vec<Paragraph> {
    let mut out = vec![Paragraph::new()
        .style("Normal")
        .keep_next(true)
        .add_run(Run::new().add_text(t(&view::state_name(said.reply))).bold())];
    if let Some(note) = &said.note {
        out.push(
            Paragraph::new().style("Quote").add_run(
                Run::new()
                    .add_text(t(note))
                    .disable_italic()
                    .color("595959"),
            ),
        );
    } else {
        out.extend(quote(&said.answer.text));
    }
    out
}

fn left_out_table(records: &Records) -> Option<Table> {
    let left = view::left_out(records);
    if left.is_empty() {
        return None;
    }
    let widths = [1700, 3300, 1300, 3338];
    debug_assert_eq!(widths.iter().sum::<usize>(), PORTRAIT_WIDTH);
    let l = AlignmentType::Left;
    let mut rows = vec![header_row(vec![
        head_cell("Member State", widths[0], l),
        head_cell("File", widths[1], l),
        head_cell("Date", widths[2], l),
        head_cell("Why it is not counted", widths[3], l),
    ])];
    for o in &left {
        let why = match (o.kind, o.by) {
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
        rows.push(row(vec![
            cell(&view::state_name(o.reply), widths[0], l),
            cell(&path_text(&o.reply.source), widths[1], l),
            cell(o.reply.date.as_deref().unwrap_or("—"), widths[2], l),
            cell(&why, widths[3], l),
        ]));
    }
    Some(table(rows, &widths))
}

fn failures_table(records: &Records) -> Option<Table> {
    if records.failures.is_empty() {
        return None;
    }
    let widths = [3638, 1500, 4500];
    let l = AlignmentType::Left;
    let mut rows = vec![header_row(vec![
        head_cell("File", widths[0], l),
        head_cell("Problem", widths[1], l),
        head_cell("What to do", widths[2], l),
    ])];
    for f in &records.failures {
        rows.push(row(vec![
            cell(&path_text(&f.source), widths[0], l),
            cell(f.kind.as_str(), widths[1], l),
            cell(&f.message, widths[2], l),
        ]));
    }
    Some(table(rows, &widths))
}

/// Build the document with docx-rs (before [`finish`]).
fn build(summary: &Summary, records: &Records, info: &RunInfo) -> Docx {
    let drafts = view::drafts(summary);

    // Section 1, portrait: title, rule, results.
    let title = match view::circular_date(info) {
        Some(d) => format!("{} of {d}", view::title(info)),
        None => format!("{} of {}", view::title(info), view::DATE_PLACEHOLDER),
    };
    let mut first = Section::new()
        .page_size(portrait())
        .page_margin(margins())
        .footer(footer(info))
        .add_paragraph(runs_with_placeholders(
            Paragraph::new().style("Title"),
            &title,
        ))
        .add_paragraph(p("Normal", &view::rule(info)))
        .add_paragraph(heading(1, "Results"));
    if summary.drafts.is_empty() {
        first = first.add_paragraph(p(
            "Normal",
            "No drafts: no reply form was read and no blank form was given.",
        ));
    } else {
        first = first
            .add_paragraph(p(
                "Normal",
                &format!(
                    "{} Member State{} replied and {} counted. Replies: Member States that \
                     answered the draft. Support: authorize ÷ (authorize + does not authorize). \
                     Both marked: replies with both boxes marked, to be resolved.",
                    summary.member_states_replied,
                    if summary.member_states_replied == 1 {
                        ""
                    } else {
                        "s"
                    },
                    if summary.member_states_replied == 1 {
                        "is"
                    } else {
                        "are"
                    },
                ),
            ))
            .add_table(results_table(summary));
        let undecided: Vec<String> = summary
            .drafts
            .iter()
            .filter(|d| d.needs_review())
            .map(|d| d.draft.clone())
            .collect();
        if !undecided.is_empty() {
            first = first.add_paragraph(p(
                "Note",
                &format!(
                    "Undecided: {} — a reply with both boxes marked could change the verdict; \
                     ask the Member State which answer stands.",
                    undecided.join(", ")
                ),
            ));
        }
    }

    // Section 2, landscape: the matrix; none when no reply is counted.
    let tables = if view::matrix(records, &drafts).is_empty() {
        Vec::new()
    } else {
        matrix_tables(summary, records)
    };
    let mut docx = styles(Docx::new());
    if tables.is_empty() {
        first = first
            .add_paragraph(heading(1, "Replies by Member State"))
            .add_paragraph(p("Normal", "None: no reply is counted."));
        docx = docx.add_section(first);
    } else {
        let mut matrix = Section::new()
            .page_size(landscape())
            .page_margin(margins())
            .footer(footer(info))
            .add_paragraph(heading(1, "Replies by Member State"))
            .add_paragraph(p("Normal", &format!("Legend: {}.", view::legend())));
        for (i, tb) in tables.into_iter().enumerate() {
            if i > 0 {
                matrix = matrix.add_paragraph(p("Normal", ""));
            }
            matrix = matrix.add_table(tb);
        }
        docx = docx.add_section(first).add_section(matrix);
    }

    // The last section (the document's own), portrait: reasons, comments, left out, made from.
    let mut docx = docx
        .page_size(A4_SHORT, A4_LONG)
        .page_orient(PageOrientationType::Portrait)
        .page_margin(margins())
        .footer(footer(info))
        .add_paragraph(heading(1, "Reasons and comments received"));
    if summary.drafts.is_empty() {
        docx = docx.add_paragraph(p("Normal", "None."));
    }
    let words = view::words_per_draft(records, &drafts);
    for (w, d) in words.iter().zip(&summary.drafts) {
        docx = docx
            .add_paragraph(heading(2, &view::tally_label(d)))
            .add_table(draft_counts_table(d));
        docx = docx.add_paragraph(heading(
            3,
            "Reasons of the Member States that do not authorize",
        ));
        if w.reasons.is_empty() {
            docx = docx.add_paragraph(p(
                "Normal",
                "None: no Member State counted does not authorize.",
            ));
        }
        for s in &w.reasons {
            for para in said_block(s) {
                docx = docx.add_paragraph(para);
            }
        }
        docx = docx.add_paragraph(heading(3, "Comments received"));
        if w.comments.is_empty() {
            docx = docx.add_paragraph(p("Normal", "None."));
        }
        for s in &w.comments {
            for para in said_block(s) {
                docx = docx.add_paragraph(para);
            }
        }
        if !w.conflicts.is_empty() {
            let names: Vec<String> = w
                .conflicts
                .iter()
                .map(|s| view::state_name(s.reply))
                .collect();
            docx = docx.add_paragraph(p(
                "Note",
                &format!("Both boxes marked (to be resolved): {}.", names.join(", ")),
            ));
        }
    }

    docx = docx.add_paragraph(heading(1, "Replies not counted"));
    match left_out_table(records) {
        Some(tb) => docx = docx.add_table(tb),
        None if records.replies.is_empty() => {
            docx = docx.add_paragraph(p("Normal", "None: no reply was read."))
        }
        None => {
            docx = docx.add_paragraph(p(
                "Normal",
                "None: every reply read is counted (none late, superseded or unidentified).",
            ))
        }
    }
    docx = docx.add_paragraph(heading(2, "Files that could not be read"));
    match failures_table(records) {
        Some(tb) => docx = docx.add_table(tb),
        None => docx = docx.add_paragraph(p("Normal", "None.")),
    }
    docx = docx
        .add_paragraph(p("Normal", ""))
        .add_paragraph(ruled(p("Note", &view::made_from(info))));
    docx
}

/// `w:tblHeader` on every header row, `Normal` as the default style, sequential paragraph ids,
/// fixed document properties; then a re-zip with fixed timestamps.
fn finish(packed: &[u8], info: &RunInfo, created: &str) -> Result<Vec<u8>, AnnexError> {
    let err = |e: &dyn std::fmt::Display| AnnexError(e.to_string());
    let mut zin = zip::ZipArchive::new(Cursor::new(packed)).map_err(|e| err(&e))?;
    let mut out = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let opts = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .last_modified_time(zip::DateTime::default())
        .unix_permissions(0o644);
    for i in 0..zin.len() {
        let mut entry = zin.by_index(i).map_err(|e| err(&e))?;
        let name = entry.name().map_err(|e| err(&e))?.to_string();
        if entry.is_dir() {
            continue;
        }
        let mut data = Vec::new();
        entry.read_to_end(&mut data).map_err(|e| err(&e))?;
        drop(entry);
        let data = match name.as_str() {
            "word/document.xml" => document_xml(&data).into_bytes(),
            n if n.starts_with("word/footer") || n.starts_with("word/header") => {
                renumber_para_ids(&String::from_utf8_lossy(&data)).into_bytes()
            }
            "word/styles.xml" => String::from_utf8_lossy(&data)
                .replacen(
                    r#"w:styleId="Normal""#,
                    r#"w:styleId="Normal" w:default="1""#,
                    1,
                )
                .into_bytes(),
            "docProps/core.xml" => core_xml(&data, info, created).into_bytes(),
            _ => data,
        };
        out.start_file(name, opts).map_err(|e| err(&e))?;
        out.write_all(&data).map_err(|e| err(&e))?;
    }
    let cursor = out.finish().map_err(|e| err(&e))?;
    Ok(cursor.into_inner())
}

fn document_xml(data: &[u8]) -> String {
    let xml = String::from_utf8_lossy(data);
    // Only header rows carry the mark (see `header_row`).
    renumber_para_ids(&xml.replace(HEADER_MARK, "<w:tblHeader />"))
}

/// docx-rs numbers paragraphs from a per-thread counter: renumber them in document order.
fn renumber_para_ids(xml: &str) -> String {
    const ATTR: &str = "w14:paraId=\"";
    let mut out = String::with_capacity(xml.len());
    let mut rest = xml;
    let mut n: u32 = 0;
    while let Some(at) = rest.find(ATTR) {
        let value_start = at + ATTR.len();
        let Some(len) = rest[value_start..].find('"') else {
            break;
        };
        n += 1;
        out.push_str(&rest[..value_start]);
        // Word wants ids below 0x80000000.
        out.push_str(&format!("{n:08X}"));
        rest = &rest[value_start + len..];
    }
    out.push_str(rest);
    out
}

fn xml_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in view::xml_safe(s).chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            _ => out.push(c),
        }
    }
    out
}

/// The document properties: fixed dates (from the inputs, not the clock), the tool as
/// creator, the title and what the annex was made from.
fn core_xml(data: &[u8], info: &RunInfo, created: &str) -> String {
    let xml = String::from_utf8_lossy(data);
    let creator = format!("replytally {}", info.tool_version);
    let mut xml = xml
        .replace("1970-01-01T00:00:00Z", created)
        .replace(
            "<dc:creator>unknown</dc:creator>",
            &format!("<dc:creator>{}</dc:creator>", xml_escape(&creator)),
        )
        .replace(
            "<cp:lastModifiedBy>unknown</cp:lastModifiedBy>",
            &format!(
                "<cp:lastModifiedBy>{}</cp:lastModifiedBy>",
                xml_escape(&creator)
            ),
        );
    if let Some(end) = xml.rfind("</cp:coreProperties>") {
        let extra = format!(
            "<dc:title>{}</dc:title><dc:description>{}</dc:description>",
            xml_escape(&view::title(info)),
            xml_escape(&view::made_from(info))
        );
        xml.insert_str(end, &extra);
    }
    xml
}

/// `annex.docx`.
pub fn annex_docx(
    summary: &Summary,
    records: &Records,
    info: &RunInfo,
) -> Result<Vec<u8>, AnnexError> {
    let docx = build(summary, records, info);
    let mut packed = Cursor::new(Vec::new());
    docx.build()
        .pack(&mut packed)
        .map_err(|e| AnnexError(format!("docx-rs could not write the document: {e}")))?;
    let (y, m, d) = view::created_date(records);
    finish(
        packed.get_ref(),
        info,
        &format!("{y:04}-{m:02}-{d:02}T00:00:00Z"),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::tests::{sample_info, sample_records, sample_summary};

    fn part(docx: &[u8], name: &str) -> String {
        let mut z = zip::ZipArchive::new(Cursor::new(docx)).unwrap();
        let mut s = String::new();
        z.by_name(name).unwrap().read_to_string(&mut s).unwrap();
        s
    }

    fn render() -> Vec<u8> {
        let records = sample_records();
        let summary = sample_summary(&records);
        annex_docx(&summary, &records, &sample_info()).unwrap()
    }

    #[test]
    fn is_deterministic() {
        let a = render();
        // Another thread, other paragraph counters.
        let b = std::thread::spawn(render).join().unwrap();
        assert_eq!(a, b);
    }

    #[test]
    fn has_repeated_headers_headings_landscape_and_page_numbers() {
        let bytes = render();
        let doc = part(&bytes, "word/document.xml");
        // Results, matrix, one per draft (three), left out, failures: seven tables, each with
        // its header row repeated; no row split across pages; no mark left.
        assert_eq!(doc.matches("<w:tblHeader />").count(), 7, "{doc}");
        assert_eq!(doc.matches("<w:tbl>").count(), 7);
        assert!(!doc.contains(HEADER_MARK));
        assert_eq!(
            doc.matches("<w:tr>").count(),
            doc.matches("<w:cantSplit />").count()
        );
        assert!(doc.contains(r#"w:orient="landscape""#));
        assert!(doc.contains(r#"<w:pStyle w:val="Heading1" />"#));
        assert!(doc.contains("Results of the consultation of Member States on TSB Circular"));
        for verdict in [
            "may proceed",
            "may not proceed",
            "undecided — review conflicts",
        ] {
            assert!(doc.contains(verdict), "{verdict}");
        }
        // Quotes are attributed; the tricky text arrives whole and escaped.
        assert!(
            doc.contains("“Reasons, with &quot;quotes&quot;, commas,")
                || doc.contains("“Reasons, with \"quotes\", commas,")
        );
        assert!(doc.contains("and a second line | pipe”"));
        // Each draft's section has its own counts table, before the reasons.
        let x1380 = doc
            .find("X.1380 (X.edr-sec)</w:t>")
            .expect("X.1380 section");
        let counts = &doc[x1380..];
        for h in [
            "of which with comments",
            "Conflicts (both marked)",
            "No reply",
        ] {
            assert!(counts.contains(h), "{h}");
        }
        let reasons = counts.find("Reasons of the Member States").unwrap();
        assert!(counts[..reasons].contains("undecided — review conflicts"));
        assert!(counts[..reasons].contains(">100.0 %<"));
        let footer = part(&bytes, "word/footer1.xml");
        assert!(footer.contains("PAGE"), "{footer}");
        let styles = part(&bytes, "word/styles.xml");
        assert!(styles.contains(r#"w:styleId="Normal" w:default="1""#));
        assert!(styles.contains(r#"<w:outlineLvl w:val="0" />"#), "{styles}");
        let core = part(&bytes, "docProps/core.xml");
        assert!(core.contains("2023-02-20T00:00:00Z"), "{core}");
        assert!(core.contains("<dc:creator>replytally 0.1.0</dc:creator>"));
        assert!(core.contains("from 5 inputs"));
    }

    #[test]
    fn control_characters_do_not_corrupt_the_document() {
        let mut records = sample_records();
        records.replies[0].answers[0].text = "bad\u{1}\u{b}\u{c}\u{fffe} text <b>&".into();
        let summary = sample_summary(&records);
        let bytes = annex_docx(&summary, &records, &sample_info()).unwrap();
        let doc = part(&bytes, "word/document.xml");
        assert!(doc.contains("bad text &lt;b&gt;&amp;"), "{doc}");
        // The document is well-formed XML.
        let mut reader = quick_xml::Reader::from_str(&doc);
        loop {
            match reader.read_event() {
                Ok(quick_xml::events::Event::Eof) => break,
                Ok(_) => {}
                Err(e) => panic!("not well-formed: {e}"),
            }
        }
    }

    #[test]
    fn placeholders_when_the_circular_is_unknown_and_rtl_quotes() {
        let mut records = sample_records();
        records.replies[0].answers[0].text = "لا نوافق على هذا المشروع".into();
        let summary = sample_summary(&records);
        let mut info = sample_info();
        info.circular = None;
        let bytes = annex_docx(&summary, &records, &info).unwrap();
        let doc = part(&bytes, "word/document.xml");
        assert!(doc.contains("[number]") && doc.contains("[date]"));
        assert!(doc.contains(r#"<w:highlight w:val="yellow" />"#));
        assert!(doc.contains("<w:bidi />"));
        info.circular = Some(crate::report::Circular {
            number: "42".into(),
            date: Some("9 November 2022".into()),
        });
        let doc = part(
            &annex_docx(&summary, &records, &info).unwrap(),
            "word/document.xml",
        );
        assert!(doc.contains("TSB Circular 42 of 9 November 2022"), "{doc}");
    }
}
