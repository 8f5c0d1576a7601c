//! Deciding a draft from its four lines as read: which box is marked (or, when none is, what a
//! sentence, emphasis or a deleted line shows), the decision and option that follow, what the
//! reading needs a person to look at, and the reasons or comments that go with it.

use super::labels::LineKind;
use super::{DraftReading, LineState, Verdict};
use crate::docx::model::Mechanism;
use crate::form::lang::compiled;
use crate::form::text::fold;
use crate::record::{Comments, Decision, Evidence};
use crate::warning::{Warning, WarningKind};

/// Which of the four lines are read as chosen.
#[derive(Debug, Clone, Copy, Default)]
struct Choice {
    authorize: bool,
    not_authorize: bool,
    no_comments: bool,
    with_comments: bool,
    /// One decision box is marked and the other line is highlighted, or the person's own
    /// words say the other: the edits disagree.
    contradicted: bool,
}

impl Choice {
    fn any(self) -> bool {
        self.authorize || self.not_authorize || self.no_comments || self.with_comments
    }

    fn comments(self) -> Comments {
        match (self.no_comments, self.with_comments) {
            (true, false) => Comments::NoComments,
            (false, true) => Comments::WithComments,
            _ => Comments::Unspecified,
        }
    }
}

/// A choice read from something other than a marked box.
struct Inferred {
    choice: Choice,
    evidence: Evidence,
    warning: Option<(WarningKind, String)>,
}

type Attr = fn(&LineState) -> bool;

/// The kinds of emphasis that can stand for a mark, in the order they are believed.
const EMPHASIS: [Attr; 4] = [
    |s| s.highlighted,
    |s| s.bold,
    |s| s.underline,
    |s| s.coloured,
];

/// When no box is marked: a sentence written by the person, a line emphasised while the other
/// is not, or the line not chosen deleted.
fn infer_unmarked(d: &DraftReading) -> Option<Inferred> {
    let (au, na) = (&d.authorize, &d.not_authorize);
    let pick = |auth: bool,
                evidence: Evidence,
                warning: Option<(WarningKind, String)>,
                opt: &dyn Fn(&LineState) -> bool| {
        let choice = Choice {
            authorize: auth,
            not_authorize: !auth,
            no_comments: auth && opt(&d.no_comments) && !opt(&d.with_comments),
            with_comments: auth && opt(&d.with_comments) && !opt(&d.no_comments),
            contradicted: false,
        };
        Inferred {
            choice,
            evidence,
            warning,
        }
    };
    let chosen = |auth: bool| {
        if auth {
            "authorizes"
        } else {
            "does not authorize"
        }
    };
    if au.sentence != na.sentence {
        // The person's words say one line, their emphasis the other: two edits that disagree.
        let (said, other) = if au.sentence { (au, na) } else { (na, au) };
        if au.present && na.present && EMPHASIS.iter().any(|a| a(other) && !a(said)) {
            // The conflict's warning is the verdict's.
            let mut i = pick(au.sentence, Evidence::Text, None, &|_| false);
            (
                i.choice.authorize,
                i.choice.not_authorize,
                i.choice.contradicted,
            ) = (true, true, true);
            return Some(i);
        }
        return Some(pick(au.sentence, Evidence::Text, None, &|s| s.sentence));
    }
    // A line struck through (often in red as well) or deleted is removed: that edit, not the
    // colour that comes with it, says which line is left.
    if au.kept() != na.kept() {
        let w = format!(
            "no box is marked; only the '{}' line is left as printed (the other was {})",
            chosen(au.kept()),
            removal(if au.kept() { na } else { au })
        );
        let opt_deleted =
            |s: &LineState| s.kept() && !(d.no_comments.kept() && d.with_comments.kept());
        return Some(pick(
            au.kept(),
            Evidence::Deletion,
            Some((WarningKind::DecisionFromDeletion, w)),
            &opt_deleted,
        ));
    }
    if au.present && na.present {
        let hows = ["highlighted", "in bold", "underlined", "in colour"];
        if let Some((attr, how)) = EMPHASIS.into_iter().zip(hows).find(|(a, _)| a(au) != a(na)) {
            let w = format!(
                "no box is marked; read '{}' from its line being {how} while the other is not",
                chosen(attr(au))
            );
            return Some(pick(
                attr(au),
                Evidence::Highlight,
                Some((WarningKind::DecisionFromEmphasis, w)),
                &|s| attr(s),
            ));
        }
    }
    // Both decision lines emphasised the same way while a line of the draft is not: both
    // were chosen (not the template's formatting, which would be on every line).
    if let Some(how) = both_emphasised(d) {
        let w =
            format!("no box is marked; both decision lines are {how} while another line is not");
        return Some(Inferred {
            choice: Choice {
                authorize: true,
                not_authorize: true,
                ..Choice::default()
            },
            evidence: Evidence::Highlight,
            warning: Some((WarningKind::DecisionFromEmphasis, w)),
        });
    }
    // Only an option emphasised: it can only be an option of *authorizes*.
    let (no, with, how) = infer_option(d).filter(|(no, with, _)| no != with)?;
    let how = how?;
    Some(Inferred {
        choice: Choice {
            authorize: true,
            not_authorize: false,
            no_comments: no,
            with_comments: with,
            contradicted: false,
        },
        evidence: if how.deleted {
            Evidence::Deletion
        } else {
            Evidence::Highlight
        },
        warning: Some((
            if how.deleted {
                WarningKind::DecisionFromDeletion
            } else {
                WarningKind::DecisionFromEmphasis
            },
            format!(
                "no box is marked; an option is shown by {} but not the 'authorizes' line; read as authorizes",
                how.how
            ),
        )),
    })
}

/// The emphasis both decision lines carry and some other present line of the draft does not.
fn both_emphasised(d: &DraftReading) -> Option<&'static str> {
    let (au, na) = (&d.authorize, &d.not_authorize);
    if !(au.present && na.present) {
        return None;
    }
    let others = [&d.no_comments, &d.with_comments];
    let hows = ["highlighted", "in bold", "underlined", "in colour"];
    EMPHASIS
        .into_iter()
        .zip(hows)
        .find(|(a, _)| a(au) && a(na) && others.iter().any(|o| o.present && !a(o)))
        .map(|(_, how)| how)
}

/// How a line not chosen was removed, in words.
fn removal(s: &LineState) -> &'static str {
    if s.present {
        "struck through"
    } else {
        "deleted"
    }
}

/// How an option was shown when its box is not marked: in words for the warning, and whether
/// by deleting the other option's line.
#[derive(Debug, Clone, Copy)]
struct Shown {
    how: &'static str,
    deleted: bool,
}

/// The option under *authorizes* when neither option box is marked: a sentence, one option
/// emphasised and not the other, or one option line deleted. Returns (no comments, with
/// comments, how it was read — for a warning).
fn infer_option(d: &DraftReading) -> Option<(bool, bool, Option<Shown>)> {
    let (no, with) = (&d.no_comments, &d.with_comments);
    if no.sentence != with.sentence {
        return Some((no.sentence, with.sentence, None));
    }
    if no.kept() != with.kept() && d.authorize.kept() {
        let how = if no.struck || with.struck {
            "the other option line being struck through"
        } else {
            "the other option line being deleted"
        };
        return Some((no.kept(), with.kept(), Some(Shown { how, deleted: true })));
    }
    if no.present && with.present {
        let hows = ["highlighting", "bold type", "underlining", "colour"];
        let (attr, how) = EMPHASIS
            .into_iter()
            .zip(hows)
            .find(|(a, _)| a(no) != a(with))?;
        let shown = Shown {
            how,
            deleted: false,
        };
        return Some((attr(no), attr(with), Some(shown)));
    }
    None
}

/// Decides each draft from its lines and gathers its text.
pub fn decide(d: &mut DraftReading) {
    let name = if d.name.draft.is_empty() {
        "the draft".to_string()
    } else {
        d.name.draft.clone()
    };
    super::replaced_marks(d);
    super::crosses_beside_ticks(d);
    let (choice, inferred) = choose(d, &name);
    line_warnings(d, &name);
    let ev_of = |state: &LineState| inferred.unwrap_or_else(|| state.evidence());
    let (v, warning) = verdict(d, choice, &ev_of);
    if let Some((kind, w)) = warning {
        warn(d, kind, &name, &w);
    }
    d.verdict = v;
    refused_in_text(d, &name);
    stray_marks(d, &name);
    gather_text(d, &name);
}

/// A mark on none of the draft's lines (on its name, between two lines that have their own
/// boxes): with no line marked it is the answer, but which one only the page shows (a
/// conflict, for a person); beside a marked line it may say the other, so a person looks.
fn stray_marks(d: &mut DraftReading, name: &str) {
    let Some(first) = d.stray_marks.first().cloned() else {
        return;
    };
    if d.verdict.decision == Decision::NoReply {
        d.verdict.decision = Decision::Conflict;
        d.verdict.comments = None;
        d.verdict.why = format!("a mark on none of the draft's lines ({first})");
        d.warnings.retain(|w| w.kind != WarningKind::NoDecision);
        let w = format!(
            "a mark stands on none of the draft's lines ({first}): which line it marks only the page shows; decide by hand"
        );
        warn(d, WarningKind::Conflict, name, &w);
    } else {
        let w = format!(
            "besides the line read, a mark stands on none of the draft's lines ({first}); check that it marks the same line"
        );
        warn(d, WarningKind::UnreadableMark, name, &w);
    }
}

/// *Authorizes, no comments* marked while the text written for the draft refuses it ("We
/// cannot support this draft…", in a Word comment or the reasons cell): two edits that
/// disagree, for a person to decide.
fn refused_in_text(d: &mut DraftReading, name: &str) {
    static RE: std::sync::OnceLock<regex::Regex> = std::sync::OnceLock::new();
    let re = RE.get_or_init(|| regex::Regex::new(crate::form::lang::REFUSAL).expect("static"));
    if d.verdict.decision != Decision::Authorize || d.verdict.comments != Some(Comments::NoComments)
    {
        return;
    }
    let Some(t) = d.texts.all().find(|t| re.is_match(&fold(t))) else {
        return;
    };
    let w = format!(
        "'authorizes, no comments' is marked, but the text written for it refuses the draft (\"{}\"): they disagree (conflict)",
        truncate(t, 80)
    );
    d.verdict.decision = Decision::Conflict;
    d.verdict.comments = None;
    d.verdict.why = "the box and the text written for the draft disagree".into();
    warn(d, WarningKind::Conflict, name, &w);
}

/// Adds a warning on the draft, its message opening with the draft's name (`name`).
fn warn(d: &mut DraftReading, kind: WarningKind, name: &str, what: &str) {
    let w = Warning::on_draft(kind, &d.name.draft, format!("{name}: {what}"));
    d.warnings.push(w);
}

/// Which lines are chosen, and the evidence when the choice was inferred rather than marked.
fn choose(d: &mut DraftReading, name: &str) -> (Choice, Option<Evidence>) {
    let option = d.no_comments.checked() || d.with_comments.checked();
    let mut c = Choice {
        authorize: d.authorize.checked() || (d.authorize.implied && option),
        not_authorize: d.not_authorize.checked(),
        no_comments: d.no_comments.checked(),
        with_comments: d.with_comments.checked(),
        contradicted: false,
    };
    // A box marked on one decision line and the other line highlighted: the person made two
    // edits that say opposite things, and neither may silently win.
    if c.authorize != c.not_authorize && (highlighted_other(d, c.authorize) || said_other(d, c)) {
        (c.authorize, c.not_authorize, c.contradicted) = (true, true, true);
    }
    // No box marked: the choice may be shown another way (a sentence, emphasis, deletion).
    let mut inferred: Option<Evidence> = None;
    if !c.any() {
        if let Some(i) = infer_unmarked(d) {
            c = i.choice;
            inferred = Some(i.evidence);
            if let Some((kind, w)) = i.warning {
                warn(d, kind, name, &w);
            }
        }
    }
    // Nothing on the lines at all: the only answer may be words written for the draft (a
    // Word comment on its name).
    if !c.any() {
        if let Some((choice, words)) = decision_in_words(d) {
            c = choice;
            inferred = Some(Evidence::Text);
            let w = format!(
                "no box is marked; the decision was read from words written for the draft: \"{}\"",
                truncate(&words, 80)
            );
            warn(d, WarningKind::DecisionFromWords, name, &w);
        }
    }
    // Authorizes with no option box marked: the option may be shown the same other ways.
    if c.authorize && !c.not_authorize && !c.no_comments && !c.with_comments {
        if let Some((o_no, o_with, how)) = infer_option(d) {
            (c.no_comments, c.with_comments) = (o_no, o_with);
            if let Some(how) = how {
                let kind = if how.deleted {
                    WarningKind::OptionFromDeletion
                } else {
                    WarningKind::OptionFromEmphasis
                };
                let w = format!("no option box is marked; read the option from {}", how.how);
                warn(d, kind, name, &w);
            }
        }
    }
    // A form without the two options (a matrix with a comments column): comments written for
    // an authorizing draft make it "with comments". With the options on the form but the
    // decision said in words and neither option marked, the comments say so too, less surely.
    let no_options = !d.no_comments.present && !d.with_comments.present;
    let in_words = no_options || d.authorize.sentence;
    if c.authorize && !c.not_authorize && !c.no_comments && !c.with_comments && in_words {
        let written = d.texts.all().any(|t| !strip_prefix(t).trim().is_empty());
        if written {
            c.with_comments = true;
            if !no_options {
                let w = "no option is marked; read 'comments attached' from the comments written for the draft";
                warn(d, WarningKind::OptionFromText, name, w);
            }
        }
    }
    (c, inferred)
}

/// A sentence of the person's that gives the decision ("Botswana authorizes this draft as
/// well, no comments."), among the texts written for the draft: the choice it states, with
/// the option when it names one.
fn decision_in_words(d: &DraftReading) -> Option<(Choice, String)> {
    d.texts.all().find_map(|t| {
        let label = super::labels::classify(t).filter(|l| l.sentence)?;
        let authorize = match label.kind {
            LineKind::Authorize => true,
            LineKind::NotAuthorize => false,
            _ => return None,
        };
        // "No comments" first: its words may hold the other option's ("proposed changes").
        let (no, with) = super::labels::options_in_sentence(label, t);
        let choice = Choice {
            authorize,
            not_authorize: !authorize,
            no_comments: authorize && no,
            with_comments: authorize && with && !no,
            contradicted: false,
        };
        Some((choice, t.clone()))
    })
}

/// A box decides one way and the person's own words in the draft's rows ("We cannot support
/// this draft…") the other.
fn said_other(d: &DraftReading, c: Choice) -> bool {
    let marked = |s: &LineState| s.checked() && !s.sentence;
    if c.authorize {
        d.not_authorize.sentence && !d.authorize.sentence && marked(&d.authorize)
    } else {
        d.authorize.sentence && !d.not_authorize.sentence && marked(&d.not_authorize)
    }
}

/// The decision line not marked is highlighted, and the marked one is not.
fn highlighted_other(d: &DraftReading, authorize_marked: bool) -> bool {
    let (chosen, other) = if authorize_marked {
        (&d.authorize, &d.not_authorize)
    } else {
        (&d.not_authorize, &d.authorize)
    };
    chosen.present && other.present && other.highlighted && !chosen.highlighted
}

/// A mark whose state cannot be read, or several marks on one line.
fn line_warnings(d: &mut DraftReading, name: &str) {
    let mut warnings = Vec::new();
    for (state, what) in [
        (&d.authorize, "authorizes"),
        (&d.not_authorize, "does not authorize"),
        (&d.no_comments, "no comments"),
        (&d.with_comments, "comments attached"),
    ] {
        if state.unknown() {
            let w = format!(
                "the state of the mark on the '{what}' line cannot be read; check it by hand"
            );
            warnings.push((WarningKind::UnreadableMark, w));
        }
        let checked_marks = state.counted().filter(|c| c.checked == Some(true)).count()
            + usize::from(state.typed.is_some_and(|t| t.0));
        if checked_marks > 1 {
            let w = format!("the '{what}' line has {checked_marks} marks");
            warnings.push((WarningKind::SeveralMarks, w));
        }
        if let Some(c) = state
            .counted()
            .find(|c| c.mechanism == Mechanism::Drawing && c.checked == Some(true))
        {
            let w = format!(
                "the '{what}' line is read as marked by a {} put on it, not by its box",
                c.detail
            );
            warnings.push((WarningKind::MarkFromDrawing, w));
        }
    }
    for (kind, w) in warnings {
        warn(d, kind, name, &w);
    }
}

/// What the chosen lines decide (the text is gathered after), and what needs a look.
fn verdict(
    d: &DraftReading,
    c: Choice,
    ev_of: &dyn Fn(&LineState) -> Evidence,
) -> (Verdict, Option<(WarningKind, String)>) {
    let v = |decision, comments, evidence, why: String| Verdict {
        decision,
        comments,
        evidence,
        text: String::new(),
        why,
    };
    let (no, with) = (c.no_comments, c.with_comments);
    if c.authorize && c.not_authorize {
        let (why, w) = if c.contradicted {
            (
                "one decision line is marked or emphasised and the other highlighted or said in words",
                "one decision line is marked (its box or its emphasis), but the other decision line is highlighted or said in words: the two edits disagree (conflict)",
            )
        } else {
            (
                "both decision lines are marked",
                "both 'authorizes' and 'does not authorize' are marked (conflict)",
            )
        };
        return (
            v(Decision::Conflict, None, ev_of(&d.authorize), why.into()),
            Some((WarningKind::Conflict, w.to_string())),
        );
    }
    if c.authorize {
        let comments = c.comments();
        let warning = (comments == Comments::Unspecified).then(|| {
            let (kind, seen) = if no && with {
                (WarningKind::BothOptions, "both options are marked")
            } else {
                (WarningKind::NoOption, "neither option is marked")
            };
            (
                kind,
                format!("authorizes, but {seen} (comments unspecified)"),
            )
        });
        let mut ev = ev_of(&d.authorize);
        if ev == Evidence::None && d.authorize.implied {
            // A matrix: the option's box is the decision's box too.
            ev = ev_of(if with {
                &d.with_comments
            } else {
                &d.no_comments
            });
        }
        let why = format!("the 'authorizes' line is marked ({})", ev.as_str());
        return (v(Decision::Authorize, Some(comments), ev, why), warning);
    }
    if c.not_authorize {
        let warning = (no || with).then(|| {
            let w = "does not authorize, but an option under 'authorizes' is also marked";
            (WarningKind::OptionWithRefusal, w.to_string())
        });
        let ev = ev_of(&d.not_authorize);
        let why = format!("the 'does not authorize' line is marked ({})", ev.as_str());
        return (v(Decision::NotAuthorize, None, ev, why), warning);
    }
    if no || with {
        let ev = if with && !no {
            ev_of(&d.with_comments)
        } else {
            ev_of(&d.no_comments)
        };
        return (
            v(
                Decision::Authorize,
                Some(c.comments()),
                ev,
                "only an option under 'authorizes' is marked".to_string(),
            ),
            Some((
                WarningKind::OptionWithoutDecision,
                "an option is marked but the 'authorizes' box is not; read as authorizes"
                    .to_string(),
            )),
        );
    }
    let seen = match uninterpreted_edits(d) {
        Some(edits) => format!("edits found but not understood: {edits}"),
        None if d.authorize.has_mark() || d.not_authorize.has_mark() => {
            "both boxes are empty".to_string()
        }
        None => "no box was found".to_string(),
    };
    (
        v(
            Decision::NoReply,
            None,
            Evidence::None,
            format!("no decision line is marked: {seen}"),
        ),
        Some((
            WarningKind::NoDecision,
            format!("no decision is marked ({seen}); read as no reply"),
        )),
    )
}

/// Edits on a draft's lines that decided nothing (the same emphasis on both lines, both struck
/// through, a mark of unknown state): said in the no-reply warning so that a person decides.
fn uninterpreted_edits(d: &DraftReading) -> Option<String> {
    let lines = [
        ("authorizes", &d.authorize),
        ("does not authorize", &d.not_authorize),
        ("no comments", &d.no_comments),
        ("comments attached", &d.with_comments),
    ];
    let found: Vec<String> = lines
        .iter()
        .filter(|(_, s)| s.present)
        .flat_map(|(what, s)| {
            s.edits()
                .into_iter()
                .filter(|e| !e.starts_with("mark left empty"))
                .map(move |e| format!("'{what}' {e}"))
        })
        .collect();
    (!found.is_empty()).then(|| found.join(", "))
}

/// The reasons or comments the decision calls for, and what is wrong with them.
fn gather_text(d: &mut DraftReading, name: &str) {
    let parts = text_parts(d);
    let wants_text = d.verdict.decision == Decision::NotAuthorize
        || d.verdict.comments == Some(Comments::WithComments);
    if wants_text {
        d.verdict.text = parts.join("\n");
        if (d.verdict.text.is_empty() || parts.iter().all(|p| is_pointer(p)))
            && !d.texts.letter.is_empty()
        {
            d.verdict.text = d.texts.letter.join("\n");
            let w = "the text was found in the letter before the form, under a heading naming the draft";
            warn(d, WarningKind::TextFromLetter, name, w);
        } else if d.verdict.text.is_empty() {
            let what = if d.verdict.decision == Decision::NotAuthorize {
                "reasons"
            } else {
                "comments"
            };
            let w = format!("{what} are said to be attached but none were found in this file (a separate letter or attachment?)");
            warn(d, WarningKind::TextNotFound, name, &w);
        } else if compiled()
            .iter()
            .any(|c| c.separate_letter.is_match(&fold(&d.verdict.text)))
        {
            let w = "the text refers to a separate letter or attachment; read it too";
            warn(d, WarningKind::SeparateLetter, name, w);
        }
    } else if d.verdict.decision != Decision::Conflict
        && !d
            .warnings
            .iter()
            .any(|w| w.kind == WarningKind::DecisionFromWords)
    {
        // Any text the person wrote for the draft, under whichever line: none is dropped unsaid.
        let written: Vec<&str> = (d.texts.all())
            .filter(|t| !strip_prefix(t).trim().is_empty())
            .map(String::as_str)
            .collect();
        if written.is_empty() {
            return;
        }
        let w = format!(
            "text was written for this draft but the decision read needs none: \"{}\"",
            truncate(&written.join(" "), 80)
        );
        warn(d, WarningKind::TextNotNeeded, name, &w);
    }
}

/// The pieces of text written for the draft's decision, typed prefixes removed.
fn text_parts(d: &DraftReading) -> Vec<String> {
    let primary: &[String] = match (d.verdict.decision, d.verdict.comments) {
        (Decision::NotAuthorize, _) => &d.texts.not_authorize,
        (Decision::Authorize, Some(Comments::WithComments)) => &d.texts.authorize,
        _ => &[],
    };
    let mut parts: Vec<String> = primary.to_vec();
    if parts.is_empty()
        && matches!(
            d.verdict.decision,
            Decision::NotAuthorize | Decision::Authorize
        )
        && d.verdict.comments != Some(Comments::NoComments)
    {
        // Text typed under the other line still belongs to this reply.
        parts = if d.verdict.decision == Decision::NotAuthorize {
            d.texts.authorize.clone()
        } else {
            d.texts.not_authorize.clone()
        };
    }
    // "See attached." is only where the text is: once the text is found after the table, the
    // pointer is not part of it.
    if !d.texts.after.is_empty() {
        parts.retain(|p| !is_pointer(p));
    }
    parts.extend(d.texts.after.iter().cloned());
    let mut out: Vec<String> = Vec::new();
    for p in parts.iter().map(|p| strip_prefix(p)) {
        // One note referenced from the draft's row and found again after the table is one text.
        if !p.trim().is_empty() && !out.contains(&p) {
            out.push(p);
        }
    }
    out
}

/// A short line that only says where the text is ("See attached.", "Voir pièce jointe.").
fn is_pointer(text: &str) -> bool {
    let folded = fold(text);
    folded.split_whitespace().count() <= 6
        && compiled()
            .iter()
            .any(|c| c.separate_letter.is_match(&folded))
}

/// Removes a typed prefix such as "Reasons:" or "理由：".
pub fn strip_prefix(text: &str) -> String {
    let folded = fold(text);
    for c in compiled() {
        if let Some(m) = c.text_prefix.find(&folded) {
            // Count the folded prefix's non-space chars and skip as many in the original.
            let n = folded[..m.end()]
                .chars()
                .filter(|c| !c.is_whitespace())
                .count();
            let mut seen = 0;
            for (i, ch) in text.char_indices() {
                if seen >= n {
                    return text[i..].trim_start().to_string();
                }
                if !ch.is_whitespace() {
                    seen += 1;
                }
            }
            return String::new();
        }
    }
    text.to_string()
}

fn truncate(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        s.to_string()
    } else {
        format!("{}…", s.chars().take(n).collect::<String>())
    }
}
