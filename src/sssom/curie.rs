//! CURIEs in a mapping set: a prefix must be declared in the `curie_map` or be built in.

use super::{MappingSet, diag};
use crate::diagnostic::{Code, Diagnostic};

pub(super) fn check_prefix(
    set: &MappingSet,
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
    if set.curie_map.contains_key(prefix)
        || matches!(prefix, "skos" | "semapv" | "sssom" | "owl" | "rdfs")
    {
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
