//! JSON Schemas of the data files, generated from the Rust types.
//!
//! The checked-in copies under `data/schema/` are compared with these by the test suite;
//! regenerate them with `cybercrime-taxonomy schema --write data/schema`.

use schemars::schema::RootSchema;

/// Makes one schema.
pub type SchemaFn = fn() -> RootSchema;

/// The kinds of data file, with the file name of each schema.
pub const KINDS: [(&str, SchemaFn); 3] = [
    ("taxonomy.schema.json", taxonomy),
    ("alignments.schema.json", alignments),
    ("jurisdiction.schema.json", jurisdiction),
];

/// Schema of a taxonomy file (`data/taxonomies/*.json`, except `alignments.json`).
pub fn taxonomy() -> RootSchema {
    schemars::schema_for!(crate::Taxonomy)
}

/// Schema of the alignments file (`data/taxonomies/alignments.json`).
pub fn alignments() -> RootSchema {
    schemars::schema_for!(crate::Alignments)
}

/// Schema of a jurisdiction file (`data/jurisdictions/*.json`).
pub fn jurisdiction() -> RootSchema {
    schemars::schema_for!(crate::Jurisdiction)
}

/// The schema as pretty JSON text with a trailing newline, as checked in.
pub fn to_text(schema: &RootSchema) -> String {
    let mut text = serde_json::to_string_pretty(schema).unwrap_or_default();
    text.push('\n');
    text
}

/// Every schema in one JSON document: an object keyed by the schema's file name
/// (`{"taxonomy.schema.json": {...}, ...}`), as pretty text with a trailing newline. This is
/// what `cybercrime-taxonomy schema` prints; `schema --write DIR` writes the files instead.
///
/// ```
/// let all: serde_json::Value =
///     serde_json::from_str(&cybercrime_taxonomy::schema::bundle_text()).unwrap();
/// assert!(all["taxonomy.schema.json"]["properties"]["categories"].is_object());
/// ```
pub fn bundle_text() -> String {
    let bundle: serde_json::Map<String, serde_json::Value> = KINDS
        .iter()
        .map(|(name, make)| {
            let schema = serde_json::to_value(make()).unwrap_or_default();
            ((*name).to_owned(), schema)
        })
        .collect();
    let mut text = serde_json::to_string_pretty(&bundle).unwrap_or_default();
    text.push('\n');
    text
}
