//! The reply form (Annex 2) in the six ITU languages, blank or filled from a `Reply` spec:
//! header, salutation, the answer table with its boxes and options (in any of the layouts other
//! programs and people produce), reasons and comments wherever the spec places them, and the
//! signature. Arabic forms are right to left (`w:bidi`, `w:rtl`, `w:bidiVisual`).

use crate::ooxml::{self, cell, esc, row, run, table_ex, RPr, Rev, Rng, Writer};
use crate::spec::{
    is_placeholder, unanswered, Answer, App, BoxMark, Circular, DelStyle, Draft, Emph, Lang,
    Layout, LegacyOff, LegacyOn, OptionMark, Opts, Pick, Place, Reply, RowSpan, Seg, Wording,
    LEGACY_WORD,
};

/// The wording the editions of the form share in one language (this generator's, and
/// circ310.rs's with its own subject and column heads): the letter around the answer table and
/// the three answers.
pub struct Letter {
    pub annex: &'static str,
    pub subject_label: &'static str,
    /// "Member State response to TSB Circular N:", after the label.
    pub subject: String,
    pub to: &'static str,
    pub to_lines: [&'static str; 4],
    pub from: &'static str,
    pub fax: &'static str,
    pub email: &'static str,
    pub date: &'static str,
    pub placeholders: [&'static str; 3],
    pub date_placeholder: &'static str,
    pub salutation: &'static str,
    pub intro: String,
    pub authorizes: String,
    pub no_comments: &'static str,
    pub with_comments: &'static str,
    pub not_authorize: String,
    pub closing: &'static str,
}

/// `refs` joined as `lang` writes a list ("A, B and C").
pub fn join_list(lang: Lang, refs: &[String]) -> String {
    let (sep, last) = match lang {
        Lang::En => (", ", " and "),
        Lang::Fr => (", ", " et "),
        Lang::Es => (", ", " y "),
        Lang::Ru => (", ", " и "),
        Lang::Ar => ("، ", " و"),
        Lang::Zh => ("、", "和"),
    };
    match refs.split_last() {
        Some((tail, head)) if !head.is_empty() => format!("{}{last}{tail}", head.join(sep)),
        Some((tail, _)) => tail.clone(),
        None => String::new(),
    }
}

/// The current template's letter in `lang` for TSB Circular `c` of Study Group `sg`.
pub fn letter(lang: Lang, c: u32, sg: u32) -> Letter {
    match lang {
        Lang::En => Letter {
            annex: "ANNEX 2",
            subject_label: "Subject:",
            subject: format!(" Member State response to TSB Circular {c}:"),
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
        },
        Lang::Fr => Letter {
            annex: "ANNEXE 2",
            subject_label: "Objet:",
            subject: format!(" Réponse des États Membres à la Circulaire TSB {c}:"),
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
        },
        Lang::Es => Letter {
            annex: "ANEXO 2",
            subject_label: "Asunto:",
            subject: format!(" Respuesta de los Estados Miembros a la Circular TSB {c}:"),
            to: "A:",
            to_lines: [
                "Director de la Oficina de Normalización de las Telecomunicaciones",
                "Unión Internacional de Telecomunicaciones",
                "Place des Nations",
                "CH-1211 Ginebra 20, Suiza",
            ],
            from: "De:",
            fax: "Fax:",
            email: "Correo-e:",
            date: "Fecha:",
            placeholders: ["[Nombre]", "[Cargo oficial]", "[Dirección]"],
            date_placeholder: "[Fecha], [Lugar]",
            salutation: "Muy Señora mía/Muy Señor mío:",
            intro: format!("En el contexto de la consulta a los Estados Miembros sobre los proyectos de texto determinados de conformidad con la Circular TSB {c}, tengo el honor de transmitirle las opiniones de esta Administración, que figuran en el cuadro siguiente."),
            authorizes: format!("Autoriza a la Comisión de Estudio {sg} a examinar este proyecto con miras a su aprobación (en este caso, seleccione una de las dos opciones ⃝):"),
            no_comments: "Sin comentarios ni propuestas de cambio",
            with_comments: "Se adjuntan comentarios y propuestas de cambio",
            not_authorize: format!("No autoriza a la Comisión de Estudio {sg} a examinar este proyecto con miras a su aprobación (se adjuntan los motivos de esta opinión y un resumen de los posibles cambios que facilitarían la continuación del examen y el avance de los trabajos)"),
            closing: "Atentamente,",
        },
        Lang::Ru => Letter {
            annex: "ПРИЛОЖЕНИЕ 2",
            subject_label: "Тема:",
            subject: format!(" Ответ Государства-Члена на Циркуляр БСЭ {c}:"),
            to: "Кому:",
            to_lines: [
                "Директору Бюро стандартизации электросвязи",
                "Международный союз электросвязи",
                "Place des Nations",
                "CH-1211 Женева 20, Швейцария",
            ],
            from: "От:",
            fax: "Факс:",
            email: "Эл. почта:",
            date: "Дата:",
            placeholders: ["[Имя]", "[Официальная должность]", "[Адрес]"],
            date_placeholder: "[Дата], [Место]",
            salutation: "Уважаемая госпожа, уважаемый господин,",
            intro: format!("В рамках консультаций с Государствами-Членами по определенным проектам текстов в соответствии с Циркуляром БСЭ {c} хотел бы сообщить мнение данной Администрации, изложенное в таблице ниже."),
            authorizes: format!("Уполномочивает Исследовательскую комиссию {sg} рассмотреть данный проект для утверждения (в этом случае выберите один из двух вариантов ⃝):"),
            no_comments: "Нет замечаний или предлагаемых изменений",
            with_comments: "Замечания и предлагаемые изменения прилагаются",
            not_authorize: format!("Не уполномочивает Исследовательскую комиссию {sg} рассмотреть данный проект для утверждения (причины такого мнения и краткое описание возможных изменений, которые способствовали бы дальнейшему рассмотрению и продвижению работы, прилагаются)"),
            closing: "С уважением,",
        },
        Lang::Ar => Letter {
            annex: "الملحق 2",
            subject_label: "الموضوع:",
            subject: format!(" رد الدولة العضو على الرسالة المعممة {c} لمكتب تقييس الاتصالات:"),
            to: "إلى:",
            to_lines: [
                "مدير مكتب تقييس الاتصالات",
                "الاتحاد الدولي للاتصالات",
                "Place des Nations",
                "CH-1211 جنيف 20، سويسرا",
            ],
            from: "من:",
            fax: "الفاكس:",
            email: "البريد الإلكتروني:",
            date: "التاريخ:",
            placeholders: ["[الاسم]", "[الصفة الرسمية]", "[العنوان]"],
            date_placeholder: "[التاريخ]، [المكان]",
            salutation: "حضرات السادة،",
            intro: format!("في سياق مشاورة الدول الأعضاء بشأن مشاريع النصوص المحددة وفقاً للرسالة المعممة {c} لمكتب تقييس الاتصالات، أود أن أبلغكم بآراء هذه الإدارة على النحو الوارد في الجدول أدناه."),
            authorizes: format!("تأذن للجنة الدراسات {sg} بالنظر في هذا المشروع بغرض الموافقة عليه (في هذه الحالة، يُرجى اختيار أحد الخيارين ⃝):"),
            no_comments: "لا توجد تعليقات أو تغييرات مقترحة",
            with_comments: "ترد طيه تعليقات وتغييرات مقترحة",
            not_authorize: format!("لا تأذن للجنة الدراسات {sg} بالنظر في هذا المشروع بغرض الموافقة عليه (ترد طيه أسباب هذا الرأي وموجز للتغييرات الممكنة التي من شأنها تيسير مواصلة النظر في العمل والمضي فيه قدماً)"),
            closing: "وتفضلوا بقبول فائق الاحترام والتقدير،",
        },
        Lang::Zh => Letter {
            annex: "附件2",
            subject_label: "事由：",
            subject: format!("成员国对电信标准化局第{c}号通函的回复："),
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
        },
    }
}

/// The form's fixed wording in one language.
struct Words {
    letter: Letter,
    consultation: String,
    /// typed before reasons in the label's paragraph
    reasons_prefix: &'static str,
    /// between a label and comments written after it
    separator: &'static str,
}

fn words(lang: Lang, circ: &Circular, wording: Wording) -> Words {
    let sg = circ.study_group;
    let refs: Vec<String> = circ.drafts.iter().map(Draft::full_ref).collect();
    let list = join_list(lang, &refs);
    let (consultation, reasons_prefix, separator) = match lang {
        Lang::En => (
            format!(
            "Consultation on determined draft new and revised ITU-T Recommendations {list}"
        ),
            " Reasons: ",
            ": ",
        ),
        Lang::Fr => (
            format!(
            "Consultation sur les projets déterminés de nouvelles Recommandations et de Recommandations révisées UIT-T {list}"
        ),
            " Motifs : ",
            " : ",
        ),
        Lang::Es => (
            format!(
            "Consulta sobre los proyectos determinados de Recomendaciones UIT-T nuevas y revisadas {list}"
        ),
            " Motivos: ",
            ": ",
        ),
        Lang::Ru => (
            format!(
            "Консультации по определенным проектам новых и пересмотренных Рекомендаций МСЭ-Т {list}"
        ),
            " Причины: ",
            ": ",
        ),
        Lang::Ar => (
            format!(
            "مشاورة بشأن مشاريع التوصيات الجديدة والمراجَعة المحددة لقطاع تقييس الاتصالات {list}"
        ),
            " الأسباب: ",
            ": ",
        ),
        Lang::Zh => (
            format!("针对已确定的ITU-T {list}新建议书草案和修订建议书草案进行磋商"),
            "理由：",
            "：",
        ),
    };
    let mut w = Words {
        letter: letter(lang, circ.number, sg),
        consultation,
        reasons_prefix,
        separator,
    };
    if wording == Wording::Older {
        // An earlier edition of the template: the same meaning, other words.
        let (auth, no, with, not) = match lang {
            Lang::En => (
                format!("Authorises Study Group {sg} to consider this draft text for approval (in which case, select one of the two options ⃝):"),
                "No comments or proposed modifications",
                "Comments and proposed modifications are attached",
                format!("Does not authorise Study Group {sg} to consider this draft text for approval (the reasons for this opinion and an outline of possible changes that would facilitate further consideration and progression of the work are attached)"),
            ),
            Lang::Fr => (
                format!("Autorise la CE {sg} à examiner ce projet de texte en vue de son approbation (dans ce cas, sélectionner l'une des deux options ⃝):"),
                "Pas de commentaire ni de modification proposée",
                "Commentaires et modifications proposées ci-joints",
                format!("N'autorise pas la CE {sg} à examiner ce projet de texte en vue de son approbation (les raisons de cet avis ainsi qu'un aperçu des modifications susceptibles de faciliter la poursuite de l'examen et l'avancement des travaux sont joints)"),
            ),
            Lang::Es => (
                format!("Autoriza a la Comisión de Estudio {sg} a considerar la aprobación de este proyecto de texto (en cuyo caso, seleccione una de las dos opciones ⃝):"),
                "No hay comentarios ni cambios propuestos",
                "Se adjuntan comentarios y cambios propuestos",
                format!("No autoriza a la Comisión de Estudio {sg} a considerar la aprobación de este proyecto de texto (se adjuntan las razones de esta opinión y un esbozo de los posibles cambios que facilitarían un nuevo examen y el progreso del trabajo)"),
            ),
            Lang::Ru => (
                format!("Уполномочивает {sg}-ю Исследовательскую комиссию рассматривать данный проект текста с целью его утверждения (в этом случае выберите один из двух вариантов ⃝):"),
                "Замечаний и предлагаемых изменений нет",
                "Прилагаются замечания и предлагаемые изменения",
                format!("Не уполномочивает {sg}-ю Исследовательскую комиссию рассматривать данный проект текста с целью его утверждения (прилагаются причины такого мнения и краткое изложение возможных изменений, которые облегчили бы дальнейшее рассмотрение и продвижение работы)"),
            ),
            Lang::Ar => (
                format!("يأذن للجنة الدراسات {sg} بأن تنظر في مشروع النص هذا من أجل الموافقة عليه (وفي هذه الحالة، اختر أحد الخيارين ⃝):"),
                "ليست هناك تعليقات أو تغييرات مقترحة",
                "مرفق تعليقات وتغييرات مقترحة",
                format!("لا يأذن للجنة الدراسات {sg} بأن تنظر في مشروع النص هذا من أجل الموافقة عليه (مرفق أسباب هذا الرأي ومخطط للتغييرات الممكنة التي من شأنها تيسير مواصلة النظر في العمل وتقدمه)"),
            ),
            Lang::Zh => (
                format!("同意授权第{sg}研究组审议批准该文本草案（如同意，请在以下两个选项⃝中选择一项）："),
                "无意见或修改建议",
                "附意见和修改建议",
                format!("不同意授权第{sg}研究组审议批准该文本草案（附上持此意见的理由以及有助于进一步审议和推进工作的可能修改的概要）"),
            ),
        };
        w.letter.authorizes = auth;
        w.letter.no_comments = no;
        w.letter.with_comments = with;
        w.letter.not_authorize = not;
    }
    w
}

/// The draft's name as the left cell prints it (`named`: the number the reply prints instead).
fn draft_title(lang: Lang, d: &Draft, named: Option<&str>) -> String {
    let r = match (named, d.paren) {
        (Some(n), Some(p)) => format!("{n} ({p})"),
        (Some(n), None) => n.to_string(),
        (None, _) => d.full_ref(),
    };
    match (lang, d.revised) {
        (Lang::En, false) => format!("Draft new Recommendation ITU-T {r}"),
        (Lang::En, true) => format!("Draft revised Recommendation ITU-T {r}"),
        (Lang::Fr, false) => format!("Projet de nouvelle Recommandation UIT-T {r}"),
        (Lang::Fr, true) => format!("Projet de Recommandation révisée UIT-T {r}"),
        (Lang::Es, false) => format!("Proyecto de nueva Recomendación UIT-T {r}"),
        (Lang::Es, true) => format!("Proyecto de Recomendación UIT-T {r} revisada"),
        (Lang::Ru, false) => format!("Проект новой Рекомендации МСЭ-Т {r}"),
        (Lang::Ru, true) => format!("Проект пересмотренной Рекомендации МСЭ-Т {r}"),
        (Lang::Ar, false) => format!("مشروع التوصية الجديدة ITU-T {r}"),
        (Lang::Ar, true) => format!("مشروع التوصية المراجَعة ITU-T {r}"),
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
        (Lang::Es, true) => format!("Motivos relativos a {id}:"),
        (Lang::Es, false) => format!("Comentarios sobre {id}:"),
        (Lang::Ru, true) => format!("Причины по {id}:"),
        (Lang::Ru, false) => format!("Замечания по {id}:"),
        (Lang::Ar, true) => format!("الأسباب المتعلقة بـ {id}:"),
        (Lang::Ar, false) => format!("التعليقات المتعلقة بـ {id}:"),
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
    font: Some("MS Gothic"),
    ..RPr::PLAIN
};

/// Rendering state for one document.
struct Ctx {
    rng: Rng,
    lang: Lang,
    /// Right to left (Arabic): `w:bidi` on paragraphs, `w:rtl` on runs, `w:bidiVisual` on tables.
    rtl: bool,
    /// Content controls as LibreOffice writes them: an extra `w:sdt` around each, the state
    /// as `<w14:checked w:val=…>` (the attribute in the `w:` namespace).
    libreoffice: bool,
    /// Next annotation id (bookmarks, revisions share one space).
    next_id: u32,
    /// Next legacy field number (CheckN).
    next_check: u32,
    /// Next drawing id for text boxes.
    next_shape: u32,
    /// Author and date of tracked changes.
    reviser: (&'static str, String),
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

    fn run(&self, text: &str, rpr: RPr, rev: Rev) -> String {
        run(text, self.rp(rpr), rev)
    }

    fn table(&self, bordered: bool, grid: &[u32], rows: &[String]) -> String {
        table_ex(bordered, grid, rows, self.rtl)
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

    /// The `w:checkBox` state of a legacy check box.
    fn legacy_state(on: bool, enc: (LegacyOn, LegacyOff)) -> &'static str {
        match (on, enc) {
            (true, (LegacyOn::Bare, _)) => r#"<w:default w:val="0"/><w:checked/>"#,
            (true, (LegacyOn::Val1, _)) => r#"<w:default w:val="0"/><w:checked w:val="1"/>"#,
            (true, (LegacyOn::ValTrue, _)) => r#"<w:default w:val="0"/><w:checked w:val="true"/>"#,
            (true, (LegacyOn::DefaultOnly, _)) => r#"<w:default w:val="1"/>"#,
            (false, (_, LegacyOff::Default0)) => r#"<w:default w:val="0"/>"#,
            (false, (_, LegacyOff::Default1Checked0)) => {
                r#"<w:default w:val="1"/><w:checked w:val="0"/>"#
            }
            (false, (_, LegacyOff::Nothing)) => "",
        }
    }

    /// An unticked or ticked legacy FORMCHECKBOX with its bookmark.
    fn legacy(&mut self, on: bool, enc: (LegacyOn, LegacyOff)) -> String {
        let n = self.next_check;
        self.next_check += 1;
        let id = self.id();
        let state = Ctx::legacy_state(on, enc);
        ooxml::legacy_checkbox(id, n, self.bare_run(), state, "")
    }

    /// A legacy check box as a simple field, the way the WPS-style samples write it.
    fn field_simple(&mut self, on: bool) -> String {
        let n = self.next_check;
        self.next_check += 1;
        let state = if on {
            "<w:checked/>"
        } else {
            r#"<w:default w:val="0"/>"#
        };
        format!(
            r#"<w:fldSimple w:instr=" FORMCHECKBOX "><w:ffData><w:name w:val="Check{n}"/><w:enabled/><w:calcOnExit w:val="0"/><w:checkBox><w:sizeAuto/>{state}</w:checkBox></w:ffData></w:fldSimple>"#
        )
    }

    /// A Word 2010 check-box content control.
    fn content_control(&mut self, on: bool) -> String {
        let id = self.rng.sdt_id();
        let (val, glyph) = if on { ("1", "☒") } else { ("0", "☐") };
        if self.libreoffice {
            return format!(
                r#"<w:sdt><w:sdtPr><w:id w:val="{id}"/></w:sdtPr><w:sdtContent><w:sdt><w:sdtPr><w14:checkbox><w14:checked w:val="{val}"/><w14:checkedState w14:val="2612"/><w14:uncheckedState w14:val="2610"/></w14:checkbox></w:sdtPr><w:sdtContent>{}</w:sdtContent></w:sdt></w:sdtContent></w:sdt>"#,
                self.run(glyph, GOTHIC, Rev::Normal)
            );
        }
        ooxml::w14_checkbox(id, on, &self.run(glyph, GOTHIC, Rev::Normal))
    }

    /// A content-control check box toggled under tracked changes: the new state in
    /// `w14:checked`, the old glyph inside `w:del`, the new one inside `w:ins`.
    fn content_control_toggled(&mut self, now: bool, was: bool) -> String {
        let id = self.rng.sdt_id();
        let glyph = |on: bool| if on { "☒" } else { "☐" };
        let old = self.run(glyph(was), GOTHIC, Rev::Deleted);
        let new = self.run(glyph(now), GOTHIC, Rev::Normal);
        let d = self.del(&old);
        let i = self.ins(&new);
        ooxml::w14_checkbox(id, now, &format!("{d}{i}"))
    }

    /// A decision box as the reply's mechanism writes it.
    fn decision_box(&mut self, mark: BoxMark, on: bool, rev: Rev) -> String {
        let unticked = (LegacyOn::Bare, LegacyOff::Default0);
        match mark {
            BoxMark::Legacy { on: e_on, off } => self.legacy(on, (e_on, off)),
            BoxMark::ContentControl => self.content_control(on),
            BoxMark::Glyph { on: g_on, off } => self.run(if on { g_on } else { off }, GOTHIC, rev),
            BoxMark::TypedOverLegacy { on: g } => {
                if on {
                    self.run(g, RPr::BOLD, rev)
                } else {
                    self.legacy(false, unticked)
                }
            }
            BoxMark::Symbol {
                font,
                on: c_on,
                off,
            } => format!(
                r#"{}<w:sym w:font="{}" w:char="{:04X}"/></w:r>"#,
                self.bare_run(),
                esc(font),
                if on { c_on } else { off }
            ),
            // The blank form's boxes stay as they were.
            BoxMark::Emphasis(_) | BoxMark::Deletion(_) => self.legacy(false, unticked),
            BoxMark::Words { word, keep_box } => {
                let field = if keep_box {
                    self.legacy(false, unticked)
                } else {
                    String::new()
                };
                let typed = match (on, keep_box) {
                    (false, _) => String::new(),
                    (true, true) => self.run(&format!(" {word}"), RPr::BOLD, rev),
                    (true, false) => self.run(word, RPr::BOLD, rev),
                };
                format!("{field}{typed}")
            }
            BoxMark::Sentences(_) => String::new(),
            BoxMark::FieldSimple => self.field_simple(on),
        }
    }

    /// A decision box, changed under tracked changes when `was` differs.
    fn decision_box_tracked(&mut self, mark: BoxMark, now: bool, was: Option<bool>) -> String {
        match (mark, was) {
            (BoxMark::ContentControl, Some(old)) if old != now => {
                self.content_control_toggled(now, old)
            }
            _ => self.tracked_mark(now, was, |c, on, rev| c.decision_box(mark, on, rev)),
        }
    }

    /// An option mark (the ⃝ before an option).
    fn option_mark(&mut self, mark: OptionMark, on: bool, rev: Rev) -> String {
        match (mark, on) {
            (OptionMark::ContentControl, _) => self.content_control(on),
            (_, false) | (OptionMark::Follow, _) => self.run("⃝", RPr::PLAIN, rev),
            (OptionMark::Glyph(g), true) => self.run(g, RPr::PLAIN, rev),
            (OptionMark::BoxGlyph, true) => self.run("☒", GOTHIC, rev),
        }
    }

    fn option_mark_tracked(&mut self, mark: OptionMark, now: bool, was: Option<bool>) -> String {
        match (mark, was) {
            (OptionMark::ContentControl, Some(old)) if old != now => {
                self.content_control_toggled(now, old)
            }
            _ => self.tracked_mark(now, was, |c, on, rev| c.option_mark(mark, on, rev)),
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
                Seg::Plain(t) => out.push_str(&self.runs(t, RPr::PLAIN)),
                Seg::Ins(t) => {
                    let r = self.runs(t, RPr::PLAIN);
                    out.push_str(&self.ins(&r));
                }
                Seg::Del(t) => {
                    let r = self.run(t, RPr::PLAIN, Rev::Deleted);
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
                    content.push_str(&self.run(pre, RPr::PLAIN, Rev::Normal));
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
        self.text_box_sized(inner, 1_260_000, "99.2pt", 91440)
    }

    /// A text box `cy` EMU (`height` in VML) high, with `inset` EMU left and right margins.
    fn text_box_sized(&mut self, inner: &str, cy: u32, height: &str, inset: u32) -> String {
        let n = self.next_shape;
        self.next_shape += 1;
        let r = self.bare_run();
        // VML spells a non-default inset out (left, top, right, bottom).
        let vml_inset = if inset == 91440 {
            String::new()
        } else {
            format!(
                r#" inset="{}pt,3.6pt,{}pt,3.6pt""#,
                inset / 12700,
                inset / 12700
            )
        };
        format!(
            r##"{r}<mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0"><wp:extent cx="6120130" cy="{cy}"/><wp:effectExtent l="0" t="0" r="0" b="0"/><wp:docPr id="{n}" name="Text Box {n}"/><wp:cNvGraphicFramePr/><a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:wsp><wps:cNvSpPr txBox="1"/><wps:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="6120130" cy="{cy}"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom><a:solidFill><a:srgbClr val="FFFFFF"/></a:solidFill><a:ln w="6350"><a:solidFill><a:srgbClr val="000000"/></a:solidFill></a:ln></wps:spPr><wps:txbx><w:txbxContent>{inner}</w:txbxContent></wps:txbx><wps:bodyPr rot="0" vert="horz" wrap="square" lIns="{inset}" tIns="45720" rIns="{inset}" bIns="45720" anchor="t" anchorCtr="0"><a:noAutofit/></wps:bodyPr></wps:wsp></a:graphicData></a:graphic></wp:inline></w:drawing></mc:Choice><mc:Fallback><w:pict><v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe"><v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype><v:shape id="Text Box {n}" o:spid="_x0000_s{}" type="#_x0000_t202" style="width:481.9pt;height:{height};mso-position-horizontal-relative:char;mso-position-vertical-relative:line" fillcolor="white" strokeweight=".5pt"><v:textbox{vml_inset}><w:txbxContent>{inner}</w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>"##,
            1025 + n
        )
    }

    /// A table cell wrapped in a (rich text) content control.
    fn sdt_cell(&mut self, tc: String) -> String {
        let id = self.rng.sdt_id();
        format!(
            r#"<w:sdt><w:sdtPr><w:alias w:val="Box"/><w:tag w:val="box"/><w:id w:val="{id}"/></w:sdtPr><w:sdtContent>{tc}</w:sdtContent></w:sdt>"#
        )
    }
}

/// The header table: To / From / Fax / Email / Date.
fn header(ctx: &mut Ctx, w: &Words, fill: Option<&Reply>) -> String {
    let [c0, c1, c2, c3] = HEADER_GRID;
    let tight = |ctx: &mut Ctx, t: &str| ctx.text_p(TIGHT, t, RPr::PLAIN);

    let to_label = tight(ctx, w.letter.to);
    let to_lines: Vec<String> = w.letter.to_lines.iter().map(|l| tight(ctx, l)).collect();
    let from_label = tight(ctx, w.letter.from);
    let from_lines: Vec<String> = match fill {
        Some(r) => {
            let mut v = vec![tight(ctx, r.sender.name), tight(ctx, r.sender.title)];
            for l in r.sender.lines {
                v.push(tight(ctx, l));
            }
            v
        }
        None => w
            .letter
            .placeholders
            .iter()
            .map(|l| tight(ctx, l))
            .collect(),
    };
    let row1 = row(&[
        cell(c0, "", &[to_label]),
        cell(c1, "", &to_lines),
        cell(c2, "", &[from_label]),
        cell(c3, "", &from_lines),
    ]);

    let labels = |ctx: &mut Ctx| vec![tight(ctx, w.letter.fax), tight(ctx, w.letter.email)];
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
    let date_label = tight(ctx, w.letter.date);
    let date = tight(
        ctx,
        fill.map_or(w.letter.date_placeholder, |r| r.date_written),
    );
    let row3 = row(&[
        cell(c0, "", &[empty0]),
        cell(c1, "", &[empty1]),
        cell(c2, "", &[date_label]),
        cell(c3, "", &[date]),
    ]);
    ctx.table(false, &HEADER_GRID, &[row1, row2, row3])
}

/// Blocks written after the table for one draft (heading + paragraphs, or a text box).
struct AfterTable(Vec<String>);

/// How one reply writes its marks and lays out its table.
#[derive(Clone, Copy)]
struct Style {
    boxes: BoxMark,
    options: OptionMark,
    layout: Layout,
}

impl Style {
    /// The answer table's grid.
    fn grid(self) -> Vec<u32> {
        match self.layout {
            Layout::NameRow => vec![BOX_W, NAME_W + LABEL_W],
            _ => vec![NAME_W, BOX_W, LABEL_W],
        }
    }
}

/// The rows of one draft; blocks for after the table are pushed to `after`.
fn draft_rows(
    ctx: &mut Ctx,
    w: &Words,
    d: &Draft,
    fill: Option<(&Answer, Style)>,
    after: &mut AfterTable,
) -> Vec<String> {
    let blank = (
        &unanswered(),
        Style {
            boxes: LEGACY_WORD,
            options: OptionMark::Glyph("●"),
            layout: Layout::Standard,
        },
    );
    let (a, style) = fill.unwrap_or(blank);
    if a.omitted {
        return Vec::new();
    }
    let (boxes, options, layout) = (style.boxes, style.options, style.layout);
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

    // Emphasis: the chosen lines' runs carry it, the others are plain.
    let emph = |on: bool| -> RPr {
        match (boxes, on) {
            (BoxMark::Emphasis(Emph::Highlight), true) => RPr {
                highlight: Some("yellow"),
                ..RPr::PLAIN
            },
            (BoxMark::Emphasis(Emph::Shade), true) => RPr {
                shade: Some("BFBFBF"),
                ..RPr::PLAIN
            },
            (BoxMark::Emphasis(Emph::BoldUnderline), true) => RPr {
                bold: true,
                underline: true,
                ..RPr::PLAIN
            },
            _ => RPr::PLAIN,
        }
    };
    // Deletion: which lines stay (a choice of one line removes the other; a conflict or no
    // answer leaves both).
    let deletion = match boxes {
        BoxMark::Deletion(s) => Some(s),
        _ => None,
    };
    let removed = deletion == Some(DelStyle::RowRemoved);
    let (keep1, keep2, keep_no, keep_with) = if deletion.is_some() {
        let auth_only = a.pick == Pick::Authorize;
        (
            a.pick != Pick::NotAuthorize,
            !auth_only,
            !(auth_only && a.opts == Opts::WithComments),
            !(auth_only && a.opts == Opts::NoComments),
        )
    } else {
        (true, true, true, true)
    };

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
        let mut content = ctx.run(prefix.unwrap_or(""), RPr::PLAIN, Rev::Normal);
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
    let name = ctx.text_p("", &draft_title(ctx.lang, d, a.named), RPr::PLAIN);
    let line1: Option<(String, Vec<String>)> = if keep1 {
        let box1 = ctx.decision_box_tracked(boxes, auth_on, was.map(|w| w.0));
        let box1 = ctx.p(CENTER, &box1);
        let mut label1 = vec![ctx.text_p("", &w.letter.authorizes, emph(auth_on))];
        if keep_no {
            let m = ctx.option_mark_tracked(options, no_on, was.map(|w| w.2));
            let no_text = ctx.runs(w.letter.no_comments, emph(no_on));
            let tab = ctx.tab();
            label1.push(ctx.p(HANGING, &format!("{m}{tab}{no_text}")));
        } else if !removed {
            label1.push(ctx.p(HANGING, ""));
        }
        if keep_with {
            let m = ctx.option_mark_tracked(options, with_on, was.map(|w| w.3));
            let tab = ctx.tab();
            let mut with_content = format!(
                "{m}{tab}{}",
                ctx.runs(w.letter.with_comments, emph(with_on))
            );
            if !reasons {
                if let Some(inline) = &first_inline {
                    with_content.push_str(inline);
                }
            }
            label1.push(ctx.p(HANGING, &with_content));
        } else if !removed {
            label1.push(ctx.p(HANGING, ""));
        }
        if !reasons && in_cell(a.place) {
            label1.extend(rest.iter().cloned());
        }
        Some((box1, label1))
    } else if !removed {
        let box1 = ctx.p(CENTER, "");
        Some((box1, vec![ctx.p("", "")]))
    } else {
        None
    };

    // Row 2: (merged), box, Does not authorize.
    let name2 = match layout {
        Layout::NameRow => None,
        Layout::NoMerge { repeat: true } => {
            Some(ctx.text_p("", &draft_title(ctx.lang, d, a.named), RPr::PLAIN))
        }
        _ if line1.is_none() => None,
        _ => Some(ctx.p("", "")),
    };
    let line2: Option<(String, Vec<String>)> = if keep2 {
        let box2 = ctx.decision_box_tracked(boxes, not_on, was.map(|w| w.1));
        let box2 = ctx.p(CENTER, &box2);
        let mut not_content = ctx.runs(&w.letter.not_authorize, emph(not_on));
        if reasons {
            if let Some(inline) = &first_inline {
                not_content.push_str(inline);
            }
        }
        let mut label2 = vec![ctx.p("", &not_content)];
        if reasons && in_cell(a.place) {
            label2.extend(rest.iter().cloned());
        }
        Some((box2, label2))
    } else if !removed {
        let box2 = ctx.p(CENTER, "");
        Some((box2, vec![ctx.p("", "")]))
    } else {
        None
    };

    // Extra row for text written in a row of its own.
    let extra: Option<(RowSpan, Vec<String>)> = match a.place {
        _ if !has_text => None,
        Place::NewRow(span) => Some((span, rest.clone())),
        _ => None,
    };

    let mut rows = Vec::new();
    let box_cell = |ctx: &mut Ctx, p: String| {
        let tc = cell(BOX_W, r#"<w:vAlign w:val="top"/>"#, &[p]);
        if layout == Layout::SdtCells {
            ctx.sdt_cell(tc)
        } else {
            tc
        }
    };
    if layout == Layout::NameRow {
        let wide = NAME_W + LABEL_W;
        rows.push(row(&[cell(TABLE_W, r#"<w:gridSpan w:val="2"/>"#, &[name])]));
        for (b, l) in [line1, line2].into_iter().flatten() {
            let bc = box_cell(ctx, b);
            rows.push(row(&[bc, cell(wide, "", &l)]));
        }
        if let Some((_, paras)) = extra {
            rows.push(row(&[cell(TABLE_W, r#"<w:gridSpan w:val="2"/>"#, &paras)]));
        }
    } else {
        let merged = !matches!(layout, Layout::NoMerge { .. });
        let under_name = matches!(extra, Some((RowSpan::UnderName, _)));
        // The name cell of the first row present, merged down when a row continues it.
        let mut lines = [line1, line2].into_iter().flatten().peekable();
        let mut first = true;
        while let Some((b, l)) = lines.next() {
            let continues = lines.peek().is_some() || under_name;
            let (name_pr, name_p) = if first {
                let pr = if merged && continues {
                    r#"<w:vMerge w:val="restart"/>"#
                } else {
                    ""
                };
                (pr, name.clone())
            } else {
                let pr = if merged { "<w:vMerge/>" } else { "" };
                (pr, name2.clone().unwrap_or_default())
            };
            first = false;
            let bc = box_cell(ctx, b);
            rows.push(row(&[
                cell(NAME_W, name_pr, &[name_p]),
                bc,
                cell(LABEL_W, "", &l),
            ]));
        }
        match extra {
            Some((RowSpan::Full, paras)) => {
                rows.push(row(&[cell(TABLE_W, r#"<w:gridSpan w:val="3"/>"#, &paras)]));
            }
            Some((RowSpan::UnderName, paras)) => {
                let empty = ctx.p("", "");
                let pr = if merged { "<w:vMerge/>" } else { "" };
                rows.push(row(&[
                    cell(NAME_W, pr, &[empty]),
                    cell(BOX_W + LABEL_W, r#"<w:gridSpan w:val="2"/>"#, &paras),
                ]));
            }
            None => {}
        }
    }

    match a.place {
        _ if !has_text => {}
        Place::SamePara | Place::CellPara | Place::NewRow(_) => {}
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

/// The answers written as sentences instead of the table: one paragraph per draft, its
/// reasons or comments in the paragraphs after it.
fn sentences(ctx: &mut Ctx, circ: &Circular, r: &Reply, list: &[&str]) -> Vec<String> {
    let mut out = Vec::new();
    for (i, _) in circ.drafts.iter().enumerate() {
        let (Some(s), Some(a)) = (list.get(i), r.answers.get(i)) else {
            continue;
        };
        if a.omitted {
            continue;
        }
        out.push(ctx.text_p(r#"<w:jc w:val="both"/>"#, s, RPr::PLAIN));
        out.extend(ctx.text_paras(&a.text, a.prefix));
    }
    out
}

/// `word/document.xml` of the blank form (`fill` = None) or of a filled reply.
pub fn document_xml(circ: &Circular, lang: Lang, fill: Option<&Reply>, seed: &str) -> String {
    let reviser_date = fill.map_or(String::new(), |r| {
        let (y, m, d) = r.date;
        format!("{y:04}-{m:02}-{d:02}T09:14:00Z")
    });
    let mut ctx = Ctx {
        rng: Rng::new(seed),
        lang,
        rtl: lang == Lang::Ar,
        libreoffice: fill.is_some_and(|r| r.app == App::LibreOffice),
        next_id: 0,
        next_check: 1,
        next_shape: 1,
        reviser: (
            fill.map_or("", |r| {
                if is_placeholder(r.sender.name) {
                    "User"
                } else {
                    r.sender.name
                }
            }),
            reviser_date,
        ),
    };
    let w = words(lang, circ, fill.map_or(Wording::Current, |r| r.wording));
    let mut body = Vec::new();

    body.push(ctx.text_p(CENTER, w.letter.annex, RPr::BOLD));
    let subject = format!(
        "{}{}",
        ctx.run(w.letter.subject_label, RPr::BOLD, Rev::Normal),
        ctx.runs(&w.letter.subject, RPr::BOLD)
    );
    body.push(ctx.p(TIGHT, &subject));
    body.push(ctx.text_p("", &w.consultation, RPr::BOLD));
    body.push(header(&mut ctx, &w, fill));
    body.push(ctx.text_p("", w.letter.salutation, RPr::PLAIN));
    body.push(ctx.text_p(r#"<w:jc w:val="both"/>"#, &w.letter.intro, RPr::PLAIN));

    let style = fill.map(|r| Style {
        boxes: r.boxes,
        options: r.options,
        layout: r.layout,
    });
    let mut after = AfterTable(Vec::new());
    match (fill, style.map(|s| s.boxes)) {
        (Some(r), Some(BoxMark::Sentences(list))) => {
            body.extend(sentences(&mut ctx, circ, r, list));
        }
        _ => {
            let mut per_draft = Vec::new();
            for (i, d) in circ.drafts.iter().enumerate() {
                let answer = fill.and_then(|r| r.answers.get(i)).zip(style);
                per_draft.push(draft_rows(&mut ctx, &w, d, answer, &mut after));
            }
            let s = style.unwrap_or(Style {
                boxes: BoxMark::ContentControl,
                options: OptionMark::Follow,
                layout: Layout::Standard,
            });
            let grid = s.grid();
            match s.layout {
                Layout::Split(n) => {
                    let n = n.min(per_draft.len());
                    let (a, b) = per_draft.split_at(n);
                    body.push(ctx.table(true, &grid, &a.concat()));
                    let r = ctx.bare_run();
                    body.push(ctx.p("", &format!(r#"{r}<w:br w:type="page"/></w:r>"#)));
                    body.push(ctx.table(true, &grid, &b.concat()));
                }
                Layout::Nested => {
                    let inner = ctx.table(true, &grid, &per_draft.concat());
                    let end = ctx.p("", "");
                    let outer_w = TABLE_W + 216;
                    let outer = row(&[cell(outer_w, "", &[inner, end])]);
                    body.push(ctx.table(true, &[outer_w], &[outer]));
                }
                Layout::InTextBox => {
                    let inner = ctx.table(true, &grid, &per_draft.concat());
                    let end = ctx.p("", "");
                    // No side margins: the table is as wide as the box.
                    let tb = ctx.text_box_sized(&format!("{inner}{end}"), 7_200_000, "566.9pt", 0);
                    body.push(ctx.p("", &tb));
                }
                _ => body.push(ctx.table(true, &grid, &per_draft.concat())),
            }
        }
    }
    body.extend(after.0);

    body.push(ctx.text_p("", w.letter.closing, RPr::PLAIN));
    if let Some(r) = fill {
        let empty = ctx.p("", "");
        body.push(empty);
        for line in [r.sender.name, r.sender.title] {
            // A placeholder left in the From block is not signed either.
            if !is_placeholder(line) {
                body.push(ctx.text_p(TIGHT, line, RPr::PLAIN));
            }
        }
    }
    let extra_ns = match fill.map(|r| r.app) {
        Some(App::Wps) => ooxml::WPS_NS,
        _ => "",
    };
    ooxml::document_ns(&body.concat(), extra_ns)
}

/// The rsids the document used, for settings.xml (same seed as [`document_xml`]).
pub fn rsids(seed: &str) -> Vec<String> {
    Rng::new(seed).rsids().to_vec()
}
