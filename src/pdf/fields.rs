//! AcroForm fields: the widgets of one page (its `/Annots`), with the state of each check box
//! or radio button (`/AS`, else the field's `/V`) and the value of each text field.

use pdf_extract::{Dictionary, Document, Object, ObjectId};

use super::page::{Rect, Widget};
use crate::docx::model::{Checkbox, Mechanism};

/// Most annotations looked at on one page, and most `/Parent` steps followed per widget.
const MAX_ANNOTS: usize = 2_000;
const MAX_PARENTS: usize = 32;

/// The widgets of the page `page`, in page coordinates (y from the top).
pub fn widgets(doc: &Document, page: ObjectId) -> Vec<Widget> {
    let Ok(dict) = doc.get_dictionary(page) else {
        return Vec::new();
    };
    let height = page_height(doc, dict);
    let annots = match dict.get(b"Annots").map(|o| deref(doc, o)) {
        Ok(Some(Object::Array(a))) => a.clone(),
        _ => return Vec::new(),
    };
    annots
        .iter()
        .take(MAX_ANNOTS)
        .filter_map(|a| match deref(doc, a) {
            Some(Object::Dictionary(d)) => widget(doc, d, height),
            _ => None,
        })
        .collect()
}

fn deref<'a>(doc: &'a Document, o: &'a Object) -> Option<&'a Object> {
    match o {
        Object::Reference(id) => doc.get_object(*id).ok(),
        o => Some(o),
    }
}

pub(super) fn page_height(doc: &Document, page: &Dictionary) -> f64 {
    match page.get(b"MediaBox").ok().and_then(|o| deref(doc, o)) {
        Some(Object::Array(a)) if a.len() == 4 => {
            let n: Vec<f64> = a.iter().filter_map(num).collect();
            n.get(3).copied().unwrap_or(842.0)
        }
        _ => 842.0,
    }
}

pub(super) fn num(o: &Object) -> Option<f64> {
    match o {
        Object::Integer(i) => Some(*i as f64),
        Object::Real(r) => Some(f64::from(*r)),
        _ => None,
    }
}

/// A key of the widget or, since fields inherit, of its nearest ancestor that has it.
fn inherited<'a>(doc: &'a Document, d: &'a Dictionary, key: &[u8]) -> Option<&'a Object> {
    let mut cur = d;
    for _ in 0..MAX_PARENTS {
        if let Ok(v) = cur.get(key) {
            return deref(doc, v);
        }
        match cur.get(b"Parent").ok().and_then(|p| deref(doc, p)) {
            Some(Object::Dictionary(p)) => cur = p,
            _ => return None,
        }
    }
    None
}

fn name_of(o: Option<&Object>) -> Option<Vec<u8>> {
    match o {
        Some(Object::Name(n)) => Some(n.clone()),
        _ => None,
    }
}

fn widget(doc: &Document, d: &Dictionary, height: f64) -> Option<Widget> {
    if name_of(d.get(b"Subtype").ok()).as_deref() != Some(b"Widget") {
        return None;
    }
    let rect = match d.get(b"Rect").ok().and_then(|o| deref(doc, o)) {
        Some(Object::Array(a)) if a.len() == 4 => {
            let n: Vec<f64> = a.iter().filter_map(num).collect();
            if n.len() != 4 {
                return None;
            }
            Rect {
                l: n[0].min(n[2]),
                r: n[0].max(n[2]),
                t: height - n[1].max(n[3]),
                b: height - n[1].min(n[3]),
            }
        }
        _ => return None,
    };
    match name_of(inherited(doc, d, b"FT")).as_deref() {
        Some(b"Btn") => button(doc, d, rect),
        Some(b"Tx") => match inherited(doc, d, b"V") {
            Some(Object::String(s, _)) => {
                Some(Widget::Text(rect, crate::pdf::layout::pdf_string(s)))
            }
            _ => None,
        },
        _ => None,
    }
}

fn button(doc: &Document, d: &Dictionary, rect: Rect) -> Option<Widget> {
    let flags = match inherited(doc, d, b"Ff") {
        Some(Object::Integer(f)) => *f,
        _ => 0,
    };
    // A push button has no state.
    if flags & (1 << 16) != 0 {
        return None;
    }
    let radio = flags & (1 << 15) != 0;
    let state = name_of(d.get(b"AS").ok()).or_else(|| name_of(inherited(doc, d, b"V")));
    let checked = state.as_deref().map(|s| s != b"Off");
    let what = if radio { "radio button" } else { "check box" };
    let shown = state
        .map(|s| String::from_utf8_lossy(&s).into_owned())
        .unwrap_or_else(|| "no state".into());
    Some(Widget::Box(
        rect,
        Checkbox {
            mechanism: Mechanism::PdfField,
            checked: checked.or(Some(false)),
            detail: format!("PDF {what} /AS {shown}"),
        },
    ))
}
