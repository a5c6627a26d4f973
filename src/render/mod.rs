//! Renderers: turn findings into Markdown, JSON, CSV or a self-contained HTML page. They never
//! decide anything; every word of a finding comes from the checker's values.

mod csv;
mod html;
mod markdown;

use std::str::FromStr;

use serde::Serialize;

use crate::Error;
use crate::check::{Baseline, Crosswalk, DualReport, Level, Report};

/// An output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    /// Markdown, for briefs and terminals.
    Markdown,
    /// Pretty JSON, for tools.
    Json,
    /// CSV, one finding per row, for spreadsheets.
    Csv,
    /// A self-contained HTML page (reports only).
    Html,
}

impl FromStr for Format {
    type Err = Error;
    fn from_str(s: &str) -> Result<Self, Error> {
        match s {
            "md" | "markdown" => Ok(Self::Markdown),
            "json" => Ok(Self::Json),
            "csv" => Ok(Self::Csv),
            "html" => Ok(Self::Html),
            _ => Err(Error::UnknownId {
                kind: "format (expected md, json, csv or html)",
                id: s.to_owned(),
            }),
        }
    }
}

fn json(value: &impl Serialize) -> Result<String, Error> {
    let mut text = serde_json::to_string_pretty(value).map_err(|e| Error::Render(e.to_string()))?;
    text.push('\n');
    Ok(text)
}

fn unsupported(what: &'static str) -> Error {
    Error::Render(format!(
        "HTML output is available for the report only, not for {what}"
    ))
}

/// Renders the compatibility report.
pub fn report(r: &Report, format: Format) -> Result<String, Error> {
    match format {
        Format::Markdown => markdown::report(r),
        Format::Json => json(r),
        Format::Csv => csv::report(r),
        Format::Html => html::report(r),
    }
}

/// Renders a dual-criminality report.
pub fn dual(d: &DualReport, format: Format) -> Result<String, Error> {
    match format {
        Format::Markdown => markdown::dual(d),
        Format::Json => json(d),
        Format::Csv => csv::dual(d),
        Format::Html => Err(unsupported("dual criminality")),
    }
}

/// Renders a regional baseline.
pub fn baseline(b: &Baseline, format: Format) -> Result<String, Error> {
    match format {
        Format::Markdown => markdown::baseline(b),
        Format::Json => json(b),
        Format::Csv => csv::baseline(b),
        Format::Html => Err(unsupported("the baseline")),
    }
}

/// Renders a statistics crosswalk.
pub fn crosswalk(c: &Crosswalk, format: Format) -> Result<String, Error> {
    match format {
        Format::Markdown => markdown::crosswalk(c),
        Format::Json => json(c),
        Format::Csv => csv::crosswalk(c),
        Format::Html => Err(unsupported("the crosswalk")),
    }
}

/// A Markdown table of what the data holds per State: provisions by confidence, verdicts,
/// offences outside the Convention, and treaty status.
pub fn data_status(data: &crate::Dataset) -> Result<String, Error> {
    markdown::data_status(data)
}

/// The one-character symbol of a level, used in matrices.
pub fn symbol(level: Level) -> &'static str {
    match level {
        Level::Full => "●",
        Level::Partial => "◐",
        Level::Gap => "✗",
        Level::Unknown => "?",
    }
}

/// The matrix mark of a coverage: its symbol, with `*` when it rests only on low-confidence
/// citations or mappings.
pub fn mark(c: &crate::check::Coverage) -> String {
    let low = c.confidence == Some(crate::Confidence::Low);
    format!(
        "{}{}",
        symbol(c.verdict.level()),
        if low { "*" } else { "" }
    )
}

/// One line describing an over-breadth finding.
fn over_breadth_line(o: &crate::check::OverBreadth) -> String {
    use crate::check::OverBreadth;
    match o {
        OverBreadth::BroaderThanConvention {
            provision,
            number,
            category,
            note,
            ..
        } => format!("{provision} ({number}) reaches beyond {category}: {note}"),
        OverBreadth::NoCounterpart {
            provision,
            number,
            theme,
            note,
            ..
        } => format!(
            "{provision} ({number}) has no Convention counterpart [{}]: {note}",
            theme.as_str()
        ),
    }
}

fn join<T: AsRef<str>>(items: &[T], sep: &str) -> String {
    items
        .iter()
        .map(AsRef::as_ref)
        .collect::<Vec<_>>()
        .join(sep)
}

fn ids<T: std::fmt::Display>(items: &[T]) -> Vec<String> {
    items.iter().map(ToString::to_string).collect()
}
