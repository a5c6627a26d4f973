//! Any bytes given to the JSON loader give diagnostics or a dataset, never a panic.
#![no_main]

use cybercrime_taxonomy::DatasetBuilder;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    // The shipped taxonomies only (not the national files), so that each run stays fast.
    let _ = DatasetBuilder::new()
        .embedded_taxonomies()
        .reader("fuzz.json", data)
        .build();
});
