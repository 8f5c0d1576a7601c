//! `records.json` and `summary.json`: pretty-printed, trailing newline, deterministic (field
//! order is the order of the record types; nothing depends on hash order or the clock).

use std::io::Write;

use serde::Serialize;

use super::RunInfo;
use crate::record::Records;
use crate::tally::{serialize_number, Summary};

/// Pretty JSON with a trailing newline. Serializing these plain types cannot fail; should it
/// ever, the file says so instead of the program panicking.
fn pretty<T: Serialize>(value: &T) -> Vec<u8> {
    let mut out = serde_json::to_vec_pretty(value).unwrap_or_else(|e| {
        serde_json::to_vec(&serde_json::json!({ "error": e.to_string() })).unwrap_or_default()
    });
    out.push(b'\n');
    out
}

/// [`pretty`], written into `w` as it is serialized (the records file is the largest output:
/// it is never held in memory whole).
fn pretty_to<T: Serialize>(w: &mut impl Write, value: &T) -> std::io::Result<()> {
    serde_json::to_writer_pretty(&mut *w, value)?;
    w.write_all(b"\n")
}

/// The records alone, as `replytally extract` prints them.
pub fn records_json(records: &Records) -> Vec<u8> {
    pretty(records)
}

#[derive(Serialize)]
struct RecordsFile<'a> {
    #[serde(flatten)]
    records: &'a Records,
    generated_by: GeneratedBy<'a>,
}

/// `records.json`: the contract's keys, then `generated_by` (what the run was made from).
pub fn records_json_with(records: &Records, info: &RunInfo) -> Vec<u8> {
    pretty(&RecordsFile {
        records,
        generated_by: GeneratedBy::of(info),
    })
}

/// [`records_json_with`], written into `w`.
pub fn write_records_json(
    w: &mut impl Write,
    records: &Records,
    info: &RunInfo,
) -> std::io::Result<()> {
    pretty_to(
        w,
        &RecordsFile {
            records,
            generated_by: GeneratedBy::of(info),
        },
    )
}

/// The extra `generated_by` object of `summary.json`: how the summary was made.
#[derive(Serialize)]
struct GeneratedBy<'a> {
    tool: &'static str,
    version: &'a str,
    inputs: usize,
    form: Option<&'a str>,
    deadline: Option<&'a str>,
    #[serde(serialize_with = "serialize_number")]
    threshold: f64,
}

impl<'a> GeneratedBy<'a> {
    fn of(info: &'a RunInfo) -> Self {
        GeneratedBy {
            tool: "replytally",
            version: &info.tool_version,
            inputs: info.inputs,
            form: info.form.as_deref(),
            deadline: info.deadline.as_deref(),
            threshold: info.threshold,
        }
    }
}

#[derive(Serialize)]
struct SummaryFile<'a> {
    #[serde(flatten)]
    summary: &'a Summary,
    generated_by: GeneratedBy<'a>,
}

/// `summary.json`: the contract's keys, then `generated_by`.
pub fn summary_json(summary: &Summary, info: &RunInfo) -> Vec<u8> {
    pretty(&SummaryFile {
        summary,
        generated_by: GeneratedBy::of(info),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::tests::{sample_info, sample_records, sample_summary};
    use serde_json::{json, Value};

    #[test]
    fn records_round_trip_and_are_deterministic() {
        let records = sample_records();
        let bytes = records_json(&records);
        assert_eq!(bytes.last(), Some(&b'\n'));
        assert!(bytes.starts_with(b"{\n  \"schema\": \"replytally.records/1\",\n  \"replies\": ["));
        // Warnings come back as their messages only (kind `other`): compare what is written.
        let back: Records = serde_json::from_slice(&bytes).unwrap();
        assert_eq!(records_json(&back), bytes);
        let v: Value = serde_json::from_slice(&bytes).unwrap();
        let first = &v["replies"][0];
        for key in [
            "source",
            "sha256",
            "language",
            "member_state",
            "sender",
            "date",
            "answers",
            "superseded_by",
            "late",
            "warnings",
        ] {
            assert!(first.get(key).is_some(), "missing {key}");
        }
        assert_eq!(first["answers"][0]["decision"], json!("not_authorize"));
        assert_eq!(first["answers"][0]["comments"], Value::Null);
        assert_eq!(first["answers"][1]["comments"], json!("with_comments"));
        assert_eq!(v["replies"][3]["member_state"], Value::Null);
        assert_eq!(v["failures"][0]["kind"], json!("legacy_doc"));
    }

    #[test]
    fn records_file_says_what_it_was_made_from() {
        let records = sample_records();
        let bytes = records_json_with(&records, &sample_info());
        let v: Value = serde_json::from_slice(&bytes).unwrap();
        let text = String::from_utf8(bytes.clone()).unwrap();
        assert!(text.starts_with("{\n  \"schema\": \"replytally.records/1\",\n  \"replies\""));
        assert!(
            text.find("\n  \"failures\"").unwrap() < text.find("\n  \"generated_by\"").unwrap()
        );
        assert_eq!(v["generated_by"]["inputs"], json!(5));
        assert_eq!(v["generated_by"]["form"], json!("form/circ42-en.docx"));
        let back: Records = serde_json::from_slice(&bytes).unwrap();
        assert_eq!(records_json(&back), records_json(&records));
        let mut streamed = Vec::new();
        write_records_json(&mut streamed, &records, &sample_info()).unwrap();
        assert_eq!(
            streamed, bytes,
            "written as it is serialized: the same bytes"
        );
    }

    #[test]
    fn summary_has_the_contract_keys() {
        let records = sample_records();
        let summary = sample_summary(&records);
        let bytes = summary_json(&summary, &sample_info());
        assert_eq!(bytes.last(), Some(&b'\n'));
        let v: Value = serde_json::from_slice(&bytes).unwrap();
        assert_eq!(v["schema"], json!("replytally.summary/1"));
        assert_eq!(v["threshold"], json!(70));
        assert!(v["threshold"].is_u64(), "70, not 70.0");
        assert_eq!(v["member_states_replied"], json!(2));
        let drafts = v["drafts"].as_array().unwrap();
        assert_eq!(drafts.len(), 3);
        let keys = [
            "draft",
            "provisional",
            "authorize",
            "with_comments",
            "not_authorize",
            "conflict",
            "no_reply",
            "support",
            "meets_threshold",
        ];
        for d in drafts {
            for k in keys {
                assert!(d.get(k).is_some(), "missing {k} in {d}");
            }
        }
        assert_eq!(
            drafts[0],
            json!({"draft": "X.1353", "provisional": "X.ztd-iot", "authorize": 1,
                   "with_comments": 0, "not_authorize": 1, "conflict": 0, "no_reply": 0,
                   "support": 50.0, "meets_threshold": false})
        );
        assert_eq!(drafts[1]["meets_threshold"], Value::Null);
        assert_eq!(drafts[2]["support"], Value::Null);
        assert_eq!(drafts[2]["no_reply"], json!(2));
        assert_eq!(v["generated_by"]["inputs"], json!(5));
        assert_eq!(v["generated_by"]["deadline"], json!("2023-02-09"));
        assert_eq!(v["generated_by"]["threshold"], json!(70));
        // Reads back as a Summary (extra fields ignored).
        let back: Summary = serde_json::from_slice(&bytes).unwrap();
        assert_eq!(back, summary);
    }

    #[test]
    fn fractional_threshold_is_written_as_is() {
        let records = sample_records();
        let mut summary = sample_summary(&records);
        summary.threshold = 66.5;
        let mut info = sample_info();
        info.threshold = 66.5;
        let v: Value = serde_json::from_slice(&summary_json(&summary, &info)).unwrap();
        assert_eq!(v["threshold"], json!(66.5));
        assert_eq!(v["generated_by"]["threshold"], json!(66.5));
    }
}
