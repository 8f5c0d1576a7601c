//! The expected readings of one circular's samples (`tests/fixtures/samples_expected.json`,
//! `tests/fixtures/circ205_expected.json`): what replytally should read from each file, derived
//! from the same `Reply` specs that wrote the files, plus the tallies those readings give.

use serde::Serialize;

use replytally::record::{Answer, Comments, Decision, MemberState};

use crate::spec::{is_placeholder, Circular, Reply, SpecError, THRESHOLD};

#[derive(Serialize)]
pub struct Expected {
    schema: &'static str,
    description: &'static str,
    circular: CircularRef,
    form: &'static str,
    form_language: &'static str,
    deadline: &'static str,
    threshold: u32,
    drafts: Vec<DraftRef>,
    replies: Vec<ExpectedReply>,
    /// `replytally run DIR --form DIR/FORM` (no deadline).
    tallies: Tally,
    /// The same with `--deadline DEADLINE`.
    tallies_with_deadline: Tally,
}

#[derive(Serialize)]
struct CircularRef {
    tsb_circular: u32,
    study_group: u32,
}

#[derive(Serialize, Clone)]
struct DraftRef {
    draft: String,
    provisional: Option<String>,
}

/// The sender as the reader should give it: `null` where the form's placeholder was left.
#[derive(Serialize)]
struct SenderRef {
    name: Option<&'static str>,
    title: Option<&'static str>,
    email: Option<&'static str>,
}

/// One answer as `records.json` has it, plus `warn` where the reader must warn on the draft.
#[derive(Serialize)]
struct ExpectedAnswer {
    #[serde(flatten)]
    answer: Answer,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    warn: bool,
}

/// One reply, in the shape of a `records.json` reply (less `warnings`, plus `notes`).
#[derive(Serialize)]
struct ExpectedReply {
    source: String,
    sha256: String,
    language: &'static str,
    member_state: MemberState,
    sender: SenderRef,
    date: String,
    superseded_by: Option<String>,
    /// As read with `--deadline 2026-03-15` (always false without it).
    late: bool,
    answers: Vec<ExpectedAnswer>,
    /// What the file exercises (not a records.json field).
    notes: Vec<String>,
}

#[derive(Serialize)]
struct Tally {
    member_states_replied: usize,
    drafts: Vec<DraftTally>,
}

#[derive(Serialize)]
struct DraftTally {
    draft: String,
    provisional: Option<String>,
    authorize: u32,
    with_comments: u32,
    not_authorize: u32,
    conflict: u32,
    no_reply: u32,
    support: Option<f64>,
    meets_threshold: Option<bool>,
}

fn draft_refs(circ: &Circular) -> Vec<DraftRef> {
    circ.drafts
        .iter()
        .map(|d| DraftRef {
            draft: d.id.to_string(),
            provisional: d.paren.map(str::to_string),
        })
        .collect()
}

/// The answers the contract expects for a reply spec.
fn answers(circ: &Circular, r: &Reply) -> Vec<ExpectedAnswer> {
    circ.drafts
        .iter()
        .zip(&r.answers)
        .map(|(d, a)| {
            let decision = a.decision();
            let evidence = if decision == Decision::NoReply {
                replytally::record::Evidence::None
            } else if a.pick == crate::spec::Pick::Neither {
                // Read from the option alone.
                r.options.evidence(r.boxes)
            } else {
                r.boxes.evidence()
            };
            ExpectedAnswer {
                answer: Answer {
                    draft: d.id.to_string(),
                    provisional: d.paren.map(str::to_string),
                    decision,
                    comments: a.comments(),
                    text: a.text(),
                    evidence,
                },
                warn: a.must_warn(),
            }
        })
        .collect()
}

fn notes(circ: &Circular, r: &Reply) -> Vec<String> {
    let mut v = vec![r.boxes.describe(), r.options.describe()];
    v.extend(r.layout.describe());
    if r.wording == crate::spec::Wording::Older {
        v.push("wording: an older edition of the template".to_string());
    }
    for (d, a) in circ.drafts.iter().zip(&r.answers) {
        if !a.text.is_empty() {
            let what = if a.text_is_reasons() {
                "reasons"
            } else {
                "comments"
            };
            let place = if matches!(r.boxes, crate::spec::BoxMark::Sentences(_)) {
                "in the paragraphs after its sentence"
            } else {
                a.place.describe()
            };
            v.push(format!("{}: {what} {place}", d.id));
        }
        if let Some(n) = a.named {
            v.push(format!("{}: printed as {n} (misnamed; warn)", d.id));
        }
        if a.omitted {
            v.push(format!(
                "{}: its rows are missing from the reply (no_reply)",
                d.id
            ));
        }
    }
    v.extend(r.notes.iter().map(|n| n.to_string()));
    v
}

/// For each reply, the source of the reply of the same member state that stands (latest date,
/// then latest in the list), or `None` when it is that one.
fn superseded(replies: &[Reply]) -> Vec<Option<String>> {
    replies
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let standing = replies
                .iter()
                .enumerate()
                .filter(|(_, o)| o.state.1 == r.state.1)
                .max_by_key(|(j, o)| (o.date, *j))
                .map(|(j, o)| (j, o.file));
            match standing {
                Some((j, file)) if j != i => Some(file.to_string()),
                _ => None,
            }
        })
        .collect()
}

fn verdict(authorize: u32, not_authorize: u32) -> bool {
    let total = authorize + not_authorize;
    total == 0 || f64::from(authorize) * 100.0 / f64::from(total) >= THRESHOLD
}

fn tally(
    circ: &Circular,
    replies: &[ExpectedReply],
    with_deadline: bool,
) -> Result<Tally, SpecError> {
    let mut tie = None;
    let standing: Vec<&ExpectedReply> = replies
        .iter()
        .filter(|r| r.superseded_by.is_none() && !(with_deadline && r.late))
        .collect();
    let drafts = draft_refs(circ)
        .into_iter()
        .enumerate()
        .map(|(i, d)| {
            let mut t = DraftTally {
                draft: d.draft,
                provisional: d.provisional,
                authorize: 0,
                with_comments: 0,
                not_authorize: 0,
                conflict: 0,
                no_reply: 0,
                support: None,
                meets_threshold: None,
            };
            for a in standing
                .iter()
                .filter_map(|r| r.answers.get(i))
                .map(|a| &a.answer)
            {
                match a.decision {
                    Decision::Authorize => {
                        t.authorize += 1;
                        if a.comments == Some(Comments::WithComments) {
                            t.with_comments += 1;
                        }
                    }
                    Decision::NotAuthorize => t.not_authorize += 1,
                    Decision::Conflict => t.conflict += 1,
                    Decision::NoReply => t.no_reply += 1,
                }
            }
            let total = t.authorize + t.not_authorize;
            // A support ending in exactly .x5 rounds differently by method: keep the samples
            // clear of it rather than fix one rounding rule on the readers.
            if total > 0 && (t.authorize * 1000 % total) * 2 == total {
                tie = Some(t.draft.clone());
            }
            t.support = (total > 0)
                .then(|| (f64::from(t.authorize) * 1000.0 / f64::from(total)).round() / 10.0);
            // Undecided when resolving the open conflicts one way or the other changes it.
            let best = verdict(t.authorize + t.conflict, t.not_authorize);
            let worst = verdict(t.authorize, t.not_authorize + t.conflict);
            t.meets_threshold = (best == worst).then_some(best);
            t
        })
        .collect();
    if let Some(draft) = tie {
        return Err(SpecError(format!(
            "support for {draft} is a rounding tie (…x.x5); change an answer"
        )));
    }
    Ok(Tally {
        member_states_replied: standing.len(),
        drafts,
    })
}

/// Builds the expected readings; `sha256` gives each reply file's digest, in spec order.
pub fn build(circ: &Circular, replies: &[Reply], sha256: &[String]) -> Result<Expected, SpecError> {
    let sup = superseded(replies);
    let list: Vec<ExpectedReply> = replies
        .iter()
        .zip(sup)
        .zip(sha256)
        .map(|((r, superseded_by), sha)| ExpectedReply {
            source: r.file.to_string(),
            sha256: sha.clone(),
            language: r.lang.code(),
            member_state: MemberState {
                name: r.state.0.to_string(),
                iso3: r.state.1.to_string(),
            },
            sender: SenderRef {
                name: Some(r.sender.name).filter(|s| !is_placeholder(s)),
                title: Some(r.sender.title).filter(|s| !is_placeholder(s)),
                email: Some(r.sender.email).filter(|s| !is_placeholder(s)),
            },
            date: r.iso_date(),
            superseded_by,
            late: r.iso_date().as_str() > circ.deadline,
            answers: answers(circ, r),
            notes: notes(circ, r),
        })
        .collect();
    let tallies = tally(circ, &list, false)?;
    let tallies_with_deadline = tally(circ, &list, true)?;
    Ok(Expected {
        schema: "replytally.samples/1",
        description: circ.description,
        circular: CircularRef {
            tsb_circular: circ.number,
            study_group: circ.study_group,
        },
        form: circ.form_file,
        form_language: "en",
        deadline: circ.deadline,
        threshold: THRESHOLD as u32,
        drafts: draft_refs(circ),
        replies: list,
        tallies,
        tallies_with_deadline,
    })
}
