//! Criterion benchmarks of each stage, one at a time (issue 6): reading the document
//! (`docx::read_docx`), reading the form (`form::read_form`), the whole reading of one file
//! (`pipeline::read_word`: document, form, SHA-256), the tally and each report writer.
//!
//! ```sh
//! cargo bench --bench stages              # all
//! cargo bench --bench stages -- read_form # one group
//! ```
//!
//! Documents come in three sizes, grown from `samples/Australia_Circ117.docx` the way
//! `bench/run.sh`'s corpus is: small (the sample as it is, 7 KB), medium (a two-page cover
//! letter and a letterhead, about 200 KB) and large (a sixty-page letter and scans, about
//! 2 MB). The tally and the writers take the records of 20, 200 and 2,000 replies (the sample
//! replies read and repeated). Not run in CI; `cargo clippy --all-targets` builds them.

#[allow(dead_code)]
#[path = "../examples/make-bench-corpus/grow.rs"]
mod grow;

use std::hint::black_box;
use std::path::{Path, PathBuf};

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use replytally::form::{self, Context};
use replytally::record::Records;
use replytally::report::{self, RunInfo};
use replytally::tally::{self, Summary};
use replytally::{docx, pipeline};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The three documents: (name, bytes).
fn documents() -> Vec<(&'static str, Vec<u8>)> {
    let path = root().join("samples/Australia_Circ117.docx");
    let small = std::fs::read(&path).expect("samples/Australia_Circ117.docx");
    let src = grow::unpack(&path).expect("the sample unpacks");
    let mut rng = grow::Rng::new(6);
    let logo = vec![grow::png(&mut rng, 180_000)];
    let (medium, _) = grow::grow(&src, 1, 8_000, &logo, 200_000).expect("medium grows");
    let scans: Vec<Vec<u8>> = (0..3).map(|_| grow::png(&mut rng, 630_000)).collect();
    let (large, _) = grow::grow(&src, 2, 60_000, &scans, 2_000_000).expect("large grows");
    vec![("small", small), ("medium", medium), ("large", large)]
}

/// The records of `n` replies: the sample replies, read from copies in a temporary folder.
fn records(n: usize) -> Records {
    let mut samples: Vec<PathBuf> = std::fs::read_dir(root().join("samples"))
        .expect("samples/")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "docx"))
        .collect();
    samples.sort();
    let dir = tempfile::tempdir().expect("a temporary folder");
    for i in 0..n {
        let from = &samples[i % samples.len()];
        let name = from.file_name().map(Path::new).expect("a file name");
        std::fs::copy(from, dir.path().join(format!("{i:04}-{}", name.display()))).expect("copied");
    }
    pipeline::extract(&[dir.path().to_path_buf()])
}

fn info(records: &Records) -> RunInfo {
    RunInfo {
        tool_version: env!("CARGO_PKG_VERSION").to_string(),
        inputs: records.replies.len(),
        form: None,
        deadline: None,
        threshold: 70.0,
        circular: None,
    }
}

fn summary(records: &Records) -> Summary {
    tally::tally(
        &records.replies,
        &tally::Options {
            threshold: 70.0,
            expected: None,
        },
    )
}

fn reading(c: &mut Criterion) {
    let docs = documents();
    let ctx = Context {
        file_name: "Australia_Circ117.docx",
        email_from: None,
    };
    let mut g = c.benchmark_group("read_docx");
    for (name, bytes) in &docs {
        g.throughput(Throughput::Bytes(bytes.len() as u64));
        g.bench_with_input(BenchmarkId::from_parameter(name), bytes, |b, bytes| {
            b.iter(|| docx::read_docx(black_box(bytes)).expect("reads"))
        });
    }
    g.finish();

    let mut g = c.benchmark_group("read_form");
    for (name, bytes) in &docs {
        let doc = docx::read_docx(bytes).expect("reads");
        g.throughput(Throughput::Bytes(bytes.len() as u64));
        g.bench_with_input(BenchmarkId::from_parameter(name), &doc, |b, doc| {
            b.iter(|| form::read_form(black_box(doc), &ctx))
        });
    }
    g.finish();

    let mut g = c.benchmark_group("read_word");
    for (name, bytes) in &docs {
        g.throughput(Throughput::Bytes(bytes.len() as u64));
        g.bench_with_input(BenchmarkId::from_parameter(name), bytes, |b, bytes| {
            b.iter(|| pipeline::read_word("Australia_Circ117.docx", black_box(bytes), None))
        });
    }
    g.finish();
}

fn tally_and_reports(c: &mut Criterion) {
    let batches: Vec<(usize, Records)> = [20, 200, 2000].map(|n| (n, records(n))).into();
    let mut g = c.benchmark_group("tally");
    for (n, records) in &batches {
        g.throughput(Throughput::Elements(*n as u64));
        g.bench_with_input(BenchmarkId::from_parameter(n), records, |b, r| {
            b.iter(|| summary(black_box(r)))
        });
    }
    g.finish();

    type Writer = fn(&Summary, &Records, &RunInfo) -> Vec<u8>;
    let writers: [(&str, Writer); 7] = [
        ("records_json", |_, r, i| report::records_json_with(r, i)),
        ("records_csv", |_, r, _| report::records_csv(r)),
        ("records_xlsx", |s, r, i| {
            report::records_xlsx(s, r, i).expect("xlsx")
        }),
        ("summary_json", |s, _, i| report::summary_json(s, i)),
        ("summary_md", report::summary_md),
        ("report_html", report::report_html),
        ("annex_docx", |s, r, i| {
            report::annex_docx(s, r, i).expect("docx")
        }),
    ];
    for (name, write) in writers {
        let mut g = c.benchmark_group(format!("report/{name}"));
        g.sample_size(20);
        for (n, records) in &batches {
            let (s, i) = (summary(records), info(records));
            g.throughput(Throughput::Elements(*n as u64));
            g.bench_with_input(BenchmarkId::from_parameter(n), records, |b, r| {
                b.iter(|| write(black_box(&s), black_box(r), &i))
            });
        }
        g.finish();
    }
}

criterion_group!(benches, reading, tally_and_reports);
criterion_main!(benches);
