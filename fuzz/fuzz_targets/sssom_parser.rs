//! Any bytes given to the SSSOM parser and importer give diagnostics, never a panic. A set that
//! imports against the shipped jurisdictions renders in every format, and its export reads back
//! with the same number of rows and no problem (no row swallowed, none dropped).
#![no_main]

use cybercrime_taxonomy::check::{Checker, Scope};
use cybercrime_taxonomy::render::{self, Format};
use cybercrime_taxonomy::{DatasetBuilder, sssom};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        let _ = sssom::parse("fuzz.sssom.tsv", text);
    }
    let Ok(dataset) = DatasetBuilder::new()
        .embedded()
        .reader("fuzz.sssom.tsv", data)
        .build()
    else {
        return;
    };
    if let Ok(report) = Checker::new(&dataset).report(&Scope::default()) {
        for format in [Format::Markdown, Format::Json, Format::Csv, Format::Html] {
            render::report(&report, format).expect("a report renders in every format");
        }
    }
    let tsv = sssom::export(&dataset, &sssom::ExportOptions::default());
    let (set, problems) = sssom::parse("export.sssom.tsv", &tsv);
    assert!(problems.is_empty(), "our own export reads back clean: {problems:?}");
    let written = tsv.lines().filter(|l| !l.starts_with('#')).count() - 1;
    assert_eq!(set.rows.len(), written, "every exported row is read back");
});
