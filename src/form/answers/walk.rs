//! The walk through the answer region, one line at a time: a draft's name opens a draft, a
//! label line is one of its four lines (with its marks and emphasis), a line holding only a box
//! waits for the label it belongs to, and other text is the reasons or comments of the line
//! above it. A matrix form (a row per draft, a column per choice) is read by its columns.

use super::labels::{self, suffix_mark, Label, LineKind, Typed};
use super::matrix::{matrix_headers, MatrixHeader};
use super::region;
use super::{AnswerTable, DraftReading, Info, MarkUse};
use crate::form::drafts::{find_drafts, is_name_line, name_of_line, DraftName, NAME_SEPARATORS};
use crate::form::lang::compiled;
use crate::form::layout::{Line, LineMark, Place, BOLD, COLOUR, HIGHLIGHT, STRIKE, UNDERLINE};
use crate::form::text::{clean, fold, is_han, is_placeholder};
use crate::record::Evidence;
use crate::warning::{Warning, WarningKind};

/// Where the walk is: the draft being read and what the current row and cell have shown.
pub(super) struct Walker<'a> {
    lines: &'a [Line],
    infos: &'a [Info],
    /// The first line with a label: a draft's name in a paragraph after it is text, not a name.
    first: usize,
    matrix: Vec<MatrixHeader>,
    out: AnswerTable,
    /// The draft being read (none yet: a single-draft circular may name it in its subject).
    current: Option<usize>,
    /// Marks on lines of their own (a box cell), waiting for the line they belong to.
    pending: Vec<Pending>,
    /// The labels met in the current row, in order.
    row_labels: Vec<(usize, LineKind)>,
    row_first_label: Option<(usize, LineKind)>,
    cell_label: Option<LineKind>,
    /// A label line of the current cell carries its own box: the form's lines there do.
    cell_boxed: bool,
    /// The cell of the current row whose label lines carry their own boxes: the form's.
    row_boxed: Option<Place>,
    /// Where the current draft's name stands.
    name_place: Option<Place>,
    prev_place: Option<Place>,
    /// The current draft was named again after its lines: free text is its text after the
    /// form.
    after_heading: bool,
    /// A sentence before the form named the draft its next lines are for ("… except Y.4459,
    /// which it does not authorize, for the reason given below."), before that draft's rows
    /// are read: the lines gathered for it until the form begins.
    text_for_named: Option<(DraftName, Vec<String>)>,
    text_for_named_done: bool,
    /// Drafts answered together under one heading that lists them ("All drafts listed in TSB
    /// Circular 187 (X.1280, X.1471, …)"): the draft read, and the others it answers for.
    groups: Vec<(usize, Vec<DraftName>)>,
    /// The drafts the form's own name lines name: a sentence citing another Recommendation
    /// ("… duplicates Y.3153") is reasons, not a decision about it.
    form_drafts: Vec<DraftName>,
}

impl<'a> Walker<'a> {
    /// Walks lines `start..=last` (with their analyses), adding what they say to `out`.
    pub(super) fn walk(
        lines: &'a [Line],
        infos: &'a [Info],
        first: usize,
        (start, last): (usize, usize),
        out: AnswerTable,
    ) -> AnswerTable {
        let form_drafts = (start..=last)
            .filter(|&j| infos[j].label.is_none() && !infos[j].drafts.is_empty())
            .filter(|&j| is_name_line(infos[j].body(&lines[j])))
            .flat_map(|j| infos[j].drafts.iter().cloned())
            .collect();
        let mut w = Walker {
            form_drafts,
            lines,
            infos,
            first,
            matrix: matrix_headers(lines, infos, start, last),
            out,
            current: None,
            pending: Vec::new(),
            row_labels: Vec::new(),
            row_first_label: None,
            cell_label: None,
            cell_boxed: false,
            row_boxed: None,
            name_place: None,
            prev_place: None,
            after_heading: false,
            text_for_named: None,
            text_for_named_done: false,
            groups: Vec::new(),
        };
        for i in start..=last {
            w.line(i);
            if let Some(d) = w.current {
                let span = &mut w.out.drafts[d].span;
                *span = Some(span.map_or((i, i), |(a, _)| (a, i)));
            }
        }
        w.finish()
    }

    /// Line `i` and its analysis (borrowed from the document, not from the walker).
    fn at(&self, i: usize) -> (&'a Line, &'a Info) {
        let (lines, infos) = (self.lines, self.infos);
        (&lines[i], &infos[i])
    }

    fn line(&mut self, i: usize) {
        let (line, info) = self.at(i);
        if self.matrix_cell(i) {
            self.prev_place = Some(line.place);
            return;
        }
        self.enter(line.place);
        let body = info.body(line);
        if self.draft_name(i, body) {
            // A note anchored on the draft's name is about the draft; so is a mark on it,
            // though on none of its lines.
            if let Some(d) = self.current {
                for n in &line.notes {
                    push_text(&mut self.out.drafts[d].texts.after, n);
                }
                self.stray(d, &line.marks, "");
            }
            return;
        }
        // A line listing several drafts is a subject line — or, over decision lines, the
        // heading of one answer for them all.
        if info.label.is_none() && info.drafts.len() > 1 {
            let heads = self.heads_labels(i);
            if heads && (is_name_line(body) || region::about_all(body)) {
                self.group_heading(&info.drafts);
                return;
            }
            if is_name_line(body) {
                return;
            }
        }
        match info.label {
            Some(label) if label.sentence && self.sentence_about_several(body) => {}
            Some(label) if self.persons_label(i, label) => self.persons_sentence(i, label),
            Some(label) => self.label_line(i, label),
            None => self.other_line(i),
        }
    }

    /// A sentence with a label's words about several drafts ("… autoriza … todos los
    /// proyectos, excepto … X.1471, que no autoriza"), on a form of paragraphs: kept to be read
    /// clause by clause once every draft is known, not the line of the one draft it names.
    fn sentence_about_several(&mut self, body: &str) -> bool {
        if !region::about_all(body) && find_drafts(body).len() < 2 {
            return false;
        }
        self.keep_sentence(body);
        true
    }

    /// A line of a matrix form read by its column: the header rows (nothing to read) or a cell
    /// in a draft's row — its marks, what is typed in it, its shading or emphasis. Other lines
    /// of a matrix (the comments column, rows below) are read as any line is.
    fn matrix_cell(&mut self, i: usize) -> bool {
        let (line, info) = self.at(i);
        let Some(m) = self.matrix.iter().find(|m| m.table == line.place.table) else {
            return false;
        };
        // The header's labels name columns, not lines of a draft.
        if m.is_header_row(line.place.row) {
            return true;
        }
        let choice = m.choice(line.place.grid);
        let in_data_row = line.place.row > m.rows.1;
        if let (None, Some(d), Some(label), true) = (choice, self.current, info.label, in_data_row)
        {
            // Words of a decision in the remarks column ("Поддерживаем, замечаний нет."): the
            // person answered in words; a box marked in the row still decides.
            if region::unmarked(&self.out.drafts[d]) {
                let folded = crate::form::text::fold(info.body(line));
                region::mark_by_sentence(&mut self.out.drafts[d], label.kind, &folded);
            }
            let rest = info.body(line).get(label.end..).unwrap_or("");
            push_text(self.out.drafts[d].bucket(label.kind), rest);
            return true;
        }
        let (Some(choice), Some(d), true) = (choice, self.current, in_data_row) else {
            return false;
        };
        let body = info.body(line).trim();
        let typed = info.typed.or_else(|| {
            labels::suffix_mark(body).map(|checked| (checked, crate::record::Evidence::Text))
        });
        if info.label.is_some() || (typed.is_none() && !body.is_empty()) {
            return false;
        }
        let draft = &mut self.out.drafts[d];
        for k in m.kinds() {
            draft.line_mut(k).present = true;
        }
        if choice.under_authorize {
            draft.authorize.implied = true;
        }
        let all = 0..line.text.len();
        let shaded = line.shaded;
        let bold = !body.is_empty() && line.emphasis_in(all.clone(), BOLD);
        let coloured = !body.is_empty() && line.emphasis_in(all, COLOUR);
        let mut kinds = vec![choice.kind];
        if choice.under_authorize {
            // Emphasis on an option's cell shows the decision above it too.
            kinds.push(LineKind::Authorize);
        }
        for k in kinds {
            let state = draft.line_mut(k);
            state.highlighted |= shaded;
            state.bold |= bold;
            state.coloured |= coloured;
        }
        let state = draft.line_mut(choice.kind);
        if typed.is_some() {
            state.typed = typed;
        }
        for mk in &line.marks {
            self.out.use_mark(d, choice.kind, mk.clone(), true);
        }
        // A comment or footnote anchored in the draft's row is about the draft, whichever
        // column its reference ended in.
        for n in &line.notes {
            push_text(&mut self.out.drafts[d].texts.after, n);
        }
        true
    }

    /// A new row gives its waiting marks to its labels (a row with no label passes them on to
    /// the next row: a box above its label); a new cell forgets the cell's label.
    fn enter(&mut self, place: Place) {
        let new_row = self.prev_place.is_none_or(|p| !p.same_row(&place));
        let new_cell = self.prev_place.is_none_or(|p| !p.same_cell(&place));
        if new_row {
            if !self.row_labels.is_empty() {
                flush_row(&mut self.out, &mut self.pending, &self.row_labels);
            }
            self.row_first_label = None;
            self.row_labels.clear();
            self.row_boxed = None;
        }
        if new_cell {
            self.cell_label = None;
            self.cell_boxed = false;
        }
        self.prev_place = Some(place);
    }

    /// A draft's name opens a new draft; a sentence that cites a Recommendation is text, and
    /// so is a name in a paragraph after the first label.
    fn draft_name(&mut self, i: usize, body: &str) -> bool {
        let (line, info) = self.at(i);
        if info.label.is_some() || info.drafts.is_empty() {
            return false;
        }
        let in_text = line.place.table == 0 && i >= self.first && !self.heads_labels(i);
        let Some(name) = name_of_line(body).filter(|_| !in_text) else {
            return false;
        };
        if let Some(d) = self.addressed_text(&name, body) {
            let rest = addressed_rest(body).unwrap_or(body);
            push_text(&mut self.out.drafts[d].texts.after, rest);
            return true;
        }
        if let Some(d) = self.heading_for_text(i, &name) {
            // A draft already read, named again with no decision lines under it (a table of
            // reasons after the form): what follows is its text.
            self.current = Some(d);
            self.after_heading = true;
            return true;
        }
        let same = self
            .current
            .is_some_and(|c| self.out.drafts[c].name.same_as(&name));
        self.after_heading = false;
        if !same {
            // Marks pending from the previous draft stay with it.
            flush_row(&mut self.out, &mut self.pending, &self.row_labels);
            self.row_labels.clear();
            self.current = Some(self.out.push_draft(name));
            self.name_place = Some(line.place);
            self.row_first_label = None;
            self.cell_label = None;
        }
        true
    }

    /// Opens one draft for the lines under a heading listing several: read once, given to
    /// each when the walk ends.
    fn group_heading(&mut self, names: &[DraftName]) {
        if names.iter().any(|n| self.read_already(n).is_some()) {
            return;
        }
        flush_row(&mut self.out, &mut self.pending, &self.row_labels);
        self.row_labels.clear();
        self.row_first_label = None;
        self.cell_label = None;
        self.after_heading = false;
        let d = self.out.push_draft(names[0].clone());
        self.current = Some(d);
        self.groups.push((d, names[1..].to_vec()));
    }

    /// "Y.3060: The revision removes …" after that draft's lines were read: text the person
    /// addressed to the draft (in an "Other comments" row, a list after the form), not a new
    /// draft.
    fn addressed_text(&self, name: &DraftName, body: &str) -> Option<usize> {
        let d = self.read_already(name)?;
        let rest = addressed_rest(body)?;
        let words = rest.split_whitespace().count();
        let han = rest.chars().filter(|&c| is_han(c)).count();
        (words >= 3 || han >= 6).then_some(d)
    }

    /// The draft `name` names, when its decision lines were read already.
    fn read_already(&self, name: &DraftName) -> Option<usize> {
        let d = self.out.drafts.iter().position(|d| d.name.same_as(name))?;
        let draft = &self.out.drafts[d];
        (draft.authorize.present || draft.not_authorize.present).then_some(d)
    }

    /// A sentence the person wrote in the table that decides drafts ("Bangladesh supports all
    /// the drafts listed above, without comments", "… à l'exception du projet Y.3060, pour les
    /// motifs suivants :"): kept to be read once every draft is known; the text after it
    /// belongs to the last draft it names.
    fn decision_sentence(&mut self, i: usize) -> bool {
        let (line, info) = self.at(i);
        // "Other comments: Kenya supports …": the sentence after a short heading.
        let body = info.body(line);
        let text = body
            .split_once([':', '：'])
            .filter(|(head, _)| head.split_whitespace().count() <= 3)
            .map_or(body, |(_, rest)| rest.trim());
        let decides = line.place.table > 0
            && labels::classify(text)
                .is_some_and(|l| matches!(l.kind, LineKind::Authorize | LineKind::NotAuthorize))
            && (region::about_all(text) || self.names_a_form_draft(text));
        if !decides {
            return false;
        }
        self.keep_sentence(text);
        true
    }

    /// Whether `text` names one of the form's drafts (any draft, when the form's names are
    /// not known from name lines).
    fn names_a_form_draft(&self, text: &str) -> bool {
        let named = find_drafts(text);
        if self.form_drafts.is_empty() {
            return !named.is_empty();
        }
        named
            .iter()
            .any(|n| self.form_drafts.iter().any(|f| f.same_as(n)))
    }

    /// Keeps a deciding sentence for after the walk; the text after it belongs to the last
    /// draft it names.
    fn keep_sentence(&mut self, text: &str) {
        self.out.sentences.push(text.to_string());
        let last_named = find_drafts(text)
            .last()
            .and_then(|n| self.out.drafts.iter().position(|d| d.name.same_as(n)));
        if let Some(d) = last_named {
            self.current = Some(d);
            self.after_heading = true;
        } else if self.current.is_none() {
            self.text_for_named = find_drafts(text).pop().map(|n| (n, Vec::new()));
        }
    }

    /// The draft named by line `i` when its lines were read already and none follow: the
    /// name heads text about it.
    fn heading_for_text(&self, i: usize, name: &DraftName) -> Option<usize> {
        let d = self.read_already(name)?;
        (self.current != Some(d) && !self.heads_labels(i)).then_some(d)
    }

    /// The next line with words after `i` is a decision line: `i` heads a draft's lines (a
    /// form of paragraphs, one heading per draft), it is not text citing a Recommendation.
    fn heads_labels(&self, i: usize) -> bool {
        let next = (i + 1..self.lines.len()).find(|&j| {
            let (l, info) = self.at(j);
            info.label.is_some() || !info.body(l).trim().is_empty()
        });
        next.is_some_and(|j| {
            self.infos[j].label.is_some_and(|l| {
                matches!(l.kind, LineKind::Authorize | LineKind::NotAuthorize) && !l.sentence
            })
        })
    }

    /// A line with a label's words but without the box the form's lines have: the person
    /// wrote it — a decision or option said in words — not the form. Either among the boxed
    /// lines of a cell, with words after the label ("Не поддерживаем пересмотр: исключены …"
    /// under the options; a form line whose box the person deleted has nothing after its
    /// label) or after the form's line of that kind ("لا نؤيد التعديل لأن …" under the boxed
    /// "لا تأذن …"), or in another cell of a row whose labels have their boxes (a column the person
    /// added: "是 / （无意见）").
    fn persons_label(&self, i: usize, label: Label) -> bool {
        let (line, info) = self.at(i);
        let rest = info.body(line).get(label.end..).unwrap_or("");
        // After the form's own line of that kind, with its box, a second one is the person's.
        let seen_boxed = self
            .current
            .is_some_and(|d| self.out.drafts[d].line(label.kind).has_mark());
        let in_boxed_cell = self.cell_boxed
            && self.pending.is_empty()
            && (rest.split_whitespace().count() >= 2 || seen_boxed);
        let beside_boxed_cell = self.row_boxed.is_some_and(|p| !p.same_cell(&line.place));
        !label.sentence
            && self.current.is_some()
            && line.marks.is_empty()
            && info.typed.is_none()
            && (in_boxed_cell || beside_boxed_cell)
    }

    /// The person's own sentence in a draft's cell: the decision it says is a decision said
    /// in words, and the whole line is text written under the line it follows.
    fn persons_sentence(&mut self, i: usize, label: Label) {
        let (line, info) = self.at(i);
        let Some(d) = self.current else {
            return;
        };
        let body = info.body(line);
        region::mark_by_sentence(&mut self.out.drafts[d], label.kind, &fold(body));
        // The option's words alone ("（无意见）") are no text.
        let rest = body.get(label.end..).unwrap_or("");
        let option_only = !matches!(label.kind, LineKind::Authorize | LineKind::NotAuthorize)
            && !rest.chars().any(char::is_alphanumeric);
        if !option_only {
            let kind = self.cell_label.unwrap_or(label.kind);
            push_text(self.out.drafts[d].bucket(kind), body);
        }
    }

    /// One of the four lines of a draft, with its marks, emphasis and the text after it.
    fn label_line(&mut self, i: usize, label: Label) {
        self.after_heading = false;
        let (line, info) = self.at(i);
        let d = self.draft_for(line, label);
        self.current = Some(d);
        self.read_label(d, i, label);
        // A box on its own line just above the label, in the same cell, is its box.
        let (mut mine, others): (Vec<Pending>, Vec<Pending>) =
            self.pending.drain(..).partition(|p| {
                p.place.same_cell(&line.place) || p.place.table == 0 && line.place.table == 0
            });
        self.pending = others;
        let boxed = line.marks.iter().any(|m| m.leading);
        if self.cell_boxed && boxed {
            // The cell's lines carry their own boxes, this one too: a mark on a line of its
            // own above it stands between two lines, on neither.
            for p in std::mem::take(&mut mine) {
                if let Some((true, _)) = p.typed {
                    let typed = "a mark typed on a line of its own".to_string();
                    self.out.drafts[d].stray_marks.push(typed);
                }
                self.stray(d, &p.marks, ", on a line of its own");
            }
        }
        flush_row(&mut self.out, &mut mine, &[(d, label.kind)]);
        self.row_labels.push((d, label.kind));
        if self.row_first_label.is_none() {
            self.row_first_label = Some((d, label.kind));
        }
        self.cell_label = Some(label.kind);
        if boxed {
            self.cell_boxed = true;
            self.row_boxed = Some(line.place);
        }
        let body = info.body(line);
        if label.sentence {
            self.sentence_options(d, body, label);
        } else {
            // What follows the label on the same line is the person's text.
            let mut rest = body.get(label.end..).unwrap_or("");
            if let Some(option) = labels::option_after(label, body) {
                // "Authorizes – no comments or proposed changes": one line, one mark, both.
                self.read_label(d, i, option);
                rest = body.get(option.end.max(label.end)..).unwrap_or("");
            }
            let typed = |checked| Some((checked, Evidence::Text));
            if labels::wrapped_label(body) {
                self.out.drafts[d].line_mut(label.kind).typed = typed(true);
            }
            match (suffix_mark(rest), labels::leading_mark(rest)) {
                (Some(checked), _) => {
                    self.out.drafts[d].line_mut(label.kind).typed = typed(checked)
                }
                (None, Some((checked, text))) => {
                    self.out.drafts[d].line_mut(label.kind).typed = typed(checked);
                    push_text(self.out.drafts[d].bucket(label.kind), text);
                }
                (None, None) => push_text(self.out.drafts[d].bucket(label.kind), rest),
            }
        }
        // Comments and notes the person anchored on the line are written for it.
        for n in &line.notes {
            push_text(self.out.drafts[d].bucket(label.kind), n);
        }
    }

    /// Marks of draft `d` on none of its lines (`place` says where, for the warning): listed
    /// as not used, and those not empty kept on the draft for a person to place.
    fn stray(&mut self, d: usize, marks: &[LineMark], place: &str) {
        for m in marks {
            if m.checkbox.checked != Some(false) {
                let what = format!("{}{place}", m.checkbox.detail);
                self.out.drafts[d].stray_marks.push(what);
            }
            let name = self.out.drafts[d].name.draft.clone();
            self.out.mark_uses.push(MarkUse::unused(m.id, Some(name)));
        }
    }

    /// The draft a label line belongs to: the one its sentence names ("Spain authorizes SG2 to
    /// consider E.212 …"), else the current one, else a draft not yet named.
    fn draft_for(&mut self, line: &Line, label: Label) -> usize {
        let named = if label.sentence {
            find_drafts(&line.text)
        } else {
            Vec::new()
        };
        match (self.current, named.as_slice()) {
            (_, [one]) => match self.out.drafts.iter().position(|d| d.name.same_as(one)) {
                Some(d) => d,
                None => self.out.push_draft(one.clone()),
            },
            (Some(d), _) => d,
            (None, _) => self.out.push_draft(DraftName {
                draft: String::new(),
                provisional: None,
            }),
        }
    }

    /// The label line's own marks and emphasis (judged on the label's own words).
    fn read_label(&mut self, d: usize, i: usize, label: Label) {
        let (line, info) = self.at(i);
        let state = self.out.drafts[d].line_mut(label.kind);
        state.present = true;
        let label_range = info.body_offset..(info.body_offset + label.end).min(line.text.len());
        state.highlighted |= line.emphasis_in(label_range.clone(), HIGHLIGHT);
        state.bold |= line.emphasis_in(label_range.clone(), BOLD);
        state.underline |= line.emphasis_in(label_range.clone(), UNDERLINE);
        state.struck |= line.emphasis_in(label_range.clone(), STRIKE);
        state.coloured |= line.emphasis_in(label_range, COLOUR);
        state.sentence |= label.sentence;
        if info.typed.is_some() {
            state.typed = info.typed;
        }
        for m in &line.marks {
            // A mark inside the printed label (the ⃝ of "select one of the two options ⃝")
            // is part of the wording unless it is checked.
            let counted = m.leading || m.checkbox.checked == Some(true);
            self.out.use_mark(d, label.kind, m.clone(), counted);
        }
    }

    /// "… authorizes … and attaches the following comments:" also gives the option.
    fn sentence_options(&mut self, d: usize, body: &str, label: Label) {
        if label.kind != LineKind::Authorize {
            return;
        }
        let (no, with) = labels::options_in_sentence(label, body);
        for (k, named) in [(LineKind::NoComments, no), (LineKind::WithComments, with)] {
            if named {
                let o = self.out.drafts[d].line_mut(k);
                o.present = true;
                o.sentence = true;
            }
        }
    }

    /// A line with no label: a box waiting for its label, or free text — reasons or comments,
    /// by the label it follows.
    fn other_line(&mut self, i: usize) {
        let (line, info) = self.at(i);
        let mark_only = !line.marks.is_empty() || info.typed.is_some();
        if mark_only && info.body(line).trim().is_empty() {
            self.pending.push(Pending {
                marks: line.marks.clone(),
                typed: info.typed,
                place: line.place,
                shaded: line.shaded,
            });
            return;
        }
        let Some(d) = self.current else {
            // Up to the form: its header row is the form's, not the person's.
            match self.text_for_named.as_mut() {
                Some((_, texts)) if line.place.table == 0 && !self.text_for_named_done => {
                    push_text(texts, &line.text)
                }
                Some(_) => self.text_for_named_done = true,
                None => {}
            }
            return;
        };
        let name = &self.out.drafts[d].name.draft;
        let unused: Vec<MarkUse> = line
            .marks
            .iter()
            .map(|m| MarkUse::unused(m.id, Some(name.clone())))
            .collect();
        self.out.mark_uses.extend(unused);
        if self.decision_sentence(i) {
            return;
        }
        if let Some(kind) = labels::decision_words(info.body(line)) {
            let folded = fold(info.body(line));
            region::mark_by_sentence(&mut self.out.drafts[d], kind, &folded);
            return;
        }
        if self.after_heading {
            push_text(&mut self.out.drafts[d].texts.after, &line.text);
            for n in &line.notes {
                push_text(&mut self.out.drafts[d].texts.after, n);
            }
            return;
        }
        let kind = self
            .cell_label
            .or(self.row_first_label.map(|(_, k)| k))
            .or_else(|| last_kind(&self.out.drafts[d]));
        if let Some(k) = kind {
            // A word of assent typed after the label's last wrapped line marks the label.
            let text = match labels::trailing_mark(&line.text) {
                Some((checked, before)) => {
                    self.out.drafts[d].line_mut(k).typed = Some((checked, Evidence::Text));
                    before
                }
                None => &line.text,
            };
            push_text(self.out.drafts[d].bucket(k), text);
            for n in &line.notes {
                push_text(self.out.drafts[d].bucket(k), n);
            }
        } else if self.name_place.is_some_and(|p| p.same_cell(&line.place)) {
            // Under the draft's name in its cell, before its lines ("– we agree, comments
            // below" and the comments): written for the draft as a whole.
            push_text(&mut self.out.drafts[d].texts.after, &line.text);
        }
    }

    fn finish(mut self) -> AnswerTable {
        flush_row(&mut self.out, &mut self.pending, &self.row_labels);
        // Marks with no line to belong to: listed, not used.
        for p in self.pending {
            for m in p.marks {
                self.out.mark_uses.push(MarkUse::unused(m.id, None));
            }
        }
        names_below_their_lines(&mut self.out);
        if let Some((name, texts)) = self.text_for_named.take() {
            if let Some(d) = self.out.drafts.iter_mut().find(|d| d.name.same_as(&name)) {
                d.texts.after.extend(texts);
            }
        }
        for (d, others) in std::mem::take(&mut self.groups) {
            answer_for_each(&mut self.out, d, &others);
        }
        self.out
    }
}

/// The reading of draft `d`, given under one heading for `others` too, is each one's — and
/// said so: the person answered them together.
fn answer_for_each(out: &mut AnswerTable, d: usize, others: &[DraftName]) {
    let mut names = vec![out.drafts[d].name.draft.clone()];
    for name in others {
        if out.drafts.iter().any(|r| r.name.same_as(name)) {
            continue;
        }
        let mut copy = out.drafts[d].clone();
        copy.name = name.clone();
        names.push(name.draft.clone());
        out.drafts.push(copy);
    }
    if names.len() < 2 {
        return;
    }
    let text = format!(
        "one answer was given for {} together, under one heading; it is read for each",
        names.join(", ")
    );
    out.drafts[d].warnings.push(Warning {
        kind: WarningKind::AnsweredTogether,
        drafts: names,
        text,
    });
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
        prev.texts.authorize.extend(last.texts.authorize);
        prev.texts.not_authorize.extend(last.texts.not_authorize);
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
    out.warnings.push(Warning::new(
        WarningKind::NamesBelowLines,
        "the draft names stand below their decision lines; each pair of lines was read with the name under it",
    ));
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
    place: Place,
    /// The box's own cell or paragraph is shaded: emphasis on the line it belongs to.
    shaded: bool,
}

/// Gives a row's waiting marks to its labels: one box line per label, in order, when they
/// pair up (a box cell with a box for the line and one for each option), or one per decision
/// line (two rows merged into one: both boxes in one cell, beside all four labels); otherwise
/// all to the row's first decision line. A row with no label keeps its marks for the next row.
fn flush_row(out: &mut AnswerTable, pending: &mut Vec<Pending>, labels: &[(usize, LineKind)]) {
    if pending.is_empty() || labels.is_empty() {
        return;
    }
    let decisions: Vec<(usize, LineKind)> = labels
        .iter()
        .filter(|(_, k)| matches!(k, LineKind::Authorize | LineKind::NotAuthorize))
        .copied()
        .collect();
    let first = decisions.first().or(labels.first()).copied();
    let marks: usize = pending.iter().map(|p| p.marks.len()).sum();
    let by_line = pending.len() == labels.len() && labels.len() > 1;
    let by_mark = !by_line && marks == decisions.len() && decisions.len() > 1;
    let mut next_mark = 0;
    for (n, p) in pending.drain(..).enumerate() {
        // Where the line's typed word and shading go: its label, or its first mark's.
        let target = match (by_line, by_mark) {
            (true, _) => labels.get(n).copied(),
            (_, true) => decisions.get(next_mark).copied(),
            _ => first,
        };
        let Some((d, kind)) = target else { continue };
        if p.typed.is_some() {
            out.drafts[d].line_mut(kind).typed = p.typed;
        }
        out.drafts[d].line_mut(kind).highlighted |= p.shaded;
        for m in p.marks {
            let (d, kind) = if by_mark {
                decisions[next_mark]
            } else {
                (d, kind)
            };
            next_mark += 1;
            out.use_mark(d, kind, m, true);
        }
    }
}

/// What follows the draft's name and its separator ("Y.3060: …", "Y.3060 – …").
fn addressed_rest(body: &str) -> Option<&str> {
    NAME_SEPARATORS
        .iter()
        .filter_map(|p| body.find(p).map(|i| i + p.len()))
        .min()
        .map(|i| body[i..].trim())
}

/// Words of a reasons or comments heading, in any language.
fn is_text_heading(folded: &str) -> bool {
    compiled().iter().any(|c| c.heading_words.is_match(folded))
}

fn push_text(bucket: &mut Vec<String>, raw: &str) {
    let t = clean(raw);
    // A bracket or a dash left over from a label is no text.
    if t.is_empty() || is_placeholder(&t) || !t.chars().any(char::is_alphanumeric) {
        return;
    }
    // A short line ending in a colon ("Other comments:", "Motifs et commentaires (le cas
    // échéant) :") is a heading of the form, no text.
    let words = t.split_whitespace().count();
    let heading =
        t.ends_with([':', '：']) && (words <= 3 || words <= 8 && is_text_heading(&fold(&t)));
    // A note anchored on two lines of one draft (the row's cell and its label) is one text.
    if heading || bucket.contains(&t) {
        return;
    }
    bucket.push(t);
}
