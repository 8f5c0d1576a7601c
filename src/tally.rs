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
//! - A late reply does not supersede a reply received in time: it is left out anyway, and the
//!   Member State's in-time answer is the one received by the due date (§9.4.6).
//! - Drafts match by number, case and spaces ignored, or by the provisional name (a form may
//!   name a draft by its provisional name before it has a number).

use std::collections::HashMap;

use serde::{Deserialize, Serialize, Serializer};

use crate::record::{Answer, Comments, Decision, Reply};

/// `schema` of `summary.json`.
pub const SUMMARY_SCHEMA: &str = "replytally.summary/1";

/// The default threshold, in percent (Resolution 1, §9.4.5).
pub const DEFAULT_THRESHOLD: f64 = 70.0;

/// Warning put on an undated reply when a deadline is checked.
pub const UNDATED_WARNING: &str =
    "reply has no date: it could not be checked against the deadline and is counted as on time";

/// A draft as the blank form (or a reply) names it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DraftRef {
    pub draft: String,
    pub provisional: Option<String>,
}

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

/// Which replies count: not superseded, not late, member state known.
pub fn counted(replies: &[Reply]) -> impl Iterator<Item = &Reply> {
    replies
        .iter()
        .filter(|r| r.superseded_by.is_none() && !r.late && iso3_of(r).is_some())
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
    let mut groups: Vec<(String, Vec<usize>)> = Vec::new();
    let mut at: HashMap<String, usize> = HashMap::new();
    for (i, r) in replies.iter().enumerate() {
        let Some(iso3) = iso3_of(r) else { continue };
        let key = iso3.to_ascii_uppercase();
        match at.get(&key) {
            Some(&g) => {
                if let Some((_, v)) = groups.get_mut(g) {
                    v.push(i);
                }
            }
            None => {
                at.insert(key.clone(), groups.len());
                groups.push((key, vec![i]));
            }
        }
    }
    for (_, group) in groups {
        let in_time: Vec<usize> = group
            .iter()
            .copied()
            .filter(|&i| replies.get(i).is_some_and(|r| !r.late))
            .collect();
        // The pool the standing reply is chosen from; late replies outside it are not marked.
        let pool = if in_time.is_empty() { &group } else { &in_time };
        let Some(stand) = latest_of(replies, pool) else {
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

/// Mark late replies: `late` = the reply's instant is after `deadline`. An undated reply is
/// not late and gets [`UNDATED_WARNING`] (once). Idempotent.
pub fn mark_late(replies: &mut [Reply], deadline: jiff::Timestamp) {
    for r in replies.iter_mut() {
        match reply_instant(r) {
            Some(at) => r.late = at > deadline,
            None => {
                r.late = false;
                if !r.warnings.iter().any(|w| w == UNDATED_WARNING) {
                    r.warnings.push(UNDATED_WARNING.to_string());
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

/// The characters compared when matching draft names: no white space, lower case. Compared
/// as they come, without building strings: the tally and the reports match every answer of
/// every reply against every draft.
fn folded(s: &str) -> impl Iterator<Item = char> + '_ {
    s.chars()
        .filter(|c| !c.is_whitespace())
        .flat_map(char::to_lowercase)
}

fn same_folded(a: &str, b: &str) -> bool {
    folded(a).eq(folded(b))
}

fn blank_folded(s: &str) -> bool {
    folded(s).next().is_none()
}

/// Does `answer` speak of the draft `r`? Same number, or the same provisional name on either side.
pub fn same_draft(answer: &Answer, r: &DraftRef) -> bool {
    if same_folded(&answer.draft, &r.draft) {
        return true;
    }
    if let (Some(a), Some(b)) = (answer.provisional.as_deref(), r.provisional.as_deref()) {
        if !blank_folded(a) && same_folded(a, b) {
            return true;
        }
    }
    // A draft known only by its provisional name on one side.
    r.provisional
        .as_deref()
        .is_some_and(|p| !blank_folded(p) && same_folded(p, &answer.draft))
        || answer
            .provisional
            .as_deref()
            .is_some_and(|p| !blank_folded(p) && same_folded(p, &r.draft))
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

/// The counted replies, one per Member State even if [`mark_superseded`] was not called.
fn standing(replies: &[Reply]) -> Vec<&Reply> {
    let mut groups: Vec<Vec<usize>> = Vec::new();
    let mut at: HashMap<String, usize> = HashMap::new();
    for (i, r) in replies.iter().enumerate() {
        if r.superseded_by.is_some() || r.late {
            continue;
        }
        let Some(iso3) = iso3_of(r) else { continue };
        let key = iso3.to_ascii_uppercase();
        match at.get(&key) {
            Some(&g) => {
                if let Some(v) = groups.get_mut(g) {
                    v.push(i);
                }
            }
            None => {
                at.insert(key, groups.len());
                groups.push(vec![i]);
            }
        }
    }
    let mut keep: Vec<usize> = groups
        .iter()
        .filter_map(|g| latest_of(replies, g))
        .collect();
    keep.sort_unstable();
    keep.into_iter().filter_map(|i| replies.get(i)).collect()
}

/// Tally the replies per draft (see `CONTRACT.md`, `summary.json`).
pub fn tally(replies: &[Reply], opts: &Options) -> Summary {
    let counted = standing(replies);
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
        drafts: tallies,
    }
}

/// Why replies were left out of the tally, for the reports.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct LeftOut {
    pub late: usize,
    pub superseded: usize,
    pub unidentified: usize,
}

/// Count the replies left out, each once under its first reason: late, superseded, unidentified.
pub fn left_out(replies: &[Reply]) -> LeftOut {
    let mut out = LeftOut::default();
    for r in replies {
        if r.late {
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
pub(crate) mod tests {
    use super::*;
    use crate::record::{Evidence, MemberState, Sender};

    pub(crate) fn answer(draft: &str, decision: Decision) -> Answer {
        Answer {
            draft: draft.to_string(),
            provisional: None,
            decision,
            comments: (decision == Decision::Authorize).then_some(Comments::NoComments),
            text: String::new(),
            evidence: Evidence::LegacyCheckbox,
        }
    }

    pub(crate) fn reply(
        source: &str,
        iso3: Option<&str>,
        date: Option<&str>,
        answers: Vec<Answer>,
    ) -> Reply {
        Reply {
            source: source.to_string(),
            sha256: "00".repeat(32),
            language: "en".to_string(),
            member_state: iso3.map(|c| MemberState {
                name: c.to_string(),
                iso3: c.to_string(),
            }),
            sender: Sender::default(),
            date: date.map(str::to_string),
            answers,
            superseded_by: None,
            late: false,
            warnings: Vec::new(),
            excluded: false,
            corrections: Vec::new(),
        }
    }

    /// `a` authorize, `n` not authorize, `c` conflict replies to draft X.1, each a distinct state.
    fn votes(a: usize, n: usize, c: usize) -> Vec<Reply> {
        let mut out = Vec::new();
        let mut k = 0;
        for (count, d) in [
            (a, Decision::Authorize),
            (n, Decision::NotAuthorize),
            (c, Decision::Conflict),
        ] {
            for _ in 0..count {
                k += 1;
                let code = format!("S{k:02}");
                out.push(reply(
                    &format!("{code}.docx"),
                    Some(&code),
                    Some("2023-02-01"),
                    vec![answer("X.1", d)],
                ));
            }
        }
        out
    }

    fn one(replies: &[Reply], threshold: f64) -> DraftTally {
        let s = tally(
            replies,
            &Options {
                threshold,
                expected: None,
            },
        );
        assert_eq!(s.drafts.len(), 1, "{s:?}");
        s.drafts.into_iter().next().unwrap()
    }

    #[test]
    fn exact_threshold_is_inclusive() {
        let t = one(&votes(7, 3, 0), 70.0);
        assert_eq!((t.authorize, t.not_authorize), (7, 3));
        assert_eq!(t.support, Some(70.0));
        assert_eq!(t.meets_threshold, Some(true));
    }

    #[test]
    fn just_below_threshold_fails_even_if_rounding_reaches_it() {
        // 699/1000 = 69.9 → false.
        let t = one(&votes(699, 301, 0), 70.0);
        assert_eq!(t.support, Some(69.9));
        assert_eq!(t.meets_threshold, Some(false));
        // 69.97 % rounds to 70.0 but is below: the unrounded ratio decides.
        let t = one(&votes(6997, 3003, 0), 70.0);
        assert_eq!(t.support, Some(70.0));
        assert_eq!(t.meets_threshold, Some(false));
    }

    #[test]
    fn support_rounds_to_one_decimal() {
        assert_eq!(support(10, 1), Some(90.9));
        assert_eq!(support(14, 1), Some(93.3));
        assert_eq!(support(13, 2), Some(86.7));
        assert_eq!(support(2, 1), Some(66.7));
        assert_eq!(support(15, 0), Some(100.0));
        assert_eq!(support(0, 0), None);
    }

    #[test]
    fn no_replies_meets_threshold() {
        let s = tally(
            &[],
            &Options {
                threshold: 70.0,
                expected: Some(vec![DraftRef {
                    draft: "X.1".into(),
                    provisional: Some("X.one".into()),
                }]),
            },
        );
        assert_eq!(s.member_states_replied, 0);
        let t = &s.drafts[0];
        assert_eq!(t.provisional.as_deref(), Some("X.one"));
        assert_eq!(
            (t.authorize, t.not_authorize, t.conflict, t.no_reply),
            (0, 0, 0, 0)
        );
        assert_eq!(t.support, None);
        assert_eq!(t.meets_threshold, Some(true));
    }

    #[test]
    fn only_no_reply_meets_threshold_with_null_support() {
        let rs = vec![
            reply(
                "a",
                Some("FRA"),
                None,
                vec![answer("X.1", Decision::NoReply)],
            ),
            reply(
                "b",
                Some("DEU"),
                None,
                vec![answer("X.1", Decision::NoReply)],
            ),
        ];
        let t = one(&rs, 70.0);
        assert_eq!(t.no_reply, 2);
        assert_eq!(t.support, None);
        assert_eq!(t.meets_threshold, Some(true));
    }

    #[test]
    fn conflicts_that_cannot_change_the_verdict() {
        // 12 for, 2 against, 1 conflict: 12/15 = 80 % and 13/15 both pass.
        let t = one(&votes(12, 2, 1), 70.0);
        assert_eq!(t.conflict, 1);
        assert_eq!(t.support, Some(85.7));
        assert_eq!(t.meets_threshold, Some(true));
        // 1 for, 5 against, 1 conflict: fails either way.
        let t = one(&votes(1, 5, 1), 70.0);
        assert_eq!(t.meets_threshold, Some(false));
    }

    #[test]
    fn conflicts_that_can_change_the_verdict() {
        // 6 for, 3 against, 1 conflict: 7/10 passes, 6/10 fails.
        let t = one(&votes(6, 3, 1), 70.0);
        assert_eq!(t.support, Some(66.7));
        assert_eq!(t.meets_threshold, None);
        assert!(t.needs_review());
        assert_eq!(t.verdict().as_str(), "undecided — review conflicts");
        // Only conflicts: all for → 100 %, all against → 0 %.
        let t = one(&votes(0, 0, 2), 70.0);
        assert_eq!(t.support, None);
        assert_eq!(t.meets_threshold, None);
    }

    #[test]
    fn fractional_threshold() {
        // 2/3 = 66.67 % ≥ 66.5; and 66.7·3 is not exactly 200.1 in binary.
        let t = one(&votes(2, 1, 0), 66.5);
        assert_eq!(t.meets_threshold, Some(true));
        let t = one(&votes(2, 1, 0), 66.7);
        assert_eq!(t.meets_threshold, Some(false));
        // 62.5 % of 8 = 5 exactly.
        assert_eq!(one(&votes(5, 3, 0), 62.5).meets_threshold, Some(true));
        assert_eq!(one(&votes(603, 397, 0), 60.3).meets_threshold, Some(true));
        assert_eq!(one(&votes(602, 398, 0), 60.3).meets_threshold, Some(false));
    }

    #[test]
    fn threshold_serialization() {
        let mut s = tally(&votes(1, 0, 0), &Options::default());
        let j = serde_json::to_string(&s).unwrap();
        assert!(j.contains("\"threshold\":70,"), "{j}");
        s.threshold = 66.5;
        let j = serde_json::to_string(&s).unwrap();
        assert!(j.contains("\"threshold\":66.5,"), "{j}");
        let back: Summary = serde_json::from_str(&j).unwrap();
        assert_eq!(back, s);
        let v: serde_json::Value = serde_json::from_str(&j).unwrap();
        assert_eq!(v["drafts"][0]["support"], serde_json::json!(100.0));
        assert_eq!(v["drafts"][0]["meets_threshold"], serde_json::json!(true));
        assert_eq!(v["schema"], serde_json::json!(SUMMARY_SCHEMA));
    }

    #[test]
    fn with_comments_counted_within_authorize() {
        let mut a = answer("X.1", Decision::Authorize);
        a.comments = Some(Comments::WithComments);
        let mut u = answer("X.1", Decision::Authorize);
        u.comments = Some(Comments::Unspecified);
        let rs = vec![
            reply("a", Some("FRA"), None, vec![a]),
            reply("b", Some("DEU"), None, vec![u]),
        ];
        let t = one(&rs, 70.0);
        assert_eq!((t.authorize, t.with_comments), (2, 1));
    }

    #[test]
    fn superseded_later_date_wins() {
        let mut rs = vec![
            reply(
                "late.docx",
                Some("FRA"),
                Some("2023-02-07"),
                vec![answer("X.1", Decision::Authorize)],
            ),
            reply(
                "early.docx",
                Some("FRA"),
                Some("2023-02-01"),
                vec![answer("X.1", Decision::NotAuthorize)],
            ),
            reply(
                "de.docx",
                Some("DEU"),
                Some("2023-02-01"),
                vec![answer("X.1", Decision::Authorize)],
            ),
        ];
        mark_superseded(&mut rs);
        assert_eq!(rs[0].superseded_by, None);
        assert_eq!(rs[1].superseded_by.as_deref(), Some("late.docx"));
        assert_eq!(rs[2].superseded_by, None);
        let s = tally(&rs, &Options::default());
        assert_eq!(s.member_states_replied, 2);
        assert_eq!((s.drafts[0].authorize, s.drafts[0].not_authorize), (2, 0));
        assert_eq!(counted(&rs).count(), 2);
        assert_eq!(left_out(&rs).superseded, 1);
    }

    #[test]
    fn superseded_same_date_later_input_wins() {
        let mut rs = vec![
            reply(
                "one.docx",
                Some("FRA"),
                Some("2023-02-01"),
                vec![answer("X.1", Decision::NotAuthorize)],
            ),
            reply(
                "two.docx",
                Some("fra"),
                Some("2023-02-01"),
                vec![answer("X.1", Decision::Authorize)],
            ),
        ];
        mark_superseded(&mut rs);
        assert_eq!(rs[0].superseded_by.as_deref(), Some("two.docx"));
        assert_eq!(rs[1].superseded_by, None);
        // Idempotent.
        mark_superseded(&mut rs);
        assert_eq!(rs[0].superseded_by.as_deref(), Some("two.docx"));
        assert_eq!(rs[1].superseded_by, None);
    }

    #[test]
    fn superseded_undated_loses_to_dated() {
        let mut rs = vec![
            reply("dated.docx", Some("FRA"), Some("2023-02-01"), vec![]),
            reply("undated.docx", Some("FRA"), None, vec![]),
            reply("undated2.docx", Some("DEU"), None, vec![]),
            reply("undated3.docx", Some("DEU"), None, vec![]),
        ];
        mark_superseded(&mut rs);
        assert_eq!(rs[0].superseded_by, None);
        assert_eq!(rs[1].superseded_by.as_deref(), Some("dated.docx"));
        assert_eq!(rs[2].superseded_by.as_deref(), Some("undated3.docx"));
        assert_eq!(rs[3].superseded_by, None);
    }

    #[test]
    fn tally_keeps_one_reply_per_state_even_unmarked() {
        let rs = vec![
            reply(
                "one.docx",
                Some("FRA"),
                Some("2023-02-03"),
                vec![answer("X.1", Decision::NotAuthorize)],
            ),
            reply(
                "two.docx",
                Some("FRA"),
                Some("2023-02-01"),
                vec![answer("X.1", Decision::Authorize)],
            ),
        ];
        let t = one(&rs, 70.0);
        assert_eq!((t.authorize, t.not_authorize), (0, 1));
    }

    #[test]
    fn late_excluded() {
        let deadline = parse_deadline("2023-02-09").unwrap();
        let mut rs = vec![
            reply(
                "ontime.docx",
                Some("FRA"),
                Some("2023-02-09"),
                vec![answer("X.1", Decision::Authorize)],
            ),
            reply(
                "late.docx",
                Some("DEU"),
                Some("2023-02-10"),
                vec![answer("X.1", Decision::NotAuthorize)],
            ),
            reply(
                "undated.docx",
                Some("ITA"),
                None,
                vec![answer("X.1", Decision::Authorize)],
            ),
            reply(
                "stamp.docx",
                Some("ESP"),
                Some("2023-02-09T23:59:30Z"),
                vec![answer("X.1", Decision::Authorize)],
            ),
            reply(
                "stamp2.docx",
                Some("PRT"),
                Some("2023-02-10T00:30:00+01:00"),
                vec![answer("X.1", Decision::Authorize)],
            ),
        ];
        mark_late(&mut rs, deadline);
        assert!(!rs[0].late);
        assert!(rs[1].late);
        assert!(!rs[2].late);
        assert_eq!(rs[2].warnings, vec![UNDATED_WARNING.to_string()]);
        assert!(!rs[3].late);
        assert!(!rs[4].late, "23:30 UTC on the 9th");
        mark_late(&mut rs, deadline);
        assert_eq!(rs[2].warnings.len(), 1, "warning added once");
        let t = one(&rs, 70.0);
        assert_eq!((t.authorize, t.not_authorize), (4, 0));
        assert_eq!(left_out(&rs).late, 1);
    }

    #[test]
    fn late_reply_does_not_supersede_one_in_time() {
        let mut rs = vec![
            reply(
                "first.docx",
                Some("FRA"),
                Some("2023-02-01"),
                vec![answer("X.1", Decision::NotAuthorize)],
            ),
            reply(
                "second.docx",
                Some("FRA"),
                Some("2023-02-12"),
                vec![answer("X.1", Decision::Authorize)],
            ),
        ];
        mark(&mut rs, Some(parse_deadline("2023-02-09").unwrap()));
        assert_eq!(rs[0].superseded_by, None);
        assert!(!rs[0].late);
        assert!(rs[1].late);
        assert_eq!(rs[1].superseded_by, None);
        let t = one(&rs, 70.0);
        assert_eq!((t.authorize, t.not_authorize), (0, 1));
    }

    #[test]
    fn deadline_parsing() {
        let d = parse_deadline("2023-02-09").unwrap();
        assert_eq!(d.to_string(), "2023-02-09T23:59:59.999999999Z");
        let d = parse_deadline("2023-02-09T12:00:00+01:00").unwrap();
        assert_eq!(d.to_string(), "2023-02-09T11:00:00Z");
        assert!(parse_deadline("9 Feb 2023").is_err());
        assert!(parse_deadline("").is_err());
        let e = parse_deadline("tomorrow").unwrap_err();
        assert!(e.to_string().contains("2023-02-09"));
    }

    #[test]
    fn unidentified_excluded() {
        let rs = vec![
            reply(
                "who.docx",
                None,
                None,
                vec![answer("X.1", Decision::NotAuthorize)],
            ),
            reply(
                "blank.docx",
                Some(" "),
                None,
                vec![answer("X.1", Decision::NotAuthorize)],
            ),
            reply(
                "fr.docx",
                Some("FRA"),
                None,
                vec![answer("X.1", Decision::Authorize)],
            ),
        ];
        let s = tally(&rs, &Options::default());
        assert_eq!(s.member_states_replied, 1);
        assert_eq!((s.drafts[0].authorize, s.drafts[0].not_authorize), (1, 0));
        assert_eq!(left_out(&rs).unidentified, 2);
        assert_eq!(counted(&rs).count(), 1);
    }

    #[test]
    fn expected_drafts_order_and_missing_answers() {
        let mut prov = answer("X.ztd-iot", Decision::NotAuthorize);
        prov.provisional = None;
        let rs = vec![
            reply(
                "fr.docx",
                Some("FRA"),
                None,
                vec![
                    answer("X.2", Decision::Authorize),
                    answer("X.9", Decision::Authorize),
                ],
            ),
            reply("de.docx", Some("DEU"), None, vec![prov]),
        ];
        let opts = Options {
            threshold: 70.0,
            expected: Some(vec![
                DraftRef {
                    draft: "X.1353".into(),
                    provisional: Some("X.ztd-iot".into()),
                },
                DraftRef {
                    draft: "X.2".into(),
                    provisional: None,
                },
            ]),
        };
        let s = tally(&rs, &opts);
        let names: Vec<&str> = s.drafts.iter().map(|d| d.draft.as_str()).collect();
        assert_eq!(names, ["X.1353", "X.2"], "X.9 is not on the form");
        assert_eq!((s.drafts[0].not_authorize, s.drafts[0].no_reply), (1, 1));
        assert_eq!((s.drafts[1].authorize, s.drafts[1].no_reply), (1, 1));
        assert_eq!(s.drafts[1].support, Some(100.0));
    }

    #[test]
    fn drafts_without_form_in_order_of_first_appearance() {
        let mut with_prov = answer("X.1", Decision::Authorize);
        with_prov.provisional = Some("X.one".into());
        let rs = vec![
            reply(
                "late.docx",
                Some("ITA"),
                None,
                vec![answer("X.0", Decision::Authorize)],
            ),
            reply(
                "fr.docx",
                Some("FRA"),
                None,
                vec![
                    answer("X.2", Decision::Authorize),
                    answer("X.1", Decision::NotAuthorize),
                ],
            ),
            reply(
                "de.docx",
                Some("DEU"),
                None,
                vec![with_prov, answer("X.3", Decision::Authorize)],
            ),
        ];
        let mut rs = rs;
        rs[0].late = true;
        let s = tally(&rs, &Options::default());
        let names: Vec<&str> = s.drafts.iter().map(|d| d.draft.as_str()).collect();
        assert_eq!(
            names,
            ["X.2", "X.1", "X.3"],
            "drafts of left-out replies are not listed"
        );
        assert_eq!(s.drafts[1].provisional.as_deref(), Some("X.one"));
        assert_eq!(s.drafts[2].no_reply, 1);
    }

    #[test]
    fn draft_matching() {
        let r = DraftRef {
            draft: "X.1353".into(),
            provisional: Some("X.ztd-iot".into()),
        };
        let mut a = answer("x. 1353", Decision::Authorize);
        assert!(same_draft(&a, &r));
        a.draft = "X.1354".into();
        assert!(!same_draft(&a, &r));
        a.provisional = Some("X.ZTD-IOT".into());
        assert!(same_draft(&a, &r));
        let bare = DraftRef {
            draft: "X.ztd-iot".into(),
            provisional: None,
        };
        assert!(same_draft(&a, &bare));
        let empty = DraftRef {
            draft: "X.9".into(),
            provisional: Some(String::new()),
        };
        let mut e = answer("X.8", Decision::Authorize);
        e.provisional = Some(String::new());
        assert!(!same_draft(&e, &empty));
    }

    /// The practice fixtures' expected records, tallied, give the expected tallies.
    #[test]
    fn truth_fixture_tallies() {
        let shared = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared");
        let path = shared.join("replies/truth.json");
        if !shared.exists() {
            eprintln!("skipped: {} is absent", shared.display());
            return;
        }
        let truth: serde_json::Value =
            serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap();
        let s = |v: &serde_json::Value| v.as_str().map(str::to_string);
        let mut replies: Vec<Reply> = Vec::new();
        for r in truth["replies"].as_array().unwrap() {
            let answers = r["answers"]
                .as_array()
                .unwrap()
                .iter()
                .map(|a| Answer {
                    draft: s(&a["draft"]).unwrap(),
                    provisional: s(&a["provisional"]),
                    decision: serde_json::from_value(a["decision"].clone()).unwrap(),
                    comments: serde_json::from_value(a["comments"].clone()).unwrap(),
                    text: s(&a["text"]).unwrap_or_default(),
                    evidence: serde_json::from_value(a["evidence"].clone()).unwrap(),
                })
                .collect();
            let mut reply = reply(
                &s(&r["source"]).unwrap(),
                r["member_state"]["iso3"].as_str(),
                r["date"].as_str(),
                answers,
            );
            reply.superseded_by = s(&r["superseded_by"]);
            replies.push(reply);
        }
        assert!(replies.len() >= 10, "truth.json lists the replies");
        let expected: Vec<DraftRef> = serde_json::from_value(truth["drafts"].clone()).unwrap();
        mark_superseded(&mut replies);
        for r in &replies {
            let want = truth["replies"]
                .as_array()
                .unwrap()
                .iter()
                .find(|t| t["source"].as_str() == Some(r.source.as_str()))
                .unwrap();
            assert_eq!(
                r.superseded_by.as_deref(),
                want["superseded_by"].as_str(),
                "{}",
                r.source
            );
        }
        let threshold = truth["threshold"].as_f64().unwrap();
        let summary = tally(
            &replies,
            &Options {
                threshold,
                expected: Some(expected),
            },
        );
        let got = serde_json::to_value(&summary).unwrap();
        let want = &truth["tallies"];
        assert_eq!(got["member_states_replied"], want["member_states_replied"]);
        assert_eq!(got["drafts"], want["drafts"]);
        assert_eq!(got["threshold"], truth["threshold"]);
    }

    #[test]
    fn reply_instants() {
        let mut r = reply("a", None, Some("2023-02-01"), vec![]);
        assert_eq!(
            reply_instant(&r).unwrap().to_string(),
            "2023-02-01T00:00:00Z"
        );
        r.date = Some("2023-02-01T10:00:00".into());
        assert_eq!(
            reply_instant(&r).unwrap().to_string(),
            "2023-02-01T10:00:00Z"
        );
        r.date = Some("garbage".into());
        assert_eq!(reply_instant(&r), None);
        r.date = Some("2023-02-01 (Geneva)".into());
        assert_eq!(
            reply_instant(&r).unwrap().to_string(),
            "2023-02-01T00:00:00Z"
        );
        r.date = Some("2023-€2".into());
        assert_eq!(reply_instant(&r), None);
    }
}
