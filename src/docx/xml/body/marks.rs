//! Check-box marks in a part: legacy form fields (`FORMCHECKBOX`), `w14` content controls,
//! ActiveX controls, `w:sym` symbols, and box glyphs or symbol-font codes in text. A mark is
//! emitted once, where it stands; text that is not printed (field instructions, the glyph a
//! content control shows) is left out.

use std::borrow::Cow;

use super::super::elements::El;
use super::super::names::Ns;
use super::super::{contains_ignore_ascii_case, on_off, Tag};
use super::props::RunState;
use super::Parser;
use crate::docx::model::{Checkbox, Inline, Mechanism, RunFormat};
use crate::docx::symbols::{self, SymbolFont};

#[derive(Debug, Default)]
pub(super) struct FfBox {
    /// `Some(val)` when `w:checked` is present (`val` = its `w:val`, if any).
    checked: Option<Option<String>>,
    default: Option<Option<String>>,
}

/// A `FORMDROPDOWN`'s entries and the one chosen (`w:result`, else `w:default`, else the first).
#[derive(Debug, Default)]
pub(super) struct FfDropDown {
    result: Option<usize>,
    default: Option<usize>,
    entries: Vec<String>,
}

#[derive(Debug, Default)]
pub(super) struct Field {
    in_result: bool,
    checkbox: Option<FfBox>,
    /// A check box or a drop-down: its result text is not printed text of the reply.
    formcheckbox: bool,
    dropdown: Option<FfDropDown>,
}

#[derive(Debug, Default)]
pub(super) struct Sdt {
    /// `Some(checked)` for a `w14:checkbox` content control.
    checkbox: Option<(bool, String)>,
}

impl Parser<'_, '_> {
    /// A start tag that may be (part of) a check-box mark.
    pub(super) fn start_mark(&mut self, el: El, tag: Tag<'_, '_>) {
        match el {
            El::Sdt => self.sdts.push(Sdt::default()),
            El::W14Checkbox => {
                if let Some(s) = self.sdts.last_mut() {
                    s.checkbox = Some((false, "w14:checked absent".into()));
                }
            }
            El::W14Checked if self.parent() == El::W14Checkbox => {
                let v = tag.attr("val", &[Ns::W14, Ns::W]);
                if let Some(s) = self.sdts.last_mut() {
                    let detail = match &v {
                        Some(v) => format!("w14:checked val=\"{v}\""),
                        None => "w14:checked".into(),
                    };
                    s.checkbox = Some((on_off(v.as_deref()), detail));
                }
            }
            El::Sym if self.parent() == El::R => {
                let font = tag.w("font").unwrap_or_default();
                let ch = tag.w("char").unwrap_or_default();
                self.symbol(&font, &ch);
            }
            El::FldChar => match tag.w("fldCharType").as_deref() {
                Some("begin") => self.fields.push(Field::default()),
                Some("separate") => {
                    if let Some(f) = self.fields.last_mut() {
                        f.in_result = true;
                    }
                }
                Some("end") => {
                    self.fields.pop();
                }
                _ => {}
            },
            // A simple field: its children are the result. WPS writes check boxes as a
            // `w:fldSimple w:instr=" FORMCHECKBOX "` holding the `w:ffData` itself.
            El::FldSimple => {
                let instr = tag.w("instr").unwrap_or_default();
                self.fields.push(Field {
                    in_result: true,
                    checkbox: None,
                    formcheckbox: contains_ignore_ascii_case(&instr, "FORMCHECKBOX"),
                    dropdown: None,
                });
            }
            El::FfCheckBox if self.parent() == El::FfData => {
                if let Some(f) = self.fields.last_mut() {
                    f.checkbox = Some(FfBox::default());
                }
            }
            El::FfDdList if self.parent() == El::FfData => {
                if let Some(f) = self.fields.last_mut() {
                    f.dropdown = Some(FfDropDown::default());
                }
            }
            El::FfResult | El::FfDefault | El::FfListEntry if self.parent() == El::FfDdList => {
                let v = tag.val().map(Cow::into_owned).unwrap_or_default();
                if let Some(d) = self.fields.last_mut().and_then(|f| f.dropdown.as_mut()) {
                    match el {
                        El::FfResult => d.result = v.trim().parse().ok(),
                        El::FfDefault => d.default = v.trim().parse().ok(),
                        _ => d.entries.push(v),
                    }
                }
            }
            El::FfChecked | El::FfDefault if self.parent() == El::FfCheckBox => {
                let v = tag.val().map(Cow::into_owned);
                if let Some(b) = self.fields.last_mut().and_then(|f| f.checkbox.as_mut()) {
                    if el == El::FfChecked {
                        b.checked = Some(v);
                    } else {
                        b.default = Some(v);
                    }
                }
            }
            El::Control => {
                let id = tag.attr("id", &[Ns::R]).unwrap_or_default();
                if !self.suppressed() {
                    if let Some(cb) = (self.controls)(&id) {
                        self.emit(Inline::Checkbox(cb));
                    }
                }
            }
            _ => {}
        }
    }

    /// An end tag that may complete a check-box mark.
    pub(super) fn end_mark(&mut self, el: El) {
        match el {
            El::InstrText if self.instr.open => {
                self.instr.open = false;
                if let Some(f) = self.fields.last_mut() {
                    if !f.in_result && contains_ignore_ascii_case(&self.instr.buf, "FORMCHECKBOX") {
                        f.formcheckbox = true;
                    }
                }
            }
            El::FldSimple => {
                if let Some(b) = self.fields.pop().and_then(|f| f.checkbox) {
                    let outer_suppressed =
                        self.fields.iter().any(|f| !f.in_result || f.formcheckbox);
                    if !outer_suppressed {
                        self.emit(Inline::Checkbox(legacy_mark(&b)));
                    }
                }
            }
            El::FldChar => {
                // The `begin` fldChar has just closed: its ffData is complete.
                if let Some(d) = self.fields.last_mut().and_then(|f| f.dropdown.take()) {
                    if let Some(f) = self.fields.last_mut() {
                        f.formcheckbox = true;
                    }
                    if !self.inside_suppressed_field() {
                        self.dropdown(&d);
                    }
                    return;
                }
                let mark = self.fields.last_mut().and_then(|f| {
                    if f.in_result {
                        return None;
                    }
                    f.checkbox.as_ref().map(legacy_mark)
                });
                if let Some(cb) = mark {
                    // Emit once: clear the pending state but remember it is a checkbox field.
                    if let Some(f) = self.fields.last_mut() {
                        f.formcheckbox = true;
                        f.checkbox = None;
                    }
                    if !self.inside_suppressed_field() {
                        self.emit(Inline::Checkbox(cb));
                    }
                }
            }
            El::SdtPr => {
                let n = self.sdts.len();
                let outer_has = self
                    .sdts
                    .iter()
                    .take(n.saturating_sub(1))
                    .any(|s| s.checkbox.is_some());
                if let Some((checked, detail)) = self.sdts.last().and_then(|s| s.checkbox.clone()) {
                    if !outer_has && !self.suppressed() {
                        self.emit(Inline::Checkbox(Checkbox {
                            mechanism: Mechanism::ContentControl,
                            checked: Some(checked),
                            detail,
                        }));
                    }
                }
            }
            El::Sdt => {
                self.sdts.pop();
            }
            _ => {}
        }
    }

    /// A drop-down is a set of boxes in one: each entry becomes a line of its own with a
    /// mark, checked on the entry shown. The form reader then reads the entries as it reads
    /// labels with boxes, and a blank form's drop-downs show it every label.
    fn dropdown(&mut self, d: &FfDropDown) {
        let chosen = d.result.or(d.default).unwrap_or(0);
        let format = self.runs.last().map(|r| r.format).unwrap_or_default();
        for (i, entry) in d.entries.iter().enumerate() {
            self.emit(Inline::Break);
            self.emit(Inline::Checkbox(Checkbox {
                mechanism: Mechanism::Dropdown,
                checked: Some(i == chosen),
                detail: format!(
                    "FORMDROPDOWN entry {} of {}{}",
                    i + 1,
                    d.entries.len(),
                    if i == chosen { ", the one shown" } else { "" }
                ),
            }));
            self.emit_str(entry, format);
        }
        self.emit(Inline::Break);
    }

    /// The innermost field sits in another field's instruction or form-field result: what it
    /// shows is not printed.
    fn inside_suppressed_field(&self) -> bool {
        let mut outer = self.fields.iter().rev().skip(1);
        outer.any(|f| !f.in_result || f.formcheckbox)
    }

    /// Text is not part of the printed result: inside a field instruction or the result of a
    /// check-box field.
    pub(super) fn suppressed(&self) -> bool {
        self.fields
            .iter()
            .any(|f| !f.in_result || f.formcheckbox || f.checkbox.is_some())
    }

    fn in_checkbox_sdt(&self) -> bool {
        self.sdts.iter().any(|s| s.checkbox.is_some())
    }

    /// Emit `w:t` content: box glyphs and symbol-font box codes become marks in place.
    pub(super) fn emit_text(&mut self, s: &str) {
        if self.suppressed() {
            return;
        }
        let run = self.runs.last().cloned().unwrap_or_default();
        // Every box glyph is outside ASCII, and ASCII codes are symbols only in a run whose
        // Latin font is a symbol font: most text is one plain piece. The glyphs are all in
        // U+2000–U+2FFF or U+1F000–U+1FFFF, whose UTF-8 starts with the byte E2 or F0: without
        // them, and without a symbol font, text in any script is plain too.
        let plain = if run.sym_latin.is_some() {
            false
        } else if s.is_ascii() {
            true
        } else {
            run.sym_any.is_none() && memchr::memchr2(0xE2, 0xF0, s.as_bytes()).is_none()
        };
        if plain {
            if !s.is_empty() {
                self.emit_str(s, run.format);
            }
            return;
        }
        // The glyph shown by a check-box content control is not a mark of its own.
        let in_cc = self.in_checkbox_sdt();
        // Start of the text not emitted yet.
        let mut from = 0;
        let mut after_mark = false;
        for (i, c) in s.char_indices() {
            // An emoji presentation selector after a mark (✔️) belongs to the mark.
            if after_mark && matches!(c, '\u{FE0E}' | '\u{FE0F}') {
                from = i + c.len_utf8();
                continue;
            }
            let drawn = symbol_in_run(&run, c);
            let mark = match drawn {
                Some((font, code, _)) => symbols::symbol_state(font, code).map(|st| Checkbox {
                    mechanism: Mechanism::Symbol,
                    checked: Some(st),
                    detail: symbols::symbol_detail(font, code),
                }),
                None => symbols::glyph_state(c).map(|st| Checkbox {
                    mechanism: Mechanism::Glyph,
                    checked: Some(st),
                    detail: symbols::glyph_detail(c),
                }),
            };
            after_mark = mark.is_some();
            if let Some(m) = mark.map(|m| filled_by_shading(m, run.format)) {
                if let Some(before) = s.get(from..i).filter(|t| !t.is_empty()) {
                    self.emit_str(before, run.format);
                }
                if !in_cc {
                    self.emit(Inline::Checkbox(m));
                }
                from = i + c.len_utf8();
            } else if let Some((_, _, drawn)) = drawn.filter(|(_, _, d)| *d != c) {
                // Another symbol (an arrow, a smiley, a Greek letter): the text is what the
                // font draws, not the code that draws it.
                if let Some(before) = s.get(from..i).filter(|t| !t.is_empty()) {
                    self.emit_str(before, run.format);
                }
                self.emit_str(drawn.encode_utf8(&mut [0u8; 4]), run.format);
                from = i + c.len_utf8();
            }
        }
        if let Some(rest) = s.get(from..).filter(|t| !t.is_empty()) {
            self.emit_str(rest, run.format);
        }
    }

    /// `w:sym`: a box code of a known symbol font is a mark; an unknown code of a box font is a
    /// mark of unknown state (with a note); other fonts' symbols are decoration.
    fn symbol(&mut self, font_name: &str, ch: &str) {
        if self.suppressed() || self.in_checkbox_sdt() {
            return;
        }
        let Some(font) = symbols::symbol_font(font_name) else {
            return;
        };
        let code = symbols::sym_char_code(ch);
        let drawn = code.and_then(|code| symbols::symbol_char(font, code));
        let state = code.and_then(|code| symbols::symbol_state(font, code));
        if let Some(d) = drawn.filter(|_| state.is_none()) {
            // A known symbol that is no box, circle, tick or cross: text, as drawn.
            let format = self.runs.last().map(|r| r.format).unwrap_or_default();
            self.emit_str(d.encode_utf8(&mut [0u8; 4]), format);
            return;
        }
        let (checked, detail) = match code {
            Some(code) => (state, symbols::symbol_detail(font, code)),
            None => (None, format!("{} {ch}", font.name())),
        };
        if checked.is_none() {
            self.notes.push(format!(
                "symbol {detail} (w:sym) is not a known check-box symbol; its state was not read"
            ));
        }
        let format = self.runs.last().map(|r| r.format).unwrap_or_default();
        let mark = Checkbox {
            mechanism: Mechanism::Symbol,
            checked,
            detail,
        };
        self.emit(Inline::Checkbox(filled_by_shading(mark, format)));
    }
}

/// A box marked by its run's shading or highlight (see [`Checkbox::filled_by_shading`]).
fn filled_by_shading(mark: Checkbox, format: RunFormat) -> Checkbox {
    if format.highlight {
        mark.filled_by_shading()
    } else {
        mark
    }
}

/// A character of a symbol-font run: its font, code and the character the font draws.
fn symbol_in_run(run: &RunState, c: char) -> Option<(SymbolFont, u8, char)> {
    let u = c as u32;
    let font = if (0xF000..=0xF0FF).contains(&u) {
        run.sym_latin.or(run.sym_any)?
    } else {
        run.sym_latin?
    };
    let code = symbols::font_code(c)?;
    symbols::symbol_char(font, code).map(|d| (font, code, d))
}

fn legacy_mark(b: &FfBox) -> Checkbox {
    let desc = |name: &str, v: &Option<Option<String>>| match v {
        None => format!("{name} absent"),
        Some(None) => name.to_string(),
        Some(Some(v)) => format!("{name} w:val=\"{v}\""),
    };
    let checked = match (&b.checked, &b.default) {
        (Some(v), _) => on_off(v.as_deref()),
        (None, Some(v)) => on_off(v.as_deref()),
        (None, None) => false,
    };
    Checkbox {
        mechanism: Mechanism::LegacyCheckbox,
        checked: Some(checked),
        detail: format!(
            "{}, {}",
            desc("w:checked", &b.checked),
            desc("w:default", &b.default)
        ),
    }
}
