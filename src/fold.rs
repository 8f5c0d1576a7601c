//! The one text fold, shared by every stage that matches words: the form reader's labels and
//! names, the Member State gazetteer, the tally. A plain function of text, so that no stage
//! reaches into another to match a word the same way.

use unicode_normalization::char::{decompose_compatible, is_combining_mark};

/// Folds text for matching: every character through [`fold_char`], white space collapsed to one
/// space, trimmed. The form's labels, words and names are all compared folded.
pub fn fold(s: &str) -> String {
    // Most lines are ASCII: the fast path gives the same result byte by byte.
    if s.is_ascii() {
        return fold_ascii(s);
    }
    let mut out = String::with_capacity(s.len());
    let mut last_space = false;
    for c in s.chars() {
        fold_char(c, &mut |f| {
            if f.is_whitespace() {
                if !last_space {
                    out.push(' ');
                }
                last_space = true;
            } else {
                last_space = false;
                out.push(f);
            }
        });
    }
    out.trim().to_string()
}

/// Folds one character for matching: the one fold of the program, used for the form's words
/// ([`fold`]) and for the Member State names (`reference::member_states`).
///
/// Compatibility decomposition (NFKD: ligatures, full-width forms, no-break spaces) with every
/// combining mark dropped, then lower case. The choice for marks is one rule with no
/// exceptions: "é" is "e", and "й" is "и" — the breve is a mark like the others, so a "й" typed
/// as "и" + U+0306 folds the same as the composed letter (the Russian words are compared
/// folded on both sides, so "новой" and "новои" are one word). Letters that do not decompose
/// get their base letters (ß ss, æ ae, œ oe, ø o, ł l, đ ð d, þ th, ı i); typographic
/// apostrophes and dashes become ASCII; Arabic letter variants are unified (alif waṣla, alif
/// maqṣūra, tā' marbūṭa, Persian yā' and kāf) and tatweel dropped (its diacritics are marks).
/// Hangul syllables are kept whole: NFKD would split each into its jamo.
pub fn fold_char(c: char, emit: &mut impl FnMut(char)) {
    if c.is_ascii() {
        emit(if c == '`' {
            '\''
        } else {
            c.to_ascii_lowercase()
        });
        return;
    }
    // Hangul syllables kept whole; CJK ideographs have no decomposition and no case.
    if ('\u{AC00}'..='\u{D7AF}').contains(&c) || ('\u{4E00}'..='\u{9FFF}').contains(&c) {
        emit(c);
        return;
    }
    decompose_compatible(c, |d| {
        if is_combining_mark(d) {
            return;
        }
        for l in d.to_lowercase() {
            match l {
                l if is_combining_mark(l) => {}
                '’' | '‘' | 'ʼ' | '`' | '´' => emit('\''),
                '‐' | '‑' | '‒' | '–' | '—' => emit('-'),
                'ß' => "ss".chars().for_each(&mut *emit),
                'æ' => "ae".chars().for_each(&mut *emit),
                'œ' => "oe".chars().for_each(&mut *emit),
                'þ' => "th".chars().for_each(&mut *emit),
                'ı' => emit('i'),
                'ø' => emit('o'),
                'ł' => emit('l'),
                'đ' | 'ð' => emit('d'),
                'ٱ' => emit('ا'),
                'ى' | 'ی' => emit('ي'),
                'ک' => emit('ك'),
                'ة' => emit('ه'),
                'ـ' => {}
                other => emit(other),
            }
        }
    });
}

/// An ASCII byte `char::is_whitespace` accepts (unlike `u8::is_ascii_whitespace`, it takes the
/// vertical tab): what folding collapses.
pub fn is_blank_byte(b: u8) -> bool {
    // Tab, line feed, vertical tab, form feed and carriage return are 9 to 13: two comparisons
    // without a branch, which the compiler vectorises in the loops that call this.
    (b == b' ') | is_control_blank(b)
}

/// A blank byte other than the space (9 to 13).
fn is_control_blank(b: u8) -> bool {
    b.wrapping_sub(b'\t') < 5
}

/// [`fold`] for ASCII text: lower case, '`' as an apostrophe, white space collapsed, trimmed.
fn fold_ascii(s: &str) -> String {
    // Blanks other than the space.
    let other_blank = s.bytes().fold(false, |seen, b| seen | is_control_blank(b));
    let trimmed = s.trim_matches(' ');
    if !other_blank && !trimmed.contains("  ") {
        // Words one space apart: nothing to collapse, a lower-case copy is the folded text.
        let out = trimmed.to_ascii_lowercase();
        return if out.contains('`') {
            out.replace('`', "'")
        } else {
            out
        };
    }
    let mut out: Vec<u8> = Vec::with_capacity(s.len());
    let mut pending_space = false;
    for &b in s.as_bytes() {
        if is_blank_byte(b) {
            pending_space = !out.is_empty();
            continue;
        }
        if pending_space {
            out.push(b' ');
            pending_space = false;
        }
        out.push(if b == b'`' {
            b'\''
        } else {
            b.to_ascii_lowercase()
        });
    }
    // ASCII in, ASCII out: the conversion cannot fail.
    String::from_utf8(out).unwrap_or_default()
}

#[cfg(test)]
mod blank_tests {
    #[test]
    fn a_blank_byte_is_an_ascii_white_space_char() {
        for b in 0u8..128 {
            assert_eq!(
                super::is_blank_byte(b),
                char::from(b).is_whitespace(),
                "{b}"
            );
        }
    }
}
