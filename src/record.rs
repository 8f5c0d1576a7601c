//! The records: plain data handed from the form reader to the tally and the reports.
//!
//! Field names and enum spellings are fixed by `CONTRACT.md` (`replytally.records/1`).

use crate::warning::Warning;
use serde::{Deserialize, Serialize};

/// How a reply answered one draft.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Decision {
    Authorize,
    NotAuthorize,
    NoReply,
    Conflict,
}

/// The option chosen under *authorizes*.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Comments {
    NoComments,
    WithComments,
    Unspecified,
}

/// How a decision was read (also the `mechanism` of a mark, plus `activex`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, PartialOrd, Ord)]
#[serde(rename_all = "snake_case")]
pub enum Evidence {
    LegacyCheckbox,
    ContentControl,
    Glyph,
    Symbol,
    Highlight,
    Deletion,
    Text,
    Activex,
    /// An entry of a Word drop-down field: a `mechanism` of `marks` only (an answer read from
    /// one has evidence `legacy_checkbox`, the form-field family it belongs to).
    Dropdown,
    PdfField,
    /// Read from a page image (OCR and the ink inside a box).
    Scan,
    None,
}

impl Evidence {
    pub fn as_str(self) -> &'static str {
        match self {
            Evidence::LegacyCheckbox => "legacy_checkbox",
            Evidence::ContentControl => "content_control",
            Evidence::Glyph => "glyph",
            Evidence::Symbol => "symbol",
            Evidence::Highlight => "highlight",
            Evidence::Deletion => "deletion",
            Evidence::Text => "text",
            Evidence::Activex => "activex",
            Evidence::Dropdown => "dropdown",
            Evidence::PdfField => "pdf_field",
            Evidence::Scan => "scan",
            Evidence::None => "none",
        }
    }
}

impl Decision {
    pub fn as_str(self) -> &'static str {
        match self {
            Decision::Authorize => "authorize",
            Decision::NotAuthorize => "not_authorize",
            Decision::NoReply => "no_reply",
            Decision::Conflict => "conflict",
        }
    }
}

impl Comments {
    pub fn as_str(self) -> &'static str {
        match self {
            Comments::NoComments => "no_comments",
            Comments::WithComments => "with_comments",
            Comments::Unspecified => "unspecified",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MemberState {
    pub name: String,
    pub iso3: String,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sender {
    pub name: Option<String>,
    pub title: Option<String>,
    pub address: Option<String>,
    pub email: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Answer {
    pub draft: String,
    pub provisional: Option<String>,
    pub decision: Decision,
    pub comments: Option<Comments>,
    pub text: String,
    pub evidence: Evidence,
    /// Only on answers read from a scan (issue 14): how sure the reading is.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scan: Option<ScanReading>,
}

/// How an answer read from a scan stands: the confidence of its boxes, and that its text is OCR.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct ScanReading {
    /// 0–100: the least sure of the boxes its decision rests on ([`crate::scan::Levels::confidence`]);
    /// below [`crate::scan::REVIEW_BELOW`] the answer is a `decide` item.
    pub confidence: u8,
    /// The answer's `text` was read by OCR: check it against the image before quoting it.
    pub text_ocr: bool,
}

/// One returned reply form, read.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Reply {
    pub source: String,
    pub sha256: String,
    pub language: String,
    pub member_state: Option<MemberState>,
    pub sender: Sender,
    pub date: Option<String>,
    pub answers: Vec<Answer>,
    pub superseded_by: Option<String>,
    pub late: bool,
    /// Written as their messages (strings), read back as kind `other`.
    pub warnings: Vec<Warning>,
    /// The TSB Circular the reply names (its subject or title line), when it names one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub circular: Option<Circular>,
    /// `true` when a correction excludes the reply (withdrawn, not a reply): kept, not counted.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub excluded: bool,
    /// The corrections applied to this reply; its fields hold the corrected values.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub corrections: Vec<Correction>,
    /// What the reading rests on, as it looks (the review page shows it); not in
    /// `records.json`.
    #[serde(skip)]
    pub excerpts: crate::form::excerpt::Excerpts,
}

/// A TSB Circular as a document names it ("TSB Circular 117 of 12 January 2026").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Circular {
    /// The number, ASCII digits, no leading zeros (`"117"`).
    pub number: String,
    /// The circular's date as written next to its number ("12 January 2026"), when given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
}

/// One correction a person made, as applied: the tool's own reading beside the corrected value.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Correction {
    /// `member_state`, `date`, `exclude`, or `<draft>.decision|comments|text`.
    pub field: String,
    pub from: serde_json::Value,
    pub to: serde_json::Value,
    pub reason: String,
    pub by: Option<String>,
    pub on: Option<String>,
}

/// Why an input did not become a reply.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FailureKind {
    LegacyDoc,
    Encrypted,
    Pdf,
    /// A scanned PDF or image: no OCR engine reads it (yet).
    Scan,
    Corrupt,
    NotAReplyForm,
    TooLarge,
    Unsupported,
    /// A reader panicked: a bug in replytally, not a fault of the file.
    Internal,
}

impl FailureKind {
    pub fn as_str(self) -> &'static str {
        match self {
            FailureKind::LegacyDoc => "legacy_doc",
            FailureKind::Encrypted => "encrypted",
            FailureKind::Pdf => "pdf",
            FailureKind::Scan => "scan",
            FailureKind::Corrupt => "corrupt",
            FailureKind::NotAReplyForm => "not_a_reply_form",
            FailureKind::TooLarge => "too_large",
            FailureKind::Unsupported => "unsupported",
            FailureKind::Internal => "internal",
        }
    }
}

/// The message of a [`FailureKind::Internal`] failure (both catch-all guards give it).
pub const INTERNAL_FAILURE: &str = "replytally failed on this file: a bug in replytally, not a fault of the file; please report it with the file attached";

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Failure {
    pub source: String,
    pub kind: FailureKind,
    pub message: String,
}

pub const RECORDS_SCHEMA: &str = "replytally.records/1";

/// A blank reply form: given with `--form`, or found among the inputs (then it is the form of
/// the circular, not a reply, and is listed here so that no input goes unaccounted for).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FormRecord {
    pub source: String,
    pub language: String,
    pub drafts: Vec<FormDraft>,
    /// `true` when given with `--form`, `false` when found among the inputs.
    pub given: bool,
    /// The TSB Circular the form names, when it names one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub circular: Option<Circular>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FormDraft {
    pub draft: String,
    pub provisional: Option<String>,
}

/// The whole of `records.json`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Records {
    pub schema: String,
    pub replies: Vec<Reply>,
    pub failures: Vec<Failure>,
    /// Blank forms used (an addition to the contract's fields).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub forms: Vec<FormRecord>,
    /// The readings that need a person (`CONTRACT.md`, "The review list").
    #[serde(default)]
    pub review: Vec<ReviewItem>,
    /// Inputs that are neither replies nor failures: files replytally wrote, mailbox messages
    /// with nothing attached (an addition to the contract's fields; README, "Inputs").
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub skipped: Vec<Skipped>,
}

/// An input passed over on purpose, with the reason.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Skipped {
    pub source: String,
    pub message: String,
}

/// One reading that needs a person: one per reply and cause.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReviewItem {
    pub source: String,
    /// The file's SHA-256 (the key of a correction), `null` for a failure.
    pub sha256: Option<String>,
    pub severity: crate::warning::Severity,
    /// A stable snake_case word (README, "The review list").
    pub kind: String,
    pub drafts: Vec<String>,
    pub message: String,
    pub resolved: bool,
}

/// The review list's counts in `summary.json`: unresolved items by severity, and the resolved.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReviewCounts {
    pub decide: usize,
    pub check: usize,
    pub note: usize,
    pub resolved: usize,
}

impl Records {
    /// No reply, no failure: what a run over nothing gives.
    pub fn empty() -> Records {
        Records {
            schema: RECORDS_SCHEMA.to_string(),
            replies: Vec::new(),
            failures: Vec::new(),
            forms: Vec::new(),
            review: Vec::new(),
            skipped: Vec::new(),
        }
    }
}

impl Answer {
    /// *Authorizes, no comments* for `draft`, read from `evidence` (for tests and fixtures).
    pub fn authorized(draft: &str, evidence: Evidence) -> Answer {
        Answer {
            draft: draft.to_string(),
            provisional: None,
            decision: Decision::Authorize,
            comments: Some(Comments::NoComments),
            text: String::new(),
            evidence,
            scan: None,
        }
    }
}
