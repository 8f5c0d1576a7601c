//! `records.xlsx`: the records as a workbook for people who open CSV files in Excel — sheets
//! Tally, Answers, Replies, Failures and About (what it was made from); the header row frozen,
//! filters on, column widths set, long text wrapped (rows made tall enough: LibreOffice does
//! not grow them by itself), Arabic cells right to left, pages set up to print landscape, one
//! page wide, the header row on each page. The CSV stays as the contract says; this is beside it.
//!
//! Deterministic: the document's creation date comes from the inputs (see
//! [`view::created_date`]), never from the clock, and rust_xlsxwriter zips with fixed times.
//!
//! Written row by row (rust_xlsxwriter's "low memory" sheets, see [`write_records_xlsx`]): the
//! cells of a large run are never all in memory.

use std::io::{Read, Seek, Write};
use std::path::Path;

use rust_xlsxwriter::{
    Color, DocProperties, ExcelDateTime, Format, FormatAlign, FormatBorder, Workbook, Worksheet,
    XlsxError,
};

use super::view;
use super::RunInfo;
use crate::record::{Records, Reply};
use crate::tally::Summary;

/// Deflate level of every part. Measured on 200 small replies: level 6 (rust_xlsxwriter's
/// own) 84 KB for 0.22 G instructions in all, level 2 94 KB for 0.16 G, level 1 133 KB for
/// 0.14 G; the sheets are deflated twice (see [`copy_with_heights`]).
const ZIP_LEVEL: u8 = 2;

/// Excel's limit on a cell is 32,767 UTF-16 units; keep well inside it.
const CELL_LIMIT: usize = 32_000;

/// Text a cell can hold: XML-safe, within Excel's length limit (cut with a note).
fn cell_text(s: &str) -> String {
    let s = view::xml_safe(s);
    // UTF-8 never takes fewer bytes than UTF-16 units: short texts need no count.
    if s.len() <= CELL_LIMIT {
        return s;
    }
    let mut units = 0;
    let mut out = String::new();
    for c in s.chars() {
        units += c.len_utf16();
        if units > CELL_LIMIT {
            out.push_str(" … [cut: too long for one cell; see records.json]");
            return out;
        }
        out.push(c);
    }
    out
}

struct Formats {
    header: Format,
    text: Format,
    wrap: Format,
    rtl: Format,
    rtl_wrap: Format,
    number: Format,
    percent: Format,
}

impl Formats {
    fn new() -> Formats {
        let base = Format::new().set_align(FormatAlign::Top);
        Formats {
            header: Format::new()
                .set_bold()
                .set_background_color(Color::RGB(0xD9E2F3))
                .set_border_bottom(FormatBorder::Thin)
                .set_align(FormatAlign::Top)
                .set_text_wrap(),
            text: base.clone(),
            wrap: base.clone().set_text_wrap(),
            rtl: base.clone().set_reading_direction(2),
            rtl_wrap: base.clone().set_reading_direction(2).set_text_wrap(),
            number: base.clone(),
            percent: base.set_num_format("0.0"),
        }
    }
}

/// Points per line of wrapped text (Calibri 11 rows are 15 points high).
const LINE_HEIGHT: f64 = 15.0;
/// Excel's highest row.
const MAX_ROW_HEIGHT: f64 = 409.0;

/// How wide a line of text is, in the units of column widths (about one digit): East Asian
/// wide characters take two.
fn text_width(line: &str) -> f64 {
    line.chars()
        .map(|c| {
            let u = c as u32;
            let wide = (0x1100..=0x115F).contains(&u)
                || (0x2E80..=0xA4CF).contains(&u)
                || (0xAC00..=0xD7A3).contains(&u)
                || (0xF900..=0xFAFF).contains(&u)
                || (0xFE30..=0xFE4F).contains(&u)
                || (0xFF00..=0xFF60).contains(&u)
                || (0xFFE0..=0xFFE6).contains(&u)
                || (0x20000..=0x3FFFD).contains(&u);
            if wide {
                2.0
            } else {
                1.0
            }
        })
        .sum()
}

/// Lines a wrapped cell of `width` needs for `s` (a little generous: proportional fonts vary).
fn lines_needed(s: &str, width: f64) -> u32 {
    let usable = (width - 1.0).max(1.0);
    s.lines()
        .map(|l| ((text_width(l) * 1.1 / usable).ceil() as u32).max(1))
        .sum::<u32>()
        .max(1)
}

/// One sheet being written: a header row, then rows; frozen header, autofilter, widths, row
/// heights for wrapped text, print setup.
struct Sheet<'a> {
    ws: &'a mut Worksheet,
    f: &'a Formats,
    row: u32,
    cols: u16,
    widths: Vec<f64>,
    /// Lines the tallest wrapped cell of the current row needs.
    lines: u32,
    /// The rows given a height, in order: written by [`copy_with_heights`].
    heights: Vec<RowHeight>,
}

/// A row (0-based) and its height in pixels, as rust_xlsxwriter keeps it.
#[derive(Debug, Clone, Copy, PartialEq)]
struct RowHeight {
    row: u32,
    pixels: u32,
}

impl<'a> Sheet<'a> {
    fn new(
        ws: &'a mut Worksheet,
        f: &'a Formats,
        name: &str,
        columns: &[(&str, f64)],
    ) -> Result<Sheet<'a>, XlsxError> {
        ws.set_name(name)?;
        let mut col: u16 = 0;
        let mut lines = 1;
        for (title, width) in columns {
            ws.write_string_with_format(0, col, *title, &f.header)?;
            ws.set_column_width(col, *width)?;
            lines = lines.max(lines_needed(title, *width));
            col += 1;
        }
        ws.set_freeze_panes(1, 0)?;
        // Printed: A4 landscape, one page wide, the header row on every page, page numbers.
        ws.set_paper_size(9)
            .set_landscape()
            .set_print_fit_to_pages(1, 0)
            .set_footer("&L&A&RPage &P of &N");
        ws.set_repeat_rows(0, 0)?;
        Ok(Sheet {
            ws,
            f,
            row: 0,
            cols: col,
            widths: columns.iter().map(|(_, w)| *w).collect(),
            lines,
            heights: Vec::new(),
        })
    }

    /// Make the current row tall enough for its wrapped text. Kept here, not given to
    /// rust_xlsxwriter, whose "low memory" sheets keep every row's options to the end (a few
    /// hundred bytes a row) and write the last row twice when it has a height: the heights are
    /// put in when the workbook is copied out ([`copy_with_heights`]).
    fn fit_row(&mut self) {
        if self.lines > 1 {
            let h = (f64::from(self.lines) * LINE_HEIGHT).min(MAX_ROW_HEIGHT);
            // As `Worksheet::set_row_height` turns points into pixels.
            let pixels = (h * 4.0 / 3.0).round() as u32;
            self.heights.push(RowHeight {
                row: self.row,
                pixels,
            });
        }
        self.lines = 1;
    }

    fn next_row(&mut self) -> Result<(), XlsxError> {
        self.fit_row();
        self.row += 1;
        Ok(())
    }

    /// Text; right to left when it reads so; wrapped when `wrap`.
    fn text(&mut self, col: u16, s: &str, wrap: bool) -> Result<(), XlsxError> {
        if s.is_empty() {
            return Ok(());
        }
        let f = match (view::is_rtl(s), wrap) {
            (true, true) => &self.f.rtl_wrap,
            (true, false) => &self.f.rtl,
            (false, true) => &self.f.wrap,
            (false, false) => &self.f.text,
        };
        if wrap {
            let width = self.widths.get(usize::from(col)).copied().unwrap_or(10.0);
            self.lines = self.lines.max(lines_needed(s, width));
        }
        self.ws
            .write_string_with_format(self.row, col, cell_text(s), f)?;
        Ok(())
    }

    fn opt(&mut self, col: u16, s: Option<&str>) -> Result<(), XlsxError> {
        self.text(col, s.unwrap_or(""), false)
    }

    fn count(&mut self, col: u16, n: usize) -> Result<(), XlsxError> {
        self.ws
            .write_number_with_format(self.row, col, n as f64, &self.f.number)?;
        Ok(())
    }

    /// Returns the rows given a height.
    fn finish(mut self) -> Result<Vec<RowHeight>, XlsxError> {
        self.fit_row();
        let last_col = self.cols.saturating_sub(1);
        self.ws.autofilter(0, 0, self.row, last_col)?;
        Ok(self.heights)
    }
}

/// The columns of each sheet: title and width (in characters), laid out as the sheet is.
#[rustfmt::skip]
const TALLY: &[(&str, f64)] = &[
    ("Draft", 16.0), ("Provisional name", 20.0), ("Authorize", 11.0),
    ("of which with comments", 14.0), ("Does not authorize", 12.0),
    ("Both marked (conflict)", 12.0), ("No reply", 10.0), ("Support %", 11.0),
    ("Meets threshold", 12.0), ("Verdict", 30.0),
];
#[rustfmt::skip]
const ANSWERS: &[(&str, f64)] = &[
    ("Source", 34.0), ("Member State", 22.0), ("ISO3", 7.0), ("Draft", 16.0),
    ("Provisional name", 18.0), ("Decision", 14.0), ("Comments", 14.0), ("Text", 70.0),
    ("Evidence", 15.0), ("Counted", 9.0),
];
#[rustfmt::skip]
const REPLIES: &[(&str, f64)] = &[
    ("Source", 34.0), ("Member State", 22.0), ("ISO3", 7.0), ("Language", 9.0),
    ("Date", 11.0), ("Sender", 22.0), ("Title", 22.0), ("Address", 28.0), ("E-mail", 24.0),
    ("Counted", 9.0), ("Why not counted", 36.0), ("Warnings", 64.0), ("SHA-256", 16.0),
];
const FAILURES: &[(&str, f64)] = &[("Source", 40.0), ("Kind", 18.0), ("Message", 80.0)];
const ABOUT: &[(&str, f64)] = &[("Item", 22.0), ("Value", 90.0)];

/// The workbook, with its document properties (dated from the inputs, not the clock).
fn workbook(records: &Records, info: &RunInfo) -> Result<Workbook, XlsxError> {
    let mut wb = Workbook::new();
    wb.set_zip_compression_level(ZIP_LEVEL);
    let created = view::created_date(records);
    let created = ExcelDateTime::from_ymd(created.0, created.1, created.2)?;
    wb.set_properties(
        &DocProperties::new()
            .set_title(cell_text(&view::title(info)))
            .set_author(format!("replytally {}", info.tool_version))
            .set_comment(cell_text(&view::made_from(info)))
            .set_creation_datetime(&created),
    );
    Ok(wb)
}

/// Every sheet, in order; the rows given a height in each. `low_memory`: each row written
/// out as the next one starts (the tests compare with sheets held in memory).
fn sheets(
    wb: &mut Workbook,
    summary: &Summary,
    records: &Records,
    info: &RunInfo,
    low_memory: bool,
) -> Result<[Vec<RowHeight>; 5], XlsxError> {
    let f = Formats::new();
    let mut sheet = |(name, columns): (&str, &[(&str, f64)]),
                     fill: &dyn Fn(&mut Sheet) -> Result<(), XlsxError>| {
        let ws = if low_memory {
            wb.add_worksheet_with_low_memory()?
        } else {
            wb.add_worksheet()
        };
        let mut s = Sheet::new(ws, &f, name, columns)?;
        fill(&mut s)?;
        s.finish()
    };
    Ok([
        sheet(("Tally", TALLY), &|s| tally_rows(s, summary))?,
        sheet(("Answers", ANSWERS), &|s| answer_rows(s, records))?,
        sheet(("Replies", REPLIES), &|s| reply_rows(s, records))?,
        sheet(("Failures", FAILURES), &|s| failure_rows(s, records))?,
        sheet(("About", ABOUT), &|s| about_rows(s, info))?,
    ])
}

impl Sheet<'_> {
    /// The first three columns of a row about a reply: source, Member State, ISO3.
    fn reply(&mut self, r: &Reply) -> Result<(), XlsxError> {
        self.text(0, &r.source, false)?;
        self.text(1, &view::state_name(r), false)?;
        self.text(2, view::state_code(r), false)
    }
}

fn tally_rows(s: &mut Sheet, summary: &Summary) -> Result<(), XlsxError> {
    for d in &summary.drafts {
        s.next_row()?;
        s.text(0, &d.draft, false)?;
        s.opt(1, d.provisional.as_deref())?;
        s.count(2, d.authorize)?;
        s.count(3, d.with_comments)?;
        s.count(4, d.not_authorize)?;
        s.count(5, d.conflict)?;
        s.count(6, d.no_reply)?;
        if let Some(p) = d.support {
            s.ws.write_number_with_format(s.row, 7, p, &s.f.percent)?;
        }
        let meets = match d.meets_threshold {
            Some(true) => "yes",
            Some(false) => "no",
            None => "undecided",
        };
        s.text(8, meets, false)?;
        s.text(9, d.verdict().as_str(), false)?;
    }
    Ok(())
}

fn answer_rows(s: &mut Sheet, records: &Records) -> Result<(), XlsxError> {
    for r in &records.replies {
        let counted = view::left_out_kind(r).is_none();
        for a in &r.answers {
            s.next_row()?;
            s.reply(r)?;
            s.text(3, &a.draft, false)?;
            s.opt(4, a.provisional.as_deref())?;
            s.text(5, a.decision.as_str(), false)?;
            s.opt(6, a.comments.map(|c| c.as_str()))?;
            s.text(7, a.text.trim(), true)?;
            s.text(8, a.evidence.as_str(), false)?;
            s.text(9, if counted { "yes" } else { "no" }, false)?;
        }
    }
    Ok(())
}

fn reply_rows(s: &mut Sheet, records: &Records) -> Result<(), XlsxError> {
    // The replies left out are in input order: walk them beside the replies.
    let left = view::left_out(records);
    let mut next_left = left.iter().peekable();
    for r in &records.replies {
        s.next_row()?;
        let why = next_left
            .next_if(|o| std::ptr::eq(o.reply, r))
            .map(|o| o.why.as_str());
        s.reply(r)?;
        s.text(3, &r.language, false)?;
        s.opt(4, r.date.as_deref())?;
        s.opt(5, r.sender.name.as_deref())?;
        s.opt(6, r.sender.title.as_deref())?;
        s.text(7, r.sender.address.as_deref().unwrap_or(""), true)?;
        s.opt(8, r.sender.email.as_deref())?;
        s.text(9, if why.is_none() { "yes" } else { "no" }, false)?;
        s.text(10, why.unwrap_or(""), true)?;
        let warnings: Vec<&str> = r.warnings.iter().map(|w| w.text.as_str()).collect();
        s.text(11, &warnings.join("\n"), true)?;
        s.text(12, &r.sha256, false)?;
    }
    Ok(())
}

fn failure_rows(s: &mut Sheet, records: &Records) -> Result<(), XlsxError> {
    for fl in &records.failures {
        s.next_row()?;
        s.text(0, &fl.source, false)?;
        s.text(1, fl.kind.as_str(), false)?;
        s.text(2, &fl.message, true)?;
    }
    Ok(())
}

fn about_rows(s: &mut Sheet, info: &RunInfo) -> Result<(), XlsxError> {
    let circular = match (view::circular_number(info), view::circular_date(info)) {
        (Some(n), Some(d)) => format!("TSB Circular {n} of {d}"),
        (Some(n), None) => format!("TSB Circular {n}"),
        _ => "not found in the documents".to_string(),
    };
    let none_given = |v: &Option<String>| v.clone().unwrap_or_else(|| "none given".into());
    let rows = [
        ("Made by", format!("replytally {}", info.tool_version)),
        ("Inputs", info.inputs.to_string()),
        ("Blank form (--form)", none_given(&info.form)),
        ("Due date (--deadline)", none_given(&info.deadline)),
        (
            "Threshold (--threshold)",
            format!("{} %", view::number(info.threshold)),
        ),
        ("Circular", circular),
        ("Rule", view::rule(info)),
    ];
    for (k, v) in rows {
        s.next_row()?;
        s.text(0, k, false)?;
        s.text(1, &v, true)?;
    }
    Ok(())
}

/// `records.xlsx`.
pub fn records_xlsx(
    summary: &Summary,
    records: &Records,
    info: &RunInfo,
) -> Result<Vec<u8>, XlsxError> {
    let mut out = std::io::Cursor::new(Vec::new());
    write_records_xlsx(&mut out, &std::env::temp_dir(), summary, records, info)?;
    Ok(out.into_inner())
}

/// [`records_xlsx`], written into `out`.
///
/// Every sheet is written in "low memory" mode: each row goes to a temporary file in `scratch`
/// (unnamed, removed when done) as soon as the next one starts, and only the shared strings
/// stay in memory, so the workbook never holds every cell of a large run (the rows are written
/// in order, as that mode requires). The workbook is packed in memory (compressed, a few
/// hundred bytes a reply), then copied into `out` with the row heights put in.
pub fn write_records_xlsx<W: Write + Seek>(
    out: W,
    scratch: &Path,
    summary: &Summary,
    records: &Records,
    info: &RunInfo,
) -> Result<(), XlsxError> {
    let mut wb = workbook(records, info)?;
    wb.set_tempdir(scratch)?;
    let heights = sheets(&mut wb, summary, records, info, true)?;
    let packed = wb.save_to_buffer()?;
    drop(wb);
    copy_with_heights(&packed, out, &heights)
}

/// Copy the packed workbook into `out`: each sheet with rows given a height (`heights`, in
/// sheet order) through [`add_heights`], every other part as it is.
fn copy_with_heights<W: Write + Seek>(
    packed: &[u8],
    out: W,
    heights: &[Vec<RowHeight>],
) -> Result<(), XlsxError> {
    let mut zin = zip::ZipArchive::new(std::io::Cursor::new(packed))?;
    let mut zout = zip::ZipWriter::new(out);
    // As rust_xlsxwriter writes its parts.
    let opts = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .compression_level(Some(i64::from(ZIP_LEVEL)))
        .unix_permissions(0o600)
        .last_modified_time(zip::DateTime::default());
    for i in 0..zin.len() {
        let name = zin
            .name_for_index(i)
            .transpose()?
            .map(|n| n.to_string())
            .unwrap_or_default();
        let sheet_heights = name
            .strip_prefix("xl/worksheets/sheet")
            .and_then(|n| n.strip_suffix(".xml"))
            .and_then(|n| n.parse::<usize>().ok())
            .and_then(|n| heights.get(n.wrapping_sub(1)))
            .filter(|h| !h.is_empty());
        let Some(sheet_heights) = sheet_heights else {
            zout.raw_copy_file(zin.by_index_raw(i)?)?;
            continue;
        };
        zout.start_file(name.as_str(), opts)?;
        let mut entry = zin.by_index(i)?;
        let mut next = sheet_heights.iter().peekable();
        let mut pending: Vec<u8> = Vec::with_capacity(2 * CHUNK);
        let mut chunk = vec![0; CHUNK];
        let mut done = Vec::with_capacity(2 * CHUNK);
        loop {
            let n = entry.read(&mut chunk)?;
            pending.extend_from_slice(chunk.get(..n).unwrap_or_default());
            // Up to the last `<`: a tag cut by the chunk waits for the rest of it.
            let cut = if n == 0 {
                pending.len()
            } else {
                pending.iter().rposition(|&b| b == b'<').unwrap_or(0)
            };
            add_heights(pending.get(..cut).unwrap_or_default(), &mut next, &mut done);
            zout.write_all(&done)?;
            done.clear();
            pending.drain(..cut);
            if n == 0 {
                break;
            }
        }
    }
    zout.finish()?;
    Ok(())
}

/// Sheet XML is read and written in pieces of this size.
const CHUNK: usize = 1 << 16;

/// Copy `xml` (whole tags) into `out`, giving each `<row r="N"` whose row is the next of
/// `heights` its height, as rust_xlsxwriter writes it: ` ht="{points}" customHeight="1"`.
fn add_heights(
    xml: &[u8],
    heights: &mut std::iter::Peekable<std::slice::Iter<'_, RowHeight>>,
    out: &mut Vec<u8>,
) {
    const ROW: &[u8] = b"<row r=\"";
    let mut rest = xml;
    while heights.peek().is_some() {
        let Some(at) = memchr::memmem::find(rest, ROW) else {
            break;
        };
        let value = at + ROW.len();
        let tail = rest.get(value..).unwrap_or_default();
        let Some(len) = tail.iter().position(|&b| b == b'"') else {
            break;
        };
        let end = value + len + 1;
        out.extend_from_slice(rest.get(..end).unwrap_or_default());
        let number = std::str::from_utf8(tail.get(..len).unwrap_or_default())
            .ok()
            .and_then(|n| n.parse::<u32>().ok());
        if let Some(number) = number {
            // A height for a row that has no cells has no row to go in.
            while heights.next_if(|h| h.row + 1 < number).is_some() {}
            if let Some(h) = heights.next_if(|h| h.row + 1 == number) {
                let points = f64::from(h.pixels) * 0.75;
                let _ = write!(out, " ht=\"{points}\" customHeight=\"1\"");
            }
        }
        rest = rest.get(end..).unwrap_or_default();
    }
    out.extend_from_slice(rest);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::tests::{sample_info, sample_records, sample_summary, zip_part as part};

    fn render(records: &Records) -> Vec<u8> {
        let summary = sample_summary(records);
        records_xlsx(&summary, records, &sample_info()).unwrap()
    }

    #[test]
    fn sheets_frozen_filtered_and_deterministic() {
        let mut records = sample_records();
        records.replies[0].answers[0].text = "中文理由\u{1}".into();
        records.replies[1].answers[1].text = "نص عربي".into();
        let a = render(&records);
        let b = render(&records);
        assert_eq!(a, b, "same bytes twice");
        let wb = part(&a, "xl/workbook.xml");
        for name in ["Tally", "Answers", "Replies", "Failures", "About"] {
            assert!(wb.contains(&format!(r#"name="{name}""#)), "{name}: {wb}");
        }
        assert!(wb.contains("_xlnm._FilterDatabase"), "{wb}");
        for i in 1..=5 {
            let sheet = part(&a, &format!("xl/worksheets/sheet{i}.xml"));
            assert!(
                sheet.contains(
                    r#"<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>"#
                ),
                "{sheet}"
            );
            assert!(sheet.contains("<autoFilter ref="), "{sheet}");
            assert!(sheet.contains("<cols>"));
        }
        let strings = part(&a, "xl/sharedStrings.xml");
        assert!(strings.contains("中文理由"));
        assert!(!strings.contains('\u{1}'));
        assert!(strings.contains("نص عربي"));
        let styles = part(&a, "xl/styles.xml");
        assert!(styles.contains(r#"readingOrder="2""#), "{styles}");
        let core = part(&a, "docProps/core.xml");
        assert!(core.contains("2023-02-20T00:00:00Z"), "{core}");
    }

    /// The workbook as it was made before the sheets were written row by row: standard
    /// sheets, every cell in memory, heights given to rust_xlsxwriter.
    fn render_in_memory(summary: &Summary, records: &Records, info: &RunInfo) -> Vec<u8> {
        let mut wb = workbook(records, info).unwrap();
        let heights = sheets(&mut wb, summary, records, info, false).unwrap();
        for (i, hs) in heights.iter().enumerate() {
            let ws = wb.worksheet_from_index(i).unwrap();
            for h in hs {
                ws.set_row_height_pixels(h.row, h.pixels).unwrap();
            }
        }
        wb.save_to_buffer().unwrap()
    }

    /// Standard sheets say which columns each block of rows spans (an optional hint, which
    /// sheets written row by row leave out).
    fn without_spans(xml: &str) -> String {
        let mut out = String::new();
        let mut rest = xml;
        while let Some(at) = rest.find(" spans=\"") {
            out.push_str(&rest[..at]);
            let after = &rest[at + " spans=\"".len()..];
            rest = &after[after.find('"').unwrap() + 1..];
        }
        out.push_str(rest);
        out
    }

    #[test]
    fn same_workbook_as_made_in_memory_with_each_row_once() {
        let mut records = sample_records();
        // Tall rows everywhere, the last row of each sheet among them.
        let many = records.replies[0].clone();
        for i in 0..300 {
            let mut r = many.clone();
            r.source = format!("replies/copy{i}.docx");
            records.replies.push(r);
        }
        let last = records.replies.len() - 1;
        records.replies[last].answers[1].text = "one\ntwo\nthree".into();
        records.replies[last].warnings = vec!["first".into(), "second".into()];
        let summary = sample_summary(&records);
        let info = sample_info();
        let new = records_xlsx(&summary, &records, &info).unwrap();
        let old = render_in_memory(&summary, &records, &info);
        let names = |bytes: &[u8]| -> Vec<String> {
            let z = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
            z.file_names().map(|n| n.unwrap().to_string()).collect()
        };
        assert_eq!(names(&new), names(&old));
        for name in names(&old) {
            let (a, b) = (part(&old, &name), part(&new, &name));
            if name.starts_with("xl/worksheets/") {
                assert_eq!(without_spans(&a), b, "{name}");
                // Each row once, in order.
                let rows: Vec<u32> = b
                    .split("<row r=\"")
                    .skip(1)
                    .map(|t| t[..t.find('"').unwrap()].parse().unwrap())
                    .collect();
                assert!(rows.windows(2).all(|w| w[0] < w[1]), "{name}: {rows:?}");
            } else {
                assert_eq!(a, b, "{name}");
            }
        }
        let answers = part(&new, "xl/worksheets/sheet2.xml");
        let last_row = answers.rfind("<row ").unwrap();
        assert!(
            answers[last_row..].starts_with(r#"<row r="607" ht="45" customHeight="1">"#),
            "{}",
            &answers[last_row..]
        );
    }

    #[test]
    fn heights_go_in_their_rows_across_pieces() {
        let heights = [
            RowHeight { row: 0, pixels: 40 },
            RowHeight {
                row: 2,
                pixels: 545,
            },
            RowHeight { row: 7, pixels: 60 },
        ];
        let xml = r#"<row r="1"><c/></row><row r="2"/><row r="3"><c/></row><row r="9"/>"#;
        let mut next = heights.iter().peekable();
        let mut out = Vec::new();
        // Cut at a `<`, as the copy does.
        let cut = xml.find("<row r=\"3").unwrap();
        add_heights(&xml.as_bytes()[..cut], &mut next, &mut out);
        add_heights(&xml.as_bytes()[cut..], &mut next, &mut out);
        assert_eq!(
            String::from_utf8(out).unwrap(),
            r#"<row r="1" ht="30" customHeight="1"><c/></row><row r="2"/><row r="3" ht="408.75" customHeight="1"><c/></row><row r="9"/>"#
        );
        assert!(
            next.next().is_none(),
            "a height for a row not written is dropped"
        );
    }

    #[test]
    fn long_text_is_cut_not_refused() {
        let mut records = sample_records();
        records.replies[0].answers[0].text = "x".repeat(40_000);
        let bytes = render(&records);
        assert!(part(&bytes, "xl/sharedStrings.xml").contains("[cut: too long"));
    }
}
