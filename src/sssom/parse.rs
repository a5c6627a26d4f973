//! Reading SSSOM TSV: the header, then the rows, each kept with its line.

use std::collections::HashSet;

use indexmap::IndexMap;

use super::header::parse_header;
use super::{MANDATORY, MAX_ROWS, diag};
use crate::diagnostic::{Code, Diagnostic};

/// A parsed SSSOM mapping set.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct MappingSet {
    /// Header fields other than `curie_map`, as written (lists joined with `, `).
    pub metadata: IndexMap<String, String>,
    /// The line each top-level header key is written on.
    pub metadata_lines: IndexMap<String, usize>,
    /// The declared prefixes.
    pub curie_map: IndexMap<String, String>,
    /// The column names, in file order.
    pub columns: Vec<String>,
    /// The rows, in file order.
    pub rows: Vec<Row>,
}

impl MappingSet {
    /// The line a top-level header key is written on.
    pub fn header_line(&self, key: &str) -> Option<usize> {
        self.metadata_lines.get(key).copied()
    }
    /// The position of a column, if the file has it.
    pub fn column(&self, name: &str) -> Option<usize> {
        self.columns.iter().position(|c| c == name)
    }
}

/// One mapping row, with every column kept.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Row {
    /// The line of the row in the file, from 1.
    pub line: usize,
    values: csv::StringRecord,
}

impl Row {
    /// The value in column `index` (see [`MappingSet::column`]); empty when absent.
    pub fn get(&self, index: Option<usize>) -> &str {
        index.and_then(|i| self.values.get(i)).unwrap_or("")
    }
    /// All values, in column order.
    pub fn values(&self) -> impl Iterator<Item = &str> {
        self.values.iter()
    }
}

/// Parses SSSOM TSV text. Problems that make rows unreadable are diagnostics; rows are kept
/// as read, whatever their content.
pub fn parse(file: &str, text: &str) -> (MappingSet, Vec<Diagnostic>) {
    let mut set = MappingSet::default();
    let mut out = Vec::new();
    let mut header_lines = Vec::new();
    let mut body_start = 0;
    let mut offset = 0;
    for (i, line) in text.split_inclusive('\n').enumerate() {
        if line.starts_with('#') {
            header_lines.push((i + 1, line.trim_end_matches(['\n', '\r'])));
            offset += line.len();
            body_start = i + 1;
        } else {
            break;
        }
    }
    parse_header(file, &header_lines, &mut set, &mut out);
    let body = &text[offset..];
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(b'\t')
        .flexible(false)
        .from_reader(body.as_bytes());
    let header_line = body_start + 1;
    let headers = match reader.headers() {
        Ok(h) => h.clone(),
        Err(e) => {
            out.push(diag(
                file,
                header_line,
                "columns",
                Code::Syntax,
                format!("cannot read the column header: {e}"),
            ));
            return (set, out);
        }
    };
    let names: Vec<String> = headers.iter().map(|h| h.trim().to_owned()).collect();
    set.columns = names.clone();
    for column in MANDATORY {
        if !names.iter().any(|n| n == column) {
            out.push(diag(
                file,
                header_line,
                "columns",
                Code::Schema,
                format!("missing mandatory column `{column}`"),
            ));
        }
    }
    let mut seen = HashSet::new();
    for name in &names {
        if !seen.insert(name) {
            out.push(diag(
                file,
                header_line,
                "columns",
                Code::DuplicateId,
                format!("column `{name}` appears twice"),
            ));
        }
    }
    for record in reader.into_records() {
        if set.rows.len() >= MAX_ROWS {
            let line = set.rows.last().map_or(header_line, |r| r.line + 1);
            out.push(diag(
                file,
                line,
                "row",
                Code::TooLarge,
                format!("more than {MAX_ROWS} rows: the rest of the file is not read"),
            ));
            break;
        }
        match record {
            Ok(values) => {
                let line = values.position().map_or(0, |p| p.line() as usize) + body_start;
                set.rows.push(Row { line, values });
            }
            Err(e) => {
                let line = e.position().map_or(0, |p| p.line() as usize) + body_start;
                let message = match e.kind() {
                    csv::ErrorKind::UnequalLengths {
                        expected_len, len, ..
                    } => {
                        format!("expected {expected_len} columns, found {len}")
                    }
                    csv::ErrorKind::Utf8 { .. } => "not valid UTF-8".to_owned(),
                    _ => e.to_string(),
                };
                out.push(diag(file, line, "row", Code::Syntax, message));
            }
        }
    }
    (set, out)
}
