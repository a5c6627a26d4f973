//! Speed of the checker: loading the embedded data, the regional report and all 55
//! dual-criminality pairs on it, and the report on synthetic data (the generator the property
//! tests use) at growing sizes, to show that cost grows linearly.
//!
//! Run with `cargo bench --bench checker`.

use std::hint::black_box;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use cybercrime_taxonomy::check::{Checker, Scope};
use cybercrime_taxonomy::render::{self, Format};
use cybercrime_taxonomy::synthetic::{Options, dataset};
use cybercrime_taxonomy::{Dataset, JurisdictionCode};

fn embedded(c: &mut Criterion) {
    // What every command pays first: building the embedded dataset (Dataset::embedded builds
    // it once per process, so the builder is timed directly).
    c.bench_function("asean/load-embedded", |b| {
        b.iter(|| {
            cybercrime_taxonomy::DatasetBuilder::new()
                .embedded()
                .build()
        })
    });
    let data = Dataset::embedded();
    c.bench_function("asean/report", |b| {
        b.iter(|| Checker::new(black_box(data)).report(&Scope::default()))
    });
    c.bench_function("asean/report+html", |b| {
        b.iter(|| {
            let r = Checker::new(black_box(data))
                .report(&Scope::default())
                .ok()?;
            render::report(&r, Format::Html).ok()
        })
    });
    let codes: Vec<JurisdictionCode> = data.jurisdictions().map(|j| j.code).collect();
    let check = Checker::new(data);
    c.bench_function("asean/dual-55-pairs", |b| {
        b.iter(|| {
            let mut n = 0;
            for (i, a) in codes.iter().enumerate() {
                for other in &codes[i + 1..] {
                    n += check
                        .dual_criminality(*a, *other, &[])
                        .map_or(0, |d| d.categories.len());
                }
            }
            n
        })
    });
}

fn synthetic(c: &mut Criterion) {
    let mut group = c.benchmark_group("synthetic/report");
    group.sample_size(10);
    for jurisdictions in [10usize, 100, 1000] {
        let data = dataset(Options {
            jurisdictions,
            provisions: 1000,
            seed: 42,
        });
        group.throughput(Throughput::Elements((jurisdictions * 1000) as u64));
        group.bench_with_input(
            BenchmarkId::new("provisions", jurisdictions * 1000),
            &data,
            |b, data| b.iter(|| Checker::new(black_box(data)).report(&Scope::default())),
        );
    }
    group.finish();
}

criterion_group!(benches, embedded, synthetic);
criterion_main!(benches);
