//! One-call consistency checks for downstream test suites.

use crate::{Dataset, DatasetBuilder, Diagnostics, Severity};

/// Re-runs every validation rule over a dataset, e.g. one a test built in code. Each item is
/// written out as JSON and loaded again, so diagnostics name `taxonomy:ID`,
/// `alignments` or `jurisdiction:CODE` with lines in that JSON.
pub fn revalidate(data: &Dataset) -> Diagnostics {
    let mut builder = DatasetBuilder::new();
    for t in data.taxonomies() {
        builder = builder.text(format!("taxonomy:{}", t.id), pretty(t));
    }
    builder = builder.text("alignments", pretty(data.alignments()));
    for j in data.jurisdictions() {
        builder = builder.text(format!("jurisdiction:{}", j.code), pretty(j));
    }
    match builder.build() {
        Ok(d) => d.diagnostics().clone(),
        Err(d) => d,
    }
}

fn pretty(value: &impl serde::Serialize) -> String {
    serde_json::to_string_pretty(value).unwrap_or_default()
}

/// Panics, listing every error, when [`revalidate`] finds one. Put it in your own tests:
///
/// ```
/// cybercrime_taxonomy::assert_consistent(cybercrime_taxonomy::Dataset::embedded());
/// ```
#[track_caller]
pub fn assert_consistent(data: &Dataset) {
    let diagnostics = revalidate(data);
    if diagnostics.has_errors() {
        let errors: Vec<String> = diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .map(ToString::to_string)
            .collect();
        panic!(
            "dataset is not consistent ({} errors):\n{}",
            errors.len(),
            errors.join("\n")
        );
    }
}
