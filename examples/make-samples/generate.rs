//! Writes the whole sample set into a directory: the blank form, every reply of
//! [`crate::spec::replies`], and `expected.json`.

use std::error::Error;
use std::fs;
use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

use replytally::record::Decision;

use crate::ooxml::{self, Meta};
use crate::spec::{self, App, BoxMark, Lang, OptionMark, Reply, SpecError, DRAFTS, FORM_FILE};
use crate::{expected, form};

fn check(r: &Reply) -> Result<(), SpecError> {
    let fail = |m: String| Err(SpecError(format!("{}: {m}", r.file)));
    if r.answers.len() != DRAFTS.len() {
        return fail(format!(
            "{} answers for {} drafts",
            r.answers.len(),
            DRAFTS.len()
        ));
    }
    for (d, a) in DRAFTS.iter().zip(&r.answers) {
        // The contract keeps text only for not_authorize and with_comments: text anywhere
        // else would be in the file but not in the truth.
        let text_kept = a.decision() == Decision::NotAuthorize
            || a.comments() == Some(replytally::record::Comments::WithComments);
        if !a.text.is_empty() && !text_kept {
            return fail(format!("{}: text on an answer whose text is empty", d.id));
        }
        if a.was.is_some() {
            let boxes_ok = matches!(r.boxes, BoxMark::Glyph { .. } | BoxMark::Symbol { .. });
            let options_ok = !matches!(r.options, OptionMark::ContentControl);
            if !(boxes_ok && options_ok) {
                return fail(format!(
                    "{}: tracked box changes are only written for glyph and symbol marks",
                    d.id
                ));
            }
        }
    }
    Ok(())
}

fn meta(lang: Lang, reply: Option<&Reply>, seed: &str) -> Meta {
    let (y, m, d) = reply.map_or((2026, 1, 15), |r| r.date);
    let (application, app_version) = match reply.map(|r| r.app) {
        Some(App::LibreOffice) => (
            "LibreOffice/7.6.4.1$Linux_X86_64 LibreOffice_project/e19e193f88cd6c0525a17fb7a176ed8e6a3e2aa1",
            "15.0000",
        ),
        _ => ("Microsoft Office Word", "16.0000"),
    };
    Meta {
        title: format!("TSB Circular {} - Annex 2", spec::CIRCULAR),
        creator: "TSB".to_string(),
        last_modified_by: reply.map_or("TSB", |r| r.sender.name).to_string(),
        created: "2026-01-15T08:00:00Z".to_string(),
        modified: format!("{y:04}-{m:02}-{d:02}T09:30:00Z"),
        zip_time: (y, m, d, 10, 0),
        application,
        app_version,
        lang: match lang {
            Lang::En => "en-GB",
            Lang::Fr => "fr-FR",
            Lang::Zh => "zh-CN",
        },
        east_asia_font: if lang == Lang::Zh {
            "SimSun"
        } else {
            "MS Mincho"
        },
        track_revisions: reply.is_some_and(Reply::tracked),
        rsids: form::rsids(seed),
    }
}

fn docx(lang: Lang, reply: Option<&Reply>, seed: &str) -> Result<Vec<u8>, Box<dyn Error>> {
    let xml = form::document_xml(lang, reply, seed);
    ooxml::package(&xml, &meta(lang, reply, seed))
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Writes the samples into `out` and returns the paths written.
pub fn write_all(out: &Path, expected_path: &Path) -> Result<Vec<PathBuf>, Box<dyn Error>> {
    let replies = spec::replies();
    for r in &replies {
        check(r)?;
    }
    let mut written = Vec::new();
    let mut put = |rel: &str, bytes: &[u8]| -> Result<(), Box<dyn Error>> {
        let path = out.join(rel);
        if let Some(dir) = path.parent() {
            fs::create_dir_all(dir)?;
        }
        fs::write(&path, bytes)?;
        written.push(path);
        Ok(())
    };

    put(FORM_FILE, &docx(Lang::En, None, FORM_FILE)?)?;
    let mut digests = Vec::new();
    for r in &replies {
        let bytes = docx(r.lang, Some(r), r.file)?;
        digests.push(hex(&Sha256::digest(&bytes)));
        put(r.file, &bytes)?;
    }
    let expected = expected::build(&replies, &digests)?;
    let mut json = serde_json::to_string_pretty(&expected)?;
    json.push('\n');
    // Kept outside samples/ so that `replytally run samples` sees only what a user would send.
    if let Some(dir) = expected_path.parent() {
        fs::create_dir_all(dir)?;
    }
    fs::write(expected_path, json.as_bytes())?;
    written.push(expected_path.to_path_buf());
    Ok(written)
}
