//! Properties the reader keeps: a paragraph's style, direction and shading, a cell's span,
//! merge and shading, a row's skipped grid columns, and a run's formatting and symbol fonts.

use std::borrow::Cow;

use super::super::elements::El;
use super::super::{on_off, Tag};
use super::{Node, Parser};
use crate::docx::model::{RunFormat, VMerge, BORDER_BOTTOM, BORDER_LEFT, BORDER_RIGHT, BORDER_TOP};
use crate::docx::symbols::{self, SymbolFont};

#[derive(Debug, Default, Clone)]
pub(super) struct RunState {
    pub(super) format: RunFormat,
    /// Symbol font of the Latin slots (`ascii`/`hAnsi`): decides low-byte characters.
    pub(super) sym_latin: Option<SymbolFont>,
    /// Symbol font in any slot: decides private-use `U+F0xx` characters.
    pub(super) sym_any: Option<SymbolFont>,
}

/// A `w:shd w:fill` that colours the background (not white, not auto, not empty).
fn fill_colours(fill: Option<&str>) -> bool {
    match fill.map(str::trim) {
        None => false,
        Some(f) => {
            !(f.is_empty() || f.eq_ignore_ascii_case("auto") || f.eq_ignore_ascii_case("ffffff"))
        }
    }
}

/// A count in `w:val` (grid columns), `default` when absent or unreadable.
fn count(tag: Tag<'_, '_>, default: usize) -> usize {
    tag.val()
        .and_then(|v| v.trim().parse::<usize>().ok())
        .unwrap_or(default)
}

impl Parser<'_, '_> {
    fn run_props(&mut self) -> Option<&mut RunState> {
        // Only the run's own properties, not the paragraph mark's (`w:pPr/w:rPr`).
        if self.parent() == El::RPr && self.grandparent() == El::R {
            self.runs.last_mut()
        } else {
            None
        }
    }

    /// A property of a paragraph, a row or a cell (or a run's shading).
    pub(super) fn block_property(&mut self, el: El, tag: Tag<'_, '_>) {
        match el {
            El::PStyle if self.parent() == El::PPr => {
                let v = tag.val();
                if let Some(p) = self.para() {
                    p.style = v.map(Cow::into_owned);
                }
            }
            El::NumId | El::Ilvl if self.grandparent() == El::PPr => {
                let v = tag.val().map(Cow::into_owned).unwrap_or_default();
                if let Some(p) = self.para() {
                    let list = p.list.get_or_insert_with(Default::default);
                    if el == El::NumId {
                        list.0 = v;
                    } else {
                        list.1 = v.trim().parse().unwrap_or(0);
                    }
                }
            }
            El::Bidi if self.parent() == El::PPr => {
                let on = on_off(tag.val().as_deref());
                if let Some(p) = self.para() {
                    p.bidi = on;
                }
            }
            El::Shd => self.shading(tag),
            El::BorderSide if self.parent() == El::PBdr && self.grandparent() == El::PPr => {
                let drawn = !matches!(tag.val().as_deref(), None | Some("none" | "nil"));
                let side = match tag.local_name().as_str() {
                    "top" => BORDER_TOP,
                    "left" => BORDER_LEFT,
                    "bottom" => BORDER_BOTTOM,
                    _ => BORDER_RIGHT,
                };
                if let Some(p) = self.para().filter(|_| drawn) {
                    p.borders |= side;
                }
            }
            El::GridBefore if self.parent() == El::TrPr => {
                let n = count(tag, 0);
                if let Some(Node::Row { next_col, .. }) = self.nodes.last_mut() {
                    *next_col = n.min(1000);
                }
            }
            El::GridSpan if self.parent() == El::TcPr => {
                let n = count(tag, 1);
                if let Some(Node::Cell { cell, .. }) = self.nodes.last_mut() {
                    cell.grid_span = n.clamp(1, 1000);
                }
            }
            El::VMerge if self.parent() == El::TcPr => {
                let m = match tag.val().as_deref() {
                    Some("restart") => VMerge::Restart,
                    _ => VMerge::Continue,
                };
                if let Some(Node::Cell { cell, .. }) = self.nodes.last_mut() {
                    cell.v_merge = m;
                }
            }
            _ => {}
        }
    }

    /// `w:shd` of a paragraph, a cell or a run.
    fn shading(&mut self, tag: Tag<'_, '_>) {
        // A solid pattern paints `w:color`; otherwise the fill shows.
        let solid = tag.val().is_some_and(|v| v == "solid");
        let coloured = fill_colours(tag.w("fill").as_deref())
            || (solid && fill_colours(tag.w("color").as_deref()));
        match self.parent() {
            El::PPr => {
                if let Some(p) = self.para() {
                    p.shaded = coloured;
                }
            }
            El::TcPr => {
                if let Some(Node::Cell { cell, .. }) = self.nodes.last_mut() {
                    cell.shaded = coloured;
                }
            }
            _ => {
                if let Some(r) = self.run_props() {
                    r.format.highlight |= coloured;
                }
            }
        }
    }

    /// A run's formatting or fonts (`w:r/w:rPr/…`).
    pub(super) fn run_property(&mut self, el: El, tag: Tag<'_, '_>) {
        let v = tag.val();
        let on = on_off(v.as_deref());
        match el {
            El::RFonts => {
                let get = |k: &str| tag.w(k).and_then(|f| symbols::symbol_font(&f));
                let latin = get("ascii").or_else(|| get("hAnsi"));
                let any = latin.or_else(|| get("eastAsia")).or_else(|| get("cs"));
                if let Some(r) = self.run_props() {
                    r.sym_latin = latin;
                    r.sym_any = any;
                }
            }
            El::B => {
                if let Some(r) = self.run_props() {
                    r.format.bold = on;
                }
            }
            El::U => {
                let on = !matches!(v.as_deref(), Some("none" | "0" | "false" | "off"));
                if let Some(r) = self.run_props() {
                    r.format.underline = on;
                }
            }
            El::Strike | El::DStrike => {
                if let Some(r) = self.run_props() {
                    r.format.strike |= on;
                }
            }
            El::Color => {
                // Black and automatic are the text's own colour; any other was chosen.
                let on = !matches!(
                    v.as_deref().map(str::to_ascii_lowercase).as_deref(),
                    None | Some("auto" | "000000")
                );
                if let Some(r) = self.run_props() {
                    r.format.colour = on;
                }
            }
            El::Highlight => {
                let on = !matches!(v.as_deref(), Some("none") | None);
                if let Some(r) = self.run_props() {
                    r.format.highlight |= on;
                }
            }
            _ => {}
        }
    }
}
