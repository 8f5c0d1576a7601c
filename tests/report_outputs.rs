//! The outputs for people, checked the way people see them: `annex.docx` converted to PDF by
//! LibreOffice (text and pages read back with poppler's `pdftotext`), `report.html` rendered by
//! headless Chromium (the DOM it shows, and a screenshot), `records.xlsx` unzipped. A batch with
//! all six languages, a conflict, late, superseded and unidentified replies and failures, and
//! enough Member States for tables to run over a page. Every file is byte-identical across runs.
//!
//! The LibreOffice and Chromium checks skip, saying why, when those programs are not installed
//! (`.ci/run` installs them). Set `REPLYTALLY_KEEP_OUTPUTS=DIR` to keep the files for a look.

use crate::common;
use std::fs;
use std::io::{Cursor, Read};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use replytally::record::{
    Answer, Comments, Decision, Evidence, Failure, FailureKind, MemberState, Records, Reply,
    Sender, RECORDS_SCHEMA,
};
use replytally::report::{write_all, Circular, RunInfo, FILE_NAMES};
use replytally::tally::{tally, DraftRef, Options, Summary};
use replytally::warning::{Warning, WarningKind};

const DRAFTS: [(&str, Option<&str>); 4] = [
    ("Y.3061", Some("Y.AN-arch")),
    ("Y.3115", Some("Y.NetSlice-sec")),
    ("Y.2245", Some("Y.IoT-hms")),
    ("Y.3172", None),
];

const ARABIC: &str = "لا نوافق على هذا المشروع لأن النطاق يتداخل مع أعمال جارية في لجنة الدراسات 20.";
const CHINESE: &str = "建议在第3.2节中增加“边缘节点”一词的定义。";
const RUSSIAN: &str = "Предлагаем уточнить определение термина «граничный узел» в пункте 3.2.";
const SPANISH: &str =
    "El texto hace referencia a una plataforma propietaria; se necesita una formulación neutral.";
const FRENCH: &str = "Nous suggérons d'harmoniser la liste des abréviations avec la clause 4.";

/// Filler Member States so that the matrix runs over a landscape page.
const MORE: [(&str, &str); 36] = [
    ("Argentina", "ARG"),
    ("Australia", "AUS"),
    ("Austria", "AUT"),
    ("Belgium", "BEL"),
    ("Brazil", "BRA"),
    ("Canada", "CAN"),
    ("Chile", "CHL"),
    ("Colombia", "COL"),
    ("Czech Republic", "CZE"),
    ("Denmark", "DNK"),
    ("Finland", "FIN"),
    ("Ghana", "GHA"),
    ("Greece", "GRC"),
    ("Hungary", "HUN"),
    ("India", "IND"),
    ("Indonesia", "IDN"),
    ("Ireland", "IRL"),
    ("Italy", "ITA"),
    ("Japan", "JPN"),
    ("Jordan", "JOR"),
    ("Korea (Rep. of)", "KOR"),
    ("Malaysia", "MYS"),
    ("Mexico", "MEX"),
    ("Morocco", "MAR"),
    ("Netherlands", "NLD"),
    ("Nigeria", "NGA"),
    ("Norway", "NOR"),
    ("Poland", "POL"),
    ("Portugal", "PRT"),
    ("Saudi Arabia", "SAU"),
    ("Senegal", "SEN"),
    ("Singapore", "SGP"),
    ("Sweden", "SWE"),
    ("Switzerland", "CHE"),
    ("Tunisia", "TUN"),
    ("Zambia", "ZMB"),
];

fn answer(i: usize, decision: Decision, comments: Option<Comments>, text: &str) -> Answer {
    let (draft, provisional) = DRAFTS[i];
    Answer {
        draft: draft.into(),
        provisional: provisional.map(Into::into),
        decision,
        comments,
        text: text.into(),
        evidence: Evidence::LegacyCheckbox,
        scan: None,
    }
}

fn reply(
    source: &str,
    lang: &str,
    ms: Option<(&str, &str)>,
    date: &str,
    answers: Vec<Answer>,
) -> Reply {
    Reply {
        source: source.into(),
        sha256: "0".repeat(64),
        language: lang.into(),
        member_state: ms.map(|(n, c)| MemberState {
            name: n.into(),
            iso3: c.into(),
        }),
        sender: Sender {
            name: Some("Ms A. Delegate".into()),
            ..Sender::default()
        },
        date: Some(date.into()),
        answers,
        ..Reply::default()
    }
}

fn all_authorize() -> Vec<Answer> {
    (0..DRAFTS.len())
        .map(|i| answer(i, Decision::Authorize, Some(Comments::NoComments), ""))
        .collect()
}

/// Every draft authorized without comments but for these answers, given as (draft index,
/// decision, comments, text).
fn authorize_but(changes: &[(usize, Decision, Option<Comments>, &str)]) -> Vec<Answer> {
    let mut answers = all_authorize();
    for &(i, decision, comments, text) in changes {
        answers[i] = answer(i, decision, comments, text);
    }
    answers
}

fn batch() -> (Records, Summary, RunInfo) {
    use Decision::*;
    let mut replies = vec![
        reply(
            "replies/Egypt_reply.docx",
            "ar",
            Some(("Egypt", "EGY")),
            "2026-02-10",
            authorize_but(&[(0, NotAuthorize, None, ARABIC)]),
        ),
        reply(
            "replies/Russia_reply.docx",
            "ru",
            Some(("Russian Federation", "RUS")),
            "2026-02-11",
            authorize_but(&[
                (0, Authorize, Some(Comments::WithComments), RUSSIAN),
                (1, NotAuthorize, None, "Причины изложены в приложении."),
            ]),
        ),
        reply(
            "replies/Spain_reply.docx",
            "es",
            Some(("Spain", "ESP")),
            "2026-02-09",
            authorize_but(&[(2, NotAuthorize, None, SPANISH)]),
        ),
        reply(
            "replies/回复_中国.docx",
            "zh",
            Some(("China", "CHN")),
            "2026-02-12",
            authorize_but(&[
                (1, Authorize, Some(Comments::WithComments), CHINESE),
                (3, NotAuthorize, None, "理由见附件。"),
            ]),
        ),
        reply(
            "replies/France_reponse.docx",
            "fr",
            Some(("France", "FRA")),
            "2026-02-08",
            authorize_but(&[(2, Authorize, Some(Comments::WithComments), FRENCH)]),
        ),
        reply(
            "replies/UK_reply.docx",
            "en",
            Some(("United Kingdom", "GBR")),
            "2026-02-07",
            authorize_but(&[
                (2, Conflict, None, ""),
                (
                    3,
                    NotAuthorize,
                    None,
                    "A technology-neutral formulation is needed <before> approval & \"more\".",
                ),
            ]),
        ),
        reply(
            "replies/Germany_first.docx",
            "en",
            Some(("Germany", "DEU")),
            "2026-02-01",
            vec![answer(
                0,
                NotAuthorize,
                None,
                "Withdrawn by our later reply.",
            )],
        ),
        reply(
            "replies/Germany_rev1.docx",
            "en",
            Some(("Germany", "DEU")),
            "2026-02-05",
            all_authorize(),
        ),
        reply(
            "mail/Kenya.eml!Reply.docx",
            "en",
            Some(("Kenya", "KEN")),
            "2026-03-01",
            vec![answer(0, NotAuthorize, None, "Sent late.")],
        ),
        reply(
            "replies/unsigned.docx",
            "en",
            None,
            "2026-02-06",
            all_authorize(),
        ),
    ];
    replies[6].superseded_by = Some("replies/Germany_rev1.docx".into());
    replies[8].late = true;
    replies[9].warnings.push(Warning::new(
        WarningKind::NoMemberState,
        "the Member State could not be identified from the form",
    ));
    replies[5].warnings.push(Warning::on_draft(
        WarningKind::Conflict,
        "Y.2245",
        "Y.2245: both 'authorizes' and 'does not authorize' are marked (conflict)",
    ));
    replies[3].warnings.push(Warning::on_draft(
        WarningKind::TextNotFound,
        "Y.3172",
        "Y.3172: reasons are said to be attached but none were found",
    ));
    for (i, (name, iso3)) in MORE.iter().enumerate() {
        let mut answers = all_authorize();
        if i % 3 == 0 {
            answers[3] = answer(3, NotAuthorize, None, "Needs more study.");
        }
        if i % 4 == 1 {
            answers[2] = answer(2, NotAuthorize, None, "Not mature.");
        }
        if i % 9 == 2 {
            answers[2] = answer(2, Conflict, None, "");
        }
        if i % 11 == 5 {
            answers[1] = answer(1, NoReply, None, "");
        }
        replies.push(reply(
            &format!("replies/{name}.docx"),
            "en",
            Some((name, iso3)),
            "2026-02-09",
            answers,
        ));
    }
    let mut records = Records {
        schema: RECORDS_SCHEMA.into(),
        replies,
        failures: vec![
            Failure {
                source: "replies/Poland_old.doc".into(),
                kind: FailureKind::LegacyDoc,
                message: "a Word 97-2003 .doc file: open it in Word and save it as .docx".into(),
            },
            Failure {
                source: "replies/locked.docx".into(),
                kind: FailureKind::Encrypted,
                message: "password-protected: ask the sender for an unprotected copy".into(),
            },
        ],
        forms: Vec::new(),
        review: Vec::new(),
        skipped: Vec::new(),
    };
    // As the pipeline builds it.
    records.review = replytally::triage::review_list(&records, &[], None);
    let summary = tally(
        &records.replies,
        &Options {
            threshold: 70.0,
            expected: Some(
                DRAFTS
                    .iter()
                    .map(|(d, p)| DraftRef {
                        draft: d.to_string(),
                        provisional: p.map(Into::into),
                    })
                    .collect(),
            ),
        },
    );
    let info = RunInfo {
        tool_version: "0.1.0".into(),
        inputs: 48,
        form: Some("form/blank_circ117_en.docx".into()),
        deadline: Some("2026-02-13".into()),
        threshold: 70.0,
        circular: Some(Circular {
            number: "117".into(),
            date: Some("12 January 2026".into()),
        }),
    };
    (records, summary, info)
}

/// Write the batch's outputs into a fresh directory (kept under REPLYTALLY_KEEP_OUTPUTS).
fn outputs() -> (tempfile::TempDir, PathBuf) {
    let tmp = tempfile::tempdir().expect("temporary directory");
    let out = tmp.path().join("out");
    let (records, summary, info) = batch();
    write_all(&out, &records, &summary, &info).expect("outputs written");
    if let Some(keep) = std::env::var_os("REPLYTALLY_KEEP_OUTPUTS") {
        let keep = PathBuf::from(keep);
        fs::create_dir_all(&keep).expect("keep dir");
        for name in FILE_NAMES {
            fs::copy(out.join(name), keep.join(name)).expect("copy");
        }
    }
    (tmp, out)
}

/// Run a command with a time limit; its stdout, or a failure message.
fn run(mut cmd: Command, limit: Duration) -> Result<Vec<u8>, String> {
    let what = format!("{cmd:?}");
    let mut child = cmd
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| format!("{what}: {e}"))?;
    let mut stdout = child.stdout.take().expect("piped stdout");
    let reader = std::thread::spawn(move || {
        let mut buf = Vec::new();
        let _ = stdout.read_to_end(&mut buf);
        buf
    });
    let mut stderr = child.stderr.take().expect("piped stderr");
    let err_reader = std::thread::spawn(move || {
        let mut buf = Vec::new();
        let _ = stderr.read_to_end(&mut buf);
        buf
    });
    let start = Instant::now();
    loop {
        match child.try_wait() {
            Ok(Some(status)) => {
                let out = reader.join().unwrap_or_default();
                let err = err_reader.join().unwrap_or_default();
                if status.success() {
                    return Ok(out);
                }
                return Err(format!(
                    "{what}: {status}\n{}",
                    String::from_utf8_lossy(&err)
                ));
            }
            Ok(None) if start.elapsed() > limit => {
                let _ = child.kill();
                let _ = child.wait();
                return Err(format!("{what}: no result after {limit:?}"));
            }
            Ok(None) => std::thread::sleep(Duration::from_millis(100)),
            Err(e) => return Err(format!("{what}: {e}")),
        }
    }
}

fn zip_part(bytes: &[u8], name: &str) -> String {
    let mut z = zip::ZipArchive::new(Cursor::new(bytes)).expect("a zip");
    let mut s = String::new();
    z.by_name(name)
        .unwrap_or_else(|e| panic!("{name}: {e}"))
        .read_to_string(&mut s)
        .expect("utf-8 part");
    s
}

#[test]
fn every_output_is_byte_identical_across_runs() {
    let (_a, first) = outputs();
    // Another thread: docx-rs numbers paragraphs with a per-thread counter.
    let (_b, second) = std::thread::spawn(outputs).join().expect("second run");
    for name in FILE_NAMES {
        let x = fs::read(first.join(name)).expect(name);
        let y = fs::read(second.join(name)).expect(name);
        assert!(!x.is_empty(), "{name} is empty");
        assert!(x == y, "{name} differs between two runs");
    }
}

#[test]
fn every_output_says_what_it_was_made_from() {
    let (_t, out) = outputs();
    let text = |name: &str| String::from_utf8(fs::read(out.join(name)).expect(name)).expect(name);
    for name in ["summary.md", "report.html"] {
        let s = text(name);
        assert!(s.contains("replytally 0.1.0"), "{name}");
        assert!(s.contains("48 inputs"), "{name}");
        assert!(s.contains("form/blank_circ117_en.docx"), "{name}");
        assert!(s.contains("2026-02-13"), "{name}");
        assert!(s.contains("70 %"), "{name}");
    }
    for name in ["records.json", "summary.json"] {
        let v: serde_json::Value = serde_json::from_str(&text(name)).expect(name);
        assert_eq!(v["generated_by"]["version"], "0.1.0", "{name}");
        assert_eq!(v["generated_by"]["inputs"], 48, "{name}");
        assert_eq!(v["generated_by"]["deadline"], "2026-02-13", "{name}");
    }
    let docx = fs::read(out.join("annex.docx")).expect("annex");
    let doc = zip_part(&docx, "word/document.xml");
    assert!(doc.contains("Made by replytally 0.1.0 from 48 inputs"));
    let xlsx = fs::read(out.join("records.xlsx")).expect("xlsx");
    let strings = zip_part(&xlsx, "xl/sharedStrings.xml");
    assert!(strings.contains("replytally 0.1.0") && strings.contains("form/blank_circ117_en.docx"));
}

#[test]
fn annex_opens_in_libreoffice_with_title_drafts_verdicts_and_pages() {
    let Some(soffice) = common::program(&["soffice", "libreoffice"], "libreoffice-writer-nogui")
    else {
        return;
    };
    let Some(pdftotext) = common::program(&["pdftotext"], "poppler-utils") else {
        return;
    };
    let (tmp, out) = outputs();
    let profile = tmp.path().join("lo-profile");
    let pdf_dir = tmp.path().join("pdf");
    let mut cmd = Command::new(soffice);
    cmd.arg(format!(
        "-env:UserInstallation=file://{}",
        profile.display()
    ))
    .args([
        "--headless",
        "--norestore",
        "--convert-to",
        "pdf",
        "--outdir",
    ])
    .arg(&pdf_dir)
    .arg(out.join("annex.docx"));
    run(cmd, Duration::from_secs(240)).expect("LibreOffice converts annex.docx");
    let pdf = pdf_dir.join("annex.pdf");
    assert!(pdf.is_file(), "LibreOffice wrote no PDF");
    let mut cmd = Command::new(pdftotext);
    cmd.arg("-layout").arg(&pdf).arg("-");
    let text = String::from_utf8(run(cmd, Duration::from_secs(60)).expect("pdftotext"))
        .expect("utf-8 text");
    // pdftotext ends every page with a form feed.
    let pages: Vec<&str> = text
        .split('\u{c}')
        .filter(|p| !p.trim().is_empty())
        .collect();
    assert!(pages.len() >= 2, "{} page(s)", pages.len());
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        flat.contains(
            "Results of the consultation of Member States on TSB Circular 117 of 12 January 2026"
        ),
        "{flat}"
    );
    assert!(flat.contains("Resolution 1 (WTSA), §9.4.5"));
    for (draft, _) in DRAFTS {
        assert!(flat.contains(draft), "{draft}");
    }
    for verdict in [
        "may proceed",
        "may not proceed",
        "undecided — review conflicts",
    ] {
        // A narrow table cell may wrap the verdict over two lines: its words, in order.
        let words: Vec<&str> = verdict.split_whitespace().collect();
        assert!(in_order(&flat, &words), "{verdict}");
    }
    assert!(flat.contains("Page 1 of"), "page numbers in the footer");
    assert!(flat.contains(
        FRENCH
            .split_whitespace()
            .take(4)
            .collect::<Vec<_>>()
            .join(" ")
            .as_str()
    ));
    assert!(flat.contains("Germany_first.docx") && flat.contains("Superseded"));
    assert!(flat.contains("Late:"), "Kenya is listed as late");
    draft_sections_show_their_counts(&flat);
    assert!(flat.contains("Poland_old.doc"));
    // The matrix runs over a page: the page with its last row repeats the header row.
    let last_row = pages
        .iter()
        .position(|p| p.contains("Zambia"))
        .expect("Zambia in the matrix");
    let first_row = pages
        .iter()
        .position(|p| p.contains("Argentina"))
        .expect("Argentina in the matrix");
    assert!(
        last_row > first_row,
        "the matrix should run over a page in this batch"
    );
    let page = pages[last_row];
    assert!(
        page.contains("Member State") && page.contains("Y.3061"),
        "header row not repeated:\n{page}"
    );
}

/// Do `words` appear in `hay` in this order?
fn in_order(hay: &str, words: &[&str]) -> bool {
    let mut rest = hay;
    for w in words {
        match rest.find(w) {
            Some(i) => rest = &rest[i + w.len()..],
            None => return false,
        }
    }
    true
}

/// In the annex's PDF text (whitespace collapsed): each draft's own section, under "Reasons
/// and comments received", opens with a table of its counts — replies, authorize, of which
/// with comments, does not authorize, conflicts, no reply, support, verdict — before the
/// reasons quoted, and the numbers are the tally's.
fn draft_sections_show_their_counts(flat: &str) {
    let (_, summary, _) = batch();
    let start = flat
        .rfind("Reasons and comments received")
        .expect("the reasons part of the annex");
    let end = flat[start..]
        .find("Replies not counted")
        .map_or(flat.len(), |i| start + i);
    let part = &flat[start..end];
    let labels: Vec<String> = summary
        .drafts
        .iter()
        .map(|d| match &d.provisional {
            Some(p) => format!("{} ({p})", d.draft),
            None => d.draft.clone(),
        })
        .collect();
    // Where each draft's section starts, in order.
    let mut at = Vec::new();
    let mut from = 0;
    for label in &labels {
        let i = part[from..]
            .find(label.as_str())
            .unwrap_or_else(|| panic!("no section for {label}:\n{part}"));
        at.push(from + i);
        from += i + label.len();
    }
    at.push(part.len());
    let mut checked = 0;
    for (i, d) in summary.drafts.iter().enumerate() {
        let section = &part[at[i]..at[i + 1]];
        let support = d.support.map_or("—".to_string(), |s| format!("{s:.1} %"));
        let numbers = format!(
            "{} {} {} {} {} {} {}",
            d.authorize + d.not_authorize + d.conflict,
            d.authorize,
            d.with_comments,
            d.not_authorize,
            d.conflict,
            d.no_reply,
            support
        );
        let reasons = section
            .find("Reasons of the Member States that do not authorize")
            .unwrap_or_else(|| panic!("{}: no reasons heading:\n{section}", labels[i]));
        let table = &section[..reasons];
        // Header cells wrap over lines, which pdftotext interleaves: each word, not the order.
        for word in [
            "Replies",
            "Authorize",
            "which",
            "comments",
            "Does not",
            "Conflicts",
            "No",
            "Support",
            "Verdict",
        ] {
            assert!(
                table.contains(word),
                "{}: {word} not in the counts table's header:\n{table}",
                labels[i]
            );
        }
        assert!(
            table.contains(&numbers),
            "{}: the counts {numbers} not in its section:\n{table}",
            labels[i]
        );
        let verdict: Vec<&str> = d.verdict().as_str().split_whitespace().collect();
        assert!(
            in_order(table, &verdict),
            "{}: verdict {:?} not in its section:\n{table}",
            labels[i],
            d.verdict().as_str()
        );
        checked += 1;
    }
    assert_eq!(checked, DRAFTS.len());
    // The batch has every verdict, so every kind of section was seen.
    for v in ["may proceed", "may not proceed", "undecided"] {
        assert!(
            summary
                .drafts
                .iter()
                .any(|d| d.verdict().as_str().starts_with(v)),
            "the batch should have a draft that {v}"
        );
    }
}

#[test]
fn report_renders_in_chromium_with_verdicts_chart_and_drafts() {
    let Some(chromium) = common::program(&["chromium", "chromium-browser"], "chromium") else {
        return;
    };
    let (tmp, out) = outputs();
    let page = out.join("report.html");
    let url = format!("file://{}", page.display());
    let chrome = |extra: &[&str], profile: &str| {
        let mut cmd = Command::new(&chromium);
        cmd.args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--hide-scrollbars",
        ])
        .arg(format!(
            "--user-data-dir={}",
            tmp.path().join(profile).display()
        ))
        .args(extra)
        .arg(&url);
        cmd
    };
    let dom =
        run(chrome(&["--dump-dom"], "p1"), Duration::from_secs(180)).expect("chromium --dump-dom");
    let dom = String::from_utf8(dom).expect("utf-8 DOM");
    for verdict in [
        "may proceed",
        "may not proceed",
        "undecided — review conflicts",
    ] {
        assert!(dom.contains(verdict), "{verdict}");
    }
    for (draft, _) in DRAFTS {
        assert!(dom.contains(draft), "{draft}");
    }
    assert!(dom.contains("<svg class=\"chart\""));
    // Each draft's section gives its counts, as in the annex.
    assert_eq!(
        dom.matches("class=\"draft-counts\"").count(),
        DRAFTS.len(),
        "counts in each draft's section"
    );
    // To review: one block per file, conflicts first.
    let first_block = dom.find("class=\"rg ").expect("review blocks");
    assert!(dom[first_block..].starts_with("class=\"rg conflict"));
    assert_eq!(
        dom.matches("class=\"bar-row\"").count(),
        DRAFTS.len(),
        "one bar per draft"
    );
    assert_eq!(dom.matches("class=\"bar ").count(), DRAFTS.len());
    assert_eq!(
        dom.matches("class=\"threshold\"").count(),
        1,
        "the threshold line"
    );
    assert!(dom.contains(&format!("<blockquote dir=\"rtl\">{ARABIC}</blockquote>")));
    assert!(dom.contains(CHINESE));
    // The to-review list names each failure's and warning's file.
    for source in [
        "replies/Poland_old.doc",
        "replies/locked.docx",
        "replies/unsigned.docx",
    ] {
        assert!(dom.contains(source), "{source}");
    }
    assert!(
        !dom.contains("&lt;before&gt;") || dom.contains("formulation is needed &lt;before&gt;")
    );

    let shot = tmp.path().join("shot.png");
    let arg = format!("--screenshot={}", shot.display());
    run(
        chrome(&[&arg, "--window-size=1280,2000"], "p2"),
        Duration::from_secs(180),
    )
    .expect("chromium --screenshot");
    let png = fs::read(&shot).expect("screenshot written");
    assert!(
        png.starts_with(b"\x89PNG") && png.len() > 10_000,
        "a real screenshot"
    );
    // A phone-sized window renders too (the matrix scrolls inside its box).
    let narrow = tmp.path().join("narrow.png");
    let arg = format!("--screenshot={}", narrow.display());
    run(
        chrome(&[&arg, "--window-size=400,1600"], "p3"),
        Duration::from_secs(180),
    )
    .expect("chromium --screenshot, 400 px wide");
    let png = fs::read(&narrow).expect("narrow screenshot written");
    assert!(png.starts_with(b"\x89PNG") && png.len() > 10_000);
    if let Some(keep) = std::env::var_os("REPLYTALLY_KEEP_OUTPUTS") {
        let _ = fs::copy(&shot, Path::new(&keep).join("report.png"));
        let _ = fs::copy(&narrow, Path::new(&keep).join("report-400.png"));
    }
}

#[test]
fn workbook_has_sheets_frozen_headers_filters_and_scripts() {
    let (_t, out) = outputs();
    let bytes = fs::read(out.join("records.xlsx")).expect("records.xlsx");
    let wb = zip_part(&bytes, "xl/workbook.xml");
    for name in ["Tally", "Answers", "Replies", "Failures", "About"] {
        assert!(wb.contains(&format!("name=\"{name}\"")), "sheet {name}");
    }
    for i in 1..=5 {
        let sheet = zip_part(&bytes, &format!("xl/worksheets/sheet{i}.xml"));
        assert!(sheet.contains("state=\"frozen\""), "sheet{i} frozen header");
        assert!(sheet.contains("ySplit=\"1\""), "sheet{i} frozen at row 1");
        assert!(sheet.contains("<autoFilter ref=\"A1:"), "sheet{i} filter");
        assert!(sheet.contains("<col "), "sheet{i} widths");
        // Printed landscape, one page wide, with page numbers; the header row on every page.
        assert!(
            sheet.contains("orientation=\"landscape\""),
            "sheet{i} landscape"
        );
        assert!(sheet.contains("fitToPage=\"1\""), "sheet{i} one page wide");
        assert!(sheet.contains("&amp;P of &amp;N"), "sheet{i} page numbers");
    }
    assert_eq!(wb.matches("_xlnm.Print_Titles").count(), 5, "{wb}");
    let strings = zip_part(&bytes, "xl/sharedStrings.xml");
    assert!(strings.contains(CHINESE), "Chinese text in a cell");
    assert!(strings.contains(ARABIC), "Arabic text in a cell");
    assert!(
        zip_part(&bytes, "xl/styles.xml").contains("readingOrder=\"2\""),
        "right-to-left cells"
    );
    let answers = zip_part(&bytes, "xl/worksheets/sheet2.xml");
    // Rows with long, wrapped reasons are made tall enough (LibreOffice does not grow them).
    assert!(
        answers.contains("customHeight=\"1\""),
        "tall rows for wrapped text"
    );
    // 46 replies: 4 answers each, but for the first Germany and Kenya (1 each).
    assert!(
        answers.contains("<autoFilter ref=\"A1:J"),
        "{}",
        &answers[..200.min(answers.len())]
    );
}

#[test]
fn samples_run_twice_gives_the_same_bytes() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let tmp = tempfile::tempdir().expect("temporary directory");
    let run_into = |dir: &Path| {
        replytally::pipeline::run(&replytally::pipeline::RunOptions {
            inputs: vec![root.join("samples")],
            out: dir.to_path_buf(),
            forms: Vec::new(),
            deadline: Some("2026-02-13".into()),
            threshold: 70.0,
            jobs: Some(2),
            convert: false,
            progress: false,
            corrections: Default::default(),
            cache: Default::default(),
            excerpts: false,
        })
        .expect("the samples run")
    };
    let a = tmp.path().join("a");
    let b = tmp.path().join("b");
    run_into(&a);
    run_into(&b);
    for name in FILE_NAMES {
        let x = fs::read(a.join(name)).expect(name);
        let y = fs::read(b.join(name)).expect(name);
        assert!(x == y, "{name} differs between two runs of samples/");
    }
    let html = fs::read_to_string(a.join("report.html")).expect("html");
    assert!(
        html.contains("TSB Circular 117"),
        "the circular found in the samples"
    );
}

#[test]
fn practice_set_names_circular_42_in_every_report() {
    let Some(shared) = common::shared("replies") else {
        return;
    };
    let tmp = tempfile::tempdir().expect("temporary directory");
    let out = tmp.path().join("out");
    replytally::pipeline::run(&replytally::pipeline::RunOptions {
        inputs: vec![shared.join("circ42")],
        out: out.clone(),
        forms: vec![shared.join("form/circ42-en.docx")],
        deadline: Some("2023-02-09".into()),
        threshold: 70.0,
        jobs: Some(2),
        convert: false,
        progress: false,
        corrections: Default::default(),
        cache: Default::default(),
        excerpts: false,
    })
    .expect("the practice run");
    let title = "Results of the consultation of Member States on TSB Circular 42";
    let md = fs::read_to_string(out.join("summary.md")).expect("summary.md");
    assert!(md.starts_with(&format!("# {title}")), "{md}");
    let html = fs::read_to_string(out.join("report.html")).expect("report.html");
    assert!(html.contains(&format!("<title>{title}</title>")));
    let docx = fs::read(out.join("annex.docx")).expect("annex.docx");
    let doc = zip_part(&docx, "word/document.xml");
    assert!(doc.contains("TSB Circular 42 of "), "title in the annex");
    // Both failures of the practice set are listed in the annex and the page.
    for f in ["Poland_reply_circ42.doc", "Greece_reply_circ42.docx"] {
        assert!(doc.contains(f), "{f} in the annex");
        assert!(html.contains(f), "{f} in the page");
    }
}

/// A consultation on many drafts (15, more than one matrix table holds) with long reasons:
/// the annex splits the matrix into tables that each repeat their header, every draft keeps its
/// own section with its counts table, and the page and the workbook keep every draft.
#[test]
fn many_drafts_split_the_matrix_and_keep_every_section() {
    let drafts: Vec<(String, Option<String>)> = (0..15)
        .map(|i| {
            (
                format!("Q.{}", 3000 + i),
                (i % 2 == 0).then(|| format!("Q.long-provisional-name-{i}")),
            )
        })
        .collect();
    let long = "The draft does not take into account the existing national numbering plans; \
                clause 7 would require changes to signalling that operators cannot make within \
                the time given, and the terms defined in clause 3 conflict with those of \
                Recommendation ITU-T Q.1 as revised in 2024. "
        .repeat(3);
    let replies: Vec<Reply> = MORE
        .iter()
        .enumerate()
        .map(|(n, (name, iso3))| {
            let answers = drafts
                .iter()
                .enumerate()
                .map(|(i, (d, p))| {
                    let (decision, comments, text) = if (n + i) % 7 == 0 {
                        (Decision::NotAuthorize, None, long.clone())
                    } else if (n + i) % 5 == 0 {
                        (
                            Decision::Authorize,
                            Some(Comments::WithComments),
                            CHINESE.to_string(),
                        )
                    } else {
                        (
                            Decision::Authorize,
                            Some(Comments::NoComments),
                            String::new(),
                        )
                    };
                    Answer {
                        draft: d.clone(),
                        provisional: p.clone(),
                        decision,
                        comments,
                        text,
                        evidence: Evidence::LegacyCheckbox,
                        scan: None,
                    }
                })
                .collect();
            reply(
                &format!("replies/{name}.docx"),
                "en",
                Some((name, iso3)),
                "2026-02-09",
                answers,
            )
        })
        .collect();
    let mut records = Records {
        schema: RECORDS_SCHEMA.into(),
        replies,
        failures: Vec::new(),
        forms: Vec::new(),
        review: Vec::new(),
        skipped: Vec::new(),
    };
    // As the pipeline builds it.
    records.review = replytally::triage::review_list(&records, &[], None);
    let summary = tally(
        &records.replies,
        &Options {
            threshold: 70.0,
            expected: Some(
                drafts
                    .iter()
                    .map(|(d, p)| DraftRef {
                        draft: d.clone(),
                        provisional: p.clone(),
                    })
                    .collect(),
            ),
        },
    );
    assert_eq!(summary.drafts.len(), 15);
    let info = RunInfo {
        tool_version: "0.1.0".into(),
        inputs: records.replies.len(),
        form: None,
        deadline: None,
        threshold: 70.0,
        circular: None,
    };
    let tmp = tempfile::tempdir().expect("temporary directory");
    let out = tmp.path().join("out");
    write_all(&out, &records, &summary, &info).expect("outputs written");
    if let Some(keep) = std::env::var_os("REPLYTALLY_KEEP_OUTPUTS") {
        let keep = PathBuf::from(keep).join("many-drafts");
        fs::create_dir_all(&keep).expect("keep dir");
        for name in FILE_NAMES {
            fs::copy(out.join(name), keep.join(name)).expect("copy");
        }
    }
    let docx = fs::read(out.join("annex.docx")).expect("annex");
    let doc = zip_part(&docx, "word/document.xml");
    // Results, two matrix tables (12 + 3 drafts), 15 draft tables; no failures, none left out.
    assert_eq!(doc.matches("<w:tbl>").count(), 1 + 2 + 15, "tables");
    assert_eq!(doc.matches("<w:tblHeader />").count(), 1 + 2 + 15);
    for (d, _) in &drafts {
        assert!(doc.contains(d.as_str()), "{d} in the annex");
    }
    let html = fs::read_to_string(out.join("report.html")).expect("report.html");
    assert_eq!(html.matches("class=\"bar-row\"").count(), 15);
    assert_eq!(html.matches("class=\"draft-counts\"").count(), 15);
    assert!(html.contains("[number]"), "the circular's placeholder");
    let xlsx = fs::read(out.join("records.xlsx")).expect("records.xlsx");
    let tally_sheet = zip_part(&xlsx, "xl/worksheets/sheet1.xml");
    assert!(
        tally_sheet.contains("<autoFilter ref=\"A1:J16\""),
        "15 drafts in the Tally sheet"
    );
}
