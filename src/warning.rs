//! Warnings: what a reading needs a person to look at. Each has a kind (what happened, stable
//! snake_case names), the drafts it concerns and the message the outputs print. Programs match
//! on the kind, never on the message; `records.json` keeps the message only (a plain string).

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// What a warning is about. Spelled in snake_case ([`WarningKind::as_str`]) wherever a name is
/// needed; new kinds may be added, none renamed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum WarningKind {
    // The marks of one draft.
    /// Both *authorizes* and *does not authorize* are marked.
    Conflict,
    /// A mark whose state cannot be read.
    UnreadableMark,
    /// A control in the document (an unknown symbol, an ActiveX control) whose state was not
    /// read.
    UnreadControl,
    /// One line carries more than one checked mark.
    SeveralMarks,
    /// No decision line is marked: read as no reply.
    NoDecision,
    /// *Does not authorize*, with an option under *authorizes* marked too.
    OptionWithRefusal,
    /// An option is marked but not *authorizes*: read as authorizes.
    OptionWithoutDecision,
    /// *Authorizes* with both options marked.
    BothOptions,
    /// *Authorizes* with neither option marked.
    NoOption,
    /// No box marked; the decision read from emphasis (highlighting, bold, underlining).
    DecisionFromEmphasis,
    /// No box marked; the decision read from the other line being deleted.
    DecisionFromDeletion,
    /// No box marked; the decision read from words written for the draft alone (a Word
    /// comment on its name: "Botswana authorizes this draft as well").
    DecisionFromWords,
    /// No option box marked; the option read from emphasis.
    OptionFromEmphasis,
    /// No option box marked; the option read from the other option line being deleted.
    OptionFromDeletion,
    /// No option marked in any way; "comments attached" read from the comments the person
    /// wrote for the draft.
    OptionFromText,
    /// A line marked by a picture or shape the person put on it (a tick picture, an ellipse
    /// drawn round the choice), not by a box.
    MarkFromDrawing,

    // The text of one draft.
    /// Reasons or comments said to be attached, none found in the file.
    TextNotFound,
    /// The text refers to a separate letter or attachment.
    SeparateLetter,
    /// Reasons or comments found in the letter before the form, under a heading naming the
    /// draft (none in the form itself).
    TextFromLetter,
    /// Text written for a draft whose decision needs none.
    TextNotNeeded,
    /// Text under one heading about several drafts, given to each.
    SharedText,
    /// One answer given for several drafts under one heading listing them: read for each.
    AnsweredTogether,

    // The drafts of a reply.
    /// The draft names stand below their decision lines.
    NamesBelowLines,
    /// Decision lines with no draft named before them.
    DraftUnnamed,
    /// A draft named twice in the answer table.
    DraftTwice,
    /// The form is in the reply twice and one copy was left blank: the blank copy is ignored.
    BlankCopy,
    /// A draft the reply names close to one of the blank form: read as the form's.
    DraftMisnamed,
    /// A draft matched by its provisional name but printed with another number.
    DraftRenumbered,
    /// A draft not on the blank form: left out of the tally.
    DraftNotOnForm,
    /// A draft of the blank form not found on the reply: counted as no reply.
    DraftMissing,

    // Who replied.
    /// The sender looks like a company, not an administration: left out of the tally.
    NotAnAdministration,
    /// The sender names a state or territory that is not an ITU Member State.
    NotAMemberState,
    /// The From block and an e-mail address name different Member States.
    StatesDisagree,
    /// The Member State told only by an e-mail domain.
    StateFromEmail,
    /// The Member State told only by the file name.
    StateFromFileName,
    /// The Member State told only by a mention in the text.
    StateFromMention,
    /// No Member State could be told.
    NoMemberState,

    // When.
    /// The date taken from the signature (no Date line).
    DateFromSignature,
    /// The order of day and month is doubtful, or month first.
    DateOrder,
    /// A Date line that could not be read.
    DateUnreadable,
    /// No date on the form.
    NoDate,
    /// No date at all: counted as on time.
    Undated,
    /// The form is undated; the e-mail's date decided lateness.
    DateFromEmail,

    // The document and what came with it.
    /// Labels in more than one language.
    MixedLanguages,
    /// Tracked changes, read as accepted.
    TrackedChanges,
    /// Read from a `.doc` converted with LibreOffice.
    Converted,
    /// Read from a scan by OCR and the ink in its boxes (issue 14).
    Scanned,
    /// A draft read from a scan less surely than [`crate::scan::REVIEW_BELOW`].
    ScanUnsure,
    /// Something else in the same e-mail or zip.
    AlsoInContainer,
    /// A file in the same e-mail or zip that could not be read.
    UnreadInContainer,

    /// A warning read back from `records.json` (which keeps the message only), or made from a
    /// bare message.
    Other,
}

/// How much a warning asks of a person (issue 13's review list).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// The tally is not final until someone decides.
    Decide,
    /// Read, with less than full certainty.
    Check,
    /// For the record.
    Note,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Decide => "decide",
            Severity::Check => "check",
            Severity::Note => "note",
        }
    }
}

impl WarningKind {
    /// The kind's stable name (its `serde` spelling).
    pub fn as_str(self) -> &'static str {
        use WarningKind::*;
        match self {
            Conflict => "conflict",
            UnreadableMark => "unreadable_mark",
            UnreadControl => "unread_control",
            SeveralMarks => "several_marks",
            NoDecision => "no_decision",
            OptionWithRefusal => "option_with_refusal",
            OptionWithoutDecision => "option_without_decision",
            BothOptions => "both_options",
            NoOption => "no_option",
            DecisionFromEmphasis => "decision_from_emphasis",
            DecisionFromDeletion => "decision_from_deletion",
            DecisionFromWords => "decision_from_words",
            OptionFromEmphasis => "option_from_emphasis",
            OptionFromDeletion => "option_from_deletion",
            OptionFromText => "option_from_text",
            MarkFromDrawing => "mark_from_drawing",
            TextNotFound => "text_not_found",
            SeparateLetter => "separate_letter",
            TextFromLetter => "text_from_letter",
            TextNotNeeded => "text_not_needed",
            SharedText => "shared_text",
            AnsweredTogether => "answered_together",
            NamesBelowLines => "names_below_lines",
            DraftUnnamed => "draft_unnamed",
            DraftTwice => "draft_twice",
            BlankCopy => "blank_copy",
            DraftMisnamed => "draft_misnamed",
            DraftRenumbered => "draft_renumbered",
            DraftNotOnForm => "draft_not_on_form",
            DraftMissing => "draft_missing",
            NotAnAdministration => "not_an_administration",
            NotAMemberState => "not_a_member_state",
            StatesDisagree => "states_disagree",
            StateFromEmail => "state_from_email",
            StateFromFileName => "state_from_file_name",
            StateFromMention => "state_from_mention",
            NoMemberState => "no_member_state",
            DateFromSignature => "date_from_signature",
            DateOrder => "date_order",
            DateUnreadable => "date_unreadable",
            NoDate => "no_date",
            Undated => "undated",
            DateFromEmail => "date_from_email",
            MixedLanguages => "mixed_languages",
            TrackedChanges => "tracked_changes",
            Converted => "converted",
            Scanned => "scanned",
            ScanUnsure => "scan_unsure",
            AlsoInContainer => "also_in_container",
            UnreadInContainer => "unread_in_container",
            Other => "other",
        }
    }

    /// Whether the warning says the reply's Member State is told only weakly (an e-mail
    /// domain, the file name, a mention) or in doubt (sources disagree): such a reply never
    /// supersedes a reply whose Member State is sure.
    pub fn weakens_state(self) -> bool {
        use WarningKind::*;
        matches!(
            self,
            StateFromEmail | StateFromFileName | StateFromMention | StatesDisagree
        )
    }

    /// How much the warning asks of a person, unless something else is known: `decide` when
    /// the tally could change with the answer (a conflict, a mark not read, a draft or Member
    /// State missing or in doubt, an option not marked: `with_comments` is a count), `check` when the reading stands on less than a marked box,
    /// `note` for the record. (A bare message, of unknown kind, is `decide`: nothing says it may wait.)
    pub fn severity(self) -> Severity {
        use WarningKind::*;
        match self {
            Conflict | UnreadableMark | UnreadControl | NoDecision | OptionWithRefusal
            | BothOptions | NoOption | DraftUnnamed | DraftTwice | DraftMisnamed
            | DraftNotOnForm | DraftMissing | NotAnAdministration | NotAMemberState
            | StatesDisagree | NoMemberState | ScanUnsure | Other => Severity::Decide,
            SeveralMarks
            | OptionWithoutDecision
            | DecisionFromEmphasis
            | DecisionFromDeletion
            | DecisionFromWords
            | OptionFromEmphasis
            | OptionFromDeletion
            | OptionFromText
            | MarkFromDrawing
            | TextNotFound
            | SeparateLetter
            | TextFromLetter
            | SharedText
            | AnsweredTogether
            | DraftRenumbered
            | StateFromEmail
            | StateFromFileName
            | StateFromMention
            | DateUnreadable
            | NoDate
            | Undated
            | UnreadInContainer => Severity::Check,
            TextNotNeeded | BlankCopy | NamesBelowLines | DateFromSignature | DateOrder
            | DateFromEmail | MixedLanguages | TrackedChanges | Converted | Scanned
            | AlsoInContainer => Severity::Note,
        }
    }
}

/// One warning on a reply: its kind, the drafts it concerns (none: the reply as a whole) and
/// the message as the outputs print it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Warning {
    pub kind: WarningKind,
    pub drafts: Vec<String>,
    pub text: String,
}

impl Warning {
    /// A warning about the reply as a whole.
    pub fn new(kind: WarningKind, text: impl Into<String>) -> Self {
        Warning {
            kind,
            drafts: Vec::new(),
            text: text.into(),
        }
    }

    /// A warning about one draft (none when the draft is not named).
    pub fn on_draft(kind: WarningKind, draft: &str, text: impl Into<String>) -> Self {
        Warning {
            kind,
            drafts: (!draft.is_empty())
                .then(|| draft.to_string())
                .into_iter()
                .collect(),
            text: text.into(),
        }
    }

    /// Whether the warning concerns `draft`.
    pub fn concerns(&self, draft: &str) -> bool {
        self.drafts.iter().any(|d| d == draft)
    }

    pub fn severity(&self) -> Severity {
        self.kind.severity()
    }
}

impl std::fmt::Display for Warning {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.text)
    }
}

/// A bare message: kind [`WarningKind::Other`].
impl From<&str> for Warning {
    fn from(text: &str) -> Self {
        Warning::new(WarningKind::Other, text)
    }
}

impl From<String> for Warning {
    fn from(text: String) -> Self {
        Warning::new(WarningKind::Other, text)
    }
}

/// Written as its message only: `records.json` keeps `warnings` an array of strings.
impl Serialize for Warning {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.text)
    }
}

/// Read back from its message: the kind is not written, so it is [`WarningKind::Other`].
impl<'de> Deserialize<'de> for Warning {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        String::deserialize(d).map(Warning::from)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn serialised_as_the_plain_message() {
        let w = Warning::on_draft(
            WarningKind::Conflict,
            "X.1380",
            "X.1380: both 'authorizes' and 'does not authorize' are marked (conflict)",
        );
        let json = serde_json::to_string(&vec![w.clone()]).unwrap();
        assert_eq!(
            json,
            r#"["X.1380: both 'authorizes' and 'does not authorize' are marked (conflict)"]"#
        );
        let back: Vec<Warning> = serde_json::from_str(&json).unwrap();
        assert_eq!(back[0].text, w.text);
        assert_eq!(
            back[0].kind,
            WarningKind::Other,
            "the kind is not in the JSON"
        );
    }

    #[test]
    fn kinds_are_spelled_as_serde_spells_them() {
        use WarningKind::*;
        for k in [
            Conflict,
            UnreadableMark,
            TextNotFound,
            DraftMissing,
            StateFromFileName,
            Other,
        ] {
            assert_eq!(serde_json::to_value(k).unwrap(), k.as_str());
        }
    }

    #[test]
    fn what_changes_a_count_is_decided() {
        assert_eq!(WarningKind::Conflict.severity(), Severity::Decide);
        assert_eq!(WarningKind::DraftMissing.severity(), Severity::Decide);
        assert_eq!(
            WarningKind::DecisionFromEmphasis.severity(),
            Severity::Check
        );
        assert_eq!(WarningKind::TextNotFound.severity(), Severity::Check);
        assert_eq!(WarningKind::TrackedChanges.severity(), Severity::Note);
        assert_eq!(WarningKind::DateOrder.severity(), Severity::Note);
        assert!(Severity::Decide < Severity::Check && Severity::Check < Severity::Note);
    }

    #[test]
    fn a_draft_warning_names_its_draft() {
        let w = Warning::on_draft(WarningKind::TextNotFound, "X.1380", "…");
        assert!(w.concerns("X.1380") && !w.concerns("X.1381"));
        assert!(Warning::on_draft(WarningKind::NoDecision, "", "…")
            .drafts
            .is_empty());
    }
}
