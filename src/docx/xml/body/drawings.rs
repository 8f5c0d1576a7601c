//! Pictures and shapes put in a run (`w:drawing`, VML `w:pict`, `w:object`): a person who
//! marks a form with a tick picture in place of the box, or draws an ellipse round a choice,
//! leaves one of these where the mark is. Each becomes a [`Mechanism::Drawing`] mark on its
//! anchoring paragraph; what it stands for is read from its geometry and alternative text.
//! Text boxes are not marks: their text is read as blocks (see [`super`]).

use super::super::elements::El;
use super::super::names::Ns;
use super::super::Tag;
use super::Parser;
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
    size: Option<(u64, u64)>,
}

/// Words of a picture's name or alternative text that say it is a tick or a cross, folded to
/// lower case, in the six languages.
const MARK_WORDS: [&str; 28] = [
    "check", "tick", "cross", "coche", "croix", "marque", "marca", "verificaci", "cruz",
    "paloma", "галоч", "отмет", "флаж", "крест", "птич", "علامة", "صح", "اختيار", "勾", "对号",
    "对勾", "叉", "复选", "✓", "✔", "☑", "☒", "✗",
];

/// Shapes that circle what they are drawn round.
const ROUND: [&str; 5] = ["ellipse", "oval", "flowchartconnector", "donut", "circle"];

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
        let Some(d) = self.drawing.as_mut().filter(|d| d.text_box_depth == depth) else {
            return;
        };
        match el {
            El::DocPr => {
                for key in ["descr", "title", "name"] {
                    if let Some(v) = tag.attr(key, &[Ns::None]) {
                        d.label.push_str(&v);
                        d.label.push(' ');
                    }
                }
            }
            El::Extent => {
                let n = |k| tag.attr(k, &[Ns::None])?.trim().parse::<u64>().ok();
                if let (Some(cx), Some(cy)) = (n("cx"), n("cy")) {
                    d.size.get_or_insert((cx, cy));
                }
            }
            El::PrstGeom => {
                if let Some(p) = tag.attr("prst", &[Ns::None]) {
                    d.shape.get_or_insert_with(|| p.to_ascii_lowercase());
                }
            }
            El::Picture => d.picture = true,
            El::VShape => {
                for key in ["alt", "title"] {
                    if let Some(v) = tag.attr(key, &[Ns::None]) {
                        d.label.push_str(&v);
                        d.label.push(' ');
                    }
                }
                d.shape.get_or_insert_with(|| tag.local_name().to_ascii_lowercase());
            }
            El::TxbxContent => d.text_box = true,
            _ => {}
        }
    }

    /// The end of an element: when it closes the drawing, the drawing becomes a mark.
    pub(super) fn end_drawing(&mut self) {
        if self.drawing.as_ref().is_some_and(|d| d.depth == self.frames.len()) {
            if let Some(mark) = self.drawing.take().and_then(|d| d.mark()) {
                self.emit(Inline::Checkbox(mark));
            }
        }
    }
}

impl Drawing {
    /// The mark this drawing makes, if any: a text box is read as text, not as a mark.
    fn mark(self) -> Option<Checkbox> {
        if self.text_box {
            return None;
        }
        let label: String = self.label.trim().to_lowercase();
        let shape = self.shape.as_deref().unwrap_or("");
        let round = !self.picture && ROUND.contains(&shape);
        let says_mark = MARK_WORDS.iter().any(|w| label.contains(w));
        let what = if self.picture {
            format!("picture '{}'", self.label.trim())
        } else if shape.is_empty() {
            "drawn object".to_string()
        } else {
            format!("{shape} drawn")
        };
        let size = self
            .size
            .map(|(cx, cy)| format!(" ({:.1}×{:.1} cm)", cx as f64 / 360_000.0, cy as f64 / 360_000.0))
            .unwrap_or_default();
        Some(Checkbox {
            mechanism: Mechanism::Drawing,
            checked: (round || says_mark).then_some(true),
            detail: format!("{what}{size}"),
        })
    }
}
