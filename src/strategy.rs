//! Proptest strategies for downstream test suites (feature `proptest`): valid datasets and
//! SSSOM mapping sets, and deliberately broken ones with the diagnostic they must produce.
//!
//! ```
//! use cybercrime_taxonomy::{strategy, DatasetBuilder};
//! use proptest::prelude::*;
//!
//! proptest!(ProptestConfig::with_cases(8), |(data in strategy::dataset(4, 20))| {
//!     cybercrime_taxonomy::assert_consistent(&data);
//! });
//!
//! proptest!(ProptestConfig::with_cases(8), |(broken in strategy::broken_sssom_set())| {
//!     let errors = DatasetBuilder::new().embedded().text("x.sssom.tsv", broken.text.clone())
//!         .build().unwrap_err();
//!     prop_assert!(errors.iter().any(|d| d.code == broken.code && d.line == broken.line));
//! });
//! ```

use proptest::prelude::*;

use crate::synthetic::{Options, dataset_with};
use crate::{Code, Dataset, sssom};

/// Valid datasets: the embedded taxonomies with 1 to `max_jurisdictions` generated
/// jurisdictions of up to `max_provisions` provisions each.
pub fn dataset(max_jurisdictions: usize, max_provisions: usize) -> impl Strategy<Value = Dataset> {
    (
        1..=max_jurisdictions.max(1),
        0..=max_provisions,
        any::<u64>(),
    )
        .prop_map(|(jurisdictions, provisions, seed)| {
            dataset_with(
                Dataset::embedded(),
                Options {
                    jurisdictions,
                    provisions,
                    seed,
                },
            )
        })
}

/// Valid SSSOM TSV: the export of a generated dataset.
pub fn sssom_set(max_jurisdictions: usize, max_provisions: usize) -> impl Strategy<Value = String> {
    dataset(max_jurisdictions, max_provisions)
        .prop_map(|d| sssom::export(&d, &sssom::ExportOptions::default()))
}

/// A deliberately broken input and the diagnostic it must produce.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Broken {
    /// The input text.
    pub text: String,
    /// The diagnostic code expected.
    pub code: Code,
    /// The line the diagnostic must name.
    pub line: Option<usize>,
}

/// A valid SSSOM set with exactly one mapping row broken in one of several ways: unknown
/// prefix, unknown category, bad predicate, confidence out of range, duplicate row.
pub fn broken_sssom_set() -> impl Strategy<Value = Broken> {
    (sssom_set(2, 12), 0usize..5, any::<prop::sample::Index>()).prop_filter_map(
        "needs a mapping row",
        |(text, kind, pick)| {
            let lines: Vec<&str> = text.lines().collect();
            let rows: Vec<usize> = lines
                .iter()
                .enumerate()
                .filter(|(_, l)| !l.starts_with('#') && !l.starts_with("subject_id"))
                .filter(|(_, l)| !l.starts_with(sssom::NO_TERM_FOUND))
                // only simple rows (no quoted fields spanning lines)
                .filter(|(_, l)| l.split('\t').count() == sssom::COLUMNS.len() && !l.contains('"'))
                .map(|(i, _)| i)
                .collect();
            if rows.is_empty() {
                return None;
            }
            let at = rows[pick.index(rows.len())];
            let mut fields: Vec<String> = lines[at].split('\t').map(str::to_owned).collect();
            let code = match kind {
                0 => {
                    fields[0] = format!("qq{}", &fields[0][fields[0].find(':')?..]);
                    Code::DanglingReference
                }
                1 => {
                    fields[3] = "un2024:art99".to_owned();
                    Code::UnknownCategory
                }
                2 => {
                    fields[2] = "skos:sameAs".to_owned();
                    Code::Schema
                }
                3 => {
                    fields[6] = "1.5".to_owned();
                    Code::OutOfRange
                }
                _ => Code::DuplicateId,
            };
            let mut out: Vec<String> = lines.iter().map(|l| (*l).to_owned()).collect();
            let line = if code == Code::DuplicateId {
                out.insert(at + 1, lines[at].to_owned());
                at + 2
            } else {
                out[at] = fields.join("\t");
                at + 1
            };
            Some(Broken {
                text: out.join("\n") + "\n",
                code,
                line: Some(line),
            })
        },
    )
}

/// A generated jurisdiction file (JSON) with one defect: a typo'd category id, a duplicated
/// provision id, or a trailing comma.
pub fn broken_jurisdiction_json() -> impl Strategy<Value = Broken> {
    (dataset(1, 8), 0usize..3).prop_filter_map("needs a mapped provision", |(d, kind)| {
        let j = d.jurisdictions().next()?.clone();
        let text = serde_json::to_string_pretty(&j).ok()?;
        match kind {
            0 => {
                let at = text.find("\"un2024:art")?;
                let end = at + text[at + 1..].find('"')? + 1;
                let mut t = text.clone();
                t.replace_range(at..=end, "\"un2024:artx\"");
                Some(Broken {
                    text: t,
                    code: Code::UnknownCategory,
                    line: None,
                })
            }
            1 => {
                let mut j = j;
                let first = j.provisions.first()?.clone();
                j.provisions.push(first);
                Some(Broken {
                    text: serde_json::to_string_pretty(&j).ok()?,
                    code: Code::DuplicateId,
                    line: None,
                })
            }
            _ => {
                let at = text.rfind('}')?;
                let mut t = text.clone();
                t.insert(at, ',');
                Some(Broken {
                    text: t,
                    code: Code::TrailingComma,
                    line: None,
                })
            }
        }
    })
}
