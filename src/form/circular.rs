//! Which TSB Circular a document answers: its number (and its date, where the document gives
//! it), found in the text of the blank form or of a reply while the form is read, and the one
//! circular of a run chosen from those readings. The subject line of the form names it in every
//! language: "TSB Circular 117", "Circulaire TSB 117", "Circular TSB 117", "Циркуляр БСЭ 117",
//! "第117号通函", "الرسالة المعممة 117".

use std::sync::LazyLock;

use regex::Regex;

use super::lang::circular_patterns;
use crate::docx::model::{Document, Inline, Paragraph};
use crate::record::Circular;

static PATTERNS: LazyLock<Vec<Regex>> = LazyLock::new(|| {
    // The patterns are fixed; one that does not compile is a programming error caught by the
    // tests, and is skipped rather than panicking at run time.
    circular_patterns()
        .iter()
        .filter_map(|s| Regex::new(s).ok())
        .collect()
});

/// Arabic-Indic and Eastern Arabic-Indic digits to ASCII; leading zeros dropped.
fn ascii_number(s: &str) -> Option<String> {
    let digits: String = s
        .chars()
        .filter_map(|c| match c {
            '0'..='9' => Some(c),
            '\u{0660}'..='\u{0669}' => char::from_digit(c as u32 - 0x0660, 10),
            '\u{06F0}'..='\u{06F9}' => char::from_digit(c as u32 - 0x06F0, 10),
            _ => None,
        })
        .collect();
    let trimmed = digits.trim_start_matches('0');
    (!trimmed.is_empty()).then(|| trimmed.to_string())
}

/// The first circular named in `text`, by the most specific pattern that matches.
pub fn find_circular(text: &str) -> Option<Circular> {
    for re in PATTERNS.iter() {
        for caps in re.captures_iter(text) {
            let Some(number) = caps.name("n").and_then(|m| ascii_number(m.as_str())) else {
                continue;
            };
            let date = caps
                .name("date")
                .map(|m| m.as_str().split_whitespace().collect::<Vec<_>>().join(" "));
            return Some(Circular { number, date });
        }
    }
    None
}

/// The circular named in a document: in any paragraph, in the body or a table.
pub fn in_document(doc: &Document) -> Option<Circular> {
    // Every pattern needs a number: paragraphs without a digit (most of a cover letter) are
    // left out before their text is even put together.
    let text: Vec<String> = doc
        .paragraphs()
        .into_iter()
        .filter(|p| has_digit(p))
        .map(|p| p.text())
        .collect();
    find_circular(&text.join("\n"))
}

/// An ASCII digit, or a byte that may start an Arabic-Indic (U+0660–0669) or Eastern
/// Arabic-Indic (U+06F0–06F9) one, in a run: one plain pass over the bytes (an Arabic paragraph
/// is always kept, which only costs the patterns a look at it).
fn has_digit(p: &Paragraph) -> bool {
    p.inlines.iter().any(|i| match i {
        // In blocks without an early exit, so that the test of each block is vectorised.
        Inline::Text { text, .. } => text.as_bytes().chunks(64).any(|block| {
            block.iter().fold(false, |seen, &b| {
                seen | (b.wrapping_sub(b'0') < 10) | (b == 0xD9) | (b == 0xDB)
            })
        }),
        _ => false,
    })
}

/// The circular of a run: the first blank form's that names one (`--form` first, then those
/// found among the inputs), else the number most replies name (ties to the first seen), with a
/// date where one gives it.
pub fn of_run<'a>(
    forms: impl IntoIterator<Item = Option<&'a Circular>>,
    replies: impl IntoIterator<Item = Option<&'a Circular>>,
) -> Option<Circular> {
    if let Some(c) = forms.into_iter().flatten().next() {
        return Some(c.clone());
    }
    let found: Vec<&Circular> = replies.into_iter().flatten().collect();
    most_named(&found)
}

/// The number named most often (ties to the first seen); its first known date.
fn most_named(found: &[&Circular]) -> Option<Circular> {
    let mut counts: Vec<(&str, usize)> = Vec::new();
    for c in found {
        match counts.iter_mut().find(|(n, _)| *n == c.number) {
            Some((_, k)) => *k += 1,
            None => counts.push((&c.number, 1)),
        }
    }
    let mut best: Option<(&str, usize)> = None;
    for &(n, k) in &counts {
        if best.is_none_or(|(_, bk)| k > bk) {
            best = Some((n, k));
        }
    }
    let (number, _) = best?;
    let date = found
        .iter()
        .filter(|c| c.number == number)
        .find_map(|c| c.date.clone());
    Some(Circular {
        number: number.to_string(),
        date,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    fn num(text: &str) -> Option<String> {
        find_circular(text).map(|c| c.number)
    }

    #[test]
    fn every_pattern_compiles() {
        assert_eq!(PATTERNS.len(), 6);
    }

    #[test]
    fn finds_the_number_in_six_languages() {
        let cases = [
            (
                "Subject: Member State response to TSB Circular 117: Consultation",
                Some("117"),
            ),
            (
                "Objet: Réponse des États Membres à la Circulaire TSB 42: Consultation",
                Some("42"),
            ),
            (
                "Asunto: Respuesta a la Circular TSB 42 de la Oficina",
                Some("42"),
            ),
            (
                "Тема: Ответ Государства-Члена на Циркуляр БСЭ 117: консультация",
                Some("117"),
            ),
            ("事由：成员国对电信标准化局第117号通函的回复", Some("117")),
            (
                "الموضوع: رد الدولة العضو على الرسالة المعممة ١١٧ لمكتب تقييس الاتصالات",
                Some("117"),
            ),
            ("Circulaire 42 de la TSB", Some("42")),
            ("TSB Circular No. 007", Some("7")),
            ("no circular here, 117 drafts", None),
            ("TSB Circular 0", None),
        ];
        for (text, want) in cases {
            assert_eq!(num(text).as_deref(), want, "{text}");
        }
    }

    #[test]
    fn finds_a_date_written_next_to_it() {
        let c = find_circular("in reply to TSB Circular 117 of 12 January  2026, we").unwrap();
        assert_eq!(c.number, "117");
        assert_eq!(c.date.as_deref(), Some("12 January 2026"));
        let c = find_circular("Circulaire TSB 42 du 9 novembre 2022").unwrap();
        assert_eq!(c.date.as_deref(), Some("9 novembre 2022"));
        let c = find_circular("2022年11月9日第42号通函").unwrap();
        assert_eq!(c.date.as_deref(), Some("2022年11月9日"));
        assert_eq!(find_circular("TSB Circular 42:").unwrap().date, None);
    }

    #[test]
    fn the_form_first_then_the_most_named_number() {
        let c = |n: &str, d: Option<&str>| Circular {
            number: n.into(),
            date: d.map(Into::into),
        };
        let found = [c("42", None), c("117", None), c("117", Some("1 May 2026"))];
        assert_eq!(
            of_run([None], found.iter().map(Some)),
            Some(c("117", Some("1 May 2026")))
        );
        assert_eq!(
            of_run([], [Some(&c("5", None)), None, Some(&c("6", None))]),
            Some(c("5", None))
        );
        assert_eq!(of_run([None], [None]), None);
        // A blank form that names a circular outranks the replies.
        let form = c("42", None);
        assert_eq!(
            of_run([None, Some(&form)], found.iter().map(Some)),
            Some(form.clone())
        );
    }

    #[test]
    fn reads_the_practice_forms() {
        let shared = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/replies/form");
        if !shared.is_dir() {
            eprintln!("skipped: {} is absent", shared.display());
            return;
        }
        for name in ["circ42-en.docx", "circ42-fr.docx", "circ42-zh.docx"] {
            let bytes = std::fs::read(shared.join(name)).unwrap();
            let doc = crate::docx::read_docx(&bytes).unwrap();
            assert_eq!(
                in_document(&doc).map(|c| c.number),
                Some("42".to_string()),
                "{name}"
            );
        }
    }
}
