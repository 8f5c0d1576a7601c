//! What pdf-extract's interpreter shows of a page, collected as plain data: each character
//! with its position and size, each stroked or filled path as segments and rectangles, in
//! page coordinates with y growing downwards (top of the page is 0).

use pdf_extract::{ColorSpace, MediaBox, OutputDev, OutputError, Path, PathOp, Transform};

use super::limits;

/// One character as drawn.
#[derive(Debug, Clone)]
pub struct Glyph {
    /// Left edge and baseline.
    pub x: f64,
    pub y: f64,
    /// Advance width and font size, in points.
    pub width: f64,
    pub size: f64,
    pub text: String,
}

/// A straight piece of a path.
#[derive(Debug, Clone, Copy)]
pub struct Segment {
    pub x0: f64,
    pub y0: f64,
    pub x1: f64,
    pub y1: f64,
}

/// An axis-aligned rectangle (left, top, right, bottom).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rect {
    pub l: f64,
    pub t: f64,
    pub r: f64,
    pub b: f64,
}

impl Rect {
    pub fn w(&self) -> f64 {
        self.r - self.l
    }
    pub fn h(&self) -> f64 {
        self.b - self.t
    }
}

#[derive(Debug, Default)]
pub struct Page {
    pub width: f64,
    pub height: f64,
    pub glyphs: Vec<Glyph>,
    /// Stroked lines (rectangles stroked come as their four sides, and also in `stroked_rects`).
    pub lines: Vec<Segment>,
    pub stroked_rects: Vec<Rect>,
    /// Filled rectangles, with whether the fill is white (or near it).
    pub fills: Vec<(Rect, bool)>,
    /// AcroForm widgets on the page (check boxes, radio buttons, text fields).
    pub marks: Vec<Widget>,
    /// Characters or paths past the per-page caps were dropped.
    pub truncated: bool,
    /// Why the page could not be interpreted, when it could not.
    pub unreadable: Option<String>,
}

impl Page {
    pub fn unreadable(why: String) -> Page {
        Page {
            unreadable: Some(why),
            ..Page::default()
        }
    }
}

/// An AcroForm widget where it sits on the page.
#[derive(Debug, Clone)]
pub enum Widget {
    Box(Rect, crate::docx::model::Checkbox),
    Text(Rect, String),
}

/// The [`OutputDev`] that fills a [`Page`].
pub struct Collector {
    pub page: Page,
    flip: Transform,
    items: usize,
}

impl Collector {
    pub fn new() -> Collector {
        Collector {
            page: Page::default(),
            flip: Transform::identity(),
            items: 0,
        }
    }

    /// Counts one more item; `false` once the page holds too many (they are dropped).
    fn room(&mut self) -> bool {
        self.items += 1;
        if self.items > limits::MAX_ITEMS_PER_PAGE {
            self.page.truncated = true;
            return false;
        }
        true
    }

    fn point(&self, ctm: &Transform, x: f64, y: f64) -> (f64, f64) {
        let m = ctm.post_transform(&self.flip);
        (x * m.m11 + y * m.m21 + m.m31, x * m.m12 + y * m.m22 + m.m32)
    }

    /// The path in page coordinates: its straight segments and its rectangles.
    fn flatten(&self, ctm: &Transform, path: &Path) -> (Vec<Segment>, Vec<Rect>) {
        let mut segs = Vec::new();
        let mut rects = Vec::new();
        let mut cur = (0.0, 0.0);
        let mut start = (0.0, 0.0);
        for op in &path.ops {
            match *op {
                PathOp::MoveTo(x, y) => {
                    cur = self.point(ctm, x, y);
                    start = cur;
                }
                PathOp::LineTo(x, y) => {
                    let p = self.point(ctm, x, y);
                    segs.push(seg(cur, p));
                    cur = p;
                }
                PathOp::CurveTo(_, _, _, _, x, y) => cur = self.point(ctm, x, y),
                PathOp::Rect(x, y, w, h) => {
                    let a = self.point(ctm, x, y);
                    let b = self.point(ctm, x + w, y + h);
                    let r = Rect {
                        l: a.0.min(b.0),
                        t: a.1.min(b.1),
                        r: a.0.max(b.0),
                        b: a.1.max(b.1),
                    };
                    rects.push(r);
                    cur = a;
                    start = a;
                }
                PathOp::Close => {
                    if cur != start {
                        segs.push(seg(cur, start));
                    }
                    cur = start;
                }
            }
        }
        (segs, rects)
    }
}

fn seg(a: (f64, f64), b: (f64, f64)) -> Segment {
    Segment {
        x0: a.0,
        y0: a.1,
        x1: b.0,
        y1: b.1,
    }
}

fn rect_sides(r: &Rect) -> [Segment; 4] {
    [
        seg((r.l, r.t), (r.r, r.t)),
        seg((r.r, r.t), (r.r, r.b)),
        seg((r.r, r.b), (r.l, r.b)),
        seg((r.l, r.b), (r.l, r.t)),
    ]
}

/// White, or so pale it would not be taken for a highlight.
fn is_white(cs: &ColorSpace, color: &[f64]) -> bool {
    match cs {
        ColorSpace::DeviceCMYK => color.iter().all(|c| *c < 0.05),
        _ => !color.is_empty() && color.iter().all(|c| *c > 0.95),
    }
}

impl OutputDev for Collector {
    fn begin_page(
        &mut self,
        _page_num: u32,
        media_box: &MediaBox,
        _art_box: Option<(f64, f64, f64, f64)>,
    ) -> Result<(), OutputError> {
        self.flip = Transform::row_major(1., 0., 0., -1., -media_box.llx, media_box.ury);
        self.page.width = media_box.urx - media_box.llx;
        self.page.height = media_box.ury - media_box.lly;
        Ok(())
    }
    fn end_page(&mut self) -> Result<(), OutputError> {
        Ok(())
    }
    fn output_character(
        &mut self,
        trm: &Transform,
        width: f64,
        _spacing: f64,
        font_size: f64,
        text: &str,
    ) -> Result<(), OutputError> {
        if !self.room() {
            return Ok(());
        }
        let pos = trm.post_transform(&self.flip);
        // The side of the square with the area of the transformed (size × size) box.
        let vx = font_size * trm.m11 + font_size * trm.m21;
        let vy = font_size * trm.m12 + font_size * trm.m22;
        let size = (vx * vy).abs().sqrt();
        self.page.glyphs.push(Glyph {
            x: pos.m31,
            y: pos.m32,
            width: width * size,
            size,
            text: text.to_string(),
        });
        Ok(())
    }
    fn begin_word(&mut self) -> Result<(), OutputError> {
        Ok(())
    }
    fn end_word(&mut self) -> Result<(), OutputError> {
        Ok(())
    }
    fn end_line(&mut self) -> Result<(), OutputError> {
        Ok(())
    }
    fn stroke(
        &mut self,
        ctm: &Transform,
        _cs: &ColorSpace,
        _color: &[f64],
        path: &Path,
    ) -> Result<(), OutputError> {
        if !self.room() {
            return Ok(());
        }
        let (segs, rects) = self.flatten(ctm, path);
        for r in &rects {
            self.page.lines.extend(rect_sides(r));
        }
        self.page.lines.extend(segs);
        self.page.stroked_rects.extend(rects);
        Ok(())
    }
    fn fill(
        &mut self,
        ctm: &Transform,
        cs: &ColorSpace,
        color: &[f64],
        path: &Path,
    ) -> Result<(), OutputError> {
        if !self.room() {
            return Ok(());
        }
        let white = is_white(cs, color);
        let (segs, mut rects) = self.flatten(ctm, path);
        // A closed path of four axis-aligned sides is a rectangle too.
        if rects.is_empty() && (4..=5).contains(&segs.len()) {
            let xs = segs.iter().flat_map(|s| [s.x0, s.x1]);
            let ys = segs.iter().flat_map(|s| [s.y0, s.y1]);
            let (l, r) = xs.fold((f64::MAX, f64::MIN), |(a, b), x| (a.min(x), b.max(x)));
            let (t, b) = ys.fold((f64::MAX, f64::MIN), |(a, b), y| (a.min(y), b.max(y)));
            let axis = segs
                .iter()
                .all(|s| (s.x0 - s.x1).abs() < 0.1 || (s.y0 - s.y1).abs() < 0.1);
            if axis {
                rects.push(Rect { l, t, r, b });
            }
        }
        self.page
            .fills
            .extend(rects.into_iter().map(|r| (r, white)));
        Ok(())
    }
}
