//! List bullets as marks. A form may print its boxes as bullets (☐ for the decisions, ○ for
//! the options), and the person marks a line by giving it another bullet (☒, ●): that bullet
//! is the line's mark, put at the start of its paragraph as a glyph typed there would be.
//!
//! Only where the document's lists print an *empty* box or circle somewhere: a letter whose
//! reasons are a list with ● or ■ bullets has no boxes, and its bullets are no marks.

use super::model::{Block, Checkbox, Document, Inline, Mechanism, Paragraph};
use super::symbols;
use super::xml::{Level, Numbering};

/// Puts each box-like bullet at the start of its paragraph as a mark.
pub fn mark_bullets(doc: &mut Document, numbering: &Numbering) {
    if !numbering
        .levels()
        .any(|l| bullet_mark(l).is_some_and(|m| m.checked == Some(false)))
    {
        return;
    }
    let mut stack: Vec<&mut Vec<Block>> = vec![&mut doc.body];
    while let Some(blocks) = stack.pop() {
        for b in blocks {
            match b {
                Block::Paragraph(p) => mark_paragraph(p, numbering),
                Block::Table(t) => {
                    for cell in t.rows.iter_mut().flat_map(|r| r.cells.iter_mut()) {
                        stack.push(&mut cell.blocks);
                    }
                }
            }
        }
    }
}

fn mark_paragraph(p: &mut Paragraph, numbering: &Numbering) {
    let Some((num, ilvl)) = &p.list else { return };
    if let Some(mark) = numbering.level(num, *ilvl).and_then(bullet_mark) {
        p.inlines.insert(0, Inline::Checkbox(mark));
    }
}

/// The mark a bullet level prints: one box, circle, tick or cross, as a glyph or a code of a
/// symbol font.
fn bullet_mark(level: &Level) -> Option<Checkbox> {
    if level.format != "bullet" {
        return None;
    }
    let mut chars = level.text.chars();
    let (Some(c), None) = (chars.next(), chars.next()) else {
        return None;
    };
    let font = level.font.as_deref().and_then(symbols::symbol_font);
    let (mechanism, checked, detail) = match (font, symbols::font_code(c)) {
        (Some(font), Some(code)) => (
            Mechanism::Symbol,
            symbols::symbol_state(font, code)?,
            symbols::symbol_detail(font, code),
        ),
        _ => (
            Mechanism::Glyph,
            symbols::glyph_state(c)?,
            symbols::glyph_detail(c),
        ),
    };
    Some(Checkbox {
        mechanism,
        checked: Some(checked),
        detail: format!("{detail}, the list's bullet"),
    })
}
