//! Any bytes given to the SSSOM parser and importer give diagnostics, never a panic.
#![no_main]

use cybercrime_taxonomy::DatasetBuilder;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        let _ = cybercrime_taxonomy::sssom::parse("fuzz.sssom.tsv", text);
    }
    // The shipped taxonomies only (not the national files), so that each run stays fast.
    let _ = DatasetBuilder::new()
        .embedded_taxonomies()
        .reader("fuzz.sssom.tsv", data)
        .build();
});
