#!/usr/bin/env python3
"""Writes tests/fixtures/habits2/: a second independent test set for issue 12 (part 7), replies to
TSB Circular 126 (Study Group 13) filled with Word habits that the first set (tests/fixtures/habits/)
does not have, and its truth tests/fixtures/habits2_expected.json (the shape of habits_expected.json).

Written without reading replytally's reader: only FORM.md, CONTRACT.md and the first set's scripts.
Deterministic: the same bytes every run.

    python3 scripts/make-habits2-fixtures.py
"""

import hashlib
import os
import sys

sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from habits2_form import CIRCULAR, DRAFTS, KEYS, LAYOUT, SG, build  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, 'tests', 'fixtures', 'habits2')
LANGS = ('en', 'fr', 'es', 'ru', 'ar', 'zh')

# Reasons (R) and comments (C) as people write them, per language of the text.
R = {
    'en': ["The framework in clause 7 duplicates work under way in ITU-T SG20; we propose to align the two texts before approval.",
           "The digital twin interfaces in clause 8 are not yet stable.\nWe propose to defer approval until the interoperability tests of Appendix II are completed.",
           "The revision removes the reference model that our operators still use and gives no migration path.",
           "The key management requirements in clause 9 conflict with national rules on encryption products."],
    'fr': ["Le cadre décrit à l'article 7 recoupe des travaux en cours à la CE 20 ; nous proposons d'harmoniser les deux textes avant l'approbation.",
           "Les interfaces du jumeau numérique (article 8) ne sont pas encore stables.\nNous proposons de reporter l'approbation jusqu'à la fin des essais d'interopérabilité.",
           "La révision supprime le modèle de référence encore utilisé par nos opérateurs, sans solution de migration.",
           "Les exigences de gestion des clés de l'article 9 sont contraires à la réglementation nationale sur le chiffrement."],
    'es': ["El marco descrito en la cláusula 7 duplica trabajos en curso en la CE 20; proponemos armonizar ambos textos antes de la aprobación.",
           "Las interfaces del gemelo digital de la cláusula 8 aún no son estables.\nProponemos aplazar la aprobación hasta concluir las pruebas de interoperabilidad.",
           "La revisión elimina el modelo de referencia que nuestros operadores todavía utilizan, sin ofrecer una vía de migración.",
           "Los requisitos de gestión de claves de la cláusula 9 contradicen la normativa nacional sobre cifrado."],
    'ru': ["Структура, описанная в разделе 7, дублирует работу 20-й Исследовательской комиссии; предлагаем согласовать оба текста до утверждения.",
           "Интерфейсы цифрового двойника в разделе 8 ещё не стабильны.\nПредлагаем отложить утверждение до завершения испытаний на совместимость.",
           "Пересмотр исключает эталонную модель, которую по-прежнему используют наши операторы, и не предлагает пути перехода.",
           "Требования к управлению ключами в разделе 9 противоречат национальным правилам в области шифрования."],
    'ar': ["يكرر الإطار الوارد في البند 7 عملاً جارياً في لجنة الدراسات 20، ونقترح مواءمة النصين قبل الموافقة.",
           "واجهات التوأم الرقمي في البند 8 غير مستقرة بعد.\nنقترح إرجاء الموافقة إلى حين إنجاز اختبارات قابلية التشغيل البيني.",
           "تلغي المراجعة النموذج المرجعي الذي لا يزال مشغلونا يستخدمونه دون تقديم مسار للانتقال.",
           "تتعارض متطلبات إدارة المفاتيح في البند 9 مع القواعد الوطنية المتعلقة بالتشفير."],
    'zh': ["第7节所述框架与第20研究组正在进行的工作重复，建议在批准前协调两份案文。",
           "第8节中的数字孪生接口尚不稳定。\n建议推迟批准，待互操作性测试完成后再议。",
           "修订删除了我国运营商仍在使用的参考模型，且未提供迁移方案。",
           "第9节的密钥管理要求与我国关于加密产品的规定相冲突。"],
}
C = {
    'en': ['In clause 6.2, replace "shall" with "should" in the second requirement.',
           "Please add a reference to Recommendation ITU-T Y.3172 in clause 2.\nFigure 4 should show the data collector in the edge domain.",
           'Editorial: the title of Table 3 should read "Machine learning pipeline functions".',
           'Add a definition of "digital twin entity" in clause 3.2.'],
    'fr': ["À l'article 6.2, remplacer « doit » par « devrait » dans la deuxième exigence.",
           "Ajouter une référence à la Recommandation UIT-T Y.3172 à l'article 2.\nLa figure 4 devrait montrer le collecteur de données en périphérie.",
           "Rédactionnel : le titre du tableau 3 devrait être « Fonctions du pipeline d'apprentissage automatique ».",
           "Ajouter une définition de « entité jumelle numérique » à l'article 3.2."],
    'es': ["En la cláusula 6.2, sustituir «deberá» por «debería» en el segundo requisito.",
           "Añadir una referencia a la Recomendación UIT-T Y.3172 en la cláusula 2.\nLa figura 4 debería mostrar el colector de datos en el borde.",
           "Editorial: el título del cuadro 3 debería ser «Funciones del flujo de aprendizaje automático».",
           "Añadir una definición de «entidad de gemelo digital» en la cláusula 3.2."],
    'ru': ["В разделе 6.2 заменить «должен» на «следует» во втором требовании.",
           "Добавить ссылку на Рекомендацию МСЭ-Т Y.3172 в разделе 2.\nНа рисунке 4 следует показать сборщик данных на границе сети.",
           "Редакционное: название таблицы 3 должно быть «Функции конвейера машинного обучения».",
           "Добавить определение термина «объект цифрового двойника» в раздел 3.2."],
    'ar': ["في البند 6.2، يُستبدل «يجب» بعبارة «ينبغي» في المتطلب الثاني.",
           "يُرجى إضافة إشارة إلى التوصية ITU-T Y.3172 في البند 2.\nينبغي أن يبين الشكل 4 جامع البيانات في مجال الحافة.",
           "تحريري: ينبغي أن يكون عنوان الجدول 3 «وظائف مسار التعلم الآلي».",
           "يُقترح إضافة تعريف «كيان التوأم الرقمي» في البند 3.2."],
    'zh': ["第6.2节第二项要求中的“应”改为“宜”。",
           "请在第2节中增加对ITU-T Y.3172建议书的引用。\n图4应显示边缘域中的数据采集器。",
           "编辑性修改：表3的标题应为“机器学习流水线功能”。",
           "建议在第3.2节中增加“数字孪生实体”的定义。"],
}

CODE = {'A': ('authorize', 'no_comments'), 'W': ('authorize', 'with_comments'), 'U': ('authorize', 'unspecified'),
        'S': ('authorize', 'unspecified'), 'N': ('not_authorize', None), 'C': ('conflict', None), '-': ('no_reply', None)}
EVIDENCE = {'cc': 'content_control', 'cc_x': 'text', 'sentence': 'text', 'none': 'text', 'color': 'highlight',
            'dunder': 'highlight', 'cellshd': 'highlight'}


def rep(file, lang, ms, iso3, answers, frm, dateplace, date, clue, notes, tlang=None, **kw):
    d = dict(file=file, lang=lang, ms=(ms, iso3), answers=dict(zip(KEYS, answers.split())), frm=frm,
             dateplace=dateplace, date=date, clue=clue, notes=notes, tlang=tlang or lang, **kw)
    return d


REPLIES = [
    # ---- English form ----------------------------------------------------------------------
    rep('Ghana_NCA_Circ126.docx', 'en', 'Ghana', 'GHA', 'A N A A W',
        ['Director General', 'National Communications Authority', '1 Rangoon Close, Cantonments, Accra, Ghana'],
        '4 May 2026, Accra', '2026-05-04', 'National Communications Authority',
        ['content-control boxes checked (w14:checked)', 'options: ⃝ replaced by a checked content-control box',
         'reasons and comments in endnotes (endnotes.xml)'],
        mark='cc', opt='ccopt', place='endnote', email='intl@nca.org.gh'),
    rep('ICASA_reply_C126.docx', 'en', 'South Africa', 'ZAF', 'A N W A A',
        ['Chief Executive Officer', 'Independent Communications Authority of South Africa (ICASA)',
         '350 Witch-Hazel Avenue, Eco Point Office Park, Centurion'],
        'Centurion, 2026/05/06', '2026-05-06', 'ICASA',
        ['"√" typed instead of the box (content control deleted)', 'options: ⃝ replaced by √',
         'reasons and comments in a separate table after the form', 'regulator by name, no country in the address'],
        mark='glyph:√', opt='glyph:√', place='septable', sender=['regulator_name']),
    rep('NZ_MBIE_Circ126_response.docx', 'en', 'New Zealand', 'NZL', 'A A N A W',
        ['Manager, Radio Spectrum Policy', 'Ministry of Business, Innovation & Employment', 'PO Box 2847, Wellington 6140'],
        '7 May 2026', '2026-05-07', 'New Zealand',
        ['boxes left empty, the chosen lines (decision and option) in green font', 'text typed into the "Other comments" row, prefixed with the draft number',
         'country only in the page footer (word/footer1.xml)'],
        mark='color', color='00B050', opt='same', place='other',
        footer=['Ministry of Business, Innovation and Employment | 15 Stout Street, Wellington 6011, New Zealand'],
        sender=['footer_letterhead']),
    rep('PTA_Pakistan_C126.docx', 'en', 'Pakistan', 'PAK', 'W N A A A',
        ['Director (International Coordination)', 'Pakistan Telecommunication Authority', 'F-5/1, Islamabad'],
        '08-05-2026 Islamabad', '2026-05-08', 'Pakistan Telecommunication Authority',
        ['boxes left empty, " – OK" typed at the end of the chosen lines (decision and option)',
         'reasons and comments as bulleted lists after the form, under headings naming only the provisional name'],
        mark='word:OK', opt='same', place='list_prov'),
    rep('BTRC_Circ126.docx', 'en', 'Bangladesh', 'BGD', 'A A A A A',
        ['Chairman', 'Bangladesh Telecommunication Regulatory Commission', 'IEB Bhaban, Ramna, Dhaka-1000'],
        '10 May 2026', '2026-05-10', 'Bangladesh',
        ['table left as sent; the answer is one sentence typed in the "Other comments" row (all drafts, no comments)'],
        mark='none', opt='same', other_text=['Bangladesh supports all the drafts listed above, without comments.']),
    rep('ComReg_Ireland_C126.docx', 'en', 'Ireland', 'IRL', 'A N A C A',
        ['Commission for Communications Regulation', 'One Dockland Central, Guild Street', 'Dublin 1, D01 E4X0'],
        '11/05/2026', '2026-05-11', 'Commission for Communications Regulation',
        ['the form pasted twice: the first copy left blank, the second filled', 'content-control boxes checked',
         'options: ⃝ replaced by ⬤', 'Y.3172 Cor.1: Authorizes (No comments) and Does not authorize both checked (conflict)',
         'reasons in the cell under the line', 'regulator by name, Dublin without the country'],
        mark='cc', opt='glyph:⬤', place='under', twice='blank_first', sender=['regulator_name']),
    rep('Japan_MIC_reply_Circ126.docx', 'en', 'Japan', 'JPN', 'A N A A U',
        ['Director, International Policy Division', 'Ministry of Internal Affairs and Communications',
         '2-1-2 Kasumigaseki, Chiyoda-ku, Tokyo 100-8926, Japan'],
        'Tokyo, May 12, 2026', '2026-05-12', 'Japan',
        ['content-control boxes checked; options: ⃝ replaced by ⦿',
         'Y.4605: changed its mind: "x" typed beside Authorizes and struck through, Does not authorize checked',
         'Y.QKDN-kmr: Authorizes checked, no option chosen (unspecified)', 'reasons in an endnote',
         'signed, with a signature image'],
        mark='cc', opt='glyph:⦿', place='endnote', mind={'Y.4605': 'auth'}, sign=['Hiroshi Tanaka', 'Director'],
        sig_image=True),
    rep('Anatel_Brasil_resposta_C126.docx', 'en', 'Brazil', 'BRA', 'S N S A A',
        ['Superintendência de Outorga e Recursos à Prestação', 'Agência Nacional de Telecomunicações – Anatel',
         'SAUS Quadra 6, Blocos C, E, F e H, Brasília – DF'],
        'Brasília, 13 May 2026', '2026-05-13', 'Anatel',
        ['content-control boxes checked; options: ⃝ replaced by a checked content-control box',
         'Y.3181 and Y.3060: Authorizes checked and the option circled with a drawn red ellipse (a floating shape): '
         'the reader cannot know which option the shape encircles — truth: unspecified, a person must decide',
         'reasons in a separate table after the form', 'regulator by its Portuguese name, no country'],
        mark='cc', opt='ccopt', opt_by={'Y.3181': 'shape', 'Y.3060': 'shape'},
        shape_on={'Y.3181': 'no', 'Y.3060': 'no'}, place='septable', sender=['native_name']),
    # ---- French form -----------------------------------------------------------------------
    rep('ART_Cameroun_C126.docx', 'fr', 'Cameroon', 'CMR', 'A N A A W',
        ['Directeur Général', 'Agence de Régulation des Télécommunications', 'B.P. 6132 Yaoundé, Cameroun'],
        'Yaoundé, le 5 mai 2026', '2026-05-05', 'Cameroun',
        ['cases (contrôles de contenu) cochées', 'options : ⃝ remplacé par ■', 'motifs et commentaires en notes de fin'],
        mark='cc', opt='glyph:■', place='endnote'),
    rep('AMRTP_Mali_reponse126.docx', 'fr', 'Mali', 'MLI', 'W N A A A',
        ['Autorité Malienne de Régulation des Télécommunications/TIC et des Postes', 'Bamako, Mali'],
        '6 mai 2026', '2026-05-06', 'Mali',
        ['cases vides, « – Oui » tapé à la fin des lignes choisies (décision et option)',
         'motifs et commentaires en listes à puces après le formulaire, sous un titre ne citant que le nom provisoire'],
        mark='word:Oui', opt='same', place='list_prov'),
    rep('ARCEP_Niger_C126.docx', 'fr', 'Niger', 'NER', 'A N A A W',
        ['Autorité de Régulation des Communications Électroniques et de la Poste (ARCEP)', 'Niamey, Niger'],
        '07/05/2026', '2026-05-07', 'Niger',
        ['cases vides, cellule de la case choisie ombrée (w:shd de la cellule) ; option choisie : paragraphe ombré',
         'motifs et commentaires dans un tableau séparé après le formulaire', 'sigle ARCEP partagé avec la France et le Burkina Faso'],
        mark='cellshd', opt='same', place='septable', sender=['acronym_shared_with_other_state']),
    rep('ARTEC_Madagascar_126.docx', 'fr', 'Madagascar', 'MDG', 'A W N A A',
        ['Autorité de Régulation des Technologies de Communication (ARTEC)', 'Antananarivo, Madagascar'],
        'Antananarivo, le 8 mai 2026', '2026-05-08', 'Madagascar',
        ['cases non cochées, « x » minuscule tapé à côté de la case', 'options : ⃝ remplacé par « x »',
         'texte dans la ligne « Autres commentaires », précédé du numéro du projet'],
        mark='cc_x', opt='glyph:x', place='other'),
    rep('OFCOM_CH_reponse_Circ126.docx', 'fr', 'Switzerland', 'CHE', 'A N A A A',
        ['Office fédéral de la communication OFCOM', 'Rue de l’Avenir 44', 'CH-2501 Bienne'],
        'Bienne, le 11 mai 2026', '2026-05-11', 'OFCOM',
        ["réponse de la Suisse elle-même (adresse suisse, pas une mission permanente)", 'cases cochées ; options : ⃝ remplacé par une case à cocher cochée',
         'motifs en note de fin'],
        mark='cc', opt='ccopt', place='endnote', sender=['swiss_sender_not_mission'], email='international@bakom.admin.ch'),
    rep('Benin_ARCEP_C126.docx', 'fr', 'Benin', 'BEN', 'A N A W A',
        ['Autorité de Régulation des Communications Électroniques et de la Poste du Bénin', 'Cotonou'],
        'Cotonou, 12.05.2026', '2026-05-12', 'Bénin',
        ['les deux lignes de chaque projet fusionnées en une (Fusionner les cellules)', 'cases cochées ; options : ⃝ remplacé par ⊠',
         'texte dans la cellule sous la ligne'],
        mark='cc', opt='glyph:⊠', place='under', layout=['merged']),
    rep('ILR_Luxembourg_126.docx', 'fr', 'Luxembourg', 'LUX', 'A N A A W',
        ['Institut Luxembourgeois de Régulation', '17, rue du Fossé', 'L-1536 Luxembourg'],
        'Luxembourg, le 13 mai 2026', '2026-05-13', 'Institut Luxembourgeois de Régulation',
        ['cases vides, lignes choisies soulignées deux fois (w:u double)', 'motifs et commentaires en notes de fin', 'signature scannée (image)'],
        mark='dunder', opt='same', place='endnote', sign=['Luc Weber', 'Directeur'], sig_image=True),
    rep('Gabon_ARCEP_126.docx', 'fr', 'Gabon', 'GAB', 'A A N A A',
        ["Autorité de Régulation des Communications Électroniques et des Postes", 'Libreville, Gabon'],
        'Libreville, le 14 mai 2026', '2026-05-14', 'Gabon',
        ["tableau laissé tel quel ; la réponse est une phrase dans la ligne « Autres commentaires » avec une exception (Y.3060), les motifs au paragraphe suivant"],
        mark='none', opt='same', place='other_plain',
        other_text=["Le Gabon autorise la Commission d'études 13 à examiner tous les projets en vue de leur approbation, sans commentaires, "
                    "à l'exception du projet Y.3060, pour les motifs suivants :"]),
    # ---- Spanish form (drafts in another order) ----------------------------------------------
    rep('ATT_Bolivia_C126.docx', 'es', 'Bolivia (Plurinational State of)', 'BOL', 'A N A A W',
        ['Autoridad de Regulación y Fiscalización de Telecomunicaciones y Transportes (ATT)', 'La Paz, Bolivia'],
        'La Paz, 5 de mayo de 2026', '2026-05-05', 'Bolivia',
        ['casillas (controles de contenido) marcadas; opciones: ⃝ sustituido por una casilla marcada', 'motivos y comentarios en notas al final'],
        mark='cc', opt='ccopt', place='endnote'),
    rep('CONATEL_Paraguay_126.docx', 'es', 'Paraguay', 'PRY', 'A N W A A',
        ['Comisión Nacional de Telecomunicaciones (CONATEL)', 'Asunción, Paraguay'],
        '06/05/2026', '2026-05-06', 'Paraguay',
        ['casillas vacías, « – Sí » escrito al final de las líneas elegidas', 'motivos y comentarios en un cuadro aparte después del formulario'],
        mark='word:Sí', opt='same', place='septable'),
    rep('SUTEL_CostaRica_126.docx', 'es', 'Costa Rica', 'CRI', 'W N A A A',
        ['Superintendencia de Telecomunicaciones (SUTEL)', 'San José, Costa Rica'],
        'San José, 7 de mayo de 2026', '2026-05-07', 'Costa Rica',
        ['casillas vacías, líneas elegidas en color morado', 'motivos y comentarios en listas con viñetas bajo un título con el nombre provisional'],
        mark='color', color='7030A0', opt='same', place='list_prov'),
    rep('MINCOM_Cuba_C126.docx', 'es', 'Cuba', 'CUB', 'A N A C A',
        ['Ministerio de Comunicaciones', 'Avenida Independencia y 19 de Mayo, La Habana, Cuba'],
        'La Habana, 8 de mayo de 2026', '2026-05-08', 'Cuba',
        ['casillas sustituidas por ⊠ escrito; opciones: ⃝ sustituido por ⊠', 'Y.3172 Cor.1: ⊠ en Autoriza (sin comentarios) y en No autoriza (conflicto)',
         'motivos en la celda bajo la línea'],
        mark='glyph:⊠', opt='glyph:⊠', place='under'),
    rep('SIT_Guatemala_126.docx', 'es', 'Guatemala', 'GTM', 'A N A A W',
        ['Superintendencia de Telecomunicaciones de Guatemala', '12 Calle 6-10, Zona 1, Ciudad de Guatemala'],
        '11 de mayo de 2026', '2026-05-11', 'Guatemala',
        ['formulario pegado dos veces: la primera copia rellenada, la segunda en blanco', 'casillas marcadas; opciones: ⃝ sustituido por ⬤',
         'texto en la fila «Otros comentarios» precedido del número del proyecto'],
        mark='cc', opt='glyph:⬤', place='other', twice='blank_after'),
    rep('ASEP_Panama_C126.docx', 'es', 'Panama', 'PAN', 'A A N A A',
        ['Autoridad Nacional de los Servicios Públicos (ASEP)', 'Vía España, Edificio Office Park'],
        '12.05.2026', '2026-05-12', 'Panamá',
        ['casillas vacías, celda de la casilla elegida sombreada (w:shd)', 'motivos en nota al final', 'país sólo en el pie de página (word/footer1.xml)'],
        mark='cellshd', opt='same', place='endnote', footer=['ASEP – Autoridad Nacional de los Servicios Públicos – Ciudad de Panamá, República de Panamá'],
        sender=['footer_letterhead']),
    rep('INDOTEL_RD_126.docx', 'es', 'Dominican Republic', 'DOM', 'A N A A -',
        ['Instituto Dominicano de las Telecomunicaciones (INDOTEL)', 'Santo Domingo, República Dominicana'],
        'Santo Domingo, 13 de mayo de 2026', '2026-05-13', 'INDOTEL',
        ['casillas marcadas; opciones: ⃝ sustituido por ⦿',
         'Y.3181: cambió de opinión: « x » junto a No autoriza tachado, Autoriza marcado', 'Y.QKDN-kmr sin respuesta', 'motivos en la celda'],
        mark='cc', opt='glyph:⦿', place='under', mind={'Y.3181': 'na'}),
    rep('CONATEL_Honduras_126.docx', 'es', 'Honduras', 'HND', 'A N A A W',
        ['Comisión Nacional de Telecomunicaciones (CONATEL)', 'Tegucigalpa, M.D.C., Honduras'],
        'Tegucigalpa, 14 de mayo de 2026', '2026-05-14', 'Honduras',
        ['casillas sin marcar, « x » minúscula junto a la casilla; opciones: casilla marcada en lugar del ⃝',
         'motivos y comentarios en un cuadro aparte', 'sigla CONATEL compartida con Paraguay'],
        mark='cc_x', opt='ccopt', place='septable', sender=['acronym_shared_with_other_state']),
    # ---- Russian form (one row per draft, choices in columns) --------------------------------
    rep('Mintsifry_otvet_C126.docx', 'ru', 'Russian Federation', 'RUS', 'A N A A W',
        ['Министерство цифрового развития, связи и массовых коммуникаций Российской Федерации', 'Пресненская наб., 10, стр. 2, Москва'],
        '5 мая 2026 г., Москва', '2026-05-05', 'Российской Федерации',
        ['флажки (элементы управления содержимым) отмечены в столбце выбора', 'причины и замечания в столбце «Замечания»'],
        mark='cc', place='colcell'),
    rep('Belarus_MinSvyazi_126.docx', 'ru', 'Belarus', 'BLR', 'A N W A A',
        ['Министерство связи и информатизации Республики Беларусь', 'пр. Независимости, 10, Минск'],
        '06.05.2026', '2026-05-06', 'Беларусь',
        ['флажки пустые, «– Да» напечатано в выбранной ячейке', 'причины и замечания в столбце «Замечания»'],
        mark='word:Да', place='colcell'),
    rep('Kazakhstan_MCRIAP_126.docx', 'ru', 'Kazakhstan', 'KAZ', 'A N A A A',
        ['Министерство цифрового развития, инноваций и аэрокосмической промышленности Республики Казахстан', 'Астана'],
        '7 мая 2026 г.', '2026-05-07', 'Казахстан',
        ['флажки пустые, выбранная ячейка затенена (w:shd ячейки)', 'причины в концевой сноске'],
        mark='cellshd', place='endnote'),
    rep('Kyrgyzstan_126.docx', 'ru', 'Kyrgyzstan', 'KGZ', 'W N A A A',
        ['Министерство цифрового развития Кыргызской Республики', 'Бишкек'],
        'Бишкек, 08.05.2026', '2026-05-08', 'Кыргыз',
        ['флажок заменён напечатанным ■', 'причины и замечания в столбце «Замечания»'],
        mark='glyph:■', place='colcell'),
    rep('Tajikistan_126.docx', 'ru', 'Tajikistan', 'TJK', 'A N A A A',
        ['Служба связи при Правительстве Республики Таджикистан', 'Душанбе'],
        'Душанбе, 11 мая 2026 г.', '2026-05-11', 'Таджикистан',
        ['флажки не тронуты; ответ — фраза в столбце «Замечания» каждого проекта («Поддерживаем, замечаний нет.» / «Не поддерживаем.» и причины)'],
        mark='sentence', place='colcell'),
    rep('Turkmenistan_126.docx', 'ru', 'Turkmenistan', 'TKM', 'A N C A W',
        ['Министерство промышленности и связи Туркменистана', 'Ашхабад'],
        'Ашхабад, 12 мая 2026 г.', '2026-05-12', 'Туркменистан',
        ['флажки отмечены', 'Y.3060: отмечены и «Нет замечаний», и «Не уполномочивает» (конфликт)',
         'причины и замечания в отдельной таблице после формы', 'подпись — отсканированное изображение'],
        mark='cc', place='septable', sign=['Начальник управления'], sig_image=True),
    rep('Moldova_PM_Geneva_126.docx', 'ru', 'Moldova', 'MDA', 'A N A W A',
        ['Постоянное представительство Республики Молдова при Отделении ООН и других международных организациях в Женеве',
         'Chemin du Petit-Saconnex 28A', '1209 Genève'],
        'Женева, 13.05.2026', '2026-05-13', 'Молдова',
        ['Постоянное представительство в Женеве, швейцарский адрес (государство-член: Молдова)',
         'флажки не отмечены, рядом напечатана строчная «x»', 'причины и замечания в столбце «Замечания»'],
        mark='cc_x', place='colcell', sender=['permanent_mission']),
    rep('Armenia_MHTI_126.docx', 'ru', 'Armenia', 'ARM', 'W N A A A',
        ['Министерство высокотехнологической промышленности Республики Армения', 'Ереван'],
        'Ереван, 14 мая 2026 г.', '2026-05-14', 'Армения',
        ['флажок заменён напечатанным √', 'причины и замечания маркированными списками после формы под заголовком с предварительным названием'],
        mark='glyph:√', place='list_prov'),
    # ---- Arabic form -------------------------------------------------------------------------
    rep('Lebanon_MoT_126.docx', 'ar', 'Lebanon', 'LBN', 'A N A A W',
        ['وزارة الاتصالات', 'الجمهورية اللبنانية', 'بيروت، لبنان'],
        'بيروت، 5 مايو 2026', '2026-05-05', 'لبنان',
        ['خانات (عناصر تحكم في المحتوى) مؤشرة', 'الخيارات: ⃝ استُبدل بخانة مؤشرة', 'الأسباب والتعليقات في تعليقات ختامية'],
        mark='cc', opt='ccopt', place='endnote'),
    rep('TRA_Bahrain_126.docx', 'ar', 'Bahrain', 'BHR', 'A N W A A',
        ['هيئة تنظيم الاتصالات', 'المنامة، مملكة البحرين'],
        '2026/05/06', '2026-05-06', 'البحرين',
        ['الخانات فارغة، وكتب «– موافق» في نهاية الأسطر المختارة', 'الأسباب والتعليقات في جدول منفصل بعد الاستمارة'],
        mark='word:موافق', opt='same', place='septable'),
    rep('CMC_Iraq_126.docx', 'ar', 'Iraq', 'IRQ', 'A A N A W',
        ['هيئة الإعلام والاتصالات', 'بغداد، جمهورية العراق'],
        'بغداد، 7 مايو 2026', '2026-05-07', 'العراق',
        ['الخانات فارغة، الأسطر المختارة بلون أخضر', 'النص في صف «تعليقات أخرى» مسبوقاً برقم المشروع'],
        mark='color', color='00B050', opt='same', place='other'),
    rep('Sudan_TPRA_126.docx', 'ar', 'Sudan', 'SDN', 'A N A W A',
        ['الجهاز القومي لتنظيم الاتصالات والبريد', 'الخرطوم، جمهورية السودان'],
        'الخرطوم، 8 مايو 2026', '2026-05-08', 'السودان',
        ['دمج صفي كل مشروع في صف واحد', 'خانات مؤشرة؛ الخيارات: ⃝ استُبدل بـ ■', 'النص في الخلية تحت السطر'],
        mark='cc', opt='glyph:■', place='under', layout=['merged']),
    rep('Libya_GAC_126.docx', 'ar', 'Libya', 'LBY', 'A N A A A',
        ['الهيئة العامة للاتصالات والمعلوماتية', 'طرابلس، دولة ليبيا'],
        'طرابلس، 11 مايو 2026', '2026-05-11', 'ليبيا',
        ['الاستمارة ملصقة مرتين: الأولى فارغة والثانية معبأة', 'خانات مؤشرة؛ الخيارات: ⃝ استُبدل بـ ⬤', 'الأسباب في تعليق ختامي'],
        mark='cc', opt='glyph:⬤', place='endnote', twice='blank_first'),
    rep('ARE_Mauritanie_126.docx', 'ar', 'Mauritania', 'MRT', 'W N A A A',
        ['سلطة التنظيم', 'نواكشوط، الجمهورية الإسلامية الموريتانية'],
        'نواكشوط، 12 مايو 2026', '2026-05-12', 'الموريتانية',
        ['الخانات فارغة، وتظليل خلية الخانة المختارة', 'الأسباب والتعليقات في قوائم نقطية بعد الاستمارة تحت عنوان يذكر الاسم المؤقت فقط'],
        mark='cellshd', opt='same', place='list_prov'),
    rep('Syria_PM_Geneva_126.docx', 'ar', 'Syrian Arab Republic', 'SYR', 'A N A C A',
        ['البعثة الدائمة للجمهورية العربية السورية لدى مكتب الأمم المتحدة في جنيف', 'Rue de Lausanne 72', '1202 Genève'],
        'جنيف، 13 مايو 2026', '2026-05-13', 'السورية',
        ['بعثة دائمة في جنيف، عنوان سويسري', 'كتب «√» بدلاً من الخانة؛ الخيارات: ⃝ استُبدل بـ √',
         'Y.3172 Cor.1: √ عند «تأذن» (لا توجد تعليقات) وعند «لا تأذن» (تعارض)', 'الأسباب في جدول منفصل'],
        mark='glyph:√', opt='glyph:√', place='septable', sender=['permanent_mission']),
    rep('Yemen_MTIT_126.docx', 'ar', 'Yemen', 'YEM', 'A N A S W',
        ['وزارة الاتصالات وتقنية المعلومات', 'صنعاء، الجمهورية اليمنية'],
        'صنعاء، 14 مايو 2026', '2026-05-14', 'اليمنية',
        ['خانات مؤشرة؛ الخيارات: ⃝ استُبدل بخانة مؤشرة',
         'Y.3172 Cor.1: «تأذن» مؤشرة والخيار محاط بشكل بيضاوي مرسوم: لا يمكن للقارئ معرفة الخيار — يقرر شخص',
         'النص في الخلية تحت السطر'],
        mark='cc', opt='ccopt', opt_by={'Y.3172 Cor.1': 'shape'}, shape_on={'Y.3172 Cor.1': 'wc'}, place='under'),
    # ---- Chinese form (no table: decision lines as paragraphs) ------------------------------
    rep('MIIT_huifu_126.docx', 'zh', 'China', 'CHN', 'A N A A W',
        ['中华人民共和国工业和信息化部', '国际合作司', '北京市西长安街13号'],
        '2026年5月5日，北京', '2026-05-05', '工业和信息化部',
        ['复选框（内容控件）已勾选', '选项：⃝替换为√', '理由和意见在所选行下的新段落中'],
        mark='cc', opt='glyph:√', place='under'),
    rep('AITI_Brunei_126.docx', 'zh', 'Brunei Darussalam', 'BRN', 'A N W A A',
        ['Authority for Info-communications Technology Industry of Brunei Darussalam (AITI)', 'Bandar Seri Begawan'],
        '6 May 2026', '2026-05-06', 'Brunei', ['复选框为空，在所选行末输入“– 同意”', '理由用英文写在所选行下'],
        mark='word:同意', opt='same', place='under', tlang='en'),
    rep('NTA_Nepal_126.docx', 'zh', 'Nepal', 'NPL', 'A N A A A',
        ['Nepal Telecommunications Authority', 'Kamaladi, Kathmandu'],
        '2026-05-07', '2026-05-07', 'Nepal', ['复选框为空，所选行字体改为橙色', '理由在尾注中（英文）'],
        mark='color', color='ED7D31', opt='same', place='endnote', tlang='en'),
    rep('TRCSL_SriLanka_126.docx', 'zh', 'Sri Lanka', 'LKA', 'W N A A A',
        ['Telecommunications Regulatory Commission of Sri Lanka', '276 Elvitigala Mawatha, Colombo 05'],
        '8 May 2026', '2026-05-08', 'Sri Lanka', ['复选框已勾选；选项：⃝替换为已勾选的复选框', '理由和意见在表单后的单独表格中（英文）'],
        mark='cc', opt='ccopt', place='septable', tlang='en'),
    rep('Myanmar_PTD_126.docx', 'zh', 'Myanmar', 'MMR', 'W N A A A',
        ['Posts and Telecommunications Department', 'Ministry of Transport and Communications', 'Nay Pyi Taw, Myanmar'],
        '11 May 2026', '2026-05-11', 'Myanmar', ['复选框替换为输入的✔；选项：⃝替换为✔', '理由和意见以项目符号列表写在表单后，标题只写临时名称（英文）'],
        mark='glyph:✔', opt='glyph:✔', place='list_prov', tlang='en'),
    rep('Bhutan_BICMA_126.docx', 'zh', 'Bhutan', 'BTN', 'A N A W A',
        ['Bhutan InfoComm and Media Authority', 'Thimphu'],
        '12 May 2026', '2026-05-12', 'Bhutan', ['复选框为空，所选行加双下划线', '理由在所选行下（英文）'],
        mark='dunder', opt='same', place='under', tlang='en'),
    rep('Mongolia_CRC_126.docx', 'zh', 'Mongolia', 'MNG', 'A N A A -',
        ['Communications Regulatory Commission of Mongolia', 'Ulaanbaatar'],
        '13 May 2026', '2026-05-13', 'Mongolia',
        ['复选框未勾选，旁边输入小写“x”；选项：⃝替换为⦿', 'Y.4605：改变主意——“授权”旁的x被划掉，勾选“不授权”',
         'Y.QKDN-kmr 未答复', '理由在尾注中（英文）'],
        mark='cc_x', opt='glyph:⦿', place='endnote', mind={'Y.4605': 'auth'}, tlang='en'),
    rep('Fiji_MoC_126.docx', 'zh', 'Fiji', 'FJI', 'A N A U A',
        ['Permanent Secretary', 'Ministry of Communications', 'Suva'],
        '14 May 2026', '2026-05-14', 'Fiji',
        ['复选框已勾选；选项：⃝替换为■', 'Y.3172 Cor.1：勾选“授权”但未选择选项', '国家只在页脚（word/footer1.xml）',
         '签名图像', '理由在所选行下（英文）'],
        mark='cc', opt='glyph:■', place='under', footer=['Ministry of Communications, Government of the Republic of Fiji, Suva, Fiji'],
        sign=['Permanent Secretary for Communications'], sig_image=True, sender=['footer_letterhead'], tlang='en'),
]


def assign_texts(r, idx):
    """Text of reasons (N) and comments (W), rotated through the language's pool."""
    texts = {}
    k = 0
    for key in KEYS:
        c = r['answers'][key]
        if c in ('N', 'W'):
            pool = R[r['tlang']] if c == 'N' else C[r['tlang']]
            t = pool[(idx + k) % len(pool)]
            if r.get('place') == 'list_prov' and '\n' not in t:
                # a list has items: split a one-sentence text at its clause boundary
                j = (idx + k + 1) % len(pool)
                t = t + '\n' + (pool[j] if '\n' not in pool[j] else pool[j].split('\n')[0])
            texts[key] = t
            k += 1
    r['texts'] = texts
    if r.get('place') == 'other_plain':
        key = next(k for k in KEYS if r['answers'][k] == 'N')
        r['other_text'] = r['other_text'] + texts[key].split('\n')
        r['place'] = 'none'
    if r.get('mark') == 'sentence':
        say = {'A': 'Поддерживаем, замечаний нет.', 'W': 'Поддерживаем, замечания ниже.', 'N': 'Не поддерживаем.'}
        r['col_sentence'] = {key: [say[r['answers'][key]]] for key in KEYS if r['answers'][key] in say}


def check_places(r):
    for key in KEYS:
        p = r.get('place_by', {}).get(key, r.get('place', 'under'))
        if r['answers'][key] in ('N', 'W') and p == 'list_prov':
            assert next(pv for k, pv, _ in DRAFTS if k == key) or key.startswith('Y.QKDN'), (r['file'], key)
        if LAYOUT[r['lang']] == 'cols':
            assert r['answers'][key] != 'U', 'the column layout has no Authorizes box without an option'


def evidence(r, key):
    style = r.get('mark_by', {}).get(key, r.get('mark', 'cc'))
    if key in r.get('mind', {}):
        return 'content_control'
    if style.startswith('glyph:'):
        return 'glyph'
    if style.startswith('word:'):
        return 'text'
    return EVIDENCE[style]


def truth_of(r, sha):
    answers = []
    for key, prov, _ in DRAFTS:
        code = r['answers'][key]
        dec, com = CODE[code]
        a = {'draft': key, 'provisional': prov, 'decision': dec, 'comments': com,
             'text': r['texts'].get(key, ''), 'evidence': evidence(r, key) if code != '-' else None}
        if code in ('C', 'U', 'S'):
            a['warn'] = True
        if code in ('C', 'S'):
            a['decide'] = True  # a person must decide (conflict; an option circled by a drawn shape)
        answers.append(a)
    name, iso3 = r['ms']
    h = {'mark': r.get('mark', 'cc'), 'mark_by': {k: 'mind' for k in r.get('mind', {})},
         'options': r.get('opt', 'same') if LAYOUT[r['lang']] != 'cols' else 'column',
         'text_places': sorted({r.get('place_by', {}).get(k, r.get('place', 'under')) for k in KEYS if r['texts'].get(k)}
                               | ({'other'} if r.get('other_text') else set())),
         'layout': sorted(set(r.get('layout', [])) | {'form=' + LAYOUT[r['lang']]}
                          | ({'pasted_twice'} if r.get('twice') else set())
                          | ({'signature_image'} if r.get('sig_image') else set())
                          | ({'shape'} if 'shape' in r.get('opt_by', {}).values() else set())),
         'sender': r.get('sender', [])}
    for k, v in r.get('opt_by', {}).items():
        h['mark_by'][k] = 'opt_' + v
    return {
        'source': 'replies/' + r['file'], 'sha256': sha, 'language': r['lang'], 'text_language': r['tlang'],
        'member_state': {'name': name, 'iso3': iso3}, 'date': r['date'], 'superseded_by': None, 'late': False,
        'answers': answers, 'notes': r['notes'], 'habits': h, 'render_clue': r['clue'], 'tracked_changes': False,
    }


def tally(truths):
    drafts = []
    for key, prov, _ in DRAFTS:
        c = dict(authorize=0, with_comments=0, not_authorize=0, conflict=0, no_reply=0)
        for t in truths:
            a = next(a for a in t['answers'] if a['draft'] == key)
            c[a['decision']] += 1
            if a['comments'] == 'with_comments':
                c['with_comments'] += 1
        den = c['authorize'] + c['not_authorize']
        support = round(100.0 * c['authorize'] / den, 1) if den else None
        if den == 0:
            meets = True
        else:
            lo = 100.0 * c['authorize'] / (den + c['conflict'])
            hi = 100.0 * (c['authorize'] + c['conflict']) / (den + c['conflict'])
            verdict = support >= 70
            meets = None if c['conflict'] and ((lo >= 70) != (hi >= 70) or (lo >= 70) != verdict) else verdict
        drafts.append(dict(draft=key, provisional=prov, **c, support=support, meets_threshold=meets))
    return {'member_states_replied': len(truths), 'drafts': drafts}


def main():
    import json
    os.makedirs(os.path.join(OUT, 'replies'), exist_ok=True)
    os.makedirs(os.path.join(OUT, 'form'), exist_ok=True)
    for lang in LANGS:
        build({'lang': lang, 'file': 'blank', 'answers': dict.fromkeys(KEYS, '-'), 'mark': 'cc', 'texts': {},
               'title': f'TSB Circular {CIRCULAR} - Annex 2'}, os.path.join(OUT, 'form', f'blank_circ{CIRCULAR}_{lang}.docx'))
    truths = []
    per_lang = {}
    for i, r in enumerate(REPLIES):
        per_lang[r['lang']] = per_lang.get(r['lang'], 0) + 1
        assign_texts(r, i)
        check_places(r)
        spec = dict(r, **{'from': r['frm']})
        path = os.path.join(OUT, 'replies', r['file'])
        build(spec, path)
        truths.append(truth_of(r, hashlib.sha256(open(path, 'rb').read()).hexdigest()))
    assert all(per_lang[lang] == 8 for lang in LANGS), per_lang
    iso = [t['member_state']['iso3'] for t in truths]
    assert len(set(iso)) == len(iso), 'one reply per Member State'
    assert len({r['file'] for r in REPLIES}) == len(REPLIES)
    expected = {
        'schema': 'replytally.samples/1',
        'description': (f'Replies to TSB Circular {CIRCULAR} (Study Group {SG}) filled with Word habits the first habits set '
                        'does not have, on a form that differs by language (std table, drafts reordered in es, choices in '
                        'columns in ru, no table in zh), made by scripts/make-habits2-fixtures.py without reading the reader; '
                        'sources are relative to tests/fixtures/habits2/. Each file checked by rendering it '
                        '(scripts/check-habits2-fixtures.py). "evidence" is the mechanism a person would name (not scored). '
                        '"warn": true marks answers a reader must warn about; "decide": true those a person must decide '
                        '(a conflict; an option circled with a drawn shape, whose truth is "unspecified").'),
        'circular': {'tsb_circular': CIRCULAR, 'study_group': SG},
        'form': f'form/blank_circ{CIRCULAR}_en.docx',
        'form_language': 'en',
        'forms': {lang: f'form/blank_circ{CIRCULAR}_{lang}.docx' for lang in LANGS},
        'form_layouts': {lang: LAYOUT[lang] for lang in LANGS},
        'threshold': 70,
        'drafts': [{'draft': k, 'provisional': p} for k, p, _ in DRAFTS],
        'replies': truths,
        'tallies': tally(truths),
    }
    with open(os.path.join(ROOT, 'tests', 'fixtures', 'habits2_expected.json'), 'w', encoding='utf-8') as f:
        json.dump(expected, f, ensure_ascii=False, indent=2)
        f.write('\n')
    write_readme(truths)
    print(f'{len(truths)} replies, {len(LANGS)} blank forms in {OUT}')


def write_readme(truths):
    short = {('authorize', 'no_comments'): 'A', ('authorize', 'with_comments'): 'A+c', ('authorize', 'unspecified'): 'A?',
             ('not_authorize', None): 'N', ('conflict', None): 'C', ('no_reply', None): '–'}
    lines = [
        f'# Habits 2: replies to TSB Circular {CIRCULAR} (Study Group {SG})',
        '',
        'A second independent test set for issue 12, part 7, built **without reading the reader** (only README.md,',
        'FORM.md, CONTRACT.md and the first set\'s scripts). None of the first set\'s habits (legacy FORMCHECKBOX',
        'boxes, ●/☑/✓/☒ options, struck or deleted lines, highlights, footnotes, Word comments, text boxes, rows',
        'added, headings after the table, tracked changes, Wingdings …) is the habit under test here.',
        '',
        f'- `form/blank_circ{CIRCULAR}_{{en,fr,es,ru,ar,zh}}.docx`: the blank form (Annex 2). Decisions are Word 2010',
        '  content-control check boxes (`w14:checkbox`, ☐), options ⃝. The language versions differ:',
        '  - `en`, `fr`, `ar` (`std`): two rows per draft (Authorizes with its two options; Does not authorize), the',
        '    draft cell merged down, an "Other comments" row closing the table;',
        '  - `es` (`reorder`): the same table with the drafts in another order (Y.3172 Cor.1, Y.QKDN-kmr, Y.3181,',
        '    Y.4605, Y.3060);',
        '  - `ru` (`cols`): one row per draft, the three choices in columns (No comments / With comments under',
        '    Authorizes, Does not authorize) with a box in each, and a comments column;',
        '  - `zh` (`paras`): no table: each draft\'s name as a numbered paragraph, the decision and option lines as',
        '    paragraphs under it, "其他意见：" at the end.',
        '- `replies/`: 48 replies, 8 per form language, one per Member State.',
        '- `../habits2_expected.json`: the truth, in the shape of `habits_expected.json`, with the tally.',
        '',
        'Drafts: Y.3181 (Y.ML-IMT2030-arch) and Y.4605 (Y.IoT-DT-fw), new; Y.3060, revised; Y.3172 Cor.1, a',
        'corrigendum; Y.QKDN-kmr, new, known only by its provisional name.',
        '',
        'Made by `python3 scripts/make-habits2-fixtures.py` (deterministic); checked by rendering with',
        '`python3 scripts/check-habits-fixtures.py --set habits2` (LibreOffice → PDF → text); scored with',
        '`python3 scripts/score-habits.py --set habits2`.',
        '',
        '| file | lang | Member State | answers (Y.3181, Y.4605, Y.3060, Y.3172 Cor.1, Y.QKDN-kmr) | habits (as the truth notes them) |',
        '| --- | --- | --- | --- | --- |',
    ]
    for t in truths:
        ans = ', '.join(short[(a['decision'], a['comments'])] + ('!' if a.get('decide') else '') for a in t['answers'])
        notes = '; '.join(t['notes']).replace('|', '\\|')
        tl = '' if t['text_language'] == t['language'] else f' (text {t["text_language"]})'
        lines.append(f"| `{t['source'][8:]}` | {t['language']}{tl} | {t['member_state']['name']} ({t['member_state']['iso3']}) | {ans} | {notes} |")
    lines += [
        '',
        'A = authorize, no comments; A+c = with comments; A? = authorize, option not known (unspecified, warn);',
        'N = does not authorize; C = conflict; – = no reply; `!` = a person must decide (`decide: true`).',
        '',
        '## The truth',
        '',
        'As in the first set: per reply `member_state`, `date`, and per draft `decision`, `comments`, `text` (the',
        'reasons or comments as written, paragraphs or list items joined with `\\n`, without headings, bullets,',
        'the "Y.3060:" prefix typed before them, labels or form text). `warn: true` on conflicts and on an',
        'authorize whose option is unknown; `decide: true` where a person must decide: the conflicts, and the',
        'options circled with a drawn shape (Anatel Y.3181 and Y.3060, Yemen Y.3172 Cor.1): the ellipse is a',
        'floating shape anchored in the option\'s paragraph, but only its position on the page says what it',
        'circles, so the truth is `unspecified` with a warning — not the option the person meant (`No comments`',
        'for Anatel, `Comments attached` for Yemen). A changed mind (an "x" typed then struck through, the other',
        'box checked) is read as the box checked. Sentences: Bangladesh (all authorize, no comments), Gabon (all',
        'authorize except Y.3060; reasons are the paragraph after the sentence), Tajikistan (one sentence per',
        'draft in the comments column). `tallies` is the summary the tool should write, threshold 70 %.',
        '',
        '## How the truth was checked',
        '',
        '`scripts/check-habits-fixtures.py --set habits2` renders every file with LibreOffice (PDF with Word',
        'comments as notes, and LibreOffice\'s text export) and reads the PDF back with `pdftotext`. Per reply:',
        'the file renders; the sender clue and the circular\'s number are on the page; every draft is named; every',
        'reason/comment of the truth is on the page word for word (whitespace and list bullets ignored; Arabic',
        'through a letter skeleton), including endnotes, lists and the separate table; every typed word or glyph',
        '(x, √, ⊠, ■, ⬤, ⦿, ✔, OK, Oui, Sí, Да, موافق, 同意) and every checked content-control box (☒) the truth',
        'implies is on the page, no checked box appears that the truth does not imply, and the blank forms show',
        'none. Page images (`pdftoppm`) were looked at by eye for the three form layouts, the drawn ellipse, the',
        'changed mind, the merged rows and the shaded cells. All 48 replies and 6 blank forms pass.',
        '',
        'Scores of the reader on this set, measured before any change for it: `SCORES-first-run.md`.',
        '',
    ]
    with open(os.path.join(OUT, 'README.md'), 'w', encoding='utf-8') as f:
        f.write('\n'.join(lines))


if __name__ == '__main__':
    main()
