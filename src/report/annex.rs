//! `annex.docx`: the results as a Word document a Counsellor pastes into the meeting report —
//! title, the rule applied, the results table, the Member States × drafts matrix in a
//! landscape section, the reasons and comments per draft, the replies left out, and what the
//! annex was made from.
//!
//! Written with docx-rs, then finished by hand where docx-rs cannot: header rows repeated on
//! each page (`w:tblHeader`; no row split across pages), `Normal` as the default style, fixed paragraph ids and document
//! properties, and a re-zip with fixed timestamps, so that the same inputs give the same bytes.
//! The tables that grow with the number of files (replies left out, files not read) are not
//! kept in the document model: their rows are built by docx-rs one at a time while the
//! document is written out (see [`LEFT_OUT_ROWS`]).

use std::fmt::Write as _;
use std::io::{Cursor, Read, Seek, Write};

use docx_rs::{
    AlignmentType, BuildXML, Docx, Footer, HeightRule, LineSpacing, LineSpacingType, NumPages,
    PageMargin, PageNum, PageOrientationType, PageSize, Paragraph, ParagraphBorder,
    ParagraphBorderPosition, ParagraphBorders, Run, RunFonts, Section, Shading, ShdType, Style,
    StyleType, Table, TableCell, TableRow, VAlignType, WidthType,
};

use super::view::{self, Mark};
use super::RunInfo;
use crate::record::{Records, Reply};
use crate::tally::{Summary, Verdict};

/// Why the annex could not be made.
#[derive(Debug, thiserror::Error)]
pub enum AnnexError {
    /// docx-rs or zip failed on our own output.
    #[error("{0}")]
    Build(String),
    /// Writing the annex out failed.
    #[error("{0}")]
    Io(#[from] std::io::Error),
}

impl From<zip::result::ZipError> for AnnexError {
    fn from(e: zip::result::ZipError) -> AnnexError {
        match e {
            zip::result::ZipError::Io(e) => AnnexError::Io(e),
            e => AnnexError::Build(e.to_string()),
        }
    }
}

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

/// Row height that marks where [`finish`] writes the rows of a long table, one at a time
/// (`val` 2: the replies left out; 3: the files that could not be read). The tables that grow
/// with the number of files are built with their header row and this row only, so that the
/// document model never holds a row per file. Element markup, so no reply text can forge it.
const LEFT_OUT_ROWS: &str = r#"<w:trHeight w:val="2" w:hRule="exact" />"#;
const FAILURE_ROWS: &str = r#"<w:trHeight w:val="3" w:hRule="exact" />"#;

/// The stand-in row for [`LEFT_OUT_ROWS`] (`val` 2) or [`FAILURE_ROWS`] (`val` 3).
fn rows_mark(val: f32) -> TableRow {
    TableRow::new(Vec::new())
        .row_height(val)
        .height_rule(HeightRule::Exact)
}

const LEFT_OUT_WIDTHS: [usize; 4] = [1700, 3300, 1300, 3338];
const FAILURE_WIDTHS: [usize; 3] = [3638, 1500, 4500];

/// The table of replies not counted: its header row and the stand-in for its rows
/// ([`left_out_row`], written by [`finish`]).
fn left_out_table(records: &Records) -> Option<Table> {
    left_out(records).next()?;
    let widths = LEFT_OUT_WIDTHS;
    debug_assert_eq!(widths.iter().sum::<usize>(), PORTRAIT_WIDTH);
    let l = AlignmentType::Left;
    let rows = vec![
        header_row(vec![
            head_cell("Member State", widths[0], l),
            head_cell("File", widths[1], l),
            head_cell("Date", widths[2], l),
            head_cell("Why it is not counted", widths[3], l),
        ]),
        rows_mark(2.0),
    ];
    Some(table(rows, &widths))
}

/// The replies left out, in input order, each with its first reason (as [`view::left_out`],
/// without keeping them).
fn left_out(records: &Records) -> impl Iterator<Item = (&Reply, &'static str)> {
    records
        .replies
        .iter()
        .filter_map(|r| Some((r, view::left_out_kind(r)?)))
}

fn left_out_row((reply, kind): (&Reply, &str)) -> TableRow {
    let widths = LEFT_OUT_WIDTHS;
    let l = AlignmentType::Left;
    let by = match kind {
        "superseded" => reply.superseded_by.as_deref(),
        _ => None,
    };
    let why = match (kind, by) {
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
    row(vec![
        cell(&view::state_name(reply), widths[0], l),
        cell(&path_text(&reply.source), widths[1], l),
        cell(reply.date.as_deref().unwrap_or("—"), widths[2], l),
        cell(&why, widths[3], l),
    ])
}

/// The table of files that could not be read: header row and the stand-in for its rows
/// ([`failure_row`], written by [`finish`]).
fn failures_table(records: &Records) -> Option<Table> {
    if records.failures.is_empty() {
        return None;
    }
    let widths = FAILURE_WIDTHS;
    let l = AlignmentType::Left;
    let rows = vec![
        header_row(vec![
            head_cell("File", widths[0], l),
            head_cell("Problem", widths[1], l),
            head_cell("What to do", widths[2], l),
        ]),
        rows_mark(3.0),
    ];
    Some(table(rows, &widths))
}

fn failure_row(f: &crate::record::Failure) -> TableRow {
    let widths = FAILURE_WIDTHS;
    let l = AlignmentType::Left;
    row(vec![
        cell(&path_text(&f.source), widths[0], l),
        cell(f.kind.as_str(), widths[1], l),
        cell(&f.message, widths[2], l),
    ])
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
/// fixed document properties, the rows of the long tables in place of their stand-ins; then a
/// re-zip with fixed timestamps into `out`.
fn finish<W: Write + Seek>(
    packed: &[u8],
    out: W,
    records: &Records,
    info: &RunInfo,
    created: &str,
) -> Result<W, AnnexError> {
    let mut zin = zip::ZipArchive::new(Cursor::new(packed))?;
    let mut out = zip::ZipWriter::new(out);
    let opts = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .last_modified_time(zip::DateTime::default())
        .unix_permissions(0o644);
    for i in 0..zin.len() {
        let mut entry = zin.by_index(i)?;
        let name = entry.name()?.to_string();
        if entry.is_dir() {
            continue;
        }
        let mut data = Vec::new();
        entry.read_to_end(&mut data)?;
        drop(entry);
        out.start_file(name.as_str(), opts)?;
        let data = match name.as_str() {
            "word/document.xml" => {
                write_document(&mut out, &String::from_utf8_lossy(&data), records)?;
                continue;
            }
            n if n.starts_with("word/footer") || n.starts_with("word/header") => {
                let mut xml = String::new();
                renumber_para_ids(&mut xml, &String::from_utf8_lossy(&data), &mut 0);
                xml.into_bytes()
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
        out.write_all(&data)?;
    }
    Ok(out.finish()?)
}

/// Text is written out in pieces of about this size.
const CHUNK: usize = 1 << 16;

/// `word/document.xml`: header rows marked, paragraphs renumbered in document order, each
/// stand-in row replaced by its table's rows, built by docx-rs one by one and written out.
fn write_document(out: &mut impl Write, xml: &str, records: &Records) -> Result<(), AnnexError> {
    let mut ids = 0;
    let mut buf = String::with_capacity(CHUNK * 2);
    let mut rest = xml;
    // In document order; a table is there when it has rows.
    let long: [(&str, bool, Box<dyn Iterator<Item = TableRow> + '_>); 2] = [
        (
            LEFT_OUT_ROWS,
            left_out(records).next().is_some(),
            Box::new(left_out(records).map(left_out_row)),
        ),
        (
            FAILURE_ROWS,
            !records.failures.is_empty(),
            Box::new(records.failures.iter().map(failure_row)),
        ),
    ];
    for (mark, present, table_rows) in long {
        if !present {
            continue;
        }
        let found = rest.find(mark).and_then(|at| {
            let start = rest[..at].rfind("<w:tr>")?;
            let end = at + rest[at..].find("</w:tr>")? + "</w:tr>".len();
            Some((start, end))
        });
        let Some((start, end)) = found else {
            return Err(AnnexError::Build(
                "docx-rs did not write a long table where it belongs".into(),
            ));
        };
        document_part(&mut buf, &rest[..start], &mut ids);
        for r in table_rows {
            renumber_para_ids(&mut buf, &String::from_utf8_lossy(&r.build()), &mut ids);
            if buf.len() >= CHUNK {
                out.write_all(buf.as_bytes())?;
                buf.clear();
            }
        }
        rest = &rest[end..];
    }
    document_part(&mut buf, rest, &mut ids);
    out.write_all(buf.as_bytes())?;
    Ok(())
}

/// A piece of `word/document.xml` as docx-rs wrote it: header rows marked (only they carry
/// the mark, see [`header_row`]), paragraph ids renumbered from `ids`.
fn document_part(out: &mut String, xml: &str, ids: &mut u32) {
    renumber_para_ids(out, &xml.replace(HEADER_MARK, "<w:tblHeader />"), ids);
}

/// docx-rs numbers paragraphs from a per-thread counter: renumber them in document order,
/// counting on from `n`, into `out`.
fn renumber_para_ids(out: &mut String, xml: &str, n: &mut u32) {
    const ATTR: &str = "w14:paraId=\"";
    out.reserve(xml.len());
    let mut rest = xml;
    while let Some(at) = rest.find(ATTR) {
        let value_start = at + ATTR.len();
        let Some(len) = rest[value_start..].find('"') else {
            break;
        };
        *n += 1;
        out.push_str(&rest[..value_start]);
        // Word wants ids below 0x80000000.
        let _ = write!(out, "{:08X}", *n);
        rest = &rest[value_start + len..];
    }
    out.push_str(rest);
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
    let mut out = Cursor::new(Vec::new());
    write_annex_docx(&mut out, summary, records, info)?;
    Ok(out.into_inner())
}

/// [`annex_docx`], written into `out`. The document model and its XML hold the parts that
/// grow with the number of Member States and drafts; the rows that grow with the number of
/// files (replies left out, files not read) are made and written one at a time.
pub fn write_annex_docx<W: Write + Seek>(
    out: W,
    summary: &Summary,
    records: &Records,
    info: &RunInfo,
) -> Result<(), AnnexError> {
    let docx = build(summary, records, info);
    let mut packed = Cursor::new(Vec::new());
    docx.build()
        .pack(&mut packed)
        .map_err(|e| AnnexError::Build(format!("docx-rs could not write the document: {e}")))?;
    let (y, m, d) = view::created_date(records);
    finish(
        packed.get_ref(),
        out,
        records,
        info,
        &format!("{y:04}-{m:02}-{d:02}T00:00:00Z"),
    )?;
    Ok(())
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

    /// Paragraph ids blanked: docx-rs numbers them from a per-thread counter.
    fn without_para_ids(xml: &str) -> String {
        let mut out = String::new();
        renumber_para_ids(&mut out, xml, &mut 0);
        let mut blank = String::new();
        let mut rest = out.as_str();
        while let Some(at) = rest.find("w14:paraId=\"") {
            let value = at + "w14:paraId=\"".len();
            blank.push_str(&rest[..value]);
            rest = &rest[value + 8..];
        }
        blank.push_str(rest);
        blank
    }

    #[test]
    fn long_tables_are_written_row_by_row_in_place() {
        let mut records = sample_records();
        // Far more rows than one piece of output holds: superseded copies, failures.
        let first = records.replies[1].clone();
        for i in 0..150 {
            let mut r = first.clone();
            r.source = format!("replies/old/Germany_{i}.docx");
            r.superseded_by = Some("replies/Germany.docx".into());
            records.replies.push(r);
        }
        let failure = records.failures[0].clone();
        for i in 0..120 {
            let mut f = failure.clone();
            f.source = format!("replies/broken_{i}.doc");
            records.failures.push(f);
        }
        let summary = sample_summary(&records);
        let bytes = annex_docx(&summary, &records, &sample_info()).unwrap();
        let doc = part(&bytes, "word/document.xml");
        // No stand-in left; every row there, once, in order, as docx-rs writes it.
        assert!(!doc.contains(LEFT_OUT_ROWS) && !doc.contains(FAILURE_ROWS));
        assert!(!doc.contains(r#"w:hRule="exact""#));
        let left: String = left_out(&records)
            .map(|x| String::from_utf8(left_out_row(x).build()).unwrap())
            .collect();
        let failed: String = records
            .failures
            .iter()
            .map(|f| String::from_utf8(failure_row(f).build()).unwrap())
            .collect();
        assert!(left.len() > 2 * CHUNK && failed.len() > CHUNK);
        let plain = without_para_ids(&doc);
        let (left, failed) = (without_para_ids(&left), without_para_ids(&failed));
        let l = plain.find(&left).expect("the replies left out, in order");
        let f = plain.find(&failed).expect("the files not read, in order");
        assert!(l < f);
        // Right after their header rows, and ending their tables.
        for (at, head) in [(l, "Why it is not counted"), (f, "What to do")] {
            let header = &plain[plain[..at].rfind("<w:tr>").unwrap()..at];
            assert!(
                header.contains("<w:tblHeader />") && header.contains(head),
                "{header}"
            );
        }
        assert!(plain[l + left.len()..].starts_with("</w:tbl>"));
        assert!(plain[f + failed.len()..].starts_with("</w:tbl>"));
        assert_eq!(doc.matches("Superseded: a later reply").count(), 150);
        assert_eq!(doc.matches("broken_").count(), 120);
        // Paragraph ids: 1, 2, 3… in document order.
        let ids: Vec<u32> = doc
            .split("w14:paraId=\"")
            .skip(1)
            .map(|t| u32::from_str_radix(&t[..8], 16).unwrap())
            .collect();
        assert!(ids.len() > 1000);
        assert!(ids.iter().zip(1..).all(|(a, b)| *a == b));
        // Well-formed.
        let mut reader = quick_xml::Reader::from_str(&doc);
        loop {
            match reader.read_event() {
                Ok(quick_xml::events::Event::Eof) => break,
                Ok(_) => {}
                Err(e) => panic!("not well-formed: {e}"),
            }
        }
        // Into a file as into memory: the same bytes.
        let mut file = std::io::Cursor::new(Vec::new());
        write_annex_docx(&mut file, &summary, &records, &sample_info()).unwrap();
        assert_eq!(file.into_inner(), bytes);
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
