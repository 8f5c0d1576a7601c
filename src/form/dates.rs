//! Dates as people write them on the form, in the six languages: "6 February 2023",
//! "February 3, 2023", "9 février 2023", "9 de febrero de 2023", "9 февраля 2023 г.",
//! "2023年2月9日", Arabic month names and digits, "09/02/2023" (day first), "2023-02-09".

use super::lang::WORDS;
use super::text::fold;
use regex::Regex;
use std::sync::OnceLock;

/// A date read from the form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReadDate {
    /// ISO 8601 `YYYY-MM-DD`.
    pub iso: String,
    /// Set when the reading is not certain (e.g. `03/02/2023` could be either order).
    pub doubt: Option<String>,
}

fn valid(y: i32, m: u32, d: u32) -> Option<String> {
    let date = jiff::civil::Date::new(
        i16::try_from(y).ok()?,
        i8::try_from(m).ok()?,
        i8::try_from(d).ok()?,
    )
    .ok()?;
    Some(date.to_string())
}

/// Arabic-Indic and Eastern Arabic-Indic digits to ASCII.
fn ascii_digits(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '\u{0660}'..='\u{0669}' => char::from(b'0' + (c as u32 - 0x0660) as u8),
            '\u{06F0}'..='\u{06F9}' => char::from(b'0' + (c as u32 - 0x06F0) as u8),
            '\u{FF10}'..='\u{FF19}' => char::from(b'0' + (c as u32 - 0xFF10) as u8),
            c => c,
        })
        .collect()
}

/// Chinese numerals in a date ("二〇二六年三月四日", "十二月三十一日") to ASCII digits.
fn cjk_numerals(s: &str) -> String {
    const DIGITS: &str = "〇一二三四五六七八九";
    if !s.chars().any(|c| DIGITS.contains(c) || c == '十') {
        return s.to_string();
    }
    let digit = |c: char| {
        DIGITS
            .chars()
            .position(|d| d == c)
            .or((c == '零').then_some(0))
    };
    let mut out = String::new();
    let chars: Vec<char> = s.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let start = i;
        while i < chars.len() && (digit(chars[i]).is_some() || chars[i] == '十') {
            i += 1;
        }
        if start == i {
            out.push(chars[i]);
            i += 1;
            continue;
        }
        let run = &chars[start..i];
        if let Some(ten) = run.iter().position(|&c| c == '十') {
            // 十 = 10, 十二 = 12, 二十 = 20, 三十一 = 31
            let tens = if ten == 0 {
                1
            } else {
                run[..ten].iter().filter_map(|&c| digit(c)).sum::<usize>()
            };
            let units = run[ten + 1..]
                .iter()
                .filter_map(|&c| digit(c))
                .sum::<usize>();
            out.push_str(&(tens * 10 + units).to_string());
        } else {
            for &c in run {
                out.push(char::from(b'0' + digit(c).unwrap_or(0) as u8));
            }
        }
    }
    out
}

fn month_number(word: &str) -> Option<u32> {
    let w = fold(word);
    let w = w.trim_end_matches('.');
    let months = || WORDS.iter().flat_map(|l| l.months.iter());
    if let Some(&(_, n)) = months().find(|(name, _)| fold(name) == w) {
        return Some(u32::from(n));
    }
    // An abbreviation ("dic.", "déc", "sept"): the start of month names that all agree.
    if w.chars().count() < 3 {
        return None;
    }
    let mut found = months()
        .filter(|(name, _)| fold(name).starts_with(w))
        .map(|&(_, n)| n);
    let first = found.next()?;
    found.all(|n| n == first).then_some(u32::from(first))
}

/// A month in Roman numerals ("10-XII-2026", "10.XII.2026").
fn roman_month(s: &str) -> Option<u32> {
    const ROMAN: [&str; 12] = [
        "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII",
    ];
    ROMAN.iter().position(|r| *r == s).map(|i| i as u32 + 1)
}

/// Finds the first date in `s`.
pub fn parse_date(s: &str) -> Option<ReadDate> {
    find_date(s).map(|(d, _)| d)
}

/// A line that is a letter's date ("Caracas, 11 de noviembre de 2026", "Monday, 9 November
/// 2026", "١١/١١/٢٠٢٦"): a date with at most a place, a weekday or a preposition round it.
/// A longer line that holds a date ("Reply to Circular 251 of 3 October 2026") is not one.
pub fn date_line(s: &str) -> Option<ReadDate> {
    let (d, rest) = find_date(s)?;
    let words = rest.split_whitespace().count();
    (words <= 3 && !rest.chars().any(|c| c.is_ascii_digit() || c == ':')).then_some(d)
}

/// The first date in `s`, and the text of `s` round it (digits made ASCII).
fn find_date(s: &str) -> Option<(ReadDate, String)> {
    static ISO: OnceLock<Regex> = OnceLock::new();
    static CJK: OnceLock<Regex> = OnceLock::new();
    static NUM: OnceLock<Regex> = OnceLock::new();
    static DMY: OnceLock<Regex> = OnceLock::new();
    static MDY: OnceLock<Regex> = OnceLock::new();
    static ROMAN: OnceLock<Regex> = OnceLock::new();
    let s = ascii_digits(&cjk_numerals(s));
    let s = s.as_str();
    let iso = ISO.get_or_init(|| {
        Regex::new(r"\b(\d{4})\s*[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{1,2})\b").expect("static")
    });
    let cjk = CJK.get_or_init(|| {
        Regex::new(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日").expect("static")
    });
    let roman = ROMAN.get_or_init(|| {
        Regex::new(r"\b(\d{1,2})\s*[./\-\s]\s*([IVX]{1,4})\s*[./\-\s]\s*(\d{4})\b").expect("static")
    });
    let num = NUM.get_or_init(|| {
        Regex::new(r"\b(\d{1,2})\s*[./-]\s*(\d{1,2})\s*[./-]\s*(\d{4})\b").expect("static")
    });
    // "6 February 2023", "9 de febrero de 2023", "9 февраля 2023 г.", "9 فبراير 2023"
    let dmy = DMY.get_or_init(|| {
        Regex::new(r"«?(\d{1,2})»?(?:er|º|°|st|nd|rd|th)?[\s\-/.]*(?:de\s+|of\s+)?([\p{L}][\p{L}.]*(?:/[\p{L}]+)?(?:\s[\p{L}]+)?)[\s\-/.]*(?:de\s+|,\s*)?(\d{4})").expect("static")
    });
    // "February 3, 2023"
    let mdy = MDY.get_or_init(|| {
        Regex::new(r"([\p{L}]{3,}\.?)\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})").expect("static")
    });

    let num_of = |m: Option<regex::Match>| m.and_then(|m| m.as_str().parse::<u32>().ok());
    let rest = |c: &regex::Captures| {
        let m = c.get(0).map_or(0..0, |m| m.range());
        format!("{} {}", &s[..m.start], &s[m.end..])
    };
    if let Some(c) = iso.captures(s).or_else(|| cjk.captures(s)) {
        let (y, m, d) = (num_of(c.get(1))?, num_of(c.get(2))?, num_of(c.get(3))?);
        return valid(y as i32, m, d).map(|iso| (ReadDate { iso, doubt: None }, rest(&c)));
    }
    // Every such phrase, not the first: a Hijri date often comes first ("5 جمادى الأولى
    // 1448هـ الموافق 16 أكتوبر 2026م"), and its month is none the reader knows.
    for c in dmy.captures_iter(s) {
        let words = c.get(2).map(|m| m.as_str()).unwrap_or("");
        // Try the whole phrase, then its first word ("tishreen al-awwal" vs "febrero").
        // The whole phrase ("tishreen al-awwal"), else any of its words ("آذار/مارس").
        let month = month_number(words).or_else(|| words.split([' ', '/']).find_map(month_number));
        if let (Some(d), Some(m), Some(y)) = (num_of(c.get(1)), month, num_of(c.get(3))) {
            if let Some(iso) = valid(y as i32, m, d) {
                return Some((ReadDate { iso, doubt: None }, rest(&c)));
            }
        }
    }
    if let Some(c) = mdy.captures(s) {
        if let (Some(m), Some(d), Some(y)) = (
            month_number(c.get(1)?.as_str()),
            num_of(c.get(2)),
            num_of(c.get(3)),
        ) {
            if let Some(iso) = valid(y as i32, m, d) {
                return Some((ReadDate { iso, doubt: None }, rest(&c)));
            }
        }
    }
    if let Some(c) = roman.captures(s) {
        let month = c.get(2).and_then(|m| roman_month(m.as_str()));
        if let (Some(d), Some(m), Some(y)) = (num_of(c.get(1)), month, num_of(c.get(3))) {
            if let Some(iso) = valid(y as i32, m, d) {
                return Some((ReadDate { iso, doubt: None }, rest(&c)));
            }
        }
    }
    if let Some(c) = num.captures(s) {
        let (a, b, y) = (num_of(c.get(1))?, num_of(c.get(2))?, num_of(c.get(3))?);
        // Day first, as ITU correspondence writes it; say so when the other order is possible.
        if let Some(iso) = valid(y as i32, b, a) {
            let doubt = (a <= 12 && b <= 12 && a != b).then(|| {
                format!(
                    "the date '{}' could be day/month or month/day; read as day first ({iso})",
                    c.get(0).map(|m| m.as_str()).unwrap_or("")
                )
            });
            return Some((ReadDate { iso, doubt }, rest(&c)));
        }
        if let Some(iso) = valid(y as i32, a, b) {
            let doubt = Some("the date is written month first".to_string());
            return Some((ReadDate { iso, doubt }, rest(&c)));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn iso(s: &str) -> String {
        parse_date(s).map(|d| d.iso).unwrap_or_default()
    }

    #[test]
    fn six_languages() {
        assert_eq!(iso("6 February 2023, Bonn"), "2023-02-06");
        assert_eq!(iso("February 3, 2023, Washington, DC"), "2023-02-03");
        assert_eq!(iso("9 février 2023, Paris"), "2023-02-09");
        assert_eq!(iso("1er mars 2023"), "2023-03-01");
        assert_eq!(iso("19th February, 2026"), "2026-02-19");
        assert_eq!(iso("9 de febrero de 2023"), "2023-02-09");
        assert_eq!(iso("9 февраля 2023 г."), "2023-02-09");
        assert_eq!(iso("2023年2月9日 北京"), "2023-02-09");
        assert_eq!(iso("2023年02月01日"), "2023-02-01");
        assert_eq!(iso("٩ فبراير ٢٠٢٣"), "2023-02-09");
        assert_eq!(iso("2023-02-09"), "2023-02-09");
        assert_eq!(iso("2026/03/03"), "2026-03-03");
        assert_eq!(iso("03-Mar-2026"), "2026-03-03");
        assert_eq!(iso("«3» марта 2026 г."), "2026-03-03");
        assert_eq!(iso("٩ آذار/مارس ٢٠٢٦"), "2026-03-09");
        assert_eq!(iso("二〇二六年三月四日"), "2026-03-04");
        assert_eq!(iso("二〇二六年十二月三十一日"), "2026-12-31");
        assert_eq!(iso("Geneva, 3 March 2026"), "2026-03-03");
        assert_eq!(iso("3.3.2026"), "2026-03-03");
        assert_eq!(
            iso("5 جمادى الأولى 1448هـ الموافق 16 أكتوبر 2026م"),
            "2026-10-16"
        );
    }

    #[test]
    fn numeric_is_day_first_and_says_when_unsure() {
        let d = parse_date("08/02/2023, Sejong").unwrap();
        assert_eq!(d.iso, "2023-02-08");
        assert!(d.doubt.is_some());
        let d = parse_date("25/02/2023").unwrap();
        assert_eq!(d.iso, "2023-02-25");
        assert!(d.doubt.is_none());
        assert!(parse_date("[Date]").is_none());
    }

    #[test]
    fn a_letters_date_line_is_told_from_a_line_that_holds_a_date() {
        let iso = |s: &str| date_line(s).map(|d| d.iso);
        assert_eq!(
            iso("Caracas, 11 de noviembre de 2026").as_deref(),
            Some("2026-11-11")
        );
        assert_eq!(
            iso("Monaco, le 12 novembre 2026").as_deref(),
            Some("2026-11-12")
        );
        assert_eq!(
            iso("Monday, 9 November 2026").as_deref(),
            Some("2026-11-09")
        );
        assert_eq!(iso("11 ноября 2026 года").as_deref(), Some("2026-11-11"));
        assert_eq!(iso("١١/١١/٢٠٢٦").as_deref(), Some("2026-11-11"));
        assert_eq!(iso("Reply to TSB Circular 251 of 3 October 2026"), None);
        assert_eq!(iso("Our reference 2026/117, 3 October 2026"), None);
        assert_eq!(iso("Deadline: 20 November 2026"), None);
    }
}
