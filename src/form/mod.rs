//! Reading the reply form out of the document model: the header (who replied, when), the
//! answer table (what was marked for each draft) and the text written for each draft.
//!
//! Everything language-specific lives in [`lang`]; the rest works on meaning and layout.

pub mod align;
pub mod answers;
pub mod circular;
pub mod dates;
pub mod drafts;
pub mod excerpt;
pub mod header;
pub mod lang;
pub mod layout;
mod mission;
pub mod text;
mod who;

use crate::docx::model::Document;
use crate::record::{Answer, Circular, MemberState, Sender};
use crate::warning::{Warning, WarningKind};
use answers::{
    decide, read_after_table, read_answers, read_letter, AnswerTable, DraftReading, LineKind,
    MarkUse,
};
use drafts::DraftName;
use layout::Line;

/// What a document says, read as a reply form.
#[derive(Debug)]
pub struct FormReading {
    pub language: String,
    pub member_state: Option<MemberState>,
    pub sender: Sender,
    pub date: Option<String>,
    pub drafts: Vec<DraftReading>,
    pub warnings: Vec<Warning>,
    /// Where each mark was used (draft and line), by mark number.
    pub mark_uses: Vec<MarkUse>,
    /// The document's lines, for `explain`.
    pub lines: Vec<Line>,
    /// No answer lines were found: this is not a reply form.
    pub is_form: bool,
    /// Looks like the blank form itself: no marks checked, header still placeholders.
    pub is_blank: bool,
    /// The TSB Circular the document names.
    pub circular: Option<Circular>,
    /// The sender block and each draft's rows as they look, for the review page.
    pub excerpts: excerpt::Excerpts,
}

impl FormReading {
    pub fn answers(&self) -> Vec<Answer> {
        self.drafts
            .iter()
            .map(|d| Answer {
                draft: d.name.draft.clone(),
                provisional: d.name.provisional.clone(),
                decision: d.verdict.decision,
                comments: d.verdict.comments,
                text: d.verdict.text.clone(),
                evidence: d.verdict.evidence,
                scan: None,
            })
            .collect()
    }

    pub fn draft_names(&self) -> Vec<DraftName> {
        self.drafts.iter().map(|d| d.name.clone()).collect()
    }
}

/// Context from outside the document that helps tell who replied.
#[derive(Debug, Default, Clone)]
pub struct Context<'a> {
    /// The file's name (last part of the source).
    pub file_name: &'a str,
    /// The `From:` of the e-mail the file came in.
    pub email_from: Option<&'a str>,
}

/// Reads a document as a reply form.
pub fn read_form(doc: &Document, ctx: &Context) -> FormReading {
    read_form_with(doc, ctx, true)
}

/// [`read_form`]; without `excerpts` [`FormReading::excerpts`] is left empty (a run that only
/// writes the outputs would drop them: building them was 3 % of its reading).
pub fn read_form_with(doc: &Document, ctx: &Context, excerpts: bool) -> FormReading {
    let lines = layout::lines(doc);
    let mut table = read_answers(&lines);
    let mut warnings = Vec::new();
    let is_form = table.region.is_some()
        && table
            .drafts
            .iter()
            .any(|d| d.authorize.present || d.not_authorize.present);

    let (header_end, after_start) = match table.region {
        Some((s, e)) => (s, e + 1),
        None => (lines.len(), lines.len()),
    };
    let mut header = header::read_header(&lines[..header_end]);
    name_from_subject(&mut table, &lines[..header_end], &mut warnings);
    read_after_table(&lines, after_start, &mut table);
    read_letter(&lines[..header_end], &mut table);
    warnings.append(&mut table.warnings);
    answers::drop_repeated_text(&mut table.drafts);
    for d in &mut table.drafts {
        decide(d);
    }
    drop_blank_copies(&mut table, &mut warnings);
    // A draft named twice: keep both readings but say so.
    for (i, d) in table.drafts.iter().enumerate() {
        if table.drafts[..i].iter().any(|o| o.name.same_as(&d.name)) {
            let w = format!("{} appears twice in the answer table", d.name.draft);
            warnings.push(Warning::on_draft(WarningKind::DraftTwice, &d.name.draft, w));
        }
    }
    let language = language_of(&table, &lines, &mut warnings);

    // Text that may name the sender's country as a last resort: the header without TSB's own
    // To block, and the signature after the table.
    let body_text: String = lines
        .iter()
        .enumerate()
        .filter(|(i, _)| (*i < header_end && !header.to_block.contains(i)) || *i >= after_start)
        .map(|(_, l)| l.text.as_str())
        .collect::<Vec<_>>()
        .join("\n");
    if header.from_lines.is_empty() {
        // The From block left as printed: the sender signs the letter after the table.
        header.from_lines = signature_block(&lines[after_start.min(lines.len())..]);
    }
    if header.sender.email.is_none() {
        header.sender.email = letter_email(&lines, &header.to_block);
    }
    let sender = header.sender.clone();
    let who = header::identify(&header::Clues {
        header: &header,
        letterhead: &letterhead(doc),
        email_from: ctx.email_from,
        file_name: ctx.file_name,
        body_text: &body_text,
    });
    warnings.extend(who.warnings);
    let signature = &lines[after_start.min(lines.len())..];
    let top = &lines[..header_end.min(LETTER_TOP)];
    let date = date_of(&header, top, signature, &mut warnings);
    if doc.tracked_changes {
        warnings.push(Warning::new(
            WarningKind::TrackedChanges,
            "the document has tracked changes; they were read as accepted",
        ));
    }
    warnings.extend(document_notes(doc));

    let any_checked = table.drafts.iter().any(|d| {
        [
            &d.authorize,
            &d.not_authorize,
            &d.no_comments,
            &d.with_comments,
        ]
        .iter()
        .any(|s| s.checked())
    });
    let is_blank = is_form && !any_checked && header.sender.name.is_none() && who.state.is_none();
    let mut draft_warnings: Vec<Warning> = table
        .drafts
        .iter()
        .flat_map(|d| d.warnings.iter().cloned())
        .collect();
    draft_warnings.extend(warnings);
    let excerpts = if excerpts {
        excerpt::excerpts(
            &lines,
            table.region,
            &header.to_block,
            &table.drafts,
            &table.mark_uses,
        )
    } else {
        excerpt::Excerpts::default()
    };

    FormReading {
        language,
        member_state: who.state,
        sender,
        date,
        drafts: table.drafts,
        warnings: draft_warnings,
        mark_uses: table.mark_uses,
        lines,
        is_form,
        is_blank,
        circular: circular::in_document(doc),
        excerpts,
    }
}

/// The form pasted twice, one copy filled and one left as printed: the blank copy holds no
/// edit of the person's, so it is dropped (and said), never read as a second answer.
fn drop_blank_copies(table: &mut AnswerTable, warnings: &mut Vec<Warning>) {
    let untouched = |d: &DraftReading| {
        let lines = [
            &d.authorize,
            &d.not_authorize,
            &d.no_comments,
            &d.with_comments,
        ];
        d.authorize.present
            && d.not_authorize.present
            && lines.iter().all(|s| s.untouched())
            && d.texts.authorize.is_empty()
            && d.texts.not_authorize.is_empty()
            && d.texts.after.is_empty()
    };
    let twice = |i: usize, ds: &[DraftReading]| {
        ds.iter()
            .enumerate()
            .any(|(j, o)| j != i && o.name.same_as(&ds[i].name) && !untouched(o))
    };
    let blank: Vec<usize> = (0..table.drafts.len())
        .filter(|&i| untouched(&table.drafts[i]) && twice(i, &table.drafts))
        .collect();
    if blank.is_empty() {
        return;
    }
    for &i in blank.iter().rev() {
        table.drafts.remove(i);
    }
    warnings.push(Warning::new(
        WarningKind::BlankCopy,
        format!(
            "the form is in the reply twice; the copy left blank ({} draft rows) was ignored",
            blank.len()
        ),
    ));
}

/// The page headers' paragraphs: the letterhead, when it is there.
fn letterhead(doc: &Document) -> Vec<String> {
    doc.page_headers
        .iter()
        .flat_map(|h| h.paragraphs.iter().cloned())
        .collect()
}

/// Drafts named nowhere in the table: the subject line's single draft names the one.
fn name_from_subject(table: &mut AnswerTable, header: &[Line], warnings: &mut Vec<Warning>) {
    let unnamed = table
        .drafts
        .iter()
        .filter(|d| d.name.draft.is_empty())
        .count();
    if unnamed == 0 {
        return;
    }
    let subject: Vec<DraftName> = header
        .iter()
        .flat_map(|l| drafts::find_drafts(&l.text))
        .collect();
    if unnamed == 1 && subject.len() == 1 {
        if let Some(d) = table.drafts.iter_mut().find(|d| d.name.draft.is_empty()) {
            d.name = subject[0].clone();
        }
    } else {
        warnings.push(Warning::new(
            WarningKind::DraftUnnamed,
            "the answer table has decision lines with no draft named before them",
        ));
    }
}

/// The language of the most labels (by script when none was recognised); labels in two
/// languages in like numbers are said.
fn language_of(table: &AnswerTable, lines: &[Line], warnings: &mut Vec<Warning>) -> String {
    let language = table
        .languages
        .first()
        .map(|(c, _)| c.to_string())
        .unwrap_or_else(|| script_language(lines));
    if table.languages.len() > 1 && table.languages[1].1 * 3 > table.languages[0].1 {
        let counts: Vec<String> = table
            .languages
            .iter()
            .map(|(c, n)| format!("{c}: {n}"))
            .collect();
        let w = format!(
            "form labels in more than one language ({}); read as '{language}'",
            counts.join(", ")
        );
        warnings.push(Warning::new(WarningKind::MixedLanguages, w));
    }
    language
}

/// The signature: the lines after the closing formula ("Kind regards", "Atentamente"), at
/// most a few — name, capacity, organisation, address.
fn signature_block(after: &[Line]) -> Vec<String> {
    let Some(close) = after.iter().position(|l| answers::is_closing(&l.text)) else {
        return Vec::new();
    };
    after[close + 1..]
        .iter()
        .map(|l| text::clean(&l.text))
        .filter(|t| !t.is_empty())
        .take(8)
        .collect()
}

/// An address given only in the signature or elsewhere in the letter (never TSB's own).
fn letter_email(lines: &[Line], to_block: &[usize]) -> Option<String> {
    lines
        .iter()
        .enumerate()
        .filter(|(i, _)| !to_block.contains(i))
        .flat_map(|(_, l)| {
            header::email_re()
                .find_iter(&l.text)
                .map(|m| m.as_str().to_string())
                .collect::<Vec<_>>()
        })
        .find(|e| !e.to_ascii_lowercase().ends_with("itu.int"))
}

/// How many lines from the top a letter's own date line is looked for in.
const LETTER_TOP: usize = 15;

/// The reply's date (ISO), from the Date line, a letter's date line or else the signature,
/// and what is doubtful about it.
fn date_of(
    header: &header::Header,
    top: &[Line],
    signature: &[Line],
    warnings: &mut Vec<Warning>,
) -> Option<String> {
    let mut date = header.date.as_ref().map(|d| d.iso.clone());
    if date.is_none() && header.date_text.is_none() {
        // A letter dates itself in a line of its own at the top ("Caracas, 11 de noviembre de 2026").
        if let Some(d) = top.iter().find_map(|l| dates::date_line(&l.text)) {
            warnings.extend(d.doubt.map(|t| Warning::new(WarningKind::DateOrder, t)));
            date = Some(d.iso);
        }
    }
    if date.is_none() && header.date_text.is_none() {
        // No Date line: the signature block may carry one ("Geneva, 3 March 2026").
        if let Some(d) = signature
            .iter()
            .rev()
            .find_map(|l| dates::parse_date(&l.text))
        {
            let w = format!(
                "no Date line on the form; the date {} was taken from the signature",
                d.iso
            );
            warnings.push(Warning::new(WarningKind::DateFromSignature, w));
            date = Some(d.iso);
        }
    }
    if let Some(doubt) = header.date.as_ref().and_then(|d| d.doubt.clone()) {
        warnings.push(Warning::new(WarningKind::DateOrder, doubt));
    }
    if date.is_none() {
        match &header.date_text {
            Some(t) => warnings.push(Warning::new(
                WarningKind::DateUnreadable,
                format!("the date '{t}' could not be read"),
            )),
            None => warnings.push(Warning::new(
                WarningKind::NoDate,
                "no date found on the form",
            )),
        }
    }
    date
}

/// The document reader's notes: controls (an unknown symbol, an ActiveX control) whose state
/// was not read.
pub fn document_notes(doc: &Document) -> impl Iterator<Item = Warning> + '_ {
    doc.notes
        .iter()
        .map(|n| Warning::new(WarningKind::UnreadControl, n.clone()))
}

/// Language by script when no label was recognised.
fn script_language(lines: &[Line]) -> String {
    let mut counts = [0usize; 4]; // latin, cyrillic, arabic, cjk
    for l in lines {
        for c in l.text.chars() {
            match c as u32 {
                0x0041..=0x024F => counts[0] += 1,
                0x0400..=0x04FF => counts[1] += 1,
                0x0600..=0x06FF => counts[2] += 1,
                0x4E00..=0x9FFF => counts[3] += 1,
                _ => {}
            }
        }
    }
    let best = counts
        .iter()
        .enumerate()
        .max_by_key(|(_, n)| **n)
        .map(|(i, _)| i)
        .unwrap_or(0);
    ["en", "ru", "ar", "zh"][best].to_string()
}

/// The line a mark was read on, as a word for `explain`.
pub fn line_word(k: Option<LineKind>) -> Option<&'static str> {
    k.map(LineKind::as_str)
}

#[cfg(test)]
mod tests;
