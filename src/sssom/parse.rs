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

/// Splits one line of SSSOM TSV into its cells. SSSOM TSV is line-based: a row never runs on
/// to the next line. A cell may be quoted (`"a\tb"`, with `""` for a quote inside); a quote
/// left open at the end of the line is an error for that line alone, so it cannot swallow the
/// rows after it.
fn split_line(text: &str) -> Result<csv::StringRecord, String> {
    let mut record = csv::StringRecord::new();
    let mut rest = text;
    let mut cell = 0;
    loop {
        cell += 1;
        let Some(body) = rest.strip_prefix('"') else {
            match rest.find('\t') {
                Some(tab) => {
                    record.push_field(&rest[..tab]);
                    rest = &rest[tab + 1..];
                    continue;
                }
                None => {
                    record.push_field(rest);
                    return Ok(record);
                }
            }
        };
        // A quoted cell: up to the quote that is not doubled.
        let mut unquoted = String::new();
        let mut from = 0;
        let after = loop {
            let Some(at) = body[from..].find('"').map(|i| from + i) else {
                return Err(format!(
                    "unbalanced `\"` in cell {cell}: a quoted cell must end on its own line"
                ));
            };
            if body[at + 1..].starts_with('"') {
                unquoted.push_str(&body[from..=at]);
                from = at + 2;
            } else {
                if unquoted.is_empty() {
                    record.push_field(&body[..at]);
                } else {
                    unquoted.push_str(&body[from..at]);
                    record.push_field(&unquoted);
                }
                break &body[at + 1..];
            }
        };
        match after.strip_prefix('\t') {
            Some(next) => rest = next,
            None if after.is_empty() => return Ok(record),
            None => {
                return Err(format!(
                    "a quoted cell is followed by text before the next tab, at cell {cell}"
                ));
            }
        }
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
    let mut lines = body
        .split_inclusive('\n')
        .enumerate()
        .map(|(i, l)| (body_start + i + 1, l.trim_end_matches(['\n', '\r'])));
    let header_line = body_start + 1;
    let headers = match lines.next().map(|(line, text)| (line, split_line(text))) {
        Some((_, Ok(h))) => h,
        Some((line, Err(message))) => {
            out.push(diag(file, line, "columns", Code::Syntax, message));
            return (set, out);
        }
        None => {
            out.push(diag(
                file,
                header_line,
                "columns",
                Code::Syntax,
                "cannot read the column header: the file has no rows".to_owned(),
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
    for (line, text) in lines {
        if text.is_empty() {
            continue;
        }
        if set.rows.len() >= MAX_ROWS {
            out.push(diag(
                file,
                line,
                "row",
                Code::TooLarge,
                format!("more than {MAX_ROWS} rows: the rest of the file is not read"),
            ));
            break;
        }
        match split_line(text) {
            Ok(values) if values.len() == names.len() => set.rows.push(Row { line, values }),
            Ok(values) => out.push(diag(
                file,
                line,
                "row",
                Code::Syntax,
                format!("expected {} columns, found {}", names.len(), values.len()),
            )),
            Err(message) => out.push(diag(file, line, "row", Code::Syntax, message)),
        }
    }
    (set, out)
}
