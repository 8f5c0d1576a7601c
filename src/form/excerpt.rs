//! The parts of a reply a reading rests on, as they look: the sender block, and for each draft
//! the rows of the answer table it was read from, with every mark (checked or not, typed or a
//! glyph), the runs' emphasis (highlight, bold, underline, strike) and tracked changes kept.
//! Plain data for the review page, which renders it beside the tool's reading; the reader
//! decides nothing here.

use serde::{Deserialize, Serialize};

use super::answers::{word_mark, DraftReading, MarkUse};
use super::layout::{Line, LineMark, BOLD, HIGHLIGHT, STRIKE, TYPED, UNDERLINE};
use crate::docx::model::Mechanism;
use crate::record::Evidence;

/// Most lines one excerpt shows: a draft's rows, or the sender block's last lines.
pub const MAX_LINES: usize = 40;
/// Most characters of one line shown (a long paragraph of reasons is cut).
pub const MAX_LINE_CHARS: usize = 600;

/// What the review page shows of one reply.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Excerpts {
    /// The form's lines before the answer table, TSB's own address left out.
    pub sender: Excerpt,
    pub drafts: Vec<DraftExcerpt>,
}

impl Excerpts {
    pub fn is_empty(&self) -> bool {
        self.sender.rows.is_empty() && self.drafts.is_empty()
    }

    /// After aligning with the blank form a draft may carry the form's name.
    pub fn rename(&mut self, from: &str, to: &str) {
        for d in self.drafts.iter_mut().filter(|d| d.draft == from) {
            d.draft = to.to_string();
        }
    }
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DraftExcerpt {
    pub draft: String,
    /// The reader's reasoning for the decision, in words.
    pub why: String,
    pub excerpt: Excerpt,
}

/// Rows in document order; a paragraph outside a table is a row of one cell.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Excerpt {
    pub rows: Vec<Row>,
    /// Lines were left out (more than [`MAX_LINES`]).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub cut: bool,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Row {
    /// A table row (else a paragraph).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub table: bool,
    pub cells: Vec<Vec<ExcerptLine>>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ExcerptLine {
    pub runs: Vec<Run>,
    /// Tracked changes touched the paragraph (read as accepted).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub revised: bool,
    /// The whole line is emphasised (highlighted, shaded, bold or underlined): emphasis the
    /// reader may have taken as a mark.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub emphasised: bool,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub rtl: bool,
}

/// A piece of a line: text with its formatting, or a mark.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Run {
    Text {
        text: String,
        #[serde(default, skip_serializing_if = "is_zero")]
        format: u8,
    },
    Mark(Mark),
}

fn is_zero(f: &u8) -> bool {
    *f == 0
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Mark {
    /// `true`, `false`, or `null` when its state could not be read.
    pub checked: Option<bool>,
    /// What to draw: the glyph or typed text itself, else ☒ / ☐ / ?.
    pub shown: String,
    /// How it is stored, in words (`legacy checkbox`, `typed 'X'`, `Wingdings F0FE` …).
    pub detail: String,
    /// The reading counted this mark for the draft shown.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub used: bool,
}

/// The excerpts of one reading: `region` is the answer table's first and last line, `to_block`
/// the header lines of TSB's own address.
pub fn excerpts(
    lines: &[Line],
    region: Option<(usize, usize)>,
    to_block: &[usize],
    drafts: &[DraftReading],
    mark_uses: &[MarkUse],
) -> Excerpts {
    let header_end = region.map_or(lines.len().min(MAX_LINES), |(s, _)| s);
    // The sender block sits just above the answer table; a cover letter, if any, comes first.
    let header: Vec<usize> = (0..header_end)
        .filter(|i| !to_block.contains(i) && lines[*i].has_text())
        .collect();
    let cut = header.len() > MAX_LINES;
    let keep = &header[header.len().saturating_sub(MAX_LINES)..];
    let mut sender = excerpt(lines, keep, &|_| false, None);
    sender.cut = cut;
    let drafts = drafts
        .iter()
        .filter_map(|d| {
            let (a, b) = d.span?;
            let (a, b) = whole_rows(lines, a, b);
            // Counted for this draft (an empty box counted says nothing: not outlined).
            let used = |id: usize| {
                mark_uses
                    .iter()
                    .any(|u| u.id == id && u.counted && u.draft.as_deref() == Some(&d.name.draft))
            };
            // A table's empty cells are kept, so that each row keeps its columns.
            let idx: Vec<usize> = (a..=b)
                .filter(|&i| {
                    let l = &lines[i];
                    l.place.table > 0 || l.has_text() || !l.marks.is_empty()
                })
                .collect();
            // A word typed beside a line ("Yes", "Sí") is a mark of the draft's when it read one.
            let words = [
                &d.authorize,
                &d.not_authorize,
                &d.no_comments,
                &d.with_comments,
            ]
            .iter()
            .any(|l| l.typed == Some((true, Evidence::Text)));
            let mut ex = excerpt(lines, &idx[..idx.len().min(MAX_LINES)], &used, Some(words));
            ex.cut = idx.len() > MAX_LINES;
            Some(DraftExcerpt {
                draft: d.name.draft.clone(),
                why: d.verdict.why.clone(),
                excerpt: ex,
            })
        })
        .collect();
    Excerpts { sender, drafts }
}

/// Widens lines `a..=b` to the whole table rows they start and end in.
fn whole_rows(lines: &[Line], mut a: usize, mut b: usize) -> (usize, usize) {
    let b_max = lines.len().saturating_sub(1);
    b = b.min(b_max);
    a = a.min(b);
    while a > 0 && lines[a - 1].place.same_row(&lines[a].place) {
        a -= 1;
    }
    while b < b_max && lines[b + 1].place.same_row(&lines[b].place) {
        b += 1;
    }
    (a, b)
}

/// The lines `idx` grouped into rows (same table row) and cells.
/// `words`: typed words of assent are marks (`Some`, and whether the reading used one).
fn excerpt(
    lines: &[Line],
    idx: &[usize],
    used: &dyn Fn(usize) -> bool,
    words: Option<bool>,
) -> Excerpt {
    let mut rows: Vec<Row> = Vec::new();
    let mut last: Option<&Line> = None;
    for &i in idx {
        let line = &lines[i];
        let same_row = last.is_some_and(|l| l.place.same_row(&line.place));
        let same_cell = last.is_some_and(|l| l.place.same_cell(&line.place));
        let shown = excerpt_line(line, used, words);
        match (rows.last_mut(), same_cell, same_row) {
            (Some(r), true, _) if !r.cells.is_empty() => {
                let n = r.cells.len() - 1;
                r.cells[n].push(shown);
            }
            (Some(r), _, true) => r.cells.push(vec![shown]),
            _ => rows.push(Row {
                table: line.place.table > 0,
                cells: vec![vec![shown]],
            }),
        }
        last = Some(line);
    }
    Excerpt { rows, cut: false }
}

fn excerpt_line(line: &Line, used: &dyn Fn(usize) -> bool, words: Option<bool>) -> ExcerptLine {
    let (leading, trailing): (Vec<&LineMark>, Vec<&LineMark>) =
        line.marks.iter().partition(|m| m.leading);
    let mut runs: Vec<Run> = leading.iter().map(|m| mark(m, used)).collect();
    let word = words.and(word_mark(&line.text));
    match (words, word) {
        (Some(read), Some(state)) => runs.push(Run::Mark(Mark {
            checked: Some(state),
            shown: line.text.trim().to_string(),
            detail: "a word typed beside the line".into(),
            used: read && state,
        })),
        _ => runs.extend(text_runs(line)),
    }
    runs.extend(trailing.iter().map(|m| mark(m, used)));
    ExcerptLine {
        runs,
        revised: line.revised,
        // Emphasis is read as a mark in the answer table only: a bold title above it is none.
        emphasised: words.is_some()
            && word.is_none()
            && line.has_text()
            && (line.emphasised || line.bold || line.underline),
        rtl: line.bidi,
    }
}

/// The line's text cut at its formatting runs (and at [`MAX_LINE_CHARS`]).
fn text_runs(line: &Line) -> Vec<Run> {
    let limit = line
        .text
        .char_indices()
        .nth(MAX_LINE_CHARS)
        .map_or(line.text.len(), |(i, _)| i);
    let mut out = Vec::new();
    let mut start = 0;
    let ends = line.runs.iter().copied().chain([(line.text.len(), 0)]);
    for (end, flags) in ends {
        let end = end.min(limit);
        if end <= start {
            continue;
        }
        let Some(text) = line.text.get(start..end) else {
            continue;
        };
        let format = flags & (HIGHLIGHT | BOLD | UNDERLINE | STRIKE)
            | if line.shaded { HIGHLIGHT } else { 0 };
        match out.last_mut() {
            Some(Run::Text { text: t, format: f }) if *f == format => t.push_str(text),
            _ => out.push(Run::Text {
                text: text.to_string(),
                format,
            }),
        }
        start = end;
    }
    if limit < line.text.len() {
        out.push(Run::Text {
            text: " …".into(),
            format: 0,
        });
    }
    out
}

fn mark(m: &LineMark, used: &dyn Fn(usize) -> bool) -> Run {
    let c = &m.checkbox;
    let typed = c.mechanism == TYPED && c.detail.starts_with("typed '");
    let shown = if typed {
        // "typed 'X'" or "typed 'X' (struck through)": what was typed is between the quotes.
        let rest = c.detail.trim_start_matches("typed '");
        rest.rfind('\'')
            .map_or(rest, |end| &rest[..end])
            .to_string()
    } else {
        glyph_of(c.mechanism, &c.detail).unwrap_or_else(|| {
            match c.checked {
                Some(true) => "☒",
                Some(false) => "☐",
                None => "?",
            }
            .to_string()
        })
    };
    Run::Mark(Mark {
        checked: c.checked,
        shown,
        detail: describe(c.mechanism, &c.detail),
        used: c.checked != Some(false) && used(m.id),
    })
}

/// A typed Unicode glyph (`U+2612`) drawn as itself: the person's own ✓ or ☒, not ours.
fn glyph_of(m: Mechanism, detail: &str) -> Option<String> {
    if m != Mechanism::Glyph {
        return None;
    }
    let hex = detail
        .split_whitespace()
        .find_map(|w| w.strip_prefix("U+"))?;
    let c = u32::from_str_radix(hex.trim_end_matches(|c: char| !c.is_ascii_hexdigit()), 16)
        .ok()
        .and_then(char::from_u32)?;
    Some(c.to_string())
}

fn describe(m: Mechanism, detail: &str) -> String {
    let how = match m {
        Mechanism::LegacyCheckbox => "Word check box",
        Mechanism::Dropdown => "Word drop-down entry",
        Mechanism::ContentControl => "content-control check box",
        Mechanism::Glyph => "character",
        Mechanism::Symbol => "symbol",
        Mechanism::Activex => "ActiveX control",
        Mechanism::PdfField => "PDF form field",
        Mechanism::Scan => "box in the scan",
        Mechanism::Drawing => "picture or shape",
    };
    if detail.is_empty() {
        how.to_string()
    } else {
        format!("{how}: {detail}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::docx::model::{Block, Checkbox, Document, Inline, Paragraph, RunFormat};
    use crate::form::layout::lines;

    fn para(inlines: Vec<Inline>) -> Block {
        Block::Paragraph(Paragraph {
            inlines,
            ..Paragraph::default()
        })
    }

    fn text(t: &str, format: RunFormat) -> Inline {
        Inline::Text {
            text: t.into(),
            format,
        }
    }

    #[test]
    fn marks_and_emphasis_are_kept_and_text_cut() {
        let hl = RunFormat {
            highlight: true,
            ..RunFormat::default()
        };
        let struck = RunFormat {
            strike: true,
            ..RunFormat::default()
        };
        let doc = Document {
            body: vec![
                para(vec![
                    Inline::Checkbox(Checkbox {
                        mechanism: Mechanism::LegacyCheckbox,
                        checked: Some(true),
                        detail: "w:checked".into(),
                    }),
                    text("authorizes", hl),
                ]),
                para(vec![text("X\tdoes not authorize", struck)]),
                para(vec![text(&"long ".repeat(200), RunFormat::default())]),
            ],
            ..Document::default()
        };
        let ls = lines(&doc);
        let ex = excerpt(&ls, &[0, 1, 2], &|id| id == 1, Some(false));
        assert_eq!(ex.rows.len(), 3);
        let first = &ex.rows[0].cells[0][0];
        assert!(first.emphasised);
        assert!(
            matches!(&first.runs[0], Run::Mark(m) if m.used && m.checked == Some(true) && m.shown == "☒")
        );
        assert!(matches!(&first.runs[1], Run::Text { format, .. } if *format & HIGHLIGHT != 0));
        let second = &ex.rows[1].cells[0][0];
        assert!(matches!(&second.runs[0], Run::Mark(m) if m.shown == "X" && !m.used));
        assert!(matches!(&second.runs[1], Run::Text { format, .. } if *format & STRIKE != 0));
        let long: usize = ex.rows[2].cells[0][0]
            .runs
            .iter()
            .map(|r| match r {
                Run::Text { text, .. } => text.chars().count(),
                Run::Mark(_) => 0,
            })
            .sum();
        assert!(long <= MAX_LINE_CHARS + 2, "{long}");
    }
}
