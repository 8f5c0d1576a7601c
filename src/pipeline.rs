//! The pipeline: intake → read each document (in parallel) → records → tally → reports.
//!
//! Every input ends as a reply, a failure, a warning on the reply it came with (a cover letter
//! inside an e-mail), or a blank form listed in `forms`: nothing is dropped silently.

use std::path::{Path, PathBuf};

use rayon::prelude::*;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::cache::{self, Cache};
use crate::corrections::{self, Corrections, Unmatched};
use crate::docx::{self, DocxError};
use crate::form::{self, align::align_to_form, Context, FormReading};
use crate::intake::{self, Content, Input};
use crate::pdf;
use crate::record::{
    Circular, Failure, FailureKind, FormDraft, FormRecord, Records, Reply, Skipped,
    INTERNAL_FAILURE, RECORDS_SCHEMA,
};
use crate::report::{self, RunInfo};
use crate::tally::{self, DraftRef};
use crate::warning::{Warning, WarningKind};

/// What `run` was asked to do.
#[derive(Debug, Clone)]
pub struct RunOptions {
    pub inputs: Vec<PathBuf>,
    pub out: PathBuf,
    /// `--form`, each time given (several circulars in one run: `crate::circulars`).
    pub forms: Vec<PathBuf>,
    pub deadline: Option<String>,
    pub threshold: f64,
    pub jobs: Option<usize>,
    /// `--convert`: read Word 97-2003 `.doc` files through LibreOffice when it is installed.
    pub convert: bool,
    /// Show a progress bar on stderr (only drawn when stderr is a terminal).
    pub progress: bool,
    /// Which corrections file to apply.
    pub corrections: CorrectionsFile,
    /// Where the readings are kept between runs (`--cache`, `--no-cache`).
    pub cache: cache::Location,
    /// Keep each reply's excerpts (the review page shows them); a run that only writes the
    /// outputs drops them as each file is read, so memory does not grow with them.
    pub excerpts: bool,
}

/// Which corrections file a run applies.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum CorrectionsFile {
    /// [`default_corrections`], when it exists.
    #[default]
    Default,
    /// `--corrections FILE`.
    At(PathBuf),
    /// None (the review page shows the readings this way when the file is broken).
    Ignore,
}

impl RunOptions {
    /// The options of `replytally run INPUTS` with every default.
    pub fn new(inputs: Vec<PathBuf>, out: PathBuf) -> RunOptions {
        RunOptions {
            inputs,
            out,
            forms: Vec::new(),
            deadline: None,
            threshold: tally::DEFAULT_THRESHOLD,
            jobs: None,
            convert: false,
            progress: false,
            corrections: CorrectionsFile::Default,
            cache: cache::Location::InOut,
            excerpts: false,
        }
    }

    /// The corrections file this run applies: the one named, else `corrections.toml` at the top
    /// of the first input folder when it is there.
    pub fn corrections_file(&self) -> Option<PathBuf> {
        match &self.corrections {
            CorrectionsFile::Default => default_corrections(&self.inputs),
            CorrectionsFile::At(p) => Some(p.clone()),
            CorrectionsFile::Ignore => None,
        }
    }
}

/// `corrections.toml` at the top of the first input folder, when it exists.
pub fn default_corrections(inputs: &[PathBuf]) -> Option<PathBuf> {
    let dir = inputs.first().filter(|p| p.is_dir())?;
    Some(dir.join(corrections::DEFAULT_FILE)).filter(|p| p.is_file())
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
    #[error(transparent)]
    Corrections(#[from] corrections::CorrectionsError),
}

/// A blank form found among the inputs or given with `--form`.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct BlankForm {
    pub source: String,
    pub language: String,
    pub drafts: Vec<DraftRef>,
    /// The TSB Circular the form names.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub circular: Option<Circular>,
    /// The form's wording, folded line by line ([`form::align::form_text`]).
    #[serde(default)]
    pub wording: Vec<String>,
}

/// The readings of a run, corrected and tallied, before anything is written: what `run` writes
/// and what the review page shows.
#[derive(Debug)]
pub struct Evaluation {
    pub records: Records,
    pub summary: tally::Summary,
    pub forms: Vec<BlankForm>,
    pub info: RunInfo,
    pub inputs: usize,
    /// With several circulars, each one's evaluation (`crate::circulars`); `records` then holds
    /// what belongs to none (replies assigned to none or to several, failures) with their
    /// review items, and `summary` tallies nothing. Empty with one circular or none.
    pub circulars: Vec<crate::circulars::CircularEvaluation>,
    /// What the reading cache did.
    pub cache: cache::Stats,
}

/// The outcome of a run.
#[derive(Debug)]
pub struct RunOutcome {
    pub records: Records,
    pub summary: tally::Summary,
    pub forms: Vec<BlankForm>,
    pub written: Vec<PathBuf>,
    pub inputs: usize,
    /// The circulars tallied each into its own folder (none with one circular or none).
    pub circulars: Vec<crate::circulars::CircularEvaluation>,
    /// What the reading cache did.
    pub cache: cache::Stats,
}

impl RunOutcome {
    /// Every reply read, in every circular.
    pub fn replies(&self) -> impl Iterator<Item = &Reply> {
        let each = self.circulars.iter().flat_map(|c| &c.eval.records.replies);
        self.records.replies.iter().chain(each)
    }

    pub fn warnings(&self) -> usize {
        self.replies().map(|r| r.warnings.len()).sum()
    }

    /// Every failure, in every circular and in none.
    pub fn failures(&self) -> usize {
        let each: usize = self
            .circulars
            .iter()
            .map(|c| c.eval.records.failures.len())
            .sum();
        self.records.failures.len() + each
    }

    /// Every input passed over on purpose, in every circular and in none.
    pub fn skipped(&self) -> usize {
        let each: usize = self
            .circulars
            .iter()
            .map(|c| c.eval.records.skipped.len())
            .sum();
        self.records.skipped.len() + each
    }
}

impl Evaluation {
    /// Every reply read, in every circular.
    pub fn replies(&self) -> impl Iterator<Item = &Reply> {
        let each = self.circulars.iter().flat_map(|c| &c.eval.records.replies);
        self.records.replies.iter().chain(each)
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
    /// Neither a reply nor a failure (a file replytally wrote): listed in `skipped`.
    Skipped(Skipped),
}

pub fn sha256_hex(bytes: &[u8]) -> String {
    let digest = Sha256::digest(bytes);
    let mut s = String::with_capacity(64);
    for b in digest.iter() {
        s.push_str(&format!("{b:02x}"));
    }
    s
}

pub(crate) fn file_name(source: &str) -> &str {
    let inner = source.rsplit('!').next().unwrap_or(source);
    inner.rsplit(['/', '\\']).next().unwrap_or(inner)
}

/// The failure class recorded in `records.json` for a document the reader refused.
fn failure_kind(e: &DocxError) -> FailureKind {
    match e {
        DocxError::NotZip
        | DocxError::Corrupt(_)
        | DocxError::Xml(_)
        | DocxError::MissingMainPart => FailureKind::Corrupt,
        DocxError::TooLarge(_) => FailureKind::TooLarge,
        DocxError::Encrypted => FailureKind::Encrypted,
    }
}

/// What a reader is told besides the file: its digest when the caller has it already (the
/// cache hashed it), and whether the reply's excerpts are wanted.
#[derive(Clone, Copy)]
struct Given<'a> {
    sha256: Option<&'a str>,
    excerpts: bool,
}

/// Nothing known, everything wanted.
const FULL: Given<'static> = Given {
    sha256: None,
    excerpts: true,
};

/// Reads one Word document as a reply.
pub fn read_word(source: &str, bytes: &[u8], email_from: Option<&str>) -> Read {
    read_word_given(source, bytes, FULL, email_from)
}

/// [`read_word`], told what `given` says.
fn read_word_given(source: &str, bytes: &[u8], given: Given, email_from: Option<&str>) -> Read {
    let doc = match docx::read_docx(bytes) {
        Ok(d) => d,
        Err(e) => {
            return Read::Failed(Failure {
                source: source.to_string(),
                kind: failure_kind(&e),
                message: e.to_string(),
            })
        }
    };
    read_model(source, (bytes, given), &doc, email_from, "a Word document")
}

/// The form reader over a document model (from a `.docx` or a PDF, `what`).
fn read_model(
    source: &str,
    file: (&[u8], Given),
    doc: &docx::model::Document,
    email_from: Option<&str>,
    what: &str,
) -> Read {
    let reading = form_reading(source, doc, email_from, file.1.excerpts);
    classify(source, file, &reading, what)
}

/// The form reader's reading of a document model.
fn form_reading(
    source: &str,
    doc: &docx::model::Document,
    email_from: Option<&str>,
    excerpts: bool,
) -> FormReading {
    let ctx = Context {
        file_name: file_name(source),
        email_from,
    };
    form::read_form_with(doc, &ctx, excerpts)
}

/// What a reading is: not a form, the blank form, or a reply.
fn classify(source: &str, file: (&[u8], Given), reading: &FormReading, what: &str) -> Read {
    if !reading.is_form {
        return Read::NotAForm {
            source: source.to_string(),
            message: format!(
                "{what} with no reply-form table (no 'authorizes' / 'does not authorize' lines)"
            ),
        };
    }
    if reading.is_blank {
        return Read::Blank(BlankForm {
            source: source.to_string(),
            language: reading.language.clone(),
            drafts: reading.draft_names(),
            circular: reading.circular.clone(),
            wording: form::align::form_text(&reading.lines),
        });
    }
    Read::Reply(Box::new(reply_of(source, file_sha256(file), reading)))
}

/// The file's SHA-256: the one the caller computed, else computed here.
fn file_sha256(file: (&[u8], Given)) -> String {
    file.1
        .sha256
        .map_or_else(|| sha256_hex(file.0), str::to_string)
}

/// Reads one PDF as a reply: [`pdf::read`] gives the document model the form reader reads.
pub fn read_pdf(source: &str, bytes: &[u8], email_from: Option<&str>) -> Read {
    read_pdf_given(source, bytes, FULL, email_from)
}

/// [`read_pdf`], told what `given` says.
fn read_pdf_given(source: &str, bytes: &[u8], given: Given, email_from: Option<&str>) -> Read {
    if !bytes.starts_with(b"%PDF") {
        let doc = crate::scan::read_image(bytes);
        return read_scan(source, (bytes, given), email_from, doc);
    }
    let doc = match pdf::read(bytes) {
        Ok(d) => d,
        Err(pdf::PdfError::Scan) => {
            let doc = crate::scan::read_pdf(bytes);
            return read_scan(source, (bytes, given), email_from, doc);
        }
        Err(e) => {
            let kind = match e {
                pdf::PdfError::Encrypted => FailureKind::Encrypted,
                pdf::PdfError::Scan => FailureKind::Scan,
                _ => FailureKind::Pdf,
            };
            return Read::Failed(Failure {
                source: source.to_string(),
                kind,
                message: e.to_string(),
            });
        }
    };
    read_model(source, (bytes, given), &doc, email_from, "a PDF")
}

/// A scan read (or not): a failure of kind `scan`, else the form reader's reading with each
/// answer's confidence ([`crate::scan::settle`]).
fn read_scan(
    source: &str,
    file: (&[u8], Given),
    email_from: Option<&str>,
    doc: Result<crate::docx::model::Document, crate::scan::ScanError>,
) -> Read {
    let doc = match doc {
        Ok(doc) => doc,
        Err(e) => {
            return Read::Failed(Failure {
                source: source.to_string(),
                kind: FailureKind::Scan,
                message: e.to_string(),
            })
        }
    };
    // The confidence of a scanned answer is read from its excerpt's marks: always built here,
    // dropped again when the caller did not ask for them.
    let reading = form_reading(source, &doc, email_from, true);
    let mut r = match classify(source, file, &reading, "a scan") {
        Read::Reply(r) => r,
        Read::NotAForm { .. } if !crate::scan::named_drafts(&doc).is_empty() => {
            unread_scan(source, file, &reading)
        }
        other => return other,
    };
    crate::scan::settle(&mut r, &doc);
    if !file.1.excerpts {
        r.excerpts = Default::default();
    }
    Read::Reply(r)
}

/// A scan whose text names drafts but in which no reply-form table was read (OCR lost the
/// decision labels): a reply with no answers and a `scan_unsure` warning (and one per named
/// draft from [`crate::scan::settle`]), so that its answers are looked at rather than lost
/// among the non-forms.
fn unread_scan(source: &str, file: (&[u8], Given), reading: &FormReading) -> Box<Reply> {
    let mut r = reply_of(source, file_sha256(file), reading);
    r.answers.clear();
    r.warnings.push(crate::warning::Warning::new(
        crate::warning::WarningKind::ScanUnsure,
        "a scan that names drafts, but no reply-form table was read in it (its labels may be unreadable): look at the page image",
    ));
    Box::new(r)
}

fn reply_of(source: &str, sha256: String, r: &FormReading) -> Reply {
    Reply {
        source: source.to_string(),
        sha256,
        language: r.language.clone(),
        member_state: r.member_state.clone(),
        sender: r.sender.clone(),
        date: r.date.clone(),
        answers: r.answers(),
        superseded_by: None,
        late: false,
        warnings: r.warnings.clone(),
        circular: r.circular.clone(),
        excluded: false,
        corrections: Vec::new(),
        excerpts: r.excerpts.clone(),
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
        drafts: reading.draft_names(),
        language: reading.language,
        wording: form::align::form_text(&reading.lines),
        circular: reading.circular,
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
        .map(|input| read_guarded(input, convert, FULL))
        .collect()
}

/// [`read_one`], a panic in a reader made a failure of this input.
fn read_guarded(input: &Input, convert: bool, given: Given) -> Read {
    // A bug in a reader must cost one file, not the batch (and the outputs).
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        read_one(input, convert, given)
    }))
    .unwrap_or_else(|_| {
        Read::Failed(Failure {
            source: input.source.clone(),
            kind: FailureKind::Internal,
            message: INTERNAL_FAILURE.to_string(),
        })
    })
}

/// The inputs of the listed paths, in [`intake::collect`]'s order, each with its reading. Each
/// file is read from disk inside the parallel loop and its bytes dropped once read: memory
/// holds the files being read, not the batch.
pub fn read_listed(
    listed: &[intake::Listed],
    convert: bool,
    progress: indicatif::ProgressBar,
) -> (Vec<Input>, Vec<Read>) {
    read_listed_cached(listed, convert, &Cache::off(), false, progress)
}

/// [`read_listed`], each reading taken from `cache` when it holds it, and kept there.
pub fn read_listed_cached(
    listed: &[intake::Listed],
    convert: bool,
    cache: &Cache,
    excerpts: bool,
    progress: indicatif::ProgressBar,
) -> (Vec<Input>, Vec<Read>) {
    use indicatif::ParallelProgressIterator;
    let per_path: Vec<Vec<(Input, Read)>> = listed
        .par_iter()
        .progress_with(progress)
        .map(|l| {
            // An e-mail or zip may hold many replies: they are read in parallel too.
            intake::open(l)
                .into_par_iter()
                .map(|mut input| {
                    // Without `excerpts` none are built (a cached reading may hold some).
                    let mut read = cache.read_hashed(&input, convert, excerpts, |sha256| {
                        read_guarded(&input, convert, Given { sha256, excerpts })
                    });
                    if let (Read::Reply(r), false) = (&mut read, excerpts) {
                        r.excerpts = Default::default();
                    }
                    drop_bytes(&mut input);
                    (input, read)
                })
                .collect()
        })
        .collect();
    per_path.into_iter().flatten().unzip()
}

/// The bytes of an input already read are not needed again.
fn drop_bytes(input: &mut Input) {
    if let Content::Word(bytes) | Content::Pdf(bytes) = &mut input.content {
        *bytes = Vec::new();
    }
    if let Content::Failed { original, .. } = &mut input.content {
        *original = None;
    }
}

/// One input → what reading it gave.
fn read_one(input: &Input, convert: bool, given: Given) -> Read {
    match &input.content {
        Content::Word(bytes) => {
            let from = input
                .container
                .as_ref()
                .and_then(|c| c.email_from.as_deref());
            read_word_given(&input.source, bytes, given, from)
        }
        Content::Pdf(bytes) => {
            let from = input
                .container
                .as_ref()
                .and_then(|c| c.email_from.as_deref());
            read_pdf_given(&input.source, bytes, given, from)
        }
        Content::Failed {
            message,
            original: Some(doc),
            ..
        } if convert => read_converted(input, doc, given, message),
        Content::Failed { kind, message, .. } => Read::Failed(Failure {
            source: input.source.clone(),
            kind: *kind,
            message: message.clone(),
        }),
        Content::Other { message } => Read::NotAForm {
            source: input.source.clone(),
            message: message.clone(),
        },
        Content::Skipped { message } => Read::Skipped(Skipped {
            source: input.source.clone(),
            message: message.clone(),
        }),
    }
}

/// `--convert`: a `.doc` read through LibreOffice, or still a `legacy_doc` failure saying why.
fn read_converted(input: &Input, doc: &[u8], given: Given, message: &str) -> Read {
    let from = input
        .container
        .as_ref()
        .and_then(|c| c.email_from.as_deref());
    // The digest of the file received: LibreOffice's output differs from run to run.
    let received = given.sha256.map_or_else(|| sha256_hex(doc), str::to_string);
    let given = Given {
        sha256: Some(&received),
        ..given
    };
    let read = match intake::convert::convert_doc(doc) {
        Ok(docx) => read_word_given(&input.source, &docx, given, from),
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
            r.warnings.push(Warning::new(
                WarningKind::Converted,
                intake::convert::CONVERTED_WARNING,
            ));
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
        other @ (Read::Blank(_) | Read::Skipped(_)) => other,
    }
}

/// Puts the readings together: containers, blank forms, expected drafts, late and superseded.
pub fn assemble(
    inputs: &[Input],
    reads: Vec<Read>,
    form: Option<BlankForm>,
    deadline: Option<jiff::Timestamp>,
) -> (Records, Vec<BlankForm>, Option<Vec<DraftRef>>) {
    let given = form.into_iter().collect();
    let a = assemble_with(inputs, reads, given, deadline, &Corrections::default());
    (a.records, a.forms, a.expected)
}

/// What [`assemble_with`] gives.
pub struct Assembled {
    pub records: Records,
    pub forms: Vec<BlankForm>,
    pub expected: Option<Vec<DraftRef>>,
    /// Corrections that matched nothing (review items, never dropped).
    pub unmatched: Vec<Unmatched>,
}

/// [`assemble`], the corrections applied after the replies are aligned with the form and before
/// late and superseded replies are marked (a corrected Member State or date decides those).
/// `given`: the forms given with `--form` (of one circular).
pub fn assemble_with(
    inputs: &[Input],
    reads: Vec<Read>,
    given: Vec<BlankForm>,
    deadline: Option<jiff::Timestamp>,
    corrections: &Corrections,
) -> Assembled {
    let mut replies: Vec<Reply> = Vec::new();
    let mut failures: Vec<Failure> = Vec::new();
    let mut skipped: Vec<Skipped> = Vec::new();
    let given_forms = given.len();
    let mut forms: Vec<BlankForm> = given;
    // Per container: what else it held besides its replies.
    let mut notes: Vec<(String, String)> = Vec::new();
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
                notes.push((c, format!("{}: {message}", file_name(&source))))
            }
            (Read::NotAForm { source, message }, None) => failures.push(Failure {
                source,
                kind: FailureKind::NotAReplyForm,
                message,
            }),
            (Read::Failed(f), Some(c)) => container_failures.push((c, f)),
            (Read::Failed(f), None) => failures.push(f),
            (Read::Skipped(s), _) => skipped.push(s),
        }
    }
    attach_to_containers(&mut replies, &mut failures, &notes, container_failures);

    // The expected drafts: --form, else a blank form found among the inputs.
    let expected: Option<Vec<DraftRef>> = forms.first().map(|f| f.drafts.clone());
    if let Some(exp) = &expected {
        for r in &mut replies {
            align_to_form(r, exp);
        }
    } else {
        // No blank form: the drafts most replies answer stand in for it.
        let inferred = form::align::drafts_most_replies_name(&replies);
        for r in &mut replies {
            form::align::answer_every_draft(r, &inferred);
        }
    }
    // The wording of every blank form known (each language's): never a reply's text.
    let mut wording: Vec<String> = forms.iter().flat_map(|f| f.wording.clone()).collect();
    wording.sort();
    wording.dedup();
    for r in &mut replies {
        form::align::strip_form_text(r, &wording);
    }
    let same = |a: &crate::record::Answer, d: &str| {
        crate::draft::same_draft(&a.draft, a.provisional.as_deref(), d, None)
    };
    let unmatched = corrections::apply(&mut replies, corrections, &same);
    if let Some(deadline) = deadline {
        tally::mark_late(&mut replies, deadline);
        date_undated_by_email(&mut replies, &email_dates, deadline);
    }
    tally::mark_superseded(&mut replies);
    failures.sort_by(|a, b| a.source.cmp(&b.source));
    let form_records = forms
        .iter()
        .enumerate()
        .map(|(i, f)| form_record(f, i < given_forms))
        .collect();
    let records = Records {
        schema: RECORDS_SCHEMA.to_string(),
        replies,
        failures,
        forms: form_records,
        review: Vec::new(),
        skipped,
    };
    Assembled {
        records,
        forms,
        expected,
        unmatched,
    }
}

/// What came with a reply in the same e-mail or zip is a warning on it; a container with no
/// reply at all is a failure.
fn attach_to_containers(
    replies: &mut [Reply],
    failures: &mut Vec<Failure>,
    notes: &[(String, String)],
    container_failures: Vec<(String, Failure)>,
) {
    let mut orphan: Vec<String> = Vec::new();
    for (c, note) in notes {
        let w = Warning::new(WarningKind::AlsoInContainer, format!("also in {c}: {note}"));
        if !warn_first_reply_of(replies, c, w) && !orphan.contains(c) {
            orphan.push(c.clone());
        }
    }
    for (c, f) in container_failures {
        let what = format!(
            "also in {c}: {} ({}): {}",
            file_name(&f.source),
            f.kind.as_str(),
            f.message
        );
        if !warn_first_reply_of(
            replies,
            &c,
            Warning::new(WarningKind::UnreadInContainer, what),
        ) {
            orphan.retain(|o| o != &c);
            failures.push(f);
        }
    }
    for c in orphan {
        if !failures
            .iter()
            .any(|f| f.source.starts_with(&format!("{c}!")))
        {
            let what: Vec<&str> = notes
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
}

/// Puts `w` on the first reply that came in `container`; `false` when none did.
fn warn_first_reply_of(replies: &mut [Reply], container: &str, w: Warning) -> bool {
    let prefix = format!("{container}!");
    match replies.iter_mut().find(|r| r.source.starts_with(&prefix)) {
        Some(r) => {
            r.warnings.push(w);
            true
        }
        None => false,
    }
}

/// Undated forms that came in an e-mail: the e-mail's `Date:` decides whether they are late.
fn date_undated_by_email(
    replies: &mut [Reply],
    email_dates: &[(usize, String)],
    deadline: jiff::Timestamp,
) {
    for (i, d) in email_dates {
        let Some(r) = replies.get_mut(*i) else {
            continue;
        };
        if r.date.is_none() {
            if let Ok(ts) = d.parse::<jiff::Timestamp>() {
                r.warnings.retain(|w| w.kind != WarningKind::Undated);
                r.late = ts > deadline;
                r.warnings.push(Warning::new(
                    WarningKind::DateFromEmail,
                    format!("the form is undated; the e-mail's date {d} was used for the deadline"),
                ));
            }
        }
    }
}

/// A blank form as `records.json` lists it.
fn form_record(f: &BlankForm, given: bool) -> FormRecord {
    FormRecord {
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
        given,
        circular: f.circular.clone(),
    }
}

/// `replytally run`: [`evaluate`], then every output written into `--out` (with several
/// circulars, each one's into its folder below it, and `index.html` beside them).
pub fn run(opts: &RunOptions) -> Result<RunOutcome, RunError> {
    let e = evaluate(opts)?;
    let written = if e.circulars.is_empty() {
        report::write_all(&opts.out, &e.records, &e.summary, &e.info)?
    } else {
        crate::circulars::write_all(&opts.out, &e)?
    };
    Ok(RunOutcome {
        records: e.records,
        summary: e.summary,
        forms: e.forms,
        written,
        inputs: e.inputs,
        circulars: e.circulars,
        cache: e.cache,
    })
}

/// What every circular of a run is evaluated with: the options, checked.
pub struct Settings<'a> {
    pub opts: &'a RunOptions,
    pub deadline: Option<jiff::Timestamp>,
    pub corrections: Corrections,
}

/// Reads every input, applies the corrections file, tallies, and builds the review list:
/// everything `run` writes, nothing written. A bad option or corrections file stops it. With
/// blank forms of several circulars, each circular is evaluated on its own
/// (`crate::circulars`).
pub fn evaluate(opts: &RunOptions) -> Result<Evaluation, RunError> {
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
    let given = opts
        .forms
        .iter()
        .map(|p| read_blank_form(p))
        .collect::<Result<Vec<_>, _>>()?;
    let corrections_file = opts.corrections_file();
    let corrections = match &corrections_file {
        Some(p) => corrections::load(p, &crate::reference::member_states::by_iso3)?,
        None => Corrections::default(),
    };
    let (inputs, reads, cache) = read_all(opts, corrections_file.as_deref())?;
    let settings = Settings {
        opts,
        deadline,
        corrections,
    };
    let found = reads.iter().filter_map(|r| match r {
        Read::Blank(b) => Some(b),
        _ => None,
    });
    let mut known = crate::circulars::known(given.iter().chain(found));
    if known.is_empty() {
        known = crate::circulars::named_by_replies(reads.iter().filter_map(|r| match r {
            Read::Reply(r) => Some(r.as_ref()),
            _ => None,
        }));
    }
    let mut e = if known.len() > 1 {
        crate::circulars::evaluate(&settings, known, given, inputs, reads)
    } else {
        evaluate_group(&settings, &inputs, reads, given, &|_, _| true).0
    };
    e.cache = cache;
    Ok(e)
}

/// Lists the inputs (the corrections file left out) and reads them.
fn read_all(
    opts: &RunOptions,
    corrections_file: Option<&Path>,
) -> Result<(Vec<Input>, Vec<Read>, cache::Stats), RunError> {
    let cache = Cache::open(&opts.cache, &opts.out);
    // Listed first, read inside the parallel loop: memory does not grow with the batch.
    // Its own output folder is never read back (a run writing beside the replies).
    let mut listed = intake::list_excluding(&opts.inputs, std::slice::from_ref(&opts.out));
    listed.retain(|l| !matches!(l, intake::Listed::File { path, .. } if cache.holds(path)));
    // The corrections file sits among the replies; it is not one.
    if let Some(c) = corrections_file {
        listed.retain(|l| !matches!(l, intake::Listed::File { path, .. } if same_file(path, c)));
    }
    let bar = progress_bar(opts, listed.len());
    let read = match opts.jobs {
        Some(n) => rayon::ThreadPoolBuilder::new()
            .num_threads(n.max(1))
            .build()
            .map_err(|e| RunError::Threads(n, e.to_string()))?
            .install(|| {
                read_listed_cached(&listed, opts.convert, &cache, opts.excerpts, bar.clone())
            }),
        None => read_listed_cached(&listed, opts.convert, &cache, opts.excerpts, bar.clone()),
    };
    bar.finish_and_clear();
    Ok((read.0, read.1, cache.finish()))
}

/// The readings of one circular (or of a run with one) assembled, corrected, tallied and
/// triaged. `keep` says which corrections that matched nothing here are this group's review
/// items; the others are returned.
pub fn evaluate_group(
    s: &Settings,
    inputs: &[Input],
    reads: Vec<Read>,
    given: Vec<BlankForm>,
    keep: &dyn Fn(&Unmatched, &Records) -> bool,
) -> (Evaluation, Vec<Unmatched>) {
    let a = assemble_with(inputs, reads, given, s.deadline, &s.corrections);
    let mut records = a.records;
    let mut summary = tally::tally(
        &records.replies,
        &tally::Options {
            threshold: s.opts.threshold,
            expected: a.expected,
        },
    );
    let (own, others): (Vec<Unmatched>, Vec<Unmatched>) =
        a.unmatched.into_iter().partition(|u| keep(u, &records));
    records.review = crate::triage::review_list(&records, &own, s.deadline);
    summary.review = crate::triage::counts(&records.review);
    let info = run_info(s.opts, &a.forms, &records, inputs.len());
    let e = Evaluation {
        records,
        summary,
        forms: a.forms,
        info,
        inputs: inputs.len(),
        circulars: Vec::new(),
        cache: cache::Stats::default(),
    };
    (e, others)
}

/// What the outputs say they were made from.
pub(crate) fn run_info(
    opts: &RunOptions,
    forms: &[BlankForm],
    records: &Records,
    inputs: usize,
) -> RunInfo {
    let given = records.forms.iter().take_while(|f| f.given).count();
    RunInfo {
        tool_version: env!("CARGO_PKG_VERSION").to_string(),
        inputs,
        form: forms.first().map(|f| {
            if given > 0 {
                f.source.clone()
            } else {
                format!("{} (found among the inputs)", f.source)
            }
        }),
        deadline: opts.deadline.clone(),
        threshold: opts.threshold,
        // Found while each file was read: nothing is opened again.
        circular: form::circular::of_run(
            forms.iter().map(|f| f.circular.as_ref()),
            records.replies.iter().map(|r| r.circular.as_ref()),
        ),
    }
}

fn same_file(a: &Path, b: &Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(x), Ok(y)) => x == y,
        _ => a == b,
    }
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
    let (inputs, reads) = read_listed(&listed, false, indicatif::ProgressBar::hidden());
    assemble(&inputs, reads, None, None).0
}
