//! CURIEs in a mapping set: a prefix must be declared in the `curie_map` or be built in.

use foldhash::HashSet;

use super::{MappingSet, diag};
use crate::diagnostic::{Code, Diagnostic};

/// The prefixes a set declares in its `curie_map`, in a table with a fast hasher: every row
/// looks up two or more of them, and a large set declares hundreds.
pub(super) struct Declared<'s>(HashSet<&'s str>);

impl<'s> Declared<'s> {
    pub(super) fn of(set: &'s MappingSet<'_>) -> Self {
        Self(set.curie_map.keys().map(String::as_str).collect())
    }
    /// Whether `prefix` is in the `curie_map`.
    pub(super) fn contains(&self, prefix: &str) -> bool {
        self.0.contains(prefix)
    }
}

pub(super) fn check_prefix(
    declared: &Declared<'_>,
    curie: &str,
    file: &str,
    line: usize,
    column: &str,
    out: &mut Vec<Diagnostic>,
) -> bool {
    let Some((prefix, _)) = curie.split_once(':') else {
        out.push(diag(
            file,
            line,
            column,
            Code::Schema,
            format!("`{curie}` is not a CURIE (expected `prefix:local`)"),
        ));
        return false;
    };
    if declared.contains(prefix) || matches!(prefix, "skos" | "semapv" | "sssom" | "owl" | "rdfs") {
        true
    } else {
        out.push(diag(
            file,
            line,
            column,
            Code::DanglingReference,
            format!("prefix `{prefix}` of `{curie}` is not declared in the curie_map"),
        ));
        false
    }
}
