//! Permanent Missions: a mission in Geneva writes from a Swiss address, and the Member State
//! that replied is the one it represents ("Permanent Mission of …", "Mission permanente de …",
//! "Misión Permanente de …", "Постоянное представительство …", "البعثة الدائمة ل…",
//! "…常驻日内瓦代表团"), never Switzerland.

use crate::fold::fold;
use crate::record::MemberState;
use crate::reference::member_states as member_state;
use regex::Regex;
use std::sync::OnceLock;

/// What the text says about a mission.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Mission {
    /// The phrase and the state it names.
    Of(MemberState, String),
    /// A mission, delegation or embassy is named but no Member State with it.
    Unnamed(String),
}

/// How far after the phrase the state's name may go (a long official name fits).
const WINDOW: usize = 160;

/// Phrases after which the represented state is named, folded (lower case, no accents; in
/// Arabic "ة" is "ه", "ى" is "ي" and "ئ" is "ي").
fn after_re() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    R.get_or_init(|| {
        Regex::new(concat!(
            r"\b(?:(?:permanent\s+)?(?:mission|delegation|representation)|embassy)\s+of\b",
            r"|\b(?:mission|delegation|representation)\s+permanente\b",
            r"|\b(?:mision|delegacion|representacion)\s+permanente\b",
            r"|\b(?:ambassade|embajada)\s+(?:de|del|d)\b",
            r"|постоянн\w*\s+(?:представительств|миссия|миссии|делегаци)\w*",
            r"|(?:ال)?(?:بعث[ةه]|وفد)\s+(?:ال)?دا[ئي]م[ةه]?",
        ))
        .expect("static")
    })
}

/// Where the name of the represented state ends: "to the United Nations", "auprès de",
/// "ante la", "при", "لدى", "in Geneva".
fn stop_re() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    R.get_or_init(|| {
        Regex::new(
            r"\bto\s+the\b|\bto\s+(?:un|wto|international)\b|\b(?:in|at)\s+geneva\b|\baupres\b|\ba\s+geneve\b|\bante\b|\ben\s+ginebra\b|\bпри\b|\bв\s+женеве\b|لد[ىي]|في\s+جنيف|\n",
        )
        .expect("static")
    })
}

/// Chinese puts the state first: "马来西亚常驻日内瓦代表团".
fn zh_re() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    R.get_or_init(|| Regex::new(r"常驻[^\n]{0,30}?(?:代表团|代表處|代表处|使团)").expect("static"))
}

/// The mission the text names, if any. The text may hold several lines (`\n`); a phrase's
/// state is looked for on its own line.
pub fn find(text: &str) -> Option<Mission> {
    if !may_name_one(text) {
        return None;
    }
    let folded = fold_lines(text);
    let mut unnamed = None;
    for m in after_re().find_iter(&folded) {
        let rest = &folded[m.end()..];
        let cut = stop_re()
            .find(rest)
            .map_or(rest.len(), |s| s.start())
            .min(floor(rest, WINDOW));
        let window = &rest[..cut];
        let phrase = format!("{}{window}", m.as_str()).trim().to_string();
        match first_state(window).or_else(|| inflected_state(window)) {
            Some(s) => return Some(Mission::Of(s, phrase)),
            None => unnamed = unnamed.or(Some(phrase)),
        }
    }
    for m in zh_re().find_iter(text) {
        let before = &text[..m.start()];
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        let window = &before[line_start..];
        let phrase = format!("{window}{}", m.as_str());
        match member_state::find_in_text(window)
            .into_iter()
            .max_by_key(|(_, at)| *at)
        {
            Some((s, _)) => return Some(Mission::Of(s, phrase)),
            None => unnamed = unnamed.or(Some(phrase)),
        }
    }
    unnamed.map(Mission::Unnamed)
}

/// False when no phrase of [`after_re`] or [`zh_re`] can match: most texts (a cover letter)
/// name no mission, and are not folded whole to be told so. Every phrase of `after_re` holds,
/// within one line of the folded text, one of these words or a character beyond ASCII. An
/// ASCII line folds byte for byte (lower case, blanks collapsed), so the text in ASCII lower
/// case is searched once for the words; only its other lines are folded, one by one.
fn may_name_one(text: &str) -> bool {
    static WORDS: OnceLock<Regex> = OnceLock::new();
    let words = WORDS.get_or_init(|| {
        Regex::new("mission|mision|delega|representa|embassy|ambassade|embajada").expect("static")
    });
    if text.contains("常驻") || words.is_match(&text.to_ascii_lowercase()) {
        return true;
    }
    text.lines().filter(|line| !line.is_ascii()).any(|line| {
        let folded = fold(line);
        !folded.is_ascii() || words.is_match(&folded)
    })
}

/// Each line folded on its own, the lines kept apart.
fn fold_lines(text: &str) -> String {
    text.lines().map(fold).collect::<Vec<_>>().join("\n")
}

/// The largest char boundary of `s` at or below `n`.
fn floor(s: &str, n: usize) -> usize {
    let mut n = n.min(s.len());
    while !s.is_char_boundary(n) {
        n -= 1;
    }
    n
}

/// The state named first in the window: the one the phrase is about.
fn first_state(window: &str) -> Option<MemberState> {
    member_state::find_in_text(window)
        .into_iter()
        .min_by_key(|(_, at)| *at)
        .map(|(s, _)| s)
}

/// Russian declines a state's name after "представительство" ("Азербайджанской Республики",
/// "Беларуси"): a word that opens with the stem of a word of a
/// state's Russian names (its last vowels or soft sign dropped) names it, when that stem is
/// no other state's ("республик" is everyone's); the longest stem wins.
fn inflected_state(window: &str) -> Option<MemberState> {
    if !window.chars().any(|c| matches!(c, 'а'..='я')) {
        return None;
    }
    let words: Vec<&str> = window.split(|c: char| !c.is_alphabetic()).collect();
    ru_stems()
        .iter()
        .filter(|(stem, _)| words.iter().any(|w| w.starts_with(stem.as_str())))
        .max_by_key(|(stem, _)| stem.chars().count())
        .and_then(|(_, iso3)| member_state::by_iso3(iso3))
}

/// Stems of the words of the states' Russian names that only one state's names have.
fn ru_stems() -> &'static [(String, &'static str)] {
    static S: OnceLock<Vec<(String, &'static str)>> = OnceLock::new();
    S.get_or_init(|| {
        let mut by_stem: std::collections::BTreeMap<String, Vec<&'static str>> = Default::default();
        for info in member_state::all() {
            for n in info.names.iter().filter(|n| n.lang == "ru") {
                for w in fold(n.name).split(|c: char| !c.is_alphabetic()) {
                    let stem = w.trim_end_matches(['а', 'я', 'ь', 'и', 'й', 'о', 'е', 'ы']);
                    if stem.chars().count() >= 5 {
                        let states = by_stem.entry(stem.to_string()).or_default();
                        if !states.contains(&info.iso3) {
                            states.push(info.iso3);
                        }
                    }
                }
            }
        }
        by_stem
            .into_iter()
            .filter_map(|(stem, states)| match states.as_slice() {
                [one] => Some((stem, *one)),
                _ => None,
            })
            .collect()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn of(text: &str) -> Option<String> {
        match find(text)? {
            Mission::Of(s, _) => Some(s.iso3),
            Mission::Unnamed(p) => Some(format!("unnamed: {p}")),
        }
    }

    #[test]
    fn english() {
        let t = "Permanent Mission of the Republic of Korea to the United Nations Office and other international organizations in Geneva\nRoute de Pré-Bois 20, 1215 Geneva 15, Switzerland";
        assert_eq!(of(t).as_deref(), Some("KOR"));
        let t = "Mission of Kenya to the United Nations Office at Geneva";
        assert_eq!(of(t).as_deref(), Some("KEN"));
        let t = "Permanent Representation of Germany";
        assert_eq!(of(t).as_deref(), Some("DEU"));
        let t = "Permanent Mission of Switzerland to the United Nations Office at Geneva";
        assert_eq!(
            of(t).as_deref(),
            Some("CHE"),
            "Switzerland has its own mission"
        );
        assert_eq!(of("Our mission is to connect the world"), None);
    }

    #[test]
    fn french() {
        let t = "Mission permanente de la République de Côte d'Ivoire auprès de l'Office des Nations Unies à Genève";
        assert_eq!(of(t).as_deref(), Some("CIV"));
        let t = "Délégation permanente du Sénégal auprès de l'ONU";
        assert_eq!(of(t).as_deref(), Some("SEN"));
        let t = "Représentation permanente de la France auprès de la Conférence du désarmement";
        assert_eq!(of(t).as_deref(), Some("FRA"));
    }

    #[test]
    fn spanish() {
        let t = "Misión Permanente de Colombia ante la Oficina de las Naciones Unidas y otros Organismos Internacionales en Ginebra\nChemin du Champ-d'Anier 17-19, 1209 Ginebra, Suiza";
        assert_eq!(of(t).as_deref(), Some("COL"));
        assert_eq!(
            of("Delegación Permanente de México").as_deref(),
            Some("MEX")
        );
    }

    #[test]
    fn russian() {
        let t = "Постоянное представительство Республики Узбекистан при Отделении ООН и других международных организациях в Женеве\nRue Maunoir 12, 1207 Genève, Швейцария";
        assert_eq!(of(t).as_deref(), Some("UZB"));
        let t = "Постоянная миссия Российской Федерации при Отделении ООН";
        assert_eq!(of(t).as_deref(), Some("RUS"));
    }

    #[test]
    fn arabic() {
        let t = "البعثة الدائمة للمملكة الأردنية الهاشمية لدى مكتب الأمم المتحدة في جنيف\nChemin Louis-Dunant 15, 1202 Genève, Suisse";
        assert_eq!(of(t).as_deref(), Some("JOR"));
        let t = "البعثة الدائمة لجمهورية مصر العربية لدى الأمم المتحدة";
        assert_eq!(of(t).as_deref(), Some("EGY"));
    }

    #[test]
    fn chinese() {
        assert_eq!(of("马来西亚常驻日内瓦代表团").as_deref(), Some("MYS"));
        let t = "中华人民共和国常驻联合国日内瓦办事处和瑞士其他国际组织代表团";
        assert_eq!(of(t).as_deref(), Some("CHN"));
    }

    /// Phrasings beyond the habits set, one per language.
    #[test]
    fn variants() {
        let cases = [
            ("Permanent Mission of the United Kingdom of Great Britain and Northern Ireland to the United Nations", "GBR"),
            ("Embassy of Brazil, Bern", "BRA"),
            ("Mission permanente du Canada auprès de l'Office des Nations Unies", "CAN"),
            ("MISSION PERMANENTE DU ROYAUME DU MAROC", "MAR"),
            ("Misión Permanente del Perú ante la OMC", "PER"),
            ("Representación Permanente de la República Argentina", "ARG"),
            ("Постоянное представительство Российской Федерации при Отделении ООН", "RUS"),
            ("Постоянное Представительство Республики Беларусь", "BLR"),
            ("Постоянное представительство Азербайджанской Республики при Отделении ООН", "AZE"),
            ("البعثة الدائمة لدولة الإمارات العربية المتحدة", "ARE"),
            ("الوفد الدائم لدولة قطر", "QAT"),
            ("日本常驻联合国日内瓦办事处代表团", "JPN"),
            ("大韩民国常驻日内瓦代表团", "KOR"),
        ];
        for (t, want) in cases {
            assert_eq!(of(t).as_deref(), Some(want), "{t}");
        }
    }

    #[test]
    fn a_mission_without_a_state_is_said() {
        let got = of("Permanent Mission of the Kingdom\nRue de Lausanne 30, Geneva");
        assert!(got.is_some_and(|g| g.starts_with("unnamed")));
    }
}
