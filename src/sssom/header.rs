//! The YAML header of an SSSOM TSV file (the lines starting with `#`).

use super::{MappingSet, diag};
use crate::diagnostic::{Code, Diagnostic};

/// Parses the YAML header subset SSSOM files use: `key: value`, a nested `curie_map:` block,
/// and `- item` lists.
pub(super) fn parse_header(
    file: &str,
    lines: &[(usize, &str)],
    set: &mut MappingSet,
    out: &mut Vec<Diagnostic>,
) {
    let mut current: Option<String> = None;
    let mut prefix_lines: std::collections::HashMap<String, usize> =
        std::collections::HashMap::new();
    for (line, raw) in lines {
        let text = raw.trim_start_matches('#');
        if text.trim().is_empty() {
            continue;
        }
        let indented = text.starts_with("  ") || text.starts_with('\t');
        let item = text.trim();
        if indented {
            let Some(key) = &current else {
                out.push(diag(
                    file,
                    *line,
                    "header",
                    Code::Syntax,
                    format!("indented header line `{item}` has no parent key"),
                ));
                continue;
            };
            if let Some(value) = item.strip_prefix("- ") {
                let entry = set.metadata.entry(key.clone()).or_default();
                if !entry.is_empty() {
                    entry.push_str(", ");
                }
                entry.push_str(value.trim());
            } else if let Some((k, v)) = item.split_once(':') {
                if key == "curie_map" {
                    let prefix = k.trim().to_owned();
                    if let Some(first) = prefix_lines.get(&prefix) {
                        out.push(diag(
                            file,
                            *line,
                            "curie_map",
                            Code::DuplicateId,
                            format!("prefix `{prefix}` is declared twice (first on line {first})"),
                        ));
                        continue;
                    }
                    prefix_lines.insert(prefix.clone(), *line);
                    set.curie_map.insert(prefix, v.trim().to_owned());
                } else {
                    let entry = set.metadata.entry(key.clone()).or_default();
                    if !entry.is_empty() {
                        entry.push_str(", ");
                    }
                    entry.push_str(item);
                }
            } else {
                out.push(diag(
                    file,
                    *line,
                    "header",
                    Code::Syntax,
                    format!("expected `key: value` or `- item` in the header, found `{item}`"),
                ));
            }
        } else if let Some((k, v)) = item.split_once(':') {
            let key = k.trim().to_owned();
            let value = v.trim();
            set.metadata_lines.insert(key.clone(), *line);
            if !value.is_empty() {
                set.metadata
                    .insert(key.clone(), value.trim_matches('"').to_owned());
            }
            current = Some(key);
        } else {
            out.push(diag(
                file,
                *line,
                "header",
                Code::Syntax,
                format!("expected `key: value` in the header, found `{item}`"),
            ));
        }
    }
}
