//! The look of the annex: page geometry, the styles, and the paragraphs, cells, rows and
//! tables every section is made of (docx-rs builders with the annex's defaults).

use docx_rs::{
    AlignmentType, Docx, Footer, HeightRule, LineSpacing, LineSpacingType, NumPages, PageMargin,
    PageNum, PageOrientationType, PageSize, Paragraph, ParagraphBorder, ParagraphBorderPosition,
    ParagraphBorders, Run, RunFonts, Shading, ShdType, Style, StyleType, Table, TableCell,
    TableRow, VAlignType, WidthType,
};

use crate::report::view::{self, Mark};
use crate::report::RunInfo;
use crate::tally::Verdict;

// Page geometry, in twentieths of a point: A4, 2 cm margins.
pub(super) const A4_SHORT: u32 = 11906;
pub(super) const A4_LONG: u32 = 16838;
pub(super) const MARGIN: i32 = 1134;
pub(super) const PORTRAIT_WIDTH: usize = (A4_SHORT as usize) - 2 * (MARGIN as usize);
pub(super) const LANDSCAPE_WIDTH: usize = (A4_LONG as usize) - 2 * (MARGIN as usize);
/// Drafts per matrix table: more would make columns too narrow to read.
pub(super) const MATRIX_DRAFTS_PER_TABLE: usize = 12;

pub(super) const HEADER_FILL: &str = "D9E2F3";
pub(super) const ACCENT: &str = "1F3864";

/// Text safe for XML 1.0 (docx-rs writes control characters as they are).
pub(super) fn t(s: &str) -> String {
    view::xml_safe(s)
}

/// Space before and after (twentieths of a point) and line height (240 = single), auto rule.
pub(super) fn spacing(before: u32, after: u32, line: i32) -> LineSpacing {
    LineSpacing::new()
        .line_rule(LineSpacingType::Auto)
        .before(before)
        .after(after)
        .line(line)
}

pub(super) fn styles(docx: Docx) -> Docx {
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

pub(super) fn p(style: &str, text: &str) -> Paragraph {
    Paragraph::new()
        .style(style)
        .add_run(Run::new().add_text(t(text)))
}

/// A paragraph with a thin rule above it.
pub(super) fn ruled(mut para: Paragraph) -> Paragraph {
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

pub(super) fn heading(level: usize, text: &str) -> Paragraph {
    p(&format!("Heading{level}"), text).keep_next(true)
}

/// A run of text, with what a person must fill in highlighted.
pub(super) fn runs_with_placeholders(mut para: Paragraph, text: &str) -> Paragraph {
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

pub(super) fn shaded(fill: &str) -> Shading {
    Shading::new()
        .shd_type(ShdType::Clear)
        .color("auto")
        .fill(fill)
}

/// An empty cell `width` twips wide, its content centred vertically.
pub(super) fn cell_of(width: usize) -> TableCell {
    TableCell::new()
        .width(width, WidthType::Dxa)
        .vertical_align(VAlignType::Center)
}

/// A cell with one line of table text.
pub(super) fn cell(text: &str, width: usize, align: AlignmentType) -> TableCell {
    cell_of(width).add_paragraph(p("TableText", text).align(align))
}

pub(super) fn head_cell(text: &str, width: usize, align: AlignmentType) -> TableCell {
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

/// Row height that marks a header row for [`super::edits`], which puts `w:tblHeader` in its place
/// (docx-rs cannot write it). One twip "at least" changes nothing if left.
pub(super) const HEADER_MARK: &str = r#"<w:trHeight w:val="1" w:hRule="atLeast" />"#;

/// The header row, repeated on each page.
pub(super) fn header_row(cells: Vec<TableCell>) -> TableRow {
    TableRow::new(cells)
        .cant_split()
        .row_height(1.0)
        .height_rule(HeightRule::AtLeast)
}

/// A body row, kept whole on one page.
pub(super) fn row(cells: Vec<TableCell>) -> TableRow {
    TableRow::new(cells).cant_split()
}

/// A file path with a break opportunity (zero-width space) after each `/` and `!`, so that
/// long paths wrap between their parts, not inside a name.
pub(super) fn path_text(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 16);
    for c in s.chars() {
        out.push(c);
        if c == '/' || c == '!' {
            out.push('\u{200B}');
        }
    }
    out
}

pub(super) fn table(rows: Vec<TableRow>, widths: &[usize]) -> Table {
    Table::new(rows)
        .set_grid(widths.to_vec())
        .width(widths.iter().sum(), WidthType::Dxa)
        .margins(docx_rs::TableCellMargins::new().margin(30, 70, 30, 70))
}

pub(super) fn footer(info: &RunInfo) -> Footer {
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

pub(super) fn portrait() -> PageSize {
    PageSize::new()
        .size(A4_SHORT, A4_LONG)
        .orient(PageOrientationType::Portrait)
}

pub(super) fn landscape() -> PageSize {
    PageSize::new()
        .size(A4_LONG, A4_SHORT)
        .orient(PageOrientationType::Landscape)
}

pub(super) fn margins() -> PageMargin {
    PageMargin::new()
        .top(MARGIN)
        .bottom(MARGIN)
        .left(MARGIN)
        .right(MARGIN)
        .header(567)
        .footer(567)
        .gutter(0)
}

pub(super) fn verdict_fill(v: Verdict) -> &'static str {
    match v {
        Verdict::MayProceed => "E2EFDA",
        Verdict::MayNotProceed => "FBE2D5",
        Verdict::Undecided => "FFF2CC",
    }
}

pub(super) fn mark_fill(m: Mark) -> Option<&'static str> {
    match m {
        // Plain authorizations stay white so that the exceptions stand out.
        Mark::Authorize => None,
        Mark::AuthorizeWithComments => Some("E2EFDA"),
        Mark::NotAuthorize => Some("FBE2D5"),
        Mark::Conflict => Some("FFF2CC"),
        Mark::NoReply => None,
    }
}
