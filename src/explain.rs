//! `replytally explain`: how one file was read — every mark found and where, the draft and line
//! each belongs to, and for each draft the decision taken and why. Staff use it to check a
//! warning; the tests use it to check the reader against real word processors' files.

use serde::Serialize;

use crate::docx::{self, model::Mechanism};
use crate::form::{
    self,
    answers::{mechanism_evidence, LineKind},
    Context,
};
use crate::record::{Comments, Decision, Evidence};

#[derive(Debug, Serialize)]
pub struct MarkOut {
    pub mechanism: Evidence,
    pub checked: Option<bool>,
    pub part: String,
    pub location: String,
    pub draft: Option<String>,
    pub line: Option<&'static str>,
    /// What was seen (`w:checked w:val="0"`, `Wingdings F0FE`, `U+2612`).
    pub detail: String,
    /// Whether the mark counted for the decision (a ⃝ inside label wording does not).
    pub counted: bool,
}

/// One draft as read: the decision and what it rests on.
#[derive(Debug, Serialize)]
pub struct AnswerOut {
    /// The draft as the form names it (`Q.1234`).
    pub draft: String,
    /// Its provisional name, when the form gives one.
    pub provisional: Option<String>,
    pub decision: Decision,
    /// With an authorization: whether comments are attached.
    pub comments: Option<Comments>,
    /// The kind of mark the decision rests on.
    pub evidence: Evidence,
    /// How the decision was reached, in words.
    pub why: String,
    /// Comments or reasons written on the form.
    pub text: String,
    /// Each of the draft's lines on the form, with the edits found on it.
    pub lines: Vec<LineOut>,
}

/// One line of a draft (a decision line or an option) and the edits the person made on it.
#[derive(Debug, Serialize)]
pub struct LineOut {
    pub line: &'static str,
    pub edits: Vec<String>,
}

#[derive(Debug, Serialize)]
pub struct Explanation {
    pub source: String,
    pub is_reply_form: bool,
    pub language: Option<String>,
    pub member_state: Option<crate::record::MemberState>,
    pub date: Option<String>,
    pub marks: Vec<MarkOut>,
    pub answers: Vec<AnswerOut>,
    pub warnings: Vec<crate::warning::Warning>,
}

/// Errors that stop `explain` (the file cannot be read at all).
#[derive(Debug, thiserror::Error)]
pub enum ExplainError {
    #[error("{0}: {1}")]
    Io(String, std::io::Error),
    #[error("{0}: {1}")]
    Docx(String, docx::DocxError),
    #[error("{0}: {1}")]
    Pdf(String, crate::pdf::PdfError),
    #[error("{0}: {1}")]
    Scan(String, crate::scan::ScanError),
}

pub fn explain(path: &std::path::Path) -> Result<Explanation, ExplainError> {
    let source = path.display().to_string();
    let bytes = std::fs::read(path).map_err(|e| ExplainError::Io(source.clone(), e))?;
    explain_bytes(&source, &bytes)
}

pub fn explain_bytes(source: &str, bytes: &[u8]) -> Result<Explanation, ExplainError> {
    let scan_err = |e| ExplainError::Scan(source.to_string(), e);
    let doc = if crate::intake::sniff(bytes) == crate::intake::Sniffed::Pdf {
        match crate::pdf::read(bytes) {
            // A scan is read as the pipeline reads it (OCR and box ink).
            Err(crate::pdf::PdfError::Scan) => crate::scan::read_pdf(bytes).map_err(scan_err)?,
            d => d.map_err(|e| ExplainError::Pdf(source.to_string(), e))?,
        }
    } else if crate::scan::is_image_name(source) {
        crate::scan::read_image(bytes).map_err(scan_err)?
    } else {
        docx::read_docx(bytes).map_err(|e| ExplainError::Docx(source.to_string(), e))?
    };
    let name = source.rsplit(['/', '\\']).next().unwrap_or(source);
    let reading = form::read_form(
        &doc,
        &Context {
            file_name: name,
            email_from: None,
        },
    );
    let mut marks = Vec::new();
    for line in &reading.lines {
        for m in &line.marks {
            let used = reading.mark_uses.iter().find(|u| u.id == m.id);
            // A symbol of unknown meaning (☎ in Wingdings) or a picture (a logo) stands for a box
            // only where the form expects one; elsewhere it is decoration, not a mark.
            let on_form_line = used.is_some_and(|u| u.line.is_some()) && reading.is_form;
            if matches!(m.checkbox.mechanism, Mechanism::Symbol | Mechanism::Drawing)
                && m.checkbox.checked.is_none()
                && !on_form_line
            {
                continue;
            }
            marks.push(MarkOut {
                mechanism: match m.checkbox.mechanism {
                    // A drop-down's entries are no check boxes: counted apart.
                    Mechanism::Dropdown => Evidence::Dropdown,
                    other => mechanism_evidence(other),
                },
                checked: m.checkbox.checked,
                part: "word/document.xml".to_string(),
                location: line.place.describe(),
                draft: used
                    .and_then(|u| u.draft.clone())
                    .filter(|d| !d.is_empty() && reading.is_form),
                line: used
                    .and_then(|u| form::line_word(u.line))
                    .filter(|_| reading.is_form),
                detail: m.checkbox.detail.clone(),
                counted: used.is_some_and(|u| u.counted) && reading.is_form,
            });
        }
    }
    for pm in &doc.other_marks {
        marks.push(MarkOut {
            mechanism: match pm.checkbox.mechanism {
                Mechanism::Activex => Evidence::Activex,
                m => mechanism_evidence(m),
            },
            checked: pm.checkbox.checked,
            part: pm.part.clone(),
            location: pm.location.clone(),
            draft: None,
            line: None,
            detail: pm.checkbox.detail.clone(),
            counted: false,
        });
    }
    let answers = reading
        .drafts
        .iter()
        .map(|d| AnswerOut {
            draft: d.name.draft.clone(),
            provisional: d.name.provisional.clone(),
            decision: d.verdict.decision,
            comments: d.verdict.comments,
            evidence: d.verdict.evidence,
            why: d.verdict.why.clone(),
            text: d.verdict.text.clone(),
            lines: [
                (LineKind::Authorize, &d.authorize),
                (LineKind::NotAuthorize, &d.not_authorize),
                (LineKind::NoComments, &d.no_comments),
                (LineKind::WithComments, &d.with_comments),
            ]
            .into_iter()
            .filter(|(k, s)| s.present || matches!(k, LineKind::Authorize | LineKind::NotAuthorize))
            .map(|(k, s)| LineOut {
                line: k.as_str(),
                edits: s.edits(),
            })
            .collect(),
        })
        .collect();
    Ok(Explanation {
        source: source.to_string(),
        is_reply_form: reading.is_form,
        language: reading.is_form.then(|| reading.language.clone()),
        member_state: reading.member_state.clone(),
        date: reading.date.clone(),
        marks,
        answers,
        // A file that is not a reply form gets only the reader's own notes, not the form
        // reader's (no Member State, no date…), which would be noise there.
        warnings: if reading.is_form {
            reading.warnings.clone()
        } else {
            form::document_notes(&doc).collect()
        },
    })
}

/// The explanation for people.
pub fn render_text(e: &Explanation) -> String {
    use std::fmt::Write;
    let mut s = String::new();
    let _ = writeln!(s, "{}", e.source);
    if !e.is_reply_form {
        let _ = writeln!(
            s,
            "  not a reply form (no 'authorizes' / 'does not authorize' lines found)"
        );
    } else {
        let _ = writeln!(
            s,
            "  language {}, Member State {}, date {}",
            e.language.as_deref().unwrap_or("?"),
            e.member_state
                .as_ref()
                .map(|m| format!("{} ({})", m.name, m.iso3))
                .unwrap_or_else(|| "unknown".into()),
            e.date.as_deref().unwrap_or("unknown")
        );
    }
    let _ = writeln!(s, "\nMarks ({}):", e.marks.len());
    for m in &e.marks {
        let state = match m.checked {
            Some(true) => "checked",
            Some(false) => "empty",
            None => "unknown",
        };
        let _ = writeln!(
            s,
            "  {:<16} {:<8} {:<28} {}{}{}",
            m.mechanism.as_str(),
            state,
            m.location,
            m.draft
                .as_deref()
                .map(|d| format!("{d} "))
                .unwrap_or_default(),
            m.line.unwrap_or(""),
            if m.counted || m.line.is_none() {
                String::new()
            } else {
                " (part of the label, not counted)".into()
            }
        );
    }
    if e.is_reply_form {
        let _ = writeln!(s, "\nDrafts:");
        for a in &e.answers {
            let c = a
                .comments
                .map(|c| format!(", {}", c.as_str()))
                .unwrap_or_default();
            let _ = writeln!(s, "  {}: {}{} — {}", a.draft, a.decision.as_str(), c, a.why);
            for l in &a.lines {
                let edits = if l.edits.is_empty() {
                    "no edit".to_string()
                } else {
                    l.edits.join("; ")
                };
                let _ = writeln!(s, "      {:<18} {edits}", format!("{}:", l.line));
            }
            if !a.text.is_empty() {
                for l in a.text.lines() {
                    let _ = writeln!(s, "      │ {l}");
                }
            }
        }
    }
    if !e.warnings.is_empty() {
        let _ = writeln!(s, "\nWarnings:");
        for w in &e.warnings {
            let _ = writeln!(s, "  - {w}");
        }
    }
    s
}
