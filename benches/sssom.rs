//! Speed of SSSOM interchange: parsing, and parsing plus importing and validating, a synthetic
//! mapping set of about 76,000 mappings (58 jurisdictions x 1,000 provisions); and exporting
//! it. Throughput is in mappings (rows of the TSV section), not lines.
//!
//! The `sssom-scaling` group parses, imports and validates sets of about 10,000, 100,000 and
//! 1,000,000 mappings, to show that the time per mapping stays flat (the one-million set is
//! 430 MB of text; the group takes a few minutes). Peak memory is not a criterion figure: the
//! README gives it for the same sets validated by the CLI under `/usr/bin/time`.
//!
//! Run with `cargo bench --bench sssom`.

use std::hint::black_box;

use criterion::{
    BatchSize, BenchmarkId, Criterion, SamplingMode, Throughput, criterion_group, criterion_main,
};
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

/// Parse, import and validate at three sizes a decade apart. The text is cloned outside the
/// timing, and the dataset is dropped outside it, as the CLI never frees it.
fn scaling(c: &mut Criterion) {
    let mut group = c.benchmark_group("sssom-scaling/parse+import+validate");
    group.sample_size(10);
    group.sampling_mode(SamplingMode::Flat);
    // About 1,308 mappings per generated jurisdiction of 1,000 provisions.
    for jurisdictions in [8usize, 77, 770] {
        let text = export(
            &dataset(Options {
                jurisdictions,
                provisions: 1000,
                seed: 1,
            }),
            &ExportOptions::default(),
        );
        let mappings = parse("big.sssom.tsv", &text).0.row_count();
        group.throughput(Throughput::Elements(mappings as u64));
        group.bench_with_input(BenchmarkId::new("mappings", mappings), &text, |b, text| {
            b.iter_batched(
                || text.clone(),
                |text| {
                    DatasetBuilder::new()
                        .embedded()
                        .text("big.sssom.tsv", text)
                        .build()
                },
                BatchSize::PerIteration,
            )
        });
    }
    group.finish();
}

criterion_group!(benches, sssom, scaling);
criterion_main!(benches);
