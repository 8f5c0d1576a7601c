//! Each circular of a run evaluated on its own (as a run over its files alone), what belongs
//! to none gathered apart, and the outputs written: each circular's files into
//! `DIR/<folder>/`, and `index.html` / `index.json` into `DIR`.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use super::{group, of_form, Known, Unassigned};
use crate::intake::Input;
use crate::pipeline::{evaluate_group, BlankForm, Evaluation, Read, Settings};
use crate::record::ReviewItem;
use crate::report::{self, IndexEntry, ReportError, RunInfo};
use crate::warning::Severity;

/// One circular's evaluation, and which circular it is.
#[derive(Debug)]
pub struct CircularEvaluation {
    pub known: Known,
    pub eval: Evaluation,
}

/// Sorts the readings by circular and evaluates each group; the returned evaluation holds
/// what belongs to no circular, the circulars in `circulars`.
pub fn evaluate(
    s: &Settings,
    known: Vec<Known>,
    given: Vec<BlankForm>,
    inputs: Vec<Input>,
    reads: Vec<Read>,
) -> Evaluation {
    let total_inputs = inputs.len();
    let g = group(known, inputs, reads);
    let mut given_of: Vec<Vec<BlankForm>> = g.known.iter().map(|_| Vec::new()).collect();
    for f in given {
        if let Some(i) = of_form(&g.known, &f) {
            given_of[i].push(f);
        }
    }
    let own = |u: &crate::corrections::Unmatched, r: &crate::record::Records| {
        r.replies.iter().any(|x| x.sha256 == u.sha256)
    };
    let mut circulars = Vec::new();
    for (i, (grp, given)) in g.groups.into_iter().zip(given_of).enumerate() {
        let (mut eval, _) = evaluate_group(s, &grp.inputs, grp.reads, given, &own);
        let items = g
            .unassigned
            .iter()
            .filter(|u| u.candidates.contains(&i))
            .map(|u| candidate_item(u, i, &g.known));
        add_items(&mut eval, items);
        circulars.push(CircularEvaluation {
            known: g.known[i].clone(),
            eval,
        });
    }
    let (mut rest, others) =
        evaluate_group(s, &g.rest.inputs, g.rest.reads, Vec::new(), &|_, _| false);
    // A correction of a reply of some circular is that circular's; one of no reply read is
    // listed here, once.
    let read: HashSet<&str> = circulars
        .iter()
        .flat_map(|c| &c.eval.records.replies)
        .map(|r| r.sha256.as_str())
        .collect();
    let unmatched: Vec<_> = others
        .into_iter()
        .filter(|u| !read.contains(u.sha256.as_str()))
        .collect();
    rest.records.review = crate::triage::review_list(&rest.records, &unmatched, s.deadline);
    add_items(
        &mut rest,
        g.unassigned.iter().map(|u| unassigned_item(u, &g.known)),
    );
    rest.summary.drafts.clear();
    rest.summary.member_states_replied = 0;
    rest.info = RunInfo {
        inputs: total_inputs,
        form: None,
        circular: None,
        ..rest.info
    };
    rest.inputs = total_inputs;
    rest.forms = circulars
        .iter()
        .flat_map(|c| c.eval.forms.iter().cloned())
        .collect();
    rest.circulars = circulars;
    rest
}

/// Adds review items to an evaluation, keeping the list in severity order and its counts.
fn add_items(e: &mut Evaluation, items: impl Iterator<Item = ReviewItem>) {
    e.records.review.extend(items);
    e.records.review.sort_by_key(|i| i.severity);
    e.summary.review = crate::triage::counts(&e.records.review);
}

fn titles(known: &[Known], which: impl Iterator<Item = usize>) -> String {
    let t: Vec<String> = which
        .filter_map(|i| known.get(i))
        .map(|k| k.title())
        .collect();
    t.join(" and ")
}

/// The item a circular lists for a reply that may be one of its own.
fn candidate_item(u: &Unassigned, i: usize, known: &[Known]) -> ReviewItem {
    let others = titles(known, u.candidates.iter().copied().filter(|&c| c != i));
    ReviewItem {
        source: u.source.clone(),
        sha256: Some(u.sha256.clone()),
        severity: Severity::Decide,
        kind: "circular_ambiguous".into(),
        drafts: Vec::new(),
        message: format!(
            "this reply may answer this circular or {others} (the number it names and the drafts it names disagree): it is counted in none until a person decides (index.html)"
        ),
        resolved: false,
    }
}

/// The item `index.html` lists for a reply assigned to no circular.
fn unassigned_item(u: &Unassigned, known: &[Known]) -> ReviewItem {
    let (kind, message) = if u.candidates.is_empty() {
        (
            "circular_unknown",
            format!(
                "this reply names no circular of this run ({}), by number or by drafts: it is counted in none",
                titles(known, 0..known.len())
            ),
        )
    } else {
        (
            "circular_ambiguous",
            format!(
                "this reply may answer {} (the number it names and the drafts it names disagree): it is counted in none until a person decides",
                titles(known, u.candidates.iter().copied())
            ),
        )
    };
    ReviewItem {
        source: u.source.clone(),
        sha256: Some(u.sha256.clone()),
        severity: Severity::Decide,
        kind: kind.into(),
        drafts: Vec::new(),
        message,
        resolved: false,
    }
}

/// Writes each circular's files into `out/<folder>/`, then `out/index.html` and
/// `out/index.json`.
pub fn write_all(out: &Path, e: &Evaluation) -> Result<Vec<PathBuf>, ReportError> {
    let mut written = Vec::new();
    for c in &e.circulars {
        let dir = out.join(&c.known.folder);
        let ev = &c.eval;
        written.extend(report::write_all(&dir, &ev.records, &ev.summary, &ev.info)?);
    }
    let entries: Vec<IndexEntry> = e
        .circulars
        .iter()
        .map(|c| IndexEntry {
            folder: &c.known.folder,
            title: c.known.title(),
            info: &c.eval.info,
            summary: &c.eval.summary,
            replies: c.eval.records.replies.len(),
        })
        .collect();
    written.extend(report::write_index(out, &entries, &e.records, &e.info)?);
    Ok(written)
}
