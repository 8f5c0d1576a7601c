//! `report.html`: one self-contained page (inline CSS and SVG, no script, no external file or
//! font) for people: the verdict per draft first, a bar chart of support with the threshold
//! line, the Member States × drafts matrix, the reasons and comments per draft, the replies not
//! counted, and what to review, each item with its source file. Right-to-left text is marked
//! `dir="rtl"`, other reply text `dir="auto"`; all text is escaped; output is deterministic.

use std::fmt::Write as _;

use super::sink::Sink;
use super::view::{self, Mark};
use super::RunInfo;
use crate::record::Records;
use crate::tally::{DraftTally, Summary, Verdict};

/// Escape for HTML text and attribute values (`'` as `&apos;`); drops characters HTML cannot
/// carry (controls, noncharacters) and carriage returns.
fn esc(s: &str) -> String {
    let mut safe = view::xml_safe(s);
    safe.retain(|c| c != '\r');
    quick_xml::escape::escape(safe).into_owned()
}

/// Reply text inline, isolated so that its direction does not disturb what is around it.
fn bdi(s: &str) -> String {
    format!("<bdi>{}</bdi>", esc(s))
}

/// `dir` (and `lang` for Arabic script) for a block of reply text.
fn dir_attr(s: &str) -> &'static str {
    if view::is_rtl(s) {
        r#" dir="rtl""#
    } else {
        r#" dir="auto""#
    }
}

fn verdict_class(v: Verdict) -> &'static str {
    match v {
        Verdict::MayProceed => "proceed",
        Verdict::MayNotProceed => "stop",
        Verdict::Undecided => "undecided",
    }
}

/// An id for a draft's section: letters, digits, `-`; unique by index.
fn anchor(i: usize, draft: &str) -> String {
    let slug: String = draft
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect();
    format!("d{}-{}", i + 1, slug.trim_matches('-'))
}

const CSS: &str = r#"
:root {
  --ink: #1d2433; --muted: #5b6472; --line: #d9dee7; --soft: #f4f6fa; --accent: #1f3864;
  --ok: #2e7d32; --ok-bg: #e3f1e4; --no: #c62828; --no-bg: #fbe4e2; --wait: #b26a00;
  --wait-bg: #fff1cc;
}
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body {
  margin: 0; color: var(--ink); background: #fff;
  font: 15px/1.55 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Helvetica Neue",
    Arial, "Noto Sans Arabic", "Noto Naskh Arabic", Tahoma, "Noto Sans CJK SC", "Microsoft YaHei",
    sans-serif;
}
main { max-width: 1100px; margin: 0 auto; padding: 32px 28px 64px; }
header.top { border-bottom: 3px solid var(--accent); padding-bottom: 14px; margin-bottom: 26px; }
h1 { font-size: 1.65rem; line-height: 1.25; margin: 0 0 10px; color: var(--accent); }
h2 { font-size: 1.25rem; margin: 40px 0 12px; color: var(--accent);
  border-bottom: 1px solid var(--line); padding-bottom: 6px; }
h3 { font-size: 1.05rem; margin: 26px 0 8px; }
h4 { font-size: .95rem; margin: 16px 0 6px; color: var(--muted); font-weight: 600; }
p { margin: 0 0 10px; }
a { color: var(--accent); }
.rule { font-size: .95rem; }
.made { font-size: .85rem; color: var(--muted); }
.placeholder { background: #fff3a8; padding: 0 3px; border-radius: 3px; }
.cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(230px, 1fr)); gap: 12px; }
.card { border: 1px solid var(--line); border-left: 6px solid var(--muted); border-radius: 8px;
  padding: 12px 14px; background: #fff; break-inside: avoid; }
.card.proceed { border-left-color: var(--ok); }
.card.stop { border-left-color: var(--no); }
.card.undecided { border-left-color: var(--wait); background: #fffaf0; }
.card .draft { font-weight: 700; font-size: 1.05rem; }
.card .prov { color: var(--muted); font-size: .85rem; }
.card .support { font-size: 1.6rem; font-weight: 700; font-variant-numeric: tabular-nums;
  margin-top: 6px; }
.card .counts { font-size: .85rem; color: var(--muted); }
.verdict { display: inline-block; margin-top: 6px; padding: 2px 10px; border-radius: 10px;
  font-size: .85rem; font-weight: 600; }
.verdict.proceed { background: var(--ok-bg); color: var(--ok); }
.verdict.stop { background: var(--no-bg); color: var(--no); }
.verdict.undecided { background: var(--wait-bg); color: var(--wait); }
.facts { display: flex; flex-wrap: wrap; gap: 8px 28px; margin: 18px 0 0; padding: 0;
  list-style: none; font-size: .9rem; }
.facts b { font-variant-numeric: tabular-nums; }
figure { margin: 0; }
figcaption { font-size: .85rem; color: var(--muted); margin-top: 4px; }
svg.chart { width: 100%; max-width: 820px; height: auto; display: block; }
svg.chart text { font: 12px system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", Arial, sans-serif;
  fill: var(--ink); }
svg.chart .tick { fill: var(--muted); font-size: 11px; }
svg.chart .grid { stroke: var(--line); stroke-width: 1; }
svg.chart .bar.proceed { fill: var(--ok); }
svg.chart .bar.stop { fill: var(--no); }
svg.chart .bar.undecided { fill: var(--wait); }
svg.chart .range { fill: var(--wait); opacity: .25; }
svg.chart .threshold { stroke: var(--accent); stroke-width: 2; stroke-dasharray: 6 4; }
svg.chart .threshold-label { fill: var(--accent); font-weight: 600; }
svg.chart .value { font-weight: 600; font-variant-numeric: tabular-nums; }
.table-wrap { overflow-x: auto; border: 1px solid var(--line); border-radius: 8px; }
table { border-collapse: collapse; width: 100%; font-size: .9rem; }
th, td { padding: 6px 10px; border-bottom: 1px solid var(--line); text-align: start;
  vertical-align: top; }
thead th { background: var(--soft); font-weight: 600; position: sticky; top: 0; }
tbody tr:last-child td { border-bottom: 0; }
td.num, th.num { text-align: center; font-variant-numeric: tabular-nums; }
table.matrix td.m { text-align: center; font-weight: 600; white-space: nowrap; }
table.matrix th.d { text-align: center; white-space: nowrap; }
table.matrix th.d small { display: block; font-weight: 400; color: var(--muted);
  white-space: normal; overflow-wrap: anywhere; max-width: 8em; margin: 0 auto; }
td.m.a { color: var(--ok); }
td.m.ac { background: var(--ok-bg); color: var(--ok); }
td.m.n { background: var(--no-bg); color: var(--no); }
td.m.conflict { background: var(--wait-bg); color: var(--wait); }
td.m.none { color: #9aa3b0; }
tfoot td { background: var(--soft); font-weight: 600; white-space: nowrap; }
.src { display: block; color: var(--muted); font-size: .78rem; word-break: break-all; }
.table-wrap.matrix-wrap { display: inline-block; max-width: 100%; vertical-align: top; }
table.matrix { width: auto; }
table.matrix th[scope="row"] { font-weight: 600; white-space: nowrap; padding-right: 24px; }
table.matrix td.m, table.matrix th.d { min-width: 5.5em; }
table.matrix td, table.matrix th { padding-top: 4px; padding-bottom: 4px; }
code, .src { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", monospace; }
.legend { font-size: .85rem; color: var(--muted); margin: 8px 0 0; }
.legend span { display: inline-block; margin-right: 14px; }
.legend b { display: inline-block; min-width: 1.8em; text-align: center; border-radius: 4px;
  margin-right: 4px; }
.said { margin: 10px 0 14px; break-inside: avoid; }
.said .who { font-weight: 600; }
.said .who .what { font-weight: 400; color: var(--muted); }
blockquote { margin: 6px 0 0; padding: 8px 14px; background: var(--soft);
  border-inline-start: 4px solid #9fb0cc; border-radius: 4px; white-space: pre-wrap; }
blockquote[dir="rtl"] { font-family: "Noto Naskh Arabic", "Noto Sans Arabic", "Segoe UI",
  Tahoma, "Arabic Typesetting", serif; font-size: 1.05rem; }
.none { color: var(--muted); font-style: italic; }
.note { color: var(--muted); font-size: .9rem; }
.kind { display: inline-block; padding: 1px 8px; border-radius: 999px; font-size: .78rem;
  font-weight: 600; white-space: nowrap; background: var(--soft); color: var(--muted); }
.kind.conflict { background: var(--wait-bg); color: var(--wait); }
.kind.failure { background: var(--no-bg); color: var(--no); }
.review { display: grid; grid-template-columns: repeat(auto-fill, minmax(min(100%, 470px), 1fr));
  gap: 10px; align-items: start; }
.rg { border: 1px solid var(--line); border-left: 5px solid #9aa3b0; border-radius: 8px;
  padding: 8px 14px 10px; break-inside: avoid; min-width: 0; }
.rg.conflict { border-left-color: var(--wait); background: #fffaf0; }
.rg.failure { border-left-color: var(--no); background: #fff8f7; }
.rg.not-counted { color: var(--muted); }
.rg-head { display: flex; flex-wrap: wrap; align-items: baseline; gap: 2px 10px; }
.rg-head .src { flex-basis: 100%; }
.rg ul { margin: 6px 0 0; padding-inline-start: 1.1em; font-size: .9rem; }
.rg li { margin: 3px 0; }
.rg li .kind { margin-inline-end: 6px; }
.rg .fk { color: var(--muted); font-size: .8rem; }
.sev { display: inline-block; min-width: 4.5em; margin-inline-end: 6px; font-size: .75rem; font-weight: 600; text-transform: uppercase; }
.sev.decide { color: var(--no); } .sev.check { color: var(--wait); } .sev.note, .sev.resolved { color: var(--muted); }
li.resolved > span:not(.sev) { text-decoration: line-through; color: var(--muted); }
.counts { font-weight: 600; }
.draft-counts { font-size: .9rem; color: var(--muted); margin: -2px 0 8px; }
.draft-counts b { color: var(--ink); font-variant-numeric: tabular-nums; }
table.left-out td.date { white-space: nowrap; font-variant-numeric: tabular-nums; }
table.left-out td { overflow-wrap: anywhere; }
table.left-out .kind { margin-inline-end: 6px; }
table.matrix th[scope="row"], table.matrix thead th:first-child, table.matrix tfoot td:first-child {
  position: sticky; left: 0; z-index: 1; background: #fff; }
table.matrix thead th:first-child, table.matrix tfoot td:first-child { background: var(--soft);
  z-index: 2; }
@media (max-width: 640px) {
  main { padding: 20px 14px 48px; }
  h1 { font-size: 1.35rem; }
  table.matrix td.m, table.matrix th.d { min-width: 3.2em; padding-left: 4px; padding-right: 4px; }
  table.matrix th[scope="row"] { white-space: normal; min-width: 7.5em; padding-right: 8px; }
  .legend span { display: block; }
}
nav.toc { font-size: .9rem; margin: 14px 0 0; }
nav.toc a { color: var(--accent); margin-right: 16px; text-decoration: none; }
nav.toc a:hover { text-decoration: underline; }
footer.made-from { margin-top: 48px; padding-top: 12px; border-top: 1px solid var(--line); }
@media print {
  @page { size: A4; margin: 16mm 14mm; }
  body { font-size: 10pt; }
  main { max-width: none; padding: 0; }
  nav.toc { display: none; }
  h2 { break-after: avoid; }
  h3, h4 { break-after: avoid; }
  .table-wrap { overflow: visible; border: 0; }
  .table-wrap.matrix-wrap { display: block; }
  thead th { position: static; }
  tr, .card, .said, figure, .rg { break-inside: avoid; }
  .review { display: block; }
  .rg { margin-bottom: 8px; }
  table.matrix th[scope="row"], table.matrix thead th:first-child { position: static; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
"#;

/// The support chart: one horizontal bar per draft, the threshold as a dashed line; for an
/// undecided draft, a light band from the support if its conflicts were against to if for.
fn chart(summary: &Summary) -> String {
    let n = summary.drafts.len();
    let label_w = 210.0;
    let plot_w = 500.0;
    let right = 90.0;
    let top = 28.0;
    let row = 30.0;
    let bar_h = 18.0;
    let bottom = 28.0;
    let width = label_w + plot_w + right;
    let height = top + row * n as f64 + bottom;
    let x = |pct: f64| label_w + plot_w * pct.clamp(0.0, 100.0) / 100.0;
    let mut s = String::new();
    let _ = write!(
        s,
        r#"<svg class="chart" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width:.0} {height:.0}" width="{width:.0}" height="{height:.0}" role="img" aria-labelledby="chart-title"><title id="chart-title">Support per draft, with the {} % threshold</title>"#,
        view::number(summary.threshold)
    );
    for tick in [0u32, 25, 50, 75, 100] {
        let tx = x(f64::from(tick));
        let _ = write!(
            s,
            r#"<line class="grid" x1="{tx:.1}" y1="{top:.1}" x2="{tx:.1}" y2="{:.1}"/><text class="tick" x="{tx:.1}" y="{:.1}" text-anchor="middle">{tick} %</text>"#,
            top + row * n as f64,
            top + row * n as f64 + 18.0
        );
    }
    for (i, d) in summary.drafts.iter().enumerate() {
        let y = top + row * i as f64 + (row - bar_h) / 2.0;
        let cy = y + bar_h / 2.0 + 4.0;
        let class = verdict_class(d.verdict());
        let label = view::tally_label(d);
        let _ = write!(
            s,
            r#"<g class="bar-row" data-draft="{}"><text x="{:.1}" y="{cy:.1}" text-anchor="end">{}</text>"#,
            esc(&d.draft),
            label_w - 10.0,
            esc(&shorten(&label, 30))
        );
        if d.verdict() == Verdict::Undecided {
            let all = (d.authorize + d.not_authorize + d.conflict) as f64;
            if all > 0.0 {
                let lo = 100.0 * d.authorize as f64 / all;
                let hi = 100.0 * (d.authorize + d.conflict) as f64 / all;
                let _ = write!(
                    s,
                    r#"<rect class="range" x="{:.1}" y="{:.1}" width="{:.1}" height="{:.1}"><title>could be {lo:.1} % to {hi:.1} % once the conflicts are resolved</title></rect>"#,
                    x(lo),
                    y - 3.0,
                    x(hi) - x(lo),
                    bar_h + 6.0
                );
            }
        }
        let (w, value) = match d.support {
            Some(p) => (x(p) - label_w, format!("{p:.1} %")),
            None => (0.0, "no answers".to_string()),
        };
        // Values sit in their own column right of the plot, clear of the threshold line.
        let _ = write!(
            s,
            r#"<rect class="bar {class}" x="{label_w:.1}" y="{y:.1}" width="{w:.1}" height="{bar_h:.1}" rx="2"><title>{}: {} — {}</title></rect><text class="value" x="{:.1}" y="{cy:.1}" text-anchor="end">{}</text></g>"#,
            esc(&label),
            esc(&value),
            d.verdict().as_str(),
            label_w + plot_w + right - 4.0,
            esc(&value)
        );
    }
    let tx = x(summary.threshold);
    let _ = write!(
        s,
        r#"<line class="threshold" x1="{tx:.1}" y1="{:.1}" x2="{tx:.1}" y2="{:.1}"/><text class="threshold-label" x="{tx:.1}" y="{:.1}" text-anchor="middle">threshold {} %</text></svg>"#,
        top - 8.0,
        top + row * n as f64,
        top - 12.0,
        view::number(summary.threshold)
    );
    s
}

/// At most `max` characters, with an ellipsis.
fn shorten(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        s.to_string()
    } else {
        let mut out: String = s.chars().take(max.saturating_sub(1)).collect();
        out.push('…');
        out
    }
}

fn card(out: &mut Sink<'_>, i: usize, d: &DraftTally) {
    let v = d.verdict();
    let class = verdict_class(v);
    let _ = write!(
        out,
        r##"<a class="card {class}" href="#{}" style="color:inherit;text-decoration:none"><div class="draft">{}</div>"##,
        anchor(i, &d.draft),
        bdi(&d.draft)
    );
    if let Some(p) = d
        .provisional
        .as_deref()
        .filter(|p| !p.is_empty() && *p != d.draft)
    {
        let _ = write!(out, r#"<div class="prov">{}</div>"#, bdi(p));
    }
    if view::answered(d) == 0 {
        let _ = write!(
            out,
            r#"<div class="support">—</div><div class="counts">No Member State answered on this draft{}.</div><span class="verdict {class}">{}</span></a>"#,
            if d.no_reply > 0 {
                format!(" ({} no reply)", d.no_reply)
            } else {
                String::new()
            },
            esc(v.as_str())
        );
        return;
    }
    let _ = write!(
        out,
        r#"<div class="support">{}</div><div class="counts">{} authorize ({} with comments) · {} do not authorize{}{}</div><span class="verdict {class}">{}</span></a>"#,
        esc(&view::support_text(d)),
        d.authorize,
        d.with_comments,
        d.not_authorize,
        if d.conflict > 0 {
            format!(" · {} both marked", d.conflict)
        } else {
            String::new()
        },
        if d.no_reply > 0 {
            format!(" · {} no reply", d.no_reply)
        } else {
            String::new()
        },
        esc(v.as_str())
    );
}

fn legend() -> String {
    let mut s = String::from(r#"<p class="legend">"#);
    for m in Mark::ALL {
        let _ = write!(
            s,
            r#"<span><b class="m {}" style="padding:0 4px">{}</b>{}</span>"#,
            m.class(),
            esc(m.code()),
            esc(m.words())
        );
    }
    s.push_str("</p>");
    s
}

fn matrix(out: &mut Sink<'_>, summary: &Summary, records: &Records) {
    let drafts = view::drafts(summary);
    let rows = view::matrix(records, &drafts);
    if rows.is_empty() || drafts.is_empty() {
        out.push_str(r#"<p class="none">None: no reply is counted.</p>"#);
        return;
    }
    out.push_str(r#"<div class="table-wrap matrix-wrap"><table class="matrix"><thead><tr><th scope="col">Member State</th>"#);
    for d in &drafts {
        let _ = write!(out, r#"<th scope="col" class="d">{}"#, bdi(&d.draft));
        if let Some(p) = d
            .provisional
            .as_deref()
            .filter(|p| !p.is_empty() && *p != d.draft)
        {
            let _ = write!(out, "<small>{}</small>", bdi(p));
        }
        out.push_str("</th>");
    }
    out.push_str("</tr></thead><tbody>");
    for row in &rows {
        let r = row.reply;
        let _ = write!(
            out,
            r#"<tr><th scope="row" title="{}">{}</th>"#,
            esc(&r.source),
            bdi(&view::state_name(r))
        );
        for m in &row.marks {
            let _ = write!(
                out,
                r#"<td class="m {}" title="{}">{}</td>"#,
                m.class(),
                esc(m.words()),
                esc(m.code())
            );
        }
        out.push_str("</tr>");
    }
    out.push_str("</tbody><tfoot><tr><td>Support</td>");
    for d in &summary.drafts {
        let _ = write!(
            out,
            r#"<td class="num">{}</td>"#,
            esc(&view::support_text(d))
        );
    }
    out.push_str("</tr></tfoot></table></div>");
    out.push_str(&legend());
}

/// A Member State's words on a draft: who, what they answered (`what`, markup), their words
/// and the file. `counted`: a reason or comment, whose note says why there are no words; else
/// a conflict, shown with its words only when there are some.
fn said(out: &mut Sink<'_>, s: &view::Said, what: &str, counted: bool) {
    let _ = write!(
        out,
        r#"<div class="said"><div class="who">{} <span class="what">— {what}</span></div>"#,
        bdi(&view::state_name(s.reply)),
    );
    let text = s.answer.text.trim();
    match (&s.note, counted) {
        (Some(note), true) => {
            let _ = write!(out, r#"<p class="none">{}</p>"#, esc(note));
        }
        (_, false) if text.is_empty() => {}
        _ => {
            let _ = write!(
                out,
                r#"<blockquote{}>{}</blockquote>"#,
                dir_attr(text),
                esc(text)
            );
        }
    }
    let _ = write!(
        out,
        r#"<span class="src">{}</span></div>"#,
        esc(&s.reply.source)
    );
}

fn reasons(out: &mut Sink<'_>, summary: &Summary, records: &Records) {
    let drafts = view::drafts(summary);
    let words = view::words_per_draft(records, &drafts);
    for (i, (w, d)) in words.iter().zip(&summary.drafts).enumerate() {
        let v = d.verdict();
        let _ = write!(
            out,
            r#"<section id="{}"><h3>{} <span class="verdict {}">{}</span></h3>"#,
            anchor(i, &d.draft),
            bdi(&view::tally_label(d)),
            verdict_class(v),
            esc(v.as_str())
        );
        let _ = write!(
            out,
            r#"<p class="draft-counts"><b>{}</b> replies · <b>{}</b> authorize ({} with comments) · <b>{}</b> do not authorize · <b>{}</b> both marked · <b>{}</b> no reply · support <b>{}</b></p>"#,
            view::answered(d),
            d.authorize,
            d.with_comments,
            d.not_authorize,
            d.conflict,
            d.no_reply,
            esc(&view::support_text(d))
        );
        out.push_str("<h4>Reasons of the Member States that do not authorize</h4>");
        if w.reasons.is_empty() {
            out.push_str(
                r#"<p class="none">None: no Member State counted does not authorize.</p>"#,
            );
        }
        for s in &w.reasons {
            said(out, s, "does not authorize", true);
        }
        out.push_str("<h4>Comments received</h4>");
        if w.comments.is_empty() {
            out.push_str(r#"<p class="none">None.</p>"#);
        }
        for s in &w.comments {
            said(out, s, "authorizes, with comments", true);
        }
        if !w.conflicts.is_empty() {
            out.push_str("<h4>Both boxes marked — to be resolved</h4>");
            for s in &w.conflicts {
                let what = "both 'authorizes' and 'does not authorize' are marked";
                said(out, s, what, false);
            }
        }
        out.push_str("</section>");
    }
}

fn not_counted(out: &mut Sink<'_>, records: &Records) {
    let left = view::left_out(records);
    if records.replies.is_empty() {
        out.push_str(r#"<p class="none">None: no reply was read.</p>"#);
        return;
    }
    if left.is_empty() {
        out.push_str(
            r#"<p class="none">None: every reply read is counted (none late, superseded or unidentified).</p>"#,
        );
        return;
    }
    out.push_str(r#"<div class="table-wrap"><table class="left-out"><thead><tr><th>Member State and file</th><th>Date</th><th>Why it is not counted</th></tr></thead><tbody>"#);
    for o in &left {
        let why = match (o.kind, o.by) {
            ("late", _) => "received after the due date".to_string(),
            ("superseded", Some(by)) => format!(
                r#"a later reply of the same Member State stands:<span class="src">{}</span>"#,
                esc(by)
            ),
            ("superseded", None) => "a later reply of the same Member State stands".to_string(),
            _ => "the replying Member State could not be identified".to_string(),
        };
        let _ = write!(
            out,
            r#"<tr><td>{}<span class="src">{}</span></td><td class="date">{}</td><td><span class="kind">{}</span>{why}</td></tr>"#,
            bdi(&view::state_name(o.reply)),
            esc(&o.reply.source),
            esc(o.reply.date.as_deref().unwrap_or("—")),
            esc(o.kind),
        );
    }
    out.push_str("</tbody></table></div>");
}

/// The corrections a person made, each with its reason (only when there are any).
fn corrections(out: &mut Sink<'_>, records: &Records) {
    let list = view::corrections(records);
    if list.is_empty() {
        return;
    }
    out.push_str(r#"<h3 id="corrections">Readings corrected</h3><ul class="corrections">"#);
    for line in list {
        let _ = write!(out, "<li{}>{}</li>", dir_attr(&line), esc(&line));
    }
    out.push_str("</ul>");
}

fn to_review(out: &mut Sink<'_>, records: &Records) {
    let groups = view::review_groups(records);
    let n: usize = groups.iter().map(|g| g.items.len()).sum();
    if n == 0 {
        out.push_str(r#"<p class="none">Nothing to review.</p>"#);
        return;
    }
    let _ = write!(
        out,
        r#"<p class="counts">{}</p><p class="note">{n} item{} in {} file{}{}.</p><div class="review">"#,
        esc(&view::review_counts(records)),
        if n == 1 { "" } else { "s" },
        groups.len(),
        if groups.len() == 1 { "" } else { "s" },
        if groups.len() > 1 {
            esc(view::REVIEW_ORDER)
        } else {
            String::new()
        },
    );
    for g in &groups {
        let class = if g.items.iter().any(|i| i.class() == "conflict") {
            "conflict"
        } else if g.items.iter().any(|i| i.class() == "failure") {
            "failure"
        } else {
            "warning"
        };
        let _ = write!(
            out,
            r#"<div class="rg {class}{}"><div class="rg-head"><b>{}</b>"#,
            if g.not_counted.is_some() {
                " not-counted"
            } else {
                ""
            },
            g.who
                .as_deref()
                .map_or_else(|| "File not read".to_string(), bdi)
        );
        if let Some(k) = g.not_counted {
            let _ = write!(out, r#"<span class="kind">not counted: {}</span>"#, esc(k));
        }
        let _ = write!(
            out,
            r#"<span class="src">{}</span></div><ul>"#,
            esc(g.source)
        );
        for it in &g.items {
            let _ = write!(
                out,
                r#"<li class="{0}"><span class="sev {0}">{0}</span>"#,
                it.badge()
            );
            match it.class() {
                "conflict" => out.push_str(r#"<span class="kind conflict">conflict</span>"#),
                "failure" => out.push_str(r#"<span class="kind failure">cannot be read</span>"#),
                _ => {}
            }
            let _ = write!(
                out,
                r#"<span{}>{}</span>"#,
                dir_attr(&it.what),
                esc(&it.what)
            );
            if it.class() == "failure" {
                let _ = write!(
                    out,
                    r#" <span class="fk">({})</span>"#,
                    esc(it.failure_kind())
                );
            }
            out.push_str("</li>");
        }
        out.push_str("</ul></div>");
    }
    out.push_str("</div>");
}

/// `report.html`.
pub fn report_html(summary: &Summary, records: &Records, info: &RunInfo) -> Vec<u8> {
    super::in_memory(|out| write_report_html(out, summary, records, info))
}

/// [`report_html`], written into `out` as it is made. The sink keeps the first write error
/// for `finish`: the results of `write!` are ignored on purpose.
pub fn write_report_html(
    out: &mut dyn std::io::Write,
    summary: &Summary,
    records: &Records,
    info: &RunInfo,
) -> std::io::Result<()> {
    let mut h = Sink::new(out);
    page_top(&mut h, summary, info);
    verdicts(&mut h, summary, records);
    chart_section(&mut h, summary);
    h.push_str(r#"<section id="matrix"><h2>Replies by Member State</h2>"#);
    matrix(&mut h, summary, records);
    h.push_str("</section>\n");

    h.push_str(r#"<section id="reasons"><h2>Reasons and comments received</h2>"#);
    if summary.drafts.is_empty() {
        h.push_str(r#"<p class="none">None.</p>"#);
    }
    reasons(&mut h, summary, records);
    h.push_str("</section>\n");

    h.push_str(r#"<section id="not-counted"><h2>Replies not counted</h2>"#);
    not_counted(&mut h, records);
    h.push_str("</section>\n");

    h.push_str(r#"<section id="review"><h2>To review</h2>"#);
    to_review(&mut h, records);
    corrections(&mut h, records);
    h.push_str("</section>\n");

    let _ = write!(
        h,
        r#"<footer class="made-from made"><p>{}</p></footer>
</main>
</body>
</html>
"#,
        esc(&view::made_from(info))
    );
    h.finish()
}

/// The document head, the style sheet and the page's header: title, rule, made from, contents.
fn page_top(h: &mut Sink<'_>, summary: &Summary, info: &RunInfo) {
    let title = view::title(info);
    let _ = write!(
        h,
        r#"<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="replytally {}">
<title>{}</title>
<style>{CSS}</style>
</head>
<body>
<main>
<header class="top">
<h1>"#,
        esc(&info.tool_version),
        esc(&title)
    );
    // The title, with what is not known marked as a placeholder.
    let number = view::circular_number(info);
    let _ = write!(
        h,
        "Results of the consultation of Member States on TSB Circular {}",
        number.map_or(
            format!(
                r#"<span class="placeholder">{}</span>"#,
                view::NUMBER_PLACEHOLDER
            ),
            esc
        )
    );
    if let Some(d) = view::circular_date(info) {
        let _ = write!(h, " of {}", esc(d));
    }
    let _ = write!(
        h,
        r##"</h1>
<p class="rule">{}</p>
<p class="made">{}</p>
<nav class="toc"><a href="#verdicts">Verdicts</a>{}<a href="#matrix">Replies by Member State</a><a href="#reasons">Reasons and comments</a><a href="#not-counted">Not counted</a><a href="#review">To review</a></nav>
</header>
"##,
        esc(&view::rule(info)),
        esc(&view::made_from(info)),
        // No chart without drafts.
        if summary.drafts.is_empty() {
            ""
        } else {
            r##"<a href="#chart">Chart</a>"##
        }
    );
}

/// The verdict cards, the facts under them, and the open conflicts.
fn verdicts(h: &mut Sink<'_>, summary: &Summary, records: &Records) {
    h.push_str(r#"<section id="verdicts"><h2>Verdicts</h2>"#);
    if summary.drafts.is_empty() {
        h.push_str(
            r#"<p class="none">No drafts: no reply form was read and no blank form was given.</p>"#,
        );
    } else {
        h.push_str(r#"<div class="cards">"#);
        for (i, d) in summary.drafts.iter().enumerate() {
            card(h, i, d);
        }
        h.push_str("</div>");
    }
    let left = crate::tally::left_out(&records.replies);
    let review_n = view::review(records).len();
    let _ = write!(
        h,
        r##"<ul class="facts"><li>Member States counted: <b>{}</b></li><li>Replies read: <b>{}</b></li><li>Not counted: {}<b>{}</b> late, <b>{}</b> superseded, <b>{}</b> unidentified</li><li>Files not read: <b>{}</b></li><li><a href="#review">To review</a>: <b>{}</b></li></ul>"##,
        summary.member_states_replied,
        records.replies.len(),
        if left.excluded > 0 {
            format!("<b>{}</b> excluded by a correction, ", left.excluded)
        } else {
            String::new()
        },
        left.late,
        left.superseded,
        left.unidentified,
        records.failures.len(),
        review_n
    );
    // Open conflicts can change a verdict: name them where the verdicts are read.
    let conflicts: Vec<String> = records
        .replies
        .iter()
        .filter(|r| view::left_out_kind(r).is_none())
        .flat_map(|r| {
            r.answers
                .iter()
                .filter(|a| a.decision == crate::record::Decision::Conflict)
                .map(move |a| format!("{} ({})", bdi(&view::state_name(r)), esc(&a.draft)))
        })
        .collect();
    if !conflicts.is_empty() {
        let _ = write!(
            h,
            r##"<p class="note">Both boxes marked, to be resolved with the Member State: {}. See <a href="#review">To review</a>.</p>"##,
            conflicts.join(", ")
        );
    }
    h.push_str("</section>");
}

/// The support chart; none without drafts.
fn chart_section(h: &mut Sink<'_>, summary: &Summary) {
    if !summary.drafts.is_empty() {
        let _ = write!(
            h,
            r#"<section id="chart"><h2>Support per draft</h2><figure>{}<figcaption>Support = authorize ÷ (authorize + does not authorize), over the Member States counted. The dashed line is the {} % threshold (Resolution 1, §9.4.5).{}</figcaption></figure></section>"#,
            chart(summary),
            view::number(summary.threshold),
            if summary.drafts.iter().any(|d| d.needs_review()) {
                " A light band shows how far open conflicts could move an undecided draft."
            } else {
                ""
            }
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::tests::{
        assert_has_every_verdict, sample_info, sample_records, sample_summary,
    };

    fn render() -> String {
        let records = sample_records();
        let summary = sample_summary(&records);
        String::from_utf8(report_html(&summary, &records, &sample_info())).unwrap()
    }

    #[test]
    fn has_verdicts_chart_matrix_and_review() {
        let h = render();
        assert!(h.starts_with("<!DOCTYPE html>"));
        assert_has_every_verdict(&h);
        assert_eq!(h.matches(r#"<g class="bar-row""#).count(), 3);
        assert_eq!(h.matches(r#"<line class="threshold""#).count(), 1);
        // 70 % of 500 px after the 210 px labels.
        assert!(h.contains(r#"<line class="threshold" x1="560.0""#), "{h}");
        assert!(h.contains("replies/old.doc"));
        assert!(h.contains("tracked changes were present"));
        assert!(h.contains("from 5 inputs"));
        // Nothing external.
        assert!(!h.contains("<script"));
        assert!(
            !h.contains("http://")
                || !h
                    .replace("http://www.w3.org/2000/svg", "")
                    .contains("http://")
        );
        assert!(!h.contains("https://"));
        assert!(!h.contains("@import") && !h.contains("url("));
    }

    #[test]
    fn escapes_and_marks_direction() {
        let mut records = sample_records();
        records.replies[0].answers[0].text = "<script>alert(1)</script> & \u{1}".into();
        records.replies[1].answers[1].text = "نص عربي".into();
        records.replies[1].answers[1].decision = crate::record::Decision::NotAuthorize;
        let summary = sample_summary(&records);
        let h = String::from_utf8(report_html(&summary, &records, &sample_info())).unwrap();
        assert!(!h.contains("<script>"));
        assert!(h.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; "));
        assert!(!h.contains('\u{1}'));
        assert!(h.contains(r#"<blockquote dir="rtl">نص عربي</blockquote>"#));
    }

    #[test]
    fn is_deterministic() {
        assert_eq!(render(), render());
    }
}
