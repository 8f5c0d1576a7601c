//! The form's header: *From* (name, official capacity, address), e-mail and date; from them
//! and the reply's other clues, [`super::who`] tells the Member State that replied.

use super::dates::{parse_date, ReadDate};
use super::lang::compiled;
use super::layout::{Line, Place};
use super::text::{clean, fold, is_placeholder};
use crate::record::Sender;
use regex::Regex;
use std::sync::OnceLock;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Field {
    From,
    To,
    Date,
    Email,
    Fax,
}

/// What the header says.
#[derive(Debug, Default)]
pub struct Header {
    pub sender: Sender,
    /// The From block's lines (name, capacity, address…), placeholders removed.
    pub from_lines: Vec<String>,
    /// Indices (into the lines given) of the To block: TSB's own address, never the sender's.
    pub to_block: Vec<usize>,
    pub date: Option<ReadDate>,
    pub date_text: Option<String>,
}

/// How many non-blank characters at the start of a long line are enough to find a label: a
/// label is a few words, far shorter than this (see [`field_of`]).
const LABEL_WINDOW: usize = 64;

fn field_of(text: &str) -> Option<(Field, usize)> {
    // A label opens the line and is short, so a long ASCII line (a paragraph of a letter) is
    // looked at through its start only: folding maps ASCII byte for byte, so the folded start
    // is the start of the folded line, and any label of the whole line lies within it. Only a
    // match that reaches the cut could read differently: then the whole line is folded.
    if let Some(cut) = ascii_window(text, LABEL_WINDOW) {
        let folded = fold(&text[..cut]);
        match find_field(text, &folded) {
            None => return None,
            Some((f, off, end)) if end < folded.len() => return Some((f, off)),
            Some(_) => {}
        }
    }
    find_field(text, &fold(text)).map(|(f, off, _)| (f, off))
}

/// The field a folded line starts with, where its value begins in `text`, and where the label
/// ends in `folded`.
fn find_field(text: &str, folded: &str) -> Option<(Field, usize, usize)> {
    // Most lines name no field: one pass of all the labels together tells so.
    if any_field().is_some_and(|re| !re.is_match(folded)) {
        return None;
    }
    for c in compiled() {
        for (f, re) in [
            (Field::From, &c.from),
            (Field::To, &c.to),
            (Field::Date, &c.date),
            (Field::Email, &c.email),
            (Field::Fax, &c.fax),
        ] {
            if let Some(m) = re.find(folded) {
                // Map the folded length back: labels are short, count chars.
                let chars = folded[..m.end()].chars().count();
                let off = text
                    .char_indices()
                    .nth(chars)
                    .map(|(i, _)| i)
                    .unwrap_or(text.len());
                return Some((f, off, m.end()));
            }
        }
    }
    None
}

/// For an ASCII line longer than `n` non-blank characters: the byte length of its start that
/// holds the first `n` of them (cut after a non-blank character).
fn ascii_window(text: &str, n: usize) -> Option<usize> {
    if text.len() <= n || !text.is_ascii() {
        return None;
    }
    let mut seen = 0;
    for (i, b) in text.bytes().enumerate() {
        if !super::text::is_blank_byte(b) {
            seen += 1;
            if seen == n {
                return (i + 1 < text.len()).then_some(i + 1);
            }
        }
    }
    None
}

/// Every header label of every language as one regex; `None` if it cannot be built (then each
/// label is tried on its own).
fn any_field() -> Option<&'static Regex> {
    static ANY: OnceLock<Option<Regex>> = OnceLock::new();
    ANY.get_or_init(|| {
        let parts: Vec<String> = compiled()
            .iter()
            .flat_map(|c| [&c.from, &c.to, &c.date, &c.email, &c.fax])
            .map(|re| format!("(?:{})", re.as_str()))
            .collect();
        Regex::new(&parts.join("|")).ok()
    })
    .as_ref()
}

pub fn email_re() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    R.get_or_init(|| Regex::new(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}").expect("static"))
}

/// Reads the header from the lines before the answer table.
pub fn read_header(lines: &[Line]) -> Header {
    let labels = Labels::of(lines);
    let from = labels.first(Field::From);
    // The From block as written: placeholders keep their place, so that a name left as
    // "[Name]" does not make the ministry's line the sender's name.
    let raw_from: Vec<String> = from
        .map(|(i, _, off)| labels.value_of(i, off))
        .unwrap_or_default();
    let from_lines: Vec<String> = raw_from
        .iter()
        .filter(|t| !is_placeholder(t))
        .cloned()
        .collect();
    let from_cell = from.map(|(i, _, _)| lines[i].place);
    let email = labels
        .pick(Field::Email, from_cell)
        .and_then(|v| v.iter().find_map(|t| first_email(t)))
        .filter(|e| !e.to_ascii_lowercase().ends_with("@itu.int"))
        .or_else(|| from_lines.iter().find_map(|t| first_email(t)));
    let mut h = Header {
        sender: sender_of(raw_from, email),
        from_lines,
        to_block: labels.to_block(),
        ..Header::default()
    };
    if let Some(v) = labels.pick(Field::Date, from_cell) {
        let joined = v.join(" ");
        h.date = parse_date(&joined);
        if !is_placeholder(&joined) {
            h.date_text = Some(joined);
        }
    }
    h
}

fn first_email(text: &str) -> Option<String> {
    email_re().find(text).map(|m| m.as_str().to_string())
}

/// The header's lines and, for each line that opens with a label, its field and where its
/// value begins.
struct Labels<'a> {
    lines: &'a [Line],
    labelled: Vec<(usize, Field, usize)>,
}

impl<'a> Labels<'a> {
    fn of(lines: &'a [Line]) -> Self {
        let labelled = lines
            .iter()
            .enumerate()
            .filter_map(|(i, l)| field_of(&l.text).map(|(f, off)| (i, f, off)))
            .collect();
        Labels { lines, labelled }
    }

    fn first(&self, field: Field) -> Option<(usize, Field, usize)> {
        self.labelled.iter().find(|(_, f, _)| *f == field).copied()
    }

    fn is_label(&self, j: usize) -> bool {
        self.labelled.iter().any(|(k, _, _)| *k == j)
    }

    /// The value of the label on line `idx`, whose inline value begins at byte `off`.
    fn value_of(&self, idx: usize, off: usize) -> Vec<String> {
        let lines = self.lines;
        let line = &lines[idx];
        let inline = clean(line.text.get(off..).unwrap_or(""));
        if !inline.is_empty() {
            // "From: Name" on one line: the value continues on the following lines until the
            // next label or a table cell change.
            let mut v = vec![inline];
            for (j, l) in lines.iter().enumerate().skip(idx + 1) {
                if self.is_label(j) || l.place.table != line.place.table || !l.has_text() {
                    break;
                }
                v.push(clean(&l.text));
            }
            return v;
        }
        if line.place.table > 0 {
            let below = self.below_in_cell(idx);
            if below.is_empty() {
                return self.cell_beside(idx);
            }
            return below.iter().map(|&j| clean(&lines[j].text)).collect();
        }
        // Paragraph layout: the next non-empty line.
        lines
            .iter()
            .skip(idx + 1)
            .find(|l| l.has_text())
            .map(|l| vec![clean(&l.text)])
            .unwrap_or_default()
    }

    /// "From:" alone on its line in a cell with the value below it in the same cell (a
    /// two-column header, To on one side and From on the other): the lines with text up to
    /// the next label.
    fn below_in_cell(&self, idx: usize) -> Vec<usize> {
        let place = self.lines[idx].place;
        (idx + 1..self.lines.len())
            .take_while(|&j| self.lines[j].place.same_cell(&place) && !self.is_label(j))
            .filter(|&j| self.lines[j].has_text())
            .collect()
    }

    /// "From:" alone in a cell: the value is the next cell of the row, at the same position
    /// among its paragraphs as the label among the label cell's.
    fn cell_beside(&self, idx: usize) -> Vec<String> {
        let lines = self.lines;
        let place = lines[idx].place;
        let pos = lines
            .iter()
            .take(idx)
            .filter(|l| l.place.same_cell(&place))
            .count();
        let label_count = lines.iter().filter(|l| l.place.same_cell(&place)).count();
        let next: Vec<&Line> = lines
            .iter()
            .filter(|l| l.place.same_row(&place) && l.place.cell == place.cell + 1)
            .collect();
        if label_count <= 1 {
            return next
                .iter()
                .map(|l| clean(&l.text))
                .filter(|t| !t.is_empty())
                .collect();
        }
        next.get(pos)
            .map(|l| vec![clean(&l.text)])
            .unwrap_or_default()
    }

    /// The To block: its label line and the cell beside it (or the lines up to the next label).
    fn to_block(&self) -> Vec<usize> {
        let mut block = Vec::new();
        let Some((i, _, _)) = self.first(Field::To) else {
            return block;
        };
        let p = self.lines[i].place;
        block.push(i);
        let below = self.below_in_cell(i);
        if p.table > 0 && !below.is_empty() {
            block.extend(below);
            return block;
        }
        for (j, l) in self.lines.iter().enumerate().skip(i + 1) {
            let beside = p.table > 0 && l.place.same_row(&p) && l.place.cell == p.cell + 1;
            let below = p.table == 0 && l.place.table == 0 && !self.is_label(j);
            if beside || (below && j < i + 8) {
                block.push(j);
            } else if p.table == 0 {
                break;
            }
        }
        block
    }

    /// The first value of `field` that is not a placeholder, preferring labels in the same
    /// column as From (the To side has TSB's own fax and e-mail).
    fn pick(&self, field: Field, from_cell: Option<Place>) -> Option<Vec<String>> {
        let mut cands: Vec<&(usize, Field, usize)> = self
            .labelled
            .iter()
            .filter(|(_, f, _)| *f == field)
            .collect();
        if let Some(fc) = from_cell {
            cands.sort_by_key(|(i, _, _)| {
                let p = self.lines[*i].place;
                (p.table != fc.table || p.cell != fc.cell, *i)
            });
        }
        cands
            .iter()
            .map(|&&(i, _, off)| self.value_of(i, off))
            .find(|v| v.iter().any(|t| !is_placeholder(t)))
    }
}

/// The sender from the From block as written: name, capacity, then the address.
fn sender_of(raw_from: Vec<String>, email: Option<String>) -> Sender {
    // "From: Ms X, Director, Ministry of …, City, Country" on one line: its parts.
    let raw_from: Vec<String> = match raw_from.as_slice() {
        [one] if one.matches([',', '،', '，']).count() >= 2 => one
            .split([',', '،', '，'])
            .map(|p| p.trim().to_string())
            .filter(|p| !p.is_empty())
            .collect(),
        _ => raw_from,
    };
    let lines_of: Vec<&String> = raw_from
        .iter()
        .filter(|t| !email_re().is_match(t))
        .collect();
    let real = |s: Option<&&String>| s.filter(|s| !is_placeholder(s)).map(|s| s.to_string());
    let rest: Vec<&str> = lines_of
        .iter()
        .skip(2)
        .filter(|s| !is_placeholder(s))
        .map(|s| s.as_str())
        .collect();
    Sender {
        name: real(lines_of.first()),
        title: real(lines_of.get(1)),
        address: (!rest.is_empty()).then(|| rest.join("\n")),
        email,
    }
}

/// The From line naming a company, when the From block names a company and no public body.
pub(super) fn non_state_sender(from: &[String]) -> Option<String> {
    static COMPANY: OnceLock<Regex> = OnceLock::new();
    static PUBLIC: OnceLock<Regex> = OnceLock::new();
    let company = COMPANY.get_or_init(|| {
        // A suffix ending in a dot ("S.A.") has no word boundary after it: it is matched apart.
        Regex::new(r"\b(?:Ltd|Limited|Inc|Corp|Corporation|GmbH|LLC|PLC|plc|SARL|SAS|AG|Co\.,? Ltd)\b|\b(?:S\.A|S\.p\.A|B\.V|N\.V)\.|有限公司|株式会社")
            .expect("static")
    });
    let public = PUBLIC.get_or_init(|| {
        Regex::new(r"(?i)ministr|minist[eè]re|ministerio|министерств|وزار|部|administration|administración|authority|autorit|autoridad|regulat|r[ée]gulation|commission|comisi[oó]n|agenc|department|d[ée]partement|departamento|government|gouvernement|gobierno|office of|secretar|direction g[ée]n[ée]rale|direcci[oó]n general|局|委员会|هيئة|سلطة|الجهاز|управлени|агентств|комисси|ведомств")
            .expect("static")
    });
    // The organisation's own line decides (a person's title may name a department).
    let org = from.iter().find(|l| company.is_match(l))?;
    if public.is_match(org) {
        return None;
    }
    Some(org.clone())
}

/// A state or territory that is not an ITU Member State, named in the From block.
pub(super) fn non_member(from: &[String]) -> Option<&'static str> {
    const NAMES: [(&str, &str); 12] = [
        ("palestin", "Palestine"),
        ("فلسطين", "Palestine"),
        ("палестин", "Palestine"),
        ("巴勒斯坦", "Palestine"),
        ("kosov", "Kosovo"),
        ("косов", "Kosovo"),
        ("كوسوفو", "Kosovo"),
        ("科索沃", "Kosovo"),
        ("taiwan", "Taiwan"),
        ("台湾", "Taiwan"),
        ("台灣", "Taiwan"),
        ("тайван", "Taiwan"),
    ];
    let text = super::text::fold(&from.join(" "));
    NAMES
        .iter()
        .find(|(n, _)| text.contains(n))
        .map(|(_, name)| *name)
}

pub use super::who::{identify, Clues, Identified};

#[cfg(test)]
mod tests {
    use super::*;

    /// Every label fits well inside the window: the patterns are words, optional groups and
    /// classes, whose longest match is no longer than their source; `\s*` matches at most one
    /// character of folded text. (A pattern outside these rules needs a new bound.)
    #[test]
    fn labels_are_shorter_than_the_window() {
        for w in super::super::lang::WORDS.iter() {
            for p in [w.from, w.to, w.date, w.email, w.fax] {
                let stripped = p.replace(r"\s*", "");
                assert!(
                    !stripped.contains(['+', '*', '{']),
                    "{p}: unbounded or counted repetition"
                );
                // `^\s*` before, `\s*[:：]\s*` after.
                assert!(p.chars().count() + 4 < LABEL_WINDOW, "{p}");
            }
        }
    }

    /// Looking at a long line's start gives what folding the whole line gives.
    #[test]
    fn long_lines_read_like_whole_lines() {
        assert!(any_field().is_some(), "the union of the labels compiles");
        let long = "Lorem ipsum dolor sit amet, consectetur. ".repeat(20);
        let cases = [
            format!("Date: 6 February 2023 {long}"),
            format!("E-mail: a@b.c {long}"),
            format!("  FROM :{long}"),
            long.clone(),
            format!("{long} Date:"),
            format!("Fax{}: x {long}", " ".repeat(300)),
            format!("Date{long}"),
            format!("Télécopie : {long}"),
        ];
        for text in &cases {
            let whole = find_field(text, &fold(text)).map(|(f, off, _)| (f, off));
            assert_eq!(field_of(text), whole, "{text:?}");
        }
        assert_eq!(field_of(&cases[0]), Some((Field::Date, 6)));
        assert_eq!(field_of(&cases[3]), None);
    }
}
