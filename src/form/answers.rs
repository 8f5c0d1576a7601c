//! The answer table: finds each draft, its *authorizes* / *does not authorize* lines and the two
//! options, decides what was marked, and gathers reasons and comments.

use super::drafts::{find_drafts, DraftName};
use super::lang::{compiled, Compiled};
use super::layout::{Line, LineMark};
use super::text::{clean, fold, is_placeholder};
use crate::docx::model::{Checkbox, Mechanism};
use crate::record::{Comments, Decision, Evidence};

/// Which line of the form a label is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineKind {
    Authorize,
    NotAuthorize,
    NoComments,
    WithComments,
}

impl LineKind {
    pub fn as_str(self) -> &'static str {
        match self {
            LineKind::Authorize => "authorize",
            LineKind::NotAuthorize => "not_authorize",
            LineKind::NoComments => "no_comments",
            LineKind::WithComments => "with_comments",
        }
    }
}

/// A recognised label on a line.
#[derive(Debug, Clone, Copy)]
pub struct Label {
    pub kind: LineKind,
    pub lang: &'static str,
    /// Byte offset in the line's text (after any typed mark) where the label ends and what the
    /// person wrote begins.
    pub end: usize,
    /// Words stand before the label ("The Administration of Spain authorizes …"): a sentence
    /// written by the person, not the printed line.
    pub sentence: bool,
}

/// A typed mark: whether it says chosen, and how it was typed ("X" is a glyph, "Yes" words).
pub type Typed = (bool, Evidence);

/// Recognises a form label at the start of `text` (a few words of slack allowed before it).
pub fn classify(text: &str) -> Option<Label> {
    // Most lines of a letter hold none of the words every label contains: an ASCII line is
    // told so before it is folded (a key has no blank or apostrophe, so case aside it reads
    // the same in the line as in its folded text).
    if text.is_ascii() && !ascii_may_hold_label(text) {
        return None;
    }
    let folded = fold(text);
    // The languages whose label words the line holds: only their patterns are tried.
    let languages = LABEL_KEYS
        .as_ref()
        .map_or(u64::MAX, |k| k.languages(&folded));
    if folded.is_empty() || languages == 0 {
        return None;
    }
    let mut best: Option<(usize, LineKind, &Compiled)> = None;
    for (i, c) in compiled().iter().enumerate() {
        if (languages >> i.min(63)) & 1 == 0 {
            continue;
        }
        // The earliest label in the line wins; on a tie the negation first (every "does not
        // authorize" contains "authorize").
        let found = [
            (LineKind::NotAuthorize, &c.not_authorize),
            (LineKind::NoComments, &c.no_comments),
            (LineKind::WithComments, &c.with_comments),
            (LineKind::Authorize, &c.authorize),
        ]
        .into_iter()
        .filter_map(|(k, re)| re.find(&folded).map(|m| (m.start(), k)))
        .min_by_key(|(start, _)| *start);
        if let Some((start, kind)) = found {
            // The label must open the line (allowing a short lead such as "The Administration").
            let lead = &folded[..start];
            // …and the lead must not itself name a draft or announce reasons: "X.1411 –
            // reasons for not authorizing:" is a heading, not a form line.
            let heading = !find_drafts(lead).is_empty()
                || compiled().iter().any(|c| c.heading_words.is_match(lead));
            // A sentence may start "The Administration of the Argentine Republic …".
            if lead.chars().count() <= 100 && !heading && best.is_none_or(|(s, _, _)| start < s) {
                best = Some((start, kind, c));
            }
        }
    }
    let (start, kind, c) = best?;
    // Words before the label make it a sentence the person wrote.
    let sentence = folded[..start]
        .chars()
        .filter(|ch| ch.is_alphabetic())
        .count()
        >= 3;
    Some(Label {
        kind,
        lang: c.code,
        end: label_end(text, kind, c),
        sentence,
    })
}

/// Words one of which every match of every label pattern contains (`None` if some pattern has
/// no such set), lower case like the folded text the patterns read.
struct LabelKeys {
    /// Every word, matched overlapping: which languages a folded line has words of.
    all: aho_corasick::AhoCorasick,
    /// The language (index in [`compiled`]) of each word of `all`.
    language: Vec<usize>,
    /// The ASCII ones: all an ASCII line can hold, and fewer words search faster.
    ascii: aho_corasick::AhoCorasick,
}

impl LabelKeys {
    /// Bit `i` set: the folded line holds a word of the `i`-th language of [`compiled`].
    fn languages(&self, folded: &str) -> u64 {
        self.all
            .find_overlapping_iter(folded)
            .filter_map(|m| self.language.get(m.pattern().as_usize()))
            .fold(0, |set, &l| set | (1 << l.min(63)))
    }
}

static LABEL_KEYS: std::sync::LazyLock<Option<LabelKeys>> = std::sync::LazyLock::new(|| {
    let mut keys: Vec<String> = Vec::new();
    let mut language = Vec::new();
    for (i, c) in compiled().iter().enumerate() {
        for re in [
            &c.not_authorize,
            &c.no_comments,
            &c.with_comments,
            &c.authorize,
        ] {
            let hir = regex_syntax::Parser::new().parse(re.as_str()).ok()?;
            for key in required_words(&hir)? {
                // The longest piece without blanks or apostrophes: folding changes those.
                let piece = key
                    .split(|ch: char| ch.is_whitespace() || ch == '\'')
                    .max_by_key(|p| p.len())
                    .unwrap_or("");
                if piece.is_empty() {
                    return None;
                }
                keys.push(piece.to_string());
                language.push(i);
            }
        }
    }
    // Matched on lower-case text: a case-blind automaton would lose the vectorised search that
    // makes scanning every line of a long letter cheap (and leftmost matching lets it use it).
    let ascii = aho_corasick::AhoCorasick::builder()
        .match_kind(aho_corasick::MatchKind::LeftmostFirst)
        .build(keys.iter().filter(|k| k.is_ascii()))
        .ok()?;
    Some(LabelKeys {
        all: aho_corasick::AhoCorasick::new(&keys).ok()?,
        language,
        ascii,
    })
});

/// Whether an ASCII line holds one of [`LABEL_KEYS`], case aside.
fn ascii_may_hold_label(text: &str) -> bool {
    let Some(keys) = LABEL_KEYS.as_ref() else {
        return true;
    };
    thread_local! {
        static LOWER: std::cell::RefCell<Vec<u8>> = const { std::cell::RefCell::new(Vec::new()) };
    }
    LOWER.with(|buf| {
        let mut lower = buf.borrow_mut();
        lower.clear();
        lower.extend(text.bytes().map(|b| b.to_ascii_lowercase()));
        keys.ascii.is_match(lower.as_slice())
    })
}

/// Strings one of which every match of `hir` contains, if the pattern's shape says so.
fn required_words(hir: &regex_syntax::hir::Hir) -> Option<Vec<String>> {
    use regex_syntax::hir::HirKind;
    match hir.kind() {
        HirKind::Literal(l) => std::str::from_utf8(&l.0).ok().map(|s| vec![s.to_string()]),
        HirKind::Capture(c) => required_words(&c.sub),
        HirKind::Repetition(r) if r.min >= 1 => required_words(&r.sub),
        // Any part's words will do; the part whose shortest word is longest rules out most.
        HirKind::Concat(parts) => parts
            .iter()
            .filter_map(required_words)
            .max_by_key(|w| w.iter().map(String::len).min().unwrap_or(0)),
        HirKind::Alternation(alts) => {
            let mut all = Vec::new();
            for a in alts {
                all.extend(required_words(a)?);
            }
            Some(all)
        }
        _ => None,
    }
}

/// Where the printed label ends in the original text: after the parenthesis that follows the
/// verb ("… approval (the reasons … are attached)"), or after the option's own words.
fn label_end(text: &str, kind: LineKind, c: &Compiled) -> usize {
    let re = match kind {
        LineKind::NotAuthorize => &c.not_authorize,
        LineKind::Authorize => &c.authorize,
        LineKind::NoComments => &c.no_comments,
        LineKind::WithComments => &c.with_comments,
    };
    // Map the folded match back to the original text by scanning character by character.
    let Some(start) = original_offset_of_match(text, re) else {
        return text.len();
    };
    let rest = &text[start..];
    let end_in_rest = match kind {
        LineKind::NoComments | LineKind::WithComments => option_label_end(rest),
        LineKind::Authorize | LineKind::NotAuthorize => verb_label_end(rest),
    };
    let mut end = start + end_in_rest;
    // Swallow a colon or full stop right after the label.
    let tail = &text[end..];
    let trimmed = tail.trim_start_matches([' ', '\t', ':', '：', '.', '。', ';', '；']);
    end += tail.len() - trimmed.len();
    end
}

fn original_offset_of_match(text: &str, re: &regex::Regex) -> Option<usize> {
    // Folding can change lengths, so find the first char boundary whose folded suffix matches
    // at its start.
    let folded_full = fold(text);
    let m = re.find(&folded_full)?;
    let target = folded_full[..m.start()]
        .chars()
        .filter(|c| !c.is_whitespace())
        .count();
    let mut seen = 0usize;
    for (i, ch) in text.char_indices() {
        if seen >= target && !ch.is_whitespace() {
            return Some(i);
        }
        // An ASCII character folds to itself (lower case) or, if blank, to nothing.
        seen += if ch.is_ascii() {
            usize::from(!ch.is_whitespace())
        } else {
            fold(&ch.to_string())
                .chars()
                .filter(|c| !c.is_whitespace())
                .count()
        };
    }
    Some(text.len())
}

/// End of "Authorizes … (in this case …):" / "Does not authorize … (the reasons … attached)".
fn verb_label_end(rest: &str) -> usize {
    // The printed label is one sentence whose first parenthesis closes it.
    let open = rest.find(['(', '（']);
    let stop = rest.find(['.', '。', ':', '：', '\t']);
    match (open, stop) {
        (Some(o), s) if s.is_none_or(|s| o < s) => {
            let mut depth = 0i32;
            for (i, ch) in rest[o..].char_indices() {
                match ch {
                    '(' | '（' => depth += 1,
                    ')' | '）' => {
                        depth -= 1;
                        if depth == 0 {
                            return o + i + ch.len_utf8();
                        }
                    }
                    _ => {}
                }
            }
            rest.len()
        }
        (_, Some(s)) => s,
        _ => rest.len(),
    }
}

/// End of "No comments or proposed changes" / "Comments and proposed changes attached".
fn option_label_end(rest: &str) -> usize {
    // The option's printed words end with one of these; whatever follows was typed by the
    // person ("… attached The term 'edge node' …"). Take the last such word within the
    // option's usual length, and never past a colon that ends it.
    const CLOSING: [&str; 24] = [
        "attached",
        "changes",
        "change",
        "joints",
        "jointes",
        "joint",
        "modification",
        "modifications",
        "adjuntan",
        "adjuntos",
        "adjunto",
        "cambio",
        "cambios",
        "propuestos",
        "propuestas",
        "прилагаются",
        "изменений",
        "изменения",
        "нет",
        "修改",
        "建议",
        "مقترحة",
        "المقترحة",
        "طيه",
    ];
    let window: usize = rest
        .char_indices()
        .nth(70)
        .map(|(i, _)| i)
        .unwrap_or(rest.len());
    let colon = rest.find([':', '：', '\t']).unwrap_or(rest.len());
    let limit = window.min(colon);
    let lower = rest.to_lowercase();
    if lower.len() != rest.len() {
        // Lower-casing changed byte lengths: fall back to the first colon.
        return colon;
    }
    let mut best = None;
    for w in CLOSING {
        let mut from = 0;
        while let Some(i) = lower[from..].find(w).map(|i| i + from) {
            let end = i + w.len();
            from = end;
            if end > limit {
                break;
            }
            let at_word_end = lower[end..]
                .chars()
                .next()
                .is_none_or(|c| !c.is_alphanumeric() || !w.is_ascii());
            if at_word_end && rest.is_char_boundary(end) && best.is_none_or(|b| end > b) {
                best = Some(end);
            }
        }
    }
    best.unwrap_or(colon)
}

/// The state of one line of the form (a decision line or an option).
#[derive(Debug, Clone, Default)]
pub struct LineState {
    /// Marks that belong to this line, with whether they count.
    pub marks: Vec<(LineMark, bool)>,
    /// A typed mark at the start of the label ("X\tNo comments") or in its box cell ("Yes").
    pub typed: Option<Typed>,
    /// The whole line is highlighted/shaded, bold, underlined (emphasis used as a mark).
    pub highlighted: bool,
    pub bold: bool,
    pub underline: bool,
    /// The line is a sentence the person wrote ("Spain authorizes …").
    pub sentence: bool,
    pub present: bool,
}

impl LineState {
    fn counted(&self) -> impl Iterator<Item = &Checkbox> {
        self.marks
            .iter()
            .filter(|(_, c)| *c)
            .map(|(m, _)| &m.checkbox)
    }
    pub fn checked(&self) -> bool {
        self.typed.is_some_and(|t| t.0) || self.counted().any(|c| c.checked == Some(true))
    }
    pub fn unknown(&self) -> bool {
        !self.checked() && self.counted().any(|c| c.checked.is_none())
    }
    pub fn has_mark(&self) -> bool {
        self.typed.is_some() || self.counted().next().is_some()
    }
    pub fn evidence(&self) -> Evidence {
        if let Some(c) = self.counted().find(|c| c.checked == Some(true)) {
            return mechanism_evidence(c.mechanism);
        }
        if let Some((true, ev)) = self.typed {
            return ev;
        }
        Evidence::None
    }
}

pub fn mechanism_evidence(m: Mechanism) -> Evidence {
    match m {
        Mechanism::LegacyCheckbox => Evidence::LegacyCheckbox,
        Mechanism::ContentControl => Evidence::ContentControl,
        Mechanism::Glyph => Evidence::Glyph,
        Mechanism::Symbol => Evidence::Symbol,
        Mechanism::Activex => Evidence::Activex,
    }
}

/// Everything read for one draft.
#[derive(Debug, Clone)]
pub struct DraftReading {
    pub name: DraftName,
    pub authorize: LineState,
    pub not_authorize: LineState,
    pub no_comments: LineState,
    pub with_comments: LineState,
    /// Text written under/after the authorize part (comments) and the not-authorize part (reasons).
    pub auth_text: Vec<String>,
    pub not_text: Vec<String>,
    /// Text found after the table under a heading naming this draft.
    pub after_text: Vec<String>,
    pub decision: Decision,
    pub comments: Option<Comments>,
    pub evidence: Evidence,
    pub text: String,
    pub why: String,
    pub warnings: Vec<String>,
}

impl DraftReading {
    fn new(name: DraftName) -> Self {
        DraftReading {
            name,
            authorize: LineState::default(),
            not_authorize: LineState::default(),
            no_comments: LineState::default(),
            with_comments: LineState::default(),
            auth_text: Vec::new(),
            not_text: Vec::new(),
            after_text: Vec::new(),
            decision: Decision::NoReply,
            comments: None,
            evidence: Evidence::None,
            text: String::new(),
            why: String::new(),
            warnings: Vec::new(),
        }
    }

    fn line_mut(&mut self, k: LineKind) -> &mut LineState {
        match k {
            LineKind::Authorize => &mut self.authorize,
            LineKind::NotAuthorize => &mut self.not_authorize,
            LineKind::NoComments => &mut self.no_comments,
            LineKind::WithComments => &mut self.with_comments,
        }
    }

    fn bucket(&mut self, k: LineKind) -> &mut Vec<String> {
        match k {
            LineKind::NotAuthorize => &mut self.not_text,
            _ => &mut self.auth_text,
        }
    }
}

/// Where each mark ended up, for `explain`.
#[derive(Debug, Clone)]
pub struct MarkUse {
    pub id: usize,
    pub draft: Option<String>,
    pub line: Option<LineKind>,
    pub counted: bool,
}

/// The result of reading the answer part of a form.
#[derive(Debug, Default)]
pub struct AnswerTable {
    pub drafts: Vec<DraftReading>,
    /// Index of the first and last line of the answer region in the line list.
    pub region: Option<(usize, usize)>,
    /// Label counts per language.
    pub languages: Vec<(&'static str, usize)>,
    pub mark_uses: Vec<MarkUse>,
    pub warnings: Vec<String>,
}

/// Per-line analysis.
struct Info {
    label: Option<Label>,
    /// Text after a typed mark was removed.
    body_offset: usize,
    typed: Option<Typed>,
    drafts: Vec<DraftName>,
}

fn analyse(line: &Line) -> Info {
    // Typed marks ("X", "[x]") are already marks of the line (see `layout`); a word of assent
    // ("Yes", "Да") typed alone is read here.
    let (typed, body_offset) = match word_mark(&line.text) {
        Some(checked) => (Some((checked, Evidence::Text)), line.text.len()),
        None => (None, 0),
    };
    let body = &line.text[body_offset.min(line.text.len())..];
    // A sentence ("Spain authorizes SG2 to consider E.212 …") stands for a form line only
    // outside the answer table and when it names its draft; inside a table it is text.
    let label = classify(body)
        .filter(|l| !l.sentence || (line.place.table == 0 && find_drafts(body).len() == 1));
    Info {
        label,
        body_offset,
        typed,
        // Filled in for the lines of the answer region only (see `read_answers`): a long
        // letter before the form would otherwise be searched for draft names line by line.
        drafts: Vec::new(),
    }
}

/// The drafts a line names, unless it holds a label.
fn drafts_of(line: &Line, info: &Info) -> Vec<DraftName> {
    if info.label.is_some() {
        return Vec::new();
    }
    find_drafts(&line.text[info.body_offset.min(line.text.len())..])
}

/// A line that is only a word of assent or refusal typed beside a form line ("Yes", "Oui",
/// "Да", "نعم", "是", "No").
fn word_mark(text: &str) -> Option<bool> {
    // Folding keeps every other ASCII character, which trimming cannot remove from inside: a
    // longer line is no single word, and need not be folded to tell (long lines are common).
    if text.is_ascii()
        && text
            .bytes()
            .filter(|&b| !super::text::is_blank_byte(b))
            .filter(|b| !matches!(b, b'.' | b'!' | b':' | b'-'))
            .nth(20)
            .is_some()
    {
        return None;
    }
    let f = fold(text);
    let f = f.trim_matches(|c: char| c.is_whitespace() || matches!(c, '.' | '!' | ':' | '-'));
    if f.is_empty() || f.chars().count() > 20 {
        return None;
    }
    for c in compiled() {
        if c.yes.is_match(f) {
            return Some(true);
        }
        if c.no.is_match(f) {
            return Some(false);
        }
    }
    None
}

/// The header row of a matrix form (one row per draft, a column per choice).
struct MatrixHeader {
    table: usize,
    row: usize,
    /// (cell number, the choice that column stands for)
    columns: Vec<(usize, LineKind)>,
}

/// Finds matrix-form header rows: a row whose cells hold at least the two decision labels in
/// different cells, with no marks and no draft named in it.
fn matrix_headers(lines: &[Line], infos: &[Info], start: usize, last: usize) -> Vec<MatrixHeader> {
    let mut out: Vec<MatrixHeader> = Vec::new();
    let mut i = start;
    while i <= last {
        let place = lines[i].place;
        let mut j = i;
        while j <= last && lines[j].place.same_row(&place) {
            j += 1;
        }
        if place.table > 0 && !out.iter().any(|m| m.table == place.table) {
            let row = i..j.max(i + 1);
            let mut columns: Vec<(usize, LineKind)> = Vec::new();
            let mut clean_header = true;
            for k in row.clone() {
                if !lines[k].marks.is_empty()
                    || infos[k].typed.is_some()
                    || !infos[k].drafts.is_empty()
                {
                    clean_header = false;
                }
                if let Some(l) = infos[k].label {
                    if !columns.iter().any(|(c, _)| *c == lines[k].place.cell) {
                        columns.push((lines[k].place.cell, l.kind));
                    }
                }
            }
            let has = |k: LineKind| columns.iter().any(|(_, c)| *c == k);
            if clean_header && has(LineKind::Authorize) && has(LineKind::NotAuthorize) {
                out.push(MatrixHeader {
                    table: place.table,
                    row: place.row,
                    columns,
                });
            }
        }
        i = j.max(i + 1);
    }
    out
}

/// Reads the answer table(s) out of the document's lines.
pub fn read_answers(lines: &[Line]) -> AnswerTable {
    let mut infos: Vec<Info> = lines.iter().map(analyse).collect();
    let mut out = AnswerTable::default();
    let label_idx: Vec<usize> = infos
        .iter()
        .enumerate()
        .filter(|(_, i)| i.label.is_some())
        .map(|(n, _)| n)
        .collect();
    let (Some(&first), Some(&last_label)) = (label_idx.first(), label_idx.last()) else {
        return out;
    };
    // The region runs to the end of the last label's row.
    let mut last = last_label;
    while last + 1 < lines.len() && lines[last + 1].place.same_row(&lines[last_label].place) {
        last += 1;
    }
    // Rows after the last label row in the same table (a row of reasons under the last draft)
    // belong to it.
    let table_of_last = lines[last].place.outer_table;
    if table_of_last != 0 {
        while lines
            .get(last + 1)
            .is_some_and(|l| l.place.outer_table == table_of_last)
        {
            last += 1;
        }
    }
    // Replies written as sentences (no table): the paragraphs after the last one are its text,
    // up to a heading, the closing formula or a table.
    if lines[last].place.table == 0 {
        while let Some(next) = lines.get(last + 1) {
            if next.place.table != 0 || is_closing(&next.text) || is_heading(&clean(&next.text)) {
                break;
            }
            last += 1;
        }
    }
    // Tables that hold labels: draft names are looked for there, and just before.
    // The region starts with the first label's table (its rows before the first label hold
    // the first draft's name), and takes in a draft's name written just above the table.
    let first_table = lines[first].place.outer_table;
    let mut start = first;
    while start > 0 && first_table != 0 && lines[start - 1].place.outer_table == first_table {
        start -= 1;
    }
    while start > 0 && lines[start - 1].place.outer_table == 0 {
        let prev = &lines[start - 1];
        let is_name = super::drafts::name_of_line(&prev.text).is_some();
        if !(is_name
            || (prev.text.trim().is_empty()
                && start >= 2
                && super::drafts::name_of_line(&lines[start - 2].text).is_some()))
        {
            break;
        }
        start -= 1;
    }
    out.region = Some((start, last));
    for (line, info) in lines[start..=last].iter().zip(&mut infos[start..=last]) {
        info.drafts = drafts_of(line, info);
    }

    let mut langs: Vec<(&'static str, usize)> = Vec::new();
    for &i in &label_idx {
        if let Some(l) = infos[i].label {
            match langs.iter_mut().find(|(c, _)| *c == l.lang) {
                Some(e) => e.1 += 1,
                None => langs.push((l.lang, 1)),
            }
        }
    }
    langs.sort_by_key(|l| std::cmp::Reverse(l.1));
    out.languages = langs;

    // Subject-line drafts, used when the table names none (a single-draft circular).
    let mut current: Option<usize> = None;
    // Marks on lines of their own (a box cell), waiting for the line they belong to.
    let mut pending: Vec<Pending> = Vec::new();
    // The labels met in the current row, in order.
    let mut row_labels: Vec<(usize, LineKind)> = Vec::new();
    let mut row_first_label: Option<(usize, LineKind)> = None;
    let mut cell_label: Option<LineKind> = None;
    let mut prev_place = None;

    let matrix = matrix_headers(lines, &infos, start, last);

    let mut i = start;
    while i <= last {
        let line = &lines[i];
        let info = &infos[i];
        // A matrix form: the header row's labels name columns, not lines of a draft.
        if let Some(m) = matrix.iter().find(|m| m.table == line.place.table) {
            if line.place.row == m.row {
                prev_place = Some(line.place);
                i += 1;
                continue;
            }
            let column = m
                .columns
                .iter()
                .find(|(c, _)| *c == line.place.cell)
                .map(|(_, k)| *k);
            let mark_only = info.label.is_none()
                && (!line.marks.is_empty() || info.typed.is_some())
                && line.text[info.body_offset.min(line.text.len())..]
                    .trim()
                    .is_empty();
            if let (Some(kind), Some(d), true) = (column, current, line.place.row > m.row) {
                let name = out.drafts[d].name.draft.clone();
                for (_, k) in &m.columns {
                    out.drafts[d].line_mut(*k).present = true;
                }
                let state = out.drafts[d].line_mut(kind);
                if mark_only {
                    if info.typed.is_some() {
                        state.typed = info.typed;
                    }
                    for mk in &line.marks {
                        state.marks.push((mk.clone(), true));
                        out.mark_uses.push(MarkUse {
                            id: mk.id,
                            draft: Some(name.clone()),
                            line: Some(kind),
                            counted: true,
                        });
                    }
                    prev_place = Some(line.place);
                    i += 1;
                    continue;
                }
            }
        }
        let new_row = prev_place.is_none_or(|p: super::layout::Place| !p.same_row(&line.place));
        let new_cell = prev_place.is_none_or(|p: super::layout::Place| !p.same_cell(&line.place));
        if new_row {
            // Marks left over at the end of a row belong to the row's first decision line; a
            // row with no label passes its marks on to the next row (a box above its label).
            if !row_labels.is_empty() {
                flush_row(&mut out, &mut pending, &row_labels);
            }
            row_first_label = None;
            row_labels.clear();
        }
        if new_cell {
            cell_label = None;
        }
        prev_place = Some(line.place);

        // A draft name opens a new draft; a sentence that cites a Recommendation is text, and a
        // line listing several drafts (a subject line) is neither.
        let body = &line.text[info.body_offset.min(line.text.len())..];
        let named = if info.label.is_none() && !info.drafts.is_empty() {
            super::drafts::name_of_line(body)
        } else {
            None
        };
        if let Some(name) = named.filter(|_| !(line.place.table == 0 && i >= first)) {
            let same = current.is_some_and(|c| out.drafts[c].name.same_as(&name));
            if !same {
                // Marks pending from the previous draft stay with it.
                flush_row(&mut out, &mut pending, &row_labels);
                row_labels.clear();
                out.drafts.push(DraftReading::new(name));
                current = Some(out.drafts.len() - 1);
                row_first_label = None;
                cell_label = None;
            }
            i += 1;
            continue;
        }
        if info.label.is_none() && info.drafts.len() > 1 && super::drafts::is_name_line(body) {
            i += 1;
            continue;
        }

        match info.label {
            Some(label) => {
                // A sentence such as "Spain authorizes SG2 to consider E.212 …" names its draft.
                let named = if label.sentence {
                    find_drafts(&line.text)
                } else {
                    Vec::new()
                };
                let d = match (current, named.as_slice()) {
                    (_, [one]) => match out.drafts.iter().position(|d| d.name.same_as(one)) {
                        Some(d) => d,
                        None => {
                            out.drafts.push(DraftReading::new(one.clone()));
                            out.drafts.len() - 1
                        }
                    },
                    (Some(d), _) => d,
                    (None, _) => {
                        out.drafts.push(DraftReading::new(DraftName {
                            draft: String::new(),
                            provisional: None,
                        }));
                        out.drafts.len() - 1
                    }
                };
                current = Some(d);
                let draft_name = out.drafts[d].name.draft.clone();
                let state = out.drafts[d].line_mut(label.kind);
                state.present = true;
                // Emphasis is judged on the label's own words.
                let label_range =
                    info.body_offset..(info.body_offset + label.end).min(line.text.len());
                state.highlighted |=
                    line.emphasis_in(label_range.clone(), super::layout::HIGHLIGHT);
                state.bold |= line.emphasis_in(label_range.clone(), super::layout::BOLD);
                state.underline |= line.emphasis_in(label_range, super::layout::UNDERLINE);
                state.sentence |= label.sentence;
                if info.typed.is_some() {
                    state.typed = info.typed;
                }
                for m in &line.marks {
                    // A mark inside the printed label (the ⃝ of "select one of the two options ⃝")
                    // is part of the wording unless it is checked.
                    let counted = m.leading || m.checkbox.checked == Some(true);
                    state.marks.push((m.clone(), counted));
                    out.mark_uses.push(MarkUse {
                        id: m.id,
                        draft: Some(draft_name.clone()),
                        line: Some(label.kind),
                        counted,
                    });
                }
                // A box on its own line just above the label, in the same cell, is its box.
                let (mine, others): (Vec<Pending>, Vec<Pending>) =
                    pending.drain(..).partition(|p| {
                        p.place.same_cell(&line.place)
                            || p.place.table == 0 && line.place.table == 0
                    });
                pending = others;
                flush_row(
                    &mut out,
                    &mut mine.into_iter().collect(),
                    &[(d, label.kind)],
                );
                row_labels.push((d, label.kind));
                if row_first_label.is_none() {
                    row_first_label = Some((d, label.kind));
                }
                cell_label = Some(label.kind);
                let body = &line.text[info.body_offset.min(line.text.len())..];
                if label.sentence {
                    // "… authorizes … and attaches the following comments:" also gives the option.
                    if label.kind == LineKind::Authorize {
                        if let Some(c) = compiled().iter().find(|c| c.code == label.lang) {
                            let f = fold(body);
                            for (k, re) in [
                                (LineKind::NoComments, &c.no_comments),
                                (LineKind::WithComments, &c.with_comments),
                            ] {
                                if re.is_match(&f) {
                                    let o = out.drafts[d].line_mut(k);
                                    o.present = true;
                                    o.sentence = true;
                                }
                            }
                        }
                    }
                } else {
                    // What follows the label on the same line is the person's text.
                    let rest = body.get(label.end..).unwrap_or("");
                    push_text(out.drafts[d].bucket(label.kind), rest);
                }
            }
            None => {
                let body = &line.text[info.body_offset.min(line.text.len())..];
                let mark_only = !line.marks.is_empty() || info.typed.is_some();
                if mark_only && body.trim().is_empty() {
                    pending.push(Pending {
                        marks: line.marks.clone(),
                        typed: info.typed,
                        place: line.place,
                    });
                } else if let Some(d) = current {
                    for m in &line.marks {
                        out.mark_uses.push(MarkUse {
                            id: m.id,
                            draft: Some(out.drafts[d].name.draft.clone()),
                            line: None,
                            counted: false,
                        });
                    }
                    // Free text: reasons or comments, by the label it follows.
                    let kind = cell_label
                        .or(row_first_label.map(|(_, k)| k))
                        .or_else(|| last_kind(&out.drafts[d]));
                    if let Some(k) = kind {
                        push_text(out.drafts[d].bucket(k), &line.text);
                    }
                }
            }
        }
        i += 1;
    }
    flush_row(&mut out, &mut pending, &row_labels);
    for p in pending {
        // Marks with no line to belong to: listed, not used.
        for m in p.marks {
            out.mark_uses.push(MarkUse {
                id: m.id,
                draft: None,
                line: None,
                counted: false,
            });
        }
    }
    names_below_their_lines(&mut out);
    out
}

/// Some forms print each draft's name *below* its two lines. Then the first lines come before
/// any name and the last name has no lines after it: each name belongs to the lines above it.
fn names_below_their_lines(out: &mut AnswerTable) {
    let n = out.drafts.len();
    let has_lines = |d: &DraftReading| d.authorize.present || d.not_authorize.present;
    if n < 2 || !out.drafts[0].name.draft.is_empty() || has_lines(&out.drafts[n - 1]) {
        return;
    }
    if !out.drafts[..n - 1].iter().all(has_lines) {
        return;
    }
    let old: Vec<String> = out.drafts.iter().map(|d| d.name.draft.clone()).collect();
    for k in 0..n - 1 {
        out.drafts[k].name = out.drafts[k + 1].name.clone();
    }
    // The last name's text (if any) stays with the draft it now names.
    let last = out.drafts.pop();
    if let (Some(last), Some(prev)) = (last, out.drafts.last_mut()) {
        prev.auth_text.extend(last.auth_text);
        prev.not_text.extend(last.not_text);
    }
    // Marks were recorded under the name above their lines; give them the name below.
    for u in &mut out.mark_uses {
        if let Some(j) = u
            .draft
            .as_ref()
            .and_then(|d| old.iter().position(|o| o == d))
        {
            u.draft = old.get(j + 1).cloned();
        }
    }
    out.warnings.push("the draft names stand below their decision lines; each pair of lines was read with the name under it".to_string());
}

fn last_kind(d: &DraftReading) -> Option<LineKind> {
    if d.not_authorize.present {
        Some(LineKind::NotAuthorize)
    } else if d.authorize.present {
        Some(LineKind::Authorize)
    } else {
        None
    }
}

/// Marks on a line of their own (a box cell), waiting for the form line they belong to.
struct Pending {
    marks: Vec<LineMark>,
    typed: Option<Typed>,
    place: super::layout::Place,
}

/// Gives a row's waiting marks to its labels: one box line per label, in order, when they
/// pair up (a box cell with a box for the line and one for each option); otherwise all to the
/// row's first decision line. A row with no label keeps its marks for the next row.
fn flush_row(out: &mut AnswerTable, pending: &mut Vec<Pending>, labels: &[(usize, LineKind)]) {
    if pending.is_empty() || labels.is_empty() {
        return;
    }
    let first = labels
        .iter()
        .find(|(_, k)| matches!(k, LineKind::Authorize | LineKind::NotAuthorize))
        .or(labels.first())
        .copied();
    let pair = pending.len() == labels.len() && labels.len() > 1;
    for (n, p) in pending.drain(..).enumerate() {
        let Some((d, kind)) = (if pair { labels.get(n).copied() } else { first }) else {
            continue;
        };
        let name = out.drafts[d].name.draft.clone();
        let state = out.drafts[d].line_mut(kind);
        if p.typed.is_some() {
            state.typed = p.typed;
        }
        for m in p.marks {
            out.mark_uses.push(MarkUse {
                id: m.id,
                draft: Some(name.clone()),
                line: Some(kind),
                counted: true,
            });
            state.marks.push((m, true));
        }
    }
}

fn push_text(bucket: &mut Vec<String>, raw: &str) {
    let t = clean(raw);
    if t.is_empty() || is_placeholder(&t) {
        return;
    }
    bucket.push(t);
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

/// A heading: the draft is named before a colon within a few words ("Reasons for X.1382:",
/// "关于X.1644的理由："), or the line is a few words naming it with a word such as "Reasons" —
/// not a sentence of the text that happens to cite a draft.
fn is_heading(text: &str) -> bool {
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

fn is_closing(text: &str) -> bool {
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
                    table.drafts[m].warnings.push(format!(
                        "{name}: the text under the heading \"{}\" is about {} together; it is given to each",
                        text.trim_end_matches([':', '：']),
                        names.join(" and ")
                    ));
                }
            }
            current = matches;
            // Text after the heading's colon on the same line.
            if let Some(pos) = text.find([':', '：']) {
                let rest = text[pos..].trim_start_matches([':', '：']).trim();
                if !rest.is_empty() {
                    for &d in &current {
                        table.drafts[d].after_text.push(rest.to_string());
                    }
                }
            }
            continue;
        }
        for &d in &current {
            table.drafts[d].after_text.push(text.clone());
        }
    }
}

/// A choice read from something other than a marked box.
struct Inferred {
    authorize: bool,
    not_authorize: bool,
    no_comments: bool,
    with_comments: bool,
    evidence: Evidence,
    warning: Option<String>,
}

/// When no box is marked: a sentence written by the person, a line emphasised while the other
/// is not, or the line not chosen deleted.
fn infer_unmarked(d: &DraftReading) -> Option<Inferred> {
    let (au, na) = (&d.authorize, &d.not_authorize);
    let pick = |auth: bool,
                evidence: Evidence,
                warning: Option<String>,
                opt: &dyn Fn(&LineState) -> bool| Inferred {
        authorize: auth,
        not_authorize: !auth,
        no_comments: auth && opt(&d.no_comments) && !opt(&d.with_comments),
        with_comments: auth && opt(&d.with_comments) && !opt(&d.no_comments),
        evidence,
        warning,
    };
    if au.sentence != na.sentence {
        return Some(pick(au.sentence, Evidence::Text, None, &|s: &LineState| {
            s.sentence
        }));
    }
    type Attr = fn(&LineState) -> bool;
    let attrs: [(Attr, &str); 3] = [
        (|s| s.highlighted, "highlighted"),
        (|s| s.bold, "in bold"),
        (|s| s.underline, "underlined"),
    ];
    if au.present && na.present {
        for (attr, how) in attrs {
            if attr(au) != attr(na) {
                let chosen = if attr(au) {
                    "authorizes"
                } else {
                    "does not authorize"
                };
                let w = format!("no box is marked; read '{chosen}' from its line being {how} while the other is not");
                return Some(pick(
                    attr(au),
                    Evidence::Highlight,
                    Some(w),
                    &|s: &LineState| attr(s),
                ));
            }
        }
    }
    if au.present != na.present {
        let chosen = if au.present {
            "authorizes"
        } else {
            "does not authorize"
        };
        let w = format!("no box is marked; only the '{chosen}' line is left in the table (the other was deleted)");
        let opt_deleted =
            |s: &LineState| s.present && !(d.no_comments.present && d.with_comments.present);
        return Some(pick(au.present, Evidence::Deletion, Some(w), &opt_deleted));
    }
    // Only an option emphasised: it can only be an option of *authorizes*.
    if let Some((no, with, Some(how))) = infer_option(d).filter(|(no, with, _)| no != with) {
        return Some(Inferred {
            authorize: true,
            not_authorize: false,
            no_comments: no,
            with_comments: with,
            evidence: if how.contains("deleted") { Evidence::Deletion } else { Evidence::Highlight },
            warning: Some(format!("no box is marked; an option is shown by {how} but not the 'authorizes' line; read as authorizes")),
        });
    }
    None
}

/// The option under *authorizes* when neither option box is marked: a sentence, one option
/// emphasised and not the other, or one option line deleted. Returns (no comments, with
/// comments, how it was read — for a warning).
fn infer_option(d: &DraftReading) -> Option<(bool, bool, Option<String>)> {
    let (no, with) = (&d.no_comments, &d.with_comments);
    if no.sentence != with.sentence {
        return Some((no.sentence, with.sentence, None));
    }
    if no.present && with.present {
        type Attr = fn(&LineState) -> bool;
        let attrs: [(Attr, &str); 3] = [
            (|s| s.highlighted, "highlighting"),
            (|s| s.bold, "bold type"),
            (|s| s.underline, "underlining"),
        ];
        for (attr, how) in attrs {
            if attr(no) != attr(with) {
                return Some((attr(no), attr(with), Some(how.to_string())));
            }
        }
        return None;
    }
    if no.present != with.present && d.authorize.present {
        return Some((
            no.present,
            with.present,
            Some("the other option line being deleted".to_string()),
        ));
    }
    None
}

/// Decides each draft from its lines and gathers its text.
pub fn decide(d: &mut DraftReading) {
    let mut a = d.authorize.checked();
    let mut n = d.not_authorize.checked();
    let mut no = d.no_comments.checked();
    let mut with = d.with_comments.checked();
    let name = if d.name.draft.is_empty() {
        "the draft".to_string()
    } else {
        d.name.draft.clone()
    };
    // No box marked: the choice may be shown another way (a sentence, emphasis, deletion).
    let mut inferred: Option<Evidence> = None;
    if !(a || n || no || with) {
        if let Some(i) = infer_unmarked(d) {
            (a, n, no, with) = (i.authorize, i.not_authorize, i.no_comments, i.with_comments);
            inferred = Some(i.evidence);
            if let Some(w) = i.warning {
                d.warnings.push(format!("{name}: {w}"));
            }
        }
    }
    // Authorizes with no option box marked: the option may be shown the same other ways.
    if a && !n && !no && !with {
        if let Some((o_no, o_with, how)) = infer_option(d) {
            (no, with) = (o_no, o_with);
            if let Some(how) = how {
                d.warnings.push(format!(
                    "{name}: no option box is marked; read the option from {how}"
                ));
            }
        }
    }
    // A form without the two options (a matrix with a comments column): comments written for
    // an authorizing draft make it "with comments".
    let no_options = !d.no_comments.present && !d.with_comments.present;
    if a && !n && no_options {
        let written = d
            .auth_text
            .iter()
            .chain(&d.not_text)
            .chain(&d.after_text)
            .any(|t| !strip_prefix(t).trim().is_empty());
        if written {
            with = true;
        }
    }
    let ev_of = |state: &LineState| inferred.unwrap_or_else(|| state.evidence());
    for (state, what) in [
        (&d.authorize, "authorizes"),
        (&d.not_authorize, "does not authorize"),
        (&d.no_comments, "no comments"),
        (&d.with_comments, "comments attached"),
    ] {
        if state.unknown() {
            d.warnings.push(format!("{name}: the state of the mark on the '{what}' line cannot be read; check it by hand"));
        }
        let checked_marks = state.counted().filter(|c| c.checked == Some(true)).count()
            + usize::from(state.typed.is_some_and(|t| t.0));
        if checked_marks > 1 {
            d.warnings.push(format!(
                "{name}: the '{what}' line has {checked_marks} marks"
            ));
        }
    }
    let options = || match (no, with) {
        (true, false) => Comments::NoComments,
        (false, true) => Comments::WithComments,
        _ => Comments::Unspecified,
    };
    (d.decision, d.comments, d.evidence, d.why) = if a && n {
        d.warnings.push(format!(
            "{name}: both 'authorizes' and 'does not authorize' are marked (conflict)"
        ));
        (
            Decision::Conflict,
            None,
            ev_of(&d.authorize),
            "both decision lines are marked".to_string(),
        )
    } else if a {
        let c = options();
        if c == Comments::Unspecified {
            let seen = if no && with {
                "both options are marked"
            } else {
                "neither option is marked"
            };
            d.warnings.push(format!(
                "{name}: authorizes, but {seen} (comments unspecified)"
            ));
        }
        (
            Decision::Authorize,
            Some(c),
            ev_of(&d.authorize),
            format!(
                "the 'authorizes' line is marked ({})",
                ev_of(&d.authorize).as_str()
            ),
        )
    } else if n {
        if no || with {
            d.warnings.push(format!(
                "{name}: does not authorize, but an option under 'authorizes' is also marked"
            ));
        }
        (
            Decision::NotAuthorize,
            None,
            ev_of(&d.not_authorize),
            format!(
                "the 'does not authorize' line is marked ({})",
                ev_of(&d.not_authorize).as_str()
            ),
        )
    } else if no || with {
        let c = options();
        d.warnings.push(format!(
            "{name}: an option is marked but the 'authorizes' box is not; read as authorizes"
        ));
        let ev = if with && !no {
            ev_of(&d.with_comments)
        } else {
            ev_of(&d.no_comments)
        };
        (
            Decision::Authorize,
            Some(c),
            ev,
            "only an option under 'authorizes' is marked".to_string(),
        )
    } else {
        let seen = if d.authorize.has_mark() || d.not_authorize.has_mark() {
            "both boxes are empty"
        } else {
            "no box was found"
        };
        d.warnings.push(format!(
            "{name}: no decision is marked ({seen}); read as no reply"
        ));
        (
            Decision::NoReply,
            None,
            Evidence::None,
            format!("no decision line is marked: {seen}"),
        )
    };

    let primary: &[String] = match (d.decision, d.comments) {
        (Decision::NotAuthorize, _) => &d.not_text,
        (Decision::Authorize, Some(Comments::WithComments)) => &d.auth_text,
        _ => &[],
    };
    let mut parts: Vec<String> = primary.to_vec();
    if parts.is_empty()
        && matches!(d.decision, Decision::NotAuthorize | Decision::Authorize)
        && d.comments != Some(Comments::NoComments)
    {
        // Text typed under the other line still belongs to this reply.
        parts = if d.decision == Decision::NotAuthorize {
            d.auth_text.clone()
        } else {
            d.not_text.clone()
        };
    }
    parts.extend(d.after_text.iter().cloned());
    let parts: Vec<String> = parts
        .iter()
        .map(|p| strip_prefix(p))
        .filter(|p| !p.trim().is_empty())
        .collect();
    let wants_text =
        d.decision == Decision::NotAuthorize || d.comments == Some(Comments::WithComments);
    if wants_text {
        d.text = parts.join("\n");
        if d.text.is_empty() {
            let what = if d.decision == Decision::NotAuthorize {
                "reasons"
            } else {
                "comments"
            };
            d.warnings.push(format!("{name}: {what} are said to be attached but none were found in this file (a separate letter or attachment?)"));
        } else if compiled()
            .iter()
            .any(|c| c.separate_letter.is_match(&fold(&d.text)))
        {
            d.warnings.push(format!(
                "{name}: the text refers to a separate letter or attachment; read it too"
            ));
        }
    } else if !parts.is_empty() {
        d.warnings.push(format!(
            "{name}: text was written for this draft but the decision read needs none: \"{}\"",
            truncate(&parts.join(" "), 80)
        ));
    }
}

fn truncate(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        s.to_string()
    } else {
        format!("{}…", s.chars().take(n).collect::<String>())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn label_words_name_the_languages_to_try() {
        let keys = LABEL_KEYS
            .as_ref()
            .expect("every label pattern has words it requires");
        let langs = |line: &str| -> Vec<&str> {
            let set = keys.languages(&fold(line));
            compiled()
                .iter()
                .enumerate()
                .filter(|(i, _)| (set >> i) & 1 == 1)
                .map(|(_, c)| c.code)
                .collect()
        };
        assert_eq!(langs("Does not authorize approval of X.1382"), ["en"]);
        assert_eq!(langs("N’autorise pas"), ["fr"]);
        assert_eq!(langs("Sin comentarios"), ["es"]);
        assert_eq!(langs("Не уполномочивает"), ["ru"]);
        assert_eq!(langs("لا تأذن"), ["ar"]);
        assert_eq!(langs("不授权"), ["zh"]);
        // Overlapping words count for each language ("comment" in "commentaires").
        assert_eq!(langs("Commentaires ci-joints"), ["en", "fr"]);
        assert!(langs("Lorem ipsum dolor sit amet").is_empty());
    }

    #[test]
    fn label_keys_pass_labels_and_rule_out_prose() {
        assert!(
            LABEL_KEYS.is_some(),
            "every label pattern has words it requires"
        );
        let keys = ascii_may_hold_label;
        for line in [
            "Does not authorize",
            "AUTHORISES",
            "No proposed changes",
            "Comments attached",
            "N'AUTORISE PAS",
            "Sans commentaire",
            "no hay cambios",
            "Adjuntan los comentarios",
        ] {
            assert!(keys(line), "{line}");
        }
        for prose in [
            "Lorem ipsum dolor sit amet, consectetur adipiscing elit.",
            "Geneva, 3 March 2026",
            "From: Ministry of Communications",
        ] {
            assert!(!keys(prose), "{prose}");
        }
    }

    #[test]
    fn labels_in_six_languages() {
        let k = |s: &str| classify(s).map(|l| (l.kind, l.lang));
        assert_eq!(
            k("Does not authorize Study Group 17 to consider"),
            Some((LineKind::NotAuthorize, "en"))
        );
        assert_eq!(
            k("Authorizes SG13 to consider the draft"),
            Some((LineKind::Authorize, "en"))
        );
        assert_eq!(
            k("N’autorise pas la Commission d'études 17"),
            Some((LineKind::NotAuthorize, "fr"))
        );
        assert_eq!(
            k("Autorise la Commission d'études 17"),
            Some((LineKind::Authorize, "fr"))
        );
        assert_eq!(
            k("No autoriza a la Comisión de Estudio 13"),
            Some((LineKind::NotAuthorize, "es"))
        );
        assert_eq!(
            k("Autoriza a la Comisión de Estudio 13"),
            Some((LineKind::Authorize, "es"))
        );
        assert_eq!(
            k("Не уполномочивает 13-ю Исследовательскую комиссию"),
            Some((LineKind::NotAuthorize, "ru"))
        );
        assert_eq!(
            k("Уполномочивает 13-ю Исследовательскую комиссию"),
            Some((LineKind::Authorize, "ru"))
        );
        assert_eq!(
            k("لا تأذن للجنة الدراسات 13"),
            Some((LineKind::NotAuthorize, "ar"))
        );
        assert_eq!(
            k("تأذن للجنة الدراسات 13"),
            Some((LineKind::Authorize, "ar"))
        );
        assert_eq!(
            k("不授权第17研究组考虑批准该草案"),
            Some((LineKind::NotAuthorize, "zh"))
        );
        assert_eq!(
            k("授权第17研究组考虑批准该草案"),
            Some((LineKind::Authorize, "zh"))
        );
        assert_eq!(
            k("No comments or proposed changes"),
            Some((LineKind::NoComments, "en"))
        );
        assert_eq!(
            k("Comments and proposed changes attached"),
            Some((LineKind::WithComments, "en"))
        );
        assert_eq!(
            k("Pas de commentaires ni de propositions de modification"),
            Some((LineKind::NoComments, "fr"))
        );
        assert_eq!(
            k("Commentaires et propositions de modification joints"),
            Some((LineKind::WithComments, "fr"))
        );
        assert_eq!(
            k("Sin comentarios ni propuestas de cambio"),
            Some((LineKind::NoComments, "es"))
        );
        assert_eq!(
            k("Se adjuntan comentarios y propuestas de cambio"),
            Some((LineKind::WithComments, "es"))
        );
        assert_eq!(
            k("Нет замечаний или предлагаемых изменений"),
            Some((LineKind::NoComments, "ru"))
        );
        assert_eq!(
            k("Замечания и предлагаемые изменения прилагаются"),
            Some((LineKind::WithComments, "ru"))
        );
        assert_eq!(
            k("لا توجد تعليقات أو تغييرات مقترحة"),
            Some((LineKind::NoComments, "ar"))
        );
        assert_eq!(
            k("ترد طيه تعليقات وتغييرات مقترحة"),
            Some((LineKind::WithComments, "ar"))
        );
        assert_eq!(k("无意见或无建议修改"), Some((LineKind::NoComments, "zh")));
        assert_eq!(
            k("附意见和建议的修改"),
            Some((LineKind::WithComments, "zh"))
        );
        assert_eq!(k("Dear Sir/Madam,"), None);
    }

    #[test]
    fn label_end_leaves_the_persons_text() {
        let s = "Does not authorize Study Group 17 to consider this draft for approval (the reasons (and changes) are attached) Reasons: The draft overlaps.";
        let l = classify(s).unwrap();
        assert_eq!(strip_prefix(s[l.end..].trim()), "The draft overlaps.");
        let s = "不授权第17研究组考虑批准该草案（附反对意见的理由）理由：草案不成熟。";
        let l = classify(s).unwrap();
        assert_eq!(strip_prefix(&s[l.end..]), "草案不成熟。");
        let s = "Comments and proposed changes attached: Please fix clause 6.";
        let l = classify(s).unwrap();
        assert_eq!(&s[l.end..], "Please fix clause 6.");
    }
}
