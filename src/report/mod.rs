//! The output files: `records.json`, `records.csv`, `records.xlsx`, `summary.json`,
//! `summary.md`, `report.html` and `annex.docx`, each written atomically (temporary file in the
//! same directory, fsync, rename), so that a crash never leaves half a file behind. Every file
//! says what it was made from ([`RunInfo`]) and is byte-identical for the same inputs.

mod annex;
mod circular;
mod csv_out;
mod html;
mod json;
mod markdown;
mod view;
mod xlsx;

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

pub use self::annex::{annex_docx, AnnexError};
pub use self::circular::{circular_in_docx, circular_of_run, find_circular, Circular};
pub use self::csv_out::{records_csv, CSV_HEADER};
pub use self::html::report_html;
pub use self::json::{records_json, records_json_with, summary_json};
pub use self::markdown::summary_md;
pub use self::xlsx::records_xlsx;

use crate::record::Records;
use crate::tally::Summary;

/// What the outputs were made from, for the "made from" lines of the reports.
#[derive(Debug, Clone, PartialEq)]
pub struct RunInfo {
    pub tool_version: String,
    /// Number of inputs processed (files found, before opening emails and zips).
    pub inputs: usize,
    /// `--form`, as given.
    pub form: Option<String>,
    /// `--deadline`, as given.
    pub deadline: Option<String>,
    pub threshold: f64,
    /// The TSB Circular consulted, when the blank form or the replies name it
    /// ([`circular_of_run`]); the reports show a placeholder otherwise.
    pub circular: Option<Circular>,
}

/// Why the output files could not be written.
#[derive(Debug, thiserror::Error)]
pub enum ReportError {
    #[error("cannot create output directory {}: {source}", path.display())]
    CreateDir {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("cannot make {file}: {message}")]
    Build { file: &'static str, message: String },
    #[error("cannot write {}: {source}", path.display())]
    Write {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
}

/// The names of the files [`write_all`] writes, in order.
pub const FILE_NAMES: [&str; 7] = [
    "records.json",
    "records.csv",
    "records.xlsx",
    "summary.json",
    "summary.md",
    "report.html",
    "annex.docx",
];

/// Write bytes atomically: temp file in the same dir, fsync, rename.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let name = path.file_name().ok_or_else(|| {
        std::io::Error::new(
            std::io::ErrorKind::InvalidInput,
            format!("{} is not a file name", path.display()),
        )
    })?;
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    let mut tmp_name = std::ffi::OsString::from(".");
    tmp_name.push(name);
    tmp_name.push(format!(".tmp-{}-{n}", std::process::id()));
    let tmp = dir.join(tmp_name);

    let result = (|| {
        let mut f = fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&tmp)?;
        f.write_all(bytes)?;
        f.sync_all()?;
        drop(f);
        fs::rename(&tmp, path)
    })();
    if result.is_err() {
        // Best effort: the temp file must not linger; the first error is the one to report.
        let _ = fs::remove_file(&tmp);
        return result;
    }
    // Make the rename itself durable where directories can be synced (not on Windows).
    #[cfg(unix)]
    if let Ok(d) = fs::File::open(dir) {
        let _ = d.sync_all();
    }
    Ok(())
}

/// Write every file of [`FILE_NAMES`] into dir (create it). Returns the paths written.
pub fn write_all(
    dir: &Path,
    records: &Records,
    summary: &Summary,
    info: &RunInfo,
) -> Result<Vec<PathBuf>, ReportError> {
    fs::create_dir_all(dir).map_err(|source| ReportError::CreateDir {
        path: dir.to_path_buf(),
        source,
    })?;
    let xlsx = records_xlsx(summary, records, info).map_err(|e| ReportError::Build {
        file: FILE_NAMES[2],
        message: e.to_string(),
    })?;
    let docx = annex_docx(summary, records, info).map_err(|e| ReportError::Build {
        file: FILE_NAMES[6],
        message: e.to_string(),
    })?;
    let files: [(&str, Vec<u8>); 7] = [
        (FILE_NAMES[0], records_json_with(records, info)),
        (FILE_NAMES[1], records_csv(records)),
        (FILE_NAMES[2], xlsx),
        (FILE_NAMES[3], summary_json(summary, info)),
        (FILE_NAMES[4], summary_md(summary, records, info)),
        (FILE_NAMES[5], report_html(summary, records, info)),
        (FILE_NAMES[6], docx),
    ];
    let mut written = Vec::with_capacity(files.len());
    for (name, bytes) in files {
        let path = dir.join(name);
        write_atomic(&path, &bytes).map_err(|source| ReportError::Write {
            path: path.clone(),
            source,
        })?;
        written.push(path);
    }
    Ok(written)
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::record::{
        Answer, Comments, Decision, Evidence, Failure, FailureKind, MemberState, Reply, Sender,
        RECORDS_SCHEMA,
    };
    use crate::tally::{tally, DraftRef, Options};

    pub(crate) fn sample_records() -> Records {
        let ans =
            |draft: &str, prov: Option<&str>, d: Decision, c: Option<Comments>, text: &str| {
                Answer {
                    draft: draft.into(),
                    provisional: prov.map(Into::into),
                    decision: d,
                    comments: c,
                    text: text.into(),
                    evidence: Evidence::LegacyCheckbox,
                }
            };
        let reply =
            |source: &str, ms: Option<(&str, &str)>, date: &str, answers: Vec<Answer>| Reply {
                source: source.into(),
                sha256: "ab".repeat(32),
                language: "en".into(),
                member_state: ms.map(|(n, c)| MemberState {
                    name: n.into(),
                    iso3: c.into(),
                }),
                sender: Sender {
                    name: Some("Dr. A | B".into()),
                    ..Sender::default()
                },
                date: Some(date.into()),
                answers,
                superseded_by: None,
                late: false,
                warnings: Vec::new(),
            };
        let tricky = "Reasons, with \"quotes\", commas,\nand a second line | pipe";
        let mut fr = reply(
            "replies/France_reply.docx",
            Some(("France", "FRA")),
            "2023-02-07",
            vec![
                ans(
                    "X.1353",
                    Some("X.ztd-iot"),
                    Decision::NotAuthorize,
                    None,
                    tricky,
                ),
                ans(
                    "X.1380",
                    Some("X.edr-sec"),
                    Decision::Authorize,
                    Some(Comments::WithComments),
                    "Please fix clause 6.",
                ),
            ],
        );
        fr.warnings.push("tracked changes were present".into());
        let de = reply(
            "replies/Germany.docx",
            Some(("Germany", "DEU")),
            "2023-02-06",
            vec![
                ans(
                    "X.1353",
                    Some("X.ztd-iot"),
                    Decision::Authorize,
                    Some(Comments::NoComments),
                    "",
                ),
                ans("X.1380", Some("X.edr-sec"), Decision::Conflict, None, ""),
            ],
        );
        let mut late = reply(
            "mail/late.eml!Reply.docx",
            Some(("Kenya", "KEN")),
            "2023-02-20",
            vec![ans(
                "X.1353",
                Some("X.ztd-iot"),
                Decision::NotAuthorize,
                None,
                "Too late, sorry.",
            )],
        );
        late.late = true;
        let who = reply(
            "who.docx",
            None,
            "2023-02-01",
            vec![ans(
                "X.1353",
                None,
                Decision::Authorize,
                Some(Comments::Unspecified),
                "",
            )],
        );
        Records {
            schema: RECORDS_SCHEMA.into(),
            forms: Vec::new(),
            replies: vec![fr, de, late, who],
            failures: vec![Failure {
                source: "replies/old.doc".into(),
                kind: FailureKind::LegacyDoc,
                message: "Word 97-2003 file: save it as .docx and run again".into(),
            }],
        }
    }

    pub(crate) fn sample_summary(records: &Records) -> Summary {
        tally(
            &records.replies,
            &Options {
                threshold: 70.0,
                expected: Some(vec![
                    DraftRef {
                        draft: "X.1353".into(),
                        provisional: Some("X.ztd-iot".into()),
                    },
                    DraftRef {
                        draft: "X.1380".into(),
                        provisional: Some("X.edr-sec".into()),
                    },
                    DraftRef {
                        draft: "X.1381".into(),
                        provisional: None,
                    },
                ]),
            },
        )
    }

    pub(crate) fn sample_info() -> RunInfo {
        RunInfo {
            tool_version: "0.1.0".into(),
            inputs: 5,
            form: Some("form/circ42-en.docx".into()),
            deadline: Some("2023-02-09".into()),
            threshold: 70.0,
            circular: None,
        }
    }

    #[test]
    fn write_atomic_replaces_and_leaves_no_temp_file() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("a.txt");
        write_atomic(&p, b"one").unwrap();
        write_atomic(&p, b"two").unwrap();
        assert_eq!(fs::read(&p).unwrap(), b"two");
        let names: Vec<_> = fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names, vec![std::ffi::OsString::from("a.txt")]);
    }

    #[test]
    fn write_atomic_failure_leaves_no_temp_file() {
        let dir = tempfile::tempdir().unwrap();
        // Renaming a file onto a non-empty directory fails.
        let target = dir.path().join("busy");
        fs::create_dir(&target).unwrap();
        fs::write(target.join("x"), b"x").unwrap();
        assert!(write_atomic(&target, b"data").is_err());
        let mut names: Vec<_> = fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        names.sort();
        assert_eq!(names, vec![std::ffi::OsString::from("busy")]);
        assert!(write_atomic(Path::new("/"), b"x").is_err());
    }

    #[test]
    fn write_all_writes_every_file() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("nested/out");
        let records = sample_records();
        let summary = sample_summary(&records);
        let paths = write_all(&out, &records, &summary, &sample_info()).unwrap();
        let names: Vec<_> = paths
            .iter()
            .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
            .collect();
        assert_eq!(names, FILE_NAMES);
        for p in &paths {
            assert!(!fs::read(p).unwrap().is_empty(), "{}", p.display());
        }
        assert_eq!(
            fs::read_dir(&out).unwrap().count(),
            FILE_NAMES.len(),
            "no temp files left"
        );
        let back: Records = serde_json::from_slice(&fs::read(&paths[0]).unwrap()).unwrap();
        assert_eq!(back, records);
    }

    #[test]
    fn an_empty_run_still_gives_every_file() {
        let dir = tempfile::tempdir().unwrap();
        let records = Records {
            schema: RECORDS_SCHEMA.into(),
            replies: Vec::new(),
            failures: Vec::new(),
            forms: Vec::new(),
        };
        let summary = tally(&[], &Options::default());
        let mut info = sample_info();
        info.form = None;
        info.deadline = None;
        let paths = write_all(dir.path(), &records, &summary, &info).unwrap();
        assert_eq!(paths.len(), FILE_NAMES.len());
        let html = fs::read_to_string(dir.path().join("report.html")).unwrap();
        assert!(html.contains("No drafts") && html.contains("Nothing to review"));
        assert!(html.contains("[number]"));
    }

    #[test]
    fn write_all_reports_an_unusable_directory() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("file");
        fs::write(&file, b"x").unwrap();
        let records = sample_records();
        let summary = sample_summary(&records);
        let e = write_all(&file.join("out"), &records, &summary, &sample_info()).unwrap_err();
        assert!(matches!(e, ReportError::CreateDir { .. }), "{e:?}");
        assert!(e.to_string().contains("cannot create output directory"));
    }
}
