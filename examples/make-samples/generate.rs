//! Writes one circular's sample set into a directory: the blank form, every reply of its
//! spec, and the expected readings (kept outside that directory).

use std::error::Error;
use std::fs;
use std::path::{Path, PathBuf};

use serde::Serialize;
use sha2::{Digest, Sha256};

use crate::ooxml::{self, Meta};
use crate::spec::{
    self, is_placeholder, App, BoxMark, Circular, Lang, Layout, OptionMark, Pick, Place, Reply,
    SpecError,
};
use crate::{expected, form};

fn check(circ: &Circular, r: &Reply) -> Result<(), SpecError> {
    let fail = |m: String| Err(SpecError(format!("{}: {m}", r.file)));
    if r.answers.len() != circ.drafts.len() {
        return fail(format!(
            "{} answers for {} drafts",
            r.answers.len(),
            circ.drafts.len()
        ));
    }
    if let BoxMark::Sentences(list) = r.boxes {
        if list.len() != circ.drafts.len() {
            return fail(format!(
                "{} sentences for {} drafts",
                list.len(),
                circ.drafts.len()
            ));
        }
        if r.answers
            .iter()
            .any(|a| a.place != Place::CellPara && !a.text.is_empty())
        {
            return fail(
                "sentence replies write their text in the paragraphs after (CellPara)".into(),
            );
        }
    }
    if r.app == App::GoogleDocs && matches!(r.boxes, BoxMark::Emphasis(_)) {
        return fail("the Google Docs rewrite does not keep emphasis properties in order".into());
    }
    let follow = matches!(
        r.boxes,
        BoxMark::Emphasis(_) | BoxMark::Deletion(_) | BoxMark::Sentences(_)
    );
    if follow != matches!(r.options, OptionMark::Follow) {
        return fail(
            "emphasis, deletion and sentences mark options the same way (Follow), and only they"
                .into(),
        );
    }
    if matches!(r.layout, Layout::SdtCells) && !matches!(r.boxes, BoxMark::ContentControl) {
        return fail("content controls around cells are written with content-control boxes".into());
    }
    for (d, a) in circ.drafts.iter().zip(&r.answers) {
        // The contract keeps text only for not_authorize and with_comments: text anywhere
        // else would be in the file but not in the truth.
        if !a.text.is_empty() && !a.text_kept() {
            return fail(format!("{}: text on an answer whose text is empty", d.id));
        }
        if matches!(r.boxes, BoxMark::Deletion(_))
            && a.pick == Pick::Neither
            && a.opts != spec::Opts::Neither
        {
            return fail(format!(
                "{}: deletion cannot show an option without its box",
                d.id
            ));
        }
        if a.was.is_some() {
            let boxes_ok = matches!(
                r.boxes,
                BoxMark::Glyph { .. } | BoxMark::Symbol { .. } | BoxMark::ContentControl
            );
            if !boxes_ok || follow {
                return fail(format!(
                    "{}: tracked box changes are only written for glyph, symbol and content-control marks",
                    d.id
                ));
            }
        }
    }
    Ok(())
}

/// Who last saved a reply, with what, and on which day.
pub struct Saved<'a> {
    pub app: App,
    pub by: &'a str,
    pub on: (u16, u8, u8),
}

/// The package properties of a form of TSB Circular `number` in `lang`: the blank form as the
/// TSB issued it (made and saved on `issued` with Word), or a reply as it was `saved`.
pub fn meta(
    number: u32,
    issued: (u16, u8, u8),
    lang: Lang,
    saved: Option<Saved>,
    seed: &str,
) -> Meta {
    let (y, m, d) = saved.as_ref().map_or(issued, |s| s.on);
    let (application, app_version) = match saved.as_ref().map(|s| s.app) {
        Some(App::LibreOffice) => (
            "LibreOffice/7.6.4.1$Linux_X86_64 LibreOffice_project/e19e193f88cd6c0525a17fb7a176ed8e6a3e2aa1",
            "15.0000",
        ),
        // Google Docs and WPS: application names as those programs write them; the versions
        // are plausible, not copied from real files.
        Some(App::GoogleDocs) => ("Google Docs", "1.0000"),
        Some(App::Wps) => ("WPS Office_12.1.0.18276", "12.0000"),
        _ => ("Microsoft Office Word", "16.0000"),
    };
    let (iy, im, id) = issued;
    Meta {
        title: format!("TSB Circular {number} - Annex 2"),
        creator: "TSB".to_string(),
        last_modified_by: saved.as_ref().map_or("TSB", |s| s.by).to_string(),
        created: format!("{iy:04}-{im:02}-{id:02}T08:00:00Z"),
        modified: format!("{y:04}-{m:02}-{d:02}T09:30:00Z"),
        zip_time: (y, m, d, 10, 0),
        application,
        app_version,
        lang: match lang {
            Lang::En => "en-GB",
            Lang::Fr => "fr-FR",
            Lang::Es => "es-ES",
            Lang::Ru => "ru-RU",
            Lang::Ar => "ar-SA",
            Lang::Zh => "zh-CN",
        },
        east_asia_font: if lang == Lang::Zh {
            "SimSun"
        } else {
            "MS Mincho"
        },
        track_revisions: false,
        rsids: form::rsids(seed),
    }
}

/// The date TSB Circulars 117 and 205 were issued on (their blank forms' dates).
const ISSUED: (u16, u8, u8) = (2026, 1, 15);

fn docx(
    circ: &Circular,
    lang: Lang,
    reply: Option<&Reply>,
    seed: &str,
) -> Result<Vec<u8>, Box<dyn Error>> {
    let mut xml = form::document_xml(circ, lang, reply, seed);
    if reply.is_some_and(|r| r.app == App::GoogleDocs) {
        xml = ooxml::google_docs(&xml);
    }
    let saved = reply.map(|r| Saved {
        app: r.app,
        // A placeholder left in the From block: the program's default user.
        by: if is_placeholder(r.sender.name) {
            "User"
        } else {
            r.sender.name
        },
        on: r.date,
    });
    let meta = Meta {
        track_revisions: reply.is_some_and(Reply::tracked),
        ..meta(circ.number, ISSUED, lang, saved, seed)
    };
    ooxml::package(&xml, &meta)
}

/// Writes one set's files below a directory, and its expected readings last.
pub struct SetWriter<'a> {
    out: &'a Path,
    written: Vec<PathBuf>,
}

impl<'a> SetWriter<'a> {
    pub fn new(out: &'a Path) -> Self {
        SetWriter {
            out,
            written: Vec::new(),
        }
    }

    /// Writes `bytes` to `rel` below the directory; returns their SHA-256 (hex).
    pub fn put(&mut self, rel: &str, bytes: &[u8]) -> Result<String, Box<dyn Error>> {
        let path = self.out.join(rel);
        if let Some(dir) = path.parent() {
            fs::create_dir_all(dir)?;
        }
        fs::write(&path, bytes)?;
        self.written.push(path);
        Ok(Sha256::digest(bytes)
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect())
    }

    /// Writes the expected readings (pretty JSON) to `path`; returns every path written.
    pub fn finish(
        mut self,
        path: &Path,
        expected: &impl Serialize,
    ) -> Result<Vec<PathBuf>, Box<dyn Error>> {
        let mut json = serde_json::to_string_pretty(expected)?;
        json.push('\n');
        // Kept outside the samples so that `replytally run DIR` sees only what a user would send.
        if let Some(dir) = path.parent() {
            fs::create_dir_all(dir)?;
        }
        fs::write(path, json.as_bytes())?;
        self.written.push(path.to_path_buf());
        Ok(self.written)
    }
}

/// Writes the samples of `circ` into `out`, its expected readings to `expected_path`, and
/// returns the paths written.
pub fn write_all(
    circ: &Circular,
    out: &Path,
    expected_path: &Path,
) -> Result<Vec<PathBuf>, Box<dyn Error>> {
    let replies = (circ.replies)();
    for r in &replies {
        check(circ, r)?;
    }
    let mut set = SetWriter::new(out);
    set.put(circ.form_file, &docx(circ, Lang::En, None, circ.form_file)?)?;
    let mut digests = Vec::new();
    for r in &replies {
        digests.push(set.put(r.file, &docx(circ, r.lang, Some(r), r.file)?)?);
    }
    set.finish(expected_path, &expected::build(circ, &replies, &digests)?)
}
