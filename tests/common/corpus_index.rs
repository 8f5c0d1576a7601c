//! `../shared/corpus/INDEX.md`: what each corpus file holds, as the index states it (one parser
//! for `tests/corpus.rs` and `tests/explain_corpus.rs`).

use regex::Regex;
use std::path::{Path, PathBuf};

/// The corpus directory, when `../shared/corpus/INDEX.md` is there (else the test skips, or
/// fails under `REPLYTALLY_REQUIRE=1`: see [`super::skip`]).
pub fn corpus_dir() -> Option<PathBuf> {
    let index = super::shared("corpus/INDEX.md")?;
    index.parent().map(Path::to_path_buf)
}

/// Expected counts of `word/document.xml` for one file, as (checked, unchecked); `None` where
/// INDEX.md says nothing about that mechanism.
#[derive(Debug, Default, Clone)]
pub struct Expected {
    pub legacy: Option<(usize, usize)>,
    pub sdt: Option<(usize, usize)>,
    pub glyph: Option<(usize, usize)>,
    pub symbol: Option<(usize, usize)>,
    /// ActiveX `Forms.CheckBox.1` and `Forms.OptionButton.1` controls (other classes are not
    /// marks).
    pub activex: Option<usize>,
}

/// The number of files INDEX.md says it lists ("37 `.docx`/`.dotx` files").
pub fn stated_file_count(index: &str) -> Option<usize> {
    let re = Regex::new(r"(\d+) `\.docx`").unwrap();
    re.captures(index).and_then(|c| c[1].parse().ok())
}

/// One row per corpus file: its path below the corpus directory and what it holds.
pub fn parse_index(index: &str) -> Vec<(String, Expected)> {
    let legacy = Regex::new(r"legacy ffData (\d+)✔/(\d+)✘").unwrap();
    let sdt = Regex::new(r"w14 SDT (\d+)✔/(\d+)✘").unwrap();
    let glyph_sec = Regex::new(r"glyph ((?:U\+[0-9A-F]{4}=\w+×\d+(?:, )?)+)").unwrap();
    let glyph_item = Regex::new(r"U\+[0-9A-F]{4}=(\w+)×(\d+)").unwrap();
    let sym_sec =
        Regex::new(r"(?:w:sym|symfont-text) ((?:[A-Za-z0-9 ]+:[0-9A-F]{4}=[\w?]+×\d+(?:, )?)+)")
            .unwrap();
    let sym_item = Regex::new(r"[A-Za-z0-9 ]+:[0-9A-F]{4}=([\w?]+)×(\d+)").unwrap();
    let activex = Regex::new(r"ActiveX w:control×\d+ \[([^\]]*)\]").unwrap();
    let ax_item = Regex::new(r"Forms\.(?:CheckBox|OptionButton)\.1×(\d+)").unwrap();
    let num = |s: &str| s.parse::<usize>().unwrap();

    let mut out = Vec::new();
    for line in index.lines() {
        let cols: Vec<&str> = line.split('|').map(str::trim).collect();
        if cols.len() < 8 || cols[1].parse::<usize>().is_err() {
            continue;
        }
        let file = cols[2].trim_matches('`').to_string();
        let mech = cols[6];
        let mut e = Expected::default();
        if let Some(c) = legacy.captures(mech) {
            e.legacy = Some((num(&c[1]), num(&c[2])));
        }
        if let Some(c) = sdt.captures(mech) {
            e.sdt = Some((num(&c[1]), num(&c[2])));
        }
        if let Some(c) = glyph_sec.captures(mech) {
            let (mut on, mut off) = (0, 0);
            for i in glyph_item.captures_iter(&c[1]) {
                match &i[1] {
                    "checked" => on += num(&i[2]),
                    _ => off += num(&i[2]),
                }
            }
            e.glyph = Some((on, off));
        }
        for c in sym_sec.captures_iter(mech) {
            let (mut on, mut off) = e.symbol.unwrap_or((0, 0));
            for i in sym_item.captures_iter(&c[1]) {
                match &i[1] {
                    "checked" | "checked?" | "tick" | "cross" => on += num(&i[2]),
                    "unchecked" | "unchecked?" => off += num(&i[2]),
                    // "filled?" codes are not in FORM.md's table: decoration, not marks.
                    _ => {}
                }
            }
            e.symbol = Some((on, off));
        }
        if let Some(c) = activex.captures(mech) {
            e.activex = Some(ax_item.captures_iter(&c[1]).map(|i| num(&i[1])).sum());
        }
        out.push((file, e));
    }
    out
}

/// Where INDEX.md's glyph count differs from what the XML holds, with the reason.
pub const GLYPH_ADJUSTMENTS: [(&str, (usize, usize), &str); 1] = [(
    "aspose-words-python/Corrupted footnotes.docx",
    (7, 12),
    // INDEX.md says 5/6: its scan left out the 2 ⊠ and 6 ▢ whose runs set
    // `w:rFonts w:eastAsia="Wingdings 2"`. The eastAsia slot does not apply to these
    // (non-East-Asian) characters, so Word shows them as ⊠/▢ and they are real marks.
    "glyphs in runs with an eastAsia symbol font",
)];

/// Where INDEX.md's symbol-font count differs from what the complete symbol-font tables
/// (`data/symbol_fonts.tsv`, issue 12 part 4) read, with the reason: INDEX.md counted only the
/// codes the reader's former, partial table knew.
pub const SYMBOL_ADJUSTMENTS: [(&str, (usize, usize), &str); 3] = [
    (
        "aspose-words-python/Rendering.docx",
        (2, 0),
        "Symbol F0C4 draws ⊗ (circled times), a mark, beside the Wingdings F078 INDEX.md lists",
    ),
    (
        "docx4j/Symbols.docx",
        (129, 60),
        "a showcase of the symbol fonts: every box, circle, tick and cross of Wingdings, Wingdings 2, Webdings and Symbol is a mark, not only the 20 codes INDEX.md lists",
    ),
    (
        "_generated-libreoffice-7.4.7-roundtrip/docx4j_Symbols.docx",
        (111, 49),
        "the same showcase re-saved by LibreOffice",
    ),
];
