//! Builds a synthetic dataset and runs the coverage report on it, for measuring how time and
//! memory grow with the number of provisions.
//!
//! `cargo run --release --example synthetic_report -- 1000` generates 1,000 jurisdictions of
//! 1,000 provisions each (one million provisions) and reports on them; without arguments it
//! generates 10. It prints the provisions, mappings and report cells; run it under
//! `/usr/bin/time -v` for the peak memory.

use cybercrime_taxonomy::check::{Checker, Scope};
use cybercrime_taxonomy::synthetic::{Options, dataset};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let jurisdictions: usize = std::env::args()
        .nth(1)
        .map(|a| a.parse())
        .transpose()?
        .unwrap_or(10);
    let data = dataset(Options {
        jurisdictions,
        provisions: 1000,
        seed: 42,
    });
    let (provisions, mappings) = data.jurisdictions().fold((0, 0), |(p, m), j| {
        (
            p + j.provisions.len(),
            m + j.provisions.iter().map(|p| p.mappings.len()).sum::<usize>(),
        )
    });
    let report = Checker::new(&data).report(&Scope::default())?;
    println!(
        "{} jurisdictions, {provisions} provisions, {mappings} mappings: {} report rows (States)",
        data.jurisdictions().len(),
        report.states.len()
    );
    Ok(())
}
