//! Text helpers shared by the form reader: folding for matching, cleaning for output.

use unicode_normalization::UnicodeNormalization;

/// Folds text for matching: NFKD, combining marks removed, lower case, typographic apostrophes
/// and dashes made ASCII, Arabic hamza/alef forms unified, white space collapsed.
pub fn fold(s: &str) -> String {
    // Most lines are ASCII, which NFKD leaves as it is: the fast path gives the same result
    // without the normalizer, the slowest step of reading a long document.
    if s.is_ascii() {
        return fold_ascii(s);
    }
    let mut out = String::with_capacity(s.len());
    let mut last_space = false;
    let mut push = |c: char| {
        let c = match c {
            '\u{0300}'..='\u{036F}' => return,
            // Arabic diacritics (harakat) and tatweel.
            '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{0640}' => return,
            '’' | '‘' | 'ʼ' | '`' | '´' => '\'',
            '‐' | '‑' | '‒' | '–' | '—' => '-',
            'أ' | 'إ' | 'آ' | 'ٱ' => 'ا',
            'ى' => 'ي',
            'ة' => 'ه',
            '\u{00A0}' | '\u{2007}' | '\u{202F}' | '\t' | '\n' | '\r' => ' ',
            c => c,
        };
        if c.is_whitespace() {
            if !last_space {
                out.push(' ');
            }
            last_space = true;
            return;
        }
        last_space = false;
        out.extend(c.to_lowercase());
    };
    // Text with nothing to decompose (most Chinese, Arabic, Russian) skips the normalizer.
    if unicode_normalization::is_nfkd_quick(s.chars()) == unicode_normalization::IsNormalized::Yes {
        s.chars().for_each(&mut push);
    } else {
        s.nfkd().for_each(&mut push);
    }
    out.trim().to_string()
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
