//! `word/numbering.xml`: what each list level prints before its paragraphs. A form may print
//! its boxes as list bullets (☐, ○), and a person then marks a line by giving it another
//! bullet (☒, ●): the bullet is the line's mark, and only this part says what it is.

use std::borrow::Cow;
use std::collections::HashMap;

use super::names::{Ns, Tags};
use super::{attr, decode};
use crate::docx::limits;
use crate::docx::package::DocxError;

/// What a list level prints: `w:numFmt` (`bullet`, `decimal`, …), `w:lvlText` and the font of
/// its run (`w:rPr/w:rFonts w:ascii`), which says what a symbol-font bullet draws.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Level {
    pub format: String,
    pub text: String,
    pub font: Option<String>,
}

/// The levels of each abstract list, and each list (`w:num`) with its overrides.
#[derive(Debug, Default)]
pub struct Numbering {
    abstracts: HashMap<String, HashMap<u8, Level>>,
    nums: HashMap<String, (String, HashMap<u8, Level>)>,
}

impl Numbering {
    /// The level a paragraph in list `num` at level `ilvl` prints.
    pub fn level(&self, num: &str, ilvl: u8) -> Option<&Level> {
        let (abs, overrides) = self.nums.get(num)?;
        overrides
            .get(&ilvl)
            .or_else(|| self.abstracts.get(abs)?.get(&ilvl))
    }

    /// Every level of every list, for a look over the document's bullets.
    pub fn levels(&self) -> impl Iterator<Item = &Level> {
        let abs = self.abstracts.values().flat_map(HashMap::values);
        abs.chain(self.nums.values().flat_map(|(_, o)| o.values()))
    }
}

/// Where the tags being read belong.
enum Scope {
    None,
    Abstract(String),
    Num(String),
}

pub fn parse_numbering(xml: &[u8]) -> Result<Numbering, DocxError> {
    let text = decode(xml)?;
    let mut tags = Tags::new(&text);
    let error = |e: quick_xml::Error| DocxError::Xml(format!("numbering part: {e}"));
    let mut out = Numbering::default();
    let mut scope = Scope::None;
    let mut ilvl: Option<u8> = None;
    while let Some(e) = tags.next_tag().map_err(error)? {
        if tags.depth > limits::MAX_XML_DEPTH {
            return Err(DocxError::Corrupt("numbering part nested too deep".into()));
        }
        let (ns, local) = tags.names.element(e.name());
        if ns != Ns::W {
            continue;
        }
        let w = |name: &str| attr(&tags.names, &e, name, &[Ns::W]).map(Cow::into_owned);
        match local {
            "abstractNum" => {
                scope = Scope::Abstract(w("abstractNumId").unwrap_or_default());
                ilvl = None;
            }
            "num" => {
                let id = w("numId").unwrap_or_default();
                out.nums.entry(id.clone()).or_default();
                scope = Scope::Num(id);
                ilvl = None;
            }
            "abstractNumId" => {
                if let Scope::Num(id) = &scope {
                    let abs = w("val").unwrap_or_default();
                    out.nums.entry(id.clone()).or_default().0 = abs;
                }
            }
            "lvl" | "lvlOverride" => {
                ilvl = w("ilvl").and_then(|v| v.trim().parse().ok()).or(ilvl);
            }
            "numFmt" | "lvlText" | "rFonts" => {
                let Some(level) = level_mut(&mut out, &scope, ilvl) else {
                    continue;
                };
                match local {
                    "numFmt" => level.format = w("val").unwrap_or_default(),
                    "lvlText" => level.text = w("val").unwrap_or_default(),
                    _ => level.font = w("ascii").or_else(|| w("hAnsi")),
                }
            }
            _ => {}
        }
    }
    Ok(out)
}

fn level_mut<'n>(n: &'n mut Numbering, scope: &Scope, ilvl: Option<u8>) -> Option<&'n mut Level> {
    let ilvl = ilvl?;
    let levels = match scope {
        Scope::Abstract(id) => n.abstracts.entry(id.clone()).or_default(),
        Scope::Num(id) => &mut n.nums.entry(id.clone()).or_default().1,
        Scope::None => return None,
    };
    Some(levels.entry(ilvl).or_default())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn levels_and_overrides() {
        let xml = r#"<w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:abstractNum w:abstractNumId="3"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val="☐"/></w:lvl><w:lvl w:ilvl="1"><w:numFmt w:val="bullet"/><w:lvlText w:val="&#xF0A8;"/><w:rPr><w:rFonts w:ascii="Wingdings" w:hAnsi="Wingdings"/></w:rPr></w:lvl></w:abstractNum><w:num w:numId="7"><w:abstractNumId w:val="3"/></w:num><w:num w:numId="8"><w:abstractNumId w:val="3"/><w:lvlOverride w:ilvl="0"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val="☒"/></w:lvl></w:lvlOverride></w:num></w:numbering>"#;
        let n = parse_numbering(xml.as_bytes()).unwrap();
        assert_eq!(n.level("7", 0).unwrap().text, "☐");
        assert_eq!(n.level("8", 0).unwrap().text, "☒");
        let l = n.level("8", 1).unwrap();
        assert_eq!(
            (l.text.as_str(), l.font.as_deref()),
            ("\u{F0A8}", Some("Wingdings"))
        );
        assert!(n.level("9", 0).is_none());
    }
}
