//! What the annex, the HTML page and the workbook show, worked out once from the records and
//! the summary: the Member States × drafts matrix, the reasons and comments per draft, the
//! replies left out and why, the items to review, and the "made from" and rule sentences.
//! Everything here is in a fixed order (input order or sorted names), never hash order.

use super::RunInfo;
use crate::record::{Answer, Comments, Decision, Records, Reply};
use crate::tally::{counted, same_draft, DraftRef, DraftTally, Summary};
use crate::warning::{Severity, WarningKind};

/// One cell of the Member States × drafts matrix.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Mark {
    /// Authorizes, no comments (or the comments option not told).
    Authorize,
    /// Authorizes, with comments.
    AuthorizeWithComments,
    NotAuthorize,
    NoReply,
    /// Both boxes marked.
    Conflict,
}

impl Mark {
    pub(crate) fn of(answer: Option<&Answer>) -> Mark {
        match answer.map(|a| (a.decision, a.comments)) {
            Some((Decision::Authorize, Some(Comments::WithComments))) => {
                Mark::AuthorizeWithComments
            }
            Some((Decision::Authorize, _)) => Mark::Authorize,
            Some((Decision::NotAuthorize, _)) => Mark::NotAuthorize,
            Some((Decision::Conflict, _)) => Mark::Conflict,
            Some((Decision::NoReply, _)) | None => Mark::NoReply,
        }
    }

    /// The matrix code: A / A* / N / — / ?.
    pub(crate) fn code(self) -> &'static str {
        match self {
            Mark::Authorize => "A",
            Mark::AuthorizeWithComments => "A*",
            Mark::NotAuthorize => "N",
            Mark::NoReply => "—",
            Mark::Conflict => "?",
        }
    }

    pub(crate) fn words(self) -> &'static str {
        match self {
            Mark::Authorize => "authorizes, no comments",
            Mark::AuthorizeWithComments => "authorizes, with comments",
            Mark::NotAuthorize => "does not authorize",
            Mark::NoReply => "no reply",
            Mark::Conflict => "conflict: both boxes marked",
        }
    }

    /// A short word for CSS classes.
    pub(crate) fn class(self) -> &'static str {
        match self {
            Mark::Authorize => "a",
            Mark::AuthorizeWithComments => "ac",
            Mark::NotAuthorize => "n",
            Mark::NoReply => "none",
            Mark::Conflict => "conflict",
        }
    }

    pub(crate) const ALL: [Mark; 5] = [
        Mark::Authorize,
        Mark::AuthorizeWithComments,
        Mark::NotAuthorize,
        Mark::NoReply,
        Mark::Conflict,
    ];
}

/// The legend of the matrix, one sentence.
pub(crate) fn legend() -> String {
    Mark::ALL
        .iter()
        .map(|m| format!("{} = {}", m.code(), m.words()))
        .collect::<Vec<_>>()
        .join("; ")
}

/// The drafts of the summary, in its order.
pub(crate) fn drafts(summary: &Summary) -> Vec<DraftRef> {
    summary
        .drafts
        .iter()
        .map(|t| DraftRef {
            draft: t.draft.clone(),
            provisional: t.provisional.clone(),
        })
        .collect()
}

/// `Y.3061 (Y.AN-arch)`, or the number alone.
pub(crate) fn draft_label(draft: &str, provisional: Option<&str>) -> String {
    match provisional {
        Some(p) if !p.trim().is_empty() && p != draft => format!("{draft} ({p})"),
        _ => draft.to_string(),
    }
}

pub(crate) fn tally_label(t: &DraftTally) -> String {
    draft_label(&t.draft, t.provisional.as_deref())
}

/// The Member State's name, or a phrase saying it is not known.
pub(crate) fn state_name(r: &Reply) -> String {
    match &r.member_state {
        Some(m) if !m.name.trim().is_empty() => m.name.clone(),
        Some(m) if !m.iso3.trim().is_empty() => m.iso3.clone(),
        _ => "Member State not identified".to_string(),
    }
}

pub(crate) fn state_code(r: &Reply) -> &str {
    r.member_state.as_ref().map_or("", |m| m.iso3.as_str())
}

/// Name folded for sorting: lower case, letters and digits only.
fn sort_key(r: &Reply) -> (String, String) {
    let name: String = state_name(r)
        .chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect();
    (name, state_code(r).to_string())
}

/// A counted reply and its mark for each draft.
pub(crate) struct MatrixRow<'a> {
    pub reply: &'a Reply,
    pub marks: Vec<Mark>,
}

/// The replies that count, one per Member State, by name; a mark per draft.
pub(crate) fn matrix<'a>(records: &'a Records, drafts: &[DraftRef]) -> Vec<MatrixRow<'a>> {
    let mut rows: Vec<MatrixRow<'a>> = counted(&records.replies)
        .map(|r| MatrixRow {
            reply: r,
            marks: drafts
                .iter()
                .map(|d| Mark::of(r.answers.iter().find(|a| same_draft(a, d))))
                .collect(),
        })
        .collect();
    // Stable: equal names keep input order.
    rows.sort_by_key(|row| sort_key(row.reply));
    rows
}

/// What one Member State said on one draft.
pub(crate) struct Said<'a> {
    pub reply: &'a Reply,
    pub answer: &'a Answer,
    /// When the text is empty: why (e.g. the reply says it is attached).
    pub note: Option<String>,
}

/// The reasons and comments received on one draft, from the replies that count.
pub(crate) struct DraftWords<'a> {
    /// Every Member State that does not authorize, with its reasons (maybe none).
    pub reasons: Vec<Said<'a>>,
    /// Every *authorize* that carries comments (with comments, or text given anyway).
    pub comments: Vec<Said<'a>>,
    /// Replies with both boxes marked.
    pub conflicts: Vec<Said<'a>>,
}

/// Why a reply gives no text: the reader's warning on that draft, if it says so.
fn missing_text_note(r: &Reply, draft: &str) -> Option<String> {
    let said_attached = r
        .warnings
        .iter()
        .any(|w| w.kind == WarningKind::TextNotFound && w.concerns(draft));
    Some(if said_attached {
        "The reply says they are attached; nothing was found in the file received.".to_string()
    } else {
        "None given in the reply form.".to_string()
    })
}

pub(crate) fn words_per_draft<'a>(
    records: &'a Records,
    drafts: &[DraftRef],
) -> Vec<DraftWords<'a>> {
    let rows = matrix(records, drafts);
    drafts
        .iter()
        .map(|d| {
            let mut w = DraftWords {
                reasons: Vec::new(),
                comments: Vec::new(),
                conflicts: Vec::new(),
            };
            for row in &rows {
                let r = row.reply;
                let Some(a) = r.answers.iter().find(|a| same_draft(a, d)) else {
                    continue;
                };
                let empty = a.text.trim().is_empty();
                let said = |note: bool| Said {
                    reply: r,
                    answer: a,
                    note: if note && empty {
                        missing_text_note(r, &a.draft)
                    } else {
                        None
                    },
                };
                match (a.decision, a.comments) {
                    (Decision::NotAuthorize, _) => w.reasons.push(said(true)),
                    (Decision::Authorize, Some(Comments::WithComments)) => {
                        w.comments.push(said(true))
                    }
                    (Decision::Authorize, _) if !empty => w.comments.push(said(false)),
                    (Decision::Conflict, _) => w.conflicts.push(said(false)),
                    _ => {}
                }
            }
            w
        })
        .collect()
}

/// A reply read but not counted, and why.
pub(crate) struct LeftOutReply<'a> {
    pub reply: &'a Reply,
    /// Short: `late`, `superseded`, `unidentified`.
    pub kind: &'static str,
    pub why: String,
    /// For a superseded reply: the source of the reply that stands instead.
    pub by: Option<&'a str>,
}

/// Why a reply is not counted, in one word (`late`, `superseded`, `unidentified`), if it is not:
/// the first of those that applies.
pub(crate) fn left_out_kind(r: &Reply) -> Option<&'static str> {
    if r.excluded {
        Some("excluded")
    } else if r.late {
        Some("late")
    } else if r.superseded_by.is_some() {
        Some("superseded")
    } else if r
        .member_state
        .as_ref()
        .is_none_or(|m| m.iso3.trim().is_empty())
    {
        Some("unidentified")
    } else {
        None
    }
}

/// One correction applied, as the reports list it: "Korea (Rep. of), replies/kor.docx: Member
/// State Switzerland → Korea (Rep. of) — Permanent Mission in Geneva (SG17 secretariat,
/// 2023-02-10)".
pub(crate) fn corrections(records: &Records) -> Vec<String> {
    let mut out = Vec::new();
    for r in &records.replies {
        for c in &r.corrections {
            let who = [c.by.as_deref(), c.on.as_deref()]
                .into_iter()
                .flatten()
                .collect::<Vec<_>>()
                .join(", ");
            out.push(format!(
                "{}, {}: {} {} → {} — {}{}",
                state_name(r),
                r.source,
                c.field
                    .replace('.', " ")
                    .replace("member_state", "Member State"),
                shown(&c.from),
                shown(&c.to),
                c.reason,
                if who.is_empty() {
                    String::new()
                } else {
                    format!(" ({who})")
                }
            ));
        }
    }
    out
}

/// A corrected value as people read it.
fn shown(v: &serde_json::Value) -> String {
    match v {
        serde_json::Value::Null => "none".to_string(),
        serde_json::Value::String(s) if s.is_empty() => "(empty)".to_string(),
        serde_json::Value::String(s) => s.clone(),
        serde_json::Value::Object(o) => o
            .get("name")
            .and_then(|n| n.as_str())
            .unwrap_or("?")
            .to_string(),
        other => other.to_string(),
    }
}

/// Why a person excluded the reply (the reason of its `exclude` correction).
pub(crate) fn exclusion_reason(r: &Reply) -> &str {
    r.corrections
        .iter()
        .rev()
        .find(|c| c.field == "exclude")
        .map_or("", |c| c.reason.as_str())
}

/// The replies left out of the tally, in input order, each under its first reason.
pub(crate) fn left_out(records: &Records) -> Vec<LeftOutReply<'_>> {
    records
        .replies
        .iter()
        .filter_map(|r| {
            let kind = left_out_kind(r)?;
            let by = if kind == "superseded" {
                r.superseded_by.as_deref()
            } else {
                None
            };
            let why = match (kind, by) {
                ("excluded", _) => format!("excluded by a correction: {}", exclusion_reason(r)),
                ("late", _) => "received after the due date".to_string(),
                ("superseded", Some(s)) => {
                    format!("superseded by a later reply of the same Member State: {s}")
                }
                ("superseded", None) => {
                    "superseded by a later reply of the same Member State".to_string()
                }
                _ => "the replying Member State could not be identified".to_string(),
            };
            Some(LeftOutReply {
                reply: r,
                kind,
                why,
                by,
            })
        })
        .collect()
}

/// A percentage as written in prose: `70`, `66.5`.
pub(crate) fn number(x: f64) -> String {
    if x.fract() == 0.0 && x.abs() < 1e15 {
        format!("{}", x as i64)
    } else {
        format!("{x}")
    }
}

pub(crate) fn support_text(t: &DraftTally) -> String {
    t.support.map_or("—".to_string(), |s| format!("{s:.1} %"))
}

/// Member States that answered the draft (authorize, not authorize, or both marked).
pub(crate) fn answered(t: &DraftTally) -> usize {
    t.authorize + t.not_authorize + t.conflict
}

/// "TSB Circular 117 of 12 January 2026", with placeholders where not known.
pub(crate) fn circular_number(info: &RunInfo) -> Option<&str> {
    info.circular.as_ref().map(|c| c.number.as_str())
}

pub(crate) fn circular_date(info: &RunInfo) -> Option<&str> {
    info.circular.as_ref().and_then(|c| c.date.as_deref())
}

/// Placeholder for what a person must fill in.
pub(crate) const NUMBER_PLACEHOLDER: &str = "[number]";
pub(crate) const DATE_PLACEHOLDER: &str = "[date]";

/// The title, as plain text.
pub(crate) fn title(info: &RunInfo) -> String {
    format!(
        "Results of the consultation of Member States on TSB Circular {}",
        circular_number(info).unwrap_or(NUMBER_PLACEHOLDER)
    )
}

/// The one line on the rule applied.
pub(crate) fn rule(info: &RunInfo) -> String {
    let due = match &info.deadline {
        Some(d) => format!(
            "replies received by the due date, {d}, are counted (§9.4.6); later ones are listed \
             below but not counted"
        ),
        None => "no due date was given, so every reply received is counted".to_string(),
    };
    format!(
        "Rule applied: Resolution 1 (WTSA), §9.4.5 — a draft may proceed when at least {} % of \
         the Member States answering authorize it, or when no Member State answers; {due}.",
        number(info.threshold)
    )
}

/// What the output was made from, one sentence.
pub(crate) fn made_from(info: &RunInfo) -> String {
    format!(
        "Made by replytally {} from {} input{}; blank form: {}; due date (--deadline): {}; \
         threshold: {} %.",
        info.tool_version,
        info.inputs,
        if info.inputs == 1 { "" } else { "s" },
        info.form.as_deref().unwrap_or("none given"),
        info.deadline.as_deref().unwrap_or("none given"),
        number(info.threshold)
    )
}

/// Is the text right to left: its first strong letter is Hebrew, Arabic, Syriac, Thaana, NKo…
pub(crate) fn is_rtl(s: &str) -> bool {
    for c in s.chars() {
        let u = c as u32;
        let rtl = (0x0590..=0x08FF).contains(&u)
            || (0xFB1D..=0xFDFF).contains(&u)
            || (0xFE70..=0xFEFF).contains(&u)
            || (0x10800..=0x10FFF).contains(&u)
            || (0x1E800..=0x1EFFF).contains(&u);
        if rtl {
            // Arabic-Indic digits and marks are weak; letters decide.
            if c.is_alphabetic() {
                return true;
            }
        } else if c.is_alphabetic() {
            return false;
        }
    }
    false
}

/// Text with only the characters XML 1.0 allows (tab, line feed, carriage return, and from
/// U+0020 on, without surrogates, U+FFFE and U+FFFF): others are dropped.
pub(crate) fn xml_safe(s: &str) -> String {
    // Nearly every text is safe as it is: one pass over the bytes, one copy. The only
    // characters refused above U+007F are U+FFFE and U+FFFF (lone surrogates cannot be in a
    // `str`).
    let plain = s
        .bytes()
        .all(|b| b >= 0x20 || matches!(b, b'\t' | b'\n' | b'\r'));
    if plain && !s.contains(['\u{FFFE}', '\u{FFFF}']) {
        return s.to_owned();
    }
    s.chars()
        .filter(|&c| {
            matches!(c, '\t' | '\n' | '\r')
                || (('\u{20}'..='\u{D7FF}').contains(&c))
                || (('\u{E000}'..='\u{FFFD}').contains(&c))
                || c >= '\u{10000}'
        })
        .collect()
}

/// The creation date written into the annex and the workbook: the latest reply date, so that
/// it follows the inputs and never the clock; 2000-01-01 when no reply is dated.
pub(crate) fn created_date(records: &Records) -> (u16, u8, u8) {
    records
        .replies
        .iter()
        .filter_map(|r| r.date.as_deref())
        .filter_map(|d| d.get(..10))
        .filter_map(|d| d.parse::<jiff::civil::Date>().ok())
        .filter(|d| (1900..=9999).contains(&d.year()))
        .max()
        .map_or((2000, 1, 1), |d| {
            (d.year() as u16, d.month() as u8, d.day() as u8)
        })
}

/// One item of the review list, as the reports show it.
pub(crate) struct ReviewItem {
    /// The item's kind (`conflict`, `decision_from_emphasis`, `unreadable_legacy_doc` …).
    pub kind: String,
    pub severity: Severity,
    pub what: String,
    pub resolved: bool,
}

impl ReviewItem {
    /// `conflict`, `failure` or `warning`: for badges and CSS classes.
    pub(crate) fn class(&self) -> &'static str {
        if self.kind == "conflict" {
            "conflict"
        } else if self.kind.starts_with("unreadable_") {
            "failure"
        } else {
            "warning"
        }
    }

    /// The failure kind of an unreadable file (`legacy_doc`).
    pub(crate) fn failure_kind(&self) -> &str {
        self.kind.trim_start_matches("unreadable_")
    }

    /// The badge word: the severity, or `resolved`.
    pub(crate) fn badge(&self) -> &'static str {
        if self.resolved {
            "resolved"
        } else {
            self.severity.as_str()
        }
    }
}

pub(crate) fn review(records: &Records) -> Vec<ReviewItem> {
    review_groups(records)
        .into_iter()
        .flat_map(|g| g.items)
        .collect()
}

/// The review items of one file.
pub(crate) struct ReviewGroup<'a> {
    pub source: &'a str,
    /// The Member State, for a reply.
    pub who: Option<String>,
    /// For a reply that is not counted: why, in one word (its items matter less).
    pub not_counted: Option<&'static str>,
    pub items: Vec<ReviewItem>,
}

impl ReviewGroup<'_> {
    /// Sort rank: conflicts first (they can change a verdict), then the other items to decide,
    /// then to check, then notes; resolved items last.
    fn rank(&self) -> u8 {
        let open = || self.items.iter().filter(|i| !i.resolved);
        if open().any(|i| i.class() == "conflict") {
            0
        } else {
            open().map(|i| i.severity as u8 + 1).min().unwrap_or(4)
        }
    }
}

/// The order of the review list, said after its count.
pub(crate) const REVIEW_ORDER: &str = ": conflicts first, then what else must be decided (it \
     could change a count), then what to check, then notes; what corrections settled last";

/// How many items are left to decide, and what else, as a sentence: "Nothing left to decide."
/// when none is.
pub(crate) fn review_counts(records: &Records) -> String {
    let open = |s: Severity| {
        records
            .review
            .iter()
            .filter(|i| !i.resolved && i.severity == s)
            .count()
    };
    let resolved = records.review.iter().filter(|i| i.resolved).count();
    let (decide, check, note) = (
        open(Severity::Decide),
        open(Severity::Check),
        open(Severity::Note),
    );
    let head = match decide {
        0 => "Nothing left to decide.".to_string(),
        1 => "1 item to decide before the tally is final.".to_string(),
        n => format!("{n} items to decide before the tally is final."),
    };
    format!("{head} To check: {check}; notes: {note}; settled by corrections: {resolved}.")
}

/// The review list, one group per file, in the order of [`ReviewGroup::rank`], then input
/// order.
pub(crate) fn review_groups(records: &Records) -> Vec<ReviewGroup<'_>> {
    let mut groups: Vec<ReviewGroup<'_>> = Vec::new();
    for it in &records.review {
        let item = ReviewItem {
            kind: it.kind.clone(),
            severity: it.severity,
            what: it.message.clone(),
            resolved: it.resolved,
        };
        match groups.iter_mut().find(|g| g.source == it.source) {
            Some(g) => g.items.push(item),
            None => {
                let reply = records.replies.iter().find(|r| r.source == it.source);
                groups.push(ReviewGroup {
                    source: &it.source,
                    who: reply.map(state_name),
                    not_counted: reply.and_then(left_out_kind),
                    items: vec![item],
                });
            }
        }
    }
    // Stable: equal ranks keep input order.
    groups.sort_by_key(ReviewGroup::rank);
    groups
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::tests::{sample_info, sample_records, sample_summary};

    #[test]
    fn matrix_has_counted_states_by_name() {
        let records = sample_records();
        let summary = sample_summary(&records);
        let d = drafts(&summary);
        let rows = matrix(&records, &d);
        let names: Vec<String> = rows.iter().map(|r| state_name(r.reply)).collect();
        assert_eq!(names, ["France", "Germany"]);
        let codes: Vec<&str> = rows[0].marks.iter().map(|m| m.code()).collect();
        assert_eq!(codes, ["N", "A*", "—"]);
        let codes: Vec<&str> = rows[1].marks.iter().map(|m| m.code()).collect();
        assert_eq!(codes, ["A", "?", "—"]);
    }

    #[test]
    fn words_and_left_out() {
        let records = sample_records();
        let summary = sample_summary(&records);
        let w = words_per_draft(&records, &drafts(&summary));
        assert_eq!(w[0].reasons.len(), 1, "France; Kenya is late");
        assert_eq!(state_name(w[0].reasons[0].reply), "France");
        assert_eq!(w[1].comments.len(), 1);
        assert_eq!(w[1].conflicts.len(), 1);
        let out = left_out(&records);
        let kinds: Vec<&str> = out.iter().map(|o| o.kind).collect();
        assert_eq!(kinds, ["late", "unidentified"]);
        let review = review(&records);
        let kinds: Vec<&str> = review.iter().map(|i| i.kind.as_str()).collect();
        assert_eq!(
            kinds,
            [
                "conflict",
                "no_member_state",
                "unreadable_legacy_doc",
                "tracked_changes"
            ],
            "conflicts first, then what else must be decided, notes last"
        );
    }

    /// The note on a missing text and the review list follow the warning's kind, not its words.
    #[test]
    fn notes_follow_the_warning_kind() {
        use crate::warning::Warning;
        let mut records = sample_records();
        let summary = sample_summary(&records);
        let fr = &mut records.replies[0];
        assert_eq!(state_name(fr), "France");
        fr.answers[0].text.clear();
        let note = |records: &Records| {
            let w = words_per_draft(records, &drafts(&summary));
            w[0].reasons[0].note.clone().unwrap_or_default()
        };
        assert!(note(&records).starts_with("None given"), "no warning");
        let attached = "X.1353: reasons are said to be attached but none were found";
        records.replies[0].warnings.push(attached.into());
        assert!(note(&records).starts_with("None given"), "a bare message");
        records.replies[0].warnings.pop();
        let on_draft = Warning::on_draft(WarningKind::TextNotFound, "X.1353", attached);
        records.replies[0].warnings.push(on_draft);
        assert!(note(&records).starts_with("The reply says they are attached"));
        // Germany's conflict on X.1380 is listed once, from its decision.
        let conflict = "X.1380: both 'authorizes' and 'does not authorize' are marked (conflict)";
        let de = &mut records.replies[1];
        assert_eq!(state_name(de), "Germany");
        de.warnings
            .push(Warning::on_draft(WarningKind::Conflict, "X.1380", conflict));
        let listed = review(&records)
            .iter()
            .filter(|i| i.what.contains("X.1380: both"))
            .count();
        assert_eq!(listed, 1);
    }

    #[test]
    fn sentences() {
        let info = sample_info();
        assert!(made_from(&info).contains("from 5 inputs; blank form: form/circ42-en.docx"));
        assert!(rule(&info).contains("at least 70 %"));
        assert!(rule(&info).contains("due date, 2023-02-09"));
        assert_eq!(
            title(&info),
            "Results of the consultation of Member States on TSB Circular [number]"
        );
        assert_eq!(number(66.5), "66.5");
        assert_eq!(number(70.0), "70");
    }

    #[test]
    fn direction_and_xml() {
        assert!(is_rtl("  «الأسباب» 12"));
        assert!(!is_rtl("12 Reasons الأسباب"));
        assert_eq!(
            xml_safe("a\u{1}b\u{b}c\u{c}\u{fffe}d\te\u{1F600}"),
            "abcd\te\u{1F600}"
        );
    }
}
