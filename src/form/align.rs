//! Aligning a reply with the blank form: the reply's answers put in the form's order, a draft
//! the reply leaves out counted as no reply, a misnumbered draft matched where only one reading
//! is possible, and every such choice said in a warning; and the form's own wording, wherever
//! it ended up in a reply's text, taken out of it (form text is never the person's).

use crate::form::drafts::DraftName;
use crate::record::{Answer, Decision, Evidence, Reply};
use crate::warning::{Warning, WarningKind};

/// Puts a reply's answers in the blank form's order: a draft the reply does not answer is
/// `no_reply`; a draft the form does not list is kept, with a warning. A reply that misnames a
/// draft (`X.1335` for `X.1353`) is matched to it when that is the only possible reading, and
/// always warned about.
pub fn align_to_form(r: &mut Reply, expected: &[DraftName]) {
    let mut answers = std::mem::take(&mut r.answers);
    let mut slots: Vec<Option<Answer>> = expected
        .iter()
        .map(|e| {
            let i = answers
                .iter()
                .position(|a| e.names(&a.draft, a.provisional.as_deref()))?;
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
                r.warnings.push(Warning::on_draft(
                    WarningKind::DraftMisnamed,
                    &expected[*i].draft,
                    format!(
                        "{}: the reply names {} — not on the blank form; read as {} (check the number)",
                        expected[*i].draft, a.draft, expected[*i].draft
                    ),
                ));
                slots[*i] = Some(a);
            }
            _ => {
                r.warnings.push(Warning::on_draft(
                    WarningKind::DraftNotOnForm,
                    &a.draft,
                    format!(
                        "{}: this draft is not on the blank form; check its number (left out of the tally)",
                        a.draft
                    ),
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
                    r.warnings.push(Warning::on_draft(
                        WarningKind::DraftRenumbered,
                        &e.draft,
                        format!(
                            "{}: the reply prints {} for this draft ({}); read as {} (check the number)",
                            e.draft,
                            a.draft,
                            e.provisional.as_deref().or(a.provisional.as_deref()).unwrap_or("same provisional name"),
                            e.draft
                        ),
                    ));
                }
                r.excerpts.rename(&a.draft, &e.draft);
                a.draft = e.draft.clone();
                a.provisional = e.provisional.clone().or(a.provisional);
                out.push(a);
            }
            None => {
                r.warnings.push(Warning::on_draft(
                    WarningKind::DraftMissing,
                    &e.draft,
                    format!("{}: not found on this reply; counted as no reply", e.draft),
                ));
                out.push(Answer {
                    draft: e.draft.clone(),
                    provisional: e.provisional.clone(),
                    decision: Decision::NoReply,
                    comments: None,
                    text: String::new(),
                    evidence: Evidence::None,
                    scan: None,
                });
            }
        }
    }
    out.extend(extra);
    r.answers = out;
}

/// Without a blank form, the form's drafts are those most replies answer: each draft that
/// more than half of the replies name (of three or more that name any), in order of first
/// appearance. A draft only a few replies name is not the form's, but is not dropped either.
pub fn drafts_most_replies_name(replies: &[Reply]) -> Vec<DraftName> {
    let answering: Vec<&Reply> = replies.iter().filter(|r| !r.answers.is_empty()).collect();
    if answering.len() < 3 {
        return Vec::new();
    }
    let mut counted: Vec<(DraftName, usize)> = Vec::new();
    for r in &answering {
        for a in &r.answers {
            match counted
                .iter_mut()
                .find(|(d, _)| d.names(&a.draft, a.provisional.as_deref()))
            {
                Some((d, n)) => {
                    *n += 1;
                    if d.provisional.is_none() {
                        d.provisional.clone_from(&a.provisional);
                    }
                }
                None => counted.push((
                    DraftName {
                        draft: a.draft.clone(),
                        provisional: a.provisional.clone(),
                    },
                    1,
                )),
            }
        }
    }
    counted
        .into_iter()
        .filter(|(_, n)| 2 * n > answering.len())
        .map(|(d, _)| d)
        .collect()
}

/// A draft of the inferred form (`drafts`, [`drafts_most_replies_name`]) that the reply does
/// not answer is `no_reply`, said in a warning: its table may have been deleted, or read
/// under another name. The reply's other answers stay as they are.
pub fn answer_every_draft(r: &mut Reply, drafts: &[DraftName]) {
    if r.answers.is_empty() {
        return;
    }
    for d in drafts {
        if r.answers
            .iter()
            .any(|a| d.names(&a.draft, a.provisional.as_deref()))
        {
            continue;
        }
        r.warnings.push(Warning::on_draft(
            WarningKind::DraftMissing,
            &d.draft,
            format!(
                "{}: not found on this reply, though most replies answer it; counted as no reply",
                d.draft
            ),
        ));
        r.answers.push(Answer {
            draft: d.draft.clone(),
            provisional: d.provisional.clone(),
            decision: Decision::NoReply,
            comments: None,
            text: String::new(),
            evidence: Evidence::None,
            scan: None,
        });
    }
}

/// Two draft numbers one typing slip apart: same series, digits differing by one substitution,
/// insertion, deletion or swap of neighbours (`X.1353` / `X.1335`).
pub fn looks_alike(a: &str, b: &str) -> bool {
    a.chars().next() == b.chars().next() && a != b && strsim::osa_distance(a, b) == 1
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::record::Sender;

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
                .map(|d| Answer::authorized(d, Evidence::Glyph))
                .collect(),
            ..Reply::default()
        }
    }

    /// A warning of `kind` about `draft`, whose message names every one of `words`.
    fn warned(r: &Reply, kind: WarningKind, draft: &str, words: &[&str]) -> bool {
        r.warnings.iter().any(|w| {
            w.kind == kind && w.concerns(draft) && words.iter().all(|x| w.text.contains(x))
        })
    }

    fn form(drafts: &[&str]) -> Vec<DraftName> {
        drafts
            .iter()
            .map(|d| DraftName {
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
        assert!(warned(&r, WarningKind::DraftMissing, "X.1380", &[]));
    }

    #[test]
    fn misnamed_draft_is_matched_and_warned() {
        let mut r = reply(&["X.1335", "X.1380"]);
        align_to_form(&mut r, &form(&["X.1353", "X.1380"]));
        assert_eq!(r.answers[0].draft, "X.1353");
        assert_eq!(r.answers[0].decision, Decision::Authorize);
        assert!(warned(
            &r,
            WarningKind::DraftMisnamed,
            "X.1353",
            &["X.1335"]
        ));
    }

    #[test]
    fn unknown_draft_is_kept_out_of_the_form_with_a_warning() {
        let mut r = reply(&["X.1353", "Y.9999"]);
        align_to_form(&mut r, &form(&["X.1353"]));
        assert_eq!(r.answers.len(), 2);
        assert!(warned(&r, WarningKind::DraftNotOnForm, "Y.9999", &[]));
    }

    #[test]
    fn typing_slips() {
        assert!(looks_alike("X.1353", "X.1335"));
        assert!(looks_alike("X.1353", "X.1354"));
        assert!(!looks_alike("X.1353", "X.1380"));
        assert!(!looks_alike("X.1353", "Y.1353"));
    }

    #[test]
    fn without_a_form_a_draft_most_replies_answer_is_missing_where_left_out() {
        let mut replies = vec![
            reply(&["X.1", "X.2", "X.3"]),
            reply(&["X.1", "X.2", "X.3"]),
            reply(&["X.1", "X.3"]),
            reply(&["X.1", "X.2", "X.9"]),
        ];
        let inferred = drafts_most_replies_name(&replies);
        let names: Vec<&str> = inferred.iter().map(|d| d.draft.as_str()).collect();
        assert_eq!(names, ["X.1", "X.2", "X.3"], "X.9 is one reply's only");
        for r in &mut replies {
            answer_every_draft(r, &inferred);
        }
        let third: Vec<(&str, Decision)> = replies[2]
            .answers
            .iter()
            .map(|a| (a.draft.as_str(), a.decision))
            .collect();
        assert_eq!(
            third,
            [
                ("X.1", Decision::Authorize),
                ("X.3", Decision::Authorize),
                ("X.2", Decision::NoReply)
            ]
        );
        assert!(warned(&replies[2], WarningKind::DraftMissing, "X.2", &[]));
        assert_eq!(replies[3].answers.len(), 4, "X.9 kept, X.3 added");
        assert!(replies[0].warnings.is_empty());
    }
}

/// The blank form's wording, line by line (folded), for [`strip_form_text`]: lines of a few
/// words or more, since a short line ("Y.3060", "Date:") may as well be the person's.
pub fn form_text(lines: &[crate::form::layout::Line]) -> Vec<String> {
    let mut out: Vec<String> = lines
        .iter()
        .map(|l| crate::fold::fold(l.text.trim()))
        .filter(|t| is_wording(t))
        .collect();
    out.sort();
    out.dedup();
    out
}

/// Long enough to be the form's wording rather than a word a person could write too.
fn is_wording(folded: &str) -> bool {
    let cjk = folded
        .chars()
        .filter(|&c| crate::form::text::is_han(c))
        .count();
    folded.split_whitespace().count() >= 4 || cjk >= 8
}

/// Takes out of every answer's text the paragraphs that are the blank form's wording
/// (`form_text`, sorted): a label that wrapped or was split and ended up read as text.
pub fn strip_form_text(r: &mut Reply, form_text: &[String]) {
    if form_text.is_empty() {
        return;
    }
    for a in &mut r.answers {
        if a.text.is_empty() {
            continue;
        }
        let kept: Vec<&str> = a
            .text
            .split('\n')
            .filter(|p| {
                let f = crate::fold::fold(p.trim());
                !(is_wording(&f) && form_text.binary_search(&f).is_ok())
            })
            .collect();
        if kept.len() < a.text.split('\n').count() {
            a.text = kept.join("\n");
        }
    }
}

#[cfg(test)]
mod wording_tests {
    use super::*;
    use crate::record::Answer;

    #[test]
    fn the_forms_wording_is_taken_out_of_a_text_and_the_persons_kept() {
        let wording = vec![crate::fold::fold(
            "Comments and proposed changes attached to this reply",
        )];
        let mut r = Reply::default();
        r.answers.push(Answer {
            text: "Comments and proposed changes attached to this reply\nClause 8 is not stable."
                .into(),
            draft: "Y.4605".into(),
            provisional: None,
            decision: crate::record::Decision::NotAuthorize,
            comments: None,
            evidence: crate::record::Evidence::ContentControl,
            scan: None,
        });
        strip_form_text(&mut r, &wording);
        assert_eq!(r.answers[0].text, "Clause 8 is not stable.");
    }
}
