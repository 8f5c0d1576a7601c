//! The reply form (Annex 2) in English, French and Chinese, blank or filled from a `Reply`
//! spec: header, salutation, the answer table with its boxes and options, reasons and comments
//! wherever the spec places them, and the signature.

use crate::ooxml::{self, cell, esc, para, row, run, runs, table, RPr, Rev, Rng, TAB};
use crate::spec::{
    Answer, BoxMark, Draft, Lang, LegacyOff, LegacyOn, OptionMark, Opts, Pick, Place, Reply,
    RowSpan, Seg, CIRCULAR, DRAFTS, STUDY_GROUP,
};

/// The form's fixed wording in one language.
struct Words {
    annex: &'static str,
    subject_label: &'static str,
    subject: String,
    consultation: String,
    to: &'static str,
    to_lines: [&'static str; 4],
    from: &'static str,
    fax: &'static str,
    email: &'static str,
    date: &'static str,
    placeholders: [&'static str; 3],
    date_placeholder: &'static str,
    salutation: &'static str,
    intro: String,
    authorizes: String,
    no_comments: &'static str,
    with_comments: &'static str,
    not_authorize: String,
    closing: &'static str,
    /// typed before reasons in the label's paragraph
    reasons_prefix: &'static str,
    /// between a label and comments written after it
    separator: &'static str,
}

fn draft_list(lang: Lang) -> String {
    let refs: Vec<String> = DRAFTS.iter().map(Draft::full_ref).collect();
    let (sep, last) = match lang {
        Lang::En => (", ", " and "),
        Lang::Fr => (", ", " et "),
        Lang::Zh => ("、", "和"),
    };
    match refs.split_last() {
        Some((tail, head)) if !head.is_empty() => format!("{}{last}{tail}", head.join(sep)),
        Some((tail, _)) => tail.clone(),
        None => String::new(),
    }
}

fn words(lang: Lang) -> Words {
    let c = CIRCULAR;
    let sg = STUDY_GROUP;
    let list = draft_list(lang);
    match lang {
        Lang::En => Words {
            annex: "ANNEX 2",
            subject_label: "Subject:",
            subject: format!(" Member State response to TSB Circular {c}:"),
            consultation: format!(
                "Consultation on determined draft new and revised ITU-T Recommendations {list}"
            ),
            to: "To:",
            to_lines: [
                "Director, Telecommunication Standardization Bureau",
                "International Telecommunication Union",
                "Place des Nations",
                "CH-1211 Geneva 20, Switzerland",
            ],
            from: "From:",
            fax: "Fax:",
            email: "Email:",
            date: "Date:",
            placeholders: ["[Name]", "[Official capacity]", "[Address]"],
            date_placeholder: "[Date], [Place]",
            salutation: "Dear Sir/Madam,",
            intro: format!("In the context of the consultation of Member States on determined draft texts in accordance with TSB Circular {c}, I would like to convey the views of this Administration as contained in the table below."),
            authorizes: format!("Authorizes Study Group {sg} to consider this draft for approval (in this case, select one of the two options ⃝):"),
            no_comments: "No comments or proposed changes",
            with_comments: "Comments and proposed changes attached",
            not_authorize: format!("Does not authorize Study Group {sg} to consider this draft for approval (the reasons for this opinion and an outline of possible changes that would facilitate further consideration and progression of the work are attached)"),
            closing: "Yours faithfully,",
            reasons_prefix: " Reasons: ",
            separator: ": ",
        },
        Lang::Fr => Words {
            annex: "ANNEXE 2",
            subject_label: "Objet:",
            subject: format!(" Réponse des États Membres à la Circulaire TSB {c}:"),
            consultation: format!(
                "Consultation sur les projets déterminés de nouvelles Recommandations et de Recommandations révisées UIT-T {list}"
            ),
            to: "À:",
            to_lines: [
                "Directeur du Bureau de la normalisation des télécommunications",
                "Union internationale des télécommunications",
                "Place des Nations",
                "CH-1211 Genève 20, Suisse",
            ],
            from: "De:",
            fax: "Télécopie:",
            email: "Courriel:",
            date: "Date:",
            placeholders: ["[Nom]", "[Fonction officielle]", "[Adresse]"],
            date_placeholder: "[Date], [Lieu]",
            salutation: "Madame, Monsieur,",
            intro: format!("Dans le cadre de la consultation des États Membres sur les projets de textes déterminés conformément à la Circulaire TSB {c}, je souhaiterais vous faire part des vues de mon Administration, telles qu'elles figurent dans le tableau ci-dessous."),
            authorizes: format!("Autorise la Commission d'études {sg} à examiner le présent projet en vue de son approbation (dans ce cas, choisir l'une des deux options ⃝):"),
            no_comments: "Pas de commentaires ni de propositions de modification",
            with_comments: "Commentaires et propositions de modification joints",
            not_authorize: format!("N'autorise pas la Commission d'études {sg} à examiner le présent projet en vue de son approbation (les motifs de cette position et un aperçu des modifications qui pourraient faciliter la poursuite de l'examen et l'avancement des travaux sont joints)"),
            closing: "Veuillez agréer, Madame, Monsieur, l'assurance de ma considération distinguée.",
            reasons_prefix: " Motifs : ",
            separator: " : ",
        },
        Lang::Zh => Words {
            annex: "附件2",
            subject_label: "事由：",
            subject: format!("成员国对电信标准化局第{c}号通函的回复："),
            consultation: format!("针对已确定的ITU-T {list}新建议书草案和修订建议书草案进行磋商"),
            to: "致：",
            to_lines: [
                "国际电信联盟",
                "电信标准化局主任",
                "Place des Nations",
                "CH-1211 Geneva 20, Switzerland",
            ],
            from: "发自：",
            fax: "传真：",
            email: "电子邮件：",
            date: "日期：",
            placeholders: ["[姓名]", "[官方职务]", "[地址]"],
            date_placeholder: "[日期] [地点]",
            salutation: "尊敬的先生/女士：",
            intro: format!("关于针对电信标准化局第{c}号通函中所列的已确定案文草案与成员国进行磋商一事，我谨向您通报本主管部门的意见，如下表所述。"),
            authorizes: format!("授权第{sg}研究组考虑批准该草案（在这种情况下，请选择两种方案⃝中的一种）："),
            no_comments: "无意见或无建议修改",
            with_comments: "附意见和建议的修改",
            not_authorize: format!("不授权第{sg}研究组考虑批准该草案（附反对意见的理由并说明可能推动该项工作进展的可能修改概述）"),
            closing: "顺致敬意！",
            reasons_prefix: "理由：",
            separator: "：",
        },
    }
}

/// The draft's name as the left cell prints it.
fn draft_title(lang: Lang, d: &Draft) -> String {
    let r = d.full_ref();
    match (lang, d.revised) {
        (Lang::En, false) => format!("Draft new Recommendation ITU-T {r}"),
        (Lang::En, true) => format!("Draft revised Recommendation ITU-T {r}"),
        (Lang::Fr, false) => format!("Projet de nouvelle Recommandation UIT-T {r}"),
        (Lang::Fr, true) => format!("Projet de Recommandation révisée UIT-T {r}"),
        (Lang::Zh, false) => format!("ITU-T {r}新建议书草案"),
        (Lang::Zh, true) => format!("ITU-T {r}修订建议书草案"),
    }
}

/// The default heading of reasons or comments written after the table.
fn default_heading(lang: Lang, d: &Draft, reasons: bool) -> String {
    let id = d.id;
    match (lang, reasons) {
        (Lang::En, true) => format!("Reasons for not authorizing {id}:"),
        (Lang::En, false) => format!("Comments on {id}:"),
        (Lang::Fr, true) => format!("Motifs concernant {id} :"),
        (Lang::Fr, false) => format!("Commentaires sur {id} :"),
        (Lang::Zh, true) => format!("关于{id}的理由："),
        (Lang::Zh, false) => format!("关于{id}的意见："),
    }
}

// Column widths (twips) of the header and answer tables.
const HEADER_GRID: [u32; 4] = [1400, 3500, 1400, 3339];
const NAME_W: u32 = 3000;
const BOX_W: u32 = 560;
const LABEL_W: u32 = 6079;
const TABLE_W: u32 = NAME_W + BOX_W + LABEL_W;

const TIGHT: &str = r#"<w:spacing w:before="0" w:after="0"/>"#;
const CENTER: &str = r#"<w:jc w:val="center"/>"#;
const HANGING: &str = r#"<w:ind w:left="567" w:hanging="567"/>"#;
const GOTHIC: RPr = RPr {
    bold: false,
    italic: false,
    font: Some("MS Gothic"),
};

/// Rendering state for one document.
struct Ctx {
    rng: Rng,
    lang: Lang,
    /// Next annotation id (bookmarks, revisions share one space).
    next_id: u32,
    /// Next legacy field number (CheckN).
    next_check: u32,
    /// Next drawing id for text boxes.
    next_shape: u32,
    /// Author and date of tracked changes.
    reviser: (&'static str, String),
}

impl Ctx {
    fn id(&mut self) -> u32 {
        self.next_id += 1;
        self.next_id - 1
    }

    fn p(&mut self, ppr: &str, content: &str) -> String {
        para(&mut self.rng, ppr, content)
    }

    /// A paragraph of plain text.
    fn text_p(&mut self, ppr: &str, text: &str, rpr: RPr) -> String {
        let content = runs(&mut self.rng, text, rpr);
        self.p(ppr, &content)
    }

    fn ins(&mut self, content: &str) -> String {
        let id = self.id();
        format!(
            r#"<w:ins w:id="{id}" w:author="{}" w:date="{}">{content}</w:ins>"#,
            esc(self.reviser.0),
            self.reviser.1
        )
    }

    fn del(&mut self, content: &str) -> String {
        let id = self.id();
        format!(
            r#"<w:del w:id="{id}" w:author="{}" w:date="{}">{content}</w:del>"#,
            esc(self.reviser.0),
            self.reviser.1
        )
    }

    /// An unticked or ticked legacy FORMCHECKBOX with its bookmark.
    fn legacy(&mut self, on: bool, enc: (LegacyOn, LegacyOff)) -> String {
        let n = self.next_check;
        self.next_check += 1;
        let id = self.id();
        let state = match (on, enc) {
            (true, (LegacyOn::Bare, _)) => r#"<w:default w:val="0"/><w:checked/>"#,
            (true, (LegacyOn::Val1, _)) => r#"<w:default w:val="0"/><w:checked w:val="1"/>"#,
            (true, (LegacyOn::ValTrue, _)) => r#"<w:default w:val="0"/><w:checked w:val="true"/>"#,
            (true, (LegacyOn::DefaultOnly, _)) => r#"<w:default w:val="1"/>"#,
            (false, (_, LegacyOff::Default0)) => r#"<w:default w:val="0"/>"#,
            (false, (_, LegacyOff::Default1Checked0)) => {
                r#"<w:default w:val="1"/><w:checked w:val="0"/>"#
            }
            (false, (_, LegacyOff::Nothing)) => "",
        };
        format!(
            r#"<w:bookmarkStart w:id="{id}" w:name="Check{n}"/><w:r><w:fldChar w:fldCharType="begin"><w:ffData><w:name w:val="Check{n}"/><w:enabled/><w:calcOnExit w:val="0"/><w:checkBox><w:sizeAuto/>{state}</w:checkBox></w:ffData></w:fldChar></w:r><w:r><w:instrText xml:space="preserve"> FORMCHECKBOX </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r><w:bookmarkEnd w:id="{id}"/>"#
        )
    }

    /// A Word 2010 check-box content control.
    fn content_control(&mut self, on: bool) -> String {
        let id = self.rng.sdt_id();
        let (val, glyph) = if on { ("1", "☒") } else { ("0", "☐") };
        format!(
            r#"<w:sdt><w:sdtPr><w:id w:val="{id}"/><w14:checkbox><w14:checked w14:val="{val}"/><w14:checkedState w14:val="2612" w14:font="MS Gothic"/><w14:uncheckedState w14:val="2610" w14:font="MS Gothic"/></w14:checkbox></w:sdtPr><w:sdtContent>{}</w:sdtContent></w:sdt>"#,
            run(glyph, GOTHIC, Rev::Normal)
        )
    }

    /// A decision box as the reply's mechanism writes it.
    fn decision_box(&mut self, mark: BoxMark, on: bool, rev: Rev) -> String {
        match mark {
            BoxMark::Legacy { on: e_on, off } => self.legacy(on, (e_on, off)),
            BoxMark::ContentControl => self.content_control(on),
            BoxMark::Glyph { on: g_on, off } => run(if on { g_on } else { off }, GOTHIC, rev),
            BoxMark::TypedOverLegacy { on: g } => {
                if on {
                    run(g, RPr::BOLD, rev)
                } else {
                    self.legacy(false, (LegacyOn::Bare, LegacyOff::Default0))
                }
            }
            BoxMark::Symbol {
                font,
                on: c_on,
                off,
            } => format!(
                r#"<w:r><w:sym w:font="{}" w:char="{:04X}"/></w:r>"#,
                esc(font),
                if on { c_on } else { off }
            ),
        }
    }

    /// An option mark (the ⃝ before an option).
    fn option_mark(&mut self, mark: OptionMark, on: bool, rev: Rev) -> String {
        match (mark, on) {
            (OptionMark::ContentControl, _) => self.content_control(on),
            (_, false) => run("⃝", RPr::PLAIN, rev),
            (OptionMark::Glyph(g), true) => run(g, RPr::PLAIN, rev),
            (OptionMark::BoxGlyph, true) => run("☒", GOTHIC, rev),
        }
    }

    /// A mark that may have been changed under tracked changes: the old one deleted, the new
    /// one inserted; unchanged marks are written once.
    fn tracked_mark(
        &mut self,
        now: bool,
        was: Option<bool>,
        mut write: impl FnMut(&mut Ctx, bool, Rev) -> String,
    ) -> String {
        match was {
            Some(old) if old != now => {
                let old_xml = write(self, old, Rev::Deleted);
                let new_xml = write(self, now, Rev::Normal);
                let d = self.del(&old_xml);
                let i = self.ins(&new_xml);
                format!("{d}{i}")
            }
            _ => write(self, now, Rev::Normal),
        }
    }

    /// The runs of one paragraph of reasons, revisions included.
    fn segs(&mut self, segs: &[Seg]) -> String {
        let mut out = String::new();
        for s in segs {
            match *s {
                Seg::Plain(t) => out.push_str(&runs(&mut self.rng, t, RPr::PLAIN)),
                Seg::Ins(t) => {
                    let r = runs(&mut self.rng, t, RPr::PLAIN);
                    out.push_str(&self.ins(&r));
                }
                Seg::Del(t) => {
                    let r = run(t, RPr::PLAIN, Rev::Deleted);
                    out.push_str(&self.del(&r));
                }
            }
        }
        out
    }

    /// Paragraphs of reasons or comments, the prefix typed before the first.
    fn text_paras(&mut self, text: &[Vec<Seg>], prefix: Option<&str>) -> Vec<String> {
        let mut out = Vec::new();
        for (i, segs) in text.iter().enumerate() {
            let mut content = String::new();
            if i == 0 {
                if let Some(pre) = prefix {
                    content.push_str(&run(pre, RPr::PLAIN, Rev::Normal));
                }
            }
            content.push_str(&self.segs(segs));
            out.push(self.p("", &content));
        }
        out
    }

    /// An inline text box holding `inner` paragraphs: DrawingML with its VML fallback, as
    /// Word writes it (the same text twice; a reader takes one).
    fn text_box(&mut self, inner: &str) -> String {
        let n = self.next_shape;
        self.next_shape += 1;
        format!(
            r##"<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0"><wp:extent cx="6120130" cy="1260000"/><wp:effectExtent l="0" t="0" r="0" b="0"/><wp:docPr id="{n}" name="Text Box {n}"/><wp:cNvGraphicFramePr/><a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:wsp><wps:cNvSpPr txBox="1"/><wps:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="6120130" cy="1260000"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom><a:solidFill><a:srgbClr val="FFFFFF"/></a:solidFill><a:ln w="6350"><a:solidFill><a:srgbClr val="000000"/></a:solidFill></a:ln></wps:spPr><wps:txbx><w:txbxContent>{inner}</w:txbxContent></wps:txbx><wps:bodyPr rot="0" vert="horz" wrap="square" lIns="91440" tIns="45720" rIns="91440" bIns="45720" anchor="t" anchorCtr="0"><a:noAutofit/></wps:bodyPr></wps:wsp></a:graphicData></a:graphic></wp:inline></w:drawing></mc:Choice><mc:Fallback><w:pict><v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe"><v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype><v:shape id="Text Box {n}" o:spid="_x0000_s{}" type="#_x0000_t202" style="width:481.9pt;height:99.2pt;mso-position-horizontal-relative:char;mso-position-vertical-relative:line" fillcolor="white" strokeweight=".5pt"><v:textbox><w:txbxContent>{inner}</w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>"##,
            1025 + n
        )
    }
}

/// The header table: To / From / Fax / Email / Date.
fn header(ctx: &mut Ctx, w: &Words, fill: Option<&Reply>) -> String {
    let [c0, c1, c2, c3] = HEADER_GRID;
    let tight = |ctx: &mut Ctx, t: &str| ctx.text_p(TIGHT, t, RPr::PLAIN);

    let to_label = tight(ctx, w.to);
    let to_lines: Vec<String> = w.to_lines.iter().map(|l| tight(ctx, l)).collect();
    let from_label = tight(ctx, w.from);
    let from_lines: Vec<String> = match fill {
        Some(r) => {
            let mut v = vec![tight(ctx, r.sender.name), tight(ctx, r.sender.title)];
            for l in r.sender.lines {
                v.push(tight(ctx, l));
            }
            v
        }
        None => w.placeholders.iter().map(|l| tight(ctx, l)).collect(),
    };
    let row1 = row(&[
        cell(c0, "", &[to_label]),
        cell(c1, "", &to_lines),
        cell(c2, "", &[from_label]),
        cell(c3, "", &from_lines),
    ]);

    let labels = |ctx: &mut Ctx| vec![tight(ctx, w.fax), tight(ctx, w.email)];
    let l1 = labels(ctx);
    let tsb = vec![tight(ctx, "+41 22 730 5853"), tight(ctx, "tsbdir@itu.int")];
    let l2 = labels(ctx);
    let sender_contact = match fill {
        Some(r) => vec![tight(ctx, r.sender.fax), tight(ctx, r.sender.email)],
        None => vec![ctx.p(TIGHT, ""), ctx.p(TIGHT, "")],
    };
    let row2 = row(&[
        cell(c0, "", &l1),
        cell(c1, "", &tsb),
        cell(c2, "", &l2),
        cell(c3, "", &sender_contact),
    ]);

    let empty0 = ctx.p(TIGHT, "");
    let empty1 = ctx.p(TIGHT, "");
    let date_label = tight(ctx, w.date);
    let date = tight(ctx, fill.map_or(w.date_placeholder, |r| r.date_written));
    let row3 = row(&[
        cell(c0, "", &[empty0]),
        cell(c1, "", &[empty1]),
        cell(c2, "", &[date_label]),
        cell(c3, "", &[date]),
    ]);
    table(false, &HEADER_GRID, &[row1, row2, row3])
}

/// Blocks written after the table for one draft (heading + paragraphs, or a text box).
struct AfterTable(Vec<String>);

/// The rows of one draft; blocks for after the table are pushed to `after`.
fn draft_rows(
    ctx: &mut Ctx,
    w: &Words,
    d: &Draft,
    fill: Option<(&Answer, BoxMark, OptionMark)>,
    after: &mut AfterTable,
) -> Vec<String> {
    let blank = (
        &Answer {
            pick: Pick::Neither,
            opts: Opts::Neither,
            text: Vec::new(),
            place: Place::SamePara,
            prefix: None,
            heading: None,
            was: None,
        },
        BoxMark::Legacy {
            on: LegacyOn::Bare,
            off: LegacyOff::Default0,
        },
        OptionMark::Glyph("●"),
    );
    let (a, boxes, options) = fill.unwrap_or(blank);
    let auth_on = matches!(a.pick, Pick::Authorize | Pick::Both);
    let not_on = matches!(a.pick, Pick::NotAuthorize | Pick::Both);
    let no_on = matches!(a.opts, Opts::NoComments | Opts::Both);
    let with_on = matches!(a.opts, Opts::WithComments | Opts::Both);
    let was = a.was.map(|(p, o)| {
        (
            matches!(p, Pick::Authorize | Pick::Both),
            matches!(p, Pick::NotAuthorize | Pick::Both),
            matches!(o, Opts::NoComments | Opts::Both),
            matches!(o, Opts::WithComments | Opts::Both),
        )
    });

    // Where the text goes: with the row it belongs to, or after the table.
    let reasons = a.text_is_reasons();
    let has_text = !a.text.is_empty();
    let same_para = has_text && a.place == Place::SamePara;
    let default_prefix = if reasons {
        w.reasons_prefix
    } else {
        w.separator
    };
    let prefix = match a.place {
        Place::SamePara => Some(a.prefix.unwrap_or(default_prefix)),
        _ => a.prefix,
    };
    // The first paragraph joins the label's paragraph when written in the same paragraph.
    let (first_inline, rest): (Option<String>, Vec<String>) = if same_para {
        let mut content = run(prefix.unwrap_or(""), RPr::PLAIN, Rev::Normal);
        let first = a.text.first().map(Vec::as_slice).unwrap_or(&[]);
        content.push_str(&ctx.segs(first));
        let rest = ctx.text_paras(a.text.get(1..).unwrap_or(&[]), None);
        (Some(content), rest)
    } else if has_text {
        (None, ctx.text_paras(&a.text, prefix))
    } else {
        (None, Vec::new())
    };
    let in_cell = |p: Place| matches!(p, Place::SamePara | Place::CellPara);

    // Row 1: name (merged down), box, Authorizes + the two options.
    let name = ctx.text_p("", &draft_title(ctx.lang, d), RPr::PLAIN);
    let box1 = ctx.tracked_mark(auth_on, was.map(|w| w.0), |c, on, rev| {
        c.decision_box(boxes, on, rev)
    });
    let box1 = ctx.p(CENTER, &box1);
    let mut label1 = vec![ctx.text_p("", &w.authorizes, RPr::PLAIN)];
    let m = ctx.tracked_mark(no_on, was.map(|w| w.2), |c, on, rev| {
        c.option_mark(options, on, rev)
    });
    let no_text = runs(&mut ctx.rng, w.no_comments, RPr::PLAIN);
    label1.push(ctx.p(HANGING, &format!("{m}{TAB}{no_text}")));
    let m = ctx.tracked_mark(with_on, was.map(|w| w.3), |c, on, rev| {
        c.option_mark(options, on, rev)
    });
    let mut with_content = format!(
        "{m}{TAB}{}",
        runs(&mut ctx.rng, w.with_comments, RPr::PLAIN)
    );
    if !reasons {
        if let Some(inline) = &first_inline {
            with_content.push_str(inline);
        }
    }
    label1.push(ctx.p(HANGING, &with_content));
    if !reasons && in_cell(a.place) {
        label1.extend(rest.iter().cloned());
    }
    let row1 = row(&[
        cell(NAME_W, r#"<w:vMerge w:val="restart"/>"#, &[name]),
        cell(BOX_W, r#"<w:vAlign w:val="top"/>"#, &[box1]),
        cell(LABEL_W, "", &label1),
    ]);

    // Row 2: (merged), box, Does not authorize.
    let empty = ctx.p("", "");
    let box2 = ctx.tracked_mark(not_on, was.map(|w| w.1), |c, on, rev| {
        c.decision_box(boxes, on, rev)
    });
    let box2 = ctx.p(CENTER, &box2);
    let mut not_content = runs(&mut ctx.rng, &w.not_authorize, RPr::PLAIN);
    if reasons {
        if let Some(inline) = &first_inline {
            not_content.push_str(inline);
        }
    }
    let mut label2 = vec![ctx.p("", &not_content)];
    if reasons && in_cell(a.place) {
        label2.extend(rest.iter().cloned());
    }
    let row2 = row(&[
        cell(NAME_W, "<w:vMerge/>", &[empty]),
        cell(BOX_W, r#"<w:vAlign w:val="top"/>"#, &[box2]),
        cell(LABEL_W, "", &label2),
    ]);
    let mut rows = vec![row1, row2];

    match a.place {
        _ if !has_text => {}
        Place::SamePara | Place::CellPara => {}
        Place::NewRow(RowSpan::Full) => {
            rows.push(row(&[cell(TABLE_W, r#"<w:gridSpan w:val="3"/>"#, &rest)]));
        }
        Place::NewRow(RowSpan::UnderName) => {
            let empty = ctx.p("", "");
            rows.push(row(&[
                cell(NAME_W, "<w:vMerge/>", &[empty]),
                cell(BOX_W + LABEL_W, r#"<w:gridSpan w:val="2"/>"#, &rest),
            ]));
        }
        Place::AfterTable | Place::TextBox => {
            let heading = match a.heading {
                Some(h) => h.to_string(),
                None => default_heading(ctx.lang, d, reasons),
            };
            after.0.push(ctx.text_p("", &heading, RPr::BOLD));
            if a.place == Place::TextBox {
                let inner = rest.concat();
                let tb = ctx.text_box(&inner);
                after.0.push(ctx.p("", &tb));
            } else {
                after.0.extend(rest);
            }
        }
    }
    rows
}

/// `word/document.xml` of the blank form (`fill` = None) or of a filled reply.
pub fn document_xml(lang: Lang, fill: Option<&Reply>, seed: &str) -> String {
    let reviser_date = fill.map_or(String::new(), |r| {
        let (y, m, d) = r.date;
        format!("{y:04}-{m:02}-{d:02}T09:14:00Z")
    });
    let mut ctx = Ctx {
        rng: Rng::new(seed),
        lang,
        next_id: 0,
        next_check: 1,
        next_shape: 1,
        reviser: (fill.map_or("", |r| r.sender.name), reviser_date),
    };
    let w = words(lang);
    let mut body = Vec::new();

    body.push(ctx.text_p(CENTER, w.annex, RPr::BOLD));
    let subject = format!(
        "{}{}",
        run(w.subject_label, RPr::BOLD, Rev::Normal),
        runs(&mut ctx.rng, &w.subject, RPr::BOLD)
    );
    body.push(ctx.p(TIGHT, &subject));
    body.push(ctx.text_p("", &w.consultation, RPr::BOLD));
    body.push(header(&mut ctx, &w, fill));
    body.push(ctx.text_p("", w.salutation, RPr::PLAIN));
    body.push(ctx.text_p(r#"<w:jc w:val="both"/>"#, &w.intro, RPr::PLAIN));

    let mut after = AfterTable(Vec::new());
    let mut rows = Vec::new();
    for (i, d) in DRAFTS.iter().enumerate() {
        let answer = fill.and_then(|r| r.answers.get(i).map(|a| (a, r.boxes, r.options)));
        rows.extend(draft_rows(&mut ctx, &w, d, answer, &mut after));
    }
    body.push(table(true, &[NAME_W, BOX_W, LABEL_W], &rows));
    body.extend(after.0);

    body.push(ctx.text_p("", w.closing, RPr::PLAIN));
    if let Some(r) = fill {
        let empty = ctx.p("", "");
        body.push(empty);
        body.push(ctx.text_p(TIGHT, r.sender.name, RPr::PLAIN));
        body.push(ctx.text_p(TIGHT, r.sender.title, RPr::PLAIN));
    }
    ooxml::document(&body.concat())
}

/// The rsids the document used, for settings.xml (same seed as [`document_xml`]).
pub fn rsids(seed: &str) -> Vec<String> {
    Rng::new(seed).rsids().to_vec()
}
