//! The printed lines of the answer table: which label a line opens with (*authorizes*, *does not
//! authorize*, the two options) in which language, where the label ends and the person's text
//! begins, and a word of assent typed as a mark.

use crate::form::drafts::find_drafts;
use crate::form::lang::{compiled, Compiled};
use crate::form::text::{fold, is_blank_byte};
use crate::record::Evidence;

/// Which line of the form a label is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineKind {
    Authorize,
    NotAuthorize,
    NoComments,
    WithComments,
}

impl LineKind {
    pub fn as_str(self) -> &'static str {
        match self {
            LineKind::Authorize => "authorize",
            LineKind::NotAuthorize => "not_authorize",
            LineKind::NoComments => "no_comments",
            LineKind::WithComments => "with_comments",
        }
    }
}

/// A recognised label on a line.
#[derive(Debug, Clone, Copy)]
pub struct Label {
    pub kind: LineKind,
    pub lang: &'static str,
    /// Byte offset in the line's text (after any typed mark) where the label ends and what the
    /// person wrote begins.
    pub end: usize,
    /// Words stand before the label ("The Administration of Spain authorizes …"): a sentence
    /// written by the person, not the printed line.
    pub sentence: bool,
}

/// A typed mark: whether it says chosen, and how it was typed ("X" is a glyph, "Yes" words).
pub type Typed = (bool, Evidence);

/// Recognises a form label at the start of `text` (a few words of slack allowed before it).
pub fn classify(text: &str) -> Option<Label> {
    // Most lines of a letter hold none of the words every label contains: an ASCII line is
    // told so before it is folded (a key has no blank or apostrophe, so case aside it reads
    // the same in the line as in its folded text).
    if text.is_ascii() && !ascii_may_hold_label(text) {
        return None;
    }
    let folded = fold(text);
    // The languages whose label words the line holds: only their patterns are tried.
    let languages = LABEL_KEYS
        .as_ref()
        .map_or(u64::MAX, |k| k.languages(&folded));
    if folded.is_empty() || languages == 0 {
        return None;
    }
    let mut best: Option<(usize, LineKind, &Compiled)> = None;
    for (i, c) in compiled().iter().enumerate() {
        if (languages >> i.min(63)) & 1 == 0 {
            continue;
        }
        // The earliest label in the line wins; on a tie the negation first (every "does not
        // authorize" contains "authorize"): the order of `any_label`'s patterns.
        let found = c.any_label.find(folded.as_str()).map(|m| {
            let kind = [
                LineKind::NotAuthorize,
                LineKind::NoComments,
                LineKind::WithComments,
                LineKind::Authorize,
            ][m.pattern().as_usize().min(3)];
            (m.start(), kind)
        });
        if let Some((start, kind)) = found {
            // The label must open the line (allowing a short lead such as "The Administration").
            let lead = &folded[..start];
            // …and the lead must not itself name a draft or announce reasons: "X.1411 –
            // reasons for not authorizing:" is a heading, not a form line.
            let heading = !find_drafts(lead).is_empty()
                || compiled().iter().any(|c| c.heading_words.is_match(lead));
            // A sentence may start "The Administration of the Argentine Republic …".
            if lead.chars().count() <= 100 && !heading && best.is_none_or(|(s, _, _)| start < s) {
                best = Some((start, kind, c));
            }
        }
    }
    let (start, kind, c) = best?;
    // Words before the label make it a sentence the person wrote.
    let sentence = folded[..start]
        .chars()
        .filter(|ch| ch.is_alphabetic())
        .count()
        >= 3;
    Some(Label {
        kind,
        lang: c.code,
        end: end_of_label(text, &folded, start, kind),
        sentence,
    })
}

/// Words one of which every match of every label pattern contains (`None` if some pattern has
/// no such set), lower case like the folded text the patterns read.
struct LabelKeys {
    /// Every word, matched overlapping: which languages a folded line has words of.
    all: aho_corasick::AhoCorasick,
    /// The language (index in [`compiled`]) of each word of `all`.
    language: Vec<usize>,
    /// The ASCII ones: all an ASCII line can hold, and fewer words search faster.
    ascii: aho_corasick::AhoCorasick,
}

impl LabelKeys {
    /// Bit `i` set: the folded line holds a word of the `i`-th language of [`compiled`].
    fn languages(&self, folded: &str) -> u64 {
        self.all
            .find_overlapping_iter(folded)
            .filter_map(|m| self.language.get(m.pattern().as_usize()))
            .fold(0, |set, &l| set | (1 << l.min(63)))
    }
}

static LABEL_KEYS: std::sync::LazyLock<Option<LabelKeys>> = std::sync::LazyLock::new(|| {
    let mut keys: Vec<String> = Vec::new();
    let mut language = Vec::new();
    for (i, c) in compiled().iter().enumerate() {
        for re in [
            &c.not_authorize,
            &c.no_comments,
            &c.with_comments,
            &c.authorize,
        ] {
            let hir = regex_syntax::Parser::new().parse(re.as_str()).ok()?;
            for key in required_words(&hir)? {
                // The longest piece without blanks or apostrophes: folding changes those.
                let piece = key
                    .split(|ch: char| ch.is_whitespace() || ch == '\'')
                    .max_by_key(|p| p.len())
                    .unwrap_or("");
                if piece.is_empty() {
                    return None;
                }
                keys.push(piece.to_string());
                language.push(i);
            }
        }
    }
    // Matched on lower-case text: a case-blind automaton would lose the vectorised search that
    // makes scanning every line of a long letter cheap (and leftmost matching lets it use it).
    let ascii = aho_corasick::AhoCorasick::builder()
        .match_kind(aho_corasick::MatchKind::LeftmostFirst)
        .build(keys.iter().filter(|k| k.is_ascii()))
        .ok()?;
    Some(LabelKeys {
        all: aho_corasick::AhoCorasick::new(&keys).ok()?,
        language,
        ascii,
    })
});

/// Whether an ASCII line holds one of [`LABEL_KEYS`], case aside.
fn ascii_may_hold_label(text: &str) -> bool {
    let Some(keys) = LABEL_KEYS.as_ref() else {
        return true;
    };
    thread_local! {
        static LOWER: std::cell::RefCell<Vec<u8>> = const { std::cell::RefCell::new(Vec::new()) };
    }
    LOWER.with(|buf| {
        let mut lower = buf.borrow_mut();
        lower.clear();
        lower.extend(text.bytes().map(|b| b.to_ascii_lowercase()));
        keys.ascii.is_match(lower.as_slice())
    })
}

/// Strings one of which every match of `hir` contains, if the pattern's shape says so.
fn required_words(hir: &regex_syntax::hir::Hir) -> Option<Vec<String>> {
    use regex_syntax::hir::HirKind;
    match hir.kind() {
        HirKind::Literal(l) => std::str::from_utf8(&l.0).ok().map(|s| vec![s.to_string()]),
        HirKind::Capture(c) => required_words(&c.sub),
        HirKind::Repetition(r) if r.min >= 1 => required_words(&r.sub),
        // Any part's words will do; the part whose shortest word is longest rules out most.
        HirKind::Concat(parts) => parts
            .iter()
            .filter_map(required_words)
            .max_by_key(|w| w.iter().map(String::len).min().unwrap_or(0)),
        HirKind::Alternation(alts) => {
            let mut all = Vec::new();
            for a in alts {
                all.extend(required_words(a)?);
            }
            Some(all)
        }
        _ => None,
    }
}

/// The option label that follows an 'authorizes' label on its line, with only punctuation
/// between ("Authorizes – no comments or proposed changes", a drop-down's entry): the line
/// states both, and its one mark is for both. `end` is where the option's words end in `text`.
pub fn option_after(label: Label, text: &str) -> Option<Label> {
    if label.kind != LineKind::Authorize || label.sentence {
        return None;
    }
    let c = compiled().iter().find(|c| c.code == label.lang)?;
    let folded = fold(text);
    let verb = c.authorize.find(&folded)?;
    let after = &folded[verb.end()..];
    let (kind, m) = [
        (LineKind::NoComments, &c.no_comments),
        (LineKind::WithComments, &c.with_comments),
    ]
    .into_iter()
    .find_map(|(k, re)| re.find(after).map(|m| (k, m)))?;
    if after[..m.start()].chars().any(char::is_alphanumeric) {
        return None;
    }
    Some(Label {
        kind,
        lang: c.code,
        end: label_end(text, kind, c),
        sentence: false,
    })
}

/// The options a sentence of the person's names besides its decision ("… authorizes this
/// draft, no comments"): (no comments, with comments), each by its own pattern.
pub fn options_in_sentence(label: Label, text: &str) -> (bool, bool) {
    let Some(c) = compiled().iter().find(|c| c.code == label.lang) else {
        return (false, false);
    };
    let f = fold(text);
    (c.no_comments.is_match(&f), c.with_comments.is_match(&f))
}

/// Where the printed label ends in the original text: after the parenthesis that follows the
/// verb ("… approval (the reasons … are attached)"), or after the option's own words.
fn label_end(text: &str, kind: LineKind, c: &Compiled) -> usize {
    let re = match kind {
        LineKind::NotAuthorize => &c.not_authorize,
        LineKind::Authorize => &c.authorize,
        LineKind::NoComments => &c.no_comments,
        LineKind::WithComments => &c.with_comments,
    };
    let folded = fold(text);
    match re.find(&folded) {
        Some(m) => end_of_label(text, &folded, m.start(), kind),
        None => text.len(),
    }
}

/// Where the label of `kind` that starts at `start` in `folded` (the fold of `text`) ends in
/// `text`, with a colon or full stop right after it.
fn end_of_label(text: &str, folded: &str, start: usize, kind: LineKind) -> usize {
    let start = original_offset(text, folded, start);
    let rest = &text[start..];
    let end_in_rest = match kind {
        LineKind::NoComments | LineKind::WithComments => option_label_end(rest),
        LineKind::Authorize | LineKind::NotAuthorize => verb_label_end(rest),
    };
    let mut end = start + end_in_rest;
    let tail = &text[end..];
    let trimmed = tail.trim_start_matches([' ', '\t', ':', '：', '.', '。', ';', '；']);
    end += tail.len() - trimmed.len();
    end
}

/// The offset in `text` of byte `at` of its fold. Folding can change lengths, so the
/// characters that are not blank are counted on both sides.
fn original_offset(text: &str, folded: &str, at: usize) -> usize {
    let target = folded[..at].chars().filter(|c| !c.is_whitespace()).count();
    let mut seen = 0usize;
    for (i, ch) in text.char_indices() {
        if seen >= target && !ch.is_whitespace() {
            return i;
        }
        if ch.is_ascii() {
            // An ASCII character folds to itself (lower case) or, if blank, to nothing.
            seen += usize::from(!ch.is_whitespace());
        } else {
            crate::fold::fold_char(ch, &mut |f| seen += usize::from(!f.is_whitespace()));
        }
    }
    text.len()
}

fn verb_label_end(rest: &str) -> usize {
    // The printed label is one sentence whose first parenthesis closes it.
    let open = rest.find(['(', '（']);
    let stop = rest.find(['.', '。', ':', '：', '\t']);
    match (open, stop) {
        (Some(o), s) if s.is_none_or(|s| o < s) => o + closing_paren(&rest[o..]),
        (_, Some(s)) => s,
        _ => rest.len(),
    }
}

/// The end of the parenthesis `text` opens with (its length if it is never closed).
fn closing_paren(text: &str) -> usize {
    let mut depth = 0i32;
    for (i, ch) in text.char_indices() {
        match ch {
            '(' | '（' => depth += 1,
            ')' | '）' => depth -= 1,
            _ => continue,
        }
        if depth == 0 {
            return i + ch.len_utf8();
        }
    }
    text.len()
}

/// End of "No comments or proposed changes" / "Comments and proposed changes attached".
fn option_label_end(rest: &str) -> usize {
    // The option's printed words end with one of these; whatever follows was typed by the
    // person ("… attached The term 'edge node' …"). Take the last such word within the
    // option's usual length, and never past a colon that ends it.
    const CLOSING: [&str; 24] = [
        "attached",
        "changes",
        "change",
        "joints",
        "jointes",
        "joint",
        "modification",
        "modifications",
        "adjuntan",
        "adjuntos",
        "adjunto",
        "cambio",
        "cambios",
        "propuestos",
        "propuestas",
        "прилагаются",
        "изменений",
        "изменения",
        "нет",
        "修改",
        "建议",
        "مقترحة",
        "المقترحة",
        "طيه",
    ];
    let window: usize = rest
        .char_indices()
        .nth(70)
        .map(|(i, _)| i)
        .unwrap_or(rest.len());
    let colon = rest.find([':', '：', '\t']).unwrap_or(rest.len());
    let limit = window.min(colon);
    let lower = rest.to_lowercase();
    if lower.len() != rest.len() {
        // Lower-casing changed byte lengths: fall back to the first colon.
        return colon;
    }
    let mut best = None;
    for w in CLOSING {
        let mut from = 0;
        while let Some(i) = lower[from..].find(w).map(|i| i + from) {
            let end = i + w.len();
            from = end;
            if end > limit {
                break;
            }
            let at_word_end = lower[end..]
                .chars()
                .next()
                .is_none_or(|c| !c.is_alphanumeric() || !w.is_ascii());
            if at_word_end && rest.is_char_boundary(end) && best.is_none_or(|b| end > b) {
                best = Some(end);
            }
        }
    }
    best.unwrap_or(colon)
}

/// A line that is only a word of assent or refusal typed beside a form line ("Yes", "Oui",
/// "Да", "نعم", "是", "No").
/// A word of assent typed after a printed label ("No comments ⃝ – Yes", "（是）"): the
/// brackets and dashes around it dropped, read as [`word_mark`].
pub(super) fn suffix_mark(text: &str) -> Option<bool> {
    let t = text.trim_matches(is_mark_punctuation);
    if t.is_empty() {
        return None;
    }
    word_mark(t)
}

/// What a person types round a word of assent: brackets, dashes, arrows ("← our choice"),
/// stars.
fn is_mark_punctuation(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '–' | '—'
                | '-'
                | '('
                | ')'
                | '（'
                | '）'
                | '['
                | ']'
                | ':'
                | '：'
                | ','
                | '،'
                | '.'
                | '*'
                | '<'
                | '>'
                | '«'
                | '»'
                | '←'
                | '⇐'
                | '⟵'
                | '→'
        )
}

/// Text typed after a label that opens with a word of assent set apart ("(selected) – The use
/// cases …", "← our choice. Reasons …"): the mark, and the person's text after it.
pub(super) fn leading_mark(text: &str) -> Option<(bool, &str)> {
    let t = text.trim_start();
    let end = if let Some(inner) = t.strip_prefix(['(', '（']) {
        t.len() - inner.len() + inner.find([')', '）'])? + ')'.len_utf8()
    } else if t.starts_with(['←', '⇐', '⟵']) {
        t.find(['.', '–', '—', ';', '\n']).unwrap_or(t.len())
    } else {
        return None;
    };
    let end = (end..=t.len()).find(|&i| t.is_char_boundary(i))?;
    let checked = suffix_mark(&t[..end])?;
    Some((checked, t[end..].trim_start_matches(is_mark_punctuation)))
}

/// A word of assent typed at the end of a line that continues a label ("… dos opciones):
/// ← nuestra elección", "… la aprobación) (selected)"): the mark, and the text before it.
pub(super) fn trailing_mark(text: &str) -> Option<(bool, &str)> {
    let t = text.trim_end();
    let start = if let Some(open) = t
        .strip_suffix([')', '）'])
        .and_then(|r| r.rfind(['(', '（']))
    {
        open
    } else {
        t.rfind(['←', '⇐', '⟵'])?
    };
    let checked = suffix_mark(&t[start..])?;
    Some((checked, t[..start].trim_end()))
}

/// A label whose first words the person set apart with typed stars or brackets
/// ("**Authorizes** Study Group 16 …", "[Autorise] la Commission …"): chosen, as if
/// emphasised. An empty or crossed box typed as brackets ("[ ]", "[X]") is not this.
pub(super) fn wrapped_label(body: &str) -> bool {
    let t = body.trim_start_matches(|c: char| !c.is_alphanumeric() && !matches!(c, '*' | '['));
    let letters_then = |rest: &str, close: &str| {
        rest.find(close).is_some_and(|at| {
            let inner = &rest[..at];
            inner.chars().filter(|c| c.is_alphabetic()).count() >= 2
                && inner.starts_with(char::is_alphabetic)
        })
    };
    match (t.strip_prefix("**"), t.strip_prefix('[')) {
        (Some(rest), _) => letters_then(rest, "**"),
        (None, Some(rest)) => letters_then(rest, "]"),
        _ => false,
    }
}

pub fn word_mark(text: &str) -> Option<bool> {
    // Folding keeps every other ASCII character, which trimming cannot remove from inside: a
    // longer line is no single word, and need not be folded to tell (long lines are common).
    if text.is_ascii()
        && text
            .bytes()
            .filter(|&b| !is_blank_byte(b))
            .filter(|b| !matches!(b, b'.' | b'!' | b':' | b'-'))
            .nth(20)
            .is_some()
    {
        return None;
    }
    let f = fold(text);
    let f = f.trim_matches(|c: char| c.is_whitespace() || matches!(c, '.' | '!' | ':' | '-'));
    if f.is_empty() || f.chars().count() > 20 {
        return None;
    }
    // An X typed on a Cyrillic or Greek keyboard, or the multiplication sign, is an X.
    let f = if matches!(f, "х" | "×" | "χ" | "✕") {
        "x"
    } else {
        f
    };
    for c in compiled() {
        if c.yes.is_match(f) {
            return Some(true);
        }
        if c.no.is_match(f) {
            return Some(false);
        }
    }
    None
}

/// A short line the person added in a draft's rows that gives the decision in their own words
/// ("We agree, no comments", "Réponse : Pas d'objection, sans commentaires", "Мы возражаем"):
/// the decision it states. Long lines are reasons, whatever words they open with.
pub(super) fn decision_words(text: &str) -> Option<LineKind> {
    use crate::form::lang::{ASSENT, DISSENT};
    use std::sync::OnceLock;
    static RES: OnceLock<(regex::Regex, regex::Regex)> = OnceLock::new();
    let (assent, dissent) = RES.get_or_init(|| {
        (
            regex::Regex::new(ASSENT).expect("static"),
            regex::Regex::new(DISSENT).expect("static"),
        )
    });
    let body = text
        .split_once([':', '：'])
        .filter(|(head, _)| head.split_whitespace().count() <= 2)
        .map_or(text, |(_, rest)| rest);
    let f = fold(body);
    let f = f.trim_start_matches(is_mark_punctuation);
    let han = f.chars().filter(|&c| crate::form::text::is_han(c)).count();
    if f.split_whitespace().count() > 10 || han > 16 {
        return None;
    }
    if dissent.is_match(f) {
        Some(LineKind::NotAuthorize)
    } else if assent.is_match(f) {
        Some(LineKind::Authorize)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::form::answers::strip_prefix;

    #[test]
    fn label_words_name_the_languages_to_try() {
        let keys = LABEL_KEYS
            .as_ref()
            .expect("every label pattern has words it requires");
        let langs = |line: &str| -> Vec<&str> {
            let set = keys.languages(&fold(line));
            compiled()
                .iter()
                .enumerate()
                .filter(|(i, _)| (set >> i) & 1 == 1)
                .map(|(_, c)| c.code)
                .collect()
        };
        assert_eq!(langs("Does not authorize approval of X.1382"), ["en"]);
        assert_eq!(langs("N’autorise pas"), ["fr"]);
        assert_eq!(langs("Sin comentarios"), ["es"]);
        assert_eq!(langs("Не уполномочивает"), ["ru"]);
        assert_eq!(langs("لا تأذن"), ["ar"]);
        assert_eq!(langs("不授权"), ["zh"]);
        // Overlapping words count for each language ("comment" in "commentaires").
        assert_eq!(langs("Commentaires ci-joints"), ["en", "fr"]);
        assert!(langs("Lorem ipsum dolor sit amet").is_empty());
    }

    #[test]
    fn label_keys_pass_labels_and_rule_out_prose() {
        assert!(
            LABEL_KEYS.is_some(),
            "every label pattern has words it requires"
        );
        let keys = ascii_may_hold_label;
        for line in [
            "Does not authorize",
            "AUTHORISES",
            "No proposed changes",
            "Comments attached",
            "N'AUTORISE PAS",
            "Sans commentaire",
            "no hay cambios",
            "Adjuntan los comentarios",
        ] {
            assert!(keys(line), "{line}");
        }
        for prose in [
            "Lorem ipsum dolor sit amet, consectetur adipiscing elit.",
            "Geneva, 3 March 2026",
            "From: Ministry of Communications",
        ] {
            assert!(!keys(prose), "{prose}");
        }
    }

    #[test]
    fn labels_in_six_languages() {
        let k = |s: &str| classify(s).map(|l| (l.kind, l.lang));
        assert_eq!(
            k("Does not authorize Study Group 17 to consider"),
            Some((LineKind::NotAuthorize, "en"))
        );
        assert_eq!(
            k("Authorizes SG13 to consider the draft"),
            Some((LineKind::Authorize, "en"))
        );
        assert_eq!(
            k("N’autorise pas la Commission d'études 17"),
            Some((LineKind::NotAuthorize, "fr"))
        );
        assert_eq!(
            k("Autorise la Commission d'études 17"),
            Some((LineKind::Authorize, "fr"))
        );
        assert_eq!(
            k("No autoriza a la Comisión de Estudio 13"),
            Some((LineKind::NotAuthorize, "es"))
        );
        assert_eq!(
            k("Autoriza a la Comisión de Estudio 13"),
            Some((LineKind::Authorize, "es"))
        );
        assert_eq!(
            k("Не уполномочивает 13-ю Исследовательскую комиссию"),
            Some((LineKind::NotAuthorize, "ru"))
        );
        assert_eq!(
            k("Уполномочивает 13-ю Исследовательскую комиссию"),
            Some((LineKind::Authorize, "ru"))
        );
        assert_eq!(
            k("لا تأذن للجنة الدراسات 13"),
            Some((LineKind::NotAuthorize, "ar"))
        );
        assert_eq!(
            k("تأذن للجنة الدراسات 13"),
            Some((LineKind::Authorize, "ar"))
        );
        assert_eq!(
            k("不授权第17研究组考虑批准该草案"),
            Some((LineKind::NotAuthorize, "zh"))
        );
        assert_eq!(
            k("授权第17研究组考虑批准该草案"),
            Some((LineKind::Authorize, "zh"))
        );
        assert_eq!(
            k("No comments or proposed changes"),
            Some((LineKind::NoComments, "en"))
        );
        assert_eq!(
            k("Comments and proposed changes attached"),
            Some((LineKind::WithComments, "en"))
        );
        assert_eq!(
            k("Pas de commentaires ni de propositions de modification"),
            Some((LineKind::NoComments, "fr"))
        );
        assert_eq!(
            k("Commentaires et propositions de modification joints"),
            Some((LineKind::WithComments, "fr"))
        );
        assert_eq!(
            k("Sin comentarios ni propuestas de cambio"),
            Some((LineKind::NoComments, "es"))
        );
        assert_eq!(
            k("Se adjuntan comentarios y propuestas de cambio"),
            Some((LineKind::WithComments, "es"))
        );
        assert_eq!(
            k("Нет замечаний или предлагаемых изменений"),
            Some((LineKind::NoComments, "ru"))
        );
        assert_eq!(
            k("Замечания и предлагаемые изменения прилагаются"),
            Some((LineKind::WithComments, "ru"))
        );
        assert_eq!(
            k("لا توجد تعليقات أو تغييرات مقترحة"),
            Some((LineKind::NoComments, "ar"))
        );
        assert_eq!(
            k("ترد طيه تعليقات وتغييرات مقترحة"),
            Some((LineKind::WithComments, "ar"))
        );
        assert_eq!(k("无意见或无建议修改"), Some((LineKind::NoComments, "zh")));
        assert_eq!(
            k("附意见和建议的修改"),
            Some((LineKind::WithComments, "zh"))
        );
        assert_eq!(k("Dear Sir/Madam,"), None);
    }

    #[test]
    fn label_end_leaves_the_persons_text() {
        let s = "Does not authorize Study Group 17 to consider this draft for approval (the reasons (and changes) are attached) Reasons: The draft overlaps.";
        let l = classify(s).unwrap();
        assert_eq!(strip_prefix(s[l.end..].trim()), "The draft overlaps.");
        let s = "不授权第17研究组考虑批准该草案（附反对意见的理由）理由：草案不成熟。";
        let l = classify(s).unwrap();
        assert_eq!(strip_prefix(&s[l.end..]), "草案不成熟。");
        let s = "Comments and proposed changes attached: Please fix clause 6.";
        let l = classify(s).unwrap();
        assert_eq!(&s[l.end..], "Please fix clause 6.");
    }

    #[test]
    fn an_authorizes_line_that_names_its_option_is_both() {
        let s = "Authorizes – no comments or proposed changes";
        let option = option_after(classify(s).unwrap(), s).unwrap();
        assert_eq!(option.kind, LineKind::NoComments);
        let s = "Authorizes – comments/proposed changes attached: see clause 5";
        let option = option_after(classify(s).unwrap(), s).unwrap();
        assert_eq!(option.kind, LineKind::WithComments);
        assert_eq!(&s[option.end..], "see clause 5");
        let s = "Authorizes Study Group 20 to consider the draft (no comments or proposed changes)";
        let l = classify(s).unwrap();
        assert!(
            option_after(l, s).is_none(),
            "words between: the printed label's own text"
        );
    }
}
