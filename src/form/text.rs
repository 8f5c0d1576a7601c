//! Text helpers shared by the form reader: cleaning for output; folding for matching is
//! [`crate::fold`], re-exported here.

pub use crate::fold::{fold, fold_char, is_blank_byte};

/// A Han (Chinese) character: text with no spaces between words, counted by characters.
pub fn is_han(c: char) -> bool {
    ('\u{4E00}'..='\u{9FFF}').contains(&c)
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
