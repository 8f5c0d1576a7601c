//! Writing one decision into the corrections file, as the review page does: the file is edited
//! in place with `toml_edit`, so what a person wrote by hand (comments, order, other entries)
//! stays as it was; the result is parsed again before it replaces the file, atomically.

use std::path::Path;

use toml_edit::{value, ArrayOfTables, DocumentMut, Item, Table};

use super::{parse, CorrectionsError};
use crate::record::{Comments, Decision, MemberState};

/// One decision made on the page, as the page sends it (JSON; unknown fields refused).
#[derive(Debug, Clone, Default, PartialEq, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Change {
    pub sha256: String,
    /// Where the file was, for people reading the corrections file.
    pub source: Option<String>,
    #[serde(default)]
    pub reply: ReplyChange,
    pub answer: Option<AnswerChange>,
    pub reason: String,
    pub by: Option<String>,
    /// Set by the server (the day it is written), never by the page.
    #[serde(skip)]
    pub on: Option<String>,
}

/// The corrected values of the reply itself.
#[derive(Debug, Clone, Default, PartialEq, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReplyChange {
    /// ISO3, or `"none"`.
    pub member_state: Option<String>,
    pub date: Option<String>,
    pub exclude: Option<bool>,
}

/// The corrected values of one draft.
#[derive(Debug, Clone, PartialEq, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AnswerChange {
    pub draft: String,
    pub decision: Option<Decision>,
    pub comments: Option<Comments>,
    pub text: Option<String>,
}

/// Applies `change` to the corrections file at `path` (created when missing) and writes it
/// atomically. Refused, with the file untouched, when the result would not parse.
pub fn record_change(
    path: &Path,
    change: &Change,
    states: &dyn Fn(&str) -> Option<MemberState>,
) -> Result<(), CorrectionsError> {
    let old = match std::fs::read_to_string(path) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => String::new(),
        Err(source) => {
            return Err(CorrectionsError::Read {
                path: path.to_path_buf(),
                source,
            })
        }
    };
    let invalid = |line, message| CorrectionsError::Invalid {
        path: path.to_path_buf(),
        line,
        message,
    };
    let mut doc: DocumentMut = old.parse().map_err(|e: toml_edit::TomlError| {
        let line = e
            .span()
            .map_or(1, |s| old[..s.start.min(old.len())].lines().count().max(1));
        invalid(line, e.message().to_string())
    })?;
    edit(&mut doc, change);
    let new = doc.to_string();
    parse(&new, states).map_err(|(line, m)| invalid(line, m))?;
    write_atomically(path, new.as_bytes()).map_err(|source| CorrectionsError::Read {
        path: path.to_path_buf(),
        source,
    })
}

fn edit(doc: &mut DocumentMut, c: &Change) {
    let replies = doc
        .entry("reply")
        .or_insert_with(|| Item::ArrayOfTables(ArrayOfTables::new()));
    let Some(replies) = replies.as_array_of_tables_mut() else {
        // `reply` is not an array of tables: leave it for the parser to report.
        return;
    };
    let reply = entry_for(replies, "sha256", &c.sha256);
    if let Some(s) = &c.source {
        reply.entry("source").or_insert(value(s.as_str()));
    }
    set(reply, "member_state", c.reply.member_state.as_deref());
    set(reply, "date", c.reply.date.as_deref());
    if let Some(x) = c.reply.exclude {
        reply["exclude"] = value(x);
    }
    // A reply entry needs a reason; an answer's reason also explains a new entry.
    if c.answer.is_none() || !reply.contains_key("reason") {
        note(reply, c);
    }
    if let Some(a) = &c.answer {
        let answers = reply
            .entry("answer")
            .or_insert_with(|| Item::ArrayOfTables(ArrayOfTables::new()));
        if let Some(answers) = answers.as_array_of_tables_mut() {
            let t = entry_for(answers, "draft", &a.draft);
            set(t, "decision", a.decision.map(Decision::as_str));
            set(t, "comments", a.comments.map(Comments::as_str));
            set(t, "text", a.text.as_deref());
            note(t, c);
        }
    }
}

/// The table of `tables` whose `key` is `id`, appended when there is none.
fn entry_for<'a>(tables: &'a mut ArrayOfTables, key: &str, id: &str) -> &'a mut Table {
    let at = tables.iter().position(|t| {
        t.get(key)
            .and_then(Item::as_str)
            .is_some_and(|v| v.eq_ignore_ascii_case(id))
    });
    let i = at.unwrap_or_else(|| {
        let mut t = Table::new();
        t[key] = value(id);
        tables.push(t);
        tables.len() - 1
    });
    tables.get_mut(i).expect("index found or just pushed")
}

fn set(t: &mut Table, key: &str, v: Option<&str>) {
    if let Some(v) = v {
        t[key] = value(v);
    }
}

fn note(t: &mut Table, c: &Change) {
    t["reason"] = value(c.reason.as_str());
    set(t, "by", c.by.as_deref());
    set(t, "on", c.on.as_deref());
}

/// Writes `bytes` to a temporary file beside `path`, then renames it over `path`.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    use std::io::Write;
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let mut tmp = tempfile::NamedTempFile::new_in(dir)?;
    tmp.write_all(bytes)?;
    tmp.as_file().sync_all()?;
    tmp.persist(path).map_err(|e| e.error)?;
    Ok(())
}
