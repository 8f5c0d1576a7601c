//! `index.html` and `index.json`, written into `--out` when a run tallies several circulars:
//! each circular with its verdicts and a link to its folder, then what belongs to none (replies
//! assigned to no circular or to several, files that could not be read, corrections that
//! matched nothing). The page is self-contained like `report.html` (inline CSS, no script, no
//! network); both files are deterministic.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use serde::Serialize;

use super::{view, write_atomic, ReportError, RunInfo};
use crate::record::{Circular, Failure, Records, ReviewCounts, ReviewItem};
use crate::tally::{Summary, Verdict};

pub const INDEX_HTML: &str = "index.html";
pub const INDEX_JSON: &str = "index.json";
pub const INDEX_SCHEMA: &str = "replytally.index/1";

/// One circular as the index lists it.
pub struct IndexEntry<'a> {
    /// Its folder below `--out`.
    pub folder: &'a str,
    /// "TSB Circular 205".
    pub title: String,
    pub info: &'a RunInfo,
    pub summary: &'a Summary,
    /// Replies assigned to it (counted or not).
    pub replies: usize,
}

#[derive(Serialize)]
struct IndexFile<'a> {
    schema: &'static str,
    circulars: Vec<CircularJson<'a>>,
    /// Items of no circular: replies assigned to none or several, unreadable files,
    /// corrections that matched nothing.
    review: &'a [ReviewItem],
    failures: &'a [Failure],
}

#[derive(Serialize)]
struct CircularJson<'a> {
    folder: &'a str,
    circular: Option<&'a Circular>,
    form: Option<&'a str>,
    replies: usize,
    member_states_replied: usize,
    review: ReviewCounts,
    drafts: Vec<DraftJson<'a>>,
}

#[derive(Serialize)]
struct DraftJson<'a> {
    draft: &'a str,
    provisional: Option<&'a str>,
    support: Option<f64>,
    meets_threshold: Option<bool>,
}

/// Writes `index.html` and `index.json` into `dir`; `rest` holds what belongs to no circular.
pub fn write_index(
    dir: &Path,
    entries: &[IndexEntry],
    rest: &Records,
    info: &RunInfo,
) -> Result<Vec<PathBuf>, ReportError> {
    std::fs::create_dir_all(dir).map_err(|source| ReportError::CreateDir {
        path: dir.to_path_buf(),
        source,
    })?;
    let put = |name: &str, bytes: &[u8]| {
        let path = dir.join(name);
        write_atomic(&path, bytes)
            .map(|()| path.clone())
            .map_err(|source| ReportError::Write { path, source })
    };
    Ok(vec![
        put(INDEX_HTML, index_html(entries, rest, info).as_bytes())?,
        put(INDEX_JSON, &index_json(entries, rest))?,
    ])
}

/// `index.json`.
pub fn index_json(entries: &[IndexEntry], rest: &Records) -> Vec<u8> {
    let circulars = entries
        .iter()
        .map(|e| CircularJson {
            folder: e.folder,
            circular: e.info.circular.as_ref(),
            form: e.info.form.as_deref(),
            replies: e.replies,
            member_states_replied: e.summary.member_states_replied,
            review: e.summary.review,
            drafts: e
                .summary
                .drafts
                .iter()
                .map(|d| DraftJson {
                    draft: &d.draft,
                    provisional: d.provisional.as_deref(),
                    support: d.support,
                    meets_threshold: d.meets_threshold,
                })
                .collect(),
        })
        .collect();
    let file = IndexFile {
        schema: INDEX_SCHEMA,
        circulars,
        review: &rest.review,
        failures: &rest.failures,
    };
    let mut out = serde_json::to_vec_pretty(&file).unwrap_or_default();
    out.push(b'\n');
    out
}

fn esc(s: &str) -> String {
    let mut safe = view::xml_safe(s);
    safe.retain(|c| c != '\r');
    quick_xml::escape::escape(safe).into_owned()
}

const CSS: &str = "body{margin:0;color:#1d2433;font:15px/1.55 system-ui,-apple-system,\"Segoe UI\",Roboto,\"Noto Sans\",Arial,sans-serif}\
main{max-width:1100px;margin:0 auto;padding:32px 28px 64px}\
h1{font-size:1.6rem;color:#1f3864;margin:0 0 10px}h2{font-size:1.2rem;color:#1f3864;margin:36px 0 10px;border-bottom:1px solid #d9dee7}\
table{border-collapse:collapse;width:100%}th,td{text-align:left;vertical-align:top;padding:6px 8px;border-bottom:1px solid #d9dee7}\
.made,.src{font-size:.85rem;color:#5b6472}.src{word-break:break-all}\
.proceed{color:#2e7d32}.stop{color:#c62828}.undecided{color:#b26a00}.decide{color:#c62828;font-weight:600}\
ul.v{margin:0;padding-left:1.1em}";

/// `index.html`.
pub fn index_html(entries: &[IndexEntry], rest: &Records, info: &RunInfo) -> String {
    let mut h = String::new();
    let title = format!(
        "Results of the consultation of Member States: {} circulars",
        entries.len()
    );
    let _ = write!(
        h,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{}</title>\n<style>{CSS}</style>\n</head>\n<body>\n<main>\n<h1>{}</h1>\n<p class=\"made\">{}</p>\n",
        esc(&title),
        esc(&title),
        esc(&view::made_from(info))
    );
    circulars_table(&mut h, entries);
    rest_sections(&mut h, rest);
    h.push_str("</main>\n</body>\n</html>\n");
    h
}

fn verdict_class(v: Verdict) -> &'static str {
    match v {
        Verdict::MayProceed => "proceed",
        Verdict::MayNotProceed => "stop",
        Verdict::Undecided => "undecided",
    }
}

fn circulars_table(h: &mut String, entries: &[IndexEntry]) {
    h.push_str("<h2>Circulars</h2>\n<table>\n<thead><tr><th>Circular</th><th>Replies</th><th>Member States counted</th><th>Verdicts</th><th>To decide</th><th>Files</th></tr></thead>\n<tbody>\n");
    for e in entries {
        let date = view::circular_date(e.info)
            .map(|d| format!(" of {}", esc(d)))
            .unwrap_or_default();
        let _ = write!(
            h,
            "<tr data-folder=\"{f}\"><td><a href=\"{f}/report.html\">{}</a>{date}<div class=\"src\">{}</div></td><td>{}</td><td>{}</td><td><ul class=\"v\">",
            esc(&e.title),
            esc(e.info.form.as_deref().unwrap_or("no blank form")),
            e.replies,
            e.summary.member_states_replied,
            f = esc(e.folder),
        );
        for d in &e.summary.drafts {
            let v = d.verdict();
            let support = d.support.map_or("—".to_string(), |s| format!("{s:.1} %"));
            let _ = write!(
                h,
                "<li>{}: <span class=\"{}\">{}</span> ({support})</li>",
                esc(&d.draft),
                verdict_class(v),
                esc(v.as_str())
            );
        }
        let decide = e.summary.review.decide;
        let _ = writeln!(
            h,
            "</ul></td><td{}>{decide}</td><td><a href=\"{f}/summary.md\">summary.md</a> · <a href=\"{f}/records.json\">records.json</a> · <a href=\"{f}/annex.docx\">annex.docx</a></td></tr>",
            if decide > 0 { " class=\"decide\"" } else { "" },
            f = esc(e.folder),
        );
    }
    h.push_str("</tbody>\n</table>\n");
}

fn rest_sections(h: &mut String, rest: &Records) {
    h.push_str("<h2>Not in any circular</h2>\n");
    if rest.review.is_empty() {
        h.push_str("<p>Every reply was assigned to one circular; every file was read.</p>\n");
    } else {
        h.push_str("<p>Replies assigned to no circular or to several are counted in none until a person decides; files that could not be read belong to no circular.</p>\n<table>\n<thead><tr><th>Severity</th><th>File</th><th>Kind</th><th>What</th></tr></thead>\n<tbody>\n");
        for i in &rest.review {
            let _ = writeln!(
                h,
                "<tr data-kind=\"{k}\"><td class=\"{}\">{}</td><td class=\"src\">{}</td><td>{k}</td><td>{}</td></tr>",
                if i.resolved { "" } else { i.severity.as_str() },
                if i.resolved { "resolved" } else { i.severity.as_str() },
                esc(&i.source),
                esc(&i.message),
                k = esc(&i.kind),
            );
        }
        h.push_str("</tbody>\n</table>\n");
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::tests::{sample_info, sample_records, sample_summary};

    #[test]
    fn lists_each_circular_and_escapes_what_belongs_to_none() {
        let records = sample_records();
        let summary = sample_summary(&records);
        let info = sample_info();
        let entries = [IndexEntry {
            folder: "TSB-Circular-42",
            title: "TSB Circular 42".into(),
            info: &info,
            summary: &summary,
            replies: records.replies.len(),
        }];
        let mut rest = Records::empty();
        rest.review.push(ReviewItem {
            source: "in/<b>odd</b>.docx".into(),
            sha256: None,
            severity: crate::warning::Severity::Decide,
            kind: "circular_unknown".into(),
            drafts: Vec::new(),
            message: "names no circular of this run".into(),
            resolved: false,
        });
        let html = index_html(&entries, &rest, &info);
        assert_eq!(html, index_html(&entries, &rest, &info), "deterministic");
        assert!(html.contains("<a href=\"TSB-Circular-42/report.html\">TSB Circular 42</a>"));
        assert!(html.contains("in/&lt;b&gt;odd&lt;/b&gt;.docx"));
        assert!(!html.contains("<script") && !html.contains("http"));
        for d in &summary.drafts {
            assert!(html.contains(&format!("<li>{}: ", d.draft)));
        }
        let json: serde_json::Value = serde_json::from_slice(&index_json(&entries, &rest)).unwrap();
        assert_eq!(json["schema"], INDEX_SCHEMA);
        assert_eq!(json["circulars"][0]["folder"], "TSB-Circular-42");
        assert_eq!(json["review"][0]["kind"], "circular_unknown");
    }
}
