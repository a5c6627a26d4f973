//! The text of one input file: size limits, trailing-comma recovery, and the line and column of
//! every JSON value, so that diagnostics can point at the place a problem is.

use std::collections::HashMap;
use std::sync::OnceLock;

/// Largest input file accepted by default, in bytes (512 MiB: a mapping set of about a million
/// mappings is some 430 MB). [`DatasetBuilder::max_input_bytes`](crate::DatasetBuilder::max_input_bytes)
/// and `--max-input-bytes` set another bound.
pub const MAX_FILE_BYTES: usize = 512 * 1024 * 1024;

/// Deepest JSON nesting accepted.
pub const MAX_DEPTH: usize = 64;

/// A line and column, both counted from 1 (columns in characters).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Position {
    /// Line, from 1.
    pub line: usize,
    /// Column in characters, from 1.
    pub column: usize,
}

/// A problem found while scanning the raw text, before parsing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum ScanProblem {
    /// A comma directly before `]` or `}`.
    TrailingComma(Position),
    /// Nesting deeper than [`MAX_DEPTH`].
    TooDeep(Position),
}

/// Where the rows of data converted from a table (an SSSOM file) are: for each provision of a
/// jurisdiction, the line of its first row and the line of each mapping's row; for each gap
/// record, its line. Indexes follow the converted jurisdiction's lists.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub(crate) struct RowLines {
    pub provisions: Vec<(Option<usize>, Vec<usize>)>,
    pub gaps: Vec<usize>,
}

impl RowLines {
    /// The line of `provisions[i]`, `provisions[i].mappings[j]...` or `gaps[i]...`.
    fn line(&self, path: &str) -> Option<usize> {
        fn index(rest: &str) -> Option<(usize, &str)> {
            let rest = rest.strip_prefix('[')?;
            let close = rest.find(']')?;
            Some((rest[..close].parse().ok()?, &rest[close + 1..]))
        }
        if let Some(rest) = path.strip_prefix("gaps") {
            let (i, _) = index(rest)?;
            return self.gaps.get(i).copied();
        }
        let (i, rest) = index(path.strip_prefix("provisions")?)?;
        let (first, mappings) = self.provisions.get(i)?;
        match rest.strip_prefix(".mappings").and_then(index) {
            Some((j, _)) => mappings.get(j).copied().or(*first),
            None => *first,
        }
    }
}

/// How positions are found: by scanning JSON text, or from a table's row lines.
#[derive(Debug)]
enum Locator {
    Scanned(OnceLock<HashMap<String, Position>>),
    Rows(RowLines),
}

/// One input file's text with a lazily built index from value path to position.
#[derive(Debug)]
pub(crate) struct SourceText {
    /// The name shown in diagnostics (a path, or `embedded:data/...`).
    pub name: String,
    /// The text as read.
    pub text: String,
    /// Whether it is one of the shipped data files, which the test suite checks whole: they
    /// are parsed without the pre-scan for trailing commas and nesting depth (two thirds of
    /// loading the embedded data).
    pub shipped: bool,
    locator: Locator,
}

impl SourceText {
    pub fn new(name: impl Into<String>, text: impl Into<String>) -> Self {
        Self {
            name: name.into(),
            text: text.into(),
            shipped: false,
            locator: Locator::Scanned(OnceLock::new()),
        }
    }

    /// Data converted from a table: positions are the rows' lines (column 1).
    pub fn with_rows(name: impl Into<String>, rows: RowLines) -> Self {
        Self {
            name: name.into(),
            text: String::new(),
            shipped: false,
            locator: Locator::Rows(rows),
        }
    }

    /// The position of the value at `path` (e.g. `provisions[2].mappings[0].category`), or of
    /// its nearest ancestor that has one.
    pub fn position(&self, path: &str) -> Option<Position> {
        let index = match &self.locator {
            Locator::Rows(rows) => {
                return rows.line(path).map(|line| Position { line, column: 1 });
            }
            Locator::Scanned(cell) => cell.get_or_init(|| scan(&self.text).positions),
        };
        let mut path = path;
        loop {
            if let Some(p) = index.get(path) {
                return Some(*p);
            }
            let cut = path.rfind(['.', '['])?;
            path = &path[..cut];
        }
    }

    /// Problems in the raw text, and a copy with trailing commas blanked out so that parsing
    /// can go on and report the file's other problems too.
    pub fn recover(&self) -> (Vec<ScanProblem>, Option<String>) {
        let scanned = scan(&self.text);
        let repaired = if scanned.problems.is_empty() {
            None
        } else {
            let mut bytes = self.text.clone().into_bytes();
            for offset in &scanned.trailing_comma_offsets {
                bytes[*offset] = b' ';
            }
            // Only an ASCII comma was replaced by an ASCII space.
            String::from_utf8(bytes).ok()
        };
        (scanned.problems, repaired)
    }
}

struct Scan {
    positions: HashMap<String, Position>,
    problems: Vec<ScanProblem>,
    trailing_comma_offsets: Vec<usize>,
}

enum Frame {
    Object { key: Option<String> },
    Array { index: usize },
}

/// The state of one scan: open containers, the current path, and what was found.
struct Scanner<'t> {
    text: &'t str,
    bytes: &'t [u8],
    i: usize,
    line: usize,
    column: usize,
    /// The open containers.
    stack: Vec<Frame>,
    /// The path of the innermost container.
    base: String,
    /// `base_lens[i]` is the length `base` had before container `i` was entered.
    base_lens: Vec<usize>,
    last_comma: Option<(usize, Position)>,
    positions: HashMap<String, Position>,
    problems: Vec<ScanProblem>,
    trailing_comma_offsets: Vec<usize>,
}

impl<'t> Scanner<'t> {
    fn new(text: &'t str) -> Self {
        Self {
            text,
            bytes: text.as_bytes(),
            i: 0,
            line: 1,
            column: 1,
            stack: Vec::new(),
            base: String::new(),
            base_lens: Vec::new(),
            last_comma: None,
            positions: HashMap::new(),
            problems: Vec::new(),
            trailing_comma_offsets: Vec::new(),
        }
    }

    fn here(&self) -> Position {
        Position {
            line: self.line,
            column: self.column,
        }
    }

    /// The path a value starting now would have.
    fn value_path(&self) -> String {
        let mut path = self.base.clone();
        match self.stack.last() {
            Some(Frame::Object { key: Some(k) }) => {
                if !path.is_empty() {
                    path.push('.');
                }
                path.push_str(k);
            }
            Some(Frame::Array { index }) => path.push_str(&format!("[{index}]")),
            _ => {}
        }
        path
    }

    fn mark_value(&mut self) {
        let (path, here) = (self.value_path(), self.here());
        self.positions.entry(path).or_insert(here);
    }

    fn comma(&mut self) {
        self.last_comma = Some((self.i, self.here()));
        match self.stack.last_mut() {
            Some(Frame::Array { index }) => *index += 1,
            Some(Frame::Object { key }) => *key = None,
            None => {}
        }
    }

    fn close(&mut self) {
        if let Some((offset, at)) = self.last_comma.take() {
            self.problems.push(ScanProblem::TrailingComma(at));
            self.trailing_comma_offsets.push(offset);
        }
        self.stack.pop();
        if let Some(len) = self.base_lens.pop() {
            self.base.truncate(len);
        }
    }

    /// Enters a container; false when it would be nested deeper than [`MAX_DEPTH`].
    fn open(&mut self, object: bool) -> bool {
        if self.stack.len() >= MAX_DEPTH {
            self.problems.push(ScanProblem::TooDeep(self.here()));
            return false;
        }
        let (path, here) = (self.value_path(), self.here());
        self.positions.entry(path.clone()).or_insert(here);
        self.base_lens.push(self.base.len());
        self.base = path;
        self.stack.push(if object {
            Frame::Object { key: None }
        } else {
            Frame::Array { index: 0 }
        });
        true
    }

    /// Reads a string (a key or a value) starting at the opening quote; columns count
    /// characters.
    fn string(&mut self) {
        let bytes = self.bytes;
        let start = self.i + 1;
        let mut j = start;
        let mut escaped = false;
        while j < bytes.len() {
            let c = bytes[j];
            if escaped {
                escaped = false;
            } else if c == b'\\' {
                escaped = true;
            } else if c == b'"' || c == b'\n' {
                break;
            }
            j += 1;
        }
        let content = self.text.get(start..j.min(bytes.len())).unwrap_or("");
        let is_key = matches!(self.stack.last(), Some(Frame::Object { key: None }))
            && next_significant(bytes, j + 1) == Some(b':');
        if is_key {
            if let Some(Frame::Object { key }) = self.stack.last_mut() {
                *key = Some(content.to_owned());
            }
        } else {
            self.mark_value();
        }
        self.last_comma = None;
        self.column += 1 + content.chars().count() + 1;
        self.i = j + 1;
    }

    /// Skips a literal or number starting here.
    fn literal(&mut self) {
        self.mark_value();
        let bytes = self.bytes;
        let mut j = self.i;
        while j < bytes.len()
            && (bytes[j].is_ascii_alphanumeric() || matches!(bytes[j], b'-' | b'+' | b'.'))
        {
            j += 1;
        }
        self.column += j - self.i;
        self.i = j;
        self.last_comma = None;
    }

    fn run(mut self) -> Scan {
        while self.i < self.bytes.len() {
            let b = self.bytes[self.i];
            match b {
                b'\n' => {
                    self.line += 1;
                    self.column = 1;
                    self.i += 1;
                    continue;
                }
                b',' => {
                    self.comma();
                    self.i += 1;
                    self.column += 1;
                    continue;
                }
                b'"' => {
                    self.string();
                    continue;
                }
                b']' | b'}' => self.close(),
                b'{' | b'[' if !self.open(b == b'{') => break,
                _ if b.is_ascii_alphanumeric() || b == b'-' => {
                    self.literal();
                    continue;
                }
                _ => {}
            }
            if !matches!(b, b' ' | b'\t' | b'\r') {
                self.last_comma = None;
            }
            self.i += 1;
            // Count characters, not bytes: skip UTF-8 continuation bytes.
            if b & 0xC0 != 0x80 {
                self.column += 1;
            }
        }
        Scan {
            positions: self.positions,
            problems: self.problems,
            trailing_comma_offsets: self.trailing_comma_offsets,
        }
    }
}

/// Scans JSON text without recursion. It is tolerant: it never fails, and leaves the real syntax
/// check to the parser. It stops at the first nesting deeper than [`MAX_DEPTH`], since such a
/// file is refused anyway.
fn scan(text: &str) -> Scan {
    Scanner::new(text).run()
}

fn next_significant(bytes: &[u8], from: usize) -> Option<u8> {
    bytes
        .get(from..)?
        .iter()
        .copied()
        .find(|b| !b.is_ascii_whitespace())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_of_values() {
        let text = "{\n  \"a\": [\n    {\"b\": 1},\n    {\"b\": \"x\"}\n  ]\n}\n";
        let source = SourceText::new("t.json", text);
        assert_eq!(
            source.position("a[1].b"),
            Some(Position {
                line: 4,
                column: 11
            })
        );
        assert_eq!(
            source.position("a[0].b"),
            Some(Position {
                line: 3,
                column: 11
            })
        );
        // A missing leaf falls back to its parent.
        assert_eq!(
            source.position("a[1].zzz"),
            Some(Position { line: 4, column: 5 })
        );
    }

    #[test]
    fn trailing_commas_are_found_and_blanked() {
        let text = "{\"a\": [1, 2,],\n \"b\": {\"c\": 1,}\n}";
        let source = SourceText::new("t.json", text);
        let (problems, repaired) = source.recover();
        assert_eq!(
            problems,
            vec![
                ScanProblem::TrailingComma(Position {
                    line: 1,
                    column: 12
                }),
                ScanProblem::TrailingComma(Position {
                    line: 2,
                    column: 14
                }),
            ]
        );
        let repaired = repaired.unwrap();
        assert!(serde_json::from_str::<serde_json::Value>(&repaired).is_ok());
    }

    #[test]
    fn commas_inside_strings_are_not_trailing() {
        let source = SourceText::new("t.json", r#"{"a": "x,]", "b": "\",}"}"#);
        assert!(source.recover().0.is_empty());
    }

    #[test]
    fn deep_nesting_is_reported_once() {
        let text = "[".repeat(200) + &"]".repeat(200);
        let source = SourceText::new("t.json", text);
        let (problems, _) = source.recover();
        assert_eq!(problems.len(), 1);
        assert!(matches!(problems[0], ScanProblem::TooDeep(_)));
    }
}
