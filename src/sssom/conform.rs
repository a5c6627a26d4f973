//! Checking a mapping set against the SSSOM specification alone, without this crate's
//! taxonomy: every slot's value against its range, the controlled vocabularies, the declared
//! prefixes, the mandatory slots (after propagation), literal mappings and extensions.

use super::curie::Declared;
use super::header::{self, split_values};
use super::spec::{
    self, BUILTIN_PREFIXES, CARDINALITIES, ENTITY_TYPES, JUSTIFICATIONS, LITERAL,
    PREDICATE_MODIFIERS, Range, VERSIONS,
};
use super::{MappingSet, Row};
use crate::diagnostic::{Code, Diagnostic, Severity};
use crate::source_text::Position;

/// The result of checking a mapping set against the specification.
#[derive(Debug, Default)]
pub(crate) struct Conformance {
    /// What was found, in file order within the metadata and then the rows.
    pub(crate) diagnostics: Vec<Diagnostic>,
    /// For each row, whether it breaks the specification (and so is not imported).
    pub(crate) bad_rows: Vec<bool>,
}

/// Parses and checks SSSOM/TSV text against the specification alone: the typed
/// [`MappingSet`] and every problem, one diagnostic each with its line and column.
///
/// ```
/// let tsv = "# curie_map:\n#   ex: https://example.org/\n# mapping_set_id: https://example.org/set\n\
///            subject_id\tpredicate_id\tobject_id\tmapping_justification\tconfidence\n\
///            ex:a\tskos:exactMatch\tex:b\tsemapv:LexicalMatching\t0.9\n\
///            ex:a\towl:equivalentClass\tzz:c\tsemapv:Guessing\t2\n";
/// let (set, problems) = cybercrime_taxonomy::sssom::validate("example.sssom.tsv", tsv);
/// assert_eq!(set.row_count(), 2);
/// let messages: Vec<String> = problems.iter().map(|d| d.to_string()).collect();
/// assert_eq!(messages, [
///     "example.sssom.tsv:6:26: error[dangling-reference]: object_id: prefix `zz` of `zz:c` is not declared in the curie_map",
///     "example.sssom.tsv:6:31: error[schema]: mapping_justification: `semapv:Guessing` is not a mapping justification of the SSSOM specification (semapv:LexicalMatching, semapv:ManualMappingCuration, ...)",
///     "example.sssom.tsv:6:47: error[out-of-range]: confidence: `2` is outside 0 to 1",
/// ]);
/// ```
pub fn validate<'t>(file: &str, text: &'t str) -> (MappingSet<'t>, Vec<Diagnostic>) {
    let (set, mut out) = super::parse(file, text);
    out.extend(conform(file, &set).diagnostics);
    (set, out)
}

/// Reads and checks an SSSOM/TSV file against the specification alone, as
/// `validate --sssom-only` does. The metadata block is read from `metadata` when given, else
/// from the `#` lines, else from a `.yml` (or `.yaml`) file of the same name beside it
/// (external metadata mode). The set is `None` when the file cannot be read at all.
pub fn validate_file(
    path: &std::path::Path,
    metadata: Option<&std::path::Path>,
) -> (Option<MappingSet<'static>>, crate::Diagnostics) {
    validate_file_within(path, metadata, crate::MAX_FILE_BYTES)
}

/// [`validate_file`] with another bound on the size of the files read than
/// [`MAX_FILE_BYTES`](crate::MAX_FILE_BYTES).
pub fn validate_file_within(
    path: &std::path::Path,
    metadata: Option<&std::path::Path>,
    max_bytes: usize,
) -> (Option<MappingSet<'static>>, crate::Diagnostics) {
    let name = path.display().to_string();
    let text = match crate::load::read_text(path, max_bytes) {
        Ok(t) => t,
        Err(d) => return (None, crate::Diagnostics(vec![d])),
    };
    let meta_path = match metadata {
        Some(m) => Some(m.to_path_buf()),
        None if !text.starts_with('#') => crate::load::metadata_beside(path),
        None => None,
    };
    let meta = match &meta_path {
        Some(p) => match crate::load::read_text(p, max_bytes) {
            Ok(t) => Some((p.display().to_string(), t)),
            Err(d) => return (None, crate::Diagnostics(vec![d])),
        },
        None => None,
    };
    let (set, mut out) = super::parse_with_metadata(
        &name,
        text,
        meta.as_ref().map(|(n, t)| (n.as_str(), t.as_str())),
    );
    out.extend(conform(&name, &set).diagnostics);
    out.sort_by(|a, b| (&a.file, a.line, a.column).cmp(&(&b.file, b.line, b.column)));
    (Some(set), crate::Diagnostics(out))
}

/// Checks a parsed set against the specification.
pub(crate) fn conform(file: &str, set: &MappingSet) -> Conformance {
    let mut c = Checker {
        file,
        set,
        out: Vec::new(),
        declared: Declared::of(set),
        last_justification: "",
    };
    c.metadata();
    c.columns();
    let plan = Plan::of(set);
    let bad_rows = set.rows().map(|row| c.row(&row, &plan)).collect();
    Conformance {
        diagnostics: c.out,
        bad_rows,
    }
}

/// A slot the row check needs, looked up once per set: its column and its set-level value
/// when it is propagatable.
struct Needed {
    name: &'static str,
    column: Option<usize>,
    propagated: Option<String>,
}

impl Needed {
    fn of(set: &MappingSet, name: &'static str) -> Self {
        let propagated = spec::slot(name)
            .filter(|s| s.propagated)
            .and_then(|_| set.values.get(name))
            .map(|v| v.join("|"));
        Self {
            name,
            column: set.column(name),
            propagated,
        }
    }
    /// The row's value: its cell, else the set's propagated value.
    fn value<'r>(&'r self, row: &'r Row) -> &'r str {
        let cell = row.get(self.column).trim_ascii();
        if cell.is_empty() {
            self.propagated.as_deref().unwrap_or("")
        } else {
            cell
        }
    }
}

/// What the row check looks up once per set.
struct Plan {
    /// The schema slot of each column, if it is a mapping slot.
    slots: Vec<Option<&'static spec::Slot>>,
    subject: Needed,
    subject_type: Needed,
    subject_label: Needed,
    object: Needed,
    object_type: Needed,
    object_label: Needed,
    predicate: Needed,
    justification: Needed,
}

impl Plan {
    fn of(set: &MappingSet) -> Self {
        Self {
            slots: set
                .columns
                .iter()
                // Free text has nothing to check.
                .map(|c| {
                    spec::slot(c).filter(|s| {
                        s.on_mapping() && !matches!(s.range, Range::Text | Range::Structured)
                    })
                })
                .collect(),
            subject: Needed::of(set, "subject_id"),
            subject_type: Needed::of(set, "subject_type"),
            subject_label: Needed::of(set, "subject_label"),
            object: Needed::of(set, "object_id"),
            object_type: Needed::of(set, "object_type"),
            object_label: Needed::of(set, "object_label"),
            predicate: Needed::of(set, "predicate_id"),
            justification: Needed::of(set, "mapping_justification"),
        }
    }
}

struct Checker<'a> {
    file: &'a str,
    set: &'a MappingSet<'a>,
    out: Vec<Diagnostic>,
    /// The prefixes of the `curie_map`.
    declared: Declared<'a>,
    /// The last justification found in the vocabulary.
    last_justification: &'static str,
}

impl Checker<'_> {
    fn push(&mut self, severity: Severity, code: Code, at: Position, slot: &str, message: String) {
        self.out.push(Diagnostic::new(
            severity,
            code,
            self.file,
            Some(at),
            slot,
            message,
        ));
    }

    /// Where a metadata key is, in the file that holds the metadata.
    fn meta_at(&self, key: &str) -> (String, Position) {
        let file = self
            .set
            .metadata_file
            .clone()
            .unwrap_or_else(|| self.file.to_owned());
        let at = self
            .set
            .metadata_at
            .get(key)
            .copied()
            .unwrap_or(Position { line: 1, column: 1 });
        (file, at)
    }

    fn meta_push(&mut self, severity: Severity, code: Code, key: &str, message: String) {
        let (file, at) = self.meta_at(key);
        self.out.push(Diagnostic::new(
            severity,
            code,
            &file,
            Some(at),
            key,
            message,
        ));
    }

    fn metadata(&mut self) {
        let set = self.set;
        if !set.values.contains_key("mapping_set_id") {
            let (file, _) = self.meta_at("mapping_set_id");
            self.out.push(Diagnostic::new(
                Severity::Warning,
                Code::Schema,
                &file,
                Some(Position { line: 1, column: 1 }),
                "mapping_set_id",
                "the mapping set has no `mapping_set_id`, which the specification requires"
                    .to_owned(),
            ));
        }
        for key in header::unknown_keys(set).cloned().collect::<Vec<_>>() {
            let known = spec::slot(&key).is_some();
            let message = if known {
                format!(
                    "`{key}` is a slot of mappings, not of the mapping set: it is kept but has no meaning here"
                )
            } else {
                format!(
                    "`{key}` is not an SSSOM slot and not a declared extension: it is kept as an undefined extension (text)"
                )
            };
            self.meta_push(Severity::Note, Code::Schema, &key, message);
        }
        for (key, values) in &set.values {
            let Some(slot) = spec::slot(key) else {
                continue;
            };
            if values.len() > 1 && !slot.multivalued {
                self.meta_push(
                    Severity::Error,
                    Code::Schema,
                    key,
                    format!("`{key}` takes one value, found a list of {}", values.len()),
                );
                continue;
            }
            for v in values {
                if let Some(message) = self.check_value(slot.name, slot.range, v) {
                    let (severity, code) = classify(&message);
                    self.meta_push(severity, code, key, message);
                }
            }
        }
    }

    fn columns(&mut self) {
        let set = self.set;
        for (i, name) in set.columns.iter().enumerate() {
            let at = Position {
                line: header_line(set),
                column: set.columns[..i]
                    .iter()
                    .map(|c| c.chars().count() + 1)
                    .sum::<usize>()
                    + 1,
            };
            match spec::slot(name) {
                Some(s) if s.on_mapping() => {}
                Some(_) => self.push(
                    Severity::Note,
                    Code::Schema,
                    at,
                    name,
                    format!("column `{name}` is a slot of the mapping set, not of mappings: its values are kept but not checked"),
                ),
                None if set.extensions.contains_key(name) => {}
                None => self.push(
                    Severity::Note,
                    Code::Schema,
                    at,
                    name,
                    format!("column `{name}` is not an SSSOM slot and not a declared extension: it is kept as an undefined extension (text)"),
                ),
            }
        }
    }

    /// Checks one row; true when it breaks the specification.
    fn row(&mut self, row: &Row, plan: &Plan) -> bool {
        let mut bad = false;
        let column_at = |i: usize| row.position(i);
        let at = |slot: &Needed| {
            slot.column.map_or(
                Position {
                    line: row.line,
                    column: 1,
                },
                column_at,
            )
        };
        // The mandatory slots, after propagation; a literal side is given by its label.
        for (side, kind, label) in [
            (&plan.subject, &plan.subject_type, &plan.subject_label),
            (&plan.object, &plan.object_type, &plan.object_label),
        ] {
            if !side.value(row).is_empty() {
                continue;
            }
            let literal = kind.value(row) == LITERAL;
            if literal && !label.value(row).is_empty() {
                continue;
            }
            let message = if literal {
                format!(
                    "`{}` is empty: a literal mapping gives its {} by its label",
                    label.name,
                    &side.name[..side.name.len() - 3]
                )
            } else {
                format!("`{}` is empty", side.name)
            };
            self.push(Severity::Error, Code::Schema, at(side), side.name, message);
            bad = true;
        }
        for slot in [&plan.predicate, &plan.justification] {
            if slot.value(row).is_empty() {
                let message = format!("`{}` is empty", slot.name);
                self.push(Severity::Error, Code::Schema, at(slot), slot.name, message);
                bad = true;
            }
        }
        for (i, slot) in plan.slots.iter().enumerate() {
            let Some(slot) = slot else {
                continue;
            };
            let cell = row.get(Some(i)).trim_ascii();
            if cell.is_empty() {
                continue;
            }
            let mut check = |v: &str, this: &mut Self| {
                if let Some(message) = this.check_value(slot.name, slot.range, v) {
                    let (severity, code) = classify(&message);
                    this.push(severity, code, column_at(i), slot.name, message);
                    bad |= severity == Severity::Error;
                }
            };
            if slot.multivalued && cell.contains('|') {
                for v in split_values(cell) {
                    check(v.trim(), self);
                }
            } else {
                check(cell, self);
            }
        }
        bad
    }

    /// What is wrong with one value of a slot, if anything.
    fn check_value(&mut self, name: &str, range: Range, v: &str) -> Option<String> {
        if v.is_empty() {
            return None;
        }
        if name == "mapping_justification" {
            // Most sets use one or two justifications: compare with the last one accepted.
            if self.last_justification == v {
                return None;
            }
            let known = JUSTIFICATIONS.iter().find(|j| **j == v);
            if let Some(j) = known {
                self.last_justification = j;
            }
            return known.is_none().then(|| {
                format!("`{v}` is not a mapping justification of the SSSOM specification (semapv:LexicalMatching, semapv:ManualMappingCuration, ...)")
            });
        }
        match range {
            Range::Curie => self.check_curie(v),
            Range::Uri => (!has_scheme(v)).then(|| format!("`{v}` is not an absolute IRI")),
            Range::Double => {
                let Ok(x) = v.parse::<f64>() else {
                    return Some(format!("`{v}` is not a number"));
                };
                let (lo, hi) = if name == "reviewer_agreement" {
                    (-1.0, 1.0)
                } else {
                    (0.0, 1.0)
                };
                let bounded = matches!(
                    name,
                    "confidence"
                        | "mapping_set_confidence"
                        | "reviewer_agreement"
                        | "similarity_score"
                );
                if !x.is_finite() {
                    Some(format!("`{v}` is not a finite number"))
                } else if bounded && !(lo..=hi).contains(&x) {
                    Some(format!("`{v}` is outside {lo} to {hi}"))
                } else {
                    None
                }
            }
            Range::Date => (!is_date(v)).then(|| format!("`{v}` is not a date (YYYY-MM-DD)")),
            Range::EntityType => (!ENTITY_TYPES.contains(&v)).then(|| {
                format!(
                    "`{v}` is not an entity type (e.g. `owl class`, `skos concept`, `rdfs literal`)"
                )
            }),
            Range::PredicateModifier => (!PREDICATE_MODIFIERS.contains(&v))
                .then(|| format!("`{v}` is not a predicate modifier (the only one is `Not`)")),
            Range::Cardinality => (!CARDINALITIES.contains(&v)).then(|| {
                format!("`{v}` is not a mapping cardinality (1:1, 1:n, n:1, n:n, 1:0, 0:1, 0:0)")
            }),
            Range::Version => (!VERSIONS.contains(&v))
                .then(|| format!("`{v}` is not an SSSOM version (1.0 or 1.1)")),
            Range::Text | Range::Structured => None,
        }
    }

    fn check_curie(&mut self, v: &str) -> Option<String> {
        let Some((prefix, _)) = v.split_once(':').filter(|(p, _)| !p.is_empty()) else {
            return Some(format!(
                "`{v}` is not a CURIE (expected `prefix:local`): {NOT_A_CURIE}"
            ));
        };
        let declared =
            self.declared.contains(prefix) || BUILTIN_PREFIXES.iter().any(|(p, _)| *p == prefix);
        (!declared).then(|| format!("prefix `{prefix}` of `{v}` is not declared in the curie_map"))
    }
}

/// The end of the message for a value that is not a CURIE where the schema expects one: the
/// reference tool and common files accept bare names there (`subject_source: UBERON`,
/// `predicate_id: noMatch`), so it is a warning, not an error.
const NOT_A_CURIE: &str = "kept as written";

/// The severity and code of a value problem.
fn classify(message: &str) -> (Severity, Code) {
    if message.ends_with(NOT_A_CURIE) {
        (Severity::Warning, Code::Schema)
    } else if message.contains("is not declared") {
        (Severity::Error, Code::DanglingReference)
    } else if message.contains("is outside") {
        (Severity::Error, Code::OutOfRange)
    } else {
        (Severity::Error, Code::Schema)
    }
}

/// The line of the column header.
fn header_line(set: &MappingSet) -> usize {
    set.rows()
        .next()
        .map_or(1, |r| r.line.saturating_sub(1).max(1))
}

fn has_scheme(v: &str) -> bool {
    let Some((scheme, rest)) = v.split_once(':') else {
        return false;
    };
    let mut chars = scheme.chars();
    chars.next().is_some_and(|c| c.is_ascii_alphabetic())
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
        && !rest.is_empty()
}

fn is_date(v: &str) -> bool {
    let b = v.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return false;
    }
    let num = |r: std::ops::Range<usize>| v.get(r).and_then(|s| s.parse::<u32>().ok());
    match (num(0..4), num(5..7), num(8..10)) {
        (Some(y), Some(m), Some(d)) => {
            let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
            let days = match m {
                1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
                4 | 6 | 9 | 11 => 30,
                2 if leap => 29,
                2 => 28,
                _ => return false,
            };
            (1..=days).contains(&d)
        }
        _ => false,
    }
}
