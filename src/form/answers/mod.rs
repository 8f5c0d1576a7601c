//! The answer table: finds each draft, its *authorizes* / *does not authorize* lines and the two
//! options, decides what was marked, and gathers reasons and comments.
//!
//! [`labels`] tells the printed lines, [`region`] where the answers are, [`walk`] reads them
//! line by line, and [`decide`] turns each draft's lines into a decision.

mod decide;
mod labels;
mod matrix;
mod region;
mod walk;

pub use decide::{decide, strip_prefix};

pub use labels::{classify, word_mark, Label, LineKind, Typed};
pub use region::{is_closing, read_after_table, read_letter};

use crate::docx::model::{Checkbox, Mechanism};
use crate::form::drafts::{find_drafts, DraftName};
use crate::form::layout::{Line, LineMark};
use crate::form::text::fold;
use crate::record::{Comments, Decision, Evidence};
use crate::warning::Warning;

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
    /// The label's words are in a colour (not automatic or black).
    pub coloured: bool,
    /// The label's words are struck through: the person removed the line without deleting it.
    pub struck: bool,
    /// The form's mark was replaced by another the reader cannot read by itself (see
    /// [`replaced_marks`]).
    pub replaced: bool,
    /// The line is a sentence the person wrote ("Spain authorizes …").
    pub sentence: bool,
    pub present: bool,
    /// The line has no box of its own: in a matrix its option columns stand under it, and
    /// an option's box is its box too.
    pub implied: bool,
}

impl LineState {
    fn counted(&self) -> impl Iterator<Item = &Checkbox> {
        self.marks
            .iter()
            .filter(|(_, c)| *c)
            .map(|(m, _)| &m.checkbox)
    }
    pub fn checked(&self) -> bool {
        self.replaced
            || self.typed.is_some_and(|t| t.0)
            || self.counted().any(|c| c.checked == Some(true))
    }
    pub fn unknown(&self) -> bool {
        !self.checked() && self.counted().any(|c| c.checked.is_none())
    }
    /// Every mark of the line is of a state not known by itself (a symbol with no table entry).
    fn only_unknown(&self) -> bool {
        self.typed.is_none()
            && self.counted().next().is_some()
            && self.counted().all(|c| c.checked.is_none())
    }
    /// The line still shows the form's empty mark and nothing else.
    fn blank(&self) -> bool {
        self.typed.is_none()
            && self.counted().next().is_some()
            && self.counted().all(|c| c.checked == Some(false))
    }
    /// What the person did to the line, as found (for `explain`): each kind of edit in words.
    pub fn edits(&self) -> Vec<String> {
        if !self.present {
            return vec!["not in the reply (deleted)".into()];
        }
        let mut out: Vec<String> = Vec::new();
        for c in self.counted() {
            let state = match c.checked {
                Some(true) => "checked",
                Some(false) => "left empty",
                None => "of unknown state",
            };
            out.push(format!("mark {state} ({})", c.detail));
        }
        if let Some((checked, ev)) = self.typed {
            let what = if checked { "assent" } else { "refusal" };
            out.push(format!("{what} typed ({})", ev.as_str()));
        }
        let flags = [
            (self.replaced, "the form's mark replaced by another"),
            (self.struck, "struck through"),
            (self.highlighted, "highlighted or shaded"),
            (self.bold, "made bold"),
            (self.underline, "underlined"),
            (self.coloured, "coloured"),
            (self.sentence, "written as a sentence"),
        ];
        out.extend(
            flags
                .iter()
                .filter(|(on, _)| *on)
                .map(|(_, w)| w.to_string()),
        );
        out
    }

    /// The line is as the form prints it: nothing checked, typed, emphasised or removed.
    pub fn untouched(&self) -> bool {
        let edited = self.checked()
            || self.unknown()
            || self.typed.is_some()
            || self.highlighted
            || self.bold
            || self.underline
            || self.coloured
            || self.struck
            || self.sentence;
        !edited
    }

    /// The line is in the reply and not struck through (not removed by the person).
    pub fn kept(&self) -> bool {
        self.present && !self.struck
    }
    pub fn has_mark(&self) -> bool {
        self.typed.is_some() || self.counted().next().is_some()
    }
    pub fn evidence(&self) -> Evidence {
        if let (true, Some(c)) = (self.replaced, self.counted().next()) {
            return mechanism_evidence(c.mechanism);
        }
        if let Some(c) = self.counted().find(|c| c.checked == Some(true)) {
            if c.is_filled_by_shading() {
                return Evidence::Highlight;
            }
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
        // A drop-down is a legacy form field as a check box is, and as certain.
        Mechanism::LegacyCheckbox | Mechanism::Dropdown => Evidence::LegacyCheckbox,
        Mechanism::ContentControl => Evidence::ContentControl,
        Mechanism::Glyph => Evidence::Glyph,
        Mechanism::Symbol => Evidence::Symbol,
        Mechanism::Activex => Evidence::Activex,
        Mechanism::PdfField => Evidence::PdfField,
        Mechanism::Scan => Evidence::Scan,
        // A tick picture stands where a glyph would.
        Mechanism::Drawing => Evidence::Glyph,
    }
}

/// A glyph replaced by another. The form prints the same empty mark on both lines of a pair;
/// when one line shows only a mark the reader cannot read by itself (a symbol it has no entry
/// for) and the other still shows the form's empty mark, the person replaced the mark on that
/// line: it is the one chosen. The edit, not the glyph, decides.
pub fn replaced_marks(d: &mut DraftReading) {
    let pairs = [
        (LineKind::Authorize, LineKind::NotAuthorize),
        (LineKind::NoComments, LineKind::WithComments),
    ];
    for (a, b) in pairs {
        let (sa, sb) = (d.line_mut(a).clone(), d.line_mut(b).clone());
        if sa.only_unknown() && sb.blank() {
            d.line_mut(a).replaced = true;
        } else if sb.only_unknown() && sa.blank() {
            d.line_mut(b).replaced = true;
        }
    }
}

/// Ticks and crosses side by side. A person who puts ✔ on the line chosen and ✖ on the others
/// uses the cross for "not this": where a draft's lines carry both a checked tick and a
/// checked cross, the crosses are read as the lines refused. A cross alone (☒, ✗ in a box)
/// stays a mark, as on most forms.
pub fn crosses_beside_ticks(d: &mut DraftReading) {
    use crate::reference::symbol_fonts::GlyphClass;
    let lines = [
        LineKind::Authorize,
        LineKind::NotAuthorize,
        LineKind::NoComments,
        LineKind::WithComments,
    ];
    let has = |d: &mut DraftReading, class| {
        lines.iter().any(|&k| {
            let l = d.line_mut(k);
            l.counted()
                .any(|c| c.checked == Some(true) && glyph_class(c) == Some(class))
        })
    };
    if !(has(d, GlyphClass::Tick) && has(d, GlyphClass::Cross)) {
        return;
    }
    for k in lines {
        for (m, counted) in &mut d.line_mut(k).marks {
            if *counted && glyph_class(&m.checkbox) == Some(GlyphClass::Cross) {
                m.checkbox.checked = Some(false);
                m.checkbox
                    .detail
                    .push_str(", a cross beside a tick: read as refused");
            }
        }
    }
}

/// The shape of a glyph mark, from the code point its detail names (`U+2716`).
fn glyph_class(c: &Checkbox) -> Option<crate::reference::symbol_fonts::GlyphClass> {
    if c.mechanism != Mechanism::Glyph {
        return None;
    }
    let ch = crate::docx::symbols::glyph_in_detail(&c.detail)?;
    Some(crate::reference::symbol_fonts::class_of(ch))
}

/// Everything read for one draft.
#[derive(Debug, Clone)]
pub struct DraftReading {
    pub name: DraftName,
    pub authorize: LineState,
    pub not_authorize: LineState,
    pub no_comments: LineState,
    pub with_comments: LineState,
    pub texts: Texts,
    /// What the lines decide ([`decide`]).
    pub verdict: Verdict,
    pub warnings: Vec<Warning>,
    /// The first and last line the walk read for this draft (indices into the document's
    /// lines), for the review page's excerpt.
    pub span: Option<(usize, usize)>,
    /// Marks set or drawn on none of the draft's lines: on its name (a shape drawn round both
    /// decision rows from the name's cell), or on a line of their own between two lines that
    /// have their own boxes. What each is.
    pub stray_marks: Vec<String>,
}

/// Text written for a draft, by where it stands.
#[derive(Debug, Clone, Default)]
pub struct Texts {
    /// Under or after the *authorizes* part (comments).
    pub authorize: Vec<String>,
    /// Under or after the *does not authorize* part (reasons).
    pub not_authorize: Vec<String>,
    /// After the table under a heading naming this draft.
    pub after: Vec<String>,
    /// In the letter before the form, under a heading naming this draft ("Motifs – Y.3104: …"):
    /// taken only when the form itself holds none of the text the decision calls for.
    pub letter: Vec<String>,
}

impl Texts {
    /// Every text written for the draft, under whichever line or after the table.
    pub fn all(&self) -> impl Iterator<Item = &String> {
        self.authorize
            .iter()
            .chain(&self.not_authorize)
            .chain(&self.after)
    }
}

/// A draft's decision as read, how, and the text that goes with it.
#[derive(Debug, Clone)]
pub struct Verdict {
    pub decision: Decision,
    pub comments: Option<Comments>,
    pub evidence: Evidence,
    pub text: String,
    /// Why, in words, for `explain`.
    pub why: String,
}

impl Default for Verdict {
    fn default() -> Self {
        Verdict {
            decision: Decision::NoReply,
            comments: None,
            evidence: Evidence::None,
            text: String::new(),
            why: String::new(),
        }
    }
}

impl DraftReading {
    fn new(name: DraftName) -> Self {
        DraftReading {
            name,
            authorize: LineState::default(),
            not_authorize: LineState::default(),
            no_comments: LineState::default(),
            with_comments: LineState::default(),
            texts: Texts::default(),
            verdict: Verdict::default(),
            warnings: Vec::new(),
            span: None,
            stray_marks: Vec::new(),
        }
    }

    fn line(&self, k: LineKind) -> &LineState {
        match k {
            LineKind::Authorize => &self.authorize,
            LineKind::NotAuthorize => &self.not_authorize,
            LineKind::NoComments => &self.no_comments,
            LineKind::WithComments => &self.with_comments,
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
            LineKind::NotAuthorize => &mut self.texts.not_authorize,
            _ => &mut self.texts.authorize,
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

impl MarkUse {
    /// A mark that counts for no line: beside free text, or with no line to belong to.
    fn unused(id: usize, draft: Option<String>) -> Self {
        MarkUse {
            id,
            draft,
            line: None,
            counted: false,
        }
    }
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
    pub warnings: Vec<Warning>,
    /// Sentences written in the answer table that decide drafts, read once the walk is done.
    pub sentences: Vec<String>,
}

impl AnswerTable {
    /// Adds a draft; returns its index.
    fn push_draft(&mut self, name: DraftName) -> usize {
        self.drafts.push(DraftReading::new(name));
        self.drafts.len() - 1
    }

    /// Gives `mark` to line `kind` of draft `d`, and records where it went.
    fn use_mark(&mut self, d: usize, kind: LineKind, mark: LineMark, counted: bool) {
        let draft = &mut self.drafts[d];
        self.mark_uses.push(MarkUse {
            id: mark.id,
            draft: Some(draft.name.draft.clone()),
            line: Some(kind),
            counted,
        });
        draft.line_mut(kind).marks.push((mark, counted));
    }
}

/// Per-line analysis.
struct Info {
    label: Option<Label>,
    /// Text after a typed mark was removed.
    body_offset: usize,
    typed: Option<Typed>,
    drafts: Vec<DraftName>,
}

impl Info {
    /// The line's text after a typed mark.
    fn body<'l>(&self, line: &'l Line) -> &'l str {
        &line.text[self.body_offset.min(line.text.len())..]
    }
}

fn analyse(line: &Line) -> Info {
    // Typed marks ("X", "[x]") are already marks of the line (see `layout`); a word of assent
    // ("Yes", "Да") typed alone is read here.
    let (typed, body_offset) = match word_mark(&line.text) {
        Some(checked) => (Some((checked, Evidence::Text)), line.text.len()),
        None => (None, 0),
    };
    let body = &line.text[body_offset..];
    // A sentence ("Spain authorizes SG2 to consider E.212 …") stands for a form line only
    // outside the answer table and when it names its draft; inside a table it is text.
    let label = classify(body)
        .map(|l| stated_for_its_draft(line, body, l))
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

/// "H.430.5: لا تأذن الإدارة …", "E.212 – Not authorized": a line outside any table that opens
/// with one draft's name and then a decision, with no box on it, is the person's statement
/// for that draft. Verb-first languages put no words before the label, so the words-before
/// test of [`classify`] alone would take it for a printed line left unmarked.
fn stated_for_its_draft(line: &Line, body: &str, mut label: Label) -> Label {
    if label.sentence || line.place.table > 0 || !line.marks.is_empty() {
        return label;
    }
    let lead = body.trim_start_matches(|c: char| {
        c.is_whitespace() || c.is_ascii_digit() || matches!(c, '.' | ')' | '(' | '-' | '•')
    });
    let names = find_drafts(body);
    if let [one] = names.as_slice() {
        let name = one.provisional.as_deref().filter(|p| lead.starts_with(p));
        label.sentence = lead.starts_with(&one.draft) || name.is_some();
    }
    label
}

/// The drafts a line names, unless it holds a label.
fn drafts_of(line: &Line, info: &Info) -> Vec<DraftName> {
    if info.label.is_some() {
        return Vec::new();
    }
    find_drafts(info.body(line))
}

/// Reads the answer table(s) out of the document's lines.
pub fn read_answers(lines: &[Line]) -> AnswerTable {
    let mut infos: Vec<Info> = lines.iter().map(analyse).collect();
    sentences_after_the_table(lines, &mut infos);
    let mut labelled = infos.iter().enumerate().filter(|(_, i)| i.label.is_some());
    let Some((first, _)) = labelled.next() else {
        return AnswerTable::default();
    };
    let last_label = labelled.next_back().map_or(first, |(n, _)| n);
    let (start, last) = region::region(lines, first, last_label);
    for (line, info) in lines[start..=last].iter().zip(&mut infos[start..=last]) {
        info.drafts = drafts_of(line, info);
    }
    let out = AnswerTable {
        region: Some((start, last)),
        languages: label_languages(&infos),
        ..AnswerTable::default()
    };
    let mut out = walk::Walker::walk(lines, &infos, first, (start, last), out);
    for s in std::mem::take(&mut out.sentences) {
        region::sentence_after_table(&s, &mut out);
    }
    out
}

/// Form text the reader did not recognise as a label (a label wrapped over two lines, a
/// template's extra wording) is printed for every draft: the same piece in the same bucket of
/// at least half of the drafts (and of two) is the form's, not the person's, and is dropped.
/// A person writing the very same words for most drafts loses them to a warning that no text
/// was found, never silently into another draft.
pub fn drop_repeated_text(drafts: &mut [DraftReading]) {
    let n = drafts.len();
    if n < 2 {
        return;
    }
    type Bucket = fn(&mut Texts) -> &mut Vec<String>;
    let buckets: [Bucket; 3] = [
        |t| &mut t.authorize,
        |t| &mut t.not_authorize,
        |t| &mut t.after,
    ];
    for bucket in buckets {
        let mut counts: Vec<(String, usize)> = Vec::new();
        for d in drafts.iter_mut() {
            let mut seen: Vec<String> = bucket(&mut d.texts).iter().map(|t| fold(t)).collect();
            seen.dedup();
            for f in seen {
                match counts.iter_mut().find(|(k, _)| *k == f) {
                    Some(c) => c.1 += 1,
                    None => counts.push((f, 1)),
                }
            }
        }
        let form: Vec<String> = counts
            .into_iter()
            .filter(|(_, c)| *c >= 2 && *c * 2 >= n)
            .map(|(k, _)| k)
            .collect();
        // The same wording, reflowed where the person typed into it: its words in order.
        let stream: Vec<String> = form.iter().flat_map(|f| words(f)).collect();
        for d in drafts.iter_mut() {
            let b = bucket(&mut d.texts);
            b.retain(|t| !form.contains(&fold(t)));
            for t in b.iter_mut() {
                if let Some(kept) = strip_wording(t, &stream) {
                    *t = kept;
                }
            }
            b.retain(|t| t.chars().any(char::is_alphanumeric));
        }
    }
}

/// A text's words, each folded as the form's are.
fn words(text: &str) -> Vec<String> {
    text.split_whitespace().map(fold).collect()
}

/// At least this many words in a row, in the form's order, are the form's wording (fewer
/// could be the person quoting it: "this draft for approval").
const WORDING_RUN: usize = 6;

/// Takes out of `text` every run of [`WORDING_RUN`] or more words that stands in the form's
/// wording (`stream`) in the same order: a label the person reflowed by typing into it
/// ("**No autoriza** … este" / "proyecto con miras …"). `None` when nothing was taken; what
/// is left of two words or fewer is a fragment of the wording too.
fn strip_wording(text: &str, stream: &[String]) -> Option<String> {
    if stream.len() < WORDING_RUN {
        return None;
    }
    let tokens: Vec<&str> = text.split_whitespace().collect();
    let folded: Vec<String> = tokens.iter().map(|t| fold(t)).collect();
    let run_at = |i: usize| {
        (0..stream.len())
            .map(|k| {
                (0..)
                    .take_while(|&l| {
                        folded
                            .get(i + l)
                            .is_some_and(|w| stream.get(k + l) == Some(w))
                    })
                    .count()
            })
            .max()
            .unwrap_or(0)
    };
    let (mut kept, mut removed, mut i) = (Vec::new(), false, 0);
    while i < tokens.len() {
        let run = run_at(i);
        if run >= WORDING_RUN {
            removed = true;
            i += run;
        } else {
            kept.push(tokens[i]);
            i += 1;
        }
    }
    if !removed {
        return None;
    }
    let words_left = kept
        .iter()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .count();
    Some(if words_left <= 2 {
        String::new()
    } else {
        kept.join(" ")
    })
}

/// On a form with an answer table, a label's words in a paragraph after the table are a
/// sentence the person added ("The Administration of … authorizes … all the drafts"), not a
/// line of the form: they are read after the table ([`region::read_after_table`]).
fn sentences_after_the_table(lines: &[Line], infos: &mut [Info]) {
    let Some(last_in_table) = (0..lines.len())
        .rev()
        .find(|&i| infos[i].label.is_some() && lines[i].place.table > 0)
    else {
        return;
    };
    let table = lines[last_in_table].place.outer_table;
    for (line, info) in lines.iter().zip(infos.iter_mut()).skip(last_in_table + 1) {
        if line.place.table == 0 && line.place.outer_table != table {
            info.label = None;
        }
    }
}

/// How many labels of each language, most first.
fn label_languages(infos: &[Info]) -> Vec<(&'static str, usize)> {
    let mut langs: Vec<(&'static str, usize)> = Vec::new();
    for l in infos.iter().filter_map(|i| i.label) {
        match langs.iter_mut().find(|(c, _)| *c == l.lang) {
            Some(e) => e.1 += 1,
            None => langs.push((l.lang, 1)),
        }
    }
    langs.sort_by_key(|l| std::cmp::Reverse(l.1));
    langs
}
