//! Property tests of the document reader (`docx::parse_document_xml`) and the form reader on
//! top of it:
//! - random element trees of WordprocessingML-ish elements with random attributes (and cut
//!   copies of them) never make either panic;
//! - a generated paragraph's text is what `Paragraph::text` returns (runs, tabs, breaks,
//!   insertions kept; deletions and field instructions left out);
//! - the checkboxes generated (legacy form fields, content controls, glyphs, symbols) are
//!   the marks found, in order, with their states.
//!
//! Case counts are kept small so that the whole file runs in a few seconds.

use proptest::prelude::*;

use replytally::docx::{parse_document_xml, placed_marks};
use replytally::form::{read_form, Context};

const NS: &str = r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships""#;

fn document(body: &str) -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document {NS}><w:body>{body}</w:body></w:document>"#
    )
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

// ---------------------------------------------------------------- arbitrary trees

const ELEMENTS: &[&str] = &[
    "w:p",
    "w:r",
    "w:t",
    "w:tbl",
    "w:tr",
    "w:tc",
    "w:sdt",
    "w:sdtPr",
    "w:sdtContent",
    "w:fldChar",
    "w:fldSimple",
    "w:instrText",
    "w:del",
    "w:ins",
    "w:delText",
    "w:moveFrom",
    "w:moveTo",
    "w:ffData",
    "w:checkBox",
    "w:checked",
    "w:default",
    "w14:checkbox",
    "w14:checked",
    "w:sym",
    "w:rPr",
    "w:rFonts",
    "w:pPr",
    "w:pStyle",
    "w:tab",
    "w:br",
    "w:tcPr",
    "w:gridSpan",
    "w:vMerge",
    "w:trPr",
    "w:gridBefore",
    "w:cellDel",
    "w:txbxContent",
    "w:shd",
    "w:highlight",
    "w:control",
    "mc:AlternateContent",
    "mc:Choice",
    "mc:Fallback",
    "w:rPrChange",
    "x:unknown",
];

const ATTRIBUTES: &[&str] = &[
    "w:val",
    "w:fldCharType",
    "w14:val",
    "w:char",
    "w:font",
    "w:ascii",
    "w:hAnsi",
    "w:fill",
    "w:instr",
    "r:id",
    "val",
    "xml:space",
];

const VALUES: &[&str] = &[
    "begin",
    "separate",
    "end",
    "1",
    "0",
    "true",
    "false",
    "restart",
    "F0FE",
    "F0A8",
    "0052",
    "Wingdings",
    "Wingdings 2",
    " FORMCHECKBOX ",
    "",
    "18446744073709551616",
    "-1",
    "preserve",
    "yellow",
    "rId1",
];

/// Words the form reader looks for, so that random trees reach its decisions.
const WORDS: &[&str] = &[
    "authorizes",
    "does not authorize",
    "no comments",
    "with comments",
    "ITU-T X.1353 (X.ztd-iot)",
    "Y.3172",
    "Member State:",
    "Date: 6 February 2023",
    "Reasons for X.1353:",
    "autorise",
    "n'autorise pas",
    "☒",
    "☐",
    "X",
    "\u{F0FE}",
    "●",
];

#[derive(Debug, Clone)]
enum Xml {
    Text(String),
    El {
        name: &'static str,
        attrs: Vec<(&'static str, String)>,
        children: Vec<Xml>,
    },
}

impl Xml {
    fn write(&self, out: &mut String) {
        // Iterative, like the reader: a deep tree must not overflow the test's stack either.
        enum Step<'a> {
            Open(&'a Xml),
            Close(&'static str),
        }
        let mut stack = vec![Step::Open(self)];
        while let Some(step) = stack.pop() {
            match step {
                Step::Close(name) => {
                    out.push_str("</");
                    out.push_str(name);
                    out.push('>');
                }
                Step::Open(Xml::Text(t)) => out.push_str(&escape(t)),
                Step::Open(Xml::El {
                    name,
                    attrs,
                    children,
                }) => {
                    out.push('<');
                    out.push_str(name);
                    let mut seen = Vec::new();
                    for (k, v) in attrs {
                        // Duplicate attributes are an XML error; a few are enough.
                        if seen.contains(k) {
                            continue;
                        }
                        seen.push(k);
                        out.push_str(&format!(" {k}=\"{}\"", escape(v)));
                    }
                    if children.is_empty() {
                        out.push_str("/>");
                        continue;
                    }
                    out.push('>');
                    stack.push(Step::Close(name));
                    for c in children.iter().rev() {
                        stack.push(Step::Open(c));
                    }
                }
            }
        }
    }
}

fn text_strategy() -> impl Strategy<Value = String> {
    prop_oneof![
        prop::sample::select(WORDS).prop_map(str::to_string),
        "[a-zA-Z0-9 .:;()&<>☒☐\u{F0FE}\u{F0A8}]{0,10}",
    ]
}

fn attr_strategy() -> impl Strategy<Value = (&'static str, String)> {
    (
        prop::sample::select(ATTRIBUTES),
        prop_oneof![
            prop::sample::select(VALUES).prop_map(str::to_string),
            "[ -~]{0,6}",
        ],
    )
}

fn tree_strategy() -> impl Strategy<Value = Xml> {
    let leaf = prop_oneof![
        text_strategy().prop_map(Xml::Text),
        (
            prop::sample::select(ELEMENTS),
            prop::collection::vec(attr_strategy(), 0..3)
        )
            .prop_map(|(name, attrs)| Xml::El {
                name,
                attrs,
                children: Vec::new()
            }),
    ];
    leaf.prop_recursive(8, 96, 6, |inner| {
        (
            prop::sample::select(ELEMENTS),
            prop::collection::vec(attr_strategy(), 0..3),
            prop::collection::vec(inner, 0..6),
        )
            .prop_map(|(name, attrs, children)| Xml::El {
                name,
                attrs,
                children,
            })
    })
}

/// Parse and read as a form; neither may panic.
fn read_everything(xml: &[u8]) {
    if let Ok(doc) = parse_document_xml(xml) {
        let _ = placed_marks(&doc);
        for p in doc.paragraphs() {
            let _ = p.text();
        }
        let reading = read_form(
            &doc,
            &Context {
                file_name: "reply.docx",
                email_from: Some("someone@example.org"),
            },
        );
        let _ = reading.answers();
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    #[test]
    fn random_trees_never_panic(trees in prop::collection::vec(tree_strategy(), 1..4)) {
        let mut body = String::new();
        for t in &trees {
            t.write(&mut body);
        }
        read_everything(document(&body).as_bytes());
    }

    /// Cut anywhere and with a byte changed: damaged XML is an error, never a panic.
    #[test]
    fn damaged_trees_never_panic(
        tree in tree_strategy(),
        cut in any::<prop::sample::Index>(),
        flip in any::<prop::sample::Index>(),
        byte in any::<u8>(),
    ) {
        let mut body = String::new();
        tree.write(&mut body);
        let mut xml = document(&body).into_bytes();
        let at = flip.index(xml.len());
        xml[at] = byte;
        read_everything(&xml);
        let end = cut.index(xml.len());
        read_everything(&xml[..end]);
    }
}

// ---------------------------------------------------------------- text and marks

/// A piece of a generated paragraph.
#[derive(Debug, Clone)]
enum Piece {
    Run(String),
    Bold(String),
    Tab,
    Break,
    Inserted(String),
    Deleted(String),
    /// A field with an instruction (left out) and a result (kept).
    Field(String),
    Mark(Mark),
}

#[derive(Debug, Clone, Copy)]
enum Mark {
    /// `FORMCHECKBOX`: `w:checked` with a value, without one, or only `w:default`.
    Legacy {
        checked: bool,
        style: u8,
    },
    ContentControl(bool),
    Glyph(bool),
    /// `w:sym` in Wingdings.
    Sym(bool),
    /// A private-use character in a Wingdings run.
    FontChar(bool),
}

impl Mark {
    fn checked(self) -> bool {
        match self {
            Mark::Legacy { checked, .. }
            | Mark::ContentControl(checked)
            | Mark::Glyph(checked)
            | Mark::Sym(checked)
            | Mark::FontChar(checked) => checked,
        }
    }
}

/// Text without box glyphs, private-use characters or `\r` (which XML turns into `\n`).
fn plain_text() -> impl Strategy<Value = String> {
    "[a-zA-Z0-9 .,;:!?&<>\"'()/éüßΩ中文عربي-]{0,12}"
}

fn mark_strategy() -> impl Strategy<Value = Mark> {
    prop_oneof![
        (any::<bool>(), 0u8..4).prop_map(|(checked, style)| Mark::Legacy { checked, style }),
        any::<bool>().prop_map(Mark::ContentControl),
        any::<bool>().prop_map(Mark::Glyph),
        any::<bool>().prop_map(Mark::Sym),
        any::<bool>().prop_map(Mark::FontChar),
    ]
}

fn piece_strategy(marks: bool) -> BoxedStrategy<Piece> {
    let text = prop_oneof![
        4 => plain_text().prop_map(Piece::Run),
        1 => plain_text().prop_map(Piece::Bold),
        1 => Just(Piece::Tab),
        1 => Just(Piece::Break),
        1 => plain_text().prop_map(Piece::Inserted),
        1 => plain_text().prop_map(Piece::Deleted),
        1 => plain_text().prop_map(Piece::Field),
    ];
    if marks {
        prop_oneof![3 => text, 2 => mark_strategy().prop_map(Piece::Mark)].boxed()
    } else {
        text.boxed()
    }
}

fn run(text: &str) -> String {
    format!(
        r#"<w:r><w:t xml:space="preserve">{}</w:t></w:r>"#,
        escape(text)
    )
}

fn piece_xml(p: &Piece) -> String {
    match p {
        Piece::Run(t) => run(t),
        Piece::Bold(t) => format!(
            r#"<w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">{}</w:t></w:r>"#,
            escape(t)
        ),
        Piece::Tab => "<w:r><w:tab/></w:r>".to_string(),
        Piece::Break => "<w:r><w:br/></w:r>".to_string(),
        Piece::Inserted(t) => format!(r#"<w:ins w:id="1" w:author="a">{}</w:ins>"#, run(t)),
        Piece::Deleted(t) => format!(
            r#"<w:del w:id="2" w:author="a"><w:r><w:delText xml:space="preserve">{}</w:delText></w:r></w:del>"#,
            escape(t)
        ),
        Piece::Field(t) => format!(
            r#"<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> MERGEFIELD name \* MERGEFORMAT </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>{}<w:r><w:fldChar w:fldCharType="end"/></w:r>"#,
            run(t)
        ),
        Piece::Mark(m) => mark_xml(*m),
    }
}

fn mark_xml(m: Mark) -> String {
    match m {
        Mark::Legacy { checked, style } => {
            let state = match (style, checked) {
                (0, true) => r#"<w:checked/>"#.to_string(),
                (0, false) => r#"<w:default w:val="0"/>"#.to_string(),
                (1, c) => format!(r#"<w:checked w:val="{}"/>"#, if c { "1" } else { "0" }),
                (2, c) => format!(r#"<w:default w:val="{}"/>"#, if c { "1" } else { "0" }),
                (_, c) => format!(
                    r#"<w:default w:val="1"/><w:checked w:val="{}"/>"#,
                    if c { "true" } else { "false" }
                ),
            };
            format!(
                r#"<w:r><w:fldChar w:fldCharType="begin"><w:ffData><w:name w:val="Check1"/><w:enabled/><w:checkBox><w:sizeAuto/>{state}</w:checkBox></w:ffData></w:fldChar></w:r><w:r><w:instrText xml:space="preserve"> FORMCHECKBOX </w:instrText></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>"#
            )
        }
        Mark::ContentControl(c) => format!(
            r#"<w:sdt><w:sdtPr><w:id w:val="5"/><w14:checkbox><w14:checked w14:val="{}"/><w14:checkedState w14:val="2612" w14:font="MS Gothic"/><w14:uncheckedState w14:val="2610" w14:font="MS Gothic"/></w14:checkbox></w:sdtPr><w:sdtContent><w:r><w:rPr><w:rFonts w:ascii="MS Gothic" w:hAnsi="MS Gothic"/></w:rPr><w:t>{}</w:t></w:r></w:sdtContent></w:sdt>"#,
            u8::from(c),
            if c { "☒" } else { "☐" }
        ),
        Mark::Glyph(c) => run(if c { "☒" } else { "☐" }),
        Mark::Sym(c) => format!(
            r#"<w:r><w:sym w:font="Wingdings" w:char="{}"/></w:r>"#,
            if c { "F0FE" } else { "F0A8" }
        ),
        Mark::FontChar(c) => format!(
            r#"<w:r><w:rPr><w:rFonts w:ascii="Wingdings" w:hAnsi="Wingdings"/></w:rPr><w:t>{}</w:t></w:r>"#,
            if c { '\u{F0FE}' } else { '\u{F0A8}' }
        ),
    }
}

fn expected_text(pieces: &[Piece]) -> String {
    let mut s = String::new();
    for p in pieces {
        match p {
            Piece::Run(t) | Piece::Bold(t) | Piece::Inserted(t) | Piece::Field(t) => s.push_str(t),
            Piece::Tab => s.push('\t'),
            Piece::Break => s.push('\n'),
            Piece::Deleted(_) | Piece::Mark(_) => {}
        }
    }
    s
}

/// Paragraphs, each either in the body or in a one-cell table.
fn body_of(paragraphs: &[(Vec<Piece>, bool)]) -> String {
    let mut body = String::new();
    for (pieces, in_table) in paragraphs {
        let p: String = pieces.iter().map(piece_xml).collect();
        let p = format!("<w:p><w:pPr><w:pStyle w:val=\"Normal\"/></w:pPr>{p}</w:p>");
        if *in_table {
            body.push_str(&format!("<w:tbl><w:tr><w:tc>{p}</w:tc></w:tr></w:tbl>"));
        } else {
            body.push_str(&p);
        }
    }
    body
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn paragraph_text_round_trips(
        paragraphs in prop::collection::vec(
            (prop::collection::vec(piece_strategy(false), 0..8), any::<bool>()),
            1..6,
        )
    ) {
        let xml = document(&body_of(&paragraphs));
        let doc = parse_document_xml(xml.as_bytes()).unwrap();
        let got: Vec<String> = doc.paragraphs().iter().map(|p| p.text()).collect();
        let want: Vec<String> = paragraphs.iter().map(|(p, _)| expected_text(p)).collect();
        prop_assert_eq!(got, want);
    }

    #[test]
    fn checkboxes_found_are_those_generated(
        paragraphs in prop::collection::vec(
            (prop::collection::vec(piece_strategy(true), 0..8), any::<bool>()),
            1..5,
        )
    ) {
        let xml = document(&body_of(&paragraphs));
        let doc = parse_document_xml(xml.as_bytes()).unwrap();
        let want: Vec<bool> = paragraphs
            .iter()
            .flat_map(|(p, _)| p.iter())
            .filter_map(|p| match p {
                Piece::Mark(m) => Some(m.checked()),
                _ => None,
            })
            .collect();
        let got: Vec<Option<bool>> = doc
            .paragraphs()
            .iter()
            .flat_map(|p| p.checkboxes().map(|c| c.checked).collect::<Vec<_>>())
            .collect();
        prop_assert_eq!(got.len(), want.len(), "{}", xml);
        prop_assert_eq!(got, want.into_iter().map(Some).collect::<Vec<_>>());
        prop_assert_eq!(placed_marks(&doc).len(), doc.paragraphs().iter().map(|p| p.checkboxes().count()).sum::<usize>());
        // Marks leave the text alone.
        let texts: Vec<String> = doc.paragraphs().iter().map(|p| p.text()).collect();
        let want_texts: Vec<String> = paragraphs.iter().map(|(p, _)| expected_text(p)).collect();
        prop_assert_eq!(texts, want_texts);
    }
}
