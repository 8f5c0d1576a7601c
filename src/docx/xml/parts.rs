//! The two small XML formats of a package besides WordprocessingML: `.rels` parts (the
//! relationships of a part) and `activeX*.xml` (an ActiveX control's class and state part).

use std::borrow::Cow;

use super::names::{Ns, Tags};
use super::{attr, decode};
use crate::docx::limits;
use crate::docx::package::{DocxError, Relationship};

/// Parse a `.rels` part. Targets are returned as written (see `Package::relationships`).
pub fn parse_relationships(xml: &[u8]) -> Result<Vec<Relationship>, DocxError> {
    let text = decode(xml)?;
    // Namespaces are not looked at, but their declarations are checked as everywhere else.
    let mut tags = Tags::new(&text);
    let error = |e: quick_xml::Error| DocxError::Xml(format!("relationships: {e}"));
    let mut out = Vec::new();
    while let Some(e) = tags.next_tag().map_err(error)? {
        if tags.depth > limits::MAX_XML_DEPTH {
            return Err(DocxError::Corrupt("relationships nested too deep".into()));
        }
        if e.local_name().as_ref() != "Relationship" {
            continue;
        }
        // The first attribute of each name, in one pass: `Id`, `Type`, `Target`, `TargetMode`
        // (its value, `None` if it cannot be read).
        let mut found: [Option<Option<Cow<'_, str>>>; 4] = Default::default();
        for a in e.attributes().with_checks(false).flatten() {
            let i = match a.key.local_name().as_ref() {
                "Id" => 0,
                "Type" => 1,
                "Target" => 2,
                "TargetMode" => 3,
                _ => continue,
            };
            if let Some(slot @ None) = found.get_mut(i) {
                *slot = Some(a.normalized_value(quick_xml::XmlVersion::Implicit1_0).ok());
            }
        }
        let [id, rel_type, target, mode] = found.map(|v| v.flatten());
        out.push(Relationship {
            id: id.map(Cow::into_owned).unwrap_or_default(),
            rel_type: rel_type.map(Cow::into_owned).unwrap_or_default(),
            target: target.map(Cow::into_owned).unwrap_or_default(),
            external: mode.is_some_and(|m| m == "External"),
        });
    }
    Ok(out)
}

/// `ax:classid` and the `r:id` of the binary part, from an `activeX*.xml` part.
pub fn parse_activex(xml: &[u8]) -> Result<(Option<String>, Option<String>), DocxError> {
    let text = decode(xml)?;
    let mut tags = Tags::new(&text);
    let error = |e: quick_xml::Error| DocxError::Xml(format!("activeX part: {e}"));
    while let Some(e) = tags.next_tag().map_err(error)? {
        let (ns, local) = tags.names.element(e.name());
        if matches!(ns, Ns::Ax | Ns::Other) && local == "ocx" {
            let class = attr(&tags.names, &e, "classid", &[Ns::Ax]).map(Cow::into_owned);
            let id = attr(&tags.names, &e, "id", &[Ns::R]).map(Cow::into_owned);
            return Ok((class, id));
        }
    }
    Ok((None, None))
}
