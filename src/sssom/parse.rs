//! Reading SSSOM/TSV (spec-formats-tsv.md): the metadata block, embedded as `#` lines or in a
//! YAML file beside the TSV, then the TSV section, each row kept with its line.
//!
//! The TSV section follows the specification's quoting rules (adapted from RFC 4180): any
//! value may be enclosed in double quotes, and a quoted value may hold tabs, line breaks and
//! doubled quotes.

use std::collections::HashSet;

use indexmap::IndexMap;

use super::header::{self, Origin};
use super::{Extension, MANDATORY, MAX_ROWS, diag};
use crate::diagnostic::{Code, Diagnostic};
use crate::source_text::Position;

/// A parsed SSSOM mapping set.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct MappingSet {
    /// Metadata slots other than `curie_map` and `extension_definitions`, as written (a list
    /// joined with `, `).
    pub metadata: IndexMap<String, String>,
    /// The same slots, each with its list of values.
    pub values: IndexMap<String, Vec<String>>,
    /// The line each top-level metadata key is written on.
    pub metadata_lines: IndexMap<String, usize>,
    /// Where each top-level metadata key is written (in the metadata file, in external mode).
    pub metadata_at: IndexMap<String, Position>,
    /// The file the metadata block was read from: the TSV file itself (embedded mode) or the
    /// YAML file beside it (external mode).
    pub metadata_file: Option<String>,
    /// The declared prefixes.
    pub curie_map: IndexMap<String, String>,
    /// The declared extension slots, by slot name.
    pub extensions: IndexMap<String, Extension>,
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
    /// The value of `slot` for `row`: its cell, or for a propagatable slot without a cell,
    /// the set's value (a list joined with `|`).
    pub fn value<'a>(&'a self, row: &'a Row, slot: &str) -> std::borrow::Cow<'a, str> {
        let cell = row.get(self.column(slot)).trim();
        if !cell.is_empty() {
            return cell.into();
        }
        if super::spec::slot(slot).is_some_and(|s| s.propagated) {
            if let Some(v) = self.values.get(slot) {
                return v
                    .iter()
                    .map(|x| x.replace('\\', "\\\\").replace('|', "\\|"))
                    .collect::<Vec<_>>()
                    .join("|")
                    .into();
            }
        }
        "".into()
    }
}

/// One mapping row, with every column kept.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Row {
    /// The line of the row in the file, from 1 (where it starts, for a row whose quoted
    /// values hold line breaks).
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

/// Parses SSSOM/TSV text in embedded metadata mode (the metadata block, if any, is the `#`
/// lines at the top). Problems that make rows unreadable are diagnostics; rows are kept as
/// read, whatever their content.
pub fn parse(file: &str, text: &str) -> (MappingSet, Vec<Diagnostic>) {
    parse_with_metadata(file, text, None)
}

/// Parses SSSOM/TSV text, with the metadata block read from `metadata` (its file name and
/// text: external metadata mode) when given. In external mode the TSV must not have `#`
/// lines of its own.
pub fn parse_with_metadata(
    file: &str,
    text: &str,
    metadata: Option<(&str, &str)>,
) -> (MappingSet, Vec<Diagnostic>) {
    let mut set = MappingSet::default();
    let mut out = Vec::new();
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    // The metadata block: the leading `#` lines.
    let mut yaml = String::new();
    let mut origin = Origin {
        file,
        lines: Vec::new(),
    };
    let mut offset = 0;
    let mut body_start = 0;
    for (i, line) in text.split_inclusive('\n').enumerate() {
        let Some(rest) = line.strip_prefix('#') else {
            break;
        };
        // Spreadsheet exports pad header lines with tabs and end them with CR.
        yaml.push_str(rest.trim_end_matches(['\n', '\r', '\t']));
        yaml.push('\n');
        origin.lines.push((i + 1, 1));
        offset += line.len();
        body_start = i + 1;
    }
    match metadata {
        Some((meta_file, meta_text)) => {
            if body_start > 0 {
                out.push(diag(
                    file,
                    1,
                    "metadata",
                    Code::Schema,
                    format!(
                        "the file has a metadata block of its own and one in `{meta_file}`: in external metadata mode the TSV file holds only the TSV section"
                    ),
                ));
            }
            let meta = Origin {
                file: meta_file,
                lines: (1..=meta_text.lines().count()).map(|l| (l, 0)).collect(),
            };
            header::read(meta_text, &meta, &mut set, &mut out);
            set.metadata_file = Some(meta_file.to_owned());
        }
        None => {
            header::read(&yaml, &origin, &mut set, &mut out);
            set.metadata_file = Some(file.to_owned());
        }
    }
    read_rows(file, &text[offset..], body_start, &mut set, &mut out);
    (set, out)
}

/// One record of the TSV section, or why it cannot be read.
enum Record {
    /// The cells, and how many lines the record spans.
    Cells(csv::StringRecord, usize),
    /// A problem; reading resumes on the line after the record's first line, so that a quote
    /// left open cannot swallow the rows after it.
    Broken(String),
}

/// Reads the record that starts at `text[at..]` (the start of a line) and the offset just
/// past it. A quoted value ends at a `"` that is not doubled, and must be followed by a tab or
/// the end of the line; it may hold tabs and line breaks.
fn record(text: &str, at: usize) -> (Record, usize) {
    let line_end = || text[at..].find('\n').map_or(text.len(), |i| at + i + 1);
    let mut cells = csv::StringRecord::new();
    let mut pos = at;
    let mut lines = 1;
    let bytes = text.as_bytes();
    loop {
        let cell = cells.len() + 1;
        if bytes.get(pos) == Some(&b'"') {
            let mut value = String::new();
            let mut from = pos + 1;
            loop {
                let Some(q) = text[from..].find('"').map(|i| from + i) else {
                    let message =
                        format!("unbalanced `\"` in cell {cell}: the quoted value is never closed");
                    return (Record::Broken(message), line_end());
                };
                value.push_str(&text[from..q]);
                if bytes.get(q + 1) == Some(&b'"') {
                    value.push('"');
                    from = q + 2;
                    continue;
                }
                pos = q + 1;
                break;
            }
            lines += value.matches('\n').count();
            cells.push_field(&value);
            match bytes.get(pos) {
                Some(b'\t') => pos += 1,
                Some(b'\n') => return (Record::Cells(cells, lines), pos + 1),
                Some(b'\r') if bytes.get(pos + 1) == Some(&b'\n') => {
                    return (Record::Cells(cells, lines), pos + 2);
                }
                None => return (Record::Cells(cells, lines), pos),
                Some(_) => {
                    let message = if lines > 1 {
                        format!(
                            "unbalanced `\"` in cell {cell}: a closing `\"` must be followed by a tab or the end of the line"
                        )
                    } else {
                        format!(
                            "a quoted cell is followed by text before the next tab, at cell {cell}"
                        )
                    };
                    return (Record::Broken(message), line_end());
                }
            }
        } else {
            let end = bytes[pos..]
                .iter()
                .position(|&b| b == b'\t' || b == b'\n')
                .map_or(text.len(), |i| pos + i);
            cells.push_field(text[pos..end].trim_end_matches('\r'));
            match bytes.get(end) {
                Some(b'\t') => pos = end + 1,
                Some(_) => return (Record::Cells(cells, lines), end + 1),
                None => return (Record::Cells(cells, lines), end),
            }
        }
    }
}

/// Reads the TSV section: the column names, then the rows.
fn read_rows(
    file: &str,
    body: &str,
    body_start: usize,
    set: &mut MappingSet,
    out: &mut Vec<Diagnostic>,
) {
    let header_line = body_start + 1;
    if body.is_empty() {
        out.push(diag(
            file,
            header_line,
            "columns",
            Code::Syntax,
            "cannot read the column header: the file has no rows".to_owned(),
        ));
        return;
    }
    let (first, next) = record(body, 0);
    let mut pos = next;
    let mut line = header_line;
    let names: Vec<String> = match first {
        Record::Cells(h, n) => {
            line += n;
            h.iter().map(|c| c.trim().to_owned()).collect()
        }
        Record::Broken(message) => {
            out.push(diag(file, line, "columns", Code::Syntax, message));
            return;
        }
    };
    // Trailing empty column names (tabs a spreadsheet added) are not columns.
    let width = names
        .iter()
        .rposition(|n| !n.is_empty())
        .map_or(0, |i| i + 1);
    set.columns = names[..width].to_vec();
    for column in MANDATORY {
        if !set.columns.iter().any(|n| n == column) && !literal_side_allows(set, column) {
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
    for name in &set.columns {
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
    while pos < body.len() {
        let (r, next) = record(body, pos);
        pos = next;
        let start = line;
        let record = match r {
            Record::Cells(cells, n) => {
                line += n;
                cells
            }
            Record::Broken(message) => {
                line += 1;
                out.push(diag(file, start, "row", Code::Syntax, message));
                continue;
            }
        };
        if record.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        if set.rows.len() >= MAX_ROWS {
            out.push(diag(
                file,
                start,
                "row",
                Code::TooLarge,
                format!("more than {MAX_ROWS} rows: the rest of the file is not read"),
            ));
            break;
        }
        let n = record.len();
        let extra_empty = n > width && record.iter().skip(width).all(|c| c.trim().is_empty());
        if n == width || extra_empty {
            let mut values = record;
            values.truncate(width);
            set.rows.push(Row {
                line: start,
                values,
            });
        } else if n < width {
            // A row that stops early (no tabs for its empty trailing cells, as some of the
            // specification's own examples have): the missing cells are empty.
            out.push(Diagnostic::new(
                crate::Severity::Warning,
                Code::Schema,
                file,
                Some(Position { line: start, column: 1 }),
                "row",
                format!("the row has {n} of the {width} columns: the missing trailing cells are read as empty"),
            ));
            let mut values = record;
            for _ in n..width {
                values.push_field("");
            }
            set.rows.push(Row {
                line: start,
                values,
            });
        } else {
            out.push(diag(
                file,
                start,
                "row",
                Code::Syntax,
                format!("expected {width} columns, found {n}"),
            ));
        }
    }
}

/// Whether a missing `subject_id` or `object_id` column is allowed: the set says that side
/// is a literal (`subject_type: rdfs literal`), so it is given by its label.
fn literal_side_allows(set: &MappingSet, column: &str) -> bool {
    let (kind, label) = match column {
        "subject_id" => ("subject_type", "subject_label"),
        "object_id" => ("object_type", "object_label"),
        _ => return false,
    };
    set.columns.iter().any(|c| c == label)
        && (set.columns.iter().any(|c| c == kind)
            || set
                .values
                .get(kind)
                .is_some_and(|v| v.iter().any(|x| x == super::spec::LITERAL)))
}
