//! Any bytes given to the JSON loader give diagnostics or a dataset, never a panic; a dataset
//! that loads renders in every format.
#![no_main]

use cybercrime_taxonomy::DatasetBuilder;
use cybercrime_taxonomy::check::{Checker, Scope};
use cybercrime_taxonomy::render::{self, Format};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    // The shipped taxonomies only (not the national files), so that each run stays fast.
    let Ok(dataset) = DatasetBuilder::new()
        .embedded_taxonomies()
        .reader("fuzz.json", data)
        .build()
    else {
        return;
    };
    let check = Checker::new(&dataset);
    if let Ok(report) = check.report(&Scope::default()) {
        for format in [Format::Markdown, Format::Json, Format::Csv, Format::Html] {
            render::report(&report, format).expect("a report renders in every format");
        }
    }
    let status = check.data_status();
    render::data_status(&status, Format::Json).expect("the status renders");
});
