//! Several circulars in one run: which circulars the blank forms name, which circular each
//! reply answers, and the readings sorted into one group per circular. It sits between reading
//! the forms and the records: each group is then assembled, tallied and triaged by the pipeline
//! exactly as a run over that group's files alone would be.
//!
//! The circulars of a run are those of its blank forms (`--form`, then those found among the
//! inputs): forms naming the same number are one circular; a form naming none joins the
//! circular whose drafts it shares most, else is a circular of its own. Without any blank form,
//! the numbers the replies name, when they name two or more. A reply is assigned
//! from the number it names (`Reply.circular`) and the drafts it names: the number decides when
//! its drafts agree or match no circular; without a known number, the circular whose drafts it
//! names most. A reply whose number and drafts point to different circulars, whose drafts
//! match two equally, or that matches none is left out of every tally (a `decide` item).

mod evaluate;

pub use self::evaluate::{evaluate, write_all, CircularEvaluation};

use std::collections::HashMap;

use crate::draft::{same_draft, DraftName};
use crate::intake::Input;
use crate::pipeline::{BlankForm, Read};
use crate::record::{Circular, Reply};

/// One circular of the run, as its blank forms describe it.
#[derive(Debug, Clone)]
pub struct Known {
    pub circular: Option<Circular>,
    /// Every draft its forms name (the union over its forms, in order).
    pub drafts: Vec<DraftName>,
    /// The folder of its outputs below `--out` ([`folder_name`]).
    pub folder: String,
}

impl Known {
    /// "TSB Circular 205", or the folder name when the forms name no number.
    pub fn title(&self) -> String {
        match &self.circular {
            Some(c) => format!("TSB Circular {}", c.number),
            None => self.folder.clone(),
        }
    }
}

/// The circulars named by `forms` (given ones first), in order of first appearance.
pub fn known<'a>(forms: impl IntoIterator<Item = &'a BlankForm>) -> Vec<Known> {
    let forms: Vec<&BlankForm> = forms.into_iter().collect();
    let mut known: Vec<Known> = Vec::new();
    // Numbered forms first, so that an unnumbered one can join the circular of its drafts.
    let numbered = forms.iter().filter(|f| f.circular.is_some());
    let unnumbered = forms.iter().filter(|f| f.circular.is_none());
    for f in numbered.chain(unnumbered) {
        match of_form(&known, f) {
            Some(i) => add_drafts(&mut known[i].drafts, &f.drafts),
            None => {
                let folder = folder_name(f, &known);
                known.push(Known {
                    circular: f.circular.clone().map(|c| Circular { date: None, ..c }),
                    drafts: f.drafts.clone(),
                    folder,
                });
            }
        }
    }
    known
}

fn add_drafts(to: &mut Vec<DraftName>, drafts: &[DraftName]) {
    for d in drafts {
        if !to.iter().any(|t| t.same_as(d)) {
            to.push(d.clone());
        }
    }
}

/// Without blank forms: the circulars the replies name, when they name two numbers or more
/// (each with the drafts its replies name); none otherwise (one tally, as without circulars).
pub fn named_by_replies<'a>(replies: impl IntoIterator<Item = &'a Reply>) -> Vec<Known> {
    let mut known: Vec<Known> = Vec::new();
    for r in replies {
        let Some(c) = &r.circular else { continue };
        let names: Vec<DraftName> = r
            .answers
            .iter()
            .map(|a| DraftName {
                draft: a.draft.clone(),
                provisional: a.provisional.clone(),
            })
            .collect();
        match known
            .iter()
            .position(|k| k.circular.as_ref().is_some_and(|kc| kc.number == c.number))
        {
            Some(i) => add_drafts(&mut known[i].drafts, &names),
            None => known.push(Known {
                circular: Some(Circular {
                    number: c.number.clone(),
                    date: None,
                }),
                drafts: names,
                folder: format!("TSB-Circular-{}", safe(&c.number)),
            }),
        }
    }
    if known.len() < 2 {
        known.clear();
    }
    known
}

/// The circular a blank form belongs to: the one of its number, else (a form naming no
/// number) the one whose drafts it shares most.
pub fn of_form(known: &[Known], f: &BlankForm) -> Option<usize> {
    if let Some(c) = &f.circular {
        return known
            .iter()
            .position(|k| k.circular.as_ref().is_some_and(|kc| kc.number == c.number));
    }
    let names: Vec<(&str, Option<&str>)> = f
        .drafts
        .iter()
        .map(|d| (d.draft.as_str(), d.provisional.as_deref()))
        .collect();
    match best_by_drafts(known, &names).as_slice() {
        [one] => Some(*one),
        _ => None,
    }
}

/// `TSB-Circular-<number>` (the number is ASCII digits); for a form naming no number,
/// `form-<its file name without extension>`, letters, digits, `.`, `_` and `-` kept, others
/// `_`. A name already taken gets `-2`, `-3` ….
fn folder_name(f: &BlankForm, known: &[Known]) -> String {
    let base = match &f.circular {
        Some(c) => format!("TSB-Circular-{}", safe(&c.number)),
        None => {
            let name = f.source.rsplit(['/', '\\', '!']).next().unwrap_or("");
            let stem = name.rsplit_once('.').map_or(name, |(s, _)| s);
            format!("form-{}", safe(stem))
        }
    };
    let taken = |n: &str| known.iter().any(|k| k.folder.eq_ignore_ascii_case(n));
    if !taken(&base) {
        return base;
    }
    (2..)
        .map(|n| format!("{base}-{n}"))
        .find(|n| !taken(n))
        .unwrap_or(base)
}

fn safe(s: &str) -> String {
    let kept: String = s
        .chars()
        .take(60)
        .map(|c| {
            if c.is_ascii_alphanumeric() || matches!(c, '-' | '_') {
                c
            } else {
                '_'
            }
        })
        .collect();
    let kept = kept.trim_matches('_');
    if kept.is_empty() {
        "unnamed".to_string()
    } else {
        kept.to_string()
    }
}

/// The circulars naming the most of `drafts` (none when no circular names any).
fn best_by_drafts(known: &[Known], drafts: &[(&str, Option<&str>)]) -> Vec<usize> {
    let score = |k: &Known| {
        drafts
            .iter()
            .filter(|(d, p)| {
                k.drafts
                    .iter()
                    .any(|kd| same_draft(d, *p, &kd.draft, kd.provisional.as_deref()))
            })
            .count()
    };
    let scores: Vec<usize> = known.iter().map(score).collect();
    let best = scores.iter().copied().max().unwrap_or(0);
    if best == 0 {
        return Vec::new();
    }
    (0..known.len()).filter(|&i| scores[i] == best).collect()
}

/// Which circular a reply answers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Assignment {
    One(usize),
    /// Its number and drafts match no circular of the run.
    None,
    /// Its number and its drafts point to different circulars, or its drafts to two equally.
    Several(Vec<usize>),
}

/// The circular `r` answers, from the number it names and the drafts it names.
pub fn assign(known: &[Known], r: &Reply) -> Assignment {
    let by_number = r.circular.as_ref().and_then(|c| {
        known
            .iter()
            .position(|k| k.circular.as_ref().is_some_and(|kc| kc.number == c.number))
    });
    let names: Vec<(&str, Option<&str>)> = r
        .answers
        .iter()
        .map(|a| (a.draft.as_str(), a.provisional.as_deref()))
        .collect();
    let by_drafts = best_by_drafts(known, &names);
    match (by_number, by_drafts.as_slice()) {
        (Some(n), []) => Assignment::One(n),
        (Some(n), ds) if ds.contains(&n) => Assignment::One(n),
        (Some(n), ds) => {
            Assignment::Several(std::iter::once(n).chain(ds.iter().copied()).collect())
        }
        (None, []) => Assignment::None,
        (None, [one]) => Assignment::One(*one),
        (None, ds) => Assignment::Several(ds.to_vec()),
    }
}

/// The readings of one circular (or of none), in input order.
#[derive(Debug, Default)]
pub struct Group {
    pub inputs: Vec<Input>,
    pub reads: Vec<Read>,
}

impl Group {
    fn push(&mut self, input: Input, read: Read) {
        self.inputs.push(input);
        self.reads.push(read);
    }
}

/// A reply assigned to no circular, and the circulars it could belong to.
#[derive(Debug, Clone)]
pub struct Unassigned {
    pub source: String,
    pub sha256: String,
    pub candidates: Vec<usize>,
}

/// The readings of a run sorted by circular.
#[derive(Debug)]
pub struct Grouped {
    pub known: Vec<Known>,
    /// One per circular of `known`, same order.
    pub groups: Vec<Group>,
    /// What belongs to no circular: the replies assigned to none or to several, failures, and
    /// what came in an e-mail or zip with no assigned reply.
    pub rest: Group,
    pub unassigned: Vec<Unassigned>,
}

/// Sorts the readings by circular. What came in an e-mail or a zip besides its replies goes
/// with the first reply of that container that was assigned (as a run over that circular's
/// files would attach it); failures of files read on their own belong to no circular.
pub fn group(known: Vec<Known>, inputs: Vec<Input>, reads: Vec<Read>) -> Grouped {
    let mut of: Vec<Option<usize>> = Vec::with_capacity(reads.len());
    let mut unassigned = Vec::new();
    for read in &reads {
        of.push(match read {
            Read::Reply(r) => match assign(&known, r) {
                Assignment::One(i) => Some(i),
                a => {
                    unassigned.push(Unassigned {
                        source: r.source.clone(),
                        sha256: r.sha256.clone(),
                        candidates: match a {
                            Assignment::Several(c) => c,
                            _ => Vec::new(),
                        },
                    });
                    None
                }
            },
            Read::Blank(b) => of_form(&known, b),
            _ => None,
        });
    }
    // Container → group of its first assigned reply: every `!`-prefix of a reply's source
    // names a container it came in (one pass, not one scan per attachment).
    let mut of_container: HashMap<&str, usize> = HashMap::new();
    for (read, g) in reads.iter().zip(&of) {
        if let (Read::Reply(r), Some(g)) = (read, g) {
            for (i, _) in r.source.match_indices('!') {
                of_container.entry(&r.source[..i]).or_insert(*g);
            }
        }
    }
    let container_group = |input: &Input| -> Option<usize> {
        let c = &input.container.as_ref()?.source;
        of_container.get(c.as_str()).copied()
    };
    let targets: Vec<Option<usize>> = inputs
        .iter()
        .zip(&reads)
        .zip(&of)
        .map(|((input, read), g)| match read {
            Read::Reply(_) | Read::Blank(_) => *g,
            _ => container_group(input),
        })
        .collect();
    let mut groups: Vec<Group> = known.iter().map(|_| Group::default()).collect();
    let mut rest = Group::default();
    for ((input, read), g) in inputs.into_iter().zip(reads).zip(targets) {
        match g {
            Some(i) => groups[i].push(input, read),
            None => rest.push(input, read),
        }
    }
    Grouped {
        known,
        groups,
        rest,
        unassigned,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form(source: &str, number: Option<&str>, drafts: &[&str]) -> BlankForm {
        BlankForm {
            source: source.into(),
            language: "en".into(),
            wording: Vec::new(),
            drafts: drafts
                .iter()
                .map(|d| DraftName {
                    draft: d.to_string(),
                    provisional: None,
                })
                .collect(),
            circular: number.map(|n| Circular {
                number: n.into(),
                date: None,
            }),
        }
    }

    fn reply(number: Option<&str>, drafts: &[&str]) -> Reply {
        Reply {
            circular: number.map(|n| Circular {
                number: n.into(),
                date: None,
            }),
            answers: drafts
                .iter()
                .map(|d| crate::record::Answer::authorized(d, crate::record::Evidence::Text))
                .collect(),
            ..Reply::default()
        }
    }

    #[test]
    fn forms_of_one_number_are_one_circular() {
        let forms = [
            form("a/en.docx", Some("77"), &["Q.1", "Q.2"]),
            form("a/zh.docx", Some("77"), &["Q.1", "Q.3"]),
            form("b/x.docx", Some("205"), &["E.1"]),
            form("c/Blank form.docx", None, &["Q.2"]),
            form("d/other.docx", None, &["Z.9"]),
        ];
        let k = known(forms.iter());
        let folders: Vec<&str> = k.iter().map(|k| k.folder.as_str()).collect();
        assert_eq!(
            folders,
            ["TSB-Circular-77", "TSB-Circular-205", "form-other"]
        );
        assert_eq!(k[0].drafts.len(), 3);
    }

    #[test]
    fn without_forms_two_numbers_named_are_two_circulars() {
        let one = [reply(Some("77"), &["Q.1"]), reply(None, &["Q.2"])];
        assert!(named_by_replies(one.iter()).is_empty());
        let two = [
            reply(Some("77"), &["Q.1"]),
            reply(Some("205"), &["E.1"]),
            reply(Some("77"), &["Q.2"]),
        ];
        let k = named_by_replies(two.iter());
        assert_eq!(k.len(), 2);
        assert_eq!(k[0].folder, "TSB-Circular-77");
        assert_eq!(k[0].drafts.len(), 2);
        assert_eq!(assign(&k, &reply(None, &["E.1"])), Assignment::One(1));
    }

    #[test]
    fn replies_are_assigned_by_number_and_drafts() {
        let forms = [
            form("a.docx", Some("77"), &["Q.1", "Q.2"]),
            form("b.docx", Some("205"), &["E.1", "E.2"]),
        ];
        let k = known(forms.iter());
        assert_eq!(assign(&k, &reply(Some("77"), &["Q.1"])), Assignment::One(0));
        assert_eq!(
            assign(&k, &reply(Some("205"), &["X.9"])),
            Assignment::One(1)
        );
        assert_eq!(assign(&k, &reply(None, &["E.2"])), Assignment::One(1));
        assert_eq!(
            assign(&k, &reply(Some("999"), &["E.2"])),
            Assignment::One(1)
        );
        assert_eq!(
            assign(&k, &reply(Some("77"), &["E.1", "E.2"])),
            Assignment::Several(vec![0, 1])
        );
        assert_eq!(
            assign(&k, &reply(None, &["E.1", "Q.1"])),
            Assignment::Several(vec![0, 1])
        );
        assert_eq!(assign(&k, &reply(None, &["X.9"])), Assignment::None);
        assert_eq!(assign(&k, &reply(Some("5"), &[])), Assignment::None);
    }
}
