"""WordprocessingML for scripts/make-habits3-fixtures.py: the reply form of TSB Circular 187
(Study Group 17) in six languages and six layouts, and the edits people make to it.

Written from FORM.md, CONTRACT.md and the published Annex 2 forms only (not from replytally's
reader, nor from the earlier fixture libraries): the XML is a fresh writer, so its habits (run
splitting, property order, where a field's runs sit) differ from the first two sets.

Form layouts (one per language, as ITU's language versions drift apart):
  en  `tables`   one small table per draft: a title row, then box | label rows; boxes ☐ (MS Gothic)
  fr  `columns`  one table, one row per draft, the choices in columns; boxes Wingdings F0A8 (w:sym)
  es  `paras`    no table: the draft name, then the lines as paragraphs; boxes □, options ⃝
  ru  `legacy`   the usual table (draft cell merged down over two rows); boxes FORMCHECKBOX fields
  ar  `cc`       the usual table, right to left; boxes and options content-control check boxes
  zh  `circles`  the usual table; boxes and options both the circle ⃝ (U+20DD)
"""

import re
import zipfile
from xml.sax.saxutils import escape

CIRCULAR = 187
SG = 17
DRAFTS = [  # key (as the record's `draft`), provisional name, kind
    ('X.1280', 'X.oob-sa', 'new'),
    ('X.1471', 'X.ztd-pqc', 'new'),
    ('X.1252', None, 'revised'),
    ('X.1645 Amd.1', None, 'amendment'),
    ('X.nsec-ai', None, 'new_noprov'),
]
KEYS = [k for k, _, _ in DRAFTS]
LAYOUT = {'en': 'tables', 'fr': 'columns', 'es': 'paras', 'ru': 'legacy', 'ar': 'cc', 'zh': 'circles'}
# the blank form's mark for a decision box and for an option
MECH = {'en': ('glyph', 'circle'), 'fr': ('sym', 'sym'), 'es': ('square', 'circle'), 'ru': ('legacy', 'circle'),
        'ar': ('cc', 'cc'), 'zh': ('circle', 'circle')}
CIRCLE = '\u20dd'

NS = ('xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
      'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
      'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
      'xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" '
      'xmlns:w15="http://schemas.microsoft.com/office/word/2012/wordml" mc:Ignorable="w14 w15"')

LIST = 'X.1280 (X.oob-sa), X.1471 (X.ztd-pqc), X.1252, X.nsec-ai'
L = {
    'en': dict(
        annex='ANNEX 2', to_circ=f'(to TSB Circular {CIRCULAR})',
        subject=f'Reply of Member States to TSB Circular {CIRCULAR}: Consultation on determined draft new and revised '
                f'Recommendations ITU-T {LIST} and draft Amendment 1 to Recommendation ITU-T X.1645',
        subj='Subject:', to='To:', tsb=['Director, Telecommunication Standardization Bureau', 'International Telecommunication Union',
                                       'Place des Nations', 'CH-1211 Geneva 20', 'Switzerland'],
        frm='From:', ph=['[Name]', '[Official capacity]', '[Address]'], fax='Fax:', email='Email:', date='Date:',
        dateph='[Date] [Place]', dear='Dear Sir/Madam,',
        intro=f'In the context of the consultation of Member States on determined draft texts in accordance with TSB '
              f'Circular {CIRCULAR}, I would like to inform you that this Administration gives its view on each draft as follows.',
        auth_kw='Authorizes', auth=f' Study Group {SG} to consider this draft for approval (in this case, select one of the two options {CIRCLE}):',
        no='No comments or proposed changes', wc='Comments and proposed changes attached',
        na_kw='Does not authorize', na=f' Study Group {SG} to consider this draft for approval (the reasons supporting this '
                                       'opinion and a summary of the possible changes that could facilitate further consideration '
                                       'and approval are attached)',
        sign='Yours faithfully,', sig_ph='[Signature]', draft='Draft',
        reasons='Reasons concerning {n}:', comments='Comments on {n}:'),
    'fr': dict(
        annex='ANNEXE 2', to_circ=f'(de la Circulaire TSB {CIRCULAR})',
        subject=f"Réponse des États Membres à la Circulaire TSB {CIRCULAR}: Consultation sur les projets de nouvelles "
                f"Recommandations et de Recommandations révisées UIT-T {LIST} et le projet d'Amendement 1 à la "
                "Recommandation UIT-T X.1645 déterminés",
        subj='Objet:', to='À:', tsb=['Directeur du Bureau de la normalisation des télécommunications',
                                     'Union internationale des télécommunications', 'Place des Nations', 'CH-1211 Genève 20', 'Suisse'],
        frm='De:', ph=['[Nom]', '[Fonction officielle]', '[Adresse]'], fax='Télécopie:', email='Courriel:', date='Date:',
        dateph='[Date] [Lieu]', dear='Madame, Monsieur,',
        intro=f"Dans le cadre de la consultation des États Membres sur les projets de texte déterminés, conformément à la "
              f"Circulaire TSB {CIRCULAR}, j'ai l'honneur de vous faire savoir que mon Administration exprime, pour chaque "
              "projet, l'avis suivant.",
        auth_kw='Autorise', auth=f" la Commission d'études {SG} à examiner ce projet en vue de son approbation (dans ce cas, "
                                 f"choisir l'une des deux options {CIRCLE}):",
        no='Pas de commentaires ni de propositions de modification', wc='Commentaires et propositions de modification joints',
        na_kw="N'autorise pas", na=f" la Commission d'études {SG} à examiner ce projet en vue de son approbation (les motifs "
                                   "de cette position et un résumé des modifications qui pourraient faciliter la poursuite de "
                                   "l'examen et l'approbation sont joints)",
        sign="Veuillez agréer, Madame, Monsieur, l'assurance de ma considération distinguée.", sig_ph='[Signature]',
        draft='Projet', reasons='Motifs concernant {n} :', comments='Commentaires sur {n} :'),
    'es': dict(
        annex='ANEXO 2', to_circ=f'(a la Circular TSB {CIRCULAR})',
        subject=f'Respuesta de los Estados Miembros a la Circular TSB {CIRCULAR}: Consulta sobre los proyectos de nuevas '
                f'Recomendaciones y de Recomendaciones revisadas UIT-T {LIST} y el proyecto de Enmienda 1 a la '
                'Recomendación UIT-T X.1645 determinados',
        subj='Asunto:', to='A:', tsb=['Director de la Oficina de Normalización de las Telecomunicaciones',
                                      'Unión Internacional de Telecomunicaciones', 'Place des Nations', 'CH-1211 Ginebra 20', 'Suiza'],
        frm='De:', ph=['[Nombre]', '[Cargo oficial]', '[Dirección]'], fax='Fax:', email='Correo-e:', date='Fecha:',
        dateph='[Fecha] [Lugar]', dear='Muy Señora mía/Muy Señor mío:',
        intro=f'En el marco de la consulta a los Estados Miembros sobre los proyectos de texto determinados de conformidad '
              f'con la Circular TSB {CIRCULAR}, tengo el honor de comunicarle que esta Administración expresa su opinión '
              'sobre cada proyecto como sigue.',
        auth_kw='Autoriza', auth=f' a la Comisión de Estudio {SG} a examinar este proyecto con miras a su aprobación (en este '
                                 f'caso, seleccione una de las dos opciones {CIRCLE}):',
        no='Sin comentarios ni propuestas de cambio', wc='Se adjuntan comentarios y propuestas de cambio',
        na_kw='No autoriza', na=f' a la Comisión de Estudio {SG} a examinar este proyecto con miras a su aprobación (se '
                                'adjuntan los motivos que justifican esta opinión y un resumen de los posibles cambios que '
                                'podrían facilitar la continuación del examen y la aprobación)',
        sign='Le saluda atentamente,', sig_ph='[Firma]', draft='Proyecto',
        reasons='Motivos relativos a {n}:', comments='Comentarios sobre {n}:'),
    'ru': dict(
        annex='ПРИЛОЖЕНИЕ 2', to_circ=f'(к Циркуляру {CIRCULAR} БСЭ)',
        subject=f'Ответ Государств-Членов на Циркуляр {CIRCULAR} БСЭ: Консультация по определенным проектам новых и '
                f'пересмотренных Рекомендаций МСЭ-Т {LIST} и проекту Поправки 1 к Рекомендации МСЭ-Т X.1645',
        subj='Тема:', to='Кому:', tsb=['Директору Бюро стандартизации электросвязи', 'Международный союз электросвязи',
                                       'Place des Nations', 'CH-1211 Geneva 20', 'Швейцария'],
        frm='От:', ph=['[Имя]', '[Официальная должность]', '[Адрес]'], fax='Факс:', email='Эл. почта:', date='Дата:',
        dateph='[Дата] [Место]', dear='Уважаемая госпожа, уважаемый господин,',
        intro=f'В рамках консультации с Государствами-Членами по определенным проектам текстов в соответствии с Циркуляром '
              f'{CIRCULAR} БСЭ сообщаю, что Администрация высказывает по каждому проекту следующее мнение.',
        auth_kw='Уполномочивает', auth=f' {SG}-ю Исследовательскую комиссию рассмотреть этот проект для утверждения (в этом '
                                       f'случае выберите один из двух вариантов {CIRCLE}):',
        no='Нет замечаний или предлагаемых изменений', wc='Замечания и предлагаемые изменения прилагаются',
        na_kw='Не уполномочивает', na=f' {SG}-ю Исследовательскую комиссию рассматривать этот проект для утверждения '
                                      '(причины такого мнения и краткое изложение возможных изменений, которые могли бы '
                                      'способствовать дальнейшему рассмотрению и утверждению, прилагаются)',
        sign='С уважением,', sig_ph='[Подпись]', draft='Проект',
        reasons='Причины в отношении {n}:', comments='Замечания по {n}:'),
    'ar': dict(
        annex='الملحق 2', to_circ=f'(بالرسالة المعممة {CIRCULAR} لمكتب تقييس الاتصالات)',
        subject=f'رد الدول الأعضاء على الرسالة المعممة {CIRCULAR} لمكتب تقييس الاتصالات: مشاورة بشأن مشاريع التوصيات الجديدة '
                f'والمراجَعة المحددة ITU-T {LIST} ومشروع التعديل 1 للتوصية ITU-T X.1645',
        subj='الموضوع:', to='إلى:', tsb=['مدير مكتب تقييس الاتصالات', 'الاتحاد الدولي للاتصالات', 'Place des Nations',
                                         'CH-1211 Geneva 20', 'سويسرا'],
        frm='من:', ph=['[الاسم]', '[الصفة الرسمية]', '[العنوان]'], fax='الفاكس:', email='البريد الإلكتروني:',
        date='التاريخ:', dateph='[التاريخ] [المكان]', dear='حضرات السادة،',
        intro=f'في إطار مشاورة الدول الأعضاء بشأن مشاريع النصوص المحددة وفقاً للرسالة المعممة {CIRCULAR} لمكتب تقييس '
              'الاتصالات، أود إبلاغكم بأن هذه الإدارة تبدي رأيها في كل مشروع على النحو التالي.',
        auth_kw='تأذن', auth=f' للجنة الدراسات {SG} بالنظر في هذا المشروع بغرض الموافقة عليه (في هذه الحالة، يُرجى اختيار '
                             f'أحد الخيارين {CIRCLE}):',
        no='لا توجد تعليقات أو تغييرات مقترحة', wc='ترد طيه تعليقات وتغييرات مقترحة',
        na_kw='لا تأذن', na=f' للجنة الدراسات {SG} بالنظر في هذا المشروع بغرض الموافقة عليه (ترد طيه الأسباب الداعمة لهذا '
                            'الرأي وملخص للتغييرات الممكنة التي قد تيسر مواصلة النظر فيه والموافقة عليه)',
        sign='وتفضلوا بقبول فائق الاحترام والتقدير،', sig_ph='[التوقيع]', draft='المشروع',
        reasons='الأسباب المتعلقة بالمشروع {n}:', comments='التعليقات على المشروع {n}:'),
    'zh': dict(
        annex='附件2', to_circ=f'（电信标准化局第{CIRCULAR}号通函）',
        subject=f'成员国对电信标准化局第{CIRCULAR}号通函的答复：关于已确定的ITU-T X.1280 (X.oob-sa)、X.1471 (X.ztd-pqc)、'
                'X.1252、X.nsec-ai新建议书草案和修订建议书草案以及ITU-T X.1645建议书修正1草案的磋商',
        subj='事由：', to='致：', tsb=['国际电信联盟', '电信标准化局主任', 'Place des Nations', 'CH-1211 Geneva 20', '瑞士'],
        frm='发自：', ph=['[姓名]', '[正式职务]', '[地址]'], fax='传真：', email='电子邮件：', date='日期：',
        dateph='[日期] [地点]', dear='尊敬的先生/女士：',
        intro=f'关于根据电信标准化局第{CIRCULAR}号通函就已确定的案文草案征询成员国意见一事，谨通知您，本主管部门对各草案的意见如下。',
        auth_kw='授权', auth=f'第{SG}研究组考虑批准该草案（在此情况下，请在两个选项{CIRCLE}中选择一项）：',
        no='无意见或无建议修改', wc='附意见和建议的修改',
        na_kw='不授权', na=f'第{SG}研究组考虑批准该草案（附上持此意见的理由以及可能有助于进一步审议和批准的修改概要）',
        sign='顺致敬意！', sig_ph='[签名]', draft='草案', reasons='关于{n}的理由：', comments='关于{n}的意见：'),
}
# the column layout's heads (fr)
COLS_FR = dict(draft='Projet', auth=f"Autorise la Commission d'études {SG} à examiner ce projet en vue de son approbation "
                                    "(choisir l'une des deux options)",
               no='Pas de commentaires ni de propositions de modification',
               wc='Commentaires et propositions de modification joints',
               na=f"N'autorise pas la Commission d'études {SG} à examiner ce projet en vue de son approbation "
                  '(motifs et résumé des modifications possibles joints)')


def draft_name(lang, key, prov, kind):
    p = f' ({prov})' if prov else ''
    base = key.split(' ')[0]
    if kind == 'amendment':
        return {'en': f'Draft Amendment 1 to Recommendation ITU-T {base}',
                'fr': f"Projet d'Amendement 1 à la Recommandation UIT-T {base}",
                'es': f'Proyecto de Enmienda 1 a la Recomendación UIT-T {base}',
                'ru': f'Проект Поправки 1 к Рекомендации МСЭ-Т {base}',
                'ar': f'مشروع التعديل 1 للتوصية ITU-T {base}',
                'zh': f'ITU-T {base}建议书修正1草案'}[lang]
    if kind == 'revised':
        return {'en': f'Draft revised Recommendation ITU-T {key}', 'fr': f'Projet de Recommandation UIT-T {key} révisée',
                'es': f'Proyecto de Recomendación UIT-T {key} revisada', 'ru': f'Проект пересмотренной Рекомендации МСЭ-Т {key}',
                'ar': f'مشروع التوصية المراجَعة ITU-T {key}', 'zh': f'ITU-T {key}修订建议书草案'}[lang]
    return {'en': f'Draft new Recommendation ITU-T {key}{p}', 'fr': f'Projet de nouvelle Recommandation UIT-T {key}{p}',
            'es': f'Proyecto de nueva Recomendación UIT-T {key}{p}', 'ru': f'Проект новой Рекомендации МСЭ-Т {key}{p}',
            'ar': f'مشروع التوصية الجديدة ITU-T {key}{p}', 'zh': f'ITU-T {key}{p}新建议书草案'}[lang]


def x(s):
    return escape(s, {'"': '&quot;'})


ARABIC = re.compile('[\u0600-\u06ff]')
CJK = re.compile('[\u3000-\u9fff\uff00-\uffef]')


class Doc:
    """One document being written: its language, and the parts beside document.xml."""

    def __init__(self, lang, author='User'):
        self.lang = lang
        self.rtl = lang == 'ar'
        self.author = author
        self.comments = []   # (id, text)
        self.footnotes = []  # (id, text)
        self.header = None   # list of paragraph XML
        self.rev = 200
        self.ids = 0
        self.tracked = False

    def nid(self):
        self.ids += 1
        return self.ids

    # ---- runs ----
    def rpr(self, text='', b=False, i=False, strike=False, color=None, hl=None, u=None, font=None, sz=None, vert=None, style=None):
        s = ''
        if style:
            s += f'<w:rStyle w:val="{style}"/>'
        if font:
            s += f'<w:rFonts w:ascii="{font}" w:hAnsi="{font}" w:eastAsia="{font}" w:cs="{font}"/>'
        if b:
            s += '<w:b/><w:bCs/>'
        if i:
            s += '<w:i/><w:iCs/>'
        if strike:
            s += '<w:strike/>'
        if color:
            s += f'<w:color w:val="{color}"/>'
        if sz:
            s += f'<w:sz w:val="{sz}"/><w:szCs w:val="{sz}"/>'
        if hl:
            s += f'<w:highlight w:val="{hl}"/>'
        if u:
            s += f'<w:u w:val="{u}"/>'
        if vert:
            s += f'<w:vertAlign w:val="{vert}"/>'
        if self.rtl and ARABIC.search(text or ''):
            s += '<w:rtl/><w:lang w:bidi="ar-SA"/>'
        elif CJK.search(text or ''):
            s += '<w:lang w:eastAsia="zh-CN"/>'
        return f'<w:rPr>{s}</w:rPr>' if s else ''

    def r(self, text, **f):
        parts = []
        for piece in re.split(r'(\t|\n)', text):
            if piece == '\t':
                parts.append('<w:tab/>')
            elif piece == '\n':
                parts.append('<w:br/>')
            elif piece:
                parts.append(f'<w:t xml:space="preserve">{x(piece)}</w:t>')
        return f'<w:r>{self.rpr(text, **f)}{"".join(parts)}</w:r>'

    def sym(self, char, font='Wingdings', **f):
        return f'<w:r>{self.rpr("", **f)}<w:sym w:font="{font}" w:char="{char}"/></w:r>'

    def legacy(self, checked, how='plain'):
        """A FORMCHECKBOX field, as Word writes it: checked as <w:checked/> or <w:checked w:val="1"/>."""
        n = self.nid()
        c = ''
        if checked:
            c = '<w:checked w:val="1"/>' if how == 'val1' else '<w:checked/>'
        return (f'<w:r><w:fldChar w:fldCharType="begin"><w:ffData><w:name w:val="Check{n}"/><w:enabled/>'
                f'<w:calcOnExit w:val="0"/><w:checkBox><w:sizeAuto/><w:default w:val="0"/>{c}</w:checkBox></w:ffData>'
                f'</w:fldChar></w:r><w:r><w:instrText xml:space="preserve"> FORMCHECKBOX </w:instrText></w:r>'
                f'<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>')

    def cc(self, checked, content=None):
        """A Word 2010 check-box content control; `content` replaces the glyph run (tracked toggles)."""
        n = self.nid()
        font = '<w:rFonts w:ascii="MS Gothic" w:eastAsia="MS Gothic" w:hAnsi="MS Gothic" w:hint="eastAsia"/>'
        g = '☒' if checked else '☐'
        body = content if content is not None else f'<w:r><w:rPr>{font}</w:rPr><w:t>{g}</w:t></w:r>'
        return (f'<w:sdt><w:sdtPr><w:rPr>{font}</w:rPr><w:id w:val="{1187000 + n * 131}"/>'
                f'<w14:checkbox><w14:checked w14:val="{1 if checked else 0}"/>'
                f'<w14:checkedState w14:val="2612" w14:font="MS Gothic"/><w14:uncheckedState w14:val="2610" w14:font="MS Gothic"/>'
                f'</w14:checkbox></w:sdtPr><w:sdtContent>{body}</w:sdtContent></w:sdt>')

    def ins(self, runs):
        self.tracked = True
        self.rev += 1
        return f'<w:ins w:id="{self.rev}" w:author="{x(self.author)}" w:date="2026-10-20T09:{self.rev % 60:02d}:00Z">{runs}</w:ins>'

    def dele(self, runs):
        self.tracked = True
        self.rev += 1
        runs = runs.replace('<w:t ', '<w:delText ').replace('<w:t>', '<w:delText>').replace('</w:t>', '</w:delText>')
        runs = runs.replace('<w:instrText', '<w:delInstrText').replace('</w:instrText>', '</w:delInstrText>')
        return f'<w:del w:id="{self.rev}" w:author="{x(self.author)}" w:date="2026-10-20T09:{self.rev % 60:02d}:00Z">{runs}</w:del>'

    def footnote(self, text):
        fid = len(self.footnotes) + 1
        self.footnotes.append((fid, text))
        return f'<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteReference w:id="{fid}"/></w:r>'

    def comment(self, text):
        cid = len(self.comments)
        self.comments.append((cid, text))
        return cid

    @staticmethod
    def c_start(cid):
        return f'<w:commentRangeStart w:id="{cid}"/>'

    @staticmethod
    def c_end(cid):
        return (f'<w:commentRangeEnd w:id="{cid}"/><w:r><w:rPr><w:rStyle w:val="CommentReference"/></w:rPr>'
                f'<w:commentReference w:id="{cid}"/></w:r>')

    # ---- paragraphs and tables ----
    def p(self, runs, jc=None, ind=None, b_style=None, keep=False, spacing=None, shd=None):
        pr = ''
        if b_style:
            pr += f'<w:pStyle w:val="{b_style}"/>'
        if keep:
            pr += '<w:keepNext/>'
        if shd:
            pr += f'<w:shd w:val="clear" w:color="auto" w:fill="{shd}"/>'
        if self.rtl:
            pr += '<w:bidi/>'
        if spacing:
            pr += f'<w:spacing {spacing}/>'
        if ind:
            pr += f'<w:ind {ind}/>'
        if jc:
            pr += f'<w:jc w:val="{jc}"/>'
        runs = ''.join(runs) if isinstance(runs, (list, tuple)) else runs
        return f'<w:p>{"<w:pPr>" + pr + "</w:pPr>" if pr else ""}{runs}</w:p>'

    def tc(self, paras, w, span=1, vmerge=None, shd=None, valign=None):
        pr = f'<w:tcW w:w="{w}" w:type="dxa"/>'
        if span > 1:
            pr += f'<w:gridSpan w:val="{span}"/>'
        if vmerge == 'restart':
            pr += '<w:vMerge w:val="restart"/>'
        elif vmerge == 'cont':
            pr += '<w:vMerge/>'
        if shd:
            pr += f'<w:shd w:val="clear" w:color="auto" w:fill="{shd}"/>'
        if valign:
            pr += f'<w:vAlign w:val="{valign}"/>'
        paras = ''.join(paras) if isinstance(paras, (list, tuple)) else paras
        return f'<w:tc><w:tcPr>{pr}</w:tcPr>{paras or self.p("")}</w:tc>'

    @staticmethod
    def tr(cells, header=False, cant_split=False):
        pr = ('<w:cantSplit/>' if cant_split else '') + ('<w:tblHeader/>' if header else '')
        return f'<w:tr>{"<w:trPr>" + pr + "</w:trPr>" if pr else ""}{"".join(cells)}</w:tr>'

    def table(self, rows, grid, borders=True):
        b = ''.join(f'<w:{s} w:val="single" w:sz="4" w:space="0" w:color="auto"/>'
                    for s in ('top', 'left', 'bottom', 'right', 'insideH', 'insideV')) if borders else ''
        pr = (f'<w:tblStyle w:val="TableGrid"/>{"<w:bidiVisual/>" if self.rtl else ""}<w:tblW w:w="{sum(grid)}" w:type="dxa"/>'
              + (f'<w:tblBorders>{b}</w:tblBorders>' if borders else
                 '<w:tblBorders><w:top w:val="nil"/><w:left w:val="nil"/><w:bottom w:val="nil"/><w:right w:val="nil"/>'
                 '<w:insideH w:val="nil"/><w:insideV w:val="nil"/></w:tblBorders>')
              + '<w:tblLayout w:type="fixed"/><w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="1" '
              'w:lastColumn="0" w:noHBand="0" w:noVBand="1"/>')
        g = ''.join(f'<w:gridCol w:w="{w}"/>' for w in grid)
        return f'<w:tbl><w:tblPr>{pr}</w:tblPr><w:tblGrid>{g}</w:tblGrid>{"".join(rows)}</w:tbl>'


STYLES = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
          f'<w:styles {NS}><w:docDefaults><w:rPrDefault><w:rPr>'
          '<w:rFonts w:ascii="Times New Roman" w:eastAsia="SimSun" w:hAnsi="Times New Roman" w:cs="Times New Roman"/>'
          '<w:sz w:val="22"/><w:szCs w:val="22"/><w:lang w:val="en-GB" w:eastAsia="zh-CN" w:bidi="ar-SA"/></w:rPr></w:rPrDefault>'
          '<w:pPrDefault><w:pPr><w:spacing w:before="60" w:after="60"/></w:pPr></w:pPrDefault></w:docDefaults>'
          '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>'
          '<w:style w:type="paragraph" w:styleId="AnnexNo"><w:name w:val="Annex_No"/><w:basedOn w:val="Normal"/>'
          '<w:pPr><w:jc w:val="center"/><w:spacing w:before="240"/></w:pPr><w:rPr><w:b/><w:caps/><w:sz w:val="26"/></w:rPr></w:style>'
          '<w:style w:type="paragraph" w:styleId="Header"><w:name w:val="header"/><w:basedOn w:val="Normal"/></w:style>'
          '<w:style w:type="paragraph" w:styleId="FootnoteText"><w:name w:val="footnote text"/><w:basedOn w:val="Normal"/>'
          '<w:rPr><w:sz w:val="18"/></w:rPr></w:style>'
          '<w:style w:type="character" w:styleId="FootnoteReference"><w:name w:val="footnote reference"/>'
          '<w:rPr><w:vertAlign w:val="superscript"/></w:rPr></w:style>'
          '<w:style w:type="paragraph" w:styleId="CommentText"><w:name w:val="annotation text"/><w:basedOn w:val="Normal"/>'
          '<w:rPr><w:sz w:val="20"/></w:rPr></w:style>'
          '<w:style w:type="character" w:styleId="CommentReference"><w:name w:val="annotation reference"/>'
          '<w:rPr><w:sz w:val="16"/></w:rPr></w:style>'
          '<w:style w:type="table" w:styleId="TableGrid"><w:name w:val="Table Grid"/><w:tblPr><w:tblCellMar>'
          '<w:left w:w="108" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>'
          '</w:styles>')

CT = 'application/vnd.openxmlformats-officedocument.wordprocessingml.'
REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/'


def notes_part(doc):
    s = ('<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
         '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>')
    for fid, text in doc.footnotes:
        s += f'<w:footnote w:id="{fid}">'
        for i, line in enumerate(text.split('\n')):
            ref = ('<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> </w:t></w:r>'
                   if i == 0 else '')
            s += f'<w:p><w:pPr><w:pStyle w:val="FootnoteText"/>{"<w:bidi/>" if doc.rtl else ""}</w:pPr>{ref}{doc.r(line)}</w:p>'
        s += '</w:footnote>'
    return f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:footnotes {NS}>{s}</w:footnotes>'


def comments_part(doc):
    s = ''
    for cid, text in doc.comments:
        s += (f'<w:comment w:id="{cid}" w:author="{x(doc.author)}" w:date="2026-10-20T10:00:00Z" '
              f'w:initials="{x("".join(w[0] for w in doc.author.split()[:2]))}">')
        for i, line in enumerate(text.split('\n')):
            ref = '<w:r><w:rPr><w:rStyle w:val="CommentReference"/></w:rPr><w:annotationRef/></w:r>' if i == 0 else ''
            s += f'<w:p><w:pPr><w:pStyle w:val="CommentText"/>{"<w:bidi/>" if doc.rtl else ""}</w:pPr>{ref}{doc.r(line)}</w:p>'
        s += '</w:comment>'
    return f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:comments {NS}>{s}</w:comments>'


def package(path, doc, body, title, creator, modified):
    parts = {}
    rels = [('rId1', 'styles', 'styles.xml'), ('rId2', 'settings', 'settings.xml')]
    ov = [('/word/document.xml', CT + 'document.main+xml'), ('/word/styles.xml', CT + 'styles+xml'),
          ('/word/settings.xml', CT + 'settings+xml'),
          ('/docProps/core.xml', 'application/vnd.openxmlformats-package.core-properties+xml'),
          ('/docProps/app.xml', 'application/vnd.openxmlformats-officedocument.extended-properties+xml')]
    refs = ''
    if doc.header:
        rels.append(('rId7', 'header', 'header1.xml'))
        ov.append(('/word/header1.xml', CT + 'header+xml'))
        parts['word/header1.xml'] = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:hdr {NS}>'
                                     + ''.join(doc.header) + '</w:hdr>')
        refs += '<w:headerReference w:type="default" r:id="rId7"/>'
    fnpr = ''
    if doc.footnotes:
        rels.append(('rId8', 'footnotes', 'footnotes.xml'))
        ov.append(('/word/footnotes.xml', CT + 'footnotes+xml'))
        parts['word/footnotes.xml'] = notes_part(doc)
        fnpr = '<w:footnotePr><w:footnote w:id="-1"/><w:footnote w:id="0"/></w:footnotePr>'
    if doc.comments:
        rels.append(('rId9', 'comments', 'comments.xml'))
        ov.append(('/word/comments.xml', CT + 'comments+xml'))
        parts['word/comments.xml'] = comments_part(doc)
    sect = (f'<w:sectPr>{refs}<w:pgSz w:w="11906" w:h="16838"/>'
            '<w:pgMar w:top="1134" w:right="1134" w:bottom="1134" w:left="1134" w:header="567" w:footer="567" w:gutter="0"/>'
            f'{"<w:bidi/>" if doc.rtl else ""}</w:sectPr>')
    parts['word/document.xml'] = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document {NS}><w:body>'
                                  f'{body}{sect}</w:body></w:document>')
    parts['word/styles.xml'] = STYLES
    parts['word/settings.xml'] = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:settings {NS}>'
                                  '<w:zoom w:percent="100"/><w:defaultTabStop w:val="720"/>'
                                  f'{fnpr}<w:compat><w:compatSetting w:name="compatibilityMode" '
                                  'w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat></w:settings>')
    parts['word/_rels/document.xml.rels'] = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        + ''.join(f'<Relationship Id="{i}" Type="{REL}{t}" Target="{tg}"/>' for i, t, tg in rels) + '</Relationships>')
    parts['[Content_Types].xml'] = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        + ''.join(f'<Override PartName="{p}" ContentType="{c}"/>' for p, c in ov) + '</Types>')
    parts['_rels/.rels'] = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
        '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>'
        '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/>'
        '</Relationships>')
    parts['docProps/core.xml'] = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
        f'<dc:title>{x(title)}</dc:title><dc:creator>{x(creator)}</dc:creator>'
        '<dcterms:created xsi:type="dcterms:W3CDTF">2026-09-15T08:00:00Z</dcterms:created>'
        f'<dcterms:modified xsi:type="dcterms:W3CDTF">{modified}</dcterms:modified></cp:coreProperties>')
    parts['docProps/app.xml'] = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                                 '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
                                 '<Application>Microsoft Office Word</Application><AppVersion>16.0000</AppVersion></Properties>')
    order = ['[Content_Types].xml', '_rels/.rels', 'word/document.xml', 'word/_rels/document.xml.rels', 'word/styles.xml',
             'word/settings.xml', 'word/header1.xml', 'word/footnotes.xml', 'word/comments.xml',
             'docProps/core.xml', 'docProps/app.xml']
    with zipfile.ZipFile(path, 'w', zipfile.ZIP_DEFLATED) as z:
        for name in order:
            if name in parts:
                info = zipfile.ZipInfo(name, date_time=(2026, 10, 20, 9, 0, 0))
                info.compress_type = zipfile.ZIP_DEFLATED
                info.external_attr = 0o644 << 16
                z.writestr(info, parts[name].encode('utf-8'))
