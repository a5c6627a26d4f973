//! The `cybercrime-taxonomy` command line: parses arguments, calls the library, prints.

#![forbid(unsafe_code)]

mod cli;
mod output;

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let args = cli::Cli::parse();
    match cli::run(args) {
        Ok(code) => code,
        Err(e) => {
            let message = format!("error: {e}");
            eprintln!(
                "{}",
                cybercrime_taxonomy::render::terminal::escape(&message)
            );
            ExitCode::from(2)
        }
    }
}
