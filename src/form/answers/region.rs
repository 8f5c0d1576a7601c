//! Where the answers are: the region of the document's lines the answer table spans (with a
//! draft's name just above it and, on a form of sentences, the paragraphs after the last one),
//! and the text after the table under headings that name a draft.

use super::labels::{classify, LineKind};
use super::{AnswerTable, DraftReading};
use crate::form::drafts::{find_drafts, name_of_line};
use crate::form::lang::compiled;
use crate::form::lang::{ALL_DRAFTS, EXCEPT};
use crate::form::layout::Line;
use crate::form::text::{clean, fold};
use crate::warning::{Warning, WarningKind};
use regex::Regex;
use std::sync::OnceLock;

/// The first and last line of the answer region, given the first and last line with a label.
pub(super) fn region(lines: &[Line], first: usize, last_label: usize) -> (usize, usize) {
    (region_start(lines, first), region_end(lines, last_label))
}

/// The region starts with the first label's table (its rows before the first label hold the
/// first draft's name), and takes in a draft's name written just above the table.
fn region_start(lines: &[Line], first: usize) -> usize {
    let first_table = lines[first].place.outer_table;
    let mut start = first;
    while start > 0 && first_table != 0 && lines[start - 1].place.outer_table == first_table {
        start -= 1;
    }
    while start > 0 && lines[start - 1].place.outer_table == 0 {
        let prev = &lines[start - 1];
        let is_name = name_of_line(&prev.text).is_some();
        if !(is_name
            || (prev.text.trim().is_empty()
                && start >= 2
                && name_of_line(&lines[start - 2].text).is_some()))
        {
            break;
        }
        start -= 1;
    }
    start
}

/// The region runs to the end of the last label's row, then to the end of its table (a row of
/// reasons under the last draft belongs to it); on a form of sentences (no table), the
/// paragraphs after the last one are its text, up to a heading, the closing formula or a table.
fn region_end(lines: &[Line], last_label: usize) -> usize {
    let mut last = last_label;
    while last + 1 < lines.len() && lines[last + 1].place.same_row(&lines[last_label].place) {
        last += 1;
    }
    let table_of_last = lines[last].place.outer_table;
    if table_of_last != 0 {
        while lines
            .get(last + 1)
            .is_some_and(|l| l.place.outer_table == table_of_last)
        {
            last += 1;
        }
    }
    if lines[last].place.table == 0 {
        while let Some(next) = lines.get(last + 1) {
            if next.place.table != 0 || is_closing(&next.text) || is_heading(&clean(&next.text)) {
                break;
            }
            last += 1;
        }
    }
    last
}

/// A heading: the draft is named before a colon within a few words ("Reasons for X.1382:",
/// "关于X.1644的理由："), or the line is a few words naming it with a word such as "Reasons" —
/// not a sentence of the text that happens to cite a draft.
pub(super) fn is_heading(text: &str) -> bool {
    let words = |s: &str| {
        s.split_whitespace().count()
            + s.chars().filter(|&c| crate::form::text::is_han(c)).count() / 3
    };
    match text.find([':', '：']) {
        Some(pos) => words(&text[..pos]) <= 12 && !find_drafts(&text[..pos]).is_empty(),
        None => {
            let folded = fold(text);
            words(text) <= 8
                && !find_drafts(text).is_empty()
                && compiled().iter().any(|c| c.heading_words.is_match(&folded))
        }
    }
}

pub fn is_closing(text: &str) -> bool {
    let folded = fold(text);
    compiled().iter().any(|c| c.closing.is_match(&folded))
}

/// Reads text after the answer table: paragraphs under a heading that names a draft — also
/// after the closing formula and signature, where an annex of reasons often follows.
pub fn read_after_table(lines: &[Line], from: usize, table: &mut AnswerTable) {
    let mut current: Vec<usize> = Vec::new();
    let mut closed = false;
    for line in lines.iter().skip(from) {
        let text = clean(&line.text);
        if text.is_empty() {
            continue;
        }
        if is_closing(&text) {
            // The letter ends here; only a heading naming a draft opens text again.
            closed = true;
            current.clear();
            continue;
        }
        if line.place.table == 0
            && current.is_empty()
            && !closed
            && sentence_after_table(&text, table)
        {
            continue;
        }
        let matches = heading_drafts(&text, table);
        if !matches.is_empty() {
            if matches.len() > 1 {
                // "Comments on F.748.20 and H.264.2:": the text is given to each, and said so.
                let names: Vec<String> = matches
                    .iter()
                    .map(|&m| table.drafts[m].name.draft.clone())
                    .collect();
                for &m in &matches {
                    let name = table.drafts[m].name.draft.clone();
                    let w = format!(
                        "{name}: the text under the heading \"{}\" is about {} together; it is given to each",
                        text.trim_end_matches([':', '：']),
                        names.join(" and ")
                    );
                    table.drafts[m].warnings.push(Warning {
                        kind: WarningKind::SharedText,
                        drafts: names.clone(),
                        text: w,
                    });
                }
            }
            current = matches;
            if let Some(rest) = after_colon(&text) {
                for &d in &current {
                    table.drafts[d].texts.after.push(rest.to_string());
                }
            }
            continue;
        }
        for &d in &current {
            table.drafts[d].texts.after.push(text.clone());
        }
    }
}

/// The drafts of the table a heading names ("Reasons for X.1382:", a draft's name alone, as
/// the first cell of a table of reasons heads its text); none when the line is no heading.
fn heading_drafts(text: &str, table: &AnswerTable) -> Vec<usize> {
    let bare_name = name_of_line(text).is_some() && text.split_whitespace().count() <= 6;
    if !(bare_name || is_heading(text)) {
        return Vec::new();
    }
    let named = find_drafts(text);
    (table.drafts.iter().enumerate())
        .filter(|(_, d)| named.iter().any(|n| d.name.same_as(n)))
        .map(|(i, _)| i)
        .collect()
}

/// The text after a heading's colon on the same line, if any.
fn after_colon(text: &str) -> Option<&str> {
    let pos = text.find([':', '：'])?;
    let rest = text[pos..].trim_start_matches([':', '：']).trim();
    (!rest.is_empty()).then_some(rest)
}

/// Reads the letter before the form: paragraphs under a heading that names a draft
/// ("Motifs – Y.3104 : …"), up to the next heading, a table or the closing formula. A draft's
/// bare name does not head text here (a subject line lists the drafts). The text is used only
/// when the form holds none ([`Texts::letter`](super::Texts)).
pub fn read_letter(lines: &[Line], table: &mut AnswerTable) {
    let mut current: Vec<usize> = Vec::new();
    for line in lines {
        let text = clean(&line.text);
        if text.is_empty() {
            continue;
        }
        if line.place.table != 0 || is_closing(&text) {
            current.clear();
            continue;
        }
        let named = if is_heading(&text) {
            heading_drafts(&text, table)
        } else {
            Vec::new()
        };
        if !named.is_empty() {
            current = named;
            let Some(rest) = after_colon(&text) else {
                continue;
            };
            for &d in &current {
                table.drafts[d].texts.letter.push(rest.to_string());
            }
            continue;
        }
        for &d in &current {
            table.drafts[d].texts.letter.push(text.clone());
        }
    }
}

/// The text speaks of every draft ("all the drafts listed above", "tous les projets").
pub(super) fn about_all(text: &str) -> bool {
    all_drafts_re().is_match(&fold(text))
}

fn except_re() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    R.get_or_init(|| Regex::new(EXCEPT).expect("static"))
}

fn all_drafts_re() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    R.get_or_init(|| Regex::new(ALL_DRAFTS).expect("static"))
}

/// A sentence written after the table that gives the decision ("The Administration of Nigeria
/// authorizes … all the drafts listed above …, without comments", "… con excepción del
/// proyecto Q.3057, que no autoriza"): text the person added to the form. Each draft it names
/// takes the decision of its own clause (from its name to the next name); when the sentence is
/// about every draft, the drafts it does not name take the sentence's. Only drafts whose
/// lines show no mark take it. Returns whether the line was such a sentence.
pub(super) fn sentence_after_table(text: &str, table: &mut AnswerTable) -> bool {
    let Some(label) = classify(text) else {
        return false;
    };
    if !matches!(label.kind, LineKind::Authorize | LineKind::NotAuthorize) {
        return false;
    }
    let folded = fold(text);
    let named = find_drafts(text);
    let about_all = all_drafts_re().is_match(&folded);
    if named.is_empty() && !about_all {
        return false;
    }
    // Each named draft's clause: from its name to the next one.
    let starts: Vec<usize> = named
        .iter()
        .filter_map(|n| {
            text.find(n.provisional.as_deref().unwrap_or(&n.draft))
                .or_else(|| text.find(&n.draft))
        })
        .collect();
    let first_name = starts.iter().copied().min().unwrap_or(text.len());
    for d in table.drafts.iter_mut() {
        let clause = match named.iter().position(|n| d.name.same_as(n)) {
            Some(i) => {
                let from = starts.get(i).copied().unwrap_or(0);
                let to = starts
                    .iter()
                    .copied()
                    .filter(|&s| s > from)
                    .min()
                    .unwrap_or(text.len());
                &text[from..to]
            }
            None if about_all => &text[..first_name],
            None => continue,
        };
        let kind = clause_kind(clause).unwrap_or_else(|| {
            let set_apart = named
                .iter()
                .position(|n| d.name.same_as(n))
                .and_then(|i| starts.get(i))
                .is_some_and(|&at| except_re().is_match(&fold(&text[..at])));
            match (set_apart, label.kind) {
                (true, LineKind::Authorize) => LineKind::NotAuthorize,
                (true, _) => LineKind::Authorize,
                (false, k) => k,
            }
        });
        if unmarked(d) {
            mark_by_sentence(d, kind, &fold(&text[..first_name]));
        } else if says_other(d, kind) {
            // A box marked against what the sentence says of this draft: two edits that
            // disagree (see `decide`), not a sentence overruled in silence.
            d.line_mut(kind).sentence = true;
            d.line_mut(kind).present = true;
        }
    }
    true
}

/// The sentence's decision `kind` is the other one than the draft's marked decision line.
fn says_other(d: &DraftReading, kind: LineKind) -> bool {
    match kind {
        LineKind::Authorize => d.not_authorize.checked() && !d.authorize.checked(),
        LineKind::NotAuthorize => d.authorize.checked() && !d.not_authorize.checked(),
        _ => false,
    }
}

/// A draft none of whose lines is marked.
pub(super) fn unmarked(d: &DraftReading) -> bool {
    ![
        &d.authorize,
        &d.not_authorize,
        &d.no_comments,
        &d.with_comments,
    ]
    .iter()
    .any(|s| s.checked() || s.sentence)
}

/// The decision a clause states on its own, in any language: refusal words first.
fn clause_kind(clause: &str) -> Option<LineKind> {
    let f = fold(clause);
    if compiled().iter().any(|c| c.not_authorize.is_match(&f)) {
        Some(LineKind::NotAuthorize)
    } else if compiled().iter().any(|c| c.authorize.is_match(&f)) {
        Some(LineKind::Authorize)
    } else {
        None
    }
}

/// Gives the draft the line the sentence chose, and the option its words say.
pub(super) fn mark_by_sentence(d: &mut DraftReading, kind: LineKind, folded: &str) {
    d.line_mut(kind).sentence = true;
    d.line_mut(kind).present = true;
    if kind != LineKind::Authorize {
        return;
    }
    for c in compiled() {
        for (k, re) in [
            (LineKind::NoComments, &c.no_comments),
            (LineKind::WithComments, &c.with_comments),
        ] {
            if re.is_match(folded) {
                d.line_mut(k).sentence = true;
                d.line_mut(k).present = true;
            }
        }
    }
}
