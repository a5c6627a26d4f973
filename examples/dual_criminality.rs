//! Dual criminality between every pair of ASEAN Member States: the test for mutual legal
//! assistance and extradition, per Convention offence.
//!
//! Run with `cargo run --example dual_criminality`.

use cybercrime_taxonomy::check::{Checker, DualVerdict};
use cybercrime_taxonomy::{Dataset, JurisdictionCode};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let data = Dataset::embedded();
    let check = Checker::new(data);
    let codes: Vec<JurisdictionCode> = data.jurisdictions().map(|j| j.code).collect();

    // One pair in detail.
    let pair = check.dual_criminality("PH".parse()?, "TH".parse()?, &[])?;
    println!(
        "{} and {}: overall {}",
        pair.first,
        pair.second,
        pair.overall.as_str()
    );
    for c in &pair.categories {
        println!("  {:<14} {}", c.category.as_str(), c.verdict.as_str());
    }

    // All 55 pairs: how many satisfy dual criminality for each category?
    let mut satisfied = std::collections::BTreeMap::<String, usize>::new();
    let mut pairs = 0;
    for (i, a) in codes.iter().enumerate() {
        for b in &codes[i + 1..] {
            pairs += 1;
            for c in check.dual_criminality(*a, *b, &[])?.categories {
                if c.verdict == DualVerdict::Satisfied {
                    *satisfied.entry(c.category.to_string()).or_default() += 1;
                }
            }
        }
    }
    println!("\nPairs (of {pairs}) where dual criminality is fully satisfied:");
    for (category, n) in satisfied {
        println!("  {category:<14} {n}");
    }
    Ok(())
}
