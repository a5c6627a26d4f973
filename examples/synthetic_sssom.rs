//! Writes a synthetic SSSOM mapping set, for comparing this crate's importer with other tools.
//!
//! `cargo run --release --example synthetic_sssom -- 100000 /tmp/big.sssom.tsv` writes a set of
//! at least 100,000 mapping rows; without arguments it writes 1,000 rows to the temp directory.

use cybercrime_taxonomy::Dataset;
use cybercrime_taxonomy::sssom::{ExportOptions, export};
use cybercrime_taxonomy::synthetic::{Options, dataset_with};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let rows: usize = args.next().map(|a| a.parse()).transpose()?.unwrap_or(1000);
    let path = args
        .next()
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|| std::env::temp_dir().join("synthetic.sssom.tsv"));
    let text = synthetic_set(rows);
    std::fs::write(&path, &text)?;
    let written = text.lines().filter(|l| !l.starts_with('#')).count() - 1;
    println!("{written} rows written to {}", path.display());
    Ok(())
}

/// A synthetic mapping set with at least `rows` rows (about 1.7 rows per provision, gaps included).
fn synthetic_set(rows: usize) -> String {
    let provisions = 1000;
    let jurisdictions = rows.div_ceil(1740).max(1);
    let data = dataset_with(
        Dataset::embedded(),
        Options {
            jurisdictions,
            provisions,
            seed: 1,
        },
    );
    export(&data, &ExportOptions::default())
}
