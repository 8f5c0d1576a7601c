//! The tally: which replies count, and per draft the counts over Member States and the
//! Resolution 1 §9.4.5 threshold verdict (`replytally.summary/1`, see `CONTRACT.md`).
//!
//! Plain functions on records. The pipeline calls [`mark_late`] (when `--deadline` is given),
//! then [`mark_superseded`] — or both at once through [`mark`] — and then [`tally`].
//!
//! Rules chosen where the contract is silent:
//! - A reply's instant is its `date` (ISO 8601). A bare date counts as 00:00 UTC of that day,
//!   so with a bare-date deadline (23:59 UTC) a reply dated that day is on time and one dated
//!   the next day is late. An undated reply is never late (it gets a warning instead).
//! - Latest reply of a Member State: by instant, an undated reply being older than any dated
//!   one; ties (same date, or both undated) go to the later one in input order.
//! - A reply whose Member State is told only weakly or in doubt (an e-mail domain, the file
//!   name, a mention, sources that disagree) does not supersede a reply whose Member State is
//!   sure, whatever their dates: the sure one stands, and the review list asks a person.
//! - A late reply does not supersede a reply received in time: it is left out anyway, and the
//!   Member State's in-time answer is the one received by the due date (§9.4.6).
//! - Drafts match by number, case and spaces ignored, or by the provisional name (a form may
//!   name a draft by its provisional name before it has a number).

use std::collections::HashMap;

use serde::{Deserialize, Serialize, Serializer};

use crate::record::{Answer, Comments, Decision, Reply};
use crate::warning::{Warning, WarningKind};

/// `schema` of `summary.json`.
pub const SUMMARY_SCHEMA: &str = "replytally.summary/1";

/// The default threshold, in percent (Resolution 1, §9.4.5).
pub const DEFAULT_THRESHOLD: f64 = 70.0;

/// Warning put on an undated reply when a deadline is checked.
pub const UNDATED_WARNING: &str =
    "reply has no date: it could not be checked against the deadline and is counted as on time";

/// A draft as the blank form (or a reply) names it: the form reader's one draft identity.
pub type DraftRef = crate::draft::DraftName;

/// What the tally needs besides the replies.
#[derive(Debug, Clone, PartialEq)]
pub struct Options {
    /// Percentage of support needed, inclusive.
    pub threshold: f64,
    /// The drafts of the blank form (`--form`), in its order.
    pub expected: Option<Vec<DraftRef>>,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            threshold: DEFAULT_THRESHOLD,
            expected: None,
        }
    }
}

/// The verdict for one draft, as words (for reports).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    MayProceed,
    MayNotProceed,
    Undecided,
}

impl Verdict {
    pub fn from_meets(meets: Option<bool>) -> Verdict {
        match meets {
            Some(true) => Verdict::MayProceed,
            Some(false) => Verdict::MayNotProceed,
            None => Verdict::Undecided,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::MayProceed => "may proceed",
            Verdict::MayNotProceed => "may not proceed",
            Verdict::Undecided => "undecided — review conflicts",
        }
    }
}

/// Counts for one draft over the Member States counted.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DraftTally {
    pub draft: String,
    pub provisional: Option<String>,
    /// All *authorizes*, with or without comments.
    pub authorize: usize,
    /// Of `authorize`, those with comments.
    pub with_comments: usize,
    pub not_authorize: usize,
    pub conflict: usize,
    pub no_reply: usize,
    /// 100 × authorize / (authorize + not_authorize), one decimal; `None` on 0/0.
    pub support: Option<f64>,
    /// `None`: undecided, the open conflicts could change the verdict.
    pub meets_threshold: Option<bool>,
}

impl DraftTally {
    pub fn verdict(&self) -> Verdict {
        Verdict::from_meets(self.meets_threshold)
    }

    /// True when a person has to look at this draft before the verdict holds.
    pub fn needs_review(&self) -> bool {
        self.meets_threshold.is_none()
    }
}

/// The whole of `summary.json`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Summary {
    pub schema: String,
    /// Written as `70` when whole, `66.5` otherwise.
    #[serde(serialize_with = "serialize_number")]
    pub threshold: f64,
    pub member_states_replied: usize,
    /// The review list's counts (filled in once the list is built).
    pub review: crate::record::ReviewCounts,
    pub drafts: Vec<DraftTally>,
}

/// Serialize a whole number without a fraction (`70`, not `70.0`).
pub fn serialize_number<S: Serializer>(value: &f64, s: S) -> Result<S::Ok, S::Error> {
    // 2^53: beyond it an f64 is no longer exact as an integer.
    if value.is_finite() && value.fract() == 0.0 && value.abs() < 9_007_199_254_740_992.0 {
        s.serialize_i64(*value as i64)
    } else {
        s.serialize_f64(*value)
    }
}

/// Why a deadline could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("cannot read deadline {given:?}: give a date such as 2023-02-09 or an RFC 3339 time such as 2023-02-09T23:59:00Z")]
pub struct DeadlineError {
    pub given: String,
}

/// Read `--deadline`: a bare date means the end of 23:59 UTC that day; otherwise an RFC 3339
/// time (an offset is required, so the instant is unambiguous).
pub fn parse_deadline(s: &str) -> Result<jiff::Timestamp, DeadlineError> {
    let t = s.trim();
    let err = || DeadlineError {
        given: s.to_string(),
    };
    if let Ok(d) = t.parse::<jiff::civil::Date>() {
        if t.len() <= 10 {
            // 23:59 means the whole minute: 23:59:59.999999999.
            let end = d.at(23, 59, 59, 999_999_999);
            return jiff::tz::TimeZone::UTC.to_timestamp(end).map_err(|_| err());
        }
    }
    t.parse::<jiff::Timestamp>().map_err(|_| err())
}

/// The instant of a reply's `date`: an RFC 3339 time as given, a date-time without offset as
/// UTC, a bare date (or a longer string starting with one) at 00:00 UTC.
pub fn reply_instant(reply: &Reply) -> Option<jiff::Timestamp> {
    let s = reply.date.as_deref()?.trim();
    if s.is_empty() {
        return None;
    }
    if let Ok(ts) = s.parse::<jiff::Timestamp>() {
        return Some(ts);
    }
    let utc = |dt: jiff::civil::DateTime| jiff::tz::TimeZone::UTC.to_timestamp(dt).ok();
    if let Ok(dt) = s.parse::<jiff::civil::DateTime>() {
        return utc(dt);
    }
    let head = s.get(..10)?;
    let d = head.parse::<jiff::civil::Date>().ok()?;
    utc(d.at(0, 0, 0, 0))
}

fn iso3_of(reply: &Reply) -> Option<&str> {
    reply
        .member_state
        .as_ref()
        .map(|m| m.iso3.trim())
        .filter(|s| !s.is_empty())
}

/// The replies that count, in input order: on time, not superseded, from a known Member
/// State, and of each Member State only the latest ([`latest_of`]) — the same replies whether
/// or not [`mark_superseded`] was called. The tally and every report count these.
pub fn counted(replies: &[Reply]) -> impl Iterator<Item = &Reply> {
    let mut keep: Vec<usize> = by_member_state(replies, |r| r.superseded_by.is_none() && !r.late)
        .iter()
        .filter_map(|g| latest_of(replies, g))
        .collect();
    keep.sort_unstable();
    keep.into_iter().filter_map(|i| replies.get(i))
}

/// The indices of the replies `keep` accepts, grouped by Member State (ISO3, case ignored),
/// groups in order of first appearance, each in input order. Replies with no Member State
/// are in no group.
fn by_member_state(replies: &[Reply], keep: impl Fn(&Reply) -> bool) -> Vec<Vec<usize>> {
    let mut groups: Vec<Vec<usize>> = Vec::new();
    let mut at: HashMap<String, usize> = HashMap::new();
    for (i, r) in replies.iter().enumerate() {
        // An excluded reply (a correction: withdrawn, not a reply) is in no group: it neither
        // counts nor supersedes.
        let Some(iso3) = iso3_of(r).filter(|_| !r.excluded && keep(r)) else {
            continue;
        };
        match at.get(&iso3.to_ascii_uppercase()) {
            Some(&g) => {
                if let Some(v) = groups.get_mut(g) {
                    v.push(i);
                }
            }
            None => {
                at.insert(iso3.to_ascii_uppercase(), groups.len());
                groups.push(vec![i]);
            }
        }
    }
    groups
}

/// Index of the latest reply among `group` (indices into `replies`, in input order): by
/// instant, undated older than dated, ties to the later in input order.
fn latest_of(replies: &[Reply], group: &[usize]) -> Option<usize> {
    let mut best: Option<(usize, Option<jiff::Timestamp>)> = None;
    for &i in group {
        let Some(r) = replies.get(i) else { continue };
        let at = reply_instant(r);
        best = match best {
            // `>=`: a tie goes to the later one in input order. `None < Some(_)`.
            Some((_, b)) if at < b => best,
            _ => Some((i, at)),
        };
    }
    best.map(|(i, _)| i)
}

/// Mark superseded replies: for each Member State with several replies, every reply but the
/// latest gets `superseded_by` = the source of the one that stands (see the module comment for
/// the order). Replies with no member state are left alone. Idempotent; call after
/// [`mark_late`] so that a late reply does not displace one received in time.
pub fn mark_superseded(replies: &mut [Reply]) {
    for group in by_member_state(replies, |_| true) {
        let in_time: Vec<usize> = group
            .iter()
            .copied()
            .filter(|&i| replies.get(i).is_some_and(|r| !r.late))
            .collect();
        // The pool the standing reply is chosen from; late replies outside it are not marked.
        let pool = if in_time.is_empty() { &group } else { &in_time };
        // A reply whose Member State is told only weakly never stands over one whose Member
        // State is sure (a mission read from its Swiss address must not replace Switzerland's
        // own reply): the sure ones are the candidates when there are any.
        let sure: Vec<usize> = pool
            .iter()
            .copied()
            .filter(|&i| replies.get(i).is_some_and(state_is_sure))
            .collect();
        let candidates = if sure.is_empty() { pool } else { &sure };
        let Some(stand) = latest_of(replies, candidates) else {
            continue;
        };
        let Some(source) = replies.get(stand).map(|r| r.source.clone()) else {
            continue;
        };
        for &i in &group {
            if let Some(r) = replies.get_mut(i) {
                r.superseded_by = if i != stand && pool.contains(&i) {
                    Some(source.clone())
                } else {
                    None
                };
            }
        }
    }
}

/// The reply's Member State is sure: no warning weakens it, or a person set it.
fn state_is_sure(r: &Reply) -> bool {
    r.corrections.iter().any(|c| c.field == "member_state")
        || !r.warnings.iter().any(|w| w.kind.weakens_state())
}

/// Mark late replies: `late` = the reply's instant is after `deadline`. An undated reply is
/// not late and gets [`UNDATED_WARNING`] (once). Idempotent.
pub fn mark_late(replies: &mut [Reply], deadline: jiff::Timestamp) {
    for r in replies.iter_mut() {
        match reply_instant(r) {
            Some(at) => r.late = at > deadline,
            None => {
                r.late = false;
                if !r.warnings.iter().any(|w| w.kind == WarningKind::Undated) {
                    r.warnings
                        .push(Warning::new(WarningKind::Undated, UNDATED_WARNING));
                }
            }
        }
    }
}

/// [`mark_late`] (when a deadline is given), then [`mark_superseded`]: the order that matters.
pub fn mark(replies: &mut [Reply], deadline: Option<jiff::Timestamp>) {
    if let Some(d) = deadline {
        mark_late(replies, d);
    }
    mark_superseded(replies);
}

/// Does `answer` speak of the draft `r`? ([`crate::draft::same_draft`].)
pub fn same_draft(answer: &Answer, r: &DraftRef) -> bool {
    r.names(&answer.draft, answer.provisional.as_deref())
}

/// The drafts named by `replies`, in order of first appearance.
pub fn drafts_named<'a>(replies: impl IntoIterator<Item = &'a Reply>) -> Vec<DraftRef> {
    let mut out: Vec<DraftRef> = Vec::new();
    for r in replies {
        for a in &r.answers {
            match out.iter_mut().find(|d| same_draft(a, d)) {
                Some(d) => {
                    if d.provisional.is_none() {
                        d.provisional.clone_from(&a.provisional);
                    }
                }
                None => out.push(DraftRef {
                    draft: a.draft.clone(),
                    provisional: a.provisional.clone(),
                }),
            }
        }
    }
    out
}

/// Does `authorize` of `total` answering meet `threshold` percent? Inclusive, on the unrounded
/// ratio; compared as 100·a ≥ t·n with a tolerance for the binary rounding of `t` (66.7·3).
/// No member state answering meets it (§9.4.5: "or if there are no replies").
fn meets(authorize: usize, not_authorize: usize, threshold: f64) -> bool {
    let n = authorize + not_authorize;
    if n == 0 {
        return true;
    }
    let lhs = 100.0 * authorize as f64;
    let rhs = threshold * n as f64;
    lhs >= rhs - 1e-9 * rhs.abs().max(1.0)
}

/// Support, rounded to one decimal; `None` on 0/0.
pub fn support(authorize: usize, not_authorize: usize) -> Option<f64> {
    let n = authorize + not_authorize;
    if n == 0 {
        return None;
    }
    Some((1000.0 * authorize as f64 / n as f64).round() / 10.0)
}

/// The verdict: `Some` when the open conflicts cannot change it either way, else `None`.
pub fn meets_threshold(
    authorize: usize,
    not_authorize: usize,
    conflict: usize,
    threshold: f64,
) -> Option<bool> {
    if authorize + not_authorize + conflict == 0 {
        return Some(true);
    }
    let if_for = meets(authorize + conflict, not_authorize, threshold);
    let if_against = meets(authorize, not_authorize + conflict, threshold);
    (if_for == if_against).then_some(if_for)
}

/// Tally the replies per draft (see `CONTRACT.md`, `summary.json`).
pub fn tally(replies: &[Reply], opts: &Options) -> Summary {
    let counted: Vec<&Reply> = counted(replies).collect();
    let drafts = match &opts.expected {
        Some(e) => e.clone(),
        None => drafts_named(counted.iter().copied()),
    };
    let tallies = drafts
        .into_iter()
        .map(|d| {
            let mut t = DraftTally {
                draft: d.draft.clone(),
                provisional: d.provisional.clone(),
                authorize: 0,
                with_comments: 0,
                not_authorize: 0,
                conflict: 0,
                no_reply: 0,
                support: None,
                meets_threshold: None,
            };
            for r in &counted {
                // A draft answered twice in one reply: the first answer counts.
                match r.answers.iter().find(|a| same_draft(a, &d)) {
                    None => t.no_reply += 1,
                    Some(a) => match a.decision {
                        Decision::Authorize => {
                            t.authorize += 1;
                            if a.comments == Some(Comments::WithComments) {
                                t.with_comments += 1;
                            }
                        }
                        Decision::NotAuthorize => t.not_authorize += 1,
                        Decision::Conflict => t.conflict += 1,
                        Decision::NoReply => t.no_reply += 1,
                    },
                }
            }
            t.support = support(t.authorize, t.not_authorize);
            t.meets_threshold =
                meets_threshold(t.authorize, t.not_authorize, t.conflict, opts.threshold);
            t
        })
        .collect();
    Summary {
        schema: SUMMARY_SCHEMA.to_string(),
        threshold: opts.threshold,
        member_states_replied: counted.len(),
        review: Default::default(),
        drafts: tallies,
    }
}

/// Why replies were left out of the tally, for the reports.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct LeftOut {
    /// Excluded by a correction.
    pub excluded: usize,
    pub late: usize,
    pub superseded: usize,
    pub unidentified: usize,
}

/// Count the replies left out, each once under its first reason: excluded, late, superseded,
/// unidentified.
pub fn left_out(replies: &[Reply]) -> LeftOut {
    let mut out = LeftOut::default();
    for r in replies {
        if r.excluded {
            out.excluded += 1;
        } else if r.late {
            out.late += 1;
        } else if r.superseded_by.is_some() {
            out.superseded += 1;
        } else if iso3_of(r).is_none() {
            out.unidentified += 1;
        }
    }
    out
}

#[cfg(test)]
pub(crate) mod tests;
