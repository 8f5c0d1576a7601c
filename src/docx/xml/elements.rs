//! Element classification: the WordprocessingML, `w14` and markup-compatibility elements that
//! have a meaning for the reader ([`El`]), told from a resolved name in [`classify`].

use super::names::Ns;

/// Elements with a meaning here; everything else is `Other` and only passes content through.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum El {
    P,
    PPr,
    PStyle,
    /// `w:numPr/w:numId` and `w:ilvl`: the list a paragraph is in, and its level.
    NumId,
    Ilvl,
    Bidi,
    Shd,
    /// `w:pPr/w:pBdr`: the borders drawn round a paragraph.
    PBdr,
    /// A side of a border (`w:top`, `w:left`, `w:bottom`, `w:right`).
    BorderSide,
    Tbl,
    Tr,
    TrPr,
    GridBefore,
    Tc,
    TcPr,
    GridSpan,
    VMerge,
    CellDel,
    CellIns,
    Sdt,
    SdtPr,
    TxbxContent,
    R,
    RPr,
    B,
    U,
    Strike,
    DStrike,
    Highlight,
    /// `w:rPr/w:color`: text coloured.
    Color,
    RFonts,
    T,
    DelText,
    InstrText,
    Tab,
    Ptab,
    Br,
    Cr,
    NoBreakHyphen,
    Sym,
    FldChar,
    FfData,
    FldSimple,
    FfCheckBox,
    FfChecked,
    FfDefault,
    /// `w:ddList` of a `FORMDROPDOWN` field, its `w:result` and `w:listEntry` children.
    FfDdList,
    FfResult,
    FfListEntry,
    Del,
    Ins,
    MoveFrom,
    MoveTo,
    PrChange,
    Control,
    W14Checkbox,
    W14Checked,
    /// `w:commentReference`, `w:footnoteReference`, `w:endnoteReference`: a note anchored here.
    NoteReference,
    /// `w:comment`, `w:footnote`, `w:endnote`: a note's content in its own part.
    Note,
    /// `w:drawing`, `w:pict`, `w:object`: a picture or shape put in the run.
    Drawing,
    /// `wp:docPr`: a drawing's name and alternative text.
    DocPr,
    /// `wp:extent`: a drawing's size.
    Extent,
    /// `wp:inline`: the drawing stands in the line, where its run is.
    DrawingInline,
    /// `wp:positionH` / `wp:positionV` of a floating drawing, and their `wp:posOffset`.
    PositionH,
    PositionV,
    PosOffset,
    /// `a:prstGeom`: a DrawingML shape's geometry (`ellipse`, `rect` …).
    PrstGeom,
    /// `a:blip`, `v:imagedata`: the drawing is a picture.
    Picture,
    /// A VML shape element (`v:oval`, `v:rect`, `v:shape` …).
    VShape,
    AltContent,
    Choice,
    Fallback,
    Other,
}

pub(super) fn classify(ns: Ns, local: &str) -> El {
    match ns {
        // Formatting revisions hold the *old* properties: never read them as current.
        Ns::W if local.ends_with("PrChange") || local == "numberingChange" => El::PrChange,
        Ns::W => main_element(local),
        Ns::W14 => match local {
            "checkbox" => El::W14Checkbox,
            "checked" => El::W14Checked,
            _ => El::Other,
        },
        Ns::Wp => match local {
            "docPr" => El::DocPr,
            "extent" => El::Extent,
            "inline" => El::DrawingInline,
            "positionH" => El::PositionH,
            "positionV" => El::PositionV,
            "posOffset" => El::PosOffset,
            _ => El::Other,
        },
        Ns::A => match local {
            "prstGeom" => El::PrstGeom,
            "blip" => El::Picture,
            _ => El::Other,
        },
        Ns::V => match local {
            "imagedata" => El::Picture,
            "oval" | "rect" | "roundrect" | "shape" | "line" | "polyline" | "arc" | "curve" => {
                El::VShape
            }
            _ => El::Other,
        },
        Ns::Mc => match local {
            "AlternateContent" => El::AltContent,
            "Choice" => El::Choice,
            "Fallback" => El::Fallback,
            _ => El::Other,
        },
        _ => El::Other,
    }
}

/// An element of the main (`w:`) namespace, by local name.
fn main_element(local: &str) -> El {
    // By length first: one integer switch, then a few comparisons (this runs for every element
    // of the part).
    match local.len() {
        1 => match local {
            "p" => El::P,
            "r" => El::R,
            "t" => El::T,
            "b" => El::B,
            "u" => El::U,
            _ => El::Other,
        },
        2 => match local {
            "tr" => El::Tr,
            "tc" => El::Tc,
            "br" => El::Br,
            "cr" => El::Cr,
            _ => El::Other,
        },
        3 => match local {
            "rPr" => El::RPr,
            "pPr" => El::PPr,
            "shd" => El::Shd,
            "top" => El::BorderSide,
            "tbl" => El::Tbl,
            "sdt" => El::Sdt,
            "tab" => El::Tab,
            "sym" => El::Sym,
            "del" => El::Del,
            "ins" => El::Ins,
            _ => El::Other,
        },
        4 => match local {
            "tcPr" => El::TcPr,
            "ilvl" => El::Ilvl,
            "trPr" => El::TrPr,
            "bidi" => El::Bidi,
            "pBdr" => El::PBdr,
            "left" => El::BorderSide,
            "ptab" => El::Ptab,
            "pict" => El::Drawing,
            _ => El::Other,
        },
        5 => match local {
            "sdtPr" => El::SdtPr,
            "numId" => El::NumId,
            "color" => El::Color,
            "right" => El::BorderSide,
            _ => El::Other,
        },
        6 => match local {
            "rFonts" => El::RFonts,
            "pStyle" => El::PStyle,
            "vMerge" => El::VMerge,
            "strike" => El::Strike,
            "bottom" => El::BorderSide,
            "ffData" => El::FfData,
            "ddList" => El::FfDdList,
            "result" => El::FfResult,
            "moveTo" => El::MoveTo,
            "object" => El::Drawing,
            _ => El::Other,
        },
        7 => match local {
            "fldChar" => El::FldChar,
            "cellDel" => El::CellDel,
            "cellIns" => El::CellIns,
            "dstrike" => El::DStrike,
            "delText" => El::DelText,
            "checked" => El::FfChecked,
            "default" => El::FfDefault,
            "control" => El::Control,
            "drawing" => El::Drawing,
            "comment" | "endnote" => El::Note,
            _ => El::Other,
        },
        8 => match local {
            "gridSpan" => El::GridSpan,
            "checkBox" => El::FfCheckBox,
            "moveFrom" => El::MoveFrom,
            "footnote" => El::Note,
            _ => El::Other,
        },
        9 => match local {
            "instrText" => El::InstrText,
            "highlight" => El::Highlight,
            "cellMerge" => El::CellIns,
            "fldSimple" => El::FldSimple,
            "listEntry" => El::FfListEntry,
            _ => El::Other,
        },
        10 => match local {
            "gridBefore" => El::GridBefore,
            _ => El::Other,
        },
        11 => match local {
            "txbxContent" => El::TxbxContent,
            _ => El::Other,
        },
        12 => match local {
            "delInstrText" => El::DelText,
            _ => El::Other,
        },
        13 => match local {
            "noBreakHyphen" => El::NoBreakHyphen,
            _ => El::Other,
        },
        16 | 17 => match local {
            "commentReference" | "footnoteReference" | "endnoteReference" => El::NoteReference,
            _ => El::Other,
        },
        _ => El::Other,
    }
}
