//! Reading statistics input: `provision,count` CSV for the crosswalk.

use std::collections::HashMap;
use std::io::Read;

use serde::{Deserialize, Serialize};

use crate::{Error, ProvisionId};

/// One input row: a count of recorded offences (or cases) under a provision.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Count {
    /// The provision.
    pub provision: ProvisionId,
    /// The count.
    pub count: u64,
    /// The input line, from 1 (the header is line 1).
    pub line: u64,
}

/// Reads `provision,count` CSV (with that header). Every malformed row is an error naming the
/// file and line; a provision listed twice is an error too.
pub fn read_counts(name: &str, reader: impl Read) -> Result<Vec<Count>, Error> {
    let mut csv = csv::ReaderBuilder::new()
        .trim(csv::Trim::All)
        .flexible(false)
        .from_reader(reader);
    let table = |line: u64, message: String| Error::Table {
        file: name.to_owned(),
        line,
        message,
    };
    let headers = csv
        .headers()
        .map_err(|e| table(1, format!("cannot read the header: {e}")))?
        .clone();
    let column = |wanted: &str| headers.iter().position(|h| h.eq_ignore_ascii_case(wanted));
    let (Some(pc), Some(cc)) = (column("provision"), column("count")) else {
        return Err(table(
            1,
            format!(
                "expected a header with columns `provision` and `count`, found `{}`",
                headers.iter().collect::<Vec<_>>().join(",")
            ),
        ));
    };
    let mut out = Vec::new();
    let mut seen: HashMap<ProvisionId, u64> = HashMap::new();
    for record in csv.records() {
        let record = record.map_err(|e| {
            let line = e.position().map_or(0, |p| p.line());
            let message = match e.kind() {
                csv::ErrorKind::UnequalLengths {
                    expected_len, len, ..
                } => format!("expected {expected_len} fields, found {len}"),
                csv::ErrorKind::Utf8 { .. } => "not valid UTF-8".to_owned(),
                _ => e.to_string(),
            };
            table(line, format!("malformed row: {message}"))
        })?;
        let line = record.position().map_or(0, |p| p.line());
        let provision: ProvisionId = record
            .get(pc)
            .unwrap_or("")
            .parse()
            .map_err(|e| table(line, format!("{e}")))?;
        let raw = record.get(cc).unwrap_or("");
        let count: u64 = raw.parse().map_err(|_| {
            table(
                line,
                format!("count `{raw}` is not a whole number of zero or more"),
            )
        })?;
        if let Some(first) = seen.insert(provision.clone(), line) {
            return Err(table(
                line,
                format!("`{provision}` is listed twice (first on line {first})"),
            ));
        }
        out.push(Count {
            provision,
            count,
            line,
        });
    }
    Ok(out)
}
