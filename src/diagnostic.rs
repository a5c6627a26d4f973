//! Diagnostics: what is wrong with the input, where, and how bad it is.

use std::fmt;

use serde::Serialize;

use crate::source_text::Position;

/// How bad a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Severity {
    /// Informational, e.g. a user file overriding a shipped one.
    Note,
    /// Suspicious but usable.
    Warning,
    /// The data is wrong or unusable.
    Error,
}

impl Severity {
    /// The lower-case name.
    pub fn as_str(&self) -> &'static str {
        match self {
            Self::Note => "note",
            Self::Warning => "warning",
            Self::Error => "error",
        }
    }
}

/// What kind of problem a diagnostic reports. Each has a stable kebab-case name for tools.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub enum Code {
    /// The file could not be read.
    Io,
    /// The file is larger than the limit, or nested too deeply.
    TooLarge,
    /// Not valid JSON (or TSV).
    Syntax,
    /// A comma before `]` or `}`.
    TrailingComma,
    /// Valid syntax, but a field is unknown, missing or of the wrong type or form.
    Schema,
    /// The file is not a taxonomy, alignments or jurisdiction file.
    UnknownFileKind,
    /// An id is defined twice.
    DuplicateId,
    /// A category id that does not exist.
    UnknownCategory,
    /// An element id the category does not have.
    UnknownElement,
    /// A qualification the category does not permit.
    QualificationNotPermitted,
    /// A reference to an instrument, taxonomy or other item that does not exist.
    DanglingReference,
    /// An id that contradicts where it is, e.g. a provision of `sg:` in the Malaysian file.
    IdMismatch,
    /// A start date after an end date.
    InvertedDates,
    /// A required text (source title, summary, number) is empty.
    MissingText,
    /// A category is both mapped and recorded as a gap.
    ConflictingVerdict,
    /// A Convention offence category has no verdict (mapping or gap record) for a jurisdiction.
    MissingVerdict,
    /// A mapping that contradicts itself, e.g. an exact match that covers only some elements.
    InconsistentMapping,
    /// A user file replaces a shipped one.
    Override,
    /// A value outside its range, e.g. a confidence above 1.
    OutOfRange,
    /// What an interchange format cannot hold was left at a default (e.g. a jurisdiction known
    /// only from an SSSOM set has no name or treaties).
    NotInInterchange,
}

impl Code {
    /// Whether the problem makes the input unusable as a whole (it could not be read or
    /// parsed), as opposed to a finding about its content.
    pub fn is_unusable(&self) -> bool {
        matches!(
            self,
            Self::Io | Self::TooLarge | Self::Syntax | Self::TrailingComma | Self::UnknownFileKind
        )
    }

    /// The stable kebab-case name.
    pub fn as_str(&self) -> &'static str {
        match self {
            Self::Io => "io",
            Self::TooLarge => "too-large",
            Self::Syntax => "syntax",
            Self::TrailingComma => "trailing-comma",
            Self::Schema => "schema",
            Self::UnknownFileKind => "unknown-file-kind",
            Self::DuplicateId => "duplicate-id",
            Self::UnknownCategory => "unknown-category",
            Self::UnknownElement => "unknown-element",
            Self::QualificationNotPermitted => "qualification-not-permitted",
            Self::DanglingReference => "dangling-reference",
            Self::IdMismatch => "id-mismatch",
            Self::InvertedDates => "inverted-dates",
            Self::MissingText => "missing-text",
            Self::ConflictingVerdict => "conflicting-verdict",
            Self::MissingVerdict => "missing-verdict",
            Self::InconsistentMapping => "inconsistent-mapping",
            Self::Override => "override",
            Self::OutOfRange => "out-of-range",
            Self::NotInInterchange => "not-in-interchange",
        }
    }
}

/// One finding about the input.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    /// How bad.
    pub severity: Severity,
    /// What kind.
    pub code: Code,
    /// The file, as named when it was loaded.
    pub file: String,
    /// Line, from 1, where known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<usize>,
    /// Column, from 1, where known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub column: Option<usize>,
    /// The place inside the file, e.g. `provisions[2].mappings[0].category`.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub path: String,
    /// What is wrong and what was expected.
    pub message: String,
}

impl Diagnostic {
    pub(crate) fn new(
        severity: Severity,
        code: Code,
        file: &str,
        position: Option<Position>,
        path: impl Into<String>,
        message: impl Into<String>,
    ) -> Self {
        Self {
            severity,
            code,
            file: file.to_owned(),
            line: position.map(|p| p.line),
            column: position.map(|p| p.column),
            path: path.into(),
            message: message.into(),
        }
    }
}

impl fmt::Display for Diagnostic {
    /// `file:line:column: severity[code]: path: message`
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.file)?;
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
            if let Some(column) = self.column {
                write!(f, ":{column}")?;
            }
        }
        write!(f, ": {}[{}]: ", self.severity.as_str(), self.code.as_str())?;
        if !self.path.is_empty() {
            write!(f, "{}: ", self.path)?;
        }
        f.write_str(&self.message)
    }
}

/// A list of diagnostics; as an error, it means the input was not usable.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[serde(transparent)]
pub struct Diagnostics(pub Vec<Diagnostic>);

impl Diagnostics {
    /// Whether any diagnostic is an error.
    pub fn has_errors(&self) -> bool {
        self.0.iter().any(|d| d.severity == Severity::Error)
    }
    /// Number of diagnostics of a severity.
    pub fn count(&self, severity: Severity) -> usize {
        self.0.iter().filter(|d| d.severity == severity).count()
    }
    /// The diagnostics.
    pub fn iter(&self) -> std::slice::Iter<'_, Diagnostic> {
        self.0.iter()
    }
    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
    /// How many.
    pub fn len(&self) -> usize {
        self.0.len()
    }
}

impl fmt::Display for Diagnostics {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // Past a thousand lines a report is no longer read; the rest are counted.
        const SHOWN: usize = 1000;
        for d in self.0.iter().take(SHOWN) {
            writeln!(f, "{d}")?;
        }
        if self.0.len() > SHOWN {
            writeln!(f, "... and {} more", self.0.len() - SHOWN)?;
        }
        write!(
            f,
            "{} error(s), {} warning(s)",
            self.count(Severity::Error),
            self.count(Severity::Warning)
        )
    }
}

impl std::error::Error for Diagnostics {}

impl<'a> IntoIterator for &'a Diagnostics {
    type Item = &'a Diagnostic;
    type IntoIter = std::slice::Iter<'a, Diagnostic>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.iter()
    }
}
