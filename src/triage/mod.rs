//! The review list: every reading that needs a person, one item per reply and cause (the
//! drafts it concerns listed on the item), with a severity (`CONTRACT.md`, "The review list").
//!
//! Built from the corrected, marked records: an item a correction settles stays listed as
//! resolved. The causes are the warnings' kinds, plus what only the whole run shows: a Member
//! State whose two replies rest on a weak identification, a reply late by little, a file that
//! could not be read, a correction that matched nothing. An item that could change a count is
//! `decide`; on a reply that is not counted, it can only change a count through who sent it.

use crate::corrections::Unmatched;
use crate::record::{Decision, Records, Reply, ReviewItem};
use crate::warning::{Severity, WarningKind};

/// A reply dated at most this many days after the deadline is a `decide` item: received by
/// the due date but dated later, a misread date, or a day/month swap can put it either side.
pub const NEAR_DEADLINE_DAYS: i64 = 7;

/// The review list of a run: `decide` items first, then `check`, then `note`; within a
/// severity, input order.
pub fn review_list(
    records: &Records,
    unmatched: &[Unmatched],
    deadline: Option<jiff::Timestamp>,
) -> Vec<ReviewItem> {
    let mut items: Vec<ReviewItem> = Vec::new();
    for r in &records.replies {
        items.extend(reply_items(records, r, deadline));
    }
    for f in &records.failures {
        items.push(ReviewItem {
            source: f.source.clone(),
            sha256: None,
            severity: Severity::Decide,
            kind: format!("unreadable_{}", f.kind.as_str()),
            drafts: Vec::new(),
            message: f.message.clone(),
            resolved: false,
        });
    }
    for u in unmatched {
        items.push(ReviewItem {
            source: u
                .source
                .clone()
                .unwrap_or_else(|| format!("corrections file, line {}", u.line)),
            sha256: Some(u.sha256.clone()),
            severity: Severity::Decide,
            kind: "correction_unmatched".into(),
            drafts: Vec::new(),
            message: format!("corrections file, line {}: {}", u.line, u.message),
            resolved: false,
        });
    }
    items.sort_by_key(|i| i.severity);
    items
}

/// The counts `summary.json` carries: unresolved items by severity, and the resolved ones.
pub fn counts(items: &[ReviewItem]) -> crate::record::ReviewCounts {
    let mut c = crate::record::ReviewCounts::default();
    for i in items {
        match (i.resolved, i.severity) {
            (true, _) => c.resolved += 1,
            (false, Severity::Decide) => c.decide += 1,
            (false, Severity::Check) => c.check += 1,
            (false, Severity::Note) => c.note += 1,
        }
    }
    c
}

/// One cause on one reply, before it becomes an item.
struct Cause {
    kind: String,
    severity: Severity,
    drafts: Vec<String>,
    texts: Vec<String>,
    /// What a correction must touch to settle it.
    settles: Settled,
    /// With [`Settled::Drafts`]: the drafts whose correction settles it (empty: all listed).
    settle_drafts: Vec<String>,
}

#[derive(Clone, Copy, PartialEq)]
enum Settled {
    /// A correction of each draft concerned.
    Drafts,
    MemberState,
    Date,
    /// Only by excluding the reply (or it needs nothing: a note).
    Exclusion,
}

fn settled_by(kind: WarningKind) -> Settled {
    use WarningKind::*;
    match kind {
        NotAnAdministration | NotAMemberState | StatesDisagree | StateFromEmail
        | StateFromFileName | StateFromMention | NoMemberState => Settled::MemberState,
        DateFromSignature | DateOrder | DateUnreadable | NoDate | Undated | DateFromEmail => {
            Settled::Date
        }
        MixedLanguages | TrackedChanges | Converted | Scanned | AlsoInContainer
        | UnreadInContainer | Other => Settled::Exclusion,
        _ => Settled::Drafts,
    }
}

fn add(
    causes: &mut Vec<Cause>,
    kind: &str,
    severity: Severity,
    drafts: &[String],
    text: &str,
    settles: Settled,
) {
    match causes.iter_mut().find(|c| c.kind == kind) {
        Some(c) => {
            for d in drafts {
                if !c.drafts.contains(d) {
                    c.drafts.push(d.clone());
                }
            }
            c.texts.push(text.to_string());
        }
        None => causes.push(Cause {
            kind: kind.to_string(),
            severity,
            drafts: drafts.to_vec(),
            texts: vec![text.to_string()],
            settles,
            settle_drafts: Vec::new(),
        }),
    }
}

fn reply_items(records: &Records, r: &Reply, deadline: Option<jiff::Timestamp>) -> Vec<ReviewItem> {
    let mut causes: Vec<Cause> = Vec::new();
    for w in &r.warnings {
        add(
            &mut causes,
            w.kind.as_str(),
            w.severity(),
            &w.drafts,
            &w.text,
            settled_by(w.kind),
        );
    }
    for a in r
        .answers
        .iter()
        .filter(|a| a.decision == Decision::Conflict)
    {
        let text = format!(
            "{}: both 'authorizes' and 'does not authorize' are marked",
            a.draft
        );
        add(
            &mut causes,
            "conflict",
            Severity::Decide,
            std::slice::from_ref(&a.draft),
            &text,
            Settled::Drafts,
        );
    }
    if r.member_state.is_none() && !causes.iter().any(|c| c.settles == Settled::MemberState) {
        let text = "no Member State could be told from this reply";
        add(
            &mut causes,
            "no_member_state",
            Severity::Decide,
            &[],
            text,
            Settled::MemberState,
        );
    }
    if let Some(c) = date_order_cause(r, deadline) {
        causes.retain(|x| x.kind != c.kind);
        causes.push(c);
    }
    merge_same_cause(&mut causes);
    if let Some(c) = duplicate_cause(records, r) {
        causes.push(c);
    }
    if let Some(c) = late_cause(r, deadline) {
        causes.push(c);
    }
    let counted = r.superseded_by.is_none() && !r.late && !r.excluded && r.member_state.is_some();
    causes.into_iter().map(|c| item_of(r, c, counted)).collect()
}

/// Causes that are one thing seen twice become one item:
/// - a control whose state was not read *is* the mark that cannot be read on the drafts: the
///   `unread_control` item is folded into `unreadable_mark`, and those drafts' `no_option`
///   (the unread mark was an option's) is left to it too;
/// - a draft the reply names that is not on the form, and a draft of the form not found on the
///   reply, are most likely the same draft under another number: one `draft_missing` item
///   listing both, settled by correcting the form's draft;
/// - a reply with no date found (`no_date`) is the reply that could not be checked against
///   the deadline (`undated`): one item, the one that says what it means for the count.
fn merge_same_cause(causes: &mut Vec<Cause>) {
    let pos = |causes: &[Cause], k: &str| causes.iter().position(|c| c.kind == k);
    if let (Some(n), Some(_)) = (pos(causes, "no_date"), pos(causes, "undated")) {
        causes.remove(n);
    }
    if let Some(u) = pos(causes, "unreadable_mark") {
        if let Some(ctl) = pos(causes, "unread_control") {
            let ctl = causes.remove(ctl);
            let u = pos(causes, "unreadable_mark").unwrap_or(u);
            let extra = ctl.texts.join("; ");
            if let Some(t) = causes[u].texts.first_mut() {
                *t = format!("{t} ({extra})");
            }
        }
        let unread = causes[pos(causes, "unreadable_mark").unwrap_or(u)]
            .drafts
            .clone();
        if let Some(o) = pos(causes, "no_option") {
            causes[o].drafts.retain(|d| !unread.contains(d));
            if causes[o].drafts.is_empty() {
                causes.remove(o);
            }
        }
    }
    if let (Some(m), Some(n)) = (
        pos(causes, "draft_missing"),
        pos(causes, "draft_not_on_form"),
    ) {
        let named = causes.remove(n);
        let m = if n < m { m - 1 } else { m };
        let missing = &mut causes[m];
        let text = format!(
            "{}: not found on this reply, which names {} instead (not on the blank form): the same draft under another number? Counted as no reply until corrected",
            missing.drafts.join(", "),
            named.drafts.join(", ")
        );
        missing.settle_drafts = missing.drafts.clone();
        missing.drafts.extend(named.drafts);
        missing.texts = vec![text];
        missing.severity = missing.severity.min(named.severity);
    }
}

/// Day and month in doubt: a note, unless read the other way the reply falls on the other
/// side of the deadline — then whether it counts is in doubt.
fn date_order_cause(r: &Reply, deadline: Option<jiff::Timestamp>) -> Option<Cause> {
    let deadline = deadline?;
    let w = r
        .warnings
        .iter()
        .find(|w| w.kind == WarningKind::DateOrder)?;
    let date = r
        .date
        .as_deref()?
        .get(..10)?
        .parse::<jiff::civil::Date>()
        .ok()?;
    let swapped = jiff::civil::Date::new(date.year(), date.day(), date.month()).ok()?;
    let at = |d: jiff::civil::Date| jiff::tz::TimeZone::UTC.to_timestamp(d.at(0, 0, 0, 0)).ok();
    let (read, other) = (at(date)?, at(swapped)?);
    if (read > deadline) == (other > deadline) {
        return None;
    }
    Some(Cause {
        kind: WarningKind::DateOrder.as_str().into(),
        severity: Severity::Decide,
        drafts: Vec::new(),
        texts: vec![format!(
            "{}; read as {swapped} it would be {} the deadline",
            w.text,
            if other > deadline { "after" } else { "before" }
        )],
        settles: Settled::Date,
        settle_drafts: Vec::new(),
    })
}

/// The same Member State twice, one of the two identified weakly: which one stands is a guess.
fn duplicate_cause(records: &Records, r: &Reply) -> Option<Cause> {
    let standing = r.superseded_by.as_deref()?;
    let other = records.replies.iter().find(|o| o.source == standing)?;
    let weak = |x: &Reply| x.warnings.iter().any(|w| w.kind.weakens_state());
    let name = r.member_state.as_ref().map_or("?", |m| m.name.as_str());
    if weak(r) || weak(other) {
        Some(Cause {
            kind: "duplicate_weak".into(),
            severity: Severity::Decide,
            drafts: Vec::new(),
            texts: vec![format!(
                "a second reply for {name}, and one of the two is identified only weakly: {standing} stands for now; say who sent each"
            )],
            settles: Settled::MemberState,
            settle_drafts: Vec::new(),
        })
    } else {
        Some(Cause {
            kind: "superseded".into(),
            severity: Severity::Note,
            drafts: Vec::new(),
            texts: vec![format!("{name} replied again: {standing} stands")],
            settles: Settled::Exclusion,
            settle_drafts: Vec::new(),
        })
    }
}

fn late_cause(r: &Reply, deadline: Option<jiff::Timestamp>) -> Option<Cause> {
    if !r.late {
        return None;
    }
    let at = crate::tally::reply_instant(r)?;
    let days = deadline.map(|d| (at.as_second() - d.as_second()) / 86_400)?;
    let near = days < NEAR_DEADLINE_DAYS;
    Some(Cause {
        kind: if near { "late_near_deadline" } else { "late" }.into(),
        severity: if near {
            Severity::Decide
        } else {
            Severity::Note
        },
        drafts: Vec::new(),
        texts: vec![format!(
            "dated {} — after the deadline{}: left out of the tally",
            r.date.as_deref().unwrap_or("?"),
            if near {
                ", by less than a week: check when it was received"
            } else {
                ""
            }
        )],
        settles: Settled::Date,
        settle_drafts: Vec::new(),
    })
}

fn item_of(r: &Reply, c: Cause, counted: bool) -> ReviewItem {
    let resolved = r.excluded
        || match c.settles {
            Settled::Drafts => {
                let settle = if c.settle_drafts.is_empty() {
                    &c.drafts
                } else {
                    &c.settle_drafts
                };
                !settle.is_empty() && settle.iter().all(|d| draft_corrected(r, d))
            }
            Settled::MemberState => field_corrected(r, "member_state"),
            Settled::Date => field_corrected(r, "date"),
            Settled::Exclusion => false,
        };
    // On a reply not counted, only who sent it (or when) can change a count.
    let severity = if counted || matches!(c.settles, Settled::MemberState | Settled::Date) {
        c.severity
    } else {
        c.severity.max(Severity::Check)
    };
    ReviewItem {
        source: r.source.clone(),
        sha256: Some(r.sha256.clone()),
        severity,
        kind: c.kind,
        message: message_of(&c.drafts, &c.texts),
        drafts: c.drafts,
        resolved,
    }
}

fn field_corrected(r: &Reply, field: &str) -> bool {
    r.corrections.iter().any(|c| c.field == field)
}

fn draft_corrected(r: &Reply, draft: &str) -> bool {
    r.corrections
        .iter()
        .any(|c| c.field.rsplit_once('.').is_some_and(|(d, _)| d == draft))
}

/// One message for a cause's warnings: each distinct message once, after the drafts it is
/// about ("X.1280, X.1645 Amd.1: … 'authorizes' …; X.1471: … 'does not authorize' …").
fn message_of(drafts: &[String], texts: &[String]) -> String {
    let first = texts.first().map(String::as_str).unwrap_or_default();
    if texts.len() < 2 || drafts.len() < 2 {
        return first.to_string();
    }
    let mut groups: Vec<(Vec<&str>, &str)> = Vec::new();
    for t in texts {
        let (draft, bare) = drafts
            .iter()
            .find_map(|d| {
                let rest = t.strip_prefix(d.as_str())?.strip_prefix(':')?;
                Some((Some(d.as_str()), rest.trim_start()))
            })
            .unwrap_or((None, t.as_str()));
        match groups.iter_mut().find(|(_, b)| *b == bare) {
            Some((ds, _)) => ds.extend(draft),
            None => groups.push((draft.into_iter().collect(), bare)),
        }
    }
    groups
        .iter()
        .map(|(ds, bare)| match ds.is_empty() {
            true => bare.to_string(),
            false => format!("{}: {bare}", ds.join(", ")),
        })
        .collect::<Vec<_>>()
        .join("; ")
}

#[cfg(test)]
mod tests;
