//! Tesseract, run as a CLI within a time bound: the script of a page (`--psm 0`) and its words
//! with their boxes (`tsv`).

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Duration;

use super::{limits, ScanError};
use crate::intake::convert::{run_bounded, Bounded};

/// One word as Tesseract read it, in pixels, with the line it belongs to.
#[derive(Debug, Clone)]
pub struct Word {
    pub left: usize,
    pub top: usize,
    pub width: usize,
    pub height: usize,
    /// Tesseract's confidence, 0–100.
    #[allow(dead_code)] // kept for debugging the layout of OCR words
    pub conf: f64,
    pub text: String,
    /// (block, paragraph, line): words of one line share it.
    pub line: (u32, u32, u32),
    /// The line's baseline and height as Tesseract measured them (its hOCR), when known.
    pub base: Option<Baseline>,
}

/// A text line's baseline, in pixels: at x it lies at `bottom + offset + slope × (x − left)`;
/// `size` is the line's height (Tesseract's `x_size`, ascenders to descenders).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Baseline {
    pub left: usize,
    pub bottom: usize,
    pub slope: f64,
    pub offset: f64,
    pub size: f64,
}

impl Baseline {
    pub fn y_at(&self, x: f64) -> f64 {
        self.bottom as f64 + self.offset + self.slope * (x - self.left as f64)
    }
}

/// The `tesseract` program on the PATH, if any.
pub fn find() -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .map(|d| d.join("tesseract"))
        .find(|p| p.is_file())
}

fn run(mut cmd: Command, what: &str) -> Result<(), ScanError> {
    cmd.env("OMP_THREAD_LIMIT", "1")
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null());
    let timeout = Duration::from_secs(limits::SECONDS_PER_PAGE);
    match run_bounded(cmd, timeout) {
        Ok(s) if s.success() => Ok(()),
        Ok(s) => Err(ScanError::Ocr(format!("{what} stopped with {s}"))),
        Err(Bounded::TimedOut) => Err(ScanError::Ocr(format!(
            "{what} took more than {} s on one page",
            limits::SECONDS_PER_PAGE
        ))),
        Err(Bounded::Start(e) | Bounded::Wait(e)) => Err(ScanError::Ocr(format!("{what}: {e}"))),
    }
}

/// The Tesseract languages for the page's script, as OSD tells it (Latin when it cannot).
pub fn languages(exe: &Path, image: &Path, dir: &Path) -> &'static str {
    let out = dir.join("osd");
    let mut cmd = Command::new(exe);
    cmd.arg(image).arg(&out).args(["--psm", "0"]);
    let script = run(cmd, "tesseract (script detection)")
        .ok()
        .and_then(|_| std::fs::read_to_string(out.with_extension("osd")).ok())
        .and_then(|t| {
            t.lines()
                .find_map(|l| l.strip_prefix("Script: ").map(|s| s.trim().to_string()))
        })
        .unwrap_or_default();
    match script.as_str() {
        "Cyrillic" => "rus+eng",
        "Arabic" => "ara+eng",
        "Han" | "HanS" | "HanT" | "Japanese" | "Hangul" => "chi_sim+eng",
        _ => "eng+fra+spa",
    }
}

/// The words of one page image.
pub fn words(
    exe: &Path,
    image: &Path,
    dir: &Path,
    lang: &str,
    dpi: u32,
) -> Result<Vec<Word>, ScanError> {
    let out = dir.join("words");
    let mut cmd = Command::new(exe);
    cmd.arg(image).arg(&out).args([
        "-l",
        lang,
        "--psm",
        "3",
        "--dpi",
        &dpi.to_string(),
        "tsv",
        "hocr",
    ]);
    run(cmd, "tesseract")?;
    let tsv = std::fs::read_to_string(out.with_extension("tsv"))
        .map_err(|e| ScanError::Ocr(format!("tesseract wrote no words: {e}")))?;
    let mut words = parse(&tsv);
    if let Ok(hocr) = std::fs::read_to_string(out.with_extension("hocr")) {
        add_baselines(&mut words, &tsv, &hocr);
    }
    Ok(words)
}

/// The lines of Tesseract's hOCR with their baselines, by their boxes (left, top, right,
/// bottom).
fn hocr_lines(hocr: &str) -> Vec<((usize, usize, usize, usize), Baseline)> {
    let re = regex::Regex::new(
        r#"class='ocr_(?:line|caption|header|textfloat)'[^>]*title="bbox (\d+) (\d+) (\d+) (\d+); baseline (-?[\d.]+) (-?[\d.]+); x_size ([\d.]+)"#,
    )
    .expect("pattern");
    re.captures_iter(hocr)
        .filter_map(|c| {
            let n = |i: usize| c[i].parse::<usize>().ok();
            let f = |i: usize| c[i].parse::<f64>().ok();
            let (l, t, r, b) = (n(1)?, n(2)?, n(3)?, n(4)?);
            let base = Baseline {
                left: l,
                bottom: b,
                slope: f(5)?,
                offset: f(6)?,
                size: f(7)?,
            };
            Some(((l, t, r, b), base))
        })
        .collect()
}

/// Each word's line baseline, from the hOCR line whose box is the TSV line's box: the TSV has
/// boxes only, and a line's words boxed too tall (Arabic, Chinese) put a baseline guessed
/// from them a line too low.
pub fn add_baselines(words: &mut [Word], tsv: &str, hocr: &str) {
    let lines = hocr_lines(hocr);
    let mut by_key = std::collections::BTreeMap::new();
    for l in tsv.lines().skip(1) {
        let f: Vec<&str> = l.split('\t').collect();
        if f.len() < 12 || f[0] != "4" {
            continue;
        }
        let n = |i: usize| f[i].trim().parse::<usize>().ok();
        let (Some(left), Some(top), Some(w), Some(h)) = (n(6), n(7), n(8), n(9)) else {
            continue;
        };
        let key = (|| Some((f[2].parse().ok()?, f[3].parse().ok()?, f[4].parse().ok()?)))();
        let found = lines
            .iter()
            .find(|(b, _)| *b == (left, top, left + w, top + h))
            .map(|(_, base)| *base);
        if let (Some(k), Some(base)) = (key, found) {
            by_key.insert(k, base);
        }
    }
    for w in words {
        w.base = by_key.get(&w.line).copied();
    }
}

/// Tesseract's TSV: level 5 rows are words.
pub fn parse(tsv: &str) -> Vec<Word> {
    tsv.lines()
        .skip(1)
        .filter_map(|l| {
            let f: Vec<&str> = l.split('\t').collect();
            if f.len() < 12 || f[0] != "5" {
                return None;
            }
            let n = |i: usize| f[i].trim().parse::<usize>().ok();
            let text = f[11].trim();
            if text.is_empty() {
                return None;
            }
            Some(Word {
                left: n(6)?,
                top: n(7)?,
                width: n(8)?,
                height: n(9)?,
                conf: f[10].trim().parse().ok()?,
                text: text.to_string(),
                line: (f[2].parse().ok()?, f[3].parse().ok()?, f[4].parse().ok()?),
                base: None,
            })
        })
        .collect()
}

/// Cyrillic letters that look like Latin ones, as `rus` reads the Latin letters of a draft
/// name ("Е.156.1 (Е.АССР)"), with their Latin twins.
const CYRILLIC_TWINS: [(char, char); 22] = [
    ('А', 'A'),
    ('В', 'B'),
    ('С', 'C'),
    ('Е', 'E'),
    ('Н', 'H'),
    ('К', 'K'),
    ('М', 'M'),
    ('О', 'O'),
    ('Р', 'P'),
    ('Т', 'T'),
    ('Х', 'X'),
    ('У', 'Y'),
    ('а', 'a'),
    ('е', 'e'),
    ('о', 'o'),
    ('р', 'p'),
    ('с', 'c'),
    ('х', 'x'),
    ('у', 'y'),
    ('г', 'r'),
    ('к', 'k'),
    ('і', 'i'),
];

/// A word that is a draft name written with Cyrillic look-alikes ("Е.212", "(Е.АССР),")
/// spelt in Latin letters; a word with a letter that has no Latin twin is left as read.
fn latin_name(text: &str) -> Option<String> {
    let twin = |c: char| CYRILLIC_TWINS.iter().find(|t| t.0 == c).map(|t| t.1);
    let body = text.trim_start_matches('(');
    let mut chars = body.chars();
    let series = chars.next()?;
    if !(series.is_ascii_uppercase() || twin(series).is_some_and(|l| l.is_ascii_uppercase()))
        || chars.next() != Some('.')
    {
        return None;
    }
    if !text.chars().any(|c| twin(c).is_some()) {
        return None;
    }
    text.chars()
        .map(|c| if c.is_ascii() { Some(c) } else { twin(c) })
        .collect()
}

/// Draft names OCR misspelt in ways seen on scans: Cyrillic look-alikes ([`latin_name`]), and
/// draft numbers whose series letter OCR read as a digit or two ("2.212 (E.212rev)",
/// "0.3960 Amd.1", "90.4073" on Arabic pages, where `ara` reads a Latin E or Q as digits): the
/// letter is taken from the provisional name beside the number; else, after "ITU-T" or when
/// at least [`USUAL_VOTES`] of the page's draft names share a series, from that series.
/// Other words are left as read.
pub fn fix_series(words: &mut [Word]) {
    let number =
        regex::Regex::new(r"^(\(?)(\d{1,2})\.(\d{2,4}(?:\.\d{1,2})?)([,;)]?)$").expect("pattern");
    let named = regex::Regex::new(r"^\(?([A-Z])\.[0-9A-Za-z]").expect("pattern");
    // "ITU-TE.157.1(E.CLI": OCR glued the name to the "ITU-T" before it.
    let glued = regex::Regex::new(r"^(.*-T)([A-Z]\.\d)").expect("pattern");
    for w in words.iter_mut() {
        if let Some(t) = latin_name(&w.text) {
            w.text = t;
        }
        if let Some(c) = glued.captures(&w.text) {
            w.text = format!("{} {}", &c[1], &w.text[c[1].len()..]);
        }
    }
    let mut count = std::collections::BTreeMap::<char, usize>::new();
    for w in words.iter() {
        if let Some(c) = named.captures(&w.text) {
            *count.entry(c[1].chars().next().unwrap_or('X')).or_default() += 1;
        }
    }
    let usual = count.iter().max_by_key(|e| *e.1).map(|e| (*e.0, *e.1));
    for i in 0..words.len() {
        let Some(c) = number.captures(&words[i].text) else {
            continue;
        };
        let same_line = |j: usize| words.get(j).filter(|w| w.line == words[i].line);
        let beside = [i.wrapping_sub(1), i + 1].into_iter().filter_map(same_line);
        let mut letter = None;
        for w in beside {
            if w.text.starts_with('(') {
                letter = letter.or(named.captures(&w.text).and_then(|p| p[1].chars().next()));
            } else if w.text.eq_ignore_ascii_case("ITU-T") {
                letter = letter.or(usual.map(|u| u.0));
            }
        }
        // A number of three digits or more after its dot, on a page of drafts of one series.
        if c[3].len() >= 3 {
            letter = letter.or(usual.filter(|u| u.1 >= USUAL_VOTES).map(|u| u.0));
        }
        if let Some(l) = letter {
            words[i].text = format!("{}{l}.{}{}", &c[1], &c[3], &c[4]);
        }
    }
}

/// An Arabic letter's skeleton (rasm): the letters that differ only by their dots, which OCR
/// of a scan confuses (ي read ب, ذ read ز), are one; hamza carriers are alef.
fn rasm(c: char) -> char {
    match c {
        'ب' | 'ت' | 'ث' | 'ن' | 'ي' | 'ى' | 'ئ' => 'ب',
        'ج' | 'ح' | 'خ' => 'ح',
        // ذ read as ز: one dot above either way.
        'د' | 'ذ' | 'ر' | 'ز' => 'د',
        'س' | 'ش' => 'س',
        'ص' | 'ض' => 'ص',
        'ط' | 'ظ' => 'ط',
        'ع' | 'غ' => 'ع',
        'ف' | 'ق' => 'ف',
        'أ' | 'إ' | 'آ' | 'ا' | 'ٱ' => 'ا',
        c => c,
    }
}

/// The form's Arabic verb "تأذن / يأذن" (authorizes) as OCR misdotted it ("بأذن", "يأزن",
/// "لايازن"): a word of its skeleton, alone or after "لا", is spelt as the verb, so the
/// form's decision labels are found. Other words are left as read.
pub fn fix_arabic_labels(words: &mut [Word]) {
    const VERB: &str = "يأذن";
    let skeleton = |t: &str| -> String {
        t.chars()
            .filter(|c| {
                !matches!(
                    *c as u32,
                    0x064B..=0x065F | 0x0670 | 0x0640 | 0x200E | 0x200F
                )
            })
            .map(rasm)
            .collect()
    };
    let target = skeleton(VERB);
    for w in words.iter_mut() {
        let core = w.text.trim_matches(|c: char| !c.is_alphabetic());
        if core.is_empty() || !core.chars().any(|c| ('\u{0600}'..='\u{06FF}').contains(&c)) {
            continue;
        }
        let (neg, verb) = match core.strip_prefix("لا") {
            Some(rest) if skeleton(rest) == target => ("لا", rest),
            _ => ("", core),
        };
        if skeleton(verb) == target && verb != VERB && verb != "تأذن" {
            let fixed = format!("{neg}{VERB}");
            w.text = w.text.replacen(core, &fixed, 1);
        }
    }
}

/// Draft names of one series on a page from which a lone number is taken to be of it.
const USUAL_VOTES: usize = 3;

#[cfg(test)]
mod tests {
    fn word(text: &str, line: u32) -> super::Word {
        super::Word {
            left: 0,
            top: 0,
            width: 10,
            height: 10,
            conf: 90.0,
            text: text.into(),
            line: (1, 1, line),
            base: None,
        }
    }

    #[test]
    fn cyrillic_look_alikes_in_a_draft_name_are_latin() {
        let mut w: Vec<_> = ["МСЭ-Т", "Е.156.1", "(Е.АССР),", "Е.212геу", "Рекомендации"]
            .iter()
            .map(|t| word(t, 1))
            .collect();
        super::fix_series(&mut w);
        let t: Vec<&str> = w.iter().map(|w| w.text.as_str()).collect();
        assert_eq!(
            t,
            ["МСЭ-Т", "E.156.1", "(E.ACCP),", "E.212rey", "Рекомендации"]
        );
    }

    #[test]
    fn a_series_letter_read_as_a_digit_is_put_back() {
        let mut w: Vec<_> = [
            "ITU-T",
            "2.212",
            "(E.212rev)",
            "8.118.1",
            "(E.1IN-Sup)",
            "3.5",
        ]
        .iter()
        .map(|t| word(t, 1))
        .collect();
        w.extend(["ITU-T", "8.157.1"].iter().map(|t| word(t, 2)));
        w.push(word("2.212", 3));
        super::fix_series(&mut w);
        let mut g = vec![word("Fro-TE.157.1(E.CLLsp", 1)];
        super::fix_series(&mut g);
        assert_eq!(g[0].text, "Fro-T E.157.1(E.CLLsp");
        let mut q: Vec<_> = [
            "(Q.sig-iot),",
            "90.4073",
            "(Q.tsp-ran),",
            "0.3960",
            "Amd.1,",
            "Q.CPaaS-tst",
            "10.02",
        ]
        .iter()
        .map(|t| word(t, 1))
        .collect();
        super::fix_series(&mut q);
        let t: Vec<&str> = q.iter().map(|w| w.text.as_str()).collect();
        assert_eq!(
            t,
            [
                "(Q.sig-iot),",
                "Q.4073",
                "(Q.tsp-ran),",
                "Q.3960",
                "Amd.1,",
                "Q.CPaaS-tst",
                "10.02"
            ]
        );
        let t: Vec<&str> = w.iter().map(|w| w.text.as_str()).collect();
        assert_eq!(
            t,
            [
                "ITU-T",
                "E.212",
                "(E.212rev)",
                "E.118.1",
                "(E.1IN-Sup)",
                "3.5",
                "ITU-T",
                "E.157.1",
                "2.212"
            ]
        );
    }

    #[test]
    fn a_misdotted_arabic_verb_of_the_form_is_spelt_right() {
        let mut w: Vec<_> = ["بأذن", "يأزن", "لايازن", "(تأذن", "للجنة", "بأن", "الإدارة"]
            .iter()
            .map(|t| word(t, 1))
            .collect();
        super::fix_arabic_labels(&mut w);
        let t: Vec<&str> = w.iter().map(|w| w.text.as_str()).collect();
        assert_eq!(
            t,
            ["يأذن", "يأذن", "لايأذن", "(تأذن", "للجنة", "بأن", "الإدارة"]
        );
    }

    #[test]
    fn each_word_gets_its_lines_hocr_baseline() {
        let tsv = "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext\n\
                   4\t1\t13\t1\t1\t0\t142\t700\t597\t63\t-1\t\n\
                   5\t1\t13\t1\t1\t1\t637\t700\t52\t63\t90\tللجنة\n";
        let hocr = "<span class='ocr_line' id='line_1_9' title=\"bbox 142 700 739 763; baseline 0 -33; x_size 32.7; x_descenders 6.5; x_ascenders 6.8\">";
        let mut w = super::parse(tsv);
        super::add_baselines(&mut w, tsv, hocr);
        let b = w[0].base.expect("baseline");
        // The box is two lines tall; the baseline is the first line's, 33 px above its bottom.
        assert_eq!(b.y_at(663.0), 730.0);
        assert_eq!(b.size, 32.7);
    }

    #[test]
    fn tsv_words_are_read() {
        let tsv = "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext\n\
                   4\t1\t1\t1\t1\t0\t712\t178\t171\t30\t-1\t\n\
                   5\t1\t1\t1\t1\t1\t712\t180\t139\t28\t96.5\tANNEX\n";
        let w = super::parse(tsv);
        assert_eq!(w.len(), 1);
        assert_eq!(
            (w[0].left, w[0].width, w[0].text.as_str()),
            (712, 139, "ANNEX")
        );
    }
}
