//! The form reader on small hand-written bodies: each way of marking, each placement of text.

use super::{read_form, Context, FormReading};
use crate::docx::parse_document_xml;
use crate::record::{Comments, Decision, Evidence};
use crate::warning::WarningKind;

const W: &str = r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml""#;

fn p(runs: &str) -> String {
    format!("<w:p>{runs}</w:p>")
}
fn r(text: &str) -> String {
    format!(r#"<w:r><w:t xml:space="preserve">{text}</w:t></w:r>"#)
}
fn rp(props: &str, text: &str) -> String {
    format!(r#"<w:r><w:rPr>{props}</w:rPr><w:t xml:space="preserve">{text}</w:t></w:r>"#)
}
fn legacy(checked: bool) -> String {
    let c = if checked { "<w:checked/>" } else { "" };
    format!(
        r#"<w:r><w:fldChar w:fldCharType="begin"><w:ffData><w:checkBox><w:sizeAuto/><w:default w:val="0"/>{c}</w:checkBox></w:ffData></w:fldChar></w:r><w:r><w:instrText> FORMCHECKBOX </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>"#
    )
}
fn tc(content: &str) -> String {
    format!("<w:tc>{content}</w:tc>")
}
fn tr(cells: &[String]) -> String {
    format!("<w:tr>{}</w:tr>", cells.concat())
}

const AUTH: &str = "Authorizes Study Group 13 to consider this draft for approval (in this case, select one of the two options ⃝):";
const NOT: &str = "Does not authorize Study Group 13 to consider this draft for approval (the reasons for this opinion are attached)";

/// One draft's two rows: (box, label cell) for authorize with its options, then not authorize.
fn draft_rows(
    name: &str,
    auth_box: &str,
    auth_label: &str,
    options: [&str; 2],
    not_box: &str,
    not_label: &str,
) -> String {
    let name_cell = tc(&format!(
        r#"<w:tcPr><w:vMerge w:val="restart"/></w:tcPr>{}"#,
        p(&r(name))
    ));
    let cont = tc(&format!("<w:tcPr><w:vMerge/></w:tcPr>{}", p("")));
    let auth_cell = tc(&format!(
        "{}{}{}",
        p(auth_label),
        p(&format!(
            "{}{}",
            options[0],
            r("\tNo comments or proposed changes")
        )),
        p(&format!(
            "{}{}",
            options[1],
            r("\tComments and proposed changes attached")
        ))
    ));
    format!(
        "{}{}",
        tr(&[name_cell, tc(&p(auth_box)), auth_cell]),
        tr(&[cont, tc(&p(not_box)), tc(&p(not_label))])
    )
}

fn read(body: &str) -> FormReading {
    let xml = format!(r#"<w:document {W}><w:body>{body}</w:body></w:document>"#);
    let doc = parse_document_xml(xml.as_bytes()).expect("snippet parses");
    read_form(
        &doc,
        &Context {
            file_name: "Kenya_reply.docx",
            email_from: None,
        },
    )
}

fn table(rows: &str) -> String {
    format!("<w:tbl>{rows}</w:tbl>")
}

const EMPTY: &str = "⃝";

/// The first draft's decision, and how it was read.
fn decision_of(f: &FormReading) -> (Decision, Evidence) {
    let a = &f.answers()[0];
    (a.decision, a.evidence)
}

/// Whether the reading warns of `kind` about `draft`.
fn warned(f: &FormReading, kind: WarningKind, draft: &str) -> bool {
    f.warnings
        .iter()
        .any(|w| w.kind == kind && w.concerns(draft))
}

/// A draft's rows with *authorizes* and *no comments* marked.
fn authorized(name: &str) -> String {
    draft_rows(
        name,
        &legacy(true),
        &r(AUTH),
        [&r("●"), &r(EMPTY)],
        &legacy(false),
        &r(NOT),
    )
}

/// A draft's rows as the blank form prints them: nothing marked.
fn unmarked(name: &str) -> String {
    draft_rows(
        name,
        &legacy(false),
        &r(AUTH),
        [EMPTY, EMPTY],
        &legacy(false),
        &r(NOT),
    )
}

/// A reply whose From block holds `from` (one paragraph each), authorizing Y.3061.
fn reply_from(from: &[&str]) -> FormReading {
    let block: String = from.iter().map(|l| p(&r(l))).collect();
    let header = table(&tr(&[tc(&p(&r("From:"))), tc(&block)]));
    read(&(header + &table(&authorized("ITU-T Y.3061"))))
}

#[test]
fn legacy_boxes_and_options() {
    let f = read(&table(&authorized(
        "Draft new Recommendation ITU-T Y.3061 (Y.AN-arch)",
    )));
    assert!(f.is_form);
    let a = &f.answers()[0];
    assert_eq!(
        (a.draft.as_str(), a.provisional.as_deref()),
        ("Y.3061", Some("Y.AN-arch"))
    );
    assert_eq!(
        (a.decision, a.comments, a.evidence),
        (
            Decision::Authorize,
            Some(Comments::NoComments),
            Evidence::LegacyCheckbox
        )
    );
}

/// A line emphasised while the other is not stands for its mark, with a warning: highlighting
/// against an empty box, bold type where there are no boxes at all.
#[test]
fn emphasised_line_is_read_as_chosen_with_a_warning() {
    let highlighted = rp(r#"<w:highlight w:val="yellow"/>"#, NOT);
    let bold = rp("<w:b/>", AUTH);
    let (unmarked, no_box) = (legacy(false), r(""));
    for (boxes, auth, not, decision) in [
        (&unmarked, r(AUTH), highlighted, Decision::NotAuthorize),
        (&no_box, bold, r(NOT), Decision::Authorize),
    ] {
        let rows = draft_rows(
            "ITU-T Y.3115",
            boxes,
            &auth,
            [&r(EMPTY), &r(EMPTY)],
            boxes,
            &not,
        );
        let f = read(&table(&rows));
        assert_eq!(decision_of(&f), (decision, Evidence::Highlight));
        assert!(warned(&f, WarningKind::DecisionFromEmphasis, "Y.3115"));
        if decision == Decision::Authorize {
            assert_eq!(f.answers()[0].comments, Some(Comments::Unspecified));
            assert!(warned(&f, WarningKind::NoOption, "Y.3115"));
        }
    }
}

#[test]
fn deleted_line_leaves_the_chosen_one() {
    let name_cell = tc(&p(&r("ITU-T Y.2245 (Y.IoT-hms)")));
    let rows = tr(&[name_cell, tc(&p("")), tc(&p(&r(NOT)))]);
    let f = read(&table(&rows));
    assert_eq!(
        decision_of(&f),
        (Decision::NotAuthorize, Evidence::Deletion)
    );
    assert!(warned(&f, WarningKind::DecisionFromDeletion, "Y.2245"));
}

#[test]
fn words_typed_in_the_box_cell() {
    for (yes, lang_label) in [
        ("Yes", AUTH),
        (
            "Oui",
            "Autorise la Commission d'études 13 à examiner ce projet",
        ),
        (
            "Да",
            "Уполномочивает 13-ю Исследовательскую комиссию рассмотреть проект",
        ),
        ("نعم", "تأذن للجنة الدراسات 13 بالنظر في مشروع"),
        ("是", "授权第13研究组考虑批准该草案"),
    ] {
        let f = read(&table(&draft_rows(
            "ITU-T Y.3172",
            &r(yes),
            &r(lang_label),
            [&r("●"), &r(EMPTY)],
            &r(""),
            &r(NOT),
        )));
        let a = &f.answers()[0];
        assert_eq!(
            (a.decision, a.evidence),
            (Decision::Authorize, Evidence::Text),
            "{yes}"
        );
    }
}

#[test]
fn a_sentence_instead_of_the_table() {
    let body = p(&r("The Administration of Kenya authorizes Study Group 13 to consider draft Recommendation ITU-T Y.3061 for approval."))
        + &p(&r("Kenya does not authorize Study Group 13 to consider ITU-T Y.3115: the scope is unclear."));
    let f = read(&body);
    let ans = f.answers();
    let read_as = |draft: &str| {
        ans.iter()
            .find(|a| a.draft == draft)
            .map(|a| (a.decision, a.evidence))
    };
    assert_eq!(
        read_as("Y.3061"),
        Some((Decision::Authorize, Evidence::Text))
    );
    assert_eq!(
        read_as("Y.3115"),
        Some((Decision::NotAuthorize, Evidence::Text))
    );
}

#[test]
fn option_without_the_authorize_box_warns() {
    let f = read(&table(&draft_rows(
        "ITU-T Y.3172",
        &legacy(false),
        &r(AUTH),
        [&r(EMPTY), &r("●")],
        &legacy(false),
        &r(NOT),
    )));
    let a = &f.answers()[0];
    assert_eq!(
        (a.decision, a.comments),
        (Decision::Authorize, Some(Comments::WithComments))
    );
    assert!(warned(&f, WarningKind::OptionWithoutDecision, "Y.3172"));
}

#[test]
fn conflict_and_no_reply_warn() {
    let rows = draft_rows(
        "ITU-T Y.3061",
        &legacy(true),
        &r(AUTH),
        [&r("●"), &r(EMPTY)],
        &legacy(true),
        &r(NOT),
    ) + &draft_rows(
        "ITU-T Y.3115",
        &legacy(false),
        &r(AUTH),
        [&r(EMPTY), &r(EMPTY)],
        &legacy(false),
        &r(NOT),
    );
    let f = read(&table(&rows));
    let ans = f.answers();
    assert_eq!(ans[0].decision, Decision::Conflict);
    assert_eq!(ans[1].decision, Decision::NoReply);
    assert!(warned(&f, WarningKind::Conflict, "Y.3061"));
    assert!(warned(&f, WarningKind::NoDecision, "Y.3115"));
    assert!(!warned(&f, WarningKind::NoDecision, "Y.3061"));
}

#[test]
fn reasons_in_the_cell_in_a_following_row_and_after_the_table() {
    let not_label = format!("{}{}", r(NOT), "");
    let mut rows = draft_rows(
        "ITU-T Y.3061",
        &legacy(false),
        &r(AUTH),
        [&r(EMPTY), &r(EMPTY)],
        &legacy(true),
        &not_label,
    );
    // Reasons in a spanning row under the draft's two rows.
    rows += &tr(&[format!(
        r#"<w:tc><w:tcPr><w:gridSpan w:val="3"/></w:tcPr>{}</w:tc>"#,
        p(&r("Reasons: The draft must be aligned with ITU-T Y.3060."))
    )]);
    rows += &draft_rows(
        "ITU-T Y.3115",
        &legacy(false),
        &r(AUTH),
        [&r(EMPTY), &r("●")],
        &legacy(false),
        &r(NOT),
    );
    let after = p(&r("Comments on Y.3115 (Y.NetSlice-sec):"))
        + &p(&r("Clause 6 needs a figure."))
        + &p(&r("Yours faithfully,"))
        + &p(&r("J. Doe"));
    // the authorize box of Y.3115 is empty but its option is marked: authorizes with a warning.
    let f = read(&(table(&rows) + &after));
    let ans = f.answers();
    assert_eq!(ans.len(), 2, "{ans:?}");
    assert_eq!(ans[0].text, "The draft must be aligned with ITU-T Y.3060.");
    assert_eq!(ans[1].comments, Some(Comments::WithComments));
    assert_eq!(ans[1].text, "Clause 6 needs a figure.");
}

#[test]
fn separate_letter_warns() {
    let rows = draft_rows(
        "ITU-T Y.3061",
        &legacy(false),
        &r(AUTH),
        [&r(EMPTY), &r(EMPTY)],
        &legacy(true),
        &r(&format!("{NOT} See the attached letter.")),
    );
    let f = read(&table(&rows));
    assert_eq!(f.answers()[0].text, "See the attached letter.");
    assert!(warned(&f, WarningKind::SeparateLetter, "Y.3061"));
}

#[test]
fn reasons_in_the_letter_before_the_form_are_a_fallback() {
    let rows = draft_rows(
        "ITU-T Y.3061",
        &legacy(false),
        &r(AUTH),
        [&r(EMPTY), &r(EMPTY)],
        &legacy(true),
        &r(NOT),
    ) + &authorized("ITU-T Y.3062");
    let letter = p(&r("Subject: reply on Y.3061 and Y.3062"))
        + &p(&r("Reasons – Y.3061: the draft duplicates Y.3060."))
        + &p(&r("Comments on Y.3062: none of substance."))
        + &p(&r("Yours faithfully,"));
    let f = read(&(letter + &table(&rows)));
    let ans = f.answers();
    assert_eq!(ans[0].decision, Decision::NotAuthorize);
    assert_eq!(ans[0].text, "the draft duplicates Y.3060.");
    assert!(warned(&f, WarningKind::TextFromLetter, "Y.3061"));
    // Y.3062 authorizes without comments: the letter's words are not its text.
    assert_eq!(ans[1].text, "");
    assert!(!warned(&f, WarningKind::TextFromLetter, "Y.3062"));
}

#[test]
fn matrix_form_one_row_per_draft() {
    let header = tr(&[
        tc(&p(&r("Draft"))),
        tc(&p(&r("Authorizes"))),
        tc(&p(&r("Does not authorize"))),
        tc(&p(&r("Comments"))),
    ]);
    let row = |name: &str, a: &str, n: &str, c: &str| {
        tr(&[tc(&p(&r(name))), tc(&p(a)), tc(&p(n)), tc(&p(&r(c)))])
    };
    let rows = header
        + &row(
            "ITU-T F.748.20 (F.VM-AIGC)",
            &legacy(true),
            &legacy(false),
            "",
        )
        + &row(
            "ITU-T H.264.2",
            &legacy(false),
            &legacy(true),
            "The scope overlaps with H.264.1.",
        )
        + &row("ITU-T F.780.3", &r("X"), &r(""), "");
    let f = read(&table(&rows));
    let ans = f.answers();
    assert_eq!(ans.len(), 3, "{ans:?}");
    assert_eq!(
        (ans[0].draft.as_str(), ans[0].decision),
        ("F.748.20", Decision::Authorize)
    );
    assert_eq!(
        (ans[1].decision, ans[1].text.as_str()),
        (Decision::NotAuthorize, "The scope overlaps with H.264.1.")
    );
    assert_eq!(
        (ans[2].decision, ans[2].evidence),
        (Decision::Authorize, Evidence::Glyph)
    );
}

#[test]
fn a_company_is_not_a_member_state() {
    let f = reply_from(&[
        "Mr Li Wei",
        "Standards Manager",
        "Huawei Technologies Co., Ltd.",
        "Shenzhen, China",
    ]);
    assert_eq!(f.member_state, None);
    let kinds: Vec<WarningKind> = f.warnings.iter().map(|w| w.kind).collect();
    assert_eq!(
        kinds,
        [WarningKind::NotAnAdministration, WarningKind::NoDate]
    );
}

#[test]
fn a_ministry_in_a_country_is_that_member_state() {
    let f = reply_from(&[
        "Ms A. Otieno",
        "Director",
        "Ministry of ICT",
        "Nairobi, Kenya",
    ]);
    assert_eq!(f.member_state.map(|m| m.iso3), Some("KEN".to_string()));
    assert_eq!(f.sender.name.as_deref(), Some("Ms A. Otieno"));
    let kinds: Vec<WarningKind> = f.warnings.iter().map(|w| w.kind).collect();
    assert_eq!(
        kinds,
        [WarningKind::NoDate],
        "no doubt about the Member State"
    );
}

#[test]
fn box_cell_with_a_box_for_each_line() {
    // The box cell holds three boxes, one beside each paragraph of the label cell.
    let name_cell = tc(&p(&r("ITU-T Y.3061")));
    let boxes = tc(&(p(&legacy(true)) + &p(&legacy(false)) + &p(&legacy(true))));
    let labels = tc(&(p(&r(AUTH))
        + &p(&r("No comments or proposed changes"))
        + &p(&r("Comments and proposed changes attached: Fix clause 6."))));
    let rows = tr(&[name_cell, boxes, labels])
        + &tr(&[tc(&p("")), tc(&p(&legacy(false))), tc(&p(&r(NOT)))]);
    let f = read(&table(&rows));
    let a = &f.answers()[0];
    assert_eq!(
        (a.decision, a.comments),
        (Decision::Authorize, Some(Comments::WithComments))
    );
    assert_eq!(a.text, "Fix clause 6.");
}

#[test]
fn both_decisions_side_by_side_in_one_row() {
    let rows = tr(&[
        tc(&p(&r("ITU-T Y.3115"))),
        tc(&p(&legacy(false))),
        tc(&p(&r(AUTH))),
        tc(&p(&legacy(true))),
        tc(&p(&r(NOT))),
    ]);
    let f = read(&table(&rows));
    assert_eq!(f.answers()[0].decision, Decision::NotAuthorize);
}

/// Issue 12: the person's edits on a draft's lines, read by their kind.
mod edits {
    use super::*;

    fn sym(font: &str, char: &str) -> String {
        format!(r#"<w:r><w:sym w:font="{font}" w:char="{char}"/></w:r>"#)
    }

    /// Lines not chosen struck through (`w:strike`, `w:dstrike`): the line left as printed is
    /// the one chosen, said in a warning.
    #[test]
    fn struck_lines_are_removed_lines() {
        for strike in ["<w:strike/>", "<w:dstrike/>"] {
            let rows = draft_rows(
                "ITU-T Y.3115",
                &legacy(false),
                &r(AUTH),
                [&r(EMPTY), &r(EMPTY)],
                &legacy(false),
                &rp(strike, NOT),
            );
            let f = read(&table(&rows));
            assert_eq!(decision_of(&f), (Decision::Authorize, Evidence::Deletion));
            assert!(warned(&f, WarningKind::DecisionFromDeletion, "Y.3115"));
        }
    }

    /// The form's ⃝ replaced by a symbol the reader has no entry for, the other option still
    /// showing ⃝: the replaced one is chosen.
    #[test]
    fn a_replaced_mark_is_the_chosen_one() {
        let rows = draft_rows(
            "ITU-T Y.3115",
            &legacy(true),
            &r(AUTH),
            [&r(EMPTY), &sym("Wingdings", "F06C")],
            &legacy(false),
            &r(NOT),
        );
        let f = read(&table(&rows));
        assert_eq!(f.answers()[0].comments, Some(Comments::WithComments));
    }

    /// A word of assent typed after an option's label ("– Yes", "（是）") marks it.
    #[test]
    fn a_word_typed_after_the_label_marks_it() {
        for yes in [" – Yes", "（是）"] {
            let rows = draft_rows(
                "ITU-T Y.3115",
                &legacy(true),
                &r(AUTH),
                [&r(EMPTY), &r(EMPTY)],
                &legacy(false),
                &r(NOT),
            )
            .replace(
                "No comments or proposed changes",
                &format!("No comments or proposed changes{yes}"),
            );
            let f = read(&table(&rows));
            assert_eq!(f.answers()[0].comments, Some(Comments::NoComments), "{yes}");
            assert_eq!(f.answers()[0].text, "");
        }
    }

    /// The table left as sent and a sentence below it: about every draft, with the one it
    /// names as an exception taking its own clause.
    #[test]
    fn a_sentence_after_the_table() {
        let empty = |name: &str| {
            draft_rows(
                name,
                &legacy(false),
                &r(AUTH),
                [&r(EMPTY), &r(EMPTY)],
                &legacy(false),
                &r(NOT),
            )
        };
        let body = table(&(empty("ITU-T Y.3115") + &empty("ITU-T Y.3116")))
            + &p(&r("The Administration of Kenya authorizes Study Group 13 to consider all the drafts listed above for approval, without comments, except ITU-T Y.3116, which it does not authorize."));
        let f = read(&body);
        let a = f.answers();
        assert_eq!(
            (a[0].decision, a[0].comments),
            (Decision::Authorize, Some(Comments::NoComments))
        );
        assert_eq!(a[1].decision, Decision::NotAuthorize);
    }

    /// Form wording the reader does not know as a label, printed under every draft's line,
    /// is not the person's text.
    #[test]
    fn form_text_repeated_for_every_draft_is_not_text() {
        let draft = |name: &str, extra: &str| {
            draft_rows(
                name,
                &legacy(false),
                &r(AUTH),
                [&r(EMPTY), &r(EMPTY)],
                &legacy(true),
                &r(NOT),
            )
            .replace(
                &format!("{}</w:t></w:r></w:p>", NOT),
                &format!(
                    "{NOT}</w:t></w:r></w:p>{}{extra}",
                    p(&r("and a summary of the changes"))
                ),
            )
        };
        let own = p(&r("Kenya asks for more time."));
        let f = read(&table(
            &(draft("ITU-T Y.3115", &own) + &draft("ITU-T Y.3116", "")),
        ));
        let a = f.answers();
        assert_eq!(a[0].text, "Kenya asks for more time.");
        assert_eq!(a[1].text, "");
    }

    /// The chosen line written in colour, the other left black: read, with a warning.
    #[test]
    fn a_coloured_line_is_chosen() {
        let rows = draft_rows(
            "ITU-T Y.3115",
            &legacy(false),
            &r(AUTH),
            [&r(EMPTY), &r(EMPTY)],
            &legacy(false),
            &rp(r#"<w:color w:val="FF0000"/>"#, NOT),
        );
        let f = read(&table(&rows));
        assert_eq!(
            decision_of(&f),
            (Decision::NotAuthorize, Evidence::Highlight)
        );
        assert!(warned(&f, WarningKind::DecisionFromEmphasis, "Y.3115"));
    }
}

/// A cell spanning `span` grid columns.
fn tc_span(span: usize, content: &str) -> String {
    tc(&format!(
        r#"<w:tcPr><w:gridSpan w:val="{span}"/></w:tcPr>{content}"#
    ))
}

#[test]
fn matrix_form_with_options_under_a_spanning_header() {
    // Row 1: "Authorizes" over two option columns; row 2: the options. A box in an option's
    // column is both the option and the decision above it.
    let header = tr(&[
        tc(&p(&r("Draft"))),
        tc_span(
            2,
            &p(&r("Authorizes Study Group 13 to consider this draft")),
        ),
        tc(&p(&r(
            "Does not authorize Study Group 13 to consider this draft",
        ))),
        tc(&p(&r("Remarks"))),
    ]) + &tr(&[
        tc(&p("")),
        tc(&p(&r("No comments or proposed changes"))),
        tc(&p(&r("Comments and proposed changes attached"))),
        tc(&p("")),
        tc(&p("")),
    ]);
    let row = |name: &str, marks: [bool; 3], typed: &str, remark: &str| {
        let cells: Vec<String> = marks
            .iter()
            .map(|&m| {
                tc(&p(&format!(
                    "{}{}",
                    legacy(m),
                    r(if m { "" } else { typed })
                )))
            })
            .collect();
        tr(&[vec![tc(&p(&r(name)))], cells, vec![tc(&p(&r(remark)))]].concat())
    };
    let rows = header
        + &row("ITU-T Y.3181", [true, false, false], "", "")
        + &row(
            "ITU-T Y.4605",
            [false, false, true],
            "",
            "Clause 8 is not stable.",
        )
        + &row(
            "ITU-T Y.3060",
            [false, true, false],
            "",
            "Editorial: fix Table 3.",
        );
    let f = read(&table(&rows));
    let got: Vec<_> = f
        .answers()
        .iter()
        .map(|a| (a.draft.clone(), a.decision, a.comments))
        .collect();
    assert_eq!(
        got,
        vec![
            (
                "Y.3181".into(),
                Decision::Authorize,
                Some(Comments::NoComments)
            ),
            ("Y.4605".into(), Decision::NotAuthorize, None),
            (
                "Y.3060".into(),
                Decision::Authorize,
                Some(Comments::WithComments)
            ),
        ],
        "{:?}",
        f.warnings
    );
    assert_eq!(f.answers()[1].text, "Clause 8 is not stable.");
    assert!(
        !f.warnings
            .iter()
            .any(|w| w.kind == WarningKind::OptionWithoutDecision),
        "an option column under 'authorizes' is the decision too: {:?}",
        f.warnings
    );
}

#[test]
fn form_of_paragraphs_with_a_heading_per_draft() {
    let block = |heading: &str, auth: bool| {
        [
            p(&r(heading)),
            p(&format!("{}{}", legacy(auth), r(&format!(" {AUTH}")))),
            p(&format!(
                "{EMPTY}{}",
                r("\tNo comments or proposed changes")
            )),
            p(&format!(
                "{EMPTY}{}",
                r("\tComments and proposed changes attached")
            )),
            p(&format!("{}{}", legacy(!auth), r(&format!(" {NOT}")))),
        ]
        .concat()
    };
    let body = block("1. Draft new Recommendation ITU-T Y.3181", true)
        + &block("2. Draft new Recommendation ITU-T Y.4605", false)
        + &block("3. Draft revised Recommendation ITU-T Y.3060", true);
    let f = read(&body);
    let got: Vec<_> = f
        .answers()
        .iter()
        .map(|a| (a.draft.clone(), a.decision))
        .collect();
    assert_eq!(
        got,
        vec![
            ("Y.3181".into(), Decision::Authorize),
            ("Y.4605".into(), Decision::NotAuthorize),
            ("Y.3060".into(), Decision::Authorize),
        ]
    );
}

#[test]
fn a_blank_second_copy_of_the_form_is_ignored_and_said() {
    let filled = table(&(authorized("ITU-T Y.3181") + &authorized("ITU-T Y.3060")));
    let blank = table(&(unmarked("ITU-T Y.3181") + &unmarked("ITU-T Y.3060")));
    for body in [format!("{blank}{}", filled), format!("{filled}{blank}")] {
        let f = read(&body);
        let ans = f.answers();
        assert_eq!(ans.len(), 2, "{ans:?}");
        assert!(
            ans.iter().all(|a| a.decision == Decision::Authorize),
            "{ans:?}"
        );
        assert!(f.warnings.iter().any(|w| w.kind == WarningKind::BlankCopy));
        assert!(!f.warnings.iter().any(|w| w.kind == WarningKind::DraftTwice));
    }
}

#[test]
fn text_addressed_to_a_draft_after_the_form_is_its_text() {
    let with_comments = draft_rows(
        "ITU-T Y.3181",
        &legacy(true),
        &r(AUTH),
        [&r(EMPTY), &r("●")],
        &legacy(false),
        &r(NOT),
    );
    let rows = with_comments
        + &tr(&[tc(&format!(
            "{}{}",
            p(&r("Other comments:")),
            p(&r(
                "Y.3181: Add a definition of digital twin entity in clause 3.2."
            ))
        ))]);
    let f = read(&table(&rows));
    let ans = f.answers();
    assert_eq!(ans.len(), 1, "{ans:?}");
    assert_eq!(
        ans[0].text,
        "Add a definition of digital twin entity in clause 3.2."
    );
}

#[test]
fn a_sentence_in_the_table_about_all_drafts_decides_the_unmarked_ones() {
    let rows = unmarked("ITU-T Y.3181")
        + &unmarked("ITU-T Y.3060")
        + &tr(&[tc(&format!(
            "{}{}",
            p(&r("Other comments: Kenya supports all the drafts listed above, without comments, except Y.3060, for these reasons:")),
            p(&r("The key management requirements conflict with national rules."))
        ))]);
    let f = read(&table(&rows));
    let got: Vec<_> = f
        .answers()
        .iter()
        .map(|a| (a.draft.clone(), a.decision, a.text.clone()))
        .collect();
    assert_eq!(
        got,
        vec![
            ("Y.3181".into(), Decision::Authorize, String::new()),
            (
                "Y.3060".into(),
                Decision::NotAuthorize,
                "The key management requirements conflict with national rules.".into()
            ),
        ]
    );
    assert_eq!(f.answers()[0].comments, Some(Comments::NoComments));
}

#[test]
fn words_in_a_matrix_remarks_column_answer_for_their_row() {
    let header = tr(&[
        tc(&p(&r("Draft"))),
        tc(&p(&r("Authorizes"))),
        tc(&p(&r("Does not authorize"))),
        tc(&p(&r("Remarks"))),
    ]);
    let row = |name: &str, remark: &str| {
        tr(&[
            tc(&p(&r(name))),
            tc(&p(&legacy(false))),
            tc(&p(&legacy(false))),
            tc(&p(&r(remark))),
        ])
    };
    let rows = header
        + &row("ITU-T Y.3181", "Supported, no comments.")
        + &row(
            "ITU-T Y.4605",
            "Does not support. Clause 7 duplicates SG20 work.",
        );
    let f = read(&table(&rows));
    let got: Vec<_> = f.answers().iter().map(|a| a.decision).collect();
    assert_eq!(
        got,
        vec![Decision::Authorize, Decision::NotAuthorize],
        "{:?}",
        f.warnings
    );
}

#[test]
fn a_typed_mark_struck_through_was_taken_back() {
    let rows = draft_rows(
        "ITU-T Y.4605",
        &rp("<w:strike/>", "x"),
        &r(AUTH),
        [EMPTY, EMPTY],
        &legacy(true),
        &r(NOT),
    );
    let f = read(&table(&rows));
    assert_eq!(
        f.answers()[0].decision,
        Decision::NotAuthorize,
        "{:?}",
        f.warnings
    );
}

#[test]
fn a_company_whose_name_ends_in_a_dotted_suffix_is_not_a_member_state() {
    let f = reply_from(&[
        "D. Luis Martín",
        "Director de Estandarización",
        "Telefónica, S.A.",
        "Ronda de la Comunicación s/n, 28050 Madrid, España",
    ]);
    assert_eq!(f.member_state, None);
    assert!(f
        .warnings
        .iter()
        .any(|w| w.kind == WarningKind::NotAnAdministration));
}

/// The body read with the given notes (`comment:0`, its text) resolved, as a package would.
fn read_with_notes(body: &str, notes: &[(&str, &str)]) -> FormReading {
    let xml = format!(r#"<w:document {W}><w:body>{body}</w:body></w:document>"#);
    let mut doc = parse_document_xml(xml.as_bytes()).expect("snippet parses");
    doc.note_texts = notes
        .iter()
        .map(|(k, t)| (k.to_string(), t.to_string()))
        .collect();
    crate::docx::resolve_notes(&mut doc);
    read_form(
        &doc,
        &Context {
            file_name: "Senegal_reply.docx",
            email_from: None,
        },
    )
}

#[test]
fn a_comment_anchored_in_a_matrix_row_is_the_drafts_text() {
    let header = tr(&[
        tc(&p(&r("Draft"))),
        tc(&p(&r("Authorizes"))),
        tc(&p(&r("Does not authorize"))),
    ]);
    let reference = r#"<w:r><w:commentReference w:id="0"/></w:r>"#;
    let rows = header
        + &tr(&[
            tc(&p(&r("ITU-T X.1280"))),
            tc(&p(&legacy(true))),
            tc(&p(&legacy(false))),
        ])
        + &tr(&[
            tc(&p(&r("ITU-T X.1471"))),
            tc(&p(&legacy(false))),
            // The reference ends in the last cell, whatever the person chose.
            tc(&p(&format!("{}{reference}", legacy(true)))),
        ]);
    let f = read_with_notes(
        &table(&rows),
        &[(
            "comment:0",
            "The requirements of clause 8 are not yet stable.",
        )],
    );
    let ans = f.answers();
    assert_eq!(ans.len(), 2, "{ans:?}");
    assert_eq!(
        (ans[1].decision, ans[1].text.as_str()),
        (
            Decision::NotAuthorize,
            "The requirements of clause 8 are not yet stable."
        )
    );
    assert_eq!(ans[0].text, "", "the comment is X.1471's only");
}

#[test]
fn one_table_under_a_heading_listing_all_drafts_answers_each() {
    let rows = tr(&[tc(&p(&r(
        "All drafts listed in TSB Circular 187 (X.1280, X.1471, X.1252)",
    )))])
        + &tr(&[tc(&p(&legacy(true))), tc(&p(&r(AUTH)))])
        + &tr(&[tc(&p(&format!(
            "{}{}",
            r("●"),
            r("\tNo comments or proposed changes")
        )))])
        + &tr(&[tc(&p(&legacy(false))), tc(&p(&r(NOT)))]);
    let f = read(&table(&rows));
    let got: Vec<_> = f
        .answers()
        .iter()
        .map(|a| (a.draft.clone(), a.decision))
        .collect();
    let want: Vec<(String, Decision)> = ["X.1280", "X.1471", "X.1252"]
        .iter()
        .map(|d| (d.to_string(), Decision::Authorize))
        .collect();
    assert_eq!(got, want);
    assert!(
        warned(&f, WarningKind::AnsweredTogether, "X.1471"),
        "{:?}",
        f.warnings
    );
}

#[test]
fn a_sentence_about_all_drafts_but_one_on_a_form_of_paragraphs() {
    let block = |heading: &str| {
        [
            p(&r(heading)),
            p(&format!("{}{}", r("□"), r(&format!(" {AUTH}")))),
            p(&r("⃝ No comments or proposed changes")),
            p(&r("⃝ Comments and proposed changes attached")),
            p(&format!("{}{}", r("□"), r(&format!(" {NOT}")))),
        ]
        .concat()
    };
    let body = block("Draft new Recommendation ITU-T X.1280")
        + &block("Draft new Recommendation ITU-T X.1471")
        + &block("Draft revised Recommendation ITU-T X.1252")
        + &p(&r("The Administration of Ecuador authorizes Study Group 17 to consider all the drafts, without comments, except draft Recommendation ITU-T X.1471, which it does not authorize."))
        + &p(&r("Reasons: the algorithms cited in clause 8 are not yet standardized."));
    let f = read(&body);
    let got: Vec<_> = f
        .answers()
        .iter()
        .map(|a| (a.draft.clone(), a.decision, a.text.clone()))
        .collect();
    assert_eq!(
        got,
        vec![
            ("X.1280".into(), Decision::Authorize, String::new()),
            (
                "X.1471".into(),
                Decision::NotAuthorize,
                "the algorithms cited in clause 8 are not yet standardized.".into()
            ),
            ("X.1252".into(), Decision::Authorize, String::new()),
        ]
    );
    assert_eq!(f.answers()[0].comments, Some(Comments::NoComments));
}

#[test]
fn text_typed_onto_a_label_line_marks_it() {
    let blank = |name: &str, auth_label: &str, not_label: &str| {
        draft_rows(
            name,
            &r("☐"),
            &r(auth_label),
            [EMPTY, EMPTY],
            &r("☐"),
            &r(not_label),
        )
    };
    let starred = format!("**{}", AUTH.replacen("Authorizes", "Authorizes**", 1));
    let rows = blank("ITU-T H.871", &format!("{AUTH}  (selected)"), NOT)
        + &blank(
            "ITU-T H.430.5",
            AUTH,
            &format!("{NOT} (selected) – Clause 6 duplicates H.430.4."),
        )
        + &blank("ITU-T H.264.1", &starred, NOT)
        + &blank("ITU-T F.749.15", AUTH, NOT)
        + &tr(&[tc(&p(&r("We agree, no comments")))]);
    let f = read(&table(&rows));
    let got: Vec<_> = f
        .answers()
        .iter()
        .map(|a| (a.draft.clone(), a.decision, a.text.clone()))
        .collect();
    let a = |d: &str| (d.to_string(), Decision::Authorize, String::new());
    assert_eq!(
        got,
        vec![
            a("H.871"),
            (
                "H.430.5".into(),
                Decision::NotAuthorize,
                "Clause 6 duplicates H.430.4.".into()
            ),
            a("H.264.1"),
            a("F.749.15"),
        ]
    );
    assert_eq!(f.answers()[3].comments, Some(Comments::NoComments));
}

/// A box marked on *authorizes* while the *does not authorize* line is highlighted: two edits
/// that disagree are a conflict, never the box alone.
#[test]
fn a_marked_box_and_the_other_line_highlighted_disagree() {
    let highlighted = rp(r#"<w:highlight w:val="yellow"/>"#, NOT);
    let rows = draft_rows(
        "ITU-T Y.3115",
        &legacy(true),
        &r(AUTH),
        [&r("●"), &r(EMPTY)],
        &legacy(false),
        &highlighted,
    );
    let f = read(&table(&rows));
    assert_eq!(f.answers()[0].decision, Decision::Conflict);
    assert!(warned(&f, WarningKind::Conflict, "Y.3115"));
}

/// The line not chosen struck through in red: the strike says which line is left, not the
/// colour that comes with it.
#[test]
fn a_red_struck_line_is_removed_not_emphasised() {
    let struck = rp(r#"<w:strike/><w:color w:val="FF0000"/>"#, NOT);
    let rows = draft_rows(
        "ITU-T Y.3115",
        &r(""),
        &r(AUTH),
        [&r(EMPTY), &r(EMPTY)],
        &r(""),
        &struck,
    );
    let f = read(&table(&rows));
    assert_eq!(f.answers()[0].decision, Decision::Authorize);
    assert!(warned(&f, WarningKind::DecisionFromDeletion, "Y.3115"));
}

/// ✔ on the chosen line and ✖ on the others: the crosses are the lines refused.
#[test]
fn crosses_beside_a_tick_are_refusals() {
    let rows = draft_rows(
        "ITU-T Y.3115",
        &r("✖"),
        &r(AUTH),
        [&r("✖"), &r("✔")],
        &r("✖"),
        &r(NOT),
    );
    let f = read(&table(&rows));
    let a = &f.answers()[0];
    assert_eq!(a.decision, Decision::Authorize, "{:?}", f.warnings);
    assert_eq!(a.comments, Some(Comments::WithComments));
}

/// *Authorizes, no comments* marked, and the text written for the draft refuses it.
#[test]
fn no_comments_marked_with_a_text_that_refuses_is_a_conflict() {
    let rows = draft_rows(
        "ITU-T Y.3115",
        &legacy(true),
        &r(AUTH),
        [&r("●"), &r(EMPTY)],
        &legacy(false),
        &r(NOT),
    );
    let note = p(&r(
        "Ministry comment: after discussion, this Administration cannot support the draft.",
    ));
    let f = read(&(table(&rows) + &p(&r("ITU-T Y.3115")) + &note));
    assert_eq!(
        f.answers()[0].decision,
        Decision::Conflict,
        "{:?}",
        f.warnings
    );
}

/// A box marked *authorizes* and the person's own words in the draft's rows refusing it.
#[test]
fn a_marked_box_and_words_that_refuse_disagree() {
    let rows = authorized("ITU-T Y.3115")
        + &tr(&[
            tc(&p("")),
            tc(&p("")),
            tc(&p(&r("We object to this draft."))),
        ]);
    let f = read(&table(&rows));
    assert_eq!(
        f.answers()[0].decision,
        Decision::Conflict,
        "{:?}",
        f.warnings
    );
    assert!(warned(&f, WarningKind::Conflict, "Y.3115"));
}

/// One draft whose four lines share a cell, each with its own box, with `extra` (paragraphs)
/// after the options.
fn one_cell_draft(name: &str, auth: &str, extra: &str) -> String {
    let cell = [
        p(auth),
        p(&r("⃝ No comments or proposed changes")),
        p(&r("⃝ Comments and proposed changes attached")),
        extra.to_string(),
        p(&r(&format!("☐ {NOT}"))),
    ]
    .concat();
    table(&tr(&[tc(&p(&r(name))), tc(&cell)]))
}

/// An X typed on a line of its own between two lines that have their own boxes marks neither.
#[test]
fn a_mark_between_two_boxed_lines_is_for_a_person() {
    let body = one_cell_draft("ITU-T Y.3241", &r(&format!("☐ {AUTH}")), &p(&r("X")));
    let f = read(&body);
    assert_eq!(
        f.answers()[0].decision,
        Decision::Conflict,
        "{:?}",
        f.warnings
    );
    assert!(warned(&f, WarningKind::Conflict, "Y.3241"));
}

/// A line the person wrote with a label's words ("Does not authorize this revision: …") and
/// no box, among lines with boxes, is their sentence; with the other line in bold the two
/// edits disagree.
#[test]
fn words_of_the_person_against_emphasis_are_a_conflict() {
    let said = p(&r(
        "Does not authorize this revision: clause 7 was removed.",
    ));
    let bold = rp("<w:b/>", &format!("☐ {AUTH}"));
    let f = read(&one_cell_draft("ITU-T Y.3104", &bold, &said));
    assert_eq!(
        f.answers()[0].decision,
        Decision::Conflict,
        "{:?}",
        f.warnings
    );
    // Without the emphasis, the words decide, and they are the draft's reasons.
    let f = read(&one_cell_draft(
        "ITU-T Y.3104",
        &r(&format!("☐ {AUTH}")),
        &said,
    ));
    let a = &f.answers()[0];
    assert_eq!(a.decision, Decision::NotAuthorize, "{:?}", f.warnings);
    assert!(a.text.contains("clause 7 was removed"), "{:?}", a.text);
}
