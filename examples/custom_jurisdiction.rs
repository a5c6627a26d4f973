//! Checking a State outside ASEAN from your own data file, without touching the crate.
//!
//! `examples/data/gb.json` is a small user file (two sections of the UK's Computer Misuse Act
//! 1990). It is loaded on top of the embedded data, validated, and compared with Singapore.
//!
//! Run with `cargo run --example custom_jurisdiction`.

use cybercrime_taxonomy::DatasetBuilder;
use cybercrime_taxonomy::check::Checker;
use cybercrime_taxonomy::render::{self, Format};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let file = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/data/gb.json");
    let data = DatasetBuilder::new().embedded().file(file).build()?;
    for d in data.diagnostics() {
        println!("{d}");
    }

    let gb = data.jurisdiction_str("GB").ok_or("GB was not loaded")?;
    println!("\n{} against the UN Convention:", gb.name);
    let check = Checker::new(&data);
    for c in check.coverage_all(gb, &"un2024".parse()?) {
        println!(
            "  {:<14} {}",
            c.category.as_str(),
            c.verdict.level().as_str()
        );
    }

    let categories = ["un2024:art7".parse()?, "un2024:art10".parse()?];
    let dual = check.dual_criminality("GB".parse()?, "SG".parse()?, &categories)?;
    println!("\n{}", render::dual(&dual, Format::Markdown)?);
    Ok(())
}
