//! Reading SSSOM/TSV (spec-formats-tsv.md): the metadata block, embedded as `#` lines or in a
//! YAML file beside the TSV, then the TSV section, each row kept with its line.
//!
//! The TSV section follows the specification's quoting rules (adapted from RFC 4180): any
//! value may be enclosed in double quotes, and a quoted value may hold tabs, line breaks and
//! doubled quotes.

use std::borrow::Cow;
use std::collections::HashSet;

use indexmap::IndexMap;

use super::header::{self, Origin};
use super::{Extension, MANDATORY, MAX_ROWS, diag};
use crate::diagnostic::{Code, Diagnostic};
use crate::source_text::Position;

/// A parsed SSSOM mapping set.
///
/// The rows are not copied out of the text: each cell is a span of the text the set was read
/// from (borrowed, or owned when the set was read from a file), and only a quoted value with
/// doubled quotes is rewritten, into one buffer for the whole set.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct MappingSet<'t> {
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
    /// The text the rows were read from.
    text: Cow<'t, str>,
    /// Quoted values with doubled quotes, undoubled, one after another.
    unquoted: String,
    /// Every row's cells, `columns.len()` per row.
    cells: Vec<Span>,
    /// The line each row starts on.
    lines: Vec<usize>,
    /// Where in the text each row starts, for placing a finding at its cell.
    starts: Vec<u32>,
}

/// Where a cell's value is: a byte range of the text, or of the set's `unquoted` buffer when
/// [`IN_UNQUOTED`] is set in `start`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
struct Span {
    start: u32,
    end: u32,
}

/// The bit of [`Span::start`] that says the value is in the `unquoted` buffer.
const IN_UNQUOTED: u32 = 1 << 31;

/// The largest text whose rows can be read: spans are 31-bit offsets.
pub const MAX_TEXT_BYTES: usize = (IN_UNQUOTED - 1) as usize;

impl<'t> MappingSet<'t> {
    /// The line a top-level header key is written on.
    pub fn header_line(&self, key: &str) -> Option<usize> {
        self.metadata_lines.get(key).copied()
    }
    /// The position of a column, if the file has it.
    pub fn column(&self, name: &str) -> Option<usize> {
        self.columns.iter().position(|c| c == name)
    }
    /// How many rows the set has.
    pub fn row_count(&self) -> usize {
        self.lines.len()
    }
    /// The rows, in file order.
    pub fn rows(&self) -> impl ExactSizeIterator<Item = Row<'_>> + DoubleEndedIterator + Clone {
        (0..self.lines.len()).map(|i| self.row_at(i))
    }
    /// Row `index` (from 0, in file order), if there is one.
    pub fn row(&self, index: usize) -> Option<Row<'_>> {
        (index < self.lines.len()).then(|| self.row_at(index))
    }
    fn row_at(&self, index: usize) -> Row<'_> {
        let width = self.columns.len();
        Row {
            line: self.lines[index],
            start: self.starts.get(index).copied().unwrap_or(0),
            cells: self
                .cells
                .get(index * width..(index + 1) * width)
                .unwrap_or(&[]),
            text: &self.text,
            unquoted: &self.unquoted,
        }
    }
    /// The same set, owning its text.
    pub fn into_owned(self) -> MappingSet<'static> {
        MappingSet {
            metadata: self.metadata,
            values: self.values,
            metadata_lines: self.metadata_lines,
            metadata_at: self.metadata_at,
            metadata_file: self.metadata_file,
            curie_map: self.curie_map,
            extensions: self.extensions,
            columns: self.columns,
            text: Cow::Owned(self.text.into_owned()),
            unquoted: self.unquoted,
            cells: self.cells,
            lines: self.lines,
            starts: self.starts,
        }
    }
    /// The value of `slot` for `row`: its cell, or for a propagatable slot without a cell,
    /// the set's value (a list joined with `|`).
    pub fn value<'a>(&'a self, row: &Row<'a>, slot: &str) -> Cow<'a, str> {
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

/// One mapping row of a [`MappingSet`], with every column kept.
#[derive(Debug, Clone, Copy)]
pub struct Row<'a> {
    /// The line of the row in the file, from 1 (where it starts, for a row whose quoted
    /// values hold line breaks).
    pub line: usize,
    /// Where in the text the row starts.
    start: u32,
    cells: &'a [Span],
    text: &'a str,
    unquoted: &'a str,
}

impl<'a> Row<'a> {
    /// The value in column `index` (see [`MappingSet::column`]); empty when absent.
    pub fn get(&self, index: Option<usize>) -> &'a str {
        index
            .and_then(|i| self.cells.get(i))
            .map_or("", |&span| resolve(self.text, self.unquoted, span))
    }
    /// Where the cell in column `index` starts in the file: its line (later than the row's
    /// when an earlier quoted value holds a line break) and its column in characters, counting
    /// the quotes and doubled quotes as written. A cell the row stops before is placed at the
    /// end of the row.
    pub(crate) fn position(&self, index: usize) -> Position {
        let bytes = self.text.as_bytes();
        let at = (self.start as usize).min(bytes.len());
        let mut pos = at;
        for _ in 0..index {
            if bytes.get(pos) == Some(&b'"') {
                // A quoted value ends at a `"` that is not doubled.
                let mut from = pos + 1;
                pos = loop {
                    match memchr::memchr(b'"', &bytes[from.min(bytes.len())..]) {
                        Some(i) if bytes.get(from + i + 1) == Some(&b'"') => from += i + 2,
                        Some(i) => break from + i + 1,
                        None => break bytes.len(),
                    }
                };
            } else {
                pos = memchr::memchr2(b'\t', b'\n', &bytes[pos..]).map_or(bytes.len(), |i| pos + i);
            }
            if bytes.get(pos) != Some(&b'\t') {
                break;
            }
            pos += 1;
        }
        let pos = pos.min(bytes.len());
        let before = &bytes[at..pos];
        let line_start = memchr::memrchr(b'\n', before).map_or(at, |i| at + i + 1);
        Position {
            line: self.line + memchr::memchr_iter(b'\n', before).count(),
            column: self
                .text
                .get(line_start..pos)
                .map_or(0, |t| t.chars().count())
                + 1,
        }
    }
    /// All values, in column order.
    pub fn values(&self) -> impl ExactSizeIterator<Item = &'a str> + 'a {
        let (text, unquoted) = (self.text, self.unquoted);
        self.cells
            .iter()
            .map(move |&span| resolve(text, unquoted, span))
    }
}

impl PartialEq for Row<'_> {
    fn eq(&self, other: &Self) -> bool {
        self.line == other.line && self.values().eq(other.values())
    }
}

fn resolve<'a>(text: &'a str, unquoted: &'a str, span: Span) -> &'a str {
    let (from, start) = if span.start & IN_UNQUOTED != 0 {
        (unquoted, span.start & !IN_UNQUOTED)
    } else {
        (text, span.start)
    };
    from.get(start as usize..span.end as usize).unwrap_or("")
}

/// Parses SSSOM/TSV text in embedded metadata mode (the metadata block, if any, is the `#`
/// lines at the top). Problems that make rows unreadable are diagnostics; rows are kept as
/// read, whatever their content.
pub fn parse<'t>(file: &str, text: &'t str) -> (MappingSet<'t>, Vec<Diagnostic>) {
    parse_with_metadata(file, text, None)
}

/// Parses SSSOM/TSV text, with the metadata block read from `metadata` (its file name and
/// text: external metadata mode) when given. In external mode the TSV must not have `#`
/// lines of its own.
pub fn parse_with_metadata<'t>(
    file: &str,
    text: impl Into<Cow<'t, str>>,
    metadata: Option<(&str, &str)>,
) -> (MappingSet<'t>, Vec<Diagnostic>) {
    let text: Cow<'t, str> = text.into();
    let mut set = MappingSet::default();
    let mut out = Vec::new();
    let full: &str = &text;
    let bom = if full.starts_with('\u{feff}') { 3 } else { 0 };
    // The metadata block: the leading `#` lines.
    let mut yaml = String::new();
    let mut origin = Origin {
        file,
        lines: Vec::new(),
    };
    let mut offset = bom;
    let mut body_start = 0;
    for (i, line) in full[bom..].split_inclusive('\n').enumerate() {
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
    if full.len() > MAX_TEXT_BYTES {
        out.push(diag(
            file,
            body_start + 1,
            "row",
            Code::TooLarge,
            format!(
                "the file is {} bytes: rows are read from files of at most {MAX_TEXT_BYTES} bytes",
                full.len()
            ),
        ));
    } else {
        read_rows(file, full, offset, body_start, &mut set, &mut out);
    }
    set.text = text;
    (set, out)
}

/// Why a record cannot be read; reading resumes on the line after the record's first line,
/// so that a quote left open cannot swallow the rows after it.
struct Broken(String);

/// The cells a record is being read into.
struct Cells<'s> {
    cells: &'s mut Vec<Span>,
    unquoted: &'s mut String,
}

impl Cells<'_> {
    fn text_span(&mut self, start: usize, end: usize) {
        // Offsets fit: the text is at most MAX_TEXT_BYTES long.
        self.cells.push(Span {
            start: start as u32,
            end: end as u32,
        });
    }
}

/// Reads the record that starts at `text[at..]` (the start of a line) into `into`, and returns
/// how many lines it spans and the offset just past it. A quoted value ends at a `"` that is
/// not doubled, and must be followed by a tab or the end of the line; it may hold tabs and
/// line breaks.
fn record(text: &str, at: usize, into: &mut Cells<'_>) -> (Result<usize, Broken>, usize) {
    let bytes = text.as_bytes();
    let line_end = || memchr::memchr(b'\n', &bytes[at..]).map_or(text.len(), |i| at + i + 1);
    let first = into.cells.len();
    let mut pos = at;
    let mut lines = 1;
    loop {
        let cell = into.cells.len() - first + 1;
        if bytes.get(pos) == Some(&b'"') {
            let open = pos + 1;
            let mut from = open;
            // Where the undoubled value starts in `unquoted`, once a doubled quote is seen.
            let mut rewritten: Option<usize> = None;
            loop {
                let Some(q) = memchr::memchr(b'"', &bytes[from..]).map(|i| from + i) else {
                    let message =
                        format!("unbalanced `\"` in cell {cell}: the quoted value is never closed");
                    return (Err(Broken(message)), line_end());
                };
                if bytes.get(q + 1) == Some(&b'"') {
                    rewritten.get_or_insert(into.unquoted.len());
                    into.unquoted.push_str(&text[from..=q]);
                    from = q + 2;
                    continue;
                }
                lines += memchr::memchr_iter(b'\n', &bytes[open..q]).count();
                match rewritten {
                    Some(start) => {
                        into.unquoted.push_str(&text[from..q]);
                        into.cells.push(Span {
                            start: start as u32 | IN_UNQUOTED,
                            end: into.unquoted.len() as u32,
                        });
                    }
                    None => into.text_span(open, q),
                }
                pos = q + 1;
                break;
            }
            match bytes.get(pos) {
                Some(b'\t') => pos += 1,
                Some(b'\n') => return (Ok(lines), pos + 1),
                Some(b'\r') if bytes.get(pos + 1) == Some(&b'\n') => return (Ok(lines), pos + 2),
                None => return (Ok(lines), pos),
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
                    return (Err(Broken(message)), line_end());
                }
            }
        } else {
            let end = memchr::memchr2(b'\t', b'\n', &bytes[pos..]).map_or(text.len(), |i| pos + i);
            let mut value_end = end;
            while value_end > pos && bytes[value_end - 1] == b'\r' {
                value_end -= 1;
            }
            into.text_span(pos, value_end);
            match bytes.get(end) {
                Some(b'\t') => pos = end + 1,
                Some(_) => return (Ok(lines), end + 1),
                None => return (Ok(lines), end),
            }
        }
    }
}

/// Reads the TSV section, `text[body..]` (starting on line `body_start + 1`): the column names,
/// then the rows.
fn read_rows(
    file: &str,
    text: &str,
    body: usize,
    body_start: usize,
    set: &mut MappingSet<'_>,
    out: &mut Vec<Diagnostic>,
) {
    let header_line = body_start + 1;
    if body >= text.len() {
        out.push(diag(
            file,
            header_line,
            "columns",
            Code::Syntax,
            "cannot read the column header: the file has no rows".to_owned(),
        ));
        return;
    }
    let mut cells = Vec::new();
    let mut unquoted = String::new();
    let (first, next) = record(
        text,
        body,
        &mut Cells {
            cells: &mut cells,
            unquoted: &mut unquoted,
        },
    );
    let mut pos = next;
    let mut line = header_line;
    let names: Vec<String> = match first {
        Ok(n) => {
            line += n;
            cells
                .iter()
                .map(|&s| resolve(text, &unquoted, s).trim().to_owned())
                .collect()
        }
        Err(Broken(message)) => {
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
    // One row per line is the usual case: reserve for it.
    let estimate = memchr::memchr_iter(b'\n', &text.as_bytes()[pos.min(text.len())..]).count() + 1;
    let estimate = estimate.min(MAX_ROWS);
    cells.clear();
    unquoted.clear();
    cells.reserve(estimate * width);
    set.lines.reserve(estimate);
    set.starts.reserve(estimate);
    while pos < text.len() {
        let (first_cell, first_unquoted) = (cells.len(), unquoted.len());
        // Offsets fit: the text is at most MAX_TEXT_BYTES long.
        let record_start = pos as u32;
        let (r, next) = record(
            text,
            pos,
            &mut Cells {
                cells: &mut cells,
                unquoted: &mut unquoted,
            },
        );
        pos = next;
        let start = line;
        let rollback = |cells: &mut Vec<Span>, unquoted: &mut String| {
            cells.truncate(first_cell);
            unquoted.truncate(first_unquoted);
        };
        match r {
            Ok(n) => line += n,
            Err(Broken(message)) => {
                line += 1;
                rollback(&mut cells, &mut unquoted);
                out.push(diag(file, start, "row", Code::Syntax, message));
                continue;
            }
        }
        let value = |s: &Span| resolve(text, &unquoted, *s);
        let record = &cells[first_cell..];
        if record.iter().all(|s| value(s).trim().is_empty()) {
            rollback(&mut cells, &mut unquoted);
            continue;
        }
        if set.lines.len() >= MAX_ROWS {
            rollback(&mut cells, &mut unquoted);
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
        let extra_empty = n > width && record[width..].iter().all(|s| value(s).trim().is_empty());
        if n == width || extra_empty {
            cells.truncate(first_cell + width);
            set.lines.push(start);
            set.starts.push(record_start);
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
            cells.resize(first_cell + width, Span::default());
            set.lines.push(start);
            set.starts.push(record_start);
        } else {
            rollback(&mut cells, &mut unquoted);
            out.push(diag(
                file,
                start,
                "row",
                Code::Syntax,
                format!("expected {width} columns, found {n}"),
            ));
        }
    }
    cells.shrink_to_fit();
    set.cells = cells;
    set.unquoted = unquoted;
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
