//! The pipeline: intake → read each document (in parallel) → records → tally → reports.
//!
//! Every input ends as a reply, a failure, a warning on the reply it came with (a cover letter
//! inside an e-mail), or a blank form listed in `forms`: nothing is dropped silently.

use std::path::{Path, PathBuf};

use rayon::prelude::*;
use serde::Serialize;
use sha2::{Digest, Sha256};

use crate::docx::{self, DocxError};
use crate::form::{self, drafts::DraftName, Context, FormReading};
use crate::intake::{self, Content, Input};
use crate::record::{
    Answer, Decision, Failure, FailureKind, FormDraft, FormRecord, Records, Reply, RECORDS_SCHEMA,
};
use crate::report::{self, RunInfo};
use crate::tally::{self, DraftRef};

/// What `run` was asked to do.
#[derive(Debug, Clone)]
pub struct RunOptions {
    pub inputs: Vec<PathBuf>,
    pub out: PathBuf,
    pub form: Option<PathBuf>,
    pub deadline: Option<String>,
    pub threshold: f64,
    pub jobs: Option<usize>,
    /// `--convert`: read Word 97-2003 `.doc` files through LibreOffice when it is installed.
    pub convert: bool,
    /// Show a progress bar on stderr (only drawn when stderr is a terminal).
    pub progress: bool,
}

/// Errors that stop a run before anything is written (exit status 2).
#[derive(Debug, thiserror::Error)]
pub enum RunError {
    #[error("--form {path}: {message}")]
    Form { path: String, message: String },
    #[error("--deadline: {0}")]
    Deadline(String),
    #[error("--threshold must be a percentage between 0 and 100, not {0}")]
    Threshold(f64),
    #[error("input {0} does not exist")]
    MissingInput(String),
    #[error(transparent)]
    Report(#[from] report::ReportError),
    #[error("cannot start {0} worker threads: {1}")]
    Threads(usize, String),
}

/// A blank form found among the inputs or given with `--form`.
#[derive(Debug, Clone, Serialize)]
pub struct BlankForm {
    pub source: String,
    pub language: String,
    pub drafts: Vec<DraftRef>,
}

/// The outcome of a run.
#[derive(Debug)]
pub struct RunOutcome {
    pub records: Records,
    pub summary: tally::Summary,
    pub forms: Vec<BlankForm>,
    pub written: Vec<PathBuf>,
    pub inputs: usize,
}

impl RunOutcome {
    pub fn warnings(&self) -> usize {
        self.records.replies.iter().map(|r| r.warnings.len()).sum()
    }
}

/// What reading one input gave.
#[derive(Debug)]
pub enum Read {
    Reply(Box<Reply>),
    Blank(BlankForm),
    /// A Word document that is not a reply form (a cover letter), or another attachment.
    NotAForm {
        source: String,
        message: String,
    },
    Failed(Failure),
}

pub fn sha256_hex(bytes: &[u8]) -> String {
    let digest = Sha256::digest(bytes);
    let mut s = String::with_capacity(64);
    for b in digest.iter() {
        s.push_str(&format!("{b:02x}"));
    }
    s
}

fn file_name(source: &str) -> &str {
    let inner = source.rsplit('!').next().unwrap_or(source);
    inner.rsplit(['/', '\\']).next().unwrap_or(inner)
}

/// Reads one Word document as a reply.
pub fn read_word(source: &str, bytes: &[u8], email_from: Option<&str>) -> Read {
    let doc = match docx::read_docx(bytes) {
        Ok(d) => d,
        Err(e) => {
            return Read::Failed(Failure {
                source: source.to_string(),
                kind: e.kind(),
                message: e.to_string(),
            })
        }
    };
    let ctx = Context {
        file_name: file_name(source),
        email_from,
    };
    let reading = form::read_form(&doc, &ctx);
    if !reading.is_form {
        return Read::NotAForm {
            source: source.to_string(),
            message: "a Word document with no reply-form table (no 'authorizes' / 'does not authorize' lines)".to_string(),
        };
    }
    if reading.is_blank {
        return Read::Blank(BlankForm {
            source: source.to_string(),
            language: reading.language.clone(),
            drafts: refs(&reading.draft_names()),
        });
    }
    Read::Reply(Box::new(reply_of(source, bytes, &reading)))
}

fn refs(names: &[DraftName]) -> Vec<DraftRef> {
    names
        .iter()
        .map(|d| DraftRef {
            draft: d.draft.clone(),
            provisional: d.provisional.clone(),
        })
        .collect()
}

fn reply_of(source: &str, bytes: &[u8], r: &FormReading) -> Reply {
    Reply {
        source: source.to_string(),
        sha256: sha256_hex(bytes),
        language: r.language.clone(),
        member_state: r.member_state.clone(),
        sender: r.sender.clone(),
        date: r.date.clone(),
        answers: r.answers(),
        superseded_by: None,
        late: false,
        warnings: r.warnings.clone(),
        excluded: false,
        corrections: Vec::new(),
    }
}

/// Reads a blank form given with `--form`.
pub fn read_blank_form(path: &Path) -> Result<BlankForm, RunError> {
    let err = |message: String| RunError::Form {
        path: path.display().to_string(),
        message,
    };
    let bytes = std::fs::read(path).map_err(|e| err(e.to_string()))?;
    let doc = docx::read_docx(&bytes).map_err(|e: DocxError| err(e.to_string()))?;
    let reading = form::read_form(
        &doc,
        &Context {
            file_name: "",
            email_from: None,
        },
    );
    if !reading.is_form || reading.drafts.is_empty() {
        return Err(err(
            "no reply-form table found (no 'authorizes' / 'does not authorize' lines)".into(),
        ));
    }
    Ok(BlankForm {
        source: path.display().to_string(),
        drafts: refs(&reading.draft_names()),
        language: reading.language,
    })
}

/// Reads every input (in parallel; the order of the result is the order of the inputs).
pub fn read_inputs(inputs: &[Input]) -> Vec<Read> {
    read_inputs_with(inputs, false, indicatif::ProgressBar::hidden())
}

/// [`read_inputs`], converting `.doc` files when `convert`, ticking `progress` per input.
pub fn read_inputs_with(
    inputs: &[Input],
    convert: bool,
    progress: indicatif::ProgressBar,
) -> Vec<Read> {
    use indicatif::ParallelProgressIterator;
    inputs
        .par_iter()
        .progress_with(progress)
        .map(|input| read_guarded(input, convert))
        .collect()
}

/// [`read_one`], a panic in a reader made a failure of this input.
fn read_guarded(input: &Input, convert: bool) -> Read {
    // A bug in a reader must cost one file, not the batch (and the outputs).
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| read_one(input, convert)))
        .unwrap_or_else(|_| {
            Read::Failed(Failure {
                source: input.source.clone(),
                kind: FailureKind::Corrupt,
                message: "the reader failed on this file's content (please report it with the file); check that it opens in Word".to_string(),
            })
        })
}

/// The inputs of the listed paths, in [`intake::collect`]'s order, each with its reading and
/// the index of the listed path it came from. Each file is read from disk inside the parallel
/// loop and its bytes dropped once read: memory holds the files being read, not the batch.
pub fn read_listed(
    listed: &[intake::Listed],
    convert: bool,
    progress: indicatif::ProgressBar,
) -> (Vec<Input>, Vec<Read>, Vec<usize>) {
    use indicatif::ParallelProgressIterator;
    let per_path: Vec<Vec<(Input, Read)>> = listed
        .par_iter()
        .progress_with(progress)
        .map(|l| {
            // An e-mail or zip may hold many replies: they are read in parallel too.
            intake::open(l)
                .into_par_iter()
                .map(|mut input| {
                    let read = read_guarded(&input, convert);
                    drop_bytes(&mut input);
                    (input, read)
                })
                .collect()
        })
        .collect();
    let n = per_path.iter().map(Vec::len).sum();
    let (mut inputs, mut reads, mut origin) = (
        Vec::with_capacity(n),
        Vec::with_capacity(n),
        Vec::with_capacity(n),
    );
    for (i, pairs) in per_path.into_iter().enumerate() {
        for (input, read) in pairs {
            inputs.push(input);
            reads.push(read);
            origin.push(i);
        }
    }
    (inputs, reads, origin)
}

/// The bytes of an input already read are not needed again.
fn drop_bytes(input: &mut Input) {
    if let Content::Word(bytes) = &mut input.content {
        *bytes = Vec::new();
    }
    if let Content::Failed { original, .. } = &mut input.content {
        *original = None;
    }
}

/// The Word documents [`report::circular_of_run`] looks at (it reads the first 16), read again
/// from their files: the inputs kept after reading have no bytes.
fn circular_sample(listed: &[intake::Listed], inputs: &[Input], origin: &[usize]) -> Vec<Input> {
    const SCANNED: usize = 16;
    let mut paths: Vec<usize> = Vec::new();
    let mut words = 0;
    for (input, &o) in inputs.iter().zip(origin) {
        if words >= SCANNED {
            break;
        }
        if matches!(input.content, Content::Word(_)) {
            words += 1;
            if paths.last() != Some(&o) {
                paths.push(o);
            }
        }
    }
    paths
        .iter()
        .filter_map(|&o| listed.get(o))
        .flat_map(intake::open)
        .collect()
}

/// One input → what reading it gave.
fn read_one(input: &Input, convert: bool) -> Read {
    match &input.content {
        Content::Word(bytes) => {
            let from = input
                .container
                .as_ref()
                .and_then(|c| c.email_from.as_deref());
            read_word(&input.source, bytes, from)
        }
        Content::Failed {
            message,
            original: Some(doc),
            ..
        } if convert => read_converted(input, doc, message),
        Content::Failed { kind, message, .. } => Read::Failed(Failure {
            source: input.source.clone(),
            kind: *kind,
            message: message.clone(),
        }),
        Content::Other { message } => Read::NotAForm {
            source: input.source.clone(),
            message: message.clone(),
        },
    }
}

/// `--convert`: a `.doc` read through LibreOffice, or still a `legacy_doc` failure saying why.
fn read_converted(input: &Input, doc: &[u8], message: &str) -> Read {
    let from = input
        .container
        .as_ref()
        .and_then(|c| c.email_from.as_deref());
    let read = match intake::convert::convert_doc(doc) {
        Ok(docx) => read_word(&input.source, &docx, from),
        Err(e) => {
            return Read::Failed(Failure {
                source: input.source.clone(),
                kind: FailureKind::LegacyDoc,
                message: format!("{message} (--convert: {e})"),
            })
        }
    };
    match read {
        Read::Reply(mut r) => {
            // The digest of the file received: LibreOffice's output differs from run to run.
            r.sha256 = sha256_hex(doc);
            r.warnings
                .push(intake::convert::CONVERTED_WARNING.to_string());
            Read::Reply(r)
        }
        Read::Failed(f) => Read::Failed(Failure {
            message: format!("{}: {}", intake::convert::CONVERTED_WARNING, f.message),
            ..f
        }),
        Read::NotAForm { source, message } => Read::NotAForm {
            source,
            message: format!("{}: {message}", intake::convert::CONVERTED_WARNING),
        },
        blank @ Read::Blank(_) => blank,
    }
}

/// Puts the readings together: containers, blank forms, expected drafts, late and superseded.
pub fn assemble(
    inputs: &[Input],
    reads: Vec<Read>,
    form: Option<BlankForm>,
    deadline: Option<jiff::Timestamp>,
) -> (Records, Vec<BlankForm>, Option<Vec<DraftRef>>) {
    let mut replies: Vec<Reply> = Vec::new();
    let mut failures: Vec<Failure> = Vec::new();
    let mut forms: Vec<BlankForm> = form.into_iter().collect();
    let given_form = !forms.is_empty();
    // Per container: the index of its first reply, and what else it held.
    let mut container_notes: Vec<(String, String)> = Vec::new();
    let mut container_failures: Vec<(String, Failure)> = Vec::new();
    let mut email_dates: Vec<(usize, String)> = Vec::new();

    for (input, read) in inputs.iter().zip(reads) {
        let container = input.container.as_ref().map(|c| c.source.clone());
        match (read, container) {
            (Read::Reply(r), _) => {
                if let Some(d) = input.container.as_ref().and_then(|c| c.email_date.clone()) {
                    email_dates.push((replies.len(), d));
                }
                replies.push(*r);
            }
            (Read::Blank(b), _) => forms.push(b),
            (Read::NotAForm { source, message }, Some(c)) => {
                container_notes.push((c, format!("{}: {message}", file_name(&source))))
            }
            (Read::NotAForm { source, message }, None) => failures.push(Failure {
                source,
                kind: FailureKind::NotAReplyForm,
                message,
            }),
            (Read::Failed(f), Some(c)) => container_failures.push((c, f)),
            (Read::Failed(f), None) => failures.push(f),
        }
    }

    // What came with a reply in the same e-mail or zip is a warning on it; a container with no
    // reply at all is a failure.
    let mut orphan: Vec<String> = Vec::new();
    for (c, note) in &container_notes {
        match replies
            .iter_mut()
            .find(|r| r.source.starts_with(&format!("{c}!")))
        {
            Some(r) => r.warnings.push(format!("also in {c}: {note}")),
            None => {
                if !orphan.contains(c) {
                    orphan.push(c.clone());
                }
            }
        }
    }
    for (c, f) in container_failures {
        match replies
            .iter_mut()
            .find(|r| r.source.starts_with(&format!("{c}!")))
        {
            Some(r) => r.warnings.push(format!(
                "also in {c}: {} ({}): {}",
                file_name(&f.source),
                f.kind.as_str(),
                f.message
            )),
            None => {
                orphan.retain(|o| o != &c);
                failures.push(f);
            }
        }
    }
    for c in orphan {
        if !failures
            .iter()
            .any(|f| f.source.starts_with(&format!("{c}!")))
        {
            let what: Vec<&str> = container_notes
                .iter()
                .filter(|(k, _)| k == &c)
                .map(|(_, n)| n.as_str())
                .collect();
            failures.push(Failure {
                source: c.clone(),
                kind: FailureKind::NotAReplyForm,
                message: format!("no reply form inside ({})", what.join("; ")),
            });
        }
    }

    // The expected drafts: --form, else a blank form found among the inputs.
    let expected: Option<Vec<DraftRef>> = forms.first().map(|f| f.drafts.clone());
    if let Some(exp) = &expected {
        for r in &mut replies {
            align_to_form(r, exp);
        }
    }

    if let Some(deadline) = deadline {
        tally::mark_late(&mut replies, deadline);
        // Undated forms: the e-mail's Date: decides.
        for (i, d) in email_dates {
            let Some(r) = replies.get_mut(i) else {
                continue;
            };
            if r.date.is_none() {
                if let Ok(ts) = d.parse::<jiff::Timestamp>() {
                    r.warnings.retain(|w| w != tally::UNDATED_WARNING);
                    r.late = ts > deadline;
                    r.warnings.push(format!(
                        "the form is undated; the e-mail's date {d} was used for the deadline"
                    ));
                }
            }
        }
    }
    tally::mark_superseded(&mut replies);
    failures.sort_by(|a, b| a.source.cmp(&b.source));
    let form_records = forms
        .iter()
        .enumerate()
        .map(|(i, f)| FormRecord {
            source: f.source.clone(),
            language: f.language.clone(),
            drafts: f
                .drafts
                .iter()
                .map(|d| FormDraft {
                    draft: d.draft.clone(),
                    provisional: d.provisional.clone(),
                })
                .collect(),
            given: given_form && i == 0,
        })
        .collect();
    (
        Records {
            schema: RECORDS_SCHEMA.to_string(),
            replies,
            failures,
            forms: form_records,
        },
        forms,
        expected,
    )
}

/// Puts a reply's answers in the blank form's order: a draft the reply does not answer is
/// `no_reply`; a draft the form does not list is kept, with a warning. A reply that misnames a
/// draft (`X.1335` for `X.1353`) is matched to it when that is the only possible reading, and
/// always warned about.
fn align_to_form(r: &mut Reply, expected: &[DraftRef]) {
    let name_of = |d: &str, p: &Option<String>| DraftName {
        draft: d.to_string(),
        provisional: p.clone(),
    };
    let mut answers = std::mem::take(&mut r.answers);
    let mut slots: Vec<Option<Answer>> = expected
        .iter()
        .map(|e| {
            let en = name_of(&e.draft, &e.provisional);
            let i = answers
                .iter()
                .position(|a| en.same_as(&name_of(&a.draft, &a.provisional)))?;
            Some(answers.remove(i))
        })
        .collect();
    // Misnamed drafts: one unmatched answer close to exactly one unmatched expected draft.
    let mut extra = Vec::new();
    for a in answers {
        let close: Vec<usize> = (0..expected.len())
            .filter(|&i| slots[i].is_none() && looks_alike(&a.draft, &expected[i].draft))
            .collect();
        match close.as_slice() {
            [i] => {
                r.warnings.push(format!(
                    "{}: the reply names {} — not on the blank form; read as {} (check the number)",
                    expected[*i].draft, a.draft, expected[*i].draft
                ));
                slots[*i] = Some(a);
            }
            _ => {
                r.warnings.push(format!(
                    "{}: this draft is not on the blank form; check its number (left out of the tally)",
                    a.draft
                ));
                extra.push(a);
            }
        }
    }
    let mut out = Vec::with_capacity(expected.len() + extra.len());
    for (e, slot) in expected.iter().zip(slots) {
        match slot {
            Some(mut a) => {
                // Matched by the provisional name but printed with another number.
                let number = |d: &str| {
                    d.split('.')
                        .nth(1)
                        .is_some_and(|n| n.starts_with(|c: char| c.is_ascii_digit()))
                };
                if !a.draft.eq_ignore_ascii_case(&e.draft) && number(&a.draft) && number(&e.draft) {
                    r.warnings.push(format!(
                        "{}: the reply prints {} for this draft ({}); read as {} (check the number)",
                        e.draft,
                        a.draft,
                        e.provisional.as_deref().or(a.provisional.as_deref()).unwrap_or("same provisional name"),
                        e.draft
                    ));
                }
                a.draft = e.draft.clone();
                a.provisional = e.provisional.clone().or(a.provisional);
                out.push(a);
            }
            None => {
                r.warnings.push(format!(
                    "{}: not found on this reply; counted as no reply",
                    e.draft
                ));
                out.push(Answer {
                    draft: e.draft.clone(),
                    provisional: e.provisional.clone(),
                    decision: Decision::NoReply,
                    comments: None,
                    text: String::new(),
                    evidence: crate::record::Evidence::None,
                });
            }
        }
    }
    out.extend(extra);
    r.answers = out;
}

/// Two draft numbers one typing slip apart: same series, digits differing by one substitution,
/// insertion, deletion or swap of neighbours (`X.1353` / `X.1335`).
fn looks_alike(a: &str, b: &str) -> bool {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    if a.first() != b.first() || a == b {
        return false;
    }
    // Optimal string alignment distance, small strings.
    let (n, m) = (a.len(), b.len());
    let mut d = vec![vec![0usize; m + 1]; n + 1];
    for (i, row) in d.iter_mut().enumerate() {
        row[0] = i;
    }
    for (j, cell) in d[0].iter_mut().enumerate() {
        *cell = j;
    }
    for i in 1..=n {
        for j in 1..=m {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            d[i][j] = (d[i - 1][j] + 1)
                .min(d[i][j - 1] + 1)
                .min(d[i - 1][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                d[i][j] = d[i][j].min(d[i - 2][j - 2] + 1);
            }
        }
    }
    d[n][m] == 1
}

/// `replytally run`.
pub fn run(opts: &RunOptions) -> Result<RunOutcome, RunError> {
    if !(0.0..=100.0).contains(&opts.threshold) || opts.threshold.is_nan() {
        return Err(RunError::Threshold(opts.threshold));
    }
    let deadline = match &opts.deadline {
        Some(d) => Some(tally::parse_deadline(d).map_err(|e| RunError::Deadline(e.to_string()))?),
        None => None,
    };
    for p in &opts.inputs {
        if !p.exists() {
            return Err(RunError::MissingInput(p.display().to_string()));
        }
    }
    let form = opts.form.as_deref().map(read_blank_form).transpose()?;
    // Listed first, read inside the parallel loop: memory does not grow with the batch.
    let listed = intake::list(&opts.inputs);
    let bar = progress_bar(opts, listed.len());
    let (inputs, reads, origin) = match opts.jobs {
        Some(n) => rayon::ThreadPoolBuilder::new()
            .num_threads(n.max(1))
            .build()
            .map_err(|e| RunError::Threads(n, e.to_string()))?
            .install(|| read_listed(&listed, opts.convert, bar.clone())),
        None => read_listed(&listed, opts.convert, bar.clone()),
    };
    bar.finish_and_clear();
    let (records, forms, expected) = assemble(&inputs, reads, form, deadline);
    let summary = tally::tally(
        &records.replies,
        &tally::Options {
            threshold: opts.threshold,
            expected,
        },
    );
    let info = RunInfo {
        tool_version: env!("CARGO_PKG_VERSION").to_string(),
        inputs: inputs.len(),
        form: opts
            .form
            .as_ref()
            .map(|p| p.display().to_string())
            .or_else(|| {
                forms
                    .first()
                    .map(|f| format!("{} (found among the inputs)", f.source))
            }),
        deadline: opts.deadline.clone(),
        threshold: opts.threshold,
        circular: report::circular_of_run(
            opts.form.as_deref(),
            &circular_sample(&listed, &inputs, &origin),
        ),
    };
    let written = report::write_all(&opts.out, &records, &summary, &info)?;
    Ok(RunOutcome {
        records,
        summary,
        forms,
        written,
        inputs: inputs.len(),
    })
}

/// A bar on stderr when asked for and stderr is a terminal; hidden otherwise (redirected
/// output stays clean).
fn progress_bar(opts: &RunOptions, files: usize) -> indicatif::ProgressBar {
    use std::io::IsTerminal;
    if !opts.progress || !std::io::stderr().is_terminal() {
        return indicatif::ProgressBar::hidden();
    }
    let bar = indicatif::ProgressBar::new(files as u64);
    if let Ok(style) =
        indicatif::ProgressStyle::with_template("{bar:40} {pos}/{len} files read ({elapsed})")
    {
        bar.set_style(style);
    }
    bar
}

/// `replytally extract`: the records of these files, nothing written.
pub fn extract(paths: &[PathBuf]) -> Records {
    let listed = intake::list(paths);
    let (inputs, reads, _) = read_listed(&listed, false, indicatif::ProgressBar::hidden());
    assemble(&inputs, reads, None, None).0
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::record::{Comments, Evidence, Sender};

    fn reply(drafts: &[&str]) -> Reply {
        Reply {
            source: "r.docx".into(),
            sha256: String::new(),
            language: "en".into(),
            member_state: None,
            sender: Sender::default(),
            date: None,
            answers: drafts
                .iter()
                .map(|d| Answer {
                    draft: d.to_string(),
                    provisional: None,
                    decision: Decision::Authorize,
                    comments: Some(Comments::NoComments),
                    text: String::new(),
                    evidence: Evidence::Glyph,
                })
                .collect(),
            superseded_by: None,
            late: false,
            warnings: Vec::new(),
            excluded: false,
            corrections: Vec::new(),
        }
    }

    fn form(drafts: &[&str]) -> Vec<DraftRef> {
        drafts
            .iter()
            .map(|d| DraftRef {
                draft: d.to_string(),
                provisional: None,
            })
            .collect()
    }

    #[test]
    fn missing_draft_is_no_reply_with_a_warning() {
        let mut r = reply(&["X.1353"]);
        align_to_form(&mut r, &form(&["X.1353", "X.1380"]));
        assert_eq!(r.answers[1].decision, Decision::NoReply);
        assert!(r.warnings.iter().any(|w| w.starts_with("X.1380")));
    }

    #[test]
    fn misnamed_draft_is_matched_and_warned() {
        let mut r = reply(&["X.1335", "X.1380"]);
        align_to_form(&mut r, &form(&["X.1353", "X.1380"]));
        assert_eq!(r.answers[0].draft, "X.1353");
        assert_eq!(r.answers[0].decision, Decision::Authorize);
        assert!(r
            .warnings
            .iter()
            .any(|w| w.contains("X.1335") && w.contains("X.1353")));
    }

    #[test]
    fn unknown_draft_is_kept_out_of_the_form_with_a_warning() {
        let mut r = reply(&["X.1353", "Y.9999"]);
        align_to_form(&mut r, &form(&["X.1353"]));
        assert_eq!(r.answers.len(), 2);
        assert!(r
            .warnings
            .iter()
            .any(|w| w.contains("Y.9999") && w.contains("not on the blank form")));
    }

    #[test]
    fn typing_slips() {
        assert!(looks_alike("X.1353", "X.1335"));
        assert!(looks_alike("X.1353", "X.1354"));
        assert!(!looks_alike("X.1353", "X.1380"));
        assert!(!looks_alike("X.1353", "Y.1353"));
    }
}
