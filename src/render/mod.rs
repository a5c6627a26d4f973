//! Renderers: turn findings into Markdown, JSON, CSV or a self-contained HTML page. They never
//! decide anything; every word of a finding comes from the checker's values.

pub mod catalogue;
mod csv;
mod html;
mod markdown;
mod table;
pub mod terminal;
pub mod words;

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
    /// A self-contained HTML page (the report and the brief).
    Html,
    /// Plain aligned text for a terminal (`list`, `show`, `validate`).
    Text,
}

impl Format {
    /// The name used on the command line.
    pub fn as_str(&self) -> &'static str {
        match self {
            Self::Markdown => "md",
            Self::Json => "json",
            Self::Csv => "csv",
            Self::Html => "html",
            Self::Text => "text",
        }
    }
}

impl std::fmt::Display for Format {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Format {
    type Err = Error;
    fn from_str(s: &str) -> Result<Self, Error> {
        match s {
            "md" | "markdown" => Ok(Self::Markdown),
            "json" => Ok(Self::Json),
            "csv" => Ok(Self::Csv),
            "html" => Ok(Self::Html),
            "text" => Ok(Self::Text),
            _ => Err(Error::UnknownId {
                kind: "format (expected md, json, csv, html or text)",
                id: s.to_owned(),
            }),
        }
    }
}

pub(crate) fn json(value: &impl Serialize) -> Result<String, Error> {
    let mut text = serde_json::to_string_pretty(value).map_err(|e| Error::Render(e.to_string()))?;
    text.push('\n');
    Ok(text)
}

fn unsupported(format: Format, what: &'static str) -> Error {
    Error::Render(format!("{what} cannot be rendered as {format}"))
}

/// Renders the compatibility report.
pub fn report(r: &Report, format: Format) -> Result<String, Error> {
    match format {
        Format::Markdown => markdown::report(r),
        Format::Json => json(r),
        Format::Csv => csv::report(r),
        Format::Html => html::report(r),
        Format::Text => Err(unsupported(format, "the report")),
    }
}

/// Renders a dual-criminality report.
pub fn dual(d: &DualReport, format: Format) -> Result<String, Error> {
    match format {
        Format::Markdown => markdown::dual(d),
        Format::Json => json(d),
        Format::Csv => csv::dual(d),
        Format::Html | Format::Text => Err(unsupported(format, "dual criminality")),
    }
}

/// Renders a law-reform brief.
pub fn brief(b: &crate::check::Brief, format: Format) -> Result<String, Error> {
    match format {
        Format::Markdown => markdown::brief(b),
        Format::Json => json(b),
        Format::Html => html::brief(b),
        Format::Csv | Format::Text => Err(unsupported(format, "the brief")),
    }
}

/// Renders a cooperation readiness report.
pub fn cooperation(r: &crate::check::CooperationReport, format: Format) -> Result<String, Error> {
    match format {
        Format::Markdown => markdown::cooperation(r),
        Format::Json => json(r),
        Format::Csv => csv::cooperation(r),
        Format::Html | Format::Text => Err(unsupported(format, "the cooperation check")),
    }
}

/// Renders a regional baseline.
pub fn baseline(b: &Baseline, format: Format) -> Result<String, Error> {
    match format {
        Format::Markdown => markdown::baseline(b),
        Format::Json => json(b),
        Format::Csv => csv::baseline(b),
        Format::Html | Format::Text => Err(unsupported(format, "the baseline")),
    }
}

/// Renders a verdict-level diff.
pub fn diff(d: &crate::check::Diff, format: Format) -> Result<String, Error> {
    match format {
        Format::Markdown => markdown::diff(d),
        Format::Json => json(d),
        Format::Csv => csv::diff(d),
        Format::Html | Format::Text => Err(unsupported(format, "a diff")),
    }
}

/// Renders a statistics crosswalk.
pub fn crosswalk(c: &Crosswalk, format: Format) -> Result<String, Error> {
    match format {
        Format::Markdown => markdown::crosswalk(c),
        Format::Json => json(c),
        Format::Csv => csv::crosswalk(c),
        Format::Html | Format::Text => Err(unsupported(format, "the crosswalk")),
    }
}

/// A Markdown table of what the data holds per State: provisions by confidence, verdicts,
/// offences outside the Convention, and treaty status.
pub fn data_status(status: &crate::check::DataStatus, format: Format) -> Result<String, Error> {
    match format {
        Format::Markdown => markdown::data_status(status),
        Format::Json => json(status),
        Format::Csv | Format::Html | Format::Text => Err(unsupported(format, "the data status")),
    }
}

/// The counts and diagnostics of a validation, as `validate --format json` prints them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Validation<'a> {
    /// How many errors.
    pub errors: usize,
    /// How many warnings.
    pub warnings: usize,
    /// The diagnostics shown, notes included; at most [`MAX_DIAGNOSTICS_SHOWN`].
    pub diagnostics: Vec<&'a crate::Diagnostic>,
    /// How many more there were.
    pub omitted: usize,
}

/// The most diagnostics `validate` prints; the rest are counted.
pub const MAX_DIAGNOSTICS_SHOWN: usize = 1000;

/// Renders validation diagnostics: one line per diagnostic (notes too, such as "N rows concern
/// other vocabularies") and a count line (text), or the same as JSON.
pub fn validation(d: &crate::Diagnostics, format: Format) -> Result<String, Error> {
    use crate::Severity;
    let json_form = match format {
        Format::Json => true,
        Format::Text => false,
        other => return Err(unsupported(other, "validation results")),
    };
    let mut shown: Vec<&crate::Diagnostic> = d.iter().collect();
    let omitted = shown.len().saturating_sub(MAX_DIAGNOSTICS_SHOWN);
    shown.truncate(MAX_DIAGNOSTICS_SHOWN);
    let v = Validation {
        errors: d.count(Severity::Error),
        warnings: d.count(Severity::Warning),
        diagnostics: shown,
        omitted,
    };
    if json_form {
        return json(&v);
    }
    let mut out = String::new();
    for x in &v.diagnostics {
        out.push_str(&format!("{x}\n"));
    }
    if v.omitted > 0 {
        out.push_str(&format!("... and {} more\n", v.omitted));
    }
    out.push_str(&format!(
        "{} error(s), {} warning(s)\n",
        v.errors, v.warnings
    ));
    Ok(out)
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
    let low = c.confidence() == Some(crate::Confidence::Low);
    format!(
        "{}{}{}",
        symbol(c.verdict.level()),
        if low { "*" } else { "" },
        if c.rests_on_pending() { "+" } else { "" }
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

/// A text cell that a spreadsheet will not read as a formula: a leading `=`, `+`, `-` or `@`
/// gets a `'` before it (the SSSOM import removes it again).
pub(crate) fn spreadsheet_safe(text: &str) -> String {
    if text.starts_with(['=', '+', '-', '@']) {
        format!("'{text}")
    } else {
        text.to_owned()
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

#[cfg(test)]
mod tests {
    #[test]
    fn cells_that_look_like_formulas_are_guarded() {
        for (text, safe) in [
            ("=1+1", "'=1+1"),
            ("+cmd", "'+cmd"),
            ("-2", "'-2"),
            ("@SUM(A1)", "'@SUM(A1)"),
            ("plain", "plain"),
            ("", ""),
        ] {
            assert_eq!(super::spreadsheet_safe(text), safe);
        }
    }
}
