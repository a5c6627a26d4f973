//! The metadata block of a mapping set: the `#` lines before the TSV section (embedded mode),
//! or a YAML file beside it (external mode). Read as YAML (see [`super::yaml`]); every
//! problem is reported at its line and column in the file it is in.

use super::spec::{self, BUILTIN_PREFIXES};
use super::yaml::{self, At, Node};
use super::{Extension, MappingSet};
use crate::diagnostic::{Code, Diagnostic, Severity};
use crate::source_text::Position;

/// Where the YAML text came from: its file, and for each of its lines the line in that file
/// and how many characters were cut from its start (the `#`).
pub(super) struct Origin<'a> {
    pub(super) file: &'a str,
    pub(super) lines: Vec<(usize, usize)>,
}

impl Origin<'_> {
    fn position(&self, at: At) -> Position {
        let (line, cut) = self
            .lines
            .get(at.line.saturating_sub(1))
            .copied()
            .unwrap_or((at.line, 0));
        Position {
            line,
            column: at.column + cut,
        }
    }

    fn diag(
        &self,
        severity: Severity,
        code: Code,
        at: At,
        path: &str,
        message: String,
    ) -> Diagnostic {
        Diagnostic::new(
            severity,
            code,
            self.file,
            Some(self.position(at)),
            path,
            message,
        )
    }
}

/// Reads a metadata block into `set`: the curie_map, extension definitions, and every other
/// key with its values.
pub(super) fn read(
    yaml_text: &str,
    origin: &Origin<'_>,
    set: &mut MappingSet,
    out: &mut Vec<Diagnostic>,
) {
    let (repaired, quoted) = requote_plain_colons(yaml_text);
    let text = if quoted.is_empty() {
        yaml_text
    } else {
        match yaml::parse(yaml_text) {
            // Valid as written: read it as written.
            Ok(_) => {
                return read_parsed(yaml::parse(yaml_text), origin, set, out);
            }
            Err(_) => {
                for (at, key) in &quoted {
                    out.push(origin.diag(
                        Severity::Warning,
                        Code::Schema,
                        *at,
                        key,
                        format!("the value of `{key}` holds `: ` without quotes, which YAML does not allow (older writers, this crate's before data 2026.12.3 among them, wrote it so): it is read as text"),
                    ));
                }
                &repaired
            }
        }
    };
    read_parsed(yaml::parse(text), origin, set, out);
}

/// Top-level `key: value` lines whose plain value holds `: `, which YAML refuses, rewritten
/// with the value double-quoted; with where each key is (in the YAML text) and the key.
fn requote_plain_colons(text: &str) -> (String, Vec<(At, String)>) {
    let mut out = String::with_capacity(text.len() + 16);
    let mut quoted = Vec::new();
    for (i, line) in text.lines().enumerate() {
        // `# key: value` lines keep the space after the `#`: a top-level key is indented by
        // at most one space.
        let indent = if line.starts_with(' ') { " " } else { "" };
        let fixed = line[indent.len()..]
            .split_once(": ")
            .and_then(|(key, value)| {
                let key_ok =
                    !key.is_empty() && key.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
                let value = value.trim();
                let plain = !value.starts_with(['"', '\'', '[', '{', '|', '>', '&', '*', '!']);
                (key_ok && plain && value.contains(": ")).then(|| {
                    let escaped = value.replace('\\', "\\\\").replace('"', "\\\"");
                    (key.to_owned(), format!("{indent}{key}: \"{escaped}\""))
                })
            });
        match fixed {
            Some((key, line)) => {
                let column = line.len() - line.trim_start().len() + 1;
                quoted.push((
                    At {
                        line: i + 1,
                        column,
                    },
                    key,
                ));
                out.push_str(&line);
            }
            None => out.push_str(line),
        }
        out.push('\n');
    }
    (out, quoted)
}

fn read_parsed(
    parsed: Result<Option<Node>, yaml::YamlError>,
    origin: &Origin<'_>,
    set: &mut MappingSet,
    out: &mut Vec<Diagnostic>,
) {
    let root = match parsed {
        Ok(Some(node)) => node,
        Ok(None) => return,
        Err(e) => {
            let code = if e.message.contains("is given twice") {
                Code::DuplicateId
            } else {
                Code::Syntax
            };
            out.push(origin.diag(
                Severity::Error,
                code,
                e.at,
                "metadata",
                format!("cannot read the metadata block as YAML: {}", e.message),
            ));
            return;
        }
    };
    let Node::Map(entries, _) = root else {
        out.push(origin.diag(
            Severity::Error,
            Code::Schema,
            root.at(),
            "metadata",
            format!(
                "the metadata block must be a mapping of slots, found {}",
                root.kind()
            ),
        ));
        return;
    };
    for (key, at, value) in entries {
        set.metadata_lines
            .insert(key.clone(), origin.position(at).line);
        set.metadata_at.insert(key.clone(), origin.position(at));
        match key.as_str() {
            "curie_map" => curie_map(&value, origin, set, out),
            "extension_definitions" => extensions(&value, origin, set, out),
            _ => {
                let values = scalars(&key, &value, origin, out);
                if values.is_empty() {
                    continue;
                }
                set.metadata.insert(key.clone(), values.join(", "));
                set.values.insert(key, values);
            }
        }
    }
}

/// The values of a slot: one scalar, or a list of scalars.
fn scalars(key: &str, node: &Node, origin: &Origin<'_>, out: &mut Vec<Diagnostic>) -> Vec<String> {
    let one = |n: &Node, out: &mut Vec<Diagnostic>| match n {
        Node::Scalar { .. } => n.text().map(str::to_owned),
        other => {
            out.push(origin.diag(
                Severity::Error,
                Code::Schema,
                other.at(),
                key,
                format!(
                    "`{key}` must be a value or a list of values, found {}",
                    other.kind()
                ),
            ));
            None
        }
    };
    match node {
        Node::List(items, _) => items.iter().filter_map(|n| one(n, out)).collect(),
        n => one(n, out).into_iter().collect(),
    }
}

fn curie_map(node: &Node, origin: &Origin<'_>, set: &mut MappingSet, out: &mut Vec<Diagnostic>) {
    let Node::Map(entries, _) = node else {
        if node.text().is_some() || !matches!(node, Node::Scalar { .. }) {
            out.push(origin.diag(
                Severity::Error,
                Code::Schema,
                node.at(),
                "curie_map",
                format!(
                    "`curie_map` must map prefixes to IRIs, found {}",
                    node.kind()
                ),
            ));
        }
        return;
    };
    for (prefix, at, iri) in entries {
        let Some(iri) = iri.text() else {
            out.push(origin.diag(
                Severity::Error,
                Code::Schema,
                iri.at(),
                "curie_map",
                format!(
                    "prefix `{prefix}` must expand to an IRI, found {}",
                    iri.kind()
                ),
            ));
            continue;
        };
        if let Some((_, builtin)) = BUILTIN_PREFIXES.iter().find(|(p, _)| p == prefix) {
            if iri != *builtin {
                out.push(origin.diag(
                    Severity::Error,
                    Code::Schema,
                    *at,
                    "curie_map",
                    format!("built-in prefix `{prefix}` must expand to `{builtin}`, not `{iri}`"),
                ));
                continue;
            }
        }
        set.curie_map.insert(prefix.clone(), iri.to_owned());
    }
}

fn extensions(node: &Node, origin: &Origin<'_>, set: &mut MappingSet, out: &mut Vec<Diagnostic>) {
    let Node::List(items, _) = node else {
        out.push(origin.diag(
            Severity::Error,
            Code::Schema,
            node.at(),
            "extension_definitions",
            format!(
                "`extension_definitions` must be a list, found {}",
                node.kind()
            ),
        ));
        return;
    };
    for item in items {
        let Node::Map(fields, at) = item else {
            out.push(origin.diag(
                Severity::Error,
                Code::Schema,
                item.at(),
                "extension_definitions",
                format!(
                    "an extension definition must be a mapping, found {}",
                    item.kind()
                ),
            ));
            continue;
        };
        let field = |name: &str| {
            fields
                .iter()
                .find(|(k, _, _)| k == name)
                .and_then(|(_, _, v)| v.text())
                .map(str::to_owned)
        };
        let Some(slot_name) = field("slot_name") else {
            out.push(origin.diag(
                Severity::Error,
                Code::Schema,
                *at,
                "extension_definitions",
                "an extension definition needs a `slot_name`".to_owned(),
            ));
            continue;
        };
        // spec-model.md: a definition without a property gets `http://sssom.invalid/NAME`.
        let property =
            field("property").unwrap_or_else(|| format!("http://sssom.invalid/{slot_name}"));
        if spec::slot(&slot_name).is_some() {
            out.push(origin.diag(
                Severity::Error,
                Code::Schema,
                *at,
                "extension_definitions",
                format!("extension `{slot_name}` has the name of a standard slot"),
            ));
            continue;
        }
        set.extensions.insert(
            slot_name,
            Extension {
                property,
                type_hint: field("type_hint"),
            },
        );
    }
}

/// The metadata keys that are neither slots of the set nor declared extensions.
pub(super) fn unknown_keys<'a>(set: &'a MappingSet<'_>) -> impl Iterator<Item = &'a String> {
    set.metadata_at.keys().filter(move |k| {
        !spec::slot(k).is_some_and(|s| s.on_set()) && !set.extensions.contains_key(*k)
    })
}

/// Splits a multi-valued TSV cell on `|`, reading `\|` as a `|` inside a value and `\\` as a
/// `\` (spec-formats-tsv.md, "Multi-valued slots"); any other `\` stays as it is.
pub fn split_values(cell: &str) -> Vec<String> {
    let mut values = vec![String::new()];
    let mut chars = cell.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' if matches!(chars.peek(), Some('|' | '\\')) => {
                if let (Some(v), Some(next)) = (values.last_mut(), chars.next()) {
                    v.push(next);
                }
            }
            '|' => values.push(String::new()),
            c => {
                if let Some(v) = values.last_mut() {
                    v.push(c);
                }
            }
        }
    }
    values
}

#[cfg(test)]
mod tests {
    use super::split_values;

    #[test]
    fn pipes_and_their_escapes() {
        assert_eq!(split_values("a|b"), ["a", "b"]);
        assert_eq!(
            split_values(r"Alice\|Bob|Charlie"),
            [r"Alice|Bob", "Charlie"]
        );
        assert_eq!(split_values(r"a\\|b"), [r"a\", "b"]);
        assert_eq!(split_values(r"a\b"), [r"a\b"]);
        assert_eq!(split_values(""), [""]);
    }
}
