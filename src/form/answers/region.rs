//! Where the answers are: the region of the document's lines the answer table spans (with a
//! draft's name just above it and, on a form of sentences, the paragraphs after the last one),
//! and the text after the table under headings that name a draft.

use super::AnswerTable;
use crate::form::drafts::{find_drafts, name_of_line};
use crate::form::lang::compiled;
use crate::form::layout::Line;
use crate::form::text::{clean, fold};
use crate::warning::{Warning, WarningKind};

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
            + s.chars()
                .filter(|c| ('\u{4E00}'..='\u{9FFF}').contains(c))
                .count()
                / 3
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

pub(super) fn is_closing(text: &str) -> bool {
    let folded = fold(text);
    compiled().iter().any(|c| c.closing.is_match(&folded))
}

/// Reads text after the answer table: paragraphs under a heading that names a draft.
pub fn read_after_table(lines: &[Line], from: usize, table: &mut AnswerTable) {
    let mut current: Vec<usize> = Vec::new();
    for line in lines.iter().skip(from) {
        let text = clean(&line.text);
        if text.is_empty() {
            continue;
        }
        if is_closing(&text) {
            break;
        }
        let named = find_drafts(&text);
        let matches: Vec<usize> = table
            .drafts
            .iter()
            .enumerate()
            .filter(|(_, d)| named.iter().any(|n| d.name.same_as(n)))
            .map(|(i, _)| i)
            .collect();
        let heading_like = is_heading(&text);
        if !matches.is_empty() && heading_like {
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
            // Text after the heading's colon on the same line.
            if let Some(pos) = text.find([':', '：']) {
                let rest = text[pos..].trim_start_matches([':', '：']).trim();
                if !rest.is_empty() {
                    for &d in &current {
                        table.drafts[d].texts.after.push(rest.to_string());
                    }
                }
            }
            continue;
        }
        for &d in &current {
            table.drafts[d].texts.after.push(text.clone());
        }
    }
}
