//! Mutation test (issue 3, item 6): no silent errors. The marks of each sample reply are changed
//! programmatically — one cleared, one added, one moved to the other line, one stored by another
//! mechanism — and for every mutant the reader must either read the new truth of the mutated
//! draft exactly (decision and comments) or put a new warning about that draft (one whose
//! `drafts` names it).
//!
//! Marks are located with `explain` (mechanism, state, draft and line, in document order) and
//! matched to their XML by order within each mechanism: the k-th `w:ffData/w:checkBox`, the
//! k-th `w14:checkbox` content control, the k-th `w:sym`, the k-th box glyph in `w:t`. The match
//! is checked (same count, same state, same symbol or glyph) so that a mismatch fails loudly
//! instead of mutating the wrong box.

use crate::common;
use std::collections::BTreeMap;
use std::io::{Cursor, Read as _, Write as _};
use std::path::{Path, PathBuf};

use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;
use rayon::prelude::*;
use replytally::explain::{explain_bytes, MarkOut};
use replytally::pipeline::{read_word, Read};
use replytally::record::{Comments, Decision, Evidence, Reply};
use replytally::warning::Warning;

const DOC: &str = "word/document.xml";
/// Drafts mutated per file, and one swap target per mark: a deterministic subset that keeps the
/// debug run near 30 s. `MUTATION_FULL=1` mutates every draft into every other mechanism.
const DRAFTS_PER_FILE: usize = 2;

fn full() -> bool {
    std::env::var_os("MUTATION_FULL").is_some_and(|v| v == "1")
}
const W14_NS: &str = "http://schemas.microsoft.com/office/word/2010/wordml";

// ---------------------------------------------------------------------------------------------
// A small index of document.xml: every element with its byte range, every text node.

#[derive(Debug)]
struct El {
    name: String,
    start: usize,
    /// End of the start tag (equals `end` for an empty element).
    open_end: usize,
    end: usize,
    parent: Option<usize>,
    attrs: Vec<(String, String)>,
    empty: bool,
}

#[derive(Debug)]
struct TextNode {
    parent: Option<usize>,
    start: usize,
    end: usize,
}

struct Xml {
    els: Vec<El>,
    texts: Vec<TextNode>,
    children: Vec<Vec<usize>>,
}

fn attrs_of(e: &BytesStart) -> Vec<(String, String)> {
    e.attributes()
        .with_checks(false)
        .flatten()
        .map(|a| (a.key.as_ref().to_string(), a.value.to_string()))
        .collect()
}

fn index_xml(s: &str) -> Xml {
    let mut r = Reader::from_str(s);
    let mut els: Vec<El> = Vec::new();
    let mut texts = Vec::new();
    let mut stack: Vec<usize> = Vec::new();
    loop {
        let pos = r.buffer_position() as usize;
        let ev = r
            .read_event()
            .unwrap_or_else(|e| panic!("document.xml does not parse at byte {pos}: {e}"));
        let now = r.buffer_position() as usize;
        match ev {
            Event::Start(e) => {
                els.push(El {
                    name: e.name().as_ref().to_string(),
                    start: pos,
                    open_end: now,
                    end: now,
                    parent: stack.last().copied(),
                    attrs: attrs_of(&e),
                    empty: false,
                });
                stack.push(els.len() - 1);
            }
            Event::Empty(e) => els.push(El {
                name: e.name().as_ref().to_string(),
                start: pos,
                open_end: now,
                end: now,
                parent: stack.last().copied(),
                attrs: attrs_of(&e),
                empty: true,
            }),
            Event::End(_) => {
                let i = stack.pop().expect("balanced XML");
                els[i].end = now;
            }
            Event::Text(_) => texts.push(TextNode {
                parent: stack.last().copied(),
                start: pos,
                end: now,
            }),
            Event::Eof => break,
            _ => {}
        }
    }
    assert!(stack.is_empty(), "document.xml ends inside an element");
    let mut children = vec![Vec::new(); els.len()];
    for (i, e) in els.iter().enumerate() {
        if let Some(p) = e.parent {
            children[p].push(i);
        }
    }
    Xml {
        els,
        texts,
        children,
    }
}

impl Xml {
    fn name(&self, i: usize) -> &str {
        &self.els[i].name
    }
    fn attr(&self, i: usize, key: &str) -> Option<&str> {
        self.els[i]
            .attrs
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    }
    fn child(&self, i: usize, name: &str) -> Option<usize> {
        self.children[i]
            .iter()
            .copied()
            .find(|&c| self.name(c) == name)
    }
    fn parent_named(&self, i: usize, name: &str) -> Option<usize> {
        self.els[i].parent.filter(|&p| self.name(p) == name)
    }
    /// `i` and its ancestors.
    fn chain(&self, i: Option<usize>) -> impl Iterator<Item = usize> + '_ {
        std::iter::successors(i, move |&j| self.els[j].parent)
    }
    /// Inside content that does not print: a deleted revision or a text box's fallback copy.
    fn hidden(&self, i: Option<usize>) -> bool {
        self.chain(i)
            .any(|j| matches!(self.name(j), "w:del" | "w:moveFrom" | "mc:Fallback"))
    }
    fn text(&self, s: &str, t: usize) -> String {
        let t = &self.texts[t];
        s[t.start..t.end].to_string()
    }
}

// ---------------------------------------------------------------------------------------------
// Marks in the XML.

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
enum Kind {
    Legacy,
    Cc,
    Sym,
    Glyph,
}

const KINDS: [Kind; 4] = [Kind::Legacy, Kind::Cc, Kind::Sym, Kind::Glyph];

impl Kind {
    fn of(e: Evidence) -> Option<Kind> {
        match e {
            Evidence::LegacyCheckbox => Some(Kind::Legacy),
            Evidence::ContentControl => Some(Kind::Cc),
            Evidence::Symbol => Some(Kind::Sym),
            Evidence::Glyph => Some(Kind::Glyph),
            _ => None,
        }
    }
    fn word(self) -> &'static str {
        match self {
            Kind::Legacy => "legacy",
            Kind::Cc => "content_control",
            Kind::Sym => "symbol",
            Kind::Glyph => "glyph",
        }
    }
}

#[derive(Debug, Clone)]
struct Site {
    kind: Kind,
    /// `w:ffData`, `w14:checkbox`, `w:sym`, or the `w:t` holding the glyph.
    el: usize,
    state: bool,
    /// For symbols and glyphs, the `explain` detail (`Wingdings F0FE`, `U+2612`).
    detail: Option<String>,
    /// For glyphs: byte offset and character.
    glyph: Option<(usize, char)>,
}

/// Same table as the reader's (FORM.md); kept here so that the test states it independently.
fn glyph_state(c: char) -> Option<bool> {
    match c {
        '☒' | '☑' | '✔' | '✓' | '✗' | '✘' | '■' | '⊠' | '⊗' | '●' | '◉' | '⦿' | '⊙' | '▣' => {
            Some(true)
        }
        '☐' | '□' | '○' | '\u{20DD}' | '▢' | '◯' => Some(false),
        _ => None,
    }
}

fn sym_font(name: &str) -> Option<&'static str> {
    let n: String = name
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect::<String>()
        .to_ascii_lowercase();
    match n.as_str() {
        "wingdings" | "wingdings1" => Some("Wingdings"),
        "wingdings2" => Some("Wingdings 2"),
        "webdings" => Some("Webdings"),
        _ => None,
    }
}

fn sym_state(font: &str, code: u8) -> Option<bool> {
    match font {
        "Wingdings" => match code {
            0xFE | 0xFD | 0x78 | 0xFC | 0xFB => Some(true),
            0xA8 | 0x6F | 0x71 | 0x72 => Some(false),
            _ => None,
        },
        "Wingdings 2" => match code {
            0x52 | 0x53 | 0x54 | 0x51 | 0x50 | 0x4F | 0xA8 => Some(true),
            0xA3 | 0x2A => Some(false),
            _ => None,
        },
        _ => match code {
            0x61 => Some(true),
            0x63 => Some(false),
            _ => None,
        },
    }
}

/// The code a person would pick in the same font for a checked / an empty box.
fn sym_code_for(font: &str, on: bool) -> u8 {
    match (font, on) {
        ("Wingdings", true) => 0xFE,
        ("Wingdings", false) => 0xA8,
        ("Wingdings 2", true) => 0x52,
        ("Wingdings 2", false) => 0xA3,
        (_, true) => 0x61,
        (_, false) => 0x63,
    }
}

fn sym_code(hex: &str) -> Option<u8> {
    let v = u32::from_str_radix(hex.trim(), 16).ok()?;
    let v = if (0xF000..=0xF0FF).contains(&v) {
        v - 0xF000
    } else {
        v
    };
    u8::try_from(v).ok()
}

fn on_off(v: Option<&str>) -> bool {
    !matches!(v, Some("0" | "false" | "off"))
}

/// The `w:sdt` of a content-control checkbox.
fn cc_sdt(x: &Xml, cbx: usize) -> Option<usize> {
    let pr = x.parent_named(cbx, "w:sdtPr")?;
    x.parent_named(pr, "w:sdt")
}

fn find_sites(x: &Xml, s: &str) -> Vec<Site> {
    let mut sites = Vec::new();
    let mut cc_sdts = Vec::new();
    for (i, e) in x.els.iter().enumerate() {
        if x.hidden(Some(i)) {
            continue;
        }
        match e.name.as_str() {
            "w:ffData" => {
                let Some(cb) = x.child(i, "w:checkBox") else {
                    continue;
                };
                let state = match x.child(cb, "w:checked") {
                    Some(c) => on_off(x.attr(c, "w:val")),
                    None => x
                        .child(cb, "w:default")
                        .is_some_and(|d| matches!(x.attr(d, "w:val"), Some("1" | "true" | "on"))),
                };
                sites.push(Site {
                    kind: Kind::Legacy,
                    el: i,
                    state,
                    detail: None,
                    glyph: None,
                });
            }
            "w14:checkbox" => {
                let state = x.child(i, "w14:checked").is_some_and(|c| {
                    matches!(
                        x.attr(c, "w14:val").or(x.attr(c, "w:val")),
                        Some("1" | "true" | "on")
                    )
                });
                if let Some(sdt) = cc_sdt(x, i) {
                    cc_sdts.push(sdt);
                }
                sites.push(Site {
                    kind: Kind::Cc,
                    el: i,
                    state,
                    detail: None,
                    glyph: None,
                });
            }
            "w:sym" => {
                let font = x.attr(i, "w:font").and_then(sym_font);
                let code = x.attr(i, "w:char").and_then(sym_code);
                if let (Some(font), Some(code)) = (font, code) {
                    if let Some(state) = sym_state(font, code) {
                        sites.push(Site {
                            kind: Kind::Sym,
                            el: i,
                            state,
                            detail: Some(format!("{font} F0{code:02X}")),
                            glyph: None,
                        });
                    }
                }
            }
            _ => {}
        }
    }
    for (t, node) in x.texts.iter().enumerate() {
        let Some(wt) = node.parent.filter(|&p| x.name(p) == "w:t") else {
            continue;
        };
        if x.hidden(Some(wt)) || x.chain(Some(wt)).any(|a| cc_sdts.contains(&a)) {
            continue;
        }
        for (off, c) in x.text(s, t).char_indices() {
            if let Some(state) = glyph_state(c) {
                sites.push(Site {
                    kind: Kind::Glyph,
                    el: wt,
                    state,
                    detail: Some(format!("U+{:04X}", c as u32)),
                    glyph: Some((node.start + off, c)),
                });
            }
        }
    }
    sites.sort_by_key(|st| st.glyph.map_or(x.els[st.el].start, |g| g.0));
    sites
}

// ---------------------------------------------------------------------------------------------
// Edits.

type Edit = (usize, usize, String);

fn apply(s: &str, mut edits: Vec<Edit>) -> String {
    edits.sort_by_key(|e| (e.0, e.1));
    let mut out = String::with_capacity(s.len() + 512);
    let mut at = 0;
    for (a, b, rep) in edits {
        assert!(a >= at, "overlapping edits");
        out.push_str(&s[at..a]);
        out.push_str(&rep);
        at = b;
    }
    out.push_str(&s[at..]);
    out
}

/// A fresh mark of `kind` in state `on`, as one or more runs.
fn markup(kind: Kind, on: bool, id: usize) -> String {
    match kind {
        Kind::Legacy => format!(
            "<w:r><w:fldChar w:fldCharType=\"begin\"><w:ffData><w:name w:val=\"MutCheck{id}\"/><w:enabled/>\
             <w:calcOnExit w:val=\"0\"/><w:checkBox><w:sizeAuto/><w:default w:val=\"0\"/>{}</w:checkBox>\
             </w:ffData></w:fldChar></w:r><w:r><w:instrText xml:space=\"preserve\"> FORMCHECKBOX </w:instrText></w:r>\
             <w:r><w:fldChar w:fldCharType=\"separate\"/></w:r><w:r><w:fldChar w:fldCharType=\"end\"/></w:r>",
            if on { "<w:checked/>" } else { "" }
        ),
        Kind::Cc => format!(
            "<w:sdt><w:sdtPr><w:id w:val=\"{}\"/><w14:checkbox><w14:checked w14:val=\"{}\"/>\
             <w14:checkedState w14:val=\"2612\" w14:font=\"MS Gothic\"/>\
             <w14:uncheckedState w14:val=\"2610\" w14:font=\"MS Gothic\"/></w14:checkbox></w:sdtPr>\
             <w:sdtContent><w:r><w:rPr><w:rFonts w:ascii=\"MS Gothic\" w:eastAsia=\"MS Gothic\" \
             w:hAnsi=\"MS Gothic\" w:hint=\"eastAsia\"/></w:rPr><w:t>{}</w:t></w:r></w:sdtContent></w:sdt>",
            900_000 + id,
            u8::from(on),
            if on { '☒' } else { '☐' }
        ),
        Kind::Sym => format!(
            "<w:r><w:sym w:font=\"Wingdings\" w:char=\"F0{:02X}\"/></w:r>",
            sym_code_for("Wingdings", on)
        ),
        Kind::Glyph => format!("<w:r><w:t>{}</w:t></w:r>", if on { '☒' } else { '☐' }),
    }
}

/// Edits that put `site` in state `on`, keeping its mechanism.
fn set_state(x: &Xml, s: &str, site: &Site, on: bool) -> Vec<Edit> {
    let e = &x.els[site.el];
    match site.kind {
        Kind::Legacy => {
            let ck = if on {
                "<w:checked/>"
            } else {
                "<w:checked w:val=\"0\"/>"
            };
            let cb = x.child(site.el, "w:checkBox").expect("w:checkBox");
            let cbe = &x.els[cb];
            if cbe.empty {
                return vec![(
                    cbe.start,
                    cbe.end,
                    format!("<w:checkBox><w:sizeAuto/>{ck}</w:checkBox>"),
                )];
            }
            let mut edits: Vec<Edit> = x.children[cb]
                .iter()
                .filter(|&&c| x.name(c) == "w:checked")
                .map(|&c| (x.els[c].start, x.els[c].end, String::new()))
                .collect();
            let close = cbe.start + s[cbe.start..cbe.end].rfind("</").expect("close tag");
            edits.push((close, close, ck.to_string()));
            edits
        }
        Kind::Cc => {
            let ck = format!("<w14:checked w14:val=\"{}\"/>", u8::from(on));
            let mut edits = if e.empty {
                vec![(e.start, e.end, format!("<w14:checkbox>{ck}</w14:checkbox>"))]
            } else if let Some(c) = x.child(site.el, "w14:checked") {
                vec![(x.els[c].start, x.els[c].end, ck)]
            } else {
                vec![(e.open_end, e.open_end, ck)]
            };
            // Word also swaps the glyph shown; the reader must go by w14:checked anyway.
            if let Some(content) = cc_sdt(x, site.el).and_then(|sdt| x.child(sdt, "w:sdtContent")) {
                let (a, b) = (x.els[content].start, x.els[content].end);
                for (t, node) in x.texts.iter().enumerate() {
                    if node.start < a
                        || node.end > b
                        || node.parent.is_none_or(|p| x.name(p) != "w:t")
                    {
                        continue;
                    }
                    for (off, c) in x.text(s, t).char_indices() {
                        if glyph_state(c).is_some() {
                            let p = node.start + off;
                            let g = if on { '☒' } else { '☐' };
                            edits.push((p, p + c.len_utf8(), g.to_string()));
                        }
                    }
                }
            }
            edits
        }
        Kind::Sym => {
            let font_attr = x.attr(site.el, "w:font").unwrap_or("Wingdings");
            let font = sym_font(font_attr).unwrap_or("Wingdings");
            vec![(
                e.start,
                e.end,
                format!(
                    "<w:sym w:font=\"{font_attr}\" w:char=\"F0{:02X}\"/>",
                    sym_code_for(font, on)
                ),
            )]
        }
        Kind::Glyph => {
            let (p, c) = site.glyph.expect("glyph position");
            let g = match (on, c) {
                (true, '○' | '\u{20DD}' | '◯') => '●',
                (true, _) => '☒',
                (false, '●' | '◉' | '⦿' | '⊙') => '\u{20DD}',
                (false, _) => '☐',
            };
            vec![(p, p + c.len_utf8(), g.to_string())]
        }
    }
}

/// Edits that replace `site` by a fresh mark of another mechanism in the same state; `None`
/// where the site's structure does not allow it (a content control wrapping a cell).
fn replace_with(x: &Xml, s: &str, site: &Site, to: Kind, id: usize) -> Option<Vec<Edit>> {
    let new = markup(to, site.state, id);
    let mut edits = match site.kind {
        Kind::Legacy => {
            let fld = x.parent_named(site.el, "w:fldChar")?;
            let begin_run = x.parent_named(fld, "w:r")?;
            let mut depth = 0usize;
            let mut end_run = None;
            for j in fld + 1..x.els.len() {
                if x.name(j) != "w:fldChar" {
                    continue;
                }
                match x.attr(j, "w:fldCharType") {
                    Some("begin") => depth += 1,
                    Some("end") if depth == 0 => {
                        end_run = x.parent_named(j, "w:r");
                        break;
                    }
                    Some("end") => depth -= 1,
                    _ => {}
                }
            }
            let end_run = end_run?;
            if x.els[begin_run].parent != x.els[end_run].parent {
                return None;
            }
            vec![(x.els[begin_run].start, x.els[end_run].end, new)]
        }
        Kind::Cc => {
            let sdt = cc_sdt(x, site.el)?;
            let parent = x.els[sdt].parent?;
            let content = x.child(sdt, "w:sdtContent")?;
            let inline = matches!(
                x.name(parent),
                "w:p" | "w:hyperlink" | "w:ins" | "w:smartTag"
            ) && x.children[content].iter().all(|&c| x.name(c) == "w:r");
            if !inline {
                return None;
            }
            vec![(x.els[sdt].start, x.els[sdt].end, new)]
        }
        Kind::Sym => {
            let run = x.parent_named(site.el, "w:r")?;
            let alone = x.children[run]
                .iter()
                .all(|&c| c == site.el || x.name(c) == "w:rPr");
            if alone {
                vec![(x.els[run].start, x.els[run].end, new)]
            } else {
                let e = &x.els[site.el];
                vec![(e.start, e.end, format!("</w:r>{new}<w:r>"))]
            }
        }
        Kind::Glyph => {
            let (p, c) = site.glyph?;
            let run = x.parent_named(site.el, "w:r")?;
            let wt = &x.els[site.el];
            let only_char = s[wt.open_end..wt.end]
                .split("</")
                .next()
                .is_some_and(|t| t.trim() == c.to_string());
            let alone = x.children[run]
                .iter()
                .all(|&k| k == site.el || x.name(k) == "w:rPr");
            if only_char && alone {
                vec![(x.els[run].start, x.els[run].end, new)]
            } else {
                vec![(
                    p,
                    p + c.len_utf8(),
                    format!("</w:t></w:r>{new}<w:r><w:t xml:space=\"preserve\">"),
                )]
            }
        }
    };
    if to == Kind::Cc && !s[..x.els[0].open_end].contains("xmlns:w14=") {
        let at = x.els[0].open_end - 1;
        edits.push((at, at, format!(" xmlns:w14=\"{W14_NS}\"")));
    }
    Some(edits)
}

fn rezip(orig: &[u8], xml: &str) -> Vec<u8> {
    use zip::write::SimpleFileOptions;
    let mut za = zip::ZipArchive::new(Cursor::new(orig)).expect("sample zip opens");
    let mut w = zip::ZipWriter::new(Cursor::new(Vec::new()));
    for i in 0..za.len() {
        let f = za.by_index_raw(i).expect("zip entry");
        if f.name().is_ok_and(|n| n == DOC) {
            drop(f);
            w.start_file(
                DOC,
                SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored),
            )
            .expect("start document.xml");
            w.write_all(xml.as_bytes()).expect("write document.xml");
        } else {
            w.raw_copy_file(f).expect("copy zip entry");
        }
    }
    w.finish().expect("finish zip").into_inner()
}

fn read_doc_xml(bytes: &[u8]) -> Option<String> {
    let mut za = zip::ZipArchive::new(Cursor::new(bytes)).ok()?;
    let mut f = za.by_name(DOC).ok()?;
    let mut s = String::new();
    f.read_to_string(&mut s).ok()?;
    Some(s)
}

// ---------------------------------------------------------------------------------------------
// The truth of a draft from its four lines.

/// Lines of a draft: authorize, not_authorize, no_comments, with_comments.
type Lines = [bool; 4];

fn line_index(line: &str) -> Option<usize> {
    ["authorize", "not_authorize", "no_comments", "with_comments"]
        .iter()
        .position(|l| *l == line)
}

fn is_decision_line(l: usize) -> bool {
    l < 2
}

/// The other line of the same pair (authorize ↔ not_authorize, no_comments ↔ with_comments).
fn other_line(l: usize) -> usize {
    l ^ 1
}

type Truth = (Decision, Option<Comments>);

/// The reading the form's rules give (CONTRACT.md; FORM.md for an option marked without its
/// box, which reads as authorizes with a warning).
fn truth(l: Lines) -> Truth {
    let [a, n, nc, wc] = l;
    let comments = match (nc, wc) {
        (true, false) => Comments::NoComments,
        (false, true) => Comments::WithComments,
        _ => Comments::Unspecified,
    };
    if a && n {
        (Decision::Conflict, None)
    } else if a {
        (Decision::Authorize, Some(comments))
    } else if n {
        (Decision::NotAuthorize, None)
    } else if nc || wc {
        (Decision::Authorize, Some(comments))
    } else {
        (Decision::NoReply, None)
    }
}

fn or(a: Lines, b: Lines) -> Lines {
    [a[0] || b[0], a[1] || b[1], a[2] || b[2], a[3] || b[3]]
}

/// Lines marked by something the test does not mutate (a typed "X"), inferred as the fewest
/// lines that, added to the marks, give the original reading. An authorize reading is taken to
/// have its 'authorizes' line marked, unless only an option can explain it.
fn other_evidence(marks: Lines, want: Truth) -> Option<Lines> {
    let mut sets: Vec<Lines> = (0u8..16)
        .map(|b| [b & 1 != 0, b & 2 != 0, b & 4 != 0, b & 8 != 0])
        .collect();
    sets.sort_by_key(|s| s.iter().filter(|&&v| v).count());
    let gives = |o: &Lines| truth(or(marks, *o)) == want;
    let authorize_line = |o: &Lines| want.0 != Decision::Authorize || or(marks, *o)[0];
    sets.iter()
        .find(|o| gives(o) && authorize_line(o))
        .or_else(|| sets.iter().find(|o| gives(o)))
        .copied()
}

fn show(t: Truth) -> String {
    match t.1 {
        Some(c) => format!("{}/{}", t.0.as_str(), c.as_str()),
        None => t.0.as_str().to_string(),
    }
}

// ---------------------------------------------------------------------------------------------
// Mutants.

struct Sample {
    source: String,
    bytes: Vec<u8>,
    /// Its `word/document.xml`.
    xml: String,
    reply: Reply,
}

struct Mutant {
    sample: usize,
    draft: String,
    kind: String,
    edits: Vec<Edit>,
    expect: Truth,
    /// For a swap: the mechanism removed and the one added, checked on the mutant's XML so
    /// that a swap that changed nothing cannot pass as "read right".
    swap: Option<(Kind, Kind)>,
}

#[derive(Debug)]
enum Outcome {
    Right,
    /// Read otherwise than expected, with a new warning about the draft.
    Warned(String),
    Silent(String),
}

fn answer_of(r: &Reply, draft: &str) -> Option<Truth> {
    r.answers
        .iter()
        .find(|a| a.draft == draft)
        .map(|a| (a.decision, a.comments))
}

/// The warnings about `draft` that `now` gives and `orig` did not.
fn new_warnings<'a>(orig: &Reply, now: &'a Reply, draft: &str) -> Vec<&'a Warning> {
    now.warnings
        .iter()
        .filter(|w| w.concerns(draft) && !orig.warnings.contains(w))
        .collect()
}

fn new_warning(orig: &Reply, now: &Reply, draft: &str) -> bool {
    !new_warnings(orig, now, draft).is_empty()
}

fn judge(s: &Sample, m: &Mutant) -> Outcome {
    let mutated = apply(&s.xml, m.edits.clone());
    if let Some((from, to)) = m.swap {
        let count = |xml: &str| {
            let sites = find_sites(&index_xml(xml), xml);
            move |k: Kind| sites.iter().filter(|st| st.kind == k).count()
        };
        let (before, after) = (count(&s.xml), count(&mutated));
        assert!(
            after(from) + 1 == before(from) && after(to) == before(to) + 1,
            "{} {} [{}]: the swap did not replace one mark (test bug)",
            s.source,
            m.draft,
            m.kind
        );
    }
    let bytes = rezip(&s.bytes, &mutated);
    let now = match read_word(&s.source, &bytes, None) {
        Read::Reply(r) => r,
        Read::Blank(_) => return Outcome::Silent("read as a blank form".into()),
        Read::NotAForm { message, .. } => return Outcome::Silent(format!("not a form: {message}")),
        Read::Failed(f) => return Outcome::Silent(format!("failed: {}", f.message)),
        Read::Skipped(s) => return Outcome::Silent(format!("skipped: {}", s.message)),
    };
    // Other drafts must keep their reading (or be warned about).
    let mut collateral = Vec::new();
    for a in &s.reply.answers {
        if a.draft == m.draft {
            continue;
        }
        let got = answer_of(&now, &a.draft);
        if got != Some((a.decision, a.comments)) && !new_warning(&s.reply, &now, &a.draft) {
            collateral.push(format!(
                "other draft {} changed silently to {}",
                a.draft,
                got.map_or("nothing".into(), show)
            ));
        }
    }
    let got = answer_of(&now, &m.draft);
    let warned = new_warning(&s.reply, &now, &m.draft);
    if !collateral.is_empty() {
        return Outcome::Silent(collateral.join("; "));
    }
    if got == Some(m.expect) {
        Outcome::Right
    } else if warned {
        Outcome::Warned(format!(
            "read {}; warned: {:?}",
            got.map_or("nothing".into(), show),
            new_warnings(&s.reply, &now, &m.draft)
        ))
    } else {
        Outcome::Silent(format!(
            "read {} without a new warning (warnings: {:?})",
            got.map_or("nothing".into(), show),
            now.warnings
        ))
    }
}

/// Plans the mutants of one sample; prints why drafts are left out.
fn plan(si: usize, s: &Sample, marks: &[MarkOut], id: &mut usize) -> Vec<Mutant> {
    let xml = &s.xml;
    let x = index_xml(xml);
    let sites = find_sites(&x, xml);

    // Match explain's marks to XML sites, mechanism by mechanism, and check the match.
    let mut site_of: Vec<Option<usize>> = vec![None; marks.len()];
    for kind in KINDS {
        let ms: Vec<usize> = (0..marks.len())
            // Marks typed as text ("X", "[x]") are not glyph characters of the XML.
            .filter(|&i| {
                marks[i].part == DOC
                    && Kind::of(marks[i].mechanism) == Some(kind)
                    && !marks[i].detail.starts_with("typed")
            })
            .collect();
        let ss: Vec<usize> = (0..sites.len())
            .filter(|&i| sites[i].kind == kind)
            .collect();
        assert_eq!(
            ms.len(),
            ss.len(),
            "{}: explain lists {} {} marks in {DOC}, the XML holds {}",
            s.source,
            ms.len(),
            kind.word(),
            ss.len()
        );
        for (&m, &st) in ms.iter().zip(&ss) {
            let (mark, site) = (&marks[m], &sites[st]);
            assert_eq!(
                mark.checked,
                Some(site.state),
                "{}: {} mark #{m} ({}) state differs from the XML site",
                s.source,
                kind.word(),
                mark.location
            );
            if let Some(d) = &site.detail {
                assert_eq!(
                    &mark.detail,
                    d,
                    "{}: {} mark #{m} ({}) is not the XML site",
                    s.source,
                    kind.word(),
                    mark.location
                );
            }
            site_of[m] = Some(st);
        }
    }

    // Drafts: their counted marks by line, and what else marks their lines.
    struct DraftPlan {
        name: String,
        marks: Vec<(usize, usize)>, // (mark index, line)
        other: Lines,
        key: String,
    }
    let mut drafts = Vec::new();
    for a in &s.reply.answers {
        let dm: Vec<(usize, usize)> = marks
            .iter()
            .enumerate()
            .filter(|(_, m)| m.counted && m.draft.as_deref() == Some(a.draft.as_str()))
            .filter_map(|(i, m)| m.line.and_then(line_index).map(|l| (i, l)))
            .collect();
        if let Some(&(i, _)) = dm
            .iter()
            .find(|(i, _)| site_of[*i].is_none() || marks[*i].checked.is_none())
        {
            eprintln!(
                "  {}: {}: left out: mark {} ({:?}) cannot be mutated",
                s.source, a.draft, marks[i].location, marks[i].mechanism
            );
            continue;
        }
        if matches!(
            a.evidence,
            Evidence::Highlight | Evidence::Deletion | Evidence::Text
        ) {
            eprintln!(
                "  {}: {}: left out: read from {:?}, which a marked box overrides",
                s.source, a.draft, a.evidence
            );
            continue;
        }
        let mut lines = [false; 4];
        for &(i, l) in &dm {
            lines[l] |= marks[i].checked == Some(true);
        }
        let want = (a.decision, a.comments);
        let Some(other) = other_evidence(lines, want) else {
            eprintln!(
                "  {}: {}: left out: read {} but no marking of its lines gives that",
                s.source,
                a.draft,
                show(want)
            );
            continue;
        };
        drafts.push(DraftPlan {
            name: a.draft.clone(),
            marks: dm,
            other,
            key: format!("{}{other:?}", show(want)),
        });
    }
    // A deterministic subset: every distinct reading first, then in order.
    let mut chosen: Vec<usize> = Vec::new();
    let mut seen = Vec::new();
    for (i, d) in drafts.iter().enumerate() {
        if !seen.contains(&d.key) {
            seen.push(d.key.clone());
            chosen.push(i);
        }
    }
    for i in 0..drafts.len() {
        if !chosen.contains(&i) {
            chosen.push(i);
        }
    }
    chosen.truncate(if full() { usize::MAX } else { DRAFTS_PER_FILE });
    chosen.sort();

    let mut out = Vec::new();
    for &di in &chosen {
        let d = &drafts[di];
        let states: Vec<bool> = d
            .marks
            .iter()
            .map(|&(i, _)| marks[i].checked == Some(true))
            .collect();
        let expect_with = |changes: &[(usize, bool)]| -> Truth {
            let mut l = d.other;
            for (k, &(_, line)) in d.marks.iter().enumerate() {
                let st = changes.iter().find(|c| c.0 == k).map_or(states[k], |c| c.1);
                l[line] |= st;
            }
            truth(l)
        };
        let site = |k: usize| &sites[site_of[d.marks[k].0].expect("matched")];
        let what = |line: usize| {
            if is_decision_line(line) {
                "decision"
            } else {
                "option"
            }
        };
        let mut push = |kind: String, edits: Vec<Edit>, expect: Truth, swap| {
            out.push(Mutant {
                sample: si,
                draft: d.name.clone(),
                kind,
                edits,
                expect,
                swap,
            })
        };
        for (k, &(_, line)) in d.marks.iter().enumerate() {
            let st = site(k);
            if states[k] {
                // Clear it.
                push(
                    format!("clear {}", what(line)),
                    set_state(&x, xml, st, false),
                    expect_with(&[(k, false)]),
                    None,
                );
                // Move it to the other line of its pair, when that line has an empty box.
                let other_checked = d
                    .marks
                    .iter()
                    .enumerate()
                    .any(|(j, &(_, l))| l == other_line(line) && states[j]);
                if let Some(j) = d
                    .marks
                    .iter()
                    .position(|&(_, l)| l == other_line(line))
                    .filter(|_| !other_checked)
                {
                    let mut edits = set_state(&x, xml, st, false);
                    edits.extend(set_state(&x, xml, site(j), true));
                    push(
                        format!("move {}", what(line)),
                        edits,
                        expect_with(&[(k, false), (j, true)]),
                        None,
                    );
                }
                // Store it another way.
                let others: Vec<Kind> = KINDS.into_iter().filter(|&t| t != st.kind).collect();
                let targets = if full() {
                    others
                } else {
                    vec![others[*id % others.len()]]
                };
                for to in targets {
                    *id += 1;
                    if let Some(edits) = replace_with(&x, xml, st, to, *id) {
                        push(
                            format!("swap {}→{} (checked)", st.kind.word(), to.word()),
                            edits,
                            expect_with(&[]),
                            Some((st.kind, to)),
                        );
                    } else {
                        eprintln!(
                            "  {}: {}: no swap {}→{}: structure does not allow it",
                            s.source,
                            d.name,
                            st.kind.word(),
                            to.word()
                        );
                    }
                }
            } else {
                // Add a mark: a second decision (conflict), a second option, or a first one.
                push(
                    format!("add {}", what(line)),
                    set_state(&x, xml, st, true),
                    expect_with(&[(k, true)]),
                    None,
                );
                // An empty box stored another way must stay empty.
                let others: Vec<Kind> = KINDS.into_iter().filter(|&t| t != st.kind).collect();
                let to = others[*id % others.len()];
                *id += 1;
                if let Some(edits) = replace_with(&x, xml, st, to, *id) {
                    push(
                        format!("swap {}→{} (empty)", st.kind.word(), to.word()),
                        edits,
                        expect_with(&[]),
                        Some((st.kind, to)),
                    );
                } else {
                    eprintln!(
                        "  {}: {}: no swap {}→{}: structure does not allow it",
                        s.source,
                        d.name,
                        st.kind.word(),
                        to.word()
                    );
                }
            }
        }
    }
    out
}

/// The samples' replies, and the practice set's when `../shared` is there.
fn sample_files() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    let list = |dir: &Path| -> Vec<PathBuf> {
        let mut v: Vec<PathBuf> = std::fs::read_dir(dir)
            .map(|rd| {
                rd.flatten()
                    .map(|e| e.path())
                    .filter(|p| p.is_file() && p.extension().is_some_and(|e| e == "docx"))
                    .collect()
            })
            .unwrap_or_default();
        v.sort();
        v
    };
    files.extend(list(&root.join("samples")));
    if let Some(circ42) = common::shared("replies/circ42") {
        files.extend(list(&circ42));
    }
    files
}

#[test]
fn every_mutant_is_read_right_or_warned() {
    let started = std::time::Instant::now();
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let files = sample_files();
    let mut samples = Vec::new();
    let mut mutants = Vec::new();
    let mut id = 0;
    for path in &files {
        let source = path
            .strip_prefix(root)
            .unwrap_or(path)
            .display()
            .to_string();
        let bytes = std::fs::read(path).expect("sample readable");
        let reply = match read_word(&source, &bytes, None) {
            Read::Reply(r) => *r,
            Read::Failed(f) => {
                eprintln!("skipping {source}: not readable ({})", f.message);
                continue;
            }
            _ => {
                eprintln!("skipping {source}: not a filled reply form");
                continue;
            }
        };
        let Some(xml) = read_doc_xml(&bytes) else {
            eprintln!("skipping {source}: no {DOC}");
            continue;
        };
        let marks = explain_bytes(&source, &bytes).expect("explain").marks;
        samples.push(Sample {
            source,
            bytes,
            xml,
            reply,
        });
        let si = samples.len() - 1;
        mutants.extend(plan(si, &samples[si], &marks, &mut id));
    }
    assert!(
        samples.len() >= 10,
        "only {} sample replies read",
        samples.len()
    );

    let outcomes: Vec<Outcome> = mutants
        .par_iter()
        .map(|m| judge(&samples[m.sample], m))
        .collect();

    // Per kind: total, right, warned.
    let mut by_kind: BTreeMap<&str, [usize; 3]> = BTreeMap::new();
    let mut by_file: BTreeMap<&str, [usize; 3]> = BTreeMap::new();
    let mut silent = Vec::new();
    let mut warned_list = Vec::new();
    for (m, o) in mutants.iter().zip(&outcomes) {
        let k = by_kind.entry(m.kind.as_str()).or_default();
        let f = by_file
            .entry(samples[m.sample].source.as_str())
            .or_default();
        k[0] += 1;
        f[0] += 1;
        match o {
            Outcome::Right => {
                k[1] += 1;
                f[1] += 1;
            }
            Outcome::Warned(why) => {
                k[2] += 1;
                f[2] += 1;
                warned_list.push(format!(
                    "{} {} [{}]: expected {}: {why}",
                    samples[m.sample].source,
                    m.draft,
                    m.kind,
                    show(m.expect)
                ));
            }
            Outcome::Silent(why) => silent.push(format!(
                "{} {} [{}]: expected {}: {why}",
                samples[m.sample].source,
                m.draft,
                m.kind,
                show(m.expect)
            )),
        }
    }
    let total = mutants.len();
    let right: usize = by_kind.values().map(|v| v[1]).sum();
    let warned: usize = by_kind.values().map(|v| v[2]).sum();
    eprintln!("\nmutants per file (total / read right / warned):");
    for (f, v) in &by_file {
        eprintln!("  {f}: {} / {} / {}", v[0], v[1], v[2]);
    }
    eprintln!("\nmutants per kind (total / read right / warned):");
    for (k, v) in &by_kind {
        eprintln!("  {k:<40} {:>4} / {:>4} / {:>4}", v[0], v[1], v[2]);
    }
    let pct = |n: usize| 100.0 * n as f64 / total.max(1) as f64;
    eprintln!(
        "\n{} files, {total} mutants: {right} read right ({:.1} %), {warned} warned ({:.1} %), \
         {} silent errors; read right or warned {:.1} % ({:.1} s)",
        samples.len(),
        pct(right),
        pct(warned),
        silent.len(),
        pct(right + warned),
        started.elapsed().as_secs_f64()
    );
    for w in &warned_list {
        eprintln!("  WARNED {w}");
    }
    for s in silent.iter().take(60) {
        eprintln!("  SILENT {s}");
    }
    assert!(total >= 200, "only {total} mutants were made");
    assert!(
        silent.is_empty(),
        "{} of {total} mutants were read wrong without a warning:\n{}",
        silent.len(),
        silent.join("\n")
    );
    assert!(
        right * 10 >= total * 9,
        "only {right} of {total} mutants read right ({:.1} %)",
        pct(right)
    );
}
