//! What the review page works on: the inputs read once, the corrections file, and the tally
//! over the corrected records, recomputed after every decision. A thin layer over the same
//! pipeline functions `run` uses; it reads no file in a way of its own.

use std::path::{Path, PathBuf};

use serde::Serialize;

use std::collections::BTreeMap;

use crate::corrections::{self, Change};
use crate::form::excerpt::Excerpts;
use crate::pipeline::{self, CorrectionsFile, Evaluation, RunError, RunOptions};
use crate::record::Records;
use crate::reference::member_states as member_state;
use crate::tally::Summary;

/// Why a request could not be carried out.
#[derive(Debug, thiserror::Error)]
pub enum WorkspaceError {
    /// The request itself is wrong (a bad value, a file name that is not one): 422.
    #[error("{0}")]
    BadRequest(String),
    #[error("{0}")]
    Internal(String),
}

/// How the workspace was started.
#[derive(Debug, Clone)]
pub struct Setup {
    pub inputs: Vec<PathBuf>,
    /// `--form`, each time given.
    pub forms: Vec<PathBuf>,
    /// `--deadline`, as `run` takes it.
    pub deadline: Option<String>,
    pub threshold: f64,
    pub corrections: PathBuf,
    /// Where files dropped on the page are saved; read as one more input.
    pub drop_folder: PathBuf,
    /// Where the readings are kept (`--cache`, `--no-cache`); the workspace has no `--out`.
    pub cache: crate::cache::Location,
}

pub struct Workspace {
    setup: Setup,
    /// The corrected readings, tallied, with their review list.
    now: Evaluation,
    /// A corrections file that could not be used: shown on the page, nothing of it applied.
    corrections_error: Option<String>,
}

/// What the page shows.
#[derive(Serialize)]
pub struct PageState<'a> {
    pub inputs: Vec<String>,
    pub drop_folder: String,
    pub corrections_file: String,
    pub corrections_error: Option<&'a str>,
    pub summary: &'a Summary,
    pub records: &'a Records,
    pub review: &'a [crate::record::ReviewItem],
    /// For each reply with an item to review: the sender block and the drafts' rows, as
    /// they look (`form::excerpt`), by source.
    pub excerpts: BTreeMap<&'a str, Excerpts>,
    pub member_states: Vec<(&'static str, &'a str)>,
    /// With several circulars, each one's verdicts, review list and replies (then `summary`,
    /// `records` and `review` hold what belongs to none); empty otherwise.
    pub circulars: Vec<CircularState<'a>>,
}

/// One circular on the page.
#[derive(Serialize)]
pub struct CircularState<'a> {
    pub title: String,
    pub folder: &'a str,
    pub summary: &'a Summary,
    pub records: &'a Records,
}

fn states(iso3: &str) -> Option<crate::record::MemberState> {
    member_state::by_iso3(iso3)
}

impl Workspace {
    pub fn open(setup: Setup) -> Result<Workspace, WorkspaceError> {
        let (now, corrections_error) = evaluate(&setup)?;
        Ok(Workspace {
            setup,
            now,
            corrections_error,
        })
    }

    /// Reads every input again (a file added to a folder appears) and applies the corrections.
    pub fn reload(&mut self) -> Result<(), WorkspaceError> {
        (self.now, self.corrections_error) = evaluate(&self.setup)?;
        Ok(())
    }

    /// Writes one decision into the corrections file, then recomputes.
    pub fn correct(&mut self, mut change: Change) -> Result<(), WorkspaceError> {
        if change.reason.trim().is_empty() {
            return Err(WorkspaceError::BadRequest(
                "say why: a reason is required".into(),
            ));
        }
        if !self.now.replies().any(|r| r.sha256 == change.sha256) {
            return Err(WorkspaceError::BadRequest(format!(
                "no reply read in this session has SHA-256 {}",
                change.sha256
            )));
        }
        change.reason = change.reason.trim().to_string();
        change.by = change.by.filter(|b| !b.trim().is_empty());
        change.on = Some(jiff::Timestamp::now().strftime("%Y-%m-%d").to_string());
        corrections::record_change(&self.setup.corrections, &change, &states)
            .map_err(|e| WorkspaceError::BadRequest(e.to_string()))?;
        self.reload()
    }

    /// Saves a file dropped on the page into the drop folder, then reads everything again.
    pub fn save_upload(&mut self, name: &str, bytes: &[u8]) -> Result<(), WorkspaceError> {
        let name = safe_file_name(name)?;
        std::fs::create_dir_all(&self.setup.drop_folder).map_err(|e| {
            WorkspaceError::Internal(format!(
                "cannot create {}: {e}",
                self.setup.drop_folder.display()
            ))
        })?;
        let path = free_name(&self.setup.drop_folder, &name);
        corrections::write_atomically(&path, bytes).map_err(|e| {
            WorkspaceError::Internal(format!("cannot save {}: {e}", path.display()))
        })?;
        self.reload()
    }

    pub fn state(&self) -> serde_json::Value {
        let s = PageState {
            inputs: self
                .setup
                .inputs
                .iter()
                .map(|p| p.display().to_string())
                .collect(),
            drop_folder: self.setup.drop_folder.display().to_string(),
            corrections_file: self.setup.corrections.display().to_string(),
            corrections_error: self.corrections_error.as_deref(),
            summary: &self.now.summary,
            records: &self.now.records,
            review: &self.now.records.review,
            excerpts: self.excerpts(),
            member_states: member_state::all()
                .iter()
                .map(|m| (m.iso3, m.name.as_str()))
                .collect(),
            circulars: self
                .now
                .circulars
                .iter()
                .map(|c| CircularState {
                    title: c.known.title(),
                    folder: &c.known.folder,
                    summary: &c.eval.summary,
                    records: &c.eval.records,
                })
                .collect(),
        };
        serde_json::to_value(s).unwrap_or_default()
    }

    pub fn records(&self) -> &Records {
        &self.now.records
    }

    pub fn summary(&self) -> &Summary {
        &self.now.summary
    }

    /// What the review list's items concern, as it looks: of each reply it names, the drafts
    /// its items list and the sender block when an item is about the reply as a whole (only
    /// those: the page stays small).
    fn excerpts(&self) -> BTreeMap<&str, Excerpts> {
        let mut out = BTreeMap::new();
        // With several circulars each has its own records.
        let all = std::iter::once(&self.now.records)
            .chain(self.now.circulars.iter().map(|c| &c.eval.records));
        for records in all {
            excerpts_of(records, &mut out);
        }
        out
    }
}

/// [`Workspace::excerpts`] of one circular's records, into `out`.
fn excerpts_of<'a>(records: &'a Records, out: &mut BTreeMap<&'a str, Excerpts>) {
    for r in records.replies.iter().filter(|r| !r.excerpts.is_empty()) {
        let items: Vec<_> = records
            .review
            .iter()
            .filter(|i| i.source == r.source)
            .collect();
        if items.is_empty() {
            continue;
        }
        let whole = items.iter().any(|i| i.drafts.is_empty());
        let wanted = |d: &str| items.iter().any(|i| i.drafts.iter().any(|x| x == d));
        let e = Excerpts {
            sender: if whole {
                r.excerpts.sender.clone()
            } else {
                Default::default()
            },
            drafts: r
                .excerpts
                .drafts
                .iter()
                .filter(|d| wanted(&d.draft))
                .cloned()
                .collect(),
        };
        out.insert(r.source.as_str(), e);
    }
}

/// The pipeline's evaluation of the workspace. A corrections file that cannot be used is
/// reported beside a reading without it, so the page still shows where things stand.
fn evaluate(setup: &Setup) -> Result<(Evaluation, Option<String>), WorkspaceError> {
    let mut paths = setup.inputs.clone();
    if setup.drop_folder.is_dir() && !paths.contains(&setup.drop_folder) {
        paths.push(setup.drop_folder.clone());
    }
    let mut opts = RunOptions::new(paths, PathBuf::new());
    opts.forms = setup.forms.clone();
    opts.deadline = setup.deadline.clone();
    opts.threshold = setup.threshold;
    opts.cache = setup.cache.clone();
    opts.excerpts = true;
    opts.corrections = if setup.corrections.exists() {
        CorrectionsFile::At(setup.corrections.clone())
    } else {
        CorrectionsFile::Ignore
    };
    let bad = |e: RunError| WorkspaceError::BadRequest(e.to_string());
    match pipeline::evaluate(&opts) {
        Ok(e) => Ok((e, None)),
        Err(RunError::Corrections(c)) => {
            opts.corrections = CorrectionsFile::Ignore;
            Ok((pipeline::evaluate(&opts).map_err(bad)?, Some(c.to_string())))
        }
        Err(e) => Err(bad(e)),
    }
}

/// The last component of a dropped file's name, refused when it names no file of its own.
fn safe_file_name(name: &str) -> Result<String, WorkspaceError> {
    let base = name.rsplit(['/', '\\']).next().unwrap_or("").trim();
    let ok = !base.is_empty()
        && base != "."
        && base != ".."
        && base.len() <= 255
        && !base.starts_with('.')
        && !base.chars().any(|c| c.is_control() || c == ':');
    if ok {
        Ok(base.to_string())
    } else {
        Err(WorkspaceError::BadRequest(format!(
            "{name:?} is not a file name"
        )))
    }
}

/// `dir/name`, or `dir/name (2)` … when a file of that name is already there.
fn free_name(dir: &Path, name: &str) -> PathBuf {
    let first = dir.join(name);
    if !first.exists() {
        return first;
    }
    let (stem, ext) = match name.rsplit_once('.') {
        Some((s, e)) if !s.is_empty() => (s, format!(".{e}")),
        _ => (name, String::new()),
    };
    (2..)
        .map(|n| dir.join(format!("{stem} ({n}){ext}")))
        .find(|p| !p.exists())
        .unwrap_or(first)
}
