//! WordprocessingML as Word's schema wants it, from what docx-rs writes. docx-rs writes the
//! children of `w:pPr`, `w:rPr`, `w:tcPr`, `w:sectPr`, `w:style` and `w:settings` in an
//! order of its own; LibreOffice forgives that, Word silently drops what is out of place
//! (paragraph styles, cell shading, colours). [`conform`] puts them in schema order, drops the
//! empty `w:rPr` docx-rs writes where the schema has none (a style's or a numbering level's
//! `w:pPr`), and the `w:type` attribute it writes on `w:gridCol`.
//!
//! It works on pieces of a part (a part is written out in pieces): the elements it reorders
//! must lie whole inside the piece, the elements around them need not. It reads only
//! docx-rs's own output, whose prefix is always `w:`. Bytes it does not move or drop are
//! copied as they are.

use quick_xml::events::Event;
use quick_xml::Reader;

/// The children of the elements reordered, in schema order (ECMA-376 Part 1, as the Open XML
/// SDK's schemas have them). An element with a child not listed is left as written.
const P_PR: &[&str] = &[
    "pStyle",
    "keepNext",
    "keepLines",
    "pageBreakBefore",
    "framePr",
    "widowControl",
    "numPr",
    "suppressLineNumbers",
    "pBdr",
    "shd",
    "tabs",
    "suppressAutoHyphens",
    "kinsoku",
    "wordWrap",
    "overflowPunct",
    "topLinePunct",
    "autoSpaceDE",
    "autoSpaceDN",
    "bidi",
    "adjustRightInd",
    "snapToGrid",
    "spacing",
    "ind",
    "contextualSpacing",
    "mirrorIndents",
    "suppressOverlap",
    "jc",
    "textDirection",
    "textAlignment",
    "textboxTightWrap",
    "outlineLvl",
    "divId",
    "cnfStyle",
    "rPr",
    "sectPr",
    "pPrChange",
];

const R_PR: &[&str] = &[
    "rStyle",
    "rFonts",
    "b",
    "bCs",
    "i",
    "iCs",
    "caps",
    "smallCaps",
    "strike",
    "dstrike",
    "outline",
    "shadow",
    "emboss",
    "imprint",
    "noProof",
    "snapToGrid",
    "vanish",
    "webHidden",
    "color",
    "spacing",
    "w",
    "kern",
    "position",
    "sz",
    "szCs",
    "highlight",
    "u",
    "effect",
    "bdr",
    "shd",
    "fitText",
    "vertAlign",
    "rtl",
    "cs",
    "em",
    "lang",
    "eastAsianLayout",
    "specVanish",
    "oMath",
    "rPrChange",
];

const TC_PR: &[&str] = &[
    "cnfStyle",
    "tcW",
    "gridSpan",
    "hMerge",
    "vMerge",
    "tcBorders",
    "shd",
    "noWrap",
    "tcMar",
    "textDirection",
    "tcFitText",
    "vAlign",
    "hideMark",
    "headers",
    "cellIns",
    "cellDel",
    "cellMerge",
    "tcPrChange",
];

const TBL_PR: &[&str] = &[
    "tblStyle",
    "tblpPr",
    "tblOverlap",
    "bidiVisual",
    "tblStyleRowBandSize",
    "tblStyleColBandSize",
    "tblW",
    "jc",
    "tblCellSpacing",
    "tblInd",
    "tblBorders",
    "shd",
    "tblLayout",
    "tblCellMar",
    "tblLook",
    "tblCaption",
    "tblDescription",
    "tblPrChange",
];

/// Header and footer references are one choice group: they share the first rank.
const SECT_PR: &[&str] = &[
    "headerReference footerReference",
    "footnotePr",
    "endnotePr",
    "type",
    "pgSz",
    "pgMar",
    "paperSrc",
    "pgBorders",
    "lnNumType",
    "pgNumType",
    "cols",
    "formProt",
    "vAlign",
    "noEndnote",
    "titlePg",
    "textDirection",
    "bidi",
    "rtlGutter",
    "docGrid",
    "printerSettings",
    "sectPrChange",
];

const STYLE: &[&str] = &[
    "name",
    "aliases",
    "basedOn",
    "next",
    "link",
    "autoRedefine",
    "hidden",
    "uiPriority",
    "semiHidden",
    "unhideWhenUsed",
    "qFormat",
    "locked",
    "personal",
    "personalCompose",
    "personalReply",
    "rsid",
    "pPr",
    "rPr",
    "tblPr",
    "trPr",
    "tcPr",
    "tblStylePr",
];

/// The settings docx-rs writes, among their neighbours in the schema (not the whole list).
const SETTINGS: &[&str] = &[
    "writeProtection",
    "view",
    "zoom",
    "removePersonalInformation",
    "removeDateAndTime",
    "mirrorMargins",
    "proofState",
    "trackRevisions",
    "documentProtection",
    "defaultTabStop",
    "autoHyphenation",
    "evenAndOddHeaders",
    "characterSpacingControl",
    "compat",
    "docVars",
    "rsids",
    "themeFontLang",
    "decimalSymbol",
    "listSeparator",
    "docId",
];

/// The schema order of `name`'s children, when it is an element reordered.
fn order_of(name: &str) -> Option<&'static [&'static str]> {
    Some(match name {
        "pPr" => P_PR,
        "rPr" => R_PR,
        "tcPr" => TC_PR,
        "tblPr" => TBL_PR,
        "sectPr" => SECT_PR,
        "style" => STYLE,
        "settings" => SETTINGS,
        _ => return None,
    })
}

fn rank(order: &[&str], child: &str) -> Option<usize> {
    order
        .iter()
        .position(|o| o.split(' ').any(|name| name == child))
}

/// Why a piece could not be put in order: our own writer's output is not what we expect.
#[derive(Debug)]
pub(super) struct Malformed(pub(super) String);

/// An element being reordered: its start tag, and its children as written.
struct Open<'x> {
    name: &'x str,
    order: &'static [&'static str],
    start: String,
    /// Each child: its local name and its markup, whole.
    children: Vec<(&'x str, String)>,
    /// Depth inside the current child (0: between children).
    depth: usize,
}

impl Open<'_> {
    fn close(self, end: &str) -> String {
        let mut children = self.children;
        let ranks: Option<Vec<usize>> = children
            .iter()
            .map(|(name, _)| rank(self.order, name))
            .collect();
        if let Some(ranks) = ranks {
            let mut ranked: Vec<(usize, (&str, String))> =
                ranks.into_iter().zip(children).collect();
            // Stable: children of one rank (header and footer references) keep their order.
            ranked.sort_by_key(|(r, _)| *r);
            children = ranked.into_iter().map(|(_, c)| c).collect();
        }
        let mut out = self.start;
        for (_, markup) in children {
            out.push_str(&markup);
        }
        out.push_str(end);
        out
    }
}

/// The local name of the element a tag (`markup`: `<w:name …>`, `<w:name/>`) starts or
/// ends, borrowed from the markup: no allocation for each element read.
fn local(markup: &str) -> &str {
    let tag = markup.trim_start_matches(['<', '/']);
    let end = tag
        .find(|c: char| c.is_ascii_whitespace() || c == '/' || c == '>')
        .unwrap_or(tag.len());
    let qname = tag.get(..end).unwrap_or("");
    match qname.split_once(':') {
        Some((_, l)) => l,
        None => qname,
    }
}

/// `<w:gridCol … />` without its `w:type` attribute (not in the schema).
fn without_type(tag: &str) -> String {
    const ATTR: &str = " w:type=\"";
    let Some(at) = tag.find(ATTR) else {
        return tag.to_string();
    };
    let value = at + ATTR.len();
    match tag[value..].find('"') {
        Some(len) => format!("{}{}", &tag[..at], &tag[value + len + 1..]),
        None => tag.to_string(),
    }
}

/// The stack of elements being reordered, and where markup goes next.
struct Stack<'o, 'x> {
    out: &'o mut String,
    open: Vec<Open<'x>>,
    /// The local names of the elements open around the current position, innermost last.
    path: Vec<&'x str>,
}

impl<'x> Stack<'_, 'x> {
    /// Markup inside the innermost element being reordered (a new child when between
    /// children), or straight out.
    fn push(&mut self, name: Option<&'x str>, markup: &str) {
        match self.open.last_mut() {
            None => self.out.push_str(markup),
            Some(top) if top.depth == 0 => match name {
                Some(name) => top.children.push((name, markup.to_string())),
                // Text between children sticks to the child before it.
                None => match top.children.last_mut() {
                    Some((_, m)) => m.push_str(markup),
                    None => top.start.push_str(markup),
                },
            },
            Some(top) => {
                if let Some((_, m)) = top.children.last_mut() {
                    m.push_str(markup);
                }
            }
        }
    }

    fn enter(&mut self, name: &'x str, markup: &str) {
        match order_of(name) {
            Some(order) => {
                if let Some(top) = self.open.last_mut() {
                    if top.depth == 0 {
                        top.children.push((name, String::new()));
                    }
                    top.depth += 1;
                }
                self.open.push(Open {
                    name,
                    order,
                    start: markup.to_string(),
                    children: Vec::new(),
                    depth: 0,
                });
            }
            None => {
                self.push(Some(name), markup);
                if let Some(top) = self.open.last_mut() {
                    top.depth += 1;
                }
            }
        }
        self.path.push(name);
    }

    fn leave(&mut self, markup: &str) {
        self.path.pop();
        match self.open.last_mut() {
            Some(top) if top.depth == 0 => {
                let Some(done) = self.open.pop() else { return };
                let xml = done.close(markup);
                self.push(None, &xml);
                if let Some(top) = self.open.last_mut() {
                    top.depth -= 1;
                }
            }
            _ => {
                self.push(None, markup);
                if let Some(top) = self.open.last_mut() {
                    top.depth = top.depth.saturating_sub(1);
                }
            }
        }
    }

    /// An element without content: dropped, trimmed or kept.
    fn empty(&mut self, name: &'x str, markup: &str) {
        let parent = self.path.last().copied();
        let grandparent = self
            .path
            .len()
            .checked_sub(2)
            .and_then(|i| self.path.get(i).copied());
        // A style's, a numbering level's or the defaults' paragraph properties have no
        // run properties in the schema (only a paragraph's do).
        if name == "rPr" && parent == Some("pPr") && grandparent != Some("p") {
            return;
        }
        if name == "gridCol" {
            self.push(Some(name), &without_type(markup));
            return;
        }
        self.push(Some(name), markup);
    }
}

/// `xml` (a part, or a piece of one) with the children of the elements above in schema order,
/// appended to `out`.
pub(super) fn conform(out: &mut String, xml: &str) -> Result<(), Malformed> {
    let mut reader = Reader::from_str(xml);
    let config = reader.config_mut();
    config.check_end_names = false;
    config.allow_unmatched_ends = true;
    let mut stack = Stack {
        out,
        open: Vec::new(),
        path: Vec::new(),
    };
    loop {
        let from = reader.buffer_position() as usize;
        let event = reader
            .read_event()
            .map_err(|e| Malformed(format!("docx-rs wrote XML that does not read back: {e}")))?;
        let markup = xml
            .get(from..reader.buffer_position() as usize)
            .unwrap_or("");
        match event {
            Event::Eof => break,
            Event::Start(_) => stack.enter(local(markup), markup),
            Event::End(_) => stack.leave(markup),
            Event::Empty(_) => stack.empty(local(markup), markup),
            _ => stack.push(None, markup),
        }
    }
    if let Some(open) = stack.open.last() {
        return Err(Malformed(format!(
            "a w:{} element does not end within its piece of the document",
            open.name
        )));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn conformed(xml: &str) -> String {
        let mut out = String::new();
        conform(&mut out, xml).unwrap();
        out
    }

    #[test]
    fn puts_children_in_schema_order_and_keeps_the_rest() {
        let xml = r#"<w:p><w:pPr><w:rPr /><w:pStyle w:val="Title" /><w:keepNext /></w:pPr><w:r><w:rPr><w:i /><w:b /></w:rPr><w:t xml:space="preserve">a &amp; b</w:t></w:r></w:p>"#;
        assert_eq!(
            conformed(xml),
            r#"<w:p><w:pPr><w:pStyle w:val="Title" /><w:keepNext /><w:rPr /></w:pPr><w:r><w:rPr><w:b /><w:i /></w:rPr><w:t xml:space="preserve">a &amp; b</w:t></w:r></w:p>"#
        );
    }

    #[test]
    fn nested_elements_are_ordered_inside_and_out() {
        let xml = r#"<w:pPr><w:sectPr><w:pgSz w:w="1" /><w:footerReference r:id="a" /><w:headerReference r:id="b" /></w:sectPr><w:rPr><w:sz w:val="2" /><w:b /></w:rPr><w:pStyle w:val="X" /></w:pPr>"#;
        assert_eq!(
            conformed(xml),
            r#"<w:pPr><w:pStyle w:val="X" /><w:rPr><w:b /><w:sz w:val="2" /></w:rPr><w:sectPr><w:footerReference r:id="a" /><w:headerReference r:id="b" /><w:pgSz w:w="1" /></w:sectPr></w:pPr>"#
        );
    }

    #[test]
    fn drops_what_the_schema_has_no_place_for() {
        let xml = r#"<w:style><w:name w:val="N" /><w:rPr><w:b /></w:rPr><w:pPr><w:rPr /><w:spacing w:after="1" /></w:pPr><w:basedOn w:val="Normal" /></w:style><w:tblGrid><w:gridCol w:w="1900" w:type="dxa" /></w:tblGrid>"#;
        assert_eq!(
            conformed(xml),
            r#"<w:style><w:name w:val="N" /><w:basedOn w:val="Normal" /><w:pPr><w:spacing w:after="1" /></w:pPr><w:rPr><w:b /></w:rPr></w:style><w:tblGrid><w:gridCol w:w="1900" /></w:tblGrid>"#
        );
    }

    #[test]
    fn unknown_children_leave_an_element_as_written_and_pieces_may_be_open() {
        let xml = r#"</w:tr></w:tbl><w:p><w:pPr><w:jc w:val="left" /><w:madeUp /><w:pStyle w:val="A" /></w:pPr>"#;
        assert_eq!(conformed(xml), xml);
        let mut out = String::new();
        assert!(conform(&mut out, "<w:p><w:pPr><w:jc w:val=\"left\" />").is_err());
    }
}
