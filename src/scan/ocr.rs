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
    cmd.arg(image)
        .arg(&out)
        .args(["-l", lang, "--psm", "3", "--dpi", &dpi.to_string(), "tsv"]);
    run(cmd, "tesseract")?;
    let tsv = std::fs::read_to_string(out.with_extension("tsv"))
        .map_err(|e| ScanError::Ocr(format!("tesseract wrote no words: {e}")))?;
    Ok(parse(&tsv))
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
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
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
