//! The corrections file: what a person decided about the tool's readings, kept in TOML beside
//! the replies (`CONTRACT.md`, "The corrections file").
//!
//! Owns parsing (every error names its line; nothing is written when the file is bad), and
//! applying the corrections to the records between the reading and the tally. A correction is
//! keyed by the SHA-256 of the file it corrects, so renaming or moving a file keeps it, and it
//! is never applied to another file. One that matches nothing is returned as [`Unmatched`] for
//! the review list, never dropped.

use std::fmt;
use std::ops::Range;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::record::{Answer, Comments, Correction, Decision, MemberState, Reply};

/// The corrections file `run` and `review` use when none is named: at the top of the first
/// input folder.
pub const DEFAULT_FILE: &str = "corrections.toml";

/// The corrections of a run, in file order.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Corrections {
    pub replies: Vec<ReplyCorrection>,
}

/// One `[[reply]]` table.
#[derive(Debug, Clone, PartialEq)]
pub struct ReplyCorrection {
    /// Line of the `[[reply]]` header, for messages.
    pub line: usize,
    pub sha256: String,
    pub source: Option<String>,
    pub fix: ReplyFix,
    pub note: Note,
    pub answers: Vec<AnswerCorrection>,
}

/// What a `[[reply]]` corrects of the reply itself.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ReplyFix {
    /// `Some(None)` is `"none"`: the reply identifies no Member State.
    pub member_state: Option<Option<MemberState>>,
    pub date: Option<String>,
    pub exclude: Option<bool>,
}

/// One `[[reply.answer]]` table.
#[derive(Debug, Clone, PartialEq)]
pub struct AnswerCorrection {
    pub line: usize,
    pub change: AnswerChange,
    pub note: Note,
}

/// Why, who and when: carried onto every [`Correction`] made from the entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Note {
    pub reason: String,
    pub by: Option<String>,
    pub on: Option<String>,
}

/// A correction that matched nothing in this run.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unmatched {
    pub line: usize,
    pub sha256: String,
    /// The `source` the entry names, if any (for people).
    pub source: Option<String>,
    pub message: String,
}

/// A corrections file that cannot be used. Nothing is written when one occurs.
#[derive(Debug)]
pub enum CorrectionsError {
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    Invalid {
        path: PathBuf,
        line: usize,
        message: String,
    },
}

impl fmt::Display for CorrectionsError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CorrectionsError::Read { path, source } => {
                write!(f, "cannot read the corrections file {}: {source}", path.display())
            }
            CorrectionsError::Invalid {
                path,
                line,
                message,
            } => write!(
                f,
                "{}, line {line}: {message} (fix the corrections file and run again; nothing was written)",
                path.display()
            ),
        }
    }
}

impl std::error::Error for CorrectionsError {}

/// The file as TOML sees it. Unknown keys are errors.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FileToml {
    #[serde(default)]
    reply: Vec<toml::Spanned<ReplyToml>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ReplyToml {
    sha256: toml::Spanned<String>,
    source: Option<String>,
    member_state: Option<toml::Spanned<String>>,
    date: Option<toml::Spanned<String>>,
    exclude: Option<bool>,
    reason: Option<String>,
    by: Option<String>,
    on: Option<toml::Spanned<String>>,
    #[serde(default)]
    answer: Vec<toml::Spanned<AnswerToml>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct AnswerToml {
    draft: Option<String>,
    decision: Option<Decision>,
    comments: Option<Comments>,
    text: Option<String>,
    reason: Option<String>,
    by: Option<String>,
    on: Option<toml::Spanned<String>>,
}

/// Reads and checks the corrections file at `path`. `states` finds a Member State by ISO3.
pub fn load(
    path: &Path,
    states: &dyn Fn(&str) -> Option<MemberState>,
) -> Result<Corrections, CorrectionsError> {
    let text = std::fs::read_to_string(path).map_err(|source| CorrectionsError::Read {
        path: path.to_path_buf(),
        source,
    })?;
    parse(&text, states).map_err(|(line, message)| CorrectionsError::Invalid {
        path: path.to_path_buf(),
        line,
        message,
    })
}

/// Parses corrections from TOML text. An error is `(line, message)`.
pub fn parse(
    text: &str,
    states: &dyn Fn(&str) -> Option<MemberState>,
) -> Result<Corrections, (usize, String)> {
    let file: FileToml = toml::from_str(text).map_err(|e| {
        let line = e.span().map_or(1, |s| line_of(text, s.start));
        (line, e.message().trim().to_string())
    })?;
    let mut replies = Vec::with_capacity(file.reply.len());
    for entry in file.reply {
        let line = line_of(text, entry.span().start);
        let r = reply_of(text, line, entry.into_inner(), states)?;
        if let Some(first) = replies
            .iter()
            .find(|p: &&ReplyCorrection| p.sha256 == r.sha256)
        {
            let msg = format!(
                "a second [[reply]] for sha256 {} (the first is on line {}): put all corrections of a file in one entry",
                r.sha256, first.line
            );
            return Err((line, msg));
        }
        replies.push(r);
    }
    Ok(Corrections { replies })
}

fn reply_of(
    text: &str,
    line: usize,
    r: ReplyToml,
    states: &dyn Fn(&str) -> Option<MemberState>,
) -> Result<ReplyCorrection, (usize, String)> {
    let at = |s: Range<usize>| line_of(text, s.start);
    let sha256 = r.sha256.get_ref().trim().to_ascii_lowercase();
    if sha256.len() != 64 || !sha256.bytes().all(|b| b.is_ascii_hexdigit()) {
        let msg = format!(
            "sha256 must be the 64 hexadecimal digits of the file's SHA-256, not {:?}",
            r.sha256.get_ref()
        );
        return Err((at(r.sha256.span()), msg));
    }
    let member_state = match &r.member_state {
        None => None,
        Some(s) => Some(member_state_of(s.get_ref(), states).map_err(|m| (at(s.span()), m))?),
    };
    let date = match &r.date {
        None => None,
        Some(d) => Some(iso_date(d.get_ref()).map_err(|m| (at(d.span()), m))?),
    };
    let note = note_of(text, line, r.reason, r.by, r.on, "[[reply]]")?;
    let answers = r
        .answer
        .into_iter()
        .map(|a| {
            let line = at(a.span());
            answer_of(text, line, a.into_inner())
        })
        .collect::<Result<Vec<_>, _>>()?;
    Ok(ReplyCorrection {
        line,
        sha256,
        source: r.source,
        fix: ReplyFix {
            member_state,
            date,
            exclude: r.exclude,
        },
        note,
        answers,
    })
}

fn answer_of(text: &str, line: usize, a: AnswerToml) -> Result<AnswerCorrection, (usize, String)> {
    let draft = match a.draft.as_deref().map(str::trim) {
        Some(d) if !d.is_empty() => d.to_string(),
        _ => {
            return Err((
                line,
                "[[reply.answer]] needs `draft`, the draft it corrects".into(),
            ))
        }
    };
    let note = note_of(text, line, a.reason, a.by, a.on, "[[reply.answer]]")?;
    Ok(AnswerCorrection {
        line,
        change: AnswerChange {
            draft,
            decision: a.decision,
            comments: a.comments,
            text: a.text,
        },
        note,
    })
}

fn note_of(
    text: &str,
    line: usize,
    reason: Option<String>,
    by: Option<String>,
    on: Option<toml::Spanned<String>>,
    table: &str,
) -> Result<Note, (usize, String)> {
    let reason = match reason.as_deref().map(str::trim) {
        Some(r) if !r.is_empty() => r.to_string(),
        _ => {
            return Err((
                line,
                format!("{table} needs `reason`: say why it was corrected"),
            ))
        }
    };
    let on = match on {
        None => None,
        Some(d) => Some(iso_date(d.get_ref()).map_err(|m| (line_of(text, d.span().start), m))?),
    };
    Ok(Note { reason, by, on })
}

/// `"KOR"` → Korea; `"none"` → no Member State.
fn member_state_of(
    s: &str,
    states: &dyn Fn(&str) -> Option<MemberState>,
) -> Result<Option<MemberState>, String> {
    let s = s.trim();
    if s.eq_ignore_ascii_case("none") {
        return Ok(None);
    }
    states(&s.to_ascii_uppercase()).map(Some).ok_or_else(|| {
        format!("member_state must be the ISO 3166-1 alpha-3 code of an ITU Member State (e.g. \"KOR\") or \"none\", not {s:?}")
    })
}

/// A calendar date, `YYYY-MM-DD`, or an RFC 3339 time (kept as its date).
fn iso_date(s: &str) -> Result<String, String> {
    let s = s.trim();
    if let Ok(d) = s.parse::<jiff::civil::Date>() {
        return Ok(d.to_string());
    }
    if let Ok(t) = s.parse::<jiff::Timestamp>() {
        return Ok(t.to_string());
    }
    Err(format!(
        "a date must read YYYY-MM-DD (e.g. \"2023-02-07\"), not {s:?}"
    ))
}

fn line_of(text: &str, byte: usize) -> usize {
    let end = byte.min(text.len());
    text.as_bytes()[..end]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
        + 1
}

/// Applies `c` to the replies: each entry to every reply read from a file with its SHA-256 (the
/// same file may arrive twice). `same_draft` tells whether an answer is the draft an entry names.
/// Returns the entries, or parts of entries, that matched nothing.
pub fn apply(
    replies: &mut [Reply],
    c: &Corrections,
    same_draft: &dyn Fn(&Answer, &str) -> bool,
) -> Vec<Unmatched> {
    let mut unmatched = Vec::new();
    for entry in &c.replies {
        let mut found = false;
        for reply in replies.iter_mut().filter(|r| r.sha256 == entry.sha256) {
            found = true;
            apply_reply(reply, entry);
            for a in &entry.answers {
                if let Err(message) = apply_answer(reply, a, same_draft) {
                    unmatched.push(Unmatched {
                        line: a.line,
                        sha256: entry.sha256.clone(),
                        source: entry.source.clone(),
                        message,
                    });
                }
            }
        }
        if !found {
            unmatched.push(Unmatched {
                line: entry.line,
                sha256: entry.sha256.clone(),
                source: entry.source.clone(),
                message: format!(
                    "no file read in this run has SHA-256 {}{}: it changed, was removed, or was not given; the correction was not applied",
                    entry.sha256,
                    entry.source.as_deref().map(|s| format!(" (it was {s})")).unwrap_or_default()
                ),
            });
        }
    }
    unmatched
}

fn record(
    reply: &mut Reply,
    field: String,
    from: serde_json::Value,
    to: serde_json::Value,
    n: &Note,
) {
    reply.corrections.push(Correction {
        field,
        from,
        to,
        reason: n.reason.clone(),
        by: n.by.clone(),
        on: n.on.clone(),
    });
}

fn apply_reply(reply: &mut Reply, entry: &ReplyCorrection) {
    let e = &entry.fix;
    if let Some(ms) = &e.member_state {
        let from = serde_json::to_value(&reply.member_state).unwrap_or_default();
        reply.member_state = ms.clone();
        let to = serde_json::to_value(&reply.member_state).unwrap_or_default();
        record(reply, "member_state".into(), from, to, &entry.note);
    }
    if let Some(date) = &e.date {
        let from = serde_json::to_value(&reply.date).unwrap_or_default();
        reply.date = Some(date.clone());
        record(
            reply,
            "date".into(),
            from,
            date.as_str().into(),
            &entry.note,
        );
    }
    if let Some(ex) = e.exclude {
        let from = serde_json::Value::Bool(reply.excluded);
        reply.excluded = ex;
        record(reply, "exclude".into(), from, ex.into(), &entry.note);
    }
}

/// An error says why the correction could not be applied (nothing of it is then applied).
fn apply_answer(
    reply: &mut Reply,
    c: &AnswerCorrection,
    same_draft: &dyn Fn(&Answer, &str) -> bool,
) -> Result<(), String> {
    let a = &c.change;
    let Some(i) = reply.answers.iter().position(|x| same_draft(x, &a.draft)) else {
        return Err(format!(
            "the correction names draft {:?}, which this reply does not answer and the form does not list; it was not applied",
            a.draft
        ));
    };
    let decision = a.decision.unwrap_or(reply.answers[i].decision);
    if a.comments.is_some() && decision != Decision::Authorize {
        return Err(format!(
            "the correction gives `comments` for draft {:?}, whose decision is {}: comments apply to `authorize` only; it was not applied",
            a.draft,
            decision.as_str()
        ));
    }
    let name = reply.answers[i].draft.clone();
    let mut made = Vec::new();
    let answer = &mut reply.answers[i];
    if let Some(d) = a.decision {
        made.push((
            "decision",
            answer.decision.as_str().into(),
            d.as_str().into(),
        ));
        answer.decision = d;
        if d != Decision::Authorize {
            answer.comments = None;
        } else if answer.comments.is_none() {
            answer.comments = Some(Comments::Unspecified);
        }
    }
    if let Some(c) = a.comments {
        let from = answer
            .comments
            .map_or(serde_json::Value::Null, |c| c.as_str().into());
        made.push(("comments", from, c.as_str().into()));
        answer.comments = Some(c);
    }
    if let Some(t) = &a.text {
        made.push(("text", answer.text.as_str().into(), t.as_str().into()));
        answer.text = t.clone();
    }
    for (what, from, to) in made {
        record(reply, format!("{name}.{what}"), from, to, &c.note);
    }
    Ok(())
}

mod write;

pub use self::write::{record_change, write_atomically, AnswerChange, Change, ReplyChange};

#[cfg(test)]
mod tests;
