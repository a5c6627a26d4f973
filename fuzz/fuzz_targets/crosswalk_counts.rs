//! Any bytes given as crosswalk counts give an error naming the file and line, or counts
//! whose crosswalk renders in every format; never a panic.
#![no_main]

use cybercrime_taxonomy::check::Checker;
use cybercrime_taxonomy::render::{self, Format};
use cybercrime_taxonomy::{Dataset, read_counts};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(counts) = read_counts("fuzz.csv", data) else {
        return;
    };
    let check = Checker::new(Dataset::embedded());
    for taxonomy in ["un2024", "budapest2001"] {
        let Ok(taxonomy) = taxonomy.parse() else { return };
        if let Ok(walk) = check.crosswalk(&taxonomy, &counts) {
            for format in [Format::Markdown, Format::Json, Format::Csv] {
                render::crosswalk(&walk, format).expect("a crosswalk renders in every format");
            }
        }
    }
});
