#!/usr/bin/env python3
"""Writes tests/fixtures/habits3/: a third independent test set of filled-in reply forms, replies to
TSB Circular 187 (Study Group 17), and its truth tests/fixtures/habits3_expected.json (the shape of
habits2_expected.json, read by scripts/score-habits.py --set habits3).

Written without reading replytally's reader (only FORM.md, CONTRACT.md, the practice set's README
and the earlier fixture generators' truth format). The blank form differs by language (see
habits3_docx.py); 48 replies, 8 per language, one per Member State. Six replies are opened and
re-saved by LibreOffice (`soffice --headless --convert-to docx`), so they carry LibreOffice's XML;
those files (and so their sha256) change from run to run, everything else is byte-for-byte stable.

    python3 scripts/make-habits3-fixtures.py            # write the set and the truth
    python3 scripts/check-habits3-fixtures.py           # render every file and check the truth against it
"""

import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile

sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from habits3_build import Builder  # noqa: E402
from habits3_docx import CIRCULAR, DRAFTS, KEYS, LAYOUT, SG  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, 'tests', 'fixtures', 'habits3')
LANGS = ('en', 'fr', 'es', 'ru', 'ar', 'zh')
K1, K2, K3, K4, K5 = KEYS


def codes(s):
    return dict(zip(KEYS, s))


# The replies. `codes`: per draft A/W/N/C/- (see habits3_build). `mark`: how the boxes were marked;
# `opt`: what replaced the chosen option's circle, when it differs; `place`/`place_by`: where the
# reasons and comments are; `texts`: the reasons (N) and comments (W) as the person typed them.
REPLIES = [
    # ------------------------------------------------------------------ en: a table per draft, ☐ boxes
    dict(lang='en', file='Ofcom_reply_TSB187.docx', ms=('United Kingdom', 'GBR'),
         frm=['Daniel Whitfield', 'International Standards Manager', 'Ofcom', 'Riverside House, 2a Southwark Bridge Road',
              'London SE1 9HA'], email='daniel.whitfield@ofcom.org.uk', fax='', date_text='14 October 2026, London',
         date='2026-10-14', codes=codes('AAWAN'), mark='glyph:☒', glyph_font='MS Gothic', opt='●', place='footnote',
         texts={K3: 'Clause 6.3: the term "identity proofing" should be aligned with the definition in ITU-T X.1254.',
                K5: 'The draft overlaps with the work item X.sec-ai-risk in Question 15/17.\n'
                    'We propose that the two texts be merged before approval is sought.'},
         sign=['Daniel Whitfield', 'International Standards Manager'], sender=['acronym_only'],
         notes=['☐ replaced by ☒ (typed, MS Gothic)', 'options: ⃝ replaced by ●', 'comments and reasons in footnotes',
                'sender named only as "Ofcom", London address without the country'], clue='Ofcom'),
    dict(lang='en', file='CA_Kenya_C187.docx', ms=('Kenya', 'KEN'),
         frm=['Eng. Grace Wanjiru', 'Manager, Standards and Type Approval', 'CA Centre, Waiyaki Way'],
         email='standards@ca.go.ke', date_text='14/10/2026', date='2026-10-14', codes=codes('ANAAA'), mark='x_next',
         place='row', texts={K2: 'Kenya cannot support the draft at this stage: clause 8 mandates hybrid key exchange, '
                                 'which many of our operators cannot yet deploy. A transition period should be specified.'},
         header=['COMMUNICATIONS AUTHORITY OF KENYA', 'CA Centre, Waiyaki Way, Westlands, P.O. Box 14448-00800 Nairobi, Kenya'],
         sign=['Grace Wanjiru', 'For: Director General'], sender=['header_letterhead'],
         notes=['"X" typed in the box cell beside the empty ☐ (decision and option)', 'reason in a row added below the draft',
                'the country only in the letterhead (word/header1.xml) and the e-mail domain'], clue='COMMUNICATIONS AUTHORITY OF KENYA'),
    dict(lang='en', file='PM_India_Geneva_C187.docx', ms=('India', 'IND'),
         frm=['Ms Priya Raghavan', 'First Secretary', 'Permanent Mission of India to the United Nations Office and other '
              'International Organizations in Geneva', '9, Rue du Valais, 1202 Geneva, Switzerland'],
         email='fs.itu@pmindiaun.org', fax='+41 22 906 8696', date_text='October 20, 2026', date='2026-10-20',
         codes=codes('AAAWA'), mark='highlight', place='after',
         texts={K4: 'Amendment 1 should keep the numbering of the existing clauses, so that references in national '
                    'regulations remain valid.'},
         sign=['Priya Raghavan', 'First Secretary'], sender=['permanent_mission'],
         notes=['boxes left empty, the chosen lines (decision and option) highlighted yellow', 'comment after the table under a heading',
                'Permanent Mission of India in Geneva: Swiss address, Member State India'], clue='Permanent Mission of India'),
    dict(lang='en', file='Australia_DITRDCA_187.docx', ms=('Australia', 'AUS'),
         frm=['Mr Liam Carter', 'Director, International Telecommunications Policy', 'Department of Infrastructure, Transport, '
              'Regional Development, Communications and the Arts', 'GPO Box 594, Canberra ACT 2601, Australia'],
         email='itu.liaison@infrastructure.gov.au', date_text='2026-10-21', date='2026-10-21', codes=codes('AAAAA'),
         mark='sentence', sentence=['Our administration authorizes all drafts without comments.'],
         sign=['Liam Carter'], notes=['the table left as sent; the answer is one sentence after it'], clue='Canberra'),
    dict(lang='en', file='NCC_reply_Circ187.docx', ms=('Nigeria', 'NGA'),
         frm=['Engr. Chinedu Okafor', 'Head, Standards Development', 'NCC', 'Plot 423 Aguiyi Ironsi Street, Maitama, Abuja'],
         email='cokafor@ncc.gov.ng', date_text='21 Oct 2026', date='2026-10-21', codes=codes('ANNAW'), mark='delete',
         place='cell',
         texts={K2: 'The post-quantum algorithms listed in Table 2 are not yet finalized by the relevant bodies.',
                K3: 'The revision deletes terms still referenced in X.1250 and X.1253; a consequential review is needed first.',
                K5: 'Please add a clause on adversarial testing of the AI components and cite ITU-T Y.3172.'},
         sign=['Chinedu Okafor', 'for: Executive Vice Chairman'], sender=['acronym_only'],
         notes=['the lines not chosen deleted from each table (boxes left empty)', 'reasons and comments typed in the cell under the line',
                'sender named only as "NCC", Abuja without the country'], clue='NCC'),
    dict(lang='en', file='Philippines_DICT_C187.docx', ms=('Philippines', 'PHL'), author='R. Santos',
         frm=['Ramon Santos', 'Director IV, Policy and Standards', 'DICT', 'C.P. Garcia Avenue, Diliman, Quezon City 1101'],
         email='ramon.santos@dict.gov.ph', date_text='22 October 2026', date='2026-10-22', codes=codes('ANAAA'),
         mark='tracked', opt='●', mind={K2: 'A'}, place='comment',
         texts={K2: 'The Philippines does not support approval: the migration guidance in Appendix I is incomplete and '
                    'should cover legacy PKI deployments.'},
         sign=['Ramon Santos'], sender=['acronym_only'],
         notes=['marks made with Track Changes on: ☐ deleted, ☒ inserted (w:del/w:ins); options ● inserted',
                'X.1471: first marked Authorizes + no comments, then the mark deleted and Does not authorize marked (tracked)',
                'reason in a Word comment anchored on the draft\'s rows', 'sender "DICT", Quezon City'], clue='DICT'),
    dict(lang='en', file='Canada_ISED_C187.docx', ms=('Canada', 'CAN'),
         frm=['Sophie Tremblay', 'Senior Advisor, International Standards', 'ISED', '235 Queen Street, Ottawa, Ontario K1A 0H5'],
         email='sophie.tremblay@ised-isde.gc.ca', date_text='Oct. 22, 2026', date='2026-10-22', codes=codes('AAAAA'),
         mark='glyph:☒', glyph_font='MS Gothic', opt='☒', one_for_all=True,
         all_name='All drafts listed in TSB Circular 187 (X.1280, X.1471, X.1252, X.1645 Amd.1, X.nsec-ai)',
         sign=['Sophie Tremblay'], sender=['acronym_only'], layout=['one_for_all'],
         notes=['the five draft tables replaced by one, renamed "All drafts listed in TSB Circular 187 (…)", marked ☒ / ☒',
                'one answer for all drafts'], clue='ISED'),
    dict(lang='en', file='UCC_Uganda_reply187.docx', ms=('Uganda', 'UGA'),
         frm=['Mr Joseph Mukasa', 'Manager, Standards and Numbering', 'Uganda Communications Commission',
              'Plot 42-44 Spring Road, Bugolobi, P.O. Box 7376 Kampala'],
         email='jmukasa@ucc.co.ug', date_text='23.10.2026', date='2026-10-23', codes=codes('AWCA-'), mark='glyph:✓',
         place='cell', delete_draft=K5, lo=True,
         texts={K2: 'Clause 9.1 should also refer to ITU-T X.1811 for the quantum-safe migration of IMT networks.'},
         sign=['Joseph Mukasa'], layout=['draft_deleted', 'libreoffice'],
         notes=['☐ replaced by ✓ (typed)', 'X.1252: ✓ on Authorizes + no comments AND on Does not authorize (conflict)',
                'the table of X.nsec-ai deleted (no reply for it)', 'opened and re-saved by LibreOffice'], clue='Uganda Communications Commission'),
    # ------------------------------------------------------------------ fr: choices in columns, Wingdings boxes
    dict(lang='fr', file='ARCEP_France_C187.docx', ms=('France', 'FRA'),
         frm=['Mme Claire Dubois', 'Cheffe de l\'unité Normalisation internationale', 'ARCEP', '14, rue Gerty-Archimède',
              '75012 Paris'], email='claire.dubois@arcep.fr', date_text='Paris, le 16 octobre 2026', date='2026-10-16',
         codes=codes('ANAWA'), mark='native', place='row',
         texts={K2: "Motifs : la France estime que l'obligation d'algorithmes hybrides (article 8.2) est prématurée ; "
                    "nous proposons d'en faire une recommandation et non une exigence.",
                K4: "Commentaires : l'Amendement 1 devrait préciser l'articulation avec la Recommandation UIT-T X.1641."},
         sign=['Claire Dubois'], sender=['acronym_only', 'acronym_shared_with_other_state'],
         notes=['case Wingdings F0A8 remplacée par F0FE (☑) : la case cochée', 'motifs et commentaires dans une ligne ajoutée sous le projet',
                'sigle ARCEP (partagé avec le Burkina Faso, le Bénin, le Niger…), adresse à Paris'], clue='ARCEP'),
    dict(lang='fr', file='ANRT_Maroc_reponse187.docx', ms=('Morocco', 'MAR'),
         frm=['M. Youssef El Amrani', 'Chef du service Normalisation', 'ANRT', "Centre d'affaires, Boulevard Ar-Ryad, Hay Riad",
              'BP 2939, Rabat'], email='elamrani@anrt.ma', date_text='16/10/2026, Rabat', date='2026-10-16',
         codes=codes('AAAAN'), mark='word:Oui', place='after',
         texts={K5: "Le projet ne traite pas de la protection des données d'entraînement ; le Maroc propose de "
                    "poursuivre l'étude à la prochaine réunion."},
         sign=['Youssef El Amrani'], sender=['acronym_only'],
         notes=['« Oui » tapé à la place de la case dans la colonne choisie', 'motifs après le tableau, sous un titre',
                'sigle ANRT seul, Rabat'], clue='ANRT'),
    dict(lang='fr', file='Mission_Belgique_Geneve_187.docx', ms=('Belgium', 'BEL'),
         frm=['M. Pieter Vandenberghe', 'Conseiller', "Mission permanente de la Belgique auprès de l'Office des Nations Unies "
              'et des institutions spécialisées à Genève', 'Rue de Moillebeau 58, 1209 Genève'],
         email='geneva.ituconseiller@diplobel.fed.be', date_text='19 octobre 2026', date='2026-10-19', codes=codes('ANAAA'),
         mark='x_next', place='cell',
         texts={K2: "La Belgique souhaite qu'une période de transition soit prévue avant toute exigence d'algorithmes post-quantiques."},
         sign=['Pieter Vandenberghe', 'Conseiller'], sender=['permanent_mission'],
         notes=['« X » tapé à côté de la case vide', 'motif tapé dans la cellule, sous la case',
                'Mission permanente de la Belgique à Genève'], clue='Mission permanente de la Belgique'),
    dict(lang='fr', file='ARTP_Senegal_C187.docx', ms=('Senegal', 'SEN'), author='Aminata Diop',
         frm=['Mme Aminata Diop', 'Directrice des Technologies et de la Prospective', 'ARTP', 'Route des Almadies, BP 14130 Dakar'],
         email='adiop@artp.sn', date_text='20.10.2026', date='2026-10-20', codes=codes('WNAAA'), mark='glyph:✓',
         place='comment',
         texts={K1: "Ajouter à l'article 7 un exemple d'authentification hors bande par USSD.",
                K2: "Le Sénégal n'autorise pas ce projet : les exigences de l'article 8 ne tiennent pas compte des terminaux "
                    "à faibles ressources."},
         sign=['Aminata Diop'], sender=['acronym_only'],
         notes=['✓ tapé à la place de la case', 'commentaire et motifs dans des commentaires Word ancrés sur la ligne du projet',
                'sigle ARTP, Dakar'], clue='ARTP'),
    dict(lang='fr', file='ARTCI_reponse_Circ187.docx', ms=("Côte d'Ivoire", 'CIV'),
         frm=['M. Koffi Kouassi', 'Directeur de la Normalisation', 'ARTCI'], email='k.kouassi@artci.ci',
         date_text='21 octobre 2026', date='2026-10-21', codes=codes('AAAAA'), mark='cellshd',
         header=["AUTORITÉ DE RÉGULATION DES TÉLÉCOMMUNICATIONS/TIC DE CÔTE D'IVOIRE",
                 'Marcory Anoumabo, 18 BP 2203 Abidjan 18 – Côte d\'Ivoire'],
         sign=['Koffi Kouassi'], sender=['header_letterhead', 'acronym_only'],
         notes=['cases vides, la cellule choisie surlignée en jaune (w:shd)', "le pays seulement dans l'en-tête de page"],
         clue="CÔTE D'IVOIRE"),
    dict(lang='fr', file='INT_Tunisie_187.docx', ms=('Tunisia', 'TUN'),
         frm=['M. Hatem Ben Salah', 'Directeur Technique', 'INT', "Immeuble Ennakhil, Rue du Lac Windermere, Les Berges du Lac, "
              '1053 Tunis'], email='h.bensalah@intt.tn', date_text='2026-10-22', date='2026-10-22', codes=codes('CAAAA'),
         mark='glyph:☒', glyph_font='MS Gothic',
         sign=['Hatem Ben Salah'], sender=['acronym_only'],
         notes=['☒ tapé à la place de la case', 'X.1280 : ☒ dans « Pas de commentaires » ET dans « N\'autorise pas » (conflit)'],
         clue='INT'),
    dict(lang='fr', file='ILR_Luxembourg_C187.docx', ms=('Luxembourg', 'LUX'), author='Marc Weber',
         frm=['M. Marc Weber', 'Service Normalisation', 'ILR', '17, rue du Fossé, L-1536 Luxembourg'],
         email='marc.weber@ilr.lu', date_text='23 octobre 2026', date='2026-10-23', codes=codes('AANAA'), mark='tracked',
         tglyph='X', mind={K3: 'A'}, place='footnote', lo=True,
         texts={K3: "La révision supprime la définition d'« identité fédérée » sans la remplacer ; le Luxembourg propose de la rétablir."},
         sign=['Marc Weber'], sender=['acronym_only'], layout=['libreoffice'],
         notes=['marques en suivi des modifications : case supprimée (w:del), « X » inséré (w:ins)',
                'X.1252 : « X » d\'abord mis dans « Pas de commentaires », supprimé, puis mis dans « N\'autorise pas »',
                'motif en note de bas de page', 'ouvert et réenregistré par LibreOffice'], clue='ILR'),
    dict(lang='fr', file='ARCEP_BF_reponse187.docx', ms=('Burkina Faso', 'BFA'),
         frm=['M. Issouf Ouédraogo', 'Chef du département Normalisation', 'ARCEP', '01 BP 6437 Ouagadougou 01'],
         email='iouedraogo@arcep.bf', date_text='24/10/2026', date='2026-10-24', codes=codes('AAA-A'), mark='native',
         delete_draft=K4, sign=['Issouf Ouédraogo'], sender=['acronym_only', 'acronym_shared_with_other_state'],
         layout=['draft_deleted'],
         notes=['cases Wingdings F0FE (cochées)', "la ligne de X.1645 Amd.1 supprimée du tableau (pas de réponse)",
                'sigle ARCEP partagé avec la France, adresse à Ouagadougou'], clue='Ouagadougou'),
    # ------------------------------------------------------------------ es: no table, paragraphs
    dict(lang='es', file='SETID_Espana_C187.docx', ms=('Spain', 'ESP'),
         frm=['D. Javier Martín López', 'Subdirector General de Ordenación', 'SETID', 'C/ Poeta Joan Maragall, 41',
              '28020 Madrid'], email='jmartin@digital.gob.es', date_text='15 de octubre de 2026', date='2026-10-15',
         codes=codes('AAAAA'), mark='glyph:☒', glyph_font='MS Gothic', opt='●', sign=['Javier Martín López'],
         sender=['acronym_only'], notes=['□ sustituido por ☒', 'opciones: ⃝ sustituido por ●'], clue='SETID'),
    dict(lang='es', file='IFT_Mexico_187.docx', ms=('Mexico', 'MEX'),
         frm=['Ing. Laura Hernández', 'Directora de Normalización', 'IFT', 'Insurgentes Sur 1143, Col. Nochebuena',
              '03720 Ciudad de México'], email='laura.hernandez@ift.org.mx', date_text='15/10/2026', date='2026-10-15',
         codes=codes('ANAWA'), mark='strike', place='under',
         texts={K2: 'México considera que la cláusula 8 debe permitir algoritmos clásicos durante un periodo de transición.',
                K4: 'Sugerimos añadir una referencia a la Recomendación UIT-T X.1601 en la cláusula 2.'},
         sign=['Laura Hernández'], sender=['acronym_only'],
         notes=['las líneas no elegidas tachadas (w:strike); casillas vacías', 'motivos y comentarios en un párrafo bajo la línea'],
         clue='IFT'),
    dict(lang='es', file='ENACOM_Argentina_187.docx', ms=('Argentina', 'ARG'),
         frm=['Lic. Martín Gómez', 'Coordinador de Asuntos Internacionales', 'ENACOM', 'Perú 103, C1067AAC Buenos Aires'],
         email='mgomez@enacom.gob.ar', date_text='16-10-2026', date='2026-10-16', codes=codes('AAAAA'), mark='word:Sí',
         sign=['Martín Gómez'], sender=['acronym_only'],
         notes=['casillas vacías; «Sí» tecleado al final de la línea elegida (decisión y opción)'], clue='ENACOM'),
    dict(lang='es', file='CRC_Colombia_C187.docx', ms=('Colombia', 'COL'),
         frm=['Dra. Natalia Ramírez', 'Coordinadora de Relacionamiento Internacional', 'CRC', 'Calle 59A Bis No. 5-53, Piso 9',
              'Bogotá D.C.'], email='natalia.ramirez@crcom.gov.co', date_text='19 de octubre de 2026', date='2026-10-19',
         codes=codes('ANAAW'), mark='delete', place='after',
         texts={K2: 'La cláusula 8.2 impone algoritmos híbridos sin evaluar su impacto en redes rurales; solicitamos un análisis previo.',
                K5: 'Incluir en el Apéndice I un caso de uso sobre detección de anomalías en redes móviles.'},
         sign=['Natalia Ramírez'], sender=['acronym_only', 'acronym_shared_with_other_state'],
         notes=['las líneas no elegidas borradas', 'motivos y comentarios tras las líneas, bajo un título por proyecto',
                'sigla CRC (también Mongolia, Jordania…), Bogotá'], clue='CRC'),
    dict(lang='es', file='Mision_Chile_Ginebra_187.docx', ms=('Chile', 'CHL'),
         frm=['Sr. Andrés Fuentes', 'Consejero', 'Misión Permanente de Chile ante la Oficina de las Naciones Unidas en Ginebra',
              'Rue de Lausanne 58, 1202 Ginebra, Suiza'], email='afuentes@minrel.gob.cl', date_text='20 de octubre de 2026, Ginebra',
         date='2026-10-20', codes=codes('AAAAN'), mark='highlight', hl='green', place='footnote',
         texts={K5: 'Chile estima que el alcance del proyecto debe limitarse a los sistemas de red y excluir los terminales.'},
         sign=['Andrés Fuentes', 'Consejero'], sender=['permanent_mission'],
         notes=['casillas vacías, líneas elegidas resaltadas en verde', 'motivo en nota al pie', 'Misión Permanente de Chile en Ginebra'],
         clue='Misión Permanente de Chile'),
    dict(lang='es', file='MTC_Peru_187.docx', ms=('Peru', 'PER'),
         frm=['Ing. Rosa Quispe', 'Directora General de Políticas y Regulación en Comunicaciones', 'MTC', 'Jr. Zorritos 1203, Lima 1'],
         email='rquispe@mtc.gob.pe', date_text='21/10/2026', date='2026-10-21', codes=codes('WAAAA'), mark='bold', place='under',
         texts={K1: 'En la cláusula 6, aclarar si el canal fuera de banda puede ser un mensaje SMS.'},
         sign=['Rosa Quispe'], sender=['acronym_only'],
         notes=['casillas vacías; la línea elegida entera en negrita (las demás sólo con la palabra clave en negrita, como en el formulario)'],
         clue='MTC', ambiguous='bold is the only mark; the form already bolds the key words'),
    dict(lang='es', file='URSEC_Uruguay_187.docx', ms=('Uruguay', 'URY'), author='Pablo Suárez',
         frm=['Ing. Pablo Suárez', 'Gerente de Telecomunicaciones', 'URSEC', 'Av. Uruguay 988, 11100 Montevideo'],
         email='psuarez@ursec.gub.uy', date_text='2026-10-22', date='2026-10-22', codes=codes('AAWAA'), mark='tracked',
         tglyph='☒', opt='●', place='comment', lo=True,
         texts={K3: 'Revisar la traducción del término «identity federation» en la versión en español.'},
         sign=['Pablo Suárez'], sender=['acronym_only'], layout=['libreoffice'],
         notes=['marcas con control de cambios: □ borrado, ☒ insertado; opciones: ● insertado', 'comentario en un comentario de Word',
                'abierto y guardado de nuevo con LibreOffice'], clue='URSEC'),
    dict(lang='es', file='ARCOTEL_Ecuador_187.docx', ms=('Ecuador', 'ECU'),
         frm=['Ing. Diego Andrade', 'Director Técnico de Regulación', 'ARCOTEL', 'Av. Diego de Almagro N31-95 y Alpallana, Quito'],
         email='diego.andrade@arcotel.gob.ec', date_text='23 de octubre de 2026', date='2026-10-23', codes=codes('ANAAA'),
         mark='sentence', place='sentence',
         sentence=['La Administración del Ecuador autoriza a la Comisión de Estudio 17 a examinar todos los proyectos, sin '
                   'comentarios, excepto el proyecto de nueva Recomendación UIT-T X.1471 (X.ztd-pqc), que no autoriza.',
                   'Motivos: los algoritmos poscuánticos citados en la cláusula 8 aún no han sido normalizados; proponemos '
                   'esperar a la publicación de las normas correspondientes.'],
         texts={K2: 'los algoritmos poscuánticos citados en la cláusula 8 aún no han sido normalizados; proponemos esperar '
                    'a la publicación de las normas correspondientes.'},
         sign=['Diego Andrade'], sender=['acronym_only'],
         notes=['formulario sin marcas; la respuesta en dos frases después de los proyectos (todos sí, salvo X.1471)'], clue='ARCOTEL'),
    # ------------------------------------------------------------------ ru: the usual table, FORMCHECKBOX fields
    dict(lang='ru', file='Mintsifry_Rossii_C187.docx', ms=('Russian Federation', 'RUS'),
         frm=['Смирнов Алексей Викторович', 'Заместитель директора Департамента международного сотрудничества', 'Минцифры России',
              'Пресненская наб., д. 10, стр. 2, Москва, 123112'], email='a.smirnov@digital.gov.ru',
         date_text='15 октября 2026 г.', date='2026-10-15', codes=codes('ANAAW'), mark='native', opt='●', place='cell',
         texts={K2: 'Раздел 8 предписывает конкретные постквантовые алгоритмы; предлагаем оставить выбор алгоритмов '
                    'национальным администрациям.',
                K5: 'Предлагаем дополнить раздел 5 требованиями к журналированию решений систем ИИ.'},
         sign=['А. В. Смирнов'], sender=['acronym_only'],
         notes=['поля FORMCHECKBOX отмечены (w:checked)', 'варианты: ⃝ заменён на ●', 'причины и замечания в ячейке под строкой'],
         clue='Минцифры России'),
    dict(lang='ru', file='Minsvyazi_Belarus_187.docx', ms=('Belarus', 'BLR'),
         frm=['Ковалёв Сергей Николаевич', 'Начальник управления', 'Минсвязи', 'пр. Независимости, 10, 220050, г. Минск'],
         email='s.kovalev@mpt.gov.by', date_text='15.10.2026', date='2026-10-15', codes=codes('AAAAA'), mark='word:Да',
         sign=['С. Н. Ковалёв'], sender=['acronym_only'],
         notes=['поля не отмечены; «Да» напечатано в конце выбранной строки (решение и вариант)'], clue='Минсвязи'),
    dict(lang='ru', file='PP_Kazakhstan_Geneva_187.docx', ms=('Kazakhstan', 'KAZ'), author='Нурлан Абенов',
         frm=['Абенов Нурлан', 'Первый секретарь', 'Постоянное представительство Республики Казахстан при Отделении ООН '
              'и других международных организациях в Женеве', 'Chemin du Prunier 16, 1218 Le Grand-Saconnex, Женева'],
         email='n.abenov@mfa.kz', date_text='16 октября 2026 года', date='2026-10-16', codes=codes('AAWAA'), mark='native',
         legacy_how='val1', opt='X', place='comment',
         texts={K3: 'Просим уточнить в разделе 3 перевод термина «федеративная идентичность».'},
         sign=['Н. Абенов'], sender=['permanent_mission'],
         notes=['поля FORMCHECKBOX отмечены (<w:checked w:val="1"/>)', 'варианты: ⃝ заменён на «X»', 'замечание в примечании Word',
                'Постоянное представительство Казахстана в Женеве'], clue='Постоянное представительство Республики Казахстан'),
    dict(lang='ru', file='Uzbekistan_MinTsifra_187.docx', ms=('Uzbekistan', 'UZB'),
         frm=['Юсупов Бахтиёр', 'Начальник отдела стандартизации', 'Министерство цифровых технологий'],
         email='b.yusupov@digital.uz', date_text='19/10/2026', date='2026-10-19', codes=codes('AAANA'), mark='color',
         color='FF0000', place='row',
         texts={K4: 'Поправка 1 изменяет требования раздела 7 без анализа совместимости с действующими облачными услугами.'},
         header=['МИНИСТЕРСТВО ЦИФРОВЫХ ТЕХНОЛОГИЙ РЕСПУБЛИКИ УЗБЕКИСТАН', 'ул. Амира Темура, 4, 100047, г. Ташкент'],
         sign=['Б. Юсупов'], sender=['header_letterhead'],
         notes=['поля не отмечены; выбранные строки красным шрифтом', 'причина в строке, добавленной под проектом',
                'страна только в бланке (верхний колонтитул)'], clue='УЗБЕКИСТАН'),
    dict(lang='ru', file='Kyrgyzstan_MCR_187.docx', ms=('Kyrgyzstan', 'KGZ'),
         frm=['Асанов Марат', 'Заведующий отделом', 'Министерство цифрового развития Кыргызской Республики',
              'ул. Ибраимова, 24, 720011, г. Бишкек'], email='m.asanov@digital.gov.kg', date_text='20.10.2026',
         date='2026-10-20', codes=codes('ANNAA'), mark='native', opt='●', place='footnote',
         texts={K2: 'Требования раздела 8 невыполнимы для существующих сетей без замены оборудования.',
                K3: 'Пересмотр исключает термины, используемые в национальных стандартах.'},
         sign=['М. Асанов'], notes=['поля FORMCHECKBOX отмечены', 'варианты: ●', 'причины в сносках'],
         clue='Кыргызской Республики'),
    dict(lang='ru', file='Azerbaijan_MDDT_187.docx', ms=('Azerbaijan', 'AZE'), author='Elchin Mammadov',
         frm=['Мамедов Эльчин', 'Главный консультант', 'МЦРТ', 'ул. Зарифы Алиевой, 33, AZ1000, г. Баку'],
         email='e.mammadov@mincom.gov.az', date_text='21 октября 2026 г.', date='2026-10-21', codes=codes('AAAAN'),
         mark='tracked_x', opt='x_next', place='comment',
         texts={K5: 'Азербайджан считает, что проект требует дополнительного обсуждения на собрании ИК17.'},
         sign=['Э. Мамедов'], sender=['acronym_only'],
         notes=['поля не отмечены; рядом вставлена кириллическая «Х» в режиме исправлений (w:ins)', 'варианты: «X» рядом с ⃝',
                'причина в примечании Word', 'МЦРТ, Баку'], clue='МЦРТ'),
    dict(lang='ru', file='Armenia_MinHTI_187.docx', ms=('Armenia', 'ARM'),
         frm=['Петросян Арам', 'Начальник управления', 'Министерство высокотехнологической промышленности Республики Армения',
              'ул. Вазгена Саргсяна, 3, 0010, г. Ереван'], email='a.petrosyan@mhti.am', date_text='2026-10-22',
         date='2026-10-22', codes=codes('AAACA'), mark='native', opt='●', lo=True,
         sign=['А. Петросян'], layout=['libreoffice'],
         notes=['поля FORMCHECKBOX отмечены', 'X.1645 Amd.1: отмечены «Уполномочивает» (без замечаний) И «Не уполномочивает» (конфликт)',
                'открыт и сохранён в LibreOffice'], clue='Республики Армения'),
    dict(lang='ru', file='Tajikistan_SS_187.docx', ms=('Tajikistan', 'TJK'),
         frm=['Рахимов Фаррух', 'Начальник отдела', 'Служба связи при Правительстве Республики Таджикистан',
              'ул. Рудаки, 57, г. Душанбе'], email='f.rahimov@khs.tj', date_text='23 октября 2026 г.', date='2026-10-23',
         codes=codes('AAAAA'), mark='sentence',
         sentence=['Администрация связи Республики Таджикистан уполномочивает 17-ю Исследовательскую комиссию рассмотреть '
                   'все указанные проекты для утверждения без замечаний.'],
         sign=['Ф. Рахимов'], notes=['таблица не заполнена; ответ одним предложением после неё'], clue='Таджикистан'),
    # ------------------------------------------------------------------ ar: the usual table, content controls
    dict(lang='ar', file='TDRA_UAE_C187.docx', ms=('United Arab Emirates', 'ARE'),
         frm=['م. أحمد الكعبي', 'مدير إدارة المعايير', 'TDRA', 'ص.ب 26662، أبوظبي'], email='a.alkaabi@tdra.gov.ae',
         date_text='15 أكتوبر 2026', date='2026-10-15', codes=codes('AAAAW'), mark='native', place='cell',
         texts={K5: 'نقترح إضافة متطلبات لتقييم مخاطر نماذج الذكاء الاصطناعي في البند 6.'},
         sign=['أحمد الكعبي'], sender=['acronym_only'],
         notes=['عناصر تحكم المحتوى محددة (w14:checked)', 'التعليق في الخلية تحت السطر', 'TDRA، أبوظبي'], clue='TDRA'),
    dict(lang='ar', file='NTRA_Egypt_187.docx', ms=('Egypt', 'EGY'),
         frm=['م. محمد عبد الرحمن', 'مدير عام التقييس', 'NTRA', 'القرية الذكية، الكيلو 28 طريق القاهرة - الإسكندرية الصحراوي'],
         email='mabdelrahman@tra.gov.eg', date_text='15/10/2026', date='2026-10-15', codes=codes('ANAAA'), mark='word:نعم',
         place='after', lo=True,
         texts={K2: 'ترى مصر أن البند 8 يفرض خوارزميات لم يكتمل توحيدها بعد، ونقترح إرجاء الموافقة.'},
         sign=['محمد عبد الرحمن'], sender=['acronym_only'], layout=['libreoffice'],
         notes=['المربعات فارغة؛ كُتبت «نعم» في آخر السطر المختار', 'الأسباب بعد الجدول تحت عنوان', 'فُتح وحُفظ بـ LibreOffice'],
         clue='NTRA'),
    dict(lang='ar', file='CST_KSA_187.docx', ms=('Saudi Arabia', 'SAU'),
         frm=['م. فهد العتيبي', 'مدير عام الأنظمة والمعايير', 'CST'], email='falotaibi@cst.gov.sa',
         date_text='5 جمادى الأولى 1448هـ الموافق 16 أكتوبر 2026م', date='2026-10-16', codes=codes('ANAAA'), mark='native',
         place='cell', texts={K2: 'لا توضح المسودة آلية الانتقال من الخوارزميات الحالية، ونقترح إضافة ملحق بذلك.'},
         header=['هيئة الاتصالات والفضاء والتقنية', 'المملكة العربية السعودية – الرياض'],
         sign=['فهد العتيبي'], sender=['header_letterhead', 'acronym_only'],
         notes=['عناصر تحكم المحتوى محددة', 'السبب في الخلية', 'البلد في ترويسة الصفحة فقط', 'تاريخ هجري وميلادي'],
         clue='هيئة الاتصالات والفضاء والتقنية'),
    dict(lang='ar', file='TRA_Bahrain_187.docx', ms=('Bahrain', 'BHR'),
         frm=['السيدة مريم الحداد', 'رئيس قسم المعايير', 'TRA', 'ص.ب 10353، المنامة'], email='m.alhaddad@tra.org.bh',
         date_text='19 أكتوبر 2026', date='2026-10-19', codes=codes('AANAA'), mark='highlight', place='footnote',
         texts={K3: 'تحذف المراجعة تعاريف ما زالت مستخدمة في اللوائح الوطنية.'},
         sign=['مريم الحداد'], sender=['acronym_only'],
         notes=['المربعات فارغة؛ الأسطر المختارة مظللة بالأصفر', 'السبب في حاشية', 'TRA، المنامة'], clue='TRA'),
    dict(lang='ar', file='Oman_Mission_Geneva_187.docx', ms=('Oman', 'OMN'),
         frm=['السيد سالم البلوشي', 'سكرتير أول', 'البعثة الدائمة لسلطنة عُمان لدى مكتب الأمم المتحدة في جنيف',
              'Chemin de Roches 3, 1208 Genève'], email='s.albalushi@omanmission.ch', date_text='2026/10/20', date='2026-10-20',
         codes=codes('AAAAA'), mark='x_next', sign=['سالم البلوشي'], sender=['permanent_mission'],
         notes=['عناصر تحكم المحتوى غير محددة، وكُتب «X» بجانبها', 'البعثة الدائمة لسلطنة عمان في جنيف'], clue='سلطنة عُمان'),
    dict(lang='ar', file='TRC_Jordan_187.docx', ms=('Jordan', 'JOR'),
         frm=['م. ليلى الخطيب', 'مديرة المعايير', 'TRC', 'ص.ب 941794، عمّان 11194'], email='l.khatib@trc.gov.jo',
         date_text='20-10-2026', date='2026-10-20', codes=codes('ANAWA'), mark='delete', place='row',
         texts={K2: 'نقترح تأجيل الموافقة إلى حين اختبار الخوارزميات المقترحة في الشبكات الوطنية.',
                K4: 'يرجى توضيح العلاقة بين التعديل 1 والتوصية ITU-T X.1641.'},
         sign=['ليلى الخطيب'], sender=['acronym_only', 'acronym_shared_with_other_state'],
         notes=['حُذفت الأسطر غير المختارة', 'الأسباب والتعليقات في صف مضاف تحت المشروع', 'TRC (كذلك كمبوديا)، عمّان'], clue='TRC'),
    dict(lang='ar', file='CRA_Qatar_187.docx', ms=('Qatar', 'QAT'), author='Khalid Al-Marri',
         frm=['م. خالد المري', 'مدير إدارة الشؤون الفنية', 'CRA', 'ص.ب 23404، الدوحة'], email='kalmarri@cra.gov.qa',
         date_text='21 أكتوبر 2026', date='2026-10-21', codes=codes('AAAAN'), mark='tracked', place='comment',
         texts={K5: 'يتداخل المشروع مع أعمال جارية في لجنة الدراسات 13، ونقترح التنسيق قبل الموافقة.'},
         sign=['خالد المري'], sender=['acronym_only'],
         notes=['عناصر تحكم المحتوى حُددت مع تعقب التغييرات: ☐ محذوف و☒ مدرج داخل العنصر', 'السبب في تعليق Word', 'CRA، الدوحة'],
         clue='CRA'),
    dict(lang='ar', file='ARPCE_Algerie_187.docx', ms=('Algeria', 'DZA'),
         frm=['السيد كريم بن علي', 'مدير التقييس', 'ARPCE', '1 نهج كيتو، إيسطو، الجزائر العاصمة'], email='k.benali@arpce.dz',
         date_text='22/10/2026', date='2026-10-22', codes=codes('ACAAA'), mark='native',
         sign=['كريم بن علي'], sender=['acronym_only'],
         notes=['عناصر تحكم المحتوى محددة', 'X.1471: حُدد «تأذن» (لا توجد تعليقات) و«لا تأذن» معاً (تعارض)'], clue='ARPCE'),
    # ------------------------------------------------------------------ zh: the usual table, circles ⃝ everywhere
    dict(lang='zh', file='MIIT_China_C187.docx', ms=('China', 'CHN'),
         frm=['王建国', '科技司标准处处长', 'MIIT', '北京市西城区西长安街13号，邮编100804'], email='wangjg@miit.gov.cn',
         date_text='2026年10月16日', date='2026-10-16', codes=codes('AAAWA'), mark='native', place='cell',
         texts={K4: '建议在修正1中保留原第7节的条款编号。'},
         sign=['王建国'], sender=['acronym_only'], notes=['⃝ 替换为 ●（决定和选项）', '意见写在单元格内'], clue='MIIT'),
    dict(lang='zh', file='IMDA_Singapore_187.docx', ms=('Singapore', 'SGP'), tlang='en',
         frm=['Mr Tan Wei Ming', 'Director, Standards', 'IMDA', '10 Pasir Panjang Road, #03-01 Mapletree Business City',
              'Singapore 117438'], email='tan_wei_ming@imda.gov.sg', date_text='16 Oct 2026', date='2026-10-16',
         codes=codes('AAAAA'), mark='glyph:☒', glyph_font='MS Gothic', opt='☒', sign=['Tan Wei Ming'], sender=['acronym_only'],
         notes=['⃝ replaced by ☒ (decisions and options)', 'filled in English on the Chinese form'], clue='IMDA'),
    dict(lang='zh', file='MCMC_Malaysia_187.docx', ms=('Malaysia', 'MYS'), tlang='en',
         frm=['Ms Nurul Aisyah', 'Head, Technical Standards', 'MCMC', 'MCMC Tower 1, Jalan Impact, Cyber 6',
              '63000 Cyberjaya, Selangor'], email='nurul.aisyah@mcmc.gov.my', date_text='19/10/2026', date='2026-10-19',
         codes=codes('ANAAA'), mark='word:是', place='row',
         texts={K2: 'Malaysia requests more time for national consultation on the post-quantum requirements in clause 8.'},
         sign=['Nurul Aisyah'], sender=['acronym_only'],
         notes=['circles left; "是" typed at the end of the chosen line', 'reason in a row added below the draft'], clue='MCMC'),
    dict(lang='zh', file='NBTC_Thailand_187.docx', ms=('Thailand', 'THA'), tlang='en',
         frm=['Dr. Somchai Prasert', 'Director, Standards Bureau', 'NBTC', '87 Phahonyothin 8 (Soi Sailom), Bangkok 10400'],
         email='somchai.p@nbtc.go.th', date_text='2026-10-19', date='2026-10-19', codes=codes('WAAAA'), mark='highlight',
         hl='cyan', place='footnote', texts={K1: 'Clause 7.2: please add a note on the use of OTP over e-mail.'},
         sign=['Somchai Prasert'], sender=['acronym_only'],
         notes=['circles left; chosen lines highlighted (cyan)', 'comment in a footnote'], clue='NBTC'),
    dict(lang='zh', file='VietNam_MST_187.docx', ms=('Viet Nam', 'VNM'),
         frm=['阮文雄 (Nguyễn Văn Hùng)', '标准司副司长', '科学技术部'], email='nvhung@mst.gov.vn', date_text='20.10.2026',
         date='2026-10-20', codes=codes('AANAA'), mark='glyph:✓', place='after',
         texts={K3: '修订版删除了越南国家标准仍在引用的术语，建议保留。'},
         header=['BỘ KHOA HỌC VÀ CÔNG NGHỆ – 越南社会主义共和国科学技术部', '18 Nguyễn Du, Hà Nội, Việt Nam'],
         sign=['阮文雄'], sender=['header_letterhead'],
         notes=['⃝ 替换为 ✓', '理由在表格后，以草案为标题', '国家只见于页眉'], clue='Việt Nam'),
    dict(lang='zh', file='Korea_Mission_Geneva_187.docx', ms=('Korea (Rep. of)', 'KOR'),
         frm=['金敏俊 (Kim Min-jun)', '参赞', '大韩民国常驻日内瓦联合国办事处和其他国际组织代表团',
              'Route de Pré-Bois 20, 1215 Genève 15'], email='mjkim@mofa.go.kr', date_text='2026.10.21', date='2026-10-21',
         codes=codes('AAAAN'), mark='x_next', place='row',
         texts={K5: '建议将该草案推迟到下次第17研究组会议，与Y.3172的修订协调后再批准。'},
         sign=['金敏俊'], sender=['permanent_mission'],
         notes=['圆圈旁打 "X"', '理由在草案下方新增的一行', '大韩民国常驻日内瓦代表团'], clue='大韩民国常驻日内瓦'),
    dict(lang='zh', file='TRC_Cambodia_187.docx', ms=('Cambodia', 'KHM'), tlang='en', author='Sokha Chea',
         frm=['Mr Chea Sokha', 'Deputy Director, Technical Department', 'TRC', 'No. 122, Monivong Blvd, Phnom Penh'],
         email='sokha.chea@trc.gov.kh', date_text='21 October 2026', date='2026-10-21', codes=codes('ANAAA'), mark='tracked',
         place='footnote', lo=True,
         texts={K2: 'Cambodia cannot support the hybrid key exchange mandated in clause 8 at this stage.'},
         sign=['Chea Sokha'], sender=['acronym_only', 'acronym_shared_with_other_state'], layout=['libreoffice'],
         notes=['marks with tracked changes: ⃝ deleted, ● inserted', 'reason in a footnote', 'TRC (also Jordan), Phnom Penh',
                'opened and re-saved by LibreOffice'], clue='TRC'),
    dict(lang='zh', file='Lao_MTC_187.docx', ms=("Lao P.D.R.", 'LAO'),
         frm=['Mr Khamphanh Sisouk', 'Director, Standards Division', 'MTC', 'Avenue Lane Xang, Vientiane'],
         email='khamphanh@mtc.gov.la', date_text='22/10/2026', date='2026-10-22', codes=codes('AACAA'), mark='native',
         tlang='en', sign=['Khamphanh Sisouk'], sender=['acronym_only'],
         notes=['⃝ replaced by ●', 'X.1252: ● on 授权 (无意见) AND on 不授权 (conflict)'], clue='MTC'),
]

EVIDENCE_NATIVE = {'en': 'glyph', 'fr': 'symbol', 'es': 'glyph', 'ru': 'legacy_checkbox', 'ar': 'content_control', 'zh': 'glyph'}


def evidence(r, code):
    if code == '-':
        return 'none'
    m = r.get('mark', 'native')
    if m == 'native':
        return EVIDENCE_NATIVE[r['lang']]
    if m == 'tracked':
        return 'content_control' if r['lang'] == 'ar' else 'glyph'
    if m in ('highlight', 'bold', 'color', 'cellshd'):
        return 'highlight'
    if m in ('delete', 'strike'):
        return 'deletion'
    if m.startswith('word:') or m == 'sentence':
        return 'text'
    return 'glyph'


def truth_of(r, sha):
    answers = []
    for key, prov, _ in DRAFTS:
        c = r['codes'][key]
        dec = {'A': 'authorize', 'W': 'authorize', 'U': 'authorize', 'N': 'not_authorize', 'C': 'conflict', '-': 'no_reply'}[c]
        comments = {'A': 'no_comments', 'W': 'with_comments', 'U': 'unspecified'}.get(c)
        text = r.get('texts', {}).get(key, '') if c in ('N', 'W') else ''
        for lab in ('Motifs : ', 'Commentaires : '):
            if text.startswith(lab):
                text = text[len(lab):]
        a = dict(draft=key, provisional=prov, decision=dec, comments=comments, text=text, evidence=evidence(r, c))
        if c == 'C':
            a['decide'] = True
            a['warn'] = True
        if c == '-' or r.get('one_for_all') or key in r.get('mind', {}):
            a['warn'] = True
        answers.append(a)
    places = sorted({r.get('place_by', {}).get(k, r.get('place', 'cell')) for k in KEYS if r['codes'][k] in 'NW'}) or ['none']
    layout = ['form=' + LAYOUT[r['lang']]] + r.get('layout', [])
    mark = r.get('mark', 'native')
    if mark == 'native':
        mark = 'native:' + EVIDENCE_NATIVE[r['lang']]
    mark_by = {}
    for key in KEYS:
        if r['codes'][key] == 'C':
            mark_by[key] = 'conflict'
        if key in r.get('mind', {}):
            mark_by[key] = 'mind'
        if key == r.get('delete_draft'):
            mark_by[key] = 'draft_deleted'
    opt = r.get('opt')
    return {
        'source': 'replies/' + r['file'], 'sha256': sha, 'language': r['lang'], 'text_language': r.get('tlang', r['lang']),
        'member_state': {'name': r['ms'][0], 'iso3': r['ms'][1]}, 'date': r['date'], 'date_as_written': r['date_text'],
        'superseded_by': None, 'late': False, 'answers': answers, 'notes': r['notes'],
        'habits': {'mark': mark, 'mark_by': mark_by, 'options': ('glyph:' + opt if opt and opt != 'x_next' else opt or 'same'),
                   'text_places': places, 'layout': layout, 'sender': r.get('sender', [])},
        'render_clue': r['clue'], 'tracked_changes': r.get('mark') in ('tracked', 'tracked_x'),
        'libreoffice_resaved': bool(r.get('lo')),
        'ambiguous': r.get('ambiguous') or ('a conflict: both boxes marked' if 'C' in r['codes'].values() else None),
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


def libreoffice_resave(path):
    with tempfile.TemporaryDirectory() as tmp:
        src = os.path.join(tmp, 'in')
        os.makedirs(src)
        shutil.copy(path, src)
        env = dict(os.environ, HOME=tmp)
        subprocess.run(['soffice', '--headless', f'-env:UserInstallation=file://{tmp}/profile', '--convert-to',
                        'docx:MS Word 2007 XML', '--outdir', os.path.join(tmp, 'out'), os.path.join(src, os.path.basename(path))],
                       check=True, capture_output=True, env=env, timeout=180)
        shutil.copy(os.path.join(tmp, 'out', os.path.basename(path)), path)


def main():
    os.makedirs(os.path.join(OUT, 'replies'), exist_ok=True)
    os.makedirs(os.path.join(OUT, 'forms'), exist_ok=True)
    no_lo = '--no-libreoffice' in sys.argv
    for lang in LANGS:
        Builder({'lang': lang, 'blank': True, 'codes': dict.fromkeys(KEYS, '-')}).build(
            os.path.join(OUT, 'forms', f'blank_circ{CIRCULAR}_{lang}.docx'))
    truths = []
    per_lang = {}
    for r in REPLIES:
        per_lang[r['lang']] = per_lang.get(r['lang'], 0) + 1
        for k in KEYS:
            assert (r['codes'][k] in 'NW') == bool(r.get('texts', {}).get(k)), (r['file'], k)
        path = os.path.join(OUT, 'replies', r['file'])
        doc = Builder(r).build(path)
        assert doc.tracked == (r.get('mark') in ('tracked', 'tracked_x')), r['file']
        if r.get('lo') and not no_lo:
            libreoffice_resave(path)
        truths.append(truth_of(r, hashlib.sha256(open(path, 'rb').read()).hexdigest()))
    assert all(per_lang.get(lang) == 8 for lang in LANGS), per_lang
    iso = [t['member_state']['iso3'] for t in truths]
    assert len(set(iso)) == len(iso), 'one reply per Member State'
    expected = {
        'schema': 'replytally.samples/1',
        'description': (f'Replies to TSB Circular {CIRCULAR} (Study Group {SG}): a third independent set, made by '
                        'scripts/make-habits3-fixtures.py without reading the reader; sources are relative to '
                        'tests/fixtures/habits3/. The blank form has a different layout in each language (a table per '
                        'draft in en, choices in columns in fr, paragraphs in es, FORMCHECKBOX fields in ru, content '
                        'controls in ar, ⃝ circles in zh). Every file checked by rendering it '
                        '(scripts/check-habits3-fixtures.py). "evidence" is the mechanism a person would name (not scored). '
                        '"warn": true marks answers a reader should warn about; "decide": true those a person must decide '
                        '(both boxes marked). "ambiguous" (per reply) says why a careful human might hesitate.'),
        'circular': {'tsb_circular': CIRCULAR, 'study_group': SG},
        'form': f'forms/blank_circ{CIRCULAR}_en.docx',
        'form_language': 'en',
        'forms': {lang: f'forms/blank_circ{CIRCULAR}_{lang}.docx' for lang in LANGS},
        'form_layouts': {lang: LAYOUT[lang] for lang in LANGS},
        'threshold': 70,
        'drafts': [{'draft': k, 'provisional': p} for k, p, _ in DRAFTS],
        'replies': truths,
        'tallies': tally(truths),
    }
    with open(os.path.join(ROOT, 'tests', 'fixtures', 'habits3_expected.json'), 'w', encoding='utf-8') as f:
        json.dump(expected, f, ensure_ascii=False, indent=1)
        f.write('\n')
    write_readme(truths, expected['tallies'])
    print(f'{len(truths)} replies ({per_lang}), {len(LANGS)} blank forms in {OUT}')


CODE = {('authorize', 'no_comments'): 'A', ('authorize', 'with_comments'): 'A+c', ('not_authorize', None): 'N',
        ('conflict', None): 'C!', ('no_reply', None): '–'}


def write_readme(truths, tallies):
    lines = [f'# Habits 3: replies to TSB Circular {CIRCULAR} (Study Group {SG})', '',
             'A third independent test set, built without reading the reader (FORM.md, CONTRACT.md and the earlier sets\' '
             'truth format only), by `python3 scripts/make-habits3-fixtures.py`; checked by rendering with '
             '`python3 scripts/check-habits3-fixtures.py` (LibreOffice → PDF → pdftotext, and PNGs looked at); scored by the '
             'lead with `python3 scripts/score-habits.py --set habits3`.', '',
             '- `forms/blank_circ187_{en,fr,es,ru,ar,zh}.docx`: the blank form, a different layout per language:',
             '  - `en` (`tables`): one small table per draft (title row; box | label), boxes ☐ (MS Gothic), options ⃝;',
             '  - `fr` (`columns`): one table, one row per draft, the three choices in columns (Autorise: pas de commentaires | '
             'commentaires joints; N\'autorise pas), boxes Wingdings F0A8 (`w:sym`);',
             '  - `es` (`paras`): no table: the draft name, then the lines as paragraphs, boxes □, options ⃝;',
             '  - `ru` (`legacy`): the usual table (draft cell merged down over two rows), boxes FORMCHECKBOX fields, options ⃝;',
             '  - `ar` (`cc`): the usual table, right to left, boxes and options content-control check boxes;',
             '  - `zh` (`circles`): the usual table, boxes and options all the circle ⃝ (U+20DD).',
             '- `replies/`: 48 replies, 8 per form language, one per Member State; six re-saved by LibreOffice.',
             '- `../habits3_expected.json`: the truth (shape of habits2_expected.json), with the tally.', '',
             'Drafts: X.1280 (X.oob-sa) and X.1471 (X.ztd-pqc), new; X.1252, revised; X.1645 Amd.1, an amendment; '
             'X.nsec-ai, new, known only by its provisional name.', '',
             '| file | lang | Member State | answers (X.1280, X.1471, X.1252, X.1645 Amd.1, X.nsec-ai) | habits |',
             '| --- | --- | --- | --- | --- |']
    for t in truths:
        ans = ', '.join(CODE[(a['decision'], a['comments'])] for a in t['answers'])
        lines.append(f"| `{os.path.basename(t['source'])}` | {t['language']} | {t['member_state']['name']} "
                     f"({t['member_state']['iso3']}) | {ans} | {'; '.join(t['notes'])} |")
    lines += ['', 'Tally (threshold 70 %):', '', '| draft | authorize | with comments | not authorize | conflict | no reply | support | meets |',
              '| --- | --- | --- | --- | --- | --- | --- | --- |']
    for d in tallies['drafts']:
        lines.append(f"| {d['draft']} | {d['authorize']} | {d['with_comments']} | {d['not_authorize']} | {d['conflict']} | "
                     f"{d['no_reply']} | {d['support']} | {d['meets_threshold']} |")
    with open(os.path.join(OUT, 'README.md'), 'w', encoding='utf-8') as f:
        f.write('\n'.join(lines) + '\n')


if __name__ == '__main__':
    main()
