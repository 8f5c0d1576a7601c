//! What the samples say: the circular, its drafts, and one `Reply` spec per returned form.
//!
//! Both the .docx files and `expected.json` are derived from these specs, so the truth can never
//! drift from the files. Add a sample by adding a `Reply` to [`replies`] (TSB Circular 117,
//! `samples/`) or to `circ205::replies` (TSB Circular 205, `tests/fixtures/circ205/`).

use replytally::record::{Comments, Decision, Evidence};

/// One consultation: its number, study group, drafts, and where its files go.
pub struct Circular {
    pub number: u32,
    pub study_group: u32,
    pub drafts: &'static [Draft],
    /// The consultation's due date (ISO), for `late`.
    pub deadline: &'static str,
    /// The blank form, relative to the output directory.
    pub form_file: &'static str,
    /// `description` of the expected JSON.
    pub description: &'static str,
    /// Output directory and expected JSON, relative to the repository root.
    pub default_dir: &'static str,
    pub default_expected: &'static str,
    pub replies: fn() -> Vec<Reply>,
}

/// TSB Circular 117 (SG13, Y-series): `samples/`, the default run's inputs.
pub const CIRC117: Circular = Circular {
    number: CIRCULAR,
    study_group: STUDY_GROUP,
    drafts: &DRAFTS,
    deadline: DEADLINE,
    form_file: FORM_FILE,
    description: "Replies to TSB Circular 117 (Study Group 13), made by examples/make-samples.rs; sources are relative to samples/",
    default_dir: "samples",
    default_expected: "tests/fixtures/samples_expected.json",
    replies,
};

pub const CIRCULAR: u32 = 117;
pub const STUDY_GROUP: u32 = 13;
/// The consultation's due date (not printed specially in the forms).
pub const DEADLINE: &str = "2026-03-15";
pub const THRESHOLD: f64 = 70.0;
pub const FORM_FILE: &str = "form/blank_circ117_en.docx";

/// A reply spec that the generator cannot turn into a faithful file and truth.
#[derive(Debug)]
pub struct SpecError(pub String);

impl std::fmt::Display for SpecError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "sample spec error: {}", self.0)
    }
}

impl std::error::Error for SpecError {}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Lang {
    En,
    Fr,
    Es,
    Ru,
    Ar,
    Zh,
}

impl Lang {
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Fr => "fr",
            Lang::Es => "es",
            Lang::Ru => "ru",
            Lang::Ar => "ar",
            Lang::Zh => "zh",
        }
    }
}

/// Which edition of the form's wording a reply was typed on: template wording drifts
/// (British spelling, "CE 2", "2-ю Исследовательскую комиссию", يأذن for تأذن, …).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Wording {
    Current,
    Older,
}

/// How the answer table is laid out and wrapped.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Layout {
    /// One table, the name cell merged down over the draft's two rows (`w:vMerge`).
    Standard,
    /// No `w:vMerge`: the name repeated in both rows (`repeat`), or in the first row only with
    /// the second row's first cell left empty.
    NoMerge { repeat: bool },
    /// The name in its own row spanning the table, above the draft's two lines.
    NameRow,
    /// The answer table inside the single cell of an outer table.
    Nested,
    /// The table split in two across a page break after this many drafts; the second part
    /// repeats no header.
    Split(usize),
    /// The whole answer table pasted into a text box (wps + VML fallback, both holding it).
    InTextBox,
    /// Each box cell wrapped in a content control (`w:tr/w:sdt/w:sdtContent/w:tc`).
    SdtCells,
}

impl Layout {
    pub fn describe(self) -> Option<String> {
        Some(match self {
            Layout::Standard => return None,
            Layout::NoMerge { repeat: true } => {
                "layout: no w:vMerge, the draft name repeated in both rows".to_string()
            }
            Layout::NoMerge { repeat: false } => {
                "layout: no w:vMerge, the draft name in the first row only, the second row's first cell empty".to_string()
            }
            Layout::NameRow => {
                "layout: the draft name in its own spanning row above its two lines".to_string()
            }
            Layout::Nested => "layout: the answer table nested in a cell of an outer table".to_string(),
            Layout::Split(n) => format!(
                "layout: the table split in two across a page break after {n} drafts (no repeated header)"
            ),
            Layout::InTextBox => {
                "layout: the whole answer table inside a text box (mc:Choice and mc:Fallback)".to_string()
            }
            Layout::SdtCells => {
                "layout: each box cell wrapped in a content control (w:tr/w:sdt/w:sdtContent/w:tc)".to_string()
            }
        })
    }
}

/// A draft under consultation: `id` is the number, or the provisional name when it has none;
/// `paren` the provisional name printed in parentheses after the number.
pub struct Draft {
    pub id: &'static str,
    pub paren: Option<&'static str>,
    pub revised: bool,
}

impl Draft {
    /// "Y.3115 (Y.NetSlice-sec)" or "Y.3172".
    pub fn full_ref(&self) -> String {
        match self.paren {
            Some(p) => format!("{} ({p})", self.id),
            None => self.id.to_string(),
        }
    }
}

pub const DRAFTS: [Draft; 5] = [
    Draft {
        id: "Y.3061",
        paren: Some("Y.AN-arch"),
        revised: false,
    },
    Draft {
        id: "Y.3115",
        paren: Some("Y.NetSlice-sec"),
        revised: false,
    },
    Draft {
        id: "Y.2245",
        paren: Some("Y.IoT-hms"),
        revised: false,
    },
    Draft {
        id: "Y.3172",
        paren: None,
        revised: true,
    },
    Draft {
        id: "Y.ML-IMT2020-VNS",
        paren: None,
        revised: false,
    },
];

/// How an unticked legacy FORMCHECKBOX is ticked in the file.
#[derive(Clone, Copy, Debug)]
pub enum LegacyOn {
    /// `<w:checked/>`
    Bare,
    /// `<w:checked w:val="1"/>`
    Val1,
    /// `<w:checked w:val="true"/>`
    ValTrue,
    /// only `<w:default w:val="1"/>`
    DefaultOnly,
}

/// How the boxes left unticked are written.
#[derive(Clone, Copy, Debug)]
pub enum LegacyOff {
    /// `<w:default w:val="0"/>` (Word's blank form)
    Default0,
    /// `<w:default w:val="1"/><w:checked w:val="0"/>`: default on, explicitly off
    Default1Checked0,
    /// neither `w:default` nor `w:checked` (LibreOffice)
    Nothing,
}

/// How the chosen line is emphasised when the boxes are left empty.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Emph {
    /// `w:highlight w:val="yellow"` on the chosen line's runs.
    Highlight,
    /// `w:shd w:fill` on the chosen line's runs.
    Shade,
    /// The chosen line bold and underlined, the others plain.
    BoldUnderline,
}

/// How the lines not chosen are deleted.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum DelStyle {
    /// The row (and the option paragraph) removed from the table.
    RowRemoved,
    /// The row kept, its box and text removed (empty cells, empty option paragraph).
    TextRemoved,
}

/// The mechanism of the two decision boxes of every draft.
#[derive(Clone, Copy, Debug)]
pub enum BoxMark {
    Legacy {
        on: LegacyOn,
        off: LegacyOff,
    },
    /// Word 2010 content-control check box (`w14:checkbox`, ☒/☐ in MS Gothic).
    ContentControl,
    /// The box typed as a character (MS Gothic when it is a box glyph).
    Glyph {
        on: &'static str,
        off: &'static str,
    },
    /// The chosen box's field deleted and a character typed instead; the other box is still
    /// an unticked FORMCHECKBOX.
    TypedOverLegacy {
        on: &'static str,
    },
    /// `w:sym` in a symbol font, `on`/`off` the private-use codes (0xF0FE, 0xF0A8, …).
    Symbol {
        font: &'static str,
        on: u16,
        off: u16,
    },
    /// Boxes left as the blank form's unticked FORMCHECKBOXes; the chosen lines emphasised.
    Emphasis(Emph),
    /// The lines not chosen deleted; the boxes left kept unticked.
    Deletion(DelStyle),
    /// A word ("Sí", "Да", "نعم", "是", "Yes") typed in the chosen line's box cell, after the
    /// unticked FORMCHECKBOX (`keep_box`) or instead of it.
    Words {
        word: &'static str,
        keep_box: bool,
    },
    /// The table replaced by one sentence per draft ("La Administración … autoriza …"),
    /// given in draft order.
    Sentences(&'static [&'static str]),
    /// Legacy check boxes as WPS-style simple fields: `w:fldSimple w:instr=" FORMCHECKBOX "`
    /// holding `w:ffData/w:checkBox` (ticked `<w:checked/>`, unticked `<w:default w:val="0"/>`).
    FieldSimple,
}

impl BoxMark {
    pub fn evidence(self) -> Evidence {
        match self {
            BoxMark::Legacy { .. } => Evidence::LegacyCheckbox,
            BoxMark::ContentControl => Evidence::ContentControl,
            BoxMark::Glyph { .. } | BoxMark::TypedOverLegacy { .. } => Evidence::Glyph,
            BoxMark::Symbol { .. } => Evidence::Symbol,
            BoxMark::Emphasis(_) => Evidence::Highlight,
            BoxMark::Deletion(_) => Evidence::Deletion,
            BoxMark::Words { .. } | BoxMark::Sentences(_) => Evidence::Text,
            BoxMark::FieldSimple => Evidence::LegacyCheckbox,
        }
    }

    pub fn describe(self) -> String {
        match self {
            BoxMark::Legacy { on, off } => {
                let on = match on {
                    LegacyOn::Bare => "<w:checked/>",
                    LegacyOn::Val1 => "<w:checked w:val=\"1\"/>",
                    LegacyOn::ValTrue => "<w:checked w:val=\"true\"/>",
                    LegacyOn::DefaultOnly => "<w:default w:val=\"1\"/> only",
                };
                let off = match off {
                    LegacyOff::Default0 => "<w:default w:val=\"0\"/>",
                    LegacyOff::Default1Checked0 => {
                        "<w:default w:val=\"1\"/><w:checked w:val=\"0\"/>"
                    }
                    LegacyOff::Nothing => "no w:default/w:checked (LibreOffice)",
                };
                format!("boxes: legacy FORMCHECKBOX, ticked {on}, unticked {off}")
            }
            BoxMark::ContentControl => {
                "boxes: w14 content-control check boxes (☒/☐ MS Gothic)".to_string()
            }
            BoxMark::Glyph { on, off } => format!("boxes: typed glyphs {on} / {off}"),
            BoxMark::TypedOverLegacy { on } => format!(
                "boxes: chosen box replaced by a typed \"{on}\", the other left an unticked FORMCHECKBOX"
            ),
            BoxMark::Symbol { font, on, off } => {
                format!("boxes: w:sym {font} {on:04X} ticked / {off:04X} empty")
            }
            BoxMark::Emphasis(e) => format!(
                "boxes: left unticked; the chosen lines {}",
                match e {
                    Emph::Highlight => "highlighted (w:highlight yellow)",
                    Emph::Shade => "shaded (w:shd w:fill on the runs)",
                    Emph::BoldUnderline => "bold and underlined, the others plain",
                }
            ),
            BoxMark::Deletion(DelStyle::RowRemoved) => {
                "boxes: left unticked; the rows and option paragraphs not chosen removed from the table".to_string()
            }
            BoxMark::Deletion(DelStyle::TextRemoved) => {
                "boxes: the lines not chosen emptied (box and text removed, rows kept)".to_string()
            }
            BoxMark::Words { word, keep_box } => format!(
                "boxes: \"{word}\" typed in the chosen line's box cell{}",
                if keep_box {
                    " after the unticked FORMCHECKBOX"
                } else {
                    " (no box)"
                }
            ),
            BoxMark::Sentences(_) => {
                "boxes: none; the table replaced by one sentence per draft naming the decision".to_string()
            }
            BoxMark::FieldSimple => {
                "boxes: WPS-style w:fldSimple FORMCHECKBOX holding w:ffData".to_string()
            }
        }
    }
}

/// How the two options under *Authorizes* (⃝ in the form) are marked.
#[derive(Clone, Copy, Debug)]
pub enum OptionMark {
    /// The circle replaced by this character (● or X); unmarked options keep ⃝.
    Glyph(&'static str),
    /// The circle replaced by ☒ in MS Gothic.
    BoxGlyph,
    /// The circle replaced by content-control check boxes.
    ContentControl,
    /// Marked the way the boxes are (emphasis, deletion, sentences): the circles stay ⃝.
    Follow,
}

impl OptionMark {
    pub fn describe(self) -> String {
        match self {
            OptionMark::Glyph(g) => format!("options: ⃝ replaced by {g}"),
            OptionMark::BoxGlyph => "options: ⃝ replaced by ☒".to_string(),
            OptionMark::ContentControl => "options: content-control check boxes".to_string(),
            OptionMark::Follow => "options: marked the same way as the decision".to_string(),
        }
    }

    /// The evidence of a decision read from an option alone.
    pub fn evidence(self, boxes: BoxMark) -> Evidence {
        match self {
            OptionMark::Glyph(_) | OptionMark::BoxGlyph => Evidence::Glyph,
            OptionMark::ContentControl => Evidence::ContentControl,
            OptionMark::Follow => boxes.evidence(),
        }
    }
}

/// Which of the two decision boxes are marked.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Pick {
    Authorize,
    NotAuthorize,
    Both,
    Neither,
}

/// Which options under *Authorizes* are marked.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Opts {
    Neither,
    NoComments,
    WithComments,
    Both,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum RowSpan {
    /// one cell spanning the whole table
    Full,
    /// the draft's name cell merged down over it, one cell spanning box and label columns
    UnderName,
}

/// Where the reasons or comments are written.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Place {
    /// in the label's own paragraph, after the label
    SamePara,
    /// new paragraphs in the label's cell
    CellPara,
    /// a new table row under the draft's two rows
    NewRow(RowSpan),
    /// after the table, under a heading naming the draft
    AfterTable,
    /// after the table, a heading and then a text box (wps + VML fallback)
    TextBox,
}

impl Place {
    pub fn describe(self) -> &'static str {
        match self {
            Place::SamePara => "same paragraph as the label",
            Place::CellPara => "new paragraph in the label's cell",
            Place::NewRow(RowSpan::Full) => "new table row spanning the table",
            Place::NewRow(RowSpan::UnderName) => "new table row under the merged name cell",
            Place::AfterTable => "after the table under a heading naming the draft",
            Place::TextBox => "after the table in a text box (mc:AlternateContent)",
        }
    }
}

/// A piece of a paragraph of reasons; `Ins`/`Del` are tracked revisions.
#[derive(Clone, Copy, Debug)]
pub enum Seg {
    Plain(&'static str),
    Ins(&'static str),
    Del(&'static str),
}

/// The answer to one draft.
#[derive(Debug)]
pub struct Answer {
    pub pick: Pick,
    pub opts: Opts,
    /// Reasons or comments, one entry per paragraph.
    pub text: Vec<Vec<Seg>>,
    pub place: Place,
    /// Typed before the first paragraph ("Reasons: "); `None` = the language's default for
    /// `SamePara` (a label separator), nothing elsewhere.
    pub prefix: Option<&'static str>,
    /// The heading for `AfterTable`/`TextBox`; `None` = the language's default naming the draft.
    pub heading: Option<&'static str>,
    /// Tracked change: the boxes as they were before this reply's author changed them.
    pub was: Option<(Pick, Opts)>,
    /// The reader must warn on this draft for a reason the marks do not show (the text
    /// points to a separate letter, the draft is misnamed).
    pub warn: bool,
    /// The number the reply prints instead of the draft's (a typo such as E.165.1).
    pub named: Option<&'static str>,
    /// The draft's rows are missing from the reply altogether.
    pub omitted: bool,
}

fn answer(pick: Pick, opts: Opts) -> Answer {
    Answer {
        pick,
        opts,
        text: Vec::new(),
        place: Place::SamePara,
        prefix: None,
        heading: None,
        was: None,
        warn: false,
        named: None,
        omitted: false,
    }
}

fn paras(text: &[&'static str]) -> Vec<Vec<Seg>> {
    text.iter().map(|t| vec![Seg::Plain(t)]).collect()
}

/// Authorizes, no comments.
pub fn auth() -> Answer {
    answer(Pick::Authorize, Opts::NoComments)
}
/// Authorizes with comments written at `place`.
pub fn auth_with(place: Place, text: &[&'static str]) -> Answer {
    Answer {
        text: paras(text),
        place,
        ..answer(Pick::Authorize, Opts::WithComments)
    }
}
/// Authorizes with the options marked as given (`Neither`/`Both` → unspecified).
pub fn auth_opts(opts: Opts) -> Answer {
    answer(Pick::Authorize, opts)
}
/// Does not authorize, with reasons written at `place`.
pub fn not_auth(place: Place, text: &[&'static str]) -> Answer {
    Answer {
        text: paras(text),
        place,
        ..answer(Pick::NotAuthorize, Opts::Neither)
    }
}
/// Both boxes marked.
pub fn conflict() -> Answer {
    answer(Pick::Both, Opts::Neither)
}
/// Nothing marked.
pub fn unanswered() -> Answer {
    answer(Pick::Neither, Opts::Neither)
}
/// An option marked, the *Authorizes* box not: read as authorizes with that option (warn).
pub fn option_only(opts: Opts) -> Answer {
    answer(Pick::Neither, opts)
}
/// The draft's rows deleted from the reply: no reply for it.
pub fn omitted() -> Answer {
    Answer {
        omitted: true,
        ..answer(Pick::Neither, Opts::Neither)
    }
}

impl Answer {
    pub fn prefix(mut self, prefix: &'static str) -> Answer {
        self.prefix = Some(prefix);
        self
    }
    pub fn heading(mut self, heading: &'static str) -> Answer {
        self.heading = Some(heading);
        self
    }
    pub fn was(mut self, pick: Pick, opts: Opts) -> Answer {
        self.was = Some((pick, opts));
        self
    }
    pub fn segs(mut self, text: Vec<Vec<Seg>>) -> Answer {
        self.text = text;
        self
    }
    /// Reasons or comments written at `place`.
    pub fn with_text(mut self, place: Place, text: &[&'static str]) -> Answer {
        self.text = paras(text);
        self.place = place;
        self
    }
    /// Also marks an option (with *Does not authorize*: a conflict of meaning, warned).
    pub fn opts(mut self, opts: Opts) -> Answer {
        self.opts = opts;
        self
    }
    /// The text says the reasons or comments are in a separate letter: warn on the draft.
    pub fn letter(mut self) -> Answer {
        self.warn = true;
        self
    }
    /// The reply prints this number for the draft (a typo): warn on the draft.
    pub fn named(mut self, id: &'static str) -> Answer {
        self.named = Some(id);
        self.warn = true;
        self
    }

    /// The decision the contract expects for these marks.
    pub fn decision(&self) -> Decision {
        match self.pick {
            Pick::Authorize => Decision::Authorize,
            Pick::NotAuthorize => Decision::NotAuthorize,
            Pick::Both => Decision::Conflict,
            // An option marked without its box: authorizes with that option.
            Pick::Neither if self.opts != Opts::Neither && !self.omitted => Decision::Authorize,
            Pick::Neither => Decision::NoReply,
        }
    }

    /// Whether the reader must warn on this draft: every reading that is not certain (issue 3
    /// items 2 and 6): an option without its box or under *Does not authorize*, both boxes,
    /// no box (or the draft missing from the reply), neither or both options, text said to
    /// be attached but absent, and what `warn` flags.
    pub fn must_warn(&self) -> bool {
        let d = self.decision();
        self.warn
            || (self.pick == Pick::Neither && d == Decision::Authorize)
            || (d == Decision::NotAuthorize && self.opts != Opts::Neither)
            || d == Decision::Conflict
            || d == Decision::NoReply
            || self.comments() == Some(Comments::Unspecified)
            || ((d == Decision::NotAuthorize || self.comments() == Some(Comments::WithComments))
                && self.text.is_empty())
    }

    pub fn comments(&self) -> Option<Comments> {
        match (self.decision(), self.opts) {
            (Decision::Authorize, Opts::NoComments) => Some(Comments::NoComments),
            (Decision::Authorize, Opts::WithComments) => Some(Comments::WithComments),
            (Decision::Authorize, _) => Some(Comments::Unspecified),
            _ => None,
        }
    }

    /// The reasons or comments as they read with all changes accepted, paragraphs joined by
    /// newlines, without prefix or heading.
    pub fn text(&self) -> String {
        self.text
            .iter()
            .map(|p| {
                p.iter()
                    .map(|s| match s {
                        Seg::Plain(t) | Seg::Ins(t) => *t,
                        Seg::Del(_) => "",
                    })
                    .collect::<String>()
            })
            .collect::<Vec<_>>()
            .join("\n")
    }

    /// Whether the text belongs with the *Does not authorize* row (else the comments option).
    pub fn text_is_reasons(&self) -> bool {
        self.pick == Pick::NotAuthorize
    }

    /// Whether the text stands for this answer in the truth (reasons of a refusal, comments of
    /// an authorization with comments).
    pub fn text_kept(&self) -> bool {
        self.decision() == Decision::NotAuthorize || self.comments() == Some(Comments::WithComments)
    }
}

/// The sender as written in the *From* block.
pub struct Sender {
    pub name: &'static str,
    pub title: &'static str,
    /// Ministry or regulator, address lines, country, as printed.
    pub lines: &'static [&'static str],
    pub fax: &'static str,
    pub email: &'static str,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum App {
    Word,
    LibreOffice,
    /// Exported by Google Docs (rewritten by `ooxml::google_docs`).
    GoogleDocs,
    /// Saved by WPS Office (its namespace on the root, its application name).
    Wps,
}

/// One returned form.
pub struct Reply {
    /// File name under samples/.
    pub file: &'static str,
    pub lang: Lang,
    /// ITU short English name and ISO 3166-1 alpha-3 code.
    pub state: (&'static str, &'static str),
    pub sender: Sender,
    /// (year, month, day) of the Date line.
    pub date: (u16, u8, u8),
    pub date_written: &'static str,
    pub boxes: BoxMark,
    pub options: OptionMark,
    /// One answer per entry of [`DRAFTS`], in order.
    pub answers: Vec<Answer>,
    pub app: App,
    pub layout: Layout,
    pub wording: Wording,
    /// What else this file is there to exercise, beyond what the marks say.
    pub notes: &'static [&'static str],
}

/// A header field left as the blank form's placeholder ("[Nombre]").
pub fn is_placeholder(s: &str) -> bool {
    s.starts_with('[') && s.ends_with(']')
}

impl Reply {
    pub fn tracked(&self) -> bool {
        self.answers.iter().any(|a| {
            a.was.is_some()
                || a.text
                    .iter()
                    .flatten()
                    .any(|s| matches!(s, Seg::Ins(_) | Seg::Del(_)))
        })
    }
}

/// Legacy check boxes as Word writes them.
pub const LEGACY_WORD: BoxMark = BoxMark::Legacy {
    on: LegacyOn::Bare,
    off: LegacyOff::Default0,
};

/// Every filled reply in samples/.
pub fn replies() -> Vec<Reply> {
    use Place::*;
    vec![
        Reply {
            file: "Reply_Circ117_Brazil.docx",
            lang: Lang::En,
            state: ("Brazil", "BRA"),
            sender: Sender {
                name: "Dr. Ana Paula Ferreira",
                title: "Coordinator for International Standardization",
                lines: &[
                    "Agência Nacional de Telecomunicações (Anatel)",
                    "SAUS Quadra 06, Blocos C, E, F e H",
                    "70070-940 Brasília, DF",
                    "Brazil",
                ],
                fax: "+55 61 2312 2002",
                email: "normalizacao.uit@anatel.gov.br",
            },
            date: (2026, 2, 12),
            date_written: "12 February 2026, Brasília",
            boxes: LEGACY_WORD,
            options: OptionMark::Glyph("●"),
            answers: vec![
                auth(),
                auth_with(
                    SamePara,
                    &["Clause 6.3 should reference ITU-T X.1815 for the slice isolation requirements; editorial corrections are needed in Table 2."],
                ),
                not_auth(SamePara, &[]),
                not_auth(
                    CellPara,
                    &[
                        "The revision changes the normative requirements of clause 7 without a corresponding update of the machine learning pipeline architecture in clause 8.",
                        "We propose that the text be returned to Question 20/13 for one more meeting cycle so that requirements and architecture can be aligned.",
                    ],
                ),
                auth(),
            ],
            app: App::Word,
            layout: Layout::Standard,
            wording: Wording::Current,
            notes: &["Y.2245 not authorized, reasons not in the file (text empty)"],
        },
        Reply {
            file: "Japan_TSB-Circ117.docx",
            lang: Lang::En,
            state: ("Japan", "JPN"),
            sender: Sender {
                name: "Mr. Kenji Watanabe",
                title: "Director, Standardization Policy Office",
                lines: &[
                    "Ministry of Internal Affairs and Communications",
                    "2-1-2 Kasumigaseki, Chiyoda-ku",
                    "Tokyo 100-8926",
                    "Japan",
                ],
                fax: "+81 3 5253 5764",
                email: "itu-t-sg13@soumu.go.jp",
            },
            date: (2026, 2, 10),
            date_written: "10 February 2026, Tokyo",
            boxes: BoxMark::ContentControl,
            options: OptionMark::ContentControl,
            answers: vec![
                auth_with(
                    NewRow(RowSpan::Full),
                    &["The definition of 'autonomous network' in clause 3.2.1 should be aligned with ITU-T Y.3060. Figure 2 should show the evolution controller as an optional component."],
                )
                .prefix("Comments: "),
                auth(),
                conflict(),
                auth(),
                not_auth(
                    CellPara,
                    &["The scope of this draft overlaps with ITU-T Y.3172 and Y.3176; the work should continue under a single Recommendation."],
                ),
            ],
            app: App::Word,
            layout: Layout::Standard,
            wording: Wording::Current,
            notes: &["conflict: both boxes ticked for Y.2245"],
        },
        Reply {
            file: "Circ117 reponse Maroc.docx",
            lang: Lang::Fr,
            state: ("Morocco", "MAR"),
            sender: Sender {
                name: "M. Youssef El Amrani",
                title: "Chef de la Division de la normalisation",
                lines: &[
                    "Agence Nationale de Réglementation des Télécommunications",
                    "Centre d'affaires, Boulevard Ar-Ryad, Hay Riad",
                    "BP 2939, 10100 Rabat",
                    "Royaume du Maroc",
                ],
                fax: "+212 537 71 80 00",
                email: "normalisation@anrt.ma",
            },
            date: (2026, 2, 12),
            date_written: "12 février 2026, Rabat",
            boxes: BoxMark::Legacy {
                on: LegacyOn::ValTrue,
                off: LegacyOff::Default0,
            },
            options: OptionMark::Glyph("X"),
            answers: vec![
                auth(),
                not_auth(
                    AfterTable,
                    &[
                        "Les exigences de sécurité relatives à l'isolation des tranches de réseau ne tiennent pas compte des réseaux partagés entre plusieurs opérateurs.",
                        "Nous proposons d'ajouter une clause sur la gestion des clés entre domaines avant l'approbation.",
                    ],
                )
                .heading("Motifs concernant Y.3115 (Y.NetSlice-sec) :"),
                auth_with(
                    AfterTable,
                    &["Please clarify whether the home management server in Figure 1 may be operated by a third party. The list of abbreviations should include HMS."],
                )
                .heading("Commentaires sur Y.2245 (Y.IoT-hms) :"),
                auth(),
                auth(),
            ],
            app: App::Word,
            layout: Layout::Standard,
            wording: Wording::Current,
            notes: &[
                "From block names the country in French only (Royaume du Maroc)",
                "English comments in a French form",
            ],
        },
        Reply {
            file: "回复117号通函_中国.docx",
            lang: Lang::Zh,
            state: ("China", "CHN"),
            sender: Sender {
                name: "李明华",
                title: "国际合作司处长",
                lines: &[
                    "工业和信息化部",
                    "北京市西长安街13号",
                    "邮编 100804",
                    "中华人民共和国",
                ],
                fax: "+86 10 6820 5000",
                email: "itu-t-sg13@miit.gov.cn",
            },
            date: (2026, 2, 12),
            date_written: "2026年2月12日 北京",
            boxes: BoxMark::Legacy {
                on: LegacyOn::Val1,
                off: LegacyOff::Default0,
            },
            options: OptionMark::Glyph("●"),
            answers: vec![
                auth(),
                auth(),
                auth_with(
                    AfterTable,
                    &["建议在第6.2节中明确家庭管理服务器与物联网网关之间的接口要求。"],
                )
                .heading("关于Y.2245的意见："),
                auth(),
                not_auth(
                    SamePara,
                    &["该草案中的虚拟网络服务用例与Y.3172修订版存在重叠，建议合并后再提交批准。"],
                ),
            ],
            app: App::Word,
            layout: Layout::Standard,
            wording: Wording::Current,
            notes: &["From block names the country in Chinese only (中华人民共和国)"],
        },
        Reply {
            file: "Kenya_reply_circ117.docx",
            lang: Lang::En,
            state: ("Kenya", "KEN"),
            sender: KENYA,
            date: (2026, 2, 12),
            date_written: "12/02/2026, Nairobi",
            boxes: BoxMark::Symbol {
                font: "Wingdings",
                on: 0xF0FE,
                off: 0xF0A8,
            },
            options: OptionMark::Glyph("X"),
            answers: vec![
                not_auth(
                    SamePara,
                    &["The draft does not address autonomous networks operated by small and rural operators. An appendix with a simplified deployment scenario would facilitate approval."],
                )
                .prefix(" Reasons: "),
                auth(),
                auth_with(
                    CellPara,
                    &["Clause 8.1: 'shall' should read 'is required to', in line with the Author's guide for drafting ITU-T Recommendations."],
                ),
                unanswered(),
                auth(),
            ],
            app: App::Word,
            layout: Layout::Standard,
            wording: Wording::Current,
            notes: &["Y.3172 left unanswered (no_reply)", "numeric day-first date"],
        },
        Reply {
            file: "Germany_Circ117_reply.docx",
            lang: Lang::En,
            state: ("Germany", "DEU"),
            sender: Sender {
                name: "Dr. Matthias Keller",
                title: "Head of Unit, International Standardization in ICT",
                lines: &[
                    "Federal Ministry for Digital and State Modernisation",
                    "Invalidenstraße 44",
                    "10115 Berlin",
                    "Germany",
                ],
                fax: "+49 30 18 300 0000",
                email: "itu-standards@bmds.bund.de",
            },
            date: (2026, 2, 9),
            date_written: "9 February 2026, Berlin",
            boxes: BoxMark::Legacy {
                on: LegacyOn::DefaultOnly,
                off: LegacyOff::Default0,
            },
            options: OptionMark::Glyph("●"),
            answers: vec![
                auth_with(
                    AfterTable,
                    &["Clause 9 should describe how intent-based policies are validated before they are deployed in the network."],
                )
                .heading("Comments on Y.3061 (Y.AN-arch):"),
                auth_opts(Opts::Neither),
                auth(),
                auth(),
                unanswered(),
            ],
            app: App::Word,
            layout: Layout::Standard,
            wording: Wording::Current,
            notes: &[
                "Y.3115 authorized with neither option (unspecified)",
                "Y.ML-IMT2020-VNS left unanswered (no_reply)",
            ],
        },
        Reply {
            file: "Reponse_Senegal_Circ117.docx",
            lang: Lang::Fr,
            state: ("Senegal", "SEN"),
            sender: Sender {
                name: "Mme Aminata Diop",
                title: "Directrice des Télécommunications",
                lines: &[
                    "Ministère de la Communication, des Télécommunications et du Numérique",
                    "Building administratif Mamadou Dia",
                    "Dakar",
                    "Sénégal",
                ],
                fax: "+221 33 849 00 10",
                email: "dt@numerique.gouv.sn",
            },
            date: (2026, 2, 10),
            date_written: "10 février 2026, Dakar",
            boxes: BoxMark::Glyph {
                on: "☒",
                off: "☐",
            },
            options: OptionMark::BoxGlyph,
            answers: vec![
                auth_opts(Opts::Both),
                auth(),
                not_auth(
                    SamePara,
                    &["Les exigences relatives à la protection des données des utilisateurs domestiques sont insuffisantes."],
                ),
                not_auth(
                    CellPara,
                    &["The revised text removes the requirements for the ML sandbox without justification. Clause 10 of the 2019 edition should be kept."],
                ),
                auth(),
            ],
            app: App::Word,
            layout: Layout::Standard,
            wording: Wording::Current,
            notes: &[
                "Y.3061 authorized with both options (unspecified)",
                "English reasons in a French form",
            ],
        },
        Reply {
            file: "India_Circ117_reply.docx",
            lang: Lang::En,
            state: ("India", "IND"),
            sender: INDIA,
            date: (2026, 2, 5),
            date_written: "05/02/2026, New Delhi",
            boxes: BoxMark::Legacy {
                on: LegacyOn::Val1,
                off: LegacyOff::Default0,
            },
            options: OptionMark::Glyph("●"),
            answers: vec![
                auth(),
                not_auth(
                    AfterTable,
                    &["The draft was not sufficiently discussed at the last meeting of Study Group 13 and the security threats in clause 6 are not mapped to requirements."],
                )
                .heading("Reasons for not authorizing Y.3115:"),
                auth(),
                auth(),
                auth(),
            ],
            app: App::Word,
            layout: Layout::Standard,
            wording: Wording::Current,
            notes: &["first of two replies from India: superseded by the corrected reply"],
        },
        Reply {
            file: "India_Circ117_reply_rev1.docx",
            lang: Lang::En,
            state: ("India", "IND"),
            sender: INDIA,
            date: (2026, 2, 20),
            date_written: "20 February 2026, New Delhi",
            boxes: BoxMark::Legacy {
                on: LegacyOn::Val1,
                off: LegacyOff::Default0,
            },
            options: OptionMark::Glyph("●"),
            answers: vec![
                auth(),
                auth_with(
                    AfterTable,
                    &["Following discussion with the editors, India supports the draft provided that clause 7.4 on slice-specific authentication is made normative."],
                )
                .heading("Comments on Y.3115 (Y.NetSlice-sec):"),
                auth(),
                auth(),
                auth(),
            ],
            app: App::Word,
            layout: Layout::Standard,
            wording: Wording::Current,
            notes: &["corrected reply from India, later date: the one that stands"],
        },
        Reply {
            file: "France_reponse_circulaire117.docx",
            lang: Lang::Fr,
            state: ("France", "FRA"),
            sender: Sender {
                name: "Mme Sophie Marchand",
                title: "Cheffe du bureau de la normalisation internationale",
                lines: &[
                    "Direction générale des Entreprises",
                    "61 boulevard Vincent Auriol",
                    "75013 Paris",
                    "France",
                ],
                fax: "+33 1 53 44 90 00",
                email: "normalisation-uit@finances.gouv.fr",
            },
            date: (2026, 2, 13),
            date_written: "13 février 2026, Paris",
            boxes: BoxMark::Legacy {
                on: LegacyOn::Bare,
                off: LegacyOff::Default1Checked0,
            },
            options: OptionMark::Glyph("X"),
            answers: vec![
                auth(),
                auth_with(
                    AfterTable,
                    &["La figure 3 devrait distinguer le gestionnaire de sécurité de tranche de l'orchestrateur."],
                )
                .heading("Commentaires sur Y.3115 (Y.NetSlice-sec) :"),
                auth(),
                auth(),
                not_auth(
                    CellPara,
                    &["Le projet n'a pas encore de numéro définitif et son champ d'application doit être précisé."],
                ),
            ],
            app: App::Word,
            layout: Layout::Standard,
            wording: Wording::Current,
            notes: &["unticked boxes default on but explicitly off: must read as unticked"],
        },
        Reply {
            file: "Singapore_TSB-Circ117_zh.docx",
            lang: Lang::Zh,
            state: ("Singapore", "SGP"),
            sender: Sender {
                name: "陈伟强",
                title: "国际事务司副司长",
                lines: &[
                    "资讯通信媒体发展局",
                    "10 Pasir Panjang Road, #03-01 Mapletree Business City",
                    "Singapore 117438",
                    "新加坡",
                ],
                fax: "+65 6211 0888",
                email: "itu_standards@imda.gov.sg",
            },
            date: (2026, 2, 11),
            date_written: "2026年2月11日 新加坡",
            boxes: BoxMark::ContentControl,
            options: OptionMark::ContentControl,
            answers: vec![
                auth_with(SamePara, &[]),
                auth(),
                auth(),
                not_auth(
                    SamePara,
                    &["The revised architecture conflicts with ITU-T Y.3176 on the integration of ML marketplaces."],
                )
                .prefix(" Reasons: "),
                auth(),
            ],
            app: App::Word,
            layout: Layout::Standard,
            wording: Wording::Current,
            notes: &[
                "English reasons in a Chinese form",
                "comments attached but not in the file (text empty)",
            ],
        },
        Reply {
            file: "Australia_Circ117.docx",
            lang: Lang::En,
            state: ("Australia", "AUS"),
            sender: Sender {
                name: "Ms Olivia Bennett",
                title: "Assistant Director, International Standards",
                lines: &[
                    "Department of Infrastructure, Transport, Regional Development, Communications, Sport and the Arts",
                    "GPO Box 594",
                    "Canberra ACT 2601",
                    "Australia",
                ],
                fax: "+61 2 6271 1000",
                email: "itu.standards@infrastructure.gov.au",
            },
            date: (2026, 2, 11),
            date_written: "11 February 2026, Canberra",
            boxes: BoxMark::Symbol {
                font: "Wingdings 2",
                on: 0xF052,
                off: 0xF0A3,
            },
            options: OptionMark::BoxGlyph,
            answers: vec![
                auth(),
                auth(),
                not_auth(
                    TextBox,
                    &[
                        "The security considerations in clause 11 are incomplete: no requirements are given for software updates of home devices.",
                        "A revised draft should be circulated before the next Study Group 13 meeting.",
                    ],
                )
                .heading("Reasons for not authorizing Y.2245 (Y.IoT-hms):"),
                auth_opts(Opts::Neither),
                auth(),
            ],
            app: App::Word,
            layout: Layout::Standard,
            wording: Wording::Current,
            notes: &["Y.3172 authorized with neither option (unspecified)"],
        },
        Reply {
            file: "Reply_Circ117_Canada.docx",
            lang: Lang::En,
            state: ("Canada", "CAN"),
            sender: Sender {
                name: "Mr. Daniel Tremblay",
                title: "Director, International Telecommunications Standards",
                lines: &[
                    "Innovation, Science and Economic Development Canada",
                    "235 Queen Street",
                    "Ottawa, Ontario K1A 0H5",
                    "Canada",
                ],
                fax: "+1 613 952 1203",
                email: "itu-t.standards@ised-isde.gc.ca",
            },
            date: (2026, 2, 16),
            date_written: "February 16, 2026, Ottawa",
            boxes: BoxMark::Symbol {
                font: "Wingdings",
                on: 0xF0FD,
                off: 0xF0A8,
            },
            options: OptionMark::Glyph("X"),
            answers: vec![
                auth(),
                not_auth(CellPara, &[])
                    .segs(vec![vec![
                        Seg::Ins("Clause 8 does not cover network slices that span several administrative domains"),
                        Seg::Del(" and should be deleted"),
                        Seg::Ins("; a new clause on inter-domain trust is needed"),
                        Seg::Ins("."),
                    ]])
                    .was(Pick::Authorize, Opts::NoComments),
                auth(),
                auth(),
                auth(),
            ],
            app: App::Word,
            layout: Layout::Standard,
            wording: Wording::Current,
            notes: &[
                "tracked changes: Y.3115 changed from authorize/no comments to does not authorize (old symbols inside w:del, new ones inside w:ins), reasons inserted with a deleted phrase",
            ],
        },
        Reply {
            file: "Tunisie_Circ117.docx",
            lang: Lang::Fr,
            state: ("Tunisia", "TUN"),
            sender: Sender {
                name: "M. Karim Ben Salah",
                title: "Directeur de la normalisation",
                lines: &[
                    "Instance Nationale des Télécommunications",
                    "Immeuble Les Jardins du Lac, Rue du Lac Windermere",
                    "1053 Les Berges du Lac, Tunis",
                    "Tunisie",
                ],
                fax: "+216 71 861 000",
                email: "normalisation@intt.tn",
            },
            date: (2026, 2, 11),
            date_written: "11/02/2026, Tunis",
            boxes: BoxMark::Symbol {
                font: "Wingdings 2",
                on: 0xF054,
                off: 0xF0A3,
            },
            options: OptionMark::Glyph("●"),
            answers: vec![
                not_auth(
                    NewRow(RowSpan::UnderName),
                    &["Le projet devrait tenir compte des résultats du groupe spécialisé FG-AN et de la Recommandation UIT-T Y.3060."],
                )
                .prefix("Motifs : "),
                auth(),
                auth(),
                auth(),
                not_auth(
                    AfterTable,
                    &[
                        "Le projet n'a pas de numéro et son champ d'application n'est pas stabilisé.",
                        "We also support the comments made by other administrations on the overlap with ITU-T Y.3172.",
                    ],
                ),
            ],
            app: App::Word,
            layout: Layout::Standard,
            wording: Wording::Current,
            notes: &["Y.ML-IMT2020-VNS: a French and an English paragraph under one heading"],
        },
        Reply {
            file: "Korea_Circ117_reply.docx",
            lang: Lang::En,
            state: ("Korea (Rep. of)", "KOR"),
            sender: Sender {
                name: "Dr. Min-jun Park",
                title: "Deputy Director, ICT Standards Division",
                lines: &[
                    "Ministry of Science and ICT",
                    "477 Galmae-ro",
                    "Sejong 30109",
                    "Republic of Korea",
                ],
                fax: "+82 44 202 6000",
                email: "itu-t@msit.go.kr",
            },
            date: (2026, 2, 13),
            date_written: "13 February 2026, Sejong",
            boxes: BoxMark::TypedOverLegacy { on: "X" },
            options: OptionMark::Glyph("X"),
            answers: vec![
                auth(),
                auth(),
                not_auth(
                    AfterTable,
                    &["The draft does not specify how the home management server authenticates devices from different vendors."],
                )
                .heading("Reasons concerning Y.2245:"),
                auth_with(
                    CellPara,
                    &["Clause 9.2: we propose to add a use case for ML-based traffic prediction in mobile backhaul networks."],
                ),
                auth(),
            ],
            app: App::Word,
            layout: Layout::Standard,
            wording: Wording::Current,
            notes: &[],
        },
        Reply {
            file: "UK_reply_TSB-Circ117.docx",
            lang: Lang::En,
            state: ("United Kingdom", "GBR"),
            sender: Sender {
                name: "Mr. James Whitfield",
                title: "Head of International Telecommunications Standards",
                lines: &[
                    "Department for Science, Innovation and Technology",
                    "22-26 Whitehall",
                    "London SW1A 2EG",
                    "United Kingdom",
                ],
                fax: "+44 20 7215 5000",
                email: "itu-standards@dsit.gov.uk",
            },
            date: (2026, 3, 17),
            date_written: "17 March 2026, London",
            boxes: BoxMark::ContentControl,
            options: OptionMark::ContentControl,
            answers: vec![
                auth(),
                auth(),
                auth(),
                auth(),
                not_auth(
                    SamePara,
                    &["A provisional name alone is not sufficient for approval, and the scope overlaps with ITU-T Y.3172."],
                )
                .prefix(" Reasons: "),
            ],
            app: App::Word,
            layout: Layout::Standard,
            wording: Wording::Current,
            notes: &["dated after the due date 2026-03-15 (late with --deadline)"],
        },
        Reply {
            file: "Suisse_Circ117.docx",
            lang: Lang::Fr,
            state: ("Switzerland", "CHE"),
            sender: Sender {
                name: "M. Laurent Favre",
                title: "Chef de section, Normalisation internationale",
                lines: &[
                    "Office fédéral de la communication (OFCOM)",
                    "Rue de l'Avenir 44",
                    "2501 Bienne",
                    "Suisse",
                ],
                fax: "+41 58 460 55 55",
                email: "itu-t@bakom.admin.ch",
            },
            date: (2026, 2, 6),
            date_written: "06/02/2026, Bienne",
            boxes: BoxMark::Legacy {
                on: LegacyOn::Val1,
                off: LegacyOff::Nothing,
            },
            options: OptionMark::Glyph("X"),
            answers: vec![
                auth(),
                auth(),
                auth_with(SamePara, &[]),
                auth(),
                auth(),
            ],
            app: App::LibreOffice,
            layout: Layout::Standard,
            wording: Wording::Current,
            notes: &["saved by LibreOffice", "comments attached but not in the file (text empty)"],
        },
    ]
}

/// Kenya's delegate, who answers TSB Circulars 117 and 205.
pub const KENYA: Sender = Sender {
    name: "Eng. Grace Wanjiru Mwangi",
    title: "Manager, Standards and Numbering",
    lines: &[
        "Communications Authority of Kenya",
        "CA Centre, Waiyaki Way",
        "P.O. Box 14448, Nairobi 00800",
        "Kenya",
    ],
    fax: "+254 20 4242 000",
    email: "standards@ca.go.ke",
};

const INDIA: Sender = Sender {
    name: "Shri Rajesh Kumar Sharma",
    title: "Deputy Director General (Standardization)",
    lines: &[
        "Telecommunication Engineering Centre, Department of Telecommunications",
        "Khurshid Lal Bhawan, Janpath",
        "New Delhi 110001",
        "India",
    ],
    fax: "+91 11 2331 8000",
    email: "ddg.std-tec@gov.in",
};
