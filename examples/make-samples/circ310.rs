//! TSB Circular 310 (Study Group 16, F- and H-series): a third consultation, written as an
//! adversary of the reader. Its replies use layouts the other two sets do not: headers as plain
//! paragraphs or with label and value in one cell, the email or the date only in the signature;
//! the box in its own paragraph above the label, to the right of it or at the end of it; the
//! options in rows of their own; a fourth "Comments" column; a matrix form (one row per draft,
//! *Authorizes* / *Does not authorize* columns); the draft's name below its lines; names printed
//! with the Recommendation's title; ✓ ✔ ✗ ☑ ■ x (X) [x] marks, Wingdings 2 ticks as `w:sym` and as
//! a "P" typed in the symbol font, legacy boxes whose result shows a glyph too, content controls
//! whose glyph disagrees with their state; reasons as a bullet list, under a bold heading with no
//! colon, under one heading for two drafts, after a prefix in another language; a draft
//! Amendment; Eastern Arabic digits and Chinese numerals in dates; replies from a Sector Member
//! and an observer.
//!
//! Written to `tests/fixtures/circ310/`, the expected readings to
//! `tests/fixtures/circ310_expected.json` (the schema of `circ205_expected.json`, with
//! `member_state` `null` where the reply is not from a Member State).
//!
//! Unlike TSB Circulars 117 and 205 this set does not go through `form.rs`: its layouts are not
//! variations of the TSB table, so the document is built here from `ooxml` pieces, and the
//! expected readings are derived from the same `Reply` specs that write the files.

use std::error::Error;
use std::path::{Path, PathBuf};

use replytally::record::{Comments, Decision, Evidence};

use crate::expected::{assemble, About, DraftRef, Expected, ExpectedAnswer, Filed, SenderRef};
use crate::form::{self, join_list, Letter};
use crate::generate::{self, Saved, SetWriter};
use crate::ooxml::{self, cell, esc, row, table_ex, Meta, RPr, Rev, Rng, Writer};
use crate::spec::{App, Lang, Opts, Pick, Sender, SpecError};

pub const NUMBER: u32 = 310;
pub const STUDY_GROUP: u32 = 16;
/// The consultation's due date.
pub const DEADLINE: &str = "2026-03-20";
pub const FORM_FILE: &str = "form/blank_circ310_en.docx";
pub const DEFAULT_DIR: &str = "tests/fixtures/circ310";
pub const DEFAULT_EXPECTED: &str = "tests/fixtures/circ310_expected.json";
const DESCRIPTION: &str = "Replies to TSB Circular 310 (Study Group 16), made by examples/make-samples.rs (make-samples/circ310.rs); sources are relative to tests/fixtures/circ310/";

// ------------------------------------------------------------------------------------ drafts

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Kind {
    New,
    Revised,
    /// Amendment `n` to the Recommendation `base`.
    Amendment(u8, &'static str),
}

/// A draft under consultation: `id` as `records.json` gives it.
struct Draft {
    id: &'static str,
    paren: Option<&'static str>,
    kind: Kind,
    /// The Recommendation's title in English, French, Arabic and Chinese (the languages whose
    /// replies print it; others fall back to English).
    title: [&'static str; 4],
}

impl Draft {
    /// "F.748.20 (F.VM-AIGC)", "H.264.2", "H.265.2" (an amendment prints its base number).
    fn printed_ref(&self) -> String {
        let num = match self.kind {
            Kind::Amendment(_, base) => base,
            _ => self.id,
        };
        match self.paren {
            Some(p) => format!("{num} ({p})"),
            None => num.to_string(),
        }
    }

    fn title(&self, lang: Lang) -> &'static str {
        let [en, fr, ar, zh] = self.title;
        match lang {
            Lang::Fr => fr,
            Lang::Ar => ar,
            Lang::Zh => zh,
            _ => en,
        }
    }
}

const DRAFTS: [Draft; 6] = [
    Draft {
        id: "F.748.20",
        paren: Some("F.VM-AIGC"),
        kind: Kind::New,
        title: [
            "Requirements for AI-generated content in video multimedia services",
            "Exigences relatives aux contenus générés par l'IA dans les services multimédias vidéo",
            "متطلبات المحتوى المولَّد بالذكاء الاصطناعي في خدمات الوسائط المتعددة الفيديوية",
            "视频多媒体业务中人工智能生成内容的要求",
        ],
    },
    Draft {
        id: "H.264.2",
        paren: None,
        kind: Kind::Revised,
        // The real title names another Recommendation (H.264): a trap for number extraction.
        title: [
            "Reference software for ITU-T H.264 advanced video coding",
            "Logiciel de référence pour le codage vidéo évolué UIT-T H.264",
            "البرمجيات المرجعية للتشفير الفيديوي المتقدم وفق التوصية ITU-T H.264",
            "ITU-T H.264高级视频编码参考软件",
        ],
    },
    Draft {
        id: "H.265.2 Amd.1",
        paren: None,
        kind: Kind::Amendment(1, "H.265.2"),
        title: [
            "Reference software for ITU-T H.265 high efficiency video coding",
            "Logiciel de référence pour le codage vidéo à haute efficacité UIT-T H.265",
            "البرمجيات المرجعية للتشفير الفيديوي عالي الكفاءة وفق التوصية ITU-T H.265",
            "ITU-T H.265高效视频编码参考软件",
        ],
    },
    Draft {
        id: "H.430.8",
        paren: Some("H.IVS-arch"),
        kind: Kind::New,
        title: [
            "Architecture of immersive live experience systems for volumetric video streaming",
            "Architecture des systèmes d'expérience immersive en direct pour la diffusion de vidéo volumétrique",
            "معمارية أنظمة التجربة الحية الغامرة لبث الفيديو الحجمي",
            "面向体积视频流的沉浸式实况体验系统架构",
        ],
    },
    Draft {
        id: "F.780.4",
        paren: Some("F.DLT-Fin"),
        kind: Kind::New,
        title: [
            "Requirements for distributed ledger-based financial services",
            "Exigences relatives aux services financiers fondés sur les registres distribués",
            "متطلبات الخدمات المالية القائمة على دفاتر الأستاذ الموزعة",
            "基于分布式账本的金融服务要求",
        ],
    },
    Draft {
        id: "H.VG-MMS",
        paren: None,
        kind: Kind::New,
        title: [
            "Requirements for in-vehicle multimedia services",
            "Exigences relatives aux services multimédias embarqués dans les véhicules",
            "متطلبات خدمات الوسائط المتعددة داخل المركبات",
            "车载多媒体业务要求",
        ],
    },
];

/// How the draft's name is printed in the table.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Names {
    /// "Draft new Recommendation ITU-T F.748.20 (F.VM-AIGC)", "Draft Amendment 1 to …"
    Full,
    /// "ITU-T F.748.20 (F.VM-AIGC): Requirements for …" — the series title in the same cell
    WithTitle,
}

fn full_name(lang: Lang, d: &Draft) -> String {
    let r = d.printed_ref();
    match (lang, d.kind) {
        (Lang::En, Kind::New) => format!("Draft new Recommendation ITU-T {r}"),
        (Lang::En, Kind::Revised) => format!("Draft revised Recommendation ITU-T {r}"),
        (Lang::En, Kind::Amendment(n, _)) => {
            format!("Draft Amendment {n} to Recommendation ITU-T {r}")
        }
        (Lang::Fr, Kind::New) => format!("Projet de nouvelle Recommandation UIT-T {r}"),
        (Lang::Fr, Kind::Revised) => format!("Projet de Recommandation révisée UIT-T {r}"),
        (Lang::Fr, Kind::Amendment(n, _)) => {
            format!("Projet d'Amendement {n} à la Recommandation UIT-T {r}")
        }
        (Lang::Es, Kind::New) => format!("Proyecto de nueva Recomendación UIT-T {r}"),
        (Lang::Es, Kind::Revised) => format!("Proyecto de Recomendación UIT-T {r} revisada"),
        (Lang::Es, Kind::Amendment(n, _)) => {
            format!("Proyecto de Enmienda {n} a la Recomendación UIT-T {r}")
        }
        (Lang::Ru, Kind::New) => format!("Проект новой Рекомендации МСЭ-Т {r}"),
        (Lang::Ru, Kind::Revised) => format!("Проект пересмотренной Рекомендации МСЭ-Т {r}"),
        (Lang::Ru, Kind::Amendment(n, _)) => {
            format!("Проект Поправки {n} к Рекомендации МСЭ-Т {r}")
        }
        (Lang::Ar, Kind::New) => format!("مشروع التوصية الجديدة ITU-T {r}"),
        (Lang::Ar, Kind::Revised) => format!("مشروع التوصية المراجَعة ITU-T {r}"),
        (Lang::Ar, Kind::Amendment(n, _)) => format!("مشروع التعديل {n} للتوصية ITU-T {r}"),
        (Lang::Zh, Kind::New) => format!("ITU-T {r}新建议书草案"),
        (Lang::Zh, Kind::Revised) => format!("ITU-T {r}修订建议书草案"),
        (Lang::Zh, Kind::Amendment(n, _)) => format!("ITU-T {r}建议书修正案{n}草案"),
    }
}

fn titled_name(lang: Lang, d: &Draft) -> String {
    let r = d.printed_ref();
    let t = d.title(lang);
    match (lang, d.kind) {
        (Lang::Fr, Kind::Amendment(n, _)) => format!("Amendement {n} à UIT-T {r} : {t}"),
        (Lang::Fr, _) => format!("UIT-T {r} : {t}"),
        (Lang::Ar, Kind::Amendment(n, _)) => format!("التعديل {n} للتوصية ITU-T {r}: {t}"),
        (Lang::Zh, Kind::Amendment(n, _)) => format!("ITU-T {r}修正案{n}：{t}"),
        (Lang::Zh, _) => format!("ITU-T {r}：{t}"),
        (_, Kind::Amendment(n, _)) => format!("Amendment {n} to ITU-T {r}: {t}"),
        _ => format!("ITU-T {r}: {t}"),
    }
}

fn draft_name(lang: Lang, d: &Draft, names: Names) -> String {
    match names {
        Names::Full => full_name(lang, d),
        Names::WithTitle => titled_name(lang, d),
    }
}

// ------------------------------------------------------------------------------------ wording

/// The form's fixed wording in one language: the letter every edition of the form shares
/// (the current template's), with this circular's subject, column heads and list separator.
struct Words {
    letter: Letter,
    /// The letter's subject followed by the consultation on the drafts.
    subject: String,
    /// Column heads of a matrix form: draft, authorizes, does not authorize, comments.
    matrix: [&'static str; 4],
    /// Column heads of the table with a comments column: draft, (box), position, comments.
    columns: [&'static str; 3],
    /// Separator between the parts of a one-line From.
    list_sep: &'static str,
}

fn words(lang: Lang) -> Words {
    let refs: Vec<String> = DRAFTS
        .iter()
        .map(|d| match d.paren {
            Some(p) => format!("{} ({p})", d.id),
            None => d.id.to_string(),
        })
        .collect();
    let list = join_list(lang, &refs);
    let (consultation, matrix, columns, list_sep) = match lang {
        Lang::En => (
            format!(" Consultation on determined draft new and revised ITU-T Recommendations and draft Amendments {list}"),
            ["Draft", "Authorizes", "Does not authorize", "Comments / reasons"],
            ["Draft", "Position", "Comments"],
            ", ",
        ),
        Lang::Fr => (
            format!(" Consultation sur les projets déterminés de nouvelles Recommandations, de Recommandations révisées et d'Amendements UIT-T {list}"),
            ["Projet", "Autorise", "N'autorise pas", "Commentaires / motifs"],
            ["Projet", "Position", "Commentaires"],
            ", ",
        ),
        Lang::Es => (
            format!(" Consulta sobre los proyectos determinados de Recomendaciones UIT-T nuevas y revisadas y de Enmiendas {list}"),
            ["Proyecto", "Autoriza", "No autoriza", "Comentarios / motivos"],
            ["Proyecto", "Posición", "Observaciones"],
            ", ",
        ),
        Lang::Ru => (
            format!(" Консультации по определенным проектам новых и пересмотренных Рекомендаций и Поправок МСЭ-Т {list}"),
            ["Проект", "Уполномочивает", "Не уполномочивает", "Замечания / причины"],
            ["Проект", "Позиция", "Замечания"],
            ", ",
        ),
        Lang::Ar => (
            format!(" مشاورة بشأن مشاريع التوصيات الجديدة والمراجَعة ومشاريع التعديلات المحددة لقطاع تقييس الاتصالات {list}"),
            ["المشروع", "تأذن", "لا تأذن", "التعليقات / الأسباب"],
            ["المشروع", "الموقف", "التعليقات / الأسباب"],
            "، ",
        ),
        Lang::Zh => (
            format!("针对已确定的ITU-T {list}新建议书草案、修订建议书草案和修正案草案进行磋商"),
            ["建议书草案", "授权", "不授权", "意见/理由"],
            ["建议书草案", "立场", "意见"],
            "，",
        ),
    };
    let mut letter = form::letter(lang, NUMBER, STUDY_GROUP);
    if lang == Lang::Fr {
        // This template's French sets a space before the colons of the header's labels.
        letter.to = "À :";
        letter.from = "De :";
        letter.fax = "Télécopie :";
        letter.email = "Courriel :";
        letter.date = "Date :";
    }
    Words {
        subject: format!("{}{consultation}", letter.subject),
        letter,
        matrix,
        columns,
        list_sep,
    }
}

// ------------------------------------------------------------------------------------ the spec

/// One box or option mark as written in the file.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Mark {
    /// A character (or short text such as "(X)") in a font (`None`: the document's default).
    Glyph(&'static str, Option<&'static str>),
    /// `w:sym` in a symbol font with a private-use code.
    Sym(&'static str, u16),
    /// A plain character typed in a run whose font is a symbol font ("P" in Wingdings 2 = tick).
    SymText(&'static str, &'static str),
    /// A legacy FORMCHECKBOX as Word writes it; `shown`: a glyph run in the field's result as
    /// well (one box, not two).
    Legacy {
        on: bool,
        shown: Option<&'static str>,
    },
    /// A legacy FORMCHECKBOX as LibreOffice writes it (`<w:checked/>` or nothing).
    LegacyLo(bool),
    /// A `w14:checkbox` content control: its state, and the glyph it shows.
    W14 { on: bool, glyph: &'static str },
    /// Nothing in the box's place.
    Empty,
}

impl Mark {
    fn evidence(self) -> Evidence {
        match self {
            Mark::Glyph(..) => Evidence::Glyph,
            Mark::Sym(..) | Mark::SymText(..) => Evidence::Symbol,
            Mark::Legacy { .. } | Mark::LegacyLo(_) => Evidence::LegacyCheckbox,
            Mark::W14 { .. } => Evidence::ContentControl,
            Mark::Empty => Evidence::None,
        }
    }

    fn describe(self) -> String {
        match self {
            Mark::Glyph(g, Some(f)) => format!("\"{g}\" ({f})"),
            Mark::Glyph(g, None) => format!("\"{g}\""),
            Mark::Sym(f, c) => format!("w:sym {f} {c:04X}"),
            Mark::SymText(f, t) => format!("\"{t}\" typed in {f}"),
            Mark::Legacy { on, shown } => format!(
                "legacy FORMCHECKBOX {}{}",
                if on {
                    "<w:checked/>"
                } else {
                    "<w:default w:val=\"0\"/>"
                },
                shown.map_or(String::new(), |g| format!(" with {g} in its result"))
            ),
            Mark::LegacyLo(on) => format!(
                "LibreOffice FORMCHECKBOX ({})",
                if on {
                    "<w:checked/>"
                } else {
                    "no w:checked/w:default"
                }
            ),
            Mark::W14 { on, glyph } => format!(
                "w14 content control checked={} showing {glyph}",
                u8::from(on)
            ),
            Mark::Empty => "nothing".to_string(),
        }
    }
}

/// The marks of one reply: decision boxes ticked/empty, options ticked/empty.
#[derive(Clone, Copy, Debug)]
struct Marks {
    on: Mark,
    off: Mark,
    opt_on: Mark,
    opt_off: Mark,
}

/// How the header (To / From / Fax / Email / Date) is written.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Header {
    /// Plain paragraphs: "From: name, title, ministry, address" on one line, "Date: place, date".
    Paras,
    /// A table whose cells hold label and value together ("From: Name", title, address…),
    /// the lines separated by `w:br` (`br`) or as paragraphs.
    SameCell { br: bool },
    /// A two-column table, label | value, one row per field.
    TwoCol,
}

/// Where the email or the date is written.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum At {
    Header,
    /// Only in the signature block (not in the header at all).
    Signature,
    /// In the signature block; the header's field left as the blank form's placeholder.
    SignaturePlaceholder,
}

/// How the answer table is laid out.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Table {
    /// name (merged down) | box | label, two rows per draft.
    Standard,
    /// name | cell holding the box in its own paragraph above the label.
    BoxAbove,
    /// name | label | box: the boxes and option marks in a column to the right, one row per
    /// line (authorizes, each option, does not authorize).
    BoxRight,
    /// name | label with the box typed at the end of the label's paragraph.
    BoxTrailing,
    /// name | box | label, one row per line: authorizes, each option, does not authorize.
    OptionRows,
    /// name | box | label | comments: reasons and comments in a fourth column.
    CommentsCol,
    /// One row per draft: draft | authorizes | does not authorize | comments (no options).
    Matrix,
    /// One cell per draft: its lines (marks first), the draft's name below them.
    NameBelow,
}

impl Table {
    fn describe(self) -> &'static str {
        match self {
            Table::Standard => "table: name cell merged down, box column, label column",
            Table::BoxAbove => "table: the box in its own paragraph above the label, same cell",
            Table::BoxRight => "table: the boxes and option marks in a column to the right of the labels, one row per line",
            Table::BoxTrailing => "table: the box typed at the end of the label's paragraph",
            Table::OptionRows => "table: each option in its own row with its own box cell (4 rows per draft)",
            Table::CommentsCol => "table: a fourth column (comments / reasons) to the right of the labels, with a header row",
            Table::Matrix => "table: matrix form, one row per draft: draft | authorizes | does not authorize | comments; no options",
            Table::NameBelow => "table: one cell per draft, the lines first and the draft's name below them",
        }
    }
}

/// Where an answer's reasons or comments are written.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Place {
    None,
    /// In the comments column of the line's row (`CommentsCol`, `Matrix`).
    Column,
    /// New paragraphs in the line's label cell, the first starting with the typed prefix.
    Cell(Option<&'static str>),
    /// After the table under this bold heading.
    After(&'static str),
    /// After the table under this bold heading, as a bullet list (`w:numPr`).
    Bullets(&'static str),
    /// After the table under one heading naming several drafts; written by the `true` one.
    Joint(&'static str, bool),
}

impl Place {
    fn describe(self) -> String {
        match self {
            Place::None => String::new(),
            Place::Column => "in the comments column of its row".to_string(),
            Place::Cell(None) => "new paragraph in the label's cell".to_string(),
            Place::Cell(Some(p)) => {
                format!("new paragraph in the label's cell after a typed prefix {p:?}")
            }
            Place::After(h) => format!("after the table under the bold heading {h:?}"),
            Place::Bullets(h) => {
                format!("after the table under {h:?}, as a bullet list (w:numPr)")
            }
            Place::Joint(h, _) => format!(
                "after the table under one heading for two drafts {h:?} (the text belongs to both; warn)"
            ),
        }
    }
}

#[derive(Debug)]
struct Answer {
    pick: Pick,
    opts: Opts,
    text: &'static [&'static str],
    place: Place,
    /// The reader must warn for a reason the marks do not show.
    warn: bool,
    /// The two decision boxes exactly as written, instead of the reply's marks.
    boxes: Option<[Mark; 2]>,
}

fn answer(pick: Pick, opts: Opts) -> Answer {
    Answer {
        pick,
        opts,
        text: &[],
        place: Place::None,
        warn: false,
        boxes: None,
    }
}
/// Authorizes, no comments (in a matrix form: authorizes, nothing in the comments column).
fn auth() -> Answer {
    answer(Pick::Authorize, Opts::NoComments)
}
/// Authorizes with comments at `place`.
fn auth_with(place: Place, text: &'static [&'static str]) -> Answer {
    Answer {
        text,
        place,
        ..answer(Pick::Authorize, Opts::WithComments)
    }
}
/// Does not authorize, reasons at `place`.
fn not_auth(place: Place, text: &'static [&'static str]) -> Answer {
    Answer {
        text,
        place,
        ..answer(Pick::NotAuthorize, Opts::Neither)
    }
}
/// A matrix row: the box marked, `text` in the comments column (may be empty).
fn row_auth(text: &'static [&'static str]) -> Answer {
    Answer {
        text,
        place: if text.is_empty() {
            Place::None
        } else {
            Place::Column
        },
        ..answer(Pick::Authorize, Opts::Neither)
    }
}

impl Answer {
    fn boxes(mut self, b: [Mark; 2]) -> Answer {
        self.boxes = Some(b);
        self
    }
    fn opts(mut self, o: Opts) -> Answer {
        self.opts = o;
        self
    }

    fn decision(&self) -> Decision {
        match self.pick {
            Pick::Authorize => Decision::Authorize,
            Pick::NotAuthorize => Decision::NotAuthorize,
            Pick::Both => Decision::Conflict,
            Pick::Neither if self.opts != Opts::Neither => Decision::Authorize,
            Pick::Neither => Decision::NoReply,
        }
    }

    /// A matrix form has no options: comments are `with_comments` when its comments column
    /// holds text, else `unspecified` (nothing says "no comments"; warned).
    fn comments(&self, matrix: bool) -> Option<Comments> {
        if self.decision() != Decision::Authorize {
            return None;
        }
        if matrix {
            return Some(if self.text.is_empty() {
                Comments::Unspecified
            } else {
                Comments::WithComments
            });
        }
        Some(match self.opts {
            Opts::NoComments => Comments::NoComments,
            Opts::WithComments => Comments::WithComments,
            _ => Comments::Unspecified,
        })
    }

    fn text_kept(&self, matrix: bool) -> bool {
        self.decision() == Decision::NotAuthorize
            || self.comments(matrix) == Some(Comments::WithComments)
    }

    fn must_warn(&self, matrix: bool) -> bool {
        let d = self.decision();
        self.warn
            || matches!(self.place, Place::Joint(..))
            || (self.pick == Pick::Neither && d == Decision::Authorize)
            || (d == Decision::NotAuthorize && self.opts != Opts::Neither)
            || d == Decision::Conflict
            || d == Decision::NoReply
            || self.comments(matrix) == Some(Comments::Unspecified)
            || (self.text_kept(matrix) && self.text.is_empty())
    }
}

struct Reply {
    file: &'static str,
    lang: Lang,
    /// ITU short name and ISO3; `None` for a reply that is not from a Member State.
    state: Option<(&'static str, &'static str)>,
    sender: Sender,
    date: (u16, u8, u8),
    /// The date as written, with its place (in the header's Date field or the signature).
    date_written: &'static str,
    header: Header,
    email_at: At,
    date_at: At,
    /// Typed before the email address when it is in the signature ("" = the address alone).
    sig_email_label: &'static str,
    table: Table,
    names: Names,
    marks: Marks,
    answers: Vec<Answer>,
    app: App,
    notes: &'static [&'static str],
}

impl Reply {
    fn matrix(&self) -> bool {
        self.table == Table::Matrix
    }
}

// ------------------------------------------------------------------------------------ marks

const BOX_ON: &str = "☒";
const BOX_OFF: &str = "☐";
const GOTHIC: Option<&str> = Some("MS Gothic");
const SEGOE: Option<&str> = Some("Segoe UI Symbol");

fn glyphs(on: &'static str, on_font: Option<&'static str>) -> Marks {
    Marks {
        on: Mark::Glyph(on, on_font),
        off: Mark::Glyph(BOX_OFF, GOTHIC),
        opt_on: Mark::Glyph(on, on_font),
        opt_off: Mark::Glyph("○", None),
    }
}

fn same(on: Mark, off: Mark) -> Marks {
    Marks {
        on,
        off,
        opt_on: on,
        opt_off: off,
    }
}

// ------------------------------------------------------------------------------------ replies

/// Every reply to TSB Circular 310.
fn replies() -> Vec<Reply> {
    vec![
        // ------------------------------------------------------------------ English
        Reply {
            file: "Philippines_Reply_TSB-Circ310.docx",
            lang: Lang::En,
            state: Some(("Philippines", "PHL")),
            sender: Sender {
                name: "Engr. Maria Lourdes Santos",
                title: "Director for International Affairs",
                lines: &[
                    "Department of Information and Communications Technology",
                    "C.P. Garcia Avenue, Diliman",
                    "Quezon City 1101",
                    "Philippines",
                ],
                fax: "",
                email: "intl.affairs@dict.gov.ph",
            },
            date: (2026, 3, 3),
            date_written: "Quezon City, March 3, 2026",
            header: Header::Paras,
            email_at: At::Header,
            date_at: At::Header,
            sig_email_label: "",
            table: Table::BoxRight,
            names: Names::WithTitle,
            marks: glyphs("✓", SEGOE),
            answers: vec![
                auth(),
                auth(),
                auth(),
                not_auth(
                    Place::Cell(None),
                    &[
                        "The architecture overlaps with ITU-T H.430.3 and does not say which functional entities are new.",
                        "We propose that the draft be aligned with H.430.3 before it is considered for approval.",
                    ],
                ),
                auth_with(
                    Place::After("Comments on F.780.4 (F.DLT-Fin):"),
                    &["Clause 7 should refer to ITU-T X.1400 for the terminology of distributed ledger technology."],
                ),
                auth(),
            ],
            app: App::Word,
            notes: &[
                "US date \"March 3, 2026\" after the place",
                "names printed with the title; H.264.2's title names ITU-T H.264, H.265.2's names H.265",
            ],
        },
        Reply {
            file: "Zimbabwe_reply_Circ310.docx",
            lang: Lang::En,
            state: Some(("Zimbabwe", "ZWE")),
            sender: Sender {
                name: "Eng. Tendai Moyo",
                title: "Director, Technical Standards",
                lines: &[
                    "Postal and Telecommunications Regulatory Authority of Zimbabwe (POTRAZ)",
                    "1008 Performance Close, Mt Pleasant Business Park",
                    "Harare",
                    "Zimbabwe",
                ],
                fax: "+263 242 333 041",
                email: "standards@potraz.gov.zw",
            },
            date: (2026, 3, 2),
            date_written: "Monday, 2 March 2026, Harare",
            header: Header::TwoCol,
            email_at: At::Header,
            date_at: At::Header,
            sig_email_label: "",
            table: Table::CommentsCol,
            names: Names::Full,
            marks: same(Mark::Sym("Wingdings 2", 0xF050), Mark::Sym("Wingdings 2", 0xF02A)),
            answers: vec![
                auth(),
                not_auth(
                    Place::After("Reasons for not authorizing H.264.2"),
                    &[
                        "The revised reference software has not been verified against the conformance bitstreams of ITU-T H.264.1.",
                        "Zimbabwe requests that the verification report be made available before approval.",
                    ],
                ),
                auth(),
                not_auth(
                    Place::Column,
                    &["Clause 8 does not address the bandwidth constraints of networks in developing countries."],
                ),
                auth_with(
                    Place::Column,
                    &["Please align the terminology in clause 3 with ITU-T F.780.1."],
                ),
                auth(),
            ],
            app: App::Word,
            notes: &[
                "Wingdings 2 tick F050 as the mark (FORM.md: tick = checked), F02A empty",
                "H.264.2: the heading after the table is bold and has no colon",
                "weekday in the date",
            ],
        },
        Reply {
            file: "NewZealand_Circ310.docx",
            lang: Lang::En,
            state: Some(("New Zealand", "NZL")),
            sender: Sender {
                name: "Ms Aroha Williams",
                title: "Principal Adviser, International Standards",
                lines: &[
                    "Ministry of Business, Innovation and Employment",
                    "15 Stout Street",
                    "Wellington 6011",
                    "New Zealand",
                ],
                fax: "+64 4 901 1499",
                email: "itu.standards@mbie.govt.nz",
            },
            date: (2026, 3, 3),
            date_written: "3 March 2026, Wellington",
            header: Header::SameCell { br: false },
            email_at: At::Header,
            date_at: At::Header,
            sig_email_label: "",
            table: Table::Standard,
            names: Names::Full,
            marks: same(
                Mark::Legacy {
                    on: true,
                    shown: Some(BOX_ON),
                },
                Mark::Legacy {
                    on: false,
                    shown: Some(BOX_OFF),
                },
            ),
            answers: vec![
                auth_with(
                    Place::Joint("Comments on F.748.20 and H.264.2:", true),
                    &["Both drafts should cite the 2024 edition of ITU-T H.264 and use the terminology of ITU-T F.748.11."],
                ),
                auth_with(
                    Place::Joint("Comments on F.748.20 and H.264.2:", false),
                    &["Both drafts should cite the 2024 edition of ITU-T H.264 and use the terminology of ITU-T F.748.11."],
                ),
                auth(),
                auth(),
                auth(),
                auth(),
            ],
            app: App::Word,
            notes: &[
                "every legacy box also shows ☒/☐ in its field result: one mark each, not two (explain must list 24)",
            ],
        },
        Reply {
            file: "Pakistan_Circ310_response.docx",
            lang: Lang::En,
            state: Some(("Pakistan", "PAK")),
            sender: Sender {
                name: "Mr. Imran Qureshi",
                title: "Director (Standards)",
                lines: &[
                    "Pakistan Telecommunication Authority",
                    "F-5/1, Sector F-5",
                    "Islamabad",
                    "Pakistan",
                ],
                fax: "+92 51 287 8155",
                email: "standards@pta.gov.pk",
            },
            date: (2026, 3, 3),
            date_written: "Islamabad, 03-Mar-2026",
            header: Header::TwoCol,
            email_at: At::Header,
            date_at: At::Header,
            sig_email_label: "",
            table: Table::Matrix,
            names: Names::Full,
            marks: same(Mark::Sym("Wingdings", 0xF0FC), Mark::Empty),
            answers: vec![
                row_auth(&["Pakistan supports the draft and suggests adding a use case on content in regional languages."]),
                row_auth(&[]),
                row_auth(&[]),
                row_auth(&[]),
                not_auth(
                    Place::Column,
                    &["The draft does not address the consumer protection requirements of national payment regulators."],
                ),
                row_auth(&[]),
            ],
            app: App::Word,
            notes: &[
                "matrix form: an authorize tick with nothing in the comments column has no option: unspecified + warn",
                "date \"03-Mar-2026\"",
            ],
        },
        // ------------------------------------------------------------------ French
        Reply {
            file: "Reponse_CI_Circ310.docx",
            lang: Lang::Fr,
            state: Some(("Côte d'Ivoire", "CIV")),
            sender: CIV,
            date: (2026, 3, 1),
            date_written: "Abidjan, le 1er mars 2026",
            header: Header::Paras,
            email_at: At::Header,
            date_at: At::Header,
            sig_email_label: "",
            table: Table::Standard,
            names: Names::Full,
            marks: same(Mark::Glyph("(X)", None), Mark::Glyph("( )", None)),
            answers: vec![
                auth(),
                not_auth(
                    Place::After("Motifs concernant H.264.2 :"),
                    &["La version révisée du logiciel de référence n'a pas été testée sur les profils ajoutés à la Recommandation UIT-T H.264 en 2024."],
                ),
                auth(),
                auth(),
                auth(),
                auth(),
            ],
            app: App::Word,
            notes: &[
                "first of two replies from Côte d'Ivoire: superseded by the corrected one",
                "\"Courriel :\" and \"1er mars\" in a one-line header",
            ],
        },
        Reply {
            file: "Reponse_CI_Circ310_corrigee.docx",
            lang: Lang::Fr,
            state: Some(("Côte d'Ivoire", "CIV")),
            sender: CIV,
            date: (2026, 3, 10),
            date_written: "Abidjan, le 10 mars 2026",
            header: Header::TwoCol,
            email_at: At::Header,
            date_at: At::Header,
            sig_email_label: "",
            table: Table::BoxAbove,
            names: Names::Full,
            marks: glyphs("✗", SEGOE),
            answers: vec![
                auth(),
                auth_with(
                    Place::Cell(Some("Commentaires : ")),
                    &["Sous réserve que les résultats des essais de conformité sur les profils de 2024 soient joints au rapport de la réunion."],
                ),
                auth(),
                auth(),
                auth(),
                not_auth(
                    Place::Cell(None),
                    &["Le projet n'a pas de numéro définitif et son champ d'application chevauche celui de la Recommandation UIT-T H.550."],
                ),
            ],
            app: App::Word,
            notes: &["corrected reply from Côte d'Ivoire, later date: the one that stands", "✗ (a cross) marks the chosen line"],
        },
        Reply {
            file: "Belgique_Circ310.docx",
            lang: Lang::Fr,
            state: Some(("Belgium", "BEL")),
            sender: Sender {
                name: "M. Pieter Janssens",
                title: "Conseiller, Normalisation internationale",
                lines: &[
                    "Institut belge des services postaux et des télécommunications (IBPT)",
                    "Boulevard du Roi Albert II 35",
                    "1030 Bruxelles",
                    "Belgique",
                ],
                fax: "+32 2 226 88 77",
                email: "itu-t@bipt.be",
            },
            date: (2026, 3, 3),
            date_written: "Bruxelles, 3.3.2026",
            header: Header::SameCell { br: false },
            email_at: At::Header,
            date_at: At::Header,
            sig_email_label: "",
            table: Table::OptionRows,
            names: Names::Full,
            marks: same(Mark::Glyph("■", Some("Arial")), Mark::Glyph("□", Some("Arial"))),
            answers: vec![
                auth_with(
                    Place::Cell(None),
                    &["La définition 3.2.4 de « contenu généré par l'IA » devrait reprendre celle de la Recommandation UIT-T F.748.11."],
                ),
                auth(),
                answer(Pick::Both, Opts::Neither),
                auth(),
                auth(),
                auth(),
            ],
            app: App::Word,
            notes: &["H.265.2 Amd.1: both boxes ■ (conflict + warn)", "date \"3.3.2026\""],
        },
        Reply {
            file: "Madagascar_Circ310_reponse.docx",
            lang: Lang::Fr,
            state: Some(("Madagascar", "MDG")),
            sender: Sender {
                name: "Mme Voahangy Rakotomalala",
                title: "Directrice de la Normalisation et des Relations internationales",
                lines: &[
                    "Autorité de Régulation des Technologies de Communication (ARTEC)",
                    "Immeuble ARTEC, Ambohidahy",
                    "101 Antananarivo",
                    "Madagascar",
                ],
                fax: "+261 20 22 350 00",
                email: "normalisation@artec.mg",
            },
            date: (2026, 3, 3),
            date_written: "Antananarivo, 2026/03/03",
            header: Header::TwoCol,
            email_at: At::Header,
            date_at: At::Header,
            sig_email_label: "",
            table: Table::Standard,
            names: Names::WithTitle,
            marks: Marks {
                on: Mark::Glyph("X", None),
                off: Mark::Glyph("□", None),
                opt_on: Mark::Glyph("X", None),
                opt_off: Mark::Glyph("⃝", None),
            },
            answers: vec![
                auth(),
                auth(),
                auth_with(
                    Place::After("Commentaires sur l'Amendement 1 à H.265.2 :"),
                    &["Le logiciel de référence modifié devrait être accompagné d'un guide d'utilisation en français."],
                ),
                not_auth(
                    Place::After("Motifs concernant H.430.8 (H.IVS-arch) :"),
                    &[
                        "L'architecture ne prend pas en compte les réseaux d'accès à faible débit.",
                        "Nous proposons d'ajouter un profil allégé pour la diffusion vers les terminaux mobiles.",
                    ],
                ),
                auth(),
                auth(),
            ],
            app: App::Word,
            notes: &["date \"2026/03/03\"", "the heading names the amendment by its base number"],
        },
        // ------------------------------------------------------------------ Spanish
        Reply {
            file: "Respuesta_Peru_Circ310.docx",
            lang: Lang::Es,
            state: Some(("Peru", "PER")),
            sender: Sender {
                name: "Sr. Luis Alberto Quispe Mamani",
                title: "Director General de Políticas y Regulación en Comunicaciones",
                lines: &[
                    "Ministerio de Transportes y Comunicaciones",
                    "Jr. Zorritos 1203",
                    "Lima 1",
                    "Perú",
                ],
                fax: "",
                email: "dgprc@mtc.gob.pe",
            },
            date: (2026, 3, 3),
            date_written: "Lima, martes 3 de marzo de 2026",
            header: Header::Paras,
            email_at: At::Header,
            date_at: At::Header,
            sig_email_label: "",
            table: Table::Matrix,
            names: Names::Full,
            marks: same(Mark::Glyph("x", None), Mark::Empty),
            answers: vec![
                row_auth(&[]),
                not_auth(
                    Place::Column,
                    &["La revisión no incluye las correcciones solicitadas por la Comisión de Estudio 16 en su última reunión."],
                ),
                row_auth(&["Sugerimos publicar el software de referencia modificado en el repositorio de la UIT antes de la aprobación."]),
                row_auth(&[]),
                row_auth(&[]),
                answer(Pick::Neither, Opts::Neither),
            ],
            app: App::Word,
            notes: &[
                "matrix form marked with a lower-case \"x\", empty cells for the boxes not chosen",
                "H.VG-MMS: row left empty (no_reply + warn)",
                "weekday in the date",
            ],
        },
        Reply {
            file: "Uruguay_respuesta_310.docx",
            lang: Lang::Es,
            state: Some(("Uruguay", "URY")),
            sender: Sender {
                name: "Ing. Carolina Fernández",
                title: "Gerente de Normalización",
                lines: &[
                    "Unidad Reguladora de Servicios de Comunicaciones (URSEC)",
                    "Av. Uruguay 988",
                    "11100 Montevideo",
                    "Uruguay",
                ],
                fax: "+598 2902 8082",
                email: "normalizacion@ursec.gub.uy",
            },
            date: (2026, 3, 4),
            date_written: "Montevideo, 4 de marzo de 2026",
            header: Header::TwoCol,
            email_at: At::Header,
            date_at: At::Header,
            sig_email_label: "",
            table: Table::BoxTrailing,
            names: Names::Full,
            marks: same(Mark::Glyph("[x]", None), Mark::Glyph("[ ]", None)),
            answers: vec![
                auth(),
                not_auth(
                    Place::Bullets("Motivos relativos a H.264.2:"),
                    &[
                        "El software de referencia revisado no ha sido verificado con los flujos de prueba de la Recomendación UIT-T H.264.1.",
                        "Faltan las instrucciones de compilación para las plataformas de 64 bits.",
                        "Proponemos aplazar la aprobación hasta la próxima reunión de la Comisión de Estudio 16.",
                    ],
                ),
                auth(),
                auth(),
                auth().opts(Opts::Both),
                auth(),
            ],
            app: App::Word,
            notes: &["F.780.4: both options [x] (unspecified + warn)"],
        },
        Reply {
            file: "Ecuador_Circ310.docx",
            lang: Lang::Es,
            state: Some(("Ecuador", "ECU")),
            sender: Sender {
                name: "Mgs. Andrés Villacís Paredes",
                title: "Director de Asuntos Internacionales",
                lines: &[
                    "Ministerio de Telecomunicaciones y de la Sociedad de la Información",
                    "Av. 6 de Diciembre N25-75 y Av. Colón",
                    "Quito",
                    "Ecuador",
                ],
                fax: "",
                email: "asuntos.internacionales@mintel.gob.ec",
            },
            date: (2026, 3, 5),
            date_written: "Quito, 5 de marzo de 2026",
            header: Header::TwoCol,
            email_at: At::Signature,
            date_at: At::SignaturePlaceholder,
            sig_email_label: "Correo-e: ",
            table: Table::CommentsCol,
            names: Names::Full,
            marks: same(Mark::Sym("Wingdings", 0xF0FC), Mark::Sym("Wingdings", 0xF0A8)),
            answers: vec![
                auth(),
                auth(),
                not_auth(
                    Place::Column,
                    &["La Enmienda 1 no incluye los resultados de las pruebas de conformidad del software modificado."],
                ),
                auth_with(
                    Place::Column,
                    &["Se recomienda incluir un caso de uso de transmisión de eventos deportivos en directo."],
                ),
                not_auth(
                    Place::Column,
                    &["El proyecto no trata la protección de los datos personales de los usuarios de servicios financieros."],
                ),
                auth(),
            ],
            app: App::Word,
            notes: &[
                "header: email row empty and date left as the placeholder; both are in the signature block",
                "Wingdings tick F0FC, empty F0A8",
            ],
        },
        // ------------------------------------------------------------------ Russian
        Reply {
            file: "Tajikistan_Circ310_otvet.docx",
            lang: Lang::Ru,
            state: Some(("Tajikistan", "TJK")),
            sender: Sender {
                name: "Шарипов Фаррух Рахимович",
                title: "Начальник отдела международного сотрудничества",
                lines: &[
                    "Служба связи при Правительстве Республики Таджикистан",
                    "ул. Айни, 14",
                    "734025 Душанбе",
                    "Таджикистан",
                ],
                fax: "+992 37 221 23 60",
                email: "intl@khadamotialoqa.tj",
            },
            date: (2026, 3, 3),
            date_written: "«3» марта 2026 г., Душанбе",
            header: Header::SameCell { br: true },
            email_at: At::Header,
            date_at: At::Header,
            sig_email_label: "",
            table: Table::Standard,
            names: Names::Full,
            marks: glyphs("✔", SEGOE),
            answers: vec![
                not_auth(
                    Place::Cell(Some("Reasons: ")),
                    &["Проект не учитывает требования к маркировке контента, созданного искусственным интеллектом, изложенные в Рекомендации МСЭ-Т F.748.11."],
                ),
                auth(),
                auth(),
                auth_with(
                    Place::Cell(Some("Comments: ")),
                    &["Предлагаем добавить в раздел 9 требования к задержке при прямой трансляции."],
                ),
                auth(),
                auth(),
            ],
            app: App::Word,
            notes: &[
                "English prefixes \"Reasons: \" / \"Comments: \" before Russian text",
                "date «3» марта 2026 г.",
            ],
        },
        Reply {
            file: "Armenia_Circ310.docx",
            lang: Lang::Ru,
            state: Some(("Armenia", "ARM")),
            sender: Sender {
                name: "Арутюнян Гаяне Самвеловна",
                title: "Начальник управления стандартизации",
                lines: &[
                    "Министерство высокотехнологической промышленности Республики Армения",
                    "ул. Вазгена Саргсяна, 3",
                    "0010 Ереван",
                    "Армения",
                ],
                fax: "+374 10 59 00 01",
                email: "standards@hti.am",
            },
            date: (2026, 3, 3),
            date_written: "03.03.2026 г., Ереван",
            header: Header::TwoCol,
            email_at: At::Header,
            date_at: At::Header,
            sig_email_label: "",
            table: Table::BoxRight,
            names: Names::Full,
            marks: same(
                Mark::W14 {
                    on: true,
                    glyph: BOX_ON,
                },
                Mark::W14 {
                    on: false,
                    glyph: BOX_OFF,
                },
            ),
            answers: vec![
                auth(),
                auth(),
                not_auth(
                    Place::After("Причины по Поправке 1 к H.265.2:"),
                    &["Поправка 1 не содержит описания новых тестовых последовательностей."],
                ),
                auth().boxes([
                    Mark::W14 {
                        on: true,
                        glyph: BOX_OFF,
                    },
                    Mark::W14 {
                        on: false,
                        glyph: BOX_ON,
                    },
                ]),
                not_auth(
                    Place::Cell(None),
                    &["Проект не согласован с Рекомендацией МСЭ-Т F.780.2 в части терминологии."],
                ),
                auth(),
            ],
            app: App::Word,
            notes: &[
                "H.430.8: the content controls' glyphs disagree with w14:checked (authorize checked showing ☐, does not authorize unchecked showing ☒): w14:checked is the truth",
                "the amendment's reasons under a heading naming it by its base number",
            ],
        },
        Reply {
            file: "Ответ_Туркменистан_Circ310.docx",
            lang: Lang::Ru,
            state: Some(("Turkmenistan", "TKM")),
            sender: Sender {
                name: "Бердыев Мерген",
                title: "Заместитель начальника отдела стандартизации",
                lines: &[
                    "Агентство «Туркменарагатнашык»",
                    "проспект Битарап Туркменистан, 40",
                    "744000 Ашхабад",
                    "Туркменистан",
                ],
                fax: "",
                email: "standart@online.tm",
            },
            date: (2026, 3, 3),
            date_written: "Ашхабад, 3.3.2026",
            header: Header::Paras,
            email_at: At::Header,
            date_at: At::Header,
            sig_email_label: "",
            table: Table::NameBelow,
            names: Names::Full,
            marks: Marks {
                on: Mark::Glyph(BOX_ON, GOTHIC),
                off: Mark::Glyph(BOX_OFF, GOTHIC),
                opt_on: Mark::Glyph(BOX_ON, GOTHIC),
                opt_off: Mark::Glyph("○", None),
            },
            answers: vec![
                auth(),
                auth(),
                auth(),
                not_auth(
                    Place::After("Причины по H.430.8 (H.IVS-arch)"),
                    &["Архитектура не учитывает ограничения пропускной способности сетей доступа."],
                ),
                not_auth(
                    Place::After("Причины по F.780.4:"),
                    &["Требования раздела 6 противоречат национальному законодательству о платежных системах."],
                ),
                auth(),
            ],
            app: App::Word,
            notes: &["each draft's name printed below its lines, in the same cell"],
        },
        // ------------------------------------------------------------------ Arabic
        Reply {
            file: "Palestine_Circ310_ar.docx",
            lang: Lang::Ar,
            state: None,
            sender: Sender {
                name: "م. خالد عبد الرحيم",
                title: "مدير عام التقييس",
                lines: &["وزارة الاتصالات والاقتصاد الرقمي", "رام الله", "فلسطين"],
                fax: "",
                email: "standards@mtit.pna.ps",
            },
            date: (2026, 3, 3),
            date_written: "رام الله، ٣ مارس ٢٠٢٦",
            header: Header::Paras,
            email_at: At::Header,
            date_at: At::Header,
            sig_email_label: "",
            table: Table::Standard,
            names: Names::WithTitle,
            marks: glyphs("✔", None),
            answers: vec![
                auth(),
                not_auth(
                    Place::Cell(None),
                    &["لم يتم اختبار البرمجيات المرجعية المنقحة على جميع المظاهر الجديدة."],
                ),
                auth(),
                auth(),
                auth(),
                auth(),
            ],
            app: App::Word,
            notes: &[
                "Palestine is an ITU observer, not a Member State: member_state null + a warning",
                "Eastern Arabic digits in the date",
            ],
        },
        Reply {
            file: "رد_قطر_Circ310.docx",
            lang: Lang::Ar,
            state: Some(("Qatar", "QAT")),
            sender: Sender {
                name: "السيدة مريم الكواري",
                title: "مديرة إدارة المعايير",
                lines: &[
                    "هيئة تنظيم الاتصالات",
                    "ص.ب. 23404",
                    "الدوحة",
                    "دولة قطر",
                ],
                fax: "+974 4499 5111",
                email: "standards@cra.gov.qa",
            },
            date: (2026, 3, 5),
            date_written: "الدوحة، ٢٠٢٦/٣/٥",
            header: Header::SameCell { br: true },
            email_at: At::Header,
            date_at: At::Header,
            sig_email_label: "",
            table: Table::OptionRows,
            names: Names::Full,
            marks: same(
                Mark::SymText("Wingdings 2", "P"),
                Mark::SymText("Wingdings 2", "£"),
            ),
            answers: vec![
                auth_with(
                    Place::Cell(None),
                    &["نقترح إضافة متطلبات للإفصاح عن المحتوى المولَّد بالذكاء الاصطناعي في الفقرة 7."],
                ),
                not_auth(
                    Place::Cell(None),
                    &["لم تُرفق نتائج اختبارات المطابقة للبرمجيات المرجعية المنقحة."],
                ),
                auth(),
                auth(),
                auth(),
                not_auth(
                    Place::Cell(None),
                    &["لم يُحدَّد للمشروع رقم نهائي ويتداخل نطاقه مع التوصية ITU-T H.560."],
                ),
            ],
            app: App::Word,
            notes: &[
                "marks are \"P\" (tick) and \"£\" (empty box) typed in Wingdings 2 runs",
                "date y/m/d in Eastern Arabic digits",
            ],
        },
        Reply {
            file: "Lebanon_Circ310.docx",
            lang: Lang::Ar,
            state: Some(("Lebanon", "LBN")),
            sender: Sender {
                name: "د. جورج خوري",
                title: "رئيس دائرة المواصفات",
                lines: &[
                    "وزارة الاتصالات",
                    "ساحة رياض الصلح",
                    "بيروت",
                    "لبنان",
                ],
                fax: "+961 1 980 400",
                email: "standards@mpt.gov.lb",
            },
            date: (2026, 3, 9),
            date_written: "بيروت في ٩ آذار/مارس ٢٠٢٦",
            header: Header::TwoCol,
            email_at: At::Header,
            date_at: At::Header,
            sig_email_label: "",
            table: Table::CommentsCol,
            names: Names::Full,
            marks: same(Mark::LegacyLo(true), Mark::LegacyLo(false)),
            answers: vec![
                not_auth(
                    Place::Column,
                    &["نطاق المشروع واسع جداً ولا يميّز بين المحتوى المولَّد كلياً والمحتوى المعدَّل جزئياً."],
                ),
                auth_with(
                    Place::Column,
                    &["يجب تحديث المراجع في الفقرة 2 لتشمل الطبعة الأخيرة من التوصية ITU-T H.264."],
                ),
                auth(),
                not_auth(
                    Place::Column,
                    &["لا يتضمن المشروع متطلبات أمنية لبث الفيديو الحجمي."],
                ),
                auth(),
                auth(),
            ],
            app: App::LibreOffice,
            notes: &[
                "saved by LibreOffice (its FORMCHECKBOX spelling)",
                "Levantine double month name \"آذار/مارس\" with Eastern Arabic digits",
            ],
        },
        Reply {
            file: "Sudan_Circ310.docx",
            lang: Lang::Ar,
            state: Some(("Sudan", "SDN")),
            sender: Sender {
                name: "م. عثمان الطيب",
                title: "مدير إدارة التقييس",
                lines: &[
                    "الهيئة القومية للاتصالات",
                    "شارع الجامعة",
                    "الخرطوم",
                    "السودان",
                ],
                fax: "",
                email: "standards@tpra.gov.sd",
            },
            date: (2026, 3, 24),
            date_written: "الخرطوم في ٢٤ مارس ٢٠٢٦",
            header: Header::TwoCol,
            email_at: At::Header,
            date_at: At::Signature,
            sig_email_label: "",
            table: Table::Standard,
            names: Names::Full,
            marks: glyphs("☑", SEGOE),
            answers: vec![
                not_auth(
                    Place::After("الأسباب المتعلقة بـ F.748.20:"),
                    &["يجب أن يتضمن المشروع متطلبات لحماية حقوق المؤلفين في المحتوى المستخدم للتدريب."],
                ),
                auth(),
                auth(),
                auth(),
                auth(),
                auth(),
            ],
            app: App::Word,
            notes: &[
                "no date in the header: the date is only under the signature",
                "dated after the due date 2026-03-20 (late with --deadline)",
            ],
        },
        // ------------------------------------------------------------------ Chinese
        Reply {
            file: "Huawei_reply_Circ310_zh.docx",
            lang: Lang::Zh,
            state: None,
            sender: Sender {
                name: "王磊",
                title: "标准与专利部总监",
                lines: &[
                    "华为技术有限公司",
                    "中国广东省深圳市龙岗区坂田华为基地",
                ],
                fax: "",
                email: "wang.lei@huawei.com",
            },
            date: (2026, 3, 6),
            date_written: "2026年3月6日，深圳",
            header: Header::SameCell { br: true },
            email_at: At::Signature,
            date_at: At::Header,
            sig_email_label: "电子邮件：",
            table: Table::Matrix,
            names: Names::Full,
            marks: same(Mark::Glyph("☑", GOTHIC), Mark::Glyph(BOX_OFF, GOTHIC)),
            answers: vec![
                row_auth(&["建议在第6节中增加对生成内容水印的要求。"]),
                row_auth(&[]),
                row_auth(&[]),
                row_auth(&["The reference to volumetric video formats in clause 8 should be updated to the latest MPEG specifications."]),
                not_auth(
                    Place::Column,
                    &["该草案与ITU-T F.780.2的范围重叠，应先明确两者的关系。"],
                ),
                row_auth(&[]),
            ],
            app: App::Word,
            notes: &[
                "a Sector Member company (address in China), not a Member State: member_state null + a warning, never China",
            ],
        },
        Reply {
            file: "China_MIIT_Circ310.docx",
            lang: Lang::Zh,
            state: Some(("China", "CHN")),
            sender: Sender {
                name: "李明",
                title: "国际合作司标准处处长",
                lines: &[
                    "中华人民共和国工业和信息化部",
                    "北京市西城区西长安街13号",
                    "100804",
                    "中国",
                ],
                fax: "+86 10 6620 1234",
                email: "itu-t@miit.gov.cn",
            },
            date: (2026, 3, 4),
            date_written: "二〇二六年三月四日，北京",
            header: Header::TwoCol,
            email_at: At::Signature,
            date_at: At::Header,
            sig_email_label: "",
            table: Table::Standard,
            names: Names::WithTitle,
            marks: same(
                Mark::W14 {
                    on: true,
                    glyph: BOX_ON,
                },
                Mark::W14 {
                    on: false,
                    glyph: BOX_OFF,
                },
            ),
            answers: vec![
                auth(),
                auth(),
                auth(),
                not_auth(
                    Place::After("关于H.430.8 (H.IVS-arch)的理由："),
                    &["草案第8节的体积视频格式要求与ITU-T H.430.3不一致。"],
                ),
                auth_with(Place::Cell(None), &["建议在第7节中增加对跨境支付场景的描述。"]),
                auth(),
            ],
            app: App::Word,
            notes: &[
                "date in Chinese numerals (二〇二六年三月四日)",
                "email row empty in the header; the bare address under the signature",
            ],
        },
    ]
}

const CIV: Sender = Sender {
    name: "M. Kouadio Yao Serge",
    title: "Directeur de la Normalisation",
    lines: &[
        "Autorité de Régulation des Télécommunications/TIC de Côte d'Ivoire (ARTCI)",
        "Marcory Anoumabo, 18 BP 2203 Abidjan 18",
        "Côte d'Ivoire",
    ],
    fax: "",
    email: "normalisation@artci.ci",
};

// ------------------------------------------------------------------------------------ checks

fn check(r: &Reply) -> Result<(), SpecError> {
    let fail = |m: String| Err(SpecError(format!("{}: {m}", r.file)));
    if r.answers.len() != DRAFTS.len() {
        return fail(format!(
            "{} answers for {} drafts",
            r.answers.len(),
            DRAFTS.len()
        ));
    }
    let matrix = r.matrix();
    for (d, a) in DRAFTS.iter().zip(&r.answers) {
        let kept = a.text_kept(matrix);
        if a.text.is_empty() != (a.place == Place::None) {
            return fail(format!("{}: text and place go together", d.id));
        }
        if !a.text.is_empty() && !kept {
            return fail(format!("{}: text on an answer whose text is empty", d.id));
        }
        if matrix && a.opts != Opts::Neither {
            return fail(format!("{}: a matrix form has no options", d.id));
        }
        if a.place == Place::Column && !matches!(r.table, Table::Matrix | Table::CommentsCol) {
            return fail(format!("{}: no comments column in this layout", d.id));
        }
        if matches!(a.place, Place::Cell(_)) && matches!(r.table, Table::Matrix | Table::NameBelow)
        {
            return fail(format!("{}: no label cell to write in", d.id));
        }
        if let Place::Joint(h, _) = a.place {
            let same: Vec<&Answer> = r
                .answers
                .iter()
                .filter(|o| matches!(o.place, Place::Joint(g, _) if g == h))
                .collect();
            let writers = same
                .iter()
                .filter(|o| matches!(o.place, Place::Joint(_, true)))
                .count();
            if same.len() < 2 || writers != 1 || same.iter().any(|o| o.text != a.text) {
                return fail(format!(
                    "{}: a joint heading needs two drafts, one writer, one text",
                    d.id
                ));
            }
        }
    }
    Ok(())
}

// ------------------------------------------------------------------------------------ rendering

const TIGHT: &str = r#"<w:spacing w:before="0" w:after="0"/>"#;
const CENTER: &str = r#"<w:jc w:val="center"/>"#;
const HANGING: &str = r#"<w:ind w:left="567" w:hanging="567"/>"#;
const BULLET: &str = r#"<w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr><w:ind w:left="720" w:hanging="360"/>"#;
const TEXT_W: u32 = 9639;

/// List definitions for bullet lists (Symbol-font bullet, as Word writes it).
const NUMBERING: &str = r#"<w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:abstractNum w:abstractNumId="0"><w:multiLevelType w:val="hybridMultilevel"/><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val=""/><w:lvlJc w:val="left"/><w:pPr><w:ind w:left="720" w:hanging="360"/></w:pPr><w:rPr><w:rFonts w:ascii="Symbol" w:hAnsi="Symbol" w:hint="default"/></w:rPr></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>"#;

struct Ctx {
    rng: Rng,
    rtl: bool,
    next_id: u32,
    next_check: u32,
}

impl Writer for Ctx {
    fn rng(&mut self) -> &mut Rng {
        &mut self.rng
    }

    fn rtl(&self) -> bool {
        self.rtl
    }
}

impl Ctx {
    fn id(&mut self) -> u32 {
        self.next_id += 1;
        self.next_id - 1
    }

    fn run(&self, text: &str, rpr: RPr) -> String {
        ooxml::run(text, self.rp(rpr), Rev::Normal)
    }

    /// "Label value": the label in bold, the value plain (no space after a full-width colon).
    fn labelled(&mut self, label: &str, value: &str) -> String {
        let sep = if label.ends_with('：') { "" } else { " " };
        format!(
            "{}{}",
            self.run(&format!("{label}{sep}"), RPr::BOLD),
            self.runs(value, RPr::PLAIN)
        )
    }

    fn table(&self, grid: &[u32], rows: &[String]) -> String {
        table_ex(true, grid, rows, self.rtl)
    }

    fn plain_table(&self, grid: &[u32], rows: &[String]) -> String {
        table_ex(false, grid, rows, self.rtl)
    }

    fn mark(&mut self, m: Mark) -> String {
        match m {
            Mark::Empty => String::new(),
            Mark::Glyph(g, font) => self.run(g, RPr { font, ..RPr::PLAIN }),
            Mark::Sym(font, code) => format!(
                r#"{}<w:sym w:font="{}" w:char="{code:04X}"/></w:r>"#,
                self.bare_run(),
                esc(font)
            ),
            Mark::SymText(font, ch) => {
                let f = esc(font);
                // All slots: in a right-to-left run Word takes the complex-script font.
                let rtl = if self.rtl { "<w:rtl/>" } else { "" };
                format!(
                    r#"<w:r><w:rPr><w:rFonts w:ascii="{f}" w:hAnsi="{f}" w:cs="{f}"/>{rtl}</w:rPr><w:t>{}</w:t></w:r>"#,
                    esc(ch)
                )
            }
            Mark::Legacy { on, shown } => {
                let n = self.next_check;
                self.next_check += 1;
                let id = self.id();
                let state = if on {
                    r#"<w:default w:val="0"/><w:checked/>"#
                } else {
                    r#"<w:default w:val="0"/>"#
                };
                let result = shown.map_or(String::new(), |g| {
                    self.run(
                        g,
                        RPr {
                            font: GOTHIC,
                            ..RPr::PLAIN
                        },
                    )
                });
                ooxml::legacy_checkbox(id, n, self.bare_run(), state, &result)
            }
            Mark::LegacyLo(on) => {
                let n = self.next_check;
                self.next_check += 1;
                let id = self.id();
                let state = if on { "<w:checked/>" } else { "" };
                let r = self.bare_run();
                format!(
                    r#"{r}<w:fldChar w:fldCharType="begin"><w:ffData><w:name w:val=""/><w:enabled/><w:calcOnExit w:val="0"/><w:checkBox><w:sizeAuto></w:sizeAuto>{state}</w:checkBox></w:ffData></w:fldChar></w:r>{r}<w:instrText> FORMCHECKBOX </w:instrText></w:r>{r}<w:fldChar w:fldCharType="separate"/></w:r><w:bookmarkStart w:id="{id}" w:name="__Fieldmark__{n}_1968572000"/><w:bookmarkEnd w:id="{id}"/><w:r></w:r>{r}<w:fldChar w:fldCharType="end"/></w:r>"#
                )
            }
            Mark::W14 { on, glyph } => {
                let id = self.rng.sdt_id();
                let content = self.run(
                    glyph,
                    RPr {
                        font: GOTHIC,
                        ..RPr::PLAIN
                    },
                );
                ooxml::w14_checkbox(id, on, &content)
            }
        }
    }

    /// Paragraphs of text, `prefix` typed before the first.
    fn text_paras(&mut self, text: &[&str], prefix: Option<&str>) -> Vec<String> {
        let mut out = Vec::new();
        for (i, t) in text.iter().enumerate() {
            let mut content = String::new();
            if i == 0 {
                if let Some(pre) = prefix {
                    content.push_str(&self.run(pre, RPr::PLAIN));
                }
            }
            content.push_str(&self.runs(t, RPr::PLAIN));
            out.push(self.p("", &content));
        }
        out
    }
}

/// One header paragraph of lines separated by `w:br`, or one paragraph per line.
fn cell_lines(ctx: &mut Ctx, lines: &[(Option<&str>, String)], br: bool) -> Vec<String> {
    let mut out = Vec::new();
    let mut joined = String::new();
    for (i, (label, value)) in lines.iter().enumerate() {
        let content = match label {
            Some(l) => ctx.labelled(l, value),
            None => ctx.runs(value, RPr::PLAIN),
        };
        if br {
            if i > 0 {
                joined.push_str(&ctx.br());
            }
            joined.push_str(&content);
        } else {
            out.push(ctx.p(TIGHT, &content));
        }
    }
    if br {
        out.push(ctx.p(TIGHT, &joined));
    }
    out
}

/// The header (To, From, Fax, Email, Date) of a reply or of the blank form.
fn header(ctx: &mut Ctx, w: &Words, fill: Option<&Reply>) -> Vec<String> {
    let style = fill.map_or(Header::TwoCol, |r| r.header);
    let email = fill
        .filter(|r| r.email_at == At::Header)
        .map(|r| r.sender.email);
    let date: Option<&str> = match fill {
        Some(r) => match r.date_at {
            At::Header => Some(r.date_written),
            At::SignaturePlaceholder => Some(w.letter.date_placeholder),
            At::Signature => None,
        },
        None => Some(w.letter.date_placeholder),
    };
    let fax = fill.map_or("", |r| r.sender.fax);
    // Name, title and address lines of the From block.
    let from: Vec<&str> = match fill {
        Some(r) => [r.sender.name, r.sender.title]
            .into_iter()
            .chain(r.sender.lines.iter().copied())
            .collect(),
        None => w.letter.placeholders.to_vec(),
    };
    match style {
        Header::Paras => {
            let mut out = Vec::new();
            let to = w.letter.to_lines.join(w.list_sep);
            let c = ctx.labelled(w.letter.to, &to);
            out.push(ctx.p(TIGHT, &c));
            let c = ctx.labelled(w.letter.from, &from.join(w.list_sep));
            out.push(ctx.p(TIGHT, &c));
            if !fax.is_empty() {
                let c = ctx.labelled(w.letter.fax, fax);
                out.push(ctx.p(TIGHT, &c));
            }
            if let Some(e) = email {
                let c = ctx.labelled(w.letter.email, e);
                out.push(ctx.p(TIGHT, &c));
            }
            if let Some(d) = date {
                let c = ctx.labelled(w.letter.date, d);
                out.push(ctx.p(TIGHT, &c));
            }
            out
        }
        Header::SameCell { br } => {
            let half = TEXT_W / 2;
            let mut to: Vec<(Option<&str>, String)> = Vec::new();
            for (i, l) in w.letter.to_lines.iter().enumerate() {
                to.push(((i == 0).then_some(w.letter.to), l.to_string()));
            }
            let mut fr: Vec<(Option<&str>, String)> = Vec::new();
            for (i, l) in from.iter().enumerate() {
                fr.push(((i == 0).then_some(w.letter.from), l.to_string()));
            }
            let to_c = cell_lines(ctx, &to, br);
            let from_c = cell_lines(ctx, &fr, br);
            let row1 = row(&[cell(half, "", &to_c), cell(TEXT_W - half, "", &from_c)]);
            let tsb = vec![
                (Some(w.letter.fax), "+41 22 730 5853".to_string()),
                (Some(w.letter.email), "tsbdir@itu.int".to_string()),
            ];
            let mut mine = Vec::new();
            if !fax.is_empty() {
                mine.push((Some(w.letter.fax), fax.to_string()));
            }
            if let Some(e) = email {
                mine.push((Some(w.letter.email), e.to_string()));
            }
            if let Some(d) = date {
                mine.push((Some(w.letter.date), d.to_string()));
            }
            let tsb_c = cell_lines(ctx, &tsb, br);
            let mine_c = if mine.is_empty() {
                vec![ctx.p(TIGHT, "")]
            } else {
                cell_lines(ctx, &mine, br)
            };
            let row2 = row(&[cell(half, "", &tsb_c), cell(TEXT_W - half, "", &mine_c)]);
            vec![ctx.plain_table(&[half, TEXT_W - half], &[row1, row2])]
        }
        Header::TwoCol => {
            let label_w = 1700;
            let value_w = TEXT_W - label_w;
            let mut rows = Vec::new();
            let mut add = |ctx: &mut Ctx, label: &str, values: &[&str]| {
                let l = ctx.text_p(TIGHT, label, RPr::BOLD);
                let v: Vec<String> = if values.is_empty() {
                    vec![ctx.p(TIGHT, "")]
                } else {
                    values
                        .iter()
                        .map(|t| ctx.text_p(TIGHT, t, RPr::PLAIN))
                        .collect()
                };
                rows.push(row(&[cell(label_w, "", &[l]), cell(value_w, "", &v)]));
            };
            add(ctx, w.letter.to, &w.letter.to_lines);
            add(ctx, w.letter.from, &from);
            let fax_v: Vec<&str> = Some(fax).filter(|f| !f.is_empty()).into_iter().collect();
            add(ctx, w.letter.fax, &fax_v);
            add(ctx, w.letter.email, email.as_slice());
            if let Some(d) = date {
                add(ctx, w.letter.date, &[d]);
            }
            vec![ctx.plain_table(&[label_w, value_w], &rows)]
        }
    }
}

/// What one draft's answer writes: its marks, its text and where.
struct Lines {
    b1: String,
    b2: String,
    o1: String,
    o2: String,
    /// Text paragraphs for the authorizes (comments) or the does-not-authorize (reasons) line.
    comments: Vec<String>,
    reasons: Vec<String>,
    /// Text for the comments column (matrix: the draft's row).
    column1: Vec<String>,
    column2: Vec<String>,
}

fn lines(ctx: &mut Ctx, r: Option<&Reply>, a: &Answer) -> Lines {
    let blank = Marks {
        on: Mark::Legacy {
            on: true,
            shown: None,
        },
        off: Mark::Legacy {
            on: false,
            shown: None,
        },
        opt_on: Mark::Glyph("●", None),
        opt_off: Mark::Glyph("⃝", None),
    };
    let m = r.map_or(blank, |r| r.marks);
    let auth_on = matches!(a.pick, Pick::Authorize | Pick::Both);
    let not_on = matches!(a.pick, Pick::NotAuthorize | Pick::Both);
    let no_on = matches!(a.opts, Opts::NoComments | Opts::Both);
    let with_on = matches!(a.opts, Opts::WithComments | Opts::Both);
    let pick = |on: bool| if on { m.on } else { m.off };
    let opt = |on: bool| if on { m.opt_on } else { m.opt_off };
    let [m1, m2] = a.boxes.unwrap_or([pick(auth_on), pick(not_on)]);
    let b1 = ctx.mark(m1);
    let (o1, o2) = if r.is_some_and(Reply::matrix) {
        (String::new(), String::new())
    } else {
        (ctx.mark(opt(no_on)), ctx.mark(opt(with_on)))
    };
    let b2 = ctx.mark(m2);
    let reasons_line = a.pick == Pick::NotAuthorize;
    let (mut comments, mut reasons, mut column1, mut column2) =
        (Vec::new(), Vec::new(), Vec::new(), Vec::new());
    match a.place {
        Place::Cell(prefix) => {
            let t = ctx.text_paras(a.text, prefix);
            if reasons_line {
                reasons = t;
            } else {
                comments = t;
            }
        }
        Place::Column => {
            let t = ctx.text_paras(a.text, None);
            if reasons_line && !r.is_some_and(Reply::matrix) {
                column2 = t;
            } else {
                column1 = t;
            }
        }
        _ => {}
    }
    Lines {
        b1,
        b2,
        o1,
        o2,
        comments,
        reasons,
        column1,
        column2,
    }
}

/// Blocks after the table for one answer (headings and paragraphs, bullets).
fn after_table(ctx: &mut Ctx, a: &Answer) -> Vec<String> {
    let mut out = Vec::new();
    let heading = match a.place {
        Place::After(h) | Place::Bullets(h) | Place::Joint(h, true) => h,
        _ => return out,
    };
    out.push(ctx.text_p("", heading, RPr::BOLD));
    if let Place::Bullets(_) = a.place {
        for t in a.text {
            out.push(ctx.text_p(BULLET, t, RPr::PLAIN));
        }
    } else {
        out.extend(ctx.text_paras(a.text, None));
    }
    out
}

/// The answer table (rows for every draft) and the blocks after it.
fn answer_table(ctx: &mut Ctx, w: &Words, fill: Option<&Reply>) -> Vec<String> {
    let layout = fill.map_or(Table::Standard, |r| r.table);
    let names = fill.map_or(Names::Full, |r| r.names);
    let lang = fill.map_or(Lang::En, |r| r.lang);
    let blank_answer = answer(Pick::Neither, Opts::Neither);
    let mut rows = Vec::new();
    let mut after = Vec::new();
    let p_empty = |ctx: &mut Ctx| ctx.p("", "");
    let (name_w, box_w) = (3000, 560);
    let label_w = TEXT_W - name_w - box_w;
    let merge_start = r#"<w:vMerge w:val="restart"/>"#;
    let merge = "<w:vMerge/>";
    let grid: Vec<u32> = match layout {
        Table::Standard | Table::OptionRows => vec![name_w, box_w, label_w],
        Table::BoxAbove | Table::BoxTrailing => vec![name_w, TEXT_W - name_w],
        Table::BoxRight => vec![name_w, label_w, box_w],
        Table::CommentsCol => vec![2600, box_w, 4279, 2200],
        Table::Matrix => vec![3400, 1300, 1300, 3639],
        Table::NameBelow => vec![TEXT_W],
    };
    let head = |ctx: &mut Ctx, t: &str| ctx.text_p(CENTER, t, RPr::BOLD);
    match layout {
        Table::CommentsCol => {
            let [d, pos, com] = w.columns;
            let cells = [
                cell(grid[0], "", &[head(ctx, d)]),
                cell(grid[1], "", &[p_empty(ctx)]),
                cell(grid[2], "", &[head(ctx, pos)]),
                cell(grid[3], "", &[head(ctx, com)]),
            ];
            rows.push(row(&cells));
        }
        Table::Matrix => {
            let cells: Vec<String> = w
                .matrix
                .iter()
                .zip(&grid)
                .map(|(t, gw)| {
                    let h = head(ctx, t);
                    cell(*gw, "", &[h])
                })
                .collect();
            rows.push(row(&cells));
        }
        _ => {}
    }
    for (i, d) in DRAFTS.iter().enumerate() {
        let a = fill.and_then(|r| r.answers.get(i)).unwrap_or(&blank_answer);
        let name_text = draft_name(lang, d, names);
        let name = ctx.text_p("", &name_text, RPr::PLAIN);
        let l = lines(ctx, fill, a);
        let label1 = ctx.text_p("", &w.letter.authorizes, RPr::PLAIN);
        let label2 = ctx.text_p("", &w.letter.not_authorize, RPr::PLAIN);
        // Option paragraphs with the mark first (mark, tab, text).
        let opt_p = |ctx: &mut Ctx, mark: &str, text: &str| {
            let tab = ctx.tab();
            let t = ctx.runs(text, RPr::PLAIN);
            ctx.p(HANGING, &format!("{mark}{tab}{t}"))
        };
        match layout {
            Table::Standard => {
                let mut c1 = vec![
                    label1,
                    opt_p(ctx, &l.o1, w.letter.no_comments),
                    opt_p(ctx, &l.o2, w.letter.with_comments),
                ];
                c1.extend(l.comments);
                let mut c2 = vec![label2];
                c2.extend(l.reasons);
                let bx1 = ctx.p(CENTER, &l.b1);
                let bx2 = ctx.p(CENTER, &l.b2);
                let e = p_empty(ctx);
                rows.push(row(&[
                    cell(name_w, merge_start, &[name]),
                    cell(box_w, "", &[bx1]),
                    cell(label_w, "", &c1),
                ]));
                rows.push(row(&[
                    cell(name_w, merge, &[e]),
                    cell(box_w, "", &[bx2]),
                    cell(label_w, "", &c2),
                ]));
            }
            Table::BoxAbove => {
                let bx1 = ctx.p("", &l.b1);
                let mut c1 = vec![
                    bx1,
                    label1,
                    opt_p(ctx, &l.o1, w.letter.no_comments),
                    opt_p(ctx, &l.o2, w.letter.with_comments),
                ];
                c1.extend(l.comments);
                let bx2 = ctx.p("", &l.b2);
                let mut c2 = vec![bx2, label2];
                c2.extend(l.reasons);
                let e = p_empty(ctx);
                let wide = TEXT_W - name_w;
                rows.push(row(&[
                    cell(name_w, merge_start, &[name]),
                    cell(wide, "", &c1),
                ]));
                rows.push(row(&[cell(name_w, merge, &[e]), cell(wide, "", &c2)]));
            }
            Table::BoxRight => {
                // One row per line so that each mark sits level with its line.
                let n1 = ctx.text_p(HANGING, w.letter.no_comments, RPr::PLAIN);
                let mut n2 = vec![ctx.text_p(HANGING, w.letter.with_comments, RPr::PLAIN)];
                n2.extend(l.comments);
                let mut c2 = vec![label2];
                c2.extend(l.reasons);
                let [m1, m2, m3, m4] = [
                    ctx.p(CENTER, &l.b1),
                    ctx.p(CENTER, &l.o1),
                    ctx.p(CENTER, &l.o2),
                    ctx.p(CENTER, &l.b2),
                ];
                let e: Vec<String> = (0..3).map(|_| p_empty(ctx)).collect();
                rows.push(row(&[
                    cell(name_w, merge_start, &[name]),
                    cell(label_w, "", &[label1]),
                    cell(box_w, "", &[m1]),
                ]));
                rows.push(row(&[
                    cell(name_w, merge, &e[0..1]),
                    cell(label_w, "", &[n1]),
                    cell(box_w, "", &[m2]),
                ]));
                rows.push(row(&[
                    cell(name_w, merge, &e[1..2]),
                    cell(label_w, "", &n2),
                    cell(box_w, "", &[m3]),
                ]));
                rows.push(row(&[
                    cell(name_w, merge, &e[2..3]),
                    cell(label_w, "", &c2),
                    cell(box_w, "", &[m4]),
                ]));
            }
            Table::BoxTrailing => {
                // The label's own runs, then a space and the mark.
                let trail = |ctx: &mut Ctx, ppr: &str, text: &str, mark: &str| {
                    let t = ctx.runs(text, RPr::PLAIN);
                    let sp = ctx.run(" ", RPr::PLAIN);
                    ctx.p(ppr, &format!("{t}{sp}{mark}"))
                };
                let mut c1 = vec![
                    trail(ctx, "", &w.letter.authorizes, &l.b1),
                    trail(ctx, HANGING, w.letter.no_comments, &l.o1),
                    trail(ctx, HANGING, w.letter.with_comments, &l.o2),
                ];
                c1.extend(l.comments);
                let mut c2 = vec![trail(ctx, "", &w.letter.not_authorize, &l.b2)];
                c2.extend(l.reasons);
                let e = p_empty(ctx);
                let wide = TEXT_W - name_w;
                rows.push(row(&[
                    cell(name_w, merge_start, &[name]),
                    cell(wide, "", &c1),
                ]));
                rows.push(row(&[cell(name_w, merge, &[e]), cell(wide, "", &c2)]));
            }
            Table::OptionRows => {
                let n1 = ctx.text_p("", w.letter.no_comments, RPr::PLAIN);
                let mut n2 = vec![ctx.text_p("", w.letter.with_comments, RPr::PLAIN)];
                n2.extend(l.comments);
                let mut c2 = vec![label2];
                c2.extend(l.reasons);
                let marks = [
                    ctx.p(CENTER, &l.b1),
                    ctx.p(CENTER, &l.o1),
                    ctx.p(CENTER, &l.o2),
                    ctx.p(CENTER, &l.b2),
                ];
                let [m1, m2, m3, m4] = marks;
                let e: Vec<String> = (0..3).map(|_| p_empty(ctx)).collect();
                rows.push(row(&[
                    cell(name_w, merge_start, &[name]),
                    cell(box_w, "", &[m1]),
                    cell(label_w, "", &[label1]),
                ]));
                rows.push(row(&[
                    cell(name_w, merge, &e[0..1]),
                    cell(box_w, "", &[m2]),
                    cell(label_w, "", &[n1]),
                ]));
                rows.push(row(&[
                    cell(name_w, merge, &e[1..2]),
                    cell(box_w, "", &[m3]),
                    cell(label_w, "", &n2),
                ]));
                rows.push(row(&[
                    cell(name_w, merge, &e[2..3]),
                    cell(box_w, "", &[m4]),
                    cell(label_w, "", &c2),
                ]));
            }
            Table::CommentsCol => {
                let mut c1 = vec![
                    label1,
                    opt_p(ctx, &l.o1, w.letter.no_comments),
                    opt_p(ctx, &l.o2, w.letter.with_comments),
                ];
                c1.extend(l.comments);
                let mut c2 = vec![label2];
                c2.extend(l.reasons);
                let bx1 = ctx.p(CENTER, &l.b1);
                let bx2 = ctx.p(CENTER, &l.b2);
                let e = p_empty(ctx);
                let col1 = if l.column1.is_empty() {
                    vec![p_empty(ctx)]
                } else {
                    l.column1
                };
                let col2 = if l.column2.is_empty() {
                    vec![p_empty(ctx)]
                } else {
                    l.column2
                };
                rows.push(row(&[
                    cell(grid[0], merge_start, &[name]),
                    cell(grid[1], "", &[bx1]),
                    cell(grid[2], "", &c1),
                    cell(grid[3], "", &col1),
                ]));
                rows.push(row(&[
                    cell(grid[0], merge, &[e]),
                    cell(grid[1], "", &[bx2]),
                    cell(grid[2], "", &c2),
                    cell(grid[3], "", &col2),
                ]));
            }
            Table::Matrix => {
                let bx1 = ctx.p(CENTER, &l.b1);
                let bx2 = ctx.p(CENTER, &l.b2);
                let col = if l.column1.is_empty() {
                    vec![p_empty(ctx)]
                } else {
                    l.column1
                };
                rows.push(row(&[
                    cell(grid[0], "", &[name]),
                    cell(grid[1], "", &[bx1]),
                    cell(grid[2], "", &[bx2]),
                    cell(grid[3], "", &col),
                ]));
            }
            Table::NameBelow => {
                let tab = ctx.tab();
                let a1 = ctx.runs(&w.letter.authorizes, RPr::PLAIN);
                let p1 = ctx.p("", &format!("{}{tab}{a1}", l.b1));
                let p2 = opt_p(ctx, &l.o1, w.letter.no_comments);
                let p3 = opt_p(ctx, &l.o2, w.letter.with_comments);
                let a2 = ctx.runs(&w.letter.not_authorize, RPr::PLAIN);
                let p4 = ctx.p("", &format!("{}{tab}{a2}", l.b2));
                let p5 = ctx.text_p(r#"<w:jc w:val="right"/>"#, &name_text, RPr::BOLD);
                rows.push(row(&[cell(TEXT_W, "", &[p1, p2, p3, p4, p5])]));
            }
        }
        after.extend(after_table(ctx, a));
    }
    let mut out = vec![ctx.table(&grid, &rows)];
    out.extend(after);
    out
}

/// `word/document.xml` of the blank form (`fill` = None) or of a reply.
fn document_xml(fill: Option<&Reply>, seed: &str) -> String {
    let lang = fill.map_or(Lang::En, |r| r.lang);
    let mut ctx = Ctx {
        rng: Rng::new(seed),
        rtl: lang == Lang::Ar,
        next_id: 0,
        next_check: 1,
    };
    let w = words(lang);
    let mut body = Vec::new();
    body.push(ctx.text_p(CENTER, w.letter.annex, RPr::BOLD));
    let subject = format!(
        "{}{}",
        ctx.run(w.letter.subject_label, RPr::BOLD),
        ctx.runs(&w.subject, RPr::BOLD)
    );
    body.push(ctx.p("", &subject));
    body.extend(header(&mut ctx, &w, fill));
    body.push(ctx.text_p("", w.letter.salutation, RPr::PLAIN));
    body.push(ctx.text_p(r#"<w:jc w:val="both"/>"#, &w.letter.intro, RPr::PLAIN));
    body.extend(answer_table(&mut ctx, &w, fill));
    body.push(ctx.text_p("", w.letter.closing, RPr::PLAIN));
    if let Some(r) = fill {
        body.push(ctx.p("", ""));
        body.push(ctx.text_p(TIGHT, r.sender.name, RPr::PLAIN));
        body.push(ctx.text_p(TIGHT, r.sender.title, RPr::PLAIN));
        if r.email_at != At::Header {
            let line = format!("{}{}", r.sig_email_label, r.sender.email);
            body.push(ctx.text_p(TIGHT, &line, RPr::PLAIN));
        }
        if r.date_at != At::Header {
            body.push(ctx.text_p(TIGHT, r.date_written, RPr::PLAIN));
        }
    }
    ooxml::document_ns(&body.concat(), "")
}

fn meta(reply: Option<&Reply>, seed: &str) -> Meta {
    let saved = reply.map(|r| Saved {
        app: r.app,
        by: r.sender.name,
        on: r.date,
    });
    let lang = reply.map_or(Lang::En, |r| r.lang);
    generate::meta(NUMBER, (2026, 1, 20), lang, saved, seed)
}

fn docx(reply: Option<&Reply>, seed: &str) -> Result<Vec<u8>, Box<dyn Error>> {
    let xml = document_xml(reply, seed);
    let bullets = reply.is_some_and(|r| {
        r.answers
            .iter()
            .any(|a| matches!(a.place, Place::Bullets(_)))
    });
    ooxml::package_with_numbering(&xml, &meta(reply, seed), bullets.then_some(NUMBERING))
}

// ------------------------------------------------------------------------------------ expected

fn draft_refs() -> Vec<DraftRef> {
    DRAFTS
        .iter()
        .map(|d| DraftRef::new(d.id, d.paren))
        .collect()
}

fn expected_answers(drafts: &[DraftRef], r: &Reply) -> Vec<ExpectedAnswer> {
    let matrix = r.matrix();
    drafts
        .iter()
        .zip(&r.answers)
        .map(|(d, a)| {
            let decision = a.decision();
            let evidence = match (decision, a.pick) {
                (Decision::NoReply, _) => Evidence::None,
                (_, Pick::Neither) => r.marks.opt_on.evidence(),
                (Decision::NotAuthorize, _) => a.boxes.map_or(r.marks.on, |b| b[1]).evidence(),
                _ => a.boxes.map_or(r.marks.on, |b| b[0]).evidence(),
            };
            let text = if a.text_kept(matrix) {
                a.text.join("\n")
            } else {
                String::new()
            };
            ExpectedAnswer::new(
                d,
                decision,
                a.comments(matrix),
                text,
                evidence,
                a.must_warn(matrix),
            )
        })
        .collect()
}

fn notes(r: &Reply) -> Vec<String> {
    let mut v = vec![
        format!(
            "header: {}",
            match r.header {
                Header::Paras => "plain paragraphs, the From block on one line",
                Header::SameCell { br: true } =>
                    "table, label and value in the same cell, lines separated by w:br",
                Header::SameCell { br: false } =>
                    "table, label and value in the same cell, one paragraph per line",
                Header::TwoCol => "two-column table, label | value",
            }
        ),
        r.table.describe().to_string(),
        if r.matrix() {
            format!(
                "marks: boxes {} / {}; no options",
                r.marks.on.describe(),
                r.marks.off.describe()
            )
        } else {
            format!(
                "marks: boxes {} / {}; options {} / {}",
                r.marks.on.describe(),
                r.marks.off.describe(),
                r.marks.opt_on.describe(),
                r.marks.opt_off.describe()
            )
        },
    ];
    if r.names == Names::WithTitle {
        v.push("draft names printed as \"ITU-T <number> (<name>): <title>\"".to_string());
    }
    if r.email_at != At::Header {
        v.push("email only in the signature block".to_string());
    }
    match r.date_at {
        At::Header => {}
        At::Signature => v.push("date only in the signature block".to_string()),
        At::SignaturePlaceholder => v.push(
            "date in the signature block; the header's date left as the placeholder".to_string(),
        ),
    }
    for (d, a) in DRAFTS.iter().zip(&r.answers) {
        if a.place != Place::None {
            let what = if a.pick == Pick::NotAuthorize {
                "reasons"
            } else {
                "comments"
            };
            v.push(format!("{}: {what} {}", d.id, a.place.describe()));
        }
    }
    v.extend(r.notes.iter().map(|n| n.to_string()));
    v
}

fn expected(replies: &[Reply], sha256: &[String]) -> Result<Expected, SpecError> {
    let drafts = draft_refs();
    let filed = replies
        .iter()
        .map(|r| Filed {
            file: r.file,
            lang: r.lang,
            state: r.state,
            date: r.date,
            sender: SenderRef::new(r.sender.name, r.sender.title, r.sender.email),
            answers: expected_answers(&drafts, r),
            notes: notes(r),
        })
        .collect();
    let about = About {
        number: NUMBER,
        study_group: STUDY_GROUP,
        description: DESCRIPTION,
        form_file: FORM_FILE,
        deadline: DEADLINE,
        drafts,
    };
    assemble(about, filed, sha256)
}

/// Writes the blank form and every reply into `out`, the expected readings to `expected_path`;
/// returns the paths written.
pub fn write_all(out: &Path, expected_path: &Path) -> Result<Vec<PathBuf>, Box<dyn Error>> {
    let replies = replies();
    for r in &replies {
        check(r)?;
    }
    let mut set = SetWriter::new(out);
    set.put(FORM_FILE, &docx(None, FORM_FILE)?)?;
    let mut digests = Vec::new();
    for r in &replies {
        digests.push(set.put(r.file, &docx(Some(r), r.file)?)?);
    }
    set.finish(expected_path, &expected(&replies, &digests)?)
}
