//! The expected readings of one circular's samples (`tests/fixtures/samples_expected.json`,
//! `tests/fixtures/circ205_expected.json`, `tests/fixtures/circ310_expected.json`): what
//! replytally should read from each file, derived from the same reply specs that wrote the
//! files, plus the tallies those readings give. The specs of TSB Circulars 117 and 205 are
//! turned into readings here ([`build`]); circ310.rs has its own specs and gives its readings
//! to [`assemble`].

use serde::Serialize;

use replytally::record::{Answer, Comments, Decision, Evidence, MemberState};

use crate::spec::{is_placeholder, Circular, Lang, Reply, SpecError, THRESHOLD};

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
pub struct DraftRef {
    draft: String,
    provisional: Option<String>,
}

impl DraftRef {
    pub fn new(id: &str, paren: Option<&str>) -> Self {
        DraftRef {
            draft: id.to_string(),
            provisional: paren.map(str::to_string),
        }
    }
}

/// The sender as the reader should give it: `null` where the form's placeholder was left.
#[derive(Serialize)]
pub struct SenderRef {
    name: Option<&'static str>,
    title: Option<&'static str>,
    email: Option<&'static str>,
}

impl SenderRef {
    pub fn new(name: &'static str, title: &'static str, email: &'static str) -> Self {
        let kept = |s: &'static str| Some(s).filter(|s| !is_placeholder(s));
        SenderRef {
            name: kept(name),
            title: kept(title),
            email: kept(email),
        }
    }
}

/// One answer as `records.json` has it, plus `warn` where the reader must warn on the draft.
#[derive(Serialize)]
pub struct ExpectedAnswer {
    #[serde(flatten)]
    answer: Answer,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    warn: bool,
}

impl ExpectedAnswer {
    pub fn new(
        draft: &DraftRef,
        decision: Decision,
        comments: Option<Comments>,
        text: String,
        evidence: Evidence,
        warn: bool,
    ) -> Self {
        ExpectedAnswer {
            answer: Answer {
                draft: draft.draft.clone(),
                provisional: draft.provisional.clone(),
                decision,
                comments,
                text,
                evidence,
                scan: None,
            },
            warn,
        }
    }
}

/// One reply, in the shape of a `records.json` reply (less `warnings`, plus `notes`).
#[derive(Serialize)]
struct ExpectedReply {
    source: String,
    sha256: String,
    language: &'static str,
    /// `null`: not a Member State (the reader must say so in a warning).
    member_state: Option<MemberState>,
    sender: SenderRef,
    date: String,
    superseded_by: Option<String>,
    /// As read with `--deadline DEADLINE` (always false without it).
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

/// The circular as the expected readings name it.
pub struct About {
    pub number: u32,
    pub study_group: u32,
    pub description: &'static str,
    pub form_file: &'static str,
    /// The consultation's due date (ISO), for `late`.
    pub deadline: &'static str,
    pub drafts: Vec<DraftRef>,
}

/// One reply file as its expected reading needs it: what the spec gives, and the answers and
/// notes its generator derives.
pub struct Filed {
    pub file: &'static str,
    pub lang: Lang,
    /// ITU short name and ISO3; `None` for a reply that is not from a Member State.
    pub state: Option<(&'static str, &'static str)>,
    /// (year, month, day) of the reply.
    pub date: (u16, u8, u8),
    pub sender: SenderRef,
    pub answers: Vec<ExpectedAnswer>,
    pub notes: Vec<String>,
}

fn draft_refs(circ: &Circular) -> Vec<DraftRef> {
    circ.drafts
        .iter()
        .map(|d| DraftRef::new(d.id, d.paren))
        .collect()
}

/// The answers the contract expects for a reply spec.
fn answers(drafts: &[DraftRef], r: &Reply) -> Vec<ExpectedAnswer> {
    drafts
        .iter()
        .zip(&r.answers)
        .map(|(d, a)| {
            let decision = a.decision();
            let evidence = if decision == Decision::NoReply {
                Evidence::None
            } else if a.pick == crate::spec::Pick::Neither {
                // Read from the option alone.
                r.options.evidence(r.boxes)
            } else {
                r.boxes.evidence()
            };
            // A choice read from emphasis or deletion is never certain: warned too.
            let warn =
                a.must_warn() || matches!(evidence, Evidence::Highlight | Evidence::Deletion);
            ExpectedAnswer::new(d, decision, a.comments(), a.text(), evidence, warn)
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

/// For each reply, the source of the reply of the same Member State that stands (latest date,
/// then latest in the list), or `None` when it is that one or is not from a Member State.
fn superseded(replies: &[Filed]) -> Vec<Option<String>> {
    replies
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let iso = r.state.map(|s| s.1)?;
            let (j, o) = replies
                .iter()
                .enumerate()
                .filter(|(_, o)| o.state.map(|s| s.1) == Some(iso))
                .max_by_key(|(j, o)| (o.date, *j))?;
            (j != i).then(|| o.file.to_string())
        })
        .collect()
}

fn verdict(authorize: u32, not_authorize: u32) -> bool {
    let total = authorize + not_authorize;
    total == 0 || f64::from(authorize) * 100.0 / f64::from(total) >= THRESHOLD
}

fn tally(
    drafts: &[DraftRef],
    replies: &[ExpectedReply],
    with_deadline: bool,
) -> Result<Tally, SpecError> {
    let standing: Vec<&ExpectedReply> = replies
        .iter()
        .filter(|r| {
            r.member_state.is_some() && r.superseded_by.is_none() && !(with_deadline && r.late)
        })
        .collect();
    let mut out = Vec::new();
    for (i, d) in drafts.iter().enumerate() {
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
            return Err(SpecError(format!(
                "support for {} is a rounding tie (…x.x5); change an answer",
                t.draft
            )));
        }
        t.support = (total > 0)
            .then(|| (f64::from(t.authorize) * 1000.0 / f64::from(total)).round() / 10.0);
        // Undecided when resolving the open conflicts one way or the other changes it.
        let best = verdict(t.authorize + t.conflict, t.not_authorize);
        let worst = verdict(t.authorize, t.not_authorize + t.conflict);
        t.meets_threshold = (best == worst).then_some(best);
        out.push(t);
    }
    Ok(Tally {
        member_states_replied: standing.len(),
        drafts: out,
    })
}

/// The expected readings of `replies`, whose files have the digests `sha256` (in the same
/// order), and the tallies they give.
pub fn assemble(
    about: About,
    replies: Vec<Filed>,
    sha256: &[String],
) -> Result<Expected, SpecError> {
    let sup = superseded(&replies);
    let list: Vec<ExpectedReply> = replies
        .into_iter()
        .zip(sup)
        .zip(sha256)
        .map(|((r, superseded_by), sha)| {
            let (y, m, d) = r.date;
            let date = format!("{y:04}-{m:02}-{d:02}");
            ExpectedReply {
                source: r.file.to_string(),
                sha256: sha.clone(),
                language: r.lang.code(),
                member_state: r.state.map(|(name, iso3)| MemberState {
                    name: name.to_string(),
                    iso3: iso3.to_string(),
                }),
                sender: r.sender,
                late: date.as_str() > about.deadline,
                date,
                superseded_by,
                answers: r.answers,
                notes: r.notes,
            }
        })
        .collect();
    let tallies = tally(&about.drafts, &list, false)?;
    let tallies_with_deadline = tally(&about.drafts, &list, true)?;
    Ok(Expected {
        schema: "replytally.samples/1",
        description: about.description,
        circular: CircularRef {
            tsb_circular: about.number,
            study_group: about.study_group,
        },
        form: about.form_file,
        form_language: "en",
        deadline: about.deadline,
        threshold: THRESHOLD as u32,
        drafts: about.drafts,
        replies: list,
        tallies,
        tallies_with_deadline,
    })
}

/// Builds the expected readings of a circular's reply specs; `sha256` gives each reply file's
/// digest, in spec order.
pub fn build(circ: &Circular, replies: &[Reply], sha256: &[String]) -> Result<Expected, SpecError> {
    let drafts = draft_refs(circ);
    let filed = replies
        .iter()
        .map(|r| Filed {
            file: r.file,
            lang: r.lang,
            state: Some(r.state),
            date: r.date,
            sender: SenderRef::new(r.sender.name, r.sender.title, r.sender.email),
            answers: answers(&drafts, r),
            notes: notes(circ, r),
        })
        .collect();
    let about = About {
        number: circ.number,
        study_group: circ.study_group,
        description: circ.description,
        form_file: circ.form_file,
        deadline: circ.deadline,
        drafts,
    };
    assemble(about, filed, sha256)
}
