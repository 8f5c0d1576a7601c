//! The public checkbox corpus (../shared/corpus, described in INDEX.md): every file must open,
//! and the marks read from `word/document.xml` must match the counts INDEX.md gives.

use crate::common;
use std::collections::BTreeMap;

use common::corpus_index::{corpus_dir, parse_index, GLYPH_ADJUSTMENTS, SYMBOL_ADJUSTMENTS};
use replytally::docx::model::Mechanism;
use replytally::docx::{placed_marks, read_docx};

#[test]
fn corpus_counts_match_index() {
    let Some(dir) = corpus_dir() else { return };
    let index = std::fs::read_to_string(dir.join("INDEX.md")).unwrap();
    let rows = parse_index(&index);
    assert!(rows.len() >= 30, "INDEX.md rows parsed: {}", rows.len());
    let mut failures = Vec::new();
    let mut checked_something = 0;
    for (file, exp) in &rows {
        let path = dir.join(file);
        let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{file}: {e}"));
        let doc = match read_docx(&bytes) {
            Ok(d) => d,
            Err(e) => {
                failures.push(format!("{file}: does not open: {e}"));
                continue;
            }
        };
        let mut got: BTreeMap<Mechanism, (usize, usize, usize)> = BTreeMap::new();
        for m in placed_marks(&doc)
            .iter()
            .filter(|m| m.part == "word/document.xml")
        {
            let e = got.entry(m.checkbox.mechanism).or_default();
            match m.checkbox.checked {
                Some(true) => e.0 += 1,
                Some(false) => e.1 += 1,
                None => e.2 += 1,
            }
        }
        let pair = |m: Mechanism| got.get(&m).map_or((0, 0), |c| (c.0, c.1));
        let total = |m: Mechanism| got.get(&m).map_or(0, |c| c.0 + c.1 + c.2);
        let mut check = |what: &str, exp: (usize, usize), got: (usize, usize)| {
            checked_something += 1;
            if exp != got {
                failures.push(format!(
                    "{file}: {what} expected {}✔/{}✘, got {}✔/{}✘",
                    exp.0, exp.1, got.0, got.1
                ));
            }
        };
        check(
            "legacy",
            exp.legacy.unwrap_or((0, 0)),
            pair(Mechanism::LegacyCheckbox),
        );
        check(
            "content control",
            exp.sdt.unwrap_or((0, 0)),
            pair(Mechanism::ContentControl),
        );
        if let Some(mut g) = exp.glyph {
            if let Some((_, fix, _why)) = GLYPH_ADJUSTMENTS.iter().find(|a| a.0 == file) {
                g = *fix;
            }
            check("glyph", g, pair(Mechanism::Glyph));
        }
        if let Some(mut s) = exp.symbol {
            if let Some((_, fix, _why)) = SYMBOL_ADJUSTMENTS.iter().find(|a| a.0 == file) {
                s = *fix;
            }
            check("symbol", s, pair(Mechanism::Symbol));
        }
        let ax = total(Mechanism::Activex);
        if ax != exp.activex.unwrap_or(0) {
            failures.push(format!(
                "{file}: ActiveX expected {}, got {ax}",
                exp.activex.unwrap_or(0)
            ));
        }
    }
    assert!(checked_something > 60);
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// The ActiveX states decoded from the real binaries (checked by opening them in Word's
/// object model is not possible here; the persisted `Value` strings are "0"/"1").
#[test]
fn activex_states_decoded() {
    let Some(dir) = corpus_dir() else { return };
    let states = |f: &str| -> Vec<Option<bool>> {
        let doc = read_docx(&std::fs::read(dir.join(f)).unwrap()).unwrap();
        placed_marks(&doc)
            .into_iter()
            .filter(|m| m.checkbox.mechanism == Mechanism::Activex)
            .map(|m| m.checkbox.checked)
            .collect()
    };
    assert_eq!(
        states("aspose-words-python/ActiveX controls.docx"),
        vec![Some(false), Some(true), Some(true)]
    );
    assert_eq!(
        states("aspose-words-python/Radio buttons.docx"),
        vec![Some(true), Some(false), Some(false)]
    );
    assert_eq!(
        states("docx4j/LegacyForms.docx"),
        vec![Some(false), Some(false)]
    );
}
