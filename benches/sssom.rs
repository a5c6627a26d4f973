//! Speed of SSSOM interchange: parsing, and parsing plus importing and validating, a synthetic
//! mapping set of about 76,000 mappings (58 jurisdictions x 1,000 provisions); and exporting
//! it. Throughput is in mappings (rows of the TSV section), not lines.
//!
//! Run with `cargo bench --bench sssom`.

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use cybercrime_taxonomy::DatasetBuilder;
use cybercrime_taxonomy::sssom::{ExportOptions, export, parse};
use cybercrime_taxonomy::synthetic::{Options, dataset};

fn sssom(c: &mut Criterion) {
    let data = dataset(Options {
        jurisdictions: 58,
        provisions: 1000,
        seed: 1,
    });
    let text = export(&data, &ExportOptions::default());
    let mappings = parse("big.sssom.tsv", &text).0.row_count();
    let mut group = c.benchmark_group(format!("sssom/{mappings}-mappings"));
    group.sample_size(10);
    group.throughput(Throughput::Elements(mappings as u64));
    group.bench_function("parse", |b| {
        b.iter(|| parse("big.sssom.tsv", black_box(&text)))
    });
    group.bench_function("parse+import+validate", |b| {
        b.iter(|| {
            DatasetBuilder::new()
                .embedded()
                .text("big.sssom.tsv", black_box(text.clone()))
                .build()
        })
    });
    group.bench_function("export", |b| {
        b.iter(|| export(black_box(&data), &ExportOptions::default()))
    });
    group.finish();
}

criterion_group!(benches, sssom);
criterion_main!(benches);
