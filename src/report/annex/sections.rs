//! The annex from top to bottom: the portrait section (title, rule, results), the landscape
//! matrix, and the document's own last section (reasons and comments per draft, replies not
//! counted, files not read, what the annex was made from).

use docx_rs::{Docx, PageOrientationType, Paragraph, Run, Section};

use super::layout::*;
use super::tables::*;
use crate::record::Records;
use crate::report::view;
use crate::report::RunInfo;
use crate::tally::Summary;

/// The document as docx-rs builds it (before [`super::edits`]).
pub(super) fn build(summary: &Summary, records: &Records, info: &RunInfo) -> Docx {
    let mut first = results_section(summary, info);
    let mut docx = styles(Docx::new());
    match matrix_section(summary, records, info) {
        Some(matrix) => docx = docx.add_section(first).add_section(matrix),
        None => {
            first = first
                .add_paragraph(heading(1, "Replies by Member State"))
                .add_paragraph(p("Normal", "None: no reply is counted."));
            docx = docx.add_section(first);
        }
    }
    // The last section (the document's own), portrait: reasons, comments, left out, made from.
    let docx = docx
        .page_size(A4_SHORT, A4_LONG)
        .page_orient(PageOrientationType::Portrait)
        .page_margin(margins())
        .footer(footer(info));
    let docx = not_counted(reasons(docx, summary, records), records);
    docx.add_paragraph(p("Normal", ""))
        .add_paragraph(ruled(p("Note", &view::made_from(info))))
}

/// Section 1, portrait: title, rule, results.
fn results_section(summary: &Summary, info: &RunInfo) -> Section {
    let title = match view::circular_date(info) {
        Some(d) => format!("{} of {d}", view::title(info)),
        None => format!("{} of {}", view::title(info), view::DATE_PLACEHOLDER),
    };
    let first = Section::new()
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
        return first.add_paragraph(p(
            "Normal",
            "No drafts: no reply form was read and no blank form was given.",
        ));
    }
    let one = summary.member_states_replied == 1;
    let mut first = first
        .add_paragraph(p(
            "Normal",
            &format!(
                "{} Member State{} replied and {} counted. Replies: Member States that \
                 answered the draft. Support: authorize ÷ (authorize + does not authorize). \
                 Both marked: replies with both boxes marked, to be resolved.",
                summary.member_states_replied,
                if one { "" } else { "s" },
                if one { "is" } else { "are" },
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
    first
}

/// Section 2, landscape: the matrix; none when no reply is counted.
fn matrix_section(summary: &Summary, records: &Records, info: &RunInfo) -> Option<Section> {
    if view::matrix(records, &view::drafts(summary)).is_empty() {
        return None;
    }
    let tables = matrix_tables(summary, records);
    if tables.is_empty() {
        return None;
    }
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
    Some(matrix)
}

/// Per draft: its counts, the reasons of those who do not authorize, the comments received,
/// and who marked both boxes.
fn reasons(mut docx: Docx, summary: &Summary, records: &Records) -> Docx {
    docx = docx.add_paragraph(heading(1, "Reasons and comments received"));
    if summary.drafts.is_empty() {
        docx = docx.add_paragraph(p("Normal", "None."));
    }
    let words = view::words_per_draft(records, &view::drafts(summary));
    for (w, d) in words.iter().zip(&summary.drafts) {
        docx = docx
            .add_paragraph(heading(2, &view::tally_label(d)))
            .add_table(draft_counts_table(d))
            .add_paragraph(heading(
                3,
                "Reasons of the Member States that do not authorize",
            ));
        let none = "None: no Member State counted does not authorize.";
        docx = said_blocks(docx, &w.reasons, none).add_paragraph(heading(3, "Comments received"));
        docx = said_blocks(docx, &w.comments, "None.");
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
    docx
}

/// What each Member State said, or `none` when none said anything.
fn said_blocks(mut docx: Docx, said: &[view::Said], none: &str) -> Docx {
    if said.is_empty() {
        return docx.add_paragraph(p("Normal", none));
    }
    for s in said {
        for para in said_block(s) {
            docx = docx.add_paragraph(para);
        }
    }
    docx
}

/// The replies not counted and the files that could not be read.
fn not_counted(mut docx: Docx, records: &Records) -> Docx {
    docx = docx.add_paragraph(heading(1, "Replies not counted"));
    docx = match left_out_table(records) {
        Some(tb) => docx.add_table(tb),
        None if records.replies.is_empty() => {
            docx.add_paragraph(p("Normal", "None: no reply was read."))
        }
        None => docx.add_paragraph(p(
            "Normal",
            "None: every reply read is counted (none late, superseded or unidentified).",
        )),
    };
    docx = docx.add_paragraph(heading(2, "Files that could not be read"));
    docx = match failures_table(records) {
        Some(tb) => docx.add_table(tb),
        None => docx.add_paragraph(p("Normal", "None.")),
    };
    corrections(docx, records)
}

/// The corrections a person made, each with its reason (only when there are any).
fn corrections(mut docx: Docx, records: &Records) -> Docx {
    let list = view::corrections(records);
    if list.is_empty() {
        return docx;
    }
    docx = docx.add_paragraph(heading(2, "Readings corrected by the secretariat"));
    for line in list {
        docx = docx.add_paragraph(p("Normal", &line));
    }
    docx
}

/// A quotation: the reply's words, line by line, in quotation marks (none around
/// right-to-left text, whose paragraphs run right to left).
pub(super) fn quote(text: &str) -> Vec<Paragraph> {
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
pub(super) fn said_block(said: &view::Said) -> Vec<Paragraph> {
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
