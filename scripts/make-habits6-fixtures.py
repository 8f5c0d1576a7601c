#!/usr/bin/env python3
"""Writes tests/fixtures/habits6/: a sixth hold-out set of filled-in reply forms, replies to TSB
Circular 331 (Study Group 13), and its truth tests/fixtures/habits6_expected.json (the shape of
habits5_expected.json, read by scripts/score-habits.py --set habits6).

Written without reading replytally's reader (only FORM.md, CONTRACT.md, the practice set and the
earlier sets' READMEs, truth and generators). The blank form is the classic one of FORM.md in en, es,
ru and zh, and two template variants no earlier set had: fr as Word 2003-style nested tables (an
inner box | label table in each draft's cell), ar with the four lines of a draft in one paragraph
separated by line breaks (w:br). Each reply is a cover letter and the filled form; the habits
(habits6_build.py) are ones the earlier sets did not have: a Webdings tick (w:sym), a black-shaded
box, a one-cell bordered table holding X, a red rectangle drawn round the line, a paragraph border
round the line, bold + underline of the chosen line only, the answer typed into the draft's cell, a
YES/NO column or a ✓ column added, a "General comment" row authorizing all drafts, reviewer's
marks under Track Changes in the new layouts, reasons in a second table, on a continuation sheet
after "Reasons:", in the cover letter; the Member State only in the signature block, last year's
form (Circular 297 in its title), Word 2003 smart tags round places and dates.

48 Member States, 8 per form language.

    python3 scripts/make-habits6-fixtures.py            # write the set, the truth and the README
    python3 scripts/check-habits6-fixtures.py           # render every file and check the truth against it
"""

import hashlib
import importlib.util
import json
import os
import sys

sys.dont_write_bytecode = True
HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from habits6_build import Builder  # noqa: E402
from habits6_lib import CIRCULAR, DEADLINE, DRAFTS, KEYS, LAYOUT, SG, short  # noqa: E402

ROOT = os.path.dirname(HERE)
OUT = os.path.join(ROOT, 'tests', 'fixtures', 'habits6')
LANGS = ('en', 'fr', 'es', 'ru', 'ar', 'zh')
K1, K2, K3, K4, K5 = KEYS

# habits4's tally (Resolution 1 §9.4; conflicts that could change the verdict leave it open), for this set's drafts
_spec = importlib.util.spec_from_file_location('make_habits4', os.path.join(HERE, 'make-habits4-fixtures.py'))
MAKE4 = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(MAKE4)
MAKE4.DRAFTS = DRAFTS


def codes(s):
    return dict(zip(KEYS, s))


R = []  # the replies, in order: 8 per language

# ------------------------------------------------------------------ en: classic
R += [
    dict(lang='en', file='MICT_Rwanda_C331.docx', ms=('Rwanda', 'RWA'), admin='the Ministry',
         head=['MINISTRY OF ICT AND INNOVATION'],
         frm=['Hon. Paula Mukamana', 'Office of the Minister', 'P.O. Box 1500'], email='minister@minict.gov.rw',
         date_text='14 December 2026', date='2026-12-14', codes=codes('AAAAA'), mark='general',
         general=['The Administration authorizes Study Group 13 to consider all the draft texts listed above for approval, '
                  'with no comments or proposed changes.'],
         sign=['Paula Mukamana', 'Minister of ICT and Innovation, Republic of Rwanda'], sender=['signature_only'],
         notes=['boxes left empty; a row "General comment: The Administration authorizes … all the draft texts listed above …, '
                'with no comments" added under the table', 'the country only in the signature block ("Minister of ICT and '
                'Innovation, Republic of Rwanda"; the From block has a P.O. box and no town, the letterhead no country)'],
         clue='Republic of Rwanda'),
    dict(lang='en', file='OUR_Jamaica_reply331.docx', ms=('Jamaica', 'JAM'), admin='the Office of Utilities Regulation',
         head=['OFFICE OF UTILITIES REGULATION', '3rd Floor, PCJ Resource Centre, 36 Trafalgar Road, Kingston 10, Jamaica W.I.'],
         frm=['Mr Devon Campbell', 'Director, Telecommunications', 'Office of Utilities Regulation',
              '36 Trafalgar Road, Kingston 10, Jamaica'], email='dcampbell@our.org.jm',
         date_text='December 16th, 2026', date='2026-12-16', codes=codes('ANAWA'), mark='shade_box', place='under',
         texts={K2: 'Jamaica cannot support the draft until the key-relay trust model of clause 8 addresses relay nodes '
                    'operated by third parties.',
                K4: 'The amendment should state which of the new QoS classes apply to fixed wireless access.'},
         sign=['Devon Campbell', 'Director, Telecommunications'],
         notes=['the ☐ and ⃝ of the chosen lines given a black character shading (Borders and Shading > Shading, on the '
                'glyph only), so they print as filled squares/circles; nothing typed', 'reasons and comments in the cell '
                'under the line'], clue='Office of Utilities Regulation'),
    dict(lang='en', file='CRAN_Namibia_C331.docx', ms=('Namibia', 'NAM'), admin='the Communications Regulatory Authority of Namibia',
         head=['CRAN', 'Communications Regulatory Authority of Namibia'], head_part=True,
         frm=['Ms Helena Shikongo', 'Manager: Standards and Technology', 'Communications House, 56 Robert Mugabe Avenue',
              'Windhoek'], email='hshikongo@cran.na', date_text='17 December 2026', date='2026-12-17',
         codes=codes('AAWAN'), mark='rect', place='contpage',
         texts={K3: 'In clause 7.2 the reference architecture should show the network exposure function.',
                K5: 'Namibia does not support the draft: fixed-mobile convergence charging is a national policy matter '
                    'that the draft should not prescribe.'},
         sign=['Helena Shikongo'], sender=['header_letterhead'],
         notes=['boxes left empty; a red rectangle (an anchored shape, no fill) drawn round each chosen line',
                'comments and reasons on a continuation sheet after the signature, each after "Reasons:"',
                'letterhead only in the page header (word/header1.xml)'], clue='Communications House'),
    dict(lang='en', file='MACRA_response_C331.docx', ms=('Malawi', 'MWI'), admin='MACRA',
         head=['MACRA', 'Malawi Communications Regulatory Authority'], head_part=True,
         frm=['Mr Chikondi Banda', 'Director of Technical Services', 'MACRA House, Salmin Amour Road, Private Bag 261',
              'Blantyre'], email='cbanda@macra.mw', date_text='18/12/2026', date='2026-12-18', codes=codes('NAAA-'),
         mark='yesno', place='col', mark_by={K5: 'yesno'},
         texts={K1: 'The network slicing management model overlaps with work in progress in ITU-T Q.6/13; Malawi prefers '
                    'to wait for its results.'},
         render={K5: '-'},
         sign=['Chikondi Banda'], sender=['header_letterhead'],
         notes=['boxes left empty; a column "YES/NO" added at the right, YES or NO typed on each row, the option in words '
                'under YES ("(no comments)")', 'reason in the added column, under NO/YES', 'Y.FMC-ufc: the added column '
                'left empty (no reply)', 'letterhead in the page header; Blantyre without the country'], clue='MACRA House'),
    dict(lang='en', file='TRCSL_SriLanka_331.docx', ms=('Sri Lanka', 'LKA'),
         admin='the Telecommunications Regulatory Commission of Sri Lanka',
         head=['TELECOMMUNICATIONS REGULATORY COMMISSION OF SRI LANKA', '276, Elvitigala Mawatha, Colombo 08, Sri Lanka'],
         frm=['Eng. Nimal Perera', 'Director (Spectrum and Standards)', 'TRCSL, 276 Elvitigala Mawatha', 'Colombo 08, Sri Lanka'],
         email='nimal@trc.gov.lk', date_text='2026.12.21', date='2026-12-21', codes=codes('AWANA'), mark='indraft',
         place='draftcell',
         texts={K2: 'The resilience metrics of clause 9 should include the key-replenishment time.',
                K4: 'Sri Lanka cannot support the amendment: the revised delay budget for satellite backhaul is too short.'},
         sign=['Nimal Perera'],
         notes=['boxes left empty; the answer typed into the draft\'s cell under its name ("– we agree, no comments", '
                '"– we do not agree, reasons below")', 'reasons and comments in italics in the draft\'s cell, under the answer'],
         clue='Elvitigala Mawatha'),
    dict(lang='en', file='ICTA_Mauritius_C331.docx', ms=('Mauritius', 'MUS'), admin='the ICT Authority',
         head=['INFORMATION AND COMMUNICATION TECHNOLOGIES AUTHORITY', 'Level 12, The Celicourt, 6 Sir Celicourt Antelme Street, '
               'Port Louis, Mauritius'],
         frm=['Mr Rajesh Ramdin', 'Officer in Charge', 'ICT Authority, Port Louis, Mauritius'], email='rramdin@icta.mu',
         date_text='22 December 2026', date='2026-12-22', codes=codes('AAANW'), mark='boxtable', place='table2',
         texts={K4: 'Mauritius does not authorize the amendment: the new Annex C conflicts with Y.3113 clause 6.',
                K5: 'The terms "unified charging" and "converged charging" should be used consistently.'},
         sign=['Rajesh Ramdin', 'Officer in Charge'], sig_image=True,
         notes=['the ☐ / ⃝ of the chosen lines deleted and a one-cell bordered table holding "X" inserted before the line',
                'reasons and comments in a second table after the form (Draft | Reasons and comments)',
                'signed with a signature image in the cover letter'], clue='The Celicourt'),
    dict(lang='en', file='TATT_C331_reply.docx', ms=('Trinidad and Tobago', 'TTO'),
         admin='the Telecommunications Authority of Trinidad and Tobago', author='Reviewer (TATT Legal)',
         head=['TATT', 'Telecommunications Authority of Trinidad and Tobago', '#5 Eighth Avenue Extension, Barataria'],
         frm=['Ms Anita Ramkissoon', 'Senior Manager, Standards', '#5 Eighth Avenue Extension, off Twelfth Street',
              'Barataria, Trinidad and Tobago'], email='aramkissoon@tatt.org.tt', date_text='11 January 2027',
         date='2027-01-11', codes=codes('ANAAA'), mark='track', was={K2: 'A'}, place='under', tracked=True,
         texts={K2: 'Following internal review, Trinidad and Tobago cannot support the draft: the resilience '
                    'requirements of clause 10 were not consulted nationally.'},
         sign=['Anita Ramkissoon'],
         notes=['every mark made by a reviewer under Track Changes: ☐ deleted (w:del), ☒ / ● inserted (w:ins), not accepted',
                'Y.3241: first marked Authorizes + No comments, then those ☒ deleted and ☐ put back, and Does not authorize '
                'marked (all tracked): the truth is the new answer', 'reason under the line (not tracked)'],
         warn_keys=[K2], clue='Eighth Avenue Extension'),
    dict(lang='en', file='NICTA_PNG_C331.docx', ms=('Papua New Guinea', 'PNG'),
         admin='the National Information and Communications Technology Authority', old_form=True,
         head=['NATIONAL INFORMATION AND COMMUNICATIONS TECHNOLOGY AUTHORITY', 'PO Box 8444, Boroko, NCD, Papua New Guinea'],
         frm=['Mr Kila Gere', 'Manager, Standards', 'PO Box 8444, Boroko', 'Port Moresby, Papua New Guinea'],
         email='kgere@nicta.gov.pg', date_text='05/01/2027', date='2027-01-05', codes=codes('AACWA'), mark='glyph',
         texts={K4: 'The amendment should give the delay values for low-earth-orbit satellite links separately.'},
         sign=['Kila Gere'], layout=['old_form'],
         ambiguous='Y.3104: ☒ on Authorizes (with No comments) and ☒ on Does not authorize',
         notes=['last year\'s form reused: its title and subject say "TSB Circular 297", the drafts are those of Circular 331',
                '☐ → ☒, ⃝ → ● typed', 'Y.3104: both Authorizes (No comments) and Does not authorize marked ☒: a person must '
                'decide', 'comment under the line', 'date 05/01/2027: day first (5 January; 1 May 2027 would be after the '
                'deadline and months after the circular)'], clue='Boroko'),
]

# ------------------------------------------------------------------ fr: nested
R += [
    dict(lang='fr', file='ARTEC_Madagascar_331.docx', ms=('Madagascar', 'MDG'), admin="l'Autorité de Régulation des "
         "Technologies de Communication", smarttags=True,
         head=['ARTEC', 'Autorité de Régulation des Technologies de Communication', 'Antananarivo – Madagascar'],
         frm=['M. Hery Rakotomalala', 'Directeur des normes', 'Immeuble ARTEC, Alarobia', 'Antananarivo 101, Madagascar'],
         email='h.rakotomalala@artec.mg', date_text='Antananarivo, le 15 décembre 2026', date='2026-12-15',
         codes=codes('ANAAW'), mark='xcell', place='under',
         texts={K2: "Le projet ne précise pas les exigences de résilience applicables aux liaisons par satellite.",
                K5: "Il conviendrait de définir la facturation convergée dans la clause 3."},
         sign=['Hery Rakotomalala'],
         notes=['formulaire à tableaux imbriqués : ☐ / ⃝ supprimés et « X » tapé dans la cellule de la case',
                'balises actives Word 2003 (w:smartTag) autour des lieux et de la date', 'motifs et commentaires dans une '
                'ligne ajoutée au tableau intérieur, sous la ligne'], clue='Alarobia'),
    dict(lang='fr', file='ARE_Mauritanie_C331.docx', ms=('Mauritania', 'MRT'), admin="l'Autorité de Régulation",
         head=['AUTORITÉ DE RÉGULATION', 'République Islamique de Mauritanie'],
         frm=['M. Ahmed Ould Sidi', 'Directeur technique', 'Avenue Moktar Ould Daddah', 'Nouakchott, Mauritanie'],
         email='a.sidi@are.mr', date_text='le 2 janvier 2027', date='2027-01-02', codes=codes('AAWA-'), mark='tickpic',
         place='contpage', texts={K3: "La révision devrait conserver l'appendice I de la version de 2024."},
         sign=['Ahmed Ould Sidi'],
         notes=['la case (cellule intérieure) des lignes choisies remplacée par une image de coche (PNG)',
                'commentaire sur une feuille de continuation, après « Motifs : »', 'Y.FMC-ufc laissé sans réponse'],
         clue='Moktar Ould Daddah'),
    dict(lang='fr', file='CONATEL_Haiti_reponse331.docx', ms=('Haiti', 'HTI'), admin='le Conseil National des Télécommunications',
         head=['CONSEIL NATIONAL DES TÉLÉCOMMUNICATIONS (CONATEL)', '16, avenue Marie Jeanne, Port-au-Prince, Haïti'],
         frm=['M. Jean-Robert Pierre', 'Directeur général', '16, avenue Marie Jeanne', 'Port-au-Prince, Haïti'],
         email='jrpierre@conatel.gouv.ht', date_text='le 18 décembre 2026', date='2026-12-18', codes=codes('WANAA'),
         mark='boldu', place='letter',
         texts={K1: "La gestion des tranches de réseau devrait tenir compte des réseaux à faible capacité.",
                K3: "Haïti ne peut pas appuyer la révision, qui supprime les exigences d'interfonctionnement avec les réseaux existants."},
         sign=['Jean-Robert Pierre'],
         notes=['cases vides ; les lignes choisies (décision et option) en gras et soulignées, elles seules',
                'commentaire et motif dans la lettre d\'accompagnement, avant la formule de politesse'],
         clue='avenue Marie Jeanne'),
    dict(lang='fr', file='OFCOM_Suisse_C331.docx', ms=('Switzerland', 'CHE'), admin="l'Office fédéral de la communication",
         tlang='de',
         head=['Office fédéral de la communication OFCOM', 'Rue de l\'Avenir 44, 2501 Bienne'],
         frm=['Mme Claudia Meier', 'Cheffe de section Normalisation', 'Rue de l\'Avenir 44, Case postale 252', '2501 Bienne'],
         email='claudia.meier@bakom.admin.ch', date_text='Bienne, le 21.12.2026', date='2026-12-21', codes=codes('AAANA'),
         mark='pbdr', place='under',
         texts={K4: 'Die Schweiz unterstützt die Änderung nicht: die neuen Verzögerungswerte widersprechen den nationalen '
                    'Vorgaben für Notrufdienste.'},
         sign=['Claudia Meier'], layout=['text_other_language'],
         notes=['cases vides ; une bordure de paragraphe (Bordures extérieures, rouge) autour de la ligne choisie',
                'motif en allemand sous la ligne (formulaire français)', 'OFCOM à Bienne : adresse suisse, c\'est bien la Suisse'],
         clue="Rue de l'Avenir 44"),
    dict(lang='fr', file='Monaco_DDN_C331.docx', ms=('Monaco', 'MCO'), admin='la Direction du Développement du Numérique',
         smarttags=True,
         head=['GOUVERNEMENT PRINCIER', 'PRINCIPAUTÉ DE MONACO', 'Direction du Développement du Numérique'],
         frm=['M. Laurent Rossi', 'Chef de division', '23, avenue Albert II', 'MC 98000 Monaco'], email='lrossi@gouv.mc',
         date_text='Monaco, le 4 janvier 2027', date='2027-01-04', codes=codes('ANAAA'), mark='webdings', place='table2',
         texts={K2: "La Principauté ne peut appuyer ce projet tant que les exigences de la clause 8 ne distinguent pas les "
                    "réseaux d'accès et de cœur."},
         sign=['Laurent Rossi'],
         notes=['case et option choisies remplacées par la coche Webdings (w:sym F061, Insertion > Symbole)',
                'motif dans un second tableau après le formulaire', 'balises actives (w:smartTag) autour des lieux et de la date'],
         clue='avenue Albert II'),
    dict(lang='fr', file='ARPTC_RDC_331.docx', ms=('Democratic Republic of the Congo', 'COD'),
         admin="l'Autorité de Régulation de la Poste et des Télécommunications du Congo",
         head=['ARPTC', 'Autorité de Régulation de la Poste et des Télécommunications du Congo', 'Kinshasa/Gombe, RD Congo'],
         frm=['M. Patrick Mbuyi', 'Directeur technique', 'Boulevard du 30 Juin', 'Kinshasa/Gombe, République démocratique du Congo'],
         email='p.mbuyi@arptc.gouv.cd', date_text='Kinshasa, le 06/01/2027', date='2027-01-06', codes=codes('AACAA'),
         mark='general', render={K3: 'N'}, mark_by={K3: 'xcell'},
         general=["L'Administration autorise la Commission d'études 13 à examiner tous les projets en vue de leur approbation, "
                  "sans commentaires."],
         sign=['Patrick Mbuyi'],
         ambiguous="Y.3104: « X » dans la case N'autorise pas, mais la ligne « Observation générale » dit que l'Administration "
                   "autorise tous les projets",
         notes=['cases vides ; ligne « Observation générale : L\'Administration autorise … tous les projets … sans commentaires » '
                'ajoutée', 'Y.3104 : « X » tapé dans la case N\'autorise pas, sans motif : contredit l\'observation générale '
                '(décision humaine)', 'date 06/01/2027 (jour en premier)'], clue='Boulevard du 30 Juin'),
    dict(lang='fr', file='ISDE_Canada_reponse_C331.docx', ms=('Canada', 'CAN'), admin='Innovation, Sciences et Développement '
         'économique Canada', tlang='en',
         head=['Innovation, Sciences et Développement économique Canada', 'Innovation, Science and Economic Development Canada'],
         frm=['Mme Sarah Tremblay', 'Directrice, Normes internationales', '235, rue Queen', 'Ottawa (Ontario) K1A 0H5, Canada'],
         email='sarah.tremblay@ised-isde.gc.ca', date_text='le 17 décembre 2026', date='2026-12-17', codes=codes('NAAWA'),
         mark='rect', place='under', rect_cx=3700000,
         texts={K1: 'Canada does not support the draft: its slice lifecycle model duplicates Y.3153 without reference.',
                K4: 'Clause 7.3 should give the jitter budget in milliseconds.'},
         sign=['Sarah Tremblay'], layout=['text_other_language'],
         notes=['cases vides ; un rectangle rouge dessiné autour de la ligne choisie (dans la cellule du libellé)',
                'motifs et commentaires en anglais sous la ligne (formulaire français)'], clue='235, rue Queen'),
    dict(lang='fr', file='Comores_ANRTIC_331.docx', ms=('Comoros', 'COM'), admin="l'ANRTIC", author='Relecteur ANRTIC',
         head=['ANRTIC', 'Autorité Nationale de Régulation des TIC', 'Moroni – Union des Comores'],
         frm=['M. Said Abdallah', 'Chef du service technique', 'BP 6999', 'Moroni, Union des Comores'], email='s.abdallah@anrtic.km',
         date_text='Moroni, le 12 janvier 2027', date='2027-01-12', codes=codes('AWNAA'), mark='track', was={K3: 'A'},
         place='under', tracked=True,
         texts={K2: "La clause 6 devrait citer la Recommandation UIT-T Y.3800.",
                K3: "Après réexamen, les Comores ne peuvent pas appuyer la révision du modèle de qualité de service."},
         sign=['Said Abdallah'],
         notes=['marques d\'un relecteur en suivi des modifications (non acceptées) : ☐ supprimé, ☒ / ● inséré dans la cellule '
                'de la case', 'Y.3104 : d\'abord Autorise + Pas de commentaires, ces ☒ supprimés (☐ remis) et N\'autorise pas '
                'coché, le tout en révision : la réponse qui compte est la nouvelle', 'motifs sous la ligne'],
         warn_keys=[K3], clue='BP 6999'),
]

# ------------------------------------------------------------------ es: classic
R += [
    dict(lang='es', file='MICITT_CostaRica_331.docx', ms=('Costa Rica', 'CRI'),
         admin='el Ministerio de Ciencia, Innovación, Tecnología y Telecomunicaciones',
         head=['MICITT', 'Ministerio de Ciencia, Innovación, Tecnología y Telecomunicaciones', 'San José, Costa Rica'],
         frm=['Sra. Laura Jiménez', 'Directora de Espectro', 'Edificio Mira, Zapote', 'San José, Costa Rica'],
         email='laura.jimenez@micitt.go.cr', date_text='San José, 16 de diciembre de 2026', date='2026-12-16',
         codes=codes('AANAW'), mark='yesno', place='col',
         texts={K3: 'La revisión elimina los parámetros de calidad para redes rurales.',
                K5: 'Debe aclararse el alcance de la tarificación convergente.'},
         sign=['Laura Jiménez'],
         notes=['casillas vacías; columna «SÍ/NO» añadida a la derecha, SÍ o NO en cada fila, la opción en palabras',
                'motivos y comentarios en la columna añadida'], clue='Edificio Mira'),
    dict(lang='es', file='ASEP_Panama_C331.docx', ms=('Panama', 'PAN'), admin='la Autoridad Nacional de los Servicios Públicos',
         head=['AUTORIDAD NACIONAL DE LOS SERVICIOS PÚBLICOS', 'República de Panamá'],
         frm=['Ing. Carlos Ríos', 'Director de Telecomunicaciones', 'Vía España, Edificio Office Park', 'Ciudad de Panamá'],
         email='crios@asep.gob.pa', date_text='18 de diciembre de 2026', date='2026-12-18', codes=codes('WAAAN'),
         mark='shade_box', place='under',
         texts={K1: 'La cláusula 5 debería citar la Recomendación UIT-T Y.3150.',
                K5: 'Panamá no autoriza el proyecto: la convergencia de la facturación es competencia nacional.'},
         sign=['Carlos Ríos'],
         notes=['la ☐ y el ⃝ de las líneas elegidas con sombreado negro de carácter (parecen ■ / ●)', 'motivos y comentarios '
                'bajo la línea'], clue='Office Park'),
    dict(lang='es', file='URSEC_Uruguay_331.docx', ms=('Uruguay', 'URY'), admin='la Unidad Reguladora de Servicios de Comunicaciones',
         head=['URSEC', 'Unidad Reguladora de Servicios de Comunicaciones', 'Montevideo – Uruguay'],
         frm=['Ing. Martín Silva', 'Gerente de Ingeniería', 'Av. Uruguay 988', 'Montevideo, Uruguay'], email='msilva@ursec.gub.uy',
         date_text='Montevideo, 21 de diciembre de 2026', date='2026-12-21', codes=codes('ACAWA'), mark='rect',
         rect_span={K2: 1800000}, place='under',
         texts={K4: 'Convendría indicar los valores de retardo para enlaces de microondas.'},
         sign=['Martín Silva'],
         ambiguous='Y.3241: un solo rectángulo rojo dibujado alrededor de Autoriza, sus dos opciones y No autoriza',
         notes=['casillas vacías; un rectángulo rojo (forma anclada) dibujado alrededor de la línea elegida',
                'Y.3241: el rectángulo abarca las dos filas (Autoriza con sus opciones y No autoriza): decide una persona',
                'comentario bajo la línea'], clue='Av. Uruguay 988'),
    dict(lang='es', file='CONATEL_Paraguay_C331.docx', ms=('Paraguay', 'PRY'), admin='la Comisión Nacional de Telecomunicaciones',
         head=['CONATEL', 'Comisión Nacional de Telecomunicaciones', 'Asunción – Paraguay'],
         frm=['Ing. Rosa Benítez', 'Gerente de Normas', 'Yegros 437 c/ 25 de Mayo', 'Asunción, Paraguay'], email='rbenitez@conatel.gov.py',
         date_text='Asunción, 22 de diciembre de 2026', date='2026-12-22', codes=codes('ANA-A'), mark='indraft',
         place='draftcell', texts={K2: 'Paraguay no apoya el proyecto: las métricas de resiliencia no son verificables.'},
         sign=['Rosa Benítez'],
         notes=['casillas vacías; la respuesta escrita en la celda del proyecto («– de acuerdo, sin comentarios», «– no estamos '
                'de acuerdo, motivos abajo»)', 'motivo en cursiva en la misma celda', 'Y.3113 Amd.1: nada escrito (sin respuesta)'],
         clue='Yegros 437'),
    dict(lang='es', file='MINCOM_Cuba_C331.docx', ms=('Cuba', 'CUB'), admin='el Ministerio de Comunicaciones',
         head=['MINISTERIO DE COMUNICACIONES', 'República de Cuba'],
         frm=['Ing. Yamila Hernández', 'Directora de Regulaciones', 'Ave. Independencia y 19 de Mayo, Plaza de la Revolución',
              'La Habana, Cuba'], email='yamila.hernandez@mincom.gob.cu', date_text='La Habana, 28 de diciembre de 2026',
         date='2026-12-28', codes=codes('AAWNA'), mark='webdings', place='contpage',
         texts={K3: 'El apéndice II debería conservar los ejemplos de redes de acceso.',
                K4: 'Cuba no autoriza la enmienda mientras no se consulten los valores de retardo con la CE 12.'},
         sign=['Yamila Hernández'],
         notes=['casilla y opción elegidas sustituidas por la marca Webdings (w:sym F061)', 'comentario y motivo en una hoja de '
                'continuación, tras «Motivos:»'], clue='Plaza de la Revolución'),
    dict(lang='es', file='ATT_Bolivia_C331.docx', ms=('Bolivia (Plurinational State of)', 'BOL'),
         admin='la Autoridad de Regulación y Fiscalización de Telecomunicaciones y Transportes',
         head=['ATT', 'Autoridad de Regulación y Fiscalización de Telecomunicaciones y Transportes', 'La Paz – Bolivia'],
         frm=['Ing. Jorge Mamani', 'Director Técnico', 'Calle 13 de Calacoto N° 8260', 'La Paz, Bolivia'], email='jmamani@att.gob.bo',
         date_text='La Paz, 29/12/2026', date='2026-12-29', codes=codes('NAAAA'), mark='tickcol', place='under',
         col_head='Elección',
         texts={K1: 'Bolivia no autoriza el proyecto: la gestión de segmentos de red no contempla redes comunitarias.'},
         sign=['Jorge Mamani'],
         notes=['columna añadida a la derecha con ✓ en la fila de la decisión elegida; la opción: ⃝ sustituido por ✓',
                'motivo bajo la línea'], clue='Calacoto'),
    dict(lang='es', file='SETID_Espana_C331.docx', ms=('Spain', 'ESP'), admin='la Secretaría de Estado de Telecomunicaciones',
         head=['MINISTERIO PARA LA TRANSFORMACIÓN DIGITAL Y DE LA FUNCIÓN PÚBLICA',
               'Secretaría de Estado de Telecomunicaciones e Infraestructuras Digitales'],
         frm=['D.ª Elena Martín', 'Subdirectora General de Normalización', 'C/ Poeta Joan Maragall, 41', '28020 Madrid'],
         email='elena.martin@digital.gob.es', date_text='05/01/2027', date='2027-01-05', codes=codes('AWAAA'), mark='boldu',
         place='table2', texts={K2: 'Se propone añadir una definición de «dominio de confianza» en la cláusula 3.'},
         sign=['Elena Martín'],
         notes=['casillas vacías; solo las líneas elegidas en negrita y subrayadas', 'comentario en una segunda tabla tras el '
                'formulario', 'fecha 05/01/2027 (día primero, como en España: 5 de enero)'], clue='Poeta Joan Maragall'),
    dict(lang='es', file='SIT_Guatemala_331.docx', ms=('Guatemala', 'GTM'), admin='la Superintendencia de Telecomunicaciones',
         author='Revisor SIT',
         head=['SUPERINTENDENCIA DE TELECOMUNICACIONES', 'Guatemala, C.A.'],
         frm=['Ing. Ana Lucía Pérez', 'Intendente de Normas', '6a. Avenida 6-54, zona 9', 'Ciudad de Guatemala'],
         email='aperez@sit.gob.gt', date_text='Guatemala, 7 de enero de 2027', date='2027-01-07', codes=codes('A-AAN'),
         mark='track', place='under', tracked=True,
         texts={K5: 'Guatemala no autoriza el proyecto: falta un análisis de impacto en la tarificación de servicios prepagos.'},
         sign=['Ana Lucía Pérez'],
         notes=['marcas de un revisor con control de cambios (sin aceptar): ☐ eliminada, ☒ / ● insertados',
                'Y.3241: sin marcar (sin respuesta)', 'motivo bajo la línea'], clue='zona 9'),
]

# ------------------------------------------------------------------ ru: classic
R += [
    dict(lang='ru', file='Belarus_MinSvyazi_331.docx', ms=('Belarus', 'BLR'), admin='Министерства связи и информатизации',
         head=['МИНИСТЕРСТВО СВЯЗИ И ИНФОРМАТИЗАЦИИ РЕСПУБЛИКИ БЕЛАРУСЬ'],
         frm=['Иванов Сергей Петрович', 'Начальник управления', 'пр. Независимости, 10', '220030, г. Минск, Республика Беларусь'],
         email='ivanov@mpt.gov.by', date_text='15.12.2026', date='2026-12-15', codes=codes('ANAAA'), mark='shade_box',
         place='contpage', texts={K2: 'Требования к устойчивости в разделе 9 не согласованы с Рекомендацией МСЭ-Т Y.3803.'},
         sign=['С. П. Иванов'],
         notes=['☐ и ⃝ выбранных строк залиты чёрным (заливка символа), ничего не напечатано', 'причина на листе '
                'продолжения, после «Причины:»'], clue='пр. Независимости'),
    dict(lang='ru', file='Moldova_MDED_C331.docx', ms=('Moldova', 'MDA'), admin='Министерства экономического развития и цифровизации',
         head=['MINISTERUL DEZVOLTĂRII ECONOMICE ȘI DIGITALIZĂRII', 'Министерство экономического развития и цифровизации'],
         frm=['Попеску Ион', 'Начальник отдела', 'Piața Marii Adunări Naționale 1', 'MD-2033, Кишинэу, Республика Молдова'],
         email='ion.popescu@mded.gov.md', date_text='16.12.2026', date='2026-12-16', codes=codes('AAWA-'), mark='tickcol',
         col_head='Выбор', place='under', texts={K3: 'В пересмотренном тексте следует сохранить Дополнение I.'},
         sign=['И. Попеску'],
         notes=['добавлен столбец справа: ✓ в строке выбранного решения; вариант: ⃝ заменён на ✓', 'замечание под строкой',
                'Y.FMC-ufc без ответа'], clue='Marii Adunări'),
    dict(lang='ru', file='Azerbaijan_MDDT_331.docx', ms=('Azerbaijan', 'AZE'), admin='Министерства цифрового развития и транспорта',
         head=['MINISTRY OF DIGITAL DEVELOPMENT AND TRANSPORT', 'Министерство цифрового развития и транспорта Азербайджанской '
               'Республики'],
         frm=['Мамедов Эльчин', 'Заведующий отделом', 'ул. Исмаила Бейя Гутгашинлы, 33', 'AZ1073, Баку'],
         email='e.mammadov@mincom.gov.az', date_text='«18» декабря 2026 г.', date='2026-12-18', codes=codes('AACAW'),
         mark='boldu', render={K3: 'A'}, text_at={K3: 'no'},
         ctext={K3: 'Не поддерживаем пересмотр: исключены требования к сетям с низкой пропускной способностью.'},
         texts={K5: 'Следует уточнить термин «конвергентная тарификация».'},
         sign=['Э. Мамедов'],
         ambiguous='Y.3104: Уполномочивает и «Нет замечаний» выделены полужирным с подчёркиванием, но под строкой '
                   'напечатано «Не поддерживаем пересмотр…»',
         notes=['флажки пустые; только выбранные строки полужирные и подчёркнутые', 'Y.3104: выделены «Уполномочивает» и «Нет '
                'замечаний», а под строкой «Не поддерживаем пересмотр…» (решает человек)', 'замечание под строкой'],
         clue='Гутгашинлы'),
    dict(lang='ru', file='Turkmenistan_C331.docx', ms=('Turkmenistan', 'TKM'), admin='Министерства связи',
         head=['ТУРКМЕНИСТАН', 'Агентство «Туркменалокахабар»'],
         frm=['Атаев Мерген', 'Начальник отдела стандартизации', 'ул. Гарашсызлык, 74', 'Ашхабад'], email='m.atayev@telecom.tm',
         date_text='21.12.2026', date='2026-12-21', codes=codes('NAAAA'), mark='rect', place='under',
         texts={K1: 'Проект не учитывает национальные требования к управлению сегментами сети.'},
         sign=['М. Атаев'],
         notes=['флажки пустые; вокруг выбранной строки нарисован красный прямоугольник (привязанная фигура)',
                'причина под строкой'], clue='Гарашсызлык'),
    dict(lang='ru', file='Mincifry_C331.docx', ms=('Russian Federation', 'RUS'), admin='Министерства цифрового развития, связи '
         'и массовых коммуникаций Российской Федерации',
         head=['МИНЦИФРЫ РОССИИ'], head_part=True,
         frm=['Петров Алексей Николаевич', 'Заместитель директора департамента', 'Пресненская наб., 10, стр. 2', '123112, Москва'],
         email='a.petrov@digital.gov.ru', date_text='22 декабря 2026 г.', date='2026-12-22', codes=codes('AWNAA'), mark='yesno',
         place='col',
         texts={K2: 'Предлагаем дополнить раздел 7 показателем времени восстановления ключей.',
                K3: 'Пересмотр исключает требования к совместимости с действующими сетями.'},
         sign=['А. Н. Петров'], sender=['header_letterhead'],
         notes=['флажки пустые; добавлен столбец «ДА/НЕТ», в каждой строке ДА или НЕТ, вариант словами', 'причины и '
                'замечания в добавленном столбце', 'бланк только в верхнем колонтитуле («МИНЦИФРЫ РОССИИ»)'],
         clue='Пресненская'),
    dict(lang='ru', file='Tajikistan_SAS_C331.docx', ms=('Tajikistan', 'TJK'), admin='Службы связи при Правительстве',
         head=['СЛУЖБА СВЯЗИ ПРИ ПРАВИТЕЛЬСТВЕ РЕСПУБЛИКИ ТАДЖИКИСТАН'],
         frm=['Рахимов Фарход', 'Начальник управления', 'ул. Рудаки, 57', '734025, Душанбе'], email='f.rahimov@khadamotialoqa.tj',
         date_text='28.12.2026', date='2026-12-28', codes=codes('AAANA'), mark='indraft', place='draftcell',
         texts={K4: 'Новые значения задержки не подходят для горных районов.'},
         sign=['Ф. Рахимов'],
         notes=['флажки пустые; ответ напечатан в ячейке проекта под названием («– согласны, замечаний нет»)',
                'причина курсивом в той же ячейке'], clue='ул. Рудаки'),
    dict(lang='ru', file='Uzbekistan_MinCIT_331.docx', ms=('Uzbekistan', 'UZB'), admin='Министерства цифровых технологий',
         head=['O‘ZBEKISTON RESPUBLIKASI RAQAMLI TEXNOLOGIYALAR VAZIRLIGI', 'Министерство цифровых технологий Республики Узбекистан'],
         frm=['Каримов Бахтиёр', 'Начальник отдела', 'ул. Амира Темура, 4', '100047, Ташкент'], email='b.karimov@digital.uz',
         date_text='5 января 2027 г.', date='2027-01-05', codes=codes('WAAAA'), mark='boxtable', place='table2',
         texts={K1: 'Рекомендуем привести термины раздела 3 в соответствие с Y.3100.'},
         sign=['Б. Каримов'],
         notes=['☐ / ⃝ выбранных строк удалены, перед строкой вставлена таблица из одной ячейки с рамкой и «X»',
                'замечание во второй таблице после формы'], clue='Амира Темура'),
    dict(lang='ru', file='CRC_Mongolia_C331.docx', ms=('Mongolia', 'MNG'), admin='Комиссии по регулированию связи', tlang='en',
         head=['COMMUNICATIONS REGULATORY COMMISSION OF MONGOLIA'],
         frm=['Батбаяр Ганбаатар', 'Директор департамента', 'ул. Чингисхана, 1', 'Улан-Батор, Монголия'], email='batbayar@crc.gov.mn',
         date_text='11.01.2027', date='2027-01-11', codes=codes('ANAWA'), mark='pbdr', place='under',
         texts={K2: 'Mongolia does not authorize the draft: quantum key relays across borders need a regional study first.',
                K4: 'Please align Table 3 with the delay classes of ITU-T Y.1541.'},
         sign=['Б. Ганбаатар'], layout=['text_other_language'],
         notes=['флажки пустые; вокруг выбранной строки граница абзаца (красная рамка)', 'причина и замечание по-английски '
                'под строкой (русская форма)'], clue='Чингисхана'),
]

# ------------------------------------------------------------------ ar: brlines
R += [
    dict(lang='ar', file='NTRA_Egypt_C331.docx', ms=('Egypt', 'EGY'), admin='الجهاز القومي لتنظيم الاتصالات',
         head=['الجهاز القومي لتنظيم الاتصالات', 'جمهورية مصر العربية'],
         frm=['م. أحمد عبد الله', 'مدير عام التقييس', 'القرية الذكية، الكيلو 28 طريق القاهرة الإسكندرية', 'الجيزة، مصر'],
         email='aabdallah@tra.gov.eg', date_text='١٥/١٢/٢٠٢٦', date='2026-12-15', codes=codes('ANAAW'), mark='glyph', place='under',
         texts={K2: 'لا يمكن دعم المشروع لأن متطلبات المرونة في البند 9 لا تراعي الشبكات الوطنية.',
                K5: 'نقترح تعريف الفوترة المتقاربة في البند 3.'},
         sign=['أحمد عبد الله'],
         notes=['الأسطر الأربعة في فقرة واحدة مفصولة بفواصل أسطر؛ ☐ استبدل بـ ☒ و⃝ بـ ●', 'السبب والتعليق بعد فاصل سطر '
                'في الفقرة نفسها', 'التاريخ بالأرقام الهندية'], clue='القرية الذكية'),
    dict(lang='ar', file='CST_Saudi_C331.docx', ms=('Saudi Arabia', 'SAU'), admin='هيئة الاتصالات والفضاء والتقنية',
         head=['هيئة الاتصالات والفضاء والتقنية', 'المملكة العربية السعودية'],
         frm=['م. خالد العتيبي', 'مدير إدارة المعايير', 'طريق الأمير تركي الأول', 'الرياض، المملكة العربية السعودية'],
         email='kotaibi@cst.gov.sa', date_text='١٧ ديسمبر ٢٠٢٦', date='2026-12-17', codes=codes('AAWNA'), mark='boldu', place='under',
         texts={K3: 'ينبغي الإبقاء على التذييل الأول من الصيغة السابقة.',
                K4: 'لا نؤيد التعديل لأن قيم التأخير الجديدة لا تناسب الوصلات الساتلية.'},
         sign=['خالد العتيبي'],
         notes=['الخانات فارغة؛ الأسطر المختارة وحدها بخط عريض وتحتها خط', 'التعليق والسبب بعد فاصل سطر'],
         clue='طريق الأمير تركي'),
    dict(lang='ar', file='ANRT_Maroc_C331.docx', ms=('Morocco', 'MAR'), admin='الوكالة الوطنية لتقنين المواصلات',
         author='مراجع ANRT', tlang='fr',
         head=['الوكالة الوطنية لتقنين المواصلات', 'Agence Nationale de Réglementation des Télécommunications'],
         frm=['السيد يوسف بناني', 'رئيس قسم التقييس', 'مركز الأعمال، حي الرياض', 'الرباط، المملكة المغربية'],
         email='y.bennani@anrt.ma', date_text='الرباط في 8 يناير 2027', date='2027-01-08', codes=codes('ANAAA'), mark='track',
         was={K2: 'A'}, place='under', tracked=True,
         texts={K2: "Le Maroc ne peut appuyer ce projet : les exigences de la clause 8 n'ont pas fait l'objet d'une consultation nationale."},
         sign=['يوسف بناني'], layout=['text_other_language'],
         notes=['علامات مراجع بتتبع التغييرات (غير مقبولة): حذف ☐ وإدراج ☒ / ●', 'Y.3241: أُشّر أولاً «تأذن» و«لا توجد تعليقات» '
                'ثم حُذفت ☒ وأُشّر «لا تأذن» (كل ذلك بتتبع التغييرات): الرد الجديد هو المعتمد', 'السبب بالفرنسية بعد فاصل سطر'],
         warn_keys=[K2], clue='حي الرياض'),
    dict(lang='ar', file='INT_Tunisie_C331.docx', ms=('Tunisia', 'TUN'), admin='الهيئة الوطنية للاتصالات',
         head=['الهيئة الوطنية للاتصالات', 'الجمهورية التونسية'],
         frm=['السيد محمد الطرابلسي', 'مدير التقييس', 'نهج الهادي الكراي، المركز العمراني الشمالي', 'تونس'],
         email='m.trabelsi@intt.tn', date_text='٢٢ / ١٢ / ٢٠٢٦', date='2026-12-22', codes=codes('AAA-A'), mark='webdings',
         sign=['محمد الطرابلسي'],
         notes=['الخانة والخيار المختاران استبدلا بعلامة Webdings ‏(w:sym F061)', 'Y.3113 Amd.1 بلا رد', 'التاريخ بالأرقام الهندية'],
         clue='الهادي الكراي'),
    dict(lang='ar', file='CMC_Iraq_C331.docx', ms=('Iraq', 'IRQ'), admin='هيئة الإعلام والاتصالات',
         head=['هيئة الإعلام والاتصالات', 'جمهورية العراق'],
         frm=['م. علي حسين', 'مدير قسم الطيف والمعايير', 'شارع أبو نؤاس', 'بغداد، العراق'], email='ali.hussein@cmc.iq',
         date_text='٢٨/١٢/٢٠٢٦', date='2026-12-28', codes=codes('ACAAA'), mark='glyph', render={K2: '-'}, x_between=K2,
         sign=['علي حسين'],
         ambiguous='Y.3241: «X» مكتوب في سطر مستقل بين الخيار الثاني وسطر «لا تأذن»، والخانات فارغة',
         notes=['☐ استبدل بـ ☒ و⃝ بـ ●', 'Y.3241: الخانات فارغة، و«X» كبيرة مكتوبة في سطر خاص بين «ترد طيه تعليقات» و«لا تأذن» '
                '(يقرر شخص)'], clue='أبو نؤاس'),
    dict(lang='ar', file='TPRA_Sudan_331.docx', ms=('Sudan', 'SDN'), admin='الهيئة العامة لتنظيم الاتصالات والبريد',
         head=['الهيئة العامة لتنظيم الاتصالات والبريد', 'جمهورية السودان'],
         frm=['م. عمر عثمان', 'مدير إدارة المعايير', 'شارع النيل', 'الخرطوم'], email='omar.osman@tpra.gov.sd',
         date_text='٣ يناير ٢٠٢٧', date='2027-01-03', codes=codes('WAANA'), mark='rect', place='contpage',
         texts={K1: 'يرجى إضافة مثال لشبكات الطوارئ في التذييل.',
                K4: 'لا نؤيد التعديل: قيم التأخير الجديدة لا تناسب الشبكات الريفية.'},
         sign=['عمر عثمان'],
         notes=['الخانات فارغة؛ مستطيل أحمر (شكل مثبت) مرسوم حول السطر المختار', 'التعليق والسبب في صفحة تكميلية بعد «الأسباب:»'],
         clue='شارع النيل'),
    dict(lang='ar', file='MoT_Liban_C331.docx', ms=('Lebanon', 'LBN'), admin='وزارة الاتصالات',
         head=['الجمهورية اللبنانية', 'وزارة الاتصالات'],
         frm=['م. رامي خوري', 'مدير عام الاستثمار والصيانة', 'شارع رياض الصلح', 'بيروت'], email='rkhoury@mpt.gov.lb',
         date_text='5 كانون الثاني 2027', date='2027-01-05', codes=codes('NAAAA'), mark='shade_box', place='table2',
         texts={K1: 'لا يمكننا دعم المشروع لأنه لا يعالج إدارة الشرائح في الشبكات الصغيرة.'},
         sign=['رامي خوري'],
         notes=['☐ و⃝ للسطر المختار مظللان بالأسود (تظليل الحرف)', 'السبب في جدول ثانٍ بعد الاستمارة',
                'التاريخ بالشهر السرياني «كانون الثاني»'], clue='رياض الصلح'),
    dict(lang='ar', file='ARPCE_Algerie_C331.docx', ms=('Algeria', 'DZA'), admin='سلطة ضبط البريد والاتصالات الإلكترونية',
         head=['سلطة ضبط البريد والاتصالات الإلكترونية', 'الجمهورية الجزائرية الديمقراطية الشعبية'],
         frm=['السيد كريم بن علي', 'مدير التقييس', '1، نهج خليفة بوخالفة', 'الجزائر العاصمة'], email='k.benali@arpce.dz',
         date_text='الجزائر في 10 يناير 2027', date='2027-01-10', codes=codes('AWAAA'), mark='tickpic', place='letter',
         texts={K2: 'نقترح إضافة زمن تجديد المفاتيح إلى مقاييس المرونة في البند 9.'},
         sign=['كريم بن علي'],
         notes=['خانة السطر المختار وخياره استبدلا بصورة علامة صح (PNG) داخل الفقرة', 'التعليق في رسالة الإحالة'],
         clue='خليفة بوخالفة'),
]

# ------------------------------------------------------------------ zh: classic
R += [
    dict(lang='zh', file='MIIT_China_C331.docx', ms=('China', 'CHN'), admin='工业和信息化部',
         head=['中华人民共和国工业和信息化部'],
         frm=['王明', '科技司处长', '北京市西长安街13号', '100804'], email='wangming@miit.gov.cn', date_text='2026年12月15日',
         date='2026-12-15', codes=codes('AACWA'), mark='yesno', render={K3: 'C'}, place='col',
         texts={K4: '建议在表3中增加低轨卫星链路的时延值。'},
         sign=['王明'],
         ambiguous='Y.3104：增加的“是/否”栏在授权一行和不授权一行都写了“是”',
         notes=['复选框未勾选；在右侧增加“是/否”栏，每行写“是”或“否”，选项用文字写明', 'Y.3104：授权和不授权两行都写了“是”'
                '（需人工判断）', '意见写在增加的栏中'], clue='西长安街13号'),
    dict(lang='zh', file='IMDA_Singapore_C331.docx', ms=('Singapore', 'SGP'), admin='Infocomm Media Development Authority',
         tlang='en', head=['IMDA', 'Infocomm Media Development Authority'],
         frm=['Mr Lim Kok Wah', 'Director (Standards)', '10 Pasir Panjang Road, #03-01 Mapletree Business City', 'Singapore 117438'],
         email='lim_kok_wah@imda.gov.sg', date_text='16 Dec 2026', date='2026-12-16', codes=codes('ANAAA'), mark='webdings',
         place='under', texts={K2: 'Singapore does not authorize the draft until the trust model of clause 8 is completed.'},
         sign=['Lim Kok Wah'], layout=['text_other_language'],
         notes=['所选复选框和选项替换为 Webdings 勾号（w:sym F061）', 'reason in English under the line (Chinese form)'],
         clue='Pasir Panjang'),
    dict(lang='zh', file='MCMC_Malaysia_C331.docx', ms=('Malaysia', 'MYS'), admin='Malaysian Communications and Multimedia Commission',
         head=['MCMC', 'Suruhanjaya Komunikasi dan Multimedia Malaysia'],
         frm=['Encik Ahmad Faizal', 'Ketua Jabatan Standard', 'MCMC Tower 1, Jalan Impact, Cyber 6', '63000 Cyberjaya, Selangor'],
         email='faizal@mcmc.gov.my', date_text='2026年12月18日', date='2026-12-18', codes=codes('AAWA-'), mark='rect',
         place='under', texts={K3: '修订版应保留2024年版本的附录一。'},
         sign=['Ahmad Faizal'],
         notes=['复选框未勾选；所选行周围画了红色矩形（锚定形状）', '意见写在该行下面', 'Y.FMC-ufc 未答复'], clue='Cyberjaya'),
    dict(lang='zh', file='MSIT_Korea_C331.docx', ms=('Korea (Republic of)', 'KOR'), admin='科学技术信息通信部',
         head=['대한민국 과학기술정보통신부', 'Ministry of Science and ICT, Republic of Korea'],
         frm=['金志勋', '国际标准科科长', '世宗特别自治市嘉王路477', '政府世宗厅舍4洞'], email='jhkim@msit.go.kr',
         date_text='2027年1月5日', date='2027-01-05', codes=codes('NAAAW'), mark='shade_box', place='contpage',
         texts={K1: '该草案的网络切片管理模型与ITU-T Y.3153重复，韩国暂不授权。', K5: '建议在第3条中定义“融合计费”。'},
         sign=['金志勋'],
         notes=['所选行的☐和⃝加黑色字符底纹（看似■/●）', '理由和意见写在续页上，“理由：”之后'], clue='嘉王路477'),
    dict(lang='zh', file='MIC_Japan_C331.docx', ms=('Japan', 'JPN'), admin='総務省',
         head=['総務省', 'Ministry of Internal Affairs and Communications, Japan'],
         frm=['田中健一', '国际战略局标准化推进室长', '東京都千代田区霞が関2-1-2', '100-8926'], email='k.tanaka@soumu.go.jp',
         date_text='2026年12月22日', date='2026-12-22', codes=codes('AAANA'), mark='tickcol', col_head='选择', place='table2',
         texts={K4: '新的时延值不适用于海底光缆以外的卫星回传，日本不授权该修正。'},
         sign=['田中健一'],
         notes=['右侧增加一栏，在所选决定的行写✓；选项：⃝换成✓', '理由写在表格后面的第二张表中'], clue='霞が関2-1-2'),
    dict(lang='zh', file='MIC_VietNam_C331.docx', ms=('Viet Nam', 'VNM'), admin='越南信息通信部',
         head=['BỘ THÔNG TIN VÀ TRUYỀN THÔNG', '越南信息通信部'],
         frm=['阮文雄', '科技司副司长', '河内市阮攸街18号', '越南'], email='nvhung@mic.gov.vn', date_text='2027年1月7日',
         date='2027-01-07', codes=codes('AWAAA'), mark='boldu', place='under', texts={K2: '建议在第9条的弹性指标中增加密钥补充时间。'},
         sign=['阮文雄'],
         notes=['复选框未勾选；只有所选行加粗并加下划线', '意见写在该行下面'], clue='阮攸街18号'),
    dict(lang='zh', file='NBTC_Thailand_C331.docx', ms=('Thailand', 'THA'), admin='国家广播和电信委员会',
         head=['NBTC', 'Office of the National Broadcasting and Telecommunications Commission'],
         frm=['Somchai Srisuk', '标准处处长', '87 Phahonyothin 8 (Soi Sailom)', 'Bangkok 10400, Thailand'],
         email='somchai.s@nbtc.go.th', date_text='2027年1月11日', date='2027-01-11', codes=codes('ANAAA'), mark='indraft',
         place='draftcell', texts={K2: '第10条的弹性要求尚未在泰国国内征求意见，泰国不授权。'},
         sign=['Somchai Srisuk'],
         notes=['复选框未勾选；答复写在草案名称下的单元格里（“——同意，无意见”、“——不同意，理由见下”）',
                '理由以斜体写在同一单元格'], clue='Phahonyothin'),
    dict(lang='zh', file='Cambodia_Mission_Geneva_331.docx', ms=('Cambodia', 'KHM'), admin='柬埔寨王国常驻日内瓦代表团',
         head=['PERMANENT MISSION OF THE KINGDOM OF CAMBODIA', 'to the United Nations Office at Geneva'],
         frm=['Chea Sokha', '参赞', 'Chemin Taverney 3, Case postale 213', '1218 Grand-Saconnex, Genève'],
         email='sokha.chea@cambodiamission.ch', date_text='2027年1月13日', date='2027-01-13', codes=codes('AAAWA'),
         mark='boxtable', place='under', texts={K4: '建议分别给出低轨卫星链路的时延值。'},
         sign=['Chea Sokha'], sender=['permanent_mission'],
         notes=['所选行的☐/⃝被删除，行前插入一个带边框的单格表格，内写“X”', '意见写在该行下面',
                '柬埔寨王国常驻日内瓦代表团：瑞士地址'], clue='Chemin Taverney'),
]
REPLIES = R

EVIDENCE = {'glyph': 'glyph', 'webdings': 'symbol', 'tickpic': 'glyph', 'xcell': 'text', 'shade_box': 'highlight',
            'boxtable': 'text', 'rect': 'highlight', 'pbdr': 'highlight', 'boldu': 'highlight', 'indraft': 'text',
            'yesno': 'text', 'tickcol': 'glyph', 'general': 'text', 'track': 'glyph'}


def evidence(r, key, code):
    if code == '-':
        return 'none'
    return EVIDENCE[r.get('mark_by', {}).get(key, r['mark'])]


def truth_of(r, sha):
    answers = []
    for key, prov, _ in DRAFTS:
        c = r['codes'][key]
        dec = {'A': 'authorize', 'W': 'authorize', 'U': 'authorize', 'N': 'not_authorize', 'C': 'conflict', '-': 'no_reply'}[c]
        comments = {'A': 'no_comments', 'W': 'with_comments', 'U': 'unspecified'}.get(c)
        text = r.get('texts', {}).get(key, '') if c in ('N', 'W') else ''
        a = dict(draft=key, provisional=prov, decision=dec, comments=comments, text=text, evidence=evidence(r, key, c))
        if c == 'C':
            a['decide'] = True
            a['warn'] = True
        if c in '-U' or key in r.get('warn_keys', []):
            a['warn'] = True
        answers.append(a)
    places = sorted({r.get('place_by', {}).get(k, r.get('place', 'under')) for k in KEYS if r['codes'][k] in 'NW'}) or ['none']
    layout = ['form=' + LAYOUT[r['lang']]] + r.get('layout', [])
    if r.get('smarttags'):
        layout.append('smart_tags')
    mark_by = dict(r.get('mark_by', {}))
    for key in KEYS:
        c = r['codes'][key]
        if key in r.get('was', {}):
            mark_by[key] = 'tracked_change_of_answer'
        if c == 'C' and key not in mark_by:
            mark_by[key] = 'conflict'
        elif c == 'C':
            mark_by[key] = mark_by[key] + '+conflict'
        if c == '-':
            mark_by[key] = 'left_blank'
    opt = 'words' if r['mark'] in ('yesno', 'indraft', 'general') else 'same'
    return {
        'source': 'replies/' + r['file'], 'sha256': sha, 'language': r['lang'], 'text_language': r.get('tlang', r['lang']),
        'member_state': {'name': r['ms'][0], 'iso3': r['ms'][1]}, 'date': r['date'], 'date_as_written': r['date_text'],
        'superseded_by': None, 'late': False,
        'answers': answers, 'notes': r['notes'],
        'habits': {'mark': r['mark'], 'mark_by': mark_by, 'options': opt, 'text_places': places, 'layout': layout,
                   'sender': r.get('sender', [])},
        'render_clue': r['clue'], 'tracked_changes': bool(r.get('tracked')), 'libreoffice_resaved': False,
        'ambiguous': r.get('ambiguous'),
    }


def expected(truths):
    desc = (f'Replies to TSB Circular {CIRCULAR} (Study Group {SG}): the sixth hold-out set, made by '
            'scripts/make-habits6-fixtures.py without reading the reader; sources are relative to tests/fixtures/habits6/. '
            'Each reply is a cover letter and the filled form. Blank forms: the classic layout of FORM.md (en, es, ru, zh) and two '
            'template variants no earlier set had (fr: Word 2003-style nested tables, an inner box | label table per draft; ar: '
            'the four lines of a draft in one paragraph separated by line breaks, w:br), and habits none of the earlier sets '
            'had. Every file checked by rendering it (scripts/check-habits6-fixtures.py). "evidence" is the mechanism a person '
            'would name (not scored). "warn": true marks answers a reader should warn about; "decide": true those a person '
            'must decide (decision "conflict": the page says two contradictory things; "ambiguous" says what). No late or '
            'superseded replies (deadline ' + DEADLINE + ').')
    return {
        'schema': 'replytally.samples/1',
        'description': desc,
        'circular': {'tsb_circular': CIRCULAR, 'study_group': SG},
        'deadline': DEADLINE,
        'form': f'forms/blank_circ{CIRCULAR}_en.docx',
        'form_language': 'en',
        'forms': {lang: f'forms/blank_circ{CIRCULAR}_{lang}.docx' for lang in LANGS},
        'form_layouts': {lang: LAYOUT[lang] for lang in LANGS},
        'threshold': 70,
        'drafts': [{'draft': k, 'provisional': p} for k, p, _ in DRAFTS],
        'replies': truths,
        'tallies': MAKE4.tally(truths),
    }


def main():
    os.makedirs(os.path.join(OUT, 'replies'), exist_ok=True)
    os.makedirs(os.path.join(OUT, 'forms'), exist_ok=True)
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
        Builder(r).build(path)
        truths.append(truth_of(r, hashlib.sha256(open(path, 'rb').read()).hexdigest()))
    assert all(per_lang.get(lang) == 8 for lang in LANGS), per_lang
    iso = [t['member_state']['iso3'] for t in truths]
    assert len(set(iso)) == len(iso) == 48, 'one reply per Member State'
    for lang in LANGS:  # every decision kind in every language
        kinds = {(a['decision'], a['comments']) for t in truths if t['language'] == lang for a in t['answers']}
        assert {('authorize', 'no_comments'), ('authorize', 'with_comments'), ('not_authorize', None), ('conflict', None),
                ('no_reply', None)} <= kinds, (lang, kinds)
    exp = expected(truths)
    with open(os.path.join(ROOT, 'tests', 'fixtures', 'habits6_expected.json'), 'w', encoding='utf-8') as f:
        json.dump(exp, f, ensure_ascii=False, indent=1)
        f.write('\n')
    write_readme(truths, exp['tallies'])
    print(f'{len(truths)} replies ({per_lang}), {len(LANGS)} blank forms in {OUT}')


CODE = {('authorize', 'no_comments'): 'A', ('authorize', 'with_comments'): 'A+c', ('authorize', 'unspecified'): 'A?',
        ('not_authorize', None): 'N', ('conflict', None): 'C!', ('no_reply', None): '–'}

README_HEAD = f"""# Habits 6: replies to TSB Circular {CIRCULAR} (Study Group {SG})

The sixth hold-out set, built without reading the reader (FORM.md, CONTRACT.md, the practice set and the earlier
sets' READMEs, truth and generators only), by `python3 scripts/make-habits6-fixtures.py`; checked by rendering with
`python3 scripts/check-habits6-fixtures.py` (LibreOffice → PDF → pdftotext, PNGs looked at); scored with
`python3 scripts/score-habits.py --set habits6` (the truth's `deadline` is passed as `--deadline`; no reply is late).

Every reply is a cover letter (letterhead in the body or only in the page header, reference, date, addressee,
subject, one paragraph, signature) followed, after a page break, by the filled form (Annex 2, its From/Date block
filled). None of the earlier sets' habits is the habit under test here: the box replaced by the Webdings tick (w:sym
F061); the box given a black character shading (prints as ■ / ●, nothing typed); the box deleted and a bordered
one-cell table holding "X" put before the line; a red rectangle (an anchored shape) drawn round the chosen line; a
paragraph border round the chosen line; the chosen line bold and underlined; the answer typed into the draft's cell
("– we agree, no comments"); a YES/NO column or a ✓ column added to the table; a row "General comment: … authorizes all
the drafts …"; a reviewer's marks under Track Changes (with one answer changed: the old ☒ deleted, the new one
inserted — the truth is the new one) in the nested and line-break layouts; a typed "X" on a line of its own between two
lines; reasons in a second table after the form, on a continuation sheet after "Reasons:", in the cover letter, in the
draft's cell, in the added column, after a line break in the line's paragraph; reasons in German on the French form;
the Member State only in the signature block ("Minister of ICT and Innovation, Republic of Rwanda"); last year's form
(TSB Circular 297 in its title, this circular's drafts); Word 2003 smart tags (w:smartTag) round places and dates;
dates "05/01/2027" (day first), "le 2 janvier 2027", "2027年1月5日", "«18» декабря 2026 г.", "5 كانون الثاني 2027",
Arabic-Indic digits.

- `forms/blank_circ{CIRCULAR}_{{en,fr,es,ru,ar,zh}}.docx`: the blank form in six languages (translations of one document,
  the drafts in the same order):
  - `en`, `es`, `ru`, `zh` (`classic`): the form of FORM.md: a header row (Draft | Position), then two rows per draft,
    the draft cell merged down (w:vMerge); row 1 "☐ Authorizes …" with the options "⃝ No comments …" and "⃝ Comments …",
    each its own paragraph; row 2 "☐ Does not authorize …";
  - `fr` (`nested`): Word 2003-style nested tables: one outer row per draft (Projet | Position), the position cell holding
    an inner table of four rows, box cell | label cell (☐ for the decisions, ⃝ for the options);
  - `ar` (`brlines`): right to left; one row per draft, the four lines (☐ تأذن …, ⃝ …, ⃝ …, ☐ لا تأذن …) in ONE paragraph
    separated by line breaks (w:br).
- `replies/`: 48 files, 48 Member States, 8 per form language.
- `../habits6_expected.json`: the truth (the shape of habits5_expected.json), with the tally.

Drafts: Y.3186 (Y.IMT2030-nsm) and Y.3241 (Y.QKDN-rs), new; Y.3104, revised; Y.3113 Amd.1, an amendment; Y.FMC-ufc,
new, known only by its provisional name. Deadline {DEADLINE}.

Replies a person must decide (truth `conflict`, `decide`: true, `ambiguous` says why): `NICTA_PNG_C331` (☒ on both
decisions of Y.3104), `ARPTC_RDC_331` ("General comment: authorizes all the drafts" but "X" on Y.3104's N'autorise pas),
`URSEC_Uruguay_331` (one red rectangle drawn round both decisions of Y.3241), `Azerbaijan_MDDT_331` (Y.3104:
Уполномочивает + Нет замечаний bold-underlined, "Не поддерживаем пересмотр…" typed under it), `CMC_Iraq_C331` ("X" on a
line of its own between the options and لا تأذن of Y.3241), `MIIT_China_C331` ("是" in the added column on both rows of
Y.3104). Answers changed under Track Changes (truth: the new answer, `warn`): `TATT_C331_reply` and `ANRT_Maroc_C331`
(Y.3241), `Comores_ANRTIC_331` (Y.3104).

Checked: `python3 scripts/check-habits6-fixtures.py` renders the 6 forms and 48 replies (LibreOffice 7.4) and checks
them against the truth (see its docstring) and passes: 0 problems. PNGs (pdftoppm -r 60/80) looked at: the fr and ar
blank forms, and the replies of every mark (OUR_Jamaica shade_box, CRAN_Namibia and URSEC_Uruguay rect, ICTA_Mauritius
boxtable and signature image, TATT track, ARTEC_Madagascar xcell, ARE_Mauritanie tickpic, Monaco_DDN webdings,
OFCOM_Suisse pbdr, ATT_Bolivia tickcol, MIIT_China yesno, TRCSL_SriLanka indraft, MICT_Rwanda general, CMC_Iraq the
line-break layout and the X between lines). First run of replytally: `SCORES-first-run.md`.

Rendering notes: LibreOffice draws the Webdings tick (w:sym F061) through its own symbol-font mapping (no Webdings font
here); Word shows it in Webdings. Tracked changes are shown by LibreOffice as Word's "All Markup" does (deleted ☒ / ☐
struck through, insertions underlined). The PNG pictures (the green tick, the signature) are drawn by the generator.

"""


def write_readme(truths, tallies):
    lines = [README_HEAD,
             f'| file | lang | Member State | answers ({", ".join(short(k) for k in KEYS)}) | date as written | habits |',
             '| --- | --- | --- | --- | --- | --- |']
    for t in truths:
        ans = ', '.join(CODE[(a['decision'], a['comments'])] for a in t['answers'])
        lines.append(f"| `{os.path.basename(t['source'])}` | {t['language']} | {t['member_state']['name']} "
                     f"({t['member_state']['iso3']}) | {ans} | {t['date_as_written']} | {'; '.join(t['notes'])} |")
    lines += ['', 'A = authorize, no comments; A+c = authorize with comments; N = does not authorize; C! = a person must '
              'decide (contradictory marks); – = no reply.', '',
              f'Tally (threshold 70 %; {tallies["member_states_replied"]} Member States counted):', '',
              '| draft | authorize | with comments | not authorize | conflict | no reply | support | meets |',
              '| --- | --- | --- | --- | --- | --- | --- | --- |']
    for d in tallies['drafts']:
        lines.append(f"| {d['draft']} | {d['authorize']} | {d['with_comments']} | {d['not_authorize']} | {d['conflict']} | "
                     f"{d['no_reply']} | {d['support']} | {d['meets_threshold']} |")
    with open(os.path.join(OUT, 'README.md'), 'w', encoding='utf-8') as f:
        f.write('\n'.join(lines) + '\n')


if __name__ == '__main__':
    main()
