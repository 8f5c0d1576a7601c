#!/usr/bin/env python3
"""Writes tests/fixtures/habits5/: a fifth hold-out set of filled-in reply forms, replies to TSB
Circular 318 (Study Group 20), and its truth tests/fixtures/habits5_expected.json (the shape of
habits4_expected.json, read by scripts/score-habits.py --set habits5).

Written without reading replytally's reader (only FORM.md, CONTRACT.md, the practice set and the
earlier sets' READMEs, truth and generators). The blank form has a layout per language that the
earlier sets did not have (habits5_form.py: a FORMDROPDOWN per draft, a matrix under a merged
header, list paragraphs whose bullet is the box, the table in a text box, a landscape section with
bulleted options, a two-column section of content controls with a custom checked symbol), and the
replies carry habits the earlier sets did not have (habits5_build.py): the drop-down set or deleted
and typed over, "x" typed after the label, ✅ / ✔️ / ✖️ emoji, the bullet redefined as ☒, wavy or
double underline, a theme-colour shading, red strike-through of the lines not chosen, the lines
not chosen deleted outright or by a reviewer under Track Changes, the answer only in the letter's
sentence ("… authorizes all … except …") or in a Word comment, a draft row pasted twice with two
answers, rows reordered, reasons in endnotes, footnotes, a floating text box, a bulleted list, a
second page in another language, the Member State only in a page header's acronym or an e-mail
domain, Arabic-Indic and Roman-numeral dates.

48 Member States, 8 per form language.

    python3 scripts/make-habits5-fixtures.py            # write the set, the truth and the README
    python3 scripts/check-habits5-fixtures.py           # render every file and check the truth against it
"""

import hashlib
import importlib.util
import json
import os
import sys

sys.dont_write_bytecode = True
HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from habits5_build import Builder  # noqa: E402
from habits5_form import CIRCULAR, DEADLINE, DRAFTS, KEYS, LAYOUT, SG, short  # noqa: E402

ROOT = os.path.dirname(HERE)
OUT = os.path.join(ROOT, 'tests', 'fixtures', 'habits5')
LANGS = ('en', 'fr', 'es', 'ru', 'ar', 'zh')
K1, K2, K3, K4, K5 = KEYS

# habits4's tally (Resolution 1 §9.4, conflicts that could change the verdict leave it open), for this set's drafts
_spec = importlib.util.spec_from_file_location('make_habits4', os.path.join(HERE, 'make-habits4-fixtures.py'))
MAKE4 = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(MAKE4)
MAKE4.DRAFTS = DRAFTS


def codes(s):
    return dict(zip(KEYS, s))


TICK = '\u2705'  # ✅ white heavy check mark (an emoji, colour font)
HEAVY = '\u2714\ufe0f'  # ✔️

# `codes`: per draft A/W/U/N/C/- (the truth; C: a person must decide). `render`: what is drawn where the
# truth is C. `mark`: how the choice was marked; `place`/`place_by`: where the reasons/comments are.
REPLIES = [
    # ------------------------------------------------------------------ en: `dropdown`
    dict(lang='en', file='MCA_reply_C318.docx', ms=('Malta', 'MLT'),
         head=['MCA'], frm=['Dr Joseph Borg', 'Chief Technology Officer', 'Valletta Waterfront, Pinto Wharf', 'Floriana FRN 1913'],
         email='joseph.borg@mca.org.mt', date_text='7 December 2026', date='2026-12-07', codes=codes('ANAWA'), mark='native',
         place='cell',
         texts={K2: 'Malta cannot support the draft: the sensor calibration intervals in clause 9 are not achievable for '
                    'island networks.',
                K4: 'Table 2 of the amendment should also list the 868 MHz band.'},
         sign=['Joseph Borg'], sender=['header_acronym_only', 'email_domain_only'],
         notes=['each draft\'s drop-down (FORMDROPDOWN) set to the answer', 'reasons and comments typed into the rich-text '
                'content control of the row', 'letterhead in the page header is only "MCA"; the country only in the e-mail '
                'domain (.mt)'], clue='MCA'),
    dict(lang='en', file='IMDA_Singapore_C318.docx', ms=('Singapore', 'SGP'),
         frm=['Ms Tan Wei Ling', 'Director (International)', 'Infocomm Media Development Authority',
              '10 Pasir Panjang Road, #03-01 Mapletree Business City, Singapore 117438'],
         email='tan_wei_ling@imda.gov.sg', date_text='08 Dec 2026', date='2026-12-08', codes=codes('AAWA-'), mark='typed',
         place='bullets',
         texts={K3: 'Clause 6.2 should state the minimum reporting interval.\n'
                    'Annex B should refer to ITU-T Y.4200 for the requirements of the platform.'},
         sign=['Tan Wei Ling'],
         notes=['the drop-down fields deleted and the answer typed in their place ("Authorizes – no comments or proposed changes")',
                'comments as a bulleted list in the row\'s content control', 'Y.SmC-evc: drop-down left at "(choose one)"'],
         clue='Infocomm Media Development Authority'),
    dict(lang='en', file='MoICDE_C318_reply.docx', ms=('Kenya', 'KEN'), mark='sentence', place='letter',
         frm=['Eng. John Kamau', 'Principal Secretary', 'Ministry of Information, Communications and the Digital Economy',
              'Teleposta Towers, Kenyatta Avenue'], email='j.kamau@ict.go.ke', date_text='9th December, 2026',
         date='2026-12-09', codes=codes('AANAA'),
         texts={K3: 'The revised text removes the data-retention limits that our national law requires.'},
         sign=['John Kamau', 'Principal Secretary'], sender=['email_domain_only'],
         notes=['the form\'s drop-downs all left at "(choose one)"', 'the answer in a sentence of the letter above the table: '
                'authorizes all the drafts, no comments, except Y.4459, which it does not authorize', 'reason in the next '
                'paragraph of the letter', 'the country only in the e-mail domain (.ke)'], clue='Ministry of Information, Communications'),
    dict(lang='en', file='Ghana_PM_Geneva_C318.docx', ms=('Ghana', 'GHA'),
         frm=['Mr Kwame Mensah', 'Minister-Counsellor', 'Permanent Mission of the Republic of Ghana to the United Nations Office '
              'and other International Organizations in Geneva', 'Rue de Moillebeau 56, 1209 Geneva'],
         email='kwame.mensah@ghanamission.ch', date_text='10.12.2026', date='2026-12-10', codes=codes('NAAAW'), mark='native',
         place='endnote',
         texts={K1: 'Ghana needs more time to consult the environmental agencies on the sensor framework.',
                K5: 'We propose adding charging-station availability to the data model of clause 7.'},
         sign=['Kwame Mensah'], sender=['permanent_mission'],
         notes=['drop-downs set to the answer', 'reasons and comments in endnotes, the reference after the drop-down',
                'Permanent Mission of Ghana in Geneva: Swiss address'], clue='Permanent Mission of the Republic of Ghana'),
    dict(lang='en', file='Fiji_MoC_C318.docx', ms=('Fiji', 'FJI'),
         frm=['Mr Ratu Seru Vakacegu', 'Permanent Secretary', 'Ministry of Communications', 'Level 3, Suvavou House, Suva, Fiji'],
         email='seru.vakacegu@govnet.gov.fj', date_text='Suva, 4 December 2026', date='2026-12-04', codes=codes('AWAAN'),
         mark='native', place='float',
         texts={K2: 'Please add humidity to the parameters of clause 5.',
                K5: 'Fiji does not support the draft until the charging protocols of Annex A are stable.'},
         sign=['Ratu Seru Vakacegu'],
         notes=['drop-downs set to the answer', 'comments and reasons in a floating text box (square wrapping) at the right '
                'under the table, beside the signature'], clue='Suvavou House'),
    dict(lang='en', file='BOCRA_C318_response.docx', ms=('Botswana', 'BWA'), author='Lesego Molefe',
         frm=['Ms Lesego Molefe', 'Manager, Technical Standards', 'BOCRA', 'Plot 50671 Independence Avenue, Gaborone'],
         email='lmolefe@bocra.org.bw', date_text='December 7, 2026', date='2026-12-07', codes=codes('AAAAA'), mark='native',
         render={K5: '-'}, comment_by={K5: 'Botswana authorizes this draft as well, no comments.'},
         sign=['Lesego Molefe'], sender=['acronym_only'], mark_by={K5: 'comment_only'},
         notes=['drop-downs set to the answer', 'Y.SmC-evc: drop-down left at "(choose one)", the answer only in a Word '
                'comment on the draft\'s name ("Botswana authorizes this draft as well, no comments.")'], clue='BOCRA'),
    dict(lang='en', file='MoITT_Pakistan_318.docx', ms=('Pakistan', 'PAK'),
         frm=['Mr Imran Qureshi', 'Member (Telecom)', 'Ministry of Information Technology and Telecommunication',
              'Evacuee Trust Complex, Agha Khan Road, F-5/1, Islamabad'], email='imran.qureshi@moitt.gov.pk',
         date_text='11-12-2026', date='2026-12-11', codes=codes('ACAAW'), mark='native', render={K2: 'A'}, place='cell',
         texts={K2: 'We cannot support this draft in its present form: the air-quality thresholds in clause 8 are not those '
                    'of the WHO 2021 guidelines.',
                K5: 'Clause 4 should define "semi-public charger".'},
         sign=['Imran Qureshi'], mark_by={K2: 'dropdown_contradicts_text'},
         ambiguous='Y.4231: the drop-down says "Authorizes – no comments" but the reasons cell says Pakistan cannot support it',
         notes=['drop-downs set to the answer; reasons and comments in the row\'s content control',
                'Y.4231: drop-down "Authorizes – no comments or proposed changes", but "We cannot support this draft…" typed in '
                'the reasons cell: contradictory, a person must decide'], clue='Ministry of Information Technology'),
    dict(lang='en', file='ILR_Luxembourg_reply_318.docx', ms=('Luxembourg', 'LUX'), tlang='fr',
         frm=['M. Paul Weber', 'Chef de service Fréquences et normalisation', 'Institut Luxembourgeois de Régulation',
              '17, rue du Fossé, L-1536 Luxembourg'], email='paul.weber@ilr.lu', date_text='le 8 décembre 2026',
         date='2026-12-08', codes=codes('ANAAW'), mark='native', place='page2',
         texts={K2: "Le projet ne traite pas de la protection des données personnelles recueillies par les capteurs.",
                K5: "Nous proposons d'aligner la terminologie sur la Recommandation UIT-T Y.4207."},
         sign=['Paul Weber'], layout=['text_other_language'],
         notes=['English form, drop-downs set to the answer', 'reasons and comments in French on a second page headed '
                '"Motifs et commentaires"'], clue='Institut Luxembourgeois de Régulation'),
    # ------------------------------------------------------------------ fr: `matrix`
    dict(lang='fr', file='ARPCE_Congo_C318.docx', ms=('Congo', 'COG'),
         frm=['M. Yves Castanou', 'Directeur de la normalisation', 'ARPCE', '91 bis, avenue de l\'Amitié, Brazzaville'],
         email='y.castanou@arpce.cg', date_text='Brazzaville, le 7 décembre 2026', date='2026-12-07', codes=codes('AWNAA'),
         mark='native', place='row',
         texts={K2: 'Ajouter au paragraphe 6 les seuils applicables aux particules PM2,5.',
                K3: "La révision supprime le profil minimal dont dépendent nos opérateurs."},
         sign=['Yves Castanou'], sender=['acronym_only', 'acronym_shared_with_other_state'],
         notes=['« X » tapé dans la cellule de la colonne choisie', 'motifs et commentaires dans la dernière ligne du tableau, '
                'précédés du numéro du projet', 'sigle ARPCE (aussi en Algérie), Brazzaville'], clue='Brazzaville'),
    dict(lang='fr', file='ARCEP_Togo_reponse318.docx', ms=('Togo', 'TGO'),
         frm=['Mme Akossiwa Mensah', 'Chef division normalisation', 'ARCEP Togo', '1563, boulevard du 13 janvier, Lomé'],
         email='a.mensah@arcep.tg', date_text='08/12/2026', date='2026-12-08', codes=codes('AAANA'), mark='emoji', emoji=TICK,
         place='page2', texts={K4: "L'amendement modifie le format des messages sans période de transition."},
         sign=['Akossiwa Mensah'], sender=['acronym_shared_with_other_state'],
         notes=['✅ (émoji, police couleur) tapé dans la cellule choisie', 'motif sur une deuxième page « Motifs et commentaires »'],
         clue='Lomé'),
    dict(lang='fr', file='Mission_Senegal_Geneve_C318.docx', ms=('Senegal', 'SEN'),
         frm=['M. Mamadou Ndiaye', 'Premier Conseiller', 'Mission permanente de la République du Sénégal auprès de l\'Office '
              'des Nations Unies à Genève', 'Rue de la Servette 93, 1202 Genève'],
         email='m.ndiaye@mission-senegal.ch', date_text='9 déc. 2026', date='2026-12-09', codes=codes('ANAA-'), mark='oui',
         cell_mark='Oui', place='footnote',
         texts={K2: "Le Sénégal souhaite que les exigences de l'article 8 soient alignées sur les normes de la CEDEAO."},
         sign=['Mamadou Ndiaye'], sender=['permanent_mission'],
         notes=['« Oui » tapé dans la cellule choisie', 'motif en note de bas de page, appel dans la cellule',
                'Y.SmC-evc : ligne laissée vide', 'Mission permanente du Sénégal à Genève'], clue='Mission permanente de la République du Sénégal'),
    dict(lang='fr', file='ARPT_Guinee_318.docx', ms=('Guinea', 'GIN'),
         frm=['M. Sékou Camara', 'Directeur technique', 'ARPT', 'Immeuble ARPT, Kaloum, Conakry'], email='s.camara@arpt.gov.gn',
         date_text='10-12-2026', date='2026-12-10', codes=codes('WAAAA'), mark='shade', place='endnote',
         texts={K1: "Préciser au paragraphe 5.3 la fréquence minimale de mise à jour du cadre de services."},
         sign=['Sékou Camara'], sender=['acronym_only'],
         notes=['cellule choisie ombrée dans une couleur du thème (Accent 6, plus clair), rien tapé',
                'commentaire en note de fin, appel dans la cellule'], clue='Conakry'),
    dict(lang='fr', file='ARCEP_Tchad_C318.docx', ms=('Chad', 'TCD'),
         frm=['M. Abakar Mahamat', 'Chef de service', 'ARCEP', 'BP 5808, N\'Djamena'], email='abakar.mahamat@arcep.td',
         date_text="N'Djamena, le 4 décembre 2026", date='2026-12-04', codes=codes('AACAA'), mark='native', dup={K3: ('A', 'N')},
         sign=['Abakar Mahamat'], sender=['acronym_only', 'acronym_shared_with_other_state'], mark_by={K3: 'duplicated_row'},
         layout=['duplicated_row'], ambiguous='Y.4459: the row pasted twice, X in « Pas de commentaires » in one and in '
                                               "« N'autorise pas » in the other",
         notes=['« X » dans la cellule choisie', 'Y.4459 : la ligne copiée-collée en bas du tableau, X sous « Pas de commentaires » '
                "dans la première et sous « N'autorise pas » dans la copie (conflit)"], clue="N'Djamena"),
    dict(lang='fr', file='ARCT_Burundi_318.docx', ms=('Burundi', 'BDI'),
         frm=['M. Jean-Claude Niyonzima', 'Directeur', 'ARCT', 'Boulevard de l\'Uprona, Bujumbura'], email='jc.niyonzima@arct.gov.bi',
         date_text='le 11/12/2026', date='2026-12-11', codes=codes('ANAWA'), mark='x_lower', cell_mark='x', place='row',
         order=[K5, K4, K1, K2, K3],
         texts={K2: "Le Burundi n'a pas encore les stations de mesure que suppose l'article 7.",
                K4: "Corriger la référence à la norme ISO 15118 dans l'article 2."},
         sign=['Jean-Claude Niyonzima'], sender=['acronym_only'], layout=['rows_reordered'],
         notes=['« x » minuscule tapé dans la cellule', 'lignes du tableau réordonnées (Y.SmC-evc, Y.4113 Amd.1, Y.4612, Y.4231, '
                'Y.4459)', 'motifs et commentaires dans la dernière ligne'], clue='Bujumbura'),
    dict(lang='fr', file='Djibouti_MCTIC_318.docx', ms=('Djibouti', 'DJI'),
         frm=['M. Ahmed Omar', 'Directeur des TIC', "Ministère de la Communication, chargé des Postes et des Télécommunications",
              'Djibouti-ville'], email='ahmed.omar@mcpt.dj', date_text='le 7 décembre 2026', date='2026-12-07',
         codes=codes('AAAAN'), mark='emoji2', emoji=HEAVY, place='row',
         texts={K5: "Djibouti demande que le projet couvre aussi les bornes de recharge à énergie solaire."},
         sign=['Ahmed Omar'],
         notes=['✔️ dans la cellule choisie, ✖️ dans les autres cellules du projet', 'motif dans la dernière ligne'],
         clue='Djibouti-ville'),
    dict(lang='fr', file='ARPCE_Algerie_318.docx', ms=('Algeria', 'DZA'), tlang='ar',
         frm=['M. Karim Benali', 'Directeur de la normalisation', 'ARPCE', '1, rue Kaddour Rahim, Hussein Dey, Alger'],
         email='k.benali@arpce.dz', date_text='Alger, le 09.12.2026', date='2026-12-09', codes=codes('ANAAA'), mark='native',
         place='page2', texts={K2: 'يتطلب المشروع محطات قياس لا تتوفر حالياً لدى الهيئات الوطنية.'},
         sign=['Karim Benali'], sender=['acronym_only', 'acronym_shared_with_other_state'], layout=['text_other_language'],
         notes=['« X » dans la cellule choisie', 'motif en arabe sur une deuxième page « الأسباب والتعليقات »',
                'sigle ARPCE (aussi au Congo), Alger'], clue='Alger'),
    # ------------------------------------------------------------------ es: `numlist`
    dict(lang='es', file='URSEC_Uruguay_C318.docx', ms=('Uruguay', 'URY'),
         frm=['Ing. Martín Pereira', 'Gerente de Ingeniería', 'URSEC', 'Uruguay 988, Montevideo'], email='mpereira@ursec.gub.uy',
         date_text='Montevideo, 7 de diciembre de 2026', date='2026-12-07', codes=codes('ANAWA'), mark='native', place='under',
         texts={K2: 'El proyecto fija umbrales de calidad del aire distintos de los adoptados en la región.',
                K4: 'Se sugiere incluir la banda de 915 MHz en el cuadro 2.'},
         sign=['Martín Pereira'], sender=['acronym_only'],
         notes=['viñeta de las líneas elegidas redefinida como ☒ (Definir nueva viñeta), opción ●', 'motivos y comentarios en un '
                'párrafo bajo la línea'], clue='Montevideo'),
    dict(lang='es', file='ARCOTEL_respuesta318.docx', ms=('Ecuador', 'ECU'),
         frm=['Ing. Daniela Andrade', 'Coordinadora Técnica', 'ARCOTEL', 'Av. Diego de Almagro N31-95, Quito'],
         email='daniela.andrade@arcotel.gob.ec', date_text='08-12-2026', date='2026-12-08', codes=codes('AANAW'), mark='x_after',
         place='under',
         texts={K3: 'La revisión elimina la compatibilidad con los sensores ya desplegados.',
                K5: 'Conviene definir «cargador semipúblico» en la cláusula 3.'},
         sign=['Daniela Andrade'], sender=['acronym_only'],
         notes=['viñetas sin tocar; «x» tecleada al final de la línea elegida (decisión y opción)', 'motivos y comentarios bajo la línea'],
         clue='ARCOTEL'),
    dict(lang='es', file='CONATEL_Honduras_318.docx', ms=('Honduras', 'HND'), author='Revisor – Asesoría Legal',
         frm=['Lic. Carlos Mejía', 'Comisionado', 'CONATEL', 'Edificio CONATEL, Col. Modelo, Comayagüela'],
         email='cmejia@conatel.gob.hn', date_text='9 de diciembre de 2026', date='2026-12-09', codes=codes('NAAAA'),
         mark='tracked_del', place='bullets',
         texts={K1: 'El marco no contempla la interoperabilidad con las plataformas municipales.\n'
                    'Se propone posponer su aprobación hasta la próxima reunión.'},
         sign=['Carlos Mejía'], sender=['acronym_only', 'acronym_shared_with_other_state'], tracked=True,
         notes=['las líneas no elegidas eliminadas por un revisor con control de cambios (w:del, sin aceptar)',
                'motivos en una lista con viñetas bajo la línea', 'CONATEL (también Haití, Venezuela, Paraguay)'], clue='Comayagüela'),
    dict(lang='es', file='SIGET_ElSalvador_C318.docx', ms=('El Salvador', 'SLV'),
         frm=['Ing. Rosa Martínez', 'Gerente de Telecomunicaciones', 'SIGET', '6a. 10a. Calle Poniente, San Salvador'],
         email='rmartinez@siget.gob.sv', date_text='4/12/2026', date='2026-12-04', codes=codes('AWAA-'), mark='dunderline',
         place='footnote', texts={K2: 'Agregar la humedad relativa a los parámetros de la cláusula 5.'},
         sign=['Rosa Martínez'], sender=['acronym_only'],
         notes=['la línea elegida (decisión y opción) subrayada con doble línea', 'comentario en nota al pie',
                'Y.SmC-evc sin respuesta'], clue='San Salvador'),
    dict(lang='es', file='TELCOR_Nicaragua_318.docx', ms=('Nicaragua', 'NIC'),
         frm=['Ing. Luis Ortega', 'Director de Normas', 'TELCOR', 'Edificio TELCOR, Managua'], email='lortega@telcor.gob.ni',
         date_text='10 dic. 2026', date='2026-12-10', codes=codes('AAANA'), mark='emoji', emoji=TICK, place='page2',
         texts={K4: 'La enmienda cambia el formato de los mensajes sin período de transición.'},
         sign=['Luis Ortega'], sender=['acronym_only'],
         notes=['✅ (emoji) tecleado al inicio de la línea elegida', 'motivo en una segunda página «Motivos y comentarios»'],
         clue='Managua'),
    dict(lang='es', file='Mision_Peru_Ginebra_C318.docx', ms=('Peru', 'PER'),
         frm=['Sr. Jorge Vargas', 'Consejero', 'Misión Permanente del Perú ante la Oficina de las Naciones Unidas en Ginebra',
              'Avenue Louis-Casaï 71, 1216 Cointrin'], email='jvargas@onuperu.ch', date_text='7.12.2026', date='2026-12-07',
         codes=codes('WAAAA'), mark='redstrike', place='endnote',
         texts={K1: 'Se sugiere citar la Recomendación UIT-T Y.4200 en la cláusula 2.'},
         sign=['Jorge Vargas'], sender=['permanent_mission'],
         notes=['las líneas no elegidas en rojo y tachadas', 'comentario en una nota al final', 'Misión Permanente del Perú en Ginebra'],
         clue='Misión Permanente del Perú'),
    dict(lang='es', file='GE_Ministerio_Transportes_318.docx', ms=('Equatorial Guinea', 'GNQ'),
         frm=['D. Santiago Nsue', 'Director General de Telecomunicaciones',
              'Ministerio de Transportes, Telecomunicaciones y Sistemas de Inteligencia Artificial', 'Malabo'],
         email='snsue@mttsia.gob.gq', date_text='Malabo, 10-XII-2026', date='2026-12-10', codes=codes('ANAAA'), mark='deleted',
         place='under', texts={K2: 'El proyecto exige estaciones de medición que aún no existen en el país.'},
         sign=['Santiago Nsue'],
         notes=['las líneas no elegidas borradas (sin control de cambios)', 'motivo bajo la línea', 'fecha con el mes en números '
                'romanos'], clue='Malabo'),
    dict(lang='es', file='SUBTEL_Chile_318.docx', ms=('Chile', 'CHL'),
         frm=['Sra. Paula Soto', 'Jefa División Política Regulatoria', 'SUBTEL', 'Amunátegui 139, Santiago'],
         email='psoto@subtel.gob.cl', date_text='11 de diciembre de 2026', date='2026-12-11', codes=codes('ACAAW'), mark='emoji',
         emoji=TICK, render={K2: 'A'}, extra={K2: {'na': 'x'}}, place='under',
         texts={K5: 'Conviene aclarar el alcance de la cláusula 6 respecto de la carga bidireccional.'},
         sign=['Paula Soto'], sender=['acronym_only'], mark_by={K2: 'conflict'},
         ambiguous='Y.4231: ✅ on Autoriza + Sin comentarios, and an "x" typed after No autoriza',
         notes=['✅ tecleado al inicio de la línea elegida', 'Y.4231: ✅ en Autoriza y Sin comentarios, y además una «x» tecleada '
                'tras No autoriza (conflicto)', 'comentario bajo la línea'], clue='SUBTEL'),
    # ------------------------------------------------------------------ ru: `textbox`
    dict(lang='ru', file='Kyrgyzstan_GAS_318.docx', ms=('Kyrgyzstan', 'KGZ'),
         frm=['Айбек Токтогулов', 'Начальник отдела', 'Государственное агентство связи при Кабинете Министров Кыргызской Республики',
              'пр. Чуй, 96, Бишкек'], email='a.toktogulov@nas.gov.kg', date_text='07.12.2026', date='2026-12-07',
         codes=codes('ANAAW'), mark='native', place='under',
         texts={K2: 'Проект устанавливает пороги качества воздуха, отличные от принятых в регионе.',
                K5: 'Предлагаем определить термин «полупубличная зарядная станция».'},
         sign=['Айбек Токтогулов'],
         notes=['форма в текстовом поле; ☐ заменён на ☒, ○ на ●', 'причины и замечания под строкой, в том же текстовом поле'],
         clue='Кыргызской Республики'),
    dict(lang='ru', file='Uzbekistan_MinCIT_C318.docx', ms=('Uzbekistan', 'UZB'),
         frm=['Шерзод Рахимов', 'Главный специалист', 'Министерство цифровых технологий', 'ул. Амира Темура, 4, Ташкент'],
         email='sh.rakhimov@digital.uz', date_text='8 декабря 2026 г.', date='2026-12-08', codes=codes('AAWAA'), mark='wavy',
         place='page2', texts={K3: 'В пункте 6.2 следует указать минимальный интервал передачи данных.'},
         sign=['Шерзод Рахимов'],
         notes=['флажки пустые; выбранные строки (решение и вариант) подчёркнуты волнистой линией',
                'замечание на второй странице «Причины и замечания»'], clue='Ташкент'),
    dict(lang='ru', file='Armenia_MHTI_318.docx', ms=('Armenia', 'ARM'),
         frm=['Арам Саргсян', 'Начальник управления', 'Министерство высокотехнологической промышленности', 'пл. Республики, Ереван'],
         email='a.sargsyan@mineconomy.am', date_text='«9» декабря 2026', date='2026-12-09', codes=codes('NAAAA'), mark='emoji',
         emoji=HEAVY, place='bullets',
         texts={K1: 'Рамочная структура не учитывает муниципальные платформы.\nПредлагаем отложить утверждение.'},
         sign=['Арам Саргсян'],
         notes=['✔️ (эмодзи) вместо флажка выбранной строки', 'причины маркированным списком под строкой'], clue='Ереван'),
    dict(lang='ru', file='Tajikistan_SAS_C318.docx', ms=('Tajikistan', 'TJK'),
         frm=['Фаррух Назаров', 'Заместитель директора', 'Служба связи при Правительстве Республики Таджикистан',
              'ул. Рудаки, 57, Душанбе'], email='f.nazarov@khs.tj', date_text='10.XII.2026', date='2026-12-10',
         codes=codes('AANA-'), mark='shade', place='float',
         texts={K3: 'Пересмотренный текст не совместим с уже установленными датчиками.'},
         sign=['Фаррух Назаров'],
         notes=['флажки пустые; выбранные строки залиты цветом темы (Акцент 6, светлее)', 'причина в плавающем текстовом поле рядом с подписью',
                'Y.SmC-evc без ответа', 'месяц римскими цифрами'], clue='Республики Таджикистан'),
    dict(lang='ru', file='PP_Azerbaijan_Geneva_318.docx', ms=('Azerbaijan', 'AZE'),
         frm=['Эльчин Алиев', 'Советник', 'Постоянное представительство Азербайджанской Республики при Отделении ООН в Женеве',
              'Avenue de Budé 5, 1202 Genève'], email='e.aliyev@azmission.ch', date_text='04.12.2026 г.', date='2026-12-04',
         codes=codes('AWAAA'), mark='x_after', x_char='Х', place='ps',
         texts={K2: 'Просим добавить влажность в перечень параметров пункта 5.'},
         sign=['Эльчин Алиев'], sender=['permanent_mission'],
         notes=['флажки пустые; кириллическая «Х» напечатана после выбранной строки', 'замечание в постскриптуме (P.S.) после подписи',
                'Постоянное представительство Азербайджана в Женеве'], clue='Азербайджанской Республики'),
    dict(lang='ru', file='Mincifry_Rossii_318.docx', ms=('Russian Federation', 'RUS'),
         frm=['Дмитрий Орлов', 'Заместитель директора департамента',
              'Министерство цифрового развития, связи и массовых коммуникаций Российской Федерации',
              'Пресненская наб., 10, стр. 2, Москва'], email='d.orlov@digital.gov.ru', date_text='07 декабря 2026 года',
         date='2026-12-07', codes=codes('AAANA'), mark='cc_custom', place='under',
         texts={K4: 'Поправка меняет формат сообщений без переходного периода.'},
         sign=['Дмитрий Орлов'],
         notes=['☐ заменён флажком-элементом управления содержимым с символом ✓ (Segoe UI Symbol)', 'причина под строкой'],
         clue='Российской Федерации'),
    dict(lang='ru', file='ComCom_C318.docx', ms=('Georgia', 'GEO'), tlang='en', author='Legal Department',
         head=['ComCom'], frm=['Mr Giorgi Beridze', 'Head of Standards Division', '2 Ketevan Tsamebuli Ave., Tbilisi 0103'],
         email='g.beridze@comcom.ge', date_text='8 December 2026', date='2026-12-08', codes=codes('ANAAA'), mark='tracked_del',
         place='under', texts={K2: 'The draft requires monitoring stations that Georgia does not operate yet.'},
         sign=['Giorgi Beridze'], sender=['header_acronym_only'], layout=['text_other_language'], tracked=True,
         notes=['the lines not chosen deleted by a reviewer under Track Changes (w:del, not accepted)',
                'reason in English under the line (Russian form)', 'only "ComCom" in the page header; Tbilisi'], clue='Tbilisi'),
    dict(lang='ru', file='Kazakhstan_MTsRIAP_318.docx', ms=('Kazakhstan', 'KAZ'), author='Ержан Сейткали',
         frm=['Ержан Сейткали', 'Директор департамента',
              'Министерство цифрового развития, инноваций и аэрокосмической промышленности Республики Казахстан',
              'пр. Мангилик Ел, 55/5, Астана'], email='e.seitkali@mdai.gov.kz', date_text='11.12.2026', date='2026-12-11',
         codes=codes('CAAWA'), mark='native', render={K1: 'A'},
         comment_by={K1: 'После обсуждения с операторами мы не можем поддержать этот проект.'}, place='under',
         texts={K4: 'Следует также исправить таблицу 2.'},
         sign=['Ержан Сейткали'], mark_by={K1: 'comment_contradicts_box'},
         ambiguous='Y.4612: ☒ Уполномочивает + ● Нет замечаний, but a Word comment on the draft says it cannot be supported',
         notes=['☐ заменён на ☒, ○ на ●', 'Y.4612: отмечено «Уполномочивает» и «Нет замечаний», но в примечании Word к проекту: '
                '«После обсуждения … мы не можем поддержать этот проект» (решает человек)', 'замечание под строкой'],
         clue='Республики Казахстан'),
    # ------------------------------------------------------------------ ar: `landscape`
    dict(lang='ar', file='TRA_Oman_C318.docx', ms=('Oman', 'OMN'),
         frm=['م. سالم البلوشي', 'مدير دائرة المعايير', 'هيئة تنظيم الاتصالات', 'مسقط، سلطنة عُمان'], email='s.albalushi@tra.gov.om',
         date_text='١٠/١٢/٢٠٢٦', date='2026-12-10', codes=codes('ANAAW'), mark='native', place='under',
         texts={K2: 'يحدد المشروع عتبات لجودة الهواء تختلف عن المعتمدة في المنطقة.', K5: 'نقترح تعريف مصطلح «الشاحن شبه العام».'},
         sign=['سالم البلوشي'],
         notes=['☐ استبدل بـ ☒؛ تعداد الخيار المختار أعيد تعريفه ●', 'السبب والتعليق تحت السطر', 'التاريخ بالأرقام الهندية'],
         clue='سلطنة عُمان'),
    dict(lang='ar', file='TRC_Jordan_318.docx', ms=('Jordan', 'JOR'),
         frm=['م. ليلى الخطيب', 'مديرة المعايير', 'هيئة تنظيم قطاع الاتصالات', 'عمّان، الأردن'], email='l.khatib@trc.gov.jo',
         date_text='٨ ديسمبر ٢٠٢٦', date='2026-12-08', codes=codes('AANAA'), mark='emoji', emoji=TICK, place='float',
         texts={K3: 'النص المنقح لا يتوافق مع أجهزة الاستشعار المركبة حالياً.'},
         sign=['ليلى الخطيب'],
         notes=['✅ (رمز تعبيري) مكان الخانة المختارة', 'السبب في مربع نص عائم بجانب التوقيع'], clue='الأردن'),
    dict(lang='ar', file='CITRA_Kuwait_C318.docx', ms=('Kuwait', 'KWT'),
         frm=['م. فهد العنزي', 'مدير إدارة المعايير', 'CITRA', 'مدينة الكويت'], email='f.alenezi@citra.gov.kw',
         date_text='2026/12/07', date='2026-12-07', codes=codes('WAAAA'), mark='x_after', place='footnote',
         texts={K1: 'نقترح الإشارة إلى التوصية ITU-T Y.4200 في البند 2.'},
         sign=['فهد العنزي'], sender=['acronym_only'],
         notes=['الخانات فارغة؛ «x» مكتوبة بعد السطر المختار', 'التعليق في حاشية'], clue='CITRA'),
    dict(lang='ar', file='CRA_Qatar_318.docx', ms=('Qatar', 'QAT'), tlang='en',
         frm=['م. خالد الكواري', 'مدير الشؤون التقنية', 'هيئة تنظيم الاتصالات', 'الدوحة، قطر'], email='k.alkuwari@cra.gov.qa',
         date_text='9 ديسمبر 2026', date='2026-12-09', codes=codes('AAAAN'), mark='hl', hl_color='green', place='page2',
         texts={K5: 'Qatar considers that the draft should first address the cybersecurity of charging stations.'},
         sign=['خالد الكواري'], layout=['text_other_language'],
         notes=['الخانات فارغة؛ السطر المختار مظلل بالأخضر', 'السبب بالإنجليزية في صفحة ثانية "Reasons and comments"'],
         clue='قطر'),
    dict(lang='ar', file='TRA_Bahrain_C318.docx', ms=('Bahrain', 'BHR'),
         frm=['م. نورة الدوسري', 'رئيسة قسم المعايير', 'TRA', 'المنامة'], email='n.aldosari@tra.org.bh', date_text='٤ / ١٢ / ٢٠٢٦',
         date='2026-12-04', codes=codes('ANA-A'), mark='shade', place='bullets',
         texts={K2: 'لا تتوفر لدينا محطات القياس التي يفترضها البند 7.\nنقترح تأجيل الموافقة.'},
         sign=['نورة الدوسري'], sender=['acronym_only', 'acronym_shared_with_other_state'],
         notes=['الخانات فارغة؛ السطر المختار مظلل بلون السمة', 'الأسباب قائمة نقطية تحت السطر', 'Y.4113 Amd.1 بلا رد',
                'TRA (أيضاً عُمان)، المنامة'], clue='المنامة'),
    dict(lang='ar', file='Libya_GPTC_318.docx', ms=('Libya', 'LBY'),
         frm=['م. عمر الشريف', 'مدير إدارة التقييس', 'الهيئة العامة للاتصالات والمعلوماتية', 'طرابلس، ليبيا'],
         email='o.elsharif@gptc.gov.ly', date_text='١١ ديسمبر ٢٠٢٦', date='2026-12-11', codes=codes('NAAAA'), mark='redstrike',
         place='endnote', texts={K1: 'الإطار لا يراعي المنصات البلدية القائمة.'},
         sign=['عمر الشريف'],
         notes=['الأسطر غير المختارة باللون الأحمر مشطوبة', 'السبب في تعليق ختامي'], clue='ليبيا'),
    dict(lang='ar', file='Somalia_Mission_Geneva_318.docx', ms=('Somalia', 'SOM'),
         frm=['السيد عبد الله محمد', 'مستشار', 'البعثة الدائمة لجمهورية الصومال الفيدرالية لدى مكتب الأمم المتحدة في جنيف',
              'Rue de Lausanne 67, 1202 Genève'], email='a.mohamed@somaliamission.ch', date_text='7 ديسمبر 2026',
         date='2026-12-07', codes=codes('AAWAA'), mark='cc_custom', place='under',
         texts={K3: 'يرجى تحديد الحد الأدنى لفترة الإبلاغ في البند 6.2.'},
         sign=['عبد الله محمد'], sender=['permanent_mission'],
         notes=['☐ استبدل بخانة تحكم في المحتوى رمزها ✓', 'التعليق تحت السطر', 'البعثة الدائمة للصومال في جنيف'],
         clue='البعثة الدائمة لجمهورية الصومال'),
    dict(lang='ar', file='Syria_MoCT_C318.docx', ms=('Syrian Arab Republic', 'SYR'),
         frm=['م. رامي حداد', 'مدير المعايير', 'وزارة الاتصالات والتقانة', 'دمشق'], email='r.haddad@moct.gov.sy',
         date_text='٩/١٢/٢٠٢٦', date='2026-12-09', codes=codes('AACAN'), mark='emoji', emoji=TICK, render={K3: 'A'},
         extra={K3: {'na': 'hl'}}, place='under', texts={K5: 'يتطلب المشروع بروتوكولات شحن لم تستقر بعد.'},
         sign=['رامي حداد'], mark_by={K3: 'conflict'},
         ambiguous='Y.4459: ✅ on تأذن + لا توجد تعليقات, and the لا تأذن line highlighted yellow',
         notes=['✅ مكان الخانة المختارة', 'Y.4459: ✅ على «تأذن» و«لا توجد تعليقات» وسطر «لا تأذن» مظلل بالأصفر (تعارض)',
                'السبب تحت السطر'], clue='دمشق'),
    # ------------------------------------------------------------------ zh: `twocol`
    dict(lang='zh', file='MIIT_China_C318.docx', ms=('China', 'CHN'),
         frm=['王明', '标准处处长', '中华人民共和国工业和信息化部', '北京市西长安街13号'], email='wangming@miit.gov.cn',
         date_text='2026年12月7日', date='2026-12-07', codes=codes('ANAWA'), mark='native', place='under',
         texts={K2: '该草案规定的空气质量阈值与本地区采用的阈值不同。', K4: '建议在表2中加入470 MHz频段。'},
         sign=['王明'],
         notes=['内容控件复选框已勾选（自定义选中符号 ✔）', '理由和意见写在该行下面'], clue='工业和信息化部'),
    dict(lang='zh', file='MCMC_Malaysia_318.docx', ms=('Malaysia', 'MYS'), tlang='en',
         frm=['Encik Ahmad Faizal', 'Head, Technical Standards', 'MCMC', 'MCMC Tower 1, Jalan Impact, Cyber 6, 63000 Cyberjaya'],
         email='faizal@mcmc.gov.my', date_text='8/12/2026', date='2026-12-08', codes=codes('AANAA'), mark='emoji', emoji=TICK,
         place='page2', texts={K3: 'The revision drops compatibility with the sensors already deployed in our cities.'},
         sign=['Ahmad Faizal'], sender=['acronym_only'], layout=['text_other_language'],
         notes=['复选框旁边键入 ✅（表情符号），复选框未勾选', 'reason in English on a second page "Reasons and comments"'],
         clue='Cyberjaya'),
    dict(lang='zh', file='Lao_MTC_C318.docx', ms=("Lao People's Democratic Republic", 'LAO'),
         frm=['Somphone Keomany', '标准司司长', '老挝邮电通信部', '万象'], email='somphone.k@mtc.gov.la',
         date_text='2026.12.09', date='2026-12-09', codes=codes('WAAAA'), mark='x_after', x_char='（是）', place='endnote',
         texts={K1: '建议在第2条中引用ITU-T Y.4200建议书。'},
         sign=['Somphone Keomany'],
         notes=['复选框未勾选；在所选行末尾键入“（是）”', '意见写在尾注中', '国家仅见于部名（老挝）和电子邮件域名'],
         clue='老挝邮电通信部'),
    dict(lang='zh', file='TRC_Cambodia_318.docx', ms=('Cambodia', 'KHM'),
         frm=['Sok Dara', '技术司副司长', '柬埔寨电信监管机构', '金边'], email='sokdara@trc.gov.kh', date_text='二〇二六年十二月十日',
         date='2026-12-10', codes=codes('AAAN-'), mark='wavy', place='bullets',
         texts={K4: '该修正未设过渡期即改变消息格式。\n建议推迟批准。'},
         sign=['Sok Dara'],
         notes=['复选框未勾选；所选行加波浪下划线', '理由以项目符号列表写在该行下面', 'Y.SmC-evc 未答复', '日期用汉字数字'],
         clue='柬埔寨电信监管机构'),
    dict(lang='zh', file='MIC_VietNam_C318.docx', ms=('Viet Nam', 'VNM'),
         frm=['Nguyễn Văn Hùng', '科技司副司长', '越南信息和传媒部', '河内市阮攸街18号'], email='nvhung@mic.gov.vn',
         date_text='2026-12-04', date='2026-12-04', codes=codes('ANAAA'), mark='hl', place='footnote',
         texts={K2: '本国尚无第7条所要求的监测站。'},
         sign=['Nguyễn Văn Hùng'],
         notes=['复选框未勾选；所选行以黄色突出显示', '理由写在脚注中'], clue='越南信息和传媒部'),
    dict(lang='zh', file='NBTC_Thailand_318.docx', ms=('Thailand', 'THA'), author='NBTC Legal Office',
         frm=['Dr. Somchai Prasert', '标准处处长', 'NBTC', '87 Phahonyothin 8, Bangkok 10400'], email='somchai.p@nbtc.go.th',
         date_text='2026年12月8日', date='2026-12-08', codes=codes('AAWAA'), mark='tracked_del', place='float',
         texts={K3: '建议在第6.2条中规定最短上报间隔。'},
         sign=['Somchai Prasert'], sender=['acronym_only'], tracked=True,
         notes=['未选的行由审阅者以修订方式删除（w:del，未接受），复选框未勾选', '意见写在签名旁的浮动文本框中'],
         clue='Bangkok'),
    dict(lang='zh', file='AITI_Brunei_C318.docx', ms=('Brunei Darussalam', 'BRN'),
         frm=['Hajah Noraini', '技术标准主管', 'AITI', 'Block B14, Simpang 32-5, Kampung Anggerek Desa, BB3713'],
         email='noraini@aiti.gov.bn', date_text='2026年12月11日', date='2026-12-11', codes=codes('NAAAA'), mark='redstrike',
         place='under', texts={K1: '该框架未考虑现有的市政平台。'},
         sign=['Hajah Noraini'], sender=['acronym_only', 'email_domain_only'],
         notes=['复选框未勾选；未选的行改为红色并加删除线', '理由写在该行下面', '国家仅见于电子邮件域名（.bn）'], clue='AITI'),
    dict(lang='zh', file='PTD_Myanmar_318.docx', ms=('Myanmar', 'MMR'),
         frm=['U Kyaw Min', '副司长', '缅甸邮电司', '内比都'], email='kyawmin@ptd.gov.mm', date_text='2026年12月9日',
         date='2026-12-09', codes=codes('ACAAW'), mark='native', render={K2: 'A'}, extra={K2: {'na': 'hl'}}, place='under',
         texts={K5: '建议澄清第6条关于双向充电的范围。'},
         sign=['U Kyaw Min'], mark_by={K2: 'conflict'},
         ambiguous='Y.4231: content controls checked on 授权 + 无意见, and the 不授权 line highlighted yellow',
         notes=['内容控件复选框已勾选', 'Y.4231：勾选“授权”和“无意见”，但“不授权”一行以黄色突出显示（需人工判断）',
                '意见写在该行下面'], clue='缅甸邮电司'),
]


EVIDENCE = {'native': {'en': 'text', 'fr': 'text', 'es': 'glyph', 'ru': 'glyph', 'ar': 'glyph', 'zh': 'content_control'},
            'typed': 'text', 'sentence': 'text', 'x_after': 'text', 'oui': 'text', 'x_lower': 'text', 'emoji': 'glyph',
            'emoji2': 'glyph', 'cc_custom': 'content_control', 'wavy': 'highlight', 'dunderline': 'highlight', 'hl': 'highlight',
            'shade': 'highlight', 'redstrike': 'highlight', 'grey': 'highlight', 'deleted': 'deletion', 'tracked_del': 'deletion'}
NATIVE = {'en': 'dropdown', 'fr': 'x_in_cell', 'es': 'bullet_redefined', 'ru': 'glyph', 'ar': 'glyph', 'zh': 'cc_custom_symbol'}


def evidence(r, key, code):
    if code == '-':
        return 'none'
    if r.get('render', {}).get(key) == '-':
        return 'text'  # the answer only in a Word comment
    e = EVIDENCE[r.get('mark', 'native')]
    return e[r['lang']] if isinstance(e, dict) else e


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
        if c in '-U' or r.get('render', {}).get(key) == '-':
            a['warn'] = True
        answers.append(a)
    places = sorted({r.get('place_by', {}).get(k, r.get('place', 'under')) for k in KEYS if r['codes'][k] in 'NW'}) or ['none']
    layout = ['form=' + LAYOUT[r['lang']]] + r.get('layout', [])
    mark = r.get('mark', 'native')
    if mark == 'native':
        mark = 'native:' + NATIVE[r['lang']]
    mark_by = dict(r.get('mark_by', {}))
    for key in KEYS:
        c = r['codes'][key]
        if c == 'C' and key not in mark_by:
            mark_by[key] = 'conflict'
        if c == '-':
            mark_by[key] = 'not_in_letter' if r.get('mark') == 'sentence' else 'left_blank'
    opt = 'words' if r.get('mark') in ('sentence', 'typed') else 'same'
    return {
        'source': 'replies/' + r['file'], 'sha256': sha, 'language': r['lang'], 'text_language': r.get('tlang', r['lang']),
        'member_state': {'name': r['ms'][0], 'iso3': r['ms'][1]}, 'date': r['date'], 'date_as_written': r['date_text'],
        'superseded_by': None, 'late': False,
        'answers': answers, 'notes': r['notes'],
        'habits': {'mark': mark, 'mark_by': mark_by, 'options': opt, 'text_places': places, 'layout': layout,
                   'sender': r.get('sender', [])},
        'render_clue': r['clue'], 'tracked_changes': bool(r.get('tracked')), 'libreoffice_resaved': False,
        'ambiguous': r.get('ambiguous'),
    }


def sentence_body(r):
    """The letter's sentence (mark `sentence`): all authorized except the drafts answered otherwise."""
    n = [k for k in KEYS if r['codes'][k] == 'N']
    s = (f'The Ministry authorizes Study Group {SG} to consider for approval all the draft texts listed in TSB Circular '
         f'{CIRCULAR}, with no comments or proposed changes, except draft revised Recommendation ITU-T '
         + ', '.join(n) + ', which it does not authorize, for the reason given below.')
    return [s] + [r['texts'][k] for k in n]


def expected(truths):
    desc = (f'Replies to TSB Circular {CIRCULAR} (Study Group {SG}): the fifth hold-out set, made by '
            'scripts/make-habits5-fixtures.py without reading the reader; sources are relative to tests/fixtures/habits5/. '
            'Blank form layouts none of the earlier sets had (en: a FORMDROPDOWN per draft and a content control for the '
            'reasons; fr: drafts as rows, decisions as columns under a merged two-row header, the empty cell is the box; es: '
            'list paragraphs whose bullet is the box; ru: the usual table inside a text box; ar: the table in a landscape '
            'section, options as a bulleted list; zh: a two-column section of content-control boxes with a custom checked '
            'symbol ✔), and habits none of the earlier sets had. Every file checked by rendering it '
            '(scripts/check-habits5-fixtures.py). "evidence" is the mechanism a person would name (not scored). "warn": true '
            'marks answers a reader should warn about; "decide": true those a person must decide (decision "conflict": the '
            'page says two contradictory things; "ambiguous" says what). No late or superseded replies (deadline ' + DEADLINE + ').')
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
            shown = r.get('render', {}).get(k, r['codes'][k])
            assert (r['codes'][k] in 'NW' or shown in 'NW') == bool(r.get('texts', {}).get(k)) or r['codes'][k] == 'C', (r['file'], k)
        if r.get('mark') == 'sentence':
            r = dict(r, body=sentence_body(r))
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
    with open(os.path.join(ROOT, 'tests', 'fixtures', 'habits5_expected.json'), 'w', encoding='utf-8') as f:
        json.dump(exp, f, ensure_ascii=False, indent=1)
        f.write('\n')
    write_readme(truths, exp['tallies'])
    print(f'{len(truths)} replies ({per_lang}), {len(LANGS)} blank forms in {OUT}')


CODE = {('authorize', 'no_comments'): 'A', ('authorize', 'with_comments'): 'A+c', ('authorize', 'unspecified'): 'A?',
        ('not_authorize', None): 'N', ('conflict', None): 'C!', ('no_reply', None): '–'}

README_HEAD = f"""# Habits 5: replies to TSB Circular {CIRCULAR} (Study Group {SG})

The fifth hold-out set, built without reading the reader (FORM.md, CONTRACT.md, the practice set and the earlier
sets' READMEs, truth and generators only), by `python3 scripts/make-habits5-fixtures.py`; checked by rendering with
`python3 scripts/check-habits5-fixtures.py` (LibreOffice → PDF → pdftotext, PNGs looked at); scored with
`python3 scripts/score-habits.py --set habits5` (the truth's `deadline` is passed as `--deadline`; no reply is late).

None of the earlier sets' habits is the habit under test here: a FORMDROPDOWN set to the answer, or deleted and the
answer typed over it; the answer only in the letter's sentence ("authorizes all … except …") or only in a Word comment;
"x" (or a Cyrillic "Х", or "（是）") typed after the label; ✅ / ✔️ emoji, ✔️ on the chosen cell and ✖️ on the others; a list
bullet redefined as ☒; a content-control box whose checked symbol is ✓ or ✔; wavy or double underline; a theme-colour
shading; the lines not chosen in red and struck through, deleted outright, or deleted by a reviewer under Track Changes
(w:del, not accepted); "Oui" or a lowercase "x" in a matrix cell, or the cell only shaded; a draft row pasted twice with
two answers; rows reordered; reasons in endnotes, footnotes, a floating text box, a bulleted list, a second page, in
another language than the form's; the Member State only in a page header's acronym, or only in an e-mail domain;
Permanent Missions; dates in Arabic-Indic digits, Chinese numerals, Roman-numeral months.

- `forms/blank_circ{CIRCULAR}_{{en,fr,es,ru,ar,zh}}.docx`: the blank form, a layout per language none of the earlier sets had:
  - `en` (`dropdown`): one row per draft: Draft | Position (a FORMDROPDOWN field: "(choose one)" and the three answers) |
    Reasons / comments (a rich-text content control showing its placeholder "Click or tap here to enter text.");
  - `fr` (`matrix`): one table, drafts as rows, decisions as columns under a merged two-row header (Autorise over its
    two options | N'autorise pas); the empty bordered cell is the box; a last row "Motifs et commentaires";
  - `es` (`numlist`): no table: the lines are list paragraphs (w:numPr) whose bullet is the box: ☐ for the decisions
    (level 0), ○ for the options (level 1);
  - `ru` (`textbox`): the usual table (draft cell merged down, two rows a draft) inside a text box (DrawingML with a VML
    fallback) on a page of its own; boxes ☐, options ○;
  - `ar` (`landscape`): right to left; the table in a landscape section of its own between two portrait ones; the
    options a bulleted list (bullet ○ from numbering.xml) under the box ☐;
  - `zh` (`twocol`): no table: a two-column continuous section; every line a content-control check box whose checked
    symbol is ✔ (U+2714, Segoe UI Symbol), not the usual ☒.
- `replies/`: 48 files, 48 Member States, 8 per form language.
- `../habits5_expected.json`: the truth (the shape of habits4_expected.json), with the tally.

Drafts: Y.4612 (Y.IoT-esf) and Y.4231 (Y.UC-aqm), new; Y.4459, revised; Y.4113 Amd.1, an amendment; Y.SmC-evc,
new, known only by its provisional name. Deadline {DEADLINE}.

Replies a person must decide (truth `conflict`, `decide`: true, `ambiguous` says why): `MoITT_Pakistan_318` (drop-down
says authorize, reasons cell says it cannot be supported), `ARCEP_Tchad_C318` (row pasted twice, two answers),
`SUBTEL_Chile_318` (✅ on authorize and an "x" after does not authorize), `Kazakhstan_MTsRIAP_318` (boxes say authorize,
a Word comment says it cannot be supported), `Syria_MoCT_C318` and `PTD_Myanmar_318` (authorize marked, the
does-not-authorize line highlighted). `BOCRA_C318_response`: Y.SmC-evc answered only in a Word comment (truth:
authorize, `warn`).

Checked: `python3 scripts/check-habits5-fixtures.py` renders the 6 forms and 48 replies (LibreOffice 7.4) and passes
(marks counted per draft where they are characters or words — drop-down entries, ☒ ● ✔ ✓ ✅ ✔️ ✖️, "X" "x" "Oui" "Х"
"（是）", the key words left after deletions —, formatting marks counted in document.xml, every reason line on the page,
Word-comment text only in comments.xml); the PNGs of the forms and of the replies with text boxes, content controls,
tracked deletions, shading and emoji were looked at. First run of replytally: `SCORES-first-run.md`.

Rendering notes: this machine has no colour emoji font, so LibreOffice draws ✅ / ✔️ / ✖️ with a fallback glyph (the
text layer keeps the code points); Word shows them in Segoe UI Emoji. Tracked deletions are shown struck through by
LibreOffice (changes shown), as Word does in "All Markup".

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
