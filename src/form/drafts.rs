//! Draft names: "Draft new Recommendation ITU-T X.1353 (X.ztd-iot)", "ITU-T Y.3172 修订建议书草案",
//! "Draft new Recommendation ITU-T Y.ML-IMT2020-VNS". Nothing about a study group or series is
//! built in: any ITU-T series letter, any number, any provisional name.

use super::lang::{
    part_abbrev, DRAFT_TITLE_HAN, DRAFT_TITLE_WORDS, PART_OF, PART_WORDS, PART_WORDS_BEFORE,
};
use regex::Regex;
use std::sync::OnceLock;

pub use crate::draft::{draft_key, same_draft, DraftName};

/// Whether `line` has an ASCII capital before a dot, at most one white space between: what
/// both [`number_re`] and [`provisional_re`] need to match.
fn has_series_dot(line: &str) -> bool {
    line.match_indices('.').any(|(i, _)| {
        let mut before = line[..i].chars().rev();
        match before.next() {
            Some(c) if c.is_ascii_uppercase() => true,
            Some(c) if c.is_whitespace() => before.next().is_some_and(|c| c.is_ascii_uppercase()),
            _ => false,
        }
    })
}

fn number_re() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    // Series letter, dot, number (with sub-parts); not part of a longer token such as "ISO/IEC".
    R.get_or_init(|| {
        Regex::new(r"(?:^|[^A-Za-z0-9./-])([A-Z])\s?\.\s?(\d{1,5}(?:\.\d{1,4})*)(?:[^0-9A-Za-z]|$)")
            .expect("static")
    })
}

fn part_suffix_re() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    R.get_or_init(|| {
        Regex::new(&format!(
            r"^\s*(?:建议书)?({PART_WORDS})\.?\s*(\d{{1,3}})(?:\D|$)"
        ))
        .expect("static")
    })
}

fn part_prefix_re() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    R.get_or_init(|| {
        Regex::new(&format!(
            r"(?i)\b({PART_WORDS_BEFORE})\.?\s*(\d{{1,3}})\s+(?:{PART_OF})\b[^.]{{0,40}}$"
        ))
        .expect("static")
    })
}

fn provisional_re() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    // A provisional name: series letter, dot, then letters/digits/dashes with at least one
    // letter after the dot (`X.ztd-iot`, `X.5Gsec-ecs`, `Y.ML-IMT2020-VNS`).
    R.get_or_init(|| {
        Regex::new(r"(?:^|[^A-Za-z0-9./-])([A-Z]\.[0-9]*[A-Za-z][A-Za-z0-9]*(?:[-.][A-Za-z0-9]+)*)")
            .expect("static")
    })
}

/// Recommendation references named in `line`, in order, without repeats.
/// `(X.ztd-iot)` right after a number is that number's provisional name.
pub fn find_drafts(line: &str) -> Vec<DraftName> {
    let mut out: Vec<DraftName> = Vec::new();
    // Every draft name has a series letter before a dot ("X.1382", "X. 1382", "X.sa-dsm"):
    // most lines have none, and need not go through the patterns.
    if !has_series_dot(line) {
        return out;
    }
    let mut pos = 0;
    // Numbers first, each with the provisional name that follows it in parentheses.
    let mut covered: Vec<(usize, usize)> = Vec::new();
    while let Some(c) = number_re().captures_at(line, pos) {
        let (Some(l), Some(n)) = (c.get(1), c.get(2)) else {
            break;
        };
        let mut draft = format!("{}.{}", l.as_str(), n.as_str());
        let mut end = n.end();
        // An amendment, corrigendum or supplement is a draft of its own: "G.9804.3 Amd. 1",
        // or "Amendment 1 to ITU-T G.9804.3" written before the number.
        if let Some(m) = part_suffix_re().captures(&line[end..]) {
            if let (Some(kind), Some(no), Some(all)) = (m.get(1), m.get(2), m.get(0)) {
                draft = format!("{draft} {}.{}", part_abbrev(kind.as_str()), no.as_str());
                end += all.end();
            }
        } else if let Some(m) = part_prefix_re().captures(&line[..l.start()]) {
            if let (Some(kind), Some(no)) = (m.get(1), m.get(2)) {
                draft = format!("{draft} {}.{}", part_abbrev(kind.as_str()), no.as_str());
            }
        }
        let rest = &line[end..];
        let mut provisional = None;
        let trimmed = rest.trim_start();
        if let Some(inner) = trimmed
            .strip_prefix('(')
            .or_else(|| trimmed.strip_prefix('（'))
        {
            if let Some(close) = inner.find([')', '）']) {
                let name = inner[..close].trim();
                if provisional_re().is_match(name) && !name.contains(' ') {
                    provisional = Some(name.to_string());
                    end += rest.len() - trimmed.len() + 1 + close + 1;
                }
            }
        }
        covered.push((l.start(), end.min(line.len())));
        push(&mut out, DraftName { draft, provisional });
        pos = n.end();
    }
    // Provisional names standing alone (no number yet).
    for c in provisional_re().captures_iter(line) {
        let Some(m) = c.get(1) else { continue };
        if covered
            .iter()
            .any(|&(s, e)| m.start() >= s && m.start() < e)
        {
            continue;
        }
        let name = m.as_str().trim_end_matches(['.', '-']);
        // A bare abbreviation such as "e.g" is not a draft.
        if name.len() < 4 {
            continue;
        }
        push(
            &mut out,
            DraftName {
                draft: name.to_string(),
                provisional: None,
            },
        );
    }
    out
}

/// True when `text` is a draft's name line — the reference comes first, after nothing but title
/// words — and not a sentence that cites a Recommendation ("… aligned with ITU-T Y.3060").
/// The draft a name line names: the line's first reference when nothing but title words
/// stands before it, and any other reference comes in the title after a colon or dash
/// ("ITU-T H.264.2: Reference software for ITU-T H.264").
pub fn name_of_line(text: &str) -> Option<DraftName> {
    if !is_name_line(text) {
        return None;
    }
    let refs = find_drafts(text);
    match refs.len() {
        0 => None,
        1 => refs.into_iter().next(),
        _ => {
            let sep = NAME_SEPARATORS.iter().filter_map(|p| text.find(p)).min()?;
            let head = find_drafts(&text[..sep]);
            (head.len() == 1).then(|| head.into_iter().next()).flatten()
        }
    }
}

/// What may stand between a draft's name and what is said of it ("Y.3060: …", "Y.3060 – …").
pub const NAME_SEPARATORS: [&str; 5] = [":", "：", " – ", " — ", " - "];

pub fn is_name_line(text: &str) -> bool {
    let Some(m) = number_re()
        .find(text)
        .or_else(|| provisional_re().find(text))
    else {
        return false;
    };
    let before = super::text::fold(&text[..m.start()]);
    let cjk = before
        .chars()
        .filter(|&c| super::text::is_han(c))
        .filter(|c| !DRAFT_TITLE_HAN.contains(*c))
        .count();
    let words = before
        .split(|c: char| {
            c.is_whitespace() || matches!(c, ',' | ':' | '(' | ')' | '"' | '«' | '»' | '–' | '—')
        })
        .filter(|w| w.chars().any(char::is_alphabetic))
        .filter(|w| !w.chars().all(super::text::is_han))
        .filter(|w| !DRAFT_TITLE_WORDS.contains(w))
        .count();
    words <= 1 && cjk == 0
}

fn push(out: &mut Vec<DraftName>, d: DraftName) {
    if !out.iter().any(|o| o.same_as(&d)) {
        out.push(d);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(s: &str) -> (String, Option<String>) {
        let d = find_drafts(s);
        assert_eq!(d.len(), 1, "{s}: {d:?}");
        (d[0].draft.clone(), d[0].provisional.clone())
    }

    #[test]
    fn names_in_all_forms() {
        assert_eq!(
            one("Draft new Recommendation ITU-T X.1353 (X.ztd-iot)"),
            ("X.1353".into(), Some("X.ztd-iot".into()))
        );
        assert_eq!(
            one("ITU-T X.1353 (X.ztd-iot)新建议书草案"),
            ("X.1353".into(), Some("X.ztd-iot".into()))
        );
        assert_eq!(
            one("Проект новой Рекомендации МСЭ-Т Y.3172"),
            ("Y.3172".into(), None)
        );
        assert_eq!(
            one("Draft revised Recommendation ITU-T G.9960.1 (G.hn-rev)"),
            ("G.9960.1".into(), Some("G.hn-rev".into()))
        );
        assert_eq!(
            one("Draft new Recommendation ITU-T Y.ML-IMT2020-VNS"),
            ("Y.ML-IMT2020-VNS".into(), None)
        );
        assert_eq!(
            one("X.1815 (X.5Gsec-ecs)"),
            ("X.1815".into(), Some("X.5Gsec-ecs".into()))
        );
    }

    #[test]
    fn amendments_are_drafts_of_their_own() {
        assert_eq!(
            one("Draft ITU-T G.9804.3 Amd. 1"),
            ("G.9804.3 Amd.1".into(), None)
        );
        assert_eq!(
            one("Draft Amendment 2 to Recommendation ITU-T G.9804.3"),
            ("G.9804.3 Amd.2".into(), None)
        );
        assert_eq!(one("ITU-T G.9804.3"), ("G.9804.3".into(), None));
    }

    #[test]
    fn a_corrigendum_is_named_so_in_every_language() {
        for line in [
            "Draft Corrigendum 1 to Recommendation ITU-T Y.3172",
            "Projet de Corrigendum 1 à la Recommandation UIT-T Y.3172",
            "Proyecto de Corrigéndum 1 a la Recomendación UIT-T Y.3172",
            "Проект Исправления 1 к Рекомендации МСЭ-Т Y.3172",
            "مشروع التصويب 1 للتوصية ITU-T Y.3172",
            "ITU-T Y.3172建议书勘误1草案",
        ] {
            assert_eq!(one(line), ("Y.3172 Cor.1".into(), None), "{line}");
        }
    }

    #[test]
    fn name_lines_with_titles_and_amendments() {
        let name = |s: &str| name_of_line(s).map(|d| d.draft);
        assert_eq!(
            name("ITU-T H.264.2: Reference software for ITU-T H.264 advanced video coding")
                .as_deref(),
            Some("H.264.2")
        );
        assert_eq!(
            name("Amendement 1 à UIT-T H.265.2 : Logiciel de référence").as_deref(),
            Some("H.265.2 Amd.1")
        );
        assert_eq!(
            name("Проект Поправки 1 к Рекомендации МСЭ-Т H.265.2").as_deref(),
            Some("H.265.2 Amd.1")
        );
        assert_eq!(
            name("ITU-T H.265.2修正案1：ITU-T H.265高效视频编码参考软件").as_deref(),
            Some("H.265.2 Amd.1")
        );
        assert_eq!(
            name("مشروع التعديل 1 للتوصية ITU-T H.265.2").as_deref(),
            Some("H.265.2 Amd.1")
        );
        assert_eq!(
            name("Proyecto de Enmienda 1 a la Recomendación UIT-T H.265.2").as_deref(),
            Some("H.265.2 Amd.1")
        );
        assert_eq!(
            name("Consultation on X.1353 (X.ztd-iot), X.1380 (X.edr-sec)"),
            None
        );
        assert_eq!(name("该草案与ITU-T F.780.2的范围重叠"), None);
    }

    #[test]
    fn lines_without_a_series_dot_are_skipped() {
        assert!(has_series_dot("ITU-T X.1382"));
        assert!(has_series_dot("X .1382"));
        assert!(has_series_dot("X\u{00A0}.1382"));
        assert!(has_series_dot("(X.sa-dsm)"));
        assert!(!has_series_dot("Lorem ipsum. Dolor sit amet, x.1382."));
        assert!(!has_series_dot("X  .1382"));
        for s in ["X  .1382", "x.1382", "Lorem ipsum. Dolor."] {
            assert!(number_re().find(s).is_none() && provisional_re().find(s).is_none());
        }
    }

    #[test]
    fn several_and_none() {
        let d = find_drafts("Consultation on X.1353 (X.ztd-iot), X.1380 (X.edr-sec) and X.1381");
        assert_eq!(d.len(), 3);
        assert!(find_drafts("Authorizes Study Group 17 to consider this draft").is_empty());
        assert!(find_drafts("ISO/IEC 27001 and e.g. clause 6.1").is_empty());
    }

    #[test]
    fn name_lines_and_sentences() {
        assert!(is_name_line(
            "Draft new Recommendation ITU-T X.1353 (X.ztd-iot)"
        ));
        assert!(is_name_line(
            "Projet de nouvelle Recommandation UIT-T Y.3061 (Y.AN-arch)"
        ));
        assert!(is_name_line("ITU-T X.1353 (X.ztd-iot)新建议书草案"));
        assert!(is_name_line("Проект новой Рекомендации МСЭ-Т Y.3172"));
        assert!(is_name_line("Y.3115: Security of network slicing"));
        assert!(!is_name_line(
            "The approach should be aligned with ITU-T Y.3060."
        ));
        assert!(!is_name_line(
            "Comments: clause 6.3 should reference ITU-T X.1815"
        ));
    }

    #[test]
    fn same_as_by_number_or_provisional() {
        let a = DraftName {
            draft: "X.1353".into(),
            provisional: Some("X.ztd-iot".into()),
        };
        let b = DraftName {
            draft: "X.ztd-iot".into(),
            provisional: None,
        };
        assert!(a.same_as(&b));
        assert!(!a.same_as(&DraftName {
            draft: "X.1335".into(),
            provisional: None
        }));
    }
}
