//! Every language-specific word the form reader knows: one table per language for the form's
//! labels, lines, options and months, then the words of draft names and of a circular's
//! subject line, in all languages at once.
//!
//! The tables' patterns are matched against *folded* text (see [`super::text::fold_char`]):
//! lower case, marks removed, Arabic letter variants unified, typographic apostrophes made
//! ASCII. They match on meaning (a negation before the verb, the key noun of each option), not
//! on one exact sentence, because wording drifts between template versions and translations.

use super::text::fold;
use regex::Regex;
use std::sync::OnceLock;

/// The six ITU languages.
pub const LANGUAGES: [&str; 6] = ["en", "fr", "es", "ru", "ar", "zh"];

/// Source patterns for one language (regex syntax, on folded text).
pub struct LangWords {
    pub code: &'static str,
    /// "Does not authorize" — tried before `authorize`, since it contains it.
    pub not_authorize: &'static str,
    pub authorize: &'static str,
    pub no_comments: &'static str,
    pub with_comments: &'static str,
    /// Header labels (a line starting with one, usually ending in a colon).
    pub from: &'static str,
    pub to: &'static str,
    pub date: &'static str,
    pub email: &'static str,
    pub fax: &'static str,
    /// A typed prefix before reasons or comments ("Reasons:"), removed from `text`.
    pub text_prefix: &'static str,
    /// Words of an after-table heading ("Reasons for X.1382:").
    pub heading_words: &'static str,
    /// Closing formulas: where gathered text after the table stops.
    pub closing: &'static str,
    /// "The reasons are in a separate letter/attachment".
    pub separate_letter: &'static str,
    /// A word typed beside a line to choose it, or to refuse it (the whole line).
    pub yes: &'static str,
    pub no: &'static str,
    /// Month names (folded) with their number.
    pub months: &'static [(&'static str, u8)],
}

pub static WORDS: [LangWords; 6] = [
    LangWords {
        code: "en",
        not_authorize: r"\b(?:does|do|did)\s*not\s+(?:authori[sz]e|support)|\bnot\s+authori[sz]e|\bcannot\s+(?:authori[sz]e|support)|\bunable\s+to\s+(?:authori[sz]e|support)|\bnot\s+supported\b",
        authorize: r"\bauthori[sz](?:es|e|ed|ing)\b|\bsupport(?:s|ed)?\b",
        no_comments: r"\bno\s+(?:comments?|proposed\s+changes)\b|\bwithout\s+comments?\b",
        with_comments: r"\bcomments?\b.{0,40}\b(?:attached|enclosed)\b|\bwith\s+(?:the\s+)?(?:following\s+)?comments?\b|\b(?:attaches|encloses)\b.{0,30}\bcomments?\b",
        from: r"from",
        to: r"to",
        date: r"date",
        email: r"e-?mail",
        fax: r"fax|tel(?:ephone|\.)?",
        text_prefix: r"(?:reasons?|comments?|justification|proposed\s+changes|remarks?)(?:\s+and\s+proposed\s+changes)?",
        heading_words: r"\b(?:reasons?|comments?|justification|remarks?|proposed changes)\b",
        closing: r"^(?:yours (?:faithfully|sincerely|truly)|sincerely|best regards|kind regards|regards)\b",
        separate_letter: r"\b(?:separate|attached|enclosed|accompanying)\s+(?:letter|document|file|attachment|note)\b|\bsee\s+(?:the\s+)?(?:attached|enclosed|cover|annex)\b",
        yes: r"^(?:yes|agree[ds]?|approved?|authori[sz]ed?|ok|x|selected|chosen|our choice|choice|ticked|checked)$",
        no: r"^(?:no|disagree[ds]?|not approved)$",
        months: &[
            ("january", 1),
            ("february", 2),
            ("march", 3),
            ("april", 4),
            ("may", 5),
            ("june", 6),
            ("july", 7),
            ("august", 8),
            ("september", 9),
            ("october", 10),
            ("november", 11),
            ("december", 12),
            ("jan", 1),
            ("feb", 2),
            ("mar", 3),
            ("apr", 4),
            ("jun", 6),
            ("jul", 7),
            ("aug", 8),
            ("sep", 9),
            ("sept", 9),
            ("oct", 10),
            ("nov", 11),
            ("dec", 12),
        ],
    },
    LangWords {
        code: "fr",
        not_authorize: r"\bn'?\s*autoris(?:e|ent)\s+pas\b|\bne\s+pas\s+autoriser\b|\bne\s+(?:soutient|soutenons|appuie|appuyons)\s+pas\b",
        authorize: r"\bautoris(?:e|ent)\b|\b(?:soutient|soutenons|appuie|appuyons)\b",
        no_comments: r"\bpas\s+de\s+(?:commentaires?|propositions?)\b|\bsans\s+commentaires?\b|\baucun\s+commentaire\b",
        with_comments: r"\bcommentaires?\b.{0,60}\bjoint|\bavec\s+commentaires?\b",
        from: r"de|exp[eé]diteur",
        to: r"a|destinataire",
        date: r"date",
        email: r"courriel|e-?mail|adresse electronique",
        fax: r"telecopie|fax|tel(?:ephone|\.)?",
        text_prefix: r"(?:motifs?|raisons?|commentaires?|observations?|justification|propositions?\s+de\s+modification)",
        heading_words: r"\b(?:motifs?|raisons?|commentaires?|observations?|justification)\b",
        closing: r"^(?:veuillez agreer|je vous prie d'agreer|veuillez recevoir|recevez|cordialement|salutations)\b",
        separate_letter: r"\b(?:lettre|document|courrier|note)\s+(?:separee?|ci-joint|jointe?|d'accompagnement)\b|\bvoir\s+(?:la\s+|l'\s*)?(?:lettre|piece jointe|annexe)\b",
        yes: r"^(?:oui|d'accord|approuve|accord|selectionnee?|choisie?|notre choix|cochee?)$",
        no: r"^(?:non|pas d'accord)$",
        months: &[
            ("janvier", 1),
            ("fevrier", 2),
            ("mars", 3),
            ("avril", 4),
            ("mai", 5),
            ("juin", 6),
            ("juillet", 7),
            ("aout", 8),
            ("septembre", 9),
            ("octobre", 10),
            ("novembre", 11),
            ("decembre", 12),
            ("janv", 1),
            ("fevr", 2),
            ("avr", 4),
            ("juil", 7),
            ("sept", 9),
            ("oct", 10),
            ("nov", 11),
            ("dec", 12),
        ],
    },
    LangWords {
        code: "es",
        not_authorize: r"\bno\s+autoriza\b|\bno\s+apoya(?:mos)?\b",
        authorize: r"\bautoriza\b|\bapoya(?:mos)?\b",
        no_comments: r"\bsin\s+(?:comentarios?|propuestas?)\b|\bningun\s+comentario\b|\bno\s+hay\s+(?:comentarios?|propuestas?|cambios?)\b",
        with_comments: r"\badjunta[n]?\b.{0,30}\bcomentarios?\b|\bcomentarios?\b.{0,60}\badjunt|\bcon\s+comentarios?\b",
        from: r"de|remitente",
        to: r"a|para|destinatario",
        date: r"fecha",
        email: r"correo(?:-?e| electronico)?|e-?mail",
        fax: r"fax|telefax|tel(?:efono|\.)?",
        text_prefix: r"(?:motivos?|razones?|comentarios?|observaciones?|justificacion)",
        heading_words: r"\b(?:motivos?|razones?|comentarios?|observaciones?|justificacion)\b",
        closing: r"^(?:atentamente|le saluda atentamente|cordialmente|saludos)\b",
        separate_letter: r"\b(?:carta|documento|nota)\s+(?:separad[oa]|adjunt[oa]|aparte)\b|\bvease\s+(?:el\s+|la\s+)?(?:anexo|documento|carta)\b",
        yes: r"^(?:si|de acuerdo|aprobado|conforme|seleccionad[oa]|elegid[oa]|nuestra eleccion|marcad[oa])$",
        no: r"^(?:no|en desacuerdo)$",
        months: &[
            ("enero", 1),
            ("febrero", 2),
            ("marzo", 3),
            ("abril", 4),
            ("mayo", 5),
            ("junio", 6),
            ("julio", 7),
            ("agosto", 8),
            ("septiembre", 9),
            ("setiembre", 9),
            ("octubre", 10),
            ("noviembre", 11),
            ("diciembre", 12),
        ],
    },
    LangWords {
        code: "ru",
        not_authorize: r"\bне\s+уполномочива\w*|\bне\s+разреша\w*|\bне\s+поддержива\w*",
        authorize: r"\bуполномочива\w*|\bразреша\w*|\bподдержива\w*",
        no_comments: r"\bнет\s+(?:замечаний|комментариев|предлагаемых)|\bбез\s+(?:замечаний|комментариев)|\b(?:замечаний|комментариев)\b.{0,40}\bнет\b|\bотсутствуют\b",
        with_comments: r"\b(?:замечания|комментарии)\b.{0,60}\bприлага\w*|\bприлага\w*.{0,30}(?:замечания|комментарии)|\bс\s+(?:замечани|комментари)\w*",
        from: r"от|отправитель",
        to: r"кому",
        date: r"дата",
        email: r"эл(?:\.|ектронная)?\s*почта|e-?mail",
        fax: r"факс|тел(?:ефон|\.)?",
        text_prefix: r"(?:причины|основания|замечания|комментарии|обоснование)",
        heading_words: r"(?:причины|основания|замечания|комментарии|обоснование)",
        closing: r"^(?:с уважением|с глубоким уважением)",
        separate_letter: r"(?:отдельн\w+|сопроводительн\w+)\s+(?:письм\w+|документ\w*)|\bсм\.?\s*(?:приложени\w*|вложени\w*)",
        yes: r"^(?:да|согласны|согласен|одобряем|выбрано|выбран[ао]?|наш выбор|отмечено)$",
        no: r"^(?:нет|не согласны)$",
        months: &[
            ("января", 1),
            ("февраля", 2),
            ("марта", 3),
            ("апреля", 4),
            ("мая", 5),
            ("июня", 6),
            ("июля", 7),
            ("августа", 8),
            ("сентября", 9),
            ("октября", 10),
            ("ноября", 11),
            ("декабря", 12),
            ("январь", 1),
            ("февраль", 2),
            ("март", 3),
            ("апрель", 4),
            ("май", 5),
            ("июнь", 6),
            ("июль", 7),
            ("август", 8),
            ("сентябрь", 9),
            ("октябрь", 10),
            ("ноябрь", 11),
            ("декабрь", 12),
        ],
    },
    LangWords {
        code: "ar",
        not_authorize: r"لا\s*(?:تاذن|ياذن|توافق|يوافق|تخول|يخول|تويد|يويد|نويد)",
        authorize: r"(?:تاذن|ياذن|تخول|يخول|تويد|يويد|نويد)",
        no_comments: r"لا\s*توجد\s*(?:اي\s*)?تعليقات|(?:ب)?دون\s*تعليقات|لا\s*تعليقات|ليست?\s*هناك\s*(?:اي\s*)?تعليقات",
        with_comments: r"(?:ترد\s*طيه|مرفق\w*)\s*(?:ال)?تعليقات|تعليقات\s*.{0,40}مرفق|مع\s*(?:ال)?(?:تعليقات|ملاحظات)",
        from: r"من|المرسل",
        to: r"الى",
        date: r"التاريخ",
        email: r"البريد\s*الالكتروني",
        fax: r"الفاكس|فاكس|الهاتف",
        text_prefix: r"(?:الاسباب|الاسباب الداعية|التعليقات|المبررات)",
        heading_words: r"(?:الاسباب|التعليقات|المبررات|ملاحظات)",
        closing: r"^(?:وتفضلوا|مع\s*(?:خالص|فائق)\s*التحية|مع\s*التحيات)",
        separate_letter: r"(?:رسالة|وثيقة)\s*(?:منفصلة|مرفقة)|(?:انظر|راجع)\s*(?:المرفق|الملحق)",
        yes: r"^(?:نعم|موافق|موافقه|اوافق|اختيارنا|مختار|تم الاختيار)$",
        no: r"^(?:لا|غير موافق)$",
        months: &[
            ("يناير", 1),
            ("فبراير", 2),
            ("مارس", 3),
            ("ابريل", 4),
            ("مايو", 5),
            ("يونيو", 6),
            ("يوليو", 7),
            ("اغسطس", 8),
            ("سبتمبر", 9),
            ("اكتوبر", 10),
            ("نوفمبر", 11),
            ("ديسمبر", 12),
            ("كانون الثاني", 1),
            ("شباط", 2),
            ("اذار", 3),
            ("نيسان", 4),
            ("ايار", 5),
            ("حزيران", 6),
            ("تموز", 7),
            ("اب", 8),
            ("ايلول", 9),
            ("تشرين الاول", 10),
            ("تشرين الثاني", 11),
            ("كانون الاول", 12),
        ],
    },
    LangWords {
        code: "zh",
        not_authorize: r"不授权|不同意|未授权|不支持",
        authorize: r"授权|同意|支持",
        no_comments: r"无意见|没有意见|无评论|无建议修改",
        with_comments: r"附(?:有|上)?(?:意见|评论)|意见和建议的修改(?:附后|见附件)|(?:带|提出|另附)(?:意见|评论)",
        from: r"发自|发件人|来自|寄自",
        to: r"致|收件人",
        date: r"日期",
        email: r"电子邮件|电子信箱|邮箱|e-?mail",
        fax: r"传真|电话",
        text_prefix: r"(?:理由|原因|意见|评论|说明)",
        heading_words: r"(?:理由|原因|意见|评论)",
        closing: r"^(?:此致|顺致|谨致|敬礼)",
        separate_letter: r"(?:另函|单独(?:的)?(?:信函|文件)|随附(?:信函|文件)|(?:见|详见|请见|参见)(?:附件|附录))",
        yes: r"^(?:是|同意|赞成|批准|已选|已选择|选定|选中|我方选择)$",
        no: r"^(?:否|不同意|反对)$",
        months: &[],
    },
];

/// Compiled patterns, built once.
pub struct Compiled {
    pub code: &'static str,
    pub not_authorize: Regex,
    pub authorize: Regex,
    pub no_comments: Regex,
    pub with_comments: Regex,
    /// The four label patterns as one search, in the order a tie is broken (every "does not
    /// authorize" contains "authorize"): its match is the earliest label of the line and its
    /// pattern the kind (0 does not authorize, 1 no comments, 2 with comments, 3 authorizes);
    /// one pass over the line instead of four.
    pub any_label: regex_automata::meta::Regex,
    /// `^(label)\s*[:：]?` for each header field.
    pub from: Regex,
    pub to: Regex,
    pub date: Regex,
    pub email: Regex,
    pub fax: Regex,
    pub text_prefix: Regex,
    pub heading_words: Regex,
    pub closing: Regex,
    pub separate_letter: Regex,
    pub yes: Regex,
    pub no: Regex,
}

fn label(p: &str) -> Regex {
    // A header label: the word alone, then a colon or the end of the line.
    let p = fold(p);
    Regex::new(&format!(r"^\s*(?:{p})\s*(?:[:：]\s*|$)")).expect("static label pattern")
}

pub fn compiled() -> &'static [Compiled] {
    static C: OnceLock<Vec<Compiled>> = OnceLock::new();
    C.get_or_init(|| {
        WORDS
            .iter()
            .map(|w| {
                // Patterns are folded like the text they are matched against.
                let re = |p: &str| Regex::new(&fold(p)).expect("static language pattern");
                Compiled {
                    code: w.code,
                    not_authorize: re(w.not_authorize),
                    authorize: re(w.authorize),
                    no_comments: re(w.no_comments),
                    with_comments: re(w.with_comments),
                    any_label: regex_automata::meta::Regex::new_many(&[
                        fold(w.not_authorize),
                        fold(w.no_comments),
                        fold(w.with_comments),
                        fold(w.authorize),
                    ])
                    .expect("static language pattern"),
                    from: label(w.from),
                    to: label(w.to),
                    date: label(w.date),
                    email: label(w.email),
                    fax: label(w.fax),
                    text_prefix: re(&format!(
                        r"^\s*(?:{})(?:\s+(?:for|on|concerning|regarding|sur|concernant|para|sobre|по|حول|关于)\s+[^:：]{{0,60}})?\s*[:：]\s*",
                        w.text_prefix
                    )),
                    heading_words: re(w.heading_words),
                    closing: re(w.closing),
                    separate_letter: re(w.separate_letter),
                    yes: re(w.yes),
                    no: re(w.no),
                }
            })
            .collect()
    })
}

pub fn words(code: &str) -> Option<&'static LangWords> {
    WORDS.iter().find(|w| w.code == code)
}

// ---------------------------------------------------------------------------------------------
// Words of draft names, in every language at once (`drafts.rs`): a name line holds nothing but
// these before the draft's number.

/// Words that make up a draft's title line in the six languages ("Draft new Recommendation
/// ITU-T", "Projet de nouvelle Recommandation UIT-T", "新建议书草案"), folded.
pub const DRAFT_TITLE_WORDS: &[&str] = &[
    "amendement",
    "d'amendement",
    "l'amendement",
    "a",
    "enmienda",
    "поправки",
    "поправка",
    "к",
    "التعديل",
    "تعديل",
    "للتوصيه",
    "draft",
    "new",
    "revised",
    "revision",
    "recommendation",
    "itu-t",
    "itu",
    "amendment",
    "corrigendum",
    "supplement",
    "determined",
    "projet",
    "de",
    "nouvelle",
    "nouveau",
    "revisee",
    "recommandation",
    "uit-t",
    "uit",
    "proyecto",
    "nueva",
    "nuevo",
    "revisada",
    "recomendacion",
    "la",
    "проект",
    "новои",
    "новая",
    "пересмотреннои",
    "рекомендации",
    "рекомендация",
    "мсэ-т",
    "мсэ",
    "مشروع",
    "توصيه",
    "التوصيه",
    "جديده",
    "معدله",
    "قطاع",
    "تقييس",
    "الاتصالات",
];

/// Han characters of a Chinese draft title ("新建议书草案", "修订的").
pub const DRAFT_TITLE_HAN: &str = "新建议书草案修订的";

/// A part of a Recommendation written after its number ("G.9804.3 Amd. 1", "H.265.2修正案1"),
/// a regex alternation matched as written (not folded).
pub const PART_WORDS: &str =
    "Amd|Amendment|Cor|Corrigendum|Suppl|Supplement|Add|Addendum|修正案|修正|勘误|增补";
/// A part written before the number ("Amendment 1 to ITU-T G.9804.3"), case ignored …
pub const PART_WORDS_BEFORE: &str = r"Amendment|Amd|Corrigendum|Corrigéndum|Cor|Supplement|Suppl|Amendement|Enmienda|Suplemento|Поправк\w*|Исправлени\w*|Добавлени\w*|التعديل|تعديل|التصويب|تصويب|الملحق|ملحق";
/// A sentence about every draft of the form ("… authorizes … all the drafts listed above"),
/// matched on folded text in any language.
pub const ALL_DRAFTS: &str =
    r"\b(?:all|every|tous|toutes|todos|todas|все|всех|всем|всеми)\b|جميع|كل\s|所有|全部|各项";
/// A person's own words of assent, in every language, at the start of a short line they added
/// ("We agree, no comments", "Pas d'objection", "Sin objeción", "Не возражаем", "لا مانع",
/// "无异议"): the decision, where the form's wording is not used.
pub const ASSENT: &str = r"^(?:we\s+|i\s+)?(?:agree|support|approve|accept|concur)\b|^no\s+objections?\b|^(?:nous\s+)?(?:sommes\s+)?d'?\s*accord\b|^pas\s+d'?\s*objection|^aucune\s+objection|^(?:nous\s+)?(?:approuvons|soutenons|appuyons|acceptons|autorisons)\b|^(?:estamos\s+)?de\s+acuerdo\b|^sin\s+objecion|^ninguna\s+objecion|^(?:aprobamos|apoyamos|aceptamos|autorizamos)\b|^не\s+возража\w*|^возражений\s+нет|^(?:мы\s+)?(?:согласны|поддерживаем|одобряем)\b|^لا\s*(?:مانع|اعتراض)|^(?:نحن\s+)?(?:نوافق|موافقون|نويد)|^无异议|^没有异议|^(?:我们)?(?:同意|支持|赞成)";
/// Words that refuse the draft anywhere in a text ("We cannot support this draft", "мы не
/// можем поддержать этот проект"), folded: said in a text written for a draft marked
/// *authorizes, no comments*, the text and the box disagree.
pub const REFUSAL: &str = r"\b(?:cannot|can\s+not|could\s+not|do\s+not|does\s+not|(?:is|are)\s+not\s+in\s+a\s+position\s+to)\s+(?:support|accept|agree\s+to|approve|authori[sz]e)\b|\bne\s+(?:peut|peuvent|pouvons)\s+pas\s+(?:soutenir|appuyer|accepter|approuver)|\bne\s+(?:soutient|soutenons|approuve|approuvons)\s+pas\b|\bno\s+(?:puede|podemos|pueden)\s+(?:apoyar|aceptar|aprobar)|\bno\s+(?:apoya|apoyamos|aprueba|aprobamos)\b|не\s+(?:можем|может|могут)\s+(?:поддержать|одобрить|принять)|не\s+поддержива\w*|لا\s*(?:يمكننا|يمكن|نستطيع)\s+(?:دعم|تاييد|قبول)|لا\s*(?:نويد|تويد|ندعم)|不能支持|无法支持|不支持";
/// … and of dissent ("We object", "Nous n'autorisons pas", "No autorizamos", "Возражаем").
pub const DISSENT: &str = r"^(?:we\s+|i\s+)?(?:object|oppose|disagree|do\s+not\s+(?:agree|support|authori[sz]e|approve)|cannot\s+(?:agree|support|accept))\b|^(?:nous\s+)?(?:n'?\s*autorisons\s+pas|nous\s+opposons|ne\s+(?:soutenons|approuvons|sommes)\s+pas|objection)\b|^(?:no\s+(?:autorizamos|apoyamos|aprobamos|estamos\s+de\s+acuerdo)|nos\s+oponemos)\b|^(?:мы\s+)?(?:возражаем|не\s+(?:согласны|поддерживаем|уполномочиваем|одобряем))|^(?:نحن\s+)?(?:لا\s*(?:نوافق|نويد|ناذن)|نعترض)|^(?:我们)?(?:反对|不同意|不支持|不授权)";

/// The words that set drafts apart from what a sentence says of all ("… all the drafts, except
/// Y.3060"): a draft named after them takes the opposite decision unless its clause says one.
pub const EXCEPT: &str = r"\bexcept\b|\bexcluding\b|\bwith the exception of\b|exception d|\bsauf\b|\bexcepto\b|\bsalvo\b|excepcion d|\bкроме\b|\bза\s+исключением\b|باستثناء|ما\s*عدا|除了|以外|之外";

/// … and the word joining it to the number ("to", "à", "к", "للتوصية").
pub const PART_OF: &str = "to|of|à|de|a|к|للتوصية|لتوصية";

/// The short form of a part: "Amendment" → "Amd".
pub fn part_abbrev(kind: &str) -> &'static str {
    match fold(kind).as_str() {
        k if k.starts_with("cor")
            || k.starts_with("испр")
            || k.contains("تصويب")
            || k == "勘误" =>
        {
            "Cor"
        }
        k if k.starts_with("sup")
            || k.starts_with("добав")
            || k.contains("ملحق")
            || k == "增补" =>
        {
            "Suppl"
        }
        k if k.starts_with("add") => "Add",
        _ => "Amd",
    }
}

// ---------------------------------------------------------------------------------------------
// The circular named in a subject or title line (`circular.rs`), matched as written (not
// folded): "TSB Circular 117 of 12 January 2026", "Circulaire TSB 42", "第117号通函".

/// A date as written after "of"/"du"/"de"/"от"/"dated": `12 January 2026`, `12 de enero de
/// 2026`, `12 января 2026`, `2026-01-12`, `12.01.2026`.
const CIRCULAR_DATE: &str = r"(?P<date>\d{1,2}\.?\s+(?:de\s+)?\p{L}{3,}\.?\s+(?:de\s+)?\d{4}|\d{4}-\d{2}-\d{2}|\d{1,2}[./]\d{1,2}[./]\d{4})";

/// The patterns of a circular's number (group `n`) and date (group `date`), most specific first.
pub fn circular_patterns() -> [String; 6] {
    let num =
        r"(?:No\.?|N°|n°|n\.º|nº|№|Nr\.?)?\s*(?P<n>[0-9\u{0660}-\u{0669}\u{06F0}-\u{06F9}]{1,4})\b";
    let office = r"(?:TSB|BSE|БСЭ)";
    let word = r"(?:Circular|Circulaire|Циркуляр\p{L}*(?:\s+письм\p{L}*)?)";
    let date_tail = format!(r"(?:,?\s+(?:of|du|de|del|от|dated)\s+{CIRCULAR_DATE})?");
    [
        // TSB Circular 117 / БСЭ Циркуляр 117
        format!(r"(?i)\b{office}\s+{word}\s+{num}{date_tail}"),
        // Circulaire TSB 117 / Circular de la TSB 117 / Циркуляр БСЭ 117
        format!(r"(?i)\b{word}\s+(?:de\s+la\s+|del\s+)?{office}\s+{num}{date_tail}"),
        // Circulaire 117 de la TSB / Circular 117 del TSB
        format!(r"(?i)\b{word}\s+{num}\s+(?:de\s+la\s+|del\s+|de\s+)?{office}{date_tail}"),
        // 第117号通函 (a date may come before: 2026年1月12日第117号通函)
        r"(?:(?P<date>\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日)\s*的?\s*)?第\s*(?P<n>[0-9]{1,4})\s*号\s*通函".to_string(),
        // الرسالة المعممة 117 / المنشور المعمم رقم 117
        r"(?:المعممة|المعمم|المعمّمة|المعمّم)\s*(?:رقم\s*)?(?P<n>[0-9\u{0660}-\u{0669}\u{06F0}-\u{06F9}]{1,4})".to_string(),
        // Circular 117 (no office named), last resort.
        format!(r"(?i)\b{word}\s+{num}{date_tail}"),
    ]
}
