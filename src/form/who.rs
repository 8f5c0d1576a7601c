//! Who replied: the Member State, told from every source the reply offers — a Permanent
//! Mission's phrase, the letterhead in the page header, the From block's address, a regulator
//! or ministry named by name or acronym, e-mail domains, the file name, a mention in the text.
//! The strongest source wins; a stronger source that disagrees with another is a warning a
//! person decides.

use super::header::Header;
use super::mission::{self, Mission};
use crate::record::MemberState;
use crate::reference::member_states as member_state;
use crate::reference::regulators::{self, Hit, Strength};
use crate::warning::{Warning, WarningKind};

/// Where a Member State was read, strongest first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Source {
    /// "Permanent Mission of X": X, whatever the (Swiss) address says.
    Mission,
    /// The letterhead in the page header names the state.
    Letterhead,
    /// The From block's address ends with the state.
    FromBlock,
    /// A regulator or ministry of one state, named in the letterhead or the From block.
    Body,
    /// An e-mail domain of a regulator or ministry.
    BodyDomain,
    /// An e-mail address's country domain.
    Email,
    /// Sources below never disagree with a stronger one: they are guesses.
    FileName,
    Mention,
}

impl Source {
    fn describe(self) -> &'static str {
        match self {
            Source::Mission => "the mission's name",
            Source::Letterhead => "the letterhead (page header)",
            Source::FromBlock => "the From block",
            Source::Body => "the regulator or ministry named",
            Source::BodyDomain => "the regulator's or ministry's e-mail domain",
            Source::Email => "an e-mail address",
            Source::FileName => "the file name",
            Source::Mention => "a mention in the text",
        }
    }
}

struct Evidence {
    state: MemberState,
    source: Source,
    what: String,
}

/// The Member State, and how sure the reading is.
pub struct Identified {
    pub state: Option<MemberState>,
    pub warnings: Vec<Warning>,
}

/// What the reply offers to tell who sent it.
pub struct Clues<'a> {
    pub header: &'a Header,
    /// The page headers' paragraphs (letterheads).
    pub letterhead: &'a [String],
    /// The `From:` of the e-mail the file came in.
    pub email_from: Option<&'a str>,
    pub file_name: &'a str,
    /// The header without TSB's own To block, and the signature.
    pub body_text: &'a str,
}

/// Tells the Member State from every clue; the strongest wins, disagreements are said.
pub fn identify(c: &Clues) -> Identified {
    let mut warnings = Vec::new();
    let from = &c.header.from_lines;
    // Only Member States reply to this consultation. A company (a Sector Member) writing from
    // a country is not that country's administration: keep the reply, count nothing.
    if let Some(org) = super::header::non_state_sender(from) {
        let w = format!(
            "the reply comes from '{org}', which does not look like a Member State's administration (a Sector Member or company?); it is left out of the tally"
        );
        return unidentified(warnings, Warning::new(WarningKind::NotAnAdministration, w));
    }
    let letterhead = c.letterhead.join("\n");
    let from_text = from.join("\n");
    let mission = [letterhead.as_str(), from_text.as_str(), c.body_text]
        .into_iter()
        .find_map(|t| mission::find(t).filter(|m| matches!(m, Mission::Of(..))))
        .or_else(|| mission::find(&format!("{letterhead}\n{from_text}")));
    let hits = regulators::find_in_text(&format!("{letterhead}\n{from_text}"));
    let mut ev = evidence(c, &mission, &hits);
    ev.sort_by_key(|e| e.source);
    let Some(best) = ev.first() else {
        return none_told(c, &mission, &hits, warnings);
    };
    let state = best.state.clone();
    if best.state.iso3 == "CHE" && best.source > Source::Mission {
        if let Some(Mission::Unnamed(phrase)) = &mission {
            let w = format!(
                "'{phrase}' writes from Switzerland, but which Member State it represents could not be told; say who sent it"
            );
            return unidentified(warnings, Warning::new(WarningKind::NoMemberState, w));
        }
    }
    disagreements(&ev, &mut warnings);
    weak_source(best, c.file_name, &mut warnings);
    Identified {
        state: Some(state),
        warnings,
    }
}

/// No Member State, and the warning that says why.
fn unidentified(mut warnings: Vec<Warning>, why: Warning) -> Identified {
    warnings.push(why);
    Identified {
        state: None,
        warnings,
    }
}

/// Every state a clue names, with its source.
fn evidence(c: &Clues, mission: &Option<Mission>, hits: &[Hit]) -> Vec<Evidence> {
    let mut ev = Vec::new();
    let mut push = |state: Option<MemberState>, source, what: String| {
        if let Some(state) = state {
            ev.push(Evidence {
                state,
                source,
                what,
            });
        }
    };
    if let Some(Mission::Of(s, phrase)) = mission {
        push(Some(s.clone()), Source::Mission, format!("'{phrase}'"));
    }
    let letterhead = c.letterhead.join(" ");
    let named: Vec<MemberState> = distinct(member_state::find_in_text(&letterhead));
    if let [one] = named.as_slice() {
        push(
            Some(one.clone()),
            Source::Letterhead,
            format!("'{letterhead}'"),
        );
    }
    push(
        address_state(&c.header.from_lines),
        Source::FromBlock,
        "the address".into(),
    );
    let address = format!("{letterhead}\n{}", c.header.from_lines.join("\n"));
    for h in hits {
        let seat = regulators::narrow_by_seat(h, &address);
        let state = h.state().or(seat).and_then(member_state::by_iso3);
        push(state, Source::Body, format!("'{}'", h.matched));
    }
    let mails = [c.header.sender.email.as_deref(), c.email_from];
    for m in mails.into_iter().flatten() {
        let body = regulators::by_domain(m).and_then(member_state::by_iso3);
        push(body, Source::BodyDomain, format!("'{m}'"));
        push(member_state::from_email(m), Source::Email, format!("'{m}'"));
    }
    push(
        member_state::from_file_name(c.file_name),
        Source::FileName,
        format!("'{}'", c.file_name),
    );
    // A mention is the weakest clue: it never disagrees with another, so the whole letter is
    // searched only when nothing else told (it is most of the reading time otherwise).
    if ev.is_empty() {
        mention_evidence(c, hits, &mut ev);
    }
    city_not_state(&c.header.from_lines, &mut ev);
    // A mission is in Switzerland: its Swiss address and domain are not another opinion.
    if ev.iter().any(|e| e.source == Source::Mission) {
        ev.retain(|e| e.source == Source::Mission || e.state.iso3 != "CHE");
    }
    ev
}

/// The states the text names, and regulators named in full in it (a signature).
fn mention_evidence(c: &Clues, hits: &[Hit], ev: &mut Vec<Evidence>) {
    let mut push = |state: Option<MemberState>, source, what: String| {
        if let Some(state) = state {
            ev.push(Evidence {
                state,
                source,
                what,
            });
        }
    };
    let mut mentioned = distinct(member_state::find_in_text(c.body_text));
    // Ambiguous regulator acronyms narrowed by a state named in the text ("ARCEP Togo").
    if mentioned.len() != 1 {
        let narrowed: Vec<MemberState> = mentioned
            .iter()
            .filter(|s| hits.iter().any(|h| h.states.contains(&s.iso3.as_str())))
            .cloned()
            .collect();
        if narrowed.len() == 1 {
            mentioned = narrowed;
        }
    }
    if let [one] = mentioned.as_slice() {
        push(Some(one.clone()), Source::Mention, "a mention".into());
    }
    // A regulator or ministry named in full elsewhere (a signature): a mention too. Acronyms
    // are left out here: the reasons after the table are technical text ("CRC", "FCC").
    for h in regulators::find_in_text(c.body_text) {
        if h.strength == Strength::Name {
            let state = h.state().and_then(member_state::by_iso3);
            push(state, Source::Mention, format!("'{}'", h.matched));
        }
    }
}

fn distinct(found: Vec<(MemberState, usize)>) -> Vec<MemberState> {
    let mut out: Vec<MemberState> = Vec::new();
    for (s, _) in found {
        if !out.iter().any(|d| d.iso3 == s.iso3) {
            out.push(s);
        }
    }
    out
}

/// The state the From block's address ends with: the last line that names one, where the
/// name stands in the line's last comma-separated part ("…, 1202 Genève, Suisse") — a street
/// named after a country ("Perú 103, C1067AAC, Buenos Aires") is no country.
fn address_state(from: &[String]) -> Option<MemberState> {
    from.iter().rev().find_map(|l| {
        let last_part = l.rfind([',', '،', '，']).map_or(0, |i| i + 1);
        member_state::find_in_text(l)
            .into_iter()
            .filter(|(_, at)| *at >= last_part)
            .max_by_key(|(_, at)| *at)
            .map(|(s, _)| s)
    })
}

/// A word of the address that names a state may be another state's capital written alike
/// (Arabic عمان: Oman, and Amman once its shadda is dropped): when another clue — a
/// regulator, an e-mail domain, the letterhead — names the state of that capital, the address
/// names it too.
fn city_not_state(from: &[String], ev: &mut [Evidence]) {
    let seats = regulators::seats_named(&from.join("\n"));
    let supported = |iso3: &str| {
        ev.iter().any(|e| {
            e.state.iso3 == iso3
                && matches!(
                    e.source,
                    Source::Letterhead | Source::Body | Source::BodyDomain | Source::Email
                )
        })
    };
    let Some(city_state) = seats.iter().copied().find(|s| supported(s)) else {
        return;
    };
    let Some(state) = member_state::by_iso3(city_state) else {
        return;
    };
    for e in ev.iter_mut().filter(|e| e.source == Source::FromBlock) {
        if e.state.iso3 != city_state {
            e.what = format!("the address, whose city is {}'s", state.name);
            e.state = state.clone();
        }
    }
}

/// Each source that names another state than the winner, and is not a mere guess, is a
/// disagreement a person decides.
fn disagreements(ev: &[Evidence], warnings: &mut Vec<Warning>) {
    let Some(best) = ev.first() else { return };
    let mut said: Vec<&str> = Vec::new();
    for e in ev.iter().skip(1) {
        if e.source >= Source::FileName || e.state.iso3 == best.state.iso3 {
            continue;
        }
        // A state's letterhead over a Swiss address: its mission or delegation in Geneva.
        if e.state.iso3 == "CHE" && best.source == Source::Letterhead {
            continue;
        }
        if said.contains(&e.state.iso3.as_str()) {
            continue;
        }
        said.push(&e.state.iso3);
        let w = format!(
            "{} ({}) names {} but {} ({}) points to {}; read as {}",
            best.source.describe(),
            best.what,
            best.state.name,
            e.source.describe(),
            e.what,
            e.state.name,
            best.state.name
        );
        warnings.push(Warning::new(WarningKind::StatesDisagree, w));
    }
}

/// A state told only by a weak source says so.
fn weak_source(best: &Evidence, file_name: &str, warnings: &mut Vec<Warning>) {
    let name = &best.state.name;
    let (kind, w) = match best.source {
        Source::Email => (
            WarningKind::StateFromEmail,
            format!("Member State {name} told only by the e-mail domain"),
        ),
        Source::FileName => (
            WarningKind::StateFromFileName,
            format!("Member State {name} told only by the file name '{file_name}'"),
        ),
        Source::Mention => (
            WarningKind::StateFromMention,
            format!("Member State {name} told only by a mention in the text"),
        ),
        _ => return,
    };
    warnings.push(Warning::new(kind, w));
}

/// No source names a state: a territory that is not a Member State, an ambiguous regulator,
/// or nothing at all.
fn none_told(
    c: &Clues,
    mission: &Option<Mission>,
    hits: &[Hit],
    mut warnings: Vec<Warning>,
) -> Identified {
    if let Some(name) = super::header::non_member(&c.header.from_lines) {
        let w = format!(
            "the reply comes from {name}, which is not an ITU Member State (only Member States reply to this consultation); it is left out of the tally"
        );
        warnings.push(Warning::new(WarningKind::NotAMemberState, w));
    } else if let Some(h) = hits.iter().find(|h| h.states.len() > 1) {
        let names: Vec<String> = h
            .states
            .iter()
            .filter_map(|s| member_state::by_iso3(s))
            .map(|s| s.name)
            .collect();
        let w = format!(
            "'{}' is the name of a regulator or ministry in several Member States ({}); say which one sent the reply",
            h.matched,
            names.join(", ")
        );
        warnings.push(Warning::new(WarningKind::NoMemberState, w));
    } else if let Some(Mission::Unnamed(phrase)) = mission {
        let w = format!(
            "'{phrase}': which Member State it represents could not be told; say who sent it"
        );
        warnings.push(Warning::new(WarningKind::NoMemberState, w));
    } else {
        warnings.push(Warning::new(
            WarningKind::NoMemberState,
            "the replying Member State could not be told (no letterhead, From block, regulator, e-mail domain or file name names one)",
        ));
    }
    Identified {
        state: None,
        warnings,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn who(from: &[&str], letterhead: &[&str], email: Option<&str>) -> Identified {
        let mut header = Header {
            from_lines: from.iter().map(|s| s.to_string()).collect(),
            ..Header::default()
        };
        header.sender.email = email.map(str::to_string);
        let letterhead: Vec<String> = letterhead.iter().map(|s| s.to_string()).collect();
        identify(&Clues {
            header: &header,
            letterhead: &letterhead,
            email_from: None,
            file_name: "reply.docx",
            body_text: &from.join("\n"),
        })
    }

    fn iso3(i: &Identified) -> Option<&str> {
        i.state.as_ref().map(|s| s.iso3.as_str())
    }

    fn kinds(i: &Identified) -> Vec<WarningKind> {
        i.warnings.iter().map(|w| w.kind).collect()
    }

    #[test]
    fn a_mission_is_its_state_not_switzerland() {
        let i = who(
            &["Ms A", "Counsellor", "Mission permanente de la République de Côte d'Ivoire auprès de l'Office des Nations Unies à Genève", "Rue de Lausanne 30, 1202 Genève, Suisse"],
            &[],
            Some("mission@civ-geneve.ch"),
        );
        assert_eq!(iso3(&i), Some("CIV"));
        assert!(
            i.warnings.is_empty(),
            "a Swiss address is no disagreement: {:?}",
            i.warnings
        );
    }

    #[test]
    fn a_mission_whose_state_is_not_told_is_never_switzerland() {
        let i = who(
            &[
                "Mr B",
                "Permanent Mission of the Kingdom",
                "Rue de Lausanne 30, 1202 Geneva, Switzerland",
            ],
            &[],
            None,
        );
        assert_eq!(iso3(&i), None);
        assert_eq!(kinds(&i), [WarningKind::NoMemberState]);
    }

    #[test]
    fn a_regulator_named_alone_tells_its_state_and_a_street_is_no_country() {
        let i = who(
            &[
                "Ing. M",
                "Gerente",
                "ENACOM",
                "Perú 103, C1067AAC, Ciudad Autónoma de Buenos Aires",
            ],
            &[],
            None,
        );
        assert_eq!(iso3(&i), Some("ARG"));
        let i = who(
            &["Dr A", "Head", "Ofcom", "Riverside House, London SE1 9HA"],
            &[],
            None,
        );
        assert_eq!(iso3(&i), Some("GBR"));
    }

    #[test]
    fn a_shared_acronym_alone_is_asked() {
        let i = who(
            &["M. L", "Chef", "ARCEP", "14, rue Gerty Archimède"],
            &[],
            None,
        );
        assert_eq!(iso3(&i), None);
        assert!(
            i.warnings[0].text.contains("several Member States"),
            "{:?}",
            i.warnings
        );
        let i = who(&["M. L", "Chef", "ARCEP", "Lomé, Togo"], &[], None);
        assert_eq!(iso3(&i), Some("TGO"));
        let i = who(
            &[
                "M. L",
                "Chef",
                "ARCEP",
                "14, rue Gerty Archimède, 75012 Paris",
            ],
            &[],
            None,
        );
        assert_eq!(iso3(&i), Some("FRA"), "the seat narrows the acronym");
    }

    #[test]
    fn a_capital_written_as_another_states_name_is_the_capital() {
        // عمّان (Amman) loses its shadda and reads as عمان (Oman); the regulator's seat and the
        // e-mail domain say Jordan.
        let i = who(
            &[
                "م. ليلى الخطيب",
                "مديرة المعايير",
                "TRC",
                "ص.ب 941794، عمّان 11194",
            ],
            &[],
            Some("l.khatib@trc.gov.jo"),
        );
        assert_eq!(iso3(&i), Some("JOR"), "{:?}", i.warnings);
        assert!(i.warnings.is_empty(), "{:?}", i.warnings);
        // Muscat, Oman: no other clue, the address's state stands.
        let i = who(&["م. أحمد", "مسقط، سلطنة عمان"], &[], None);
        assert_eq!(iso3(&i), Some("OMN"));
    }

    #[test]
    fn a_regulator_named_in_the_signature_is_a_mention() {
        let header = Header {
            from_lines: vec!["Mr A".into(), "Director".into()],
            ..Header::default()
        };
        let i = identify(&Clues {
            header: &header,
            letterhead: &[],
            email_from: None,
            file_name: "reply.docx",
            body_text: "Yours faithfully\nTelecom Regulatory Authority of India",
        });
        assert_eq!(iso3(&i), Some("IND"));
        assert_eq!(kinds(&i), [WarningKind::StateFromMention]);
    }

    #[test]
    fn the_letterhead_tells_and_a_disagreement_is_decided_by_a_person() {
        let i = who(
            &["Mr A", "Director", "12 Main Street"],
            &["Republic of Kenya", "Communications Authority"],
            None,
        );
        assert_eq!(iso3(&i), Some("KEN"));
        assert!(i.warnings.is_empty());
        let i = who(
            &["Mr A", "Director", "Kampala, Uganda"],
            &["Republic of Kenya"],
            None,
        );
        assert_eq!(
            iso3(&i),
            Some("KEN"),
            "the letterhead is the stronger source"
        );
        assert_eq!(kinds(&i), [WarningKind::StatesDisagree]);
        assert!(i.warnings[0].text.contains("Uganda"));
        let i = who(
            &[
                "Mr A",
                "Counsellor",
                "Rue de Lausanne 30, 1202 Geneva, Switzerland",
            ],
            &["Republic of Kenya"],
            None,
        );
        assert_eq!(
            iso3(&i),
            Some("KEN"),
            "a letterhead over a Swiss address: a mission"
        );
        assert!(i.warnings.is_empty());
    }
}
