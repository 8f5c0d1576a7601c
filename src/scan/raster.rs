//! The page as pixels: Otsu's threshold, deskew by projection profiles, the ruling lines of
//! tables, and the hollow squares of check boxes with the share of ink inside each.

/// A grayscale page, one byte a pixel, row by row (0 black, 255 white).
#[derive(Clone)]
pub struct Gray {
    pub w: usize,
    pub h: usize,
    pub px: Vec<u8>,
}

impl Gray {
    fn at(&self, x: usize, y: usize) -> u8 {
        self.px[y * self.w + x]
    }
}

/// Ink (true) by Otsu's threshold: the level that best splits the page's histogram in two.
pub fn binarize(g: &Gray) -> Vec<bool> {
    binarize_at(g, otsu(g))
}

/// Whether a page has at most a few gray levels: black and white pixels, perhaps averaged
/// down by a whole factor (a bilevel TIFF), not a photograph or a JPEG.
pub fn few_levels(g: &Gray) -> bool {
    let mut seen = [false; 256];
    for &p in &g.px {
        seen[p as usize] = true;
    }
    seen.iter().filter(|&&s| s).count() <= 17
}

/// Ink (true): pixels at or darker than `level`.
pub fn binarize_at(g: &Gray, level: u8) -> Vec<bool> {
    g.px.iter().map(|&p| p <= level).collect()
}

/// Otsu's threshold of the page.
pub fn otsu(g: &Gray) -> u8 {
    let mut hist = [0u64; 256];
    for &p in &g.px {
        hist[p as usize] += 1;
    }
    let total = g.px.len() as f64;
    let sum: f64 = hist
        .iter()
        .enumerate()
        .map(|(i, &n)| i as f64 * n as f64)
        .sum();
    let (mut wb, mut sb, mut best, mut level) = (0.0, 0.0, -1.0, 128u8);
    for (t, &n) in hist.iter().enumerate() {
        wb += n as f64;
        if wb == 0.0 || wb == total {
            continue;
        }
        sb += t as f64 * n as f64;
        let wf = total - wb;
        let (mb, mf) = (sb / wb, (sum - sb) / wf);
        let between = wb * wf * (mb - mf) * (mb - mf);
        if between > best {
            best = between;
            level = t as u8;
        }
    }
    level
}

/// The page's skew in degrees (within ±3°): the angle whose row projection of ink is sharpest.
pub fn skew(g: &Gray) -> f64 {
    let ink = binarize(g);
    let step = (g.w / 600).max(1);
    let pts: Vec<(f64, f64)> = (0..g.h)
        .step_by(step)
        .flat_map(|y| (0..g.w).step_by(step).map(move |x| (x, y)))
        .filter(|&(x, y)| ink[y * g.w + x])
        .map(|(x, y)| (x as f64, y as f64))
        .collect();
    let score = |deg: f64| {
        let (s, c) = deg.to_radians().sin_cos();
        let mut rows = vec![0u32; g.h + g.w + 2];
        for &(x, y) in &pts {
            let r = (-s * x + c * y) / step as f64 + g.w as f64 / step as f64;
            if let Some(v) = rows.get_mut(r.max(0.0) as usize) {
                *v += 1;
            }
        }
        rows.iter().map(|&v| (v as f64) * (v as f64)).sum::<f64>()
    };
    let best_of = |from: f64, to: f64, by: f64| {
        let n = ((to - from) / by).round() as i32;
        (0..=n)
            .map(|i| from + i as f64 * by)
            .map(|a| (a, score(a)))
            .fold((0.0, -1.0), |b, x| if x.1 > b.1 { x } else { b })
            .0
    };
    let coarse = best_of(-3.0, 3.0, 0.25);
    best_of(coarse - 0.25, coarse + 0.25, 0.025)
}

/// The page turned by `-deg` about its centre (bilinear, white where nothing was).
pub fn rotate(g: &Gray, deg: f64) -> Gray {
    if deg.abs() < 0.02 {
        return g.clone();
    }
    let (s, c) = deg.to_radians().sin_cos();
    let (cx, cy) = (g.w as f64 / 2.0, g.h as f64 / 2.0);
    let mut px = vec![255u8; g.w * g.h];
    for y in 0..g.h {
        for x in 0..g.w {
            let (dx, dy) = (x as f64 - cx, y as f64 - cy);
            let (qx, qy) = (c * dx - s * dy + cx, s * dx + c * dy + cy);
            if qx < 0.0 || qy < 0.0 || qx >= (g.w - 1) as f64 || qy >= (g.h - 1) as f64 {
                continue;
            }
            let (x0, y0) = (qx as usize, qy as usize);
            let (fx, fy) = (qx - x0 as f64, qy - y0 as f64);
            let v = g.at(x0, y0) as f64 * (1.0 - fx) * (1.0 - fy)
                + g.at(x0 + 1, y0) as f64 * fx * (1.0 - fy)
                + g.at(x0, y0 + 1) as f64 * (1.0 - fx) * fy
                + g.at(x0 + 1, y0 + 1) as f64 * fx * fy;
            px[y * g.w + x] = v.round() as u8;
        }
    }
    Gray { w: g.w, h: g.h, px }
}

/// Ink maps with their prefix sums, for constant-time counts along rows, columns and areas.
pub struct InkMap {
    w: usize,
    h: usize,
    /// Ink dilated by one pixel up and down (a horizontal stroke that wavers stays one line),
    /// prefix-summed along each row.
    hrow: Vec<u32>,
    /// Ink dilated by one pixel left and right, prefix-summed down each column.
    vcol: Vec<u32>,
    /// Plain ink, summed over areas (integral image, (w+1)×(h+1)).
    area: Vec<u32>,
}

impl InkMap {
    pub fn new(w: usize, h: usize, ink: &[bool]) -> InkMap {
        let at = |x: usize, y: usize| ink[y * w + x];
        let mut hrow = vec![0u32; (w + 1) * h];
        for y in 0..h {
            for x in 0..w {
                let hit = at(x, y) || (y > 0 && at(x, y - 1)) || (y + 1 < h && at(x, y + 1));
                hrow[y * (w + 1) + x + 1] = hrow[y * (w + 1) + x] + u32::from(hit);
            }
        }
        let mut vcol = vec![0u32; w * (h + 1)];
        for x in 0..w {
            for y in 0..h {
                let hit = at(x, y) || (x > 0 && at(x - 1, y)) || (x + 1 < w && at(x + 1, y));
                vcol[x * (h + 1) + y + 1] = vcol[x * (h + 1) + y] + u32::from(hit);
            }
        }
        let mut area = vec![0u32; (w + 1) * (h + 1)];
        for y in 0..h {
            let mut row = 0;
            for x in 0..w {
                row += u32::from(at(x, y));
                area[(y + 1) * (w + 1) + x + 1] = area[y * (w + 1) + x + 1] + row;
            }
        }
        InkMap {
            w,
            h,
            hrow,
            vcol,
            area,
        }
    }

    /// Share of row `y` from `x0` to `x1` (exclusive) that is (dilated) ink.
    fn row(&self, y: usize, x0: usize, x1: usize) -> f64 {
        let b = y * (self.w + 1);
        f64::from(self.hrow[b + x1] - self.hrow[b + x0]) / (x1 - x0).max(1) as f64
    }

    fn col(&self, x: usize, y0: usize, y1: usize) -> f64 {
        let b = x * (self.h + 1);
        f64::from(self.vcol[b + y1] - self.vcol[b + y0]) / (y1 - y0).max(1) as f64
    }

    /// Share of ink in the rectangle [x0, x1) × [y0, y1).
    pub fn share(&self, x0: usize, y0: usize, x1: usize, y1: usize) -> f64 {
        let a = |x: usize, y: usize| i64::from(self.area[y * (self.w + 1) + x]);
        let n = a(x1, y1) - a(x0, y1) - a(x1, y0) + a(x0, y0);
        n as f64 / ((x1 - x0) * (y1 - y0)).max(1) as f64
    }
}

/// A hollow square found on the page, in pixels, with the share of ink inside it.
#[derive(Debug, Clone, Copy)]
pub struct Square {
    pub x: usize,
    pub y: usize,
    pub side: usize,
    pub ink: f64,
}

/// Each edge of a box is at least this much ink; the lines just outside at most the second
/// (a table rule or a letter running through is not a box).
const EDGE_MIN: f64 = 0.8;
const OUTSIDE_MAX: f64 = 0.45;

/// Hollow squares with sides from `min` to `max` pixels.
pub fn squares(m: &InkMap, min: usize, max: usize) -> Vec<Square> {
    let gap = (min / 8).max(2);
    let mut found: Vec<(f64, Square)> = Vec::new();
    for y in gap..m.h.saturating_sub(max + gap + 1) {
        for x in gap..m.w.saturating_sub(max + gap + 1) {
            // A top-left corner: ink going right and going down.
            if m.row(y, x, x + min / 2) < EDGE_MIN || m.col(x, y, y + min / 2) < EDGE_MIN {
                continue;
            }
            for s in min..=max {
                let edges = [
                    m.row(y, x, x + s),
                    m.row(y + s, x, x + s),
                    m.col(x, y, y + s),
                    m.col(x + s, y, y + s),
                ];
                if edges.iter().any(|&e| e < EDGE_MIN) {
                    continue;
                }
                let outside = [
                    m.row(y - gap, x, x + s),
                    m.row(y + s + gap, x, x + s),
                    m.col(x - gap, y, y + s),
                    m.col(x + s + gap, y, y + s),
                ];
                if outside.iter().any(|&e| e > OUTSIDE_MAX) {
                    continue;
                }
                let score = edges.iter().sum::<f64>() - outside.iter().sum::<f64>();
                let ink = interior(m, x, y, s);
                found.push((score, Square { x, y, side: s, ink }));
            }
        }
    }
    // Best first; a square overlapping a better one is the same box seen one pixel off.
    found.sort_by(|a, b| b.0.total_cmp(&a.0));
    let mut kept: Vec<Square> = Vec::new();
    for (_, q) in found {
        if !kept.iter().any(|k| overlap(&q, k)) {
            kept.push(q);
        }
    }
    kept
}

/// How many of a square's four edges are ink in this map (as [`squares`] wants an edge).
pub fn inked_edges(m: &InkMap, q: &Square) -> usize {
    let (x, y, s) = (q.x, q.y, q.side);
    if x + s >= m.w || y + s >= m.h {
        return 0;
    }
    [
        m.row(y, x, x + s),
        m.row(y + s, x, x + s),
        m.col(x, y, y + s),
        m.col(x + s, y, y + s),
    ]
    .iter()
    .filter(|&&e| e >= EDGE_MIN)
    .count()
}

/// Ink share inside a square, its edges (and the blur around them) left out.
fn interior(m: &InkMap, x: usize, y: usize, s: usize) -> f64 {
    let inset = (s / 6).max(3);
    if 2 * inset >= s {
        return 0.0;
    }
    m.share(x + inset, y + inset, x + s - inset + 1, y + s - inset + 1)
}

/// Share of pixels darker than `level` inside a square, a thin margin inside its edges left
/// out: a hairline cross that blur and JPEG turned gray is still darker than the paper.
pub fn dark_share(g: &Gray, q: &Square, level: u8) -> f64 {
    // A fifth of the side: a typed ☐ has thick edges that blur inwards.
    let inset = (q.side / 5).max(3);
    if 2 * inset >= q.side {
        return 0.0;
    }
    let (x0, y0, x1, y1) = (
        q.x + inset,
        q.y + inset,
        q.x + q.side - inset,
        q.y + q.side - inset,
    );
    let dark = (y0..y1)
        .flat_map(|y| (x0..x1).map(move |x| (x, y)))
        .filter(|&(x, y)| g.at(x, y) < level)
        .count();
    dark as f64 / ((x1 - x0) * (y1 - y0)) as f64
}

/// Round marks — a radio button (○ or ●), a ◯ glyph — with radii from `rmin` to `rmax`
/// pixels, as the squares round them, each with the ink share of its inner disc. A ring is
/// looked for from its topmost pixel: ink at the other three ends of its diameters, then all
/// round it, and clear paper a little outside (a cell's rule crossing it is let through, a
/// neighbouring letter is not). `taken` are squares already found: a circle inside one is
/// part of it.
pub fn circles(g: &Gray, m: &InkMap, rmin: usize, rmax: usize, taken: &[Square]) -> Vec<Square> {
    let near = |x: f64, y: f64| {
        let (x, y) = (x.round() as i64, y.round() as i64);
        if x < 1 || y < 1 || x + 2 > m.w as i64 || y + 2 > m.h as i64 {
            return false;
        }
        let (x, y) = (x as usize, y as usize);
        m.share(x - 1, y - 1, x + 2, y + 2) > 0.0
    };
    let ring = |cx: f64, cy: f64, r: f64| {
        (0..RING_SAMPLES)
            .filter(|&i| {
                let a = i as f64 * std::f64::consts::TAU / RING_SAMPLES as f64;
                near(cx + r * a.cos(), cy + r * a.sin())
            })
            .count()
    };
    let mut found: Vec<(f64, Square)> = Vec::new();
    for y in 1..m.h.saturating_sub(2 * rmax + 2) {
        for x in rmax + 2..m.w.saturating_sub(rmax + 2) {
            if m.share(x, y, x + 1, y + 1) == 0.0 || m.share(x, y - 1, x + 1, y) > 0.0 {
                continue;
            }
            for r in rmin..=rmax {
                let (cx, cy, rf) = (x as f64, (y + r) as f64, r as f64);
                if !(near(cx, cy + rf) && near(cx - rf, cy) && near(cx + rf, cy)) {
                    continue;
                }
                let on = ring(cx, cy, rf);
                if on < RING_SAMPLES * 9 / 10 {
                    continue;
                }
                let gap = (rf / 3.0).max(2.0);
                let off = ring(cx, cy, rf + gap);
                // A rule crossing the ring touches it twice; a neighbouring letter more.
                if off > RING_SAMPLES / 8 {
                    continue;
                }
                let q = Square {
                    x: x - r,
                    y,
                    side: 2 * r + 1,
                    ink: disc_dark_share(g, cx, cy, rf * 0.6, 200),
                };
                found.push(((on as f64) - (off as f64), q));
            }
        }
    }
    found.sort_by(|a, b| b.0.total_cmp(&a.0));
    let mut kept: Vec<Square> = Vec::new();
    for (_, q) in found {
        if !kept.iter().chain(taken).any(|k| overlap(&q, k)) {
            kept.push(q);
        }
    }
    kept
}

/// Points sampled round a ring.
const RING_SAMPLES: usize = 32;

pub fn overlap(q: &Square, k: &Square) -> bool {
    q.x < k.x + k.side && k.x < q.x + q.side && q.y < k.y + k.side && k.y < q.y + q.side
}

/// Share of pixels darker than `level` within `r` of (`cx`, `cy`).
pub fn disc_dark_share(g: &Gray, cx: f64, cy: f64, r: f64, level: u8) -> f64 {
    let (mut n, mut dark) = (0usize, 0usize);
    let (y0, y1) = ((cy - r).floor().max(0.0) as usize, (cy + r).ceil() as usize);
    let (x0, x1) = ((cx - r).floor().max(0.0) as usize, (cx + r).ceil() as usize);
    for y in y0..=y1.min(g.h - 1) {
        for x in x0..=x1.min(g.w - 1) {
            let (dx, dy) = (x as f64 - cx, y as f64 - cy);
            if dx * dx + dy * dy <= r * r {
                n += 1;
                dark += usize::from(g.at(x, y) < level);
            }
        }
    }
    dark as f64 / n.max(1) as f64
}

/// A straight ruling line in pixels: horizontal (y, x0, x1) or vertical (x, y0, y1).
pub type Run = (usize, usize, usize);

/// Horizontal and vertical ruling lines at least `min` pixels long.
pub fn rules(m: &InkMap, min: usize) -> (Vec<Run>, Vec<Run>) {
    let mut h: Vec<Run> = Vec::new();
    for y in 0..m.h {
        let b = y * (m.w + 1);
        runs(
            m.w,
            |x| m.hrow[b + x + 1] > m.hrow[b + x],
            min,
            |x0, x1| h.push((y, x0, x1)),
        );
    }
    let mut v: Vec<Run> = Vec::new();
    for x in 0..m.w {
        let b = x * (m.h + 1);
        runs(
            m.h,
            |y| m.vcol[b + y + 1] > m.vcol[b + y],
            min,
            |y0, y1| v.push((x, y0, y1)),
        );
    }
    (merge(h), merge(v))
}

/// Calls `out` with each run of `hit` at least `min` long.
fn runs(n: usize, hit: impl Fn(usize) -> bool, min: usize, mut out: impl FnMut(usize, usize)) {
    let mut start = None;
    for i in 0..=n {
        match (i < n && hit(i), start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                if i - s >= min {
                    out(s, i);
                }
                start = None;
            }
            _ => {}
        }
    }
}

/// The runs of one thick line (neighbouring rows, overlapping) made one, at their middle.
fn merge(mut lines: Vec<Run>) -> Vec<Run> {
    lines.sort();
    let mut out: Vec<(usize, usize, usize, usize)> = Vec::new(); // (first, last, a, b)
    for (p, a, b) in lines {
        match out
            .iter_mut()
            .rev()
            .take(8)
            .find(|o| p <= o.1 + 2 && a < o.3 && o.2 < b)
        {
            Some(o) => {
                o.1 = p;
                o.2 = o.2.min(a);
                o.3 = o.3.max(b);
            }
            None => out.push((p, p, a, b)),
        }
    }
    let lines: Vec<Run> = out
        .into_iter()
        .map(|(f, l, a, b)| ((f + l) / 2, a, b))
        .collect();
    coalesce(lines)
}

/// Lines a pixel or two apart that overlap or touch, made one (the longer one's position,
/// both their extents): the rows of one thick or wavering rule can come out as two runs side
/// by side ((1229, 162, 530) and (1230, 162, 1538)), and the layout, which takes the nearest
/// rule above and below a character as its cell's edges, would then cut one cell in two.
fn coalesce(mut lines: Vec<Run>) -> Vec<Run> {
    const NEAR: usize = 3;
    let mut merged = true;
    while merged {
        merged = false;
        'outer: for i in 0..lines.len() {
            for j in i + 1..lines.len() {
                let (p, q) = (lines[i], lines[j]);
                if p.0.abs_diff(q.0) <= NEAR && p.1 <= q.2 + NEAR && q.1 <= p.2 + NEAR {
                    let pos = if p.2 - p.1 >= q.2 - q.1 { p.0 } else { q.0 };
                    lines[i] = (pos, p.1.min(q.1), p.2.max(q.2));
                    lines.remove(j);
                    merged = true;
                    break 'outer;
                }
            }
        }
    }
    lines.sort();
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page(w: usize, h: usize) -> Gray {
        Gray {
            w,
            h,
            px: vec![255; w * h],
        }
    }

    fn ink(g: &mut Gray, x0: usize, y0: usize, x1: usize, y1: usize) {
        for y in y0..y1 {
            for x in x0..x1 {
                g.px[y * g.w + x] = 0;
            }
        }
    }

    /// A 36-pixel square drawn twice, one crossed: both found, the crossed one with ink.
    #[test]
    fn finds_empty_and_crossed_boxes() {
        let mut g = page(300, 120);
        for &(x, y) in &[(20usize, 30usize), (150, 30)] {
            ink(&mut g, x, y, x + 36, y + 2);
            ink(&mut g, x, y + 34, x + 36, y + 36);
            ink(&mut g, x, y, x + 2, y + 36);
            ink(&mut g, x + 34, y, x + 36, y + 36);
        }
        for i in 0..36 {
            ink(&mut g, 150 + i, 30 + i, 152 + i, 32 + i);
        }
        let m = InkMap::new(g.w, g.h, &binarize(&g));
        let mut q = squares(&m, 28, 44);
        q.sort_by_key(|s| s.x);
        assert_eq!(q.len(), 2, "{q:?}");
        assert!(q[0].ink < 0.01 && q[1].ink > 0.03, "{q:?}");
    }

    fn disc(g: &mut Gray, cx: f64, cy: f64, r0: f64, r1: f64) {
        for y in 0..g.h {
            for x in 0..g.w {
                let d = ((x as f64 - cx).powi(2) + (y as f64 - cy).powi(2)).sqrt();
                if d >= r0 && d <= r1 {
                    g.px[y * g.w + x] = 0;
                }
            }
        }
    }

    /// A hollow ring and a filled disc, one crossed by a vertical rule: both found, the disc
    /// with ink; a word's letters beside them are not circles.
    #[test]
    fn finds_hollow_and_filled_circles() {
        let mut g = page(300, 120);
        disc(&mut g, 40.0, 50.0, 12.0, 14.0);
        ink(&mut g, 30, 0, 32, 120);
        disc(&mut g, 150.0, 50.0, 0.0, 14.0);
        let m = InkMap::new(g.w, g.h, &binarize(&g));
        let mut c = circles(&g, &m, 10, 16, &[]);
        c.sort_by_key(|s| s.x);
        assert_eq!(c.len(), 2, "{c:?}");
        assert!(c[0].ink < 0.01 && c[1].ink > 0.9, "{c:?}");
        assert!(
            (c[0].x as i64 - 26).abs() <= 2 && (c[0].y as i64 - 36).abs() <= 2,
            "{c:?}"
        );
    }

    /// A box drawn in light gray (a bilevel page's hairline averaged down) beside black text:
    /// Otsu's black misses it, the faint map finds it.
    #[test]
    fn a_faint_box_is_found_with_near_white_as_ink() {
        let mut g = page(300, 120);
        ink(&mut g, 150, 20, 290, 100);
        let (x, y) = (20usize, 30usize);
        for (x0, y0, x1, y1) in [
            (x, y, x + 36, y + 2),
            (x, y + 34, x + 36, y + 36),
            (x, y, x + 2, y + 36),
            (x + 34, y, x + 36, y + 36),
        ] {
            for yy in y0..y1 {
                for xx in x0..x1 {
                    g.px[yy * g.w + xx] = 210;
                }
            }
        }
        let level = otsu(&g);
        assert!(level < 210, "{level}");
        let dark = InkMap::new(g.w, g.h, &binarize_at(&g, level));
        assert!(squares(&dark, 28, 44).iter().all(|q| q.x > 100));
        let faint = InkMap::new(g.w, g.h, &binarize_at(&g, 228));
        let q = squares(&faint, 28, 44);
        let found = q.iter().find(|q| q.x == 20 && q.y == 30);
        assert!(found.is_some(), "{q:?}");
        assert_eq!(inked_edges(&dark, found.unwrap()), 0);
        // A black box's edges are all black.
        let mut b = page(120, 120);
        for (x0, y0, x1, y1) in [
            (20, 30, 56, 32),
            (20, 64, 56, 66),
            (20, 30, 22, 66),
            (54, 30, 56, 66),
        ] {
            ink(&mut b, x0, y0, x1, y1);
        }
        let m = InkMap::new(b.w, b.h, &binarize(&b));
        let q = squares(&m, 28, 44);
        assert_eq!(inked_edges(&m, &q[0]), 4, "{q:?}");
    }

    #[test]
    fn a_page_of_black_and_white_pixels_has_few_levels() {
        let mut g = page(40, 40);
        ink(&mut g, 0, 0, 10, 10);
        assert!(few_levels(&g));
        g.px.iter_mut()
            .enumerate()
            .for_each(|(i, p)| *p = (i % 256) as u8);
        assert!(!few_levels(&g));
    }

    #[test]
    fn runs_of_one_rule_side_by_side_are_one_line() {
        let l = coalesce(vec![(1229, 162, 530), (1230, 162, 1538), (1300, 162, 1538)]);
        assert_eq!(l, [(1230, 162, 1538), (1300, 162, 1538)]);
        // Touching end to end, a pixel apart: one rule; far apart along the row: two.
        let l = coalesce(vec![
            (2211, 162, 628),
            (2212, 629, 1538),
            (2211, 1700, 1900),
        ]);
        assert_eq!(l, [(2211, 1700, 1900), (2212, 162, 1538)]);
    }

    #[test]
    fn skew_of_a_turned_line_is_found() {
        let mut g = page(600, 400);
        for row in [100usize, 200, 300] {
            for x in 50..550 {
                let y = row + (x as f64 * 1.5f64.to_radians().tan()) as usize;
                ink(&mut g, x, y, x + 1, y + 2);
            }
        }
        let a = skew(&g);
        assert!((a - 1.5).abs() < 0.1, "{a}");
        let r = rotate(&g, a);
        let m = InkMap::new(r.w, r.h, &binarize(&r));
        let (h, _) = rules(&m, 300);
        assert_eq!(h.len(), 3, "{h:?}");
    }
}
