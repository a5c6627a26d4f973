//! The crate's error type for operations other than loading data (which reports
//! [`Diagnostics`](crate::Diagnostics)).

/// An error from a library operation.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// An id that names nothing in the dataset.
    #[error("unknown {kind} `{id}`")]
    UnknownId {
        /// What kind of id, e.g. `jurisdiction`.
        kind: &'static str,
        /// The id as given.
        id: String,
    },
    /// A comparison of a State with itself, which says nothing.
    #[error("`{0}` is paired with itself: name two different States")]
    SamePair(crate::JurisdictionCode),
    /// Crosswalk totals that do not fit in 64 bits.
    #[error("counts overflow at line {line}: a total would exceed {max}", max = u64::MAX)]
    CountOverflow {
        /// The input line whose count made a total overflow.
        line: u64,
    },
    /// An option value that cannot be used.
    #[error("invalid {option}: {message}")]
    InvalidOption {
        /// The option, e.g. `mapping_set_id`.
        option: &'static str,
        /// What is wrong, showing the value.
        message: String,
    },
    /// A name or id that resolves to nothing (with suggestions) or to several items.
    #[error(transparent)]
    Lookup(#[from] crate::LookupError),
    /// A malformed id.
    #[error(transparent)]
    Id(#[from] crate::IdError),
    /// Reading or writing failed.
    #[error("{path}: {source}")]
    Io {
        /// The file.
        path: String,
        /// The cause.
        source: std::io::Error,
    },
    /// A CSV or TSV input problem, naming the file and line.
    #[error("{file}:{line}: {message}")]
    Table {
        /// The file.
        file: String,
        /// The line, from 1.
        line: u64,
        /// What is wrong.
        message: String,
    },
    /// Data given by the user does not validate; the diagnostics say where and why.
    #[error("the data does not validate:\n{0}")]
    InvalidData(crate::Diagnostics),
    /// Rendering an output failed, or the format is not available for it.
    #[error("cannot render: {0}")]
    Render(String),
    /// Writing an output failed.
    #[error("cannot write output: {0}")]
    Write(#[from] std::fmt::Error),
}
