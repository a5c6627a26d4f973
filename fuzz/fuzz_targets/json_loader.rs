//! Any bytes given to the JSON loader give diagnostics or a dataset, never a panic.
#![no_main]

use cybercrime_taxonomy::DatasetBuilder;
use libfuzzer_sys::fuzz_target;

/// The shipped taxonomies only (not the national files), so that each run stays fast.
fn taxonomies() -> DatasetBuilder {
    cybercrime_taxonomy::EMBEDDED_FILES
        .iter()
        .filter(|(name, _)| name.starts_with("data/taxonomies/"))
        .fold(DatasetBuilder::new(), |b, (name, text)| b.text(*name, *text))
}

fuzz_target!(|data: &[u8]| {
    let _ = taxonomies()
        .reader("fuzz.json", data)
        .build();
});
