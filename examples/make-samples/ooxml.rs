//! WordprocessingML writing for the sample generator: escaping, runs, paragraphs, tables, the
//! package parts and the deterministic zip.
//!
//! Everything is plain string building: the samples must reproduce byte for byte, and the
//! mechanisms they exercise (legacy fields, content controls, `w:sym`, revisions, text boxes)
//! are easier to write exactly than through a document model.

use std::io::{Cursor, Write};

use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, DateTime, System, ZipWriter};

/// XML-escapes text for element content and attribute values.
pub fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            _ => out.push(c),
        }
    }
    out
}

/// A small fixed-seed PRNG (SplitMix64), seeded from the file name so that every sample gets
/// its own but reproducible run splits, revision ids and content-control ids.
pub struct Rng {
    state: u64,
    /// The revision-save ids of this document (`w:rsid`), also listed in settings.xml.
    rsids: Vec<String>,
}

impl Rng {
    pub fn new(seed: &str) -> Rng {
        // FNV-1a of the seed text.
        let mut h: u64 = 0xcbf2_9ce4_8422_2325;
        for b in seed.bytes() {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        let mut rng = Rng {
            state: h,
            rsids: Vec::new(),
        };
        for _ in 0..4 {
            let v = rng.next() & 0x00FF_FFFF;
            rng.rsids.push(format!("00{v:06X}"));
        }
        rng
    }

    pub fn next(&mut self) -> u64 {
        self.state = self.state.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.state;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (n > 0).
    pub fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }

    /// One of this document's rsids.
    pub fn rsid(&mut self) -> String {
        let i = self.below(self.rsids.len() as u64) as usize;
        self.rsids.get(i).cloned().unwrap_or_default()
    }

    pub fn rsids(&self) -> &[String] {
        &self.rsids
    }

    /// A content-control id as Word writes them (signed 32-bit).
    pub fn sdt_id(&mut self) -> i32 {
        (self.next() >> 32) as u32 as i32
    }
}

/// Run properties used by the samples.
#[derive(Clone, Copy, Default)]
pub struct RPr {
    pub bold: bool,
    pub italic: bool,
    /// A font for all scripts (MS Gothic for box glyphs).
    pub font: Option<&'static str>,
    /// `w:highlight` colour (emphasis by highlighting).
    pub highlight: Option<&'static str>,
    /// Single underline.
    pub underline: bool,
    /// `w:shd` fill colour (emphasis by shading).
    pub shade: Option<&'static str>,
    /// Right-to-left run (`w:rtl`, Arabic forms).
    pub rtl: bool,
}

impl RPr {
    pub const PLAIN: RPr = RPr {
        bold: false,
        italic: false,
        font: None,
        highlight: None,
        underline: false,
        shade: None,
        rtl: false,
    };
    pub const BOLD: RPr = RPr {
        bold: true,
        ..RPr::PLAIN
    };

    pub fn xml(&self) -> String {
        let mut s = String::new();
        if let Some(f) = self.font {
            let f = esc(f);
            s.push_str(&format!(
                r#"<w:rFonts w:ascii="{f}" w:eastAsia="{f}" w:hAnsi="{f}" w:hint="eastAsia"/>"#
            ));
        }
        if self.bold {
            s.push_str("<w:b/><w:bCs/>");
        }
        if self.italic {
            s.push_str("<w:i/><w:iCs/>");
        }
        // Schema order: highlight, u, shd, then rtl.
        if let Some(h) = self.highlight {
            s.push_str(&format!(r#"<w:highlight w:val="{h}"/>"#));
        }
        if self.underline {
            s.push_str(r#"<w:u w:val="single"/>"#);
        }
        if let Some(fill) = self.shade {
            s.push_str(&format!(
                r#"<w:shd w:val="clear" w:color="auto" w:fill="{fill}"/>"#
            ));
        }
        if self.rtl {
            s.push_str("<w:rtl/>");
        }
        if s.is_empty() {
            s
        } else {
            format!("<w:rPr>{s}</w:rPr>")
        }
    }
}

/// Whether a run stands as it is, or sits inside a tracked deletion (its text is then
/// `w:delText`) or insertion.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Rev {
    Normal,
    Deleted,
}

/// One run of text.
pub fn run(text: &str, rpr: RPr, rev: Rev) -> String {
    let tag = if rev == Rev::Deleted {
        "w:delText"
    } else {
        "w:t"
    };
    format!(
        r#"<w:r>{}<{tag} xml:space="preserve">{}</{tag}></w:r>"#,
        rpr.xml(),
        esc(text)
    )
}

/// Text as Word leaves it after a few editing sessions: split into one to three runs at word
/// boundaries, each stamped with an rsid. Readers must join runs.
pub fn runs(rng: &mut Rng, text: &str, rpr: RPr) -> String {
    let spaces: Vec<usize> = text.match_indices(' ').map(|(i, _)| i).collect();
    let pieces = if spaces.len() < 3 { 0 } else { rng.below(3) };
    let mut cuts: Vec<usize> = (0..pieces)
        .filter_map(|_| spaces.get(rng.below(spaces.len() as u64) as usize).copied())
        .collect();
    cuts.sort_unstable();
    cuts.dedup();
    let mut out = String::new();
    let mut start = 0;
    for cut in cuts.into_iter().chain(std::iter::once(text.len())) {
        if let Some(piece) = text.get(start..cut) {
            if !piece.is_empty() {
                let rsid = rng.rsid();
                out.push_str(&format!(
                    r#"<w:r w:rsidR="{rsid}">{}<w:t xml:space="preserve">{}</w:t></w:r>"#,
                    rpr.xml(),
                    esc(piece)
                ));
            }
        }
        start = cut;
    }
    out
}

/// A paragraph with the given paragraph properties (inner XML of `w:pPr`, may be empty).
pub fn para(rng: &mut Rng, ppr: &str, content: &str) -> String {
    let r = rng.rsid();
    let d = rng.rsid();
    let ppr = if ppr.is_empty() {
        String::new()
    } else {
        format!("<w:pPr>{ppr}</w:pPr>")
    };
    format!(r#"<w:p w:rsidR="{r}" w:rsidRDefault="{d}">{ppr}{content}</w:p>"#)
}

/// A table cell: width in twips, extra `w:tcPr` children, paragraphs (at least one).
pub fn cell(width: u32, extra: &str, paras: &[String]) -> String {
    let body = if paras.is_empty() {
        "<w:p/>".to_string()
    } else {
        paras.concat()
    };
    format!(r#"<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/>{extra}</w:tcPr>{body}</w:tc>"#)
}

pub fn row(cells: &[String]) -> String {
    format!("<w:tr>{}</w:tr>", cells.concat())
}

/// A fixed-layout table; `bordered` uses the TableGrid style, otherwise no borders; right to
/// left (`w:bidiVisual`) when `bidi`.
pub fn table_ex(bordered: bool, grid: &[u32], rows: &[String], bidi: bool) -> String {
    let total: u32 = grid.iter().sum();
    let style = if bordered {
        r#"<w:tblStyle w:val="TableGrid"/>"#.to_string()
    } else {
        String::new()
    };
    let borders = if bordered {
        ""
    } else {
        r#"<w:tblBorders><w:top w:val="nil"/><w:left w:val="nil"/><w:bottom w:val="nil"/><w:right w:val="nil"/><w:insideH w:val="nil"/><w:insideV w:val="nil"/></w:tblBorders>"#
    };
    let cols: String = grid
        .iter()
        .map(|w| format!(r#"<w:gridCol w:w="{w}"/>"#))
        .collect();
    let bidi = if bidi { "<w:bidiVisual/>" } else { "" };
    format!(
        r#"<w:tbl><w:tblPr>{style}{bidi}<w:tblW w:w="{total}" w:type="dxa"/>{borders}<w:tblLayout w:type="fixed"/><w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="1" w:lastColumn="0" w:noHBand="0" w:noVBand="1"/></w:tblPr><w:tblGrid>{cols}</w:tblGrid>{}</w:tbl>"#,
        rows.concat()
    )
}

/// Paragraphs and runs in one document's direction. The form generators' rendering contexts
/// (form.rs, circ310.rs) give their random source and direction and get the rest.
pub trait Writer {
    fn rng(&mut self) -> &mut Rng;

    /// Right to left (Arabic): `w:bidi` on paragraphs, `w:rtl` on runs.
    fn rtl(&self) -> bool;

    /// Run properties in this document's direction.
    fn rp(&self, base: RPr) -> RPr {
        RPr {
            rtl: self.rtl(),
            ..base
        }
    }

    /// `<w:r>` opening a run without other properties.
    fn bare_run(&self) -> &'static str {
        if self.rtl() {
            "<w:r><w:rPr><w:rtl/></w:rPr>"
        } else {
            "<w:r>"
        }
    }

    fn tab(&self) -> String {
        format!("{}<w:tab/></w:r>", self.bare_run())
    }

    fn br(&self) -> String {
        format!("{}<w:br/></w:r>", self.bare_run())
    }

    fn p(&mut self, ppr: &str, content: &str) -> String {
        if self.rtl() {
            // w:bidi comes before spacing, ind and jc in w:pPr.
            let ppr = format!("<w:bidi/>{ppr}");
            para(self.rng(), &ppr, content)
        } else {
            para(self.rng(), ppr, content)
        }
    }

    fn runs(&mut self, text: &str, rpr: RPr) -> String {
        let rpr = self.rp(rpr);
        runs(self.rng(), text, rpr)
    }

    /// A paragraph of plain text.
    fn text_p(&mut self, ppr: &str, text: &str, rpr: RPr) -> String {
        let content = self.runs(text, rpr);
        self.p(ppr, &content)
    }
}

/// A legacy FORMCHECKBOX field named `Check{n}` inside its bookmark `id`: `r` opens each of
/// its runs, `state` is the `w:checkBox` state, `result` what the field shows (may be empty).
pub fn legacy_checkbox(id: u32, n: u32, r: &str, state: &str, result: &str) -> String {
    format!(
        r#"<w:bookmarkStart w:id="{id}" w:name="Check{n}"/>{r}<w:fldChar w:fldCharType="begin"><w:ffData><w:name w:val="Check{n}"/><w:enabled/><w:calcOnExit w:val="0"/><w:checkBox><w:sizeAuto/>{state}</w:checkBox></w:ffData></w:fldChar></w:r>{r}<w:instrText xml:space="preserve"> FORMCHECKBOX </w:instrText></w:r>{r}<w:fldChar w:fldCharType="separate"/></w:r>{result}{r}<w:fldChar w:fldCharType="end"/></w:r><w:bookmarkEnd w:id="{id}"/>"#
    )
}

/// A Word 2010 check-box content control (☒/☐ in MS Gothic) around `content`.
pub fn w14_checkbox(id: i32, on: bool, content: &str) -> String {
    let val = if on { "1" } else { "0" };
    format!(
        r#"<w:sdt><w:sdtPr><w:id w:val="{id}"/><w14:checkbox><w14:checked w14:val="{val}"/><w14:checkedState w14:val="2612" w14:font="MS Gothic"/><w14:uncheckedState w14:val="2610" w14:font="MS Gothic"/></w14:checkbox></w:sdtPr><w:sdtContent>{content}</w:sdtContent></w:sdt>"#
    )
}

/// The namespaces Word 2016 declares on `w:document`.
const DOC_NS: &str = concat!(
    r#"xmlns:wpc="http://schemas.microsoft.com/office/word/2010/wordprocessingCanvas" "#,
    r#"xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" "#,
    r#"xmlns:o="urn:schemas-microsoft-com:office:office" "#,
    r#"xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" "#,
    r#"xmlns:m="http://schemas.openxmlformats.org/officeDocument/2006/math" "#,
    r#"xmlns:v="urn:schemas-microsoft-com:vml" "#,
    r#"xmlns:wp14="http://schemas.microsoft.com/office/word/2010/wordprocessingDrawing" "#,
    r#"xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" "#,
    r#"xmlns:w10="urn:schemas-microsoft-com:office:word" "#,
    r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" "#,
    r#"xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" "#,
    r#"xmlns:w15="http://schemas.microsoft.com/office/word/2012/wordml" "#,
    r#"xmlns:wpg="http://schemas.microsoft.com/office/word/2010/wordprocessingGroup" "#,
    r#"xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" "#,
    r#"xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" "#,
    r#"mc:Ignorable="w14 w15 wp14""#
);

const XML_DECL: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#;

/// `word/document.xml` around the body blocks, with an A4 section; `extra_ns` holds extra
/// namespace declarations for the root (empty, or starting with a space).
pub fn document_ns(body: &str, extra_ns: &str) -> String {
    format!(
        r#"{XML_DECL}
<w:document {DOC_NS}{extra_ns}><w:body>{body}<w:sectPr><w:pgSz w:w="11907" w:h="16840" w:code="9"/><w:pgMar w:top="1134" w:right="1134" w:bottom="1134" w:left="1134" w:header="567" w:footer="567" w:gutter="0"/><w:cols w:space="720"/><w:docGrid w:linePitch="326"/></w:sectPr></w:body></w:document>"#
    )
}

/// The namespace WPS Office declares on its documents' roots.
pub const WPS_NS: &str =
    r#" xmlns:wpsCustomData="http://www.wps.cn/officeDocument/2013/wpsCustomData""#;

/// Rewrites a body as Google Docs exports it: no rsids, every run with its full properties
/// (Arial, black, 11 pt, an explicit `<w:rtl w:val="0"/>`), on/off properties with explicit
/// values, and `w:vMerge w:val="continue"` spelled out.
///
/// Works on the generator's own XML only (known spellings); emphasis properties are not
/// expected in it.
pub fn google_docs(xml: &str) -> String {
    let mut s = strip_attr(xml, " w:rsidR=\"");
    s = strip_attr(&s, " w:rsidRDefault=\"");
    s = s
        .replace("<w:b/><w:bCs/>", r#"<w:b w:val="1"/><w:bCs w:val="1"/>"#)
        .replace("<w:i/><w:iCs/>", r#"<w:i w:val="1"/><w:iCs w:val="1"/>"#)
        .replace("<w:vMerge/>", r#"<w:vMerge w:val="continue"/>"#);
    const FONTS: &str =
        r#"<w:rFonts w:ascii="Arial" w:cs="Arial" w:eastAsia="Arial" w:hAnsi="Arial"/>"#;
    const TAIL: &str =
        r#"<w:color w:val="000000"/><w:sz w:val="22"/><w:szCs w:val="22"/><w:rtl w:val="0"/>"#;
    let mut out = String::with_capacity(s.len() * 2);
    let mut rest = s.as_str();
    while let Some(i) = rest.find("<w:r>") {
        out.push_str(&rest[..i + 5]);
        rest = &rest[i + 5..];
        if let Some(after) = rest.strip_prefix("<w:rPr>") {
            let end = after.find("</w:rPr>").unwrap_or(0);
            let inner = &after[..end];
            out.push_str("<w:rPr>");
            if !inner.starts_with("<w:rFonts") {
                out.push_str(FONTS);
            }
            out.push_str(inner);
            out.push_str(TAIL);
            rest = &after[end..];
        } else {
            out.push_str(&format!("<w:rPr>{FONTS}{TAIL}</w:rPr>"));
        }
    }
    out.push_str(rest);
    out
}

/// Removes every `NAME="…"` attribute starting with `prefix` (which includes the `="`).
fn strip_attr(xml: &str, prefix: &str) -> String {
    let mut out = String::with_capacity(xml.len());
    let mut rest = xml;
    while let Some(i) = rest.find(prefix) {
        out.push_str(&rest[..i]);
        let after = &rest[i + prefix.len()..];
        rest = after.find('"').map_or("", |j| &after[j + 1..]);
    }
    out.push_str(rest);
    out
}

/// What the package parts other than the body say about the document.
pub struct Meta {
    pub title: String,
    pub creator: String,
    pub last_modified_by: String,
    /// W3CDTF times for docProps/core.xml.
    pub created: String,
    pub modified: String,
    /// The zip entries' timestamp: (year, month, day, hour, minute).
    pub zip_time: (u16, u8, u8, u8, u8),
    pub application: &'static str,
    pub app_version: &'static str,
    /// `w:lang` of the default run properties, e.g. `en-GB`, `fr-FR`, `zh-CN`.
    pub lang: &'static str,
    /// East Asian default font (`SimSun` for Chinese forms, else `MS Mincho`).
    pub east_asia_font: &'static str,
    pub track_revisions: bool,
    pub rsids: Vec<String>,
}

/// `[Content_Types].xml`; `numbering` adds the override of `word/numbering.xml`.
fn content_types(numbering: bool) -> String {
    let num = if numbering {
        r#"<Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/>"#
    } else {
        ""
    };
    format!(
        r#"{XML_DECL}
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>{num}<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/><Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/><Override PartName="/word/fontTable.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.fontTable+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/><Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/></Types>"#
    )
}

fn package_rels() -> String {
    format!(
        r#"{XML_DECL}
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/></Relationships>"#
    )
}

/// `word/_rels/document.xml.rels`; `numbering` adds the relationship to `numbering.xml`.
fn document_rels(numbering: bool) -> String {
    let num = if numbering {
        r#"<Relationship Id="rId4" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/>"#
    } else {
        ""
    };
    format!(
        r#"{XML_DECL}
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings" Target="settings.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/fontTable" Target="fontTable.xml"/>{num}</Relationships>"#
    )
}

fn styles(meta: &Meta) -> String {
    let lang = meta.lang;
    let ea = meta.east_asia_font;
    format!(
        r#"{XML_DECL}
<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman" w:eastAsia="{ea}" w:hAnsi="Times New Roman" w:cs="Times New Roman"/><w:sz w:val="24"/><w:szCs w:val="24"/><w:lang w:val="{lang}" w:eastAsia="zh-CN" w:bidi="ar-SA"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:before="120"/></w:pPr></w:pPrDefault></w:docDefaults><w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/><w:pPr><w:tabs><w:tab w:val="left" w:pos="794"/><w:tab w:val="left" w:pos="1191"/></w:tabs></w:pPr></w:style><w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont"><w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/></w:style><w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style><w:style w:type="table" w:styleId="TableGrid"><w:name w:val="Table Grid"/><w:basedOn w:val="TableNormal"/><w:tblPr><w:tblBorders><w:top w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:left w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:bottom w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:right w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:insideH w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:insideV w:val="single" w:sz="4" w:space="0" w:color="auto"/></w:tblBorders></w:tblPr></w:style><w:style w:type="numbering" w:default="1" w:styleId="NoList"><w:name w:val="No List"/></w:style></w:styles>"#
    )
}

fn settings(meta: &Meta) -> String {
    let track = if meta.track_revisions {
        "<w:trackRevisions/>"
    } else {
        ""
    };
    let rsids: String = meta
        .rsids
        .iter()
        .map(|r| format!(r#"<w:rsid w:val="{r}"/>"#))
        .collect();
    let root = meta.rsids.first().map(String::as_str).unwrap_or("00000000");
    format!(
        r#"{XML_DECL}
<w:settings xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="w14"><w:zoom w:percent="100"/>{track}<w:defaultTabStop w:val="794"/><w:characterSpacingControl w:val="doNotCompress"/><w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat><w:rsids><w:rsidRoot w:val="{root}"/>{rsids}</w:rsids><w:themeFontLang w:val="{}"/></w:settings>"#,
        meta.lang
    )
}

fn font_table() -> String {
    format!(
        r#"{XML_DECL}
<w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:font w:name="Times New Roman"><w:charset w:val="00"/><w:family w:val="roman"/><w:pitch w:val="variable"/></w:font><w:font w:name="MS Gothic"><w:altName w:val="ＭＳ ゴシック"/><w:charset w:val="80"/><w:family w:val="modern"/><w:pitch w:val="fixed"/></w:font><w:font w:name="MS Mincho"><w:altName w:val="ＭＳ 明朝"/><w:charset w:val="80"/><w:family w:val="modern"/><w:pitch w:val="fixed"/></w:font><w:font w:name="SimSun"><w:altName w:val="宋体"/><w:charset w:val="86"/><w:family w:val="auto"/><w:pitch w:val="variable"/></w:font><w:font w:name="Wingdings"><w:charset w:val="02"/><w:family w:val="auto"/><w:pitch w:val="variable"/></w:font><w:font w:name="Wingdings 2"><w:charset w:val="02"/><w:family w:val="roman"/><w:pitch w:val="variable"/></w:font><w:font w:name="Segoe UI Symbol"><w:charset w:val="00"/><w:family w:val="swiss"/><w:pitch w:val="variable"/></w:font></w:fonts>"#
    )
}

fn core(meta: &Meta) -> String {
    format!(
        r#"{XML_DECL}
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>{}</dc:title><dc:creator>{}</dc:creator><cp:lastModifiedBy>{}</cp:lastModifiedBy><cp:revision>2</cp:revision><dcterms:created xsi:type="dcterms:W3CDTF">{}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">{}</dcterms:modified></cp:coreProperties>"#,
        esc(&meta.title),
        esc(&meta.creator),
        esc(&meta.last_modified_by),
        meta.created,
        meta.modified
    )
}

fn app(meta: &Meta) -> String {
    format!(
        r#"{XML_DECL}
<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><Template>Normal.dotm</Template><TotalTime>4</TotalTime><Pages>2</Pages><Application>{}</Application><DocSecurity>0</DocSecurity><AppVersion>{}</AppVersion></Properties>"#,
        esc(meta.application),
        meta.app_version
    )
}

/// The .docx bytes: the nine parts in name order, deflated, all stamped with `meta.zip_time`.
pub fn package(document_xml: &str, meta: &Meta) -> Result<Vec<u8>, Box<dyn std::error::Error>> {
    package_with_numbering(document_xml, meta, None)
}

/// [`package`], plus `word/numbering.xml` (list definitions) when `numbering` is given.
pub fn package_with_numbering(
    document_xml: &str,
    meta: &Meta,
    numbering: Option<&str>,
) -> Result<Vec<u8>, Box<dyn std::error::Error>> {
    let (y, mo, d, h, mi) = meta.zip_time;
    let options = SimpleFileOptions::default()
        .compression_method(CompressionMethod::Deflated)
        .compression_level(Some(6))
        .system(System::Unix)
        .unix_permissions(0o644)
        .last_modified_time(DateTime::from_date_and_time(y, mo, d, h, mi, 0)?);
    let mut parts: Vec<(&str, String)> = vec![
        ("[Content_Types].xml", content_types(numbering.is_some())),
        ("_rels/.rels", package_rels()),
        ("docProps/app.xml", app(meta)),
        ("docProps/core.xml", core(meta)),
        (
            "word/_rels/document.xml.rels",
            document_rels(numbering.is_some()),
        ),
        ("word/document.xml", document_xml.to_string()),
        ("word/fontTable.xml", font_table()),
        ("word/settings.xml", settings(meta)),
        ("word/styles.xml", styles(meta)),
    ];
    if let Some(n) = numbering {
        parts.push(("word/numbering.xml", format!("{XML_DECL}\n{n}")));
    }
    parts.sort_by(|a, b| a.0.cmp(b.0));
    let mut zip = ZipWriter::new(Cursor::new(Vec::new()));
    for (name, body) in parts {
        zip.start_file(name, options)?;
        zip.write_all(body.as_bytes())?;
    }
    Ok(zip.finish()?.into_inner())
}
