//! SSSOM (Simple Standard for Sharing Ontological Mappings) TSV export and import.
//!
//! A mapping row reads "provision `predicate_id` category". Researched gaps are rows whose
//! subject is `sssom:NoTermFound`. The jurisdiction of every row is its `subject_source`
//! (`jurisdiction:SG`). What SSSOM has no column for (the elements a mapping covers, the
//! qualifications it invokes, extra conditions, a gap's verdict and sources) travels as a JSON
//! object in the standard `other` column, so export then import gives the same mappings.
//!
//! ```
//! use cybercrime_taxonomy::{Dataset, DatasetBuilder, sssom};
//! let data = Dataset::embedded();
//! let tsv = sssom::export(data, &sssom::ExportOptions::for_jurisdictions(["SG".parse().unwrap()]));
//! assert!(tsv.starts_with("# sssom_version: \"1.1\"\n# curie_map:"));
//! // A mapping set is read like any other user file: here it replaces the shipped SG data.
//! let again = DatasetBuilder::new().embedded().text("sg.sssom.tsv", tsv).build().unwrap();
//! let s3 = again.provision(&"sg:cma1993/s3".parse().unwrap()).unwrap().provision;
//! assert_eq!(s3.mappings[0].category.as_str(), "un2024:art7");
//! ```

mod conform;
mod curie;
mod export;
mod header;
mod import;
mod parse;
mod shared;
pub mod spec;
mod yaml;

pub(crate) use conform::conform;
pub use conform::{validate, validate_file, validate_file_within};
pub use export::{ExportOptions, export};
pub use header::split_values;
pub(crate) use import::{Base, import};
pub use parse::{MappingSet, Row, parse, parse_with_metadata};

use serde::{Deserialize, Serialize};

use crate::diagnostic::{Code, Diagnostic, Severity};
use crate::source_text::Position;
use crate::{ExtraCondition, GapVerdict, LocalId, Source};

/// A declared extension slot (`extension_definitions` in the metadata).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Extension {
    /// The property that gives the slot its meaning (`http://sssom.invalid/NAME` when the
    /// definition has none).
    pub property: String,
    /// The type of its values, if declared.
    pub type_hint: Option<String>,
}

/// The mandatory columns of a mapping row.
pub const MANDATORY: [&str; 4] = [
    "subject_id",
    "predicate_id",
    "object_id",
    "mapping_justification",
];

/// The columns this crate writes, in order. `record_id` (SSSOM 1.1) comes last, so that the
/// columns of sets written before it keep their places.
pub const COLUMNS: [&str; 12] = [
    "subject_id",
    "subject_label",
    "predicate_id",
    "object_id",
    "object_label",
    "mapping_justification",
    "confidence",
    "subject_source",
    "mapping_date",
    "comment",
    "other",
    "record_id",
];

/// The prefix of the `record_id` CURIEs this crate writes.
pub const RECORD_PREFIX: &str = "record";

/// Most rows read from one mapping set; past this the file is refused as too large.
pub const MAX_ROWS: usize = 2_000_000;

/// The prefix of jurisdiction CURIEs in `subject_source`.
pub const JURISDICTION_PREFIX: &str = "jurisdiction";

/// The subject of a researched-gap row.
pub const NO_TERM_FOUND: &str = "sssom:NoTermFound";

/// What the `other` column carries for a mapping row.
#[derive(Debug, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct MappingExtras {
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub(crate) covers: Vec<LocalId>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub(crate) qualifications: Vec<LocalId>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub(crate) extra_conditions: Vec<ExtraCondition>,
}

/// What the `other` column carries for a gap row.
#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct GapExtras {
    pub(crate) verdict: GapVerdict,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub(crate) sources: Vec<Source>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub(crate) note: String,
}

pub(crate) fn other_json(value: &impl Serialize) -> String {
    serde_json::to_string(value).unwrap_or_default()
}

pub(crate) fn diag(
    file: &str,
    line: usize,
    path: impl Into<String>,
    code: Code,
    message: String,
) -> Diagnostic {
    Diagnostic::new(
        Severity::Error,
        code,
        file,
        Some(Position { line, column: 1 }),
        path,
        message,
    )
}

/// A text cell on one line: backslash, newline, carriage return and tab written as `\\`,
/// `\n`, `\r` and `\t` (SSSOM TSV rows never run on to the next line); [`unescape_cell`]
/// reverses it.
pub(crate) fn escape_cell(text: &str) -> String {
    if !text.contains(['\\', '\n', '\r', '\t']) {
        return text.to_owned();
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c => out.push(c),
        }
    }
    out
}

/// Reads a text cell written by [`escape_cell`]; a backslash before any other character is
/// kept as it is.
pub(crate) fn unescape_cell(text: &str) -> String {
    if !text.contains('\\') {
        return text.to_owned();
    }
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.peek() {
            Some('\\') => out.push('\\'),
            Some('n') => out.push('\n'),
            Some('r') => out.push('\r'),
            Some('t') => out.push('\t'),
            _ => {
                out.push('\\');
                continue;
            }
        }
        chars.next();
    }
    out
}
