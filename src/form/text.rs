//! Text helpers shared by the form reader: folding for matching, cleaning for output.

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
    matches!(b, b'\t' | b'\n' | b'\x0B' | b'\x0C' | b'\r' | b' ')
}

/// [`fold`] for ASCII text: lower case, '`' as an apostrophe, white space collapsed, trimmed.
fn fold_ascii(s: &str) -> String {
    // Blanks other than the space.
    let other_blank = s
        .bytes()
        .fold(false, |seen, b| seen | (b != b' ' && is_blank_byte(b)));
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

/// Collapses runs of spaces and tabs, trims each line, drops empty lines.
pub fn clean(s: &str) -> String {
    s.split('\n')
        .map(|l| {
            l.split([' ', '\t', '\u{00A0}'])
                .filter(|w| !w.is_empty())
                .collect::<Vec<_>>()
                .join(" ")
        })
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join("\n")
}

/// A placeholder left from the blank form: `[Name]`, `[姓名]`, `<date>`, `…`.
pub fn is_placeholder(s: &str) -> bool {
    let t = s.trim();
    if t.is_empty() {
        return true;
    }
    let bracketed =
        |o: char, c: char| t.starts_with(o) && t.ends_with(c) && t.chars().count() <= 60;
    bracketed('[', ']')
        || bracketed('<', '>')
        || bracketed('［', '］')
        || bracketed('【', '】')
        || t.chars().all(|c| matches!(c, '.' | '…' | '_' | '-' | ' '))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fold_removes_accents_and_unifies_apostrophes() {
        assert_eq!(fold("N’autorise  PAS"), "n'autorise pas");
        assert_eq!(fold("Février"), "fevrier");
        assert_eq!(fold("لا تأذن"), "لا تاذن");
    }

    #[test]
    fn text_already_decomposed_folds_like_text_that_is_not() {
        // Nothing to decompose (the normalizer is skipped) …
        assert_eq!(fold("Федерация  РОССИЯ"), "федерация россия");
        assert_eq!(
            fold("中华人民共和国\t工业和信息化部"),
            "中华人民共和国 工业和信息化部"
        );
        // … and words with something to decompose (й, a ligature, a full-width colon).
        assert_eq!(fold("Российская Федерация"), "россииская федерация");
        assert_eq!(fold("Майский ﬁx：日期"), "маискии fix:日期");
        assert_eq!(fold("Майский"), fold("Маи\u{0306}ский"));
    }

    #[test]
    fn letters_that_do_not_decompose_and_scripts_kept_whole() {
        assert_eq!(fold("Straße Øresund Łódź ÆØ"), "strasse oresund lodz aeo");
        assert_eq!(fold("ٱلرسالة المعممة"), fold("الرساله المعممه"));
        assert_eq!(fold("대한민국"), "대한민국");
        assert_eq!(fold("d’Ivoire – ‘x’"), "d'ivoire - 'x'");
    }

    #[test]
    fn ascii_fast_path_folds_like_the_general_path() {
        // The general path, forced by a non-ASCII character that folding leaves alone.
        let general = |s: &str| {
            let f = fold(&format!("{s}\u{4E00}"));
            f.trim_end_matches('\u{4E00}').trim_end().to_string()
        };
        for s in [
            "",
            "   ",
            " Does NOT  authorize\t\r\n",
            "\x0B\x0Ca`b\x1Fc  D ",
            "X.1382 (ex X.sa-dsm):",
            "[Name]",
            " Lorem `ipsum` Dolor ",
            "a  b",
            "a\tb",
        ] {
            assert_eq!(fold(s), general(s), "{s:?}");
        }
    }

    #[test]
    fn placeholders() {
        assert!(is_placeholder("[Name]"));
        assert!(is_placeholder("[姓名]"));
        assert!(!is_placeholder("Dr. Katrin Hoffmann"));
    }
}
