//! The review list: every reading that needs a person, one item per reply and cause, with a
//! severity (`CONTRACT.md`, "The review list"). Built from the corrected records, after the
//! tally's marks, so an item a correction settles is shown as resolved.

use crate::corrections::Unmatched;
use crate::record::{Decision, Records, Reply, ReviewItem, Severity};

/// The review list of a run, `decide` items first, then input order.
pub fn review_list(records: &Records, unmatched: &[Unmatched]) -> Vec<ReviewItem> {
    let mut items: Vec<ReviewItem> = Vec::new();
    for r in &records.replies {
        items.extend(reply_items(r));
    }
    for f in &records.failures {
        items.push(ReviewItem {
            source: f.source.clone(),
            sha256: None,
            severity: Severity::Decide,
            kind: "unreadable".into(),
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
                .unwrap_or_else(|| format!("corrections, line {}", u.line)),
            sha256: Some(u.sha256.clone()),
            severity: Severity::Decide,
            kind: "correction_unmatched".into(),
            drafts: Vec::new(),
            message: u.message.clone(),
            resolved: false,
        });
    }
    items.sort_by_key(|i| i.severity);
    items
}

fn corrected(r: &Reply, field: &str) -> bool {
    r.excluded || r.corrections.iter().any(|c| c.field == field)
}

fn reply_items(r: &Reply) -> Vec<ReviewItem> {
    let item = |severity, kind: &str, drafts: Vec<String>, message: String, resolved| ReviewItem {
        source: r.source.clone(),
        sha256: Some(r.sha256.clone()),
        severity,
        kind: kind.into(),
        drafts,
        message,
        resolved,
    };
    let mut out = Vec::new();
    let conflicts: Vec<String> = r
        .answers
        .iter()
        .filter(|a| a.decision == Decision::Conflict)
        .map(|a| a.draft.clone())
        .collect();
    if !conflicts.is_empty() {
        let resolved = conflicts
            .iter()
            .all(|d| corrected(r, &format!("{d}.decision")));
        let message = format!(
            "both 'authorizes' and 'does not authorize' are marked for {}: decide which stands",
            conflicts.join(", ")
        );
        out.push(item(
            Severity::Decide,
            "conflict",
            conflicts,
            message,
            resolved,
        ));
    }
    if r.member_state.is_none() {
        let message =
            "no Member State could be told from this reply: say which one sent it, or exclude it"
                .to_string();
        out.push(item(
            Severity::Decide,
            "member_state_unknown",
            Vec::new(),
            message,
            corrected(r, "member_state"),
        ));
    }
    for w in &r.warnings {
        out.push(item(
            Severity::Check,
            "reading",
            Vec::new(),
            w.clone(),
            r.excluded,
        ));
    }
    out
}
