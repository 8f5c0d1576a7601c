//! Temporary probe (bench helper): peak memory of each report writer. Deleted after use.
use replytally::{pipeline, report, tally};
use std::path::PathBuf;
fn hwm() -> String {
    std::fs::read_to_string("/proc/self/status").unwrap().lines().filter(|l| l.starts_with("VmHWM") || l.starts_with("VmRSS")).collect::<Vec<_>>().join(" ")
}
fn main() {
    let mut a = std::env::args().skip(1);
    let dir = PathBuf::from(a.next().unwrap());
    let which = a.next().unwrap();
    let records = pipeline::extract(&[dir]);
    let summary = tally::tally(&records.replies, &tally::Options { threshold: 70.0, expected: None });
    let info = report::RunInfo { tool_version: "x".into(), inputs: records.replies.len(), form: None, deadline: None, threshold: 70.0, circular: None };
    println!("after reading: {}", hwm());
    let t = std::time::Instant::now();
    let n = match which.as_str() {
        "json" => report::records_json_with(&records, &info).len(),
        "csv" => report::records_csv(&records).len(),
        "xlsx" => report::records_xlsx(&summary, &records, &info).unwrap().len(),
        "summary" => report::summary_json(&summary, &info).len(),
        "md" => report::summary_md(&summary, &records, &info).len(),
        "html" => report::report_html(&summary, &records, &info).len(),
        "docx" => report::annex_docx(&summary, &records, &info).unwrap().len(),
        _ => 0,
    };
    println!("{which}: {n} bytes, {:.3} s, {}", t.elapsed().as_secs_f64(), hwm());
}
