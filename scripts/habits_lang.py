"""The six language versions of the reply form of TSB Circular 77 (Study Group 11), written from
FORM.md's keyword table and natural translations of the published Annex 2 wording."""

CIRCULAR = 77
SG = 11

# draft key (as the record's `draft`), provisional name, kind
DRAFTS = [
    ('Q.3962', 'Q.sig-iot', 'new'),
    ('Q.4073', 'Q.tsp-ran', 'new'),
    ('Q.3057', None, 'revised'),
    ('Q.3960 Amd.1', None, 'amendment'),
    ('Q.CPaaS-tst', None, 'new_noprov'),
]


def draft_name(lang, key, prov, kind):
    p = f' ({prov})' if prov else ''
    if kind == 'amendment':
        base = key.split(' ')[0]
        return {
            'en': f'Draft Amendment 1 to Recommendation ITU-T {base}',
            'fr': f"Projet d'Amendement 1 à la Recommandation UIT-T {base}",
            'es': f'Proyecto de Enmienda 1 a la Recomendación UIT-T {base}',
            'ru': f'Проект Поправки 1 к Рекомендации МСЭ-Т {base}',
            'ar': f'مشروع التعديل 1 للتوصية ITU-T {base}',
            'zh': f'ITU-T {base}建议书修正1草案',
        }[lang]
    if kind == 'revised':
        return {
            'en': f'Draft revised Recommendation ITU-T {key}{p}',
            'fr': f'Projet de Recommandation révisée UIT-T {key}{p}',
            'es': f'Proyecto de Recomendación revisada UIT-T {key}{p}',
            'ru': f'Проект пересмотренной Рекомендации МСЭ-Т {key}{p}',
            'ar': f'مشروع التوصية المراجَعة ITU-T {key}{p}',
            'zh': f'ITU-T {key}{p}修订建议书草案',
        }[lang]
    return {
        'en': f'Draft new Recommendation ITU-T {key}{p}',
        'fr': f'Projet de nouvelle Recommandation UIT-T {key}{p}',
        'es': f'Proyecto de nueva Recomendación UIT-T {key}{p}',
        'ru': f'Проект новой Рекомендации МСЭ-Т {key}{p}',
        'ar': f'مشروع التوصية الجديدة ITU-T {key}{p}',
        'zh': f'ITU-T {key}{p}新建议书草案',
    }[lang]


LIST = 'Q.3962 (Q.sig-iot), Q.4073 (Q.tsp-ran), Q.3057, Q.3960 Amd.1, Q.CPaaS-tst'
LIST_ZH = 'Q.3962 (Q.sig-iot)、Q.4073 (Q.tsp-ran)、Q.3057、Q.3960 Amd.1、Q.CPaaS-tst'

L = {
    'en': dict(
        annex='ANNEX 2',
        subject=f'Subject: Member State response to TSB Circular {CIRCULAR}:',
        subject2=f'Consultation on determined draft new and revised ITU-T Recommendations and draft Amendment {LIST}',
        to='To:', tsb=['Director, Telecommunication Standardization Bureau', 'International Telecommunication Union',
                       'Place des Nations', 'CH 1211 Geneva 20, Switzerland'],
        frm='From:', ph=['[Name]', '[Official Role]', '[Address]'], fax='Fax:', email='Email:', date='Date:',
        dateph='[Date] [Place]', dear='Dear Sir/Madam,',
        intro=f'In the context of the consultation of Member States on determined draft texts in accordance with TSB Circular {CIRCULAR}, I would like to convey the views of this Administration as contained in the table below.',
        auth=f'Authorizes Study Group {SG} to consider this draft for approval (in this case, select one of the two options ⃝):',
        no='No comments or proposed changes',
        wc='Comments and proposed changes attached',
        na=f'Does not authorize Study Group {SG} to consider this draft for approval (the reasons supporting this opinion and a summary of the possible changes that could facilitate further consideration and approval are attached)',
    ),
    'fr': dict(
        annex='ANNEXE 2',
        subject=f'Objet: Réponse des États Membres à la Circulaire TSB {CIRCULAR}:',
        subject2=f"Consultation sur les projets de nouvelles Recommandations UIT-T et de Recommandations UIT-T révisées et le projet d'Amendement {LIST} déterminés",
        to='À:', tsb=['Directeur du Bureau de la normalisation des télécommunications', 'Union internationale des télécommunications',
                      'Place des Nations', 'CH-1211 Genève 20, Suisse'],
        frm='De:', ph=['[Nom]', '[Fonction officielle]', '[Adresse]'], fax='Télécopie:', email='Courriel:', date='Date:',
        dateph='[Date] [Lieu]', dear='Madame, Monsieur,',
        intro=f"Dans le cadre de la consultation des États Membres sur les projets de texte déterminés conformément à la Circulaire TSB {CIRCULAR}, je souhaiterais vous faire part des vues de mon Administration, telles qu'elles figurent dans le tableau ci-dessous.",
        auth=f"Autorise la Commission d'études {SG} à examiner le présent projet en vue de son approbation (dans ce cas, choisir l'une des deux options ⃝):",
        no='Pas de commentaires ni de propositions de modification',
        wc='Commentaires et propositions de modification joints',
        na=f"N'autorise pas la Commission d'études {SG} à examiner le présent projet en vue de son approbation (les motifs de cette position ainsi qu'un résumé des modifications qui pourraient faciliter la poursuite de l'examen et l'approbation sont joints)",
    ),
    'es': dict(
        annex='ANEXO 2',
        subject=f'Asunto: Respuesta de los Estados Miembros a la Circular TSB {CIRCULAR}:',
        subject2=f'Consulta sobre los proyectos de nuevas Recomendaciones UIT-T y de Recomendaciones UIT-T revisadas y el proyecto de Enmienda {LIST} determinados',
        to='A:', tsb=['Director de la Oficina de Normalización de las Telecomunicaciones', 'Unión Internacional de Telecomunicaciones',
                      'Place des Nations', 'CH-1211 Ginebra 20, Suiza'],
        frm='De:', ph=['[Nombre]', '[Cargo oficial]', '[Dirección]'], fax='Fax:', email='Correo-e:', date='Fecha:',
        dateph='[Fecha] [Lugar]', dear='Muy Señora mía/Muy Señor mío:',
        intro=f'En el marco de la consulta a los Estados Miembros sobre los proyectos de texto determinados de conformidad con la Circular TSB {CIRCULAR}, quisiera comunicarle las opiniones de esta Administración, que figuran en el cuadro siguiente.',
        auth=f'Autoriza a la Comisión de Estudio {SG} a considerar este proyecto para su aprobación (en este caso, seleccione una de las dos opciones ⃝):',
        no='Sin comentarios ni propuestas de cambio',
        wc='Se adjuntan comentarios y propuestas de cambio',
        na=f'No autoriza a la Comisión de Estudio {SG} a considerar este proyecto para su aprobación (se adjuntan los motivos que justifican esta opinión y un resumen de los posibles cambios que podrían facilitar su ulterior consideración y aprobación)',
    ),
    'ru': dict(
        annex='ПРИЛОЖЕНИЕ 2',
        subject=f'Тема: Ответ Государств-Членов на Циркуляр {CIRCULAR} БСЭ:',
        subject2=f'Консультация по определенным проектам новых и пересмотренных Рекомендаций МСЭ-Т и проекту Поправки {LIST}',
        to='Кому:', tsb=['Директору Бюро стандартизации электросвязи', 'Международный союз электросвязи',
                         'Place des Nations', 'CH-1211 Geneva 20, Switzerland'],
        frm='От:', ph=['[Имя]', '[Официальная должность]', '[Адрес]'], fax='Факс:', email='Эл. почта:', date='Дата:',
        dateph='[Дата] [Место]', dear='Уважаемая госпожа, уважаемый господин,',
        intro=f'В контексте консультации с Государствами-Членами по определенным проектам текстов в соответствии с Циркуляром {CIRCULAR} БСЭ хотел бы сообщить мнение этой Администрации, изложенное в приведенной ниже таблице.',
        auth=f'Уполномочивает {SG}-ю Исследовательскую комиссию рассмотреть данный проект для утверждения (в этом случае выберите один из двух вариантов ⃝):',
        no='Нет замечаний или предлагаемых изменений',
        wc='Замечания и предлагаемые изменения прилагаются',
        na=f'Не уполномочивает {SG}-ю Исследовательскую комиссию рассмотреть данный проект для утверждения (причины такой позиции и краткое изложение возможных изменений, которые могли бы способствовать дальнейшему рассмотрению и утверждению, прилагаются)',
    ),
    'ar': dict(
        annex='الملحق 2',
        subject=f'الموضوع: رد الدول الأعضاء على الرسالة المعممة {CIRCULAR} لمكتب تقييس الاتصالات:',
        subject2=f'مشاورة بشأن مشاريع التوصيات الجديدة والمراجَعة ومشروع التعديل المحددة {LIST}',
        to='إلى:', tsb=['مدير مكتب تقييس الاتصالات', 'الاتحاد الدولي للاتصالات', 'Place des Nations',
                       'CH-1211 Geneva 20, Switzerland'],
        frm='من:', ph=['[الاسم]', '[الصفة الرسمية]', '[العنوان]'], fax='الفاكس:', email='البريد الإلكتروني:',
        date='التاريخ:', dateph='[التاريخ] [المكان]', dear='حضرات السادة،',
        intro=f'في سياق مشاورة الدول الأعضاء بشأن مشاريع النصوص المحددة وفقاً للرسالة المعممة {CIRCULAR} لمكتب تقييس الاتصالات، أود أن أبلغكم آراء هذه الإدارة على النحو الوارد في الجدول أدناه.',
        auth=f'تأذن للجنة الدراسات {SG} بالنظر في هذا المشروع بغرض الموافقة عليه (في هذه الحالة، يُرجى اختيار أحد الخيارين ⃝):',
        no='لا توجد تعليقات أو تغييرات مقترحة',
        wc='ترد طيه تعليقات وتغييرات مقترحة',
        na=f'لا تأذن للجنة الدراسات {SG} بالنظر في هذا المشروع بغرض الموافقة عليه (ترد طيه الأسباب الداعمة لهذا الرأي وملخص للتغييرات الممكنة التي قد تيسر مواصلة النظر فيه والموافقة عليه)',
    ),
    'zh': dict(
        annex='附件2',
        subject=f'事由：成员国对电信标准化局第{CIRCULAR}号通函的回复：',
        subject2=f'针对已确定的ITU-T {LIST_ZH}新建议书草案、修订建议书草案和修正草案进行的磋商',
        to='致：', tsb=['国际电信联盟', '电信标准化局主任', 'Place des Nations', 'CH 1211 Geneva 20, Switzerland'],
        frm='发自：', ph=['[姓名]', '[正式职务]', '[地址]'], fax='传真：', email='电子邮件：', date='日期：',
        dateph='[日期] [地点]', dear='尊敬的先生/女士：',
        intro=f'关于针对电信标准化局第{CIRCULAR}号通函中所列的已确定案文草案与成员国进行磋商一事，我谨向您通报本主管部门的意见，如下表所述。',
        auth=f'授权第{SG}研究组考虑批准该草案（在这种情况下，请选择两种方案⃝中的一种）：',
        no='无意见或无建议修改',
        wc='附意见和建议的修改',
        na=f'不授权第{SG}研究组考虑批准该草案（附反对意见的理由并说明可能推动该项工作进展的可能修改概述）',
    ),
}

# An older template's wording (the form of a few years ago, still on some desks).
OLD = {
    'en': dict(
        auth=f'We authorize Study Group {SG} to proceed with the approval of this draft (please tick one of the options below):',
        no='No comments',
        wc='Comments and/or proposed changes are attached',
        na=f'We do not authorize Study Group {SG} to proceed with the approval of this draft (reasons and possible changes are attached)',
    ),
    'fr': dict(
        auth=f"Autorise la CE {SG} à procéder à l'approbation de ce projet (cocher l'une des options ci-dessous) :",
        no='Sans commentaire',
        wc='Avec commentaires et/ou propositions de modification (ci-joints)',
        na=f"N'autorise pas la CE {SG} à procéder à l'approbation de ce projet (motifs et modifications possibles ci-joints)",
    ),
}

# Labels retyped by someone who rebuilt the table (British spelling, shortened).
RETYPED_EN = dict(
    auth=f'Authorises SG{SG} to consider this draft for approval (select one of the two options):',
    no='No comments or proposed changes',
    wc='Comments and proposed changes attached',
    na=f'Does not authorise SG{SG} to consider this draft for approval (reasons and summary of possible changes attached)',
)
