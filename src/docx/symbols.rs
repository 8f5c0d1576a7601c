//! Which characters stand for a checkbox: Unicode ballot-box glyphs, and codes of the symbol
//! fonts (Wingdings, Wingdings 2, Webdings) that Word inserts with Insert ▸ Symbol.
//! The same code means different things in different fonts, so lookups are by (font, code).

/// Checked/unchecked state of a Unicode glyph that stands for a box, or `None` when the
/// character is not such a glyph. ASCII look-alikes ("X", "[ ]") are left to the form reader.
pub fn glyph_state(c: char) -> Option<bool> {
    match c {
        '☒' | '☑' | '✔' | '✓' | '✗' | '✘' | '■' | '⊠' | '⊗' | '●' | '◉' | '⦿' | '⊙' | '▣' => {
            Some(true)
        }
        '☐' | '□' | '○' | '\u{20DD}' | '▢' | '◯' => Some(false),
        _ => None,
    }
}

/// The symbol fonts whose codes this reader knows or reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SymbolFont {
    Wingdings,
    Wingdings2,
    Webdings,
}

impl SymbolFont {
    pub fn name(self) -> &'static str {
        match self {
            SymbolFont::Wingdings => "Wingdings",
            SymbolFont::Wingdings2 => "Wingdings 2",
            SymbolFont::Webdings => "Webdings",
        }
    }
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
        b"webdings" => Some(SymbolFont::Webdings),
        _ => None,
    }
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

/// State of a (font, code) pair per the table in FORM.md; `None` when the code is not a box.
pub fn symbol_state(font: SymbolFont, code: u8) -> Option<bool> {
    match font {
        SymbolFont::Wingdings => match code {
            0xFE | 0xFD | 0x78 | 0xFC | 0xFB => Some(true),
            0xA8 | 0x6F | 0x71 | 0x72 => Some(false),
            _ => None,
        },
        SymbolFont::Wingdings2 => match code {
            0x52 | 0x53 | 0x54 | 0x51 | 0x50 | 0x4F | 0xA8 => Some(true),
            0xA3 | 0x2A => Some(false),
            _ => None,
        },
        SymbolFont::Webdings => match code {
            0x61 => Some(true),
            0x63 => Some(false),
            _ => None,
        },
    }
}

/// `Wingdings F0FE`: the detail string of a symbol mark.
pub fn symbol_detail(font: SymbolFont, code: u8) -> String {
    format!("{} F0{:02X}", font.name(), code)
}

/// `U+2612`: the detail string of a glyph mark.
pub fn glyph_detail(c: char) -> String {
    format!("U+{:04X}", c as u32)
}

#[cfg(test)]
mod tests {
    use super::*;

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
    fn every_glyph_starts_with_byte_e2_in_utf8() {
        // The reader's plain-text fast path relies on it (see `xml::Parser::emit_text`).
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            if glyph_state(c).is_some() {
                let mut buf = [0u8; 4];
                assert_eq!(c.encode_utf8(&mut buf).as_bytes()[0], 0xE2, "{c}");
            }
        }
    }

    #[test]
    fn glyphs() {
        assert_eq!(glyph_state('☒'), Some(true));
        assert_eq!(glyph_state('\u{20DD}'), Some(false));
        assert_eq!(glyph_state('X'), None);
        assert_eq!(glyph_detail('☒'), "U+2612");
    }
}
