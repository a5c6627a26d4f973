//! Writes a synthetic SSSOM mapping set, for comparing this crate's importer with other tools.
//!
//! `cargo run --release --example synthetic_sssom -- 100000 /tmp/big.sssom.tsv` writes a set of
//! at least 100,000 mappings (rows of the TSV section, researched gaps included; a row whose
//! quoted value holds a line break is still one mapping); without arguments it writes 1,000
//! to the temp directory. It prints how many mappings and how many lines it wrote.

use cybercrime_taxonomy::Dataset;
use cybercrime_taxonomy::sssom::{ExportOptions, export, parse};
use cybercrime_taxonomy::synthetic::{Options, dataset_with};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let rows: usize = args.next().map(|a| a.parse()).transpose()?.unwrap_or(1000);
    let path = args
        .next()
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|| std::env::temp_dir().join("synthetic.sssom.tsv"));
    let (text, mappings) = synthetic_set(rows);
    std::fs::write(&path, &text)?;
    println!(
        "{mappings} mappings ({} lines) written to {}",
        text.lines().count(),
        path.display()
    );
    Ok(())
}

/// A synthetic mapping set with at least `mappings` mappings, and how many it has.
fn synthetic_set(mappings: usize) -> (String, usize) {
    // About 1.3 mappings per provision (gaps included) at 1,000 provisions per jurisdiction;
    // add jurisdictions until the count is reached.
    let mut jurisdictions = mappings.div_ceil(1300).max(1);
    loop {
        let data = dataset_with(
            Dataset::embedded(),
            Options {
                jurisdictions,
                provisions: 1000,
                seed: 1,
            },
        );
        let text = export(&data, &ExportOptions::default());
        let n = parse("synthetic.sssom.tsv", &text).0.row_count();
        if n >= mappings {
            return (text, n);
        }
        jurisdictions += (mappings - n).div_ceil(1300).max(1);
    }
}
