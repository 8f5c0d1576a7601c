//! `summary.md`: the tally for people, readable on its own. The circular, the rule and what the
//! file was made from; then the verdicts, the counts, what to review (conflicts, failures,
//! warnings, one item per file), the replies per Member State (A / A* / N / — / ?), and the
//! reasons and comments given per draft by the Member States counted.
//! Text from the replies is escaped so that it cannot break the Markdown around it.

use std::fmt::Write as _;

use super::sink::Sink;
use super::view;
use super::RunInfo;
use crate::record::{Comments, Decision, Records, Reply};
use crate::tally::{left_out, same_draft, DraftTally, Summary};

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

/// The matrix code of an answer, escaped for a table cell (`A\*`).
fn short_decision(a: Option<&crate::record::Answer>) -> String {
    inline(super::view::Mark::of(a).code())
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
    super::in_memory(|out| write_summary_md(out, summary, records, info))
}

/// [`summary_md`], written into `out` as it is made.
pub fn write_summary_md(
    out: &mut dyn std::io::Write,
    summary: &Summary,
    records: &Records,
    info: &RunInfo,
) -> std::io::Result<()> {
    // One newline at the end, however many the last part wrote.
    let mut md = Sink::trimming(out);
    heading(&mut md, info);
    verdicts(&mut md, summary);
    counts(&mut md, summary, records);
    to_review(&mut md, records);
    corrections(&mut md, records);
    by_member_state(&mut md, summary, records);
    reasons(&mut md, summary, records);
    md.finish()
}

// The sink keeps the first write error for `finish`: the results of `write!` are ignored on
// purpose in the parts below.

/// The title, the rule and what the file was made from.
fn heading(w: &mut Sink<'_>, info: &RunInfo) {
    // Without a circular found, the title keeps a placeholder to fill in.
    let title = match view::circular_date(info) {
        Some(d) => format!("{} of {d}", view::title(info)),
        None => view::title(info),
    };
    let _ = writeln!(w, "# {}\n", inline(&title));
    let _ = writeln!(w, "{}\n", inline(&view::rule(info)));
    let _ = writeln!(
        w,
        "*Made by replytally {} from {} input{}; form: {}; deadline: {}; threshold: {} (inclusive).*\n",
        inline(&info.tool_version),
        info.inputs,
        if info.inputs == 1 { "" } else { "s" },
        info.form.as_deref().map_or("none given".to_string(), code),
        info.deadline
            .as_deref()
            .map_or("none given".to_string(), inline),
        pct(info.threshold),
    );
}

fn verdicts(w: &mut Sink<'_>, summary: &Summary) {
    // Verdicts: the verdict right after the draft, then the numbers behind it.
    let _ = writeln!(w, "## Verdicts\n");
    if summary.drafts.is_empty() {
        let _ = writeln!(
            w,
            "No drafts: no reply form was read and no blank form was given.\n"
        );
    } else {
        let _ = writeln!(
            w,
            "| Draft | Verdict | Support | Replies | Authorize (with comments) | Not authorize | Conflict | No reply |"
        );
        let _ = writeln!(w, "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |");
        for t in &summary.drafts {
            let verdict = t.verdict().as_str();
            let verdict = if t.needs_review() {
                format!("**{verdict}**")
            } else {
                verdict.to_string()
            };
            let _ = writeln!(
                w,
                "| {} | {} | {} | {} | {} ({}) | {} | {} | {} |",
                draft_label(&t.draft, t.provisional.as_deref()),
                verdict,
                support_cell(t),
                view::answered(t),
                t.authorize,
                t.with_comments,
                t.not_authorize,
                t.conflict,
                t.no_reply,
            );
        }
        let _ = writeln!(
            w,
            "\nSupport = authorize ÷ (authorize + not authorize), over the Member States counted. \
             Replies: Member States that answered the draft. A draft may proceed when support is \
             at least {} or when no Member State answered for it (Resolution 1, §9.4.5). \
             *Undecided*: the open conflicts could change the verdict; resolve them (see *To \
             review*).\n",
            pct(summary.threshold)
        );
    }
}

/// The counts, and the replies not counted.
fn counts(w: &mut Sink<'_>, summary: &Summary, records: &Records) {
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
        "- Replies not counted: {}{} late, {} superseded, {} unidentified",
        if out.excluded > 0 {
            format!("{} excluded by a correction, ", out.excluded)
        } else {
            String::new()
        },
        out.late,
        out.superseded,
        out.unidentified
    );
    let _ = writeln!(
        w,
        "- Files that could not be read: {}\n",
        records.failures.len()
    );
    let left = view::left_out(records);
    if !left.is_empty() {
        let _ = writeln!(w, "Not counted:\n");
        for o in &left {
            let why = match (o.kind, o.by) {
                ("late", _) => match &o.reply.date {
                    Some(d) => format!("late (dated {})", inline(d)),
                    None => "late".to_string(),
                },
                ("superseded", Some(by)) => format!("superseded by {}", code(by)),
                ("superseded", None) => "superseded".to_string(),
                _ => {
                    let _ = writeln!(
                        w,
                        "- {} — the Member State could not be identified",
                        code(&o.reply.source)
                    );
                    continue;
                }
            };
            let _ = writeln!(w, "- {} — {}: {}", code(&o.reply.source), who(o.reply), why);
        }
        let _ = writeln!(w);
    }
}

fn corrections(w: &mut Sink<'_>, records: &Records) {
    let list = view::corrections(records);
    if list.is_empty() {
        return;
    }
    let _ = writeln!(w, "## Readings corrected\n");
    for line in list {
        let _ = writeln!(w, "- {}", inline(&line));
    }
    let _ = writeln!(w);
}

fn to_review(w: &mut Sink<'_>, records: &Records) {
    // To review: one item per file, conflicts first.
    let _ = writeln!(w, "## To review\n");
    let groups = view::review_groups(records);
    let n: usize = groups.iter().map(|g| g.items.len()).sum();
    if n == 0 {
        let _ = writeln!(w, "Nothing to review.\n");
    } else {
        let _ = writeln!(
            w,
            "{}\n\n{n} item{} in {} file{}{}.\n",
            view::review_counts(records),
            if n == 1 { "" } else { "s" },
            groups.len(),
            if groups.len() == 1 { "" } else { "s" },
            if groups.len() > 1 {
                view::REVIEW_ORDER
            } else {
                ""
            },
        );
        for g in &groups {
            let head = match &g.who {
                Some(name) => format!("**{}**", inline(name)),
                None => "**File not read**".to_string(),
            };
            let not_counted = g
                .not_counted
                .map_or(String::new(), |k| format!(" *(not counted: {k})*"));
            let _ = writeln!(w, "- {head}{not_counted} — {}", code(g.source));
            for it in &g.items {
                let what = match it.class() {
                    "conflict" => "**conflict** — ".to_string(),
                    "failure" => format!("**cannot be read** ({}) — ", code(it.failure_kind())),
                    _ => String::new(),
                };
                let _ = writeln!(w, "  - *{}*: {what}{}", it.badge(), inline(&it.what));
            }
        }
        let _ = writeln!(w);
    }
}

fn by_member_state(w: &mut Sink<'_>, summary: &Summary, records: &Records) {
    let left = view::left_out(records);
    // Replies per Member State, in the order of the verdicts table: those counted by name,
    // then those not counted.
    let drafts = view::drafts(summary);
    if !records.replies.is_empty() && !drafts.is_empty() {
        let _ = writeln!(w, "## Replies by Member State\n");
        let _ = write!(w, "| Member State | Date | Source |");
        for d in &drafts {
            let _ = write!(w, " {} |", inline(&d.draft));
        }
        let _ = write!(w, "\n| --- | --- | --- |");
        for _ in &drafts {
            let _ = write!(w, " :---: |");
        }
        let _ = writeln!(w);
        let counted = view::matrix(records, &drafts);
        let rows = counted
            .iter()
            .map(|row| (row.reply, None))
            .chain(left.iter().map(|o| (o.reply, Some(o.kind))));
        for (r, not_counted) in rows {
            let mut state = who(r);
            if let Some(k) = not_counted {
                let _ = write!(state, " *(not counted: {k})*");
            }
            let _ = write!(
                w,
                "| {} | {} | {} |",
                state,
                r.date.as_deref().map_or(String::new(), inline),
                code(&r.source)
            );
            for d in &drafts {
                let cell = short_decision(r.answers.iter().find(|a| same_draft(a, d)));
                let _ = write!(w, " {cell} |");
            }
            let _ = writeln!(w);
        }
        let _ = writeln!(w, "\n{}.\n", inline(&view::legend()));
    }
}

fn reasons(w: &mut Sink<'_>, summary: &Summary, records: &Records) {
    let drafts = view::drafts(summary);
    // Reasons and comments, from the replies counted.
    let _ = writeln!(w, "## Reasons and comments given\n");
    let mut any = false;
    let words = view::words_per_draft(records, &drafts);
    for (d, words) in drafts.iter().zip(&words) {
        let parts: [(&str, &Vec<view::Said>); 3] = [
            ("does not authorize", &words.reasons),
            ("authorizes, with comments", &words.comments),
            ("both boxes marked (conflict)", &words.conflicts),
        ];
        if parts.iter().all(|(_, v)| v.is_empty()) {
            continue;
        }
        any = true;
        let _ = writeln!(
            w,
            "### {}\n",
            draft_label(&d.draft, d.provisional.as_deref())
        );
        for (what, said) in parts {
            for s in said {
                let what = if s.answer.decision == Decision::Authorize
                    && s.answer.comments != Some(Comments::WithComments)
                {
                    decision_words(s.answer.decision, s.answer.comments)
                } else {
                    what
                };
                if s.note.is_none() && s.answer.text.trim().is_empty() {
                    let _ = writeln!(w, "- **{}**, {}.\n", who(s.reply), what);
                    continue;
                }
                let _ = writeln!(w, "- **{}**, {}:\n", who(s.reply), what);
                quote_into(
                    w,
                    s.note.as_deref().unwrap_or(&s.answer.text),
                    s.note.is_some(),
                );
            }
        }
    }
    // Text given on drafts that are not in the table (not on the blank form).
    for r in records
        .replies
        .iter()
        .filter(|r| view::left_out_kind(r).is_none())
    {
        for a in &r.answers {
            if a.text.trim().is_empty() || drafts.iter().any(|d| same_draft(a, d)) {
                continue;
            }
            any = true;
            let _ = writeln!(
                w,
                "### {} (not on the blank form)\n\n- **{}**, {}:\n",
                draft_label(&a.draft, a.provisional.as_deref()),
                who(r),
                decision_words(a.decision, a.comments)
            );
            quote_into(w, &a.text, false);
        }
    }
    if !any {
        let _ = writeln!(w, "None.\n");
    }
}

/// A reply's words as a quote under a list item; a note (why there are none) in italics.
fn quote_into(w: &mut Sink<'_>, text: &str, is_note: bool) {
    if is_note {
        let _ = writeln!(w, "  *{}*\n", inline(text));
        return;
    }
    // Each line of the reply its own paragraph: Markdown would run them together.
    for (i, line) in text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .enumerate()
    {
        if i > 0 {
            let _ = writeln!(w, "  >");
        }
        let mut q = String::new();
        escape_into(&mut q, line);
        let _ = writeln!(w, "  > {q}");
    }
    let _ = writeln!(w);
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
        assert!(md.starts_with(
            "# Results of the consultation of Member States on TSB Circular \\[number\\]\n"
        ));
        for want in [
            "Rule applied: Resolution 1 (WTSA), §9.4.5",
            "replytally 0.1.0 from 5 inputs",
            "`form/circ42-en.docx`",
            "deadline: 2023-02-09",
            "threshold: 70 %",
            // The verdict right after the draft.
            "| X.1353 (X.ztd-iot) | may not proceed | 50.0 % | 2 | 1 (0) | 1 | 0 | 0 |",
        ] {
            assert!(md.contains(want), "{want}\n{md}");
        }
        assert!(
            md.contains(
                "| X.1380 (X.edr-sec) | **undecided — review conflicts** | 100.0 % | 2 | 1 (1) | 0 | 1 | 0 |"
            ),
            "{md}"
        );
        assert!(
            md.contains("| X.1381 | may proceed | — | 0 | 0 (0) | 0 | 0 | 2 |"),
            "{md}"
        );
        // Verdicts come before counts and review.
        let v = md.find("## Verdicts").unwrap();
        let c = md.find("## Counts").unwrap();
        let r = md.find("## To review").unwrap();
        let m = md.find("## Replies").unwrap();
        assert!(
            v < c && c < r && r < m,
            "verdicts, counts, to review, then the rest"
        );
        assert!(md.ends_with("\n") && !md.ends_with("\n\n"));
    }

    #[test]
    fn counts_review_and_reasons() {
        let md = render();
        assert!(md.contains("- Member States counted: 2"));
        assert!(md.contains("1 late, 0 superseded, 1 unidentified"));
        assert!(md.contains("- Files that could not be read: 1"));
        assert!(md.contains("`mail/late.eml!Reply.docx` — Kenya (KEN): late (dated 2023-02-20)"));
        // To review: one item per file, the conflict first, then the failure, then warnings.
        let conflict = md
            .find(
                "- **Germany** — `replies/Germany.docx`\n  - *decide*: **conflict** — X.1380: both \
                 'authorizes' and 'does not authorize' are marked",
            )
            .expect(&md);
        let failure = md
            .find(
                "- **File not read** — `replies/old.doc`\n  - *decide*: **cannot be read** \
                 (`legacy_doc`) — Word 97-2003 file",
            )
            .expect(&md);
        let warning = md
            .find("- **France** — `replies/France_reply.docx`\n  - *note*: tracked changes were present")
            .expect(&md);
        assert!(conflict < failure && failure < warning);
        assert!(md.contains("4 items in 4 files"));
        assert!(md.contains("3 items to decide before the tally is final. To check: 0; notes: 1"));
        // Reasons and comments: of the Member States counted only, each line a paragraph.
        assert!(md.contains("### X.1353 (X.ztd-iot)"));
        assert!(md.contains("- **France (FRA)**, does not authorize:"));
        assert!(
            md.contains(
                "  > Reasons, with \"quotes\", commas,\n  >\n  > and a second line \\| pipe\n"
            ),
            "{md}"
        );
        assert!(
            !md.contains("Too late, sorry."),
            "Kenya is late: not quoted"
        );
        assert!(md.contains(
            "- **France (FRA)**, authorizes, with comments:\n\n  > Please fix clause 6."
        ));
        assert!(md.contains("- **Germany (DEU)**, both boxes marked (conflict).\n"));
        // Per-state table row.
        assert!(
            md.contains(
                "| France (FRA) | 2023-02-07 | `replies/France_reply.docx` | N | A\\* | — |"
            ),
            "{md}"
        );
        // Counted first, by name; then those not counted, saying why.
        let de = md.find("| Germany (DEU) |").unwrap();
        let ke = md.find("| Kenya (KEN) *(not counted: late)* |").expect(&md);
        let who = md
            .find("| unidentified Member State *(not counted: unidentified)* |")
            .expect(&md);
        assert!(de < ke && ke < who);
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
    fn the_title_names_the_circular_found() {
        let records = sample_records();
        let summary = sample_summary(&records);
        let mut info = sample_info();
        info.circular = Some(crate::report::Circular {
            number: "42".into(),
            date: Some("9 November 2022".into()),
        });
        let md = String::from_utf8(summary_md(&summary, &records, &info)).unwrap();
        assert!(md.starts_with(
            "# Results of the consultation of Member States on TSB Circular 42 of 9 November 2022\n"
        ));
    }

    #[test]
    fn empty_run_reads_well() {
        let records = Records::empty();
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
