//! `replytally explain` (issue 3, item 7) on the public checkbox corpus (../shared/corpus): for
//! every file INDEX.md lists, the real binary's `explain --json` must list exactly the checked
//! and unchecked legacy and content-control boxes of `word/document.xml` the index gives, the
//! glyph and symbol counts where it gives them, and the ActiveX check boxes with their decoded
//! states. Also checks the text form of `explain` on one sample reply.

use crate::common;
use std::collections::BTreeMap;
use std::path::Path;
use std::process::Command;

use common::corpus_index::{
    corpus_dir, parse_index, stated_file_count, GLYPH_ADJUSTMENTS, SYMBOL_ADJUSTMENTS,
};
use rayon::prelude::*;
use serde_json::Value;

const DOC: &str = "word/document.xml";

fn explain(file: &Path, json: bool) -> (String, String) {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_replytally"));
    cmd.arg("explain").arg(file);
    if json {
        cmd.arg("--json");
    }
    let out = cmd.output().expect("the replytally binary runs");
    let stdout = String::from_utf8(out.stdout).expect("explain prints UTF-8");
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(
        out.status.success(),
        "explain {} failed ({}): {stderr}",
        file.display(),
        out.status
    );
    (stdout, stderr)
}

fn explain_json(file: &Path) -> Value {
    let (stdout, _) = explain(file, true);
    serde_json::from_str(&stdout)
        .unwrap_or_else(|e| panic!("explain --json {}: not JSON: {e}", file.display()))
}

/// The ActiveX states the docx reader decodes from `activeXN.bin` (MS-OFORMS `Value`), in
/// document order; see `tests/corpus.rs`.
const ACTIVEX_STATES: [(&str, &[Option<bool>]); 3] = [
    (
        "aspose-words-python/ActiveX controls.docx",
        &[Some(false), Some(true), Some(true)],
    ),
    (
        "aspose-words-python/Radio buttons.docx",
        &[Some(true), Some(false), Some(false)],
    ),
    ("docx4j/LegacyForms.docx", &[Some(false), Some(false)]),
];

#[test]
fn explain_lists_the_corpus_marks() {
    let Some(dir) = corpus_dir() else { return };
    let index = std::fs::read_to_string(dir.join("INDEX.md")).expect("INDEX.md readable");
    let rows = parse_index(&index);
    let stated = stated_file_count(&index).expect("INDEX.md states how many files it lists");
    assert_eq!(rows.len(), stated, "INDEX.md rows vs the count it states");

    // The binary runs are independent: run them on all cores, check them in order.
    let outputs: Vec<Value> = rows
        .par_iter()
        .map(|(file, _)| explain_json(&dir.join(file)))
        .collect();
    let mut problems = Vec::new();
    let mut files_checked = 0;
    let mut comparisons = 0;
    for ((file, exp), e) in rows.iter().zip(outputs) {
        let marks = e["marks"].as_array().cloned().unwrap_or_default();
        let keys = ["mechanism", "checked", "part", "location", "draft", "line"];
        for m in &marks {
            for k in keys {
                if m.get(k).is_none() {
                    problems.push(format!("{file}: a mark has no '{k}': {m}"));
                }
            }
            // None of these files is a reply form: no mark belongs to a draft.
            if !m["draft"].is_null() || !m["line"].is_null() {
                problems.push(format!(
                    "{file}: mark outside a reply form has a draft/line: {m}"
                ));
            }
        }
        // (checked, unchecked, unknown) per mechanism, of word/document.xml.
        let mut got: BTreeMap<String, (usize, usize, usize)> = BTreeMap::new();
        for m in marks.iter().filter(|m| m["part"] == DOC) {
            let c = got
                .entry(m["mechanism"].as_str().unwrap_or("?").to_string())
                .or_default();
            match m["checked"].as_bool() {
                Some(true) => c.0 += 1,
                Some(false) => c.1 += 1,
                None => c.2 += 1,
            }
        }
        // A symbol-font character that is not a box code (Wingdings F028 ☎) is listed with
        // state null and must then be warned about, never read silently.
        let warnings: Vec<&str> = e["warnings"]
            .as_array()
            .map(|w| w.iter().filter_map(Value::as_str).collect())
            .unwrap_or_default();
        for m in marks
            .iter()
            .filter(|m| m["part"] == DOC && m["mechanism"] == "symbol" && m["checked"].is_null())
        {
            let detail = m["detail"].as_str().unwrap_or("?");
            eprintln!("  {file}: symbol {detail} listed with state unknown");
            if !warnings.iter().any(|w| w.contains(detail)) {
                problems.push(format!("{file}: unknown symbol {detail} without a warning"));
            }
        }
        let mut check = |mech: &str, want: (usize, usize)| {
            comparisons += 1;
            let g = got.get(mech).copied().unwrap_or_default();
            let unknown_ok = if mech == "symbol" { g.2 } else { 0 };
            if (g.0, g.1, g.2) != (want.0, want.1, unknown_ok) {
                problems.push(format!(
                    "{file}: {mech}: INDEX.md {}✔/{}✘, explain {}✔/{}✘/{}?",
                    want.0, want.1, g.0, g.1, g.2
                ));
            }
        };
        check("legacy_checkbox", exp.legacy.unwrap_or((0, 0)));
        check("content_control", exp.sdt.unwrap_or((0, 0)));
        if let Some(mut g) = exp.glyph {
            if let Some((_, fix, _why)) = GLYPH_ADJUSTMENTS.iter().find(|a| a.0 == file) {
                g = *fix;
            }
            check("glyph", g);
        }
        if let Some(mut s) = exp.symbol {
            if let Some((_, fix, _why)) = SYMBOL_ADJUSTMENTS.iter().find(|a| a.0 == file) {
                s = *fix;
            }
            check("symbol", s);
        }
        let ax: Vec<Option<bool>> = marks
            .iter()
            .filter(|m| m["mechanism"] == "activex")
            .map(|m| m["checked"].as_bool())
            .collect();
        comparisons += 1;
        if ax.len() != exp.activex.unwrap_or(0) {
            problems.push(format!(
                "{file}: activex: INDEX.md {} check boxes/option buttons, explain {}",
                exp.activex.unwrap_or(0),
                ax.len()
            ));
        }
        if let Some((_, want)) = ACTIVEX_STATES.iter().find(|(f, _)| f == file) {
            if ax != *want {
                problems.push(format!(
                    "{file}: activex states: want {want:?}, explain {ax:?}"
                ));
            }
        }
        files_checked += 1;
    }
    eprintln!("explain --json checked on {files_checked} corpus files ({comparisons} comparisons)");
    assert_eq!(files_checked, rows.len());
    assert!(files_checked >= 30, "only {files_checked} corpus files");
    assert!(
        problems.is_empty(),
        "{} problems:\n{}",
        problems.len(),
        problems.join("\n")
    );
}

/// The text form prints every mark (mechanism, state, place, draft and line) and every
/// draft's decision, as the JSON form gives them.
#[test]
fn explain_text_shows_marks_and_decisions() {
    let file = Path::new(env!("CARGO_MANIFEST_DIR")).join("samples/Kenya_reply_circ117.docx");
    let e = explain_json(&file);
    let (text, _) = explain(&file, false);
    let marks = e["marks"].as_array().expect("marks");
    let answers = e["answers"].as_array().expect("answers");
    assert!(marks.len() >= 10, "{} marks", marks.len());
    assert!(answers.len() >= 5, "{} answers", answers.len());

    let lines: Vec<&str> = text.lines().collect();
    let head = format!("Marks ({}):", marks.len());
    let start = lines
        .iter()
        .position(|l| l.trim() == head)
        .unwrap_or_else(|| panic!("no '{head}' in:\n{text}"));
    let mark_lines = &lines[start + 1..start + 1 + marks.len()];
    for (m, l) in marks.iter().zip(mark_lines) {
        let state = match m["checked"].as_bool() {
            Some(true) => "checked",
            Some(false) => "empty",
            None => "unknown",
        };
        for want in [
            m["mechanism"].as_str().unwrap(),
            state,
            m["location"].as_str().unwrap(),
            m["draft"].as_str().unwrap_or(""),
            m["line"].as_str().unwrap_or(""),
        ] {
            assert!(l.contains(want), "mark line {l:?} lacks {want:?} ({m})");
        }
    }
    for a in answers {
        let draft = a["draft"].as_str().unwrap();
        let decision = a["decision"].as_str().unwrap();
        let mut want = format!("{draft}: {decision}");
        if let Some(c) = a["comments"].as_str() {
            want.push_str(&format!(", {c}"));
        }
        assert!(
            lines.iter().any(|l| l.trim_start().starts_with(&want)),
            "no line '{want}' in:\n{text}"
        );
    }
    // Kenya's reply has each kind of decision.
    let decisions: Vec<&str> = answers
        .iter()
        .filter_map(|a| a["decision"].as_str())
        .collect();
    for d in ["authorize", "not_authorize", "no_reply"] {
        assert!(decisions.contains(&d), "{decisions:?} lacks {d}");
    }
}
