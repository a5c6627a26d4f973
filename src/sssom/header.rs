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
                    let prefix = (k.trim().to_owned(), v.trim().to_owned());
                    declare(set, &mut prefix_lines, prefix, (file, *line), out);
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
            if key == "curie_map" && value.starts_with('{') {
                // Flow style: `curie_map: {skos: 'http://...', ex: "http://..."}`.
                match flow_map(value) {
                    Some(pairs) => {
                        for pair in pairs {
                            declare(set, &mut prefix_lines, pair, (file, *line), out);
                        }
                    }
                    None => out.push(diag(
                        file,
                        *line,
                        "curie_map",
                        Code::Syntax,
                        format!("cannot read the flow-style curie_map `{value}`: expected `{{prefix: iri, ...}}`"),
                    )),
                }
                current = Some(key);
                continue;
            }
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

/// Reads a one-line YAML flow mapping of scalars, `{a: 'x', b: "y", c: z}`; `None` when it is
/// not one.
fn flow_map(value: &str) -> Option<Vec<(String, String)>> {
    let inner = value.strip_prefix('{')?.strip_suffix('}')?.trim();
    if inner.is_empty() {
        return Some(Vec::new());
    }
    let mut pairs = Vec::new();
    let mut rest = inner;
    while !rest.is_empty() {
        let (key, after) = rest.split_once(':')?;
        let after = after.trim_start();
        let (val, tail) = match after.chars().next() {
            Some(q @ ('\'' | '"')) => {
                let body = &after[1..];
                let end = body.find(q)?;
                (&body[..end], body[end + 1..].trim_start())
            }
            _ => match after.find(',') {
                Some(i) => (after[..i].trim_end(), &after[i..]),
                None => (after.trim_end(), ""),
            },
        };
        pairs.push((unquote(key.trim()).to_owned(), val.to_owned()));
        rest = match tail.strip_prefix(',') {
            Some(t) => t.trim_start(),
            None if tail.is_empty() => "",
            None => return None,
        };
    }
    Some(pairs)
}

fn unquote(s: &str) -> &str {
    s.strip_prefix(['\'', '"'])
        .and_then(|t| t.strip_suffix(['\'', '"']))
        .unwrap_or(s)
}

/// Adds a `(prefix, iri)` pair to the curie_map; a prefix declared twice is an error naming
/// the first line.
fn declare(
    set: &mut MappingSet,
    lines: &mut std::collections::HashMap<String, usize>,
    (prefix, iri): (String, String),
    (file, line): (&str, usize),
    out: &mut Vec<Diagnostic>,
) {
    if let Some(first) = lines.get(&prefix) {
        out.push(diag(
            file,
            line,
            "curie_map",
            Code::DuplicateId,
            format!("prefix `{prefix}` is declared twice (first on line {first})"),
        ));
        return;
    }
    lines.insert(prefix.clone(), line);
    set.curie_map.insert(prefix, iri);
}
