//! `summary.md`: the tally for people. Verdicts first, then counts, the replies per Member
//! State, what to review (conflicts, warnings, failures), and the reasons given per draft.
//! Text from the replies is escaped so that it cannot break the Markdown around it.

use std::fmt::Write as _;

use super::RunInfo;
use crate::record::{Comments, Decision, Records, Reply};
use crate::tally::{left_out, same_draft, DraftRef, DraftTally, Summary};

/// Escape text for use inside a table cell or a line: Markdown specials, `|`, and newlines
/// (a cell is one line; several lines become " / ").
fn inline(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut first = true;
    for line in s.lines() {
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        if !first {
            out.push_str(" / ");
        }
        first = false;
        escape_into(&mut out, line);
    }
    out
}

fn escape_into(out: &mut String, line: &str) {
    let mut chars = line.chars().peekable();
    // Characters that only matter at the start of a line (headings, quotes, lists, rules).
    if let Some(&c) = chars.peek() {
        if matches!(c, '#' | '>' | '-' | '+' | '=' | '~') {
            out.push('\\');
        }
    }
    for c in chars {
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '|' => {
                out.push('\\');
                out.push(c);
            }
            // Table cells and list items must stay on one line.
            '\r' | '\n' | '\u{2028}' | '\u{2029}' => out.push(' '),
            _ => out.push(c),
        }
    }
}

/// A source path as code: fenced with more backticks than it contains; `|` escaped so a table
/// cell is not split (GFM honours `\|` inside code in tables).
fn code(s: &str) -> String {
    let one_line: String = s
        .chars()
        .map(|c| if c == '\n' || c == '\r' { ' ' } else { c })
        .collect();
    let mut longest = 0;
    let mut run = 0;
    for c in one_line.chars() {
        if c == '`' {
            run += 1;
            longest = longest.max(run);
        } else {
            run = 0;
        }
    }
    let fence = "`".repeat(longest + 1);
    let pad = if one_line.starts_with('`') || one_line.ends_with('`') {
        " "
    } else {
        ""
    };
    format!("{fence}{pad}{}{pad}{fence}", one_line.replace('|', "\\|"))
}

fn pct(x: f64) -> String {
    let s = format!("{x}");
    format!("{s} %")
}

fn support_cell(t: &DraftTally) -> String {
    match t.support {
        Some(s) => format!("{s:.1} %"),
        None => "—".to_string(),
    }
}

fn draft_label(draft: &str, provisional: Option<&str>) -> String {
    match provisional {
        Some(p) if !p.is_empty() && p != draft => format!("{} ({})", inline(draft), inline(p)),
        _ => inline(draft),
    }
}

fn who(r: &Reply) -> String {
    match &r.member_state {
        Some(m) => format!("{} ({})", inline(&m.name), inline(&m.iso3)),
        None => "unidentified Member State".to_string(),
    }
}

/// Why a reply is left out of the tally, if it is.
fn left_out_reason(r: &Reply) -> Option<String> {
    if r.late {
        Some(match &r.date {
            Some(d) => format!("late (dated {})", inline(d)),
            None => "late".to_string(),
        })
    } else if let Some(s) = &r.superseded_by {
        Some(format!("superseded by {}", code(s)))
    } else if r
        .member_state
        .as_ref()
        .is_none_or(|m| m.iso3.trim().is_empty())
    {
        Some("Member State unknown".to_string())
    } else {
        None
    }
}

fn short_decision(d: Decision, c: Option<Comments>) -> &'static str {
    match (d, c) {
        (Decision::Authorize, Some(Comments::WithComments)) => "A+c",
        (Decision::Authorize, _) => "A",
        (Decision::NotAuthorize, _) => "N",
        (Decision::Conflict, _) => "C",
        (Decision::NoReply, _) => "—",
    }
}

fn decision_words(d: Decision, c: Option<Comments>) -> &'static str {
    match (d, c) {
        (Decision::Authorize, Some(Comments::WithComments)) => "authorizes, with comments",
        (Decision::Authorize, _) => "authorizes",
        (Decision::NotAuthorize, _) => "does not authorize",
        (Decision::Conflict, _) => "both boxes marked (conflict)",
        (Decision::NoReply, _) => "no reply",
    }
}

/// `summary.md`.
pub fn summary_md(summary: &Summary, records: &Records, info: &RunInfo) -> Vec<u8> {
    let mut md = String::new();
    // `write!` into a String cannot fail; the results are ignored on purpose.
    let w = &mut md;

    let _ = writeln!(w, "# Reply tally\n");
    let _ = writeln!(
        w,
        "Made by replytally {} from {} input{}; form: {}; deadline: {}; threshold: {} (inclusive).\n",
        inline(&info.tool_version),
        info.inputs,
        if info.inputs == 1 { "" } else { "s" },
        info.form.as_deref().map_or("none given".to_string(), code),
        info.deadline
            .as_deref()
            .map_or("none given".to_string(), inline),
        pct(info.threshold),
    );

    // Verdicts.
    let _ = writeln!(w, "## Verdicts\n");
    if summary.drafts.is_empty() {
        let _ = writeln!(
            w,
            "No drafts: no reply form was read and no blank form was given.\n"
        );
    } else {
        let _ = writeln!(
            w,
            "| Draft | Provisional name | Authorize (with comments) | Not authorize | Conflict | No reply | Support | Verdict |"
        );
        let _ = writeln!(w, "| --- | --- | ---: | ---: | ---: | ---: | ---: | --- |");
        for t in &summary.drafts {
            let verdict = t.verdict().as_str();
            let verdict = if t.needs_review() {
                format!("**{verdict}**")
            } else {
                verdict.to_string()
            };
            let _ = writeln!(
                w,
                "| {} | {} | {} ({}) | {} | {} | {} | {} | {} |",
                inline(&t.draft),
                t.provisional.as_deref().map_or(String::new(), inline),
                t.authorize,
                t.with_comments,
                t.not_authorize,
                t.conflict,
                t.no_reply,
                support_cell(t),
                verdict,
            );
        }
        let _ = writeln!(
            w,
            "\nSupport = authorize ÷ (authorize + not authorize), over Member States. A draft may \
             proceed when support is at least {} or when no Member State answered for it \
             (Resolution 1, §9.4.5). *Undecided*: the open conflicts could change the verdict; \
             resolve them (see *To review*).\n",
            pct(summary.threshold)
        );
    }

    // Counts.
    let out = left_out(&records.replies);
    let _ = writeln!(w, "## Counts\n");
    let _ = writeln!(
        w,
        "- Member States counted: {}",
        summary.member_states_replied
    );
    let _ = writeln!(w, "- Replies read: {}", records.replies.len());
    let _ = writeln!(
        w,
        "- Replies left out: {} late, {} superseded, {} unidentified",
        out.late, out.superseded, out.unidentified
    );
    let _ = writeln!(w, "- Inputs that failed: {}\n", records.failures.len());
    let left: Vec<(&Reply, String)> = records
        .replies
        .iter()
        .filter_map(|r| left_out_reason(r).map(|why| (r, why)))
        .collect();
    if !left.is_empty() {
        let _ = writeln!(w, "Left out of the tally:\n");
        for (r, why) in &left {
            let _ = writeln!(w, "- {} — {}: {}", code(&r.source), who(r), why);
        }
        let _ = writeln!(w);
    }

    // Replies per Member State, in the order of the verdicts table.
    let drafts: Vec<DraftRef> = summary
        .drafts
        .iter()
        .map(|t| DraftRef {
            draft: t.draft.clone(),
            provisional: t.provisional.clone(),
        })
        .collect();
    if !records.replies.is_empty() && !drafts.is_empty() {
        let _ = writeln!(w, "## Replies\n");
        let _ = write!(w, "| Member State | Date | Source |");
        for d in &drafts {
            let _ = write!(w, " {} |", inline(&d.draft));
        }
        let _ = write!(w, "\n| --- | --- | --- |");
        for _ in &drafts {
            let _ = write!(w, " :---: |");
        }
        let _ = writeln!(w);
        for r in &records.replies {
            let mut state = who(r);
            if left_out_reason(r).is_some() {
                state.push_str(" *(left out)*");
            }
            let _ = write!(
                w,
                "| {} | {} | {} |",
                state,
                r.date.as_deref().map_or(String::new(), inline),
                code(&r.source)
            );
            for d in &drafts {
                let cell = r
                    .answers
                    .iter()
                    .find(|a| same_draft(a, d))
                    .map_or("—", |a| short_decision(a.decision, a.comments));
                let _ = write!(w, " {cell} |");
            }
            let _ = writeln!(w);
        }
        let _ = writeln!(
            w,
            "\nA = authorizes, A+c = authorizes with comments, N = does not authorize, \
             C = conflict (both boxes marked), — = no reply.\n"
        );
    }

    // To review.
    let _ = writeln!(w, "## To review\n");
    let mut nothing = true;
    let conflicts: Vec<(&Reply, &str)> = records
        .replies
        .iter()
        .flat_map(|r| {
            r.answers
                .iter()
                .filter(|a| a.decision == Decision::Conflict)
                .map(move |a| (r, a.draft.as_str()))
        })
        .collect();
    if !conflicts.is_empty() {
        nothing = false;
        let _ = writeln!(w, "### Conflicts (both boxes marked)\n");
        for (r, draft) in conflicts {
            let _ = writeln!(w, "- {}: {} — {}", inline(draft), who(r), code(&r.source));
        }
        let _ = writeln!(w);
    }
    let warned: Vec<&Reply> = records
        .replies
        .iter()
        .filter(|r| !r.warnings.is_empty())
        .collect();
    if !warned.is_empty() {
        nothing = false;
        let _ = writeln!(w, "### Warnings\n");
        for r in warned {
            for msg in &r.warnings {
                let _ = writeln!(w, "- {} ({}): {}", code(&r.source), who(r), inline(msg));
            }
        }
        let _ = writeln!(w);
    }
    if !records.failures.is_empty() {
        nothing = false;
        let _ = writeln!(w, "### Failures\n");
        for f in &records.failures {
            let _ = writeln!(
                w,
                "- {} — {}: {}",
                code(&f.source),
                f.kind.as_str(),
                inline(&f.message)
            );
        }
        let _ = writeln!(w);
    }
    if nothing {
        let _ = writeln!(w, "Nothing to review.\n");
    }

    // Reasons given.
    let _ = writeln!(w, "## Reasons and comments given\n");
    let mut any = false;
    // Drafts of the table first, then any draft only named by replies (not on the form).
    let mut sections = drafts.clone();
    for r in &records.replies {
        for a in &r.answers {
            if !a.text.trim().is_empty() && !sections.iter().any(|d| same_draft(a, d)) {
                sections.push(DraftRef {
                    draft: a.draft.clone(),
                    provisional: a.provisional.clone(),
                });
            }
        }
    }
    for d in &sections {
        let given: Vec<(&Reply, &crate::record::Answer)> = records
            .replies
            .iter()
            .filter_map(|r| {
                r.answers
                    .iter()
                    .find(|a| same_draft(a, d) && !a.text.trim().is_empty())
                    .map(|a| (r, a))
            })
            .collect();
        if given.is_empty() {
            continue;
        }
        any = true;
        let _ = writeln!(
            w,
            "### {}\n",
            draft_label(&d.draft, d.provisional.as_deref())
        );
        for (r, a) in given {
            let mut head = format!(
                "- **{}**, {}",
                who(r),
                decision_words(a.decision, a.comments)
            );
            if let Some(why) = left_out_reason(r) {
                let _ = write!(head, " *(left out: {why})*");
            }
            let _ = writeln!(w, "{head}:\n");
            for line in a.text.lines() {
                let line = line.trim_end();
                if line.trim().is_empty() {
                    let _ = writeln!(w, "  >");
                } else {
                    let mut q = String::new();
                    escape_into(&mut q, line.trim_start());
                    let _ = writeln!(w, "  > {q}");
                }
            }
            let _ = writeln!(w);
        }
    }
    if !any {
        let _ = writeln!(w, "None.\n");
    }

    // One trailing newline.
    while md.ends_with("\n\n") {
        md.pop();
    }
    md.into_bytes()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::tests::{sample_info, sample_records, sample_summary};

    fn render() -> String {
        let records = sample_records();
        let summary = sample_summary(&records);
        String::from_utf8(summary_md(&summary, &records, &sample_info())).unwrap()
    }

    #[test]
    fn contains_every_draft_and_verdict() {
        let md = render();
        assert!(md.starts_with("# Reply tally\n"));
        assert!(md.contains("replytally 0.1.0 from 5 inputs"));
        assert!(md.contains("`form/circ42-en.docx`"));
        assert!(md.contains("deadline: 2023-02-09"));
        assert!(md.contains("threshold: 70 %"));
        assert!(
            md.contains("| X.1353 | X.ztd-iot | 1 (0) | 1 | 0 | 0 | 50.0 % | may not proceed |"),
            "{md}"
        );
        assert!(md.contains(
            "| X.1380 | X.edr-sec | 1 (1) | 0 | 1 | 0 | 100.0 % | **undecided — review conflicts** |"
        ), "{md}");
        assert!(
            md.contains("| X.1381 |  | 0 (0) | 0 | 0 | 2 | — | may proceed |"),
            "{md}"
        );
        // Verdicts come before counts and review.
        let v = md.find("## Verdicts").unwrap();
        let c = md.find("## Counts").unwrap();
        let r = md.find("## To review").unwrap();
        assert!(v < c && c < r);
        assert!(md.ends_with("\n") && !md.ends_with("\n\n"));
    }

    #[test]
    fn counts_review_and_reasons() {
        let md = render();
        assert!(md.contains("- Member States counted: 2"));
        assert!(md.contains("1 late, 0 superseded, 1 unidentified"));
        assert!(md.contains("- Inputs that failed: 1"));
        assert!(md.contains("`mail/late.eml!Reply.docx` — Kenya (KEN): late (dated 2023-02-20)"));
        assert!(md.contains("- X.1380: Germany (DEU) — `replies/Germany.docx`"));
        assert!(md.contains(
            "- `replies/France_reply.docx` (France (FRA)): tracked changes were present"
        ));
        assert!(md.contains("- `replies/old.doc` — legacy_doc: Word 97-2003 file"));
        assert!(md.contains("### X.1353 (X.ztd-iot)"));
        assert!(md.contains("- **France (FRA)**, does not authorize:"));
        assert!(
            md.contains("  > Reasons, with \"quotes\", commas,\n  > and a second line \\| pipe\n")
        );
        assert!(md.contains(
            "- **Kenya (KEN)**, does not authorize *(left out: late (dated 2023-02-20))*:"
        ));
        assert!(md.contains(
            "- **France (FRA)**, authorizes, with comments:\n\n  > Please fix clause 6."
        ));
        // Per-state table row.
        assert!(
            md.contains(
                "| France (FRA) | 2023-02-07 | `replies/France_reply.docx` | N | A+c | — |"
            ),
            "{md}"
        );
    }

    #[test]
    fn cells_are_escaped() {
        assert_eq!(inline("a | b\nc"), "a \\| b / c");
        assert_eq!(inline("# not a heading"), "\\# not a heading");
        assert_eq!(inline("*x* [y](z) <b>"), "\\*x\\* \\[y\\](z) \\<b>");
        assert_eq!(code("a|b"), "`a\\|b`");
        assert_eq!(code("a`b"), "``a`b``");
        assert_eq!(code("`x"), "`` `x ``");
        assert_eq!(code("a\nb"), "`a b`");
    }

    #[test]
    fn empty_run_reads_well() {
        let records = Records {
            schema: crate::record::RECORDS_SCHEMA.into(),
            forms: Vec::new(),
            replies: vec![],
            failures: vec![],
        };
        let summary = crate::tally::tally(&[], &crate::tally::Options::default());
        let mut info = sample_info();
        info.form = None;
        info.deadline = None;
        info.inputs = 1;
        let md = String::from_utf8(summary_md(&summary, &records, &info)).unwrap();
        assert!(md.contains("from 1 input; form: none given; deadline: none given"));
        assert!(md.contains("No drafts"));
        assert!(md.contains("Nothing to review."));
    }
}
