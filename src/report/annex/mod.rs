//! `annex.docx`: the results as a Word document a Counsellor pastes into the meeting report —
//! title, the rule applied, the results table, the Member States × drafts matrix in a
//! landscape section, the reasons and comments per draft, the replies left out, and what the
//! annex was made from.
//!
//! Written with docx-rs: [`layout`] (page, styles, the builders every part is made of),
//! [`tables`] and [`sections`] (the document, top to bottom); then finished by [`edits`], the
//! one place where docx-rs's output bytes are changed: what docx-rs cannot write (header rows
//! repeated on each page, `Normal` as the default style, fixed paragraph ids and document
//! properties, a re-zip with fixed timestamps, so that the same inputs give the same bytes)
//! and what it writes out of Word's schema order ([`schema`]). The tables that grow with the
//! number of files (replies left out, files not read) are not kept in the document model:
//! their rows are built by docx-rs one at a time while the document is written out.

mod edits;
mod layout;
mod schema;
mod sections;
mod tables;

use std::io::{Cursor, Seek, Write};

use super::view;
use super::RunInfo;
use crate::record::Records;
use crate::tally::Summary;

/// Why the annex could not be made.
#[derive(Debug, thiserror::Error)]
pub enum AnnexError {
    /// docx-rs or zip failed on our own output.
    #[error("{0}")]
    Build(String),
    /// Writing the annex out failed.
    #[error("{0}")]
    Io(#[from] std::io::Error),
}

impl From<zip::result::ZipError> for AnnexError {
    fn from(e: zip::result::ZipError) -> AnnexError {
        match e {
            zip::result::ZipError::Io(e) => AnnexError::Io(e),
            e => AnnexError::Build(e.to_string()),
        }
    }
}

/// `annex.docx`.
pub fn annex_docx(
    summary: &Summary,
    records: &Records,
    info: &RunInfo,
) -> Result<Vec<u8>, AnnexError> {
    let mut out = Cursor::new(Vec::new());
    write_annex_docx(&mut out, summary, records, info)?;
    Ok(out.into_inner())
}

/// [`annex_docx`], written into `out`. The document model and its XML hold the parts that
/// grow with the number of Member States and drafts; the rows that grow with the number of
/// files (replies left out, files not read) are made and written one at a time.
pub fn write_annex_docx<W: Write + Seek>(
    out: W,
    summary: &Summary,
    records: &Records,
    info: &RunInfo,
) -> Result<(), AnnexError> {
    let (y, m, d) = view::created_date(records);
    let created = format!("{y:04}-{m:02}-{d:02}T00:00:00Z");
    let docx = sections::build(summary, records, info)
        .created_at(&created)
        .updated_at(&created);
    let mut packed = Cursor::new(Vec::new());
    docx.build()
        .pack(&mut packed)
        .map_err(|e| AnnexError::Build(format!("docx-rs could not write the document: {e}")))?;
    edits::finish(packed.get_ref(), out, records, info)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::edits::{renumber_para_ids, CHUNK};
    use super::layout::HEADER_MARK;
    use super::tables::{failure_row, left_out, left_out_row, FAILURE_ROWS, LEFT_OUT_ROWS};
    use super::*;
    use crate::report::tests::{
        assert_has_every_verdict, assert_well_formed, sample_info, sample_records, sample_summary,
        zip_part as part,
    };
    use docx_rs::BuildXML;

    fn render() -> Vec<u8> {
        let records = sample_records();
        let summary = sample_summary(&records);
        annex_docx(&summary, &records, &sample_info()).unwrap()
    }

    #[test]
    fn is_deterministic() {
        let a = render();
        // Another thread, other paragraph counters.
        let b = std::thread::spawn(render).join().unwrap();
        assert_eq!(a, b);
    }

    #[test]
    fn has_repeated_headers_headings_landscape_and_page_numbers() {
        let bytes = render();
        let doc = part(&bytes, "word/document.xml");
        // Results, matrix, one per draft (three), left out, failures: seven tables, each with
        // its header row repeated; no row split across pages; no mark left.
        assert_eq!(doc.matches("<w:tblHeader />").count(), 7, "{doc}");
        assert_eq!(doc.matches("<w:tbl>").count(), 7);
        assert!(!doc.contains(HEADER_MARK));
        assert_eq!(
            doc.matches("<w:tr>").count(),
            doc.matches("<w:cantSplit />").count()
        );
        assert!(doc.contains(r#"w:orient="landscape""#));
        assert!(doc.contains(r#"<w:pStyle w:val="Heading1" />"#));
        assert!(doc.contains("Results of the consultation of Member States on TSB Circular"));
        assert_has_every_verdict(&doc);
        // Quotes are attributed; the tricky text arrives whole and escaped.
        assert!(
            doc.contains("“Reasons, with &quot;quotes&quot;, commas,")
                || doc.contains("“Reasons, with \"quotes\", commas,")
        );
        assert!(doc.contains("and a second line | pipe”"));
        // Each draft's section has its own counts table, before the reasons.
        let x1380 = doc
            .find("X.1380 (X.edr-sec)</w:t>")
            .expect("X.1380 section");
        let counts = &doc[x1380..];
        for h in [
            "of which with comments",
            "Conflicts (both marked)",
            "No reply",
        ] {
            assert!(counts.contains(h), "{h}");
        }
        let reasons = counts.find("Reasons of the Member States").unwrap();
        assert!(counts[..reasons].contains("undecided — review conflicts"));
        assert!(counts[..reasons].contains(">100.0 %<"));
        let footer = part(&bytes, "word/footer1.xml");
        assert!(footer.contains("PAGE"), "{footer}");
        let styles = part(&bytes, "word/styles.xml");
        assert!(styles.contains(r#"w:styleId="Normal" w:default="1""#));
        assert!(styles.contains(r#"<w:outlineLvl w:val="0" />"#), "{styles}");
        let core = part(&bytes, "docProps/core.xml");
        assert!(core.contains("2023-02-20T00:00:00Z"), "{core}");
        assert!(core.contains("<dc:creator>replytally 0.1.0</dc:creator>"));
        assert!(core.contains("from 5 inputs"));
    }

    /// Paragraph ids blanked: docx-rs numbers them from a per-thread counter.
    fn without_para_ids(xml: &str) -> String {
        let mut out = String::new();
        renumber_para_ids(&mut out, xml, &mut 0);
        let mut blank = String::new();
        let mut rest = out.as_str();
        while let Some(at) = rest.find("w14:paraId=\"") {
            let value = at + "w14:paraId=\"".len();
            blank.push_str(&rest[..value]);
            rest = &rest[value + 8..];
        }
        blank.push_str(rest);
        blank
    }

    #[test]
    fn long_tables_are_written_row_by_row_in_place() {
        let mut records = sample_records();
        // Far more rows than one piece of output holds: superseded copies, failures.
        let first = records.replies[1].clone();
        for i in 0..150 {
            let mut r = first.clone();
            r.source = format!("replies/old/Germany_{i}.docx");
            r.superseded_by = Some("replies/Germany.docx".into());
            records.replies.push(r);
        }
        let failure = records.failures[0].clone();
        for i in 0..120 {
            let mut f = failure.clone();
            f.source = format!("replies/broken_{i}.doc");
            records.failures.push(f);
        }
        let summary = sample_summary(&records);
        let bytes = annex_docx(&summary, &records, &sample_info()).unwrap();
        let doc = part(&bytes, "word/document.xml");
        // No stand-in left; every row there, once, in order, as docx-rs writes it (in schema
        // order).
        assert!(!doc.contains(LEFT_OUT_ROWS) && !doc.contains(FAILURE_ROWS));
        assert!(!doc.contains(r#"w:hRule="exact""#));
        let left: String = left_out(&records)
            .map(|x| String::from_utf8(left_out_row(x).build()).unwrap())
            .collect();
        let failed: String = records
            .failures
            .iter()
            .map(|f| String::from_utf8(failure_row(f).build()).unwrap())
            .collect();
        assert!(left.len() > 2 * CHUNK && failed.len() > CHUNK);
        let conformed = |xml: &str| {
            let mut out = String::new();
            schema::conform(&mut out, xml).unwrap();
            without_para_ids(&out)
        };
        let plain = without_para_ids(&doc);
        let (left, failed) = (conformed(&left), conformed(&failed));
        let l = plain.find(&left).expect("the replies left out, in order");
        let f = plain.find(&failed).expect("the files not read, in order");
        assert!(l < f);
        // Right after their header rows, and ending their tables.
        for (at, head) in [(l, "Why it is not counted"), (f, "What to do")] {
            let header = &plain[plain[..at].rfind("<w:tr>").unwrap()..at];
            assert!(
                header.contains("<w:tblHeader />") && header.contains(head),
                "{header}"
            );
        }
        assert!(plain[l + left.len()..].starts_with("</w:tbl>"));
        assert!(plain[f + failed.len()..].starts_with("</w:tbl>"));
        assert_eq!(doc.matches("Superseded: a later reply").count(), 150);
        assert_eq!(doc.matches("broken_").count(), 120);
        // Paragraph ids: 1, 2, 3… in document order.
        let ids: Vec<u32> = doc
            .split("w14:paraId=\"")
            .skip(1)
            .map(|t| u32::from_str_radix(&t[..8], 16).unwrap())
            .collect();
        assert!(ids.len() > 1000);
        assert!(ids.iter().zip(1..).all(|(a, b)| *a == b));
        // Well-formed.
        assert_well_formed(&doc);
        // Into a file as into memory: the same bytes.
        let mut file = std::io::Cursor::new(Vec::new());
        write_annex_docx(&mut file, &summary, &records, &sample_info()).unwrap();
        assert_eq!(file.into_inner(), bytes);
    }

    #[test]
    fn control_characters_do_not_corrupt_the_document() {
        let mut records = sample_records();
        records.replies[0].answers[0].text = "bad\u{1}\u{b}\u{c}\u{fffe} text <b>&".into();
        let summary = sample_summary(&records);
        let bytes = annex_docx(&summary, &records, &sample_info()).unwrap();
        let doc = part(&bytes, "word/document.xml");
        assert!(doc.contains("bad text &lt;b&gt;&amp;"), "{doc}");
        // The document is well-formed XML.
        assert_well_formed(&doc);
    }

    #[test]
    fn placeholders_when_the_circular_is_unknown_and_rtl_quotes() {
        let mut records = sample_records();
        records.replies[0].answers[0].text = "لا نوافق على هذا المشروع".into();
        let summary = sample_summary(&records);
        let mut info = sample_info();
        info.circular = None;
        let bytes = annex_docx(&summary, &records, &info).unwrap();
        let doc = part(&bytes, "word/document.xml");
        assert!(doc.contains("[number]") && doc.contains("[date]"));
        assert!(doc.contains(r#"<w:highlight w:val="yellow" />"#));
        assert!(doc.contains("<w:bidi />"));
        info.circular = Some(crate::report::Circular {
            number: "42".into(),
            date: Some("9 November 2022".into()),
        });
        let doc = part(
            &annex_docx(&summary, &records, &info).unwrap(),
            "word/document.xml",
        );
        assert!(doc.contains("TSB Circular 42 of 9 November 2022"), "{doc}");
    }
}
