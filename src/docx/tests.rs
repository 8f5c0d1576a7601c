//! Unit tests of the WordprocessingML reader on small XML snippets, one rule each.

use super::model::*;
use super::*;

const NS: &str = r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" xmlns:v="urn:schemas-microsoft-com:vml" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships""#;

fn doc(body: &str) -> Document {
    let xml =
        format!(r#"<?xml version="1.0"?><w:document {NS}><w:body>{body}</w:body></w:document>"#);
    parse_document_xml(xml.as_bytes()).unwrap_or_else(|e| panic!("{e}\n{xml}"))
}

fn marks(d: &Document) -> Vec<Checkbox> {
    placed_marks(d).into_iter().map(|m| m.checkbox).collect()
}

fn states(d: &Document) -> Vec<(Mechanism, Option<bool>)> {
    marks(d)
        .into_iter()
        .map(|c| (c.mechanism, c.checked))
        .collect()
}

/// The states of the marks, all made by `mechanism` (asserted).
fn all_by(d: &Document, mechanism: Mechanism) -> Vec<Option<bool>> {
    let states = states(d);
    assert!(states.iter().all(|(m, _)| *m == mechanism), "{states:?}");
    states.into_iter().map(|(_, checked)| checked).collect()
}

fn legacy(ff: &str) -> String {
    format!(
        r#"<w:p><w:r><w:fldChar w:fldCharType="begin"><w:ffData><w:name w:val="Check1"/><w:enabled/><w:calcOnExit w:val="0"/><w:checkBox><w:sizeAuto/>{ff}</w:checkBox></w:ffData></w:fldChar></w:r><w:r><w:instrText xml:space="preserve"> FORMCHECKBOX </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>RESULT</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r><w:r><w:t xml:space="preserve"> Authorizes</w:t></w:r></w:p>"#
    )
}

fn legacy_state(ff: &str) -> Option<bool> {
    let d = doc(&legacy(ff));
    let m = marks(&d);
    assert_eq!(m.len(), 1, "{ff}");
    assert_eq!(m[0].mechanism, Mechanism::LegacyCheckbox);
    // Neither the instruction nor the FORMCHECKBOX result is text.
    assert_eq!(d.paragraphs()[0].text(), " Authorizes");
    m[0].checked
}

fn cc(checked: &str, glyph: &str) -> String {
    format!(
        r#"<w:p><w:sdt><w:sdtPr><w:id w:val="1"/><w14:checkbox>{checked}<w14:checkedState w14:val="2612" w14:font="MS Gothic"/><w14:uncheckedState w14:val="2610" w14:font="MS Gothic"/></w14:checkbox></w:sdtPr><w:sdtContent><w:r><w:rPr><w:rFonts w:ascii="MS Gothic" w:hAnsi="MS Gothic"/></w:rPr><w:t>{glyph}</w:t></w:r></w:sdtContent></w:sdt><w:r><w:t xml:space="preserve"> Authorizes</w:t></w:r></w:p>"#
    )
}

#[test]
fn legacy_checked_rules() {
    assert_eq!(
        legacy_state(r#"<w:default w:val="1"/><w:checked w:val="0"/>"#),
        Some(false)
    );
    assert_eq!(
        legacy_state(r#"<w:default w:val="0"/><w:checked/>"#),
        Some(true)
    );
    assert_eq!(legacy_state(r#"<w:checked/>"#), Some(true));
    assert_eq!(legacy_state(r#"<w:checked w:val="true"/>"#), Some(true));
    assert_eq!(legacy_state(r#"<w:checked w:val="on"/>"#), Some(true));
    assert_eq!(legacy_state(r#"<w:checked w:val="off"/>"#), Some(false));
    assert_eq!(legacy_state(r#"<w:checked w:val="false"/>"#), Some(false));
    assert_eq!(legacy_state(r#"<w:default w:val="1"/>"#), Some(true));
    assert_eq!(legacy_state(r#"<w:default w:val="true"/>"#), Some(true));
    assert_eq!(legacy_state(r#"<w:default w:val="0"/>"#), Some(false));
    assert_eq!(legacy_state(r#"<w:default/>"#), Some(true));
    assert_eq!(legacy_state(""), Some(false));
}

#[test]
fn legacy_detail_says_what_was_seen() {
    let d = doc(&legacy(r#"<w:default w:val="1"/><w:checked w:val="0"/>"#));
    assert_eq!(
        marks(&d)[0].detail,
        r#"w:checked w:val="0", w:default w:val="1""#
    );
}

#[test]
fn field_without_separate_and_nested_fields() {
    // No `separate`: nothing between begin and end is text.
    let xml = r#"<w:p><w:r><w:fldChar w:fldCharType="begin"><w:ffData><w:checkBox><w:default w:val="1"/></w:checkBox></w:ffData></w:fldChar></w:r><w:r><w:instrText>FORMCHECKBOX</w:instrText></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r><w:r><w:t>after</w:t></w:r></w:p>"#;
    let d = doc(xml);
    assert_eq!(states(&d), vec![(Mechanism::LegacyCheckbox, Some(true))]);
    assert_eq!(d.paragraphs()[0].text(), "after");
    // A nested field in the result of another: results are text, instructions are not.
    let xml = r#"<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>IF 1 = 1 "</w:instrText></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>DATE</w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>inner</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>outer</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>"#;
    assert_eq!(doc(xml).paragraphs()[0].text(), "outer");
    // Text (FORMTEXT) results are kept.
    let xml = r#"<w:p><w:r><w:fldChar w:fldCharType="begin"><w:ffData><w:textInput/></w:ffData></w:fldChar></w:r><w:r><w:instrText> FORMTEXT </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>Germany</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>"#;
    let d = doc(xml);
    assert_eq!(d.paragraphs()[0].text(), "Germany");
    assert!(marks(&d).is_empty());
}

#[test]
fn fld_simple_contents_read() {
    let d = doc(
        r#"<w:p><w:fldSimple w:instr=" DOCPROPERTY Country "><w:r><w:t>France</w:t></w:r></w:fldSimple></w:p>"#,
    );
    assert_eq!(d.paragraphs()[0].text(), "France");
}

#[test]
fn content_control_value_is_the_truth() {
    // w14:checked=1 while the glyph still shows ☐: checked, and the glyph is no extra mark.
    let d = doc(&cc(r#"<w14:checked w14:val="1"/>"#, "☐"));
    assert_eq!(states(&d), vec![(Mechanism::ContentControl, Some(true))]);
    assert_eq!(d.paragraphs()[0].text(), " Authorizes");
    let d = doc(&cc(r#"<w14:checked w14:val="0"/>"#, "☒"));
    assert_eq!(states(&d), vec![(Mechanism::ContentControl, Some(false))]);
    // Missing w14:checked: unchecked.
    let d = doc(&cc("", "☐"));
    assert_eq!(states(&d), vec![(Mechanism::ContentControl, Some(false))]);
    // LibreOffice writes the value in the w: namespace.
    let d = doc(&cc(r#"<w14:checked w:val="1"/>"#, "☒"));
    assert_eq!(states(&d), vec![(Mechanism::ContentControl, Some(true))]);
}

#[test]
fn content_control_keeps_other_text() {
    let xml = r#"<w:p><w:sdt><w:sdtPr><w14:checkbox><w14:checked w14:val="1"/></w14:checkbox></w:sdtPr><w:sdtContent><w:r><w:t>☒ Yes</w:t></w:r></w:sdtContent></w:sdt></w:p>"#;
    let d = doc(xml);
    assert_eq!(states(&d), vec![(Mechanism::ContentControl, Some(true))]);
    assert_eq!(d.paragraphs()[0].text(), " Yes");
}

#[test]
fn libreoffice_outer_sdt_is_one_mark() {
    let xml = r#"<w:p><w:sdt><w:sdtPr><w:id w:val="268317169"/></w:sdtPr><w:sdtContent><w:sdt><w:sdtPr><w14:checkbox><w14:checked w14:val="1"/><w14:checkedState w14:val="2612"/><w14:uncheckedState w14:val="2610"/></w14:checkbox></w:sdtPr><w:sdtContent><w:r><w:t>☒</w:t></w:r></w:sdtContent></w:sdt></w:sdtContent></w:sdt><w:r><w:t xml:space="preserve"> Orange juice</w:t></w:r></w:p>"#;
    let d = doc(xml);
    assert_eq!(states(&d), vec![(Mechanism::ContentControl, Some(true))]);
    assert_eq!(d.paragraphs()[0].text(), " Orange juice");
}

#[test]
fn block_and_row_level_content_controls() {
    // Block-level: the mark lands in the paragraph inside.
    let xml = r#"<w:sdt><w:sdtPr><w14:checkbox><w14:checked w14:val="1"/></w14:checkbox></w:sdtPr><w:sdtContent><w:p><w:r><w:t>☒</w:t></w:r></w:p></w:sdtContent></w:sdt>"#;
    let d = doc(xml);
    assert_eq!(d.body.len(), 1);
    assert_eq!(states(&d), vec![(Mechanism::ContentControl, Some(true))]);
    // Row-level sdt wrapping w:tc still gives cells.
    let xml = r#"<w:tbl><w:tr><w:tc><w:p><w:r><w:t>X.1353</w:t></w:r></w:p></w:tc><w:sdt><w:sdtPr><w14:checkbox><w14:checked w14:val="1"/></w14:checkbox></w:sdtPr><w:sdtContent><w:tc><w:p><w:r><w:t>☒</w:t></w:r></w:p></w:tc></w:sdtContent></w:sdt><w:tc><w:p><w:r><w:t>Authorizes</w:t></w:r></w:p></w:tc></w:tr></w:tbl>"#;
    let d = doc(xml);
    let Block::Table(t) = &d.body[0] else {
        panic!("table expected")
    };
    assert_eq!(t.rows[0].cells.len(), 3);
    assert_eq!(t.rows[0].cells[1].grid_col, 1);
    assert_eq!(t.rows[0].cells[2].text(), "Authorizes");
    let pm = placed_marks(&d);
    assert_eq!(pm.len(), 1);
    assert_eq!(pm[0].location, "table 1, row 1, cell 2");
    assert_eq!(pm[0].checkbox.checked, Some(true));
}

#[test]
fn glyphs_split_runs() {
    let d = doc(
        "<w:p><w:r><w:t>☒ Authorizes ☐ Does not ●\u{FE0F} a ○ b ⃝ c X [X] ( )</w:t></w:r></w:p>",
    );
    let p = &d.paragraphs()[0];
    assert_eq!(
        all_by(&d, Mechanism::Glyph),
        [
            Some(true),
            Some(false),
            Some(true),
            Some(false),
            Some(false)
        ]
    );
    assert_eq!(marks(&d)[0].detail, "U+2612");
    assert!(matches!(p.inlines[0], Inline::Checkbox(_)));
    assert_eq!(p.text(), " Authorizes  Does not  a  b  c X [X] ( )");
}

#[test]
fn symbols_by_font() {
    let sym = |font: &str, ch: &str| {
        let d = doc(&format!(
            r#"<w:p><w:r><w:sym w:font="{font}" w:char="{ch}"/></w:r></w:p>"#
        ));
        let m = marks(&d);
        assert_eq!(m.len(), 1);
        assert_eq!(m[0].mechanism, Mechanism::Symbol);
        (m[0].checked, m[0].detail.clone(), d.notes.len())
    };
    assert_eq!(
        sym("Wingdings", "F0A8"),
        (Some(false), "Wingdings F0A8".into(), 0)
    );
    assert_eq!(
        sym("Wingdings 2", "F0A8"),
        (Some(true), "Wingdings 2 F0A8".into(), 0)
    );
    assert_eq!(
        sym("Wingdings", "FE"),
        (Some(true), "Wingdings F0FE".into(), 0)
    );
    assert_eq!(sym("Wingdings 2", "F0A3").0, Some(false));
    assert_eq!(sym("Webdings", "F061").0, Some(true));
    // Every code a symbol font draws is known: F06C is a filled circle, F06E a black square.
    assert_eq!(sym("Wingdings", "F06C").0, Some(true));
    assert_eq!(sym("Wingdings", "F06E").0, Some(true));
    // A code the font leaves empty: a mark of unknown state, with a note.
    assert_eq!(sym("Wingdings", "F0FF"), (None, "Wingdings F0FF".into(), 1));
    // Symbols that are no box (a bullet, a smiley) are not marks: they are the text drawn.
    let d = doc(
        r#"<w:p><w:r><w:sym w:font="Symbol" w:char="F0B7"/><w:sym w:font="Wingdings" w:char="F04A"/></w:r></w:p>"#,
    );
    assert!(marks(&d).is_empty());
    assert_eq!(d.paragraphs()[0].text(), "•☺");
}

#[test]
fn symbol_font_text() {
    // Private-use and low-byte characters in a Wingdings / Wingdings 2 run.
    let xml = r#"<w:p><w:r><w:rPr><w:rFonts w:ascii="Wingdings" w:hAnsi="Wingdings"/></w:rPr><w:t>&#xF0FE;&#xF0A8;y</w:t></w:r><w:r><w:rPr><w:rFonts w:ascii="Wingdings 2" w:hAnsi="Wingdings 2"/></w:rPr><w:t>&#xF0A8;</w:t></w:r><w:r><w:t>plain o x</w:t></w:r></w:p>"#;
    let d = doc(xml);
    assert_eq!(
        all_by(&d, Mechanism::Symbol),
        [Some(true), Some(false), Some(true)]
    );
    assert_eq!(marks(&d)[2].detail, "Wingdings 2 F0A8");
    // A code that is not a box (Wingdings 'y', an arrowhead in a box) is text, as drawn.
    assert_eq!(d.paragraphs()[0].text(), "\u{2BB9}plain o x");
    // An eastAsia-only symbol font does not turn Latin letters into marks.
    let d = doc(
        r#"<w:p><w:r><w:rPr><w:rFonts w:eastAsia="Wingdings"/></w:rPr><w:t>o x</w:t></w:r></w:p>"#,
    );
    assert!(marks(&d).is_empty());
}

#[test]
fn tracked_changes_read_as_accepted() {
    let xml = format!(
        r#"<w:p><w:del w:id="1" w:author="a"><w:r><w:delText>old</w:delText></w:r><w:r><w:sym w:font="Wingdings" w:char="F0FE"/></w:r></w:del><w:ins w:id="2" w:author="a"><w:r><w:t>new ☒</w:t></w:r></w:ins></w:p><w:del w:id="3" w:author="a">{}</w:del>"#,
        // A checked legacy box inside w:del (as run content) is gone.
        r#"<w:r><w:fldChar w:fldCharType="begin"><w:ffData><w:checkBox><w:checked/></w:checkBox></w:ffData></w:fldChar></w:r><w:r><w:instrText>FORMCHECKBOX</w:instrText></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>"#
    );
    let d = doc(&format!("{xml}<w:p><w:r><w:t>next</w:t></w:r></w:p>"));
    assert!(d.tracked_changes);
    let ps = d.paragraphs();
    assert_eq!(ps[0].text(), "new ");
    assert!(ps[0].revised);
    assert_eq!(states(&d), vec![(Mechanism::Glyph, Some(true))]);
    assert_eq!(ps.last().map(|p| p.text()).as_deref(), Some("next"));
}

#[test]
fn deleted_legacy_box_inside_paragraph() {
    let xml = r#"<w:p><w:del w:id="1" w:author="a"><w:r><w:fldChar w:fldCharType="begin"><w:ffData><w:checkBox><w:checked/></w:checkBox></w:ffData></w:fldChar></w:r><w:r><w:instrText>FORMCHECKBOX</w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:del><w:ins w:id="2" w:author="a"><w:r><w:fldChar w:fldCharType="begin"><w:ffData><w:checkBox><w:checked w:val="0"/></w:checkBox></w:ffData></w:fldChar></w:r><w:r><w:instrText>FORMCHECKBOX</w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:ins><w:r><w:t>Authorizes</w:t></w:r></w:p>"#;
    let d = doc(xml);
    assert_eq!(states(&d), vec![(Mechanism::LegacyCheckbox, Some(false))]);
    assert_eq!(d.paragraphs()[0].text(), "Authorizes");
}

#[test]
fn deleted_rows_paragraphs_and_moves() {
    let xml = r#"<w:tbl><w:tr><w:tc><w:p><w:r><w:t>keep</w:t></w:r></w:p></w:tc></w:tr><w:tr><w:trPr><w:del w:id="1" w:author="a"/></w:trPr><w:tc><w:p><w:del w:id="2" w:author="a"><w:r><w:delText>Does not authorize</w:delText></w:r></w:del></w:p></w:tc></w:tr></w:tbl><w:p><w:pPr><w:rPr><w:del w:id="3" w:author="a"/></w:rPr></w:pPr><w:del w:id="4" w:author="a"><w:r><w:delText>gone</w:delText></w:r></w:del></w:p><w:p><w:moveFrom w:id="5" w:author="a"><w:r><w:t>from</w:t></w:r></w:moveFrom><w:moveTo w:id="6" w:author="a"><w:r><w:t>to</w:t></w:r></w:moveTo></w:p>"#;
    let d = doc(xml);
    let Block::Table(t) = &d.body[0] else {
        panic!("table expected")
    };
    assert_eq!(t.rows.len(), 1);
    assert_eq!(d.body.len(), 2, "{:?}", d.body);
    assert_eq!(
        d.paragraphs().last().map(|p| p.text()).as_deref(),
        Some("to")
    );
}

#[test]
fn property_changes_are_ignored() {
    let xml = r#"<w:p><w:pPr><w:pStyle w:val="Normal"/><w:pPrChange w:id="1" w:author="a"><w:pPr><w:pStyle w:val="Heading1"/><w:shd w:val="clear" w:fill="FF0000"/></w:pPr></w:pPrChange></w:pPr><w:r><w:rPr><w:rPrChange w:id="2" w:author="a"><w:rPr><w:b/><w:highlight w:val="yellow"/></w:rPr></w:rPrChange></w:rPr><w:t>x</w:t></w:r></w:p>"#;
    let d = doc(xml);
    let p = d.paragraphs()[0];
    assert_eq!(p.style.as_deref(), Some("Normal"));
    assert!(!p.shaded);
    assert_eq!(
        p.inlines,
        vec![Inline::Text {
            text: "x".into(),
            format: RunFormat::default()
        }]
    );
}

#[test]
fn alternate_content_read_once_and_text_boxes_flattened() {
    let tb = |who: &str| {
        format!(r#"<w:txbxContent><w:p><w:r><w:t>{who} ☒</w:t></w:r></w:p></w:txbxContent>"#)
    };
    let xml = format!(
        r#"<w:p><w:r><w:t>anchor</w:t></w:r><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wps:wsp><wps:txbx>{}</wps:txbx></wps:wsp></w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape><v:textbox>{}</v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r><w:r><w:t xml:space="preserve"> more</w:t></w:r></w:p><w:p><w:r><w:t>after</w:t></w:r></w:p>"#,
        tb("choice"),
        tb("fallback")
    );
    let d = doc(&xml);
    let ps = d.paragraphs();
    let texts: Vec<String> = ps.iter().map(|p| p.text()).collect();
    assert_eq!(texts, vec!["anchor more", "choice ", "after"]);
    assert!(ps[1].in_text_box && !ps[0].in_text_box && !ps[2].in_text_box);
    assert_eq!(states(&d), vec![(Mechanism::Glyph, Some(true))]);
    assert_eq!(placed_marks(&d)[0].location, "paragraph 2 (text box)");
    // A VML text box outside AlternateContent is read too.
    let d = doc(&format!(
        r#"<w:p><w:r><w:pict><v:shape><v:textbox>{}</v:textbox></v:shape></w:pict></w:r></w:p>"#,
        tb("vml")
    ));
    assert_eq!(d.paragraphs().len(), 2);
}

#[test]
fn tables_grid_and_merges() {
    let xml = r#"<w:tbl><w:tblGrid><w:gridCol/><w:gridCol/><w:gridCol/><w:gridCol/></w:tblGrid>
<w:tr><w:tc><w:tcPr><w:vMerge w:val="restart"/></w:tcPr><w:p><w:r><w:t>Draft X.1353</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:gridSpan w:val="2"/><w:shd w:val="clear" w:color="auto" w:fill="D9D9D9"/></w:tcPr><w:p><w:r><w:t>Authorizes</w:t></w:r></w:p></w:tc><w:tc><w:p/></w:tc></w:tr>
<w:tr><w:trPr><w:gridBefore w:val="0"/></w:trPr><w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p/></w:tc><w:tc><w:p><w:r><w:t>Does not</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:gridSpan w:val="2"/></w:tcPr><w:p/></w:tc></w:tr>
<w:tr><w:trPr><w:gridBefore w:val="1"/></w:trPr><w:tc><w:p><w:r><w:t>shifted</w:t></w:r></w:p></w:tc></w:tr></w:tbl>"#;
    let d = doc(xml);
    let Block::Table(t) = &d.body[0] else {
        panic!("table expected")
    };
    let c = t.resolved_cell(1, 0).unwrap();
    assert_eq!(c.text(), "Draft X.1353");
    assert_eq!(t.rows[1].cells[0].v_merge, VMerge::Continue);
    assert_eq!(t.rows[0].cells[0].v_merge, VMerge::Restart);
    assert_eq!(t.resolved_cell(0, 2).unwrap().text(), "Authorizes");
    assert!(t.resolved_cell(0, 2).unwrap().shaded);
    assert_eq!(t.rows[0].cells[2].grid_col, 3);
    assert_eq!(t.resolved_cell(1, 1).unwrap().text(), "Does not");
    assert_eq!(t.rows[1].cells[2].grid_col, 2);
    assert_eq!(t.rows[2].cells[0].grid_col, 1);
    assert!(t.resolved_cell(2, 0).is_none());
}

#[test]
fn nested_table() {
    let xml = r#"<w:tbl><w:tr><w:tc><w:tbl><w:tr><w:tc><w:p><w:r><w:t>inner ☐</w:t></w:r></w:p></w:tc></w:tr></w:tbl><w:p/></w:tc><w:tc><w:p><w:r><w:t>☒</w:t></w:r></w:p></w:tc></w:tr></w:tbl><w:p><w:r><w:t>☒</w:t></w:r></w:p>"#;
    let d = doc(xml);
    let texts: Vec<String> = d.paragraphs().iter().map(|p| p.text()).collect();
    assert_eq!(texts, vec!["inner ", "", "", ""]);
    let locs: Vec<String> = placed_marks(&d).into_iter().map(|m| m.location).collect();
    assert_eq!(
        locs,
        vec![
            "table 1, row 1, cell 1; table 1, row 1, cell 1",
            "table 1, row 1, cell 2",
            "paragraph 1"
        ]
    );
}

#[test]
fn inline_elements_and_formatting() {
    let xml = r#"<w:p><w:pPr><w:pStyle w:val="Heading1"/><w:bidi/><w:shd w:val="clear" w:fill="FFFF00"/><w:tabs><w:tab w:val="left" w:pos="720"/></w:tabs><w:rPr><w:b/></w:rPr></w:pPr><w:r><w:rPr><w:b/><w:u w:val="single"/></w:rPr><w:t>A</w:t><w:tab/><w:t>B</w:t><w:br/><w:t>C</w:t><w:noBreakHyphen/><w:softHyphen/><w:t>D</w:t><w:cr/></w:r><w:r><w:rPr><w:highlight w:val="yellow"/></w:rPr><w:t>H</w:t></w:r><w:r><w:rPr><w:strike/><w:shd w:val="clear" w:fill="auto"/></w:rPr><w:t>S</w:t></w:r><w:r><w:rPr><w:b w:val="0"/><w:u w:val="none"/><w:highlight w:val="none"/></w:rPr><w:t>N</w:t></w:r><w:smartTag><w:r><w:t>smart</w:t></w:r></w:smartTag><w:customXml><w:r><w:t>custom</w:t></w:r></w:customXml><w:hyperlink r:id="rId1"><w:r><w:t>link</w:t></w:r></w:hyperlink></w:p>"#;
    let d = doc(xml);
    let p = d.paragraphs()[0];
    assert_eq!(p.style.as_deref(), Some("Heading1"));
    assert!(p.bidi && p.shaded);
    assert_eq!(p.text(), "A\tB\nC-D\nHSNsmartcustomlink");
    let bold_u = RunFormat {
        bold: true,
        underline: true,
        ..RunFormat::default()
    };
    assert_eq!(
        p.inlines[0],
        Inline::Text {
            text: "A".into(),
            format: bold_u
        }
    );
    let formats: Vec<RunFormat> = p
        .inlines
        .iter()
        .filter_map(|i| match i {
            Inline::Text { format, .. } => Some(*format),
            _ => None,
        })
        .collect();
    assert!(formats.iter().any(|f| f.highlight && !f.bold));
    assert!(formats.iter().any(|f| f.strike && !f.highlight));
    assert_eq!(formats.last(), Some(&RunFormat::default()));
}

#[test]
fn entity_references() {
    let d = doc(
        r#"<w:p><w:r><w:t>A &amp; B &lt;C&gt; &quot;q&quot; &apos;s&apos; &#9746; &#x2610;</w:t></w:r></w:p>"#,
    );
    assert_eq!(d.paragraphs()[0].text(), "A & B <C> \"q\" 's'  ");
    assert_eq!(
        states(&d),
        vec![
            (Mechanism::Glyph, Some(true)),
            (Mechanism::Glyph, Some(false))
        ]
    );
}

#[test]
fn strict_namespace_and_other_prefixes() {
    let xml = r#"<ns0:document xmlns:ns0="http://purl.oclc.org/ooxml/wordprocessingml/main"><ns0:body><ns0:p><ns0:r><ns0:t>strict ☒</ns0:t></ns0:r></ns0:p></ns0:body></ns0:document>"#;
    let d = parse_document_xml(xml.as_bytes()).unwrap();
    assert_eq!(d.paragraphs()[0].text(), "strict ");
    let xml = r#"<document xmlns="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><body><p><r><t>default ns</t></r></p></body></document>"#;
    let d = parse_document_xml(xml.as_bytes()).unwrap();
    assert_eq!(d.paragraphs()[0].text(), "default ns");
    // A foreign namespace with the same local names is not WordprocessingML.
    let xml = r#"<x:document xmlns:x="urn:other"><x:body><x:p><x:r><x:t>no</x:t></x:r></x:p></x:body></x:document>"#;
    assert!(parse_document_xml(xml.as_bytes()).unwrap().body.is_empty());
}

#[test]
fn namespaces_declared_below_the_root() {
    const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
    const W14: &str = "http://schemas.microsoft.com/office/word/2010/wordml";
    let texts = |xml: &str| -> Vec<String> {
        let d = parse_document_xml(xml.as_bytes()).unwrap_or_else(|e| panic!("{e}\n{xml}"));
        d.paragraphs().iter().map(|p| p.text()).collect()
    };
    // The main namespace declared on a paragraph, under a root in another namespace: in scope
    // for that paragraph only.
    let xml = format!(
        r#"<x:document xmlns:x="urn:x"><x:body><w:p xmlns:w="{W}"><w:r><w:t>inner</w:t></w:r></w:p><w:p><w:r><w:t>out of scope</w:t></w:r></w:p></x:body></x:document>"#
    );
    assert_eq!(texts(&xml), ["inner"]);
    // `w` rebound to another namespace below the root, and bound again after it closes.
    let xml = format!(
        r#"<w:document xmlns:w="{W}"><w:body><w:p><w:r><w:t>a</w:t></w:r></w:p><w:tbl xmlns:w="urn:other"><w:tr><w:tc><w:p><w:r><w:t>hidden</w:t></w:r></w:p></w:tc></w:tr></w:tbl><w:p><w:r><w:t>b</w:t></w:r></w:p></w:body></w:document>"#
    );
    assert_eq!(texts(&xml), ["a", "b"]);
    // The default namespace changed below the root.
    let xml = format!(
        r#"<document xmlns="{W}"><body><p><r><t>a</t></r></p><p xmlns="urn:other"><r><t>hidden</t></r></p><p><r><t>b</t></r></p></body></document>"#
    );
    assert_eq!(texts(&xml), ["a", "b"]);
    // A content control whose `w14` prefix is declared on its own properties.
    let xml = format!(
        r#"<w:document xmlns:w="{W}"><w:body><w:p><w:sdt><w:sdtPr xmlns:w14="{W14}"><w14:checkbox><w14:checked w14:val="1"/></w14:checkbox></w:sdtPr><w:sdtContent><w:r><w:t>☒</w:t></w:r></w:sdtContent></w:sdt><w:r><w:t xml:space="preserve"> Authorizes</w:t></w:r></w:p></w:body></w:document>"#
    );
    let d = parse_document_xml(xml.as_bytes()).unwrap();
    assert_eq!(states(&d), [(Mechanism::ContentControl, Some(true))]);
    assert_eq!(d.paragraphs()[0].text(), " Authorizes");
    // `xmlns` in a value is not a declaration; a declaration quick-xml refuses is an error.
    let xml = format!(
        r#"<w:document xmlns:w="{W}"><w:body><w:p><w:pPr><w:pStyle w:val="xmlns"/></w:pPr></w:p></w:body></w:document>"#
    );
    let d = parse_document_xml(xml.as_bytes()).unwrap();
    assert_eq!(d.paragraphs()[0].style.as_deref(), Some("xmlns"));
    let xml = format!(
        r#"<w:document xmlns:w="{W}"><w:body><w:p xmlns:xml="urn:bad"/></w:body></w:document>"#
    );
    assert!(matches!(
        parse_document_xml(xml.as_bytes()),
        Err(DocxError::Xml(_))
    ));
}

#[test]
fn utf16_part() {
    let xml = format!(
        r#"<?xml version="1.0" encoding="UTF-16"?><w:document {NS}><w:body><w:p><w:r><w:t>utf16 ☒</w:t></w:r></w:p></w:body></w:document>"#
    );
    let mut bytes = vec![0xFF, 0xFE];
    for u in xml.encode_utf16() {
        bytes.extend(u.to_le_bytes());
    }
    let d = parse_document_xml(&bytes).unwrap();
    assert_eq!(d.paragraphs()[0].text(), "utf16 ");
}

#[test]
fn truncated_xml_is_an_error() {
    let xml = format!(r#"<w:document {NS}><w:body><w:p><w:r><w:t>cut he"#);
    let e = parse_document_xml(xml.as_bytes()).unwrap_err();
    assert!(matches!(e, DocxError::Corrupt(_)), "{e:?}");
    let xml = format!(r#"<w:document {NS}><w:body><w:p><w:r><w:t>cut</w:t></w:r>"#);
    let e = parse_document_xml(xml.as_bytes()).unwrap_err();
    assert!(matches!(e, DocxError::Corrupt(_)), "{e:?}");
    assert!(parse_document_xml(b"").is_err());
    assert!(parse_document_xml(b"\xFF\xFF garbage").is_err());
}

#[test]
fn deep_nesting_is_an_error_not_a_stack_overflow() {
    let n = 100_000;
    let xml = format!(
        "<w:document {NS}><w:body>{}{}</w:body></w:document>",
        "<w:tbl><w:tr><w:tc>".repeat(n),
        "</w:tc></w:tr></w:tbl>".repeat(n)
    );
    // Run on a small stack, as rayon workers do.
    let r = std::thread::Builder::new()
        .stack_size(256 * 1024)
        .spawn(move || parse_document_xml(xml.as_bytes()).map(|_| ()))
        .unwrap()
        .join()
        .unwrap();
    assert!(matches!(r, Err(DocxError::Corrupt(_))), "{r:?}");
    // Nesting under the limit reads fine; the model is walked without recursion.
    let n = 60;
    let xml = format!(
        "<w:document {NS}><w:body>{}<w:p><w:r><w:t>☒</w:t></w:r></w:p>{}</w:body></w:document>",
        "<w:tbl><w:tr><w:tc>".repeat(n),
        "</w:tc></w:tr></w:tbl>".repeat(n)
    );
    let d = parse_document_xml(xml.as_bytes()).unwrap();
    assert_eq!(placed_marks(&d).len(), 1);
}

#[test]
fn custom_entities_are_inert() {
    let xml = format!(
        r#"<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]><w:document {NS}><w:body><w:p><w:r><w:t>x&b;y</w:t></w:r></w:p></w:body></w:document>"#
    );
    let d = parse_document_xml(xml.as_bytes()).unwrap();
    assert_eq!(d.paragraphs()[0].text(), "xy");
}

mod package_level {
    use super::*;
    use std::io::{Cursor, Write};

    fn docx(files: &[(&str, &str)]) -> Vec<u8> {
        let mut w = zip::ZipWriter::new(Cursor::new(Vec::new()));
        for (name, data) in files {
            w.start_file(*name, zip::write::SimpleFileOptions::default())
                .unwrap();
            w.write_all(data.as_bytes()).unwrap();
        }
        w.finish().unwrap().into_inner()
    }

    const RELS: &str = r#"<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/main.xml"/></Relationships>"#;

    #[test]
    fn main_part_from_rels_and_headers_scanned() {
        let body = format!(
            r#"<w:document {NS}><w:body><w:p><w:r><w:t>☒ body</w:t></w:r></w:p></w:body></w:document>"#
        );
        let hdr = format!(r#"<w:hdr {NS}><w:p><w:r><w:t>☐ header</w:t></w:r></w:p></w:hdr>"#);
        let doc_rels = r#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/><Relationship Id="rId10" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="http://x" TargetMode="External"/></Relationships>"#;
        let z = docx(&[
            ("_rels/.rels", RELS),
            ("word/main.xml", &body),
            ("word/_rels/main.xml.rels", doc_rels),
            ("word/header1.xml", &hdr),
        ]);
        let d = read_docx(&z).unwrap();
        assert_eq!(d.paragraphs()[0].text(), " body");
        let pm = placed_marks(&d);
        assert_eq!(pm.len(), 2);
        assert_eq!(pm[0].part, "word/document.xml");
        assert_eq!(pm[1].part, "word/header1.xml");
        assert_eq!(pm[1].location, "paragraph 1");
        assert_eq!(pm[1].checkbox.checked, Some(false));
    }

    /// A letterhead in a page header: kept when the section properties show the part.
    #[test]
    fn page_headers_shown_by_a_section_are_kept() {
        let body = |refs: &str| {
            format!(
                r#"<w:document {NS} xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><w:body><w:p><w:r><w:t>body</w:t></w:r></w:p><w:sectPr>{refs}</w:sectPr></w:body></w:document>"#
            )
        };
        let hdr = |t: &str| {
            format!(
                r#"<w:hdr {NS}><w:p><w:r><w:t>{t}</w:t></w:r></w:p><w:p/><w:tbl><w:tr><w:tc><w:p><w:r><w:t>Ministry of X</w:t></w:r></w:p></w:tc></w:tr></w:tbl></w:hdr>"#
            )
        };
        let rels = r#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId7" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/><Relationship Id="rId8" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header2.xml"/></Relationships>"#;
        let (h1, h2) = (hdr(" Republic of Kenya "), hdr("Draft template"));
        let shown = body(r#"<w:headerReference w:type="default" r:id="rId7"/>"#);
        let z = docx(&[
            ("_rels/.rels", RELS),
            ("word/main.xml", &shown),
            ("word/_rels/main.xml.rels", rels),
            ("word/header1.xml", &h1),
            ("word/header2.xml", &h2),
        ]);
        let d = read_docx(&z).unwrap();
        assert_eq!(d.page_headers.len(), 1, "header2 is shown by no section");
        assert_eq!(d.page_headers[0].part, "word/header1.xml");
        assert_eq!(
            d.page_headers[0].paragraphs,
            ["Republic of Kenya", "Ministry of X"]
        );
        assert_eq!(
            d.paragraphs()[0].text(),
            "body",
            "the body is not the header"
        );
    }

    #[test]
    fn fallback_and_missing_main_part() {
        let body = format!(
            r#"<w:document {NS}><w:body><w:p><w:r><w:t>hi</w:t></w:r></w:p></w:body></w:document>"#
        );
        let z = docx(&[("word/document.xml", &body)]);
        assert_eq!(read_docx(&z).unwrap().paragraphs()[0].text(), "hi");
        let z = docx(&[("xl/workbook.xml", "<workbook/>")]);
        assert_eq!(read_docx(&z).unwrap_err(), DocxError::MissingMainPart);
        assert_eq!(read_docx(b"%PDF-1.4").unwrap_err(), DocxError::NotZip);
    }

    #[test]
    fn truncated_document_part_is_corrupt() {
        let z = docx(&[("word/document.xml", "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body><w:p>")]);
        let e = read_docx(&z).unwrap_err();
        assert!(matches!(e, DocxError::Corrupt(_)), "{e:?}");
    }

    #[test]
    fn error_messages_are_actionable() {
        for e in [
            DocxError::NotZip,
            DocxError::Corrupt("x".into()),
            DocxError::TooLarge("x".into()),
            DocxError::Encrypted,
            DocxError::MissingMainPart,
            DocxError::Xml("x".into()),
        ] {
            assert!(e.to_string().contains("ask the sender"), "{e}");
        }
    }
}

/// A FORMDROPDOWN becomes one line per entry, each with a mark, checked on the entry shown.
#[test]
fn a_drop_down_is_a_box_per_entry() {
    let xml = r#"<w:p><w:r><w:fldChar w:fldCharType="begin"><w:ffData><w:ddList><w:result w:val="2"/><w:listEntry w:val="(choose one)"/><w:listEntry w:val="Authorizes"/><w:listEntry w:val="Does not authorize"/></w:ddList></w:ffData></w:fldChar></w:r><w:r><w:instrText> FORMDROPDOWN </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>Does not authorize</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>"#;
    let d = doc(xml);
    assert_eq!(
        states(&d),
        vec![
            (Mechanism::Dropdown, Some(false)),
            (Mechanism::Dropdown, Some(false)),
            (Mechanism::Dropdown, Some(true))
        ]
    );
    let Block::Paragraph(p) = &d.body[0] else {
        panic!("{d:?}")
    };
    assert_eq!(
        p.text().trim(),
        "(choose one)\nAuthorizes\nDoes not authorize",
        "each entry once, the field's result text not repeated"
    );
}

/// A shape anchored in a paragraph, placed `top` EMU from its line, `cy` tall.
fn anchored_shape(prst: &str, top: i64, cy: i64) -> String {
    format!(
        r#"<w:p><w:r><w:drawing><wp:anchor xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" simplePos="0" behindDoc="0"><wp:simplePos x="0" y="0"/><wp:positionH relativeFrom="character"><wp:posOffset>-60000</wp:posOffset></wp:positionH><wp:positionV relativeFrom="line"><wp:posOffset>{top}</wp:posOffset></wp:positionV><wp:extent cx="3950000" cy="{cy}"/><wp:wrapNone/><wp:docPr id="1" name="Rectangle 1"/><a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:wsp><wps:spPr><a:prstGeom prst="{prst}"/><a:noFill/></wps:spPr></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></w:r><w:r><w:t>Authorizes</w:t></w:r></w:p>"#
    )
}

#[test]
fn a_frame_drawn_round_its_line_marks_it() {
    // From just above the line, down past it: the person framed this line.
    let d = doc(&anchored_shape("rect", -40_000, 580_000));
    assert_eq!(all_by(&d, Mechanism::Drawing), [Some(true)]);
    // Taller than a few lines, it may frame the lines below too: its state is not read.
    let d = doc(&anchored_shape("rect", -40_000, 1_800_000));
    assert_eq!(all_by(&d, Mechanism::Drawing), [None]);
    // Its top far below the line: it frames another line.
    let d = doc(&anchored_shape("rect", 400_000, 300_000));
    assert_eq!(all_by(&d, Mechanism::Drawing), [None]);
    // An arrow is no frame.
    let d = doc(&anchored_shape("rightArrow", -40_000, 300_000));
    assert_eq!(all_by(&d, Mechanism::Drawing), [None]);
}

#[test]
fn an_empty_box_given_a_shading_prints_filled() {
    let run = |rpr: &str| {
        format!(
            r#"<w:p><w:r><w:rPr>{rpr}</w:rPr><w:t>☐</w:t></w:r><w:r><w:t xml:space="preserve"> Authorizes</w:t></w:r></w:p>"#
        )
    };
    let d = doc(&run(
        r#"<w:shd w:val="clear" w:color="auto" w:fill="000000"/>"#,
    ));
    assert_eq!(all_by(&d, Mechanism::Glyph), [Some(true)]);
    let d = doc(&run(r#"<w:highlight w:val="yellow"/>"#));
    assert_eq!(all_by(&d, Mechanism::Glyph), [Some(true)]);
    let d = doc(&run(
        r#"<w:shd w:val="clear" w:color="auto" w:fill="auto"/>"#,
    ));
    assert_eq!(all_by(&d, Mechanism::Glyph), [Some(false)]);
}

#[test]
fn a_border_round_a_paragraph_frames_it() {
    let p = |sides: &str| {
        doc(&format!(
            r#"<w:p><w:pPr><w:pBdr>{sides}</w:pBdr></w:pPr><w:r><w:t>Authorizes</w:t></w:r></w:p>"#
        ))
    };
    let side = |s: &str, v: &str| {
        format!(r#"<w:{s} w:val="{v}" w:sz="12" w:space="1" w:color="FF0000"/>"#)
    };
    let framed = |d: &Document| d.paragraphs()[0].framed();
    let box4 = ["top", "left", "bottom", "right"]
        .map(|s| side(s, "single"))
        .concat();
    assert!(framed(&p(&box4)));
    // A rule under a heading is no frame; nor are sides set to none.
    assert!(!framed(&p(&side("bottom", "single"))));
    let none = ["top", "left", "bottom", "right"]
        .map(|s| side(s, "none"))
        .concat();
    assert!(!framed(&p(&none)));
}
