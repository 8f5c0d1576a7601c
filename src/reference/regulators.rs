//! The Member States' telecommunication regulators and ministries: a reply often names its
//! sender only by the body's name or acronym ("Ofcom", "TRAI", "BMDV", "ENACOM"), or by an
//! e-mail domain (`@arcep.fr`). The table is `data/regulators.tsv`, hand-kept and checked by
//! `scripts/check_regulators.py` (see `data/REFERENCE.md`), compiled in and parsed once.
//!
//! Names match folded (the program's one fold), as whole-word sequences, longest first; names
//! in Han or Hangul script match as substrings (no spaces in those scripts). Acronyms match as
//! whole words, exactly as the table writes them ("Ofcom" is the United Kingdom's; "OFCOM",
//! written so by both, is Switzerland's or the United Kingdom's). A name or acronym several
//! states share gives a hit with all of them: it never decides alone. An acronym that is an
//! ordinary word or shorter than three letters only confirms a state found another way.

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

use crate::fold::fold_char;

const DATA: &str = include_str!("../../data/regulators.tsv");

/// Acronyms that are words (en/fr/es/pt) or common abbreviations in a reply's text: they may
/// only confirm a state (the same list as `scripts/check_regulators.py`).
const COMMON_WORDS: &[&str] = &[
    "ARE", "ART", "OUR", "SIT", "INT", "ANC", "ECA", "TAS", "CAM", "ACM", "ATT", "ICT", "MIC",
];
const MIN_ALONE: usize = 3;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Regulator,
    Ministry,
}

/// How a body was found, strongest first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Strength {
    Name,
    /// The name without the state it ends with ("Министерство связи и информатизации" for
    /// "… Республики Беларусь"), as a body writes itself in its own letterhead: it tells a
    /// state as an acronym does, and is not searched for in a letter's body.
    BareName,
    Acronym,
    /// An acronym that is a word or too short: supports a state, never tells one.
    Confirm,
}

/// A body named in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    /// ISO3 codes, sorted; more than one = ambiguous, never decides alone.
    pub states: Vec<&'static str>,
    pub kind: Kind,
    pub strength: Strength,
    /// The text matched, as written in the table (for warnings and `explain`).
    pub matched: &'static str,
}

impl Hit {
    /// The one state this hit tells, if it tells one.
    pub fn state(&self) -> Option<&'static str> {
        match self.states.as_slice() {
            [one] if self.strength != Strength::Confirm => Some(one),
            _ => None,
        }
    }
}

struct Name {
    /// Folded words, or for Han/Hangul names the folded text without spaces.
    words: Vec<String>,
    dense: bool,
    /// The table's name with its state's name taken off the end.
    bare: bool,
    text: &'static str,
    states: Vec<&'static str>,
    kind: Kind,
}

struct Table {
    names: Vec<Name>,
    /// Acronym as written → (states with it written so, kind of the first).
    acronyms: HashMap<&'static str, (Vec<&'static str>, Kind)>,
    domains: HashMap<&'static str, &'static str>,
}

fn table() -> &'static Table {
    static T: OnceLock<Table> = OnceLock::new();
    T.get_or_init(|| build(DATA))
}

fn build(data: &'static str) -> Table {
    let mut names: HashMap<String, Name> = HashMap::new();
    let mut acronyms: HashMap<&'static str, (Vec<&'static str>, Kind)> = HashMap::new();
    let mut domains = HashMap::new();
    for line in data.lines().filter(|l| !l.starts_with('#')).skip(1) {
        let c: Vec<&'static str> = line.split('\t').collect();
        let [iso3, kind, acr, name, others, doms] = c.as_slice() else {
            continue;
        };
        let kind = if *kind == "ministry" {
            Kind::Ministry
        } else {
            Kind::Regulator
        };
        for a in acr.split('|').filter(|a| !a.is_empty()) {
            let e = acronyms.entry(a).or_insert_with(|| (Vec::new(), kind));
            push_state(&mut e.0, iso3);
        }
        for n in std::iter::once(*name).chain(others.split('|')) {
            let Some((words, dense)) = name_key(n) else {
                continue;
            };
            let bare = (!dense).then(|| without_state(&words, iso3)).flatten();
            let keys = std::iter::once((words, false)).chain(bare.map(|b| (b, true)));
            for (words, bare) in keys {
                let e = names.entry(words.join(" ")).or_insert_with(|| Name {
                    words,
                    dense,
                    bare,
                    text: n,
                    states: Vec::new(),
                    kind,
                });
                // A full name wins over the same words derived bare from another.
                e.bare &= bare;
                push_state(&mut e.states, iso3);
            }
        }
        for d in doms.split('|').filter(|d| !d.is_empty()) {
            domains.insert(d, *iso3);
        }
    }
    let mut names: Vec<Name> = names.into_values().collect();
    // Longest first, so that a longer name hides the shorter one inside it.
    names.sort_by(|a, b| b.words.len().cmp(&a.words.len()).then(a.text.cmp(b.text)));
    Table {
        names,
        acronyms,
        domains,
    }
}

/// Words that join a body's name to its state's ("of the", "de la", "Республики"); a state's
/// own names are compared on their first five letters, so that inflected forms match.
const JOINERS: &[&str] = &[
    "of",
    "the",
    "de",
    "du",
    "des",
    "la",
    "le",
    "les",
    "del",
    "d",
    "l",
    "republic",
    "republique",
    "republica",
    "республики",
    "республика",
    "al",
    "جمهورية",
];
const STEM: usize = 5;
/// A bare name keeps at least this many words that are not [`JOINERS`] or [`LITTLE`]:
/// "Ministry of Communications" alone is many states' ministry.
const MIN_BARE_WORDS: usize = 3;
const LITTLE: &[&str] = &["and", "et", "y", "e", "и", "و", "for", "pour", "para"];

/// `words` without the state's name it ends with, if it ends with one.
fn without_state(words: &[String], iso3: &str) -> Option<Vec<String>> {
    let info = super::member_states::all()
        .iter()
        .find(|m| m.iso3 == iso3)?;
    let stems: HashSet<String> = info
        .names
        .iter()
        .flat_map(|n| words_of(n.name))
        .filter(|w| w.chars().count() >= STEM)
        .map(|w| w.chars().take(STEM).collect())
        .collect();
    let is_state = |w: &String| stems.contains(&w.chars().take(STEM).collect::<String>());
    let country = words.iter().rev().take_while(|w| is_state(w)).count();
    if country == 0 {
        return None;
    }
    let mut end = words.len() - country;
    while end > 0 && JOINERS.contains(&words[end - 1].as_str()) {
        end -= 1;
    }
    let bare = &words[..end];
    let content = bare
        .iter()
        .filter(|w| !JOINERS.contains(&w.as_str()) && !LITTLE.contains(&w.as_str()))
        .count();
    (content >= MIN_BARE_WORDS).then(|| bare.to_vec())
}

fn push_state(v: &mut Vec<&'static str>, iso3: &'static str) {
    if !v.contains(&iso3) {
        v.push(iso3);
        v.sort_unstable();
    }
}

/// Folded words, one per space-separated word; punctuation is a separator.
fn words_of(text: &str) -> Vec<String> {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        fold_char(c, &mut |f| {
            out.push(if f.is_alphanumeric() { f } else { ' ' });
        });
    }
    out.split_whitespace().map(str::to_string).collect()
}

fn is_dense(c: char) -> bool {
    matches!(c as u32, 0x3040..=0x30FF | 0x3400..=0x9FFF | 0xAC00..=0xD7AF | 0xF900..=0xFAFF)
}

/// A name's match key: its words; a Han/Hangul name as one string without spaces. Names of a
/// single short word are left out (an acronym's job).
fn name_key(name: &str) -> Option<(Vec<String>, bool)> {
    let words = words_of(name);
    if name.chars().any(is_dense) {
        let joined: String = words.concat();
        return (joined.chars().count() >= 3).then_some((vec![joined], true));
    }
    match words.as_slice() {
        [] => None,
        [one] if one.chars().count() < 6 => None,
        _ => Some((words, false)),
    }
}

/// Bodies named in `text` (a letterhead, a From block, a signature), names first, each body
/// once.
pub fn find_in_text(text: &str) -> Vec<Hit> {
    let t = table();
    let mut hits: Vec<Hit> = Vec::new();
    let words = words_of(text);
    // Han and Hangul names are looked for in the text without spaces, only when it has any.
    let dense: Option<String> = text.chars().any(is_dense).then(|| words.concat());
    // Where each word stands: a name is tried only where its first word is (a whole letter
    // has thousands of words and the table hundreds of names).
    let mut at_word: HashMap<&str, Vec<usize>> = HashMap::new();
    for (i, w) in words.iter().enumerate() {
        at_word.entry(w.as_str()).or_default().push(i);
    }
    let mut taken = vec![false; words.len()];
    for n in &t.names {
        if n.dense {
            if dense
                .as_deref()
                .is_some_and(|d| d.contains(n.words[0].as_str()))
            {
                hits.push(hit(n.states.clone(), n.kind, Strength::Name, n.text));
            }
            continue;
        }
        let len = n.words.len();
        let starts = at_word
            .get(n.words[0].as_str())
            .map_or(&[][..], Vec::as_slice);
        let Some(at) = starts.iter().copied().find(|&i| {
            i + len <= words.len()
                && !taken[i..i + len].iter().any(|x| *x)
                && words[i..i + len] == n.words[..]
        }) else {
            continue;
        };
        taken[at..at + len].iter_mut().for_each(|x| *x = true);
        let strength = if n.bare {
            Strength::BareName
        } else {
            Strength::Name
        };
        hits.push(hit(n.states.clone(), n.kind, strength, n.text));
    }
    let mut seen = HashSet::new();
    for w in text.split(|c: char| !c.is_alphanumeric()) {
        let Some((&acr, (states, kind))) = t.acronyms.get_key_value(w) else {
            continue;
        };
        if !seen.insert(acr) {
            continue;
        }
        let loose = acr.chars().count() < MIN_ALONE
            || COMMON_WORDS.iter().any(|c| c.eq_ignore_ascii_case(acr))
            || is_other_iso3(acr, states);
        let strength = if loose {
            Strength::Confirm
        } else {
            Strength::Acronym
        };
        hits.push(hit(states.clone(), *kind, strength, acr));
    }
    hits
}

/// An acronym spelled like another Member State's ISO3 code ("LCA": Lesotho's regulator,
/// Saint Lucia's code) names that state as often as the body.
fn is_other_iso3(acr: &str, states: &[&str]) -> bool {
    acr.len() == 3
        && !states.iter().any(|s| s.eq_ignore_ascii_case(acr))
        && super::member_states::by_iso3(&acr.to_ascii_uppercase()).is_some()
}

fn hit(states: Vec<&'static str>, kind: Kind, strength: Strength, matched: &'static str) -> Hit {
    Hit {
        states,
        kind,
        strength,
        matched,
    }
}

/// The seats of the bodies whose acronym or name several states share: a city in the address
/// tells which of them wrote ("ARCEP, …, 75012 Paris"). Only to narrow such a hit, never to
/// tell a state alone. Names folded (lower case, no accents), several spellings each.
const SEATS: &[(&str, &[&str])] = &[
    ("AFG", &["kabul"]),
    ("ARE", &["abu dhabi", "dubai", "ابوظبي", "دبي"]),
    ("BEN", &["cotonou", "porto novo"]),
    ("BFA", &["ouagadougou"]),
    ("BGR", &["sofia", "софия"]),
    ("BHR", &["manama", "المنامة"]),
    ("BLZ", &["belmopan", "belize city"]),
    ("BRA", &["brasilia"]),
    ("CHE", &["bern", "berne", "biel", "bienne"]),
    ("CMR", &["yaounde"]),
    ("COL", &["bogota"]),
    ("CRI", &["san jose"]),
    ("CUB", &["la habana", "havana"]),
    ("DMA", &["roseau"]),
    ("DZA", &["alger", "algiers", "الجزائر العاصمة"]),
    (
        "EGY",
        &["cairo", "le caire", "el cairo", "giza", "القاهرة", "الجيزة"],
    ),
    ("FRA", &["paris"]),
    ("GAB", &["libreville"]),
    ("GBR", &["london"]),
    ("GEO", &["tbilisi"]),
    ("GHA", &["accra"]),
    ("GRD", &["st george s", "saint george s"]),
    ("GTM", &["guatemala city", "ciudad de guatemala"]),
    ("HND", &["tegucigalpa"]),
    ("HTI", &["port au prince"]),
    ("IRN", &["tehran", "teheran"]),
    ("IRQ", &["baghdad", "بغداد"]),
    ("ISR", &["jerusalem"]),
    ("JOR", &["amman", "عمان"]),
    ("JPN", &["tokyo"]),
    ("KHM", &["phnom penh"]),
    ("KNA", &["basseterre"]),
    ("KWT", &["kuwait city", "مدينة الكويت"]),
    ("LAO", &["vientiane"]),
    ("LBN", &["beirut", "beyrouth", "بيروت"]),
    ("LCA", &["castries"]),
    ("LVA", &["riga"]),
    ("MNG", &["ulaanbaatar", "ulan bator"]),
    ("MUS", &["port louis", "ebene"]),
    ("MYS", &["putrajaya", "kuala lumpur", "cyberjaya"]),
    ("NER", &["niamey"]),
    ("NZL", &["wellington"]),
    ("OMN", &["muscat", "مسقط"]),
    ("PER", &["lima"]),
    ("PHL", &["manila", "quezon city"]),
    ("PRK", &["pyongyang"]),
    ("PRT", &["lisboa", "lisbon"]),
    ("PRY", &["asuncion"]),
    ("QAT", &["doha", "الدوحة"]),
    ("SAU", &["riyadh", "الرياض"]),
    ("SLE", &["freetown"]),
    ("SOM", &["mogadishu"]),
    ("SSD", &["juba"]),
    ("TCD", &["n djamena", "ndjamena"]),
    ("TGO", &["lome"]),
    ("TLS", &["dili"]),
    ("TUR", &["ankara"]),
    ("USA", &["washington"]),
    ("VCT", &["kingstown"]),
    ("VEN", &["caracas"]),
    ("VNM", &["hanoi", "ha noi"]),
    ("YEM", &["sanaa", "صنعاء"]),
];

/// The states whose seat (capital, or the city its bodies sit in) `text` names.
pub fn seats_named(text: &str) -> Vec<&'static str> {
    let words = format!(" {} ", words_of(text).join(" "));
    padded_seats()
        .iter()
        .filter(|(_, seats)| seats.iter().any(|c| words.contains(c.as_str())))
        .map(|(iso3, _)| *iso3)
        .collect()
}

/// [`SEATS`] with each seat between spaces (" paris "), as the words of a text are searched
/// for it: made once, not for every seat of every search.
fn padded_seats() -> &'static [(&'static str, Vec<String>)] {
    static P: OnceLock<Vec<(&'static str, Vec<String>)>> = OnceLock::new();
    P.get_or_init(|| {
        SEATS
            .iter()
            .map(|(iso3, seats)| (*iso3, seats.iter().map(|c| format!(" {c} ")).collect()))
            .collect()
    })
}

/// The one state of an ambiguous hit whose seat `text` names, if exactly one is.
pub fn narrow_by_seat(hit: &Hit, text: &str) -> Option<&'static str> {
    if hit.strength == Strength::Confirm || hit.states.len() < 2 {
        return None;
    }
    let words = format!(" {} ", words_of(text).join(" "));
    let mut found = hit.states.iter().filter(|s| {
        padded_seats()
            .iter()
            .find(|(iso3, _)| iso3 == *s)
            .is_some_and(|(_, seats)| seats.iter().any(|c| words.contains(c.as_str())))
    });
    match (found.next(), found.next()) {
        (Some(one), None) => Some(one),
        _ => None,
    }
}

/// The state whose body owns an e-mail address's or URL's domain: the host or any parent
/// domain equal to a listed one (`x@mail.arcep.fr` → FRA).
pub fn by_domain(address: &str) -> Option<&'static str> {
    let host = address.rsplit('@').next()?.trim();
    let host = host
        .trim_start_matches("https://")
        .trim_start_matches("http://");
    let host: String = host
        .chars()
        .take_while(|c| c.is_alphanumeric() || *c == '.' || *c == '-')
        .collect::<String>()
        .to_ascii_lowercase();
    let t = table();
    let mut rest = host.as_str();
    loop {
        if let Some(s) = t.domains.get(rest) {
            return Some(s);
        }
        rest = rest.split_once('.')?.1;
        if !rest.contains('.') {
            return None;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn states(text: &str) -> Vec<Vec<&'static str>> {
        find_in_text(text).into_iter().map(|h| h.states).collect()
    }

    fn told(text: &str) -> Vec<&'static str> {
        find_in_text(text).iter().filter_map(Hit::state).collect()
    }

    #[test]
    fn acronyms_tell_their_state() {
        assert_eq!(told("Ofcom, Riverside House"), ["GBR"]);
        assert_eq!(told("ENACOM, Perú 103, Buenos Aires"), ["ARG"]);
        assert_eq!(told("TRAI, New Delhi"), ["IND"]);
        assert_eq!(told("ANATEL"), ["BRA"]);
        assert_eq!(told("ICASA, Sandton"), ["ZAF"]);
        assert_eq!(told("Direction, IBPT"), ["BEL"]);
        assert_eq!(told("BMDV, Invalidenstraße 44"), ["DEU"]);
    }

    #[test]
    fn acronyms_match_whole_words_as_written() {
        assert!(told("the entrai and trai").is_empty());
        assert!(told("ENACOMS").is_empty());
        assert!(
            told("Anrt").is_empty(),
            "all-caps acronyms are case-sensitive"
        );
        assert_eq!(told("ANRT"), ["MAR"]);
    }

    #[test]
    fn shared_acronyms_and_words_do_not_decide() {
        assert_eq!(
            states("ARCEP"),
            [["BEN", "BFA", "FRA", "GAB", "NER", "TCD", "TGO"]]
        );
        assert_eq!(states("OFCOM"), [["CHE", "GBR"]]);
        assert_eq!(told("MTC Lima"), Vec::<&str>::new());
        assert!(told("LCA").is_empty(), "Saint Lucia's ISO3 code");
        let art = find_in_text("ART");
        assert!(art
            .iter()
            .all(|h| h.strength == Strength::Confirm && h.state().is_none()));
    }

    /// A ministry writes itself without its state's name; "Ministry of Communications" alone
    /// is too short to be any one state's.
    #[test]
    fn a_name_without_its_state_tells_it_as_an_acronym_does() {
        let h = find_in_text("Министерство связи и информатизации\nпр. Независимости, 10");
        assert_eq!(h[0].states, ["BLR"], "{h:?}");
        assert_eq!(h[0].strength, Strength::BareName);
        let full = find_in_text("Министерство связи и информатизации Республики Беларусь");
        assert_eq!(full[0].strength, Strength::Name, "{full:?}");
        let bare = |name: &str, iso3| without_state(&words_of(name), iso3).map(|w| w.join(" "));
        assert_eq!(bare("Ministry of Communications of Ghana", "GHA"), None);
        assert_eq!(bare("Ministère de l'Économie du Luxembourg", "LUX"), None);
        assert_eq!(
            bare(
                "Ministry of Digital Economy of the Republic of Uzbekistan",
                "UZB"
            )
            .as_deref(),
            Some("ministry of digital economy")
        );
    }

    #[test]
    fn names_match_folded_longest_first() {
        assert_eq!(told("Telecom Regulatory Authority of India"), ["IND"]);
        assert_eq!(
            told("AGENCE NATIONALE DE REGLEMENTATION DES TELECOMMUNICATIONS"),
            ["MAR"]
        );
        assert_eq!(told("Subsecretaría de Telecomunicaciones"), ["CHL"]);
        assert_eq!(
            told("Министерство связи и информатизации Республики Беларусь"),
            ["BLR"]
        );
        assert!(told("Ministry of Communications").is_empty(), "five states");
    }

    #[test]
    fn a_seat_narrows_a_shared_acronym() {
        let arcep = find_in_text("ARCEP").remove(0);
        assert_eq!(
            narrow_by_seat(&arcep, "14, rue Gerty Archimède, 75012 Paris"),
            Some("FRA")
        );
        assert_eq!(narrow_by_seat(&arcep, "Ouagadougou 01"), Some("BFA"));
        assert_eq!(narrow_by_seat(&arcep, "Parisian street"), None);
        let ofcom = find_in_text("OFCOM").remove(0);
        assert_eq!(
            narrow_by_seat(&ofcom, "Zukunftstrasse 44, 2501 Biel"),
            Some("CHE")
        );
    }

    #[test]
    fn domains() {
        assert_eq!(by_domain("x@mail.arcep.fr"), Some("FRA"));
        assert_eq!(by_domain("a.b@enacom.gob.ar"), Some("ARG"));
        assert_eq!(by_domain("a@gob.ar"), None);
        assert_eq!(by_domain("a@example.com"), None);
    }
}
