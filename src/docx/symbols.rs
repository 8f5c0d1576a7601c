//! Which characters stand for a checkbox: Unicode box, circle, tick and cross glyphs, and the
//! codes of the symbol fonts (Wingdings, Wingdings 2, Wingdings 3, Webdings, Symbol) that Word
//! inserts with Insert ▸ Symbol. The same code means different things in different fonts, so
//! lookups are by (font, code), through the complete tables of [`crate::reference::symbol_fonts`].

use crate::reference::symbol_fonts as table;
pub use crate::reference::symbol_fonts::Font as SymbolFont;

/// Checked/unchecked state of a Unicode glyph that stands for a box, circle, tick or cross, or
/// `None` when the character is not such a glyph. ASCII look-alikes ("X", "[ ]") are left to
/// the form reader, and so is the multiplication sign "×" typed in text (it is arithmetic far
/// more often than a mark, and Latin text is full of its UTF-8 lead byte).
pub fn glyph_state(c: char) -> Option<bool> {
    if c == '\u{D7}' {
        return None;
    }
    table::class_of(c).checked()
}

/// Recognise a symbol font by name (case and spacing tolerant).
pub fn symbol_font(name: &str) -> Option<SymbolFont> {
    // Every run's fonts come here: fold into a small buffer rather than a new string. The
    // names sought are short and ASCII, so anything longer or not ASCII is none of them.
    let mut folded = [0u8; 10];
    let mut len = 0;
    for c in name.chars().filter(|c| !c.is_whitespace()) {
        let slot = folded.get_mut(len).filter(|_| c.is_ascii())?;
        *slot = (c as u8).to_ascii_lowercase();
        len += 1;
    }
    match folded.get(..len)? {
        b"wingdings" | b"wingdings1" => Some(SymbolFont::Wingdings),
        b"wingdings2" => Some(SymbolFont::Wingdings2),
        b"wingdings3" => Some(SymbolFont::Wingdings3),
        b"webdings" => Some(SymbolFont::Webdings),
        b"symbol" => Some(SymbolFont::Symbol),
        _ => None,
    }
}

/// The Unicode character a symbol font draws for a code, if the font draws one.
pub fn symbol_char(font: SymbolFont, code: u8) -> Option<char> {
    table::to_unicode(font, code)
}

/// The one-byte font code of a character in a symbol-font run: private-use `U+F0xx` → `xx`,
/// a Latin-1 character → itself. `None` for anything else.
pub fn font_code(c: char) -> Option<u8> {
    let u = c as u32;
    if (0xF000..=0xF0FF).contains(&u) {
        u8::try_from(u - 0xF000).ok()
    } else if u < 0x100 {
        u8::try_from(u).ok()
    } else {
        None
    }
}

/// Parse `w:sym w:char` ("F0FE", "FE", "f0fe") into a one-byte font code.
pub fn sym_char_code(hex: &str) -> Option<u8> {
    let v = u32::from_str_radix(hex.trim(), 16).ok()?;
    if (0xF000..=0xF0FF).contains(&v) {
        u8::try_from(v - 0xF000).ok()
    } else {
        u8::try_from(v).ok()
    }
}

/// State of a (font, code) pair: the class of the character the font draws there; `None`
/// when the code draws no box, circle, tick or cross (or nothing at all).
pub fn symbol_state(font: SymbolFont, code: u8) -> Option<bool> {
    table::class_of(symbol_char(font, code)?).checked()
}

/// `Wingdings F0FE`: the detail string of a symbol mark.
pub fn symbol_detail(font: SymbolFont, code: u8) -> String {
    format!("{} F0{:02X}", font.name(), code)
}

/// `U+2612`: the detail string of a glyph mark.
pub fn glyph_detail(c: char) -> String {
    format!("U+{:04X}", c as u32)
}

/// The glyph a glyph mark's detail names: the inverse of [`glyph_detail`], whatever was
/// appended after it ("U+2716, …").
pub fn glyph_in_detail(detail: &str) -> Option<char> {
    let hex = detail.strip_prefix("U+")?;
    let end = hex
        .find(|c: char| !c.is_ascii_hexdigit())
        .unwrap_or(hex.len());
    char::from_u32(u32::from_str_radix(&hex[..end], 16).ok()?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_glyph_detail_names_its_glyph() {
        for c in ['☒', '✖', '\u{1F5F9}'] {
            assert_eq!(glyph_in_detail(&glyph_detail(c)), Some(c));
        }
        assert_eq!(glyph_in_detail("U+2716, the list's bullet"), Some('✖'));
        assert_eq!(glyph_in_detail("Wingdings F0FE"), None);
    }

    #[test]
    fn same_code_differs_by_font() {
        assert_eq!(symbol_state(SymbolFont::Wingdings, 0xA8), Some(false));
        assert_eq!(symbol_state(SymbolFont::Wingdings2, 0xA8), Some(true));
        assert_eq!(symbol_state(SymbolFont::Webdings, 0xA8), None);
    }

    #[test]
    fn codes_and_fonts() {
        assert_eq!(sym_char_code("F0FE"), Some(0xFE));
        assert_eq!(sym_char_code("fe"), Some(0xFE));
        assert_eq!(sym_char_code("2612"), None);
        assert_eq!(font_code('\u{F0A8}'), Some(0xA8));
        assert_eq!(font_code('a'), Some(0x61));
        assert_eq!(font_code('☐'), None);
        assert_eq!(symbol_font("Wingdings 2"), Some(SymbolFont::Wingdings2));
        assert_eq!(symbol_font("WINGDINGS"), Some(SymbolFont::Wingdings));
        assert_eq!(symbol_font("Arial"), None);
        assert_eq!(symbol_font(" Wing dings\t2 "), Some(SymbolFont::Wingdings2));
        assert_eq!(symbol_font("Wingdings 1"), Some(SymbolFont::Wingdings));
        assert_eq!(symbol_font("Webdingsx"), None);
        assert_eq!(symbol_font("Wingdings22"), None);
        assert_eq!(symbol_font("Wíngdings"), None);
        assert_eq!(symbol_font(""), None);
        assert_eq!(symbol_detail(SymbolFont::Wingdings, 0xFE), "Wingdings F0FE");
    }

    #[test]
    fn every_glyph_starts_with_byte_e2_or_f0_in_utf8() {
        // The reader's plain-text fast path relies on it (see `xml::Parser::emit_text`).
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            if glyph_state(c).is_some() {
                let mut buf = [0u8; 4];
                let lead = c.encode_utf8(&mut buf).as_bytes()[0];
                assert!(lead == 0xE2 || lead == 0xF0, "{c}");
            }
        }
    }

    /// Every glyph the reader knew before the complete tables keeps its state.
    #[test]
    fn former_glyphs_keep_their_state() {
        for c in "☒☑✔✓✗✘■⊠⊗●◉⦿⊙▣".chars() {
            assert_eq!(glyph_state(c), Some(true), "{c}");
        }
        for c in "☐□○\u{20DD}▢◯".chars() {
            assert_eq!(glyph_state(c), Some(false), "{c}");
        }
        assert_eq!(glyph_state('×'), None);
        assert_eq!(table::class_of('✓'), table::GlyphClass::Tick);
        assert_eq!(table::class_of('⬤'), table::GlyphClass::CircleFilled);
    }

    /// The codes the reader knew before keep their state; the rest of each font is known too.
    #[test]
    fn symbol_codes() {
        use SymbolFont::*;
        for (f, code) in [
            (Wingdings, 0xFE),
            (Wingdings, 0xFD),
            (Wingdings, 0x78),
            (Wingdings, 0xFC),
            (Wingdings, 0xFB),
            (Wingdings2, 0x52),
            (Wingdings2, 0x53),
            (Wingdings2, 0x54),
            (Wingdings2, 0x51),
            (Wingdings2, 0x50),
            (Wingdings2, 0x4F),
            (Wingdings2, 0xA8),
            (Webdings, 0x61),
        ] {
            assert_eq!(symbol_state(f, code), Some(true), "{f:?} {code:X}");
        }
        for (f, code) in [
            (Wingdings, 0xA8),
            (Wingdings, 0x6F),
            (Wingdings, 0x71),
            (Wingdings, 0x72),
            (Wingdings2, 0xA3),
            (Wingdings2, 0x2A),
            (Webdings, 0x63),
        ] {
            assert_eq!(symbol_state(f, code), Some(false), "{f:?} {code:X}");
        }
        // Wingdings F06C is a filled circle, F0A4 a circle with a dot: both chosen marks.
        assert_eq!(symbol_state(Wingdings, 0x6C), Some(true));
        assert_eq!(symbol_state(Wingdings, 0xA4), Some(true));
        assert_eq!(symbol_state(Symbol, 0xD6), Some(true));
        assert_eq!(symbol_state(Wingdings, 0x4A), None, "a smiley is no box");
        assert_eq!(symbol_char(Wingdings, 0x4A), Some('☺'));
        assert_eq!(symbol_font("Wingdings 3"), Some(Wingdings3));
        assert_eq!(symbol_font("Symbol"), Some(Symbol));
    }

    #[test]
    fn glyphs() {
        assert_eq!(glyph_state('☒'), Some(true));
        assert_eq!(glyph_state('\u{20DD}'), Some(false));
        assert_eq!(glyph_state('X'), None);
        assert_eq!(glyph_detail('☒'), "U+2612");
    }
}
