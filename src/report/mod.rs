//! The output files: `records.json`, `records.csv`, `records.xlsx`, `summary.json`,
//! `summary.md`, `report.html` and `annex.docx`, each written atomically (temporary file in the
//! same directory, fsync, rename), so that a crash never leaves half a file behind. Every file
//! says what it was made from ([`RunInfo`]) and is byte-identical for the same inputs.
//!
//! Memory: the files are made three at a time (the workbook, the annex, the rest one after
//! another), each written into its temporary file as it is made (`write_*` beside each
//! in-memory builder), so that a large run holds its records and three outputs' working sets
//! — not the outputs themselves.

mod annex;
mod csv_out;
mod html;
mod index;
mod json;
mod markdown;
mod sink;
mod view;
mod xlsx;

use std::fs;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

use tempfile::NamedTempFile;

pub use self::annex::{annex_docx, write_annex_docx, AnnexError};
pub use self::csv_out::{records_csv, write_records_csv, CSV_HEADER};
pub use self::html::{report_html, write_report_html};
pub use self::index::{
    index_html, index_json, write_index, IndexEntry, INDEX_HTML, INDEX_JSON, INDEX_SCHEMA,
};
pub use self::json::{records_json, records_json_with, summary_json, write_records_json};
pub use self::markdown::{summary_md, write_summary_md};
pub use self::xlsx::{records_xlsx, write_records_xlsx};

pub use crate::record::Circular;
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
    /// The TSB Circular consulted, when the blank form or the replies name it (chosen by
    /// `form::circular::of_run`); the reports show a placeholder otherwise.
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
    write_atomic_with(path, |w| w.write_all(bytes))
}

/// Write a file atomically, its content written by `fill` straight into a temporary file in
/// the same directory (buffered), so that the file is never held in memory whole; then fsync
/// and rename. The temporary file is removed on any error, from `fill` or the file system, and
/// when `fill` panics (it is deleted when dropped); the first error is returned.
pub fn write_atomic_with<E>(
    path: &Path,
    fill: impl FnOnce(&mut BufWriter<NamedTempFile>) -> Result<(), E>,
) -> Result<(), E>
where
    E: From<std::io::Error>,
{
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
    let mut prefix = std::ffi::OsString::from(".");
    prefix.push(name);
    prefix.push(".");
    let tmp = tempfile::Builder::new()
        .prefix(&prefix)
        .suffix(".tmp")
        .tempfile_in(dir)?;
    let mut w = BufWriter::with_capacity(1 << 16, tmp);
    fill(&mut w)?;
    let tmp = w.into_inner().map_err(|e| e.into_error())?;
    tmp.as_file().sync_all()?;
    tmp.persist(path).map_err(|e| e.error)?;
    // Make the rename itself durable where directories can be synced (not on Windows).
    #[cfg(unix)]
    if let Ok(d) = fs::File::open(dir) {
        let _ = d.sync_all();
    }
    Ok(())
}

/// What a `write_*` function writes, in memory. Writing into a `Vec` cannot fail; should it
/// ever, the bytes written so far are better than a panic.
fn in_memory(write: impl FnOnce(&mut Vec<u8>) -> std::io::Result<()>) -> Vec<u8> {
    let mut out = Vec::new();
    let _ = write(&mut out);
    out
}

/// Why one output file could not be written: making its content, or the file system.
enum Fail {
    Build(String),
    Io(std::io::Error),
}

impl From<std::io::Error> for Fail {
    fn from(e: std::io::Error) -> Fail {
        Fail::Io(e)
    }
}

impl From<rust_xlsxwriter::XlsxError> for Fail {
    fn from(e: rust_xlsxwriter::XlsxError) -> Fail {
        match e {
            rust_xlsxwriter::XlsxError::IoError(e) => Fail::Io(e),
            e => Fail::Build(e.to_string()),
        }
    }
}

impl From<AnnexError> for Fail {
    fn from(e: AnnexError) -> Fail {
        match e {
            AnnexError::Io(e) => Fail::Io(e),
            e => Fail::Build(e.to_string()),
        }
    }
}

/// What makes one output, into its temporary file.
type Fill<'a> = dyn FnMut(&mut BufWriter<NamedTempFile>) -> Result<(), Fail> + Send + 'a;

/// Write every file of [`FILE_NAMES`] into dir (create it). Returns the paths written.
///
/// The workbook and the annex each beside the five others, which are written one at a time in
/// the order of [`FILE_NAMES`]; each is made straight into its temporary file where its
/// writer can (records, workbook, annex) and dropped before the next one is made: memory
/// holds the records and three outputs' working sets, never all seven files. A file that
/// cannot be made stops the files after it on its side; the first error in file order is
/// returned.
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
    let put = |file: &'static str, fill: &mut Fill| -> Result<PathBuf, ReportError> {
        let path = dir.join(file);
        match write_atomic_with(&path, fill) {
            Ok(()) => Ok(path),
            Err(Fail::Build(message)) => Err(ReportError::Build { file, message }),
            Err(Fail::Io(source)) => Err(ReportError::Write { path, source }),
        }
    };
    // Three sides, about as long as each other on small replies: the workbook, the annex,
    // and the five others one after another. Each side stops at its first error.
    let (workbook, (annex, others)) = rayon::join(
        || {
            // The sheets are spooled in the output directory: known to be writable, and not
            // a memory-backed /tmp.
            put(FILE_NAMES[2], &mut |w| {
                Ok(write_records_xlsx(w, dir, summary, records, info)?)
            })
        },
        || {
            rayon::join(
                || {
                    put(FILE_NAMES[6], &mut |w| {
                        Ok(write_annex_docx(w, summary, records, info)?)
                    })
                },
                || -> Vec<(usize, Result<PathBuf, ReportError>)> {
                    let mut fills: [(usize, &mut Fill); 5] = [
                        (0, &mut |w| Ok(write_records_json(w, records, info)?)),
                        (1, &mut |w| Ok(write_records_csv(w, records)?)),
                        (3, &mut |w| Ok(w.write_all(&summary_json(summary, info))?)),
                        (4, &mut |w| Ok(write_summary_md(w, summary, records, info)?)),
                        (5, &mut |w| {
                            Ok(write_report_html(w, summary, records, info)?)
                        }),
                    ];
                    let mut done = Vec::new();
                    for (i, fill) in fills.iter_mut() {
                        let r = put(FILE_NAMES[*i], fill);
                        let failed = r.is_err();
                        done.push((*i, r));
                        if failed {
                            break;
                        }
                    }
                    done
                },
            )
        },
    );
    // In file order: the paths written, or the first error.
    let mut done = others;
    done.push((2, workbook));
    done.push((6, annex));
    done.sort_by_key(|(i, _)| *i);
    let written = done
        .into_iter()
        .map(|(_, r)| r)
        .collect::<Result<Vec<_>, _>>()?;
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
                    scan: None,
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
                ..Reply::default()
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
        fr.warnings.push(crate::warning::Warning::new(
            crate::warning::WarningKind::TrackedChanges,
            "tracked changes were present",
        ));
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
        let mut records = Records {
            schema: RECORDS_SCHEMA.into(),
            forms: Vec::new(),
            review: Vec::new(),
            skipped: Vec::new(),
            replies: vec![fr, de, late, who],
            failures: vec![Failure {
                source: "replies/old.doc".into(),
                kind: FailureKind::LegacyDoc,
                message: "Word 97-2003 file: save it as .docx and run again".into(),
            }],
        };
        // As the pipeline builds it.
        records.review = crate::triage::review_list(&records, &[], None);
        records
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

    /// One part of a zip package (a workbook, a Word document), as text.
    pub(crate) fn zip_part(bytes: &[u8], name: &str) -> String {
        use std::io::Read;
        let mut z = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
        let mut s = String::new();
        z.by_name(name).unwrap().read_to_string(&mut s).unwrap();
        s
    }

    pub(crate) fn assert_well_formed(xml: &str) {
        let mut reader = quick_xml::Reader::from_str(xml);
        loop {
            match reader.read_event() {
                Ok(quick_xml::events::Event::Eof) => break,
                Ok(_) => {}
                Err(e) => panic!("not well-formed: {e}"),
            }
        }
    }

    /// The three verdicts of the sample: every report shows each.
    pub(crate) fn assert_has_every_verdict(text: &str) {
        for verdict in [
            "may proceed",
            "may not proceed",
            "undecided — review conflicts",
        ] {
            assert!(text.contains(verdict), "{verdict}");
        }
    }

    /// A non-empty directory `name` in `dir`: renaming a file onto it fails.
    fn busy(dir: &Path, name: &str) -> PathBuf {
        let busy = dir.join(name);
        fs::create_dir(&busy).unwrap();
        fs::write(busy.join("x"), b"x").unwrap();
        busy
    }

    /// The names in `dir`, sorted.
    fn names_in(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> = fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
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
        assert_eq!(names_in(dir.path()), ["a.txt"]);
    }

    #[test]
    fn write_atomic_failure_leaves_no_temp_file() {
        let dir = tempfile::tempdir().unwrap();
        let target = busy(dir.path(), "busy");
        assert!(write_atomic(&target, b"data").is_err());
        assert_eq!(names_in(dir.path()), ["busy"]);
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
        assert_eq!(json::records_json(&back), json::records_json(&records));
        // Written straight into the files, one at a time: the bytes the in-memory builders give.
        let info = sample_info();
        let in_memory: [Vec<u8>; 7] = [
            records_json_with(&records, &info),
            records_csv(&records),
            records_xlsx(&summary, &records, &info).unwrap(),
            summary_json(&summary, &info),
            summary_md(&summary, &records, &info),
            report_html(&summary, &records, &info),
            annex_docx(&summary, &records, &info).unwrap(),
        ];
        for (p, bytes) in paths.iter().zip(in_memory) {
            assert!(fs::read(p).unwrap() == bytes, "{}", p.display());
        }
    }

    #[test]
    fn a_file_that_cannot_be_written_is_reported_and_leaves_no_temp_file() {
        let dir = tempfile::tempdir().unwrap();
        // Where the workbook goes: its rename fails.
        let busy = busy(dir.path(), "records.xlsx");
        let records = sample_records();
        let summary = sample_summary(&records);
        let e = write_all(dir.path(), &records, &summary, &sample_info()).unwrap_err();
        match &e {
            ReportError::Write { path, .. } => assert_eq!(path, &busy),
            other => panic!("{other:?}"),
        }
        assert!(e.to_string().contains("cannot write"), "{e}");
        // The workbook is written beside the others, which are all there; no temporary file.
        assert_eq!(
            names_in(dir.path()),
            [
                "annex.docx",
                "records.csv",
                "records.json",
                "records.xlsx",
                "report.html",
                "summary.json",
                "summary.md"
            ]
        );
        assert!(busy.join("x").exists());
    }

    #[test]
    fn write_atomic_with_streams_into_the_file() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("s.txt");
        write_atomic_with(&p, |w| {
            for i in 0..3 {
                write!(w, "{i}")?;
            }
            Ok::<(), std::io::Error>(())
        })
        .unwrap();
        assert_eq!(fs::read(&p).unwrap(), b"012");
        // An error from the writer: nothing replaced, no temp file.
        let r = write_atomic_with(&p, |w| {
            w.write_all(b"partial")?;
            Err(std::io::Error::other("made up"))
        });
        assert!(r.is_err());
        assert_eq!(fs::read(&p).unwrap(), b"012");
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn a_panic_while_writing_leaves_no_temp_file() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("p.txt");
        let panicked = std::panic::catch_unwind(|| {
            let _ = write_atomic_with(&p, |w| -> std::io::Result<()> {
                w.write_all(&[b'x'; 1 << 17])?;
                panic!("a bug while writing");
            });
        });
        assert!(panicked.is_err());
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 0);
    }

    #[test]
    fn an_empty_run_still_gives_every_file() {
        let dir = tempfile::tempdir().unwrap();
        let records = Records {
            schema: RECORDS_SCHEMA.into(),
            replies: Vec::new(),
            failures: Vec::new(),
            forms: Vec::new(),
            review: Vec::new(),
            skipped: Vec::new(),
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
