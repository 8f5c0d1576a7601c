//! The one identity of a draft, shared by every stage from the reader to the tally and the
//! reports: its name as printed, and the one comparison of two names.

use crate::fold::is_blank_byte;
use serde::{Deserialize, Serialize};

/// A draft as named on the form (or a reply): the one identity of a draft, from the reader to
/// the tally and the reports (`tally::DraftRef` is this type).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct DraftName {
    /// The number as printed (`X.1353`, `Y.3172`, `G.9960.1`), or the provisional name when
    /// the draft has no number yet.
    pub draft: String,
    /// The name in parentheses (`X.ztd-iot`), if any.
    pub provisional: Option<String>,
}

impl DraftName {
    /// True when `other` names the same draft ([`same_draft`]).
    pub fn same_as(&self, other: &DraftName) -> bool {
        self.names(&other.draft, other.provisional.as_deref())
    }

    /// True when `draft` (with its `provisional` name) is this draft ([`same_draft`]).
    pub fn names(&self, draft: &str, provisional: Option<&str>) -> bool {
        same_draft(&self.draft, self.provisional.as_deref(), draft, provisional)
    }
}

/// The one comparison of drafts: the same number, or the same provisional name on both sides,
/// or a draft known only by its provisional name on one side (a form may name a draft by its
/// provisional name before it has a number). Names are compared by [`draft_key`]; an empty
/// provisional name matches nothing.
pub fn same_draft(a: &str, a_prov: Option<&str>, b: &str, b_prov: Option<&str>) -> bool {
    let same = same_key;
    let a_prov = a_prov.filter(|p| !key_is_empty(p));
    let b_prov = b_prov.filter(|p| !key_is_empty(p));
    same(a, b)
        || matches!((a_prov, b_prov), (Some(x), Some(y)) if same(x, y))
        || b_prov.is_some_and(|p| same(p, a))
        || a_prov.is_some_and(|p| same(p, b))
}

/// `draft_key(x).eq(draft_key(y))`. ASCII names (nearly all) are compared byte by byte: for
/// ASCII, `char::is_whitespace` is [`is_blank_byte`] and lower case is ASCII lower case. A
/// name with any other character takes the general comparison (a non-ASCII character may
/// lower-case to an ASCII one, the Kelvin sign to `k`).
fn same_key(x: &str, y: &str) -> bool {
    // Equal but for ASCII case: every character's key is the same.
    if x.eq_ignore_ascii_case(y) {
        return true;
    }
    if x.is_ascii() && y.is_ascii() {
        // Without blanks an ASCII key is the name in lower case: unequal, as just seen.
        if !x.bytes().any(is_blank_byte) && !y.bytes().any(is_blank_byte) {
            return false;
        }
        let mut a = x.bytes().filter(|&b| !is_blank_byte(b));
        let mut b = y.bytes().filter(|&b| !is_blank_byte(b));
        loop {
            match (a.next(), b.next()) {
                (None, None) => return true,
                (Some(p), Some(q)) if p.eq_ignore_ascii_case(&q) => {}
                _ => return false,
            }
        }
    }
    draft_key(x).eq(draft_key(y))
}

/// `draft_key(p).next().is_none()`, without the iterator for ASCII.
fn key_is_empty(p: &str) -> bool {
    if p.is_ascii() {
        return p.bytes().all(is_blank_byte);
    }
    draft_key(p).next().is_none()
}

/// The characters of a draft's name that identify it: white space dropped ("X. 1353" is
/// "X.1353"), lower case. Not [`crate::fold::fold`]: a name is an identifier, and folding its
/// accents or keeping its spaces would join or split drafts. Compared as they come, without
/// building strings: the tally and the reports match every answer against every draft.
pub fn draft_key(s: &str) -> impl Iterator<Item = char> + '_ {
    s.chars()
        .filter(|c| !c.is_whitespace())
        .flat_map(char::to_lowercase)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_ascii_comparison_is_the_general_one() {
        let names = [
            "X.1353",
            "x. 1353",
            "X.1353 ",
            "X.135",
            "X .1353\t",
            "",
            " ",
            "\u{0B}",
            "Y.3172",
            "X.ztd-iot",
            "X.ZTD-IOT",
            "X.1353\u{A0}",
            "\u{212A}.1",
            "k.1",
            "É.1",
            "é.1",
        ];
        for x in names {
            for y in names {
                assert_eq!(same_key(x, y), draft_key(x).eq(draft_key(y)), "{x:?} {y:?}");
            }
            assert_eq!(key_is_empty(x), draft_key(x).next().is_none(), "{x:?}");
        }
    }
}
