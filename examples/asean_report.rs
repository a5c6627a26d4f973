//! The ASEAN-wide report on the embedded data: the matrix as Markdown, a self-contained HTML
//! heatmap written to a temporary file, and a few numbers read straight from the report.
//!
//! Run with `cargo run --example asean_report`.

use cybercrime_taxonomy::Dataset;
use cybercrime_taxonomy::check::{Checker, Level, Scope};
use cybercrime_taxonomy::render::{self, Format};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let data = Dataset::embedded();
    let r = Checker::new(data).report(&Scope::default())?;

    let markdown = render::report(&r, Format::Markdown)?;
    // The matrix and legend are the first lines of the brief.
    for line in markdown.lines().take(20) {
        println!("{line}");
    }

    for s in &r.states {
        let full = s
            .coverage
            .iter()
            .filter(|c| c.verdict.level() == Level::Full)
            .count();
        println!(
            "{} covers {full} of {} offence categories fully",
            s.jurisdiction,
            r.categories.len()
        );
    }

    let path = std::env::temp_dir().join("asean-report.html");
    std::fs::write(&path, render::report(&r, Format::Html)?)?;
    println!("\nHTML heatmap written to {}", path.display());
    Ok(())
}
