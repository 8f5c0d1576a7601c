//! `records.csv`: one row per (reply, draft), the contract's seven columns first, then
//! provisional, evidence, date, late and superseded_by. UTF-8 without BOM, RFC 4180 quoting.

use std::io::Write;

use crate::record::Records;

/// The header row. The first seven columns are fixed by the contract.
pub const CSV_HEADER: [&str; 12] = [
    "source",
    "member_state",
    "iso3",
    "draft",
    "decision",
    "comments",
    "text",
    "provisional",
    "evidence",
    "date",
    "late",
    "superseded_by",
];

/// `records.csv` for `records`. Replies without answers have no rows; failures are not rows
/// (they are in `records.json` and the summaries).
pub fn records_csv(records: &Records) -> Vec<u8> {
    // Writing into a Vec cannot fail; should it ever, an empty file with a header is better
    // than a panic.
    build(records).unwrap_or_else(|_| {
        let mut h = CSV_HEADER.join(",");
        h.push('\n');
        h.into_bytes()
    })
}

/// [`records_csv`], written into `w` row by row.
pub fn write_records_csv(w: &mut impl Write, records: &Records) -> std::io::Result<()> {
    write_to(w, records)?;
    Ok(())
}

fn build(records: &Records) -> Result<Vec<u8>, ::csv::Error> {
    write_to(Vec::new(), records)
}

fn write_to<W: Write>(out: W, records: &Records) -> Result<W, ::csv::Error> {
    let mut w = ::csv::WriterBuilder::new()
        .terminator(::csv::Terminator::Any(b'\n'))
        .from_writer(out);
    w.write_record(CSV_HEADER)?;
    for r in &records.replies {
        let (name, iso3) = match &r.member_state {
            Some(m) => (m.name.as_str(), m.iso3.as_str()),
            None => ("", ""),
        };
        for a in &r.answers {
            w.write_record([
                r.source.as_str(),
                name,
                iso3,
                a.draft.as_str(),
                a.decision.as_str(),
                a.comments.map(|c| c.as_str()).unwrap_or(""),
                a.text.as_str(),
                a.provisional.as_deref().unwrap_or(""),
                a.evidence.as_str(),
                r.date.as_deref().unwrap_or(""),
                if r.late { "true" } else { "false" },
                r.superseded_by.as_deref().unwrap_or(""),
            ])?;
        }
    }
    w.flush()?;
    w.into_inner()
        .map_err(|e| ::csv::Error::from(e.into_error()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::tests::sample_records;

    fn read(bytes: &[u8]) -> (Vec<String>, Vec<Vec<String>>) {
        let mut r = ::csv::ReaderBuilder::new().from_reader(bytes);
        let header = r.headers().unwrap().iter().map(str::to_string).collect();
        let rows = r
            .records()
            .map(|x| x.unwrap().iter().map(str::to_string).collect())
            .collect();
        (header, rows)
    }

    #[test]
    fn one_row_per_reply_and_draft_with_the_contract_header() {
        let records = sample_records();
        let bytes = records_csv(&records);
        assert!(
            bytes.starts_with(b"source,member_state,iso3,draft,decision,comments,text"),
            "no BOM, contract columns first"
        );
        let (header, rows) = read(&bytes);
        assert_eq!(header, CSV_HEADER);
        let expected: usize = records.replies.iter().map(|r| r.answers.len()).sum();
        assert_eq!(rows.len(), expected);
        assert_eq!(rows[0][0], "replies/France_reply.docx");
        assert_eq!(rows[0][1], "France");
        assert_eq!(rows[0][2], "FRA");
        assert_eq!(rows[0][3], "X.1353");
        assert_eq!(rows[0][4], "not_authorize");
        assert_eq!(rows[0][5], "");
        assert_eq!(rows[0][7], "X.ztd-iot");
        assert_eq!(rows[0][8], "legacy_checkbox");
        assert_eq!(rows[1][5], "with_comments");
        // Kenya's late reply and the unidentified one.
        assert_eq!(rows[4][10], "true");
        assert_eq!((rows[5][1].as_str(), rows[5][2].as_str()), ("", ""));
        assert_eq!(rows[5][5], "unspecified");
    }

    #[test]
    fn written_row_by_row_gives_the_same_bytes() {
        let records = sample_records();
        let mut streamed = Vec::new();
        write_records_csv(&mut streamed, &records).unwrap();
        assert_eq!(streamed, records_csv(&records));
    }

    #[test]
    fn text_with_commas_quotes_and_newlines_round_trips() {
        let records = sample_records();
        let (_, rows) = read(&records_csv(&records));
        assert_eq!(rows[0][6], records.replies[0].answers[0].text);
        assert!(rows[0][6].contains('\n') && rows[0][6].contains('"'));
    }

    #[test]
    fn empty_records_give_the_header_only() {
        let records = Records::empty();
        let bytes = records_csv(&records);
        assert_eq!(bytes, format!("{}\n", CSV_HEADER.join(",")).into_bytes());
    }
}
