//! Pictures and shapes put in a run (`w:drawing`, VML `w:pict`, `w:object`): a person who
//! marks a form with a tick picture in place of the box, or draws an ellipse round a choice,
//! leaves one of these where the mark is. Each becomes a [`Mechanism::Drawing`] mark on its
//! anchoring paragraph; what it stands for is read from its geometry and alternative text,
//! and whether it stands on that paragraph's line from how it is placed. Text boxes are not
//! marks: their text is read as blocks (see [`super`]).

use super::super::elements::El;
use super::super::names::Ns;
use super::super::Tag;
use super::{Capture, Parser};
use crate::docx::model::{Checkbox, Inline, Mechanism};

/// What has been seen of the drawing being read.
#[derive(Debug, Default)]
pub(super) struct Drawing {
    /// `frames.len()` when it opened: its end is the frame at that depth.
    depth: usize,
    /// Text-box depth when it opened: what is inside its own text box is not its own.
    text_box_depth: usize,
    picture: bool,
    /// DrawingML preset (`ellipse`) or VML element (`oval`).
    shape: Option<String>,
    text_box: bool,
    /// Alternative text, title and name (`wp:docPr`, VML `alt`/`title`).
    label: String,
    /// Size in EMU (`wp:extent`), when given.
    size: Option<(i64, i64)>,
    /// In the line (`wp:inline`, a VML shape not positioned absolutely).
    inline: bool,
    /// Of a floating drawing: what its vertical offset is measured from, and the offset (EMU).
    vertical: Option<(String, Option<i64>)>,
    /// Inside `wp:positionV` (its `wp:posOffset` is the vertical offset).
    in_vertical: bool,
    /// The text of the open `wp:posOffset`.
    pub(super) offset: Capture,
}

/// Words of a picture's name or alternative text that say it is a tick or a cross, folded to
/// lower case, in the six languages.
const MARK_WORDS: [&str; 28] = [
    "check",
    "tick",
    "cross",
    "coche",
    "croix",
    "marque",
    "marca",
    "verificaci",
    "cruz",
    "paloma",
    "галоч",
    "отмет",
    "флаж",
    "крест",
    "птич",
    "علامة",
    "صح",
    "اختيار",
    "勾",
    "对号",
    "对勾",
    "叉",
    "复选",
    "✓",
    "✔",
    "☑",
    "☒",
    "✗",
];

/// Shapes that circle what they are drawn round.
const ROUND: [&str; 5] = ["ellipse", "oval", "flowchartconnector", "donut", "circle"];

/// Shapes that frame what they are drawn round (DrawingML presets, VML elements).
const FRAMES: [&str; 6] = [
    "rect",
    "roundrect",
    "flowchartprocess",
    "flowchartalternateprocess",
    "frame",
    "plaque",
];

/// A frame drawn round a paragraph's first line: its top within this band of the line's top
/// (EMU, 8 pt above to 5 pt below), its bottom below the line, and no taller than about four
/// lines (a label such as "Does not authorize … (the reasons are attached)" wraps over three in
/// a narrow cell) — a taller one may frame the lines after it too.
const FRAME_TOP: std::ops::Range<i64> = -100_000..60_000;
const FRAME_BOTTOM_MIN: i64 = 150_000;
const FRAME_HEIGHT_MAX: i64 = 1_000_000;

/// EMU in a point.
const EMU_PER_PT: f64 = 12_700.0;

/// The band of a paragraph's first line, from its top (EMU): a floating drawing whose middle
/// falls inside it is drawn on that line; one whose middle is above or below it is over
/// another line, which only the page layout can tell.
const FIRST_LINE: std::ops::Range<i64> = 15_000..215_000;

impl Parser<'_, '_> {
    /// A start tag inside or opening a drawing.
    pub(super) fn start_drawing(&mut self, el: El, tag: Tag<'_, '_>) {
        if el == El::Drawing {
            if self.drawing.is_none() && !self.runs.is_empty() {
                self.drawing = Some(Drawing {
                    depth: self.frames.len(),
                    text_box_depth: self.text_box_depth,
                    ..Drawing::default()
                });
            }
            return;
        }
        let depth = self.text_box_depth;
        if let Some(d) = self.drawing.as_mut().filter(|d| d.text_box_depth == depth) {
            d.start(el, tag);
        }
    }

    /// The end of a drawing (it becomes a mark) or of its vertical offset.
    pub(super) fn end_drawing(&mut self, el: El) {
        if el == El::PosOffset {
            if let Some(d) = self.drawing.as_mut().filter(|d| d.offset.open) {
                d.offset.open = false;
                if d.in_vertical {
                    let off = d.offset.buf.trim().parse::<i64>().ok();
                    if let Some((_, o)) = d.vertical.as_mut() {
                        *o = off;
                    }
                }
            }
            return;
        }
        if self
            .drawing
            .as_ref()
            .is_some_and(|d| d.depth == self.frames.len())
        {
            if let Some(mark) = self.drawing.take().and_then(Drawing::mark) {
                self.emit(Inline::Checkbox(mark));
            }
        }
    }
}

impl Drawing {
    fn start(&mut self, el: El, tag: Tag<'_, '_>) {
        let attr = |k: &str| tag.attr(k, &[Ns::None]);
        match el {
            El::DocPr => {
                for key in ["descr", "title", "name"] {
                    self.add_label(attr(key).as_deref());
                }
            }
            El::Extent => {
                let n = |k| attr(k)?.trim().parse::<i64>().ok();
                if let (Some(cx), Some(cy)) = (n("cx"), n("cy")) {
                    self.size.get_or_insert((cx, cy));
                }
            }
            El::DrawingInline => self.inline = true,
            El::PositionH => self.in_vertical = false,
            El::PositionV => {
                self.in_vertical = true;
                let from = attr("relativeFrom")
                    .unwrap_or_default()
                    .to_ascii_lowercase();
                self.vertical = Some((from, None));
            }
            El::PosOffset => self.offset.start(),
            El::PrstGeom => {
                if let Some(p) = attr("prst") {
                    self.shape.get_or_insert_with(|| p.to_ascii_lowercase());
                }
            }
            El::Picture => self.picture = true,
            El::VShape => {
                self.add_label(attr("alt").as_deref());
                self.add_label(attr("title").as_deref());
                self.shape
                    .get_or_insert_with(|| tag.local_name().to_ascii_lowercase());
                if self.vertical.is_none() && !self.inline {
                    self.vml_place(attr("style").as_deref().unwrap_or(""));
                }
            }
            El::TxbxContent => self.text_box = true,
            _ => {}
        }
    }

    fn add_label(&mut self, v: Option<&str>) {
        if let Some(v) = v.filter(|v| !v.trim().is_empty()) {
            self.label.push_str(v.trim());
            self.label.push(' ');
        }
    }

    /// A VML shape's place from its CSS-like `style`: absolute with a `margin-top` measured
    /// from the line or the paragraph (`mso-position-vertical-relative`), or in the line.
    fn vml_place(&mut self, style: &str) {
        let prop = |name: &str| {
            style.split(';').find_map(|kv| {
                let (k, v) = kv.split_once(':')?;
                (k.trim().eq_ignore_ascii_case(name)).then(|| v.trim().to_ascii_lowercase())
            })
        };
        let pt = |v: Option<String>| {
            let v = v?;
            let n: f64 = v.trim_end_matches("pt").trim().parse().ok()?;
            v.ends_with("pt").then_some((n * EMU_PER_PT) as i64)
        };
        if prop("position").as_deref() != Some("absolute") {
            self.inline = true;
            return;
        }
        let from = prop("mso-position-vertical-relative").unwrap_or_else(|| "paragraph".into());
        let from = if from == "text" {
            "paragraph".into()
        } else {
            from
        };
        self.vertical = Some((from, pt(prop("margin-top"))));
        if self.size.is_none() {
            if let (Some(w), Some(h)) = (pt(prop("width")), pt(prop("height"))) {
                self.size = Some((w, h));
            }
        }
    }

    /// Whether the drawing stands on its anchoring paragraph's first line: in the line, or
    /// floating with its middle inside that line.
    fn on_its_line(&self) -> bool {
        if self.inline {
            return true;
        }
        let Some((from, Some(off))) = &self.vertical else {
            return false;
        };
        let height = self.size.map_or(0, |(_, cy)| cy);
        matches!(from.as_str(), "line" | "paragraph") && FIRST_LINE.contains(&(off + height / 2))
    }

    /// Whether the drawing, a frame, is drawn round its anchoring paragraph's first line.
    fn frames_its_line(&self) -> bool {
        let (Some((from, Some(off))), Some((_, height))) = (&self.vertical, self.size) else {
            return false;
        };
        matches!(from.as_str(), "line" | "paragraph")
            && FRAME_TOP.contains(off)
            && off + height >= FRAME_BOTTOM_MIN
            && height <= FRAME_HEIGHT_MAX
    }

    /// The mark this drawing makes, if any: a text box is read as text, not as a mark.
    fn mark(self) -> Option<Checkbox> {
        if self.text_box {
            return None;
        }
        let label = self.label.trim().to_lowercase();
        let shape = self.shape.as_deref().unwrap_or("");
        let round = !self.picture && ROUND.contains(&shape);
        let says_mark = MARK_WORDS.iter().any(|w| label.contains(w));
        let framed = !self.picture && FRAMES.contains(&shape) && self.frames_its_line();
        let placed = self.on_its_line() || framed;
        let what = if self.picture {
            format!("picture '{}'", self.label.trim())
        } else if shape.is_empty() {
            "drawn object".to_string()
        } else {
            format!("{shape} drawn")
        };
        let size = self.size.map_or(String::new(), |(cx, cy)| {
            format!(
                " ({:.1}×{:.1} cm)",
                cx as f64 / 360_000.0,
                cy as f64 / 360_000.0
            )
        });
        let place = if placed {
            ""
        } else {
            ", floating: which line it covers only the page layout shows"
        };
        Some(Checkbox {
            mechanism: Mechanism::Drawing,
            checked: ((round || says_mark || framed) && placed).then_some(true),
            detail: format!("{what}{size}{place}"),
        })
    }
}
