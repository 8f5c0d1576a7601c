//! The one identity of a draft, shared by every stage from the reader to the tally and the
//! reports: its name as printed, and the one comparison of two names.

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
    let same = |x: &str, y: &str| draft_key(x).eq(draft_key(y));
    let a_prov = a_prov.filter(|p| draft_key(p).next().is_some());
    let b_prov = b_prov.filter(|p| draft_key(p).next().is_some());
    same(a, b)
        || matches!((a_prov, b_prov), (Some(x), Some(y)) if same(x, y))
        || b_prov.is_some_and(|p| same(p, a))
        || a_prov.is_some_and(|p| same(p, b))
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
